/* docx_blocks.c — a DOCX's blocks: paragraphs become headings (by style or outline level),
 * list items (numbering, nested by level into LIST/ITEM), code blocks, block quotes, definition
 * lists or paragraphs; tables keep their header rows and merged cells (gridSpan -> colspan,
 * vMerge -> rowspan); bookmarks before a block become its id. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/buf.h"
#include "docx.h"
#include "internal.h"

enum { MAX_LEVELS = 9, MAX_GRID = 1000 };

typedef struct list_ctx {
    sc_node *list[MAX_LEVELS], *item[MAX_LEVELS];
    const char *num_id[MAX_LEVELS];
    int depth; /* levels open */
} list_ctx;

static int style_is(const docx_style *s, const char *id, const char *name)
{
    return s && (strcasecmp(s->id, id) == 0 || strcasecmp(s->name, name) == 0);
}

/* Leading and trailing white space of a block's inline content. */
static void trim_block(sc_document *doc, sc_node *block)
{
    sc_node *first = block->first_child, *last = block->last_child;
    while (first && first->first_child && first->type != SC_NODE_IMAGE)
        first = first->first_child;
    if (first && first->type == SC_NODE_TEXT) {
        size_t k = 0;
        while (k < first->text_len && (first->text[k] == ' ' || first->text[k] == '\t'))
            k++;
        if (k)
            sc_node_set_text(doc, first, first->text + k, first->text_len - k);
    }
    while (last && last->last_child && last->type != SC_NODE_IMAGE)
        last = last->last_child;
    if (last && last->type == SC_NODE_TEXT) {
        size_t n = last->text_len;
        while (n && (last->text[n - 1] == ' ' || last->text[n - 1] == '\t'))
            n--;
        if (n != last->text_len)
            sc_node_set_text(doc, last, last->text, n);
    }
}

/* The literal text of a code paragraph (line breaks as newlines). */
static void code_text(const sc_node *block, sc_buf *out)
{
    for (const sc_node *n = block->first_child; n; n = sc_node_next_preorder(n, block)) {
        if (n->type == SC_NODE_TEXT || n->type == SC_NODE_CODE)
            sc_buf_append(out, n->text, n->text_len);
        else if (n->type == SC_NODE_LINE_BREAK || n->type == SC_NODE_SOFT_BREAK)
            sc_buf_putc(out, '\n');
    }
}

static void close_lists(list_ctx *lc)
{
    lc->depth = 0;
}

/* The ITEM a list paragraph at level `lvl` of numbering `num_id` goes into. */
static sc_node *list_item(docx_reader *r, list_ctx *lc, sc_node *parent, const char *num_id,
                          int lvl, int tight)
{
    if (lvl < 0)
        lvl = 0;
    if (lvl >= MAX_LEVELS)
        lvl = MAX_LEVELS - 1;
    if (lc->depth > lvl + 1)
        lc->depth = lvl + 1;
    if (lc->depth == lvl + 1 && (!lc->list[lvl] || strcmp(lc->num_id[lvl], num_id) != 0))
        lc->depth = lvl; /* another list at this level */
    if (lc->depth < lvl + 1) {
        sc_node *container = parent;
        for (int k = lc->depth - 1; k >= 0 && container == parent; k--)
            if (lc->item[k])
                container = lc->item[k];
        for (int k = lc->depth; k < lvl; k++)
            lc->list[k] = lc->item[k] = NULL, lc->num_id[k] = "";
        const docx_num *num = docx_num_by_id(r, num_id);
        sc_node *list = sc_node_new(r->doc, SC_NODE_LIST);
        list->list_ordered = num ? num->ordered[lvl] : 0;
        list->list_start = num ? num->start[lvl] + num->used[lvl] : 1;
        list->list_tight = tight;
        const char *type = num ? num->list_style[lvl] : NULL;
        if (type)
            list->style_attr = sc_arena_printf(r->doc->arena, "list-style-type: %s", type);
        sc_node_append(container, list);
        lc->list[lvl] = list;
        lc->num_id[lvl] = num_id;
        lc->depth = lvl + 1;
    }
    docx_num *num = docx_num_by_id(r, num_id);
    if (num) { /* an item restarts the numbering of the levels below it */
        num->used[lvl]++;
        for (int k = lvl + 1; k < MAX_LEVELS; k++)
            num->used[k] = 0;
    }
    sc_node *item = sc_node_new(r->doc, SC_NODE_ITEM);
    sc_node_append(lc->list[lvl], item);
    lc->item[lvl] = item;
    if (!tight)
        lc->list[lvl]->list_tight = 0;
    return item;
}

static void paragraph(docx_reader *r, const xmlNode *p, sc_node *parent, list_ctx *lc)
{
    sc_document *doc = r->doc;
    const xmlNode *ppr = sc_xml_child(p, "pPr");
    const xmlNode *ps = sc_xml_child(ppr, "pStyle");
    const docx_style *st = ps ? docx_style_by_id(r, sc_xml_attr(ps, "val", NULL)) : NULL;
    if (!st)
        st = docx_style_by_id(r, "Normal");
    int level = st ? (st->heading ? st->heading : st->outline) : 0;
    const xmlNode *ol = sc_xml_child(ppr, "outlineLvl");
    if (ol && sc_xml_attr(ol, "val", NULL)) {
        int v = atoi(sc_xml_attr(ol, "val", NULL));
        level = v >= 0 && v < 9 ? v + 1 : 0;
    }
    if (level > 6)
        level = 6;
    const char *num_id = st ? st->num_id : NULL;
    int num_level = st ? st->num_level : 0;
    const xmlNode *numpr = sc_xml_child(ppr, "numPr");
    if (numpr) {
        const xmlNode *nid = sc_xml_child(numpr, "numId"), *il = sc_xml_child(numpr, "ilvl");
        if (nid && sc_xml_attr(nid, "val", NULL))
            num_id = sc_xml_attr(nid, "val", NULL);
        if (il && sc_xml_attr(il, "val", NULL))
            num_level = atoi(sc_xml_attr(il, "val", NULL));
    }
    if (num_id && (strcmp(num_id, "0") == 0 || level))
        num_id = NULL;
    int title = st && st->title;
    int code = style_is(st, "SourceCode", "Source Code") ||
               style_is(st, "HTMLPreformatted", "HTML Preformatted");
    int quote = style_is(st, "BlockText", "Block Text") || style_is(st, "Quote", "Quote") ||
                style_is(st, "IntenseQuote", "Intense Quote");
    int term = style_is(st, "DefinitionTerm", "Definition Term");
    int def = style_is(st, "Definition", "Definition");
    int caption = style_is(st, "ImageCaption", "Image Caption") || style_is(st, "Caption", "caption");
    const char *cls = style_is(st, "Author", "Author") ? "author"
                    : style_is(st, "Date", "Date") ? "date"
                    : style_is(st, "Subtitle", "Subtitle") ? "subtitle"
                    : title ? "title" : NULL;

    sc_node *node = sc_node_new(doc, level ? SC_NODE_HEADING : term ? SC_NODE_DEF_TERM
                                                                    : SC_NODE_PARAGRAPH);
    node->level = level;
    node->class_name = cls;
    node->line = p->line > 0 && p->line < 65535 ? p->line : 0;
    ox_inline in;
    ox_inline_init(&in, doc, node);
    /* a paragraph style's own run formatting counts, except where the role says it all */
    unsigned fmt = !level && !title && !caption && !term && st ? st->fmt_on : 0;
    const char *font = st && st->font ? st->font : r->default_font;
    docx_paragraph_inlines(r, p, &in, fmt, font);
    if (!node->id && r->pending_id)
        node->id = r->pending_id;
    trim_block(doc, node);
    if (!ox_has_content(node)) {
        if (node->id && !r->pending_id)
            r->pending_id = node->id; /* a bookmark in an empty paragraph waits for the next */
        return;
    }
    r->pending_id = NULL;
    if (title && !doc->meta.title) {
        doc->meta.title = sc_node_plain_text(doc, node);
        doc->meta.title_from_source = 1;
    }
    if (num_id) {
        sc_node_append(list_item(r, lc, parent, num_id, num_level,
                                 style_is(st, "Compact", "Compact")), node);
        return;
    }
    close_lists(lc);
    if (caption && ox_figure_caption(doc, parent, node))
        return;
    if (code) {
        sc_buf text;
        sc_buf_init(&text);
        sc_node *prev = ox_last_of(parent, SC_NODE_CODE_BLOCK);
        if (prev)
            sc_buf_append(&text, prev->text, prev->text_len);
        code_text(node, &text);
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
    if (quote) {
        sc_node_append(ox_last_or_new(doc, parent, SC_NODE_BLOCKQUOTE), node);
        return;
    }
    if (term || def) {
        ox_definition(doc, parent, node, term);
        return;
    }
    sc_node_append(parent, node);
}

/* ---- tables ---- */

typedef struct table_ctx {
    sc_node *above[MAX_GRID]; /* the cell covering each grid column in the rows read so far */
} table_ctx;

/* A cell's content: its paragraphs' inlines, a line break between paragraphs (nested tables
 * are read the same way, row by row). */
static void cell_content(docx_reader *r, const xmlNode *first, ox_inline *in, int *lines,
                         int depth)
{
    if (depth > OX_MAX_DEPTH)
        return;
    for (const xmlNode *n = first; n; n = n->next) {
        if (sc_xml_is(n, "p")) {
            sc_node *mark = in->parent->last_child;
            if (*lines)
                ox_leaf(in, 0, sc_node_new(r->doc, SC_NODE_LINE_BREAK));
            const xmlNode *ps = sc_xml_child(sc_xml_child(n, "pPr"), "pStyle");
            const docx_style *st = ps ? docx_style_by_id(r, sc_xml_attr(ps, "val", NULL)) : NULL;
            docx_paragraph_inlines(r, n, in, 0, st && st->font ? st->font : r->default_font);
            if (*lines && in->parent->last_child &&
                in->parent->last_child->type == SC_NODE_LINE_BREAK) {
                sc_node_unlink(in->parent->last_child); /* an empty paragraph */
                in->last_top = in->last_inner = NULL;
            } else if (in->parent->last_child != mark) {
                (*lines)++;
            }
        } else if (sc_xml_is(n, "tbl") || sc_xml_is(n, "tr") || sc_xml_is(n, "tc") ||
                   sc_xml_is(n, "ins") || sc_xml_is(n, "customXml")) {
            cell_content(r, n->children, in, lines, depth + 1);
        } else if (sc_xml_is(n, "sdt")) {
            const xmlNode *c = sc_xml_child(n, "sdtContent");
            cell_content(r, c ? c->children : NULL, in, lines, depth + 1);
        } else if (sc_xml_is(n, "AlternateContent")) {
            cell_content(r, docx_alternate(n), in, lines, depth + 1);
        }
    }
}

static sc_cell_align cell_align(const xmlNode *tc)
{
    const xmlNode *p = sc_xml_child(tc, "p");
    const xmlNode *jc = sc_xml_child(sc_xml_child(p, "pPr"), "jc");
    const char *v = jc ? sc_xml_attr(jc, "val", NULL) : NULL;
    if (!v)
        return SC_CELL_ALIGN_NONE;
    if (strcmp(v, "center") == 0)
        return SC_CELL_ALIGN_CENTER;
    if (strcmp(v, "right") == 0 || strcmp(v, "end") == 0)
        return SC_CELL_ALIGN_RIGHT;
    if (strcmp(v, "left") == 0 || strcmp(v, "start") == 0)
        return SC_CELL_ALIGN_LEFT;
    return SC_CELL_ALIGN_NONE;
}

static int int_val(const xmlNode *el, int fallback)
{
    const char *v = el ? sc_xml_attr(el, "val", NULL) : NULL;
    return v ? atoi(v) : fallback;
}

static void row_cells(docx_reader *r, const xmlNode *first, sc_node *row, table_ctx *tc, int *col,
                      int depth)
{
    for (const xmlNode *n = first; n && depth < OX_MAX_DEPTH; n = n->next) {
        if (sc_xml_is(n, "sdt") || sc_xml_is(n, "customXml")) {
            const xmlNode *c = sc_xml_is(n, "sdt") ? sc_xml_child(n, "sdtContent") : n;
            row_cells(r, c ? c->children : NULL, row, tc, col, depth + 1);
            continue;
        }
        if (!sc_xml_is(n, "tc"))
            continue;
        const xmlNode *pr = sc_xml_child(n, "tcPr");
        int span = int_val(sc_xml_child(pr, "gridSpan"), 1);
        if (span < 1 || span > MAX_GRID)
            span = 1;
        const xmlNode *vm = sc_xml_child(pr, "vMerge");
        const char *vmv = vm ? sc_xml_attr(vm, "val", NULL) : NULL;
        int c0 = *col;
        *col += span;
        if (vm && (!vmv || strcmp(vmv, "continue") == 0) && c0 < MAX_GRID && tc->above[c0]) {
            sc_node *cell = tc->above[c0];
            cell->rowspan = cell->rowspan > 1 ? cell->rowspan + 1 : 2;
            continue;
        }
        sc_node *cell = sc_node_new(r->doc, SC_NODE_TABLE_CELL);
        cell->colspan = span > 1 ? span : 0;
        cell->align = cell_align(n);
        sc_node_append(row, cell);
        ox_inline in;
        ox_inline_init(&in, r->doc, cell);
        int lines = 0;
        cell_content(r, n->children, &in, &lines, depth + 1);
        trim_block(r->doc, cell);
        for (int k = c0; k < c0 + span && k < MAX_GRID; k++)
            tc->above[k] = cell;
    }
}

static void table(docx_reader *r, const xmlNode *tbl, sc_node *parent)
{
    table_ctx *tc = calloc(1, sizeof *tc);
    if (!tc)
        return;
    sc_node *table = sc_node_new(r->doc, SC_NODE_TABLE);
    table->line = tbl->line > 0 && tbl->line < 65535 ? tbl->line : 0;
    int header_run = 1;
    for (const xmlNode *n = tbl->children; n; n = n->next) {
        const xmlNode *tr = n;
        if (sc_xml_is(n, "sdt") || sc_xml_is(n, "customXml")) {
            const xmlNode *c = sc_xml_is(n, "sdt") ? sc_xml_child(n, "sdtContent") : n;
            tr = c ? sc_xml_child(c, "tr") : NULL;
        }
        if (!tr || !sc_xml_is(tr, "tr"))
            continue;
        const xmlNode *pr = sc_xml_child(tr, "trPr");
        const xmlNode *hdr = sc_xml_child(pr, "tblHeader");
        const char *hv = hdr ? sc_xml_attr(hdr, "val", NULL) : NULL;
        int header = hdr && !(hv && (strcmp(hv, "0") == 0 || strcasecmp(hv, "false") == 0));
        header_run = header_run && header;
        sc_node *row = sc_node_new(r->doc, SC_NODE_TABLE_ROW);
        row->is_header = header_run;
        int col = int_val(sc_xml_child(pr, "gridBefore"), 0);
        if (col < 0 || col > MAX_GRID)
            col = 0;
        row_cells(r, tr->children, row, tc, &col, r->depth);
        if (row->first_child)
            sc_node_append(table, row);
    }
    free(tc);
    if (table->first_child) {
        if (r->pending_id) {
            table->id = r->pending_id;
            r->pending_id = NULL;
        }
        sc_node_append(parent, table);
    }
}

static void blocks(docx_reader *r, const xmlNode *first, sc_node *parent, list_ctx *lc, int depth)
{
    if (depth > OX_MAX_DEPTH)
        return;
    for (const xmlNode *n = first; n; n = n->next) {
        const char *name = sc_xml_name(n);
        if (!name)
            continue;
        if (strcmp(name, "p") == 0) {
            paragraph(r, n, parent, lc);
        } else if (strcmp(name, "tbl") == 0) {
            close_lists(lc);
            r->depth++;
            table(r, n, parent);
            r->depth--;
        } else if (strcmp(name, "bookmarkStart") == 0) {
            const char *b = sc_xml_attr(n, "name", NULL);
            if (b && *b && strcmp(b, "_GoBack") != 0)
                r->pending_id = sc_arena_strdup(r->doc->arena, b);
        } else if (strcmp(name, "sdt") == 0) {
            const xmlNode *c = sc_xml_child(n, "sdtContent");
            blocks(r, c ? c->children : NULL, parent, lc, depth + 1);
        } else if (strcmp(name, "AlternateContent") == 0) {
            blocks(r, docx_alternate(n), parent, lc, depth + 1);
        } else if (strcmp(name, "ins") == 0 || strcmp(name, "moveTo") == 0 ||
                   strcmp(name, "customXml") == 0 || strcmp(name, "smartTag") == 0) {
            blocks(r, n->children, parent, lc, depth + 1);
        }
        /* w:del, w:moveFrom, w:sectPr, ...: dropped */
    }
}

void docx_blocks(docx_reader *r, const xmlNode *first, sc_node *parent)
{
    list_ctx lc = {.depth = 0};
    blocks(r, first, parent, &lc, r->depth);
}
