/*
 * Shared by the libFuzzer targets: a reader that takes typed values from the
 * fuzzer's bytes (zeros once they run out), and the checks every returned
 * string must pass. A failed check aborts, which libFuzzer reports as a crash.
 */
#ifndef SHZ_FUZZ_COMMON_H
#define SHZ_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shenzhen.h"
#include "utf8.h"

typedef struct fuzz_input {
    const uint8_t *data;
    size_t size;
} fuzz_input;

static inline uint8_t take_u8(fuzz_input *in)
{
    if (in->size == 0)
        return 0;
    uint8_t v = in->data[0];
    in->data++;
    in->size--;
    return v;
}

static inline uint64_t take_u64(fuzz_input *in, size_t bytes)
{
    uint64_t v = 0;
    for (size_t i = 0; i < bytes; i++)
        v = (v << 8) | take_u8(in);
    return v;
}

/* An id or index of interesting magnitude: small, near the edges, or any 64 bits. */
static inline int64_t take_id(fuzz_input *in)
{
    uint8_t how = take_u8(in);
    switch (how % 4) {
    case 0:
        return (int64_t)(int8_t)take_u8(in);
    case 1:
        return (int64_t)take_u64(in, 2) - 64;
    case 2:
        return (int64_t)(take_u64(in, 8));
    default:
        return how & 1 ? INT64_MAX - take_u8(in) : INT64_MIN + take_u8(in);
    }
}

/* Up to @p max bytes, length from the input; points into the input (not NUL-terminated). */
static inline const char *take_bytes(fuzz_input *in, size_t max, size_t *len)
{
    size_t n = take_u8(in);
    if (n > max)
        n = max;
    if (n > in->size)
        n = in->size;
    const char *p = (const char *)in->data;
    in->data += n;
    in->size -= n;
    *len = n;
    return p;
}

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* A borrowed string from the library: non-NULL, NUL-terminated at len, valid UTF-8. */
static inline void check_text(const char *text, size_t len)
{
    FUZZ_CHECK(text != NULL);
    FUZZ_CHECK(strlen(text) == len);
    FUZZ_CHECK(shzi_utf8_valid(text, len));
}

static inline int status_known(shz_status st)
{
    return st >= SHZ_OK && st <= SHZ_ERR_BAD_OPTIONS;
}

#endif
