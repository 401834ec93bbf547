"""Hit.relevance and Hit.explain() over many queries, and explain's API.

Properties checked for every query of the development sets (tests/relevance/
queries.json and dev_extra.json; never the held-out test.json), in best-match
mode at the default threshold and at min_relevance=0, and in all-terms mode:

- relevance lies in [0, 1] and never increases down the list;
- a best-match hit's relevance reaches the min_relevance asked for (to within
  the library's rounding of it, 1/65535: the threshold is compared in those units),
  unless it is flagged "related": one of the first hit's closely related measures, listed
  after every match, that the same search with related=False does not list (so it holds
  no more than the last match); all-terms mode lists none;
- explain() has one Explanation per query term, in the order of
  Results.terms, and each term is a run of the query's letters;
- the weights lie in [0, 1] and add up to 1, or for a long query, whose known
  words count 60% beyond four rare words, to at most 1 / 0.6; a contribution lies in
  [0, weight]; a term the hit does not hold has how "none", no field and
  contributes 0, one it holds names its field and agrees with Hit.terms;
- the contributions add up to the relevance, to within TOLERANCE.

test_the_checks_catch_a_broken_* feed the same checks a perturbed hit, so a
check that could never fail shows up here.
"""

import json
import math
import os
import pickle
import re

import pytest

import shenzhen
from shenzhen import _shenzhen_c as _c

HERE = os.path.dirname(os.path.abspath(__file__))
QUERY_SETS = ("queries.json", "dev_extra.json")  # never test.json: held out
#: How far the contributions' sum may be from the relevance: the library keeps the
#: relevance to 1/65535 (shz_results_explain), plus a little for summing floats.
TOLERANCE = 1 / 65535 + 1e-9
#: The three searches each query runs.
SEARCHES: tuple[tuple[str, dict[str, object]], ...] = (
    ("best", {}),
    ("best-all", {"min_relevance": 0}),
    ("all_terms", {"mode": "all_terms"}),
)
HOW_OF_TERMS = {"none": None, "exact": "exact", "stem": "exact", "tolerant": "tolerant"}


def development_queries() -> list:
    queries = []
    for name in QUERY_SETS:
        with open(os.path.join(HERE, "..", "relevance", name), encoding="utf-8") as f:
            queries += [item["query"] for item in json.load(f)]
    return queries


QUERIES = development_queries()


def letters(text: str) -> str:
    """The query as its terms are cut from it: lower case, no punctuation or spaces."""
    return re.sub(r"[\W_]+", "", text.lower())


def check_hit(query: str, terms: list, relevance: float, explanation: list,
              held: dict) -> None:
    """The properties of one hit: ``terms`` the query's terms (Results.terms, in order),
    ``explanation`` what explain() gave, ``held`` the hit's Hit.terms."""
    assert 0.0 <= relevance <= 1.0, f"{query!r}: relevance {relevance} outside [0, 1]"
    assert list(dict.fromkeys(e.term for e in explanation)) == terms, (
        f"{query!r}: explain's terms {[e.term for e in explanation]} are not the query's {terms}"
    )
    for e in explanation:
        assert e.term in letters(query), f"{query!r}: {e.term!r} is not a term of the query"
        assert 0.0 <= e.weight <= 1.0, f"{query!r}: {e}"
        assert 0.0 <= e.contribution <= e.weight + 1e-12, f"{query!r}: {e}"
        if e.how == "none":
            assert e.field is None and e.contribution == 0.0, f"{query!r}: {e}"
        else:
            assert e.field in shenzhen.FIELDS, f"{query!r}: {e}"
        assert held.get(e.term) == HOW_OF_TERMS[e.how], f"{query!r}: {e} but Hit.terms {held}"
    if explanation:
        weights = math.fsum(e.weight for e in explanation)
        assert 1.0 - 1e-9 <= weights <= 1.0 / 0.6 + 1e-9, (
            f"{query!r}: the weights add up to {weights}"
        )
    total = math.fsum(e.contribution for e in explanation)
    assert abs(total - relevance) <= TOLERANCE, (
        f"{query!r}: contributions add up to {total}, relevance is {relevance}"
    )


def check_results(query: str, results: shenzhen.Results, least: float,
                  mode: str = "best", matches: frozenset = frozenset()) -> None:
    """``matches``: the ids of the measures the same search lists with related=False."""
    previous = 1.0
    terms = list(results.terms)
    related_from = None  # the rank of the first hit flagged related
    for rank, hit in enumerate(results, 1):
        assert hit.relevance <= previous, (
            f"{query!r}: hit {rank} has relevance {hit.relevance} above {previous}"
        )
        if "related" in hit.match:
            related_from = related_from or rank
            assert mode == "best", f"{query!r}: hit {rank} is related in {mode} mode"
            assert hit.measure.id not in matches, (
                f"{query!r}: related hit {rank} is a match"
            )
            first = results[0].measure.related
            assert hit.measure in first and first.grades[first.index(hit.measure)] == 2, (
                f"{query!r}: hit {rank} is not closely related to hit 1"
            )
        else:
            assert related_from is None, (
                f"{query!r}: match {rank} after the related hit {related_from}"
            )
            assert hit.relevance >= least - 1 / 65535, (
                f"{query!r}: hit {rank} below min_relevance {least}"
            )
        previous = hit.relevance
        check_hit(query, terms, hit.relevance, hit.explain(), hit.terms)


def test_the_query_sets_are_there():
    assert len(QUERIES) > 200


@pytest.mark.parametrize("name, options", SEARCHES, ids=[name for name, _ in SEARCHES])
def test_relevance_and_explain_hold_for_every_development_query(name, options):
    hits = related = 0
    mode = str(options.get("mode", "best"))
    least = options.get("min_relevance", _c.SHZ_MIN_RELEVANCE_DEFAULT) if mode == "best" else 0.0
    for query in QUERIES:
        results = shenzhen.search(query, **options)
        matches = frozenset(hit.measure.id for hit in shenzhen.search(query, related=False,
                                                                      **options))
        check_results(query, results, float(least), mode, matches)
        hits += len(results)
        related += sum("related" in hit.match for hit in results)
    assert hits > 0, f"{name}: no query found anything, so nothing was checked"
    assert related > 0 or mode != "best", f"{name}: no related hit, so none was checked"


def test_all_terms_hits_hold_every_term_exactly():
    results = shenzhen.search(shenzhen.get(15).keywords[0], mode="all_terms")
    assert results
    for hit in results:
        assert hit.relevance == 1.0
        explanation = hit.explain()
        assert [e.how for e in explanation] == ["exact"] * len(explanation)


# ---- The checks themselves can fail --------------------------------------------------


def a_hit():
    results = shenzhen.search("个人破产 科技创新", min_relevance=0)
    assert len(results) > 2
    return results


def perturbed(explanation: list, index: int, **change) -> list:
    """A copy of ``explanation`` whose item ``index`` has the values ``change`` names."""
    copy = list(explanation)
    names = ("term", "field", "how", "weight", "contribution")
    copy[index] = shenzhen.Explanation(
        tuple(change.get(name, value) for name, value in zip(names, copy[index])))
    return copy


def test_the_checks_pass_a_real_hit():
    results = a_hit()
    hit = results[0]
    check_hit(results.query, list(results.terms), hit.relevance, hit.explain(), hit.terms)


def test_the_checks_catch_a_broken_contribution():
    results = a_hit()
    hit = results[0]
    held = next(i for i, e in enumerate(hit.explain()) if e.how != "none")
    bad = perturbed(hit.explain(), held, contribution=hit.explain()[held].contribution * 0.999)
    with pytest.raises(AssertionError, match="add up"):
        check_hit(results.query, list(results.terms), hit.relevance, bad, hit.terms)


def test_the_checks_catch_a_broken_relevance():
    results = a_hit()
    hit = results[0]
    with pytest.raises(AssertionError, match="outside"):
        check_hit(results.query, list(results.terms), 1.5, hit.explain(), hit.terms)


def test_the_checks_catch_a_foreign_term():
    results = a_hit()
    hit = results[0]
    bad = perturbed(hit.explain(), 0, term="不在")
    with pytest.raises(AssertionError, match="not the query's"):
        check_hit(results.query, list(results.terms), hit.relevance, bad, hit.terms)


def test_the_checks_catch_a_related_hit_that_matches():
    # Two companions (grade 2) that both match: the second, flagged related, is still a match.
    results = shenzhen.search("水污染治理 生态文明", min_relevance=0)
    first = results[0].measure.related
    assert first.grades[first.index(results[1].measure)] == 2
    restore, values = results[1].__reduce__()
    flagged = restore(*values[:6], values[6] | _c.SHZ_MATCH_RELATED, *values[7:])
    assert "related" in flagged.match and flagged.relevance > 0
    bad = shenzhen.Results([results[0], flagged], results.query, results.terms)
    matches = frozenset(hit.measure.id for hit in results if "related" not in hit.match)
    check_results(results.query, bad, 0.0, matches=frozenset())
    with pytest.raises(AssertionError, match="is a match"):
        check_results(results.query, bad, 0.0, matches=matches)


def test_the_checks_catch_a_match_after_a_related_hit():
    results = shenzhen.search("个人破产", min_relevance=0)
    first_related = next(i for i, hit in enumerate(results) if "related" in hit.match)
    restore, values = results[first_related].__reduce__()
    unflagged = restore(*values[:6], values[6] & ~_c.SHZ_MATCH_RELATED, *values[7:])
    bad = shenzhen.Results([results[0], results[first_related], unflagged], results.query,
                           results.terms)
    with pytest.raises(AssertionError, match="after the related hit"):
        check_results(results.query, bad, 0.0)


def test_the_checks_catch_a_rising_relevance():
    results = a_hit()
    matches = [hit for hit in results if "related" not in hit.match]
    swapped = shenzhen.Results([matches[-1], matches[0]], results.query, results.terms)
    assert matches[-1].relevance < matches[0].relevance
    with pytest.raises(AssertionError, match="above"):
        check_results(results.query, swapped, 0.0)


# ---- explain()'s API -------------------------------------------------------------------


def test_explanation_is_a_named_tuple_with_its_fields():
    hit = shenzhen.search("个人破产")[0]
    explanation = hit.explain()
    assert isinstance(explanation, list) and explanation
    first = explanation[0]
    assert isinstance(first, shenzhen.Explanation) and isinstance(first, tuple)
    assert (first.term, first.field, first.how, first.weight, first.contribution) == first
    assert first.how in ("exact", "stem", "tolerant", "none")
    assert "Explanation(term=" in repr(first)
    assert shenzhen.Explanation.__doc__ and shenzhen.Hit.explain.__doc__
    with pytest.raises(AttributeError):
        first.weight = 1.0  # type: ignore[misc]


def test_explain_returns_a_new_list_each_call():
    hit = shenzhen.search("个人破产")[0]
    first = hit.explain()
    first.clear()
    assert hit.explain(), "emptying one list emptied the hit's explanation"


def test_explain_outlives_the_results_and_survives_pickling():
    hit = shenzhen.search("个人破产")[0]
    expected = hit.explain()
    restored = pickle.loads(pickle.dumps(hit))
    assert restored.explain() == expected
    assert isinstance(restored.explain()[0], shenzhen.Explanation)


def test_a_pickle_without_explanation_says_so():
    hit = shenzhen.search("个人破产")[0]
    restore, values = hit.__reduce__()
    old = restore(*values[:10])  # what a pickle of 1.2.0 holds: no explanation
    assert old.relevance == hit.relevance
    with pytest.raises(AttributeError, match="not kept by this pickle"):
        old.explain()


def test_explain_is_refused_for_bad_calls():
    hit = shenzhen.search("个人破产")[0]
    with pytest.raises(TypeError):
        hit.explain(0)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        shenzhen.Hit.explain(object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        shenzhen.Hit()  # type: ignore[call-arg]
    restore, values = hit.__reduce__()
    with pytest.raises(TypeError):
        restore(*values[:10], ["not a tuple"])
    with pytest.raises(ValueError, match="not the values of a Hit"):
        restore(*values[:10], ("not", "explanations"))
    with pytest.raises(ValueError, match="not the values of a Hit"):
        restore(*values[:10], (("个人", None, "none", 0.0, 0.0),))


def test_explain_agrees_with_the_command(tmp_path):
    import subprocess

    command = os.environ.get("SHZ_CLI")
    if not command:
        pytest.skip("SHZ_CLI not set")
    out = subprocess.run([command, "search", "个人破产", "--json", "--explain"],
                         capture_output=True, text=True, check=True).stdout
    hits = json.loads(out)["hits"]
    results = shenzhen.search("个人破产")
    assert len(hits) == len(results)
    for got, hit in zip(hits, results):
        # cJSON prints 15 significant digits when they read back within its epsilon
        assert got["relevance"] == pytest.approx(hit.relevance, rel=1e-14)
        assert [e["term"] for e in got["explain"]] == [e.term for e in hit.explain()]
        assert [e["field"] for e in got["explain"]] == [e.field for e in hit.explain()]
        assert [e["how"] for e in got["explain"]] == [e.how for e in hit.explain()]
        for key in ("weight", "contribution"):
            assert [e[key] for e in got["explain"]] == pytest.approx(
                [getattr(e, key) for e in hit.explain()], rel=1e-14)


def test_the_notebook_shows_the_relevance_and_why():
    results = shenzhen.search("个人破产")
    hit = results[0]
    for html in (hit._repr_html_(), results._repr_html_()):
        assert f"{hit.relevance:.2f}" in html
        for e in hit.explain():
            assert f"{e.term}: " in html
            assert f"{e.contribution:.3f} of {e.weight:.3f}" in html or e.how == "none"
    restore, values = hit.__reduce__()
    old = restore(*values[:10])  # no explanation kept: the relevance alone
    assert f"{hit.relevance:.2f}" in old._repr_html_()
    assert f"{hit.explain()[0].term}: " not in old._repr_html_()
