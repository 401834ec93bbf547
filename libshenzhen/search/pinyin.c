/*
 * Lookups in the compiled-in reading table (pinyin.h): the code point's page,
 * then the reading set its entry names.
 */
#include "pinyin.h"

/* The offset of cp's reading set in shzi_pinyin_readings, or -1 without one. */
static long find_set(uint32_t cp)
{
    if (cp > 0xFFFF)
        return -1;
    uint16_t set = shzi_pinyin_page_sets[(size_t)shzi_pinyin_pages[cp >> 8] * 256 + (cp & 255)];
    return set == SHZ_PINYIN_NONE ? -1 : (long)set;
}

int shzi_pinyin_syllables(uint32_t cp, uint16_t *out, int cap)
{
    long set = find_set(cp);
    if (set < 0)
        return 0;
    int n = shzi_pinyin_readings[set];
    for (int k = 0; k < n && k < cap; k++)
        out[k] = shzi_pinyin_readings[set + 1 + k];
    return n;
}

int shzi_pinyin_homophones(uint32_t cp, uint32_t other)
{
    long a = find_set(cp), b = find_set(other);
    if (a < 0 || b < 0)
        return 0;
    if (a == b) /* the same reading set (sets are shared) */
        return 1;
    int na = shzi_pinyin_readings[a], nb = shzi_pinyin_readings[b];
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            if (shzi_pinyin_readings[a + 1 + i] == shzi_pinyin_readings[b + 1 + j])
                return 1;
    return 0;
}

const char *shzi_pinyin_syllable_name(uint16_t id)
{
    return id < shzi_pinyin_name_count ? shzi_pinyin_names[id] : NULL;
}

size_t shzi_pinyin_syllable_count(void)
{
    return shzi_pinyin_name_count;
}
