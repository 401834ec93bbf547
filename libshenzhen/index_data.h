/*
 * Internal layout of the compiled-in search index (never installed).
 *
 * libshenzhen/gen/emit_index.c writes index_data.c from the same catalogue as
 * catalogue_data.c. The normalized text (libshenzhen/normalize.h) of every
 * searchable field of every measure is laid out in one array of code points,
 * measure by measure, field by field in the order of enum shzi_ix_slot, each
 * field preceded by a 0 sentinel and the whole followed by one. Postings list,
 * for every distinct normalized character and character bigram, the positions
 * in that array where it starts, ascending. Because folding is per code point,
 * each normalized position also records the byte offset of the original
 * character in its field's text, from which spans are exact (a character
 * offset is counted from the text when a hit's details are read).
 *
 * The tables are little-endian uint32 arrays in one byte blob (a string
 * literal compiles an order of magnitude faster than an integer initialiser
 * list, which matters for the benchmarks' 100x catalogue), located by byte
 * offsets in shzi_ix. Integers only, so no load-time relocations.
 */
#ifndef SHZ_INDEX_DATA_H
#define SHZ_INDEX_DATA_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bumped whenever the layout changes; the generator writes it, the library checks it. */
#define SHZ_IX_FORMAT 19

/* The searchable fields of a measure, in their order in the index, which is also their rank:
 * a match in an earlier slot is a better match. */
enum shzi_ix_slot {
    SHZ_IX_TITLE = 0,    /* zh-Hans title */
    SHZ_IX_TITLE_EN = 1, /* en title */
    SHZ_IX_PINYIN = 2,   /* toneless pinyin of the title (spaces fold away) */
    SHZ_IX_INITIALS = 3, /* its initials */
    SHZ_IX_BODY = 4,     /* zh-Hans body */
    SHZ_IX_SUMMARY = 5,  /* en summary */
    SHZ_IX_TERMS = 6,    /* keywords, then aliases, each item ended by a 0 (not shown: no spans) */
    SHZ_IX_BODY_EN = 7,  /* en body (empty while the catalogue has none) */
    /* The toneless pinyin of each keyword and alias with Han characters (gen/term_pinyin.h),
     * items as in TERMS, and their initials. No spans: a position's src_byte points at the
     * character it spells in the TERMS text, which their snippets show. */
    SHZ_IX_TERMS_PINYIN = 8,
    SHZ_IX_TERMS_INITIALS = 9,
    SHZ_IX_NSLOTS = 10
};

/* A slot's rank when choosing a hit's best match (lower is better): titles, then bodies and
 * summary, then the keywords and aliases, which have no spans to show, then their pinyin. For
 * the 1.0 fields this is their slot order, as 1.0 ranked them. */
static inline unsigned shzi_ix_slot_rank(unsigned slot)
{
    return slot == SHZ_IX_BODY_EN ? 6u : slot == SHZ_IX_TERMS ? 7u : slot;
}

/* Whether a slot's matches are shown as spans: not the keywords and aliases, nor their pinyin
 * (their snippets show the keywords and aliases joined, a text of the index). */
static inline int shzi_ix_slot_has_spans(unsigned slot)
{
    return slot != SHZ_IX_TERMS && slot != SHZ_IX_TERMS_PINYIN && slot != SHZ_IX_TERMS_INITIALS;
}

/* Bits of the per-measure hant byte: the zh-Hant text of that field has as many code points as
 * the zh-Hans one, so zh-Hans character offsets are valid in it. */
enum { SHZ_IX_HANT_TITLE = 1, SHZ_IX_HANT_BODY = 2 };

/* A position's word flags (stored above its code point, in norm). Normalization drops spaces
 * and punctuation, so "ji ceng" becomes "jiceng"; these keep where the words were: a Latin or digit
 * character starts a word when it is the first of its field or item, or something was dropped
 * before it, or the character before it is not Latin; it ends one likewise. Every Han character is
 * a word of its own, and so is every letter of the title's pinyin initials (each stands for a
 * syllable); the initials of a keyword or alias are one word (matched whole).
 * Latin words of the best-match mode match from a word start to a word end only. */
enum { SHZ_IX_WORD_START = 1, SHZ_IX_WORD_END = 2 };
enum { SHZ_IX_FLAGS_SHIFT = 21 }; /* above the code point, in a position's three bytes */

/* Scores are fixed point: an IDF or a field scale of 1.0 is stored as SHZ_IX_ONE. */
#define SHZ_IX_ONE 65536u

/* A posting is where a gram occurs: measure << 19 | slot << 15 | offset in the field (its
 * position is the field's first, seg_start, plus the offset). So a search groups postings by
 * measure and field without loading anything else, and, as they ascend, gallops them by
 * measure. Hence at most SHZ_IX_MAX_MEASURES measures, and fields of fewer than
 * SHZ_IX_MAX_FIELD positions (the generator checks both). */
enum { SHZ_IX_INFO_SLOT_SHIFT = 15, SHZ_IX_INFO_MEASURE_SHIFT = 19, SHZ_IX_OFFSET_MASK = 0x7FFF };
enum { SHZ_IX_INFO_SLOT_MASK = (1 << (SHZ_IX_INFO_MEASURE_SHIFT - SHZ_IX_INFO_SLOT_SHIFT)) - 1 };
_Static_assert(SHZ_IX_NSLOTS <= SHZ_IX_INFO_SLOT_MASK + 1, "a posting's slot bits hold every slot");
#define SHZ_IX_MAX_MEASURES (UINT32_C(1) << (32 - SHZ_IX_INFO_MEASURE_SHIFT))
#define SHZ_IX_MAX_FIELD (UINT32_C(1) << SHZ_IX_INFO_SLOT_SHIFT)

/* Grams are keyed as one integer: a character is its code point (below 2^21), a bigram
 * is (first << 21) | second (at least 2^21, since no normalized code point is 0). */
#define SHZ_IX_BIGRAM_KEY(a, b) (((uint64_t)(a) << 21) | (uint64_t)(b))

/* The word table (best-match mode): every distinct folded English word of the index's English
 * fields and every Snowball stem of one, as a string. An entry that is a word names its stem's
 * entry; an entry that is a stem has postings (the positions where a word with that stem
 * starts, ascending, with post_info beside them) and an IDF. */
#define SHZ_IX_NO_ENTRY UINT32_MAX

/* The BM25F constants the generator bakes into field_scale and the library uses (x 1000). */
enum { SHZ_IX_K1_MILLI = 1200, SHZ_IX_B_MILLI = 750 };

/* A gram's record in the grams table. */
enum shzi_ix_gram_field {
    SHZ_IX_GRAM_KEY_LOW = 0,    /* its key, low 32 bits */
    SHZ_IX_GRAM_KEY_IDF = 1,    /* its key's high bits (SHZ_IX_KEY_HIGH_BITS), and above them its
                                   BM25 IDF over measures, x SHZ_IX_ONE */
    SHZ_IX_GRAM_POST_BEGIN = 2, /* its postings [begin, end) */
    SHZ_IX_GRAM_POST_END = 3,
    SHZ_IX_GRAM_FIELDS = 4 /* 16 bytes: four records a 64-byte cache line */
};

/* A key has 42 bits (a bigram's two code points of 21): its high word has 10. An IDF is below
 * 2^22 (ln(1 + 2n) x SHZ_IX_ONE for at most 2^20 measures), so both fit one word. */
enum { SHZ_IX_KEY_HIGH_BITS = 10 };

/* The minimum-should-match rule's shares (search/score.c, msm_pass). */
enum { SHZ_IX_COMMON_SHARE = 4, SHZ_IX_PART_SHARE = 8 };

/* BM25's saturation of a term of IDF idf (x SHZ_IX_ONE) and pseudo-frequency tf, x SHZ_IX_ONE:
 * the generator and the library compute every term's score through this one function, so a
 * score baked into the index equals one computed at search time. */
static inline uint32_t shzi_ix_bm25(uint32_t idf, double tf)
{
    double k1 = SHZ_IX_K1_MILLI / 1000.0;
    return (uint32_t)(idf / (double)SHZ_IX_ONE * tf * (k1 + 1) / (k1 + tf) * SHZ_IX_ONE + 0.5);
}

/* A field's contribution to a term's tf: weighted occurrences times the field's scale. */
static inline double shzi_ix_tf_part(double weighted, uint32_t field_scale)
{
    return weighted * field_scale / (double)SHZ_IX_ONE;
}

typedef struct shzi_ix_layout {
    uint32_t format;         /* SHZ_IX_FORMAT */
    uint32_t measure_count;  /* equals shzi_measure_total */
    uint32_t position_count; /* normalized characters, sentinels included */
    uint32_t gram_count;     /* distinct characters and bigrams */
    uint32_t slot_count;     /* slots of the gram hash table: a fifth more than the grams */
    uint32_t posting_count;
    /* Byte offsets of the tables in shzi_ix_blob; all uint32 unless said otherwise. */
    uint32_t seg_start; /* [measure_count * SHZ_IX_NSLOTS + 1]: first position of each field;
                           the last entry is position_count (one past the final sentinel) */
    uint32_t norm;      /* [position_count] 3 bytes: a normalized code point (0 = sentinel) |
                           its SHZ_IX_WORD_* flags << SHZ_IX_FLAGS_SHIFT */
    uint32_t src_byte;  /* [position_count] uint16: byte offset of the original in its field
                           text (a field text has fewer than 2^16 bytes) */
    uint32_t hant;      /* [measure_count] bytes: SHZ_IX_HANT_* bits */
    uint32_t grams;     /* [slot_count * SHZ_IX_GRAM_FIELDS]: the gram hash table, a
                           record (enum shzi_ix_gram_field) per slot, all zero when empty
                           (linear probing): a lookup reads one cache line */
    uint32_t post_info; /* [posting_count]: the postings (SHZ_IX_INFO_*), grouped by gram,
                           ascending */
    /* Best-match additions. */
    uint32_t field_scale; /* [measure_count * SHZ_IX_NSLOTS]: the slot's weight over BM25's
                             length normalization 1 - b + b * len / average len, x SHZ_IX_ONE */
    uint32_t field_bytes; /* [measure_count * SHZ_IX_NSLOTS]: the byte length of the field's
                             longest text in any language (keywords and aliases: joined) */
    uint32_t common_idf;  /* the least IDF of a term found in at most 1 / SHZ_IX_COMMON_SHARE
                             of the measures (the minimum-should-match rule), x SHZ_IX_ONE */
    uint32_t part_idf;    /* likewise for 1 / SHZ_IX_PART_SHARE */
    uint32_t rare_idf;    /* the IDF of a term found in one measure: the precision rule's unit
                             of weight (szs_weigh), x SHZ_IX_ONE */
    uint32_t terms_text;  /* [measure_count + 1]: byte offsets into terms_bytes of each
                             measure's keywords and aliases, joined by "; " */
    uint32_t terms_bytes; /* the joined texts (the TERMS slots' src_byte points into them) */
    uint32_t word_count;
    uint32_t word_slot_bits;
    uint32_t word_slots; /* [1 << word_slot_bits]: entry + 1, 0 = empty (linear probing) */
    uint32_t word_str;   /* [word_count * 2] uint16: byte offset into word_bytes, length */
    uint32_t word_bytes; /* the strings, ASCII */
    uint32_t word_stem;  /* [word_count]: the stem's entry, or SHZ_IX_NO_ENTRY */
    uint32_t word_idf;   /* [word_count]: x SHZ_IX_ONE, 0 if not a stem */
    uint32_t word_first; /* [word_count + 1]: first posting of each stem, uint16 (uint32
                            when word_first_wide: over 65535 stem postings in all) */
    uint32_t word_first_wide;
    uint32_t word_postings; /* positions of the stems' words, grouped by stem, ascending */
    uint32_t word_info;     /* post_info of each of them */
    uint32_t stem_prefix;   /* SHZ_IX_PREFIX_WORDS: which a-z prefixes the stems with postings
                               have, bit SHZ_IX_PREFIX3(a, b, c) for three letters (every third
                               letter for a stem of two) and SHZ_IX_PREFIX2(a, b) for two;
                               stems of one letter are left out */
    /* The typo scan's rows: the entries that are words (not stems only) of 1 to
     * SHZ_IX_TYPO_MAX_LEN characters, by length, then by entry. */
    uint32_t typo_first; /* [SHZ_IX_TYPO_MAX_LEN + 2]: the first row of each length 0, 1, ..
                            SHZ_IX_TYPO_MAX_LEN + 1 (the last is the row count) */
    uint32_t typo_entry; /* [rows]: the word's entry */
    uint32_t typo_mask;  /* [rows]: shzi_ix_char_bit of each of its characters, or'ed */
    /* The thesaurus (data/thesaurus.tsv): everyday words the catalogue lacks, each with the
     * catalogue's words for the same thing. A row is its word's normalized code points, a 0,
     * then each catalogue word's and a 0 after each (none: a subject no measure addresses);
     * rows are sorted by word (code point order, a shorter word before the longer one it
     * starts). */
    uint32_t thes_count;
    uint32_t thes_most_chars; /* the most code points the catalogue words of one row have */
    uint32_t thes_rows;       /* [thes_count + 1] uint16: where each row starts in thes_chars, then
                                 the end (the generator keeps thes_chars to 65535 code points) */
    uint32_t thes_chars;      /* uint16: the rows' code points (all in the BMP) */
    uint32_t thes_heads;      /* [SHZ_IX_THES_HEAD_WORDS]: the bit shzi_ix_thes_head() of the
                                 first two code points of every row's word is set */
} shzi_ix_layout;

/* A thesaurus row has at most this many catalogue words, of at most this many code points. */
enum { SHZ_IX_THES_MAX_WORDS = 8, SHZ_IX_THES_MAX_LEN = 24 };

/* Longest word in the typo scan's rows: a longer word is never a typo of a query word (fuzzy.h's
 * SHZ_FUZZY_MAX_LEN, which tolerance.c checks equal). */
#define SHZ_IX_TYPO_MAX_LEN 64

/* A character's bit in a typo mask: one per letter a-z, one for every digit, one for anything
 * else. Every edit takes at most one bit out of a word's mask and puts at most one in (an
 * adjacent swap none), so a word whose mask lacks k bits of another's, or has k bits it lacks,
 * is at least k edits from it. */
static inline uint32_t shzi_ix_char_bit(uint32_t c)
{
    if (c >= 'a' && c <= 'z')
        return UINT32_C(1) << (c - 'a');
    return c >= '0' && c <= '9' ? UINT32_C(1) << 26 : UINT32_C(1) << 27;
}

/* Snowball's English stem of a word of four letters or more keeps its first three letters, and
 * of a three-letter word its first two (but for a few listed exceptions): so a query word whose
 * prefix no stem has needs no stemming. Letters are 0-25. */
#define SHZ_IX_PREFIX3(a, b, c) (((a)*26u + (b)) * 26u + (c))
#define SHZ_IX_PREFIX2(a, b) (26u * 26u * 26u + (a)*26u + (b))
enum { SHZ_IX_PREFIX_WORDS = (26 * 26 * 26 + 26 * 26 + 31) / 32 };

/* Defined in the generated index_data.c. Hidden symbols. */
extern const shzi_ix_layout shzi_ix;
extern const unsigned char shzi_ix_blob[];

/* The hash of a gram key into [0, 1 << bits); the generator and the library must agree. */
static inline uint32_t shzi_ix_hash(uint64_t key, uint32_t bits)
{
    return (uint32_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - bits));
}

/* A pair of code points' bit in the thesaurus's head bitmap (thes_heads): most places of a Han
 * query start no thesaurus word, and a clear bit passes them over without a search of the rows.
 * 8,192 bits for about 2,400 rows: a place that starts no word finds its bit set one time in
 * four or so. */
enum { SHZ_IX_THES_HEAD_BITS = 13, SHZ_IX_THES_HEAD_WORDS = (1 << SHZ_IX_THES_HEAD_BITS) / 32 };
static inline uint32_t shzi_ix_thes_head(uint32_t first, uint32_t second)
{
    return shzi_ix_hash(SHZ_IX_BIGRAM_KEY(first, second), SHZ_IX_THES_HEAD_BITS);
}

/* The home slot of a gram key in the gram table of count slots (linear probing from there, past
 * the last slot to the first). Any count: the table grows with the grams, a fifth more slots
 * than grams, not by doubling, which would add a step of 128 KiB to the library at some gram.
 * The hash's high half scaled to [0, count). */
static inline uint32_t shzi_ix_gram_slot(uint64_t key, uint32_t count)
{
    uint64_t high = (key * UINT64_C(0x9E3779B97F4A7C15)) >> 32;
    return (uint32_t)((high * count) >> 32);
}

/* The hash of a word's bytes into [0, 1 << bits) (FNV-1a, then the gram hash). */
static inline uint32_t shzi_ix_word_hash(const unsigned char *s, size_t len, uint32_t bits)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < len; i++)
        h = (h ^ s[i]) * UINT64_C(0x100000001b3);
    return shzi_ix_hash(h, bits);
}

/* Element i of the table of three-byte values at byte offset table. */
static inline uint32_t shzi_ix_u24(uint32_t table, size_t i)
{
    const unsigned char *at = shzi_ix_blob + table + 3 * i;
    return (uint32_t)at[0] | (uint32_t)at[1] << 8 | (uint32_t)at[2] << 16;
}

/* Element i of the uint16 table at byte offset table. */
static inline uint32_t shzi_ix_u16(uint32_t table, size_t i)
{
    const unsigned char *at = shzi_ix_blob + table + 2 * i;
    return (uint32_t)at[0] | (uint32_t)at[1] << 8;
}

/* Element i of the uint32 table at byte offset table. */
static inline uint32_t shzi_ix_u32(uint32_t table, size_t i)
{
    uint32_t v;
    memcpy(&v, shzi_ix_blob + table + 4 * i, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

/* The first stem posting of entry e of the word table (e = word_count: the end). The catalogue's
 * need 16 bits; a catalogue a hundred times larger (tests/bench) needs 32. */
static inline uint32_t shzi_ix_word_first(uint32_t e)
{
    return shzi_ix.word_first_wide ? shzi_ix_u32(shzi_ix.word_first, e)
                                   : shzi_ix_u16(shzi_ix.word_first, e);
}

/* The bytes of entry e of the word table (ASCII, not terminated), its length in *len. */
static inline const unsigned char *shzi_ix_word_text(uint32_t e, uint32_t *len)
{
    *len = shzi_ix_u16(shzi_ix.word_str, 2 * (size_t)e + 1);
    return shzi_ix_blob + shzi_ix.word_bytes + shzi_ix_u16(shzi_ix.word_str, 2 * (size_t)e);
}

#endif
