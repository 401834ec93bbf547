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

int cmd_categories(cli *c, outbuf *ob)
{
    /* id(1) + 2 + title + 2 + "NN measures"(11) + 2 + "NN–NN"(5) */
    size_t title_width = title_column(c, 1 + 2 + 2 + 11 + 2 + 5);
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
