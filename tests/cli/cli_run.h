/*
 * Running the built `shenzhen` command (SHZ_CLI_PATH) in the tests: fork/exec
 * with its stdout on a pipe (or closed, or a broken pipe, or /dev/full, or a
 * pseudo-terminal) and its stderr on a pipe, then checking how it ended.
 */
#ifndef SHZ_TEST_CLI_RUN_H
#define SHZ_TEST_CLI_RUN_H

#include <stdbool.h>
#include <stddef.h>

/* Where the command's stdout goes. */
enum out_mode { OUT_PIPE, OUT_CLOSED, OUT_BROKEN_PIPE, OUT_FULL, OUT_PTY };

typedef struct run {
    int status; /* exit status, or 128 + signal */
    char *out;  /* NUL-terminated */
    size_t out_len;
    char *err;
    size_t err_len;
} run;

void run_free(run *r);

/* Runs the command with @p args (argv[0] excluded, NULL-terminated), the environment
 * entries @p env added (NULL or NULL-terminated), stdout as @p mode says. */
run run_argv(const char *const *env, enum out_mode mode, const char *const *args);

/* Runs with stdout on a pseudo-terminal of @p cols columns (0: one that does not
 * say its width, so that $COLUMNS counts). */
run run_pty(const char *const *env, unsigned short cols, const char *const *args);

/* Success: status 0, nothing on stderr, valid UTF-8 on stdout. */
void assert_ok(const run *r, const char *what);

/* Failure: @p status, nothing on stdout, one "shenzhen: " line of valid UTF-8 on stderr. */
void assert_fails(const run *r, int status, const char *what);

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})
/* Runs with stdout on a pipe and the environment given (NULL or a NULL-terminated list). */
#define RUN_ENV(env, ...) run_argv((env), OUT_PIPE, ARGS(__VA_ARGS__))
#define RUN(...) RUN_ENV(NULL, __VA_ARGS__)
#define ENV(...) ((const char *const[]){__VA_ARGS__, NULL})

#endif
