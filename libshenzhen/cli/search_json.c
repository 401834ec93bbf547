/*
 * The hits of a search as one JSON object (search --json).
 */
#include <cjson/cJSON.h>

#include "cli.h"

static cJSON *span_json(const shz_results *r, size_t i, size_t k)
{
    shz_field field;
    shz_lang lang;
    size_t bs, be, cs, ce;
    if (shz_results_span(r, i, k, &field, &bs, &be, &cs, &ce) != SHZ_OK ||
        shz_results_span_lang(r, i, k, &lang) != SHZ_OK)
        return NULL;
    cJSON *span = cJSON_CreateObject();
    if (span == NULL || !cJSON_AddStringToObject(span, "field", field_name(field)) ||
        !cJSON_AddStringToObject(span, "lang", shz_lang_name(lang)) ||
        !cJSON_AddNumberToObject(span, "start", (double)cs) ||
        !cJSON_AddNumberToObject(span, "end", (double)ce) ||
        !cJSON_AddNumberToObject(span, "byte_start", (double)bs) ||
        !cJSON_AddNumberToObject(span, "byte_end", (double)be)) {
        cJSON_Delete(span);
        return NULL;
    }
    return span;
}

/* Adds the spans of hit @p i to @p hit; false on failure. */
static bool add_spans(cJSON *hit, const shz_results *r, size_t i)
{
    cJSON *spans = cJSON_AddArrayToObject(hit, "spans");
    for (size_t k = 0; spans != NULL && k < shz_results_span_count(r, i); k++) {
        cJSON *span = span_json(r, i, k);
        if (span == NULL || !cJSON_AddItemToArray(spans, span)) {
            cJSON_Delete(span);
            return false;
        }
    }
    return spans != NULL;
}

/* "match": "all", "some" or "related" (a related measure of the first hit that does not
 * match), "tolerant": bool, "terms": [one 0/1/2 per query term: not matched, matched,
 * matched only tolerantly]; false on failure. */
static bool add_match(cJSON *hit, const shz_results *r, size_t i)
{
    unsigned flags = shz_results_match(r, i);
    const char *match = (flags & SHZ_MATCH_RELATED)     ? "related"
                        : (flags & SHZ_MATCH_ALL_TERMS) ? "all"
                                                        : "some";
    if (!cJSON_AddStringToObject(hit, "match", match) ||
        !cJSON_AddBoolToObject(hit, "tolerant", (flags & SHZ_MATCH_TOLERANT) != 0))
        return false;
    cJSON *terms = cJSON_AddArrayToObject(hit, "terms");
    for (size_t t = 0; terms != NULL && t < shz_results_term_count(r); t++) {
        cJSON *n = cJSON_CreateNumber((double)shz_results_hit_term(r, i, t));
        if (n == NULL || !cJSON_AddItemToArray(terms, n)) {
            cJSON_Delete(n);
            return false;
        }
    }
    return terms != NULL;
}

/* "terms": [{"text": the term as analysed, "measures": how many measures hold it}]. */
static bool add_terms(cJSON *root, const shz_results *r)
{
    cJSON *terms = cJSON_AddArrayToObject(root, "terms");
    for (size_t t = 0; terms != NULL && t < shz_results_term_count(r); t++) {
        const char *text = "";
        size_t len;
        shz_results_term(r, t, &text, &len);
        cJSON *term = cJSON_CreateObject();
        if (term == NULL || !cJSON_AddItemToArray(terms, term)) {
            cJSON_Delete(term);
            return false;
        }
        if (!cJSON_AddStringToObject(term, "text", text) ||
            !cJSON_AddNumberToObject(term, "measures", (double)shz_results_term_measures(r, t)))
            return false;
    }
    return terms != NULL;
}

/* For a related measure of the first hit (match "related"): "related_to": {"id": the first
 * hit's id, "grade": 1 or 2, "reason": why, in @p lang}; true with nothing added otherwise. */
static bool add_related_to(cJSON *hit, const shz_results *r, size_t i, shz_lang lang)
{
    const shz_measure *best;
    size_t link;
    const char *reason = "";
    size_t len;
    if (!related_link(r, i, &best, &link))
        return true;
    shz_measure_related_reason(best, link, lang, &reason, &len);
    cJSON *to = cJSON_AddObjectToObject(hit, "related_to");
    return to != NULL && cJSON_AddNumberToObject(to, "id", (double)shz_measure_id(best)) &&
           cJSON_AddNumberToObject(to, "grade", shz_measure_related_grade(best, link)) &&
           cJSON_AddStringToObject(to, "reason", reason);
}

/* One query term of hit @p i: {"term", "field" (null when not held), "how", "weight",
 * "contribution"}, as shz_results_explain() gives them. */
static cJSON *explain_json(const shz_results *r, size_t i, size_t t)
{
    static const char *const how_name[] = {"none", "exact", "stem", "tolerant"};
    const char *term = "";
    size_t len;
    shz_field field;
    unsigned how;
    double weight, contribution;
    if (shz_results_term(r, t, &term, &len) != SHZ_OK ||
        shz_results_explain(r, i, t, &field, &how, &weight, &contribution) != SHZ_OK ||
        how >= sizeof how_name / sizeof how_name[0])
        return NULL;
    cJSON *item = cJSON_CreateObject();
    if (item == NULL || !cJSON_AddStringToObject(item, "term", term) ||
        !(field ? cJSON_AddStringToObject(item, "field", field_name(field))
                : cJSON_AddNullToObject(item, "field")) ||
        !cJSON_AddStringToObject(item, "how", how_name[how]) ||
        !cJSON_AddNumberToObject(item, "weight", weight) ||
        !cJSON_AddNumberToObject(item, "contribution", contribution)) {
        cJSON_Delete(item);
        return NULL;
    }
    return item;
}

/* "explain": one object per query term (explain_json); false on failure. */
static bool add_explain(cJSON *hit, const shz_results *r, size_t i)
{
    cJSON *list = cJSON_AddArrayToObject(hit, "explain");
    for (size_t t = 0; list != NULL && t < shz_results_term_count(r); t++) {
        cJSON *item = explain_json(r, i, t);
        if (item == NULL || !cJSON_AddItemToArray(list, item)) {
            cJSON_Delete(item);
            return false;
        }
    }
    return list != NULL;
}

static cJSON *hit_json(const shz_results *r, size_t i, shz_lang lang, bool explain)
{
    const char *snippet = "";
    size_t len;
    shz_results_snippet(r, i, &snippet, &len);
    const shz_measure *m = shz_results_measure(r, i);
    size_t title_len;
    const char *title = measure_text(m, SHZ_FIELD_TITLE, lang, &title_len);
    cJSON *hit = cJSON_CreateObject();
    if (hit == NULL || !cJSON_AddNumberToObject(hit, "id", (double)shz_measure_id(m)) ||
        !cJSON_AddStringToObject(hit, "title", title) ||
        !cJSON_AddNumberToObject(hit, "score", (double)shz_results_score(r, i)) ||
        !cJSON_AddNumberToObject(hit, "relevance", shz_results_relevance(r, i)) ||
        !cJSON_AddStringToObject(hit, "field", field_name(shz_results_field(r, i))) ||
        !add_match(hit, r, i) || !add_related_to(hit, r, i, lang) || !add_spans(hit, r, i) ||
        !cJSON_AddStringToObject(hit, "snippet", snippet) || (explain && !add_explain(hit, r, i))) {
        cJSON_Delete(hit);
        return NULL;
    }
    return hit;
}

/* {"query":…,"hits":[…]} on one line; false when out of memory. */
bool search_json(outbuf *ob, const char *query, unsigned mode, shz_lang lang, bool explain,
                 const shz_results *r)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *hits = NULL;
    bool ok =
        root != NULL && cJSON_AddStringToObject(root, "query", query) &&
        cJSON_AddStringToObject(root, "mode", mode == SHZ_SEARCH_ALL_TERMS ? "all" : "best") &&
        add_terms(root, r) && (hits = cJSON_AddArrayToObject(root, "hits")) != NULL;
    for (size_t i = 0; ok && i < shz_results_count(r); i++) {
        cJSON *hit = hit_json(r, i, lang, explain);
        ok = hit != NULL && cJSON_AddItemToArray(hits, hit);
        if (!ok)
            cJSON_Delete(hit);
    }
    char *text = ok ? cJSON_PrintUnformatted(root) : NULL;
    if (text != NULL) {
        outbuf_puts(ob, text);
        outbuf_puts(ob, "\n");
        cJSON_free(text);
    }
    cJSON_Delete(root);
    return text != NULL;
}
