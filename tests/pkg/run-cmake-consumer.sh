#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# run-cmake-consumer.sh CMAKE GENERATOR SOURCE WORKDIR PREFIX VERSION
# Configures, builds and runs tests/pkg/cmake-consumer against the installed PREFIX only.
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cmake=$1 generator=$2 src=$3 work=$4 prefix=$5 version=$6

rm -rf "$work"
# No package registry and no other prefix: the installed package or nothing.
"$cmake" -S "$src" -B "$work" -G "$generator" \
  -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF \
  -DSHZ_EXPECTED_VERSION="$version"
grep -q "^shenzhen_DIR:PATH=$prefix/" "$work/CMakeCache.txt" \
  && ok "find_package(shenzhen 1) used $prefix" \
  || fail "find_package(shenzhen) did not use the installed package: $(grep '^shenzhen_DIR' "$work/CMakeCache.txt")"
"$cmake" --build "$work"

# The shared build needs libshenzhen.so.1 (CMake gave it an RPATH into the prefix);
# the static one must not.
needed=$(objdump -p "$work/consumer" | awk '/NEEDED/ {print $2}')
echo "$needed" | grep -qx 'libshenzhen.so.1' && ok "consumer needs libshenzhen.so.1" \
  || fail "consumer does not need libshenzhen.so.1 (NEEDED: $needed)"
if objdump -p "$work/consumer_static" | grep -q 'NEEDED.*libshenzhen'; then
  fail "consumer_static needs libshenzhen.so"
else
  ok "consumer_static is linked with libshenzhen.a"
fi
"$work/consumer" "$version" || fail "consumer failed"
"$work/consumer_static" "$version" || fail "consumer_static failed"
finish
