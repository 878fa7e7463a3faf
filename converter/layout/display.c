/* display.c — a line's content as display-list items at its place on the page. */
#include "flow.h"

void sc_emit_runs(sc_arena *arena, sc_item **items, size_t *nitems, size_t *cap,
                  const sc_glyph_run *runs, size_t nruns, float dx, float baseline)
{
    for (size_t i = 0; i < nruns; i++) {
        if (runs[i].nglyphs == 0)
            continue;
        sc_item *it = sc_items_push(arena, items, nitems, cap);
        it->kind = SC_ITEM_GLYPHS;
        it->u.glyphs = runs[i];
        it->u.glyphs.x = runs[i].x + dx;
        it->u.glyphs.y = runs[i].y + baseline; /* a run's y is its shift from the baseline */
    }
}

void sc_emit_line(sc_arena *arena, sc_item **items, size_t *nitems, size_t *cap,
                  const sc_line *line, float x, float baseline)
{
    sc_emit_runs(arena, items, nitems, cap, line->runs, line->nruns, x, baseline);
    for (size_t i = 0; i < line->nlinks; i++) {
        const sc_line_link *l = &line->links[i];
        sc_item *it = sc_items_push(arena, items, nitems, cap);
        it->kind = SC_ITEM_LINK;
        it->u.link.x = x + l->x;
        it->u.link.y = baseline - line->ascent;
        it->u.link.w = l->w;
        it->u.link.h = line->ascent + line->descent;
        it->u.link.uri = l->uri;
        it->u.link.dest = l->uri ? NULL : l->dest;
    }
    for (size_t i = 0; i < line->nanchors; i++) {
        sc_item *it = sc_items_push(arena, items, nitems, cap);
        it->kind = SC_ITEM_DEST;
        it->u.dest.name = line->anchors[i].name;
        it->u.dest.y = baseline - line->ascent;
    }
}

void sc_emit_rule(sc_arena *arena, sc_item **items, size_t *nitems, size_t *cap, float x0,
                  float x1, float y, float width)
{
    sc_item *it = sc_items_push(arena, items, nitems, cap);
    it->kind = SC_ITEM_RULE;
    it->u.rule.x0 = x0;
    it->u.rule.x1 = x1;
    it->u.rule.y0 = it->u.rule.y1 = y;
    it->u.rule.width = width;
}
