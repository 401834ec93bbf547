/*
 * The best match's closely related measures (grade 2) after the matches (SHZ_MATCH_RELATED) and the
 * option that leaves them out (SHZ_ONLY_MATCHES). The queries are the catalogue's own keywords, one
 * per measure, so every measure is the best match of some query.
 */
#include <criterion/criterion.h>
#include <stddef.h>
#include <string.h>

#include "shenzhen.h"

static shz_results *search_flags(const char *query, unsigned flags, size_t limit)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.flags = flags;
    o.limit = limit;
    shz_results *r = NULL;
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK, "'%s'", query);
    return r;
}

/* The first keyword of measure index m: a query it answers. */
static const char *keyword_of(size_t m)
{
    const char *text = NULL;
    cr_assert_eq(shz_measure_keyword(shz_measure_at(m), 0, &text, NULL), SHZ_OK);
    return text;
}

/* Index of measure among r's hits, or -1. */
static long hit_of(const shz_results *r, const shz_measure *measure)
{
    for (size_t i = 0; i < shz_results_count(r); i++)
        if (shz_results_measure(r, i) == measure)
            return (long)i;
    return -1;
}

/* Whether measure holds one of r's terms literally (an all-terms search for it finds it). */
static int holds_a_term(const shz_results *r, const shz_measure *measure)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = SHZ_SEARCH_ALL_TERMS;
    int holds = 0;
    for (size_t t = 0; t < shz_results_term_count(r) && !holds; t++) {
        const char *text = NULL;
        size_t len = 0;
        shz_results *literal = NULL;
        cr_assert_eq(shz_results_term(r, t, &text, &len), SHZ_OK);
        cr_assert_eq(shz_search(text, len, &o, &literal), SHZ_OK);
        holds = hit_of(literal, measure) >= 0;
        shz_results_free(literal);
    }
    return holds;
}

/* The contributions of hit i's terms (shz_results_explain()). */
static double explained(const shz_results *r, size_t i)
{
    double sum = 0;
    for (size_t t = 0; t < shz_results_term_count(r); t++) {
        double contribution = -1;
        unsigned how = 99;
        cr_assert_eq(shz_results_explain(r, i, t, NULL, &how, NULL, &contribution), SHZ_OK);
        cr_assert(contribution >= 0);
        cr_assert((how == SHZ_EXPLAIN_NONE) == (shz_results_hit_term(r, i, t) == 0));
        sum += contribution;
    }
    return sum;
}

/* Every closely related measure of the best match is a match or follows the matches, flagged,
 * holding no more than the last match, in order of relevance (one missing holds a term: it holds
 * more than the last match); the explanation adds up to its relevance. */
Test(related_hits, follow_the_matches_of_every_measures_keyword)
{
    size_t queries = 0, related = 0, holding_nothing = 0, missing_holding = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *query = keyword_of(m);
        shz_results *r = search_flags(query, 0, 0);
        size_t n = shz_results_count(r);
        cr_assert_gt(n, 0, "'%s'", query);
        queries++;
        const shz_measure *best = shz_results_measure(r, 0);
        cr_assert_eq(shz_results_match(r, 0) & SHZ_MATCH_RELATED, 0);
        for (size_t k = 0; k < shz_measure_related_count(best); k++) {
            if (shz_measure_related_grade(best, k) != 2)
                continue;
            const shz_measure *companion = shz_measure_related(best, k);
            int missing = hit_of(r, companion) < 0;
            cr_assert(!missing || holds_a_term(r, companion),
                      "'%s': related measure %zu of the best match is missing", query, k);
            missing_holding += missing;
        }
        int after = 0;
        for (size_t i = 0; i < n; i++) {
            double relevance = shz_results_relevance(r, i);
            cr_assert(i == 0 || relevance <= shz_results_relevance(r, i - 1), "'%s' %zu", query, i);
            cr_assert_float_eq(explained(r, i), relevance, 1e-4, "'%s' hit %zu", query, i);
            if (!(shz_results_match(r, i) & SHZ_MATCH_RELATED)) {
                cr_assert_not(after, "'%s': match %zu after a related measure", query, i);
                cr_assert_geq(relevance, SHZ_MIN_RELEVANCE_DEFAULT - 1e-4);
                continue;
            }
            after = 1;
            related++;
            const shz_measure *measure = shz_results_measure(r, i);
            size_t k = 0;
            while (k < shz_measure_related_count(best) && shz_measure_related(best, k) != measure)
                k++;
            cr_assert_lt(k, shz_measure_related_count(best), "'%s' hit %zu", query, i);
            cr_assert_eq(shz_measure_related_grade(best, k), 2, "'%s' hit %zu", query, i);
            if (shz_results_span_count(r, i) == 0) {
                holding_nothing++;
                cr_assert_eq(relevance, 0, "'%s' hit %zu holds nothing", query, i);
            }
        }
        shz_results_free(r);
    }
    cr_assert_eq(queries, shz_measure_count());
    cr_assert_gt(related, shz_measure_count() / 2, "only %zu related hits", related);
    cr_assert_gt(holding_nothing, 0);
    cr_assert_lt(missing_holding, related / 4, "%zu related measures missing", missing_holding);
}

/* A companion of the answer that names a word of the request only in passing (here its summary
 * says "pollution" once, so the precision rule does not count it a match) still follows the
 * answer, holding what it holds: less than the answer, more than min_relevance. */
Test(related_hits, a_companion_mentioning_the_request_in_passing_follows)
{
    const char *query = "sewage pollution";
    shz_results *r = search_flags(query, 0, 0);
    shz_results *only = search_flags(query, SHZ_ONLY_MATCHES, 0);
    cr_assert_eq(shz_results_count(only), 1);
    cr_assert_eq(shz_measure_id(shz_results_measure(r, 0)), 37);
    cr_assert_eq(shz_results_count(r), 2);
    cr_assert_eq(shz_measure_id(shz_results_measure(r, 1)), 36);
    cr_assert(shz_results_match(r, 1) & SHZ_MATCH_RELATED);
    double relevance = shz_results_relevance(r, 1);
    cr_assert(relevance >= SHZ_MIN_RELEVANCE_DEFAULT && relevance < shz_results_relevance(r, 0),
              "%f", relevance);
    shz_results_free(only);
    shz_results_free(r);
}

/* SHZ_ONLY_MATCHES gives the matches alone: the default's hits up to its first related one. */
Test(related_hits, only_matches_are_the_defaults_matches)
{
    size_t differing = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *query = keyword_of(m);
        shz_results *with = search_flags(query, 0, 0);
        shz_results *without = search_flags(query, SHZ_ONLY_MATCHES, 0);
        size_t n = shz_results_count(without);
        cr_assert_geq(shz_results_count(with), n);
        differing += shz_results_count(with) > n;
        for (size_t i = 0; i < n; i++) {
            cr_assert_eq(shz_results_match(without, i) & SHZ_MATCH_RELATED, 0);
            cr_assert_eq(shz_results_measure(with, i), shz_results_measure(without, i));
            cr_assert_eq(shz_results_score(with, i), shz_results_score(without, i));
            cr_assert_eq(shz_results_match(with, i), shz_results_match(without, i));
        }
        for (size_t i = n; i < shz_results_count(with); i++)
            cr_assert(shz_results_match(with, i) & SHZ_MATCH_RELATED, "'%s' %zu", query, i);
        shz_results_free(with);
        shz_results_free(without);
    }
    cr_assert_gt(differing, shz_measure_count() / 2);
}

/* A limit keeps the first hits of the full list: the related measures take the room the matches
 * leave, the best of them first. */
Test(related_hits, a_limit_keeps_the_first_of_the_full_list)
{
    size_t cut = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *query = keyword_of(m);
        shz_results *all = search_flags(query, 0, 0);
        for (size_t limit = 1; limit <= shz_results_count(all); limit++) {
            shz_results *top = search_flags(query, 0, limit);
            cr_assert_eq(shz_results_count(top), limit);
            for (size_t i = 0; i < limit; i++) {
                cr_assert_eq(shz_results_measure(top, i), shz_results_measure(all, i),
                             "'%s' limit %zu hit %zu", query, limit, i);
                cr_assert_eq(shz_results_match(top, i), shz_results_match(all, i));
            }
            cut += (shz_results_match(all, limit - 1) & SHZ_MATCH_RELATED) &&
                   limit < shz_results_count(all);
            shz_results_free(top);
        }
        shz_results_free(all);
    }
    cr_assert_gt(cut, 0, "no limit fell among the related measures");
}

/* No match, no related measure: a query about something the catalogue lacks finds nothing. And
 * all-terms mode never lists them. */
Test(related_hits, none_without_a_match_nor_in_all_terms_mode)
{
    static const char *const nothing[] = {"宠物狗美容", "how to groom a poodle", "zzqvxx"};
    for (size_t i = 0; i < sizeof nothing / sizeof *nothing; i++) {
        shz_results *r = search_flags(nothing[i], 0, 0);
        cr_assert_eq(shz_results_count(r), 0, "'%s'", nothing[i]);
        shz_results_free(r);
    }
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = SHZ_SEARCH_ALL_TERMS;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *query = keyword_of(m);
        shz_results *r = NULL;
        cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK);
        cr_assert_gt(shz_results_count(r), 0, "'%s'", query);
        for (size_t i = 0; i < shz_results_count(r); i++)
            cr_assert_eq(shz_results_match(r, i), SHZ_MATCH_ALL_TERMS, "'%s' %zu", query, i);
        shz_results_free(r);
    }
}

/* The flags: an unknown bit is refused; a caller whose struct ends before them (1.2 to 1.7)
 * gets the default, whatever its memory holds after its struct. */
Test(related_hits, flags_are_checked_and_default_for_older_callers)
{
    const char *query = keyword_of(14);
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    cr_assert_eq(o.flags, 0);
    shz_results *r = (shz_results *)&o;
    o.flags = 2;
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_ERR_BAD_OPTIONS);
    cr_assert_null(r);
    o.flags = SHZ_ONLY_MATCHES;
    o.size = offsetof(shz_search_options, flags); /* 1.7's struct: flags unread */
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK);
    shz_results *want = search_flags(query, 0, 0);
    cr_assert_eq(shz_results_count(r), shz_results_count(want));
    cr_assert(shz_results_match(r, shz_results_count(r) - 1) & SHZ_MATCH_RELATED);
    shz_results_free(r);
    shz_results_free(want);
}

/* A related measure that holds no term shows the start of its body in the search's language. */
Test(related_hits, one_holding_nothing_shows_its_body)
{
    const shz_lang langs[] = {SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANT, SHZ_LANG_EN};
    size_t shown = 0;
    for (size_t l = 0; l < 3; l++)
        for (size_t m = 0; m < shz_measure_count(); m++) {
            const char *query = keyword_of(m);
            shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
            o.lang = langs[l];
            shz_results *r = NULL;
            cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK);
            for (size_t i = 0; i < shz_results_count(r); i++) {
                if (!(shz_results_match(r, i) & SHZ_MATCH_RELATED) ||
                    shz_results_span_count(r, i) > 0)
                    continue;
                shz_field field = 0;
                shz_lang lang = 0;
                size_t start = 1, chars = 1, len = 0, body_len = 0;
                const char *snippet = NULL, *body = NULL;
                cr_assert_eq(shz_results_snippet_origin(r, i, &field, &lang, &start, &chars),
                             SHZ_OK);
                cr_assert(field == SHZ_FIELD_BODY && lang == langs[l] && start == 0 && chars == 0,
                          "'%s' hit %zu: field %d lang %d", query, i, (int)field, (int)lang);
                cr_assert_eq(shz_results_snippet(r, i, &snippet, &len), SHZ_OK);
                cr_assert_eq(shz_measure_text(shz_results_measure(r, i), SHZ_FIELD_BODY, lang,
                                              &body, &body_len),
                             SHZ_OK);
                size_t ellipsis = strlen("…");
                size_t same = len >= ellipsis && !memcmp(snippet + len - ellipsis, "…", ellipsis)
                                  ? len - ellipsis
                                  : len;
                cr_assert(same > 0 && same <= body_len && !memcmp(snippet, body, same),
                          "'%s' hit %zu: '%s'", query, i, snippet);
                shown++;
            }
            shz_results_free(r);
        }
    cr_assert_gt(shown, 3 * 10);
}
