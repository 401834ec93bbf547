/*
 * Homophones inside the catalogue (homophone.h): the union of the per-syllable
 * character lists of cp's readings.
 */
#include "homophone.h"

#include "pinyin.h"

size_t shzi_homophones_in_catalogue(uint32_t cp, uint32_t *out, size_t cap)
{
    uint16_t syllables[SHZ_PINYIN_READINGS_MAX];
    int n = shzi_pinyin_syllables(cp, syllables, SHZ_PINYIN_READINGS_MAX);
    if (n > SHZ_PINYIN_READINGS_MAX)
        n = SHZ_PINYIN_READINGS_MAX;
    if (shzi_homophone_syllables != shzi_pinyin_syllable_count())
        return 0;
    /* Merge the ascending lists, dropping repeats and cp itself. */
    uint32_t next[SHZ_PINYIN_READINGS_MAX], end[SHZ_PINYIN_READINGS_MAX];
    for (int k = 0; k < n; k++) {
        next[k] = shzi_homophone_first[syllables[k]];
        end[k] = shzi_homophone_first[syllables[k] + 1];
    }
    size_t written = 0;
    while (written < cap) {
        uint32_t least = UINT32_MAX;
        for (int k = 0; k < n; k++)
            if (next[k] < end[k] && shzi_homophone_chars[next[k]] < least)
                least = shzi_homophone_chars[next[k]];
        if (least == UINT32_MAX)
            break;
        for (int k = 0; k < n; k++)
            if (next[k] < end[k] && shzi_homophone_chars[next[k]] == least)
                next[k]++;
        if (least != cp)
            out[written++] = least;
    }
    return written;
}
