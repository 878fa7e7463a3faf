/* tables.c — simple tables: column widths from each column's widest content, shared out fairly
 * when they do not fit; cell text wraps; thin rules between rows. Each row is one rigid box: rows
 * are not split across pages unless taller than a page (then cut between lines). A header row
 * keeps with the row after it and is drawn again at the top of each page the table goes on to. */
#include "blocks.h"

typedef struct cell_lines {
    const sc_line *lines;
    size_t n;
    float x, w;          /* the cell's text measure */
    float pad_top;
    float *baselines;    /* from the cell's top padding */
} cell_lines;

static void cell_padding(const sc_style *st, float pad[4])
{
    float sum = 0;
    for (int i = 0; i < 4; i++)
        sum += st->padding[i];
    for (int i = 0; i < 4; i++)
        pad[i] = sum > 0 ? st->padding[i] : (i % 2 ? 0.4f : 0.25f) * st->font_size;
}

static const sc_style *cell_style(sc_block_ctx *c, const sc_node *cell, int header)
{
    const sc_style *st = sc_block_style(c, cell);
    if (header && st->font_weight < 600) { /* th is bold even without a stylesheet rule */
        sc_style *bold = sc_block_style_copy(c, st);
        bold->font_weight = 700;
        st = bold;
    }
    return st;
}

static sc_text_align cell_align(const sc_node *cell, const sc_style *st)
{
    switch (cell->align) {
    case SC_CELL_ALIGN_LEFT: return SC_ALIGN_LEFT;
    case SC_CELL_ALIGN_CENTER: return SC_ALIGN_CENTER;
    case SC_CELL_ALIGN_RIGHT: return SC_ALIGN_RIGHT;
    default: return st->text_align == SC_ALIGN_JUSTIFY ? SC_ALIGN_LEFT : st->text_align;
    }
}

static const sc_line *cell_break(sc_block_ctx *c, const sc_node *cell, int header, float width,
                                 size_t *n)
{
    const sc_style *st = cell_style(c, cell, header);
    sc_para *p = sc_para_begin(c->shaper);
    if (cell->first_child)
        sc_inlines_add(c, p, cell->first_child, NULL, st, sc_block_lang(c, cell));
    sc_break_params bp = {.width = width, .first_indent = 0, .align = cell_align(cell, st)};
    sc_line *lines = NULL;
    *n = cell->first_child ? sc_para_lines(p, &bp, &lines) : 0;
    sc_para_end(p);
    return lines;
}

/* Share `avail` among columns that want `want`: columns wanting less than an equal share get what
 * they want, the rest split what is left equally (water filling). */
static void share_widths(const float *want, float *width, size_t ncols, float avail)
{
    float total = 0;
    for (size_t i = 0; i < ncols; i++)
        total += want[i];
    if (total <= avail) {
        for (size_t i = 0; i < ncols; i++)
            width[i] = want[i];
        return;
    }
    for (size_t i = 0; i < ncols; i++)
        width[i] = -1;
    float left = avail;
    size_t open = ncols;
    for (int changed = 1; changed && open > 0;) {
        changed = 0;
        float share = left / (float)open;
        for (size_t i = 0; i < ncols; i++)
            if (width[i] < 0 && want[i] <= share) {
                width[i] = want[i];
                left -= want[i];
                open--;
                changed = 1;
            }
    }
    for (size_t i = 0; i < ncols; i++)
        if (width[i] < 0)
            width[i] = left / (float)open;
}

/* Stack a cell's lines from y = 0 (the first baseline) as paragraphs are stacked on a page;
 * returns the height from the cell's top to its last line's bottom. */
static float stack_lines(const cell_lines *cl, float *baselines)
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

/* Where a cell line reaches above and below its baseline. */
static void line_extent(const cell_lines *cl, size_t k, float *top, float *bottom)
{
    sc_vmetrics m;
    sc_line_metrics(&cl->lines[k], &m);
    float bl = cl->pad_top + cl->baselines[k];
    *top = bl - (m.above > m.ink_above ? m.above : m.ink_above);
    *bottom = bl + (m.below > m.ink_below ? m.below : m.ink_below);
}

/* Push a row as boxes. A row that fits a page is one box; a taller one is cut between lines into
 * bands that each fit a page (a cell's lines stay in order; each band starts at the top of the
 * highest line it holds). */
static const sc_box *row_bands(sc_block_ctx *c, const cell_lines *cells, size_t ncols,
                               float height, int first_row, int header, float x0, float x1,
                               const sc_box *repeat)
{
    size_t *next = sc_arena_calloc(c->arena, ncols, sizeof *next);
    float band_top = 0, room = c->area_h - (repeat ? repeat->height : 0);
    if (room < c->area_h / 2) { /* a header too tall to repeat */
        repeat = NULL;
        room = c->area_h;
    }
    for (int first_band = 1;; first_band = 0) {
        sc_box *box = sc_arena_alloc(c->arena, sizeof *box);
        int last = height - band_top <= room;
        float limit = band_top + room, bottom = band_top, next_top = height;
        int placed = 0;
        for (size_t i = 0; i < ncols; i++) {
            for (; next[i] < cells[i].n; next[i]++) {
                float top, bot;
                line_extent(&cells[i], next[i], &top, &bot);
                if (!last && bot > limit) {
                    if (top < next_top)
                        next_top = top;
                    break;
                }
                sc_emit_line(c->arena, &box->items, &box->nitems, &box->cap,
                             &cells[i].lines[next[i]], cells[i].x,
                             cells[i].pad_top + cells[i].baselines[next[i]] - band_top);
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
            sc_emit_line(c->arena, &box->items, &box->nitems, &box->cap,
                         &cells[i].lines[next[i]], cells[i].x,
                         cells[i].pad_top + cells[i].baselines[next[i]] - band_top);
            next[i]++;
            bottom = bot;
            next_top = height;
            for (size_t k = 0; k < ncols; k++)
                if (next[k] < cells[k].n) {
                    line_extent(&cells[k], next[k], &top, &bot);
                    if (top < next_top)
                        next_top = top;
                }
        }
        box->height = last ? height - band_top : bottom - band_top;
        if (first_band && first_row)
            sc_emit_rule(c->arena, &box->items, &box->nitems, &box->cap, x0, x1, 0, 0.5f);
        if (last)
            sc_emit_rule(c->arena, &box->items, &box->nitems, &box->cap, x0, x1, box->height,
                         header ? 0.8f : 0.5f);
        sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
        e->box = box;
        e->keep_with_next = last && header;
        e->repeat = repeat;
        if (last)
            return first_band ? box : NULL;
        band_top = next_top > band_top ? next_top : bottom;
    }
}

/* Lay out a row; returns its box when it is one box (a header row to repeat on later pages). */
static const sc_box *row_box(sc_block_ctx *c, const sc_node *row, const float *colx,
                             const float *colw, size_t ncols, int first_row, float x0, float x1,
                             const sc_box *repeat)
{
    cell_lines *cells = sc_arena_calloc(c->arena, ncols, sizeof *cells);
    float height = 0, pad[4];
    size_t col = 0;
    for (const sc_node *cell = row->first_child; cell && col < ncols; cell = cell->next) {
        if (cell->type != SC_NODE_TABLE_CELL)
            continue;
        const sc_style *st = cell_style(c, cell, row->is_header);
        cell_padding(st, pad);
        cell_lines *cl = &cells[col];
        cl->x = colx[col] + pad[SC_EDGE_LEFT];
        cl->w = colw[col] - pad[SC_EDGE_LEFT] - pad[SC_EDGE_RIGHT];
        if (cl->w < 1)
            cl->w = 1;
        cl->pad_top = pad[SC_EDGE_TOP];
        cl->lines = cell_break(c, cell, row->is_header, cl->w, &cl->n);
        cl->baselines = sc_arena_calloc(c->arena, cl->n ? cl->n : 1, sizeof *cl->baselines);
        float h = cl->pad_top + stack_lines(cl, cl->baselines) + pad[SC_EDGE_BOTTOM];
        if (h > height)
            height = h;
        col++;
    }
    return row_bands(c, cells, ncols, height, first_row, row->is_header, x0, x1, repeat);
}

void sc_table_flow(sc_block_ctx *c, const sc_node *table, float x, float w)
{
    size_t ncols = 0;
    for (const sc_node *row = table->first_child; row; row = row->next) {
        size_t n = 0;
        for (const sc_node *cell = row->first_child; cell; cell = cell->next)
            n += cell->type == SC_NODE_TABLE_CELL;
        if (row->type == SC_NODE_TABLE_ROW && n > ncols)
            ncols = n;
    }
    if (ncols == 0)
        return;
    float *want = sc_arena_calloc(c->arena, ncols, sizeof *want);
    float *colw = sc_arena_calloc(c->arena, ncols, sizeof *colw);
    float *colx = sc_arena_calloc(c->arena, ncols, sizeof *colx), pad[4];
    for (const sc_node *row = table->first_child; row; row = row->next) {
        if (row->type != SC_NODE_TABLE_ROW)
            continue;
        size_t col = 0;
        for (const sc_node *cell = row->first_child; cell && col < ncols; cell = cell->next) {
            if (cell->type != SC_NODE_TABLE_CELL)
                continue;
            size_t n = 0;
            const sc_line *lines = cell_break(c, cell, row->is_header, 1e5f, &n);
            float widest = 0;
            for (size_t k = 0; k < n; k++)
                if (lines[k].width > widest)
                    widest = lines[k].width;
            cell_padding(cell_style(c, cell, row->is_header), pad);
            widest += pad[SC_EDGE_LEFT] + pad[SC_EDGE_RIGHT] + 0.5f;
            if (widest > want[col])
                want[col] = widest;
            col++;
        }
    }
    share_widths(want, colw, ncols, w);
    float cx = x;
    for (size_t i = 0; i < ncols; i++) {
        colx[i] = cx;
        cx += colw[i];
    }
    int first = 1;
    const sc_box *header = NULL; /* repeated at the top of each page the table continues on */
    for (const sc_node *row = table->first_child; row; row = row->next) {
        if (row->type != SC_NODE_TABLE_ROW || sc_block_style(c, row)->display_none)
            continue;
        const sc_box *box = row_box(c, row, colx, colw, ncols, first, x, cx, header);
        if (first && row->is_header)
            header = box;
        first = 0;
    }
}
