/*
 * The thesaurus (data/thesaurus.tsv) as the search uses it, row by row, through the public API:
 * - a thesaurus word is one query term, alone or after other words, not its bigrams, unless a
 *   word of the catalogue runs into it (two of its bigrams in a row, the second across the edge);
 * - searched alone, it finds something, and only measures that hold one of its catalogue
 *   words, each held tolerantly (shz_results_explain), with a relevance of THESAURUS_PERCENT
 *   (80%) of the best of its catalogue words searched on their own (where that search has the
 *   same one term: a Han word of two characters, or an English word).
 * A row without catalogue words (its second column "-") names a subject no measure addresses:
 * - the word is one term that nothing holds: alone it finds nothing, at any relevance;
 * - it weighs OFF_TOPIC_RARE times a word the catalogue lacks, so beside a word of the catalogue
 *   it leaves that word's measures at most 1 / (1 + OFF_TOPIC_RARE) of their relevance: at the
 *   default threshold, no hit; beside two words of a covered subject, their measure is found.
 * An English word's row serves every form with its stem: the plural in -s of a word whose
 * plural keeps its stem finds what the word finds, at the same relevance.
 * A row's word may be an English phrase of two words (car insurance, "-" rows only): the query's
 * two words are one term, the phrase, only where they stand together, with only a space between
 * them; reversed, or parted by punctuation or a stop word, they are two terms of their own.
 * The rows are the data's own, read from the file, so the test follows the data as it grows.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"

enum { MAX_ROWS = 4096, MAX_ITEMS = 9, MAX_MEASURES = 64 };

/* What an off-topic word weighs, in words the catalogue lacks (query.c, szs_weigh). */
enum { OFF_TOPIC_RARE = 12 };

typedef struct row {
    char *items[MAX_ITEMS]; /* the word, then its catalogue words */
    size_t count;
    unsigned line;
} row;

static row rows[MAX_ROWS];
static size_t row_count;
static char *file_text;

static void load_rows(void)
{
    FILE *f = fopen(SHZ_THESAURUS_TSV, "rb");
    cr_assert_not_null(f, "cannot open %s", SHZ_THESAURUS_TSV);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    file_text = calloc((size_t)size + 1, 1);
    cr_assert_not_null(file_text);
    cr_assert_eq(fread(file_text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    unsigned line = 0;
    for (char *next, *s = file_text; s && *s; s = next) {
        next = strchr(s, '\n');
        if (next)
            *next++ = '\0';
        line++;
        if (*s == '#' || *s == '\0')
            continue;
        cr_assert_lt(row_count, MAX_ROWS);
        row *r = &rows[row_count++];
        r->line = line;
        for (char *item = s, *tab; item && r->count < MAX_ITEMS; item = tab) {
            tab = strchr(item, '\t');
            if (tab)
                *tab++ = '\0';
            r->items[r->count++] = item;
        }
        cr_assert_geq(r->count, 2, "line %u", line);
    }
}

/* Whether the row names a subject the catalogue does not address (no catalogue words). */
static int off_topic(const row *r)
{
    return r->count == 2 && !strcmp(r->items[1], "-");
}

static void free_rows(void)
{
    free(file_text);
}

TestSuite(thesaurus, .init = load_rows, .fini = free_rows);

/* The search of query in mode, keeping the matches of at least min_relevance (best match). */
static shz_results *search_with(const char *query, unsigned mode, double min_relevance)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = mode;
    o.min_relevance = min_relevance;
    o.flags = SHZ_ONLY_MATCHES; /* what the rule matches, not the best match's related measures */
    shz_results *r = NULL;
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK, "'%s'", query);
    return r;
}

/* The search of query with the default options. */
static shz_results *search(const char *query)
{
    return search_with(query, SHZ_SEARCH_BEST, SHZ_MIN_RELEVANCE_DEFAULT);
}

/* The search of query with min_relevance 0: every measure holding a term the rule lets count. */
static shz_results *search_all(const char *query)
{
    return search_with(query, SHZ_SEARCH_BEST, 0);
}

static int has_term(const shz_results *r, const char *text)
{
    for (size_t t = 0; t < shz_results_term_count(r); t++) {
        const char *term = NULL;
        cr_assert_eq(shz_results_term(r, t, &term, NULL), SHZ_OK);
        if (!strcmp(term, text))
            return 1;
    }
    return 0;
}

/* The relevance of measure id in r, or -1 when it is not a hit. */
static double relevance_of(const shz_results *r, int64_t id)
{
    for (size_t h = 0; h < shz_results_count(r); h++)
        if (shz_measure_id(shz_results_measure(r, h)) == id)
            return shz_results_relevance(r, h);
    return -1;
}

/* Whether the catalogue word, searched alone, is one term of its own text. */
static int one_term(const char *word)
{
    size_t chars = 0;
    for (const char *c = word; *c; c++)
        chars += ((unsigned char)*c & 0xC0u) != 0x80u;
    return (unsigned char)word[0] < 0x80 || chars == 2;
}

Test(thesaurus, has_rows)
{
    cr_assert_gt(row_count, 0, "%s has no rows", SHZ_THESAURUS_TSV);
}

/* Whether some hit of a search for query, at any relevance, holds its term word tolerantly:
 * whether the search read word as a thesaurus word (a bigram that merely spells one is held by
 * no measure, since the catalogue lacks every thesaurus word). */
static int read_as_thesaurus_word(const char *query, const char *word)
{
    shz_results *r = search_all(query);
    int held = 0;
    for (size_t t = 0; t < shz_results_term_count(r) && !held; t++) {
        const char *term = NULL;
        cr_assert_eq(shz_results_term(r, t, &term, NULL), SHZ_OK);
        for (size_t h = 0; strcmp(term, word) == 0 && h < shz_results_count(r); h++) {
            unsigned how = 0;
            cr_assert_eq(shz_results_explain(r, h, t, NULL, &how, NULL, NULL), SHZ_OK);
            held |= how == SHZ_EXPLAIN_TOLERANT;
        }
    }
    shz_results_free(r);
    return held;
}

/* Whether the catalogue has the text literally (an all-terms search finds it). */
static int catalogue_has(const char *text)
{
    shz_results *r = search_with(text, SHZ_SEARCH_ALL_TERMS, SHZ_MIN_RELEVANCE_DEFAULT);
    int found = shz_results_count(r) > 0;
    shz_results_free(r);
    return found;
}

Test(thesaurus, a_word_is_one_term_alone_and_after_other_words)
{
    size_t cut = 0;
    for (size_t i = 0; i < row_count; i++) {
        if (off_topic(&rows[i]))
            continue;
        const char *word = rows[i].items[0];
        int latin = (unsigned char)word[0] < 0x80;
        shz_results *r = search(word);
        cr_assert_eq(shz_results_term_count(r), 1, "line %u: '%s'", rows[i].line, word);
        cr_assert(has_term(r, word), "line %u: '%s'", rows[i].line, word);
        shz_results_free(r);
        /* After characters the catalogue does not have, the word is still found whole. */
        char query[128];
        snprintf(query, sizeof query, "%s%s", latin ? "zzxq " : "囧囧", word);
        cr_assert(read_as_thesaurus_word(query, word), "line %u: '%s' not read in '%s'",
                  rows[i].line, word, query);
        if (latin)
            continue;
        /* After 深圳, it is whole unless a word of the catalogue runs into it: 圳 and its first
         * character are a bigram of the catalogue, as 深圳 is. */
        char straddle[16];
        snprintf(straddle, sizeof straddle, "圳%.3s", word);
        snprintf(query, sizeof query, "深圳%s", word);
        int runs_in = catalogue_has(straddle);
        cr_assert_eq(read_as_thesaurus_word(query, word), !runs_in, "line %u: '%s' in '%s'",
                     rows[i].line, word, query);
        cut += runs_in;
        /* After 圳 alone the catalogue has no word running in, only a bigram by chance (囧圳
         * is not one of the catalogue's): the word is whole. */
        snprintf(query, sizeof query, "囧圳%s", word);
        cr_assert(read_as_thesaurus_word(query, word), "line %u: '%s' not read in '%s'",
                  rows[i].line, word, query);
    }
    cr_log_info("%zu of %zu words after 深圳 are cut by a word of the catalogue", cut, row_count);
}

Test(thesaurus, a_word_finds_the_measures_of_its_catalogue_words_tolerantly)
{
    size_t compared = 0;
    for (size_t i = 0; i < row_count; i++) {
        const row *w = &rows[i];
        if (off_topic(w))
            continue;
        shz_results *r = search(w->items[0]);
        cr_assert_gt(shz_results_count(r), 0, "line %u: '%s' finds nothing", w->line, w->items[0]);
        shz_results *alone[MAX_ITEMS] = {0};
        for (size_t k = 1; k < w->count; k++)
            alone[k] = search(w->items[k]);
        for (size_t h = 0; h < shz_results_count(r); h++) {
            int64_t id = shz_measure_id(shz_results_measure(r, h));
            unsigned how = 0;
            cr_assert_eq(shz_results_explain(r, h, 0, NULL, &how, NULL, NULL), SHZ_OK);
            cr_assert_eq(how, SHZ_EXPLAIN_TOLERANT, "line %u: measure %lld", w->line,
                         (long long)id);
            double best = -1;
            int in_some = 0, comparable = 1;
            for (size_t k = 1; k < w->count; k++) {
                double rel = relevance_of(alone[k], id);
                in_some |= rel >= 0;
                comparable &= one_term(w->items[k]);
                best = rel > best ? rel : best;
            }
            cr_assert(in_some, "line %u: '%s' finds measure %lld, which none of its words finds",
                      w->line, w->items[0], (long long)id);
            if (comparable) {
                cr_assert_float_eq(shz_results_relevance(r, h), 0.8 * best, 1.5 / 65535,
                                   "line %u: measure %lld", w->line, (long long)id);
                compared++;
            }
        }
        for (size_t k = 1; k < w->count; k++)
            shz_results_free(alone[k]);
        shz_results_free(r);
    }
    cr_assert_gt(compared, 0, "no row's relevance was compared");
}

Test(thesaurus, an_off_topic_word_is_one_term_that_outweighs_a_catalogue_word)
{
    size_t checked = 0;
    /* A rare word of the catalogue (a measure's subject), in each script. */
    const char *const han_word = "破产", *const latin_word = "bankruptcy";
    shz_results *han_alone = search_all(han_word), *latin_alone = search_all(latin_word);
    cr_assert_gt(shz_results_count(han_alone), 0);
    cr_assert_gt(shz_results_count(latin_alone), 0);
    for (size_t i = 0; i < row_count; i++) {
        const row *w = &rows[i];
        if (!off_topic(w))
            continue;
        const char *word = w->items[0];
        int latin = (unsigned char)word[0] < 0x80;
        shz_results *r = search_all(word);
        cr_assert_eq(shz_results_term_count(r), 1, "line %u: '%s'", w->line, word);
        cr_assert(has_term(r, word), "line %u: '%s'", w->line, word);
        cr_assert_eq(shz_results_count(r), 0, "line %u: '%s' finds something", w->line, word);
        shz_results_free(r);
        /* Beside the catalogue word, after characters the catalogue does not have: still one
         * term, weighing enough to leave the catalogue word's measures a small share. */
        char query[128];
        snprintf(query, sizeof query, latin ? "%s zzxq %s" : "%s 囧囧%s",
                 latin ? latin_word : han_word, word);
        const shz_results *alone = latin ? latin_alone : han_alone;
        r = search_all(query);
        cr_assert(has_term(r, word), "line %u: '%s' not whole in '%s'", w->line, word, query);
        cr_assert_eq(shz_results_count(r), shz_results_count(alone), "line %u: '%s'", w->line,
                     query);
        for (size_t h = 0; h < shz_results_count(r); h++) {
            int64_t id = shz_measure_id(shz_results_measure(r, h));
            double before = relevance_of(alone, id);
            cr_assert_leq(shz_results_relevance(r, h), before / (1 + OFF_TOPIC_RARE) + 1.5 / 65535,
                          "line %u: measure %lld in '%s'", w->line, (long long)id, query);
        }
        shz_results_free(r);
        /* At the default threshold, that one word beside the subject makes no hit; two words
         * of a covered subject still find their measure. */
        r = search(query);
        cr_assert_eq(shz_results_count(r), 0, "line %u: '%s' finds something", w->line, query);
        shz_results_free(r);
        snprintf(query, sizeof query, "%s %s", latin ? "personal bankruptcy" : "个人破产", word);
        r = search(query);
        cr_assert(shz_results_count(r) > 0 && shz_measure_id(shz_results_measure(r, 0)) == 15,
                  "line %u: '%s' does not find measure 15 first", w->line, query);
        shz_results_free(r);
        checked++;
    }
    shz_results_free(han_alone);
    shz_results_free(latin_alone);
    cr_assert_gt(checked, 0, "%s has no row without catalogue words", SHZ_THESAURUS_TSV);
}

/* Whether the hits of a and b are the same measures at the same relevance. */
static int same_hits(const shz_results *a, const shz_results *b)
{
    if (shz_results_count(a) != shz_results_count(b))
        return 0;
    for (size_t h = 0; h < shz_results_count(a); h++)
        if (shz_measure_id(shz_results_measure(a, h)) !=
                shz_measure_id(shz_results_measure(b, h)) ||
            shz_results_relevance(a, h) != shz_results_relevance(b, h))
            return 0;
    return 1;
}

Test(thesaurus, an_english_word_is_found_in_its_plural)
{
    size_t english = 0, plurals = 0;
    const char *const han_word = "破产";
    for (size_t i = 0; i < row_count; i++) {
        const char *word = rows[i].items[0];
        size_t len = strlen(word);
        if ((unsigned char)word[0] >= 0x80 || word[len - 1] == 's' || word[len - 1] == 'y')
            continue; /* -s plurals only: a word in -y changes its stem's spelling (ies) */
        english++;
        char plural[64], with_word[128], with_plural[128];
        snprintf(plural, sizeof plural, "%ss", word);
        /* Beside a catalogue word, so that an off-topic row's weight shows in the relevance. */
        snprintf(with_word, sizeof with_word, "bankruptcy %s %s", word, han_word);
        snprintf(with_plural, sizeof with_plural, "bankruptcy %s %s", plural, han_word);
        shz_results *a = search_all(with_word), *b = search_all(with_plural);
        plurals += same_hits(a, b);
        shz_results_free(a);
        shz_results_free(b);
    }
    cr_assert_gt(english, 0);
    /* Most plurals in -s share the word's stem; the few that do not (bus, buses) are other words
     * to the stemmer and to the search alike. */
    cr_assert_geq(plurals * 10, english * 9, "%zu of %zu plurals are found as their word", plurals,
                  english);
}

/* The number of terms of query r holding text, and whether r has the term text. */
static size_t term_count_of(const char *query)
{
    shz_results *r = search_all(query);
    size_t n = shz_results_term_count(r);
    shz_results_free(r);
    return n;
}

static int query_has_term(const char *query, const char *text)
{
    shz_results *r = search_all(query);
    int has = has_term(r, text);
    shz_results_free(r);
    return has;
}

/* Whether text is the word of some row. */
static int is_row_word(const char *text)
{
    for (size_t i = 0; i < row_count; i++)
        if (!strcmp(rows[i].items[0], text))
            return 1;
    return 0;
}

Test(thesaurus, an_english_phrase_is_one_term_only_where_its_words_stand_together)
{
    size_t phrases = 0;
    for (size_t i = 0; i < row_count; i++) {
        const row *w = &rows[i];
        const char *space = strchr(w->items[0], ' ');
        if (!space)
            continue;
        phrases++;
        cr_assert(off_topic(w), "line %u: a phrase's row is '-'", w->line);
        char first[64], second[64], query[160];
        snprintf(first, sizeof first, "%.*s", (int)(space - w->items[0]), w->items[0]);
        snprintf(second, sizeof second, "%s", space + 1);
        /* Together, after other words and twice: one term, the phrase. */
        snprintf(query, sizeof query, "zzxq %s", w->items[0]);
        cr_assert(query_has_term(query, w->items[0]), "line %u: '%s'", w->line, query);
        snprintf(query, sizeof query, "%s %s", w->items[0], w->items[0]);
        cr_assert_eq(term_count_of(query), 1, "line %u: '%s'", w->line, query);
        /* Reversed, or parted by a comma or a stop word: the words are terms of their own
         * (reversed, unless that is a phrase of its own: money exchange, exchange money). */
        const char *const parted[] = {"%2$s %1$s", "%1$s, %2$s", "%1$s the %2$s"};
        for (size_t k = 0; k < sizeof parted / sizeof parted[0]; k++) {
            snprintf(query, sizeof query, parted[k], first, second);
            cr_assert(!query_has_term(query, w->items[0]), "line %u: '%s'", w->line, query);
            cr_assert(query_has_term(query, second) || (k == 0 && is_row_word(query)),
                      "line %u: '%s'", w->line, query);
        }
    }
    cr_log_info("%zu phrases", phrases);
    cr_assert_gt(phrases, 0, "%s has no English phrase", SHZ_THESAURUS_TSV);
}
