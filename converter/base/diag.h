/* diag.h — the diagnostics list every stage reports into. Nothing in the converter prints; the CLI
 * decides what to show. A message names where it comes from: file, line, column, byte offset. */
#ifndef SC_DIAG_H
#define SC_DIAG_H
#include <stddef.h>

typedef enum { SC_NOTE, SC_WARNING, SC_ERROR } sc_severity;

typedef struct sc_diag {
    sc_severity severity;
    char *file;      /* may be NULL */
    int line;        /* 1-based; 0 when unknown */
    int column;      /* 1-based; 0 when unknown */
    long offset;     /* byte offset into the input; -1 when unknown */
    char *message;
} sc_diag;

typedef struct sc_diag_list {
    sc_diag *items;
    size_t count, cap;
    size_t errors, warnings;
} sc_diag_list;

void sc_diag_init(sc_diag_list *list);
void sc_diag_clear(sc_diag_list *list); /* frees all messages */
void sc_diag_add(sc_diag_list *list, sc_severity sev, const char *file, int line, int column,
                 long offset, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Shorthands without a position. */
void sc_diag_error(sc_diag_list *list, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void sc_diag_warning(sc_diag_list *list, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "file:line:column: error: message" (the parts that are known), no newline. Caller frees. */
char *sc_diag_format(const sc_diag *d);

#endif
