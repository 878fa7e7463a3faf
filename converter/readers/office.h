/* office.h — what the DOCX and ODT readers share: runs of formatted text appended to a block
 * (bold/italic/underline/strike/sub/sup/code as nested inline nodes, neighbouring runs of the same
 * format merged), text cleaned to NFC (or converted from a legacy Vietnamese font), pictures from
 * the package turned into document resources, and footnote numbering. */
#ifndef SC_READERS_OFFICE_H
#define SC_READERS_OFFICE_H
#include <stddef.h>

#include "../base/diag.h"
#include "../model/doc.h"
#include "readers.h"
#include "zip_input.h"

/* Run formatting, as flags. */
enum {
    OX_BOLD = 1,
    OX_ITALIC = 2,
    OX_UNDERLINE = 4,
    OX_STRIKE = 8,
    OX_SUB = 16,
    OX_SUP = 32,
    OX_CODE = 64
};

/* Deeper nesting (tables in tables in notes ...) is not followed. */
enum { OX_MAX_DEPTH = 64 };

/* Where the runs of one block go. */
typedef struct ox_inline {
    sc_document *doc;
    sc_node *parent;     /* the block, or a LINK inside it */
    sc_node *last_top;   /* the outermost node the last run made (a child of parent) */
    sc_node *last_inner; /* the node its text went into */
    unsigned last_fmt;
} ox_inline;

void ox_inline_init(ox_inline *in, sc_document *doc, sc_node *parent);
/* Text (NFC UTF-8) in format `fmt`. */
void ox_text(ox_inline *in, unsigned fmt, const char *text, size_t len);
/* A leaf inline (IMAGE, LINE_BREAK, FOOTNOTE_REF) in format `fmt`. */
void ox_leaf(ox_inline *in, unsigned fmt, sc_node *leaf);
/* Append a container inline (LINK) and make it the parent; `saved` receives the outer state for
 * ox_leave. */
void ox_enter(ox_inline *in, sc_node *container, ox_inline *saved);
void ox_leave(ox_inline *in, const ox_inline *saved);

/* The run text s[0..len) as the document's text: converted to Unicode when `font` names a legacy
 * Vietnamese font (unless opts->keep_legacy_fonts), else NFC. Arena-owned; length in *out_len. */
const char *ox_clean_text(sc_document *doc, const sc_read_options *opts, const char *font,
                          const char *s, size_t len, size_t *out_len);

/* An IMAGE node for the picture at package path `part` (PNG or JPEG, added as a resource named by
 * the path); alt text and title may be NULL. NULL (with a warning) when the part is missing or not
 * a PNG/JPEG picture. */
sc_node *ox_image(sc_document *doc, sc_zip_input *zip, const char *part, const char *alt,
                  const char *title, sc_diag_list *diags);

/* The CSS list-style-type for a numbering format ("lowerLetter"/"a" -> "lower-alpha", ...);
 * NULL for decimal numbers and bullets (the default style sheet's). */
const char *ox_list_style_type(const char *format);

/* A caption paragraph right after a paragraph holding nothing but a picture: both become a
 * FIGURE (the picture's paragraph and a FIGCAPTION with the caption's inlines). Returns 1 when
 * `caption` (not yet in the tree) was used so, 0 when it stays an ordinary paragraph. */
int ox_figure_caption(sc_document *doc, sc_node *parent, sc_node *caption);

/* Footnotes in order of reference: the FOOTNOTE_DEF gets number n and id "fn-n", the reference
 * "fnref-n". */
void ox_number_note(sc_document *doc, sc_node *ref, sc_node *def, int n);

/* Heading ids: headings without one get a GitHub-style slug, unique among all ids given. */
void ox_heading_ids(sc_document *doc);

/* Drop blocks left empty (paragraphs with nothing visible), and the trailing white space of
 * paragraphs. */
int ox_has_content(const sc_node *block);

/* The last child of parent when it is of `type`, else NULL: neighbouring paragraphs styled as
 * code, quotes, terms or definitions join one block. */
sc_node *ox_last_of(sc_node *parent, sc_node_type type);
/* ox_last_of, or a new `type` node appended to parent when there is none. */
sc_node *ox_last_or_new(sc_document *doc, sc_node *parent, sc_node_type type);
/* A paragraph styled as a definition term (`term`) or definition, put in the definition list
 * that ends parent (a new one when it does not end with one). */
void ox_definition(sc_document *doc, sc_node *parent, sc_node *node, int term);

/* Entry points (readers.c dispatches to them with the raw input bytes). */
int sc_read_docx(sc_document *doc, const char *data, size_t len, const sc_read_options *opts,
                 sc_diag_list *diags);
int sc_read_odt(sc_document *doc, const char *data, size_t len, const sc_read_options *opts,
                sc_diag_list *diags);

#endif
