/* fast.c — get() and search() of the Python module, against the CPython API
 * (see fast.h for why these two are not left to the Python layer). */
#include "fast.h"

#include <limits.h>
#include <string.h>

#include "utf8.h"

/* ---- State registered by the package at import (see _configure) -------- */

static PyObject *shzpy_errors;      /* tuple: status code -> exception class */
static PyObject *shzpy_builder;     /* callable returning the tuple of Measures */
static PyObject *shzpy_hit_html;    /* callable: Hit -> its HTML (Hit._repr_html_) */
static PyObject *shzpy_hit_restore; /* callable unpickling a Hit (Hit.__reduce__) */
static PyObject *shzpy_match_names; /* tuple: name of each shz_match_flags bit, by bit */
static PyObject *shzpy_exact;       /* "exact" and "tolerant": how a hit matched a term */
static PyObject *shzpy_tolerant;
static PyObject *shzpy_measures;    /* that tuple, built on first use */
static PyObject *shzpy_field_names; /* tuple: interned shz_field_name(1 << bit) by bit */
static PyTypeObject *shzpy_span_type;
static PyTypeObject *shzpy_explanation_type;
static PyTypeObject *shzpy_hit_type;
/* How a term counts in a hit (Explanation.how), interned, by shz_explain_how value. */
#define SHZPY_EXPLAIN_HOWS 4
static const char *const shzpy_explain_how_names[SHZPY_EXPLAIN_HOWS] = {"none", "exact", "stem",
                                                                        "tolerant"};
static PyObject *shzpy_explain_hows[SHZPY_EXPLAIN_HOWS];

/* search(): the package's Results class and the descriptors of its slots
 * query, _terms and _owner; the names of fields and modes (dicts: name ->
 * bit, name -> code) and the package's functions that handle the rest of
 * those arguments (_field_mask, _bad_mode). */
#define SHZPY_RESULTS_SLOTS 3
static const char *const shzpy_results_slot_names[SHZPY_RESULTS_SLOTS] = {"query", "_terms",
                                                                          "_owner"};
static PyObject *shzpy_results_class; /* a type, a subclass of list */
static PyObject *shzpy_results_slots[SHZPY_RESULTS_SLOTS];
static PyObject *shzpy_field_bits;
static PyObject *shzpy_modes;
static PyObject *shzpy_field_mask;
static PyObject *shzpy_bad_mode;
static PyObject *shzpy_topic_mask; /* the package's _topic_mask: topics -> bit mask */
/* search()'s signature for its docstring, with min_relevance's default as the header has it. */
#define SHZPY_STRING(x) #x
#define SHZPY_STRINGIFY(x) SHZPY_STRING(x)
#define SHZPY_MIN_RELEVANCE_TEXT SHZPY_STRINGIFY(SHZ_MIN_RELEVANCE_DEFAULT)
#define SHZPY_SEARCH_SIGNATURE                                                                     \
    "search($module, /, query, *, limit=None, lang='zh-Hans', fields=None, mode='best', "          \
    "min_relevance=" SHZPY_MIN_RELEVANCE_TEXT ", topics=None, related=True)\n--\n\n"

/* search()'s parameters, interned, in order: query, limit, lang, fields, mode, min_relevance,
 * topics, related */
#define SHZPY_SEARCH_ARGS 8
static const char *const shzpy_search_kw_names[SHZPY_SEARCH_ARGS] = {
    "query", "limit", "lang", "fields", "mode", "min_relevance", "topics", "related"};
static PyObject *shzpy_search_kw[SHZPY_SEARCH_ARGS];

/* Raises the package's exception for @p status with @p message (or the
 * library's own sentence when NULL). */
void shzpy_raise_msg(shz_status status, const char *message)
{
    PyObject *cls = NULL;
    if (shzpy_errors && (Py_ssize_t)status < PyTuple_GET_SIZE(shzpy_errors))
        cls = PyTuple_GET_ITEM(shzpy_errors, (Py_ssize_t)status);
    if (!cls || cls == Py_None)
        cls = PyExc_RuntimeError; /* only before the package configured us */
    PyObject *args = Py_BuildValue("(si)", message ? message : shz_errstr(status), (int)status);
    if (args) {
        PyErr_SetObject(cls, args);
        Py_DECREF(args);
    }
}

void shzpy_raise(shz_status status)
{
    shzpy_raise_msg(status, NULL);
}

/* Raises the language error @p status with a message naming the value @p lang (its repr
 * fills the %R of @p format): never a list that holds a value the call refuses. */
static void shzpy_raise_lang(shz_status status, const char *format, PyObject *lang)
{
    PyObject *message = PyUnicode_FromFormat(format, lang);
    const char *text = message ? PyUnicode_AsUTF8(message) : NULL;
    if (text)
        shzpy_raise_msg(status, text);
    Py_XDECREF(message);
}

/* Borrows the UTF-8 of a str. Lone surrogates cannot be UTF-8, so they are
 * passed through as the library would see them from C (invalid sequences) and
 * it answers SHZ_ERR_BAD_UTF8; *keep then owns the bytes. Non-str is a
 * TypeError: bytes are deliberately not accepted, text must be decoded first. */
int shzpy_utf8(PyObject *obj, const char *what, const char **ptr, size_t *len, PyObject **keep)
{
    Py_ssize_t n = 0;
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be str, not %.100s", what, Py_TYPE(obj)->tp_name);
        return -1;
    }
    *ptr = PyUnicode_AsUTF8AndSize(obj, &n);
    if (!*ptr) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return -1;
        PyErr_Clear();
        *keep = PyUnicode_AsEncodedString(obj, "utf-8", "surrogatepass");
        if (!*keep)
            return -1;
        *ptr = PyBytes_AS_STRING(*keep);
        n = PyBytes_GET_SIZE(*keep);
    }
    *len = (size_t)n;
    return 0;
}

/* The interned name of @p field (one bit), borrowed; None for no field. */
static PyObject *shzpy_field_name(shz_field field)
{
    for (Py_ssize_t bit = 0; bit < PyTuple_GET_SIZE(shzpy_field_names); bit++)
        if ((unsigned)field == 1u << bit)
            return PyTuple_GET_ITEM(shzpy_field_names, bit);
    return Py_None;
}

/* Every field the library names, walked bit by bit until shz_field_name()
 * gives NULL: the tuple of their interned names. */
static PyObject *shzpy_make_field_names(void)
{
    Py_ssize_t count = 0;
    while ((size_t)count < sizeof(unsigned) * CHAR_BIT &&
           shz_field_name((shz_field)(1u << count)) != NULL)
        count++;
    PyObject *names = PyTuple_New(count);
    if (!names)
        return NULL;
    for (Py_ssize_t bit = 0; bit < count; bit++) {
        PyObject *name = PyUnicode_InternFromString(shz_field_name((shz_field)(1u << bit)));
        if (!name) {
            Py_DECREF(names);
            return NULL;
        }
        PyTuple_SET_ITEM(names, bit, name);
    }
    return names;
}

/* The tuple of Measure objects, indexed by id - 1, built once. */
static PyObject *shzpy_cache(void)
{
    if (shzpy_measures)
        return shzpy_measures;
    if (!shzpy_builder) {
        PyErr_SetString(PyExc_RuntimeError, "shenzhen._shenzhen_c used before _configure()");
        return NULL;
    }
    PyObject *built = PyObject_CallNoArgs(shzpy_builder);
    if (!built)
        return NULL;
    if (!PyTuple_Check(built) || (size_t)PyTuple_GET_SIZE(built) != shz_measure_count()) {
        Py_DECREF(built);
        PyErr_SetString(PyExc_RuntimeError, "measure builder must return one Measure per id");
        return NULL;
    }
    shzpy_measures = built;
    return built;
}

/* ---- Hit: one search result --------------------------------------------- */

/* A search makes a hit of its results and its index in them, nothing more:
 * a hit reads each of its values from the C results on first access and keeps
 * it, so that a search pays only for what its caller reads. An unpickled hit
 * has no results, and has every value from the pickle. */
typedef struct {
    PyObject ob_base;           /* PyObject_HEAD */
    PyObject *owner;            /* capsule that frees the shz_results; NULL once unpickled */
    const shz_results *results; /* the results owner holds; NULL once unpickled */
    PyObject *measure;          /* the Measure */
    PyObject *score;            /* int */
    PyObject *field;            /* interned field name */
    PyObject *spans;            /* tuple of Span */
    PyObject *snippet;          /* str */
    PyObject *match;            /* (start, end) in snippet */
    PyObject *origin;           /* (field, lang, start): where the snippet's text starts */
    PyObject *kinds;            /* frozenset of the names of the match flags */
    PyObject *terms;            /* dict: query term -> "exact" or "tolerant" */
    PyObject *explanation;      /* tuple of Explanation, one per query term */
    unsigned flags;             /* once unpickled: what shz_results_match() gave */
    double relevance;           /* shz_results_relevance(), read with the hit (NaN: a pickle of
                                   1.1 had none) */
    size_t index;
} shzpy_hit;

static const shz_results *shzpy_hit_results(shzpy_hit *hit)
{
    return hit->results;
}

/* shz_results_match() of the hit. */
static unsigned shzpy_hit_flags(shzpy_hit *hit)
{
    return hit->results ? shz_results_match(hit->results, hit->index) : hit->flags;
}

/* Stores @p value (a new reference, or NULL on error) in *@p slot unless
 * something already did (building a container may run the garbage collector,
 * and so Python code), and returns a new reference to what *@p slot holds. */
static PyObject *shzpy_keep(PyObject **slot, PyObject *value)
{
    if (!value)
        return NULL;
    if (*slot)
        Py_DECREF(value);
    else
        *slot = value;
    Py_INCREF(*slot);
    return *slot;
}

static PyObject *shzpy_hit_measure(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (hit->measure) {
        Py_INCREF(hit->measure);
        return hit->measure;
    }
    int64_t id = shz_measure_id(shz_results_measure(hit->results, hit->index));
    PyObject *cache = shzpy_cache();
    if (!cache)
        return NULL;
    if (id < 1 || id > (int64_t)PyTuple_GET_SIZE(cache)) {
        PyErr_SetString(PyExc_RuntimeError, "search returned an unknown measure");
        return NULL;
    }
    PyObject *measure = PyTuple_GET_ITEM(cache, (Py_ssize_t)(id - 1));
    Py_INCREF(measure);
    return shzpy_keep(&hit->measure, measure);
}

static PyObject *shzpy_hit_field(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (!hit->field) {
        hit->field = shzpy_field_name(shz_results_field(hit->results, hit->index));
        Py_INCREF(hit->field);
    }
    Py_INCREF(hit->field);
    return hit->field;
}

/* The setter of measure, score and field: read-only, as members are. */
static int shzpy_hit_readonly(shzpy_hit *hit, PyObject *value, void *closure)
{
    (void)hit;
    (void)value;
    (void)closure;
    PyErr_SetString(PyExc_AttributeError, "readonly attribute");
    return -1;
}

static PyObject *shzpy_lang_name(shz_lang lang)
{
    const char *name = shz_lang_name(lang);
    return name ? PyUnicode_InternFromString(name) : NULL;
}

static PyObject *shzpy_make_span(const shz_results *results, size_t index, size_t which)
{
    shz_field field = 0;
    shz_lang lang = SHZ_LANG_ZH_HANS;
    size_t start = 0, end = 0;
    shz_status st = shz_results_span(results, index, which, &field, NULL, NULL, &start, &end);
    if (st == SHZ_OK)
        st = shz_results_span_lang(results, index, which, &lang);
    if (st != SHZ_OK) {
        shzpy_raise(st);
        return NULL;
    }
    PyObject *span = PyStructSequence_New(shzpy_span_type);
    if (!span)
        return NULL;
    PyObject *name = shzpy_field_name(field);
    Py_INCREF(name);
    PyStructSequence_SET_ITEM(span, 0, name);
    PyStructSequence_SET_ITEM(span, 1, shzpy_lang_name(lang));
    PyStructSequence_SET_ITEM(span, 2, PyLong_FromSize_t(start));
    PyStructSequence_SET_ITEM(span, 3, PyLong_FromSize_t(end));
    for (Py_ssize_t i = 1; i < 4; i++) {
        if (!PyStructSequence_GET_ITEM(span, i)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_RuntimeError, "span has an unknown language");
            Py_DECREF(span);
            return NULL;
        }
    }
    return span;
}

static PyObject *shzpy_hit_spans(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (!hit->spans) {
        const shz_results *results = shzpy_hit_results(hit);
        size_t count = shz_results_span_count(results, hit->index);
        PyObject *spans = PyTuple_New((Py_ssize_t)count);
        if (!spans)
            return NULL;
        for (size_t i = 0; i < count; i++) {
            PyObject *span = shzpy_make_span(results, hit->index, i);
            if (!span) {
                Py_DECREF(spans);
                return NULL;
            }
            PyTuple_SET_ITEM(spans, (Py_ssize_t)i, span);
        }
        return shzpy_keep(&hit->spans, spans);
    }
    Py_INCREF(hit->spans);
    return hit->spans;
}

/* (start, end) of the first match inside the snippet, as character offsets. */
static PyObject *shzpy_hit_snippet_match(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (hit->match) {
        Py_INCREF(hit->match);
        return hit->match;
    }
    const shz_results *results = shzpy_hit_results(hit);
    const char *text = NULL;
    size_t len = 0, start = 0, end = 0;
    shz_status st = shz_results_snippet(results, hit->index, &text, &len);
    if (st == SHZ_OK)
        st = shz_results_snippet_match(results, hit->index, &start, &end);
    if (st != SHZ_OK) {
        shzpy_raise(st);
        return NULL;
    }
    if (start > end || end > len) {
        PyErr_SetString(PyExc_RuntimeError, "snippet match lies outside the snippet");
        return NULL;
    }
    size_t char_start = shzi_utf8_count(text, start);
    PyObject *match =
        Py_BuildValue("(nn)", (Py_ssize_t)char_start,
                      (Py_ssize_t)(char_start + shzi_utf8_count(text + start, end - start)));
    return shzpy_keep(&hit->match, match);
}

/* (field, lang, start): the text the snippet was cut from, measure.text(field, lang), and the
 * character offset in it where the snippet's text (after a leading "…") starts. */
static PyObject *shzpy_hit_snippet_origin(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (hit->origin) {
        Py_INCREF(hit->origin);
        return hit->origin;
    }
    if (!hit->results) {
        PyErr_SetString(PyExc_AttributeError, "snippet_origin: not kept by this pickle");
        return NULL;
    }
    shz_field field = 0;
    shz_lang lang = SHZ_LANG_ZH_HANS;
    size_t start = 0;
    shz_status st =
        shz_results_snippet_origin(hit->results, hit->index, &field, &lang, NULL, &start);
    if (st != SHZ_OK) {
        shzpy_raise(st);
        return NULL;
    }
    PyObject *name = shzpy_field_name(field), *lang_name = shzpy_lang_name(lang);
    if (!name || !lang_name) {
        Py_XDECREF(lang_name);
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "snippet has an unknown field or language");
        return NULL;
    }
    PyObject *origin = Py_BuildValue("(ONn)", name, lang_name, (Py_ssize_t)start);
    return shzpy_keep(&hit->origin, origin);
}

/* How the hit matched: the names of its shz_results_match() flags. */
static PyObject *shzpy_hit_kinds(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (!hit->kinds) {
        PyObject *kinds = PyFrozenSet_New(NULL);
        if (!kinds)
            return NULL;
        Py_ssize_t known = shzpy_match_names ? PyTuple_GET_SIZE(shzpy_match_names) : 0;
        unsigned flags = shzpy_hit_flags(hit);
        for (Py_ssize_t bit = 0; bit < known; bit++) {
            if ((flags & (1u << bit)) &&
                PySet_Add(kinds, PyTuple_GET_ITEM(shzpy_match_names, bit)) < 0) {
                Py_DECREF(kinds);
                return NULL;
            }
        }
        return shzpy_keep(&hit->kinds, kinds);
    }
    Py_INCREF(hit->kinds);
    return hit->kinds;
}

/* The query terms the hit matched, in query order: term -> "exact"/"tolerant". */
static PyObject *shzpy_hit_terms(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (!hit->terms) {
        const shz_results *results = shzpy_hit_results(hit);
        PyObject *terms = PyDict_New();
        if (!terms)
            return NULL;
        for (size_t t = 0; t < shz_results_term_count(results); t++) {
            unsigned how = shz_results_hit_term(results, hit->index, t);
            const char *text = NULL;
            size_t len = 0;
            if (!how)
                continue;
            shz_status st = shz_results_term(results, t, &text, &len);
            if (st != SHZ_OK) {
                Py_DECREF(terms);
                shzpy_raise(st);
                return NULL;
            }
            PyObject *key = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict");
            if (!key || PyDict_SetItem(terms, key, how == 1 ? shzpy_exact : shzpy_tolerant) < 0) {
                Py_XDECREF(key);
                Py_DECREF(terms);
                return NULL;
            }
            Py_DECREF(key);
        }
        return shzpy_keep(&hit->terms, terms);
    }
    Py_INCREF(hit->terms);
    return hit->terms;
}

/* Explanation(term, field, how, weight, contribution) of query term @p term in hit @p index. */
static PyObject *shzpy_make_explanation(const shz_results *results, size_t index, size_t term)
{
    const char *text = NULL;
    size_t len = 0;
    shz_field field = 0;
    unsigned how = 0;
    double weight = 0.0, contribution = 0.0;
    shz_status st = shz_results_term(results, term, &text, &len);
    if (st == SHZ_OK)
        st = shz_results_explain(results, index, term, &field, &how, &weight, &contribution);
    if (st != SHZ_OK) {
        shzpy_raise(st);
        return NULL;
    }
    if (how >= SHZPY_EXPLAIN_HOWS) {
        PyErr_Format(PyExc_RuntimeError, "explain: unknown kind of match %u", how);
        return NULL;
    }
    PyObject *item = PyStructSequence_New(shzpy_explanation_type);
    if (!item)
        return NULL;
    PyObject *name = field ? shzpy_field_name(field) : Py_None;
    Py_INCREF(name);
    Py_INCREF(shzpy_explain_hows[how]);
    PyStructSequence_SET_ITEM(item, 0, PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict"));
    PyStructSequence_SET_ITEM(item, 1, name);
    PyStructSequence_SET_ITEM(item, 2, shzpy_explain_hows[how]);
    PyStructSequence_SET_ITEM(item, 3, PyFloat_FromDouble(weight));
    PyStructSequence_SET_ITEM(item, 4, PyFloat_FromDouble(contribution));
    for (Py_ssize_t i = 0; i < 5; i++) {
        if (!PyStructSequence_GET_ITEM(item, i)) {
            Py_DECREF(item);
            return NULL;
        }
    }
    return item;
}

/* The tuple of the hit's Explanations, read once from the C results (an unpickled hit has
 * the one its pickle kept). */
static PyObject *shzpy_hit_explanation(shzpy_hit *hit)
{
    if (hit->explanation) {
        Py_INCREF(hit->explanation);
        return hit->explanation;
    }
    if (!hit->results) {
        PyErr_SetString(PyExc_AttributeError,
                        "explain: not kept by this pickle (a hit pickled by 1.2.0 or older)");
        return NULL;
    }
    size_t count = shz_results_term_count(hit->results);
    PyObject *items = PyTuple_New((Py_ssize_t)count);
    for (size_t t = 0; items && t < count; t++) {
        PyObject *item = shzpy_make_explanation(hit->results, hit->index, t);
        if (!item)
            Py_CLEAR(items);
        else
            PyTuple_SET_ITEM(items, (Py_ssize_t)t, item);
    }
    return shzpy_keep(&hit->explanation, items);
}

/* Hit.explain(): a new list of the hit's Explanations, in the order of the query's terms. */
static PyObject *shzpy_hit_explain(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *items = shzpy_hit_explanation((shzpy_hit *)self);
    PyObject *list = items ? PySequence_List(items) : NULL;
    Py_XDECREF(items);
    return list;
}

static PyObject *shzpy_hit_relevance(shzpy_hit *hit, void *closure)
{
    (void)closure;
    return PyFloat_FromDouble(hit->relevance);
}

static PyObject *shzpy_hit_score(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (!hit->score) {
        hit->score = PyLong_FromLongLong((long long)shz_results_score(hit->results, hit->index));
        if (!hit->score)
            return NULL;
    }
    Py_INCREF(hit->score);
    return hit->score;
}

static PyObject *shzpy_hit_snippet(shzpy_hit *hit, void *closure)
{
    (void)closure;
    if (!hit->snippet) {
        const char *text = NULL;
        size_t len = 0;
        shz_status st = shz_results_snippet(shzpy_hit_results(hit), hit->index, &text, &len);
        if (st != SHZ_OK) {
            shzpy_raise(st);
            return NULL;
        }
        hit->snippet = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict");
        if (!hit->snippet)
            return NULL;
    }
    Py_INCREF(hit->snippet);
    return hit->snippet;
}

static void shzpy_hit_dealloc(shzpy_hit *hit)
{
    Py_XDECREF(hit->owner);
    Py_XDECREF(hit->measure);
    Py_XDECREF(hit->score);
    Py_XDECREF(hit->field);
    Py_XDECREF(hit->spans);
    Py_XDECREF(hit->snippet);
    Py_XDECREF(hit->match);
    Py_XDECREF(hit->origin);
    Py_XDECREF(hit->kinds);
    Py_XDECREF(hit->terms);
    Py_XDECREF(hit->explanation);
    PyObject_Free(hit);
}

static PyObject *shzpy_hit_repr(shzpy_hit *hit)
{
    PyObject *measure = shzpy_hit_measure(hit, NULL);
    PyObject *score = measure ? shzpy_hit_score(hit, NULL) : NULL;
    PyObject *field = score ? shzpy_hit_field(hit, NULL) : NULL;
    PyObject *repr =
        field ? PyUnicode_FromFormat("Hit(measure=%R, score=%S, field=%R)", measure, score, field)
              : NULL;
    Py_XDECREF(measure);
    Py_XDECREF(score);
    Py_XDECREF(field);
    return repr;
}

/* Hit._repr_html_: the package's function (registered by _configure) renders it. */
static PyObject *shzpy_hit_repr_html(PyObject *hit, PyObject *unused)
{
    (void)unused;
    if (!shzpy_hit_html) {
        PyErr_SetString(PyExc_RuntimeError, "shenzhen._shenzhen_c used before _configure()");
        return NULL;
    }
    return PyObject_CallOneArg(shzpy_hit_html, hit);
}

/* Hit.__reduce__: like a Measure, a hit pickles as plain values (the measure
 * by its id), and unpickles through the package's restore function. */
static PyObject *shzpy_hit_reduce(shzpy_hit *hit, PyObject *unused)
{
    (void)unused;
    if (!shzpy_hit_restore) {
        PyErr_SetString(PyExc_RuntimeError, "shenzhen._shenzhen_c used before _configure()");
        return NULL;
    }
    PyObject *measure = shzpy_hit_measure(hit, NULL);
    PyObject *score = measure ? shzpy_hit_score(hit, NULL) : NULL;
    PyObject *field = score ? shzpy_hit_field(hit, NULL) : NULL;
    PyObject *spans = field ? shzpy_hit_spans(hit, NULL) : NULL;
    PyObject *snippet = spans ? shzpy_hit_snippet(hit, NULL) : NULL;
    PyObject *match = snippet ? shzpy_hit_snippet_match(hit, NULL) : NULL;
    PyObject *terms = match ? shzpy_hit_terms(hit, NULL) : NULL;
    PyObject *origin = terms ? shzpy_hit_snippet_origin(hit, NULL) : NULL;
    PyObject *explanation = origin ? shzpy_hit_explanation(hit) : NULL;
    PyObject *result = NULL;
    if (explanation)
        result = Py_BuildValue("O(OOOOOOIOOdO)", shzpy_hit_restore, measure, score, field, spans,
                               snippet, match, shzpy_hit_flags(hit), terms, origin, hit->relevance,
                               explanation);
    Py_XDECREF(explanation);
    Py_XDECREF(origin);
    Py_XDECREF(measure);
    Py_XDECREF(score);
    Py_XDECREF(field);
    Py_XDECREF(spans);
    Py_XDECREF(snippet);
    Py_XDECREF(match);
    Py_XDECREF(terms);
    return result;
}

static PyMethodDef shzpy_hit_methods[] = {
    {"_repr_html_", shzpy_hit_repr_html, METH_NOARGS,
     "HTML for notebooks: the measure, score and field, and the snippet with the match marked."},
    {"__reduce__", (PyCFunction)(void (*)(void))shzpy_hit_reduce, METH_NOARGS,
     "Pickling support: a hit pickles as its values."},
    {"explain", shzpy_hit_explain, METH_NOARGS,
     "explain() -> list[Explanation]\n\n"
     "Why the hit has its relevance, term by term: one Explanation(term, field, how, weight,\n"
     "contribution) per query term, in the order of Results.terms. ``field`` is the field the\n"
     "term is best held in (None when the hit does not hold it); ``how`` is 'exact', 'stem'\n"
     "(held through its English stem), 'tolerant' (through a typo, a homophone or the thesaurus)\n"
     "or 'none';\n"
     "``weight`` is the term's share of the query's weight (the weights add up to 1, or for a "
     "long query to at most 1/0.6);\n"
     "``contribution`` is the weight times how firmly the hit holds the term. The\n"
     "contributions add up to ``relevance`` (to within 1/65535). A hit unpickled from 1.2.0\n"
     "or older has no explanation: AttributeError."},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef shzpy_hit_getset[] = {
    {"measure", (getter)shzpy_hit_measure, (setter)shzpy_hit_readonly, "The Measure that matched.",
     NULL},
    {"relevance", (getter)shzpy_hit_relevance, (setter)shzpy_hit_readonly,
     "Relevance in [0, 1]: the share of the query's weight the hit holds (shenzhen-search(7)); "
     "hits come in its order. NaN for a hit unpickled from 1.1.",
     NULL},
    {"score", (getter)shzpy_hit_score, (setter)shzpy_hit_readonly, "Rank score, higher is better.",
     NULL},
    {"field", (getter)shzpy_hit_field, (setter)shzpy_hit_readonly,
     "Name of the best field matched, one of shenzhen.FIELDS.", NULL},
    {"spans", (getter)shzpy_hit_spans, NULL,
     "Tuple of Span(field, lang, start, end): character offsets into the text "
     "measure.text(field, lang), so that text[start:end] is the match.",
     NULL},
    {"snippet", (getter)shzpy_hit_snippet, NULL, "Text around the first match.", NULL},
    {"match", (getter)shzpy_hit_kinds, NULL,
     "How the hit matched: a frozenset of shenzhen.MATCH_FLAGS names ('all_terms': every query "
     "term matched; 'tolerant': some term only through typo, homophone or thesaurus tolerance; "
     "'related': it does not match the query, it is one of the measures closely related to the "
     "first hit, listed after the matches).",
     NULL},
    {"terms", (getter)shzpy_hit_terms, NULL,
     "The query terms (as Results.terms has them) this hit matched, in query order: "
     "term -> 'exact' or 'tolerant'.",
     NULL},
    {"snippet_match", (getter)shzpy_hit_snippet_match, NULL,
     "(start, end): character offsets of the first match inside snippet, for highlighting.", NULL},
    {"snippet_origin", (getter)shzpy_hit_snippet_origin, NULL,
     "(field, lang, start): the snippet is cut from measure.text(field, lang) (the aliases: "
     "keywords and aliases joined by '; '), its text (after a leading '…') starting at "
     "character start.",
     NULL},
    {NULL, NULL, NULL, NULL, NULL}};

/* A static type rather than PyType_FromSpec: its slots table would need
 * function-to-object pointer casts, which ISO C does not allow. */
/* clang-format off: the head macro ends in a comma clang-format cannot see */
static PyTypeObject shzpy_hit_type_object = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "shenzhen.Hit",
    .tp_basicsize = sizeof(shzpy_hit),
    .tp_dealloc = (destructor)shzpy_hit_dealloc,
    .tp_repr = (reprfunc)shzpy_hit_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One search hit: measure, score, relevance, field, spans and snippet; explain() "
              "says why it has its relevance.",
    .tp_getset = shzpy_hit_getset,
    .tp_methods = shzpy_hit_methods,
};
/* clang-format on */

static PyStructSequence_Field shzpy_span_fields[] = {
    {"field", "Name of the field the match lies in."},
    {"lang", "Language of the text the offsets refer to (see Measure.text)."},
    {"start", "Offset of the first character of the match."},
    {"end", "Offset just past the match (exclusive)."},
    {NULL, NULL}};

static PyStructSequence_Desc shzpy_span_desc = {
    "shenzhen.Span",
    "Where a match lies: measure.text(field, lang)[start:end] is the matched text.",
    shzpy_span_fields, 4};

static PyStructSequence_Field shzpy_explanation_fields[] = {
    {"term", "The query term, as Results.terms has it."},
    {"field", "Name of the field the term is best held in; None when the hit does not hold it."},
    {"how", "How the hit holds the term: 'exact', 'stem', 'tolerant' or 'none'."},
    {"weight", "The term's share of the query's weight, in [0, 1]; the weights add up to 1 "
               "(for a long query to at most 1/0.6: shenzhen-search(7))."},
    {"contribution", "The term's part of the relevance: its weight times how firmly the hit "
                     "holds it; the contributions add up to Hit.relevance."},
    {NULL, NULL}};

static PyStructSequence_Desc shzpy_explanation_desc = {
    "shenzhen.Explanation", "How one query term counts in a hit's relevance (Hit.explain()).",
    shzpy_explanation_fields, 5};

static void shzpy_results_free(PyObject *capsule)
{
    shz_results_free((shz_results *)PyCapsule_GetPointer(capsule, "shz_results"));
}

/* ---- Module functions ---------------------------------------------------- */

static PyObject *shzpy_configure(PyObject *self, PyObject *args)
{
    PyObject *errors, *builder, *html, *restore, *match_names, *field_bits, *modes, *field_mask,
        *bad_mode, *topic_mask;
    PyTypeObject *results_type;
    PyObject *slots[SHZPY_RESULTS_SLOTS] = {NULL, NULL, NULL};
    (void)self;
    if (!PyArg_ParseTuple(args, "O!OOOO!O!O!O!OOO:_configure", &PyTuple_Type, &errors, &builder,
                          &html, &restore, &PyTuple_Type, &match_names, &PyType_Type, &results_type,
                          &PyDict_Type, &field_bits, &PyDict_Type, &modes, &field_mask, &bad_mode,
                          &topic_mask))
        return NULL;
    if (!PyType_IsSubtype(results_type, &PyList_Type)) {
        PyErr_SetString(PyExc_TypeError, "_configure: Results must be a list subclass");
        return NULL;
    }
    for (size_t i = 0; i < SHZPY_RESULTS_SLOTS; i++) {
        slots[i] = PyObject_GetAttrString((PyObject *)results_type, shzpy_results_slot_names[i]);
        if (slots[i] && !Py_TYPE(slots[i])->tp_descr_set)
            PyErr_Format(PyExc_TypeError, "_configure: Results.%s must be a slot",
                         shzpy_results_slot_names[i]);
        if (PyErr_Occurred()) {
            for (size_t j = 0; j <= i; j++)
                Py_XDECREF(slots[j]);
            return NULL;
        }
    }
    for (size_t i = 0; i < SHZPY_RESULTS_SLOTS; i++)
        Py_XSETREF(shzpy_results_slots[i], slots[i]);
    PyObject **state[] = {&shzpy_match_names, &shzpy_errors,       &shzpy_builder,
                          &shzpy_hit_html,    &shzpy_hit_restore,  &shzpy_field_bits,
                          &shzpy_modes,       &shzpy_field_mask,   &shzpy_bad_mode,
                          &shzpy_topic_mask,  &shzpy_results_class};
    PyObject *values[] = {match_names,
                          errors,
                          builder,
                          html,
                          restore,
                          field_bits,
                          modes,
                          field_mask,
                          bad_mode,
                          topic_mask,
                          (PyObject *)results_type};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        Py_INCREF(values[i]);
        Py_XSETREF(*state[i], values[i]);
    }
    Py_CLEAR(shzpy_measures);
    Py_RETURN_NONE;
}

static PyObject *shzpy_get(PyObject *self, PyObject *arg)
{
    long long id;
    int overflow = 0;
    (void)self;
    if (PyLong_CheckExact(arg)) {
        id = PyLong_AsLongLongAndOverflow(arg, &overflow);
    } else if (!PyBool_Check(arg) && PyIndex_Check(arg)) {
        PyObject *index = PyNumber_Index(arg); /* numpy integers and the like */
        if (!index)
            return NULL;
        id = PyLong_AsLongLongAndOverflow(index, &overflow);
        Py_DECREF(index);
    } else {
        return PyErr_Format(PyExc_TypeError, "measure id must be int, not %.100s",
                            Py_TYPE(arg)->tp_name);
    }
    if (id == -1 && PyErr_Occurred())
        return NULL;
    PyObject *cache = shzpy_cache();
    if (!cache)
        return NULL;
    if (overflow || id < 1 || id > (long long)PyTuple_GET_SIZE(cache)) {
        PyObject *message = PyUnicode_FromFormat("no measure has id %S", arg);
        if (message) {
            shzpy_raise_msg(SHZ_ERR_NOT_FOUND, PyUnicode_AsUTF8(message));
            Py_DECREF(message);
        }
        return NULL;
    }
    PyObject *measure = PyTuple_GET_ITEM(cache, (Py_ssize_t)(id - 1));
    Py_INCREF(measure);
    return measure;
}

static PyObject *shzpy_measures_tuple(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyObject *cache = shzpy_cache();
    Py_XINCREF(cache);
    return cache;
}

/* _hit(measure, score, field, spans, snippet, snippet_match, flags, terms[, snippet_origin[,
 * relevance[, explanation]]]): a Hit from its values, as Hit.__reduce__ gives them; it holds no C
 * results. (A pickle of 1.1 has no snippet_origin and no relevance, one of 1.2.0 no
 * explanation.) */
static PyObject *shzpy_hit_new(PyObject *self, PyObject *args)
{
    PyObject *measure, *score, *field, *spans, *snippet, *match, *terms, *origin = NULL,
                                                                         *explanation = NULL;
    unsigned flags = 0;
    double relevance = Py_NAN;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO!UO!UO!IO!|O!dO!:_hit", &measure, &PyLong_Type, &score, &field,
                          &PyTuple_Type, &spans, &snippet, &PyTuple_Type, &match, &flags,
                          &PyDict_Type, &terms, &PyTuple_Type, &origin, &relevance, &PyTuple_Type,
                          &explanation))
        return NULL;
    for (Py_ssize_t i = 0; explanation && i < PyTuple_GET_SIZE(explanation); i++) {
        if (!PyObject_TypeCheck(PyTuple_GET_ITEM(explanation, i), shzpy_explanation_type)) {
            PyErr_SetString(PyExc_ValueError, "_hit: not the values of a Hit");
            return NULL;
        }
    }
    PyObject *cache = shzpy_cache();
    if (!cache)
        return NULL;
    int known = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(cache) && !known; i++)
        known = PyTuple_GET_ITEM(cache, i) == measure;
    if (!known || PyTuple_GET_SIZE(match) != 2) {
        PyErr_SetString(PyExc_ValueError, "_hit: not the values of a Hit");
        return NULL;
    }
    shzpy_hit *hit = PyObject_New(shzpy_hit, shzpy_hit_type);
    if (!hit)
        return NULL;
    PyObject **slots[] = {&hit->measure, &hit->score, &hit->field, &hit->spans,
                          &hit->snippet, &hit->match, &hit->terms};
    PyObject *values[] = {measure, score, field, spans, snippet, match, terms};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        Py_INCREF(values[i]);
        *slots[i] = values[i];
    }
    Py_XINCREF(origin);
    hit->origin = origin;
    Py_XINCREF(explanation);
    hit->explanation = explanation;
    hit->owner = NULL;
    hit->results = NULL;
    hit->kinds = NULL;
    hit->flags = flags;
    hit->relevance = relevance;
    hit->index = 0;
    return (PyObject *)hit;
}

/* ---- search ---------------------------------------------------------------- */

/* options->min_relevance from a Python number in [0, 1] (bool is refused, as for limit). */
static int shzpy_min_relevance(PyObject *arg, shz_search_options *options)
{
    if (PyBool_Check(arg) || !(PyFloat_Check(arg) || PyLong_Check(arg))) {
        PyErr_Format(PyExc_TypeError, "min_relevance must be a number, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    double value = PyFloat_AsDouble(arg);
    if (value == -1.0 && PyErr_Occurred())
        return -1;
    if (!(value >= 0.0 && value <= 1.0)) {
        PyErr_Format(PyExc_ValueError, "min_relevance must be in [0, 1], not %R", arg);
        return -1;
    }
    options->min_relevance = value;
    return 0;
}

/* options->limit from a Python limit: None or an int >= 0 (0: no limit). */
static int shzpy_limit(PyObject *arg, shz_search_options *options)
{
    if (arg == Py_None)
        return 0;
    if (!PyLong_Check(arg) || PyBool_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "limit must be int or None, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    int overflow = 0;
    long long limit = PyLong_AsLongLongAndOverflow(arg, &overflow);
    if (limit == -1 && !overflow && PyErr_Occurred())
        return -1;
    if (overflow < 0 || (!overflow && limit < 0)) {
        shzpy_raise_msg(SHZ_ERR_BAD_OPTIONS, "limit must not be negative");
        return -1;
    }
    /* As in C, 0 means no limit; so does a limit past what size_t holds. */
    options->limit = overflow || (unsigned long long)limit > SIZE_MAX ? 0 : (size_t)limit;
    return 0;
}

/* Runs the search for @p query with @p options, the language named by @p lang
 * (NULL: options->lang as it is). Returns a new capsule owning the results,
 * *out, or NULL with an exception set. */
static PyObject *shzpy_run(PyObject *query, PyObject *lang, shz_search_options *options,
                           const shz_results **out)
{
    const char *text, *lang_name;
    size_t text_len = 0, lang_len = 0;
    PyObject *keep = NULL, *lang_keep = NULL, *owner = NULL;
    shz_results *results = NULL;
    shz_status st = SHZ_OK;

    if (shzpy_utf8(query, "query", &text, &text_len, &keep) < 0)
        return NULL;
    if (lang) {
        if (shzpy_utf8(lang, "lang", &lang_name, &lang_len, &lang_keep) < 0)
            goto done;
        st = shz_lang_parse(lang_name, lang_len, &options->lang);
        if (st != SHZ_OK) {
            shzpy_raise_lang(st, "unknown language %R (see shenzhen.LANGUAGES)", lang);
            goto done;
        }
    }
    st = shz_search(text, text_len, options, &results);
    if (st == SHZ_ERR_BAD_LANG && lang) {
        shzpy_raise_lang(st, "search does not take lang %R", lang);
        goto done;
    }
    if (st != SHZ_OK) {
        shzpy_raise(st);
        goto done;
    }
    if (!shzpy_cache()) { /* the hits' measures, built now as they always were */
        shz_results_free(results);
        goto done;
    }
    owner = PyCapsule_New(results, "shz_results", shzpy_results_free);
    if (owner)
        *out = results;
    else
        shz_results_free(results);
done:
    Py_XDECREF(keep);
    Py_XDECREF(lang_keep);
    return owner;
}

/* Hit @p index of @p results (which @p owner holds): its values are read
 * when asked for (see shzpy_hit). */
static PyObject *shzpy_make_hit(const shz_results *results, PyObject *owner, size_t index)
{
    shzpy_hit *hit = PyObject_New(shzpy_hit, shzpy_hit_type);
    if (!hit)
        return NULL;
    Py_INCREF(owner);
    hit->owner = owner;
    hit->results = results;
    hit->measure = hit->score = hit->field = NULL;
    hit->spans = hit->snippet = hit->match = hit->origin = hit->kinds = hit->terms = NULL;
    hit->explanation = NULL;
    hit->flags = 0;
    hit->relevance = shz_results_relevance(results, index);
    hit->index = index;
    return (PyObject *)hit;
}

/* A new list (or, @p tuple, tuple) of the hits of @p results (which @p owner
 * holds), best first. */
static PyObject *shzpy_hits(const shz_results *results, PyObject *owner, int tuple)
{
    size_t count = shz_results_count(results);
    PyObject *seq = tuple ? PyTuple_New((Py_ssize_t)count) : PyList_New((Py_ssize_t)count);
    for (size_t i = 0; seq && i < count; i++) {
        PyObject *hit = shzpy_make_hit(results, owner, i);
        if (!hit)
            Py_CLEAR(seq);
        else if (tuple)
            PyTuple_SET_ITEM(seq, (Py_ssize_t)i, hit);
        else
            PyList_SET_ITEM(seq, (Py_ssize_t)i, hit);
    }
    return seq;
}

/* _search(query, limit, lang, mask, mode) -> (list of Hit, results capsule):
 * the search with its options as the C struct holds them. */
static PyObject *shzpy_search_raw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    shz_search_options options = SHZ_SEARCH_OPTIONS_INIT;
    (void)self;

    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError,
                        "_search(query, limit, lang, fields, mode) takes 5 arguments");
        return NULL;
    }
    if (shzpy_limit(args[1], &options) < 0)
        return NULL;
    unsigned long mask = PyLong_AsUnsignedLong(args[3]);
    if (mask == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    options.fields = (unsigned)mask;
    unsigned long mode = PyLong_AsUnsignedLong(args[4]);
    if (mode == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    options.mode = (unsigned)mode;

    const shz_results *results = NULL;
    PyObject *owner = shzpy_run(args[0], args[2], &options, &results);
    if (!owner)
        return NULL;
    PyObject *list = shzpy_hits(results, owner, 0);
    /* (hits, owner): the package reads the query's terms through owner. */
    PyObject *both = list ? PyTuple_Pack(2, list, owner) : NULL;
    Py_XDECREF(list);
    Py_DECREF(owner);
    return both;
}

/* The bit of @p name, one of the field names as str: found by identity among
 * the interned names (FIELDS holds those, as do literals in code), else by
 * value in the package's dict. 0 when not a field name; -1 on error. */
static long shzpy_field_bit(PyObject *name)
{
    for (Py_ssize_t bit = 0; bit < PyTuple_GET_SIZE(shzpy_field_names); bit++)
        if (name == PyTuple_GET_ITEM(shzpy_field_names, bit))
            return 1L << bit;
    PyObject *value = PyDict_GetItemWithError(shzpy_field_bits, name);
    if (!value)
        return PyErr_Occurred() ? -1 : 0;
    long bit = PyLong_Check(value) ? PyLong_AsLong(value) : 0;
    return bit == -1 && PyErr_Occurred() ? -1 : bit;
}

/* The unsigned int that value (a new reference, or NULL with an exception set) holds, stored in
 * *out; the reference is released. -1 with the exception set on failure. */
static int shzpy_take_unsigned(PyObject *value, unsigned *out)
{
    if (!value)
        return -1;
    unsigned long bits = PyLong_AsUnsignedLong(value);
    Py_DECREF(value);
    if (bits == (unsigned long)-1 && PyErr_Occurred())
        return -1;
    *out = (unsigned)bits;
    return 0;
}

/* The field mask of search()'s fields argument. The common cases (a name, a
 * list or tuple of names) are looked up here; anything else, and every error,
 * goes to the package's _field_mask, which has the rules and the messages. */
static int shzpy_fields(PyObject *fields, unsigned *mask)
{
    *mask = 0;
    if (fields == Py_None)
        return 0;
    PyObject *one = fields;
    PyObject *const *items = &one;
    Py_ssize_t count = 1;
    if (PyList_CheckExact(fields) || PyTuple_CheckExact(fields)) {
        items = PySequence_Fast_ITEMS(fields);
        count = PySequence_Fast_GET_SIZE(fields);
    } else if (!PyUnicode_CheckExact(fields)) {
        count = 0; /* to the package */
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        long bit = PyUnicode_CheckExact(items[i]) ? shzpy_field_bit(items[i]) : 0;
        if (bit < 0)
            return -1;
        if (bit <= 0 || (unsigned long)bit > UINT_MAX) {
            count = 0;
            break;
        }
        *mask |= (unsigned)bit;
    }
    if (count && *mask)
        return 0;
    return shzpy_take_unsigned(PyObject_CallOneArg(shzpy_field_mask, fields), mask);
}

/* The code of search()'s mode argument: a name in SEARCH_MODES; the
 * package's _bad_mode raises the error for anything else. */
static int shzpy_mode(PyObject *mode, unsigned *code)
{
    PyObject *value =
        PyUnicode_CheckExact(mode) ? PyDict_GetItemWithError(shzpy_modes, mode) : NULL;
    if (value) {
        Py_INCREF(value);
    } else {
        if (PyErr_Occurred())
            return -1;
        value = PyObject_CallOneArg(shzpy_bad_mode, mode);
        if (!value)
            return -1;
    }
    return shzpy_take_unsigned(value, code);
}

/* options->topics from search()'s topics argument, through the package's _topic_mask, which
 * has the rules (keys, Topic objects) and the messages. */
static int shzpy_topics(PyObject *topics, shz_search_options *options)
{
    PyObject *value = PyObject_CallOneArg(shzpy_topic_mask, topics);
    if (!value)
        return -1;
    unsigned long long mask = PyLong_AsUnsignedLongLong(value);
    Py_DECREF(value);
    if (mask == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    options->topics = (uint64_t)mask;
    return 0;
}

/* options->flags from search()'s related argument: True (the default) lists the best match's
 * closely related measures after the matches, False only the matches. Only a bool is taken, as
 * min_relevance takes no bool: a None or a "no" read for its truth would quietly pick one. */
static int shzpy_related(PyObject *related, shz_search_options *options)
{
    if (!PyBool_Check(related)) {
        PyErr_Format(PyExc_TypeError, "related must be bool, not %.100s",
                     Py_TYPE(related)->tp_name);
        return -1;
    }
    if (related == Py_False)
        options->flags |= SHZ_ONLY_MATCHES;
    return 0;
}

/* A Results (the package's list subclass, registered by _configure) holding
 * the hits of @p results (which @p owner holds) for @p query: built here,
 * without the Python-level __init__. */
static PyObject *shzpy_results_new(const shz_results *results, PyObject *owner, PyObject *query)
{
    PyTypeObject *type = (PyTypeObject *)shzpy_results_class;
    PyObject *list = type->tp_alloc(type, 0);
    if (!list)
        return NULL;
    PyObject *values[SHZPY_RESULTS_SLOTS] = {query, Py_None, owner};
    for (size_t i = 0; i < SHZPY_RESULTS_SLOTS; i++) {
        PyObject *slot = shzpy_results_slots[i];
        if (Py_TYPE(slot)->tp_descr_set(slot, list, values[i]) < 0)
            goto fail;
    }
    if (shz_results_count(results)) {
        PyObject *hits = shzpy_hits(results, owner, 1);
        if (!hits)
            goto fail;
        int st = PyList_SetSlice(list, 0, 0, hits);
        Py_DECREF(hits);
        if (st < 0)
            goto fail;
    }
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

/* search(query, *, limit=None, lang="zh-Hans", fields=None, mode="best", min_relevance=…,
 * topics=None, related=True): the package's search, arguments parsed here as Python would parse
 * them. */
static PyObject *shzpy_search(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    /* query, limit, lang, fields, mode, min_relevance, topics, related: as given, or NULL for
     * the default */
    PyObject *arg[SHZPY_SEARCH_ARGS] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    shz_search_options options = SHZ_SEARCH_OPTIONS_INIT;
    (void)self;

    if (!shzpy_results_class) {
        PyErr_SetString(PyExc_RuntimeError, "shenzhen._shenzhen_c used before _configure()");
        return NULL;
    }
    if (nargs > 1)
        return PyErr_Format(PyExc_TypeError,
                            "search() takes 1 positional argument but %zd were given", nargs);
    if (nargs == 1)
        arg[0] = args[0];
    Py_ssize_t kwcount = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < kwcount; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        size_t which = 0;
        while (which < SHZPY_SEARCH_ARGS && name != shzpy_search_kw[which])
            which++;
        if (which == SHZPY_SEARCH_ARGS) { /* a name not interned: compared by value */
            for (which = 0; which < SHZPY_SEARCH_ARGS; which++) {
                int equal = PyObject_RichCompareBool(name, shzpy_search_kw[which], Py_EQ);
                if (equal < 0)
                    return NULL;
                if (equal)
                    break;
            }
        }
        if (which == SHZPY_SEARCH_ARGS)
            return PyErr_Format(PyExc_TypeError, "search() got an unexpected keyword argument '%S'",
                                name);
        if (arg[which])
            return PyErr_Format(PyExc_TypeError, "search() got multiple values for argument '%S'",
                                name);
        arg[which] = args[nargs + k];
    }
    if (!arg[0]) {
        PyErr_SetString(PyExc_TypeError,
                        "search() missing 1 required positional argument: 'query'");
        return NULL;
    }

    /* In the order the checks always ran: fields, mode, limit, query, lang. */
    if (arg[3] && shzpy_fields(arg[3], &options.fields) < 0)
        return NULL;
    if (arg[4] && shzpy_mode(arg[4], &options.mode) < 0)
        return NULL;
    if (arg[1] && shzpy_limit(arg[1], &options) < 0)
        return NULL;
    if (arg[5] && shzpy_min_relevance(arg[5], &options) < 0)
        return NULL;
    if (arg[6] && arg[6] != Py_None && shzpy_topics(arg[6], &options) < 0)
        return NULL;
    if (arg[7] && shzpy_related(arg[7], &options) < 0)
        return NULL;
    const shz_results *results = NULL;
    PyObject *owner = shzpy_run(arg[0], arg[2], &options, &results);
    if (!owner)
        return NULL;
    PyObject *list = shzpy_results_new(results, owner, arg[0]);
    Py_DECREF(owner);
    return list;
}

/* _terms(owner) -> {term: measures}: the query's terms as the search analysed
 * them, in order, each with the number of measures that hold it (0: it
 * matched nothing). */
static PyObject *shzpy_terms(PyObject *self, PyObject *owner)
{
    (void)self;
    const shz_results *results = PyCapsule_GetPointer(owner, "shz_results");
    if (!results)
        return NULL;
    PyObject *terms = PyDict_New();
    for (size_t t = 0; terms && t < shz_results_term_count(results); t++) {
        const char *text = NULL;
        size_t len = 0;
        shz_status st = shz_results_term(results, t, &text, &len);
        if (st != SHZ_OK) {
            Py_CLEAR(terms);
            shzpy_raise(st);
            break;
        }
        PyObject *key = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict");
        PyObject *value = key ? PyLong_FromSize_t(shz_results_term_measures(results, t)) : NULL;
        if (!value || PyDict_SetItem(terms, key, value) < 0)
            Py_CLEAR(terms);
        Py_XDECREF(key);
        Py_XDECREF(value);
    }
    return terms;
}

static PyMethodDef shzpy_methods[] = {
    {"_configure", shzpy_configure, METH_VARARGS,
     "_configure(errors, builder, hit_html, hit_restore, match_names, Results, field_bits, "
     "modes, field_mask, bad_mode, topic_mask): exception classes by status, the Measure "
     "builder, Hit._repr_html_, the function Hit.__reduce__ names, the names of the match "
     "flags, and what search() builds and reads its arguments with."},
    {"_hit", shzpy_hit_new, METH_VARARGS,
     "_hit(measure, score, field, spans, snippet, snippet_match, flags, terms[, snippet_origin[, "
     "relevance[, explanation]]]) -> Hit (unpickling)."},
    {"get", shzpy_get, METH_O,
     "get(id) -> Measure\n\nThe measure with that id (1 to the number of measures). Raises "
     "NotFoundError (a LookupError) for any other int and TypeError for a non-int."},
    {"_measures", shzpy_measures_tuple, METH_NOARGS, "_measures() -> tuple of every Measure"},
    {"_search", (PyCFunction)(void (*)(void))shzpy_search_raw, METH_FASTCALL,
     "_search(query, limit, lang, fields, mode) -> (list[Hit], results capsule)"},
    {"search", (PyCFunction)(void (*)(void))shzpy_search, METH_FASTCALL | METH_KEYWORDS,
     SHZPY_SEARCH_SIGNATURE
     "Searches the catalogue; returns the Results, a list of Hit, best first.\n\n"
     "``mode`` (one of ``shenzhen.SEARCH_MODES``): \"best\", the default, ranks\n"
     "measures by how well they match (BM25F) and lets a measure match only\n"
     "some of the terms, those matching every term first (``hit.match`` says\n"
     "which); \"all_terms\" keeps 1.0's rule: ``query`` is whitespace-separated\n"
     "terms (a \"quoted phrase\" is one term), and a measure matches when every\n"
     "term occurs in one of the searched fields. Script (Simplified/Traditional),\n"
     "width, Latin case and punctuation are ignored. ``Results.terms`` gives the\n"
     "query's terms as analysed, and which matched nothing. ``lang`` (\"zh-Hans\"\n"
     "or \"zh-Hant\") is the language the spans and snippets refer to; ``fields``\n"
     "limits the search to some of ``shenzhen.FIELDS`` (a name or an iterable\n"
     "of names); ``limit`` caps the number of hits (None or 0: no limit, as in C);\n"
     "``min_relevance`` (in [0, 1]) is the least ``Hit.relevance`` a best-match hit\n"
     "must have (default: the precision rule's threshold); ``topics`` keeps only the\n"
     "measures that carry one of the topics given: a topic's key (\"healthcare\"), a\n"
     "``Topic``, or an iterable of them (None: no filter). ``Hit.explain()`` says why\n"
     "each hit has its relevance.\n\n"
     "In best-match mode the measures closely related to the best match (grade 2 in\n"
     "``measure.related`` of the first hit) that do not match the query follow the\n"
     "matches: their ``Hit.match`` holds \"related\" and their relevance, no more than\n"
     "the last match's, is what they hold of the query (often 0). They obey ``topics``\n"
     "and only fill the room ``limit`` leaves. ``related=False`` (a bool) gives the\n"
     "matches alone.\n\n"
     "Raises TypeError for a non-str query or a non-bool related, QueryError (a\n"
     "ValueError) for an empty, too long or malformed query, EncodingError for lone\n"
     "surrogates, LanguageError and OptionsError for bad options (an unknown topic key\n"
     "too)."},
    {"_terms", shzpy_terms, METH_O, "_terms(results capsule) -> {term: measures}"},
    {NULL, NULL, 0, NULL}};

int shzpy_init(PyObject *module)
{
    for (size_t i = 0; i < SHZPY_SEARCH_ARGS; i++) {
        if (!shzpy_search_kw[i]) {
            shzpy_search_kw[i] = PyUnicode_InternFromString(shzpy_search_kw_names[i]);
            if (!shzpy_search_kw[i])
                return -1;
        }
    }
    if (!shzpy_exact) {
        shzpy_exact = PyUnicode_InternFromString("exact");
        shzpy_tolerant = PyUnicode_InternFromString("tolerant");
        if (!shzpy_exact || !shzpy_tolerant)
            return -1;
    }
    if (!shzpy_field_names) {
        shzpy_field_names = shzpy_make_field_names();
        if (!shzpy_field_names)
            return -1;
    }
    for (size_t i = 0; i < SHZPY_EXPLAIN_HOWS; i++) {
        if (!shzpy_explain_hows[i]) {
            shzpy_explain_hows[i] = PyUnicode_InternFromString(shzpy_explain_how_names[i]);
            if (!shzpy_explain_hows[i])
                return -1;
        }
    }
    shzpy_span_type = PyStructSequence_NewType(&shzpy_span_desc);
    shzpy_explanation_type = PyStructSequence_NewType(&shzpy_explanation_desc);
    shzpy_hit_type = &shzpy_hit_type_object;
    if (!shzpy_span_type || !shzpy_explanation_type || PyType_Ready(shzpy_hit_type) < 0)
        return -1;
    Py_INCREF(shzpy_span_type);
    Py_INCREF(shzpy_explanation_type);
    Py_INCREF(shzpy_hit_type);
    if (PyModule_AddObject(module, "Span", (PyObject *)shzpy_span_type) < 0 ||
        PyModule_AddObject(module, "Explanation", (PyObject *)shzpy_explanation_type) < 0 ||
        PyModule_AddObject(module, "Hit", (PyObject *)shzpy_hit_type) < 0)
        return -1;
    return PyModule_AddFunctions(module, shzpy_methods);
}
