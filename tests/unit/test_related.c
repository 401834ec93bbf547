/*
 * Related measures (shz_measure_related and its reason and grade): every
 * measure has some, never itself, never one twice; every link holds both ways
 * with the same grade and reason; every link has its reason in every
 * language; the order is grade 2 first, then id; bad arguments.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "shenzhen.h"

static const shz_lang all_langs[] = {SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANT, SHZ_LANG_EN};

/* The index of other among the related measures of m, or SIZE_MAX. */
static size_t position(const shz_measure *m, const shz_measure *other)
{
    for (size_t k = 0; k < shz_measure_related_count(m); k++)
        if (shz_measure_related(m, k) == other)
            return k;
    return SIZE_MAX;
}

Test(related, some_distinct_others_for_every_measure_in_grade_then_id_order)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        size_t n = shz_measure_related_count(m);
        cr_assert(n >= 1 && n <= 6, "measure %zu has %zu related measures", i + 1, n);
        for (size_t k = 0; k < n; k++) {
            const shz_measure *r = shz_measure_related(m, k);
            cr_assert_not_null(r, "measure %zu, related %zu", i + 1, k);
            cr_assert_neq(r, m, "measure %zu is related to itself", i + 1);
            cr_assert_eq(position(m, r), k, "measure %zu lists %lld twice", i + 1,
                         (long long)shz_measure_id(r));
            int grade = shz_measure_related_grade(m, k);
            cr_assert(grade == 1 || grade == 2, "measure %zu, related %zu: grade %d", i + 1, k,
                      grade);
            if (k > 0) {
                int before = shz_measure_related_grade(m, k - 1);
                cr_assert(before > grade || (before == grade && shz_measure_id(shz_measure_related(
                                                                    m, k - 1)) < shz_measure_id(r)),
                          "measure %zu: related %zu is out of order", i + 1, k);
            }
        }
        cr_assert_null(shz_measure_related(m, n));
    }
}

Test(related, every_link_holds_both_ways_with_the_same_grade_and_reason)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        for (size_t k = 0; k < shz_measure_related_count(m); k++) {
            const shz_measure *r = shz_measure_related(m, k);
            size_t back = position(r, m);
            cr_assert_neq(back, SIZE_MAX, "%lld lists %lld, not the other way round",
                          (long long)shz_measure_id(m), (long long)shz_measure_id(r));
            cr_assert_eq(shz_measure_related_grade(r, back), shz_measure_related_grade(m, k));
            for (size_t l = 0; l < 3; l++) {
                const char *there = NULL, *here = NULL;
                cr_assert_eq(shz_measure_related_reason(m, k, all_langs[l], &here, NULL), SHZ_OK);
                cr_assert_eq(shz_measure_related_reason(r, back, all_langs[l], &there, NULL),
                             SHZ_OK);
                cr_assert_str_eq(here, there);
            }
        }
    }
}

Test(related, every_link_has_a_reason_in_every_language)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        for (size_t k = 0; k < shz_measure_related_count(m); k++)
            for (size_t l = 0; l < 3; l++) {
                const char *text = NULL;
                size_t len = 0;
                cr_assert_eq(shz_measure_related_reason(m, k, all_langs[l], &text, &len), SHZ_OK);
                cr_assert(len >= 10 && strlen(text) == len, "measure %zu, link %zu, lang %zu",
                          i + 1, k, l);
            }
    }
    /* A reason reads the same way round from both ends: it names both measures by number. */
    const shz_measure *m15 = NULL;
    cr_assert_eq(shz_measure_get(15, &m15), SHZ_OK);
    const char *text = NULL;
    cr_assert_eq(shz_measure_related_reason(m15, 0, SHZ_LANG_EN, &text, NULL), SHZ_OK);
    cr_assert(strstr(text, "15") && strstr(text, "16"), "%s", text);
}

Test(related, null_and_out_of_range)
{
    const char *text = "untouched";
    cr_assert_eq(shz_measure_related_count(NULL), 0);
    cr_assert_null(shz_measure_related(NULL, 0));
    cr_assert_eq(shz_measure_related_grade(NULL, 0), 0);
    const shz_measure *m = shz_measure_at(0);
    size_t n = shz_measure_related_count(m);
    cr_assert_null(shz_measure_related(m, n));
    cr_assert_null(shz_measure_related(m, SIZE_MAX));
    cr_assert_eq(shz_measure_related_grade(m, n), 0);
    cr_assert_eq(shz_measure_related_reason(NULL, 0, SHZ_LANG_EN, &text, NULL),
                 SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_related_reason(m, 0, SHZ_LANG_EN, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_related_reason(m, n, SHZ_LANG_EN, &text, NULL), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_measure_related_reason(m, 0, (shz_lang)3, &text, NULL), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_measure_related_reason(m, 0, (shz_lang)-1, &text, NULL), SHZ_ERR_BAD_LANG);
    cr_assert_str_eq(text, "untouched");
}

/* Points the curation was asked to settle, read from the texts. */
Test(related, links_a_reader_would_expect)
{
    static const int64_t pairs[][2] = {{15, 16}, {16, 17}, {17, 18}, {27, 28}, {28, 42},
                                       {27, 42}, {2, 8},   {45, 47}, {36, 37}, {29, 30}};
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        const shz_measure *a = NULL, *b = NULL;
        cr_assert_eq(shz_measure_get(pairs[p][0], &a), SHZ_OK);
        cr_assert_eq(shz_measure_get(pairs[p][1], &b), SHZ_OK);
        cr_assert_neq(position(a, b), SIZE_MAX, "%lld does not list %lld", (long long)pairs[p][0],
                      (long long)pairs[p][1]);
    }
    /* No measure is everybody's neighbor: none appears in more than 6 lists. */
    for (size_t i = 0; i < shz_measure_count(); i++) {
        size_t listed = 0;
        for (size_t j = 0; j < shz_measure_count(); j++)
            listed += position(shz_measure_at(j), shz_measure_at(i)) != SIZE_MAX;
        cr_assert(listed >= 1 && listed <= 6, "measure %zu is in %zu lists", i + 1, listed);
    }
}
