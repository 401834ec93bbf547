/*
 * Internal layout of the compiled-in search index (never installed).
 *
 * libshenzhen/gen/emit_index.c writes index_data.c from the same catalogue as
 * catalogue_data.c. The normalized text (libshenzhen/normalize.h) of every
 * searchable field of every measure is laid out in one array of code points,
 * measure by measure, field by field in the order of enum shz_ix_slot, each
 * field preceded by a 0 sentinel and the whole followed by one. Postings list,
 * for every distinct normalized character and character bigram, the positions
 * in that array where it starts, ascending. Because folding is per code point,
 * each normalized position also records the byte and character offset of the
 * original character in its field's text, from which spans are exact.
 *
 * The tables are little-endian uint32 arrays in one byte blob (a string
 * literal compiles an order of magnitude faster than an integer initialiser
 * list, which matters for the benchmarks' 100x catalogue), located by byte
 * offsets in shz_ix. Integers only, so no load-time relocations.
 */
#ifndef SHZ_INDEX_DATA_H
#define SHZ_INDEX_DATA_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bumped whenever the layout changes; the generator writes it, the library checks it. */
#define SHZ_IX_FORMAT 2

/* The searchable fields of a measure, in their order in the index, which is also their rank:
 * a match in an earlier slot is a better match. */
enum shz_ix_slot {
    SHZ_IX_TITLE = 0,    /* zh-Hans title */
    SHZ_IX_TITLE_EN = 1, /* en title */
    SHZ_IX_PINYIN = 2,   /* toneless pinyin of the title (spaces fold away) */
    SHZ_IX_INITIALS = 3, /* its initials */
    SHZ_IX_BODY = 4,     /* zh-Hans body */
    SHZ_IX_SUMMARY = 5,  /* en summary */
    SHZ_IX_NSLOTS = 6
};

/* Bits of the per-measure hant byte: the zh-Hant text of that field has as many code points as
 * the zh-Hans one, so zh-Hans character offsets are valid in it. */
enum { SHZ_IX_HANT_TITLE = 1, SHZ_IX_HANT_BODY = 2 };

/* post_info gives, beside each posting, where it is: measure << 12 | slot << 9 | offset in the
 * field (capped at SHZ_IX_OFFSET_CAP). Read in step with the postings, it lets a search group
 * them by measure and field and bound a measure's score without loading anything else; and it
 * ascends with them, so it can be galloped by measure. */
enum { SHZ_IX_INFO_SLOT_SHIFT = 9, SHZ_IX_INFO_MEASURE_SHIFT = 12, SHZ_IX_OFFSET_CAP = 511 };

/* Grams are keyed as one integer: a character is its code point (below 2^21), a bigram
 * is (first << 21) | second (at least 2^21, since no normalized code point is 0). */
#define SHZ_IX_BIGRAM_KEY(a, b) (((uint64_t)(a) << 21) | (uint64_t)(b))

typedef struct shz_ix_layout {
    uint32_t format;         /* SHZ_IX_FORMAT */
    uint32_t measure_count;  /* equals shz_measure_total */
    uint32_t position_count; /* normalized characters, sentinels included */
    uint32_t gram_count;     /* distinct characters and bigrams */
    uint32_t slot_bits;      /* the gram hash table has 1 << slot_bits slots */
    uint32_t posting_count;
    /* Byte offsets of the tables in shz_ix_blob; all uint32 unless said otherwise. */
    uint32_t seg_start;  /* [measure_count * SHZ_IX_NSLOTS + 1]: first position of each field;
                            the last entry is position_count (one past the final sentinel) */
    uint32_t norm;       /* [position_count]: normalized code points, 0 = sentinel */
    uint32_t src_byte;   /* [position_count]: byte offset of the original in its field text */
    uint32_t src_char;   /* [position_count]: character offset of the original */
    uint32_t hant;       /* [measure_count] bytes: SHZ_IX_HANT_* bits */
    uint32_t slots;      /* [1 << slot_bits]: gram index + 1, 0 = empty (linear probing) */
    uint32_t gram_key;   /* [gram_count * 2]: key low 32 bits, high 32 bits */
    uint32_t gram_first; /* [gram_count + 1]: first posting of each gram; the last is the total */
    uint32_t postings;   /* [posting_count]: positions, grouped by gram, ascending */
    uint32_t post_info;  /* [posting_count]: where each posting is (SHZ_IX_INFO_*) */
} shz_ix_layout;

/* Defined in the generated index_data.c. Hidden symbols. */
extern const shz_ix_layout shz_ix;
extern const unsigned char shz_ix_blob[];

/* The hash of a gram key into [0, 1 << bits); the generator and the library must agree. */
static inline uint32_t shz_ix_hash(uint64_t key, uint32_t bits)
{
    return (uint32_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - bits));
}

/* Element i of the uint32 table at byte offset table. */
static inline uint32_t shz_ix_u32(uint32_t table, size_t i)
{
    uint32_t v;
    memcpy(&v, shz_ix_blob + table + 4 * i, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

#endif
