/*
 * Topics, related measures with their reasons, alias kinds and the zh-Hant
 * forms of keywords and aliases, over the compiled-in tables
 * (catalogue_data.h). Const data only: thread-safe.
 */
#include "shenzhen.h"

#include <string.h>

#include "pool_text.h"

/* A measure handle's row index, or shzi_measure_total when it is not one of ours. */
static size_t measure_index(const shz_measure *measure)
{
    if (!measure)
        return shzi_measure_total;
    size_t index = (size_t)(measure - shzi_measures);
    return index < shzi_measure_total ? index : shzi_measure_total;
}

/* ---- topics ------------------------------------------------------------- */

size_t shz_topic_count(void)
{
    return shzi_topic_total;
}

const shz_topic *shz_topic_at(size_t index)
{
    return index < shzi_topic_total ? &shzi_topics[index] : NULL;
}

shz_status shz_topic_get(int64_t id, const shz_topic **out)
{
    if (!out)
        return SHZ_ERR_INVALID_ARG;
    if (id < 1 || (uint64_t)id > shzi_topic_total) /* ids run 1..N in table order */
        return SHZ_ERR_NOT_FOUND;
    *out = &shzi_topics[id - 1];
    return SHZ_OK;
}

shz_status shz_topic_find(const char *key, size_t len, const shz_topic **out)
{
    if (!key || !out)
        return SHZ_ERR_INVALID_ARG;
    for (size_t t = 0; t < shzi_topic_total; t++) {
        shzi_str k = shzi_topics[t].key;
        if (k.len == len && memcmp(shzi_str_ptr(k), key, len) == 0) {
            *out = &shzi_topics[t];
            return SHZ_OK;
        }
    }
    return SHZ_ERR_NOT_FOUND;
}

int64_t shz_topic_id(const shz_topic *topic)
{
    return topic ? topic->id : 0;
}

shz_status shz_topic_key(const shz_topic *topic, const char **text, size_t *len)
{
    if (!topic || !text)
        return SHZ_ERR_INVALID_ARG;
    return give(topic->key, text, len);
}

shz_status shz_topic_name(const shz_topic *topic, shz_lang lang, const char **text, size_t *len)
{
    if (!topic || !text)
        return SHZ_ERR_INVALID_ARG;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    return give(topic->name[lang], text, len);
}

shz_status shz_topic_definition(const shz_topic *topic, shz_lang lang, const char **text,
                                size_t *len)
{
    if (!topic || !text)
        return SHZ_ERR_INVALID_ARG;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    return give(topic->definition[lang], text, len);
}

size_t shz_topic_measure_count(const shz_topic *topic)
{
    return topic ? topic->member_count : 0;
}

const shz_measure *shz_topic_measure_at(const shz_topic *topic, size_t index)
{
    if (!topic || index >= topic->member_count)
        return NULL;
    return &shzi_measures[shzi_topic_members[topic->first_member + index]];
}

size_t shz_measure_topic_count(const shz_measure *measure)
{
    return measure_index(measure) < shzi_measure_total ? measure->tags.count : 0;
}

const shz_topic *shz_measure_topic_at(const shz_measure *measure, size_t index)
{
    if (index >= shz_measure_topic_count(measure))
        return NULL;
    return &shzi_topics[shzi_tags[measure->tags.first + index].topic_index];
}

shz_status shz_measure_topic_reason(const shz_measure *measure, size_t index, shz_lang lang,
                                    const char **text, size_t *len)
{
    if (!measure || !text)
        return SHZ_ERR_INVALID_ARG;
    if (index >= shz_measure_topic_count(measure))
        return SHZ_ERR_NOT_FOUND;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    return give(shzi_tags[measure->tags.first + index].reason[lang], text, len);
}

/* ---- related measures --------------------------------------------------- */

size_t shz_measure_related_count(const shz_measure *measure)
{
    return measure_index(measure) < shzi_measure_total ? measure->related.count : 0;
}

const shz_measure *shz_measure_related(const shz_measure *measure, size_t index)
{
    if (index >= shz_measure_related_count(measure))
        return NULL;
    return &shzi_measures[shzi_links[measure->related.first + index].measure_index];
}

int shz_measure_related_grade(const shz_measure *measure, size_t index)
{
    if (index >= shz_measure_related_count(measure))
        return 0;
    return shzi_links[measure->related.first + index].grade;
}

shz_status shz_measure_related_reason(const shz_measure *measure, size_t index, shz_lang lang,
                                      const char **text, size_t *len)
{
    if (!measure || !text)
        return SHZ_ERR_INVALID_ARG;
    if (index >= shz_measure_related_count(measure))
        return SHZ_ERR_NOT_FOUND;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    return give(shzi_links[measure->related.first + index].reason[lang], text, len);
}

/* ---- aliases and keywords by language ----------------------------------- */

/* Names in place, not pointers: a table without relocations. Kind 0 is no kind: no name. */
static const char alias_kind_names[][13] = {"", "colloquial", "english", "abbreviation",
                                            "former-name"};

const char *shz_alias_kind_name(shz_alias_kind kind)
{
    return kind > 0 && (unsigned)kind < sizeof alias_kind_names / sizeof *alias_kind_names
               ? alias_kind_names[kind]
               : NULL;
}

shz_status shz_measure_alias_kind(const shz_measure *measure, size_t index, shz_alias_kind *kind)
{
    if (!measure || !kind)
        return SHZ_ERR_INVALID_ARG;
    if (index >= measure->aliases.count)
        return SHZ_ERR_NOT_FOUND;
    uint8_t value = shzi_list_item_kinds[measure->aliases.first + index];
    if (value == 0)
        return SHZ_ERR_NO_TEXT; /* a catalogue older than schema 3 gives no kinds */
    *kind = (shz_alias_kind)value;
    return SHZ_OK;
}

/* Item index of list in lang: the zh-Hant form where there is one, else the item itself. */
static shz_status list_item_in(const shz_measure *measure, shzi_list list, size_t index,
                               shz_lang lang, const char **text, size_t *len)
{
    if (!measure || !text)
        return SHZ_ERR_INVALID_ARG;
    if (index >= list.count)
        return SHZ_ERR_NOT_FOUND;
    if (!lang_valid(lang))
        return SHZ_ERR_BAD_LANG;
    size_t item = list.first + index;
    if (lang == SHZ_LANG_ZH_HANT && shzi_list_items_hant[item].len)
        return give(shzi_list_items_hant[item], text, len);
    return give(shzi_list_items[item], text, len);
}

shz_status shz_measure_keyword_in(const shz_measure *measure, size_t index, shz_lang lang,
                                  const char **text, size_t *len)
{
    return list_item_in(measure, measure ? measure->keywords : (shzi_list){0, 0}, index, lang, text,
                        len);
}

shz_status shz_measure_alias_in(const shz_measure *measure, size_t index, shz_lang lang,
                                const char **text, size_t *len)
{
    return list_item_in(measure, measure ? measure->aliases : (shzi_list){0, 0}, index, lang, text,
                        len);
}
