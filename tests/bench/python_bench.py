"""Benchmarks of the Python bindings; prints ratios, never fails on timing.

    PYTHONPATH=<build>/bindings/python /usr/bin/python3 tests/bench/python_bench.py [--quick]

Targets (issue #4): shenzhen.search >= 30x faster than SQLite FTS5 (trigram)
and >= 3x faster than a Python loop with `in` over the same texts;
shenzhen.get within 2x of a dict lookup; `import shenzhen` <= 5 ms.
"""

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import time

import shenzhen


def best_of(fn, repeat: int) -> float:
    """Best wall time of `repeat` calls of fn(), in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def bench_queries() -> list:
    """Terms of 3+ characters (trigram FTS5 cannot match shorter ones)."""
    qs = []
    for m in shenzhen.measures():
        qs += [k for k in m.keywords if len(k) >= 3]
        qs += [m.title[:4], m.title_en.split()[0].lower(), " ".join(m.pinyin.split()[:2])]
    seen: set = set()
    return [q for q in qs if len(q) >= 3 and not (q in seen or seen.add(q))]


def searched_texts(m: shenzhen.Measure) -> str:
    # What shenzhen.search looks in by default: every field, every language.
    return "\n".join((m.title, m.title_hant, m.title_en, m.body, m.body_hant, m.summary_en,
                      m.pinyin, m.initials)).lower()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (for ctest)")
    args = ap.parse_args()
    repeat = 5 if args.quick else 30

    queries = bench_queries()
    measures = shenzhen.measures()

    # -- search ---------------------------------------------------------------
    def run_shenzhen():
        for q in queries:
            shenzhen.search(q)

    def run_shenzhen_full():  # also reads every hit's spans and snippet
        for q in queries:
            for h in shenzhen.search(q):
                h.spans, h.snippet

    texts = [(m, searched_texts(m)) for m in measures]

    def run_loop():
        for q in queries:
            terms = q.lower().split()
            [m for m, t in texts if all(term in t for term in terms)]

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, title_hant, title_en, body, body_hant,"
               " summary, pinyin, initials, tokenize='trigram')")
    db.executemany("INSERT INTO t(rowid, title, title_hant, title_en, body, body_hant, summary,"
                   " pinyin, initials) VALUES (?,?,?,?,?,?,?,?,?)",
                   [(m.id, m.title, m.title_hant, m.title_en, m.body, m.body_hant, m.summary_en,
                     m.pinyin, m.initials) for m in measures])
    fts_queries = [" ".join('"' + term.replace('"', '""') + '"' for term in q.split())
                   for q in queries]

    # Like-for-like: shenzhen.search returns ranked hits with their match
    # positions and a snippet, so FTS5 is asked for rank and snippet too.
    def run_fts():
        for q in fts_queries:
            db.execute("SELECT rowid, rank, snippet(t, -1, '[', ']', '…', 16) FROM t"
                       " WHERE t MATCH ? ORDER BY rank", (q,)).fetchall()

    def run_fts_ids():  # ids only, no snippet: the cheapest FTS5 query
        for q in fts_queries:
            db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank", (q,)).fetchall()

    t_shz = best_of(run_shenzhen, repeat)
    t_full = best_of(run_shenzhen_full, repeat)
    t_loop = best_of(run_loop, repeat)
    t_fts = best_of(run_fts, repeat)
    t_fts_ids = best_of(run_fts_ids, repeat)
    n = len(queries)
    hits = sum(len(shenzhen.search(q)) for q in queries)

    # -- get ------------------------------------------------------------------
    ids = [m.id for m in measures] * 200
    get = shenzhen.get
    table = {m.id: m for m in measures}

    def run_get():
        for i in ids:
            get(i)

    def run_dict():
        for i in ids:
            table[i]

    t_get = best_of(run_get, repeat * 3)
    t_dict = best_of(run_dict, repeat * 3)

    # -- import -----------------------------------------------------------------
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # use the bytecode the build wrote
    runs = 10 if args.quick else 30
    cumulative = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import shenzhen"],
                             capture_output=True, text=True, env=env, check=True).stderr
        found = re.search(r"^import time:\s+\d+ \|\s+(\d+) \| shenzhen$", out, re.M)
        cumulative.append(int(found.group(1)) / 1000 if found else float("nan"))

    # Wall clock of a whole interpreter with and without the import,
    # interleaved so that machine noise hits both alike; best of each.
    def start(code: str) -> float:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        return time.perf_counter() - t0

    bare, loaded = [], []
    for _ in range(runs):
        bare.append(start("pass"))
        loaded.append(start("import shenzhen"))
    t_import = min(loaded) - min(bare)

    def line(name: str, value: str, ok: bool) -> None:
        print(f"  {name:<44} {value:>22}   {'ok' if ok else 'BELOW TARGET'}")

    us = 1e6 / n
    print(f"python_bench: {n} queries ({hits} hits), {len(measures)} measures, "
          f"best of {repeat}; {sys.executable} {sys.version.split()[0]}")
    print(f"  shenzhen.search                 {t_shz * us:8.2f} us/query")
    print(f"  shenzhen.search + spans/snippet {t_full * us:8.2f} us/query")
    print(f"  python loop with `in`           {t_loop * us:8.2f} us/query")
    print(f"  sqlite3 FTS5 trigram + snippet  {t_fts * us:8.2f} us/query")
    print(f"  sqlite3 FTS5 trigram, ids only  {t_fts_ids * us:8.2f} us/query")
    print(f"  shenzhen.get                    {t_get / len(ids) * 1e9:8.1f} ns/call")
    print(f"  dict lookup                     {t_dict / len(ids) * 1e9:8.1f} ns/lookup")
    print("ratios (target):")
    line("FTS5+snippet / shenzhen.search (>= 30)", f"{t_fts / t_shz:.1f}x", t_fts / t_shz >= 30)
    line("FTS5 ids only / shenzhen.search (info)", f"{t_fts_ids / t_shz:.1f}x", True)
    line("loop / shenzhen.search (>= 3)", f"{t_loop / t_shz:.1f}x", t_loop / t_shz >= 3)
    line("FTS5+snippet / search+spans/snippet (info)", f"{t_fts / t_full:.1f}x", True)
    line("shenzhen.get / dict lookup (<= 2)", f"{t_get / t_dict:.2f}x", t_get / t_dict <= 2)
    line("import shenzhen, -X importtime (<= 5 ms)", f"{min(cumulative):.2f} ms",
         min(cumulative) <= 5)
    line("import shenzhen, wall clock delta (<= 5 ms)", f"{t_import * 1e3:.2f} ms",
         t_import * 1e3 <= 5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
