/*
 * Tolerance (best-match mode): a reported query term that the index cannot
 * match at all is searched through near terms that it can. This file finds
 * them (szs_alternatives); query analysis adds them to the query as tolerant
 * alternatives of the term:
 *
 * - a Latin word of at least 6 letters (fuzzy.h's typo budget: 1 edit from 6
 *   letters, 2 from 9) that has no stem in the index and occurs nowhere as a
 *   whole word is searched as the index's English words within that many
 *   edits (Damerau: an adjacent swap is one edit); at most SZS_MAX_TYPO_WORDS of
 *   them, one per stem, fewer edits first, then the rarer stem (higher IDF),
 *   then the word table's order;
 * - a Han bigram without postings whose two characters alone no bigram of
 *   the index covers (an unknown word of two characters) is searched as the
 *   bigrams of the index that differ from it in one character by a homophone
 *   (homophone.h: a catalogue character sharing a toneless Mandarin syllable;
 *   秒皮 -> 秒批) and that a title, keyword or alias holds (words the
 *   catalogue names, not where two words of a sentence meet): a bigram next
 *   to one the index has is where two words meet, and one inside a longer
 *   unknown stretch part of a word the catalogue does not use;
 *   and a lone Han character without postings as its homophones; at most
 *   MAX_HOMOPHONE_GRAMS of them, the rarest (highest IDF) first, the first
 *   found on ties;
 * - a Han bigram without postings whose second character is 个, 了 or 过 and
 *   that the query's next character follows is searched as the word those
 *   two characters around it make, when a title, keyword or alias holds it:
 *   spoken Chinese splits a verb and its object so (刷个脸 is 刷脸, 罚过款 is
 *   罚款), and the word is meant, not guessed.
 *
 * Scoring weighs an alternative as a fraction of an exact match and ranks a
 * hit that matched some term only tolerantly below every hit of its kind
 * (all terms, or partial) that matched exactly (score.c).
 */
#include "fuzzy.h"
#include "homophone.h"
#include "search_int.h"

_Static_assert(SHZ_IX_TYPO_MAX_LEN <= SZS_ALTERNATIVE_MAX_LEN, "an alternative holds a typo word");

enum { MAX_HOMOPHONE_GRAMS = 8, MAX_HOMOPHONES = 64 };
enum { TOLERANT_PERCENT = 50 }; /* the most an alternative holds of its origin's weight */
_Static_assert((int)MAX_HOMOPHONE_GRAMS <= (int)SZS_MAX_EXPANSIONS &&
                   (int)SZS_MAX_TYPO_WORDS <= (int)SZS_MAX_EXPANSIONS,
               "a query's room holds every alternative of its terms");

/* ---- typos -------------------------------------------------------------- */

_Static_assert(SHZ_IX_TYPO_MAX_LEN == SHZ_FUZZY_MAX_LEN, "the typo rows hold every word a "
                                                         "typo distance is computed for");

static int popcount32(uint32_t x)
{
    x -= (x >> 1) & UINT32_C(0x55555555);
    x = (x & UINT32_C(0x33333333)) + ((x >> 2) & UINT32_C(0x33333333));
    x = (x + (x >> 4)) & UINT32_C(0x0F0F0F0F);
    return (int)((x * UINT32_C(0x01010101)) >> 24);
}

/* Whether candidate a goes before b. */
static int typo_before(const szs_typo *a, const szs_typo *b)
{
    if (a->edits != b->edits)
        return a->edits < b->edits;
    if (a->idf != b->idf)
        return a->idf > b->idf;
    return a->entry < b->entry;
}

/* Keeps the best SZS_MAX_TYPO_WORDS candidates, one per stem, sorted. The outcome does not
 * depend on the order candidates come in: it is the best candidate of each stem, the best
 * SZS_MAX_TYPO_WORDS of those. */
static void offer_typo(szs_typo *best, size_t *n, szs_typo c)
{
    for (size_t i = 0; i < *n; i++) {
        if (best[i].stem == c.stem) {
            if (!typo_before(&c, &best[i]))
                return;
            for (size_t j = i; j + 1 < *n; j++) /* take the worse out, then place c */
                best[j] = best[j + 1];
            (*n)--;
            break;
        }
    }
    size_t at = *n;
    while (at > 0 && typo_before(&c, &best[at - 1]))
        at--;
    if (at >= SZS_MAX_TYPO_WORDS)
        return;
    size_t last = *n < SZS_MAX_TYPO_WORDS ? *n : SZS_MAX_TYPO_WORDS - 1;
    for (size_t j = last; j > at; j--)
        best[j] = best[j - 1];
    best[at] = c;
    if (*n < SZS_MAX_TYPO_WORDS)
        (*n)++;
}

/* Word entry e of the index's word table as code points (ASCII); its length. */
static uint32_t word_at(uint32_t e, uint32_t *out)
{
    uint32_t len;
    const unsigned char *bytes = shzi_ix_word_text(e, &len);
    for (uint32_t k = 0; k < len; k++)
        out[k] = bytes[k];
    return len;
}

size_t szs_typo_words(const uint32_t *word, uint32_t len, int budget, szs_typo *best)
{
    size_t n = 0;
    if (budget <= 0 || len == 0 || len > SHZ_IX_TYPO_MAX_LEN)
        return 0;
    if (budget > SHZ_FUZZY_MAX_EDITS)
        budget = SHZ_FUZZY_MAX_EDITS;
    uint32_t letters = 0; /* the word's typo mask */
    for (uint32_t k = 0; k < len; k++)
        letters |= shzi_ix_char_bit(word[k]);
    /* Only the rows of the lengths within budget, and of those only the words whose masks are
     * near enough (index_data.h, shzi_ix_char_bit), need the distance. */
    uint32_t shortest = len > (uint32_t)budget ? len - (uint32_t)budget : 1;
    uint32_t longest = len + (uint32_t)budget;
    if (longest > SHZ_IX_TYPO_MAX_LEN)
        longest = SHZ_IX_TYPO_MAX_LEN;
    uint32_t end = shzi_ix_u32(shzi_ix.typo_first, (size_t)longest + 1);
    uint32_t other[SHZ_IX_TYPO_MAX_LEN];
    for (uint32_t row = shzi_ix_u32(shzi_ix.typo_first, shortest); row < end; row++) {
        uint32_t other_letters = shzi_ix_u32(shzi_ix.typo_mask, row);
        if (popcount32(letters & ~other_letters) > budget ||
            popcount32(other_letters & ~letters) > budget)
            continue;
        uint32_t e = shzi_ix_u32(shzi_ix.typo_entry, row);
        uint32_t other_len = word_at(e, other);
        int edits = shzi_edit_distance_within(word, len, other, other_len, budget);
        if (edits > 0 && edits <= budget) {
            uint32_t stem = shzi_ix_u32(shzi_ix.word_stem, e);
            offer_typo(best, &n, (szs_typo){edits, e, stem, shzi_ix_u32(shzi_ix.word_idf, stem)});
        }
    }
    return n;
}

static size_t word_alternatives(const szs_query *q, size_t i, szs_alternative *out)
{
    const szs_term *t = &q->terms[i];
    const uint32_t *word = q->chars + t->start;
    uint32_t len = t->len;
    int budget = shzi_typo_budget(len);
    if (budget == 0 || len > SHZ_FUZZY_MAX_LEN || t->stem_end > t->stem_begin)
        return 0;
    for (uint32_t k = 0; k < len; k++)
        if (word[k] < 'a' || word[k] > 'z')
            return 0; /* only English words have a vocabulary to be near */
    if (t->post_end > t->post_begin && szs_term_occurs(t, q->chars))
        return 0; /* it occurs as a whole word somewhere */

    szs_typo best[SZS_MAX_TYPO_WORDS];
    size_t n = szs_typo_words(word, len, budget, best);
    for (size_t k = 0; k < n; k++) {
        out[k].len = word_at(best[k].entry, out[k].chars);
        /* A word two edits away is a less likely reading than one an edit away. */
        out[k].likelihood = (uint8_t)(TOLERANT_PERCENT / best[k].edits);
    }
    return n;
}

/* ---- homophones --------------------------------------------------------- */

typedef struct gram_hit {
    uint32_t chars[2];
    uint32_t idf;
} gram_hit;

/* Keeps the MAX_HOMOPHONE_GRAMS rarest (highest IDF), the first found on ties. */
static void offer_gram(gram_hit *best, size_t *n, gram_hit g)
{
    size_t at = *n;
    while (at > 0 && g.idf > best[at - 1].idf)
        at--;
    if (at >= MAX_HOMOPHONE_GRAMS)
        return;
    size_t last = *n < MAX_HOMOPHONE_GRAMS ? *n : MAX_HOMOPHONE_GRAMS - 1;
    for (size_t j = last; j > at; j--)
        best[j] = best[j - 1];
    best[at] = g;
    if (*n < MAX_HOMOPHONE_GRAMS)
        (*n)++;
}

/* Whether a gram with postings [begin, end) is in some measure's title, keywords or aliases:
 * a word the catalogue names, which a misheard word can stand for (a bigram found only in a
 * body may be where two words of a sentence meet). */
static int named_gram(uint32_t begin, uint32_t end)
{
    for (uint32_t c = begin; c < end; c++) {
        int slot = szs_info_slot(shzi_ix_u32(shzi_ix.post_info, c));
        if (slot == SHZ_IX_TITLE || slot == SHZ_IX_TERMS)
            return 1;
    }
    return 0;
}

static size_t gram_alternatives(const szs_query *q, size_t i, szs_alternative *out)
{
    const szs_term *t = &q->terms[i];
    uint32_t len = t->len;
    if ((len != 1 && len != 2) || t->post_end > t->post_begin)
        return 0;
    /* A character of two between known words stands for a word the user chose, not one
     * misheard: like the dead bigrams around it (below), it gets no homophones. */
    if (t->part == SZS_PART_GAP)
        return 0;
    /* Nor does a character of an unknown word: alternatives come from words the catalogue
     * has, and the word's bigrams get theirs. */
    if (t->part)
        return 0;
    /* Only a bigram whose two characters alone no bigram of the index covers, a word of two
     * characters (秒皮, alone or between 办理 and 审批), is read as misheard: a dead bigram next
     * to a live one is where two words meet (业服 in 企业服务), and one inside a longer unknown
     * stretch is part of a word the catalogue does not use, whose sounds would match words it
     * does by chance. */
    if (len == 2 && !t->two_unknown)
        return 0;
    gram_hit best[MAX_HOMOPHONE_GRAMS];
    size_t n = 0;
    uint32_t homophones[MAX_HOMOPHONES];
    for (uint32_t at = 0; at < len; at++) { /* one character replaced at a time */
        uint32_t chars[2];
        memcpy(chars, q->chars + t->start, len * sizeof chars[0]);
        size_t count = shzi_homophones_in_catalogue(chars[at], homophones, MAX_HOMOPHONES);
        for (size_t k = 0; k < count; k++) {
            chars[at] = homophones[k];
            uint64_t key = len == 1 ? chars[0] : SHZ_IX_BIGRAM_KEY(chars[0], chars[1]);
            uint32_t gram, begin, end;
            if (szs_gram_postings(key, &gram, &begin, &end) && named_gram(begin, end))
                offer_gram(best, &n,
                           (gram_hit){{chars[0], len > 1 ? chars[1] : 0}, szs_gram_idf(gram)});
        }
    }
    for (size_t k = 0; k < n; k++) {
        memcpy(out[k].chars, best[k].chars, len * sizeof best[k].chars[0]);
        out[k].len = len;
        /* Of n readings that sound alike, each is one of n guesses. */
        out[k].likelihood = (uint8_t)(2 * (size_t)TOLERANT_PERCENT / (n + 1));
    }
    return n;
}

/* ---- split words -------------------------------------------------------- */

/* Whether c is a character spoken Chinese puts inside a verb and its object. */
static int splits_words(uint32_t c)
{
    return c == 0x4E2A /* 个 */ || c == 0x4E86 /* 了 */ || c == 0x8FC7 /* 过 */;
}

static size_t split_word_alternative(const szs_query *q, size_t i, szs_alternative *out)
{
    const szs_term *t = &q->terms[i];
    const uint32_t *c = q->chars + t->start;
    if (t->len != 2 || t->post_end > t->post_begin || !splits_words(c[1]))
        return 0;
    /* The next character is the query's only where a bigram of the same piece starts at the
     * split character (terms of other pieces and runs are elsewhere in chars). */
    size_t next = 0;
    while (next < q->reported && !(q->terms[next].kind == SZS_GRAM && q->terms[next].len == 2 &&
                                   q->terms[next].start == t->start + 1))
        next++;
    uint32_t gram, begin, end;
    if (next == q->reported ||
        !szs_gram_postings(SHZ_IX_BIGRAM_KEY(c[0], c[2]), &gram, &begin, &end) ||
        !named_gram(begin, end))
        return 0;
    out[0].chars[0] = c[0];
    out[0].chars[1] = c[2];
    out[0].len = 2;
    out[0].likelihood = TOLERANT_PERCENT;
    return 1;
}

size_t szs_alternatives(const szs_query *q, size_t i, szs_alternative *out)
{
    uint8_t kind = q->terms[i].kind;
    if (kind == SZS_GRAM) {
        size_t n = split_word_alternative(q, i, out);
        return n ? n : gram_alternatives(q, i, out);
    }
    return kind == SZS_WORD ? word_alternatives(q, i, out) : 0;
}
