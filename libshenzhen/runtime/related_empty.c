/* The related-measures table of the bootstrap library that gen/related_gen.c
 * links: no rows (the table it is about to compute cannot be an input). */
#include "related.h"

const uint16_t shzi_related_table[1][SHZ_RELATED_COUNT] = {{0}}; /* C has no empty arrays */
const size_t shzi_related_rows = 0;
