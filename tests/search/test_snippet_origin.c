/*
 * shz_results_snippet_origin: for every hit of many searches (both modes, both Chinese
 * scripts), the snippet's text without its "…" marks is the text of the reported field and
 * language from the reported byte offset, and the character offset counts the code points
 * before that byte. Bad arguments give their errors.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "shenzhen.h"
#include "utf8_test.h"

static const char ellipsis[] = "\xE2\x80\xA6";
enum { ELLIPSIS = sizeof ellipsis - 1 };

/* The text the origin names: the field in that language, or the keywords and aliases joined
 * by "; " (written to buf). */
static const char *origin_text(const shz_measure *m, shz_field field, shz_lang lang, char *buf,
                               size_t cap, size_t *len)
{
    const char *text = NULL;
    if (field != SHZ_FIELD_ALIASES) {
        cr_assert_eq(shz_measure_text(m, field, lang, &text, len), SHZ_OK, "field %d lang %d",
                     (int)field, (int)lang);
        return text;
    }
    size_t n = 0;
    size_t keywords = shz_measure_keyword_count(m), aliases = shz_measure_alias_count(m);
    for (size_t i = 0; i < keywords + aliases; i++) {
        const char *item;
        size_t item_len;
        shz_status st = i < keywords ? shz_measure_keyword(m, i, &item, &item_len)
                                     : shz_measure_alias(m, i - keywords, &item, &item_len);
        cr_assert_eq(st, SHZ_OK);
        cr_assert_lt(n + item_len + 2, cap);
        if (i) {
            memcpy(buf + n, "; ", 2);
            n += 2;
        }
        memcpy(buf + n, item, item_len);
        n += item_len;
    }
    *len = n;
    return buf;
}

Test(snippet_origin, names_the_text_the_snippet_was_cut_from)
{
    static const char *const queries[] = {"深圳",       "改革 创新", "个人破产", "registering",
                                          "innovation", "前海",      "shenzhen", "zhuce",
                                          "知识产权",   "營商環境",  "秒批",     "科技 金融"};
    static char joined[65536];
    size_t checked = 0, cut = 0;
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
        for (unsigned mode = 0; mode < 2; mode++)
            for (int lang = 0; lang < 3; lang++) { /* zh-Hans, zh-Hant, en */
                shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
                o.mode = mode;
                o.lang = (shz_lang)lang;
                shz_results *r = NULL;
                cr_assert_eq(shz_search(queries[q], strlen(queries[q]), &o, &r), SHZ_OK);
                for (size_t i = 0; i < shz_results_count(r); i++) {
                    shz_field field = 0;
                    shz_lang text_lang = SHZ_LANG_EN;
                    size_t byte = 0, chr = 0, len = 0, text_len = 0;
                    const char *snippet = NULL;
                    cr_assert_eq(shz_results_snippet_origin(r, i, &field, &text_lang, &byte, &chr),
                                 SHZ_OK);
                    cr_assert_eq(field, shz_results_field(r, i));
                    cr_assert_eq(shz_results_snippet(r, i, &snippet, &len), SHZ_OK);
                    const char *text = origin_text(shz_results_measure(r, i), field, text_lang,
                                                   joined, sizeof joined, &text_len);
                    size_t head = byte > 0 ? ELLIPSIS : 0;
                    if (head)
                        cr_assert(len >= ELLIPSIS && !memcmp(snippet, ellipsis, ELLIPSIS));
                    size_t shown = len - head;
                    if (byte + shown < text_len) { /* cut after: it ends with "…" */
                        cr_assert(shown >= ELLIPSIS &&
                                  !memcmp(snippet + len - ELLIPSIS, ellipsis, ELLIPSIS));
                        shown -= ELLIPSIS;
                    }
                    cr_assert_leq(byte + shown, text_len);
                    cr_assert(!memcmp(text + byte, snippet + head, shown),
                              "'%s' hit %zu: snippet '%.*s' is not the text at byte %zu",
                              queries[q], i, (int)len, snippet, byte);
                    cr_assert_eq(chr, tc_utf8_count(text, byte));
                    checked++;
                    cut += byte > 0;
                }
                shz_results_free(r);
            }
    cr_assert_gt(checked, 100, "only %zu hits checked", checked);
    cr_assert_gt(cut, 10, "only %zu snippets cut before their match", cut);
}

Test(snippet_origin, bad_arguments)
{
    shz_results *r = NULL;
    cr_assert_eq(shz_search("深圳", strlen("深圳"), NULL, &r), SHZ_OK);
    cr_assert_eq(shz_results_snippet_origin(NULL, 0, NULL, NULL, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_results_snippet_origin(r, shz_results_count(r), NULL, NULL, NULL, NULL),
                 SHZ_ERR_NOT_FOUND);
    cr_assert_eq(shz_results_snippet_origin(r, 0, NULL, NULL, NULL, NULL), SHZ_OK);
    shz_results_free(r);
}
