/*
 * What every public text accessor of the runtime shares: checking a language
 * and handing out a pool string (catalogue.c, topics.c).
 */
#ifndef SHZ_POOL_TEXT_H
#define SHZ_POOL_TEXT_H

#include "catalogue_data.h"
#include "shenzhen.h"

/* Whether lang is one of shz_lang's values. */
static inline int lang_valid(shz_lang lang)
{
    return (unsigned)lang < SHZ_NLANG;
}

/* Hands out a pool string; an empty one means "no text in that language". */
static inline shz_status give(shzi_str s, const char **text, size_t *len)
{
    if (s.len == 0)
        return SHZ_ERR_NO_TEXT;
    *text = shzi_str_ptr(s);
    if (len)
        *len = s.len;
    return SHZ_OK;
}

#endif
