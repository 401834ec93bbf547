# shellcheck shell=sh
# Helpers shared by the tests/pkg scripts (POSIX sh). Sourced, not run.
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
# skip MESSAGE: the test is reported as skipped by ctest (SKIP_RETURN_CODE 77).
# In CI (CI=true) a missing tool is a failure: .ci/install-deps installs them all.
skip() {
  if [ "${CI:-}" = true ]; then
    echo "FAIL (CI=true, so not skipped): $*" >&2
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}
# not_applicable MESSAGE: the test has nothing to check in this build (a part
# configured out): skipped, in CI too.
not_applicable() { echo "SKIP: $*"; exit 77; }
finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
# libdir PREFIX: the installed library directory (lib, lib64 or lib/<multiarch>).
libdir() {
  _so=$(find "$1" -name 'libshenzhen.so.*' -type f | head -n 1)
  [ -n "$_so" ] || { echo "no libshenzhen.so.* under $1" >&2; return 1; }
  dirname "$_so"
}
