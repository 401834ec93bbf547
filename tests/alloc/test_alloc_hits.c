/*
 * Allocation failures in searches with more hits than the search keeps on its
 * stack: over a synthetic catalogue ten times the real one
 * (tests/bench/make_synthetic.py), common terms hit hundreds of measures, so
 * the search first allocates a block for the hits and then resizes it for
 * their spans and snippets; a failure of either must free the other.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "shenzhen.h"
#include "walk.h"

Test(alloc_hits, search_with_many_hits, .timeout = 600)
{
    static const char *const queries[] = {"深圳", "创新", "改革 创新", "市场", "服务 企业"};
    static const unsigned modes[] = {SHZ_SEARCH_BEST, SHZ_SEARCH_ALL_TERMS};
    static const size_t limits[] = {0, 300};
    tally t = {"shz_search (10x)", 0, 0, 0, 0};
    long most = 0;
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
        for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++)
            for (size_t n = 0; n < sizeof limits / sizeof limits[0]; n++) {
                shz_search_options options;
                shz_search_options_init(&options);
                options.mode = modes[m];
                options.limit = limits[n];
                call c = {.kind = CALL_SEARCH,
                          .search = shz_search,
                          .query = queries[q],
                          .options = &options};
                snprintf(c.name, sizeof c.name, "shz_search(\"%s\", mode %u, limit %zu) over 10x",
                         queries[q], modes[m], limits[n]);
                long before = t.allocations;
                walk(&c, &t);
                if (t.allocations - before > most)
                    most = t.allocations - before;
            }
    /* The block for the hits and its resizing: two failure points in one search at least. */
    cr_assert_geq(most, 2, "no search took the many-hits path (at most %ld allocations)", most);
    report(&t);
}
