/*
 * A string pool under construction: every distinct string is stored once,
 * NUL-terminated, and named by its byte offset. Shared by the emitters so the
 * catalogue and the index can each write a pool in the same way.
 */
#ifndef SHZ_GEN_POOL_H
#define SHZ_GEN_POOL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct gen_pool {
    char *bytes;
    size_t size, cap;
    uint32_t *slots; /* open-addressing hash of offsets + 1 (0 = empty) */
    size_t slot_count, used_slots;
} gen_pool;

void gen_pool_init(gen_pool *pool);
void gen_pool_free(gen_pool *pool);

/* Adds s (len bytes) unless already present; returns its offset, or UINT32_MAX when out of memory
 * or the pool would exceed 4 GiB. */
uint32_t gen_pool_add(gen_pool *pool, const char *s, size_t len);

/* Writes `const char NAME[] = {…}; const size_t NAME_size = N;` as C source. Returns 0 on I/O
 * error. */
int gen_pool_write(const gen_pool *pool, FILE *out, const char *name);

/* Makes buf (room for *cap elements of elem_size bytes) hold at least need elements, doubling
 * from a first size of 4096. Returns the buffer to use from now on (buf itself when it was large
 * enough), or NULL when out of memory, leaving buf and *cap as they were. Shared by the
 * generator's growable arrays so they all grow the same way. */
void *gen_grow(void *buf, size_t *cap, size_t need, size_t elem_size);

/* Writes bytes as one C string literal split over short lines, the compact form that compiles
 * fast even for the 100x synthetic catalogues. The including file must silence
 * -Woverlength-strings (GEN_OVERLENGTH_PRAGMA). */
void gen_write_c_bytes(FILE *out, const unsigned char *bytes, size_t size);

#define GEN_OVERLENGTH_PRAGMA "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"

#endif
