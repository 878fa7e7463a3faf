/* doc.h — the document tree: the one model every reader builds and every writer reads.
 *
 * A document owns an arena; every node, string and computed style lives in it and dies with
 * sc_document_free. Text is UTF-8, NFC-normalised by the readers. Nodes form a plain
 * first-child/next-sibling tree (like cmark's); walk it with the pointers or sc_node_next_preorder. */
#ifndef SC_DOC_H
#define SC_DOC_H
#include <stddef.h>
#include <time.h>

#include "../base/arena.h"

typedef enum sc_node_type {
    SC_NODE_DOCUMENT,
    /* blocks */
    SC_NODE_PARAGRAPH,
    SC_NODE_HEADING,        /* level 1..6; id = anchor */
    SC_NODE_LIST,           /* list_ordered, list_start, list_tight; children are ITEMs */
    SC_NODE_ITEM,
    SC_NODE_BLOCKQUOTE,
    SC_NODE_CODE_BLOCK,     /* text = literal (lines end in '\n'); info = fence info string */
    SC_NODE_THEMATIC_BREAK,
    SC_NODE_TABLE,          /* children are TABLE_ROWs; first row is the header when is_header */
    SC_NODE_TABLE_ROW,      /* is_header */
    SC_NODE_TABLE_CELL,     /* align */
    SC_NODE_FOOTNOTE_DEF,   /* id = anchor ("fn-LABEL"); number = 1,2,...; block children */
    SC_NODE_DEF_LIST,       /* children: DEF_TERM and DEF_DATA */
    SC_NODE_DEF_TERM,       /* inline children */
    SC_NODE_DEF_DATA,       /* block children */
    SC_NODE_FIGURE,         /* block children: an IMAGE's paragraph and a FIGCAPTION */
    SC_NODE_FIGCAPTION,     /* inline children */
    SC_NODE_DIV,            /* a generic block container (HTML div, section, article, ...): element */
    SC_NODE_HTML_BLOCK,     /* raw HTML kept for the record; writers skip it */
    /* inlines */
    SC_NODE_TEXT,           /* text */
    SC_NODE_SOFT_BREAK,     /* a newline inside a paragraph: a space for layout */
    SC_NODE_LINE_BREAK,     /* hard break */
    SC_NODE_EMPH,
    SC_NODE_STRONG,
    SC_NODE_STRIKE,
    SC_NODE_SUB,
    SC_NODE_SUP,
    SC_NODE_CODE,           /* inline code: text */
    SC_NODE_LINK,           /* url, title; children = link text */
    SC_NODE_IMAGE,          /* url, title; children = alt text */
    SC_NODE_FOOTNOTE_REF,   /* target = the FOOTNOTE_DEF; number copied from it; id = ref anchor */
    SC_NODE_HTML_INLINE,    /* raw inline HTML; writers skip it */
    SC_NODE_SPAN,           /* a generic inline container (HTML span, mark, small, u, ...): element */
    SC_NODE_TYPE_COUNT
} sc_node_type;

typedef enum { SC_CELL_ALIGN_NONE, SC_CELL_ALIGN_LEFT, SC_CELL_ALIGN_CENTER, SC_CELL_ALIGN_RIGHT } sc_cell_align;

struct sc_style; /* computed style, defined by style/style.h */

typedef struct sc_attr {
    const char *name, *value;
    struct sc_attr *next;
} sc_attr;

/* Bytes a document carries with it (images from a DOCX, an EPUB's pictures, ...), found by name:
 * an IMAGE node's url names a resource when one of that name exists. */
typedef struct sc_resource {
    const char *name;
    const char *mime;       /* "image/png", "image/jpeg", ... */
    const unsigned char *data;
    size_t len;
    struct sc_resource *next;
} sc_resource;

/* Stylesheet text the document itself brings (HTML <style>, linked stylesheets): cascaded after
 * the bundled default and before the user's --style sheets, so the command line wins. */
typedef struct sc_css_source {
    const char *name;       /* for diagnostics: "file.html <style>" or the linked file */
    const char *text;
    size_t len;
    struct sc_css_source *next;
} sc_css_source;

typedef struct sc_node {
    sc_node_type type;
    struct sc_node *parent, *first_child, *last_child, *prev, *next;

    const char *text;   /* TEXT, CODE, CODE_BLOCK, HTML_*: UTF-8, NUL-terminated */
    size_t text_len;
    const char *url;    /* LINK, IMAGE */
    const char *title;  /* LINK, IMAGE (may be NULL) */
    const char *info;   /* CODE_BLOCK fence info (may be NULL) */
    const char *id;     /* anchor: HEADING, FOOTNOTE_DEF, FOOTNOTE_REF (may be NULL) */
    const char *lang;   /* BCP 47 language set on this node (NULL: inherited) */
    const char *class_name; /* space-separated classes for stylesheets (may be NULL) */

    int level;          /* HEADING */
    int list_ordered, list_start, list_tight; /* LIST */
    int is_header;      /* TABLE_ROW */
    sc_cell_align align;/* TABLE_CELL */
    int number;         /* FOOTNOTE_DEF, FOOTNOTE_REF: 1-based note number */
    struct sc_node *target; /* FOOTNOTE_REF -> FOOTNOTE_DEF */

    int colspan, rowspan; /* TABLE_CELL: 0 or 1 = a single cell */
    const char *element;  /* DIV, SPAN: the source element name stylesheets match ("section",
                             "mark", ...); NULL = "div" / "span" */
    const char *style_attr; /* inline CSS declarations from the source (HTML style=""); may be NULL */
    struct sc_attr *attrs;  /* the source element's other attributes, for attribute selectors and
                               attr(); may be NULL */

    int line, column;   /* where the node starts in the source (1-based; 0 unknown) */

    const struct sc_style *style; /* set by the style stage; NULL before it runs */
} sc_node;

typedef struct sc_meta {
    const char *title;      /* never NULL after reading */
    const char *author;     /* may be NULL */
    const char *lang;       /* BCP 47, e.g. "vi", "en"; never NULL after reading */
    const char *date;       /* as given in the source (e.g. "2021-04-02"); may be NULL */
    const char *identifier; /* "urn:uuid:..." derived from the content; set by sc_document_finish */
    int title_from_source;  /* 1 when the title came from the document itself, not --title/name */
} sc_meta;

typedef struct sc_document {
    sc_arena *arena;
    sc_node *root;          /* SC_NODE_DOCUMENT */
    sc_meta meta;
    const char *source_name;/* file name as given by the user ("-" for stdin); for diagnostics */
    const char *base_dir;   /* folder referenced files (images, stylesheets) are resolved in, and
                               may not leave; NULL = none may be read */
    sc_resource *resources; /* in the order added */
    sc_css_source *css_sources; /* in document order */
} sc_document;

sc_document *sc_document_new(const char *source_name);
void sc_document_free(sc_document *doc);

sc_node *sc_node_new(sc_document *doc, sc_node_type type);
void sc_node_append(sc_node *parent, sc_node *child);
void sc_node_unlink(sc_node *node);
/* Add a resource (data copied into the arena) / find one by name (NULL when absent). */
sc_resource *sc_document_add_resource(sc_document *doc, const char *name, const char *mime,
                                      const void *data, size_t len);
const sc_resource *sc_document_find_resource(const sc_document *doc, const char *name);
/* Add stylesheet text the document brings (copied). */
void sc_document_add_css(sc_document *doc, const char *name, const char *text, size_t len);
/* Add an attribute (copied). */
void sc_node_add_attr(sc_document *doc, sc_node *node, const char *name, const char *value);
const char *sc_node_attr(const sc_node *node, const char *name);
/* A node's attribute as an HTML element would have it (CSS attribute selectors, attr()): the
 * source attributes, plus id, class, href (links), src (images), title and lang from the node's
 * fields. NULL when absent. */
const char *sc_node_html_attr(const sc_node *node, const char *name);

/* Set text (copied into the arena). */
void sc_node_set_text(sc_document *doc, sc_node *node, const char *text, size_t len);

/* Depth-first pre-order walk of the subtree under `top` (top itself first). NULL at the end. */
sc_node *sc_node_next_preorder(const sc_node *node, const sc_node *top);

int sc_node_is_block(const sc_node *node);
/* The element name stylesheets match this node as (HTML vocabulary: "body", "p", "h2", "ul",
 * "ol", "li", "blockquote", "pre", "hr", "table", "tr", "th"/"td", "aside", "em", "strong", "del",
 * "sub", "sup", "code", "a", "img", "br"); NULL for nodes styles never see (TEXT, SOFT_BREAK). */
const char *sc_node_element(const sc_node *node);
const char *sc_node_type_name(sc_node_type type);

/* Concatenated text of the subtree (TEXT and CODE literals, soft breaks as spaces). Arena-owned. */
char *sc_node_plain_text(sc_document *doc, const sc_node *node);

/* Put the metadata's title, author and date at the top of the text as paragraphs of class
 * "title", "author" and "date" (as pandoc's templates show a YAML title block). */
void sc_document_add_title_block(sc_document *doc);

/* After reading: fill metadata defaults (lang "vi", title) and the content-derived identifier. */
void sc_document_finish(sc_document *doc);

#endif
