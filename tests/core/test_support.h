/*
 * Helpers for the core tests, written independently of the library (a test
 * that reused the library's own UTF-8 decoder could not catch its bugs).
 */
#ifndef SHZ_TEST_SUPPORT_H
#define SHZ_TEST_SUPPORT_H

#include <stddef.h>
#include <string.h>

/* Strict UTF-8 check: shortest forms only, no surrogates, nothing past U+10FFFF. */
static inline int test_utf8_valid(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        unsigned long cp;
        int extra;
        if (s[0] < 0x80) {
            s++;
            continue;
        } else if ((s[0] & 0xE0) == 0xC0) {
            cp = s[0] & 0x1F, extra = 1;
        } else if ((s[0] & 0xF0) == 0xE0) {
            cp = s[0] & 0x0F, extra = 2;
        } else if ((s[0] & 0xF8) == 0xF0) {
            cp = s[0] & 0x07, extra = 3;
        } else {
            return 0;
        }
        for (int i = 1; i <= extra; i++) {
            if ((s[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        static const unsigned long smallest[] = {0, 0x80, 0x800, 0x10000};
        if (cp < smallest[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        s += extra + 1;
    }
    return 1;
}

/* Code points in a valid UTF-8 string. */
static inline size_t test_utf8_length(const char *text)
{
    size_t n = 0;
    for (const unsigned char *s = (const unsigned char *)text; *s; s++)
        n += (*s & 0xC0) != 0x80;
    return n;
}

/* Non-overlapping occurrences of needle in text. */
static inline size_t test_count(const char *text, const char *needle)
{
    size_t n = 0, len = strlen(needle);
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p += len)
        n++;
    return n;
}

static inline int test_ascii_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static inline char test_ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Whether needle occurs in text, ASCII letters compared without case; a needle that begins or
 * ends with an ASCII letter or digit must begin or end a word there ("port" is not in
 * "support"). */
static inline int test_casefind(const char *text, const char *needle)
{
    size_t n = strlen(needle), t = strlen(text);
    if (n == 0 || n > t)
        return n == 0;
    for (size_t i = 0; i + n <= t; i++) {
        size_t k = 0;
        while (k < n && test_ascii_lower(text[i + k]) == test_ascii_lower(needle[k]))
            k++;
        if (k < n)
            continue;
        if (test_ascii_word_char(needle[0]) && i > 0 && test_ascii_word_char(text[i - 1]))
            continue;
        if (test_ascii_word_char(needle[n - 1]) && test_ascii_word_char(text[i + n]))
            continue;
        return 1;
    }
    return 0;
}

#endif
