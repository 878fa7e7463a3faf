/* compute.h — inside the style stage: turning the winning declarations of an element into its
 * computed style (inheritance, initial values, relative units). */
#ifndef SC_COMPUTE_H
#define SC_COMPUTE_H
#include "css.h"

/* A computed style with what inheritance needs beyond the public fields. `s` comes first so a
 * node's `const sc_style *` can be turned back into its sc_computed. */
typedef struct sc_computed {
    sc_style s;
    float line_height_factor; /* > 0 when line-height was a number (or normal): it inherits as
                                 that number, not as the length it gave here */
    unsigned serial;          /* 1, 2, ... in creation order: a deterministic identity */
} sc_computed;

typedef struct sc_compute_ctx {
    sc_arena *arena;
    float content_width;  /* the page's text width: what percentage margins refer to */
    float root_font_size; /* the html element's font size, for rem */
    unsigned next_serial;
} sc_compute_ctx;

void sc_compute_init(sc_compute_ctx *ctx, sc_arena *arena, float content_width);

/* The computed style of an element whose parent has `parent` (NULL: the root, which inherits
 * the initial values: 11pt serif, line-height 1.4, black, left aligned). `win` holds the winning
 * declaration of each property, or NULL. */
sc_computed *sc_compute_style(sc_compute_ctx *ctx, const sc_computed *parent,
                              const sc_css_decl *const win[SC_PROP_COUNT]);

/* The computed style of the body (the DOCUMENT node) under the sheets: what page margin boxes
 * inherit from. Allocated in `arena`. */
const sc_computed *sc_cascade_body_style(sc_arena *arena, sc_stylesheet *const *sheets,
                                         size_t nsheets);

#endif
