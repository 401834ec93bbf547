#!/bin/sh
# check-abi.sh BASELINE LIBRARY HEADER_DIR...
#
# Compares the shared library's ABI with the committed baseline (made by
# update-baseline.sh with abidw) using abidiff, restricted to the types of the
# public headers. abidiff's exit status is a bit mask:
#   1 ABIDIFF_ERROR, 2 ABIDIFF_USAGE_ERROR            -> the check itself failed
#   4 ABIDIFF_ABI_CHANGE                              -> compatible change (e.g. added
#                                                        functions): allowed, reported
#   8 ABIDIFF_ABI_INCOMPATIBLE_CHANGE                 -> removed or changed: fails
# Within SONAME major 1 the ABI may only grow (see README, "ABI policy").
set -u
baseline=$1 lib=$2
shift 2
dirs=""
for d in "$@"; do dirs="$dirs --headers-dir2 $d"; done

if ! command -v abidiff >/dev/null; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: abidiff is not installed (apt-get install abigail-tools; .ci/install-deps)" >&2
    exit 1
  fi
  echo "SKIP: abidiff is not installed (apt-get install abigail-tools)"
  exit 77
fi
# The library must carry debug information (RelWithDebInfo or Debug) for the
# type comparison to mean anything: a Release or MinSizeRel build has none, so
# the check cannot run there. Outside CI that is a skip that says why; CI
# builds RelWithDebInfo, so there it is a failure.
if ! readelf -SW "$lib" | grep -q '\.debug_info'; then
  why="$lib has no debug information, which abidiff needs to compare types (a Release or MinSizeRel build?);"
  how="configure with -DCMAKE_BUILD_TYPE=RelWithDebInfo (the default) or Debug"
  if [ "${CI:-}" = true ]; then
    echo "FAIL: $why $how" >&2
    exit 1
  fi
  echo "SKIP: $why $how"
  exit 77
fi
# shellcheck disable=SC2086
report=$(abidiff --no-show-locs $dirs "$baseline" "$lib" 2>&1)
rc=$?
echo "$report"
if [ $((rc & 3)) -ne 0 ]; then
  echo "FAIL: abidiff could not compare (exit $rc)" >&2
  exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
  echo "FAIL: incompatible ABI change against $baseline (exit $rc): a function was removed or a type or signature changed" >&2
  exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
  echo "OK: compatible ABI change (additions) against the baseline; regenerate it with tests/abi/update-baseline.sh at release"
else
  echo "OK: ABI identical to the baseline"
fi
exit 0
