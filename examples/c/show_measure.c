/* show_measure [id]: every field of one measure (default 1). */
#include <stdio.h>
#include <stdlib.h>

#include "shenzhen.h"

static void field(const shz_measure *m, const char *label, shz_field f, shz_lang lang)
{
    const char *text = NULL;
    if (shz_measure_text(m, f, lang, &text, NULL) == SHZ_OK)
        printf("%-10s %s\n", label, text);
}

int main(int argc, char **argv)
{
    const shz_measure *m = NULL;
    int64_t id = argc > 1 ? strtoll(argv[1], NULL, 10) : 1;
    shz_status st = shz_measure_get(id, &m);
    if (st != SHZ_OK) {
        fprintf(stderr, "measure %lld: %s\n", (long long)id, shz_errstr(st));
        return 1;
    }
    printf("%-10s %lld (category %lld)\n", "measure", (long long)id,
           (long long)shz_category_id(shz_measure_category(m)));
    field(m, "title", SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS);
    field(m, "zh-Hant", SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANT);
    field(m, "english", SHZ_FIELD_TITLE, SHZ_LANG_EN);
    field(m, "pinyin", SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS);
    field(m, "summary", SHZ_FIELD_SUMMARY, SHZ_LANG_EN);
    field(m, "body", SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS);
    for (size_t i = 0; i < shz_measure_keyword_count(m); i++) {
        const char *kw = NULL;
        if (shz_measure_keyword(m, i, &kw, NULL) == SHZ_OK)
            printf("%-10s %s\n", i ? "" : "keywords", kw);
    }
    for (size_t i = 0; i < shz_measure_cite_count(m); i++) {
        const char *cite = NULL;
        if (shz_measure_cite(m, i, &cite, NULL) == SHZ_OK)
            printf("%-10s 《%s》\n", i ? "" : "cites", cite);
    }
    return 0;
}
