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

static int reserve_bytes(gen_pool *pool, size_t extra)
{
    if (pool->size + extra <= pool->cap)
        return 1;
    size_t cap = pool->cap ? pool->cap : 65536;
    while (cap < pool->size + extra)
        cap *= 2;
    char *bytes = realloc(pool->bytes, cap);
    if (!bytes)
        return 0;
    pool->bytes = bytes;
    pool->cap = cap;
    return 1;
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
    if (pool->size + len + 1 >= UINT32_MAX || !reserve_bytes(pool, len + 1))
        return UINT32_MAX;
    uint32_t off = (uint32_t)pool->size;
    memcpy(pool->bytes + off, s, len);
    pool->bytes[off + len] = '\0';
    pool->size += len + 1;
    pool->slots[at] = off + 1;
    pool->used_slots++;
    return off;
}

int gen_pool_write(const gen_pool *pool, FILE *out, const char *name)
{
    fprintf(out, "const char %s[] = {\n", name);
    for (size_t i = 0; i < pool->size; i++)
        fprintf(out, "%d,%s", (int)(signed char)pool->bytes[i], (i % 24 == 23) ? "\n" : "");
    /* An empty pool still needs one element to be valid C. */
    fprintf(out, "%s};\nconst size_t %s_size = %zu;\n\n", pool->size ? "" : "0", name, pool->size);
    return !ferror(out);
}
