/*
 * A growable output buffer for the shenzhen command.
 *
 * The command builds everything it prints in one buffer and writes it only
 * when the whole output is ready, so a failing run prints nothing on stdout.
 * Appends never fail loudly: an allocation failure is remembered in the
 * buffer (outbuf_failed()) and later appends do nothing.
 */
#ifndef SHZ_CLI_OUTBUF_H
#define SHZ_CLI_OUTBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct outbuf {
    char *data;  /* NUL-terminated when not NULL */
    size_t len;  /* bytes used, without the NUL */
    size_t cap;  /* bytes allocated */
    bool failed; /* an allocation failed; the contents are incomplete */
} outbuf;

/** An empty buffer; needs no allocation. */
void outbuf_init(outbuf *ob);

/** Frees the buffer and leaves it empty. */
void outbuf_free(outbuf *ob);

/** Appends @p len bytes. */
void outbuf_append(outbuf *ob, const char *bytes, size_t len);

/** Appends a NUL-terminated string. */
void outbuf_puts(outbuf *ob, const char *str);

/** Appends @p count copies of @p c. */
void outbuf_repeat(outbuf *ob, char c, size_t count);

/** Appends printf-formatted text. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void outbuf_printf(outbuf *ob, const char *fmt, ...);

/** True when an append failed for lack of memory. */
bool outbuf_failed(const outbuf *ob);

/**
 * Writes all @p len bytes to @p fd, retrying short writes and EINTR.
 * Returns 0, or the errno of the failed write.
 */
int write_all(int fd, const char *bytes, size_t len);

#endif
