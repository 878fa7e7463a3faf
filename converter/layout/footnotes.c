/* footnotes.c — footnote definitions, each laid out in a flow of its own that opens with its number
 * linked back to its first reference (and a destination named after the definition's id), tied to
 * the body element holding that reference: the page builder sets it at the foot of that page. */
#include "blocks.h"

#include <string.h>

void sc_notes_collect(sc_block_ctx *c)
{
    const sc_node *root = c->doc->root;
    if (!root)
        return;
    size_t n = 0;
    for (const sc_node *x = root; x; x = sc_node_next_preorder(x, root))
        n += x->type == SC_NODE_FOOTNOTE_DEF;
    if (n == 0)
        return;
    c->notes = sc_arena_calloc(c->arena, n, sizeof *c->notes);
    c->note_refs = sc_arena_calloc(c->arena, n, sizeof *c->note_refs);
    for (const sc_node *x = root; x; x = sc_node_next_preorder(x, root))
        if (x->type == SC_NODE_FOOTNOTE_DEF)
            c->notes[c->nnotes++] = x;
    /* In the order of their numbers (the order of first reference), stable for equal ones. */
    for (size_t i = 1; i < c->nnotes; i++)
        for (size_t k = i; k > 0 && c->notes[k - 1]->number > c->notes[k]->number; k--) {
            const sc_node *t = c->notes[k];
            c->notes[k] = c->notes[k - 1];
            c->notes[k - 1] = t;
        }
    for (const sc_node *x = root; x; x = sc_node_next_preorder(x, root)) {
        if (x->type != SC_NODE_FOOTNOTE_REF || !x->target)
            continue;
        for (size_t i = 0; i < c->nnotes; i++)
            if (c->notes[i] == x->target && !c->note_refs[i])
                c->note_refs[i] = x;
    }
}

static void note_flow(sc_block_ctx *c, const sc_node *def, float x, float w)
{
    const sc_style *st = sc_block_style(c, def);
    if (st->display_none)
        return;
    sc_block_margin(c, st->margin[SC_EDGE_TOP]);
    float left = st->margin[SC_EDGE_LEFT] + st->padding[SC_EDGE_LEFT];
    float right = st->margin[SC_EDGE_RIGHT] + st->padding[SC_EDGE_RIGHT];
    if (w - left - right >= st->font_size) {
        x += left;
        w -= left + right;
    }
    c->note_prefix = def;
    const sc_node *first = def->first_child;
    while (first && first->type == SC_NODE_HTML_BLOCK)
        first = first->next;
    if (!first || first->type != SC_NODE_PARAGRAPH) {
        /* The number needs a paragraph of its own when the note does not start with one. */
        sc_para *p = sc_para_begin(c->shaper);
        sc_inlines_add(c, p, NULL, NULL, st, sc_block_lang(c, def));
        sc_break_params bp = {.width = w, .first_indent = 0, .align = SC_ALIGN_LEFT};
        sc_line *lines = NULL;
        size_t n = sc_para_lines(p, &bp, &lines);
        sc_para_end(p);
        sc_block_push_lines(c, lines, n, x, st);
    }
    sc_block_children(c, def, x, w);
    c->note_prefix = NULL;
    sc_block_margin(c, st->margin[SC_EDGE_BOTTOM]);
}

/* Does a flow element carry the named anchor (a line's anchor, a box's destination)? */
static int elem_has_anchor(const sc_flow_elem *e, const char *name)
{
    if (e->kind == SC_FLOW_LINE) {
        for (size_t k = 0; k < e->line->nanchors; k++)
            if (e->line->anchors[k].name && strcmp(e->line->anchors[k].name, name) == 0)
                return 1;
        return 0;
    }
    for (size_t k = 0; k < e->box->nitems; k++)
        if (e->box->items[k].kind == SC_ITEM_DEST && e->box->items[k].u.dest.name &&
            strcmp(e->box->items[k].u.dest.name, name) == 0)
            return 1;
    return 0;
}

/* The body element holding a note's first reference; a note nobody references (or referenced
 * only from another note) goes with the last element, at the end of the document. */
static size_t find_ref(const sc_flow *body, const sc_node *ref, size_t from)
{
    if (ref && ref->id) {
        for (size_t k = from; k < body->count; k++)
            if (elem_has_anchor(&body->elems[k], ref->id))
                return k;
        for (size_t k = 0; k < from && k < body->count; k++)
            if (elem_has_anchor(&body->elems[k], ref->id))
                return k;
    }
    return body->count ? body->count - 1 : (size_t)-1;
}

void sc_notes_flow(sc_block_ctx *c)
{
    if (c->nnotes == 0)
        return;
    /* Each note gets a flow of its own, set at the foot of the page with its reference by the
     * page builder; the body's pending space, break and list marker wait meanwhile. */
    sc_flow *body = c->flow;
    float margin = c->margin_pending, fixed = c->fixed_pending;
    int brk = c->break_pending;
    const sc_line *marker = c->marker;
    c->marker = NULL;
    body->notes = sc_arena_calloc(c->arena, c->nnotes, sizeof *body->notes);
    size_t from = 0;
    for (size_t i = 0; i < c->nnotes; i++) {
        sc_flow_note *note = &body->notes[body->nnotes];
        c->flow = &note->flow;
        c->margin_pending = c->fixed_pending = 0;
        c->break_pending = 0;
        note_flow(c, c->notes[i], c->area_x, c->area_w);
        sc_block_flush_marker(c);
        note->gap_after = c->margin_pending + c->fixed_pending;
        c->flow = body;
        if (note->flow.count == 0)
            continue;
        for (size_t k = 0; k < note->flow.count; k++) /* forced breaks mean nothing in a note */
            note->flow.elems[k].break_before = note->flow.elems[k].break_after = 0;
        note->ref_elem = find_ref(body, c->note_refs[i], from);
        if (note->ref_elem != (size_t)-1)
            from = note->ref_elem;
        body->nnotes++;
    }
    c->margin_pending = margin;
    c->fixed_pending = fixed;
    c->break_pending = brk;
    c->marker = marker;
}
