/* fast.h — the part of the Python module `shenzhen._shenzhen_c` written
 * directly against the CPython API (fast.c), for the SWIG wrapper
 * (shenzhen_python.i) that calls into it.
 *
 * The shared interface (../shenzhen.i) gives Python the whole C API as flat
 * functions; the package's __init__.py builds the idioms on top of them. Two
 * calls are hot enough that a Python layer would dominate their cost, so they
 * are written in fast.c instead:
 *   get(id)          -> the cached Measure, no Python frame
 *   search(query, *, limit, lang, fields, mode, min_relevance, topics)
 *                    -> the package's Results (a list of Hit), built without a
 *                       Python frame; each Hit reads its score, spans, snippet,
 *                       match, terms and explanation from the C results on first
 *                       access
 *   _search(query, limit, lang, mask, mode) -> (list of Hit, results capsule),
 *                       the same search with the options as C has them
 *
 * Names here use the prefix shzpy_: they are internal to the module (hidden
 * by the module's visibility), unlike the library's public shz_.
 */
#ifndef SHZ_PYTHON_FAST_H
#define SHZ_PYTHON_FAST_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>

#include "shenzhen.h"

/* Raises the package's exception class for @p status (as registered by
 * _configure) with the library's sentence for it. */
void shzpy_raise(shz_status status);

/* Raises the package's exception class for @p status with @p message. */
void shzpy_raise_msg(shz_status status, const char *message);

/* Borrows the UTF-8 of a str into (*ptr, *len). Lone surrogates are passed on
 * as the (invalid) bytes C would see, *keep then owning them; the caller
 * releases *keep with Py_XDECREF. A non-str is a TypeError naming @p what.
 * Returns 0, or -1 with a Python exception set. */
int shzpy_utf8(PyObject *obj, const char *what, const char **ptr, size_t *len, PyObject **keep);

/* Adds Hit, Span and the hand-written functions to @p module. 0 or -1. */
int shzpy_init(PyObject *module);

#endif /* SHZ_PYTHON_FAST_H */
