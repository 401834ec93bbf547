/*
 * Internal layout of the compiled-in catalogue (never installed).
 *
 * libshenzhen/gen writes these tables from data/catalogue.json into
 * catalogue_data.c at build time. Every table holds only integers: strings
 * live in one pool and are named by offset and length, so the tables need no
 * load-time relocations (checked by a test with readelf). The handles the
 * public API hands out are pointers to rows of these tables, computed at run
 * time.
 */
#ifndef SHZ_CATALOGUE_DATA_H
#define SHZ_CATALOGUE_DATA_H

#include <stddef.h>
#include <stdint.h>

/* A string in shz_pool: bytes [off, off + len), followed by a NUL. */
typedef struct shz_str {
    uint32_t off;
    uint32_t len;
} shz_str;

/* Index into the language dimension of text arrays; matches shz_lang. */
enum { SHZ_NLANG = 3 };

struct shz_category {
    uint16_t id;
    uint16_t first_member; /* into shz_category_members */
    uint16_t member_count;
    shz_str title[SHZ_NLANG];
};

/* A run of strings in shz_list_items. */
typedef struct shz_list {
    uint32_t first;
    uint32_t count;
} shz_list;

struct shz_measure {
    uint16_t id;
    uint16_t category_index; /* into shz_categories */
    shz_list keywords;
    shz_list cites;
    shz_list aliases;
    shz_str title[SHZ_NLANG];
    shz_str body[SHZ_NLANG];
    shz_str summary_en;
    shz_str pinyin;
    shz_str initials;
};

/* The notice's metadata, indexed by shz_doc_field then language. A missing
 * language has len 0. */
enum { SHZ_NDOC_FIELDS = 7 };

/* Tables, defined in the generated catalogue_data.c. Hidden symbols. */
extern const char shz_pool[];
extern const size_t shz_pool_size;

extern const struct shz_category shz_categories[];
extern const size_t shz_category_total;
extern const uint16_t shz_category_members[]; /* measure indices, grouped by category */

extern const struct shz_measure shz_measures[];
extern const size_t shz_measure_total;
extern const shz_str shz_list_items[]; /* keywords, cites and aliases */

extern const shz_str shz_doc_fields[SHZ_NDOC_FIELDS][SHZ_NLANG];
extern const shz_str shz_doc_paragraphs[][SHZ_NLANG];
extern const size_t shz_doc_paragraph_total;

extern const int shz_data_schema; /* the "schema" of catalogue.json */
extern const char shz_data_edition[];
extern const char shz_data_digest[]; /* lowercase hex SHA-256 of catalogue.json */
extern const size_t shz_errata_total;

/* The pool bytes of a string. */
static inline const char *shz_str_ptr(shz_str s)
{
    return shz_pool + s.off;
}

#endif
