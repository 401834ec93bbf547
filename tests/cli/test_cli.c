/*
 * Tests of the `shenzhen` command. Each test runs the built executable
 * (SHZ_CLI_PATH) with fork/exec, its stdout on a pipe (or closed, or a broken
 * pipe, or /dev/full, or a pseudo-terminal) and its stderr on a pipe, and checks
 * what it printed and its exit status against the library's own answers.
 *
 * Exit statuses promised: 0 success; 1 not found (a well-formed id or category
 * that does not exist: 0, 48, -1; a search without hits); 2 bad usage
 * (unknown command or option, missing, non-numeric or out-of-int64 id, bad
 * --limit, bad --lang, bad query); 3 output failed (closed stdout, EPIPE).
 */
#define _GNU_SOURCE

#include <criterion/criterion.h>

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "shenzhen.h"

#include "../common/unicode_helpers.h"
#include "../core/test_support.h"
#include "cli_run.h"

#ifndef SHZ_CLI_PATH
#error "SHZ_CLI_PATH must name the built shenzhen command"
#endif

/* ---- checking output ----------------------------------------------------- */

/* Display width of the @p len bytes at @p s (valid UTF-8), skipping ANSI CSI sequences. */
static size_t test_width(const char *s, size_t len)
{
    size_t width = 0;
    const unsigned char *u = (const unsigned char *)s, *end = u + len;
    while (u < end) {
        if (u[0] == 0x1B && u + 1 < end && u[1] == '[') {
            u += 2;
            while (u < end && !(*u >= 0x40 && *u <= 0x7E))
                u++;
            u++;
            continue;
        }
        /* widths by Python's Unicode data, apart from the command's (utf8proc's) */
        uint32_t cp;
        size_t n = uh_decode((const char *)u, (size_t)(end - u), &cp);
        cr_assert_gt(n, 0, "invalid UTF-8 in output");
        width += (size_t)uh_char_width(cp);
        u += n;
    }
    return width;
}

static size_t count_lines(const char *text)
{
    return test_count(text, "\n");
}

/* Line @p n (0-based) of @p text, copied into @p buf. */
static const char *line_at(const char *text, size_t n, char *buf, size_t cap)
{
    for (; n > 0 && text != NULL; n--) {
        text = strchr(text, '\n');
        text = text ? text + 1 : NULL;
    }
    cr_assert_not_null(text);
    size_t len = strcspn(text, "\n");
    cr_assert_lt(len, cap);
    memcpy(buf, text, len);
    buf[len] = '\0';
    return buf;
}

/* Every line of @p text is at most @p cols columns wide. */
static void assert_lines_fit(const char *text, size_t cols, const char *what)
{
    for (const char *line = text; *line;) {
        size_t len = strcspn(line, "\n");
        cr_assert_leq(test_width(line, len), cols, "%s: line wider than %zu: %.*s", what, cols,
                      (int)len, line);
        line += len + (line[len] == '\n');
    }
}

/* @p text with every space and newline removed, for comparing wrapped text. */
static char *squeeze(const char *text, size_t len)
{
    char *out = malloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] != ' ' && text[i] != '\n')
            out[n++] = text[i];
    out[n] = '\0';
    return out;
}

/* The wrapped output contains @p text (spaces and line breaks aside). */
static void assert_contains_wrapped(const char *out, const char *text, size_t len, const char *what)
{
    char *hay = squeeze(out, strlen(out)), *needle = squeeze(text, len);
    cr_assert_not_null(strstr(hay, needle), "%s: missing \"%s\"", what, needle);
    free(hay);
    free(needle);
}

static const char *text_of(const shz_measure *m, shz_field field, shz_lang lang, size_t *len)
{
    const char *text = NULL;
    cr_assert_eq(shz_measure_text(m, field, lang, &text, len), SHZ_OK);
    return text;
}

/* The first keyword of measure @p id: a query that finds it. */
static const char *keyword_of(int64_t id)
{
    const shz_measure *m;
    const char *kw;
    cr_assert_eq(shz_measure_get(id, &m), SHZ_OK);
    cr_assert_eq(shz_measure_keyword(m, 0, &kw, NULL), SHZ_OK);
    return kw;
}

/* ---- help and version ---------------------------------------------------- */

Test(cli, help_lists_every_command)
{
    const char *flags[] = {"--help", "-h"};
    for (size_t i = 0; i < 2; i++) {
        run r = RUN(flags[i]);
        assert_ok(&r, flags[i]);
        const char *words[] = {"list",    "show",       "categories", "json",    "search",
                               "--lang",  "--category", "--pretty",   "--ascii", "--json",
                               "--limit", "--version",  "Exit status"};
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            cr_expect_not_null(strstr(r.out, words[w]), "%s lacks %s", flags[i], words[w]);
        run_free(&r);
    }
    run r = RUN("show", "1", "--help");
    assert_ok(&r, "show 1 --help");
    cr_expect_not_null(strstr(r.out, "Usage:"));
    run_free(&r);
}

Test(cli, version_names_library_and_data)
{
    run r = RUN("--version");
    assert_ok(&r, "--version");
    char errata[32];
    snprintf(errata, sizeof errata, "%zu", shz_errata_count());
    cr_expect_not_null(strstr(r.out, shz_version()));
    cr_expect_not_null(strstr(r.out, shz_data_version()));
    cr_expect_not_null(strstr(r.out, shz_data_sha256()));
    cr_expect_not_null(strstr(r.out, errata));
    cr_expect_eq(count_lines(r.out), 4);
    run_free(&r);
}

/* ---- list ---------------------------------------------------------------- */

/* Checks line @p line of a list: id, category, and (wide terminal) the full title. */
static void check_list_line(const char *out, size_t line, const shz_measure *m, shz_lang lang)
{
    char buf[4096];
    line_at(out, line, buf, sizeof buf);
    int64_t id, cat;
    int consumed;
    cr_assert_eq(sscanf(buf, "%" SCNd64 " %" SCNd64 " %n", &id, &cat, &consumed), 2, "%s", buf);
    cr_expect_eq(id, shz_measure_id(m));
    cr_expect_eq(cat, shz_category_id(shz_measure_category(m)));
    size_t len;
    const char *title = text_of(m, SHZ_FIELD_TITLE, lang, &len);
    cr_expect_str_eq(buf + consumed, title);
    /* the title column starts at the same display column on every line */
    cr_expect_eq(test_width(buf, (size_t)consumed), 2 + 2 + 1 + 2, "%s", buf);
}

Test(cli, list_all_measures)
{
    const char *langs[] = {"zh-Hans", "zh-Hant", "en"};
    for (shz_lang lang = 0; lang < 3; lang++) {
        run r = RUN_ENV(ENV("COLUMNS=1000"), "list", "--lang", langs[lang]);
        assert_ok(&r, "list");
        cr_assert_eq(count_lines(r.out), shz_measure_count());
        for (size_t i = 0; i < shz_measure_count(); i++)
            check_list_line(r.out, i, shz_measure_at(i), lang);
        run_free(&r);
    }
}

Test(cli, list_default_is_zh_hans_and_options_go_anywhere)
{
    run a = RUN("list"), b = RUN("--lang", "zh-Hans", "list"), c = RUN("list", "--lang=ZH-HANS");
    assert_ok(&a, "list");
    cr_expect_str_eq(a.out, b.out);
    cr_expect_str_eq(a.out, c.out);
    run_free(&a);
    run_free(&b);
    run_free(&c);
}

Test(cli, list_by_category)
{
    for (size_t i = 0; i < shz_category_count(); i++) {
        const shz_category *cat = shz_category_at(i);
        char id[24];
        snprintf(id, sizeof id, "%" PRId64, shz_category_id(cat));
        run r = RUN_ENV(ENV("COLUMNS=1000"), "list", "--category", id);
        assert_ok(&r, "list --category");
        cr_assert_eq(count_lines(r.out), shz_category_measure_count(cat));
        for (size_t k = 0; k < shz_category_measure_count(cat); k++)
            check_list_line(r.out, k, shz_category_measure_at(cat, k), SHZ_LANG_ZH_HANS);
        run_free(&r);
    }
}

/* On a terminal (60 columns) titles are cut to the line with "…". */
Test(cli, list_fits_narrow_terminal)
{
    run r = run_argv(NULL, OUT_PTY, ARGS("list", "--lang", "en"));
    assert_ok(&r, "list");
    cr_expect_eq(count_lines(r.out), shz_measure_count(), "one line per measure");
    assert_lines_fit(r.out, 60, "list --lang en");
    cr_expect_gt(test_count(r.out, "\xE2\x80\xA6"), 0, "no title was cut on 60 columns");
    run_free(&r);
    r = run_argv(NULL, OUT_PTY, ARGS("list"));
    assert_lines_fit(r.out, 60, "list");
    run_free(&r);
}

/* On a pipe every title is whole, whatever COLUMNS says: `list | grep` sees them all. */
Test(cli, list_on_a_pipe_is_never_cut)
{
    const char *langs[] = {"zh-Hans", "zh-Hant", "en"};
    for (shz_lang lang = 0; lang < 3; lang++) {
        run r = RUN_ENV(ENV("COLUMNS=20"), "list", "--lang", langs[lang]);
        assert_ok(&r, langs[lang]);
        for (size_t i = 0; i < shz_measure_count(); i++)
            check_list_line(r.out, i, shz_measure_at(i), lang);
        run_free(&r);
    }
    run r = RUN_ENV(ENV("COLUMNS=20"), "categories", "--lang", "en");
    for (size_t i = 0; i < shz_category_count(); i++) {
        const char *title;
        size_t len;
        cr_assert_eq(shz_category_title(shz_category_at(i), SHZ_LANG_EN, &title, &len), SHZ_OK);
        cr_expect_not_null(strstr(r.out, title), "categories on a pipe cut \"%s\"", title);
    }
    run_free(&r);
}

/* ---- categories ---------------------------------------------------------- */

Test(cli, categories_count_and_align)
{
    run r = RUN("categories");
    assert_ok(&r, "categories");
    cr_assert_eq(count_lines(r.out), shz_category_count());
    size_t column = 0;
    for (size_t i = 0; i < shz_category_count(); i++) {
        const shz_category *cat = shz_category_at(i);
        size_t n = shz_category_measure_count(cat);
        char buf[4096], expect[64];
        line_at(r.out, i, buf, sizeof buf);
        cr_expect_eq(strtoll(buf, NULL, 10), shz_category_id(cat));
        snprintf(expect, sizeof expect, "%zu measure", n);
        char *at = strstr(buf, expect);
        cr_assert_not_null(at, "%s", buf);
        size_t col = test_width(buf, (size_t)(at - buf)) - (n < 10);
        cr_expect(i == 0 || col == column, "counts not aligned: %s", buf);
        column = col;
        snprintf(expect, sizeof expect, "%" PRId64 "\xE2\x80\x93%" PRId64,
                 shz_measure_id(shz_category_measure_at(cat, 0)),
                 shz_measure_id(shz_category_measure_at(cat, n - 1)));
        cr_expect_not_null(strstr(buf, expect), "range %s missing: %s", expect, buf);
    }
    run_free(&r);
}

Test(cli, categories_in_every_language_fit)
{
    const char *langs[] = {"zh-Hans", "zh-Hant", "en"};
    for (size_t i = 0; i < 3; i++) {
        run r = run_argv(NULL, OUT_PTY, ARGS("categories", "--lang", langs[i]));
        assert_ok(&r, langs[i]);
        assert_lines_fit(r.out, 60, langs[i]); /* the pty has 60 columns */
        run_free(&r);
    }
}

/* ---- show ---------------------------------------------------------------- */

/* Everything show prints for @p m is in @p out. */
static void check_show(const char *out, const shz_measure *m, shz_lang lang)
{
    size_t len;
    const char *text = text_of(m, SHZ_FIELD_TITLE, lang, &len);
    assert_contains_wrapped(out, text, len, "title");
    /* The body in the language asked for, or, where it has none, the original, so labelled. */
    bool has_body = shz_measure_text(m, SHZ_FIELD_BODY, lang, &text, &len) == SHZ_OK && len > 0;
    if (!has_body)
        text = text_of(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS, &len);
    assert_contains_wrapped(out, text, len, "body");
    cr_expect_not_null(strstr(out, has_body ? "\nBody:" : "\nOriginal:"), "body label");
    text = text_of(m, SHZ_FIELD_SUMMARY, SHZ_LANG_EN, &len);
    assert_contains_wrapped(out, text, len, "summary");
    text = text_of(m, SHZ_FIELD_PINYIN, lang, &len);
    assert_contains_wrapped(out, text, len, "pinyin");
    const char *cat_title;
    cr_assert_eq(shz_category_title(shz_measure_category(m), lang, &cat_title, &len), SHZ_OK);
    assert_contains_wrapped(out, cat_title, len, "category");
    for (size_t i = 0; i < shz_measure_keyword_count(m); i++) {
        cr_assert_eq(shz_measure_keyword(m, i, &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "keyword");
    }
    for (size_t i = 0; i < shz_measure_cite_count(m); i++) {
        cr_assert_eq(shz_measure_cite(m, i, &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "cite");
    }
    for (size_t i = 0; i < shz_measure_alias_count(m); i++) {
        cr_assert_eq(shz_measure_alias(m, i, &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "alias");
    }
    cr_expect_eq(strstr(out, "\nAliases:") != NULL, shz_measure_alias_count(m) > 0, "aliases line");
}

/* No continuation line starts with closing punctuation. */
static void assert_no_bad_line_start(const char *out, const char *what)
{
    static const char *closing[] = {"，", "。", "、", "；", "：", "”", "）", "》", "！", "？"};
    for (const char *line = out; *line; line += strcspn(line, "\n") + 1) {
        if (line[0] != ' ')
            continue;
        const char *text = line + strspn(line, " ");
        for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
            cr_expect_neq(strncmp(text, closing[i], strlen(closing[i])), 0,
                          "%s: line starts with %s: %.40s", what, closing[i], text);
        if (line[strcspn(line, "\n")] == '\0')
            break;
    }
}

Test(cli, show_every_measure_in_every_language)
{
    const char *langs[] = {"zh-Hans", "zh-Hant", "en"};
    for (size_t i = 0; i < shz_measure_count(); i++) {
        const shz_measure *m = shz_measure_at(i);
        char id[24];
        snprintf(id, sizeof id, "%" PRId64, shz_measure_id(m));
        for (shz_lang lang = 0; lang < 3; lang++) {
            run r = RUN_ENV(ENV("COLUMNS=60"), "show", id, "--lang", langs[lang]);
            assert_ok(&r, "show");
            check_show(r.out, m, lang);
            assert_lines_fit(r.out, 60, "show");
            assert_no_bad_line_start(r.out, "show");
            run_free(&r);
        }
    }
}

Test(cli, show_wraps_to_columns)
{
    const char *widths[] = {"COLUMNS=40", "COLUMNS=80", "COLUMNS=123"};
    const size_t cols[] = {40, 80, 123};
    for (size_t w = 0; w < 3; w++) {
        for (int64_t id = 1; id <= (int64_t)shz_measure_count(); id += 5) {
            char arg[24];
            snprintf(arg, sizeof arg, "%" PRId64, id);
            run r = RUN_ENV(ENV(widths[w]), "show", arg);
            assert_ok(&r, widths[w]);
            assert_lines_fit(r.out, cols[w], widths[w]);
            assert_no_bad_line_start(r.out, widths[w]);
            run_free(&r);
        }
    }
}

Test(cli, show_accepts_options_before_and_double_dash)
{
    run a = RUN("show", "3", "--lang", "en"), b = RUN("--lang", "en", "show", "3"),
        c = RUN("show", "--lang=en", "--", "3"), d = RUN("show", "003", "--lang", "en");
    assert_ok(&a, "show 3 --lang en");
    cr_expect_str_eq(a.out, b.out);
    cr_expect_str_eq(a.out, c.out);
    cr_expect_str_eq(a.out, d.out);
    run_free(&a);
    run_free(&b);
    run_free(&c);
    run_free(&d);
}

/* ---- json ---------------------------------------------------------------- */

/* `shenzhen json ARGS` prints exactly what the library exports, plus a newline. */
static void check_json(const char *const *args, const shz_measure *m, unsigned flags)
{
    char *want;
    size_t len;
    if (m == NULL)
        cr_assert_eq(shz_json_catalogue(flags, &want, &len), SHZ_OK);
    else
        cr_assert_eq(shz_json_measure(m, flags, &want, &len), SHZ_OK);
    run r = run_argv(NULL, OUT_PIPE, args);
    assert_ok(&r, "json");
    cr_assert_geq(r.out_len, len);
    cr_expect_eq(memcmp(r.out, want, len), 0);
    cr_expect_str_eq(r.out + len, want[len - 1] == '\n' ? "" : "\n");
    cJSON *parsed = cJSON_Parse(r.out);
    cr_expect_not_null(parsed, "json output does not parse");
    cJSON_Delete(parsed);
    for (size_t i = 0; (flags & SHZ_JSON_ASCII) && i < r.out_len; i++)
        if ((unsigned char)r.out[i] >= 0x80)
            cr_assert_fail("--ascii output has byte 0x%02X at %zu", (unsigned char)r.out[i], i);
    shz_free(want);
    run_free(&r);
}

Test(cli, json_catalogue_and_measure)
{
    check_json(ARGS("json"), NULL, 0);
    check_json(ARGS("json", "--pretty"), NULL, SHZ_JSON_PRETTY);
    check_json(ARGS("--ascii", "json"), NULL, SHZ_JSON_ASCII);
    check_json(ARGS("json", "--ascii", "--pretty"), NULL, SHZ_JSON_ASCII | SHZ_JSON_PRETTY);
    check_json(ARGS("json", "1"), shz_measure_at(0), 0);
    check_json(ARGS("json", "--pretty", "47"), shz_measure_at(46), SHZ_JSON_PRETTY);
    check_json(ARGS("json", "12", "--ascii"), shz_measure_at(11), SHZ_JSON_ASCII);
}

/* ---- search -------------------------------------------------------------- */

/* The library's own hits for @p query with @p limit (0: none). */
static shz_results *expected_hits(const char *query, shz_lang lang, size_t limit)
{
    shz_search_options opts;
    shz_search_options_init(&opts);
    opts.lang = lang;
    opts.limit = limit;
    shz_results *res = NULL;
    cr_assert_eq(shz_search(query, strlen(query), &opts, &res), SHZ_OK);
    return res;
}

Test(cli, search_prints_ranked_hits)
{
    const char *query = keyword_of(1);
    shz_results *want = expected_hits(query, SHZ_LANG_ZH_HANS, 0);
    cr_assert_gt(shz_results_count(want), 0);
    run r = RUN_ENV(ENV("COLUMNS=1000"), "search", query);
    assert_ok(&r, "search");
    cr_expect_eq(test_count(r.out, "\x1B["), 0, "colour on a pipe");
    size_t hit = 0, title_column = 0;
    for (const char *line = r.out; *line; line += strcspn(line, "\n") + 1) {
        if (line[0] == ' ' && line[1] == ' ' && line[2] == ' ' && line[3] == ' ')
            continue; /* snippet */
        cr_assert_lt(hit, shz_results_count(want));
        int64_t id;
        char field[16], match[16];
        int consumed;
        /* "ID  FIELD  MATCH  TITLE": no raw score for a person to puzzle over. */
        cr_assert_eq(sscanf(line, "%" SCNd64 " %15s %15s %n", &id, field, match, &consumed), 3,
                     "%.80s", line);
        cr_expect_eq(id, shz_measure_id(shz_results_measure(want, hit)));
        cr_expect_str_eq(field, shz_field_name(shz_results_field(want, hit)));
        unsigned flags = shz_results_match(want, hit);
        char want_match[16];
        snprintf(want_match, sizeof want_match, "%s%s",
                 (flags & SHZ_MATCH_ALL_TERMS) ? "all" : "some",
                 (flags & SHZ_MATCH_TOLERANT) ? "~" : "");
        cr_expect_str_eq(match, want_match, "%.80s", line);
        size_t len;
        const char *title =
            text_of(shz_results_measure(want, hit), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &len);
        cr_expect_eq(strncmp(line + consumed, title, len), 0, "%.80s", line);
        cr_expect(hit == 0 || (size_t)consumed == title_column, "titles not aligned");
        title_column = (size_t)consumed;
        hit++;
    }
    cr_expect_eq(hit, shz_results_count(want));
    shz_results_free(want);
    run_free(&r);
}

Test(cli, search_fits_narrow_terminal_and_traditional)
{
    /* Titles are cut to the width on a terminal only (a pipe gets them whole). */
    run r =
        run_argv(ENV("NO_COLOR=1"), OUT_PTY, ARGS("search", keyword_of(2), "--lang", "zh-Hant"));
    assert_ok(&r, "search --lang zh-Hant");
    assert_lines_fit(r.out, 60, "search"); /* the pty has 60 columns */
    run_free(&r);
}

/* Checks the shape of one hit object against the library's hit @p i. */
static void check_json_hit(const cJSON *hit, const shz_results *want, size_t i)
{
    cr_assert(cJSON_IsObject(hit));
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(hit, "id");
    const cJSON *score = cJSON_GetObjectItemCaseSensitive(hit, "score");
    const cJSON *field = cJSON_GetObjectItemCaseSensitive(hit, "field");
    const cJSON *spans = cJSON_GetObjectItemCaseSensitive(hit, "spans");
    const cJSON *snippet = cJSON_GetObjectItemCaseSensitive(hit, "snippet");
    cr_assert(cJSON_IsNumber(id) && cJSON_IsNumber(score) && cJSON_IsString(field));
    cr_assert(cJSON_IsArray(spans) && cJSON_IsString(snippet));
    cr_expect_eq((int64_t)id->valuedouble, shz_measure_id(shz_results_measure(want, i)));
    cr_expect_eq((int64_t)score->valuedouble, shz_results_score(want, i));
    cr_expect_str_eq(field->valuestring, shz_field_name(shz_results_field(want, i)));
    const char *snip;
    cr_assert_eq(shz_results_snippet(want, i, &snip, NULL), SHZ_OK);
    cr_expect_str_eq(snippet->valuestring, snip);
    cr_assert_eq((size_t)cJSON_GetArraySize(spans), shz_results_span_count(want, i));
    const cJSON *span;
    cJSON_ArrayForEach(span, spans)
    {
        const char *keys[] = {"start", "end", "byte_start", "byte_end"};
        for (size_t k = 0; k < 4; k++)
            cr_expect(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(span, keys[k])), "%s",
                      keys[k]);
        cr_expect(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(span, "field")));
        cr_expect_leq(cJSON_GetObjectItemCaseSensitive(span, "start")->valuedouble,
                      cJSON_GetObjectItemCaseSensitive(span, "end")->valuedouble);
        cr_expect_leq(cJSON_GetObjectItemCaseSensitive(span, "byte_start")->valuedouble,
                      cJSON_GetObjectItemCaseSensitive(span, "byte_end")->valuedouble);
    }
}

/* `search ARGS --json` against the library's hits for @p query. */
static void check_search_json(const char *const *args, const char *query, size_t limit)
{
    shz_results *want = expected_hits(query, SHZ_LANG_ZH_HANS, limit);
    run r = run_argv(NULL, OUT_PIPE, args);
    assert_ok(&r, "search --json");
    cr_expect_eq(count_lines(r.out), 1, "one line of JSON");
    cJSON *root = cJSON_Parse(r.out);
    cr_assert(cJSON_IsObject(root), "not a JSON object: %s", r.out);
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(root, "query");
    const cJSON *hits = cJSON_GetObjectItemCaseSensitive(root, "hits");
    cr_assert(cJSON_IsString(q) && cJSON_IsArray(hits));
    cr_expect_str_eq(q->valuestring, query);
    cr_assert_eq((size_t)cJSON_GetArraySize(hits), shz_results_count(want));
    for (size_t i = 0; i < shz_results_count(want); i++)
        check_json_hit(cJSON_GetArrayItem(hits, (int)i), want, i);
    cJSON_Delete(root);
    shz_results_free(want);
    run_free(&r);
}

Test(cli, search_json_shape)
{
    const char *kw = keyword_of(3);
    check_search_json(ARGS("search", kw, "--json"), kw, 0);
    check_search_json(ARGS("--json", "--limit", "1", "search", kw), kw, 1);
    check_search_json(ARGS("search", "--limit=2", kw, "--json"), kw, 2);
}

/* search --lang en: every hit titled in English, its snippet the English text it matched
 * (these hits match only English text), as the library's English search gives them. */
Test(cli, search_in_english)
{
    const char *query = "bankruptcy";
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.lang = SHZ_LANG_EN;
    shz_results *res = NULL;
    cr_assert_eq(shz_search(query, strlen(query), &o, &res), SHZ_OK);
    cr_assert_gt(shz_results_count(res), 0);
    run r = RUN("search", query, "-l", "en", "--json");
    assert_ok(&r, "search -l en --json");
    cJSON *doc = cJSON_Parse(r.out);
    cJSON *hits = cJSON_GetObjectItemCaseSensitive(doc, "hits");
    cr_assert_eq((size_t)cJSON_GetArraySize(hits), shz_results_count(res));
    for (size_t i = 0; i < shz_results_count(res); i++) {
        cJSON *hit = cJSON_GetArrayItem(hits, (int)i);
        const char *title = NULL, *snippet = NULL;
        cr_assert_eq(shz_measure_text(shz_results_measure(res, i), SHZ_FIELD_TITLE, SHZ_LANG_EN,
                                      &title, NULL),
                     SHZ_OK);
        cr_assert_eq(shz_results_snippet(res, i, &snippet, NULL), SHZ_OK);
        cr_expect_str_eq(cJSON_GetObjectItemCaseSensitive(hit, "title")->valuestring, title);
        cr_expect_str_eq(cJSON_GetObjectItemCaseSensitive(hit, "snippet")->valuestring, snippet);
        cr_expect(strstr(snippet, query) != NULL, "hit %zu: snippet '%s' is not English", i,
                  snippet);
        cJSON *span;
        cJSON_ArrayForEach(span, cJSON_GetObjectItemCaseSensitive(hit, "spans"))
            cr_expect_str_eq(cJSON_GetObjectItemCaseSensitive(span, "lang")->valuestring, "en");
    }
    cJSON_Delete(doc);
    run_free(&r);
    const char *first_title = NULL;
    cr_assert_eq(shz_measure_text(shz_results_measure(res, 0), SHZ_FIELD_TITLE, SHZ_LANG_EN,
                                  &first_title, NULL),
                 SHZ_OK);
    r = RUN("search", query, "--lang", "en");
    assert_ok(&r, "search --lang en");
    cr_expect(strstr(r.out, first_title) != NULL, "no English title in:\n%s", r.out);
    run_free(&r);
    shz_results_free(res);
}

Test(cli, search_joins_terms_with_spaces)
{
    const char *a = keyword_of(1), *b = keyword_of(2);
    char query[256];
    snprintf(query, sizeof query, "%s %s", a, b);
    shz_results *want = expected_hits(query, SHZ_LANG_ZH_HANS, 0);
    run r = RUN("search", a, b, "--json");
    cr_expect_eq(r.status, shz_results_count(want) ? 0 : 1);
    if (r.status == 0)
        check_search_json(ARGS("search", a, b, "--json"), query, 0);
    shz_results_free(want);
    run_free(&r);
}

Test(cli, search_without_hits_is_1)
{
    run r = RUN("search", "xyzzyplugh");
    assert_fails(&r, 1, "search xyzzyplugh");
    run_free(&r);
    /* --json prints its object even then, so that `| jq '.hits|length'` has input. */
    r = RUN("search", "--json", "xyzzyplugh");
    cr_expect_eq(r.status, 1);
    cr_expect_str_eq(r.out, "{\"query\":\"xyzzyplugh\",\"mode\":\"best\",\"terms\":[{\"text\":"
                            "\"xyzzyplugh\",\"measures\":0}],\"hits\":[]}\n");
    cr_expect_str_eq(r.err, "", "the empty hits say it: no message");
    run_free(&r);
}

/* A bad query exits 2 and names the library's status. */
static void check_bad_query(const char *query)
{
    shz_results *res = NULL;
    shz_status st = shz_search(query, strlen(query), NULL, &res);
    cr_assert_neq(st, SHZ_OK, "query unexpectedly valid: %s", query);
    run r = RUN("search", query);
    assert_fails(&r, 2, "bad query");
    cr_expect_not_null(strstr(r.err, shz_errstr(st)), "%s", r.err);
    run_free(&r);
}

Test(cli, search_bad_queries_are_2)
{
    check_bad_query("\"unclosed");
    check_bad_query("\xFF\xFE");
    check_bad_query("");
    check_bad_query("   ");
    char *long_query = malloc(SHZ_QUERY_MAX + 2);
    memset(long_query, 'a', SHZ_QUERY_MAX + 1);
    long_query[SHZ_QUERY_MAX + 1] = '\0';
    check_bad_query(long_query);
    free(long_query);
    run r = RUN("search", keyword_of(1), "--lang", "fr");
    assert_fails(&r, 2, "search --lang fr");
    cr_expect_str_eq(r.err, "shenzhen: search --lang takes zh-Hans, zh-Hant or en, not 'fr' (see "
                            "shenzhen --help)\n");
    run_free(&r);
    r = RUN("list", "--lang", "fr");
    assert_fails(&r, 2, "list --lang fr");
    cr_expect_str_eq(r.err, "shenzhen: list --lang takes zh-Hans, zh-Hant or en, not 'fr' (see "
                            "shenzhen --help)\n");
    run_free(&r);
}

/* ---- usage errors and unknown ids ---------------------------------------- */

Test(cli, usage_errors_are_2)
{
    const char *const *cases[] = {
        ARGS(""),
        ARGS("bogus"),
        ARGS("-x"),
        ARGS("--bogus"),
        ARGS("list", "--bogus"),
        ARGS("list", "extra"),
        ARGS("list", "--lang"),
        ARGS("list", "--lang", "fr"),
        ARGS("list", "--lang="),
        ARGS("list", "--category"),
        ARGS("list", "--category", "x"),
        ARGS("list", "--category", "1.5"),
        ARGS("list", "--category", "99999999999999999999"),
        ARGS("show"),
        ARGS("show", "x"),
        ARGS("show", "1x"),
        ARGS("show", "+1"),
        ARGS("show", " 1"),
        ARGS("show", ""),
        ARGS("show", "-"),
        ARGS("show", "0x10"),
        ARGS("show", "99999999999999999999"),
        ARGS("show", "-99999999999999999999"),
        ARGS("show", "9223372036854775808"),
        ARGS("show", "1", "--pretty"),
        ARGS("categories", "1"),
        ARGS("categories", "--json"),
        ARGS("json", "1", "2"),
        ARGS("json", "--lang", "en"),
        ARGS("json", "--pretty=yes"),
        ARGS("json", "abc"),
        ARGS("search"),
        ARGS("search", "--json"),
        ARGS("search", "a", "--pretty"),
        ARGS("search", "a", "--limit"),
        ARGS("search", "a", "--limit", "-1"),
        ARGS("search", "a", "--limit", "x"),
        ARGS("search", "a", "--limit", "99999999999999999999999"),
        ARGS("search", "a", "--lang", "klingon"),
        ARGS("help", "list"),
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *const *args = cases[i];
        run r = args[0][0] == '\0' ? run_argv(NULL, OUT_PIPE, ARGS(NULL))
                                   : run_argv(NULL, OUT_PIPE, args);
        char what[256];
        snprintf(what, sizeof what, "case %zu (%s %s)", i, args[0], args[1] ? args[1] : "");
        assert_fails(&r, 2, what);
        run_free(&r);
    }
}

Test(cli, unknown_ids_are_1)
{
    const char *const *cases[] = {
        ARGS("show", "0"),
        ARGS("show", "48"),
        ARGS("show", "-1"),
        ARGS("show", "-0"),
        ARGS("json", "48"),
        ARGS("json", "-5"),
        ARGS("show", "9223372036854775807"),
        ARGS("show", "-9223372036854775808"),
        ARGS("list", "--category", "0"),
        ARGS("list", "--category", "6"),
        ARGS("list", "--category", "-1"),
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run r = run_argv(NULL, OUT_PIPE, cases[i]);
        char what[256];
        snprintf(what, sizeof what, "%s %s %s", cases[i][0], cases[i][1],
                 cases[i][2] ? cases[i][2] : "");
        assert_fails(&r, 1, what);
        run_free(&r);
    }
}

Test(cli, error_messages_echo_only_valid_utf8)
{
    run r = RUN("\xC3\x28\x1B[31m");
    assert_fails(&r, 2, "invalid UTF-8 command");
    cr_expect_null(strchr(r.err, 0x1B), "escape echoed: %s", r.err);
    run_free(&r);
    r = RUN("show", "\xE4\xB8");
    assert_fails(&r, 2, "invalid UTF-8 id");
    run_free(&r);
}

/* ---- where stdout goes --------------------------------------------------- */

/* Output that cannot be written fails with a message, not a signal. */
static void check_unwritable(enum out_mode mode, const char *what)
{
    run r = run_argv(NULL, mode, ARGS("json", "--pretty"));
    cr_expect_neq(r.status, 0, "%s: status 0", what);
    cr_expect_lt(r.status, 128, "%s: killed by signal %d", what, r.status - 128);
    cr_expect_eq(strncmp(r.err, "shenzhen: ", 10), 0, "%s: stderr: %s", what, r.err);
    cr_expect_eq(count_lines(r.err), 1, "%s: stderr: %s", what, r.err);
    run_free(&r);
}

Test(cli, unwritable_stdout_fails_cleanly)
{
    check_unwritable(OUT_CLOSED, "closed stdout");
    check_unwritable(OUT_FULL, "/dev/full");
}

/* A reader that went away (`| head`) ends the command quietly, as in ripgrep: status 0,
 * nothing on stderr, not killed by SIGPIPE. */
Test(cli, closed_pipe_ends_quietly)
{
    const char *const *cases[] = {ARGS("json", "--pretty"), ARGS("list"), ARGS("show", "1", "2"),
                                  ARGS("search", "科技", "--json")};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run r = run_argv(NULL, OUT_BROKEN_PIPE, cases[i]);
        cr_expect_eq(r.status, 0, "%s: status %d", cases[i][0], r.status);
        cr_expect_str_eq(r.err, "", "%s: stderr", cases[i][0]);
        run_free(&r);
    }
}

Test(cli, terminal_gets_colour_and_its_width)
{
    const char *kw = keyword_of(1);
    run r = run_argv(ENV("TERM=xterm"), OUT_PTY, ARGS("search", kw));
    assert_ok(&r, "search on a terminal");
    cr_expect_gt(test_count(r.out, "\x1B[1;31m"), 0, "no highlight: %s", r.out);
    cr_expect_eq(test_count(r.out, "\x1B[1;31m"), test_count(r.out, "\x1B[0m"));
    cr_expect_not_null(strstr(r.out, kw));
    assert_lines_fit(r.out, 60, "search on a 60-column terminal");
    run_free(&r);
    r = run_argv(ENV("TERM=xterm", "NO_COLOR=1"), OUT_PTY, ARGS("search", kw));
    assert_ok(&r, "NO_COLOR");
    cr_expect_null(strchr(r.out, 0x1B), "colour despite NO_COLOR");
    run_free(&r);
    r = run_argv(ENV("COLUMNS=200"), OUT_PTY, ARGS("show", "1"));
    assert_ok(&r, "show on a terminal");
    assert_lines_fit(r.out, 60, "the terminal's width wins over COLUMNS");
    run_free(&r);
}
