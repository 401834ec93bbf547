/*
 * What scoring in both modes shares (score_all.c, score_best.c): finding a
 * gram's postings, keeping the best hits, and counting the measures that hold
 * a term.
 */
#include "search_int.h"

/* ---- index access ------------------------------------------------------- */

int szs_gram_postings(uint64_t key, uint32_t *gram, uint32_t *begin, uint32_t *end)
{
    uint32_t count = shzi_ix.slot_count;
    for (uint32_t slot = shzi_ix_gram_slot(key, count);; slot = slot + 1 < count ? slot + 1 : 0) {
        uint64_t stored = szs_gram_key(slot);
        if (stored == 0) /* an empty slot: no key is 0 */
            return 0;
        if (stored == key) {
            *gram = slot;
            *begin = szs_gram_field(slot, SHZ_IX_GRAM_POST_BEGIN);
            *end = szs_gram_field(slot, SHZ_IX_GRAM_POST_END);
            return 1;
        }
    }
}

/* ---- keeping the best --------------------------------------------------- */

/* Where a hit of this key placed at i of the min-heap h[0..n) settles: the children it is worse
 * than move up into the hole it leaves, and the hole it ends in is returned, for the caller to
 * fill (one copy of the hit, not one swap per level). */
static size_t sift_hole(szs_hit *h, size_t n, size_t i, uint64_t key)
{
    for (;;) {
        size_t worst = i, l = 2 * i + 1, r = l + 1;
        uint64_t worst_key = key;
        if (l < n && h[l].key < worst_key) {
            worst = l;
            worst_key = h[l].key;
        }
        if (r < n && h[r].key < worst_key)
            worst = r;
        if (worst == i)
            return i;
        h[i] = h[worst];
        i = worst;
    }
}

static void sift_down(szs_hit *h, size_t n, size_t i)
{
    szs_hit x = h[i];
    h[sift_hole(h, n, i, x.key)] = x;
}

static void heap_sort(szs_hit *h, size_t k)
{
    for (size_t end = k; end > 1; end--) {
        szs_hit last = h[end - 1];
        h[end - 1] = h[0]; /* the worst left goes last */
        h[sift_hole(h, end - 1, 0, last.key)] = last;
    }
}

static void select_best(szs_hit *h, size_t n)
{
    if (n <= 32) { /* few hits: an insertion sort beats the heap */
        for (size_t i = 1; i < n; i++) {
            szs_hit x = h[i];
            size_t j = i;
            for (; j > 0 && h[j - 1].key < x.key; j--)
                h[j] = h[j - 1];
            h[j] = x;
        }
        return;
    }
    for (size_t i = n / 2; i-- > 0;)
        sift_down(h, n, i);
    heap_sort(h, n);
}

/* Takes hit h: into the list while there is room (all of them when keep is 0), else into the
 * min-heap of the best keep if it beats the worst. */
void szs_offer(szs_hit *hits, size_t *count, size_t keep, const szs_hit *h)
{
    if (!keep || *count < keep) {
        hits[(*count)++] = *h;
        if (keep && *count == keep)
            for (size_t i = keep / 2; i-- > 0;)
                sift_down(hits, keep, i);
    } else if (h->key > hits[0].key) {
        hits[sift_hole(hits, keep, 0, h->key)] = *h;
    }
}

size_t szs_finish(szs_hit *hits, size_t count, size_t keep)
{
    if (keep && count == keep)
        heap_sort(hits, keep);
    else
        select_best(hits, count);
    return count;
}

/* ---- term statistics ---------------------------------------------------- */

static uint32_t next_exact(const szs_term *t, const uint32_t *chars, uint32_t *c,
                           unsigned slot_mask)
{
    for (; *c < t->post_end; ++*c) {
        uint32_t info = shzi_ix_u32(shzi_ix.post_info, *c);
        int slot = szs_info_slot(info);
        uint32_t m = szs_info_measure(info);
        if ((slot_mask & (1u << slot)) &&
            szs_occurrence_at(t, chars, *c, szs_seg_start(m, slot)) != SZS_NO_POSITION)
            return m;
    }
    return SZS_NO_MEASURE;
}

static uint32_t next_stem(const szs_term *t, uint32_t *s, unsigned slot_mask)
{
    for (; *s < t->stem_end; ++*s) {
        uint32_t info = shzi_ix_u32(shzi_ix.word_info, *s);
        if (slot_mask & (1u << szs_info_slot(info)))
            return szs_info_measure(info);
    }
    return SZS_NO_MEASURE;
}

int szs_term_occurs(const szs_term *t, const uint32_t *chars)
{
    uint32_t c = t->post_begin, s = t->stem_begin;
    unsigned every = szs_term_slots(t, (1u << SHZ_IX_NSLOTS) - 1);
    return next_exact(t, chars, &c, every) != SZS_NO_MEASURE ||
           next_stem(t, &s, every) != SZS_NO_MEASURE;
}

size_t szs_term_measures(const szs_term *t, const uint32_t *chars, unsigned slot_mask)
{
    slot_mask = szs_term_slots(t, slot_mask);
    uint32_t c = t->post_begin, s = t->stem_begin;
    uint32_t a = next_exact(t, chars, &c, slot_mask), b = next_stem(t, &s, slot_mask);
    size_t count = 0;
    while (a != SZS_NO_MEASURE || b != SZS_NO_MEASURE) {
        uint32_t m = a < b ? a : b;
        count++;
        uint32_t past = (m + 1) << SHZ_IX_INFO_MEASURE_SHIFT;
        if (a == m) {
            c = szs_gallop(shzi_ix.post_info, c, t->post_end, past);
            a = next_exact(t, chars, &c, slot_mask);
        }
        if (b == m) {
            s = szs_gallop(shzi_ix.word_info, s, t->stem_end, past);
            b = next_stem(t, &s, slot_mask);
        }
    }
    return count;
}
