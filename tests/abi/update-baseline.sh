#!/bin/sh
# update-baseline.sh [BUILD_DIR]
#
# Regenerates tests/abi/libshenzhen.abi, the ABI baseline that the abi_abidiff
# test compares the library against. Run it at each release (after the version
# script gained its new node) and commit the result; between releases the
# baseline stays put so that any incompatible change fails the test.
#
# With BUILD_DIR, uses the library built there (it must have debug info, e.g.
# CMAKE_BUILD_TYPE=RelWithDebInfo, the default). Without it, configures and
# builds the library alone in build-abi/ at the top of the repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${1:-}
if [ -z "$build" ]; then
  build=$top/build-abi
  # shellcheck disable=SC2086 # extra CMake arguments, split into words on purpose
  cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
    -DSHZ_BINDINGS=OFF ${SHZ_CMAKE_ARGS:-} >/dev/null
  cmake --build "$build" --target shenzhen -j "$(nproc)" >/dev/null
fi
lib=$(readlink -f "$build/libshenzhen/libshenzhen.so")
abidw --no-corpus-path --no-comp-dir-path --no-show-locs \
  --headers-dir "$top/include" --headers-dir "$build/include" \
  --out-file "$here/libshenzhen.abi" "$lib"
echo "wrote $here/libshenzhen.abi from $lib:"
grep -c '<elf-symbol name=.shz_' "$here/libshenzhen.abi" | sed 's/$/ exported functions/'
