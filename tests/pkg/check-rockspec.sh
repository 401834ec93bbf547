#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-rockspec.sh ROCKSPEC
# `luarocks lint` on the rockspec: fields LuaRocks requires, valid syntax.
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
rockspec=$1
[ -f "$rockspec" ] || { fail "no $rockspec (its name must follow project(VERSION))"; finish; }
command -v luarocks >/dev/null || skip "luarocks is not installed (apt-get install luarocks)"
luarocks --lua-version 5.4 lint "$rockspec" && ok "luarocks lint $(basename "$rockspec")" \
  || fail "luarocks lint $(basename "$rockspec")"
grep -q 'type = "cmake"' "$rockspec" && ok "build type cmake" || fail "the build type is not cmake"
finish
