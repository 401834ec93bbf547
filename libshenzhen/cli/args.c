/*
 * The command line: options (long, short, grouped, with their values) and
 * positionals, and the numbers they carry.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"

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
    else if (o->bit == OPT_COLOR)
        c->color_arg = value;
    else if (o->bit == OPT_TOPIC)
        c->topic_arg = value;
    else if (o->bit == OPT_MIN_RELEVANCE)
        c->min_relevance_arg = value;
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
int parse_args(cli *c, int argc, char **argv)
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
int parse_id(cli *c, const char *what, const char *arg, int64_t *id)
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
int parse_limit(cli *c, size_t *limit)
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

/* Parses --min-relevance. Only plain decimals are taken (no sign, exponent, hex, inf or nan,
 * which strtod would also read), so that what is accepted is what --help describes. The range is
 * read from the text, not the double, which rounds 1.000...01 to 1: an integer part of 0 (or
 * none), or of 1 with a fraction of zeros. strtod reads the value in the C locale, as the
 * command never sets another. */
int parse_min_relevance(cli *c, double *min_relevance)
{
    const char *arg = c->min_relevance_arg;
    size_t digits = strspn(arg, "0123456789"), zeros = strspn(arg, "0");
    const char *fraction = arg + digits + (arg[digits] == '.');
    size_t fraction_digits = strspn(fraction, "0123456789");
    int decimal = digits + fraction_digits > 0 && fraction[fraction_digits] == '\0';
    int in_range = zeros == digits || (zeros + 1 == digits && arg[zeros] == '1' &&
                                       strspn(fraction, "0") == fraction_digits);
    if (!decimal || !in_range)
        return fail(c, EXIT_USAGE,
                    "invalid --min-relevance '%s': expected a number from 0 to 1, such as 0.3",
                    QUOTE(arg));
    *min_relevance = strtod(arg, NULL);
    return 0;
}
