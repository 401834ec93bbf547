/*
 * Every search on a thread with a 32 KiB stack: both modes, both Chinese scripts, the longest
 * query there can be, the query with the most terms, tolerant, English and no-hit queries, and
 * every hit's snippet, spans and terms read there. Each search's hits and terms must equal the
 * same search's on the main thread (whose stack is large), so a search that cut its work short
 * to fit would fail too.
 *
 * The thread's stack is a buffer of ours, filled with a pattern first: after the searches, the
 * deepest byte overwritten tells how much of it they used, printed beside the bound the header
 * states (include/shenzhen.h, "Stack"), which the test checks.
 */
#define _GNU_SOURCE /* pthread_attr_setstack, aligned_alloc */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"

#if defined(__has_include) && __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#else
#define VALGRIND_MAKE_MEM_DEFINED(addr, len) ((void)0)
#endif

enum { STACK_SIZE = 32 * 1024, STATED_BOUND = 16 * 1024, PATTERN = 0xA5 };
enum { MAX_QUERIES = 16 };

typedef struct query {
    char text[SHZ_QUERY_MAX + 1];
    size_t len;
} query;

static query queries[MAX_QUERIES];
static size_t query_count;

/* A digest of everything a caller can read of one search: status, hits (measure, score, field,
 * match, snippet, snippet match, spans, how each term matched) and terms. */
typedef struct digest {
    int status;
    size_t hits, terms, spans;
    unsigned long long sum;
} digest;

static void mix(digest *d, unsigned long long v)
{
    d->sum = (d->sum ^ v) * 0x100000001B3ull;
}

static void mix_bytes(digest *d, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mix(d, (unsigned char)s[i]);
}

static digest search_and_read(const query *q, unsigned mode, shz_lang lang)
{
    digest d = {0, 0, 0, 0, 0xCBF29CE484222325ull};
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = mode;
    o.lang = lang;
    shz_results *r = NULL;
    d.status = (int)shz_search(q->text, q->len, &o, &r);
    if (d.status != SHZ_OK)
        return d;
    d.hits = shz_results_count(r);
    d.terms = shz_results_term_count(r);
    for (size_t i = 0; i < d.hits; i++) {
        mix(&d, (unsigned long long)shz_measure_id(shz_results_measure(r, i)));
        mix(&d, (unsigned long long)shz_results_score(r, i));
        mix(&d, shz_results_field(r, i));
        mix(&d, shz_results_match(r, i));
        const char *snippet = NULL;
        size_t len = 0, ms = 0, me = 0;
        if (shz_results_snippet(r, i, &snippet, &len) != SHZ_OK ||
            shz_results_snippet_match(r, i, &ms, &me) != SHZ_OK) {
            d.status = -1;
            break;
        }
        mix_bytes(&d, snippet, len);
        mix(&d, ms << 20 | me);
        size_t spans = shz_results_span_count(r, i);
        d.spans += spans;
        for (size_t s = 0; s < spans; s++) {
            shz_field field;
            shz_lang span_lang;
            size_t bs, be, cs, ce;
            if (shz_results_span(r, i, s, &field, &bs, &be, &cs, &ce) != SHZ_OK ||
                shz_results_span_lang(r, i, s, &span_lang) != SHZ_OK) {
                d.status = -1;
                break;
            }
            mix(&d, field);
            mix(&d, span_lang);
            mix(&d, bs << 40 | be << 20 | cs);
            mix(&d, ce);
        }
        for (size_t t = 0; t < d.terms; t++)
            mix(&d, shz_results_hit_term(r, i, t));
    }
    for (size_t t = 0; t < d.terms; t++) {
        const char *text = NULL;
        size_t len = 0;
        if (shz_results_term(r, t, &text, &len) != SHZ_OK) {
            d.status = -1;
            break;
        }
        mix_bytes(&d, text, len);
        mix(&d, shz_results_term_measures(r, t));
    }
    shz_results_free(r);
    return d;
}

enum { RUNS = MAX_QUERIES * 4 };
static digest on_thread[RUNS];

static void *run_all(void *unused)
{
    (void)unused;
    size_t k = 0;
    for (size_t q = 0; q < query_count; q++)
        for (unsigned mode = 0; mode < 2; mode++)
            for (int lang = 0; lang < 2; lang++)
                on_thread[k++] = search_and_read(&queries[q], mode, (shz_lang)lang);
    return NULL;
}

static void add(const char *text)
{
    query *q = &queries[query_count++];
    q->len = strlen(text);
    memcpy(q->text, text, q->len + 1);
}

/* Repeats the pieces (which must be whole UTF-8) until no further piece fits in max bytes. */
static void add_filled(const char *const *pieces, size_t count, size_t max)
{
    query *q = &queries[query_count++];
    q->len = 0;
    for (size_t i = 0;; i++) {
        const char *p = pieces[i % count];
        size_t n = strlen(p);
        if (q->len + n > max)
            break;
        memcpy(q->text + q->len, p, n);
        q->len += n;
    }
    q->text[q->len] = '\0';
}

/* As many distinct all-terms terms as 4096 bytes hold: every one- and two-character word of
 * letters and digits, each followed by a space. */
static void add_most_terms(void)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    query *q = &queries[query_count++];
    size_t n = sizeof alphabet - 1;
    q->len = 0;
    for (size_t a = 0; a < n && q->len + 2 <= SHZ_QUERY_MAX; a++) {
        q->text[q->len++] = alphabet[a];
        q->text[q->len++] = ' ';
    }
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n && q->len + 3 <= SHZ_QUERY_MAX; b++) {
            q->text[q->len++] = alphabet[a];
            q->text[q->len++] = alphabet[b];
            q->text[q->len++] = ' ';
        }
    q->text[q->len] = '\0';
}

int main(void)
{
    static const char *const longest[] = {"深圳经济特区",           "改革创新",     "营商环境 ",
                                          "registering companies ", "知识产权保护", "前海"};
    static const char *const tolerant_pieces[] = {"营商坏境 ", "秒皮 ",       "inovation ",
                                                  "深训 ",     "registring ", "破产发庭 "};
    add_filled(longest, sizeof longest / sizeof longest[0], SHZ_QUERY_MAX);
    add_most_terms();
    add_filled(tolerant_pieces, sizeof tolerant_pieces / sizeof tolerant_pieces[0], SHZ_QUERY_MAX);
    add("营商坏境");
    add("inovation registring compnay");
    add("registering companies innovation Shenzhen");
    add("qqqqxyz zzzzyx");
    add("个人破产");
    add("深圳");
    add("\"深圳 经济特区\"");

    digest on_main[RUNS];
    size_t k = 0;
    for (size_t q = 0; q < query_count; q++)
        for (unsigned mode = 0; mode < 2; mode++)
            for (int lang = 0; lang < 2; lang++)
                on_main[k++] = search_and_read(&queries[q], mode, (shz_lang)lang);

    unsigned char *stack = aligned_alloc(4096, STACK_SIZE);
    if (!stack) {
        fprintf(stderr, "no memory for the thread's stack\n");
        return 1;
    }
    memset(stack, PATTERN, STACK_SIZE);
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setstack(&attr, stack, STACK_SIZE) != 0 ||
        pthread_create(&thread, &attr, run_all, NULL) != 0 || pthread_join(thread, NULL) != 0) {
        fprintf(stderr, "cannot run a thread with a %d-byte stack\n", STACK_SIZE);
        return 1;
    }
    pthread_attr_destroy(&attr);
    /* Under memcheck the dead thread's stack is out of bounds: it is ours to read again. */
    VALGRIND_MAKE_MEM_DEFINED(stack, STACK_SIZE);
    size_t untouched = 0; /* the stack grows down: the bottom bytes are the last reached */
    while (untouched < STACK_SIZE && stack[untouched] == PATTERN)
        untouched++;
    free(stack);

    int failures = 0;
    size_t hits = 0;
    for (size_t i = 0; i < k; i++) {
        const digest *a = &on_main[i], *b = &on_thread[i];
        hits += a->hits;
        if (a->status != b->status || a->hits != b->hits || a->terms != b->terms ||
            a->spans != b->spans || a->sum != b->sum || a->status < 0) {
            fprintf(stderr,
                    "query %zu (mode %zu, lang %zu): main %d/%zu hits/%zu terms, "
                    "thread %d/%zu/%zu\n",
                    i / 4, i / 2 % 2, i % 2, a->status, a->hits, a->terms, b->status, b->hits,
                    b->terms);
            failures++;
        }
    }
    size_t used = STACK_SIZE - untouched;
    printf("%zu searches (%zu hits) on a %d-byte stack: at most %zu bytes of it used "
           "(thread start, TLS and the test's own frames included)\n",
           k, hits, STACK_SIZE, used);
    if (hits == 0) {
        fprintf(stderr, "no search found anything: the test reads nothing\n");
        failures++;
    }
#if !defined(__SANITIZE_ADDRESS__)
    if (used > STATED_BOUND) {
        fprintf(stderr, "used %zu bytes, more than the %d the header states\n", used, STATED_BOUND);
        failures++;
    }
#endif
    return failures ? 1 : 0;
}
