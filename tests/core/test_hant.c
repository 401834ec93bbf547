/*
 * Taiwan's text writes Taiwan's punctuation and forms: 「」 outside and 『』
 * inside instead of “” and ‘’, and 臺帳, in every zh-Hant text the library
 * serves (titles, bodies, the notice, topics, reasons, keywords, aliases).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "shenzhen.h"

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static size_t corner_quotes; /* 「 seen over all texts */

static void check(const char *text, const char *where)
{
    static const char *const mainland[] = {"“", "”", "‘", "’", "臺賬"};
    for (size_t k = 0; k < sizeof mainland / sizeof *mainland; k++)
        cr_assert_null(strstr(text, mainland[k]), "%s has %s: %s", where, mainland[k], text);
    cr_assert_eq(count(text, "「"), count(text, "」"), "%s: unbalanced 「」", where);
    cr_assert_eq(count(text, "『"), count(text, "』"), "%s: unbalanced 『』", where);
    corner_quotes += count(text, "「");
}

Test(hant, every_traditional_text_writes_taiwans_quotation_marks)
{
    const char *text = NULL;
    corner_quotes = 0;
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        cr_assert_eq(shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
        check(text, "a title");
        cr_assert_eq(shz_measure_text(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
        check(text, "a body");
        for (size_t k = 0; k < shz_measure_keyword_count(m); k++) {
            cr_assert_eq(shz_measure_keyword_in(m, k, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
            check(text, "a keyword");
        }
        for (size_t k = 0; k < shz_measure_alias_count(m); k++) {
            cr_assert_eq(shz_measure_alias_in(m, k, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
            check(text, "an alias");
        }
        for (size_t k = 0; k < shz_measure_topic_count(m); k++) {
            cr_assert_eq(shz_measure_topic_reason(m, k, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
            check(text, "a topic reason");
        }
        for (size_t k = 0; k < shz_measure_related_count(m); k++) {
            cr_assert_eq(shz_measure_related_reason(m, k, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
            check(text, "a related reason");
        }
    }
    for (size_t c = 0; c < shz_category_count(); c++) {
        cr_assert_eq(shz_category_title(shz_category_at(c), SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
        check(text, "a category title");
    }
    for (size_t p = 0; p < shz_document_paragraph_count(); p++) {
        cr_assert_eq(shz_document_paragraph(p, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
        check(text, "a paragraph");
    }
    for (size_t t = 0; t < shz_topic_count(); t++) {
        cr_assert_eq(shz_topic_name(shz_topic_at(t), SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
        check(text, "a topic name");
        cr_assert_eq(shz_topic_definition(shz_topic_at(t), SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
        check(text, "a topic definition");
    }
    cr_assert_gt(corner_quotes, 100, "only %zu 「", corner_quotes);
}

Test(hant, the_ledger_is_written_as_in_taiwan)
{
    const shz_measure *m = NULL;
    const char *text = NULL;
    cr_assert_eq(shz_measure_get(42, &m), SHZ_OK);
    cr_assert_eq(shz_measure_text(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
    cr_assert_not_null(strstr(text, "臺帳"));
    cr_assert_eq(shz_measure_text(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS, &text, NULL), SHZ_OK);
    cr_assert_not_null(strstr(text, "台账"), "zh-Hans keeps the mainland form");
}

/* Search folds both kinds of quotation marks: a phrase in 「」 finds what the same phrase in “”
 * finds, in the same order. */
Test(hant, search_folds_both_kinds_of_quotation_marks)
{
    static const char *const pairs[][2] = {
        {"「圳品」", "“圳品”"}, {"『秒报秒批』", "‘秒报秒批’"}, {"「楼上楼下」", "\"楼上楼下\""}};
    for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
        shz_results *a = NULL, *b = NULL;
        cr_assert_eq(shz_search(pairs[p][0], strlen(pairs[p][0]), NULL, &a), SHZ_OK);
        cr_assert_eq(shz_search(pairs[p][1], strlen(pairs[p][1]), NULL, &b), SHZ_OK);
        cr_assert_gt(shz_results_count(a), 0, "%s finds nothing", pairs[p][0]);
        cr_assert_eq(shz_results_count(a), shz_results_count(b), "%s", pairs[p][0]);
        for (size_t k = 0; k < shz_results_count(a); k++)
            cr_assert_eq(shz_results_measure(a, k), shz_results_measure(b, k));
        shz_results_free(a);
        shz_results_free(b);
    }
}
