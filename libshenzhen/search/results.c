/*
 * Results: running a search and building its one heap block, the hits' spans
 * (exact byte and character offsets into the original texts) and snippets,
 * the analysed terms, and the accessors of the public API.
 *
 * A search ranks; it does not yet cut snippets or map spans, which cost more
 * than the ranking and which many callers (ids and titles only) never read.
 * Its block reserves room for them, and a hit's spans and snippet are written
 * there the first time any of them is read. Readers may be many threads at
 * once: the first to come claims the hit, the others wait for it to publish.
 */
#include <stdatomic.h>
#include <stdlib.h>

#include "alloc.h"
#include "catalogue_data.h"
#include "search_int.h"

enum { SNIPPET_BEFORE = 20, SNIPPET_AFTER = 40 }; /* code points of context around a match */
enum { STACK_HITS = 256 }; /* hits collected on the stack when this many can hold them all */

static const char ellipsis[] = "\xE2\x80\xA6"; /* … */
enum { ELLIPSIS_LEN = 3 };

/* A hit's details: not written yet, being written by one reader, written. */
enum { DETAIL_PENDING = 0, DETAIL_BUSY = 1, DETAIL_READY = 2 };

/* What the results add to a kept hit: room reserved at the search, filled on first reading. */
typedef struct hit_detail {
    uint32_t first_span, span_count;     /* room: hit->occurrences spans from first_span */
    uint32_t snippet_start, snippet_len; /* room: the field's bytes and two ellipses, and a NUL */
    uint32_t match_start, match_end;     /* in the snippet */
    atomic_uchar state;                  /* DETAIL_* */
} hit_detail;

typedef struct span {
    uint32_t byte_start, byte_end, char_start, char_end;
    uint8_t slot;
    uint8_t lang;
} span;

/* A reported term: its analysed text (in the results' text) and what counting it needs. */
typedef struct term_entry {
    szs_term term; /* start re-based into term_chars */
    uint32_t text_start, text_len;
} term_entry;

struct shz_results {
    size_t count;
    szs_hit *hits;
    hit_detail *details;
    span *spans;
    size_t term_count; /* reported terms */
    size_t all_terms;  /* every term as the query had it, tolerant alternatives too (spans) */
    term_entry *terms; /* [all_terms], in the query's order of terms */
    uint16_t *order;   /* [term_count]: the reported terms in query order, as indices of terms */
    uint32_t *term_chars;
    char *text;
    szs_settings set;
};

/* ---- texts -------------------------------------------------------------- */

typedef struct field_text {
    const char *text;
    uint32_t len;
    shz_lang lang;
    int by_char; /* zh-Hant carried over by character offsets: bytes found by walking */
} field_text;

/* The text of a slot in the language spans use, and that language. */
static inline field_text slot_text(uint32_t m, int slot, shz_lang want)
{
    const struct shz_measure *ms = &shzi_measures[m];
    unsigned char hant = shzi_ix_blob[shzi_ix.hant + m];
    shzi_str str;
    field_text f = {NULL, 0, SHZ_LANG_EN, 0};
    switch (slot) {
    case SHZ_IX_TITLE:
    case SHZ_IX_BODY: {
        int ok = want == SHZ_LANG_ZH_HANT &&
                 (hant & (slot == SHZ_IX_TITLE ? SHZ_IX_HANT_TITLE : SHZ_IX_HANT_BODY));
        f.lang = ok ? SHZ_LANG_ZH_HANT : SHZ_LANG_ZH_HANS;
        f.by_char = ok;
        str = slot == SHZ_IX_TITLE ? ms->title[f.lang] : ms->body[f.lang];
        break;
    }
    case SHZ_IX_TITLE_EN:
        str = ms->title[SHZ_LANG_EN];
        break;
    case SHZ_IX_PINYIN:
        f.lang = want;
        str = ms->pinyin;
        break;
    case SHZ_IX_INITIALS:
        f.lang = want;
        str = ms->initials;
        break;
    case SHZ_IX_BODY_EN:
        str = ms->body[SHZ_LANG_EN];
        break;
    case SHZ_IX_TERMS: {
        /* Keywords and aliases, joined: a text of the index, not of the catalogue. */
        uint32_t from = shzi_ix_u32(shzi_ix.terms_text, m);
        uint32_t to = shzi_ix_u32(shzi_ix.terms_text, (size_t)m + 1);
        f.text = (const char *)shzi_ix_blob + shzi_ix.terms_bytes + from;
        f.len = to - from;
        f.lang = SHZ_LANG_ZH_HANS;
        return f;
    }
    default:
        str = ms->summary_en;
        break;
    }
    f.text = shzi_str_ptr(str);
    f.len = str.len;
    return f;
}

static shz_field field_of_slot(int slot)
{
    static const unsigned char fields[SHZ_IX_NSLOTS] = {
        [SHZ_IX_TITLE] = SHZ_FIELD_TITLE,   [SHZ_IX_TITLE_EN] = SHZ_FIELD_TITLE,
        [SHZ_IX_PINYIN] = SHZ_FIELD_PINYIN, [SHZ_IX_INITIALS] = SHZ_FIELD_PINYIN_INITIALS,
        [SHZ_IX_BODY] = SHZ_FIELD_BODY,     [SHZ_IX_SUMMARY] = SHZ_FIELD_SUMMARY,
        [SHZ_IX_TERMS] = SHZ_FIELD_ALIASES, [SHZ_IX_BODY_EN] = SHZ_FIELD_BODY,
    };
    return (shz_field)fields[slot];
}

static uint32_t utf8_length(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/* Byte offset of character index chars in s, walking from a known (byte, char) point before it. */
static uint32_t byte_of_char(const char *s, uint32_t len, uint32_t from_byte, uint32_t from_char,
                             uint32_t chars)
{
    while (from_char < chars && from_byte < len) {
        from_byte += utf8_length((unsigned char)s[from_byte]);
        from_char++;
    }
    return from_byte;
}

/* The bytes of the original text of normalized positions [first, last] in f. */
static inline void byte_range(const field_text *f, uint32_t first, uint32_t last, uint32_t *start,
                              uint32_t *end)
{
    if (f->by_char) {
        uint32_t c0 = shzi_ix_u32(shzi_ix.src_char, first);
        *start = byte_of_char(f->text, f->len, 0, 0, c0);
        *end = byte_of_char(f->text, f->len, *start, c0, shzi_ix_u32(shzi_ix.src_char, last) + 1);
        return;
    }
    uint32_t last_byte = shzi_ix_u32(shzi_ix.src_byte, last);
    *start = shzi_ix_u32(shzi_ix.src_byte, first);
    *end = last_byte + utf8_length((unsigned char)f->text[last_byte]);
}

/* ---- spans -------------------------------------------------------------- */

static int span_before(const span *a, const span *b)
{
    if (a->slot != b->slot)
        return a->slot < b->slot;
    if (a->byte_start != b->byte_start) /* still normalized positions while sorting */
        return a->byte_start < b->byte_start;
    return a->byte_end < b->byte_end;
}

static void sort_spans(span *s, size_t n)
{
    /* Insertion sort: spans of one term arrive sorted, so the runs to merge are few. A span
     * already in place is not copied out and back (it was just written field by field: read
     * back whole, it would stall the store forwarding). */
    for (size_t i = 1; i < n; i++) {
        if (!span_before(&s[i], &s[i - 1]))
            continue;
        span x = s[i];
        size_t j = i;
        for (; j > 0 && span_before(&x, &s[j - 1]); j--)
            s[j] = s[j - 1];
        s[j] = x;
    }
}

/* The normalized spans of the term in measure m, appended at out[*n] (at most room); chars is
 * what t->start indexes. Its postings in m begin at first (or after, when first is
 * t->post_begin). */
static void term_spans(const uint32_t *chars, const szs_settings *set, const szs_term *t,
                       uint32_t m, uint32_t first, const szs_row *row, span *out, size_t *n,
                       size_t room)
{
    uint32_t target = m << SHZ_IX_INFO_MEASURE_SHIFT;
    uint32_t table = shzi_ix.post_info;
    uint32_t from = szs_gallop(table, first, t->post_end, target);
    for (uint32_t c = from; c < t->post_end && *n < room; c++) {
        uint32_t info = shzi_ix_u32(table, c);
        if (szs_info_measure(info) != m)
            break;
        int slot = szs_info_slot(info);
        if (!(set->slot_mask >> slot))
            break; /* no later field searched */
        if (slot == SHZ_IX_TERMS || !(set->slot_mask & (1u << slot)))
            continue;
        uint32_t p = t->kind == SZS_GRAM && t->len <= 2 /* a gram is its own posting */
                         ? szs_posting_at(c)
                         : szs_occurrence_at(t, chars, c, row->seg[slot]);
        if (p != SZS_NO_POSITION)
            out[(*n)++] = (span){p, p + t->len, 0, 0, (uint8_t)slot, 0};
    }
    for (uint32_t s = szs_gallop(shzi_ix.word_info, t->stem_begin, t->stem_end, target);
         s < t->stem_end && *n < room; s++) {
        uint32_t info = shzi_ix_u32(shzi_ix.word_info, s);
        if (szs_info_measure(info) != m)
            break;
        int slot = szs_info_slot(info);
        if (slot == SHZ_IX_TERMS || !(set->slot_mask & (1u << slot)))
            continue;
        uint32_t p = shzi_ix_u32(shzi_ix.word_postings, s);
        out[(*n)++] = (span){p, p + szs_word_length(p), 0, 0, (uint8_t)slot, 0};
    }
}

/* Writes the spans of hit h (normalized first, then mapped to the original text); returns how
 * many, at most h->occurrences. All-terms mode keeps every distinct match; best match merges
 * overlapping ones (the bigrams of one word) into one. */
static size_t write_spans(const shz_results *r, const szs_hit *h, span *out)
{
    const szs_settings *set = &r->set;
    uint32_t m = szs_measure_of_hit(h);
    size_t n = 0;
    szs_row row;
    szs_load_row(m, &row);
    for (size_t i = 0; i < r->all_terms; i++) {
        const szs_term *t = &r->terms[i].term;
        if (set->mode == SHZ_SEARCH_BEST &&
            !((h->exact_terms | h->tolerant_terms) & (UINT64_C(1) << t->origin)))
            continue;
        uint32_t first = set->mode == SHZ_SEARCH_ALL_TERMS && i < SZS_HIT_CURSORS
                             ? h->first_posting[i]
                             : t->post_begin;
        term_spans(r->term_chars, set, t, m, first, &row, out, &n, h->occurrences);
    }
    sort_spans(out, n);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        span *last = kept ? &out[kept - 1] : NULL;
        if (last && out[i].slot == last->slot && set->mode == SHZ_SEARCH_BEST &&
            out[i].byte_start < last->byte_end) {
            if (out[i].byte_end > last->byte_end)
                last->byte_end = out[i].byte_end;
            continue;
        }
        if (!last || out[i].slot != last->slot || out[i].byte_start != last->byte_start ||
            out[i].byte_end != last->byte_end) {
            if (kept != i)
                out[kept] = out[i];
            kept++;
        }
    }

    int walked_slot = -1, text_slot = kept ? out[0].slot : -1;
    uint32_t walk_byte = 0, walk_char = 0; /* zh-Hant cursor: spans of a slot come in order */
    field_text f = slot_text(m, kept ? out[0].slot : SHZ_IX_TITLE, set->lang);
    for (size_t i = 0; i < kept; i++) {
        span *s = &out[i];
        if (s->slot != text_slot) { /* spans come sorted by slot */
            f = slot_text(m, s->slot, set->lang);
            text_slot = s->slot;
        }
        uint32_t first = s->byte_start, last = s->byte_end - 1;
        s->char_start = shzi_ix_u32(shzi_ix.src_char, first);
        s->char_end = shzi_ix_u32(shzi_ix.src_char, last) + 1;
        s->lang = (uint8_t)f.lang;
        if (f.by_char) {
            /* Same character offsets, other bytes: walk the zh-Hant text. */
            if (walked_slot != s->slot || walk_char > s->char_start) {
                walked_slot = s->slot;
                walk_byte = walk_char = 0;
            }
            walk_byte = byte_of_char(f.text, f.len, walk_byte, walk_char, s->char_start);
            walk_char = s->char_start;
            s->byte_start = walk_byte;
            s->byte_end = byte_of_char(f.text, f.len, walk_byte, walk_char, s->char_end);
        } else {
            byte_range(&f, first, last, &s->byte_start, &s->byte_end);
        }
    }
    return kept;
}

/* ---- snippets ----------------------------------------------------------- */

typedef struct window {
    uint32_t start, end; /* bytes of the field text to show */
    uint32_t match_start, match_end;
    int cut_before, cut_after;
    const char *text;
} window;

/* The text around the hit's best match: SNIPPET_BEFORE searchable characters before it and
 * SNIPPET_AFTER after, or up to the field's ends. Positions come from the index's maps, so no
 * text is walked, except to carry character offsets over into zh-Hant. Written to *out, where
 * it is kept: a window returned by value and copied there would be read back wide right after
 * its fields were stored, which stalls the store forwarding. */
static void snippet_window(const szs_settings *set, const szs_hit *h, window *out)
{
    uint32_t m = szs_measure_of_hit(h);
    field_text f = slot_text(m, h->best_slot, set->lang);
    uint32_t seg = szs_seg_start(m, h->best_slot);
    uint32_t seg_end = szs_seg_start(m, h->best_slot + 1) - 1; /* its sentinel */
    window *w = out;
    *w = (window){0, f.len, 0, 0, 0, 0, f.text};
    if (seg_end == seg)
        return; /* an empty field */
    uint32_t first = h->best_pos, last = h->best_pos + (h->best_len ? h->best_len : 1) - 1;
    uint32_t from = first - seg > SNIPPET_BEFORE ? first - SNIPPET_BEFORE : seg;
    uint32_t to = seg_end - 1 - last > SNIPPET_AFTER ? last + SNIPPET_AFTER : seg_end - 1;
    /* A cut end falls between words, never inside one (Latin words; every Han character is
     * a word), and never on the separators (zeros) of the keywords and aliases. 1.0 cut at
     * characters, and its callers keep that. */
    unsigned need_start = set->legacy ? 0 : SHZ_IX_WORD_START;
    unsigned need_end = set->legacy ? 0 : SHZ_IX_WORD_END;
    while (from < first && (!szs_norm_at(from) || (szs_flags_at(from) & need_start) != need_start))
        from++;
    while (to > last && (!szs_norm_at(to) || (szs_flags_at(to) & need_end) != need_end))
        to--;
    w->cut_before = from > seg;
    w->cut_after = to < seg_end - 1;
    uint32_t unused;
    if (w->cut_before)
        byte_range(&f, from, from, &w->start, &unused);
    if (w->cut_after)
        byte_range(&f, to, to, &unused, &w->end);
    if (h->best_len) {
        byte_range(&f, first, last, &w->match_start, &w->match_end);
    } else {
        w->match_start = w->match_end = w->start;
    }
}

static void write_snippet(const window *w, hit_detail *d, char *out)
{
    size_t n = 0;
    if (w->cut_before) {
        memcpy(out, ellipsis, ELLIPSIS_LEN);
        n += ELLIPSIS_LEN;
    }
    d->match_start = (uint32_t)(n + (w->match_start - w->start));
    d->match_end = (uint32_t)(n + (w->match_end - w->start));
    memcpy(out + n, w->text + w->start, w->end - w->start);
    n += w->end - w->start;
    if (w->cut_after) {
        memcpy(out + n, ellipsis, ELLIPSIS_LEN);
        n += ELLIPSIS_LEN;
    }
    out[n] = '\0';
    d->snippet_len = (uint32_t)n;
}

/* ---- terms -------------------------------------------------------------- */

static size_t utf8_size(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static size_t encode_utf8(uint32_t cp, char *out)
{
    size_t n = utf8_size(cp);
    if (n == 1) {
        out[0] = (char)cp;
        return 1;
    }
    for (size_t i = n - 1; i > 0; i--) {
        out[i] = (char)(0x80 | (cp & 0x3F));
        cp >>= 6;
    }
    out[0] = (char)((n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | cp);
    return n;
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

/* ---- the search --------------------------------------------------------- */

/* What a 1.0 search with no hits returns, as 1.0 did: nothing to allocate, nothing to free. */
static const struct shz_results no_results = {0};

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* The most bytes hit h's snippet can take: its whole field, two ellipses and a NUL (from a
 * table of the index, not from the catalogue's texts, which a search does not otherwise read). */
static size_t snippet_room(const szs_hit *h)
{
    size_t field = (size_t)szs_measure_of_hit(h) * SHZ_IX_NSLOTS + h->best_slot;
    return shzi_ix_u32(shzi_ix.field_bytes, field) + 2 * ELLIPSIS_LEN + 1;
}

shz_status szs_run(const char *text, size_t len, const szs_settings *set, shz_results **results)
{
    szs_query q;
    shz_status status = set->mode == SHZ_SEARCH_ALL_TERMS ? szs_parse_literal(text, len, &q)
                                                          : szs_analyse(text, len, &q);
    if (status != SHZ_OK)
        return status;
    /* Over 1.0's fields alone, the terms walk only the postings in them. */
    int possible = set->mode == SHZ_SEARCH_ALL_TERMS ? szs_plan_literal(&q) : 1;

    uint16_t order[SZS_MAX_TERMS];
    size_t reported = reported_terms(&q, order);
    /* 1.0's results had no terms: its callers get none, and no allocation without hits. Their
     * spans still need them, kept unreported. */
    size_t public_terms = set->legacy ? 0 : reported;
    size_t term_chars = 0, term_text = 0;
    for (size_t i = 0; i < q.term_count; i++) {
        const szs_term *t = &q.terms[i];
        term_chars += t->len;
        if (!t->tolerant) {
            for (uint32_t k = 0; k < t->len; k++)
                term_text += utf8_size(q.chars[t->start + k]);
            term_text++;
        }
    }

    size_t bound = possible ? szs_hit_bound(&q) : 0;
    /* A limit below that: only the best `limit` are kept, so only they need room. */
    size_t keep = set->limit && set->limit < bound ? set->limit : 0;
    if (keep)
        bound = keep;
    size_t header = align8(sizeof(struct shz_results));
    szs_hit stack_hits[STACK_HITS];
    szs_hit *hits = stack_hits;
    unsigned char *block = NULL;
    if (bound > STACK_HITS) { /* too many for the stack: collect straight into the results */
        block = shzi_mem_alloc(header + bound * sizeof(szs_hit));
        if (!block)
            return SHZ_ERR_NO_MEMORY;
        hits = (szs_hit *)(block + header);
    }
    size_t kept = possible ? szs_collect(&q, set, hits, bound, keep) : 0;
    if (kept == 0 && public_terms == 0) {
        shzi_mem_dealloc(block);
        *results = (shz_results *)&no_results;
        return SHZ_OK;
    }

    /* Room for everything: kept hits, their details, spans and snippets (written when first
     * read), the terms and their texts. */
    size_t span_room = 0, text_room = term_text;
    for (size_t i = 0; i < kept; i++) {
        span_room += hits[i].occurrences;
        text_room += snippet_room(&hits[i]);
    }
    size_t details_at = align8(header + kept * sizeof(szs_hit));
    size_t spans_at = align8(details_at + kept * sizeof(hit_detail));
    size_t terms_at = align8(spans_at + span_room * sizeof(span));
    size_t order_at = terms_at + q.term_count * sizeof(term_entry);
    size_t chars_at = align8(order_at + public_terms * sizeof(uint16_t));
    size_t text_at = chars_at + term_chars * sizeof(uint32_t);
    size_t need = text_at + text_room;
    unsigned char *sized = block ? shzi_mem_realloc(block, need) : shzi_mem_alloc(need);
    if (!sized) {
        shzi_mem_dealloc(block);
        return SHZ_ERR_NO_MEMORY;
    }
    if (!block)
        memcpy(sized + header, stack_hits, kept * sizeof(szs_hit));
    block = sized;
    struct shz_results *r = (struct shz_results *)block;
    r->count = kept;
    r->hits = (szs_hit *)(block + header);
    r->details = (hit_detail *)(block + details_at);
    r->spans = (span *)(block + spans_at);
    r->term_count = public_terms;
    r->all_terms = q.term_count;
    r->terms = (term_entry *)(block + terms_at);
    r->order = (uint16_t *)(block + order_at);
    memcpy(r->order, order, public_terms * sizeof(uint16_t));
    r->term_chars = (uint32_t *)(block + chars_at);
    r->text = (char *)(block + text_at);
    r->set = *set;
    size_t spans_used = 0, text_used = 0, chars_used = 0;
    for (size_t i = 0; i < q.term_count; i++) {
        term_entry *e = &r->terms[i];
        const szs_term *t = &q.terms[i];
        e->term = *t;
        e->term.start = (uint32_t)chars_used;
        memcpy(r->term_chars + chars_used, q.chars + t->start, t->len * sizeof(uint32_t));
        chars_used += t->len;
        e->text_start = e->text_len = 0;
        if (t->tolerant)
            continue;
        e->text_start = (uint32_t)text_used;
        for (uint32_t k = 0; k < t->len; k++)
            text_used += encode_utf8(q.chars[t->start + k], r->text + text_used);
        e->text_len = (uint32_t)(text_used - e->text_start);
        r->text[text_used++] = '\0';
    }
    for (size_t i = 0; i < kept; i++) {
        hit_detail *d = &r->details[i];
        d->first_span = (uint32_t)spans_used;
        d->snippet_start = (uint32_t)text_used;
        d->span_count = d->snippet_len = d->match_start = d->match_end = 0;
        atomic_init(&d->state, DETAIL_PENDING);
        spans_used += r->hits[i].occurrences;
        text_used += snippet_room(&r->hits[i]);
    }
    *results = r;
    return SHZ_OK;
}

/* ---- details, on first reading ------------------------------------------ */

/* Writes hit index's spans and snippet into their room, once: the first reader claims the hit
 * and writes them, and any other reader waits until they are published. The results are the
 * caller's const object, but their block is ours and was allocated writable. */
static const hit_detail *detail_of(const shz_results *results, size_t index)
{
    hit_detail *d = &((shz_results *)results)->details[index];
    if (atomic_load_explicit(&d->state, memory_order_acquire) == DETAIL_READY)
        return d;
    unsigned char expected = DETAIL_PENDING;
    if (atomic_compare_exchange_strong_explicit(&d->state, &expected, DETAIL_BUSY,
                                                memory_order_acquire, memory_order_acquire)) {
        const szs_hit *h = &results->hits[index];
        d->span_count = (uint32_t)write_spans(results, h, results->spans + d->first_span);
        window w;
        snippet_window(&results->set, h, &w);
        write_snippet(&w, d, results->text + d->snippet_start);
        atomic_store_explicit(&d->state, DETAIL_READY, memory_order_release);
        return d;
    }
    while (atomic_load_explicit(&d->state, memory_order_acquire) != DETAIL_READY)
        ; /* another reader is writing them: a few microseconds at most */
    return d;
}

/* ---- accessors ---------------------------------------------------------- */

void shz_results_free(shz_results *results)
{
    if (results != &no_results)
        shzi_mem_dealloc(results);
}

static const szs_hit *hit_at(const shz_results *results, size_t index)
{
    return results && index < results->count ? &results->hits[index] : NULL;
}

size_t shz_results_count(const shz_results *results)
{
    return results ? results->count : 0;
}

const shz_measure *shz_results_measure(const shz_results *results, size_t index)
{
    const szs_hit *h = hit_at(results, index);
    return h ? &shzi_measures[szs_measure_of_hit(h)] : NULL;
}

int64_t shz_results_score(const shz_results *results, size_t index)
{
    const szs_hit *h = hit_at(results, index);
    return h ? (int64_t)(h->key >> SZS_MEASURE_BITS) : 0;
}

shz_field shz_results_field(const shz_results *results, size_t index)
{
    const szs_hit *h = hit_at(results, index);
    return h ? field_of_slot(h->best_slot) : (shz_field)0;
}

unsigned shz_results_match(const shz_results *results, size_t index)
{
    const szs_hit *h = hit_at(results, index);
    return h ? h->match : 0;
}

size_t shz_results_span_count(const shz_results *results, size_t index)
{
    const szs_hit *h = hit_at(results, index);
    return h ? detail_of(results, index)->span_count : 0;
}

static shz_status span_at(const shz_results *results, size_t index, size_t which, const span **out)
{
    if (!results)
        return SHZ_ERR_INVALID_ARG;
    if (!hit_at(results, index))
        return SHZ_ERR_NOT_FOUND;
    const hit_detail *d = detail_of(results, index);
    if (which >= d->span_count)
        return SHZ_ERR_NOT_FOUND;
    *out = &results->spans[d->first_span + which];
    return SHZ_OK;
}

shz_status shz_results_span(const shz_results *results, size_t index, size_t which,
                            shz_field *field, size_t *byte_start, size_t *byte_end,
                            size_t *char_start, size_t *char_end)
{
    const span *s;
    shz_status status = span_at(results, index, which, &s);
    if (status != SHZ_OK)
        return status;
    if (field)
        *field = field_of_slot(s->slot);
    if (byte_start)
        *byte_start = s->byte_start;
    if (byte_end)
        *byte_end = s->byte_end;
    if (char_start)
        *char_start = s->char_start;
    if (char_end)
        *char_end = s->char_end;
    return SHZ_OK;
}

shz_status shz_results_span_lang(const shz_results *results, size_t index, size_t which,
                                 shz_lang *lang)
{
    if (!lang)
        return SHZ_ERR_INVALID_ARG;
    const span *s;
    shz_status status = span_at(results, index, which, &s);
    if (status == SHZ_OK)
        *lang = (shz_lang)s->lang;
    return status;
}

shz_status shz_results_snippet(const shz_results *results, size_t index, const char **text,
                               size_t *len)
{
    if (!results || !text)
        return SHZ_ERR_INVALID_ARG;
    if (!hit_at(results, index))
        return SHZ_ERR_NOT_FOUND;
    const hit_detail *d = detail_of(results, index);
    *text = results->text + d->snippet_start;
    if (len)
        *len = d->snippet_len;
    return SHZ_OK;
}

shz_status shz_results_snippet_match(const shz_results *results, size_t index, size_t *byte_start,
                                     size_t *byte_end)
{
    if (!results)
        return SHZ_ERR_INVALID_ARG;
    if (!hit_at(results, index))
        return SHZ_ERR_NOT_FOUND;
    const hit_detail *d = detail_of(results, index);
    if (byte_start)
        *byte_start = d->match_start;
    if (byte_end)
        *byte_end = d->match_end;
    return SHZ_OK;
}

size_t shz_results_term_count(const shz_results *results)
{
    return results ? results->term_count : 0;
}

shz_status shz_results_term(const shz_results *results, size_t term, const char **text, size_t *len)
{
    if (!results || !text)
        return SHZ_ERR_INVALID_ARG;
    if (term >= results->term_count)
        return SHZ_ERR_NOT_FOUND;
    const term_entry *e = &results->terms[results->order[term]];
    *text = results->text + e->text_start;
    if (len)
        *len = e->text_len;
    return SHZ_OK;
}

size_t shz_results_term_measures(const shz_results *results, size_t term)
{
    if (!results || term >= results->term_count)
        return 0;
    return szs_term_measures(&results->terms[results->order[term]].term, results->term_chars,
                             results->set.slot_mask);
}

unsigned shz_results_hit_term(const shz_results *results, size_t index, size_t term)
{
    const szs_hit *h = hit_at(results, index);
    if (!h || term >= results->term_count)
        return 0;
    if (results->set.mode == SHZ_SEARCH_ALL_TERMS)
        return 1; /* every hit holds every term */
    uint64_t bit = UINT64_C(1) << results->terms[results->order[term]].term.origin;
    return h->exact_terms & bit ? 1 : h->tolerant_terms & bit ? 2 : 0;
}
