/*
 * Internal layout of the related-measures table (never installed).
 *
 * Row i lists the SHZ_RELATED_COUNT measures nearest to measure i (indices
 * into shzi_measures, nearest first). The table is made in a second build
 * stage: gen/related_gen.c, linked with a bootstrap library that holds the
 * catalogue and index tables and related_empty.c, searches for each measure
 * and writes related_data.c, which the real libraries link instead. Integers
 * only: no load-time relocation.
 */
#ifndef SHZ_RELATED_H
#define SHZ_RELATED_H

#include <stddef.h>
#include <stdint.h>

/* Related measures per measure. */
#define SHZ_RELATED_COUNT 5

/* shzi_related_rows is the catalogue's measure count, or 0 in the bootstrap
 * library (whose related accessors then report none). */
extern const uint16_t shzi_related_table[][SHZ_RELATED_COUNT];
extern const size_t shzi_related_rows;

#endif
