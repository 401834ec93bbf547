/*
 * Every alias finds its own measure first: an alias is a word people search
 * with for that measure, so the default search for it, through the public API
 * only, must rank that measure above every other. Also every alias is found
 * at all in its zh-Hant form. And a word the stemmer joins to another (carbon, carbonated;
 * fined, fine-grained) finds the measure whose alias names it.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "shenzhen.h"

/* The id of the first hit of a default search for text, 0 for none. */
static int64_t first_hit(const char *text, size_t len)
{
    shz_results *results = NULL;
    shz_status status = shz_search(text, len, NULL, &results);
    cr_assert_eq(status, SHZ_OK, "search for %.*s: %s", (int)len, text, shz_errstr(status));
    int64_t id = shz_results_count(results) ? shz_measure_id(shz_results_measure(results, 0)) : 0;
    shz_results_free(results);
    return id;
}

/* first_hit() of a NUL-terminated query. */
static int64_t first_hit_of(const char *query)
{
    return first_hit(query, strlen(query));
}

Test(aliases, every_alias_finds_its_own_measure_first)
{
    size_t aliases = 0, wrong = 0;
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        for (size_t k = 0; k < shz_measure_alias_count(m); k++) {
            const char *alias = NULL, *hant = NULL;
            size_t len = 0, hant_len = 0;
            cr_assert_eq(shz_measure_alias(m, k, &alias, &len), SHZ_OK);
            cr_assert_eq(shz_measure_alias_in(m, k, SHZ_LANG_ZH_HANT, &hant, &hant_len), SHZ_OK);
            aliases++;
            int64_t got = first_hit(alias, len), got_hant = first_hit(hant, hant_len);
            if (got != shz_measure_id(m) || got_hant != shz_measure_id(m)) {
                wrong++;
                fprintf(stderr, "alias \"%s\" of measure %lld: first hit %lld (zh-Hant %lld)\n",
                        alias, (long long)shz_measure_id(m), (long long)got, (long long)got_hant);
            }
        }
    }
    cr_assert_gt(aliases, 250);
    cr_assert_eq(wrong, 0, "%zu of %zu aliases do not find their measure first", wrong, aliases);
}

/* A word the stemmer joins to another finds the measure whose alias names it, not the one whose
 * text has the other word: carbon is the green-development measure's (its aliases low carbon and
 * carbon neutrality), carbonated drinks the health measure's. */
Test(aliases, an_alias_outranks_a_word_the_stemmer_joins_to_it)
{
    cr_assert_eq(first_hit_of("carbon"), 39);
    cr_assert_eq(first_hit_of("low-carbon"), 39);
    cr_assert_eq(first_hit_of("carbonated drinks"), 27);
    cr_assert_eq(first_hit_of("fined"), 17); /* not fine-grained drainage */
}

/* A shop owner's request is a business's: no thesaurus row for a subject no measure addresses
 * (shopping, whose stem is shop) hides the leniency measure from it. */
Test(aliases, a_shop_is_a_business)
{
    cr_assert_eq(first_hit_of("our shop was fined"), 17);
}
