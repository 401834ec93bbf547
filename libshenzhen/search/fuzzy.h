/*
 * Typo tolerance for Latin words: a bounded edit distance over code point
 * arrays and the number of typos a word of a given length may carry.
 *
 * The distance is the optimal string alignment distance (restricted
 * Damerau-Levenshtein): inserting, deleting or substituting one code point is
 * one edit, and so is swapping two adjacent code points ("bankrupcty" ->
 * "bankruptcy"), as long as no part of the word is edited twice.
 *
 * No allocation (the work rows live on the stack), no global state: safe from
 * any thread.
 */
#ifndef SHZ_FUZZY_H
#define SHZ_FUZZY_H

#include <stddef.h>
#include <stdint.h>

/* Longest word, in code points, whose distance is computed. Longer words are
 * only ever "equal" (distance 0) or "too far" (max + 1). */
#define SHZ_FUZZY_MAX_LEN 64

/* Largest max honoured; a larger max is treated as this. */
#define SHZ_FUZZY_MAX_EDITS 8

/*
 * The edit distance between a[0..na) and b[0..nb) when it is at most max,
 * otherwise max + 1. A negative max is treated as 0, one above
 * SHZ_FUZZY_MAX_EDITS as SHZ_FUZZY_MAX_EDITS. Arrays may be NULL when their
 * length is 0. Cost: O(min(na, nb) * (2 * max + 1)), with an early exit as
 * soon as every alignment needs more than max edits.
 */
int shzi_edit_distance_within(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, int max);

/*
 * The typos a query word of len code points may carry and still match: 0 below 6, 1 from 6,
 * 2 from 9 (Meilisearch's defaults but for 5 letters: a word of five has real English
 * neighbours one edit away, malls and calls, march and match, and a query's five-letter
 * word the catalogue lacks is more often such a word than a typo).
 */
int shzi_typo_budget(size_t len);

#endif
