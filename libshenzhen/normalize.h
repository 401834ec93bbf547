/*
 * The search normalization, one definition shared by the index generator
 * (applied to the catalogue's text at build time) and the library (applied to
 * queries at run time), so that text and query always fold the same way.
 *
 * Each code point folds on its own, to one code point or to nothing:
 * - full-width ASCII (U+FF01-U+FF5E) and the ideographic space to ASCII;
 * - Latin case folding (ASCII, Latin-1, Latin Extended-A, pinyin tone letters);
 * - CJK compatibility ideographs to their unified forms, and Traditional to
 *   Simplified, character by character, by the table data/t2s.tsv (compiled
 *   into t2s_table.c at build time);
 * - punctuation, symbols, whitespace and controls are dropped ("ignored").
 * Because folding is per code point, every normalized character comes from
 * exactly one original character, which is what lets spans map back exactly.
 *
 * No allocation, no global mutable state: safe from any thread.
 */
#ifndef SHZ_NORMALIZE_H
#define SHZ_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* The folded form of cp, or 0 when cp is ignored (punctuation, symbol, space, control). */
uint32_t shz_norm_fold(uint32_t cp);

/* 1 if cp separates query terms (ASCII and Unicode spaces, the ideographic space). */
int shz_norm_is_space(uint32_t cp);

/*
 * Normalizes text[0..len), which should be valid UTF-8 (an invalid byte is
 * skipped as one ignored character). For the k-th kept character, k < cap,
 * writes its folded code point to out[k] and, when the arrays are not NULL,
 * the byte offset and the character (code point) offset of its original in
 * text to src_byte[k] and src_char[k]. Returns the number of kept characters,
 * which is more than cap when the buffers were too small (only cap written).
 */
size_t shz_norm_text(const char *text, size_t len, uint32_t *out, uint32_t *src_byte,
                     uint32_t *src_char, size_t cap);

/* The Traditional->Simplified and compatibility->unified pairs (generated t2s_table.c),
 * sorted by from. Exposed for the tests' table checks only. */
typedef struct shz_fold_pair {
    uint32_t from;
    uint32_t to;
} shz_fold_pair;
extern const shz_fold_pair shz_t2s_pairs[];
extern const size_t shz_t2s_count;

/* Bit cp of this bitmap is set when cp < SHZ_T2S_BITMAP_LIMIT has a pair (pairs above the
 * limit are found by search alone). */
#define SHZ_T2S_BITMAP_LIMIT 0x30000
extern const uint32_t shz_t2s_folded[SHZ_T2S_BITMAP_LIMIT / 32];

#endif
