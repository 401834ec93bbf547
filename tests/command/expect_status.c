/* expect_status STATUS PROGRAM [ARGUMENT...]
 *
 * Runs PROGRAM with its arguments (argv[0] "shenzhen") and checks how it
 * ended: it must exit with STATUS; a run that fails (STATUS not 0) must say
 * why in one line on stderr that starts "shenzhen: " and print nothing on
 * stdout; a run that succeeds must print something on stdout and nothing on
 * stderr. Exits 0 when all of that holds, 1 (saying what differed) otherwise.
 *
 * Under .ci/valgrind the program runs under memcheck too: valgrind follows
 * children, and the command is reached through a path that its skip pattern
 * (*\/shenzhen) does not match; its exit status is kept unless it finds an
 * error (then 99, which differs from every expected status). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    char *data;
    size_t len;
} buffer;

/* Reads everything from fd into b (NUL-terminated). */
static int slurp(int fd, buffer *b)
{
    size_t cap = 4096;
    b->data = malloc(cap);
    b->len = 0;
    if (!b->data)
        return -1;
    for (;;) {
        if (cap - b->len < 2) {
            char *more = realloc(b->data, cap * 2);
            if (!more)
                return -1;
            b->data = more;
            cap *= 2;
        }
        ssize_t n = read(fd, b->data + b->len, cap - b->len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        b->len += (size_t)n;
    }
    b->data[b->len] = '\0';
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: expect_status STATUS PROGRAM [ARGUMENT...]\n");
        return 2;
    }
    char *end;
    long expected = strtol(argv[1], &end, 10);
    if (*end != '\0' || expected < 0 || expected > 255) {
        fprintf(stderr, "expect_status: bad status '%s'\n", argv[1]);
        return 2;
    }
    const char *program = argv[2];
    argv[2] = "shenzhen";

    /* stdout into a file (it may be large), stderr through a pipe */
    FILE *out = tmpfile();
    int err_pipe[2];
    if (!out || pipe(err_pipe) != 0) {
        perror("expect_status");
        return 2;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("expect_status: fork");
        return 2;
    }
    if (pid == 0) {
        dup2(fileno(out), STDOUT_FILENO);
        dup2(err_pipe[1], STDERR_FILENO);
        close(err_pipe[0]);
        close(err_pipe[1]);
        execv(program, argv + 2);
        fprintf(stderr, "expect_status: cannot run %s: %s\n", program, strerror(errno));
        _exit(127);
    }
    close(err_pipe[1]);
    buffer err;
    if (slurp(err_pipe[0], &err) != 0) {
        perror("expect_status: reading stderr");
        return 2;
    }
    int wstatus;
    while (waitpid(pid, &wstatus, 0) < 0) {
        if (errno != EINTR) {
            perror("expect_status: waitpid");
            return 2;
        }
    }
    long out_len = ftell(out);

    int ok = 1;
    if (!WIFEXITED(wstatus)) {
        printf("FAIL: killed by signal %d\n", WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0);
        ok = 0;
    } else if (WEXITSTATUS(wstatus) != expected) {
        printf("FAIL: exit status %d, expected %ld\n", WEXITSTATUS(wstatus), expected);
        ok = 0;
    }
    if (expected != 0) {
        const char *newline = strchr(err.data, '\n');
        if (strncmp(err.data, "shenzhen: ", 10) != 0 || !newline || newline[1] != '\0') {
            printf("FAIL: stderr is not one line \"shenzhen: …\"\n");
            ok = 0;
        }
        if (out_len != 0) {
            printf("FAIL: %ld bytes on stdout from a run that fails\n", out_len);
            ok = 0;
        }
    } else {
        if (err.len != 0) {
            printf("FAIL: stderr from a run that succeeds\n");
            ok = 0;
        }
        if (out_len <= 0) {
            printf("FAIL: nothing on stdout\n");
            ok = 0;
        }
    }
    printf("exit status %d (expected %ld), %ld bytes on stdout, stderr: %s",
           WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1, expected, out_len,
           err.len ? err.data : "(empty)\n");
    free(err.data);
    fclose(out);
    return ok ? 0 : 1;
}
