/*
 * JSON export through cJSON. The tree is built by adding every child to its
 * parent as it is made (cJSON_Add…ToObject), so the parent owns it at once
 * and a failed export frees everything by deleting the root. cJSON prints the
 * compact form; the pretty form is written from it here, indented by two
 * spaces as jq and Python's json module write it (cJSON itself indents with
 * tabs and keeps arrays on one line). The text is copied into memory the
 * caller frees with shz_free(): copying decouples our ownership rule from
 * whatever allocator hooks another part of the process may have given cJSON.
 *
 * The shape is the shape of data/catalogue.json, plus each category's and each
 * topic's list of measure ids and each measure's "related" list (its end of
 * every link, which the catalogue writes once), so an export read back loses
 * nothing.
 */
#include "shenzhen.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "catalogue_data.h"
#include "utf8.h"

/* Builders fill an object that already belongs to its parent (or is the root)
 * and return 0 when an allocation fails; the caller then deletes the root. */

static int add_string(cJSON *parent, const char *key, shzi_str s)
{
    return cJSON_AddStringToObject(parent, key, shzi_str_ptr(s)) != NULL;
}

/* A text object {"zh-Hans":…,…}; a missing language is absent, as in catalogue.json. */
static int add_text(cJSON *parent, const char *key, const shzi_str text[SHZ_NLANG])
{
    cJSON *obj = cJSON_AddObjectToObject(parent, key);
    for (int l = 0; obj && l < SHZ_NLANG; l++)
        if (text[l].len != 0 && !add_string(obj, shz_lang_name((shz_lang)l), text[l]))
            return 0;
    return obj != NULL;
}

/* Appends a new item to an array, which then owns it; NULL when out of memory. */
static cJSON *push(cJSON *array, cJSON *item)
{
    if (item)
        cJSON_AddItemToArray(array, item);
    return item;
}

static int add_list(cJSON *parent, const char *key, shzi_list list)
{
    cJSON *arr = cJSON_AddArrayToObject(parent, key);
    for (uint32_t i = 0; arr && i < list.count; i++)
        if (!push(arr, cJSON_CreateString(shzi_str_ptr(shzi_list_items[list.first + i]))))
            return 0;
    return arr != NULL;
}

static int fill_measure_common(cJSON *obj, const struct shz_measure *m);

/* The zh-Hant forms of a measure's keywords, as "keywords_zh_hant" has them. */
static int add_hant_list(cJSON *parent, const char *key, shzi_list list)
{
    cJSON *arr = cJSON_AddArrayToObject(parent, key);
    for (uint32_t i = 0; arr && i < list.count; i++) {
        shzi_str s = shzi_list_items_hant[list.first + i];
        if (!push(arr,
                  cJSON_CreateString(shzi_str_ptr(s.len ? s : shzi_list_items[list.first + i]))))
            return 0;
    }
    return arr != NULL;
}

/* Schema 3 aliases: {"text", "kind", "zh-Hant" where the Traditional form differs}. */
static int add_aliases(cJSON *parent, shzi_list list)
{
    cJSON *arr = cJSON_AddArrayToObject(parent, "aliases");
    for (uint32_t i = 0; arr && i < list.count; i++) {
        uint32_t item = list.first + i;
        cJSON *alias = push(arr, cJSON_CreateObject());
        if (!alias || !add_string(alias, "text", shzi_list_items[item]) ||
            !cJSON_AddStringToObject(
                alias, "kind", shz_alias_kind_name((shz_alias_kind)shzi_list_item_kinds[item])) ||
            (shzi_list_items_hant[item].len &&
             !add_string(alias, "zh-Hant", shzi_list_items_hant[item])))
            return 0;
    }
    return arr != NULL;
}

/* A measure's topics as the catalogue writes them, [{"topic": id, "reason": {…}}, …]. */
static int add_tags(cJSON *parent, const struct shz_measure *m)
{
    cJSON *arr = cJSON_AddArrayToObject(parent, "topics");
    for (uint32_t i = 0; arr && i < m->tags.count; i++) {
        const shzi_tag *tag = &shzi_tags[m->tags.first + i];
        cJSON *obj = push(arr, cJSON_CreateObject());
        if (!obj || !cJSON_AddNumberToObject(obj, "topic", shzi_topics[tag->topic_index].id) ||
            !add_text(obj, "reason", tag->reason))
            return 0;
    }
    return arr != NULL;
}

/* A measure's related measures, read from its end of each link (an addition of the export:
 * the catalogue writes each link once, in "related"). */
static int add_related(cJSON *parent, const struct shz_measure *m)
{
    cJSON *arr = cJSON_AddArrayToObject(parent, "related");
    for (uint32_t i = 0; arr && i < m->related.count; i++) {
        const shzi_link *link = &shzi_links[m->related.first + i];
        cJSON *obj = push(arr, cJSON_CreateObject());
        if (!obj || !cJSON_AddNumberToObject(obj, "id", shzi_measures[link->measure_index].id) ||
            !cJSON_AddNumberToObject(obj, "grade", link->grade) ||
            !add_text(obj, "reason", link->reason))
            return 0;
    }
    return arr != NULL;
}

static int fill_measure(cJSON *obj, const struct shz_measure *m)
{
    if (shzi_data_schema >= 3)
        return fill_measure_common(obj, m) && add_hant_list(obj, "keywords_zh_hant", m->keywords) &&
               add_list(obj, "cites", m->cites) && add_aliases(obj, m->aliases) &&
               add_tags(obj, m) && add_related(obj, m);
    return fill_measure_common(obj, m) && add_list(obj, "cites", m->cites) &&
           add_list(obj, "aliases", m->aliases);
}

static int fill_measure_common(cJSON *obj, const struct shz_measure *m)
{
    const shzi_str summary[SHZ_NLANG] = {{0, 0}, {0, 0}, m->summary_en};
    cJSON *pinyin;
    return cJSON_AddNumberToObject(obj, "id", m->id) &&
           cJSON_AddNumberToObject(obj, "category", shzi_categories[m->category_index].id) &&
           add_text(obj, "title", m->title) && add_text(obj, "body", m->body) &&
           add_text(obj, "summary", summary) &&
           (pinyin = cJSON_AddObjectToObject(obj, "pinyin")) != NULL &&
           add_string(pinyin, "full", m->pinyin) && add_string(pinyin, "initials", m->initials) &&
           add_list(obj, "keywords", m->keywords);
}

static int fill_category(cJSON *obj, const struct shz_category *c)
{
    cJSON *ids;
    if (!cJSON_AddNumberToObject(obj, "id", c->id) || !add_text(obj, "title", c->title) ||
        !(ids = cJSON_AddArrayToObject(obj, "measures")))
        return 0;
    for (uint16_t i = 0; i < c->member_count; i++) {
        const struct shz_measure *m = &shzi_measures[shzi_category_members[c->first_member + i]];
        if (!push(ids, cJSON_CreateNumber(m->id)))
            return 0;
    }
    return 1;
}

static int fill_topic(cJSON *obj, const struct shz_topic *t)
{
    cJSON *ids;
    if (!cJSON_AddNumberToObject(obj, "id", t->id) || !add_string(obj, "key", t->key) ||
        !add_text(obj, "name", t->name) || !add_text(obj, "definition", t->definition) ||
        !(ids = cJSON_AddArrayToObject(obj, "measures")))
        return 0;
    for (uint16_t i = 0; i < t->member_count; i++)
        if (!push(ids,
                  cJSON_CreateNumber(shzi_measures[shzi_topic_members[t->first_member + i]].id)))
            return 0;
    return 1;
}

/* Every link once, lower id first, in order of the two ids: the catalogue's "related". */
static int fill_links(cJSON *arr)
{
    for (size_t a = 0; a < shzi_measure_total; a++)
        for (size_t b = a + 1; b < shzi_measure_total; b++) {
            const struct shz_measure *m = &shzi_measures[a];
            for (uint32_t i = 0; i < m->related.count; i++) {
                const shzi_link *link = &shzi_links[m->related.first + i];
                if (link->measure_index != b)
                    continue;
                cJSON *obj = push(arr, cJSON_CreateObject());
                cJSON *ends = obj ? cJSON_AddArrayToObject(obj, "measures") : NULL;
                if (!ends || !push(ends, cJSON_CreateNumber(m->id)) ||
                    !push(ends, cJSON_CreateNumber(shzi_measures[b].id)) ||
                    !cJSON_AddNumberToObject(obj, "grade", link->grade) ||
                    !add_text(obj, "reason", link->reason))
                    return 0;
            }
        }
    return 1;
}

static int fill_document(cJSON *doc)
{
    cJSON *paras;
    if (!add_string(doc, "number", shzi_doc_fields[SHZ_DOC_NUMBER][SHZ_LANG_ZH_HANS]) ||
        !add_string(doc, "date", shzi_doc_fields[SHZ_DOC_DATE][SHZ_LANG_ZH_HANS]) ||
        !add_text(doc, "title", shzi_doc_fields[SHZ_DOC_TITLE]) ||
        !add_text(doc, "issuer", shzi_doc_fields[SHZ_DOC_ISSUER]) ||
        !add_text(doc, "addressees", shzi_doc_fields[SHZ_DOC_ADDRESSEES]) ||
        !(paras = cJSON_AddArrayToObject(doc, "paragraphs")))
        return 0;
    for (size_t p = 0; p < shzi_doc_paragraph_total; p++) {
        cJSON *para = push(paras, cJSON_CreateObject());
        for (int l = 0; para && l < SHZ_NLANG; l++)
            if (shzi_doc_paragraphs[p][l].len != 0 &&
                !add_string(para, shz_lang_name((shz_lang)l), shzi_doc_paragraphs[p][l]))
                return 0;
        if (!para)
            return 0;
    }
    if (shzi_data_schema >= 3 &&
        (!add_text(doc, "published_title", shzi_doc_fields[SHZ_DOC_PUBLISHED_TITLE]) ||
         !add_text(doc, "published_in", shzi_doc_fields[SHZ_DOC_PUBLISHED_IN])))
        return 0;
    return add_text(doc, "attachment", shzi_doc_fields[SHZ_DOC_ATTACHMENT]) &&
           add_string(doc, "translation_note",
                      shzi_doc_fields[SHZ_DOC_TRANSLATION_NOTE][SHZ_LANG_EN]);
}

static int fill_catalogue(cJSON *root)
{
    cJSON *doc, *cats, *measures;
    if (!cJSON_AddNumberToObject(root, "schema", shzi_data_schema) ||
        !cJSON_AddStringToObject(root, "edition", shzi_data_edition) ||
        !(doc = cJSON_AddObjectToObject(root, "document")) || !fill_document(doc) ||
        !(cats = cJSON_AddArrayToObject(root, "categories")))
        return 0;
    for (size_t c = 0; c < shzi_category_total; c++) {
        cJSON *obj = push(cats, cJSON_CreateObject());
        if (!obj || !fill_category(obj, &shzi_categories[c]))
            return 0;
    }
    if (shzi_data_schema >= 3) {
        cJSON *topics = cJSON_AddArrayToObject(root, "topics");
        for (size_t t = 0; topics && t < shzi_topic_total; t++) {
            cJSON *obj = push(topics, cJSON_CreateObject());
            if (!obj || !fill_topic(obj, &shzi_topics[t]))
                return 0;
        }
        if (!topics)
            return 0;
    }
    if (!(measures = cJSON_AddArrayToObject(root, "measures")))
        return 0;
    for (size_t m = 0; m < shzi_measure_total; m++) {
        cJSON *obj = push(measures, cJSON_CreateObject());
        if (!obj || !fill_measure(obj, &shzi_measures[m]))
            return 0;
    }
    cJSON *links;
    return shzi_data_schema < 3 ||
           ((links = cJSON_AddArrayToObject(root, "related")) != NULL && fill_links(links));
}

/* Writes compact JSON (cJSON_PrintUnformatted: no whitespace outside strings) indented by two
 * spaces, one member or element a line, ": " after keys, empty containers as {} and []: the
 * layout of Python's json.dumps(indent=2) and of jq. Raw control characters cannot occur inside
 * cJSON's strings (it escapes them), so only the structure outside strings is touched. With out
 * NULL, only counts. Returns the length written. */
typedef struct sink {
    char *out; /* NULL: only count */
    size_t n;
} sink;

static void put(sink *s, char c)
{
    if (s->out)
        s->out[s->n] = c;
    s->n++;
}

static void newline(sink *s, size_t depth)
{
    put(s, '\n');
    for (size_t d = 0; d < 2 * depth; d++)
        put(s, ' ');
}

static size_t indent_json(const char *in, size_t len, char *out)
{
    sink s = {out, 0};
    size_t depth = 0;
    int in_string = 0, escaped = 0;
    for (size_t i = 0; i < len; i++) {
        char c = in[i];
        put(&s, c);
        if (in_string) {
            if (escaped)
                escaped = 0;
            else if (c == '\\')
                escaped = 1;
            else if (c == '"')
                in_string = 0;
            continue;
        }
        switch (c) {
        case '"':
            in_string = 1;
            break;
        case '{':
        case '[':
            if (i + 1 < len && in[i + 1] == (c == '{' ? '}' : ']'))
                put(&s, in[++i]); /* empty: {} or [] */
            else
                newline(&s, ++depth);
            break;
        case '}':
        case ']':
            /* The closing bracket goes on its own line: take it back and write it there. */
            s.n--;
            newline(&s, --depth);
            put(&s, c);
            break;
        case ',':
            newline(&s, depth);
            break;
        case ':':
            put(&s, ' ');
            break;
        }
    }
    return s.n;
}

/* Length of text once every non-ASCII code point is written as \uXXXX (pairs above U+FFFF). */
static size_t ascii_escaped_length(const char *text, size_t len)
{
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = shzi_utf8_decode((const unsigned char *)text + i, len - i, &cp);
        if (n == 0 || cp < 0x80) {
            out++, i++;
            continue;
        }
        out += cp >= 0x10000 ? 12 : 6;
        i += n;
    }
    return out;
}

static char *ascii_escape(const char *text, size_t len, size_t *out_len)
{
    static const char hex[] = "0123456789abcdef";
    size_t total = ascii_escaped_length(text, len);
    char *out = shzi_mem_alloc(total + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = shzi_utf8_decode((const unsigned char *)text + i, len - i, &cp);
        if (n == 0 || cp < 0x80) {
            out[o++] = text[i++];
            continue;
        }
        uint32_t units[2] = {cp, 0};
        int count = 1;
        if (cp >= 0x10000) {
            units[0] = 0xD800 + ((cp - 0x10000) >> 10);
            units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
            count = 2;
        }
        for (int u = 0; u < count; u++) {
            out[o++] = '\\';
            out[o++] = 'u';
            for (int shift = 12; shift >= 0; shift -= 4)
                out[o++] = hex[(units[u] >> shift) & 0xF];
        }
        i += n;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* Prints the tree built by fill (deleting it) into a caller-owned buffer. */
static shz_status print_tree(cJSON *tree, int filled, unsigned flags, char **json, size_t *len)
{
    if (!tree || !filled) {
        cJSON_Delete(tree);
        return SHZ_ERR_NO_MEMORY;
    }
    char *printed = cJSON_PrintUnformatted(tree);
    cJSON_Delete(tree);
    if (!printed)
        return SHZ_ERR_NO_MEMORY;
    size_t n = strlen(printed);
    char *out = NULL;
    if (flags & SHZ_JSON_PRETTY) {
        size_t pretty_len = indent_json(printed, n, NULL);
        out = shzi_mem_alloc(pretty_len + 1);
        if (out) {
            n = indent_json(printed, n, out);
            out[n] = '\0';
        }
    } else {
        out = shzi_mem_alloc(n + 1);
        if (out)
            memcpy(out, printed, n + 1);
    }
    cJSON_free(printed);
    if (out && (flags & SHZ_JSON_ASCII)) {
        char *escaped = ascii_escape(out, n, &n);
        shzi_mem_dealloc(out);
        out = escaped;
    }
    if (!out)
        return SHZ_ERR_NO_MEMORY;
    *json = out;
    if (len)
        *len = n;
    return SHZ_OK;
}

static int flags_valid(unsigned flags)
{
    return (flags & ~(unsigned)(SHZ_JSON_PRETTY | SHZ_JSON_ASCII)) == 0;
}

shz_status shz_json_catalogue(unsigned flags, char **json, size_t *len)
{
    if (!json || !flags_valid(flags))
        return SHZ_ERR_INVALID_ARG;
    cJSON *root = cJSON_CreateObject();
    return print_tree(root, root && fill_catalogue(root), flags, json, len);
}

shz_status shz_json_category(const shz_category *category, unsigned flags, char **json, size_t *len)
{
    if (!category || !json || !flags_valid(flags))
        return SHZ_ERR_INVALID_ARG;
    cJSON *root = cJSON_CreateObject();
    return print_tree(root, root && fill_category(root, category), flags, json, len);
}

shz_status shz_json_measure(const shz_measure *measure, unsigned flags, char **json, size_t *len)
{
    if (!measure || !json || !flags_valid(flags))
        return SHZ_ERR_INVALID_ARG;
    cJSON *root = cJSON_CreateObject();
    return print_tree(root, root && fill_measure(root, measure), flags, json, len);
}
