#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *s = malloc((size_t)(n < 0 ? 0 : n) + 1);
    if (!s) {
        va_end(ap2);
        return NULL;
    }
    vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

void sc_diag_init(sc_diag_list *l)
{
    memset(l, 0, sizeof *l);
}

void sc_diag_clear(sc_diag_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].file);
        free(l->items[i].message);
    }
    free(l->items);
    sc_diag_init(l);
}

static void vadd(sc_diag_list *l, sc_severity sev, const char *file, int line, int col, long off,
                 const char *fmt, va_list ap)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        sc_diag *items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return;
        l->items = items;
        l->cap = cap;
    }
    sc_diag *d = &l->items[l->count++];
    d->severity = sev;
    d->file = file ? strdup(file) : NULL;
    d->line = line;
    d->column = col;
    d->offset = off;
    d->message = vformat(fmt, ap);
    if (sev == SC_ERROR)
        l->errors++;
    else if (sev == SC_WARNING)
        l->warnings++;
}

void sc_diag_add(sc_diag_list *l, sc_severity sev, const char *file, int line, int col, long off,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(l, sev, file, line, col, off, fmt, ap);
    va_end(ap);
}

void sc_diag_error(sc_diag_list *l, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(l, SC_ERROR, file, 0, 0, -1, fmt, ap);
    va_end(ap);
}

void sc_diag_warning(sc_diag_list *l, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(l, SC_WARNING, file, 0, 0, -1, fmt, ap);
    va_end(ap);
}

char *sc_diag_format(const sc_diag *d)
{
    static const char *const names[] = {"note", "warning", "error"};
    char where[512] = "";
    size_t n = 0;
    if (d->file) {
        n += (size_t)snprintf(where + n, sizeof where - n, "%s:", d->file);
        if (d->line > 0 && n < sizeof where)
            n += (size_t)snprintf(where + n, sizeof where - n, "%d:", d->line);
        if (d->line > 0 && d->column > 0 && n < sizeof where)
            n += (size_t)snprintf(where + n, sizeof where - n, "%d:", d->column);
        if (n < sizeof where)
            snprintf(where + n, sizeof where - n, " ");
    }
    const char *msg = d->message ? d->message : "(out of memory)";
    size_t len = strlen(where) + strlen(msg) + 16;
    char *s = malloc(len);
    if (s)
        snprintf(s, len, "%s%s: %s", where, names[d->severity], msg);
    return s;
}
