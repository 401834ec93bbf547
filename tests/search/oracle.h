/*
 * A brute-force reference for the search tests, written apart from the engine:
 * its own small normalization (enough for the characters the catalogue and the
 * generated queries contain; only the folding table data/t2s.tsv is shared),
 * its own query splitting, and plain substring search over every measure's
 * texts as the public API returns them. It never touches the engine's index.
 */
#ifndef SHZ_TEST_ORACLE_H
#define SHZ_TEST_ORACLE_H

#include <stddef.h>
#include <stdint.h>

#include "shenzhen.h"

enum { ORACLE_FIELDS = 10, ORACLE_MAX_TERMS = 64, ORACLE_MAX_CHARS = 4096 };
/* The fields 1.0 searched are the first six; then the English body, the keywords and aliases
 * (each item normalized on its own, items separated by a 0 no term contains), and the pinyin
 * of those that have Han characters and its initials, spelled by the oracle itself from
 * data/han_pinyin.tsv and data/pinyin_words.tsv (items likewise). */
enum {
    ORACLE_FIELDS_1_0 = 6,
    ORACLE_BODY_EN = 6,
    ORACLE_ALIASES = 7,
    ORACLE_TERMS_PINYIN = 8,
    ORACLE_TERMS_INITIALS = 9
};

/* The searchable fields, best rank first, with the shz_field (the option that searches it, which
 * a hit found there reports) and language each comes from. */
extern const shz_field oracle_field[ORACLE_FIELDS];
extern const shz_lang oracle_lang[ORACLE_FIELDS];

/* Whether matches in field f are spans (not in the keywords and aliases or their pinyin). */
static inline int oracle_has_spans(int f)
{
    return f < ORACLE_ALIASES;
}

typedef struct oracle_text {
    uint32_t *chars;  /* normalized */
    uint32_t *source; /* character offset of each normalized character's original */
    size_t len;
} oracle_text;

typedef struct oracle_query {
    uint32_t chars[ORACLE_MAX_TERMS][ORACLE_MAX_CHARS / 8];
    size_t len[ORACLE_MAX_TERMS];
    size_t count;
} oracle_query;

/* What the oracle knows of a hit: the ranking features of README "Ranking". */
typedef struct oracle_hit {
    int64_t id;
    unsigned title_terms; /* terms found in a title-like field */
    unsigned occurrences;
    unsigned first_offset; /* normalized offset of the earliest match in the best field */
    int best_field;        /* index into oracle_field */
} oracle_hit;

/* Loads every measure's texts and the folding table; 0 on failure. */
int oracle_init(void);
void oracle_fini(void);

/* Normalizes UTF-8 text the oracle's way (see above). */
void oracle_normalize(const char *text, size_t len, oracle_text *out);
void oracle_text_free(oracle_text *t);

/* Splits a query into normalized terms: whitespace separates, "…" groups; empty terms and
 * repeats dropped. Returns 0 for an unclosed quote. */
int oracle_parse(const char *query, size_t len, oracle_query *q);

/* Hits of a parsed query over the fields in mask (bits of 1 << field index), in id order.
 * Returns the count, writes up to cap. */
size_t oracle_search(const oracle_query *q, unsigned field_mask, oracle_hit *hits, size_t cap);

/* Occurrences of the query's terms in field f of measure index m, deduplicated by (start, length).
 */
size_t oracle_occurrences(const oracle_query *q, size_t m, int f);

/* The normalized text of field f of measure index m. */
const oracle_text *oracle_field_text(size_t m, int f);

/* Folds one code point the oracle's way; 0 = ignored. */
uint32_t oracle_fold(uint32_t cp);

#endif
