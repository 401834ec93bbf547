/*
 * The runner of cli_run.h.
 */
#define _GNU_SOURCE

#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "../core/test_support.h"
#include "cli_run.h"

#ifndef SHZ_CLI_PATH
#error "SHZ_CLI_PATH must name the built shenzhen command"
#endif

typedef struct sink {
    int fd;
    char *data;
    size_t len;
} sink;

void run_free(run *r)
{
    free(r->out);
    free(r->err);
}

/* In the child: stdout as @p mode asks, stderr on @p err_fd, then exec. */
static void child(char **argv, const char *const *env, enum out_mode mode, int out_fd, int err_fd)
{
    unsetenv("COLUMNS");
    unsetenv("NO_COLOR");
    unsetenv("TERM");
    for (size_t i = 0; env != NULL && env[i] != NULL; i++)
        putenv((char *)env[i]);
    signal(SIGPIPE, SIG_DFL); /* the command must protect itself */
    if (mode == OUT_CLOSED)
        close(STDOUT_FILENO);
    else if (mode == OUT_FULL)
        out_fd = open("/dev/full", O_WRONLY);
    if (mode != OUT_CLOSED && dup2(out_fd, STDOUT_FILENO) < 0)
        _exit(126);
    if (dup2(err_fd, STDERR_FILENO) < 0)
        _exit(126);
    execv(SHZ_CLI_PATH, argv);
    _exit(127);
}

/* Reads what is ready on @p s; false at end of file (or EIO from a pty whose slave closed). */
static bool drain(sink *s)
{
    char buf[65536];
    ssize_t n = read(s->fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
        return true;
    if (n <= 0)
        return false;
    s->data = realloc(s->data, s->len + (size_t)n + 1);
    cr_assert_not_null(s->data);
    memcpy(s->data + s->len, buf, (size_t)n);
    s->len += (size_t)n;
    s->data[s->len] = '\0';
    return true;
}

/* Collects both outputs until both reach end of file. */
static void collect(sink *out, sink *err)
{
    struct pollfd fds[2] = {{out->fd, POLLIN, 0}, {err->fd, POLLIN, 0}};
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
        if (poll(fds, 2, 10000) <= 0)
            cr_assert_fail("the command hung");
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            if (!drain(i == 0 ? out : err)) {
                close(fds[i].fd);
                fds[i].fd = -1;
            }
        }
    }
}

/* A pseudo-terminal of @p cols columns, raw (no "\r\n" translation). */
static void open_pty(int *master, int *slave, unsigned short cols)
{
    struct winsize ws = {24, cols, 0, 0};
    cr_assert_eq(openpty(master, slave, NULL, NULL, &ws), 0);
    struct termios t;
    cr_assert_eq(tcgetattr(*slave, &t), 0);
    cfmakeraw(&t);
    cr_assert_eq(tcsetattr(*slave, TCSANOW, &t), 0);
}

static run run_with(const char *const *env, enum out_mode mode, unsigned short cols,
                    const char *const *args);

run run_argv(const char *const *env, enum out_mode mode, const char *const *args)
{
    return run_with(env, mode, 60, args);
}

run run_pty(const char *const *env, unsigned short cols, const char *const *args)
{
    return run_with(env, OUT_PTY, cols, args);
}

/* Runs the command with @p argv (argv[0] excluded, NULL-terminated); a pty has @p cols columns. */
static run run_with(const char *const *env, enum out_mode mode, unsigned short cols,
                    const char *const *args)
{
    char *argv[64] = {"shenzhen"};
    size_t n = 1;
    for (; args[n - 1] != NULL && n < 63; n++)
        argv[n] = (char *)args[n - 1];
    argv[n] = NULL;
    int out_pipe[2] = {-1, -1}, err_pipe[2];
    cr_assert_eq(pipe(err_pipe), 0);
    if (mode == OUT_PTY)
        open_pty(&out_pipe[0], &out_pipe[1], cols);
    else if (mode != OUT_CLOSED && mode != OUT_FULL)
        cr_assert_eq(pipe(out_pipe), 0);
    if (mode == OUT_BROKEN_PIPE)
        close(out_pipe[0]);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        if (mode != OUT_BROKEN_PIPE && out_pipe[0] >= 0)
            close(out_pipe[0]);
        close(err_pipe[0]);
        child(argv, env, mode, out_pipe[1], err_pipe[1]);
    }
    if (out_pipe[1] >= 0)
        close(out_pipe[1]);
    close(err_pipe[1]);
    int null_fd = open("/dev/null", O_RDONLY);
    sink out = {mode == OUT_BROKEN_PIPE || out_pipe[0] < 0 ? null_fd : out_pipe[0], NULL, 0};
    sink err = {err_pipe[0], NULL, 0};
    collect(&out, &err);
    if (out.fd != null_fd)
        close(null_fd);
    int wstatus;
    cr_assert_eq(waitpid(pid, &wstatus, 0), pid);
    run r = {WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus), out.data, out.len,
             err.data, err.len};
    if (r.out == NULL)
        r.out = calloc(1, 1);
    if (r.err == NULL)
        r.err = calloc(1, 1);
    return r;
}

/* Success: status 0, nothing on stderr, valid UTF-8 on stdout. */
void assert_ok(const run *r, const char *what)
{
    cr_assert_eq(r->status, 0, "%s: status %d, stderr: %s", what, r->status, r->err);
    cr_assert_eq(r->err_len, 0, "%s: stderr: %s", what, r->err);
    cr_assert_eq(strlen(r->out), r->out_len, "%s: NUL in output", what);
    cr_assert(test_utf8_valid(r->out), "%s: stdout is not valid UTF-8", what);
}

/* Failure: @p status, nothing on stdout, one "shenzhen: " line of valid UTF-8 on stderr. */
void assert_fails(const run *r, int status, const char *what)
{
    cr_assert_eq(r->status, status, "%s: status %d, want %d (stderr: %s)", what, r->status, status,
                 r->err);
    cr_assert_eq(r->out_len, 0, "%s: stdout not empty: %s", what, r->out);
    cr_assert_eq(strncmp(r->err, "shenzhen: ", 10), 0, "%s: stderr: %s", what, r->err);
    cr_assert_eq(test_count(r->err, "\n"), 1, "%s: stderr not one line: %s", what, r->err);
    cr_assert_eq(r->err[r->err_len - 1], '\n', "%s", what);
    cr_assert(test_utf8_valid(r->err), "%s: stderr is not valid UTF-8", what);
}
