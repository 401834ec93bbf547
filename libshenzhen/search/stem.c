/*
 * The Snowball English ("Porter2") stemmer, written from the algorithm's
 * published description. The generator stems the index's English words with
 * it, and a search the query words the index does not have: it works in the
 * caller's buffer, so a search that stems allocates nothing and shares
 * nothing. tests/unit/test_stem.c checks it against Snowball's own
 * libstemmer on every word of the index and many more.
 *
 * Words are lowercase a-z (the caller checks). Upper-case Y marks a y that
 * acts as a consonant while stemming.
 */
#include <string.h>

#include "stem.h"

typedef struct word {
    unsigned char *s;
    size_t len;
    size_t r1, r2; /* where the regions R1 and R2 start (len when empty) */
} word;

static int is_vowel(unsigned char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static int ends_with(const word *w, const char *suffix)
{
    size_t n = strlen(suffix);
    return w->len >= n && memcmp(w->s + w->len - n, suffix, n) == 0;
}

/* Replaces the last n letters with the string by. */
static void replace_end(word *w, size_t n, const char *by)
{
    size_t m = strlen(by);
    memcpy(w->s + w->len - n, by, m);
    w->len = w->len - n + m;
}

static int is_double(const word *w)
{
    if (w->len < 2 || w->s[w->len - 1] != w->s[w->len - 2])
        return 0;
    return strchr("bdfgmnprt", w->s[w->len - 1]) != NULL;
}

/* A short syllable ends at the end of s[0..len): a vowel then a non-vowel other than w, x or Y,
 * after a non-vowel; or, for a word of two letters, a vowel then a non-vowel. */
static int short_syllable_at_end(const unsigned char *s, size_t len)
{
    if (len == 2)
        return is_vowel(s[0]) && !is_vowel(s[1]);
    if (len < 3)
        return 0;
    unsigned char a = s[len - 3], b = s[len - 2], c = s[len - 1];
    return !is_vowel(a) && is_vowel(b) && !is_vowel(c) && c != 'w' && c != 'x' && c != 'Y';
}

static int is_short_word(const word *w)
{
    return w->r1 == w->len && short_syllable_at_end(w->s, w->len);
}

/* The end of the region that starts after the first non-vowel following a vowel, from from. */
static size_t region_after(const unsigned char *s, size_t len, size_t from)
{
    for (size_t i = from + 1; i < len; i++)
        if (!is_vowel(s[i]) && is_vowel(s[i - 1]))
            return i + 1;
    return len;
}

static void mark_regions(word *w)
{
    static const char prefixes[][7] = {"gener", "commun", "arsen"};
    w->r1 = region_after(w->s, w->len, 0);
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i]);
        if (w->len >= n && memcmp(w->s, prefixes[i], n) == 0)
            w->r1 = n;
    }
    w->r2 = w->r1 < w->len ? region_after(w->s, w->len, w->r1) : w->len;
    if (w->r1 > w->len)
        w->r1 = w->len;
}

/* Whether s[0..len) holds a vowel. */
static int has_vowel(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (is_vowel(s[i]))
            return 1;
    return 0;
}

static int in_r1(const word *w, size_t suffix_len)
{
    return w->len - suffix_len >= w->r1;
}

static int in_r2(const word *w, size_t suffix_len)
{
    return w->len - suffix_len >= w->r2;
}

/* A suffix of steps 0 and 1. The tables of suffixes and rules hold their strings in place,
 * not pointers to them: tables without relocations, as the rest of the library's data. */
typedef char suffix_text[8];

/* The longest of a list of suffixes the word ends with, or -1. */
static int longest(const word *w, const suffix_text *list, size_t n)
{
    int best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t m = strlen(list[i]);
        if (m > best_len && ends_with(w, list[i])) {
            best = (int)i;
            best_len = m;
        }
    }
    return best;
}

static void step_0(word *w)
{
    static const suffix_text s[] = {"'s'", "'s", "'"};
    int i = longest(w, s, 3);
    if (i >= 0)
        w->len -= strlen(s[i]);
}

static void step_1a(word *w)
{
    static const suffix_text s[] = {"sses", "ied", "ies", "s", "us", "ss"};
    int i = longest(w, s, 6);
    switch (i) {
    case 0:
        replace_end(w, 4, "ss");
        break;
    case 1:
    case 2:
        replace_end(w, 3, w->len > 4 ? "i" : "ie");
        break;
    case 3:
        /* a vowel in the part before the letter before the s */
        if (w->len >= 3 && has_vowel(w->s, w->len - 2))
            w->len--;
        break;
    default:
        break;
    }
}

static void step_1b(word *w)
{
    static const suffix_text s[] = {"eed", "eedly", "ed", "edly", "ing", "ingly"};
    int i = longest(w, s, 6);
    if (i < 0)
        return;
    size_t n = strlen(s[i]);
    if (i <= 1) {
        if (in_r1(w, n))
            replace_end(w, n, "ee");
        return;
    }
    if (!has_vowel(w->s, w->len - n))
        return;
    w->len -= n;
    if (is_double(w)) { /* hopp(ing) -> hop */
        w->len--;
        return;
    }
    /* luxuriat(ed) -> luxuriate, hop(ing) -> hope: an e back where it was dropped */
    if (ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz") || is_short_word(w))
        replace_end(w, 0, "e");
}

static void step_1c(word *w)
{
    if (w->len > 2 && (w->s[w->len - 1] == 'y' || w->s[w->len - 1] == 'Y') &&
        !is_vowel(w->s[w->len - 2]))
        w->s[w->len - 1] = 'i';
}

static int li_ending(unsigned char c)
{
    return strchr("cdeghkmnrt", c) != NULL;
}

/* A suffix rule of steps 2 to 4: the suffix, what replaces it, and what else must hold. */
enum rule_test { ANY, AFTER_L, AFTER_LI_ENDING, AFTER_S_OR_T, IN_R2 };
typedef struct rule {
    suffix_text suffix;
    char by[5];
    unsigned char test; /* enum rule_test */
} rule;

/* Applies the rule of the longest suffix the word ends with, if that suffix starts at region
 * or later and its test holds; nothing if it does not (no shorter suffix is tried). */
static void apply_longest(word *w, const rule *rules, size_t count, size_t region)
{
    const rule *best = NULL;
    for (size_t i = 0; i < count; i++)
        if (ends_with(w, rules[i].suffix) &&
            (!best || strlen(rules[i].suffix) > strlen(best->suffix)))
            best = &rules[i];
    if (!best)
        return;
    size_t n = strlen(best->suffix);
    if (w->len - n < region)
        return;
    unsigned char before = w->len > n ? w->s[w->len - n - 1] : 0;
    switch (best->test) {
    case AFTER_L:
        if (before != 'l')
            return;
        break;
    case AFTER_LI_ENDING:
        if (!before || !li_ending(before))
            return;
        break;
    case AFTER_S_OR_T:
        if (before != 's' && before != 't')
            return;
        break;
    case IN_R2:
        if (!in_r2(w, n))
            return;
        break;
    default:
        break;
    }
    replace_end(w, n, best->by);
}

static void step_2(word *w)
{
    static const rule rules[] = {
        {"tional", "tion", ANY}, {"enci", "ence", ANY},   {"anci", "ance", ANY},
        {"abli", "able", ANY},   {"entli", "ent", ANY},   {"izer", "ize", ANY},
        {"ization", "ize", ANY}, {"ational", "ate", ANY}, {"ation", "ate", ANY},
        {"ator", "ate", ANY},    {"alism", "al", ANY},    {"aliti", "al", ANY},
        {"alli", "al", ANY},     {"fulness", "ful", ANY}, {"ousli", "ous", ANY},
        {"ousness", "ous", ANY}, {"iveness", "ive", ANY}, {"iviti", "ive", ANY},
        {"biliti", "ble", ANY},  {"bli", "ble", ANY},     {"ogi", "og", AFTER_L},
        {"fulli", "ful", ANY},   {"lessli", "less", ANY}, {"li", "", AFTER_LI_ENDING}};
    apply_longest(w, rules, sizeof rules / sizeof rules[0], w->r1);
}

static void step_3(word *w)
{
    static const rule rules[] = {
        {"tional", "tion", ANY}, {"ational", "ate", ANY}, {"alize", "al", ANY},
        {"icate", "ic", ANY},    {"iciti", "ic", ANY},    {"ical", "ic", ANY},
        {"ful", "", ANY},        {"ness", "", ANY},       {"ative", "", IN_R2}};
    apply_longest(w, rules, sizeof rules / sizeof rules[0], w->r1);
}

static void step_4(word *w)
{
    static const rule rules[] = {{"al", "", ANY},   {"ance", "", ANY}, {"ence", "", ANY},
                                 {"er", "", ANY},   {"ic", "", ANY},   {"able", "", ANY},
                                 {"ible", "", ANY}, {"ant", "", ANY},  {"ement", "", ANY},
                                 {"ment", "", ANY}, {"ent", "", ANY},  {"ism", "", ANY},
                                 {"ate", "", ANY},  {"iti", "", ANY},  {"ous", "", ANY},
                                 {"ive", "", ANY},  {"ize", "", ANY},  {"ion", "", AFTER_S_OR_T}};
    apply_longest(w, rules, sizeof rules / sizeof rules[0], w->r2);
}

static void step_5(word *w)
{
    if (ends_with(w, "e")) {
        if (in_r2(w, 1) || (in_r1(w, 1) && !short_syllable_at_end(w->s, w->len - 1)))
            w->len--;
    } else if (ends_with(w, "l")) {
        if (in_r2(w, 1) && w->len >= 2 && w->s[w->len - 2] == 'l')
            w->len--;
    }
}

/* Words stemmed by a list, not by the steps. */
static int exception(const unsigned char *in, size_t len, unsigned char *out, size_t *out_len)
{
    static const struct {
        char from[7], to[7];
    } words[] = {{"skis", "ski"},    {"skies", "sky"},  {"dying", "die"},    {"lying", "lie"},
                 {"tying", "tie"},   {"idly", "idl"},   {"gently", "gentl"}, {"ugly", "ugli"},
                 {"early", "earli"}, {"only", "onli"},  {"singly", "singl"}, {"sky", "sky"},
                 {"news", "news"},   {"howe", "howe"},  {"atlas", "atlas"},  {"cosmos", "cosmos"},
                 {"bias", "bias"},   {"andes", "andes"}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strlen(words[i].from) == len && memcmp(in, words[i].from, len) == 0) {
            *out_len = strlen(words[i].to);
            memcpy(out, words[i].to, *out_len);
            return 1;
        }
    }
    return 0;
}

size_t szs_snowball_english(const unsigned char *in, size_t len, unsigned char *out)
{
    size_t out_len;
    if (len > SZS_STEM_MAX) /* the caller's buffer: longer words are left as they are */
        len = SZS_STEM_MAX;
    memcpy(out, in, len);
    if (len <= 2)
        return len;
    if (exception(in, len, out, &out_len))
        return out_len;
    word w = {out, len, 0, 0};
    size_t start = 0;
    if (w.s[0] == '\'') { /* not reached for a-z words, kept for the algorithm's sake */
        start = 1;
        w.s++;
        w.len--;
    }
    for (size_t i = 0; i < w.len; i++) /* a y at the start or after a vowel is a consonant */
        if (w.s[i] == 'y' && (i == 0 || is_vowel(w.s[i - 1])))
            w.s[i] = 'Y';
    mark_regions(&w);
    step_0(&w);
    step_1a(&w);
    static const char invariant[][8] = {"inning",  "outing",  "canning", "herring",
                                        "earring", "proceed", "exceed",  "succeed"};
    int stop = 0;
    for (size_t i = 0; i < sizeof invariant / sizeof invariant[0]; i++)
        stop |= strlen(invariant[i]) == w.len && memcmp(w.s, invariant[i], w.len) == 0;
    if (!stop) {
        step_1b(&w);
        step_1c(&w);
        step_2(&w);
        step_3(&w);
        step_4(&w);
        step_5(&w);
    }
    for (size_t i = 0; i < w.len; i++)
        if (w.s[i] == 'Y')
            w.s[i] = 'y';
    if (start)
        memmove(out, w.s, w.len);
    return w.len;
}

/*
 * Families of words that Snowball conflates with an unrelated word of the catalogue's English:
 * a word that begins with prefix stems to stem, which Snowball gives no common word, so that a
 * query for one side does not find the other (busy finding business, carbon finding carbonated
 * drinks, a universal service finding universities). A family is listed only when both sides are
 * common words and one of them is in the catalogue; a family's own forms still find each other
 * (importance finds important). The stems keep the word's first three letters, as Snowball's
 * do (query.c looks stems up by them). Fixed-size strings: a table without relocations.
 */
static const struct {
    char prefix[12];
    char stem[12];
} own_stems[] = {
    {"booking", "booking"},         /* bookings: not book */
    {"busie", "busy"},              /* busied, busier: not business */
    {"busil", "busy"},              /* busily */
    {"busy", "busy"},               /* busy, busying */
    {"carbonat", "carbonat"},       /* carbonated, carbonation: not carbon */
    {"customer", "customer"},       /* customers: not customs */
    {"goods", "goods"},             /* merchandise: not good */
    {"hospitalit", "hospitalit"},   /* hospitality: not hospitals */
    {"importan", "importan"},       /* important, importance: not import */
    {"initial", "initial"},         /* initially: not initiated */
    {"integral", "integral"},       /* not integration */
    {"integrit", "integrit"},       /* integrity: not integration */
    {"internation", "internation"}, /* international: not intern, internal */
    {"mobile", "mobile"},           /* mobile phones: not mobility */
    {"organiz", "organiz"},         /* organization, organized: not organ, organic */
    {"parking", "parking"},         /* not park */
    {"positiv", "positiv"},         /* positive: not position */
    {"publicat", "publicat"},       /* publications: not public */
    {"publicit", "publicit"},       /* publicity: not public */
    {"several", "several"},         /* not severe, severely */
    {"terminal", "terminal"},       /* terminals: not termination */
    {"universal", "universal"},     /* not university */
    {"universe", "universe"},       /* universes: not university */
};

size_t szs_stem_english(const unsigned char *in, size_t len, unsigned char *out)
{
    for (size_t i = 0; i < sizeof own_stems / sizeof own_stems[0]; i++) {
        size_t n = strlen(own_stems[i].prefix);
        if (len >= n && memcmp(in, own_stems[i].prefix, n) == 0) {
            size_t stem_len = strlen(own_stems[i].stem);
            memcpy(out, own_stems[i].stem, stem_len);
            return stem_len;
        }
    }
    return szs_snowball_english(in, len, out);
}
