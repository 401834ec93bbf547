/* search [query]: hits best first with their relevance, the match in each snippet [bracketed]
 * ("related" for a closely related measure of the first hit, listed after the matches), then why
 * the first hit has its relevance, term by term. */
#include <stdio.h>
#include <string.h>

#include "shenzhen.h"

/* Each query term's part in hit @p index: the field it is held in, how, weight, contribution. */
static void explain(const shz_results *results, size_t index)
{
    static const char *const how_name[] = {"none", "exact", "stem", "tolerant"};
    for (size_t t = 0; t < shz_results_term_count(results); t++) {
        const char *term = NULL;
        shz_field field = 0;
        unsigned how = 0;
        double weight = 0, contribution = 0;
        if (shz_results_term(results, t, &term, NULL) != SHZ_OK ||
            shz_results_explain(results, index, t, &field, &how, &weight, &contribution) !=
                SHZ_OK ||
            how > SHZ_EXPLAIN_TOLERANT)
            continue;
        printf("    %s  %s  %s  weight %.3f  contribution %.3f\n", term,
               field ? shz_field_name(field) : "-", how_name[how], weight, contribution);
    }
}

int main(int argc, char **argv)
{
    const char *query = argc > 1 ? argv[1] : "科技";
    shz_search_options options = SHZ_SEARCH_OPTIONS_INIT;
    shz_results *results = NULL;
    options.limit = 10;
    shz_status st = shz_search(query, strlen(query), &options, &results);
    if (st != SHZ_OK) {
        fprintf(stderr, "search %s: %s\n", query, shz_errstr(st));
        return 1;
    }
    printf("%zu hits for %s\n", shz_results_count(results), query);
    for (size_t i = 0; i < shz_results_count(results); i++) {
        const char *snippet = NULL;
        size_t len = 0, start = 0, end = 0;
        if (shz_results_snippet(results, i, &snippet, &len) != SHZ_OK ||
            shz_results_snippet_match(results, i, &start, &end) != SHZ_OK)
            continue;
        int related = (shz_results_match(results, i) & SHZ_MATCH_RELATED) != 0;
        printf("%2lld  %.2f  %-8s ", (long long)shz_measure_id(shz_results_measure(results, i)),
               shz_results_relevance(results, i),
               related ? "related" : shz_field_name(shz_results_field(results, i)));
        if (start == end) /* nothing to mark */
            printf("%.*s\n", (int)len, snippet);
        else
            printf("%.*s[%.*s]%.*s\n", (int)start, snippet, (int)(end - start), snippet + start,
                   (int)(len - end), snippet + end);
    }
    if (shz_results_count(results) > 0) {
        printf("why %lld:\n", (long long)shz_measure_id(shz_results_measure(results, 0)));
        explain(results, 0);
    }
    shz_results_free(results);
    return 0;
}
