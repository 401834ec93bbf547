/*
 * The helpers the subcommands share: the error message, quoting for it, the
 * text of a measure or category, and the layout of labelled lines.
 */
#include "cli.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

int fail(cli *c, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->error, sizeof c->error, fmt, ap);
    va_end(ap);
    return status;
}

/* Copies @p s for an error message: its first 60 bytes or so, controls and malformed UTF-8 as \xNN.
 */
const char *quoted(char *dst, size_t cap, const char *s)
{
    if (!s)
        s = "";
    size_t out = 0, pos = 0, len = strlen(s);
    uint32_t cp;
    while (pos < len && pos < 60 && out + 8 < cap) {
        size_t n = utf8_decode(s + pos, len - pos, &cp);
        if (n == 0 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            out += (size_t)snprintf(dst + out, cap - out, "\\x%02X", (unsigned char)s[pos]);
            n = 1;
        } else {
            memcpy(dst + out, s + pos, n);
            out += n;
        }
        pos += n;
    }
    dst[out] = '\0';
    if (pos < len)
        memcpy(dst + out, "\xE2\x80\xA6", sizeof "\xE2\x80\xA6"); /* "…" and its NUL */
    return dst;
}

/* Columns left for a title after @p used: the rest of the line on a terminal, else no limit
 * (a title is cut with "…" only for a person, never for a pipe). */
size_t title_room(const cli *c, size_t used)
{
    if (!c->terminal)
        return (size_t)-1 / 2;
    return c->width > used ? c->width - used : 1;
}

/* Decimal digits of @p v (with its sign). */
size_t digits(int64_t v)
{
    char tmp[24];
    return (size_t)snprintf(tmp, sizeof tmp, "%" PRId64, v);
}

/* A label padded to LABEL_WIDTH, then @p text wrapped under it. */
void field_line(const cli *c, outbuf *ob, const char *label, const char *text, size_t len)
{
    wrap_style style = {c->width, LABEL_WIDTH, NULL, NULL, NULL};
    outbuf_puts(ob, label);
    outbuf_repeat(ob, ' ', LABEL_WIDTH - strlen(label));
    render_wrap(ob, text, len, &style);
}

/* A text field of @p m in @p lang, or "" when it has none. */
const char *measure_text(const shz_measure *m, shz_field field, shz_lang lang, size_t *len)
{
    const char *text = "";
    *len = 0;
    if (shz_measure_text(m, field, lang, &text, len) != SHZ_OK) {
        text = "";
        *len = 0;
    }
    return text;
}

const char *category_title(const shz_category *cat, shz_lang lang, size_t *len)
{
    const char *text = "";
    *len = 0;
    if (shz_category_title(cat, lang, &text, len) != SHZ_OK) {
        text = "";
        *len = 0;
    }
    return text;
}

const char *field_name(shz_field field)
{
    const char *name = shz_field_name(field);
    return name ? name : "?";
}

/* Looks up the measure named by @p arg: 2 if malformed, 1 if absent. */
int lookup_measure(cli *c, const char *arg, const shz_measure **m)
{
    int64_t id = 0;
    int status = parse_id(c, "measure id", arg, &id);
    if (status != 0)
        return status;
    if (shz_measure_get(id, m) != SHZ_OK)
        return fail(c, EXIT_NOT_FOUND, "no measure with id %" PRId64 " (ids are 1-%zu)", id,
                    shz_measure_count());
    return 0;
}

int parse_topic(cli *c, const shz_topic **topic)
{
    const char *arg = c->topic_arg;
    size_t len = strlen(arg);
    bool number = len > 0 && len < 10 && strspn(arg, "0123456789") == len;
    shz_status st =
        number ? shz_topic_get(strtoll(arg, NULL, 10), topic) : shz_topic_find(arg, len, topic);
    if (st != SHZ_OK)
        return fail(c, EXIT_NOT_FOUND, "no topic '%s' (shenzhen topics lists the keys)",
                    QUOTE(arg));
    return 0;
}
