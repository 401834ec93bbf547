/*
 * Allocation failures in every call of the library that allocates: the JSON
 * exports with every flag set, search with every option (walk.c walks each
 * call's failure points), and the countdown itself.
 *
 * Each function's figures go to stderr: calls, their allocations when
 * undisturbed, and the failure points walked in each mode.
 */
#define _GNU_SOURCE /* dlvsym: the 1.0 version of shz_search */
#include <criterion/criterion.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "shenzhen.h"
#include "walk.h"

static const unsigned json_flags[] = {SHZ_JSON_COMPACT, SHZ_JSON_PRETTY, SHZ_JSON_ASCII,
                                      SHZ_JSON_PRETTY | SHZ_JSON_ASCII};
#define NFLAGS (sizeof json_flags / sizeof json_flags[0])

/* ---- The hook itself ------------------------------------------------------------------------ */

Test(alloc, countdown_counts_and_fails_where_armed)
{
    const shz_measure *m;
    cr_assert_eq(shz_measure_get(18, &m), SHZ_OK);
    char *json = NULL;
    shzi_test_fail_allocation(0, 0);
    cr_assert_eq(shz_json_measure(m, 0, &json, NULL), SHZ_OK);
    long total = shzi_test_allocations();
    cr_assert_gt(total, 2, "a measure's JSON takes several allocations, counted %ld", total);
    shz_free(json);

    /* Once: the n-th fails, the count goes on past it. */
    shzi_test_fail_allocation(2, 0);
    json = NULL;
    cr_assert_eq(shz_json_measure(m, 0, &json, NULL), SHZ_ERR_NO_MEMORY);
    cr_assert_null(json);
    cr_assert_geq(shzi_test_allocations(), 2);

    /* Arming again resets the count; n <= 0 disarms. */
    shzi_test_fail_allocation(-1, 1);
    cr_assert_eq(shzi_test_allocations(), 0);
    cr_assert_eq(shz_json_measure(m, 0, &json, NULL), SHZ_OK);
    cr_assert_eq(shzi_test_allocations(), total);
    shz_free(json);

    /* Persistent: from the n-th on, nothing can be allocated, so the call stops at n. */
    shzi_test_fail_allocation(total, 1);
    json = NULL;
    cr_assert_eq(shz_json_measure(m, 0, &json, NULL), SHZ_ERR_NO_MEMORY);
    cr_assert_null(json);
    cr_assert_eq(shzi_test_allocations(), total);
    shzi_test_fail_allocation(0, 0);
}

/* ---- JSON export ---------------------------------------------------------------------------- */

Test(alloc, json_catalogue, .timeout = 600)
{
    tally t = {"shz_json_catalogue", 0, 0, 0, 0};
    for (size_t f = 0; f < NFLAGS; f++) {
        call c = {.kind = CALL_JSON_CATALOGUE, .flags = json_flags[f]};
        snprintf(c.name, sizeof c.name, "shz_json_catalogue(flags %u)", json_flags[f]);
        walk(&c, &t);
    }
    report(&t);
}

Test(alloc, json_category, .timeout = 600)
{
    tally t = {"shz_json_category", 0, 0, 0, 0};
    for (size_t i = 0; i < shz_category_count(); i++) {
        for (size_t f = 0; f < NFLAGS; f++) {
            call c = {.kind = CALL_JSON_CATEGORY, .flags = json_flags[f]};
            c.category = shz_category_at(i);
            cr_assert_not_null(c.category);
            snprintf(c.name, sizeof c.name, "shz_json_category(category %lld, flags %u)",
                     (long long)shz_category_id(c.category), json_flags[f]);
            walk(&c, &t);
        }
    }
    report(&t);
}

Test(alloc, json_measure, .timeout = 600)
{
    tally t = {"shz_json_measure", 0, 0, 0, 0};
    for (size_t i = 0; i < shz_measure_count(); i++) {
        for (size_t f = 0; f < NFLAGS; f++) {
            call c = {.kind = CALL_JSON_MEASURE, .flags = json_flags[f]};
            c.measure = shz_measure_at(i);
            cr_assert_not_null(c.measure);
            snprintf(c.name, sizeof c.name, "shz_json_measure(measure %lld, flags %u)",
                     (long long)shz_measure_id(c.measure), json_flags[f]);
            walk(&c, &t);
        }
    }
    report(&t);
}

/* ---- Search ----------------------------------------------------------------------------------
 * Queries of every shape the analyser knows (one term, several, a quoted phrase, Traditional and
 * full-width forms, Latin words whole and stemmed, pinyin and its initials, typos for the
 * tolerant match, nothing that matches) in both modes under every option: the defaults (NULL
 * options), each language of spans, each field alone and all fields, limits below and above the
 * hit count; and as a 1.0 caller sees it, with options of 1.0's size and through the 1.0 version
 * of shz_search. */

static const char *const queries[] = {
    "秒批",
    "深圳",
    "改革 创新",
    "\"深圳 经济特区\"",
    "創新",
    "ＳＨＥＮＺＨＥＮ",
    "shenzhen",
    "zhuce",
    "sz",
    "知识产权 保护 深圳",
    "qqqqxyz",
    "科技 金融 人才",
    "Innovation",
    "innovations",
    "registering companies",
    "前海",
    "营商环境",
    "深训",
    "inovation",
    "营商坏境",
    "怎么 办理 营业执照",
};
#define NQUERIES (sizeof queries / sizeof queries[0])

/* Walks a search; one that hands back anything to read (hits, or terms) must have allocated it,
 * or the walk would have had nothing to fail. */
static void walk_search(const call *c, tally *t)
{
    long allocations = walk(c, t);
    shz_results *r = NULL;
    cr_assert_eq(c->search(c->query, strlen(c->query), c->options, &r), SHZ_OK);
    size_t hits = shz_results_count(r), terms = shz_results_term_count(r);
    shz_results_free(r);
    if (hits || terms)
        cr_assert_geq(allocations, 1, "%s: %zu hits and %zu terms, no allocation walked", c->name,
                      hits, terms);
}

Test(alloc, search, .timeout = 600)
{
    static const unsigned modes[] = {SHZ_SEARCH_BEST, SHZ_SEARCH_ALL_TERMS};
    static const unsigned fields[] = {0,
                                      SHZ_FIELD_TITLE,
                                      SHZ_FIELD_BODY,
                                      SHZ_FIELD_SUMMARY,
                                      SHZ_FIELD_PINYIN,
                                      SHZ_FIELD_PINYIN_INITIALS,
                                      SHZ_FIELD_ALIASES,
                                      SHZ_FIELD_ALL};
    static const shz_lang langs[] = {SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANT};
    static const size_t limits[] = {0, 1, 3, 100};
    tally t = {"shz_search", 0, 0, 0, 0};
    for (size_t q = 0; q < NQUERIES; q++) {
        call c = {.kind = CALL_SEARCH, .search = shz_search, .query = queries[q]};
        snprintf(c.name, sizeof c.name, "shz_search(\"%s\", default options)", queries[q]);
        walk_search(&c, &t);
        for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++)
            for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
                for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++)
                    for (size_t n = 0; n < sizeof limits / sizeof limits[0]; n++) {
                        shz_search_options options;
                        shz_search_options_init(&options);
                        options.mode = modes[m];
                        options.fields = fields[f];
                        options.lang = langs[l];
                        options.limit = limits[n];
                        c.options = &options;
                        snprintf(c.name, sizeof c.name,
                                 "shz_search(\"%s\", mode %u, fields %u, lang %d, limit %zu)",
                                 queries[q], modes[m], fields[f], (int)langs[l], limits[n]);
                        walk_search(&c, &t);
                    }
        /* A 1.0 caller: options of 1.0's size (no mode), and 1.0's own entry point. */
        shz_search_options options;
        shz_search_options_init(&options);
        options.size = offsetof(shz_search_options, limit) + sizeof options.limit;
        c.options = &options;
        snprintf(c.name, sizeof c.name, "shz_search(\"%s\", 1.0's options)", queries[q]);
        walk_search(&c, &t);
        void *legacy = dlvsym(RTLD_DEFAULT, "shz_search", "SHENZHEN_1.0");
        cr_assert_not_null(legacy, "shz_search@SHENZHEN_1.0: %s", dlerror());
        memcpy(&c.search, &legacy, sizeof legacy); /* POSIX: dlvsym's pointer holds a function */
        c.options = NULL;
        snprintf(c.name, sizeof c.name, "shz_search@SHENZHEN_1.0(\"%s\", NULL)", queries[q]);
        walk_search(&c, &t);
    }
    report(&t);
}
