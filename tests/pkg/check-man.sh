#!/bin/sh
# shellcheck disable=SC2015 # `check && ok || fail`: ok always succeeds
# check-man.sh PREFIX MANDIR HEADER
# The man pages installed under PREFIX/MANDIR:
# - every page formats as lintian does, without a single groff warning;
# - every function declared in HEADER (SHZ_API) has its page, which `man NAME`
#   finds: `man shz_search` works after an install;
# - shenzhen-json(5) describes every member that `shenzhen json` writes and
#   states the schema and edition of the data compiled in;
# - no installed page or header sends readers to README.md, which is not installed.
# (shenzhen(1)'s SYNOPSIS and OPTIONS are written at build time from the
# command's option table, as --help is: tests/cli/test_options.c checks both.)
set -eu
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
prefix=$1 mandir=$prefix/$2 header=$3
shenzhen=$prefix/bin/shenzhen
command -v man >/dev/null || skip "man is not installed (apt-get install man-db groff-base)"
export LC_ALL=C.UTF-8

pages=$(find "$mandir" -name '*.[0-9].gz' | sort)
[ -n "$pages" ] || { fail "no man pages under $mandir"; finish; }
# Each page is formatted once, at 80 columns: its warnings are checked here and
# its text kept for the checks below.
texts=$(mktemp -d)
trap 'rm -rf "$texts"' EXIT
for page in $pages; do
  warnings=$(MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 "$page" 2>&1 \
             >"$texts/$(basename "$page").txt" || echo "man failed")
  [ -z "$warnings" ] && ok "$(basename "$page") formats without warnings" \
    || fail "$(basename "$page"): $warnings"
done
# text PAGE: the page as a reader sees it, wide enough that nothing wraps.
text() { MANWIDTH=200 man -l "$1" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g'; }
# section PAGE NAME: the lines of section NAME of PAGE, as text() shows it.

# A page per public function, found by name.
functions=$(sed -n 's/^SHZ_API .*[ *]\(shz_[a-z0-9_]*\)(.*/\1/p' "$header" | sort -u)
[ -n "$functions" ] || fail "no SHZ_API function found in $header"
n=0
for f in $functions; do
  n=$((n + 1))
  found=$(MANPATH=$mandir man -w "$f" 2>/dev/null || true)
  case $found in
  "$mandir/man3/$f.3.gz") ;;
  *) fail "man $f finds '$found', not $mandir/man3/$f.3.gz"; continue ;;
  esac
  # (grotty's bold and underline: overstrikes, or escapes)
  sed 's/.\x08//g; s/\x1b\[[0-9;]*m//g' "$texts/$f.3.gz.txt" | grep -q "^ *[a-z0-9_ *]*$f(" ||
    fail "$f(3) has no synopsis of $f"
done
ok "man finds the page of each of the $n functions of $(basename "$header")"

# shenzhen-json(5) against what the command exports: every member name is the
# term of an entry (or one of a list of them), and the schema and edition are those
# of the export.
man5=$mandir/man5/shenzhen-json.5.gz
json=$("$shenzhen" json)
members=$(printf '%s' "$json" | jq -r '[paths | last | strings] | unique | .[]')
man5_text=$(text "$man5")
catalogue=$(printf '%s\n' "$man5_text" | sed -n '/^THE CATALOGUE$/,/^[A-Z]/p'
            printf '%s\n' "$man5_text" | sed -n '/^DESCRIPTION$/,/^[A-Z]/p')
for m in $members; do
  printf '%s\n' "$catalogue" | grep -Eq "^ +([a-z_-]+, )*$m(,| |\$)" && ok "shenzhen-json(5) describes \"$m\"" \
    || fail "shenzhen-json(5) does not describe the member \"$m\" that shenzhen json writes"
done
for key in schema edition; do
  value=$(printf '%s' "$json" | jq -r ".$key")
  printf '%s\n' "$catalogue" | grep -Fq "$value in this release" \
    && ok "shenzhen-json(5) gives $key $value" || fail "shenzhen-json(5) does not give $key $value"
done

stale=$(grep -l README "$prefix"/include/*.h 2>/dev/null || true)
for page in $pages; do
  gzip -dc "$page" | grep -q README && stale="$stale $(basename "$page")"
done
[ -z "$stale" ] && ok "no installed page or header refers to README" \
  || fail "these refer to README.md, which is not installed: $stale"
finish
