/*
 * The precision rule ("held weight", README "Ranking") on its own, and the relevance and
 * min_relevance option that carry it: a query of words the catalogue does not have finds
 * nothing, whatever its characters share with the texts; the threshold is the option's; a
 * rare exact term outranks common characters.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "shenzhen.h"

static shz_status run(const char *q, double min_relevance, size_t options_size, shz_results **r)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.min_relevance = min_relevance;
    o.flags = SHZ_ONLY_MATCHES; /* the rule decides the matches; test_related_hits.c the rest */
    o.size = options_size;
    return shz_search(q, strlen(q), &o, r);
}

static shz_results *search_at(const char *q, double min_relevance)
{
    shz_results *r = NULL;
    cr_assert_eq(run(q, min_relevance, sizeof(shz_search_options), &r), SHZ_OK, "'%s'", q);
    return r;
}

static int has_measure(const shz_results *r, int64_t id)
{
    for (size_t i = 0; i < shz_results_count(r); i++)
        if (shz_measure_id(shz_results_measure(r, i)) == id)
            return 1;
    return 0;
}

Test(precision, unknown_words_find_nothing_even_without_a_threshold)
{
    /* Words none of whose bigrams the catalogue has; several of their characters occur. */
    const char *unknown[] = {"量子纠缠", "恐龙化石", "瑜伽冥想", "xylophone", "zebra giraffe"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        shz_results *r = search_at(unknown[i], 0);
        size_t occurring = 0;
        for (size_t t = 0; t < shz_results_term_count(r); t++)
            occurring += shz_results_term_measures(r, t) > 0;
        cr_assert_eq(shz_results_count(r), 0, "'%s': %zu hits", unknown[i], shz_results_count(r));
        cr_assert_gt(shz_results_term_count(r), 0, "'%s': its terms are still reported",
                     unknown[i]);
        shz_results_free(r);
        (void)occurring;
    }
}

Test(precision, characters_of_an_unknown_word_occur_but_do_not_match)
{
    /* The rule's subject: at least one character of this unknown word is in some measure. */
    shz_results *r = search_at("量子纠缠", 0);
    size_t occurring = 0;
    for (size_t t = 0; t < shz_results_term_count(r); t++)
        occurring += shz_results_term_measures(r, t) > 0;
    cr_assert_gt(occurring, 0);
    cr_assert_eq(shz_results_count(r), 0);
    shz_results_free(r);
}

Test(precision, a_rare_exact_term_ranks_above_common_characters)
{
    /* 破产 is in one measure; the unknown word after it shares characters with many. */
    shz_results *r = search_at("破产蘑菇", 0);
    cr_assert_gt(shz_results_count(r), 0);
    cr_assert_eq(shz_measure_id(shz_results_measure(r, 0)), 15);
    shz_results_free(r);
}

Test(precision, relevance_is_a_share_and_orders_the_hits)
{
    const char *queries[] = {"知识产权保护", "垃圾分类回收", "green buildings", "社区 公园",
                             "科技成果转化"};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        shz_results *r = search_at(queries[i], 0);
        cr_assert_gt(shz_results_count(r), 0, "'%s'", queries[i]);
        double last = 1;
        for (size_t h = 0; h < shz_results_count(r); h++) {
            double rel = shz_results_relevance(r, h);
            cr_assert(rel > 0 && rel <= last, "'%s' hit %zu: %f after %f", queries[i], h, rel,
                      last);
            last = rel;
        }
        /* The default threshold keeps exactly the hits at or above it, in the same order. */
        shz_results *d = search_at(queries[i], SHZ_MIN_RELEVANCE_DEFAULT);
        size_t above = 0;
        for (size_t h = 0; h < shz_results_count(r); h++)
            above += shz_results_relevance(r, h) >= SHZ_MIN_RELEVANCE_DEFAULT;
        cr_assert_eq(shz_results_count(d), above, "'%s'", queries[i]);
        for (size_t h = 0; h < above; h++)
            cr_assert_eq(shz_results_measure(d, h), shz_results_measure(r, h));
        shz_results_free(d);
        shz_results_free(r);
    }
    cr_assert_eq(shz_results_relevance(NULL, 0), 0);
}

Test(precision, min_relevance_filters_and_is_checked)
{
    shz_results *loose = search_at("知识产权保护", 0), *strict = search_at("知识产权保护", 0.5);
    cr_assert_lt(shz_results_count(strict), shz_results_count(loose));
    for (size_t h = 0; h < shz_results_count(strict); h++)
        cr_assert_geq(shz_results_relevance(strict, h), 0.5);
    cr_assert(has_measure(strict, 21));
    shz_results_free(loose);
    shz_results_free(strict);
    const double bad[] = {-0.01, 1.01, NAN, INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        shz_results *r = (shz_results *)1;
        cr_assert_eq(run("知识产权", bad[i], sizeof(shz_search_options), &r), SHZ_ERR_BAD_OPTIONS);
        cr_assert_null(r);
    }
    shz_search_options o;
    shz_search_options_init(&o);
    cr_assert_eq(o.min_relevance, SHZ_MIN_RELEVANCE_DEFAULT);
}

Test(precision, no_hit_shows_less_than_the_threshold)
{
    /* The relevance is reported in 16-bit fixed point. A threshold just above a reported figure
     * lies below about half of the exact shares that round to it: the rule must compare the
     * figure it reports, so that no hit comes back showing less than the threshold asked for. */
    const char *queries[] = {"知识产权保护", "社区公园建设", "工厂的数字化改造",
                             "破产 法庭",    "科技创新",     "城市安全管理",
                             "人才住房",     "跨境贸易便利", "生态环境保护"};
    size_t probes = 0;
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        shz_results *all = search_at(queries[i], 0);
        for (size_t h = 0; h < shz_results_count(all); h++) {
            double threshold = shz_results_relevance(all, h) + 0.01 / 65535;
            if (threshold > 1)
                continue;
            shz_results *r = search_at(queries[i], threshold);
            for (size_t k = 0; k < shz_results_count(r); k++)
                cr_assert_geq(shz_results_relevance(r, k), threshold, "'%s' at %.9f", queries[i],
                              threshold);
            shz_results_free(r);
            probes++;
        }
        shz_results_free(all);
    }
    cr_assert_gt(probes, 40);
}

/* Whether r holds the hits of everything (a search without a threshold) that reach threshold
 * (as reported), in the same order and with the same relevance. */
static void assert_filtered(const char *q, double threshold, const shz_results *r,
                            const shz_results *everything)
{
    size_t k = 0;
    for (size_t h = 0; h < shz_results_count(everything); h++) {
        double relevance = shz_results_relevance(everything, h);
        if (relevance < threshold)
            continue;
        cr_assert_lt(k, shz_results_count(r), "'%s' at %g: hit %zu of no threshold is missing", q,
                     threshold, h);
        cr_assert_eq(shz_results_measure(r, k), shz_results_measure(everything, h),
                     "'%s' at %g: hit %zu", q, threshold, k);
        cr_assert_eq(shz_results_relevance(r, k), relevance, "'%s' at %g: hit %zu", q, threshold,
                     k);
        k++;
    }
    cr_assert_eq(k, shz_results_count(r), "'%s' at %g: more hits than without a threshold", q,
                 threshold);
}

/* A threshold only filters: the hits at min_relevance R are those without a threshold that
 * reach R, ranked and measured alike (the search passes over a measure that cannot reach it
 * without scoring it). Queries: every keyword and title, and each first keyword among words no
 * measure has, which leave it less of the query. */
Test(precision, a_threshold_keeps_the_hits_that_reach_it_and_changes_nothing_else)
{
    static const double thresholds[] = {0.02, 0.05, 0.1, SHZ_MIN_RELEVANCE_DEFAULT, 0.2, 0.3,
                                        0.5,  0.8,  1};
    static const char *const unknown[] = {"", " zzqa", " zzqa zzqb", " zzqa zzqb zzqc zzqd"};
    size_t queries = 0, cut = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const shz_measure *measure = shz_measure_at(m);
        size_t keywords = shz_measure_keyword_count(measure);
        for (size_t i = 0; i < keywords + 1 + 4; i++) {
            const char *text;
            char q[1024];
            if (i < keywords)
                cr_assert_eq(shz_measure_keyword(measure, i, &text, NULL), SHZ_OK);
            else if (i == keywords)
                cr_assert_eq(
                    shz_measure_text(measure, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &text, NULL),
                    SHZ_OK);
            else
                cr_assert_eq(shz_measure_keyword(measure, 0, &text, NULL), SHZ_OK);
            snprintf(q, sizeof q, "%s%s", text, i > keywords ? unknown[i - keywords - 1] : "");
            shz_results *everything = search_at(q, 0);
            for (size_t t = 0; t < sizeof thresholds / sizeof thresholds[0]; t++) {
                shz_results *r = search_at(q, thresholds[t]);
                assert_filtered(q, thresholds[t], r, everything);
                cut += shz_results_count(r) < shz_results_count(everything);
                shz_results_free(r);
            }
            shz_results_free(everything);
            queries++;
        }
    }
    cr_assert_gt(queries, 300);
    cr_assert_gt(cut, queries, "thresholds that cut something: %zu", cut);
}

Test(precision, a_1_1_caller_gets_the_default_threshold)
{
    /* 1.1's struct ended with mode; what follows in the caller's memory is not read. */
    size_t size_1_1 = offsetof(shz_search_options, min_relevance);
    shz_results *old = NULL, *now = NULL; /* the defaults, related measures after the matches */
    cr_assert_eq(shz_search("社区公园建设", strlen("社区公园建设"), NULL, &now), SHZ_OK);
    cr_assert_eq(run("社区公园建设", 0.9, size_1_1, &old), SHZ_OK);
    cr_assert_eq(shz_results_count(old), shz_results_count(now));
    for (size_t h = 0; h < shz_results_count(now); h++)
        cr_assert_eq(shz_results_measure(old, h), shz_results_measure(now, h));
    shz_results_free(old);
    shz_results_free(now);
}

Test(precision, all_terms_mode_hits_have_relevance_one)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = SHZ_SEARCH_ALL_TERMS;
    shz_results *r = NULL;
    cr_assert_eq(shz_search("知识产权", strlen("知识产权"), &o, &r), SHZ_OK);
    cr_assert_gt(shz_results_count(r), 0);
    for (size_t h = 0; h < shz_results_count(r); h++)
        cr_assert_eq(shz_results_relevance(r, h), 1.0);
    shz_results_free(r);
}

Test(precision, explain_contributions_add_up_to_the_relevance)
{
    const char *queries[] = {"知识产权保护", "four onlys",   "破产发庭",        "bankrupcy court",
                             "社区 公园",    "科技成果转化", "green buildings", "秒皮 审批"};
    size_t checked = 0, held_somewhere = 0;
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        shz_results *r = search_at(queries[q], 0);
        size_t terms = shz_results_term_count(r);
        for (size_t h = 0; h < shz_results_count(r); h++) {
            double sum = 0, weights = 0;
            for (size_t t = 0; t < terms; t++) {
                shz_field field;
                unsigned how;
                double weight, contribution;
                cr_assert_eq(shz_results_explain(r, h, t, &field, &how, &weight, &contribution),
                             SHZ_OK);
                cr_assert(weight >= 0 && weight <= 1 && contribution >= 0 &&
                          contribution <= weight + 1e-12);
                /* Held or not, as shz_results_hit_term says. */
                unsigned hit_term = shz_results_hit_term(r, h, t);
                cr_assert_eq(how == SHZ_EXPLAIN_NONE, hit_term == 0, "'%s' hit %zu term %zu",
                             queries[q], h, t);
                cr_assert_eq(how == SHZ_EXPLAIN_TOLERANT, hit_term == 2);
                cr_assert_eq(field == 0, how == SHZ_EXPLAIN_NONE);
                held_somewhere += how != SHZ_EXPLAIN_NONE;
                sum += contribution;
                weights += weight;
            }
            /* 1, or more where a long query's known words are discounted (below). */
            cr_assert(weights >= 1 - 1e-9 && weights <= 1 / 0.6 + 1e-9, "'%s': %f", queries[q],
                      weights);
            cr_assert_float_eq(sum, shz_results_relevance(r, h), 1.0 / 65535,
                               "'%s' hit %zu: contributions %f, relevance %f", queries[q], h, sum,
                               shz_results_relevance(r, h));
            checked++;
        }
        cr_assert_eq(shz_results_explain(r, 0, terms, NULL, NULL, NULL, NULL), SHZ_ERR_NOT_FOUND);
        cr_assert_eq(shz_results_explain(r, shz_results_count(r), 0, NULL, NULL, NULL, NULL),
                     SHZ_ERR_NOT_FOUND);
        shz_results_free(r);
    }
    cr_assert_gt(checked, 20);
    cr_assert_gt(held_somewhere, checked);
    cr_assert_eq(shz_results_explain(NULL, 0, 0, NULL, NULL, NULL, NULL), SHZ_ERR_INVALID_ARG);
}

/* ---- properties over generated queries ---------------------------------- */

/* Whether the text occurs literally in no searched field (an all-terms search finds nothing). */
static int absent(const char *text)
{
    shz_search_options o = SHZ_SEARCH_OPTIONS_INIT;
    o.mode = SHZ_SEARCH_ALL_TERMS;
    shz_results *r = NULL;
    cr_assert_eq(shz_search(text, strlen(text), &o, &r), SHZ_OK, "'%s'", text);
    size_t n = shz_results_count(r);
    shz_results_free(r);
    return n == 0;
}

/* The Han characters of every zh title, in order, as UTF-8 (three bytes each), repeats kept: a
 * pool of characters the catalogue has. */
static size_t title_characters(char (*pool)[4], size_t cap)
{
    size_t n = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *t;
        size_t len;
        shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &t, &len);
        for (size_t i = 0; i + 3 <= len && n < cap; i++) {
            unsigned char c = (unsigned char)t[i];
            if (c < 0xE4 || c > 0xE9) /* the lead bytes of U+4E00-U+9FFF */
                continue;
            memcpy(pool[n], t + i, 3);
            pool[n++][3] = '\0';
            i += 2;
        }
    }
    return n;
}

static unsigned next_random(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7FFF;
}

/* Appends to out (which ends in a Han character) count characters of the pool such that no
 * bigram they make, with the character before them too, occurs in the catalogue: an unknown
 * word of the catalogue's own characters. 0 if none was found in time. */
static int append_unknown(char *out, size_t count, char (*pool)[4], size_t pool_n, unsigned *seed)
{
    for (size_t k = 0; k < count; k++) {
        size_t len = strlen(out);
        int placed = 0;
        for (int tries = 0; tries < 200 && !placed; tries++) {
            const char *c = pool[next_random(seed) % pool_n];
            char pair[8];
            memcpy(pair, out + len - 3, 3);
            memcpy(pair + 3, c, 4);
            if (absent(pair)) {
                memcpy(out + len, c, 4);
                placed = 1;
            }
        }
        if (!placed)
            return 0;
    }
    return 1;
}

/* A query of words the catalogue does not have, made of its own characters and written as
 * people write (runs of Han characters, a question word, English words), finds nothing, however
 * low the threshold. */
Test(precision, out_of_scope_queries_of_absent_words_find_nothing)
{
    static char pool[4096][4];
    size_t pool_n = title_characters(pool, 4096);
    cr_assert_gt(pool_n, 500);
    static const char *const absent_latin[] = {"zorp", "quib", "vlen", "ghut", "mirk", "xyst"};
    unsigned seed = 1072;
    size_t made = 0;
    for (int q = 0; q < 40; q++) {
        char query[512];
        strcpy(query, pool[next_random(&seed) % pool_n]);
        if (!append_unknown(query, 5, pool, pool_n, &seed) || !absent(query))
            continue;
        /* a question word, then a lone character the catalogue has, as in "…怎么办" */
        strcat(query, "怎么");
        strcat(query, pool[next_random(&seed) % pool_n]);
        strcat(query, " ");
        strcat(query, absent_latin[q % 6]);
        shz_results *r = search_at(query, 0);
        cr_assert_eq(shz_results_count(r), 0, "'%s': %zu hits, the first measure %lld", query,
                     shz_results_count(r),
                     shz_results_count(r) ? (long long)shz_measure_id(shz_results_measure(r, 0))
                                          : 0LL);
        shz_results_free(r);
        made++;
    }
    cr_assert_gt(made, 30);
    for (size_t w = 0; w < sizeof absent_latin / sizeof absent_latin[0]; w++) {
        shz_results *r = search_at(absent_latin[w], 0);
        cr_assert_eq(shz_results_term_measures(r, 0), 0, "%s is in no measure", absent_latin[w]);
        shz_results_free(r);
    }
}

/* An unknown word weighs as much as a rare one per two characters, a longer uncovered stretch
 * (a clause around the subject) as much per four, and a Latin one as a rare word: a known
 * bigram (the start of a keyword) followed by fourteen unknown characters holds at most 1/4.5
 * of the query (it held 1/8 until 1.14, and no hit reached the default threshold), and the
 * measures holding it are still hits at min_relevance 0. A known English word among six
 * unknown ones holds at most 1/7. */
Test(precision, a_known_word_among_unknown_words_holds_little)
{
    static char pool[4096][4];
    size_t pool_n = title_characters(pool, 4096);
    unsigned seed = 2021;
    size_t checked = 0, held = 0;
    double most = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const shz_measure *measure = shz_measure_at(m);
        for (size_t k = 0; k < shz_measure_keyword_count(measure); k++) {
            const char *kw;
            size_t kw_len;
            shz_measure_keyword(measure, k, &kw, &kw_len);
            if (kw_len < 6 || (unsigned char)kw[0] < 0xE4 || (unsigned char)kw[3] < 0xE4)
                continue; /* its first two characters, a bigram the catalogue has */
            char query[512];
            memcpy(query, kw, 6);
            query[6] = '\0';
            if (!append_unknown(query, 14, pool, pool_n, &seed))
                continue;
            shz_results *r = search_at(query, 0);
            size_t bigrams = 0; /* fifteen, unless a question word split the run */
            for (size_t t = 0; t < shz_results_term_count(r); t++) {
                const char *text;
                size_t len;
                shz_results_term(r, t, &text, &len);
                bigrams += len == 6;
            }
            if (bigrams != 15 || shz_results_term_count(r) != 15) {
                shz_results_free(r);
                continue;
            }
            for (size_t h = 0; h < shz_results_count(r); h++) {
                cr_assert_leq(shz_results_relevance(r, h), 1.0 / 4.5 + 1e-4, "'%s' hit %zu: %f",
                              query, h, shz_results_relevance(r, h));
                if (shz_results_relevance(r, h) > most)
                    most = shz_results_relevance(r, h);
            }
            held += shz_results_count(r) > 0;
            shz_results_free(r);
            checked++;
        }
    }
    cr_assert_gt(checked, 100);
    cr_assert_gt(held, 100);
    /* The clause weighs a quarter of a rare term a character, not half: a measure naming the
     * keyword holds more than the 1/8 a run of unknown words would leave it. */
    cr_assert_gt(most, 1.0 / 8 + 1e-3, "the most a hit holds: %f", most);
    const char *english[] = {"bankruptcy zorp quib vlen ghut mirk xyst",
                             "arbitration zorp quib vlen ghut mirk xyst"};
    for (size_t q = 0; q < 2; q++) {
        shz_results *r = search_at(english[q], 0);
        cr_assert_gt(shz_results_count(r), 0, "'%s'", english[q]);
        for (size_t h = 0; h < shz_results_count(r); h++)
            cr_assert_leq(shz_results_relevance(r, h), 1.0 / 7 + 1e-4, "'%s' hit %zu", english[q],
                          h);
        shz_results_free(r);
    }
}

/* Frame words of README "Ranking": what kind of answer a request wants, where it is set and
 * who asks. */
static const char *const frame_words[] = {
    "申请",     "办理",  "手续",  "流程",    "规定",      "规则",      "标准",
    "政策",     "措施",  "办法",  "条件",    "要求",      "材料",      "价格",
    "时间",     "影响",  "问题",  "情况",    "方法",      "方式",      "提前",
    "正常",     "需要",  "rules", "policy",  "process",   "standards", "price",
    "long",     "much",  "need",  "cost",    "pay",       "深圳",      "在深",
    "shenzhen", "first", "open",  "opening", "foreigner", "guangdong", "business"};

static int is_frame(const char *word, size_t len)
{
    for (size_t w = 0; w < sizeof frame_words / sizeof frame_words[0]; w++)
        if (strlen(frame_words[w]) == len && !memcmp(frame_words[w], word, len))
            return 1;
    return 0;
}

/* A frame word makes no hit beside a word the catalogue lacks, at any threshold, though the
 * measures holding it (some name it in their titles or keywords) are hits when the query has
 * nothing else. */
Test(precision, frame_words_alone_do_not_make_a_hit)
{
    static const char *const unknown[] = {"恐龙化石 ", "瑜伽冥想", "xylophone "};
    size_t held_alone = 0;
    for (size_t w = 0; w < sizeof frame_words / sizeof frame_words[0]; w++) {
        shz_results *alone = search_at(frame_words[w], 0);
        held_alone += shz_results_count(alone) > 0;
        shz_results_free(alone);
        for (size_t u = 0; u < sizeof unknown / sizeof unknown[0]; u++) {
            char query[128];
            strcpy(query, unknown[u]);
            strcat(query, frame_words[w]);
            shz_results *r = search_at(query, 0);
            cr_assert_eq(shz_results_count(r), 0, "'%s': %zu hits", query, shz_results_count(r));
            shz_results_free(r);
        }
    }
    cr_assert_gt(held_alone, 20);
}

/* A measure that holds one word of a query of several only in its body or summary (a word it
 * mentions in passing) is not a hit, however low the threshold; one that names the word (title,
 * keywords, aliases) is. Every Han bigram of every zh body, searched alone and beside an
 * unknown word. */
Test(precision, a_word_mentioned_in_passing_does_not_make_a_hit)
{
    size_t passing = 0, named = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *body;
        size_t len;
        cr_assert_eq(
            shz_measure_text(shz_measure_at(m), SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS, &body, &len),
            SHZ_OK);
        for (size_t at = 0; at + 6 <= len; at += 3) {
            const unsigned char *c = (const unsigned char *)body + at;
            if (c[0] < 0xE4 || c[0] > 0xE9 || c[3] < 0xE4 || c[3] > 0xE9 || is_frame(body + at, 6))
                continue; /* two CJK ideographs, not a frame word */
            char word[8], query[64];
            memcpy(word, body + at, 6);
            word[6] = '\0';
            shz_results *alone = search_at(word, 0);
            const char *term = NULL;
            size_t term_len = 0;
            if (shz_results_term_count(alone) == 1)
                shz_results_term(alone, 0, &term, &term_len);
            if (term_len != 6 || shz_results_term_measures(alone, 0) * 4 > shz_measure_count()) {
                shz_results_free(alone); /* a stop word in it, or a common word */
                continue;
            }
            strcpy(query, "瑜伽冥想 ");
            strcat(query, word);
            shz_results *r = search_at(query, 0);
            for (size_t h = 0; h < shz_results_count(alone); h++) {
                int64_t id = shz_measure_id(shz_results_measure(alone, h));
                /* Alone, the word is the whole query: its relevance is how firmly it is held. */
                int names = shz_results_relevance(alone, h) > 1 - 1e-4;
                cr_assert_eq(has_measure(r, id), names, "'%s': measure %lld %s the word", query,
                             (long long)id, names ? "names" : "only mentions");
                passing += !names;
                named += names;
            }
            shz_results_free(r);
            shz_results_free(alone);
        }
    }
    cr_assert_gt(passing, 100);
    cr_assert_gt(named, 100);
}

/* A long query's words that the catalogue has weigh in full up to four rare words, and 60%
 * beyond, in what relevance is a share of (shenzhen-search(7), "long queries"); what the
 * catalogue does not have keeps its full weight. The explanation's weights are shares of that
 * measure. An English word no measure has weighs one rare word, so its share is the unit:
 * with u the shares of the terms no measure holds, k those of the others and a the absent
 * word's, the shares satisfy 1 = u + k for a query whose known words weigh at most 4 rare words
 * (k <= 4a), and 1 = u + 4a + 0.6 (k - 4a) for a longer one. The queries: a measure's first
 * keyword, then its Chinese title, then its and the next two measures' titles; each and the
 * absent word. */
Test(precision, a_long_querys_known_words_count_sixty_percent_beyond_four_rare_words)
{
    size_t short_seen = 0, long_seen = 0;
    for (size_t m = 0; m + 2 < shz_measure_count(); m++) {
        for (size_t titles = 0; titles <= 3; titles++) {
            char query[1024] = "";
            const char *text;
            size_t len;
            if (titles == 0) {
                cr_assert_eq(shz_measure_keyword(shz_measure_at(m), 0, &text, &len), SHZ_OK);
                strncat(query, text, len);
                strcat(query, " ");
            }
            for (size_t i = 0; i < titles; i++) {
                cr_assert_eq(shz_measure_text(shz_measure_at(m + i), SHZ_FIELD_TITLE,
                                              SHZ_LANG_ZH_HANS, &text, &len),
                             SHZ_OK);
                strncat(query, text, len);
                strcat(query, " ");
            }
            strcat(query, "zorp");
            shz_results *r = search_at(query, 0);
            size_t terms = shz_results_term_count(r);
            if (shz_results_count(r) == 0 || terms > 64) {
                shz_results_free(r);
                continue;
            }
            double unknown = 0, known = 0, absent = -1;
            for (size_t t = 0; t < terms; t++) {
                double weight;
                shz_results_term(r, t, &text, &len);
                cr_assert_eq(shz_results_explain(r, 0, t, NULL, NULL, &weight, NULL), SHZ_OK);
                if (shz_results_term_measures(r, t) > 0)
                    known += weight;
                else
                    unknown += weight;
                if (len == 4 && memcmp(text, "zorp", 4) == 0)
                    absent = weight;
            }
            cr_assert_gt(absent, 0, "'%s'", query);
            double expect = known <= 4 * absent ? unknown + known
                                                : unknown + 4 * absent + 0.6 * (known - 4 * absent);
            cr_assert_float_eq(expect, 1.0, 1e-6, "'%s': unknown %f known %f absent %f", query,
                               unknown, known, absent);
            if (known > 4 * absent)
                long_seen++;
            else
                short_seen++;
            shz_results_free(r);
        }
    }
    cr_log_info("%zu short, %zu long", short_seen, long_seen);
    cr_assert_gt(short_seen, 30);
    cr_assert_gt(long_seen, 60);
}

/* Measure m's English title, its length in *len. */
static const char *english_title(size_t m, size_t *len)
{
    const char *title = NULL;
    cr_assert_eq(shz_measure_text(shz_measure_at(m), SHZ_FIELD_TITLE, SHZ_LANG_EN, &title, len),
                 SHZ_OK);
    return title;
}

/* Asserts that told finds the hits plain finds, in the same order and with the same relevance;
 * returns how many. */
static size_t same_hits(const char *plain, const char *told)
{
    shz_results *alone = search_at(plain, 0), *r = search_at(told, 0);
    size_t n = shz_results_count(r);
    cr_assert_eq(n, shz_results_count(alone), "'%s'", told);
    for (size_t h = 0; h < n; h++) {
        cr_assert_eq(shz_results_measure(r, h), shz_results_measure(alone, h), "'%s' hit %zu", told,
                     h);
        cr_assert_eq(shz_results_relevance(r, h), shz_results_relevance(alone, h), "'%s' hit %zu",
                     told, h);
    }
    shz_results_free(alone);
    shz_results_free(r);
    return n;
}

/* The words of conversation around a request (README "Ranking": 听说, 其实, 一直, 不知道,
 * 到底, 应该) are cut out before the query is weighed: a measure's keyword or title told as a
 * story finds the same hits, in the same order and with the same relevance, as the keyword
 * alone. Left in, each would weigh as an unknown word and lower every hit's share. */
Test(precision, the_words_of_conversation_around_a_request_change_nothing)
{
    size_t compared = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const shz_measure *measure = shz_measure_at(m);
        size_t keywords = shz_measure_keyword_count(measure);
        for (size_t i = 0; i <= keywords; i++) {
            const char *text;
            size_t len;
            if (i < keywords)
                cr_assert_eq(shz_measure_keyword(measure, i, &text, &len), SHZ_OK);
            else
                cr_assert_eq(
                    shz_measure_text(measure, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &text, &len),
                    SHZ_OK);
            char plain[512], told[640];
            snprintf(plain, sizeof plain, "%.*s", (int)len, text);
            snprintf(told, sizeof told, "听说%s，其实我一直不知道自己到底应该怎么办", plain);
            compared += same_hits(plain, told);
        }
    }
    cr_assert_gt(compared, 500);
}

/* English function words (README "Query analysis": more, also, only, all, even since 1.15; the
 * other prepositions and involving, regarding, concerning, including since 1.17) are
 * dropped as the Han words of conversation are: every measure's English title said with them
 * finds the same hits, in the same order and with the same relevance, as the title alone. */
Test(precision, english_function_words_change_nothing)
{
    size_t compared = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        size_t len;
        const char *title = english_title(m, &len);
        char plain[512], told[896];
        snprintf(plain, sizeof plain, "%.*s", (int)len, title);
        snprintf(told, sizeof told,
                 "Would you really just have some more about %s, and also whether all of it is "
                 "even still so after each other, or only before, regarding, concerning, "
                 "involving or including it, via, within, without, against, among, across, "
                 "toward, towards, upon, per, onto",
                 plain);
        compared += same_hits(plain, told);
    }
    cr_assert_gt(compared, 100);
}

/* Whether hit i of r holds a query term found in at most a quarter of the measures. */
static int holds_uncommon_term(const shz_results *r, size_t i)
{
    for (size_t t = 0; t < shz_results_term_count(r); t++)
        if (shz_results_hit_term(r, i, t) &&
            shz_results_term_measures(r, t) * 4 <= shz_measure_count())
            return 1;
    return 0;
}

/* Words most measures have (each in more than a quarter of them) make hits of a query of such
 * words only; beside a word that is not common, a measure holding only them is no hit, even
 * at min_relevance 0: they are not what the query is about. The rarer words: every measure's
 * keywords. */
Test(precision, common_words_alone_make_no_hit_beside_a_rarer_word)
{
    static const char common[] = "创新 企业 建设";
    shz_results *alone = search_at(common, 0);
    cr_assert_eq(shz_results_term_count(alone), 3);
    for (size_t t = 0; t < 3; t++)
        cr_assert_gt(shz_results_term_measures(alone, t) * 4, shz_measure_count(), "term %zu", t);
    cr_assert_gt(shz_results_count(alone), shz_measure_count() / 4);
    size_t queries = 0, left_out = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const shz_measure *measure = shz_measure_at(m);
        for (size_t k = 0; k < shz_measure_keyword_count(measure); k++) {
            const char *keyword = NULL;
            cr_assert_eq(shz_measure_keyword(measure, k, &keyword, NULL), SHZ_OK);
            char query[128];
            snprintf(query, sizeof query, "%s %s", common, keyword);
            shz_results *r = search_at(query, 0);
            if (shz_results_term_count(r) <= 3 || !holds_uncommon_term(r, 0)) {
                shz_results_free(r); /* the keyword is common too, or a stop word */
                continue;
            }
            queries++;
            for (size_t i = 0; i < shz_results_count(r); i++)
                cr_assert(holds_uncommon_term(r, i), "'%s': hit %zu holds common words only", query,
                          i);
            left_out += shz_results_count(alone) > shz_results_count(r);
            shz_results_free(r);
        }
    }
    shz_results_free(alone);
    cr_assert_gt(queries, 100);
    cr_assert_gt(left_out, queries / 2, "%zu of %zu", left_out, queries);
}

/* The term of r whose text is word, or terms when there is none. */
static size_t term_index(const shz_results *r, const char *word)
{
    size_t terms = shz_results_term_count(r);
    for (size_t t = 0; t < terms; t++) {
        const char *text;
        size_t len;
        shz_results_term(r, t, &text, &len);
        if (len == strlen(word) && !memcmp(text, word, len))
            return t;
    }
    return terms;
}

/* The weight of term t of r in its first hit, over that of the word no measure has (zorp). */
static double weight_in_rare_words(const shz_results *r, size_t t)
{
    double weight, rare;
    cr_assert_eq(shz_results_explain(r, 0, t, NULL, NULL, &weight, NULL), SHZ_OK);
    cr_assert_eq(shz_results_explain(r, 0, term_index(r, "zorp"), NULL, NULL, &rare, NULL), SHZ_OK);
    return weight / rare;
}

/* A word asking for a figure or a judgement (README "Ranking": 多少, 几点, 怎么算, how much,
 * opening hours; 划算, 推荐, best, cheapest) weighs eight rare words, as many as eight words no
 * measure has (zorp weighs one), and no hit holds it, whatever its letters: 几点 beside every
 * measure's first keyword, and so on. The same figure word not asking (much without how) weighs as
 * any other. */
Test(precision, a_word_asking_for_a_figure_or_a_judgement_weighs_eight_rare_words_and_is_never_held)
{
    static const char *const asking[][2] = {
        {"多少", "多少"},
        {"几点", "几点"},
        {"几月", "几月"},
        {"几岁", "几岁"},
        {"几号", "几号"},
        {"收费", "收费"},
        {"怎么算", "怎么算"},
        {"how much", "much"},
        {"what time", "time"},
        {"幾點", "几点"},
        {"Opening Hours", "hours"},
        {"费用", "费用"},
        {"fee", "fee"},
        {"Fees", "fees"},
        {"划算", "划算"},
        {"划不划算", "划不划算"},
        {"值不值", "值不值"},
        {"值得", "值得"},
        {"推薦", "推荐"},
        {"好吃", "好吃"},
        {"好用", "好用"},
        {"正常吗", "正常吗"},
        {"性价比", "性价比"},
        {"哪家好", "哪家好"},
        {"哪个好", "哪个好"},
        {"best", "best"},
        {"Cheapest", "cheapest"},
        {"recommend", "recommend"},
        {"recommended", "recommended"},
    };
    size_t checked = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        const char *keyword;
        size_t len;
        cr_assert_eq(shz_measure_keyword(shz_measure_at(m), 0, &keyword, &len), SHZ_OK);
        for (size_t a = 0; a < sizeof asking / sizeof asking[0]; a++) {
            char query[256];
            snprintf(query, sizeof query, "%.*s zorp %s", (int)len, keyword, asking[a][0]);
            shz_results *r = search_at(query, 0);
            size_t t = term_index(r, asking[a][1]);
            cr_assert_lt(t, shz_results_term_count(r), "'%s'", query);
            cr_assert_eq(shz_results_term_measures(r, t), 0, "'%s'", query);
            if (shz_results_count(r) == 0) {
                shz_results_free(r);
                continue;
            }
            cr_assert_float_eq(weight_in_rare_words(r, t), 8, 1e-6, "'%s'", query);
            for (size_t h = 0; h < shz_results_count(r); h++) {
                unsigned how;
                double contribution;
                cr_assert_eq(shz_results_explain(r, h, t, NULL, &how, NULL, &contribution), SHZ_OK);
                cr_assert(how == SHZ_EXPLAIN_NONE && contribution == 0, "'%s' hit %zu", query, h);
            }
            checked++;
            shz_results_free(r);
        }
        char query[256];
        snprintf(query, sizeof query, "%.*s zorp much", (int)len, keyword);
        shz_results *r = search_at(query, 0);
        if (shz_results_count(r))
            cr_assert_lt(weight_in_rare_words(r, term_index(r, "much")), 2, "'%s'", query);
        shz_results_free(r);
    }
    cr_assert_gt(checked, 300);
}

/* So a request for a figure or a judgement about one word of the catalogue finds nothing at the
 * default threshold: the word, however rare and firmly held, holds at most 1/9 of it, while alone
 * it finds its measures. The words: those of six letters or more of every English title. */
Test(precision, a_request_for_a_figure_or_a_judgement_about_one_word_finds_nothing)
{
    size_t words = 0;
    for (size_t m = 0; m < shz_measure_count(); m++) {
        size_t len;
        const char *title = english_title(m, &len);
        for (size_t at = 0; at < len;) {
            size_t n = 0;
            char word[64];
            while (at + n < len && n + 1 < sizeof word &&
                   ((title[at + n] >= 'a' && title[at + n] <= 'z') ||
                    (title[at + n] >= 'A' && title[at + n] <= 'Z')))
                n++;
            if (n < 6 || is_frame(title + at, n)) {
                at += n + 1;
                continue;
            }
            memcpy(word, title + at, n);
            word[n] = '\0';
            at += n + 1;
            shz_results *alone = search_at(word, SHZ_MIN_RELEVANCE_DEFAULT);
            cr_assert_gt(shz_results_count(alone), 0, "'%s'", word);
            shz_results_free(alone);
            static const char *const asking[] = {"how much %s", "%s fees", "best %s",
                                                 "cheapest %s"};
            for (size_t a = 0; a < sizeof asking / sizeof asking[0]; a++) {
                char query[96];
                snprintf(query, sizeof query, asking[a], word);
                shz_results *r = search_at(query, 0),
                            *kept = search_at(query, SHZ_MIN_RELEVANCE_DEFAULT);
                for (size_t h = 0; h < shz_results_count(r); h++)
                    cr_assert_leq(shz_results_relevance(r, h), 1.0 / 9 + 1e-4, "'%s' hit %zu",
                                  query, h);
                cr_assert_eq(shz_results_count(kept), 0, "'%s'", query);
                shz_results_free(r);
                shz_results_free(kept);
            }
            words++;
        }
    }
    cr_assert_gt(words, 100);
}
