/*
 * The search's own decoding and normalization of query characters
 * (search/search_int.h), which answer the common characters without going
 * through utf8proc, against the library's (utf8.h, normalize.h) on every
 * input: they must never differ, or a query would stop matching the index.
 */
#include <criterion/criterion.h>

#include "search/search_int.h"

Test(query_chars, fold_and_space_agree_on_every_code_point)
{
    size_t fast = 0;
    for (uint32_t cp = 0; cp <= 0x110000; cp++) {
        cr_assert_eq(szs_fold(cp), shzi_norm_fold(cp), "fold of U+%04X", (unsigned)cp);
        cr_assert_eq(szs_is_space(cp), shzi_norm_is_space(cp), "space U+%04X", (unsigned)cp);
        fast += szs_common_punctuation(cp);
    }
    cr_assert_eq(fast, 24 + 16 + 4 + 25, "the punctuation answered here");
    cr_assert_eq(szs_fold(0xFF21), 'a', "full-width A");
    cr_assert_eq(szs_fold(0x3002), 0, "ideographic full stop");
    cr_assert_eq(szs_fold(0x570B), 0x56FD, "a traditional form folds (國 to 国)");
    cr_assert_eq(szs_fold(0x4E2D), 0x4E2D, "中");
}

/* Every sequence of one to three bytes, each cut to every shorter length, and four-byte
 * sequences under every lead with chosen tails: the same length and code point. */
Test(query_chars, decode_agrees_on_every_short_sequence)
{
    unsigned char s[4] = {0, 0, 0, 0};
    size_t decoded = 0;
    for (uint32_t v = 0; v < (1u << 24); v++) {
        s[0] = (unsigned char)(v >> 16), s[1] = (unsigned char)(v >> 8), s[2] = (unsigned char)v;
        for (size_t len = 0; len <= 3; len++) {
            uint32_t a = 0xFFFFFFFFu, b = 0xFFFFFFFFu;
            size_t n = szs_utf8_decode(s, len, &a);
            cr_assert_eq(n, shzi_utf8_decode(s, len, &b), "%02X %02X %02X (len %zu)", s[0], s[1],
                         s[2], len);
            if (n)
                cr_assert_eq(a, b, "%02X %02X %02X (len %zu)", s[0], s[1], s[2], len);
            decoded += n == 3;
        }
    }
    cr_assert_gt(decoded, 60000, "three-byte sequences decoded");
    static const unsigned char tails[] = {0x00, 0x41, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF};
    for (unsigned b0 = 0xE0; b0 <= 0xFF; b0++)
        for (unsigned b1 = 0; b1 <= 0xFF; b1++)
            for (size_t i = 0; i < sizeof tails; i++)
                for (size_t j = 0; j < sizeof tails; j++) {
                    s[0] = (unsigned char)b0, s[1] = (unsigned char)b1;
                    s[2] = tails[i], s[3] = tails[j];
                    uint32_t a = 0, b = 0;
                    size_t n = szs_utf8_decode(s, 4, &a);
                    cr_assert_eq(n, shzi_utf8_decode(s, 4, &b), "%02X %02X %02X %02X", s[0], s[1],
                                 s[2], s[3]);
                    cr_assert(!n || a == b);
                }
}
