/*
 * Lookup, iteration and field accessors over the compiled-in tables.
 * Everything here reads const data only, so it is trivially thread-safe.
 */
#include "shenzhen.h"

#include <string.h>

#include "pool_text.h"

/* ---- categories --------------------------------------------------------- */

size_t shz_category_count(void)
{
    return shzi_category_total;
}

const shz_category *shz_category_at(size_t index)
{
    return index < shzi_category_total ? &shzi_categories[index] : NULL;
}

shz_status shz_category_get(int64_t id, const shz_category **out)
{
    if (!out)
        return SHZ_ERR_INVALID_ARG;
    /* Ids run 1..N in table order (the generator enforces it). */
    if (id < 1 || (uint64_t)id > shzi_category_total)
        return SHZ_ERR_NOT_FOUND;
    *out = &shzi_categories[id - 1];
    return SHZ_OK;
}

int64_t shz_category_id(const shz_category *category)
{
    return category ? category->id : 0;
}

shz_status shz_category_title(const shz_category *category, shz_lang lang, const char **text,
                              size_t *len)
{
    if (!category || !text)
        return SHZ_ERR_INVALID_ARG;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    return give(category->title[lang], text, len);
}

size_t shz_category_measure_count(const shz_category *category)
{
    return category ? category->member_count : 0;
}

const shz_measure *shz_category_measure_at(const shz_category *category, size_t index)
{
    if (!category || index >= category->member_count)
        return NULL;
    return &shzi_measures[shzi_category_members[category->first_member + index]];
}

/* ---- measures ----------------------------------------------------------- */

size_t shz_measure_count(void)
{
    return shzi_measure_total;
}

const shz_measure *shz_measure_at(size_t index)
{
    return index < shzi_measure_total ? &shzi_measures[index] : NULL;
}

shz_status shz_measure_get(int64_t id, const shz_measure **out)
{
    if (!out)
        return SHZ_ERR_INVALID_ARG;
    if (id < 1 || (uint64_t)id > shzi_measure_total)
        return SHZ_ERR_NOT_FOUND;
    *out = &shzi_measures[id - 1];
    return SHZ_OK;
}

int64_t shz_measure_id(const shz_measure *measure)
{
    return measure ? measure->id : 0;
}

const shz_category *shz_measure_category(const shz_measure *measure)
{
    return measure ? &shzi_categories[measure->category_index] : NULL;
}

shz_status shz_measure_text(const shz_measure *measure, shz_field field, shz_lang lang,
                            const char **text, size_t *len)
{
    if (!measure || !text)
        return SHZ_ERR_INVALID_ARG;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    switch (field) {
    case SHZ_FIELD_TITLE:
        return give(measure->title[lang], text, len);
    case SHZ_FIELD_BODY:
        return give(measure->body[lang], text, len);
    case SHZ_FIELD_SUMMARY:
        return lang == SHZ_LANG_EN ? give(measure->summary_en, text, len) : SHZ_ERR_NO_TEXT;
    case SHZ_FIELD_PINYIN:
        return give(measure->pinyin, text, len);
    case SHZ_FIELD_PINYIN_INITIALS:
        return give(measure->initials, text, len);
    case SHZ_FIELD_ALIASES:
        return SHZ_ERR_NO_TEXT; /* a list: shz_measure_alias() */
    }
    return SHZ_ERR_INVALID_ARG;
}

static shz_status list_item(const shz_measure *measure, shzi_list list, size_t index,
                            const char **text, size_t *len)
{
    if (!measure || !text)
        return SHZ_ERR_INVALID_ARG;
    if (index >= list.count)
        return SHZ_ERR_NOT_FOUND;
    return give(shzi_list_items[list.first + index], text, len);
}

size_t shz_measure_keyword_count(const shz_measure *measure)
{
    return measure ? measure->keywords.count : 0;
}

shz_status shz_measure_keyword(const shz_measure *measure, size_t index, const char **text,
                               size_t *len)
{
    return list_item(measure, measure ? measure->keywords : (shzi_list){0, 0}, index, text, len);
}

size_t shz_measure_cite_count(const shz_measure *measure)
{
    return measure ? measure->cites.count : 0;
}

shz_status shz_measure_cite(const shz_measure *measure, size_t index, const char **text,
                            size_t *len)
{
    return list_item(measure, measure ? measure->cites : (shzi_list){0, 0}, index, text, len);
}

size_t shz_measure_alias_count(const shz_measure *measure)
{
    return measure ? measure->aliases.count : 0;
}

shz_status shz_measure_alias(const shz_measure *measure, size_t index, const char **text,
                             size_t *len)
{
    return list_item(measure, measure ? measure->aliases : (shzi_list){0, 0}, index, text, len);
}

/* ---- the notice --------------------------------------------------------- */

shz_status shz_document_text(shz_doc_field field, shz_lang lang, const char **text, size_t *len)
{
    if (!text || (unsigned)field >= SHZ_NDOC_FIELDS)
        return SHZ_ERR_INVALID_ARG;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    return give(shzi_doc_fields[field][lang], text, len);
}

size_t shz_document_paragraph_count(void)
{
    return shzi_doc_paragraph_total;
}

shz_status shz_document_paragraph(size_t index, shz_lang lang, const char **text, size_t *len)
{
    if (!text)
        return SHZ_ERR_INVALID_ARG;
    if (index >= shzi_doc_paragraph_total)
        return SHZ_ERR_NOT_FOUND;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    return give(shzi_doc_paragraphs[index][lang], text, len);
}

/* ---- languages and fields ----------------------------------------------- */

static const char lang_names[SHZ_NLANG][8] = {"zh-Hans", "zh-Hant", "en"};

static unsigned char ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20u) : c;
}

const char *shz_lang_name(shz_lang lang)
{
    return lang_valid(lang) ? lang_names[lang] : NULL;
}

/* Tags people type for each language, beside the canonical names: a region
 * where that script is the standard one, or the bare language. */
static const struct {
    char tag[6]; /* in place, not pointed to: a table without relocations */
    shz_lang lang;
} lang_aliases[] = {
    {"zh", SHZ_LANG_ZH_HANS},    {"zh-CN", SHZ_LANG_ZH_HANS}, {"zh-SG", SHZ_LANG_ZH_HANS},
    {"zh-TW", SHZ_LANG_ZH_HANT}, {"zh-HK", SHZ_LANG_ZH_HANT}, {"zh-MO", SHZ_LANG_ZH_HANT},
    {"en-US", SHZ_LANG_EN},      {"en-GB", SHZ_LANG_EN},
};

/* True when @p len bytes of @p name spell @p tag, ignoring ASCII case and taking '_' as '-'. */
static int tag_equal(const char *name, size_t len, const char *tag)
{
    size_t i = 0;
    for (; i < len && tag[i]; i++) {
        unsigned char c = name[i] == '_' ? '-' : (unsigned char)name[i];
        if (ascii_lower(c) != ascii_lower((unsigned char)tag[i]))
            return 0;
    }
    return i == len && tag[i] == '\0';
}

shz_status shz_lang_parse(const char *name, size_t len, shz_lang *out)
{
    if (!name || !out)
        return SHZ_ERR_INVALID_ARG;
    for (int l = 0; l < SHZ_NLANG; l++) {
        if (tag_equal(name, len, lang_names[l])) {
            *out = (shz_lang)l;
            return SHZ_OK;
        }
    }
    for (size_t i = 0; i < sizeof lang_aliases / sizeof lang_aliases[0]; i++) {
        if (tag_equal(name, len, lang_aliases[i].tag)) {
            *out = lang_aliases[i].lang;
            return SHZ_OK;
        }
    }
    return SHZ_ERR_BAD_LANG;
}

const char *shz_field_name(shz_field field)
{
    switch (field) {
    case SHZ_FIELD_TITLE:
        return "title";
    case SHZ_FIELD_BODY:
        return "body";
    case SHZ_FIELD_SUMMARY:
        return "summary";
    case SHZ_FIELD_PINYIN:
        return "pinyin";
    case SHZ_FIELD_PINYIN_INITIALS:
        return "initials";
    case SHZ_FIELD_ALIASES:
        return "aliases";
    }
    return NULL;
}

/* ---- versions ----------------------------------------------------------- */

const char *shz_version(void)
{
    return SHZ_VERSION_STRING;
}

int shz_version_number(void)
{
    return SHZ_VERSION_NUMBER;
}

const char *shz_data_version(void)
{
    return shzi_data_edition;
}

const char *shz_data_sha256(void)
{
    return shzi_data_digest;
}

size_t shz_errata_count(void)
{
    return shzi_errata_total;
}
