/*
 * Preloaded into the command by test_cli_alloc (LD_PRELOAD): makes the n-th
 * call of malloc, calloc or realloc in the process fail, as an exhausted heap
 * would (NULL, errno ENOMEM, a realloc'd block left as it was), counted from 1
 * once the process starts; every other call succeeds. n comes from
 * SHZ_FAIL_ALLOCATION (unset or 0: none fails). Counting stops once the
 * command writes its result (write(), fprintf()): what allocates after that is
 * the exit's machinery (gcov's dump in a coverage build), not the command. At
 * exit the number of calls counted is written to the file
 * SHZ_ALLOCATION_COUNT names, so that a walk knows where to stop.
 */
#define _GNU_SOURCE
/* The definitions below must be functions, not the fortified macros. */
#undef _FORTIFY_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* glibc's own allocator, under the names it exports for interposers like this one. */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern ssize_t __write(int fd, const void *buf, size_t count);

static unsigned long fail_at;
static unsigned long calls;
static int reporting; /* the result is being written: allocations are neither counted nor failed */

__attribute__((constructor)) static void read_setting(void)
{
    const char *n = getenv("SHZ_FAIL_ALLOCATION");
    fail_at = n ? strtoul(n, NULL, 10) : 0;
}

__attribute__((destructor)) static void write_count(void)
{
    const char *path = getenv("SHZ_ALLOCATION_COUNT");
    unsigned long made = calls;
    reporting = 1;
    FILE *f = path ? fopen(path, "w") : NULL;
    if (f != NULL) {
        fprintf(f, "%lu\n", made);
        fclose(f);
    }
}

static int fails_now(void)
{
    if (reporting)
        return 0;
    if (++calls != fail_at)
        return 0;
    errno = ENOMEM;
    return 1;
}

void *malloc(size_t size)
{
    return fails_now() ? NULL : __libc_malloc(size);
}

void *calloc(size_t count, size_t size)
{
    return fails_now() ? NULL : __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size)
{
    return fails_now() ? NULL : __libc_realloc(ptr, size);
}

ssize_t write(int fd, const void *buf, size_t count)
{
    reporting = 1;
    return __write(fd, buf, count);
}

int fprintf(FILE *stream, const char *format, ...)
{
    reporting = 1;
    va_list ap;
    va_start(ap, format);
    int n = vfprintf(stream, format, ap);
    va_end(ap);
    return n;
}

/* The fortified name of fprintf, which a command built with _FORTIFY_SOURCE calls. */
int __fprintf_chk(FILE *stream, int flag, const char *format, ...)
{
    (void)flag;
    reporting = 1;
    va_list ap;
    va_start(ap, format);
    int n = vfprintf(stream, format, ap);
    va_end(ap);
    return n;
}
