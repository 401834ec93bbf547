/* The character-table generators' line reader (see tsv.h). */
#include "tsv.h"

#include <stdlib.h>

int tsv_open(tsv_reader *r, const char *path)
{
    r->path = path;
    r->line_no = 0;
    r->in = fopen(path, "r");
    if (!r->in)
        perror(path);
    return r->in != NULL;
}

int tsv_start(tsv_reader *r, int argc, char **argv, const char *input)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s %s OUT.c\n", argv[0], input);
        return 2;
    }
    return tsv_open(r, argv[1]) ? 0 : 1;
}

char *tsv_next(tsv_reader *r)
{
    while (fgets(r->line, sizeof r->line, r->in)) {
        r->line_no++;
        if (r->line[0] != '#' && r->line[0] != '\n')
            return r->line;
    }
    return NULL;
}

void tsv_close(tsv_reader *r)
{
    fclose(r->in);
    r->in = NULL;
}

void *tsv_grow(void *items, size_t *cap, size_t count, size_t size, size_t first, const char *prog)
{
    if (count < *cap)
        return items;
    size_t grown_cap = *cap ? *cap * 2 : first;
    void *grown = realloc(items, grown_cap * size);
    if (!grown) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return NULL;
    }
    *cap = grown_cap;
    return grown;
}
