/*
 * JSON export through cJSON. The tree is built from string *references* into
 * the static pool (no copies), printed, and the text copied into memory the
 * caller frees with shz_free(): copying decouples our ownership rule from
 * whatever allocator hooks another part of the process may have given cJSON.
 *
 * The shape is the shape of data/catalogue.json, plus each category's list of
 * measure ids, so an export read back loses nothing.
 */
#include "shenzhen.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue_data.h"
#include "utf8.h"

/* Builders return NULL (or 0) on allocation failure and free what they made,
 * so a failed export leaks nothing. */

static cJSON *text_object(const shz_str text[SHZ_NLANG])
{
    cJSON *obj = cJSON_CreateObject();
    for (int l = 0; obj && l < SHZ_NLANG; l++) {
        if (text[l].len == 0)
            continue; /* a missing language is absent, as in catalogue.json */
        cJSON *s = cJSON_CreateStringReference(shz_str_ptr(text[l]));
        if (!s || !cJSON_AddItemToObjectCS(obj, shz_lang_name((shz_lang)l), s)) {
            cJSON_Delete(s);
            cJSON_Delete(obj);
            return NULL;
        }
    }
    return obj;
}

static int add(cJSON *parent, const char *key, cJSON *item)
{
    if (!item)
        return 0;
    if (!cJSON_AddItemToObjectCS(parent, key, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static int add_string(cJSON *parent, const char *key, shz_str s)
{
    return add(parent, key, cJSON_CreateStringReference(shz_str_ptr(s)));
}

static int append(cJSON *array, cJSON *item)
{
    if (!item)
        return 0;
    if (!cJSON_AddItemToArray(array, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static cJSON *string_list(shz_list list)
{
    cJSON *arr = cJSON_CreateArray();
    for (uint32_t i = 0; arr && i < list.count; i++) {
        if (!append(arr,
                    cJSON_CreateStringReference(shz_str_ptr(shz_list_items[list.first + i])))) {
            cJSON_Delete(arr);
            return NULL;
        }
    }
    return arr;
}

static cJSON *measure_object(const struct shz_measure *m)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON *pinyin = cJSON_CreateObject();
    shz_str summary[SHZ_NLANG] = {{0, 0}, {0, 0}, m->summary_en};
    int ok = obj && pinyin && add(obj, "id", cJSON_CreateNumber(m->id)) &&
             add(obj, "category", cJSON_CreateNumber(shz_categories[m->category_index].id)) &&
             add(obj, "title", text_object(m->title)) && add(obj, "body", text_object(m->body)) &&
             add(obj, "summary", text_object(summary)) && add_string(pinyin, "full", m->pinyin) &&
             add_string(pinyin, "initials", m->initials);
    if (ok) {
        ok = cJSON_AddItemToObjectCS(obj, "pinyin", pinyin);
        pinyin = NULL;
        ok = ok && add(obj, "keywords", string_list(m->keywords)) &&
             add(obj, "cites", string_list(m->cites)) &&
             add(obj, "aliases", string_list(m->aliases));
    }
    cJSON_Delete(pinyin);
    if (!ok) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}

static cJSON *category_object(const struct shz_category *c)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON *ids = cJSON_CreateArray();
    int ok = obj && ids && add(obj, "id", cJSON_CreateNumber(c->id)) &&
             add(obj, "title", text_object(c->title));
    for (uint16_t i = 0; ok && i < c->member_count; i++)
        ok = append(ids,
                    cJSON_CreateNumber(shz_measures[shz_category_members[c->first_member + i]].id));
    if (ok) {
        ok = cJSON_AddItemToObjectCS(obj, "measures", ids);
        ids = NULL;
    }
    cJSON_Delete(ids);
    if (!ok) {
        cJSON_Delete(obj);
        return NULL;
    }
    return obj;
}

static cJSON *document_object(void)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON *paras = cJSON_CreateArray();
    int ok = doc && paras &&
             add_string(doc, "number", shz_doc_fields[SHZ_DOC_NUMBER][SHZ_LANG_ZH_HANS]) &&
             add_string(doc, "date", shz_doc_fields[SHZ_DOC_DATE][SHZ_LANG_ZH_HANS]) &&
             add(doc, "title", text_object(shz_doc_fields[SHZ_DOC_TITLE])) &&
             add(doc, "issuer", text_object(shz_doc_fields[SHZ_DOC_ISSUER])) &&
             add(doc, "addressees", text_object(shz_doc_fields[SHZ_DOC_ADDRESSEES]));
    for (size_t p = 0; ok && p < shz_doc_paragraph_total; p++)
        ok = append(paras, text_object(shz_doc_paragraphs[p]));
    if (ok) {
        ok = cJSON_AddItemToObjectCS(doc, "paragraphs", paras);
        paras = NULL;
        ok = ok && add(doc, "attachment", text_object(shz_doc_fields[SHZ_DOC_ATTACHMENT])) &&
             add_string(doc, "translation_note",
                        shz_doc_fields[SHZ_DOC_TRANSLATION_NOTE][SHZ_LANG_EN]);
    }
    cJSON_Delete(paras);
    if (!ok) {
        cJSON_Delete(doc);
        return NULL;
    }
    return doc;
}

static cJSON *catalogue_object(void)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *cats = cJSON_CreateArray();
    cJSON *measures = cJSON_CreateArray();
    int ok = root && cats && measures && add(root, "schema", cJSON_CreateNumber(shz_data_schema)) &&
             add(root, "edition", cJSON_CreateStringReference(shz_data_edition)) &&
             add(root, "document", document_object());
    for (size_t c = 0; ok && c < shz_category_total; c++)
        ok = append(cats, category_object(&shz_categories[c]));
    for (size_t m = 0; ok && m < shz_measure_total; m++)
        ok = append(measures, measure_object(&shz_measures[m]));
    if (ok) {
        ok = cJSON_AddItemToObjectCS(root, "categories", cats);
        cats = NULL;
        ok = ok && cJSON_AddItemToObjectCS(root, "measures", measures);
        measures = NULL;
    }
    cJSON_Delete(cats);
    cJSON_Delete(measures);
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* Length of text once every non-ASCII code point is written as \uXXXX (pairs above U+FFFF). */
static size_t ascii_escaped_length(const char *text, size_t len)
{
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = shz_utf8_decode((const unsigned char *)text + i, len - i, &cp);
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
    char *out = malloc(total + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = shz_utf8_decode((const unsigned char *)text + i, len - i, &cp);
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

/* Prints tree (consuming it) into a caller-owned buffer. */
static shz_status print_tree(cJSON *tree, unsigned flags, char **json, size_t *len)
{
    if (!tree)
        return SHZ_ERR_NO_MEMORY;
    char *printed = (flags & SHZ_JSON_PRETTY) ? cJSON_Print(tree) : cJSON_PrintUnformatted(tree);
    cJSON_Delete(tree);
    if (!printed)
        return SHZ_ERR_NO_MEMORY;
    size_t n = strlen(printed);
    char *out;
    if (flags & SHZ_JSON_ASCII) {
        out = ascii_escape(printed, n, &n);
    } else {
        out = malloc(n + 1);
        if (out)
            memcpy(out, printed, n + 1);
    }
    cJSON_free(printed);
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
    return print_tree(catalogue_object(), flags, json, len);
}

shz_status shz_json_category(const shz_category *category, unsigned flags, char **json, size_t *len)
{
    if (!category || !json || !flags_valid(flags))
        return SHZ_ERR_INVALID_ARG;
    return print_tree(category_object(category), flags, json, len);
}

shz_status shz_json_measure(const shz_measure *measure, unsigned flags, char **json, size_t *len)
{
    if (!measure || !json || !flags_valid(flags))
        return SHZ_ERR_INVALID_ARG;
    return print_tree(measure_object(measure), flags, json, len);
}
