/*
 * Text search over the compiled-in index (index_data.h).
 *
 * A query is split into terms, each normalized like the text. A term of one
 * character is looked up directly; a longer one through the rarest of its
 * bigrams, every candidate position then checked against the stored
 * normalized text, so matching is exact at any length. Measures are visited
 * in order, leapfrogging between the terms' candidates, so a query costs in
 * proportion to the postings of its rarest grams, never to the whole text.
 *
 * Ranking (README "Ranking"): for a hit, T = query terms found in a title-like
 * field (zh or en title, pinyin, initials), O = occurrences of all terms in
 * the searched fields, P = code point offset of the earliest match in the
 * best field (the first of: title, en title, pinyin, initials, body,
 * summary). score = T * 2^31 + min(O, 65535) * 2^15 + (32767 - min(P, 32767));
 * higher is better, ties go to the lower id.
 *
 * Memory: the query's working set lives on the stack (sized from
 * SHZ_QUERY_MAX); the only heap block is the results object, allocated once
 * and resized at most once. No global mutable state.
 */
#include "shenzhen.h"

#include <stdlib.h>
#include <string.h>

#include "catalogue_data.h"
#include "index_data.h"
#include "normalize.h"
#include "utf8.h"

enum { MAX_TERMS = SHZ_QUERY_MAX / 2 + 1 };       /* "a a a …": one term per two bytes */
enum { SNIPPET_BEFORE = 20, SNIPPET_AFTER = 40 }; /* code points of context around a match */
enum { MEASURE_BITS = 20 }; /* of a hit's sort key (checked by the generator) */
#define NO_POSITION UINT32_MAX

static const char ellipsis[] = "\xE2\x80\xA6"; /* … */
enum { ELLIPSIS_LEN = 3 };

typedef struct term {
    uint32_t start, len;           /* in the normalized query */
    uint32_t rare_offset;          /* where in the term the gram driving the search starts */
    uint32_t post_begin, post_end; /* postings of that gram */
    uint32_t cursor;               /* next posting to consider, only ever moves forward */
} term;

/* A matching measure as scoring finds it; what ranking and sizing the results need. */
typedef struct hit {
    uint64_t key; /* score << MEASURE_BITS | (2^MEASURE_BITS - 1 - measure): larger is better */
    uint32_t occurrences; /* exactly the spans: two terms never match the same (start, end) */
    uint32_t best_pos;    /* the earliest match in the best field, normalized position */
    uint32_t best_len;    /* and its length, the shortest term matching there */
    uint8_t best_slot;
} hit;

/* What the results add to a kept hit. */
typedef struct hit_detail {
    uint32_t first_span, span_count;
    uint32_t snippet_start, snippet_len;
    uint32_t match_start, match_end; /* in the snippet */
} hit_detail;

typedef struct span {
    uint32_t byte_start, byte_end, char_start, char_end;
    uint8_t slot;
    uint8_t lang;
} span;

struct shz_results {
    size_t count;
    hit *hits;
    hit_detail *details;
    span *spans;
    char *text;
};

/* What a search with no hits returns: nothing to allocate, nothing to free. */
static const struct shz_results no_results = {0, NULL, NULL, NULL, NULL};

/* Hits collected on the stack when this many can hold them all; else in the results block. */
enum { STACK_HITS = 256 };

/* ---- index access ------------------------------------------------------- */

static uint32_t norm_at(uint32_t position)
{
    return shz_ix_u32(shz_ix.norm, position);
}

static uint32_t posting_at(uint32_t index)
{
    return shz_ix_u32(shz_ix.postings, index);
}

static uint32_t seg_start(uint32_t measure, int slot)
{
    return shz_ix_u32(shz_ix.seg_start, (size_t)measure * SHZ_IX_NSLOTS + (size_t)slot);
}

/* Where the posting at index i is (index_data.h, post_info). */
static uint32_t info_at(uint32_t index)
{
    return shz_ix_u32(shz_ix.post_info, index);
}

static uint32_t info_measure(uint32_t info)
{
    return info >> SHZ_IX_INFO_MEASURE_SHIFT;
}

static int info_slot(uint32_t info)
{
    return (int)(info >> SHZ_IX_INFO_SLOT_SHIFT) & 7;
}

static uint32_t info_offset(uint32_t info)
{
    return info & SHZ_IX_OFFSET_CAP;
}

/* A measure's field starts, and the start of the next measure: read once per measure. */
typedef struct measure_row {
    uint32_t seg[SHZ_IX_NSLOTS + 1];
} measure_row;

static void load_row(uint32_t measure, measure_row *row)
{
    for (int slot = 0; slot <= SHZ_IX_NSLOTS; slot++)
        row->seg[slot] = seg_start(measure, slot);
}

/* Finds the postings of a gram; 0 if it never occurs. */
static int gram_postings(uint64_t key, uint32_t *begin, uint32_t *end)
{
    uint32_t mask = (UINT32_C(1) << shz_ix.slot_bits) - 1;
    for (uint32_t slot = shz_ix_hash(key, shz_ix.slot_bits);; slot = (slot + 1) & mask) {
        uint32_t entry = shz_ix_u32(shz_ix.slots, slot);
        if (entry == 0)
            return 0;
        uint32_t gram = entry - 1;
        uint64_t stored = (uint64_t)shz_ix_u32(shz_ix.gram_key, 2 * (size_t)gram) |
                          (uint64_t)shz_ix_u32(shz_ix.gram_key, 2 * (size_t)gram + 1) << 32;
        if (stored == key) {
            *begin = shz_ix_u32(shz_ix.gram_first, gram);
            *end = shz_ix_u32(shz_ix.gram_first, (size_t)gram + 1);
            return 1;
        }
    }
}

/* First index in [lo, hi) of an ascending uint32 table whose entry is >= target, galloping from
 * lo: cheap when near. */
static uint32_t gallop(uint32_t table, uint32_t lo, uint32_t hi, uint32_t target)
{
    if (lo >= hi || shz_ix_u32(table, lo) >= target)
        return lo;
    uint32_t below = lo, step = 1; /* entry below < target */
    while (step < hi - below && shz_ix_u32(table, below + step) < target) {
        below += step;
        step *= 2;
    }
    uint32_t above = step < hi - below ? below + step : hi;
    while (above - below > 1) {
        uint32_t mid = below + (above - below) / 2;
        if (shz_ix_u32(table, mid) < target)
            below = mid;
        else
            above = mid;
    }
    return above;
}

/* ---- matching ----------------------------------------------------------- */

/* The normalized text at position equals the term. Sentinels (0) stop it at field ends. */
static int matches_at(uint32_t position, const uint32_t *chars, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        if (norm_at(position + i) != chars[i])
            return 0;
    return 1;
}

enum { NO_MEASURE = UINT32_MAX };

/* The measure of t's first candidate (a posting of its rarest gram) in measure m or after, or
 * NO_MEASURE; leaves the cursor on it. Candidates are not yet checked against the text: the
 * leapfrog and the score bound need no more than post_info, read in step with the postings. */
static uint32_t next_measure(term *t, uint32_t m)
{
    uint32_t target = m << SHZ_IX_INFO_MEASURE_SHIFT, c = t->cursor;
    /* Usually the cursor or the next posting is the one wanted: gallop only past those. */
    if (c < t->post_end && info_at(c) < target && ++c < t->post_end && info_at(c) < target)
        c = gallop(shz_ix.post_info, c, t->post_end, target);
    t->cursor = c;
    return c < t->post_end ? info_measure(info_at(c)) : NO_MEASURE;
}

/* Where t starts if it occurs at its candidate at index i, in a field starting at field_start;
 * else NO_POSITION. It starts rare_offset before the posting, in the same field or not at all.
 * A posting of the term's own gram is an occurrence: only longer terms need checking. */
static uint32_t occurrence_at(const term *t, const uint32_t *query, uint32_t i,
                              uint32_t field_start)
{
    uint32_t p = posting_at(i);
    if (p - field_start < t->rare_offset)
        return NO_POSITION;
    uint32_t start = p - t->rare_offset;
    return t->len <= 2 || matches_at(start, query + t->start, t->len) ? start : NO_POSITION;
}

/* ---- query parsing ------------------------------------------------------ */

typedef struct query {
    uint32_t chars[SHZ_QUERY_MAX]; /* normalized terms, back to back */
    term terms[MAX_TERMS];
    size_t term_count;
} query;

static int is_quote(uint32_t cp)
{
    return cp == '"' || cp == 0xFF02; /* ASCII and full-width quotation marks */
}

static int same_term(const query *q, const term *a, const term *b)
{
    return a->len == b->len &&
           memcmp(q->chars + a->start, q->chars + b->start, a->len * sizeof q->chars[0]) == 0;
}

/* Ends the term being built: drops it if empty (all punctuation) or a repeat. */
static void close_term(query *q, uint32_t start, uint32_t end)
{
    if (end == start)
        return;
    term t = {start, end - start, 0, 0, 0, 0};
    for (size_t i = 0; i < q->term_count; i++)
        if (same_term(q, &q->terms[i], &t))
            return;
    q->terms[q->term_count++] = t;
}

static shz_status parse_query(const char *text, size_t len, query *q)
{
    const unsigned char *s = (const unsigned char *)text;
    uint32_t used = 0, term_start = 0;
    int in_phrase = 0;
    q->term_count = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = shz_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return SHZ_ERR_BAD_UTF8;
        i += n;
        if (is_quote(cp) || (!in_phrase && shz_norm_is_space(cp))) {
            close_term(q, term_start, used);
            /* Terms that were dropped give their room back. */
            used = q->term_count
                       ? q->terms[q->term_count - 1].start + q->terms[q->term_count - 1].len
                       : 0;
            term_start = used;
            if (is_quote(cp))
                in_phrase = !in_phrase;
            continue;
        }
        uint32_t folded = shz_norm_fold(cp);
        if (folded)
            q->chars[used++] = folded;
    }
    if (in_phrase)
        return SHZ_ERR_BAD_QUERY;
    close_term(q, term_start, used);
    return q->term_count ? SHZ_OK : SHZ_ERR_EMPTY_QUERY;
}

/* Chooses each term's rarest gram. Returns 0 when some term cannot occur at all. */
static int plan_terms(query *q)
{
    for (size_t i = 0; i < q->term_count; i++) {
        term *t = &q->terms[i];
        const uint32_t *c = q->chars + t->start;
        if (t->len == 1) {
            if (!gram_postings(c[0], &t->post_begin, &t->post_end))
                return 0;
            continue;
        }
        uint32_t best = UINT32_MAX;
        for (uint32_t k = 0; k + 1 < t->len; k++) {
            uint32_t begin, end;
            if (!gram_postings(SHZ_IX_BIGRAM_KEY(c[k], c[k + 1]), &begin, &end))
                return 0;
            if (end - begin < best) {
                best = end - begin;
                t->rare_offset = k;
                t->post_begin = begin;
                t->post_end = end;
            }
        }
    }
    /* Rarest term first: it leads the leapfrog and the others mostly skip. */
    for (size_t i = 1; i < q->term_count; i++) {
        term t = q->terms[i];
        size_t j = i;
        for (; j > 0 &&
               q->terms[j - 1].post_end - q->terms[j - 1].post_begin > t.post_end - t.post_begin;
             j--)
            q->terms[j] = q->terms[j - 1];
        q->terms[j] = t;
    }
    for (size_t i = 0; i < q->term_count; i++)
        q->terms[i].cursor = q->terms[i].post_begin;
    return 1;
}

/* ---- options ------------------------------------------------------------ */

typedef struct settings {
    unsigned slot_mask; /* bit per enum shz_ix_slot */
    shz_lang lang;
    size_t limit;
} settings;

static unsigned slots_of_fields(unsigned fields)
{
    unsigned mask = 0;
    if (fields & SHZ_FIELD_TITLE)
        mask |= 1u << SHZ_IX_TITLE | 1u << SHZ_IX_TITLE_EN;
    if (fields & SHZ_FIELD_PINYIN)
        mask |= 1u << SHZ_IX_PINYIN;
    if (fields & SHZ_FIELD_PINYIN_INITIALS)
        mask |= 1u << SHZ_IX_INITIALS;
    if (fields & SHZ_FIELD_BODY)
        mask |= 1u << SHZ_IX_BODY;
    if (fields & SHZ_FIELD_SUMMARY)
        mask |= 1u << SHZ_IX_SUMMARY;
    return mask;
}

static shz_status read_options(const shz_search_options *options, settings *out)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    if (options) {
        /* The first version of the struct ends with limit; a newer caller may pass more, which
         * is accepted only while it is all zero (the defaults of fields we do not know). */
        if (options->size < offsetof(shz_search_options, limit) + sizeof options->limit ||
            options->size > 4096)
            return SHZ_ERR_BAD_OPTIONS;
        const unsigned char *bytes = (const unsigned char *)options;
        for (size_t i = sizeof o; i < options->size; i++)
            if (bytes[i])
                return SHZ_ERR_BAD_OPTIONS;
        o.fields = options->fields;
        o.lang = options->lang;
        o.limit = options->limit;
    }
    if (o.fields & ~(unsigned)SHZ_FIELD_ALL)
        return SHZ_ERR_BAD_OPTIONS;
    if (o.lang != SHZ_LANG_ZH_HANS && o.lang != SHZ_LANG_ZH_HANT)
        return SHZ_ERR_BAD_LANG;
    out->slot_mask = slots_of_fields(o.fields ? o.fields : SHZ_FIELD_ALL);
    out->lang = o.lang;
    out->limit = o.limit;
    return SHZ_OK;
}

/* ---- scoring ------------------------------------------------------------ */

/* Scores measure m if every term occurs in a searched field of it; 0 if not. Each term's cursor
 * is on its first candidate in m or after, and is moved past m. */
static int score_measure(query *q, const settings *set, uint32_t m, hit *out)
{
    measure_row row;
    load_row(m, &row);
    uint32_t title_terms = 0, best = NO_POSITION, best_len = 0;
    int best_slot = 0;
    uint64_t occurrences = 0;
    int all_found = 1;
    for (size_t i = 0; i < q->term_count; i++) {
        term *t = &q->terms[i];
        int found = 0, in_title = 0;
        uint32_t c = t->cursor;
        for (; c < t->post_end; c++) {
            uint32_t info = info_at(c);
            if (info_measure(info) != m)
                break;
            int slot = info_slot(info);
            /* The field first: an occurrence outside the searched fields counts for nothing. */
            if (!(set->slot_mask & (1u << slot)))
                continue;
            uint32_t p = occurrence_at(t, q->chars, c, row.seg[slot]);
            if (p == NO_POSITION)
                continue;
            found = 1;
            in_title |= slot <= SHZ_IX_INITIALS;
            occurrences++;
            /* Slots are laid out in rank order, so the earliest match is in the best field. */
            if (p < best || (p == best && t->len < best_len)) {
                best = p;
                best_len = t->len;
                best_slot = slot;
            }
        }
        t->cursor = c;
        all_found &= found;
        title_terms += (uint32_t)in_title;
    }
    if (!all_found)
        return 0;
    uint32_t offset = best - row.seg[best_slot];
    uint64_t score = (uint64_t)title_terms << 31 |
                     (uint64_t)(occurrences < 65535 ? occurrences : 65535) << 15 |
                     (uint64_t)(32767 - (offset < 32767 ? offset : 32767));
    out->key = score << MEASURE_BITS | ((UINT64_C(1) << MEASURE_BITS) - 1 - m);
    out->occurrences = (uint32_t)(occurrences < UINT32_MAX ? occurrences : UINT32_MAX);
    out->best_pos = best;
    out->best_len = best_len;
    out->best_slot = (uint8_t)best_slot;
    return 1;
}

/*
 * Top-k pruning. With a limit k, the best k hits so far are kept in a min-heap; once it is
 * full, a measure can enter only by beating its root. Measures come in increasing id and ties
 * go to the lower id, so the newcomer must have a strictly higher score. Its score is bounded
 * from its candidates (a superset of its occurrences), from post_info alone:
 *   T <= the terms with a candidate in a searched title-like field,
 *   O <= the candidates in searched fields,
 *   P >= the least of their offsets (capped) less rare_offset, or 0: the best match is one of
 *        them, and starts rare_offset before its posting;
 * and the score grows with T, min(O, 65535) and 32767 - min(P, 32767) in disjoint bits, so the
 * bound built from these is >= the score. If it is <= the root's score the measure cannot rank
 * in the top k now, nor later (the root only rises), so exhaustive ranking would not keep it
 * either: it is skipped unchecked. The title-like fields come first in a measure, so T's bound
 * needs only the candidates before the body, which settles most measures of a popular term.
 */
static int cannot_enter(const query *q, const settings *set, uint32_t m, uint64_t threshold)
{
    uint64_t title_terms = 0;
    for (size_t i = 0; i < q->term_count; i++) {
        const term *t = &q->terms[i];
        for (uint32_t c = t->cursor; c < t->post_end; c++) {
            uint32_t info = info_at(c);
            if (info_measure(info) != m || info_slot(info) >= SHZ_IX_BODY)
                break;
            if (set->slot_mask & (1u << info_slot(info))) {
                title_terms++;
                break;
            }
        }
    }
    if ((title_terms << 31 | UINT64_C(65535) << 15 | 32767) <= threshold)
        return 1;
    uint64_t candidates = 0;
    uint32_t least = UINT32_MAX;
    for (size_t i = 0; i < q->term_count; i++) {
        const term *t = &q->terms[i];
        uint64_t before = candidates;
        for (uint32_t c = t->cursor; c < t->post_end; c++) {
            uint32_t info = info_at(c);
            if (info_measure(info) != m)
                break;
            if (set->slot_mask & (1u << info_slot(info))) {
                uint32_t offset = info_offset(info);
                offset = offset > t->rare_offset ? offset - t->rare_offset : 0;
                candidates++;
                least = offset < least ? offset : least;
            }
        }
        if (candidates == before)
            return 1; /* a term with no candidate in a searched field: not a hit at all */
    }
    uint64_t bound = title_terms << 31 | (candidates < 65535 ? candidates : 65535) << 15 |
                     (32767 - (least < 32767 ? least : 32767));
    return bound <= threshold;
}

/* Puts the best k hits first, best first: a min-heap of the k best, then heapsort. */
static void sift_down(hit *h, size_t n, size_t i)
{
    for (;;) {
        size_t worst = i, l = 2 * i + 1, r = l + 1;
        if (l < n && h[l].key < h[worst].key)
            worst = l;
        if (r < n && h[r].key < h[worst].key)
            worst = r;
        if (worst == i)
            return;
        hit tmp = h[i];
        h[i] = h[worst];
        h[worst] = tmp;
        i = worst;
    }
}

static void heap_sort(hit *h, size_t k)
{
    for (size_t end = k; end > 1; end--) {
        hit tmp = h[0];
        h[0] = h[end - 1];
        h[end - 1] = tmp;
        sift_down(h, end - 1, 0);
    }
}

static void select_best(hit *h, size_t n, size_t k)
{
    if (n <= 32) { /* few hits: an insertion sort beats the heap */
        for (size_t i = 1; i < n; i++) {
            hit x = h[i];
            size_t j = i;
            for (; j > 0 && h[j - 1].key < x.key; j--)
                h[j] = h[j - 1];
            h[j] = x;
        }
        return;
    }
    for (size_t i = k / 2; i-- > 0;)
        sift_down(h, k, i);
    for (size_t i = k; i < n; i++) {
        if (h[i].key > h[0].key) {
            h[0] = h[i];
            sift_down(h, k, 0);
        }
    }
    heap_sort(h, k);
}

/* Visits the measures that may hold all terms, in id order, and keeps their hits: all of them
 * (up to capacity) when keep is 0, else the best keep of them in a min-heap, pruning as above.
 * Returns how many are kept, sorted best first. hits has room for capacity, and keep <=
 * capacity. */
static size_t collect_hits(query *q, const settings *set, hit *hits, size_t capacity, size_t keep)
{
    size_t count = 0;
    uint32_t m = 0, total = shz_ix.measure_count;
    while (m < total && (keep || count < capacity)) {
        /* Leapfrog: move m forward until every term has a candidate inside it. */
        int settled = 0;
        while (!settled) {
            settled = 1;
            for (size_t i = 0; i < q->term_count; i++) {
                uint32_t next = next_measure(&q->terms[i], m);
                if (next == NO_MEASURE)
                    goto done;
                if (next != m) {
                    m = next;
                    settled = 0;
                    break;
                }
            }
        }
        if (keep && count == keep && cannot_enter(q, set, m, hits[0].key >> MEASURE_BITS)) {
            m++;
            continue;
        }
        hit h;
        if (score_measure(q, set, m, &h)) {
            if (!keep || count < keep) {
                hits[count++] = h;
                if (keep && count == keep)
                    for (size_t i = keep / 2; i-- > 0;)
                        sift_down(hits, keep, i);
            } else if (h.key > hits[0].key) {
                hits[0] = h;
                sift_down(hits, keep, 0);
            }
        }
        m++;
    }
done:
    if (keep && count == keep)
        heap_sort(hits, keep);
    else
        select_best(hits, count, count);
    return count;
}

/* ---- spans and snippets ------------------------------------------------- */

static uint32_t measure_of_hit(const hit *h)
{
    return (uint32_t)((UINT64_C(1) << MEASURE_BITS) - 1 - (h->key & ((1u << MEASURE_BITS) - 1)));
}

/* The text of a slot in the language spans use, and that language. */
static shz_str slot_text(const struct shz_measure *ms, int slot, shz_lang want, uint32_t m,
                         shz_lang *lang)
{
    unsigned char hant = shz_ix_blob[shz_ix.hant + m];
    switch (slot) {
    case SHZ_IX_TITLE:
    case SHZ_IX_BODY: {
        int ok = want == SHZ_LANG_ZH_HANT &&
                 (hant & (slot == SHZ_IX_TITLE ? SHZ_IX_HANT_TITLE : SHZ_IX_HANT_BODY));
        *lang = ok ? SHZ_LANG_ZH_HANT : SHZ_LANG_ZH_HANS;
        return slot == SHZ_IX_TITLE ? ms->title[*lang] : ms->body[*lang];
    }
    case SHZ_IX_TITLE_EN:
        *lang = SHZ_LANG_EN;
        return ms->title[SHZ_LANG_EN];
    case SHZ_IX_PINYIN:
        *lang = want;
        return ms->pinyin;
    case SHZ_IX_INITIALS:
        *lang = want;
        return ms->initials;
    default:
        *lang = SHZ_LANG_EN;
        return ms->summary_en;
    }
}

static shz_field field_of_slot(int slot)
{
    static const unsigned char fields[SHZ_IX_NSLOTS] = {SHZ_FIELD_TITLE,  SHZ_FIELD_TITLE,
                                                        SHZ_FIELD_PINYIN, SHZ_FIELD_PINYIN_INITIALS,
                                                        SHZ_FIELD_BODY,   SHZ_FIELD_SUMMARY};
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
    /* Insertion sort: spans of one term arrive sorted, so the runs to merge are few. */
    for (size_t i = 1; i < n; i++) {
        span x = s[i];
        size_t j = i;
        for (; j > 0 && span_before(&x, &s[j - 1]); j--)
            s[j] = s[j - 1];
        s[j] = x;
    }
}

/* Writes the spans of hit h (normalized first, then mapped to the original text); returns how
 * many, at most h->occurrences. */
static size_t write_spans(query *q, const settings *set, const hit *h, span *out)
{
    uint32_t m = measure_of_hit(h);
    size_t n = 0;
    measure_row row;
    load_row(m, &row);
    for (size_t i = 0; i < q->term_count; i++) {
        const term *t = &q->terms[i];
        for (uint32_t c = gallop(shz_ix.post_info, t->post_begin, t->post_end,
                                 m << SHZ_IX_INFO_MEASURE_SHIFT);
             c < t->post_end && n < h->occurrences; c++) {
            uint32_t info = info_at(c);
            if (info_measure(info) != m)
                break;
            int slot = info_slot(info);
            uint32_t p = set->slot_mask & (1u << slot)
                             ? occurrence_at(t, q->chars, c, row.seg[slot])
                             : NO_POSITION;
            if (p != NO_POSITION)
                out[n++] = (span){p, p + t->len, 0, 0, (uint8_t)slot, 0};
        }
    }
    sort_spans(out, n);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (kept == 0 || out[i].slot != out[kept - 1].slot ||
            out[i].byte_start != out[kept - 1].byte_start ||
            out[i].byte_end != out[kept - 1].byte_end)
            out[kept++] = out[i];

    const struct shz_measure *ms = &shz_measures[m];
    int walked_slot = -1;
    uint32_t walk_byte = 0, walk_char = 0; /* zh-Hant cursor: spans of a slot come in order */
    for (size_t i = 0; i < kept; i++) {
        span *s = &out[i];
        shz_lang lang;
        shz_str str = slot_text(ms, s->slot, set->lang, m, &lang);
        const char *text = shz_str_ptr(str);
        uint32_t first = s->byte_start, last = s->byte_end - 1;
        s->char_start = shz_ix_u32(shz_ix.src_char, first);
        s->char_end = shz_ix_u32(shz_ix.src_char, last) + 1;
        s->lang = (uint8_t)lang;
        if (lang == SHZ_LANG_ZH_HANT) {
            /* Same character offsets, other bytes: walk the zh-Hant text. */
            if (walked_slot != s->slot || walk_char > s->char_start) {
                walked_slot = s->slot;
                walk_byte = walk_char = 0;
            }
            walk_byte = byte_of_char(text, str.len, walk_byte, walk_char, s->char_start);
            walk_char = s->char_start;
            s->byte_start = walk_byte;
            s->byte_end = byte_of_char(text, str.len, walk_byte, walk_char, s->char_end);
        } else {
            uint32_t last_byte = shz_ix_u32(shz_ix.src_byte, last);
            s->byte_start = shz_ix_u32(shz_ix.src_byte, first);
            s->byte_end = last_byte + utf8_length((unsigned char)text[last_byte]);
        }
    }
    return kept;
}

typedef struct window {
    uint32_t start, end; /* bytes of the field text to show */
    int cut_before, cut_after;
} window;

/* The text around the hit's first match: SNIPPET_BEFORE searchable characters before it and
 * SNIPPET_AFTER after, or up to the field's ends. Positions come from the index's maps, so no
 * text is walked, except to carry character offsets over into zh-Hant. */
static window snippet_window(const settings *set, const hit *h, const char **text)
{
    uint32_t m = measure_of_hit(h);
    shz_lang lang;
    shz_str str = slot_text(&shz_measures[m], h->best_slot, set->lang, m, &lang);
    uint32_t seg = seg_start(m, h->best_slot);
    uint32_t seg_end =
        shz_ix_u32(shz_ix.seg_start, (size_t)m * SHZ_IX_NSLOTS + h->best_slot + 1) - 1;
    uint32_t first = h->best_pos, last = h->best_pos + h->best_len - 1;
    uint32_t from = first - seg > SNIPPET_BEFORE ? first - SNIPPET_BEFORE : seg;
    uint32_t to = seg_end - 1 - last > SNIPPET_AFTER ? last + SNIPPET_AFTER : seg_end - 1;
    window w = {0, str.len, from > seg, to < seg_end - 1};
    *text = shz_str_ptr(str);
    if (lang == SHZ_LANG_ZH_HANT && (h->best_slot == SHZ_IX_TITLE || h->best_slot == SHZ_IX_BODY)) {
        uint32_t from_char = shz_ix_u32(shz_ix.src_char, from);
        if (w.cut_before)
            w.start = byte_of_char(*text, str.len, 0, 0, from_char);
        if (w.cut_after)
            w.end = byte_of_char(*text, str.len, w.start, w.cut_before ? from_char : 0,
                                 shz_ix_u32(shz_ix.src_char, to) + 1);
        return w;
    }
    if (w.cut_before)
        w.start = shz_ix_u32(shz_ix.src_byte, from);
    if (w.cut_after) {
        uint32_t at = shz_ix_u32(shz_ix.src_byte, to);
        w.end = at + utf8_length((unsigned char)(*text)[at]);
    }
    return w;
}

static size_t snippet_size(const window *w)
{
    return w->end - w->start + (size_t)(w->cut_before + w->cut_after) * ELLIPSIS_LEN;
}

static void write_snippet(const settings *set, const hit *h, hit_detail *d, const span *first,
                          char *text_base, size_t *text_used)
{
    const char *text;
    window w = snippet_window(set, h, &text);
    char *out = text_base + *text_used;
    size_t n = 0;
    if (w.cut_before) {
        memcpy(out, ellipsis, ELLIPSIS_LEN);
        n += ELLIPSIS_LEN;
    }
    d->match_start = (uint32_t)(n + (first->byte_start - w.start));
    d->match_end = (uint32_t)(n + (first->byte_end - w.start));
    memcpy(out + n, text + w.start, w.end - w.start);
    n += w.end - w.start;
    if (w.cut_after) {
        memcpy(out + n, ellipsis, ELLIPSIS_LEN);
        n += ELLIPSIS_LEN;
    }
    out[n] = '\0';
    d->snippet_start = (uint32_t)*text_used;
    d->snippet_len = (uint32_t)n;
    *text_used += n + 1;
}

/* ---- the search --------------------------------------------------------- */

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

void shz_search_options_init(shz_search_options *options)
{
    if (options) {
        shz_search_options defaults = SHZ_SEARCH_OPTIONS_INIT;
        *options = defaults;
    }
}

shz_status shz_search(const char *text, size_t len, const shz_search_options *options,
                      shz_results **results)
{
    if (results)
        *results = NULL;
    if (!text || !results)
        return SHZ_ERR_INVALID_ARG;
    if (len > SHZ_QUERY_MAX)
        return SHZ_ERR_QUERY_TOO_LONG;
    settings set;
    shz_status status = read_options(options, &set);
    if (status != SHZ_OK)
        return status;
    query q;
    status = parse_query(text, len, &q);
    if (status != SHZ_OK)
        return status;
    if (!plan_terms(&q)) {
        *results = (shz_results *)&no_results;
        return SHZ_OK;
    }

    /* A hit holds at least one posting of the rarest term, so this bounds the hits. */
    size_t bound = q.terms[0].post_end - q.terms[0].post_begin;
    if (bound > shz_ix.measure_count)
        bound = shz_ix.measure_count;
    /* A limit below that: only the best `limit` are kept, so only they need room. */
    size_t keep = set.limit && set.limit < bound ? set.limit : 0;
    if (keep)
        bound = keep;
    size_t header = align8(sizeof(struct shz_results));
    hit stack_hits[STACK_HITS];
    hit *hits = stack_hits;
    unsigned char *block = NULL;
    if (bound > STACK_HITS) { /* too many for the stack: collect straight into the results */
        block = malloc(header + bound * sizeof(hit));
        if (!block)
            return SHZ_ERR_NO_MEMORY;
        hits = (hit *)(block + header);
    }
    size_t kept = collect_hits(&q, &set, hits, bound, keep);
    if (kept == 0) {
        free(block);
        *results = (shz_results *)&no_results;
        return SHZ_OK;
    }

    /* The exact room: kept hits, their details, spans and snippets. */
    size_t span_room = 0, text_room = 0;
    for (size_t i = 0; i < kept; i++) {
        const char *text;
        window w = snippet_window(&set, &hits[i], &text);
        span_room += hits[i].occurrences;
        text_room += snippet_size(&w) + 1;
    }
    size_t details_at = align8(header + kept * sizeof(hit));
    size_t spans_at = align8(details_at + kept * sizeof(hit_detail));
    size_t text_at = spans_at + span_room * sizeof(span);
    size_t need = text_at + text_room;
    unsigned char *sized = block ? realloc(block, need) : malloc(need);
    if (!sized) {
        free(block);
        return SHZ_ERR_NO_MEMORY;
    }
    if (!block)
        memcpy(sized + header, stack_hits, kept * sizeof(hit));
    block = sized;
    struct shz_results *r = (struct shz_results *)block;
    r->count = kept;
    r->hits = (hit *)(block + header);
    r->details = (hit_detail *)(block + details_at);
    r->spans = (span *)(block + spans_at);
    r->text = (char *)(block + text_at);
    size_t spans_used = 0, text_used = 0;
    for (size_t i = 0; i < kept; i++) {
        const hit *h = &r->hits[i];
        hit_detail *d = &r->details[i];
        size_t n = write_spans(&q, &set, h, r->spans + spans_used);
        d->first_span = (uint32_t)spans_used;
        d->span_count = (uint32_t)n;
        write_snippet(&set, h, d, &r->spans[spans_used], r->text, &text_used);
        spans_used += n;
    }
    *results = r;
    return SHZ_OK;
}

void shz_results_free(shz_results *results)
{
    if (results != &no_results)
        free(results);
}

static const hit *hit_at(const shz_results *results, size_t index)
{
    return results && index < results->count ? &results->hits[index] : NULL;
}

size_t shz_results_count(const shz_results *results)
{
    return results ? results->count : 0;
}

const shz_measure *shz_results_measure(const shz_results *results, size_t index)
{
    const hit *h = hit_at(results, index);
    return h ? &shz_measures[measure_of_hit(h)] : NULL;
}

int64_t shz_results_score(const shz_results *results, size_t index)
{
    const hit *h = hit_at(results, index);
    return h ? (int64_t)(h->key >> MEASURE_BITS) : 0;
}

shz_field shz_results_field(const shz_results *results, size_t index)
{
    const hit *h = hit_at(results, index);
    return h ? field_of_slot(h->best_slot) : (shz_field)0;
}

size_t shz_results_span_count(const shz_results *results, size_t index)
{
    const hit *h = hit_at(results, index);
    return h ? results->details[index].span_count : 0;
}

static shz_status span_at(const shz_results *results, size_t index, size_t which, const span **out)
{
    if (!results)
        return SHZ_ERR_INVALID_ARG;
    if (!hit_at(results, index) || which >= results->details[index].span_count)
        return SHZ_ERR_NOT_FOUND;
    *out = &results->spans[results->details[index].first_span + which];
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
    *text = results->text + results->details[index].snippet_start;
    if (len)
        *len = results->details[index].snippet_len;
    return SHZ_OK;
}

shz_status shz_results_snippet_match(const shz_results *results, size_t index, size_t *byte_start,
                                     size_t *byte_end)
{
    if (!results)
        return SHZ_ERR_INVALID_ARG;
    if (!hit_at(results, index))
        return SHZ_ERR_NOT_FOUND;
    if (byte_start)
        *byte_start = results->details[index].match_start;
    if (byte_end)
        *byte_end = results->details[index].match_end;
    return SHZ_OK;
}
