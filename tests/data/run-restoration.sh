#!/bin/sh
# run-restoration.sh PYTHON DRAFT SEED
# data_restoration_reproducible: re-runs the restoration of the damaged seed
# (DRAFT --check) and compares it with the committed data/catalogue.json and
# data/errata.json. It needs the seed, which lives beside the repository, not
# in it (shared/seed/ next to the clone, as CI has it), and the opencc command.
# Without them the test is skipped, saying what it needs; in CI (CI=true) it fails.
set -eu
python=$1 draft=$2 seed=$3
missing=""
[ -f "$seed" ] || missing="the seed $seed (shared/seed/000_aba122246e41847e.txt beside the repository; or configure with -DSHZ_SEED=PATH)"
command -v opencc >/dev/null || missing="${missing:+$missing, and }the opencc command (apt-get install opencc)"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: the restoration check must run in CI, and it needs $missing" >&2
    exit 1
  fi
  echo "SKIP: the restoration check needs $missing"
  exit 77
fi
exec "$python" "$draft" --check --seed "$seed"
