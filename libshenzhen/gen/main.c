/*
 * shzi_gen: compiles data/catalogue.json into C tables at build time.
 *
 *   shzi_gen CATALOGUE.json ERRATA.json DIGEST_FILE OUT_CATALOGUE.c OUT_INDEX.c
 *            [PINYIN_WORDS.tsv [THESAURUS.tsv]]
 *
 * DIGEST_FILE holds the lowercase hex SHA-256 of CATALOGUE.json (written by
 * CMake's file(SHA256) in the same build step). PINYIN_WORDS.tsv gives the
 * readings of polyphonic words for the pinyin of the keywords and aliases
 * (gen/term_pinyin.h); without it they take their customary readings. THESAURUS.tsv gives
 * the everyday words the search also reads as the catalogue's (gen/thesaurus.h); without it
 * the index has none. Any problem with the data
 * stops the build with a message naming the file and the JSON path.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

static int read_digest(const char *path, char digest[65])
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 0;
    }
    size_t n = fread(digest, 1, 64, f);
    fclose(f);
    digest[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)digest[i]) || isupper((unsigned char)digest[i]))
            n = 0;
    if (n != 64) {
        fprintf(stderr, "%s: expected 64 lowercase hex digits\n", path);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 6 || argc > 8) {
        fprintf(stderr,
                "usage: %s CATALOGUE.json ERRATA.json DIGEST_FILE OUT_CATALOGUE.c "
                "OUT_INDEX.c [PINYIN_WORDS.tsv [THESAURUS.tsv]]\n",
                argv[0]);
        return 2;
    }
    char digest[65];
    if (!read_digest(argv[3], digest))
        return 1;
    term_pinyin_words words = {0};
    if (argc >= 7 && !term_pinyin_load(&words, argv[6]))
        return 1;
    gen_model model;
    int ok = gen_model_load(&model, argv[1], argv[2], digest) &&
             gen_emit_catalogue(&model, argv[4]) &&
             gen_emit_index(&model, argc >= 7 ? &words : NULL, argc == 8 ? argv[7] : NULL, argv[5]);
    gen_model_free(&model);
    term_pinyin_free(&words);
    if (!ok) { /* no half-made tables: the build must not take them for done */
        remove(argv[4]);
        remove(argv[5]);
    }
    return ok ? 0 : 1;
}
