/*
 * The thesaurus (data/thesaurus.tsv): read, checked against the catalogue's
 * text and laid out as the index's thes_rows and thes_chars (index_data.h).
 */
#ifndef SHZ_GEN_THESAURUS_H
#define SHZ_GEN_THESAURUS_H

#include <stddef.h>
#include <stdint.h>

/* What the checks ask of the catalogue being indexed (emit_index.c answers). */
typedef struct gen_thesaurus_text {
    /* Whether the Han code points chars[0..len) occur in a measure's Chinese title, body,
     * keywords or aliases. */
    int (*han_occurs)(const void *ctx, const uint32_t *chars, size_t len);
    /* Whether the a-z word[0..len) is a word of the catalogue's English text, or has the stem
     * of one (a query word that the search would find by itself). */
    int (*english_word)(const void *ctx, const char *word, size_t len);
    /* Whether the catalogue's English text has the a-z words first[0..first_len) and
     * second[0..second_len), or words with their stems, one right after the other. */
    int (*english_phrase)(const void *ctx, const char *first, size_t first_len, const char *second,
                          size_t second_len);
    const void *ctx;
} gen_thesaurus_text;

typedef struct gen_thesaurus {
    uint32_t *rows;  /* [count + 1]: where each row starts in chars, then the end */
    uint32_t *chars; /* code points (BMP), a row as index_data.h lays it out */
    size_t count, char_count;
    size_t most_chars; /* the most code points the catalogue words of one row have */
} gen_thesaurus;

/* Reads and checks path (data/README.md, "Thesaurus"). 0, with a line on stderr naming the
 * file and the row, when a row breaks a rule or the file cannot be read. */
int gen_thesaurus_load(gen_thesaurus *t, const char *path, const gen_thesaurus_text *text);

void gen_thesaurus_free(gen_thesaurus *t);

#endif
