/*
 * UTF-8 helpers shared by the tests (tests/common), written independently of
 * the library: a test that reused the library's own decoder could not catch
 * its bugs. Strict UTF-8 throughout: shortest forms only, no surrogates,
 * nothing past U+10FFFF.
 */
#ifndef SHZ_TESTS_UTF8_TEST_H
#define SHZ_TESTS_UTF8_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes the code point at the start of @p s (@p len bytes) into *@p cp.
 * Returns its length in bytes (1 to 4), or 0 when the bytes there are not
 * strict UTF-8 (or @p len is 0); *@p cp is then left untouched.
 */
size_t tc_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Whether @p s (@p len bytes) is strict UTF-8 from end to end. */
bool tc_utf8_valid(const char *s, size_t len);

/* The number of code points in @p s (@p len bytes of valid UTF-8). */
size_t tc_utf8_count(const char *s, size_t len);

/* The byte length of the first @p chars code points of @p s (@p len bytes of
 * valid UTF-8); @p len when it has fewer. */
size_t tc_utf8_prefix(const char *s, size_t len, size_t chars);

#endif
