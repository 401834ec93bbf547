#define _GNU_SOURCE /* dlvsym */
#include "check.h"

#include <criterion/criterion.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

unsigned oracle_mask(unsigned fields, int legacy)
{
    if (fields == 0)
        fields = legacy ? 31 : SHZ_FIELD_ALL;
    unsigned mask = 0;
    for (int f = 0; f < (legacy ? ORACLE_FIELDS_1_0 : ORACLE_FIELDS); f++)
        if (fields & (unsigned)oracle_field[f])
            mask |= 1u << f;
    return mask;
}

shz_search_options all_terms_options(void)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = SHZ_SEARCH_ALL_TERMS;
    return o;
}

typedef shz_status (*search_fn)(const char *, size_t, const shz_search_options *, shz_results **);

shz_status search_way(const char *query, size_t len, unsigned fields, shz_lang lang, size_t limit,
                      check_way way, shz_results **r)
{
    shz_search_options options = all_terms_options();
    options.fields = fields;
    options.lang = lang;
    options.limit = limit;
    if (way == WAY_ALL_TERMS)
        return shz_search(query, len, &options, r);
    /* 1.0's struct ended with limit. */
    options.size = offsetof(shz_search_options, limit) + sizeof options.limit;
    options.mode = 0;
    if (way == WAY_SIZE_1_0)
        return shz_search(query, len, &options, r);
    void *symbol = dlvsym(RTLD_DEFAULT, "shz_search", "SHENZHEN_1.0");
    cr_assert_not_null(symbol, "shz_search@SHENZHEN_1.0 is not exported");
    search_fn old;
    memcpy(&old, &symbol, sizeof old); /* POSIX: a data pointer from dlsym holds a function */
    int defaults = fields == 0 && lang == SHZ_LANG_ZH_HANS && limit == 0;
    return old(query, len, defaults ? NULL : &options, r);
}

unsigned next_random(unsigned *state)
{
    unsigned x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

size_t split_chars(const char *s, size_t len, size_t *offsets, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < cap; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            offsets[n++] = i;
    offsets[n] = len;
    return n;
}

size_t full_width(const char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c > 0x20 && c < 0x7F) {
            if (c >= 'a' && c <= 'z')
                c = (unsigned char)(c - 32);
            unsigned cp = 0xFF01 + (c - 0x21u);
            out[n++] = (char)(0xE0 | (cp >> 12));
            out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[n++] = (char)c;
        }
    }
    return n;
}

static int field_index(shz_field field, shz_lang lang)
{
    for (int f = 0; f < ORACLE_FIELDS; f++) {
        int en = oracle_lang[f] == SHZ_LANG_EN;
        if (oracle_field[f] == field && en == (lang == SHZ_LANG_EN))
            return f;
    }
    return -1;
}

static size_t count_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static int is_term(const oracle_query *q, const oracle_text *t)
{
    for (size_t i = 0; i < q->count; i++)
        if (q->len[i] == t->len && !memcmp(q->chars[i], t->chars, t->len * sizeof(uint32_t)))
            return 1;
    return 0;
}

static int by_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Every span lies on character boundaries, its offsets agree, it is tight (starts and ends on
 * a searchable character) and normalizes to one of the terms. */
static void check_spans(const char *query, const oracle_query *q, const shz_results *r, size_t i,
                        unsigned mask, shz_lang want)
{
    const shz_measure *m = shz_results_measure(r, i);
    size_t mi = (size_t)shz_measure_id(m) - 1;
    size_t expected = 0;
    for (int f = 0; f < ORACLE_FIELDS; f++)
        if ((mask & (1u << f)) && oracle_has_spans(f))
            expected += oracle_occurrences(q, mi, f);
    size_t spans = shz_results_span_count(r, i);
    cr_assert_eq(spans, expected, "query '%s' measure %zu: %zu spans, oracle %zu", query, mi + 1,
                 spans, expected);
    for (size_t k = 0; k < spans; k++) {
        shz_field field;
        shz_lang lang;
        size_t bs, be, cs, ce, len;
        const char *text;
        cr_assert_eq(shz_results_span(r, i, k, &field, &bs, &be, &cs, &ce), SHZ_OK);
        cr_assert_eq(shz_results_span_lang(r, i, k, &lang), SHZ_OK);
        int f = field_index(field, lang);
        cr_assert(f >= 0 && (mask & (1u << f)), "query '%s': span in unsearched field", query);
        if (lang != SHZ_LANG_EN)
            cr_assert_eq(lang, want, "query '%s': span language", query);
        cr_assert_eq(shz_measure_text(m, field, lang, &text, &len), SHZ_OK);
        cr_assert(bs < be && be <= len, "query '%s': span %zu-%zu of %zu", query, bs, be, len);
        cr_assert(((unsigned char)text[bs] & 0xC0) != 0x80, "span splits UTF-8");
        cr_assert(be == len || ((unsigned char)text[be] & 0xC0) != 0x80, "span splits UTF-8");
        cr_assert_eq(cs, count_chars(text, bs), "query '%s': char start", query);
        cr_assert_eq(ce, count_chars(text, be), "query '%s': char end", query);
        oracle_text got;
        oracle_normalize(text + bs, be - bs, &got);
        size_t head = bs + 1, tail = be - 1;
        while (head < be && ((unsigned char)text[head] & 0xC0) == 0x80)
            head++;
        while (((unsigned char)text[tail] & 0xC0) == 0x80)
            tail--;
        oracle_text edge;
        oracle_normalize(text + bs, head - bs, &edge);
        size_t first = edge.len;
        oracle_text_free(&edge);
        oracle_normalize(text + tail, be - tail, &edge);
        size_t last = edge.len;
        oracle_text_free(&edge);
        cr_assert(first == 1 && last == 1, "query '%s': span '%.*s' not tight", query,
                  (int)(be - bs), text + bs);
        if (want == SHZ_LANG_ZH_HANS || lang != SHZ_LANG_ZH_HANT)
            cr_assert(is_term(q, &got), "query '%s': span '%.*s' is no term", query, (int)(be - bs),
                      text + bs);
        oracle_text_free(&got);
    }
    const char *snippet;
    size_t slen, ms, me;
    cr_assert_eq(shz_results_snippet(r, i, &snippet, &slen), SHZ_OK);
    cr_assert_eq(shz_results_snippet_match(r, i, &ms, &me), SHZ_OK);
    cr_assert(ms <= me && me <= slen && snippet[slen] == '\0');
    if (spans == 0) /* found only in the keywords and aliases, which have no spans */
        return;
    cr_assert(ms < me);
    size_t bs, be;
    shz_field field;
    shz_lang lang;
    const char *text;
    size_t len;
    shz_results_span(r, i, 0, &field, &bs, &be, NULL, NULL);
    shz_results_span_lang(r, i, 0, &lang);
    shz_measure_text(m, field, lang, &text, &len);
    cr_assert(me - ms == be - bs && !memcmp(snippet + ms, text + bs, be - bs),
              "query '%s': snippet does not hold the first match", query);
}

size_t check_query(const char *query, size_t len, unsigned fields, shz_lang lang)
{
    return check_query_way(query, len, fields, lang, WAY_ALL_TERMS);
}

/* SHZ_QUERY_STRIDE=N (1 to 100, default 1): only every N-th query is checked against the
 * oracle; the others still run through the engine and its accessors, unchecked. .ci/valgrind
 * sets it: memcheck sees every search, and the brute-force oracle (the test's own code, most of
 * its time there) runs for a quarter of them. Every other pass checks every query. */
static size_t query_stride(void)
{
    const char *asked = getenv("SHZ_QUERY_STRIDE");
    long stride = asked ? strtol(asked, NULL, 10) : 1;
    return stride >= 1 && stride <= 100 ? (size_t)stride : 1;
}

/* A query between checked ones: its results read through every accessor, nothing compared. */
static size_t run_unchecked(shz_status status, shz_results *r)
{
    if (status != SHZ_OK)
        return 0;
    size_t count = shz_results_count(r);
    for (size_t i = 0; i < count; i++) {
        cr_assert_not_null(shz_results_measure(r, i));
        for (size_t k = 0; k < shz_results_span_count(r, i); k++) {
            shz_field field;
            size_t start, end;
            cr_assert_eq(shz_results_span(r, i, k, &field, &start, &end, NULL, NULL), SHZ_OK);
        }
    }
    for (size_t t = 0; t < shz_results_term_count(r); t++) {
        const char *text;
        size_t tlen;
        cr_assert_eq(shz_results_term(r, t, &text, &tlen), SHZ_OK);
    }
    shz_results_free(r);
    return count;
}

size_t check_query_way(const char *query, size_t len, unsigned fields, shz_lang lang, check_way way)
{
    static oracle_query q;
    static oracle_hit expected[4096];
    static int64_t got[4096];
    static size_t calls;
    shz_results *r = (shz_results *)1;
    shz_status status = search_way(query, len, fields, lang, 0, way, &r);
    if (calls++ % query_stride() != 0)
        return run_unchecked(status, r);
    if (!oracle_parse(query, len, &q)) {
        cr_assert_eq(status, SHZ_ERR_BAD_QUERY, "query '%s'", query);
        cr_assert_null(r);
        return 0;
    }
    if (q.count == 0) {
        cr_assert_eq(status, SHZ_ERR_EMPTY_QUERY, "query '%s': %s", query, shz_errstr(status));
        cr_assert_null(r);
        return 0;
    }
    cr_assert_eq(status, SHZ_OK, "query '%s': %s", query, shz_errstr(status));
    unsigned mask = oracle_mask(fields, way != WAY_ALL_TERMS);
    size_t n = oracle_search(&q, mask, expected, 4096);
    size_t count = shz_results_count(r);
    cr_assert_eq(count, n, "query '%.*s': engine %zu hits, oracle %zu", (int)len, query, count, n);
    for (size_t i = 0; i < count; i++)
        got[i] = shz_measure_id(shz_results_measure(r, i));
    qsort(got, count, sizeof got[0], by_id);
    for (size_t i = 0; i < count; i++)
        cr_assert_eq(got[i], expected[i].id, "query '%s': hit %zu differs", query, i);
    for (size_t i = 0; i < count; i++) {
        check_spans(query, &q, r, i, mask, lang);
        cr_assert_eq(shz_results_match(r, i), SHZ_MATCH_ALL_TERMS);
    }
    /* The terms as parsed, each matched by every hit; 1.0's results had none. */
    size_t term_count = way == WAY_ALL_TERMS ? q.count : 0;
    cr_assert_eq(shz_results_term_count(r), term_count, "query '%s'", query);
    for (size_t t = 0; t < term_count; t++) {
        const char *text;
        size_t tlen;
        cr_assert_eq(shz_results_term(r, t, &text, &tlen), SHZ_OK);
        oracle_text got_term;
        oracle_normalize(text, tlen, &got_term);
        cr_assert(got_term.len == q.len[t] &&
                      !memcmp(got_term.chars, q.chars[t], q.len[t] * sizeof(uint32_t)),
                  "query '%s': term %zu is '%s'", query, t, text);
        oracle_text_free(&got_term);
        for (size_t i = 0; i < count; i++)
            cr_assert_eq(shz_results_hit_term(r, i, t), 1);
        /* How many measures hold the term at all, against the oracle's count. */
        static oracle_query one;
        one.count = 1;
        one.len[0] = q.len[t];
        memcpy(one.chars[0], q.chars[t], q.len[t] * sizeof(uint32_t));
        size_t holding = oracle_search(&one, mask, expected, 0);
        cr_assert_eq(shz_results_term_measures(r, t), holding, "query '%s' term %zu", query, t);
    }
    shz_results_free(r);
    return n;
}
