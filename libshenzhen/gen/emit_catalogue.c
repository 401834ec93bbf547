/*
 * Writes catalogue_data.c: the tables declared in libshenzhen/runtime/catalogue_data.h.
 * Only integers go into the tables; text goes into one deduplicated pool.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "pool.h"

typedef struct emitter {
    gen_pool pool;
    int failed;
} emitter;

/* Adds a string to the pool and returns its "{off,len}" initialiser in buf. */
static const char *str_init(emitter *e, const char *s, char *buf, size_t size)
{
    size_t len = strlen(s);
    uint32_t off = gen_pool_add(&e->pool, s, len);
    if (off == UINT32_MAX)
        e->failed = 1;
    snprintf(buf, size, "{%lu,%lu}", (unsigned long)off, (unsigned long)len);
    return buf;
}

static void write_text(emitter *e, FILE *out, const gen_text *t)
{
    char b[3][48];
    fprintf(out, "{%s,%s,%s}", str_init(e, t->lang[0], b[0], sizeof b[0]),
            str_init(e, t->lang[1], b[1], sizeof b[1]), str_init(e, t->lang[2], b[2], sizeof b[2]));
}

static void write_categories(emitter *e, FILE *out, const gen_model *m)
{
    size_t first = 0;
    fprintf(out, "const struct shz_category shzi_categories[] = {\n");
    for (size_t c = 0; c < m->category_count; c++) {
        size_t members = 0;
        for (size_t i = 0; i < m->measure_count; i++)
            members += m->measures[i].category_index == c;
        fprintf(out, "    {%ld, %zu, %zu, ", m->categories[c].id, first, members);
        write_text(e, out, &m->categories[c].title);
        fprintf(out, "},\n");
        first += members;
    }
    fprintf(out, "};\nconst size_t shzi_category_total = %zu;\n\n", m->category_count);

    /* Members grouped by category, each group in id order. */
    fprintf(out, "const uint16_t shzi_category_members[] = {\n");
    for (size_t c = 0; c < m->category_count; c++)
        for (size_t i = 0; i < m->measure_count; i++)
            if (m->measures[i].category_index == c)
                fprintf(out, "%zu,%s", i, (i % 16 == 15) ? "\n" : "");
    fprintf(out, "};\n\n");
}

static void write_topics(emitter *e, FILE *out, const gen_model *m)
{
    char b[48];
    size_t first = 0;
    fprintf(out, "const struct shz_topic shzi_topics[] = {\n");
    for (size_t t = 0; t < m->topic_count; t++) {
        size_t members = 0;
        for (size_t i = 0; i < m->measure_count; i++)
            for (size_t k = 0; k < m->measures[i].tag_count; k++)
                members += m->measures[i].tags[k].topic_index == t;
        fprintf(out, "    {%ld, %zu, %zu, %s, ", m->topics[t].id, first, members,
                str_init(e, m->topics[t].key, b, sizeof b));
        write_text(e, out, &m->topics[t].name);
        fprintf(out, ", ");
        write_text(e, out, &m->topics[t].definition);
        fprintf(out, "},\n");
        first += members;
    }
    /* Never empty, so the arrays are valid C for a catalogue without topics or links. */
    fprintf(out, "    {0, 0, 0, {0, 0}, {{0, 0}}, {{0, 0}}},\n};\n");
    fprintf(out, "const size_t shzi_topic_total = %zu;\n\n", m->topic_count);

    fprintf(out, "const uint16_t shzi_topic_members[] = {\n");
    for (size_t t = 0; t < m->topic_count; t++)
        for (size_t i = 0; i < m->measure_count; i++)
            for (size_t k = 0; k < m->measures[i].tag_count; k++)
                if (m->measures[i].tags[k].topic_index == t)
                    fprintf(out, "%zu,", i);
    fprintf(out, "0};\n\nconst shzi_tag shzi_tags[] = {\n");
    for (size_t i = 0; i < m->measure_count; i++)
        for (size_t k = 0; k < m->measures[i].tag_count; k++) {
            fprintf(out, "    {%zu, ", m->measures[i].tags[k].topic_index);
            write_text(e, out, &m->measures[i].tags[k].reason);
            fprintf(out, "},\n");
        }
    fprintf(out, "    {0, {{0, 0}}},\n};\n\nconst shzi_link shzi_links[] = {\n");
    for (size_t i = 0; i < m->measure_count; i++)
        for (size_t k = 0; k < m->measures[i].link_count; k++) {
            const gen_link *link = &m->measures[i].links[k];
            fprintf(out, "    {%zu, %d, ", link->measure_index, link->grade);
            write_text(e, out, &link->reason);
            fprintf(out, "},\n");
        }
    fprintf(out, "    {0, 0, {{0, 0}}},\n};\n\n");
}

static void write_measures(emitter *e, FILE *out, const gen_model *m)
{
    size_t item = 0, tag = 0, link = 0;
    char b[3][48];
    fprintf(out, "const struct shz_measure shzi_measures[] = {\n");
    for (size_t i = 0; i < m->measure_count; i++) {
        const gen_measure *ms = &m->measures[i];
        const gen_list *lists[3] = {&ms->keywords, &ms->cites, &ms->aliases};
        fprintf(out, "    {%ld, %zu,", ms->id, ms->category_index);
        for (int l = 0; l < 3; l++) {
            fprintf(out, " {%zu, %zu},", item, lists[l]->count);
            item += lists[l]->count;
        }
        fprintf(out, " {%zu, %zu}, {%zu, %zu},", tag, ms->tag_count, link, ms->link_count);
        tag += ms->tag_count;
        link += ms->link_count;
        if (item > UINT32_MAX)
            e->failed = 1;
        fprintf(out, "\n     ");
        write_text(e, out, &ms->title);
        fprintf(out, ",\n     ");
        write_text(e, out, &ms->body);
        fprintf(out, ",\n     %s, %s, %s},\n", str_init(e, ms->summary_en, b[0], sizeof b[0]),
                str_init(e, ms->pinyin, b[1], sizeof b[1]),
                str_init(e, ms->initials, b[2], sizeof b[2]));
    }
    fprintf(out, "};\nconst size_t shzi_measure_total = %zu;\n\n", m->measure_count);

    fprintf(out, "const shzi_str shzi_list_items[] = {\n");
    for (size_t i = 0; i < m->measure_count; i++) {
        const gen_measure *ms = &m->measures[i];
        const gen_list *lists[3] = {&ms->keywords, &ms->cites, &ms->aliases};
        for (int l = 0; l < 3; l++)
            for (size_t k = 0; k < lists[l]->count; k++)
                fprintf(out, "    %s,\n", str_init(e, lists[l]->items[k], b[0], sizeof b[0]));
    }
    /* Never empty, so the array is valid C even for a catalogue without lists. */
    fprintf(out, "    {0, 0},\n};\n\n");

    /* The same items again: zh-Hant forms, then alias kinds. */
    fprintf(out, "const shzi_str shzi_list_items_hant[] = {\n");
    for (size_t i = 0; i < m->measure_count; i++) {
        const gen_measure *ms = &m->measures[i];
        for (size_t k = 0; k < ms->keywords.count; k++)
            fprintf(out, "    %s,\n",
                    ms->keywords_hant.count
                        ? str_init(e, ms->keywords_hant.items[k], b[0], sizeof b[0])
                        : "{0, 0}");
        for (size_t k = 0; k < ms->cites.count; k++)
            fprintf(out, "    {0, 0},\n"); /* cites are titles: read as the zh-Hans text has them */
        for (size_t k = 0; k < ms->aliases.count; k++)
            fprintf(out, "    %s,\n",
                    ms->aliases_hant ? str_init(e, ms->aliases_hant[k], b[0], sizeof b[0])
                                     : "{0, 0}");
    }
    fprintf(out, "    {0, 0},\n};\n\nconst uint8_t shzi_list_item_kinds[] = {\n");
    for (size_t i = 0; i < m->measure_count; i++) {
        const gen_measure *ms = &m->measures[i];
        for (size_t k = 0; k < ms->keywords.count + ms->cites.count; k++)
            fprintf(out, "0,");
        for (size_t k = 0; k < ms->aliases.count; k++)
            fprintf(out, "%u,", ms->alias_kinds ? ms->alias_kinds[k] : 0u);
        fprintf(out, "\n");
    }
    fprintf(out, "0};\n\n");
}

static void write_document(emitter *e, FILE *out, const gen_model *m)
{
    fprintf(out, "const shzi_str shzi_doc_fields[SHZ_NDOC_FIELDS][SHZ_NLANG] = {\n");
    for (int f = 0; f < GEN_NDOC_FIELDS; f++) {
        fprintf(out, "    ");
        write_text(e, out, &m->doc_fields[f]);
        fprintf(out, ",\n");
    }
    fprintf(out, "};\n\nconst shzi_str shzi_doc_paragraphs[][SHZ_NLANG] = {\n");
    for (size_t p = 0; p < m->paragraph_count; p++) {
        fprintf(out, "    ");
        write_text(e, out, &m->paragraphs[p]);
        fprintf(out, ",\n");
    }
    fprintf(out, "};\nconst size_t shzi_doc_paragraph_total = %zu;\n\n", m->paragraph_count);
}

/* A C string literal of plain ASCII (edition, digest): anything else is refused. */
static void write_ascii_constant(emitter *e, FILE *out, const char *name, const char *value)
{
    for (const char *p = value; *p; p++)
        if (*p < 0x20 || *p > 0x7e || *p == '"' || *p == '\\')
            e->failed = 1;
    fprintf(out, "const char %s[] = \"%s\";\n", name, value);
}

int gen_emit_catalogue(const gen_model *m, const char *out_path)
{
    FILE *out = fopen(out_path, "w");
    if (!out) {
        perror(out_path);
        return 0;
    }
    emitter e = {.failed = 0};
    gen_pool_init(&e.pool);
    fprintf(out, "/* Generated by libshenzhen/gen from data/catalogue.json; do not edit. */\n"
                 "#include \"catalogue_data.h\"\n" GEN_OVERLENGTH_PRAGMA "\n");
    /* The pool must be complete before it is written, but is referenced first:
     * the tables are written first and the pool last. */
    write_categories(&e, out, m);
    write_topics(&e, out, m);
    write_measures(&e, out, m);
    write_document(&e, out, m);
    fprintf(out, "const int shzi_data_schema = %ld;\n", m->schema);
    write_ascii_constant(&e, out, "shzi_data_edition", m->edition);
    write_ascii_constant(&e, out, "shzi_data_digest", m->sha256);
    fprintf(out, "const size_t shzi_errata_total = %zu;\n\n", m->errata_count);
    if (!gen_pool_write(&e.pool, out, "shzi_pool"))
        e.failed = 1;
    gen_pool_free(&e.pool);
    if (fclose(out) != 0 || e.failed) {
        fprintf(stderr, "%s: could not write the catalogue tables\n", out_path);
        remove(out_path);
        return 0;
    }
    return 1;
}
