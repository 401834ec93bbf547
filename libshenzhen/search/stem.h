/*
 * The Snowball English ("Porter2") stemmer (stem.c): the one stemmer of the
 * library, which stems query words at run time, and of the generator, which
 * stems the index's English words with it at build time.
 */
#ifndef SHZ_SEARCH_STEM_H
#define SHZ_SEARCH_STEM_H

#include <stddef.h>

/* The longest word stemmed; a longer one is cut to this many letters first. */
enum { SZS_STEM_MAX = 63 };

/* Snowball's English stem of the lowercase a-z word in[0..len), written to out (room for
 * SZS_STEM_MAX letters); its length. No allocation, no shared state. */
size_t szs_stem_english(const unsigned char *in, size_t len, unsigned char *out);

#endif
