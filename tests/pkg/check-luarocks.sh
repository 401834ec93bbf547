#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-luarocks.sh SOURCE WORKDIR VERSION LUA
# Builds and installs the rock as a user would (`luarocks make` on the
# rockspec) from a copy of SOURCE into a private tree, deletes the build, and
# requires the deployed module: it must stand alone (no libshenzhen.so.1, no
# path into the build) and report the project's version.
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
src=$1 work=$2 version=$3 lua=$4
rockspec=bindings/lua/shenzhen-$version-1.rockspec
command -v luarocks >/dev/null || skip "luarocks is not installed (apt-get install luarocks)"

rm -rf "$work"
mkdir -p "$work/src"
(cd "$src" && tar --exclude=./.git --exclude='./build*' -cf - .) | (cd "$work/src" && tar -xf -)
(cd "$work/src" && luarocks --lua-version 5.4 --tree "$work/tree" make "$rockspec") \
  >"$work/luarocks.log" 2>&1 || { cat "$work/luarocks.log"; fail "luarocks make $rockspec"; finish; }
ok "luarocks make $rockspec"
rm -rf "$work/src"

so=$(find "$work/tree" -path '*/lua/5.4/shenzhen.so' | head -n 1)
[ -n "$so" ] || { fail "no lua/5.4/shenzhen.so in the rock tree"; finish; }
ok "deployed $so"
objdump -p "$so" | grep -q 'NEEDED.*libshenzhen' && fail "the rock's module needs libshenzhen.so" \
  || ok "the rock's module has libshenzhen linked in"
objdump -p "$so" | grep -Eq 'R(UN)?PATH' && fail "the rock's module has an RPATH: $(objdump -p "$so" | grep -E 'R(UN)?PATH')" \
  || ok "the rock's module has no RPATH"
got=$(cd / && LUA_CPATH="${so%/shenzhen.so}/?.so" LUA_CPATH_5_4="${so%/shenzhen.so}/?.so" \
      "$lua" -e 'io.write(require("shenzhen").version)') || got="(require failed)"
[ "$got" = "$version" ] && ok "require('shenzhen').version = $version" \
  || fail "require('shenzhen').version is '$got', expected '$version'"
finish
