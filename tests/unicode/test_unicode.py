#!/usr/bin/python3
"""The project's Unicode behaviour, every code point, against Python's own Unicode database.

    test_unicode.py fold  UNICODE_DUMP T2S_TSV   search normalization (normalize.h)
    test_unicode.py width UNICODE_DUMP T2S_TSV   the command's display width (render.h)

The library takes its character data from utf8proc; this test takes it from
Python (str.casefold, str.lower, unicodedata), so the two must agree wherever
the rules of normalize.h and render.h say they should. Only code points that
Python's Unicode version assigns are compared: utf8proc may carry a newer
version, whose new characters Python cannot judge.
"""
import os
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from width_table import expected_width  # noqa: E402  (the tests' one width rule)

# Default_Ignorable_Code_Point characters that are letters or marks (Unicode's
# PropList.txt: Other_Default_Ignorable_Code_Point and Variation_Selector).
# The other default-ignorable characters are format characters (Cf), which
# are ignored by category anyway.
DEFAULT_IGNORABLE_LM = [
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong and jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180D),  # Mongolian free variation selectors
    (0x180F, 0x180F),
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xE0100, 0xE01EF),  # variation selectors supplement
]

# Documented exceptions to "Python's casefold, else its lower, where one code
# point": U+0130 İ lowercases to "i" + U+0307 in Python (full mapping); the
# library uses Unicode's simple lowercase mapping, "i".
CASE_EXCEPTIONS = {0x0130: 0x0069}

# Python's str.isspace() counts U+001C-U+001F (information separators, bidi
# class B/S); Unicode's White_Space property, which the library follows, does not.
SPACE_EXCEPTIONS = set(range(0x1C, 0x20))


def scalar_values():
    return (cp for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)


def dump(program, what):
    out = subprocess.run([program, what], check=True, stdout=subprocess.PIPE, text=True).stdout
    table, spaces = {}, set()
    for line in out.splitlines():
        a, b = line.split()
        if a == "space":
            spaces.add(int(b, 16))
        else:
            table[int(a, 16)] = int(b, 16) if what == "fold" else int(b)
    return table, spaces


def load_t2s(path):
    pairs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                cols = line.split("\t")
                pairs[int(cols[0], 16)] = int(cols[1], 16)
    return pairs


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def never_text(cp):
    return (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF or 0xE0000 <= cp <= 0xE0FFF


def single_form(c, tags):
    """c's NFKD form if c's own decomposition carries one of tags and NFKD is one code point."""
    tag = unicodedata.decomposition(c).split()[:1]
    nfkd = unicodedata.normalize("NFKD", c)
    return nfkd if tag and tag[0] in tags and len(nfkd) == 1 else None


def expected_fold(cp, t2s):
    """normalize.h's rules, step by step, on Python's data."""
    if never_text(cp):
        return 0
    c = chr(cp)
    form = single_form(c, ("<wide>", "<narrow>"))
    if form is None and 0x2E80 <= cp <= 0x2FDF:
        form = single_form(c, ("<compat>",))
    if form is not None:
        c = form
    cat = unicodedata.category(c)
    if in_ranges(ord(c), DEFAULT_IGNORABLE_LM):
        return 0
    if not (cat[0] in "LMN" or cat in ("Co", "Cn")):
        return 0
    if ord(c) in CASE_EXCEPTIONS:
        folded = CASE_EXCEPTIONS[ord(c)]
    else:
        f = c.casefold()
        if len(f) != 1:
            f = c.lower()
        folded = ord(f) if len(f) == 1 else ord(c)
    return t2s.get(folded, folded)


def report(name, mismatches, describe):
    for cp, got, want in mismatches[:40]:
        c = chr(cp)
        print(f"{name}: U+{cp:04X} {unicodedata.name(c, '?')} ({unicodedata.category(c)}): "
              f"library {describe(got)}, expected {describe(want)}")
    if len(mismatches) > 40:
        print(f"{name}: ... {len(mismatches) - 40} more")


def show_cp(v):
    return "ignored" if v == 0 else f"U+{v:04X}"


def check_fold(program, t2s_path):
    t2s = load_t2s(t2s_path)
    table, spaces = dump(program, "fold")
    compared = skipped = cased = kept = ignored = 0
    mismatches = []
    for cp in scalar_values():
        c = chr(cp)
        if unicodedata.category(c) == "Cn" and not never_text(cp):
            skipped += 1
            continue
        compared += 1
        got, want = table.get(cp, cp), expected_fold(cp, t2s)
        if c.casefold() != c or c.lower() != c or c.upper() != c:
            cased += 1
        kept += want != 0
        ignored += want == 0
        if got != want:
            mismatches.append((cp, got, want))
    report("fold", mismatches, show_cp)

    want_spaces = {cp for cp in scalar_values() if chr(cp).isspace()} - SPACE_EXCEPTIONS
    space_bad = [(cp, cp in spaces, cp in want_spaces) for cp in sorted(spaces ^ want_spaces)]
    report("space", space_bad, lambda v: "space" if v else "not space")

    print(f"fold: {compared} code points compared ({cased} with a case mapping, {kept} kept, "
          f"{ignored} ignored), {skipped} unassigned in Python's Unicode "
          f"{unicodedata.unidata_version} skipped; {len(mismatches)} mismatches")
    print(f"space: {len(spaces)} separators, {len(space_bad)} mismatches")
    # The comparison must have covered the whole repertoire, not a corner of it.
    assert cased > 2500 and kept > 250000 and ignored > 7000, "too few code points compared"
    return not mismatches and not space_bad


def check_width(program):
    table, _ = dump(program, "width")
    compared = skipped = 0
    counts = {0: 0, 1: 0, 2: 0}
    mismatches = []
    for cp in scalar_values():
        if unicodedata.category(chr(cp)) == "Cn":
            skipped += 1
            continue
        compared += 1
        got, want = table.get(cp, 1), expected_width(cp)
        counts[want] += 1
        if got != want:
            mismatches.append((cp, got, want))
    report("width", mismatches, str)
    print(f"width: {compared} code points compared ({counts[2]} wide, {counts[0]} zero-width), "
          f"{skipped} unassigned in Python's Unicode {unicodedata.unidata_version} skipped; "
          f"{len(mismatches)} mismatches")
    assert counts[2] > 90000 and counts[0] > 2000, "too few code points compared"
    return not mismatches


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("fold", "width"):
        sys.exit("usage: test_unicode.py fold|width UNICODE_DUMP T2S_TSV")
    what, program, t2s_path = sys.argv[1:]
    ok = check_fold(program, t2s_path) if what == "fold" else check_width(program)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
