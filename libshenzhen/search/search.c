/*
 * The entry points: options, and shz_search in its two symbol versions.
 *
 * A program linked against 1.0 calls shz_search@SHENZHEN_1.0, which always
 * searches as 1.0 did (every term, 1.0's fields, 1.0's ranking), whatever it
 * passes. A program built against 1.1 calls shz_search@@SHENZHEN_1.1, which
 * reads the mode from the options; one compiled with 1.0's header but linked
 * later passes 1.0's struct size, and gets 1.0's search too.
 */
#include "search_int.h"

/* The size of the first version of the options (which ended with limit), and of this one. */
#define OPTIONS_1_0_SIZE (offsetof(shz_search_options, limit) + sizeof(size_t))
#define OPTIONS_1_1_SIZE (offsetof(shz_search_options, mode) + sizeof(unsigned))
#define OPTIONS_1_2_SIZE (offsetof(shz_search_options, topics) + sizeof(uint64_t))
#define OPTIONS_1_8_SIZE (offsetof(shz_search_options, flags) + sizeof(unsigned))
/* A caller from a later version may pass a larger struct, accepted while its unknown tail is all
 * zero (the defaults of the fields we do not know); beyond this size it is taken for garbage. */
enum { OPTIONS_MAX_SIZE = 4096 };
/* The fields 1.0 knew. */
enum {
    FIELDS_1_0 = SHZ_FIELD_TITLE | SHZ_FIELD_BODY | SHZ_FIELD_SUMMARY | SHZ_FIELD_PINYIN |
                 SHZ_FIELD_PINYIN_INITIALS
};

static inline unsigned slots_of_fields(unsigned fields, int legacy)
{
    unsigned mask = 0;
    if (fields & SHZ_FIELD_TITLE)
        mask |= 1u << SHZ_IX_TITLE | 1u << SHZ_IX_TITLE_EN;
    /* The pinyin of the keywords and aliases too, which 1.0 did not search. */
    if (fields & SHZ_FIELD_PINYIN)
        mask |= 1u << SHZ_IX_PINYIN | (legacy ? 0 : 1u << SHZ_IX_TERMS_PINYIN);
    if (fields & SHZ_FIELD_PINYIN_INITIALS)
        mask |= 1u << SHZ_IX_INITIALS | (legacy ? 0 : 1u << SHZ_IX_TERMS_INITIALS);
    if (fields & SHZ_FIELD_BODY)
        mask |= 1u << SHZ_IX_BODY | (legacy ? 0 : 1u << SHZ_IX_BODY_EN);
    if (fields & SHZ_FIELD_SUMMARY)
        mask |= 1u << SHZ_IX_SUMMARY;
    if (fields & SHZ_FIELD_ALIASES)
        mask |= 1u << SHZ_IX_TERMS;
    return mask;
}

static int tail_is_zero(const shz_search_options *options, size_t from)
{
    const unsigned char *bytes = (const unsigned char *)options;
    for (size_t i = from; i < options->size; i++)
        if (bytes[i])
            return 0;
    return 1;
}

/* Reads the options; legacy forces 1.0's reading of them (the 1.0 symbol). */
static inline shz_status read_options(const shz_search_options *options, int legacy,
                                      szs_settings *out)
{
    unsigned fields = 0, mode = SHZ_SEARCH_BEST;
    double min_relevance = SHZ_MIN_RELEVANCE_DEFAULT;
    shz_lang lang = SHZ_LANG_ZH_HANS;
    size_t limit = 0;
    uint64_t topics = 0;
    unsigned flags = 0;
    if (options) {
        if (options->size < OPTIONS_1_0_SIZE || options->size > OPTIONS_MAX_SIZE)
            return SHZ_ERR_BAD_OPTIONS;
        legacy |= options->size == OPTIONS_1_0_SIZE;
        if (legacy) {
            if (!tail_is_zero(options, OPTIONS_1_0_SIZE))
                return SHZ_ERR_BAD_OPTIONS;
        } else {
            if (options->size < OPTIONS_1_1_SIZE ||
                !tail_is_zero(options, sizeof(shz_search_options)))
                return SHZ_ERR_BAD_OPTIONS;
            mode = options->mode;
            /* A field the caller's struct ends before keeps its default (a 1.1 caller's ends
             * before them all: the precision rule's threshold, no topic filter, no flags); one it
             * holds is read, and checked, even where the struct ends within the next one. */
            if (options->size >= offsetof(shz_search_options, min_relevance) + sizeof(double))
                min_relevance = options->min_relevance;
            if (options->size >= OPTIONS_1_2_SIZE)
                topics = options->topics;
            if (options->size >= OPTIONS_1_8_SIZE)
                flags = options->flags;
        }
        fields = options->fields;
        lang = options->lang;
        limit = options->limit;
    }
    unsigned known = legacy ? FIELDS_1_0 : SHZ_FIELD_ALL;
    if (fields & ~known || mode > SHZ_SEARCH_ALL_TERMS || flags & ~(unsigned)SHZ_ONLY_MATCHES)
        return SHZ_ERR_BAD_OPTIONS;
    if (!(min_relevance >= 0.0 && min_relevance <= 1.0)) /* NaN too */
        return SHZ_ERR_BAD_OPTIONS;
    /* Every bit must name a topic of the catalogue (ids 1 to 64 fit the mask). */
    size_t topic_total = shz_topic_count() < 64 ? shz_topic_count() : 64;
    if (topic_total < 64 && (topics >> topic_total) != 0)
        return SHZ_ERR_BAD_OPTIONS;
    /* English (since 1.2): zh matches keep their zh-Hans text, English ones show English. */
    if (lang != SHZ_LANG_ZH_HANS && lang != SHZ_LANG_ZH_HANT && (legacy || lang != SHZ_LANG_EN))
        return SHZ_ERR_BAD_LANG;
    out->slot_mask = slots_of_fields(fields ? fields : known, legacy);
    out->lang = lang;
    out->limit = limit;
    out->mode = legacy ? SHZ_SEARCH_ALL_TERMS : mode;
    out->legacy = legacy;
    out->topics = topics;
    out->min_relevance = min_relevance;
    out->flags = flags;
    return SHZ_OK;
}

void shz_search_options_init(shz_search_options *options)
{
    if (options) {
        shz_search_options defaults = SHZ_SEARCH_OPTIONS_INIT;
        *options = defaults;
    }
}

static shz_status search(const char *text, size_t len, const shz_search_options *options,
                         int legacy, shz_results **results)
{
    if (results)
        *results = NULL;
    if (!text || !results)
        return SHZ_ERR_INVALID_ARG;
    if (len > SHZ_QUERY_MAX)
        return SHZ_ERR_QUERY_TOO_LONG;
    szs_settings set;
    shz_status status = read_options(options, legacy, &set);
    if (status != SHZ_OK)
        return status;
    return szs_run(text, len, &set, results);
}

shz_status shz_search(const char *text, size_t len, const shz_search_options *options,
                      shz_results **results)
{
    return search(text, len, options, 0, results);
}

shz_status szs_search_1_0(const char *text, size_t len, const shz_search_options *options,
                          shz_results **results)
{
    return search(text, len, options, 1, results);
}
