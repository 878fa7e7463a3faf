/* borders.h — inside the layout stage: blocks with a CSS border (borders.c), drawn as rules
 * around slices of the block's content. */
#ifndef SC_BORDERS_H
#define SC_BORDERS_H
#include "blocks.h"

/* While a bordered block's content is laid out, the block builder writes into `inner`. */
typedef struct sc_border_scope {
    sc_flow *outer;
    sc_flow inner;
    float margin_pending, fixed_pending; /* the outer flow's, put back at the end */
    int break_pending;
} sc_border_scope;

/* Does any edge of the style have a visible border? */
int sc_block_has_border(const sc_style *st);
/* The width of an edge's border (0 when its style is none). */
float sc_border_width(const sc_style *st, sc_edge edge);
/* Redirect the block builder into the scope's own flow. */
void sc_border_begin(sc_block_ctx *c, sc_border_scope *s);
/* Back to the outer flow: push the content as bordered slices; [x, x + w] is the border box. */
void sc_border_end(sc_block_ctx *c, sc_border_scope *s, const sc_style *st, float x, float w);

#endif
