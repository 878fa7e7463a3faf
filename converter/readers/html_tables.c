/* html_tables.c — the HTML structures with fixed children: tables (rows from thead/tbody/tfoot,
 * cells with colspan/rowspan and alignment), lists (start, type) and definition lists. Stray
 * content where only rows, items or terms belong is kept in the nearest place that can hold it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_build.h"

enum { MAX_SPAN = 1000 };

static int span_attr(sc_html_builder *b, const xmlNode *el, const char *name)
{
    const char *v = sc_html_attr(b->doc, el, name);
    long n = v ? strtol(v, NULL, 10) : 1;
    return n < 1 ? 1 : n > MAX_SPAN ? MAX_SPAN : (int)n;
}

static sc_cell_align align_word(const char *s, size_t n)
{
    if (n >= 6 && strncasecmp(s, "center", 6) == 0)
        return SC_CELL_ALIGN_CENTER;
    if (n >= 5 && strncasecmp(s, "right", 5) == 0)
        return SC_CELL_ALIGN_RIGHT;
    if (n >= 4 && strncasecmp(s, "left", 4) == 0)
        return SC_CELL_ALIGN_LEFT;
    return SC_CELL_ALIGN_NONE;
}

static const char *find_ci(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; s && *s; s++)
        if (strncasecmp(s, needle, n) == 0)
            return s;
    return NULL;
}

/* align="..." or style="text-align: ..." (the style wins, as in CSS). */
static sc_cell_align cell_align(const sc_node *cell, const char *align_attr)
{
    const char *style = cell->style_attr;
    for (const char *p = style; p && (p = find_ci(p, "text-align")); p += 10) {
        const char *v = p + 10;
        while (*v == ' ' || *v == '\t')
            v++;
        if (*v != ':')
            continue;
        v++;
        while (*v == ' ' || *v == '\t')
            v++;
        sc_cell_align a = align_word(v, strlen(v));
        if (a != SC_CELL_ALIGN_NONE)
            return a;
    }
    return align_attr ? align_word(align_attr, strlen(align_attr)) : SC_CELL_ALIGN_NONE;
}

static int is_cell(const xmlNode *n)
{
    const char *name = sc_html_name(n);
    return name && (strcmp(name, "td") == 0 || strcmp(name, "th") == 0);
}

static void add_row(sc_html_builder *b, const xmlNode *tr, sc_node *table, int header, int depth)
{
    sc_node *row = hb_new(b, SC_NODE_TABLE_ROW, tr);
    row->is_header = header;
    for (const xmlNode *c = tr->children; c; c = c->next) {
        if (!is_cell(c))
            continue;
        sc_node *cell = hb_new(b, SC_NODE_TABLE_CELL, c);
        cell->colspan = span_attr(b, c, "colspan");
        cell->rowspan = span_attr(b, c, "rowspan");
        cell->align = cell_align(cell, sc_html_attr(b->doc, c, "align"));
        if (cell->align == SC_CELL_ALIGN_NONE)
            cell->align = cell_align(row, sc_html_attr(b->doc, tr, "align"));
        hb_fill_inlines(b, c, cell, depth + 1);
        sc_node_append(row, cell);
    }
    if (row->first_child)
        sc_node_append(table, row);
}

/* Rows of a table or of a thead/tbody/tfoot group; `header` for thead. */
static void add_rows(sc_html_builder *b, const xmlNode *first, sc_node *table, int header,
                     int depth)
{
    for (const xmlNode *n = first; n; n = n->next) {
        const char *name = sc_html_name(n);
        if (!name || depth >= SC_HTML_MAX_DEPTH)
            continue;
        if (strcmp(name, "tr") == 0)
            add_row(b, n, table, header, depth);
        else if (strcmp(name, "thead") == 0)
            add_rows(b, n->children, table, 1, depth + 1);
        else if (strcmp(name, "tbody") == 0 || strcmp(name, "tfoot") == 0)
            add_rows(b, n->children, table, 0, depth + 1);
        else if (sc_html_element_of(n)->kind == SC_HTML_TRANSPARENT) /* form, ... */
            add_rows(b, n->children, table, header, depth + 1);
    }
}

sc_node *hb_table(sc_html_builder *b, const xmlNode *el, sc_node *container, int depth)
{
    for (const xmlNode *n = el->children; n; n = n->next) {
        const char *name = sc_html_name(n);
        if (name && strcmp(name, "caption") == 0) {
            sc_node *caption = hb_new(b, SC_NODE_PARAGRAPH, n);
            caption->class_name = caption->class_name ? caption->class_name : "caption";
            hb_fill_inlines(b, n, caption, depth + 1);
            if (hb_has_visible(caption))
                sc_node_append(container, caption);
        }
    }
    sc_node *table = hb_new(b, SC_NODE_TABLE, el);
    add_rows(b, el->children, table, 0, depth);
    if (!table->first_child)
        return NULL;
    /* a first row of header cells is the header when there is no thead */
    sc_node *first = table->first_child;
    int has_header = 0, all_th = 1;
    for (sc_node *r = first; r; r = r->next)
        has_header |= r->is_header;
    const xmlNode *tr = NULL;
    for (const xmlNode *n = el->children; n && !tr; n = n->next) {
        const char *name = sc_html_name(n);
        if (name && strcmp(name, "tr") == 0)
            tr = n;
        else if (name && strcmp(name, "tbody") == 0)
            for (const xmlNode *m = n->children; m && !tr; m = m->next)
                if (sc_html_name(m) && strcmp(sc_html_name(m), "tr") == 0)
                    tr = m;
    }
    for (const xmlNode *c = tr ? tr->children : NULL; c; c = c->next)
        if (is_cell(c) && strcmp(sc_html_name(c), "th") != 0)
            all_th = 0;
    if (!has_header && tr && all_th)
        first->is_header = 1;
    return table;
}

static const char *list_style(const char *type)
{
    if (!type)
        return NULL;
    if (strcmp(type, "a") == 0)
        return "lower-alpha";
    if (strcmp(type, "A") == 0)
        return "upper-alpha";
    if (strcmp(type, "i") == 0)
        return "lower-roman";
    if (strcmp(type, "I") == 0)
        return "upper-roman";
    if (strcmp(type, "1") == 0)
        return "decimal";
    if (strcasecmp(type, "disc") == 0 || strcasecmp(type, "circle") == 0 ||
        strcasecmp(type, "square") == 0)
        return type;
    return NULL;
}

static int has_paragraph_child(const xmlNode *el)
{
    for (const xmlNode *c = el->children; c; c = c->next)
        if (sc_html_name(c) && strcmp(sc_html_name(c), "p") == 0)
            return 1;
    return 0;
}

sc_node *hb_list(sc_html_builder *b, const xmlNode *el, int depth)
{
    sc_document *doc = b->doc;
    sc_node *list = hb_new(b, SC_NODE_LIST, el);
    list->list_ordered = strcmp(sc_html_name(el), "ol") == 0;
    const char *start = list->list_ordered ? sc_html_attr(doc, el, "start") : NULL;
    list->list_start = start ? (int)strtol(start, NULL, 10) : 1;
    const char *style = list_style(sc_html_attr(doc, el, "type"));
    if (style)
        list->style_attr = sc_arena_printf(doc->arena, "list-style-type: %s%s%s", style,
                                           list->style_attr ? "; " : "",
                                           list->style_attr ? list->style_attr : "");
    list->list_tight = 1;
    hb_block_ctx stray; /* content between items joins the item before it */
    hb_block_init(&stray, NULL);
    for (const xmlNode *n = el->children; n; n = n->next) {
        const char *name = sc_html_name(n);
        if (name && strcmp(name, "li") == 0) {
            if (stray.container)
                hb_block_close(b, &stray);
            hb_block_ctx item;
            hb_block_init(&item, list);
            hb_block_node(b, n, &item, depth);
            stray.container = list->last_child;
            if (has_paragraph_child(n))
                list->list_tight = 0;
            continue;
        }
        if ((n->type == XML_TEXT_NODE && !stray.anon) || n->type == XML_COMMENT_NODE) {
            int blank = 1;
            for (const xmlChar *p = n->content; p && *p && blank; p++)
                blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
            if (blank)
                continue;
        }
        if (!stray.container) {
            stray.container = sc_node_new(doc, SC_NODE_ITEM);
            sc_node_append(list, stray.container);
        }
        hb_block_node(b, n, &stray, depth);
    }
    if (stray.container)
        hb_block_close(b, &stray);
    return list;
}

static void deflist_children(sc_html_builder *b, const xmlNode *first, sc_node *dl,
                             hb_block_ctx *stray, int depth)
{
    for (const xmlNode *n = first; n; n = n->next) {
        const char *name = sc_html_name(n);
        if (name && (strcmp(name, "dt") == 0 || strcmp(name, "dd") == 0)) {
            if (stray->container)
                hb_block_close(b, stray);
            hb_block_ctx ctx;
            hb_block_init(&ctx, dl);
            hb_block_node(b, n, &ctx, depth);
            stray->container = dl->last_child && dl->last_child->type == SC_NODE_DEF_DATA
                                   ? dl->last_child
                                   : NULL;
            continue;
        }
        if (name && strcmp(name, "div") == 0 && depth < SC_HTML_MAX_DEPTH) {
            /* HTML allows div wrappers around dt/dd groups */
            deflist_children(b, n->children, dl, stray, depth + 1);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE && !stray->anon) {
            int blank = 1;
            for (const xmlChar *p = n->content; p && *p && blank; p++)
                blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
            if (blank || n->type == XML_COMMENT_NODE)
                continue;
        }
        if (!stray->container) {
            stray->container = sc_node_new(b->doc, SC_NODE_DEF_DATA);
            sc_node_append(dl, stray->container);
        }
        hb_block_node(b, n, stray, depth);
    }
}

sc_node *hb_deflist(sc_html_builder *b, const xmlNode *el, int depth)
{
    sc_node *dl = hb_new(b, SC_NODE_DEF_LIST, el);
    hb_block_ctx stray;
    hb_block_init(&stray, NULL);
    deflist_children(b, el->children, dl, &stray, depth);
    if (stray.container)
        hb_block_close(b, &stray);
    return dl;
}
