#!/bin/sh
# check-size.sh STRIP LIBRARY LIMIT
#
# The library, stripped as a package ships it, must stay under LIMIT bytes:
# the compiled-in index grows with every field it indexes, and this says
# when a change makes it outgrow its budget.
set -eu
strip_tool=$1 lib=$2 limit=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$strip_tool" -o "$tmp/lib.so" "$lib"
size=$(wc -c <"$tmp/lib.so" | tr -d ' ')
if [ "$size" -ge "$limit" ]; then
  echo "FAIL: $lib stripped is $size bytes, the budget is under $limit" >&2
  exit 1
fi
echo "OK: $lib stripped is $size bytes, $((limit - size)) under the budget of $limit"
