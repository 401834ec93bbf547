/*
 * shenzhen: browse and search the 47 Shenzhen measures from the command line.
 *
 * Exit status: 0 success, 1 not found (unknown id or category, no search
 * hits), 2 bad usage (unknown command or option, malformed id, bad query),
 * 3 the output could not be produced or written (out of memory, write error).
 * A reader that closes the pipe early (`| head`) ends the command quietly,
 * with status 0, as ripgrep does: what it did not read it did not want.
 *
 * The whole output is built in a buffer and written at the end, so a failing
 * run prints nothing on stdout and exactly one line on stderr. Two kinds of
 * "not found" still print what was found: `show` with some unknown ids
 * prints the others (as cat(1) does), and `search --json` prints its object
 * with no hits.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "shenzhen.h"

#include "options.h"
#include "outbuf.h"
#include "render.h"

enum { EXIT_NOT_FOUND = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

#define MIN_WIDTH 20
#define MAX_WIDTH 1000
#define LABEL_WIDTH 11
#define MARK_ON "\033[1;31m"
#define MARK_OFF "\033[0m"

/* The parsed command line and what the run needs to know about its terminal. */
typedef struct cli {
    const char *command;
    const char **args; /* positionals after the command */
    size_t nargs;
    unsigned given; /* OPT_* bits seen */
    shz_lang lang;
    const char *lang_arg;
    const char *category_arg;
    const char *limit_arg;
    const char *format_arg;
    const char *mode_arg;
    size_t width;
    bool terminal;     /* stdout is a terminal: titles are cut to the line */
    bool colour;       /* highlight matches */
    bool write_anyway; /* write the output even though the status is "not found" */
    char error[512];
} cli;

/* Sets the one-line error message and returns @p status. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
fail(cli *c, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->error, sizeof c->error, fmt, ap);
    va_end(ap);
    return status;
}

/* Copies @p s for an error message: its first 60 bytes or so, controls and malformed UTF-8 as \xNN.
 */
static const char *quoted(char *dst, size_t cap, const char *s)
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

#define QUOTE(s) quoted((char[256]){0}, 256, (s))

/* "-" followed by digits only: a (negative) number, taken as a positional. */
static bool is_negative_number(const char *arg)
{
    if (arg[0] != '-' || arg[1] == '\0')
        return false;
    return strspn(arg + 1, "0123456789") == strlen(arg + 1);
}

/* Stores the value of option @p o. */
static int set_option(cli *c, const cli_option *o, const char *value)
{
    c->given |= o->bit;
    if (o->bit == OPT_LANG)
        c->lang_arg = value;
    else if (o->bit == OPT_CATEGORY)
        c->category_arg = value;
    else if (o->bit == OPT_LIMIT)
        c->limit_arg = value;
    else if (o->bit == OPT_FORMAT)
        c->format_arg = value;
    else if (o->bit == OPT_MODE)
        c->mode_arg = value;
    return 0;
}

/* "--name", "--name=value" or "--name value" at argv[*i]. */
static int parse_long(cli *c, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    const char *eq = strchr(arg, '=');
    size_t name_len = eq ? (size_t)(eq - arg - 2) : strlen(arg) - 2;
    const cli_option *o = cli_find_long(arg + 2, name_len);
    if (o == NULL)
        return fail(c, EXIT_USAGE, "unknown option '%s' (see shenzhen --help)", QUOTE(arg));
    if (o->value == NULL && eq)
        return fail(c, EXIT_USAGE, "option --%s takes no value", o->name);
    if (o->value == NULL)
        return set_option(c, o, NULL);
    if (eq)
        return set_option(c, o, eq + 1);
    if (*i + 1 >= argc)
        return fail(c, EXIT_USAGE, "option --%s needs a value", o->name);
    *i += 1;
    return set_option(c, o, argv[*i]);
}

/* "-x", flags together ("-jp"), a value attached ("-n5") or as the next argument ("-n 5"). */
static int parse_short(cli *c, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    for (size_t k = 1; arg[k] != '\0'; k++) {
        const cli_option *o = cli_find_short(arg[k]);
        if (o == NULL && (arg[k] & 0x80) == 0 && arg[k] > ' ' && k > 1)
            return fail(c, EXIT_USAGE, "unknown option '-%c' in '%s' (see shenzhen --help)", arg[k],
                        QUOTE(arg));
        if (o == NULL)
            return fail(c, EXIT_USAGE, "unknown option '%s' (see shenzhen --help)", QUOTE(arg));
        if (o->value == NULL) {
            set_option(c, o, NULL);
            continue;
        }
        if (arg[k + 1] != '\0')
            return set_option(c, o, arg + k + 1);
        if (*i + 1 >= argc)
            return fail(c, EXIT_USAGE, "option -%c (--%s) needs a value", o->short_name, o->name);
        *i += 1;
        return set_option(c, o, argv[*i]);
    }
    return 0;
}

/* Splits argv into options and positionals; the first positional is the command. */
static int parse_args(cli *c, int argc, char **argv)
{
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!options_done && strcmp(arg, "--") == 0) {
            options_done = true;
        } else if (!options_done && arg[0] == '-' && arg[1] != '\0' && !is_negative_number(arg)) {
            int status =
                arg[1] == '-' ? parse_long(c, argc, argv, &i) : parse_short(c, argc, argv, &i);
            if (status != 0)
                return status;
        } else if (c->command == NULL) {
            c->command = arg;
        } else {
            c->args[c->nargs++] = arg;
        }
    }
    return 0;
}

/* Parses a decimal id: non-numeric or beyond int64 is bad usage (2). */
static int parse_id(cli *c, const char *what, const char *arg, int64_t *id)
{
    const char *digits = arg[0] == '-' ? arg + 1 : arg;
    if (digits[0] == '\0' || strspn(digits, "0123456789") != strlen(digits))
        return fail(c, EXIT_USAGE, "invalid %s '%s': not an integer", what, QUOTE(arg));
    errno = 0;
    long long value = strtoll(arg, NULL, 10);
    if (errno == ERANGE || value != (int64_t)value)
        return fail(c, EXIT_USAGE, "invalid %s '%s': out of range", what, QUOTE(arg));
    *id = (int64_t)value;
    return 0;
}

/* Parses --limit: a decimal integer; 0 means no limit, as in shz_search_options. */
static int parse_limit(cli *c, size_t *limit)
{
    const char *arg = c->limit_arg;
    errno = 0;
    unsigned long long value = strtoull(arg, NULL, 10);
    if (arg[0] == '\0' || strspn(arg, "0123456789") != strlen(arg) || errno == ERANGE ||
        value != (size_t)value)
        return fail(c, EXIT_USAGE, "invalid --limit '%s': expected a number (0: no limit)",
                    QUOTE(arg));
    *limit = (size_t)value;
    return 0;
}

/* ---- output helpers ------------------------------------------------------ */

/* Columns left for a title after @p used: the rest of the line on a terminal, else no limit
 * (a title is cut with "…" only for a person, never for a pipe). */
static size_t title_room(const cli *c, size_t used)
{
    if (!c->terminal)
        return (size_t)-1 / 2;
    return c->width > used ? c->width - used : 1;
}

/* Decimal digits of @p v (with its sign). */
static size_t digits(int64_t v)
{
    char tmp[24];
    return (size_t)snprintf(tmp, sizeof tmp, "%" PRId64, v);
}

/* A label padded to LABEL_WIDTH, then @p text wrapped under it. */
static void field_line(const cli *c, outbuf *ob, const char *label, const char *text, size_t len)
{
    wrap_style style = {c->width, LABEL_WIDTH, NULL, NULL, NULL};
    outbuf_puts(ob, label);
    outbuf_repeat(ob, ' ', LABEL_WIDTH - strlen(label));
    render_wrap(ob, text, len, &style);
}

/* A text field of @p m in @p lang, or "" when it has none. */
static const char *measure_text(const shz_measure *m, shz_field field, shz_lang lang, size_t *len)
{
    const char *text = "";
    *len = 0;
    if (shz_measure_text(m, field, lang, &text, len) != SHZ_OK) {
        text = "";
        *len = 0;
    }
    return text;
}

static const char *category_title(const shz_category *cat, shz_lang lang, size_t *len)
{
    const char *text = "";
    *len = 0;
    if (shz_category_title(cat, lang, &text, len) != SHZ_OK) {
        text = "";
        *len = 0;
    }
    return text;
}

/* ---- list ---------------------------------------------------------------- */

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

static int cmd_list(cli *c, outbuf *ob)
{
    const shz_category *only = NULL;
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
        if (format == FORMAT_TEXT)
            list_line(c, ob, m, id_width);
        else
            status = list_record(c, ob, m, format);
    }
    return status;
}

/* ---- categories ---------------------------------------------------------- */

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

static int cmd_categories(cli *c, outbuf *ob)
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

/* ---- show ---------------------------------------------------------------- */

/* Looks up the measure named by @p arg: 2 if malformed, 1 if absent. */
static int lookup_measure(cli *c, const char *arg, const shz_measure **m)
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
static int cmd_show(cli *c, outbuf *ob)
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

/* ---- json ---------------------------------------------------------------- */

static int cmd_json(cli *c, outbuf *ob)
{
    unsigned flags = ((c->given & OPT_PRETTY) ? SHZ_JSON_PRETTY : 0) |
                     ((c->given & OPT_ASCII) ? SHZ_JSON_ASCII : 0);
    char *json = NULL;
    size_t len = 0;
    shz_status st;
    if (c->nargs == 0) {
        st = shz_json_catalogue(flags, &json, &len);
    } else {
        const shz_measure *m;
        int status = lookup_measure(c, c->args[0], &m);
        if (status != 0)
            return status;
        st = shz_json_measure(m, flags, &json, &len);
    }
    if (st != SHZ_OK)
        return fail(c, EXIT_OUTPUT, "json: %s", shz_errstr(st));
    outbuf_append(ob, json, len);
    if (len == 0 || json[len - 1] != '\n')
        outbuf_puts(ob, "\n");
    shz_free(json);
    return 0;
}

/* ---- search -------------------------------------------------------------- */

/* Column widths of the hit lines. */
typedef struct hit_columns {
    size_t id, field, match;
} hit_columns;

/* How hit @p i matched: "all" (every query term) or "some", "~" added when some term
 * matched only through typo or homophone tolerance. */
static const char *match_name(const shz_results *r, size_t i)
{
    unsigned flags = shz_results_match(r, i);
    if (flags & SHZ_MATCH_ALL_TERMS)
        return (flags & SHZ_MATCH_TOLERANT) ? "all~" : "all";
    return (flags & SHZ_MATCH_TOLERANT) ? "some~" : "some";
}

static const char *field_name(shz_field field)
{
    const char *name = shz_field_name(field);
    return name ? name : "?";
}

static hit_columns measure_columns(const shz_results *r)
{
    hit_columns w = {1, 1, 1};
    for (size_t i = 0; i < shz_results_count(r); i++) {
        size_t id = digits(shz_measure_id(shz_results_measure(r, i)));
        size_t field = strlen(field_name(shz_results_field(r, i)));
        size_t match = strlen(match_name(r, i));
        w.id = id > w.id ? id : w.id;
        w.field = field > w.field ? field : w.field;
        w.match = match > w.match ? match : w.match;
    }
    return w;
}

/* The field, language and byte offsets of span @p k of hit @p i; false if it has none. */
static bool span_at(const shz_results *r, size_t i, size_t k, shz_field *field, shz_lang *lang,
                    size_t *start, size_t *end)
{
    return shz_results_span(r, i, k, field, start, end, NULL, NULL) == SHZ_OK &&
           shz_results_span_lang(r, i, k, lang) == SHZ_OK;
}

/* Where the @p nlen bytes at @p needle first occur in @p hay, or NULL. */
static const char *find_bytes(const char *hay, size_t hay_len, const char *needle, size_t nlen)
{
    for (size_t i = 0; nlen > 0 && i + nlen <= hay_len; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nlen) == 0)
            return hay + i;
    return NULL;
}

/*
 * One flag per snippet byte, set on the parts of the spans that the snippet
 * shows. The snippet is an excerpt of one text (a field in one language),
 * with "…" where it was cut; each span is placed by finding that excerpt in
 * the span's own text, so a span of another text (the English title when the
 * snippet is the Chinese one) is never marked. NULL if out of memory.
 */
static unsigned char *snippet_marks(const shz_results *r, size_t i, const char *snippet, size_t len)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    const size_t el = sizeof ellipsis - 1;
    unsigned char *mark = calloc(len + 1, 1);
    size_t head = len >= el && memcmp(snippet, ellipsis, el) == 0 ? el : 0;
    size_t tail = len >= head + el && memcmp(snippet + len - el, ellipsis, el) == 0 ? el : 0;
    const char *shown = snippet + head;
    size_t shown_len = len - head - tail;
    const shz_measure *m = shz_results_measure(r, i);
    for (size_t k = 0; mark != NULL && k < shz_results_span_count(r, i); k++) {
        shz_field field;
        shz_lang lang;
        size_t start, end, text_len;
        if (!span_at(r, i, k, &field, &lang, &start, &end))
            continue;
        const char *text = measure_text(m, field, lang, &text_len);
        const char *at = find_bytes(text, text_len, shown, shown_len);
        if (at == NULL || end > text_len)
            continue;
        size_t from = (size_t)(at - text), to = from + shown_len;
        start = start > from ? start : from;
        end = end < to ? end : to;
        if (start < end)
            memset(mark + head + (start - from), 1, end - start);
    }
    /* A hit found in its aliases or keywords has no spans: mark the terms it matched. */
    for (size_t t = 0;
         mark != NULL && shz_results_span_count(r, i) == 0 && t < shz_results_term_count(r); t++) {
        const char *term;
        size_t term_len;
        if (shz_results_hit_term(r, i, t) != 0 &&
            shz_results_term(r, t, &term, &term_len) == SHZ_OK)
            mark_occurrences(mark, snippet, len, term, term_len);
    }
    return mark;
}

/* The snippet of hit @p i, indented and wrapped, its matches highlighted on a terminal. */
static void hit_snippet(const cli *c, outbuf *ob, const shz_results *r, size_t i)
{
    const char *snippet;
    size_t len;
    if (shz_results_snippet(r, i, &snippet, &len) != SHZ_OK || len == 0)
        return;
    wrap_style style = {c->width, 4, NULL, MARK_ON, MARK_OFF};
    unsigned char *mark = c->colour ? snippet_marks(r, i, snippet, len) : NULL;
    if (c->colour && mark == NULL)
        ob->failed = true;
    style.mark = mark;
    outbuf_repeat(ob, ' ', 4);
    render_wrap(ob, snippet, len, &style);
    free(mark);
}

/*
 * Writes the title of hit @p i (in @p lang) in @p room columns. On a terminal,
 * when it fits whole, the spans that lie in this very text (the title field in
 * this language, by their byte offsets) are highlighted; a cut title is
 * written plain.
 */
static void hit_title(const cli *c, outbuf *ob, const shz_results *r, size_t i, shz_lang lang,
                      size_t room)
{
    size_t len;
    const char *title = measure_text(shz_results_measure(r, i), SHZ_FIELD_TITLE, lang, &len);
    unsigned char *mark = NULL;
    if (c->colour && text_width(title, len) <= room && (mark = calloc(len + 1, 1)) != NULL) {
        shz_field field;
        shz_lang span_lang;
        size_t start, end;
        for (size_t k = 0; k < shz_results_span_count(r, i); k++)
            if (span_at(r, i, k, &field, &span_lang, &start, &end) && field == SHZ_FIELD_TITLE &&
                span_lang == lang && start < end && end <= len)
                memset(mark + start, 1, end - start);
    }
    if (mark == NULL) {
        render_fit(ob, title, len, room, false);
        return;
    }
    for (size_t pos = 0; pos < len;) {
        size_t run = 1;
        while (pos + run < len && mark[pos + run] == mark[pos])
            run++;
        if (mark[pos])
            outbuf_puts(ob, MARK_ON);
        render_clean(ob, title + pos, run);
        if (mark[pos])
            outbuf_puts(ob, MARK_OFF);
        pos += run;
    }
    free(mark);
}

/* "id  field  match  title", then the snippet. Scores are left to --json: their scale
 * means nothing to a reader, and the order already shows the ranking. */
static void hit_text(const cli *c, outbuf *ob, const shz_results *r, size_t i, shz_lang lang,
                     hit_columns w)
{
    const shz_measure *m = shz_results_measure(r, i);
    size_t used = w.id + 2 + w.field + 2 + w.match + 2;
    outbuf_printf(ob, "%*" PRId64 "  %-*s  %-*s  ", (int)w.id, shz_measure_id(m), (int)w.field,
                  field_name(shz_results_field(r, i)), (int)w.match, match_name(r, i));
    hit_title(c, ob, r, i, lang, title_room(c, used));
    outbuf_puts(ob, "\n");
    hit_snippet(c, ob, r, i);
}

static cJSON *span_json(const shz_results *r, size_t i, size_t k)
{
    shz_field field;
    shz_lang lang;
    size_t bs, be, cs, ce;
    if (shz_results_span(r, i, k, &field, &bs, &be, &cs, &ce) != SHZ_OK ||
        shz_results_span_lang(r, i, k, &lang) != SHZ_OK)
        return NULL;
    cJSON *span = cJSON_CreateObject();
    if (span == NULL || !cJSON_AddStringToObject(span, "field", field_name(field)) ||
        !cJSON_AddStringToObject(span, "lang", shz_lang_name(lang)) ||
        !cJSON_AddNumberToObject(span, "start", (double)cs) ||
        !cJSON_AddNumberToObject(span, "end", (double)ce) ||
        !cJSON_AddNumberToObject(span, "byte_start", (double)bs) ||
        !cJSON_AddNumberToObject(span, "byte_end", (double)be)) {
        cJSON_Delete(span);
        return NULL;
    }
    return span;
}

/* Adds the spans of hit @p i to @p hit; false on failure. */
static bool add_spans(cJSON *hit, const shz_results *r, size_t i)
{
    cJSON *spans = cJSON_AddArrayToObject(hit, "spans");
    for (size_t k = 0; spans != NULL && k < shz_results_span_count(r, i); k++) {
        cJSON *span = span_json(r, i, k);
        if (span == NULL || !cJSON_AddItemToArray(spans, span)) {
            cJSON_Delete(span);
            return false;
        }
    }
    return spans != NULL;
}

/* "match": "all" or "some", "tolerant": bool, "terms": [one 0/1/2 per query term:
 * not matched, matched, matched only tolerantly]; false on failure. */
static bool add_match(cJSON *hit, const shz_results *r, size_t i)
{
    unsigned flags = shz_results_match(r, i);
    if (!cJSON_AddStringToObject(hit, "match", (flags & SHZ_MATCH_ALL_TERMS) ? "all" : "some") ||
        !cJSON_AddBoolToObject(hit, "tolerant", (flags & SHZ_MATCH_TOLERANT) != 0))
        return false;
    cJSON *terms = cJSON_AddArrayToObject(hit, "terms");
    for (size_t t = 0; terms != NULL && t < shz_results_term_count(r); t++) {
        cJSON *n = cJSON_CreateNumber((double)shz_results_hit_term(r, i, t));
        if (n == NULL || !cJSON_AddItemToArray(terms, n)) {
            cJSON_Delete(n);
            return false;
        }
    }
    return terms != NULL;
}

/* "terms": [{"text": the term as analysed, "measures": how many measures hold it}]. */
static bool add_terms(cJSON *root, const shz_results *r)
{
    cJSON *terms = cJSON_AddArrayToObject(root, "terms");
    for (size_t t = 0; terms != NULL && t < shz_results_term_count(r); t++) {
        const char *text = "";
        size_t len;
        shz_results_term(r, t, &text, &len);
        cJSON *term = cJSON_CreateObject();
        if (term == NULL || !cJSON_AddItemToArray(terms, term)) {
            cJSON_Delete(term);
            return false;
        }
        if (!cJSON_AddStringToObject(term, "text", text) ||
            !cJSON_AddNumberToObject(term, "measures", (double)shz_results_term_measures(r, t)))
            return false;
    }
    return terms != NULL;
}

static cJSON *hit_json(const shz_results *r, size_t i)
{
    const char *snippet = "";
    size_t len;
    shz_results_snippet(r, i, &snippet, &len);
    cJSON *hit = cJSON_CreateObject();
    if (hit == NULL ||
        !cJSON_AddNumberToObject(hit, "id", (double)shz_measure_id(shz_results_measure(r, i))) ||
        !cJSON_AddNumberToObject(hit, "score", (double)shz_results_score(r, i)) ||
        !cJSON_AddStringToObject(hit, "field", field_name(shz_results_field(r, i))) ||
        !add_match(hit, r, i) || !add_spans(hit, r, i) ||
        !cJSON_AddStringToObject(hit, "snippet", snippet)) {
        cJSON_Delete(hit);
        return NULL;
    }
    return hit;
}

/* {"query":…,"hits":[…]} on one line; false when out of memory. */
static bool search_json(outbuf *ob, const char *query, unsigned mode, const shz_results *r)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *hits = NULL;
    bool ok =
        root != NULL && cJSON_AddStringToObject(root, "query", query) &&
        cJSON_AddStringToObject(root, "mode", mode == SHZ_SEARCH_ALL_TERMS ? "all" : "best") &&
        add_terms(root, r) && (hits = cJSON_AddArrayToObject(root, "hits")) != NULL;
    for (size_t i = 0; ok && i < shz_results_count(r); i++) {
        cJSON *hit = hit_json(r, i);
        ok = hit != NULL && cJSON_AddItemToArray(hits, hit);
        if (!ok)
            cJSON_Delete(hit);
    }
    char *text = ok ? cJSON_PrintUnformatted(root) : NULL;
    if (text != NULL) {
        outbuf_puts(ob, text);
        outbuf_puts(ob, "\n");
        cJSON_free(text);
    }
    cJSON_Delete(root);
    return text != NULL;
}

/* Reads --lang and --limit into @p opts. */
static int search_options(cli *c, shz_search_options *opts)
{
    shz_search_options_init(opts);
    opts->lang = c->lang;
    if ((c->given & OPT_MODE) && strcmp(c->mode_arg, "all") == 0)
        opts->mode = SHZ_SEARCH_ALL_TERMS;
    else if ((c->given & OPT_MODE) && strcmp(c->mode_arg, "best") != 0)
        return fail(c, EXIT_USAGE, "search --mode takes best or all, not '%s'", QUOTE(c->mode_arg));
    if (c->given & OPT_LIMIT)
        return parse_limit(c, &opts->limit);
    return 0;
}

/*
 * The one line that says why nothing matched: the terms (as analysed) that no
 * measure holds, or, when each term is somewhere but no measure has them all
 * (all-terms mode), that --mode best would rank partial matches.
 */
static int no_hits(cli *c, const char *query, unsigned mode, const shz_results *r)
{
    char missing[256] = "";
    size_t used = 0, count = 0;
    for (size_t t = 0; t < shz_results_term_count(r); t++) {
        const char *text;
        size_t len;
        if (shz_results_term_measures(r, t) != 0 || shz_results_term(r, t, &text, &len) != SHZ_OK)
            continue;
        int n = snprintf(missing + used, sizeof missing - used, "%s'%s'", count ? ", " : "",
                         QUOTE(text));
        count++;
        if (n < 0 || (size_t)n >= sizeof missing - used)
            break;
        used += (size_t)n;
    }
    if (shz_results_term_count(r) == 0)
        return fail(c, EXIT_NOT_FOUND, "no measure matches '%s' (it has no term to search for)",
                    QUOTE(query));
    if (count > 0)
        return fail(c, EXIT_NOT_FOUND, "no measure matches '%s': no measure contains %s",
                    QUOTE(query), missing);
    if (mode == SHZ_SEARCH_ALL_TERMS)
        return fail(c, EXIT_NOT_FOUND,
                    "no measure matches '%s': no measure holds all its terms (try --mode best)",
                    QUOTE(query));
    return fail(c, EXIT_NOT_FOUND, "no measure matches '%s'", QUOTE(query));
}

/* Runs the search and renders its hits; @p query is the joined terms. */
static int search_run(cli *c, outbuf *ob, const outbuf *query, const shz_search_options *opts)
{
    shz_results *r = NULL;
    shz_status st = shz_search(query->data, query->len, opts, &r);
    if (st != SHZ_OK)
        return fail(c, st == SHZ_ERR_NO_MEMORY ? EXIT_OUTPUT : EXIT_USAGE, "search: %s",
                    shz_errstr(st));
    int status = 0;
    if (c->given & OPT_JSON) {
        /* Always the object, so that `| jq '.hits|length'` gets its input; no hits is
         * still status 1, and the empty array says it: no message. */
        if (!search_json(ob, query->data, opts->mode, r))
            ob->failed = true;
        if (shz_results_count(r) == 0) {
            status = fail(c, EXIT_NOT_FOUND, "%s", "");
            c->write_anyway = true;
        }
    } else if (shz_results_count(r) == 0) {
        status = no_hits(c, query->data, opts->mode, r);
    } else {
        hit_columns w = measure_columns(r);
        for (size_t i = 0; i < shz_results_count(r); i++)
            hit_text(c, ob, r, i, opts->lang, w);
    }
    shz_results_free(r);
    return status;
}

static int cmd_search(cli *c, outbuf *ob)
{
    shz_search_options opts;
    int status = search_options(c, &opts);
    if (status != 0)
        return status;
    outbuf query;
    outbuf_init(&query);
    outbuf_append(&query, "", 0);
    for (size_t i = 0; i < c->nargs; i++) {
        if (i > 0)
            outbuf_puts(&query, " ");
        outbuf_puts(&query, c->args[i]);
    }
    if (outbuf_failed(&query))
        status = fail(c, EXIT_OUTPUT, "out of memory");
    else
        status = search_run(c, ob, &query, &opts);
    outbuf_free(&query);
    return status;
}

/* ---- help and version ---------------------------------------------------- */

static int cmd_help(cli *c, outbuf *ob)
{
    (void)c;
    cli_write_usage(ob);
    return 0;
}

static int cmd_version(cli *c, outbuf *ob)
{
    (void)c;
    outbuf_printf(ob, "shenzhen (libshenzhen) %s\n", shz_version());
    outbuf_printf(ob, "data edition: %s\n", shz_data_version());
    outbuf_printf(ob, "data sha256: %s\n", shz_data_sha256());
    outbuf_printf(ob, "errata: %zu corrections\n", shz_errata_count());
    return 0;
}

/* ---- dispatch ------------------------------------------------------------ */

/* The subcommands, indexed by enum cli_command_id. */
static int (*const command_runs[])(cli *c, outbuf *ob) = {
    [CMD_LIST] = cmd_list, [CMD_SHOW] = cmd_show,     [CMD_CATEGORIES] = cmd_categories,
    [CMD_JSON] = cmd_json, [CMD_SEARCH] = cmd_search, [CMD_HELP] = cmd_help,
};

/* Checks the command's options and argument count. */
static int check_usage(cli *c, const cli_command *cmd, enum cli_command_id id)
{
    unsigned extra = c->given & ~cli_command_options(id);
    if (extra != 0)
        return fail(c, EXIT_USAGE, "option --%s does not apply to '%s'",
                    cli_option_by_bit(extra)->name, cmd->name);
    if (c->nargs < cmd->min_args)
        return fail(c, EXIT_USAGE, "%s: missing %s (see shenzhen --help)", cmd->name, cmd->arg);
    if (c->nargs > cmd->max_args)
        return fail(c, EXIT_USAGE, "%s: unexpected argument '%s'", cmd->name,
                    QUOTE(c->args[cmd->max_args]));
    return 0;
}

/* Reads --lang for command @p id: search takes only the Chinese scripts. */
static int parse_lang(cli *c, enum cli_command_id id)
{
    bool chinese_only = id == CMD_SEARCH;
    const char *arg = c->lang_arg;
    if (shz_lang_parse(arg, strlen(arg), &c->lang) != SHZ_OK ||
        (chinese_only && c->lang == SHZ_LANG_EN))
        return fail(c, EXIT_USAGE, "%s --lang takes %s, not '%s' (see shenzhen --help)",
                    cli_commands[id].name,
                    chinese_only ? "zh-Hans or zh-Hant" : "zh-Hans, zh-Hant or en", QUOTE(arg));
    return 0;
}

static int dispatch(cli *c, outbuf *ob)
{
    if (c->given & OPT_HELP)
        return cmd_help(c, ob);
    if (c->given & OPT_VERSION)
        return cmd_version(c, ob);
    if (c->command == NULL)
        return fail(c, EXIT_USAGE, "missing command (see shenzhen --help)");
    for (size_t i = 0; i < cli_command_count; i++) {
        if (strcmp(c->command, cli_commands[i].name) != 0)
            continue;
        enum cli_command_id id = (enum cli_command_id)i;
        int status = check_usage(c, &cli_commands[i], id);
        if (status == 0 && (c->given & OPT_LANG))
            status = parse_lang(c, id);
        return status != 0 ? status : command_runs[id](c, ob);
    }
    return fail(c, EXIT_USAGE, "unknown command '%s' (see shenzhen --help)", QUOTE(c->command));
}

/* ---- terminal ------------------------------------------------------------ */

/* The terminal's width when stdout is one, else $COLUMNS, else 80; clamped to a sane range. */
static size_t output_width(void)
{
    long cols = 0;
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
        cols = ws.ws_col;
    const char *env = getenv("COLUMNS");
    if (cols <= 0 && env != NULL && env[0] != '\0' && strspn(env, "0123456789") == strlen(env))
        cols = strlen(env) <= 6 ? strtol(env, NULL, 10) : MAX_WIDTH;
    if (cols <= 0)
        cols = 80;
    return cols < MIN_WIDTH ? MIN_WIDTH : cols > MAX_WIDTH ? MAX_WIDTH : (size_t)cols;
}

/* Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
static bool want_colour(void)
{
    const char *no_colour = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (no_colour != NULL && no_colour[0] != '\0')
        return false;
    if (term != NULL && strcmp(term, "dumb") == 0)
        return false;
    return isatty(STDOUT_FILENO);
}

/* ---- main ---------------------------------------------------------------- */

/* Writes the finished output; 0, or EXIT_OUTPUT with the error set. A closed
 * pipe (EPIPE: the reader has all it wanted, as `| head` does) is not an error. */
static int emit_output(cli *c, const outbuf *ob)
{
    if (outbuf_failed(ob))
        return fail(c, EXIT_OUTPUT, "out of memory");
    if (!utf8_valid(ob->data ? ob->data : "", ob->len))
        return fail(c, EXIT_OUTPUT, "internal error: output is not valid UTF-8");
    int err = write_all(STDOUT_FILENO, ob->data ? ob->data : "", ob->len);
    if (err != 0 && err != EPIPE)
        return fail(c, EXIT_OUTPUT, "cannot write output: %s", strerror(err));
    return 0;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    cli c = {0};
    c.args = calloc(argc > 0 ? (size_t)argc : 1, sizeof *c.args);
    c.lang = SHZ_LANG_ZH_HANS;
    c.width = output_width();
    c.terminal = isatty(STDOUT_FILENO);
    c.colour = want_colour();
    outbuf ob;
    outbuf_init(&ob);
    int status = c.args ? parse_args(&c, argc, argv) : fail(&c, EXIT_OUTPUT, "out of memory");
    if (status == 0)
        status = dispatch(&c, &ob);
    if (status == 0 || (status == EXIT_NOT_FOUND && c.write_anyway)) {
        int written = emit_output(&c, &ob);
        status = written != 0 ? written : status;
    }
    if (status != 0 && c.error[0] != '\0')
        fprintf(stderr, "shenzhen: %s\n", c.error);
    outbuf_free(&ob);
    free(c.args);
    return status;
}
