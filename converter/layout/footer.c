/* footer.c — the default folio: the page number centred under the text area, inside the bottom
 * margin, in the body font at 9 pt, shaped like any other text (so it is real, extractable text);
 * lower-case roman on front-matter pages. Also the small helpers margin boxes share. */
#include <stdio.h>
#include <string.h>

#include "flow.h"

static void roman(int n, int upper, char *buf, size_t cap)
{
    static const struct { int v; const char *s; } parts[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        while (n >= parts[i].v && len + 3 < cap) {
            for (const char *s = parts[i].s; *s; s++)
                buf[len++] = upper ? (char)(*s - 'a' + 'A') : *s;
            n -= parts[i].v;
        }
    buf[len] = 0;
}

void sc_format_number(int n, sc_list_style style, char *buf, size_t cap)
{
    if ((style == SC_LIST_LOWER_ROMAN || style == SC_LIST_UPPER_ROMAN) && n > 0 && n < 4000) {
        roman(n, style == SC_LIST_UPPER_ROMAN, buf, cap);
        return;
    }
    if ((style == SC_LIST_LOWER_ALPHA || style == SC_LIST_UPPER_ALPHA) && n > 0) {
        char tmp[16];
        size_t len = 0;
        for (int v = n; v > 0 && len < sizeof tmp; v = (v - 1) / 26)
            tmp[len++] = (char)((style == SC_LIST_UPPER_ALPHA ? 'A' : 'a') + (v - 1) % 26);
        size_t k = 0;
        for (; k < len && k + 1 < cap; k++)
            buf[k] = tmp[len - 1 - k];
        buf[k] = 0;
        return;
    }
    snprintf(buf, cap, style == SC_LIST_DECIMAL_LEADING_ZERO && n >= 0 && n < 10 ? "0%d" : "%d",
             n);
}

const sc_line *sc_pages_shape_line(sc_pages_ctx *pc, const char *text, const sc_style *st,
                                   float width, sc_text_align align)
{
    if (!text || !*text)
        return NULL;
    const char *lang = pc->doc->meta.lang && *pc->doc->meta.lang ? pc->doc->meta.lang : "vi";
    sc_para *p = sc_para_begin(pc->shaper);
    sc_para_add_text(p, text, strlen(text), st, lang, NULL, NULL, 0);
    /* One line: the box is as wide as the text needs, aligned by hand in that width. */
    sc_break_params bp = {.width = 1e5f, .first_indent = 0, .align = SC_ALIGN_LEFT};
    sc_line *lines = NULL;
    size_t n = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    if (n == 0)
        return NULL;
    sc_line *line = &lines[0];
    float shift = align == SC_ALIGN_RIGHT    ? width - line->width
                  : align == SC_ALIGN_CENTER ? (width - line->width) / 2
                                             : 0;
    for (size_t i = 0; i < line->nruns; i++)
        line->runs[i].x += shift;
    return line;
}

/* The folio's style: the body's font at 9 pt, upright and regular. */
static const sc_style *folio_style(sc_pages_ctx *pc)
{
    sc_style *fs = sc_arena_alloc(pc->layout->arena, sizeof *fs);
    const sc_style *body = pc->doc->root ? pc->doc->root->style : NULL;
    if (body)
        *fs = *body;
    else
        fs->font_family = "serif";
    fs->font_size = 9;
    fs->line_height = 9 * 1.2f;
    fs->font_weight = 400;
    fs->font_italic = 0;
    fs->text_indent = 0;
    fs->vertical_align = 0;
    fs->text_decoration = 0;
    fs->white_space_pre = 0;
    fs->letter_spacing = 0;
    fs->text_align = SC_ALIGN_CENTER;
    fs->before = fs->after = NULL;
    return fs;
}

void sc_footer_add(sc_pages_ctx *pc, sc_page *pg, const sc_page_setup *setup)
{
    char num[24];
    sc_format_number(pg->number, pg->roman ? SC_LIST_LOWER_ROMAN : SC_LIST_DECIMAL, num,
                     sizeof num);
    float left = setup->margin[SC_EDGE_LEFT];
    float width = setup->width - left - setup->margin[SC_EDGE_RIGHT];
    const sc_line *line = sc_pages_shape_line(pc, num, folio_style(pc), width, SC_ALIGN_CENTER);
    if (!line)
        return;
    float baseline = setup->height - setup->margin[SC_EDGE_BOTTOM] / 2;
    float lowest = setup->height - line->descent;
    if (baseline > lowest) /* a tiny bottom margin: keep the number on the paper */
        baseline = lowest;
    sc_emit_runs(pc->layout->arena, &pg->items, &pg->nitems, &pg->cap, line->runs, line->nruns,
                 left, baseline);
}
