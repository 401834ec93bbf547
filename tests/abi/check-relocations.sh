#!/bin/sh
# check-relocations.sh LIBRARY
#
# The compiled-in tables (the catalogue's and the search index's) hold only
# integers, so they must need no load-time relocation: every hidden data
# object named shzi_* in .symtab must lie in .rodata (not .data.rel.ro, which is
# where the linker puts const data that needs relocating) and no dynamic
# relocation may patch a byte inside any of them. Nor may any other constant
# table of the library's own hold pointers (a list of words as const char *[]):
# no object of its own in .data.rel.ro, only the toolchain's (__gcov_*, in a
# coverage build). Needs an unstripped build.
set -eu
lib=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

readelf -SW "$lib" | sed -n 's/^ *\[ *\([0-9]*\)\] \([^ ]*\) .*/\1 \2/p' >"$tmp/sections"
# Value Size Ndx Name of every OBJECT named shzi_* (the tables are hidden, so
# they appear in .symtab only, as LOCAL after the version script).
readelf -sW "$lib" | awk '$4 == "OBJECT" && $8 ~ /^shzi_/ { print $2, $3, $7, $8 }' |
  sort -u -k4,4 >"$tmp/objects"
readelf -rW "$lib" | awk '$1 ~ /^[0-9a-f]+$/ && NF >= 3 { print $1 }' >"$tmp/relocs"

count=$(wc -l <"$tmp/objects")
if [ "$count" -eq 0 ]; then
  echo "FAIL: no shzi_* data objects in .symtab of $lib (stripped?)" >&2
  exit 1
fi
# Constant tables that hold pointers: OBJECT symbols in .data.rel.ro.
rel_ro=$(awk '$2 == ".data.rel.ro" { print $1 }' "$tmp/sections")
if [ -n "$rel_ro" ]; then
  pointers=$(readelf -sW "$lib" |
    awk -v ndx="$rel_ro" '$4 == "OBJECT" && $7 == ndx && $8 !~ /^__/ { printf " %s", $8 }')
  if [ -n "$pointers" ]; then
    echo "FAIL: constant tables of pointers, relocated at load time (hold the strings in" \
      "place, as char [][N]):$pointers" >&2
    exit 1
  fi
fi

# One awk pass: section of each object, and any relocation inside it.
awk -v sections="$tmp/sections" -v relocs="$tmp/relocs" '
  function hex(s,   i, c, v) {
    v = 0; s = tolower(s)
    for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)); v = v * 16 + c - 1 }
    return v
  }
  BEGIN {
    while ((getline line < sections) > 0) { split(line, f, " "); name[f[1]] = f[2] }
    nr = 0
    while ((getline line < relocs) > 0) r[nr++] = hex(line)
    bad = 0
  }
  {
    start = hex($1); size = $2 + 0; sec = ($3 in name) ? name[$3] : "ndx " $3
    if (sec != ".rodata") { printf "FAIL: %s is in %s, not .rodata\n", $4, sec; bad = 1 }
    hits = 0
    for (i = 0; i < nr; i++) if (r[i] >= start && r[i] < start + size) hits++
    if (hits) { printf "FAIL: %s has %d load-time relocation(s)\n", $4, hits; bad = 1 }
    else printf "ok: %-28s %8d bytes in %s, no relocations\n", $4, size, sec
  }
  END { exit bad }
' "$tmp/objects" >&2 || { echo "FAIL: tables need relocations" >&2; exit 1; }
echo "OK: $count shzi_* tables in .rodata with no load-time relocations, no constant table of pointers ($(wc -l <"$tmp/relocs") relocations in the library, none in them)"
