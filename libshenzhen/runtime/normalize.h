/*
 * The search normalization, one definition shared by the index generator
 * (applied to the catalogue's text at build time) and the library (applied to
 * queries at run time), so that text and query always fold the same way.
 *
 * Each code point folds on its own, to one code point or to nothing, in this
 * order, from utf8proc's Unicode data (the Unicode version utf8proc carries):
 * 1. Forms. Full-width and half-width forms (decomposition type <wide> or
 *    <narrow>: U+FF01-U+FF5E, the ideographic space, half-width katakana and
 *    Hangul) become their compatibility decomposition (NFKD) when that is one
 *    code point; so do the CJK radicals (U+2E80-U+2FDF) whose compatibility
 *    mapping is one ideograph (all 214 Kangxi radicals, and two in the
 *    supplement): PDF text extraction often yields ⼈ U+2F08 where the
 *    document shows 人. No other compatibility mapping is applied:
 *    circled, superscript, font, square, small, vertical and fraction forms
 *    stay themselves (① is not "1", since ⑩ could not be "10" and still be
 *    one code point).
 * 2. Class. By general category (of the character after step 1):
 *    - kept: letters (L*), marks (M*), numbers (N*: digits, Roman numerals,
 *      ① ² ½ stay searchable as themselves), private use (Co: may stand for a
 *      real character, as in pre-2005 GB 18030 text) and code points
 *      unassigned in utf8proc's Unicode (Cn: may be characters of a newer
 *      version, such as new CJK extensions);
 *    - ignored: punctuation (P*), symbols (S*: ℃ № ™ ￥ ㈱ ㎡ and circled
 *      letters such as Ⓐ), separators (Z*), controls (Cc), format characters
 *      (Cf), plus, whatever their category, default-ignorable code points
 *      (variation selectors, joiners, Hangul fillers, the combining grapheme
 *      joiner), noncharacters and the whole block U+E0000-U+E0FFF. So the
 *      CJK compatibility and small forms (U+FE30-U+FE6F, all punctuation or
 *      symbols) are ignored, as is punctuation in any script.
 * 3. Case. Simple case folding: Unicode's case folding where it gives one
 *    code point (so ς and σ, ſ and s, µ and μ, K Kelvin and k meet), else the
 *    simple lowercase mapping (ẞ to ß; İ U+0130 to i). Roman numerals fold
 *    (Ⅻ to ⅻ) since they are cased letters-numbers.
 * 4. Han. CJK compatibility ideographs to their unified forms, and
 *    Traditional to Simplified, character by character, by the table
 *    data/t2s.tsv (compiled into t2s_table.c at build time), the only Unicode
 *    data the project keeps itself.
 * No canonical normalization: precomposed é and e + U+0301 stay different.
 * ASCII and the CJK unified ideographs take a fast path with the same result.
 * Because folding is per code point, every normalized character comes from
 * exactly one original character, which is what lets spans map back exactly.
 *
 * No allocation, no global mutable state: safe from any thread.
 */
#ifndef SHZ_NORMALIZE_H
#define SHZ_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* The folded form of cp, or 0 when cp is ignored (punctuation, symbol, space, control...). */
uint32_t shzi_norm_fold(uint32_t cp);

/* 1 if cp separates query terms: Unicode white space (separators Z*, tab to carriage return,
 * U+0085), so the ideographic space too. */
int shzi_norm_is_space(uint32_t cp);

/*
 * Normalizes text[0..len), which should be valid UTF-8 (an invalid byte is
 * skipped as one ignored character). For the k-th kept character, k < cap,
 * writes its folded code point to out[k] and, when the arrays are not NULL,
 * the byte offset and the character (code point) offset of its original in
 * text to src_byte[k] and src_char[k]. Returns the number of kept characters,
 * which is more than cap when the buffers were too small (only cap written).
 */
size_t shzi_norm_text(const char *text, size_t len, uint32_t *out, uint32_t *src_byte,
                      uint32_t *src_char, size_t cap);

/* The Traditional->Simplified and compatibility->unified pairs (generated t2s_table.c),
 * sorted by from. Exposed for the tests' table checks only. */
typedef struct shzi_fold_pair {
    uint32_t from;
    uint32_t to;
} shzi_fold_pair;
extern const shzi_fold_pair shzi_t2s_pairs[];
extern const size_t shzi_t2s_count;

/* Bit cp of this bitmap is set when cp < SHZ_T2S_BITMAP_LIMIT has a pair (pairs above the
 * limit are found by search alone). */
#define SHZ_T2S_BITMAP_LIMIT 0x30000
extern const uint32_t shzi_t2s_folded[SHZ_T2S_BITMAP_LIMIT / 32];

#endif
