/*
 * shenzhen show: each measure named, in full, a label on each line.
 */
#include <inttypes.h>

#include "cli.h"
#include "render.h"

static void show_category(const cli *c, outbuf *ob, const shz_measure *m)
{
    const shz_category *cat = shz_measure_category(m);
    size_t len;
    const char *title = category_title(cat, c->lang, &len);
    outbuf line;
    outbuf_init(&line);
    outbuf_printf(&line, "%" PRId64 " ", shz_category_id(cat));
    outbuf_append(&line, title, len);
    if (outbuf_failed(&line))
        ob->failed = true;
    else
        field_line(c, ob, "Category:", line.data, line.len);
    outbuf_free(&line);
}

/* The body in the chosen language; where it has none (English in data before
 * edition 2026.2), the Chinese original is shown, labelled so. */
static void show_body(const cli *c, outbuf *ob, const shz_measure *m)
{
    size_t len;
    const char *body = measure_text(m, SHZ_FIELD_BODY, c->lang, &len);
    bool original = len == 0 && c->lang != SHZ_LANG_ZH_HANS;
    if (original)
        body = measure_text(m, SHZ_FIELD_BODY, SHZ_LANG_ZH_HANS, &len);
    if (len > 0)
        field_line(c, ob, original ? "Original:" : "Body:", body, len);
}

/* One field line of a measure's list (keywords, aliases), its items joined with sep. */
static void show_list(const cli *c, outbuf *ob, const shz_measure *m,
                      size_t (*count)(const shz_measure *),
                      shz_status (*item)(const shz_measure *, size_t, const char **, size_t *),
                      const char *sep, const char *label)
{
    outbuf line;
    outbuf_init(&line);
    for (size_t i = 0; i < count(m); i++) {
        const char *text;
        size_t len;
        if (item(m, i, &text, &len) != SHZ_OK)
            continue;
        if (line.len > 0)
            outbuf_puts(&line, sep);
        outbuf_append(&line, text, len);
    }
    if (outbuf_failed(&line))
        ob->failed = true;
    else if (line.len > 0)
        field_line(c, ob, label, line.data, line.len);
    outbuf_free(&line);
}

/* Keywords joined with "、" (they are zh-Hans whatever the language). */
static void show_keywords(const cli *c, outbuf *ob, const shz_measure *m)
{
    show_list(c, ob, m, shz_measure_keyword_count, shz_measure_keyword, "\xE3\x80\x81",
              "Keywords:");
}

/* Aliases, the words people use for the measure (zh-Hans and English mixed), joined with " · ". */
static void show_aliases(const cli *c, outbuf *ob, const shz_measure *m)
{
    show_list(c, ob, m, shz_measure_alias_count, shz_measure_alias, " \xC2\xB7 ", "Aliases:");
}

/* Cited documents, one a line, in 《》. */
static void show_cites(const cli *c, outbuf *ob, const shz_measure *m)
{
    for (size_t i = 0; i < shz_measure_cite_count(m); i++) {
        const char *cite;
        size_t len;
        if (shz_measure_cite(m, i, &cite, &len) != SHZ_OK)
            continue;
        outbuf line;
        outbuf_init(&line);
        outbuf_puts(&line, "\xE3\x80\x8A");
        outbuf_append(&line, cite, len);
        outbuf_puts(&line, "\xE3\x80\x8B");
        if (outbuf_failed(&line))
            ob->failed = true;
        else
            field_line(c, ob, i == 0 ? "Cites:" : "", line.data, line.len);
        outbuf_free(&line);
    }
}

/* One measure in full, a label on each line. */
static void show_measure(const cli *c, outbuf *ob, const shz_measure *m)
{
    size_t len;
    const char *text;
    outbuf_printf(ob, "%-*s%" PRId64 "\n", LABEL_WIDTH, "Measure:", shz_measure_id(m));
    show_category(c, ob, m);
    text = measure_text(m, SHZ_FIELD_TITLE, c->lang, &len);
    field_line(c, ob, "Title:", text, len);
    show_body(c, ob, m);
    text = measure_text(m, SHZ_FIELD_SUMMARY, SHZ_LANG_EN, &len);
    field_line(c, ob, "Summary:", text, len);
    text = measure_text(m, SHZ_FIELD_PINYIN, c->lang, &len);
    field_line(c, ob, "Pinyin:", text, len);
    text = measure_text(m, SHZ_FIELD_PINYIN_INITIALS, c->lang, &len);
    field_line(c, ob, "Initials:", text, len);
    show_keywords(c, ob, m);
    show_aliases(c, ob, m);
    show_cites(c, ob, m);
}

/* Every measure named, in turn, a blank line between two. Like cat(1), an
 * unknown id does not stop the others: they are printed, the unknown ones are
 * named on stderr (one line) and the status is 1. A malformed id is bad usage
 * and prints nothing. */
int cmd_show(cli *c, outbuf *ob)
{
    for (size_t i = 0; i < c->nargs; i++) {
        int64_t id;
        int status = parse_id(c, "measure id", c->args[i], &id);
        if (status != 0)
            return status;
    }
    outbuf missing;
    outbuf_init(&missing);
    size_t shown = 0, unknown = 0;
    for (size_t i = 0; i < c->nargs; i++) {
        int64_t id = 0;
        const shz_measure *m;
        parse_id(c, "measure id", c->args[i], &id);
        if (shz_measure_get(id, &m) != SHZ_OK) {
            outbuf_printf(&missing, "%s%" PRId64, unknown++ ? ", " : "", id);
            continue;
        }
        if (shown++ > 0)
            outbuf_puts(ob, "\n");
        show_measure(c, ob, m);
    }
    int status = 0;
    if (outbuf_failed(&missing))
        status = fail(c, EXIT_OUTPUT, "out of memory");
    else if (unknown > 0)
        status = fail(c, EXIT_NOT_FOUND, "no measure with id%s %s (ids are 1-%zu)",
                      unknown > 1 ? "s" : "", missing.data, shz_measure_count());
    c->write_anyway = unknown > 0 && shown > 0;
    outbuf_free(&missing);
    return status;
}
