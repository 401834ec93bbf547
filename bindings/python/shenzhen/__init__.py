"""The 47 innovative measures of the Shenzhen Special Economic Zone.

Python bindings to libshenzhen (NDRC notice 发改地区〔2021〕1072号 as compiled-in
data)::

    >>> import shenzhen
    >>> m = shenzhen.get(1)
    >>> m.id, m.category.id
    (1, 1)
    >>> [hit.measure.id for hit in shenzhen.search("科技", limit=3)]  # doctest: +SKIP

Measures and categories are immutable, hashable and picklable; they are built
once, on first use, and shared. Errors raised by the library are subclasses of
:class:`shenzhen.Error`.
"""

# Import cost matters (this is imported by command-line tools and notebooks
# alike): nothing here imports more than the C extension (and sys, always
# loaded); pandas and html are
# imported only by the functions that need them.
import sys as _sys

from . import _shenzhen_c as _c

__version__: str = _c.shz_version()
#: The data edition compiled into the library (``edition`` of catalogue.json).
data_version: str = _c.shz_data_version()
#: SHA-256 of the catalogue.json compiled in.
data_sha256: str = _c.shz_data_sha256()
#: Number of corrections made to the damaged seed text.
errata_count: int = _c.shz_errata_count()


def _lang_names() -> tuple:
    names: list = []
    while (name := _c.shz_lang_name(len(names))) is not None:
        names.append(name)
    return tuple(names)


def _field_names() -> tuple:
    # Interned, as search() in C has them: it finds names from FIELDS (and
    # literals in code, which Python interns too) by identity.
    names: list = []
    while (name := _c.shz_field_name(1 << len(names))) is not None:
        names.append(_sys.intern(name))
    return tuple(names)


#: The languages of the texts (BCP 47 tags), in the library's order.
LANGUAGES: tuple = _lang_names()
#: The text fields of a measure, in the library's order (bit order).
FIELDS: tuple = _field_names()
_FIELD_BITS = {name: 1 << bit for bit, name in enumerate(FIELDS)}


def _constants(prefix: str) -> dict:
    """The library's integer constants named PREFIX<NAME>, as {"name": value}."""
    return {
        name[len(prefix):].lower(): value
        for name, value in vars(_c).items()
        if name.startswith(prefix) and isinstance(value, int)
    }


#: The search modes (shz_search_mode), by name: "best" (the default: ranked
#: best match, partial matches allowed) and "all_terms" (every term literally).
SEARCH_MODES: dict = _constants("SHZ_SEARCH_")
#: The names of the flags Hit.match holds (shz_match_flags), in bit order.
MATCH_FLAGS: tuple = tuple(
    name for name, bit in sorted(_constants("SHZ_MATCH_").items(), key=lambda item: item[1])
)
_ZH_HANS, _ZH_HANT, _EN = _c.SHZ_LANG_ZH_HANS, _c.SHZ_LANG_ZH_HANT, _c.SHZ_LANG_EN


# ---- Errors ----------------------------------------------------------------


class Error(Exception):
    """Base of every error the library reports; ``status`` is its C status code."""

    #: The C status code (a ``shz_status``) this error reports.
    status: int = 0

    def __init__(self, message: str, status: "int | None" = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status


class QueryError(Error, ValueError):
    """Base of the errors that reject a query."""


# How Python raises a status, by the name of its C constant SHZ_ERR_<KEY>: the
# class name users know and the built-in exception it also is. Which statuses
# exist, their codes and their documentation come from the library; a status
# missing here still gets its own class, named from its constant
# (SHZ_ERR_SOME_THING -> SomeThingError) and derived from Error alone.
_PYTHON_ERRORS: dict = {
    "NOT_FOUND": ("NotFoundError", LookupError),
    "INVALID_ARG": ("InvalidArgumentError", ValueError),
    "BAD_LANG": ("LanguageError", ValueError),
    "NO_TEXT": ("NoTextError", LookupError),
    "NO_MEMORY": ("OutOfMemoryError", MemoryError),
    "BAD_UTF8": ("EncodingError", ValueError),
    "EMPTY_QUERY": ("EmptyQueryError", QueryError),
    "QUERY_TOO_LONG": ("QueryTooLongError", QueryError),
    "BAD_QUERY": ("QuerySyntaxError", QueryError),
    "BAD_OPTIONS": ("OptionsError", ValueError),
}


def _error_classes() -> tuple:
    """One class per status the library names (shz_errstr), indexed by code."""
    prefix = "SHZ_ERR_"
    keys = {getattr(_c, n): n[len(prefix):] for n in dir(_c) if n.startswith(prefix)}
    unknown = _c.shz_errstr(-1)
    classes: list = [None]  # SHZ_OK
    while (sentence := _c.shz_errstr(len(classes))) != unknown:
        code = len(classes)
        key = keys.get(code, f"STATUS_{code}")
        derived = "".join(word.capitalize() for word in key.split("_")) + "Error"
        name, base = _PYTHON_ERRORS.get(key, (derived, Error))
        bases = (base,) if issubclass(base, Error) else (Error, base)
        doc = f"{prefix}{key}: {sentence}."
        classes.append(type(name, bases, {"__doc__": doc, "__module__": __name__, "status": code}))
    return tuple(classes)


# Indexed by C status code: what _shenzhen_c raises for each.
_ERRORS = _error_classes()
globals().update((cls.__name__, cls) for cls in _ERRORS[1:])


def _error(status: int, message: str) -> Error:
    error: Error = _ERRORS[status](message, status)
    return error


__all__ = [
    "Category",
    "Document",
    "Error",
    "Explanation",
    "FIELDS",
    "Hit",
    "LANGUAGES",
    "LIST_SEPARATOR",
    "MATCH_FLAGS",
    "SEARCH_MODES",
    "Measure",
    "QueryError",
    "Categories",
    "Related",
    "Topic",
    "Results",
    "Span",
    "categories",
    "category",
    "data_sha256",
    "data_version",
    "document",
    "errata_count",
    "get",
    "measures",
    "read_csv",
    "read_jsonl",
    "search",
    "to_csv",
    "to_dataframe",
    "to_jsonl",
    "to_records",
    "topic",
    "topics",
]
__all__ += [cls.__name__ for cls in _ERRORS[1:]]


# ---- Immutable records -------------------------------------------------------


class _Frozen:
    """Instances are read-only once built."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} objects are immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} objects are immutable")

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)


def _escape(text: str) -> str:
    import html

    return html.escape(text)


class Category(_Frozen):
    """A category of measures (``categories()`` lists them)."""

    __slots__ = ("id", "title", "title_hant", "title_en", "measures", "_handle")
    id: int
    title: str
    title_hant: str
    title_en: str
    measures: "tuple[Measure, ...]"
    _handle: object

    def __repr__(self) -> str:
        return f"Category(id={self.id}, title={self.title!r}, measures={len(self.measures)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Category):
            return NotImplemented
        return (self.id, self.title) == (other.id, other.title)

    def __hash__(self) -> int:
        return hash((Category, self.id))

    def __reduce__(self) -> tuple:
        return (category, (self.id,))

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{m.id}</td><td>{_escape(m.title)}</td></tr>" for m in self.measures
        )
        return (
            f"<p><b>{self.id}. {_escape(self.title)}</b> ({_escape(self.title_en)})</p>"
            f"<table><tr><th>id</th><th>title</th></tr>{rows}</table>"
        )


class Categories(tuple):
    """The tuple ``categories()`` returns: every Category, in id order, shown
    in a notebook as one table (id, titles, number of measures)."""

    __slots__ = ()

    def __repr__(self) -> str:
        lines = "".join(f"\n {cat!r}," for cat in self)
        return f"Categories({lines}\n)" if self else "Categories()"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{cat.id}</td><td>{_escape(cat.title)}</td>"
            f"<td style='text-align:left'>{_escape(cat.title_en)}</td>"
            f"<td>{len(cat.measures)}</td></tr>"
            for cat in self
        )
        return (
            "<table><tr><th>id</th><th>title</th><th>title (en)</th><th>measures</th></tr>"
            f"{rows}</table>"
        )


class Topic(_Frozen):
    """A topic of the controlled vocabulary: ``key`` (stable, e.g. "healthcare"),
    its name and one-line definition in each language, and its ``measures``."""

    __slots__ = (
        "id",
        "key",
        "name",
        "name_hant",
        "name_en",
        "definition",
        "definition_hant",
        "definition_en",
        "measures",
        "_handle",
    )
    id: int
    key: str
    name: str
    name_hant: str
    name_en: str
    definition: str
    definition_hant: str
    definition_en: str
    measures: "tuple[Measure, ...]"

    def __repr__(self) -> str:
        return f"Topic(id={self.id}, key={self.key!r}, name={self.name!r})"

    def __str__(self) -> str:
        return self.key

    def __reduce__(self) -> tuple:
        return (topic, (self.key,))


class Related(tuple):
    """A measure's related measures (a tuple of Measure, closely related
    first), with why: ``reasons``, ``reasons_hant`` and ``reasons_en`` hold
    one sentence per measure, ``grades`` 2 (closely related) or 1 (related).
    ``reason(other, lang)`` gives the reason for one of them."""

    reasons: "tuple[str, ...]"
    reasons_hant: "tuple[str, ...]"
    reasons_en: "tuple[str, ...]"
    grades: "tuple[int, ...]"

    def reason(self, other: "Measure", lang: str = "zh-Hans") -> str:
        """Why ``other`` is related (ValueError if it is not one of these)."""
        index = self.index(other)
        return (self.reasons, self.reasons_hant, self.reasons_en)[_c.shz_lang_parse(lang)][index]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Related objects are immutable")


def _related(items, reasons, reasons_hant, reasons_en, grades) -> Related:
    related = Related(items)
    for name, values in (("reasons", reasons), ("reasons_hant", reasons_hant),
                         ("reasons_en", reasons_en), ("grades", grades)):
        object.__setattr__(related, name, tuple(values))
    return related


class Measure(_Frozen):
    """A measure: every field of the catalogue, read-only.

    ``title``/``body`` are the canonical zh-Hans texts; ``*_hant`` the
    Traditional forms, ``title_en``/``summary_en`` the (unofficial) English.
    Equal measures compare equal and hash alike; pickling stores only the id.
    """

    __slots__ = (
        "id",
        "category",
        "title",
        "title_hant",
        "title_en",
        "body",
        "body_hant",
        "body_en",
        "summary_en",
        "pinyin",
        "initials",
        "keywords",
        "cites",
        "aliases",
        "alias_kinds",
        "keywords_hant",
        "aliases_hant",
        "topics",
        "topic_reasons",
        "related",
        "_handle",
    )
    id: int
    category: Category
    title: str
    title_hant: str
    title_en: str
    body: str
    body_hant: str
    body_en: str
    summary_en: str
    pinyin: str
    initials: str
    keywords: "tuple[str, ...]"
    cites: "tuple[str, ...]"
    aliases: "tuple[str, ...]"
    alias_kinds: "tuple[str, ...]"
    keywords_hant: "tuple[str, ...]"
    aliases_hant: "tuple[str, ...]"
    topics: "tuple[Topic, ...]"
    topic_reasons: "tuple[str, ...]"
    related: "Related"
    _handle: object

    def text(self, field: str, lang: str = "zh-Hans") -> str:
        """The text of ``field`` (one of ``shenzhen.FIELDS``) in ``lang``.

        This is the text a search Span's offsets refer to. Raises NoTextError
        when the field has no text in that language, LanguageError for an
        unknown language and ValueError for an unknown field.
        """
        bit = _FIELD_BITS.get(field) if isinstance(field, str) else None
        if bit is None:
            raise ValueError(f"unknown field {field!r}; expected one of {FIELDS}")
        text: str = _c.shz_measure_text(self._handle, bit, _c.shz_lang_parse(lang))
        return text

    def __repr__(self) -> str:
        return f"Measure(id={self.id}, category={self.category.id}, title={self.title!r})"

    def __str__(self) -> str:
        return f"{self.id}. {self.title}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Measure):
            return NotImplemented
        return self is other or (self.id, self.title, self.body) == (
            other.id,
            other.title,
            other.body,
        )

    def __hash__(self) -> int:
        return hash((Measure, self.id))

    def __reduce__(self) -> tuple:
        # The catalogue is compiled in: an id is all a pickle needs, and
        # unpickling gives back the one shared object.
        return (get, (self.id,))

    def _repr_html_(self) -> str:
        rows = [
            ("category", f"{self.category.id}. {self.category.title}"),
            ("title (en)", self.title_en),
            ("summary (en)", self.summary_en),
            ("pinyin", self.pinyin),
            ("keywords", "、".join(self.keywords)),
            ("cites", "、".join(f"《{c}》" for c in self.cites)),
            ("aliases", " · ".join(self.aliases)),
            ("topics", " · ".join(f"{t.name} ({t.key})" for t in self.topics)),
            ("related", "; ".join(f"{r.id}. {r.title}: {why}"
                                  for r, why in zip(self.related, self.related.reasons))),
        ]
        cells = "".join(
            f"<tr><th style='text-align:left'>{k}</th><td style='text-align:left'>"
            f"{_escape(v)}</td></tr>"
            for k, v in rows
        )
        return (
            f"<div><h4>{self.id}. {_escape(self.title)}</h4><p>{_escape(self.body)}</p>"
            f"<table>{cells}</table></div>"
        )

    def to_record(self) -> dict:
        """The measure as a plain dict (JSON-ready: lists, str and int only)."""
        return {
            "id": self.id,
            "category": self.category.id,
            "category_title": self.category.title,
            "title": self.title,
            "title_hant": self.title_hant,
            "title_en": self.title_en,
            "body": self.body,
            "body_hant": self.body_hant,
            "body_en": self.body_en,
            "summary_en": self.summary_en,
            "pinyin": self.pinyin,
            "initials": self.initials,
            "keywords": list(self.keywords),
            "cites": list(self.cites),
            "aliases": list(self.aliases),
            "topics": [t.key for t in self.topics],
        }


class Document(_Frozen):
    """Metadata of the notice: number, date, title, issuer, … and its paragraphs."""

    __slots__ = (
        "number",
        "date",
        "title",
        "title_hant",
        "title_en",
        "issuer",
        "issuer_hant",
        "issuer_en",
        "addressees",
        "addressees_hant",
        "addressees_en",
        "attachment",
        "attachment_hant",
        "attachment_en",
        "translation_note",
        "published_title",
        "published_title_hant",
        "published_title_en",
        "published_in",
        "published_in_hant",
        "published_in_en",
        "paragraphs",
        "paragraphs_hant",
        "paragraphs_en",
    )
    number: str
    date: str
    title: str

    def __repr__(self) -> str:
        return f"Document(number={self.number!r}, date={self.date!r}, title={self.title!r})"


def _strings(count, item, handle: object) -> tuple:
    return tuple(item(handle, i) for i in range(count(handle)))


def _build() -> tuple:
    """Builds every Category and Measure from the C accessors, once."""
    global _CATEGORIES
    cats = []
    by_handle_id = {}
    for i in range(_c.shz_category_count()):
        handle = _c.shz_category_at(i)
        cat = object.__new__(Category)
        cat._set(
            id=_c.shz_category_id(handle),
            title=_c.shz_category_title(handle, _ZH_HANS),
            title_hant=_c.shz_category_title(handle, _ZH_HANT),
            title_en=_c.shz_category_title(handle, _EN),
            _handle=handle,
        )
        cats.append(cat)
        by_handle_id[cat.id] = cat
    measures = []
    members: dict = {cat.id: [] for cat in cats}
    for i in range(_c.shz_measure_count()):
        handle = _c.shz_measure_at(i)
        mid = _c.shz_measure_id(handle)
        if mid != i + 1:  # get() indexes the tuple by id - 1
            raise RuntimeError(f"measure ids are not dense: {mid} at index {i}")
        cat = by_handle_id[_c.shz_category_id(_c.shz_measure_category(handle))]
        m = object.__new__(Measure)
        m._set(
            id=mid,
            category=cat,
            title=_c.shz_measure_text(handle, _c.SHZ_FIELD_TITLE, _ZH_HANS),
            title_hant=_c.shz_measure_text(handle, _c.SHZ_FIELD_TITLE, _ZH_HANT),
            title_en=_c.shz_measure_text(handle, _c.SHZ_FIELD_TITLE, _EN),
            body=_c.shz_measure_text(handle, _c.SHZ_FIELD_BODY, _ZH_HANS),
            body_hant=_c.shz_measure_text(handle, _c.SHZ_FIELD_BODY, _ZH_HANT),
            body_en=_c.shz_measure_text(handle, _c.SHZ_FIELD_BODY, _EN),
            summary_en=_c.shz_measure_text(handle, _c.SHZ_FIELD_SUMMARY, _EN),
            pinyin=_c.shz_measure_text(handle, _c.SHZ_FIELD_PINYIN, _ZH_HANS),
            initials=_c.shz_measure_text(handle, _c.SHZ_FIELD_PINYIN_INITIALS, _ZH_HANS),
            keywords=_strings(_c.shz_measure_keyword_count, _c.shz_measure_keyword, handle),
            cites=_strings(_c.shz_measure_cite_count, _c.shz_measure_cite, handle),
            aliases=_strings(_c.shz_measure_alias_count, _c.shz_measure_alias, handle),
            alias_kinds=tuple(_alias_kind(handle, k)
                              for k in range(_c.shz_measure_alias_count(handle))),
            keywords_hant=tuple(_c.shz_measure_keyword_in(handle, k, _ZH_HANT)
                                for k in range(_c.shz_measure_keyword_count(handle))),
            aliases_hant=tuple(_c.shz_measure_alias_in(handle, k, _ZH_HANT)
                               for k in range(_c.shz_measure_alias_count(handle))),
            topic_reasons=tuple(_c.shz_measure_topic_reason(handle, k, _ZH_HANS)
                                for k in range(_c.shz_measure_topic_count(handle))),
            _handle=handle,
        )
        measures.append(m)
        members[cat.id].append(m)
    for cat in cats:
        object.__setattr__(cat, "measures", tuple(members[cat.id]))
    for m in measures:  # closely related first, as the catalogue curates them
        n = range(_c.shz_measure_related_count(m._handle))
        h = m._handle
        object.__setattr__(m, "related", _related(
            (measures[_c.shz_measure_id(_c.shz_measure_related(h, i)) - 1] for i in n),
            (_c.shz_measure_related_reason(h, i, _ZH_HANS) for i in n),
            (_c.shz_measure_related_reason(h, i, _ZH_HANT) for i in n),
            (_c.shz_measure_related_reason(h, i, _EN) for i in n),
            (_c.shz_measure_related_grade(h, i) for i in n)))
    topics = []
    for t in range(_c.shz_topic_count()):
        handle = _c.shz_topic_at(t)
        tp = object.__new__(Topic)
        tp._set(
            id=_c.shz_topic_id(handle),
            key=_c.shz_topic_key(handle),
            name=_c.shz_topic_name(handle, _ZH_HANS),
            name_hant=_c.shz_topic_name(handle, _ZH_HANT),
            name_en=_c.shz_topic_name(handle, _EN),
            definition=_c.shz_topic_definition(handle, _ZH_HANS),
            definition_hant=_c.shz_topic_definition(handle, _ZH_HANT),
            definition_en=_c.shz_topic_definition(handle, _EN),
            measures=tuple(measures[_c.shz_measure_id(_c.shz_topic_measure_at(handle, i)) - 1]
                           for i in range(_c.shz_topic_measure_count(handle))),
            _handle=handle,
        )
        topics.append(tp)
    for m in measures:
        object.__setattr__(m, "topics", tuple(
            topics[_c.shz_topic_id(_c.shz_measure_topic_at(m._handle, k)) - 1]
            for k in range(_c.shz_measure_topic_count(m._handle))))
    _CATEGORIES = Categories(cats)
    global _TOPICS
    _TOPICS = tuple(topics)
    return tuple(measures)


_ALIAS_KINDS = {1: "colloquial", 2: "english", 3: "abbreviation", 4: "former-name"}


def _alias_kind(handle: object, index: int) -> str:
    """The kind of an alias, or "" for a catalogue that records none."""
    try:
        return _ALIAS_KINDS[_c.shz_measure_alias_kind(handle, index)]
    except Error:
        return ""


# ---- Search hits and results --------------------------------------------------


def _marked(hit) -> str:
    """The hit's snippet as HTML, its match in <mark>."""
    start, end = hit.snippet_match
    text = hit.snippet
    return (
        f"{_escape(text[:start])}<mark>{_escape(text[start:end])}</mark>{_escape(text[end:])}"
    )


def _how(hit) -> str:
    """How a hit matched, for people: the match flags and the terms it lacks."""
    kinds = ", ".join(sorted(hit.match)) or "some terms"
    return kinds.replace("_", " ")


def _related_mark(hit, best=None) -> str:
    """For a hit listed as related to the best match (not a match of the query): a mark to
    show beside its relevance, naming the best match when ``best`` (the first hit) is given,
    with the catalogue's reason on hover; "" for a match."""
    if "related" not in hit.match:
        return ""
    if best is None:
        return " <b>related</b> <small>to the best match</small>"
    try:
        why = best.measure.related.reason(hit.measure)
    except ValueError:  # a Results put together by hand
        why = ""
    return (f" <b title='{_escape(why)}'>related</b> "
            f"<small>to {best.measure.id}</small>")


def _why(hit) -> str:
    """Hit.explain() in one line, for a tooltip: each term, how and where it is held, and
    its contribution out of its weight; "" for a hit unpickled without it."""
    try:
        explanation = hit.explain()
    except AttributeError:
        return ""
    return "; ".join(
        f"{e.term}: {e.how} in {e.field}, {e.contribution:.3f} of {e.weight:.3f}" if e.field
        else f"{e.term}: not held, 0 of {e.weight:.3f}"
        for e in explanation
    )


def _relevance_bar(hit) -> str:
    """A hit's relevance for people: a bar of ten cells and the number; hovering shows the
    relevance to three places and why the hit has it (Hit.explain())."""
    relevance = hit.relevance
    if relevance != relevance:  # NaN: a hit unpickled from 1.1
        return "?"
    filled = round(relevance * 10)
    bar = "█" * filled + "░" * (10 - filled)
    why = _why(hit)
    title = _escape(f"{relevance:.3f}" + (f" = {why}" if why else ""))
    return f"<span title='{title}'>{bar} {relevance:.2f}</span>"


def _hit_html(hit) -> str:
    m = hit.measure
    return (
        f"<div><b>{m.id}. {_escape(m.title)}</b> "
        f"<small>{_escape(hit.field)} · {_escape(_how(hit))} · relevance "
        f"{_relevance_bar(hit)}</small>{_related_mark(hit)}<br>"
        f"{_marked(hit)}</div>"
    )


def _restore_hit(*values: object) -> object:
    # What Hit.__reduce__ names: module-level, so that pickle finds it.
    return _c._hit(*values)


class Results(list):
    """The hits of a search, best first: a list of Hit that also knows its
    ``query``, renders as a table in a notebook (the match marked in each
    snippet, a measure listed as related to the first hit marked so), and becomes a
    DataFrame with ``to_dataframe()``."""

    __slots__ = ("query", "_terms", "_owner")

    def __init__(self, hits=(), query: str = "", terms: "dict | None" = None) -> None:
        super().__init__(hits)
        self.query = query
        self._terms = terms
        self._owner = None  # the C results, whose terms are read when asked for

    @property
    def terms(self) -> dict:
        """The query's terms as the search analysed them, in order, each with
        the number of measures holding it in the fields searched (0: the term
        matched nothing), e.g. ``{"个人": 3, "破产": 1}``."""
        if self._terms is None:
            self._terms = _c._terms(self._owner) if self._owner is not None else {}
        return dict(self._terms)

    def __reduce__(self) -> tuple:
        return (Results, (list(self), self.query, self.terms))

    def to_records(self) -> list:
        """One plain dict per hit, best first: rank (from 1), id, title,
        category, field, match (its ``Hit.match`` flags joined by ",": "related" for a measure
        listed as related to the first hit), score, relevance, snippet and the match in it
        (match_start, match_end: character offsets)."""
        records = []
        for rank, hit in enumerate(self, 1):
            start, end = hit.snippet_match
            records.append(
                {
                    "rank": rank,
                    "id": hit.measure.id,
                    "title": hit.measure.title,
                    "category": hit.measure.category.id,
                    "field": hit.field,
                    "match": ",".join(sorted(hit.match)),
                    "score": hit.score,
                    "relevance": hit.relevance,
                    "snippet": hit.snippet,
                    "match_start": start,
                    "match_end": end,
                }
            )
        return records

    def to_dataframe(self):  # -> pandas.DataFrame
        """The hits as a pandas DataFrame indexed by rank (see to_records)."""
        pandas = _pandas("Results.to_dataframe()")
        columns = [
            "rank", "id", "title", "category", "field", "match", "score", "relevance", "snippet",
            "match_start", "match_end",
        ]
        return pandas.DataFrame.from_records(self.to_records(), columns=columns, index="rank")

    def _repr_html_(self) -> str:
        count = f"{len(self)} hit" + ("" if len(self) == 1 else "s")
        unmatched = [term for term, measures in self.terms.items() if not measures]
        missing = (
            f"; no measure has {_escape(' '.join(unmatched))}" if unmatched else ""
        )
        head = f"<p>{count} for <b>{_escape(self.query)}</b>{missing}</p>"
        if not self:
            return head
        rows = "".join(
            f"<tr><td>{hit.measure.id}</td><td style='text-align:left'>"
            f"{_escape(hit.measure.title)}</td><td>{_escape(hit.field)}</td>"
            f"<td>{_escape(_how(hit))}</td>"
            f"<td>{_relevance_bar(hit)}{_related_mark(hit, self[0])}</td>"
            f"<td style='text-align:left'>{_marked(hit)}</td></tr>"
            for hit in self
        )
        return (
            f"{head}<table><tr><th>id</th><th>title</th><th>field</th><th>match</th>"
            f"<th>relevance</th>"
            f"<th>snippet</th></tr>{rows}</table>"
        )


_CATEGORIES = Categories()
_TOPICS: tuple = ()


# ---- The catalogue -------------------------------------------------------------

#: ``get(id) -> Measure``: the measure with that id (1 to ``len(measures())``); raises
#: NotFoundError (a LookupError) for any other int, TypeError for a non-int.
get = _c.get
Hit = _c.Hit
Span = _c.Span
#: What Hit.explain() lists, one per query term: a named tuple (term, field, how, weight,
#: contribution).
Explanation = _c.Explanation


def measures() -> tuple:
    """Every Measure, in id order."""
    built: tuple = _c._measures()
    return built


def categories() -> Categories:
    """Every Category, in id order; each has its ``measures``."""
    _c._measures()  # builds both on first use
    return _CATEGORIES


def topics() -> "tuple[Topic, ...]":
    """Every Topic, in id order; each has its ``measures``."""
    _c._measures()  # builds them on first use
    return _TOPICS


def topic(key: "str | int") -> Topic:
    """The topic with that key ("healthcare") or id; NotFoundError for any other."""
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise TypeError(f"topic must be a key (str) or an id (int), not {type(key).__name__}")
    for tp in topics():
        if tp.key == key or tp.id == key:
            return tp
    raise _error(_c.SHZ_ERR_NOT_FOUND, f"no topic has key or id {key!r}")


def category(id: int) -> Category:
    """The category with that id (one of ``categories()``); NotFoundError for any other."""
    if not isinstance(id, int) or isinstance(id, bool):
        raise TypeError(f"category id must be int, not {type(id).__name__}")
    for cat in categories():
        if cat.id == id:
            return cat
    raise _error(_c.SHZ_ERR_NOT_FOUND, f"no category has id {id}")


#: ``search(query, *, limit=None, lang="zh-Hans", fields=None, mode="best",
#: min_relevance=SHZ_MIN_RELEVANCE_DEFAULT, topics=None, related=True) -> Results``: searches
#: the catalogue (see its docstring; ``related=False`` leaves out the best match's related
#: measures). Written in C, like get(): the arguments are read and the Results built without a
#: Python frame; a field list or mode it does not know at once goes to _field_mask and
#: _bad_mode, and topics always to _topic_mask.
search = _c.search


# Masks of the field lists seen, by the tuple of their names: a search in a
# loop with the same fields pays for the names once. Bounded: only valid lists
# of at most as many names as there are fields are kept.
_MASKS: dict = {}


def _bad_mode(mode: object) -> int:
    if not isinstance(mode, str):
        raise TypeError(f"mode must be str, not {type(mode).__name__}")
    message = f"unknown mode {mode!r}; expected one of {tuple(SEARCH_MODES)}"
    raise _error(_c.SHZ_ERR_BAD_OPTIONS, message)


def _field_mask(fields: object) -> int:
    names = (fields,) if isinstance(fields, str) else fields
    try:
        items: tuple = tuple(names)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError("fields must be a field name or an iterable of names") from None
    try:
        cached: int = _MASKS[items]
        return cached
    except (KeyError, TypeError):  # TypeError: an unhashable item, refused below
        pass
    mask = 0
    for name in items:
        bit = _FIELD_BITS.get(name) if isinstance(name, str) else None
        if bit is None:
            message = f"unknown field {name!r}; expected one of {FIELDS}"
            raise _error(_c.SHZ_ERR_BAD_OPTIONS, message)
        mask |= bit
    if not mask:
        raise _error(_c.SHZ_ERR_BAD_OPTIONS, "fields is empty")
    if len(items) <= len(FIELDS) and len(_MASKS) < 1 << len(FIELDS):
        _MASKS[items] = mask
    return mask


def _topic_mask(given: object) -> int:
    """The bit mask (shz_search_options.topics) of search()'s ``topics``: a topic's key, a
    Topic, or an iterable of them."""
    names = (given,) if isinstance(given, (str, Topic)) else given
    try:
        items: tuple = tuple(names)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(
            "topics must be a topic key (str), a Topic or an iterable of them, "
            f"not {type(given).__name__}"
        ) from None
    by_key = {tp.key: tp for tp in topics()}
    mask = 0
    for item in items:
        if isinstance(item, Topic):
            key = item.key
        elif isinstance(item, str):
            key = item
        else:
            raise TypeError(f"a topic must be a key (str) or a Topic, not {type(item).__name__}")
        found = by_key.get(key)
        if found is None:
            message = f"unknown topic {key!r}; shenzhen.topics() lists their keys"
            raise _error(_c.SHZ_ERR_BAD_OPTIONS, message)
        mask |= 1 << (found.id - 1)
    if not mask:
        raise _error(_c.SHZ_ERR_BAD_OPTIONS, "topics is empty")
    return mask


_c._configure(_ERRORS, _build, _hit_html, _restore_hit, MATCH_FLAGS, Results, _FIELD_BITS,
              SEARCH_MODES, _field_mask, _bad_mode, _topic_mask)


def to_records() -> list:
    """Every measure as a plain dict (see Measure.to_record), in id order."""
    return [m.to_record() for m in measures()]


def _pandas(what: str):  # -> the pandas module
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            f"shenzhen.{what} needs pandas, which is not installed "
            "(Debian: apt install python3-pandas; otherwise: pip install pandas)",
            name="pandas",
        ) from exc
    return pandas


def to_dataframe():  # -> pandas.DataFrame
    """Every measure as a pandas DataFrame indexed by id.

    Raises ImportError, naming the package, when pandas is not installed.
    List columns (keywords, cites, aliases, topics) hold Python lists
    (``topics``: the keys of the measure's topics). Export them with
    to_jsonl() or to_csv(), whose readers give the lists back.
    """
    return _pandas("to_dataframe()").DataFrame.from_records(to_records(), index="id")


# ---- Exports whose lists survive a round trip ---------------------------------

#: What to_csv() joins the items of a list column with (keywords, cites, aliases).
LIST_SEPARATOR = "|"


def _list_columns() -> tuple:
    """The record columns that hold lists (keywords, cites, aliases)."""
    record = measures()[0].to_record()
    return tuple(name for name, value in record.items() if isinstance(value, list))


def _int_columns() -> tuple:
    record = measures()[0].to_record()
    return tuple(name for name, value in record.items() if isinstance(value, int))


class _Opened:
    """A path opened for text (closed on exit), or a file object passed through."""

    def __init__(self, file, mode: str) -> None:
        self._file = file
        self._mode = mode
        self._opened = None

    def __enter__(self):
        if hasattr(self._file, "read" if "r" in self._mode else "write"):
            return self._file
        self._opened = open(self._file, self._mode, encoding="utf-8", newline="")
        return self._opened

    def __exit__(self, *exc: object) -> None:
        if self._opened is not None:
            self._opened.close()


def to_jsonl(file) -> None:
    """Writes every measure as JSON Lines: one record (Measure.to_record) a
    line, UTF-8, lists as JSON arrays. ``file`` is a path or a text file
    object. read_jsonl() (or ``pandas.read_json(file, lines=True)``) reads it
    back."""
    import json

    with _Opened(file, "w") as out:
        for record in to_records():
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_jsonl(file) -> list:
    """The records a to_jsonl() file holds, as to_records() gives them."""
    import json

    with _Opened(file, "r") as src:
        return [json.loads(line) for line in src if line.strip()]


def to_csv(file) -> None:
    """Writes every measure as CSV (UTF-8, a header row, the columns of
    Measure.to_record). A list column (keywords, cites, aliases) is one cell: its items
    joined by ``LIST_SEPARATOR`` ("|"), an empty list an empty cell; an item
    that is empty or contains the separator is refused (ValueError), so that
    read_csv() always gives back exactly what was written."""
    import csv

    lists = _list_columns()
    records = to_records()
    for record in records:
        for name in lists:
            for item in record[name]:
                if not item or LIST_SEPARATOR in item:
                    raise ValueError(
                        f"measure {record['id']}: {name} item {item!r} cannot be joined "
                        f"with {LIST_SEPARATOR!r}"
                    )
            record[name] = LIST_SEPARATOR.join(record[name])
    with _Opened(file, "w") as out:
        writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)


def read_csv(file) -> list:
    """The records a to_csv() file holds, as to_records() gives them: list
    columns split on ``LIST_SEPARATOR``, integer columns as int."""
    import csv

    lists, ints = _list_columns(), _int_columns()
    with _Opened(file, "r") as src:
        records: list = list(csv.DictReader(src))
    for record in records:
        for name in lists:
            record[name] = record[name].split(LIST_SEPARATOR) if record[name] else []
        for name in ints:
            record[name] = int(record[name])
    return records


def _document() -> Document:
    doc = object.__new__(Document)
    values: dict = {}
    for name, field in (
        ("title", _c.SHZ_DOC_TITLE),
        ("issuer", _c.SHZ_DOC_ISSUER),
        ("addressees", _c.SHZ_DOC_ADDRESSEES),
        ("attachment", _c.SHZ_DOC_ATTACHMENT),
    ):
        values[name] = _c.shz_document_text(field, _ZH_HANS)
        values[name + "_hant"] = _c.shz_document_text(field, _ZH_HANT)
        values[name + "_en"] = _c.shz_document_text(field, _EN)
    values["number"] = _c.shz_document_text(_c.SHZ_DOC_NUMBER, _ZH_HANS)
    values["date"] = _c.shz_document_text(_c.SHZ_DOC_DATE, _ZH_HANS)
    values["translation_note"] = _c.shz_document_text(_c.SHZ_DOC_TRANSLATION_NOTE, _EN)
    for name, field in (("published_title", _c.SHZ_DOC_PUBLISHED_TITLE),
                        ("published_in", _c.SHZ_DOC_PUBLISHED_IN)):
        values[name] = _c.shz_document_text(field, _ZH_HANS)
        values[name + "_hant"] = _c.shz_document_text(field, _ZH_HANT)
        values[name + "_en"] = _c.shz_document_text(field, _EN)
    count = _c.shz_document_paragraph_count()
    values["paragraphs"] = tuple(_c.shz_document_paragraph(i, _ZH_HANS) for i in range(count))
    values["paragraphs_en"] = tuple(_c.shz_document_paragraph(i, _EN) for i in range(count))
    values["paragraphs_hant"] = tuple(
        _c.shz_document_paragraph(i, _ZH_HANT) for i in range(count)
    )
    doc._set(**values)
    return doc


def __getattr__(name: str) -> object:
    # `document` is built on first access (PEP 562), then cached as a global.
    if name == "document":
        doc = _document()
        globals()["document"] = doc
        return doc
    raise AttributeError(f"module 'shenzhen' has no attribute {name!r}")
