/* shenzhen_python.i — the Python module `shenzhen._shenzhen_c`.
 *
 * The shared interface (../shenzhen.i) gives Python the whole C API as flat
 * functions; the package's __init__.py builds the idioms on top of them. Two
 * calls are hot enough that a Python layer would dominate their cost, so they
 * are written here against the CPython API instead:
 *   get(id)                          -> the cached Measure, no Python frame
 *   search(query, limit, lang, mask) -> list of Hit, spans/snippet built lazily
 */
%module _shenzhen_c

%begin %{
/* Limited to nothing: the module uses the full API of the Python it is built for. */
#define PY_SSIZE_T_CLEAN
%}

%{
#include "shenzhen.h"
#include <structmember.h>
#include <string.h>

/* ---- State registered by the package at import (see _configure) -------- */

static PyObject *shz_py_errors;    /* tuple: status code -> exception class */
static PyObject *shz_py_builder;   /* callable returning the tuple of Measures */
static PyObject *shz_py_measures;  /* that tuple, built on first use */
static PyObject *shz_py_field_names[6]; /* interned "title", "body", … by bit */
static PyTypeObject *shz_py_span_type;
static PyTypeObject *shz_py_hit_type;

/* Raises the package's exception for @p status with @p message (or the
 * library's own sentence when NULL). */
static void shz_py_raise_msg(shz_status status, const char *message) {
    PyObject *cls = NULL;
    if (shz_py_errors && (Py_ssize_t)status < PyTuple_GET_SIZE(shz_py_errors))
        cls = PyTuple_GET_ITEM(shz_py_errors, (Py_ssize_t)status);
    if (!cls || cls == Py_None)
        cls = PyExc_RuntimeError; /* only before the package configured us */
    PyObject *args = Py_BuildValue("(si)", message ? message : shz_errstr(status), (int)status);
    if (args) {
        PyErr_SetObject(cls, args);
        Py_DECREF(args);
    }
}

static void shz_py_raise(shz_status status) { shz_py_raise_msg(status, NULL); }

/* Borrows the UTF-8 of a str. Lone surrogates cannot be UTF-8, so they are
 * passed through as the library would see them from C (invalid sequences) and
 * it answers SHZ_ERR_BAD_UTF8; *keep then owns the bytes. Non-str is a
 * TypeError: bytes are deliberately not accepted, text must be decoded first. */
static int shz_py_utf8(PyObject *obj, const char *what, const char **ptr, size_t *len,
                       PyObject **keep) {
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

static PyObject *shz_py_field_name(shz_field field) {
    for (int bit = 0; bit < 6; bit++)
        if ((unsigned)field == 1u << bit)
            return shz_py_field_names[bit];
    return Py_None;
}

/* The tuple of Measure objects, indexed by id - 1, built once. */
static PyObject *shz_py_cache(void) {
    if (shz_py_measures)
        return shz_py_measures;
    if (!shz_py_builder) {
        PyErr_SetString(PyExc_RuntimeError, "shenzhen._shenzhen_c used before _configure()");
        return NULL;
    }
    PyObject *built = PyObject_CallNoArgs(shz_py_builder);
    if (!built)
        return NULL;
    if (!PyTuple_Check(built) || (size_t)PyTuple_GET_SIZE(built) != shz_measure_count()) {
        Py_DECREF(built);
        PyErr_SetString(PyExc_RuntimeError, "measure builder must return one Measure per id");
        return NULL;
    }
    shz_py_measures = built;
    return built;
}

/* ---- Hit: one search result --------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *owner;   /* capsule that frees the shz_results */
    PyObject *measure;
    PyObject *score;
    PyObject *field;
    PyObject *spans;   /* tuple of Span, built on first access */
    PyObject *snippet; /* str, built on first access */
    size_t index;
} shz_py_hit;

static const shz_results *shz_py_hit_results(shz_py_hit *hit) {
    return (const shz_results *)PyCapsule_GetPointer(hit->owner, "shz_results");
}

/* Code points in the first @p n bytes of UTF-8 @p s. */
static size_t shz_py_chars(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

static PyObject *shz_py_lang_name(shz_lang lang) {
    const char *name = shz_lang_name(lang);
    return name ? PyUnicode_InternFromString(name) : NULL;
}

static PyObject *shz_py_make_span(const shz_results *results, size_t index, size_t which) {
    shz_field field = 0;
    shz_lang lang = SHZ_LANG_ZH_HANS;
    size_t start = 0, end = 0;
    shz_status st = shz_results_span(results, index, which, &field, NULL, NULL, &start, &end);
    if (st == SHZ_OK)
        st = shz_results_span_lang(results, index, which, &lang);
    if (st != SHZ_OK) {
        shz_py_raise(st);
        return NULL;
    }
    PyObject *span = PyStructSequence_New(shz_py_span_type);
    if (!span)
        return NULL;
    PyObject *name = shz_py_field_name(field);
    Py_INCREF(name);
    PyStructSequence_SET_ITEM(span, 0, name);
    PyStructSequence_SET_ITEM(span, 1, shz_py_lang_name(lang));
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

static PyObject *shz_py_hit_spans(shz_py_hit *hit, void *closure) {
    (void)closure;
    if (!hit->spans) {
        const shz_results *results = shz_py_hit_results(hit);
        size_t count = shz_results_span_count(results, hit->index);
        PyObject *spans = PyTuple_New((Py_ssize_t)count);
        if (!spans)
            return NULL;
        for (size_t i = 0; i < count; i++) {
            PyObject *span = shz_py_make_span(results, hit->index, i);
            if (!span) {
                Py_DECREF(spans);
                return NULL;
            }
            PyTuple_SET_ITEM(spans, (Py_ssize_t)i, span);
        }
        hit->spans = spans;
    }
    Py_INCREF(hit->spans);
    return hit->spans;
}

/* (start, end) of the first match inside the snippet, as character offsets. */
static PyObject *shz_py_hit_snippet_match(shz_py_hit *hit, void *closure) {
    const shz_results *results = shz_py_hit_results(hit);
    const char *text = NULL;
    size_t len = 0, start = 0, end = 0;
    shz_status st = shz_results_snippet(results, hit->index, &text, &len);
    (void)closure;
    if (st == SHZ_OK)
        st = shz_results_snippet_match(results, hit->index, &start, &end);
    if (st != SHZ_OK) {
        shz_py_raise(st);
        return NULL;
    }
    if (start > end || end > len) {
        PyErr_SetString(PyExc_RuntimeError, "snippet match lies outside the snippet");
        return NULL;
    }
    size_t char_start = shz_py_chars(text, start);
    return Py_BuildValue("(nn)", (Py_ssize_t)char_start,
                         (Py_ssize_t)(char_start + shz_py_chars(text + start, end - start)));
}

static PyObject *shz_py_hit_snippet(shz_py_hit *hit, void *closure) {
    (void)closure;
    if (!hit->snippet) {
        const char *text = NULL;
        size_t len = 0;
        shz_status st = shz_results_snippet(shz_py_hit_results(hit), hit->index, &text, &len);
        if (st != SHZ_OK) {
            shz_py_raise(st);
            return NULL;
        }
        hit->snippet = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict");
        if (!hit->snippet)
            return NULL;
    }
    Py_INCREF(hit->snippet);
    return hit->snippet;
}

static void shz_py_hit_dealloc(shz_py_hit *hit) {
    Py_XDECREF(hit->owner);
    Py_XDECREF(hit->measure);
    Py_XDECREF(hit->score);
    Py_XDECREF(hit->field);
    Py_XDECREF(hit->spans);
    Py_XDECREF(hit->snippet);
    PyObject_Free(hit);
}

static PyObject *shz_py_hit_repr(shz_py_hit *hit) {
    return PyUnicode_FromFormat("Hit(measure=%R, score=%S, field=%R)", hit->measure, hit->score,
                                hit->field);
}

static PyMemberDef shz_py_hit_members[] = {
    {"measure", T_OBJECT_EX, offsetof(shz_py_hit, measure), READONLY, "The Measure that matched."},
    {"score", T_OBJECT_EX, offsetof(shz_py_hit, score), READONLY, "Rank score, higher is better."},
    {"field", T_OBJECT_EX, offsetof(shz_py_hit, field), READONLY,
     "Name of the best field matched: 'title', 'body', 'summary', 'pinyin' or 'initials'."},
    {NULL, 0, 0, 0, NULL}};

static PyGetSetDef shz_py_hit_getset[] = {
    {"spans", (getter)shz_py_hit_spans, NULL,
     "Tuple of Span(field, lang, start, end): character offsets into the text "
     "measure.text(field, lang), so that text[start:end] is the match.",
     NULL},
    {"snippet", (getter)shz_py_hit_snippet, NULL, "Text around the first match.", NULL},
    {"snippet_match", (getter)shz_py_hit_snippet_match, NULL,
     "(start, end): character offsets of the first match inside snippet, for highlighting.",
     NULL},
    {NULL, NULL, NULL, NULL, NULL}};

/* A static type rather than PyType_FromSpec: its slots table would need
 * function-to-object pointer casts, which ISO C does not allow. */
static PyTypeObject shz_py_hit_type_object = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "shenzhen.Hit",
    .tp_basicsize = sizeof(shz_py_hit),
    .tp_dealloc = (destructor)shz_py_hit_dealloc,
    .tp_repr = (reprfunc)shz_py_hit_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One search hit: measure, score, field, spans and snippet.",
    .tp_members = shz_py_hit_members,
    .tp_getset = shz_py_hit_getset,
};

static PyStructSequence_Field shz_py_span_fields[] = {
    {"field", "Name of the field the match lies in."},
    {"lang", "Language of the text the offsets refer to (see Measure.text)."},
    {"start", "Offset of the first character of the match."},
    {"end", "Offset just past the match (exclusive)."},
    {NULL, NULL}};

static PyStructSequence_Desc shz_py_span_desc = {
    "shenzhen.Span",
    "Where a match lies: measure.text(field, lang)[start:end] is the matched text.",
    shz_py_span_fields, 4};

static void shz_py_results_free(PyObject *capsule) {
    shz_results_free((shz_results *)PyCapsule_GetPointer(capsule, "shz_results"));
}

/* ---- Module functions ---------------------------------------------------- */

static PyObject *shz_py_configure(PyObject *self, PyObject *args) {
    PyObject *errors, *builder;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O:_configure", &PyTuple_Type, &errors, &builder))
        return NULL;
    Py_INCREF(errors);
    Py_XSETREF(shz_py_errors, errors);
    Py_INCREF(builder);
    Py_XSETREF(shz_py_builder, builder);
    Py_CLEAR(shz_py_measures);
    Py_RETURN_NONE;
}

static PyObject *shz_py_get(PyObject *self, PyObject *arg) {
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
    PyObject *cache = shz_py_cache();
    if (!cache)
        return NULL;
    if (overflow || id < 1 || id > (long long)PyTuple_GET_SIZE(cache)) {
        PyObject *message = PyUnicode_FromFormat("no measure has id %S", arg);
        if (message) {
            shz_py_raise_msg(SHZ_ERR_NOT_FOUND, PyUnicode_AsUTF8(message));
            Py_DECREF(message);
        }
        return NULL;
    }
    PyObject *measure = PyTuple_GET_ITEM(cache, (Py_ssize_t)(id - 1));
    Py_INCREF(measure);
    return measure;
}

static PyObject *shz_py_measures_tuple(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *cache = shz_py_cache();
    Py_XINCREF(cache);
    return cache;
}

static PyObject *shz_py_search(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    const char *query, *lang_name;
    size_t query_len = 0, lang_len = 0;
    PyObject *keep = NULL, *lang_keep = NULL, *list = NULL, *owner = NULL;
    shz_search_options options = SHZ_SEARCH_OPTIONS_INIT;
    shz_results *results = NULL;
    shz_status st;
    int want_none = 0;
    (void)self;

    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "_search(query, limit, lang, fields) takes 4 arguments");
        return NULL;
    }
    if (args[1] != Py_None) {
        if (!PyLong_Check(args[1]) || PyBool_Check(args[1]))
            return PyErr_Format(PyExc_TypeError, "limit must be int or None, not %.100s",
                                Py_TYPE(args[1])->tp_name);
        int overflow = 0;
        long long limit = PyLong_AsLongLongAndOverflow(args[1], &overflow);
        if (limit == -1 && !overflow && PyErr_Occurred())
            return NULL;
        if (overflow < 0 || (!overflow && limit < 0)) {
            shz_py_raise_msg(SHZ_ERR_BAD_OPTIONS, "limit must not be negative");
            return NULL;
        }
        /* limit=0 asks for no hits; the library's 0 means "no limit". */
        want_none = !overflow && limit == 0;
        options.limit = overflow || (unsigned long long)limit > SIZE_MAX ? 0 : (size_t)limit;
    }
    unsigned long mask = PyLong_AsUnsignedLong(args[3]);
    if (mask == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    options.fields = (unsigned)mask;

    if (shz_py_utf8(args[0], "query", &query, &query_len, &keep) < 0)
        return NULL;
    if (shz_py_utf8(args[2], "lang", &lang_name, &lang_len, &lang_keep) < 0)
        goto done;
    st = shz_lang_parse(lang_name, lang_len, &options.lang);
    if (st == SHZ_OK)
        st = shz_search(query, query_len, &options, &results);
    if (st != SHZ_OK) {
        shz_py_raise(st);
        goto done;
    }
    PyObject *cache = shz_py_cache();
    if (!cache)
        goto done;
    owner = PyCapsule_New(results, "shz_results", shz_py_results_free);
    if (!owner) {
        shz_results_free(results);
        goto done;
    }
    size_t count = want_none ? 0 : shz_results_count(results);
    list = PyList_New((Py_ssize_t)count);
    if (!list)
        goto done;
    for (size_t i = 0; i < count; i++) {
        int64_t id = shz_measure_id(shz_results_measure(results, i));
        if (id < 1 || id > (int64_t)PyTuple_GET_SIZE(cache)) {
            PyErr_SetString(PyExc_RuntimeError, "search returned an unknown measure");
            Py_CLEAR(list);
            goto done;
        }
        shz_py_hit *hit = PyObject_New(shz_py_hit, shz_py_hit_type);
        if (!hit) {
            Py_CLEAR(list);
            goto done;
        }
        hit->index = i;
        hit->spans = hit->snippet = NULL;
        hit->field = shz_py_field_name(shz_results_field(results, i));
        Py_INCREF(hit->field);
        hit->measure = PyTuple_GET_ITEM(cache, (Py_ssize_t)(id - 1));
        Py_INCREF(hit->measure);
        Py_INCREF(owner);
        hit->owner = owner;
        hit->score = PyLong_FromLongLong((long long)shz_results_score(results, i));
        PyList_SET_ITEM(list, (Py_ssize_t)i, (PyObject *)hit);
        if (!hit->score) {
            Py_CLEAR(list);
            goto done;
        }
    }
done:
    Py_XDECREF(owner);
    Py_XDECREF(keep);
    Py_XDECREF(lang_keep);
    return list;
}

static PyMethodDef shz_py_methods[] = {
    {"_configure", shz_py_configure, METH_VARARGS,
     "_configure(errors, builder): exception classes by status, and the Measure builder."},
    {"get", shz_py_get, METH_O,
     "get(id) -> Measure\n\nThe measure with that id (1-47). Raises NotFoundError (a "
     "LookupError) for any other int and TypeError for a non-int."},
    {"_measures", shz_py_measures_tuple, METH_NOARGS, "_measures() -> tuple of every Measure"},
    {"_search", (PyCFunction)(void (*)(void))shz_py_search, METH_FASTCALL,
     "_search(query, limit, lang, fields) -> list[Hit]"},
    {NULL, NULL, 0, NULL}};

static int shz_py_init(PyObject *module) {
    for (int bit = 0; bit < 6; bit++) {
        shz_py_field_names[bit] = PyUnicode_InternFromString(shz_field_name((shz_field)(1u << bit)));
        if (!shz_py_field_names[bit])
            return -1;
    }
    shz_py_span_type = PyStructSequence_NewType(&shz_py_span_desc);
    shz_py_hit_type = &shz_py_hit_type_object;
    if (!shz_py_span_type || PyType_Ready(shz_py_hit_type) < 0)
        return -1;
    Py_INCREF(shz_py_span_type);
    Py_INCREF(shz_py_hit_type);
    if (PyModule_AddObject(module, "Span", (PyObject *)shz_py_span_type) < 0 ||
        PyModule_AddObject(module, "Hit", (PyObject *)shz_py_hit_type) < 0)
        return -1;
    return PyModule_AddFunctions(module, shz_py_methods);
}
%}

%init %{
    if (shz_py_init(m) < 0)
        return NULL;
%}

/* ---- The language hooks of ../shenzhen.i --------------------------------- */

%define %shz_raise(status)
    shz_py_raise(status);
    SWIG_fail
%enddef

%define %shz_push_text(ptr, len)
    {
        PyObject *shz_str = PyUnicode_DecodeUTF8(ptr, (Py_ssize_t)(len), "strict");
        if (!shz_str)
            SWIG_fail;
        $result = SWIG_Python_AppendOutput($result, shz_str);
    }
%enddef

%define %shz_push_int(value)
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLongLong((long long)(value)));
%enddef

%define %shz_push_handle(ptr, type)
    $result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)(ptr), type, 0));
%enddef

%define %shz_push_owned(ptr, type)
    $result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)(ptr), type, SWIG_POINTER_OWN));
%enddef

%define %shz_string_in(ptr, len, keep)
    {
        PyObject *shz_bytes = NULL;
        int shz_rc = shz_py_utf8($input, "argument", (const char **)&ptr, &len, &shz_bytes);
        keep = shz_bytes;
        if (shz_rc < 0)
            SWIG_fail;
    }
%enddef

%define %shz_string_free(keep)
    Py_XDECREF((PyObject *)keep);
%enddef

/* Search is native above (_search and Hit): without proxy classes SWIG would
 * never free the results or options objects, so their raw wrappers are left out. */
%ignore shz_search;
%ignore shz_search_options;
%rename("$ignore", regextarget=1) "^shz_results_";

%include "shenzhen.i"
