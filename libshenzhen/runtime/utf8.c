/* UTF-8 through utf8proc, whose decoder is already strict (tests/unicode checks each case). */
#include "utf8.h"

#include <utf8proc.h>

size_t shzi_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (len == 0)
        return 0;
    if (s[0] < 0x80) { /* ASCII, the common case, without the call */
        *cp = s[0];
        return 1;
    }
    /* utf8proc rejects overlong forms, surrogates, values above U+10FFFF, lone continuation
     * bytes and sequences cut short by len; no sequence is longer than 4 bytes. */
    utf8proc_int32_t value;
    utf8proc_ssize_t n = utf8proc_iterate(s, len < 4 ? (utf8proc_ssize_t)len : 4, &value);
    if (n <= 0)
        return 0;
    *cp = (uint32_t)value;
    return (size_t)n;
}

int shzi_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = shzi_utf8_decode(p + i, len - i, &cp);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}

size_t shzi_utf8_encode(uint32_t cp, unsigned char *out)
{
    /* utf8proc_encode_char would write a surrogate as three bytes: refuse it here. */
    if (cp > 0x10FFFF || !utf8proc_codepoint_valid((utf8proc_int32_t)cp))
        return 0;
    return (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, out);
}

size_t shzi_utf8_advance(const char *s, size_t len, size_t pos, size_t chars)
{
    for (; chars > 0 && pos < len; chars--) {
        /* utf8proc's table of sequence lengths by lead byte (0 for a continuation byte) */
        utf8proc_int8_t n = utf8proc_utf8class[(unsigned char)s[pos]];
        pos += n > 0 ? (size_t)n : 1;
    }
    return pos < len ? pos : len;
}
