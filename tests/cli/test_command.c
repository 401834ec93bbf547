/*
 * The command in pipelines and on terminals: languages as people type them,
 * --limit 0, show with several ids, list for scripts (TSV, JSON Lines), spans
 * that name their language and highlights in the text they belong to.
 */
#define _GNU_SOURCE

#include <criterion/criterion.h>

#include <cjson/cJSON.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "shenzhen.h"

#include "../core/test_support.h"
#include "cli_run.h"

#define MARK_ON "\033[1;31m"
#define MARK_OFF "\033[0m"

/* ---- languages ------------------------------------------------------------ */

/* The spellings promised in shenzhen.h, written here apart from the library's table. */
static const struct {
    const char *tag;
    shz_lang lang;
} spellings[] = {
    {"zh-Hans", SHZ_LANG_ZH_HANS}, {"zh", SHZ_LANG_ZH_HANS},      {"zh-CN", SHZ_LANG_ZH_HANS},
    {"zh_CN", SHZ_LANG_ZH_HANS},   {"ZH-cn", SHZ_LANG_ZH_HANS},   {"zh-SG", SHZ_LANG_ZH_HANS},
    {"zh_hans", SHZ_LANG_ZH_HANS}, {"zh-Hant", SHZ_LANG_ZH_HANT}, {"zh-TW", SHZ_LANG_ZH_HANT},
    {"zh_tw", SHZ_LANG_ZH_HANT},   {"zh-HK", SHZ_LANG_ZH_HANT},   {"ZH_HK", SHZ_LANG_ZH_HANT},
    {"zh-MO", SHZ_LANG_ZH_HANT},   {"en", SHZ_LANG_EN},           {"EN", SHZ_LANG_EN},
    {"en-US", SHZ_LANG_EN},        {"en_us", SHZ_LANG_EN},        {"en-GB", SHZ_LANG_EN},
};

static const char *const not_languages[] = {"zh-", "zh-Hans-CN", "zh-US",  "en-CN",
                                            "cn",  "zh-T",       "zhCN",   "zh--CN",
                                            "en_", "fr",         "zh-TW ", " en"};

Test(lang, library_parses_common_spellings)
{
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        shz_lang got = (shz_lang)99;
        cr_expect_eq(shz_lang_parse(spellings[i].tag, strlen(spellings[i].tag), &got), SHZ_OK, "%s",
                     spellings[i].tag);
        cr_expect_eq(got, spellings[i].lang, "%s", spellings[i].tag);
    }
    for (size_t i = 0; i < sizeof not_languages / sizeof not_languages[0]; i++) {
        shz_lang got = SHZ_LANG_EN;
        cr_expect_eq(shz_lang_parse(not_languages[i], strlen(not_languages[i]), &got),
                     SHZ_ERR_BAD_LANG, "'%s' parsed", not_languages[i]);
        cr_expect_eq(got, SHZ_LANG_EN, "changed on error");
    }
}

Test(lang, command_takes_them_too)
{
    const char *canonical[] = {"zh-Hans", "zh-Hant", "en"};
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        run a = RUN("list", "-l", spellings[i].tag),
            b = RUN("list", "--lang", canonical[spellings[i].lang]);
        assert_ok(&a, spellings[i].tag);
        cr_expect_str_eq(a.out, b.out, "list --lang %s", spellings[i].tag);
        run_free(&a);
        run_free(&b);
    }
    run r = RUN("search", "科技", "--lang", "zh_TW", "--json"),
        t = RUN("search", "科技", "--lang", "zh-Hant", "--json");
    assert_ok(&r, "search --lang zh_TW");
    cr_expect_str_eq(r.out, t.out);
    run_free(&r);
    run_free(&t);
    r = RUN("search", "科技", "--lang", "en-US", "--json");
    t = RUN("search", "科技", "--lang", "en", "--json");
    assert_ok(&r, "search --lang en-US");
    cr_expect_str_eq(r.out, t.out);
    run_free(&r);
    run_free(&t);
}

/* ---- search --------------------------------------------------------------- */

Test(search, limit_0_means_no_limit)
{
    shz_results *all = NULL;
    cr_assert_eq(shz_search("科技", strlen("科技"), NULL, &all), SHZ_OK);
    cr_assert_gt(shz_results_count(all), 3);
    run zero = RUN("search", "科技", "-n", "0", "--json"), none = RUN("search", "科技", "--json");
    assert_ok(&zero, "--limit 0");
    cr_expect_str_eq(zero.out, none.out);
    cJSON *doc = cJSON_Parse(zero.out);
    cr_assert_not_null(doc);
    cr_expect_eq((size_t)cJSON_GetArraySize(cJSON_GetObjectItem(doc, "hits")),
                 shz_results_count(all));
    cJSON_Delete(doc);
    run three = RUN("search", "科技", "--limit=3", "--json");
    doc = cJSON_Parse(three.out);
    cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "hits")), 3);
    cJSON_Delete(doc);
    run_free(&zero);
    run_free(&none);
    run_free(&three);
    shz_results_free(all);
}

/* Every span of `search --json` names the language of the text its offsets point into. */
Test(search, json_spans_carry_their_language)
{
    const char *queries[] = {"5G", "patent", "科技", "zscq"};
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        shz_results *want = NULL;
        cr_assert_eq(shz_search(queries[q], strlen(queries[q]), NULL, &want), SHZ_OK);
        run r = RUN("search", queries[q], "--json");
        assert_ok(&r, queries[q]);
        cJSON *doc = cJSON_Parse(r.out);
        cr_assert_not_null(doc);
        cJSON *hits = cJSON_GetObjectItem(doc, "hits");
        cr_assert_eq((size_t)cJSON_GetArraySize(hits), shz_results_count(want));
        size_t english = 0;
        for (size_t i = 0; i < shz_results_count(want); i++) {
            cJSON *spans = cJSON_GetObjectItem(cJSON_GetArrayItem(hits, (int)i), "spans");
            cr_assert_eq((size_t)cJSON_GetArraySize(spans), shz_results_span_count(want, i));
            for (size_t k = 0; k < shz_results_span_count(want, i); k++) {
                shz_lang lang;
                cr_assert_eq(shz_results_span_lang(want, i, k, &lang), SHZ_OK);
                const cJSON *got = cJSON_GetObjectItem(cJSON_GetArrayItem(spans, (int)k), "lang");
                cr_assert(cJSON_IsString(got), "%s: hit %zu span %zu has no lang", queries[q], i,
                          k);
                cr_expect_str_eq(got->valuestring, shz_lang_name(lang));
                english += lang == SHZ_LANG_EN;
            }
        }
        if (q < 2)
            cr_expect_gt(english, 0, "%s: no span in English text", queries[q]);
        cJSON_Delete(doc);
        run_free(&r);
        shz_results_free(want);
    }
}

/* The highlighted pieces of @p out, in order, joined with '|'. */
static char *marked(const char *out)
{
    char *joined = calloc(strlen(out) + 1, 1);
    cr_assert_not_null(joined);
    for (const char *p = strstr(out, MARK_ON); p; p = strstr(p, MARK_ON)) {
        p += strlen(MARK_ON);
        const char *end = strstr(p, MARK_OFF);
        cr_assert_not_null(end);
        if (joined[0])
            strcat(joined, "|");
        strncat(joined, p, (size_t)(end - p));
        p = end;
    }
    return joined;
}

/* Runs `search QUERY` on a terminal; every highlighted piece must be QUERY (ASCII case
 * aside; a longer word such as "patents" allowed), never text at another text's offsets.
 * Returns how many snippet lines of English text (ASCII but for "…") carry a highlight. */
static size_t check_marks(const char *query, size_t min_pieces)
{
    run r = run_argv(ENV("TERM=xterm"), OUT_PTY, ARGS("search", query));
    assert_ok(&r, query);
    char *m = marked(r.out);
    size_t pieces = 0;
    char *save = NULL;
    for (char *p = strtok_r(m, "|", &save); p; p = strtok_r(NULL, "|", &save), pieces++)
        cr_expect_eq(strncasecmp(p, query, strlen(query)), 0, "%s: highlighted '%s'", query, p);
    cr_expect_geq(pieces, min_pieces, "%s: %zu highlights", query, pieces);
    free(m);
    size_t english = 0;
    for (const char *line = r.out; *line;) {
        size_t len = strcspn(line, "\n");
        char *text = strndup(line, len);
        cr_assert_not_null(text);
        size_t non_ascii = 0;
        for (const char *p = text; *p; p++)
            non_ascii += (unsigned char)*p >= 0x80;
        /* a snippet line, highlighted, whose only non-ASCII bytes are "…" */
        if (strncmp(text, "    ", 4) == 0 && strstr(text, MARK_ON) &&
            non_ascii == 3 * test_count(text, "\xE2\x80\xA6"))
            english++;
        free(text);
        line += len + (line[len] == '\n');
    }
    run_free(&r);
    return english;
}

/* On a terminal, a span is highlighted in the text it belongs to: "5G" in the Chinese
 * title line and snippet (not the Chinese character at the English title's offsets), and
 * matches in English text (the summary) too. */
Test(search, terminal_highlights_the_text_of_each_span)
{
    check_marks("5G", 2);
    cr_expect_gt(check_marks("patent", 1), 0, "no highlight in an English snippet");
    run r = run_argv(ENV("TERM=xterm", "NO_COLOR=1"), OUT_PTY, ARGS("search", "patent"));
    assert_ok(&r, "NO_COLOR");
    cr_expect_null(strstr(r.out, MARK_ON), "NO_COLOR");
    run_free(&r);
}

/* ---- show ----------------------------------------------------------------- */

Test(show, several_ids_in_turn)
{
    run a = RUN("show", "3"), b = RUN("show", "5"), both = RUN("show", "3", "5");
    assert_ok(&both, "show 3 5");
    char *want = NULL;
    cr_assert_geq(asprintf(&want, "%s\n%s", a.out, b.out), 0);
    cr_expect_str_eq(both.out, want);
    free(want);
    /* Like cat: the known ones are printed, the unknown ones named on stderr, status 1. */
    run mixed = RUN("show", "3", "99", "5", "0");
    cr_expect_eq(mixed.status, 1);
    cr_expect_str_eq(mixed.out, both.out);
    cr_expect_str_eq(mixed.err, "shenzhen: no measure with ids 99, 0 (ids are 1-47)\n");
    /* A malformed id is bad usage: nothing printed. */
    run bad = RUN("show", "3", "x5");
    assert_fails(&bad, 2, "show 3 x5");
    run_free(&a);
    run_free(&b);
    run_free(&both);
    run_free(&mixed);
    run_free(&bad);
}

/* ---- list for scripts ----------------------------------------------------- */

/* @p field (NUL-terminated) with TSV escapes undone. */
static char *tsv_unescape(const char *field)
{
    char *out = malloc(strlen(field) + 1), *o = out;
    for (const char *p = field; *p; p++) {
        if (*p != '\\' || p[1] == '\0') {
            *o++ = *p;
            continue;
        }
        p++;
        *o++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p;
    }
    *o = '\0';
    return out;
}

Test(list, tsv_has_a_header_and_whole_fields)
{
    const char *langs[] = {"zh-Hans", "zh-Hant", "en"};
    for (shz_lang lang = 0; lang < 3; lang++) {
        run r = RUN_ENV(ENV("COLUMNS=20"), "list", "--format", "tsv", "--lang", langs[lang]);
        assert_ok(&r, "list --format tsv");
        char *save = NULL, *line = strtok_r(r.out, "\n", &save);
        cr_assert_str_eq(line, "id\tcategory\ttitle");
        for (size_t i = 0; i < shz_measure_count(); i++) {
            line = strtok_r(NULL, "\n", &save);
            cr_assert_not_null(line, "line %zu missing", i);
            cr_expect_eq(test_count(line, "\t"), 2, "%s", line);
            const shz_measure *m = shz_measure_at(i);
            int64_t id, cat;
            int consumed;
            cr_assert_eq(sscanf(line, "%" SCNd64 "\t%" SCNd64 "\t%n", &id, &cat, &consumed), 2);
            cr_expect_eq(id, shz_measure_id(m));
            cr_expect_eq(cat, shz_category_id(shz_measure_category(m)));
            const char *title;
            cr_assert_eq(shz_measure_text(m, SHZ_FIELD_TITLE, lang, &title, NULL), SHZ_OK);
            char *got = tsv_unescape(line + consumed);
            cr_expect_str_eq(got, title);
            free(got);
        }
        cr_expect_null(strtok_r(NULL, "\n", &save), "extra lines");
        run_free(&r);
    }
    run r = RUN("list", "--format", "tsv", "-c", "2");
    cr_expect_eq(test_count(r.out, "\n"), 1 + shz_category_measure_count(shz_category_at(1)));
    run_free(&r);
}

Test(list, jsonl_is_one_measure_object_a_line)
{
    run r = RUN("list", "--format=jsonl");
    assert_ok(&r, "list --format=jsonl");
    cr_expect_eq(test_count(r.out, "\n"), shz_measure_count());
    const char *line = r.out;
    for (size_t i = 0; i < shz_measure_count(); i++) {
        size_t len = strcspn(line, "\n");
        char *json = NULL;
        size_t json_len = 0;
        cr_assert_eq(shz_json_measure(shz_measure_at(i), 0, &json, &json_len), SHZ_OK);
        while (json_len > 0 && json[json_len - 1] == '\n')
            json_len--;
        cr_expect_eq(len, json_len, "line %zu", i);
        cr_expect_eq(memcmp(line, json, len < json_len ? len : json_len), 0, "line %zu", i);
        shz_free(json);
        line += len + 1;
    }
    run_free(&r);
    r = RUN("list", "--format", "csv");
    assert_fails(&r, 2, "--format csv");
    cr_expect_str_eq(r.err, "shenzhen: list --format takes text, tsv or jsonl, not 'csv'\n");
    run_free(&r);
}

/* ---- match kinds and modes ------------------------------------------------ */

/* The library's hits for @p query in @p mode (all of them). */
static shz_results *library_hits(const char *query, unsigned mode)
{
    shz_search_options opts;
    shz_search_options_init(&opts);
    opts.mode = mode;
    shz_results *r = NULL;
    cr_assert_eq(shz_search(query, strlen(query), &opts, &r), SHZ_OK, "%s", query);
    return r;
}

static const char *const mode_queries[] = {"秒批",   "破产 重整", "区块链",       "科技 金融",
                                           "patent", "zscq",      "个人破产 香港"};

/* search --json in each mode: the library's hits, how each matched, and the analysed terms. */
Test(modes, json_says_how_each_hit_matched)
{
    const char *modes[] = {"best", "all"};
    const unsigned values[] = {SHZ_SEARCH_BEST, SHZ_SEARCH_ALL_TERMS};
    size_t related_seen = 0;
    for (size_t q = 0; q < sizeof mode_queries / sizeof mode_queries[0]; q++) {
        for (size_t k = 0; k < 2; k++) {
            shz_results *want = library_hits(mode_queries[q], values[k]);
            run r = RUN("search", mode_queries[q], "-m", modes[k], "-j");
            cr_assert_eq(r.status, shz_results_count(want) ? 0 : 1, "%s -m %s", mode_queries[q],
                         modes[k]);
            cJSON *doc = cJSON_Parse(r.out);
            cr_assert_not_null(doc, "%s", r.out);
            cr_expect_str_eq(cJSON_GetObjectItem(doc, "mode")->valuestring, modes[k]);
            cJSON *terms = cJSON_GetObjectItem(doc, "terms");
            cr_assert_eq((size_t)cJSON_GetArraySize(terms), shz_results_term_count(want));
            for (size_t t = 0; t < shz_results_term_count(want); t++) {
                const char *text;
                cr_assert_eq(shz_results_term(want, t, &text, NULL), SHZ_OK);
                cJSON *term = cJSON_GetArrayItem(terms, (int)t);
                cr_expect_str_eq(cJSON_GetObjectItem(term, "text")->valuestring, text);
                cr_expect_eq(cJSON_GetObjectItem(term, "measures")->valuedouble,
                             (double)shz_results_term_measures(want, t));
            }
            cJSON *hits = cJSON_GetObjectItem(doc, "hits");
            cr_assert_eq((size_t)cJSON_GetArraySize(hits), shz_results_count(want));
            for (size_t i = 0; i < shz_results_count(want); i++) {
                cJSON *hit = cJSON_GetArrayItem(hits, (int)i);
                unsigned flags = shz_results_match(want, i);
                cr_expect_eq(cJSON_GetObjectItem(hit, "id")->valuedouble,
                             (double)shz_measure_id(shz_results_measure(want, i)));
                cr_expect_str_eq(cJSON_GetObjectItem(hit, "match")->valuestring,
                                 (flags & SHZ_MATCH_RELATED)     ? "related"
                                 : (flags & SHZ_MATCH_ALL_TERMS) ? "all"
                                                                 : "some");
                /* A related measure of the first hit says which and why; a match does not. */
                cJSON *to = cJSON_GetObjectItem(hit, "related_to");
                cr_expect_eq(to != NULL, (flags & SHZ_MATCH_RELATED) != 0);
                if (to) {
                    const shz_measure *best = shz_results_measure(want, 0);
                    size_t link = 0, links = shz_measure_related_count(best);
                    while (link < links &&
                           shz_measure_related(best, link) != shz_results_measure(want, i))
                        link++;
                    cr_assert_lt(link, links, "hit %zu is no link of the first hit", i);
                    const char *reason = NULL;
                    shz_measure_related_reason(best, link, SHZ_LANG_ZH_HANS, &reason, NULL);
                    cr_expect_eq(cJSON_GetObjectItem(to, "id")->valuedouble,
                                 (double)shz_measure_id(best));
                    cr_expect_eq(cJSON_GetObjectItem(to, "grade")->valuedouble,
                                 (double)shz_measure_related_grade(best, link));
                    cr_expect_str_eq(cJSON_GetObjectItem(to, "reason")->valuestring, reason);
                    related_seen++;
                }
                cr_expect_eq(cJSON_IsTrue(cJSON_GetObjectItem(hit, "tolerant")),
                             (flags & SHZ_MATCH_TOLERANT) != 0);
                if (values[k] == SHZ_SEARCH_ALL_TERMS)
                    cr_expect(flags & SHZ_MATCH_ALL_TERMS, "all mode, hit %zu not all terms", i);
                cJSON *per_term = cJSON_GetObjectItem(hit, "terms");
                cr_assert_eq((size_t)cJSON_GetArraySize(per_term), shz_results_term_count(want));
                for (size_t t = 0; t < shz_results_term_count(want); t++)
                    cr_expect_eq(cJSON_GetArrayItem(per_term, (int)t)->valuedouble,
                                 (double)shz_results_hit_term(want, i, t));
            }
            cJSON_Delete(doc);
            run_free(&r);
            shz_results_free(want);
        }
    }
    cr_expect_gt(related_seen, 0);
}

/* Best match is the default; --mode all and -m all are the same. */
Test(modes, best_is_the_default)
{
    run a = RUN("search", "区块链", "-j"), b = RUN("search", "区块链", "--mode=best", "-j"),
        c = RUN("search", "区块链", "-m", "all", "-j"),
        d = RUN("search", "区块链", "--mode", "all", "-j");
    cr_expect_str_eq(a.out, b.out);
    cr_expect_str_eq(c.out, d.out);
    cr_expect_not_null(strstr(a.out, "\"mode\":\"best\""));
    run bad = RUN("search", "区块链", "-m", "any");
    assert_fails(&bad, 2, "-m any");
    cr_expect_str_eq(bad.err, "shenzhen: search --mode takes best or all, not 'any'\n");
    run_free(&a);
    run_free(&b);
    run_free(&c);
    run_free(&d);
    run_free(&bad);
}

/* Without hits, the message names the terms no measure holds; when every term is somewhere
 * but no measure has them all (all-terms mode), it points to --mode best. */
Test(modes, no_hits_says_why)
{
    run r = RUN("search", "zzqqxx", "破产", "-m", "all");
    assert_fails(&r, 1, "zzqqxx 破产");
    cr_expect_str_eq(r.err, "shenzhen: no measure matches 'zzqqxx 破产': no measure contains "
                            "'zzqqxx'\n");
    run_free(&r);
    /* Two keywords of different measures that no measure holds together. */
    char query[256] = "";
    for (size_t a = 0; a < shz_measure_count() && !query[0]; a++) {
        for (size_t b = a + 1; b < shz_measure_count() && !query[0]; b++) {
            const char *ka, *kb;
            cr_assert_eq(shz_measure_keyword(shz_measure_at(a), 0, &ka, NULL), SHZ_OK);
            cr_assert_eq(shz_measure_keyword(shz_measure_at(b), 0, &kb, NULL), SHZ_OK);
            char q[256];
            snprintf(q, sizeof q, "%s %s", ka, kb);
            shz_results *all = library_hits(q, SHZ_SEARCH_ALL_TERMS);
            if (shz_results_count(all) == 0)
                snprintf(query, sizeof query, "%s", q);
            shz_results_free(all);
        }
    }
    cr_assert(query[0], "every pair of keywords shares a measure");
    r = RUN("search", query, "--mode", "all");
    assert_fails(&r, 1, query);
    cr_expect_not_null(strstr(r.err, "no measure holds all its terms (try --mode best)"), "%s",
                       r.err);
    run_free(&r);
    r = RUN("search", query);
    assert_ok(&r, "the same in best mode");
    cr_expect_not_null(strstr(r.out, "  some  "), "best mode: partial hits: %s", r.out);
    run_free(&r);
}

/* ---- --min-relevance ------------------------------------------------------ */

/* The matches (not the related measures after them) of search --json output: ids and
 * relevances into the arrays (room for cap), their number returned. */
static size_t json_matches(const char *out, int64_t *ids, double *relevances, size_t cap)
{
    cJSON *root = cJSON_Parse(out);
    cr_assert_not_null(root, "not JSON: %s", out);
    const cJSON *hit, *hits = cJSON_GetObjectItemCaseSensitive(root, "hits");
    size_t n = 0;
    cJSON_ArrayForEach(hit, hits)
    {
        const cJSON *match = cJSON_GetObjectItemCaseSensitive(hit, "match");
        if (cJSON_IsString(match) && strcmp(match->valuestring, "related") == 0)
            continue;
        cr_assert_lt(n, cap);
        ids[n] = (int64_t)cJSON_GetObjectItemCaseSensitive(hit, "id")->valuedouble;
        relevances[n++] = cJSON_GetObjectItemCaseSensitive(hit, "relevance")->valuedouble;
    }
    cJSON_Delete(root);
    return n;
}

/* The first keyword of measures a, b and c, space-separated, into query. */
static void three_keywords(size_t a, size_t b, size_t c, char *query, size_t cap)
{
    const char *k[3];
    const size_t at[3] = {a, b, c};
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(shz_measure_keyword(shz_measure_at(at[i]), 0, &k[i], NULL), SHZ_OK);
    snprintf(query, cap, "%s %s %s", k[0], k[1], k[2]);
}

/* --min-relevance R keeps the library's matches at that threshold: each holds R at least, the
 * ids are those of shz_search with min_relevance R, and a higher R keeps a subset of what a
 * lower one keeps; 1 keeps fewer than 0 for a query of three measures' keywords. */
Test(search, min_relevance_keeps_the_matches_that_hold_that_much)
{
    static const char *const thresholds[] = {"0", "0.05", ".13", "0.3", "0.5", "1"};
    enum { CAP = 64, COUNT = sizeof thresholds / sizeof thresholds[0] };
    char query[256];
    three_keywords(0, 16, 32, query, sizeof query);
    int64_t ids[COUNT][CAP];
    double relevances[CAP];
    size_t counts[COUNT];
    for (size_t t = 0; t < COUNT; t++) {
        run r = RUN("search", query, "--json", "--min-relevance", thresholds[t]);
        cr_assert(r.status == 0 || r.status == 1, "%s: status %d", thresholds[t], r.status);
        counts[t] = json_matches(r.out, ids[t], relevances, CAP);
        double least = strtod(thresholds[t], NULL);
        for (size_t i = 0; i < counts[t]; i++)
            cr_expect_geq(relevances[i], least, "R %s: measure %" PRId64 " holds %g", thresholds[t],
                          ids[t][i], relevances[i]);
        shz_search_options opts;
        shz_search_options_init(&opts);
        opts.min_relevance = least;
        opts.flags = SHZ_ONLY_MATCHES;
        shz_results *lib = NULL;
        cr_assert_eq(shz_search(query, strlen(query), &opts, &lib), SHZ_OK);
        cr_expect_eq(shz_results_count(lib), counts[t], "R %s", thresholds[t]);
        for (size_t i = 0; i < counts[t] && i < shz_results_count(lib); i++)
            cr_expect_eq(shz_measure_id(shz_results_measure(lib, i)), ids[t][i], "R %s, hit %zu",
                         thresholds[t], i);
        shz_results_free(lib);
        for (size_t i = 0; t > 0 && i < counts[t]; i++) {
            size_t j = 0;
            while (j < counts[t - 1] && ids[t - 1][j] != ids[t][i])
                j++;
            cr_expect_lt(j, counts[t - 1], "R %s keeps %" PRId64 ", R %s does not", thresholds[t],
                         ids[t][i], thresholds[t - 1]);
        }
        run_free(&r);
    }
    cr_expect_gt(counts[0], counts[COUNT - 1], "%s: as many matches at 1 as at 0", query);
}

/* Anything but a plain decimal from 0 to 1 is bad usage, named in the message. */
Test(args, min_relevance_takes_a_decimal_from_0_to_1)
{
    static const char *const bad[] = {"",     "x",    "-0.1", "1.01", "nan",
                                      "inf",  "1e-1", "0x1",  ".",    "0.5x",
                                      " 0.5", "+0.5", "2",    "0,5",  "1.00000000000000000001"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        run r = RUN("search", "破产", "--min-relevance", bad[i]);
        assert_fails(&r, 2, bad[i]);
        char expected[128];
        snprintf(expected, sizeof expected, "shenzhen: invalid --min-relevance '%s': ", bad[i]);
        cr_expect(strncmp(r.err, expected, strlen(expected)) == 0, "'%s': %s", bad[i], r.err);
        run_free(&r);
    }
    static const char *const good[] = {
        "0", "1", ".5", "0.", "1.0", "0.130", "00.2", "01.000", "0.99999999999999999999"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        run r = RUN("search", "破产", "--min-relevance", good[i]);
        assert_ok(&r, good[i]);
        run_free(&r);
    }
    run other = RUN("list", "--min-relevance", "0.5");
    assert_fails(&other, 2, "list --min-relevance");
    run_free(&other);
}

/* When nothing matches in best mode but some measure holds a word of the query, the message
 * names the closest and the --min-relevance that shows it; that R does show it, first. The
 * query: a measure's keyword among more and more words no measure has, until it holds too
 * little of it. */
Test(search, no_hits_names_the_closest_measure_and_its_threshold)
{
    const char *keyword;
    cr_assert_eq(shz_measure_keyword(shz_measure_at(14), 0, &keyword, NULL), SHZ_OK);
    char query[512];
    snprintf(query, sizeof query, "%s", keyword);
    int64_t id = shz_measure_id(shz_measure_at(14));
    run r = RUN("search", query);
    for (int extra = 0; r.status == 0 && extra < 26; extra++) {
        run_free(&r);
        size_t used = strlen(query);
        snprintf(query + used, sizeof query - used, " zzq%c", 'a' + extra);
        r = RUN("search", query);
    }
    assert_fails(&r, 1, query);
    char expected[64];
    snprintf(expected, sizeof expected, "; the closest, measure %" PRId64 ", holds 0.", id);
    const char *at = strstr(r.err, expected);
    cr_assert_not_null(at, "%s", r.err);
    const char *option = strstr(at, "(--min-relevance ");
    cr_assert_not_null(option, "%s", r.err);
    char threshold[16] = "";
    cr_assert_eq(sscanf(option, "(--min-relevance %15[0-9.] shows it)", threshold), 1, "%s", r.err);
    cr_expect_lt(strtod(threshold, NULL), SHZ_MIN_RELEVANCE_DEFAULT, "%s", r.err);
    run shown = RUN("search", query, "--min-relevance", threshold);
    assert_ok(&shown, threshold);
    char first[32];
    snprintf(first, sizeof first, "%" PRId64 "  ", id);
    cr_expect(strncmp(shown.out, first, strlen(first)) == 0, "R %s: %s", threshold, shown.out);
    run_free(&shown);
    run_free(&r);
    /* No measure holds any of it: no closest measure to name. */
    r = RUN("search", "zzqa zzqb");
    assert_fails(&r, 1, "zzqa zzqb");
    cr_expect_null(strstr(r.err, "closest"), "%s", r.err);
    run_free(&r);
}

/* --explain: the weights of a short query add up to 1 and nothing more is said; those of a
 * long one (three measures' titles) to more, and a line says so, giving their sum. */
Test(search, explain_says_when_the_weights_add_up_to_more_than_1)
{
    const char *t[3];
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(shz_measure_text(shz_measure_at(10 * i + 3), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS,
                                      &t[i], NULL),
                     SHZ_OK);
    char long_query[1024];
    snprintf(long_query, sizeof long_query, "%s %s %s", t[0], t[1], t[2]);
    const char *queries[] = {"破产", long_query};
    for (size_t q = 0; q < 2; q++) {
        run r = RUN("search", queries[q], "--explain", "--no-related", "-n", "1");
        assert_ok(&r, queries[q]);
        double sum = 0, weight;
        for (const char *at = strstr(r.out, "  weight "); at; at = strstr(at + 1, "  weight "))
            if (sscanf(at, "  weight %lf", &weight) == 1)
                sum += weight;
        const char *line = strstr(r.out, "    weights add up to ");
        if (q == 0) {
            cr_expect_float_eq(sum, 1.0, 0.002, "%s", r.out);
            cr_expect_null(line, "%s", r.out);
        } else {
            double stated = 0;
            cr_assert_not_null(line, "%s", r.out);
            cr_assert_eq(sscanf(line, "    weights add up to %lf:", &stated), 1, "%s", line);
            cr_expect_gt(stated, 1.0005, "%s", r.out);
            cr_expect_float_eq(stated, sum, 0.001 * 64, "%s", r.out);
        }
        run_free(&r);
    }
}

/* The pinyin of a keyword (破产法庭, 个人破产制度 …) and the initials of a whole one find their
 * measure first, shown as its keywords; the pinyin of a word found only in a body finds
 * nothing. */
Test(search, keyword_pinyin_finds_its_measure)
{
    const char *queries[] = {"pochan", "gerenpochan", "grpczd"};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        run r = RUN("search", queries[i]);
        assert_ok(&r, queries[i]);
        const char *field = i < 2 ? " pinyin " : " initials ";
        cr_expect(!strncmp(r.out, "15  ", 4) && strstr(r.out, field) &&
                      strstr(r.out, field) < strstr(r.out, "\n") && strstr(r.out, "破产"),
                  "%s: %s", queries[i], r.out);
        run_free(&r);
    }
    run all = RUN("search", "-m", "all", "pochan");
    assert_ok(&all, "-m all pochan");
    cr_expect(!strncmp(all.out, "15  ", 4), "-m all pochan: %s", all.out);
    run_free(&all);
    run body = RUN("search", "-m", "all", "zhuanmen"); /* 专门: measure 15's body only */
    assert_fails(&body, 1, "zhuanmen");
    run_free(&body);
}

/* ---- edges of the arguments and of the input -------------------------------- */

/* A category and a topic that share no measure: an empty list, which is no error, in every
 * format (a script reading it gets no line, not a message). */
Test(list, a_category_and_topic_without_common_measures_list_nothing)
{
    const shz_topic *topic;
    cr_assert_eq(shz_topic_find("healthcare", 10, &topic), SHZ_OK);
    for (size_t i = 0; i < shz_topic_measure_count(topic); i++)
        cr_assert_neq(shz_category_id(shz_measure_category(shz_topic_measure_at(topic, i))), 1,
                      "the test needs a topic without measures in category 1");
    const char *formats[] = {"text", "tsv", "jsonl"};
    for (size_t f = 0; f < 3; f++) {
        run r = RUN("list", "-c", "1", "--topic", "healthcare", "--format", formats[f]);
        assert_ok(&r, formats[f]);
        cr_expect_str_eq(
            r.out, formats[f][0] == 't' && formats[f][1] == 's' ? "id\tcategory\ttitle\n" : "",
            "%s", formats[f]);
        run_free(&r);
    }
}

Test(list, an_empty_topic_is_no_topic)
{
    run r = RUN("list", "--topic", "");
    assert_fails(&r, 1, "--topic ''");
    cr_expect_str_eq(r.err, "shenzhen: no topic '' (shenzhen topics lists the keys)\n");
    run_free(&r);
}

/* C1 controls (U+0080-U+009F) and DEL are echoed as bytes in \xNN, like C0 controls: a
 * terminal may act on them. */
Test(args, controls_of_every_range_are_escaped_in_messages)
{
    run r = RUN("show", "x\xC2\x85\x7F\x01y");
    assert_fails(&r, 2, "id with controls");
    cr_expect_str_eq(r.err,
                     "shenzhen: invalid measure id 'x\\xC2\\x85\\x7F\\x01y': not an integer\n");
    run_free(&r);
}

/* search - on a standard input that cannot be read: a usage error that says why. */
Test(search, unreadable_stdin_is_a_usage_error)
{
    int dir = open("/", O_RDONLY | O_DIRECTORY);
    cr_assert_geq(dir, 0);
    cr_assert_geq(dup2(dir, STDIN_FILENO), 0); /* this test's process only: Criterion forks */
    close(dir);
    run r = RUN("search", "-");
    assert_fails(&r, 2, "search - < /");
    cr_expect_str_eq(r.err, "shenzhen: search: cannot read the query from stdin: Is a directory\n");
    run_free(&r);
}
