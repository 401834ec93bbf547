/*
 * Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequences. Shared by the library, the generator and
 * the command so that all three agree on what "valid" means.
 */
#ifndef SHZ_UTF8_H
#define SHZ_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one code point from s[0..len) into *cp and returns its byte length
 * (1-4), or 0 if the bytes there are not a valid sequence (or len is 0).
 */
size_t shzi_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* 1 if s[0..len) is valid UTF-8 throughout, else 0. NULL with len 0 is valid. */
int shzi_utf8_valid(const char *s, size_t len);

/* Writes cp as UTF-8 into out (room for 4 bytes) and returns the byte count; 0 if cp is invalid. */
size_t shzi_utf8_encode(uint32_t cp, unsigned char *out);

/* The bytes of code point cp's UTF-8 form (cp valid). */
static inline size_t shzi_utf8_length(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* For text already known to be valid UTF-8 (the catalogue, a validated query): the number of
 * code points in s[0..len) (inline: the Python binding counts with it too, without linking
 * utf8proc), and the byte offset reached from byte pos after chars code points (stopping at
 * len). */
static inline size_t shzi_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0u) != 0x80u; /* every byte but continuation bytes */
    return n;
}

size_t shzi_utf8_advance(const char *s, size_t len, size_t pos, size_t chars);

#endif
