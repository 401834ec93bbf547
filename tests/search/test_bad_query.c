/* Bad queries and bad options: a distinct status, a NULL result, never a crash. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"

static shz_status search(const char *q, size_t len, const shz_search_options *o)
{
    shz_results *r = (shz_results *)&r; /* must be overwritten */
    shz_status s = shz_search(q, len, o, &r);
    if (s == SHZ_OK) {
        cr_assert_not_null(r);
        shz_results_free(r);
    } else {
        cr_assert_null(r, "results must be NULL on error");
        cr_assert_str_neq(shz_errstr(s), "unknown status");
    }
    return s;
}

#define BAD(bytes, status) cr_assert_eq(search(bytes, sizeof(bytes) - 1, NULL), status, #bytes)

Test(bad_query, null_and_null_results)
{
    shz_results *r = (shz_results *)&r;
    cr_assert_eq(shz_search(NULL, 0, NULL, &r), SHZ_ERR_INVALID_ARG);
    cr_assert_null(r);
    cr_assert_eq(shz_search(NULL, 5, NULL, &r), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_search("a", 1, NULL, NULL), SHZ_ERR_INVALID_ARG);
}

Test(bad_query, empty_whitespace_punctuation)
{
    BAD("", SHZ_ERR_EMPTY_QUERY);
    BAD("   ", SHZ_ERR_EMPTY_QUERY);
    BAD("\t\n \xE3\x80\x80", SHZ_ERR_EMPTY_QUERY);                    /* ideographic space */
    BAD("\xE3\x80\x81\xEF\xBC\x8C\xE2\x80\x9C", SHZ_ERR_EMPTY_QUERY); /* 、，“ */
    BAD("\"\"", SHZ_ERR_EMPTY_QUERY);
    BAD("\"   \"", SHZ_ERR_EMPTY_QUERY);
}

Test(bad_query, invalid_utf8)
{
    BAD("\xC0\x80", SHZ_ERR_BAD_UTF8);         /* overlong NUL */
    BAD("\xE0\x80\xAF", SHZ_ERR_BAD_UTF8);     /* overlong / */
    BAD("\xF0\x82\x82\xAC", SHZ_ERR_BAD_UTF8); /* overlong € */
    BAD("\xED\xA0\x80", SHZ_ERR_BAD_UTF8);     /* surrogate D800 */
    BAD("\xED\xBF\xBF", SHZ_ERR_BAD_UTF8);     /* surrogate DFFF */
    BAD("\xE5\x88", SHZ_ERR_BAD_UTF8);         /* truncated 创 */
    BAD("\xE5\x88\x9B\xE6", SHZ_ERR_BAD_UTF8); /* 创 then truncated */
    BAD("\x80", SHZ_ERR_BAD_UTF8);             /* lone continuation */
    BAD("\xF5\x80\x80\x80", SHZ_ERR_BAD_UTF8); /* above U+10FFFF */
    BAD("\xF4\x90\x80\x80", SHZ_ERR_BAD_UTF8); /* U+110000 */
    BAD("\xFF", SHZ_ERR_BAD_UTF8);
    BAD("\"\xE5\x88", SHZ_ERR_BAD_UTF8); /* bad UTF-8 wins over the open quote */
}

Test(bad_query, too_long)
{
    char *q = malloc(SHZ_QUERY_MAX + 2);
    memset(q, 'a', SHZ_QUERY_MAX + 1);
    cr_assert_eq(search(q, SHZ_QUERY_MAX + 1, NULL), SHZ_ERR_QUERY_TOO_LONG);
    cr_assert_eq(search(q, SHZ_QUERY_MAX, NULL), SHZ_OK); /* exactly the limit is fine */
    for (size_t i = 0; i < SHZ_QUERY_MAX; i += 2)
        q[i + 1] = ' '; /* the most terms a query can have */
    cr_assert_eq(search(q, SHZ_QUERY_MAX, NULL), SHZ_OK);
    for (size_t i = 0; i < SHZ_QUERY_MAX; i++)
        q[i] = (char)('a' + i % 26); /* distinct terms of one letter and spaces */
    for (size_t i = 0; i < SHZ_QUERY_MAX; i += 2)
        q[i + 1] = ' ';
    cr_assert_eq(search(q, SHZ_QUERY_MAX, NULL), SHZ_OK);
    free(q);
}

Test(bad_query, unclosed_quote)
{
    BAD("\"创新", SHZ_ERR_BAD_QUERY);
    BAD("创新 \"机制 \"深圳\"", SHZ_ERR_BAD_QUERY);
    BAD("\xEF\xBC\x82创新", SHZ_ERR_BAD_QUERY); /* full-width quotation mark */
}

Test(bad_query, embedded_nul_is_ignored)
{
    cr_assert_eq(search("创\0新", 7, NULL), SHZ_OK);
}

/* zzqvxx: a word the catalogue has nowhere, nor one of its letter pairs (qv), so that best match
 * weighs it as a word the index lacks. */
Test(bad_query, no_hits_is_success)
{
    shz_results *r;
    cr_assert_eq(shz_search("zzqvxx", 6, NULL, &r), SHZ_OK);
    cr_assert_eq(shz_results_count(r), 0);
    cr_assert_null(shz_results_measure(r, 0));
    cr_assert_eq(shz_results_span(r, 0, 0, NULL, NULL, NULL, NULL, NULL), SHZ_ERR_NOT_FOUND);
    shz_results_free(r);
    /* Every term must occur in all-terms mode; the terms can be read all the same, and say
     * which one matched nothing. */
    shz_search_options all = SHZ_SEARCH_OPTIONS_INIT;
    all.mode = SHZ_SEARCH_ALL_TERMS;
    cr_assert_eq(shz_search("创新 zzqvxx", strlen("创新 zzqvxx"), &all, &r), SHZ_OK);
    cr_assert_eq(shz_results_count(r), 0);
    cr_assert_eq(shz_results_term_count(r), 2);
    const char *t;
    size_t tlen;
    cr_assert_eq(shz_results_term(r, 1, &t, &tlen), SHZ_OK);
    cr_assert(tlen == 6 && !strcmp(t, "zzqvxx"));
    cr_assert_gt(shz_results_term_measures(r, 0), 0);
    cr_assert_eq(shz_results_term_measures(r, 1), 0);
    cr_assert_eq(shz_results_term(r, 2, &t, &tlen), SHZ_ERR_NOT_FOUND);
    shz_results_free(r);
    /* Best match finds the measures of the term that occurs, as partial matches, when that term
     * is not common (创新, in most measures, beside an unknown word holds too little). */
    shz_search_options matches = SHZ_SEARCH_OPTIONS_INIT;
    matches.flags = SHZ_ONLY_MATCHES;
    cr_assert_eq(shz_search("破产 zzqvxx", strlen("破产 zzqvxx"), &matches, &r), SHZ_OK);
    cr_assert_gt(shz_results_count(r), 0);
    for (size_t i = 0; i < shz_results_count(r); i++) {
        cr_assert_eq(shz_results_match(r, i) & SHZ_MATCH_ALL_TERMS, 0);
        cr_assert_eq(shz_results_hit_term(r, i, 0), 1);
        cr_assert_eq(shz_results_hit_term(r, i, 2), 0);
    }
    shz_results_free(r);
}

Test(bad_query, options)
{
    shz_search_options o;
    shz_search_options_init(&o);
    shz_search_options_init(NULL);
    cr_assert_eq(o.size, sizeof o);
    o.size = 0;
    cr_assert_eq(search("创新", 6, &o), SHZ_ERR_BAD_OPTIONS);
    /* 1.0's size (its struct ended with limit), and none between it and this version's. */
    size_t size_1_0 = offsetof(shz_search_options, limit) + sizeof o.limit;
    o.size = size_1_0 - 1;
    cr_assert_eq(search("创新", 6, &o), SHZ_ERR_BAD_OPTIONS);
    o.size = size_1_0;
    cr_assert_eq(search("创新", 6, &o), SHZ_OK);
    o.fields = SHZ_FIELD_ALIASES; /* 1.0 had no such field */
    cr_assert_eq(search("创新", 6, &o), SHZ_ERR_BAD_OPTIONS);
    o.fields = 0;
    o.size = size_1_0 + 1;
    cr_assert_eq(search("创新", 6, &o), SHZ_ERR_BAD_OPTIONS);
    shz_search_options_init(&o);
    o.mode = 2;
    cr_assert_eq(search("创新", 6, &o), SHZ_ERR_BAD_OPTIONS);
    o.mode = SHZ_SEARCH_ALL_TERMS;
    cr_assert_eq(search("创新", 6, &o), SHZ_OK);
    shz_search_options_init(&o);
    o.fields = 64;
    cr_assert_eq(search("创新", 6, &o), SHZ_ERR_BAD_OPTIONS);
    shz_search_options_init(&o);
    o.lang = SHZ_LANG_EN; /* since 1.2; 1.0's options still refuse it */
    cr_assert_eq(search("创新", 6, &o), SHZ_OK);
    o.size = size_1_0;
    cr_assert_eq(search("创新", 6, &o), SHZ_ERR_BAD_LANG);
    o.size = sizeof o;
    o.lang = (shz_lang)7;
    cr_assert_eq(search("创新", 6, &o), SHZ_ERR_BAD_LANG);
    /* A newer caller's bigger struct: accepted while the fields we do not know are zero. */
    struct {
        shz_search_options known;
        unsigned char future[16];
    } newer;
    memset(&newer, 0, sizeof newer);
    shz_search_options_init(&newer.known);
    newer.known.size = sizeof newer;
    cr_assert_eq(search("创新", 6, &newer.known), SHZ_OK);
    newer.future[3] = 1;
    cr_assert_eq(search("创新", 6, &newer.known), SHZ_ERR_BAD_OPTIONS);
}

Test(bad_query, accessors_on_null_and_out_of_range)
{
    const char *t;
    size_t a, b;
    shz_lang lang;
    shz_results_free(NULL);
    cr_assert_eq(shz_results_count(NULL), 0);
    cr_assert_null(shz_results_measure(NULL, 0));
    cr_assert_eq(shz_results_score(NULL, 0), 0);
    cr_assert_eq(shz_results_field(NULL, 0), 0);
    cr_assert_eq(shz_results_span_count(NULL, 0), 0);
    cr_assert_eq(shz_results_span(NULL, 0, 0, NULL, NULL, NULL, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_snippet(NULL, 0, &t, &a), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_span_lang(NULL, 0, 0, &lang), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_snippet_match(NULL, 0, &a, &b), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_match(NULL, 0), 0);
    cr_assert_eq(shz_results_term_count(NULL), 0);
    cr_assert_eq(shz_results_term(NULL, 0, &t, &a), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_term_measures(NULL, 0), 0);
    cr_assert_eq(shz_results_hit_term(NULL, 0, 0), 0);
    shz_results *r;
    cr_assert_eq(shz_search("创新", 6, NULL, &r), SHZ_OK);
    size_t n = shz_results_count(r);
    cr_assert_gt(n, 0);
    cr_assert_eq(shz_results_snippet(r, 0, NULL, &a), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_snippet(r, n, &t, &a), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_results_span_lang(r, 0, 0, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_snippet_match(r, n, &a, &b), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_results_span(r, 0, shz_results_span_count(r, 0), NULL, NULL, NULL, NULL, NULL),
                 SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_results_span(r, n, 0, NULL, NULL, NULL, NULL, NULL), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_results_score(r, n), 0);
    cr_assert_eq(shz_results_match(r, n), 0);
    cr_assert_neq(shz_results_match(r, 0), 0);
    cr_assert_eq(shz_results_term(r, 0, NULL, &a), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_term(r, shz_results_term_count(r), &t, &a), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_results_term_measures(r, shz_results_term_count(r)), 0);
    cr_assert_eq(shz_results_hit_term(r, n, 0), 0);
    cr_assert_eq(shz_results_hit_term(r, 0, shz_results_term_count(r)), 0);
    shz_results_free(r);
}
