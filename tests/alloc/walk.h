/* The allocation-failure walk shared by the tests of tests/alloc (see walk.c). */
#ifndef SHZ_TEST_ALLOC_WALK_H
#define SHZ_TEST_ALLOC_WALK_H

#include <stddef.h>

#include "shenzhen.h"

typedef enum { CALL_SEARCH, CALL_JSON_CATALOGUE, CALL_JSON_CATEGORY, CALL_JSON_MEASURE } call_kind;

typedef struct call {
    call_kind kind;
    char name[200]; /* for messages and the figures */
    /* search */
    shz_status (*search)(const char *, size_t, const shz_search_options *, shz_results **);
    const char *query;
    const shz_search_options *options; /* NULL: the defaults */
    /* JSON */
    const shz_category *category;
    const shz_measure *measure;
    unsigned flags;
} call;

/* Totals per function, for the figures. */
typedef struct tally {
    const char *function;
    long calls, allocations, points_once, points_persistent;
} tally;

/* Walks every failure point of the call in both modes (see walk.c), adding to the totals.
 * Returns the allocations the call makes undisturbed. */
long walk(const call *c, tally *total);
/* Prints a function's totals on stderr: the figures of the walk. */
void report(const tally *t);

#endif
