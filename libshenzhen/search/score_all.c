/*
 * Scoring in all-terms mode (README "Ranking", exact matching): for a hit, T =
 * query terms found in a title-like field (zh or en title, pinyin, initials),
 * O = occurrences of all terms in the searched fields, P = code point offset
 * of the earliest match in the best field. score = T * 2^31 + min(O, 65535) *
 * 2^15 + (32767 - min(P, 32767)); ties go to the lower id.
 */
#include "search_int.h"

/* Scores measure m if every term occurs in a searched field of it; 0 if not. Each term's cursor
 * is on its first candidate in m or after, and is moved past m. */
static int score_literal(szs_query *q, const szs_settings *set, uint32_t m, szs_hit *out)
{
    szs_row row;
    szs_load_row(m, &row);
    uint32_t title_terms = 0;
    uint64_t occurrences = 0;
    int all_found = 1;
    szs_clear_hit(out);
    for (size_t i = 0; i < q->term_count; i++) {
        szs_term *t = &q->terms[i];
        int found = 0, in_title = 0, last_slot = -1;
        uint32_t c = t->cursor, table = shzi_ix.post_info;
        if (i < SZS_HIT_CURSORS)
            out->first_posting[i] = c;
        for (; c < t->post_end; c++) {
            uint32_t info = shzi_ix_u32(table, c);
            if (szs_info_measure(info) != m)
                break;
            int slot = szs_info_slot(info);
            /* The field first: an occurrence outside the searched fields counts for nothing. */
            if (!(set->slot_mask & (1u << slot))) {
                if (!(set->slot_mask >> slot)) { /* no later field searched: skip the rest */
                    c = szs_past_measure(table, c, t->post_end, m);
                    break;
                }
                continue;
            }
            uint32_t p = szs_occurrence_at(t, q->chars, c, row.seg[slot]);
            if (p == SZS_NO_POSITION)
                continue;
            found = 1;
            in_title |= slot <= SHZ_IX_INITIALS;
            occurrences++;
            if (slot != last_slot) /* positions ascend: the term's first in the slot is best */
                szs_consider(out, slot, p, t->len);
            last_slot = slot;
        }
        t->cursor = c;
        all_found &= found;
        title_terms += (uint32_t)in_title;
    }
    if (!all_found)
        return 0;
    uint32_t offset = out->best_pos - row.seg[out->best_slot];
    uint64_t score = (uint64_t)title_terms << 31 |
                     (uint64_t)(occurrences < 65535 ? occurrences : 65535) << 15 |
                     (uint64_t)(32767 - (offset < 32767 ? offset : 32767));
    out->key = score << SZS_MEASURE_BITS | ((UINT64_C(1) << SZS_MEASURE_BITS) - 1 - m);
    out->occurrences = (uint32_t)(occurrences < UINT32_MAX ? occurrences : UINT32_MAX);
    out->match = SHZ_MATCH_ALL_TERMS;
    return 1;
}

/* Visits the measures that may hold all terms, in id order, leapfrogging between the terms'
 * candidates, and keeps their hits. */
size_t szs_collect_all(szs_query *q, const szs_settings *set, szs_hit *hits, size_t capacity,
                       size_t keep)
{
    size_t count = 0;
    uint32_t m = 0, total = shzi_ix.measure_count;
    while (m < total && (keep || count < capacity)) {
        int settled = 0;
        while (!settled) {
            settled = 1;
            for (size_t i = 0; i < q->term_count; i++) {
                szs_term *t = &q->terms[i];
                uint32_t next = szs_next_in(shzi_ix.post_info, &t->cursor, t->post_end, m);
                if (next == SZS_NO_MEASURE)
                    return szs_finish(hits, count, keep);
                /* Slots ascend within a measure: when the term's first candidate in m is past
                 * every searched slot (the aliases or the English body, for 1.0's fields), m
                 * holds none that counts. */
                if (next == m &&
                    !(set->slot_mask >> szs_info_slot(shzi_ix_u32(shzi_ix.post_info, t->cursor))))
                    next = m + 1;
                if (next != m) {
                    m = next;
                    settled = 0;
                    break;
                }
            }
        }
        szs_hit h;
        if (score_literal(q, set, m, &h))
            szs_offer(hits, &count, keep, &h);
        m++;
    }
    return szs_finish(hits, count, keep);
}
