/*
 * 1.0's search, kept for 1.0 callers: through options of 1.0's size, and
 * through the 1.0 version of shz_search (bound by programs linked against 1.0,
 * here found with dlvsym, and called with NULL options). Both must give the
 * hits, order, scores and spans that 1.0's rules give, as the brute-force
 * oracle computes them over 1.0's fields (never the aliases or English body).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void setup(void)
{
    cr_assert(oracle_init(), "oracle: cannot load texts or %s", SHZ_T2S_TSV);
}

TestSuite(legacy, .init = setup, .fini = oracle_fini);

static unsigned cap(unsigned v, unsigned max)
{
    return v < max ? v : max;
}

static int64_t score_1_0(const oracle_hit *h)
{
    return (int64_t)h->title_terms << 31 | (int64_t)cap(h->occurrences, 65535) << 15 |
           (int64_t)(32767 - cap(h->first_offset, 32767));
}

static int by_rank(const void *a, const void *b)
{
    const oracle_hit *x = a, *y = b;
    int64_t sx = score_1_0(x), sy = score_1_0(y);
    if (sx != sy)
        return sx > sy ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* The engine's ranking through `way` equals the oracle's 1.0 ranking, hit by hit. */
static size_t check_ranking(const char *query, check_way way, unsigned fields)
{
    static oracle_query q;
    static oracle_hit hits[4096];
    shz_results *r;
    cr_assert_eq(search_way(query, strlen(query), fields, SHZ_LANG_ZH_HANS, 0, way, &r), SHZ_OK,
                 "'%s'", query);
    cr_assert(oracle_parse(query, strlen(query), &q));
    size_t n = oracle_search(&q, oracle_mask(fields, 1), hits, 4096);
    qsort(hits, n, sizeof hits[0], by_rank);
    cr_assert_eq(shz_results_count(r), n, "'%s': %zu hits, 1.0 gives %zu", query,
                 shz_results_count(r), n);
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(shz_measure_id(shz_results_measure(r, i)), hits[i].id, "'%s' hit %zu", query,
                     i);
        cr_assert_eq(shz_results_score(r, i), score_1_0(&hits[i]), "'%s' hit %zu", query, i);
        cr_assert_eq(shz_results_field(r, i), oracle_field[hits[i].best_field]);
    }
    shz_results_free(r);
    check_query_way(query, strlen(query), fields, SHZ_LANG_ZH_HANS, way); /* the spans */
    return n;
}

static void title_queries(check_way way, size_t *queries, size_t *hits)
{
    static size_t off[4097];
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *title;
        size_t len;
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &title, &len);
        size_t n = split_chars(title, len, off, 4096);
        for (size_t a = 0; a + 2 <= n; a += 2) {
            char q[64];
            size_t ql = off[a + 2] - off[a];
            memcpy(q, title + off[a], ql);
            q[ql] = '\0';
            oracle_query parsed;
            if (oracle_parse(q, ql, &parsed) && parsed.count) {
                *hits += check_ranking(q, way, 0);
                (*queries)++;
            }
        }
    }
    /* Latin, pinyin, several terms; "ice" and "port" match inside words and syllables in 1.0,
     * which 1.0 callers keep. */
    const char *more[] = {"ice",       "port",      "miaobao",  "mbmp", "green",        "city fund",
                          "创新 机制", "深圳 国际", "zhenbuil", "5G",   "破产 经济再生"};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++, (*queries)++)
        *hits += check_ranking(more[i], way, 0);
    *hits += check_ranking("创新", way, SHZ_FIELD_BODY);
    *hits += check_ranking("shen", way, SHZ_FIELD_PINYIN | SHZ_FIELD_SUMMARY);
}

Test(legacy, options_of_1_0_size_search_as_1_0)
{
    size_t queries = 0, hits = 0;
    title_queries(WAY_SIZE_1_0, &queries, &hits);
    cr_assert(queries > 300 && hits > queries, "%zu queries, %zu hits", queries, hits);
}

Test(legacy, the_1_0_symbol_searches_as_1_0_also_with_null_options)
{
    size_t queries = 0, hits = 0;
    title_queries(WAY_SYMBOL_1_0, &queries, &hits);
    cr_assert(queries > 300 && hits > queries, "%zu queries, %zu hits", queries, hits);
    cr_log_info("legacy: %zu queries, %zu hits through shz_search@SHENZHEN_1.0", queries, hits);
}

Test(legacy, the_1_0_symbol_ignores_the_mode_and_rejects_new_fields)
{
    /* A best-match query through the 1.0 symbol is still every-term matching. */
    shz_results *r;
    cr_assert_eq(search_way("怎样帮助困境企业重整", strlen("怎样帮助困境企业重整"), 0,
                            SHZ_LANG_ZH_HANS, 0, WAY_SYMBOL_1_0, &r),
                 SHZ_OK);
    cr_assert_eq(shz_results_count(r), 0);
    shz_results_free(r);
    cr_assert_eq(search_way("创新", 6, SHZ_FIELD_ALIASES, SHZ_LANG_ZH_HANS, 0, WAY_SYMBOL_1_0, &r),
                 SHZ_ERR_BAD_OPTIONS);
    cr_assert_null(r);
    /* The 1.1 symbol's default is best match: the same question finds its measure. */
    cr_assert_eq(shz_search("怎样帮助困境企业重整", strlen("怎样帮助困境企业重整"), NULL, &r),
                 SHZ_OK);
    cr_assert_gt(shz_results_count(r), 0);
    shz_results_free(r);
}
