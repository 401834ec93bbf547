/*
 * JSON export: every variant parses, and the export read back equals
 * data/catalogue.json itself (plus the derived category member lists), so an
 * export loses nothing.
 */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"
#include "test_support.h"

static cJSON *read_catalogue_file(void)
{
    FILE *f = fopen(SHZ_CATALOGUE_PATH, "rb");
    cr_assert_not_null(f, "cannot open %s", SHZ_CATALOGUE_PATH);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    cr_assert_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    text[size] = '\0';
    cJSON *tree = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(tree);
    return tree;
}

static cJSON *export_catalogue(unsigned flags, size_t *len_out)
{
    char *json = NULL;
    size_t len = 0;
    cr_assert_eq(shz_json_catalogue(flags, &json, &len), SHZ_OK);
    cr_assert_eq(strlen(json), len);
    cJSON *tree = cJSON_Parse(json);
    cr_assert_not_null(tree, "flags %u: export does not parse", flags);
    if (flags & SHZ_JSON_ASCII)
        for (size_t i = 0; i < len; i++)
            cr_assert_lt((unsigned char)json[i], 0x80, "byte %zu is not ASCII", i);
    else
        cr_assert(test_utf8_valid(json));
    if (len_out)
        *len_out = len;
    shz_free(json);
    return tree;
}

Test(json, export_read_back_equals_the_source_data)
{
    cJSON *exported = export_catalogue(SHZ_JSON_COMPACT, NULL);
    cJSON *source = read_catalogue_file();
    /* The export adds each category's member ids; check them, then compare the rest. */
    cJSON *cat;
    cJSON_ArrayForEach(cat, cJSON_GetObjectItem(exported, "categories"))
    {
        cJSON *ids = cJSON_DetachItemFromObject(cat, "measures");
        int64_t cat_id = (int64_t)cJSON_GetObjectItem(cat, "id")->valuedouble;
        const shz_category *c = NULL;
        cr_assert_eq(shz_category_get(cat_id, &c), SHZ_OK);
        cr_assert_eq((size_t)cJSON_GetArraySize(ids), shz_category_measure_count(c));
        for (int i = 0; i < cJSON_GetArraySize(ids); i++)
            cr_assert_eq((int64_t)cJSON_GetArrayItem(ids, i)->valuedouble,
                         shz_measure_id(shz_category_measure_at(c, (size_t)i)));
        cJSON_Delete(ids);
    }
    /* Each topic's member ids, and each measure's end of its links, are additions too. */
    cJSON *topic;
    cJSON_ArrayForEach(topic, cJSON_GetObjectItem(exported, "topics"))
    {
        cJSON *ids = cJSON_DetachItemFromObject(topic, "measures");
        const shz_topic *t = NULL;
        cr_assert_eq(shz_topic_get((int64_t)cJSON_GetObjectItem(topic, "id")->valuedouble, &t),
                     SHZ_OK);
        cr_assert_eq((size_t)cJSON_GetArraySize(ids), shz_topic_measure_count(t));
        for (int i = 0; i < cJSON_GetArraySize(ids); i++)
            cr_assert_eq((int64_t)cJSON_GetArrayItem(ids, i)->valuedouble,
                         shz_measure_id(shz_topic_measure_at(t, (size_t)i)));
        cJSON_Delete(ids);
    }
    cJSON *measure;
    cJSON_ArrayForEach(measure, cJSON_GetObjectItem(exported, "measures"))
    {
        cJSON *related = cJSON_DetachItemFromObject(measure, "related");
        const shz_measure *m = NULL;
        cr_assert_eq(shz_measure_get((int64_t)cJSON_GetObjectItem(measure, "id")->valuedouble, &m),
                     SHZ_OK);
        cr_assert_eq((size_t)cJSON_GetArraySize(related), shz_measure_related_count(m));
        for (int i = 0; i < cJSON_GetArraySize(related); i++) {
            cJSON *link = cJSON_GetArrayItem(related, i);
            const char *reason = NULL;
            cr_assert_eq((int64_t)cJSON_GetObjectItem(link, "id")->valuedouble,
                         shz_measure_id(shz_measure_related(m, (size_t)i)));
            cr_assert_eq((int)cJSON_GetObjectItem(link, "grade")->valuedouble,
                         shz_measure_related_grade(m, (size_t)i));
            cr_assert_eq(shz_measure_related_reason(m, (size_t)i, SHZ_LANG_EN, &reason, NULL),
                         SHZ_OK);
            cr_assert_str_eq(
                cJSON_GetObjectItem(cJSON_GetObjectItem(link, "reason"), "en")->valuestring,
                reason);
        }
        cJSON_Delete(related);
    }
    cr_assert(cJSON_Compare(exported, source, 1), "export differs from data/catalogue.json");
    cJSON_Delete(exported);
    cJSON_Delete(source);
}

Test(json, pretty_and_ascii_variants_hold_the_same_tree)
{
    size_t compact_len = 0, pretty_len = 0;
    cJSON *compact = export_catalogue(SHZ_JSON_COMPACT, &compact_len);
    cJSON *pretty = export_catalogue(SHZ_JSON_PRETTY, &pretty_len);
    cJSON *ascii = export_catalogue(SHZ_JSON_ASCII, NULL);
    cJSON *both = export_catalogue(SHZ_JSON_PRETTY | SHZ_JSON_ASCII, NULL);
    cr_assert_gt(pretty_len, compact_len);
    cr_assert(cJSON_Compare(compact, pretty, 1));
    cr_assert(cJSON_Compare(compact, ascii, 1), "\\u escapes must decode to the same text");
    cr_assert(cJSON_Compare(compact, both, 1));
    cJSON_Delete(compact);
    cJSON_Delete(pretty);
    cJSON_Delete(ascii);
    cJSON_Delete(both);
}

Test(json, one_measure_or_category_equals_its_entry_in_the_catalogue)
{
    cJSON *all = export_catalogue(SHZ_JSON_COMPACT, NULL);
    for (size_t i = 0; i < shz_measure_count(); i++) {
        char *json = NULL;
        cr_assert_eq(shz_json_measure(shz_measure_at(i), SHZ_JSON_PRETTY, &json, NULL), SHZ_OK);
        cJSON *one = cJSON_Parse(json);
        shz_free(json);
        cr_assert(
            cJSON_Compare(one, cJSON_GetArrayItem(cJSON_GetObjectItem(all, "measures"), (int)i), 1),
            "measure %zu", i + 1);
        cJSON_Delete(one);
    }
    for (size_t c = 0; c < shz_category_count(); c++) {
        char *json = NULL;
        cr_assert_eq(shz_json_category(shz_category_at(c), SHZ_JSON_COMPACT, &json, NULL), SHZ_OK);
        cJSON *one = cJSON_Parse(json);
        shz_free(json);
        cr_assert(cJSON_Compare(
            one, cJSON_GetArrayItem(cJSON_GetObjectItem(all, "categories"), (int)c), 1));
        cJSON_Delete(one);
    }
    cJSON_Delete(all);
}

Test(json, the_shape_documented_in_the_readme)
{
    cJSON *all = export_catalogue(SHZ_JSON_COMPACT, NULL);
    const cJSON *doc = cJSON_GetObjectItem(all, "document");
    cr_assert_str_eq(cJSON_GetObjectItem(doc, "number")->valuestring, "发改地区〔2021〕1072号");
    const cJSON *m1 = cJSON_GetArrayItem(cJSON_GetObjectItem(all, "measures"), 0);
    cr_assert_eq(cJSON_GetObjectItem(m1, "id")->valuedouble, 1);
    cr_assert_eq(cJSON_GetObjectItem(m1, "category")->valuedouble, 1);
    const cJSON *title = cJSON_GetObjectItem(m1, "title");
    cr_assert(cJSON_IsString(cJSON_GetObjectItem(title, "zh-Hans")));
    cr_assert(cJSON_IsString(cJSON_GetObjectItem(title, "zh-Hant")));
    cr_assert(cJSON_IsString(cJSON_GetObjectItem(title, "en")));
    cr_assert_null(cJSON_GetObjectItem(cJSON_GetObjectItem(m1, "summary"), "zh-Hans"),
                   "absent languages are absent, not empty");
    cr_assert_eq(cJSON_GetObjectItem(all, "schema")->valuedouble, SHZ_EXPECTED_SCHEMA);
    cr_assert(cJSON_IsString(cJSON_GetObjectItem(cJSON_GetObjectItem(m1, "body"), "en")));
    cr_assert(cJSON_IsString(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "paragraphs"), 0), "en")));
    cr_assert(cJSON_IsArray(cJSON_GetObjectItem(m1, "keywords")));
    cr_assert(cJSON_IsArray(cJSON_GetObjectItem(m1, "cites")));
    const cJSON *aliases = cJSON_GetObjectItem(m1, "aliases");
    cr_assert(cJSON_IsArray(aliases));
    cr_assert_eq((size_t)cJSON_GetArraySize(aliases), shz_measure_alias_count(shz_measure_at(0)));
    for (int a = 0; a < cJSON_GetArraySize(aliases); a++) {
        const char *alias = NULL;
        cr_assert_eq(shz_measure_alias(shz_measure_at(0), (size_t)a, &alias, NULL), SHZ_OK);
        const cJSON *row = cJSON_GetArrayItem(aliases, a);
        cr_assert_str_eq(cJSON_GetObjectItem(row, "text")->valuestring, alias);
        shz_alias_kind kind;
        cr_assert_eq(shz_measure_alias_kind(shz_measure_at(0), (size_t)a, &kind), SHZ_OK);
        cr_assert_str_eq(cJSON_GetObjectItem(row, "kind")->valuestring, shz_alias_kind_name(kind));
    }
    /* Topics: the vocabulary at the top, each measure's tags with their reasons. */
    const cJSON *topics = cJSON_GetObjectItem(all, "topics");
    cr_assert_eq((size_t)cJSON_GetArraySize(topics), shz_topic_count());
    cr_assert(cJSON_IsString(cJSON_GetObjectItem(cJSON_GetArrayItem(topics, 0), "key")));
    const cJSON *tags = cJSON_GetObjectItem(m1, "topics");
    cr_assert_eq((size_t)cJSON_GetArraySize(tags), shz_measure_topic_count(shz_measure_at(0)));
    cr_assert_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(tags, 0), "topic")->valuedouble,
                 (double)shz_topic_id(shz_measure_topic_at(shz_measure_at(0), 0)));
    cr_assert(cJSON_IsString(cJSON_GetObjectItem(
        cJSON_GetObjectItem(cJSON_GetArrayItem(tags, 0), "reason"), "zh-Hans")));
    /* Provenance: the title as published and where. */
    cr_assert_str_eq(
        cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "published_title"), "zh-Hans")->valuestring,
        "关于推广借鉴深圳经济特区创新举措和经验做法的通知");
    cr_assert(cJSON_IsString(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "published_in"), "en")));
    cJSON_Delete(all);
}

Test(json, bad_arguments)
{
    char *json = (char *)"untouched";
    cr_assert_eq(shz_json_catalogue(0, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_json_catalogue(4, &json, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_json_catalogue(~0u, &json, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_json_measure(NULL, 0, &json, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_json_measure(shz_measure_at(0), 0, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_json_measure(shz_measure_at(0), 8, &json, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_json_category(NULL, 0, &json, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_eq(shz_json_category(shz_category_at(0), 0, NULL, NULL), SHZ_ERR_INVALID_ARG);
    cr_assert_str_eq(json, "untouched");
}
