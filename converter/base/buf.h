/* buf.h — a growable byte buffer (heap-owned by whoever declared it; free with sc_buf_free). */
#ifndef SC_BUF_H
#define SC_BUF_H
#include <stddef.h>

typedef struct sc_buf {
    char *data; /* always NUL-terminated when non-NULL */
    size_t len, cap;
} sc_buf;

void sc_buf_init(sc_buf *b);
void sc_buf_free(sc_buf *b);
void sc_buf_reserve(sc_buf *b, size_t extra);
void sc_buf_append(sc_buf *b, const void *data, size_t len);
void sc_buf_puts(sc_buf *b, const char *s);
void sc_buf_putc(sc_buf *b, char c);
void sc_buf_printf(sc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Read a whole file; returns 0, or -1 with errno set. Refuses files above max_size (errno EFBIG). */
int sc_buf_read_file(sc_buf *b, const char *path, size_t max_size);

#endif
