/*
 * The Han stop words of best-match queries: question and function words, and the words of
 * conversation around a request. query.c cuts them out of a Han run before splitting it into
 * bigrams.
 */
#include "stop_words.h"

/* Question and function words, and the words of conversation around a request: the adverbs a
 * question hedges with (大概, 一般, 最近), connectives (但是, 因为, 虽然), pronouns (自己, 大家),
 * words that report the asking (听说, 想知道, 请教) and adverbs of time and manner (一直, 突然).
 * They say how something is asked, not what about. Left in, each would weigh as a word the
 * catalogue does not have and dilute a long request's subject below the precision rule's share.
 * None of two characters or more is part of a measure's title, keyword or alias (the unit test
 * checks it): cutting it would cut what a query is meant to find. 深圳 is not among them: it is a
 * content word, and its IDF (it occurs in almost every measure) already makes its weight almost
 * nil.
 *
 * Sorted by first character (code point), longer words first among those that share it, so a
 * lookup is a binary search on the first character (tests/unit/test_stop_words.c checks the
 * order). The words are held in place, not pointed to: a table without relocations; a word of
 * SZS_STOP_WORD_MAX characters has no terminator. */
static const uint32_t han_stop_words[][SZS_STOP_WORD_MAX] = {
    U"一下",   U"一些",     U"一样",   U"一点", U"一直",   U"一般",   U"不知道", U"不会",   U"不是",
    U"不管",   U"不要",     U"不过",   U"与",   U"为什么", U"为啥",   U"之前",   U"之后",   U"也许",
    U"也",     U"了",       U"于是",   U"什么", U"他们",   U"以前",   U"以后",   U"会不会", U"估计",
    U"但是",   U"你们",     U"你",     U"关于", U"其实",   U"准备",   U"刚刚",   U"刚才",   U"别人",
    U"别的",   U"到底",     U"即使",   U"原来", U"又",     U"及",     U"另外",   U"只是",   U"只有",
    U"只要",   U"可不可以", U"可以",   U"可能", U"吗",     U"吧",     U"听说",   U"告诉",   U"呢",
    U"咋办",   U"咋",       U"和",     U"咱们", U"哪个",   U"哪些",   U"哪儿",   U"哪怕",   U"哪里",
    U"啥",     U"因为",     U"因此",   U"多久", U"多少",   U"大家",   U"大概",   U"大约",   U"太",
    U"好像",   U"好多",     U"如何",   U"如果", U"居然",   U"左右",   U"差不多", U"已经",   U"希望",
    U"帮忙",   U"应该",     U"当时",   U"很多", U"很",     U"怎么办", U"怎么样", U"怎么",   U"怎样",
    U"总是",   U"想知道",   U"想问",   U"想",   U"感觉",   U"我们",   U"我",     U"或许",   U"所以",
    U"打算",   U"把",       U"据说",   U"无论", U"时候",   U"是不是", U"是否",   U"是",     U"最近",
    U"有没有", U"有些",     U"有点",   U"本来", U"查查",   U"此外",   U"每天",   U"每次",   U"比较",
    U"求助",   U"没有",     U"然后",   U"然而", U"现在",   U"的话",   U"的",     U"看看",   U"真的",
    U"知道",   U"确实",     U"究竟",   U"突然", U"立刻",   U"竟然",   U"终于",   U"经常",   U"罢了",
    U"老是",   U"而且",     U"而已",   U"而是", U"肯定",   U"能不能", U"能否",   U"能够",   U"自己",
    U"虽然",   U"被",       U"要不要", U"觉得", U"许多",   U"请教",   U"请问",   U"谁",     U"赶紧",
    U"还是",   U"还有",     U"还能",   U"这个", U"这么",   U"这些",   U"这样",   U"这种",   U"那个",
    U"那么",   U"那些",     U"那样",   U"那种", U"都",     U"问问",   U"除了",   U"非常",   U"马上",
};

enum { STOP_WORD_COUNT = sizeof han_stop_words / sizeof han_stop_words[0] };

size_t szs_han_stop_word_count(void)
{
    return STOP_WORD_COUNT;
}

const uint32_t *szs_han_stop_word(size_t index)
{
    return index < STOP_WORD_COUNT ? han_stop_words[index] : NULL;
}

uint32_t szs_han_stop_at(const uint32_t *chars, uint32_t n)
{
    if (n == 0)
        return 0;
    /* The first word whose first character is chars[0] or after it. The halving is the same for
     * every character (a select, not a branch), which most query characters do not mispredict. */
    size_t lo = 0, left = STOP_WORD_COUNT;
    while (left > 1) {
        size_t half = left / 2;
        lo = han_stop_words[lo + half - 1][0] < chars[0] ? lo + half : lo;
        left -= half;
    }
    lo += han_stop_words[lo][0] < chars[0];
    for (size_t w = lo; w < STOP_WORD_COUNT && han_stop_words[w][0] == chars[0]; w++) {
        const uint32_t *s = han_stop_words[w];
        uint32_t k = 1;
        while (k < n && k < SZS_STOP_WORD_MAX && s[k] && s[k] == chars[k])
            k++;
        if (k == SZS_STOP_WORD_MAX || !s[k])
            return k;
    }
    return 0;
}
