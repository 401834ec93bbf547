/*
 * The bounded edit distance (libshenzhen/search/fuzzy.h) against a plain, unbounded
 * optimal string alignment distance written here, over fixed cases and many
 * random pairs; and the typo budget by word length.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search/fuzzy.h"

/* The textbook full-matrix optimal string alignment distance: no band, no cap. */
static int reference_osa(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t w = nb + 1;
    int *d = malloc((na + 1) * w * sizeof *d);
    cr_assert_not_null(d);
    for (size_t i = 0; i <= na; i++)
        d[i * w] = (int)i;
    for (size_t j = 0; j <= nb; j++)
        d[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        for (size_t j = 1; j <= nb; j++) {
            int sub = d[(i - 1) * w + j - 1] + (a[i - 1] != b[j - 1]);
            int del = d[(i - 1) * w + j] + 1;
            int ins = d[i * w + j - 1] + 1;
            int v = sub < del ? sub : del;
            v = v < ins ? v : ins;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                int t = d[(i - 2) * w + j - 2] + 1;
                v = v < t ? v : t;
            }
            d[i * w + j] = v;
        }
    }
    int r = d[na * w + nb];
    free(d);
    return r;
}

static size_t to_cps(const char *s, uint32_t *out)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)s[i];
    return n;
}

static int dist(const char *x, const char *y, int max)
{
    uint32_t a[128], b[128];
    size_t na = to_cps(x, a), nb = to_cps(y, b);
    return shzi_edit_distance_within(a, na, b, nb, max);
}

Test(fuzzy, known_distances)
{
    cr_assert_eq(dist("bankrupcy", "bankruptcy", 2), 1, "one deletion");
    cr_assert_eq(dist("bankrupcty", "bankruptcy", 2), 1, "an adjacent swap is one edit");
    cr_assert_eq(dist("ab", "ba", 1), 1);
    cr_assert_eq(dist("kitten", "sitting", 3), 3);
    cr_assert_eq(dist("kitten", "sitting", 2), 3, "over the bound: max + 1");
    cr_assert_eq(dist("kitten", "sitting", 0), 1);
    cr_assert_eq(dist("", "", 0), 0);
    cr_assert_eq(dist("", "abc", 3), 3);
    cr_assert_eq(dist("abc", "", 2), 3);
    cr_assert_eq(dist("same", "same", 0), 0);
    /* Restricted: a swapped pair may not be edited again ("ca" -> "ac" -> "abc" is not allowed),
     * so this is 3 where unrestricted Damerau-Levenshtein gives 2. */
    cr_assert_eq(dist("ca", "abc", 3), 3);
}

Test(fuzzy, max_is_clamped)
{
    cr_assert_eq(dist("abc", "abd", -5), 1, "a negative max behaves as 0");
    cr_assert_eq(dist("abc", "abc", -1), 0);
    cr_assert_eq(dist("aaaaaaaaaaaa", "bbbbbbbbbbbb", 100), SHZ_FUZZY_MAX_EDITS + 1);
    cr_assert_eq(dist("aaaaaaa", "bbbbbbb", 100), 7);
}

Test(fuzzy, words_past_the_length_cap_are_equal_or_too_far)
{
    uint32_t a[SHZ_FUZZY_MAX_LEN + 2], b[SHZ_FUZZY_MAX_LEN + 2];
    for (size_t i = 0; i < SHZ_FUZZY_MAX_LEN + 2; i++)
        a[i] = b[i] = 'a' + (uint32_t)(i % 26);
    size_t n = SHZ_FUZZY_MAX_LEN + 1;
    cr_assert_eq(shzi_edit_distance_within(a, n, b, n, 2), 0);
    b[3] = 'z';
    cr_assert_eq(shzi_edit_distance_within(a, n, b, n, 2), 3, "longer than the cap: not computed");
    /* At the cap itself the distance is still exact. */
    n = SHZ_FUZZY_MAX_LEN;
    cr_assert_eq(shzi_edit_distance_within(a, n, b, n, 2), 1);
    cr_assert_eq(shzi_edit_distance_within(a, n, b, n - 1, 2), 2);
}

Test(fuzzy, han_and_other_code_points)
{
    static const uint32_t a[] = {0x79D2, 0x6279}, b[] = {0x79D2, 0x76AE}, c[] = {0x6279, 0x79D2};
    cr_assert_eq(shzi_edit_distance_within(a, 2, b, 2, 1), 1);
    cr_assert_eq(shzi_edit_distance_within(a, 2, c, 2, 1), 1);
    cr_assert_eq(shzi_edit_distance_within(a, 2, a, 2, 0), 0);
    cr_assert_eq(shzi_edit_distance_within(NULL, 0, a, 2, 2), 2);
}

/* Deterministic xorshift: the same pairs every run. */
static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static void random_pairs(uint32_t seed, uint32_t alphabet, size_t max_len, int rounds)
{
    static const uint32_t letters[] = {'a', 'b', 'c', 'd', 0x4E00, 0x79D2, 0x1F600, 'z'};
    uint32_t state = seed, a[SHZ_FUZZY_MAX_LEN], b[SHZ_FUZZY_MAX_LEN];
    long close = 0;
    for (int round = 0; round < rounds; round++) {
        size_t na = next_random(&state) % (max_len + 1);
        size_t nb;
        for (size_t i = 0; i < na; i++)
            a[i] = alphabet <= 8 ? letters[next_random(&state) % alphabet]
                                 : 'a' + next_random(&state) % alphabet;
        if (next_random(&state) % 2) { /* often a mutation of a, to land near the bound */
            nb = na;
            memcpy(b, a, na * sizeof *a);
            int edits = (int)(next_random(&state) % 4);
            for (int e = 0; e < edits && nb > 0 && nb < max_len; e++) {
                size_t at = next_random(&state) % nb;
                switch (next_random(&state) % 4) {
                case 0: /* substitute */
                    b[at] = letters[next_random(&state) % 8];
                    break;
                case 1: /* delete */
                    memmove(b + at, b + at + 1, (nb - at - 1) * sizeof *b);
                    nb--;
                    break;
                case 2: /* insert */
                    memmove(b + at + 1, b + at, (nb - at) * sizeof *b);
                    b[at] = letters[next_random(&state) % 8];
                    nb++;
                    break;
                default: /* swap neighbours */
                    if (at + 1 < nb) {
                        uint32_t t = b[at];
                        b[at] = b[at + 1];
                        b[at + 1] = t;
                    }
                }
            }
        } else {
            nb = next_random(&state) % (max_len + 1);
            for (size_t i = 0; i < nb; i++)
                b[i] = alphabet <= 8 ? letters[next_random(&state) % alphabet]
                                     : 'a' + next_random(&state) % alphabet;
        }
        int ref = reference_osa(a, na, b, nb);
        for (int max = 0; max <= 4; max++) {
            int want = ref <= max ? ref : max + 1;
            int got = shzi_edit_distance_within(a, na, b, nb, max);
            if (got != want)
                cr_assert_fail("seed %u round %d: na %zu nb %zu max %d: got %d, want %d", seed,
                               round, na, nb, max, got, want);
            close += ref <= max;
        }
    }
    cr_assert_gt(close, rounds / 2, "the pairs must exercise distances within the bound");
}

Test(fuzzy, agrees_with_the_reference_on_random_pairs_small_alphabet)
{
    random_pairs(0x9E3779B9u, 3, 10, 60000);
}

Test(fuzzy, agrees_with_the_reference_on_random_pairs_with_non_ascii)
{
    random_pairs(12345u, 8, 16, 40000);
}

Test(fuzzy, agrees_with_the_reference_on_long_words)
{
    random_pairs(777u, 26, SHZ_FUZZY_MAX_LEN - 1, 3000);
}

Test(fuzzy, typo_budget_follows_word_length)
{
    static const int want[] = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    for (size_t len = 0; len < sizeof want / sizeof *want; len++)
        cr_assert_eq(shzi_typo_budget(len), want[len], "length %zu", len);
    cr_assert_eq(shzi_typo_budget(1000), 2);
}
