/*
 * Concurrency: 8 threads doing lookups, JSON exports and (when the library has
 * search) searches at the same time, every result checked against a
 * single-threaded run of the same work.
 *
 * The header promises "no global mutable state: every function is
 * thread-safe". This test makes the promise observable: each unit of work is
 * reduced to a 64-bit digest of everything it returned (statuses, pointers'
 * bytes, lengths, JSON text, hits with scores, spans and snippets); the
 * reference digests come from one thread before the others start, and every
 * thread must reproduce all of them, round after round, in its own order.
 * Then 8 threads read each of 64 search results at once, touching hits in
 * different orders first (a hit's spans and snippet are written on first
 * reading), and must each see what one thread reading alone sees.
 * Run under ThreadSanitizer by .ci/sanitize (build-tsan/), it must be clean.
 *
 * Exit 0 and a "N passed, 0 failed" line when every digest matched.
 */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"
#include "utf8_test.h"

enum { NTHREADS = 8, ROUNDS = 20, MAX_WORK = 4096 };
/* Rounds each thread walks the plan: ROUNDS (the plain build), or SHZ_THREAD_ROUNDS (1 to
 * ROUNDS) in the slower passes of .ci/: memcheck and coverage 2 (memcheck runs the threads one
 * at a time; coverage counts the same lines), ASan 4 (it checks every access whatever the
 * interleaving), TSan 8 (it orders every pair of accesses it sees; 8 rounds of 8 threads put
 * each pair of operations side by side many times). */
static size_t rounds = ROUNDS;

/* ---- digests ------------------------------------------------------------- */

typedef struct digest {
    uint64_t h;
} digest;

static void mix(digest *d, const void *bytes, size_t len)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < len; i++) {
        d->h ^= p[i];
        d->h *= UINT64_C(1099511628211);
    }
}

static void mix_u64(digest *d, uint64_t v)
{
    mix(d, &v, sizeof v);
}

static void mix_text(digest *d, shz_status st, const char *text, size_t len)
{
    mix_u64(d, (uint64_t)st);
    if (st == SHZ_OK) {
        mix_u64(d, len);
        mix(d, text, len);
        /* The borrowed string must be NUL-terminated at len. */
        mix_u64(d, (uint64_t)(unsigned char)text[len]);
    }
}

/* ---- the work ------------------------------------------------------------ */

typedef enum kind { WORK_MEASURE, WORK_CATEGORY, WORK_DOCUMENT, WORK_JSON, WORK_SEARCH } kind;

typedef struct work {
    kind kind;
    int64_t id;     /* measure/category id; -1 for the whole catalogue */
    unsigned flags; /* JSON flags, or search fields */
    int lang;       /* search language */
    unsigned mode;  /* search mode (shz_search_mode) */
    const char *query;
    size_t query_len;
} work;

static const shz_lang langs[] = {SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANT, SHZ_LANG_EN};
static const shz_field fields[] = {SHZ_FIELD_TITLE, SHZ_FIELD_BODY, SHZ_FIELD_SUMMARY,
                                   SHZ_FIELD_PINYIN, SHZ_FIELD_PINYIN_INITIALS};

static void do_measure(digest *d, int64_t id)
{
    const shz_measure *m = NULL;
    shz_status st = shz_measure_get(id, &m);
    mix_u64(d, (uint64_t)st);
    if (st != SHZ_OK)
        return;
    mix_u64(d, (uint64_t)shz_measure_id(m));
    mix_u64(d, (uint64_t)shz_category_id(shz_measure_category(m)));
    mix_u64(d, (uint64_t)(shz_measure_at((size_t)id - 1) == m));
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
        for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
            const char *text = NULL;
            size_t len = 0;
            st = shz_measure_text(m, fields[f], langs[l], &text, &len);
            mix_text(d, st, text, len);
        }
    for (size_t i = 0; i <= shz_measure_keyword_count(m); i++) {
        const char *text = NULL;
        size_t len = 0;
        shz_status kst = shz_measure_keyword(m, i, &text, &len);
        mix_text(d, kst, text, len);
    }
    for (size_t i = 0; i <= shz_measure_cite_count(m); i++) {
        const char *text = NULL;
        size_t len = 0;
        shz_status cst = shz_measure_cite(m, i, &text, &len);
        mix_text(d, cst, text, len);
    }
    for (size_t i = 0; i <= shz_measure_alias_count(m); i++) {
        const char *text = NULL;
        size_t len = 0;
        shz_status ast = shz_measure_alias(m, i, &text, &len);
        mix_text(d, ast, text, len);
    }
    for (size_t i = 0; i <= shz_measure_related_count(m); i++)
        mix_u64(d, (uint64_t)shz_measure_id(shz_measure_related(m, i)));
}

static void do_category(digest *d, int64_t id)
{
    const shz_category *c = NULL;
    shz_status st = shz_category_get(id, &c);
    mix_u64(d, (uint64_t)st);
    if (st != SHZ_OK)
        return;
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        const char *text = NULL;
        size_t len = 0;
        st = shz_category_title(c, langs[l], &text, &len);
        mix_text(d, st, text, len);
    }
    for (size_t i = 0; i <= shz_category_measure_count(c); i++)
        mix_u64(d, (uint64_t)shz_measure_id(shz_category_measure_at(c, i)));
}

static void do_document(digest *d)
{
    for (int f = 0; f <= SHZ_DOC_TRANSLATION_NOTE + 1; f++)
        for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
            const char *text = NULL;
            size_t len = 0;
            shz_status st = shz_document_text((shz_doc_field)f, langs[l], &text, &len);
            mix_text(d, st, text, len);
        }
    for (size_t i = 0; i <= shz_document_paragraph_count(); i++) {
        const char *text = NULL;
        size_t len = 0;
        shz_status st = shz_document_paragraph(i, SHZ_LANG_ZH_HANT, &text, &len);
        mix_text(d, st, text, len);
    }
    mix(d, shz_version(), strlen(shz_version()));
    mix(d, shz_data_version(), strlen(shz_data_version()));
    mix(d, shz_data_sha256(), strlen(shz_data_sha256()));
    mix_u64(d, shz_errata_count());
    for (int s = 0; s <= SHZ_ERR_BAD_OPTIONS + 1; s++)
        mix(d, shz_errstr((shz_status)s), strlen(shz_errstr((shz_status)s)));
}

static void do_json(digest *d, const work *w)
{
    char *json = NULL;
    size_t len = 0;
    shz_status st;
    if (w->kind != WORK_JSON)
        return;
    if (w->id < 0) {
        st = shz_json_catalogue(w->flags, &json, &len);
    } else if (w->id >= 1000) {
        const shz_category *c = shz_category_at((size_t)(w->id - 1000));
        st = shz_json_category(c, w->flags, &json, &len);
    } else {
        st = shz_json_measure(shz_measure_at((size_t)w->id), w->flags, &json, &len);
    }
    mix_text(d, st, json, len);
    if (st == SHZ_OK)
        mix_u64(d, strlen(json));
    shz_free(json);
}

static shz_status search(const work *w, shz_results **r)
{
    shz_search_options opt;
    shz_search_options_init(&opt);
    opt.fields = w->flags;
    opt.lang = (shz_lang)w->lang;
    opt.mode = w->mode;
    *r = NULL;
    return shz_search(w->query, w->query_len, &opt, r);
}

/* Everything a search's results hold, in one fixed order. */
static void digest_results(digest *d, const shz_results *r)
{
    size_t n = shz_results_count(r), terms = shz_results_term_count(r);
    mix_u64(d, n);
    mix_u64(d, terms);
    for (size_t t = 0; t < terms; t++) {
        const char *text = NULL;
        size_t len = 0;
        shz_status tst = shz_results_term(r, t, &text, &len);
        mix_text(d, tst, text, len);
        mix_u64(d, shz_results_term_measures(r, t));
    }
    for (size_t i = 0; i < n; i++) {
        mix_u64(d, (uint64_t)shz_measure_id(shz_results_measure(r, i)));
        mix_u64(d, shz_results_match(r, i));
        for (size_t t = 0; t < terms; t++)
            mix_u64(d, shz_results_hit_term(r, i, t));
        mix_u64(d, (uint64_t)shz_results_score(r, i));
        mix_u64(d, (uint64_t)shz_results_field(r, i));
        size_t spans = shz_results_span_count(r, i);
        mix_u64(d, spans);
        for (size_t s = 0; s < spans; s++) {
            shz_field f = 0;
            size_t b0 = 0, b1 = 0, c0 = 0, c1 = 0;
            mix_u64(d, (uint64_t)shz_results_span(r, i, s, &f, &b0, &b1, &c0, &c1));
            mix_u64(d, (uint64_t)f);
            mix_u64(d, b0);
            mix_u64(d, b1);
            mix_u64(d, c0);
            mix_u64(d, c1);
            shz_lang span_lang = (shz_lang)-1;
            mix_u64(d, (uint64_t)shz_results_span_lang(r, i, s, &span_lang));
            mix_u64(d, (uint64_t)span_lang);
        }
        const char *snip = NULL;
        size_t snip_len = 0;
        shz_status sst = shz_results_snippet(r, i, &snip, &snip_len);
        mix_text(d, sst, snip, snip_len);
        size_t m0 = 0, m1 = 0;
        mix_u64(d, (uint64_t)shz_results_snippet_match(r, i, &m0, &m1));
        mix_u64(d, m0);
        mix_u64(d, m1);
    }
}

static void do_search(digest *d, const work *w)
{
    shz_results *r;
    shz_status st = search(w, &r);
    mix_u64(d, (uint64_t)st);
    if (st != SHZ_OK)
        return;
    digest_results(d, r);
    shz_results_free(r);
}

static uint64_t run(const work *w)
{
    digest d = {UINT64_C(14695981039346656037)};
    mix_u64(&d, (uint64_t)w->kind);
    switch (w->kind) {
    case WORK_MEASURE:
        do_measure(&d, w->id);
        break;
    case WORK_CATEGORY:
        do_category(&d, w->id);
        break;
    case WORK_DOCUMENT:
        do_document(&d);
        break;
    case WORK_JSON:
        do_json(&d, w);
        break;
    case WORK_SEARCH:
        do_search(&d, w);
        break;
    }
    return d.h;
}

/* ---- the plan ------------------------------------------------------------ */

static work plan[MAX_WORK];
static uint64_t expected[MAX_WORK];
static size_t nwork;

static void add(work w)
{
    if (nwork < MAX_WORK)
        plan[nwork++] = w;
}

static void add_query(const char *q, size_t len)
{
    static const unsigned field_sets[] = {0, SHZ_FIELD_TITLE, SHZ_FIELD_BODY | SHZ_FIELD_TITLE,
                                          SHZ_FIELD_PINYIN | SHZ_FIELD_PINYIN_INITIALS};
    /* Every mode: best match (with its tolerance) and all terms. */
    static const unsigned modes[] = {SHZ_SEARCH_BEST, SHZ_SEARCH_ALL_TERMS};
    for (size_t f = 0; f < sizeof field_sets / sizeof field_sets[0]; f++)
        for (int l = 0; l < 2; l++)
            for (size_t k = 0; k < sizeof modes / sizeof modes[0]; k++)
                add((work){WORK_SEARCH, 0, field_sets[f], l, modes[k], q, len});
}

static void make_plan(void)
{
    int64_t nm = (int64_t)shz_measure_count(), nc = (int64_t)shz_category_count();
    for (int64_t id = 0; id <= nm + 1; id++)
        add((work){WORK_MEASURE, id, 0, 0, 0, NULL, 0});
    for (int64_t id = 0; id <= nc + 1; id++)
        add((work){WORK_CATEGORY, id, 0, 0, 0, NULL, 0});
    add((work){WORK_DOCUMENT, 0, 0, 0, 0, NULL, 0});
    for (unsigned flags = 0; flags <= 4; flags++) {
        add((work){WORK_JSON, -1, flags, 0, 0, NULL, 0});
        for (int64_t i = 0; i < nc; i++)
            add((work){WORK_JSON, 1000 + i, flags, 0, 0, NULL, 0});
        for (int64_t i = 0; i < nm; i++)
            add((work){WORK_JSON, i, flags, 0, 0, NULL, 0});
    }
    static const char *fixed[] = {
        "深圳", "shenzhen", "\"发展 经济\"", "ＡＢＣ", "科技 创新", "miao bao", "MB", "改革",
        "\"unclosed", "   ", "金融",
        /* a question, an English phrase, and the two kinds of tolerance */
        "怎样帮助困境企业重整", "river pollution control", "bankrupcy", "秒皮"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        add_query(fixed[i], strlen(fixed[i]));
    for (int64_t i = 0; i < nm; i++) {
        const shz_measure *m = shz_measure_at((size_t)i);
        const char *text;
        size_t len;
        if (shz_measure_keyword(m, 0, &text, &len) == SHZ_OK)
            add_query(text, len);
        if (shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANT, &text, &len) == SHZ_OK)
            add_query(text, tc_utf8_prefix(text, len, 4));
        if (i % 4 == 0 &&
            shz_measure_text(m, SHZ_FIELD_PINYIN_INITIALS, SHZ_LANG_EN, &text, &len) == SHZ_OK)
            add_query(text, len);
    }
}

/* ---- the threads --------------------------------------------------------- */

typedef struct worker {
    pthread_t thread;
    size_t index;
    size_t checked;
    size_t mismatches;
} worker;

static pthread_barrier_t start_line;

static void *work_loop(void *arg)
{
    worker *me = arg;
    pthread_barrier_wait(&start_line);
    for (size_t round = 0; round < rounds; round++) {
        /* Each thread walks the plan from its own offset, in its own direction. */
        size_t offset = (me->index * nwork / NTHREADS + round * 7) % nwork;
        for (size_t k = 0; k < nwork; k++) {
            size_t i = (me->index % 2) ? (offset + k) % nwork : (offset + nwork - k) % nwork;
            uint64_t got = run(&plan[i]);
            me->checked++;
            if (got != expected[i]) {
                if (me->mismatches++ < 5)
                    fprintf(stderr,
                            "thread %zu: work item %zu (kind %d, id %" PRId64
                            ") differs from the single-threaded run\n",
                            me->index, i, (int)plan[i].kind, plan[i].id);
            }
        }
    }
    return NULL;
}

/* ---- one results object, read by every thread at once ------------------- */

/* A hit's spans and snippet are written when first read: all threads reading one results
 * object at once, each first touching the hits in its own order, must see what one thread
 * reading alone sees. */
enum { SHARED_ITEMS = 64 };
static pthread_barrier_t shared_line;
static const shz_results *shared;
static uint64_t shared_expected;
static atomic_size_t arrived;

static void *shared_loop(void *arg)
{
    worker *me = arg;
    for (size_t item = 0; item < SHARED_ITEMS; item++) {
        pthread_barrier_wait(&shared_line); /* the main thread has searched */
        /* Leave together: a barrier wakes its threads one by one, too slowly to meet. */
        atomic_fetch_add(&arrived, 1);
        while (atomic_load(&arrived) < (item + 1) * NTHREADS)
            ;
        size_t n = shz_results_count(shared);
        /* First touches: every thread starts on the same hit (so they meet there, one
         * writing while the others must wait), then goes its own way through the rest. */
        for (size_t k = 0; k < n; k++) {
            size_t i = (item + (me->index % 2 ? k : n - k)) % n;
            if (me->index % 2)
                shz_results_snippet_match(shared, i, NULL, NULL);
            else
                (void)shz_results_span_count(shared, i);
        }
        digest d = {UINT64_C(14695981039346656037)};
        digest_results(&d, shared);
        me->checked++;
        if (d.h != shared_expected && me->mismatches++ < 5)
            fprintf(stderr, "thread %zu: shared results %zu differ from one thread's\n", me->index,
                    item);
        pthread_barrier_wait(&shared_line); /* all have read: the main thread frees */
    }
    return NULL;
}

/* Runs the shared-results rounds over the plan's searches; returns the mismatches. */
static size_t run_shared(size_t *checked)
{
    worker workers[NTHREADS];
    pthread_barrier_init(&shared_line, NULL, NTHREADS + 1);
    for (size_t t = 0; t < NTHREADS; t++) {
        workers[t] = (worker){.index = t};
        if (pthread_create(&workers[t].thread, NULL, shared_loop, &workers[t]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            exit(1);
        }
    }
    size_t searches = 0, next = 0;
    for (size_t i = 0; i < nwork; i++)
        searches += plan[i].kind == WORK_SEARCH;
    for (size_t item = 0; item < SHARED_ITEMS; item++) {
        /* Spread the items over the plan's searches. */
        size_t want = item * (searches ? searches : 1) / SHARED_ITEMS, seen = 0;
        for (next = 0; next < nwork; next++)
            if (plan[next].kind == WORK_SEARCH && seen++ == want)
                break;
        shz_results *alone, *r = NULL;
        digest d = {UINT64_C(14695981039346656037)};
        if (next < nwork && search(&plan[next], &alone) == SHZ_OK) {
            digest_results(&d, alone);
            shz_results_free(alone);
            if (search(&plan[next], &r) != SHZ_OK)
                r = NULL;
        } else {
            digest_results(&d, NULL); /* an error item: every thread reads no results */
        }
        shared_expected = d.h;
        shared = r;
        pthread_barrier_wait(&shared_line);
        pthread_barrier_wait(&shared_line);
        shz_results_free(r);
    }
    size_t mismatches = 0;
    for (size_t t = 0; t < NTHREADS; t++) {
        pthread_join(workers[t].thread, NULL);
        *checked += workers[t].checked;
        mismatches += workers[t].mismatches;
    }
    pthread_barrier_destroy(&shared_line);
    return mismatches;
}

int main(void)
{
    const char *asked = getenv("SHZ_THREAD_ROUNDS");
    long wanted = asked ? strtol(asked, NULL, 10) : 0;
    if (wanted >= 1 && wanted <= ROUNDS)
        rounds = (size_t)wanted;
    make_plan();
    for (size_t i = 0; i < nwork; i++)
        expected[i] = run(&plan[i]);
    /* The reference itself must be deterministic. */
    for (size_t i = 0; i < nwork; i++)
        if (run(&plan[i]) != expected[i]) {
            fprintf(stderr, "work item %zu is not deterministic even on one thread\n", i);
            return 1;
        }

    worker workers[NTHREADS];
    pthread_barrier_init(&start_line, NULL, NTHREADS);
    for (size_t t = 0; t < NTHREADS; t++) {
        workers[t] = (worker){.index = t};
        if (pthread_create(&workers[t].thread, NULL, work_loop, &workers[t]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    }
    size_t checked = 0, mismatches = 0;
    for (size_t t = 0; t < NTHREADS; t++) {
        pthread_join(workers[t].thread, NULL);
        checked += workers[t].checked;
        mismatches += workers[t].mismatches;
    }
    pthread_barrier_destroy(&start_line);
    size_t shared_checked = 0;
    mismatches += run_shared(&shared_checked);
    checked += shared_checked;

    const char *with = "lookups, JSON exports and searches";
    printf("%d threads x %zu rounds x %zu work items (%s)\n", NTHREADS, rounds, nwork, with);
    printf("%d threads reading each of %d shared search results at once\n", NTHREADS, SHARED_ITEMS);
    printf("%zu passed, %zu failed\n", checked - mismatches, mismatches);
    return mismatches == 0 ? 0 : 1;
}
