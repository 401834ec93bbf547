/*
 * The tables of options.h and the --help text made from them.
 */
#include "options.h"

#include <string.h>

#define TEXT_COMMANDS                                                                              \
    (CMD_BIT(CMD_LIST) | CMD_BIT(CMD_SHOW) | CMD_BIT(CMD_CATEGORIES) | CMD_BIT(CMD_TOPICS) |       \
     CMD_BIT(CMD_SEARCH))

const cli_option cli_options[] = {
    {"lang", 'l', "L", OPT_LANG, TEXT_COMMANDS, "language: zh-Hans (default), zh-Hant or en",
     "Also accepted, without regard to case and with _ for -: zh, zh-CN and zh-SG for "
     "zh-Hans (Simplified Chinese); zh-TW, zh-HK and zh-MO for zh-Hant (Traditional Chinese); "
     "en-US and en-GB for en (English). search sets the language of the titles, snippets and "
     "match offsets: in English, a match in the English title, summary or body shows that text, "
     "a match in the Chinese text shows it in zh-Hans."},
    {"category", 'c', "N", OPT_CATEGORY, CMD_BIT(CMD_LIST), "only the measures of category N (1-5)",
     NULL},
    {"topic", 't', "KEY", OPT_TOPIC, CMD_BIT(CMD_LIST) | CMD_BIT(CMD_SEARCH),
     "only the measures of topic KEY (see topics)",
     "KEY is a topic's key as topics prints it, such as healthcare or cross-border-rules, or "
     "its id (1, 2, ...); list -t KEY -c N gives the measures of both; search -t KEY ranks "
     "only the topic's measures."},
    {"format", 0, "F", OPT_FORMAT, CMD_BIT(CMD_LIST), "text (default), tsv or jsonl: for scripts",
     "tsv: a header line (id, category, title), then one line per measure, fields separated "
     "by a tab; a tab, newline, carriage return or backslash inside a field is written as \\t, "
     "\\n, \\r or \\\\. jsonl: JSON Lines, one compact JSON object per measure and line, as "
     "json ID prints it. Titles are never cut in these formats."},
    {"pretty", 'p', NULL, OPT_PRETTY, CMD_BIT(CMD_JSON), "indented JSON", NULL},
    {"ascii", 0, NULL, OPT_ASCII, CMD_BIT(CMD_JSON), "JSON with every non-ASCII character escaped",
     "Characters beyond the Basic Multilingual Plane are written as surrogate pairs."},
    {"json", 'j', NULL, OPT_JSON, CMD_BIT(CMD_SEARCH), "the hits as one JSON object",
     "The object is printed even when nothing matched: its hits array is empty, the exit "
     "status is 1 and nothing is written on stderr. See JSON OUTPUT."},
    {"limit", 'n', "N", OPT_LIMIT, CMD_BIT(CMD_SEARCH), "at most N hits; 0 means no limit",
     "N is a decimal integer. Without this option every hit is printed."},
    {"mode", 'm', "M", OPT_MODE, CMD_BIT(CMD_SEARCH),
     "best (default: ranked, may miss terms) or all (every term, literally)",
     "best ranks the measures by their relevance (the share of the query's weight they hold), "
     "lets a measure miss some of the terms (the precision rule decides how many) and "
     "tolerates some typos and homophones; all keeps only the measures that contain every "
     "whitespace-separated term literally, ranked as in version 1.0. The MATCH column and the "
     "JSON say how each hit matched."},
    {"min-relevance", 0, "R", OPT_MIN_RELEVANCE, CMD_BIT(CMD_SEARCH),
     "hits hold at least R of the query's weight (0-1; default 0.13)",
     "R is a decimal number from 0 to 1, such as 0.3: the least relevance a measure needs to "
     "match in --mode best (all ignores it). The default is the precision rule's threshold, "
     "0.13 (see shenzhen-search(7)); a higher R keeps only the measures that hold more of the "
     "query, 0 keeps every measure that holds a word of it the rule lets count. When nothing "
     "matches, the message names the closest measure and the R that would show it."},
    {"explain", 0, NULL, OPT_EXPLAIN, CMD_BIT(CMD_SEARCH),
     "under each hit, why it has its relevance, term by term",
     "For each query term: the field it is best held in, how (exact, stem, tolerant, or - when "
     "the hit does not hold it), its weight (its share of the query's weight) and its "
     "contribution to the relevance; the contributions add up to the relevance. With --json, "
     "each hit gets an explain array of these (see JSON OUTPUT)."},
    {"no-related", 0, NULL, OPT_NO_RELATED, CMD_BIT(CMD_SEARCH),
     "no related measures after the measures that match",
     "By default (--mode best), the best match's closely related measures that do not match the "
     "query "
     "follow the matches, marked related in the MATCH column: a reader asking about one measure "
     "is often served by its companions. --no-related leaves them out."},
    {"color", 0, "WHEN", OPT_COLOR, CMD_BIT(CMD_SEARCH),
     "highlight matches: auto (default), always or never",
     "auto highlights when stdout is a terminal, TERM is not dumb and NO_COLOR is not set "
     "(https://no-color.org); always highlights in a pipe too, for less -R, whatever NO_COLOR "
     "says; never does not highlight. Highlights are ANSI bold red."},
    {"help", 'h', NULL, OPT_HELP, CMD_GLOBAL, "print this help and exit", NULL},
    {"version", 'V', NULL, OPT_VERSION, CMD_GLOBAL,
     "print library and data versions, errata count and exit",
     "Prints the library version, the data edition, the SHA-256 of the catalogue compiled in "
     "and the number of corrections made to the source text. The first line is "
     "\"shenzhen (libshenzhen) VERSION\"."},
};
const size_t cli_option_count = sizeof cli_options / sizeof cli_options[0];

const cli_command cli_commands[] = {
    [CMD_LIST] = {"list", NULL, false, false, 0, 0, "one line per measure: ID, CATEGORY, TITLE"},
    [CMD_SHOW] = {"show", "ID", false, true, 1, (size_t)-1, "each measure named, in full"},
    [CMD_CATEGORIES] = {"categories", NULL, false, false, 0, 0,
                        "ID, TITLE, measure count and ID range of each category"},
    [CMD_TOPICS] = {"topics", NULL, false, false, 0, 0, "KEY, NAME and measure ids of each topic"},
    [CMD_JSON] = {"json", "ID", true, false, 0, 1, "the catalogue, or one measure, as JSON"},
    [CMD_SEARCH] = {"search", "QUERY", false, true, 1, (size_t)-1,
                    "ranked hits: ID, FIELD, TITLE, then a snippet"},
    [CMD_HELP] = {"help", NULL, false, false, 0, 0, "the same as --help"},
};
const size_t cli_command_count = sizeof cli_commands / sizeof cli_commands[0];

unsigned cli_command_options(enum cli_command_id id)
{
    unsigned mask = 0;
    for (size_t i = 0; i < cli_option_count; i++)
        if (cli_options[i].commands & CMD_BIT(id))
            mask |= cli_options[i].bit;
    return mask;
}

const cli_option *cli_find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < cli_option_count; i++)
        if (strlen(cli_options[i].name) == len && memcmp(cli_options[i].name, name, len) == 0)
            return &cli_options[i];
    return NULL;
}

const cli_option *cli_find_short(char c)
{
    for (size_t i = 0; c != 0 && i < cli_option_count; i++)
        if (cli_options[i].short_name == c)
            return &cli_options[i];
    return NULL;
}

const cli_option *cli_option_by_bit(unsigned bit)
{
    for (size_t i = 0; i < cli_option_count; i++)
        if (cli_options[i].bit & bit)
            return &cli_options[i];
    return NULL;
}

#define COMMAND_HELP_COLUMN 36
#define OPTION_HELP_COLUMN 20

/* "list [-c N] [-l L]": a command with its argument and options, short names where they exist. */
static size_t command_synopsis(outbuf *ob, const cli_command *cmd, unsigned options)
{
    size_t start = ob->len;
    outbuf_puts(ob, cmd->name);
    if (cmd->arg)
        outbuf_printf(ob, cmd->arg_optional ? " [%s%s]" : " %s%s", cmd->arg,
                      cmd->arg_repeats ? "..." : "");
    for (size_t i = 0; i < cli_option_count; i++) {
        const cli_option *o = &cli_options[i];
        if (!(o->bit & options))
            continue;
        if (o->short_name)
            outbuf_printf(ob, " [-%c", o->short_name);
        else
            outbuf_printf(ob, " [--%s", o->name);
        outbuf_printf(ob, "%s%s]", o->value ? " " : "", o->value ? o->value : "");
    }
    return ob->len - start;
}

/* Pads from @p used columns to @p column (or starts a new line there), then the help. */
static void help_cell(outbuf *ob, size_t used, size_t column, const char *help)
{
    if (used + 2 > column) {
        outbuf_puts(ob, "\n");
        used = 0;
    }
    outbuf_repeat(ob, ' ', column - used);
    outbuf_printf(ob, "%s\n", help);
}

void cli_write_usage(outbuf *ob)
{
    outbuf_puts(ob, "Usage: shenzhen COMMAND [ARGS] [OPTIONS]\n"
                    "Browse and search the 47 innovative measures of the Shenzhen Special Economic "
                    "Zone\n(NDRC notice 1072 of 2021).\n\nCommands:\n");
    for (size_t i = 0; i < cli_command_count; i++) {
        outbuf_puts(ob, "  ");
        size_t used = 2 + command_synopsis(ob, &cli_commands[i], cli_command_options(i));
        help_cell(ob, used, COMMAND_HELP_COLUMN, cli_commands[i].help);
    }
    outbuf_puts(ob, "\nOptions:\n");
    for (size_t i = 0; i < cli_option_count; i++) {
        const cli_option *o = &cli_options[i];
        size_t start = ob->len;
        if (o->short_name)
            outbuf_printf(ob, "  -%c, ", o->short_name);
        else
            outbuf_puts(ob, "      ");
        outbuf_printf(ob, "--%s%s%s", o->name, o->value ? " " : "", o->value ? o->value : "");
        help_cell(ob, ob->len - start, OPTION_HELP_COLUMN, o->help);
    }
    outbuf_puts(ob,
                "\n"
                "Options may come before or after the arguments; \"--\" ends the options.\n"
                "A value follows its option as the next argument, or after \"=\" (--lang=en)\n"
                "or directly after a short option (-n5).\n"
                "The terms of a search are joined with spaces; \"quoted words\" form a phrase.\n"
                "search - reads the query from standard input (its final line end removed).\n"
                "Matches are highlighted when stdout is a terminal and NO_COLOR is not set,\n"
                "unless --color=always or --color=never says otherwise.\n"
                "\n"
                "Exit status: 0 success, 1 not found (unknown ID or category, no hits),\n"
                "2 bad usage or bad query, 3 output failed (write error, out of memory).\n");
}
