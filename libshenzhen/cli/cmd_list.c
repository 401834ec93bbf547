/*
 * shenzhen list: one line per measure, or TSV or JSON Lines for scripts.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "render.h"

/* One measure: id (right-aligned in @p id_width), category id, title cut to the line. */
static void list_line(const cli *c, outbuf *ob, const shz_measure *m, size_t id_width)
{
    size_t len;
    const char *title = measure_text(m, SHZ_FIELD_TITLE, c->lang, &len);
    int64_t cat = shz_category_id(shz_measure_category(m));
    size_t used = id_width + 2 + digits(cat) + 2;
    outbuf_printf(ob, "%*" PRId64 "  %" PRId64 "  ", (int)id_width, shz_measure_id(m), cat);
    render_fit(ob, title, len, title_room(c, used), false);
    outbuf_puts(ob, "\n");
}

/* Appends @p len bytes as a TSV field: tab, newline, carriage return and backslash escaped. */
static void tsv_field(outbuf *ob, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        const char *esc = s[i] == '\t'   ? "\\t"
                          : s[i] == '\n' ? "\\n"
                          : s[i] == '\r' ? "\\r"
                          : s[i] == '\\' ? "\\\\"
                                         : NULL;
        if (esc)
            outbuf_puts(ob, esc);
        else
            outbuf_append(ob, s + i, 1);
    }
}

/* Output formats of list. */
enum list_format { FORMAT_TEXT, FORMAT_TSV, FORMAT_JSONL };

static int list_format(cli *c, enum list_format *format)
{
    static const char *const names[] = {"text", "tsv", "jsonl"};
    *format = FORMAT_TEXT;
    if (!(c->given & OPT_FORMAT))
        return 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(c->format_arg, names[i]) == 0) {
            *format = (enum list_format)i;
            return 0;
        }
    }
    return fail(c, EXIT_USAGE, "list --format takes text, tsv or jsonl, not '%s'",
                QUOTE(c->format_arg));
}

/* One measure in @p format (TSV or JSON Lines). */
static int list_record(cli *c, outbuf *ob, const shz_measure *m, enum list_format format)
{
    if (format == FORMAT_JSONL) {
        char *json = NULL;
        size_t len = 0;
        shz_status st = shz_json_measure(m, 0, &json, &len);
        if (st != SHZ_OK)
            return fail(c, EXIT_OUTPUT, "json: %s", shz_errstr(st));
        while (len > 0 && json[len - 1] == '\n')
            len--;
        outbuf_append(ob, json, len);
        outbuf_puts(ob, "\n");
        shz_free(json);
        return 0;
    }
    size_t len;
    const char *title = measure_text(m, SHZ_FIELD_TITLE, c->lang, &len);
    outbuf_printf(ob, "%" PRId64 "\t%" PRId64 "\t", shz_measure_id(m),
                  shz_category_id(shz_measure_category(m)));
    tsv_field(ob, title, len);
    outbuf_puts(ob, "\n");
    return 0;
}

/* Whether @p m carries @p topic (any measure when topic is NULL). */
static bool has_topic(const shz_measure *m, const shz_topic *topic)
{
    for (size_t k = 0; topic && k < shz_measure_topic_count(m); k++)
        if (shz_measure_topic_at(m, k) == topic)
            return true;
    return !topic;
}

int cmd_list(cli *c, outbuf *ob)
{
    const shz_category *only = NULL;
    const shz_topic *topic = NULL;
    if (c->given & OPT_TOPIC) {
        /* A key, or a topic's id (all digits). */
        const char *arg = c->topic_arg;
        size_t len = strlen(arg);
        bool number = len > 0 && len < 10 && strspn(arg, "0123456789") == len;
        shz_status st = number ? shz_topic_get(strtoll(arg, NULL, 10), &topic)
                               : shz_topic_find(arg, len, &topic);
        if (st != SHZ_OK)
            return fail(c, EXIT_NOT_FOUND, "no topic '%s' (shenzhen topics lists the keys)",
                        QUOTE(arg));
    }
    if (c->given & OPT_CATEGORY) {
        int64_t id = 0;
        int st = parse_id(c, "category", c->category_arg, &id);
        if (st != 0)
            return st;
        if (shz_category_get(id, &only) != SHZ_OK)
            return fail(c, EXIT_NOT_FOUND, "no category with id %" PRId64, id);
    }
    enum list_format format;
    int status = list_format(c, &format);
    if (status != 0)
        return status;
    size_t count = only ? shz_category_measure_count(only) : shz_measure_count();
    size_t id_width = digits((int64_t)shz_measure_count());
    if (format == FORMAT_TSV)
        outbuf_puts(ob, "id\tcategory\ttitle\n");
    for (size_t i = 0; status == 0 && i < count; i++) {
        const shz_measure *m = only ? shz_category_measure_at(only, i) : shz_measure_at(i);
        if (!has_topic(m, topic))
            continue;
        if (format == FORMAT_TEXT)
            list_line(c, ob, m, id_width);
        else
            status = list_record(c, ob, m, format);
    }
    return status;
}
