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

/* A string in shzi_pool: bytes [off, off + len), followed by a NUL. */
typedef struct shzi_str {
    uint32_t off;
    uint32_t len;
} shzi_str;

/* Index into the language dimension of text arrays; matches shz_lang. */
enum { SHZ_NLANG = 3 };

struct shz_category {
    uint16_t id;
    uint16_t first_member; /* into shzi_category_members */
    uint16_t member_count;
    shzi_str title[SHZ_NLANG];
};

/* A run of strings in shzi_list_items. */
typedef struct shzi_list {
    uint32_t first;
    uint32_t count;
} shzi_list;

/* A topic of the controlled vocabulary. */
struct shz_topic {
    uint16_t id;
    uint16_t first_member; /* into shzi_topic_members */
    uint16_t member_count;
    shzi_str key;
    shzi_str name[SHZ_NLANG];
    shzi_str definition[SHZ_NLANG];
};

/* One of a measure's topics, with the reason it carries it. */
typedef struct shzi_tag {
    uint16_t topic_index; /* into shzi_topics */
    shzi_str reason[SHZ_NLANG];
} shzi_tag;

/* One of a measure's related measures, with the reason. */
typedef struct shzi_link {
    uint16_t measure_index; /* into shzi_measures */
    uint16_t grade;         /* 2 closely related, 1 related */
    shzi_str reason[SHZ_NLANG];
} shzi_link;

struct shz_measure {
    uint16_t id;
    uint16_t category_index; /* into shzi_categories */
    shzi_list keywords;
    shzi_list cites;
    shzi_list aliases;
    shzi_list tags;    /* into shzi_tags */
    shzi_list related; /* into shzi_links, grade 2 first, then by id */
    shzi_str title[SHZ_NLANG];
    shzi_str body[SHZ_NLANG];
    shzi_str summary_en;
    shzi_str pinyin;
    shzi_str initials;
};

/* The notice's metadata, indexed by shz_doc_field then language. A missing
 * language has len 0. */
enum { SHZ_NDOC_FIELDS = 9 };

/* Tables, defined in the generated catalogue_data.c. Hidden symbols. */
extern const char shzi_pool[];
extern const size_t shzi_pool_size;

extern const struct shz_category shzi_categories[];
extern const size_t shzi_category_total;
extern const uint16_t shzi_category_members[]; /* measure indices, grouped by category */

extern const struct shz_measure shzi_measures[];
extern const size_t shzi_measure_total;
extern const shzi_str shzi_list_items[]; /* keywords, cites and aliases */
/* Per list item: its zh-Hant form (len 0 where it is the same or has none) and, for an alias,
 * its kind (a shz_alias_kind; 0 for keywords, cites and aliases of a catalogue before schema 3). */
extern const shzi_str shzi_list_items_hant[];
extern const uint8_t shzi_list_item_kinds[];

extern const struct shz_topic shzi_topics[];
extern const size_t shzi_topic_total;
extern const uint16_t shzi_topic_members[]; /* measure indices, grouped by topic, id order */
extern const shzi_tag shzi_tags[];
extern const shzi_link shzi_links[];

extern const shzi_str shzi_doc_fields[SHZ_NDOC_FIELDS][SHZ_NLANG];
extern const shzi_str shzi_doc_paragraphs[][SHZ_NLANG];
extern const size_t shzi_doc_paragraph_total;

extern const int shzi_data_schema; /* the "schema" of catalogue.json */
extern const char shzi_data_edition[];
extern const char shzi_data_digest[]; /* lowercase hex SHA-256 of catalogue.json */
extern const size_t shzi_errata_total;

/* The pool bytes of a string. */
static inline const char *shzi_str_ptr(shzi_str s)
{
    return shzi_pool + s.off;
}

#endif
