/* search_dump <queries.txt> <lang>: runs every query (one a line, UTF-8) with
 * default options in that language and prints one JSON array a line:
 *   [status, [[id, score, field, [[field, lang, byte_start, byte_end,
 *                                  char_start, char_end], …]], …]]
 * The differential test compares this with the Python and Lua bindings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"

static void dump(const char *query, size_t len, shz_lang lang)
{
    shz_search_options options = SHZ_SEARCH_OPTIONS_INIT;
    shz_results *results = NULL;
    options.lang = lang;
    shz_status st = shz_search(query, len, &options, &results);
    printf("[%d, [", (int)st);
    for (size_t i = 0; i < shz_results_count(results); i++) {
        printf("%s[%lld, %lld, %d, [", i ? ", " : "",
               (long long)shz_measure_id(shz_results_measure(results, i)),
               (long long)shz_results_score(results, i), (int)shz_results_field(results, i));
        for (size_t s = 0; s < shz_results_span_count(results, i); s++) {
            shz_field field = 0;
            shz_lang span_lang = SHZ_LANG_ZH_HANS;
            size_t bs = 0, be = 0, cs = 0, ce = 0;
            if (shz_results_span(results, i, s, &field, &bs, &be, &cs, &ce) != SHZ_OK ||
                shz_results_span_lang(results, i, s, &span_lang) != SHZ_OK) {
                fprintf(stderr, "span %zu of hit %zu unreadable\n", s, i);
                exit(1);
            }
            printf("%s[%d, %d, %zu, %zu, %zu, %zu]", s ? ", " : "", (int)field, (int)span_lang, bs,
                   be, cs, ce);
        }
        printf("]]");
    }
    printf("]]\n");
    shz_results_free(results);
}

int main(int argc, char **argv)
{
    shz_lang lang = SHZ_LANG_ZH_HANS;
    FILE *in = argc == 3 ? fopen(argv[1], "rb") : NULL;
    if (!in || shz_lang_parse(argv[2], strlen(argv[2]), &lang) != SHZ_OK) {
        fprintf(stderr, "usage: search_dump <queries.txt> <lang>\n");
        return 2;
    }
    char line[16384];
    while (fgets(line, sizeof line, in)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n')
            line[--len] = '\0';
        dump(line, len, lang);
    }
    fclose(in);
    return 0;
}
