#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# run-binding.sh python|lua INTERPRETER PREFIX VERSION EXPECTED SCRIPT
# Runs SCRIPT with INTERPRETER against the module installed in PREFIX only: the
# module path points into PREFIX, nothing of the build or source tree is on it,
# and no LD_LIBRARY_PATH is set (the installed module finds libshenzhen by itself).
# EXPECTED is 1 when the build has the binding: then a missing module fails;
# otherwise the test is skipped with a message.
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
lang=$1 interp=$2 prefix=$3 version=$4 expected=$5 script=$6

case $lang in
python)
  init=$(find "$prefix" -path '*-packages/shenzhen/__init__.py' | head -n 1)
  moddir=${init%/shenzhen/__init__.py} ;;
lua)
  so=$(find "$prefix" -path '*/lua/*' -name 'shenzhen.so' | head -n 1)
  moddir=${so%/shenzhen.so} ;;
*) echo "unknown language $lang" >&2; exit 2 ;;
esac

if [ -z "$moddir" ]; then
  [ "$expected" = 1 ] ||
    not_applicable "the $lang binding is not part of this build (SHZ_BINDINGS=OFF or no '$lang' install component)"
  fail "the build has the $lang binding but no module was installed under $prefix"
  finish
fi
command -v "$interp" >/dev/null 2>&1 || skip "$interp is not installed"
echo "$lang module directory: $moddir"

run_dir=$(mktemp -d)
trap 'rm -rf "$run_dir"' EXIT
cd "$run_dir"
unset LD_LIBRARY_PATH PYTHONHOME
case $lang in
python)
  PYTHONPATH=$moddir PYTHONNOUSERSITE=1 PYTHONDONTWRITEBYTECODE=1 \
    "$interp" "$script" "$prefix" "$version" || fail "$script" ;;
lua)
  luadir=$(find "$prefix" -path '*/share/lua/*' -name 'shenzhen*.lua' -exec dirname {} \; | head -n 1)
  LUA_CPATH="$moddir/?.so" LUA_PATH="${luadir:+$luadir/?.lua;$luadir/?/init.lua;}$(dirname "$script")/?.lua" \
  LUA_CPATH_5_4="$moddir/?.so" LUA_PATH_5_4="${luadir:+$luadir/?.lua;$luadir/?/init.lua;}$(dirname "$script")/?.lua" \
    "$interp" "$script" "$prefix" "$version" || fail "$script" ;;
esac
finish
