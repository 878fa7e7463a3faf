/* blocks.c — block flow: the styled tree turned into a sequence of lines and boxes, with CSS
 * margins (adjacent vertical margins collapse), paddings, indents and break rules. */
#include "blocks.h"
#include "borders.h"
#include "counters.h"

#include <string.h>

const sc_style *sc_block_style(const sc_block_ctx *c, const sc_node *n)
{
    for (; n; n = n->parent)
        if (n->style)
            return n->style;
    return c->default_style;
}

const char *sc_block_lang(const sc_block_ctx *c, const sc_node *n)
{
    for (; n; n = n->parent)
        if (n->lang && *n->lang)
            return n->lang;
    if (c->doc->meta.lang && *c->doc->meta.lang)
        return c->doc->meta.lang;
    return "vi";
}

sc_style *sc_block_style_copy(sc_block_ctx *c, const sc_style *st)
{
    sc_style *copy = sc_arena_alloc(c->arena, sizeof *copy);
    *copy = *st;
    return copy;
}

void sc_block_margin(sc_block_ctx *c, float margin)
{
    if (margin > c->margin_pending)
        c->margin_pending = margin;
}

void sc_block_fixed(sc_block_ctx *c, float space)
{
    if (space <= 0)
        return;
    /* A padding separates the margins on its two sides: they no longer collapse together. */
    c->fixed_pending += c->margin_pending + space;
    c->margin_pending = 0;
}

static void attach_marker(sc_block_ctx *c, sc_flow_elem *e)
{
    const sc_line *m = c->marker;
    c->marker = NULL;
    sc_glyph_run *runs = sc_arena_calloc(c->arena, m->nruns ? m->nruns : 1, sizeof *runs);
    for (size_t i = 0; i < m->nruns; i++) {
        runs[i] = m->runs[i];
        runs[i].x += c->marker_x;
    }
    e->extra = runs;
    e->nextra = m->nruns;
}

static sc_flow_elem *push_raw(sc_block_ctx *c, sc_flow_kind kind)
{
    sc_flow_elem *e = sc_flow_push(c->arena, c->flow);
    e->kind = kind;
    e->space_before = c->margin_pending + c->fixed_pending;
    e->break_before = c->break_pending;
    c->margin_pending = c->fixed_pending = 0;
    c->break_pending = 0;
    e->widows = e->orphans = 1;
    return e;
}

void sc_block_flush_marker(sc_block_ctx *c)
{
    if (!c->marker)
        return;
    const sc_line *m = c->marker;
    sc_flow_elem *e = push_raw(c, SC_FLOW_LINE);
    e->line = m;
    e->x = c->marker_x;
    e->para = ++c->para_serial;
    e->count = 1;
    c->marker = NULL;
}

sc_flow_elem *sc_block_push(sc_block_ctx *c, sc_flow_kind kind)
{
    if (c->marker && kind != SC_FLOW_LINE)
        sc_block_flush_marker(c);
    sc_flow_elem *e = push_raw(c, kind);
    if (c->marker)
        attach_marker(c, e);
    return e;
}

size_t sc_block_push_lines(sc_block_ctx *c, const sc_line *lines, size_t n, float x,
                           const sc_style *st)
{
    int para = ++c->para_serial;
    for (size_t i = 0; i < n; i++) {
        sc_flow_elem *e = sc_block_push(c, SC_FLOW_LINE);
        e->line = &lines[i];
        e->x = x;
        e->para = para;
        e->index = (int)i;
        e->count = (int)n;
        e->widows = st->widows > 0 ? st->widows : 2;
        e->orphans = st->orphans > 0 ? st->orphans : 2;
    }
    return n;
}

static const sc_line *break_para(sc_para *p, const sc_style *st, float w,
                                 size_t *nlines)
{
    sc_break_params bp = {.width = w, .first_indent = st->text_indent, .align = st->text_align};
    sc_line *lines = NULL;
    *nlines = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    return lines;
}

/* A paragraph, or a run of inline nodes standing where blocks are expected. */
static size_t inline_block(sc_block_ctx *c, const sc_node *owner, const sc_node *first,
                           const sc_node *stop, float x, float w)
{
    const sc_style *st = sc_block_style(c, owner);
    sc_para *p = sc_para_begin(c->shaper);
    sc_inlines_add(c, p, first, stop, st, sc_block_lang(c, owner));
    size_t n = 0;
    const sc_line *lines = break_para(p, st, w, &n);
    return sc_block_push_lines(c, lines, n, x, st);
}

static void heading(sc_block_ctx *c, const sc_node *n, float x, float w)
{
    size_t first = c->flow->count;
    inline_block(c, n, n->first_child, NULL, x, w);
    if (c->flow->count == first)
        return;
    sc_flow_elem *e = &c->flow->elems[first];
    e->dest = n->id;
    e->outline_title = sc_inlines_plain(c, n);
    e->outline_level = n->level < 1 ? 1 : n->level;
    /* A heading is never split and never ends a page: it keeps with what follows. */
    for (size_t i = first; i < c->flow->count; i++)
        c->flow->elems[i].keep_with_next = c->flow->elems[i].heading = 1;
}

static void code_block(sc_block_ctx *c, const sc_node *n, float x, float w)
{
    const sc_style *st = sc_block_style(c, n);
    if (!st->white_space_pre) {
        sc_style *pre = sc_block_style_copy(c, st);
        pre->white_space_pre = 1;
        st = pre;
    }
    size_t len = n->text ? n->text_len : 0;
    while (len > 0 && (n->text[len - 1] == '\n' || n->text[len - 1] == '\r'))
        len--;
    sc_para *p = sc_para_begin(c->shaper);
    /* ::before / ::after of the pre element frame its text. */
    const char *gen[2] = {sc_counters_before(c->counters, n), sc_counters_after(c->counters, n)};
    const sc_style *gst[2] = {st->before_style ? st->before_style : st,
                              st->after_style ? st->after_style : st};
    if (gen[0])
        sc_para_add_text(p, gen[0], strlen(gen[0]), gst[0], sc_block_lang(c, n), NULL, NULL,
                         n->line);
    sc_para_add_text(p, len ? n->text : " ", len ? len : 1, st, sc_block_lang(c, n), NULL, NULL,
                     n->line);
    if (gen[1])
        sc_para_add_text(p, gen[1], strlen(gen[1]), gst[1], sc_block_lang(c, n), NULL, NULL,
                         n->line);
    sc_break_params bp = {.width = w, .first_indent = 0,
                          .align = st->text_align == SC_ALIGN_JUSTIFY ? SC_ALIGN_LEFT : st->text_align};
    sc_line *lines = NULL;
    size_t nl = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    sc_block_push_lines(c, lines, nl, x, st);
}

static void thematic_break(sc_block_ctx *c, float x, float w)
{
    sc_box *box = sc_arena_alloc(c->arena, sizeof *box);
    box->height = 1; /* the rule's room; the space around it is the stylesheet's margins */
    sc_emit_rule(c->arena, &box->items, &box->nitems, &box->cap, x, x + w, 0.5f, 0.5f);
    sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
    e->box = box;
}

static int in_tight_item(const sc_node *n)
{
    return n->parent && n->parent->type == SC_NODE_ITEM && n->parent->parent &&
           n->parent->parent->type == SC_NODE_LIST && n->parent->parent->list_tight;
}

const sc_node *sc_block_tight_item(const sc_node *n)
{
    return n->type == SC_NODE_PARAGRAPH && in_tight_item(n) ? n->parent : NULL;
}

/* Blocks nested deeper than this (hostile input: thousands of '>') are set as plain text, so the
 * recursion stays shallow. */
#define MAX_NESTING 100

static void flattened(sc_block_ctx *c, const sc_node *n, float x, float w)
{
    if (!c->warned_nesting)
        sc_diag_add(c->diags, SC_WARNING, c->doc->source_name, n->line, n->column, -1,
                    "blocks nested more than %d deep are set as plain text", MAX_NESTING);
    c->warned_nesting = 1;
    const sc_style *st = sc_block_style(c, n);
    const char *text = sc_inlines_plain(c, n);
    if (!*text)
        return;
    sc_para *p = sc_para_begin(c->shaper);
    sc_para_add_text(p, text, strlen(text), st, sc_block_lang(c, n), NULL, NULL, n->line);
    size_t nl = 0;
    const sc_line *lines = break_para(p, st, w, &nl);
    sc_block_push_lines(c, lines, nl, x, st);
}

void sc_block_flow(sc_block_ctx *c, const sc_node *n, float x, float w)
{
    if (n->type == SC_NODE_HTML_BLOCK || n->type == SC_NODE_FOOTNOTE_DEF)
        return; /* raw HTML is not ours to draw; notes come at the end (footnotes.c) */
    const sc_style *st = sc_block_style(c, n);
    if (st->display_none)
        return;
    if (c->depth >= MAX_NESTING) {
        flattened(c, n, x, w);
        return;
    }
    c->depth++;
    float mt = st->margin[SC_EDGE_TOP], mb = st->margin[SC_EDGE_BOTTOM];
    if (n->type == SC_NODE_PARAGRAPH && in_tight_item(n))
        mt = mb = 0; /* tight lists set their items without paragraph spacing, as HTML does */
    /* A bordered block keeps its padding inside the border (borders.c). */
    int bordered = n->type != SC_NODE_DOCUMENT && n->type != SC_NODE_TABLE &&
                   sc_block_has_border(st); /* tables draw their own (tables.c) */
    if (n->type != SC_NODE_DOCUMENT) {
        sc_block_margin(c, mt);
        if (!bordered)
            sc_block_fixed(c, st->padding[SC_EDGE_TOP]);
    }
    if (st->page_break_before == 1 && c->flow->count > 0)
        c->break_pending = 1;
    size_t first = c->flow->count;
    float left = st->margin[SC_EDGE_LEFT] + sc_border_width(st, SC_EDGE_LEFT) +
                 st->padding[SC_EDGE_LEFT];
    float right = st->margin[SC_EDGE_RIGHT] + sc_border_width(st, SC_EDGE_RIGHT) +
                  st->padding[SC_EDGE_RIGHT];
    float ix = x + left, iw = w - left - right;
    if (iw < c->area_w / 4 && iw < w) { /* deep nesting: stop indenting, keep a readable measure */
        ix = x;
        iw = w;
    }
    sc_border_scope border;
    if (bordered)
        sc_border_begin(c, &border);
    switch (n->type) {
    case SC_NODE_DOCUMENT:
    case SC_NODE_ITEM:
    case SC_NODE_BLOCKQUOTE:
    case SC_NODE_DIV:
    case SC_NODE_DEF_LIST:
    case SC_NODE_DEF_DATA:
        sc_block_children(c, n, ix, iw);
        break;
    case SC_NODE_DEF_TERM:
    case SC_NODE_FIGCAPTION:
        inline_block(c, n, n->first_child, NULL, ix, iw);
        break;
    case SC_NODE_PARAGRAPH:
        if (!sc_figure_paragraph(c, n, ix, iw))
            inline_block(c, n, n->first_child, NULL, ix, iw);
        break;
    case SC_NODE_FIGURE:
        sc_figure_flow(c, n, ix, iw);
        break;
    case SC_NODE_HEADING:
        heading(c, n, ix, iw);
        break;
    case SC_NODE_LIST:
        sc_list_flow(c, n, ix, iw);
        break;
    case SC_NODE_CODE_BLOCK:
        code_block(c, n, ix, iw);
        break;
    case SC_NODE_THEMATIC_BREAK:
        thematic_break(c, ix, iw);
        break;
    case SC_NODE_TABLE:
        sc_table_flow(c, n, ix, iw);
        break;
    default:
        break;
    }
    if (bordered)
        sc_border_end(c, &border, st, x + st->margin[SC_EDGE_LEFT],
                      w - st->margin[SC_EDGE_LEFT] - st->margin[SC_EDGE_RIGHT]);
    c->depth--;
    sc_block_page_rules(c, n, st, first); /* page_rules.c (the page builder's side) */
    if (n->type == SC_NODE_DOCUMENT)
        return;
    if (!bordered)
        sc_block_fixed(c, st->padding[SC_EDGE_BOTTOM]);
    sc_block_margin(c, mb);
    if (c->flow->count > first) {
        sc_flow_elem *last = &c->flow->elems[c->flow->count - 1];
        if (st->page_break_after == 1)
            last->break_after = 1;
        else if (st->page_break_after == -1)
            last->keep_with_next = 1;
    }
}

void sc_block_generated(sc_block_ctx *c, const sc_node *n, int after, float x, float w)
{
    const char *text = after ? sc_counters_after(c->counters, n) : sc_counters_before(c->counters, n);
    if (!text || !*text)
        return;
    const sc_style *st = sc_block_style(c, n);
    const sc_style *gst = after ? st->after_style : st->before_style;
    sc_para *p = sc_para_begin(c->shaper);
    sc_para_add_text(p, text, strlen(text), gst ? gst : st, sc_block_lang(c, n), NULL, NULL,
                     n->line);
    size_t nl = 0;
    const sc_line *lines = break_para(p, st, w, &nl);
    sc_block_push_lines(c, lines, nl, x, st);
}

void sc_block_children(sc_block_ctx *c, const sc_node *parent, float x, float w)
{
    /* ::before / ::after of a container whose content starts / ends with a block stand as
     * paragraphs of their own (with inline content first, they join its first run). */
    const sc_node *fc = parent->first_child, *lc = parent->last_child;
    if (fc && sc_node_is_block(fc) && sc_block_tight_item(fc) != parent)
        sc_block_generated(c, parent, 0, x, w);
    const sc_node *n = parent->first_child;
    while (n) {
        if (sc_node_is_block(n)) {
            sc_block_flow(c, n, x, w);
            n = n->next;
            continue;
        }
        /* Inline nodes where blocks belong (some readers put an item's text straight in it):
         * they make one anonymous paragraph together. */
        const sc_node *stop = n;
        while (stop && !sc_node_is_block(stop))
            stop = stop->next;
        inline_block(c, parent, n, stop, x, w);
        n = stop;
    }
    if (lc && sc_node_is_block(lc) && sc_block_tight_item(lc) != parent)
        sc_block_generated(c, parent, 1, x, w);
}

int sc_blocks_build(const sc_document *doc, const sc_page_setup *page, sc_shaper *shaper,
                    sc_arena *arena, sc_diag_list *diags, sc_flow *flow)
{
    sc_block_ctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.shaper = shaper;
    c.arena = arena;
    c.diags = diags;
    c.flow = flow;
    c.area_x = page->margin[SC_EDGE_LEFT];
    c.area_w = page->width - page->margin[SC_EDGE_LEFT] - page->margin[SC_EDGE_RIGHT];
    c.area_h = page->height - page->margin[SC_EDGE_TOP] - page->margin[SC_EDGE_BOTTOM];
    if (c.area_w < 36) {
        sc_diag_error(diags, doc->source_name,
                      "the page margins leave no room for text (%.1f pt wide)", (double)c.area_w);
        return -1;
    }
    sc_style *def = sc_arena_alloc(arena, sizeof *def);
    def->font_family = "serif";
    def->font_size = 11;
    def->font_weight = 400;
    def->line_height = 11 * 1.4f;
    def->text_align = SC_ALIGN_JUSTIFY;
    def->widows = def->orphans = 2;
    c.default_style = def;
    c.counters = sc_counters_build(doc, arena);
    sc_notes_collect(&c);
    if (doc->root)
        sc_block_flow(&c, doc->root, c.area_x, c.area_w);
    sc_notes_flow(&c);
    sc_block_flush_marker(&c);
    return 0;
}
