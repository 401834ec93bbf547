"""shenzhen.search as written in C (bindings/python/fast.c): it must read its
arguments exactly as the Python function it stands for, and its lazily built
hits must behave as hits built at once.

Written against whatever catalogue is compiled in, like test_shenzhen.py.
"""

import gc
import pickle
import sys

import pytest

import shenzhen
from shenzhen import _shenzhen_c as _c


def reference(query, *, limit=None, lang="zh-Hans", fields=None, mode="best",
              min_relevance=0.13, topics=None, related=True):
    """What search's signature is: the Python function it was, min_relevance (1.2),
    topics (1.3) and related (1.8)."""
    return query, limit, lang, fields, mode, min_relevance, topics, related


def a_query():
    return shenzhen.get(1).title[:2]


def unique(text):
    """An equal str that is not the same object (and so not interned)."""
    return "".join(list(text))


def outcome(call):
    """The result of call() as comparable values, or its error's class and message."""
    try:
        results = call()
    except Exception as error:  # every error is compared
        return type(error), str(error)
    return [(h.measure.id, h.score, h.field) for h in results]


# ---- arguments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, kwargs",
    [
        ((), {}),
        (("x", 3), {}),
        (("x", 3, 4), {}),
        (("x",), {"bogus": 1}),
        (("x",), {"query": "y"}),
        ((), {"limit": 1}),
        (("x",), {"limit": 1, "bogus": 2}),
    ],
)
def test_bad_calls_fail_as_the_python_signature_does(args, kwargs):
    with pytest.raises(TypeError) as expected:
        reference(*args, **kwargs)
    with pytest.raises(TypeError) as got:
        shenzhen.search(*args, **kwargs)
    assert str(got.value) == str(expected.value).replace("reference()", "search()")


def test_keywords_in_any_order_and_not_interned():
    q = a_query()
    expected = outcome(lambda: shenzhen.search(q, limit=2, lang="zh-Hant", fields=["title", "body"],
                                               mode="all_terms", related=False))
    assert expected and not isinstance(expected, tuple)
    names = {unique(name): value for name, value in
             [("mode", "all_terms"), ("fields", ["title", "body"]), ("lang", "zh-Hant"),
              ("related", False), ("limit", 2), ("query", q)]}
    assert all(sys.intern(name) is not name for name in names)
    assert outcome(lambda: shenzhen.search(**names)) == expected


def test_signature_is_the_documented_one():
    import inspect

    assert inspect.signature(shenzhen.search) == inspect.signature(reference)
    assert "Searches the catalogue" in shenzhen.search.__doc__


def field_lists():
    """(fields argument, the same as a plain list of names), in every form accepted."""
    class Name(str):
        pass

    class Names(list):
        pass

    first, second = shenzhen.FIELDS[0], shenzhen.FIELDS[-1]
    return [
        (first, [first]),
        ([first, second], [first, second]),
        ((first, second), [first, second]),
        ([first, first], [first]),
        ([unique(first), unique(second)], [first, second]),
        (unique(first), [first]),
        (Name(first), [first]),
        ([Name(first)], [first]),
        (Names([first, second]), [first, second]),
        (iter([first, second]), [first, second]),
        ({first, second}, [first, second]),
        (dict.fromkeys([second, first]), [first, second]),
        (list(shenzhen.FIELDS), list(shenzhen.FIELDS)),
    ]


@pytest.mark.parametrize("fields, names", field_lists())
def test_every_form_of_fields_selects_the_same(fields, names):
    q = a_query()
    assert outcome(lambda: shenzhen.search(q, fields=fields)) == outcome(
        lambda: shenzhen.search(q, fields=names))
    mask = 0
    for name in names:
        mask |= 1 << shenzhen.FIELDS.index(name)
    results, _ = _c._search(q, None, "zh-Hans", mask, 0)
    assert [h.measure.id for h in shenzhen.search(q, fields=names)] == [
        h.measure.id for h in results]


@pytest.mark.parametrize("fields", [[], (), "", "nope", ["nope"], [shenzhen.FIELDS[0], "nope"],
                                    [shenzhen.FIELDS[0], 3], [[shenzhen.FIELDS[0]]], 3, 1.5,
                                    b"title", [b"title"], iter([]), True])
def test_bad_fields_fail_as_field_mask_says(fields):
    copy = list(fields) if isinstance(fields, list) else fields
    with pytest.raises(Exception) as expected:
        shenzhen._field_mask(copy)
    with pytest.raises(type(expected.value)) as got:
        shenzhen.search("x", fields=fields)
    assert str(got.value) == str(expected.value)


def test_modes_by_value_and_the_rule_for_str_subclasses():
    q = a_query()
    for name in shenzhen.SEARCH_MODES:
        assert outcome(lambda: shenzhen.search(q, mode=unique(name))) == outcome(
            lambda: shenzhen.search(q, mode=name))

    class Mode(str):
        pass

    with pytest.raises(shenzhen.OptionsError, match="unknown mode"):
        shenzhen.search(q, mode=Mode("best"))  # as the Python function always did


def test_checks_run_in_the_documented_order():
    # fields, then mode, then limit, then related, then the query, then lang.
    with pytest.raises(shenzhen.OptionsError, match="field"):
        shenzhen.search(None, fields=["nope"], mode=0, limit=-1, lang=None)
    with pytest.raises(TypeError, match="mode"):
        shenzhen.search(None, mode=0, limit=-1, lang=None)
    with pytest.raises(shenzhen.OptionsError, match="limit"):
        shenzhen.search(None, limit=-1, lang=None, related=None)
    with pytest.raises(TypeError, match="related"):
        shenzhen.search(None, lang=None, related=None)
    with pytest.raises(TypeError, match="query"):
        shenzhen.search(None, lang=None)
    with pytest.raises(TypeError, match="lang"):
        shenzhen.search("x", lang=None)


# ---- results and hits ------------------------------------------------------------------


def test_results_are_built_as_the_class_builds_them():
    q = a_query()
    results = shenzhen.search(q, limit=3)
    assert type(results) is shenzhen.Results and results.query is q
    assert results.terms and results.terms == results.terms and results.terms is not results.terms
    made = shenzhen.Results(list(results), q, results.terms)
    assert made == results and made.query == results.query and made.terms == results.terms
    results.query = "changed"  # a plain slot, as before
    assert results.query == "changed"
    results.append(results[0])
    assert results[-1] is results[0]


def test_hit_values_are_read_once_and_kept():
    for mode in shenzhen.SEARCH_MODES:
        results = shenzhen.search(a_query(), mode=mode)
        assert results
        for hit in results:
            for name in ("measure", "score", "field", "spans", "snippet", "snippet_match",
                         "snippet_origin", "match", "terms"):
                assert getattr(hit, name) is getattr(hit, name), name
            assert hit.measure is shenzhen.get(hit.measure.id)
            assert hit.field is shenzhen.FIELDS[shenzhen.FIELDS.index(hit.field)]
            again = pickle.loads(pickle.dumps(hit))
            assert (again.measure, again.score, again.field, again.match, again.terms,
                    again.snippet_origin) == (hit.measure, hit.score, hit.field, hit.match,
                                              hit.terms, hit.snippet_origin)
        # Two searches share no hit.
        assert all(a is not b for a, b in zip(results, shenzhen.search(a_query(), mode=mode)))


def test_snippet_origin_is_where_the_snippet_was_cut():
    ellipsis = "\u2026"
    checked = 0
    for q in ("深圳", "个人破产", "registering", "营商环境", "shenzhen"):
        for lang in ("zh-Hans", "zh-Hant"):
            for hit in shenzhen.search(q, lang=lang):
                field, text_lang, start = hit.snippet_origin
                assert field == hit.field
                if field == "aliases":
                    text = "; ".join(hit.measure.keywords + hit.measure.aliases)
                else:
                    text = hit.measure.text(field, text_lang)
                shown = hit.snippet
                if start > 0:
                    assert shown.startswith(ellipsis)
                    shown = shown[1:]
                if start + len(shown) > len(text):
                    assert shown.endswith(ellipsis)
                    shown = shown[:-1]
                elif not text[start:].startswith(shown):
                    shown = shown[:-1]  # cut after: its closing mark
                assert text[start:start + len(shown)] == shown, (q, hit)
                checked += 1
    assert checked > 20


def test_hits_read_first_after_their_results_are_gone():
    q = a_query()
    expected = [(h.measure.id, h.score, h.field, h.spans, h.snippet, h.snippet_match, h.match,
                 h.terms, repr(h)) for h in shenzhen.search(q)]
    hits = list(shenzhen.search(q))
    gc.collect()
    assert [(h.measure.id, h.score, h.field, h.spans, h.snippet, h.snippet_match, h.match,
             h.terms, repr(h)) for h in hits] == expected


@pytest.mark.parametrize("name", ["measure", "score", "field"])
def test_hit_values_are_read_only(name):
    hit = shenzhen.search(a_query())[0]
    before = getattr(hit, name)
    with pytest.raises(AttributeError):
        setattr(hit, name, 1)
    with pytest.raises(AttributeError):
        delattr(hit, name)
    assert getattr(hit, name) is before


def test_no_reference_is_leaked():
    q = unique(a_query())
    fields = list(shenzhen.FIELDS)
    measure = shenzhen.get(1)

    def counts():
        gc.collect()
        return sys.getrefcount(q), sys.getrefcount(fields), sys.getrefcount(measure)

    def run():
        for mode in shenzhen.SEARCH_MODES:
            for hit in shenzhen.search(q, fields=fields, mode=mode, limit=5):
                hit.measure, hit.score, hit.field, hit.spans, hit.terms, hit.match
                repr(hit)
            for bad in ({"mode": "nope"}, {"limit": -1}, {"lang": "fr"}, {"bogus": 1},
                        {"fields": fields + ["nope"]}):
                with pytest.raises((TypeError, ValueError)):
                    shenzhen.search(q, fields=fields, **bad)

    run()
    before = counts()
    for _ in range(50):
        run()
    assert counts() == before


def test_min_relevance_filters_and_is_checked():
    loose = shenzhen.search("知识产权保护", min_relevance=0)
    strict = shenzhen.search("知识产权保护", min_relevance=0.5)
    matches = [h for h in strict if "related" not in h.match]
    assert 0 < len(matches) < len(loose)
    # The matches reach min_relevance; the best match's related measures, after them, do not.
    assert all(h.relevance >= 0.5 - 1e-4 for h in matches)
    assert all("related" in h.match and h.relevance < 0.5 for h in strict[len(matches):])
    rel = [h.relevance for h in loose]
    assert rel == sorted(rel, reverse=True)
    # At 0 a measure that holds any of the query matches: a related one holds nothing.
    assert all(0 < h.relevance <= 1 if "related" not in h.match else h.relevance == 0
               for h in loose)
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(ValueError):
            shenzhen.search("知识产权", min_relevance=bad)
    for wrong in ("0.5", True, None):
        with pytest.raises(TypeError):
            shenzhen.search("知识产权", min_relevance=wrong)


def test_relevance_survives_pickling():
    import pickle

    hit = shenzhen.search("知识产权保护")[0]
    assert pickle.loads(pickle.dumps(hit)).relevance == hit.relevance
