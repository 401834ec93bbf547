#include "unicode_helpers.h"

struct uh_width_range {
    uint32_t lo, hi;
    int width;
};

#include "width_table.h" /* generated: uh_width_ranges, sorted */

size_t uh_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0)
        return 0;
    size_t n = u[0] < 0x80   ? 1
               : u[0] < 0xC2 ? 0
               : u[0] < 0xE0 ? 2
               : u[0] < 0xF0 ? 3
               : u[0] < 0xF5 ? 4
                             : 0;
    if (n == 0 || n > len)
        return 0;
    uint32_t v = n == 1 ? u[0] : u[0] & (0xFFu >> (n + 1));
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (u[i] & 0x3Fu);
    }
    static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < least[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

int uh_char_width(uint32_t cp)
{
    size_t lo = 0, hi = sizeof uh_width_ranges / sizeof uh_width_ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < uh_width_ranges[mid].lo)
            hi = mid;
        else if (cp > uh_width_ranges[mid].hi)
            lo = mid + 1;
        else
            return uh_width_ranges[mid].width;
    }
    return 1;
}
