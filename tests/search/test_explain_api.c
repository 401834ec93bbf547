/*
 * shz_results_explain() as include/shenzhen.h states it beyond best-match ranking: in
 * all-terms mode every term is held exactly, in the hit's field, with weight and contribution
 * 1 / terms; and any output pointer may be NULL, each one alone giving what it gives beside
 * the others.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "shenzhen.h"

static shz_results *search_mode(const char *q, shz_search_mode mode)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = mode;
    shz_results *r = NULL;
    cr_assert_eq(shz_search(q, strlen(q), &o, &r), SHZ_OK, "'%s'", q);
    return r;
}

Test(explain, all_terms_mode_holds_every_term_exactly_in_equal_shares)
{
    const char *queries[] = {"破产", "创新 深圳", "\"private equity\"", "数据 交易 市场"};
    size_t checked = 0;
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        shz_results *r = search_mode(queries[q], SHZ_SEARCH_ALL_TERMS);
        size_t terms = shz_results_term_count(r);
        cr_assert_gt(terms, 0, "'%s'", queries[q]);
        for (size_t h = 0; h < shz_results_count(r); h++) {
            double sum = 0;
            for (size_t t = 0; t < terms; t++) {
                shz_field field = (shz_field)0;
                unsigned how = 99;
                double weight = -1, contribution = -1;
                cr_assert_eq(shz_results_explain(r, h, t, &field, &how, &weight, &contribution),
                             SHZ_OK);
                cr_assert_eq(how, SHZ_EXPLAIN_EXACT, "'%s' hit %zu term %zu", queries[q], h, t);
                cr_assert_eq(field, shz_results_field(r, h), "'%s' hit %zu term %zu", queries[q], h,
                             t);
                cr_assert_float_eq(weight, 1.0 / (double)terms, 1e-12);
                cr_assert_float_eq(contribution, 1.0 / (double)terms, 1e-12);
                sum += contribution;
                checked++;
            }
            cr_assert_float_eq(sum, 1.0, 1e-9, "'%s' hit %zu", queries[q], h);
        }
        cr_assert_eq(shz_results_explain(r, 0, terms, NULL, NULL, NULL, NULL), SHZ_ERR_NOT_FOUND);
        shz_results_free(r);
    }
    cr_assert_gt(checked, 10, "too few hits to check: %zu", checked);
}

Test(explain, every_output_may_be_null)
{
    shz_search_mode modes[] = {SHZ_SEARCH_BEST, SHZ_SEARCH_ALL_TERMS};
    for (size_t k = 0; k < 2; k++) {
        shz_results *r = search_mode("知识产权 保护", modes[k]);
        cr_assert_gt(shz_results_count(r), 0);
        for (size_t t = 0; t < shz_results_term_count(r); t++) {
            shz_field field, one_field = (shz_field)0;
            unsigned how, one_how = 99;
            double weight, contribution, one_weight = -1, one_contribution = -1;
            cr_assert_eq(shz_results_explain(r, 0, t, &field, &how, &weight, &contribution),
                         SHZ_OK);
            cr_assert_eq(shz_results_explain(r, 0, t, NULL, NULL, NULL, NULL), SHZ_OK);
            cr_assert_eq(shz_results_explain(r, 0, t, &one_field, NULL, NULL, NULL), SHZ_OK);
            cr_assert_eq(shz_results_explain(r, 0, t, NULL, &one_how, NULL, NULL), SHZ_OK);
            cr_assert_eq(shz_results_explain(r, 0, t, NULL, NULL, &one_weight, NULL), SHZ_OK);
            cr_assert_eq(shz_results_explain(r, 0, t, NULL, NULL, NULL, &one_contribution), SHZ_OK);
            cr_assert_eq(one_field, field);
            cr_assert_eq(one_how, how);
            cr_assert_eq(one_weight, weight);
            cr_assert_eq(one_contribution, contribution);
        }
        shz_results_free(r);
    }
}

/* A search over some fields explains its hits by those fields only: a term held elsewhere in
 * the measure (a title word also in the body) does not count. */
Test(explain, names_only_the_fields_searched)
{
    const struct {
        const char *query;
        unsigned fields;
    } cases[] = {
        {"破产 法庭", SHZ_FIELD_TITLE},
        {"破产 法庭", SHZ_FIELD_BODY},
        {"知识产权 保护", SHZ_FIELD_BODY | SHZ_FIELD_SUMMARY},
        {"bankruptcy court", SHZ_FIELD_SUMMARY},
        {"bankruptcy court", SHZ_FIELD_TITLE},
        {"科技 创新 企业", SHZ_FIELD_BODY},
    };
    size_t held = 0;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
        o.fields = cases[c].fields;
        o.min_relevance = 0; /* every hit the rule's other clauses let through: more to check */
        shz_results *r = NULL;
        cr_assert_eq(shz_search(cases[c].query, strlen(cases[c].query), &o, &r), SHZ_OK);
        for (size_t h = 0; h < shz_results_count(r); h++)
            for (size_t t = 0; t < shz_results_term_count(r); t++) {
                shz_field field;
                unsigned how;
                cr_assert_eq(shz_results_explain(r, h, t, &field, &how, NULL, NULL), SHZ_OK);
                if (how == SHZ_EXPLAIN_NONE)
                    continue;
                held++;
                cr_assert(field & cases[c].fields,
                          "'%s' in fields %u: hit %zu term %zu in field %d", cases[c].query,
                          cases[c].fields, h, t, (int)field);
            }
        shz_results_free(r);
    }
    cr_assert_gt(held, 10);
}

/* A term that a title, keyword or alias names holds fully (its contribution is its weight), and
 * that naming field is the one its explanation gives, even where the body or summary has the
 * term too: a one-term query, so no phrase makes it full instead. */
Test(explain, a_fully_held_term_is_explained_by_the_field_naming_it)
{
    const char *queries[] = {"insurance", "card", "research", "hospital", "waste", "library",
                             "customs",   "破产", "垃圾",     "公园",     "医院",  "海关"};
    size_t named = 0;
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
        o.min_relevance = 0;
        shz_results *r = NULL;
        cr_assert_eq(shz_search(queries[q], strlen(queries[q]), &o, &r), SHZ_OK);
        cr_assert_eq(shz_results_term_count(r), 1, "'%s'", queries[q]);
        for (size_t h = 0; h < shz_results_count(r); h++) {
            shz_field field;
            unsigned how;
            double weight, contribution;
            cr_assert_eq(shz_results_explain(r, h, 0, &field, &how, &weight, &contribution),
                         SHZ_OK);
            if (how != SHZ_EXPLAIN_EXACT || contribution < weight - 1e-12)
                continue;
            named++;
            cr_assert(field == SHZ_FIELD_TITLE || field == SHZ_FIELD_ALIASES,
                      "'%s' hit %zu: held fully, explained by field %d", queries[q], h, (int)field);
        }
        shz_results_free(r);
    }
    cr_assert_gt(named, 10, "too few fully held terms to check: %zu", named);
}
