/*
 * t2s_gen: compiles data/t2s.tsv into t2s_table.c, the folding pairs that
 * libshenzhen/runtime/normalize.c looks up (declared in normalize.h).
 *
 *   t2s_gen T2S.tsv OUT.c
 *
 * Rows are "FROM<TAB>TO<TAB>…" in hex; '#' lines are comments. The output is
 * one sorted array of integer pairs (binary search, no relocations). Rows out
 * of order, duplicated, chained (a target that is itself folded) or not valid
 * code points stop the build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "tsv.h"

typedef struct pair {
    unsigned long from, to;
} pair;

static int valid_cp(unsigned long cp)
{
    return cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

static int by_from(const void *a, const void *b)
{
    unsigned long x = ((const pair *)a)->from, y = ((const pair *)b)->from;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    tsv_reader in;
    int status = tsv_start(&in, argc, argv, "T2S.tsv");
    if (status != 0)
        return status;
    pair *pairs = NULL;
    size_t count = 0, cap = 0;
    const char *line;
    int ok = 1;
    while (ok && (line = tsv_next(&in)) != NULL) {
        char *end;
        unsigned long from = strtoul(line, &end, 16);
        int well_formed = *end == '\t';
        unsigned long to = well_formed ? strtoul(end + 1, &end, 16) : 0;
        well_formed = well_formed && (*end == '\t' || *end == '\n' || *end == '\0');
        if (!well_formed || !valid_cp(from) || !valid_cp(to) || from == to ||
            (count && pairs[count - 1].from >= from)) {
            fprintf(stderr, "%s:%lu: expected FROM<TAB>TO in hex, sorted, distinct\n", argv[1],
                    in.line_no);
            ok = 0;
            break;
        }
        pair *grown = tsv_grow(pairs, &cap, count, sizeof *pairs, 1024, argv[0]);
        if (!grown) {
            ok = 0;
            break;
        }
        pairs = grown;
        pairs[count++] = (pair){from, to};
    }
    tsv_close(&in);
    /* Folding must be idempotent: a target must never be folded again. */
    for (size_t i = 0; ok && i < count; i++) {
        pair key = {pairs[i].to, 0};
        if (bsearch(&key, pairs, count, sizeof *pairs, by_from)) {
            fprintf(stderr, "%s: U+%04lX folds to U+%04lX, which is itself folded\n", argv[1],
                    pairs[i].from, pairs[i].to);
            ok = 0;
        }
    }
    FILE *out = ok ? fopen(argv[2], "w") : NULL;
    if (ok && !out) {
        perror(argv[2]);
        ok = 0;
    }
    if (ok) {
        fprintf(out, "/* Generated from data/t2s.tsv by t2s_gen; do not edit. */\n"
                     "#include \"normalize.h\"\n\n"
                     "const shzi_fold_pair shzi_t2s_pairs[] = {\n");
        for (size_t i = 0; i < count; i++)
            fprintf(out, "{0x%lX,0x%lX},%s", pairs[i].from, pairs[i].to, i % 6 == 5 ? "\n" : "");
        if (count == 0)
            fprintf(out, "{0, 0}"); /* C has no empty arrays; the count says there are none */
        fprintf(out, "};\nconst size_t shzi_t2s_count = %zu;\n\n", count);
        /* One bit per code point below SHZ_T2S_BITMAP_LIMIT: is it folded? Lets the common
         * case, a character that is not, skip the binary search. */
        static uint32_t bits[SHZ_T2S_BITMAP_LIMIT / 32];
        for (size_t i = 0; i < count; i++)
            if (pairs[i].from < SHZ_T2S_BITMAP_LIMIT)
                bits[pairs[i].from / 32] |= UINT32_C(1) << (pairs[i].from % 32);
        fprintf(out, "const uint32_t shzi_t2s_folded[SHZ_T2S_BITMAP_LIMIT / 32] = {\n");
        for (size_t i = 0; i < SHZ_T2S_BITMAP_LIMIT / 32; i++)
            fprintf(out, "0x%lX,%s", (unsigned long)bits[i], i % 8 == 7 ? "\n" : "");
        fprintf(out, "};\n");
        ok = fclose(out) == 0;
        if (!ok)
            perror(argv[2]);
    }
    free(pairs);
    if (!ok)
        remove(argv[2]);
    return ok ? 0 : 1;
}
