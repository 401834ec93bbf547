/* UTF-8 helpers shared by the tests: see utf8_test.h. */
#include "utf8_test.h"

size_t tc_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    static const uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (len == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t n;
    uint32_t v;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    } else if ((u[0] & 0xE0) == 0xC0) {
        n = 2, v = u[0] & 0x1F;
    } else if ((u[0] & 0xF0) == 0xE0) {
        n = 3, v = u[0] & 0x0F;
    } else if ((u[0] & 0xF8) == 0xF0) {
        n = 4, v = u[0] & 0x07;
    } else {
        return 0; /* a continuation byte, or F8-FF */
    }
    if (n > len)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < smallest[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

bool tc_utf8_valid(const char *s, size_t len)
{
    uint32_t cp;
    for (size_t i = 0, n; i < len; i += n)
        if ((n = tc_utf8_decode(s + i, len - i, &cp)) == 0)
            return false;
    return true;
}

size_t tc_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

size_t tc_utf8_prefix(const char *s, size_t len, size_t chars)
{
    size_t i = 0;
    while (i < len && chars > 0) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return i;
}
