/* shenzhen.i — the one SWIG interface to libshenzhen, shared by every language.
 *
 * Each language has a thin entry file (python/shenzhen_python.i,
 * lua/shenzhen_lua.i) that names the module, defines the handful of
 * language-specific macros below and then %includes this file. Everything
 * that is the same in every language lives here: which declarations are
 * wrapped, how the C out-parameters become return values, who owns what.
 *
 * Macros each language defines before including this file:
 *   %shzi_raise(status)              fail the call with the language's error
 *   %shzi_push_text(ptr, len)        append a UTF-8 string to the results
 *   %shzi_push_int(value)            append an integer to the results
 *   %shzi_push_number(value)         append a floating-point number (a double)
 *   %shzi_push_handle(ptr, type)     append a borrowed pointer (no ownership)
 *   %shzi_push_owned(ptr, type)      append a pointer the language must free
 *   %shzi_string_in(ptr, len, keep)  read the argument as a string (ptr, len); may
 *                                   set keep (a void *) to something to release
 *   %shzi_string_free(keep)          release it after the call
 */

%{
#include "shenzhen.h"
%}

%include <stdint.i>

/* ---- Status codes: a non-zero status is the language's error ------------ */

%typemap(out) shz_status {
  if ($1 != SHZ_OK) {
    %shzi_raise($1);
  }
}

/* ---- Strings in: (pointer, byte length), so embedded NULs and
 * non-terminated buffers reach the library as it specifies. -------------- */

%typemap(in) (const char *name, size_t len) (void *shzi_keep = NULL),
             (const char *query, size_t len) (void *shzi_keep = NULL),
             (const char *key, size_t len) (void *shzi_keep = NULL) {
  %shzi_string_in($1, $2, shzi_keep);
}
%typemap(freearg) (const char *name, size_t len), (const char *query, size_t len),
                  (const char *key, size_t len) {
  %shzi_string_free(shzi_keep$argnum);
}

/* ---- Strings out: borrowed static text, copied into the language -------- */

%typemap(in, numinputs=0) (const char **text, size_t *len)
    (const char *shzi_text = NULL, size_t shzi_len = 0) {
  $1 = ($1_ltype)&shzi_text;
  $2 = &shzi_len;
}
%typemap(argout) (const char **text, size_t *len) {
  %shzi_push_text(shzi_text$argnum, shzi_len$argnum);
}

/* JSON out: owned by the caller; copy, then give it back with shz_free(). */
%typemap(in, numinputs=0) (char **json, size_t *len) (char *shzi_json = NULL, size_t shzi_len = 0) {
  $1 = &shzi_json;
  $2 = &shzi_len;
}
%typemap(argout) (char **json, size_t *len) {
  %shzi_push_text(shzi_json$argnum, shzi_len$argnum);
}
%typemap(freearg) (char **json, size_t *len) {
  shz_free(shzi_json$argnum);
}

/* ---- Handles out: borrowed pointers into static data -------------------- */

%typemap(in, numinputs=0) const shz_measure **out (const shz_measure *shzi_handle = NULL),
                          const shz_category **out (const shz_category *shzi_handle = NULL),
                          const shz_topic **out (const shz_topic *shzi_handle = NULL) {
  $1 = ($1_ltype)&shzi_handle;
}
%typemap(argout) const shz_measure **out, const shz_category **out, const shz_topic **out {
  %shzi_push_handle(shzi_handle$argnum, $*1_descriptor);
}

%typemap(in, numinputs=0) shz_lang *out (shz_lang shzi_value = SHZ_LANG_ZH_HANS),
                          shz_lang *lang (shz_lang shzi_value = SHZ_LANG_ZH_HANS),
                          shz_alias_kind *kind (shz_alias_kind shzi_value = SHZ_ALIAS_COLLOQUIAL) {
  $1 = &shzi_value;
}
%typemap(argout) shz_lang *out, shz_lang *lang, shz_alias_kind *kind {
  %shzi_push_int(shzi_value$argnum);
}

/* ---- Search results: owned by the language, freed by its collector ------ */

%typemap(in, numinputs=0) shz_results **results (shz_results *shzi_owned = NULL) {
  $1 = &shzi_owned;
}
%typemap(argout) shz_results **results {
  %shzi_push_owned(shzi_owned$argnum, $*1_descriptor);
}

/* A span comes back as five integers: field, byte start/end, char start/end. */
%typemap(in, numinputs=0)
    (shz_field *field, size_t *byte_start, size_t *byte_end, size_t *char_start, size_t *char_end)
    (shz_field f = 0, size_t bs = 0, size_t be = 0, size_t cs = 0, size_t ce = 0) {
  $1 = &f; $2 = &bs; $3 = &be; $4 = &cs; $5 = &ce;
}
%typemap(argout)
    (shz_field *field, size_t *byte_start, size_t *byte_end, size_t *char_start, size_t *char_end) {
  %shzi_push_int(f$argnum);
  %shzi_push_int(bs$argnum);
  %shzi_push_int(be$argnum);
  %shzi_push_int(cs$argnum);
  %shzi_push_int(ce$argnum);
}

/* Why a hit has its relevance, one query term: field and how (integers),
 * weight and contribution (numbers). */
%typemap(in, numinputs=0) (shz_field *field, unsigned *how, double *weight, double *contribution)
    (shz_field f = 0, unsigned h = 0, double w = 0.0, double c = 0.0) {
  $1 = &f; $2 = &h; $3 = &w; $4 = &c;
}
%typemap(argout) (shz_field *field, unsigned *how, double *weight, double *contribution) {
  %shzi_push_int(f$argnum);
  %shzi_push_int(h$argnum);
  %shzi_push_number(w$argnum);
  %shzi_push_number(c$argnum);
}

/* Where the match lies in a snippet: two integers, byte start and end. */
%typemap(in, numinputs=0) (size_t *byte_start, size_t *byte_end) (size_t bs = 0, size_t be = 0) {
  $1 = &bs; $2 = &be;
}
%typemap(argout) (size_t *byte_start, size_t *byte_end) {
  %shzi_push_int(bs$argnum);
  %shzi_push_int(be$argnum);
}

/* Where a snippet was cut from: field, language, byte and character offsets. */
%typemap(in, numinputs=0) (shz_field *field, shz_lang *lang, size_t *byte_start, size_t *char_start)
    (shz_field f = 0, shz_lang l = SHZ_LANG_ZH_HANS, size_t bs = 0, size_t cs = 0) {
  $1 = &f; $2 = &l; $3 = &bs; $4 = &cs;
}
%typemap(argout) (shz_field *field, shz_lang *lang, size_t *byte_start, size_t *char_start) {
  %shzi_push_int(f$argnum);
  %shzi_push_int(l$argnum);
  %shzi_push_int(bs$argnum);
  %shzi_push_int(cs$argnum);
}

/* The library's structs are opaque in C; SWIG sees empty ones so that it can
 * attach a destructor to results and a defaults-filling constructor to the
 * options. Measures and categories stay plain opaque pointers, never freed. */
%nodefaultctor shz_results;
struct shz_results {};
%extend shz_results {
  ~shz_results() { shz_results_free($self); }
}
%extend shz_search_options {
  shz_search_options() {
    shz_search_options *options = (shz_search_options *)calloc(1, sizeof *options);
    shz_search_options_init(options);
    return options;
  }
  ~shz_search_options() { free($self); }
}
/* The size field is the library's versioning; the constructor sets it. */
%immutable shz_search_options::size;

/* Memory the language manages itself. */
%ignore shz_free;
%ignore shz_results_free;
%ignore shz_search_options_init;

%include "shenzhen_version.h"
%include "shenzhen.h"
