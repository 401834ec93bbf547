/*
 * The English stemmer (stem.c): Snowball's English ("Porter2") algorithm and a
 * few families of words kept apart from it. The one stemmer of the library,
 * which stems query words at run time, and of the generator, which stems the
 * index's English words with it at build time.
 */
#ifndef SHZ_SEARCH_STEM_H
#define SHZ_SEARCH_STEM_H

#include <stddef.h>

/* The longest word stemmed; a longer one is cut to this many letters first. */
enum { SZS_STEM_MAX = 63 };

/* The stem that a search matches the lowercase a-z word in[0..len) by, written to out (room
 * for SZS_STEM_MAX letters); its length. Snowball's (szs_snowball_english), except for a few
 * families of words whose Snowball stem is that of an unrelated word of the catalogue's English
 * (important and import, busy and business): each family keeps a stem of its own. No
 * allocation, no shared state. */
size_t szs_stem_english(const unsigned char *in, size_t len, unsigned char *out);

/* Snowball's English stem of the lowercase a-z word in[0..len), as szs_stem_english. */
size_t szs_snowball_english(const unsigned char *in, size_t len, unsigned char *out);

#endif
