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

/* ---- values used by computed styles (issue 3's subset) ---------------------------------------- */

typedef enum {
    SC_BORDER_NONE, SC_BORDER_SOLID, SC_BORDER_DASHED, SC_BORDER_DOTTED, SC_BORDER_DOUBLE
} sc_border_style;

typedef struct sc_border {
    float width;             /* pt; 0 when style is NONE */
    sc_border_style style;
    sc_rgb color;
} sc_border;

typedef enum {
    SC_LIST_DISC, SC_LIST_CIRCLE, SC_LIST_SQUARE, SC_LIST_DECIMAL, SC_LIST_DECIMAL_LEADING_ZERO,
    SC_LIST_LOWER_ALPHA, SC_LIST_UPPER_ALPHA, SC_LIST_LOWER_ROMAN, SC_LIST_UPPER_ROMAN,
    SC_LIST_NONE
} sc_list_style;

/* One part of a `content` value (::before/::after, margin boxes, string-set). */
typedef enum {
    SC_CONTENT_STRING,       /* text */
    SC_CONTENT_COUNTER,      /* counter(name, style) */
    SC_CONTENT_COUNTERS,     /* counters(name, separator = text, style) */
    SC_CONTENT_ATTR,         /* attr(name): the node's attribute */
    SC_CONTENT_STRING_REF,   /* string(name): a named string set with string-set (margin boxes) */
    SC_CONTENT_ELEMENT_TEXT, /* content(): the element's own text (in string-set) */
    SC_CONTENT_PAGE,         /* counter(page) in a margin box */
    SC_CONTENT_PAGES         /* counter(pages) in a margin box */
} sc_content_kind;

typedef struct sc_content_part {
    sc_content_kind kind;
    const char *text;        /* STRING: the text; COUNTERS: the separator */
    const char *name;        /* COUNTER(S), ATTR, STRING_REF: the name */
    sc_list_style list_style;/* COUNTER(S), PAGE(S): how the number is written (default decimal) */
    struct sc_content_part *next;
} sc_content_part;

/* counter-reset / counter-increment entries, and string-set entries. */
typedef struct sc_counter_op {
    const char *name;
    int value;
    struct sc_counter_op *next;
} sc_counter_op;

typedef struct sc_string_set {
    const char *name;
    const sc_content_part *content;
    struct sc_string_set *next;
} sc_string_set;

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
    int page_break_before;   /* 1 = always, 2 = to a left page, 3 = to a right page, -1 = avoid */
    int page_break_after;    /* 1 = always, 2 = to a left page, 3 = to a right page, -1 = avoid */
    int display_none;        /* display: none */
    /* issue 3 */
    sc_border border[4];     /* indexed by sc_edge */
    int page_break_inside;   /* 0 auto, -1 avoid */
    int hyphens;             /* 0 manual, 1 auto, -1 none (inherited) */
    sc_list_style list_style_type; /* inherited; default disc */
    float letter_spacing;    /* pt, inherited */
    int no_ligatures;        /* font-variant-ligatures: none / no-common-ligatures (inherited) */
    const sc_content_part *before, *after; /* ::before / ::after content; NULL = none */
    const struct sc_style *before_style, *after_style; /* their computed styles (NULL = this) */
    const sc_counter_op *counter_reset, *counter_increment;
    const sc_string_set *string_set;
} sc_style;

/* @page margin boxes (CSS Paged Media) by position. */
typedef enum {
    SC_MARGIN_TOP_LEFT, SC_MARGIN_TOP_CENTER, SC_MARGIN_TOP_RIGHT,
    SC_MARGIN_BOTTOM_LEFT, SC_MARGIN_BOTTOM_CENTER, SC_MARGIN_BOTTOM_RIGHT,
    SC_MARGIN_BOX_COUNT
} sc_margin_box_pos;

typedef struct sc_margin_box {
    const sc_content_part *content; /* NULL: the box is empty (content: none) */
    const sc_style *style;          /* font, size, colour, text-align of the box */
} sc_margin_box;

/* Which page a setup is for: @page, @page :first, :left, :right. */
enum { SC_PAGE_FIRST = 1, SC_PAGE_LEFT = 2, SC_PAGE_RIGHT = 4, SC_PAGE_BLANK = 8 };

typedef struct sc_page_setup {
    float width, height;     /* pt */
    float margin[4];         /* pt, indexed by sc_edge */
    sc_margin_box boxes[SC_MARGIN_BOX_COUNT];
} sc_page_setup;

/* One @font-face rule: a family name mapped to a font file. */
typedef struct sc_font_face_rule {
    const char *family;
    int weight;              /* 400 unless font-weight says otherwise */
    int italic;
    const char *src;         /* the first url() of src, resolved against the sheet's folder */
    const char *sheet;       /* the stylesheet's file name (for messages) */
    struct sc_font_face_rule *next;
} sc_font_face_rule;

typedef struct sc_stylesheet sc_stylesheet;

/* Parse CSS text. Syntax errors and invalid values become warnings with file:line:column in
 * `diags` (never errors): the rest of the sheet still applies, as in browsers. An unknown property
 * is skipped and noted once per name as an SC_NOTE "unknown property 'foo' (file:line:col)" (the
 * position is in the message; the note has no file of its own). The sheet lives in `arena`.
 * `name` is used in diagnostics and is the path @font-face urls are resolved against. */
sc_stylesheet *sc_stylesheet_parse(sc_arena *arena, const char *css, size_t len, const char *name,
                                   sc_diag_list *diags);

/* Cascade sheets (earlier sheets first, later ones win at equal specificity) over the tree and set
 * node->style for every node. Root defaults: the initial values of CSS (16px = 12pt font size is
 * NOT used: the initial font-size is 11pt, line-height 1.4, font-family serif). */
void sc_style_apply(sc_document *doc, sc_stylesheet *const *sheets, size_t nsheets);
/* The same, with the warnings about the document's inline style="" declarations (placed at the
 * document's name and the node's line) added to `diags` (may be NULL). */
void sc_style_apply_diags(sc_document *doc, sc_stylesheet *const *sheets, size_t nsheets,
                          sc_diag_list *diags);

/* The @page size and margins the sheets declare (A4 and 2.5 cm margins when they declare none). */
void sc_style_page_setup(sc_stylesheet *const *sheets, size_t nsheets, sc_page_setup *out);
/* The same for a kind of page (SC_PAGE_* bits; 0 = any page): the matching @page :first / :left /
 * :right rules are cascaded over plain @page ones (margin boxes included). Margin-box styles are
 * allocated in `arena`. */
void sc_style_page_setup_for(sc_stylesheet *const *sheets, size_t nsheets, int page_kind,
                             sc_arena *arena, sc_page_setup *out);

/* The @font-face rules of the sheets, in cascade order (NULL when none). */
const sc_font_face_rule *sc_stylesheet_font_faces(const sc_stylesheet *sheet);

/* Write the sheet back as CSS text (appended to out, a NUL-terminated growable string).
 * drop_print = 1 leaves out what only paged media use (@page and its margin boxes, page-break-*,
 * break-*, widows, orphans, string-set), as the EPUB's stylesheet wants. */
struct sc_buf;
void sc_stylesheet_serialize(const sc_stylesheet *sheet, int drop_print, struct sc_buf *out);

/* Named paper sizes: "A4", "A5", "B5", "Letter", "Legal" ... (case-insensitive). 0 when known,
 * -1 otherwise. */
int sc_paper_size(const char *name, float *width, float *height);

#endif
