/*
 * Homophones inside the catalogue: for a Han character, the characters of
 * the compiled-in catalogue that share a toneless Mandarin syllable with it
 * (pinyin.h), so that homophone tolerance only ever tries characters the
 * index can hold (批 for 皮: both read pi).
 *
 * gen/homophone_gen.c writes homophone_data.c at build time from every string
 * of the catalogue's JSON, folded by the search normalization (normalize.h),
 * grouped by syllable. Integers only: no relocations. No allocation, no
 * global mutable state: safe from any thread.
 */
#ifndef SHZ_HOMOPHONE_H
#define SHZ_HOMOPHONE_H

#include <stddef.h>
#include <stdint.h>

/*
 * The catalogue's characters that share a syllable with cp, cp itself left
 * out, ascending, without repeats: writes up to cap of them to out and
 * returns how many it wrote. 0 when cp has no reading or no homophone in the
 * catalogue.
 */
size_t shzi_homophones_in_catalogue(uint32_t cp, uint32_t *out, size_t cap);

/*
 * The tables (generated homophone_data.c): the characters reading syllable s
 * are shzi_homophone_chars[shzi_homophone_first[s] .. shzi_homophone_first[s + 1]),
 * ascending. shzi_homophone_syllables is the syllable count the table was made
 * with; lookups give nothing when it differs from the reading table's.
 */
extern const uint32_t shzi_homophone_first[];
extern const uint16_t shzi_homophone_chars[];
extern const size_t shzi_homophone_syllables;

#endif
