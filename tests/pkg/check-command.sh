#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-command.sh PREFIX WORKDIR VERSION
# The `shenzhen` command installed into PREFIX starts as it is, without
# LD_LIBRARY_PATH: its RUNPATH is relative ($ORIGIN/../<libdir>), so it finds the
# libshenzhen.so.1 of its own prefix, and still does after the prefix is moved.
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
prefix=$1 work=$2 version=$3
unset LD_LIBRARY_PATH

exe=$prefix/bin/shenzhen
[ -x "$exe" ] || { fail "no $exe"; finish; }
runpath=$(objdump -p "$exe" | awk '$1 == "RUNPATH" || $1 == "RPATH" {print $2}')
# shellcheck disable=SC2016 # a literal $ORIGIN
case $runpath in
'$ORIGIN/'*) ok "RUNPATH $runpath" ;;
*) fail "RUNPATH is '$runpath', expected one relative to \$ORIGIN" ;;
esac

# run DIR: the command of that prefix prints its version, and loads the
# libshenzhen.so.1 inside DIR (not one of the build tree or another prefix).
run() {
  got=$("$1/bin/shenzhen" --version 2>&1 | head -n 1) || true
  [ "$got" = "shenzhen (libshenzhen) $version" ] && ok "$1/bin/shenzhen --version: $got" \
    || fail "$1/bin/shenzhen --version printed '$got'"
  lib=$(ldd "$1/bin/shenzhen" | awk '$1 == "libshenzhen.so.1" {print $3}')
  case $(cd "$(dirname "$lib")" 2>/dev/null && pwd -P) in
  "$(cd "$1" && pwd -P)"/*) ok "it loads $lib" ;;
  *) fail "it loads '$lib', not the library of $1" ;;
  esac
}
run "$prefix"

rm -rf "$work"
mkdir -p "$work"
cp -a "$prefix" "$work/copy"
mv "$work/copy" "$work/moved"
run "$work/moved"
rm -rf "$work"
finish
