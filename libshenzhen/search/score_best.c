/*
 * Scoring in best-match mode: BM25F. For each analysed term, its occurrences
 * in every searched field, each field's count weighted and normalized by the
 * field's length (index_data.h, field_scale), sum to a pseudo-frequency tf;
 * the term adds idf * tf * (k1 + 1) / (k1 + tf). A word's occurrences found
 * only by its stem count STEM_PERCENT of an exact one, and a character
 * searched because its Han piece's bigrams occur nowhere PART_PERCENT of a
 * term. Two terms that follow each other in the query and are found next to
 * each other in the text (a phrase) add a bonus.
 * A measure is a hit only if it passes the precision rule (precision_pass);
 * hits rank by their relevance (search_int.h, szs_strength), then by that
 * total. The best hit's closely related measures that do not pass follow the
 * hits (add_related).
 */
#include "search_int.h"

enum { STEM_PERCENT = SZS_STEM_PERCENT, PHRASE_PERCENT = 25 };
enum { TOLERANT_PERCENT = 50 }; /* a tolerant alternative scores half an exact match */
enum { PART_PERCENT = 50 };     /* a character of an unknown Han piece scores half a term */
#define SCORE_SCALE 4096.0

/* The slot of the entry at *at of a post_info-like table if it is measure m's and in a searched
 * slot, stepping *at over m's entries in other slots; -1 once m's entries end, *at then on the
 * next measure's first entry (or past every slot the mask could still want). */
static inline int next_searched(uint32_t table, uint32_t *at, uint32_t end, uint32_t m,
                                unsigned slot_mask)
{
    for (; *at < end; ++*at) {
        uint32_t info = shzi_ix_u32(table, *at);
        if (szs_info_measure(info) != m)
            return -1;
        int slot = szs_info_slot(info);
        if (slot_mask & (1u << slot))
            return slot;
        if (!(slot_mask >> slot)) { /* no searched slot follows in this measure */
            *at = szs_past_measure(table, *at, end, m);
            return -1;
        }
    }
    return -1;
}

/* Whether b occurs delta positions after a's occurrence at p: a phrase. */
static int follows(const szs_query *q, const szs_term *b, uint32_t p)
{
    if (!szs_matches_at(p, q->chars + b->start, b->len))
        return 0;
    return b->kind != SZS_WORD || szs_whole_words(p, b->len);
}

/* Whether the pair is found as a phrase in measure m: a's candidates in m start at index
 * first. */
int szs_phrase_in(const szs_query *q, const szs_settings *set, const szs_pair *pair, uint32_t m,
                  uint32_t first)
{
    const szs_term *a = &q->terms[pair->a], *b = &q->terms[pair->b];
    unsigned searched = szs_term_slots(a, set->slot_mask);
    for (uint32_t c = first; c < a->post_end; c++) {
        uint32_t info = shzi_ix_u32(shzi_ix.post_info, c);
        if (szs_info_measure(info) != m)
            break;
        int slot = szs_info_slot(info);
        if (!(searched & (1u << slot)))
            continue;
        uint32_t p = szs_occurrence_at(a, q->chars, c, szs_seg_start(m, slot));
        if (p != SZS_NO_POSITION && follows(q, b, p + pair->delta))
            return 1;
    }
    return 0;
}

/*
 * The precision rule ("held weight"): a measure is a hit only if its relevance, the share of
 * the query's weight (szs_weigh) that it holds, reaches min_relevance. A term the hit holds
 * counts its weight times its strength there (szs_strength): exactness (a character of an
 * unknown word PART_PERCENT, a tolerant alternative its likelihood) and how firmly the measure
 * holds it (fully where its titles, keywords or aliases name it, else BM25F's saturation of its
 * pseudo-frequency in the body and summary). A word the catalogue does not have
 * weighs as a rare one, and so does each unknown Han word, character by character, so a query
 * about something the catalogue lacks leaves little to hold. Beyond the share: a hit holds a word
 * of the query (q->informative: a Han bigram or a Latin word, not only lone characters or the
 * characters of an unknown word, nor only frame words, query.c), holds it not in passing
 * (passing_mention), and holds a term that is not common (in at most 1 / SHZ_IX_COMMON_SHARE
 * of the measures, IDF at least common_idf) when the query has a word that is not (or one the
 * catalogue lacks), or when it holds one term of a query that weighs more. which: the terms held;
 * whole: those that are not characters of unknown words.
 */
/* Whether relevance reaches min_relevance, compared as reported (16-bit fixed point), so no hit
 * shows less than min_relevance. */
static int reaches_min_relevance(const szs_query *q, double relevance)
{
    return (double)szs_relevance_key(relevance) / (double)SZS_RELEVANCE_ONE >= q->min_relevance;
}

static int precision_pass(const szs_query *q, double relevance, size_t matched, uint64_t which,
                          uint64_t whole)
{
    if (matched == 0 || relevance <= 0 || !(whole & q->informative))
        return 0;
    /* A hit holding only common terms is not about a query that has a word that is not, nor
     * about one of several terms when it holds one: sharing words that most measures have is
     * not being about a request. */
    int holds_uncommon = 0;
    for (uint64_t left = which & whole; left; left &= left - 1)
        holds_uncommon |= q->origin_idf[__builtin_ctzll(left)] >= q->common_idf;
    if (!holds_uncommon &&
        (q->uncommon_word || (matched == 1 && q->terms[__builtin_ctzll(which)].weight < q->weight)))
        return 0;
    return reaches_min_relevance(q, relevance);
}

/* Term t's BM25F score in measure m from its postings (and a word's stem postings) in the
 * searched fields, as *impact (x SHZ_IX_ONE); 0 when it has none there. Offers its first match
 * in each field as the hit's best match, and adds its occurrences (the spans before merging).
 * Moves its cursors past m. */
static int score_term(const szs_query *q, const szs_settings *set, szs_term *t, uint32_t m,
                      szs_hit *out, uint64_t *occurrences, uint32_t *impact, unsigned *slots)
{
    uint32_t exact[SHZ_IX_NSLOTS], stem[SHZ_IX_NSLOTS];
    unsigned touched = 0; /* slots whose counts are set */
    unsigned searched = szs_term_slots(t, set->slot_mask);
    uint32_t c = t->cursor;
    t->measure_begin = c;
    /* Positions ascend within a measure, so a term's first match in a slot is its best there:
     * only that one is offered as the hit's best match. A gram is its own posting: counting
     * its postings by slot is all it takes. */
    for (int slot; (slot = next_searched(shzi_ix.post_info, &c, t->post_end, m, searched)) >= 0;
         c++) {
        uint32_t p = t->kind == SZS_GRAM && t->len <= 2
                         ? szs_posting_at(c, szs_seg_start(m, slot))
                         : szs_occurrence_at(t, q->chars, c, szs_seg_start(m, slot));
        if (p == SZS_NO_POSITION)
            continue;
        if (!(touched & (1u << slot))) {
            touched |= 1u << slot;
            exact[slot] = stem[slot] = 0;
        }
        if (!exact[slot]++)
            szs_consider(out, slot, p, t->len);
    }
    t->cursor = c;
    uint32_t s = t->stem_cursor;
    for (int slot; (slot = next_searched(shzi_ix.word_info, &s, t->stem_end, m, searched)) >= 0;
         s++) {
        if (!(touched & (1u << slot))) {
            touched |= 1u << slot;
            exact[slot] = stem[slot] = 0;
        }
        if (!stem[slot]++ && slot != SHZ_IX_TERMS) {
            uint32_t p = shzi_ix_u32(shzi_ix.word_postings, s);
            szs_consider(out, slot, p, szs_word_length(p));
        }
    }
    t->stem_cursor = s;
    *slots = touched;
    if (!touched)
        return 0;
    double tf = 0;
    for (unsigned left = touched; left; left &= left - 1) { /* in slot order, as the generator */
        int slot = __builtin_ctz(left);
        uint32_t n = exact[slot];
        if (slot != SHZ_IX_TERMS)
            *occurrences += n + stem[slot];
        double weighted = n;
        if (stem[slot] > n)
            weighted += (stem[slot] - n) * (STEM_PERCENT / 100.0);
        tf += shzi_ix_tf_part(
            weighted, shzi_ix_u32(shzi_ix.field_scale, (size_t)m * SHZ_IX_NSLOTS + (size_t)slot));
    }
    *impact = shzi_ix_bm25(t->idf, tf);
    return 1;
}

/* What term t adds to a score for a term score of impact (x SHZ_IX_ONE). */
static double term_share(const szs_term *t, uint32_t impact)
{
    double term_score = impact / (double)SHZ_IX_ONE;
    if (t->part)
        term_score *= PART_PERCENT / 100.0;
    return t->tolerant ? term_score * (TOLERANT_PERCENT / 100.0) : term_score;
}

/* Whether the hit holds the query only by a word in passing: the one word of the query it holds
 * (of those that say what the query is about, q->informative), where the query weighs more than
 * that word, is found exactly but only in its body or summary (strength under 1: no title,
 * keyword or alias names it, nor is it found beside another word of the query), or is common
 * (in more than 1 / SHZ_IX_COMMON_SHARE of the measures). A measure that merely mentions a word
 * of a request, or shares with it only a word most measures have, is not about the request. */
static int passing_mention(const szs_query *q, uint64_t exact, uint64_t whole,
                           const double *strength)
{
    uint64_t words = whole & q->informative;
    if (!words || (words & (words - 1)))
        return 0;
    size_t o = (size_t)__builtin_ctzll(words);
    const szs_term *t = &q->terms[o];
    if (t->part || (t->kind != SZS_WORD && t->len < 2))
        return 0;
    if (t->weight >= q->weight)
        return 0;
    return ((exact >> o & 1) && strength[o] < 1) || q->origin_idf[o] < q->common_idf;
}

/* Whether a measure holding the terms exact | tolerant (bits by origin) passes the precision
 * rule; leaves tolerant with only the terms matched nowhere exactly, the number of reported
 * terms held in *matched and the hit's relevance in *relevance. strength: each origin's best
 * szs_strength, exact or tolerant (exact_strength when it is held exactly). */
static int terms_pass(const szs_query *q, uint64_t exact, uint64_t *tolerant,
                      const double *strength, size_t *matched, double *relevance)
{
    uint64_t terms = exact | *tolerant, whole = 0;
    *tolerant &= ~exact;
    double held = 0;
    size_t n = 0;
    for (uint64_t left = terms; left; left &= left - 1, n++) {
        size_t o = (size_t)__builtin_ctzll(left);
        held += q->terms[o].weight * strength[o];
        if (!q->terms[o].part || !(exact >> o & 1))
            whole |= UINT64_C(1) << o;
    }
    *matched = n;
    *relevance = q->measure ? held / (double)q->measure : 0;
    if (*relevance > 1)
        *relevance = 1;
    if (passing_mention(q, exact, whole, strength))
        return 0;
    return precision_pass(q, *relevance, n, terms, whole);
}

/* The phrase bonus of a pair found in a measure. */
static double phrase_bonus(const szs_query *q, const szs_pair *pair)
{
    uint32_t a = q->terms[pair->a].idf, b = q->terms[pair->b].idf;
    return (a < b ? a : b) / (double)SHZ_IX_ONE * (PHRASE_PERCENT / 100.0);
}

/* Sets the key and match kind of hit h of measure m, whose terms are set: its relevance (the
 * share of the query's weight it holds) first, its BM25F total among equals. */
static void rank_hit(const szs_query *q, uint32_t m, double total, size_t matched, double share,
                     szs_hit *h)
{
    uint64_t relevance = szs_relevance_key(share);
    double scaled = total * SCORE_SCALE;
    uint64_t score = scaled < (double)SZS_SCORE_MAX ? (uint64_t)scaled : SZS_SCORE_MAX;
    if (matched == q->reported)
        h->match |= SHZ_MATCH_ALL_TERMS;
    if (h->tolerant_terms)
        h->match |= SHZ_MATCH_TOLERANT;
    h->key = (relevance << SZS_SCORE_BITS | score) << SZS_MEASURE_BITS |
             ((UINT64_C(1) << SZS_MEASURE_BITS) - 1 - m);
}

/* A hit found only in the keywords and aliases shows them, from their start. */
static void place_hit(uint32_t m, uint64_t occurrences, szs_hit *h)
{
    h->occurrences = (uint32_t)(occurrences < UINT32_MAX ? occurrences : UINT32_MAX);
    if (h->best_pos == SZS_NO_POSITION) {
        h->best_slot = SHZ_IX_TERMS;
        h->best_pos = szs_seg_start(m, SHZ_IX_TERMS);
        h->best_len = 0;
    }
}

/* Scores measure m into *out, its term cursors on m's postings: *relevance is the share it
 * holds; returns whether it passes the precision rule. Its key and match kind are set when it
 * passes, or always when rank_failing (a related measure, listed even though it fails). */
static int score_best(szs_query *q, const szs_settings *set, uint32_t m, szs_hit *out,
                      double *relevance, int rank_failing)
{
    szs_clear_hit(out);
    double total = 0;
    uint64_t occurrences = 0;
    size_t matched;
    double strength[SZS_MAX_BEST_TERMS];
    for (size_t i = 0; i < q->term_count; i++) {
        szs_term *t = &q->terms[i];
        uint32_t impact;
        unsigned slots;
        if (!score_term(q, set, t, m, out, &occurrences, &impact, &slots))
            continue;
        total += term_share(t, impact);
        uint64_t bit = UINT64_C(1) << t->origin;
        double st = szs_strength(t, slots & SZS_NAMING_SLOTS ? 1 : szs_saturation(t->idf, impact));
        if (t->tolerant) {
            if (out->exact_terms & bit)
                continue;
            if (!(out->tolerant_terms & bit) || strength[t->origin] < st)
                strength[t->origin] = st;
            out->tolerant_terms |= bit;
        } else {
            strength[t->origin] = st; /* exact beats any alternative */
            out->exact_terms |= bit;
        }
    }
    /* Two words found together as the query has them hold as firmly as a term can (Han bigrams
     * of one run follow each other wherever the longer word occurs: their pairs only add the
     * bonus). */
    for (size_t i = 0; i < q->pair_count; i++) {
        const szs_pair *pair = &q->pairs[i];
        uint64_t both = UINT64_C(1) << pair->a | UINT64_C(1) << pair->b;
        if ((out->exact_terms & both) == both &&
            szs_phrase_in(q, set, pair, m, q->terms[pair->a].measure_begin)) {
            total += phrase_bonus(q, pair);
            if (q->terms[pair->a].kind == SZS_WORD && q->terms[pair->b].kind == SZS_WORD) {
                strength[pair->a] = szs_strength(&q->terms[pair->a], 1);
                strength[pair->b] = szs_strength(&q->terms[pair->b], 1);
            }
        }
    }
    int pass = terms_pass(q, out->exact_terms, &out->tolerant_terms, strength, &matched, relevance);
    if (!pass && !rank_failing)
        return 0;
    rank_hit(q, m, total, matched, *relevance, out);
    place_hit(m, occurrences, out);
    return pass;
}

static int has_measure(const szs_hit *hits, size_t count, uint32_t m)
{
    for (size_t i = 0; i < count; i++)
        if (szs_measure_of_hit(&hits[i]) == m)
            return 1;
    return 0;
}

/* Puts every term's cursors back on its first postings. */
static void rewind_terms(szs_query *q)
{
    for (size_t k = 0; k < q->term_count; k++) {
        q->terms[k].cursor = q->terms[k].post_begin;
        q->terms[k].stem_cursor = q->terms[k].stem_begin;
    }
}

/* The closely related measures (grade 2) of the best match (hits[0]) that do not match join the
 * count hits, the best of them while room lasts, flagged SHZ_MATCH_RELATED: a reader asking
 * about one measure is often served by its companions, which need not share the query's words
 * (the grade-1 links, which meet on one point only, added nothing on the development sets and
 * cost as much again). One joins if it ranks below the last match (hits[count - 1]: it holds no
 * more, and scores less if it holds as much), so relevance and score never rise down the list: one
 * holding min_relevance or more failed the rule's other tests (it mentions a word of the request in
 * passing, say), which a companion of the answer need not pass. They rank among themselves by the
 * relevance they hold. Each is scored afresh: the links of grade 2 come first, in id order
 * (shz_measure_related()), so the cursors, put back once, move forward as in the first pass. */
static size_t add_related(szs_query *q, const szs_settings *set, szs_hit *hits, size_t count,
                          size_t room)
{
    const shz_measure *best = shz_measure_at(szs_measure_of_hit(&hits[0]));
    szs_hit *tail = hits + count;
    size_t tail_room = room - count, joined = 0, links = shz_measure_related_count(best);
    uint32_t last = SZS_NO_MEASURE;
    uint64_t last_match = hits[count - 1].key;
    for (size_t i = 0; i < links && tail_room && shz_measure_related_grade(best, i) == 2; i++) {
        /* Measure ids are indices + 1 (shz_measure_get()). */
        uint32_t m = (uint32_t)(shz_measure_id(shz_measure_related(best, i)) - 1);
        if (has_measure(hits, count, m) || !szs_in_topics(set, m))
            continue;
        if (last == SZS_NO_MEASURE || m <= last)
            rewind_terms(q); /* the first, or links out of order: start again */
        last = m;
        int holds = 0;
        for (size_t k = 0; k < q->term_count; k++) {
            szs_term *t = &q->terms[k];
            holds |= szs_next_in(shzi_ix.post_info, &t->cursor, t->post_end, m) == m;
            holds |= szs_next_in(shzi_ix.word_info, &t->stem_cursor, t->stem_end, m) == m;
        }
        double relevance = 0;
        szs_hit h;
        if (!holds) { /* nothing to score: it holds no term */
            szs_clear_hit(&h);
            rank_hit(q, m, 0, 0, 0, &h);
            place_hit(m, 0, &h);
        } else if (score_best(q, set, m, &h, &relevance, 1) || h.key > last_match) {
            continue; /* it matches after all, or it would rank above the last match */
        }
        h.match |= SHZ_MATCH_RELATED;
        if (!h.exact_terms && !h.tolerant_terms) { /* no match to show: its body, as asked */
            h.best_slot = set->lang == SHZ_LANG_EN ? SHZ_IX_BODY_EN : SHZ_IX_BODY;
            h.best_pos = szs_seg_start(m, h.best_slot);
        }
        szs_offer(tail, &joined, tail_room, &h);
    }
    return count + szs_finish(tail, joined, tail_room);
}

/* Whether measure m, on whose postings some terms' cursors stand, could pass the precision rule:
 * whether the reported terms found there reach min_relevance even if each were held as firmly as
 * a term can be (strength 1). One that cannot is not scored: its cursors move past it on the way
 * to the next. */
static int could_pass(const szs_query *q, uint32_t m)
{
    uint64_t found = 0, most = 0;
    for (size_t i = 0; i < q->term_count; i++) {
        const szs_term *t = &q->terms[i];
        if ((t->cursor < t->post_end &&
             szs_info_measure(shzi_ix_u32(shzi_ix.post_info, t->cursor)) == m) ||
            (t->stem_cursor < t->stem_end &&
             szs_info_measure(shzi_ix_u32(shzi_ix.word_info, t->stem_cursor)) == m))
            found |= UINT64_C(1) << t->origin;
    }
    for (; found; found &= found - 1)
        most += q->terms[__builtin_ctzll(found)].weight;
    return most >= q->measure || reaches_min_relevance(q, (double)most / (double)q->measure);
}

/* Visits every measure that holds some term (the union of the terms' postings), in id order;
 * then, unless the settings ask for the matches only, adds the best match's closely related
 * measures (add_related). */
size_t szs_collect_best(szs_query *q, const szs_settings *set, szs_hit *hits, size_t capacity,
                        size_t keep)
{
    size_t count = 0;
    uint32_t m = 0;
    if (q->live_count == 0)
        return 0;
    for (size_t i = 0; i < q->reported && i < SZS_MAX_BEST_TERMS; i++)
        q->origin_idf[i] = q->terms[i].idf;
    q->common_idf = shzi_ix.common_idf;
    q->part_idf = shzi_ix.part_idf;
    q->min_relevance = set->min_relevance;
    q->uncommon_word = 0;
    for (size_t i = 0; i < q->reported && i < SZS_MAX_BEST_TERMS; i++) {
        const szs_term *t = &q->terms[i];
        if ((q->informative >> i & 1) && !t->part &&
            (!t->live || q->origin_idf[i] >= q->common_idf))
            q->uncommon_word = 1;
    }
    if (q->weight == 0)
        return 0; /* nothing in the query carries weight: nothing can hold a share of it */
    while (keep || count < capacity) {
        uint32_t next = SZS_NO_MEASURE;
        for (size_t i = 0; i < q->term_count; i++) {
            szs_term *t = &q->terms[i];
            /* Most terms have postings of one kind only: the other is not looked at. */
            if (t->cursor < t->post_end) {
                uint32_t a = szs_next_in(shzi_ix.post_info, &t->cursor, t->post_end, m);
                next = a < next ? a : next;
            }
            if (t->stem_cursor < t->stem_end) {
                uint32_t b = szs_next_in(shzi_ix.word_info, &t->stem_cursor, t->stem_end, m);
                next = b < next ? b : next;
            }
        }
        if (next == SZS_NO_MEASURE)
            break;
        m = next;
        szs_hit h;
        double relevance;
        if (szs_in_topics(set, m) && could_pass(q, m) && score_best(q, set, m, &h, &relevance, 0))
            szs_offer(hits, &count, keep, &h);
        m++;
    }
    count = szs_finish(hits, count, keep);
    if (count && !(set->flags & SHZ_ONLY_MATCHES))
        count = add_related(q, set, hits, count, keep ? keep : capacity);
    return count;
}
