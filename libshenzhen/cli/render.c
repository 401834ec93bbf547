/* Display width, wrapping, fitted cells and highlighting for the shenzhen command. */
#include "render.h"

#include <string.h>

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */
#define ELLIPSIS "\xE2\x80\xA6"    /* U+2026, one column */

typedef struct range {
    uint32_t lo, hi;
} range;

/* East Asian Width W and F (condensed to the blocks that matter here) and emoji. */
static const range wide_ranges[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* Combining marks, zero-width spaces and joiners, variation selectors. */
static const range zero_ranges[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},   {0x200B, 0x200F},
    {0x2028, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},   {0x3099, 0x309A},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0001, 0xE007F}, {0xE0100, 0xE01EF},
};

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

static bool in_ranges(uint32_t cp, const range *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static bool in_list(uint32_t cp, const uint32_t *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == cp)
            return true;
    return false;
}

static bool is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t';
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t n = u[0] < 0x80   ? 1
               : u[0] < 0xC2 ? 0
               : u[0] < 0xE0 ? 2
               : u[0] < 0xF0 ? 3
               : u[0] < 0xF5 ? 4
                             : 0;
    *cp = 0xFFFD;
    if (n == 0 || n > len)
        return 0;
    uint32_t c = n == 1 ? u[0] : u[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3Fu);
    }
    if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

bool utf8_valid(const char *s, size_t len)
{
    uint32_t cp;
    for (size_t pos = 0; pos < len;) {
        size_t n = utf8_decode(s + pos, len - pos, &cp);
        if (n == 0)
            return false;
        pos += n;
    }
    return true;
}

int char_width(uint32_t cp)
{
    if (is_control(cp) || in_ranges(cp, zero_ranges, COUNT(zero_ranges)))
        return 0;
    return in_ranges(cp, wide_ranges, COUNT(wide_ranges)) ? 2 : 1;
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

/* Ends the line (closing any highlight) and indents the next one. */
static void new_line(wrapper *w)
{
    bool was_marked = w->marked;
    set_mark(w, false);
    outbuf_append(w->ob, "\n", 1);
    outbuf_repeat(w->ob, ' ', w->st->indent);
    w->col = w->st->indent;
    set_mark(w, was_marked);
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
