/*
 * The bad-input matrix (matrix.json) against the shenzhen command: every case
 * that has a "cli" part runs `shenzhen ARGS` with stdout a pipe, closed, or
 * /dev/full, and must exit with its documented status (not by a signal),
 * write nothing on stdout, and exactly one valid UTF-8 line "shenzhen: …" on
 * stderr. The command is $SHZ_COMMAND (set by ctest).
 */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "matrix.h"
#include "utf8_test.h"

typedef struct buffer {
    char *data;
    size_t len, cap;
} buffer;

static void buffer_add(buffer *b, const char *bytes, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        cr_assert_not_null(b->data);
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Runs the command; returns its wait status. */
static int run(const char *command, char **argv, const char *mode, buffer *out, buffer *err)
{
    int out_pipe[2], err_pipe[2];
    cr_assert(pipe(out_pipe) == 0 && pipe(err_pipe) == 0);
    pid_t pid = fork();
    cr_assert(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
        dup2(err_pipe[1], STDERR_FILENO);
        if (strcmp(mode, "closed") == 0) {
            close(STDOUT_FILENO);
        } else if (strcmp(mode, "full") == 0) {
            int full = open("/dev/full", O_WRONLY);
            if (full < 0)
                _exit(126);
            dup2(full, STDOUT_FILENO);
            close(full);
        } else {
            dup2(out_pipe[1], STDOUT_FILENO);
        }
        close(out_pipe[0]);
        close(out_pipe[1]);
        close(err_pipe[0]);
        close(err_pipe[1]);
        execv(command, argv);
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    buffer *bufs[2] = {out, err};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0) {
            cr_assert(errno == EINTR, "poll: %s", strerror(errno));
            continue;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char chunk[4096];
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n > 0) {
                buffer_add(bufs[i], chunk, (size_t)n);
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        cr_assert(errno == EINTR, "waitpid: %s", strerror(errno));
    return status;
}

Test(badinput, command)
{
    const char *command = getenv("SHZ_COMMAND");
    if (command == NULL || command[0] == '\0')
        cr_skip_test("SHZ_COMMAND is not set (the shenzhen command is not built)");
    cJSON *root = matrix_load(SHZ_BADINPUT_MATRIX);
    cr_assert_not_null(root, "cannot read %s", SHZ_BADINPUT_MATRIX);
    const cJSON *cases = cJSON_GetObjectItemCaseSensitive(root, "cases");
    size_t run_count = 0, total = 0, skipped = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cases)
    {
        total++;
        const char *id = matrix_str(c, "id");
        const cJSON *cli = cJSON_GetObjectItemCaseSensitive(c, "cli");
        if (!cli)
            continue;
        const cJSON *args = cJSON_GetObjectItemCaseSensitive(cli, "args");
        const char *mode = matrix_str(cli, "stdout");
        /* .ci/valgrind sets this: under valgrind a child's closed stdout is not
         * what the test made it; the command's closed-stdout path is checked
         * there directly, and here in every other build. */
        if (getenv("SHZ_BADINPUT_PIPE_ONLY") && strcmp(mode, "pipe") != 0) {
            skipped++;
            continue;
        }
        int argc = cJSON_GetArraySize(args);
        char **argv = calloc((size_t)argc + 2, sizeof *argv);
        cr_assert_not_null(argv);
        argv[0] = (char *)"shenzhen";
        for (int i = 0; i < argc; i++) {
            bool ok = true;
            size_t len;
            argv[i + 1] = matrix_bytes(cJSON_GetArrayItem(args, i), &len, &ok);
            cr_assert(ok && argv[i + 1] != NULL, "%s: bad argument %d", id, i);
            cr_assert(strlen(argv[i + 1]) == len, "%s: argument %d has a NUL", id, i);
        }
        int want = (int)cJSON_GetObjectItemCaseSensitive(cli, "exit")->valuedouble;
        buffer out = {0}, err = {0};
        int status = run(command, argv, mode, &out, &err);

        cr_expect(WIFEXITED(status), "%s: killed by signal %d", id,
                  WIFSIGNALED(status) ? WTERMSIG(status) : 0);
        if (WIFEXITED(status))
            cr_expect_eq(WEXITSTATUS(status), want, "%s (%s): exit %d, expected %d; stderr: %s", id,
                         matrix_str(c, "what"), WEXITSTATUS(status), want,
                         err.data ? err.data : "");
        cr_expect_eq(out.len, 0, "%s: %zu bytes on stdout", id, out.len);
        const char *e = err.data ? err.data : "";
        cr_expect(strncmp(e, "shenzhen: ", 10) == 0, "%s: stderr does not start 'shenzhen: ': %s",
                  id, e);
        cr_expect(err.len > 0 && e[err.len - 1] == '\n' &&
                      memchr(e, '\n', err.len) == e + err.len - 1,
                  "%s: stderr is not exactly one line: %s", id, e);
        cr_expect(tc_utf8_valid(e, err.len), "%s: stderr is not valid UTF-8", id);
        free(out.data);
        free(err.data);
        for (int i = 1; i <= argc; i++)
            free(argv[i]);
        free(argv);
        run_count++;
    }
    cr_log_info("bad-input matrix, command: %zu cases run of %zu (%zu stdout cases skipped)",
                run_count, total, skipped);
    cJSON_Delete(root);
}
