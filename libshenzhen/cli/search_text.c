/*
 * The hits of a search for a person: one line per hit, then its snippet,
 * matches highlighted on a terminal.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"

/* How hit @p i matched: "all" (every query term) or "some", "~" added when some term
 * matched only through typo, homophone or thesaurus tolerance; "related" for a related
 * measure of the first hit that does not match. */
static const char *match_name(const shz_results *r, size_t i)
{
    unsigned flags = shz_results_match(r, i);
    if (flags & SHZ_MATCH_RELATED)
        return "related";
    if (flags & SHZ_MATCH_ALL_TERMS)
        return (flags & SHZ_MATCH_TOLERANT) ? "all~" : "all";
    return (flags & SHZ_MATCH_TOLERANT) ? "some~" : "some";
}

hit_columns measure_columns(const shz_results *r)
{
    hit_columns w = {1, 1, 1};
    for (size_t i = 0; i < shz_results_count(r); i++) {
        size_t id = digits(shz_measure_id(shz_results_measure(r, i)));
        size_t field = strlen(field_name(shz_results_field(r, i)));
        size_t match = strlen(match_name(r, i));
        w.id = id > w.id ? id : w.id;
        w.field = field > w.field ? field : w.field;
        w.match = match > w.match ? match : w.match;
    }
    return w;
}

/* The field, language and byte offsets of span @p k of hit @p i; false if it has none. */
static bool span_at(const shz_results *r, size_t i, size_t k, shz_field *field, shz_lang *lang,
                    size_t *start, size_t *end)
{
    return shz_results_span(r, i, k, field, start, end, NULL, NULL) == SHZ_OK &&
           shz_results_span_lang(r, i, k, lang) == SHZ_OK;
}

/*
 * One flag per snippet byte, set on the parts of the spans that the snippet
 * shows. The snippet is an excerpt of one text (a field in one language), with
 * "…" where it was cut; the library says which text and where in it the
 * excerpt starts, so only the spans of that text are marked (never a span of
 * the English title when the snippet is the Chinese one). NULL if out of memory.
 */
static unsigned char *snippet_marks(const shz_results *r, size_t i, const char *snippet, size_t len)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    const size_t el = sizeof ellipsis - 1;
    unsigned char *mark = calloc(len + 1, 1);
    shz_field origin_field;
    shz_lang origin_lang;
    size_t from;
    if (mark == NULL ||
        shz_results_snippet_origin(r, i, &origin_field, &origin_lang, &from, NULL) != SHZ_OK)
        return mark;
    size_t head = from > 0 ? el : 0; /* the snippet starts with "…" where it was cut */
    size_t tail = len >= head + el && memcmp(snippet + len - el, ellipsis, el) == 0 ? el : 0;
    size_t to = from + (len - head - tail);
    for (size_t k = 0; k < shz_results_span_count(r, i); k++) {
        shz_field field;
        shz_lang lang;
        size_t start, end;
        if (!span_at(r, i, k, &field, &lang, &start, &end) || field != origin_field ||
            lang != origin_lang)
            continue;
        start = start > from ? start : from;
        end = end < to ? end : to;
        if (start < end)
            memset(mark + head + (start - from), 1, end - start);
    }
    /* A hit found in its aliases or keywords has no spans: mark the terms it matched. */
    for (size_t t = 0;
         mark != NULL && shz_results_span_count(r, i) == 0 && t < shz_results_term_count(r); t++) {
        const char *term;
        size_t term_len;
        if (shz_results_hit_term(r, i, t) != 0 &&
            shz_results_term(r, t, &term, &term_len) == SHZ_OK)
            mark_occurrences(mark, snippet, len, term, term_len);
    }
    return mark;
}

/* The snippet of hit @p i, indented and wrapped, its matches highlighted on a terminal. */
static void hit_snippet(const cli *c, outbuf *ob, const shz_results *r, size_t i)
{
    const char *snippet;
    size_t len;
    if (shz_results_snippet(r, i, &snippet, &len) != SHZ_OK || len == 0)
        return;
    wrap_style style = {c->width, 4, NULL, MARK_ON, MARK_OFF};
    unsigned char *mark = c->colour ? snippet_marks(r, i, snippet, len) : NULL;
    if (c->colour && mark == NULL)
        ob->failed = true;
    style.mark = mark;
    outbuf_repeat(ob, ' ', 4);
    render_wrap(ob, snippet, len, &style);
    free(mark);
}

/*
 * Writes the title of hit @p i (in @p lang) in @p room columns. On a terminal,
 * when it fits whole, the spans that lie in this very text (the title field in
 * this language, by their byte offsets) are highlighted; a cut title is
 * written plain.
 */
static void hit_title(const cli *c, outbuf *ob, const shz_results *r, size_t i, shz_lang lang,
                      size_t room)
{
    size_t len;
    const char *title = measure_text(shz_results_measure(r, i), SHZ_FIELD_TITLE, lang, &len);
    unsigned char *mark = NULL;
    if (c->colour && text_width(title, len) <= room && (mark = calloc(len + 1, 1)) != NULL) {
        shz_field field;
        shz_lang span_lang;
        size_t start, end;
        for (size_t k = 0; k < shz_results_span_count(r, i); k++)
            if (span_at(r, i, k, &field, &span_lang, &start, &end) && field == SHZ_FIELD_TITLE &&
                span_lang == lang && start < end && end <= len)
                memset(mark + start, 1, end - start);
    }
    if (mark == NULL) {
        render_fit(ob, title, len, room, false);
        return;
    }
    for (size_t pos = 0; pos < len;) {
        size_t run = 1;
        while (pos + run < len && mark[pos + run] == mark[pos])
            run++;
        if (mark[pos])
            outbuf_puts(ob, MARK_ON);
        render_clean(ob, title + pos, run);
        if (mark[pos])
            outbuf_puts(ob, MARK_OFF);
        pos += run;
    }
    free(mark);
}

bool related_link(const shz_results *r, size_t i, const shz_measure **best, size_t *link)
{
    if (!(shz_results_match(r, i) & SHZ_MATCH_RELATED))
        return false;
    *best = shz_results_measure(r, 0);
    const shz_measure *m = shz_results_measure(r, i);
    for (*link = 0; *link < shz_measure_related_count(*best); ++*link)
        if (shz_measure_related(*best, *link) == m)
            return true;
    return false;
}

/* For a related measure of the first hit: "related to ID: reason", indented and wrapped. */
static void hit_reason(const cli *c, outbuf *ob, const shz_results *r, size_t i, shz_lang lang)
{
    const shz_measure *best;
    size_t link;
    const char *reason;
    size_t len;
    if (!related_link(r, i, &best, &link) ||
        shz_measure_related_reason(best, link, lang, &reason, &len) != SHZ_OK)
        return;
    char label[48];
    int n = snprintf(label, sizeof label, "    related to %" PRId64 ": ", shz_measure_id(best));
    outbuf_puts(ob, label);
    wrap_style style = {c->width, n > 0 ? (size_t)n : 0, NULL, MARK_ON, MARK_OFF};
    render_wrap(ob, reason, len, &style);
}

/* "id  relevance  field  match  title", then the snippet. The relevance (two decimals, in
 * [0, 1]) says how strong a hit is; raw scores are left to --json: their scale means nothing
 * to a reader. */
void hit_text(const cli *c, outbuf *ob, const shz_results *r, size_t i, shz_lang lang,
              hit_columns w)
{
    const shz_measure *m = shz_results_measure(r, i);
    size_t used = w.id + 2 + w.field + 2 + w.match + 2;
    /* A terminal too narrow for it and some of the title goes without the relevance. */
    bool relevance = !c->terminal || c->width >= used + 6 + 10;
    outbuf_printf(ob, "%*" PRId64 "  ", (int)w.id, shz_measure_id(m));
    if (relevance) {
        outbuf_printf(ob, "%.2f  ", shz_results_relevance(r, i));
        used += 6;
    }
    outbuf_printf(ob, "%-*s  %-*s  ", (int)w.field, field_name(shz_results_field(r, i)),
                  (int)w.match, match_name(r, i));
    hit_title(c, ob, r, i, lang, title_room(c, used));
    outbuf_puts(ob, "\n");
    hit_reason(c, ob, r, i, lang);
    hit_snippet(c, ob, r, i);
}

void hit_explain(outbuf *ob, const shz_results *r, size_t i)
{
    static const char *const how_name[] = {"-", "exact", "stem", "tolerant"};
    double weights = 0;
    for (size_t t = 0; t < shz_results_term_count(r); t++) {
        const char *term = "";
        size_t len = 0;
        shz_field field;
        unsigned how;
        double weight, contribution;
        if (shz_results_term(r, t, &term, &len) != SHZ_OK ||
            shz_results_explain(r, i, t, &field, &how, &weight, &contribution) != SHZ_OK)
            continue;
        outbuf_printf(ob, "    %s  %s  %s  weight %.3f  contribution %.3f\n", term,
                      field ? field_name(field) : "-", how < 4 ? how_name[how] : "?", weight,
                      contribution);
        weights += weight;
    }
    /* The weights are shares of what a hit is measured against, which for a long query is
     * less than its whole weight (shz_results_explain): said, so that a sum above 1 does not
     * read as an error. Past the last term line's rounding. */
    if (weights > 1.0005)
        outbuf_printf(ob,
                      "    weights add up to %.3f: a long query's words that the catalogue has "
                      "count in part (shenzhen-search(7))\n",
                      weights);
}
