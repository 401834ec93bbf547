"""Related-measure lists scored against the judged relatedness set.

    PYTHONPATH=<build>/bindings/python /usr/bin/python3 tests/bench/related_eval.py \
        [--judged tests/related/judged.json] [--catalogue data/catalogue.json] \
        [--markdown] [--json FILE] [--floor X]

What it measures: for each of the catalogue's measures, a list of related measures
(best first) is scored against tests/related/judged.json (measure id -> {related id:
2 or 1}; an unlisted measure has grade 0) with

  nDCG@5   graded gains 2 and 1, discount log2(rank + 1), ideal order from the
           judgments (a measure with fewer than five graded neighbours can still
           reach 1);
  P@5      share of the first five that have grade >= 1 (a measure with fewer than
           five graded neighbours cannot reach 1; the "ideal" row shows the most any
           list can reach);

averaged over the measures. The lists scored:

  libshenzhen      each measure's .related in the Python bindings, that is
                   shz_measure_related() in the order the library gives;
  TF-IDF bigrams   a baseline computed here: every measure's zh-Hans title, body and
                   keywords become a bag of character bigrams (within runs of letters
                   and digits, NFKC and case folded), weighted tf * ln(N / df); the
                   five other measures with the highest cosine, lower id first on ties;
  ideal            the judged neighbours themselves, best grade first (the ceiling).

--floor X exits 1 when libshenzhen's mean nDCG@5 is below X; --markdown prints the
table as Markdown (for the README); --json FILE writes every figure and list.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
K = 5
GRADES = (1, 2)
SHENZHEN = "libshenzhen"
BASELINE = "TF-IDF bigrams"
IDEAL = "ideal"
RUN = re.compile(r"[^\W_]+")


class InputError(Exception):
    """The catalogue or the judged set is unusable."""


def load_measures(path: Path) -> dict[int, str]:
    """Measure id -> its zh-Hans title, body and keywords, folded, one per line."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = {}
        for m in data["measures"]:
            parts = [m["title"]["zh-Hans"], m["body"]["zh-Hans"], *m.get("keywords", [])]
            texts[int(m["id"])] = unicodedata.normalize("NFKC", "\n".join(parts)).casefold()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a usable catalogue ({exc})") from exc
    return texts


def load_judged(path: Path, ids: set[int]) -> dict[int, dict[int, int]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the judged set ({exc})") from exc
    if not isinstance(raw, dict):
        raise InputError(f"{path}: expected a JSON object")
    judged: dict[int, dict[int, int]] = {}
    for key, grades in raw.items():
        if not str(key).isdigit() or int(key) not in ids or not isinstance(grades, dict):
            raise InputError(f"{path}: entry {key!r} is not a measure id with an object")
        row: dict[int, int] = {}
        for other, grade in grades.items():
            if not str(other).isdigit() or int(other) not in ids or int(other) == int(key):
                raise InputError(f"{path}: measure {key}: {other!r} is not another measure")
            if grade not in GRADES or isinstance(grade, bool):
                raise InputError(f"{path}: measure {key}: grade {grade!r} is not 1 or 2")
            row[int(other)] = grade
        if not row:
            raise InputError(f"{path}: measure {key} has no related measure")
        judged[int(key)] = row
    if set(judged) != ids:
        missing = sorted(ids - set(judged))
        raise InputError(f"{path}: no entry for measures {missing}")
    return judged


def bigrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for run in RUN.findall(text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return grams


def tfidf_lists(texts: dict[int, str]) -> dict[int, list[int]]:
    bags = {i: bigrams(t) for i, t in texts.items()}
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    vectors = {i: {g: tf * math.log(n / df[g]) for g, tf in bag.items()}
               for i, bag in bags.items()}
    norms = {i: math.sqrt(sum(w * w for w in v.values())) for i, v in vectors.items()}

    def cosine(a: int, b: int) -> float:
        va, vb = vectors[a], vectors[b]
        if len(vb) < len(va):
            va, vb = vb, va
        dot = sum(w * vb.get(g, 0.0) for g, w in va.items())
        return dot / (norms[a] * norms[b]) if norms[a] and norms[b] else 0.0

    return {i: sorted((j for j in texts if j != i), key=lambda j: (-cosine(i, j), j))[:K]
            for i in texts}


def library_lists() -> dict[int, list[int]]:
    import shenzhen

    return {m.id: [r.id for r in m.related] for m in shenzhen.measures()}


def ideal_lists(judged: dict[int, dict[int, int]]) -> dict[int, list[int]]:
    return {i: sorted(row, key=lambda j: (-row[j], j)) for i, row in judged.items()}


def dcg(gains: Iterable[int]) -> float:
    return sum(g / math.log2(rank + 2) for rank, g in enumerate(gains))


def scores(ids: Sequence[int], grades: dict[int, int]) -> dict[str, float]:
    ideal = dcg(sorted(grades.values(), reverse=True)[:K])
    return {
        "ndcg5": dcg(grades.get(i, 0) for i in ids[:K]) / ideal,
        "p5": sum(1 for i in ids[:K] if grades.get(i, 0)) / K,
    }


def summarize(lists: dict[int, list[int]], judged: dict[int, dict[int, int]]) -> dict[str, Any]:
    per = {i: scores(lists.get(i, []), judged[i]) for i in sorted(judged)}
    return {
        "ndcg5": statistics.fmean(s["ndcg5"] for s in per.values()),
        "p5": statistics.fmean(s["p5"] for s in per.values()),
        "per_measure": per,
        "lists": {i: lists.get(i, []) for i in sorted(judged)},
    }


def render(head: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        rule = ["---"] + ["---:"] * (len(head) - 1)
        return "\n".join("| " + " | ".join(r) + " |" for r in [head, rule] + rows)
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    lines = ["  ".join([r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])])
             for r in [head] + rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--catalogue", type=Path, default=ROOT / "data" / "catalogue.json")
    parser.add_argument("--judged", type=Path,
                        default=ROOT / "tests" / "related" / "judged.json")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure here")
    parser.add_argument("--floor", type=float, metavar="X",
                        help="exit 1 when libshenzhen's mean nDCG@5 is below X")
    return parser.parse_args(argv)


def evaluate(args: argparse.Namespace) -> int:
    texts = load_measures(args.catalogue)
    judged = load_judged(args.judged, set(texts))
    engines: dict[str, dict[int, list[int]]] = {}
    failures: list[str] = []
    try:
        engines[SHENZHEN] = library_lists()
    except ImportError as exc:
        print(f"skipped {SHENZHEN}: cannot import shenzhen ({exc}); set PYTHONPATH")
        if args.floor is not None:
            failures.append("libshenzhen did not run, so its nDCG@5 is unknown")
    engines[BASELINE] = tfidf_lists(texts)
    engines[IDEAL] = ideal_lists(judged)
    summary = {name: summarize(lists, judged) for name, lists in engines.items()}
    pairs = sum(len(row) for row in judged.values())
    print(f"{len(judged)} measures, {pairs} judged links "
          f"({sum(1 for r in judged.values() for g in r.values() if g == 2)} of grade 2)\n")
    head = ["lists", "nDCG@5", "P@5"]
    rows = [[name, f"{s['ndcg5']:.3f}", f"{s['p5']:.3f}"] for name, s in summary.items()]
    print(render(head, rows, args.markdown))
    print()
    if SHENZHEN in summary:
        value = summary[SHENZHEN]["ndcg5"]
        bound = f" (floor {args.floor:.3f})" if args.floor is not None else ""
        print(f"libshenzhen related lists nDCG@5: {value:.3f}{bound}")
        if args.floor is not None and value < args.floor:
            failures.append(f"libshenzhen's related lists' nDCG@5 {value:.3f} is below the "
                            f"floor {args.floor:.3f}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return evaluate(arguments(argv))
    except InputError as exc:
        print(f"related_eval: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
