/* The pinyin of the keywords and aliases (see term_pinyin.h). */
#include "term_pinyin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/pinyin.h"
#include "tsv.h"
#include "utf8.h"

/* Han and the CJK blocks around it: a character there without a reading is dropped. */
static int is_han(uint32_t cp)
{
    return cp >= 0x2E80;
}

/* Whether syllable (n letters) is one of cp's readings. */
static int reads_as(uint32_t cp, const char *syllable, size_t n)
{
    uint16_t ids[SHZ_PINYIN_READINGS_MAX];
    int count = shzi_pinyin_syllables(cp, ids, SHZ_PINYIN_READINGS_MAX);
    for (int k = 0; k < count && k < SHZ_PINYIN_READINGS_MAX; k++) {
        const char *name = shzi_pinyin_syllable_name(ids[k]);
        if (name && strlen(name) == n && !memcmp(name, syllable, n))
            return 1;
    }
    return 0;
}

/* Checks a row: as many syllables as characters, each a reading of its character. */
static int check_row(const char *word, const char *syllables)
{
    const unsigned char *s = (const unsigned char *)word;
    size_t len = strlen(word), i = 0;
    const char *at = syllables;
    while (i < len) {
        uint32_t cp;
        size_t n = shzi_utf8_decode(s + i, len - i, &cp);
        size_t letters = strcspn(at, " ");
        if (n == 0 || letters == 0 || !reads_as(cp, at, letters))
            return 0;
        i += n;
        at += letters;
        at += *at == ' ';
    }
    return *at == '\0';
}

static char *copy_of(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    return copy ? memcpy(copy, s, n) : NULL;
}

int term_pinyin_load(term_pinyin_words *w, const char *path)
{
    tsv_reader r;
    memset(w, 0, sizeof *w);
    if (!tsv_open(&r, path))
        return 0;
    int ok = 1;
    for (char *line; ok && (line = tsv_next(&r));) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab || tab == line || !tab[1] || !check_row((*tab = '\0', line), tab + 1)) {
            fprintf(stderr,
                    "%s:%lu: expected a word, a tab and one reading of each of its "
                    "characters\n",
                    path, r.line_no);
            ok = 0;
            break;
        }
        char **words = tsv_grow(w->word, &w->cap, w->count, sizeof *words, 16, path);
        if (!words) {
            ok = 0;
            break;
        }
        w->word = words;
        size_t cap = w->cap;
        char **syllables = realloc(w->syllables, cap * sizeof *syllables);
        char *word = copy_of(line), *readings = copy_of(tab + 1);
        if (syllables)
            w->syllables = syllables;
        if (!syllables || !word || !readings) {
            free(word);
            free(readings);
            fprintf(stderr, "%s: out of memory\n", path);
            ok = 0;
            break;
        }
        w->word[w->count] = word;
        w->syllables[w->count++] = readings;
    }
    tsv_close(&r);
    if (!ok)
        term_pinyin_free(w);
    return ok;
}

void term_pinyin_free(term_pinyin_words *w)
{
    for (size_t i = 0; i < w->count; i++) {
        free(w->word[i]);
        free(w->syllables[i]);
    }
    free(w->word);
    free(w->syllables);
    memset(w, 0, sizeof *w);
}

typedef struct speller {
    char *out;
    uint32_t *origin;
    size_t n, cap;
    int initials, syllables, after_syllable, full;
} speller;

static void put(speller *sp, const char *bytes, size_t n, uint32_t from)
{
    if (sp->n + n > sp->cap) {
        sp->full = 1;
        return;
    }
    memcpy(sp->out + sp->n, bytes, n);
    for (size_t k = 0; k < n; k++)
        sp->origin[sp->n + k] = from;
    sp->n += n;
}

/* A syllable of letters letters from the character at byte from. */
static void put_syllable(speller *sp, const char *syllable, size_t letters, uint32_t from)
{
    if (!sp->initials && sp->n > 0)
        put(sp, " ", 1, from);
    put(sp, syllable, sp->initials ? 1 : letters, from);
    sp->syllables++;
    sp->after_syllable = 1;
}

/* The longest listed word at item[i..len): its index, or w->count. */
static size_t listed_word_at(const term_pinyin_words *w, const char *item, size_t i, size_t len)
{
    size_t best = w ? w->count : 0, best_len = 0;
    for (size_t k = 0; w && k < w->count; k++) {
        size_t n = strlen(w->word[k]);
        if (n > best_len && n <= len - i && !memcmp(item + i, w->word[k], n)) {
            best = k;
            best_len = n;
        }
    }
    return best;
}

size_t term_pinyin_spell(const term_pinyin_words *w, const char *item, size_t len, int initials,
                         char *out, uint32_t *origin, size_t cap)
{
    speller sp = {out, origin, 0, cap, initials, 0, 0, 0};
    const unsigned char *s = (const unsigned char *)item;
    for (size_t i = 0; i < len;) {
        size_t k = listed_word_at(w, item, i, len);
        if (w && k < w->count) {
            size_t n = strlen(w->word[k]);
            const char *at = w->syllables[k];
            for (size_t j = 0; j < n;) { /* check_row matched syllables to characters */
                uint32_t cp;
                size_t step = shzi_utf8_decode(s + i + j, n - j, &cp);
                size_t letters = strcspn(at, " ");
                put_syllable(&sp, at, letters, (uint32_t)(i + j));
                at += letters;
                at += *at == ' ';
                j += step ? step : 1;
            }
            i += n;
            continue;
        }
        uint32_t cp;
        size_t n = shzi_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return 0; /* the model accepts valid UTF-8 only */
        uint16_t id;
        const char *name =
            shzi_pinyin_syllables(cp, &id, 1) > 0 ? shzi_pinyin_syllable_name(id) : NULL;
        if (name) {
            put_syllable(&sp, name, strlen(name), (uint32_t)i);
        } else if (!is_han(cp)) {
            if (sp.after_syllable && !initials)
                put(&sp, " ", 1, (uint32_t)i);
            sp.after_syllable = 0;
            put(&sp, item + i, n, (uint32_t)i);
        }
        i += n;
    }
    return sp.full || !sp.syllables ? 0 : sp.n;
}
