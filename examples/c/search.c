/* search [query]: hits best first, the match in each snippet [bracketed]. */
#include <stdio.h>
#include <string.h>

#include "shenzhen.h"

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
        printf("%2lld  %-8s %.*s[%.*s]%.*s\n",
               (long long)shz_measure_id(shz_results_measure(results, i)),
               shz_field_name(shz_results_field(results, i)), (int)start, snippet,
               (int)(end - start), snippet + start, (int)(len - end), snippet + end);
    }
    shz_results_free(results);
    return 0;
}
