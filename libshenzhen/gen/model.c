/*
 * Reads data/catalogue.json (and counts data/errata.json) into a gen_model,
 * rejecting anything the library could not serve faithfully: a missing field,
 * a wrong type, a duplicate, missing or out-of-order id, an unknown category,
 * invalid UTF-8 or an empty canonical text. Every message names the file and
 * the JSON path of the problem so that a failed build says what to fix.
 */
#include "model.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Reading state: the parsed tree (kept alive because the model borrows its strings). */
typedef struct reader {
    const char *path;
    cJSON *root;
    int failed;
} reader;

static void fail(reader *r, const char *where, const char *fmt, ...)
{
    va_list ap;
    if (r->failed)
        return; /* report the first problem only: later ones are often its echoes */
    r->failed = 1;
    fprintf(stderr, "%s: %s: ", r->path, where);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, used = 0;
    for (;;) {
        if (used + 65536 + 1 > cap) {
            cap = (cap ? cap * 2 : 131072);
            char *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        size_t n = fread(buf + used, 1, cap - used - 1, f);
        used += n;
        if (n == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return NULL;
    }
    buf[used] = '\0';
    *size = used;
    return buf;
}

/* A required string member; "" allowed only when allow_empty. */
static const char *get_string(reader *r, const cJSON *obj, const char *key, const char *where,
                              int allow_empty)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsString(item)) {
        fail(r, where, item ? "\"%s\" must be a string" : "missing field \"%s\"", key);
        return "";
    }
    const char *s = item->valuestring;
    if (!shzi_utf8_valid(s, strlen(s))) {
        fail(r, where, "\"%s\" is not valid UTF-8", key);
        return "";
    }
    if (!allow_empty && s[0] == '\0')
        fail(r, where, "\"%s\" must not be empty", key);
    return s;
}

static const char *const lang_tags[GEN_NLANG] = {"zh-Hans", "zh-Hant", "en"};

/* The members of a text object {"zh-Hans":…,…} at `where`; `required` is a bit mask of languages
 * that must be non-empty, and any other language may be present. */
static void read_text(reader *r, const cJSON *text, const char *where, unsigned required,
                      gen_text *out)
{
    for (int l = 0; l < GEN_NLANG; l++)
        out->lang[l] = "";
    if (!cJSON_IsObject(text)) {
        fail(r, where, text ? "must be an object of language tags" : "missing");
        return;
    }
    for (const cJSON *member = text->child; member; member = member->next) {
        int known = 0;
        for (int l = 0; l < GEN_NLANG; l++)
            known |= strcmp(member->string, lang_tags[l]) == 0;
        if (!known)
            fail(r, where, "unknown language tag \"%s\"", member->string);
    }
    for (int l = 0; l < GEN_NLANG; l++) {
        unsigned bit = 1u << l;
        if (cJSON_GetObjectItemCaseSensitive(text, lang_tags[l]) || (required & bit))
            out->lang[l] = get_string(r, text, lang_tags[l], where, !(required & bit));
    }
}

/* The text object member `key` of obj. */
static void get_text(reader *r, const cJSON *obj, const char *key, const char *where,
                     unsigned required, gen_text *out)
{
    char sub[160];
    snprintf(sub, sizeof sub, "%s.%s", where, key);
    read_text(r, cJSON_GetObjectItemCaseSensitive(obj, key), sub, required, out);
}

/* A list of non-empty strings; an absent list is empty when `optional`. */
static void get_list(reader *r, const cJSON *obj, const char *key, const char *where, int optional,
                     gen_list *out)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, key);
    out->items = NULL;
    out->count = 0;
    if (!arr && optional)
        return;
    if (!cJSON_IsArray(arr)) {
        fail(r, where, arr ? "\"%s\" must be an array" : "missing field \"%s\"", key);
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(arr);
    out->items = calloc(n ? n : 1, sizeof *out->items);
    if (!out->items) {
        fail(r, where, "out of memory");
        return;
    }
    const cJSON *item;
    cJSON_ArrayForEach(item, arr)
    {
        if (!cJSON_IsString(item) || item->valuestring[0] == '\0' ||
            !shzi_utf8_valid(item->valuestring, strlen(item->valuestring))) {
            fail(r, where, "\"%s\"[%zu] must be a non-empty UTF-8 string", key, out->count);
            return;
        }
        for (size_t k = 0; k < out->count; k++)
            if (strcmp(out->items[k], item->valuestring) == 0) {
                fail(r, where, "\"%s\"[%zu] repeats \"%s\"", key, out->count, item->valuestring);
                return;
            }
        out->items[out->count++] = item->valuestring;
    }
}

/* Ids must run 1, 2, 3 … in file order: that is what makes them stable and lookup O(1). */
static long get_id(reader *r, const cJSON *obj, const char *where, long expected)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, "id");
    if (!cJSON_IsNumber(id) || id->valuedouble != (double)(long)id->valuedouble) {
        fail(r, where, id ? "\"id\" must be an integer" : "missing field \"id\"");
        return 0;
    }
    long value = (long)id->valuedouble;
    if (value < expected)
        fail(r, where, "duplicate or out-of-order id %ld", value);
    else if (value > expected)
        fail(r, where, "id %ld found where %ld was expected (missing id)", value, expected);
    return value;
}

static const cJSON *get_array(reader *r, const cJSON *obj, const char *key, const char *where)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0) {
        fail(r, where, "\"%s\" must be a non-empty array", key);
        return NULL;
    }
    return arr;
}

enum { HANS = 1u << GEN_LANG_HANS, HANT = 1u << GEN_LANG_HANT, EN = 1u << GEN_LANG_EN };

/* Schema 2 requires the English of the bodies and paragraphs, and measure aliases. */
static unsigned english_since_2(const gen_model *m)
{
    return m->schema >= 2 ? EN : 0;
}

static void load_document(reader *r, gen_model *m)
{
    unsigned english = english_since_2(m);
    const cJSON *doc = cJSON_GetObjectItemCaseSensitive(r->root, "document");
    if (!cJSON_IsObject(doc)) {
        fail(r, "document", "missing or not an object");
        return;
    }
    /* Same order as shz_doc_field. */
    static const char *const text_keys[GEN_NDOC_FIELDS] = {
        "title",      NULL, "issuer",          "addressees",  NULL,
        "attachment", NULL, "published_title", "published_in"};
    for (int f = 0; f < GEN_NDOC_FIELDS; f++) {
        if (!text_keys[f])
            continue;
        if (f >= 7 && m->schema < 3) /* the provenance fields came with schema 3 */
            for (int l = 0; l < GEN_NLANG; l++)
                m->doc_fields[f].lang[l] = "";
        else
            get_text(r, doc, text_keys[f], "document", HANS | HANT | EN, &m->doc_fields[f]);
    }
    const char *number = get_string(r, doc, "number", "document", 0);
    const char *date = get_string(r, doc, "date", "document", 0);
    const char *note = get_string(r, doc, "translation_note", "document", 0);
    for (int l = 0; l < GEN_NLANG; l++) {
        m->doc_fields[1].lang[l] = number;
        m->doc_fields[4].lang[l] = date;
        m->doc_fields[6].lang[l] = l == GEN_LANG_EN ? note : "";
    }
    const cJSON *paras = get_array(r, doc, "paragraphs", "document");
    if (!paras)
        return;
    m->paragraph_count = (size_t)cJSON_GetArraySize(paras);
    m->paragraphs = calloc(m->paragraph_count, sizeof *m->paragraphs);
    if (!m->paragraphs) {
        fail(r, "document", "out of memory");
        return;
    }
    size_t i = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, paras)
    {
        char where[64];
        snprintf(where, sizeof where, "document.paragraphs[%zu]", i);
        read_text(r, p, where, HANS | HANT | english, &m->paragraphs[i]);
        i++;
    }
}

/* The catalogue's array key (in *array) and one zeroed element of size bytes for each of its
 * items (their number in *count); NULL, with the reason recorded, when the array is missing or
 * memory runs out. */
static void *load_array(reader *r, const char *key, size_t size, size_t *count, const cJSON **array)
{
    *array = get_array(r, r->root, key, "catalogue");
    if (!*array)
        return NULL;
    *count = (size_t)cJSON_GetArraySize(*array);
    void *items = calloc(*count, size);
    if (!items)
        fail(r, key, "out of memory");
    return items;
}

static void load_categories(reader *r, gen_model *m)
{
    const cJSON *cats;
    m->categories = load_array(r, "categories", sizeof *m->categories, &m->category_count, &cats);
    if (!m->categories)
        return;
    size_t i = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cats)
    {
        char where[64];
        snprintf(where, sizeof where, "categories[%zu]", i);
        m->categories[i].id = get_id(r, c, where, (long)i + 1);
        get_text(r, c, "title", where, HANS | HANT | EN, &m->categories[i].title);
        i++;
    }
}

static const char *const alias_kind_names[] = {NULL, "colloquial", "english", "abbreviation",
                                               "former-name"};

/* Schema 3 aliases: [{"text": …, "kind": …, "zh-Hant": …}, …], "zh-Hant" only on Chinese ones,
 * at most GEN_MAX_ALIASES: a few curated words, not a list of every word one can think of. */
static void load_aliases(reader *r, const cJSON *item, const char *where, gen_measure *ms)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(item, "aliases");
    if (!cJSON_IsArray(arr)) {
        fail(r, where, arr ? "\"aliases\" must be an array" : "missing field \"aliases\"");
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n > GEN_MAX_ALIASES) {
        fail(r, where, "\"aliases\" holds %zu aliases, more than %d", n, GEN_MAX_ALIASES);
        return;
    }
    ms->aliases.items = calloc(n ? n : 1, sizeof *ms->aliases.items);
    ms->aliases_hant = calloc(n ? n : 1, sizeof *ms->aliases_hant);
    ms->alias_kinds = calloc(n ? n : 1, 1);
    if (!ms->aliases.items || !ms->aliases_hant || !ms->alias_kinds) {
        fail(r, where, "out of memory");
        return;
    }
    const cJSON *alias;
    cJSON_ArrayForEach(alias, arr)
    {
        size_t k = ms->aliases.count;
        char sub[96];
        snprintf(sub, sizeof sub, "%s.aliases[%zu]", where, k);
        if (!cJSON_IsObject(alias)) {
            fail(r, sub, "must be an object {\"text\", \"kind\"}");
            return;
        }
        const char *text = get_string(r, alias, "text", sub, 0);
        const char *kind = get_string(r, alias, "kind", sub, 0);
        const cJSON *hant = cJSON_GetObjectItemCaseSensitive(alias, "zh-Hant");
        ms->aliases_hant[k] = hant ? get_string(r, alias, "zh-Hant", sub, 0) : "";
        for (int c = 1; c <= GEN_ALIAS_FORMER_NAME; c++)
            if (strcmp(kind, alias_kind_names[c]) == 0)
                ms->alias_kinds[k] = (unsigned char)c;
        if (!r->failed && !ms->alias_kinds[k])
            fail(r, sub, "unknown alias kind \"%s\"", kind);
        for (size_t j = 0; j < k && !r->failed; j++)
            if (strcmp(ms->aliases.items[j], text) == 0)
                fail(r, sub, "repeats \"%s\"", text);
        if (r->failed)
            return;
        ms->aliases.items[ms->aliases.count++] = text;
    }
}

/* An integer member in [1, max], or 0 after failing. */
static long get_ref(reader *r, const cJSON *obj, const char *key, const char *where, size_t max)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v) || v->valuedouble != (double)(long)v->valuedouble ||
        v->valuedouble < 1 || v->valuedouble > (double)max) {
        fail(r, where, "\"%s\" must be an id from 1 to %zu", key, max);
        return 0;
    }
    return (long)v->valuedouble;
}

/* A measure's topics: [{"topic": id, "reason": {…}}, …], 1 to 4 distinct topics. */
static void load_tags(reader *r, const gen_model *m, const cJSON *item, const char *where,
                      gen_measure *ms)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(item, "topics");
    int n = cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;
    if (n < 1 || n > 4) {
        fail(r, where, "\"topics\" must be an array of 1 to 4 topics");
        return;
    }
    ms->tags = calloc((size_t)n, sizeof *ms->tags);
    if (!ms->tags) {
        fail(r, where, "out of memory");
        return;
    }
    const cJSON *tag;
    cJSON_ArrayForEach(tag, arr)
    {
        char sub[96];
        snprintf(sub, sizeof sub, "%s.topics[%zu]", where, ms->tag_count);
        long topic = get_ref(r, tag, "topic", sub, m->topic_count);
        get_text(r, tag, "reason", sub, HANS | HANT | EN, &ms->tags[ms->tag_count].reason);
        for (size_t j = 0; j < ms->tag_count && !r->failed; j++)
            if (ms->tags[j].topic_index == (size_t)topic - 1)
                fail(r, sub, "repeats topic %ld", topic);
        if (r->failed)
            return;
        ms->tags[ms->tag_count++].topic_index = (size_t)topic - 1;
    }
}

/* The topics: ids 1, 2, … with a unique key of [a-z0-9-], a name and a definition. */
static void load_topics(reader *r, gen_model *m)
{
    const cJSON *topics;
    m->topics = load_array(r, "topics", sizeof *m->topics, &m->topic_count, &topics);
    if (!m->topics)
        return;
    size_t i = 0;
    const cJSON *t;
    cJSON_ArrayForEach(t, topics)
    {
        char where[64];
        snprintf(where, sizeof where, "topics[%zu]", i);
        m->topics[i].id = get_id(r, t, where, (long)i + 1);
        const char *key = get_string(r, t, "key", where, 0);
        for (const char *c = key; *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
                fail(r, where, "\"key\" may hold only a-z, 0-9 and '-'");
        for (size_t j = 0; j < i; j++)
            if (strcmp(m->topics[j].key, key) == 0)
                fail(r, where, "key \"%s\" repeats topics[%zu]", key, j);
        m->topics[i].key = key;
        get_text(r, t, "name", where, HANS | HANT | EN, &m->topics[i].name);
        get_text(r, t, "definition", where, HANS | HANT | EN, &m->topics[i].definition);
        i++;
    }
}

/* Every topic must be used: an unused one is a vocabulary entry no reader can reach. */
static void check_topic_members(reader *r, const gen_model *m)
{
    for (size_t t = 0; t < m->topic_count && !r->failed; t++) {
        size_t members = 0;
        for (size_t i = 0; i < m->measure_count; i++)
            for (size_t k = 0; k < m->measures[i].tag_count; k++)
                members += m->measures[i].tags[k].topic_index == t;
        if (members == 0) {
            char where[64];
            snprintf(where, sizeof where, "topics[%zu]", t);
            fail(r, where, "topic \"%s\" has no measures", m->topics[t].key);
        }
    }
}

static int link_order(const void *a, const void *b)
{
    const gen_link *x = a, *y = b;
    if (x->grade != y->grade)
        return y->grade - x->grade;
    return (x->measure_index > y->measure_index) - (x->measure_index < y->measure_index);
}

/* "related": [{"measures": [a, b], "grade": 2|1, "reason": {…}}, …]: each link joins two
 * different measures once and is read from both ends, so the lists are symmetric by construction.
 */
static void load_related(reader *r, gen_model *m)
{
    const cJSON *links = get_array(r, r->root, "related", "catalogue");
    if (!links)
        return;
    size_t n = (size_t)cJSON_GetArraySize(links);
    for (size_t i = 0; i < m->measure_count; i++) {
        m->measures[i].links = calloc(n, sizeof *m->measures[i].links);
        if (!m->measures[i].links) {
            fail(r, "related", "out of memory");
            return;
        }
    }
    size_t k = 0;
    long previous[2] = {0, 0};
    const cJSON *link;
    cJSON_ArrayForEach(link, links)
    {
        char where[64];
        snprintf(where, sizeof where, "related[%zu]", k++);
        const cJSON *pair = cJSON_GetObjectItemCaseSensitive(link, "measures");
        if (!cJSON_IsArray(pair) || cJSON_GetArraySize(pair) != 2) {
            fail(r, where, "\"measures\" must be an array of two measure ids");
            return;
        }
        long ends[2];
        for (int e = 0; e < 2; e++) {
            const cJSON *v = cJSON_GetArrayItem(pair, e);
            ends[e] = cJSON_IsNumber(v) && v->valuedouble == (double)(long)v->valuedouble
                          ? (long)v->valuedouble
                          : 0;
            if (ends[e] < 1 || (size_t)ends[e] > m->measure_count) {
                fail(r, where, "\"measures\"[%d] is not a measure id", e);
                return;
            }
        }
        if (ends[0] == ends[1]) {
            fail(r, where, "links measure %ld to itself", ends[0]);
            return;
        }
        /* One canonical order, so that the JSON export gives the file back as it is. */
        if (ends[0] > ends[1] || (k > 1 && (ends[0] < previous[0] ||
                                            (ends[0] == previous[0] && ends[1] <= previous[1])))) {
            fail(r, where, "links must be written lower id first, in order of the two ids");
            return;
        }
        previous[0] = ends[0];
        previous[1] = ends[1];
        const cJSON *grade = cJSON_GetObjectItemCaseSensitive(link, "grade");
        if (!cJSON_IsNumber(grade) || (grade->valuedouble != 1 && grade->valuedouble != 2)) {
            fail(r, where, "\"grade\" must be 1 or 2");
            return;
        }
        gen_text reason;
        get_text(r, link, "reason", where, HANS | HANT | EN, &reason);
        for (int e = 0; e < 2 && !r->failed; e++) {
            gen_measure *from = &m->measures[ends[e] - 1];
            size_t to = (size_t)ends[1 - e] - 1;
            for (size_t j = 0; j < from->link_count; j++)
                if (from->links[j].measure_index == to)
                    fail(r, where, "links %ld and %ld a second time", ends[0], ends[1]);
            from->links[from->link_count++] = (gen_link){to, (int)grade->valuedouble, reason};
        }
        if (r->failed)
            return;
    }
    for (size_t i = 0; i < m->measure_count; i++)
        qsort(m->measures[i].links, m->measures[i].link_count, sizeof(gen_link), link_order);
}

static void load_measures(reader *r, gen_model *m)
{
    const cJSON *measures;
    m->measures = load_array(r, "measures", sizeof *m->measures, &m->measure_count, &measures);
    if (!m->measures)
        return;
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, measures)
    {
        char where[64];
        gen_measure *ms = &m->measures[i];
        snprintf(where, sizeof where, "measures[%zu]", i);
        ms->id = get_id(r, item, where, (long)i + 1);
        const cJSON *cat = cJSON_GetObjectItemCaseSensitive(item, "category");
        long cat_id = cJSON_IsNumber(cat) ? (long)cat->valuedouble : 0;
        if (cat_id < 1 || (size_t)cat_id > m->category_count)
            fail(r, where, "unknown category %ld", cat_id);
        else
            ms->category_index = (size_t)(cat_id - 1);
        get_text(r, item, "title", where, HANS | HANT | EN, &ms->title);
        get_text(r, item, "body", where, HANS | HANT | english_since_2(m), &ms->body);
        gen_text summary;
        get_text(r, item, "summary", where, EN, &summary);
        ms->summary_en = summary.lang[GEN_LANG_EN];
        const cJSON *pinyin = cJSON_GetObjectItemCaseSensitive(item, "pinyin");
        if (!cJSON_IsObject(pinyin)) {
            fail(r, where, "missing object \"pinyin\"");
        } else {
            ms->pinyin = get_string(r, pinyin, "full", where, 0);
            ms->initials = get_string(r, pinyin, "initials", where, 0);
        }
        get_list(r, item, "keywords", where, 0, &ms->keywords);
        get_list(r, item, "cites", where, 0, &ms->cites);
        if (m->schema >= 3) {
            get_list(r, item, "keywords_zh_hant", where, 0, &ms->keywords_hant);
            if (!r->failed && ms->keywords_hant.count != ms->keywords.count)
                fail(r, where, "\"keywords_zh_hant\" must have one entry per keyword");
            load_aliases(r, item, where, ms);
            load_tags(r, m, item, where, ms);
        } else {
            get_list(r, item, "aliases", where, m->schema < 2, &ms->aliases);
        }
        i++;
    }
}

/* Categories must not be empty: an empty one is almost always a wrong category id. */
static void check_category_members(reader *r, const gen_model *m)
{
    for (size_t c = 0; c < m->category_count && !r->failed; c++) {
        size_t members = 0;
        for (size_t i = 0; i < m->measure_count; i++)
            members += m->measures[i].category_index == c;
        if (members == 0) {
            char where[64];
            snprintf(where, sizeof where, "categories[%zu]", c);
            fail(r, where, "category %ld has no measures", m->categories[c].id);
        }
    }
}

static cJSON *parse_file(reader *r, const char *path)
{
    size_t size = 0;
    char *text = read_file(path, &size);
    r->path = path;
    if (!text) {
        fail(r, "read", "cannot read the file");
        return NULL;
    }
    cJSON *root = cJSON_ParseWithLength(text, size);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        fail(r, "parse", "malformed JSON near byte %ld", at ? (long)(at - text) : -1L);
    }
    free(text);
    return root;
}

int gen_model_load(gen_model *m, const char *catalogue_path, const char *errata_path,
                   const char *sha256)
{
    reader r = {catalogue_path, NULL, 0};
    memset(m, 0, sizeof *m);
    m->sha256 = sha256;
    r.root = parse_file(&r, catalogue_path);
    m->json_trees[0] = r.root;
    if (r.failed)
        return 0;
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(r.root, "schema");
    if (!cJSON_IsNumber(schema) || schema->valuedouble < 1 || schema->valuedouble > 3 ||
        schema->valuedouble != (double)(long)schema->valuedouble)
        fail(&r, "schema", "expected \"schema\": 1, 2 or 3");
    else
        m->schema = (long)schema->valuedouble;
    m->edition = get_string(&r, r.root, "edition", "catalogue", 0);
    load_document(&r, m);
    load_categories(&r, m);
    if (m->schema >= 3 && !r.failed)
        load_topics(&r, m);
    load_measures(&r, m);
    check_category_members(&r, m);
    if (m->schema >= 3 && !r.failed) {
        check_topic_members(&r, m);
        load_related(&r, m);
    }
    if (r.failed)
        return 0;

    reader e = {errata_path, NULL, 0};
    cJSON *errata = parse_file(&e, errata_path);
    m->json_trees[1] = errata;
    if (e.failed)
        return 0;
    if (!cJSON_IsArray(errata)) {
        fail(&e, "errata", "must be an array of rows");
        return 0;
    }
    m->errata_count = (size_t)cJSON_GetArraySize(errata);
    return 1;
}

void gen_model_free(gen_model *m)
{
    for (size_t i = 0; i < m->measure_count; i++) {
        free(m->measures[i].keywords.items);
        free(m->measures[i].cites.items);
        free(m->measures[i].aliases.items);
        free(m->measures[i].keywords_hant.items);
        free(m->measures[i].aliases_hant);
        free(m->measures[i].alias_kinds);
        free(m->measures[i].tags);
        free(m->measures[i].links);
    }
    free(m->topics);
    free(m->measures);
    free(m->categories);
    free(m->paragraphs);
    for (size_t t = 0; t < 2; t++) {
        cJSON_Delete(m->json_trees[t]);
    }
    memset(m, 0, sizeof *m);
}
