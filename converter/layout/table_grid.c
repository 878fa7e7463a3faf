/* table_grid.c — a table's cells placed in a grid (column and row spans, as HTML's table model
 * places them) and its column widths from the cells' min-content and max-content widths, fitted
 * to the measure as CSS's automatic table layout does: every column gets its max-content width
 * when they all fit; otherwise columns whose text fits an equal share keep it whole and the others
 * get their min-content width plus a share of the remaining room in proportion to (max - min);
 * below the min-content total, the min widths are scaled down. */
#include "tables.h"

#include <string.h>

/* The style a cell is laid out with (header rows bold even without a stylesheet rule). */
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

/* Padding (the defaults when a stylesheet sets none) plus the border on each side. */
static void cell_insets(const sc_style *st, float pad[4])
{
    float sum = 0;
    for (int i = 0; i < 4; i++)
        sum += st->padding[i];
    for (int i = 0; i < 4; i++) {
        pad[i] = sum > 0 ? st->padding[i] : (i % 2 ? 0.4f : 0.25f) * st->font_size;
        if (st->border[i].style != SC_BORDER_NONE && st->border[i].width > 0)
            pad[i] += st->border[i].width;
    }
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* The widest piece of a cell's text that cannot be broken: its words, each shaped in the style of
 * the element holding it. */
static float min_content(sc_block_ctx *c, const sc_tcell *tc)
{
    float widest = 0;
    const char *lang = sc_block_lang(c, tc->node);
    for (const sc_node *n = tc->node; n; n = sc_node_next_preorder(n, tc->node)) {
        if ((n->type != SC_NODE_TEXT && n->type != SC_NODE_CODE) || !n->text)
            continue;
        const sc_style *st = n->parent == tc->node ? tc->st : sc_block_style(c, n);
        if (n->type == SC_NODE_CODE && n->style)
            st = n->style;
        for (size_t i = 0; i < n->text_len;) {
            while (i < n->text_len && is_space(n->text[i]))
                i++;
            size_t start = i;
            while (i < n->text_len && !is_space(n->text[i]))
                i++;
            if (i == start)
                continue;
            const char *word = sc_arena_strndup(c->arena, n->text + start, i - start);
            const sc_line *line = sc_inlines_single_line(c, word, st, lang);
            if (line && line->width > widest)
                widest = line->width;
        }
    }
    return widest;
}

/* The width of the cell's text set on lines as long as it likes (hard breaks kept). */
static float max_content(sc_block_ctx *c, const sc_tcell *tc)
{
    if (!tc->node->first_child)
        return 0;
    sc_para *p = sc_para_begin(c->shaper);
    sc_inlines_add(c, p, tc->node->first_child, NULL, tc->st, sc_block_lang(c, tc->node));
    sc_break_params bp = {.width = 1e5f, .first_indent = 0, .align = SC_ALIGN_LEFT};
    sc_line *lines = NULL;
    size_t n = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    float widest = 0;
    for (size_t k = 0; k < n; k++)
        if (lines[k].width > widest)
            widest = lines[k].width;
    return widest;
}

static size_t count_rows(sc_block_ctx *c, const sc_node *table, sc_tgrid *g)
{
    size_t n = 0;
    for (const sc_node *row = table->first_child; row; row = row->next)
        if (row->type == SC_NODE_TABLE_ROW && !sc_block_style(c, row)->display_none)
            n++;
    g->rows = sc_arena_calloc(c->arena, n ? n : 1, sizeof *g->rows);
    n = 0;
    for (const sc_node *row = table->first_child; row; row = row->next)
        if (row->type == SC_NODE_TABLE_ROW && !sc_block_style(c, row)->display_none)
            g->rows[n++] = row;
    return n;
}

/* Place the cells: each takes the first free slot of its row, spanning columns and rows. */
static void place_cells(sc_block_ctx *c, sc_tgrid *g)
{
    size_t cap = 0;
    size_t *busy = sc_arena_calloc(c->arena, SC_TABLE_MAX_COLS, sizeof *busy); /* rows taken until */
    for (size_t r = 0; r < g->nrows; r++) {
        size_t col = 0;
        for (const sc_node *cell = g->rows[r]->first_child; cell; cell = cell->next) {
            if (cell->type != SC_NODE_TABLE_CELL || sc_block_style(c, cell)->display_none)
                continue;
            while (col < SC_TABLE_MAX_COLS && busy[col] > r)
                col++;
            if (col >= SC_TABLE_MAX_COLS)
                break;
            size_t cs = cell->colspan > 1 ? (size_t)cell->colspan : 1;
            size_t rs = cell->rowspan > 1 ? (size_t)cell->rowspan : 1;
            if (cs > SC_TABLE_MAX_COLS - col)
                cs = SC_TABLE_MAX_COLS - col;
            if (rs > g->nrows - r)
                rs = g->nrows - r;
            for (size_t k = 1; k < cs; k++)
                if (busy[col + k] > r) { /* a span from above: stop before it */
                    cs = k;
                    break;
                }
            if (g->ncells == cap) {
                size_t ncap = cap ? cap * 2 : 32;
                g->cells = sc_arena_realloc(c->arena, g->cells, cap * sizeof *g->cells,
                                            ncap * sizeof *g->cells);
                cap = ncap;
            }
            sc_tcell *tc = &g->cells[g->ncells++];
            memset(tc, 0, sizeof *tc);
            tc->node = cell;
            tc->row = r;
            tc->col = col;
            tc->colspan = cs;
            tc->rowspan = rs;
            tc->header = g->rows[r]->is_header;
            for (size_t k = 0; k < cs; k++)
                busy[col + k] = r + rs;
            col += cs;
            if (col > g->ncols)
                g->ncols = col;
        }
    }
}

/* Widen the columns [from, from + n) so that together they hold `need` (a spanning cell), in
 * proportion to `weight` (equally when the weights are all 0). */
static void spread(float *col, const float *weight, size_t from, size_t n, float need)
{
    float have = 0, wsum = 0;
    for (size_t k = from; k < from + n; k++) {
        have += col[k];
        wsum += weight[k];
    }
    if (need <= have)
        return;
    for (size_t k = from; k < from + n; k++)
        col[k] += (need - have) * (wsum > 0 ? weight[k] / wsum : 1.0f / (float)n);
}

static void fit_columns(sc_block_ctx *c, sc_tgrid *g, float x, float avail)
{
    size_t nc = g->ncols;
    float *cmin = sc_arena_calloc(c->arena, nc, sizeof *cmin);
    float *cmax = sc_arena_calloc(c->arena, nc, sizeof *cmax);
    for (size_t i = 0; i < g->ncells; i++) {
        const sc_tcell *tc = &g->cells[i];
        if (tc->colspan != 1)
            continue;
        if (tc->min > cmin[tc->col])
            cmin[tc->col] = tc->min;
        if (tc->max > cmax[tc->col])
            cmax[tc->col] = tc->max;
    }
    for (size_t span = 2; span <= nc; span++) /* narrower spans first */
        for (size_t i = 0; i < g->ncells; i++) {
            const sc_tcell *tc = &g->cells[i];
            if (tc->colspan != span)
                continue;
            spread(cmin, cmax, tc->col, span, tc->min);
            spread(cmax, cmax, tc->col, span, tc->max);
        }
    float smin = 0, smax = 0;
    for (size_t k = 0; k < nc; k++) {
        if (cmax[k] < cmin[k])
            cmax[k] = cmin[k];
        smin += cmin[k];
        smax += cmax[k];
    }
    g->colw = sc_arena_calloc(c->arena, nc, sizeof *g->colw);
    g->colx = sc_arena_calloc(c->arena, nc, sizeof *g->colx);
    unsigned char *fixed = sc_arena_calloc(c->arena, nc, 1);
    if (smax > avail && smin < avail) {
        /* Narrow columns first: one whose whole text fits in an equal share of the room left
         * keeps it on one line (a short label beside a long text is not wrapped for the sake of
         * a few points); the others share what is left in proportion to (max - min). */
        float left = avail, open_min = smin;
        size_t open = nc;
        for (int changed = 1; changed && open > 1;) {
            changed = 0;
            for (size_t k = 0; k < nc; k++)
                if (!fixed[k] && cmax[k] <= left / (float)open &&
                    left - cmax[k] >= open_min - cmin[k]) {
                    fixed[k] = 1;
                    left -= cmax[k];
                    open_min -= cmin[k];
                    smax -= cmax[k];
                    open--;
                    changed = 1;
                }
        }
        avail = left;
        smin = open_min;
    }
    for (size_t k = 0; k < nc; k++) {
        if (fixed[k] || smax <= avail)
            g->colw[k] = cmax[k];
        else if (smin >= avail)
            g->colw[k] = smin > 0 ? cmin[k] * avail / smin : avail / (float)nc;
        else
            g->colw[k] = cmin[k] + (cmax[k] - cmin[k]) * (avail - smin) / (smax - smin);
    }
    float cx = x;
    for (size_t k = 0; k < nc; k++) {
        g->colx[k] = cx;
        cx += g->colw[k];
    }
    g->width = cx - x;
}

int sc_table_grid(sc_block_ctx *c, const sc_node *table, float x, float w, sc_tgrid *g)
{
    memset(g, 0, sizeof *g);
    g->nrows = count_rows(c, table, g);
    place_cells(c, g);
    if (g->ncells == 0 || g->ncols == 0)
        return -1;
    for (size_t i = 0; i < g->ncells; i++) {
        sc_tcell *tc = &g->cells[i];
        tc->st = cell_style(c, tc->node, tc->header);
        cell_insets(tc->st, tc->pad);
        float mx = max_content(c, tc);
        float mn = tc->st->white_space_pre ? mx : min_content(c, tc);
        if (mn > mx)
            mx = mn;
        float insets = tc->pad[SC_EDGE_LEFT] + tc->pad[SC_EDGE_RIGHT] + 0.5f;
        tc->min = mn + insets;
        tc->max = mx + insets;
    }
    fit_columns(c, g, x, w);
    return 0;
}
