"""Relevance of libshenzhen's search against the engines a user would pick instead.

    PYTHONPATH=<build>/bindings/python /usr/bin/python3 tests/bench/relevance_eval.py \
        [--queries FILE]... [--catalogue data/catalogue.json] [--markdown] \
        [--json FILE] [--per-query FILE] [--floor X] [--max-out-of-scope X] \
        [--max-empty X] [--require-peers]

What it measures: every judged query of each set (a JSON array of {"id", "kind",
"query", "judgments": {measure id: 2 or 1}}; an unlisted measure has grade 0) is run
through each engine, limit 10. The sets are tests/relevance/queries.json (the
development set) and tests/relevance/test.json (the held-out test set); both by
default, or those given with --queries (repeatable). Each set is reported on its own,
and scored with

  nDCG@5   graded gains 2 and 1, discount log2(rank + 1), ideal order from the judgments;
  P@1      the top hit has grade >= 1;
  R@10     share of the measures with grade >= 1 found in the top 10;
  empty    share of queries that return no hit at all.

These four cover only the queries with at least one relevant measure (in scope), per
kind and over all. Queries with no relevant measure (out of scope: the test set's
out_of_scope kind, and the few such queries of other kinds) are reported apart:

  out-of-scope hit rate   share of them for which the engine returns any hit at all
                          (lower is better; the ideal is 0);
  hits/oos                mean number of hits returned for them.

Each engine's median time per query is measured in this process (time.perf_counter_ns
around the search call, query analysis included, over --repeat rounds) and given as a
ratio to libshenzhen's; it is a figure, never a test.

Engines, all over the same corpus: one document per measure with the fields zh-Hans
title, English title, zh-Hans body, English body (when the catalogue has it), English
summary, keywords, aliases (when present) and toneless pinyin. Every peer's text and
every query are folded the same simple way (NFKC, then case folding); libshenzhen gets
the same folded query and does its own analysis on top.

  libshenzhen          shenzhen.search(query, limit=10); a query it rejects counts as
                       no result. When search() takes a ``mode`` keyword, the default
                       (best match) is one row and the all-terms mode another.
  FTS5 trigram         SQLite FTS5 with tokenize='trigram', one column per field, ranked
                       by bm25() with the field weights below. The query is split into
                       runs of letters and digits; it becomes an OR of the quoted
                       trigrams of its runs. A trigram index cannot match a run of one or
                       two characters, so such runs are dropped when the query has any
                       trigram; when it has none, every short run is looked up as a
                       substring (instr) of the concatenated fields and measures are
                       ranked by how many runs they contain, then by id.
  Xapian               Xapian 1.4: TermGenerator and QueryParser with FLAG_CJK_NGRAM
                       (Han runs become unigrams and bigrams), the English Snowball
                       stemmer with STEM_SOME, BM25Weight, each field indexed with its
                       weight as wdf increment, default operator OR. Xapian 1.4's parser
                       joins the n-grams of one Han run with AND; that is kept, as a
                       user of Xapian would get it.
  jieba BM25           BM25 (k1 = 1.2, b = 0.75) written here, over
                       jieba.lcut_for_search tokens of the concatenated fields,
                       unweighted (tokens without a letter or digit dropped); the query
                       segmented alike.

Options: --markdown prints the tables as Markdown (for the README); --json FILE writes
every figure; --per-query FILE writes each query's top-5 ids per engine; each set's
figures are under its name. The floors apply to every set given, to libshenzhen's
default row, and make the program exit 1 when missed: --floor X (overall nDCG@5 below
X), --max-out-of-scope X (out-of-scope hit rate above X), --max-empty X (share of
in-scope queries with no hit above X); an empty value means report only.
--require-peers, or the environment variable CI=true, makes a missing peer (or a
missing libshenzhen) an error; otherwise a missing peer is said and skipped, and
libshenzhen's figures and floors still run.
"""

from __future__ import annotations

import argparse
import inspect
import json
import logging
import math
import os
import re
import sqlite3
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

LIMIT = 10
TOP_PER_QUERY = 5
KINDS = ("question", "concepts", "colloquial", "english", "exact", "everyday", "out_of_scope")
SET_NAMES = {"queries": "development", "test": "test"}
GRADES = (1, 2)
ROOT = Path(__file__).resolve().parents[2]
SHENZHEN = "libshenzhen"
SHENZHEN_ALL = "libshenzhen (all terms)"

# (column, weight): FTS5 and Xapian weigh fields with these (jieba BM25 reads the fields
# concatenated, unweighted, as the plain baseline it is). Titles weigh most, keywords
# and aliases less, bodies, the summary and the pinyin least; the Chinese and English
# title weigh alike, as do the two bodies.
FIELDS: tuple[tuple[str, int], ...] = (
    ("title_zh", 4),
    ("title_en", 4),
    ("keywords", 2),
    ("aliases", 2),
    ("summary_en", 1),
    ("body_zh", 1),
    ("body_en", 1),
    ("pinyin", 1),
)
FIELD_NAMES = tuple(name for name, _ in FIELDS)


class InputError(Exception):
    """The catalogue or the judgments file is unusable."""


# ---- corpus and judgments ------------------------------------------------------------


def fold(text: str) -> str:
    """The one normalization every engine's query (and every peer's text) gets."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Doc:
    """One measure as the peers index it: field name -> folded text ("" when absent)."""

    id: int
    fields: dict[str, str]

    def text(self) -> str:
        return "\n".join(self.fields[name] for name in FIELD_NAMES if self.fields[name])


@dataclass(frozen=True)
class Query:
    """One judged query; judgments maps measure id -> grade (1 or 2), others are 0."""

    id: str
    kind: str
    text: str
    judgments: dict[int, int]

    @property
    def relevant(self) -> bool:
        return bool(self.judgments)


@dataclass
class Catalogue:
    """The corpus, and whether the catalogue has the fields of data edition 2026.2."""

    edition: str
    docs: list[Doc]
    has_body_en: bool
    has_aliases: bool


def _lang_text(value: object, lang: str) -> str:
    if isinstance(value, dict):
        text = value.get(lang, "")
        return text if isinstance(text, str) else ""
    return ""


def _strings(value: object) -> list[str]:
    """A list of strings, or of {"text": …} objects (schema 3 aliases), as its strings."""
    if not isinstance(value, list):
        return []
    items = [s.get("text") if isinstance(s, dict) else s for s in value]
    return [s for s in items if isinstance(s, str)]


def measure_doc(measure: dict[str, Any]) -> Doc:
    pinyin = measure.get("pinyin", {})
    raw = {
        "title_zh": _lang_text(measure.get("title"), "zh-Hans"),
        "title_en": _lang_text(measure.get("title"), "en"),
        "keywords": "\n".join(_strings(measure.get("keywords"))),
        "aliases": "\n".join(_strings(measure.get("aliases"))),
        "summary_en": _lang_text(measure.get("summary"), "en"),
        "body_zh": _lang_text(measure.get("body"), "zh-Hans"),
        "body_en": _lang_text(measure.get("body"), "en"),
        "pinyin": pinyin.get("full", "") if isinstance(pinyin, dict) else "",
    }
    return Doc(int(measure["id"]), {name: fold(text) for name, text in raw.items()})


def load_catalogue(path: Path) -> Catalogue:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        docs = [measure_doc(m) for m in data["measures"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a usable catalogue ({exc})") from exc
    return Catalogue(
        edition=str(data.get("edition", "?")),
        docs=docs,
        has_body_en=any(d.fields["body_en"] for d in docs),
        has_aliases=any(d.fields["aliases"] for d in docs),
    )


def parse_query(item: object, known_ids: set[int]) -> Query:
    if not isinstance(item, dict):
        raise InputError(f"not an object: {item!r}")
    qid, kind, text, judged = (item.get(k) for k in ("id", "kind", "query", "judgments"))
    where = f"query {qid!r}"
    if not isinstance(qid, str) or not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: needs a string id and a non-empty query")
    if kind not in KINDS:
        raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if not isinstance(judged, dict):
        raise InputError(f"{where}: judgments must be an object")
    judgments: dict[int, int] = {}
    for key, grade in judged.items():
        if not str(key).isdigit() or int(key) not in known_ids:
            raise InputError(f"{where}: no measure {key!r}")
        if grade not in GRADES or isinstance(grade, bool):
            raise InputError(f"{where}: grade {grade!r} of measure {key} is not 1 or 2")
        judgments[int(key)] = grade
    return Query(qid, kind, text, judgments)


def load_queries(path: Path, known_ids: set[int]) -> list[Query]:
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the judgments ({exc})") from exc
    if not isinstance(items, list) or not items:
        raise InputError(f"{path}: expected a non-empty JSON array of queries")
    queries = [parse_query(item, known_ids) for item in items]
    dupes = [qid for qid, n in Counter(q.id for q in queries).items() if n > 1]
    if dupes:
        raise InputError(f"{path}: duplicate query ids {', '.join(sorted(dupes))}")
    return queries


# ---- engines -------------------------------------------------------------------------


class Engine(Protocol):
    name: str

    def search(self, query: str) -> list[int]:
        """Ids of at most LIMIT measures, best first, for a folded query."""
        ...


RUN = re.compile(r"[^\W_]+")


def runs(query: str) -> list[str]:
    """Maximal runs of letters and digits (punctuation, symbols and spaces split)."""
    return RUN.findall(query)


def trigrams(query: str) -> list[str]:
    seen: dict[str, None] = {}
    for run in runs(query):
        for i in range(len(run) - 2):
            seen.setdefault(run[i:i + 3], None)
    return list(seen)


class Fts5Engine:
    name = "FTS5 trigram"

    def __init__(self, docs: Sequence[Doc]) -> None:
        self.db = sqlite3.connect(":memory:")
        columns = ", ".join(FIELD_NAMES)
        self.db.execute(f"CREATE VIRTUAL TABLE docs USING fts5({columns}, tokenize='trigram')")
        marks = ", ".join("?" * (len(FIELD_NAMES) + 1))
        self.db.executemany(
            f"INSERT INTO docs(rowid, {columns}) VALUES ({marks})",
            [(d.id, *(d.fields[name] for name in FIELD_NAMES)) for d in docs],
        )
        weights = ", ".join(str(w) for _, w in FIELDS)
        self.match_sql = (
            f"SELECT rowid FROM docs WHERE docs MATCH ? "
            f"ORDER BY bm25(docs, {weights}), rowid LIMIT {LIMIT}"
        )
        self.concat = " || char(10) || ".join(FIELD_NAMES)

    def search(self, query: str) -> list[int]:
        grams = trigrams(query)
        if grams:
            expr = " OR ".join('"' + g.replace('"', '""') + '"' for g in grams)
            return [row[0] for row in self.db.execute(self.match_sql, (expr,))]
        return self.substring_search(list(dict.fromkeys(runs(query))))

    def substring_search(self, short_runs: list[str]) -> list[int]:
        if not short_runs:
            return []
        found = " + ".join(f"(instr({self.concat}, ?) > 0)" for _ in short_runs)
        sql = (
            f"SELECT rowid FROM (SELECT rowid, {found} AS n FROM docs) "
            f"WHERE n > 0 ORDER BY n DESC, rowid LIMIT {LIMIT}"
        )
        return [row[0] for row in self.db.execute(sql, short_runs)]


class XapianEngine:
    name = "Xapian"

    def __init__(self, docs: Sequence[Doc]) -> None:
        import xapian

        self.xapian = xapian
        self.db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
        stem = xapian.Stem("english")
        indexer = xapian.TermGenerator()
        indexer.set_stemmer(stem)
        indexer.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
        indexer.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
        weights = dict(FIELDS)
        for d in docs:
            document = xapian.Document()
            indexer.set_document(document)
            for name in FIELD_NAMES:
                indexer.index_text(d.fields[name], weights[name])
                indexer.increase_termpos(100)  # no phrase across two fields
            self.db.replace_document(d.id, document)
        self.parser = xapian.QueryParser()
        self.parser.set_database(self.db)
        self.parser.set_stemmer(stem)
        self.parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        self.parser.set_default_op(xapian.Query.OP_OR)
        self.flags = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_CJK_NGRAM
        self.enquire = xapian.Enquire(self.db)
        self.enquire.set_weighting_scheme(xapian.BM25Weight())

    def search(self, query: str) -> list[int]:
        try:
            parsed = self.parser.parse_query(query, self.flags)
        except self.xapian.QueryParserError:
            return []
        self.enquire.set_query(parsed)
        return [match.docid for match in self.enquire.get_mset(0, LIMIT)]


def _has_word_char(token: str) -> bool:
    return RUN.search(token) is not None


class JiebaBm25Engine:
    name = "jieba BM25"
    k1 = 1.2
    b = 0.75

    def __init__(self, docs: Sequence[Doc]) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        self.cut: Callable[[str], list[str]] = jieba.lcut_for_search
        self.postings: dict[str, list[tuple[int, int]]] = {}
        self.lengths: dict[int, int] = {}
        for d in docs:
            counts = Counter(self.tokens(d.text()))
            self.lengths[d.id] = sum(counts.values())
            for token, tf in counts.items():
                self.postings.setdefault(token, []).append((d.id, tf))
        self.average = sum(self.lengths.values()) / max(len(self.lengths), 1)
        n = len(self.lengths)
        self.idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()
        }

    def tokens(self, text: str) -> list[str]:
        return [t.lower() for t in self.cut(text) if _has_word_char(t)]

    def search(self, query: str) -> list[int]:
        scores: dict[int, float] = {}
        for token in dict.fromkeys(self.tokens(query)):
            idf = self.idf.get(token)
            if idf is None:
                continue
            for doc, tf in self.postings[token]:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[doc] / self.average)
                scores[doc] = scores.get(doc, 0.0) + idf * tf * (self.k1 + 1) / (tf + norm)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [doc for doc, _ in ranked[:LIMIT]]


class ShenzhenEngine:
    """shenzhen.search, with extra keyword arguments (a mode) when given."""

    def __init__(self, module: Any, name: str, extra: dict[str, object]) -> None:
        self.module = module
        self.name = name
        self.extra = extra

    def search(self, query: str) -> list[int]:
        try:
            hits = self.module.search(query, limit=LIMIT, **self.extra)
        except (self.module.Error, ValueError):
            return []  # an empty, too long or malformed query: no result
        return [hit.measure.id for hit in hits]


def accepts_mode(function: Callable[..., object]) -> bool:
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False
    return "mode" in parameters


def all_terms_mode(module: Any, override: str | None) -> object | None:
    """The value of search()'s mode that asks for all-terms matching, or None."""
    names = ("SEARCH_ALL_TERMS", "MODE_ALL_TERMS", "ALL_TERMS")
    candidates: list[object] = [getattr(module, n) for n in names if hasattr(module, n)]
    candidates += [override] if override else ["all-terms", "all_terms", "all"]
    for value in candidates:
        try:
            module.search("深圳", limit=1, mode=value)
        except (module.Error, ValueError, TypeError, KeyError):
            continue
        return value
    return None


def shenzhen_engines(mode_override: str | None) -> tuple[list[Engine], list[str]]:
    """The libshenzhen rows, and notes on how they were run."""
    import shenzhen

    if not accepts_mode(shenzhen.search):
        note = "libshenzhen: search() has no mode keyword; 1.0's all-terms search is the row"
        return [ShenzhenEngine(shenzhen, SHENZHEN, {})], [note]
    engines: list[Engine] = [ShenzhenEngine(shenzhen, SHENZHEN, {})]
    mode = all_terms_mode(shenzhen, mode_override)
    if mode is None:
        return engines, ["libshenzhen: no all-terms value of mode was accepted"]
    engines.append(ShenzhenEngine(shenzhen, SHENZHEN_ALL, {"mode": mode}))
    return engines, [f"libshenzhen: default mode, and mode={mode!r} for all terms"]


def shenzhen_data_note(catalogue_path: Path) -> str | None:
    """A warning when the library was built from another catalogue than the peers read."""
    import hashlib

    import shenzhen

    digest = hashlib.sha256(catalogue_path.read_bytes()).hexdigest()
    if digest == shenzhen.data_sha256:
        return None
    return (
        f"WARNING: libshenzhen holds edition {shenzhen.data_version} "
        f"(sha256 {shenzhen.data_sha256[:12]}), not {catalogue_path} ({digest[:12]}): "
        "the corpora differ"
    )


@dataclass
class Setup:
    engines: list[Engine] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def build_engines(catalogue: Catalogue, path: Path, mode_override: str | None) -> Setup:
    setup = Setup()
    try:
        engines, notes = shenzhen_engines(mode_override)
        setup.engines += engines
        setup.notes += notes
        warning = shenzhen_data_note(path)
        setup.notes += [warning] if warning else []
    except ImportError as exc:
        setup.skipped[SHENZHEN] = f"cannot import shenzhen ({exc}); set PYTHONPATH"
    peers: tuple[Callable[[Sequence[Doc]], Engine], ...] = (
        Fts5Engine,
        XapianEngine,
        JiebaBm25Engine,
    )
    for make in peers:
        try:
            setup.engines.append(make(catalogue.docs))
        except ImportError as exc:
            setup.skipped[getattr(make, "name", str(make))] = f"not installed ({exc})"
    return setup


# ---- runs and metrics ----------------------------------------------------------------


@dataclass
class EngineRun:
    ranked: dict[str, list[int]]
    times_ns: list[int]
    duplicates: int  # ids an engine returned twice for one query (dropped; a bug)


def run_engine(engine: Engine, queries: Sequence[Query], repeat: int) -> EngineRun:
    folded = {q.id: fold(q.text) for q in queries}
    returned = {q.id: engine.search(folded[q.id]) for q in queries}
    ranked = {qid: list(dict.fromkeys(ids)) for qid, ids in returned.items()}
    duplicates = sum(len(returned[qid]) - len(ids) for qid, ids in ranked.items())
    times: list[int] = []
    for _ in range(repeat):
        for q in queries:
            text = folded[q.id]
            start = time.perf_counter_ns()
            engine.search(text)
            times.append(time.perf_counter_ns() - start)
    return EngineRun(ranked, times, duplicates)


def dcg(gains: Iterable[int]) -> float:
    return sum(g / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg_at(ids: Sequence[int], judgments: dict[int, int], k: int) -> float:
    ideal = dcg(sorted(judgments.values(), reverse=True)[:k])
    return dcg(judgments.get(i, 0) for i in ids[:k]) / ideal


def recall_at(ids: Sequence[int], judgments: dict[int, int], k: int) -> float:
    return len(set(ids[:k]) & set(judgments)) / len(judgments)


def query_scores(ids: Sequence[int], judgments: dict[int, int]) -> dict[str, float]:
    return {
        "ndcg5": ndcg_at(ids, judgments, 5),
        "p1": 1.0 if ids and judgments.get(ids[0], 0) >= 1 else 0.0,
        "r10": recall_at(ids, judgments, LIMIT),
        "empty": 0.0 if ids else 1.0,
    }


def mean_scores(rows: list[dict[str, float]]) -> dict[str, float | int | None]:
    keys = ("ndcg5", "p1", "r10", "empty")
    out: dict[str, float | int | None] = {"n": len(rows)}
    for key in keys:
        out[key] = statistics.fmean(r[key] for r in rows) if rows else None
    return out


def summarize(run: EngineRun, queries: Sequence[Query]) -> dict[str, Any]:
    judged = [q for q in queries if q.relevant]
    scored = {q.id: query_scores(run.ranked[q.id], q.judgments) for q in judged}
    by_kind = {
        kind: mean_scores([scored[q.id] for q in judged if q.kind == kind]) for kind in KINDS
    }
    unjudged = {q.id: len(run.ranked[q.id]) for q in queries if not q.relevant}
    with_hits = sum(1 for n in unjudged.values() if n)
    return {
        "by_kind": by_kind,
        "overall": mean_scores(list(scored.values())),
        "no_relevant": {
            "queries": len(unjudged),
            "mean_hits": statistics.fmean(unjudged.values()) if unjudged else None,
            "with_hits": with_hits,
            "hit_rate": with_hits / len(unjudged) if unjudged else None,
            "hits": unjudged,
        },
        "median_us": statistics.median(run.times_ns) / 1000 if run.times_ns else None,
        "duplicate_ids_dropped": run.duplicates,
    }


def add_ratios(summary: dict[str, dict[str, Any]]) -> None:
    base = summary.get(SHENZHEN, {}).get("median_us")
    for figures in summary.values():
        mine = figures["median_us"]
        figures["ratio_to_libshenzhen"] = mine / base if base and mine is not None else None


# ---- output --------------------------------------------------------------------------


def fmt(value: float | int | None, percent: bool = False, digits: int = 3) -> str:
    if value is None:
        return "-"
    return f"{100 * value:.1f}%" if percent else f"{value:.{digits}f}"


def kind_counts(queries: Sequence[Query]) -> dict[str, int]:
    counts = Counter(q.kind for q in queries if q.relevant)
    return {kind: counts.get(kind, 0) for kind in KINDS}


def kind_table(
    summary: dict[str, dict[str, Any]], queries: Sequence[Query], key: str, percent: bool
) -> tuple[list[str], list[list[str]]]:
    """One figure by kind (only the kinds the set has in-scope queries of) and over all."""
    counts = kind_counts(queries)
    kinds = [k for k in KINDS if counts[k]]
    head = ["engine"] + [f"{k} ({counts[k]})" for k in kinds] + [f"all ({sum(counts.values())})"]
    rows = [[name] + [fmt(s["by_kind"][k][key], percent) for k in kinds]
            + [fmt(s["overall"][key], percent)] for name, s in summary.items()]
    return head, rows


def overall_table(summary: dict[str, dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    head = ["engine", "nDCG@5", "P@1", "R@10", "in-scope empty", "out-of-scope hit rate",
            "hits/oos", "median µs", "× shz"]
    rows = []
    for name, s in summary.items():
        o, noise = s["overall"], s["no_relevant"]
        rows.append([
            name, fmt(o["ndcg5"]), fmt(o["p1"]), fmt(o["r10"]), fmt(o["empty"], percent=True),
            fmt(noise["hit_rate"], percent=True), fmt(noise["mean_hits"], digits=1),
            fmt(s["median_us"], digits=1), fmt(s["ratio_to_libshenzhen"], digits=1),
        ])
    return head, rows


def render_text(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    lines = []
    for row in [head] + rows:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells))
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def render_markdown(head: list[str], rows: list[list[str]]) -> str:
    rule = ["---"] + ["---:"] * (len(head) - 1)
    lines = ["| " + " | ".join(row) + " |" for row in [head, rule] + rows]
    return "\n".join(lines)


# A per-query table of hits for the out-of-scope queries is shown up to this many.
NOISE_COLUMNS = 10


def noise_rows(
    summary: dict[str, dict[str, Any]], queries: Sequence[Query]
) -> tuple[list[str], list[list[str]]]:
    """Hits each engine returned for each query that has no relevant measure."""
    ids = [q.id for q in queries if not q.relevant]
    rows = [[name] + [str(s["no_relevant"]["hits"][qid]) for qid in ids]
            for name, s in summary.items()]
    return ["engine"] + ids, rows


def target_lines(summary: dict[str, dict[str, Any]], queries: Sequence[Query]) -> list[str]:
    """libshenzhen against the search targets: met or not, with the figures."""
    if SHENZHEN not in summary:
        return []
    mine = summary[SHENZHEN]
    peers = {n: s for n, s in summary.items() if n not in (SHENZHEN, SHENZHEN_ALL)}
    counts = kind_counts(queries)
    lines = []
    ndcg = mine["overall"]["ndcg5"]
    if ndcg is not None:
        lines.append(f"nDCG@5 >= 0.90: {'met' if ndcg >= 0.90 else 'NOT met'} ({fmt(ndcg)})")
    behind = [f"{k} ({n})" for k in KINDS if counts[k] for n, s in peers.items()
              if (s["by_kind"][k]["ndcg5"] or 0) > (mine["by_kind"][k]["ndcg5"] or 0)]
    if peers:
        lines.append("nDCG@5 at or above every peer in every kind: "
                     + ("met" if not behind else "NOT met, behind in " + ", ".join(behind)))
    rate = mine["no_relevant"]["hit_rate"]
    if rate is not None:
        worse = [n for n, s in peers.items() if s["no_relevant"]["hit_rate"] is not None
                 and s["no_relevant"]["hit_rate"] <= rate]
        lines.append(f"out-of-scope hit rate <= 5%: {'met' if rate <= 0.05 else 'NOT met'} "
                     f"({fmt(rate, percent=True)})")
        if peers:
            lines.append("out-of-scope hit rate below every peer: "
                         + ("met" if not worse else "NOT met, not below " + ", ".join(worse)))
    empty = mine["overall"]["empty"]
    if empty is not None:
        lines.append(f"in-scope empty <= 3%: {'met' if empty <= 0.03 else 'NOT met'} "
                     f"({fmt(empty, percent=True)})")
    return lines


def report(summary: dict[str, dict[str, Any]], queries: Sequence[Query], markdown: bool) -> str:
    render = render_markdown if markdown else render_text
    judged = sum(1 for q in queries if q.relevant)
    intro = (
        f"{len(queries)} queries: {judged} in scope (with a relevant measure, scored), "
        f"{len(queries) - judged} out of scope (no relevant measure)"
    )
    parts = [intro]
    for title, key, percent in (("nDCG@5 by kind", "ndcg5", False), ("P@1 by kind", "p1", False),
                                ("Empty-result rate by kind (in scope)", "empty", True)):
        parts += [title, render(*kind_table(summary, queries, key, percent))]
    parts += ["Overall (out-of-scope hit rate: share of the out-of-scope queries with any hit)",
              render(*overall_table(summary))]
    head3, rows3 = noise_rows(summary, queries)
    if 1 < len(head3) <= NOISE_COLUMNS + 1:
        parts += ["Hits for queries without a relevant measure (lower is better)",
                  render(head3, rows3)]
    targets = target_lines(summary, queries)
    if targets:
        parts += ["libshenzhen against the targets\n" + "\n".join(f"- {t}" for t in targets)]
    return "\n\n".join(parts)


def per_query(runs_by_engine: dict[str, EngineRun], queries: Sequence[Query]) -> list[dict]:
    return [
        {
            "id": q.id,
            "kind": q.kind,
            "query": q.text,
            "judgments": {str(k): v for k, v in sorted(q.judgments.items())},
            "top": {name: r.ranked[q.id][:TOP_PER_QUERY] for name, r in runs_by_engine.items()},
        }
        for q in queries
    ]


def write_json(path: Path, payload: object) -> None:
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---- command line --------------------------------------------------------------------


def optional_fraction(text: str) -> float | None:
    """A floor's value: a number, or an empty string for report only."""
    return float(text) if text.strip() else None


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--catalogue", type=Path, default=ROOT / "data" / "catalogue.json")
    parser.add_argument("--queries", type=Path, action="append", metavar="FILE",
                        help="a judged query set (repeatable; default: the development "
                        "set and the test set)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure here")
    parser.add_argument("--per-query", type=Path, metavar="FILE",
                        help="write each query's top-5 ids per engine here")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--floor", type=optional_fraction, metavar="X",
                        help="exit 1 when libshenzhen's overall nDCG@5 is below X")
    parser.add_argument("--max-out-of-scope", type=optional_fraction, metavar="X",
                        help="exit 1 when libshenzhen's out-of-scope hit rate is above X")
    parser.add_argument("--max-empty", type=optional_fraction, metavar="X",
                        help="exit 1 when libshenzhen's in-scope empty rate is above X")
    parser.add_argument("--require-peers", action="store_true",
                        help="a peer (or libshenzhen) that cannot be imported is an error "
                        "(also when CI=true)")
    parser.add_argument("--repeat", type=int, default=5, metavar="N",
                        help="timed rounds over all queries (default 5)")
    parser.add_argument("--all-terms-mode", metavar="VALUE",
                        help="value of search(mode=...) for all terms, when not detected")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not args.queries:
        args.queries = [ROOT / "tests" / "relevance" / "queries.json",
                        ROOT / "tests" / "relevance" / "test.json"]
    return args


def set_name(path: Path) -> str:
    return SET_NAMES.get(path.stem, path.stem)


def check_floors(summary: dict[str, dict[str, Any]], args: argparse.Namespace,
                 name: str) -> list[str]:
    """Failure messages for the floors; prints libshenzhen's figures either way."""
    checks = (  # (figure, value, limit, True when the figure must stay at or above it)
        ("overall nDCG@5", lambda s: s["overall"]["ndcg5"], args.floor, True),
        ("out-of-scope hit rate", lambda s: s["no_relevant"]["hit_rate"],
         args.max_out_of_scope, False),
        ("in-scope empty rate", lambda s: s["overall"]["empty"], args.max_empty, False),
    )
    if SHENZHEN not in summary:
        wanted = [c[0] for c in checks if c[2] is not None]
        return [f"{name}: libshenzhen did not run, so its {', '.join(wanted)} is unknown"
                ] if wanted else []
    failures = []
    for label, figure, limit, at_least in checks:
        value = figure(summary[SHENZHEN])
        shown = fmt(value)
        if limit is None:
            print(f"{name}: libshenzhen {label}: {shown} (report only)")
            continue
        bound = "floor" if at_least else "ceiling"
        print(f"{name}: libshenzhen {label}: {shown} ({bound} {limit:.3f})")
        if value is None:
            continue  # the set has no query of this sort
        if (value < limit) if at_least else (value > limit):
            failures.append(f"{name}: libshenzhen's {label} {shown} misses the {bound} "
                            f"{limit:.3f}")
    return failures


def evaluate(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.catalogue)
    known = {d.id for d in catalogue.docs}
    sets = {set_name(path): (path, load_queries(path, known)) for path in args.queries}
    setup = build_engines(catalogue, args.catalogue, args.all_terms_mode)
    missing = [] if catalogue.has_body_en else ["English bodies"]
    missing += [] if catalogue.has_aliases else ["aliases"]
    print(f"catalogue edition {catalogue.edition}, {len(catalogue.docs)} measures"
          + (f"; not in it yet: {', '.join(missing)}" if missing else ""))
    for note in setup.notes:
        print(note)
    for name, reason in setup.skipped.items():
        print(f"skipped {name}: {reason}")
    failures: list[str] = []
    require_peers = args.require_peers or os.environ.get("CI", "").lower() == "true"
    if require_peers and setup.skipped:
        failures.append(f"peers required (--require-peers or CI=true): missing "
                        f"{', '.join(setup.skipped)}")
    figures: dict[str, Any] = {}
    tops: dict[str, Any] = {}
    for name, (path, queries) in sets.items():
        runs_by_engine = {e.name: run_engine(e, queries, args.repeat) for e in setup.engines}
        summary = {engine: summarize(r, queries) for engine, r in runs_by_engine.items()}
        add_ratios(summary)
        print(f"\n== {name} set ({path.name}) ==")
        for engine, r in runs_by_engine.items():
            if r.duplicates:
                print(f"WARNING: {engine} returned {r.duplicates} duplicate ids (dropped)")
        print()
        print(report(summary, queries, args.markdown))
        print()
        failures += check_floors(summary, args, name)
        figures[name] = {"queries": {"path": str(path), "total": len(queries),
                                     "scored_by_kind": kind_counts(queries)},
                         "engines": summary}
        tops[name] = per_query(runs_by_engine, queries)
    if args.json:
        write_json(args.json, {
            "catalogue": {"path": str(args.catalogue), "edition": catalogue.edition,
                          "body_en": catalogue.has_body_en, "aliases": catalogue.has_aliases},
            "sets": figures, "skipped": setup.skipped, "notes": setup.notes,
            "floor": args.floor, "max_out_of_scope": args.max_out_of_scope,
            "max_empty": args.max_empty, "repeat": args.repeat, "limit": LIMIT,
        })
    if args.per_query:
        write_json(args.per_query, tops)
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(argv)
    try:
        return evaluate(args)
    except InputError as exc:
        print(f"relevance_eval: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
