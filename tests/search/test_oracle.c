/*
 * The engine against the brute-force oracle (oracle.c): same hit sets, exact
 * spans, for every short substring of every title, random body substrings,
 * their Traditional and full-width forms, Latin fields and multi-term queries.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

static void setup(void)
{
    cr_assert(oracle_init(), "oracle: cannot load texts or %s", SHZ_T2S_TSV);
}

TestSuite(oracle, .init = setup, .fini = oracle_fini);

enum { MAX_CHARS = 4096 };

static const char *text_of(size_t m, shz_field field, shz_lang lang, size_t *len)
{
    const char *t;
    cr_assert_eq(shz_measure_text(shz_measure_at(m), field, lang, &t, len), SHZ_OK);
    return t;
}

/* Checks the substring chars [a, b) of a zh field in zh-Hans, zh-Hant and full-width forms. */
static size_t check_zh_substring(size_t m, shz_field field, size_t a, size_t b)
{
    static size_t hans_off[MAX_CHARS + 1], hant_off[MAX_CHARS + 1];
    static char wide[MAX_CHARS * 3];
    size_t hans_len, hant_len;
    const char *hans = text_of(m, field, SHZ_LANG_ZH_HANS, &hans_len);
    const char *hant = text_of(m, field, SHZ_LANG_ZH_HANT, &hant_len);
    size_t n = split_chars(hans, hans_len, hans_off, MAX_CHARS);
    size_t nt = split_chars(hant, hant_len, hant_off, MAX_CHARS);
    char query[256];
    size_t qlen = hans_off[b] - hans_off[a];
    cr_assert(qlen < sizeof query);
    memcpy(query, hans + hans_off[a], qlen);
    query[qlen] = '\0';
    size_t hits = check_query(query, qlen, 0, SHZ_LANG_ZH_HANS);
    check_query(query, qlen, 0, SHZ_LANG_ZH_HANT);
    if (nt == n) {
        size_t tlen = hant_off[b] - hant_off[a];
        memcpy(query, hant + hant_off[a], tlen);
        query[tlen] = '\0';
        check_query(query, tlen, 0, SHZ_LANG_ZH_HANS);
    }
    size_t wlen = full_width(hans + hans_off[a], qlen, wide);
    if (wlen != qlen) {
        wide[wlen] = '\0';
        check_query(wide, wlen, 0, SHZ_LANG_ZH_HANS);
    }
    return hits;
}

Test(oracle, every_title_substring_up_to_six)
{
    static size_t off[MAX_CHARS + 1];
    size_t queries = 0, hits = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        size_t len;
        const char *title = text_of(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &len);
        size_t n = split_chars(title, len, off, MAX_CHARS);
        for (size_t a = 0; a < n; a++)
            for (size_t k = 1; k <= 6 && a + k <= n; k++, queries++)
                hits += check_zh_substring(m, SHZ_FIELD_TITLE, a, a + k);
    }
    cr_assert(queries > 1000 && hits > queries, "%zu queries, %zu hits", queries, hits);
    fprintf(stderr, "oracle: %zu title substrings x 4 forms, %zu hits\n", queries, hits);
}

Test(oracle, random_body_substrings)
{
    static size_t off[MAX_CHARS + 1];
    unsigned seed = 20210721;
    size_t hits = 0;
    for (int i = 0; i < 600; i++) {
        size_t m = next_random(&seed) % shz_measure_count(), len;
        const char *body = text_of(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS, &len);
        size_t n = split_chars(body, len, off, MAX_CHARS);
        size_t k = 1 + next_random(&seed) % 12;
        if (k > n)
            k = n;
        size_t a = next_random(&seed) % (n - k + 1);
        hits += check_zh_substring(m, SHZ_FIELD_BODY, a, a + k);
    }
    cr_assert(hits >= 600);
}

Test(oracle, latin_fields)
{
    static const shz_field fields[] = {SHZ_FIELD_PINYIN, SHZ_FIELD_PINYIN_INITIALS, SHZ_FIELD_TITLE,
                                       SHZ_FIELD_SUMMARY};
    unsigned seed = 1072;
    size_t hits = 0;
    char query[128], wide[384];
    for (int i = 0; i < 800; i++) {
        shz_field field = fields[i % 4];
        shz_lang lang =
            field == SHZ_FIELD_TITLE || field == SHZ_FIELD_SUMMARY ? SHZ_LANG_EN : SHZ_LANG_ZH_HANS;
        static size_t off[MAX_CHARS + 1];
        size_t m = next_random(&seed) % shz_measure_count(), len;
        const char *text = text_of(m, field, lang, &len);
        size_t n = split_chars(text, len, off, MAX_CHARS);
        size_t chars = 1 + next_random(&seed) % 14;
        if (chars > n)
            chars = n;
        size_t a = next_random(&seed) % (n - chars + 1);
        size_t k = off[a + chars] - off[a];
        if (k >= sizeof query)
            continue;
        memcpy(query, text + off[a], k);
        query[k] = '\0';
        if (strchr(query, '"'))
            continue;
        if (i % 3 == 0) { /* the pinyin as typed: no spaces */
            size_t w = 0;
            for (size_t j = 0; j < k; j++)
                if (query[j] != ' ')
                    query[w++] = query[j];
            query[k = w] = '\0';
        }
        hits += check_query(query, k, 0, SHZ_LANG_ZH_HANS);
        size_t wlen = full_width(query, k, wide);
        wide[wlen] = '\0';
        check_query(wide, wlen, 0, SHZ_LANG_ZH_HANS);
    }
    cr_assert(hits > 800);
}

/* A random substring of 1-4 characters of a zh title or body, appended to out. */
static size_t random_piece(unsigned *seed, size_t m, char *out)
{
    static size_t off[MAX_CHARS + 1];
    shz_field field = next_random(seed) % 2 ? SHZ_FIELD_TITLE : SHZ_FIELD_BODY;
    shz_lang lang = next_random(seed) % 4 ? SHZ_LANG_ZH_HANS : SHZ_LANG_ZH_HANT;
    size_t len;
    const char *text = text_of(m, field, lang, &len);
    size_t n = split_chars(text, len, off, MAX_CHARS);
    size_t k = 1 + next_random(seed) % 4;
    if (k > n)
        k = n;
    size_t a = next_random(seed) % (n - k + 1);
    memcpy(out, text + off[a], off[a + k] - off[a]);
    return off[a + k] - off[a];
}

Test(oracle, multi_term)
{
    static const char *separators[] = {" ", "\xE3\x80\x80", "  ", "\t"};
    unsigned seed = 47;
    size_t hits = 0, queries = 0;
    for (int i = 0; i < 600; i++, queries++) {
        char query[512];
        size_t len = 0, terms = 2 + next_random(&seed) % 3;
        size_t m = next_random(&seed) % shz_measure_count();
        for (size_t t = 0; t < terms; t++) {
            if (t) {
                const char *sep = separators[next_random(&seed) % 4];
                memcpy(query + len, sep, strlen(sep));
                len += strlen(sep);
            }
            int quoted = next_random(&seed) % 5 == 0;
            if (quoted)
                query[len++] = '"';
            /* Half the queries draw every term from one measure, so they mostly hit. */
            size_t from = i % 2 ? m : next_random(&seed) % shz_measure_count();
            len += random_piece(&seed, from, query + len);
            if (quoted)
                query[len++] = '"';
        }
        query[len] = '\0';
        static const unsigned masks[] = {0, SHZ_FIELD_TITLE, SHZ_FIELD_BODY,
                                         SHZ_FIELD_TITLE | SHZ_FIELD_BODY};
        hits += check_query(query, len, masks[i % 4], SHZ_LANG_ZH_HANS);
    }
    cr_assert(hits > queries / 4, "%zu hits for %zu queries", hits, queries);
}

Test(oracle, zh_hant_spans_match_zh_hans_characters)
{
    /* Same query in both span languages: the same hits and character offsets, and the
     * zh-Hant byte offsets cut the zh-Hant text at exactly those characters. */
    const char *queries[] = {"创新", "发展", "机制", "科技", "建设", "国际", "深圳", "数字"};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        shz_search_options hans = SHZ_SEARCH_OPTIONS_INIT, hant = SHZ_SEARCH_OPTIONS_INIT;
        hant.lang = SHZ_LANG_ZH_HANT;
        shz_results *a, *b;
        cr_assert_eq(shz_search(queries[i], strlen(queries[i]), &hans, &a), SHZ_OK);
        cr_assert_eq(shz_search(queries[i], strlen(queries[i]), &hant, &b), SHZ_OK);
        cr_assert_eq(shz_results_count(a), shz_results_count(b));
        for (size_t h = 0; h < shz_results_count(a); h++) {
            cr_assert_eq(shz_results_span_count(a, h), shz_results_span_count(b, h));
            for (size_t s = 0; s < shz_results_span_count(a, h); s++) {
                size_t ac0, ac1, bc0, bc1;
                shz_lang lang;
                shz_results_span(a, h, s, NULL, NULL, NULL, &ac0, &ac1);
                shz_results_span(b, h, s, NULL, NULL, NULL, &bc0, &bc1);
                shz_results_span_lang(b, h, s, &lang);
                cr_assert(ac0 == bc0 && ac1 == bc1);
                cr_assert_neq(lang, SHZ_LANG_ZH_HANS, "this catalogue's zh-Hant texts all align");
            }
        }
        shz_results_free(a);
        shz_results_free(b);
    }
}
