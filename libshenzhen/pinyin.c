/*
 * Lookups in the compiled-in reading table (pinyin.h): binary search over the
 * sorted code points, then the reading set the row names.
 */
#include "pinyin.h"

/* The offset of cp's reading set in shz_pinyin_readings, or -1 without one. */
static long find_set(uint32_t cp)
{
    if (shz_pinyin_cp_count == 0 || cp < shz_pinyin_cps[0] ||
        cp > shz_pinyin_cps[shz_pinyin_cp_count - 1])
        return -1;
    size_t lo = 0, hi = shz_pinyin_cp_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (shz_pinyin_cps[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < shz_pinyin_cp_count && shz_pinyin_cps[lo] == cp ? (long)shz_pinyin_sets[lo] : -1;
}

int shz_pinyin_syllables(uint32_t cp, uint16_t *out, int cap)
{
    long set = find_set(cp);
    if (set < 0)
        return 0;
    int n = shz_pinyin_readings[set];
    for (int k = 0; k < n && k < cap; k++)
        out[k] = shz_pinyin_readings[set + 1 + k];
    return n;
}

int shz_pinyin_homophones(uint32_t cp, uint32_t other)
{
    long a = find_set(cp), b = find_set(other);
    if (a < 0 || b < 0)
        return 0;
    if (a == b) /* the same reading set (sets are shared) */
        return 1;
    int na = shz_pinyin_readings[a], nb = shz_pinyin_readings[b];
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            if (shz_pinyin_readings[a + 1 + i] == shz_pinyin_readings[b + 1 + j])
                return 1;
    return 0;
}

const char *shz_pinyin_syllable_name(uint16_t id)
{
    return id < shz_pinyin_name_count ? shz_pinyin_names[id] : NULL;
}

size_t shz_pinyin_syllable_count(void)
{
    return shz_pinyin_name_count;
}
