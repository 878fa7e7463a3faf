/* html_elements.h — the HTML reader's element table: what each element becomes. */
#ifndef SC_READERS_HTML_ELEMENTS_H
#define SC_READERS_HTML_ELEMENTS_H
#include <libxml/tree.h>

#include "../model/doc.h"

typedef enum sc_html_kind {
    SC_HTML_TRANSPARENT, /* no node of its own; its content stays where it is (unknown elements) */
    SC_HTML_DROP,        /* dropped with its content (script, style, form controls, ...) */
    /* inlines */
    SC_HTML_INLINE,      /* an inline node (em, strong, sub, ...) */
    SC_HTML_SPAN,        /* SPAN with the element name (mark, small, u, ...) */
    SC_HTML_QUOTE,       /* q: a SPAN with quotation marks around its content */
    SC_HTML_CODE,        /* inline code: its text */
    SC_HTML_LINK,        /* a: LINK with href, an anchor SPAN without, or a footnote reference */
    SC_HTML_IMAGE,       /* img */
    SC_HTML_BREAK,       /* br */
    /* blocks (keep SC_HTML_BLOCKS first: sc_html_is_block_kind) */
    SC_HTML_BLOCKS,      /* a block holding blocks (li, blockquote, dd, figure) */
    SC_HTML_DIV,         /* DIV with the element name (section, article, ...) */
    SC_HTML_INLINES,     /* a block holding inlines (p, h1-h6, dt, figcaption) */
    SC_HTML_CAPTION,     /* a table caption: a paragraph before the table */
    SC_HTML_PRE,         /* CODE_BLOCK from the text */
    SC_HTML_RULE,        /* hr */
    SC_HTML_LIST,        /* ul, ol */
    SC_HTML_DEFLIST,     /* dl */
    SC_HTML_TABLE        /* table */
} sc_html_kind;

typedef struct sc_html_element {
    const char *name;
    sc_html_kind kind;
    sc_node_type type;
} sc_html_element;

const sc_html_element *sc_html_element_of(const xmlNode *el);
int sc_html_is_block_kind(sc_html_kind k);

#endif
