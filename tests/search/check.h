/* Shared checks of the search tests: engine against oracle, query by query. */
#ifndef SHZ_TEST_CHECK_H
#define SHZ_TEST_CHECK_H

#include <stddef.h>

#include "oracle.h"

/* Runs query through engine and oracle with the given fields mask (shz_field bits, 0 = all)
 * and span language; asserts equal hit sets, and that every span is exact. Returns the hit
 * count. */
size_t check_query(const char *query, size_t len, unsigned fields, shz_lang lang);

/* The oracle field mask (1 << field index) of a shz_field mask. */
unsigned oracle_mask(unsigned fields);

/* Deterministic pseudo-random numbers for the generated queries. */
unsigned next_random(unsigned *state);

/* Code points of s and the byte offset of each (offsets[n] = strlen). Returns n (at most cap). */
size_t split_chars(const char *s, size_t len, size_t *offsets, size_t cap);

/* Writes the full-width form of s (ASCII letters upper-cased, then U+FF01-U+FF5E) into out. */
size_t full_width(const char *s, size_t len, char *out);

#endif
