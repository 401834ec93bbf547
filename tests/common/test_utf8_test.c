/* The shared test helpers against sequences whose meaning is fixed by the
 * UTF-8 definition (RFC 3629), so that the tests built on them stand on
 * something checked. */
#include <criterion/criterion.h>
#include <string.h>

#include "utf8_test.h"

static size_t decode(const char *s, uint32_t *cp)
{
    return tc_utf8_decode(s, strlen(s), cp);
}

Test(utf8_test, decodes_each_length)
{
    uint32_t cp = 0;
    cr_assert_eq(decode("A", &cp), 1);
    cr_assert_eq(cp, 0x41);
    cr_assert_eq(decode("\xC3\xA9", &cp), 2); /* é */
    cr_assert_eq(cp, 0xE9);
    cr_assert_eq(decode("\xE6\xB7\xB1", &cp), 3); /* 深 */
    cr_assert_eq(cp, 0x6DF1);
    cr_assert_eq(decode("\xF0\x9F\x98\x80", &cp), 4); /* U+1F600 */
    cr_assert_eq(cp, 0x1F600);
    cr_assert_eq(decode("\xF4\x8F\xBF\xBF", &cp), 4); /* the last code point */
    cr_assert_eq(cp, 0x10FFFF);
}

Test(utf8_test, rejects_what_is_not_strict_utf8)
{
    static const char *bad[] = {
        "\x80",             /* a lone continuation byte */
        "\xC0\xAF",         /* overlong '/' */
        "\xE0\x80\xAF",     /* overlong, three bytes */
        "\xF0\x80\x80\xAF", /* overlong, four bytes */
        "\xED\xA0\x80",     /* surrogate U+D800 */
        "\xED\xBF\xBF",     /* surrogate U+DFFF */
        "\xF4\x90\x80\x80", /* U+110000 */
        "\xF8\x88\x80\x80", /* five-byte form */
        "\xFF",             /* never in UTF-8 */
        "\xE6\xB7",         /* truncated */
        "\xE6\x41\xB1",     /* a continuation byte missing */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t cp = 7;
        cr_assert_eq(decode(bad[i], &cp), 0, "case %zu decoded", i);
        cr_assert_eq(cp, 7, "case %zu wrote the code point", i);
        cr_assert(!tc_utf8_valid(bad[i], strlen(bad[i])), "case %zu valid", i);
    }
    uint32_t cp;
    cr_assert_eq(tc_utf8_decode("", 0, &cp), 0);
}

Test(utf8_test, validates_counts_and_cuts_whole_strings)
{
    const char *s = "深圳 5G \xF0\x9F\x98\x80!"; /* 深 圳 ' ' 5 G ' ' U+1F600 ! */
    size_t len = strlen(s);
    cr_assert(tc_utf8_valid(s, len));
    cr_assert(tc_utf8_valid("", 0));
    cr_assert_eq(tc_utf8_count(s, len), 8);
    cr_assert_eq(tc_utf8_count("", 0), 0);
    cr_assert_eq(tc_utf8_prefix(s, len, 0), 0);
    cr_assert_eq(tc_utf8_prefix(s, len, 1), 3);
    cr_assert_eq(tc_utf8_prefix(s, len, 2), 6);
    cr_assert_eq(tc_utf8_prefix(s, len, 7), len - 1);
    cr_assert_eq(tc_utf8_prefix(s, len, 8), len);
    cr_assert_eq(tc_utf8_prefix(s, len, 100), len);
    /* An embedded NUL is a code point like any other. */
    cr_assert(tc_utf8_valid("a\0b", 3));
    cr_assert_eq(tc_utf8_count("a\0b", 3), 3);
}
