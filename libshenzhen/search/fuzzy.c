/*
 * Bounded optimal string alignment distance (fuzzy.h).
 *
 * The dynamic programme keeps three rows (two before the current one, for
 * transpositions) and fills only the diagonal band |i - j| <= max: any cell
 * outside it needs more than max edits, so it holds the cap max + 1, and so
 * does every value that would exceed the cap.
 */
#include "fuzzy.h"

#include <string.h>

static int min2(int a, int b)
{
    return a < b ? a : b;
}

int shzi_edit_distance_within(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, int max)
{
    if (max < 0)
        max = 0;
    if (max > SHZ_FUZZY_MAX_EDITS)
        max = SHZ_FUZZY_MAX_EDITS;
    const int cap = max + 1;
    size_t diff = na > nb ? na - nb : nb - na;
    if (diff > (size_t)max)
        return cap;
    if (na > SHZ_FUZZY_MAX_LEN || nb > SHZ_FUZZY_MAX_LEN)
        return na == nb && memcmp(a, b, na * sizeof *a) == 0 ? 0 : cap;

    /* Row i of the matrix lives in rows[i % 3]. Every cell starts at the cap: the band leaves
     * some unwritten, and those must read as "too far". */
    int rows[3][SHZ_FUZZY_MAX_LEN + 1];
    for (size_t j = 0; j <= nb; j++) {
        rows[0][j] = min2((int)j, cap);
        rows[1][j] = rows[2][j] = cap;
    }
    for (size_t i = 1; i <= na; i++) {
        int *cur = rows[i % 3];
        const int *prev = rows[(i + 2) % 3], *before = rows[(i + 1) % 3];
        size_t lo = i > (size_t)max + 1 ? i - (size_t)max : 1; /* first column of the band */
        size_t hi = i + (size_t)max < nb ? i + (size_t)max : nb;
        cur[0] = min2((int)i, cap);
        int best = lo == 1 ? cur[0] : cap;
        if (lo > 1)
            cur[lo - 1] = cap;
        for (size_t j = lo; j <= hi; j++) {
            int v = prev[j - 1] + (a[i - 1] != b[j - 1]);
            v = min2(v, prev[j] + 1);
            v = min2(v, cur[j - 1] + 1);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = min2(v, before[j - 2] + 1);
            cur[j] = min2(v, cap);
            best = min2(best, cur[j]);
        }
        if (hi < nb)
            cur[hi + 1] = cap;
        if (best >= cap)
            return cap;
    }
    return rows[na % 3][nb];
}

int shzi_typo_budget(size_t len)
{
    return len >= 9 ? 2 : len >= 6 ? 1 : 0;
}
