/*
 * The command's text rendering (libshenzhen/cli/render.c) on text the
 * catalogue does not hold: tabs, newlines, control characters, malformed
 * UTF-8, highlights across line breaks, widths below the smallest line.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cli/outbuf.h"
#include "cli/render.h"

#define REPLACEMENT "\xEF\xBF\xBD"

static char *clean(const char *s)
{
    outbuf ob;
    outbuf_init(&ob);
    render_clean(&ob, s, strlen(s));
    cr_assert(!outbuf_failed(&ob));
    return ob.data ? ob.data : calloc(1, 1);
}

Test(render, clean_turns_whitespace_into_spaces_and_drops_controls)
{
    char *out = clean("a\tb\nc");
    cr_expect_str_eq(out, "a b c");
    free(out);
    out = clean("x\x01\x1B[31my\x7F\xC2\x85z"); /* C0, ESC, DEL, C1 (U+0085) */
    cr_expect_str_eq(out, "x[31myz");
    free(out);
    out = clean("ok\xFF\xC3(");
    cr_expect_str_eq(out, "ok" REPLACEMENT REPLACEMENT "(");
    free(out);
}

static char *fit(const char *s, size_t width, bool pad, size_t *used)
{
    outbuf ob;
    outbuf_init(&ob);
    *used = render_fit(&ob, s, strlen(s), width, pad);
    return ob.data ? ob.data : calloc(1, 1);
}

Test(render, fit_cuts_with_an_ellipsis_and_pads)
{
    size_t used;
    char *out = fit("abc", 5, false, &used);
    cr_expect_str_eq(out, "abc");
    cr_expect_eq(used, 3);
    free(out);
    out = fit("abc", 5, true, &used);
    cr_expect_str_eq(out, "abc  ");
    cr_expect_eq(used, 5);
    free(out);
    out = fit("abcdef", 4, false, &used);
    cr_expect_str_eq(out, "abc…");
    cr_expect_eq(used, 4);
    free(out);
    /* a tab counts one column, as the space it becomes */
    out = fit("a\tbcdef", 4, true, &used);
    cr_expect_str_eq(out, "a b…");
    free(out);
    /* a wide character that would straddle the edge is left out */
    out = fit("中文字", 5, true, &used);
    cr_expect_str_eq(out, "中文…");
    cr_expect_eq(used, 5);
    free(out);
    out = fit("中文字", 4, true, &used);
    cr_expect_str_eq(out, "中… ");
    free(out);
    /* no room at all: nothing */
    out = fit("abc", 0, false, &used);
    cr_expect_str_eq(out, "");
    cr_expect_eq(used, 0);
    free(out);
}

/* Display width of a line: ASCII and CJK only here, escapes skipped. */
static size_t line_width(const char *s, size_t len)
{
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x1B) {
            while (i < len && s[i] != 'm')
                i++;
            i++;
        } else if (c >= 0xE0) {
            w += 2;
            i += 3;
        } else {
            w += 1;
            i += 1;
        }
    }
    return w;
}

static char *wrap(const char *s, size_t width, size_t indent, const unsigned char *mark)
{
    outbuf ob;
    outbuf_init(&ob);
    wrap_style style = {width, indent, mark, "<", ">"};
    render_wrap(&ob, s, strlen(s), &style);
    cr_assert(!outbuf_failed(&ob));
    return ob.data;
}

static void assert_lines_within(const char *out, size_t width)
{
    for (const char *line = out; *line;) {
        size_t len = strcspn(line, "\n");
        cr_expect_leq(line_width(line, len), width, "line wider than %zu: '%.*s'", width, (int)len,
                      line);
        line += len + (line[len] == '\n');
    }
}

Test(render, wrap_breaks_at_spaces_and_between_wide_characters)
{
    char *out = wrap("aaaa bbbb cccc dddd", 16, 4, NULL);
    cr_expect_str_eq(out, "aaaa bbbb\n    cccc dddd\n"); /* the first line starts at the indent */
    assert_lines_within(out, 16);
    free(out);
    out = wrap("中文字中文字中文字", 12, 4, NULL);
    cr_expect_str_eq(out, "中文字中\n    文字中文\n    字\n");
    free(out);
    /* a newline in the text starts an indented line; spaces after it are dropped */
    out = wrap("one\n  two", 40, 2, NULL);
    cr_expect_str_eq(out, "one\n  two\n");
    free(out);
    /* tabs separate words as spaces do */
    out = wrap("one\ttwo", 40, 0, NULL);
    cr_expect_str_eq(out, "one two\n");
    free(out);
}

/* A line narrower than the indent plus 8 columns gets those 8 columns. */
Test(render, wrap_keeps_eight_columns_past_the_indent)
{
    char *out = wrap("abcdefgh ijklmnop", 5, 4, NULL);
    cr_expect_str_eq(out, "abcdefgh\n    ijklmnop\n");
    free(out);
    /* a word longer than the line is broken inside it */
    out = wrap("abcdefghijkl", 10, 2, NULL);
    cr_expect_str_eq(out, "abcdefgh\n  ijkl\n");
    free(out);
}

/* A highlight is closed at the end of each line and opened again on the next
 * where the text is still highlighted; the space between two highlighted words
 * is highlighted too. */
Test(render, wrap_highlights_across_lines)
{
    const char *text = "aa bb cc dd";
    unsigned char mark[12] = {0};
    memset(mark + 3, 1, 5); /* "bb cc" */
    char *out = wrap(text, 8, 0, mark);
    cr_expect_str_eq(out, "aa <bb cc>\ndd\n"); /* no empty highlight on the new line */
    free(out);
    memset(mark, 0, sizeof mark);
    memset(mark + 3, 1, 2); /* "bb" only */
    out = wrap(text, 40, 0, mark);
    cr_expect_str_eq(out, "aa <bb> cc dd\n");
    free(out);
    /* a highlighted word broken inside, across the line's end */
    const char *word = "abcdefghijkl";
    unsigned char all[13];
    memset(all, 1, sizeof all);
    out = wrap(word, 10, 2, all);
    cr_expect_str_eq(out, "<abcdefgh>\n  <ijkl>\n");
    free(out);
}

Test(render, mark_occurrences_marks_each_one)
{
    unsigned char mark[8] = {0};
    mark_occurrences(mark, "abcabca", 7, "abc", 3);
    const unsigned char want[8] = {1, 1, 1, 1, 1, 1, 0, 0};
    cr_expect_arr_eq(mark, want, 8);
    unsigned char none[4] = {0};
    const unsigned char zero[4] = {0};
    mark_occurrences(none, "abc", 3, "", 0);
    cr_expect_arr_eq(none, zero, 4);
    mark_occurrences(none, "ab", 2, "abc", 3);
    cr_expect_arr_eq(none, zero, 4);
}

Test(render, widths)
{
    cr_expect_eq(text_width("a中\xFF", 5), 1 + 2 + 1); /* U+FFFD is one column */
    cr_expect_eq(char_width(0x0301), 0);               /* a combining mark */
    cr_expect_eq(char_width(0xFF21), 2);               /* fullwidth A */
    cr_expect(utf8_valid("中", 3));
    cr_expect(!utf8_valid("\xE4\xB8", 2));
}

/* ---- the output buffer ------------------------------------------------------ */

/* A request the buffer cannot hold (its size would overflow) and a format that cannot be
 * formatted both mark it failed, as an allocation failure does: what it held stays, and later
 * appends do nothing, so the command reports the failure instead of a cut output. */
Test(outbuf, a_request_too_large_or_unformattable_fails_the_buffer)
{
    outbuf ob;
    outbuf_init(&ob);
    outbuf_puts(&ob, "kept");
    outbuf_repeat(&ob, 'x', (size_t)-1 / 2);
    cr_assert(outbuf_failed(&ob));
    cr_assert_eq(ob.len, 4);
    cr_assert_str_eq(ob.data, "kept");
    outbuf_puts(&ob, " more");
    outbuf_printf(&ob, "%d", 5);
    cr_assert_eq(ob.len, 4, "appended after the failure");
    outbuf_free(&ob);

    outbuf_init(&ob);
    outbuf_append(&ob, "a", (size_t)-1 - 8);
    cr_assert(outbuf_failed(&ob));
    cr_assert_eq(ob.len, 0);
    outbuf_free(&ob);

    /* A wide character outside the C locale's charset: vsnprintf fails (EILSEQ). */
    static const wchar_t han[] = {0x4E2D, 0};
    outbuf_init(&ob);
    outbuf_printf(&ob, "a%lsb", han);
    cr_assert(outbuf_failed(&ob));
    cr_assert_eq(ob.len, 0);
    outbuf_free(&ob);

    outbuf_init(&ob); /* and a buffer that fits grows as it should */
    outbuf_repeat(&ob, 'y', 1000);
    outbuf_printf(&ob, "%s%d", "z", 7);
    cr_assert(!outbuf_failed(&ob));
    cr_assert_eq(ob.len, 1002);
    cr_assert_str_eq(ob.data + 998, "yyz7");
    outbuf_free(&ob);
}
