/* borders.c — blocks with a CSS border. The block's content is laid out into a flow of its own.
 * Without side borders its elements go on unchanged between a top and a bottom box. With side
 * borders each element becomes a slice: a box holding that element's drawing with the side
 * borders beside it, the top border (and padding) on the first slice, the bottom one on the last.
 * The page builder may break between any two slices (the border is cut there, as
 * box-decoration-break: slice does), so a long bordered block still flows across pages, and the
 * paragraph rules (widows, orphans, keep with next) carry over to the slices. */
#include "borders.h"

#include <string.h>

int sc_block_has_border(const sc_style *st)
{
    for (int e = 0; e < 4; e++)
        if (st->border[e].style != SC_BORDER_NONE && st->border[e].width > 0)
            return 1;
    return 0;
}

float sc_border_width(const sc_style *st, sc_edge edge)
{
    const sc_border *b = &st->border[edge];
    return b->style != SC_BORDER_NONE && b->width > 0 ? b->width : 0;
}

void sc_border_begin(sc_block_ctx *c, sc_border_scope *s)
{
    memset(s, 0, sizeof *s);
    s->outer = c->flow;
    s->margin_pending = c->margin_pending;
    s->fixed_pending = c->fixed_pending;
    s->break_pending = c->break_pending;
    s->inner.keep_serial = s->outer->keep_serial; /* keep groups stay unique (page_rules.c) */
    c->flow = &s->inner;
    c->margin_pending = c->fixed_pending = 0;
    c->break_pending = 0;
}

static void rule(sc_block_ctx *c, sc_box *box, float x0, float y0, float x1, float y1, float w,
                 sc_rgb color)
{
    sc_item *it = sc_items_push(c->arena, &box->items, &box->nitems, &box->cap);
    it->kind = SC_ITEM_RULE;
    it->u.rule.x0 = x0;
    it->u.rule.y0 = y0;
    it->u.rule.x1 = x1;
    it->u.rule.y1 = y1;
    it->u.rule.width = w;
    it->u.rule.color = color;
}

/* One border edge as a line along [a, b] (x for horizontal edges, y for vertical ones) at the
 * edge's centre line `at`; dashed and dotted edges as rows of short lines, double as two. */
static void edge(sc_block_ctx *c, sc_box *box, const sc_border *b, int horizontal, float at,
                 float a, float bnd, float outward)
{
    float w = b->width;
    if (b->style == SC_BORDER_DOUBLE && w >= 3) {
        float t = w / 3;
        sc_border one = *b;
        one.style = SC_BORDER_SOLID;
        one.width = t;
        edge(c, box, &one, horizontal, at + outward * t, a, bnd, outward);
        edge(c, box, &one, horizontal, at - outward * t, a, bnd, outward);
        return;
    }
    float dash = 0, gap = 0;
    if (b->style == SC_BORDER_DASHED) {
        dash = 3 * w;
        gap = 2 * w;
    } else if (b->style == SC_BORDER_DOTTED) {
        dash = w;
        gap = w;
    }
    if (dash <= 0 || bnd - a <= dash) {
        if (horizontal)
            rule(c, box, a, at, bnd, at, w, b->color);
        else
            rule(c, box, at, a, at, bnd, w, b->color);
        return;
    }
    for (float p = a; p < bnd; p += dash + gap) {
        float q = p + dash < bnd ? p + dash : bnd;
        if (horizontal)
            rule(c, box, p, at, q, at, w, b->color);
        else
            rule(c, box, at, p, at, q, w, b->color);
    }
}

/* Copy an element's drawing into a slice with its reference point at y. */
static void draw_elem(sc_block_ctx *c, sc_box *box, const sc_flow_elem *e, float y)
{
    if (e->kind == SC_FLOW_LINE) {
        if (e->dest) {
            sc_item *it = sc_items_push(c->arena, &box->items, &box->nitems, &box->cap);
            it->kind = SC_ITEM_DEST;
            it->u.dest.name = e->dest;
            it->u.dest.y = y - e->line->ascent;
        }
        sc_emit_runs(c->arena, &box->items, &box->nitems, &box->cap, e->extra, e->nextra, 0, y);
        sc_emit_line(c->arena, &box->items, &box->nitems, &box->cap, e->line, e->x, y);
        return;
    }
    for (size_t i = 0; i < e->box->nitems; i++) {
        sc_item *it = sc_items_push(c->arena, &box->items, &box->nitems, &box->cap);
        *it = e->box->items[i];
        sc_item_shift(it, 0, y);
    }
}

/* A block bordered only above and/or below (a heading with a rule under it): its elements stay
 * as they are, between a box holding the top border and padding and one holding the bottom ones,
 * so lines keep their own break rules and a heading its outline entry. */
static void open_sides(sc_block_ctx *c, const sc_flow *in, const sc_style *st, float x, float w,
                       float trailing)
{
    float bt = sc_border_width(st, SC_EDGE_TOP), bb = sc_border_width(st, SC_EDGE_BOTTOM);
    float top = bt + st->padding[SC_EDGE_TOP];
    float bottom = st->padding[SC_EDGE_BOTTOM] + bb;
    if (top > 0) {
        sc_box *box = sc_arena_calloc(c->arena, 1, sizeof *box);
        box->height = top;
        if (bt > 0)
            edge(c, box, &st->border[SC_EDGE_TOP], 1, bt / 2, x, x + w, -1);
        sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
        e->box = box;
        e->keep_with_next = 1; /* never alone at a page's foot */
    }
    for (size_t k = 0; k < in->count; k++) {
        sc_flow_elem *e = sc_flow_push(c->arena, c->flow);
        *e = in->elems[k];
        if (k == 0 && top <= 0) { /* it takes the space and break waiting before the block */
            e->space_before += c->margin_pending + c->fixed_pending;
            e->break_before |= c->break_pending;
            c->margin_pending = c->fixed_pending = 0;
            c->break_pending = 0;
        }
    }
    if (bottom <= 0) {
        sc_block_margin(c, trailing);
        return;
    }
    int keep = 0;
    if (c->flow->count > 0) { /* the bottom border goes with the last line */
        sc_flow_elem *last = &c->flow->elems[c->flow->count - 1];
        keep = last->keep_with_next;
        last->keep_with_next = 1;
    }
    sc_box *box = sc_arena_calloc(c->arena, 1, sizeof *box);
    box->height = bottom;
    if (bb > 0)
        edge(c, box, &st->border[SC_EDGE_BOTTOM], 1, bottom - bb / 2, x, x + w, 1);
    sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
    e->space_before = trailing;
    e->box = box;
    e->keep_with_next = keep;
}

void sc_border_end(sc_block_ctx *c, sc_border_scope *s, const sc_style *st, float x, float w)
{
    sc_flow *in = &s->inner;
    /* The last child's bottom margin stays inside the border (borders stop margins collapsing). */
    float trailing = c->margin_pending + c->fixed_pending;
    c->flow = s->outer;
    c->flow->keep_serial = in->keep_serial;
    c->margin_pending = s->margin_pending;
    c->fixed_pending = s->fixed_pending;
    c->break_pending = s->break_pending;

    float bt = sc_border_width(st, SC_EDGE_TOP), bb = sc_border_width(st, SC_EDGE_BOTTOM);
    float bl = sc_border_width(st, SC_EDGE_LEFT), br = sc_border_width(st, SC_EDGE_RIGHT);
    if (bl <= 0 && br <= 0) {
        open_sides(c, in, st, x, w, trailing);
        return;
    }
    float top = bt + st->padding[SC_EDGE_TOP];
    float bottom = st->padding[SC_EDGE_BOTTOM] + bb;
    size_t n = in->count;

    /* Reference points of the inner elements as the page builder would stack them. */
    float *ref = sc_arena_calloc(c->arena, n ? n : 1, sizeof *ref);
    sc_vmetrics *m = sc_arena_calloc(c->arena, n ? n : 1, sizeof *m);
    for (size_t k = 0; k < n; k++) {
        sc_flow_metrics(&in->elems[k], &m[k]);
        ref[k] = k == 0 ? top + in->elems[0].space_before + m[0].above
                        : ref[k - 1] + sc_flow_distance(&m[k - 1], in->elems[k].space_before, &m[k]);
    }
    float total = n ? ref[n - 1] + m[n - 1].below + trailing + bottom : top + trailing + bottom;

    size_t nslices = n ? n : 1;
    for (size_t k = 0; k < nslices; k++) {
        float s0 = k == 0 ? 0 : ref[k - 1] + m[k - 1].below;
        float s1 = k + 1 < nslices ? ref[k] + m[k].below : total;
        sc_box *box = sc_arena_calloc(c->arena, 1, sizeof *box);
        box->height = s1 - s0;
        if (n)
            draw_elem(c, box, &in->elems[k], ref[k] - s0);
        if (bl > 0)
            edge(c, box, &st->border[SC_EDGE_LEFT], 0, x + bl / 2, 0, box->height, -1);
        if (br > 0)
            edge(c, box, &st->border[SC_EDGE_RIGHT], 0, x + w - br / 2, 0, box->height, 1);
        if (k == 0 && bt > 0)
            edge(c, box, &st->border[SC_EDGE_TOP], 1, bt / 2, x, x + w, -1);
        if (k + 1 == nslices && bb > 0)
            edge(c, box, &st->border[SC_EDGE_BOTTOM], 1, box->height - bb / 2, x, x + w, 1);

        sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
        if (n) {
            /* The element's break rules and page-builder marks go with its slice. */
            const sc_flow_elem *src = &in->elems[k];
            float space = e->space_before;
            int brk = e->break_before;
            *e = *src;
            e->kind = SC_FLOW_BOX;
            e->line = NULL;
            e->extra = NULL;
            e->nextra = 0;
            e->dest = NULL; /* drawn in the box */
            e->space_before = space;
            e->break_before = brk || (k > 0 && src->break_before);
            /* Lines of one paragraph: no break that would leave fewer than `orphans` lines
             * before it or `widows` after it. */
            if (src->kind == SC_FLOW_LINE && k + 1 < n) {
                const sc_flow_elem *nx = &in->elems[k + 1];
                if (nx->kind == SC_FLOW_LINE && nx->para == src->para &&
                    (nx->index < nx->orphans || nx->count - nx->index < nx->widows))
                    e->keep_with_next = 1;
            }
        }
        e->box = box;
    }
}
