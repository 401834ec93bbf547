/*
 * Results: the hits' spans (exact byte and character offsets into the
 * original texts) and snippets, and the accessors of the public API.
 *
 * A search ranks; it does not cut snippets or map spans, which cost more than
 * the ranking and which many callers (ids and titles only) never read. Its
 * block reserves room for them (run.c), and a hit's spans and snippet are
 * written there the first time any of them is read, under the results' lock:
 * readers on other threads block on it (they do not spin) until they are.
 */
#include <stdlib.h>

#include "alloc.h"
#include "catalogue_data.h"
#include "search_int.h"

enum { SNIPPET_BEFORE = 20, SNIPPET_AFTER = 40 }; /* code points of context around a match */

static const char ellipsis[] = "\xE2\x80\xA6"; /* … */

/* ---- texts -------------------------------------------------------------- */

typedef struct field_text {
    const char *text;
    uint32_t len;
    shz_lang lang;
    int by_char;         /* zh-Hant carried over by character offsets: bytes found by walking */
    const char *indexed; /* the text the index's byte offsets (src_byte) point into */
} field_text;

/* The text of a slot in the language spans use, and that language. */
static inline field_text slot_text(uint32_t m, int slot, shz_lang want)
{
    const struct shz_measure *ms = &shzi_measures[m];
    unsigned char hant = shzi_ix_blob[shzi_ix.hant + m];
    shzi_str str;
    field_text f = {NULL, 0, SHZ_LANG_EN, 0, NULL};
    switch (slot) {
    case SHZ_IX_TITLE:
    case SHZ_IX_BODY: {
        int ok = want == SHZ_LANG_ZH_HANT &&
                 (hant & (slot == SHZ_IX_TITLE ? SHZ_IX_HANT_TITLE : SHZ_IX_HANT_BODY));
        f.lang = ok ? SHZ_LANG_ZH_HANT : SHZ_LANG_ZH_HANS;
        f.by_char = ok;
        str = slot == SHZ_IX_TITLE ? ms->title[f.lang] : ms->body[f.lang];
        f.indexed = shzi_str_ptr(slot == SHZ_IX_TITLE ? ms->title[SHZ_LANG_ZH_HANS]
                                                      : ms->body[SHZ_LANG_ZH_HANS]);
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
    case SHZ_IX_TERMS:
    case SHZ_IX_TERMS_PINYIN:
    case SHZ_IX_TERMS_INITIALS: {
        /* Keywords and aliases, joined: a text of the index, not of the catalogue. Their pinyin's
         * positions point into it too. */
        uint32_t from = shzi_ix_u32(shzi_ix.terms_text, m);
        uint32_t to = shzi_ix_u32(shzi_ix.terms_text, (size_t)m + 1);
        f.text = (const char *)shzi_ix_blob + shzi_ix.terms_bytes + from;
        f.len = to - from;
        f.lang = SHZ_LANG_ZH_HANS;
        f.indexed = f.text;
        return f;
    }
    default:
        str = ms->summary_en;
        break;
    }
    f.text = shzi_str_ptr(str);
    f.len = str.len;
    if (!f.indexed)
        f.indexed = f.text;
    return f;
}

static shz_field field_of_slot(int slot)
{
    static const unsigned char fields[SHZ_IX_NSLOTS] = {
        [SHZ_IX_TITLE] = SHZ_FIELD_TITLE,
        [SHZ_IX_TITLE_EN] = SHZ_FIELD_TITLE,
        [SHZ_IX_PINYIN] = SHZ_FIELD_PINYIN,
        [SHZ_IX_INITIALS] = SHZ_FIELD_PINYIN_INITIALS,
        [SHZ_IX_BODY] = SHZ_FIELD_BODY,
        [SHZ_IX_SUMMARY] = SHZ_FIELD_SUMMARY,
        [SHZ_IX_TERMS] = SHZ_FIELD_ALIASES,
        [SHZ_IX_BODY_EN] = SHZ_FIELD_BODY,
        [SHZ_IX_TERMS_PINYIN] = SHZ_FIELD_PINYIN,
        [SHZ_IX_TERMS_INITIALS] = SHZ_FIELD_PINYIN_INITIALS,
    };
    return (shz_field)fields[slot];
}

/* The field whose text a snippet of the slot is cut from: the keywords' pinyin shows the
 * keywords and aliases it spells. */
static shz_field text_field_of_slot(int slot)
{
    return slot == SHZ_IX_TERMS_PINYIN || slot == SHZ_IX_TERMS_INITIALS ? SHZ_FIELD_ALIASES
                                                                        : field_of_slot(slot);
}

/* Byte offset of character index chars in s, walking from a known (byte, char) point before it. */
static uint32_t byte_of_char(const char *s, uint32_t len, uint32_t from_byte, uint32_t from_char,
                             uint32_t chars)
{
    if (chars <= from_char || from_byte >= len)
        return from_byte;
    return (uint32_t)shzi_utf8_advance(s, len, from_byte, chars - from_char);
}

/* The character offset of byte offset byte of s (a character's first byte), counting its
 * characters' first bytes from a known (byte, char) point before it. The index keeps byte
 * offsets only: a character offset is needed for a hit's details alone, read once. */
static uint32_t char_of_byte(const char *s, uint32_t from_byte, uint32_t from_char, uint32_t byte)
{
    uint32_t chars = from_char, i = from_byte;
    for (; byte - i >= 8 && i < byte; i += 8) { /* eight bytes at a time */
        uint64_t w;
        memcpy(&w, s + i, sizeof w);
        /* A continuation byte is 10xxxxxx: its top bit set, the one below it clear. Their
         * count: a 1 in each such byte, summed into the top byte by one multiplication (no
         * popcount instruction is assumed). */
        uint64_t continuation = (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
        chars += 8 - (uint32_t)((continuation * UINT64_C(0x0101010101010101)) >> 56);
    }
    for (; i < byte; i++)
        chars += ((unsigned char)s[i] & 0xC0u) != 0x80u;
    return chars;
}

/* The character offset of normalized position p's original in its field's indexed text. */
static inline uint32_t char_of_position(const field_text *f, uint32_t p)
{
    return char_of_byte(f->indexed, 0, 0, shzi_ix_u16(shzi_ix.src_byte, p));
}

/* The bytes of the original text of normalized positions [first, last] in f. */
static inline void byte_range(const field_text *f, uint32_t first, uint32_t last, uint32_t *start,
                              uint32_t *end)
{
    if (f->by_char) {
        uint32_t c0 = char_of_position(f, first);
        uint32_t last_byte = shzi_ix_u16(shzi_ix.src_byte, last);
        uint32_t c1 =
            char_of_byte(f->indexed, shzi_ix_u16(shzi_ix.src_byte, first), c0, last_byte) + 1;
        *start = byte_of_char(f->text, f->len, 0, 0, c0);
        *end = byte_of_char(f->text, f->len, *start, c0, c1);
        return;
    }
    uint32_t last_byte = shzi_ix_u16(shzi_ix.src_byte, last);
    *start = shzi_ix_u16(shzi_ix.src_byte, first);
    *end = (uint32_t)shzi_utf8_advance(f->text, f->len, last_byte, 1);
}

/* ---- spans -------------------------------------------------------------- */

static int span_before(const szs_span *a, const szs_span *b)
{
    if (a->slot != b->slot)
        return a->slot < b->slot;
    if (a->byte_start != b->byte_start) /* still normalized positions while sorting */
        return a->byte_start < b->byte_start;
    return a->byte_end < b->byte_end;
}

static void sort_spans(szs_span *s, size_t n)
{
    /* Insertion sort: spans of one term arrive sorted, so the runs to merge are few. A span
     * already in place is not copied out and back (it was just written field by field: read
     * back whole, it would stall the store forwarding). */
    for (size_t i = 1; i < n; i++) {
        if (!span_before(&s[i], &s[i - 1]))
            continue;
        szs_span x = s[i];
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
                       uint32_t m, uint32_t first, const szs_row *row, szs_span *out, size_t *n,
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
        if (!shzi_ix_slot_has_spans((unsigned)slot) || !(set->slot_mask & (1u << slot)))
            continue;
        uint32_t p = t->kind == SZS_GRAM && t->len <= 2 /* a gram is its own posting */
                         ? szs_posting_at(c, row->seg[slot])
                         : szs_occurrence_at(t, chars, c, row->seg[slot]);
        if (p != SZS_NO_POSITION)
            out[(*n)++] = (szs_span){p, p + t->len, 0, 0, (uint8_t)slot, 0};
    }
    for (uint32_t s = szs_gallop(shzi_ix.word_info, t->stem_begin, t->stem_end, target);
         s < t->stem_end && *n < room; s++) {
        uint32_t info = shzi_ix_u32(shzi_ix.word_info, s);
        if (szs_info_measure(info) != m)
            break;
        int slot = szs_info_slot(info);
        if (!shzi_ix_slot_has_spans((unsigned)slot) || !(set->slot_mask & (1u << slot)))
            continue;
        uint32_t p = shzi_ix_u32(shzi_ix.word_postings, s);
        out[(*n)++] = (szs_span){p, p + szs_word_length(p), 0, 0, (uint8_t)slot, 0};
    }
}

/* Where a snippet is centred and what its mark covers: normalized positions in a slot. */
typedef struct focus {
    int slot;
    uint32_t pos, len;
} focus;

/* The English text of the same field as zh slot, or slot itself. */
static int english_twin(int slot)
{
    return slot == SHZ_IX_TITLE ? SHZ_IX_TITLE_EN : slot == SHZ_IX_BODY ? SHZ_IX_BODY_EN : slot;
}

/* Chooses the snippet's focus among the hit's normalized spans (sorted, merged): in the hit's
 * best field, in its English text when English is asked for and the hit matched there; the
 * longest run of spans next to each other (no searchable character between them: the terms
 * of a phrase, which normalization joins), the earliest of equals. Scoring keeps only the
 * first best term, so a query's later terms were outside the mark. 1.0's search, and
 * all-terms mode in Chinese, keep the scoring's match. */
static void choose_focus(const shz_results *r, const szs_hit *h, const szs_span *s, size_t n,
                         focus *out)
{
    *out = (focus){h->best_slot, h->best_pos, h->best_len};
    const szs_settings *set = &r->set;
    int slot = h->best_slot;
    if (set->lang == SHZ_LANG_EN && english_twin(slot) != slot) {
        for (size_t i = 0; i < n; i++)
            if (s[i].slot == english_twin(slot)) {
                slot = english_twin(slot);
                break;
            }
    }
    if (set->legacy || (set->mode != SHZ_SEARCH_BEST && slot == h->best_slot))
        return;
    uint32_t best_len = 0, run_start = 0, run_end = 0;
    int in_run = 0;
    for (size_t i = 0; i <= n; i++) {
        int here = i < n && s[i].slot == slot;
        if (here && in_run && s[i].byte_start <= run_end) {
            if (s[i].byte_end > run_end)
                run_end = s[i].byte_end;
            continue;
        }
        if (in_run && run_end - run_start > best_len) {
            best_len = run_end - run_start;
            *out = (focus){slot, run_start, best_len};
        }
        in_run = here;
        if (here) {
            run_start = s[i].byte_start;
            run_end = s[i].byte_end;
        }
    }
}

/* Writes the spans of hit h (normalized first, then mapped to the original text); returns how
 * many, at most h->occurrences, and the snippet's focus. All-terms mode keeps every distinct
 * match; best match merges overlapping ones (the bigrams of one word) into one. */
static size_t write_spans(const shz_results *r, const szs_hit *h, szs_span *out, focus *where)
{
    const szs_settings *set = &r->set;
    uint32_t m = szs_measure_of_hit(h);
    size_t n = 0;
    szs_row row;
    szs_load_row(m, &row);
    for (size_t i = 0; i < r->all_terms; i++) {
        const szs_term *t = &r->terms[i];
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
        szs_span *last = kept ? &out[kept - 1] : NULL;
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
    choose_focus(r, h, out, kept, where);

    int walked_slot = -1, text_slot = kept ? out[0].slot : -1;
    uint32_t walk_byte = 0, walk_char = 0;   /* zh-Hant cursor: spans of a slot come in order */
    uint32_t count_byte = 0, count_char = 0; /* the same in the indexed text */
    field_text f = slot_text(m, kept ? out[0].slot : SHZ_IX_TITLE, set->lang);
    for (size_t i = 0; i < kept; i++) {
        szs_span *s = &out[i];
        if (s->slot != text_slot) { /* spans come sorted by slot */
            f = slot_text(m, s->slot, set->lang);
            text_slot = s->slot;
            count_byte = count_char = 0;
        }
        uint32_t first = s->byte_start, last = s->byte_end - 1;
        uint32_t first_byte = shzi_ix_u16(shzi_ix.src_byte, first);
        uint32_t last_byte = shzi_ix_u16(shzi_ix.src_byte, last);
        if (first_byte < count_byte) /* merged spans may overlap: count from the start again */
            count_byte = count_char = 0;
        s->char_start = char_of_byte(f.indexed, count_byte, count_char, first_byte);
        s->char_end = char_of_byte(f.indexed, first_byte, s->char_start, last_byte) + 1;
        count_byte = first_byte;
        count_char = s->char_start;
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
    uint32_t char_start; /* and the character offset of start */
    uint32_t match_start, match_end;
    int cut_before, cut_after;
    const char *text;
    shz_lang lang; /* of the text */
} window;

/* The text around the hit's best match: SNIPPET_BEFORE searchable characters before it and
 * SNIPPET_AFTER after, or up to the field's ends. Positions come from the index's maps, so no
 * text is walked, except to carry character offsets over into zh-Hant. Written to *out, where
 * it is kept: a window returned by value and copied there would be read back wide right after
 * its fields were stored, which stalls the store forwarding. */
static void snippet_window(const szs_settings *set, uint32_t m, const focus *at, window *out)
{
    field_text f = slot_text(m, at->slot, set->lang);
    uint32_t seg = szs_seg_start(m, at->slot);
    uint32_t seg_end = szs_seg_start(m, at->slot + 1) - 1; /* its sentinel */
    window *w = out;
    *w = (window){0, f.len, 0, 0, 0, 0, 0, f.text, f.lang};
    if (seg_end == seg)
        return; /* an empty field */
    uint32_t first = at->pos, last = at->pos + (at->len ? at->len : 1) - 1;
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
    if (w->cut_before) {
        byte_range(&f, from, from, &w->start, &unused);
        w->char_start = char_of_position(&f, from);
    }
    if (w->cut_after)
        byte_range(&f, to, to, &unused, &w->end);
    if (at->len) {
        byte_range(&f, first, last, &w->match_start, &w->match_end);
    } else {
        w->match_start = w->match_end = w->start;
    }
}

static void write_snippet(const window *w, szs_detail *d, char *out)
{
    size_t n = 0;
    if (w->cut_before) {
        memcpy(out, ellipsis, SZS_ELLIPSIS_LEN);
        n += SZS_ELLIPSIS_LEN;
    }
    d->match_start = (uint32_t)(n + (w->match_start - w->start));
    d->match_end = (uint32_t)(n + (w->match_end - w->start));
    memcpy(out + n, w->text + w->start, w->end - w->start);
    n += w->end - w->start;
    if (w->cut_after) {
        memcpy(out + n, ellipsis, SZS_ELLIPSIS_LEN);
        n += SZS_ELLIPSIS_LEN;
    }
    out[n] = '\0';
    d->snippet_len = (uint32_t)n;
}

/* ---- details, on first reading ------------------------------------------ */

/* Writes hit index's spans and snippet into their room, once: the first reader writes them
 * under the results' lock, and a reader that comes meanwhile waits on the lock. The results are
 * the caller's const object, but their block is ours and was allocated writable. */
static const szs_detail *detail_of(const shz_results *results, size_t index)
{
    shz_results *r = (shz_results *)results;
    szs_detail *d = &r->details[index];
    if (atomic_load_explicit(&d->ready, memory_order_acquire))
        return d;
    pthread_mutex_lock(&r->detail_lock);
    if (!atomic_load_explicit(&d->ready, memory_order_relaxed)) {
        const szs_hit *h = &r->hits[index];
        focus at;
        d->span_count = (uint32_t)write_spans(r, h, r->spans + d->first_span, &at);
        window w;
        snippet_window(&r->set, szs_measure_of_hit(h), &at, &w);
        write_snippet(&w, d, r->text + d->snippet_start);
        d->origin_byte = w.start;
        d->origin_char = w.char_start;
        d->origin_lang = (uint8_t)w.lang;
        atomic_store_explicit(&d->ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&r->detail_lock);
    return d;
}

/* ---- accessors ---------------------------------------------------------- */

void shz_results_free(shz_results *results)
{
    if (results && results != &szs_no_results) {
        pthread_mutex_destroy(&results->detail_lock);
        shzi_mem_dealloc(results);
    }
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

double shz_results_relevance(const shz_results *results, size_t index)
{
    const szs_hit *h = hit_at(results, index);
    if (!h)
        return 0;
    return results->set.mode == SHZ_SEARCH_BEST ? szs_relevance_of_key(h->key) : 1.0;
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

static shz_status span_at(const shz_results *results, size_t index, size_t which,
                          const szs_span **out)
{
    if (!results)
        return SHZ_ERR_INVALID_ARG;
    if (!hit_at(results, index))
        return SHZ_ERR_NOT_FOUND;
    const szs_detail *d = detail_of(results, index);
    if (which >= d->span_count)
        return SHZ_ERR_NOT_FOUND;
    *out = &results->spans[d->first_span + which];
    return SHZ_OK;
}

shz_status shz_results_span(const shz_results *results, size_t index, size_t which,
                            shz_field *field, size_t *byte_start, size_t *byte_end,
                            size_t *char_start, size_t *char_end)
{
    const szs_span *s;
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
    const szs_span *s;
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
    const szs_detail *d = detail_of(results, index);
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
    const szs_detail *d = detail_of(results, index);
    if (byte_start)
        *byte_start = d->match_start;
    if (byte_end)
        *byte_end = d->match_end;
    return SHZ_OK;
}

shz_status shz_results_snippet_origin(const shz_results *results, size_t index, shz_field *field,
                                      shz_lang *lang, size_t *byte_start, size_t *char_start)
{
    if (!results)
        return SHZ_ERR_INVALID_ARG;
    const szs_hit *h = hit_at(results, index);
    if (!h)
        return SHZ_ERR_NOT_FOUND;
    const szs_detail *d = detail_of(results, index);
    if (field)
        *field = text_field_of_slot(h->best_slot);
    if (lang)
        *lang = (shz_lang)d->origin_lang;
    if (byte_start)
        *byte_start = d->origin_byte;
    if (char_start)
        *char_start = d->origin_char;
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
    const szs_term_text *e = &results->texts[results->order[term]];
    *text = results->text + e->start;
    if (len)
        *len = e->len;
    return SHZ_OK;
}

size_t shz_results_term_measures(const shz_results *results, size_t term)
{
    if (!results || term >= results->term_count)
        return 0;
    return szs_term_measures(&results->terms[results->order[term]], results->term_chars,
                             results->set.slot_mask);
}

unsigned shz_results_hit_term(const shz_results *results, size_t index, size_t term)
{
    const szs_hit *h = hit_at(results, index);
    if (!h || term >= results->term_count)
        return 0;
    if (results->set.mode == SHZ_SEARCH_ALL_TERMS)
        return 1; /* every hit holds every term */
    uint64_t bit = UINT64_C(1) << results->terms[results->order[term]].origin;
    return h->exact_terms & bit ? 1 : h->tolerant_terms & bit ? 2 : 0;
}

/* ---- explain ------------------------------------------------------------ */

/* Sets *pick to slot if it has none yet or slot ranks better. */
static void keep_better_slot(int *pick, int slot)
{
    if (*pick < 0 || shzi_ix_slot_rank((unsigned)slot) < shzi_ix_slot_rank((unsigned)*pick))
        *pick = slot;
}

/* Term t's strength in measure m (szs_strength, as score_best computes it from its
 * occurrences), the slot it is best found in and whether only by its stem; 0 if it is not
 * there. */
static int term_strength(const shz_results *r, const szs_term *t, uint32_t m, double *strength,
                         int *best_slot, int *stem_only)
{
    uint32_t exact[SHZ_IX_NSLOTS] = {0}, stem[SHZ_IX_NSLOTS] = {0};
    unsigned mask = szs_term_slots(t, r->set.slot_mask);
    uint32_t target = m << SHZ_IX_INFO_MEASURE_SHIFT;
    for (uint32_t c = szs_gallop(shzi_ix.post_info, t->post_begin, t->post_end, target);
         c < t->post_end; c++) {
        uint32_t info = shzi_ix_u32(shzi_ix.post_info, c);
        if (szs_info_measure(info) != m)
            break;
        int slot = szs_info_slot(info);
        if (!(mask & (1u << slot)))
            continue;
        if (t->kind == SZS_GRAM && t->len <= 2) {
            exact[slot]++;
            continue;
        }
        if (szs_occurrence_at(t, r->term_chars, c, szs_seg_start(m, slot)) != SZS_NO_POSITION)
            exact[slot]++;
    }
    for (uint32_t s = szs_gallop(shzi_ix.word_info, t->stem_begin, t->stem_end, target);
         s < t->stem_end; s++) {
        uint32_t info = shzi_ix_u32(shzi_ix.word_info, s);
        if (szs_info_measure(info) != m)
            break;
        if (mask & (1u << szs_info_slot(info)))
            stem[szs_info_slot(info)]++;
    }
    double tf = 0;
    /* The best slot by rank holding the term exactly, by its stem only, and naming it (a title,
     * keyword or alias: it then holds fully, and that field is the one that says why, even where
     * the body or summary, shown first in a snippet, has it too). */
    int named_slot = -1, exact_slot = -1, stem_slot = -1;
    for (int slot = 0; slot < SHZ_IX_NSLOTS; slot++) {
        uint32_t n = exact[slot];
        if (!n && !stem[slot])
            continue;
        double weighted = n;
        if (stem[slot] > n)
            weighted += (stem[slot] - n) * (SZS_STEM_PERCENT / 100.0);
        tf += shzi_ix_tf_part(
            weighted, shzi_ix_u32(shzi_ix.field_scale, (size_t)m * SHZ_IX_NSLOTS + (size_t)slot));
        keep_better_slot(n ? &exact_slot : &stem_slot, slot);
        if ((1u << slot) & SZS_NAMING_SLOTS)
            keep_better_slot(&named_slot, slot);
    }
    if (exact_slot < 0 && stem_slot < 0)
        return 0;
    int best = exact_slot >= 0 ? exact_slot : stem_slot;
    *best_slot = named_slot >= 0 && !((1u << best) & SZS_NAMING_SLOTS) ? named_slot : best;
    *stem_only = exact_slot < 0;
    *strength =
        szs_strength(t, named_slot >= 0 ? 1 : szs_saturation(t->idf, shzi_ix_bm25(t->idf, tf)));
    return 1;
}

/* Whether reported term o of hit h is in a phrase of two words found in its measure (they then
 * hold fully, as score_best has it). */
static int in_phrase(const shz_results *r, const szs_hit *h, size_t o, uint32_t m)
{
    const szs_query *q = r->query;
    for (size_t i = 0; i < q->pair_count; i++) {
        const szs_pair *pair = &q->pairs[i];
        uint64_t both = UINT64_C(1) << pair->a | UINT64_C(1) << pair->b;
        if ((pair->a != o && pair->b != o) || (h->exact_terms & both) != both ||
            r->terms[pair->a].kind != SZS_WORD || r->terms[pair->b].kind != SZS_WORD)
            continue;
        const szs_term *a = &r->terms[pair->a];
        uint32_t first = szs_gallop(shzi_ix.post_info, a->post_begin, a->post_end,
                                    m << SHZ_IX_INFO_MEASURE_SHIFT);
        if (szs_phrase_in(q, &r->set, pair, m, first))
            return 1;
    }
    return 0;
}

/* How firmly hit h holds reported term o (0 when it does not), the field and how
 * (SHZ_EXPLAIN_*) it is best held. */
static double held_strength(const shz_results *results, const szs_hit *h, size_t o,
                            shz_field *field, unsigned *how)
{
    uint32_t m = szs_measure_of_hit(h);
    const szs_term *t = &results->terms[o];
    double strength = 0;
    int slot = 0, stem_only = 0;
    if (h->exact_terms >> o & 1) {
        if (term_strength(results, t, m, &strength, &slot, &stem_only)) {
            *how = stem_only ? SHZ_EXPLAIN_STEM : SHZ_EXPLAIN_EXACT;
            *field = field_of_slot(slot);
            if (in_phrase(results, h, o, m))
                strength = szs_strength(t, 1);
        }
    } else if (h->tolerant_terms >> o & 1) {
        for (size_t i = 0; i < results->all_terms; i++) {
            const szs_term *alt = &results->terms[i];
            double st;
            int s, only;
            if (!alt->tolerant || alt->origin != o ||
                !term_strength(results, alt, m, &st, &s, &only) || st <= strength)
                continue;
            strength = st;
            *how = SHZ_EXPLAIN_TOLERANT;
            *field = field_of_slot(s);
        }
    }
    return strength;
}

/* What a term's weight times its strength is multiplied by to give its contribution to hit h's
 * relevance: 1, except for a hit of a long query that holds more than the query's measure
 * (szs_weigh), whose relevance is 1: then the contributions are scaled to add up to it. */
static double contribution_scale(const shz_results *results, const szs_hit *h)
{
    if (results->measure >= results->weight || szs_relevance_of_key(h->key) < 1)
        return 1;
    double held = 0;
    for (size_t o = 0; o < results->term_count; o++) {
        shz_field field;
        unsigned how;
        held += results->terms[o].weight * held_strength(results, h, o, &field, &how);
    }
    held /= (double)results->measure;
    return held > 1 ? 1 / held : 1;
}

shz_status shz_results_explain(const shz_results *results, size_t index, size_t term,
                               shz_field *field, unsigned *how, double *weight,
                               double *contribution)
{
    if (!results)
        return SHZ_ERR_INVALID_ARG;
    const szs_hit *h = hit_at(results, index);
    if (!h || term >= results->term_count)
        return SHZ_ERR_NOT_FOUND;
    shz_field got_field = (shz_field)0;
    unsigned got_how = SHZ_EXPLAIN_NONE;
    double share = 0, held = 0;
    if (results->set.mode != SHZ_SEARCH_BEST) { /* every term, literally: equal shares */
        share = held = 1.0 / (double)results->term_count;
        got_how = SHZ_EXPLAIN_EXACT;
        got_field = field_of_slot(h->best_slot);
    } else {
        size_t o = results->order[term];
        share = results->measure ? results->terms[o].weight / (double)results->measure : 0;
        double strength = held_strength(results, h, o, &got_field, &got_how);
        held = strength > 0 ? share * strength * contribution_scale(results, h) : 0;
    }
    if (field)
        *field = got_field;
    if (how)
        *how = got_how;
    if (weight)
        *weight = share;
    if (contribution)
        *contribution = held;
    return SHZ_OK;
}
