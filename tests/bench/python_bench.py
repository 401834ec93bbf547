"""Benchmarks of the Python bindings; prints figures and ratios, never fails on timing.

    PYTHONPATH=<build>/bindings/python /usr/bin/python3 tests/bench/python_bench.py [--quick]

Targets: shenzhen.search >= 30x faster than SQLite FTS5 (trigram)
and >= 3x faster than a Python loop with `in` over the same texts;
shenzhen.get within 2x of a dict lookup; `import shenzhen` <= 5 ms.

The search peers are set up as in tests/bench/search_bench.c, so the figures
compare: the same query classes drawn by the same generator, limit 10, and
every peer over the catalogue's *normalized* text (the library's folding,
ported below) so that all engines find the same hits, which is checked. FTS5
is in memory (Python's sqlite3), trigram tokenizer, ranked (ORDER BY rank),
its statements prepared once and reused (sqlite3's statement cache); terms
under three characters, which a trigram index cannot answer, fall back to
LIKE over the whole text. Each peer's query is prepared outside the clock;
shenzhen.search parses and normalizes its query inside it.

Best match (the default mode, ranked, partial matches allowed) is timed too,
with its default fields, against search_bench.c's best-match peer: FTS5 with
the query as an OR of its terms' trigrams, ranked by bm25() (a query without
a trigram falls back to the statement above). Their hits differ by design, so
only the time is compared.

The process exits non-zero only when the engines disagree on a hit count
(a broken peer makes its figures meaningless).
"""

from __future__ import annotations

import argparse
import bisect
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import shenzhen

LIMIT = 10
T2S_TABLE = Path(__file__).resolve().parents[2] / "data" / "t2s.tsv"
HAN_PINYIN = T2S_TABLE.with_name("han_pinyin.tsv")
PINYIN_WORDS = T2S_TABLE.with_name("pinyin_words.tsv")

# ---- the library's normalization (libshenzhen/runtime/normalize.c), per code point --------

# Not searchable after width folding: punctuation, symbols, spaces, controls.
IGNORED = [
    (0x0000, 0x002F), (0x003A, 0x0040), (0x005B, 0x0060), (0x007B, 0x00BF), (0x00D7, 0x00D7),
    (0x00F7, 0x00F7), (0x1680, 0x1680), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F),
    (0x2190, 0x245F), (0x2500, 0x27BF), (0x27C0, 0x2BFF), (0x2E00, 0x2E7F), (0x2FF0, 0x2FFF),
    (0x3000, 0x3004), (0x3008, 0x3020), (0x3030, 0x3030), (0x303D, 0x303F), (0x30FB, 0x30FB),
    (0xFE00, 0xFE19), (0xFE30, 0xFE6F), (0xFEFF, 0xFEFF), (0xFF5F, 0xFF65), (0xFFE0, 0xFFEF),
    (0xFFF0, 0xFFFF), (0xE0000, 0xE0FFF),
]
IGNORED_STARTS = [lo for lo, _ in IGNORED]
SPACES = set(" \t\n\v\f\r\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(cp) for cp in range(0x2000, 0x200B)
}


def load_t2s(path: Path) -> dict[int, int]:
    pairs: dict[int, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, target = line.split("\t")[:2]
            pairs[int(source, 16)] = int(target, 16)
    return pairs


class Normalizer:
    """Folds text the way the library indexes it and reads queries."""

    def __init__(self, t2s: dict[int, int]) -> None:
        self.t2s = t2s

    def fold(self, cp: int) -> int:
        """The folded code point, or 0 when cp is ignored."""
        if cp < 0x80:
            if 0x41 <= cp <= 0x5A:
                return cp + 0x20
            return cp if (0x61 <= cp <= 0x7A or 0x30 <= cp <= 0x39) else 0
        if 0x3400 <= cp <= 0x9FFF:
            return self.t2s.get(cp, cp)
        if 0xFF01 <= cp <= 0xFF5E:  # full-width ASCII
            return self.fold(cp - 0xFF01 + 0x21)
        i = bisect.bisect_right(IGNORED_STARTS, cp) - 1
        if i >= 0 and cp <= IGNORED[i][1]:
            return 0
        if cp < 0x3400:
            return fold_latin_case(cp)
        return self.t2s.get(cp, cp)

    def text(self, text: str) -> str:
        return "".join(chr(f) for f in map(self.fold, map(ord, text)) if f)

    def terms(self, query: str) -> list[str]:
        """The query's terms, normalized; terms that fold to nothing are dropped."""
        words = "".join(" " if ch in SPACES else ch for ch in query).split(" ")
        return [t for t in map(self.text, words) if t]


def fold_latin_case(cp: int) -> int:
    if 0xC0 <= cp <= 0xDE and cp != 0xD7:
        return cp + 0x20
    if 0x100 <= cp <= 0x17F:
        # Upper/lower pairs are even/odd, except where the upper case is odd.
        if 0x139 <= cp <= 0x148 or 0x179 <= cp <= 0x17E:
            return cp + 1 if cp & 1 else cp
        if cp in (0x130, 0x131, 0x138, 0x149, 0x17F):
            return cp
        if cp == 0x178:
            return 0xFF
        return cp if cp & 1 else cp + 1
    if 0x1CD <= cp <= 0x1DC:  # pinyin tone letters
        return cp + 1 if cp & 1 else cp
    return cp


# ---- the query set: search_bench.c's build_queries(), same generator -------------------

CLASSES = ("Han 1-2", "Han 3-8", "Traditional", "Latin/pinyin", "multi-term", "no hit")
HAN_SHORT, HAN_LONG, HANT, LATIN, MULTI, NONE = range(6)
NO_HIT = ["量子纠缠", "火星殖民", "区块链钱包", "恐龙化石", "冰川融化", "芭蕾舞剧",
          "潜水艇", "蘑菇汤", "乒乓球赛", "琵琶演奏", "zebra", "xylophone", "quokka",
          "kangaroo", "帆船", "熊猫 xylophone", "深圳 恐龙", "沙漠骆驼", "雪橇", "鹦鹉"]


@dataclass
class Query:
    text: str
    cls: int


class XorShift32:
    """search_bench.c's rnd(): the same seed and steps, so the same draws."""

    def __init__(self, seed: int = 20210721) -> None:
        self.state = seed

    def __call__(self, n: int) -> int:
        s = self.state
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        self.state = s
        return s % n


def build_queries(measures: Sequence[shenzhen.Measure], norm: Normalizer) -> list[Query]:
    rnd = XorShift32()
    real = min(len(measures), 47)
    queries: list[Query] = []

    def field(m: int, f: int) -> str:  # search_bench.c's field_text(): fields[f], langs[f]
        x = measures[m]
        return (x.title, x.title_en, x.pinyin, x.initials, x.body, x.summary_en)[f]

    def add_substring(text: str, k: int, cls: int) -> bool:
        if len(text) < k:
            return False  # as in C: no draw, nothing added
        a = rnd(len(text) - k + 1)
        queries.append(Query(text[a:a + k], cls))
        return True

    for i in range(90):  # Han, 1-8 characters, titles and bodies
        m = rnd(real)
        k = 1 + i % 8
        add_substring(field(m, 4 if i % 3 else 0), k, HAN_SHORT if k <= 2 else HAN_LONG)
    for i in range(40):  # Traditional
        m = rnd(real)
        add_substring(measures[m].body_hant if i % 2 else measures[m].title_hant, 2 + i % 5, HANT)
    for i in range(40):  # Latin: en words, pinyin without spaces, initials
        m = rnd(real)
        add_substring(field(m, (1, 5, 2, 3)[i % 4]), 3 + i % 6, LATIN)
        # C strips the last query, whether or not this draw added one.
        queries[-1].text = queries[-1].text.replace(" ", "").replace('"', "")
    for i in range(30):  # two or three terms from one measure
        m = rnd(real)
        parts: list[str] = []
        for t in range(2 + i % 2):
            text = field(m, 4 if t % 2 else 0)
            k = 2 + rnd(3)
            added = add_substring(text, k, MULTI)
            parts.append(queries[-1].text)  # C reads the last query either way
            if added:
                queries.pop()
        queries.append(Query(" ".join(parts), MULTI))
    queries += [Query(q, NONE) for q in NO_HIT]
    # Substrings of punctuation fold to nothing: errors, not searches.
    return [q for q in queries if norm.text(q.text)]


# ---- timing ------------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], p: float) -> float:
    return sorted_values[int(p * (len(sorted_values) - 1) + 0.5)]


@dataclass
class Stats:
    p50: float
    p99: float
    class_p50: list[float]


def time_engine(run: Callable[[int], object], queries: Sequence[Query], reps: int,
                overhead: float) -> Stats:
    """Times run(i) for every query, reps times over; ns per query, overhead removed."""
    clock = time.perf_counter_ns
    n = len(queries)
    samples: list[float] = []
    run(0)  # warm up
    for _ in range(reps):
        for i in range(n):
            t0 = clock()
            run(i)
            samples.append(clock() - t0 - overhead)
    samples = [max(s, 0.0) for s in samples]
    by_class = [sorted(s for j, s in enumerate(samples) if queries[j % n].cls == c)
                for c in range(len(CLASSES))]
    ordered = sorted(samples)
    return Stats(percentile(ordered, 0.5), percentile(ordered, 0.99),
                 [percentile(v, 0.5) if v else 0.0 for v in by_class])


def harness_overhead(queries: Sequence[Query]) -> float:
    """Median cost of the timing loop around a call that does nothing: taken out of
    every sample, so that a 1 us search is not inflated by the clock and the call."""
    def noop(i: int) -> None:
        return None

    clock = time.perf_counter_ns
    samples = []
    for _ in range(200):
        for i in range(len(queries)):
            t0 = clock()
            noop(i)
            samples.append(clock() - t0)
    return percentile(sorted(samples), 0.5)


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of `repeat` calls of fn(), in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


# ---- the peers ------------------------------------------------------------------------------

FIELDS = ("title", "title_en", "pinyin", "initials", "body", "summary", "body_en",
          "terms_pinyin", "terms_initials")


class Speller:
    """The toneless pinyin of a keyword or alias, spelled as the index spells it
    (data/README.md): a listed word's syllables (data/pinyin_words.tsv, longest
    first), else each Han character's customary reading (data/han_pinyin.tsv)."""

    def __init__(self) -> None:
        self.reading: dict[str, str] = {}
        for line in HAN_PINYIN.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                cp, readings = line.split("\t")[:2]
                self.reading[chr(int(cp, 16))] = readings.split()[0]
        self.words: dict[str, list[str]] = {}
        for line in PINYIN_WORDS.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                word, syllables = line.split("\t", 1)
                self.words[word] = syllables.split()
        self.longest = max(map(len, self.words), default=0)

    def spell(self, item: str, initials: bool = False) -> str:
        out, i = [], 0
        while i < len(item):
            for n in range(min(self.longest, len(item) - i), 0, -1):
                if item[i:i + n] in self.words:
                    syllables = self.words[item[i:i + n]]
                    out.append("".join(x[0] for x in syllables) if initials else "".join(syllables))
                    i += n
                    break
            else:
                ch = item[i]
                reading = self.reading.get(ch)
                if reading:
                    out.append(reading[0] if initials else reading)
                elif ord(ch) < 0x2E80:
                    out.append(ch)
                i += 1
        return "".join(out)


SPELLER = Speller()


def normalized_fields(m: shenzhen.Measure, norm: Normalizer) -> list[str]:
    # The fields search_bench.c indexes (zh-Hant folds onto zh-Hans anyway), the
    # English body, which 1.1's body field holds too, and the pinyin of the keywords
    # and aliases that have a Han character and their initials, which the pinyin
    # fields search (one item a line, so no match runs across two). The aliases
    # themselves are left out.
    han_items = [t for t in (*m.keywords, *m.aliases)
                 if any(0x3400 <= ord(c) <= 0x9FFF for c in t)]
    spelled = ["\n".join(norm.text(SPELLER.spell(t, initials)) for t in han_items)
               for initials in (False, True)]
    return [norm.text(t) for t in (m.title, m.title_en, m.pinyin, m.initials, m.body,
                                   m.summary_en, m.body_en)] + spelled


class Fts5:
    """SQLite FTS5, trigram, in memory, over the normalized text."""

    def __init__(self, measures: Sequence[shenzhen.Measure], norm: Normalizer) -> None:
        self.db = sqlite3.connect(":memory:", cached_statements=64)
        self.db.execute(f"CREATE VIRTUAL TABLE docs USING fts5({', '.join(FIELDS)},"
                        " everything UNINDEXED, tokenize='trigram')")
        rows = []
        for m in measures:
            fields = normalized_fields(m, norm)
            # '\n' never occurs in normalized text: no LIKE match crosses fields.
            rows.append((m.id, *fields, "\n".join(fields) + "\n"))
        with self.db:
            self.db.executemany(f"INSERT INTO docs(rowid, {', '.join(FIELDS)}, everything)"
                                f" VALUES ({', '.join('?' * (len(FIELDS) + 2))})", rows)

    @staticmethod
    def prepare(terms: Sequence[str], limit: int, snippet: bool = False) -> tuple[str, tuple]:
        """(sql, parameters) for one query. The SQL depends only on the shape of the
        query, so the statement cache hands back a prepared statement."""
        match = " AND ".join(f'"{t}"' for t in terms if len(t) >= 3)
        likes = [f"%{t}%" for t in terms if len(t) < 3]
        if snippet and match:
            columns = "rowid, snippet(docs, -1, '[', ']', '…', 16)"
        elif snippet:  # snippet() needs a MATCH: cut one around the LIKE hit instead
            columns = "rowid, substr(everything, max(instr(everything, ?) - 8, 1), 32)"
        else:
            columns = "rowid"
        sql = f"SELECT {columns} FROM docs WHERE " + ("docs MATCH ?" if match else "1")
        sql += " AND +everything LIKE ?" * len(likes)
        sql += f" ORDER BY {'rank' if match else 'rowid'} LIMIT ?"
        params: tuple = ((terms[0],) if snippet and not match else ())
        params += ((match,) if match else ()) + tuple(likes) + (limit,)
        return sql, params

    @staticmethod
    def prepare_or(terms: Sequence[str], limit: int) -> tuple[str, tuple]:
        """(sql, parameters) of the best-match peer: every trigram of every term,
        ORed, ranked (search_bench.c's fts_or_search)."""
        grams = [t[k:k + 3] for t in terms for k in range(len(t) - 2)]
        if not grams:
            return Fts5.prepare(terms, limit)
        match = " OR ".join(f'"{g}"' for g in grams)
        return "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?", (match, limit)

    def run(self, query: tuple[str, tuple]) -> list:
        return self.db.execute(*query).fetchall()


# ---- main ----------------------------------------------------------------------------------


def import_time(quick: bool) -> tuple[float, float]:
    """(-X importtime cumulative, wall-clock delta of a whole interpreter), ms, best of runs."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # use the bytecode the build wrote
    runs = 10 if quick else 30
    cumulative = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import shenzhen"],
                             capture_output=True, text=True, env=env, check=True).stderr
        found = re.search(r"^import time:\s+\d+ \|\s+(\d+) \| shenzhen$", out, re.M)
        cumulative.append(int(found.group(1)) / 1000 if found else float("nan"))

    # Interleaved, so that machine noise hits both alike; best of each.
    def start(code: str) -> float:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        return time.perf_counter() - t0

    bare, loaded = [], []
    for _ in range(runs):
        bare.append(start("pass"))
        loaded.append(start("import shenzhen"))
    return min(cumulative), (min(loaded) - min(bare)) * 1e3


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (for ctest)")
    args = ap.parse_args()
    quick: bool = args.quick

    measures = shenzhen.measures()
    norm = Normalizer(load_t2s(T2S_TABLE))
    queries = build_queries(measures, norm)
    texts = [q.text for q in queries]
    terms = [norm.terms(q.text) for q in queries]
    fts = Fts5(measures, norm)
    docs = [(m.id, "\n".join(normalized_fields(m, norm))) for m in measures]

    # The other engines match every term literally: so does all-terms mode (the
    # default, ranked best match, may also return measures holding some terms),
    # over the same fields.
    fields = [f for f in shenzhen.FIELDS if f != "aliases"]

    def search(text: str, limit: int = 0) -> list:
        return shenzhen.search(text, limit=limit, mode="all_terms", fields=fields)

    # -- every engine must find the same hits (all of them, no limit) ----------------
    mismatches = 0
    total = 0
    for text, ts in zip(texts, terms):
        a = len(search(text))
        f = len(fts.run(Fts5.prepare(ts, -1)))
        loop = sum(all(t in doc for t in ts) for _, doc in docs)
        total += a
        if not a == f == loop:
            mismatches += 1
            print(f"mismatch {text!r}: shenzhen {a}, fts5 {f}, loop {loop}", file=sys.stderr)

    # -- search, per query ---------------------------------------------------------------
    fts_ids = [Fts5.prepare(ts, LIMIT) for ts in terms]
    fts_snippets = [Fts5.prepare(ts, LIMIT, snippet=True) for ts in terms]
    fts_or = [Fts5.prepare_or(ts, LIMIT) for ts in terms]
    execute = fts.db.execute

    def run_shenzhen(i: int) -> object:
        return search(texts[i], limit=LIMIT)

    def run_shenzhen_snippets(i: int) -> object:
        return [(h.measure.id, h.spans, h.snippet) for h in search(texts[i], limit=LIMIT)]

    def run_fts(i: int) -> object:
        return execute(*fts_ids[i]).fetchall()

    def run_fts_snippets(i: int) -> object:
        return execute(*fts_snippets[i]).fetchall()

    def run_best(i: int) -> object:  # the default mode and fields
        return shenzhen.search(texts[i], limit=LIMIT)

    def run_fts_or(i: int) -> object:
        return execute(*fts_or[i]).fetchall()

    def run_loop(i: int) -> object:  # unranked, all hits: what `in` can do
        ts = terms[i]
        return [mid for mid, doc in docs if all(t in doc for t in ts)]

    overhead = harness_overhead(queries)
    few, many = (3, 20) if quick else (20, 200)
    engines: list[tuple[str, Callable[[int], object], int, str]] = [
        ("shenzhen.search", run_shenzhen, many, "shenzhen.search"),
        ("SQLite FTS5 trigram, ranked ids", run_fts, few, "shenzhen.search"),
        ("python loop with `in`", run_loop, few, "shenzhen.search"),
        ("shenzhen.search + spans/snippet", run_shenzhen_snippets, many // 2,
         "shenzhen.search + spans/snippet"),
        ("SQLite FTS5 trigram, ranked + snippet", run_fts_snippets, few,
         "shenzhen.search + spans/snippet"),
        ("shenzhen.search, best match", run_best, many, "shenzhen.search, best match"),
        ("SQLite FTS5 trigram OR, ranked ids", run_fts_or, few, "shenzhen.search, best match"),
    ]
    stats = {name: time_engine(run, queries, reps, overhead) for name, run, reps, _ in engines}

    # -- get and import ---------------------------------------------------------------
    ids = [m.id for m in measures] * 200
    get = shenzhen.get
    table = {m.id: m for m in measures}

    def run_get() -> None:
        for i in ids:
            get(i)

    def run_dict() -> None:
        for i in ids:
            table[i]

    repeat = 15 if quick else 90
    t_get = best_of(run_get, repeat) / len(ids) * 1e9
    t_dict = best_of(run_dict, repeat) / len(ids) * 1e9
    import_cumulative, import_wall = import_time(quick)

    # -- report ---------------------------------------------------------------------------
    counts = [sum(q.cls == c for q in queries) for c in range(len(CLASSES))]
    print(f"python_bench: {len(queries)} queries ("
          + ", ".join(f"{name} {n}" for name, n in zip(CLASSES, counts))
          + f"), limit {LIMIT}; {len(measures)} measures; {sys.executable} "
          f"{sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    print(f"hit counts agree on {len(queries) - mismatches}/{len(queries)} queries "
          f"({total} hits in all)")
    print(f"timing harness overhead {overhead:.0f} ns (clock + one call), subtracted from "
          f"every sample{'; --quick: few repetitions' if quick else ''}")
    print(f"\n{'engine':<40} {'p50 (us)':>9} {'p99 (us)':>9} {'p50 ratio':>10} {'p99 ratio':>10}")
    for name, _, _, base in engines:
        s, b = stats[name], stats[base]
        ratio = "" if name == base else f"{s.p50 / b.p50:9.1f}x {s.p99 / b.p99:9.1f}x"
        print(f"{name:<40} {s.p50 / 1e3:9.3f} {s.p99 / 1e3:9.3f} {ratio}".rstrip())
    print("(ratio: the engine's time over the shenzhen line above it that returns the same)")
    headline = [name for name, *_ in engines[:3]]
    labels = ("shenzhen.search", "FTS5 ranked ids", "loop `in`")
    print(f"\np50 by query class (us):\n{'class':<14}" + "".join(f" {x:>16}" for x in labels))
    for c, cls in enumerate(CLASSES):
        print(f"{cls:<14}"
              + "".join(f" {stats[name].class_p50[c] / 1e3:16.3f}" for name in headline))
    print(f"\nshenzhen.get {t_get:.1f} ns/call, dict lookup {t_dict:.1f} ns/lookup")
    print(f"import shenzhen: {import_cumulative:.2f} ms (-X importtime, cumulative), "
          f"{import_wall:.2f} ms (wall clock, whole interpreter minus a bare one)")

    shz, fts_s, loop_s = (stats[n] for n in ("shenzhen.search", "SQLite FTS5 trigram, ranked ids",
                                             "python loop with `in`"))
    best, fts_or_s = (stats[n] for n in ("shenzhen.search, best match",
                                         "SQLite FTS5 trigram OR, ranked ids"))

    def target(what: str, value: str, ok: bool) -> None:
        print(f"  {what:<48} {value:>10}   {'ok' if ok else 'BELOW TARGET'}")

    print("targets (p50 ratios):")
    target("FTS5 ranked ids / shenzhen.search (>= 30)", f"{fts_s.p50 / shz.p50:.1f}x",
           fts_s.p50 / shz.p50 >= 30)
    target("best match: FTS5 OR / shenzhen.search (>= 30)", f"{fts_or_s.p50 / best.p50:.1f}x",
           fts_or_s.p50 / best.p50 >= 30)
    target("python loop / shenzhen.search (>= 3)", f"{loop_s.p50 / shz.p50:.1f}x",
           loop_s.p50 / shz.p50 >= 3)
    target("shenzhen.get / dict lookup (<= 2)", f"{t_get / t_dict:.2f}x", t_get / t_dict <= 2)
    target("import shenzhen, -X importtime (<= 5 ms)", f"{import_cumulative:.2f} ms",
           import_cumulative <= 5)
    target("import shenzhen, wall clock delta (<= 5 ms)", f"{import_wall:.2f} ms",
           import_wall <= 5)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
