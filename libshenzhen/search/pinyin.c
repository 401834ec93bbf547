/*
 * Lookups in the compiled-in reading table (pinyin.h): binary search over the
 * sorted code points, then the reading set the row names.
 */
#include "pinyin.h"

/* The offset of cp's reading set in shzi_pinyin_readings, or -1 without one. */
static long find_set(uint32_t cp)
{
    if (shzi_pinyin_cp_count == 0 || cp < shzi_pinyin_cps[0] ||
        cp > shzi_pinyin_cps[shzi_pinyin_cp_count - 1])
        return -1;
    size_t lo = 0, hi = shzi_pinyin_cp_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (shzi_pinyin_cps[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < shzi_pinyin_cp_count && shzi_pinyin_cps[lo] == cp ? (long)shzi_pinyin_sets[lo] : -1;
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
