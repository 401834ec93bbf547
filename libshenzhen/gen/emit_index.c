/*
 * Writes index_data.c: the search index declared in libshenzhen/index_data.h,
 * built from the normalized text of every searchable field of every measure.
 * Works for any catalogue the model accepts (the benchmarks feed it synthetic
 * catalogues 10x and 100x the real one).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_data.h"
#include "model.h"
#include "pool.h"
#include "normalize.h"
#include "search/stem.h"
#include "term_pinyin.h"
#include "thesaurus.h"

/* The sort key of a hit packs the measure index into 20 bits (libshenzhen/search.c). */
#define MAX_MEASURES SHZ_IX_MAX_MEASURES

typedef struct u32_vec {
    uint32_t *v;
    size_t n, cap;
} u32_vec;

static int vec_reserve(u32_vec *vec, size_t extra)
{
    uint32_t *grown = gen_grow(vec->v, &vec->cap, vec->n + extra, sizeof *vec->v);
    if (grown)
        vec->v = grown;
    return grown != NULL;
}

typedef struct index_builder {
    u32_vec norm, src_byte, src_char, seg_start;
    unsigned char *hant;
    unsigned char *flags; /* SHZ_IX_WORD_* per position, made once the text is complete */
    u32_vec terms_off;    /* per measure, then the end: offsets into terms_bytes */
    char *terms_bytes;    /* every measure's keywords and aliases, joined by "; " */
    size_t terms_size, terms_cap;
    const term_pinyin_words *words; /* the readings of polyphonic words, or NULL */
} index_builder;

/* The text of a slot, in the order of enum shzi_ix_slot (the TERMS slot is made apart). */
static const char *slot_text(const gen_measure *ms, int slot)
{
    switch (slot) {
    case SHZ_IX_TITLE:
        return ms->title.lang[GEN_LANG_HANS];
    case SHZ_IX_TITLE_EN:
        return ms->title.lang[GEN_LANG_EN];
    case SHZ_IX_PINYIN:
        return ms->pinyin;
    case SHZ_IX_INITIALS:
        return ms->initials;
    case SHZ_IX_BODY:
        return ms->body.lang[GEN_LANG_HANS];
    case SHZ_IX_BODY_EN:
        return ms->body.lang[GEN_LANG_EN];
    default:
        return ms->summary_en;
    }
}

static int push_position(index_builder *b, uint32_t c, uint32_t byte, uint32_t chr)
{
    if (!vec_reserve(&b->norm, 1) || !vec_reserve(&b->src_byte, 1) || !vec_reserve(&b->src_char, 1))
        return 0;
    b->norm.v[b->norm.n++] = c;
    b->src_byte.v[b->src_byte.n++] = byte;
    b->src_char.v[b->src_char.n++] = chr;
    return 1;
}

static int push_sentinel(index_builder *b)
{
    return push_position(b, 0, 0, 0);
}

/* Appends the normalized text of one field, preceded by its sentinel. A 0 is put between
 * items: item k of the field is the text from item_ends[k - 1] (or 0) to item_ends[k]. */
static int push_items(index_builder *b, const char *text, const size_t *item_ends, size_t items)
{
    size_t len = strlen(text);
    if (!push_sentinel(b) || !vec_reserve(&b->seg_start, 1))
        return 0;
    b->seg_start.v[b->seg_start.n++] = (uint32_t)b->norm.n;
    /* A field never has more normalized characters than bytes. */
    if (!vec_reserve(&b->norm, len) || !vec_reserve(&b->src_byte, len) ||
        !vec_reserve(&b->src_char, len))
        return 0;
    size_t at = b->norm.n;
    size_t kept =
        shzi_norm_text(text, len, b->norm.v + at, b->src_byte.v + at, b->src_char.v + at, len);
    if (items <= 1) {
        b->norm.n += kept;
        b->src_byte.n += kept;
        b->src_char.n += kept;
        return 1;
    }
    /* Items: copy out, then push back with the separating zeros. */
    uint32_t *copy = malloc((kept ? kept : 1) * 3 * sizeof *copy);
    if (!copy)
        return 0;
    memcpy(copy, b->norm.v + at, kept * sizeof *copy);
    memcpy(copy + kept, b->src_byte.v + at, kept * sizeof *copy);
    memcpy(copy + 2 * kept, b->src_char.v + at, kept * sizeof *copy);
    size_t item = 0;
    int ok = 1;
    for (size_t k = 0; k < kept && ok; k++) {
        size_t was = item;
        while (item + 1 < items && copy[kept + k] >= item_ends[item])
            item++;
        if (item != was && k > 0)
            ok = push_sentinel(b);
        ok = ok && push_position(b, copy[k], copy[kept + k], copy[2 * kept + k]);
    }
    free(copy);
    return ok;
}

static int push_field(index_builder *b, const char *text)
{
    return push_items(b, text, NULL, 1);
}

/* The TERMS slot: the measure's keywords and aliases, joined by "; " into one text kept in the
 * index for snippets, each item searchable on its own. */
static int push_terms(index_builder *b, const gen_measure *ms)
{
    enum { MAX_ITEMS = 256 };
    size_t ends[MAX_ITEMS], items = 0, start = b->terms_size;
    const gen_list *lists[] = {&ms->keywords, &ms->aliases};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        for (size_t i = 0; i < lists[l]->count && items < MAX_ITEMS; i++) {
            const char *item = lists[l]->items[i];
            size_t len = strlen(item), sep = items ? 2 : 0;
            char *grown = gen_grow(b->terms_bytes, &b->terms_cap, b->terms_size + sep + len + 1, 1);
            if (!grown)
                return 0;
            b->terms_bytes = grown;
            memcpy(b->terms_bytes + b->terms_size, "; ", sep);
            memcpy(b->terms_bytes + b->terms_size + sep, item, len);
            b->terms_size += sep + len;
            ends[items++] = b->terms_size - start;
        }
    }
    char *grown = gen_grow(b->terms_bytes, &b->terms_cap, b->terms_size + 1, 1);
    if (!grown || !vec_reserve(&b->terms_off, 1))
        return 0;
    b->terms_bytes = grown;
    b->terms_bytes[b->terms_size] = '\0'; /* a terminator for push_items, not kept */
    b->terms_off.v[b->terms_off.n++] = (uint32_t)start;
    return push_items(b, b->terms_bytes + start, ends, items);
}

/* The TERMS_PINYIN slot (initials 0) or TERMS_INITIALS (1): the pinyin of each keyword and alias
 * of the measure that has Han characters, one item each. Every position's src_byte points at the
 * character it spells in the measure's joined keywords and aliases (push_terms put them last in
 * terms_bytes), so a match there marks the keyword it spells; its word flags come from the
 * pinyin text (a syllable is a word, as in the title's pinyin). */
static int push_terms_pinyin(index_builder *b, const gen_measure *ms, int initials)
{
    enum { MAX_ITEMS = 256 };
    size_t ends[MAX_ITEMS], items = 0, text_len = 0, text_cap = 0, item_start = 0;
    char *text = NULL;
    uint32_t *origin = NULL;
    const gen_list *lists[] = {&ms->keywords, &ms->aliases};
    int ok = 1;
    for (size_t l = 0; ok && l < sizeof lists / sizeof lists[0]; l++) {
        for (size_t i = 0; ok && i < lists[l]->count && items < MAX_ITEMS; i++) {
            const char *item = lists[l]->items[i];
            size_t len = strlen(item), room = 8 * len + 2; /* a syllable per character, spaced */
            /* Where push_terms put it: items follow each other, joined by "; ". */
            size_t at = item_start;
            item_start += len + 2;
            char *grown = gen_grow(text, &text_cap, text_len + room, 1);
            uint32_t *grown_origin = grown ? realloc(origin, text_cap * sizeof *origin) : NULL;
            if (grown)
                text = grown;
            if (!grown || !grown_origin) {
                ok = 0;
                break;
            }
            origin = grown_origin;
            size_t sep = items ? 2 : 0;
            size_t n = term_pinyin_spell(b->words, item, len, initials, text + text_len + sep,
                                         origin + text_len + sep, room - sep);
            if (n == 0)
                continue; /* no Han character: an English alias has no pinyin */
            memcpy(text + text_len, "; ", sep);
            for (size_t k = 0; k < n; k++)
                origin[text_len + sep + k] += (uint32_t)at;
            text_len += sep + n;
            ends[items++] = text_len;
        }
    }
    char *grown = ok ? gen_grow(text, &text_cap, text_len + 1, 1) : NULL;
    if (grown) {
        text = grown;
        text[text_len] = '\0';
    }
    size_t first = b->norm.n + 1; /* past the field's sentinel */
    ok = grown && push_items(b, text, ends, items);
    for (size_t p = first; ok && p < b->norm.n; p++)
        if (b->norm.v[p])
            b->src_byte.v[p] = origin[b->src_byte.v[p]];
    free(text);
    free(origin);
    return ok;
}

static size_t count_code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0u) != 0x80u;
    return n;
}

/* Latin letters and digits (and any other non-CJK letter): the characters that form words. */
static int is_wordish(uint32_t c)
{
    return c != 0 && c < 0x2E80;
}

/* The word flags of every position (index_data.h, SHZ_IX_WORD_*). */
static int make_flags(index_builder *b)
{
    size_t n = b->norm.n;
    b->flags = calloc(n ? n : 1, 1);
    if (!b->flags)
        return 0;
    const uint32_t *c = b->norm.v, *src = b->src_char.v;
    for (size_t p = 0; p < n; p++) {
        if (!c[p])
            continue;
        if (!is_wordish(c[p])) {
            b->flags[p] = SHZ_IX_WORD_START | SHZ_IX_WORD_END;
            continue;
        }
        int joined_before = p > 0 && is_wordish(c[p - 1]) && src[p] == src[p - 1] + 1;
        int joined_after = p + 1 < n && is_wordish(c[p + 1]) && src[p + 1] == src[p] + 1;
        b->flags[p] = (unsigned char)((joined_before ? 0 : SHZ_IX_WORD_START) |
                                      (joined_after ? 0 : SHZ_IX_WORD_END));
    }
    /* Each letter of the title's initials stands for a syllable: each is a word of its own. The
     * initials of a keyword or alias are one word ("grpczd" for 个人破产制度): two or three
     * letters inside or at the start of one are mostly an English word ("my" of 母婴室). */
    for (size_t f = 0; f + 1 < b->seg_start.n; f++) {
        size_t slot = f % SHZ_IX_NSLOTS;
        if (slot != SHZ_IX_INITIALS && slot != SHZ_IX_TERMS_INITIALS)
            continue;
        for (uint32_t p = b->seg_start.v[f]; p + 1 < b->seg_start.v[f + 1]; p++)
            if (c[p])
                b->flags[p] = slot == SHZ_IX_INITIALS
                                  ? SHZ_IX_WORD_START | SHZ_IX_WORD_END
                                  : (unsigned char)((c[p - 1] ? 0 : SHZ_IX_WORD_START) |
                                                    (c[p + 1] ? 0 : SHZ_IX_WORD_END));
    }
    return 1;
}

typedef struct gram_posting {
    uint64_t key;
    uint32_t position;
} gram_posting;

static int by_key_then_position(const void *a, const void *b)
{
    const gram_posting *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->position > y->position) - (x->position < y->position);
}

typedef struct blob {
    unsigned char *bytes;
    size_t size, cap;
    int failed;
} blob;

static uint32_t blob_append(blob *bl, const void *data, size_t size)
{
    uint32_t at = (uint32_t)bl->size;
    if (bl->failed || size == 0)
        return at; /* nothing to copy, or an earlier failure already recorded */
    if (bl->size + size > UINT32_MAX) {
        bl->failed = 1;
        return 0;
    }
    unsigned char *grown = gen_grow(bl->bytes, &bl->cap, bl->size + size, 1);
    if (!grown) {
        bl->failed = 1;
        return 0;
    }
    bl->bytes = grown;
    memcpy(bl->bytes + bl->size, data, size);
    bl->size += size;
    return at;
}

/* Appends a uint32 table little-endian, whatever the host's byte order. */
static uint32_t blob_append_u32(blob *bl, const uint32_t *v, size_t count)
{
    uint32_t at = (uint32_t)bl->size;
    for (size_t i = 0; i < count && !bl->failed; i++) {
        unsigned char le[4] = {(unsigned char)v[i], (unsigned char)(v[i] >> 8),
                               (unsigned char)(v[i] >> 16), (unsigned char)(v[i] >> 24)};
        blob_append(bl, le, 4);
    }
    return at;
}

/* The positions' three bytes: code point and word flags (index_data.h, norm). */
static uint32_t blob_append_positions(blob *bl, const uint32_t *norm, const unsigned char *flags,
                                      size_t count)
{
    uint32_t at = (uint32_t)bl->size;
    for (size_t i = 0; i < count && !bl->failed; i++) {
        uint32_t v = norm[i] | (uint32_t)flags[i] << SHZ_IX_FLAGS_SHIFT;
        unsigned char le[3] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16)};
        blob_append(bl, le, 3);
    }
    return at;
}

/* A uint16 table; a value that does not fit fails the blob, naming what it is. */
static uint32_t blob_append_u16(blob *bl, const uint32_t *v, size_t count, const char *what)
{
    uint32_t at = (uint32_t)bl->size;
    for (size_t i = 0; i < count && !bl->failed; i++) {
        if (v[i] > 0xFFFF) {
            fprintf(stderr, "%s over 65535 (%lu): the index keeps it in 16 bits\n", what,
                    (unsigned long)v[i]);
            bl->failed = 1;
            break;
        }
        unsigned char le[2] = {(unsigned char)v[i], (unsigned char)(v[i] >> 8)};
        blob_append(bl, le, 2);
    }
    return at;
}

typedef struct gram_tables {
    uint32_t *key_halves; /* gram_count * 2 */
    uint32_t *first;      /* gram_count + 1 */
    uint32_t *postings;
    uint32_t *slots;
    size_t gram_count, posting_count;
    uint32_t slot_count;
} gram_tables;

static int build_grams(const u32_vec *norm, gram_tables *g)
{
    size_t cap = norm->n * 2;
    gram_posting *all = malloc((cap ? cap : 1) * sizeof *all);
    if (!all)
        return 0;
    size_t n = 0;
    for (size_t p = 0; p < norm->n; p++) {
        uint32_t c = norm->v[p];
        if (!c)
            continue;
        all[n++] = (gram_posting){c, (uint32_t)p};
        if (p + 1 < norm->n && norm->v[p + 1])
            all[n++] = (gram_posting){SHZ_IX_BIGRAM_KEY(c, norm->v[p + 1]), (uint32_t)p};
    }
    qsort(all, n, sizeof *all, by_key_then_position);

    size_t grams = 0;
    for (size_t i = 0; i < n; i++)
        grams += i == 0 || all[i].key != all[i - 1].key;
    g->gram_count = grams;
    g->posting_count = n;
    size_t slot_count = grams + grams / 4 + 16; /* load factor at most 4/5 */
    if (slot_count > UINT32_MAX / SHZ_IX_GRAM_FIELDS) {
        fprintf(stderr, "too many grams for the index: %zu\n", grams);
        free(all);
        return 0;
    }
    g->slot_count = (uint32_t)slot_count;
    g->key_halves = malloc((grams * 2 + 1) * sizeof *g->key_halves);
    g->first = malloc((grams + 1) * sizeof *g->first);
    g->postings = malloc((n ? n : 1) * sizeof *g->postings);
    g->slots = calloc(slot_count, sizeof *g->slots);
    if (!g->key_halves || !g->first || !g->postings || !g->slots) {
        free(all);
        return 0;
    }
    size_t gram = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || all[i].key != all[i - 1].key) {
            uint64_t key = all[i].key;
            g->key_halves[2 * gram] = (uint32_t)key;
            g->key_halves[2 * gram + 1] = (uint32_t)(key >> 32);
            g->first[gram] = (uint32_t)i;
            uint32_t slot = shzi_ix_gram_slot(key, g->slot_count);
            while (g->slots[slot])
                slot = slot + 1 < g->slot_count ? slot + 1 : 0;
            g->slots[slot] = (uint32_t)(gram + 1);
            gram++;
        }
        g->postings[i] = all[i].position;
    }
    g->first[grams] = (uint32_t)n;
    free(all);
    return 1;
}

static void free_grams(gram_tables *g)
{
    free(g->key_halves);
    free(g->first);
    free(g->postings);
    free(g->slots);
}

/* Where each position is, as post_info has it (index_data.h). Field f (measure f / NSLOTS,
 * slot f % NSLOTS) holds the positions [seg_start[f], seg_start[f + 1] - 1): a sentinel follows
 * it. */
static uint32_t *position_info(const index_builder *b)
{
    uint32_t *where = calloc(b->norm.n ? b->norm.n : 1, sizeof *where);
    if (!where)
        return NULL;
    for (size_t f = 0; f + 1 < b->seg_start.n; f++) {
        uint32_t measure = (uint32_t)(f / SHZ_IX_NSLOTS), slot = (uint32_t)(f % SHZ_IX_NSLOTS);
        for (uint32_t p = b->seg_start.v[f]; p + 1 < b->seg_start.v[f + 1]; p++) {
            uint32_t offset = p - b->seg_start.v[f];
            if (offset >= SHZ_IX_MAX_FIELD) {
                fprintf(stderr, "a field of measure %u has more than %u characters\n",
                        (unsigned)measure + 1, (unsigned)SHZ_IX_MAX_FIELD - 1);
                free(where);
                return NULL;
            }
            where[p] =
                measure << SHZ_IX_INFO_MEASURE_SHIFT | slot << SHZ_IX_INFO_SLOT_SHIFT | offset;
        }
    }
    return where;
}

/* BM25's IDF of a term found in df of n measures, fixed point. */
static uint32_t idf_of(size_t df, size_t n)
{
    double idf = log(1.0 + ((double)n - (double)df + 0.5) / ((double)df + 0.5));
    return (uint32_t)(idf * SHZ_IX_ONE + 0.5);
}

/* The IDF of each group of postings [first[i], first[i + 1]), counting distinct measures. */
static uint32_t *group_idf(const uint32_t *first, size_t groups, const uint32_t *postings,
                           const uint32_t *where, size_t measures)
{
    uint32_t *idf = malloc((groups ? groups : 1) * sizeof *idf);
    if (!idf)
        return NULL;
    for (size_t g = 0; g < groups; g++) {
        size_t df = 0;
        uint32_t last = UINT32_MAX;
        for (uint32_t i = first[g]; i < first[g + 1]; i++) {
            uint32_t m = where[postings[i]] >> SHZ_IX_INFO_MEASURE_SHIFT;
            df += m != last;
            last = m;
        }
        idf[g] = idf_of(df, measures);
    }
    return idf;
}

/* BM25F field weights, x 1000: titles first, then the curated keywords and aliases, then the
 * bodies, the English one below the Chinese, and the one-sentence summary last. */
static const unsigned slot_weight_milli[SHZ_IX_NSLOTS] = {
    [SHZ_IX_TITLE] = 3000,          [SHZ_IX_TITLE_EN] = 3000, [SHZ_IX_PINYIN] = 2500,
    [SHZ_IX_INITIALS] = 1500,       [SHZ_IX_BODY] = 1000,     [SHZ_IX_SUMMARY] = 800,
    [SHZ_IX_TERMS] = 1500,          [SHZ_IX_BODY_EN] = 900,   [SHZ_IX_TERMS_PINYIN] = 1500,
    [SHZ_IX_TERMS_INITIALS] = 1000,
};

/* Each field's weight over its length normalization (index_data.h, field_scale). */
static uint32_t *field_scales(const index_builder *b, size_t measures)
{
    uint32_t *scale = malloc((measures ? measures : 1) * SHZ_IX_NSLOTS * sizeof *scale);
    double total[SHZ_IX_NSLOTS] = {0};
    size_t filled[SHZ_IX_NSLOTS] = {0};
    if (!scale)
        return NULL;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t f = 0; f < measures * SHZ_IX_NSLOTS; f++) {
            size_t slot = f % SHZ_IX_NSLOTS, len = 0;
            for (uint32_t p = b->seg_start.v[f]; p + 1 < b->seg_start.v[f + 1]; p++)
                len += b->norm.v[p] != 0;
            if (pass == 0) {
                total[slot] += (double)len;
                filled[slot] += len > 0;
                continue;
            }
            double average = filled[slot] ? total[slot] / (double)filled[slot] : 1.0;
            double norm = 1.0 - SHZ_IX_B_MILLI / 1000.0 +
                          SHZ_IX_B_MILLI / 1000.0 * (double)len / (average > 0 ? average : 1.0);
            scale[f] = (uint32_t)(slot_weight_milli[slot] / 1000.0 / norm * SHZ_IX_ONE + 0.5);
        }
    }
    return scale;
}

/* ---- the grams' records and per-measure entries ------------------------- */

/* The longest text of each field (measure * SHZ_IX_NSLOTS + slot) in any language a snippet
 * can be cut from, in bytes: what a hit's snippet can take at most. */
static uint32_t *field_bytes(const gen_model *model, const index_builder *b)
{
    uint32_t *bytes =
        malloc((model->measure_count ? model->measure_count : 1) * SHZ_IX_NSLOTS * sizeof *bytes);
    if (!bytes)
        return NULL;
    for (size_t m = 0; m < model->measure_count; m++) {
        const gen_measure *ms = &model->measures[m];
        for (int slot = 0; slot < SHZ_IX_NSLOTS; slot++) {
            size_t n = 0;
            if (slot == SHZ_IX_TERMS || slot == SHZ_IX_TERMS_PINYIN ||
                slot == SHZ_IX_TERMS_INITIALS) { /* the pinyin's snippets show the keywords */
                n = b->terms_off.v[m + 1] - b->terms_off.v[m];
            } else {
                const char *text = slot_text(ms, slot);
                n = text ? strlen(text) : 0;
                const gen_text *zh = slot == SHZ_IX_TITLE  ? &ms->title
                                     : slot == SHZ_IX_BODY ? &ms->body
                                                           : NULL;
                if (zh && zh->lang[GEN_LANG_HANT] && strlen(zh->lang[GEN_LANG_HANT]) > n)
                    n = strlen(zh->lang[GEN_LANG_HANT]);
            }
            bytes[m * SHZ_IX_NSLOTS + (size_t)slot] = (uint32_t)n;
        }
    }
    return bytes;
}

/* The gram hash table of records (each gram's at the slot its key hashes to, empty slots all
 * zero); 0 when out of memory. */
static uint32_t *gram_records(const gram_tables *g, const uint32_t *idf)
{
    size_t slot_count = g->slot_count;
    uint32_t *records = calloc(slot_count * SHZ_IX_GRAM_FIELDS, sizeof *records);
    if (!records)
        return NULL;
    for (size_t slot = 0; slot < slot_count; slot++) {
        if (!g->slots[slot])
            continue;
        size_t gram = g->slots[slot] - 1;
        if (g->key_halves[2 * gram + 1] >> SHZ_IX_KEY_HIGH_BITS ||
            idf[gram] >> (32 - SHZ_IX_KEY_HIGH_BITS)) {
            free(records);
            return NULL; /* cannot happen for code points and at most 2^20 measures */
        }
        uint32_t *r = records + slot * SHZ_IX_GRAM_FIELDS;
        r[SHZ_IX_GRAM_KEY_LOW] = g->key_halves[2 * gram];
        r[SHZ_IX_GRAM_KEY_IDF] = g->key_halves[2 * gram + 1] | idf[gram] << SHZ_IX_KEY_HIGH_BITS;
        r[SHZ_IX_GRAM_POST_BEGIN] = g->first[gram];
        r[SHZ_IX_GRAM_POST_END] = g->first[gram + 1];
    }
    return records;
}

/* The least IDF of a term found in at most 1 / share of the measures: halfway between the IDF
 * of a term of that many measures (rounded down) and of one more, so that rounding cannot move
 * a term across it. */
static uint32_t share_idf(size_t measures, unsigned share)
{
    size_t most = measures / share; /* rounded down, as the rule counts measures */
    double n = (double)measures, df = (double)most;
    double at = log(1.0 + (n - df + 0.5) / (df + 0.5)),
           past = log(1.0 + (n - df - 0.5) / (df + 1.5));
    return (uint32_t)((at + past) / 2 * SHZ_IX_ONE);
}

/* ---- the word table ----------------------------------------------------- */

/* The slots whose Latin words are English, stemmed. */
static int english_slot(size_t slot)
{
    return slot == SHZ_IX_TITLE_EN || slot == SHZ_IX_SUMMARY || slot == SHZ_IX_BODY_EN ||
           slot == SHZ_IX_TERMS;
}

typedef struct word_posting {
    uint32_t stem; /* pool offset of the stem, then its entry */
    uint32_t position;
} word_posting;

typedef struct word_tables {
    gen_pool pool;     /* every word and stem string */
    uint32_t *offsets; /* entry -> pool offset, ascending */
    size_t count;
    uint32_t *str;   /* [count * 2] */
    uint32_t *stem;  /* [count] */
    uint32_t *idf;   /* [count] */
    uint32_t *first; /* [count + 1] */
    uint32_t *postings, *info;
    size_t posting_count;
    uint32_t *slots;
    uint32_t slot_bits;
} word_tables;

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int by_stem_then_position(const void *a, const void *b)
{
    const word_posting *x = a, *y = b;
    if (x->stem != y->stem)
        return x->stem < y->stem ? -1 : 1;
    return (x->position > y->position) - (x->position < y->position);
}

static uint32_t entry_of(const word_tables *w, uint32_t offset)
{
    const uint32_t *at = bsearch(&offset, w->offsets, w->count, sizeof offset, by_u32);
    return at ? (uint32_t)(at - w->offsets) : SHZ_IX_NO_ENTRY;
}

/* Finds the English words (a-z only) of the English slots, stems them with the library's
 * Snowball English stemmer (search/stem.c, which stems queries too), and builds the word
 * table. */
static int build_words(const index_builder *b, const uint32_t *where, size_t measures,
                       word_tables *w)
{
    word_posting *found = NULL; /* the stem's pool offset at each word */
    size_t found_n = 0, found_cap = 0;
    int ok = 1;
    unsigned char stem[SZS_STEM_MAX];
    gen_pool_init(&w->pool);
    char word[256];
    for (size_t f = 0; ok && f < measures * SHZ_IX_NSLOTS; f++) {
        if (!english_slot(f % SHZ_IX_NSLOTS))
            continue;
        for (uint32_t p = b->seg_start.v[f]; ok && p + 1 < b->seg_start.v[f + 1]; p++) {
            if (!(b->flags[p] & SHZ_IX_WORD_START) || !is_wordish(b->norm.v[p]))
                continue;
            size_t len = 0;
            int letters = 1;
            for (uint32_t q = p;; q++) {
                uint32_t c = b->norm.v[q];
                letters &= c >= 'a' && c <= 'z';
                if (len < sizeof word)
                    word[len] = (char)c;
                len++;
                if (b->flags[q] & SHZ_IX_WORD_END)
                    break;
            }
            if (!letters || len >= sizeof word)
                continue;
            size_t stem_len = szs_stem_english((const unsigned char *)word, len, stem);
            uint32_t stem_off = gen_pool_add(&w->pool, (const char *)stem, stem_len);
            uint32_t word_off = gen_pool_add(&w->pool, word, len);
            word_posting *grown = gen_grow(found, &found_cap, found_n + 1, sizeof *found);
            if (stem_off == UINT32_MAX || word_off == UINT32_MAX || !grown) {
                ok = 0;
                break;
            }
            found = grown;
            found[found_n++] = (word_posting){stem_off, p};
        }
    }
    if (!ok) {
        free(found);
        return 0;
    }
    /* Entries: every string of the pool, in offset order. */
    size_t count = 0;
    for (size_t at = 0; at < w->pool.size; at += strlen(w->pool.bytes + at) + 1)
        count++;
    w->count = count;
    w->offsets = malloc((count ? count : 1) * sizeof *w->offsets);
    w->str = malloc((count ? count : 1) * 2 * sizeof *w->str);
    w->stem = malloc((count ? count : 1) * sizeof *w->stem);
    w->first = calloc(count + 1, sizeof *w->first);
    w->postings = malloc((found_n ? found_n : 1) * sizeof *w->postings);
    w->info = malloc((found_n ? found_n : 1) * sizeof *w->info);
    w->posting_count = found_n;
    /* At most two thirds full: a miss still ends within a few probes (linear probing), and the
     * table is half the size of one kept half empty. */
    w->slot_bits = 4;
    while (((size_t)1 << w->slot_bits) * 2 < count * 3)
        w->slot_bits++;
    w->slots = calloc((size_t)1 << w->slot_bits, sizeof *w->slots);
    if (!w->offsets || !w->str || !w->stem || !w->first || !w->postings || !w->info || !w->slots) {
        free(found);
        return 0;
    }
    size_t e = 0;
    for (size_t at = 0; at < w->pool.size; at += strlen(w->pool.bytes + at) + 1, e++) {
        size_t len = strlen(w->pool.bytes + at);
        w->offsets[e] = (uint32_t)at;
        w->str[2 * e] = (uint32_t)at;
        w->str[2 * e + 1] = (uint32_t)len;
        w->stem[e] = SHZ_IX_NO_ENTRY;
        uint32_t mask = (UINT32_C(1) << w->slot_bits) - 1;
        uint32_t slot =
            shzi_ix_word_hash((const unsigned char *)w->pool.bytes + at, len, w->slot_bits);
        while (w->slots[slot])
            slot = (slot + 1) & mask;
        w->slots[slot] = (uint32_t)e + 1;
    }
    /* Each word names its stem's entry; the postings move from stem offsets to entries. */
    for (size_t i = 0; i < found_n; i++) {
        uint32_t p = found[i].position;
        size_t len = 0;
        for (uint32_t q = p;; q++) {
            word[len++] = (char)b->norm.v[q];
            if (b->flags[q] & SHZ_IX_WORD_END)
                break;
        }
        /* Adding finds the string already there: its offset. */
        uint32_t word_entry = entry_of(w, gen_pool_add(&w->pool, word, len));
        uint32_t stem_entry = entry_of(w, found[i].stem);
        if (word_entry != SHZ_IX_NO_ENTRY)
            w->stem[word_entry] = stem_entry;
        found[i].stem = stem_entry;
    }
    if (found_n)
        qsort(found, found_n, sizeof *found, by_stem_then_position);
    for (size_t i = 0; i < found_n; i++) {
        w->first[found[i].stem + 1]++;
        w->postings[i] = found[i].position;
        w->info[i] = where[found[i].position];
    }
    for (size_t i = 0; i < count; i++)
        w->first[i + 1] += w->first[i];
    free(found);
    w->idf = group_idf(w->first, count, w->postings, where, measures);
    if (!w->idf)
        return 0;
    for (size_t i = 0; i < count; i++)
        if (w->first[i] == w->first[i + 1])
            w->idf[i] = 0;
    return 1;
}

/* The thesaurus's head bitmap (index_data.h, thes_heads). */
static void thesaurus_heads(const gen_thesaurus *th, uint32_t *bits)
{
    memset(bits, 0, SHZ_IX_THES_HEAD_WORDS * sizeof *bits);
    for (size_t r = 0; r < th->count; r++) {
        const uint32_t *word = th->chars + th->rows[r];
        uint32_t bit = shzi_ix_thes_head(word[0], word[0] ? word[1] : 0);
        bits[bit / 32] |= UINT32_C(1) << (bit % 32);
    }
}

/* The stem prefix bitmap (index_data.h, stem_prefix). */
static void stem_prefixes(const word_tables *w, uint32_t *bits)
{
    memset(bits, 0, SHZ_IX_PREFIX_WORDS * sizeof *bits);
    for (size_t e = 0; e < w->count; e++) {
        if (w->first[e] == w->first[e + 1])
            continue; /* not a stem */
        const unsigned char *s = (const unsigned char *)w->pool.bytes + w->str[2 * e];
        size_t len = w->str[2 * e + 1];
        unsigned l[3];
        for (size_t i = 0; i < 3; i++)
            l[i] = i < len && s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' : 26;
        if (l[0] == 26 || l[1] == 26)
            continue; /* one letter: the stem of no word of three letters or more */
        for (unsigned b = 0; b < 26; b++) {
            if (l[1] != 26 && b != l[1])
                continue;
            bits[SHZ_IX_PREFIX2(l[0], b) / 32] |= 1u << SHZ_IX_PREFIX2(l[0], b) % 32;
            for (unsigned c = 0; c < 26; c++)
                if (l[2] == 26 || c == l[2])
                    bits[SHZ_IX_PREFIX3(l[0], b, c) / 32] |= 1u << SHZ_IX_PREFIX3(l[0], b, c) % 32;
        }
    }
}

/* The typo scan's rows (index_data.h, typo_first, typo_entry, typo_mask): a counting sort of
 * the words by length keeps each length's words in entry order. */
static int typo_rows(const word_tables *w, blob *bl, shzi_ix_layout *ix)
{
    uint32_t first[SHZ_IX_TYPO_MAX_LEN + 2] = {0};
    uint32_t *entry = malloc((w->count ? w->count : 1) * sizeof *entry);
    uint32_t *mask = malloc((w->count ? w->count : 1) * sizeof *mask);
    if (!entry || !mask) {
        free(entry);
        free(mask);
        return 0;
    }
    for (size_t e = 0; e < w->count; e++) {
        uint32_t len = w->str[2 * e + 1];
        if (w->stem[e] != SHZ_IX_NO_ENTRY && len >= 1 && len <= SHZ_IX_TYPO_MAX_LEN)
            first[len + 1]++;
    }
    for (size_t len = 0; len <= SHZ_IX_TYPO_MAX_LEN; len++)
        first[len + 1] += first[len];
    uint32_t next[SHZ_IX_TYPO_MAX_LEN + 1];
    memcpy(next, first, sizeof next);
    for (size_t e = 0; e < w->count; e++) {
        uint32_t len = w->str[2 * e + 1];
        if (w->stem[e] == SHZ_IX_NO_ENTRY || len < 1 || len > SHZ_IX_TYPO_MAX_LEN)
            continue;
        const unsigned char *s = (const unsigned char *)w->pool.bytes + w->str[2 * e];
        uint32_t bits = 0;
        for (uint32_t k = 0; k < len; k++)
            bits |= shzi_ix_char_bit(s[k]);
        uint32_t row = next[len]++;
        entry[row] = (uint32_t)e;
        mask[row] = bits;
    }
    uint32_t rows = first[SHZ_IX_TYPO_MAX_LEN + 1];
    ix->typo_first = blob_append_u32(bl, first, SHZ_IX_TYPO_MAX_LEN + 2);
    ix->typo_entry = blob_append_u32(bl, entry, rows);
    ix->typo_mask = blob_append_u32(bl, mask, rows);
    free(entry);
    free(mask);
    return 1;
}

static void free_words(word_tables *w)
{
    gen_pool_free(&w->pool);
    free(w->offsets);
    free(w->str);
    free(w->stem);
    free(w->idf);
    free(w->first);
    free(w->postings);
    free(w->info);
    free(w->slots);
}

/* ---- the thesaurus's checks ---------------------------------------------- */

/* What the thesaurus's checks read: the text, its grams and its words. */
typedef struct catalogue_text {
    const index_builder *b;
    const gram_tables *g;
    const word_tables *w;
    const uint32_t *where;
} catalogue_text;

/* Whether the Han code points chars[0..len) (len >= 2) occur in a Chinese title, body, keyword
 * or alias: at a posting of their first bigram. */
static int han_occurs(const void *ctx, const uint32_t *chars, size_t len)
{
    const catalogue_text *ct = ctx;
    const gram_tables *g = ct->g;
    uint64_t key = SHZ_IX_BIGRAM_KEY(chars[0], chars[1]);
    uint32_t slot = shzi_ix_gram_slot(key, g->slot_count);
    for (uint32_t gram; (gram = g->slots[slot]) != 0;
         slot = slot + 1 < g->slot_count ? slot + 1 : 0) {
        gram--;
        if (((uint64_t)g->key_halves[(size_t)2 * gram + 1] << 32 |
             g->key_halves[(size_t)2 * gram]) != key)
            continue;
        for (uint32_t i = g->first[gram]; i < g->first[gram + 1]; i++) {
            uint32_t p = g->postings[i];
            int field = (int)(ct->where[p] >> SHZ_IX_INFO_SLOT_SHIFT) & SHZ_IX_INFO_SLOT_MASK;
            if ((field == SHZ_IX_TITLE || field == SHZ_IX_BODY || field == SHZ_IX_TERMS) &&
                p + len <= ct->b->norm.n && !memcmp(ct->b->norm.v + p, chars, len * sizeof *chars))
                return 1;
        }
        return 0;
    }
    return 0;
}

/* The word table's entry of the string s[0..len), or SHZ_IX_NO_ENTRY. */
static uint32_t word_lookup(const word_tables *w, const char *s, size_t len)
{
    uint32_t mask = (UINT32_C(1) << w->slot_bits) - 1;
    uint32_t slot = shzi_ix_word_hash((const unsigned char *)s, len, w->slot_bits);
    for (uint32_t e; (e = w->slots[slot]) != 0; slot = (slot + 1) & mask)
        if (w->str[(size_t)2 * (e - 1) + 1] == len &&
            !memcmp(w->pool.bytes + w->str[(size_t)2 * (e - 1)], s, len))
            return e - 1;
    return SHZ_IX_NO_ENTRY;
}

/* The entry of the stem whose postings hold the a-z word (the stem recorded for the word, or
 * the word's own stem), or SHZ_IX_NO_ENTRY when the catalogue has neither. */
static uint32_t english_stem(const word_tables *w, const char *word, size_t len)
{
    uint32_t e = word_lookup(w, word, len);
    if (e != SHZ_IX_NO_ENTRY && w->stem[e] != SHZ_IX_NO_ENTRY)
        return w->stem[e];
    unsigned char stem[SZS_STEM_MAX];
    size_t stem_len = szs_stem_english((const unsigned char *)word, len, stem);
    e = word_lookup(w, (const char *)stem, stem_len);
    return e != SHZ_IX_NO_ENTRY && w->first[e] < w->first[e + 1] ? e : SHZ_IX_NO_ENTRY;
}

/* Whether the a-z word is an English word of the catalogue, or has the stem of one. */
static int english_word(const void *ctx, const char *word, size_t len)
{
    return english_stem(((const catalogue_text *)ctx)->w, word, len) != SHZ_IX_NO_ENTRY;
}

/* Whether the catalogue's English has the first word (or one with its stem) with the second
 * right after it: the next position holds a word of the second's stem. Punctuation is not in
 * the normalized text, so a comma between them still counts: the check errs on the side of
 * the catalogue having the phrase. */
static int english_phrase(const void *ctx, const char *first, size_t first_len, const char *second,
                          size_t second_len)
{
    const catalogue_text *ct = ctx;
    const word_tables *w = ct->w;
    uint32_t a = english_stem(w, first, first_len), b = english_stem(w, second, second_len);
    if (a == SHZ_IX_NO_ENTRY || b == SHZ_IX_NO_ENTRY)
        return 0;
    const uint32_t *next_begin = w->postings + w->first[b],
                   *next_end = w->postings + w->first[b + 1];
    for (uint32_t i = w->first[a]; i < w->first[a + 1]; i++) {
        uint32_t p = w->postings[i];
        while (p + 1 < ct->b->norm.n && !(ct->b->flags[p] & SHZ_IX_WORD_END))
            p++;
        uint32_t next = p + 1;
        if (bsearch(&next, next_begin, (size_t)(next_end - next_begin), sizeof next, by_u32))
            return 1;
    }
    return 0;
}

static int write_index(const gen_model *model, const index_builder *b, const gram_tables *g,
                       const word_tables *w, const gen_thesaurus *th, const uint32_t *where,
                       size_t hant_fallbacks, const char *out_path)
{
    blob bl = {NULL, 0, 0, 0};
    shzi_ix_layout ix = {0};
    ix.format = SHZ_IX_FORMAT;
    ix.measure_count = (uint32_t)model->measure_count;
    ix.position_count = (uint32_t)b->norm.n;
    ix.gram_count = (uint32_t)g->gram_count;
    ix.slot_count = g->slot_count;
    ix.posting_count = (uint32_t)g->posting_count;
    ix.seg_start = blob_append_u32(&bl, b->seg_start.v, b->seg_start.n);
    ix.norm = blob_append_positions(&bl, b->norm.v, b->flags, b->norm.n);
    ix.src_byte = blob_append_u16(&bl, b->src_byte.v, b->src_byte.n, "a field text's byte offset");
    ix.hant = blob_append(&bl, b->hant, model->measure_count);
    while (bl.size % 4 && !bl.failed) /* keeps the uint32 tables aligned, for speed only */
        blob_append(&bl, "", 1);
    uint32_t *info = malloc((g->posting_count ? g->posting_count : 1) * sizeof *info);
    uint32_t *gidf = group_idf(g->first, g->gram_count, g->postings, where, model->measure_count);
    uint32_t *scale = field_scales(b, model->measure_count);
    uint32_t *records = gidf ? gram_records(g, gidf) : NULL, *lengths = field_bytes(model, b);
    if (info)
        for (size_t i = 0; i < g->posting_count; i++)
            info[i] = where[g->postings[i]];
    if (!info || !gidf || !scale || !lengths || !records) {
        bl.failed = 1;
    } else {
        ix.post_info = blob_append_u32(&bl, info, g->posting_count);
        ix.grams = blob_append_u32(&bl, records, (size_t)g->slot_count * SHZ_IX_GRAM_FIELDS);
        ix.field_scale = blob_append_u32(&bl, scale, model->measure_count * SHZ_IX_NSLOTS);
        ix.field_bytes = blob_append_u32(&bl, lengths, model->measure_count * SHZ_IX_NSLOTS);
    }
    ix.common_idf = share_idf(model->measure_count, SHZ_IX_COMMON_SHARE);
    ix.part_idf = share_idf(model->measure_count, SHZ_IX_PART_SHARE);
    ix.rare_idf = idf_of(1, model->measure_count);
    free(info);
    free(gidf);
    free(scale);
    free(records);
    free(lengths);
    ix.terms_text = blob_append_u32(&bl, b->terms_off.v, b->terms_off.n);
    ix.word_count = (uint32_t)w->count;
    ix.word_slot_bits = w->slot_bits;
    ix.word_slots = blob_append_u32(&bl, w->slots, (size_t)1 << w->slot_bits);
    ix.word_str = blob_append_u16(&bl, w->str, w->count * 2, "a Latin word's byte offset");
    ix.word_stem = blob_append_u32(&bl, w->stem, w->count);
    ix.word_idf = blob_append_u32(&bl, w->idf, w->count);
    ix.word_first_wide = w->first[w->count] > 0xFFFF;
    ix.word_first = ix.word_first_wide
                        ? blob_append_u32(&bl, w->first, w->count + 1)
                        : blob_append_u16(&bl, w->first, w->count + 1, "the stem postings' count");
    ix.word_postings = blob_append_u32(&bl, w->postings, w->posting_count);
    ix.word_info = blob_append_u32(&bl, w->info, w->posting_count);
    uint32_t prefix_bits[SHZ_IX_PREFIX_WORDS];
    stem_prefixes(w, prefix_bits);
    ix.stem_prefix = blob_append_u32(&bl, prefix_bits, SHZ_IX_PREFIX_WORDS);
    if (!typo_rows(w, &bl, &ix))
        bl.failed = 1;
    ix.terms_bytes = blob_append(&bl, b->terms_bytes, b->terms_size + 1);
    ix.word_bytes = blob_append(&bl, w->pool.bytes, w->pool.size + 1);
    while (bl.size % 4 && !bl.failed)
        blob_append(&bl, "", 1);
    ix.thes_count = (uint32_t)th->count;
    ix.thes_most_chars = (uint32_t)th->most_chars;
    ix.thes_rows = blob_append_u16(&bl, th->rows, th->count + 1, "a thesaurus row's offset");
    ix.thes_chars = blob_append_u16(&bl, th->chars, th->char_count, "a thesaurus code point");
    while (bl.size % 4 && !bl.failed)
        blob_append(&bl, "", 1);
    uint32_t head_bits[SHZ_IX_THES_HEAD_WORDS];
    thesaurus_heads(th, head_bits);
    ix.thes_heads = blob_append_u32(&bl, head_bits, SHZ_IX_THES_HEAD_WORDS);
    if (bl.failed) {
        fprintf(stderr,
                "%s: not written: a value too large for its table (said above), over 4 GiB in all, "
                "or out of memory\n",
                out_path);
        free(bl.bytes);
        return 0;
    }

    FILE *out = fopen(out_path, "w");
    if (!out) {
        perror(out_path);
        free(bl.bytes);
        return 0;
    }
    fprintf(
        out,
        "/* Generated by shzi_gen from the catalogue; do not edit. Search index: %zu measures,\n"
        " * %zu normalized positions, %zu grams, %zu postings, %zu words and stems; %zu\n"
        " * zh-Hant fields whose code point count differs from zh-Hans (their spans are\n"
        " * reported in zh-Hans). */\n"
        "#include \"index_data.h\"\n\n"
        "_Static_assert(SHZ_IX_FORMAT == %d, \"index_data.c is stale: regenerate "
        "it\");\n" GEN_OVERLENGTH_PRAGMA "\n",
        model->measure_count, b->norm.n, g->gram_count, g->posting_count, w->count, hant_fallbacks,
        SHZ_IX_FORMAT);
    const uint32_t fields[] = {
        ix.format,         ix.measure_count, ix.position_count, ix.gram_count,
        ix.slot_count,     ix.posting_count, ix.seg_start,      ix.norm,
        ix.src_byte,       ix.hant,          ix.grams,          ix.post_info,
        ix.field_scale,    ix.field_bytes,   ix.common_idf,     ix.part_idf,
        ix.rare_idf,       ix.terms_text,    ix.terms_bytes,    ix.word_count,
        ix.word_slot_bits, ix.word_slots,    ix.word_str,       ix.word_bytes,
        ix.word_stem,      ix.word_idf,      ix.word_first,     ix.word_first_wide,
        ix.word_postings,  ix.word_info,     ix.stem_prefix,    ix.typo_first,
        ix.typo_entry,     ix.typo_mask,     ix.thes_count,     ix.thes_most_chars,
        ix.thes_rows,      ix.thes_chars,    ix.thes_heads};
    _Static_assert(sizeof fields == sizeof ix, "write every member of shzi_ix_layout");
    fputs("const shzi_ix_layout shzi_ix = {", out);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        fprintf(out, "%s%u", i ? (i % 8 ? ", " : ",\n    ") : "", (unsigned)fields[i]);
    fputs("};\n\n", out);
    fprintf(out, "const unsigned char shzi_ix_blob[%zu] =\n", bl.size + 1);
    gen_write_c_bytes(out, bl.bytes, bl.size);
    fputs(";\n", out);
    free(bl.bytes);
    if (fclose(out) != 0) {
        perror(out_path);
        return 0;
    }
    return 1;
}

int gen_emit_index(const gen_model *model, const term_pinyin_words *words,
                   const char *thesaurus_path, const char *out_path)
{
    if (model->measure_count >= MAX_MEASURES) {
        fprintf(stderr, "%s: at most %u measures can be indexed\n", out_path, MAX_MEASURES - 1);
        return 0;
    }
    index_builder b;
    memset(&b, 0, sizeof b);
    b.words = words;
    gram_tables g;
    memset(&g, 0, sizeof g);
    word_tables w;
    memset(&w, 0, sizeof w);
    uint32_t *where = NULL;
    int ok = (b.hant = calloc(model->measure_count + 1, 1)) != NULL;
    size_t hant_fallbacks = 0;
    for (size_t i = 0; ok && i < model->measure_count; i++) {
        const gen_measure *ms = &model->measures[i];
        for (int slot = 0; ok && slot < SHZ_IX_NSLOTS; slot++)
            ok = slot == SHZ_IX_TERMS            ? push_terms(&b, ms)
                 : slot == SHZ_IX_TERMS_PINYIN   ? push_terms_pinyin(&b, ms, 0)
                 : slot == SHZ_IX_TERMS_INITIALS ? push_terms_pinyin(&b, ms, 1)
                                                 : push_field(&b, slot_text(ms, slot));
        /* s2t is character for character for almost all of the text; where it is not, spans
         * cannot be carried over by character offset and stay in zh-Hans. */
        const gen_text *fields[2] = {&ms->title, &ms->body};
        const unsigned char bits[2] = {SHZ_IX_HANT_TITLE, SHZ_IX_HANT_BODY};
        for (int f = 0; f < 2; f++) {
            if (count_code_points(fields[f]->lang[GEN_LANG_HANS]) ==
                count_code_points(fields[f]->lang[GEN_LANG_HANT]))
                b.hant[i] |= bits[f];
            else
                hant_fallbacks++;
        }
    }
    ok = ok && push_sentinel(&b) && vec_reserve(&b.seg_start, 1) && vec_reserve(&b.terms_off, 1);
    if (ok) {
        b.seg_start.v[b.seg_start.n++] = (uint32_t)b.norm.n;
        b.terms_off.v[b.terms_off.n++] = (uint32_t)b.terms_size;
        ok = b.norm.n < UINT32_MAX / 2;
    }
    ok = ok && make_flags(&b) && (where = position_info(&b)) != NULL;
    ok = ok && build_grams(&b.norm, &g) && build_words(&b, where, model->measure_count, &w);
    if (!ok)
        fprintf(stderr, "%s: out of memory building the search index\n", out_path);
    uint32_t no_rows = 0;
    gen_thesaurus th = {&no_rows, NULL, 0, 0, 0};
    catalogue_text text = {&b, &g, &w, where};
    const gen_thesaurus_text checks = {han_occurs, english_word, english_phrase, &text};
    int loaded = ok && thesaurus_path && gen_thesaurus_load(&th, thesaurus_path, &checks);
    ok = ok && (!thesaurus_path || loaded);
    ok = ok && write_index(model, &b, &g, &w, &th, where, hant_fallbacks, out_path);
    if (loaded)
        gen_thesaurus_free(&th);
    free_grams(&g);
    free_words(&w);
    free(where);
    free(b.norm.v);
    free(b.src_byte.v);
    free(b.src_char.v);
    free(b.seg_start.v);
    free(b.terms_off.v);
    free(b.terms_bytes);
    free(b.flags);
    free(b.hant);
    return ok;
}
