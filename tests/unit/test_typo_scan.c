/*
 * The typo scan of best-match tolerance (szs_typo_words) against a brute
 * force written here: every word of the index's word table, its distance to
 * the query word computed, the near ones ranked (fewer edits, then the rarer
 * stem, then the lower entry) and kept one per stem. The scan reads only the
 * generator's typo rows of the lengths within budget and skips words by
 * letter masks; both must change nothing. Query words: every vocabulary word
 * with one or two random edits, and random words, each with budgets 1 and 2.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search/fuzzy.h"
#include "index_data.h"
#include "search/search_int.h"

enum { MAX_WORD = SHZ_IX_TYPO_MAX_LEN };

static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

static uint32_t entry_len(uint32_t e)
{
    uint32_t len;
    shzi_ix_word_text(e, &len);
    return len;
}

static uint32_t entry_chars(uint32_t e, uint32_t *out)
{
    uint32_t len;
    const unsigned char *s = shzi_ix_word_text(e, &len);
    for (uint32_t k = 0; k < len && k < MAX_WORD; k++)
        out[k] = s[k];
    return len;
}

static int is_word(uint32_t e)
{
    return shzi_ix_u32(shzi_ix.word_stem, e) != SHZ_IX_NO_ENTRY;
}

static int by_rank(const void *a, const void *b)
{
    const szs_typo *x = a, *y = b;
    if (x->edits != y->edits)
        return x->edits < y->edits ? -1 : 1;
    if (x->idf != y->idf)
        return x->idf > y->idf ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

/* The distinct characters of s[0..n) that t[0..m) lacks. */
static int missing_chars(const uint32_t *s, size_t n, const uint32_t *t, size_t m)
{
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        int seen = 0, found = 0;
        for (size_t j = 0; j < i; j++)
            seen |= s[j] == s[i];
        for (size_t j = 0; j < m; j++)
            found |= t[j] == s[i];
        count += !seen && !found;
    }
    return count;
}

/* Every word of the table within budget, ranked, one per stem, the first SZS_MAX_TYPO_WORDS;
 * checks on the way that no near word has more mask bits apart from the query than edits. */
static size_t brute_force(const uint32_t *word, uint32_t len, int budget, szs_typo *best,
                          szs_typo *all)
{
    size_t found = 0;
    uint32_t other[MAX_WORD];
    for (uint32_t e = 0; e < shzi_ix.word_count; e++) {
        if (!is_word(e) || entry_len(e) > MAX_WORD)
            continue;
        uint32_t other_len = entry_chars(e, other);
        int edits = shzi_edit_distance_within(word, len, other, other_len, budget);
        if (edits == 0 || edits > budget)
            continue;
        cr_assert_leq(missing_chars(word, len, other, other_len), edits);
        cr_assert_leq(missing_chars(other, other_len, word, len), edits);
        uint32_t stem = shzi_ix_u32(shzi_ix.word_stem, e);
        all[found++] = (szs_typo){edits, e, stem, shzi_ix_u32(shzi_ix.word_idf, stem)};
    }
    qsort(all, found, sizeof *all, by_rank);
    size_t n = 0;
    for (size_t i = 0; i < found && n < SZS_MAX_TYPO_WORDS; i++) {
        int taken = 0;
        for (size_t k = 0; k < n; k++)
            taken |= best[k].stem == all[i].stem;
        if (!taken)
            best[n++] = all[i];
    }
    return n;
}

/* One random edit of word: a substitution, insertion, deletion or adjacent swap. */
static uint32_t mutate(uint32_t *word, uint32_t len, uint64_t *state)
{
    uint32_t at = len ? (uint32_t)(next_random(state) % len) : 0;
    uint32_t letter = 'a' + (uint32_t)(next_random(state) % 26);
    switch (next_random(state) % 4) {
    case 0:
        if (len)
            word[at] = letter;
        return len;
    case 1:
        if (len >= MAX_WORD)
            return len;
        memmove(word + at + 1, word + at, (len - at) * sizeof *word);
        word[at] = letter;
        return len + 1;
    case 2:
        if (len <= 1)
            return len;
        memmove(word + at, word + at + 1, (len - at - 1) * sizeof *word);
        return len - 1;
    default:
        if (at + 1 < len) {
            uint32_t c = word[at];
            word[at] = word[at + 1];
            word[at + 1] = c;
        }
        return len;
    }
}

static size_t compared, with_candidates;

static void compare(const uint32_t *word, uint32_t len, int budget, szs_typo *all)
{
    szs_typo want[SZS_MAX_TYPO_WORDS], got[SZS_MAX_TYPO_WORDS];
    size_t n_want = brute_force(word, len, budget, want, all);
    size_t n_got = szs_typo_words(word, len, budget, got);
    char text[MAX_WORD + 1];
    for (uint32_t k = 0; k < len; k++)
        text[k] = (char)word[k];
    text[len] = '\0';
    cr_assert_eq(n_got, n_want, "%s (budget %d): %zu words, want %zu", text, budget, n_got, n_want);
    for (size_t k = 0; k < n_want; k++) {
        cr_assert_eq(got[k].entry, want[k].entry, "%s (budget %d): word %zu", text, budget, k);
        cr_assert_eq(got[k].edits, want[k].edits, "%s (budget %d): edits %zu", text, budget, k);
        cr_assert_eq(got[k].stem, want[k].stem);
        cr_assert_eq(got[k].idf, want[k].idf);
    }
    compared++;
    with_candidates += n_want > 0;
}

Test(typo_scan, rows_hold_every_word_once_by_length_with_its_mask)
{
    size_t rows = shzi_ix_u32(shzi_ix.typo_first, SHZ_IX_TYPO_MAX_LEN + 1);
    cr_assert_eq(shzi_ix_u32(shzi_ix.typo_first, 0), 0);
    char *seen = calloc(shzi_ix.word_count + 1, 1);
    cr_assert_not_null(seen);
    size_t words = 0;
    for (uint32_t e = 0; e < shzi_ix.word_count; e++)
        words += is_word(e) && entry_len(e) >= 1 && entry_len(e) <= MAX_WORD;
    cr_assert_eq(rows, words, "%zu rows for %zu words", rows, words);
    cr_assert_gt(words, 100, "the catalogue has an English vocabulary");
    for (uint32_t len = 0; len <= SHZ_IX_TYPO_MAX_LEN; len++) {
        uint32_t begin = shzi_ix_u32(shzi_ix.typo_first, len);
        uint32_t end = shzi_ix_u32(shzi_ix.typo_first, len + 1);
        cr_assert_leq(begin, end);
        for (uint32_t row = begin; row < end; row++) {
            uint32_t e = shzi_ix_u32(shzi_ix.typo_entry, row);
            cr_assert_lt(e, shzi_ix.word_count);
            cr_assert(is_word(e));
            cr_assert_eq(entry_len(e), len, "row %u is in the rows of its length", row);
            cr_assert_not(seen[e], "entry %u in one row only", e);
            seen[e] = 1;
            if (row > begin)
                cr_assert_lt(shzi_ix_u32(shzi_ix.typo_entry, row - 1), e, "entry order");
            uint32_t chars[MAX_WORD], mask = 0;
            for (uint32_t k = 0; k < entry_chars(e, chars); k++)
                mask |= shzi_ix_char_bit(chars[k]);
            cr_assert_eq(shzi_ix_u32(shzi_ix.typo_mask, row), mask);
        }
    }
    free(seen);
}

Test(typo_scan, same_words_as_the_brute_force)
{
    szs_typo *all = malloc(((size_t)shzi_ix.word_count + 1) * sizeof *all);
    cr_assert_not_null(all);
    uint64_t state = UINT64_C(0x9E3779B97F4A7C15);
    uint32_t word[MAX_WORD + 2];
    for (uint32_t e = 0; e < shzi_ix.word_count; e++) {
        if (!is_word(e) || entry_len(e) > MAX_WORD)
            continue;
        uint32_t len = entry_chars(e, word);
        for (int budget = 1; budget <= 2; budget++)
            compare(word, len, budget, all); /* the word itself is no typo of itself */
        int edits = 1 + (int)(e % 2);
        for (int k = 0; k < edits; k++)
            len = mutate(word, len, &state);
        for (int budget = 1; budget <= 2; budget++)
            compare(word, len, budget, all);
        if (len >= 3) { /* a third edit: the same word further off, often out of budget */
            len = mutate(word, len, &state);
            compare(word, len, 2, all);
        }
    }
    for (int i = 0; i < 2000; i++) { /* random words: mostly near nothing */
        uint32_t len = 5 + (uint32_t)(next_random(&state) % 12);
        for (uint32_t k = 0; k < len; k++)
            word[k] = 'a' + (uint32_t)(next_random(&state) % 26);
        compare(word, len, shzi_typo_budget(len), all);
    }
    /* Non-ASCII and digits: the scan's masks have a bit for each kind. */
    const uint32_t odd[] = {'r', 'e', 'f', 0x00E9, 'r', 'm'};
    compare(odd, 6, 1, all);
    compare(odd, 6, 2, all);
    const uint32_t digits[] = {'r', 'e', 'f', 'o', '1', 'm'};
    compare(digits, 6, 1, all);
    compare(digits, 6, 2, all);
    cr_assert_gt(compared, 5000);
    cr_assert_gt(with_candidates, compared / 4, "%zu of %zu query words near some word",
                 with_candidates, compared);
    free(all);
}
