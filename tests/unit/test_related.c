/*
 * Related measures (shz_measure_related): the shape of every row, bad
 * arguments, and the compiled table against the search run now, by the rule
 * the header states, so the build stage that made it cannot drift from the
 * search the library ships.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"

Test(related, five_distinct_others_for_every_measure)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        cr_assert_eq(shz_measure_related_count(m), 5, "measure %zu", i + 1);
        for (size_t k = 0; k < 5; k++) {
            const shz_measure *r = shz_measure_related(m, k);
            cr_assert_not_null(r, "measure %zu, related %zu", i + 1, k);
            cr_assert_neq(r, m, "measure %zu is not its own relative", i + 1);
            int64_t id = shz_measure_id(r);
            const shz_measure *again = NULL;
            cr_assert_eq(shz_measure_get(id, &again), SHZ_OK, "a real measure");
            cr_assert_eq(again, r);
            for (size_t j = 0; j < k; j++)
                cr_assert_neq(shz_measure_related(m, j), r, "measure %zu: %lld twice", i + 1,
                              (long long)id);
        }
    }
}

Test(related, null_and_out_of_range)
{
    cr_assert_eq(shz_measure_related_count(NULL), 0);
    cr_assert_null(shz_measure_related(NULL, 0));
    const shz_measure *m = shz_measure_at(0);
    cr_assert_null(shz_measure_related(m, 5));
    cr_assert_null(shz_measure_related(m, SIZE_MAX));
}

enum { MAX_MEASURES = 256 };

/* One of the measure's texts as a query: every other hit's score added to sum (by id). */
static void search_text(const shz_measure *self, const char *text, size_t len, int64_t *sum,
                        int *found)
{
    if (len > SHZ_QUERY_MAX)
        return;
    char query[SHZ_QUERY_MAX];
    size_t n = 0;
    for (size_t i = 0; i < len;) { /* quotation marks would open a phrase: spaces instead */
        if (text[i] == '"' || (i + 2 < len && !memcmp(text + i, "\xEF\xBC\x82", 3))) {
            query[n++] = ' ';
            i += text[i] == '"' ? 1 : 3;
        } else {
            query[n++] = text[i++];
        }
    }
    shz_search_options options = SHZ_SEARCH_OPTIONS_INIT;
    options.mode = SHZ_SEARCH_BEST;
    shz_results *results = NULL;
    shz_status status = shz_search(query, n, &options, &results);
    cr_assert(status == SHZ_OK || status == SHZ_ERR_EMPTY_QUERY, "%s", shz_errstr(status));
    for (size_t k = 0; k < shz_results_count(results); k++) {
        const shz_measure *other = shz_results_measure(results, k);
        if (other != self) {
            sum[shz_measure_id(other)] += shz_results_score(results, k);
            found[shz_measure_id(other)] = 1;
        }
    }
    shz_results_free(results);
}

/* The related ids of m by the documented rule, from searches run now. Returns how many of them
 * the searches found (the rest are the fallback order). */
static size_t expected_related(const shz_measure *m, int64_t want[5])
{
    int64_t sum[MAX_MEASURES + 1] = {0};
    int found[MAX_MEASURES + 1] = {0};
    const char *text;
    size_t len;
    cr_assert_eq(shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &text, &len), SHZ_OK);
    search_text(m, text, len, sum, found);
    for (size_t k = 0; k < shz_measure_keyword_count(m); k++) {
        cr_assert_eq(shz_measure_keyword(m, k, &text, &len), SHZ_OK);
        search_text(m, text, len, sum, found);
    }
    for (size_t k = 0; k < shz_measure_alias_count(m); k++) {
        cr_assert_eq(shz_measure_alias(m, k, &text, &len), SHZ_OK);
        search_text(m, text, len, sum, found);
    }
    int64_t n = (int64_t)shz_measure_count();
    size_t filled = 0;
    for (; filled < 5; filled++) { /* highest sum first, the lower id on ties */
        int64_t best = 0;
        for (int64_t id = 1; id <= n; id++)
            if (found[id] && (best == 0 || sum[id] > sum[best]))
                best = id;
        if (best == 0)
            break;
        found[best] = 0;
        want[filled] = best;
    }
    size_t by_score = filled;
    for (int pass = 0; pass < 2; pass++)
        for (int64_t id = 1; id <= n && filled < 5; id++) {
            const shz_measure *other = shz_measure_at((size_t)id - 1);
            int taken = other == m;
            for (size_t k = 0; k < filled; k++)
                taken |= want[k] == id;
            if (!taken && (pass == 1 || shz_measure_category(other) == shz_measure_category(m)))
                want[filled++] = id;
        }
    cr_assert_eq(filled, 5);
    return by_score;
}

Test(related, table_is_what_the_search_gives_now)
{
    cr_assert_leq(shz_measure_count(), MAX_MEASURES);
    size_t by_score = 0;
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        int64_t want[5];
        by_score += expected_related(m, want);
        for (size_t k = 0; k < 5; k++)
            cr_assert_eq(shz_measure_id(shz_measure_related(m, k)), want[k],
                         "measure %zu, related %zu", i + 1, k);
    }
    /* The measures share enough words that the search, not the fallback order, relates them. */
    cr_assert_geq(by_score * 10, shz_measure_count() * 5 * 9, "%zu of %zu by score", by_score,
                  shz_measure_count() * 5);
}
