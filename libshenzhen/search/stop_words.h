/*
 * The Han stop words of best-match queries (stop_words.c): words that say how something is
 * asked, not what about, cut out of a Han run before it is split into bigrams.
 */
#ifndef SHZ_SEARCH_STOP_WORDS_H
#define SHZ_SEARCH_STOP_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* The longest stop word, in characters. */
enum { SZS_STOP_WORD_MAX = 4 };

/* The length in characters of the longest stop word that chars[0..n) starts with, or 0. */
uint32_t szs_han_stop_at(const uint32_t *chars, uint32_t n);

/* The list, for its test: the number of words, and word index (SZS_STOP_WORD_MAX code points,
 * zero after a shorter word's end), or NULL past the end. */
size_t szs_han_stop_word_count(void);
const uint32_t *szs_han_stop_word(size_t index);

#endif
