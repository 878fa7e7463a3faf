/* test_pages_lineskip.c — line-height sets the baseline distance; where stacked Vietnamese marks
 * would come closer than 0.1 em to the descenders of the line above, the page builder adds the
 * missing room (TeX's \lineskip). The ink is measured here from the font's glyph extents. */
#include "pages_fixture.h"

typedef struct measured {
    float baseline[2];
    float ink_bottom_above, ink_top_below; /* page y of line 1's lowest ink, line 2's highest */
} measured;

/* Lay out `a` over `b` (two paragraphs, or one with a hard break when `one_para`) in 11 pt with
 * line-height `lh` and no margins; measure the two lines. */
static int two_lines(sc_fontset *fonts, const char *a, const char *b, float lh, int one_para,
                     measured *m)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *st = fx_style(doc, 11, lh);
    st->text_align = SC_ALIGN_LEFT;
    sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, st);
    fx_text(doc, p, a);
    if (one_para)
        fx_node(doc, p, SC_NODE_LINE_BREAK, st);
    else
        p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, st);
    fx_text(doc, p, b);
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    int n = 0;
    m->ink_bottom_above = -1e9f;
    m->ink_top_below = 1e9f;
    const sc_page *pg = &lay->pages[0];
    for (size_t i = 0; i < pg->nitems; i++) {
        const sc_item *it = &pg->items[i];
        if (it->kind != SC_ITEM_GLYPHS || fx_is_folio(&ps, &it->u.glyphs))
            continue;
        const sc_glyph_run *r = &it->u.glyphs;
        int k = n > 0 && fabsf(m->baseline[0] - r->y) < 0.01f ? 0 : n;
        if (k == n) {
            if (n == 2)
                FAIL("'%s' / '%s': more than two lines", a, b);
            m->baseline[n++] = r->y;
        }
        float x0, y0, x1, y1;
        fx_run_ink(r, &x0, &y0, &x1, &y1);
        if (k == 0 && y1 > m->ink_bottom_above)
            m->ink_bottom_above = y1;
        if (k == 1 && y0 < m->ink_top_below)
            m->ink_top_below = y0;
    }
    if (n != 2)
        FAIL("'%s' / '%s': %d lines, want 2", a, b, n);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

static int check(sc_fontset *fonts, const char *a, const char *b, float lh_factor, int one_para,
                 int expect_raised)
{
    measured m;
    if (two_lines(fonts, a, b, lh_factor, one_para, &m))
        return 1;
    float lh = 11 * lh_factor, gap = 0.1f * 11;
    float dist = m.baseline[1] - m.baseline[0];
    float ink_gap = m.ink_top_below - m.ink_bottom_above;
    printf("'%s' over '%s', line-height %.2f (%s): baselines %.2f apart, ink gap %.2f\n", a, b,
           lh_factor, one_para ? "one paragraph" : "two paragraphs", dist, ink_gap);
    if (dist < lh - 0.01f)
        FAIL("baseline distance %.2f below the line-height %.2f", dist, lh);
    if (ink_gap < gap - 0.05f)
        FAIL("the marks come within %.2f pt of the descenders (want at least %.2f)", ink_gap, gap);
    if (expect_raised && dist <= lh + 0.01f)
        FAIL("tight line-height: the distance %.2f should exceed %.2f", dist, lh);
    if (!expect_raised && fabsf(dist - lh) > 0.01f)
        FAIL("room enough: the distance %.2f should be the line-height %.2f", dist, lh);
    return 0;
}

int main(void)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_fontset *fonts = fx_fonts(&diags);
    if (!fonts)
        return 1;
    int rc = check(fonts, "gjpqy gjpqy", "Ấ Ỗ Ữ Ẫ", 1.0f, 0, 1) ||
             check(fonts, "gjpqy gjpqy", "Ấ Ỗ Ữ Ẫ", 1.0f, 1, 1) ||
             check(fonts, "ace ace", "ace ace", 1.0f, 0, 0) ||
             check(fonts, "ace ace", "ace ace", 1.0f, 1, 0) ||
             check(fonts, "gjpqy", "Ấ Ỗ Ữ Ẫ", 2.0f, 0, 0);
    sc_fontset_free(fonts);
    sc_diag_clear(&diags);
    if (!rc)
        printf("ok\n");
    return rc;
}
