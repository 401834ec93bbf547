/* shenzhen_python.i — the Python module `shenzhen._shenzhen_c`.
 *
 * The shared interface (../shenzhen.i) gives Python the whole C API as flat
 * functions; the package's __init__.py builds the idioms on top of them. The
 * hot calls (get, _search, the Hit type) are plain C against the CPython API
 * in fast.c, compiled into the same module (see fast.h); this file only hooks
 * them in and defines the language macros shenzhen.i asks for.
 */
%module _shenzhen_c

%begin %{
/* Limited to nothing: the module uses the full API of the Python it is built for. */
#define PY_SSIZE_T_CLEAN
%}

%{
#include "fast.h"
%}

%init %{
    if (shzpy_init(m) < 0)
        return NULL;
%}

/* ---- The language hooks of ../shenzhen.i --------------------------------- */

%define %shzi_raise(status)
    shzpy_raise(status);
    SWIG_fail
%enddef

%define %shzi_push_text(ptr, len)
    {
        PyObject *shzi_str = PyUnicode_DecodeUTF8(ptr, (Py_ssize_t)(len), "strict");
        if (!shzi_str)
            SWIG_fail;
        $result = SWIG_Python_AppendOutput($result, shzi_str);
    }
%enddef

%define %shzi_push_int(value)
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLongLong((long long)(value)));
%enddef

%define %shzi_push_number(value)
    $result = SWIG_Python_AppendOutput($result, PyFloat_FromDouble((double)(value)));
%enddef

%define %shzi_push_handle(ptr, type)
    $result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)(ptr), type, 0));
%enddef

%define %shzi_push_owned(ptr, type)
    $result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj((void *)(ptr), type, SWIG_POINTER_OWN));
%enddef

%define %shzi_string_in(ptr, len, keep)
    {
        PyObject *shzi_bytes = NULL;
        int shzi_rc = shzpy_utf8($input, "argument", (const char **)&ptr, &len, &shzi_bytes);
        keep = shzi_bytes;
        if (shzi_rc < 0)
            SWIG_fail;
    }
%enddef

%define %shzi_string_free(keep)
    Py_XDECREF((PyObject *)keep);
%enddef

/* Search is native above (_search and Hit): without proxy classes SWIG would
 * never free the results or options objects, so their raw wrappers are left out. */
%ignore shz_search;
%ignore shz_search_options;
%rename("$ignore", regextarget=1) "^shz_results_";

%include "shenzhen.i"
