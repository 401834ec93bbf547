#!/bin/sh
# check-hardening.sh BUILD_DIR BUILD_TYPE ELF...
#
# Checks that what we ship was built hardened:
#   - full RELRO: a GNU_RELRO segment and BIND_NOW (DT_FLAGS BIND_NOW or
#     DT_FLAGS_1 NOW), so the GOT is read-only after loading;
#   - a non-executable stack: GNU_STACK is RW, never RWE;
#   - -fstack-protector-strong: __stack_chk_fail imported wherever the code has
#     a stack buffer (required for the library and the command);
#   - -D_FORTIFY_SOURCE=2 (not in Debug builds, where CMakeLists.txt leaves it
#     out since it needs optimisation): the command must call at least one
#     __*_chk function; the counts are printed for the others;
#   - and, from compile_commands.json, that every translation unit of the
#     library, the command and the binding modules was compiled with both flags.
# Any ELF named that does not exist fails the check; binding modules are found
# under BUILD_DIR/bindings by the caller.
set -eu
build=$1 type=$2
shift 2
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

for elf in "$@"; do
  name=$(basename "$elf")
  if [ ! -f "$elf" ]; then
    fail "$elf does not exist"
    continue
  fi
  phdrs=$(readelf -lW "$elf")
  dyn=$(readelf -dW "$elf")
  syms=$(readelf -W --dyn-syms "$elf" | awk '$7 == "UND" { sub(/@.*/, "", $8); print $8 }')
  echo "$phdrs" | grep -q 'GNU_RELRO' || fail "$name: no GNU_RELRO segment (link with -z relro)"
  echo "$dyn" | grep -Eq '\(FLAGS\).*BIND_NOW|\(FLAGS_1\).*NOW' ||
    fail "$name: no BIND_NOW (link with -z now): partial RELRO only"
  stack=$(echo "$phdrs" | awk '$1 == "GNU_STACK" { print $(NF-1) }')
  case "$stack" in
    RW) ;;
    "") fail "$name: no GNU_STACK header (executable stack by default)" ;;
    *) fail "$name: GNU_STACK is $stack, not RW (executable stack)" ;;
  esac
  ssp=$(echo "$syms" | grep -c '^__stack_chk_fail$' || true)
  chk=$(echo "$syms" | grep -c '^__.*_chk$' || true)
  case "$name" in
    libshenzhen.so*|shenzhen)
      [ "$ssp" -gt 0 ] || fail "$name: does not import __stack_chk_fail (-fstack-protector-strong missing?)"
      ;;
  esac
  if [ "$name" = shenzhen ] && [ "$type" != Debug ] && [ "$chk" -eq 0 ]; then
    fail "$name: no __*_chk functions imported (-D_FORTIFY_SOURCE=2 missing?)"
  fi
  echo "ok: $name: RELRO+BIND_NOW, stack ${stack:-?}, __stack_chk_fail ${ssp}, fortified calls ${chk}"
done

# Every translation unit we ship, by its compile command.
db=$build/compile_commands.json
if [ ! -f "$db" ]; then
  fail "$db missing (CMAKE_EXPORT_COMPILE_COMMANDS is ON in CMakeLists.txt)"
else
  units=$(grep '"command"' "$db" | grep -E '/(libshenzhen|bindings)/' || true)
  n=$(printf '%s\n' "$units" | grep -c . || true)
  weak=$(printf '%s\n' "$units" | grep -v -- '-fstack-protector-strong' || true)
  [ -z "$weak" ] || fail "compiled without -fstack-protector-strong: $(printf '%s\n' "$weak" | grep -o '[^ ]*\.c"' | tr '\n' ' ')"
  strong=$(printf '%s\n' "$units" | grep -E -- '-fno-stack-protector|-U_FORTIFY_SOURCE|-D_FORTIFY_SOURCE=[01]\b' || true)
  [ -z "$strong" ] || fail "hardening switched off in: $(printf '%s\n' "$strong" | grep -o '[^ ]*\.c"' | tr '\n' ' ')"
  if [ "$type" != Debug ]; then
    unfort=$(printf '%s\n' "$units" | grep -v -- '-D_FORTIFY_SOURCE=[23]' || true)
    [ -z "$unfort" ] || fail "compiled without -D_FORTIFY_SOURCE=2: $(printf '%s\n' "$unfort" | grep -o '[^ ]*\.c"' | tr '\n' ' ')"
    noopt=$(printf '%s\n' "$units" | grep -v -- '-O[123s]' || true)
    [ -z "$noopt" ] || fail "compiled without optimisation, so _FORTIFY_SOURCE does nothing: $(printf '%s\n' "$noopt" | grep -o '[^ ]*\.c"' | tr '\n' ' ')"
  fi
  echo "ok: $n translation units of the library, command and modules compiled with the hardening flags"
fi

[ $status -eq 0 ] && echo "OK: hardened ($# binaries checked, build type $type)"
exit $status
