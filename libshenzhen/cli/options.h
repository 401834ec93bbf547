/*
 * The commands and options of the shenzhen command, each defined once.
 *
 * Everything that describes them is produced from the two tables here: the
 * parser and the per-command option masks (args.c, main.c), the --help text
 * (cli_write_usage) and the SYNOPSIS and OPTIONS sections of shenzhen(1)
 * (man_options.c writes them into the page at build time).
 *
 * This file and options.c use no part of the library, so that the man page
 * generator can be built without it.
 */
#ifndef SHZ_CLI_OPTIONS_H
#define SHZ_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "outbuf.h"

/* The subcommands, as indexes into cli_commands. */
enum cli_command_id {
    CMD_LIST,
    CMD_SHOW,
    CMD_CATEGORIES,
    CMD_TOPICS,
    CMD_JSON,
    CMD_SEARCH,
    CMD_HELP
};

#define CMD_BIT(id) (1u << (id))
/* An option that needs no command and ends the run (--help, --version). */
#define CMD_GLOBAL 0u

/* One bit per option, in the `given` mask of a parsed command line. */
enum cli_option_bit {
    OPT_LANG = 1u << 0,
    OPT_CATEGORY = 1u << 1,
    OPT_FORMAT = 1u << 2,
    OPT_PRETTY = 1u << 3,
    OPT_ASCII = 1u << 4,
    OPT_JSON = 1u << 5,
    OPT_LIMIT = 1u << 6,
    OPT_HELP = 1u << 7,
    OPT_VERSION = 1u << 8,
    OPT_MODE = 1u << 9,
    OPT_COLOR = 1u << 10,
    OPT_TOPIC = 1u << 11,
    OPT_EXPLAIN = 1u << 12,
    OPT_NO_RELATED = 1u << 13,
    OPT_MIN_RELEVANCE = 1u << 14
};

typedef struct cli_option {
    const char *name;   /* long name, without "--" */
    char short_name;    /* 0 when it has none */
    const char *value;  /* name of its value ("N"), NULL for a flag */
    unsigned bit;       /* its OPT_* bit */
    unsigned commands;  /* CMD_BIT()s of the commands it applies to, or CMD_GLOBAL */
    const char *help;   /* one line for --help */
    const char *detail; /* more for the man page, plain text (NULL: none) */
} cli_option;

typedef struct cli_command {
    const char *name;
    const char *arg;   /* its positional argument ("ID"), NULL when it takes none */
    bool arg_optional; /* [ARG] */
    bool arg_repeats;  /* ARG... */
    size_t min_args;   /* positionals after the command name */
    size_t max_args;   /* (size_t)-1: no limit */
    const char *help;  /* one line for --help */
} cli_command;

extern const cli_option cli_options[];
extern const size_t cli_option_count;
extern const cli_command cli_commands[];
extern const size_t cli_command_count;

/** The OPT_* bits of the options that apply to command @p id. */
unsigned cli_command_options(enum cli_command_id id);

/** The option called @p name (@p len bytes, without "--"), or NULL. */
const cli_option *cli_find_long(const char *name, size_t len);

/** The option whose short name is @p c, or NULL. */
const cli_option *cli_find_short(char c);

/** The option with bit @p bit, or NULL. */
const cli_option *cli_option_by_bit(unsigned bit);

/** Writes the --help text. */
void cli_write_usage(outbuf *ob);

#endif
