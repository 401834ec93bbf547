/*
 * The allocation-failure walk. For one call of the library and n = 1, 2, … in
 * turn, the n-th allocation of the call is made to fail (libshenzhen/runtime/alloc.h),
 * until a call in which the n-th allocation is never reached succeeds. Each
 * failing call must return SHZ_ERR_NO_MEMORY, leave its output as the header
 * promises (search: *results NULL; JSON: *json and *len untouched) and give
 * back everything it allocated (the test library's count of live blocks, and
 * LeakSanitizer under .ci/sanitize). The call that finally succeeds must give
 * exactly what an undisturbed call gives, read through every accessor. Both
 * modes of the countdown are walked: "once" (only the n-th fails: a call that
 * swallowed the failure would succeed and be caught) and "persistent" (every
 * allocation from the n-th on fails: cleanup paths may not allocate).
 */
#include "walk.h"

#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* ---- What the walk calls ---------------------------------------------------------------- */

/* What a call gave back. json_sentinel/len_sentinel: what the JSON outputs held before. */
typedef struct outcome {
    shz_status status;
    shz_results *results;
    char *json;
    size_t len;
} outcome;

static char json_sentinel;
#define LEN_SENTINEL ((size_t)0x5eed)
static shz_results *const results_sentinel = (shz_results *)&json_sentinel;

static outcome make_call(const call *c)
{
    outcome o = {SHZ_OK, results_sentinel, &json_sentinel, LEN_SENTINEL};
    switch (c->kind) {
    case CALL_SEARCH:
        o.status = c->search(c->query, strlen(c->query), c->options, &o.results);
        break;
    case CALL_JSON_CATALOGUE:
        o.status = shz_json_catalogue(c->flags, &o.json, &o.len);
        break;
    case CALL_JSON_CATEGORY:
        o.status = shz_json_category(c->category, c->flags, &o.json, &o.len);
        break;
    case CALL_JSON_MEASURE:
        o.status = shz_json_measure(c->measure, c->flags, &o.json, &o.len);
        break;
    }
    return o;
}

static void release(const call *c, outcome *o)
{
    if (c->kind == CALL_SEARCH)
        shz_results_free(o->results);
    else
        shz_free(o->json);
}

/* ---- A successful outcome as text, to compare the walk's last call with an undisturbed one -- */

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void add(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    cr_assert(n >= 0);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = 2 * (t->len + (size_t)n + 1);
        t->s = realloc(t->s, t->cap); /* the test's own memory: never counted */
        cr_assert_not_null(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* Everything a caller can read from the outcome: every hit with its spans, their languages,
 * the snippet and where its match lies; or the JSON text and its length. */
static text describe(const call *c, const outcome *o)
{
    text t = {NULL, 0, 0};
    add(&t, "status %d\n", (int)o->status);
    if (c->kind != CALL_SEARCH) {
        cr_assert_eq(strlen(o->json), o->len, "%s: length %zu for a text of %zu bytes", c->name,
                     o->len, strlen(o->json));
        add(&t, "%zu %s\n", o->len, o->json);
        return t;
    }
    size_t count = shz_results_count(o->results), terms = shz_results_term_count(o->results);
    add(&t, "%zu hits, %zu terms\n", count, terms);
    for (size_t k = 0; k < terms; k++) {
        const char *term;
        size_t len;
        cr_assert_eq(shz_results_term(o->results, k, &term, &len), SHZ_OK);
        add(&t, "term %.*s in %zu measures\n", (int)len, term,
            shz_results_term_measures(o->results, k));
    }
    for (size_t i = 0; i < count; i++) {
        add(&t, "#%zu measure %lld score %lld field %d match %u terms", i,
            (long long)shz_measure_id(shz_results_measure(o->results, i)),
            (long long)shz_results_score(o->results, i), (int)shz_results_field(o->results, i),
            shz_results_match(o->results, i));
        for (size_t k = 0; k < terms; k++)
            add(&t, " %u", shz_results_hit_term(o->results, i, k));
        add(&t, "\n");
        size_t spans = shz_results_span_count(o->results, i);
        for (size_t s = 0; s < spans; s++) {
            shz_field field;
            shz_lang lang;
            size_t bs, be, cs, ce;
            cr_assert_eq(shz_results_span(o->results, i, s, &field, &bs, &be, &cs, &ce), SHZ_OK);
            cr_assert_eq(shz_results_span_lang(o->results, i, s, &lang), SHZ_OK);
            add(&t, "  span %d %d %zu-%zu %zu-%zu\n", (int)field, (int)lang, bs, be, cs, ce);
        }
        const char *snippet;
        size_t len, ms, me;
        cr_assert_eq(shz_results_snippet(o->results, i, &snippet, &len), SHZ_OK);
        cr_assert_eq(shz_results_snippet_match(o->results, i, &ms, &me), SHZ_OK);
        add(&t, "  snippet %zu-%zu %.*s\n", ms, me, (int)len, snippet);
    }
    return t;
}

/* ---- The walk ------------------------------------------------------------------------------ */

/* SHZ_ALLOC_STRIDE=N (1 to 1000, default 1): walk every N-th failure point and the last one
 * instead of all. .ci/sanitize sets it for ASan, whose check of each failure point repeats the
 * same cleanup code at many times the cost; the plain build walks every point, checking leaks
 * with the live-block count. */
static long alloc_stride(void)
{
    const char *asked = getenv("SHZ_ALLOC_STRIDE");
    long stride = asked ? strtol(asked, NULL, 10) : 1;
    return stride >= 1 && stride <= 1000 ? stride : 1;
}

/* The failure point after @p n of a call making @p allocations: the stride's next, the last
 * allocation, then one beyond it (the undisturbed call that ends the walk). */
static long next_point(long n, long allocations)
{
    long step = alloc_stride();
    if (n >= allocations)
        return n + 1;
    return n + step < allocations ? n + step : allocations;
}

/* How many failure points the walk visits for @p allocations allocations. */
static long points_for(long allocations)
{
    long count = 0;
    for (long n = 1; n <= allocations; n = next_point(n, allocations))
        count++;
    return count;
}

/* Walks one mode: returns the failure points (the allocations that were made to fail). */
static long walk_mode(const call *c, const char *expected, int persistent, long allocations)
{
    const char *mode = persistent ? "persistent" : "once";
    long live_before = shzi_test_live_allocations();
    long walked = 0;
    for (long n = 1;; n = next_point(n, allocations), walked++) {
        shzi_test_fail_allocation(n, persistent);
        outcome o = make_call(c);
        long attempts = shzi_test_allocations();
        shzi_test_fail_allocation(0, 0);
        if (attempts < n) {
            /* Allocation n was never reached: the call ran undisturbed and must succeed. */
            cr_assert_eq(o.status, SHZ_OK, "%s (%s): undisturbed call failed: %s", c->name, mode,
                         shz_errstr(o.status));
            text got = describe(c, &o);
            cr_assert_str_eq(got.s, expected, "%s (%s): the call after the walk differs", c->name,
                             mode);
            free(got.s);
            release(c, &o);
            cr_assert_eq(shzi_test_live_allocations(), live_before,
                         "%s (%s): %ld blocks still live after freeing the output", c->name, mode,
                         shzi_test_live_allocations() - live_before);
            return walked;
        }
        cr_assert_eq(o.status, SHZ_ERR_NO_MEMORY,
                     "%s (%s): allocation %ld of the call failed, status %d (%s) instead of "
                     "SHZ_ERR_NO_MEMORY",
                     c->name, mode, n, (int)o.status, shz_errstr(o.status));
        if (c->kind == CALL_SEARCH) {
            cr_assert_null(o.results, "%s (%s): allocation %ld failed, *results not NULL", c->name,
                           mode, n);
        } else {
            cr_assert(o.json == &json_sentinel && o.len == LEN_SENTINEL,
                      "%s (%s): allocation %ld failed, *json or *len changed", c->name, mode, n);
        }
        cr_assert_eq(shzi_test_live_allocations(), live_before,
                     "%s (%s): allocation %ld failed and %ld blocks leaked", c->name, mode, n,
                     shzi_test_live_allocations() - live_before);
    }
}

long walk(const call *c, tally *total)
{
    /* The undisturbed call: what every walk must end with, and how many allocations it makes. */
    long live_before = shzi_test_live_allocations();
    shzi_test_fail_allocation(0, 0);
    outcome o = make_call(c);
    long allocations = shzi_test_allocations();
    cr_assert_eq(o.status, SHZ_OK, "%s: %s", c->name, shz_errstr(o.status));
    text expected = describe(c, &o);
    release(c, &o);
    cr_assert_eq(shzi_test_live_allocations(), live_before, "%s: leaks when undisturbed", c->name);

    long once = walk_mode(c, expected.s, 0, allocations);
    long persistent = walk_mode(c, expected.s, 1, allocations);
    free(expected.s);
    /* Every allocation the call makes is a failure point, in both modes (with a stride, the
     * stride's points and the last). */
    long points = points_for(allocations);
    cr_assert_eq(once, points, "%s: %ld failure points walked for %ld allocations", c->name, once,
                 allocations);
    cr_assert_eq(persistent, points, "%s: %ld failure points (persistent) for %ld", c->name,
                 persistent, allocations);
    total->calls++;
    total->allocations += allocations;
    total->points_once += once;
    total->points_persistent += persistent;
    return allocations;
}

void report(const tally *t)
{
    fprintf(stderr,
            "alloc walk: %-20s %4ld calls, %7ld allocations; failure points walked: %7ld once, "
            "%7ld persistent\n",
            t->function, t->calls, t->allocations, t->points_once, t->points_persistent);
}
