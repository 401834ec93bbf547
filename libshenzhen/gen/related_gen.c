/*
 * related_gen: the second build stage. Computes each measure's related
 * measures with the library's own search and writes them as related_data.c
 * (the table related.h describes).
 *
 *   related_gen OUT.c
 *
 * Linked with a bootstrap library (the library's code and the catalogue's
 * generated tables, with an empty related table), it uses only the public API.
 * For each measure, each of its own texts in turn - its zh-Hans title, each
 * keyword, each alias - is a query, searched in best-match mode over all
 * fields (quotation marks written as spaces, so that they open no phrase; a
 * text with nothing searchable, or longer than SHZ_QUERY_MAX bytes, finds
 * nothing). Every other measure's scores
 * over these searches are summed, and the SHZ_RELATED_COUNT highest sums are
 * its related measures, the lower id first when sums tie. A measure that no
 * search finds is not related by score; when fewer than SHZ_RELATED_COUNT
 * are, the rest are the measure's category fellows, then every other
 * measure, each in id order.
 *
 * Why one search per text and not one query of them all: best match keeps
 * only hits holding a quarter of a query's IDF mass, so a query of some forty
 * bigrams finds the measure itself and hardly anything else. Summed over
 * short queries, a measure's score counts how many of the texts it matches
 * in full (best match puts all-terms hits 2^40 above the rest) and then how
 * well it matches them.
 *
 * tests/unit/test_related.c recomputes the table at test time by this rule,
 * so the compiled table cannot drift from the search.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "related.h"
#include "shenzhen.h"

/* Searches for text[0..len) (quotation marks as spaces) and adds each hit's score but self's
 * to sum[index] (found[index] set). 0 on a search error. */
static int add_scores(const shz_measure *self, const char *text, size_t len, int64_t *sum,
                      unsigned char *found)
{
    if (len > SHZ_QUERY_MAX)
        return 1; /* too long to be a query: it finds nothing */
    char query[SHZ_QUERY_MAX];
    size_t n = 0;
    for (size_t i = 0; i < len && n < SHZ_QUERY_MAX; i++) {
        if (text[i] == '"') {
            query[n++] = ' ';
        } else if (i + 2 < len && memcmp(text + i, "\xEF\xBC\x82", 3) == 0) {
            query[n++] = ' '; /* U+FF02, the full-width quotation mark */
            i += 2;
        } else {
            query[n++] = text[i];
        }
    }
    shz_search_options options;
    shz_search_options_init(&options);
    options.mode = SHZ_SEARCH_BEST;
    shz_results *results = NULL;
    shz_status status = shz_search(query, n, &options, &results);
    if (status == SHZ_ERR_EMPTY_QUERY)
        return 1;
    if (status != SHZ_OK) {
        fprintf(stderr, "related_gen: measure %lld: search failed: %s\n",
                (long long)shz_measure_id(self), shz_errstr(status));
        return 0;
    }
    for (size_t k = 0; k < shz_results_count(results); k++) {
        const shz_measure *other = shz_results_measure(results, k);
        size_t index = (size_t)shz_measure_id(other) - 1;
        if (shz_measure_at(index) != other) {
            fprintf(stderr, "related_gen: measure ids do not run 1..N in table order\n");
            shz_results_free(results);
            return 0;
        }
        if (other != self) {
            sum[index] += shz_results_score(results, k);
            found[index] = 1;
        }
    }
    shz_results_free(results);
    return 1;
}

/* Fills row with the related measures of measure index i; 0 on a search error. */
static int relate(size_t i, size_t total, uint16_t *row, int64_t *sum, unsigned char *found,
                  size_t *by_score)
{
    const shz_measure *m = shz_measure_at(i);
    memset(sum, 0, total * sizeof *sum);
    memset(found, 0, total);
    const char *text;
    size_t len;
    int ok = 1;
    if (shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &text, &len) == SHZ_OK)
        ok = add_scores(m, text, len, sum, found);
    for (size_t k = 0; ok && k < shz_measure_keyword_count(m); k++)
        if (shz_measure_keyword(m, k, &text, &len) == SHZ_OK)
            ok = add_scores(m, text, len, sum, found);
    for (size_t k = 0; ok && k < shz_measure_alias_count(m); k++)
        if (shz_measure_alias(m, k, &text, &len) == SHZ_OK)
            ok = add_scores(m, text, len, sum, found);
    if (!ok)
        return 0;

    size_t filled = 0;
    while (filled < SHZ_RELATED_COUNT) { /* the highest sum not yet taken; the lower id on ties */
        size_t best = total;
        for (size_t j = 0; j < total; j++)
            if (found[j] && (best == total || sum[j] > sum[best]))
                best = j;
        if (best == total)
            break;
        found[best] = 0;
        row[filled++] = (uint16_t)best;
    }
    *by_score += filled;
    /* Too few found: the category's other measures, then all the others, in id order. */
    const shz_category *category = shz_measure_category(m);
    for (size_t pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < total && filled < SHZ_RELATED_COUNT; j++) {
            int taken = j == i;
            for (size_t k = 0; k < filled; k++)
                taken |= row[k] == j;
            if (!taken && (pass == 1 || shz_measure_category(shz_measure_at(j)) == category))
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
    int64_t *sum = calloc(total, sizeof *sum);
    unsigned char *found = calloc(total, 1);
    int ok = rows && sum && found;
    size_t searched = 0;
    for (size_t i = 0; ok && i < total; i++)
        ok = relate(i, total, rows[i], sum, found, &searched);
    FILE *out = ok ? fopen(argv[1], "w") : NULL;
    if (ok && !out)
        perror(argv[1]);
    if (out) {
        fprintf(out,
                "/* Generated by related_gen: each measure's %d nearest measures by the "
                "library's\n * own search (%zu of %zu by score, the rest in the fallback "
                "order); do not edit. */\n"
                "#include \"related.h\"\n\n"
                "const uint16_t shzi_related_table[][SHZ_RELATED_COUNT] = {\n",
                SHZ_RELATED_COUNT, searched, total * SHZ_RELATED_COUNT);
        for (size_t i = 0; i < total; i++) {
            fprintf(out, "{");
            for (size_t k = 0; k < SHZ_RELATED_COUNT; k++)
                fprintf(out, "%u%s", (unsigned)rows[i][k], k + 1 < SHZ_RELATED_COUNT ? "," : "");
            fprintf(out, "},\n");
        }
        fprintf(out, "};\nconst size_t shzi_related_rows = %zu;\n", total);
        ok = fclose(out) == 0;
        if (!ok)
            perror(argv[1]);
    } else {
        ok = 0;
    }
    free(rows);
    free(sum);
    free(found);
    if (!ok)
        remove(argv[1]);
    return ok ? 0 : 1;
}
