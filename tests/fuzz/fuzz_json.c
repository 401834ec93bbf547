/*
 * libFuzzer target: JSON export with flags and targets taken from bytes.
 * Unknown flag bits must give SHZ_ERR_INVALID_ARG; otherwise the text must be
 * NUL-terminated at its length, valid UTF-8 (pure ASCII with SHZ_JSON_ASCII),
 * parse back with cJSON into the object asked for, and be freed by shz_free().
 */
#include <cjson/cJSON.h>

#include "fuzz_common.h"

static void check_export(shz_status st, unsigned flags, char *json, size_t len, int64_t want_id)
{
    FUZZ_CHECK(status_known(st));
    if (flags & ~3u) {
        FUZZ_CHECK(st == SHZ_ERR_INVALID_ARG);
        FUZZ_CHECK(json == NULL);
        return;
    }
    if (st != SHZ_OK) {
        FUZZ_CHECK(st == SHZ_ERR_INVALID_ARG);
        FUZZ_CHECK(want_id == 0); /* only a NULL handle may fail */
        FUZZ_CHECK(json == NULL);
        return;
    }
    check_text(json, len);
    if (flags & SHZ_JSON_ASCII)
        for (size_t i = 0; i < len; i++)
            FUZZ_CHECK((unsigned char)json[i] < 0x80);
    if (!(flags & SHZ_JSON_PRETTY))
        FUZZ_CHECK(memchr(json, '\n', len) == NULL);
    cJSON *root = cJSON_ParseWithLength(json, len);
    FUZZ_CHECK(root != NULL);
    FUZZ_CHECK(cJSON_IsObject(root));
    if (want_id > 0) {
        cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
        FUZZ_CHECK(cJSON_IsNumber(id) && (int64_t)id->valuedouble == want_id);
    } else {
        cJSON *measures = cJSON_GetObjectItemCaseSensitive(root, "measures");
        FUZZ_CHECK(cJSON_IsArray(measures));
        FUZZ_CHECK((size_t)cJSON_GetArraySize(measures) == shz_measure_count());
    }
    cJSON_Delete(root);
    shz_free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    int steps = 0;
    while (in.size > 0 && steps++ < 8) {
        uint8_t what = take_u8(&in);
        /* Mostly valid flags, sometimes any 32 bits. */
        unsigned flags = (what & 0x80) ? (unsigned)take_u64(&in, 4) : (unsigned)(take_u8(&in) & 7);
        char *json = NULL;
        size_t len = 0, *lenp = (what & 0x40) ? NULL : &len;
        shz_status st;
        switch (what % 4) {
        case 0: { /* one measure by index, NULL beyond the end */
            size_t index = (size_t)take_id(&in);
            const shz_measure *m = shz_measure_at(index);
            st = shz_json_measure(m, flags, &json, lenp);
            if (st == SHZ_OK && !lenp)
                len = strlen(json);
            check_export(st, flags, json, len, m ? shz_measure_id(m) : 0);
            break;
        }
        case 1: { /* one category by index */
            size_t index = (size_t)take_id(&in);
            const shz_category *c = shz_category_at(index);
            st = shz_json_category(c, flags, &json, lenp);
            if (st == SHZ_OK && !lenp)
                len = strlen(json);
            check_export(st, flags, json, len, c ? shz_category_id(c) : 0);
            break;
        }
        case 2: /* the whole catalogue (expensive: at most once per input) */
            if (steps > 1)
                break;
            st = shz_json_catalogue(flags, &json, lenp);
            if (st == SHZ_OK && !lenp)
                len = strlen(json);
            check_export(st, flags, json, len, -1);
            break;
        default: /* NULL output */
            FUZZ_CHECK(shz_json_catalogue(flags, NULL, &len) == SHZ_ERR_INVALID_ARG);
            FUZZ_CHECK(shz_json_measure(shz_measure_at(0), flags, NULL, NULL) ==
                       SHZ_ERR_INVALID_ARG);
            shz_free(NULL);
            break;
        }
    }
    return 0;
}
