/*
 * shz_results_snippet_match in best-match mode marks the whole match, and the snippet is cut
 * around the best one: for every Han keyword of three characters or more searched on its own,
 * a hit whose snippet text holds the keyword (but not the aliases, which have no spans) has a mark
 * of the keyword's length at least (not only its first bigram), and the mark starts where a span
 * starts and ends where one ends, so highlighting by spans and by the mark agree. An English search
 * marks English text.
 */
#define _GNU_SOURCE /* memmem */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "shenzhen.h"
#include "utf8_test.h"

enum { ELLIPSIS = sizeof "\xE2\x80\xA6" - 1 }; /* "…" in UTF-8 */

/* Whether s is Han characters only (U+4E00-U+9FFF), and how many. */
static size_t han_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t at = 0; at < len;) {
        uint32_t cp = 0;
        size_t step = tc_utf8_decode(s + at, len - at, &cp);
        if (step == 0 || cp < 0x4E00 || cp > 0x9FFF)
            return 0;
        at += step;
        n++;
    }
    return n;
}

/* Checks hit i of r: the mark's bounds are span bounds, placed in the snippet through its
 * origin; returns the mark's length in code points. */
static size_t check_mark(const shz_results *r, size_t i, const char *query)
{
    const char *snippet = NULL;
    size_t len = 0, start = 0, end = 0, origin = 0;
    shz_field field = 0;
    shz_lang lang = SHZ_LANG_ZH_HANS;
    cr_assert_eq(shz_results_snippet(r, i, &snippet, &len), SHZ_OK);
    cr_assert_eq(shz_results_snippet_match(r, i, &start, &end), SHZ_OK);
    cr_assert_eq(shz_results_snippet_origin(r, i, &field, &lang, &origin, NULL), SHZ_OK);
    cr_assert_leq(start, end);
    cr_assert_leq(end, len);
    if (field == SHZ_FIELD_ALIASES)
        return tc_utf8_count(snippet + start, end - start); /* no spans there */
    if ((shz_results_match(r, i) & SHZ_MATCH_RELATED) && shz_results_span_count(r, i) == 0) {
        /* A related measure that holds no term shows its text from the start, nothing marked. */
        cr_assert(origin == 0 && start == 0 && end == 0, "'%s' hit %zu", query, i);
        return 0;
    }
    size_t head = origin > 0 ? ELLIPSIS : 0;
    int starts = 0, ends = 0;
    for (size_t k = 0; k < shz_results_span_count(r, i); k++) {
        shz_field span_field = 0;
        shz_lang span_lang = SHZ_LANG_ZH_HANS;
        size_t b0 = 0, b1 = 0;
        cr_assert_eq(shz_results_span(r, i, k, &span_field, &b0, &b1, NULL, NULL), SHZ_OK);
        cr_assert_eq(shz_results_span_lang(r, i, k, &span_lang), SHZ_OK);
        if (span_field != field || span_lang != lang || b0 < origin)
            continue;
        size_t s0 = b0 - origin + head, s1 = b1 - origin + head;
        starts += s0 == start;
        ends += s1 == end;
        /* A span overlapping the mark lies inside it: the mark is a whole run. */
        if (s0 < end && s1 > start)
            cr_assert(s0 >= start && s1 <= end,
                      "'%s' hit %zu: span [%zu, %zu) sticks out of the mark [%zu, %zu) of '%s'",
                      query, i, s0, s1, start, end, snippet);
    }
    cr_assert(starts && ends, "'%s' hit %zu: mark [%zu, %zu) of '%s' is not bounded by spans",
              query, i, start, end, snippet);
    return tc_utf8_count(snippet + start, end - start);
}

Test(snippet_match, marks_the_whole_keyword)
{
    size_t checked = 0;
    for (size_t id = 1; id <= shz_measure_count(); id++) {
        const shz_measure *m = NULL;
        cr_assert_eq(shz_measure_get((int)id, &m), SHZ_OK);
        for (size_t k = 0; k < shz_measure_keyword_count(m); k++) {
            const char *kw = NULL;
            size_t kw_len = 0;
            cr_assert_eq(shz_measure_keyword(m, k, &kw, &kw_len), SHZ_OK);
            size_t chars = han_length(kw, kw_len);
            /* Function characters are cut out of a query (README), splitting its run. */
            static const char *const cut[] = {"的", "了", "和", "与", "及", "吗", "呢",
                                              "吧", "是", "想", "太", "很", "把", "被",
                                              "都", "也", "又", "我", "你", "谁"};
            for (size_t c = 0; c < sizeof cut / sizeof cut[0]; c++)
                if (memmem(kw, kw_len, cut[c], strlen(cut[c])))
                    chars = 0;
            if (chars < 3)
                continue;
            char query[256];
            cr_assert_lt(kw_len, sizeof query);
            memcpy(query, kw, kw_len);
            query[kw_len] = '\0';
            shz_results *r = NULL;
            cr_assert_eq(shz_search(query, kw_len, NULL, &r), SHZ_OK);
            for (size_t i = 0; i < shz_results_count(r); i++) {
                const char *snippet = NULL;
                cr_assert_eq(shz_results_snippet(r, i, &snippet, NULL), SHZ_OK);
                size_t marked = check_mark(r, i, query);
                if (!strstr(snippet, query) || shz_results_field(r, i) == SHZ_FIELD_ALIASES)
                    continue;
                cr_assert_geq(marked, chars, "'%s' hit %zu: only %zu characters of '%s' marked",
                              query, i, marked, snippet);
                checked++;
            }
            shz_results_free(r);
        }
    }
    cr_assert_gt(checked, 150, "only %zu hits checked", checked);
}

Test(snippet_match, english_search_marks_english_text)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.lang = SHZ_LANG_EN;
    o.flags = SHZ_ONLY_MATCHES; /* a related measure that holds no term has no match to show */
    const char *query = "personal bankruptcy";
    shz_results *r = NULL;
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK);
    cr_assert_gt(shz_results_count(r), 0);
    size_t whole = 0;
    for (size_t i = 0; i < shz_results_count(r); i++) {
        const char *snippet = NULL;
        size_t start = 0, end = 0;
        shz_lang lang = SHZ_LANG_ZH_HANS;
        cr_assert_eq(shz_results_snippet_origin(r, i, NULL, &lang, NULL, NULL), SHZ_OK);
        cr_assert_eq(lang, SHZ_LANG_EN, "'%s' hit %zu: an English match shown in lang %d", query, i,
                     (int)lang);
        cr_assert_eq(shz_results_snippet(r, i, &snippet, NULL), SHZ_OK);
        cr_assert_eq(shz_results_snippet_match(r, i, &start, &end), SHZ_OK);
        check_mark(r, i, query);
        whole +=
            strncasecmp(snippet + start, query, end - start) == 0 && end - start == strlen(query);
    }
    cr_assert_gt(whole, 0, "no hit marks '%s' whole", query);
    shz_results_free(r);
}
