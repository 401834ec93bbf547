/*
 * The library's English stemmer (search/stem.c), which stems query words the
 * index does not have, against Snowball's libstemmer, which stemmed the index
 * at build time: they must agree, or a query word would miss the index's
 * words of the same stem. Checked on every word and stem of the index's word
 * table, each with common English endings added and each of its prefixes,
 * and on the algorithm's listed exceptions. The library's stemmer keeps a
 * few families of words apart from Snowball's stem (stem.c); they are checked
 * on their own.
 */
#include <criterion/criterion.h>
#include <libstemmer.h>
#include <string.h>

#include "search/search_int.h"

static size_t compared, differed;

static void compare(struct sb_stemmer *snowball, const char *word, size_t len)
{
    if (len == 0 || len > SZS_STEM_MAX)
        return;
    const sb_symbol *want = sb_stemmer_stem(snowball, (const sb_symbol *)word, (int)len);
    cr_assert_not_null(want);
    size_t want_len = (size_t)sb_stemmer_length(snowball);
    unsigned char got[SZS_STEM_MAX];
    size_t got_len = szs_snowball_english((const unsigned char *)word, len, got);
    compared++;
    if (got_len != want_len || memcmp(got, want, got_len) != 0) {
        if (differed++ < 10)
            cr_log_error("%.*s: Snowball %.*s, ours %.*s", (int)len, word, (int)want_len,
                         (const char *)want, (int)got_len, (const char *)got);
    }
}

Test(stem, agrees_with_snowball)
{
    static const char *const endings[] = {
        "s",     "es",    "ed",      "ing",     "ly",     "er",      "ers",     "ness",
        "ful",   "ation", "ational", "ization", "izer",   "iveness", "ousness", "fulness",
        "ement", "ment",  "ity",     "ities",   "ies",    "ied",     "y",       "al",
        "ally",  "ic",    "ical",    "ive",     "ize",    "ise",     "able",    "ible",
        "ant",   "ence",  "ance",    "ism",     "ist",    "ion",     "ions",    "li",
        "bli",   "ogi",   "alli",    "entli",   "lessli", "ousli",   "fulli",   "eed",
        "eedly", "edly",  "ingly",   "at",      "bl",     "iz",      "'s",      "s'"};
    static const char *const listed[] = {
        "skis",    "skies",   "dying",  "lying",   "tying",    "idly",      "gently",  "ugly",
        "early",   "only",    "singly", "sky",     "news",     "howe",      "atlas",   "cosmos",
        "bias",    "andes",   "inning", "innings", "outing",   "outings",   "canning", "herring",
        "earring", "proceed", "exceed", "succeed", "generate", "communism", "arsenal", "eying"};
    struct sb_stemmer *snowball = sb_stemmer_new("english", "UTF_8");
    cr_assert_not_null(snowball);
    for (size_t i = 0; i < sizeof listed / sizeof listed[0]; i++)
        compare(snowball, listed[i], strlen(listed[i]));
    for (uint32_t e = 0; e < shzi_ix.word_count; e++) {
        uint32_t len;
        const char *w = (const char *)shzi_ix_word_text(e, &len);
        char buf[2 * SZS_STEM_MAX];
        if (len > SZS_STEM_MAX)
            continue;
        for (size_t k = 1; k <= len; k++) /* the word and each of its prefixes */
            compare(snowball, w, k);
        for (size_t x = 0; x < sizeof endings / sizeof endings[0]; x++) {
            size_t n = strlen(endings[x]);
            if (len + n > SZS_STEM_MAX)
                continue;
            memcpy(buf, w, len);
            memcpy(buf + len, endings[x], n);
            compare(snowball, buf, len + n);
        }
    }
    sb_stemmer_delete(snowball);
    cr_assert_gt(compared, 100000, "only %zu words compared", compared);
    cr_assert_eq(differed, 0, "%zu of %zu words stem differently", differed, compared);
}

/* The stem of the NUL-terminated word by stemmer, as a NUL-terminated string in out. */
static const char *stem_by(size_t (*stemmer)(const unsigned char *, size_t, unsigned char *),
                           const char *word, char out[SZS_STEM_MAX + 1])
{
    size_t n = stemmer((const unsigned char *)word, strlen(word), (unsigned char *)out);
    out[n] = '\0';
    return out;
}

/* Families that stem.c keeps apart from an unrelated word with the same Snowball stem (the last
 * column): the family's forms share a stem of their own, which the other word does not have. */
Test(stem, a_family_kept_apart_shares_a_stem_of_its_own)
{
    static const char *const families[][5] = {
        {"important", "importance", "importantly", NULL, "import"},
        {"busy", "busier", "busily", "busied", "business"},
        {"organization", "organizations", "organized", "organizing", "organ"},
        {"international", "internationally", NULL, NULL, "internal"},
        {"universe", "universes", NULL, NULL, "university"},
        {"carbonated", "carbonation", "carbonate", NULL, "carbon"},
        {"positive", "positively", NULL, NULL, "position"},
        {"several", NULL, NULL, NULL, "severe"},
    };
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
        const char *head = families[f][0], *other = families[f][4];
        char a[SZS_STEM_MAX + 1], b[SZS_STEM_MAX + 1], own[SZS_STEM_MAX + 1];
        cr_expect_str_eq(stem_by(szs_snowball_english, head, a),
                         stem_by(szs_snowball_english, other, b), "Snowball conflates %s, %s", head,
                         other);
        stem_by(szs_stem_english, head, own);
        cr_expect_str_neq(own, stem_by(szs_stem_english, other, b), "%s and %s", head, other);
        for (size_t i = 1; i < 4 && families[f][i]; i++)
            cr_expect_str_eq(stem_by(szs_stem_english, families[f][i], a), own, "%s, like %s",
                             families[f][i], head);
    }
    /* Other words stem as Snowball's. */
    static const char *const others[] = {"business", "imported",  "organ",    "universities",
                                         "internal", "positions", "severely", "carbon"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        char ours[SZS_STEM_MAX + 1], snowball[SZS_STEM_MAX + 1];
        cr_expect_str_eq(stem_by(szs_stem_english, others[i], ours),
                         stem_by(szs_snowball_english, others[i], snowball), "%s", others[i]);
    }
}
