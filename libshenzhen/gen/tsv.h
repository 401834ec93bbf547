/*
 * The line reader shared by the character-table generators (t2s_gen,
 * pinyin_gen): tab-separated rows, one a line, '#' lines and empty lines
 * skipped, and the growing array the rows go into.
 */
#ifndef SHZ_GEN_TSV_H
#define SHZ_GEN_TSV_H

#include <stddef.h>
#include <stdio.h>

typedef struct tsv_reader {
    FILE *in;
    const char *path;
    unsigned long line_no; /* of the row tsv_next returned last, from 1 */
    char line[512];
} tsv_reader;

/* Opens path for reading; 0 (and the reason on stderr) when it cannot. */
int tsv_open(tsv_reader *r, const char *path);

/* A generator's start, for the command line "prog INPUT OUT.c" (input names
 * INPUT in the usage message): opens the input into r. 0 when it did, else
 * the exit status (2: usage, said on stderr; 1: the input cannot be read). */
int tsv_start(tsv_reader *r, int argc, char **argv, const char *input);

/* The next row (its text, newline included), or NULL at the end of the file. */
char *tsv_next(tsv_reader *r);

void tsv_close(tsv_reader *r);

/* items, with room for at least count + 1 elements of size bytes: grown
 * (doubling, from first) when full. NULL, items left as they were, when out
 * of memory (said on stderr, as prog). */
void *tsv_grow(void *items, size_t *cap, size_t count, size_t size, size_t first, const char *prog);

#endif
