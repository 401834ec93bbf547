/*
 * The library's one way to get and give back heap memory. Every allocation the
 * library makes, its own and cJSON's on its behalf, goes through these three
 * functions, so that a test build can make any one of them fail.
 *
 * Normal build: plain malloc, realloc and free, inlined; no state at all.
 *
 * Test build (compile definition SHZ_ALLOC_TESTING, the shenzhen_allocfail
 * library of the test suite only): each thread has a countdown. Armed with
 * shzi_test_fail_allocation(n, persistent), the n-th allocation from then on
 * (malloc or realloc, counted from 1) returns NULL, as an exhausted heap
 * would, leaving a realloc'd block valid. Two modes, as SQLite's fault
 * simulator has:
 *   - once (persistent = 0): only the n-th fails, later ones succeed. A caller
 *     that swallowed the failure and carried on would then succeed: the test
 *     sees a call that returned SHZ_OK although one of its allocations failed.
 *   - persistent (persistent = 1): the n-th and every later one fail, as when
 *     memory is truly gone; cleanup paths that would allocate again fail too.
 * n <= 0 disarms. Frees never fail. The state is _Thread_local: threads of the
 * same test never see each other's countdown.
 *
 * cJSON allocates through process-global hooks (cJSON_InitHooks). The normal
 * library never sets them: they belong to the application, and setting them
 * from a library would race with any other cJSON user in the process. The
 * test library sets them once, when it is loaded (a constructor in alloc.c),
 * to shzi_mem_alloc/shzi_mem_dealloc: the tests and the bindings loaded against
 * it then walk cJSON's allocations too without doing anything themselves. Its
 * deallocator is plain free, so memory cJSON allocated before that is still
 * freed correctly.
 */
#ifndef SHZ_ALLOC_H
#define SHZ_ALLOC_H

#include <stddef.h>
#include <stdlib.h>

#ifdef SHZ_ALLOC_TESTING

void *shzi_mem_alloc(size_t size);
void *shzi_mem_realloc(void *ptr, size_t size);
void shzi_mem_dealloc(void *ptr);

/* Exported by the test library alone (its version script adds them to the public map). */
#define SHZ_TEST_API __attribute__((visibility("default")))

/* Arms this thread's countdown: the n-th allocation from now fails (and, when persistent is
 * non-zero, every one after it); n <= 0 disarms. Resets the count of shzi_test_allocations(). */
SHZ_TEST_API void shzi_test_fail_allocation(long n, int persistent);
/* Allocations this thread attempted (failed ones included) since the last
 * shzi_test_fail_allocation(). */
SHZ_TEST_API long shzi_test_allocations(void);
/* Blocks this thread allocated and has not freed yet, counted since the thread started: a call
 * that leaves it changed leaked (or freed what it did not own). */
SHZ_TEST_API long shzi_test_live_allocations(void);

#else

static inline void *shzi_mem_alloc(size_t size)
{
    return malloc(size);
}

static inline void *shzi_mem_realloc(void *ptr, size_t size)
{
    return realloc(ptr, size);
}

static inline void shzi_mem_dealloc(void *ptr)
{
    free(ptr);
}

#endif

#endif /* SHZ_ALLOC_H */
