/*
 * libFuzzer target: the search normalization, directly (shzi_norm_text on raw
 * bytes) and through shz_search(). Builds valid UTF-8 from the input's bytes
 * by drawing code points from the ranges that fold (ASCII, full and half
 * width, Latin, pinyin tone letters, Greek and Cyrillic, CJK radicals, CJK and
 * compatibility ideographs, spaces, punctuation, symbols, combining marks,
 * tags, astral planes) so that the
 * fuzzer gets past UTF-8 validation, and checks what normalize.h and the
 * header promise:
 *   - shzi_norm_text: the count does not depend on the buffer size, folded code
 *     points are non-zero Unicode scalars that fold to themselves, source
 *     offsets strictly increase and stay inside the text;
 *   - a query and its variant with every ASCII letter made full-width upper
 *     case normalize identically and find the same measures with the same scores,
 *     relevances and explanations.
 */
#include "fuzz_common.h"
#include "normalize.h"

enum { MAX_CHARS = 512 };

static const uint32_t bases[][2] = {
    {0x20, 0x5F},     {0x61, 0x1A},    {0xFF01, 0x5E},  {0x3000, 0x40},
    {0x4E00, 0x5200}, {0xF900, 0x200}, {0xC0, 0xC0},    {0x100, 0x480},
    {0x300, 0x70},    {0x2000, 0x70},  {0x1F600, 0x50}, {0x20000, 0x100},
    {0xFE30, 0x40},   {0xE0000, 0x80}, {0x2E80, 0x160}, {0x0, 0x20}};

static size_t build_utf8(fuzz_input *in, char *out, size_t cap)
{
    size_t n = 0;
    while (in->size >= 2 && n + 4 <= cap) {
        uint8_t sel = take_u8(in);
        uint32_t off = take_u8(in) | ((sel & 0xF0u) << 4);
        const uint32_t *b = bases[sel & 15];
        uint32_t cp = b[0] + off % b[1];
        if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = 0x4E2D;
        n += shzi_utf8_encode(cp, (unsigned char *)out + n);
    }
    return n;
}

static void check_norm(const char *text, size_t len)
{
    static uint32_t cps[MAX_CHARS * 4 + 8], bytes[MAX_CHARS * 4 + 8], chars[MAX_CHARS * 4 + 8];
    size_t total = shzi_norm_text(text, len, NULL, NULL, NULL, 0);
    size_t cap = sizeof cps / sizeof cps[0];
    size_t got = shzi_norm_text(text, len, cps, bytes, chars, cap);
    FUZZ_CHECK(got == total);
    FUZZ_CHECK(total <= len);
    size_t kept = got < cap ? got : cap;
    for (size_t k = 0; k < kept; k++) {
        FUZZ_CHECK(cps[k] != 0 && cps[k] <= 0x10FFFF && !(cps[k] >= 0xD800 && cps[k] <= 0xDFFF));
        FUZZ_CHECK(shzi_norm_fold(cps[k]) == cps[k]);
        FUZZ_CHECK(bytes[k] < len);
        if (k > 0) {
            FUZZ_CHECK(bytes[k] > bytes[k - 1]);
            FUZZ_CHECK(chars[k] > chars[k - 1]);
        }
        FUZZ_CHECK(chars[k] <= bytes[k]);
    }
    /* A smaller buffer gets a prefix of the same answer. */
    if (kept > 1) {
        uint32_t small[3];
        FUZZ_CHECK(shzi_norm_text(text, len, small, NULL, NULL, 1) == total);
        FUZZ_CHECK(small[0] == cps[0]);
    }
}

/* Every ASCII letter of @p s as a full-width capital. */
static size_t widen(const char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            uint32_t upper = (c >= 'a') ? c - 'a' + 'A' : c;
            n += shzi_utf8_encode(0xFF01 + (upper - 0x21), (unsigned char *)out + n);
        } else {
            out[n++] = (char)c;
        }
    }
    return n;
}

/* Hit @p i of two searches of the same normalized query: the same explanation, term by term. */
static void explain_alike(const shz_results *ra, const shz_results *rb, size_t i)
{
    FUZZ_CHECK(shz_results_term_count(ra) == shz_results_term_count(rb));
    for (size_t t = 0; t < shz_results_term_count(ra); t++) {
        shz_field fa = 0, fb = 0;
        unsigned ha = 0, hb = 0;
        double wa = 0, wb = 0, ca = 0, cb = 0;
        FUZZ_CHECK(shz_results_explain(ra, i, t, &fa, &ha, &wa, &ca) == SHZ_OK);
        FUZZ_CHECK(shz_results_explain(rb, i, t, &fb, &hb, &wb, &cb) == SHZ_OK);
        FUZZ_CHECK(fa == fb && ha == hb && wa == wb && ca == cb);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char text[MAX_CHARS * 4 + 4], wide[(MAX_CHARS * 4 + 4) * 3];
    if (size > 0 && data[0] == 0xFF) { /* raw bytes, valid UTF-8 or not */
        check_norm((const char *)data + 1, size - 1 < 4096 ? size - 1 : 4096);
        return 0;
    }
    fuzz_input in = {data, size};
    size_t len = build_utf8(&in, text, MAX_CHARS * 4);
    FUZZ_CHECK(shzi_utf8_valid(text, len));
    check_norm(text, len);
    size_t wlen = widen(text, len, wide);
    FUZZ_CHECK(shzi_utf8_valid(wide, wlen));

    /* Both normalize to the same code points. */
    static uint32_t a[MAX_CHARS * 4], b[MAX_CHARS * 4];
    size_t na = shzi_norm_text(text, len, a, NULL, NULL, MAX_CHARS * 4);
    size_t nb = shzi_norm_text(wide, wlen, b, NULL, NULL, MAX_CHARS * 4);
    FUZZ_CHECK(na == nb && memcmp(a, b, na * sizeof a[0]) == 0);

    /* And search alike (when both fit the query limit). */
    shz_results *ra = NULL, *rb = NULL;
    shz_status sa = shz_search(text, len, NULL, &ra);
    shz_status sb = shz_search(wide, wlen, NULL, &rb);
    if (wlen <= SHZ_QUERY_MAX) {
        FUZZ_CHECK(sa == sb);
        if (sa == SHZ_OK) {
            FUZZ_CHECK(shz_results_count(ra) == shz_results_count(rb));
            for (size_t i = 0; i < shz_results_count(ra); i++) {
                FUZZ_CHECK(shz_results_measure(ra, i) == shz_results_measure(rb, i));
                FUZZ_CHECK(shz_results_score(ra, i) == shz_results_score(rb, i));
                FUZZ_CHECK(shz_results_relevance(ra, i) == shz_results_relevance(rb, i));
                explain_alike(ra, rb, i);
            }
        }
    }
    shz_results_free(ra);
    shz_results_free(rb);
    return 0;
}
