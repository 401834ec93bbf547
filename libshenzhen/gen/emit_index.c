/*
 * Writes index_data.c: the search index declared in libshenzhen/index_data.h,
 * built from the normalized text of every searchable field of every measure.
 * Works for any catalogue the model accepts (the benchmarks feed it synthetic
 * catalogues 10x and 100x the real one).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_data.h"
#include "model.h"
#include "pool.h"
#include "normalize.h"

/* The sort key of a hit packs the measure index into 20 bits (libshenzhen/search.c). */
#define MAX_MEASURES (1u << 20)

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
} index_builder;

/* The text of a slot, in the order of enum shz_ix_slot. */
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
    default:
        return ms->summary_en;
    }
}

static int push_sentinel(index_builder *b)
{
    if (!vec_reserve(&b->norm, 1) || !vec_reserve(&b->src_byte, 1) || !vec_reserve(&b->src_char, 1))
        return 0;
    b->norm.v[b->norm.n++] = 0;
    b->src_byte.v[b->src_byte.n++] = 0;
    b->src_char.v[b->src_char.n++] = 0;
    return 1;
}

/* Appends the normalized text of one field, preceded by its sentinel. */
static int push_field(index_builder *b, const char *text)
{
    size_t len = strlen(text);
    if (!push_sentinel(b) || !vec_reserve(&b->seg_start, 1))
        return 0;
    b->seg_start.v[b->seg_start.n++] = (uint32_t)b->norm.n;
    /* A field never has more normalized characters than bytes. */
    if (!vec_reserve(&b->norm, len) || !vec_reserve(&b->src_byte, len) ||
        !vec_reserve(&b->src_char, len))
        return 0;
    size_t kept = shz_norm_text(text, len, b->norm.v + b->norm.n, b->src_byte.v + b->src_byte.n,
                                b->src_char.v + b->src_char.n, len);
    b->norm.n += kept;
    b->src_byte.n += kept;
    b->src_char.n += kept;
    return 1;
}

static size_t count_code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0u) != 0x80u;
    return n;
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

typedef struct gram_tables {
    uint32_t *key_halves; /* gram_count * 2 */
    uint32_t *first;      /* gram_count + 1 */
    uint32_t *postings;
    uint32_t *slots;
    size_t gram_count, posting_count;
    uint32_t slot_bits;
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
    g->slot_bits = 4;
    while (((size_t)1 << g->slot_bits) < grams * 2) /* load factor at most 1/2 */
        g->slot_bits++;
    size_t slot_count = (size_t)1 << g->slot_bits;
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
            uint32_t slot = shz_ix_hash(key, g->slot_bits);
            while (g->slots[slot])
                slot = (slot + 1) & (uint32_t)(slot_count - 1);
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

/* The post_info table (index_data.h): where each posting is. Field f (measure f / NSLOTS, slot
 * f % NSLOTS) holds the positions [seg_start[f], seg_start[f + 1] - 1): a sentinel follows it. */
static uint32_t *posting_info(const index_builder *b, const gram_tables *g)
{
    uint32_t *where = malloc((b->norm.n ? b->norm.n : 1) * sizeof *where);
    uint32_t *info = malloc((g->posting_count ? g->posting_count : 1) * sizeof *info);
    if (!where || !info) {
        free(where);
        free(info);
        return NULL;
    }
    for (size_t f = 0; f + 1 < b->seg_start.n; f++) {
        uint32_t measure = (uint32_t)(f / SHZ_IX_NSLOTS), slot = (uint32_t)(f % SHZ_IX_NSLOTS);
        for (uint32_t p = b->seg_start.v[f]; p + 1 < b->seg_start.v[f + 1]; p++) {
            uint32_t offset = p - b->seg_start.v[f];
            where[p] = measure << SHZ_IX_INFO_MEASURE_SHIFT | slot << SHZ_IX_INFO_SLOT_SHIFT |
                       (offset < SHZ_IX_OFFSET_CAP ? offset : SHZ_IX_OFFSET_CAP);
        }
    }
    for (size_t i = 0; i < g->posting_count; i++)
        info[i] = where[g->postings[i]];
    free(where);
    return info;
}

static int write_index(const gen_model *model, const index_builder *b, const gram_tables *g,
                       size_t hant_fallbacks, const char *out_path)
{
    blob bl = {NULL, 0, 0, 0};
    shz_ix_layout ix = {0};
    ix.format = SHZ_IX_FORMAT;
    ix.measure_count = (uint32_t)model->measure_count;
    ix.position_count = (uint32_t)b->norm.n;
    ix.gram_count = (uint32_t)g->gram_count;
    ix.slot_bits = g->slot_bits;
    ix.posting_count = (uint32_t)g->posting_count;
    ix.seg_start = blob_append_u32(&bl, b->seg_start.v, b->seg_start.n);
    ix.norm = blob_append_u32(&bl, b->norm.v, b->norm.n);
    ix.src_byte = blob_append_u32(&bl, b->src_byte.v, b->src_byte.n);
    ix.src_char = blob_append_u32(&bl, b->src_char.v, b->src_char.n);
    ix.hant = blob_append(&bl, b->hant, model->measure_count);
    while (bl.size % 4 && !bl.failed) /* keeps the uint32 tables aligned, for speed only */
        blob_append(&bl, "", 1);
    ix.slots = blob_append_u32(&bl, g->slots, (size_t)1 << g->slot_bits);
    ix.gram_key = blob_append_u32(&bl, g->key_halves, g->gram_count * 2);
    ix.gram_first = blob_append_u32(&bl, g->first, g->gram_count + 1);
    ix.postings = blob_append_u32(&bl, g->postings, g->posting_count);
    uint32_t *info = posting_info(b, g);
    if (!info)
        bl.failed = 1;
    else
        ix.post_info = blob_append_u32(&bl, info, g->posting_count);
    free(info);
    if (bl.failed) {
        fprintf(stderr, "%s: the index is too large (over 4 GiB) or out of memory\n", out_path);
        free(bl.bytes);
        return 0;
    }

    FILE *out = fopen(out_path, "w");
    if (!out) {
        perror(out_path);
        free(bl.bytes);
        return 0;
    }
    fprintf(out,
            "/* Generated by shz_gen from the catalogue; do not edit. Search index: %zu measures,\n"
            " * %zu normalized positions, %zu grams, %zu postings; %zu zh-Hant fields whose code\n"
            " * point count differs from zh-Hans (their spans are reported in zh-Hans). */\n"
            "#include \"index_data.h\"\n\n"
            "_Static_assert(SHZ_IX_FORMAT == %d, \"index_data.c is stale: regenerate "
            "it\");\n" GEN_OVERLENGTH_PRAGMA "\n",
            model->measure_count, b->norm.n, g->gram_count, g->posting_count, hant_fallbacks,
            SHZ_IX_FORMAT);
    fprintf(out,
            "const shz_ix_layout shz_ix = {%u, %u, %u, %u, %u, %u,\n"
            "    %u, %u, %u, %u, %u, %u, %u, %u, %u, %u};\n\n",
            (unsigned)ix.format, (unsigned)ix.measure_count, (unsigned)ix.position_count,
            (unsigned)ix.gram_count, (unsigned)ix.slot_bits, (unsigned)ix.posting_count,
            (unsigned)ix.seg_start, (unsigned)ix.norm, (unsigned)ix.src_byte, (unsigned)ix.src_char,
            (unsigned)ix.hant, (unsigned)ix.slots, (unsigned)ix.gram_key, (unsigned)ix.gram_first,
            (unsigned)ix.postings, (unsigned)ix.post_info);
    fprintf(out, "const unsigned char shz_ix_blob[%zu] =\n", bl.size + 1);
    gen_write_c_bytes(out, bl.bytes, bl.size);
    fputs(";\n", out);
    free(bl.bytes);
    if (fclose(out) != 0) {
        perror(out_path);
        return 0;
    }
    return 1;
}

int gen_emit_index(const gen_model *model, const char *out_path)
{
    if (model->measure_count >= MAX_MEASURES) {
        fprintf(stderr, "%s: at most %u measures can be indexed\n", out_path, MAX_MEASURES - 1);
        return 0;
    }
    index_builder b;
    memset(&b, 0, sizeof b);
    gram_tables g;
    memset(&g, 0, sizeof g);
    int ok = (b.hant = calloc(model->measure_count + 1, 1)) != NULL;
    size_t hant_fallbacks = 0;
    for (size_t i = 0; ok && i < model->measure_count; i++) {
        const gen_measure *ms = &model->measures[i];
        for (int slot = 0; ok && slot < SHZ_IX_NSLOTS; slot++)
            ok = push_field(&b, slot_text(ms, slot));
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
    ok = ok && push_sentinel(&b) && vec_reserve(&b.seg_start, 1);
    if (ok) {
        b.seg_start.v[b.seg_start.n++] = (uint32_t)b.norm.n;
        ok = b.norm.n < UINT32_MAX / 2;
    }
    ok = ok && build_grams(&b.norm, &g);
    if (!ok)
        fprintf(stderr, "%s: out of memory building the search index\n", out_path);
    ok = ok && write_index(model, &b, &g, hant_fallbacks, out_path);
    free_grams(&g);
    free(b.norm.v);
    free(b.src_byte.v);
    free(b.src_char.v);
    free(b.seg_start.v);
    free(b.hant);
    return ok;
}
