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

typedef struct hit {
    int64_t score, id;
} hit;

static int by_score_then_id(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static void add_part(char *query, size_t *len, const char *text, size_t text_len)
{
    if (*len + (*len ? 1 : 0) + text_len > SHZ_QUERY_MAX)
        return;
    if (*len)
        query[(*len)++] = ' ';
    /* Quotation marks would open a phrase: the rule writes them as spaces. */
    for (size_t i = 0; i < text_len;) {
        if (text[i] == '"' || (i + 2 < text_len && !memcmp(text + i, "\xEF\xBC\x82", 3))) {
            query[(*len)++] = ' ';
            i += text[i] == '"' ? 1 : 3;
        } else {
            query[(*len)++] = text[i++];
        }
    }
}

/* The related ids of m by the documented rule, from a search run now. */
static void expected_related(const shz_measure *m, int64_t want[5])
{
    char query[SHZ_QUERY_MAX];
    size_t len = 0, part_len;
    const char *part;
    cr_assert_eq(shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &part, &part_len), SHZ_OK);
    add_part(query, &len, part, part_len);
    for (size_t k = 0; k < shz_measure_keyword_count(m); k++) {
        cr_assert_eq(shz_measure_keyword(m, k, &part, &part_len), SHZ_OK);
        add_part(query, &len, part, part_len);
    }
    for (size_t k = 0; k < shz_measure_alias_count(m); k++) {
        cr_assert_eq(shz_measure_alias(m, k, &part, &part_len), SHZ_OK);
        add_part(query, &len, part, part_len);
    }
    shz_results *results = NULL;
    shz_status status = shz_search(query, len, NULL, &results);
    cr_assert(status == SHZ_OK || status == SHZ_ERR_EMPTY_QUERY, "%s", shz_errstr(status));
    size_t count = shz_results_count(results), n = 0;
    hit *hits = calloc(count + 1, sizeof *hits);
    cr_assert_not_null(hits);
    for (size_t k = 0; k < count; k++)
        if (shz_results_measure(results, k) != m)
            hits[n++] = (hit){shz_results_score(results, k),
                              shz_measure_id(shz_results_measure(results, k))};
    shz_results_free(results);
    qsort(hits, n, sizeof *hits, by_score_then_id);
    size_t filled = 0;
    for (size_t k = 0; k < n && filled < 5; k++)
        want[filled++] = hits[k].id;
    free(hits);
    for (int pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < shz_measure_count() && filled < 5; j++) {
            const shz_measure *other = shz_measure_at(j);
            int taken = other == m;
            for (size_t k = 0; k < filled; k++)
                taken |= want[k] == shz_measure_id(other);
            if (!taken && (pass == 1 || shz_measure_category(other) == shz_measure_category(m)))
                want[filled++] = shz_measure_id(other);
        }
    cr_assert_eq(filled, 5);
}

Test(related, table_is_what_the_search_gives_now)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        int64_t want[5];
        expected_related(m, want);
        for (size_t k = 0; k < 5; k++)
            cr_assert_eq(shz_measure_id(shz_measure_related(m, k)), want[k],
                         "measure %zu, related %zu", i + 1, k);
    }
}
