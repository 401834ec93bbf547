/*
 * The precision rule ("held weight", README "Ranking") on its own, and the relevance and
 * min_relevance option that carry it: a query of words the catalogue does not have finds
 * nothing, whatever its characters share with the texts; the threshold is the option's; a
 * rare exact term outranks common characters.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "shenzhen.h"

static shz_status run(const char *q, double min_relevance, size_t options_size, shz_results **r)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.min_relevance = min_relevance;
    o.size = options_size;
    return shz_search(q, strlen(q), &o, r);
}

static shz_results *search_at(const char *q, double min_relevance)
{
    shz_results *r = NULL;
    cr_assert_eq(run(q, min_relevance, sizeof(shz_search_options), &r), SHZ_OK, "'%s'", q);
    return r;
}

static int has_measure(const shz_results *r, int64_t id)
{
    for (size_t i = 0; i < shz_results_count(r); i++)
        if (shz_measure_id(shz_results_measure(r, i)) == id)
            return 1;
    return 0;
}

Test(precision, unknown_words_find_nothing_even_without_a_threshold)
{
    /* Words none of whose bigrams the catalogue has; several of their characters occur. */
    const char *unknown[] = {"量子纠缠", "恐龙化石", "瑜伽冥想", "xylophone", "zebra giraffe"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        shz_results *r = search_at(unknown[i], 0);
        size_t occurring = 0;
        for (size_t t = 0; t < shz_results_term_count(r); t++)
            occurring += shz_results_term_measures(r, t) > 0;
        cr_assert_eq(shz_results_count(r), 0, "'%s': %zu hits", unknown[i], shz_results_count(r));
        cr_assert_gt(shz_results_term_count(r), 0, "'%s': its terms are still reported",
                     unknown[i]);
        shz_results_free(r);
        (void)occurring;
    }
}

Test(precision, characters_of_an_unknown_word_occur_but_do_not_match)
{
    /* The rule's subject: at least one character of this unknown word is in some measure. */
    shz_results *r = search_at("量子纠缠", 0);
    size_t occurring = 0;
    for (size_t t = 0; t < shz_results_term_count(r); t++)
        occurring += shz_results_term_measures(r, t) > 0;
    cr_assert_gt(occurring, 0);
    cr_assert_eq(shz_results_count(r), 0);
    shz_results_free(r);
}

Test(precision, a_rare_exact_term_ranks_above_common_characters)
{
    /* 破产 is in one measure; the unknown word after it shares characters with many. */
    shz_results *r = search_at("破产蘑菇", 0);
    cr_assert_gt(shz_results_count(r), 0);
    cr_assert_eq(shz_measure_id(shz_results_measure(r, 0)), 15);
    shz_results_free(r);
}

Test(precision, relevance_is_a_share_and_orders_the_hits)
{
    const char *queries[] = {"知识产权保护", "垃圾分类回收", "green buildings", "社区 公园",
                             "科技成果转化"};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        shz_results *r = search_at(queries[i], 0);
        cr_assert_gt(shz_results_count(r), 0, "'%s'", queries[i]);
        double last = 1;
        for (size_t h = 0; h < shz_results_count(r); h++) {
            double rel = shz_results_relevance(r, h);
            cr_assert(rel > 0 && rel <= last, "'%s' hit %zu: %f after %f", queries[i], h, rel,
                      last);
            last = rel;
        }
        /* The default threshold keeps exactly the hits at or above it, in the same order. */
        shz_results *d = search_at(queries[i], SHZ_MIN_RELEVANCE_DEFAULT);
        size_t above = 0;
        for (size_t h = 0; h < shz_results_count(r); h++)
            above += shz_results_relevance(r, h) >= SHZ_MIN_RELEVANCE_DEFAULT;
        cr_assert_eq(shz_results_count(d), above, "'%s'", queries[i]);
        for (size_t h = 0; h < above; h++)
            cr_assert_eq(shz_results_measure(d, h), shz_results_measure(r, h));
        shz_results_free(d);
        shz_results_free(r);
    }
    cr_assert_eq(shz_results_relevance(NULL, 0), 0);
}

Test(precision, min_relevance_filters_and_is_checked)
{
    shz_results *loose = search_at("知识产权保护", 0), *strict = search_at("知识产权保护", 0.5);
    cr_assert_lt(shz_results_count(strict), shz_results_count(loose));
    for (size_t h = 0; h < shz_results_count(strict); h++)
        cr_assert_geq(shz_results_relevance(strict, h), 0.5 - 1e-4);
    cr_assert(has_measure(strict, 21));
    shz_results_free(loose);
    shz_results_free(strict);
    const double bad[] = {-0.01, 1.01, NAN, INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        shz_results *r = (shz_results *)1;
        cr_assert_eq(run("知识产权", bad[i], sizeof(shz_search_options), &r), SHZ_ERR_BAD_OPTIONS);
        cr_assert_null(r);
    }
    shz_search_options o;
    shz_search_options_init(&o);
    cr_assert_eq(o.min_relevance, SHZ_MIN_RELEVANCE_DEFAULT);
}

Test(precision, a_1_1_caller_gets_the_default_threshold)
{
    /* 1.1's struct ended with mode; what follows in the caller's memory is not read. */
    size_t size_1_1 = offsetof(shz_search_options, min_relevance);
    shz_results *old = NULL, *now = search_at("社区公园建设", SHZ_MIN_RELEVANCE_DEFAULT);
    cr_assert_eq(run("社区公园建设", 0.9, size_1_1, &old), SHZ_OK);
    cr_assert_eq(shz_results_count(old), shz_results_count(now));
    for (size_t h = 0; h < shz_results_count(now); h++)
        cr_assert_eq(shz_results_measure(old, h), shz_results_measure(now, h));
    shz_results_free(old);
    shz_results_free(now);
}

Test(precision, all_terms_mode_hits_have_relevance_one)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = SHZ_SEARCH_ALL_TERMS;
    shz_results *r = NULL;
    cr_assert_eq(shz_search("知识产权", strlen("知识产权"), &o, &r), SHZ_OK);
    cr_assert_gt(shz_results_count(r), 0);
    for (size_t h = 0; h < shz_results_count(r); h++)
        cr_assert_eq(shz_results_relevance(r, h), 1.0);
    shz_results_free(r);
}

Test(precision, explain_contributions_add_up_to_the_relevance)
{
    const char *queries[] = {"知识产权保护", "four onlys",   "破产发庭",        "bankrupcy court",
                             "社区 公园",    "科技成果转化", "green buildings", "秒皮 审批"};
    size_t checked = 0, held_somewhere = 0;
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        shz_results *r = search_at(queries[q], 0);
        size_t terms = shz_results_term_count(r);
        for (size_t h = 0; h < shz_results_count(r); h++) {
            double sum = 0, weights = 0;
            for (size_t t = 0; t < terms; t++) {
                shz_field field;
                unsigned how;
                double weight, contribution;
                cr_assert_eq(shz_results_explain(r, h, t, &field, &how, &weight, &contribution),
                             SHZ_OK);
                cr_assert(weight >= 0 && weight <= 1 && contribution >= 0 &&
                          contribution <= weight + 1e-12);
                /* Held or not, as shz_results_hit_term says. */
                unsigned hit_term = shz_results_hit_term(r, h, t);
                cr_assert_eq(how == SHZ_EXPLAIN_NONE, hit_term == 0, "'%s' hit %zu term %zu",
                             queries[q], h, t);
                cr_assert_eq(how == SHZ_EXPLAIN_TOLERANT, hit_term == 2);
                cr_assert_eq(field == 0, how == SHZ_EXPLAIN_NONE);
                held_somewhere += how != SHZ_EXPLAIN_NONE;
                sum += contribution;
                weights += weight;
            }
            cr_assert_float_eq(weights, 1.0, 1e-9, "'%s'", queries[q]);
            cr_assert_float_eq(sum, shz_results_relevance(r, h), 1.0 / 65535,
                               "'%s' hit %zu: contributions %f, relevance %f", queries[q], h, sum,
                               shz_results_relevance(r, h));
            checked++;
        }
        cr_assert_eq(shz_results_explain(r, 0, terms, NULL, NULL, NULL, NULL), SHZ_ERR_NOT_FOUND);
        cr_assert_eq(shz_results_explain(r, shz_results_count(r), 0, NULL, NULL, NULL, NULL),
                     SHZ_ERR_NOT_FOUND);
        shz_results_free(r);
    }
    cr_assert_gt(checked, 20);
    cr_assert_gt(held_somewhere, checked);
    cr_assert_eq(shz_results_explain(NULL, 0, 0, NULL, NULL, NULL, NULL), SHZ_ERR_INVALID_ARG);
}
