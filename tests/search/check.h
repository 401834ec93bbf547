/* Shared checks of the search tests: engine against oracle, query by query. */
#ifndef SHZ_TEST_CHECK_H
#define SHZ_TEST_CHECK_H

#include <stddef.h>

#include "oracle.h"

/* How a check calls the engine: all-terms mode through the 1.1 API, or 1.0's search, asked
 * for by the options' size or through the 1.0 version of shz_search (NULL options when fields
 * and lang are the defaults). */
typedef enum check_way { WAY_ALL_TERMS, WAY_SIZE_1_0, WAY_SYMBOL_1_0 } check_way;

/* Runs query through engine and oracle with the given fields mask (shz_field bits, 0 = all)
 * and span language; asserts equal hit sets, and that every span is exact. Returns the hit
 * count. check_query uses WAY_ALL_TERMS. */
size_t check_query(const char *query, size_t len, unsigned fields, shz_lang lang);
size_t check_query_way(const char *query, size_t len, unsigned fields, shz_lang lang,
                       check_way way);

/* shz_search as the way says; results as shz_search gives them. */
shz_status search_way(const char *query, size_t len, unsigned fields, shz_lang lang, size_t limit,
                      check_way way, shz_results **r);

/* Options for all-terms mode. */
shz_search_options all_terms_options(void);

/* The oracle field mask (1 << field index) of a shz_field mask; legacy: 1.0's fields only. */
unsigned oracle_mask(unsigned fields, int legacy);

/* Deterministic pseudo-random numbers for the generated queries. */
unsigned next_random(unsigned *state);

/* Code points of s and the byte offset of each (offsets[n] = strlen). Returns n (at most cap). */
size_t split_chars(const char *s, size_t len, size_t *offsets, size_t cap);

/* Writes the full-width form of s (ASCII letters upper-cased, then U+FF01-U+FF5E) into out. */
size_t full_width(const char *s, size_t len, char *out);

#endif
