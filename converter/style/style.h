/* style.h — the style stage's public face: CSS stylesheets parsed (CSS Syntax Level 3 tokenizer,
 * rules, declarations, @page) and cascaded into one computed style per node of a document.
 *
 * Lengths in computed styles are PostScript points (1/72 in). Every node gets a style (inline
 * elements too; TEXT and SOFT_BREAK nodes share their parent's). Styles live in the document arena. */
#ifndef SC_STYLE_H
#define SC_STYLE_H
#include <stddef.h>

#include "../base/arena.h"
#include "../base/diag.h"
#include "../model/doc.h"

typedef enum { SC_ALIGN_LEFT, SC_ALIGN_RIGHT, SC_ALIGN_CENTER, SC_ALIGN_JUSTIFY } sc_text_align;
typedef enum { SC_EDGE_TOP, SC_EDGE_RIGHT, SC_EDGE_BOTTOM, SC_EDGE_LEFT } sc_edge;

typedef struct sc_rgb { float r, g, b; } sc_rgb; /* 0..1 */

typedef struct sc_style {
    const char *font_family; /* the declared family list, e.g. "\"Noto Serif\", serif" */
    float font_size;         /* pt */
    int font_weight;         /* 100..900 (bold = 700) */
    int font_italic;         /* font-style italic or oblique */
    float line_height;       /* pt: distance between baselines */
    sc_text_align text_align;
    float text_indent;       /* pt, first line */
    float margin[4];         /* pt, indexed by sc_edge */
    float padding[4];        /* pt */
    int white_space_pre;     /* white-space: pre / pre-wrap (keep spaces and newlines) */
    sc_rgb color;
    int vertical_align;      /* 0 baseline, 1 super, -1 sub */
    int text_decoration;     /* bit 1 underline, bit 2 line-through */
    int widows, orphans;     /* >= 1 */
    int page_break_before;   /* 1 = always */
    int page_break_after;    /* 1 = always, -1 = avoid */
    int display_none;        /* display: none */
} sc_style;

typedef struct sc_page_setup {
    float width, height;     /* pt */
    float margin[4];         /* pt, indexed by sc_edge */
} sc_page_setup;

typedef struct sc_stylesheet sc_stylesheet;

/* Parse CSS text. Syntax errors and unknown properties become warnings with file:line:column in
 * `diags` (never errors): the rest of the sheet still applies, as in browsers. The sheet lives in
 * `arena`. `name` is used in diagnostics. */
sc_stylesheet *sc_stylesheet_parse(sc_arena *arena, const char *css, size_t len, const char *name,
                                   sc_diag_list *diags);

/* Cascade sheets (earlier sheets first, later ones win at equal specificity) over the tree and set
 * node->style for every node. Root defaults: the initial values of CSS (16px = 12pt font size is
 * NOT used: the initial font-size is 11pt, line-height 1.4, font-family serif). */
void sc_style_apply(sc_document *doc, sc_stylesheet *const *sheets, size_t nsheets);

/* The @page size and margins the sheets declare (A4 and 2.5 cm margins when they declare none). */
void sc_style_page_setup(sc_stylesheet *const *sheets, size_t nsheets, sc_page_setup *out);

/* Named paper sizes: "A4", "A5", "B5", "Letter" (case-insensitive). 0 when known, -1 otherwise. */
int sc_paper_size(const char *name, float *width, float *height);

#endif
