#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-luarocks.sh SOURCE WORKDIR VERSION LUA
# Builds and installs the rock as a user would, from a copy of SOURCE: the
# `luarocks` command of README.md's Lua block, as written (bindings/README.md
# must show the same), into the user tree of a private HOME. The rock must
# build the module alone (not the command, man pages or examples). Then the
# build is deleted and the block's second line (`luarocks path`, then require)
# must print the version; the deployed module must stand alone (no
# libshenzhen.so.1, no path into the build).
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
src=$1 work=$2 version=$3 lua=$4
rockspec=bindings/lua/shenzhen-$version-1.rockspec
command -v luarocks >/dev/null || skip "luarocks is not installed (apt-get install luarocks)"

# readme_lines FILE: the lines of FILE's ```sh blocks that run luarocks.
readme_lines() {
  awk '/^```sh$/ { on = 1; next } /^```/ { on = 0 } on && /luarocks/' "$1" | sed 's/  #.*//'
}
make_line=$(readme_lines "$src/README.md" | grep '^luarocks .* make ' | head -n 1)
path_line=$(readme_lines "$src/README.md" | grep 'luarocks .* path' | head -n 1)
[ -n "$make_line" ] && [ -n "$path_line" ] \
  || { fail "README.md shows no 'luarocks … make' and 'luarocks … path' lines"; finish; }
case $make_line in *"$rockspec"*) ok "README.md: $make_line" ;;
  *) fail "README.md's luarocks line names another rockspec than $rockspec: $make_line" ;; esac
readme_lines "$src/bindings/README.md" | grep -qxF "$make_line" \
  && ok "bindings/README.md shows the same command" \
  || fail "bindings/README.md does not show: $make_line"

rm -rf "$work"
mkdir -p "$work/src" "$work/home"
(cd "$src" && tar --exclude=./.git --exclude='./build*' -cf - .) | (cd "$work/src" && tar -xf -)
(cd "$work/src" && HOME=$work/home sh -c "$make_line") \
  >"$work/luarocks.log" 2>&1 || { cat "$work/luarocks.log"; fail "$make_line"; finish; }
ok "$make_line"
built=$(grep -o 'Built target [A-Za-z0-9_]*' "$work/luarocks.log" | sed 's/Built target //' | sort -u | tr '\n' ' ')
echo "the rock built: $built"
for t in shenzhen shenzhen_cli man shz_deb_docs shenzhen_python example_search; do
  case " $built " in *" $t "*) fail "the rock built $t, which it does not install" ;; esac
done
case " $built " in *" shenzhen_lua "*) ok "the rock built the module (shenzhen_lua)" ;;
  *) fail "the log shows no shenzhen_lua target built" ;; esac
rm -rf "$work/src"

got=$(cd "$work" && HOME=$work/home env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4 \
      sh -c "$path_line") || got="(failed)"
[ "$got" = "$version" ] && ok "$path_line: $got" || fail "$path_line printed '$got', expected '$version'"

so=$(find "$work/home/.luarocks" -path '*/lua/5.4/shenzhen.so' | head -n 1)
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
