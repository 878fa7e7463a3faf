/* tables.c — a table's rows onto pages. The grid and the column widths come from table_grid.c.
 * Rows joined by row spans form one group; a group is one rigid box unless it is taller than a
 * page, then it is cut between lines into bands that each fit a page. Cell text wraps in its
 * column and is shaped like body text; each column keeps its alignment from the source. Borders
 * are the stylesheet's (the cells' and the table's own, drawn where the edges are; the bundled
 * sheet draws thin rules between rows). The header rows keep with the row after them and are drawn
 * again at the top of each page the table goes on to. */
#include "tables.h"

#include <string.h>

typedef struct cell_lay {
    const sc_tcell *tc;
    const sc_line *lines;
    size_t n;
    float x0, x1;        /* the cell's box, left and right */
    float top, height;   /* the cell's box inside its group */
    float text_x;        /* the left edge of its text */
    float pad_top;       /* top + padding: where the lines are stacked from */
    float *baselines;    /* from pad_top */
    float content_h;     /* padding + lines + padding */
} cell_lay;

static sc_text_align cell_align(const sc_node *cell, const sc_style *st)
{
    switch (cell->align) {
    case SC_CELL_ALIGN_LEFT: return SC_ALIGN_LEFT;
    case SC_CELL_ALIGN_CENTER: return SC_ALIGN_CENTER;
    case SC_CELL_ALIGN_RIGHT: return SC_ALIGN_RIGHT;
    default: return st->text_align == SC_ALIGN_JUSTIFY ? SC_ALIGN_LEFT : st->text_align;
    }
}

/* Stack a cell's lines from y = 0 (the first baseline) as paragraphs are stacked on a page;
 * returns the height from the cell's top to its last line's bottom. */
static float stack_lines(const cell_lay *cl, float *baselines)
{
    float y = 0;
    sc_vmetrics prev = {0}, m;
    for (size_t i = 0; i < cl->n; i++) {
        sc_line_metrics(&cl->lines[i], &m);
        if (i == 0)
            y = m.above > m.ink_above ? m.above : m.ink_above;
        else
            y += sc_flow_distance(&prev, 0, &m);
        baselines[i] = y;
        prev = m;
    }
    if (cl->n == 0)
        return 0;
    return y + (prev.below > prev.ink_below ? prev.below : prev.ink_below);
}

static void layout_cell(sc_block_ctx *c, const sc_tgrid *g, const sc_tcell *tc, cell_lay *cl)
{
    cl->tc = tc;
    cl->x0 = g->colx[tc->col];
    cl->x1 = g->colx[tc->col + tc->colspan - 1] + g->colw[tc->col + tc->colspan - 1];
    cl->text_x = cl->x0 + tc->pad[SC_EDGE_LEFT];
    float w = cl->x1 - cl->x0 - tc->pad[SC_EDGE_LEFT] - tc->pad[SC_EDGE_RIGHT];
    if (w < 1)
        w = 1;
    if (tc->node->first_child) {
        sc_para *p = sc_para_begin(c->shaper);
        sc_inlines_add(c, p, tc->node->first_child, NULL, tc->st, sc_block_lang(c, tc->node));
        sc_break_params bp = {.width = w, .first_indent = 0, .align = cell_align(tc->node, tc->st)};
        sc_line *lines = NULL;
        cl->n = sc_para_lines(p, &bp, &lines);
        cl->lines = lines;
        sc_para_end(p);
    }
    cl->baselines = sc_arena_calloc(c->arena, cl->n ? cl->n : 1, sizeof *cl->baselines);
    cl->content_h = tc->pad[SC_EDGE_TOP] + stack_lines(cl, cl->baselines) +
                    tc->pad[SC_EDGE_BOTTOM];
}

/* Where a cell line reaches above and below its baseline (group coordinates). */
static void line_extent(const cell_lay *cl, size_t k, float *top, float *bottom)
{
    sc_vmetrics m;
    sc_line_metrics(&cl->lines[k], &m);
    float bl = cl->pad_top + cl->baselines[k];
    *top = bl - (m.above > m.ink_above ? m.above : m.ink_above);
    *bottom = bl + (m.below > m.ink_below ? m.below : m.ink_below);
}

/* ---- borders ------------------------------------------------------------------------------- */

static void border_rule(sc_block_ctx *c, sc_box *box, const sc_border *b, float x0, float y0,
                        float x1, float y1)
{
    if (b->style == SC_BORDER_NONE || !(b->width > 0))
        return;
    sc_item *it = sc_items_push(c->arena, &box->items, &box->nitems, &box->cap);
    it->kind = SC_ITEM_RULE;
    it->u.rule.x0 = x0;
    it->u.rule.y0 = y0;
    it->u.rule.x1 = x1;
    it->u.rule.y1 = y1;
    it->u.rule.width = b->width;
    it->u.rule.color = b->color;
}

/* The part of a box's borders (cell or table) inside the band [band_top, band_end] of a group. */
static void box_borders(sc_block_ctx *c, sc_box *box, const sc_border border[4], float x0,
                        float x1, float top, float bottom, float band_top, float band_end)
{
    float vt = top > band_top ? top : band_top, vb = bottom < band_end ? bottom : band_end;
    if (vb < vt)
        return;
    if (top >= band_top - 0.01f && top <= band_end)
        border_rule(c, box, &border[SC_EDGE_TOP], x0, top - band_top, x1, top - band_top);
    if (bottom <= band_end + 0.01f && bottom >= band_top)
        border_rule(c, box, &border[SC_EDGE_BOTTOM], x0, bottom - band_top, x1,
                    bottom - band_top);
    border_rule(c, box, &border[SC_EDGE_LEFT], x0, vt - band_top, x0, vb - band_top);
    border_rule(c, box, &border[SC_EDGE_RIGHT], x1, vt - band_top, x1, vb - band_top);
}

typedef struct group_ctx {
    const sc_tgrid *g;
    const sc_style *table_st;
    int first_group, last_group, header;
    const sc_box *repeat;
} group_ctx;

/* Join horizontal rules of one width and colour that meet end to end (the bottom borders of a
 * row's cells): one stroke each, as a reader's eye sees them. */
static void join_rules(sc_box *box, size_t from)
{
    size_t out = from;
    for (size_t i = from; i < box->nitems; i++) {
        sc_item *it = &box->items[i];
        int joined = 0;
        if (it->kind == SC_ITEM_RULE && it->u.rule.y0 == it->u.rule.y1)
            for (size_t k = from; k < out && !joined; k++) {
                sc_item *p = &box->items[k];
                if (p->kind == SC_ITEM_RULE && p->u.rule.y0 == p->u.rule.y1 &&
                    p->u.rule.y0 == it->u.rule.y0 && p->u.rule.width == it->u.rule.width &&
                    memcmp(&p->u.rule.color, &it->u.rule.color, sizeof p->u.rule.color) == 0 &&
                    it->u.rule.x0 - p->u.rule.x1 < 0.01f && p->u.rule.x1 - it->u.rule.x0 < 0.01f) {
                    p->u.rule.x1 = it->u.rule.x1;
                    joined = 1;
                }
            }
        if (!joined)
            box->items[out++] = *it;
    }
    box->nitems = out;
}

static void band_borders(sc_block_ctx *c, sc_box *box, const group_ctx *gc, const cell_lay *cells,
                         size_t ncells, float height, float band_top, float band_end)
{
    size_t from = box->nitems;
    for (size_t i = 0; i < ncells; i++)
        box_borders(c, box, cells[i].tc->st->border, cells[i].x0, cells[i].x1, cells[i].top,
                    cells[i].top + cells[i].height, band_top, band_end);
    /* the table's own frame: its top above the first row, its bottom under the last */
    float x0 = gc->g->colx[0], x1 = x0 + gc->g->width;
    sc_border frame[4];
    memcpy(frame, gc->table_st->border, sizeof frame);
    if (!gc->first_group)
        frame[SC_EDGE_TOP].style = SC_BORDER_NONE;
    if (!gc->last_group)
        frame[SC_EDGE_BOTTOM].style = SC_BORDER_NONE;
    box_borders(c, box, frame, x0, x1, 0, height, band_top, band_end);
    join_rules(box, from);
}

/* ---- bands --------------------------------------------------------------------------------- */

static sc_box *new_box(sc_block_ctx *c)
{
    sc_box *box = sc_arena_alloc(c->arena, sizeof *box);
    memset(box, 0, sizeof *box);
    return box;
}

static void emit_cell_line(sc_block_ctx *c, sc_box *box, const cell_lay *cl, size_t k,
                           float band_top)
{
    sc_emit_line(c->arena, &box->items, &box->nitems, &box->cap, &cl->lines[k], cl->text_x,
                 cl->pad_top + cl->baselines[k] - band_top);
}

/* Push a group as boxes. A group that fits a page is one box; a taller one is cut between lines
 * into bands that each fit a page (a cell's lines stay in order; each band starts at the top of
 * the highest line it holds). Returns the box when the group is one box. */
static const sc_box *group_bands(sc_block_ctx *c, const group_ctx *gc, const cell_lay *cells,
                                 size_t ncells, float height)
{
    size_t *next = sc_arena_calloc(c->arena, ncells ? ncells : 1, sizeof *next);
    const sc_box *repeat = gc->repeat;
    float band_top = 0, room = c->area_h - (repeat ? repeat->height : 0);
    if (room < c->area_h / 2) { /* a header too tall to repeat */
        repeat = NULL;
        room = c->area_h;
    }
    for (int first_band = 1;; first_band = 0) {
        sc_box *box = new_box(c);
        int last = height - band_top <= room;
        float limit = band_top + room, bottom = band_top, next_top = height;
        int placed = 0;
        for (size_t i = 0; i < ncells; i++) {
            for (; next[i] < cells[i].n; next[i]++) {
                float top, bot;
                line_extent(&cells[i], next[i], &top, &bot);
                if (!last && bot > limit) {
                    if (top < next_top)
                        next_top = top;
                    break;
                }
                emit_cell_line(c, box, &cells[i], next[i], band_top);
                placed = 1;
                if (bot > bottom)
                    bottom = bot;
            }
        }
        if (!last && !placed) { /* one line taller than a page: it goes alone */
            size_t i = 0;
            while (next[i] >= cells[i].n)
                i++;
            float top, bot;
            line_extent(&cells[i], next[i], &top, &bot);
            emit_cell_line(c, box, &cells[i], next[i], band_top);
            next[i]++;
            bottom = bot;
            next_top = height;
            for (size_t k = 0; k < ncells; k++)
                if (next[k] < cells[k].n) {
                    line_extent(&cells[k], next[k], &top, &bot);
                    if (top < next_top)
                        next_top = top;
                }
        }
        box->height = last ? height - band_top : bottom - band_top;
        band_borders(c, box, gc, cells, ncells, height, band_top, band_top + box->height);
        sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
        e->box = box;
        e->keep_with_next = last && gc->header;
        e->repeat = repeat;
        if (last)
            return first_band ? box : NULL;
        band_top = next_top > band_top ? next_top : bottom;
    }
}

/* ---- groups -------------------------------------------------------------------------------- */

/* Lay out the rows [r0, r1) (cells [c0, c1) of the grid) as one group. */
static const sc_box *group_flow(sc_block_ctx *c, group_ctx *gc, size_t r0, size_t r1, size_t c0,
                                size_t c1)
{
    const sc_tgrid *g = gc->g;
    size_t ncells = c1 - c0, nr = r1 - r0;
    cell_lay *cells = sc_arena_calloc(c->arena, ncells ? ncells : 1, sizeof *cells);
    float *rh = sc_arena_calloc(c->arena, nr, sizeof *rh);
    float *ry = sc_arena_calloc(c->arena, nr, sizeof *ry);
    for (size_t i = 0; i < ncells; i++) {
        layout_cell(c, g, &g->cells[c0 + i], &cells[i]);
        const sc_tcell *tc = cells[i].tc;
        if (tc->rowspan == 1 && cells[i].content_h > rh[tc->row - r0])
            rh[tc->row - r0] = cells[i].content_h;
    }
    for (size_t i = 0; i < ncells; i++) { /* a spanning cell taller than its rows: the last grows */
        const sc_tcell *tc = cells[i].tc;
        if (tc->rowspan == 1)
            continue;
        float have = 0;
        for (size_t r = tc->row; r < tc->row + tc->rowspan; r++)
            have += rh[r - r0];
        if (cells[i].content_h > have)
            rh[tc->row + tc->rowspan - 1 - r0] += cells[i].content_h - have;
    }
    float height = 0;
    for (size_t r = 0; r < nr; r++) {
        ry[r] = height;
        height += rh[r];
    }
    for (size_t i = 0; i < ncells; i++) {
        const sc_tcell *tc = cells[i].tc;
        cells[i].top = ry[tc->row - r0];
        cells[i].height = 0;
        for (size_t r = tc->row; r < tc->row + tc->rowspan; r++)
            cells[i].height += rh[r - r0];
        cells[i].pad_top = cells[i].top + tc->pad[SC_EDGE_TOP];
    }
    return group_bands(c, gc, cells, ncells, height);
}

/* The header rows' boxes as one box, to repeat on each page the table continues on. */
static const sc_box *merge_boxes(sc_block_ctx *c, const sc_box **boxes, size_t n)
{
    if (n == 1)
        return boxes[0];
    sc_box *box = new_box(c);
    for (size_t k = 0; k < n; k++) {
        for (size_t i = 0; i < boxes[k]->nitems; i++) {
            sc_item *it = sc_items_push(c->arena, &box->items, &box->nitems, &box->cap);
            *it = boxes[k]->items[i];
            sc_item_shift(it, 0, box->height);
        }
        box->height += boxes[k]->height;
    }
    return box;
}

void sc_table_flow(sc_block_ctx *c, const sc_node *table, float x, float w)
{
    sc_tgrid g;
    if (sc_table_grid(c, table, x, w, &g) != 0)
        return;
    group_ctx gc = {.g = &g, .table_st = sc_block_style(c, table), .first_group = 1};
    const sc_box **heads = sc_arena_calloc(c->arena, g.nrows ? g.nrows : 1, sizeof *heads);
    size_t nheads = 0;
    int in_header = 1;
    for (size_t r0 = 0, c0 = 0; r0 < g.nrows;) {
        size_t r1 = r0 + 1, c1 = c0;
        for (; c1 < g.ncells && g.cells[c1].row < r1; c1++)
            if (g.cells[c1].row + g.cells[c1].rowspan > r1)
                r1 = g.cells[c1].row + g.cells[c1].rowspan;
        gc.header = 1;
        for (size_t r = r0; r < r1; r++)
            gc.header &= g.rows[r]->is_header;
        gc.header &= in_header;
        gc.last_group = r1 >= g.nrows;
        const sc_box *box = group_flow(c, &gc, r0, r1, c0, c1);
        if (gc.header && box) {
            heads[nheads++] = box;
        } else if (in_header) { /* the header ends here: from now on it is repeated */
            in_header = 0;
            if (gc.header)
                nheads = 0; /* a header split into bands is not repeated */
        }
        if (in_header && r1 < g.nrows && !g.rows[r1]->is_header) {
            in_header = 0;
            gc.repeat = nheads ? merge_boxes(c, heads, nheads) : NULL;
        }
        gc.first_group = 0;
        r0 = r1;
        c0 = c1;
    }
}
