#!/bin/sh
# check-symbols.sh CC HEADER INCLUDE_DIR MAP LIBRARY
#
# The exported ABI is named three times; this checks that the three agree:
#   1. the functions declared with SHZ_API in include/shenzhen.h,
#   2. the names in the version script libshenzhen/runtime/shenzhen.map,
#   3. what the shared library really exports (nm -D --defined-only).
# It also checks that every export is a shz_ function bound to a SHENZHEN_*
# version node and that the map has a `local: *;` (implicitly: the library
# exports nothing else). A function may also keep old versions (name@NODE,
# not the default name@@NODE) for programs linked against an older release:
# each must be of a name the library exports by default, in a node of the map.
set -eu
cc=$1 header=$2 incdir=$3 map=$4 lib=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The header, through the preprocessor (which drops comments) with SHZ_API
# replaced by a marker; each marked declaration runs to its ';'.
"$cc" -E -P -DSHZ_API=SHZ_ABI_EXPORT_MARK -I"$incdir" -x c "$header" |
  tr '\n' ' ' | tr ';' '\n' |
  sed -n 's/.*SHZ_ABI_EXPORT_MARK[^(]*[^A-Za-z0-9_]\(shz_[A-Za-z0-9_]*\)[[:space:]]*(.*/\1/p' |
  LC_ALL=C sort >"$tmp/header"

# 2. The map, joined into one line without comments.
tr '\n' ' ' <"$map" | sed 's,/\*[^*]*\*\+\([^/*][^*]*\*\+\)*/, ,g' >"$tmp/map-text"
# shellcheck disable=SC2020 # each of ; { } becomes a newline
tr ';{}' '\n\n\n' <"$tmp/map-text" | sed -e 's/^.*://' -e 's/[[:space:]]//g' |
  grep '^[A-Za-z_][A-Za-z0-9_]*$' | grep -v '^SHENZHEN_' | LC_ALL=C sort >"$tmp/map"

# 3. The library's dynamic symbol table: defined symbols except the version
# nodes themselves (absolute symbols named like the nodes).
nm -D --defined-only "$lib" | awk '$2 != "A" { print $3 }' >"$tmp/nm-raw"
# Default versions (and unversioned names, which fail below) make the list;
# old versions are checked apart.
grep -v '^[^@]*@[^@]' "$tmp/nm-raw" | sed 's/@.*//' | LC_ALL=C sort >"$tmp/nm"
grep '^[^@]*@[^@]' "$tmp/nm-raw" >"$tmp/nm-old" || true

status=0
for f in header map nm; do
  if [ ! -s "$tmp/$f" ]; then
    echo "FAIL: no symbols found in the $f list" >&2
    status=1
  fi
  dups=$(uniq -d "$tmp/$f")
  if [ -n "$dups" ]; then
    echo "FAIL: named twice in the $f list: $dups" >&2
    status=1
  fi
done

words() { printf '%s' "$1" | tr '\n' ' '; } # one line of the list's words
compare() { # compare A B: prints what is in one and not the other
  only_a=$(LC_ALL=C comm -23 "$tmp/$1" "$tmp/$2")
  only_b=$(LC_ALL=C comm -13 "$tmp/$1" "$tmp/$2")
  if [ -n "$only_a" ]; then
    echo "FAIL: in the $1 list but not the $2 list: $(words "$only_a")" >&2
    status=1
  fi
  if [ -n "$only_b" ]; then
    echo "FAIL: in the $2 list but not the $1 list: $(words "$only_b")" >&2
    status=1
  fi
}
compare header map
compare map nm

bad=$(grep -v '^shz_' "$tmp/nm" || true)
if [ -n "$bad" ]; then
  echo "FAIL: exported symbols without the shz_ prefix: $(words "$bad")" >&2
  status=1
fi
unversioned=$(grep -v '@@\?SHENZHEN_[0-9.]*$' "$tmp/nm-raw" || true)
if [ -n "$unversioned" ]; then
  echo "FAIL: exports not bound to a SHENZHEN_* version node: $(words "$unversioned")" >&2
  status=1
fi
while IFS=@ read -r name node; do
  [ -n "$name" ] || continue
  if ! grep -qx "$name" "$tmp/nm"; then
    echo "FAIL: old version $name@$node of a function not exported by default" >&2
    status=1
  fi
  if ! grep -q "${node}[[:space:]]*{" "$tmp/map-text"; then
    echo "FAIL: old version $name@$node names no node of $map" >&2
    status=1
  fi
  echo "ok: $name also exported as its $node version"
done <"$tmp/nm-old"
nodes=$(grep -o 'SHENZHEN_[0-9.]*[[:space:]]*{' "$tmp/map-text" | wc -l)
locals=$(grep -o 'local:[[:space:]]*\*[[:space:]]*;' "$tmp/map-text" | wc -l)
if [ "$nodes" -lt 1 ] || [ "$locals" -lt 1 ]; then
  echo "FAIL: $map needs SHENZHEN_x.y nodes and 'local: *;'" >&2
  status=1
fi
if sed 's/local:[[:space:]]*\*[[:space:]]*;//g' "$tmp/map-text" | grep -q '[*?]'; then
  echo "FAIL: $map uses a wildcard outside 'local: *;' (name every symbol)" >&2
  status=1
fi

n=$(wc -l <"$tmp/header")
if [ $status -eq 0 ]; then
  echo "OK: header, map and library agree on $n shz_ functions"
fi
exit $status
