/*
 * The strict UTF-8 codec (utf8.h, on utf8proc) against RFC 3629's byte
 * table, and each class decision of the search normalization (normalize.h)
 * on chosen characters. test_unicode.py compares every code point with
 * Python's Unicode data; these cases pin the decisions by name.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "normalize.h"
#include "utf8.h"

/* ---- UTF-8 ---------------------------------------------------------------- */

/* RFC 3629 section 4: the bytes allowed after a lead byte, as [lo, hi] of the
 * second byte (the others are 80..BF), and the sequence length; 0 = not a lead. */
static size_t rfc_lead(unsigned char b, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80, *hi = 0xBF;
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b == 0xE0)
        *lo = 0xA0;
    if (b == 0xED)
        *hi = 0x9F;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b == 0xF0)
        *lo = 0x90;
    if (b == 0xF4)
        *hi = 0x8F;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0;
}

/* The length of the valid sequence at s[0..len) by the RFC's table, or 0. */
static size_t rfc_sequence(const unsigned char *s, size_t len)
{
    unsigned char lo, hi;
    size_t n = len ? rfc_lead(s[0], &lo, &hi) : 0;
    if (n == 0 || n > len)
        return 0;
    if (n > 1 && (s[1] < lo || s[1] > hi))
        return 0;
    for (size_t i = 2; i < n; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return n;
}

static uint32_t decode_ok(const char *bytes, size_t len)
{
    uint32_t cp = 0;
    cr_assert_eq(shzi_utf8_decode((const unsigned char *)bytes, len, &cp), len, "%zu bytes", len);
    cr_assert(shzi_utf8_valid(bytes, len));
    return cp;
}

static void decode_bad(const char *bytes, size_t len, const char *what)
{
    uint32_t cp = 0x12345;
    cr_assert_eq(shzi_utf8_decode((const unsigned char *)bytes, len, &cp), 0, "%s accepted", what);
    cr_assert_eq(cp, 0x12345, "%s: *cp written", what);
    cr_assert_not(shzi_utf8_valid(bytes, len), "%s valid", what);
}

Test(utf8, rejects_each_kind_of_malformation)
{
    decode_bad("\xC0\x80", 2, "overlong NUL (C0)");
    decode_bad("\xC1\xBF", 2, "overlong 2-byte (C1)");
    decode_bad("\xE0\x80\x80", 3, "overlong 3-byte");
    decode_bad("\xE0\x9F\xBF", 3, "overlong U+07FF");
    decode_bad("\xF0\x80\x80\x80", 4, "overlong 4-byte");
    decode_bad("\xF0\x8F\xBF\xBF", 4, "overlong U+FFFF");
    decode_bad("\xED\xA0\x80", 3, "surrogate U+D800");
    decode_bad("\xED\xBF\xBF", 3, "surrogate U+DFFF");
    decode_bad("\xF4\x90\x80\x80", 4, "U+110000");
    decode_bad("\xF7\xBF\xBF\xBF", 4, "U+1FFFFF");
    for (unsigned b = 0xF5; b <= 0xFF; b++) {
        char s[4] = {(char)b, '\x80', '\x80', '\x80'};
        decode_bad(s, 4, "lead F5..FF");
    }
    decode_bad("\x80", 1, "lone continuation");
    decode_bad("\xBF\x41", 2, "continuation then ASCII");
    decode_bad("\xC3", 1, "truncated 2-byte");
    decode_bad("\xE4\xB8", 2, "truncated 3-byte");
    decode_bad("\xF0\x9F\x98", 3, "truncated 4-byte");
    decode_bad("\xE4\xB8\xAD", 2, "中 cut short by len");
    decode_bad("\xE4\x41\x41", 3, "ASCII inside a sequence");
    cr_assert_not(shzi_utf8_valid("\xC3\xA9\xC3", 3), "valid then truncated");
    cr_assert_not(shzi_utf8_valid("abc\xED\xA0\x80", 6), "ASCII then a surrogate");
    uint32_t cp;
    cr_assert_eq(shzi_utf8_decode((const unsigned char *)"A", 0, &cp), 0, "len 0");
    cr_assert(shzi_utf8_valid(NULL, 0));
}

Test(utf8, accepts_the_boundaries)
{
    cr_assert_eq(decode_ok("\x7F", 1), 0x7F);
    cr_assert_eq(decode_ok("\xC2\x80", 2), 0x80);
    cr_assert_eq(decode_ok("\xDF\xBF", 2), 0x7FF);
    cr_assert_eq(decode_ok("\xE0\xA0\x80", 3), 0x800);
    cr_assert_eq(decode_ok("\xED\x9F\xBF", 3), 0xD7FF);
    cr_assert_eq(decode_ok("\xEE\x80\x80", 3), 0xE000);
    cr_assert_eq(decode_ok("\xEF\xBF\xBF", 3), 0xFFFF);
    cr_assert_eq(decode_ok("\xF0\x90\x80\x80", 4), 0x10000);
    cr_assert_eq(decode_ok("\xF4\x8F\xBF\xBF", 4), 0x10FFFF);
    /* A longer buffer: only the first sequence is read. */
    uint32_t cp;
    cr_assert_eq(shzi_utf8_decode((const unsigned char *)"\xE4\xB8\xAD\xE6\x96\x87", 6, &cp), 3);
    cr_assert_eq(cp, 0x4E2D);
}

/* Every sequence of up to three bytes, and every four-byte lead with every second byte and
 * chosen tails, decodes exactly when the RFC's table says it is valid. */
Test(utf8, agrees_with_rfc_3629_table)
{
    unsigned char s[4];
    size_t checked = 0;
    for (uint32_t v = 0; v < (1u << 24); v++) {
        s[0] = (unsigned char)(v >> 16), s[1] = (unsigned char)(v >> 8), s[2] = (unsigned char)v;
        for (size_t len = 1; len <= 3; len++) {
            if (len < 3 && (v & ((1u << (8 * (3 - len))) - 1)) != 0)
                continue; /* a shorter prefix: checked once, with zero tail bytes */
            uint32_t cp;
            size_t want = rfc_sequence(s, len);
            cr_assert_eq(shzi_utf8_decode(s, len, &cp), want, "%02X %02X %02X (len %zu)", s[0],
                         s[1], s[2], len);
            checked++;
        }
    }
    static const unsigned char tails[] = {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    for (unsigned b0 = 0xF0; b0 <= 0xFF; b0++)
        for (unsigned b1 = 0; b1 <= 0xFF; b1++)
            for (size_t i = 0; i < sizeof tails; i++)
                for (size_t j = 0; j < sizeof tails; j++) {
                    s[0] = (unsigned char)b0, s[1] = (unsigned char)b1;
                    s[2] = tails[i], s[3] = tails[j];
                    uint32_t cp;
                    cr_assert_eq(shzi_utf8_decode(s, 4, &cp), rfc_sequence(s, 4),
                                 "%02X %02X %02X %02X", s[0], s[1], s[2], s[3]);
                    checked++;
                }
    cr_assert_gt(checked, 16000000);
}

Test(utf8, encode_round_trips_every_scalar_value)
{
    unsigned char out[4];
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        size_t n = shzi_utf8_encode(cp, out);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            cr_assert_eq(n, 0, "surrogate U+%04X encoded", (unsigned)cp);
            continue;
        }
        size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        cr_assert_eq(n, want, "U+%04X", (unsigned)cp);
        cr_assert_eq(rfc_sequence(out, n), n, "U+%04X encoded invalid", (unsigned)cp);
        uint32_t back;
        cr_assert_eq(shzi_utf8_decode(out, n, &back), n);
        cr_assert_eq(back, cp);
    }
    cr_assert_eq(shzi_utf8_encode(0x110000, out), 0);
    cr_assert_eq(shzi_utf8_encode(0xFFFFFFFFu, out), 0);
}

/* ---- normalization decisions ---------------------------------------------- */

typedef struct fold_case {
    uint32_t in, out; /* out 0: ignored */
    const char *why;
} fold_case;

static void check_folds(const fold_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cr_expect_eq(shzi_norm_fold(cases[i].in), cases[i].out,
                     "U+%04X (%s): got U+%04X, want U+%04X", (unsigned)cases[i].in, cases[i].why,
                     (unsigned)shzi_norm_fold(cases[i].in), (unsigned)cases[i].out);
}

#define CHECK_FOLDS(...)                                                                           \
    do {                                                                                           \
        static const fold_case cases_[] = {__VA_ARGS__};                                           \
        check_folds(cases_, sizeof cases_ / sizeof cases_[0]);                                     \
    } while (0)

Test(normalize, ascii_and_width_forms)
{
    CHECK_FOLDS({'A', 'a', "ASCII upper"}, {'z', 'z', "ASCII lower"}, {'7', '7', "digit"},
                {'-', 0, "hyphen"}, {' ', 0, "space"}, {'_', 0, "connector punctuation"},
                {0xFF21, 'a', "full-width A"}, {0xFF10, '0', "full-width 0"},
                {0xFF01, 0, "full-width !"}, {0xFF3F, 0, "full-width low line"},
                {0x3000, 0, "ideographic space"}, {0xFF71, 0x30A2, "half-width katakana a"},
                {0xFF70, 0x30FC, "half-width prolonged sound mark"},
                {0xFF61, 0, "half-width ideographic full stop"},
                {0xFFE5, 0, "full-width yen sign"});
}

Test(normalize, cjk_radicals_fold_to_ideographs)
{
    CHECK_FOLDS({0x2F08, 0x4EBA, "Kangxi radical man -> 人"},
                {0x2F00, 0x4E00, "Kangxi radical one -> 一"},
                {0x2FA8, 0x95E8, "Kangxi radical gate -> 門 -> 门 (T->S)"},
                {0x2E9F, 0x6BCD, "radical supplement mother -> 母"},
                {0x2EF3, 0x9F9F, "radical supplement turtle -> 龟"},
                {0x2E80, 0, "radical supplement without a mapping: a symbol"},
                {0x2FF0, 0, "ideographic description character"});
}

Test(normalize, compatibility_forms_and_symbols_are_ignored)
{
    CHECK_FOLDS({0xFE35, 0, "vertical left parenthesis"}, {0xFE30, 0, "vertical two-dot leader"},
                {0xFE4F, 0, "wavy low line"}, {0xFE50, 0, "small comma"},
                {0xFE69, 0, "small dollar"}, {0xFE10, 0, "vertical comma"},
                {0x2103, 0, "degree Celsius"}, {0x2116, 0, "numero sign"},
                {0x2122, 0, "trade mark"}, {0x3231, 0, "parenthesized ideograph stock"},
                {0x33A1, 0, "square m squared"}, {0x24B6, 0, "circled capital A (a symbol)"},
                {0x20AC, 0, "euro sign"}, {0x00D7, 0, "multiplication sign"},
                {0x2192, 0, "rightwards arrow"}, {0x4DC0, 0, "hexagram (beside CJK ideographs)"},
                {0x1F600, 0, "emoji"}, {0x309B, 0, "katakana-hiragana voiced sound mark (Sk)"});
}

Test(normalize, punctuation_is_ignored)
{
    CHECK_FOLDS({0x3001, 0, "、"}, {0x3002, 0, "。"}, {0x300A, 0, "《"}, {0x201C, 0, "“"},
                {0x00B7, 0, "middle dot"}, {0x30FB, 0, "katakana middle dot"},
                {0x301C, 0, "wave dash"}, {0x2014, 0, "em dash"}, {0x00BF, 0, "¿"},
                {0x060C, 0, "Arabic comma"}, {0x0964, 0, "Devanagari danda"});
}

Test(normalize, numbers_are_kept_as_themselves)
{
    CHECK_FOLDS({0x2460, 0x2460, "circled digit one"}, {0x2469, 0x2469, "circled number ten"},
                {0x00B2, 0x00B2, "superscript two"}, {0x00BD, 0x00BD, "one half"},
                {0x216B, 0x217B, "Roman numeral twelve folds to its lower case"},
                {0x3007, 0x3007, "ideographic zero"}, {0x3021, 0x3021, "Hangzhou numeral one"},
                {0x0663, 0x0663, "Arabic-Indic three"});
}

Test(normalize, letters_fold_case)
{
    CHECK_FOLDS({0x00C9, 0x00E9, "É"}, {0x01CD, 0x01CE, "pinyin Ǎ"}, {0x01D9, 0x01DA, "pinyin Ǚ"},
                {0x0100, 0x0101, "Ā"}, {0x0139, 0x013A, "Ĺ"}, {0x0178, 0x00FF, "Ÿ"},
                {0x03A3, 0x03C3, "Σ"}, {0x03C2, 0x03C3, "final sigma"}, {0x017F, 's', "long s"},
                {0x00B5, 0x03BC, "micro sign"}, {0x212A, 'k', "Kelvin sign"},
                {0x2126, 0x03C9, "Ohm sign"},
                {0x1E9E, 0x00DF, "capital sharp s (full folding is two letters)"},
                {0x0130, 'i', "dotted capital I (full folding is two letters)"},
                {0x0131, 0x0131, "dotless i"}, {0x0416, 0x0436, "Cyrillic Zhe"},
                {0x00AA, 0x00AA, "feminine ordinal (a letter)"}, {0x2135, 0x2135, "alef symbol"},
                {0x0149, 0x0149, "ŉ (full folding is two letters, no lowercase)"},
                {0xFB01, 0xFB01, "fi ligature (no one-letter folding)"});
}

Test(normalize, marks_kept_ignorables_dropped)
{
    CHECK_FOLDS({0x0301, 0x0301, "combining acute"}, {0x302A, 0x302A, "ideographic tone mark"},
                {0x0345, 0x03B9, "ypogegrammeni folds to iota"},
                {0x0903, 0x0903, "Devanagari visarga (Mc)"}, {0xFE0F, 0, "variation selector 16"},
                {0xE0101, 0, "ideographic variation selector"},
                {0x034F, 0, "combining grapheme joiner"}, {0x200D, 0, "zero width joiner"},
                {0x200B, 0, "zero width space"}, {0x00AD, 0, "soft hyphen"},
                {0xFEFF, 0, "byte order mark"}, {0x3164, 0, "Hangul filler"},
                {0x202E, 0, "right-to-left override"}, {0x0007, 0, "bell"},
                {0x0085, 0, "next line"}, {0xE0041, 0, "tag A"});
}

Test(normalize, han_private_and_unassigned)
{
    CHECK_FOLDS({0x4E2D, 0x4E2D, "中"}, {0x570B, 0x56FD, "國 -> 国"}, {0x9F8D, 0x9F99, "龍 -> 龙"},
                {0xF900, 0x5C82, "compatibility ideograph 豈 -> unified 豈 -> 岂"},
                {0x20000, 0x20000, "Extension B"}, {0x3400, 0x3400, "Extension A"},
                {0xE000, 0xE000, "private use"}, {0x100000, 0x100000, "supplementary private use"},
                {0x40000, 0x40000, "unassigned (plane 4)"}, {0xFFFF, 0, "noncharacter"},
                {0xFDD0, 0, "noncharacter"}, {0x10FFFF, 0, "noncharacter"},
                {0xE0FFF, 0, "reserved default-ignorable"}, {0x110000, 0, "beyond Unicode"});
}

Test(normalize, spaces)
{
    static const uint32_t spaces[] = {' ',    '\t',   '\n',   '\r',   0x0B,   0x0C,
                                      0x85,   0xA0,   0x1680, 0x2000, 0x200A, 0x2028,
                                      0x2029, 0x202F, 0x205F, 0x3000};
    static const uint32_t not_spaces[] = {'a',    0x1C,   0x200B, 0x180E,
                                          0xFEFF, 0x3001, 0x4E00, 0x110000};
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++)
        cr_expect(shzi_norm_is_space(spaces[i]), "U+%04X", (unsigned)spaces[i]);
    for (size_t i = 0; i < sizeof not_spaces / sizeof not_spaces[0]; i++)
        cr_expect_not(shzi_norm_is_space(not_spaces[i]), "U+%04X", (unsigned)not_spaces[i]);
}

/* One code point in, one out, or none: offsets point at each kept original. */
Test(normalize, text_spans_stay_exact)
{
    /* Ａ(3) ⼈(3) ①(3) space(1) é(2) VS16(3) 國(3) invalid(1) ，(3) Ⅻ(3) 𠀀(4) */
    static const char text[] = "\xEF\xBC\xA1\xE2\xBC\x88\xE2\x91\xA0 \xC3\xA9\xEF\xB8\x8F"
                               "\xE5\x9C\x8B\xFF\xEF\xBC\x8C\xE2\x85\xAB\xF0\xA0\x80\x80";
    static const uint32_t want[] = {'a', 0x4EBA, 0x2460, 0x00E9, 0x56FD, 0x217B, 0x20000};
    static const uint32_t want_byte[] = {0, 3, 6, 10, 15, 22, 25};
    static const uint32_t want_char[] = {0, 1, 2, 4, 6, 9, 10};
    enum { N = sizeof want / sizeof want[0] };
    uint32_t out[16], byte[16], chr[16];
    size_t len = sizeof text - 1;
    cr_assert_eq(shzi_norm_text(text, len, out, byte, chr, 16), N);
    for (size_t i = 0; i < N; i++) {
        cr_expect_eq(out[i], want[i], "%zu: U+%04X", i, (unsigned)out[i]);
        cr_expect_eq(byte[i], want_byte[i], "%zu: byte %u", i, (unsigned)byte[i]);
        cr_expect_eq(chr[i], want_char[i], "%zu: char %u", i, (unsigned)chr[i]);
    }
    cr_assert_eq(shzi_norm_text(text, len, out, NULL, NULL, 2), N, "count with a short buffer");
    cr_assert_eq(out[1], 0x4EBA);
}

/* Folding a folded character changes nothing, and never leaves Unicode's scalar values. */
Test(normalize, fold_is_idempotent)
{
    size_t kept = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        uint32_t f = shzi_norm_fold(cp);
        if (f == 0)
            continue;
        kept++;
        cr_assert(f <= 0x10FFFF && !(f >= 0xD800 && f <= 0xDFFF), "U+%04X -> %X", cp, f);
        cr_assert_eq(shzi_norm_fold(f), f, "U+%04X -> U+%04X -> U+%04X", (unsigned)cp, (unsigned)f,
                     (unsigned)shzi_norm_fold(f));
    }
    cr_assert_gt(kept, 1000000);
}

Test(utf8, count_and_advance_over_valid_text)
{
    static const char s[] = "a\xC3\xA9\xE4\xB8\xAD\xF0\xA0\x80\x80z"; /* a é 中 𠀀 z */
    size_t len = sizeof s - 1;
    cr_assert_eq(shzi_utf8_count(s, len), 5);
    cr_assert_eq(shzi_utf8_count(s, 0), 0);
    static const size_t at[] = {0, 1, 3, 6, 10, 11};
    for (size_t k = 0; k <= 5; k++)
        cr_assert_eq(shzi_utf8_advance(s, len, 0, k), at[k], "%zu chars", k);
    cr_assert_eq(shzi_utf8_advance(s, len, 3, 2), 10, "from 中, two characters");
    cr_assert_eq(shzi_utf8_advance(s, len, 0, 99), len, "stops at the end");
    cr_assert_eq(shzi_utf8_advance(s, 8, 6, 1), 8, "a sequence cut by len stops at len");
}
