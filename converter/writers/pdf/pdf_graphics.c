/* pdf_graphics.c — rules and rectangles through libharu's path operators (y flipped: the layout
 * measures from the top of the page, PDF from the bottom). */
#include <math.h>

#include "pdf_internal.h"

static float clamp01(float v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

static float line_width(float w)
{
    return !(w > 0) ? 0 : w > HPDF_MAX_LINEWIDTH ? HPDF_MAX_LINEWIDTH : w;
}

static int leave_text(sc_pdf_state *st, sc_pdf_page_ctx *pc)
{
    if (pc->in_text) {
        pc->in_text = 0;
        if (HPDF_Page_EndText(pc->page) != HPDF_OK)
            return sc_pdf_fail(st, "ending a text object failed");
    }
    return 0;
}

int sc_pdf_draw_rule(sc_pdf_state *st, sc_pdf_page_ctx *pc, const sc_item *item)
{
    if (leave_text(st, pc))
        return -1;
    HPDF_Page p = pc->page;
    float h = pc->height, w = line_width(item->u.rule.width);
    if (w <= 0)
        return 0;
    sc_rgb c = item->u.rule.color;
    if (HPDF_Page_SetLineWidth(p, w) != HPDF_OK ||
        HPDF_Page_SetRGBStroke(p, clamp01(c.r), clamp01(c.g), clamp01(c.b)) != HPDF_OK ||
        HPDF_Page_MoveTo(p, item->u.rule.x0, h - item->u.rule.y0) != HPDF_OK ||
        HPDF_Page_LineTo(p, item->u.rule.x1, h - item->u.rule.y1) != HPDF_OK ||
        HPDF_Page_Stroke(p) != HPDF_OK)
        return sc_pdf_fail(st, "drawing a rule failed");
    return 0;
}

int sc_pdf_draw_rect(sc_pdf_state *st, sc_pdf_page_ctx *pc, const sc_item *item)
{
    int stroke = item->u.rect.stroked && line_width(item->u.rect.line_width) > 0;
    int fill = item->u.rect.filled;
    if (!stroke && !fill)
        return 0;
    if (leave_text(st, pc))
        return -1;
    HPDF_Page p = pc->page;
    int ok = 1;
    if (fill) {
        sc_rgb c = item->u.rect.fill;
        ok = HPDF_Page_SetRGBFill(p, clamp01(c.r), clamp01(c.g), clamp01(c.b)) == HPDF_OK;
        pc->have_fill = 0; /* the next text sets its colour again */
    }
    if (ok && stroke) {
        sc_rgb c = item->u.rect.stroke;
        ok = HPDF_Page_SetLineWidth(p, line_width(item->u.rect.line_width)) == HPDF_OK &&
             HPDF_Page_SetRGBStroke(p, clamp01(c.r), clamp01(c.g), clamp01(c.b)) == HPDF_OK;
    }
    ok = ok && HPDF_Page_Rectangle(p, item->u.rect.x, pc->height - item->u.rect.y - item->u.rect.h,
                                   item->u.rect.w, item->u.rect.h) == HPDF_OK;
    if (ok)
        ok = (fill && stroke ? HPDF_Page_FillStroke(p) : fill ? HPDF_Page_Fill(p) : HPDF_Page_Stroke(p)) ==
             HPDF_OK;
    return ok ? 0 : sc_pdf_fail(st, "drawing a rectangle failed");
}

/* Used by the page loop before anything that is not text, and at the end of a page. */
int sc_pdf_end_text(sc_pdf_state *st, sc_pdf_page_ctx *pc)
{
    return leave_text(st, pc);
}
