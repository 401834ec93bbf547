/*
 * The index's copies of the postings in 1.0's fields (index_data.h,
 * legacy_postings), which all-terms searches over those fields walk instead of
 * the whole postings: for every gram, exactly its postings in those slots, in
 * the same order, with the same post_info, where its record says.
 */
#include <criterion/criterion.h>

#include "search/search_int.h"

Test(legacy_postings, are_each_grams_postings_in_the_1_0_slots)
{
    size_t copied = 0, skipped = 0, grams = 0;
    for (uint32_t g = 0; g < UINT32_C(1) << shzi_ix.slot_bits; g++) {
        if (!szs_gram_key(g))
            continue; /* an empty slot of the hash table */
        grams++;
        uint32_t at = szs_gram_field(g, SHZ_IX_GRAM_LEGACY_BEGIN);
        uint32_t end = szs_gram_field(g, SHZ_IX_GRAM_LEGACY_END);
        cr_assert_leq(at, end, "gram %u", (unsigned)g);
        uint32_t from = szs_gram_field(g, SHZ_IX_GRAM_POST_BEGIN);
        uint32_t to = szs_gram_field(g, SHZ_IX_GRAM_POST_END);
        for (uint32_t i = from; i < to; i++) {
            uint32_t info = shzi_ix_u32(shzi_ix.post_info, i);
            if (!(SHZ_IX_LEGACY_SLOTS >> (info >> SHZ_IX_INFO_SLOT_SHIFT & 7u) & 1u)) {
                skipped++;
                continue;
            }
            cr_assert_lt(at, end, "gram %u: posting %u missing", (unsigned)g, (unsigned)i);
            cr_assert_eq(shzi_ix_u32(shzi_ix.legacy_postings, at),
                         shzi_ix_u32(shzi_ix.postings, i));
            cr_assert_eq(shzi_ix_u32(shzi_ix.legacy_info, at), info);
            at++;
            copied++;
        }
        cr_assert_eq(at, end, "gram %u: more legacy postings than postings in 1.0's slots",
                     (unsigned)g);
    }
    cr_assert_eq(grams, shzi_ix.gram_count);
    cr_assert_eq(copied + skipped, shzi_ix.posting_count);
    cr_assert_gt(copied, 0);
    cr_assert_gt(skipped, 0, "the aliases and English bodies have postings of their own");
}
