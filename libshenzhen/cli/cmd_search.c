/*
 * shenzhen search: runs the query and renders its hits as text or JSON.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"

/* Reads --lang, --mode, --no-related, --topic, --min-relevance and --limit into @p opts. */
static int search_options(cli *c, shz_search_options *opts)
{
    shz_search_options_init(opts);
    opts->lang = c->lang;
    if ((c->given & OPT_MODE) && strcmp(c->mode_arg, "all") == 0)
        opts->mode = SHZ_SEARCH_ALL_TERMS;
    else if ((c->given & OPT_MODE) && strcmp(c->mode_arg, "best") != 0)
        return fail(c, EXIT_USAGE, "search --mode takes best or all, not '%s'", QUOTE(c->mode_arg));
    if (c->given & OPT_NO_RELATED)
        opts->flags = SHZ_ONLY_MATCHES;
    if (c->given & OPT_TOPIC) {
        const shz_topic *topic = NULL;
        int st = parse_topic(c, &topic);
        if (st != 0)
            return st;
        opts->topics = (uint64_t)1 << (shz_topic_id(topic) - 1);
    }
    if (c->given & OPT_MIN_RELEVANCE) {
        int st = parse_min_relevance(c, &opts->min_relevance);
        if (st != 0)
            return st;
    }
    if (c->given & OPT_LIMIT)
        return parse_limit(c, &opts->limit);
    return 0;
}

/*
 * In best mode, the measure that comes closest to matching a query nothing matched: the first
 * hit of the same search with no threshold (min_relevance 0). Its id and relevance go to @p id
 * and @p relevance; 0 when no measure holds a word of the query the precision rule lets count.
 * Paid only when a search found nothing, so the search path itself stays one search.
 */
static int closest_miss(const outbuf *query, const shz_search_options *opts, int64_t *id,
                        double *relevance)
{
    if (opts->mode != SHZ_SEARCH_BEST || opts->min_relevance <= 0)
        return 0;
    shz_search_options loose = *opts;
    loose.min_relevance = 0;
    loose.limit = 1;
    loose.flags |= SHZ_ONLY_MATCHES;
    shz_results *r = NULL;
    int found =
        shz_search(query->data, query->len, &loose, &r) == SHZ_OK && shz_results_count(r) > 0;
    if (found) {
        *id = shz_measure_id(shz_results_measure(r, 0));
        *relevance = shz_results_relevance(r, 0);
    }
    shz_results_free(r);
    return found;
}

/*
 * The one line that says why nothing matched: the terms (as analysed) that no measure holds,
 * or, when each term is somewhere but no measure has them all (all-terms mode), that --mode
 * best would rank partial matches; in best mode, then, the closest measure and the
 * --min-relevance that would show it (its relevance rounded down, so that it does).
 */
static int no_hits(cli *c, const outbuf *query, const shz_search_options *opts,
                   const shz_results *r)
{
    char missing[256] = "", closest[128] = "";
    size_t used = 0, count = 0;
    for (size_t t = 0; t < shz_results_term_count(r); t++) {
        const char *text;
        size_t len;
        if (shz_results_term_measures(r, t) != 0 || shz_results_term(r, t, &text, &len) != SHZ_OK)
            continue;
        int n = snprintf(missing + used, sizeof missing - used, "%s'%s'", count ? ", " : "",
                         QUOTE(text));
        count++;
        if (n < 0 || (size_t)n >= sizeof missing - used)
            break;
        used += (size_t)n;
    }
    int64_t id = 0;
    double relevance = 0;
    if (closest_miss(query, opts, &id, &relevance)) {
        double shown = (double)(long)(relevance * 100) / 100;
        snprintf(closest, sizeof closest,
                 "%sthe closest, measure %" PRId64 ", holds %.2f of it (--min-relevance %.2f "
                 "shows it)",
                 count ? "; " : ": ", id, shown, shown);
    }
    const char *q = QUOTE(query->data);
    if (shz_results_term_count(r) == 0)
        return fail(c, EXIT_NOT_FOUND, "no measure matches '%s' (it has no term to search for)", q);
    if (count > 0)
        return fail(c, EXIT_NOT_FOUND, "no measure matches '%s': no measure contains %s%s", q,
                    missing, closest);
    if (opts->mode == SHZ_SEARCH_ALL_TERMS)
        return fail(c, EXIT_NOT_FOUND,
                    "no measure matches '%s': no measure holds all its terms (try --mode best)", q);
    return fail(c, EXIT_NOT_FOUND, "no measure matches '%s'%s", q, closest);
}

/* Runs the search and renders its hits; @p query is the joined terms. */
static int search_run(cli *c, outbuf *ob, const outbuf *query, const shz_search_options *opts)
{
    shz_results *r = NULL;
    shz_status st = shz_search(query->data, query->len, opts, &r);
    if (st != SHZ_OK)
        return fail(c, st == SHZ_ERR_NO_MEMORY ? EXIT_OUTPUT : EXIT_USAGE, "search: %s",
                    shz_errstr(st));
    int status = 0;
    if (c->given & OPT_JSON) {
        /* Always the object, so that `| jq '.hits|length'` gets its input; no hits is
         * still status 1, and the empty array says it: no message. */
        if (!search_json(ob, query->data, opts->mode, opts->lang, (c->given & OPT_EXPLAIN) != 0, r))
            ob->failed = true;
        if (shz_results_count(r) == 0) {
            status = fail(c, EXIT_NOT_FOUND, "%s", "");
            c->write_anyway = true;
        }
    } else if (shz_results_count(r) == 0) {
        status = no_hits(c, query, opts, r);
    } else {
        hit_columns w = measure_columns(r);
        for (size_t i = 0; i < shz_results_count(r); i++) {
            hit_text(c, ob, r, i, opts->lang, w);
            if (c->given & OPT_EXPLAIN)
                hit_explain(ob, r, i);
        }
    }
    shz_results_free(r);
    return status;
}

/*
 * The query from standard input (QUERY is "-"), as grep, jq and sqlite3 read theirs: all of
 * it, the line ends at its end removed. Read no further than the longest query the library
 * takes (and a line end), so that a larger input gets the library's "too long".
 */
static int read_query(cli *c, outbuf *query)
{
    char chunk[4096];
    for (;;) {
        ssize_t n = read(STDIN_FILENO, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(c, EXIT_USAGE, "search: cannot read the query from stdin: %s",
                        strerror(errno));
        if (n == 0 || query->len > SHZ_QUERY_MAX + 2)
            break;
        outbuf_append(query, chunk, (size_t)n);
    }
    while (query->len > 0 &&
           (query->data[query->len - 1] == '\n' || query->data[query->len - 1] == '\r'))
        query->data[--query->len] = '\0';
    return 0;
}

/* The terms of the command line joined with spaces. */
static void join_terms(const cli *c, outbuf *query)
{
    for (size_t i = 0; i < c->nargs; i++) {
        if (i > 0)
            outbuf_puts(query, " ");
        outbuf_puts(query, c->args[i]);
    }
}

int cmd_search(cli *c, outbuf *ob)
{
    shz_search_options opts;
    int status = search_options(c, &opts);
    if (status != 0)
        return status;
    outbuf query;
    outbuf_init(&query);
    outbuf_append(&query, "", 0);
    if (c->nargs == 1 && strcmp(c->args[0], "-") == 0)
        status = read_query(c, &query);
    else
        join_terms(c, &query);
    if (status == 0 && outbuf_failed(&query))
        status = fail(c, EXIT_OUTPUT, "out of memory");
    if (status == 0)
        status = search_run(c, ob, &query, &opts);
    outbuf_free(&query);
    return status;
}
