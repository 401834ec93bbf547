/*
 * The compiled reading table (libshenzhen/search/pinyin.h): known readings, the
 * table against data/han_pinyin.tsv row by row, and code points without one.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/pinyin.h"

/* The readings of cp as one space-separated string of names ("" without any). */
static void readings_of(uint32_t cp, char *out, size_t size)
{
    uint16_t ids[SHZ_PINYIN_READINGS_MAX];
    int n = shzi_pinyin_syllables(cp, ids, SHZ_PINYIN_READINGS_MAX);
    cr_assert_leq(n, SHZ_PINYIN_READINGS_MAX);
    out[0] = '\0';
    for (int k = 0; k < n; k++) {
        const char *name = shzi_pinyin_syllable_name(ids[k]);
        cr_assert_not_null(name);
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s", k ? " " : "", name);
    }
}

static int has_reading(uint32_t cp, const char *syllable)
{
    uint16_t ids[SHZ_PINYIN_READINGS_MAX];
    int n = shzi_pinyin_syllables(cp, ids, SHZ_PINYIN_READINGS_MAX);
    for (int k = 0; k < n; k++)
        if (strcmp(shzi_pinyin_syllable_name(ids[k]), syllable) == 0)
            return 1;
    return 0;
}

Test(pinyin, miaopi_and_miaopi_are_homophones)
{
    /* 秒批 (instant approval) and 秒皮 read miao pi both. */
    cr_assert(has_reading(0x79D2, "miao"));
    cr_assert(has_reading(0x6279, "pi"), "批");
    cr_assert(has_reading(0x76AE, "pi"), "皮");
    cr_assert(shzi_pinyin_homophones(0x6279, 0x76AE));
    cr_assert(shzi_pinyin_homophones(0x79D2, 0x79D2));
    cr_assert_not(shzi_pinyin_homophones(0x79D2, 0x6279), "秒 and 批 sound different");
}

Test(pinyin, polyphones_have_every_modern_reading_customary_first)
{
    char got[128];
    readings_of(0x91CD, got, sizeof got); /* 重 */
    cr_assert_str_eq(got, "zhong chong");
    readings_of(0x884C, got, sizeof got); /* 行 */
    cr_assert(has_reading(0x884C, "xing") && has_reading(0x884C, "hang"), "%s", got);
    cr_assert(shzi_pinyin_homophones(0x91CD, 0x4E2D), "重 zhong, 中 zhong");
    cr_assert(shzi_pinyin_homophones(0x91CD, 0x866B), "重 chong, 虫 chong");
}

Test(pinyin, traditional_and_simplified_forms_read_alike)
{
    static const uint32_t pairs[][2] = {
        {0x9577, 0x957F}, /* 長 长 */
        {0x66F8, 0x4E66}, /* 書 书 */
        {0x7DA0, 0x7EFF}, /* 綠 绿 */
        {0x6279, 0x6279}, /* 批 */
        {0x5BE9, 0x5BA1}, /* 審 审 */
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        char t[128], s[128];
        readings_of(pairs[i][0], t, sizeof t);
        readings_of(pairs[i][1], s, sizeof s);
        cr_assert_neq(t[0], '\0', "U+%04X has readings", (unsigned)pairs[i][0]);
        cr_assert(shzi_pinyin_homophones(pairs[i][0], pairs[i][1]), "U+%04X %s, U+%04X %s",
                  (unsigned)pairs[i][0], t, (unsigned)pairs[i][1], s);
    }
    cr_assert(has_reading(0x7DA0, "lv"), "ü is written v");
}

Test(pinyin, code_points_without_readings_give_zero)
{
    static const uint32_t none[] = {0,      'A',     0x3000,  0x33FF,   0xAC00,   0xFB00,
                                    0xFFFF, 0x20000, 0x2F800, 0x10FFFF, 0x110000, UINT32_MAX};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        uint16_t sentinel = 0xBEEF;
        cr_assert_eq(shzi_pinyin_syllables(none[i], &sentinel, 1), 0, "U+%04X", (unsigned)none[i]);
        cr_assert_eq(sentinel, 0xBEEF, "nothing written");
        cr_assert_not(shzi_pinyin_homophones(none[i], none[i]));
    }
    cr_assert_null(shzi_pinyin_syllable_name((uint16_t)shzi_pinyin_syllable_count()));
    cr_assert_null(shzi_pinyin_syllable_name(UINT16_MAX));
}

Test(pinyin, cap_limits_what_is_written_not_what_is_counted)
{
    uint16_t out[2] = {0xBEEF, 0xBEEF};
    cr_assert_eq(shzi_pinyin_syllables(0x91CD, out, 1), 2);
    cr_assert_neq(out[0], 0xBEEF);
    cr_assert_eq(out[1], 0xBEEF);
    cr_assert_eq(shzi_pinyin_syllables(0x91CD, NULL, 0), 2);
}

Test(pinyin, names_are_sorted_lowercase_syllables)
{
    size_t n = shzi_pinyin_syllable_count();
    cr_assert_gt(n, 380, "Mandarin has some 400 toneless syllables");
    cr_assert_lt(n, 450);
    for (size_t id = 0; id < n; id++) {
        const char *name = shzi_pinyin_syllable_name((uint16_t)id);
        size_t len = strlen(name);
        cr_assert(len >= 1 && len <= SHZ_PINYIN_NAME_MAX, "%s", name);
        cr_assert_eq(strspn(name, "abcdefghijklmnopqrstuvwxyz"), len, "%s", name);
        if (id)
            cr_assert_lt(strcmp(shzi_pinyin_syllable_name((uint16_t)(id - 1)), name), 0);
    }
}

/* Every row of the source file, read here independently of the generator. */
Test(pinyin, table_matches_the_source_file_row_for_row)
{
    FILE *f = fopen(SHZ_HAN_PINYIN_TSV, "r");
    cr_assert_not_null(f, "%s", SHZ_HAN_PINYIN_TSV);
    char line[256];
    size_t rows = 0;
    unsigned long previous = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        cr_assert_not_null(tab);
        unsigned long cp = strtoul(line, NULL, 16);
        char *want = tab + 1;
        want[strcspn(want, "\n")] = '\0';
        /* Every code point between two rows has no reading. */
        for (unsigned long gap = previous + 1; rows && gap < cp; gap++)
            cr_assert_eq(shzi_pinyin_syllables((uint32_t)gap, NULL, 0), 0, "U+%04lX", gap);
        char got[128];
        readings_of((uint32_t)cp, got, sizeof got);
        cr_assert_str_eq(got, want, "U+%04lX", cp);
        previous = cp;
        rows++;
    }
    fclose(f);
    cr_assert_gt(rows, 20000, "U+4E00-U+9FFF alone has some 20,900 characters with readings");
    cr_assert_eq(rows, shzi_pinyin_cp_count);
}
