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
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"
#include "render.h"

#define MIN_WIDTH 20
#define MAX_WIDTH 1000

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
    [CMD_LIST] = cmd_list,     [CMD_SHOW] = cmd_show, [CMD_CATEGORIES] = cmd_categories,
    [CMD_TOPICS] = cmd_topics, [CMD_JSON] = cmd_json, [CMD_SEARCH] = cmd_search,
    [CMD_HELP] = cmd_help,
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

/* Reads --lang (every command takes the three languages). */
static int parse_lang(cli *c, enum cli_command_id id)
{
    const char *arg = c->lang_arg;
    if (shz_lang_parse(arg, strlen(arg), &c->lang) != SHZ_OK)
        return fail(c, EXIT_USAGE,
                    "%s --lang takes zh-Hans, zh-Hant or en, not '%s' (see shenzhen --help)",
                    cli_commands[id].name, QUOTE(arg));
    return 0;
}

/* Reads --color: auto (the default) keeps what the terminal and NO_COLOR decided. */
static int parse_colour(cli *c, enum cli_command_id id)
{
    if (strcmp(c->color_arg, "always") == 0)
        c->colour = true;
    else if (strcmp(c->color_arg, "never") == 0)
        c->colour = false;
    else if (strcmp(c->color_arg, "auto") != 0)
        return fail(c, EXIT_USAGE, "%s --color takes auto, always or never, not '%s'",
                    cli_commands[id].name, QUOTE(c->color_arg));
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
        if (status == 0 && (c->given & OPT_COLOR))
            status = parse_colour(c, id);
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
