/*
 * man_options IN OUT: writes shenzhen(1) from its source, replacing the line
 * `.\" generated: SYNOPSIS` with the synopsis of every command and the line
 * `.\" generated: OPTIONS` with the option list, both from the command's own
 * tables (options.c), so that the page documents exactly what the command
 * accepts. Run at build time; fails when a marker is missing.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

/* Plain text as roff: backslashes and hyphens escaped, a leading dot or quote neutralised. */
static void roff_text(FILE *out, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", out);
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
}

/* "-c" or "--category" in roff, as a macro argument. */
static void roff_option_name(FILE *out, const cli_option *o)
{
    if (o->short_name)
        fprintf(out, "\\-%c", o->short_name);
    else
        fprintf(out, "\\-\\-%s", o->name);
}

static void write_synopsis(FILE *out)
{
    for (size_t i = 0; i < cli_command_count; i++) {
        const cli_command *cmd = &cli_commands[i];
        if (i == CMD_HELP)
            continue;
        fprintf(out, ".B shenzhen\n.B %s\n", cmd->name);
        if (cmd->arg && cmd->arg_optional)
            fprintf(out, ".RI [ %s ]\n", cmd->arg);
        else if (cmd->arg)
            fprintf(out, ".I%s %s%s\n", cmd->arg_repeats ? "R" : "", cmd->arg,
                    cmd->arg_repeats ? " .\\|.\\|.\\&" : "");
        unsigned mask = cli_command_options((enum cli_command_id)i);
        for (size_t k = 0; k < cli_option_count; k++) {
            const cli_option *o = &cli_options[k];
            if (!(o->bit & mask))
                continue;
            fputs(".RB [ ", out);
            roff_option_name(out, o);
            if (o->value)
                fprintf(out, "\n.IR %s ]\n", o->value);
            else
                fputs(" ]\n", out);
        }
        fputs(".br\n", out);
    }
    fprintf(out, ".B shenzhen\n.RB { %s", cli_commands[CMD_HELP].name);
    for (size_t k = 0; k < cli_option_count; k++) {
        const cli_option *o = &cli_options[k];
        if (o->commands != CMD_GLOBAL)
            continue;
        if (o->short_name)
            fprintf(out, " | \\-%c", o->short_name);
        fprintf(out, " | \\-\\-%s", o->name);
    }
    fputs(" }\n", out);
}

static void write_options(FILE *out)
{
    for (size_t k = 0; k < cli_option_count; k++) {
        const cli_option *o = &cli_options[k];
        fputs(".TP\n", out);
        if (o->short_name)
            fprintf(out, "\\fB\\-%c\\fP, ", o->short_name);
        fprintf(out, "\\fB\\-\\-%s\\fP", o->name);
        if (o->value)
            fprintf(out, " \\fI%s\\fP", o->value);
        fputc('\n', out);
        char first[2] = {(char)toupper((unsigned char)o->help[0]), '\0'};
        roff_text(out, first);
        roff_text(out, o->help + 1);
        fputs(".\n", out);
        if (o->detail) {
            roff_text(out, o->detail);
            fputc('\n', out);
        }
        if (o->commands != CMD_GLOBAL) {
            fputs("Applies to", out);
            const char *sep = " ";
            for (size_t i = 0; i < cli_command_count; i++) {
                if (!(o->commands & CMD_BIT(i)))
                    continue;
                fprintf(out, "%s\\fB%s\\fP", sep, cli_commands[i].name);
                sep = ", ";
            }
            fputs(".\n", out);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: man_options IN OUT\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    FILE *out = fopen(argv[2], "w");
    if (!out) {
        perror(argv[2]);
        fclose(in);
        return 1;
    }
    char line[4096];
    int seen = 0;
    while (fgets(line, sizeof line, in)) {
        if (strcmp(line, ".\\\" generated: SYNOPSIS\n") == 0) {
            write_synopsis(out);
            seen |= 1;
        } else if (strcmp(line, ".\\\" generated: OPTIONS\n") == 0) {
            write_options(out);
            seen |= 2;
        } else {
            fputs(line, out);
        }
    }
    int failed = ferror(in) || ferror(out);
    fclose(in);
    if (fclose(out) != 0)
        failed = 1;
    if (failed || seen != 3) {
        fprintf(stderr, "man_options: %s\n",
                failed ? "read or write error" : "a '.\\\" generated:' marker is missing");
        remove(argv[2]);
        return 1;
    }
    return 0;
}
