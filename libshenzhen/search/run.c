/*
 * Running a search: the block it allocates, the query's analysis and scoring
 * inside it, and the block resized to hold what the hits need.
 *
 * The block is allocated before the query is analysed, sized from the query's
 * length (the analysed terms and characters) and from the catalogue (a hit per
 * measure at most, or the limit): nothing the search does grows with the query
 * on the stack. It also reserves room for what the results add (the hits'
 * details, spans and snippets, results.c, and the terms' texts), which are
 * known only once the hits are: when they need more than the reserve, the
 * block is resized, once. The reserve is sized so that a search over this
 * catalogue makes one heap call (search_bench counts them).
 */
#include "alloc.h"
#include "search_int.h"

const struct shz_results szs_no_results = {0};

/* The results' room reserved up front: enough for the hits of nearly every search over the
 * catalogue, and well below malloc's threshold for mapping a block of its own. */
enum { RESULTS_RESERVE = 48 * 1024 };

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* The reported terms in query order, as indices into q->terms; returns how many. */
static size_t reported_terms(const szs_query *q, uint16_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < q->term_count; i++)
        if (!q->terms[i].tolerant)
            out[q->terms[i].order] = (uint16_t)i, n++;
    return n;
}

/* Where the parts of the block start: what the search needs first, then what the results add
 * (set by layout_results). */
typedef struct block_layout {
    size_t query, terms, chars, hits, scratch_end;
    size_t details, spans, texts, order, text, end;
} block_layout;

static void layout_query(size_t term_room, size_t char_room, size_t hit_room, block_layout *l)
{
    l->query = align8(sizeof(struct shz_results));
    l->terms = align8(l->query + sizeof(szs_query));
    l->chars = align8(l->terms + term_room * sizeof(szs_term));
    l->hits = align8(l->chars + char_room * sizeof(uint32_t));
    l->scratch_end = l->hits + hit_room * sizeof(szs_hit);
}

/* The results' parts after the kept hits. */
static void layout_results(const szs_query *q, const szs_hit *hits, size_t kept, block_layout *l)
{
    size_t span_room = 0, text_room = 0;
    for (size_t i = 0; i < kept; i++) {
        span_room += hits[i].occurrences;
        text_room += szs_snippet_room(&hits[i]);
    }
    for (size_t i = 0; i < q->term_count; i++) {
        const szs_term *t = &q->terms[i];
        if (t->tolerant)
            continue;
        for (uint32_t k = 0; k < t->len; k++)
            text_room += shzi_utf8_length(q->chars[t->start + k]);
        text_room++;
    }
    l->details = align8(l->hits + kept * sizeof(szs_hit));
    l->spans = align8(l->details + kept * sizeof(szs_detail));
    l->texts = align8(l->spans + span_room * sizeof(szs_span));
    l->order = l->texts + q->term_count * sizeof(szs_term_text);
    l->text = l->order + q->reported * sizeof(uint16_t);
    l->end = l->text + text_room;
}

/* Fills the results' header and parts in block, laid out by l, for kept hits. */
static void fill_results(unsigned char *block, const block_layout *l, const szs_settings *set,
                         size_t kept)
{
    struct shz_results *r = (struct shz_results *)block;
    szs_query *q = (szs_query *)(block + l->query);
    q->terms = (szs_term *)(block + l->terms); /* the block may have moved */
    q->chars = (uint32_t *)(block + l->chars);
    r->count = kept;
    r->hits = (szs_hit *)(block + l->hits);
    r->details = (szs_detail *)(block + l->details);
    r->spans = (szs_span *)(block + l->spans);
    r->all_terms = q->term_count;
    r->terms = q->terms;
    r->term_chars = q->chars;
    r->texts = (szs_term_text *)(block + l->texts);
    r->order = (uint16_t *)(block + l->order);
    r->text = (char *)(block + l->text);
    r->set = *set;
    r->weight = set->mode == SHZ_SEARCH_BEST ? q->weight : 0;
    r->measure = set->mode == SHZ_SEARCH_BEST ? q->measure : 0;
    r->query = q;
    size_t reported = reported_terms(q, r->order);
    /* 1.0's results had no terms: its callers get none. Their spans still need them. */
    r->term_count = set->legacy ? 0 : reported;
    pthread_mutex_init(&r->detail_lock, NULL);

    size_t spans_used = 0, text_used = 0;
    for (size_t i = 0; i < q->term_count; i++) {
        const szs_term *t = &q->terms[i];
        szs_term_text *e = &r->texts[i];
        e->start = e->len = 0;
        if (t->tolerant)
            continue;
        e->start = (uint32_t)text_used;
        for (uint32_t k = 0; k < t->len; k++)
            text_used +=
                shzi_utf8_encode(q->chars[t->start + k], (unsigned char *)r->text + text_used);
        e->len = (uint32_t)(text_used - e->start);
        r->text[text_used++] = '\0';
    }
    for (size_t i = 0; i < kept; i++) {
        szs_detail *d = &r->details[i];
        d->first_span = (uint32_t)spans_used;
        d->snippet_start = (uint32_t)text_used;
        d->span_count = d->snippet_len = d->match_start = d->match_end = 0;
        atomic_init(&d->ready, 0);
        spans_used += r->hits[i].occurrences;
        text_used += szs_snippet_room(&r->hits[i]);
    }
}

shz_status szs_run(const char *text, size_t len, const szs_settings *set, shz_results **results)
{
    size_t term_room, char_room;
    szs_query_room(len, set->mode, &term_room, &char_room);
    /* A limit below the measures: only the best `limit` are kept, so only they need room. */
    size_t measures = shzi_ix.measure_count;
    size_t keep = set->limit && set->limit < measures ? set->limit : 0;
    size_t hit_room = keep ? keep : measures;
    block_layout l;
    layout_query(term_room, char_room, hit_room, &l);
    size_t allocated = l.scratch_end + RESULTS_RESERVE;
    unsigned char *block = shzi_mem_alloc(allocated);
    if (!block)
        return SHZ_ERR_NO_MEMORY;
    szs_query *q = (szs_query *)(block + l.query);
    q->terms = (szs_term *)(block + l.terms);
    q->chars = (uint32_t *)(block + l.chars);
    q->term_room = term_room;
    q->char_room = (uint32_t)char_room;
    shz_status status = set->mode == SHZ_SEARCH_ALL_TERMS ? szs_parse_literal(text, len, q)
                                                          : szs_analyse(text, len, q);
    if (status != SHZ_OK) {
        shzi_mem_dealloc(block);
        return status;
    }
    szs_hit *hits = (szs_hit *)(block + l.hits);
    size_t kept = 0;
    if (set->mode == SHZ_SEARCH_BEST)
        kept = szs_collect_best(q, set, hits, hit_room, keep);
    else if (szs_plan_literal(q))
        kept = szs_collect_all(q, set, hits, hit_room, keep);
    if (kept == 0 && (set->legacy || q->reported == 0)) { /* nothing to read: as 1.0 */
        shzi_mem_dealloc(block);
        *results = (shz_results *)&szs_no_results;
        return SHZ_OK;
    }
    layout_results(q, hits, kept, &l);
    unsigned char *sized = block;
    if (l.end > allocated && !(sized = shzi_mem_realloc(block, l.end))) {
        shzi_mem_dealloc(block);
        return SHZ_ERR_NO_MEMORY;
    }
    fill_results(sized, &l, set, kept);
    *results = (shz_results *)sized;
    return SHZ_OK;
}
