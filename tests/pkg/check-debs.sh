#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-debs.sh CMAKE CPACK GENERATOR SOURCE WORKDIR VERSION SUPPRESSIONS "COMPONENT..." [-DVAR=VALUE...]
# Builds the Debian packages as a packager would: a build of SOURCE configured
# for the prefix /usr (so that the libraries land in Debian's multiarch
# directory), without tests, then `cpack -G DEB`. The -D options are passed on
# (catalogue, compiler, bindings). Then inspects each package of the COMPONENTs
# (runtime dev cli python lua): file name, Version, Depends, contents
# (dpkg-deb -I/-c), the library's SONAME (objdump -p), shlibs and symbols; and
# runs lintian on them all, failing on any error or warning not listed in
# SUPPRESSIONS (each with its reason).
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cmake=$1 cpack=$2 generator=$3 src=$4 work=$5 version=$6 suppressions=$7 components=$8
shift 8
command -v dpkg-deb >/dev/null || skip "dpkg-deb is not installed (not a Debian system?)"
arch=$(dpkg --print-architecture)
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || cc -print-multiarch)

rm -rf "$work"
mkdir -p "$work"
build=$work/build
echo "== configuring and building $build for /usr"
"$cmake" -S "$src" -B "$build" -G "$generator" -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF -DSHZ_SANITIZE=OFF "$@" \
  >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configure failed"; finish; }
"$cmake" --build "$build" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build failed"; finish; }
echo "== cpack -G DEB"
(cd "$build" && "$cpack" -G DEB -B "$work") >"$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log"; fail "cpack -G DEB failed"; finish; }
ls -l "$work"/*.deb

# has PACKAGE REGEX WHAT: a path in the package's file list matches REGEX.
has() {
  dpkg-deb -c "$work/$1" | awk '{print $6}' | grep -Eq "$2" && ok "$1 has $3" || fail "$1 lacks $3"
}
hasnt() {
  dpkg-deb -c "$work/$1" | awk '{print $6}' | grep -Eq "$2" && fail "$1 must not have $3" || ok "$1 has no $3"
}
# depends PACKAGE REGEX: Depends matches REGEX.
depends() {
  d=$(dpkg-deb -f "$work/$1" Depends)
  printf '%s\n' "$d" | grep -Eq "$2" && ok "$1 Depends on $2" || fail "$1 Depends '$d' lacks $2"
}

for comp in $components; do
  case $comp in
  runtime) pkg=libshenzhen1 ;; dev) pkg=libshenzhen-dev ;; cli) pkg=shenzhen ;;
  python) pkg=python3-shenzhen ;; lua) pkg=lua-shenzhen ;;
  *) fail "unknown component $comp"; continue ;;
  esac
  deb=${pkg}_${version}_$arch.deb
  if [ ! -f "$work/$deb" ]; then
    fail "no $deb for component $comp"
    continue
  fi
  echo "== $deb"
  dpkg-deb -I "$work/$deb"
  dpkg-deb -c "$work/$deb"
  [ "$(dpkg-deb -f "$work/$deb" Package)" = "$pkg" ] || fail "$deb: Package is not $pkg"
  [ "$(dpkg-deb -f "$work/$deb" Version)" = "$version" ] && ok "$deb: Version $version" \
    || fail "$deb: Version is $(dpkg-deb -f "$work/$deb" Version), expected $version"
  has "$deb" "^\./usr/share/doc/$pkg/copyright$" "its copyright file"
  has "$deb" "^\./usr/share/doc/$pkg/changelog\.gz$" "its changelog"
  hasnt "$deb" "^\./usr/local/" "file under /usr/local"
  case $comp in
  runtime)
    has "$deb" "^\./usr/lib/$ma/libshenzhen\.so\.1\$" "the SONAME link libshenzhen.so.1"
    has "$deb" "^\./usr/lib/.*libshenzhen\.so\.$version$" "libshenzhen.so.$version"
    hasnt "$deb" '(\.a|\.so|\.h|\.pc)$' "development file"
    depends "$deb" 'libc6'
    depends "$deb" 'libcjson1'
    x=$work/x-runtime
    dpkg-deb -x "$work/$deb" "$x"
    soname=$(objdump -p "$(find "$x" -name "libshenzhen.so.$version")" | awk '/SONAME/ {print $2}')
    [ "$soname" = libshenzhen.so.1 ] && ok "SONAME is libshenzhen.so.1" || fail "SONAME is '$soname'"
    shlibs=$(dpkg-deb -I "$work/$deb" shlibs 2>/dev/null || true)
    [ "$shlibs" = "libshenzhen 1 libshenzhen1 (>= $version)" ] && ok "shlibs: $shlibs" \
      || fail "shlibs is '$shlibs'"
    dpkg-deb -I "$work/$deb" triggers 2>/dev/null | grep -q 'activate-noawait ldconfig' \
      && ok "ldconfig trigger" || fail "no ldconfig trigger"
    if dpkg-deb -I "$work/$deb" postinst >/dev/null 2>&1 || dpkg-deb -I "$work/$deb" postrm >/dev/null 2>&1; then
      fail "maintainer scripts in $deb (the ldconfig trigger replaces them)"
    else
      ok "no maintainer scripts"
    fi
    # The symbols file names exactly the versioned symbols the library exports.
    dpkg-deb -I "$work/$deb" symbols | awk 'NR > 1 && /^ / {print $1}' | sort >"$work/symbols.control"
    objdump -T "$(find "$x" -name "libshenzhen.so.$version")" \
      | awk '$NF ~ /^shz_/ && $(NF-1) ~ /^SHENZHEN_/ {print $NF "@" $(NF-1)}
             $NF ~ /^SHENZHEN_/ && $(NF-1) ~ /^SHENZHEN_/ {print $NF "@" $NF}' | sort -u >"$work/symbols.exported"
    if diff -u "$work/symbols.control" "$work/symbols.exported"; then
      ok "symbols file: $(wc -l <"$work/symbols.exported") symbols, as exported"
    else
      fail "the symbols file and the library's exports differ (above: - symbols file, + exported)"
    fi ;;
  dev)
    has "$deb" '^\./usr/include/shenzhen\.h$' "shenzhen.h"
    has "$deb" '^\./usr/include/shenzhen_version\.h$' "shenzhen_version.h"
    has "$deb" "^\./usr/lib/$ma/libshenzhen\.so\$" "the link libshenzhen.so"
    has "$deb" "^\./usr/lib/$ma/libshenzhen\.a\$" "libshenzhen.a"
    has "$deb" "^\./usr/lib/$ma/pkgconfig/shenzhen\.pc\$" "shenzhen.pc"
    has "$deb" "^\./usr/lib/$ma/cmake/shenzhen/shenzhenConfig\.cmake\$" "shenzhenConfig.cmake"
    has "$deb" "^\./usr/lib/$ma/cmake/shenzhen/shenzhenConfigVersion\.cmake\$" "shenzhenConfigVersion.cmake"
    has "$deb" "^\./usr/lib/$ma/cmake/shenzhen/shenzhenTargets\.cmake\$" "shenzhenTargets.cmake"
    has "$deb" '^\./usr/share/man/man3/libshenzhen\.3\.gz$' "libshenzhen(3)"
    has "$deb" '^\./usr/share/man/man3/shz_search\.3\.gz$' "a page per function, shz_search(3)"
    has "$deb" '^\./usr/share/man/man5/shenzhen-json\.5\.gz$' "shenzhen-json(5)"
    has "$deb" '^\./usr/share/man/man7/shenzhen-search\.7\.gz$' "shenzhen-search(7)"
    hasnt "$deb" 'libshenzhen\.so\.[0-9]' "runtime library"
    depends "$deb" "libshenzhen1 \(= $version\)"
    depends "$deb" 'libcjson-dev' ;;
  cli)
    has "$deb" '^\./usr/bin/shenzhen$' "/usr/bin/shenzhen"
    has "$deb" '^\./usr/share/man/man1/shenzhen\.1\.gz$' "shenzhen(1)"
    depends "$deb" "libshenzhen1 \(>= $version\)"
    depends "$deb" 'libc6' ;;
  python)
    has "$deb" '^\./usr/lib/python3/dist-packages/shenzhen/__init__\.py$' "the package in dist-packages"
    has "$deb" '^\./usr/lib/python3/dist-packages/shenzhen/_shenzhen_c\..*\.so$' "the C extension"
    depends "$deb" "libshenzhen1 \(>= $version\)"
    depends "$deb" 'python3' ;;
  lua)
    has "$deb" "^\./usr/lib/$ma/lua/5\.4/shenzhen\.so\$" "the Lua 5.4 module"
    depends "$deb" "libshenzhen1 \(>= $version\)"
    depends "$deb" 'lua5\.4' ;;
  esac
done

if command -v lintian >/dev/null; then
  echo "== lintian (allowed tags: $suppressions)"
  # --fail-on: a tag of these severities not suppressed fails the test.
  if lintian --no-cfg --fail-on error,warning --display-info --suppress-tags-from-file "$suppressions" \
       "$work"/*.deb; then
    ok "lintian: no error or warning"
  else
    fail "lintian reported errors or warnings (above)"
  fi
else
  echo "NOTE: lintian is not installed (apt-get install lintian): packages not linted"
fi
finish
