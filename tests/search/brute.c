#include "brute.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "search/stem.h"
#include "shenzhen.h"

/* The oracle stems with the library's stemmer, the one the index was stemmed with:
 * tests/unit/test_stem checks it against Snowball's libstemmer. */
int brute_init(void)
{
    return 1;
}

void brute_fini(void) {}

static int wordish(uint32_t c)
{
    return c != 0 && c < 0x3400; /* the oracle keeps a-z, 0-9 and Han */
}

/* Word start and end at position k of a field's normalized text: every letter of the title's
 * initials is a word, and the initials of a keyword are one. */
static int starts_word(const oracle_text *t, int field, size_t k)
{
    if (field == ORACLE_TERMS_INITIALS)
        return k == 0 || t->chars[k - 1] == 0;
    if (!wordish(t->chars[k]) || field == 3) /* Han, or a letter of the initials */
        return 1;
    return k == 0 || !wordish(t->chars[k - 1]) || t->source[k] != t->source[k - 1] + 1;
}

static int ends_word(const oracle_text *t, int field, size_t k)
{
    if (field == ORACLE_TERMS_INITIALS)
        return k + 1 == t->len || t->chars[k + 1] == 0;
    if (!wordish(t->chars[k]) || field == 3)
        return 1;
    return k + 1 == t->len || !wordish(t->chars[k + 1]) || t->source[k + 1] != t->source[k] + 1;
}

static int english_field(int f)
{
    return f == 1 || f == 5 || f == ORACLE_BODY_EN || f == ORACLE_ALIASES;
}

/* The stem of the a-z word chars[0..len) into out (NUL-terminated); 0 if not such a word. */
static int stem_of(const uint32_t *chars, size_t len, char *out, size_t cap)
{
    unsigned char word[SZS_STEM_MAX], s[SZS_STEM_MAX];
    if (len == 0 || len > sizeof word)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (chars[i] < 'a' || chars[i] > 'z')
            return 0;
        word[i] = (unsigned char)chars[i];
    }
    size_t n = szs_stem_english(word, len, s);
    if (n >= cap)
        return 0;
    memcpy(out, s, n);
    out[n] = '\0';
    return 1;
}

/* Whether some English word of field f of measure m has the stem. */
static int has_stem(size_t m, int f, const char *stem)
{
    const oracle_text *t = oracle_field_text(m, f);
    for (size_t k = 0; k < t->len; k++) {
        if (!starts_word(t, f, k) || !wordish(t->chars[k]))
            continue;
        size_t e = k;
        while (!ends_word(t, f, e))
            e++;
        char s[128];
        if (stem_of(t->chars + k, e - k + 1, s, sizeof s) && !strcmp(s, stem))
            return 1;
        k = e;
    }
    return 0;
}

static int is_word(const uint32_t *chars)
{
    return chars[0] < 0x3400;
}

/* Whether some English word of some measure has the stem. */
static int stem_anywhere(const char *stem)
{
    for (size_t m = 0; m < shz_measure_count(); m++)
        for (int f = 0; f < ORACLE_FIELDS; f++)
            if (english_field(f) && has_stem(m, f, stem))
                return 1;
    return 0;
}

/* README "Query analysis": a word of 5 letters or more whose stem no English word of the
 * catalogue has is looked up in its American spelling, the first of these rewrites (of the last
 * occurrence of the left part) whose stem one has. */
static const char *const american[][2] = {
    {"ence", "ense"}, {"our", "or"},  {"ise", "ize"}, {"isi", "izi"},
    {"isa", "iza"},   {"yse", "yze"}, {"ysi", "yzi"}, {"tre", "ter"},
    {"ogue", "og"},   {"lle", "le"},  {"lli", "li"},  {"mme", "m"},
};

/* The stem the word is searched by into out: its own, or its American spelling's (above);
 * 0 if neither. */
static int find_search_stem(const uint32_t *chars, size_t len, char *out, size_t cap)
{
    if (!stem_of(chars, len, out, cap))
        return 0;
    if (len < 5 || stem_anywhere(out))
        return 1;
    for (size_t r = 0; r < sizeof american / sizeof american[0]; r++) {
        size_t n = strlen(american[r][0]), k = strlen(american[r][1]);
        for (size_t at = len >= n ? len - n + 1 : 0; at-- > 0;) {
            size_t i = 0;
            while (i < n && chars[at + i] == (unsigned char)american[r][0][i])
                i++;
            if (i < n)
                continue;
            uint32_t other[128];
            if (len - n + k > sizeof other / sizeof other[0])
                break;
            memcpy(other, chars, at * sizeof *chars);
            for (i = 0; i < k; i++)
                other[at + i] = (unsigned char)american[r][1][i];
            memcpy(other + at + k, chars + at + n, (len - at - n) * sizeof *chars);
            char s[128];
            if (stem_of(other, len - n + k, s, sizeof s) && stem_anywhere(s)) {
                strcpy(out, s);
                return 1;
            }
            break;
        }
    }
    return 1;
}

/* find_search_stem, remembering the last word's answer: a query's terms are asked about measure
 * after measure, and stem_anywhere stems the whole catalogue's English each time (the tests
 * are single-threaded). */
static int search_stem(const uint32_t *chars, size_t len, char *out, size_t cap)
{
    static uint32_t last[128];
    static size_t last_len = SIZE_MAX;
    static int last_found;
    static char last_stem[128];
    if (len == last_len && !memcmp(chars, last, len * sizeof *chars)) {
        if (last_found)
            snprintf(out, cap, "%s", last_stem);
        return last_found;
    }
    int found = find_search_stem(chars, len, out, cap);
    if (len <= sizeof last / sizeof last[0] && cap <= sizeof last_stem) {
        memcpy(last, chars, len * sizeof *chars);
        last_len = len;
        last_found = found;
        if (found)
            snprintf(last_stem, sizeof last_stem, "%s", out);
    }
    return found;
}

static int matches(size_t m, const uint32_t *chars, size_t len, unsigned mask, int stems)
{
    char stem[128];
    int stemmed = stems && is_word(chars) && search_stem(chars, len, stem, sizeof stem);
    for (int f = 0; f < ORACLE_FIELDS; f++) {
        if (!(mask & (1u << f)))
            continue;
        if (f == 3 && len == 1 && is_word(chars))
            continue; /* a lone letter or digit names no syllable of the title's initials */
        const oracle_text *t = oracle_field_text(m, f);
        for (size_t k = 0; k + len <= t->len; k++) {
            if (memcmp(t->chars + k, chars, len * sizeof *chars))
                continue;
            if (!is_word(chars) || (starts_word(t, f, k) && ends_word(t, f, k + len - 1)))
                return 1;
        }
        if (stemmed && english_field(f) && has_stem(m, f, stem))
            return 1;
    }
    return 0;
}

int brute_matches(size_t m, const uint32_t *chars, size_t len, unsigned mask)
{
    return matches(m, chars, len, mask, 1);
}

int brute_whole(size_t m, const uint32_t *chars, size_t len, unsigned mask)
{
    return matches(m, chars, len, mask, 0);
}

size_t brute_gram_df(const uint32_t *chars, size_t len)
{
    size_t df = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        int found = 0;
        for (int f = 0; f < ORACLE_FIELDS && !found; f++) {
            const oracle_text *t = oracle_field_text(m, f);
            for (size_t k = 0; k + len <= t->len && !found; k++)
                found = !memcmp(t->chars + k, chars, len * sizeof *chars);
        }
        df += (size_t)found;
    }
    return df;
}

double brute_idf(size_t df, size_t n)
{
    return log(1.0 + ((double)n - (double)df + 0.5) / ((double)df + 0.5));
}

size_t brute_term(const char *text, size_t len, uint32_t *out, size_t cap)
{
    oracle_text t;
    oracle_normalize(text, len, &t);
    size_t n = t.len < cap ? t.len : cap;
    memcpy(out, t.chars, n * sizeof *out);
    oracle_text_free(&t);
    return n;
}
