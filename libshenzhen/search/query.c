/*
 * Query analysis: splitting a query into the terms each mode searches for,
 * and finding them in the index.
 */
#include <stdlib.h>
#include <uchar.h>

#include "alloc.h"
#include "search_int.h"
#include "stop_words.h"

static int is_quote(uint32_t cp)
{
    return cp == '"' || cp == 0xFF02; /* ASCII and full-width quotation marks */
}

static int same_chars(const szs_query *q, uint32_t a_start, uint32_t a_len, uint32_t b_start,
                      uint32_t b_len)
{
    return a_len == b_len &&
           memcmp(q->chars + a_start, q->chars + b_start, a_len * sizeof q->chars[0]) == 0;
}

/* Adds the term at chars [start, end) unless it is empty or a repeat. Returns its index (the
 * earlier one for a repeat), or -1 when nothing was added. */
static inline long add_term(szs_query *q, uint32_t start, uint32_t end, szs_kind kind, size_t cap)
{
    if (end == start)
        return -1;
    for (size_t i = 0; i < q->term_count; i++)
        if (same_chars(q, q->terms[i].start, q->terms[i].len, start, end - start))
            return (long)i;
    if (q->term_count >= cap)
        return -1;
    /* Filled in place: a copy from the stack would read back wide what was just stored
     * narrow, which stalls the store forwarding. */
    szs_term *t = &q->terms[q->term_count];
    memset(t, 0, sizeof *t);
    t->start = start;
    t->len = end - start;
    t->kind = (uint8_t)kind;
    t->order = t->origin = (uint16_t)q->term_count;
    return (long)q->term_count++;
}

/* The analysed terms best-match mode keeps at most. */
static size_t best_room(const szs_query *q)
{
    return q->term_room < SZS_MAX_BEST_TERMS ? q->term_room : SZS_MAX_BEST_TERMS;
}

/* The room after the last kept term: dropped terms give theirs back. */
static uint32_t chars_used(const szs_query *q)
{
    uint32_t used = 0;
    for (size_t i = 0; i < q->term_count; i++)
        if (q->terms[i].start + q->terms[i].len > used)
            used = q->terms[i].start + q->terms[i].len;
    return used;
}

/* ---- all-terms mode ----------------------------------------------------- */

shz_status szs_parse_literal(const char *text, size_t len, szs_query *q)
{
    const unsigned char *s = (const unsigned char *)text;
    uint32_t used = 0, term_start = 0;
    int in_phrase = 0;
    q->term_count = q->pair_count = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = szs_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return SHZ_ERR_BAD_UTF8;
        i += n;
        if (is_quote(cp) || (!in_phrase && szs_is_space(cp))) {
            add_term(q, term_start, used, SZS_LITERAL, q->term_room);
            /* Terms are added in order: the last one ends the room in use. */
            used = term_start =
                q->term_count ? q->terms[q->term_count - 1].start + q->terms[q->term_count - 1].len
                              : 0;
            if (is_quote(cp))
                in_phrase = !in_phrase;
            continue;
        }
        uint32_t folded = szs_fold(cp);
        if (folded)
            q->chars[used++] = folded;
    }
    if (in_phrase)
        return SHZ_ERR_BAD_QUERY;
    add_term(q, term_start, used, SZS_LITERAL, q->term_room);
    q->reported = q->term_count;
    return q->term_count ? SHZ_OK : SHZ_ERR_EMPTY_QUERY;
}

/* The postings of a gram; 0 when there are none. */
static inline int literal_postings(uint64_t key, uint32_t *begin, uint32_t *end)
{
    uint32_t gram;
    return szs_gram_postings(key, &gram, begin, end) && *end > *begin;
}

int szs_plan_literal(szs_query *q)
{
    int all = 1;
    for (size_t i = 0; i < q->term_count; i++) {
        szs_term *t = &q->terms[i];
        const uint32_t *c = q->chars + t->start;
        t->post_begin = t->post_end = 0;
        if (t->len == 1) {
            if (!literal_postings(c[0], &t->post_begin, &t->post_end)) {
                t->post_begin = t->post_end = 0;
                all = 0;
            }
            continue;
        }
        uint32_t best = UINT32_MAX;
        for (uint32_t k = 0; k + 1 < t->len; k++) {
            uint32_t begin, end;
            if (!literal_postings(SHZ_IX_BIGRAM_KEY(c[k], c[k + 1]), &begin, &end)) {
                t->post_begin = t->post_end = 0;
                all = 0;
                break;
            }
            if (end - begin < best) {
                best = end - begin;
                t->rare_offset = k;
                t->post_begin = begin;
                t->post_end = end;
            }
        }
    }
    /* Rarest term first: it leads the leapfrog and the others mostly skip. */
    for (size_t i = 1; i < q->term_count; i++) {
        szs_term t = q->terms[i];
        size_t j = i;
        for (; j > 0 &&
               q->terms[j - 1].post_end - q->terms[j - 1].post_begin > t.post_end - t.post_begin;
             j--)
            q->terms[j] = q->terms[j - 1];
        q->terms[j] = t;
    }
    for (size_t i = 0; i < q->term_count; i++)
        q->terms[i].cursor = q->terms[i].post_begin;
    return all;
}

/* ---- best-match mode ---------------------------------------------------- */

/* Words that say what kind of answer a request wants (a procedure, a rule, a price, a time, an
 * effect, whether something is needed or normal; in English also how long, how much, whether
 * one may, when a place is open) rather than what it is about, and the city's name: every
 * measure is Shenzhen's, so it says where a request is set, not what it asks. 在深 ("in
 * Shenzhen") is the bigram a query's 在深圳 begins with; Guangdong, the province, says where too.
 * English titles frame a measure as the first of its kind ("Be first to"), so first says nothing
 * of a subject either; and who asks, a foreigner or a business, is not what they ask about.
 * They stay in the query and weigh as any term, but they cannot make a hit on their own
 * (szs_weigh): a measure that only shares such a word with a request about something else,
 * mentioning a standard, an application or the city, is not about it. Han ones are two
 * characters, matched as a bigram term; Latin ones as the query's word. */
static const uint32_t han_frame_words[][3] = {
    U"申请", U"办理", U"手续", U"流程", U"规定", U"规则", U"标准", U"政策", U"措施",
    U"办法", U"条件", U"要求", U"材料", U"价格", U"时间", U"影响", U"问题", U"情况",
    U"方法", U"方式", U"提前", U"正常", U"需要", U"深圳", U"在深",
};
/* Latin word lists are one string each, every word between two spaces: held in place, not
 * pointed to, as every word list of the library (tables without relocations), and no longer
 * than their words. */
static const char latin_frame_words[] =
    " apply application applications rule rules policy policies process procedure procedures"
    " requirement requirements standard standards price prices time times hours days way ways"
    " information guide problem problems long much many need needs allowed cost costs get one"
    " pay shenzhen first opening open foreign foreigner foreigners guangdong business"
    " businesses ";

/* Words that ask for what no policy gives: a figure or a judgement. A measure sets a policy; it
 * does not give the price, the opening hours or the age limit a request for a figure wants, nor
 * say whether a purchase is worth it, which product is best or whether something is normal. So
 * such a word is kept as a term that no measure holds, weighing BEYOND_POLICY_RARE rare words
 * (szs_weigh).
 *
 * Figure words: how much, how it is worked out, at what hour, in which month, at what age, on
 * which day, what a service charges, when a place opens; and since 1.16 a charge named, 费用 and
 * fee (were frame words). 多少 and the 怎么 of 怎么算 are also stop words: here they are kept, not
 * cut. The other Latin ones are the word after how, what or opening. Not among them: how many (the
 * measures give counts, of libraries or parks, though most requests with 多少 ask a price or an
 * age) and how long (they promise times: how soon a complaint is handled, how early a warning
 * comes).
 *
 * Judgement words (since 1.16): worth it, recommended, tasty, handy, value for money, which shop
 * is good, is it normal; best (was a frame word), cheapest, recommend. Not among them: 靠谱
 * (reliable: requests ask for a reliable way the measures give, a lawyer or a mediator), 好看 (its
 * 看 begins 看病), 最好 (also "had better"), worth and better (a request weighs whether a school is
 * worth it, or a better way).
 *
 * Each table lists its figure words first, then its judgement words; the Latin words here are
 * such words wherever they stand, those after how, what or opening only there. */
static const uint32_t han_beyond_policy_words[][5] = {
    U"多少",   U"几点",   U"几月",     U"几岁",   U"几号",   U"收费", U"费用",
    U"怎么算", U"划算",   U"划不划算", U"值不值", U"值得",   U"推荐", U"好吃",
    U"好用",   U"正常吗", U"性价比",   U"哪家好", U"哪个好",
};
static const char latin_figure_askers[] = " how what opening ";
static const char latin_figure_words[] = " much time hours ";
static const char latin_beyond_policy_words[] = " fee fees best cheapest recommend recommended ";

/* English function words, dropped the same way (unless the query has nothing else): pronouns,
 * articles, auxiliaries, conjunctions, prepositions and the adverbs and quantifiers a sentence
 * is built with (more, also, only, all, even), which say how a request is asked, not what about.
 * Among the prepositions are the participles that serve as one (involving, regarding): as rare
 * words of the catalogue they weighed as a subject, and a measure holding one in passing ranked
 * above the one holding the request's subject. Sorted. */
static const char latin_stop_words[] =
    " a about across after again against all also am among an and any anyone anything are as"
    " at be because been before being between both but by can concerning could did do does"
    " don during each else even ever for from had has have he her here him his how i if in"
    " including into involving is it its just may me might more most must my no nor not of on"
    " only onto or other others our own per really regarding s shall she should so some"
    " someone something still such t than that the their them then there these they this"
    " those through to too toward towards until upon us very via was we were what when where"
    " whether which while who whom why will with within without would yet you your ";

static int is_han(uint32_t c)
{
    return c >= 0x2E80;
}

/* Longer than any word of the lists (the longest, applications and requirements, have 12
 * letters). */
enum { LATIN_LIST_WORD_MAX = 24 };

/* Whether the Latin word chars[0, n) is one of the words of list (each between two spaces): a
 * search for the word between spaces. */
static int latin_word_in(const char *list, const uint32_t *chars, uint32_t n)
{
    char key[LATIN_LIST_WORD_MAX + 3];
    if (n > LATIN_LIST_WORD_MAX)
        return 0;
    key[0] = ' ';
    for (uint32_t k = 0; k < n; k++) {
        if (chars[k] < 'a' || chars[k] > 'z')
            return 0; /* the lists hold words of letters */
        key[1 + k] = (char)chars[k];
    }
    key[n + 1] = ' ';
    key[n + 2] = '\0';
    return strstr(list, key) != NULL;
}

static int latin_stop(const uint32_t *chars, uint32_t n)
{
    return latin_word_in(latin_stop_words, chars, n);
}

static int is_frame_word(const uint32_t *chars, uint32_t n)
{
    if (n == 2 && chars[0] >= 0x2E80) {
        for (size_t w = 0; w < sizeof han_frame_words / sizeof han_frame_words[0]; w++)
            if (han_frame_words[w][0] == chars[0] && han_frame_words[w][1] == chars[1])
                return 1;
        return 0;
    }
    return latin_word_in(latin_frame_words, chars, n);
}

/* The length of the Han word asking for what no policy gives that chars (n characters) begins
 * with, or 0. */
static uint32_t han_beyond_policy_at(const uint32_t *chars, uint32_t n)
{
    for (size_t w = 0; w < sizeof han_beyond_policy_words / sizeof han_beyond_policy_words[0];
         w++) {
        const uint32_t *word = han_beyond_policy_words[w];
        uint32_t k = 0;
        while (k < n && word[k] && word[k] == chars[k])
            k++;
        if (!word[k])
            return k;
    }
    return 0;
}

enum { MAX_PIECES = SZS_MAX_BEST_TERMS };

/* The Han pieces of two characters or more, as chars [start, end): where a piece none of whose
 * bigrams occurs falls back to its characters (szs_analyse). */
typedef struct han_pieces {
    size_t count;
    uint32_t start[MAX_PIECES], end[MAX_PIECES];
} han_pieces;

typedef struct analysis {
    szs_query *q;
    int stops;          /* drop stop words */
    long previous_word; /* the word term just before, with only spaces since, or -1 */
    uint32_t previous_len;
    han_pieces *pieces;
    int figure_asked; /* the Latin word just before, with only spaces since, is how, what or
                         opening: the next may ask for a figure */
} analysis;

static void add_pair(szs_query *q, long a, long b, uint32_t delta)
{
    if (a < 0 || b < 0 || a == b || q->pair_count >= SZS_MAX_BEST_TERMS)
        return;
    q->pairs[q->pair_count++] = (szs_pair){(uint16_t)a, (uint16_t)b, delta};
}

/* Whether the two characters at chars are a bigram of the catalogue. */
static int catalogue_bigram(const uint32_t *chars)
{
    uint32_t gram, begin, past;
    return szs_gram_postings(SHZ_IX_BIGRAM_KEY(chars[0], chars[1]), &gram, &begin, &past);
}

/* A Han run chars [start, end): thesaurus words (the longest first, unless a word of the
 * catalogue runs into one) as one term each, stop words out, then each remaining piece as
 * overlapping bigrams, or as itself when it is one character. */
static void han_run(analysis *an, uint32_t start, uint32_t end)
{
    szs_query *q = an->q;
    uint32_t piece = start;
    for (uint32_t i = start; i <= end;) {
        uint32_t word =
            i < end && shzi_ix.thes_count ? szs_thesaurus_prefix(q->chars + i, end - i) : 0;
        /* Not where a word of the catalogue runs into it (环境保护 in 生态环境保护: 生态, 态环):
         * the catalogue's own word is the better reading. One bigram across the edge is
         * not enough; two characters that meet by chance often make one somewhere in the
         * catalogue (个社, of 662个社区, before any word that starts with 社). */
        if (word && i >= piece + 2 && catalogue_bigram(q->chars + i - 2) &&
            catalogue_bigram(q->chars + i - 1))
            word = 0;
        uint32_t beyond = i < end && !word ? han_beyond_policy_at(q->chars + i, end - i) : 0;
        uint32_t stop =
            i < end && !word && !beyond && an->stops ? szs_han_stop_at(q->chars + i, end - i) : 0;
        if (i < end && !stop && !word && !beyond) {
            i++;
            continue;
        }
        /* The piece [piece, i) ends here. */
        if (i - piece == 1) {
            add_term(q, piece, piece + 1, SZS_GRAM, best_room(q));
        } else if (i > piece) {
            if (an->pieces->count < MAX_PIECES) {
                an->pieces->start[an->pieces->count] = piece;
                an->pieces->end[an->pieces->count++] = i;
            }
            long previous = -1;
            for (uint32_t k = piece; k + 1 < i; k++) {
                long t = add_term(q, k, k + 2, SZS_GRAM, best_room(q));
                add_pair(q, previous, t, 1);
                previous = t;
            }
        }
        if (i == end)
            break;
        if (word || beyond) { /* whole: its bigrams would match other words */
            long t = add_term(q, i, i + word + beyond, SZS_GRAM, best_room(q));
            if (t >= 0 && word)
                q->terms[t].thesaurus = 1;
            else if (t >= 0)
                q->terms[t].beyond_policy = 1;
        }
        i += word + beyond + stop;
        piece = i;
    }
}

/* The word at chars [start, end) after the previous word, with only spaces between them: when
 * the thesaurus names the two as a phrase, a subject no measure addresses (car insurance, work
 * permit), the previous word's term becomes the phrase, with a space between its words, a
 * thesaurus word that nothing holds. Its words, each a word of the catalogue, would otherwise
 * answer the request with a measure about another kind of insurance or work. Returns whether
 * it did. */
static int latin_phrase(analysis *an, uint32_t start, uint32_t end)
{
    szs_query *q = an->q;
    long p = an->previous_word;
    if (p < 0 || (size_t)p + 1 != q->term_count || !shzi_ix.thes_count)
        return 0;
    szs_term *t = &q->terms[p];
    /* The last term, right before this word (not a repeat of an earlier one), and a word. */
    if (t->kind != SZS_WORD || t->phrase || t->beyond_policy || t->start + t->len != start ||
        end + 1 > q->char_room ||
        !szs_thesaurus_phrase(q->chars + t->start, t->len, q->chars + start, end - start))
        return 0;
    memmove(q->chars + start + 1, q->chars + start, (end - start) * sizeof *q->chars);
    q->chars[start] = ' ';
    t->len += end - start + 1;
    t->phrase = t->thesaurus = t->off_topic = 1;
    an->previous_word = -1;
    for (size_t i = 0; i < (size_t)p; i++) {
        if (same_chars(q, q->terms[i].start, q->terms[i].len, t->start, t->len)) {
            /* The phrase again: the earlier term stands for both, and the pair that led to
             * the dropped one goes with it (the place is the next term's). */
            q->term_count--;
            if (q->pair_count && q->pairs[q->pair_count - 1].b == p)
                q->pair_count--;
            break;
        }
    }
    return 1;
}

/* glued: Han characters touch the run on both sides, as the i of a name such as 深i企: a stop
 * word there is a letter of the name, not a function word. */
static void latin_run(analysis *an, uint32_t start, uint32_t end, int spaced_before, int glued)
{
    szs_query *q = an->q;
    const uint32_t *chars = q->chars + start;
    uint32_t n = end - start;
    int beyond = latin_word_in(latin_beyond_policy_words, chars, n) ||
                 (an->figure_asked && latin_word_in(latin_figure_words, chars, n));
    an->figure_asked = latin_word_in(latin_figure_askers, chars, n);
    if (an->stops && !glued && latin_stop(chars, n)) {
        an->previous_word = -1;
        return;
    }
    if (spaced_before && latin_phrase(an, start, end))
        return;
    long t = add_term(q, start, end, SZS_WORD, best_room(q));
    if (t >= 0 && beyond)
        q->terms[t].beyond_policy = 1;
    if (spaced_before)
        add_pair(q, an->previous_word, t, an->previous_len);
    an->previous_word = t;
    an->previous_len = n;
}

/* One pass of the analysis. Runs of one class end at spaces, quotes, ignored characters
 * (punctuation) and where Han meets Latin. */
static shz_status analyse_pass(const char *text, size_t len, szs_query *q, int stops,
                               han_pieces *pieces)
{
    const unsigned char *s = (const unsigned char *)text;
    /* cppcheck-suppress ctuuninitvar ; pieces is filled here, from count = 0 just below */
    analysis an = {q, stops, -1, 0, pieces, 0};
    pieces->count = 0;
    uint32_t used = 0, run = 0;
    int run_han = 0, in_phrase = 0, spaced = 0, any = 0;
    int han_touches = 0; /* the run follows a Han run with nothing between them */
    q->term_count = q->pair_count = 0;
    for (size_t i = 0; i <= len;) {
        uint32_t cp = 0, folded = 0;
        int brk = 1;
        if (i < len) {
            size_t n = szs_utf8_decode(s + i, len - i, &cp);
            if (n == 0)
                return SHZ_ERR_BAD_UTF8;
            i += n;
            if (is_quote(cp))
                in_phrase = !in_phrase;
            else if (!szs_is_space(cp))
                folded = szs_fold(cp);
            any |= folded != 0;
            brk = !folded || (used > run && is_han(folded) != run_han);
        } else {
            i++;
        }
        if (brk && used > run) {
            uint32_t start = run, end = used;
            int next_han = folded && is_han(folded);
            if (run_han) {
                han_run(&an, start, end);
                an.previous_word = -1;
                an.figure_asked = 0;
            } else {
                latin_run(&an, start, end, spaced, han_touches && next_han);
            }
            han_touches = run_han && folded && !next_han;
            run = used = chars_used(q);
            spaced = 0;
        }
        if (!folded) {
            if (cp && !szs_is_space(cp) && !is_quote(cp)) {
                an.previous_word = -1; /* punctuation breaks a phrase */
                an.figure_asked = 0;
            } else
                spaced = 1;
            continue;
        }
        if (used == run)
            run_han = is_han(folded);
        q->chars[used++] = folded;
    }
    if (in_phrase)
        return SHZ_ERR_BAD_QUERY;
    return any ? SHZ_OK : SHZ_ERR_EMPTY_QUERY;
}

/* The word table entry of a string of code points (ASCII only), or SHZ_IX_NO_ENTRY. */
static uint32_t word_entry(const unsigned char *s, size_t len)
{
    if (shzi_ix.word_count == 0)
        return SHZ_IX_NO_ENTRY;
    uint32_t mask = (UINT32_C(1) << shzi_ix.word_slot_bits) - 1;
    for (uint32_t slot = shzi_ix_word_hash(s, len, shzi_ix.word_slot_bits);;
         slot = (slot + 1) & mask) {
        uint32_t entry = shzi_ix_u32(shzi_ix.word_slots, slot);
        if (entry == 0)
            return SHZ_IX_NO_ENTRY;
        entry--;
        uint32_t n;
        const unsigned char *text = shzi_ix_word_text(entry, &n);
        if (n == len && memcmp(text, s, len) == 0)
            return entry;
    }
}

/* Whether Snowball's stem of the a-z word could be one the index has, by its prefix (index_data.h,
 * stem_prefix): most words the index does not have (pinyin, typos) need no stemmer. */
static int may_have_stem(const unsigned char *w, size_t len)
{
    static const char exceptions[][6] = {"dying", "lying", "tying", "skies"};
    uint32_t bit;
    int two = len == 3;
    for (size_t i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++)
        two |= len == strlen(exceptions[i]) && !memcmp(w, exceptions[i], len);
    if (two)
        bit = SHZ_IX_PREFIX2(w[0] - 'a', w[1] - 'a');
    else
        bit = SHZ_IX_PREFIX3(w[0] - 'a', w[1] - 'a', w[2] - 'a');
    return (shzi_ix_u32(shzi_ix.stem_prefix, bit / 32) >> (bit % 32) & 1u) != 0;
}

/* The stem entry of the a-z word w: the stem the index recorded for it when the index has the
 * word, else Snowball's stem of it (stem.c: the generator stemmed the index with Snowball too) if
 * the index has that, else SHZ_IX_NO_ENTRY; a word of under three letters that the index does
 * not have is not stemmed. */
static uint32_t find_stem(const unsigned char *w, size_t len)
{
    uint32_t entry = word_entry(w, len);
    uint32_t stem =
        entry != SHZ_IX_NO_ENTRY ? shzi_ix_u32(shzi_ix.word_stem, entry) : SHZ_IX_NO_ENTRY;
    /* An entry that is only a stem (mark, of marks) records none: it is stemmed like others. */
    if (stem != SHZ_IX_NO_ENTRY || len < 3 || !may_have_stem(w, len))
        return stem;
    unsigned char stemmed[SZS_STEM_MAX];
    return word_entry(stemmed, szs_stem_english(w, len, stemmed));
}

/* British spellings and the American ones the catalogue's English uses (offence, labour,
 * organise, organisation, analyse, centre, catalogue, travelled, programme): the same words,
 * so a word the index lacks is looked up in its American spelling before tolerance guesses at a
 * typo. The last British part in the word is rewritten, and the outcome counts only when the
 * index has it (or its stem): a word that merely holds the letters is unaffected. Words of under
 * SPELLING_MIN_LEN letters are left alone: among short words a rewrite mostly makes another word
 * (our -> or, tour -> tor). */
enum { SPELLING_MIN_LEN = 5 };
static const char spelling_rules[][2][5] = {
    {"ence", "ense"}, {"our", "or"},  {"ise", "ize"}, {"isi", "izi"},
    {"isa", "iza"},   {"yse", "yze"}, {"ysi", "yzi"}, {"tre", "ter"},
    {"ogue", "og"},   {"lle", "le"},  {"lli", "li"},  {"mme", "m"},
};

/* The American spelling of the word w of len letters into out (room for len letters): its
 * length, or 0 if w holds no British part. */
static size_t american_spelling(const unsigned char *w, size_t len, unsigned char *out)
{
    for (size_t at = len; at-- > 0;) {
        for (size_t r = 0; r < sizeof spelling_rules / sizeof spelling_rules[0]; r++) {
            const char *from = spelling_rules[r][0], *to = spelling_rules[r][1];
            if (w[at] != (unsigned char)from[0])
                continue;
            size_t n = strlen(from), m = strlen(to);
            if (at + n > len || memcmp(w + at, from, n) != 0)
                continue;
            memcpy(out, w, at);
            for (size_t i = 0; i < m; i++) /* the letters only, without the terminator */
                out[at + i] = (unsigned char)to[i];
            memcpy(out + at + m, w + at + n, len - at - n);
            return len - n + m;
        }
    }
    return 0;
}

/* Finds the stem postings of a word (find_stem), or of its American spelling when the index
 * has neither the word nor its stem. */
static void plan_stem(szs_term *t, const uint32_t *chars)
{
    unsigned char word[64], other[64];
    t->stem_begin = t->stem_end = 0;
    if (t->len >= sizeof word)
        return;
    for (uint32_t k = 0; k < t->len; k++) {
        if (chars[k] < 'a' || chars[k] > 'z')
            return; /* only English words are stemmed */
        word[k] = (unsigned char)chars[k];
    }
    uint32_t stem = find_stem(word, t->len);
    if (stem == SHZ_IX_NO_ENTRY && t->len >= SPELLING_MIN_LEN) {
        size_t n = american_spelling(word, t->len, other);
        if (n)
            stem = find_stem(other, n);
    }
    if (stem == SHZ_IX_NO_ENTRY)
        return;
    t->stem_begin = shzi_ix_word_first(stem);
    t->stem_end = shzi_ix_word_first(stem + 1);
    t->idf = shzi_ix_u32(shzi_ix.word_idf, stem);
}

/* Looks a best-match term up: its gram (or a word's rarest gram), stem and IDF. */
static void plan_best_term(szs_term *t, const uint32_t *chars)
{
    uint32_t gram, best = UINT32_MAX, best_gram = 0;
    t->post_begin = t->post_end = 0;
    t->idf = 0;
    if (t->len == 1) {
        if (szs_gram_postings(chars[0], &gram, &t->post_begin, &t->post_end))
            best_gram = gram, best = 0;
    } else {
        for (uint32_t k = 0; k + 1 < t->len; k++) {
            uint32_t begin, end;
            if (!szs_gram_postings(SHZ_IX_BIGRAM_KEY(chars[k], chars[k + 1]), &gram, &begin,
                                   &end)) {
                t->post_begin = t->post_end = 0;
                best = UINT32_MAX;
                break;
            }
            if (end - begin < best) {
                best = end - begin;
                best_gram = gram;
                t->rare_offset = k;
                t->post_begin = begin;
                t->post_end = end;
            }
        }
    }
    if (best != UINT32_MAX)
        t->idf = szs_gram_idf(best_gram);
    if (t->kind == SZS_WORD)
        plan_stem(t, chars);
    t->live = t->post_end > t->post_begin || t->stem_end > t->stem_begin;
    t->cursor = t->measure_begin = t->post_begin;
    t->stem_cursor = t->stem_begin;
}

/* Adds chars[0..len) (normalized) as a tolerant alternative of reported term origin; 0 when there
 * is no room. */
static int add_alternative(szs_query *q, size_t origin, const uint32_t *chars, uint32_t len,
                           uint8_t likelihood)
{
    uint32_t at = chars_used(q);
    if (origin >= q->reported || len == 0 || at + len > q->char_room ||
        q->term_count >= q->term_room)
        return 0;
    memcpy(q->chars + at, chars, len * sizeof *chars);
    szs_term *t = &q->terms[q->term_count];
    memset(t, 0, sizeof *t);
    t->start = at;
    t->len = len;
    t->kind = is_han(chars[0]) ? SZS_GRAM : SZS_WORD;
    t->order = (uint16_t)q->term_count;
    t->origin = (uint16_t)origin;
    t->tolerant = 1;
    plan_best_term(t, q->chars + at);
    t->likelihood = likelihood;
    q->term_count++;
    /* A term found only through its alternatives weighs as they do in the rule's mass. */
    szs_term *o = &q->terms[origin];
    if (t->live && !o->live) {
        o->live = 1;
        o->idf = t->idf;
        q->live_mass += o->idf;
        q->live_count++;
    }
    return 1;
}

/* What an uncovered character weighs in the precision rule, in quarters of a rare term. A lone
 * one between known words weighs as a character of an unknown two-character word (half a rare
 * term, so the pair a rare one). A stretch of three or more is mostly a colloquial clause around
 * the request's subject (想来想去, 等了半天): at half a rare term a character, a long plain
 * request lost to it the share that its covered words hold. A long question about something the
 * catalogue lacks now holds more of a covered word's share too: on the development sets two did
 * find a measure, and on the sets written apart from the rules none more did. */
enum { LONE_UNKNOWN_QUARTERS = 2, CLAUSE_UNKNOWN_QUARTERS = 1 };

/* Whether the bigram at chars [k, k + 2) is a live term. */
static int bigram_live(const szs_query *q, uint32_t k)
{
    for (size_t i = 0; i < q->term_count; i++)
        if (q->terms[i].live && same_chars(q, q->terms[i].start, q->terms[i].len, k, 2))
            return 1;
    return 0;
}

/* The reported term of the bigram at chars [k, k + 2) among the first count terms, or -1. */
static long reported_bigram(const szs_query *q, uint32_t k, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (q->terms[i].kind == SZS_GRAM && same_chars(q, q->terms[i].start, q->terms[i].len, k, 2))
            return (long)i;
    return -1;
}

shz_status szs_analyse(const char *text, size_t len, szs_query *q)
{
    han_pieces pieces; /* analyse_pass sets its count before anything reads it */
    shz_status status = analyse_pass(text, len, q, 1, &pieces);
    if (status == SHZ_OK && q->term_count == 0) /* only stop words: search for them after all */
        status = analyse_pass(text, len, q, 0, &pieces);
    if (status != SHZ_OK)
        return status;
    size_t planned = 0;
    for (size_t i = 0; i < q->term_count; i++) {
        szs_term *t = &q->terms[i];
        if (t->beyond_policy || t->phrase)
            continue; /* no measure holds one, whatever its letters match: it keeps add_term's
                         empty postings, not live */
        plan_best_term(t, q->chars + t->start);
        /* A word without a stem in the index occurs only where it is a whole word: letters of it
         * inside other words (pet in competition) are not it. */
        if (t->kind == SZS_WORD && t->live && t->stem_end == t->stem_begin &&
            !szs_term_occurs(t, q->chars)) {
            t->live = 0;
            t->post_end = t->post_begin;
        }
    }
    planned = q->term_count;
    /* A Han piece none of whose bigrams occurs anywhere (a word the catalogue does not use, a
     * homophone typed for a word) is searched by its characters too, as a segmenter would
     * split an unknown word: its bigrams stay reported, matching nothing. So is a stretch of
     * exactly two characters of a piece that no live bigram covers, between known words or at
     * the piece's end: most words are two characters, and such a pair is a word the catalogue
     * does not use. A lone uncovered character is mostly a function character joining two
     * words (等, 在), and a longer stretch mostly a colloquial clause: their characters would
     * match at random. */
    uint64_t live_at[SHZ_QUERY_MAX / 64 + 1]; /* bit k: the bigram at chars [k, k + 2) is live */
    int dead = 0;                             /* some bigram of a piece is not */
    if (pieces.count) {
        memset(live_at, 0, ((chars_used(q) >> 6) + 1) * sizeof live_at[0]);
        for (size_t i = 0; i < q->term_count; i++)
            if (q->terms[i].kind == SZS_GRAM && q->terms[i].len == 2 && q->terms[i].live)
                live_at[q->terms[i].start >> 6] |= UINT64_C(1) << (q->terms[i].start & 63);
    }
    for (size_t p = 0; p < pieces.count; p++) /* a repeated bigram's term is at its first place */
        for (uint32_t k = pieces.start[p]; k + 1 < pieces.end[p]; k++) {
            if (live_at[k >> 6] >> (k & 63) & 1)
                continue;
            if (bigram_live(q, k))
                live_at[k >> 6] |= UINT64_C(1) << (k & 63);
            else
                dead = 1;
        }
    for (size_t p = 0; dead && p < pieces.count; p++) {
        uint32_t start = pieces.start[p], end = pieces.end[p];
        for (uint32_t k = start; k < end;) {
            uint32_t past = k; /* the stretch of uncovered characters [k, past) */
            while (past < end &&
                   !(past > start && live_at[(past - 1) >> 6] >> ((past - 1) & 63) & 1) &&
                   !(past + 1 < end && live_at[past >> 6] >> (past & 63) & 1))
                past++;
            int whole = k == start && past == end;
            if (past - k == 2) {
                long t = reported_bigram(q, k, planned);
                if (t >= 0)
                    q->terms[t].two_unknown = 1;
            }
            if (whole || past - k == 2) {
                for (uint32_t c = k; c < past; c++) {
                    long t = add_term(q, c, c + 1, SZS_GRAM, best_room(q));
                    if (t >= (long)planned)
                        q->terms[t].part = whole ? SZS_PART_PIECE : SZS_PART_GAP;
                }
            } else {
                /* Not searched by its characters, the unknown word still weighs: each of its
                 * characters through the dead bigram it starts (or ends, at the piece's end),
                 * a lone one as half a rare term, as a character of a two-character word; one
                 * of a longer stretch, a clause around the subject, as a quarter. */
                unsigned quarters = past - k == 1 ? LONE_UNKNOWN_QUARTERS : CLAUSE_UNKNOWN_QUARTERS;
                for (uint32_t c = k; c < past; c++) {
                    long t = reported_bigram(q, c + 1 < end ? c : c - 1, planned);
                    if (t >= 0 && q->terms[t].unknown <= UINT8_MAX - quarters)
                        q->terms[t].unknown = (uint8_t)(q->terms[t].unknown + quarters);
                }
            }
            k = past > k ? past : k + 1;
        }
    }
    for (size_t i = planned; i < q->term_count; i++)
        plan_best_term(&q->terms[i], q->chars + q->terms[i].start);
    q->reported = q->term_count;
    q->live_mass = 0;
    q->live_count = 0;
    for (size_t i = 0; i < q->term_count; i++) {
        if (q->terms[i].live) {
            q->live_mass += q->terms[i].idf;
            q->live_count++;
        }
    }
    /* The catalogue words of the thesaurus's words (thesaurus.c), and the alternatives of the
     * other terms the index cannot match (tolerance.c). */
    szs_alternative found[SZS_MAX_EXPANSIONS];
    for (size_t i = 0; i < q->reported; i++) {
        szs_term *t = &q->terms[i];
        if (t->beyond_policy || t->phrase)
            continue; /* a phrase is off topic already (latin_phrase) */
        /* A Han thesaurus word is one han_run kept whole; a bigram that spells one where it
         * was not taken (a word of the catalogue runs into it) is read as a bigram. A word the
         * index has, or whose stem it has, has no row (the generator refuses one). */
        int latin_absent =
            t->kind == SZS_WORD && t->len >= 2 && !t->live && t->stem_begin == t->stem_end;
        long listed = t->thesaurus || latin_absent
                          ? szs_thesaurus_alternatives(q->chars + t->start, t->len, found)
                          : -1;
        t->thesaurus = listed >= 0;
        t->off_topic = listed == 0;
        size_t n = listed >= 0 ? (size_t)listed : szs_alternatives(q, i, found);
        for (size_t k = 0; k < n; k++)
            if (!add_alternative(q, i, found[k].chars, found[k].len, found[k].likelihood))
                break;
    }
    szs_weigh(q);
    return SHZ_OK;
}

/* ---- the precision rule's weights --------------------------------------- */

/* A word the thesaurus names as a subject no measure addresses weighs this many rare words. Beside
 * it, one word of the catalogue, however rare and however firmly held, reaches at most 1/13 of the
 * query's weight, below min_relevance's default share: a hit must hold two words of the query at
 * least, and two rare ones firmly (2/14), not two weaker ones (the two bigrams of 图书馆) nor two
 * common ones. Eight (1.7.0 to 1.12.0) let those through; on the development sets sixteen began to
 * hide requests that name such a subject as their setting. A query about such a subject is not
 * answered by a word of it in passing, while a question on a covered subject that mentions one in
 * passing still is, by its other words. */
enum { OFF_TOPIC_RARE = 12 };

/* A word asking for what no policy gives (多少, how much, 划算, best) weighs this many rare words,
 * and no measure holds it. A short request for a price, an hour or an age is then answered only
 * by a hit that holds the rest firmly, and one that shares only its setting (a park, a hospital,
 * a port) with it is not; in a long request the same weight is a smaller part, so one that asks
 * a figure in passing is still answered. Chosen on the development sets: four stopped ten of the
 * fifteen out-of-scope requests that eight stops, and twelve began to hide requests whose measure
 * gives the figure (at what hour kitchen waste is collected). */
enum { BEYOND_POLICY_RARE = 8 };

/* A long request (a sentence of rare words, or a paragraph) names its subject among many words
 * about the asker's situation, and no measure holds all of them: measured against its whole
 * weight, the measure that answers it would hold too small a share to pass the precision rule,
 * and a hit's relevance would fall with every word added. So the weight of the words the
 * catalogue has counts in full up to SZS_LONG_QUERY_RARE rare terms, and SZS_LONG_QUERY_PERCENT
 * beyond: a longer query asks a hit for a smaller share, though still a growing amount. What
 * the catalogue does not have (unknown words and characters, subjects no measure addresses)
 * keeps its full weight, so a long question about such a subject still finds nothing.
 * weight: the query's; unknown: the part of it the catalogue does not have. */
static uint64_t measure_of(uint64_t weight, uint64_t unknown, uint32_t rare)
{
    uint64_t known = weight - unknown, short_query = (uint64_t)SZS_LONG_QUERY_RARE * rare;
    if (known > short_query)
        known = short_query + (known - short_query) * SZS_LONG_QUERY_PERCENT / 100;
    return known + unknown;
}

void szs_weigh(szs_query *q)
{
    uint32_t rare = shzi_ix.rare_idf;
    uint64_t informative = 0, words = 0, not_had = 0;
    q->weight = 0;
    for (size_t i = 0; i < q->reported; i++) {
        szs_term *t = &q->terms[i];
        uint64_t unknown = (uint64_t)t->unknown * (rare / 4);
        /* A word or character the catalogue does not have, a thesaurus word among them. */
        int absent = t->thesaurus || (!t->part && !t->live && (t->kind == SZS_WORD || t->len == 1));
        int had = 0; /* the catalogue has it: a thesaurus word's meaning, a term by its IDF */
        if (t->beyond_policy)
            t->weight = BEYOND_POLICY_RARE * rare;
        else if (t->off_topic)
            t->weight = OFF_TOPIC_RARE * rare;
        else if (absent) {
            t->weight = rare;
            had = t->thesaurus;
        } else if (t->part)
            t->weight = rare / 2; /* an unknown word of two characters weighs a rare term */
        else if (t->live) {
            had = t->idf > unknown;
            t->weight = had ? t->idf : (uint32_t)unknown;
        } else
            t->weight = (uint32_t)unknown; /* its share of an unknown word, or 0 where two
                                              known words meet */
        /* A lone Han character says less than a word: in a request it is mostly a verb or
         * a feeling around the subject (交, 贵, 怕), so it weighs half. */
        if (t->kind == SZS_GRAM && t->len == 1 && !t->part)
            t->weight /= 2;
        q->weight += t->weight;
        if (!had)
            not_had += t->weight;
        /* Words: Han bigrams and Latin or digit words, not lone characters; those that say
         * what the query is about, not what kind of answer it wants. */
        if (i < 64 && !t->part && (t->kind == SZS_WORD || t->len >= 2)) {
            words |= UINT64_C(1) << i;
            if (!t->beyond_policy && !is_frame_word(q->chars + t->start, t->len))
                informative |= UINT64_C(1) << i;
        }
    }
    /* A query of such words only is held by its words, one of lone characters by them. */
    q->informative = informative ? informative : words ? words : ~UINT64_C(0);
    q->measure = measure_of(q->weight, not_had, rare);
}
