#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-man-examples.sh PREFIX MANDIR WORKDIR
# Runs what the installed man pages show, as a reader would copy it:
# - libshenzhen(3): the program of EXAMPLES, built with each `cc` line of
#   LINKING against PREFIX (pkg-config finds only PREFIX's shenzhen.pc) and run;
#   the static link must leave no need for libshenzhen.so;
# - shenzhen(1), shenzhen-json(5) and shenzhen-search(7): each command of
#   EXAMPLES (a shell prompt "$ " removed), with PREFIX/bin first on PATH, in an
#   empty directory: exit status 0, nothing on stderr, and output unless the
#   command sends it to a file.
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
prefix=$1 mandir=$prefix/$2 work=$3
command -v man >/dev/null || skip "man is not installed (apt-get install man-db groff-base)"
command -v pkg-config >/dev/null || skip "pkg-config is not installed (apt-get install pkg-config)"
command -v jq >/dev/null || skip "jq is not installed (apt-get install jq): shenzhen-json(5) uses it"
export LC_ALL=C.UTF-8
unset LD_LIBRARY_PATH

# section PAGE NAME: that section of the page as a reader sees it, unwrapped.
section() {
  MANWIDTH=250 man -l "$1" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | sed -n "/^$2\$/,/^[A-Z]/p" | sed '1d;$d'
}
# code: the indented lines of an example block, indentation and a shell prompt
# removed, continuation lines (ending in \) joined.
code() { sed -n 's/^           \(\$ \)\{0,1\}//p' | sed -e ':a' -e '/\\$/N; s/\\\n *//; ta'; }

rm -rf "$work"
mkdir -p "$work"
pc=$(find "$prefix" -name shenzhen.pc | head -n 1)
PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_LIBDIR=$(dirname "$pc")
export PKG_CONFIG_PATH PKG_CONFIG_LIBDIR

man3=$mandir/man3/libshenzhen.3.gz
section "$man3" EXAMPLES | sed -n '/^           /,$p' | sed 's/^           //' >"$work/prog.c"
grep -q 'int main' "$work/prog.c" || { fail "no program in libshenzhen(3) EXAMPLES"; finish; }
links=$(section "$man3" LINKING | code | grep '^cc ' || true)
[ "$(printf '%s\n' "$links" | grep -c .)" -ge 2 ] || fail "libshenzhen(3) LINKING shows fewer than 2 cc lines"
lib=$(libdir "$prefix")
n=0
printf '%s\n' "$links" >"$work/links"
while IFS= read -r line; do
  n=$((n + 1))
  dir=$work/link$n
  mkdir -p "$dir"
  cp "$work/prog.c" "$dir/"
  echo "== $line"
  if ! (cd "$dir" && sh -c "$line"); then
    fail "libshenzhen(3): '$line' failed"
    continue
  fi
  case $line in
  *Bstatic*)
    objdump -p "$dir/prog" | grep -q 'NEEDED.*libshenzhen' && fail "the static link needs libshenzhen.so" \
      || ok "the static link needs no libshenzhen.so"
    out=$("$dir/prog" 2>&1) || fail "the statically linked example failed: $out" ;;
  *)
    out=$(LD_LIBRARY_PATH=$lib "$dir/prog" 2>&1) || fail "the example failed: $out" ;;
  esac
  lines=$(printf '%s\n' "$out" | grep -c '^ *[0-9][0-9]*  ')
  [ "$lines" -gt 0 ] && ok "'$line': the example prints $lines titles" \
    || fail "'$line': the example printed '$out'"
done <"$work/links"

mkdir -p "$work/run"
for page in man1/shenzhen.1.gz man5/shenzhen-json.5.gz man7/shenzhen-search.7.gz; do
  section "$mandir/$page" EXAMPLES | code | grep -E '^(if )?shenzhen ' >"$work/commands" || true
  [ -s "$work/commands" ] || fail "no command in the EXAMPLES of $page"
  while IFS= read -r line; do
    case $line in
    *' >'[!/\&]*) to_file=1 ;; # output into a file: stdout stays empty
    *) to_file=0 ;;
    esac
    if out=$(cd "$work/run" && PATH=$prefix/bin:$PATH sh -c "$line" 2>"$work/stderr") &&
      [ ! -s "$work/stderr" ] && { [ -n "$out" ] || [ "$to_file" = 1 ]; }; then
      ok "$page: $line"
    else
      fail "$page: '$line' printed '$out' and '$(cat "$work/stderr")'"
    fi
  done <"$work/commands"
done
rm -rf "$work"
finish
