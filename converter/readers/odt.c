/* odt.c — the ODT reader: the package (libzip, from memory, bounded), meta.xml (title, creator,
 * language), styles from styles.xml and content.xml, and office:text's blocks: headings,
 * paragraphs by their style's role, lists (bullet or number from the list style, nesting by
 * text:list), tables (header rows, spanned cells), sections; notes at the end in citation
 * order. */
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "html.h"
#include "zip_input.h"
#include "internal.h"
#include "odt.h"

static void trim_block(sc_document *doc, sc_node *block)
{
    sc_node *last = block->last_child;
    while (last && last->last_child && last->type != SC_NODE_IMAGE)
        last = last->last_child;
    if (last && last->type == SC_NODE_TEXT) {
        size_t n = last->text_len;
        while (n && last->text[n - 1] == ' ')
            n--;
        if (n != last->text_len)
            sc_node_set_text(doc, last, last->text, n);
    }
}

static int line_of(const xmlNode *n)
{
    return n->line > 0 && n->line < 65535 ? n->line : 0;
}

static void paragraph(odt_reader *r, const xmlNode *p, sc_node *parent)
{
    sc_document *doc = r->doc;
    const odt_style *st = odt_style_by_name(r, sc_xml_attr(p, "style-name", NULL), 'p');
    odt_role role = st ? st->role : ODT_PLAIN;
    int level = 0;
    if (sc_xml_is(p, "h")) {
        const char *ol = sc_xml_attr(p, "outline-level", NULL);
        level = ol ? atoi(ol) : st && st->outline ? st->outline : 1;
        if (level < 1)
            level = 1;
    } else if (st && st->outline > 0) {
        level = st->outline;
    }
    if (level > 6)
        level = 6;
    sc_node *node = sc_node_new(doc, level ? SC_NODE_HEADING
                                     : role == ODT_TERM ? SC_NODE_DEF_TERM : SC_NODE_PARAGRAPH);
    node->level = level;
    node->line = line_of(p);
    node->class_name = role == ODT_TITLE ? "title" : role == ODT_SUBTITLE ? "subtitle"
                     : role == ODT_AUTHOR ? "author" : role == ODT_DATE ? "date" : NULL;
    ox_inline in;
    ox_inline_init(&in, doc, node);
    int space = 1;
    /* a paragraph style's own run formatting counts, except where the role says it all */
    unsigned fmt = !level && role != ODT_TITLE && role != ODT_CAPTION && role != ODT_TERM && st
                       ? st->fmt_on : 0;
    odt_inlines(r, p->children, &in, role == ODT_CODE ? 0 : fmt,
                st && st->font ? st->font : r->default_font, &space, r->depth);
    if (!node->id && r->pending_id)
        node->id = r->pending_id;
    r->pending_id = NULL;
    trim_block(doc, node);
    if (!ox_has_content(node)) {
        if (role == ODT_CODE && ox_last_of(parent, SC_NODE_CODE_BLOCK)) {
            sc_node *cb = ox_last_of(parent, SC_NODE_CODE_BLOCK); /* an empty line of code */
            char *t = sc_arena_printf(doc->arena, "%s\n", cb->text);
            sc_node_set_text(doc, cb, t, cb->text_len + 1);
        } else if (node->id) {
            r->pending_id = node->id;
        }
        return;
    }
    if (role == ODT_TITLE && !doc->meta.title) {
        doc->meta.title = sc_node_plain_text(doc, node);
        doc->meta.title_from_source = 1;
    }
    if (role == ODT_CAPTION && !level && ox_figure_caption(doc, parent, node))
        return;
    if (role == ODT_CODE && !level) {
        sc_buf text;
        sc_buf_init(&text);
        sc_node *prev = ox_last_of(parent, SC_NODE_CODE_BLOCK);
        if (prev)
            sc_buf_append(&text, prev->text, prev->text_len);
        for (const sc_node *n = node->first_child; n; n = sc_node_next_preorder(n, node)) {
            if (n->type == SC_NODE_TEXT || n->type == SC_NODE_CODE)
                sc_buf_append(&text, n->text, n->text_len);
            else if (n->type == SC_NODE_LINE_BREAK)
                sc_buf_putc(&text, '\n');
        }
        sc_buf_putc(&text, '\n');
        sc_node *cb = prev ? prev : sc_node_new(doc, SC_NODE_CODE_BLOCK);
        sc_node_set_text(doc, cb, text.data, text.len);
        sc_buf_free(&text);
        if (!prev) {
            cb->id = node->id;
            cb->line = node->line;
            sc_node_append(parent, cb);
        }
        return;
    }
    if (role == ODT_QUOTE && !level) {
        sc_node_append(ox_last_or_new(doc, parent, SC_NODE_BLOCKQUOTE), node);
        return;
    }
    if ((role == ODT_TERM || role == ODT_DEFINITION) && !level) {
        ox_definition(doc, parent, node, role == ODT_TERM);
        return;
    }
    sc_node_append(parent, node);
}

static void block(odt_reader *r, const xmlNode *n, sc_node *parent, int depth);

static void list(odt_reader *r, const xmlNode *el, sc_node *parent, const odt_list_style *ls,
                 int level, int depth)
{
    const char *name = sc_xml_attr(el, "style-name", NULL);
    if (name && odt_list_style_by_name(r, name)) {
        ls = odt_list_style_by_name(r, name);
    }
    int lv = level < 10 ? level : 9;
    sc_node *l = sc_node_new(r->doc, SC_NODE_LIST);
    l->list_ordered = ls ? ls->ordered[lv] : 0;
    l->list_start = ls ? ls->start[lv] : 1;
    l->list_tight = 1;
    if (ls && ls->list_style[lv])
        l->style_attr = sc_arena_printf(r->doc->arena, "list-style-type: %s", ls->list_style[lv]);
    l->line = line_of(el);
    const char *cont = sc_xml_attr(el, "continue-numbering", NULL);
    if (level == 0 && ls && ls == r->last_list &&
        ((cont && strcmp(cont, "true") == 0) || sc_xml_attr(el, "continue-list", NULL)))
        l->list_start = r->last_list_next; /* a list interrupted by other paragraphs goes on */
    int items = 0;
    for (const xmlNode *n = el->children; n; n = n->next) {
        if (!sc_xml_is(n, "list-item") && !sc_xml_is(n, "list-header"))
            continue;
        items += sc_xml_is(n, "list-item");
        const char *sv = sc_xml_attr(n, "start-value", NULL);
        if (sv && !l->first_child)
            l->list_start = atoi(sv);
        sc_node *item = sc_node_new(r->doc, SC_NODE_ITEM);
        sc_node_append(l, item);
        int paras = 0;
        for (const xmlNode *c = n->children; c && depth < OX_MAX_DEPTH; c = c->next) {
            if (sc_xml_is(c, "list"))
                list(r, c, item, ls, level + 1, depth + 1);
            else
                block(r, c, item, depth + 1);
            paras += sc_xml_is(c, "p") || sc_xml_is(c, "h");
        }
        if (paras > 1)
            l->list_tight = 0;
    }
    if (level == 0) {
        r->last_list = ls;
        r->last_list_next = l->list_start + items;
    }
    if (l->first_child)
        sc_node_append(parent, l);
}

/* A cell's paragraphs as inline content, a line break between them. */
static void cell_content(odt_reader *r, const xmlNode *first, ox_inline *in, int *lines, int depth)
{
    for (const xmlNode *n = first; n && depth < OX_MAX_DEPTH; n = n->next) {
        if (sc_xml_is(n, "p") || sc_xml_is(n, "h")) {
            sc_node *mark = in->parent->last_child;
            if (*lines)
                ox_leaf(in, 0, sc_node_new(r->doc, SC_NODE_LINE_BREAK));
            int space = 1;
            const odt_style *st = odt_style_by_name(r, sc_xml_attr(n, "style-name", NULL), 'p');
            odt_inlines(r, n->children, in, 0, st && st->font ? st->font : r->default_font, &space,
                        depth + 1);
            if (*lines && in->parent->last_child &&
                in->parent->last_child->type == SC_NODE_LINE_BREAK) {
                sc_node_unlink(in->parent->last_child);
                in->last_top = in->last_inner = NULL;
            } else if (in->parent->last_child != mark) {
                (*lines)++;
            }
        } else if (!sc_xml_is(n, "covered-table-cell") && n->type == XML_ELEMENT_NODE) {
            cell_content(r, n->children, in, lines, depth + 1); /* lists, nested tables */
        }
    }
}

static void rows(odt_reader *r, const xmlNode *first, sc_node *table, int header, int depth)
{
    for (const xmlNode *n = first; n && depth < OX_MAX_DEPTH; n = n->next) {
        if (sc_xml_is(n, "table-header-rows")) {
            rows(r, n->children, table, 1, depth + 1);
        } else if (sc_xml_is(n, "table-rows") || sc_xml_is(n, "table-row-group")) {
            rows(r, n->children, table, header, depth + 1);
        } else if (sc_xml_is(n, "table-row")) {
            sc_node *row = sc_node_new(r->doc, SC_NODE_TABLE_ROW);
            /* only leading rows can be the header */
            row->is_header = header && (!table->last_child || table->last_child->is_header);
            for (const xmlNode *c = n->children; c; c = c->next) {
                if (!sc_xml_is(c, "table-cell"))
                    continue;
                sc_node *cell = sc_node_new(r->doc, SC_NODE_TABLE_CELL);
                const char *cs = sc_xml_attr(c, "number-columns-spanned", NULL);
                const char *rs = sc_xml_attr(c, "number-rows-spanned", NULL);
                cell->colspan = cs && atoi(cs) > 1 && atoi(cs) < 1000 ? atoi(cs) : 0;
                cell->rowspan = rs && atoi(rs) > 1 && atoi(rs) < 100000 ? atoi(rs) : 0;
                const xmlNode *first_p = sc_xml_child(c, "p");
                const odt_style *ps = first_p ? odt_style_by_name(r, sc_xml_attr(first_p, "style-name", NULL), 'p') : NULL;
                cell->align = ps ? ps->align : SC_CELL_ALIGN_NONE;
                sc_node_append(row, cell);
                ox_inline in;
                ox_inline_init(&in, r->doc, cell);
                int lines = 0;
                cell_content(r, c->children, &in, &lines, depth + 1);
                trim_block(r->doc, cell);
                /* a repeated cell (table:number-columns-repeated) is empty in practice */
            }
            if (row->first_child)
                sc_node_append(table, row);
        }
    }
}

static void table(odt_reader *r, const xmlNode *el, sc_node *parent, int depth)
{
    sc_node *t = sc_node_new(r->doc, SC_NODE_TABLE);
    t->line = line_of(el);
    rows(r, el->children, t, 0, depth + 1);
    if (!t->first_child)
        return;
    if (r->pending_id) {
        t->id = r->pending_id;
        r->pending_id = NULL;
    }
    sc_node_append(parent, t);
}

static void block(odt_reader *r, const xmlNode *n, sc_node *parent, int depth)
{
    const char *name = sc_xml_name(n);
    if (!name)
        return;
    if (strcmp(name, "p") == 0 || strcmp(name, "h") == 0) {
        paragraph(r, n, parent);
    } else if (strcmp(name, "list") == 0) {
        list(r, n, parent, NULL, 0, depth);
    } else if (strcmp(name, "table") == 0) {
        table(r, n, parent, depth);
    } else if (strcmp(name, "bookmark") == 0 || strcmp(name, "bookmark-start") == 0) {
        const char *b = sc_xml_attr(n, "name", NULL);
        if (b && *b)
            r->pending_id = sc_arena_strdup(r->doc->arena, b);
    } else if (strcmp(name, "section") == 0 || strcmp(name, "index-body") == 0 ||
               strcmp(name, "table-of-content") == 0 || strcmp(name, "alphabetical-index") == 0 ||
               strcmp(name, "illustration-index") == 0 || strcmp(name, "bibliography") == 0 ||
               strcmp(name, "user-index") == 0 || strcmp(name, "index-title") == 0) {
        odt_blocks(r, n->children, parent, depth + 1);
    }
    /* sequence declarations, tracked changes (the deleted text lives there), forms: dropped */
}

void odt_blocks(odt_reader *r, const xmlNode *first, sc_node *parent, int depth)
{
    if (depth > OX_MAX_DEPTH)
        return;
    for (const xmlNode *n = first; n; n = n->next)
        block(r, n, parent, depth);
}

static void read_meta(odt_reader *r)
{
    xmlDocPtr xml = sc_zip_has(r->zip, "meta.xml") ? sc_zip_xml(r->zip, "meta.xml", 0) : NULL;
    if (!xml)
        return;
    sc_meta *m = &r->doc->meta;
    const char *initial = NULL;
    const xmlNode *meta = sc_xml_child(xmlDocGetRootElement(xml), "meta");
    for (const xmlNode *n = meta ? meta->children : NULL; n; n = n->next) {
        const char *name = sc_xml_name(n);
        const char *value = name ? sc_xml_trimmed_text(r->doc, n) : NULL;
        if (!value)
            continue;
        if (strcmp(name, "title") == 0 && !m->title) {
            m->title = value;
            m->title_from_source = 1;
        } else if (strcmp(name, "creator") == 0 && !m->author) {
            m->author = value;
        } else if (strcmp(name, "initial-creator") == 0) {
            initial = value;
        } else if (strcmp(name, "language") == 0 && !m->lang) {
            m->lang = value;
        }
    }
    if (!m->author)
        m->author = initial;
    xmlFreeDoc(xml);
}

static int read_package(odt_reader *r)
{
    size_t mlen = 0;
    char *mimetype = sc_zip_has(r->zip, "mimetype") ? sc_zip_read(r->zip, "mimetype", &mlen, 0)
                                                     : NULL;
    int wrong = mimetype && strncmp(mimetype, "application/vnd.oasis.opendocument.text", 39) != 0;
    if (wrong || !sc_zip_has(r->zip, "content.xml")) {
        if (wrong)
            sc_diag_error(r->diags, r->file, "not an ODT file (its mimetype says '%.60s')",
                          mimetype);
        else
            sc_diag_error(r->diags, r->file, "not an ODT file (no content.xml)");
        free(mimetype);
        return -1;
    }
    free(mimetype);
    read_meta(r);
    xmlDocPtr styles = sc_zip_has(r->zip, "styles.xml") ? sc_zip_xml(r->zip, "styles.xml", 0)
                                                         : NULL;
    if (styles) {
        odt_read_styles(r, xmlDocGetRootElement(styles));
        xmlFreeDoc(styles);
    }
    xmlDocPtr content = sc_zip_xml(r->zip, "content.xml", 1);
    if (!content)
        return -1;
    const xmlNode *root = xmlDocGetRootElement(content);
    odt_read_styles(r, root);
    odt_resolve_styles(r);
    const xmlNode *text = sc_xml_child(sc_xml_child(root, "body"), "text");
    if (!text) {
        sc_diag_error(r->diags, r->file, "not an ODT file (content.xml holds no office:text)");
        xmlFreeDoc(content);
        return -1;
    }
    odt_blocks(r, text->children, r->doc->root, 0);
    xmlFreeDoc(content);
    for (size_t i = 0; i < r->ndefs; i++)
        sc_node_append(r->doc->root, r->defs[i]);
    return 0;
}

int sc_read_odt(sc_document *doc, const char *data, size_t len, const sc_read_options *opts,
                sc_diag_list *diags)
{
    odt_reader r = {.doc = doc, .diags = diags, .opts = opts, .file = doc->source_name};
    r.zip = sc_zip_open(data, len, doc->source_name, diags);
    if (!r.zip)
        return -1;
    int rc = read_package(&r);
    free(r.defs);
    sc_zip_close(r.zip);
    if (rc == 0 && !doc->root->first_child) {
        sc_diag_error(diags, doc->source_name, "empty document (the ODT holds no text)");
        rc = -1;
    }
    if (rc == 0)
        ox_heading_ids(doc);
    return rc;
}
