/*
 * Topics (shz_topic_*, shz_measure_topic_*) and alias kinds through the public
 * API: the vocabulary's size and keys, 1 to 4 topics a measure each with its
 * reason, every topic used, the two directions agreeing, lookups and bad
 * arguments; every alias has a kind that fits it; zh-Hant forms of keywords
 * and aliases.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "shenzhen.h"

static const shz_lang all_langs[] = {SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANT, SHZ_LANG_EN};

static int measure_has_topic(const shz_measure *m, const shz_topic *t)
{
    for (size_t k = 0; k < shz_measure_topic_count(m); k++)
        if (shz_measure_topic_at(m, k) == t)
            return 1;
    return 0;
}

Test(topics, a_vocabulary_of_20_to_40_with_names_definitions_and_unique_keys)
{
    size_t n = shz_topic_count();
    cr_assert(n >= 20 && n <= 40, "%zu topics", n);
    for (size_t t = 0; t < n; t++) {
        const shz_topic *topic = shz_topic_at(t);
        cr_assert_eq(shz_topic_id(topic), (int64_t)t + 1);
        const shz_topic *got = NULL;
        cr_assert_eq(shz_topic_get((int64_t)t + 1, &got), SHZ_OK);
        cr_assert_eq(got, topic);
        const char *key = NULL;
        size_t len = 0;
        cr_assert_eq(shz_topic_key(topic, &key, &len), SHZ_OK);
        cr_assert(len > 0 && strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789-") == len, "%s",
                  key);
        cr_assert_eq(shz_topic_find(key, len, &got), SHZ_OK);
        cr_assert_eq(got, topic, "key %s is not unique", key);
        for (size_t l = 0; l < 3; l++) {
            const char *text = NULL;
            cr_assert_eq(shz_topic_name(topic, all_langs[l], &text, NULL), SHZ_OK);
            cr_assert_eq(shz_topic_definition(topic, all_langs[l], &text, &len), SHZ_OK);
            cr_assert_gt(len, 5);
        }
    }
    cr_assert_null(shz_topic_at(n));
}

Test(topics, every_measure_has_1_to_4_each_with_a_reason)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        size_t n = shz_measure_topic_count(m);
        cr_assert(n >= 1 && n <= 4, "measure %zu has %zu topics", i + 1, n);
        for (size_t k = 0; k < n; k++) {
            const shz_topic *t = shz_measure_topic_at(m, k);
            cr_assert_not_null(t);
            for (size_t j = 0; j < k; j++)
                cr_assert_neq(shz_measure_topic_at(m, j), t, "measure %zu repeats a topic", i + 1);
            for (size_t l = 0; l < 3; l++) {
                const char *text = NULL;
                size_t len = 0;
                cr_assert_eq(shz_measure_topic_reason(m, k, all_langs[l], &text, &len), SHZ_OK);
                cr_assert_gt(len, 3, "measure %zu, topic %zu", i + 1, k);
            }
        }
        cr_assert_null(shz_measure_topic_at(m, n));
    }
}

Test(topics, every_topic_is_used_and_both_directions_agree)
{
    size_t tags = 0;
    for (size_t t = 0; t < shz_topic_count(); t++) {
        const shz_topic *topic = shz_topic_at(t);
        size_t n = shz_topic_measure_count(topic);
        cr_assert_gt(n, 0, "topic %zu has no measures", t + 1);
        for (size_t k = 0; k < n; k++) {
            const shz_measure *m = shz_topic_measure_at(topic, k);
            cr_assert(measure_has_topic(m, topic));
            if (k > 0)
                cr_assert_lt(shz_measure_id(shz_topic_measure_at(topic, k - 1)), shz_measure_id(m));
        }
        cr_assert_null(shz_topic_measure_at(topic, n));
        tags += n;
    }
    size_t expected = 0;
    for (size_t i = 0; i < shz_measure_count(); i++)
        expected += shz_measure_topic_count(shz_measure_at(i));
    cr_assert_eq(tags, expected, "a measure's topic does not list the measure");
}

Test(topics, bad_arguments)
{
    const shz_topic *t = (const shz_topic *)0x1;
    const char *text = "untouched";
    cr_assert_eq(shz_topic_get(0, &t), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_topic_get((int64_t)shz_topic_count() + 1, &t), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_topic_get(INT64_MIN, &t), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_topic_get(1, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_topic_find("healthcare", 10, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_topic_find(NULL, 0, &t), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_topic_find("healthcar", 9, &t), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_topic_find("healthcare!", 11, &t), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(t, (const shz_topic *)0x1, "output left alone on error");
    cr_assert_eq(shz_topic_find("healthcare!", 10, &t), SHZ_OK, "only len bytes count");
    cr_assert_eq(shz_topic_id(NULL), 0);
    cr_assert_eq(shz_topic_measure_count(NULL), 0);
    cr_assert_null(shz_topic_measure_at(NULL, 0));
    cr_assert_eq(shz_topic_key(NULL, &text, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_topic_name(t, (shz_lang)3, &text, NULL), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_topic_name(NULL, SHZ_LANG_EN, &text, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_topic_definition(t, SHZ_LANG_EN, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_topic_count(NULL), 0);
    cr_assert_null(shz_measure_topic_at(NULL, 0));
    const shz_measure *m = shz_measure_at(0);
    cr_assert_eq(shz_measure_topic_reason(m, 4, SHZ_LANG_EN, &text, NULL), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_measure_topic_reason(m, 0, (shz_lang)-1, &text, NULL), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_measure_topic_reason(NULL, 0, SHZ_LANG_EN, &text, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_str_eq(text, "untouched");
}

/* Each pointer argument checked on its own: a valid handle with a NULL text, a bad language
 * with everything else valid, and the list readers without a measure. */
Test(topics, every_argument_is_checked_alone)
{
    const shz_topic *t = NULL;
    cr_assert_eq(shz_topic_find("healthcare", 10, &t), SHZ_OK);
    const shz_measure *m = shz_measure_at(0);
    const char *text = "untouched";
    size_t len = 7;
    cr_assert_eq(shz_topic_key(t, NULL, &len), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_topic_name(t, SHZ_LANG_EN, NULL, &len), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_topic_definition(NULL, SHZ_LANG_EN, &text, &len), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_topic_definition(t, (shz_lang)3, &text, &len), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_topic_definition(t, (shz_lang)-1, &text, &len), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_measure_topic_reason(m, 0, SHZ_LANG_EN, NULL, &len), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_keyword_in(m, 0, SHZ_LANG_ZH_HANT, NULL, &len), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_keyword_in(NULL, 0, SHZ_LANG_ZH_HANT, &text, &len),
                 SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_alias_in(NULL, 0, SHZ_LANG_ZH_HANT, &text, &len), SHZ_ERR_INVALID_ARG);
    cr_assert_str_eq(text, "untouched", "output left alone on error");
    cr_assert_eq(len, 7, "length left alone on error");
    /* The same calls with valid arguments succeed, so the errors above come from the one bad one.
     */
    cr_assert_eq(shz_topic_key(t, &text, &len), SHZ_OK);
    cr_assert_str_eq(text, "healthcare");
    cr_assert_eq(shz_topic_definition(t, SHZ_LANG_EN, &text, &len), SHZ_OK);
    cr_assert_gt(len, 0);
    cr_assert_eq(shz_measure_topic_reason(m, 0, SHZ_LANG_EN, &text, &len), SHZ_OK);
    cr_assert_eq(shz_measure_keyword_in(m, 0, SHZ_LANG_ZH_HANT, &text, &len), SHZ_OK);
}

static int ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

Test(aliases, every_alias_has_a_kind_that_fits_it)
{
    size_t counts[5] = {0};
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        for (size_t k = 0; k < shz_measure_alias_count(m); k++) {
            const char *alias = NULL;
            shz_alias_kind kind = 0;
            cr_assert_eq(shz_measure_alias(m, k, &alias, NULL), SHZ_OK);
            cr_assert_eq(shz_measure_alias_kind(m, k, &kind), SHZ_OK);
            cr_assert(kind >= SHZ_ALIAS_COLLOQUIAL && kind <= SHZ_ALIAS_FORMER_NAME);
            counts[kind]++;
            /* English aliases are English; colloquial ones and former names here are Chinese. */
            if (kind == SHZ_ALIAS_ENGLISH)
                cr_assert(ascii(alias), "%s is marked English", alias);
            if (kind == SHZ_ALIAS_COLLOQUIAL || kind == SHZ_ALIAS_FORMER_NAME)
                cr_assert(!ascii(alias), "%s is marked %s", alias, shz_alias_kind_name(kind));
        }
    }
    for (int kind = SHZ_ALIAS_COLLOQUIAL; kind <= SHZ_ALIAS_FORMER_NAME; kind++)
        cr_assert_gt(counts[kind], 0, "no alias of kind %s", shz_alias_kind_name(kind));
    cr_assert_str_eq(shz_alias_kind_name(SHZ_ALIAS_FORMER_NAME), "former-name");
    cr_assert_null(shz_alias_kind_name((shz_alias_kind)0));
    cr_assert_null(shz_alias_kind_name((shz_alias_kind)5));
    shz_alias_kind kind = SHZ_ALIAS_ENGLISH;
    cr_assert_eq(shz_measure_alias_kind(NULL, 0, &kind), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_alias_kind(shz_measure_at(0), 0, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_alias_kind(shz_measure_at(0), 99, &kind), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(kind, SHZ_ALIAS_ENGLISH);
}

/* The aliases that misled readers are gone (another place's brand, or a thing the measure does
 * not do), and the everyday words that were missing are there. */
Test(aliases, the_misleading_are_gone_and_the_missing_are_there)
{
    static const struct {
        int64_t id;
        const char *alias;
        int present;
    } expect[] = {{33, "接诉即办", 0},  {38, "公园城市", 0},
                  {38, "park city", 0}, {22, "执业资格互认", 0},
                  {26, "标准互认", 0},  {27, "含糖饮料", 0},
                  {28, "看病贵", 1},    {29, "上学难", 1},
                  {29, "择校", 1},      {39, "碳中和", 1},
                  {39, "双碳", 1},      {39, "低碳", 1},
                  {14, "营商环境", 1},  {14, "ease of doing business", 1},
                  {18, "放管服", 1},    {18, "一网通办", 1},
                  {40, "trash", 1}};
    for (size_t e = 0; e < sizeof expect / sizeof expect[0]; e++) {
        const shz_measure *m = NULL;
        cr_assert_eq(shz_measure_get(expect[e].id, &m), SHZ_OK);
        int found = 0;
        for (size_t k = 0; k < shz_measure_alias_count(m); k++) {
            const char *alias = NULL;
            cr_assert_eq(shz_measure_alias(m, k, &alias, NULL), SHZ_OK);
            found |= strcmp(alias, expect[e].alias) == 0;
        }
        cr_assert_eq(found, expect[e].present, "measure %lld, %s", (long long)expect[e].id,
                     expect[e].alias);
    }
}

Test(aliases, keywords_and_aliases_read_in_traditional)
{
    size_t differ = 0;
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        for (size_t k = 0; k < shz_measure_keyword_count(m); k++) {
            const char *hans = NULL, *hant = NULL, *en = NULL;
            cr_assert_eq(shz_measure_keyword(m, k, &hans, NULL), SHZ_OK);
            cr_assert_eq(shz_measure_keyword_in(m, k, SHZ_LANG_ZH_HANS, &en, NULL), SHZ_OK);
            cr_assert_str_eq(en, hans);
            cr_assert_eq(shz_measure_keyword_in(m, k, SHZ_LANG_ZH_HANT, &hant, NULL), SHZ_OK);
            differ += strcmp(hans, hant) != 0;
        }
        for (size_t k = 0; k < shz_measure_alias_count(m); k++) {
            const char *hans = NULL, *hant = NULL;
            cr_assert_eq(shz_measure_alias(m, k, &hans, NULL), SHZ_OK);
            cr_assert_eq(shz_measure_alias_in(m, k, SHZ_LANG_ZH_HANT, &hant, NULL), SHZ_OK);
            if (ascii(hans))
                cr_assert_str_eq(hant, hans, "an English alias is the same in every language");
            differ += strcmp(hans, hant) != 0;
        }
    }
    cr_assert_gt(differ, 100, "only %zu keywords and aliases read differently in zh-Hant", differ);
    const shz_measure *m1 = shz_measure_at(0);
    const char *text = NULL;
    cr_assert_eq(shz_measure_keyword_in(m1, 0, SHZ_LANG_ZH_HANT, &text, NULL), SHZ_OK);
    cr_assert_str_eq(text, "基礎研究");
    cr_assert_eq(shz_measure_alias_in(m1, 0, (shz_lang)3, &text, NULL), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_measure_alias_in(m1, 99, SHZ_LANG_EN, &text, NULL), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_measure_keyword_in(NULL, 0, SHZ_LANG_EN, &text, NULL), SHZ_ERR_INVALID_ARG);
}

/* The search's topic filter: the matches of a filtered search are the unfiltered matches that
 * carry one of the topics, in the same order; the related measures that follow them by default
 * (of the filtered best match, which may be another) carry it too; a bit for no topic is
 * refused. */
Test(topics, search_filters_by_topic)
{
    static const char *const queries[] = {"安全", "创新", "香港", "health", "服务"};
    size_t related_seen = 0; /* filtered searches that end with a related measure */
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++)
        for (size_t t = 0; t < shz_topic_count(); t += 5) {
            const shz_topic *topic = shz_topic_at(t);
            shz_search_options all, some;
            shz_search_options_init(&all);
            shz_search_options_init(&some);
            some.topics = (uint64_t)1 << (shz_topic_id(topic) - 1);
            shz_results *a = NULL, *b = NULL, *c = NULL;
            cr_assert_eq(shz_search(queries[q], strlen(queries[q]), &some, &c), SHZ_OK);
            for (size_t i = 0; i < shz_results_count(c); i++)
                cr_assert(measure_has_topic(shz_results_measure(c, i), topic), "%s, topic %zu",
                          queries[q], t + 1);
            related_seen += shz_results_count(c) > 0 &&
                            (shz_results_match(c, shz_results_count(c) - 1) & SHZ_MATCH_RELATED);
            shz_results_free(c);
            all.flags = some.flags = SHZ_ONLY_MATCHES;
            cr_assert_eq(shz_search(queries[q], strlen(queries[q]), &all, &a), SHZ_OK);
            cr_assert_eq(shz_search(queries[q], strlen(queries[q]), &some, &b), SHZ_OK);
            size_t k = 0;
            for (size_t i = 0; i < shz_results_count(a); i++) {
                const shz_measure *m = shz_results_measure(a, i);
                if (!measure_has_topic(m, topic))
                    continue;
                cr_assert_lt(k, shz_results_count(b), "%s, topic %zu", queries[q], t + 1);
                cr_assert_eq(shz_results_measure(b, k), m, "%s, topic %zu, hit %zu", queries[q],
                             t + 1, k);
                k++;
            }
            cr_assert_eq(k, shz_results_count(b), "%s, topic %zu: a hit without the topic",
                         queries[q], t + 1);
            shz_results_free(a);
            shz_results_free(b);
        }
    cr_assert_gt(related_seen, 0);
    shz_search_options bad;
    shz_search_options_init(&bad);
    cr_assert_eq(bad.topics, 0, "no filter by default");
    bad.topics = (uint64_t)1 << shz_topic_count();
    shz_results *r = (shz_results *)0x1;
    cr_assert_eq(shz_search("安全", strlen("安全"), &bad, &r), SHZ_ERR_BAD_OPTIONS);
    cr_assert_null(r);
}
