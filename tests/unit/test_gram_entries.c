/*
 * The per-measure gram entries the generator bakes into the index
 * (index_data.h, gram_measures) against the postings they summarise: a
 * best-match search that reads them must return exactly what the same search
 * scoring every term from its postings returns (the same measures in the same
 * order, the same scores, match kinds, terms, spans and snippets), with and
 * without a limit, over queries cut from every measure's texts, run together,
 * and tolerant ones.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "search/search_int.h"
#include "shenzhen.h"

static shz_status run(const char *query, size_t limit, int postings_only, shz_results **r)
{
    szs_settings set = {
        (1u << SHZ_IX_NSLOTS) - 1, SHZ_LANG_ZH_HANS, limit, SHZ_SEARCH_BEST, 0, postings_only};
    *r = NULL;
    return szs_run(query, strlen(query), &set, r);
}

static void assert_same_span(const shz_results *a, const shz_results *b, size_t i, size_t k,
                             const char *query)
{
    shz_field fa, fb;
    size_t va[4], vb[4];
    cr_assert_eq(shz_results_span(a, i, k, &fa, &va[0], &va[1], &va[2], &va[3]), SHZ_OK);
    cr_assert_eq(shz_results_span(b, i, k, &fb, &vb[0], &vb[1], &vb[2], &vb[3]), SHZ_OK);
    cr_assert(fa == fb && !memcmp(va, vb, sizeof va), "%s: hit %zu span %zu differs", query, i, k);
}

/* Returns how many hits the query had (with the limit, 0 for none). */
static size_t assert_same_limited(const char *query, size_t limit)
{
    shz_results *a, *b;
    shz_status sa = run(query, limit, 0, &a), sb = run(query, limit, 1, &b);
    cr_assert_eq(sa, sb, "%s", query);
    if (sa == SHZ_ERR_EMPTY_QUERY) /* a cut of punctuation alone */
        return 0;
    cr_assert_eq(sa, SHZ_OK, "%s", query);
    size_t n = shz_results_count(a);
    cr_assert_eq(n, shz_results_count(b), "%s: %zu hits from the entries, %zu from postings", query,
                 n, shz_results_count(b));
    cr_assert_eq(shz_results_term_count(a), shz_results_term_count(b), "%s", query);
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(shz_results_measure(a, i), shz_results_measure(b, i), "%s: hit %zu", query, i);
        cr_assert_eq(shz_results_score(a, i), shz_results_score(b, i), "%s: hit %zu", query, i);
        cr_assert_eq(shz_results_match(a, i), shz_results_match(b, i), "%s: hit %zu", query, i);
        cr_assert_eq(shz_results_field(a, i), shz_results_field(b, i), "%s: hit %zu", query, i);
        for (size_t t = 0; t < shz_results_term_count(a); t++)
            cr_assert_eq(shz_results_hit_term(a, i, t), shz_results_hit_term(b, i, t), "%s", query);
        size_t spans = shz_results_span_count(a, i);
        cr_assert_eq(spans, shz_results_span_count(b, i), "%s: hit %zu", query, i);
        for (size_t k = 0; k < spans; k++)
            assert_same_span(a, b, i, k, query);
        const char *ta, *tb;
        size_t la, lb;
        cr_assert_eq(shz_results_snippet(a, i, &ta, &la), SHZ_OK);
        cr_assert_eq(shz_results_snippet(b, i, &tb, &lb), SHZ_OK);
        cr_assert(la == lb && !memcmp(ta, tb, la), "%s: hit %zu snippet differs", query, i);
    }
    shz_results_free(a);
    shz_results_free(b);
    return n;
}

/* All hits, and the best ten (kept by another path). */
static size_t assert_same(const char *query)
{
    assert_same_limited(query, 10);
    return assert_same_limited(query, 0);
}

/* chars [from, from + count) of a UTF-8 text into out (at most size bytes with its NUL). */
static int cut(const char *text, size_t len, size_t from, size_t count, char *out, size_t size)
{
    size_t i = 0, c = 0, start = 0;
    for (; i < len && c < from + count; i++) {
        if (((unsigned char)text[i] & 0xC0) == 0x80)
            continue;
        if (c == from)
            start = i;
        c++;
    }
    while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
        i++;
    if (c < from + count || i - start >= size)
        return 0;
    memcpy(out, text + start, i - start);
    out[i - start] = '\0';
    return 1;
}

Test(gram_entries, agree_with_postings_on_cut_queries)
{
    static const shz_field fields[] = {SHZ_FIELD_TITLE, SHZ_FIELD_BODY};
    size_t queries = 0, hits = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        for (size_t f = 0; f < 2; f++) {
            const char *text;
            size_t len;
            cr_assert_eq(
                shz_measure_text(shz_measure_at(m), fields[f], SHZ_LANG_ZH_HANS, &text, &len),
                SHZ_OK);
            /* One to nine characters from a few places along the text. */
            for (size_t from = 0; from < 600; from += 7) {
                char query[128];
                size_t count = 1 + (from / 7 + m) % 9;
                if (!cut(text, len, from, count, query, sizeof query))
                    break;
                hits += assert_same(query);
                queries++;
            }
        }
    }
    cr_assert_gt(queries, 10 * shz_measure_count(), "only %zu queries", queries);
    cr_assert_gt(hits, queries, "only %zu hits for %zu queries", hits, queries);
}

Test(gram_entries, agree_with_postings_on_questions_and_tolerance)
{
    static const char *const queries[] = {
        "怎样帮助困境企业重整",
        "推进 个人破产",
        "river pollution control",
        "秒皮",
        "个人破产 bankruptcy",
        "深圳的营商环境有哪些改革",
        "火星殖民",
        "土地 二次开发",
        "知识产权保护怎么做",
        "业",
        "建",
        "5G 基站",
        "医疗 港澳",
        "\"商事登记\"",
        "bankrupcy",
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
        assert_same(queries[i]);
}
