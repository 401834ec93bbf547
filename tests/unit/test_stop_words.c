/*
 * The Han stop-word list (search/stop_words.c): its lookup is a binary search on the first
 * character, so the list must be sorted by it, with longer words first among those that share
 * it; every word must be found whole, and the longest one wins. A query loses its stop words, so
 * none of two characters or more may be part of what a query is meant to find: a measure's
 * title, keyword or alias.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "runtime/utf8.h"
#include "search/stop_words.h"
#include "shenzhen.h"

static uint32_t word_length(const uint32_t *w)
{
    uint32_t n = 0;
    while (n < SZS_STOP_WORD_MAX && w[n])
        n++;
    return n;
}

Test(stop_words, sorted_by_first_character_longer_words_first)
{
    size_t count = szs_han_stop_word_count();
    cr_assert_gt(count, 100);
    cr_assert_null(szs_han_stop_word(count));
    for (size_t i = 1; i < count; i++) {
        const uint32_t *a = szs_han_stop_word(i - 1), *b = szs_han_stop_word(i);
        cr_assert_leq(a[0], b[0], "word %zu (U+%04X) after U+%04X", i, (unsigned)b[0],
                      (unsigned)a[0]);
        if (a[0] == b[0])
            cr_assert_geq(word_length(a), word_length(b), "word %zu: longer ones first", i);
    }
}

/* Each word is found at its full length and no further, with a character after it that
 * continues no stop word; characters that start none, before, inside and past the list's range
 * of first characters, are none. */
Test(stop_words, every_word_is_found_whole_and_no_further)
{
    static const uint32_t city = 0x5E02; /* 市 */
    for (size_t i = 0; i < szs_han_stop_word_count(); i++) {
        const uint32_t *w = szs_han_stop_word(i);
        uint32_t n = word_length(w), text[SZS_STOP_WORD_MAX + 1];
        cr_assert_geq(w[0], 0x4E00u, "word %zu is Han", i);
        for (uint32_t k = 0; k < n; k++)
            text[k] = w[k];
        text[n] = city;
        cr_assert_eq(szs_han_stop_at(text, n + 1), n, "word %zu", i);
    }
    const uint32_t none[] = {0x4DFF, city, 0x9FA5}; /* before 一, 市, 龥 */
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        cr_assert_eq(szs_han_stop_at(none + i, 1), 0, "U+%04X is not a stop word",
                     (unsigned)none[i]);
}

Test(stop_words, the_longest_word_wins)
{
    const uint32_t whether[] = {0x662F, 0x4E0D, 0x662F}; /* 是不是, beside 是 */
    const uint32_t know[] = {0x4E0D, 0x77E5, 0x9053};    /* 不知道 */
    cr_assert_eq(szs_han_stop_at(whether, 3), 3);
    cr_assert_eq(szs_han_stop_at(whether, 2), 1, "是不 is not one: 是 is");
    cr_assert_eq(szs_han_stop_at(know, 3), 3);
    cr_assert_eq(szs_han_stop_at(know, 0), 0, "no characters");
}

/* The UTF-8 of a stop word into out (room for 4 bytes a character and a NUL). */
static void to_utf8(const uint32_t *w, char *out)
{
    size_t n = 0;
    for (uint32_t k = 0; k < word_length(w); k++)
        n += shzi_utf8_encode(w[k], (unsigned char *)out + n);
    out[n] = '\0';
}

/* Whether text[0..len) holds word. */
static int holds(const char *text, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t at = 0; at + n <= len; at++)
        if (!memcmp(text + at, word, n))
            return 1;
    return 0;
}

Test(stop_words, no_word_of_two_characters_or_more_is_part_of_a_title_keyword_or_alias)
{
    size_t checked = 0;
    for (size_t i = 0; i < szs_han_stop_word_count(); i++) {
        const uint32_t *w = szs_han_stop_word(i);
        if (word_length(w) < 2)
            continue;
        char word[4 * SZS_STOP_WORD_MAX + 1];
        to_utf8(w, word);
        for (size_t m = 0; m < shz_measure_count(); m++) {
            const shz_measure *measure = shz_measure_at(m);
            const char *text;
            size_t len;
            cr_assert_eq(shz_measure_text(measure, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &text, &len),
                         SHZ_OK);
            cr_assert_not(holds(text, len, word), "%s in measure %zu's title", word, m + 1);
            for (size_t k = 0; k < shz_measure_keyword_count(measure); k++) {
                cr_assert_eq(shz_measure_keyword(measure, k, &text, &len), SHZ_OK);
                cr_assert_not(holds(text, len, word), "%s in a keyword of measure %zu", word,
                              m + 1);
            }
            for (size_t k = 0; k < shz_measure_alias_count(measure); k++) {
                cr_assert_eq(shz_measure_alias(measure, k, &text, &len), SHZ_OK);
                cr_assert_not(holds(text, len, word), "%s in an alias of measure %zu", word, m + 1);
            }
        }
        checked++;
    }
    cr_assert_gt(checked, 140);
}
