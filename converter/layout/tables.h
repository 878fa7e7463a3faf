/* tables.h — inside the layout stage: a table as a grid of cells (table_grid.c: placing cells with
 * their column and row spans, measuring them, fitting the columns to the measure) and its flow
 * onto pages (tables.c: rows, borders, header rows repeated, rows split across pages). */
#ifndef SC_TABLES_H
#define SC_TABLES_H
#include "blocks.h"

#define SC_TABLE_MAX_COLS 1000  /* hostile colspan/column counts are cut here */

typedef struct sc_tcell {
    const sc_node *node;
    size_t row, col;            /* top-left slot in the grid */
    size_t rowspan, colspan;    /* >= 1, clamped to the grid */
    int header;                 /* in a header row, or a th */
    const sc_style *st;         /* the cell's style (bold in a header row) */
    float pad[4];               /* padding, border included, by sc_edge */
    float min, max;             /* min-content and max-content widths, padding included */
} sc_tcell;

typedef struct sc_tgrid {
    sc_tcell *cells;
    size_t ncells;
    const sc_node **rows;       /* the rows laid out (display: none left out) */
    size_t nrows, ncols;
    float *colx, *colw;         /* [ncols] fitted columns */
    float width;                /* the table's width (the sum of colw) */
} sc_tgrid;

/* Build the grid of a table and fit its columns into [x, x + w]. Returns 0, or -1 for a table
 * without cells. */
int sc_table_grid(sc_block_ctx *c, const sc_node *table, float x, float w, sc_tgrid *g);

#endif
