/*
 * The related-measures accessors over the table related_gen computed at build
 * time (related.h). Const data only: thread-safe.
 */
#include "shenzhen.h"

#include "catalogue_data.h"
#include "related.h"

/* The table row of measure, or NULL (NULL measure, or a table without rows). */
static const uint16_t *row_of(const shz_measure *measure)
{
    if (!measure || shzi_related_rows != shzi_measure_total)
        return NULL;
    size_t index = (size_t)(measure - shzi_measures);
    return index < shzi_related_rows ? shzi_related_table[index] : NULL;
}

size_t shz_measure_related_count(const shz_measure *measure)
{
    return row_of(measure) ? SHZ_RELATED_COUNT : 0;
}

const shz_measure *shz_measure_related(const shz_measure *measure, size_t index)
{
    const uint16_t *row = row_of(measure);
    if (!row || index >= SHZ_RELATED_COUNT)
        return NULL;
    return &shzi_measures[row[index]];
}
