/*
 * The command when memory runs out: for each run below, the n-th allocation
 * of the process fails (fail_allocation.c, preloaded), for n = 1 up to the
 * number the run makes undisturbed (beyond 100, every 10th and the last 20). Each time the command
 * either ends with status 3, nothing on stdout and one line "shenzhen: …out of memory" on stderr,
 * or (an allocation whose failure something tolerates) prints what it prints undisturbed, perhaps
 * without highlights (a title is then written plain). Never a crash, a hang or half an output.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_run.h"

#ifndef SHZ_FAIL_ALLOCATION_LIBRARY
#error "SHZ_FAIL_ALLOCATION_LIBRARY must name the preloaded allocator"
#endif

/* The allocations a run made, as the preloaded library wrote them. */
static unsigned long read_count(const char *path)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "no allocation count in %s", path);
    unsigned long n = 0;
    cr_assert_eq(fscanf(f, "%lu", &n), 1);
    fclose(f);
    return n;
}

static run run_failing(unsigned long n, bool terminal, const char *count_path,
                       const char *const *args)
{
    char preload[512], fail[64], count[512];
    snprintf(preload, sizeof preload, "LD_PRELOAD=%s", SHZ_FAIL_ALLOCATION_LIBRARY);
    snprintf(fail, sizeof fail, "SHZ_FAIL_ALLOCATION=%lu", n);
    snprintf(count, sizeof count, "SHZ_ALLOCATION_COUNT=%s", count_path);
    const char *const *env = ENV(preload, fail, count, "TERM=xterm");
    return terminal ? run_pty(env, 60, args) : run_argv(env, OUT_PIPE, args);
}

/* @p s without its ANSI CSI sequences (the highlights). */
static char *plain(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    cr_assert_not_null(out);
    size_t n = 0;
    while (*s) {
        if (s[0] == 0x1B && s[1] == '[') {
            s += 2;
            while (*s && !(*s >= 0x40 && *s <= 0x7E))
                s++;
            s += *s != '\0';
            continue;
        }
        out[n++] = *s++;
    }
    out[n] = '\0';
    return out;
}

static bool same_text(const char *a, const char *b)
{
    char *pa = plain(a), *pb = plain(b);
    bool same = strcmp(pa, pb) == 0;
    free(pa);
    free(pb);
    return same;
}

/* Walks every failure point of one run; returns how many made it fail. */
static unsigned long walk(bool terminal, int want_status, const char *const *args)
{
    char count_path[] = "/tmp/shz_alloc_count_XXXXXX";
    int fd = mkstemp(count_path);
    cr_assert_geq(fd, 0);
    close(fd);
    run clean = run_failing(0, terminal, count_path, args);
    cr_assert_eq(clean.status, want_status, "%s undisturbed: status %d, stderr %s", args[0],
                 clean.status, clean.err);
    unsigned long total = read_count(count_path);
    cr_assert_gt(total, 0, "%s: no allocation counted: is the library preloaded?", args[0]);
    unsigned long failed = 0;
    /* every failure point of a small run; of a large one the first 100, the
     * last 20 and every 10th between (the allocations of one record repeat) */
    for (unsigned long n = 1; n <= total; n += (n >= 100 && n + 20 < total) ? 10 : 1) {
        run r = run_failing(n, terminal, count_path, args);
        cr_assert_lt(r.status, 128, "%s, allocation %lu failing: killed by signal %d", args[0], n,
                     r.status - 128);
        if (r.status == clean.status && same_text(r.out, clean.out) &&
            strcmp(r.err, clean.err) == 0) {
            run_free(&r);
            continue; /* tolerated: the same output */
        }
        failed++;
        cr_assert_eq(r.status, 3, "%s, allocation %lu failing: status %d, stderr %s", args[0], n,
                     r.status, r.err);
        cr_assert_str_eq(r.out, "", "%s, allocation %lu failing: output written", args[0], n);
        cr_assert_eq(strncmp(r.err, "shenzhen: ", 10), 0, "%s, allocation %lu: %s", args[0], n,
                     r.err);
        const char *newline = strchr(r.err, '\n');
        cr_assert(newline != NULL && newline[1] == '\0', "%s, allocation %lu: not one line: %s",
                  args[0], n, r.err);
        cr_assert_not_null(strstr(r.err, "out of memory"), "%s, allocation %lu: %s", args[0], n,
                           r.err);
        run_free(&r);
    }
    run_free(&clean);
    unlink(count_path);
    cr_log_info("%s: %lu allocations, %lu of them fail the run", args[0], total, failed);
    return failed;
}

Test(alloc, list_in_every_format)
{
    cr_expect_gt(walk(false, 0, ARGS("list")), 0);
    cr_expect_gt(walk(false, 0, ARGS("list", "--format", "tsv")), 0);
    cr_expect_gt(walk(false, 0, ARGS("list", "--format", "jsonl", "-c", "3")), 0);
    walk(true, 0, ARGS("categories"));
}

Test(alloc, show)
{
    cr_expect_gt(walk(false, 0, ARGS("show", "1", "2")), 0);
    cr_expect_gt(walk(false, 1, ARGS("show", "3", "99")), 0);
}

Test(alloc, json)
{
    cr_expect_gt(walk(false, 0, ARGS("json", "1", "--pretty")), 0);
    cr_expect_gt(walk(false, 0, ARGS("json", "47", "--ascii")), 0);
}

Test(alloc, search_text_and_json)
{
    cr_expect_gt(walk(false, 0, ARGS("search", "-n", "3", "科技")), 0);
    cr_expect_gt(walk(true, 0, ARGS("search", "-n", "3", "科技")), 0);
    cr_expect_gt(walk(false, 0, ARGS("search", "--json", "-n", "2", "科技 专利")), 0);
    cr_expect_gt(walk(false, 0, ARGS("search", "--json", "--explain", "-n", "2", "科技 专利")), 0);
    walk(false, 0, ARGS("search", "--explain", "-n", "2", "科技 专利"));
    cr_expect_gt(walk(false, 1, ARGS("search", "--json", "zzqqxxjj")), 0);
    cr_expect_gt(walk(false, 1, ARGS("search", "--mode", "all", "科技", "zzqqxxjj")), 0);
}

Test(alloc, help_version_and_usage)
{
    walk(false, 0, ARGS("--help"));
    walk(false, 0, ARGS("--version"));
    walk(false, 2, ARGS("list", "--nope"));
}
