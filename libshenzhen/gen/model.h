/*
 * The catalogue as the generator holds it in memory after reading and
 * validating data/catalogue.json. Emitters (emit_catalogue.c, emit_index.c)
 * read only this model, never the JSON, so that any catalogue of the same
 * schema (including the large synthetic ones the benchmarks build) goes
 * through the same checks.
 */
#ifndef SHZ_GEN_MODEL_H
#define SHZ_GEN_MODEL_H

#include <stddef.h>

enum { GEN_LANG_HANS = 0, GEN_LANG_HANT = 1, GEN_LANG_EN = 2, GEN_NLANG = 3 };
enum { GEN_NDOC_FIELDS = 7 }; /* same order as shz_doc_field */

/* Strings are NUL-terminated UTF-8 owned by the model; a missing language is "". */
typedef struct gen_text {
    const char *lang[GEN_NLANG];
} gen_text;

typedef struct gen_list {
    const char **items;
    size_t count;
} gen_list;

typedef struct gen_category {
    long id;
    gen_text title;
} gen_category;

typedef struct gen_measure {
    long id;
    size_t category_index; /* into gen_model.categories */
    gen_text title;
    gen_text body;
    const char *summary_en;
    const char *pinyin;
    const char *initials;
    gen_list keywords;
    gen_list cites;
    gen_list aliases; /* zh-Hans or English; empty in a schema 1 catalogue */
} gen_measure;

typedef struct gen_model {
    long schema; /* 1 or 2: schema 2 adds measure aliases and the English bodies and paragraphs */
    const char *edition;
    gen_text doc_fields[GEN_NDOC_FIELDS];
    gen_text *paragraphs;
    size_t paragraph_count;
    gen_category *categories; /* sorted by id */
    size_t category_count;
    gen_measure *measures; /* sorted by id */
    size_t measure_count;
    size_t errata_count;
    const char *sha256;  /* hex digest of the catalogue file, given on the command line */
    void *json_trees[2]; /* parsed files whose strings the model borrows */
} gen_model;

/* Reads and validates; on failure prints "path: reason" to stderr and returns 0. */
int gen_model_load(gen_model *model, const char *catalogue_path, const char *errata_path,
                   const char *sha256);
void gen_model_free(gen_model *model);

/* Emitters write a complete C source file; return 0 on I/O failure. */
int gen_emit_catalogue(const gen_model *model, const char *out_path);
int gen_emit_index(const gen_model *model, const char *out_path);

#endif
