/*
 * Ranking rules (README "Ranking"), each checked over many queries against the
 * oracle's independent count of the ranking features:
 *   title match > body match; then more terms found in titles; then more
 *   occurrences; then an earlier first match; then the lower id.
 * Each rule must actually decide some pair of neighbouring hits, and no pair
 * may be out of order.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "check.h"

static void setup(void)
{
    cr_assert(oracle_init());
}

TestSuite(rank, .init = setup, .fini = oracle_fini);

enum rule { TITLE_TERMS, OCCURRENCES, POSITION, ID, RULES };

typedef struct tally {
    size_t decided[RULES];
    size_t pairs;
} tally;

static unsigned cap(unsigned v, unsigned max)
{
    return v < max ? v : max;
}

/* Which rule orders a before b (a ranked first), asserting it agrees. */
static enum rule decide(const oracle_hit *a, const oracle_hit *b, const char *query)
{
    if (a->title_terms != b->title_terms) {
        cr_assert_gt(a->title_terms, b->title_terms, "'%s': %ld before %ld", query, (long)a->id,
                     (long)b->id);
        return TITLE_TERMS;
    }
    unsigned ao = cap(a->occurrences, 65535), bo = cap(b->occurrences, 65535);
    if (ao != bo) {
        cr_assert_gt(ao, bo, "'%s': %ld before %ld", query, (long)a->id, (long)b->id);
        return OCCURRENCES;
    }
    unsigned ap = cap(a->first_offset, 32767), bp = cap(b->first_offset, 32767);
    if (ap != bp) {
        cr_assert_lt(ap, bp, "'%s': %ld before %ld", query, (long)a->id, (long)b->id);
        return POSITION;
    }
    cr_assert_lt(a->id, b->id, "'%s': tie not broken by id", query);
    return ID;
}

static void rank_query(const char *query, tally *t)
{
    static oracle_query q;
    static oracle_hit hits[4096];
    shz_results *r;
    shz_search_options o = all_terms_options();
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK, "'%s'", query);
    cr_assert(oracle_parse(query, strlen(query), &q));
    size_t n = oracle_search(&q, oracle_mask(0, 0), hits, 4096);
    cr_assert_eq(shz_results_count(r), n);
    oracle_hit prev = {0, 0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        int64_t id = shz_measure_id(shz_results_measure(r, i));
        const oracle_hit *h = NULL;
        for (size_t k = 0; k < n && !h; k++)
            if (hits[k].id == id)
                h = &hits[k];
        cr_assert_not_null(h);
        /* The score is the documented formula of the features. */
        int64_t score = (int64_t)h->title_terms << 31 | (int64_t)cap(h->occurrences, 65535) << 15 |
                        (int64_t)(32767 - cap(h->first_offset, 32767));
        cr_assert_eq(shz_results_score(r, i), score, "'%s' measure %ld", query, (long)id);
        cr_assert_eq(shz_results_field(r, i), oracle_field[h->best_field]);
        if (i) {
            t->decided[decide(&prev, h, query)]++;
            t->pairs++;
        }
        prev = *h;
    }
    shz_results_free(r);
}

/* Every title bigram and trigram as a query, and pairs of title words. */
static void rank_many(tally *t)
{
    static size_t off[4097];
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *title;
        size_t len;
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &title, &len);
        size_t n = split_chars(title, len, off, 4096);
        for (size_t a = 0; a + 2 <= n; a++) {
            for (size_t k = 1; k <= 3 && a + k <= n; k++) {
                char q[64];
                size_t ql = off[a + k] - off[a];
                memcpy(q, title + off[a], ql);
                q[ql] = '\0';
                oracle_query parsed;
                if (oracle_parse(q, ql, &parsed) && parsed.count)
                    rank_query(q, t);
            }
        }
    }
    const char *multi[] = {"创新 机制", "深圳 国际", "企业 服务", "建设 城市", "科技 人才",
                           "发展 产业", "green",     "city",      "fund",      "shen"};
    for (size_t i = 0; i < sizeof multi / sizeof multi[0]; i++)
        rank_query(multi[i], t);
}

Test(rank, title_match_outranks_body_match)
{
    tally t = {{0}, 0};
    rank_many(&t);
    cr_assert_gt(t.decided[TITLE_TERMS], 0);
}

Test(rank, then_more_occurrences)
{
    tally t = {{0}, 0};
    rank_many(&t);
    cr_assert_gt(t.decided[OCCURRENCES], 0);
}

Test(rank, then_earlier_position)
{
    tally t = {{0}, 0};
    rank_many(&t);
    cr_assert_gt(t.decided[POSITION], 0);
}

Test(rank, ties_by_id)
{
    tally t = {{0}, 0};
    rank_many(&t);
    cr_assert_gt(t.decided[ID], 0);
}

Test(rank, more_terms_in_titles_first)
{
    /* Two terms: hits with both in the title come before hits with one. */
    shz_results *r;
    const char *query = "创新 机制";
    shz_search_options o = all_terms_options();
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK);
    int64_t last = INT64_MAX;
    int saw_two = 0, saw_fewer = 0;
    for (size_t i = 0; i < shz_results_count(r); i++) {
        int64_t terms = shz_results_score(r, i) >> 31;
        cr_assert_leq(terms, last);
        last = terms;
        saw_two |= terms == 2;
        saw_fewer |= terms < 2;
    }
    cr_assert(saw_two && saw_fewer);
    shz_results_free(r);
}

Test(rank, limit_keeps_the_best)
{
    shz_results *all, *top;
    shz_search_options o = all_terms_options(), unlimited = all_terms_options();
    o.limit = 3;
    cr_assert_eq(shz_search("发展", strlen("发展"), &unlimited, &all), SHZ_OK);
    cr_assert_eq(shz_search("发展", strlen("发展"), &o, &top), SHZ_OK);
    cr_assert_gt(shz_results_count(all), 3);
    cr_assert_eq(shz_results_count(top), 3);
    for (size_t i = 0; i < 3; i++) {
        cr_assert_eq(shz_results_measure(all, i), shz_results_measure(top, i));
        cr_assert_eq(shz_results_span_count(all, i), shz_results_span_count(top, i));
    }
    shz_results_free(all);
    shz_results_free(top);
}

/* Hit i of a and hit i of b are the same in every respect the API shows. */
static void assert_same_hit(const shz_results *a, const shz_results *b, size_t i, const char *q)
{
    cr_assert_eq(shz_results_measure(a, i), shz_results_measure(b, i), "'%s' hit %zu", q, i);
    cr_assert_eq(shz_results_score(a, i), shz_results_score(b, i), "'%s' hit %zu", q, i);
    cr_assert_eq(shz_results_field(a, i), shz_results_field(b, i));
    size_t spans = shz_results_span_count(a, i);
    cr_assert_eq(spans, shz_results_span_count(b, i), "'%s' hit %zu", q, i);
    for (size_t s = 0; s < spans; s++) {
        size_t va[4], vb[4];
        shz_field fa, fb;
        cr_assert_eq(shz_results_span(a, i, s, &fa, &va[0], &va[1], &va[2], &va[3]), SHZ_OK);
        cr_assert_eq(shz_results_span(b, i, s, &fb, &vb[0], &vb[1], &vb[2], &vb[3]), SHZ_OK);
        cr_assert(fa == fb && memcmp(va, vb, sizeof va) == 0, "'%s' hit %zu span %zu", q, i, s);
    }
    const char *sa, *sb;
    size_t la, lb;
    cr_assert_eq(shz_results_snippet(a, i, &sa, &la), SHZ_OK);
    cr_assert_eq(shz_results_snippet(b, i, &sb, &lb), SHZ_OK);
    cr_assert(la == lb && memcmp(sa, sb, la) == 0, "'%s' hit %zu snippet", q, i);
}

/* With a limit the engine prunes measures that cannot reach the top k; what it
 * keeps must be exactly the first k of the exhaustive ranking, for queries with
 * many hits (one or two characters of every title). */
Test(rank, a_limit_gives_exactly_the_first_hits_of_the_full_ranking)
{
    static const size_t limits[] = {1, 2, 3, 5, 10};
    size_t queries = 0, pruned_cases = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *title;
        size_t len;
        cr_assert_eq(
            shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &title, &len),
            SHZ_OK);
        /* Every 1- and 2-character window of the title (UTF-8 aware). */
        for (size_t start = 0; start < len; start += (title[start] & 0x80) ? 3 : 1) {
            for (size_t width = 1; width <= 2; width++) {
                size_t end = start;
                for (size_t c = 0; c < width && end < len; c++)
                    end += (title[end] & 0x80) ? 3 : 1;
                char q[64];
                size_t qlen = end - start;
                if (qlen == 0 || qlen >= sizeof q)
                    continue;
                memcpy(q, title + start, qlen);
                q[qlen] = '\0';
                shz_results *all;
                shz_search_options unlimited = all_terms_options();
                shz_status st = shz_search(q, qlen, &unlimited, &all);
                if (st != SHZ_OK)
                    continue; /* punctuation only: nothing to rank */
                queries++;
                for (size_t l = 0; l < sizeof limits / sizeof *limits; l++) {
                    shz_search_options o = all_terms_options();
                    o.limit = limits[l];
                    shz_results *top;
                    cr_assert_eq(shz_search(q, qlen, &o, &top), SHZ_OK);
                    size_t want =
                        shz_results_count(all) < limits[l] ? shz_results_count(all) : limits[l];
                    cr_assert_eq(shz_results_count(top), want, "'%s' limit %zu", q, limits[l]);
                    pruned_cases += shz_results_count(all) > limits[l];
                    for (size_t i = 0; i < want; i++)
                        assert_same_hit(all, top, i, q);
                    shz_results_free(top);
                }
                shz_results_free(all);
            }
        }
    }
    cr_assert_gt(queries, 500);
    cr_assert_gt(pruned_cases, 500, "the limit must actually cut many result lists");
}
