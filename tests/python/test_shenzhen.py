"""pytest suite for the shenzhen Python package: the whole surface, errors included.

Written against whatever catalogue is compiled in (the real one or a small
test catalogue): counts come from the library, texts from the measures.
"""

import copy
import hashlib
import json
import os
import pathlib
import pickle
import subprocess
import sys

import pytest

import shenzhen
from shenzhen import _shenzhen_c as _c


# The files the library was compiled from (the build passes them; a checkout's
# data/ otherwise).
DATA = pathlib.Path(__file__).resolve().parents[2] / "data"
CATALOGUE = pathlib.Path(os.environ.get("SHZ_CATALOGUE", DATA / "catalogue.json"))
ERRATA = pathlib.Path(os.environ.get("SHZ_ERRATA", DATA / "errata.json"))


def a_query():
    """A query that matches: the first two characters of measure 1's title."""
    return shenzhen.get(1).title[:2]


# ---- module ------------------------------------------------------------------


def test_versions():
    assert shenzhen.__version__ == _c.shz_version()
    major, minor, patch = (int(p) for p in shenzhen.__version__.split("."))
    assert _c.shz_version_number() == major * 1000000 + minor * 1000 + patch
    assert shenzhen.data_version == json.loads(CATALOGUE.read_bytes())["edition"]
    assert shenzhen.data_sha256 == hashlib.sha256(CATALOGUE.read_bytes()).hexdigest()
    assert shenzhen.errata_count == len(json.loads(ERRATA.read_bytes()))


def test_all_names_exist():
    for name in shenzhen.__all__:
        assert hasattr(shenzhen, name), name


def test_fields_and_languages_are_the_librarys():
    for bit, name in enumerate(shenzhen.FIELDS):
        assert _c.shz_field_name(1 << bit) == name
    assert _c.shz_field_name(1 << len(shenzhen.FIELDS)) is None
    assert {"title", "body", "summary", "pinyin", "initials"} <= set(shenzhen.FIELDS)
    for code, tag in enumerate(shenzhen.LANGUAGES):
        assert _c.shz_lang_name(code) == tag and _c.shz_lang_parse(tag) == code
    assert _c.shz_lang_name(len(shenzhen.LANGUAGES)) is None
    assert {"zh-Hans", "zh-Hant", "en"} <= set(shenzhen.LANGUAGES)


# The names Python users have always caught; each must stay what it was.
PUBLIC_ERRORS = {
    "NOT_FOUND": ("NotFoundError", LookupError),
    "INVALID_ARG": ("InvalidArgumentError", ValueError),
    "BAD_LANG": ("LanguageError", ValueError),
    "NO_TEXT": ("NoTextError", LookupError),
    "NO_MEMORY": ("OutOfMemoryError", MemoryError),
    "BAD_UTF8": ("EncodingError", ValueError),
    "EMPTY_QUERY": ("EmptyQueryError", ValueError),
    "QUERY_TOO_LONG": ("QueryTooLongError", ValueError),
    "BAD_QUERY": ("QuerySyntaxError", ValueError),
    "BAD_OPTIONS": ("OptionsError", ValueError),
}


def test_a_class_per_status():
    unknown = _c.shz_errstr(-1)
    code, seen = 1, set()
    while _c.shz_errstr(code) != unknown:
        cls = shenzhen._ERRORS[code]
        assert issubclass(cls, shenzhen.Error) and cls.status == code
        assert getattr(shenzhen, cls.__name__) is cls and cls.__name__ in shenzhen.__all__
        assert _c.shz_errstr(code) in cls.__doc__
        seen.add(cls)
        code += 1
    assert len(shenzhen._ERRORS) == code and len(seen) == code - 1
    for key, (name, builtin) in PUBLIC_ERRORS.items():
        cls = getattr(shenzhen, name)
        assert cls.status == getattr(_c, "SHZ_ERR_" + key), name
        assert issubclass(cls, builtin) and cls in seen, name
    for cls in (shenzhen.EmptyQueryError, shenzhen.QueryTooLongError, shenzhen.QuerySyntaxError):
        assert issubclass(cls, shenzhen.QueryError)
    err = shenzhen.NotFoundError("x")
    assert err.status == _c.SHZ_ERR_NOT_FOUND and str(err) == "x"


def test_document():
    doc = shenzhen.document
    assert doc is shenzhen.document  # built once
    assert doc.number == "发改地区〔2021〕1072号"
    assert doc.date == "2021-07-21"
    assert doc.title and doc.title_hant and doc.title_en
    assert doc.issuer_en and doc.addressees_en and doc.attachment_en
    assert doc.translation_note
    assert len(doc.paragraphs) == len(doc.paragraphs_hant) == len(doc.paragraphs_en) >= 1
    assert doc.paragraphs_en == tuple(_c.shz_document_paragraph(i, _c.SHZ_LANG_EN)
                                      for i in range(len(doc.paragraphs)))
    assert "Document(" in repr(doc)
    with pytest.raises(AttributeError):
        doc.title = "x"
    with pytest.raises(AttributeError):
        shenzhen.no_such_attribute


# ---- measures and categories ---------------------------------------------------


def test_measures_in_id_order():
    ms = shenzhen.measures()
    assert isinstance(ms, tuple)
    assert len(ms) == _c.shz_measure_count()
    assert [m.id for m in ms] == list(range(1, len(ms) + 1))
    assert shenzhen.measures() is ms


def test_categories():
    cats = shenzhen.categories()
    assert len(cats) == _c.shz_category_count()
    assert [c.id for c in cats] == sorted(c.id for c in cats)
    assert sum(len(c.measures) for c in cats) == len(shenzhen.measures())
    for cat in cats:
        assert cat.title and cat.title_hant and cat.title_en
        assert shenzhen.category(cat.id) is cat
        for m in cat.measures:
            assert m.category is cat
        assert str(cat.id) in repr(cat)
        assert "<table>" in cat._repr_html_()
        assert pickle.loads(pickle.dumps(cat)) is cat
        assert hash(cat) == hash(copy.copy(cat))


def test_category_errors():
    with pytest.raises(shenzhen.NotFoundError):
        shenzhen.category(0)
    with pytest.raises(LookupError):
        shenzhen.category(10**30)
    with pytest.raises(TypeError):
        shenzhen.category("1")


def test_measure_fields():
    for m in shenzhen.measures():
        assert shenzhen.get(m.id) is m
        for name in ("title", "title_hant", "title_en", "body", "body_hant", "body_en",
                     "summary_en", "pinyin", "initials"):
            value = getattr(m, name)
            assert isinstance(value, str) and value, (m.id, name)
        assert isinstance(m.keywords, tuple) and all(isinstance(k, str) for k in m.keywords)
        assert isinstance(m.cites, tuple) and all(isinstance(k, str) for k in m.cites)
        handle = m._handle
        assert m.aliases == tuple(_c.shz_measure_alias(handle, i)
                                  for i in range(_c.shz_measure_alias_count(handle)))
        assert m.text("body", "en") == m.body_en
        assert m.to_record()["aliases"] == list(m.aliases)
        assert m.pinyin == m.pinyin.lower()
        assert m.text("title") == m.title
        assert m.text("title", "zh-Hant") == m.title_hant
        assert m.text("title", "EN") == m.title_en
        assert m.text("body", "zh-hant") == m.body_hant
        assert m.text("summary", "en") == m.summary_en
        assert m.text("pinyin", "en") == m.pinyin
        assert m.text("initials") == m.initials


def test_measure_text_errors():
    m = shenzhen.get(1)
    with pytest.raises(shenzhen.NoTextError):
        m.text("summary", "zh-Hant")
    with pytest.raises(LookupError):
        m.text("summary", "zh-Hans")
    with pytest.raises(shenzhen.LanguageError):
        m.text("title", "fr")
    with pytest.raises(ValueError):
        m.text("nope")
    with pytest.raises(TypeError):
        m.text("title", b"en")


def test_measure_is_immutable():
    m = shenzhen.get(1)
    with pytest.raises(AttributeError):
        m.title = "x"
    with pytest.raises(AttributeError):
        del m.id
    with pytest.raises(AttributeError):
        m.extra = 1


def test_measure_repr_eq_hash_pickle():
    m1, m2 = shenzhen.get(1), shenzhen.get(2)
    assert repr(m1).startswith("Measure(id=1,") and m1.title in repr(m1)
    assert str(m1) == f"1. {m1.title}"
    html = m1._repr_html_()
    assert "<h4>" in html and "<script" not in html
    assert m1 == shenzhen.get(1) and m1 != m2 and m1 != "x"
    assert len({m1, m2, shenzhen.get(1)}) == 2
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(m1, proto)) is m1
    assert copy.copy(m1) is m1 and copy.deepcopy(m1) is m1


def test_get_errors():
    count = len(shenzhen.measures())
    for bad in (0, -1, count + 1, 2**63, 2**64, -(2**63) - 1, 10**100):
        with pytest.raises(shenzhen.NotFoundError) as info:
            shenzhen.get(bad)
        assert isinstance(info.value, LookupError)
        assert isinstance(info.value, shenzhen.Error)
        assert info.value.status == _c.SHZ_ERR_NOT_FOUND
    for bad in ("1", 1.0, None, b"1", True, [1], object()):
        with pytest.raises(TypeError):
            shenzhen.get(bad)
    with pytest.raises(TypeError):
        shenzhen.get()
    with pytest.raises(TypeError):
        shenzhen.get(1, 2)


def test_get_accepts_index_types():
    class Index:
        def __index__(self):
            return 1

    assert shenzhen.get(Index()) is shenzhen.get(1)


def test_records_and_dataframe():
    records = shenzhen.to_records()
    assert len(records) == len(shenzhen.measures())
    assert records[0]["id"] == 1 and records[0]["title"] == shenzhen.get(1).title
    json.dumps(records, ensure_ascii=False)  # plain data only
    pandas = pytest.importorskip("pandas")
    df = shenzhen.to_dataframe()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.index) == [m.id for m in shenzhen.measures()]
    assert df.loc[1, "title"] == shenzhen.get(1).title
    assert set(df["category"]) == {c.id for c in shenzhen.categories() if c.measures}


def test_dataframe_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="pandas"):
        shenzhen.to_dataframe()


def test_import_does_not_import_pandas():
    code = "import sys, shenzhen; print('pandas' in sys.modules, 'typing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ---- search ----------------------------------------------------------------------


def test_search_hits():
    hits = shenzhen.search(a_query())
    assert isinstance(hits, list) and hits
    assert 1 in [h.measure.id for h in hits]
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    for h in hits:
        assert isinstance(h, shenzhen.Hit)
        assert isinstance(h.measure, shenzhen.Measure)
        assert h.measure is shenzhen.get(h.measure.id)
        assert h.field in shenzhen.FIELDS
        assert isinstance(h.score, int)
        assert h.spans is h.spans  # built once
        # A match has spans; a measure listed as related to the first hit may hold no term.
        assert h.spans or "related" in h.match
        for span in h.spans:
            field, lang, start, end = span
            assert (field, lang, start, end) == (span.field, span.lang, span.start, span.end)
            assert field in shenzhen.FIELDS and lang in shenzhen.LANGUAGES
            text = h.measure.text(field, lang)
            assert 0 <= start < end <= len(text)
        assert isinstance(h.snippet, str) and h.snippet
        start, end = h.snippet_match
        assert 0 <= start <= end <= len(h.snippet)
        assert start < end or "related" in h.match
        assert "Hit(" in repr(h)


def test_search_span_slices_match_query():
    q = a_query()
    for h in shenzhen.search(q):
        for span in h.spans:
            if span.field in ("title", "body") and span.lang == "zh-Hans":
                text = h.measure.text(span.field, span.lang)
                assert text[span.start:span.end] == q


def test_search_lang_and_traditional():
    m = shenzhen.get(1)
    hant = shenzhen.search(m.title_hant[:2], lang="zh-Hant")
    assert 1 in [h.measure.id for h in hant]
    # Script is ignored: the Traditional query finds what the Simplified one does.
    assert [h.measure.id for h in hant] == [h.measure.id for h in shenzhen.search(m.title[:2])]


def test_search_limit():
    q = a_query()
    all_hits = shenzhen.search(q)
    assert len(shenzhen.search(q, limit=1)) == 1
    assert len(shenzhen.search(q, limit=0)) == len(all_hits)  # 0 = no limit, as in C
    assert len(shenzhen.search(q, limit=2**80)) == len(all_hits)
    assert len(shenzhen.search(q, limit=None)) == len(all_hits)


def test_search_fields():
    m = shenzhen.get(1)
    hits = shenzhen.search(m.pinyin.split()[0], fields=["pinyin"])
    matches = [h for h in hits if "related" not in h.match]
    assert matches and all(h.field == "pinyin" for h in matches)
    only = shenzhen.search(m.pinyin.split()[0], fields=["pinyin"], related=False)
    assert [h.measure for h in only] == [h.measure for h in matches]
    assert shenzhen.search(m.title[:2], fields="title")
    with pytest.raises(shenzhen.OptionsError):
        shenzhen.search("x", fields=["nope"])
    with pytest.raises(ValueError):
        shenzhen.search("x", fields=[])
    with pytest.raises(TypeError):
        shenzhen.search("x", fields=3)


def test_search_no_match_is_empty():
    assert shenzhen.search("zzzzqqqq") == []


@pytest.mark.parametrize(
    "query, error",
    [
        ("", shenzhen.EmptyQueryError),
        ("   ", shenzhen.EmptyQueryError),
        ("x" * 5000, shenzhen.QueryTooLongError),
        ('"unclosed', shenzhen.QuerySyntaxError),
        ("\ud800", shenzhen.EncodingError),
        ("ab\udcffcd", shenzhen.EncodingError),
    ],
)
def test_search_bad_queries(query, error):
    with pytest.raises(error) as info:
        shenzhen.search(query)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, shenzhen.Error)
    assert info.value.status != 0 and str(info.value)


@pytest.mark.parametrize("query", [None, b"x", 1, ["x"], bytearray(b"x")])
def test_search_wrong_types(query):
    with pytest.raises(TypeError):
        shenzhen.search(query)


def test_search_embedded_nul_does_not_crash():
    result = shenzhen.search(a_query() + "\0")
    assert isinstance(result, list)


def test_search_bad_options():
    with pytest.raises(shenzhen.LanguageError):
        shenzhen.search("x", lang="fr")
    assert shenzhen.search("bankruptcy", lang="en")  # English since 1.2
    with pytest.raises(TypeError):
        shenzhen.search("x", lang=None)
    with pytest.raises(shenzhen.OptionsError):
        shenzhen.search("x", limit=-1)
    with pytest.raises(TypeError):
        shenzhen.search("x", limit="3")
    with pytest.raises(TypeError):
        shenzhen.search("x", limit=1.5)
    with pytest.raises(TypeError):
        shenzhen.search("x", 3)  # keyword-only
    with pytest.raises(TypeError):
        shenzhen.search("x", bogus=1)


def test_hit_is_read_only_and_outlives_nothing():
    hits = shenzhen.search(a_query())
    h = hits[0]
    del hits  # the hit keeps its results alive
    assert h.snippet and h.spans
    with pytest.raises(AttributeError):
        h.score = 1


def test_error_hierarchy():
    assert issubclass(shenzhen.NotFoundError, LookupError)
    for cls in (shenzhen.QueryError, shenzhen.EmptyQueryError, shenzhen.QueryTooLongError,
                shenzhen.QuerySyntaxError, shenzhen.EncodingError, shenzhen.LanguageError,
                shenzhen.OptionsError, shenzhen.InvalidArgumentError):
        assert issubclass(cls, ValueError) and issubclass(cls, shenzhen.Error)


def test_low_level_errors_are_mapped():
    with pytest.raises(shenzhen.NotFoundError):
        _c.shz_measure_get(10**6)
    with pytest.raises(OverflowError):
        _c.shz_measure_get(2**64)
    with pytest.raises(shenzhen.LanguageError):
        _c.shz_lang_parse("xx")
    with pytest.raises(TypeError):
        _c.shz_lang_parse(b"en")
    assert _c.shz_lang_parse("zh-hant") == _c.SHZ_LANG_ZH_HANT
    assert json.loads(_c.shz_json_measure(_c.shz_measure_at(0), 0))["id"] == 1
    assert json.loads(_c.shz_json_catalogue(_c.SHZ_JSON_ASCII))["measures"]


def test_type_stubs_are_shipped():
    import pathlib

    pkg = pathlib.Path(shenzhen.__file__).parent
    assert (pkg / "py.typed").exists() and (pkg / "__init__.pyi").exists()


# ---- notebooks and exports -------------------------------------------------------


def test_results_are_a_list_with_a_query():
    q = a_query()
    results = shenzhen.search(q, limit=3)
    assert isinstance(results, list) and isinstance(results, shenzhen.Results)
    assert results.query == q and len(results) == 3
    assert pickle.loads(pickle.dumps(results)).query == q


def test_hit_html_marks_the_match():
    for hit in shenzhen.search(a_query()):
        start, end = hit.snippet_match
        html = hit._repr_html_()
        assert f"<mark>{hit.snippet[start:end]}</mark>" in html
        assert f"{hit.measure.id}. {hit.measure.title}" in html and f"{hit.relevance:.2f}" in html
    # Text is escaped: a hit made from values whose snippet holds markup.
    fake = _c._hit(shenzhen.get(1), 7, "body", (), "a<b>&c</b>", (1, 4), 0, {})
    html = fake._repr_html_()
    assert "a<mark>&lt;b&gt;</mark>&amp;c&lt;/b&gt;" in html and "<b>&" not in html


def test_results_html_and_dataframe():
    results = shenzhen.search(a_query())
    html = results._repr_html_()
    assert html.count("<mark>") == len(results) and html.count("<tr>") == len(results) + 1
    assert f"{len(results)} hits for <b>{results.query}</b>" in html
    assert "0 hits" in shenzhen.search("zzzzqqqq")._repr_html_()
    records = results.to_records()
    assert [r["id"] for r in records] == [h.measure.id for h in results]
    assert [r["rank"] for r in records] == list(range(1, len(results) + 1))
    pandas = pytest.importorskip("pandas")
    df = results.to_dataframe()
    assert isinstance(df, pandas.DataFrame) and df.index.name == "rank"
    assert list(df["id"]) == [h.measure.id for h in results]
    assert list(df["score"]) == [h.score for h in results]
    row = df.iloc[0]
    assert row["snippet"][row["match_start"]:row["match_end"]] == results[0].snippet[
        slice(*results[0].snippet_match)]
    assert len(shenzhen.search("zzzzqqqq").to_dataframe()) == 0


def test_hits_pickle_like_measures():
    hits = shenzhen.search(a_query())
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        for hit in hits:
            again = pickle.loads(pickle.dumps(hit, proto))
            assert type(again) is shenzhen.Hit and again.measure is hit.measure
            assert (again.score, again.field, again.spans, again.snippet, again.snippet_match,
                    again.match, again.terms) == (
                hit.score, hit.field, hit.spans, hit.snippet, hit.snippet_match, hit.match,
                hit.terms)
            assert again._repr_html_() == hit._repr_html_()
    # In another process, too: unpickling needs nothing but the package.
    code = "import pickle, sys; h = pickle.load(sys.stdin.buffer); print(h.measure.id, h.snippet)"
    out = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(hits[0]),
                         capture_output=True, check=True)
    assert out.stdout.decode().split(" ", 1) == [str(hits[0].measure.id), hits[0].snippet + "\n"]
    m = shenzhen.get(1)
    for bad in ((m, 1, "body", (), "x"), ("not a measure", 1, "body", (), "x", (0, 1)),
                (m, 1, "body", (), "x", (0,))):
        with pytest.raises((TypeError, ValueError)):
            _c._hit(*bad)


def test_categories_display():
    cats = shenzhen.categories()
    assert isinstance(cats, tuple) and isinstance(cats, shenzhen.Categories)
    text = repr(cats)
    html = cats._repr_html_()
    for cat in cats:
        assert repr(cat) in text
        assert f"<td>{cat.id}</td><td>{cat.title}</td>" in html
        assert f"<td>{len(cat.measures)}</td></tr>" in html
    assert html.count("<tr>") == len(cats) + 1


def test_jsonl_round_trip(tmp_path):
    path = tmp_path / "measures.jsonl"
    shenzhen.to_jsonl(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(shenzhen.measures())
    assert json.loads(lines[0]) == shenzhen.get(1).to_record()
    assert shenzhen.read_jsonl(path) == shenzhen.to_records()
    assert shenzhen.read_jsonl(str(path)) == shenzhen.to_records()
    with open(path, encoding="utf-8") as f:
        assert shenzhen.read_jsonl(f) == shenzhen.to_records()
    pandas = pytest.importorskip("pandas")
    df = pandas.read_json(path, lines=True).set_index("id")
    assert df.loc[1, "keywords"] == list(shenzhen.get(1).keywords)


def test_csv_round_trip(tmp_path):
    import csv
    import io

    path = tmp_path / "measures.csv"
    shenzhen.to_csv(path)
    assert shenzhen.read_csv(path) == shenzhen.to_records()
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    m = shenzhen.get(1)
    assert rows[0]["keywords"] == shenzhen.LIST_SEPARATOR.join(m.keywords)
    assert rows[0]["cites"] == shenzhen.LIST_SEPARATOR.join(m.cites)
    buffer = io.StringIO()
    shenzhen.to_csv(buffer)
    buffer.seek(0)
    assert shenzhen.read_csv(buffer) == shenzhen.to_records()
    # An empty list is an empty cell, read back as [] (never [""]).
    empty = [r for r in rows if not r["cites"]]
    assert all(shenzhen.get(int(r["id"])).cites == () for r in empty)


def test_csv_refuses_what_would_not_survive(monkeypatch, tmp_path):
    record = shenzhen.get(1).to_record()
    for bad in (["a" + shenzhen.LIST_SEPARATOR + "b"], [""]):
        monkeypatch.setattr(shenzhen, "to_records", lambda bad=bad: [dict(record, keywords=bad)])
        with pytest.raises(ValueError, match="keywords"):
            shenzhen.to_csv(tmp_path / "x.csv")


# ---- 1.1 search: modes, how each hit matched, the query's terms -------------------


def nonsense_term():
    """A Latin word no measure holds."""
    return "qzxwvkj"


def test_search_modes_are_the_librarys():
    assert shenzhen.SEARCH_MODES == {"best": _c.SHZ_SEARCH_BEST,
                                     "all_terms": _c.SHZ_SEARCH_ALL_TERMS}
    assert shenzhen.MATCH_FLAGS == ("all_terms", "tolerant", "related")
    assert 1 << shenzhen.MATCH_FLAGS.index("all_terms") == _c.SHZ_MATCH_ALL_TERMS
    assert 1 << shenzhen.MATCH_FLAGS.index("tolerant") == _c.SHZ_MATCH_TOLERANT
    assert 1 << shenzhen.MATCH_FLAGS.index("related") == _c.SHZ_MATCH_RELATED
    q = a_query()
    assert [h.measure.id for h in shenzhen.search(q)] == [
        h.measure.id for h in shenzhen.search(q, mode="best")]
    with pytest.raises(shenzhen.OptionsError):
        shenzhen.search(q, mode="fuzzy")
    with pytest.raises(TypeError):
        shenzhen.search(q, mode=1)


def test_all_terms_mode_matches_every_term_literally():
    m = shenzhen.get(1)
    q = f"{m.title[:2]} {m.title[2:4]}"
    hits = shenzhen.search(q, mode="all_terms")
    assert 1 in [h.measure.id for h in hits]
    terms = hits.terms
    assert list(terms) == [m.title[:2], m.title[2:4]]
    for h in hits:
        assert "all_terms" in h.match
        assert h.terms == {t: "exact" for t in terms}
    # A term no measure holds: no hit, and the term says it matched nothing.
    none = shenzhen.search(f"{m.title[:2]} {nonsense_term()}", mode="all_terms")
    assert len(none) == 0 and none.terms[nonsense_term()] == 0 and none.terms[m.title[:2]] > 0


def test_best_mode_allows_partial_matches():
    m = shenzhen.get(1)
    q = f"{m.title[:2]} {nonsense_term()}"
    hits = shenzhen.search(q)
    assert hits and 1 in [h.measure.id for h in hits]
    assert hits.terms[nonsense_term()] == 0
    for h in hits:
        assert "all_terms" not in h.match
        assert nonsense_term() not in h.terms
    assert nonsense_term() in hits._repr_html_()  # "no measure has …"


def test_hit_terms_and_match_agree():
    for q in (a_query(), "个人 破产", "数据 要素 跨境", "科技金融"):
        for mode in shenzhen.SEARCH_MODES:
            hits = shenzhen.search(q, mode=mode)
            terms = hits.terms
            seen_partial = False
            for h in hits:
                assert set(h.terms) <= set(terms)
                assert set(h.terms.values()) <= {"exact", "tolerant"}
                assert ("all_terms" in h.match) == (set(h.terms) == set(terms))
                assert ("tolerant" in h.match) == ("tolerant" in h.terms.values())
                # Hits matching every term come first.
                assert not (seen_partial and "all_terms" in h.match), (q, mode)
                seen_partial |= "all_terms" not in h.match
            # A term's measure count is of exact occurrences; tolerant matches come on top.
            for term, measures in terms.items():
                assert measures >= sum(h.terms.get(term) == "exact" for h in hits)


def test_results_terms_survive_pickle_and_reach_the_dataframe():
    hits = shenzhen.search("个人 破产")
    again = pickle.loads(pickle.dumps(hits))
    assert again.terms == hits.terms and again.query == hits.query
    assert [h.match for h in again] == [h.match for h in hits]
    pytest.importorskip("pandas")
    df = hits.to_dataframe()
    assert "match" in df.columns
    assert list(df["match"]) == [",".join(sorted(h.match)) for h in hits]


def test_related_measures():
    ms = shenzhen.measures()
    for m in ms:
        assert len(m.related) == _c.shz_measure_related_count(m._handle)
        assert [r.id for r in m.related] == [
            _c.shz_measure_id(_c.shz_measure_related(m._handle, i)) for i in range(len(m.related))]
        assert m not in m.related and len(set(m.related)) == len(m.related)
        assert all(r is shenzhen.get(r.id) for r in m.related)
    assert any(m.related for m in ms)
    assert "related" in shenzhen.get(1)._repr_html_()


def test_related_reasons_and_grades():
    for m in shenzhen.measures():
        rel = m.related
        assert isinstance(rel, shenzhen.Related) and isinstance(rel, tuple)
        n = len(rel)
        assert len(rel.reasons) == len(rel.reasons_hant) == len(rel.reasons_en) == n
        assert len(rel.grades) == n
        for i, r in enumerate(rel):
            assert rel.reasons_en[i] == _c.shz_measure_related_reason(m._handle, i, 2)
            assert rel.grades[i] in (1, 2)
            # the same link from the other end: same reason and grade
            back = r.related.index(m)
            assert r.related.reasons[back] == rel.reasons[i]
            assert r.related.grades[back] == rel.grades[i]
            assert rel.reason(r, "en") == rel.reasons_en[i]
        with pytest.raises(AttributeError):
            rel.reasons = ()
    m15 = shenzhen.get(15)
    assert "16" in m15.related.reason(shenzhen.get(16), "zh-Hant")
    with pytest.raises(ValueError):
        m15.related.reason(shenzhen.get(1))
    assert "都是市场主体退出" in shenzhen.get(15)._repr_html_()


def test_topics():
    topics = shenzhen.topics()
    assert 20 <= len(topics) <= 40
    assert [t.id for t in topics] == list(range(1, len(topics) + 1))
    for t in topics:
        assert t.measures and all(t in m.topics for m in t.measures)
        assert shenzhen.topic(t.key) is t and shenzhen.topic(t.id) is t
        assert t.name and t.name_hant and t.name_en and t.definition_en
        assert pickle.loads(pickle.dumps(t)) is t
    for m in shenzhen.measures():
        assert 1 <= len(m.topics) <= 4 and len(m.topic_reasons) == len(m.topics)
        assert all(m in t.measures for t in m.topics)
        assert m.to_record()["topics"] == [t.key for t in m.topics]
        assert len(m.alias_kinds) == len(m.aliases)
        assert set(m.alias_kinds) <= {"colloquial", "english", "abbreviation", "former-name"}
        assert len(m.keywords_hant) == len(m.keywords)
    assert shenzhen.get(1).keywords_hant[0] == "基礎研究"
    with pytest.raises(shenzhen.NotFoundError):
        shenzhen.topic("no-such-topic")
    with pytest.raises(TypeError):
        shenzhen.topic(1.5)
    assert shenzhen.document.published_title == "关于推广借鉴深圳经济特区创新举措和经验做法的通知"
    assert "www.ndrc.gov.cn" in shenzhen.document.published_in_en
    pytest.importorskip("pandas")
    df = shenzhen.to_dataframe()
    assert list(df.loc[28, "topics"]) == ["healthcare"]


def test_search_in_english():
    """lang="en": snippets, spans and the mark come from the English text matched."""
    hits = shenzhen.search("personal bankruptcy", lang="en")
    assert hits
    whole = 0
    for hit in hits:
        assert all(span.lang == "en" for span in hit.spans)
        start, end = hit.snippet_match
        whole += hit.snippet[start:end].lower() == "personal bankruptcy"
    assert whole >= 1


def test_snippet_match_is_the_whole_run():
    """The mark covers every character of a Han keyword the snippet shows, not its first bigram."""
    checked = 0
    for m in shenzhen.measures():
        for kw in m.keywords:
            if len(kw) < 3 or any(c in kw for c in "的了和与及吗呢吧") or not all(
                    "\u4e00" <= c <= "\u9fff" for c in kw):
                continue
            for hit in shenzhen.search(kw):
                if hit.field == "aliases" or kw not in hit.snippet:
                    continue
                start, end = hit.snippet_match
                assert end - start >= len(kw), (kw, hit.snippet, hit.snippet[start:end])
                checked += 1
    assert checked > 100
