/* The search normalization on utf8proc's character data (see normalize.h for the rules). */
#include "normalize.h"

#include <utf8proc.h>

#include "utf8.h"

static uint32_t fold_han(uint32_t cp)
{
    if (cp < SHZ_T2S_BITMAP_LIMIT && !(shzi_t2s_folded[cp / 32] >> (cp % 32) & 1u))
        return cp;
    if (shzi_t2s_count == 0 || cp < shzi_t2s_pairs[0].from ||
        cp > shzi_t2s_pairs[shzi_t2s_count - 1].from)
        return cp;
    size_t lo = 0, hi = shzi_t2s_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (shzi_t2s_pairs[mid].from < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < shzi_t2s_count && shzi_t2s_pairs[lo].from == cp ? shzi_t2s_pairs[lo].to : cp;
}

/* cp's full compatibility decomposition (NFKD) when it is one code point, else cp. */
static uint32_t compat_single(uint32_t cp)
{
    utf8proc_int32_t out[4];
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, out, 4,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, NULL);
    return n == 1 ? (uint32_t)out[0] : cp;
}

/* Full-width and half-width forms to their ordinary width; CJK radicals to the ideograph they
 * are a compatibility form of. Other compatibility mappings (circled, superscript, font,
 * square, fraction...) are not applied: the character stays itself. */
static uint32_t fold_form(uint32_t cp, const utf8proc_property_t *p)
{
    if (p->decomp_type == UTF8PROC_DECOMP_TYPE_WIDE ||
        p->decomp_type == UTF8PROC_DECOMP_TYPE_NARROW)
        return compat_single(cp);
    if (p->decomp_type == UTF8PROC_DECOMP_TYPE_COMPAT && cp >= 0x2E80 && cp <= 0x2FDF)
        return compat_single(cp); /* CJK Radicals Supplement and Kangxi Radicals */
    return cp;
}

/* Whether a character of this general category is searchable. */
static int kept_category(utf8proc_category_t c)
{
    switch (c) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_CO: /* private use: may stand for a real character */
    case UTF8PROC_CATEGORY_CN: /* unassigned here: may be a character of a newer Unicode */
        return 1;
    default: /* punctuation, symbols, separators, controls, format characters */
        return 0;
    }
}

/* Simple (one-to-one) case folding: Unicode's case folding where it gives one code point,
 * otherwise the simple lowercase mapping (U+1E9E to U+00DF, U+0130 to "i"). */
static uint32_t fold_case(uint32_t cp)
{
    utf8proc_int32_t out[4];
    utf8proc_ssize_t n =
        utf8proc_decompose_char((utf8proc_int32_t)cp, out, 4, UTF8PROC_CASEFOLD, NULL);
    if (n == 1)
        return (uint32_t)out[0];
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

/* Code points that are never text, assigned or not: the noncharacters, and the block that
 * Unicode reserves for default-ignorable tags and variation selectors. */
static int never_text(uint32_t cp)
{
    return (cp & 0xFFFEu) == 0xFFFEu || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
           (cp >= 0xE0000 && cp <= 0xE0FFF);
}

uint32_t shzi_norm_fold(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z')
            return cp + ('a' - 'A');
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            return cp;
        return 0;
    }
    /* The common case: CJK unified ideographs (all letters, none with a case). */
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
        return fold_han(cp);
    if (cp > 0x10FFFF || never_text(cp))
        return 0;
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    uint32_t form = fold_form(cp, p);
    if (form != cp) {
        if (form < 0x80)
            return shzi_norm_fold(form);
        cp = form;
        p = utf8proc_get_property((utf8proc_int32_t)cp);
    }
    if (p->ignorable || !kept_category((utf8proc_category_t)p->category))
        return 0; /* default-ignorable (joiners, variation selectors, fillers) or not searchable */
    return fold_han(fold_case(cp));
}

int shzi_norm_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    if (cp >= 0x3400 && cp <= 0x9FFF) /* the common case, as in shzi_norm_fold: no spaces */
        return 0;
    if (cp == 0x0085) /* next line: a control, but white space */
        return 1;
    if (cp > 0x10FFFF)
        return 0;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

size_t shzi_norm_text(const char *text, size_t len, uint32_t *out, uint32_t *src_byte,
                      uint32_t *src_char, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t kept = 0, chars = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = shzi_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            n = 1; /* an invalid byte: skipped like an ignored character */
            cp = 0;
        }
        uint32_t folded = cp ? shzi_norm_fold(cp) : 0;
        if (folded) {
            if (kept < cap) {
                out[kept] = folded;
                if (src_byte)
                    src_byte[kept] = (uint32_t)i;
                if (src_char)
                    src_char[kept] = (uint32_t)chars;
            }
            kept++;
        }
        i += n;
        chars++;
    }
    return kept;
}
