/* para.c — collecting a paragraph's inline content (text spans, hard breaks, anchors) and the
 * entry point that breaks it into lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "para.h"

void sc_para_reserve(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q) {
        fputs("sapchu: out of memory\n", stderr);
        abort();
    }
    *p = q;
    *cap = n;
}

void sc_para_work_free(para_work *w)
{
    if (!w)
        return;
    free(w->pieces);
    free(w->glues);
    free(w->items);
    free(w->bounds);
    free(w->hard);
    free(w->splits);
    free(w->split_kind);
    free(w->inner);
    free(w->scratch);
    free(w->scratch_kind);
    free(w->urls);
    free(w->breaks);
    free(w->glyphs);
    free(w->runs);
    free(w->links);
    free(w->anchors);
    sc_hyph_cache_free(w->hyph);
    free(w->hyph_points);
    free(w);
}

static void para_release(sc_para *p)
{
    free(p->text);
    free(p->spans);
    free(p->anchors);
    free(p);
}

void sc_para_pool_free(sc_para *list)
{
    while (list) {
        sc_para *next = list->next;
        para_release(list);
        list = next;
    }
}

/* Every para is on the shaper's list (freed with it); ended ones are also on its free stack and
 * are reused, so a document needs only as many as it has open at once. */
sc_para *sc_para_begin(sc_shaper *shaper)
{
    sc_para **pool = sc_shaper_para_pool(shaper);
    sc_para **free_stack = sc_shaper_para_free(shaper);
    sc_para *p = *free_stack;
    if (p) {
        *free_stack = p->next_free;
    } else {
        p = calloc(1, sizeof *p);
        if (!p) {
            fputs("sapchu: out of memory\n", stderr);
            abort();
        }
        p->next = *pool;
        *pool = p;
    }
    p->shaper = shaper;
    p->next_free = NULL;
    p->len = p->nspans = p->nanchors = 0;
    PARA_RESERVE(p->text, p->cap, 1);
    p->text[0] = 0;
    return p;
}

void sc_para_end(sc_para *para)
{
    if (!para || !para->shaper)
        return;
    sc_para **free_stack = sc_shaper_para_free(para->shaper);
    para->shaper = NULL;
    para->next_free = *free_stack;
    *free_stack = para;
}

int sc_para_space_weight(const sc_para *p, uint32_t i)
{
    if (p->text[i] == ' ')
        return 1;
    if (p->text[i] != '\t')
        return 0;
    /* A tab reaches the next multiple of SC_TAB_SIZE columns (code points since the line start). */
    unsigned col = 0;
    for (uint32_t k = i; k > 0 && p->text[k - 1] != '\n'; k--)
        col += ((unsigned char)p->text[k - 1] & 0xC0) != 0x80;
    return SC_TAB_SIZE - (int)(col % SC_TAB_SIZE);
}

static int last_is_break_or_empty(const sc_para *p)
{
    return p->len == 0 || p->text[p->len - 1] == '\n' || p->text[p->len - 1] == ' ';
}

static void append_byte(sc_para *p, char c)
{
    PARA_RESERVE(p->text, p->cap, p->len + 2);
    p->text[p->len++] = c;
    p->text[p->len] = 0;
}

void sc_para_add_text(sc_para *p, const char *utf8, size_t len, const sc_style *style,
                      const char *lang, const char *link_uri, const char *link_dest,
                      int source_line)
{
    if (!p || !utf8 || len == 0)
        return;
    uint32_t t0 = (uint32_t)p->len;
    int pre = style && style->white_space_pre;
    for (size_t i = 0; i < len; i++) {
        char c = utf8[i];
        if (pre) {
            if (c == '\r') { /* CR LF and lone CR are line ends */
                if (i + 1 < len && utf8[i + 1] == '\n')
                    continue;
                c = '\n';
            }
            append_byte(p, c);
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            /* Collapse white space as CSS `white-space: normal` does. */
            if (!last_is_break_or_empty(p))
                append_byte(p, ' ');
        } else {
            append_byte(p, c);
        }
    }
    if ((uint32_t)p->len == t0)
        return;
    PARA_RESERVE(p->spans, p->capspans, p->nspans + 1);
    para_span *s = &p->spans[p->nspans++];
    memset(s, 0, sizeof *s);
    s->t0 = t0;
    s->t1 = (uint32_t)p->len;
    s->style = style;
    s->lang = lang;
    s->uri = link_uri;
    s->dest = link_dest;
    s->line = source_line;
    s->face = sc_shaper_face_for(p->shaper, style);
    float size = style && style->font_size > 0 ? style->font_size : 11.0f;
    s->size = size;
    if (style && style->vertical_align != 0) {
        s->size = size * 0.7f;
        s->shift = style->vertical_align > 0 ? size * 0.33f : -size * 0.2f;
    }
}

void sc_para_add_line_break(sc_para *p)
{
    if (!p)
        return;
    /* A space before the break is dropped when the line is set (trailing spaces never show). */
    if (p->nspans == 0 && p->len == 0)
        return; /* a break before any text makes no line */
    uint32_t t0 = (uint32_t)p->len;
    append_byte(p, '\n');
    /* The newline belongs to the last span so every byte of the text has a span. */
    if (p->nspans > 0 && p->spans[p->nspans - 1].t1 == t0)
        p->spans[p->nspans - 1].t1 = (uint32_t)p->len;
}

void sc_para_add_anchor(sc_para *p, const char *name)
{
    if (!p || !name)
        return;
    PARA_RESERVE(p->anchors, p->capanchors, p->nanchors + 1);
    p->anchors[p->nanchors].at = (uint32_t)p->len;
    p->anchors[p->nanchors].name = sc_arena_strdup(sc_shaper_arena(p->shaper), name);
    p->nanchors++;
}

size_t sc_para_lines(sc_para *p, const sc_break_params *params, sc_line **lines)
{
    *lines = NULL;
    if (!p || !params)
        return 0;
    if (p->len == 0 && p->nanchors == 0)
        return 0;
    para_work *wk = sc_shaper_work(p->shaper);
    sc_para_itemize(p, wk, params);
    PARA_RESERVE(wk->breaks, wk->capbreaks, wk->nitems + 1);
    double w = params->width > 0 ? params->width : 1;
    size_t nb = 0;
    if (params->align == SC_ALIGN_JUSTIFY)
        nb = sc_knuth_plass(wk->items, wk->nitems, w, w, wk->breaks);
    if (nb == 0)
        nb = sc_greedy_breaks(wk->items, wk->nitems, w, w, params->align == SC_ALIGN_JUSTIFY,
                              wk->breaks);
    *lines = sc_para_build_lines(p, wk, params, wk->breaks, nb);
    return nb;
}
