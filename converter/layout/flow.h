/* flow.h — inside the layout stage (not a public face): the vertical flow between the block builder
 * (blocks.c, lists.c, tables.c, footnotes.c) and the page builder (pages.c).
 *
 * The block builder turns the styled tree into one sequence of flow elements: text lines (with the
 * x of their left edge and what paragraph they belong to) and rigid boxes (table rows, rules). Each
 * element carries the collapsed vertical space before it and its break rules (widows/orphans,
 * keep-with-next, forced breaks). The page builder only has to cut that sequence into pages. */
#ifndef SC_FLOW_H
#define SC_FLOW_H
#include <stddef.h>

#include "inline.h"
#include "layout.h"

typedef enum { SC_FLOW_LINE, SC_FLOW_BOX } sc_flow_kind;

/* What a box draws, positioned relative to the box's top-left (x absolute on the page, y from the
 * box's top). */
typedef struct sc_box {
    float height;
    sc_item *items;
    size_t nitems, cap;
} sc_box;

/* A picture's box that the page builder may scale down to the rest of a page (images.c). */
typedef struct sc_fit_box {
    sc_box *box;
    float natural_height;    /* the height it was laid out at */
    float min_height;        /* below this it reads better on the next page */
    float trailing;          /* room its caption needs below it on the same page */
    float x, w;              /* the measure it is centred in */
} sc_fit_box;

/* Scale a fit box's picture (and its link) to `height` (at most its natural height). */
void sc_fit_box_scale(const sc_fit_box *fit, float height);

typedef struct sc_flow_elem {
    sc_flow_kind kind;
    float x;                 /* LINE: the left edge of the line's measure on the page */
    float space_before;      /* collapsed margins (and paddings) before it; dropped at a page top */
    const sc_line *line;     /* LINE */
    const sc_box *box;       /* BOX */
    const sc_box *repeat;    /* BOX: a table's header row, drawn again above it at a page top */

    /* Runs drawn on a line's baseline besides its own (a list marker), x absolute. */
    sc_glyph_run *extra;
    size_t nextra;

    /* Break rules. A paragraph's lines share para (a serial number); index/count place the line. */
    int para, index, count;
    int widows, orphans;
    const sc_fit_box *fit;   /* BOX: a picture that may shrink to the rest of a page, or NULL */
    int keep_with_next;      /* no page break between this element and the next one */
    int heading;             /* a heading's line: it also keeps with the line after the next */
    int break_before;        /* a forced page break before it */
    int break_after;         /* a forced page break after it */

    /* A heading's first line: the named destination and outline entry at its top. */
    const char *dest;
    const char *outline_title;
    int outline_level;

    /* Page rules set by the block's style (page_rules.c). */
    int keep_group;          /* elements sharing a non-zero group stay on one page if they can */
    int chapter;             /* starts a block with page-break-before (no running head above) */
    int break_side;          /* forced break to a left (2) or right (3) page; 0 any page */
    int break_after_side;    /* the same for the break after it (page-break-after: left/right) */
    const struct sc_flow_string *strings; /* string-set values assigned where this starts */
    const char *toc_number;  /* a heading's generated number (::before), for the contents only */
} sc_flow_elem;

/* A named string (CSS GCPM string-set) assigned at a flow element. */
typedef struct sc_flow_string {
    const char *name, *value;
    const struct sc_flow_string *next;
} sc_flow_string;

struct sc_flow_note;

typedef struct sc_flow {
    sc_flow_elem *elems;
    size_t count, cap;
    /* Footnotes (body flow only): set at the foot of the page holding their reference. */
    struct sc_flow_note *notes;
    size_t nnotes;
    int keep_serial;         /* the last keep_group handed out */
} sc_flow;

/* A footnote: its own flow of lines, and the body element holding its (first) reference. */
typedef struct sc_flow_note {
    sc_flow flow;
    size_t ref_elem;         /* index into the body flow; (size_t)-1: no reference found */
    float gap_after;         /* the note's bottom margin: room before the next note */
} sc_flow_note;

/* Vertical metrics every element answers the same way, relative to its reference point (a line's
 * baseline, a box's top). "above/below" are the room the element claims (CSS line box: half the
 * leading on each side); "ink" is what it really draws, for \lineskip and the page edges. */
typedef struct sc_vmetrics {
    float above, below;
    float ink_above, ink_below;
    float min_gap;           /* the least room between this element's ink and a neighbour's */
} sc_vmetrics;

void sc_flow_metrics(const sc_flow_elem *e, sc_vmetrics *m);
void sc_line_metrics(const sc_line *line, sc_vmetrics *m);
/* The distance between the reference points of two consecutive elements: the CSS distance (room
 * below + space + room above), raised as TeX's \lineskip does when the ink would come too close. */
float sc_flow_distance(const sc_vmetrics *prev, float space, const sc_vmetrics *next);
/* The largest font size among a line's runs (0 when it has none). */
float sc_line_font_size(const sc_line *line);

/* Append to a growable array in the arena. */
sc_flow_elem *sc_flow_push(sc_arena *arena, sc_flow *flow);
sc_item *sc_items_push(sc_arena *arena, sc_item **items, size_t *nitems, size_t *cap);
/* Move an item by (dx, dy). */
void sc_item_shift(sc_item *item, float dx, float dy);

/* Display-list helpers (display.c): items for one line placed with its left edge at x and its
 * baseline at y (glyph runs, links, anchors), appended to an item array. */
void sc_emit_line(sc_arena *arena, sc_item **items, size_t *nitems, size_t *cap,
                  const sc_line *line, float x, float baseline);
void sc_emit_runs(sc_arena *arena, sc_item **items, size_t *nitems, size_t *cap,
                  const sc_glyph_run *runs, size_t nruns, float dx, float baseline);
void sc_emit_rule(sc_arena *arena, sc_item **items, size_t *nitems, size_t *cap, float x0,
                  float x1, float y, float width);

/* Build the flow of a document (blocks.c). Returns 0, or -1 with an error in diags. */
int sc_blocks_build(const sc_document *doc, const sc_page_setup *page, sc_shaper *shaper,
                    sc_arena *arena, sc_diag_list *diags, sc_flow *flow);

/* The page builder's inputs besides the flow. */
typedef struct sc_pages_ctx {
    sc_layout *layout;
    const sc_document *doc;
    sc_shaper *shaper;
    sc_diag_list *diags;
    const sc_page_setup *base;            /* the plain @page setup the flow was measured for */
    const sc_layout_options *opts;        /* may be NULL */
    sc_page_setup kinds[16];              /* setups by SC_PAGE_* bits, filled on demand */
    unsigned char have_kind[16];
} sc_pages_ctx;

/* The setup of a kind of page (SC_PAGE_* bits): from the options' callback, else the base. */
const sc_page_setup *sc_pages_setup(sc_pages_ctx *pc, int kind);

/* Cut the flow into pages, set footnotes at their feet, add the table of contents when asked,
 * then the folios or margin boxes (pages.c, toc.c, margin_boxes.c, footer.c). Returns 0 or
 * -1. */
int sc_pages_build(sc_pages_ctx *pc, const sc_flow *flow);

/* One page of the pagination: where its body elements are in the flow (for running strings and
 * chapter pages) and whether it was left blank (a chapter moved to a right-hand page). */
typedef struct sc_page_info {
    size_t first, end;       /* body elements [first, end) */
    int blank;
} sc_page_info;

/* A contents entry: a heading (levels 1-3) and the folio of its page. */
typedef struct sc_toc_entry {
    const char *title, *dest;
    int level, folio;
} sc_toc_entry;

/* The contents pages' flow: the title, then one box per entry with dot leaders, the folio
 * right-aligned and a link to the heading (toc.c). */
void sc_toc_flow(sc_pages_ctx *pc, const sc_toc_entry *entries, size_t n, sc_flow *out);

/* The default folio (footer.c): the page number centred in the page's bottom margin. */
void sc_footer_add(sc_pages_ctx *pc, sc_page *pg, const sc_page_setup *setup);
/* Draw the @page margin boxes of every page (margin_boxes.c); returns 0 when no sheet declares
 * any (the caller then draws the default folio). */
int sc_margin_boxes_add(sc_pages_ctx *pc, const sc_flow *flow, const sc_page_info *info);
/* Shape a short text as one line in `st` and return it (NULL when empty). */
const sc_line *sc_pages_shape_line(sc_pages_ctx *pc, const char *text, const sc_style *st,
                                   float width, sc_text_align align);
/* A folio written as the list style asks (decimal, roman, alpha), into buf. */
void sc_format_number(int n, sc_list_style style, char *buf, size_t cap);

#endif
