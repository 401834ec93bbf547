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

/* Each run's titles are checked against the language it asked for: zh-Hant
 * titles differ from zh-Hans ones, so a --lang that is ignored, wherever it
 * stands, fails here. */
Test(cli, list_default_is_zh_hans_and_options_go_anywhere)
{
    run a = RUN_ENV(ENV("COLUMNS=1000"), "list");
    run b = RUN_ENV(ENV("COLUMNS=1000"), "--lang", "zh-Hant", "list");
    run c = RUN_ENV(ENV("COLUMNS=1000"), "list", "--lang=ZH-HANT");
    run d = RUN_ENV(ENV("COLUMNS=1000"), "list", "--lang=ZH_hant", "--lang", "zh-Hans");
    assert_ok(&a, "list");
    assert_ok(&b, "--lang zh-Hant list");
    assert_ok(&c, "list --lang=ZH-HANT");
    assert_ok(&d, "list --lang=ZH_hant --lang zh-Hans");
    cr_expect_str_neq(a.out, b.out);
    for (size_t i = 0; i < shz_measure_count(); i++) {
        check_list_line(a.out, i, shz_measure_at(i), SHZ_LANG_ZH_HANS);
        check_list_line(b.out, i, shz_measure_at(i), SHZ_LANG_ZH_HANT);
        check_list_line(c.out, i, shz_measure_at(i), SHZ_LANG_ZH_HANT);
    }
    /* the last --lang wins */
    cr_expect_str_eq(d.out, a.out);
    run_free(&a);
    run_free(&b);
    run_free(&c);
    run_free(&d);
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
    /* Keywords and aliases in the language asked for: Traditional under zh-Hant. */
    for (size_t i = 0; i < shz_measure_keyword_count(m); i++) {
        cr_assert_eq(shz_measure_keyword_in(m, i, lang, &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "keyword");
    }
    for (size_t i = 0; i < shz_measure_cite_count(m); i++) {
        cr_assert_eq(shz_measure_cite(m, i, &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "cite");
    }
    for (size_t i = 0; i < shz_measure_alias_count(m); i++) {
        cr_assert_eq(shz_measure_alias_in(m, i, lang, &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "alias");
    }
    cr_expect_eq(strstr(out, "\nAliases:") != NULL, shz_measure_alias_count(m) > 0, "aliases line");
    /* Topics by name and key; the Related block: each related measure's title and the reason. */
    for (size_t i = 0; i < shz_measure_topic_count(m); i++) {
        cr_assert_eq(shz_topic_name(shz_measure_topic_at(m, i), lang, &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "topic");
        cr_assert_eq(shz_topic_key(shz_measure_topic_at(m, i), &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "topic key");
    }
    for (size_t i = 0; i < shz_measure_related_count(m); i++) {
        text = text_of(shz_measure_related(m, i), SHZ_FIELD_TITLE, lang, &len);
        assert_contains_wrapped(out, text, len, "related title");
        cr_assert_eq(shz_measure_related_reason(m, i, lang, &text, &len), SHZ_OK);
        assert_contains_wrapped(out, text, len, "related reason");
    }
    cr_expect_eq(strstr(out, "\nRelated:") != NULL, shz_measure_related_count(m) > 0,
                 "related block");
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
    size_t hit = 0, title_column = 0, reasons = 0;
    for (const char *line = r.out; *line; line += strcspn(line, "\n") + 1) {
        if (line[0] == ' ' && line[1] == ' ' && line[2] == ' ' && line[3] == ' ') {
            /* A related measure of the first hit says why, before its snippet. */
            if (!strncmp(line + 4, "related to ", 11)) {
                cr_assert(hit > 0 && (shz_results_match(want, hit - 1) & SHZ_MATCH_RELATED));
                const char *reason = NULL;
                const shz_measure *best = shz_results_measure(want, 0);
                size_t k = 0, links = shz_measure_related_count(best);
                while (k < links &&
                       shz_measure_related(best, k) != shz_results_measure(want, hit - 1))
                    k++;
                cr_assert_lt(k, links, "%.80s: no link of the first hit", line);
                cr_assert_eq(shz_measure_related_reason(best, k, SHZ_LANG_ZH_HANS, &reason, NULL),
                             SHZ_OK);
                char head[64];
                snprintf(head, sizeof head, "related to %" PRId64 ": ", shz_measure_id(best));
                cr_expect(!strncmp(line + 4, head, strlen(head)) &&
                              !strncmp(line + 4 + strlen(head), reason, 12),
                          "%.80s", line);
                reasons++;
            }
            continue; /* snippet */
        }
        cr_assert_lt(hit, shz_results_count(want));
        int64_t id;
        char field[16], match[16];
        double relevance;
        int consumed;
        /* "ID  RELEVANCE  FIELD  MATCH  TITLE": no raw score for a person to puzzle over. */
        cr_assert_eq(
            sscanf(line, "%" SCNd64 " %lf %15s %15s %n", &id, &relevance, field, match, &consumed),
            4, "%.80s", line);
        cr_expect_eq(id, shz_measure_id(shz_results_measure(want, hit)));
        cr_expect_float_eq(relevance, shz_results_relevance(want, hit), 0.005, "%.80s", line);
        cr_expect_str_eq(field, shz_field_name(shz_results_field(want, hit)));
        unsigned flags = shz_results_match(want, hit);
        char want_match[16];
        snprintf(want_match, sizeof want_match, "%s%s",
                 (flags & SHZ_MATCH_RELATED)     ? "related"
                 : (flags & SHZ_MATCH_ALL_TERMS) ? "all"
                                                 : "some",
                 (flags & SHZ_MATCH_TOLERANT) && !(flags & SHZ_MATCH_RELATED) ? "~" : "");
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
    size_t related = 0;
    for (size_t i = 0; i < shz_results_count(want); i++)
        related += (shz_results_match(want, i) & SHZ_MATCH_RELATED) != 0;
    cr_expect(related > 0 && reasons == related, "%zu related hits, %zu reasons", related, reasons);
    shz_results_free(want);
    run_free(&r);
    /* --no-related: the matches alone. */
    shz_search_options only;
    shz_search_options_init(&only);
    only.flags = SHZ_ONLY_MATCHES;
    cr_assert_eq(shz_search(query, strlen(query), &only, &want), SHZ_OK);
    r = RUN_ENV(ENV("COLUMNS=1000"), "search", query, "--no-related");
    assert_ok(&r, "search --no-related");
    size_t lines = 0;
    for (const char *line = r.out; *line; line += strcspn(line, "\n") + 1)
        lines += line[0] != ' ';
    cr_expect_eq(lines, shz_results_count(want));
    cr_expect_null(strstr(r.out, "related"));
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

/* search --json --explain: each hit's "explain" is the library's explanation, term by term,
 * its contributions adding up to the hit's relevance; without --explain there is none. */
Test(cli, search_json_explain)
{
    static const char *const how_name[] = {"none", "exact", "stem", "tolerant"};
    char query[256];
    snprintf(query, sizeof query, "%s %s", keyword_of(1), keyword_of(3));
    shz_results *want = expected_hits(query, SHZ_LANG_ZH_HANS, 0);
    cr_assert_gt(shz_results_count(want), 1);
    run r = RUN("search", query, "--json", "--explain");
    assert_ok(&r, "search --json --explain");
    cJSON *root = cJSON_Parse(r.out);
    const cJSON *hits = cJSON_GetObjectItemCaseSensitive(root, "hits");
    cr_assert_eq((size_t)cJSON_GetArraySize(hits), shz_results_count(want));
    for (size_t i = 0; i < shz_results_count(want); i++) {
        const cJSON *hit = cJSON_GetArrayItem(hits, (int)i);
        const cJSON *list = cJSON_GetObjectItemCaseSensitive(hit, "explain");
        cr_assert(cJSON_IsArray(list), "hit %zu has no explain array", i);
        cr_assert_eq((size_t)cJSON_GetArraySize(list), shz_results_term_count(want));
        double sum = 0;
        for (size_t t = 0; t < shz_results_term_count(want); t++) {
            const cJSON *item = cJSON_GetArrayItem(list, (int)t);
            const char *term = NULL;
            shz_field field;
            unsigned how;
            double weight, contribution;
            cr_assert_eq(shz_results_term(want, t, &term, NULL), SHZ_OK);
            cr_assert_eq(shz_results_explain(want, i, t, &field, &how, &weight, &contribution),
                         SHZ_OK);
            const cJSON *got_field = cJSON_GetObjectItemCaseSensitive(item, "field");
            cr_expect_str_eq(cJSON_GetObjectItemCaseSensitive(item, "term")->valuestring, term);
            if (field)
                cr_expect_str_eq(cJSON_GetStringValue(got_field), shz_field_name(field));
            else
                cr_expect(cJSON_IsNull(got_field), "hit %zu term %zu: field not null", i, t);
            cr_expect_str_eq(cJSON_GetObjectItemCaseSensitive(item, "how")->valuestring,
                             how_name[how]);
            cr_expect_float_eq(cJSON_GetObjectItemCaseSensitive(item, "weight")->valuedouble,
                               weight, 1e-12);
            const double got = cJSON_GetObjectItemCaseSensitive(item, "contribution")->valuedouble;
            cr_expect_float_eq(got, contribution, 1e-12);
            sum += got;
        }
        cr_expect_float_eq(sum, cJSON_GetObjectItemCaseSensitive(hit, "relevance")->valuedouble,
                           1.0 / 65535, "hit %zu: contributions do not add up", i);
    }
    cJSON_Delete(root);
    run_free(&r);
    r = RUN("search", query, "--json");
    assert_ok(&r, "search --json");
    root = cJSON_Parse(r.out);
    cr_expect_null(
        cJSON_GetObjectItemCaseSensitive(
            cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "hits"), 0), "explain"),
        "explain without --explain");
    cJSON_Delete(root);
    run_free(&r);
    shz_results_free(want);
}

/* search --lang en: every hit titled in English, its snippet the English text it matched
 * (these hits match only English text; a related measure after them shows its English body),
 * as the library's English search gives them. */
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
        if (!(shz_results_match(res, i) & SHZ_MATCH_RELATED))
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

/* ---- topics and list --topic ---------------------------------------------- */

/* topics: a line per topic, its key first, then its name in the language and its measure ids. */
Test(cli, topics_lists_every_topic_with_its_measures)
{
    run r = RUN("topics", "--lang", "en");
    cr_assert_eq(r.status, 0, "%s", r.err);
    const char *line = r.out;
    for (size_t t = 0; t < shz_topic_count(); t++) {
        const shz_topic *topic = shz_topic_at(t);
        const char *key, *name;
        size_t key_len, name_len;
        cr_assert_eq(shz_topic_key(topic, &key, &key_len), SHZ_OK);
        cr_assert_eq(shz_topic_name(topic, SHZ_LANG_EN, &name, &name_len), SHZ_OK);
        cr_assert_eq(strncmp(line, key, key_len), 0, "line %zu: %s", t + 1, line);
        const char *end = strchr(line, '\n');
        cr_assert_not_null(end);
        char *text = strndup(line, (size_t)(end - line));
        cr_assert_not_null(strstr(text, name), "%s", text);
        char last[32];
        snprintf(last, sizeof last, "%lld",
                 (long long)shz_measure_id(
                     shz_topic_measure_at(topic, shz_topic_measure_count(topic) - 1)));
        cr_assert_not_null(strstr(text, last), "%s lacks measure %s", text, last);
        free(text);
        line = end + 1;
    }
    cr_assert_eq(*line, '\0', "one line per topic");
    run_free(&r);
}

/* list --topic KEY (or its id) lists exactly the topic's measures, with --category too. */
Test(cli, list_by_topic_gives_the_topics_measures)
{
    const shz_topic *topic = NULL;
    cr_assert_eq(shz_topic_find("healthcare", 10, &topic), SHZ_OK);
    run r = RUN("list", "--topic", "healthcare", "--format", "tsv");
    cr_assert_eq(r.status, 0, "%s", r.err);
    size_t lines = 0;
    for (const char *p = r.out; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    cr_assert_eq(lines, 1 + shz_topic_measure_count(topic), "%s", r.out);
    for (size_t i = 0; i < shz_topic_measure_count(topic); i++) {
        char want[32];
        snprintf(want, sizeof want, "\n%lld\t",
                 (long long)shz_measure_id(shz_topic_measure_at(topic, i)));
        cr_assert_not_null(strstr(r.out, want), "%s", r.out);
    }
    char id[16];
    snprintf(id, sizeof id, "%lld", (long long)shz_topic_id(topic));
    run by_id = RUN("list", "-t", id, "--format", "tsv");
    cr_assert_str_eq(by_id.out, r.out);
    run both = RUN("list", "-t", "healthcare", "-c", "5", "--format", "tsv");
    cr_assert_str_eq(both.out, "id\tcategory\ttitle\n42\t5\t创新防疫模式打造社区抗击疫情典范\n");
    run none = RUN("list", "--topic", "no-such-topic");
    cr_assert_eq(none.status, 1);
    cr_assert_not_null(strstr(none.err, "no topic 'no-such-topic'"), "%s", none.err);
    run_free(&r);
    run_free(&by_id);
    run_free(&both);
    run_free(&none);
}

/* ---- every subcommand, every way its output can go ------------------------ */

/* A successful run of each subcommand and output format. */
static const char *const *const every_output[] = {
    ARGS("list"),
    ARGS("list", "--format", "tsv"),
    ARGS("list", "--format=jsonl", "-c", "2"),
    ARGS("list", "--format", "text", "--lang", "en"),
    ARGS("categories", "-l", "zh-Hant"),
    ARGS("topics", "-l", "en"),
    ARGS("list", "--topic", "healthcare"),
    ARGS("show", "1", "47"),
    ARGS("show", "5", "--lang", "en"),
    ARGS("json"),
    ARGS("json", "3", "--pretty", "--ascii"),
    ARGS("search", "科技"),
    ARGS("search", "--json", "-n", "2", "科技"),
    ARGS("search", "--mode", "all", "科技", "创新"),
    ARGS("help"),
    ARGS("--help"),
    ARGS("--version"),
};
#define EVERY_OUTPUT_COUNT (sizeof every_output / sizeof every_output[0])

static void describe(char *what, size_t cap, const char *const *args, const char *where)
{
    size_t used = (size_t)snprintf(what, cap, "%s:", where);
    for (size_t i = 0; args[i] != NULL && used < cap; i++)
        used += (size_t)snprintf(what + used, cap - used, " %s", args[i]);
}

/* A full disk: status 3 and the reason, for every subcommand (the output is
 * written in one go at the end, so nothing else is seen). */
Test(output, every_subcommand_on_a_full_disk)
{
    for (size_t i = 0; i < EVERY_OUTPUT_COUNT; i++) {
        char what[256];
        describe(what, sizeof what, every_output[i], "/dev/full");
        run r = run_argv(NULL, OUT_FULL, every_output[i]);
        cr_expect_eq(r.status, 3, "%s: status %d", what, r.status);
        cr_expect_str_eq(r.err, "shenzhen: cannot write output: No space left on device\n", "%s",
                         what);
        run_free(&r);
    }
}

/* stdout closed (not a pipe: no descriptor at all): status 3 and the reason. */
Test(output, every_subcommand_with_stdout_closed)
{
    for (size_t i = 0; i < EVERY_OUTPUT_COUNT; i++) {
        char what[256];
        describe(what, sizeof what, every_output[i], "closed stdout");
        run r = run_argv(NULL, OUT_CLOSED, every_output[i]);
        cr_expect_eq(r.status, 3, "%s: status %d", what, r.status);
        cr_expect_str_eq(r.err, "shenzhen: cannot write output: Bad file descriptor\n", "%s", what);
        run_free(&r);
    }
}

/* A pipe whose reader has gone: status 0, nothing on stderr, no SIGPIPE. */
Test(output, every_subcommand_into_a_closed_pipe)
{
    for (size_t i = 0; i < EVERY_OUTPUT_COUNT; i++) {
        char what[256];
        describe(what, sizeof what, every_output[i], "closed pipe");
        run r = run_argv(NULL, OUT_BROKEN_PIPE, every_output[i]);
        cr_expect_eq(r.status, 0, "%s: status %d", what, r.status);
        cr_expect_str_eq(r.err, "", "%s", what);
        run_free(&r);
    }
}

/* The runs that print what they found although the status is 1 also fail on a
 * full disk with status 3, the write error winning over "not found". */
Test(output, partial_results_on_a_full_disk)
{
    run r = run_argv(NULL, OUT_FULL, ARGS("show", "1", "99"));
    cr_expect_eq(r.status, 3, "show 1 99: status %d", r.status);
    cr_expect_str_eq(r.err, "shenzhen: cannot write output: No space left on device\n");
    run_free(&r);
    r = run_argv(NULL, OUT_FULL, ARGS("search", "--json", "zzqqxxjj"));
    cr_expect_eq(r.status, 3, "search --json without hits: status %d", r.status);
    run_free(&r);
    /* the same two on a pipe: status 1, the output and (for show) the unknown id */
    r = RUN("show", "1", "99", "98");
    cr_expect_eq(r.status, 1);
    cr_expect_not_null(strstr(r.out, "Measure:"), "%s", r.out);
    cr_expect_str_eq(r.err, "shenzhen: no measure with ids 99, 98 (ids are 1-47)\n");
    run_free(&r);
    r = RUN("search", "--json", "zzqqxxjj");
    cr_expect_eq(r.status, 1);
    cr_expect_eq(strncmp(r.out, "{\"query\":\"zzqqxxjj\"", 19), 0, "%s", r.out);
    cr_expect_str_eq(r.err, "");
    run_free(&r);
}

/* ---- terminal widths ------------------------------------------------------ */

/* The widest line of @p text. */
static size_t widest_line(const char *text)
{
    size_t widest = 0;
    for (const char *line = text; *line;) {
        size_t len = strcspn(line, "\n");
        size_t w = test_width(line, len);
        widest = w > widest ? w : widest;
        line += len + (line[len] == '\n');
    }
    return widest;
}

/* English titles are longer than any of these widths: on a terminal the list's
 * lines are cut to exactly its width (clamped to 20..1000 columns). */
Test(width, narrow_and_wide_terminals)
{
    static const struct {
        unsigned short cols;
        const char *columns; /* $COLUMNS, read when the terminal does not say */
        size_t width;
    } cases[] = {
        {20, NULL, 20},
        {10, NULL, 20} /* clamped */,
        {45, "200", 45} /* the terminal wins */,
        {0, "33", 33},
        {0, "5", 20},
        {0, "0", 80},
        {0, "abc", 80},
        {0, "", 80},
        {0, NULL, 80},
        {0, "-40", 80},
        {0, "123456789", 1000} /* absurdly wide: clamped */,
        {0, "1001", 1000},
        {300, NULL, 300},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char env[64];
        snprintf(env, sizeof env, "COLUMNS=%s", cases[i].columns ? cases[i].columns : "");
        const char *const *environment = cases[i].columns ? ENV(env) : NULL;
        run r = run_pty(environment, cases[i].cols, ARGS("list", "--lang", "en"));
        assert_ok(&r, "list on a terminal");
        size_t widest = widest_line(r.out);
        if (cases[i].width < 300) {
            cr_expect_eq(widest, cases[i].width, "pty %u, COLUMNS=%s: widest line %zu, not %zu",
                         cases[i].cols, cases[i].columns ? cases[i].columns : "(unset)", widest,
                         cases[i].width);
        } else {
            /* wider than every title: nothing is cut */
            cr_expect_lt(widest, cases[i].width);
            cr_expect_null(strstr(r.out, "…"), "a title cut at %zu columns", cases[i].width);
        }
        run_free(&r);
    }
}

/* Every subcommand that writes text for people keeps within the terminal,
 * however narrow, and shows the same words as on a wide one. */
Test(width, every_text_subcommand_fits)
{
    const char *const *cases[] = {
        ARGS("list"),
        ARGS("list", "-l", "zh-Hant"),
        ARGS("categories"),
        ARGS("categories", "--lang", "en"),
        ARGS("show", "1", "2"),
        ARGS("show", "7", "-l", "en"),
        ARGS("search", "科技"),
        ARGS("search", "-l", "zh-Hant", "科技"),
        ARGS("search", "patent", "--mode", "all"),
        ARGS("--help"),
    };
    static const unsigned short widths[] = {20, 33, 61, 120};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
            char what[256];
            describe(what, sizeof what, cases[i], "terminal");
            run r = run_pty(ENV("TERM=xterm"), widths[k], cases[i]);
            assert_ok(&r, what);
            /* help keeps its own layout */
            if (strcmp(cases[i][0], "--help") != 0)
                assert_lines_fit(r.out, widths[k], what);
            cr_expect_gt(r.out_len, 0, "%s", what);
            run_free(&r);
        }
    }
}

/* Too narrow for a category's one line (its id, count and range take 23 columns), the
 * categories stack: the title wrapped whole, then the count and range, within the terminal. */
Test(width, categories_on_a_narrow_terminal_show_every_word)
{
    static const unsigned short widths[] = {20, 24, 30};
    for (shz_lang lang = SHZ_LANG_ZH_HANS; lang <= SHZ_LANG_EN; lang++) {
        for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
            char what[64];
            snprintf(what, sizeof what, "categories -l %s on %u columns", shz_lang_name(lang),
                     widths[k]);
            run r = run_pty(ENV("TERM=xterm"), widths[k],
                            ARGS("categories", "--lang", shz_lang_name(lang)));
            assert_ok(&r, what);
            assert_lines_fit(r.out, widths[k], what);
            cr_expect_null(strstr(r.out, "\xE2\x80\xA6"), "%s: a title was cut", what);
            for (size_t i = 0; i < shz_category_count(); i++) {
                const shz_category *cat = shz_category_at(i);
                const char *title = NULL;
                size_t len = 0, count = shz_category_measure_count(cat);
                cr_assert_eq(shz_category_title(cat, lang, &title, &len), SHZ_OK);
                assert_contains_wrapped(r.out, title, len, what);
                char detail[64];
                int n =
                    snprintf(detail, sizeof detail, "%zu measures %" PRId64 "\xE2\x80\x93%" PRId64,
                             count, shz_measure_id(shz_category_measure_at(cat, 0)),
                             shz_measure_id(shz_category_measure_at(cat, count - 1)));
                assert_contains_wrapped(r.out, detail, (size_t)n, what);
            }
            run_free(&r);
        }
    }
}

/* The next line of @p *text (without its '\n'), advancing past it; its length in *@p len. */
static const char *next_line(const char **text, size_t *len)
{
    const char *line = *text;
    *len = strcspn(line, "\n");
    *text = line + *len + (line[*len] == '\n');
    return line;
}

/* Characters of @p line from column 11 (past the label) up to @p len, squeezed of spaces and
 * appended to @p acc (of @p cap bytes). */
static void append_squeezed(char *acc, size_t cap, const char *line, size_t len)
{
    size_t used = strlen(acc);
    for (size_t i = len > 11 ? 11 : len; i < len && used + 1 < cap; i++)
        if (line[i] != ' ')
            acc[used++] = line[i];
    acc[used] = '\0';
}

/* show: a related measure's reason is indented under its title (two columns past the label
 * column), and so is every line it wraps onto; the title's own lines come first. */
Test(width, show_keeps_the_reason_indent_when_it_wraps)
{
    static const int64_t ids[] = {15, 27};
    for (shz_lang lang = SHZ_LANG_ZH_HANS; lang <= SHZ_LANG_EN; lang++) {
        size_t reasons = 0, wrapped = 0;
        for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
            char id[8];
            snprintf(id, sizeof id, "%" PRId64, ids[k]);
            run r = RUN_ENV(ENV("COLUMNS=50"), "show", id, "--lang", shz_lang_name(lang));
            assert_ok(&r, "show");
            const shz_measure *m = NULL;
            cr_assert_eq(shz_measure_get(ids[k], &m), SHZ_OK);
            const char *text = strstr(r.out, "\nRelated:");
            cr_assert_not_null(text, "show %s: no Related block", id);
            text++;
            for (size_t i = 0; i < shz_measure_related_count(m); i++) {
                const shz_measure *other = shz_measure_related(m, i);
                const char *title = NULL, *reason = NULL;
                size_t title_len = 0, reason_len = 0, len = 0;
                cr_assert_eq(shz_measure_text(other, SHZ_FIELD_TITLE, lang, &title, &title_len),
                             SHZ_OK);
                cr_assert_eq(shz_measure_related_reason(m, i, lang, &reason, &reason_len), SHZ_OK);
                char want[2048], got[2048] = "";
                snprintf(want, sizeof want, "%" PRId64 "%s%.*s", shz_measure_id(other),
                         shz_measure_related_grade(m, i) == 2 ? "*" : "", (int)title_len, title);
                char *squeezed = squeeze(want, strlen(want));
                while (strlen(got) < strlen(squeezed) && *text) {
                    const char *line = next_line(&text, &len);
                    append_squeezed(got, sizeof got, line, len);
                }
                cr_expect_str_eq(got, squeezed, "show %s: related %zu's title", id, i);
                free(squeezed);
                squeezed = squeeze(reason, reason_len);
                got[0] = '\0';
                size_t lines = 0;
                while (strlen(got) < strlen(squeezed) && *text) {
                    const char *line = next_line(&text, &len);
                    cr_expect_eq(strspn(line, " "), 13,
                                 "%s: a reason line not indented by 13: %.*s", shz_lang_name(lang),
                                 (int)len, line);
                    append_squeezed(got, sizeof got, line, len);
                    lines++;
                }
                cr_expect_str_eq(got, squeezed, "show %s: related %zu's reason", id, i);
                free(squeezed);
                reasons++;
                wrapped += lines > 1;
            }
            run_free(&r);
        }
        cr_expect_gt(reasons, 0, "%s: no reason shown", shz_lang_name(lang));
        cr_expect_gt(wrapped, 0, "%s: no reason wrapped on 50 columns", shz_lang_name(lang));
    }
}

/* ---- every option's error, word for word ----------------------------------- */

Test(options, every_error_says_what_is_wrong)
{
    const struct {
        const char *const *args;
        int status;
        const char *message; /* after "shenzhen: " */
    } cases[] = {
        {ARGS("list", "--lang"), 2, "option --lang needs a value"},
        {ARGS("list", "-l"), 2, "option -l (--lang) needs a value"},
        {ARGS("list", "--lang="), 2,
         "list --lang takes zh-Hans, zh-Hant or en, not '' (see shenzhen --help)"},
        {ARGS("search", "-l", "fr", "x"), 2,
         "search --lang takes zh-Hans, zh-Hant or en, not 'fr' (see shenzhen --help)"},
        {ARGS("list", "--category", "abc"), 2, "invalid category 'abc': not an integer"},
        {ARGS("list", "-c", "99999999999999999999"), 2,
         "invalid category '99999999999999999999': out of range"},
        {ARGS("list", "-c", "-"), 2, "invalid category '-': not an integer"},
        {ARGS("list", "--category", "0"), 1, "no category with id 0"},
        {ARGS("list", "--category=-3"), 1, "no category with id -3"},
        {ARGS("list", "--format", "xml"), 2, "list --format takes text, tsv or jsonl, not 'xml'"},
        {ARGS("list", "--format"), 2, "option --format needs a value"},
        {ARGS("search", "--mode", "fuzzy", "x"), 2, "search --mode takes best or all, not 'fuzzy'"},
        {ARGS("search", "x", "-m"), 2, "option -m (--mode) needs a value"},
        {ARGS("search", "--limit", "abc", "x"), 2,
         "invalid --limit 'abc': expected a number (0: no limit)"},
        {ARGS("search", "-n", "-1", "x"), 2,
         "invalid --limit '-1': expected a number (0: no limit)"},
        {ARGS("search", "--limit=", "x"), 2, "invalid --limit '': expected a number (0: no limit)"},
        {ARGS("search", "-n99999999999999999999999", "x"), 2,
         "invalid --limit '99999999999999999999999': expected a number (0: no limit)"},
        {ARGS("search", "x", "-n"), 2, "option -n (--limit) needs a value"},
        {ARGS("json", "--pretty=yes"), 2, "option --pretty takes no value"},
        {ARGS("json", "--ascii=1"), 2, "option --ascii takes no value"},
        {ARGS("search", "--json=true", "x"), 2, "option --json takes no value"},
        {ARGS("--help=me"), 2, "option --help takes no value"},
        {ARGS("--nope"), 2, "unknown option '--nope' (see shenzhen --help)"},
        {ARGS("--nope=1", "list"), 2, "unknown option '--nope=1' (see shenzhen --help)"},
        {ARGS("list", "-x"), 2, "unknown option '-x' (see shenzhen --help)"},
        {ARGS("json", "-px"), 2, "unknown option '-x' in '-px' (see shenzhen --help)"},
        {ARGS("list", "-\xC3\xA9"), 2, "unknown option '-\xC3\xA9' (see shenzhen --help)"},
        {ARGS("list", "--json"), 2, "option --json does not apply to 'list'"},
        {ARGS("list", "--pretty"), 2, "option --pretty does not apply to 'list'"},
        {ARGS("json", "--lang", "en"), 2, "option --lang does not apply to 'json'"},
        {ARGS("json", "-c", "1"), 2, "option --category does not apply to 'json'"},
        {ARGS("show", "1", "--format", "tsv"), 2, "option --format does not apply to 'show'"},
        {ARGS("categories", "-n", "3"), 2, "option --limit does not apply to 'categories'"},
        {ARGS("search", "x", "-p"), 2, "option --pretty does not apply to 'search'"},
        {ARGS("help", "--ascii"), 2, "option --ascii does not apply to 'help'"},
        {ARGS("search", "x", "--mode"), 2, "option --mode needs a value"},
        {ARGS("show"), 2, "show: missing ID (see shenzhen --help)"},
        {ARGS("search", "-j"), 2, "search: missing QUERY (see shenzhen --help)"},
        {ARGS("list", "extra"), 2, "list: unexpected argument 'extra'"},
        {ARGS("json", "1", "2"), 2, "json: unexpected argument '2'"},
        {ARGS("show", "1x"), 2, "invalid measure id '1x': not an integer"},
        {ARGS("show", "-5"), 1, "no measure with id -5 (ids are 1-47)"},
        {ARGS("json", "48"), 1, "no measure with id 48 (ids are 1-47)"},
        {ARGS("frob\tnicate"), 2, "unknown command 'frob\\x09nicate' (see shenzhen --help)"},
        {ARGS("list", "--", "-l"), 2, "list: unexpected argument '-l'"},
        {ARGS("search", "-j\xC3\xA9", "x"), 2, "unknown option '-j\xC3\xA9' (see shenzhen --help)"},
        {ARGS("json", "-p\x01"), 2, "unknown option '-p\\x01' (see shenzhen --help)"},
        {ARGS("json", "-p "), 2, "unknown option '-p ' (see shenzhen --help)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[256], want[512];
        describe(what, sizeof what, cases[i].args, "error");
        snprintf(want, sizeof want, "shenzhen: %s\n", cases[i].message);
        run r = run_argv(NULL, OUT_PIPE, cases[i].args);
        cr_expect_eq(r.status, cases[i].status, "%s: status %d", what, r.status);
        cr_expect_str_eq(r.err, want, "%s", what);
        cr_expect_str_eq(r.out, "", "%s: stdout", what);
        run_free(&r);
    }
}

/* An argument echoed in a message is cut after about 60 bytes, with "…". */
Test(options, long_arguments_are_cut_in_messages)
{
    char arg[200];
    memset(arg, 'x', sizeof arg - 1);
    arg[sizeof arg - 1] = '\0';
    run r = RUN(arg);
    assert_fails(&r, 2, "a long unknown command");
    cr_expect_not_null(strstr(r.err, "…'"), "%s", r.err);
    cr_expect_lt(r.err_len, 140, "%s", r.err);
    run_free(&r);
}

/* Short options together and values attached, as getopt takes them. */
Test(options, short_options_combine)
{
    run a = RUN("search", "-jn3", "-mall", "科技");
    run b = RUN("search", "--json", "--limit=3", "--mode", "all", "科技");
    assert_ok(&a, "-jn3 -mall");
    assert_ok(&b, "the long forms");
    cr_expect_str_eq(a.out, b.out);
    run_free(&a);
    run_free(&b);
    run h = RUN("list", "-h");
    run v = RUN("show", "1", "-V");
    assert_ok(&h, "-h after a command");
    assert_ok(&v, "-V after a command");
    cr_expect_eq(strncmp(h.out, "Usage", 5), 0, "%s", h.out);
    cr_expect_eq(strncmp(v.out, "shenzhen (libshenzhen) ", 23), 0, "%s", v.out);
    run_free(&h);
    run_free(&v);
}

/* ---- no hits: the message says why ---------------------------------------- */

Test(search, no_hits_says_why_in_each_case)
{
    /* a term that no measure holds */
    run r = RUN("search", "zzqqxxjj");
    cr_expect_eq(r.status, 1);
    cr_expect_str_eq(r.err, "shenzhen: no measure matches 'zzqqxxjj': no measure contains "
                            "'zzqqxxjj'\n");
    run_free(&r);
    /* two terms each held somewhere, never together: all-terms mode says to try best */
    const char *first = NULL, *second = NULL;
    for (int64_t a = 1; a <= 47 && !second; a++) {
        for (int64_t b = a + 1; b <= 47 && !second; b++) {
            char query[512];
            snprintf(query, sizeof query, "%s %s", keyword_of(a), keyword_of(b));
            shz_search_options opts;
            shz_search_options_init(&opts);
            opts.mode = SHZ_SEARCH_ALL_TERMS;
            shz_results *res = NULL;
            cr_assert_eq(shz_search(query, strlen(query), &opts, &res), SHZ_OK);
            if (shz_results_count(res) == 0) {
                first = keyword_of(a);
                second = keyword_of(b);
            }
            shz_results_free(res);
        }
    }
    cr_assert_not_null(second, "no two keywords that never meet");
    r = RUN("search", "--mode", "all", first, second);
    cr_expect_eq(r.status, 1);
    cr_expect_not_null(strstr(r.err, "no measure holds all its terms (try --mode best)"), "%s",
                       r.err);
    cr_expect_str_eq(r.out, "");
    run_free(&r);
    r = RUN("search", "--mode", "best", first, second);
    assert_ok(&r, "the same terms in best mode");
    run_free(&r);
}

/* The MATCH column: all or some of the terms, "~" when one matched only
 * tolerantly (a typo here). */
Test(search, match_column_in_text)
{
    const struct {
        const char *const *args;
        const char *match;
    } cases[] = {
        {ARGS("search", "patnet"), "  all~  "},
        {ARGS("search", "patnet", "zzqqxxjj"), "  some~  "},
        {ARGS("search", "专利", "zzqqxxjj"), "  some  "},
        {ARGS("search", "专利"), "  all  "},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[256];
        describe(what, sizeof what, cases[i].args, "match");
        run r = run_argv(ENV("COLUMNS=200"), OUT_PIPE, cases[i].args);
        assert_ok(&r, what);
        cr_expect_not_null(strstr(r.out, cases[i].match), "%s: no \"%s\" in %s", what,
                           cases[i].match, r.out);
        run_free(&r);
    }
}

/* Many terms that no measure holds: the message names the first ones and
 * stays one short line. */
Test(search, many_missing_terms_in_one_line)
{
    const char *const *args =
        ARGS("search", "zzqqxxjja", "zzqqxxjjb", "zzqqxxjjc", "zzqqxxjjd", "zzqqxxjje", "zzqqxxjjf",
             "zzqqxxjjg", "zzqqxxjjh", "zzqqxxjji", "zzqqxxjjk", "zzqqxxjjl", "zzqqxxjjm",
             "zzqqxxjjn", "zzqqxxjjo", "zzqqxxjjp", "zzqqxxjjq", "zzqqxxjjr", "zzqqxxjjs",
             "zzqqxxjjt", "zzqqxxjju", "zzqqxxjjv", "zzqqxxjjw", "zzqqxxjjx", "zzqqxxjjy",
             "zzqqxxjjz", "zzqqxxjjaa", "zzqqxxjjbb", "zzqqxxjjcc");
    run r = run_argv(NULL, OUT_PIPE, args);
    assert_fails(&r, 1, "28 missing terms");
    cr_expect_not_null(strstr(r.err, "no measure contains 'zzqqxxjja', 'zzqqxxjjb', "), "%s",
                       r.err);
    cr_expect_null(strstr(r.err, "'zzqqxxjjcc'"), "every term named: %s", r.err);
    cr_expect_lt(r.err_len, 400, "%s", r.err);
    run_free(&r);
}

/* Colour on a terminal unless TERM is dumb or NO_COLOR is set to something. */
Test(width, colour_follows_term_and_no_color)
{
    const char *kw = keyword_of(3);
    run r = run_pty(ENV("TERM=dumb"), 80, ARGS("search", kw));
    assert_ok(&r, "TERM=dumb");
    cr_expect_null(strchr(r.out, 0x1B), "colour on a dumb terminal");
    run_free(&r);
    r = run_pty(ENV("TERM=xterm", "NO_COLOR="), 80, ARGS("search", kw));
    assert_ok(&r, "NO_COLOR empty");
    cr_expect_not_null(strchr(r.out, 0x1B), "an empty NO_COLOR turned colour off");
    run_free(&r);
    r = run_pty(NULL, 80, ARGS("search", kw));
    assert_ok(&r, "no TERM");
    cr_expect_not_null(strchr(r.out, 0x1B), "no colour without TERM");
    run_free(&r);
}
