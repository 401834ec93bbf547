/*
 * shenzhen categories: each category with its measure count and id range.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cli.h"
#include "render.h"

/* "1–8": the first and last measure ids of @p cat. */
static void id_range(const shz_category *cat, char *buf, size_t cap)
{
    size_t n = shz_category_measure_count(cat);
    int64_t first = shz_measure_id(shz_category_measure_at(cat, 0));
    int64_t last = shz_measure_id(shz_category_measure_at(cat, n ? n - 1 : 0));
    if (n == 0)
        snprintf(buf, cap, "-");
    else if (first == last)
        snprintf(buf, cap, "%" PRId64, first);
    else
        snprintf(buf, cap, "%" PRId64 "\xE2\x80\x93%" PRId64, first, last);
}

/* Widest title; the title column is cut to what the line leaves. */
static size_t title_column(const cli *c, size_t fixed)
{
    size_t widest = 0, len;
    for (size_t i = 0; i < shz_category_count(); i++) {
        const char *title = category_title(shz_category_at(i), c->lang, &len);
        size_t w = text_width(title, len);
        widest = w > widest ? w : widest;
    }
    size_t room = title_room(c, fixed);
    return widest < room ? widest : room;
}

/* The columns of a category's line besides its title: id(1) + 2 + title + 2 +
 * "NN measures"(11) + 2 + "NN–NN"(5). */
#define FIXED_COLUMNS (1 + 2 + 2 + 11 + 2 + 5)

/* Below this many columns left for the title, each category takes two lines or more. */
#define MIN_TITLE_COLUMNS 8

/* A category on a terminal too narrow for its line: the id, then the title wrapped whole,
 * then the measure count and id range on their own line, both under the title. */
static void stacked_category(const cli *c, outbuf *ob, const shz_category *cat)
{
    size_t len, count = shz_category_measure_count(cat);
    const char *title = category_title(cat, c->lang, &len);
    size_t indent = digits(shz_category_id(cat)) + 2;
    wrap_style style = {c->width, indent, NULL, NULL, NULL};
    char detail[80], range[48];
    id_range(cat, range, sizeof range);
    int n =
        snprintf(detail, sizeof detail, "%zu measure%s  %s", count, count == 1 ? "" : "s", range);
    outbuf_printf(ob, "%" PRId64 "  ", shz_category_id(cat));
    render_wrap(ob, title, len, &style);
    outbuf_repeat(ob, ' ', indent);
    render_wrap(ob, detail, n > 0 ? (size_t)n : 0, &style);
}

int cmd_categories(cli *c, outbuf *ob)
{
    if (c->terminal && title_room(c, FIXED_COLUMNS) < MIN_TITLE_COLUMNS) {
        for (size_t i = 0; i < shz_category_count(); i++)
            stacked_category(c, ob, shz_category_at(i));
        return 0;
    }
    size_t title_width = title_column(c, FIXED_COLUMNS);
    for (size_t i = 0; i < shz_category_count(); i++) {
        const shz_category *cat = shz_category_at(i);
        size_t len, count = shz_category_measure_count(cat);
        const char *title = category_title(cat, c->lang, &len);
        char range[48];
        id_range(cat, range, sizeof range);
        outbuf_printf(ob, "%" PRId64 "  ", shz_category_id(cat));
        render_fit(ob, title, len, title_width, true);
        outbuf_printf(ob, "  %2zu measure%s  %s\n", count, count == 1 ? " " : "s", range);
    }
    return 0;
}
