/* lines.c — the chosen breaks into sc_lines: glue set to its justified width, glyphs gathered into
 * runs (one run per stretch of text in the same face, size, colour and baseline), spaces kept as
 * space glyphs in the run before them, link rectangles, anchors and the line's metrics. */
#include <math.h>
#include <string.h>

#include "para.h"

typedef struct run_builder {
    sc_para *p;
    para_work *w;
    sc_arena *arena;
    size_t nruns, nglyphs;
    int active;
    const sc_face *face;
    float size, shift, x;
    sc_rgb color;
    uint32_t t0, t1;
    int hyphen;              /* a hyphen ends the run: its text gets a "-" after t1 */
} run_builder;

static void flush(run_builder *rb)
{
    if (rb->active && (rb->nglyphs > 0 || rb->t1 > rb->t0)) {
        para_work *w = rb->w;
        PARA_RESERVE(w->runs, w->capruns, rb->nruns + 1);
        sc_glyph_run *r = &w->runs[rb->nruns++];
        memset(r, 0, sizeof *r);
        r->face = rb->face;
        r->size = rb->size;
        r->x = rb->x;
        r->y = 0;
        sc_glyph *g = sc_arena_calloc(rb->arena, rb->nglyphs ? rb->nglyphs : 1, sizeof *g);
        if (rb->nglyphs)
            memcpy(g, w->glyphs, rb->nglyphs * sizeof *g);
        r->glyphs = g;
        r->nglyphs = rb->nglyphs;
        size_t n = rb->t1 - rb->t0;
        char *text = sc_arena_alloc(rb->arena, n + 2);
        memcpy(text, rb->p->text + rb->t0, n);
        if (rb->hyphen)
            text[n++] = '-'; /* the drawn hyphen's text: plain extraction joins the word again */
        text[n] = 0;
        r->text = text;
        r->text_len = n;
        r->color = rb->color;
    }
    rb->active = 0;
    rb->nglyphs = 0;
    rb->hyphen = 0;
}

static sc_glyph *new_glyph(run_builder *rb)
{
    PARA_RESERVE(rb->w->glyphs, rb->w->capglyphs, rb->nglyphs + 1);
    sc_glyph *g = &rb->w->glyphs[rb->nglyphs++];
    memset(g, 0, sizeof *g);
    return g;
}

static sc_rgb span_color(const para_span *s)
{
    sc_rgb black = {0, 0, 0};
    return s->style ? s->style->color : black;
}

/* Start a run at x unless the piece continues the current one. */
static void continue_or_start(run_builder *rb, const para_span *s, const sc_face *face,
                              uint32_t t0, float x)
{
    sc_rgb c = span_color(s);
    if (rb->active && rb->face == face && rb->size == s->size && rb->shift == s->shift &&
        rb->t1 == t0 && memcmp(&rb->color, &c, sizeof c) == 0)
        return;
    flush(rb);
    rb->active = 1;
    rb->face = face;
    rb->size = s->size;
    rb->shift = s->shift;
    rb->color = c;
    rb->x = x;
    rb->t0 = rb->t1 = t0;
}

/* Space glyphs for the white space [t0, t1), sharing `width` (a tab as wide as to its stop). */
static void add_spaces(run_builder *rb, uint32_t t0, uint32_t t1, double width)
{
    double weight = 0;
    for (uint32_t i = t0; i < t1; i++)
        weight += sc_para_space_weight(rb->p, i);
    hb_codepoint_t gid = 0;
    hb_font_get_nominal_glyph(rb->face->hb_font, ' ', &gid);
    for (uint32_t i = t0; i < t1; i++) {
        double wi = sc_para_space_weight(rb->p, i);
        if (wi == 0 || gid == 0)
            continue;
        sc_glyph *g = new_glyph(rb);
        g->gid = gid;
        g->cluster = i - rb->t0;
        g->x_advance = (float)(width * wi / weight);
    }
    rb->t1 = t1;
}

static void add_piece(run_builder *rb, const para_piece *pc, float x)
{
    const para_span *s = &rb->p->spans[pc->span];
    if (pc->gap) {
        flush(rb);
        return;
    }
    continue_or_start(rb, s, pc->face, pc->t0, x);
    if (pc->spaces) {
        add_spaces(rb, pc->t0, pc->t1, pc->width);
        return;
    }
    double scale = (double)s->size / pc->face->upem;
    for (uint32_t k = pc->g0; k < pc->g1; k++) {
        const sc_ushaped_glyph *u = &pc->shaped->glyphs[k];
        sc_glyph *g = new_glyph(rb);
        g->gid = u->gid;
        g->cluster = pc->tbase + u->cluster - rb->t0;
        g->x_advance = (float)(u->x_advance * scale) + sc_piece_letter_space(rb->p, pc, k);
        g->x_offset = (float)(u->x_offset * scale);
        g->y_offset = (float)(u->y_offset * scale + s->shift);
    }
    rb->t1 = pc->t1;
}

static float line_height_of(const para_span *s)
{
    if (s->style && s->style->line_height > 0)
        return s->style->line_height;
    return (s->style && s->style->font_size > 0 ? s->style->font_size : s->size) * 1.4f;
}

static void metrics_of_span(sc_line *ln, const para_span *s)
{
    const sc_face *f = s->face;
    double scale = (double)s->size / f->upem;
    float asc = (float)(f->ascender * scale + s->shift);
    float desc = (float)(-f->descender * scale - s->shift);
    if (asc > ln->ascent)
        ln->ascent = asc;
    if (desc > ln->descent)
        ln->descent = desc;
    float lh = line_height_of(s);
    if (lh > ln->line_height)
        ln->line_height = lh;
}

static void metrics_of_piece(sc_line *ln, const sc_para *p, const para_piece *pc)
{
    const para_span *s = &p->spans[pc->span];
    metrics_of_span(ln, s);
    if (!pc->shaped)
        return;
    double scale = (double)s->size / pc->face->upem;
    float top = (float)(pc->shaped->ink_top * scale + s->shift);
    float bottom = (float)(-pc->shaped->ink_bottom * scale - s->shift);
    if (top > ln->ink_ascent)
        ln->ink_ascent = top;
    if (bottom > ln->ink_descent)
        ln->ink_descent = bottom;
}

/* Links: consecutive boxes of the same target make one rectangle (with the spaces between). */
typedef struct link_builder {
    const char *uri, *dest;
    float x0, x1;
    size_t n;
    int open;
} link_builder;

static int same_target(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static void link_close(link_builder *lb, para_work *w)
{
    if (lb->open && lb->x1 > lb->x0) {
        PARA_RESERVE(w->links, w->caplinks, lb->n + 1);
        w->links[lb->n].x = lb->x0;
        w->links[lb->n].w = lb->x1 - lb->x0;
        w->links[lb->n].uri = lb->uri;
        w->links[lb->n].dest = lb->dest;
        lb->n++;
    }
    lb->open = 0;
}

static void link_box(link_builder *lb, para_work *w, sc_arena *arena, para_span *s, float x0,
                     float x1)
{
    if (!s->uri && !s->dest) {
        link_close(lb, w);
        return;
    }
    if (s->uri && !s->uri_copy)
        s->uri_copy = sc_arena_strdup(arena, s->uri);
    if (s->dest && !s->dest_copy)
        s->dest_copy = sc_arena_strdup(arena, s->dest);
    if (lb->open && same_target(lb->uri, s->uri_copy) && same_target(lb->dest, s->dest_copy)) {
        lb->x1 = x1;
        return;
    }
    link_close(lb, w);
    lb->open = 1;
    lb->uri = s->uri_copy;
    lb->dest = s->dest_copy;
    lb->x0 = x0;
    lb->x1 = x1;
}

sc_line *sc_para_build_lines(sc_para *p, para_work *w, const sc_break_params *params,
                             const size_t *breaks, size_t nb)
{
    sc_arena *arena = sc_shaper_arena(p->shaper);
    sc_line *lines = sc_arena_calloc(arena, nb ? nb : 1, sizeof *lines);
    const sc_bitem *items = w->items;
    size_t start = 0, next_anchor = 0;
    double avail = params->width;
    for (size_t li = 0; li < nb; li++) {
        size_t end = breaks[li];
        sc_line *ln = &lines[li];
        size_t i = start;
        while (i < end && items[i].type != SC_IT_BOX)
            i++; /* glue and penalties after a break are discarded */
        double L = 0, Y = 0, Z = 0;
        int fil = 0;
        for (size_t k = i; k < end; k++) {
            if (items[k].type == SC_IT_PENALTY)
                continue;
            L += items[k].width;
            if (items[k].stretch >= SC_FIL)
                fil = 1;
            else
                Y += items[k].stretch;
            Z += items[k].shrink;
        }
        /* A line ending at a soft hyphen or a hyphenation point shows a hyphen. */
        int shy_span =
            items[end].type == SC_IT_PENALTY && items[end].ref >= 0 ? items[end].ref : -1;
        if (shy_span >= 0)
            L += items[end].width;
        double r = 0;
        if (L > avail && Z > 0)
            r = fmax(-1.0, (avail - L) / Z);
        else if (L < avail && Y > 0 && !fil && params->align == SC_ALIGN_JUSTIFY)
            r = (avail - L) / Y;
        /* A line that ends inside a URL (or an over-long word) may have a single space to fill a
         * whole line with: its spaces grow to at most twice their width (r = 2) and the rest of
         * the line stays empty, rather than a hole in the middle of the line. Kerning and
         * letters are never spread. */
        if (r > 2 && items[end].type == SC_IT_PENALTY && items[end].split)
            r = 2;
        double final_w = L + (r > 0 ? r * Y : r * Z);
        float x = 0;
        if (params->align == SC_ALIGN_RIGHT)
            x = (float)(avail - final_w);
        else if (params->align == SC_ALIGN_CENTER)
            x = (float)((avail - final_w) / 2);
        if (x < 0)
            x = 0;

        run_builder rb = {p, w, arena, 0, 0, 0, NULL, 0, 0, 0, {0, 0, 0}, 0, 0, 0};
        link_builder lb = {0};
        size_t nanch = 0;
        uint32_t line_end_pos = li + 1 < nb ? items[breaks[li]].pos : (uint32_t)p->len;
        int have_piece = 0;
        double xd = x;
        for (size_t k = i; k < end; k++) {
            const sc_bitem *it = &items[k];
            /* Anchors that fall before this item sit at its position. */
            while (next_anchor < p->nanchors && p->anchors[next_anchor].at <= it->pos) {
                PARA_RESERVE(w->anchors, w->capanchors, nanch + 1);
                w->anchors[nanch].x = (float)xd;
                w->anchors[nanch].name = p->anchors[next_anchor].name;
                nanch++;
                next_anchor++;
            }
            if (it->type == SC_IT_BOX) {
                if (it->ref >= 0 && w->pieces[it->ref].disc_post && k != i) {
                    xd += it->width; /* no break in the ligature: the glue drew it */
                    continue;
                }
                if (it->ref >= 0) {
                    para_piece *pc = &w->pieces[it->ref];
                    add_piece(&rb, pc, (float)xd);
                    if (!pc->gap) {
                        metrics_of_piece(ln, p, pc);
                        have_piece = 1;
                    }
                    link_box(&lb, w, arena, &p->spans[pc->span], (float)xd,
                             (float)(xd + it->width));
                }
                xd += it->width;
            } else if (it->type == SC_IT_GLUE && it->disc) {
                /* A ligature with a hyphenation point inside, not broken on this line. */
                const para_piece *pc = &w->pieces[it->disc - 1];
                add_piece(&rb, pc, (float)xd);
                metrics_of_piece(ln, p, pc);
                xd += it->width;
            } else if (it->type == SC_IT_GLUE && it->stretch < SC_FIL) {
                double gw = it->width + (r > 0 ? r * it->stretch : r * it->shrink);
                if (it->ref >= 0) {
                    const para_glue *gl = &w->glues[it->ref];
                    /* The space goes into the run before it; after a gap (a character no
                     * font has) it starts a run of its own, so the words stay apart. */
                    if (!rb.active || rb.t1 != gl->t0)
                        continue_or_start(&rb, &p->spans[gl->span], p->spans[gl->span].face,
                                          gl->t0, (float)xd);
                    add_spaces(&rb, gl->t0, gl->t1, gw);
                    if (!p->spans[gl->span].uri && !p->spans[gl->span].dest)
                        link_close(&lb, w);
                }
                xd += gw;
            }
        }
        double pre_width = 0; /* a broken ligature: its first part, shaped alone */
        if (shy_span >= 0 && items[end].disc && rb.active &&
            rb.t1 == w->pieces[items[end].disc - 1].t0) {
            const para_piece *pc = &w->pieces[items[end].disc - 1];
            add_piece(&rb, pc, (float)xd);
            metrics_of_piece(ln, p, pc);
            pre_width = pc->width;
            xd += pc->width;
        }
        if (shy_span >= 0 && rb.active && rb.t1 == items[end].pos) {
            hb_codepoint_t hg = sc_hyphen_glyph(rb.face);
            if (hg) {
                /* The penalty's width is the hyphen's plus the kerning its last letter loses
                 * (sc_piece_unkern): that letter gets its own advance back. */
                double hw = hb_font_get_glyph_h_advance(rb.face->hb_font, hg) * (double)rb.size /
                            rb.face->upem;
                size_t last = rb.nglyphs;
                sc_glyph *g = new_glyph(&rb);
                if (last > 0)
                    rb.w->glyphs[last - 1].x_advance +=
                        (float)(items[end].width - pre_width - hw);
                else
                    hw = items[end].width - pre_width;
                g = &rb.w->glyphs[last];
                g->gid = hg;
                g->cluster = rb.t1 - rb.t0; /* shows the "-" flush adds to the run's text */
                rb.hyphen = 1;
                g->x_advance = (float)hw;
                g->y_offset = rb.shift;
                xd += items[end].width - pre_width;
            }
        }
        flush(&rb);
        link_close(&lb, w);
        /* Anchors up to the next line's text (all remaining ones on the last line). */
        while (next_anchor < p->nanchors &&
               (li + 1 == nb || p->anchors[next_anchor].at < line_end_pos)) {
            PARA_RESERVE(w->anchors, w->capanchors, nanch + 1);
            w->anchors[nanch].x = (float)xd;
            w->anchors[nanch].name = p->anchors[next_anchor].name;
            nanch++;
            next_anchor++;
        }
        if (!have_piece && p->nspans > 0) {
            size_t si = sc_para_span_at(p, i < end ? items[i].pos : items[end].pos);
            metrics_of_span(ln, &p->spans[si]);
        }
        ln->width = (float)(xd - x);
        ln->runs = sc_arena_calloc(arena, rb.nruns ? rb.nruns : 1, sizeof *ln->runs);
        if (rb.nruns)
            memcpy(ln->runs, w->runs, rb.nruns * sizeof *ln->runs);
        ln->nruns = rb.nruns;
        if (lb.n) {
            ln->links = sc_arena_calloc(arena, lb.n, sizeof *ln->links);
            memcpy(ln->links, w->links, lb.n * sizeof *ln->links);
        }
        ln->nlinks = lb.n;
        if (nanch) {
            ln->anchors = sc_arena_calloc(arena, nanch, sizeof *ln->anchors);
            memcpy(ln->anchors, w->anchors, nanch * sizeof *ln->anchors);
        }
        ln->nanchors = nanch;
        ln->ends_paragraph = li + 1 == nb;
        start = end + 1;
    }
    return lines;
}
