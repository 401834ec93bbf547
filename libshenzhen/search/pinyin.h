/*
 * Toneless Mandarin readings of Han characters, for the search's homophone
 * tolerance (a query character may stand for another with the same syllable:
 * 产全 for 产权).
 *
 * The readings come from data/han_pinyin.tsv (Unihan kMandarin, kXHC1983,
 * kTGHZ2013 and kHanyuPinlu; see data/tools/make_han_pinyin.py), compiled into
 * pinyin_table.c at build time by gen/pinyin_gen.c. Only ideographs of the
 * Basic Multilingual Plane are covered (U+3400-U+4DBF, U+4E00-U+9FFF,
 * U+F900-U+FAFF); other code points have no reading. Syllables are ASCII
 * without tones, "ü" written "v" ("lv"), at most SHZ_PINYIN_NAME_MAX letters.
 * Traditional and Simplified forms each have their own row (長 and 长 both
 * read zhang chang), so no folding is needed before a lookup.
 *
 * Const tables only, no allocation: safe from any thread.
 */
#ifndef SHZ_PINYIN_H
#define SHZ_PINYIN_H

#include <stddef.h>
#include <stdint.h>

/* Longest syllable name ("zhuang"), without its NUL. */
#define SHZ_PINYIN_NAME_MAX 6

/* Most readings one character has in the table (the generator checks it). */
#define SHZ_PINYIN_READINGS_MAX 8

/*
 * The readings of cp as syllable ids, customary reading first: writes up to
 * cap of them to out and returns how many cp has (which may exceed cap; out
 * may be NULL when cap is 0). Returns 0 for a code point without a reading
 * (not a Han character, or one the table lacks).
 */
int shzi_pinyin_syllables(uint32_t cp, uint16_t *out, int cap);

/* 1 when cp and other share at least one toneless syllable, else 0. */
int shzi_pinyin_homophones(uint32_t cp, uint32_t other);

/* The name of syllable id ("miao"), static; NULL when id is not a syllable. */
const char *shzi_pinyin_syllable_name(uint16_t id);

/* Number of syllable ids (ids run 0 .. count-1, in ASCII order of their names). */
size_t shzi_pinyin_syllable_count(void);

/*
 * The tables, defined in the generated pinyin_table.c (hidden, integers and
 * characters only: no load-time relocation).
 *   shzi_pinyin_pages[cp >> 8]  the page of the 256 code points that share cp's high byte
 *                               (BMP only); page 0 has none with readings;
 *   shzi_pinyin_page_sets[page * 256 + (cp & 255)]  the offset into shzi_pinyin_readings of
 *                               cp's reading set (a count n, then n syllable ids), or
 *                               SHZ_PINYIN_NONE;
 *   shzi_pinyin_cp_count         how many code points have readings;
 *   shzi_pinyin_names[id]    the NUL-padded name of syllable id.
 * Two levels instead of a sorted list of code points: the readings cover nearly every code
 * point of their pages, so a lookup is two reads and the list of code points is not needed.
 */
#define SHZ_PINYIN_NONE 0xFFFFu
extern const uint8_t shzi_pinyin_pages[256];
extern const uint16_t shzi_pinyin_page_sets[];
extern const size_t shzi_pinyin_cp_count;
extern const uint16_t shzi_pinyin_readings[];
extern const char shzi_pinyin_names[][SHZ_PINYIN_NAME_MAX + 1];
extern const size_t shzi_pinyin_name_count;

#endif
