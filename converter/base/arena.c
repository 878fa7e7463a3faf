#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SC_ARENA_CHUNK = 64 * 1024, SC_ARENA_ALIGN = 16 };

typedef struct sc_chunk {
    struct sc_chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} sc_chunk;

struct sc_arena {
    sc_chunk *head;
    size_t total;
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fputs("sapchu: out of memory\n", stderr);
        abort();
    }
    return p;
}

sc_arena *sc_arena_new(void)
{
    sc_arena *a = xmalloc(sizeof *a);
    a->head = NULL;
    a->total = 0;
    return a;
}

void sc_arena_free(sc_arena *a)
{
    if (!a)
        return;
    for (sc_chunk *c = a->head, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    free(a);
}

void *sc_arena_alloc(sc_arena *a, size_t size)
{
    size = (size + SC_ARENA_ALIGN - 1) & ~(size_t)(SC_ARENA_ALIGN - 1);
    if (size == 0)
        size = SC_ARENA_ALIGN;
    sc_chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        /* Big requests get a chunk of their own so small ones keep filling the current chunk. */
        size_t cap = size > SC_ARENA_CHUNK / 4 ? size : SC_ARENA_CHUNK;
        sc_chunk *n = xmalloc(sizeof *n + cap);
        n->size = cap;
        n->used = 0;
        if (c && cap != SC_ARENA_CHUNK) {
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        a->total += cap;
        c = n;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void *sc_arena_calloc(sc_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        fputs("sapchu: allocation too large\n", stderr);
        abort();
    }
    return sc_arena_alloc(a, count * size);
}

void *sc_arena_realloc(sc_arena *a, void *old, size_t old_size, size_t new_size)
{
    if (new_size <= old_size && old)
        return old;
    void *p = sc_arena_alloc(a, new_size);
    if (old && old_size)
        memcpy(p, old, old_size);
    return p;
}

char *sc_arena_strndup(sc_arena *a, const char *s, size_t len)
{
    char *p = sc_arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *sc_arena_strdup(sc_arena *a, const char *s)
{
    return s ? sc_arena_strndup(a, s, strlen(s)) : NULL;
}

char *sc_arena_printf(sc_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = sc_arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
    if (n > 0)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

size_t sc_arena_bytes_used(const sc_arena *a)
{
    return a->total;
}
