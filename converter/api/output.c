#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int sc_output_begin(sc_output_file *out, const char *target, const char *input, sc_diag_list *d)
{
    memset(out, 0, sizeof *out);
    out->to_stdout = strcmp(target, "-") == 0;
    if (strlen(target) + 1 > sizeof out->target) {
        sc_diag_error(d, target, "output path too long");
        return -1;
    }
    strcpy(out->target, target);
    if (!out->to_stdout && input && strcmp(input, "-") != 0 && same_file(target, input)) {
        sc_diag_error(d, target, "output would overwrite the input file");
        return -1;
    }
    struct stat st;
    if (!out->to_stdout && stat(target, &st) == 0 && S_ISDIR(st.st_mode)) {
        sc_diag_error(d, target, "output is a directory");
        return -1;
    }
    int n;
    if (out->to_stdout) {
        const char *tmp = getenv("TMPDIR");
        n = snprintf(out->temp, sizeof out->temp, "%s/sapchu-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    } else {
        const char *slash = strrchr(target, '/');
        int dirlen = slash ? (int)(slash - target) + 1 : 0;
        n = snprintf(out->temp, sizeof out->temp, "%.*s.%s.XXXXXX", dirlen, target,
                     slash ? slash + 1 : target);
    }
    if (n < 0 || (size_t)n >= sizeof out->temp) {
        sc_diag_error(d, target, "output path too long");
        return -1;
    }
    int fd = mkstemp(out->temp);
    if (fd < 0) {
        sc_diag_error(d, target, "cannot write output: %s", strerror(errno));
        out->temp[0] = '\0';
        return -1;
    }
    /* mkstemp makes the file 0600; an output is an ordinary file for its owner's umask. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    return 0;
}

static int copy_to_stdout(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char buf[65536];
    size_t n;
    int ok = 1;
    while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
        ok = fwrite(buf, 1, n, stdout) == n;
    ok = ok && !ferror(f) && fflush(stdout) == 0;
    fclose(f);
    return ok ? 0 : -1;
}

int sc_output_commit(sc_output_file *out, sc_diag_list *d)
{
    if (out->to_stdout) {
        int rc = copy_to_stdout(out->temp);
        unlink(out->temp);
        out->temp[0] = '\0';
        if (rc != 0)
            sc_diag_error(d, "<stdout>", "cannot write standard output: %s", strerror(errno));
        return rc;
    }
    if (rename(out->temp, out->target) != 0) {
        sc_diag_error(d, out->target, "cannot write output: %s", strerror(errno));
        sc_output_abort(out);
        return -1;
    }
    out->temp[0] = '\0';
    return 0;
}

void sc_output_abort(sc_output_file *out)
{
    if (out->temp[0])
        unlink(out->temp);
    out->temp[0] = '\0';
}
