/* flow.c — the flow sequence and the vertical metrics the page builder and table cells share. */
#include "flow.h"

#include <string.h>

float sc_line_font_size(const sc_line *line)
{
    float size = 0;
    for (size_t i = 0; i < line->nruns; i++)
        if (line->runs[i].size > size)
            size = line->runs[i].size;
    return size;
}

void sc_line_metrics(const sc_line *line, sc_vmetrics *m)
{
    /* CSS line box: the leading (line-height minus the font's ascent + descent) is split evenly
     * above and below, so consecutive lines of one paragraph sit line-height apart. */
    float half_leading = (line->line_height - (line->ascent + line->descent)) / 2;
    m->above = half_leading + line->ascent;
    m->below = line->line_height - m->above;
    m->ink_above = line->ink_ascent;
    m->ink_below = line->ink_descent;
    float size = sc_line_font_size(line);
    if (size <= 0)
        size = line->line_height / 1.2f;
    m->min_gap = 0.1f * size;
}

void sc_flow_metrics(const sc_flow_elem *e, sc_vmetrics *m)
{
    if (e->kind == SC_FLOW_LINE) {
        sc_line_metrics(e->line, m);
        return;
    }
    m->above = m->ink_above = 0;
    m->below = m->ink_below = e->box->height;
    m->min_gap = 0;
}

float sc_flow_distance(const sc_vmetrics *prev, float space, const sc_vmetrics *next)
{
    float d = prev->below + space + next->above;
    float gap = prev->min_gap > next->min_gap ? prev->min_gap : next->min_gap;
    float need = prev->ink_below + next->ink_above + gap; /* TeX's \lineskip */
    return d > need ? d : need;
}

sc_flow_elem *sc_flow_push(sc_arena *arena, sc_flow *flow)
{
    if (flow->count == flow->cap) {
        size_t cap = flow->cap ? flow->cap * 2 : 256;
        flow->elems = sc_arena_realloc(arena, flow->elems, flow->cap * sizeof *flow->elems,
                                       cap * sizeof *flow->elems);
        flow->cap = cap;
    }
    sc_flow_elem *e = &flow->elems[flow->count++];
    memset(e, 0, sizeof *e);
    return e;
}

sc_item *sc_items_push(sc_arena *arena, sc_item **items, size_t *nitems, size_t *cap)
{
    if (*nitems == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        *items = sc_arena_realloc(arena, *items, *cap * sizeof **items, ncap * sizeof **items);
        *cap = ncap;
    }
    sc_item *it = &(*items)[(*nitems)++];
    memset(it, 0, sizeof *it);
    return it;
}

/* Move an item by (dx, dy): boxes are drawn at their place on the page, or stacked in another box. */
void sc_item_shift(sc_item *it, float dx, float dy)
{
    switch (it->kind) {
    case SC_ITEM_GLYPHS: it->u.glyphs.x += dx; it->u.glyphs.y += dy; break;
    case SC_ITEM_RULE:
        it->u.rule.x0 += dx; it->u.rule.x1 += dx; it->u.rule.y0 += dy; it->u.rule.y1 += dy;
        break;
    case SC_ITEM_RECT: it->u.rect.x += dx; it->u.rect.y += dy; break;
    case SC_ITEM_LINK: it->u.link.x += dx; it->u.link.y += dy; break;
    case SC_ITEM_DEST: it->u.dest.y += dy; break;
    case SC_ITEM_IMAGE: it->u.image.x += dx; it->u.image.y += dy; break;
    }
}
