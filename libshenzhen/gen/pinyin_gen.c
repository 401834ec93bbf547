/*
 * pinyin_gen: compiles data/han_pinyin.tsv into pinyin_table.c, the toneless
 * readings that libshenzhen/search/pinyin.c looks up (declared in pinyin.h).
 *
 *   pinyin_gen HAN_PINYIN.tsv OUT.c
 *
 * Rows are "CODEPOINT<TAB>syllable[ syllable…]", the code point in hex;
 * '#' lines are comments. Syllable names get ids in ASCII order; each distinct
 * set of readings is written once (a count, then the ids) and every code
 * point names its set by offset, so the tables are integers only: no
 * relocations. Rows out of order, outside the Basic Multilingual Plane, with
 * no reading, a repeated reading, a malformed syllable or more than
 * SHZ_PINYIN_READINGS_MAX readings stop the build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/pinyin.h"
#include "tsv.h"

enum { MAX_NAMES = 2048 };

typedef struct row {
    unsigned long cp;
    int n;
    int ids[SHZ_PINYIN_READINGS_MAX]; /* indices into the name list, later syllable ids */
} row;

typedef struct names {
    char name[MAX_NAMES][SHZ_PINYIN_NAME_MAX + 1];
    size_t count;
} names;

static int valid_syllable(const char *s, size_t len)
{
    if (len == 0 || len > SHZ_PINYIN_NAME_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return 1;
}

/* The index of name s (interned on first sight), or -1 when the list is full. */
static int intern(names *list, const char *s, size_t len)
{
    for (size_t i = 0; i < list->count; i++)
        if (strlen(list->name[i]) == len && memcmp(list->name[i], s, len) == 0)
            return (int)i;
    if (list->count == MAX_NAMES)
        return -1;
    memcpy(list->name[list->count], s, len);
    list->name[list->count][len] = '\0';
    return (int)list->count++;
}

typedef struct named {
    const char *name;
    int index; /* in the order met */
} named;

static int by_name(const void *a, const void *b)
{
    return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

/* Parses "CP\tsyl syl…\n" into r; 0 when malformed. */
static int parse_row(char *line, names *list, row *r)
{
    char *end;
    r->cp = strtoul(line, &end, 16);
    if (end == line || *end != '\t')
        return 0;
    r->n = 0;
    char *p = end + 1;
    for (;;) {
        size_t len = strcspn(p, " \n\r");
        if (!valid_syllable(p, len) || r->n == SHZ_PINYIN_READINGS_MAX)
            return 0;
        int id = intern(list, p, len);
        if (id < 0)
            return 0;
        for (int k = 0; k < r->n; k++)
            if (r->ids[k] == id)
                return 0;
        r->ids[r->n++] = id;
        p += len;
        if (*p != ' ')
            break;
        p++;
    }
    return *p == '\n' || *p == '\0' || (p[0] == '\r' && p[1] == '\n');
}

static int same_set(const row *a, const row *b)
{
    return a->n == b->n && memcmp(a->ids, b->ids, (size_t)a->n * sizeof a->ids[0]) == 0;
}

static int write_table(FILE *out, const row *rows, size_t count, const names *list,
                       const int *id_of)
{
    /* Reading sets, each written once: offsets of the first row with that set. */
    unsigned long *set_of = calloc(count ? count : 1, sizeof *set_of);
    size_t *first_with = calloc(count ? count : 1, sizeof *first_with);
    if (!set_of || !first_with) {
        free(set_of);
        free(first_with);
        return 0;
    }
    fprintf(out, "/* Generated from data/han_pinyin.tsv by pinyin_gen; do not edit. */\n"
                 "#include \"search/pinyin.h\"\n\n"
                 "const uint16_t shzi_pinyin_readings[] = {\n");
    unsigned long used = 0;
    size_t distinct = 0;
    int ok = 1;
    for (size_t i = 0; i < count && ok; i++) {
        size_t j = 0;
        while (j < distinct && !same_set(&rows[first_with[j]], &rows[i]))
            j++;
        if (j < distinct) {
            set_of[i] = set_of[first_with[j]];
            continue;
        }
        first_with[distinct++] = i;
        set_of[i] = used;
        fprintf(out, "%d,", rows[i].n);
        for (int k = 0; k < rows[i].n; k++)
            fprintf(out, "%d,", id_of[rows[i].ids[k]]);
        fprintf(out, "\n");
        used += 1 + (unsigned long)rows[i].n;
        ok = used < SHZ_PINYIN_NONE;
    }
    if (!ok)
        fprintf(stderr, "pinyin_gen: reading sets exceed 16-bit offsets\n");
    if (count == 0)
        fprintf(out, "0"); /* C has no empty arrays; the counts say there are none */
    /* Pages of 256 code points: page 0 has no readings and stands for every such page. */
    unsigned char page_of[256] = {0};
    int pages = 1;
    for (size_t i = 0; i < count && ok; i++) {
        unsigned high = (unsigned)(rows[i].cp >> 8);
        if (!page_of[high])
            page_of[high] = (unsigned char)pages++;
        ok = pages <= 256;
    }
    fprintf(out, "};\n\nconst uint8_t shzi_pinyin_pages[256] = {\n");
    for (int high = 0; high < 256; high++)
        fprintf(out, "%d,%s", page_of[high], high % 16 == 15 ? "\n" : "");
    fprintf(out, "};\n\nconst uint16_t shzi_pinyin_page_sets[] = {\n");
    for (int page = 0; page < pages; page++) {
        int high = 0; /* the code points' high byte of this page (none for page 0) */
        while (page && page_of[high] != page)
            high++;
        size_t i = 0;
        while (page && i < count && (rows[i].cp >> 8) != (unsigned long)high)
            i++;
        for (unsigned low = 0; low < 256; low++) {
            unsigned long cp = (unsigned long)high << 8 | low;
            unsigned long set = SHZ_PINYIN_NONE;
            if (page && i < count && rows[i].cp == cp)
                set = set_of[i++];
            fprintf(out, "%lu,%s", set, low % 16 == 15 ? "\n" : "");
        }
    }
    fprintf(out, "};\nconst size_t shzi_pinyin_cp_count = %zu;\n\n", count);
    fprintf(out, "const char shzi_pinyin_names[][SHZ_PINYIN_NAME_MAX + 1] = {\n");
    /* Names in id order: the sorted list. */
    const char **sorted = calloc(list->count ? list->count : 1, sizeof *sorted);
    if (!sorted) {
        free(set_of);
        free(first_with);
        return 0;
    }
    for (size_t i = 0; i < list->count; i++)
        sorted[id_of[i]] = list->name[i];
    for (size_t i = 0; i < list->count; i++)
        fprintf(out, "\"%s\",%s", sorted[i], i % 10 == 9 ? "\n" : "");
    if (list->count == 0)
        fprintf(out, "\"\"");
    fprintf(out, "};\nconst size_t shzi_pinyin_name_count = %zu;\n", list->count);
    free(sorted);
    free(set_of);
    free(first_with);
    return ok;
}

int main(int argc, char **argv)
{
    tsv_reader in;
    int status = tsv_start(&in, argc, argv, "HAN_PINYIN.tsv");
    if (status != 0)
        return status;
    static names list;
    row *rows = NULL;
    size_t count = 0, cap = 0;
    char *line;
    int ok = 1;
    while (ok && (line = tsv_next(&in)) != NULL) {
        row *grown = tsv_grow(rows, &cap, count, sizeof *rows, 4096, argv[0]);
        if (!grown) {
            ok = 0;
            break;
        }
        rows = grown;
        row *r = &rows[count];
        if (!parse_row(line, &list, r) || r->cp < 0x3400 || r->cp > 0xFFFF ||
            (count && rows[count - 1].cp >= r->cp)) {
            fprintf(stderr,
                    "%s:%lu: expected CODEPOINT<TAB>syllables (hex, BMP, ascending; 1-%d "
                    "distinct syllables of a-z, at most %d letters)\n",
                    argv[1], in.line_no, SHZ_PINYIN_READINGS_MAX, SHZ_PINYIN_NAME_MAX);
            ok = 0;
            break;
        }
        count++;
    }
    tsv_close(&in);

    /* Syllable ids in ASCII order of the names, whatever order they were met in. */
    static int id_of[MAX_NAMES];
    if (ok) {
        named *order = malloc((list.count ? list.count : 1) * sizeof *order);
        ok = order != NULL;
        for (size_t i = 0; ok && i < list.count; i++)
            order[i] = (named){list.name[i], (int)i};
        if (ok) {
            qsort(order, list.count, sizeof *order, by_name);
            for (size_t i = 0; i < list.count; i++)
                id_of[order[i].index] = (int)i;
        }
        free(order);
    }
    FILE *out = ok ? fopen(argv[2], "w") : NULL;
    if (ok && !out) {
        perror(argv[2]);
        ok = 0;
    }
    if (ok) {
        ok = write_table(out, rows, count, &list, id_of);
        ok = fclose(out) == 0 && ok;
        if (!ok)
            fprintf(stderr, "%s: could not write %s\n", argv[0], argv[2]);
    }
    free(rows);
    if (!ok)
        remove(argv[2]);
    return ok ? 0 : 1;
}
