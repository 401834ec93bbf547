/* Growable output buffer and write-all for the shenzhen command. */
#define _POSIX_C_SOURCE 200809L

#include "outbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void outbuf_init(outbuf *ob)
{
    ob->data = NULL;
    ob->len = 0;
    ob->cap = 0;
    ob->failed = false;
}

void outbuf_free(outbuf *ob)
{
    free(ob->data);
    outbuf_init(ob);
}

/* Makes room for @p extra more bytes plus the NUL; false on failure. */
static bool reserve(outbuf *ob, size_t extra)
{
    if (ob->failed)
        return false;
    if (extra < ob->cap - ob->len)
        return true;
    if (extra > ((size_t)-1) / 2 - ob->len) {
        ob->failed = true;
        return false;
    }
    size_t cap = ob->cap ? ob->cap : 256;
    while (cap - ob->len <= extra)
        cap *= 2;
    char *data = realloc(ob->data, cap);
    if (data == NULL) {
        ob->failed = true;
        return false;
    }
    ob->data = data;
    ob->cap = cap;
    return true;
}

void outbuf_append(outbuf *ob, const char *bytes, size_t len)
{
    if (!reserve(ob, len))
        return;
    if (len > 0)
        memcpy(ob->data + ob->len, bytes, len);
    ob->len += len;
    ob->data[ob->len] = '\0';
}

void outbuf_puts(outbuf *ob, const char *str)
{
    outbuf_append(ob, str, strlen(str));
}

void outbuf_repeat(outbuf *ob, char c, size_t count)
{
    if (!reserve(ob, count))
        return;
    memset(ob->data + ob->len, c, count);
    ob->len += count;
    ob->data[ob->len] = '\0';
}

void outbuf_printf(outbuf *ob, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0) {
        ob->failed = true;
        return;
    }
    if (!reserve(ob, (size_t)need))
        return;
    va_start(ap, fmt);
    vsnprintf(ob->data + ob->len, (size_t)need + 1, fmt, ap);
    va_end(ap);
    ob->len += (size_t)need;
}

bool outbuf_failed(const outbuf *ob)
{
    return ob->failed;
}

int write_all(int fd, const char *bytes, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, bytes, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO;
        bytes += n;
        len -= (size_t)n;
    }
    return 0;
}
