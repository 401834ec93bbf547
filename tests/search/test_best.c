/*
 * Best-match mode (the default): properties over many queries, checked by
 * brute force (brute.c over the oracle's texts), and one test per ranking rule
 * (README "Ranking").
 *
 * Properties, for every query:
 * - scores never increase down the list;
 * - a hit has SHZ_MATCH_ALL_TERMS exactly when it matched every term, and
 *   every such hit ranks above every partial one;
 * - a hit matched a term exactly when brute force finds the term in the
 *   measure's text as best match matches it (both ways: nothing reported that
 *   is not there, nothing there that is not reported);
 * - shz_results_term_measures counts the measures brute force finds;
 * - for queries of Han terms, the hits are exactly the measures that pass the
 *   minimum-should-match rule, recomputed from brute-force IDF.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brute.h"
#include "check.h"
#include "search/stem.h"

static void setup(void)
{
    cr_assert(oracle_init(), "oracle: cannot load texts or %s", SHZ_T2S_TSV);
    cr_assert(brute_init());
}

static void teardown(void)
{
    brute_fini();
    oracle_fini();
}

TestSuite(best, .init = setup, .fini = teardown);

enum { MAX_TERMS = 64, MAX_TERM_CHARS = 256 };

typedef struct terms {
    uint32_t chars[MAX_TERMS][MAX_TERM_CHARS];
    size_t len[MAX_TERMS];
    size_t count;
} terms;

static void read_terms(const shz_results *r, terms *t)
{
    t->count = shz_results_term_count(r);
    cr_assert_leq(t->count, MAX_TERMS);
    for (size_t i = 0; i < t->count; i++) {
        const char *text;
        size_t len;
        cr_assert_eq(shz_results_term(r, i, &text, &len), SHZ_OK);
        cr_assert_eq(text[len], '\0');
        t->len[i] = brute_term(text, len, t->chars[i], MAX_TERM_CHARS);
        cr_assert_gt(t->len[i], 0, "term '%s' normalizes to nothing", text);
    }
}

static int all_han(const terms *t)
{
    for (size_t i = 0; i < t->count; i++)
        if (t->chars[i][0] < 0x3400)
            return 0;
    return 1;
}

/* The words README "Ranking" lists as saying what kind of answer a request wants, and the
 * city's name. */
static const char *const frame_words[] = {"申请", "办理", "手续", "流程", "规定", "规则", "标准",
                                          "政策", "措施", "办法", "条件", "要求", "材料", "价格",
                                          "时间", "影响", "问题", "情况", "方法", "方式", "提前",
                                          "正常", "需要", "深圳", "在深"};

static int is_frame(const uint32_t *chars, size_t len)
{
    for (size_t w = 0; w < sizeof frame_words / sizeof frame_words[0]; w++) {
        uint32_t word[4];
        if (brute_term(frame_words[w], strlen(frame_words[w]), word, 4) == len &&
            !memcmp(word, chars, len * sizeof *chars))
            return 1;
    }
    return 0;
}

/* The precision rule of README "Ranking" with min_relevance 0, for queries all of whose terms
 * occur somewhere: a measure holding a word of the query that says what it is about (a bigram
 * not among the frame words; else any bigram; lone characters only when the query has no
 * bigram) is a hit, except one whose terms are all common (found in more than a quarter of the
 * measures) when such a word of the query is not, or when it holds one term of several, and
 * one that holds one such word of several terms only in its body or summary (named: whether
 * its titles, keywords or aliases hold each term) or that is common. */
static int passes_rule(const terms *t, const int *matched, const int *named, const size_t *df)
{
    size_t count = 0, held_words = 0, lone_word = 0;
    int has_word = 0, has_content = 0, uncommon_word = 0, holds_uncommon = 0;
    for (size_t i = 0; i < t->count; i++) {
        has_word |= t->len[i] >= 2;
        has_content |= t->len[i] >= 2 && !is_frame(t->chars[i], t->len[i]);
    }
    for (size_t i = 0; i < t->count; i++) {
        int word =
            has_content ? t->len[i] >= 2 && !is_frame(t->chars[i], t->len[i]) : t->len[i] >= 2;
        int common = df[i] * 4 > shz_measure_count();
        uncommon_word |= (has_word ? word : 1) && !common;
        if (matched[i]) {
            count++;
            holds_uncommon |= !common;
            if (word) {
                held_words++;
                lone_word = i;
            }
        }
    }
    if (count == 0 || (has_word && !held_words))
        return 0;
    if (held_words == 1 && t->count >= 2 &&
        (!named[lone_word] || df[lone_word] * 4 > shz_measure_count()))
        return 0;
    return holds_uncommon || !(uncommon_word || (count == 1 && t->count >= 2));
}

/* The measures that match query at min_relevance (no related measures after them). */
static shz_results *search_min(const char *query, double min_relevance)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.min_relevance = min_relevance;
    o.flags = SHZ_ONLY_MATCHES;
    shz_results *r = NULL;
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK, "'%s'", query);
    return r;
}

typedef struct tally {
    size_t queries, hits, partial, all_terms, msm_checked, related;
} tally;

/* SHZ_QUERY_STRIDE=N (N >= 1, default 1): check_best checks only every N-th query of the plan,
 * the others still drawn, so the checked ones are a subset of the full plan. .ci/valgrind sets
 * it: memcheck runs the same code paths on fewer queries (the full plan runs everywhere else). */
static size_t query_stride(void)
{
    const char *asked = getenv("SHZ_QUERY_STRIDE");
    long stride = asked ? strtol(asked, NULL, 10) : 1;
    return stride >= 1 && stride <= 100 ? (size_t)stride : 1;
}

/* Runs query in best mode and checks every property above (every query_stride()-th call). */
static void check_best(const char *query, tally *tl)
{
    static terms t;
    static size_t calls;
    if (calls++ % query_stride() != 0)
        return;
    shz_results *r;
    shz_status st = shz_search(query, strlen(query), NULL, &r);
    if (st == SHZ_ERR_EMPTY_QUERY)
        return;
    cr_assert_eq(st, SHZ_OK, "'%s': %s", query, shz_errstr(st));
    read_terms(r, &t);
    size_t n = shz_results_count(r), measures = shz_measure_count();
    unsigned mask = oracle_mask(0, 0);
    tl->queries++;
    tl->hits += n;
    int64_t last = INT64_MAX;
    double last_relevance = 1;
    static char returned[4096], related[4096];
    memset(returned, 0, measures);
    memset(related, 0, measures);
    const shz_measure *first = shz_results_measure(r, 0);
    for (size_t k = 0; first && k < shz_measure_related_count(first); k++)
        if (shz_measure_related_grade(first, k) == 2) /* closely related */
            related[shz_measure_id(shz_measure_related(first, k)) - 1] = 1;
    size_t matches = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t score = shz_results_score(r, i);
        cr_assert_leq(score, last, "'%s': hit %zu scores above the one before", query, i);
        last = score;
        double relevance = shz_results_relevance(r, i);
        size_t m = (size_t)shz_measure_id(shz_results_measure(r, i)) - 1;
        /* The matches reach the threshold; the best match's related measures that do not
         * follow them, holding no more than the last match, or nothing. */
        if (shz_results_match(r, i) & SHZ_MATCH_RELATED) {
            cr_assert(related[m] && i > 0, "'%s': hit %zu is no closely related measure of hit 0",
                      query, i);
            cr_assert(relevance <= shz_results_relevance(r, matches - 1),
                      "'%s': related hit %zu holds %f, more than the last match", query, i,
                      relevance);
            related[m] = 2;
            tl->related++;
        } else {
            cr_assert_eq(matches++, i, "'%s': match %zu after a related measure", query, i);
            cr_assert(relevance >= SHZ_MIN_RELEVANCE_DEFAULT - 1e-4, "'%s': hit %zu: %f", query, i,
                      relevance);
            returned[m] = 1;
        }
        cr_assert(relevance <= last_relevance, "'%s': hit %zu: relevance %f after %f", query, i,
                  relevance, last_relevance);
        last_relevance = relevance;
        int every = 1;
        for (size_t k = 0; k < t.count; k++) {
            unsigned got = shz_results_hit_term(r, i, k);
            int there = brute_matches(m, t.chars[k], t.len[k], mask);
            cr_assert_eq(got == 1, there, "'%s': measure %zu term %zu: engine %u, brute force %d",
                         query, m + 1, k, got, there);
            /* Tolerance stands in only for a term that occurs nowhere. */
            cr_assert(got != 2 || shz_results_term_measures(r, k) == 0, "'%s' term %zu", query, k);
            every &= got != 0;
        }
        unsigned match = shz_results_match(r, i);
        cr_assert_eq((match & SHZ_MATCH_ALL_TERMS) != 0, every, "'%s' hit %zu", query, i);
        cr_assert(every || !(match & SHZ_MATCH_ALL_TERMS));
        tl->partial += !every;
        tl->all_terms += every;
    }
    /* Term statistics and, for Han terms, the exact hit set. */
    static int matched[4096][MAX_TERMS], named[4096][MAX_TERMS];
    /* The naming fields: all but the bodies and the summary. */
    unsigned naming = mask & ~(1u << 4 | 1u << 5 | 1u << ORACLE_BODY_EN);

    int nowhere = 0; /* some term occurs nowhere: tolerance may add alternatives */
    size_t df[MAX_TERMS];
    for (size_t k = 0; k < t.count; k++) {
        size_t holding = 0;
        for (size_t m = 0; m < measures; m++) {
            holding += (size_t)(matched[m][k] = brute_matches(m, t.chars[k], t.len[k], mask));
            named[m][k] = brute_matches(m, t.chars[k], t.len[k], naming);
        }
        cr_assert_eq(shz_results_term_measures(r, k), holding, "'%s' term %zu", query, k);
        df[k] = brute_gram_df(t.chars[k], t.len[k]);

        nowhere |= holding == 0;
    }
    if (all_han(&t) && !nowhere) { /* no unknown word: no characters searched, no tolerance */
        /* Every related measure of the best match that holds no term of the query follows the
         * matches (one that holds some may have failed the rule's other tests). */
        for (size_t m = 0; m < measures; m++) {
            int holds = 0;
            for (size_t k = 0; k < t.count; k++)
                holds |= matched[m][k];
            cr_assert(related[m] != 1 || returned[m] || holds,
                      "'%s': measure %zu, related to hit 0 and holding nothing, is not listed",
                      query, m + 1);
        }
        tl->msm_checked++;
        /* With min_relevance 0 the hits are the measures the rule's other clauses let through;
         * by default, those of them whose relevance reaches the threshold. */
        shz_results *all = search_min(query, 0);
        static char kept[4096];
        memset(kept, 0, measures);
        for (size_t i = 0; i < shz_results_count(all); i++) {
            size_t m = (size_t)shz_measure_id(shz_results_measure(all, i)) - 1;
            kept[m] = 1;
            double rel = shz_results_relevance(all, i);
            if (rel < SHZ_MIN_RELEVANCE_DEFAULT - 1e-4 || rel > SHZ_MIN_RELEVANCE_DEFAULT + 1e-4)
                cr_assert_eq(returned[m], rel > SHZ_MIN_RELEVANCE_DEFAULT, "'%s': measure %zu",
                             query, m + 1);
        }
        for (size_t m = 0; m < measures; m++)
            cr_assert_eq(kept[m], passes_rule(&t, matched[m], named[m], df),
                         "'%s': measure %zu %s, but the precision rule says %s", query, m + 1,
                         kept[m] ? "returned" : "left out", kept[m] ? "no" : "yes");
        shz_results_free(all);
    }
    shz_results_free(r);
}

static void substring(const char *text, size_t a, size_t k, const size_t *off, char *out)
{
    memcpy(out, text + off[a], off[a + k] - off[a]);
    out[off[a + k] - off[a]] = '\0';
}

Test(best, properties_over_many_queries)
{
    static size_t off[4097];
    static char q[2048];
    tally tl = {0, 0, 0, 0, 0, 0};
    unsigned seed = 20211072;
    /* Title pieces of 2-8 characters, and zh body pieces of 3-12. */
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *text;
        size_t len;
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &text, &len);
        size_t n = split_chars(text, len, off, 4096);
        for (size_t a = 0; a + 2 <= n; a += 3) {
            size_t k = 2 + next_random(&seed) % 7;
            substring(text, a, a + k <= n ? k : n - a, off, q);
            check_best(q, &tl);
        }
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS, &text, &len);
        n = split_chars(text, len, off, 4096);
        for (int i = 0; i < 4; i++) {
            size_t k = 3 + next_random(&seed) % 10, a = next_random(&seed) % (n - k);
            substring(text, a, k, off, q);
            check_best(q, &tl);
        }
        /* English words and pairs of them, and the pinyin as typed. */
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_EN, &text, &len);
        n = split_chars(text, len, off, 4096);
        for (int i = 0; i < 3; i++) {
            size_t k = 3 + next_random(&seed) % 14, a = next_random(&seed) % (n > k ? n - k : 1);
            substring(text, a, a + k <= n ? k : n - a, off, q);
            check_best(q, &tl);
        }
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS, &text, &len);
        size_t w = 0;
        for (size_t i = 0; i < len && w < 40; i++)
            if (text[i] != ' ')
                q[w++] = text[i];
        q[w] = '\0';
        check_best(q, &tl);
    }
    /* Pieces of different measures run together, with and without spaces, and questions. */
    const char *asked[] = {"怎样帮助困境企业重整",
                           "深圳如何推进个人破产制度",
                           "有没有关于养老服务的措施",
                           "科研人员可以离岗创业吗",
                           "river pollution control",
                           "how does shenzhen support startups",
                           "12345 hotline",
                           "5G",
                           "90%",
                           "ice art port",
                           "miaobao",
                           "bankruptcies"};
    for (size_t i = 0; i < sizeof asked / sizeof asked[0]; i++)
        check_best(asked[i], &tl);
    for (int i = 0; i < 120; i++) {
        size_t used = 0;
        for (int p = 0; p < 3; p++) {
            size_t m = next_random(&seed) % shz_measure_count(), len;
            const char *text;
            shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &text, &len);
            size_t n = split_chars(text, len, off, 4096), k = 2 + next_random(&seed) % 3;
            size_t a = next_random(&seed) % (n > k ? n - k : 1);
            if (a + k > n)
                k = n - a;
            substring(text, a, k, off, q + used);
            used += strlen(q + used);
            if (i % 2)
                q[used++] = ' ';
        }
        q[used] = '\0';
        check_best(q, &tl);
    }
    cr_log_info("best: %zu queries, %zu hits (%zu all terms, %zu partial, %zu related), %zu hit "
                "sets checked against the minimum-should-match rule",
                tl.queries, tl.hits, tl.all_terms, tl.partial, tl.related, tl.msm_checked);
    fprintf(stderr,
            "best: %zu queries, %zu hits (%zu all terms, %zu partial, %zu related), %zu hit sets "
            "checked against the minimum-should-match rule\n",
            tl.queries, tl.hits, tl.all_terms, tl.partial, tl.related, tl.msm_checked);
    size_t stride = query_stride();
    cr_assert(tl.queries > 500 / stride && tl.all_terms > 500 / stride &&
              tl.partial > 200 / stride && tl.msm_checked > 300 / stride &&
              tl.related > 200 / stride);
}

/* ---- one test per ranking rule ---------------------------------------- */

/* The measures that match query in fields (0: all), without the related measures that follow
 * them by default (test_related_hits.c tests those). */
static shz_results *best(const char *query, unsigned fields)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.fields = fields;
    o.flags = SHZ_ONLY_MATCHES;
    shz_results *r;
    cr_assert_eq(shz_search(query, strlen(query), &o, &r), SHZ_OK, "'%s'", query);
    return r;
}

/* Index of the measure (0-based index m) among the hits, or -1. */
static long rank_of(const shz_results *r, size_t m)
{
    for (size_t i = 0; i < shz_results_count(r); i++)
        if ((size_t)shz_measure_id(shz_results_measure(r, i)) == m + 1)
            return (long)i;
    return -1;
}

static int64_t score_of(const shz_results *r, size_t m)
{
    long i = rank_of(r, m);
    return i < 0 ? -1 : shz_results_score(r, (size_t)i);
}

/* The analysed terms of a query, as one string "a|b|c". */
static void term_list(const shz_results *r, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t t = 0; t < shz_results_term_count(r); t++) {
        const char *text;
        size_t len;
        shz_results_term(r, t, &text, &len);
        used += (size_t)snprintf(out + used, cap - used, "%s%s", t ? "|" : "", text);
    }
}

Test(best, latin_words_match_whole_words_only)
{
    /* Inside other words ("service", "smart", "support") all-terms mode finds them. */
    const char *words[] = {"ice", "art", "port"};
    uint32_t chars[8];
    for (size_t i = 0; i < 3; i++) {
        shz_search_options all = all_terms_options();
        shz_results *every, *r = best(words[i], 0);
        cr_assert_eq(shz_search(words[i], strlen(words[i]), &all, &every), SHZ_OK);
        size_t n = brute_term(words[i], strlen(words[i]), chars, 8), whole = 0;
        for (size_t m = 0; m < shz_measure_count(); m++)
            whole += (size_t)brute_matches(m, chars, n, oracle_mask(0, 0));
        cr_assert_eq(shz_results_count(r), whole, "'%s'", words[i]);
        cr_assert_gt(shz_results_count(every), whole, "'%s' occurs inside words", words[i]);
        shz_results_free(r);
        shz_results_free(every);
    }
}

/* The words of an English text, lower case, a-z only, into words[]; returns how many. */
static size_t english_words(const char *text, char words[][32], size_t cap)
{
    size_t n = 0, len = 0;
    char w[32];
    for (const char *p = text;; p++) {
        int letter = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
        if (letter && len < sizeof w - 1) {
            w[len++] = (char)(*p | 0x20);
            continue;
        }
        if (len >= 4 && n < cap && !(((unsigned char)*p) >= 0x80 || (*p >= '0' && *p <= '9'))) {
            memcpy(words[n], w, len);
            words[n++][len] = '\0';
        }
        len = 0;
        if (!*p)
            break;
    }
    return n;
}

Test(best, stems_match_and_the_exact_word_outranks_its_stem)
{
    static char words[4096][32];
    size_t n = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *text;
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_EN, &text, NULL);
        n += english_words(text, words + n, 4096 - n);
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_SUMMARY, SHZ_LANG_EN, &text, NULL);
        n += english_words(text, words + n, 4096 - n);
    }
    size_t pairs = 0;
    for (size_t i = 0; i < n && pairs < 40; i++) {
        unsigned char si[SZS_STEM_MAX], sj[SZS_STEM_MAX];
        size_t li = szs_stem_english((const unsigned char *)words[i], strlen(words[i]), si);
        for (size_t j = 0; j < n; j++) {
            if (!strcmp(words[i], words[j]))
                continue;
            size_t lj = szs_stem_english((const unsigned char *)words[j], strlen(words[j]), sj);
            if (lj != li || memcmp(si, sj, li))
                continue;
            /* x = words[i], y = words[j], same stem: a measure with x and without y. */
            uint32_t x[32], y[32];
            size_t xl = brute_term(words[i], strlen(words[i]), x, 32);
            size_t yl = brute_term(words[j], strlen(words[j]), y, 32);
            shz_results *rx = best(words[i], 0), *ry = best(words[j], 0);
            for (size_t m = 0; m < shz_measure_count(); m++) {
                /* x as a whole word somewhere, y nowhere */
                if (!brute_whole(m, x, xl, oracle_mask(0, 0)) || score_of(rx, m) < 0)
                    continue;
                int y_whole = 0;
                const oracle_text *t;
                for (int f = 0; f < ORACLE_FIELDS && !y_whole; f++) {
                    t = oracle_field_text(m, f);
                    for (size_t k = 0; k + yl <= t->len && !y_whole; k++)
                        y_whole = !memcmp(t->chars + k, y, yl * sizeof *y);
                }
                if (y_whole)
                    continue;
                cr_assert_geq(rank_of(ry, m), 0, "'%s' finds measure %zu by the stem of '%s'",
                              words[j], m + 1, words[i]);
                cr_assert_gt(score_of(rx, m), score_of(ry, m),
                             "measure %zu: exact '%s' must outrank its stem's '%s'", m + 1,
                             words[i], words[j]);
                pairs++;
            }
            shz_results_free(rx);
            shz_results_free(ry);
            break;
        }
    }
    cr_assert_gt(pairs, 5, "only %zu word pairs sharing a stem decided", pairs);
}

Test(best, pinyin_matches_on_syllable_boundaries)
{
    size_t whole = 0, cut = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *py;
        size_t len;
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_PINYIN, SHZ_LANG_ZH_HANS, &py, &len);
        /* The first two syllables, typed without the space. */
        char q[64];
        size_t w = 0, spaces = 0;
        for (size_t i = 0; i < len && w < sizeof q - 1; i++) {
            if (py[i] == ' ' && ++spaces == 2)
                break;
            if (py[i] != ' ')
                q[w++] = py[i];
        }
        q[w] = '\0';
        shz_results *r = best(q, SHZ_FIELD_PINYIN);
        cr_assert_geq(rank_of(r, m), 0, "'%s' must find measure %zu", q, m + 1);
        shz_results_free(r);
        whole++;
        /* The same less its first letter starts inside a syllable: not a match there. */
        uint32_t chars[64];
        size_t n = brute_term(q + 1, w - 1, chars, 64);
        if (n < 2 || brute_matches(m, chars, n, 1u << 2))
            continue;
        r = best(q + 1, SHZ_FIELD_PINYIN);
        long rank = rank_of(r, m); /* a typo of an English word ("henpin", Zhenpin) may be */
        cr_assert(rank < 0 || (shz_results_match(r, (size_t)rank) & SHZ_MATCH_TOLERANT),
                  "'%s' starts inside a syllable of measure %zu", q + 1, m + 1);
        shz_results_free(r);
        cut++;
    }
    cr_assert(whole == shz_measure_count() && cut > 30, "%zu cut queries", cut);
}

Test(best, digits_are_tokens)
{
    char terms_of[256];
    const char *cases[][2] = {
        {"90%", "90"}, {"12345", "12345"}, {"5G", "5g"}, {"5G网络", "5g|网络|网|络"}};
    for (size_t i = 0; i < 4; i++) {
        shz_results *r = best(cases[i][0], 0);
        term_list(r, terms_of, sizeof terms_of);
        cr_assert_str_eq(terms_of, cases[i][1], "'%s'", cases[i][0]);
        cr_assert_gt(shz_results_count(r), 0, "'%s'", cases[i][0]);
        shz_results_free(r);
    }
    /* "9" is not found inside "90". */
    uint32_t nine[1] = {'9'};
    shz_results *r = best("9", 0);
    for (size_t m = 0; m < shz_measure_count(); m++)
        cr_assert_eq(rank_of(r, m) >= 0, brute_matches(m, nine, 1, oracle_mask(0, 0)));
    shz_results_free(r);
}

static void assert_same_results(const char *a, const char *b)
{
    shz_results *ra = best(a, 0), *rb = best(b, 0);
    char ta[512], tb[512];
    term_list(ra, ta, sizeof ta);
    term_list(rb, tb, sizeof tb);
    cr_assert_str_eq(ta, tb, "'%s' and '%s' analyse alike", a, b);
    cr_assert_eq(shz_results_count(ra), shz_results_count(rb));
    for (size_t i = 0; i < shz_results_count(ra); i++) {
        cr_assert_eq(shz_results_measure(ra, i), shz_results_measure(rb, i));
        cr_assert_eq(shz_results_score(ra, i), shz_results_score(rb, i));
    }
    shz_results_free(ra);
    shz_results_free(rb);
}

Test(best, question_and_function_words_do_not_decide)
{
    assert_same_results("如何推进个人破产", "推进个人破产");
    assert_same_results("深圳有没有推进个人破产的措施吗", "深圳 推进个人破产 措施");
    assert_same_results("how does shenzhen support startups", "shenzhen support startups");
    char terms_of[512];
    shz_results *r = best("怎样帮助困境企业重整", 0);
    term_list(r, terms_of, sizeof terms_of);
    cr_assert_str_eq(terms_of, "帮助|助困|困境|境企|企业|业重|重整");
    shz_results_free(r);
    r = best("如何", 0); /* nothing else: searched after all (no text has it: by character) */
    term_list(r, terms_of, sizeof terms_of);
    cr_assert_str_eq(terms_of, "如何|如|何");
    shz_results_free(r);
}

/* An English function word glued to Han characters on both sides is a letter of a name (the
 * business portal's 深i企), kept as a term; with a space on either side it is dropped again. */
Test(best, a_function_word_inside_a_han_name_is_kept)
{
    char terms_of[512];
    shz_results *r = best("深i企怎么用", 0);
    term_list(r, terms_of, sizeof terms_of);
    cr_assert_str_eq(terms_of, "深|i|企|用");
    cr_assert_gt(shz_results_count(r), 0);
    cr_assert_eq(shz_measure_id(shz_results_measure(r, 0)), 14, "the portal named first");
    shz_results_free(r);
    r = best("深 i企", 0);
    term_list(r, terms_of, sizeof terms_of);
    cr_assert_str_eq(terms_of, "深|企");
    shz_results_free(r);
}

Test(best, a_phrase_ranks_above_scattered_words)
{
    static size_t off[4097];
    size_t raised = 0, same = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *title;
        size_t len;
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &title, &len);
        size_t n = split_chars(title, len, off, 4096);
        for (size_t a = 0; a + 3 <= n; a += 3) {
            char phrase[32], apart[40];
            substring(title, a, 3, off, phrase);
            uint32_t c[3];
            if (brute_term(phrase, strlen(phrase), c, 3) != 3 || c[0] < 0x3400 || c[1] < 0x3400 ||
                c[2] < 0x3400)
                continue;
            /* The same two bigrams as two terms, not a phrase. */
            size_t ab = off[a + 2] - off[a], b = off[a + 1] - off[a];
            snprintf(apart, sizeof apart, "%.*s %.*s", (int)ab, title + off[a],
                     (int)(off[a + 3] - off[a + 1]), title + off[a] + b);
            shz_results *rp = best(phrase, 0), *rs = best(apart, 0);
            char tp[64], ts[64];
            term_list(rp, tp, sizeof tp);
            term_list(rs, ts, sizeof ts);
            char want[64];
            snprintf(want, sizeof want, "%.*s|%.*s", (int)ab, title + off[a],
                     (int)(off[a + 3] - off[a + 1]), title + off[a] + b);
            if (strcmp(tp, want) || strcmp(ts, want)) { /* a stop word in it */
                shz_results_free(rp);
                shz_results_free(rs);
                continue;
            }
            for (size_t k = 0; k < shz_measure_count(); k++) {
                int64_t sp = score_of(rp, k), ss = score_of(rs, k);
                cr_assert_eq(sp < 0, ss < 0);
                if (sp < 0)
                    continue;
                if (brute_gram_df(c, 3) && brute_matches(k, c, 3, oracle_mask(0, 0))) {
                    cr_assert_gt(sp, ss, "'%s' as a phrase in measure %zu", phrase, k + 1);
                    raised++;
                } else {
                    cr_assert_eq(sp, ss, "'%s': measure %zu has no phrase", phrase, k + 1);
                    same++;
                }
            }
            shz_results_free(rp);
            shz_results_free(rs);
        }
    }
    cr_assert(raised > 100 && same > 100, "%zu raised, %zu same", raised, same);
}

Test(best, a_common_fragment_alone_is_no_hit)
{
    /* A question of many terms: a hit that shares only one of them shares a term found in at
     * most a quarter of the measures; measures holding one common term alone are left out. */
    const char *q = "中小企业怎样降低厂房成本";
    shz_results *r = best(q, 0);
    static terms t;
    read_terms(r, &t);
    cr_assert_geq(t.count, 4);
    size_t n = shz_measure_count();
    for (size_t i = 0; i < shz_results_count(r); i++) {
        size_t matched = 0, which = 0;
        for (size_t k = 0; k < t.count; k++)
            if (shz_results_hit_term(r, i, k))
                matched++, which = k;
        if (matched == 1) {
            cr_assert_leq(brute_gram_df(t.chars[which], t.len[which]) * 4, n);
        }
    }
    size_t left_out = 0;
    for (size_t m = 0; m < n; m++) {
        size_t matched = 0, which = 0;
        for (size_t k = 0; k < t.count; k++)
            if (brute_matches(m, t.chars[k], t.len[k], oracle_mask(0, 0)))
                matched++, which = k;
        if (matched == 1 && brute_gram_df(t.chars[which], t.len[which]) * 4 > n) {
            cr_assert_lt(rank_of(r, m), 0, "measure %zu shares one common term only", m + 1);
            left_out++;
        }
    }
    cr_assert_gt(left_out, 5);
    shz_results_free(r);
}

/* How often the bigram g occurs in each field of measure m. */
static void counts_of(size_t m, const uint32_t *g, size_t *counts)
{
    for (int f = 0; f < ORACLE_FIELDS; f++) {
        const oracle_text *t = oracle_field_text(m, f);
        counts[f] = 0;
        for (size_t k = 0; k + 2 <= t->len; k++)
            counts[f] += !memcmp(t->chars + k, g, 2 * sizeof *g);
    }
}

/*
 * Measure m holds bigram g once in a higher field (the zh title, or the keywords and aliases)
 * and at most once in its zh body, nowhere else; measure o holds it in its zh body alone, as
 * often as m's body does or once, and o's body is no shorter than m's (so o's body counts no
 * more than m's would). Then m ranks above o: the higher field adds weight.
 */
Test(best, field_weights_title_and_keywords_above_body)
{
    size_t decided[2] = {0, 0};
    const int higher[2] = {0, ORACLE_ALIASES}; /* zh title; keywords and aliases */
    for (size_t m = 0; m < shz_measure_count(); m++) {
        for (int h = 0; h < 2; h++) {
            const oracle_text *t = oracle_field_text(m, higher[h]);
            for (size_t k = 0; k + 2 <= t->len; k++) {
                const uint32_t *g = t->chars + k;
                size_t cm[ORACLE_FIELDS], co[ORACLE_FIELDS], other = 0;
                if (!g[0] || !g[1] || g[0] < 0x3400 || g[1] < 0x3400)
                    continue;
                counts_of(m, g, cm);
                for (int f = 0; f < ORACLE_FIELDS; f++)
                    other += f != higher[h] && f != 4 ? cm[f] : 0;
                if (cm[higher[h]] != 1 || cm[4] > 1 || other)
                    continue;
                char q[8];
                size_t n = 0;
                for (int c = 0; c < 2; c++) { /* UTF-8 of two BMP Han characters */
                    q[n++] = (char)(0xE0 | (g[c] >> 12));
                    q[n++] = (char)(0x80 | ((g[c] >> 6) & 0x3F));
                    q[n++] = (char)(0x80 | (g[c] & 0x3F));
                }
                q[n] = '\0';
                shz_results *r = NULL;
                for (size_t o = 0; o < shz_measure_count(); o++) {
                    if (o == m)
                        continue;
                    counts_of(o, g, co);
                    size_t rest = 0;
                    for (int f = 0; f < ORACLE_FIELDS; f++)
                        rest += f != 4 ? co[f] : 0;
                    if (rest || co[4] != (cm[4] ? cm[4] : 1) ||
                        oracle_field_text(o, 4)->len < oracle_field_text(m, 4)->len)
                        continue;
                    if (!r)
                        r = best(q, 0);
                    cr_assert_lt(rank_of(r, m), rank_of(r, o),
                                 "'%s': measure %zu (field %d) must rank above %zu (body)", q,
                                 m + 1, higher[h], o + 1);
                    decided[h]++;
                }
                shz_results_free(r);
            }
        }
    }
    cr_assert(decided[0] > 20 && decided[1] > 5, "%zu title, %zu keyword pairs", decided[0],
              decided[1]);
}

Test(best, a_limit_gives_the_first_hits_of_the_full_ranking)
{
    const char *queries[] = {
        "创新",           "科技创新", "深圳如何推进个人破产制度", "river pollution",
        "发展 产业 城市", "企业服务"};
    size_t cut = 0;
    /* With and without the related measures that follow the matches (which a limit may cut). */
    for (size_t i = 0; i < 2 * (sizeof queries / sizeof queries[0]); i++) {
        shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
        o.flags = i % 2 ? SHZ_ONLY_MATCHES : 0;
        shz_results *all;
        cr_assert_eq(shz_search(queries[i / 2], strlen(queries[i / 2]), &o, &all), SHZ_OK);
        for (size_t limit = 1; limit <= 8; limit++) {
            o.limit = limit;
            shz_results *top;
            cr_assert_eq(shz_search(queries[i / 2], strlen(queries[i / 2]), &o, &top), SHZ_OK);
            size_t want = shz_results_count(all) < limit ? shz_results_count(all) : limit;
            cr_assert_eq(shz_results_count(top), want);
            cut += shz_results_count(all) > limit;
            for (size_t h = 0; h < want; h++) {
                cr_assert_eq(shz_results_measure(top, h), shz_results_measure(all, h));
                cr_assert_eq(shz_results_score(top, h), shz_results_score(all, h));
                cr_assert_eq(shz_results_span_count(top, h), shz_results_span_count(all, h));
            }
            shz_results_free(top);
        }
        shz_results_free(all);
    }
    cr_assert_gt(cut, 40);
}

/* Encodes a BMP code point as UTF-8 into out; returns the byte count. */
static size_t put_utf8(uint32_t c, char *out)
{
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

/*
 * A Han piece none of whose bigrams occurs in the index is searched by its characters as well:
 * its terms are the bigram, then each character, and it finds the measures that "a b" (the two
 * characters as separate terms) finds, but for those holding one of them alone where it is in
 * more than an eighth of the measures, with half their scores (a character of an unknown piece
 * scores half a term), the all-terms bonus aside (the bigram itself matches nothing). A piece
 * with a bigram that occurs is not split.
 */
Test(best, an_unknown_han_piece_falls_back_to_its_characters)
{
    /* Characters of the titles, paired in reverse order: mostly bigrams no text has. */
    static uint32_t han[512];
    size_t n = 0, decided = 0;
    for (size_t m = 0; m < shz_measure_count() && n < 512; m++) {
        const oracle_text *t = oracle_field_text(m, 0);
        for (size_t k = 0; k < t->len && n < 512; k += 3)
            if (t->chars[k] >= 0x4E00 && t->chars[k] < 0xA000)
                han[n++] = t->chars[k];
    }
    for (size_t i = 0; i + 1 < n && decided < 40; i += 2) {
        uint32_t pair[2] = {han[i + 1], han[i]};
        if (pair[0] == pair[1] || brute_gram_df(pair, 2) != 0)
            continue;
        char q[8], apart[8], want[32];
        size_t a = put_utf8(pair[0], q);
        put_utf8(pair[1], q + a);
        q[6] = '\0';
        memcpy(apart, q, 3);
        apart[3] = ' ';
        memcpy(apart + 4, q + 3, 3);
        apart[7] = '\0';
        snprintf(want, sizeof want, "%s|%.3s|%.3s", q, q, q + 3);
        shz_results *r = best(q, 0), *s = best(apart, 0);
        char got[64], split[64];
        term_list(s, split, sizeof split);
        if (strlen(split) != 7) { /* a stop word among them */
            shz_results_free(r);
            shz_results_free(s);
            continue;
        }
        term_list(r, got, sizeof got);
        cr_assert_str_eq(got, want);
        int tolerant = 0; /* homophones of the unknown bigram score on their own: not this rule */
        for (size_t h = 0; h < shz_results_count(r); h++)
            tolerant |= (shz_results_match(r, h) & SHZ_MATCH_TOLERANT) != 0;
        if (tolerant) {
            shz_results_free(r);
            shz_results_free(s);
            continue;
        }
        /* The precision rule: the characters of a word the catalogue does not have do not
         * match on their own, even with no threshold. */
        shz_results *loose = search_min(q, 0);
        cr_assert_eq(shz_results_count(loose), 0, "'%s'", q);
        shz_results_free(loose);
        size_t kept = 0;
        cr_assert_eq(shz_results_count(r), kept, "'%s'", q);
        shz_results_free(r);
        shz_results_free(s);
        decided++;
    }
    cr_assert_gt(decided, 20);
    char got[64];
    shz_results *r = best("困境企业", 0);
    term_list(r, got, sizeof got);
    cr_assert_str_eq(got, "困境|境企|企业");
    shz_results_free(r);
}

/* The index of the analysed term text among r's terms, or -1. */
static long term_index(const shz_results *r, const char *text)
{
    for (size_t t = 0; t < shz_results_term_count(r); t++) {
        const char *got;
        size_t len;
        shz_results_term(r, t, &got, &len);
        if (len == strlen(text) && !memcmp(got, text, len))
            return (long)t;
    }
    return -1;
}

/*
 * Two characters of a Han piece that no bigram the index has covers, between known words or at
 * the piece's end, are a word the catalogue does not use: they are searched alone as well. A
 * lone such character (a function character joining two words) and a longer stretch are not.
 * Such characters are the user's chosen word, not a misheard one: they get no homophones.
 */
Test(best, two_uncovered_characters_between_known_words_are_searched_alone)
{
    static const struct {
        const char *query, *dead, *alone[2], *not_alone[3];
    } cases[] = {
        /* 防范 is no bigram of the index, 台风 is; 等 alone between 暴雨 and 自然 */
        {"怎样防范台风暴雨等自然灾害", "防范", {"防", "范"}, {"等", NULL, NULL}},
        /* 回应 after 得到; the stop word 怎样 splits the run */
        {"社区居民的诉求怎样快速得到回应", "回应", {"回", "应"}, {"速", "得", NULL}},
        /* 有人管 is three uncovered characters after 投诉 */
        {"投诉有人管", "有人", {NULL, NULL}, {"有", "人", "管"}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        shz_results *r = best(cases[c].query, 0);
        long dead = term_index(r, cases[c].dead);
        cr_assert_geq(dead, 0, "'%s' has the bigram %s", cases[c].query, cases[c].dead);
        cr_assert_eq(shz_results_term_measures(r, (size_t)dead), 0, "%s is in no measure",
                     cases[c].dead);
        for (size_t k = 0; k < 2 && cases[c].alone[k]; k++)
            cr_assert_geq(term_index(r, cases[c].alone[k]), 0, "'%s' searches %s alone",
                          cases[c].query, cases[c].alone[k]);
        for (size_t k = 0; k < 3 && cases[c].not_alone[k]; k++)
            cr_assert_lt(term_index(r, cases[c].not_alone[k]), 0, "'%s' does not search %s alone",
                         cases[c].query, cases[c].not_alone[k]);
        shz_results_free(r);
    }
    /* 丢 and 掉 occur nowhere: after 垃圾 they are searched alone, and matched by nothing,
     * not even a homophone. */
    shz_results *r = best("垃圾丢掉", 0);
    long reng = term_index(r, "丢"), diao = term_index(r, "掉");
    cr_assert(reng >= 0 && diao >= 0);
    cr_assert_eq(shz_results_term_measures(r, (size_t)reng), 0);
    cr_assert_gt(shz_results_count(r), 0, "垃圾 still finds its measure");
    for (size_t i = 0; i < shz_results_count(r); i++) {
        cr_assert_eq(shz_results_hit_term(r, i, (size_t)reng), 0, "hit %zu", i);
        cr_assert_eq(shz_results_hit_term(r, i, (size_t)diao), 0, "hit %zu", i);
    }
    shz_results_free(r);
}

/* A British spelling the index lacks is searched as the American one the catalogue uses: the
 * same measures, matched exactly (not as a typo). A short word is left alone (our is not or). */
Test(best, british_spellings_find_the_american_ones)
{
    static const char *const pairs[][2] = {
        {"offences", "offenses"},       {"organisation", "organization"}, {"centre", "center"},
        {"standardise", "standardize"}, {"licence", "license"},
    };
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        uint32_t gb[32];
        size_t gb_len = brute_term(pairs[p][0], strlen(pairs[p][0]), gb, 32);
        shz_results *b = best(pairs[p][0], 0), *a = best(pairs[p][1], 0);
        cr_assert_gt(shz_results_count(a), 0, "%s is in the catalogue", pairs[p][1]);
        cr_assert_eq(shz_results_count(b), shz_results_count(a), "%s: as many hits as %s",
                     pairs[p][0], pairs[p][1]);
        for (size_t m = 0; m < shz_measure_count(); m++) {
            cr_assert(!brute_whole(m, gb, gb_len, oracle_mask(0, 0)), "%s is in measure %zu",
                      pairs[p][0], m + 1);
            cr_assert_eq(rank_of(b, m) >= 0, rank_of(a, m) >= 0, "%s, measure %zu", pairs[p][0],
                         m + 1);
        }
        for (size_t i = 0; i < shz_results_count(b); i++) {
            cr_assert_not(shz_results_match(b, i) & SHZ_MATCH_TOLERANT, "%s hit %zu", pairs[p][0],
                          i);
            cr_assert_eq(shz_results_hit_term(b, i, 0), 1);
        }
        shz_results_free(a);
        shz_results_free(b);
    }
    uint32_t our[4], or [4];
    size_t our_len = brute_term("our", 3, our, 4), or_len = brute_term("or", 2, or, 4);
    shz_results *r = best("our", 0);
    for (size_t m = 0; m < shz_measure_count(); m++)
        if (brute_whole(m, or, or_len, oracle_mask(0, 0)) &&
            !brute_matches(m, our, our_len, oracle_mask(0, 0)))
            cr_assert_lt(rank_of(r, m), 0, "'our' is not 'or' (measure %zu)", m + 1);
    shz_results_free(r);
}

/* A word that Snowball stems like an unrelated word of the catalogue finds no measure by that
 * word (stem.c keeps its family apart): busy is not business, carbon not carbonated drinks.
 * Each pair: the query word, and the catalogue's word with the same Snowball stem. */
Test(best, a_word_does_not_find_an_unrelated_word_of_the_same_snowball_stem)
{
    static const char *const pairs[][2] = {
        {"busy", "business"},        {"carbon", "carbonated"},     {"import", "important"},
        {"importance", "import"},    {"universe", "university"},   {"universal", "universities"},
        {"organ", "organization"},   {"organic", "organizations"}, {"positive", "position"},
        {"position", "positive"},    {"severe", "several"},        {"internal", "international"},
        {"customer", "customs"},     {"mobile", "mobility"},       {"publication", "public"},
        {"integrity", "integrated"}, {"hospitality", "hospitals"}, {"parking", "park"},
        {"booking", "book"},
    };
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        const char *query = pairs[p][0], *other = pairs[p][1];
        unsigned char a[SZS_STEM_MAX], b[SZS_STEM_MAX];
        size_t la = szs_snowball_english((const unsigned char *)query, strlen(query), a);
        size_t lb = szs_snowball_english((const unsigned char *)other, strlen(other), b);
        cr_assert(la == lb && !memcmp(a, b, la), "Snowball stems %s and %s alike", query, other);
        uint32_t q[32], o[32];
        size_t ql = brute_term(query, strlen(query), q, 32);
        size_t ol = brute_term(other, strlen(other), o, 32);
        shz_results *r = best(query, 0);
        size_t only_other = 0;
        for (size_t m = 0; m < shz_measure_count(); m++) {
            if (!brute_whole(m, o, ol, oracle_mask(0, 0)) ||
                brute_matches(m, q, ql, oracle_mask(0, 0)))
                continue;
            only_other++;
            cr_expect_lt(rank_of(r, m), 0, "%s finds measure %zu, which has %s", query, m + 1,
                         other);
        }
        cr_expect_gt(only_other, 0, "a measure has %s and no form of %s", other, query);
        shz_results_free(r);
    }
}
