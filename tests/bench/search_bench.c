/*
 * search_bench: libshenzhen's search against SQLite FTS5 (trigram tokenizer)
 * and a plain memmem scan, over the same normalized text, in one process.
 * It prints; it never fails on timing (only on a broken engine or peer).
 *
 *   search_bench [--limit N] [--reps N] [--no-fts]
 *
 * The query set (build_queries) is drawn deterministically from the first 47
 * measures, which the synthetic catalogues keep unchanged, so the 1x, 10x and
 * 100x runs time the same queries. Every engine's hit count is cross-checked
 * on every query (FTS5 and memmem return all hits, unranked for memmem).
 *
 * Heap use of shz_search is counted by interposing malloc and friends for the
 * whole process (glibc's __libc_* underneath).
 */
#define _GNU_SOURCE
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "normalize.h"
#include "shenzhen.h"
#include "utf8.h"

/* ---- allocation counting -------------------------------------------------- */

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static size_t heap_calls; /* malloc, calloc, realloc: single-threaded program */

void *malloc(size_t n)
{
    heap_calls++;
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    heap_calls++;
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    heap_calls++;
    return __libc_realloc(p, n);
}

void free(void *p)
{
    __libc_free(p);
}

/* ---- helpers -------------------------------------------------------------- */

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(double *v, size_t n, double p)
{
    qsort(v, n, sizeof *v, by_double);
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i];
}

/* Normalized UTF-8 of text (the library's normalization), appended to out. */
static size_t normalize_utf8(const char *text, size_t len, char *out)
{
    static uint32_t cps[1 << 16];
    size_t n = shzi_norm_text(text, len, cps, NULL, NULL, sizeof cps / sizeof cps[0]);
    if (n > sizeof cps / sizeof cps[0])
        n = sizeof cps / sizeof cps[0];
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += shzi_utf8_encode(cps[i], (unsigned char *)out + w);
    return w;
}

static const shz_field fields[6] = {SHZ_FIELD_TITLE,           SHZ_FIELD_TITLE, SHZ_FIELD_PINYIN,
                                    SHZ_FIELD_PINYIN_INITIALS, SHZ_FIELD_BODY,  SHZ_FIELD_SUMMARY};
static const shz_lang langs[6] = {SHZ_LANG_ZH_HANS, SHZ_LANG_EN,      SHZ_LANG_ZH_HANS,
                                  SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANS, SHZ_LANG_EN};

static const char *field_text(size_t m, int f, size_t *len)
{
    const char *t = "";
    *len = 0;
    shz_measure_text(shz_measure_at(m), fields[f], langs[f], &t, len);
    return t;
}

/* ---- the query set -------------------------------------------------------- */

enum query_class { Q_HAN_SHORT, Q_HAN_LONG, Q_HANT, Q_LATIN, Q_MULTI, Q_NONE, Q_CLASSES };
static const char *class_names[Q_CLASSES] = {"Han 1-2",      "Han 3-8",    "Traditional",
                                             "Latin/pinyin", "multi-term", "no hit"};

typedef struct bench_query {
    char text[256];
    size_t len;
    enum query_class cls;
} bench_query;

enum { MAX_QUERIES = 512 };
static bench_query queries[MAX_QUERIES];
static size_t query_count;

static unsigned rng_state = 20210721;
static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state % n;
}

/* chars [a, a + k) of a text, as bytes into q. */
static void add_substring(const char *t, size_t len, size_t k, enum query_class cls)
{
    size_t starts[1024], n = 0;
    for (size_t i = 0; i < len && n < 1023; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80)
            starts[n++] = i;
    starts[n] = len;
    if (n < k || query_count == MAX_QUERIES)
        return;
    size_t a = rnd((unsigned)(n - k + 1));
    bench_query *q = &queries[query_count++];
    q->len = starts[a + k] - starts[a];
    memcpy(q->text, t + starts[a], q->len);
    q->text[q->len] = '\0';
    q->cls = cls;
}

static void build_queries(void)
{
    size_t real = shz_measure_count() < 47 ? shz_measure_count() : 47, len;
    for (int i = 0; i < 90; i++) { /* Han, 1-8 characters, titles and bodies */
        size_t m = rnd((unsigned)real);
        size_t k = 1 + (size_t)i % 8;
        const char *t = field_text(m, i % 3 ? 4 : 0, &len);
        add_substring(t, len, k, k <= 2 ? Q_HAN_SHORT : Q_HAN_LONG);
    }
    for (int i = 0; i < 40; i++) { /* Traditional */
        size_t m = rnd((unsigned)real);
        const char *t = "";
        shz_measure_text(shz_measure_at(m), i % 2 ? SHZ_FIELD_BODY : SHZ_FIELD_TITLE,
                         SHZ_LANG_ZH_HANT, &t, &len);
        add_substring(t, len, 2 + (size_t)i % 5, Q_HANT);
    }
    for (int i = 0; i < 40; i++) { /* Latin: en words, pinyin without spaces, initials */
        size_t m = rnd((unsigned)real);
        int f = i % 4 == 0 ? 1 : i % 4 == 1 ? 5 : i % 4 == 2 ? 2 : 3;
        const char *t = field_text(m, f, &len);
        add_substring(t, len, 3 + (size_t)i % 6, Q_LATIN);
        bench_query *q = &queries[query_count - 1];
        size_t w = 0;
        for (size_t j = 0; j < q->len; j++)
            if (q->text[j] != ' ' && q->text[j] != '"')
                q->text[w++] = q->text[j];
        q->text[q->len = w] = '\0';
    }
    for (int i = 0; i < 30; i++) { /* two or three terms from one measure */
        size_t m = rnd((unsigned)real), before = query_count;
        bench_query joined = {"", 0, Q_MULTI};
        for (int t = 0; t < 2 + i % 2; t++) {
            const char *text = field_text(m, t % 2 ? 4 : 0, &len);
            add_substring(text, len, 2 + (size_t)rnd(3), Q_MULTI);
            bench_query *q = &queries[--query_count];
            if (joined.len + q->len + 1 < sizeof joined.text) {
                if (joined.len)
                    joined.text[joined.len++] = ' ';
                memcpy(joined.text + joined.len, q->text, q->len);
                joined.len += q->len;
            }
        }
        joined.text[joined.len] = '\0';
        query_count = before;
        queries[query_count++] = joined;
    }
    static const char *none[] = {
        "量子纠缠", "火星殖民",       "区块链钱包", "恐龙化石", "冰川融化",  "芭蕾舞剧", "潜水艇",
        "蘑菇汤",   "乒乓球赛",       "琵琶演奏",   "zebra",    "xylophone", "quokka",   "kangaroo",
        "帆船",     "熊猫 xylophone", "深圳 恐龙",  "沙漠骆驼", "雪橇",      "鹦鹉"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        bench_query *q = &queries[query_count++];
        q->len = strlen(none[i]);
        memcpy(q->text, none[i], q->len + 1);
        q->cls = Q_NONE;
    }
}

/* Drops queries that fold to nothing (a substring of punctuation): they are errors, not
 * searches. */
static void drop_empty_queries(void)
{
    size_t kept = 0;
    for (size_t q = 0; q < query_count; q++) {
        static uint32_t cps[512];
        if (shzi_norm_text(queries[q].text, queries[q].len, cps, NULL, NULL, 512) > 0)
            queries[kept++] = queries[q];
    }
    query_count = kept;
}

/* Splits a query into normalized UTF-8 terms (what the peers search for). */
typedef struct terms {
    char text[8][256];
    size_t len[8], chars[8];
    size_t count;
} terms;

static void split_terms(const bench_query *q, terms *t)
{
    t->count = 0;
    size_t i = 0;
    while (i < q->len && t->count < 8) {
        while (i < q->len && q->text[i] == ' ')
            i++;
        size_t start = i;
        while (i < q->len && q->text[i] != ' ')
            i++;
        if (i == start)
            break;
        size_t n = normalize_utf8(q->text + start, i - start, t->text[t->count]);
        if (n == 0)
            continue;
        t->len[t->count] = n;
        size_t chars = 0;
        for (size_t k = 0; k < n; k++)
            chars += ((unsigned char)t->text[t->count][k] & 0xC0) != 0x80;
        t->chars[t->count++] = chars;
    }
}

/* ---- peer 1: memmem over the normalized text ------------------------------ */

typedef struct scan_peer {
    char *text;
    size_t len;
    size_t *starts; /* byte where each measure's text starts, plus the end */
    size_t measures;
    unsigned char *seen, *all;
} scan_peer;

static void scan_init(scan_peer *s)
{
    size_t measures = shz_measure_count(), cap = 0;
    for (size_t m = 0; m < measures; m++)
        for (int f = 0; f < 6; f++) {
            size_t len;
            field_text(m, f, &len);
            cap += len * 2 + 1;
        }
    s->text = malloc(cap + 1);
    s->starts = malloc((measures + 1) * sizeof *s->starts);
    s->seen = malloc(measures);
    s->all = malloc(measures);
    s->measures = measures;
    s->len = 0;
    for (size_t m = 0; m < measures; m++) {
        s->starts[m] = s->len;
        for (int f = 0; f < 6; f++) {
            size_t len;
            const char *t = field_text(m, f, &len);
            s->len += normalize_utf8(t, len, s->text + s->len);
            s->text[s->len++] = '\n'; /* never in normalized text: no match crosses fields */
        }
    }
    s->starts[measures] = s->len;
}

static size_t measure_at_byte(const scan_peer *s, size_t at)
{
    size_t lo = 0, hi = s->measures;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->starts[mid] <= at)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static size_t scan_search(scan_peer *s, const terms *t)
{
    memset(s->all, 1, s->measures);
    for (size_t i = 0; i < t->count; i++) {
        memset(s->seen, 0, s->measures);
        const char *p = s->text, *end = s->text + s->len;
        while ((p = memmem(p, (size_t)(end - p), t->text[i], t->len[i])) != NULL) {
            size_t m = measure_at_byte(s, (size_t)(p - s->text));
            s->seen[m] = 1;
            p = s->text + s->starts[m + 1]; /* one occurrence is enough for this measure */
        }
        for (size_t m = 0; m < s->measures; m++)
            s->all[m] &= s->seen[m];
    }
    size_t hits = 0;
    for (size_t m = 0; m < s->measures; m++)
        hits += s->all[m];
    return hits;
}

/* ---- peer 2: SQLite FTS5, trigram tokenizer, in memory --------------------- */

typedef struct fts_peer {
    sqlite3 *db;
    sqlite3_stmt *stmts[2][9]; /* [has MATCH][number of LIKE terms] */
} fts_peer;

static void fts_init(fts_peer *p)
{
    memset(p, 0, sizeof *p);
    if (sqlite3_open(":memory:", &p->db) != SQLITE_OK ||
        sqlite3_exec(p->db,
                     "CREATE VIRTUAL TABLE docs USING fts5(title, title_en, pinyin, initials, "
                     "body, summary, everything UNINDEXED, tokenize='trigram');"
                     "BEGIN;",
                     NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(p->db));
        exit(1);
    }
    sqlite3_stmt *insert;
    sqlite3_prepare_v2(p->db,
                       "INSERT INTO docs(rowid, title, title_en, pinyin, initials, body, "
                       "summary, everything) VALUES (?,?,?,?,?,?,?,?)",
                       -1, &insert, NULL);
    static char norm[6][1 << 17], all[6 << 17];
    for (size_t m = 0; m < shz_measure_count(); m++) {
        size_t all_len = 0;
        sqlite3_bind_int64(insert, 1, (sqlite3_int64)m + 1);
        for (int f = 0; f < 6; f++) {
            size_t len;
            const char *t = field_text(m, f, &len);
            size_t n = normalize_utf8(t, len, norm[f]);
            sqlite3_bind_text(insert, 2 + f, norm[f], (int)n, SQLITE_STATIC);
            memcpy(all + all_len, norm[f], n);
            all_len += n;
            all[all_len++] = '\n';
        }
        sqlite3_bind_text(insert, 8, all, (int)all_len, SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) {
            fprintf(stderr, "sqlite insert: %s\n", sqlite3_errmsg(p->db));
            exit(1);
        }
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(p->db, "COMMIT;", NULL, NULL, NULL);
}

/* Runs a bound FTS5 statement, the limit as its parameter 10; the rows it returns. */
static size_t run_counting(fts_peer *p, sqlite3_stmt *st, size_t limit)
{
    sqlite3_bind_int64(st, 10, limit ? (sqlite3_int64)limit : -1);
    size_t rows = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        rows++;
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "sqlite step: %s\n", sqlite3_errmsg(p->db));
        exit(1);
    }
    sqlite3_reset(st);
    return rows;
}

/* The statement for a query with (or without) a MATCH part and some LIKE terms, prepared once
 * and reused. Terms of three characters or more go to MATCH (trigram); shorter ones, which the
 * trigram tokenizer cannot answer, to LIKE over all the text. */
static sqlite3_stmt *fts_statement(fts_peer *p, int has_match, size_t likes)
{
    sqlite3_stmt **slot = &p->stmts[has_match][likes];
    if (*slot)
        return *slot;
    char sql[1024];
    int n = snprintf(sql, sizeof sql, "SELECT rowid FROM docs WHERE %s",
                     has_match ? "docs MATCH ?1" : "1");
    for (size_t i = 0; i < likes; i++)
        n += snprintf(sql + n, sizeof sql - (size_t)n, " AND +everything LIKE ?%zu", i + 2);
    snprintf(sql + n, sizeof sql - (size_t)n, " ORDER BY %s LIMIT ?10",
             has_match ? "rank" : "rowid");
    if (sqlite3_prepare_v2(p->db, sql, -1, slot, NULL) != SQLITE_OK) {
        fprintf(stderr, "sqlite prepare: %s\n", sqlite3_errmsg(p->db));
        exit(1);
    }
    return *slot;
}

static size_t fts_search(fts_peer *p, const terms *t, size_t limit)
{
    char match[2048], like[8][300];
    size_t match_len = 0, likes = 0;
    for (size_t i = 0; i < t->count; i++) {
        if (t->chars[i] >= 3) {
            match_len += (size_t)snprintf(match + match_len, sizeof match - match_len, "%s\"%.*s\"",
                                          match_len ? " AND " : "", (int)t->len[i], t->text[i]);
        } else {
            snprintf(like[likes++], sizeof like[0], "%%%.*s%%", (int)t->len[i], t->text[i]);
        }
    }
    sqlite3_stmt *st = fts_statement(p, match_len > 0, likes);
    if (match_len)
        sqlite3_bind_text(st, 1, match, (int)match_len, SQLITE_STATIC);
    for (size_t i = 0; i < likes; i++)
        sqlite3_bind_text(st, (int)i + 2, like[i], -1, SQLITE_STATIC);
    return run_counting(p, st, limit);
}

/* The best-match peer: FTS5 ranked by bm25(), the query as an OR of its trigrams (as the
 * relevance evaluation runs it); a query with no trigram falls back to the exact search. */
static size_t fts_or_search(fts_peer *p, const terms *t, size_t limit)
{
    char match[8192];
    size_t match_len = 0;
    for (size_t i = 0; i < t->count; i++) {
        size_t starts[257], n = 0;
        for (size_t k = 0; k < t->len[i] && n < 256; k++)
            if (((unsigned char)t->text[i][k] & 0xC0) != 0x80)
                starts[n++] = k;
        starts[n] = t->len[i];
        for (size_t k = 0; k + 3 <= n && match_len + 64 < sizeof match; k++)
            match_len += (size_t)snprintf(match + match_len, sizeof match - match_len, "%s\"%.*s\"",
                                          match_len ? " OR " : "", (int)(starts[k + 3] - starts[k]),
                                          t->text[i] + starts[k]);
    }
    if (!match_len)
        return fts_search(p, t, limit);
    sqlite3_stmt *st = fts_statement(p, 1, 0);
    sqlite3_bind_text(st, 1, match, (int)match_len, SQLITE_STATIC);
    return run_counting(p, st, limit);
}

/* ---- timing --------------------------------------------------------------- */

typedef struct stats {
    double p50, p99;
    double class_p50[Q_CLASSES];
} stats;

/* libshenzhen four times: all-terms mode (the exact matching FTS5 and memmem do too, so hit
 * counts can be compared), best match (the default mode, ranked BM25F, partial matches, the
 * best match's related measures after them), best match with SHZ_ONLY_MATCHES (what listing the
 * related measures costs), and best match with every hit's snippet and spans read (the library
 * writes them when first read: this is what a caller showing every hit pays; the peers return
 * ids only). */
enum engine { E_SHZ, E_BEST, E_BEST_MATCHES, E_BEST_READ, E_FTS, E_FTS_OR, E_SCAN, ENGINES };
static const char *engine_names[ENGINES] = {
    "libshenzhen exact", "libshenzhen best", "best, matches only", "best, all read",
    "FTS5 trigram AND",  "FTS5 trigram OR",  "memmem scan"};

/* Reads every hit's snippet and spans, as a caller showing them would; their byte count. */
static size_t read_details(const shz_results *r)
{
    size_t bytes = 0;
    for (size_t i = 0; i < shz_results_count(r); i++) {
        const char *text;
        size_t len = 0, end = 0;
        shz_results_snippet(r, i, &text, &len);
        bytes += len;
        for (size_t k = 0; k < shz_results_span_count(r, i); k++) {
            shz_results_span(r, i, k, NULL, NULL, &end, NULL, NULL);
            bytes += end;
        }
    }
    return bytes;
}

typedef struct context {
    fts_peer fts;
    scan_peer scan;
    terms parsed[MAX_QUERIES];
    size_t limit;
    size_t sink;
} context;

static size_t run_once(context *c, enum engine e, size_t q)
{
    switch (e) {
    case E_SHZ:
    case E_BEST:
    case E_BEST_MATCHES:
    case E_BEST_READ: {
        shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
        o.limit = c->limit;
        if (e == E_BEST_MATCHES)
            o.flags = SHZ_ONLY_MATCHES;
        if (e == E_SHZ) /* 1.0's search, over the fields the peers index */
            o.size = offsetof(shz_search_options, limit) + sizeof o.limit;
        shz_results *r;
        if (shz_search(queries[q].text, queries[q].len, &o, &r) != SHZ_OK) {
            fprintf(stderr, "shz_search failed on '%s'\n", queries[q].text);
            exit(1);
        }
        size_t n = shz_results_count(r);
        if (e == E_BEST_READ)
            c->sink += read_details(r);
        shz_results_free(r);
        return n;
    }
    case E_FTS:
        return fts_search(&c->fts, &c->parsed[q], c->limit);
    case E_FTS_OR:
        return fts_or_search(&c->fts, &c->parsed[q], c->limit);
    default:
        return scan_search(&c->scan, &c->parsed[q]);
    }
}

/* What reading the clock twice costs, measured like a query with nothing inside. It is taken
 * out of every sample: at 0.3 us a query, ~20 ns of clock would be several percent of the
 * figure, and it would shrink every ratio toward 1. */
static double clock_overhead(void)
{
    enum { SAMPLES = 20001 };
    double *d = malloc(SAMPLES * sizeof *d);
    for (size_t i = 0; i < SAMPLES; i++) {
        double t0 = now_ns();
        d[i] = now_ns() - t0;
    }
    double median = percentile(d, SAMPLES, 0.5);
    free(d);
    return median;
}

static stats time_engine(context *c, enum engine e, int reps, double overhead)
{
    size_t n = query_count * (size_t)reps;
    double *all = malloc(n * sizeof *all), *by_class = malloc(n * sizeof *by_class);
    size_t k = 0;
    for (int r = 0; r < reps; r++) {
        for (size_t q = 0; q < query_count; q++) {
            double t0 = now_ns();
            c->sink += run_once(c, e, q);
            double took = now_ns() - t0 - overhead;
            all[k++] = took > 0 ? took : 0;
        }
    }
    stats s;
    for (int cls = 0; cls < Q_CLASSES; cls++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (queries[i % query_count].cls == (enum query_class)cls)
                by_class[m++] = all[i];
        s.class_p50[cls] = m ? percentile(by_class, m, 0.5) : 0;
    }
    s.p50 = percentile(all, n, 0.5);
    s.p99 = percentile(all, n, 0.99);
    free(all);
    free(by_class);
    return s;
}

int main(int argc, char **argv)
{
    int reps = 0, with_fts = 1;
    context *c = calloc(1, sizeof *c);
    c->limit = 10;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--limit") && i + 1 < argc)
            c->limit = (size_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--no-fts"))
            with_fts = 0;
        else {
            fprintf(stderr, "usage: %s [--limit N (0 = all)] [--reps N] [--no-fts]\n", argv[0]);
            return 2;
        }
    }
    build_queries();
    drop_empty_queries();
    for (size_t q = 0; q < query_count; q++)
        split_terms(&queries[q], &c->parsed[q]);
    scan_init(&c->scan);
    double t0 = now_ns();
    if (with_fts)
        fts_init(&c->fts);
    double fts_build = now_ns() - t0;

    printf("catalogue: %zu measures, %zu bytes of normalized text (data %s); %zu queries; "
           "limit %zu\n",
           shz_measure_count(), c->scan.len, shz_data_version(), query_count, c->limit);
    if (with_fts)
        printf("FTS5 table built in %.1f ms\n", fts_build / 1e6);
    fflush(stdout);

    /* Cross-check: the same hit counts from every exact engine (all hits, no limit). */
    size_t saved_limit = c->limit, mismatches = 0, total_hits = 0;
    c->limit = 0;
    for (size_t q = 0; q < query_count; q++) {
        size_t a = run_once(c, E_SHZ, q), b = run_once(c, E_SCAN, q);
        size_t f = with_fts ? run_once(c, E_FTS, q) : a;
        total_hits += a;
        if (a != b || a != f) {
            mismatches++;
            fprintf(stderr, "mismatch '%s': libshenzhen %zu, memmem %zu, fts5 %zu\n",
                    queries[q].text, a, b, f);
        }
    }
    c->limit = saved_limit;
    printf("hit counts agree on %zu/%zu queries (%zu hits in all)\n", query_count - mismatches,
           query_count, total_hits);

    /* Heap calls of shz_search alone, per query, results freed after each. The results block
     * is one; more means a Latin word the index does not have was stemmed (Snowball's stemmer
     * allocates its own state). */
    for (int mode = 0; mode < 2; mode++) {
        size_t worst = 0, counts[4] = {0, 0, 0, 0};
        for (size_t q = 0; q < query_count; q++) {
            shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
            o.limit = c->limit;
            if (!mode)
                o.size = offsetof(shz_search_options, limit) + sizeof o.limit;
            shz_results *r;
            size_t before = heap_calls;
            shz_search(queries[q].text, queries[q].len, &o, &r);
            size_t used = heap_calls - before;
            shz_results_free(r);
            worst = used > worst ? used : worst;
            counts[used < 3 ? used : 3]++;
            if (used > 1 && counts[3] + counts[2] <= 5)
                printf("  %zu heap calls: '%s'\n", used, queries[q].text);
        }
        printf("heap calls per shz_search, %s: max %zu; %zu queries 0, %zu queries 1, %zu queries "
               "2, %zu queries more\n",
               mode ? "best match" : "exact", worst, counts[0], counts[1], counts[2], counts[3]);
    }

    stats s[ENGINES];
    int engine_reps[ENGINES] = {reps ? reps : 200, reps ? reps : 200, reps ? reps : 200,
                                reps ? reps : 200, reps ? reps : 20,  reps ? reps : 20,
                                reps ? reps : 20};
    double overhead = clock_overhead();
    printf("clock overhead %.1f ns, subtracted from every sample\n", overhead);
    for (int e = 0; e < ENGINES; e++) {
        if ((e == E_FTS || e == E_FTS_OR) && !with_fts)
            continue;
        run_once(c, (enum engine)e, 0); /* warm up */
        s[e] = time_engine(c, (enum engine)e, engine_reps[e], overhead);
    }
    printf("\n%-22s %12s %12s %14s %14s %14s\n", "engine", "p50 (us)", "p99 (us)", "p50 / exact",
           "p99 / exact", "p50 / best");
    for (int e = 0; e < ENGINES; e++) {
        if ((e == E_FTS || e == E_FTS_OR) && !with_fts)
            continue;
        printf("%-22s %12.3f %12.3f %13.1fx %13.1fx %13.1fx\n", engine_names[e], s[e].p50 / 1e3,
               s[e].p99 / 1e3, s[e].p50 / s[E_SHZ].p50, s[e].p99 / s[E_SHZ].p99,
               s[e].p50 / s[E_BEST].p50);
    }
    printf("\np50 by query class (us):\n%-14s", "class");
    for (int e = 0; e < ENGINES; e++)
        if ((e != E_FTS && e != E_FTS_OR) || with_fts)
            printf(" %20s", engine_names[e]);
    printf("\n");
    for (int cls = 0; cls < Q_CLASSES; cls++) {
        printf("%-14s", class_names[cls]);
        for (int e = 0; e < ENGINES; e++)
            if ((e != E_FTS && e != E_FTS_OR) || with_fts)
                printf(" %20.3f", s[e].class_p50[cls] / 1e3);
        printf("\n");
    }
    if (c->sink == 42)
        printf("\n");
    return 0;
}
