/* footnotes.c — footnote definitions collected at the end of the document under a short rule,
 * each opening with its number linked back to its first reference, with a destination named after
 * the definition's id at its start. */
#include "blocks.h"

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

void sc_notes_flow(sc_block_ctx *c)
{
    if (c->nnotes == 0)
        return;
    const sc_style *st = sc_block_style(c, c->notes[0]);
    /* The notes' rule: a third of the measure, a line's height below the text above. */
    sc_block_margin(c, st->line_height);
    sc_box *box = sc_arena_alloc(c->arena, sizeof *box);
    box->height = st->font_size * 0.5f;
    sc_emit_rule(c->arena, &box->items, &box->nitems, &box->cap, c->area_x,
                 c->area_x + c->area_w / 3, 0.25f, 0.5f);
    sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
    e->box = box;
    e->keep_with_next = 1;
    for (size_t i = 0; i < c->nnotes; i++)
        note_flow(c, c->notes[i], c->area_x, c->area_w);
}
