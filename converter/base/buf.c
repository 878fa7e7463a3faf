#include "buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void sc_buf_init(sc_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void sc_buf_free(sc_buf *b)
{
    free(b->data);
    sc_buf_init(b);
}

void sc_buf_reserve(sc_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        fputs("sapchu: out of memory\n", stderr);
        abort();
    }
    b->data = d;
    b->cap = cap;
}

void sc_buf_append(sc_buf *b, const void *data, size_t len)
{
    sc_buf_reserve(b, len);
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void sc_buf_puts(sc_buf *b, const char *s)
{
    sc_buf_append(b, s, strlen(s));
}

void sc_buf_putc(sc_buf *b, char c)
{
    sc_buf_append(b, &c, 1);
}

void sc_buf_printf(sc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        sc_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

int sc_buf_read_file(sc_buf *b, const char *path, size_t max_size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return -1;
    }
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (b->len + n > max_size) {
            fclose(f);
            errno = EFBIG;
            return -1;
        }
        sc_buf_append(b, tmp, n);
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        errno = EIO;
        return -1;
    }
    if (!b->data)
        sc_buf_reserve(b, 0), b->data[0] = '\0';
    return 0;
}
