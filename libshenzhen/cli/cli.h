/*
 * What the parts of the shenzhen command share: the parsed command line, the
 * exit statuses, the error message, and the helpers every subcommand's output
 * uses. main.c parses and dispatches; each cmd_*.c is one subcommand, and the
 * search's two output forms are search_text.c and search_json.c.
 */
#ifndef SHZ_CLI_H
#define SHZ_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenzhen.h"

#include "outbuf.h"

enum { EXIT_NOT_FOUND = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

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
    const char *color_arg;
    const char *topic_arg;
    const char *min_relevance_arg;
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
int fail(cli *c, int status, const char *fmt, ...);

/* Copies @p s for an error message: its first 60 bytes or so, controls and malformed UTF-8 as
 * \xNN, into @p dst; returns @p dst. */
const char *quoted(char *dst, size_t cap, const char *s);
#define QUOTE(s) quoted((char[256]){0}, 256, (s))

/* Splits argv into options and positionals; the first positional is the command. */
int parse_args(cli *c, int argc, char **argv);
/* Parses a decimal id: non-numeric or beyond int64 is bad usage (2). */
int parse_id(cli *c, const char *what, const char *arg, int64_t *id);
/* Parses --limit: a decimal integer; 0 means no limit, as in shz_search_options. */
int parse_limit(cli *c, size_t *limit);
/* Parses --min-relevance: a decimal number from 0 to 1 (digits, at most one point). */
int parse_min_relevance(cli *c, double *min_relevance);

/* Reads --topic (a key, or a topic's id) into @p topic; 0, or the status of a failure. */
int parse_topic(cli *c, const shz_topic **topic);
/* Looks up the measure named by @p arg: 2 if malformed, 1 if absent. */
int lookup_measure(cli *c, const char *arg, const shz_measure **m);

/* Columns left for a title after @p used columns: the rest of the line on a terminal, else
 * no limit. */
size_t title_room(const cli *c, size_t used);
/* Decimal digits of @p v (with its sign). */
size_t digits(int64_t v);
/* A label padded to LABEL_WIDTH, then @p text wrapped under it. */
void field_line(const cli *c, outbuf *ob, const char *label, const char *text, size_t len);
/* A text field of @p m in @p lang, or "" when it has none. */
const char *measure_text(const shz_measure *m, shz_field field, shz_lang lang, size_t *len);
/* The title of @p cat in @p lang, or "". */
const char *category_title(const shz_category *cat, shz_lang lang, size_t *len);
/* The name of @p field, or "?". */
const char *field_name(shz_field field);

/* Whether hit @p i is a related measure of hit 0 listed after the matches (SHZ_MATCH_RELATED):
 * then *@p best is hit 0's measure and *@p link the index of hit i's among its related measures
 * (for shz_measure_related_reason()). */
bool related_link(const shz_results *r, size_t i, const shz_measure **best, size_t *link);

/* Why hit @p i has its relevance: a line per query term (shz_results_explain()). */
void hit_explain(outbuf *ob, const shz_results *r, size_t i);

/* The search's output forms. */
/* Column widths of the hit lines. */
typedef struct hit_columns {
    size_t id, field, match;
} hit_columns;

/* The column widths that fit every hit of @p r. */
hit_columns measure_columns(const shz_results *r);
/* "id  field  match  title", then the snippet, of hit @p i. */
void hit_text(const cli *c, outbuf *ob, const shz_results *r, size_t i, shz_lang lang,
              hit_columns w);
/* {"query":…,"hits":[…]} on one line, titles in @p lang, each hit with its "explain" when
 * @p explain; false when out of memory. */
bool search_json(outbuf *ob, const char *query, unsigned mode, shz_lang lang, bool explain,
                 const shz_results *r);

/* The subcommands: each fills @p ob and returns the exit status. */
int cmd_list(cli *c, outbuf *ob);
int cmd_categories(cli *c, outbuf *ob);
int cmd_topics(cli *c, outbuf *ob);
int cmd_show(cli *c, outbuf *ob);
int cmd_json(cli *c, outbuf *ob);
int cmd_search(cli *c, outbuf *ob);

#endif
