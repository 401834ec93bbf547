#include "normalize.h"

#include "utf8.h"

/* Ranges of code points (after width folding) that are not searchable: punctuation, symbols,
 * spaces, controls and invisible formatting. Letters, digits and marks are kept. Sorted. */
static const uint32_t ignored_ranges[][2] = {
    {0x0000, 0x002F}, /* controls, space, ASCII punctuation and symbols up to '/' */
    {0x003A, 0x0040}, /* : ; < = > ? @ */
    {0x005B, 0x0060}, /* [ \ ] ^ _ ` */
    {0x007B, 0x00BF}, /* { | } ~, DEL, C1 controls, Latin-1 punctuation and symbols */
    {0x00D7, 0x00D7}, /* multiplication sign */
    {0x00F7, 0x00F7}, /* division sign */
    {0x1680, 0x1680}, /* ogham space */
    {0x2000, 0x206F}, /* general punctuation: spaces, dashes, quotes, ellipsis, zero widths */
    {0x20A0, 0x20CF}, /* currency symbols */
    {0x2100, 0x214F}, /* letterlike symbols (℃, №, ™) */
    {0x2190, 0x245F}, /* arrows, mathematical operators, technical, control pictures */
    {0x2500, 0x27BF}, /* box drawing, shapes, miscellaneous symbols, dingbats */
    {0x27C0, 0x2BFF}, /* more mathematical symbols and arrows */
    {0x2E00, 0x2E7F}, /* supplemental punctuation */
    {0x2FF0, 0x2FFF}, /* ideographic description characters */
    {0x3000, 0x3004}, /* ideographic space, 、 。 〃 〄 */
    {0x3008, 0x3020}, /* CJK brackets 〈〉《》「」『』【】〔〕…, 〒 〓, 〜 〝 〞 〟 */
    {0x3030, 0x3030},   /* wavy dash */
    {0x303D, 0x303F},   /* part alternation mark and ideographic fillers */
    {0x30FB, 0x30FB},   /* katakana middle dot */
    {0xFE00, 0xFE19},   /* variation selectors, vertical punctuation forms */
    {0xFE30, 0xFE6F},   /* CJK compatibility forms, small form variants */
    {0xFEFF, 0xFEFF},   /* byte order mark */
    {0xFF5F, 0xFF65},   /* full-width white parentheses, half-width CJK punctuation */
    {0xFFE0, 0xFFEF},   /* full-width and half-width symbols (￥ ￡ ￠ …) */
    {0xFFF0, 0xFFFF},   /* specials */
    {0xE0000, 0xE0FFF}, /* tags and variation selectors supplement */
};

static int is_ignored(uint32_t cp)
{
    size_t lo = 0, hi = sizeof ignored_ranges / sizeof ignored_ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < ignored_ranges[mid][0])
            hi = mid;
        else if (cp > ignored_ranges[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static uint32_t fold_latin_case(uint32_t cp)
{
    if (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7)
        return cp + 0x20;
    if (cp >= 0x0100 && cp <= 0x017F) {
        /* Latin Extended-A pairs upper/lower as even/odd, except in 0x0139-0x0148 and
         * 0x0179-0x017E where the upper case letter is the odd one. */
        if ((cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E))
            return (cp & 1) ? cp + 1 : cp;
        if (cp == 0x0130 || cp == 0x0131 || cp == 0x0138 || cp == 0x0149 || cp == 0x017F)
            return cp; /* dotted/dotless i, kra, ŉ, long s: no simple pair */
        if (cp == 0x0178)
            return 0x00FF;
        return (cp & 1) ? cp : cp + 1;
    }
    if (cp >= 0x01CD && cp <= 0x01DC) /* pinyin tone letters Ǎǎ Ǐǐ Ǒǒ Ǔǔ Ǖǖ Ǘǘ Ǚǚ Ǜǜ */
        return (cp & 1) ? cp + 1 : cp;
    return cp;
}

static uint32_t fold_han(uint32_t cp)
{
    if (cp < SHZ_T2S_BITMAP_LIMIT && !(shz_t2s_folded[cp / 32] >> (cp % 32) & 1u))
        return cp;
    if (shz_t2s_count == 0 || cp < shz_t2s_pairs[0].from ||
        cp > shz_t2s_pairs[shz_t2s_count - 1].from)
        return cp;
    size_t lo = 0, hi = shz_t2s_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (shz_t2s_pairs[mid].from < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < shz_t2s_count && shz_t2s_pairs[lo].from == cp ? shz_t2s_pairs[lo].to : cp;
}

uint32_t shz_norm_fold(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z')
            return cp + ('a' - 'A');
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            return cp;
        return 0;
    }
    if (cp >= 0x3400 && cp <= 0x9FFF) /* the common case: CJK ideographs, none ignored */
        return fold_han(cp);
    if (cp >= 0xFF01 && cp <= 0xFF5E) /* full-width ASCII */
        return shz_norm_fold(cp - 0xFF01 + 0x21);
    if (is_ignored(cp))
        return 0;
    if (cp < 0x3400)
        return fold_latin_case(cp);
    return fold_han(cp);
}

int shz_norm_is_space(uint32_t cp)
{
    switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x0085:
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

size_t shz_norm_text(const char *text, size_t len, uint32_t *out, uint32_t *src_byte,
                     uint32_t *src_char, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t kept = 0, chars = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = shz_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            n = 1; /* an invalid byte: skipped like an ignored character */
            cp = 0;
        }
        uint32_t folded = cp ? shz_norm_fold(cp) : 0;
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
