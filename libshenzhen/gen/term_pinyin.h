/*
 * The toneless pinyin of a keyword or alias, and its initials, for the search
 * index's SHZ_IX_TERMS_PINYIN and SHZ_IX_TERMS_INITIALS slots.
 *
 * A Han character takes its customary reading (search/pinyin.h, the first of
 * data/han_pinyin.tsv), unless the longest word of data/pinyin_words.tsv that
 * covers it gives another. Syllables are separated by spaces; characters
 * without a reading that are not Han (Latin letters, digits, punctuation) are
 * kept as they are, for the normalization to fold or drop, as the titles'
 * pinyin keeps "5g"; a Han character without a reading is dropped. The
 * initials are the first letter of each syllable, with the other characters
 * kept likewise.
 */
#ifndef SHZ_GEN_TERM_PINYIN_H
#define SHZ_GEN_TERM_PINYIN_H

#include <stddef.h>
#include <stdint.h>

typedef struct term_pinyin_words {
    char **word;      /* UTF-8 */
    char **syllables; /* one per character of the word, spaced */
    size_t count, cap;
} term_pinyin_words;

/* Loads and checks the words file (see above); 0, with the reason on stderr, when it cannot be
 * read or a row is wrong. */
int term_pinyin_load(term_pinyin_words *w, const char *path);
void term_pinyin_free(term_pinyin_words *w);

/* Spells item (len bytes, UTF-8) in pinyin, or its initials when initials is set, into out
 * (room for cap bytes, no terminator written): origin[k] is the byte offset in item of the
 * character output byte k comes from. Returns the length; 0 when the item has no Han character
 * with a reading (an English alias: nothing to spell), or when cap is too small. words may be
 * NULL (customary readings only). */
size_t term_pinyin_spell(const term_pinyin_words *w, const char *item, size_t len, int initials,
                         char *out, uint32_t *origin, size_t cap);

#endif
