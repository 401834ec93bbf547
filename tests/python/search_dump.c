/* search_dump <queries.txt> <lang> <mode> [related|matches]: runs every query (one a line,
 * UTF-8) in that language and mode ("best" or "all_terms"), the best match's related measures
 * listed after the matches (the default) or the matches alone (SHZ_ONLY_MATCHES), and prints
 * one JSON array a line:
 *   [status, [[id, score, field, [[field, lang, byte_start, byte_end,
 *                                  char_start, char_end], …],
 *              match_flags, [how hit matched term t, for every term t]], …],
 *    [[term, measures holding it], …]]
 * search_dump --catalogue: one line a measure, [id, [related ids], [aliases]].
 * The differential test compares this with the Python and Lua bindings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"

/* A JSON string: the text with quote, backslash and control bytes escaped. */
static void put_string(const char *text, size_t len)
{
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '"' || ch == '\\')
            printf("\\%c", ch);
        else if (ch < 0x20)
            printf("\\u%04x", ch);
        else
            putchar(ch);
    }
    putchar('"');
}

static void dump(const char *query, size_t len, shz_lang lang, unsigned mode, unsigned flags)
{
    shz_search_options options = SHZ_SEARCH_OPTIONS_INIT;
    shz_results *results = NULL;
    options.lang = lang;
    options.mode = mode;
    options.flags = flags;
    shz_status st = shz_search(query, len, &options, &results);
    size_t terms = shz_results_term_count(results);
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
        printf("], %u, [", shz_results_match(results, i));
        for (size_t t = 0; t < terms; t++)
            printf("%s%u", t ? ", " : "", shz_results_hit_term(results, i, t));
        /* The relevance and, per term, [how, field, weight, contribution]: every digit. */
        printf("], %.17g, [", shz_results_relevance(results, i));
        for (size_t t = 0; t < terms; t++) {
            shz_field field = 0;
            unsigned how = 0;
            double weight = 0, contribution = 0;
            if (shz_results_explain(results, i, t, &field, &how, &weight, &contribution) !=
                SHZ_OK) {
                fprintf(stderr, "explanation of term %zu of hit %zu unreadable\n", t, i);
                exit(1);
            }
            printf("%s[%u, %d, %.17g, %.17g]", t ? ", " : "", how, (int)field, weight,
                   contribution);
        }
        printf("]]");
    }
    printf("], [");
    for (size_t t = 0; t < terms; t++) {
        const char *text = NULL;
        size_t text_len = 0;
        if (shz_results_term(results, t, &text, &text_len) != SHZ_OK) {
            fprintf(stderr, "term %zu unreadable\n", t);
            exit(1);
        }
        printf("%s[", t ? ", " : "");
        put_string(text, text_len);
        printf(", %zu]", shz_results_term_measures(results, t));
    }
    printf("]]\n");
    shz_results_free(results);
}

static void dump_catalogue(void)
{
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        printf("[%lld, [", (long long)shz_measure_id(m));
        for (size_t r = 0; r < shz_measure_related_count(m); r++)
            printf("%s%lld", r ? ", " : "", (long long)shz_measure_id(shz_measure_related(m, r)));
        printf("], [");
        for (size_t a = 0; a < shz_measure_alias_count(m); a++) {
            const char *text = NULL;
            size_t len = 0;
            if (shz_measure_alias(m, a, &text, &len) != SHZ_OK) {
                fprintf(stderr, "alias %zu of measure %zu unreadable\n", a, i);
                exit(1);
            }
            printf("%s", a ? ", " : "");
            put_string(text, len);
        }
        printf("]]\n");
    }
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--catalogue") == 0) {
        dump_catalogue();
        return 0;
    }
    shz_lang lang = SHZ_LANG_ZH_HANS;
    unsigned mode = SHZ_SEARCH_BEST, flags = 0;
    int usable = argc == 4 || argc == 5;
    if (usable && strcmp(argv[3], "all_terms") == 0)
        mode = SHZ_SEARCH_ALL_TERMS;
    else if (usable && strcmp(argv[3], "best") != 0)
        usable = 0;
    if (usable && argc == 5 && strcmp(argv[4], "matches") == 0)
        flags = SHZ_ONLY_MATCHES;
    else if (usable && argc == 5 && strcmp(argv[4], "related") != 0)
        usable = 0;
    FILE *in = usable ? fopen(argv[1], "rb") : NULL;
    if (!in || shz_lang_parse(argv[2], strlen(argv[2]), &lang) != SHZ_OK) {
        if (in)
            fclose(in);
        fprintf(stderr,
                "usage: search_dump <queries.txt> <lang> best|all_terms [related|matches]\n");
        return 2;
    }
    char line[16384];
    while (fgets(line, sizeof line, in)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n')
            line[--len] = '\0';
        dump(line, len, lang, mode, flags);
    }
    fclose(in);
    return 0;
}
