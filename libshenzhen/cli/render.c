/* Display width, wrapping, fitted cells and highlighting for the shenzhen command. */
#include "render.h"

#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */
#define ELLIPSIS "\xE2\x80\xA6"    /* U+2026, one column */

/* May not start a line: closing brackets and quotes, pauses, stops. */
static const uint32_t no_start[] = {
    '!',    ')',    ',',    '.',    ':',    ';',    '?',    ']',    '}',    0x2019, 0x201D,
    0x2026, 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x30FC,
    0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,
};

/* May not end a line: opening brackets and quotes. */
static const uint32_t no_end[] = {
    '(',    '[',    '{',    0x2018, 0x201C, 0x3008, 0x300A, 0x300C,
    0x300E, 0x3010, 0x3014, 0x3016, 0xFF08, 0xFF3B, 0xFF5B,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool in_list(uint32_t cp, const uint32_t *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == cp)
            return true;
    return false;
}

static bool is_control(uint32_t cp)
{
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CC; /* C0, DEL, C1 */
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t';
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    size_t n = shzi_utf8_decode((const unsigned char *)s, len, cp);
    if (n == 0)
        *cp = 0xFFFD;
    return n;
}

bool utf8_valid(const char *s, size_t len)
{
    return shzi_utf8_valid(s, len) != 0;
}

/* utf8proc's width: 2 for East Asian Wide and Fullwidth (and emoji presentation), 0 for
 * controls, combining marks and zero-width format characters, 1 otherwise (ambiguous
 * characters too). */
int char_width(uint32_t cp)
{
    return utf8proc_charwidth((utf8proc_int32_t)cp);
}

/* Decodes at @p pos; a malformed byte counts as one byte of U+FFFD. */
static size_t next_char(const char *s, size_t len, size_t pos, uint32_t *cp)
{
    size_t n = utf8_decode(s + pos, len - pos, cp);
    return n ? n : 1;
}

size_t text_width(const char *s, size_t len)
{
    size_t width = 0;
    uint32_t cp;
    for (size_t pos = 0; pos < len;) {
        pos += next_char(s, len, pos, &cp);
        width += (size_t)char_width(cp);
    }
    return width;
}

/* Writes one character: malformed input as U+FFFD, controls not at all. */
static void put_char(outbuf *ob, const char *s, size_t n, uint32_t cp)
{
    if (cp == 0xFFFD)
        outbuf_puts(ob, REPLACEMENT);
    else if (!is_control(cp))
        outbuf_append(ob, s, n);
}

void render_clean(outbuf *ob, const char *s, size_t len)
{
    uint32_t cp;
    for (size_t pos = 0, n; pos < len; pos += n) {
        n = next_char(s, len, pos, &cp);
        if (cp == '\n' || cp == '\t')
            outbuf_append(ob, " ", 1);
        else
            put_char(ob, s + pos, n, cp);
    }
}

size_t render_fit(outbuf *ob, const char *s, size_t len, size_t width, bool pad)
{
    size_t used = 0;
    if (text_width(s, len) <= width) {
        render_clean(ob, s, len);
        used = text_width(s, len);
    } else if (width > 0) {
        uint32_t cp;
        for (size_t pos = 0, n; pos < len; pos += n) {
            n = next_char(s, len, pos, &cp);
            size_t w = cp == '\n' || cp == '\t' ? 1 : (size_t)char_width(cp);
            if (used + w > width - 1)
                break;
            render_clean(ob, s + pos, n);
            used += w;
        }
        outbuf_puts(ob, ELLIPSIS);
        used++;
    }
    if (pad && used < width)
        outbuf_repeat(ob, ' ', width - used);
    return pad ? width : used;
}

/* May the line break between @p prev and @p next (neither a space)? */
static bool break_between(uint32_t prev, uint32_t next)
{
    if (in_list(next, no_start, COUNT(no_start)) || in_list(prev, no_end, COUNT(no_end)))
        return false;
    return char_width(prev) == 2 || char_width(next) == 2;
}

/* The state of one wrapped paragraph. */
typedef struct wrapper {
    outbuf *ob;
    const wrap_style *st;
    const char *s;
    size_t len;
    size_t width; /* usable line width, at least indent + 8 */
    size_t col;   /* current column */
    bool marked;  /* a highlight is open */
} wrapper;

static void set_mark(wrapper *w, bool on)
{
    if (w->st->mark == NULL || w->marked == on)
        return;
    outbuf_puts(w->ob, on ? w->st->mark_on : w->st->mark_off);
    w->marked = on;
}

/* Ends the line (closing any highlight) and indents the next one; the next
 * character written opens the highlight again if it is highlighted (reopening
 * here would leave an empty one before an unhighlighted character). */
static void new_line(wrapper *w)
{
    set_mark(w, false);
    outbuf_append(w->ob, "\n", 1);
    outbuf_repeat(w->ob, ' ', w->st->indent);
    w->col = w->st->indent;
}

/* Writes the characters in [from, to), breaking wherever a line is full. */
static void emit(wrapper *w, size_t from, size_t to)
{
    uint32_t cp;
    for (size_t pos = from, n; pos < to; pos += n) {
        n = next_char(w->s, w->len, pos, &cp);
        size_t cw = (size_t)char_width(cp);
        if (w->col + cw > w->width && w->col > w->st->indent)
            new_line(w);
        if (w->st->mark != NULL)
            set_mark(w, w->st->mark[pos] != 0);
        put_char(w->ob, w->s + pos, n, cp);
        w->col += cw;
    }
}

/* End of the unbreakable run starting at @p pos (not a space); its width in *@p width. */
static size_t segment_end(const wrapper *w, size_t pos, size_t *width)
{
    uint32_t prev, cp;
    pos += next_char(w->s, w->len, pos, &prev);
    *width = (size_t)char_width(prev);
    while (pos < w->len) {
        size_t n = next_char(w->s, w->len, pos, &cp);
        if (cp == '\n' || is_space(cp) || break_between(prev, cp))
            break;
        *width += (size_t)char_width(cp);
        prev = cp;
        pos += n;
    }
    return pos;
}

/* Places the segment [pos, end) of @p seg_width after @p spaces pending spaces. */
static void place(wrapper *w, size_t pos, size_t end, size_t seg_width, size_t spaces)
{
    if (w->col + spaces + seg_width > w->width && w->col > w->st->indent) {
        new_line(w);
    } else if (spaces > 0) {
        set_mark(w, w->st->mark != NULL && w->st->mark[pos - 1] != 0);
        outbuf_repeat(w->ob, ' ', spaces);
        w->col += spaces;
    }
    emit(w, pos, end);
}

void render_wrap(outbuf *ob, const char *s, size_t len, const wrap_style *style)
{
    wrapper w = {ob, style, s, len, style->width, style->indent, false};
    if (w.width < style->indent + 8)
        w.width = style->indent + 8;
    size_t spaces = 0;
    uint32_t cp;
    for (size_t pos = 0, n; pos < len; pos += n) {
        n = next_char(s, len, pos, &cp);
        if (cp == '\n') {
            new_line(&w);
            spaces = 0;
        } else if (is_space(cp)) {
            spaces += w.col > style->indent ? 1 : 0;
        } else {
            size_t seg_width;
            size_t end = segment_end(&w, pos, &seg_width);
            place(&w, pos, end, seg_width, spaces);
            spaces = 0;
            n = end - pos;
        }
    }
    set_mark(&w, false);
    outbuf_append(ob, "\n", 1);
}

void mark_occurrences(unsigned char *mark, const char *hay, size_t hay_len, const char *needle,
                      size_t nlen)
{
    if (nlen == 0 || nlen > hay_len)
        return;
    for (size_t i = 0; i + nlen <= hay_len; i++)
        if (memcmp(hay + i, needle, nlen) == 0)
            memset(mark + i, 1, nlen);
}
