/* toc.c — the table of contents (--toc): a title, then one entry per heading of levels 1 to 3,
 * indented by level, its text wrapped in the measure left of the folio column, dot leaders from
 * the end of its last line to the folio, set flush right. Each entry is one box (never split) with a
 * link over it to the heading's destination. Entries of the highest level present are bold. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "flow.h"

static const sc_style *base_style(sc_pages_ctx *pc)
{
    sc_style *st = sc_arena_alloc(pc->layout->arena, sizeof *st);
    const sc_style *body = pc->doc->root ? pc->doc->root->style : NULL;
    if (body) {
        *st = *body;
    } else {
        st->font_family = "serif";
        st->font_size = 11;
        st->line_height = 11 * 1.4f;
    }
    st->text_indent = 0;
    st->text_align = SC_ALIGN_LEFT;
    st->white_space_pre = 0;
    st->vertical_align = 0;
    st->text_decoration = 0;
    st->before = st->after = NULL;
    st->font_italic = 0;
    st->font_weight = 400;
    return st;
}

static const char *toc_title(const sc_pages_ctx *pc)
{
    if (pc->opts && pc->opts->toc_title)
        return pc->opts->toc_title;
    const char *lang = pc->doc->meta.lang;
    if (!lang || !*lang || (strncmp(lang, "vi", 2) == 0 && (lang[2] == 0 || lang[2] == '-')))
        return "Mục lục";
    return "Contents";
}

/* Lines of a text broken in a width (arena). */
static size_t break_text(sc_pages_ctx *pc, const char *text, const sc_style *st, float width,
                         sc_line **lines)
{
    const char *lang = pc->doc->meta.lang && *pc->doc->meta.lang ? pc->doc->meta.lang : "vi";
    sc_para *p = sc_para_begin(pc->shaper);
    sc_para_add_text(p, text, strlen(text), st, lang, NULL, NULL, 0);
    sc_break_params bp = {.width = width, .first_indent = 0, .align = SC_ALIGN_LEFT};
    size_t n = sc_para_lines(p, &bp, lines);
    sc_para_end(p);
    return n;
}

static sc_flow_elem *push_box(sc_pages_ctx *pc, sc_flow *out, sc_box *box, float space)
{
    sc_flow_elem *e = sc_flow_push(pc->layout->arena, out);
    e->kind = SC_FLOW_BOX;
    e->box = box;
    e->space_before = space;
    e->widows = e->orphans = 1;
    return e;
}

/* Dots every `step` points, on a grid fixed to the page (leaders of entries line up), from x0 to
 * x1, as one run of the '.' glyph of `dot`. */
static void leaders(sc_pages_ctx *pc, sc_box *box, const sc_line *dot, float x0, float x1,
                    float baseline)
{
    if (!dot || dot->nruns == 0 || dot->runs[0].nglyphs == 0)
        return;
    const sc_glyph_run *d = &dot->runs[0];
    float step = d->size * 0.5f, adv = d->glyphs[0].x_advance;
    float first = ceilf(x0 / step) * step;
    if (first + adv > x1)
        return;
    size_t n = (size_t)((x1 - adv - first) / step) + 1;
    if (n > 2000)
        n = 2000;
    sc_arena *arena = pc->layout->arena;
    sc_glyph *glyphs = sc_arena_calloc(arena, n, sizeof *glyphs);
    char *text = sc_arena_alloc(arena, n + 1);
    for (size_t i = 0; i < n; i++) {
        glyphs[i] = d->glyphs[0];
        glyphs[i].cluster = (uint32_t)i;
        glyphs[i].x_advance = step;
        text[i] = '.';
    }
    sc_glyph_run run = *d;
    run.x = first;
    run.glyphs = glyphs;
    run.nglyphs = n;
    run.text = text;
    run.text_len = n;
    sc_emit_runs(arena, &box->items, &box->nitems, &box->cap, &run, 1, 0, baseline);
}

static void entry(sc_pages_ctx *pc, sc_flow *out, const sc_toc_entry *en, int depth,
                  const sc_style *st, float x, float w, float num_w)
{
    sc_arena *arena = pc->layout->arena;
    float indent = (float)depth * st->font_size * 1.5f;
    float gap = st->font_size;
    float text_w = w - indent - num_w - gap;
    if (text_w < w / 3) {
        indent = 0;
        text_w = w - num_w - gap;
    }
    sc_line *lines = NULL;
    size_t n = break_text(pc, en->title, st, text_w, &lines);
    if (n == 0)
        return;
    sc_box *box = sc_arena_alloc(arena, sizeof *box);
    float lh = st->line_height > 0 ? st->line_height : st->font_size * 1.3f;
    float half = (lh - (lines[0].ascent + lines[0].descent)) / 2;
    float baseline = half + lines[0].ascent;
    for (size_t i = 0; i < n; i++)
        sc_emit_line(arena, &box->items, &box->nitems, &box->cap, &lines[i], x + indent,
                     baseline + (float)i * lh);
    float last = baseline + (float)(n - 1) * lh;
    char num[24];
    snprintf(num, sizeof num, "%d", en->folio);
    const sc_line *nl = sc_pages_shape_line(pc, num, st, num_w, SC_ALIGN_RIGHT);
    if (nl)
        sc_emit_runs(arena, &box->items, &box->nitems, &box->cap, nl->runs, nl->nruns,
                     x + w - num_w, last);
    float num_x = nl && nl->nruns ? x + w - nl->width : x + w;
    const sc_line *dot = sc_pages_shape_line(pc, ".", st, 0, SC_ALIGN_LEFT);
    leaders(pc, box, dot, x + indent + lines[n - 1].width + st->font_size * 0.4f,
            num_x - st->font_size * 0.4f, last);
    box->height = (float)n * lh;
    if (en->dest) {
        sc_item *it = sc_items_push(arena, &box->items, &box->nitems, &box->cap);
        it->kind = SC_ITEM_LINK;
        it->u.link.x = x;
        it->u.link.y = 0;
        it->u.link.w = w;
        it->u.link.h = box->height;
        it->u.link.dest = en->dest;
    }
    push_box(pc, out, box, depth == 0 ? st->font_size * 0.5f : 0);
}

void sc_toc_flow(sc_pages_ctx *pc, const sc_toc_entry *entries, size_t n, sc_flow *out)
{
    const sc_page_setup *s = pc->base;
    float x = s->margin[SC_EDGE_LEFT], w = s->width - x - s->margin[SC_EDGE_RIGHT];
    sc_arena *arena = pc->layout->arena;
    const sc_style *body = base_style(pc);
    sc_style *title = sc_arena_alloc(arena, sizeof *title);
    *title = *body;
    title->font_size = body->font_size * 1.8f;
    title->font_weight = 700;
    /* The title looks like the document's top headings (family, weight, colour). */
    const sc_node *root = pc->doc->root;
    for (const sc_node *x = root; x; x = sc_node_next_preorder(x, root))
        if (x->type == SC_NODE_HEADING && x->level <= 2 && x->style) {
            title->font_family = x->style->font_family;
            title->font_weight = x->style->font_weight;
            title->color = x->style->color;
            if (x->style->font_size > title->font_size)
                title->font_size = x->style->font_size;
            break;
        }
    title->line_height = title->font_size * 1.25f;
    sc_style *strong = sc_arena_alloc(arena, sizeof *strong);
    *strong = *body;
    strong->font_weight = 700;

    sc_line *lines = NULL;
    size_t nt = break_text(pc, toc_title(pc), title, w, &lines);
    if (nt > 0) {
        sc_box *box = sc_arena_alloc(arena, sizeof *box);
        float half = (title->line_height - (lines[0].ascent + lines[0].descent)) / 2;
        for (size_t i = 0; i < nt; i++)
            sc_emit_line(arena, &box->items, &box->nitems, &box->cap, &lines[i], x,
                         half + lines[0].ascent + (float)i * title->line_height);
        box->height = (float)nt * title->line_height + title->font_size * 0.6f;
        sc_flow_elem *e = push_box(pc, out, box, 0);
        e->keep_with_next = 1;
    }
    /* The folio column: as wide as the widest folio. */
    float num_w = 0;
    for (size_t i = 0; i < n; i++) {
        char num[24];
        snprintf(num, sizeof num, "%d", entries[i].folio);
        const sc_line *nl = sc_pages_shape_line(pc, num, strong, 0, SC_ALIGN_LEFT);
        if (nl && nl->width > num_w)
            num_w = nl->width;
    }
    /* Indents count from the highest level present (a document may start at h2). */
    int top = 3;
    for (size_t i = 0; i < n; i++)
        if (entries[i].level < top)
            top = entries[i].level;
    for (size_t i = 0; i < n; i++) {
        int depth = entries[i].level - top;
        entry(pc, out, &entries[i], depth, depth == 0 ? strong : body, x, w, num_w);
    }
}
