/* pdf_text.c — a glyph run into a page's content stream.
 *
 * libharu places the line (Tf, Tm, colour) and tracks the text object; the glyphs themselves are
 * written into the page's stream as TJ arrays of 2-byte glyph ids (Identity-H). Each glyph lands
 * exactly where HarfBuzz put it: the PDF pen advances by the width declared in /W, and the number
 * before a glyph moves it from there to pen + x_offset (kerning, justification, marks). Vertical
 * mark offsets use the text rise (Ts). Clusters whose glyphs do not each map back to their text
 * (base + marks, a glyph used for other text elsewhere) are wrapped in /ActualText. */
#include <math.h>
#include <string.h>

#include "pdf_internal.h"

/* Writer state for one run. */
typedef struct tj {
    sc_buf *out;
    const sc_pdf_font *font;
    double tf, scale;    /* Tf size; text-space scale in Tm (size = tf * scale) */
    double cur;          /* where the PDF pen is, pt from the run's origin */
    double rise;         /* current Ts, pt */
    int in_array, in_hex;
} tj;

static void close_hex(tj *t)
{
    if (t->in_hex) {
        sc_buf_putc(t->out, '>');
        t->in_hex = 0;
    }
}

static void close_array(tj *t)
{
    close_hex(t);
    if (t->in_array) {
        sc_buf_puts(t->out, "]TJ\n");
        t->in_array = 0;
    }
}

static void set_rise(tj *t, double rise)
{
    if (fabs(rise - t->rise) < 0.0005)
        return;
    close_array(t);
    sc_pdf_num(t->out, rise / t->scale);
    sc_buf_puts(t->out, " Ts\n");
    t->rise = rise;
}

static void show_glyph(tj *t, uint32_t gid, double x)
{
    double size = t->tf * t->scale;
    if (!t->in_array) {
        sc_buf_putc(t->out, '[');
        t->in_array = 1;
    }
    /* TJ numbers are thousandths of text space, subtracted from the pen. */
    long long adj = llround((x - t->cur) * 1000.0 / size * 1000.0); /* in 1/1000 of a unit */
    if (adj != 0) {
        close_hex(t);
        sc_pdf_num(t->out, (double)-adj / 1000.0);
        t->cur += (double)adj / 1000.0 * size / 1000.0;
    }
    if (!t->in_hex) {
        sc_buf_putc(t->out, '<');
        t->in_hex = 1;
    }
    static const char hex[] = "0123456789ABCDEF";
    char h[4] = {hex[(gid >> 12) & 15], hex[(gid >> 8) & 15], hex[(gid >> 4) & 15], hex[gid & 15]};
    sc_buf_append(t->out, h, 4);
    t->cur += t->font->width[gid] * size / 1000.0;
}

static int needs_actual_text(const sc_pdf_font *f, const sc_glyph_run *run, size_t i, size_t end,
                             size_t t0, size_t t1)
{
    if (t1 <= t0)
        return 0; /* nothing to say for it */
    if (end > i + 1)
        return 1;
    uint32_t g = run->glyphs[i].gid;
    return !(f->uni[g] && f->uni_len[g] == t1 - t0 && memcmp(f->uni[g], run->text + t0, t1 - t0) == 0);
}

static void write_glyphs(tj *t, const sc_glyph_run *run)
{
    int mono = sc_pdf_run_monotone(run);
    double pen = 0;
    for (size_t i = 0; i < run->nglyphs;) {
        size_t t0, t1, end = sc_pdf_cluster(run, mono, i, &t0, &t1);
        int actual = needs_actual_text(t->font, run, i, end, t0, t1);
        if (actual) {
            close_array(t);
            sc_buf_puts(t->out, "/Span<</ActualText<FEFF");
            sc_pdf_utf16_hex(t->out, run->text + t0, t1 - t0);
            sc_buf_puts(t->out, ">>>BDC\n");
        }
        for (size_t k = i; k < end; k++) {
            const sc_glyph *g = &run->glyphs[k];
            set_rise(t, g->y_offset);
            show_glyph(t, g->gid, pen + g->x_offset);
            pen += g->x_advance;
        }
        if (actual) {
            close_array(t);
            sc_buf_puts(t->out, "EMC\n");
        }
        i = end;
    }
    close_array(t);
    set_rise(t, 0);
}

static float clamp01(float v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

int sc_pdf_draw_run(sc_pdf_state *st, sc_pdf_page_ctx *pc, const sc_glyph_run *run)
{
    if (run->nglyphs == 0 || !(run->size >= 0.01f) || !isfinite(run->size))
        return 0; /* nothing anyone could see */
    if (!isfinite(run->x) || !isfinite(run->y))
        return sc_pdf_fail(st, "a glyph run has no position");
    const sc_pdf_font *font = sc_pdf_font_for(st, run->face);
    if (!font || !font->dict)
        return sc_pdf_fail(st, "a glyph run uses a font that was not embedded");
    HPDF_Page page = pc->page;
    if (!pc->in_text) {
        if (HPDF_Page_BeginText(page) != HPDF_OK)
            return sc_pdf_fail(st, "starting a text object failed");
        pc->in_text = 1;
    }
    /* libharu caps Tf; bigger sizes scale the text matrix instead. */
    double scale = run->size > HPDF_MAX_FONTSIZE ? run->size / HPDF_MAX_FONTSIZE : 1.0;
    float tf = (float)(run->size / scale);
    if (pc->font != font || pc->font_size != tf) {
        if (HPDF_Page_SetFontAndSize(page, font->dict, tf) != HPDF_OK)
            return sc_pdf_fail(st, "selecting a font failed");
        pc->font = font;
        pc->font_size = tf;
    }
    sc_rgb c = {clamp01(run->color.r), clamp01(run->color.g), clamp01(run->color.b)};
    if (!pc->have_fill || memcmp(&c, &pc->fill, sizeof c) != 0) {
        if (HPDF_Page_SetRGBFill(page, c.r, c.g, c.b) != HPDF_OK)
            return sc_pdf_fail(st, "setting the text colour failed");
        pc->have_fill = 1;
        pc->fill = c;
    }
    if (HPDF_Page_SetTextMatrix(page, (HPDF_REAL)scale, 0, 0, (HPDF_REAL)scale, run->x,
                                pc->height - run->y) != HPDF_OK)
        return sc_pdf_fail(st, "positioning a line failed");

    sc_buf out;
    sc_buf_init(&out);
    tj t = {.out = &out, .font = font, .tf = tf, .scale = scale};
    write_glyphs(&t, run);
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    HPDF_STATUS rc = HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)out.data, (HPDF_UINT)out.len);
    sc_buf_free(&out);
    if (rc != HPDF_OK)
        return sc_pdf_fail(st, "writing glyphs failed");
    return 0;
}
