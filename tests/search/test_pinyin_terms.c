/*
 * The pinyin of the keywords and aliases: measure 15's keywords 破产法庭, 个人破产制度 … are
 * found by their toneless pinyin ("pochan", "gerenpochan") and by the initials of a whole
 * keyword ("grpczd"), in both modes, under the pinyin fields, and shown as the keywords; the
 * bodies' words are not spelled. Through the public API only.
 */
#include <criterion/criterion.h>

#include <string.h>

#include "shenzhen.h"

enum { BANKRUPTCY = 15 }; /* 促进诚信市场主体“经济再生”: keywords 破产法庭, 个人破产制度 … */

static shz_results *search(const char *query, unsigned mode, unsigned fields, shz_lang lang)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = mode;
    o.fields = fields;
    o.lang = lang;
    shz_results *r = NULL;
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK, "'%s'", query);
    return r;
}

static int64_t first_id(const shz_results *r)
{
    return shz_results_count(r) ? shz_measure_id(shz_results_measure(r, 0)) : 0;
}

/* Whether the measure is among the hits. */
static int holds(const shz_results *r, int64_t id)
{
    for (size_t i = 0; i < shz_results_count(r); i++)
        if (shz_measure_id(shz_results_measure(r, i)) == id)
            return 1;
    return 0;
}

Test(pinyin_terms, syllables_of_a_keyword_find_its_measure_first)
{
    const char *queries[] = {"pochan", "gerenpochan", "ge ren po chan", "PoChan"};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        shz_results *r = search(queries[i], SHZ_SEARCH_BEST, 0, SHZ_LANG_ZH_HANS);
        cr_assert_eq(first_id(r), BANKRUPTCY, "'%s': first hit %lld", queries[i],
                     (long long)first_id(r));
        cr_assert(shz_results_match(r, 0) & SHZ_MATCH_ALL_TERMS, "'%s'", queries[i]);
        /* Found in the pinyin, shown as the keywords (their text, no spans), with the keyword
         * spelled marked. */
        cr_assert_eq(shz_results_field(r, 0), SHZ_FIELD_PINYIN, "'%s'", queries[i]);
        cr_assert_eq(shz_results_span_count(r, 0), 0, "'%s'", queries[i]);
        const char *snippet;
        size_t len, start, end;
        cr_assert_eq(shz_results_snippet(r, 0, &snippet, &len), SHZ_OK);
        cr_assert_eq(shz_results_snippet_match(r, 0, &start, &end), SHZ_OK);
        cr_assert(start < end && end <= len, "'%s': mark %zu-%zu of %zu", queries[i], start, end,
                  len);
        char marked[64] = "";
        if (end - start < sizeof marked)
            memcpy(marked, snippet + start, end - start);
        /* Syllables typed apart are words of their own: the first found is marked. */
        cr_assert_not_null(strstr(marked, strchr(queries[i], ' ') ? "破" : "破产"),
                           "'%s': snippet '%s' marks '%s'", queries[i], snippet, marked);
        shz_results_free(r);
    }
}

Test(pinyin_terms, initials_of_a_whole_keyword_find_its_measure)
{
    shz_results *r = search("grpczd", SHZ_SEARCH_BEST, 0, SHZ_LANG_ZH_HANS); /* 个人破产制度 */
    cr_assert_eq(first_id(r), BANKRUPTCY);
    cr_assert_eq(shz_results_field(r, 0), SHZ_FIELD_PINYIN_INITIALS);
    shz_results_free(r);
    /* The initials field alone holds them; the full pinyin field does not. */
    r = search("grpczd", SHZ_SEARCH_BEST, SHZ_FIELD_PINYIN_INITIALS, SHZ_LANG_ZH_HANS);
    cr_assert_eq(first_id(r), BANKRUPTCY);
    shz_results_free(r);
    r = search("grpczd", SHZ_SEARCH_BEST, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert(!holds(r, BANKRUPTCY));
    shz_results_free(r);
    /* A keyword's initials are one word: letters inside it are not its initials (an English
     * word of two letters would match everywhere). */
    r = search("rpcz", SHZ_SEARCH_BEST, SHZ_FIELD_PINYIN_INITIALS, SHZ_LANG_ZH_HANS);
    cr_assert(!holds(r, BANKRUPTCY));
    shz_results_free(r);
}

Test(pinyin_terms, the_pinyin_fields_hold_them_and_only_those)
{
    shz_results *r = search("pochan", SHZ_SEARCH_BEST, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert_eq(first_id(r), BANKRUPTCY);
    shz_results_free(r);
    r = search("pochan", SHZ_SEARCH_BEST, SHZ_FIELD_ALIASES | SHZ_FIELD_TITLE | SHZ_FIELD_BODY,
               SHZ_LANG_ZH_HANS);
    cr_assert(!holds(r, BANKRUPTCY), "the keywords' own field does not hold their pinyin");
    shz_results_free(r);
}

Test(pinyin_terms, all_terms_mode_finds_them_too)
{
    shz_results *r = search("gerenpochan", SHZ_SEARCH_ALL_TERMS, 0, SHZ_LANG_ZH_HANS);
    cr_assert_eq(first_id(r), BANKRUPTCY);
    cr_assert_eq(shz_results_field(r, 0), SHZ_FIELD_PINYIN);
    shz_results_free(r);
    r = search("pochan", SHZ_SEARCH_ALL_TERMS, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert(holds(r, BANKRUPTCY));
    shz_results_free(r);
    /* 1.0's callers searched the title's pinyin only. */
    shz_search_options old = SHZ_SEARCH_OPTIONS_INIT;
    old.size = offsetof(shz_search_options, limit) + sizeof old.limit;
    cr_assert_eq(shz_search("pochan", 6, &old, &r), SHZ_OK);
    cr_assert(!holds(r, BANKRUPTCY));
    shz_results_free(r);
}

Test(pinyin_terms, keywords_do_not_run_into_each_other)
{
    /* 破产法庭; 破产程序: the end of one keyword's pinyin and the start of the next. */
    shz_results *r = search("tingpochan", SHZ_SEARCH_ALL_TERMS, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert_eq(shz_results_count(r), 0);
    shz_results_free(r);
    r = search("fatingpo", SHZ_SEARCH_ALL_TERMS, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert_eq(shz_results_count(r), 0);
    shz_results_free(r);
    r = search("pochanfating", SHZ_SEARCH_ALL_TERMS, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert(holds(r, BANKRUPTCY), "within one keyword it matches");
    shz_results_free(r);
}

Test(pinyin_terms, bodies_are_not_spelled)
{
    /* 专门 is in measure 15's body only: no title, keyword or alias has it. */
    shz_results *r = search("专门", SHZ_SEARCH_ALL_TERMS, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS);
    cr_assert(holds(r, BANKRUPTCY));
    shz_results_free(r);
    r = search("zhuanmen", SHZ_SEARCH_ALL_TERMS, 0, SHZ_LANG_ZH_HANS);
    cr_assert_eq(shz_results_count(r), 0);
    shz_results_free(r);
    r = search("zhuanmen", SHZ_SEARCH_BEST, SHZ_FIELD_PINYIN | SHZ_FIELD_PINYIN_INITIALS,
               SHZ_LANG_ZH_HANS);
    cr_assert_eq(shz_results_count(r), 0);
    shz_results_free(r);
}

Test(pinyin_terms, every_language_shows_the_keywords)
{
    const shz_lang langs[] = {SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANT, SHZ_LANG_EN};
    for (size_t i = 0; i < 3; i++) {
        shz_results *r = search("pochan", SHZ_SEARCH_BEST, 0, langs[i]);
        cr_assert_eq(first_id(r), BANKRUPTCY, "lang %d", (int)langs[i]);
        shz_field field;
        shz_lang lang;
        size_t byte, chr;
        cr_assert_eq(shz_results_snippet_origin(r, 0, &field, &lang, &byte, &chr), SHZ_OK);
        cr_assert_eq(field, SHZ_FIELD_ALIASES);
        cr_assert_eq(lang, SHZ_LANG_ZH_HANS, "the joined keywords are zh-Hans");
        const char *snippet;
        size_t len;
        cr_assert_eq(shz_results_snippet(r, 0, &snippet, &len), SHZ_OK);
        cr_assert_not_null(strstr(snippet, "破产"), "lang %d: '%s'", (int)langs[i], snippet);
        shz_results_free(r);
    }
}

/* Polyphonic characters read as the word has them (data/pinyin_words.tsv), not by their
 * customary reading: 调解员 is tiao jie yuan, 债务重组 zhai wu chong zu. */
Test(pinyin_terms, polyphonic_words_take_their_reading)
{
    shz_results *r =
        search("tiaojieyuan", SHZ_SEARCH_ALL_TERMS, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert_gt(shz_results_count(r), 0);
    shz_results_free(r);
    r = search("diaojieyuan", SHZ_SEARCH_ALL_TERMS, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert_eq(shz_results_count(r), 0);
    shz_results_free(r);
    r = search("zhaiwuchongzu", SHZ_SEARCH_ALL_TERMS, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    cr_assert(holds(r, BANKRUPTCY));
    shz_results_free(r);
}

Test(pinyin_terms, a_lone_letter_is_no_syllable_of_a_title)
{
    /* Each letter of a title's initials stands for a syllable; a query's lone letter (the d of
     * "R&D", of "I'd") names none, so it never matches there, while the initials typed whole
     * still do. */
    shz_results *r = search("d", SHZ_SEARCH_BEST, SHZ_FIELD_PINYIN_INITIALS, SHZ_LANG_ZH_HANS);
    cr_assert_eq(shz_results_count(r), 0, "a lone letter matched a title's initials");
    shz_results_free(r);
    r = search("mbmp", SHZ_SEARCH_BEST, SHZ_FIELD_PINYIN_INITIALS, SHZ_LANG_ZH_HANS);
    cr_assert_eq(first_id(r), 18); /* 推出“秒报秒批一体化”智慧审批 */
    shz_results_free(r);
    /* R&D is two lone letters: the English text that has them is what they find. */
    r = search("R&D", SHZ_SEARCH_BEST, 0, SHZ_LANG_EN);
    cr_assert_gt(shz_results_count(r), 0);
    for (size_t i = 0; i < shz_results_count(r); i++)
        cr_assert_neq(shz_results_field(r, i), SHZ_FIELD_PINYIN_INITIALS, "hit %zu", i);
    shz_results_free(r);
}
