/*
 * The search engine's private header: what query analysis (query.c), scoring
 * (score.c), results (results.c) and the entry points (search.c) share.
 * Internal names carry the szs_ prefix; nothing here is exported.
 *
 * Two modes run over one compiled index (index_data.h):
 * - all terms: every whitespace-separated term must occur literally in a
 *   searched field, ranked by 1.0's rule (README "Ranking"); 1.0 callers get
 *   this mode over 1.0's fields only;
 * - best match (the default): the query is analysed into grams (Han bigrams,
 *   lone Han characters) and words (Latin, digits), every measure sharing one
 *   is scored by BM25F, and those under the minimum-should-match rule dropped.
 *
 * Memory: the only heap block is the results object. It holds the analysed
 * query (sized from the query's length) and the hits from the start, and is
 * resized once to hold what the hits need; the stack holds small, fixed-size
 * state only (include/shenzhen.h states the bound). No global mutable state.
 */
#ifndef SHZ_SEARCH_INT_H
#define SHZ_SEARCH_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "index_data.h"
#include "normalize.h"
#include "shenzhen.h"
#include "stem.h"
#include "utf8.h"

enum { SZS_MAX_TERMS = SHZ_QUERY_MAX / 2 + 1 }; /* "a a a …": one term per two bytes */
enum { SZS_MAX_BEST_TERMS = 64 };               /* analysed terms kept in best-match mode */
enum { SZS_MAX_EXPANSIONS = 8 }; /* tolerant alternatives of one term, at most (tolerance.c) */
enum { SZS_MEASURE_BITS = 20 };  /* of a hit's sort key (checked by the generator) */
#define SZS_NO_MEASURE UINT32_MAX
#define SZS_NO_POSITION UINT32_MAX

/* ---- index access ------------------------------------------------------- */

static inline uint32_t szs_norm_at(uint32_t position)
{
    return shzi_ix_u24(shzi_ix.norm, position) & ((UINT32_C(1) << SHZ_IX_FLAGS_SHIFT) - 1);
}

static inline unsigned szs_flags_at(uint32_t position)
{
    return shzi_ix_u24(shzi_ix.norm, position) >> SHZ_IX_FLAGS_SHIFT;
}

/* The position of the gram posting at index of post_info, in the field starting at
 * field_start (the posting's own: its measure's seg_start of its slot). */
static inline uint32_t szs_posting_at(uint32_t index, uint32_t field_start)
{
    return field_start + (shzi_ix_u32(shzi_ix.post_info, index) & SHZ_IX_OFFSET_MASK);
}

static inline uint32_t szs_seg_start(uint32_t measure, int slot)
{
    return shzi_ix_u32(shzi_ix.seg_start, (size_t)measure * SHZ_IX_NSLOTS + (size_t)slot);
}

static inline uint32_t szs_info_measure(uint32_t info)
{
    return info >> SHZ_IX_INFO_MEASURE_SHIFT;
}

static inline int szs_info_slot(uint32_t info)
{
    return (int)(info >> SHZ_IX_INFO_SLOT_SHIFT) & SHZ_IX_INFO_SLOT_MASK;
}

/* A measure's field starts, and the start of the next measure: read once per measure. */
typedef struct szs_row {
    uint32_t seg[SHZ_IX_NSLOTS + 1];
} szs_row;

static inline void szs_load_row(uint32_t measure, szs_row *row)
{
    for (int slot = 0; slot <= SHZ_IX_NSLOTS; slot++)
        row->seg[slot] = szs_seg_start(measure, slot);
}

/* Finds the postings of a gram; 0 if it never occurs. *gram is its record's index. */
int szs_gram_postings(uint64_t key, uint32_t *gram, uint32_t *begin, uint32_t *end);

/* Field f of a gram's record (enum shzi_ix_gram_field). */
static inline uint32_t szs_gram_field(uint32_t gram, int f)
{
    return shzi_ix_u32(shzi_ix.grams, (size_t)gram * SHZ_IX_GRAM_FIELDS + (size_t)f);
}

/* The key and IDF of the gram whose record is gram. */
static inline uint64_t szs_gram_key(uint32_t gram)
{
    uint32_t high = szs_gram_field(gram, SHZ_IX_GRAM_KEY_IDF);
    return (uint64_t)szs_gram_field(gram, SHZ_IX_GRAM_KEY_LOW) |
           (uint64_t)(high & ((1u << SHZ_IX_KEY_HIGH_BITS) - 1)) << 32;
}

static inline uint32_t szs_gram_idf(uint32_t gram)
{
    return szs_gram_field(gram, SHZ_IX_GRAM_KEY_IDF) >> SHZ_IX_KEY_HIGH_BITS;
}

/* First index in [lo, hi) of an ascending uint32 table whose entry is >= target, galloping from
 * lo: cheap when near. */
static inline uint32_t szs_gallop(uint32_t table, uint32_t lo, uint32_t hi, uint32_t target)
{
    if (lo >= hi || shzi_ix_u32(table, lo) >= target)
        return lo;
    uint32_t below = lo, step = 1; /* entry below < target */
    while (step < hi - below && shzi_ix_u32(table, below + step) < target) {
        below += step;
        step *= 2;
    }
    uint32_t above = step < hi - below ? below + step : hi;
    while (above - below > 1) {
        uint32_t mid = below + (above - below) / 2;
        if (shzi_ix_u32(table, mid) < target)
            below = mid;
        else
            above = mid;
    }
    return above;
}

/* The normalized text at position equals chars[0..len). Sentinels (0) stop it at field ends. */
static inline int szs_matches_at(uint32_t position, const uint32_t *chars, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        if (szs_norm_at(position + i) != chars[i])
            return 0;
    return 1;
}

/* The text at [position, position + len) is whole words: it starts a word and ends one. */
static inline int szs_whole_words(uint32_t position, uint32_t len)
{
    return (szs_flags_at(position) & SHZ_IX_WORD_START) &&
           (szs_flags_at(position + len - 1) & SHZ_IX_WORD_END);
}

/* The length of the word starting at position (to its SHZ_IX_WORD_END). */
static inline uint32_t szs_word_length(uint32_t position)
{
    uint32_t n = 1;
    while (!(szs_flags_at(position + n - 1) & SHZ_IX_WORD_END))
        n++;
    return n;
}

/* ---- queries ------------------------------------------------------------ */

/*
 * A query's characters, decoded and normalized as utf8.h and normalize.h do (tests/unit checks
 * that these agree with them on every input), with the characters most queries are made of
 * answered here rather than through utf8proc: ASCII, the CJK ideographs, the full-width forms
 * of ASCII and the common Chinese punctuation.
 */

/* shzi_utf8_decode: ASCII, and three bytes under a lead other than E0 and ED, whose every
 * continuation is valid (no overlong form, no surrogate), decoded here. */
static inline size_t szs_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (len && s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (len >= 3 && s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80) {
        *cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3Fu);
        return 3;
    }
    return shzi_utf8_decode(s, len, cp);
}

static inline uint32_t szs_fold_ascii(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + ('a' - 'A');
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ? cp : 0;
}

/* Punctuation of Chinese text: dashes, quotation marks, ellipsis and the like (U+2010-U+2027,
 * U+2030-U+203F), and 、。〃〄 and the CJK brackets (U+3001-U+3004, U+3008-U+3020). Not
 * searchable, and not spaces. */
static inline int szs_common_punctuation(uint32_t cp)
{
    return (cp >= 0x2010 && cp <= 0x203F && (cp < 0x2028 || cp >= 0x2030)) ||
           (cp >= 0x3001 && cp <= 0x3020 && (cp < 0x3005 || cp >= 0x3008));
}

/* shzi_norm_is_space. */
static inline int szs_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xFF01 && cp <= 0xFF5E) ||
        szs_common_punctuation(cp))
        return 0;
    return shzi_norm_is_space(cp);
}

/* shzi_norm_fold. A CJK ideograph that no traditional form folds from is itself; a full-width
 * form of ASCII folds as its ASCII character. */
static inline uint32_t szs_fold(uint32_t cp)
{
    if (cp < 0x80)
        return szs_fold_ascii(cp);
    if (((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) &&
        !(shzi_t2s_folded[cp / 32] >> (cp % 32) & 1u))
        return cp;
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return szs_fold_ascii(cp - 0xFEE0);
    if (szs_common_punctuation(cp))
        return 0;
    return shzi_norm_fold(cp);
}

typedef enum szs_kind {
    SZS_LITERAL = 0, /* all-terms mode: a whitespace-separated term, matched as a substring */
    SZS_GRAM = 1,    /* best match: a Han bigram or a lone Han character */
    SZS_WORD = 2     /* best match: a Latin or digit word, matched as whole words or by stem */
} szs_kind;

/* Why a Han character is searched on its own (szs_term.part; 0: it is not). */
typedef enum szs_part {
    SZS_PART_PIECE = 1, /* of a Han piece none of whose bigrams occurs */
    SZS_PART_GAP = 2    /* of two characters between known words that no live bigram covers */
} szs_part;

typedef struct szs_term {
    uint32_t start, len;           /* normalized code points in the query's chars */
    uint32_t rare_offset;          /* where in the term the gram driving the search starts */
    uint32_t post_begin, post_end; /* postings of that gram (empty: it cannot occur) */
    uint32_t cursor;               /* next posting to consider, only ever moves forward */
    uint32_t stem_begin, stem_end; /* a word's stem postings in the word table (or empty) */
    uint32_t stem_cursor;
    uint32_t measure_begin; /* the gram cursor where the measure being scored began */
    uint32_t idf;           /* BM25 IDF, x SHZ_IX_ONE (best match) */
    uint16_t order;         /* its place among the query's reported terms */
    uint16_t origin;        /* the reported term it stands for (itself, or the term a
                               tolerant expansion came from) */
    uint8_t kind;           /* szs_kind */
    uint8_t tolerant;       /* matched only by typo or homophone tolerance */
    uint8_t live;           /* it can occur in the index at all */
    uint8_t part;           /* szs_part: a character searched for a Han word (query.c) */
    uint8_t likelihood;     /* a tolerant alternative: the percent of its origin's weight a
                               match of it holds (tolerance.c) */
    uint8_t unknown;        /* a Han bigram the index lacks: how many quarters of a rare term
                               of unknown words it stands for in the rule's weight (szs_weigh,
                               query.c) */
    uint8_t two_unknown;    /* a Han bigram the index lacks whose two characters alone are
                               uncovered: a word of two characters, maybe misheard */
    uint8_t thesaurus;      /* a word of the thesaurus, searched through its catalogue words */
    uint8_t off_topic;      /* a thesaurus word naming a subject no measure addresses */
    uint8_t beyond_policy;  /* words asking for a figure or a judgement (多少, how much, 划算,
                               best): never held (query.c) */
    uint8_t phrase;         /* two English words that the thesaurus names together as a subject
                               no measure addresses (car insurance): one term, never held */
    uint32_t weight;        /* a reported term's share of the query's weight, x SHZ_IX_ONE
                               (szs_weigh: the precision rule) */
} szs_term;

/* The slots of slot_mask that term t may match in. Each letter of a title's initials stands for
 * a syllable, and a lone letter or digit of a query (the d of "R&D" or of "I'd") names none: it
 * matches only as a word of the text. */
static inline unsigned szs_term_slots(const szs_term *t, unsigned slot_mask)
{
    return t->kind == SZS_WORD && t->len == 1 ? slot_mask & ~(1u << SHZ_IX_INITIALS) : slot_mask;
}

/* Two terms that follow each other in the query: b found delta positions after a is a phrase. */
typedef struct szs_pair {
    uint16_t a, b;
    uint32_t delta;
} szs_pair;

typedef struct szs_query {
    size_t term_count; /* reported terms come first, in query order; expansions after */
    size_t reported;
    size_t pair_count;
    uint64_t live_mass; /* sum of the IDF of the reported terms that can occur */
    size_t live_count;
    uint32_t common_idf;  /* the least IDF of a term that is not common (score.c, msm_pass) */
    uint32_t part_idf;    /* and of a character of an unknown piece, alone */
    uint64_t weight;      /* the query's weight: the sum of its reported terms' (szs_weigh) */
    uint64_t measure;     /* what a hit's held weight is a share of: the weight, a long query's
                             known words discounted (szs_weigh) */
    uint64_t informative; /* the reported terms a hit must hold one of (szs_weigh): its words,
                             not frame words */
    double min_relevance; /* the precision rule's threshold (szs_settings) */
    int uncommon_word;    /* an informative term is not common, or the catalogue lacks it */
    size_t term_room;     /* terms[] and chars[] are sized from the query (szs_query_room) */
    uint32_t char_room;
    szs_pair pairs[SZS_MAX_BEST_TERMS];
    uint32_t origin_idf[SZS_MAX_BEST_TERMS]; /* the IDF of each reported term, side by side for
                                                the rule's sums (score.c) */
    uint32_t *chars;                         /* normalized terms, back to back */
    szs_term *terms;
} szs_query;

/* The room a query of len bytes needs in mode: terms and characters. Sized so that it never
 * binds before the limits the analysis itself keeps (SZS_MAX_TERMS, SHZ_QUERY_MAX). */
static inline void szs_query_room(size_t len, unsigned mode, size_t *terms, size_t *chars)
{
    if (mode == SHZ_SEARCH_ALL_TERMS) {
        /* A term takes a byte at least, and a separator between two. */
        *terms = len / 2 + 1;
        *chars = len + 1;
        return;
    }
    /* Analysed terms: a Han character gives at most a bigram and itself (three bytes), a Latin
     * word of one letter and a space two bytes. Each reported term has at most
     * SZS_MAX_EXPANSIONS tolerant alternatives (tolerance.c), of at most its length and two
     * more characters, or catalogue words of the thesaurus (below); the reported terms' lengths add
     * up to three times the query's at most (a Han character is in two bigrams and alone). */
    size_t reported = len + 1 < SZS_MAX_BEST_TERMS ? len + 1 : SZS_MAX_BEST_TERMS;
    size_t all = reported * (1 + SZS_MAX_EXPANSIONS);
    *terms = all < SZS_MAX_TERMS ? all : SZS_MAX_TERMS;
    size_t most = len + SZS_MAX_EXPANSIONS * (3 * len + 2 * reported);
    /* A thesaurus word takes two bytes of the query at least, and brings its row's catalogue
     * words: at most thes_most_chars characters (the index knows its longest row). */
    most += len / 2 * shzi_ix.thes_most_chars;
    *chars = most < SHZ_QUERY_MAX ? most : SHZ_QUERY_MAX;
}

/* Where term t occurs if it does at its gram candidate at index i, in a field starting at
 * field_start; else SZS_NO_POSITION. It starts rare_offset before the posting, in the same
 * field or not at all; a posting of the term's own gram is an occurrence, so only longer terms
 * are checked against the text. Words must be whole words there. */
static inline uint32_t szs_occurrence_at(const szs_term *t, const uint32_t *chars, uint32_t i,
                                         uint32_t field_start)
{
    uint32_t p = szs_posting_at(i, field_start);
    if (p - field_start < t->rare_offset)
        return SZS_NO_POSITION;
    uint32_t start = p - t->rare_offset;
    if (t->len > 2 && !szs_matches_at(start, chars + t->start, t->len))
        return SZS_NO_POSITION;
    if (t->kind == SZS_WORD && !szs_whole_words(start, t->len))
        return SZS_NO_POSITION;
    return start;
}

/* ---- options ------------------------------------------------------------ */

typedef struct szs_settings {
    unsigned slot_mask; /* bit per enum shzi_ix_slot */
    shz_lang lang;
    size_t limit;
    unsigned mode;        /* shz_search_mode */
    int legacy;           /* 1.0's fields and ranking */
    double min_relevance; /* best match: the least relevance a hit must have */
    uint64_t topics;      /* shz_search_options.topics: 0, or the topics a hit must carry one of */
    unsigned flags;       /* shz_search_options.flags */
} szs_settings;

/* Whether measure index m may be a hit under the settings' topic filter. */
static inline int szs_in_topics(const szs_settings *set, uint32_t m)
{
    if (!set->topics)
        return 1;
    const shz_measure *measure = shz_measure_at(m);
    for (size_t k = 0; k < shz_measure_topic_count(measure); k++) {
        int64_t id = shz_topic_id(shz_measure_topic_at(measure, k));
        if (id >= 1 && id <= 64 && (set->topics >> (id - 1) & 1))
            return 1;
    }
    return 0;
}

/* ---- hits --------------------------------------------------------------- */

/* A matching measure as scoring finds it; what ranking and sizing the results need. */
enum { SZS_HIT_CURSORS = 4 };

typedef struct szs_hit {
    uint64_t key; /* score << MEASURE_BITS | (2^MEASURE_BITS - 1 - measure): larger is better */
    union {
        struct {
            uint64_t exact_terms;    /* best match: reported terms matched, a bit per term */
            uint64_t tolerant_terms; /* and those matched only tolerantly */
        };
        /* All terms: where the postings of the first terms in the hit's measure begin, so that
         * its spans are found without searching for them again. */
        uint32_t first_posting[SZS_HIT_CURSORS];
    };
    uint32_t occurrences; /* at least the spans */
    uint32_t best_pos;    /* the best match: normalized position, */
    uint32_t best_len;    /* length, */
    uint8_t best_slot;    /* and slot */
    uint8_t match;        /* SHZ_MATCH_* */
} szs_hit;

/* Best match: a hit's key is its relevance (RELEVANCE_BITS of fixed point) over its BM25F
 * total (SZS_SCORE_BITS, x 4096, saturating) over its measure. */
enum { SZS_SCORE_BITS = 24, SZS_RELEVANCE_BITS = 16 };
#define SZS_SCORE_MAX ((UINT64_C(1) << SZS_SCORE_BITS) - 1)
#define SZS_RELEVANCE_ONE ((UINT64_C(1) << SZS_RELEVANCE_BITS) - 1)
_Static_assert(SZS_RELEVANCE_BITS + SZS_SCORE_BITS + SZS_MEASURE_BITS <= 63, "a key fits int64");

/* The fixed-point form of a relevance in [0, 1]. */
static inline uint64_t szs_relevance_key(double relevance)
{
    if (relevance >= 1)
        return SZS_RELEVANCE_ONE;
    return relevance > 0 ? (uint64_t)(relevance * (double)SZS_RELEVANCE_ONE + 0.5) : 0;
}

/* The relevance of a hit: each term it holds contributes its weight (szs_term.weight) times its
 * strength, over the query's weight. The strength is exactness (1; a character of an unknown
 * word SZS_PART_PERCENT; a tolerant alternative its likelihood) times its firmness: 1 where the
 * measure names the term (SZS_NAMING_SLOTS: its titles, keywords or aliases), else BM25F's
 * saturation tf / (k1 + tf) of its pseudo-frequency in the body and summary (a term mentioned
 * once in a long body holds less than one mentioned often). */
enum { SZS_PART_PERCENT = 50 };

/* The saturation tf / (k1 + tf) of a term of IDF idf whose BM25 score is impact (both x
 * SHZ_IX_ONE): impact = idf (k1 + 1) tf / (k1 + tf). */
static inline double szs_saturation(uint32_t idf, uint32_t impact)
{
    if (idf == 0)
        return 1;
    double k1 = SHZ_IX_K1_MILLI / 1000.0, s = (double)impact / ((double)idf * (k1 + 1));
    return s < 1 ? s : 1;
}

/* The slots that name a measure's subject: its titles (and their pinyin), keywords and
 * aliases. */
#define SZS_NAMING_SLOTS                                                                           \
    (1u << SHZ_IX_TITLE | 1u << SHZ_IX_TITLE_EN | 1u << SHZ_IX_PINYIN | 1u << SHZ_IX_INITIALS |    \
     1u << SHZ_IX_TERMS)

/* A term's strength given its firmness (1 when named, else its saturation). */
static inline double szs_strength(const szs_term *t, double firmness)
{
    double exactness = t->tolerant ? t->likelihood / 100.0
                       : t->part   ? SZS_PART_PERCENT / 100.0
                                   : 1.0;
    return exactness * firmness;
}

static inline double szs_relevance_of_key(uint64_t key)
{
    return (double)(key >> (SZS_SCORE_BITS + SZS_MEASURE_BITS)) / (double)SZS_RELEVANCE_ONE;
}

static inline uint32_t szs_measure_of_hit(const szs_hit *h)
{
    return (uint32_t)((UINT64_C(1) << SZS_MEASURE_BITS) - 1 -
                      (h->key & ((UINT64_C(1) << SZS_MEASURE_BITS) - 1)));
}

/* ---- results ------------------------------------------------------------ */

/* What the results add to a kept hit: room reserved at the search, filled on first reading
 * (results.c, under the results' lock). */
typedef struct szs_detail {
    uint32_t first_span, span_count;     /* room: hit->occurrences spans from first_span */
    uint32_t snippet_start, snippet_len; /* room: the field's bytes and two ellipses, and a NUL */
    uint32_t match_start, match_end;     /* in the snippet */
    uint32_t origin_byte, origin_char;   /* where the snippet's text starts in its field's */
    uint8_t origin_lang;                 /* the language of that text */
    atomic_uchar ready;                  /* the fields above are written */
} szs_detail;

typedef struct szs_span {
    uint32_t byte_start, byte_end, char_start, char_end;
    uint8_t slot;
    uint8_t lang;
} szs_span;

/* A reported term's text, in the results' text. */
typedef struct szs_term_text {
    uint32_t start, len;
} szs_term_text;

enum { SZS_ELLIPSIS_LEN = 3 }; /* "…" in UTF-8 */

/* One heap block: this header, the analysed query (its terms and characters), the hits, their
 * details, spans and snippets, and the terms' texts (run.c lays it out). */
struct shz_results {
    size_t count;
    szs_hit *hits;
    szs_detail *details;
    szs_span *spans;
    size_t term_count;          /* reported terms */
    uint64_t weight;            /* best match: the query's weight (szs_weigh) */
    uint64_t measure;           /* and what relevance is a share of (szs_query.measure) */
    const szs_query *query;     /* the analysed query (its pairs: shz_results_explain) */
    size_t all_terms;           /* every term as the query had it, tolerant alternatives too */
    const szs_term *terms;      /* [all_terms]: the query's, in its order of terms */
    const uint32_t *term_chars; /* what their start indexes */
    szs_term_text *texts;       /* [all_terms] (empty for tolerant ones) */
    uint16_t *order; /* [term_count]: the reported terms in query order, as indices of terms */
    char *text;
    szs_settings set;
    pthread_mutex_t detail_lock; /* held while a hit's details are written */
};

/* The most bytes hit h's snippet can take: its whole field, two ellipses and a NUL (from a table
 * of the index, not from the catalogue's texts, which a search does not otherwise read). A zh
 * title or body may give way to its English text in an English search (results.c), so the
 * longer of the two. */
static inline size_t szs_snippet_room(const szs_hit *h)
{
    size_t field = (size_t)szs_measure_of_hit(h) * SHZ_IX_NSLOTS + h->best_slot;
    uint32_t bytes = shzi_ix_u32(shzi_ix.field_bytes, field);
    int twin = h->best_slot == SHZ_IX_TITLE  ? SHZ_IX_TITLE_EN
               : h->best_slot == SHZ_IX_BODY ? SHZ_IX_BODY_EN
                                             : h->best_slot;
    uint32_t twin_bytes = shzi_ix_u32(shzi_ix.field_bytes, field - h->best_slot + (size_t)twin);
    return (twin_bytes > bytes ? twin_bytes : bytes) + 2 * SZS_ELLIPSIS_LEN + 1;
}

/* ---- scoring (score.c, score_all.c, score_best.c) ----------------------- */

/* The measure of the first entry of a post_info-like table in [*c, end) in measure m or after,
 * or SZS_NO_MEASURE; leaves *c on it. Usually *c or the next one is it: gallop only past those.
 */
static inline uint32_t szs_next_in(uint32_t table, uint32_t *c, uint32_t end, uint32_t m)
{
    uint32_t target = m << SHZ_IX_INFO_MEASURE_SHIFT, i = *c;
    if (i < end && shzi_ix_u32(table, i) < target && ++i < end && shzi_ix_u32(table, i) < target)
        i = szs_gallop(table, i, end, target);
    *c = i;
    return i < end ? szs_info_measure(shzi_ix_u32(table, i)) : SZS_NO_MEASURE;
}

/* The first entry of a post_info-like table in [c, end) past measure m: where a walk through
 * m's postings can stop once no later field of m is searched. */
static inline uint32_t szs_past_measure(uint32_t table, uint32_t c, uint32_t end, uint32_t m)
{
    return szs_gallop(table, c, end, (m + 1) << SHZ_IX_INFO_MEASURE_SHIFT);
}

/* Keeps the best match of a hit: best slot rank, then earliest, then shortest. */
static inline void szs_consider(szs_hit *h, int slot, uint32_t p, uint32_t len)
{
    unsigned rank = shzi_ix_slot_rank((unsigned)slot), best = shzi_ix_slot_rank(h->best_slot);
    if (h->best_pos == SZS_NO_POSITION || rank < best ||
        (rank == best && (p < h->best_pos || (p == h->best_pos && len < h->best_len)))) {
        h->best_pos = p;
        h->best_len = len;
        h->best_slot = (uint8_t)slot;
    }
}

static inline void szs_clear_hit(szs_hit *h)
{
    memset(h, 0, sizeof *h);
    h->best_pos = SZS_NO_POSITION;
}

/* Takes hit h: into the list while there is room (all of them when keep is 0), else into the
 * min-heap of the best keep if it beats the worst. */
void szs_offer(szs_hit *hits, size_t *count, size_t keep, const szs_hit *h);

/* Sorts the count hits taken, best first; returns count. */
size_t szs_finish(szs_hit *hits, size_t count, size_t keep);

/* Collects the hits of each mode: all of them (up to capacity) when keep is 0, else the best
 * keep. Returns how many, sorted best first. */
size_t szs_collect_all(szs_query *q, const szs_settings *set, szs_hit *hits, size_t capacity,
                       size_t keep);
size_t szs_collect_best(szs_query *q, const szs_settings *set, szs_hit *hits, size_t capacity,
                        size_t keep);

/* ---- query.c ------------------------------------------------------------ */

/* All-terms mode: whitespace-separated terms, "quoted phrases" as one; repeats dropped. */
shz_status szs_parse_literal(const char *text, size_t len, szs_query *q);

/* Chooses each literal term's rarest gram; rarest term first. Returns 0 when some term cannot
 * occur at all (its postings are then empty). */
int szs_plan_literal(szs_query *q);

/* Best-match mode: analyses the query into grams and words (README "Ranking"), looks each up
 * and computes the query's IDF mass. */
shz_status szs_analyse(const char *text, size_t len, szs_query *q);

/* The precision rule's weights: each reported term's (szs_term.weight) and the query's
 * (q->weight). A term the index has weighs its IDF; a word or lone character the catalogue
 * does not have weighs as a rare term (found in one measure), and so do a thesaurus word and
 * each unknown Han word searched by its characters (shared among them); a lone Han character
 * weighs half of that; a bigram the index lacks where two known words meet weighs nothing.
 * Sets q->measure, what relevance is a share of: the weight, except that the weight of the words
 * the catalogue has counts SZS_LONG_QUERY_PERCENT of itself beyond SZS_LONG_QUERY_RARE rare
 * terms (a long query). */
enum { SZS_LONG_QUERY_RARE = 4, SZS_LONG_QUERY_PERCENT = 60 };
void szs_weigh(szs_query *q);

/* ---- tolerance.c -------------------------------------------------------- */

/* A tolerant alternative of a query term: a word of the index a typo away, or a Han character
 * or bigram of the index that sounds the same; normalized code points. */
enum { SZS_ALTERNATIVE_MAX_LEN = 64 };
typedef struct szs_alternative {
    uint32_t chars[SZS_ALTERNATIVE_MAX_LEN];
    uint32_t len;
    uint8_t likelihood; /* percent of the origin's weight a match of it holds */
} szs_alternative;

/* The tolerant alternatives of reported term i of an analysed query, if the index cannot match
 * it (at most SZS_MAX_EXPANSIONS, best first), written to out; how many. szs_analyse adds them
 * to the query, each matched like a term of its kind but reported as a tolerant match of term i
 * (SHZ_MATCH_TOLERANT, shz_results_hit_term 2), scoring TOLERANT_PERCENT of an exact match
 * (score.c) and counting toward the minimum-should-match rule as term i. */
size_t szs_alternatives(const szs_query *q, size_t i, szs_alternative *out);

/* A word of the index's word table near a query word: its entry, the edits between them, its
 * stem's entry and the stem's IDF. */
enum { SZS_MAX_TYPO_WORDS = 4 };
typedef struct szs_typo {
    int edits;
    uint32_t entry, stem, idf;
} szs_typo;

/* The words of the index within budget edits of word[0..len) (but not equal to it), at most
 * SZS_MAX_TYPO_WORDS of them, one per stem: fewer edits first, then the rarer stem (higher
 * IDF), then the lower entry. Writes them to best; returns how many. */
size_t szs_typo_words(const uint32_t *word, uint32_t len, int budget, szs_typo *best);

/* ---- thesaurus.c -------------------------------------------------------- */

/* The length of the longest thesaurus word that chars[0..n) start with, or 0. */
uint32_t szs_thesaurus_prefix(const uint32_t *chars, uint32_t n);

/* If chars[0..len) is a thesaurus word, writes its catalogue words to out as alternatives (at
 * most SZS_MAX_EXPANSIONS, in the row's order) and returns how many (0 for a word naming a
 * subject the catalogue does not address); else -1. */
long szs_thesaurus_alternatives(const uint32_t *chars, uint32_t len, szs_alternative *out);

/* Whether the English words first[0..first_len) and second[0..second_len), one after the other,
 * are a phrase the thesaurus names as a subject no measure addresses (car insurance), each word
 * by its stem. */
int szs_thesaurus_phrase(const uint32_t *first, uint32_t first_len, const uint32_t *second,
                         uint32_t second_len);

_Static_assert((int)SHZ_IX_THES_MAX_WORDS <= (int)SZS_MAX_EXPANSIONS &&
                   (int)SHZ_IX_THES_MAX_LEN <= (int)SZS_ALTERNATIVE_MAX_LEN,
               "an alternative holds every catalogue word of a thesaurus row");

/* ---- score_best.c --------------------------------------------------------- */

/* A word's occurrences found only by its stem count this percent of an exact one. */
enum { SZS_STEM_PERCENT = 60 };

/* Whether the pair is found as a phrase in measure m: a's candidates in m start at index first
 * of its postings. */
int szs_phrase_in(const szs_query *q, const szs_settings *set, const szs_pair *pair, uint32_t m,
                  uint32_t first);

/* ---- score.c ------------------------------------------------------------ */

/* How many measures hold term t in a searched field (exactly or by stem); chars is the array
 * that t->start indexes (the query's characters), not the term's own. */
size_t szs_term_measures(const szs_term *t, const uint32_t *chars, unsigned slot_mask);

/* Whether some measure holds term t in any field (exactly or by stem): szs_term_measures() > 0,
 * found at the first measure rather than counted over all. */
int szs_term_occurs(const szs_term *t, const uint32_t *chars);

/* ---- run.c -------------------------------------------------------------- */

/* Runs a search: the query's analysis, scoring and the results' block. */
shz_status szs_run(const char *text, size_t len, const szs_settings *set, shz_results **out);

/* What a search with no hits and no terms returns (1.0's searches without hits): nothing
 * allocated, nothing to free. */
extern const struct shz_results szs_no_results;

/* ---- search.c ----------------------------------------------------------- */

/* The search of 1.0, whatever the options say (their 1.0 part is read as 1.0 read it). The
 * shared library exports it as shz_search@SHENZHEN_1.0 (search/version_1_0.c). */
shz_status szs_search_1_0(const char *text, size_t len, const shz_search_options *options,
                          shz_results **results);

#endif
