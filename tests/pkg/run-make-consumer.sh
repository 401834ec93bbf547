#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# run-make-consumer.sh SOURCE WORKDIR PREFIX VERSION
# Builds tests/pkg/make-consumer with make and pkg-config against PREFIX, runs it,
# and checks that the pc file is relocatable (paths relative to ${pcfiledir}).
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
src=$1 work=$2 prefix=$3 version=$4
command -v pkg-config >/dev/null || skip "pkg-config is not installed (apt-get install pkg-config)"

lib=$(libdir "$prefix")
pc=$(find "$prefix" -name shenzhen.pc | head -n 1)
[ -n "$pc" ] || { fail "no shenzhen.pc under $prefix"; finish; }
PKG_CONFIG_PATH=$(dirname "$pc")
PKG_CONFIG_LIBDIR=$PKG_CONFIG_PATH  # the installed pc file, never a system one
export PKG_CONFIG_PATH PKG_CONFIG_LIBDIR

[ "$(pkg-config --modversion shenzhen)" = "$version" ] && ok "pkg-config --modversion = $version" \
  || fail "pkg-config --modversion is $(pkg-config --modversion shenzhen), expected $version"
echo "pkg-config --cflags --libs shenzhen: $(pkg-config --cflags --libs shenzhen)"
[ "$(cd "$(pkg-config --variable=libdir shenzhen)" && pwd -P)" = "$(cd "$lib" && pwd -P)" ] && ok "libdir is $lib" \
  || fail "libdir is $(pkg-config --variable=libdir shenzhen), expected $lib"

rm -rf "$work"
mkdir -p "$work"
make -C "$src" O="$work"
LD_LIBRARY_PATH=$lib "$work/consumer" "$version" || fail "consumer failed"
"$work/consumer-static" "$version" || fail "consumer-static failed"
objdump -p "$work/consumer" | grep -q 'NEEDED.*libshenzhen\.so\.1' \
  && ok "consumer needs libshenzhen.so.1" || fail "consumer does not need libshenzhen.so.1"
objdump -p "$work/consumer-static" | grep -q 'NEEDED.*libshenzhen' \
  && fail "consumer-static needs libshenzhen.so" || ok "consumer-static is linked with libshenzhen.a"

# Move the installed tree: the pc file must follow it.
moved=$work/moved-prefix
cp -a "$prefix" "$moved"
rel=${pc#"$prefix"/}
got=$(PKG_CONFIG_PATH=$(dirname "$moved/$rel") PKG_CONFIG_LIBDIR=$(dirname "$moved/$rel") \
      pkg-config --variable=includedir shenzhen)
[ -f "$got/shenzhen.h" ] && case $got in "$moved"/*) true ;; *) false ;; esac \
  && ok "the pc file is relocatable (includedir $got)" \
  || fail "after moving the prefix, includedir is $got"
rm -rf "$moved"
finish
