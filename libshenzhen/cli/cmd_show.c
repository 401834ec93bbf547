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

/* One field line of a measure's list (keywords, aliases) in the chosen language, its items
 * joined with sep. */
static void
show_list(const cli *c, outbuf *ob, const shz_measure *m, size_t (*count)(const shz_measure *),
          shz_status (*item)(const shz_measure *, size_t, shz_lang, const char **, size_t *),
          const char *sep, const char *label)
{
    outbuf line;
    outbuf_init(&line);
    for (size_t i = 0; i < count(m); i++) {
        const char *text;
        size_t len;
        if (item(m, i, c->lang, &text, &len) != SHZ_OK)
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

/* Keywords joined with "、": Chinese, in Traditional under zh-Hant, else Simplified. */
static void show_keywords(const cli *c, outbuf *ob, const shz_measure *m)
{
    show_list(c, ob, m, shz_measure_keyword_count, shz_measure_keyword_in, "\xE3\x80\x81",
              "Keywords:");
}

/* Aliases, the words people use for the measure (Chinese and English mixed, the Chinese in
 * Traditional under zh-Hant), joined with " · ". */
static void show_aliases(const cli *c, outbuf *ob, const shz_measure *m)
{
    show_list(c, ob, m, shz_measure_alias_count, shz_measure_alias_in, " \xC2\xB7 ", "Aliases:");
}

/* A label's line, built in @p line (freed here), or nothing when empty. */
static void emit_line(const cli *c, outbuf *ob, const char *label, outbuf *line)
{
    if (outbuf_failed(line))
        ob->failed = true;
    else if (line->len > 0)
        field_line(c, ob, label, line->data, line->len);
    outbuf_free(line);
}

/* The measure's topics, each as "name (key)", joined with " · ". */
static void show_topics(const cli *c, outbuf *ob, const shz_measure *m)
{
    outbuf line;
    outbuf_init(&line);
    for (size_t i = 0; i < shz_measure_topic_count(m); i++) {
        const shz_topic *t = shz_measure_topic_at(m, i);
        const char *name, *key;
        size_t name_len, key_len;
        if (shz_topic_name(t, c->lang, &name, &name_len) != SHZ_OK ||
            shz_topic_key(t, &key, &key_len) != SHZ_OK)
            continue;
        outbuf_printf(&line, "%s%.*s (%.*s)", line.len ? " \xC2\xB7 " : "", (int)name_len, name,
                      (int)key_len, key);
    }
    emit_line(c, ob, "Topics:", &line);
}

/* How far a related measure's reason is indented under its title. */
#define REASON_INDENT 2

/* The fewest columns render_wrap gives a line's text: below them it would overflow. */
#define WRAP_MIN_COLUMNS 8

/* A related measure's reason, under the label column and indented further, its wrapped lines
 * too: render_wrap drops spaces at the start of a text, so the indent is the wrap's own. A
 * terminal too narrow for the extra indent gets the reason at the label column. */
static void reason_line(const cli *c, outbuf *ob, const char *reason, size_t len)
{
    size_t indent = LABEL_WIDTH + REASON_INDENT;
    if (c->width < indent + WRAP_MIN_COLUMNS)
        indent = LABEL_WIDTH;
    wrap_style style = {c->width, indent, NULL, NULL, NULL};
    outbuf_repeat(ob, ' ', indent);
    render_wrap(ob, reason, len, &style);
}

/* The Related block: one related measure a line, "ID title", then its reason on the next. */
static void show_related(const cli *c, outbuf *ob, const shz_measure *m)
{
    for (size_t i = 0; i < shz_measure_related_count(m); i++) {
        const shz_measure *r = shz_measure_related(m, i);
        size_t title_len, reason_len;
        const char *title = measure_text(r, SHZ_FIELD_TITLE, c->lang, &title_len);
        const char *reason = "";
        if (shz_measure_related_reason(m, i, c->lang, &reason, &reason_len) != SHZ_OK)
            reason_len = 0;
        outbuf line;
        outbuf_init(&line);
        outbuf_printf(&line, "%" PRId64 "%s ", shz_measure_id(r),
                      shz_measure_related_grade(m, i) == 2 ? " *" : "");
        outbuf_append(&line, title, title_len);
        emit_line(c, ob, i == 0 ? "Related:" : "", &line);
        if (reason_len > 0)
            reason_line(c, ob, reason, reason_len);
    }
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
    show_topics(c, ob, m);
    show_related(c, ob, m);
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
