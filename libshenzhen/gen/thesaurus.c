/* The thesaurus: reading and checking data/thesaurus.tsv (see thesaurus.h). */
#include "thesaurus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_data.h"
#include "normalize.h"
#include "search/stem.h"
#include "tsv.h"
#include "utf8.h"

/* The second column of a row whose word names a subject no measure addresses. */
#define OFF_TOPIC_MARK "-"

/* An English phrase is two words of LATIN_MAX letters at most and the space between them. */
enum { HAN_WORD_MIN = 2, HAN_WORD_MAX = 6, HAN_TARGET_MAX = 8, LATIN_MAX = 24 };
enum { PHRASE_MAX = 2 * LATIN_MAX + 1 };

typedef enum script { SCRIPT_HAN = 1, SCRIPT_LATIN = 2 } script;

/* A row as read: its line, and where its code points are in the reader's buffer. */
typedef struct row {
    unsigned long line;
    size_t start, len;    /* in the reader's chars: the word, a 0, each catalogue word and a 0 */
    const uint32_t *word; /* chars + start, once every row is read */
} row;

typedef struct reader {
    tsv_reader in;
    const gen_thesaurus_text *text;
    uint32_t *chars;
    size_t char_count, char_cap;
    row *rows;
    size_t row_count, row_cap;
    size_t most_chars; /* of the catalogue words of one row so far */
} reader;

static int fail(const reader *r, const char *what, const char *item)
{
    fprintf(stderr, "%s:%lu: %s%s%s%s\n", r->in.path, r->in.line_no, what, item ? " (" : "",
            item ? item : "", item ? ")" : "");
    return 0;
}

static int push_char(reader *r, uint32_t c)
{
    uint32_t *grown =
        tsv_grow(r->chars, &r->char_cap, r->char_count, sizeof *grown, 256, "shzi_gen");
    if (!grown)
        return 0;
    r->chars = grown;
    r->chars[r->char_count++] = c;
    return 1;
}

static int is_han(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
}

/* Appends the item s (a word of the row, NUL-terminated) and a 0; its script, or 0 after
 * saying why it cannot be one. The word of a row may be an English phrase: two words and one
 * space between them (*space: where it is, else 0). */
static script push_item(reader *r, const char *s, int is_word, size_t *space)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), n = 0;
    script kind = 0;
    *space = 0;
    for (size_t at = 0; at < len; n++) {
        uint32_t c;
        size_t step = shzi_utf8_decode(u + at, len - at, &c);
        if (!step)
            return fail(r, "not valid UTF-8", s);
        at += step;
        if (c == ' ' && is_word && kind == SCRIPT_LATIN && !*space && at < len) {
            *space = n;
            if (!push_char(r, c))
                return 0;
            continue;
        }
        uint32_t folded = shzi_norm_fold(c);
        if (folded && folded != c)
            return fail(r, "not in the form the search folds to (zh-Hans, lowercase)", s);
        script here = is_han(c) ? SCRIPT_HAN : c >= 'a' && c <= 'z' ? SCRIPT_LATIN : 0;
        if (!here || (kind && here != kind))
            return fail(r,
                        "a word is Han characters only, or lowercase letters a-z only (an English "
                        "phrase: two such words and a space)",
                        s);
        kind = here;
        if (!push_char(r, c))
            return 0;
    }
    size_t least = is_word && kind == SCRIPT_HAN ? HAN_WORD_MIN : 2;
    size_t most = kind == SCRIPT_LATIN ? LATIN_MAX : is_word ? HAN_WORD_MAX : HAN_TARGET_MAX;
    size_t words[2] = {*space ? *space : n, *space ? n - *space - 1 : 0};
    for (int w = 0; w < 1 + (*space != 0); w++) {
        if (words[w] >= least && words[w] <= most)
            continue;
        char why[96];
        snprintf(why, sizeof why, "%s %s has %zu to %zu characters",
                 kind == SCRIPT_HAN ? "a Chinese" : "an English",
                 is_word ? "word" : "catalogue word", least, most);
        return fail(r, why, s);
    }
    _Static_assert((int)HAN_TARGET_MAX <= (int)SHZ_IX_THES_MAX_LEN &&
                       (int)LATIN_MAX <= (int)SHZ_IX_THES_MAX_LEN,
                   "the search's room holds every catalogue word");
    return push_char(r, 0) ? kind : 0;
}

/* Whether the catalogue has the item whose code points are chars[0..len) of kind: an English
 * phrase (space: where its space is) as its two words one after the other. */
static int catalogue_has(const reader *r, const uint32_t *chars, size_t len, script kind,
                         size_t space)
{
    if (kind == SCRIPT_HAN)
        return r->text->han_occurs(r->text->ctx, chars, len);
    char word[PHRASE_MAX + 1];
    for (size_t i = 0; i < len; i++)
        word[i] = (char)chars[i];
    if (space)
        return r->text->english_phrase(r->text->ctx, word, space, word + space + 1,
                                       len - space - 1);
    return r->text->english_word(r->text->ctx, word, len);
}

/* An English word's row is found by the word's stem (search/stem.c), so that every form of it
 * finds the row (visa, visas): the len letters at chars[at] become their stem, and a phrase's
 * two words (space: where its space is) each theirs, with the space between. */
static int key_by_stem(reader *r, size_t at, size_t len, size_t space)
{
    unsigned char word[PHRASE_MAX], stem[SZS_STEM_MAX];
    for (size_t i = 0; i < len; i++)
        word[i] = (unsigned char)r->chars[at + i];
    r->char_count = at;
    size_t from[2] = {0, space + 1}, to[2] = {space ? space : len, len};
    for (int w = 0; w < 1 + (space != 0); w++) {
        if (w && !push_char(r, ' '))
            return 0;
        size_t stem_len = szs_stem_english(word + from[w], to[w] - from[w], stem);
        for (size_t i = 0; i < stem_len; i++)
            if (!push_char(r, stem[i]))
                return 0;
    }
    return push_char(r, 0);
}

static int read_row(reader *r, char *line)
{
    if (!strchr(line, '\n') && !feof(r->in.in))
        return fail(r, "the line is longer than a row can be", NULL);
    line[strcspn(line, "\r\n")] = '\0';
    row *grown = tsv_grow(r->rows, &r->row_cap, r->row_count, sizeof *grown, 64, "shzi_gen");
    if (!grown)
        return 0;
    r->rows = grown;
    size_t start = r->char_count, items = 0;
    script word_kind = 0;
    int off_topic = 0;
    size_t phrase = 0; /* where the space of a phrase is, as the word of the row */
    for (char *item = line, *next; item; item = next, items++) {
        next = strchr(item, '\t');
        if (next)
            *next++ = '\0';
        if (items == 1 && !next && !strcmp(item, OFF_TOPIC_MARK)) {
            off_topic = 1; /* a row without catalogue words */
            break;
        }
        size_t at = r->char_count, space = 0;
        script kind = push_item(r, item, items == 0, &space);
        if (!kind)
            return 0;
        if (items == 0) {
            word_kind = kind;
            phrase = space;
        } else if (kind != word_kind)
            return fail(r, "a Chinese word has Chinese catalogue words, an English one English",
                        item);
        size_t len = r->char_count - 1 - at;
        int has = catalogue_has(r, r->chars + at, len, kind, space);
        if (items == 0 && has)
            return fail(r,
                        space ? "the catalogue's English has this phrase already"
                              : "the catalogue has this word already: the search finds it as it is",
                        item);
        if (items > 0 && !has)
            return fail(r, "no measure's text, keywords or aliases have this catalogue word", item);
        if (items == 0 && kind == SCRIPT_LATIN && !key_by_stem(r, at, len, space))
            return 0;
        for (size_t p = start; items > 0 && p < at;) { /* the same catalogue word twice */
            size_t plen = 0;
            while (r->chars[p + plen])
                plen++;
            if (p > start && plen == len && !memcmp(r->chars + p, r->chars + at, len * 4))
                return fail(r, "a catalogue word is named twice", item);
            p += plen + 1;
        }
    }
    if (phrase && !off_topic)
        return fail(r,
                    "an English phrase names a subject no measure addresses: its row is the "
                    "phrase and " OFF_TOPIC_MARK,
                    NULL);
    if (!off_topic && (items < 2 || items > 1 + SHZ_IX_THES_MAX_WORDS))
        return fail(r,
                    "a row is a word and 1 to 8 catalogue words, or " OFF_TOPIC_MARK
                    " for a subject the catalogue does not address, tab-separated",
                    NULL);
    r->rows[r->row_count++] = (row){r->in.line_no, start, r->char_count - start, NULL};
    /* The catalogue words' code points: the row's, less the word and the 0 after each item. */
    size_t word_len = 0;
    while (r->chars[start + word_len])
        word_len++;
    size_t words_chars = r->char_count - start - word_len - items;
    if (words_chars > r->most_chars)
        r->most_chars = words_chars;
    return 1;
}

static int by_word(const void *a, const void *b)
{
    const uint32_t *x = ((const row *)a)->word, *y = ((const row *)b)->word;
    while (*x && *x == *y)
        x++, y++;
    return (*x > *y) - (*x < *y);
}

int gen_thesaurus_load(gen_thesaurus *t, const char *path, const gen_thesaurus_text *text)
{
    memset(t, 0, sizeof *t);
    reader r;
    memset(&r, 0, sizeof r);
    r.text = text;
    if (!tsv_open(&r.in, path))
        return 0;
    int ok = 1;
    for (char *line; ok && (line = tsv_next(&r.in));)
        ok = read_row(&r, line);
    tsv_close(&r.in);
    if (ok && r.row_count) {
        for (size_t i = 0; i < r.row_count; i++)
            r.rows[i].word = r.chars + r.rows[i].start;
        qsort(r.rows, r.row_count, sizeof *r.rows, by_word);
        for (size_t i = 1; ok && i < r.row_count; i++) {
            if (by_word(&r.rows[i - 1], &r.rows[i]) == 0) {
                fprintf(stderr,
                        "%s:%lu: the word of line %lu again: a word has one row (an English "
                        "word one for its stem)\n",
                        path,
                        r.rows[i].line > r.rows[i - 1].line ? r.rows[i].line : r.rows[i - 1].line,
                        r.rows[i].line < r.rows[i - 1].line ? r.rows[i].line : r.rows[i - 1].line);
                ok = 0;
            }
        }
    }
    if (ok) {
        t->rows = malloc((r.row_count + 1) * sizeof *t->rows);
        t->chars = malloc((r.char_count ? r.char_count : 1) * sizeof *t->chars);
        ok = t->rows && t->chars;
        if (!ok)
            fprintf(stderr, "%s: out of memory\n", path);
    }
    if (ok) {
        size_t at = 0;
        for (size_t i = 0; i < r.row_count; i++) {
            t->rows[i] = (uint32_t)at;
            memcpy(t->chars + at, r.chars + r.rows[i].start, r.rows[i].len * sizeof *t->chars);
            at += r.rows[i].len;
        }
        t->rows[r.row_count] = (uint32_t)at;
        t->count = r.row_count;
        t->char_count = at;
        t->most_chars = r.most_chars;
        if (at > UINT16_MAX) { /* the index keeps the rows' offsets as uint16 (index_data.h) */
            fprintf(stderr, "%s: %zu code points in all, more than the index's 65535\n", path, at);
            ok = 0;
        }
    }
    if (!ok)
        gen_thesaurus_free(t);
    free(r.chars);
    free(r.rows);
    return ok;
}

void gen_thesaurus_free(gen_thesaurus *t)
{
    free(t->rows);
    free(t->chars);
    memset(t, 0, sizeof *t);
}
