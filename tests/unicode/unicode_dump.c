/*
 * Prints, for every Unicode scalar value, what the project does with it, for
 * tests/unicode/test_unicode.py to compare with Python's own Unicode data:
 *   unicode_dump fold    "cp folded" (hex) for each code point that the search
 *                         normalization does not keep as it is (folded 0 = ignored),
 *                         then "space cp" for each code point that separates terms
 *   unicode_dump width   "cp width" for each code point not one column wide in
 *                         the command's rendering
 */
#include <stdio.h>
#include <string.h>

#include "cli/render.h"
#include "normalize.h"

int main(int argc, char **argv)
{
    if (argc != 2 || (strcmp(argv[1], "fold") != 0 && strcmp(argv[1], "width") != 0)) {
        fputs("usage: unicode_dump fold|width\n", stderr);
        return 2;
    }
    int fold = strcmp(argv[1], "fold") == 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (fold) {
            uint32_t f = shzi_norm_fold(cp);
            if (f != cp)
                printf("%X %X\n", (unsigned)cp, (unsigned)f);
        } else {
            int w = char_width(cp);
            if (w != 1)
                printf("%X %d\n", (unsigned)cp, w);
        }
    }
    for (uint32_t cp = 0; fold && cp <= 0x10FFFF; cp++)
        if (shzi_norm_is_space(cp))
            printf("space %X\n", (unsigned)cp);
    return ferror(stdout) || fclose(stdout) ? 1 : 0;
}
