/* blocks.h — inside the layout stage: the block builder's shared state, used by blocks.c (flow of
 * paragraphs, headings, quotes, code, rules), block_inlines.c (a block's inline content into a
 * paragraph), lists.c, tables.c and footnotes.c. */
#ifndef SC_BLOCKS_H
#define SC_BLOCKS_H
#include "flow.h"

typedef struct sc_block_ctx {
    const sc_document *doc;
    sc_shaper *shaper;
    sc_arena *arena;
    sc_diag_list *diags;
    sc_flow *flow;
    float area_x, area_w;       /* the text area's left edge and width */
    float area_h;               /* its height: what a page holds */
    const sc_style *default_style; /* for nodes the style stage left without a style */

    /* Vertical space waiting for the next element: adjacent margins collapse (the largest wins),
     * paddings add up. */
    float margin_pending, fixed_pending;
    int break_pending;          /* page-break-before waiting for the next element */
    int para_serial;
    int depth;                  /* block nesting, bounded (blocks.c) */
    int warned_nesting;

    /* A list marker waiting for the item's first line. */
    const sc_line *marker;
    float marker_x;

    /* Footnotes: definitions in document order, each with its first reference (or NULL). */
    const sc_node **notes, **note_refs;
    size_t nnotes;
    const sc_node *note_prefix; /* the definition whose number starts the next paragraph */

    /* ::before / ::after text and CSS counters, computed in document order (counters.c). */
    const struct sc_counters *counters;
} sc_block_ctx;

/* The style a node is laid out with (its own, else the nearest ancestor's, else the default). */
const sc_style *sc_block_style(const sc_block_ctx *c, const sc_node *n);
/* The language of a node: its own, an ancestor's, the document's, else "vi". */
const char *sc_block_lang(const sc_block_ctx *c, const sc_node *n);

/* Vertical space before the next element. */
void sc_block_margin(sc_block_ctx *c, float margin);
void sc_block_fixed(sc_block_ctx *c, float space);
/* A new element carrying the pending space, break and list marker. */
sc_flow_elem *sc_block_push(sc_block_ctx *c, sc_flow_kind kind);
/* Push a paragraph's lines at x; returns the number pushed. */
size_t sc_block_push_lines(sc_block_ctx *c, const sc_line *lines, size_t n, float x,
                           const sc_style *st);
/* Push a lone pending list marker as a line of its own (an item without text). */
void sc_block_flush_marker(sc_block_ctx *c);

/* Lay out one block node in the measure [x, x + w], and the block children of a node. */
void sc_block_flow(sc_block_ctx *c, const sc_node *n, float x, float w);
void sc_block_children(sc_block_ctx *c, const sc_node *parent, float x, float w);

/* Add the inline nodes first..stop (stop excluded, NULL = to the end) to a paragraph, in `st`
 * (block_inlines.c). The pending footnote number, if any, comes first. */
void sc_inlines_add(sc_block_ctx *c, sc_para *p, const sc_node *first, const sc_node *stop,
                    const sc_style *st, const char *lang);
/* A node's ::before (after = 0) or ::after text as a paragraph of its own, for a container whose
 * content starts (ends) with a block. */
void sc_block_generated(sc_block_ctx *c, const sc_node *n, int after, float x, float w);
/* The tight list item a paragraph stands for (its text is the item's own), else NULL. */
const sc_node *sc_block_tight_item(const sc_node *n);
/* A heading's text for the outline: the plain text with white space collapsed (arena). */
const char *sc_inlines_plain(sc_block_ctx *c, const sc_node *n);
/* Shape a short text (a list marker, a footnote number) as one unbroken line. */
const sc_line *sc_inlines_single_line(sc_block_ctx *c, const char *text, const sc_style *st,
                                      const char *lang);
/* A copy of a style in the arena, to change a field (bold table headers, superscripts, ...). */
sc_style *sc_block_style_copy(sc_block_ctx *c, const sc_style *st);

void sc_list_flow(sc_block_ctx *c, const sc_node *list, float x, float w);
void sc_table_flow(sc_block_ctx *c, const sc_node *table, float x, float w);
/* Figures (images.c): a FIGURE node; a paragraph holding only a picture (returns 1 when it was
 * laid out as a figure, 0 when it is an ordinary paragraph). */
void sc_figure_flow(sc_block_ctx *c, const sc_node *fig, float x, float w);
int sc_figure_paragraph(sc_block_ctx *c, const sc_node *para, float x, float w);
/* Footnotes: find the definitions and their references; lay them out at the end. */
void sc_notes_collect(sc_block_ctx *c);
void sc_notes_flow(sc_block_ctx *c);
/* After a block node is laid out (its elements are first..end of the flow): mark what its style
 * asks of the page builder (page_rules.c): breaks to a left/right page, keep together, string-set. */
void sc_block_page_rules(sc_block_ctx *c, const sc_node *n, const sc_style *st, size_t first);

#endif
