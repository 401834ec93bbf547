/* list_category [id]: the measures of one category (default 1). */
#include <stdio.h>
#include <stdlib.h>

#include "shenzhen.h"

int main(int argc, char **argv)
{
    const shz_category *category = NULL;
    const char *title = NULL;
    int64_t id = argc > 1 ? strtoll(argv[1], NULL, 10) : 1;
    shz_status st = shz_category_get(id, &category);
    if (st == SHZ_OK)
        st = shz_category_title(category, SHZ_LANG_ZH_HANS, &title, NULL);
    if (st != SHZ_OK) {
        fprintf(stderr, "category %lld: %s\n", (long long)id, shz_errstr(st));
        return 1;
    }
    printf("%lld. %s\n", (long long)id, title);
    for (size_t i = 0; i < shz_category_measure_count(category); i++) {
        const shz_measure *m = shz_category_measure_at(category, i);
        if (shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &title, NULL) == SHZ_OK)
            printf("  %2lld  %s\n", (long long)shz_measure_id(m), title);
    }
    return 0;
}
