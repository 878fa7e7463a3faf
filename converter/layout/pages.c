/* pages.c — the page builder: cuts the flow into pages of the text area's height.
 *
 * For each page it places elements from the top until one does not fit, then backs up to the last
 * place a break is allowed: not inside a paragraph where fewer than `orphans` lines would stay at
 * the bottom or fewer than `widows` would start the next page, not after a heading nor after the
 * first line that follows one (headings keep with what follows), not across page-break-after:
 * avoid. Forced breaks always win. Margins at the top of a page are dropped; the first line's
 * baseline sits low enough that nothing rises above the text area. */
#include "flow.h"

#include <stdlib.h>

typedef struct page_area {
    float top, bottom;
} page_area;

/* Room an element needs from its reference point to the area's top and bottom edges when it
 * stands first on a page / when it is checked against the bottom. */
static float need_above(const sc_flow_elem *e, const sc_vmetrics *m)
{
    if (e->kind == SC_FLOW_BOX)
        return 0;
    return e->line->ascent > m->ink_above ? e->line->ascent : m->ink_above;
}

static float need_below(const sc_flow_elem *e, const sc_vmetrics *m)
{
    if (e->kind == SC_FLOW_BOX)
        return e->box->height;
    return e->line->descent > m->ink_below ? e->line->descent : m->ink_below;
}

/* A table row starting a page has its table's header row drawn above it. */
static float repeat_height(const sc_flow_elem *e)
{
    return e->kind == SC_FLOW_BOX && e->repeat ? e->repeat->height : 0;
}

static int break_allowed(const sc_flow *flow, size_t j)
{
    const sc_flow_elem *prev = &flow->elems[j - 1], *e = &flow->elems[j];
    if (e->break_before || prev->break_after)
        return 1;
    if (prev->keep_with_next)
        return 0;
    /* A heading keeps with the first two lines of what follows, even when the first is a
     * paragraph of its own. */
    if (j >= 2 && flow->elems[j - 2].heading && !prev->heading && prev->kind == SC_FLOW_LINE)
        return 0;
    if (e->kind == SC_FLOW_LINE && prev->kind == SC_FLOW_LINE && e->para == prev->para)
        return e->index >= e->orphans && e->count - e->index >= e->widows;
    return 1;
}

/* Place elements from `start` on a fresh page; positions go to ref[]. Returns the index of the
 * first element that does not fit or must go to the next page (flow->count when all fit), and
 * sets *forced when that is a forced break. */
static size_t fill_page(const sc_flow *flow, size_t start, const page_area *a, float *ref,
                        int *forced)
{
    sc_vmetrics prev = {0}, m;
    *forced = 0;
    for (size_t k = start; k < flow->count; k++) {
        const sc_flow_elem *e = &flow->elems[k];
        if (k > start && (e->break_before || flow->elems[k - 1].break_after)) {
            *forced = 1;
            return k;
        }
        sc_flow_metrics(e, &m);
        float y = k == start ? a->top + repeat_height(e) + need_above(e, &m)
                             : ref[k - 1] + sc_flow_distance(&prev, e->space_before, &m);
        if (y + need_below(e, &m) > a->bottom + 0.01f)
            return k;
        ref[k] = y;
        prev = m;
    }
    return flow->count;
}

static size_t choose_end(const sc_flow *flow, size_t start, size_t stop, int forced)
{
    if (stop == flow->count || forced)
        return stop;
    if (stop == start)
        return start + 1; /* taller than a page: it gets a page of its own */
    for (size_t j = stop; j > start; j--)
        if (break_allowed(flow, j))
            return j;
    return stop; /* no allowed break on the whole page: break where it overflows */
}

static sc_page *new_page(sc_layout *layout, size_t *cap, const sc_page_setup *setup)
{
    if (layout->npages == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        layout->pages = sc_arena_realloc(layout->arena, layout->pages, *cap * sizeof *layout->pages,
                                         ncap * sizeof *layout->pages);
        *cap = ncap;
    }
    sc_page *pg = &layout->pages[layout->npages++];
    pg->width = setup->width;
    pg->height = setup->height;
    pg->number = (int)layout->npages;
    return pg;
}

static void add_outline(sc_layout *layout, size_t *cap, const sc_flow_elem *e, size_t page,
                        float y)
{
    if (layout->noutline == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        layout->outline = sc_arena_realloc(layout->arena, layout->outline,
                                           *cap * sizeof *layout->outline,
                                           ncap * sizeof *layout->outline);
        *cap = ncap;
    }
    sc_outline_entry *o = &layout->outline[layout->noutline++];
    o->level = e->outline_level;
    o->title = e->outline_title;
    o->page = page;
    o->y = y;
}

static void emit(sc_layout *layout, sc_page *pg, const sc_flow_elem *e, float y, const page_area *a,
                 size_t *outline_cap)
{
    sc_arena *arena = layout->arena;
    if (e->kind == SC_FLOW_BOX) {
        for (size_t i = 0; i < e->box->nitems; i++) {
            sc_item *it = sc_items_push(arena, &pg->items, &pg->nitems, &pg->cap);
            *it = e->box->items[i];
            switch (it->kind) {
            case SC_ITEM_GLYPHS: it->u.glyphs.y += y; break;
            case SC_ITEM_RULE: it->u.rule.y0 += y; it->u.rule.y1 += y; break;
            case SC_ITEM_RECT: it->u.rect.y += y; break;
            case SC_ITEM_LINK: it->u.link.y += y; break;
            case SC_ITEM_DEST: it->u.dest.y += y; break;
            case SC_ITEM_IMAGE: it->u.image.y += y; break;
            }
        }
        return;
    }
    if (e->dest || e->outline_title) {
        sc_vmetrics m;
        sc_flow_metrics(e, &m);
        float top = y - (m.above > m.ink_above ? m.above : m.ink_above);
        if (top < a->top)
            top = a->top;
        if (e->dest) {
            sc_item *it = sc_items_push(arena, &pg->items, &pg->nitems, &pg->cap);
            it->kind = SC_ITEM_DEST;
            it->u.dest.name = e->dest;
            it->u.dest.y = top;
        }
        if (e->outline_title)
            add_outline(layout, outline_cap, e, layout->npages - 1, top);
    }
    sc_emit_runs(arena, &pg->items, &pg->nitems, &pg->cap, e->extra, e->nextra, 0, y);
    sc_emit_line(arena, &pg->items, &pg->nitems, &pg->cap, e->line, e->x, y);
}

int sc_pages_build(sc_layout *layout, const sc_flow *flow, const sc_page_setup *setup,
                   const sc_document *doc, sc_shaper *shaper)
{
    page_area a = {setup->margin[SC_EDGE_TOP], setup->height - setup->margin[SC_EDGE_BOTTOM]};
    float *ref = calloc(flow->count ? flow->count : 1, sizeof *ref);
    if (!ref)
        return -1;
    size_t page_cap = 0, outline_cap = 0, start = 0;
    do {
        sc_page *pg = new_page(layout, &page_cap, setup);
        int forced = 0;
        size_t stop = fill_page(flow, start, &a, ref, &forced);
        size_t end = choose_end(flow, start, stop, forced);
        if (end > stop) { /* a lone element taller than the page: at the top, overflowing */
            sc_vmetrics m;
            sc_flow_metrics(&flow->elems[start], &m);
            ref[start] = a.top + repeat_height(&flow->elems[start]) +
                         need_above(&flow->elems[start], &m);
        }
        if (start < flow->count && repeat_height(&flow->elems[start]) > 0) {
            sc_flow_elem header = {.kind = SC_FLOW_BOX, .box = flow->elems[start].repeat};
            emit(layout, pg, &header, a.top, &a, &outline_cap);
        }
        for (size_t k = start; k < end; k++)
            emit(layout, pg, &flow->elems[k], ref[k], &a, &outline_cap);
        start = end;
    } while (start < flow->count);
    free(ref);
    for (size_t i = 0; i < layout->npages; i++)
        sc_footer_add(layout, &layout->pages[i], setup, doc, shaper);
    return 0;
}
