/* margin_boxes.c — the @page margin boxes (CSS Paged Media): running heads and folios.
 *
 * Each page gets the setup of its kind (:first for the document's first page, :left for even
 * folios' pages — physical pages 2, 4, ... — :right for the others, :blank for pages left empty
 * before a chapter). The three top boxes share the top margin's width, vertically centred in it;
 * the bottom ones likewise. Content: strings, counter(page) (the folio, roman in front matter),
 * counter(pages) (the body's last folio), string(name) — CSS GCPM's default `first`: the first
 * value assigned on the page, else the one in effect when the page starts.
 *
 * Chapter pages (those starting with a block that has page-break-before, and the contents' first
 * page) get no top boxes: no running head over a chapter title. Blank pages get no boxes. */
#include <string.h>

#include "flow.h"

/* string(name) on a page: first assignment on it, else the last one before it. */
static const char *string_at(const sc_flow *flow, const sc_page_info *info, const char *name)
{
    if (!name)
        return NULL;
    for (size_t k = info->first; k < info->end && k < flow->count; k++)
        for (const sc_flow_string *s = flow->elems[k].strings; s; s = s->next)
            if (strcmp(s->name, name) == 0)
                return s->value;
    for (size_t k = info->first < flow->count ? info->first : flow->count; k > 0; k--) {
        const char *last = NULL;
        for (const sc_flow_string *s = flow->elems[k - 1].strings; s; s = s->next)
            if (strcmp(s->name, name) == 0)
                last = s->value;
        if (last)
            return last;
    }
    return NULL;
}

static void append(char *buf, size_t cap, size_t *len, const char *s)
{
    if (!s)
        return;
    size_t sl = strlen(s);
    if (sl > cap - 1 - *len) {
        sl = cap - 1 - *len;
        while (sl > 0 && ((unsigned char)s[sl] & 0xC0) == 0x80)
            sl--;
    }
    memcpy(buf + *len, s, sl);
    *len += sl;
    buf[*len] = 0;
}

static int is_page_counter(const sc_content_part *p, const char *name)
{
    return p->kind == SC_CONTENT_COUNTER && p->name && strcmp(p->name, name) == 0;
}

static void box_text(const sc_content_part *parts, const sc_flow *flow, const sc_page_info *info,
                     const sc_page *pg, int pages, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = 0;
    for (const sc_content_part *p = parts; p; p = p->next) {
        char num[32];
        if (p->kind == SC_CONTENT_STRING) {
            append(buf, cap, &len, p->text);
        } else if (p->kind == SC_CONTENT_PAGE || is_page_counter(p, "page")) {
            sc_list_style ls = p->list_style;
            if (pg->roman && (ls == SC_LIST_DECIMAL || ls == SC_LIST_DISC))
                ls = SC_LIST_LOWER_ROMAN;
            sc_format_number(pg->number, ls == SC_LIST_DISC ? SC_LIST_DECIMAL : ls, num,
                             sizeof num);
            append(buf, cap, &len, num);
        } else if (p->kind == SC_CONTENT_PAGES || is_page_counter(p, "pages")) {
            sc_list_style ls = p->list_style == SC_LIST_DISC ? SC_LIST_DECIMAL : p->list_style;
            sc_format_number(pages, ls, num, sizeof num);
            append(buf, cap, &len, num);
        } else if (p->kind == SC_CONTENT_STRING_REF) {
            append(buf, cap, &len, string_at(flow, info, p->name));
        }
    }
}

static int any_box(sc_pages_ctx *pc)
{
    static const int kinds[] = {0, SC_PAGE_FIRST | SC_PAGE_RIGHT, SC_PAGE_LEFT, SC_PAGE_RIGHT};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        const sc_page_setup *s = sc_pages_setup(pc, kinds[k]);
        for (int b = 0; b < SC_MARGIN_BOX_COUNT; b++)
            if (s->boxes[b].content)
                return 1;
    }
    return 0;
}

/* A box's text alignment: its own when it asks for right or centre, else its position's. */
static sc_text_align box_align(int pos, const sc_style *st)
{
    if (st && (st->text_align == SC_ALIGN_RIGHT || st->text_align == SC_ALIGN_CENTER))
        return st->text_align;
    int col = pos % 3;
    return col == 0 ? SC_ALIGN_LEFT : col == 1 ? SC_ALIGN_CENTER : SC_ALIGN_RIGHT;
}

static void draw_box(sc_pages_ctx *pc, sc_page *pg, const sc_page_setup *s, int pos,
                     const char *text)
{
    const sc_style *st = s->boxes[pos].style;
    if (!st)
        st = pc->doc->root && pc->doc->root->style ? pc->doc->root->style : NULL;
    sc_style *own = sc_arena_alloc(pc->layout->arena, sizeof *own);
    if (st)
        *own = *st;
    else
        own->font_family = "serif";
    if (!(own->font_size > 0))
        own->font_size = 9;
    if (!(own->line_height > 0))
        own->line_height = own->font_size * 1.2f;
    own->text_indent = 0;
    own->white_space_pre = 0;
    own->vertical_align = 0;
    own->before = own->after = NULL;
    float left = s->margin[SC_EDGE_LEFT];
    float width = s->width - left - s->margin[SC_EDGE_RIGHT];
    const sc_line *line = sc_pages_shape_line(pc, text, own, width, box_align(pos, st));
    if (!line)
        return;
    int top = pos <= SC_MARGIN_TOP_RIGHT;
    float band = top ? s->margin[SC_EDGE_TOP] : s->margin[SC_EDGE_BOTTOM];
    float band_top = top ? 0 : s->height - band;
    /* Centred in the margin: the line's ascent and descent split around the middle. */
    float baseline = band_top + band / 2 + (line->ascent - line->descent) / 2;
    if (baseline + line->descent > s->height)
        baseline = s->height - line->descent;
    if (baseline - line->ascent < 0)
        baseline = line->ascent;
    sc_emit_runs(pc->layout->arena, &pg->items, &pg->nitems, &pg->cap, line->runs, line->nruns,
                 left, baseline);
}

int sc_margin_boxes_add(sc_pages_ctx *pc, const sc_flow *flow, const sc_page_info *info)
{
    if (!pc->opts || !pc->opts->page_setup_for || !any_box(pc))
        return 0;
    sc_layout *layout = pc->layout;
    int pages = 0;
    for (size_t i = 0; i < layout->npages; i++)
        if (!layout->pages[i].roman && layout->pages[i].number > pages)
            pages = layout->pages[i].number;
    for (size_t i = 0; i < layout->npages; i++) {
        if (info[i].blank)
            continue;
        sc_page *pg = &layout->pages[i];
        int kind = (i == 0 ? SC_PAGE_FIRST : 0) | (i % 2 == 0 ? SC_PAGE_RIGHT : SC_PAGE_LEFT);
        const sc_page_setup *s = sc_pages_setup(pc, kind);
        int chapter = info[i].first < info[i].end && flow->elems[info[i].first].chapter;
        chapter |= pg->roman && (i == 0 || !layout->pages[i - 1].roman);
        for (int b = 0; b < SC_MARGIN_BOX_COUNT; b++) {
            if (!s->boxes[b].content || (chapter && b <= SC_MARGIN_TOP_RIGHT))
                continue;
            char text[1024];
            box_text(s->boxes[b].content, flow, pg->roman ? &(sc_page_info){0, 0, 0} : &info[i],
                     pg, pages, text, sizeof text);
            draw_box(pc, pg, s, b, text);
        }
    }
    return 1;
}
