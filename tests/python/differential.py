"""Differential test: C, Python and Lua give the same hits for the same queries.

Builds at least 200 queries from the compiled-in catalogue (keywords, title
and body fragments, pinyin, English, Traditional forms, phrases, several
terms, terms nothing holds, and malformed ones), runs them in zh-Hans and
zh-Hant, in every search mode, with the best match's related measures listed
after the matches (the default) and without them (SHZ_ONLY_MATCHES in C,
related=False in Python and Lua), through the C library (search_dump.c), the
Python package and the Lua module (tests/lua/search_dump.lua), and compares
status, ids, scores, fields, spans (character offsets for Python, byte
offsets for Lua), how each hit matched (its flags and each query term), its
relevance and explanation (every digit), and the query's terms with the
number of measures holding each.
"""

import argparse
import json
import pathlib
import subprocess
import sys

import shenzhen

FIELD_BIT = {name: 1 << i for i, name in enumerate(shenzhen.FIELDS)}
LANG_CODE = {name: i for i, name in enumerate(shenzhen.LANGUAGES)}
MATCH_BIT = {name: 1 << i for i, name in enumerate(shenzhen.MATCH_FLAGS)}
HOW = {"exact": 1, "tolerant": 2}
EXPLAIN_HOW = {"none": 0, "exact": 1, "stem": 2, "tolerant": 3}
MIN_QUERIES = 200


def queries() -> list:
    qs = ["深圳", "Shenzhen", "SHENZHEN", "ｓｈｅｎｚｈｅｎ", "科技，创新", "数据 要素",
          '"数据要素"', "5g", "5G", "123", "é", "", "   ", '"unclosed', "x" * 5000, "《", "、"]
    for m in shenzhen.measures():
        qs += list(m.keywords) + list(m.cites)
        qs += [m.title, m.title[:2], m.title[2:4], m.title_hant[:3], m.body[5:9], m.body[-6:-2]]
        qs += [m.pinyin.split()[0], " ".join(m.pinyin.split()[:2]), m.initials[:3]]
        words = m.title_en.split()
        qs += [words[0].lower(), words[-1].upper(), m.summary_en.split()[0]]
        qs += [f'"{m.title[:4]}"', f"{m.title[:2]} {m.body[:2]}", f"{m.title[:2]} qzxwvkj"]
        if len(m.keywords) >= 2:
            qs.append(" ".join(m.keywords[:2]))
    seen: set = set()
    unique = []
    for q in qs:
        if "\n" not in q and q not in seen:
            seen.add(q)
            unique.append(q)

    # Pad with two-character windows of every title and body, then with
    # two-term queries made of earlier ones, until there are enough.
    def add(q: str) -> None:
        if len(unique) < MIN_QUERIES and q.strip() and "\n" not in q and q not in seen:
            seen.add(q)
            unique.append(q)

    for m in shenzhen.measures():
        for text in (m.title, m.body):
            for i in range(len(text) - 1):
                add(text[i:i + 2])
    terms = [q for q in unique if 0 < len(q) < 20 and q.strip() == q and '"' not in q]
    for a in terms:
        for b in terms[::7]:
            add(f"{a} {b}")
    return unique


def python_dump(qs: list, lang: str, mode: str, related: bool) -> list:
    out = []
    for q in qs:
        try:
            hits = shenzhen.search(q, lang=lang, mode=mode, related=related)
        except shenzhen.Error as exc:
            out.append([exc.status, [], []])
            continue
        terms = hits.terms
        out.append([0, [[h.measure.id, h.score, FIELD_BIT[h.field],
                         [[FIELD_BIT[s.field], LANG_CODE[s.lang], s.start, s.end]
                          for s in h.spans],
                         sum(MATCH_BIT[name] for name in h.match),
                         [HOW.get(h.terms.get(t, ""), 0) for t in terms],
                         h.relevance,
                         [[EXPLAIN_HOW[e.how], FIELD_BIT[e.field] if e.field else 0, e.weight,
                           e.contribution] for e in h.explain()]] for h in hits],
                    [[t, n] for t, n in terms.items()]])
    return out


def run(cmd: list) -> list:
    done = subprocess.run(cmd, capture_output=True, check=True)
    return [json.loads(line) for line in done.stdout.decode().splitlines()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", required=True, help="search_dump executable")
    ap.add_argument("--lua", nargs=2, required=True, metavar=("LUA", "SCRIPT"))
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()

    qs = queries()
    assert len(qs) >= MIN_QUERIES, len(qs)
    work = pathlib.Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    qfile = work / "queries.txt"
    qfile.write_text("".join(q + "\n" for q in qs), encoding="utf-8")

    failures = compared = hits_seen = 0
    partial = related_seen = 0
    variants = [(lang, mode, listed) for lang in ("zh-Hans", "zh-Hant")
                for mode in shenzhen.SEARCH_MODES for listed in ("related", "matches")]
    for lang, mode, listed in variants:
        c_out = run([args.c, str(qfile), lang, mode, listed])
        lua_out = run([args.lua[0], args.lua[1], str(qfile), lang, mode, listed])
        py_out = python_dump(qs, lang, mode, listed == "related")
        assert len(c_out) == len(py_out) == len(lua_out) == len(qs)
        for q, c, py, lua in zip(qs, c_out, py_out, lua_out):
            compared += 1
            hits_seen += len(c[1])
            partial += sum(not flags & MATCH_BIT["all_terms"] for *_, flags, _, _, _ in c[1])
            related_seen += sum(bool(flags & MATCH_BIT["related"]) for *_, flags, _, _, _ in c[1])
            # C spans: [field, lang, byte_start, byte_end, char_start, char_end]
            want_py = [c[0], [[i, s, f, [[sp[0], sp[1], sp[4], sp[5]] for sp in spans], m, t,
                               rel, why]
                              for i, s, f, spans, m, t, rel, why in c[1]], c[2]]
            want_lua = [c[0], [[i, s, f, [[sp[0], sp[1], sp[2] + 1, sp[3]] for sp in spans],
                                m, t, rel, why]
                               for i, s, f, spans, m, t, rel, why in c[1]], c[2]]
            for name, got, want in (("python", py, want_py), ("lua", lua, want_lua)):
                if got != want:
                    failures += 1
                    if failures <= 10:
                        print(f"MISMATCH {name} {lang} {mode} {listed} {q[:40]!r}:\n"
                              f"  C:   {want}\n  got: {got}")
    # Each measure's related measures (nearest first) and aliases.
    want = run([args.c, "--catalogue"])
    for name, got in (("python", [[m.id, [r.id for r in m.related], list(m.aliases)]
                                  for m in shenzhen.measures()]),
                      ("lua", run([args.lua[0], args.lua[1], "--catalogue"]))):
        compared += 1
        if got != want:
            failures += 1
            print(f"MISMATCH {name} related/aliases:\n  C:   {want[:3]}…\n  got: {got[:3]}…")
    related = sum(len(r) for _, r, _ in want)
    aliases = sum(len(a) for _, _, a in want)
    modes = len(shenzhen.SEARCH_MODES)
    print(f"{len(qs)} queries x 2 languages x {modes} modes x with and without related "
          f"measures = {compared} searches, {hits_seen} hits from C ({partial} matching only "
          f"some terms, {related_seen} related to the best match); {related} related "
          f"measures and {aliases} aliases of {len(want)} measures; {failures} mismatches")
    if not related_seen:
        print("FAIL: no hit was flagged related, so the related=False searches compared "
              "nothing the default ones did not")
    return 1 if failures or not related_seen else 0


if __name__ == "__main__":
    sys.exit(main())
