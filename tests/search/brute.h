/*
 * Brute force for the best-match tests, over the oracle's normalized texts:
 * whether a measure holds an analysed term as the best-match mode matches it
 * (a Han gram as a substring; a Latin or digit word from a word start to a word
 * end, or an English word with the same Snowball stem), and the BM25 IDF of
 * grams. Word starts and ends are found here from the texts themselves (a
 * character dropped by normalization, or a change between Han and Latin,
 * separates words), apart from the engine's tables.
 */
#ifndef SHZ_TEST_BRUTE_H
#define SHZ_TEST_BRUTE_H

#include <stddef.h>
#include <stdint.h>

#include "oracle.h"

/* Loads what brute force needs (after oracle_init); 0 on failure. */
int brute_init(void);
void brute_fini(void);

/* Whether measure index m holds the normalized term chars[0..len) in the oracle fields of
 * mask (1 << field index) as best match matches it. */
int brute_matches(size_t m, const uint32_t *chars, size_t len, unsigned mask);

/* The same, whole words only (no stems). */
int brute_whole(size_t m, const uint32_t *chars, size_t len, unsigned mask);

/* The measures holding the gram chars[0..len) anywhere (any field). */
size_t brute_gram_df(const uint32_t *chars, size_t len);

/* BM25's IDF for df of n measures. */
double brute_idf(size_t df, size_t n);

/* The UTF-8 text of a term as shz_results_term gives it, normalized. */
size_t brute_term(const char *text, size_t len, uint32_t *out, size_t cap);

#endif
