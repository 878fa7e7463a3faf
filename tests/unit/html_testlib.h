/* html_testlib.h — what the HTML and EPUB reader tests share: a tree dump that also shows the
 * fields HTML fills (element, lang, class, style, spans), on top of readers_testlib.h. */
#ifndef HTML_TESTLIB_H
#define HTML_TESTLIB_H
#include "readers_testlib.h"

static inline void html_dump_node(sc_buf *b, const sc_node *n, int depth)
{
    for (int i = 0; i < depth; i++)
        sc_buf_puts(b, "  ");
    sc_buf_puts(b, sc_node_type_name(n->type));
    switch (n->type) {
    case SC_NODE_HEADING: sc_buf_printf(b, " h%d", n->level); break;
    case SC_NODE_LIST:
        sc_buf_printf(b, " %s", n->list_ordered ? "ordered" : "bullet");
        if (n->list_ordered)
            sc_buf_printf(b, " start=%d", n->list_start);
        sc_buf_puts(b, n->list_tight ? " tight" : " loose");
        break;
    case SC_NODE_TABLE_ROW: if (n->is_header) sc_buf_puts(b, " header"); break;
    case SC_NODE_TABLE_CELL:
        if (n->align != SC_CELL_ALIGN_NONE)
            sc_buf_printf(b, " align=%s", align_name(n->align));
        if (n->colspan > 1)
            sc_buf_printf(b, " colspan=%d", n->colspan);
        if (n->rowspan > 1)
            sc_buf_printf(b, " rowspan=%d", n->rowspan);
        break;
    case SC_NODE_FOOTNOTE_DEF: sc_buf_printf(b, " n=%d", n->number); break;
    case SC_NODE_FOOTNOTE_REF:
        sc_buf_printf(b, " n=%d -> %s", n->number, n->target && n->target->id ? n->target->id : "?");
        break;
    default: break;
    }
    if (n->element)
        sc_buf_printf(b, " <%s>", n->element);
    if (n->id)
        sc_buf_printf(b, " #%s", n->id);
    if (n->lang)
        sc_buf_printf(b, " lang=%s", n->lang);
    if (n->class_name)
        sc_buf_printf(b, " .%s", n->class_name);
    if (n->style_attr)
        sc_buf_printf(b, " style=\"%s\"", n->style_attr);
    if (n->info)
        sc_buf_printf(b, " info=%s", n->info);
    if (n->url)
        sc_buf_printf(b, " url=%s", n->url);
    if (n->title)
        sc_buf_printf(b, " title=\"%s\"", n->title);
    if (n->text) {
        sc_buf_puts(b, " \"");
        for (size_t i = 0; i < n->text_len; i++) {
            if (n->text[i] == '\n')
                sc_buf_puts(b, "\\n");
            else
                sc_buf_putc(b, n->text[i]);
        }
        sc_buf_putc(b, '"');
    }
    sc_buf_putc(b, '\n');
    for (const sc_node *c = n->first_child; c; c = c->next)
        html_dump_node(b, c, depth + 1);
}

/* The tree under the root, one node a line (caller frees). */
static inline char *html_dump(const sc_document *doc)
{
    sc_buf b;
    sc_buf_init(&b);
    sc_buf_puts(&b, "");
    for (const sc_node *c = doc->root->first_child; c; c = c->next)
        html_dump_node(&b, c, 0);
    return b.data;
}

/* Any diagnostic of `sev` whose message contains `part`. */
static inline int has_diag(const read_result *r, sc_severity sev, const char *part)
{
    for (size_t i = 0; i < r->diags.count; i++)
        if (r->diags.items[i].severity == sev && strstr(r->diags.items[i].message, part))
            return 1;
    return 0;
}

/* Every diagnostic, for a failure message. */
static inline void print_diags(const read_result *r)
{
    for (size_t i = 0; i < r->diags.count; i++) {
        char *line = sc_diag_format(&r->diags.items[i]);
        fprintf(stderr, "  diag: %s\n", line);
        free(line);
    }
}

#endif
