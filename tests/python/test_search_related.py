"""search(related=...): the best match's related measures, listed after the matches.

In best-match mode a search that has matches lists after them the measures closely
related to its first hit (Measure.related, grade 2) that do not match the query: each
flagged "related" in Hit.match, ranked among themselves by the relevance they hold, which
is no more than the last match's, and explain() adds up to it as for any hit. related=False (a
bool) gives the matches alone, which are the default's list up to its first related hit.
The related measures only fill the room a limit leaves; all-terms mode and a query
without a match list none.

Written against whatever catalogue is compiled in: the queries are its own keywords.
"""

import math
import pickle

import pytest

import shenzhen

#: How far explain()'s sum may be from the relevance (see test_explain.py).
TOLERANCE = 1 / 65535 + 1e-9


def is_related(hit) -> bool:
    return "related" in hit.match


def closely_related(measure) -> set:
    """The measures the catalogue grades closely related to ``measure`` (grade 2)."""
    return {other for other, grade in zip(measure.related, measure.related.grades) if grade == 2}


def matches_of(results) -> list:
    return [hit for hit in results if not is_related(hit)]


def listed(results) -> list:
    """What a hit list says, comparable across searches."""
    return [(hit.measure.id, hit.score, hit.relevance, hit.field, sorted(hit.match))
            for hit in results]


def texts(measure) -> list:
    """Every text of the measure, lower case, as its terms are matched."""
    found = ["; ".join(measure.keywords + measure.aliases).lower()]
    for field in shenzhen.FIELDS:
        for lang in shenzhen.LANGUAGES:
            try:
                found.append(measure.text(field, lang).lower())
            except (shenzhen.NoTextError, ValueError):
                pass
    return found


def keyword_queries() -> list:
    """(measure, keyword) for every keyword of the catalogue."""
    return [(m, kw) for m in shenzhen.measures() for kw in m.keywords]


def answered_by_one() -> list:
    """(measure, keyword) where the keyword's only match is that measure."""
    found = []
    for m, kw in keyword_queries():
        matches = shenzhen.search(kw, related=False)
        if [hit.measure for hit in matches] == [m]:
            found.append((m, kw))
    return found


def test_one_measure_lists_its_related_measures_after_it():
    cases = answered_by_one()
    assert len(cases) > 20, "too few keywords answered by one measure to check"
    holding = 0  # related hits that hold part of the query (a relevance above 0)
    with_related = 0  # queries that listed some related measure
    for m, kw in cases:
        results = shenzhen.search(kw)
        assert results[0].measure is m and not is_related(results[0]), kw
        following = results[1:]
        with_related += bool(following)
        for hit in following:
            assert is_related(hit), f"{kw!r}: {hit!r} follows the one match unflagged"
            assert hit.measure in closely_related(m), (
                f"{kw!r}: {hit.measure.id} is not closely related to {m.id}")
            assert 0.0 <= hit.relevance <= results[0].relevance, (
                f"{kw!r}: {hit!r} holds {hit.relevance}")
            total = math.fsum(e.contribution for e in hit.explain())
            assert abs(total - hit.relevance) <= TOLERANCE, (kw, hit, total)
            holding += hit.relevance > 0
        relevances = [hit.relevance for hit in results]
        assert relevances == sorted(relevances, reverse=True), kw
        # A closely related measure is left out only when it holds part of the query (more
        # than the one match).
        shown = {hit.measure for hit in following}
        assert len(shown) == len(following), f"{kw!r}: a related measure listed twice"
        for other in closely_related(m) - shown:
            assert any(term in text for term in results.terms for text in texts(other)), (
                f"{kw!r}: related measure {other.id} holds nothing, yet is not listed")
    assert with_related > len(cases) // 2, (with_related, len(cases))
    assert holding > 0, "no related hit held any of its query: explain's sums were all 0"


def test_related_false_gives_exactly_the_matches():
    checked = with_related = 0
    options = ({}, {"limit": 3}, {"lang": "zh-Hant"}, {"min_relevance": 0},
               {"topics": shenzhen.topics()[0].key})
    for _, kw in keyword_queries()[::3]:
        for extra in options:
            default = shenzhen.search(kw, **extra)
            only = shenzhen.search(kw, related=False, **extra)
            assert all(not is_related(hit) for hit in only), (kw, extra)
            assert listed(only) == listed(matches_of(default)), (kw, extra)
            assert listed(default[:len(only)]) == listed(only), (kw, extra)
            assert listed(shenzhen.search(kw, related=True, **extra)) == listed(default)
            checked += 1
            with_related += len(default) > len(only)
    assert checked > 100 and with_related > 50, (checked, with_related)


def test_related_measures_only_fill_the_room_a_limit_leaves():
    kw = next(kw for _, kw in answered_by_one() if len(shenzhen.search(kw)) > 2)
    everything = shenzhen.search(kw)
    assert listed(shenzhen.search(kw, limit=1)) == listed(everything[:1])
    for room in range(1, len(everything)):
        got = shenzhen.search(kw, limit=1 + room)
        assert listed(got) == listed(everything[:1 + room]), (kw, room)


def test_all_terms_mode_lists_no_related_measure():
    m, kw = answered_by_one()[0]
    assert any(is_related(hit) for hit in shenzhen.search(kw))
    all_terms = shenzhen.search(kw, mode="all_terms")
    assert all_terms and not any(is_related(hit) for hit in all_terms)
    assert listed(all_terms) == listed(shenzhen.search(kw, mode="all_terms", related=False))


@pytest.mark.parametrize("wrong", [0, 1, None, 0.0, "False", "", [], (), b"1"])
def test_related_must_be_a_bool(wrong):
    with pytest.raises(TypeError, match="related must be bool"):
        shenzhen.search("个人破产", related=wrong)


def test_a_query_about_pets_still_finds_nothing():
    # Pets are a subject no measure addresses. The English query's words are weakly held by
    # some measures (found at min_relevance=0: runs, family); none is a match, so none has
    # related measures.
    hamster = "hamster runs on its wheel all night and wakes the family"
    for query in (hamster, "鹦鹉总是啄羽毛怎么办"):
        assert len(shenzhen.search(query)) == 0, query
        assert len(shenzhen.search(query, related=False)) == 0, query
    assert shenzhen.search(hamster, min_relevance=0)


def test_notebook_and_records_show_a_related_hit_as_related():
    m, kw = answered_by_one()[0]
    results = shenzhen.search(kw)
    related = results[1]
    assert is_related(related)
    table = results._repr_html_()
    rows = table.split("<tr>")[2:]  # after the header row
    assert len(rows) == len(results)
    # The cells: id, title, field, match, relevance, snippet.
    assert "related" not in rows[0].split("</td>")[4]  # the match's relevance
    cell = rows[1].split("</td>")[4]  # the related hit's relevance
    assert f"{related.relevance:.2f}" in cell and "related</b>" in cell
    assert f"to {m.id}</small>" in cell
    reason = m.related.reason(related.measure)
    assert reason in table
    assert "related</b>" in related._repr_html_()
    assert "related</b>" not in results[0]._repr_html_()
    records = results.to_records()
    assert [("related" in r["match"].split(",")) for r in records] == [
        is_related(hit) for hit in results]
    again = pickle.loads(pickle.dumps(related))
    assert is_related(again) and again._repr_html_() == related._repr_html_()
