/**
 * @file shenzhen.h
 * @brief libshenzhen: the 47 innovative measures of the Shenzhen Special
 * Economic Zone (NDRC notice 发改地区〔2021〕1072号) as compiled-in data.
 *
 * This header is the contract. Everything it declares is stable: functions are
 * only ever added, never changed or removed, within a SONAME major.
 *
 * Conventions that hold for every function below:
 * - Handles (`const shz_measure *`, `const shz_category *`) point into static
 *   data inside the library. They are borrowed, valid for the life of the
 *   process, and must never be freed.
 * - Strings returned through `const char **` are UTF-8, NUL-terminated, borrowed
 *   from static data and never freed; their byte length (without the NUL) is
 *   stored through the matching `size_t *` when that pointer is not NULL.
 * - Memory the caller must free is said so explicitly, with the function to
 *   free it (shz_free() or shz_results_free()).
 * - Functions that can fail return a ::shz_status; SHZ_OK is 0 and every error
 *   is non-zero and named by shz_errstr(). On error, output parameters are left
 *   untouched unless stated otherwise.
 * - There is no global mutable state: every function is thread-safe and may be
 *   called from any number of threads at once.
 * - Stack: no call needs more than 16 KiB of the caller's stack (a search
 *   keeps what grows with its query in the one block it allocates), so every
 *   function may be called on a thread with a 32 KiB stack (tests/concurrency
 *   checks this, and measures about 8 KiB).
 */
#ifndef SHENZHEN_H
#define SHENZHEN_H

#include <stddef.h>
#include <stdint.h>

#include "shenzhen_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Marks every exported symbol; all else in the library is hidden. */
#ifndef SHZ_API
#if defined(__GNUC__) && defined(SHZ_BUILDING_LIBRARY)
#define SHZ_API __attribute__((visibility("default")))
#else
#define SHZ_API
#endif
#endif

/* ------------------------------------------------------------------------- */
/** @name Status codes */
/** @{ */

/** Result of every fallible call. Values are fixed forever; new ones may be added. */
typedef enum shz_status {
    SHZ_OK = 0,              /**< Success. */
    SHZ_ERR_NOT_FOUND = 1,   /**< No measure or category has that id or index. */
    SHZ_ERR_INVALID_ARG = 2, /**< A required pointer was NULL or a value out of range. */
    SHZ_ERR_BAD_LANG = 3,    /**< The language is not one of ::shz_lang. */
    SHZ_ERR_NO_TEXT = 4,     /**< That field has no text in that language (e.g. body in en). */
    SHZ_ERR_NO_MEMORY = 5,   /**< An allocation failed. */
    SHZ_ERR_BAD_UTF8 = 6,    /**< Input is not valid UTF-8 (overlong, surrogate, truncated…). */
    SHZ_ERR_EMPTY_QUERY = 7, /**< The query has no searchable characters. */
    SHZ_ERR_QUERY_TOO_LONG = 8, /**< The query is longer than ::SHZ_QUERY_MAX bytes. */
    SHZ_ERR_BAD_QUERY = 9,      /**< The query is malformed (e.g. an unclosed quote). */
    SHZ_ERR_BAD_OPTIONS = 10    /**< The options struct is malformed (size or field values). */
} shz_status;

/**
 * Names a status: a short English sentence, static, never NULL, never freed.
 * Unknown values give "unknown status". Thread-safe.
 */
SHZ_API const char *shz_errstr(shz_status status);

/** @} */
/* ------------------------------------------------------------------------- */
/** @name Versions and data edition */
/** @{ */

/** The library's version string, e.g. "1.0.0"; static. Equals SHZ_VERSION_STRING of the build. */
SHZ_API const char *shz_version(void);

/** The library's version as MAJOR*1000000 + MINOR*1000 + PATCH (see SHZ_VERSION_NUMBER). */
SHZ_API int shz_version_number(void);

/** The data edition compiled in (the `edition` of data/catalogue.json), e.g. "2026.2"; static. */
SHZ_API const char *shz_data_version(void);

/** Lowercase hex SHA-256 of the data/catalogue.json compiled in (64 characters); static. */
SHZ_API const char *shz_data_sha256(void);

/** Number of corrections made to the damaged seed text, one per row of data/errata.json. */
SHZ_API size_t shz_errata_count(void);

/** @} */
/* ------------------------------------------------------------------------- */
/** @name Languages and fields */
/** @{ */

/** Language of a text. */
typedef enum shz_lang {
    SHZ_LANG_ZH_HANS = 0, /**< Simplified Chinese: the canonical, restored original. */
    SHZ_LANG_ZH_HANT = 1, /**< Traditional Chinese in Taiwan's standard forms (OpenCC s2tw). */
    SHZ_LANG_EN = 2       /**< English: an unofficial translation by this project. */
} shz_lang;

/**
 * Its BCP 47 tag ("zh-Hans", "zh-Hant", "en"); static. NULL for a value that is
 * not a ::shz_lang.
 */
SHZ_API const char *shz_lang_name(shz_lang lang);

/**
 * Parses a tag of @p len bytes into @p out: "zh-Hans", "zh-Hant" and "en",
 * and the tags people commonly type for them: "zh", "zh-CN" and "zh-SG" give
 * SHZ_LANG_ZH_HANS; "zh-TW", "zh-HK" and "zh-MO" give SHZ_LANG_ZH_HANT;
 * "en-US" and "en-GB" give SHZ_LANG_EN. ASCII case is ignored and '_' is
 * taken as '-' ("zh_cn"). Returns SHZ_ERR_INVALID_ARG if @p name or @p out is
 * NULL and SHZ_ERR_BAD_LANG for any other tag.
 */
SHZ_API shz_status shz_lang_parse(const char *name, size_t len, shz_lang *out);

/** A text field of a measure. Values are bits so that they can be combined as filters. As a
 *  search filter, ::SHZ_FIELD_PINYIN and ::SHZ_FIELD_PINYIN_INITIALS also search the pinyin of
 *  the keywords and aliases and their initials (not for 1.0 callers); the snippet of a hit found
 *  there shows the keywords and aliases (see shz_results_snippet_origin()). */
typedef enum shz_field {
    SHZ_FIELD_TITLE = 1,            /**< Title: zh-Hans, zh-Hant, en. */
    SHZ_FIELD_BODY = 2,             /**< Body: zh-Hans, zh-Hant, en (since 1.1). */
    SHZ_FIELD_SUMMARY = 4,          /**< One-sentence summary: en. */
    SHZ_FIELD_PINYIN = 8,           /**< Toneless pinyin of the title, "miao bao …": any lang. */
    SHZ_FIELD_PINYIN_INITIALS = 16, /**< Initials of the pinyin, "mbmp…": any lang. */
    SHZ_FIELD_ALIASES = 32 /**< Curated aliases, a list read with shz_measure_alias() (1.1). */
} shz_field;

/** Every field, as a filter (31 in 1.0, before ::SHZ_FIELD_ALIASES). */
#define SHZ_FIELD_ALL 63

/** The field's lowercase name ("title", "body", "summary", "pinyin", "initials", "aliases");
 * NULL if unknown. */
SHZ_API const char *shz_field_name(shz_field field);

/** @} */
/* ------------------------------------------------------------------------- */
/** @name Categories */
/** @{ */

/** One of the 5 categories; opaque, borrowed from static data. */
typedef struct shz_category shz_category;

/** One of the 47 measures; opaque, borrowed from static data. */
typedef struct shz_measure shz_measure;

/** Number of categories (5). */
SHZ_API size_t shz_category_count(void);

/** The category at @p index (0-based, id order); NULL when @p index >= shz_category_count(). */
SHZ_API const shz_category *shz_category_at(size_t index);

/**
 * Looks up a category by its id (1–5) into @p out. SHZ_ERR_NOT_FOUND for any
 * other id; SHZ_ERR_INVALID_ARG if @p out is NULL.
 */
SHZ_API shz_status shz_category_get(int64_t id, const shz_category **out);

/** The category's id (1–5); 0 for NULL. */
SHZ_API int64_t shz_category_id(const shz_category *category);

/**
 * The category's title in @p lang (every language has one).
 * SHZ_ERR_INVALID_ARG for NULL @p category or @p text; SHZ_ERR_BAD_LANG.
 */
SHZ_API shz_status shz_category_title(const shz_category *category, shz_lang lang,
                                      const char **text, size_t *len);

/** Number of measures in the category; 0 for NULL. */
SHZ_API size_t shz_category_measure_count(const shz_category *category);

/** The category's measure at @p index (id order); NULL for NULL or out of range. */
SHZ_API const shz_measure *shz_category_measure_at(const shz_category *category, size_t index);

/** @} */
/* ------------------------------------------------------------------------- */
/** @name Measures */
/** @{ */

/** Number of measures (47). */
SHZ_API size_t shz_measure_count(void);

/** The measure at @p index (0-based, id order); NULL when @p index >= shz_measure_count(). */
SHZ_API const shz_measure *shz_measure_at(size_t index);

/**
 * Looks up a measure by its id (1–47, stable forever) into @p out.
 * SHZ_ERR_NOT_FOUND for any other id; SHZ_ERR_INVALID_ARG if @p out is NULL.
 */
SHZ_API shz_status shz_measure_get(int64_t id, const shz_measure **out);

/** The measure's id (1–47); 0 for NULL. */
SHZ_API int64_t shz_measure_id(const shz_measure *measure);

/** The measure's category (never NULL for a valid measure); NULL for NULL. */
SHZ_API const shz_category *shz_measure_category(const shz_measure *measure);

/**
 * A text field of the measure in @p lang. Title and body have every language
 * (the English body since data schema 2, library 1.1); summary has en; the
 * pinyin fields are the same whatever valid @p lang is given. The aliases are
 * a list, not one text: ::SHZ_FIELD_ALIASES gives SHZ_ERR_NO_TEXT here (read
 * them with shz_measure_alias()). Errors: SHZ_ERR_INVALID_ARG (NULL
 * @p measure or @p text, unknown @p field), SHZ_ERR_BAD_LANG, SHZ_ERR_NO_TEXT.
 */
SHZ_API shz_status shz_measure_text(const shz_measure *measure, shz_field field, shz_lang lang,
                                    const char **text, size_t *len);

/** Number of keywords (zh-Hans); 0 for NULL. */
SHZ_API size_t shz_measure_keyword_count(const shz_measure *measure);

/** Keyword @p index (zh-Hans). SHZ_ERR_INVALID_ARG for NULLs, SHZ_ERR_NOT_FOUND out of range. */
SHZ_API shz_status shz_measure_keyword(const shz_measure *measure, size_t index, const char **text,
                                       size_t *len);

/** Number of documents the measure cites (the 《…》 titles); 0 for NULL. */
SHZ_API size_t shz_measure_cite_count(const shz_measure *measure);

/** Cited document @p index, its title without 《》. Errors as shz_measure_keyword(). */
SHZ_API shz_status shz_measure_cite(const shz_measure *measure, size_t index, const char **text,
                                    size_t *len);

/**
 * Number of curated aliases of the measure: words people use for it that its
 * text does not contain (colloquial terms, abbreviations, slogans, English
 * synonyms); 0 for NULL. Since 1.1.
 */
SHZ_API size_t shz_measure_alias_count(const shz_measure *measure);

/** Alias @p index (zh-Hans or English). Errors as shz_measure_keyword(). Since 1.1. */
SHZ_API shz_status shz_measure_alias(const shz_measure *measure, size_t index, const char **text,
                                     size_t *len);

/** What kind of word an alias is (shz_measure_alias_kind()). Since 1.2. */
typedef enum shz_alias_kind {
    SHZ_ALIAS_COLLOQUIAL = 1,   /**< What people call it: 遛娃, 义工, 看病贵. */
    SHZ_ALIAS_ENGLISH = 2,      /**< An English phrase people search with: "fresh start". */
    SHZ_ALIAS_ABBREVIATION = 3, /**< A short form or acronym: 深国仲, 职教, SCIA, TVET. */
    SHZ_ALIAS_FORMER_NAME = 4 /**< A name no longer in official use: 新冠肺炎, 华南国仲. */
} shz_alias_kind;

/**
 * The name of @p kind: "colloquial", "english", "abbreviation" or
 * "former-name"; static; NULL for any other value. Since 1.2.
 */
SHZ_API const char *shz_alias_kind_name(shz_alias_kind kind);

/**
 * The kind of alias @p index into *@p kind. Errors: SHZ_ERR_INVALID_ARG (NULL
 * @p measure or @p kind), SHZ_ERR_NOT_FOUND (out of range), SHZ_ERR_NO_TEXT (a
 * catalogue older than schema 3 records no kinds). Since 1.2.
 */
SHZ_API shz_status shz_measure_alias_kind(const shz_measure *measure, size_t index,
                                          shz_alias_kind *kind);

/**
 * Alias @p index as written in @p lang: SHZ_LANG_ZH_HANT gives the Traditional
 * (Taiwan) form of a Chinese alias; an English alias, and every alias in the
 * other languages, reads as shz_measure_alias() gives it. Static text. Errors:
 * SHZ_ERR_INVALID_ARG (NULLs), SHZ_ERR_NOT_FOUND (out of range),
 * SHZ_ERR_BAD_LANG. Since 1.2.
 */
SHZ_API shz_status shz_measure_alias_in(const shz_measure *measure, size_t index, shz_lang lang,
                                        const char **text, size_t *len);

/**
 * Keyword @p index as written in @p lang: SHZ_LANG_ZH_HANT gives its
 * Traditional (Taiwan) form, the other languages the zh-Hans keyword. Errors
 * as shz_measure_alias_in(). Since 1.2.
 */
SHZ_API shz_status shz_measure_keyword_in(const shz_measure *measure, size_t index, shz_lang lang,
                                          const char **text, size_t *len);

/**
 * Number of related measures of @p measure; 0 for NULL. Since 1.1; since 1.2
 * the number varies by measure (1 to 6 in data edition 2026.3).
 */
SHZ_API size_t shz_measure_related_count(const shz_measure *measure);

/**
 * Related measure @p index of @p measure (index 0 to
 * shz_measure_related_count() - 1); NULL for NULL or out of range. Never the
 * measure itself, never the same measure twice. Since 1.1.
 *
 * Since 1.2 the links are curated by hand in the catalogue (data/catalogue.json,
 * "related"), each with a reason (shz_measure_related_reason()) and a grade
 * (shz_measure_related_grade()); they no longer depend on the search. Every
 * link holds both ways: if B is related to A, A is related to B, with the same
 * reason and grade. Closely related measures (grade 2) come first, then the
 * others (grade 1), each group in id order.
 */
SHZ_API const shz_measure *shz_measure_related(const shz_measure *measure, size_t index);

/**
 * The grade of related measure @p index: 2 for closely related (the measures
 * share their subject or one is a part of the other), 1 for related (they meet
 * on one point); 0 for NULL or out of range. Since 1.2.
 */
SHZ_API int shz_measure_related_grade(const shz_measure *measure, size_t index);

/**
 * Why related measure @p index is related, one sentence in @p lang (zh-Hans,
 * zh-Hant or en; the same reason is given from both ends). Static text.
 * Errors: SHZ_ERR_INVALID_ARG (NULL @p measure or @p text), SHZ_ERR_NOT_FOUND
 * (out of range), SHZ_ERR_BAD_LANG. Since 1.2.
 */
SHZ_API shz_status shz_measure_related_reason(const shz_measure *measure, size_t index,
                                              shz_lang lang, const char **text, size_t *len);

/** @} */
/* ------------------------------------------------------------------------- */
/** @name Topics (since 1.2)
 * A controlled vocabulary of subjects (33 in data edition 2026.3, such as
 * "healthcare" or "cross-border-rules"), each with a name and a one-line
 * definition in every language. Every measure carries 1 to 4 topics, each with
 * a reason; every topic has at least one measure. Handles are static, like
 * measures.
 */
/** @{ */

/** A topic; opaque, static, never freed. Since 1.2. */
typedef struct shz_topic shz_topic;

/** Number of topics; 0 for a catalogue older than schema 3. Since 1.2. */
SHZ_API size_t shz_topic_count(void);

/** The topic at @p index (0-based, id order); NULL when out of range. Since 1.2. */
SHZ_API const shz_topic *shz_topic_at(size_t index);

/**
 * Looks up a topic by id (1 to shz_topic_count()) into @p out. Errors:
 * SHZ_ERR_INVALID_ARG (NULL @p out), SHZ_ERR_NOT_FOUND. Since 1.2.
 */
SHZ_API shz_status shz_topic_get(int64_t id, const shz_topic **out);

/**
 * Looks up a topic by its key (@p len bytes, exact, e.g. "healthcare") into
 * @p out. Errors: SHZ_ERR_INVALID_ARG (NULL @p key or @p out),
 * SHZ_ERR_NOT_FOUND. Since 1.2.
 */
SHZ_API shz_status shz_topic_find(const char *key, size_t len, const shz_topic **out);

/** The topic's id (1-based, stable); 0 for NULL. Since 1.2. */
SHZ_API int64_t shz_topic_id(const shz_topic *topic);

/**
 * The topic's key: lowercase ASCII letters, digits and '-', stable like the id.
 * Static text. Errors: SHZ_ERR_INVALID_ARG (NULL @p topic or @p text). Since 1.2.
 */
SHZ_API shz_status shz_topic_key(const shz_topic *topic, const char **text, size_t *len);

/**
 * The topic's name in @p lang. Static text. Errors: SHZ_ERR_INVALID_ARG (NULL
 * @p topic or @p text), SHZ_ERR_BAD_LANG. Since 1.2.
 */
SHZ_API shz_status shz_topic_name(const shz_topic *topic, shz_lang lang, const char **text,
                                  size_t *len);

/** The topic's one-line definition in @p lang. Errors as shz_topic_name(). Since 1.2. */
SHZ_API shz_status shz_topic_definition(const shz_topic *topic, shz_lang lang, const char **text,
                                        size_t *len);

/** Number of measures that carry @p topic; 0 for NULL. Since 1.2. */
SHZ_API size_t shz_topic_measure_count(const shz_topic *topic);

/** Measure @p index of @p topic, in id order; NULL for NULL or out of range. Since 1.2. */
SHZ_API const shz_measure *shz_topic_measure_at(const shz_topic *topic, size_t index);

/** Number of topics of @p measure (1 to 4); 0 for NULL. Since 1.2. */
SHZ_API size_t shz_measure_topic_count(const shz_measure *measure);

/** Topic @p index of @p measure, in the catalogue's order; NULL for NULL or out of range.
 * Since 1.2. */
SHZ_API const shz_topic *shz_measure_topic_at(const shz_measure *measure, size_t index);

/**
 * Why @p measure carries its topic @p index, a short phrase in @p lang. Static
 * text. Errors: SHZ_ERR_INVALID_ARG (NULL @p measure or @p text),
 * SHZ_ERR_NOT_FOUND (out of range), SHZ_ERR_BAD_LANG. Since 1.2.
 */
SHZ_API shz_status shz_measure_topic_reason(const shz_measure *measure, size_t index, shz_lang lang,
                                            const char **text, size_t *len);

/** @} */
/* ------------------------------------------------------------------------- */
/** @name The notice itself */
/** @{ */

/** A metadata field of the notice. */
typedef enum shz_doc_field {
    SHZ_DOC_TITLE = 0,            /**< Title: every language. */
    SHZ_DOC_NUMBER = 1,           /**< 发改地区〔2021〕1072号: the same in every language. */
    SHZ_DOC_ISSUER = 2,           /**< Issuer: every language. */
    SHZ_DOC_ADDRESSEES = 3,       /**< Addressees: every language. */
    SHZ_DOC_DATE = 4,             /**< "2021-07-21": the same in every language. */
    SHZ_DOC_ATTACHMENT = 5,       /**< The attachment's title: every language. */
    SHZ_DOC_TRANSLATION_NOTE = 6, /**< Why the en texts are unofficial: en only. */
    SHZ_DOC_PUBLISHED_TITLE = 7,  /**< The title as published, without the issuer (since 1.2). */
    SHZ_DOC_PUBLISHED_IN = 8      /**< Where the issuer published it (since 1.2). */
} shz_doc_field;

/**
 * A metadata field of the notice in @p lang. Errors: SHZ_ERR_INVALID_ARG (NULL
 * @p text, unknown @p field), SHZ_ERR_BAD_LANG, SHZ_ERR_NO_TEXT (also the
 * fields added in 1.2 of a catalogue older than schema 3).
 */
SHZ_API shz_status shz_document_text(shz_doc_field field, shz_lang lang, const char **text,
                                     size_t *len);

/** Number of body paragraphs of the notice. */
SHZ_API size_t shz_document_paragraph_count(void);

/**
 * Paragraph @p index of the notice in any language (en since data schema 2,
 * library 1.1). Errors: SHZ_ERR_INVALID_ARG (NULL @p text), SHZ_ERR_NOT_FOUND,
 * SHZ_ERR_BAD_LANG, SHZ_ERR_NO_TEXT.
 */
SHZ_API shz_status shz_document_paragraph(size_t index, shz_lang lang, const char **text,
                                          size_t *len);

/** @} */
/* ------------------------------------------------------------------------- */
/** @name JSON export */
/** @{ */

/** Flags for the JSON export functions; combine with |. */
enum shz_json_flags {
    SHZ_JSON_COMPACT = 0, /**< One line, no spaces (the default). */
    SHZ_JSON_PRETTY = 1,  /**< Two spaces a level, one member or element a line (as jq). */
    SHZ_JSON_ASCII = 2    /**< Every non-ASCII character escaped as \\uXXXX (surrogate pairs). */
};

/**
 * The whole catalogue as JSON: {"document":…,"categories":[…],"measures":[…]}
 * (every member is described in shenzhen-json(5)). On success *@p json is a
 * NUL-terminated string that the caller owns and frees with shz_free(); *@p len
 * (if @p len is not NULL) is its length in bytes. Errors: SHZ_ERR_INVALID_ARG (NULL @p json,
 * unknown flag bits), SHZ_ERR_NO_MEMORY.
 */
SHZ_API shz_status shz_json_catalogue(unsigned flags, char **json, size_t *len);

/** One category as the JSON object the catalogue export holds for it. Ownership as
 * shz_json_catalogue(). */
SHZ_API shz_status shz_json_category(const shz_category *category, unsigned flags, char **json,
                                     size_t *len);

/** One measure as the JSON object the catalogue export holds for it. Ownership as
 * shz_json_catalogue(). */
SHZ_API shz_status shz_json_measure(const shz_measure *measure, unsigned flags, char **json,
                                    size_t *len);

/** Frees memory returned by this library's shz_json_* functions. NULL is a no-op. */
SHZ_API void shz_free(void *ptr);

/** @} */
/* ------------------------------------------------------------------------- */
/** @name Text search */
/** @{ */

/** Longest query accepted, in bytes. */
#define SHZ_QUERY_MAX 4096

/** How a search matches (shz_search_options::mode). */
typedef enum shz_search_mode {
    /**
     * Ranked best match (the default): the query is analysed into terms (Han
     * bigrams, a lone Han character, Latin and digit words matched as whole
     * words or by their English stem, question and function words left out),
     * and a measure is a hit when it passes the precision rule ("held
     * weight"): the terms it holds carry at least
     * shz_search_options::min_relevance of the query's weight (each term
     * weighs its IDF; a word or character the catalogue does not have weighs
     * as a term found in one measure, an unknown Han word half of that per
     * character, and a word the thesaurus names as a subject no measure
     * addresses eight times a word it does not have, so a query of unknown
     * words leaves nothing to hold; a term named in the measure's title,
     * keywords or aliases holds fully, one only mentioned in its text by how
     * often), the hit holds a word of the query (a Han bigram or a Latin word,
     * not only lone characters), and it holds a term found in at most a quarter
     * of the measures when the query has such a word (or one the catalogue
     * lacks), or when it holds one term of several. Hits rank by relevance
     * (shz_results_relevance()), then by BM25F over the fields asked for. Since 1.8 the best
     * match's closely related measures (grade 2, shz_measure_related_grade()) that do not match
     * follow the matches, those holding no more of the query's weight than the last match (since
     * 1.12), in the same order (so relevance never rises down the list), flagged
     * ::SHZ_MATCH_RELATED, unless shz_search_options::flags has ::SHZ_ONLY_MATCHES: a
     * reader who asks about one measure is often served by its companions too.
     */
    SHZ_SEARCH_BEST = 0,
    /**
     * Every whitespace-separated term must occur literally in one of the
     * fields asked for (a "quoted phrase" is one term), ranked by 1.0's rule.
     */
    SHZ_SEARCH_ALL_TERMS = 1
} shz_search_mode;

/**
 * Search options. Initialise with shz_search_options_init() (or
 * SHZ_SEARCH_OPTIONS_INIT), then change what you need. The struct only ever
 * grows at its end; @c size tells the library which version the caller knows.
 * A caller compiled with 1.0's header (whose struct ends with @c limit) gets
 * exactly 1.0's search: all terms, 1.0's fields (no aliases, no English body)
 * and 1.0's ranking.
 */
typedef struct shz_search_options {
    size_t size;     /**< sizeof(shz_search_options) as the caller compiled it. */
    unsigned fields; /**< Fields to search, a mask of ::shz_field; 0 means all. */
    shz_lang lang;   /**< Language of spans and snippets: zh-Hans (default), zh-Hant or (since
                          1.2) en: a match in the English title, summary or body is shown in that
                          text (a zh title or body that also matched in English gives way to it),
                          a match in the Chinese text in zh-Hans. A 1.0 caller gets
                          SHZ_ERR_BAD_LANG for en, as before. */
    size_t limit;    /**< Most hits to return; 0 means no limit. */
    unsigned mode;   /**< A ::shz_search_mode (since 1.1); SHZ_SEARCH_BEST by default. */
    /**
     * Best match: the least relevance (shz_results_relevance()) a measure must have to match
     * (the related measures that follow the matches have less), in [0, 1]; the
     * precision rule's threshold, ::SHZ_MIN_RELEVANCE_DEFAULT, by default (also for a caller
     * compiled with 1.1's header, whose struct ends before it). 0 keeps every measure that
     * holds a term the rule lets count. Another value (NaN too) is SHZ_ERR_BAD_OPTIONS. All-terms
     * mode ignores it. (Since 1.2.)
     */
    double min_relevance;
    /**
     * Only measures that carry one of these topics (since 1.2): bit
     * `1 << (shz_topic_id() - 1)` per topic; 0, the default, means no filter.
     * A bit for no topic is SHZ_ERR_BAD_OPTIONS. The query's term statistics
     * (shz_results_term_measures()) still count the whole catalogue.
     */
    uint64_t topics;
    /**
     * A mask of ::shz_search_flags (since 1.8); 0, the default, lists after the measures that
     * match the query the best match's closely related measures (see ::SHZ_MATCH_RELATED). An
     * unknown bit is SHZ_ERR_BAD_OPTIONS. A caller compiled with an older header gets the default.
     */
    unsigned flags;
} shz_search_options;

/** Flags of shz_search_options::flags. (Since 1.8.) */
enum shz_search_flags {
    /** Only the measures that match the query: no related measures follow them. */
    SHZ_ONLY_MATCHES = 1
};

/** The precision rule's threshold: the default of shz_search_options::min_relevance. (Since
 * 1.2; 0.13 since 1.7.0, 0.15 in 1.3.0 to 1.6.x and 0.06 in 1.2.0: a caller compiled with an
 * older header and SHZ_SEARCH_OPTIONS_INIT passes that header's value.) */
#define SHZ_MIN_RELEVANCE_DEFAULT 0.13

/** Static initialiser with the defaults. */
#define SHZ_SEARCH_OPTIONS_INIT                                                                    \
    {                                                                                              \
        sizeof(shz_search_options), 0u, SHZ_LANG_ZH_HANS, 0u, SHZ_SEARCH_BEST,                     \
            SHZ_MIN_RELEVANCE_DEFAULT, 0u, 0u                                                      \
    }

/** Fills @p options with the defaults. NULL is a no-op. */
SHZ_API void shz_search_options_init(shz_search_options *options);

/**
 * The hits of one search; opaque, owned by the caller, freed with shz_results_free(). Any
 * number of threads may read one results object at once. A hit's spans and snippet are
 * prepared the first time one of them is read (in memory the search already reserved: reading
 * never allocates and never fails for want of memory; a thread that reads them while another
 * prepares them waits on a lock, it does not spin), so a caller that reads only measures and
 * scores does not pay for them.
 */
typedef struct shz_results shz_results;

/**
 * Searches the catalogue. @p query is UTF-8 of @p len bytes (need not be
 * NUL-terminated), searched as the options' mode says (best match by
 * default; see ::shz_search_mode). Matching ignores Traditional/Simplified
 * script, full/half width, Latin case, punctuation and spaces inside terms;
 * control characters (an embedded NUL included) are ignored like punctuation.
 * @p options may be NULL for defaults. (Programs linked against 1.0 call the
 * 1.0 version of this function, which always searches as 1.0 did.)
 *
 * On success *@p results holds the hits, best first (possibly none: a query
 * that matches nothing is a success, and its terms can still be read, except
 * by a caller asking for 1.0's search, whose results carry no terms as in
 * 1.0); the caller owns it and frees it with shz_results_free(). Errors:
 * SHZ_ERR_INVALID_ARG (NULL @p query or @p results), SHZ_ERR_BAD_UTF8,
 * SHZ_ERR_QUERY_TOO_LONG, SHZ_ERR_EMPTY_QUERY, SHZ_ERR_BAD_QUERY,
 * SHZ_ERR_BAD_OPTIONS (also an unknown mode or field), SHZ_ERR_BAD_LANG,
 * SHZ_ERR_NO_MEMORY; on error *@p results is set to NULL.
 */
SHZ_API shz_status shz_search(const char *query, size_t len, const shz_search_options *options,
                              shz_results **results);

/** Frees search results. NULL is a no-op. */
SHZ_API void shz_results_free(shz_results *results);

/** Number of hits; 0 for NULL. */
SHZ_API size_t shz_results_count(const shz_results *results);

/** The measure of hit @p index; NULL for NULL or out of range. */
SHZ_API const shz_measure *shz_results_measure(const shz_results *results, size_t index);

/**
 * The score of hit @p index (higher is better; the ranking is in shenzhen-search(7)); 0 for NULL
 * or out of range.
 */
SHZ_API int64_t shz_results_score(const shz_results *results, size_t index);

/**
 * The relevance of hit @p index, in [0, 1]: the share of the query's weight that the hit holds,
 * each term weighed by how exactly and how firmly it is held. Every reported term weighs its IDF
 * (a word or character the catalogue does not have, as a term found in one measure; a Han
 * bigram the catalogue lacks where two known words meet, nothing; a lone Han character, since
 * 1.5, half of that); a term the hit holds
 * contributes its weight times its strength there: exactness (1 exactly or by its English stem,
 * 1/2 for a character of a word the catalogue does not have, and for a term held only through
 * a typo or homophone alternative that alternative's likelihood: 1/2 for one typo edit or the
 * only homophone reading, less for more edits or readings; 4/5 for a thesaurus word held
 * through one of its catalogue words, see shenzhen-search(7)) times BM25F's saturation
 * tf / (k1 + tf) of its weighted frequency in the fields (a term in the title or named often
 * holds more firmly than one named once in a long body). The relevance is the contributions'
 * sum over the query's measure: its weight, except that in a long query (since 1.9) the weight
 * of the terms the catalogue has counts in full up to four rare terms (found in one measure)
 * and 60% beyond, while terms it does not have keep their full weight, so that the measure
 * answering a long request is not diluted by the words around its subject. At most 1.
 * It depends on the query and the hit only, not on the other hits, so it can be compared across
 * searches; best-match hits come in order of it (never increasing down the list). A hit that
 * holds every term exactly has 1. All-terms mode: 1 for every hit. 0 for NULL or out of range.
 * (Since 1.2.)
 */
SHZ_API double shz_results_relevance(const shz_results *results, size_t index);

/** How a query term counts in a hit (shz_results_explain()). (Since 1.2.) */
typedef enum shz_explain_how {
    SHZ_EXPLAIN_NONE = 0,    /**< the hit does not hold the term */
    SHZ_EXPLAIN_EXACT = 1,   /**< held as written */
    SHZ_EXPLAIN_STEM = 2,    /**< held only through its English stem */
    SHZ_EXPLAIN_TOLERANT = 3 /**< held only through an alternative: a typo, a homophone, or
                                  (since 1.5) a catalogue word of the thesaurus */
} shz_explain_how;

/**
 * Why hit @p index has its relevance, term by term: for query term @p term (as
 * shz_results_term() numbers them), the field it is best held in (0 when not held; since 1.6.1
 * the title or aliases where they name it, before a body or summary that also has it), how it is
 * held (a ::shz_explain_how), its weight (its share of the query's measure, in [0, 1]; the
 * weights of all terms add up to 1, or for a long query, whose measure is less than its weight,
 * since 1.9 to at most 1/0.6, see shz_results_relevance()) and its contribution to the
 * relevance (the weight times the term's strength in the hit, see shz_results_relevance(),
 * scaled down alike where a long query's hit holds more than the measure and has relevance 1).
 * The contributions of all terms add up to shz_results_relevance() (to within its rounding,
 * 1/65535). All-terms mode: every term
 * exact, weight and contribution 1 / terms. Any output pointer may be NULL. Errors:
 * SHZ_ERR_INVALID_ARG (NULL @p results), SHZ_ERR_NOT_FOUND (@p index or @p term out of range).
 * (Since 1.2.)
 */
SHZ_API shz_status shz_results_explain(const shz_results *results, size_t index, size_t term,
                                       shz_field *field, unsigned *how, double *weight,
                                       double *contribution);

/**
 * The best field that hit @p index matched in (a ::shz_field); 0 for NULL or out of range. A
 * related measure that holds no term (::SHZ_MATCH_RELATED) reports ::SHZ_FIELD_BODY, whose start
 * its snippet shows, whatever fields were searched.
 */
SHZ_API shz_field shz_results_field(const shz_results *results, size_t index);

/** Number of match spans of hit @p index; 0 for NULL or out of range. */
SHZ_API size_t shz_results_span_count(const shz_results *results, size_t index);

/**
 * Span @p span of hit @p index: the field it lies in and where, as byte and as
 * character (code point) offsets into that field's text in the options' language
 * (what shz_measure_text() returns); ends are exclusive. Any output pointer may
 * be NULL. Errors: SHZ_ERR_INVALID_ARG (NULL @p results), SHZ_ERR_NOT_FOUND.
 */
SHZ_API shz_status shz_results_span(const shz_results *results, size_t index, size_t span,
                                    shz_field *field, size_t *byte_start, size_t *byte_end,
                                    size_t *char_start, size_t *char_end);

/**
 * A snippet of the text around the best match of hit @p index (see
 * shz_results_snippet_match()), UTF-8, owned
 * by @p results (valid until shz_results_free()). Errors: SHZ_ERR_INVALID_ARG,
 * SHZ_ERR_NOT_FOUND.
 */
SHZ_API shz_status shz_results_snippet(const shz_results *results, size_t index, const char **text,
                                       size_t *len);

/**
 * The language of the text that span @p span of hit @p index points into, so
 * that shz_measure_text(measure, field, *@p lang) returns exactly that text:
 * SHZ_LANG_EN for the English title, summary and body; the options' language for
 * the zh titles and bodies (zh-Hans when it is en) and for the pinyin fields (the
 * same text in every language) — except that a zh-Hant title or body whose code point count
 * differs from its zh-Hans original cannot take character offsets over, so
 * its spans stay in the zh-Hans text and this reports SHZ_LANG_ZH_HANS.
 * Errors: SHZ_ERR_INVALID_ARG (NULL @p results or @p lang), SHZ_ERR_NOT_FOUND.
 */
SHZ_API shz_status shz_results_span_lang(const shz_results *results, size_t index, size_t span,
                                         shz_lang *lang);

/**
 * Where the best match lies inside the snippet of hit @p index, as byte
 * offsets into the text shz_results_snippet() returns (end exclusive), for
 * highlighting. In best-match mode the best match is the longest run of
 * query terms next to each other in the hit's best field (a whole word or
 * phrase of the query, not only its first bigram), the earliest of equals,
 * and the snippet is cut around it; it runs from the start of the first span
 * of the run to the end of its last. In all-terms mode it is the best term's
 * match. The snippet is cut from the text of the hit's best field
 * (shz_results_field(); in all-terms mode that is the text of span 0), "…"
 * marking a cut end. A hit found only in its aliases and keywords (which
 * have no spans) shows them joined by "; ", its match empty at their start.
 * Any output pointer may be NULL. Errors: SHZ_ERR_INVALID_ARG (NULL
 * @p results), SHZ_ERR_NOT_FOUND.
 */
SHZ_API shz_status shz_results_snippet_match(const shz_results *results, size_t index,
                                             size_t *byte_start, size_t *byte_end);

/**
 * Where the snippet of hit @p index was cut from: its field (shz_results_field(), except that a
 * hit found in the pinyin of a keyword or alias shows the keywords: ::SHZ_FIELD_ALIASES), the
 * language of the text (*@p lang: zh-Hans, zh-Hant or en; the pinyin fields report the search's
 * language), and the byte and character offsets in that text at which the snippet's text
 * starts (after a leading "…"). The text is what shz_measure_text() gives for that field and
 * language; for ::SHZ_FIELD_ALIASES it is the keywords and aliases joined by "; ". So a
 * snippet's byte k (past the "…") is byte *@p byte_start + k of that text, and a span of the
 * same field and language lies in the snippet where their bytes overlap. Any output pointer
 * may be NULL. Errors: SHZ_ERR_INVALID_ARG (NULL @p results), SHZ_ERR_NOT_FOUND. (Since 1.2.)
 */
SHZ_API shz_status shz_results_snippet_origin(const shz_results *results, size_t index,
                                              shz_field *field, shz_lang *lang, size_t *byte_start,
                                              size_t *char_start);

/** Flags of shz_results_match(). */
enum shz_match_flags {
    SHZ_MATCH_ALL_TERMS = 1, /**< The hit matched every query term. */
    SHZ_MATCH_TOLERANT = 2,  /**< Some term matched only through typo or homophone tolerance. */
    /**
     * The hit does not match the query: it is one of the best match's closely related measures
     * (shz_measure_related() of hit 0, grade 2), listed after the matches. (Since 1.8.)
     */
    SHZ_MATCH_RELATED = 4
};

/**
 * How hit @p index matched: a mask of ::shz_match_flags. In all-terms mode
 * every hit has SHZ_MATCH_ALL_TERMS. 0 for NULL or out of range. (Since 1.1.)
 */
SHZ_API unsigned shz_results_match(const shz_results *results, size_t index);

/**
 * Number of query terms as the search analysed them: in all-terms mode the
 * whitespace-separated terms, in best-match mode the bigrams, characters and
 * words searched for (question and function words left out). 0 for NULL.
 * (Since 1.1.)
 */
SHZ_API size_t shz_results_term_count(const shz_results *results);

/**
 * Query term @p term as analysed (normalized: folded to Simplified, lower
 * case, without punctuation), UTF-8, NUL-terminated, owned by @p results.
 * Errors: SHZ_ERR_INVALID_ARG (NULL @p results or @p text), SHZ_ERR_NOT_FOUND.
 * (Since 1.1.)
 */
SHZ_API shz_status shz_results_term(const shz_results *results, size_t term, const char **text,
                                    size_t *len);

/**
 * How many measures hold query term @p term in the fields searched, matched
 * as the search matches it (0: the term matched nothing). Counted when
 * asked, in time proportional to the term's postings. 0 for NULL or out of
 * range. (Since 1.1.)
 */
SHZ_API size_t shz_results_term_measures(const shz_results *results, size_t term);

/**
 * Whether hit @p index matched query term @p term: 0 not matched, 1 matched
 * (exactly, or by stem), 2 matched only tolerantly. 0 for NULL or out of
 * range. (Since 1.1.)
 */
SHZ_API unsigned shz_results_hit_term(const shz_results *results, size_t index, size_t term);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* SHENZHEN_H */
