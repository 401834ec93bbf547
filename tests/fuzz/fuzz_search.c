/*
 * libFuzzer target: shz_search() with arbitrary bytes as the query and as the
 * options (size, fields, language, limit, mode, min_relevance; a size larger than the struct
 * is backed by that many bytes, as a newer caller's struct would be; 1.0's
 * size asks for 1.0's search), and 1.0's entry point (shz_search@SHENZHEN_1.0
 * in the shared library). Checks the documented statuses and, on success,
 * every hit: a real measure, spans inside the field's text in the options'
 * language, snippet valid UTF-8, match flags and matched terms consistent
 * (best match: relevance in [0, 1], at least min_relevance, never increasing down the list),
 * the analysed terms, and each hit's explanation (shz_results_explain(): one valid entry per
 * term, agreeing with shz_results_hit_term(), weights adding up to 1 and contributions to the
 * relevance).
 */
#include <math.h>

#include "fuzz_common.h"
#include "search/search_int.h"

/* Code points in s[0..len) (valid UTF-8). */
static size_t count_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The analysed terms, and how each hit matched them. 1.0's search carries no terms, as in 1.0. */
static void check_terms(const shz_results *r, int all_terms, int legacy)
{
    size_t n = shz_results_count(r), terms = shz_results_term_count(r);
    FUZZ_CHECK(legacy ? terms == 0 : terms >= 1);
    if (legacy) {
        for (size_t i = 0; i < n; i++)
            FUZZ_CHECK(shz_results_match(r, i) == SHZ_MATCH_ALL_TERMS);
        return;
    }
    for (size_t t = 0; t < terms; t++) {
        const char *text = NULL;
        size_t len = 0;
        FUZZ_CHECK(shz_results_term(r, t, &text, &len) == SHZ_OK);
        FUZZ_CHECK(len > 0 && text[len] == '\0');
        check_text(text, len);
        if (t < 4) /* counting walks the postings: a few terms suffice */
            FUZZ_CHECK(shz_results_term_measures(r, t) <= shz_measure_count());
    }
    FUZZ_CHECK(shz_results_term(r, terms, &(const char *){NULL}, NULL) == SHZ_ERR_NOT_FOUND);
    for (size_t i = 0; i < n; i++) {
        unsigned match = shz_results_match(r, i), every = 1, any = 0;
        FUZZ_CHECK((match & ~7u) == 0);
        for (size_t t = 0; t < terms; t++) {
            unsigned how = shz_results_hit_term(r, i, t);
            FUZZ_CHECK(how <= 2);
            every &= how != 0;
            any |= how != 0;
        }
        FUZZ_CHECK(any || (match & SHZ_MATCH_RELATED)); /* a related measure may hold none */
        FUZZ_CHECK(((match & SHZ_MATCH_ALL_TERMS) != 0) == every);
        if (all_terms)
            FUZZ_CHECK(match == SHZ_MATCH_ALL_TERMS);
        FUZZ_CHECK(shz_results_hit_term(r, i, terms) == 0);
    }
    FUZZ_CHECK(shz_results_match(r, n) == 0);
}

/* Hit @p i's explanation, term by term: a known field exactly when the term is held, the
 * way it is held as shz_results_hit_term() says (1: exact or stem, 2: tolerant), weights in
 * [0, 1] adding up to 1, contributions in [0, weight] adding up to the relevance (which the
 * library keeps to 1/65535). All-terms mode: every term exact, an equal share of the weight. */
static void check_explain(const shz_results *r, size_t i, int all_terms)
{
    size_t terms = shz_results_term_count(r);
    double weights = 0, total = 0;
    for (size_t t = 0; t < terms; t++) {
        shz_field field = (shz_field)-1;
        unsigned how = 99;
        double weight = -1, contribution = -1;
        FUZZ_CHECK(shz_results_explain(r, i, t, &field, &how, &weight, &contribution) == SHZ_OK);
        FUZZ_CHECK(how <= SHZ_EXPLAIN_TOLERANT);
        FUZZ_CHECK((how == SHZ_EXPLAIN_NONE) == (field == 0));
        FUZZ_CHECK(field == 0 || shz_field_name(field) != NULL);
        unsigned matched = shz_results_hit_term(r, i, t);
        FUZZ_CHECK(matched == (how == SHZ_EXPLAIN_NONE       ? 0u
                               : how == SHZ_EXPLAIN_TOLERANT ? 2u
                                                             : 1u));
        FUZZ_CHECK(weight >= 0 && weight <= 1);
        FUZZ_CHECK(contribution >= 0 && contribution <= weight + 1e-12);
        FUZZ_CHECK(how != SHZ_EXPLAIN_NONE || contribution == 0);
        if (all_terms)
            FUZZ_CHECK(how == SHZ_EXPLAIN_EXACT && weight == 1.0 / (double)terms &&
                       contribution == weight);
        weights += weight;
        total += contribution;
    }
    if (terms > 0) { /* 1.0's search carries no terms, so nothing to explain */
        /* 1, or up to 1 / 0.6 where a long query's known words are discounted. */
        FUZZ_CHECK(weights >= 1 - 1e-9 && weights <= 1 / 0.6 + 1e-9);
        FUZZ_CHECK(fabs(total - shz_results_relevance(r, i)) <= 1.0 / 65535 + 1e-9);
    }
    /* Out of range, and outputs the caller does not want. */
    FUZZ_CHECK(shz_results_explain(r, i, terms, NULL, NULL, NULL, NULL) == SHZ_ERR_NOT_FOUND);
    if (terms > 0)
        FUZZ_CHECK(shz_results_explain(r, i, 0, NULL, NULL, NULL, NULL) == SHZ_OK);
}

static void check_results(const shz_results *r, const shz_search_options *opt)
{
    size_t n = shz_results_count(r);
    if (opt && opt->limit)
        FUZZ_CHECK(n <= opt->limit);
    FUZZ_CHECK(n <= shz_measure_count());
    for (size_t i = 0; i < n; i++) {
        const shz_measure *m = shz_results_measure(r, i);
        FUZZ_CHECK(m != NULL);
        if (i > 0)
            FUZZ_CHECK(shz_results_score(r, i) <= shz_results_score(r, i - 1));
        shz_field best = shz_results_field(r, i);
        FUZZ_CHECK(shz_field_name(best) != NULL);
        size_t spans = shz_results_span_count(r, i);
        for (size_t s = 0; s < spans; s++) {
            shz_field f = 0;
            size_t b0, b1, c0, c1;
            FUZZ_CHECK(shz_results_span(r, i, s, &f, &b0, &b1, &c0, &c1) == SHZ_OK);
            FUZZ_CHECK(b0 <= b1 && c0 <= c1 && c1 - c0 <= b1 - b0);
            /* The span lies in the field's text in the language the results name. */
            shz_lang lang = (shz_lang)-1;
            FUZZ_CHECK(shz_results_span_lang(r, i, s, &lang) == SHZ_OK);
            FUZZ_CHECK(shz_lang_name(lang) != NULL);
            const char *text = NULL;
            size_t len = 0;
            FUZZ_CHECK(shz_measure_text(m, f, lang, &text, &len) == SHZ_OK);
            FUZZ_CHECK(b1 <= len);
            FUZZ_CHECK(shzi_utf8_valid(text, b0) && shzi_utf8_valid(text + b0, b1 - b0));
            FUZZ_CHECK(count_chars(text, b0) == c0);
            FUZZ_CHECK(count_chars(text + b0, b1 - b0) == c1 - c0);
        }
        FUZZ_CHECK(shz_results_span(r, i, spans, NULL, NULL, NULL, NULL, NULL) ==
                   SHZ_ERR_NOT_FOUND);
        const char *snip = NULL;
        size_t snip_len = 0;
        if (shz_results_snippet(r, i, &snip, &snip_len) == SHZ_OK) {
            check_text(snip, snip_len);
            size_t m0 = 0, m1 = 0;
            if (shz_results_snippet_match(r, i, &m0, &m1) == SHZ_OK) {
                FUZZ_CHECK(m0 <= m1 && m1 <= snip_len);
                FUZZ_CHECK(shzi_utf8_valid(snip, m0) && shzi_utf8_valid(snip + m0, m1 - m0));
            }
        }
    }
    FUZZ_CHECK(shz_results_measure(r, n) == NULL);
    FUZZ_CHECK(shz_results_score(r, n) == 0);
    FUZZ_CHECK(shz_results_span_count(r, n) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    uint8_t mode = take_u8(&in);
    /* Room for a caller whose struct is larger than ours (extra bytes zero or fuzzed). */
    unsigned char buf[sizeof(shz_search_options) + 64];
    memset(buf, 0, sizeof buf);
    shz_search_options *opt = (shz_search_options *)(void *)buf;
    shz_search_options_init(opt);
    if (mode & 1) {
        opt->fields = (mode & 2) ? (unsigned)take_u64(&in, 4) : take_u8(&in) & 63u;
        opt->lang = (mode & 4) ? (shz_lang)(int)take_u64(&in, 4) : (shz_lang)(take_u8(&in) % 2);
        opt->limit = (mode & 8) ? (size_t)take_u64(&in, 8) : take_u8(&in) % 8;
    }
    uint8_t how = take_u8(&in);
    opt->mode = how & 64 ? (unsigned)take_u64(&in, 4) : (how & 128 ? SHZ_SEARCH_ALL_TERMS : 0);
    /* The least relevance: a share in [0, 1], or any bit pattern (NaN, negative, huge). */
    if (how & 32) {
        if (how & 16) {
            uint64_t bits = take_u64(&in, 8);
            memcpy(&opt->min_relevance, &bits, sizeof bits);
        } else {
            opt->min_relevance = take_u8(&in) / 255.0;
        }
    }
    /* The flags: SHZ_ONLY_MATCHES or not, or any bit pattern (unknown bits are refused). */
    if (how & 8)
        opt->flags = how & 4 ? (unsigned)take_u64(&in, 4) : take_u8(&in) & 1u;
    if (mode & 16) {
        size_t size_1_0 = offsetof(shz_search_options, limit) + sizeof(size_t);
        size_t sizes[] = {0,
                          1,
                          sizeof(size_t),
                          offsetof(shz_search_options, limit),
                          size_1_0,
                          size_1_0 + 1,
                          offsetof(shz_search_options, flags), /* 1.2 to 1.7: no flags */
                          sizeof(shz_search_options) - 1,
                          sizeof(shz_search_options) + 8,
                          sizeof buf,
                          (size_t)-1};
        opt->size = sizes[take_u8(&in) % (sizeof sizes / sizeof sizes[0])];
        if (opt->size == sizeof buf)
            for (size_t i = sizeof(shz_search_options); i < sizeof buf; i++)
                buf[i] = take_u8(&in);
        if (opt->size == (size_t)-1)
            opt->size = sizeof buf + 1; /* claims more than there is: must still not be read */
        if (opt->size > sizeof buf)
            opt->size = sizeof(shz_search_options) + 32; /* stay within buf */
    }
    const shz_search_options *use = (mode & 32) ? NULL : opt;
    const char *query = (const char *)in.data;
    size_t len = in.size;
    shz_results *r = (shz_results *)(void *)buf; /* must be set to NULL on error */
    /* 1.0's entry point, or 1.0's struct size: 1.0's search, every term. */
    int old = (mode & 64) != 0;
    int legacy = old || (use && use->size == offsetof(shz_search_options, limit) + sizeof(size_t));
    int all_terms = legacy || (use && use->mode == SHZ_SEARCH_ALL_TERMS);
    shz_status st = old ? szs_search_1_0(query, len, use, &r) : shz_search(query, len, use, &r);
    FUZZ_CHECK(status_known(st));
    if (st != SHZ_OK) {
        FUZZ_CHECK(r == NULL);
        FUZZ_CHECK(st != SHZ_ERR_NOT_FOUND && st != SHZ_ERR_NO_TEXT);
        if (!shzi_utf8_valid(query, len))
            FUZZ_CHECK(st == SHZ_ERR_BAD_UTF8 || st == SHZ_ERR_BAD_OPTIONS ||
                       st == SHZ_ERR_BAD_LANG || st == SHZ_ERR_QUERY_TOO_LONG);
        return 0;
    }
    FUZZ_CHECK(r != NULL);
    FUZZ_CHECK(len <= SHZ_QUERY_MAX);
    FUZZ_CHECK(shzi_utf8_valid(query, len));
    /* A threshold the caller's struct holds was in [0, 1]; every hit reaches it, in order. */
    int reads_min =
        use && use->size >= offsetof(shz_search_options, min_relevance) + sizeof(double);
    if (reads_min && !legacy)
        FUZZ_CHECK(use->min_relevance >= 0 && use->min_relevance <= 1);
    double min = reads_min && !all_terms ? use->min_relevance
                 : all_terms             ? 1.0
                                         : SHZ_MIN_RELEVANCE_DEFAULT;
    /* Flags the caller's struct holds were known; with SHZ_ONLY_MATCHES (or in all-terms mode)
     * no related measure follows the matches. */
    int reads_flags = use && use->size >= offsetof(shz_search_options, flags) + sizeof(unsigned);
    if (reads_flags && !legacy)
        FUZZ_CHECK((use->flags & ~(unsigned)SHZ_ONLY_MATCHES) == 0);
    int only_matches = all_terms || (reads_flags && (use->flags & SHZ_ONLY_MATCHES));
    size_t matches = 0;
    for (size_t i = 0; i < shz_results_count(r); i++) {
        double rel = shz_results_relevance(r, i);
        FUZZ_CHECK(rel >= 0 && rel <= 1);
        FUZZ_CHECK(i == 0 || rel <= shz_results_relevance(r, i - 1));
        if (shz_results_match(r, i) & SHZ_MATCH_RELATED) {
            /* One of hit 0's closely related measures, holding no more than the last match. */
            FUZZ_CHECK(!only_matches && matches > 0 &&
                       rel <= shz_results_relevance(r, matches - 1));
            const shz_measure *first = shz_results_measure(r, 0), *m = shz_results_measure(r, i);
            size_t k = 0;
            while (k < shz_measure_related_count(first) && shz_measure_related(first, k) != m)
                k++;
            FUZZ_CHECK(k < shz_measure_related_count(first) &&
                       shz_measure_related_grade(first, k) == 2);
        } else {
            FUZZ_CHECK(matches++ == i && rel >= min - 1e-4);
        }
    }
    check_results(r, use);
    check_terms(r, all_terms, legacy);
    for (size_t i = 0; i < shz_results_count(r); i++)
        check_explain(r, i, all_terms);
    FUZZ_CHECK(shz_results_relevance(r, shz_results_count(r)) == 0);
    FUZZ_CHECK(shz_results_explain(r, shz_results_count(r), 0, NULL, NULL, NULL, NULL) ==
               SHZ_ERR_NOT_FOUND);
    FUZZ_CHECK(shz_results_explain(NULL, 0, 0, NULL, NULL, NULL, NULL) == SHZ_ERR_INVALID_ARG);
    shz_results_free(r);
    FUZZ_CHECK(shz_search(NULL, len, use, &r) == SHZ_ERR_INVALID_ARG);
    FUZZ_CHECK(shz_search(query, len, use, NULL) == SHZ_ERR_INVALID_ARG);
    return 0;
}
