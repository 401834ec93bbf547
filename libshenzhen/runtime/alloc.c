/* The test build's allocator: a per-thread countdown in front of malloc (see alloc.h). Only the
 * allocation-failure test library compiles this file (tests/alloc); a normal build inlines
 * malloc, realloc and free from alloc.h and has no state. */
#ifndef SHZ_ALLOC_TESTING
#define SHZ_ALLOC_TESTING /* this file is that build's allocator, whoever compiles it */
#endif

#include "alloc.h"

#include <cjson/cJSON.h>

static _Thread_local long fail_at;   /* the failing allocation, counted from 1; 0: none */
static _Thread_local int fail_after; /* non-zero: every allocation after fail_at fails too */
static _Thread_local long attempts;  /* allocations since the countdown was armed */
static _Thread_local long live;      /* blocks allocated and not yet freed */

/* Counts one allocation and says whether it is to fail. */
static int injected_failure(void)
{
    attempts++;
    return fail_at > 0 && (attempts == fail_at || (fail_after && attempts > fail_at));
}

void *shzi_mem_alloc(size_t size)
{
    if (injected_failure())
        return NULL;
    void *ptr = malloc(size);
    if (ptr)
        live++;
    return ptr;
}

void *shzi_mem_realloc(void *ptr, size_t size)
{
    if (injected_failure())
        return NULL; /* as realloc: the old block stays valid and owned by the caller */
    void *moved = realloc(ptr, size);
    if (moved && !ptr)
        live++;
    return moved;
}

void shzi_mem_dealloc(void *ptr)
{
    if (ptr)
        live--;
    free(ptr);
}

void shzi_test_fail_allocation(long n, int persistent)
{
    fail_at = n > 0 ? n : 0;
    fail_after = persistent != 0;
    attempts = 0;
}

long shzi_test_allocations(void)
{
    return attempts;
}

long shzi_test_live_allocations(void)
{
    return live;
}

/* cJSON's hooks are process-global: set once, when the test library is loaded (see alloc.h). */
__attribute__((constructor)) static void route_cjson_allocations(void)
{
    cJSON_Hooks hooks = {shzi_mem_alloc, shzi_mem_dealloc};
    cJSON_InitHooks(&hooks);
}
