#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-man.sh SHENZHEN PAGE...
# Formats each man page as lintian does and fails on any groff warning; then
# checks that shenzhen(1) documents every command and option `shenzhen --help`
# lists, and the exit statuses of its help text.
set -eu
. "$(dirname "$0")/lib.sh"
shenzhen=$1
shift
command -v man >/dev/null || skip "man is not installed (apt-get install man-db groff-base)"

for page in "$@"; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
             man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null || echo "man failed")
  [ -z "$warnings" ] && ok "$(basename "$page") formats without warnings" \
    || fail "$(basename "$page"): $warnings"
  case $page in *shenzhen.1*) man1=$page ;; esac
done

text=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$man1" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g')
help=$("$shenzhen" --help)
commands=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && /^  [a-z]/ {print $1}')
options=$(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
section() { printf '%s\n' "$text" | sed -n "/^$1\$/,/^[A-Z]/p"; }
for word in $commands help; do
  section COMMANDS | grep -Eq "^ +$word( |\$)" && ok "shenzhen(1) COMMANDS has $word" \
    || fail "shenzhen(1) COMMANDS lacks '$word' (listed by shenzhen --help)"
done
for word in $options; do
  section OPTIONS | grep -Eq "^ +(-[a-z], )?$word( |,|\$)" && ok "shenzhen(1) OPTIONS has $word" \
    || fail "shenzhen(1) OPTIONS lacks '$word' (listed by shenzhen --help)"
done
for code in $(printf '%s\n' "$help" | sed -n '/^Exit status/,$p' | grep -o '\b[0-9]\b' | sort -u); do
  section 'EXIT STATUS' | grep -Eq "^ +$code\b" \
    && ok "shenzhen(1) documents exit status $code" || fail "shenzhen(1) lacks exit status $code"
done
finish
