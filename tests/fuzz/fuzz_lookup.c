/*
 * libFuzzer target: lookups with ids, indices, languages and fields taken from
 * arbitrary bytes. Beyond "no crash, no UB", it checks the header's promises:
 * an id is found exactly when it is 1..count, every string handed out is
 * NUL-terminated at its length and valid UTF-8, and on error the output
 * parameters are left untouched.
 */
#include <ctype.h>
#include <stdbool.h>

#include "fuzz_common.h"

static const char *const SENTINEL = "untouched";

static void check_status_text(shz_status st, const char *text, size_t len)
{
    FUZZ_CHECK(status_known(st));
    if (st == SHZ_OK) {
        check_text(text, len);
    } else {
        FUZZ_CHECK(text == SENTINEL);
        FUZZ_CHECK(len == 12345);
    }
}

static const shz_measure *pick_measure(fuzz_input *in)
{
    int64_t id = take_id(in);
    const shz_measure *m = (const shz_measure *)SENTINEL;
    shz_status st = shz_measure_get(id, &m);
    int valid = id >= 1 && (uint64_t)id <= shz_measure_count();
    FUZZ_CHECK(st == (valid ? SHZ_OK : SHZ_ERR_NOT_FOUND));
    if (!valid) {
        FUZZ_CHECK(m == (const shz_measure *)SENTINEL);
        return NULL; /* NULL handles are then fuzzed too */
    }
    FUZZ_CHECK(shz_measure_id(m) == id);
    FUZZ_CHECK(shz_measure_at((size_t)(id - 1)) == m);
    return m;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    FUZZ_CHECK(shz_measure_get(1, NULL) == SHZ_ERR_INVALID_ARG);
    int steps = 0;
    while (in.size > 0 && steps++ < 64) {
        uint8_t op = take_u8(&in);
        const char *text = SENTINEL;
        size_t len = 12345;
        shz_status st;
        switch (op % 12) {
        case 0: { /* measure text, any field and language values */
            const shz_measure *m = pick_measure(&in);
            shz_field field = (shz_field)(int)take_u64(&in, 4);
            shz_lang lang = (shz_lang)(int)take_u64(&in, 4);
            st = shz_measure_text(m, field, lang, &text, &len);
            check_status_text(st, text, len);
            if (m == NULL)
                FUZZ_CHECK(st == SHZ_ERR_INVALID_ARG);
            break;
        }
        case 1: { /* keyword, cite or alias by index; a related measure by index */
            const shz_measure *m = pick_measure(&in);
            size_t index = (size_t)take_id(&in), count;
            if (op & 16) {
                st = shz_measure_keyword(m, index, &text, &len);
                count = shz_measure_keyword_count(m);
            } else if (op & 32) {
                st = shz_measure_alias(m, index, &text, &len);
                count = shz_measure_alias_count(m);
            } else {
                st = shz_measure_cite(m, index, &text, &len);
                count = shz_measure_cite_count(m);
            }
            check_status_text(st, text, len);
            if (m != NULL)
                FUZZ_CHECK((st == SHZ_OK) == (index < count));
            const shz_measure *near = shz_measure_related(m, index);
            FUZZ_CHECK((near != NULL) == (m != NULL && index < shz_measure_related_count(m)));
            FUZZ_CHECK(near == NULL ||
                       (near != m && shz_measure_get(shz_measure_id(near), &near) == SHZ_OK));
            break;
        }
        case 2: { /* category by id, its title and members */
            int64_t id = take_id(&in);
            const shz_category *c = (const shz_category *)SENTINEL;
            st = shz_category_get(id, &c);
            int valid = id >= 1 && (uint64_t)id <= shz_category_count();
            FUZZ_CHECK(st == (valid ? SHZ_OK : SHZ_ERR_NOT_FOUND));
            if (!valid) {
                FUZZ_CHECK(c == (const shz_category *)SENTINEL);
                c = NULL;
            }
            shz_lang lang = (shz_lang)(int)take_u64(&in, 4);
            st = shz_category_title(c, lang, &text, &len);
            check_status_text(st, text, len);
            size_t index = (size_t)take_id(&in);
            const shz_measure *m = shz_category_measure_at(c, index);
            FUZZ_CHECK((m != NULL) == (c != NULL && index < shz_category_measure_count(c)));
            if (m)
                FUZZ_CHECK(shz_measure_category(m) == c);
            break;
        }
        case 3: { /* iteration by index */
            size_t index = (size_t)take_id(&in);
            FUZZ_CHECK((shz_measure_at(index) != NULL) == (index < shz_measure_count()));
            FUZZ_CHECK((shz_category_at(index) != NULL) == (index < shz_category_count()));
            break;
        }
        case 4: { /* the notice's fields */
            shz_doc_field field = (shz_doc_field)(int)take_u64(&in, 4);
            shz_lang lang = (shz_lang)(int)take_u64(&in, 4);
            st = shz_document_text(field, lang, &text, &len);
            check_status_text(st, text, len);
            break;
        }
        case 5: { /* the notice's paragraphs */
            size_t index = (size_t)take_id(&in);
            shz_lang lang = (shz_lang)(int)take_u64(&in, 4);
            st = shz_document_paragraph(index, lang, &text, &len);
            check_status_text(st, text, len);
            break;
        }
        case 6: { /* language tags from bytes, with a length that may run past a NUL */
            size_t n;
            const char *name = take_bytes(&in, 16, &n);
            shz_lang out = (shz_lang)77;
            st = shz_lang_parse(name, n, &out);
            FUZZ_CHECK(st == SHZ_OK || st == SHZ_ERR_BAD_LANG);
            if (st == SHZ_OK) {
                /* The tag, lower-cased with '_' as '-', is one that shenzhen.h lists for out. */
                static const char *const accepted[][5] = {
                    {"zh-hans", "zh", "zh-cn", "zh-sg", NULL},
                    {"zh-hant", "zh-tw", "zh-hk", "zh-mo", NULL},
                    {"en", "en-us", "en-gb", NULL, NULL},
                };
                char folded[17];
                for (size_t i = 0; i < n; i++)
                    folded[i] = name[i] == '_' ? '-' : (char)tolower((unsigned char)name[i]);
                folded[n] = '\0';
                FUZZ_CHECK((unsigned)out < 3 && strlen(folded) == n);
                bool listed = false;
                for (size_t i = 0; i < 5 && accepted[out][i] != NULL; i++)
                    listed = listed || strcmp(folded, accepted[out][i]) == 0;
                FUZZ_CHECK(listed);
            } else {
                FUZZ_CHECK(out == (shz_lang)77);
            }
            FUZZ_CHECK(shz_lang_parse(NULL, n, &out) == SHZ_ERR_INVALID_ARG);
            FUZZ_CHECK(shz_lang_parse(name, n, NULL) == SHZ_ERR_INVALID_ARG);
            break;
        }
        case 7: { /* names of arbitrary enum values */
            int v = (int)take_u64(&in, 4);
            const char *name = shz_lang_name((shz_lang)v);
            FUZZ_CHECK((name != NULL) == (v >= 0 && v <= 2));
            name = shz_field_name((shz_field)v);
            if (name)
                check_text(name, strlen(name));
            name = shz_errstr((shz_status)v);
            FUZZ_CHECK(name != NULL);
            check_text(name, strlen(name));
            break;
        }
        case 8: { /* NULL output pointers */
            const shz_measure *m = pick_measure(&in);
            FUZZ_CHECK(shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_EN, NULL, &len) ==
                       SHZ_ERR_INVALID_ARG);
            st = shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_EN, &text, NULL);
            FUZZ_CHECK(st == (m ? SHZ_OK : SHZ_ERR_INVALID_ARG));
            break;
        }
        case 9: { /* accessors of NULL handles */
            FUZZ_CHECK(shz_measure_id(NULL) == 0);
            FUZZ_CHECK(shz_measure_category(NULL) == NULL);
            FUZZ_CHECK(shz_category_measure_count(NULL) == 0);
            FUZZ_CHECK(shz_measure_keyword_count(NULL) == 0);
            FUZZ_CHECK(shz_measure_cite_count(NULL) == 0);
            FUZZ_CHECK(shz_measure_alias_count(NULL) == 0);
            FUZZ_CHECK(shz_measure_related_count(NULL) == 0);
            FUZZ_CHECK(shz_measure_related(NULL, 0) == NULL);
            break;
        }
        default: { /* a measure's whole record in every language */
            const shz_measure *m = pick_measure(&in);
            for (int f = 1; m && f <= SHZ_FIELD_PINYIN_INITIALS; f <<= 1)
                for (int l = 0; l < 3; l++) {
                    text = SENTINEL;
                    len = 12345;
                    st = shz_measure_text(m, (shz_field)f, (shz_lang)l, &text, &len);
                    FUZZ_CHECK(st == SHZ_OK || st == SHZ_ERR_NO_TEXT);
                    check_status_text(st, text, len);
                }
            break;
        }
        }
    }
    return 0;
}
