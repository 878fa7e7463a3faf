/* html_build.h — the HTML tree builder's own state, shared by its files (html_build.c: blocks,
 * html_inline.c: inlines and white space, html_tables.c: tables and lists, html_notes.c:
 * footnotes). */
#ifndef SC_READERS_HTML_BUILD_H
#define SC_READERS_HTML_BUILD_H
#include "html.h"
#include "html_elements.h"
#include "legacy.h"

/* Inline layout state of one block's inline content: HTML collapses runs of white space to one
 * space, drops it at the start and end of a line, and a block met inside inline content (broken
 * markup, table cells) becomes a line break. */
typedef struct hb_inline_state {
    int pending_space;  /* collapsed white space waiting for the next visible content */
    int at_start;       /* nothing visible on this line yet: white space is dropped */
    int break_pending;  /* a line break goes before the next visible content */
    int has_content;    /* something visible was added */
} hb_inline_state;

/* A block container being filled: inline content met directly in it goes into an anonymous
 * paragraph, opened on demand and closed by the next block. */
typedef struct hb_block_ctx {
    sc_node *container;
    sc_node *anon;
    hb_inline_state is;
} hb_block_ctx;

typedef struct hb_pending_ref {
    sc_node *ref;
    const char *key;
} hb_pending_ref;

struct sc_html_builder {
    sc_document *doc;
    sc_diag_list *diags;
    sc_html_hooks hooks;
    const char *path;    /* the source document being read (package path for EPUB) */
    const char *file;    /* its name in diagnostics */
    const char *prefix;  /* put before its ids */
    int depth_warned, entity_warned;
    const char *pending_id; /* the id of a dropped empty block, for the next block */
    int in_notes;        /* inside a footnotes section: its rule is dropped */
    const sc_read_options *opts;
    sc_legacy_font font; /* the legacy font the current element's text is set in */
    int font_active;
    /* footnotes: keys are prefixed ids */
    sc_strmap note_refs; /* ids some footnote reference points to */
    sc_strmap note_defs; /* ids of elements that look like notes -> the FOOTNOTE_DEF made */
    hb_pending_ref *refs;   /* FOOTNOTE_REFs made, in document order (heap-owned) */
    size_t nrefs, refs_cap;
    sc_node **sections;  /* footnotes sections made (heap-owned) */
    size_t nsections, sections_cap;
};

/* A node for element `el` with its line, id, lang, class, style and other attributes. */
sc_node *hb_new(sc_html_builder *b, sc_node_type type, const xmlNode *el);
/* The id `id` of the current document as it is in our tree (prefixed). */
const char *hb_key(sc_html_builder *b, const char *id);
/* The key ("prefix+fragment") an href points to inside the document set, or NULL. */
const char *hb_href_key(sc_html_builder *b, const char *href);

/* Legacy fonts: the font `el` sets (face="", style font-family) becomes the current one; the
 * caller restores the saved state after the element. */
typedef struct hb_font_state {
    sc_legacy_font font;
    int active;
} hb_font_state;
hb_font_state hb_font_enter(sc_html_builder *b, const xmlNode *el);
void hb_font_leave(sc_html_builder *b, hb_font_state saved);
/* The text of a run in the current font: converted when that font is a legacy one. */
const char *hb_font_text(sc_html_builder *b, const char *s, size_t len, size_t *out_len);
const char *hb_style_without_legacy_font(sc_html_builder *b, const char *style);

/* Blocks: fill a block container from a list of sibling nodes / one node. */
void hb_blocks(sc_html_builder *b, const xmlNode *first, hb_block_ctx *bc, int depth);
void hb_block_node(sc_html_builder *b, const xmlNode *n, hb_block_ctx *bc, int depth);
void hb_block_init(hb_block_ctx *bc, sc_node *container);
void hb_block_close(sc_html_builder *b, hb_block_ctx *bc);
/* A block element whose content is inline (p, h1, dt, td, ...). */
void hb_fill_inlines(sc_html_builder *b, const xmlNode *el, sc_node *node, int depth);

/* Inlines. */
void hb_inline_init(hb_inline_state *is);
void hb_inlines(sc_html_builder *b, const xmlNode *first, sc_node *parent, hb_inline_state *is,
                int depth);
void hb_inline_node(sc_html_builder *b, const xmlNode *n, sc_node *parent, hb_inline_state *is,
                    int depth);
/* Text of an element too deeply nested to be read as structure. */
void hb_deep_text(sc_html_builder *b, const xmlNode *el, sc_node *parent, hb_inline_state *is);
/* CODE_BLOCK from pre. */
sc_node *hb_pre(sc_html_builder *b, const xmlNode *el);
/* A block holds something visible (text, image, code, note reference). */
int hb_has_visible(const sc_node *n);

/* Tables and lists. */
sc_node *hb_table(sc_html_builder *b, const xmlNode *el, sc_node *container, int depth);
sc_node *hb_list(sc_html_builder *b, const xmlNode *el, int depth);
sc_node *hb_deflist(sc_html_builder *b, const xmlNode *el, int depth);

/* Footnotes. */
int hb_is_noteref(sc_html_builder *b, const xmlNode *el);
int hb_is_backlink(sc_html_builder *b, const xmlNode *el);
int hb_is_notes_section(sc_html_builder *b, const xmlNode *el);
/* The FOOTNOTE_DEF element `el` becomes (NULL when it is not a referenced note). */
sc_node *hb_note_def(sc_html_builder *b, const xmlNode *el);
/* The FOOTNOTE_REF for noteref `el` (NULL when it points to no note). */
sc_node *hb_note_ref(sc_html_builder *b, const xmlNode *el);
void hb_notes_finish(sc_html_builder *b);

#endif
