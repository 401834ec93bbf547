#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-man.sh PAGE...
# Formats each man page as lintian does and fails on any groff warning.
# (shenzhen(1)'s synopsis and options are written from the command's own
# option table, and tests/cli/test_options.c checks them against it.)
set -eu
. "$(dirname "$0")/lib.sh"
command -v man >/dev/null || skip "man is not installed (apt-get install man-db groff-base)"

for page in "$@"; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
             man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null || echo "man failed")
  [ -z "$warnings" ] && ok "$(basename "$page") formats without warnings" \
    || fail "$(basename "$page"): $warnings"
done

finish
