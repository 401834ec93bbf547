/*
 * The command's option table (libshenzhen/cli/options.c) is the one place its
 * options are defined: --help, the man page's SYNOPSIS and OPTIONS and what
 * each subcommand accepts must all say exactly what the table says.
 */
#define _GNU_SOURCE

#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../libshenzhen/cli/options.h"
#include "../core/test_support.h"
#include "cli_run.h"

#ifndef SHZ_MAN_PAGE
#error "SHZ_MAN_PAGE must name the built shenzhen.1"
#endif

/* The text of @p path, NUL-terminated. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    char *text = NULL;
    size_t len = 0, cap = 0;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            text = realloc(text, cap);
            cr_assert_not_null(text);
        }
        memcpy(text + len, buf, n);
        len += n;
    }
    fclose(f);
    cr_assert_not_null(text);
    text[len] = '\0';
    return text;
}

/* The part of @p text from the line @p from up to (without) the first line starting with @p to. */
static char *section(const char *text, const char *from, const char *to)
{
    const char *start = strstr(text, from);
    cr_assert_not_null(start, "no section %s", from);
    start += strlen(from);
    const char *end = strstr(start, to);
    size_t len = end ? (size_t)(end - start) : strlen(start);
    return strndup(start, len);
}

/* How many lines of @p text start with @p prefix. */
static size_t lines_starting(const char *text, const char *prefix)
{
    size_t n = 0;
    for (const char *line = text; line && *line;
         line = strchr(line, '\n'), line = line ? line + 1 : NULL)
        n += strncmp(line, prefix, strlen(prefix)) == 0;
    return n;
}

Test(options, help_lists_exactly_the_table)
{
    run r = RUN("--help");
    assert_ok(&r, "--help");
    char *opts = section(r.out, "\nOptions:\n", "\n\n");
    size_t listed = lines_starting(opts, "  -") + lines_starting(opts, "      --");
    cr_expect_eq(listed, cli_option_count, "--help lists %zu options, the table has %zu:\n%s",
                 listed, cli_option_count, opts);
    for (size_t i = 0; i < cli_option_count; i++) {
        const cli_option *o = &cli_options[i];
        char want[128];
        if (o->short_name)
            snprintf(want, sizeof want, "\n  -%c, --%s%s%s", o->short_name, o->name,
                     o->value ? " " : "", o->value ? o->value : "");
        else
            snprintf(want, sizeof want, "\n      --%s%s%s", o->name, o->value ? " " : "",
                     o->value ? o->value : "");
        /* Its help follows on the line, or on the next when the option is too long. */
        char *line = strstr(r.out, want);
        if (line && line[strlen(want)] != ' ' && line[strlen(want)] != '\n')
            line = NULL;
        cr_expect_not_null(line, "--help lacks \"%s\"", want + 1);
        if (line)
            cr_expect_not_null(strstr(line, o->help), "--help: %s without its help", o->name);
    }
    char *cmds = section(r.out, "\nCommands:\n", "\n\n");
    size_t named = 0;
    for (char ch = 'a'; ch <= 'z'; ch++)
        named += lines_starting(cmds, (char[]){' ', ' ', ch, '\0'});
    cr_expect_eq(named, cli_command_count, "--help lists %zu commands, the table has %zu", named,
                 cli_command_count);
    for (size_t i = 0; i < cli_command_count; i++) {
        char want[64];
        snprintf(want, sizeof want, "\n  %s", cli_commands[i].name);
        cr_expect_not_null(strstr(r.out, want), "--help lacks command %s", cli_commands[i].name);
    }
    free(cmds);
    free(opts);
    run_free(&r);
}

Test(options, man_page_lists_exactly_the_table)
{
    char *page = slurp(SHZ_MAN_PAGE);
    cr_expect_null(strstr(page, "generated:"), "a marker was left in the page");
    char *opts = section(page, "\n.SH OPTIONS\n", "\n.SH ");
    size_t entries = lines_starting(opts, ".TP");
    cr_expect_eq(entries, cli_option_count, "OPTIONS has %zu entries, the table has %zu", entries,
                 cli_option_count);
    char *synopsis = section(page, "\n.SH SYNOPSIS\n", "\n.SH ");
    for (size_t i = 0; i < cli_option_count; i++) {
        const cli_option *o = &cli_options[i];
        char want[128];
        snprintf(want, sizeof want, "\\fB\\-\\-%s\\fP", o->name);
        cr_expect_eq(test_count(opts, want), 1, "OPTIONS: %s not exactly once", want);
        if (o->short_name) {
            snprintf(want, sizeof want, ".TP\n\\fB\\-%c\\fP, \\fB\\-\\-%s\\fP", o->short_name,
                     o->name);
            cr_expect_not_null(strstr(opts, want), "OPTIONS: -%c is not with --%s", o->short_name,
                               o->name);
        }
    }
    for (size_t i = 0; i < cli_command_count; i++) {
        char want[64];
        snprintf(want, sizeof want, i == CMD_HELP ? "{ %s " : ".B %s\n", cli_commands[i].name);
        cr_expect_not_null(strstr(synopsis, want), "SYNOPSIS lacks %s", cli_commands[i].name);
    }
    free(synopsis);
    free(opts);
    free(page);
}

/* Every option given to every command: accepted exactly when the table says it applies. */
Test(options, each_command_accepts_the_options_of_the_table)
{
    for (size_t i = 0; i < cli_command_count; i++) {
        const cli_command *cmd = &cli_commands[i];
        unsigned mask = cli_command_options((enum cli_command_id)i);
        for (size_t k = 0; k < cli_option_count; k++) {
            const cli_option *o = &cli_options[k];
            if (o->commands == CMD_GLOBAL)
                continue;
            char opt[64];
            snprintf(opt, sizeof opt, "--%s", o->name);
            /* A value that is valid for every option that takes one. */
            const char *value = o->value ? "1" : NULL;
            if (o->bit == OPT_LANG)
                value = "zh-Hans";
            else if (o->bit == OPT_FORMAT)
                value = "text";
            else if (o->bit == OPT_MODE)
                value = "best";
            else if (o->bit == OPT_COLOR)
                value = "auto";
            else if (o->bit == OPT_TOPIC)
                value = "digital-government"; /* measure 18, which 秒批 finds, carries it */
            const char *arg = cmd->min_args > 0 ? (i == CMD_SEARCH ? "秒批" : "1") : NULL;
            const char *argv[6] = {cmd->name};
            size_t n = 1;
            if (arg)
                argv[n++] = arg;
            argv[n++] = opt;
            if (value)
                argv[n++] = value;
            argv[n] = NULL;
            run r = run_argv(NULL, OUT_PIPE, argv);
            char what[128];
            snprintf(what, sizeof what, "%s %s", cmd->name, opt);
            if (mask & o->bit) {
                cr_expect_eq(r.status, 0, "%s: status %d (%s)", what, r.status, r.err);
            } else {
                assert_fails(&r, 2, what);
                cr_expect_not_null(strstr(r.err, "does not apply"), "%s: %s", what, r.err);
            }
            run_free(&r);
        }
    }
}

/* Each short option does what its long name does. */
Test(options, short_names_are_the_long_options)
{
    for (size_t k = 0; k < cli_option_count; k++) {
        const cli_option *o = &cli_options[k];
        if (!o->short_name)
            continue;
        const char *cmd = o->commands == CMD_GLOBAL             ? NULL
                          : (o->commands & CMD_BIT(CMD_SEARCH)) ? "search"
                          : (o->commands & CMD_BIT(CMD_LIST))   ? "list"
                                                                : "json";
        const char *arg = cmd && strcmp(cmd, "search") == 0 ? "科技" : NULL;
        const char *value = o->bit == OPT_LANG   ? "zh-Hant"
                            : o->bit == OPT_MODE ? "all"
                            : o->value           ? "2"
                                                 : NULL;
        char s[3] = {'-', o->short_name, '\0'}, l[32];
        snprintf(l, sizeof l, "--%s", o->name);
        const char *a[6], *b[6];
        size_t n = 0;
        if (cmd)
            a[n] = b[n] = cmd, n++;
        if (arg)
            a[n] = b[n] = arg, n++;
        a[n] = s, b[n] = l, n++;
        if (value)
            a[n] = b[n] = value, n++;
        a[n] = b[n] = NULL;
        run rs = run_argv(NULL, OUT_PIPE, a), rl = run_argv(NULL, OUT_PIPE, b);
        assert_ok(&rs, s);
        cr_expect_eq(rs.out_len, rl.out_len, "%s and %s differ", s, l);
        cr_expect_eq(memcmp(rs.out, rl.out, rs.out_len < rl.out_len ? rs.out_len : rl.out_len), 0,
                     "%s and %s differ", s, l);
        run_free(&rs);
        run_free(&rl);
    }
}

Test(options, short_values_attach_and_flags_combine)
{
    run a = RUN("search", "科技", "-n2", "-j"), b = RUN("search", "科技", "-jn", "2"),
        c = RUN("search", "科技", "--limit=2", "--json");
    assert_ok(&a, "-n2 -j");
    cr_expect_str_eq(a.out, c.out);
    cr_expect_str_eq(b.out, c.out);
    run bad = RUN("search", "科技", "-jx");
    assert_fails(&bad, 2, "-jx");
    cr_expect_not_null(strstr(bad.err, "'-x'"), "%s", bad.err);
    run missing = RUN("search", "科技", "-n");
    assert_fails(&missing, 2, "-n without a value");
    cr_expect_not_null(strstr(missing.err, "-n (--limit) needs a value"), "%s", missing.err);
    run_free(&a);
    run_free(&b);
    run_free(&c);
    run_free(&bad);
    run_free(&missing);
}
