"""A typed program over the whole public API, checked by mypy --strict
against the package's stubs (check_types.py). It also runs: every
annotation below is what the runtime really returns."""

import io
import pickle

import shenzhen


def main() -> None:
    m: shenzhen.Measure = shenzhen.get(1)
    words: tuple[str, ...] = m.keywords + m.cites + m.aliases
    near: tuple[shenzhen.Measure, ...] = m.related
    print([r.id for r in near])
    text: str = m.text(shenzhen.FIELDS[0], shenzhen.LANGUAGES[0])
    record: dict[str, object] = m.to_record()
    cats: tuple[shenzhen.Category, ...] = shenzhen.categories()
    first: shenzhen.Category = shenzhen.category(cats[0].id)
    members: tuple[shenzhen.Measure, ...] = first.measures
    # The matches alone: every one has a span (a related measure may hold no term).
    hits: list[shenzhen.Hit] = shenzhen.search(m.title[:2], limit=3, fields=["title", "body"],
                                               related=False)
    for hit in hits:
        span: shenzhen.Span = hit.spans[0]
        start: int = span.start
        snippet: str = hit.snippet
        a, b = hit.snippet_match
        score: int = hit.score
        print(hit.measure.id, score, snippet[a:b], span.field, start)
    try:
        shenzhen.get(10**6)
    except shenzhen.NotFoundError as exc:
        status: int = exc.status
        print(status)
    try:
        shenzhen.search("")
    except shenzhen.QueryError as exc:
        print(exc.status)
    results: shenzhen.Results = shenzhen.search(m.title[:2], mode="all_terms")
    query: str = results.query
    term_counts: dict[str, int] = results.terms
    how: frozenset[str] = results[0].match
    matched: dict[str, str] = results[0].terms
    print(len(term_counts), sorted(how), matched)
    print(shenzhen.SEARCH_MODES["best"], shenzhen.MATCH_FLAGS)
    rows: list[dict[str, object]] = results.to_records()
    html: str = results._repr_html_() + results[0]._repr_html_()
    html += shenzhen.categories()._repr_html_()
    hit_again: shenzhen.Hit = pickle.loads(pickle.dumps(results[0]))
    buffer = io.StringIO()
    shenzhen.to_csv(buffer)
    buffer.seek(0)
    from_csv: list[dict[str, object]] = shenzhen.read_csv(buffer)
    sep: str = shenzhen.LIST_SEPARATOR
    print(query, len(rows), len(html), hit_again.score, len(from_csv), sep)
    doc: shenzhen.Document = shenzhen.document
    paragraphs: tuple[str, ...] = doc.paragraphs
    again: shenzhen.Measure = pickle.loads(pickle.dumps(m))
    print(len(words), len(text), len(record), len(members), len(paragraphs), again is m)
    print(shenzhen.__version__, shenzhen.data_version, shenzhen.data_sha256, shenzhen.errata_count)


if __name__ == "__main__":
    main()
