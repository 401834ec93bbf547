/*
 * The layout of the JSON export, checked against a catalogue whose texts hold
 * everything a printer can get wrong (make_tricky.py): quotes, backslashes,
 * tabs, newlines and control characters, and brackets, braces, commas and
 * colons inside strings. Compact output is one line; pretty output is the
 * layout of Python's json.dumps(indent=2) and jq: two spaces a level, one
 * member or element a line, ": " after keys, [] and {} when empty.
 */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenzhen.h"

/* What make_tricky.py puts into the texts, and how JSON writes it. */
#define TRICKY "a \"quoted\" {x: [1, 2]}, back\\slash\\\\ tab\there\nnew line\r\x01\x1f end\\"
#define TRICKY_JSON                                                                                \
    "a \\\"quoted\\\" {x: [1, 2]}, back\\\\slash\\\\\\\\ tab\\there\\nnew line\\r\\u0001\\u001f "  \
    "end\\\\"

static const unsigned all_flags[] = {SHZ_JSON_COMPACT, SHZ_JSON_PRETTY, SHZ_JSON_ASCII,
                                     SHZ_JSON_PRETTY | SHZ_JSON_ASCII};

static char *export_measure(int64_t id, unsigned flags)
{
    const shz_measure *m = NULL;
    char *json = NULL;
    cr_assert_eq(shz_measure_get(id, &m), SHZ_OK);
    cr_assert_eq(shz_json_measure(m, flags, &json, NULL), SHZ_OK);
    return json;
}

/* The text without the whitespace outside strings. */
static char *squeeze(const char *json)
{
    char *out = malloc(strlen(json) + 1);
    size_t o = 0;
    int in_string = 0, escaped = 0;
    cr_assert_not_null(out);
    for (const char *p = json; *p; p++) {
        if (!in_string && (*p == ' ' || *p == '\n'))
            continue;
        out[o++] = *p;
        if (escaped)
            escaped = 0;
        else if (in_string && *p == '\\')
            escaped = 1;
        else if (*p == '"')
            in_string = !in_string;
    }
    out[o] = '\0';
    return out;
}

/* Pretty output: only spaces and newlines as layout, no raw control character but the newline,
 * every line indented by an even number of spaces and none ending in a space. */
static void check_pretty_lines(const char *json)
{
    const char *line = json;
    for (const char *p = json;; p++) {
        cr_assert(*p == '\n' || *p == '\0' || (unsigned char)*p >= 0x20,
                  "raw control character %#x at byte %zu", (unsigned)*p, (size_t)(p - json));
        if (*p != '\n' && *p != '\0')
            continue;
        size_t indent = strspn(line, " ");
        cr_assert_eq(indent % 2, 0, "odd indentation: %.40s", line);
        cr_assert(p > line && p[-1] != ' ', "empty line or trailing space: %.40s", line);
        if (*p == '\0')
            break;
        line = p + 1;
    }
}

Test(json_layout, tricky_strings_round_trip_in_every_variant)
{
    for (size_t f = 0; f < sizeof all_flags / sizeof *all_flags; f++) {
        char *json = export_measure(1, all_flags[f]);
        cJSON *tree = cJSON_Parse(json);
        cr_assert_not_null(tree, "flags %u: does not parse", all_flags[f]);
        cr_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(tree, "title"), "en")->valuestring,
                         TRICKY);
        cJSON *keywords = cJSON_GetObjectItem(tree, "keywords");
        cr_assert_eq(cJSON_GetArraySize(keywords), 9);
        cr_assert_str_eq(cJSON_GetArrayItem(keywords, 6)->valuestring, ":");
        cr_assert_str_eq(cJSON_GetArrayItem(keywords, 8)->valuestring, "\\");
        cJSON_Delete(tree);
        shz_free(json);
    }
}

Test(json_layout, pretty_is_compact_plus_layout)
{
    char *compact = NULL, *pretty = NULL;
    for (int ascii = 0; ascii < 2; ascii++) {
        unsigned extra = ascii ? SHZ_JSON_ASCII : 0;
        cr_assert_eq(shz_json_catalogue(SHZ_JSON_COMPACT | extra, &compact, NULL), SHZ_OK);
        cr_assert_eq(shz_json_catalogue(SHZ_JSON_PRETTY | extra, &pretty, NULL), SHZ_OK);
        cr_assert_null(strchr(compact, '\n'), "compact is one line");
        cr_assert_null(strchr(pretty, '\t'), "no tab: tabs in strings are escaped");
        check_pretty_lines(pretty);
        char *squeezed = squeeze(pretty);
        cr_assert_str_eq(squeezed, compact, "pretty differs from compact in more than layout");
        cr_assert_not_null(strstr(compact, TRICKY_JSON), "escaped as JSON requires");
        free(squeezed);
        shz_free(compact);
        shz_free(pretty);
    }
}

Test(json_layout, pretty_category_exactly)
{
    const shz_category *c = shz_category_at(0);
    const char *hans = NULL, *hant = NULL;
    cr_assert_eq(shz_category_title(c, SHZ_LANG_ZH_HANS, &hans, NULL), SHZ_OK);
    cr_assert_eq(shz_category_title(c, SHZ_LANG_ZH_HANT, &hant, NULL), SHZ_OK);
    char expected[2048];
    int n = snprintf(expected, sizeof expected,
                     "{\n"
                     "  \"id\": 1,\n"
                     "  \"title\": {\n"
                     "    \"zh-Hans\": \"%s\",\n"
                     "    \"zh-Hant\": \"%s\",\n"
                     "    \"en\": \"" TRICKY_JSON "\"\n"
                     "  },\n"
                     "  \"measures\": [\n",
                     hans, hant);
    for (size_t i = 0; i < shz_category_measure_count(c); i++)
        n += snprintf(expected + n, sizeof expected - (size_t)n, "    %lld%s\n",
                      (long long)shz_measure_id(shz_category_measure_at(c, i)),
                      i + 1 < shz_category_measure_count(c) ? "," : "");
    snprintf(expected + n, sizeof expected - (size_t)n, "  ]\n}");
    char *json = NULL;
    size_t len = 0;
    cr_assert_eq(shz_json_category(c, SHZ_JSON_PRETTY, &json, &len), SHZ_OK);
    cr_assert_str_eq(json, expected);
    cr_assert_eq(len, strlen(expected));
    shz_free(json);
}

Test(json_layout, pretty_lists_one_element_a_line_and_empty_ones_inline)
{
    char *json = export_measure(1, SHZ_JSON_PRETTY);
    cr_assert_not_null(strstr(json, "\n  \"keywords\": [\n    \"" TRICKY_JSON "\",\n    \"[\",\n"
                                    "    \"]\",\n    \"{\",\n    \"}\",\n    \",\",\n    \":\",\n"
                                    "    \"\\\"\",\n    \"\\\\\"\n  ],\n"),
                       "%s", json);
    shz_free(json);
    json = export_measure(2, SHZ_JSON_PRETTY);
    cr_assert_not_null(
        strstr(json, "\n  \"cites\": [],\n  \"aliases\": [],\n  \"topics\": [\n    {\n"), "%s",
        json);
    const char *head = "{\n  \"id\": 2,\n  \"category\": 1,\n  \"title\": {\n    \"zh-Hans\": \"";
    cr_assert_eq(strncmp(json, head, strlen(head)), 0, "%s", json);
    shz_free(json);
}
