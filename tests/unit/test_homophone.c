/*
 * Homophones inside the catalogue (libshenzhen/search/homophone.h): known cases, and
 * every list against a brute force over the catalogue's own characters,
 * collected here from data/catalogue.json independently of the generator.
 */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/homophone.h"
#include "normalize.h"
#include "search/pinyin.h"

static int contains(const uint32_t *list, size_t n, uint32_t cp)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == cp)
            return 1;
    return 0;
}

Test(homophone, pi_finds_pi_in_the_catalogue)
{
    uint32_t out[64];
    size_t n = shzi_homophones_in_catalogue(0x76AE, out, 64); /* 皮 */
    cr_assert(contains(out, n, 0x6279), "批 reads pi like 皮");
    n = shzi_homophones_in_catalogue(0x6279, out, 64); /* 批 */
    cr_assert_not(contains(out, n, 0x6279), "a character is not its own homophone");
    for (size_t i = 0; i < n; i++)
        cr_assert(shzi_pinyin_homophones(0x6279, out[i]), "U+%04X", (unsigned)out[i]);
}

Test(homophone, polyphones_gather_every_reading)
{
    uint32_t out[128];
    size_t n = shzi_homophones_in_catalogue(0x91CD, out, 128); /* 重: zhong, chong */
    cr_assert(contains(out, n, 0x4E2D), "中 (zhong)");
    int chong = 0;
    for (size_t i = 0; i < n; i++) {
        uint16_t ids[SHZ_PINYIN_READINGS_MAX];
        int k = shzi_pinyin_syllables(out[i], ids, SHZ_PINYIN_READINGS_MAX);
        for (int j = 0; j < k; j++)
            chong |= strcmp(shzi_pinyin_syllable_name(ids[j]), "chong") == 0;
        if (i)
            cr_assert_lt(out[i - 1], out[i], "ascending, no repeats");
    }
    cr_assert(chong, "some catalogue character reads chong (冲, 充…)");
}

Test(homophone, nothing_for_characters_without_readings)
{
    uint32_t out[4] = {0};
    cr_assert_eq(shzi_homophones_in_catalogue('a', out, 4), 0);
    cr_assert_eq(shzi_homophones_in_catalogue(0x110000, out, 4), 0);
    cr_assert_eq(shzi_homophones_in_catalogue(0x79D2, out, 0), 0, "cap 0 writes nothing");
}

static void mark(uint8_t *seen, const cJSON *node)
{
    if (cJSON_IsString(node)) {
        /* Decode UTF-8 by hand: the catalogue is valid (checked by the core tests). */
        const unsigned char *s = (const unsigned char *)node->valuestring;
        while (*s) {
            uint32_t cp;
            int extra = *s < 0x80 ? 0 : *s < 0xE0 ? 1 : *s < 0xF0 ? 2 : 3;
            cp = extra == 0 ? *s : *s & (0x3F >> extra);
            for (int i = 1; i <= extra; i++)
                cp = cp << 6 | (s[i] & 0x3F);
            s += extra + 1;
            uint32_t folded = shzi_norm_fold(cp);
            if (folded && folded < 0x10000)
                seen[folded] = 1;
        }
    }
    for (const cJSON *c = node->child; c; c = c->next)
        mark(seen, c);
}

Test(homophone, lists_match_a_brute_force_over_the_catalogue)
{
    FILE *f = fopen(SHZ_CATALOGUE_PATH, "rb");
    cr_assert_not_null(f);
    static char text[1 << 22];
    size_t len = fread(text, 1, sizeof text - 1, f);
    cr_assert_lt(len, sizeof text - 1, "the whole file fits");
    fclose(f);
    text[len] = '\0';
    cJSON *root = cJSON_Parse(text);
    cr_assert_not_null(root);
    static uint8_t seen[0x10000];
    mark(seen, root);
    cJSON_Delete(root);
    uint32_t catalogue[0x10000];
    size_t count = 0;
    for (uint32_t cp = 0; cp < 0x10000; cp++)
        if (seen[cp] && shzi_pinyin_syllables(cp, NULL, 0) > 0)
            catalogue[count++] = cp;
    cr_assert_gt(count, 800, "the notice uses about a thousand distinct characters");
    /* Every catalogue character, and a spread of others. */
    size_t checked = 0;
    for (uint32_t cp = 0x4E00; cp < 0xA000; cp++) {
        if (!seen[cp] && cp % 97 != 0)
            continue;
        uint32_t want[512], got[512];
        size_t n_want = 0;
        for (size_t i = 0; i < count; i++)
            if (catalogue[i] != cp && shzi_pinyin_homophones(cp, catalogue[i]))
                want[n_want++] = catalogue[i];
        size_t n_got = shzi_homophones_in_catalogue(cp, got, 512);
        cr_assert_eq(n_got, n_want, "U+%04X", (unsigned)cp);
        cr_assert_arr_eq(got, want, n_got * sizeof *got, "U+%04X", (unsigned)cp);
        checked++;
    }
    cr_assert_gt(checked, 1000);
}
