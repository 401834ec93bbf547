#include "oracle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const shz_field oracle_field[ORACLE_FIELDS] = {
    SHZ_FIELD_TITLE,  SHZ_FIELD_TITLE,          SHZ_FIELD_PINYIN, SHZ_FIELD_PINYIN_INITIALS,
    SHZ_FIELD_BODY,   SHZ_FIELD_SUMMARY,        SHZ_FIELD_BODY,   SHZ_FIELD_ALIASES,
    SHZ_FIELD_PINYIN, SHZ_FIELD_PINYIN_INITIALS};
const shz_lang oracle_lang[ORACLE_FIELDS] = {
    SHZ_LANG_ZH_HANS, SHZ_LANG_EN, SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANS,
    SHZ_LANG_EN,      SHZ_LANG_EN, SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANS, SHZ_LANG_ZH_HANS};

static uint32_t (*fold_pairs)[2];
static char (*readings)[8];  /* [0x10000]: the customary syllable of each BMP character, or "" */
static char (*words)[2][64]; /* the words of data/pinyin_words.tsv and their syllables */
static size_t word_count;
static size_t fold_count;
static oracle_text *texts; /* [measure][field] */
static size_t measure_count;

uint32_t oracle_fold(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        cp = cp - 0xFF01 + 0x21;
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
        return cp;
    if (cp < 0x3400 || (cp >= 0xFE00 && cp <= 0xFFFF))
        return 0; /* punctuation, spaces, symbols of the kinds the catalogue has */
    size_t lo = 0, hi = fold_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (fold_pairs[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < fold_count && fold_pairs[lo][0] == cp ? fold_pairs[lo][1] : cp;
}

static size_t decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (n > len)
        n = len;
    uint32_t v = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++)
        v = v << 6 | (s[i] & 0x3F);
    *cp = v;
    return n;
}

void oracle_normalize(const char *text, size_t len, oracle_text *out)
{
    out->chars = malloc((len + 1) * sizeof *out->chars);
    out->source = malloc((len + 1) * sizeof *out->source);
    out->len = 0;
    size_t chars = 0;
    for (size_t i = 0; i < len; chars++) {
        uint32_t cp;
        i += decode((const unsigned char *)text + i, len - i, &cp);
        uint32_t f = oracle_fold(cp);
        if (f) {
            out->chars[out->len] = f;
            out->source[out->len++] = (uint32_t)chars;
        }
    }
}

void oracle_text_free(oracle_text *t)
{
    free(t->chars);
    free(t->source);
}

/* Item i of the keywords and then the aliases of m. */
static int term_item(const shz_measure *m, size_t i, const char **t, size_t *len)
{
    size_t k = shz_measure_keyword_count(m);
    return i < k ? shz_measure_keyword(m, i, t, len) == SHZ_OK
                 : shz_measure_alias(m, i - k, t, len) == SHZ_OK;
}

/* The keywords and aliases, each normalized on its own, joined by a 0. */
static void load_aliases(const shz_measure *m, oracle_text *out)
{
    size_t n = shz_measure_keyword_count(m) + shz_measure_alias_count(m), total = 0;
    const char *t;
    size_t len;
    for (size_t i = 0; i < n; i++)
        if (term_item(m, i, &t, &len))
            total += len + 1;
    out->chars = malloc((total + 1) * sizeof *out->chars);
    out->source = malloc((total + 1) * sizeof *out->source);
    out->len = 0;
    for (size_t i = 0; i < n; i++) {
        if (!term_item(m, i, &t, &len))
            continue;
        oracle_text item;
        oracle_normalize(t, len, &item);
        if (item.len && out->len)
            out->source[out->len] = 0, out->chars[out->len++] = 0;
        memcpy(out->chars + out->len, item.chars, item.len * sizeof *item.chars);
        memcpy(out->source + out->len, item.source, item.len * sizeof *item.source);
        out->len += item.len;
        oracle_text_free(&item);
    }
}

/* data/han_pinyin.tsv's first reading of each character, and data/pinyin_words.tsv. */
static int load_readings(void)
{
    FILE *f = fopen(SHZ_HAN_PINYIN_TSV, "r");
    if (!f)
        return 0;
    readings = calloc(0x10000, sizeof *readings);
    char line[256];
    while (fgets(line, sizeof line, f)) {
        unsigned long cp;
        char first[8];
        if (line[0] != '#' && sscanf(line, "%lx\t%7s", &cp, first) == 2 && cp < 0x10000)
            memcpy(readings[cp], first, sizeof first);
    }
    fclose(f);
    f = fopen(SHZ_PINYIN_WORDS_TSV, "r");
    if (!f)
        return 0;
    words = calloc(256, sizeof *words);
    while (fgets(line, sizeof line, f) && word_count < 256) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        tab[1 + strcspn(tab + 1, "\n")] = '\0';
        if (strlen(line) >= sizeof words[0][0] || strlen(tab + 1) >= sizeof words[0][1])
            continue;
        memcpy(words[word_count][0], line, strlen(line) + 1);
        memcpy(words[word_count][1], tab + 1, strlen(tab + 1) + 1);
        word_count++;
    }
    fclose(f);
    return 1;
}

/* Appends to out (room enough) the pinyin of item, or its initials: a Han character's syllable
 * (the longest listed word's, else its customary one), other characters as they are, a Han
 * character without a reading dropped. Returns the number of syllables. */
static size_t spell(const char *item, size_t len, int initials, char *out)
{
    size_t syllables = 0, n = 0;
    int after_syllable = 0;
    for (size_t i = 0; i < len;) {
        size_t best = word_count, best_len = 0;
        for (size_t w = 0; w < word_count; w++) {
            size_t wl = strlen(words[w][0]);
            if (wl > best_len && wl <= len - i && !memcmp(item + i, words[w][0], wl))
                best = w, best_len = wl;
        }
        if (best < word_count) {
            for (const char *s = words[best][1]; *s;) {
                size_t k = strcspn(s, " ");
                out[n++] = ' ';
                memcpy(out + n, s, initials ? 1 : k);
                n += initials ? 1 : k;
                syllables++;
                s += k + (s[k] == ' ');
            }
            after_syllable = 1;
            i += best_len;
            continue;
        }
        uint32_t cp;
        size_t step = decode((const unsigned char *)item + i, len - i, &cp);
        if (cp < 0x10000 && readings[cp][0]) {
            out[n++] = ' ';
            size_t k = initials ? 1 : strlen(readings[cp]);
            memcpy(out + n, readings[cp], k);
            n += k;
            syllables++;
            after_syllable = 1;
        } else if (cp < 0x2E80) {
            if (n && out[n - 1] != ' ' && after_syllable)
                out[n++] = ' ';
            memcpy(out + n, item + i, step);
            n += step;
            after_syllable = 0;
        }
        i += step;
    }
    out[n] = '\0';
    return syllables;
}

/* The pinyin (or initials) of the keywords and aliases that have a Han character, each
 * normalized on its own, joined by a 0; sources are character offsets in the spelled text, so
 * syllables are words. */
static void load_term_pinyin(const shz_measure *m, int initials, oracle_text *out)
{
    size_t n = shz_measure_keyword_count(m) + shz_measure_alias_count(m), total = 0;
    const char *t;
    size_t len;
    for (size_t i = 0; i < n; i++)
        if (term_item(m, i, &t, &len))
            total += 8 * len + 1;
    out->chars = malloc((total + 1) * sizeof *out->chars);
    out->source = calloc(total + 1, sizeof *out->source);
    out->len = 0;
    char *spelled = malloc(total + 1);
    for (size_t i = 0; i < n; i++) {
        if (!term_item(m, i, &t, &len) || !spell(t, len, initials, spelled))
            continue;
        oracle_text item;
        oracle_normalize(spelled, strlen(spelled), &item);
        if (out->len)
            out->source[out->len] = 0, out->chars[out->len++] = 0;
        memcpy(out->chars + out->len, item.chars, item.len * sizeof *item.chars);
        memcpy(out->source + out->len, item.source, item.len * sizeof *item.source);
        out->len += item.len;
        oracle_text_free(&item);
    }
    free(spelled);
}

static int load_table(void)
{
    FILE *f = fopen(SHZ_T2S_TSV, "r");
    if (!f)
        return 0;
    char line[256];
    size_t cap = 8192;
    fold_pairs = malloc(cap * sizeof *fold_pairs);
    while (fgets(line, sizeof line, f)) {
        unsigned long from, to;
        if (line[0] == '#' || sscanf(line, "%lx\t%lx", &from, &to) != 2)
            continue;
        if (fold_count == cap)
            fold_pairs = realloc(fold_pairs, (cap *= 2) * sizeof *fold_pairs);
        fold_pairs[fold_count][0] = (uint32_t)from;
        fold_pairs[fold_count++][1] = (uint32_t)to;
    }
    fclose(f);
    return fold_count > 0;
}

int oracle_init(void)
{
    if (!load_table() || !load_readings())
        return 0;
    measure_count = shz_measure_count();
    texts = calloc(measure_count * ORACLE_FIELDS, sizeof *texts);
    for (size_t m = 0; m < measure_count; m++) {
        for (int f = 0; f < ORACLE_FIELDS; f++) {
            const char *t = "";
            size_t len = 0;
            oracle_text *out = &texts[m * ORACLE_FIELDS + (size_t)f];
            if (f == ORACLE_ALIASES) {
                load_aliases(shz_measure_at(m), out);
                continue;
            }
            if (f == ORACLE_TERMS_PINYIN || f == ORACLE_TERMS_INITIALS) {
                load_term_pinyin(shz_measure_at(m), f == ORACLE_TERMS_INITIALS, out);
                continue;
            }
            shz_status st =
                shz_measure_text(shz_measure_at(m), oracle_field[f], oracle_lang[f], &t, &len);
            /* The English body is empty while the catalogue has none. */
            if (st != SHZ_OK && !(f == ORACLE_BODY_EN && st == SHZ_ERR_NO_TEXT))
                return 0;
            oracle_normalize(st == SHZ_OK ? t : "", st == SHZ_OK ? len : 0, out);
        }
    }
    return 1;
}

void oracle_fini(void)
{
    for (size_t i = 0; texts && i < measure_count * ORACLE_FIELDS; i++)
        oracle_text_free(&texts[i]);
    free(texts);
    free(fold_pairs);
    free(readings);
    free(words);
    texts = NULL;
    fold_pairs = NULL;
    fold_count = 0;
    readings = NULL;
    words = NULL;
    word_count = 0;
}

const oracle_text *oracle_field_text(size_t m, int f)
{
    return &texts[m * ORACLE_FIELDS + (size_t)f];
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
           cp == 0x3000;
}

static void end_term(oracle_query *q, size_t *building)
{
    size_t n = *building;
    *building = 0;
    if (n == 0)
        return;
    for (size_t i = 0; i < q->count; i++)
        if (q->len[i] == n && !memcmp(q->chars[i], q->chars[q->count], n * sizeof(uint32_t)))
            return;
    q->len[q->count++] = n;
}

int oracle_parse(const char *query, size_t len, oracle_query *q)
{
    int quoted = 0;
    size_t building = 0;
    q->count = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += decode((const unsigned char *)query + i, len - i, &cp);
        if (cp == '"' || cp == 0xFF02) {
            end_term(q, &building);
            quoted = !quoted;
        } else if (!quoted && is_space(cp)) {
            end_term(q, &building);
        } else {
            uint32_t f = oracle_fold(cp);
            if (f)
                q->chars[q->count][building++] = f;
        }
    }
    end_term(q, &building);
    return !quoted;
}

/* Occurrence starts of needle in hay, calling back for each. */
static size_t count_in(const oracle_text *hay, const uint32_t *needle, size_t n, size_t *first)
{
    size_t count = 0;
    for (size_t i = 0; i + n <= hay->len; i++) {
        if (!memcmp(hay->chars + i, needle, n * sizeof *needle)) {
            if (count == 0 && first)
                *first = i;
            count++;
        }
    }
    return count;
}

size_t oracle_search(const oracle_query *q, unsigned field_mask, oracle_hit *hits, size_t cap)
{
    size_t found = 0;
    for (size_t m = 0; m < measure_count; m++) {
        oracle_hit h = {shz_measure_id(shz_measure_at(m)), 0, 0, 0, -1};
        int all = 1;
        for (size_t t = 0; t < q->count && all; t++) {
            int in_field = 0, in_title = 0;
            for (int f = 0; f < ORACLE_FIELDS; f++) {
                if (!(field_mask & (1u << f)))
                    continue;
                size_t first = 0;
                size_t c = count_in(oracle_field_text(m, f), q->chars[t], q->len[t], &first);
                if (!c)
                    continue;
                in_field = 1;
                in_title |= f <= 3;
                h.occurrences += (unsigned)c;
                if (h.best_field < 0 || f < h.best_field ||
                    (f == h.best_field && first < h.first_offset)) {
                    h.best_field = f;
                    h.first_offset = (unsigned)first;
                }
            }
            all = in_field;
            h.title_terms += (unsigned)in_title;
        }
        if (all) {
            if (found < cap)
                hits[found] = h;
            found++;
        }
    }
    return found;
}

size_t oracle_occurrences(const oracle_query *q, size_t m, int f)
{
    const oracle_text *hay = oracle_field_text(m, f);
    size_t count = 0;
    for (size_t i = 0; i < hay->len; i++) {
        /* Distinct (start, length) pairs: two terms of one length match at one start only if
         * they are equal, and repeats were dropped. */
        for (size_t t = 0; t < q->count; t++)
            if (i + q->len[t] <= hay->len &&
                !memcmp(hay->chars + i, q->chars[t], q->len[t] * sizeof(uint32_t)))
                count++;
    }
    return count;
}
