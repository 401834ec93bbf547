"""The judged sets keep the shape their READMEs promise.

    /usr/bin/python3 tests/relevance/check_sets.py [--catalogue data/catalogue.json]

Checks, printing one line per failure and exiting 1 on any:

- tests/relevance/queries.json (development), dev_extra.json, dev_more.json,
  dev_fresh.json, dev_daily.json, dev_blind.json, dev_life.json, dev_long.json and
  dev_mid.json, dev_ask.json, dev_plain.json, dev_city.json, dev_town.json, dev_edge.json,
  dev_english.json, dev_seal.json, dev_setting.json, dev_seal2.json, dev_seal3.json,
  dev_seal4.json to dev_seal9.json (extra development) and test.json (held out): ids
  unique and in file order with their prefix (q, x, m, f, d, b, l, g, k, a, p, c, w, e,
  n, s, v, u, r, h, j, y, i, z, o, t), kinds known,
  grades 1 or 2 of real measures; no query text of one set repeats one of another;
- each extra development set's out of scope queries, and only those, have no
  relevant measure; dev_more.json holds at least 60 out of scope and 40 everyday,
  dev_fresh.json at least 40 and 30, dev_daily.json and dev_blind.json at least 60
  and 50, dev_life.json at least 50 and 60, dev_long.json at least 50 and 50,
  dev_mid.json at least 40 and 60, dev_ask.json (questions and English) at least 30
  out of scope, dev_plain.json and dev_city.json at least 30 and 50, dev_town.json and
  dev_edge.json at least 40 and 40, dev_english.json at least 40 and 30, dev_seal.json,
  dev_seal2.json, dev_seal3.json and dev_seal4.json to dev_seal9.json at least 50 and 40,
  dev_setting.json at least 20 and 40;
- the test set holds at least 150 queries, at least 60 of kind out_of_scope (every
  one with no relevant measure) and at least 40 of kind everyday, and only its out
  of scope queries have no relevant measure;
- tests/related/judged.json grades every measure, never a measure itself, only
  with 1 or 2, and symmetrically (B's grade for A equals A's grade for B).

It never prints a query's text, nor which query of a set repeats one of the test
set, so a failure does not quote or point into the held-out set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "relevance"
KINDS = {"question", "concepts", "colloquial", "english", "exact", "everyday", "out_of_scope"}
MIN_TEST, MIN_OUT_OF_SCOPE, MIN_EVERYDAY = 150, 60, 40
# The extra development sets: file name, id prefix, least out-of-scope and everyday.
EXTRA_SETS = (("dev_extra.json", "x", 30, 20), ("dev_more.json", "m", 60, 40),
              ("dev_fresh.json", "f", 40, 30), ("dev_daily.json", "d", 60, 50),
              ("dev_blind.json", "b", 60, 50), ("dev_life.json", "l", 50, 60),
              ("dev_long.json", "g", 50, 50), ("dev_mid.json", "k", 40, 60),
              ("dev_ask.json", "a", 30, 0), ("dev_plain.json", "p", 30, 50),
              ("dev_city.json", "c", 30, 50), ("dev_town.json", "w", 40, 40),
              ("dev_edge.json", "e", 40, 40), ("dev_english.json", "n", 40, 30),
              ("dev_seal.json", "s", 50, 40), ("dev_setting.json", "v", 20, 40),
              ("dev_seal2.json", "u", 50, 40), ("dev_seal3.json", "r", 50, 40),
              ("dev_seal4.json", "h", 50, 40), ("dev_seal5.json", "j", 50, 40),
              ("dev_seal6.json", "y", 50, 40), ("dev_seal7.json", "i", 50, 40),
              ("dev_seal8.json", "z", 50, 40), ("dev_seal9.json", "o", 50, 40))


def check_queries(items: Any, prefix: str, ids: set[str], name: str) -> list[str]:
    if not isinstance(items, list) or not items:
        return [f"{name}: not a non-empty JSON array"]
    problems = []
    for n, item in enumerate(items, 1):
        where = f"{name} item {n}"
        if not isinstance(item, dict):
            problems.append(f"{where}: not an object")
            continue
        if item.get("id") != f"{prefix}{n:03d}":
            problems.append(f"{where}: id {item.get('id')!r}, expected {prefix}{n:03d}")
        if item.get("kind") not in KINDS:
            problems.append(f"{where}: kind {item.get('kind')!r} unknown")
        if not isinstance(item.get("query"), str) or not item["query"].strip():
            problems.append(f"{where}: no query text")
        judged = item.get("judgments")
        if not isinstance(judged, dict):
            problems.append(f"{where}: judgments not an object")
            continue
        for key, grade in judged.items():
            if key not in ids or grade not in (1, 2) or isinstance(grade, bool):
                problems.append(f"{where}: judgment {key!r}: {grade!r} is not 1 or 2 of a measure")
    return problems


def check_test_shape(test: list[dict[str, Any]], dev: list[dict[str, Any]]) -> list[str]:
    problems = []
    repeated = {q["query"] for q in dev} & {q["query"] for q in test}
    if repeated:
        problems.append(f"test set: {len(repeated)} queries repeat development queries")
    kinds = Counter(q["kind"] for q in test)
    if len(test) < MIN_TEST:
        problems.append(f"test set: {len(test)} queries, fewer than {MIN_TEST}")
    if kinds["out_of_scope"] < MIN_OUT_OF_SCOPE:
        problems.append(f"test set: {kinds['out_of_scope']} out_of_scope, fewer than "
                        f"{MIN_OUT_OF_SCOPE}")
    if kinds["everyday"] < MIN_EVERYDAY:
        problems.append(f"test set: {kinds['everyday']} everyday, fewer than {MIN_EVERYDAY}")
    for q in test:
        if (q["kind"] == "out_of_scope") != (not q["judgments"]):
            problems.append(f"test set {q['id']}: kind {q['kind']} with "
                            f"{len(q['judgments'])} relevant measures")
    return problems


def check_extra_shape(items: list[dict[str, Any]], name: str, min_out: int,
                      min_everyday: int) -> list[str]:
    problems = []
    kinds = Counter(q["kind"] for q in items)
    if kinds["out_of_scope"] < min_out:
        problems.append(f"{name}: {kinds['out_of_scope']} out_of_scope, fewer than {min_out}")
    if kinds["everyday"] < min_everyday:
        problems.append(f"{name}: {kinds['everyday']} everyday, fewer than {min_everyday}")
    for q in items:
        if (q["kind"] == "out_of_scope") != (not q["judgments"]):
            problems.append(f"{name} {q['id']}: kind {q['kind']} with "
                            f"{len(q['judgments'])} relevant measures")
    return problems


def check_no_repeats(sets: dict[str, list[dict[str, Any]]]) -> list[str]:
    """No query text in two sets (counts only: a repeat of the test set is not named)."""
    problems = []
    names = list(sets)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            repeated = {q["query"] for q in sets[first]} & {q["query"] for q in sets[second]}
            if repeated:
                problems.append(f"{len(repeated)} queries of {second} repeat queries of {first}")
    return problems


def check_related(judged: Any, ids: set[str]) -> list[str]:
    if not isinstance(judged, dict):
        return ["related set: not a JSON object"]
    missing = sorted(ids - set(judged), key=int)
    problems = [f"related set: no entry for measure {i}" for i in missing]
    for key, row in judged.items():
        if key not in ids or not isinstance(row, dict) or not row:
            problems.append(f"related set: entry {key!r} is not a measure with grades")
            continue
        for other, grade in row.items():
            if other == key or other not in ids or grade not in (1, 2) or isinstance(grade, bool):
                problems.append(f"related set {key}: {other!r}: {grade!r} is not 1 or 2 of "
                                "another measure")
            elif judged.get(other, {}).get(key) != grade:
                problems.append(f"related set: {key} gives {other} grade {grade}, but {other} "
                                f"gives {key} {judged.get(other, {}).get(key)}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--catalogue", type=Path, default=ROOT / "data" / "catalogue.json")
    parser.add_argument("--dev", type=Path, default=HERE / "queries.json")
    parser.add_argument("--test", type=Path, default=HERE / "test.json")
    parser.add_argument("--extra-dir", type=Path, default=HERE,
                        help="folder of the extra development sets (dev_*.json)")
    parser.add_argument("--related", type=Path,
                        default=ROOT / "tests" / "related" / "judged.json")
    args = parser.parse_args(argv)
    try:
        catalogue = json.loads(args.catalogue.read_text(encoding="utf-8"))
        ids = {str(m["id"]) for m in catalogue["measures"]}
        dev = json.loads(args.dev.read_text(encoding="utf-8"))
        test = json.loads(args.test.read_text(encoding="utf-8"))
        related = json.loads(args.related.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"check_sets: cannot read the sets ({exc})", file=sys.stderr)
        return 2
    try:
        extra = {fname: json.loads((args.extra_dir / fname).read_text(encoding="utf-8"))
                 for fname, _, _, _ in EXTRA_SETS}
    except (OSError, ValueError) as exc:
        print(f"check_sets: cannot read the extra development sets ({exc})", file=sys.stderr)
        return 2
    problems = check_queries(dev, "q", ids, "development set")
    problems += check_queries(test, "t", ids, "test set")
    for fname, prefix, _, _ in EXTRA_SETS:
        problems += check_queries(extra[fname], prefix, ids, fname)
    if not problems:
        problems += check_test_shape(test, dev)
        for fname, _, min_out, min_everyday in EXTRA_SETS:
            problems += check_extra_shape(extra[fname], fname, min_out, min_everyday)
        problems += check_no_repeats({"the development set": dev, **extra, "the test set": test})
    problems += check_related(related, ids)
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    if not problems:
        kinds = Counter(q["kind"] for q in test)
        print(f"development set {len(dev)} queries; "
              + "".join(f"{fname} {len(extra[fname])}; " for fname, _, _, _ in EXTRA_SETS)
              + f"test set {len(test)} ("
              + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
              + f"); related set {sum(len(r) for r in related.values()) // 2} pairs: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
