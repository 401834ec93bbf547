#include "pool.h"

#include <stdlib.h>
#include <string.h>

void gen_pool_init(gen_pool *pool)
{
    memset(pool, 0, sizeof *pool);
}

void gen_pool_free(gen_pool *pool)
{
    free(pool->bytes);
    free(pool->slots);
    memset(pool, 0, sizeof *pool);
}

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int grow_slots(gen_pool *pool)
{
    size_t count = pool->slot_count ? pool->slot_count * 2 : 1024;
    uint32_t *slots = calloc(count, sizeof *slots);
    if (!slots)
        return 0;
    for (size_t i = 0; i < pool->slot_count; i++) {
        uint32_t entry = pool->slots[i];
        if (!entry)
            continue;
        const char *s = pool->bytes + entry - 1;
        size_t at = (size_t)(hash_bytes(s, strlen(s)) & (count - 1));
        while (slots[at])
            at = (at + 1) & (count - 1);
        slots[at] = entry;
    }
    free(pool->slots);
    pool->slots = slots;
    pool->slot_count = count;
    return 1;
}

void *gen_grow(void *buf, size_t *cap, size_t need, size_t elem_size)
{
    if (buf && need <= *cap)
        return buf;
    size_t grown_cap = *cap ? *cap : 4096;
    while (grown_cap < need)
        grown_cap *= 2;
    void *grown = realloc(buf, grown_cap * elem_size);
    if (grown)
        *cap = grown_cap;
    return grown;
}

uint32_t gen_pool_add(gen_pool *pool, const char *s, size_t len)
{
    /* Strings with an embedded NUL would be cut by C readers: the model never holds them. */
    if ((pool->used_slots + 1) * 2 > pool->slot_count && !grow_slots(pool))
        return UINT32_MAX;
    size_t at = (size_t)(hash_bytes(s, len) & (pool->slot_count - 1));
    for (; pool->slots[at]; at = (at + 1) & (pool->slot_count - 1)) {
        const char *have = pool->bytes + pool->slots[at] - 1;
        if (strlen(have) == len && memcmp(have, s, len) == 0)
            return pool->slots[at] - 1;
    }
    if (pool->size + len + 1 >= UINT32_MAX)
        return UINT32_MAX; /* offsets are 32-bit */
    char *grown = gen_grow(pool->bytes, &pool->cap, pool->size + len + 1, 1);
    if (!grown)
        return UINT32_MAX;
    pool->bytes = grown;
    uint32_t off = (uint32_t)pool->size;
    memcpy(pool->bytes + off, s, len);
    pool->bytes[off + len] = '\0';
    pool->size += len + 1;
    pool->slots[at] = off + 1;
    pool->used_slots++;
    return off;
}

/* Octal escapes are always three digits so that a following digit cannot extend them; '?' is
 * escaped against trigraphs. */
void gen_write_c_bytes(FILE *out, const unsigned char *bytes, size_t size)
{
    size_t column = 0;
    fputc('"', out);
    for (size_t i = 0; i < size; i++) {
        unsigned char c = bytes[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?') {
            fputc(c, out);
            column++;
        } else {
            fprintf(out, "\\%03o", c);
            column += 4;
        }
        if (column >= 96 && i + 1 < size) {
            fputs("\"\n\"", out);
            column = 0;
        }
    }
    fputs("\"", out);
}

int gen_pool_write(const gen_pool *pool, FILE *out, const char *name)
{
    fprintf(out, "const char %s[] = ", name);
    gen_write_c_bytes(out, (const unsigned char *)pool->bytes, pool->size);
    fprintf(out, ";\nconst size_t %s_size = %zu;\n\n", name, pool->size);
    return !ferror(out);
}
