#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-versions.sh VERSION SOURCE PREFIX DEBDIR PYTHON LUA
# One version, set by project(VERSION), must be the one every artefact reports:
# the installed header, pc file, CMake package, library and command, the man
# pages, the Python and Lua modules, the rockspec, CHANGELOG.md and the .deb files.
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
version=$1 src=$2 prefix=$3 debdir=$4 python=$5 lua=$6
echo "project version: $version"

# same WHAT GOT: GOT must equal the project version.
same() {
  [ "$2" = "$version" ] && ok "$1: $2" || fail "$1 is '$2', expected '$version'"
}

h=$(find "$prefix" -name shenzhen_version.h | head -n 1)
same "SHZ_VERSION_STRING in $h" "$(sed -n 's/^#define SHZ_VERSION_STRING "\(.*\)"$/\1/p' "$h")"

pc=$(find "$prefix" -name shenzhen.pc | head -n 1)
same "pkg-config --modversion" \
  "$(PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_LIBDIR=$(dirname "$pc") pkg-config --modversion shenzhen)"

cv=$(find "$prefix" -name shenzhenConfigVersion.cmake | head -n 1)
same "PACKAGE_VERSION in shenzhenConfigVersion.cmake" \
  "$(sed -n 's/^set(PACKAGE_VERSION "\(.*\)")$/\1/p' "$cv")"

lib=$(libdir "$prefix")
[ -f "$lib/libshenzhen.so.$version" ] && ok "library file libshenzhen.so.$version" \
  || fail "no $lib/libshenzhen.so.$version: $(ls "$lib")"

out=$("$prefix/bin/shenzhen" --version | head -n 1)
same "shenzhen --version" "${out##* }"

n=0
for f in $(find "$prefix" -path '*/man/man*/*.gz' | sort); do
  n=$((n + 1))
  th=$(gzip -dc "$f" | grep '^\.TH ')
  case $th in *"\"libshenzhen $version\""*) ;; *) fail "$(basename "$f"): $th" ;; esac
done
[ "$n" -gt 2 ] && ok "the $n man pages say libshenzhen $version" || fail "only $n man pages under $prefix"

if [ -n "$python" ] && init=$(find "$prefix" -path '*-packages/shenzhen/__init__.py' | head -n 1) \
     && [ -n "$init" ]; then
  same "shenzhen.__version__ (Python)" "$(cd / && PYTHONPATH=${init%/shenzhen/__init__.py} \
    PYTHONNOUSERSITE=1 PYTHONDONTWRITEBYTECODE=1 "$python" -c 'import shenzhen; print(shenzhen.__version__)')"
else
  echo "note: no installed Python package: its version not checked"
fi
if [ -n "$lua" ] && so=$(find "$prefix" -path '*/lua/*' -name shenzhen.so | head -n 1) && [ -n "$so" ]; then
  same "shenzhen.version (Lua)" "$(cd / && LUA_CPATH="${so%/shenzhen.so}/?.so" LUA_CPATH_5_4="${so%/shenzhen.so}/?.so" \
    "$lua" -e 'local s = require "shenzhen"; io.write(s.version)')"
else
  echo "note: no installed Lua module: its version not checked"
fi

rockspec=$src/bindings/lua/shenzhen-$version-1.rockspec
if [ -f "$rockspec" ]; then
  same "version in $(basename "$rockspec")" \
    "$(sed -n 's/^version *= *"\(.*\)-[0-9]*"$/\1/p' "$rockspec")"
  grep -q "tag = \"v$version\"" "$rockspec" && ok "rockspec source tag v$version" \
    || fail "the rockspec's source tag is not v$version"
else
  fail "no $rockspec"
fi

grep -q "^## \[$version\] - [0-9]\{4\}-[0-9][0-9]-[0-9][0-9]$" "$src/CHANGELOG.md" \
  && ok "CHANGELOG.md has a dated section for $version" || fail "CHANGELOG.md has no '## [$version] - YYYY-MM-DD'"

n=0
for deb in "$debdir"/*.deb; do
  [ -f "$deb" ] || continue
  n=$((n + 1))
  same "Version of $(basename "$deb")" "$(dpkg-deb -f "$deb" Version)"
done
[ "$n" -gt 0 ] || fail "no .deb in $debdir"
finish
