/*
 * related_gen: the second build stage. Computes each measure's related
 * measures with the library's own search and writes them as related_data.c
 * (the table related.h describes).
 *
 *   related_gen OUT.c
 *
 * Linked with a bootstrap library (the library's code and the catalogue's
 * generated tables, with an empty related table), it uses only the public API:
 * for each measure it searches, in best-match mode over all fields, for a
 * query made of the measure's zh-Hans title, its keywords and its aliases,
 * separated by spaces, quotation marks written as spaces (a part that would
 * take the query past SHZ_QUERY_MAX bytes is left out; a query with nothing
 * searchable has no hits). The related measures are the SHZ_RELATED_COUNT best
 * other hits, by score, then by id when scores tie. When fewer measures
 * match, the rest are the measure's category fellows, then every other
 * measure, each in id order. tests/unit/test_related.c recomputes the table
 * at test time by this rule, so the compiled table cannot drift from the
 * search.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "related.h"
#include "shenzhen.h"

typedef struct hit {
    int64_t score;
    int64_t id;
} hit;

static int by_score_then_id(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* Appends " text" (no space first) when it fits, quotation marks (ASCII and full-width, which
 * would open a phrase) written as spaces; 1 when it did. */
static int append(char *query, size_t *len, const char *text, size_t text_len)
{
    size_t extra = (*len ? 1 : 0) + text_len;
    if (*len + extra > SHZ_QUERY_MAX)
        return 0;
    if (*len)
        query[(*len)++] = ' ';
    for (size_t i = 0; i < text_len; i++) {
        if (text[i] == '"') {
            query[(*len)++] = ' ';
        } else if (i + 2 < text_len && memcmp(text + i, "\xEF\xBC\x82", 3) == 0) {
            query[(*len)++] = ' '; /* U+FF02 */
            i += 2;
        } else {
            query[(*len)++] = text[i];
        }
    }
    return 1;
}

/* The measure's own words as one query. */
static size_t make_query(const shz_measure *m, char *query)
{
    size_t len = 0, part_len;
    const char *part;
    if (shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &part, &part_len) == SHZ_OK)
        append(query, &len, part, part_len);
    for (size_t k = 0; k < shz_measure_keyword_count(m); k++)
        if (shz_measure_keyword(m, k, &part, &part_len) == SHZ_OK)
            append(query, &len, part, part_len);
    for (size_t k = 0; k < shz_measure_alias_count(m); k++)
        if (shz_measure_alias(m, k, &part, &part_len) == SHZ_OK)
            append(query, &len, part, part_len);
    return len;
}

static int chosen_already(const uint16_t *row, size_t filled, size_t index)
{
    for (size_t k = 0; k < filled; k++)
        if (row[k] == index)
            return 1;
    return 0;
}

/* Fills row with the related measures of measure index i; 0 on a search error. */
static int relate(size_t i, size_t total, uint16_t *row, hit *hits, size_t *searched_hits)
{
    const shz_measure *m = shz_measure_at(i);
    char query[SHZ_QUERY_MAX];
    size_t len = make_query(m, query);
    shz_search_options options;
    shz_search_options_init(&options);
    shz_results *results = NULL;
    shz_status status = shz_search(query, len, &options, &results);
    if (status == SHZ_ERR_EMPTY_QUERY) { /* nothing searchable: no hits, the fallback order */
        status = SHZ_OK;
        results = NULL;
    }
    if (status != SHZ_OK) {
        fprintf(stderr, "related_gen: measure %lld: search failed: %s\n",
                (long long)shz_measure_id(m), shz_errstr(status));
        return 0;
    }
    size_t n = 0;
    for (size_t k = 0; k < shz_results_count(results); k++) {
        const shz_measure *other = shz_results_measure(results, k);
        if (other != m)
            hits[n++] = (hit){shz_results_score(results, k), shz_measure_id(other)};
    }
    shz_results_free(results);
    *searched_hits += n < SHZ_RELATED_COUNT ? n : SHZ_RELATED_COUNT;
    qsort(hits, n, sizeof *hits, by_score_then_id);

    size_t filled = 0;
    for (size_t k = 0; k < n && filled < SHZ_RELATED_COUNT; k++) {
        const shz_measure *other = NULL;
        if (shz_measure_get(hits[k].id, &other) != SHZ_OK)
            return 0;
        for (size_t j = 0; j < total; j++)
            if (shz_measure_at(j) == other)
                row[filled++] = (uint16_t)j;
    }
    /* Too few hits: the category's other measures, then all the others, in id order. */
    const shz_category *category = shz_measure_category(m);
    for (size_t pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < total && filled < SHZ_RELATED_COUNT; j++) {
            const shz_measure *other = shz_measure_at(j);
            if (j != i && !chosen_already(row, filled, j) &&
                (pass == 1 || shz_measure_category(other) == category))
                row[filled++] = (uint16_t)j;
        }
    return filled == SHZ_RELATED_COUNT;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUT.c\n", argv[0]);
        return 2;
    }
    size_t total = shz_measure_count();
    if (total <= SHZ_RELATED_COUNT || total > UINT16_MAX) {
        fprintf(stderr, "related_gen: %zu measures; need %d to %lu\n", total, SHZ_RELATED_COUNT + 1,
                (unsigned long)UINT16_MAX);
        return 1;
    }
    uint16_t(*rows)[SHZ_RELATED_COUNT] = calloc(total, sizeof *rows);
    hit *hits = calloc(total, sizeof *hits);
    int ok = rows && hits;
    size_t searched = 0;
    for (size_t i = 0; ok && i < total; i++)
        ok = relate(i, total, rows[i], hits, &searched);
    FILE *out = ok ? fopen(argv[1], "w") : NULL;
    if (ok && !out)
        perror(argv[1]);
    if (out) {
        fprintf(out,
                "/* Generated by related_gen: each measure's %d nearest measures by the "
                "library's\n * own search (%zu of %zu from search hits, the rest from the "
                "fallback order); do not edit. */\n"
                "#include \"related.h\"\n\n"
                "const uint16_t shz_related_table[][SHZ_RELATED_COUNT] = {\n",
                SHZ_RELATED_COUNT, searched, total * SHZ_RELATED_COUNT);
        for (size_t i = 0; i < total; i++) {
            fprintf(out, "{");
            for (size_t k = 0; k < SHZ_RELATED_COUNT; k++)
                fprintf(out, "%u%s", (unsigned)rows[i][k], k + 1 < SHZ_RELATED_COUNT ? "," : "");
            fprintf(out, "},\n");
        }
        fprintf(out, "};\nconst size_t shz_related_rows = %zu;\n", total);
        ok = fclose(out) == 0;
        if (!ok)
            perror(argv[1]);
    } else {
        ok = 0;
    }
    free(rows);
    free(hits);
    if (!ok)
        remove(argv[1]);
    return ok ? 0 : 1;
}
