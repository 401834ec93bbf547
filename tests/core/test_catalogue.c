/*
 * The core API, every function and every bad argument, plus the invariants
 * the restored data must keep (the counts of the notice, clean UTF-8, no
 * traces of the damaged seed).
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "shenzhen.h"
#include "test_support.h"

static const shz_lang all_langs[] = {SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANT, SHZ_LANG_EN};
static const shz_field all_fields[] = {SHZ_FIELD_TITLE,           SHZ_FIELD_BODY,
                                       SHZ_FIELD_SUMMARY,         SHZ_FIELD_PINYIN,
                                       SHZ_FIELD_PINYIN_INITIALS, SHZ_FIELD_ALIASES};
static const char *const field_names[] = {"title",  "body",     "summary",
                                          "pinyin", "initials", "aliases"};
static const int64_t bad_ids[] = {0, -1, 48, 1000, INT64_MAX, INT64_MIN};

static const char *text_of(const shz_measure *m, shz_field field, shz_lang lang)
{
    const char *text = NULL;
    size_t len = 0;
    cr_assert_eq(shz_measure_text(m, field, lang, &text, &len), SHZ_OK, "measure %lld field %d",
                 (long long)shz_measure_id(m), field);
    cr_assert_eq(strlen(text), len, "length must match the NUL terminator");
    return text;
}

/* ---- shape of the catalogue -------------------------------------------- */

Test(catalogue, has_47_measures_in_5_categories_of_8_10_8_9_12)
{
    static const size_t sizes[] = {8, 10, 8, 9, 12};
    cr_assert_eq(shz_measure_count(), 47);
    cr_assert_eq(shz_category_count(), 5);
    for (size_t c = 0; c < 5; c++)
        cr_assert_eq(shz_category_measure_count(shz_category_at(c)), sizes[c], "category %zu",
                     c + 1);
}

Test(catalogue, ids_are_1_to_47_and_lookup_agrees_with_iteration)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *at = shz_measure_at(i), *got = NULL;
        cr_assert_not_null(at);
        cr_assert_eq(shz_measure_id(at), (int64_t)i + 1);
        cr_assert_eq(shz_measure_get((int64_t)i + 1, &got), SHZ_OK);
        cr_assert_eq(got, at);
    }
}

Test(catalogue, category_members_are_the_measures_naming_that_category)
{
    size_t total = 0;
    int64_t previous = 0;
    for (size_t c = 0; c < shz_category_count(); c++) {
        const shz_category *cat = shz_category_at(c), *got = NULL;
        cr_assert_eq(shz_category_id(cat), (int64_t)c + 1);
        cr_assert_eq(shz_category_get((int64_t)c + 1, &got), SHZ_OK);
        cr_assert_eq(got, cat);
        for (size_t i = 0; i < shz_category_measure_count(cat); i++) {
            const shz_measure *m = shz_category_measure_at(cat, i);
            cr_assert_eq(shz_measure_category(m), cat);
            cr_assert_gt(shz_measure_id(m), previous, "the list numbers run through categories");
            previous = shz_measure_id(m);
            total++;
        }
    }
    cr_assert_eq(total, shz_measure_count());
}

/* ---- bad arguments ------------------------------------------------------ */

Test(bad_args, unknown_ids_are_not_found_and_leave_output_alone)
{
    for (size_t i = 0; i < sizeof bad_ids / sizeof *bad_ids; i++) {
        const shz_measure *m = (const shz_measure *)&bad_ids; /* sentinel */
        cr_assert_eq(shz_measure_get(bad_ids[i], &m), SHZ_ERR_NOT_FOUND);
        cr_assert_eq(m, (const shz_measure *)&bad_ids);
        const shz_category *c = NULL;
        cr_assert_eq(shz_category_get(bad_ids[i], &c), SHZ_ERR_NOT_FOUND);
        cr_assert_null(c);
    }
    cr_assert_eq(shz_category_get(6, &(const shz_category *){NULL}), SHZ_ERR_NOT_FOUND);
}

Test(bad_args, null_outputs_are_invalid)
{
    cr_assert_eq(shz_measure_get(1, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_category_get(1, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_text(shz_measure_at(0), SHZ_FIELD_TITLE, SHZ_LANG_EN, NULL, NULL),
                 SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_category_title(shz_category_at(0), SHZ_LANG_EN, NULL, NULL),
                 SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_keyword(shz_measure_at(0), 0, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_cite(shz_measure_at(0), 0, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_alias(shz_measure_at(0), 0, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_document_text(SHZ_DOC_TITLE, SHZ_LANG_EN, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_document_paragraph(0, SHZ_LANG_ZH_HANS, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_lang_parse(NULL, 0, &(shz_lang){SHZ_LANG_EN}), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_lang_parse("en", 2, NULL), SHZ_ERR_INVALID_ARG);
}

Test(bad_args, null_handles_are_harmless)
{
    const char *text = NULL;
    cr_assert_eq(shz_measure_id(NULL), 0);
    cr_assert_null(shz_measure_category(NULL));
    cr_assert_eq(shz_measure_text(NULL, SHZ_FIELD_TITLE, SHZ_LANG_EN, &text, NULL),
                 SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_keyword_count(NULL), 0);
    cr_assert_eq(shz_measure_cite_count(NULL), 0);
    cr_assert_eq(shz_measure_keyword(NULL, 0, &text, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_cite(NULL, 0, &text, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_measure_alias_count(NULL), 0);
    cr_assert_eq(shz_measure_alias(NULL, 0, &text, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_category_id(NULL), 0);
    cr_assert_eq(shz_category_measure_count(NULL), 0);
    cr_assert_null(shz_category_measure_at(NULL, 0));
    cr_assert_eq(shz_category_title(NULL, SHZ_LANG_EN, &text, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_null(text, "no output on error");
}

Test(bad_args, indices_out_of_range)
{
    const char *text = NULL;
    cr_assert_null(shz_measure_at(47));
    cr_assert_null(shz_measure_at(SIZE_MAX));
    cr_assert_null(shz_category_at(5));
    cr_assert_null(shz_category_at(SIZE_MAX));
    cr_assert_null(shz_category_measure_at(shz_category_at(0), 8));
    cr_assert_null(shz_category_measure_at(shz_category_at(0), SIZE_MAX));
    const shz_measure *m = shz_measure_at(0);
    cr_assert_eq(shz_measure_keyword(m, shz_measure_keyword_count(m), &text, NULL),
                 SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_measure_keyword(m, SIZE_MAX, &text, NULL), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_measure_cite(m, SIZE_MAX, &text, NULL), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_measure_alias(m, shz_measure_alias_count(m), &text, NULL), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_measure_alias(m, SIZE_MAX, &text, NULL), SHZ_ERR_NOT_FOUND);
    cr_assert_eq(
        shz_document_paragraph(shz_document_paragraph_count(), SHZ_LANG_ZH_HANS, &text, NULL),
        SHZ_ERR_NOT_FOUND);
    cr_assert_null(text);
}

Test(bad_args, bad_languages_and_fields)
{
    const char *text = NULL;
    const shz_measure *m = shz_measure_at(0);
    const shz_lang bad_langs[] = {(shz_lang)3, (shz_lang)-1, (shz_lang)1000};
    for (size_t i = 0; i < 3; i++) {
        cr_assert_eq(shz_measure_text(m, SHZ_FIELD_TITLE, bad_langs[i], &text, NULL),
                     SHZ_ERR_BAD_LANG);
        cr_assert_eq(shz_category_title(shz_category_at(0), bad_langs[i], &text, NULL),
                     SHZ_ERR_BAD_LANG);
        cr_assert_eq(shz_document_text(SHZ_DOC_TITLE, bad_langs[i], &text, NULL), SHZ_ERR_BAD_LANG);
        cr_assert_eq(shz_document_paragraph(0, bad_langs[i], &text, NULL), SHZ_ERR_BAD_LANG);
        cr_assert_null(shz_lang_name(bad_langs[i]));
    }
    const shz_field bad_fields[] = {(shz_field)0, (shz_field)3, (shz_field)64, (shz_field)63,
                                    (shz_field)-1};
    for (size_t i = 0; i < 5; i++) {
        cr_assert_eq(shz_measure_text(m, bad_fields[i], SHZ_LANG_ZH_HANS, &text, NULL),
                     SHZ_ERR_INVALID_ARG);
        cr_assert_null(shz_field_name(bad_fields[i]));
    }
    cr_assert_eq(shz_document_text((shz_doc_field)9, SHZ_LANG_EN, &text, NULL),
                 SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_document_text((shz_doc_field)-1, SHZ_LANG_EN, &text, NULL),
                 SHZ_ERR_INVALID_ARG);
    cr_assert_null(text);
}

/* ---- fields and languages ----------------------------------------------- */

Test(fields, which_field_has_which_language)
{
    const char *text = NULL;
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        for (size_t l = 0; l < 3; l++)
            text_of(m, SHZ_FIELD_TITLE, all_langs[l]);
        text_of(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS);
        text_of(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANT);
        text_of(m, SHZ_FIELD_BODY, SHZ_LANG_EN);
        /* Aliases are a list, read one by one, never one text. */
        for (size_t l = 0; l < 3; l++)
            cr_assert_eq(shz_measure_text(m, SHZ_FIELD_ALIASES, all_langs[l], &text, NULL),
                         SHZ_ERR_NO_TEXT);
        text_of(m, SHZ_FIELD_SUMMARY, SHZ_LANG_EN);
        cr_assert_eq(shz_measure_text(m, SHZ_FIELD_SUMMARY, SHZ_LANG_ZH_HANS, &text, NULL),
                     SHZ_ERR_NO_TEXT);
        /* Pinyin is language-independent: the same bytes whatever valid language. */
        for (size_t l = 0; l < 3; l++) {
            cr_assert_str_eq(text_of(m, SHZ_FIELD_PINYIN, all_langs[l]),
                             text_of(m, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS));
            cr_assert_str_eq(text_of(m, SHZ_FIELD_PINYIN_INITIALS, all_langs[l]),
                             text_of(m, SHZ_FIELD_PINYIN_INITIALS, SHZ_LANG_ZH_HANS));
        }
    }
}

Test(fields, length_may_be_null)
{
    const char *text = NULL;
    cr_assert_eq(shz_measure_text(shz_measure_at(0), SHZ_FIELD_TITLE, SHZ_LANG_EN, &text, NULL),
                 SHZ_OK);
    cr_assert_not_null(text);
}

Test(fields, names_of_languages_and_fields_round_trip)
{
    for (size_t l = 0; l < 3; l++) {
        const char *name = shz_lang_name(all_langs[l]);
        shz_lang parsed = (shz_lang)99;
        cr_assert_eq(shz_lang_parse(name, strlen(name), &parsed), SHZ_OK);
        cr_assert_eq(parsed, all_langs[l]);
    }
    shz_lang parsed = SHZ_LANG_EN;
    cr_assert_eq(shz_lang_parse("ZH-hant", 7, &parsed), SHZ_OK);
    cr_assert_eq(parsed, SHZ_LANG_ZH_HANT);
    /* Length, not NUL, ends the name: a prefix or a longer string is not a tag. */
    cr_assert_eq(shz_lang_parse("zh-Hans", 4, &parsed), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_lang_parse("zh-Hansx", 8, &parsed), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_lang_parse("", 0, &parsed), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_lang_parse("zh\rHans", 7, &parsed), SHZ_ERR_BAD_LANG);
    cr_assert_eq(shz_lang_parse("en\0", 3, &parsed), SHZ_ERR_BAD_LANG);
    cr_assert_eq(parsed, SHZ_LANG_ZH_HANT, "untouched on error");
    unsigned all = 0;
    for (size_t f = 0; f < sizeof all_fields / sizeof *all_fields; f++) {
        cr_assert_str_eq(shz_field_name(all_fields[f]), field_names[f]);
        all |= (unsigned)all_fields[f];
    }
    cr_assert_eq(all, SHZ_FIELD_ALL, "the filter of every field is every field's bit");
    cr_assert_eq(SHZ_FIELD_ALIASES, 32, "values are fixed forever");
}

/* ---- data invariants ---------------------------------------------------- */

/* Calls check(text, what) for every Chinese text of the catalogue. */
static void each_chinese_text(void (*check)(const char *text, const char *what))
{
    char what[96];
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        for (size_t l = 0; l < 2; l++) {
            snprintf(what, sizeof what, "measure %zu title %zu", i + 1, l);
            check(text_of(m, SHZ_FIELD_TITLE, all_langs[l]), what);
            snprintf(what, sizeof what, "measure %zu body %zu", i + 1, l);
            check(text_of(m, SHZ_FIELD_BODY, all_langs[l]), what);
        }
    }
    for (size_t c = 0; c < shz_category_count(); c++)
        for (size_t l = 0; l < 2; l++) {
            const char *text = NULL;
            cr_assert_eq(shz_category_title(shz_category_at(c), all_langs[l], &text, NULL), SHZ_OK);
            snprintf(what, sizeof what, "category %zu title %zu", c + 1, l);
            check(text, what);
        }
    for (size_t p = 0; p < shz_document_paragraph_count(); p++)
        for (size_t l = 0; l < 2; l++) {
            const char *text = NULL;
            cr_assert_eq(shz_document_paragraph(p, all_langs[l], &text, NULL), SHZ_OK);
            snprintf(what, sizeof what, "paragraph %zu lang %zu", p, l);
            check(text, what);
        }
}

static void check_clean(const char *text, const char *what)
{
    cr_assert(test_utf8_valid(text), "%s: invalid UTF-8", what);
    cr_assert_null(strstr(text, "\xEF\xBF\xBD"), "%s: replacement character", what);
    /* The seed's damage: ASCII punctuation, '?' of lost bytes, glued pinyin in (). */
    cr_assert_null(strpbrk(text, "?,;:()!\"[]|"), "%s: ASCII punctuation or damage: %s", what,
                   text);
    cr_assert_null(strstr(text, "  "), "%s: double space", what);
    cr_assert_eq(test_count(text, "“"), test_count(text, "”"), "%s: unbalanced quotes", what);
    cr_assert_eq(test_count(text, "《"), test_count(text, "》"), "%s: unbalanced 《》", what);
    cr_assert_eq(test_count(text, "（"), test_count(text, "）"), "%s: unbalanced （）", what);
    static const char *const furniture[] = {"版权", "版權", "ICP",      "联系电话", "聯系電話",
                                            "点击", "點擊", "通讯地址", "通訊地址", "@61889"};
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++)
        cr_assert_null(strstr(text, furniture[i]), "%s: page furniture %s", what, furniture[i]);
}

static void check_no_latin_letters_glued(const char *text, const char *what)
{
    /* Pinyin letters with tone marks never occur in the document. */
    static const char *const tones[] = {"ā", "á", "ǎ", "à", "ē", "é", "ě", "è", "ī", "í",
                                        "ǐ", "ì", "ō", "ó", "ǒ", "ò", "ū", "ú", "ǔ", "ù"};
    for (size_t i = 0; i < sizeof tones / sizeof *tones; i++)
        cr_assert_null(strstr(text, tones[i]), "%s: pinyin annotation left (%s)", what, tones[i]);
}

Test(data, every_chinese_text_is_clean)
{
    each_chinese_text(check_clean);
    each_chinese_text(check_no_latin_letters_glued);
}

Test(data, bodies_end_with_a_full_stop)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const char *body = text_of(shz_measure_at(i), SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS);
        size_t len = strlen(body);
        cr_assert(len > 3 && strcmp(body + len - 3, "。") == 0, "measure %zu body ends without 。",
                  i + 1);
    }
}

Test(data, simplified_and_traditional_differ_where_they_should)
{
    /* Characters common in this document whose traditional form differs. A
     * zh-Hans text containing one must differ from its zh-Hant form, and the
     * zh-Hans text must contain none of the traditional forms. */
    static const char *const simplified[] = {"发", "经", "区", "创", "产", "业", "导", "实",
                                             "机", "时", "务", "资", "数", "级", "国", "体"};
    static const char *const traditional[] = {"發", "經", "區", "創", "產", "業", "導", "實",
                                              "機", "務", "資", "數", "級", "國", "體", "這"};
    size_t differing = 0;
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        for (size_t f = 0; f < 2; f++) {
            shz_field field = f ? SHZ_FIELD_BODY : SHZ_FIELD_TITLE;
            const char *hans = text_of(m, field, SHZ_LANG_ZH_HANS);
            const char *hant = text_of(m, field, SHZ_LANG_ZH_HANT);
            int should_differ = 0;
            for (size_t k = 0; k < sizeof simplified / sizeof *simplified; k++) {
                should_differ |= strstr(hans, simplified[k]) != NULL;
                cr_assert_null(strstr(hans, traditional[k]),
                               "measure %zu: traditional %s in zh-Hans", i + 1, traditional[k]);
            }
            if (should_differ)
                cr_assert_str_neq(hans, hant, "measure %zu field %zu: zh-Hant equals zh-Hans",
                                  i + 1, f);
            differing += strcmp(hans, hant) != 0;
            cr_assert_eq(test_utf8_length(hans), test_utf8_length(hant),
                         "measure %zu field %zu: conversion is character for character", i + 1, f);
        }
    }
    cr_assert_geq(differing, 90, "nearly every text differs between scripts");
}

Test(data, traditional_is_in_taiwan_standard_forms)
{
    /* OpenCC's own standard forms (s2t) where Taiwan's standard (s2tw) writes 為 群 眾 裡 啟 核 汙
     * 著: the zh-Hant text must have none, and must have the Taiwan forms where the text needs
     * them (为 occurs throughout the notice). */
    static const char *const opencc_forms[] = {"爲", "羣", "衆", "裏", "啓", "覈"};
    size_t taiwan = 0;
    for (size_t i = 0; i < shz_measure_count(); i++)
        for (size_t f = 0; f < 2; f++) {
            const char *hant =
                text_of(shz_measure_at(i), f ? SHZ_FIELD_BODY : SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANT);
            for (size_t k = 0; k < sizeof opencc_forms / sizeof *opencc_forms; k++)
                cr_assert_null(strstr(hant, opencc_forms[k]), "measure %zu: %s in zh-Hant", i + 1,
                               opencc_forms[k]);
            taiwan += test_count(hant, "為") + test_count(hant, "群眾");
        }
    const char *text = NULL;
    cr_assert_eq(
        shz_measure_text(shz_measure_at(37), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANT, &text, NULL),
        SHZ_OK);
    cr_assert_not_null(strstr(text, "公園裡的城市"), "%s", text);
    cr_assert_geq(taiwan, 30);
}

Test(data, pinyin_and_initials_agree)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        const char *full = text_of(m, SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
        const char *initials = text_of(m, SHZ_FIELD_PINYIN_INITIALS, SHZ_LANG_ZH_HANS);
        char derived[256] = "";
        size_t n = 0;
        /* The first letter of a syllable, or a whole Latin/digit token (5g, i). */
        for (const char *tok = full; *tok;) {
            const char *end = strchr(tok, ' ');
            size_t tlen = end ? (size_t)(end - tok) : strlen(tok);
            int whole = tok[0] >= '0' && tok[0] <= '9';
            size_t take = whole ? tlen : 1;
            cr_assert_lt(n + take, sizeof derived);
            memcpy(derived + n, tok, take);
            n += take;
            for (size_t k = 0; k < tlen; k++)
                cr_assert((tok[k] >= 'a' && tok[k] <= 'z') || (tok[k] >= '0' && tok[k] <= '9'),
                          "measure %zu: pinyin must be lowercase toneless: %s", i + 1, full);
            tok += tlen + (end ? 1 : 0);
        }
        derived[n] = '\0';
        cr_assert_str_eq(initials, derived, "measure %zu", i + 1);
    }
}

Test(data, keywords_occur_in_the_text_and_cites_are_quoted_titles)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        const char *title = text_of(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS);
        const char *body = text_of(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS);
        size_t keywords = shz_measure_keyword_count(m);
        cr_assert(keywords >= 3 && keywords <= 6, "measure %zu has %zu keywords", i + 1, keywords);
        for (size_t k = 0; k < keywords; k++) {
            const char *kw = NULL;
            cr_assert_eq(shz_measure_keyword(m, k, &kw, NULL), SHZ_OK);
            cr_assert(strstr(title, kw) || strstr(body, kw), "measure %zu: keyword %s", i + 1, kw);
        }
        size_t cites_seen = 0;
        for (const char *p = body; (p = strstr(p, "《")) != NULL; p++)
            cites_seen++;
        for (const char *p = title; (p = strstr(p, "《")) != NULL; p++)
            cites_seen++;
        cr_assert_leq(shz_measure_cite_count(m), cites_seen);
        cr_assert_eq(shz_measure_cite_count(m) == 0, cites_seen == 0, "measure %zu", i + 1);
        for (size_t k = 0; k < shz_measure_cite_count(m); k++) {
            const char *cite = NULL;
            char quoted[512];
            cr_assert_eq(shz_measure_cite(m, k, &cite, NULL), SHZ_OK);
            snprintf(quoted, sizeof quoted, "《%s》", cite);
            cr_assert(strstr(title, quoted) || strstr(body, quoted), "measure %zu: %s", i + 1,
                      quoted);
        }
    }
}

Test(data, english_texts_are_ascii_sentences)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        const char *summary = text_of(m, SHZ_FIELD_SUMMARY, SHZ_LANG_EN);
        cr_assert(test_utf8_valid(summary));
        cr_assert_gt(strlen(summary), 40, "measure %zu summary too short", i + 1);
        cr_assert_eq(summary[strlen(summary) - 1], '.', "measure %zu: one sentence", i + 1);
        cr_assert_gt(strlen(text_of(m, SHZ_FIELD_TITLE, SHZ_LANG_EN)), 5);
        /* The English body: ASCII but for the curly quotes of the titles, whole sentences,
         * longer than the summary. */
        const char *body = text_of(m, SHZ_FIELD_BODY, SHZ_LANG_EN);
        size_t len = strlen(body);
        cr_assert_gt(len, strlen(summary), "measure %zu: the body is more than its summary", i + 1);
        cr_assert(body[len - 1] == '.' || strcmp(body + len - 4, ".”") == 0,
                  "measure %zu: English body ends a sentence", i + 1);
        cr_assert_eq(test_count(body, "“"), test_count(body, "”"), "measure %zu", i + 1);
        for (size_t k = 0; k < len; k++)
            if ((unsigned char)body[k] >= 0x80) {
                cr_assert(strncmp(body + k, "“", 3) == 0 || strncmp(body + k, "”", 3) == 0,
                          "measure %zu: non-ASCII in the English body at byte %zu", i + 1, k);
                k += 2;
            }
    }
}

/* The measure's texts in every language, for looking an alias up in them. */
static int occurs_in_measure(const shz_measure *m, const char *needle)
{
    const shz_field fields[] = {SHZ_FIELD_TITLE, SHZ_FIELD_BODY, SHZ_FIELD_SUMMARY};
    for (size_t f = 0; f < 3; f++)
        for (size_t l = 0; l < 3; l++) {
            const char *text = NULL;
            if (shz_measure_text(m, fields[f], all_langs[l], &text, NULL) == SHZ_OK &&
                test_casefind(text, needle))
                return 1;
        }
    for (size_t k = 0; k < shz_measure_keyword_count(m); k++) {
        const char *kw = NULL;
        cr_assert_eq(shz_measure_keyword(m, k, &kw, NULL), SHZ_OK);
        if (strcmp(kw, needle) == 0)
            return 1;
    }
    return 0;
}

Test(data, aliases_are_new_words_for_the_measure)
{
    size_t total = 0;
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        size_t n = shz_measure_alias_count(m);
        cr_assert(n >= 3 && n <= 12, "measure %zu has %zu aliases", i + 1, n);
        total += n;
        for (size_t a = 0; a < n; a++) {
            const char *alias = NULL;
            size_t len = 0;
            cr_assert_eq(shz_measure_alias(m, a, &alias, &len), SHZ_OK);
            cr_assert_eq(strlen(alias), len);
            cr_assert(len > 0 && test_utf8_valid(alias));
            cr_assert(alias[0] != ' ' && alias[len - 1] != ' ', "measure %zu: \"%s\"", i + 1,
                      alias);
            /* An alias adds a word the text lacks; one the text has would only double it. */
            cr_assert(!occurs_in_measure(m, alias), "measure %zu: alias \"%s\" is in its text",
                      i + 1, alias);
            for (size_t b = 0; b < a; b++) {
                const char *earlier = NULL;
                cr_assert_eq(shz_measure_alias(m, b, &earlier, NULL), SHZ_OK);
                cr_assert_str_neq(alias, earlier, "measure %zu: repeated alias", i + 1);
            }
        }
    }
    cr_assert_geq(total, 3 * shz_measure_count());
}

/* ---- the notice ---------------------------------------------------------- */

Test(document, metadata_of_the_notice)
{
    const char *text = NULL;
    size_t len = 0;
    for (size_t l = 0; l < 3; l++) {
        cr_assert_eq(shz_document_text(SHZ_DOC_NUMBER, all_langs[l], &text, &len), SHZ_OK);
        cr_assert_str_eq(text, "发改地区〔2021〕1072号");
        cr_assert_eq(shz_document_text(SHZ_DOC_DATE, all_langs[l], &text, NULL), SHZ_OK);
        cr_assert_str_eq(text, "2021-07-21");
        for (shz_doc_field f = SHZ_DOC_TITLE; f <= SHZ_DOC_ATTACHMENT; f++)
            cr_assert_eq(shz_document_text(f, all_langs[l], &text, NULL), SHZ_OK, "field %d", f);
    }
    cr_assert_eq(shz_document_text(SHZ_DOC_TITLE, SHZ_LANG_ZH_HANS, &text, NULL), SHZ_OK);
    cr_assert_str_eq(text, "国家发展改革委关于推广借鉴深圳经济特区创新举措和经验做法的通知");
    cr_assert_eq(shz_document_text(SHZ_DOC_ISSUER, SHZ_LANG_ZH_HANS, &text, NULL), SHZ_OK);
    cr_assert_str_eq(text, "国家发展改革委");
    cr_assert_eq(shz_document_text(SHZ_DOC_ATTACHMENT, SHZ_LANG_ZH_HANS, &text, NULL), SHZ_OK);
    cr_assert_str_eq(text, "深圳经济特区创新举措和经验做法清单");
    cr_assert_eq(shz_document_text(SHZ_DOC_TRANSLATION_NOTE, SHZ_LANG_EN, &text, NULL), SHZ_OK);
    cr_assert_not_null(strstr(text, "unofficial"));
    cr_assert_eq(shz_document_text(SHZ_DOC_TRANSLATION_NOTE, SHZ_LANG_ZH_HANS, &text, NULL),
                 SHZ_ERR_NO_TEXT);
}

Test(document, paragraphs_are_numbered_as_published)
{
    const char *text = NULL;
    cr_assert_eq(shz_document_paragraph_count(), 4);
    cr_assert_eq(shz_document_paragraph(1, SHZ_LANG_ZH_HANS, &text, NULL), SHZ_OK);
    cr_assert_eq(strncmp(text, "一、", strlen("一、")), 0);
    cr_assert_not_null(strstr(text, "共5方面47条"));
    for (size_t p = 0; p < shz_document_paragraph_count(); p++) {
        size_t len = 0;
        cr_assert_eq(shz_document_paragraph(p, SHZ_LANG_EN, &text, &len), SHZ_OK);
        cr_assert_eq(strlen(text), len);
        cr_assert_eq(text[len - 1], '.', "paragraph %zu: English sentences", p);
    }
    cr_assert_eq(shz_document_paragraph(1, SHZ_LANG_EN, &text, NULL), SHZ_OK);
    cr_assert_eq(strncmp(text, "1. ", 3), 0, "the numbering is kept: %s", text);
    cr_assert_not_null(strstr(text, "47"));
}

/* ---- versions, edition, statuses ---------------------------------------- */

Test(version, runtime_matches_compile_time)
{
    cr_assert_str_eq(shz_version(), SHZ_VERSION_STRING);
    cr_assert_eq(shz_version_number(), SHZ_VERSION_NUMBER);
    cr_assert_str_eq(shz_version(), SHZ_EXPECTED_VERSION,
                     "project(VERSION) flows into the library");
}

Test(version, data_edition_and_digest)
{
    cr_assert_str_eq(shz_data_version(), SHZ_EXPECTED_EDITION);
    cr_assert_str_eq(shz_data_sha256(), SHZ_EXPECTED_SHA256);
    cr_assert_eq(shz_errata_count(), (size_t)SHZ_EXPECTED_ERRATA);
    cr_assert_gt(shz_errata_count(), 0);
}

Test(status, every_status_has_its_own_message)
{
    for (int a = SHZ_OK; a <= SHZ_ERR_BAD_OPTIONS; a++) {
        const char *msg = shz_errstr((shz_status)a);
        cr_assert(msg && msg[0], "status %d", a);
        cr_assert_str_neq(msg, "unknown status");
        for (int b = SHZ_OK; b < a; b++)
            cr_assert_str_neq(msg, shz_errstr((shz_status)b));
    }
    cr_assert_str_eq(shz_errstr((shz_status)-1), "unknown status");
    cr_assert_str_eq(shz_errstr((shz_status)1000), "unknown status");
}

Test(status, the_length_limit_is_quoted_from_the_header)
{
    char limit[32];
    snprintf(limit, sizeof limit, " %d bytes", SHZ_QUERY_MAX);
    cr_assert_not_null(strstr(shz_errstr(SHZ_ERR_QUERY_TOO_LONG), limit), "%s",
                       shz_errstr(SHZ_ERR_QUERY_TOO_LONG));
}

Test(status, free_accepts_null)
{
    shz_free(NULL);
}
