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

#include "term_pinyin.h"

enum { GEN_LANG_HANS = 0, GEN_LANG_HANT = 1, GEN_LANG_EN = 2, GEN_NLANG = 3 };
enum { GEN_NDOC_FIELDS = 9 }; /* same order as shz_doc_field */

/* Strings are NUL-terminated UTF-8 owned by the model; a missing language is "". */
typedef struct gen_text {
    const char *lang[GEN_NLANG];
} gen_text;

typedef struct gen_list {
    const char **items;
    size_t count;
} gen_list;

/* An alias and what kind of word it is (gen_alias_kind, the values of shz_alias_kind). */
enum { GEN_ALIAS_COLLOQUIAL = 1, GEN_ALIAS_ENGLISH, GEN_ALIAS_ABBREVIATION, GEN_ALIAS_FORMER_NAME };
enum { GEN_MAX_ALIASES = 12 }; /* per measure (data/README.md, Aliases) */

/* A topic of the controlled vocabulary (schema 3). */
typedef struct gen_topic {
    long id;
    const char *key; /* lowercase ASCII with '-', e.g. "cross-border-rules" */
    gen_text name;
    gen_text definition;
} gen_topic;

/* One of a measure's topics and why it carries it. */
typedef struct gen_tag {
    size_t topic_index; /* into gen_model.topics */
    gen_text reason;
} gen_tag;

/* One of a measure's related measures and why (a link read from both ends). */
typedef struct gen_link {
    size_t measure_index; /* into gen_model.measures */
    int grade;            /* 2 closely related, 1 related */
    gen_text reason;
} gen_link;

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
    /* Schema 3; absent before (no zh-Hant forms, kinds 0, no topics or related links). */
    gen_list keywords_hant;     /* the keywords' zh-Hant forms, parallel to keywords */
    const char **aliases_hant;  /* zh-Hant form of each alias ("" for an English one) */
    unsigned char *alias_kinds; /* GEN_ALIAS_*, parallel to aliases */
    gen_tag *tags;
    size_t tag_count;
    gen_link *links; /* grade 2 first, then by measure id */
    size_t link_count;
} gen_measure;

typedef struct gen_model {
    long schema; /* 1, 2 (adds aliases and the English bodies and paragraphs) or 3 (adds topics,
                    related links, alias kinds, zh-Hant keywords and aliases, provenance) */
    const char *edition;
    gen_text doc_fields[GEN_NDOC_FIELDS];
    gen_text *paragraphs;
    size_t paragraph_count;
    gen_category *categories; /* sorted by id */
    size_t category_count;
    gen_topic *topics; /* sorted by id; none before schema 3 */
    size_t topic_count;
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

/* Emitters write a complete C source file; return 0 on I/O failure. The index spells the
 * keywords and aliases in pinyin with words' readings (NULL: customary readings only), and
 * holds the thesaurus read from thesaurus_path (NULL: none; gen/thesaurus.h). */
int gen_emit_catalogue(const gen_model *model, const char *out_path);
int gen_emit_index(const gen_model *model, const term_pinyin_words *words,
                   const char *thesaurus_path, const char *out_path);

#endif
