/*
 * The thesaurus (best-match mode): everyday words the catalogue lacks, each
 * with the catalogue's words for the same thing (data/thesaurus.tsv, compiled
 * into the index: index_data.h, thes_rows). Query analysis keeps a thesaurus
 * word of a Han run whole, as one term, rather than splitting it into bigrams
 * that would match other words by their characters; the row's catalogue words
 * become its alternatives, as likely as THESAURUS_PERCENT of an exact match.
 * A row without catalogue words names a subject no measure addresses: the
 * word stays one term, matching nothing, and weighs as the subject of the
 * query it is in (query.c, szs_weigh).
 */
#include "search_int.h"
#include "stem.h"

/* A catalogue word means what the everyday word means, so it holds more than a guess at a typo
 * or a homophone (tolerance.c holds at most half), but less than the word itself. */
enum { THESAURUS_PERCENT = 80 };

static uint32_t row_start(uint32_t row)
{
    return shzi_ix_u16(shzi_ix.thes_rows, row);
}

static uint32_t char_at(uint32_t at)
{
    return shzi_ix_u16(shzi_ix.thes_chars, at);
}

/* The first row whose word starts with c or after (rows are sorted by word). */
static uint32_t first_row_from(uint32_t c)
{
    uint32_t lo = 0, hi = shzi_ix.thes_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (char_at(row_start(mid)) < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* How many code points of chars[0..n) the word of row matches: its length if it is a prefix of
 * them, else 0. */
static uint32_t word_prefix(uint32_t row, const uint32_t *chars, uint32_t n)
{
    uint32_t at = row_start(row), k = 0;
    for (uint32_t c; (c = char_at(at + k)) != 0; k++)
        if (k >= n || chars[k] != c)
            return 0;
    return k;
}

uint32_t szs_thesaurus_prefix(const uint32_t *chars, uint32_t n)
{
    uint32_t longest = 0;
    if (n < 2)
        return 0; /* a word of a Han run has two characters at least */
    uint32_t bit = shzi_ix_thes_head(chars[0], chars[1]);
    if (!(shzi_ix_u32(shzi_ix.thes_heads, bit / 32) >> (bit % 32) & 1))
        return 0;
    for (uint32_t row = first_row_from(chars[0]);
         row < shzi_ix.thes_count && char_at(row_start(row)) == chars[0]; row++) {
        uint32_t k = word_prefix(row, chars, n);
        longest = k > longest ? k : longest;
    }
    return longest;
}

/* The row whose word is chars[0..len), or shzi_ix.thes_count. */
static uint32_t row_of(const uint32_t *chars, uint32_t len)
{
    for (uint32_t row = len ? first_row_from(chars[0]) : shzi_ix.thes_count;
         row < shzi_ix.thes_count && char_at(row_start(row)) == chars[0]; row++)
        if (word_prefix(row, chars, len) == len)
            return row;
    return shzi_ix.thes_count;
}

/* Writes the stem of the English word chars[0..len) to key; its length, or 0 when the word is
 * not one of letters (rows are words of letters) or is longer than a stem can be. */
static uint32_t stem_key(const uint32_t *chars, uint32_t len, uint32_t *key)
{
    unsigned char word[SZS_STEM_MAX], stem[SZS_STEM_MAX];
    if (len == 0 || len > SZS_STEM_MAX)
        return 0;
    for (uint32_t i = 0; i < len; i++) {
        if (chars[i] < 'a' || chars[i] > 'z')
            return 0;
        word[i] = (unsigned char)chars[i];
    }
    size_t stem_len = szs_stem_english(word, len, stem);
    for (size_t i = 0; i < stem_len; i++)
        key[i] = stem[i];
    return (uint32_t)stem_len;
}

/* The row of the query word chars[0..len): a Han word's own, an English word's by its stem. */
static uint32_t word_row(const uint32_t *chars, uint32_t len)
{
    uint32_t key[SZS_STEM_MAX];
    if (len && chars[0] >= 0x80)
        return row_of(chars, len);
    uint32_t key_len = stem_key(chars, len, key);
    return key_len ? row_of(key, key_len) : shzi_ix.thes_count;
}

int szs_thesaurus_phrase(const uint32_t *first, uint32_t first_len, const uint32_t *second,
                         uint32_t second_len)
{
    /* The key the generator wrote: the two stems and a space between them. */
    uint32_t key[2 * SZS_STEM_MAX + 1];
    uint32_t a = stem_key(first, first_len, key);
    uint32_t b = a ? stem_key(second, second_len, key + a + 1) : 0;
    if (!b)
        return 0;
    key[a] = ' ';
    uint32_t row = row_of(key, a + 1 + b);
    /* A phrase's row has no catalogue words: its word's 0 ends it. */
    return row < shzi_ix.thes_count && row_start(row) + a + 1 + b + 1 == row_start(row + 1);
}

long szs_thesaurus_alternatives(const uint32_t *chars, uint32_t len, szs_alternative *out)
{
    uint32_t row = word_row(chars, len);
    if (row == shzi_ix.thes_count)
        return -1;
    /* The generator keeps a row to SHZ_IX_THES_MAX_WORDS catalogue words of at most
     * SHZ_IX_THES_MAX_LEN code points, which out and each alternative hold (search_int.h). */
    uint32_t at = row_start(row), end = row_start(row + 1);
    while (char_at(at++) != 0) /* past the row's word (an English word's stem, not len long) */
        ;
    long n = 0; /* none for a word naming a subject the catalogue does not address */
    for (; at < end; at++, n++) {
        szs_alternative *alt = &out[n];
        alt->len = 0;
        for (uint32_t c; (c = char_at(at)) != 0; at++)
            alt->chars[alt->len++] = c;
        alt->likelihood = THESAURUS_PERCENT;
    }
    return n;
}
