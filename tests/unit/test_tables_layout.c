/* test_tables_layout — the layout of tables and figures on hand-built styled documents:
 * - column and row spans (HTML tables): a cell spanning two columns starts at the first and may
 *   run across both; the cells after a row span move right; a row-spanning cell's first line
 *   shares its row's baseline and the rows it spans stay on one page;
 * - min/max content widths: a column of one short word stays narrow, a column of long text takes
 *   the rest, and a word longer than any share keeps its column at least that wide;
 * - figures: a FIGURE whose picture is a document resource becomes an SC_ITEM_IMAGE pointing at the
 *   resource's bytes (key = resource name) at its natural size, centred, with the FIGCAPTION's text
 *   under it; a picture that cannot be found gives a warning and a framed alt-text box. */
#include <zlib.h>

#include "pages_fixture.h"

static const sc_glyph_run *find_text(const sc_layout *lay, const char *text, size_t *page)
{
    for (size_t p = 0; p < lay->npages; p++)
        for (size_t i = 0; i < lay->pages[p].nitems; i++) {
            const sc_item *it = &lay->pages[p].items[i];
            if (it->kind == SC_ITEM_GLYPHS && it->u.glyphs.text_len >= strlen(text) &&
                memcmp(it->u.glyphs.text, text, strlen(text)) == 0) {
                if (page)
                    *page = p;
                return &it->u.glyphs;
            }
        }
    return NULL;
}

static sc_node *cell(sc_document *doc, sc_node *row, const sc_style *st, const char *text,
                     int colspan, int rowspan)
{
    sc_node *c = fx_node(doc, row, SC_NODE_TABLE_CELL, st);
    c->align = SC_CELL_ALIGN_LEFT;
    c->colspan = colspan;
    c->rowspan = rowspan;
    fx_text(doc, c, text);
    return c;
}

static int test_spans(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *st = fx_style(doc, 10, 1.3f);
    st->text_align = SC_ALIGN_LEFT;
    sc_node *t = fx_node(doc, doc->root, SC_NODE_TABLE, st);
    sc_node *r = fx_node(doc, t, SC_NODE_TABLE_ROW, st);
    r->is_header = 1;
    cell(doc, r, st, "Hcot1", 1, 1);
    cell(doc, r, st, "Hcot2", 1, 1);
    cell(doc, r, st, "Hcot3", 1, 1);
    r = fx_node(doc, t, SC_NODE_TABLE_ROW, st);
    cell(doc, r, st, "Span-two-columns", 2, 1);
    cell(doc, r, st, "Bthree", 1, 1);
    r = fx_node(doc, t, SC_NODE_TABLE_ROW, st);
    cell(doc, r, st, "Rowspan", 1, 2);
    cell(doc, r, st, "Dtwo", 1, 1);
    cell(doc, r, st, "Ethree", 1, 1);
    r = fx_node(doc, t, SC_NODE_TABLE_ROW, st);
    cell(doc, r, st, "Ftwo", 1, 1);
    cell(doc, r, st, "Gthree", 1, 1);
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    const char *names[] = {"Hcot1", "Hcot2", "Hcot3", "Span-two-columns", "Bthree", "Rowspan",
                           "Dtwo", "Ethree", "Ftwo", "Gthree"};
    const sc_glyph_run *g[10];
    for (int i = 0; i < 10; i++)
        if (!(g[i] = find_text(lay, names[i], NULL)))
            FAIL("'%s' not laid out", names[i]);
    float c1 = g[0]->x, c2 = g[1]->x, c3 = g[2]->x;
    if (!(c1 < c2 && c2 < c3))
        FAIL("header columns out of order: %.1f %.1f %.1f", c1, c2, c3);
    if (fabsf(g[3]->x - c1) > 0.05f || fabsf(g[4]->x - c3) > 0.05f)
        FAIL("colspan: 'Span' at %.2f (col 1 %.2f), 'Bthree' at %.2f (col 3 %.2f)", g[3]->x, c1,
             g[4]->x, c3);
    if (fabsf(g[5]->x - c1) > 0.05f || fabsf(g[6]->x - c2) > 0.05f || fabsf(g[7]->x - c3) > 0.05f)
        FAIL("row 3 cells not in columns 1..3");
    if (fabsf(g[8]->x - c2) > 0.05f || fabsf(g[9]->x - c3) > 0.05f)
        FAIL("rowspan: row 4 cells at %.2f/%.2f, want columns 2/3 at %.2f/%.2f", g[8]->x, g[9]->x,
             c2, c3);
    if (fabsf(g[5]->y - g[6]->y) > 0.05f || !(g[8]->y > g[6]->y))
        FAIL("rowspan cell baseline %.2f, row 3 %.2f, row 4 %.2f", g[5]->y, g[6]->y, g[8]->y);
    /* the spanning cell is wider than column 1 alone: the two columns share its width */
    float span_w = 0;
    for (size_t i = 0; i < g[3]->nglyphs; i++)
        span_w += g[3]->glyphs[i].x_advance;
    if (g[3]->x + span_w > c3)
        FAIL("the colspan cell runs into column 3");
    printf("spans: columns at %.1f %.1f %.1f\n", c1, c2, c3);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

static int test_widths(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *st = fx_style(doc, 10, 1.3f);
    st->text_align = SC_ALIGN_LEFT;
    sc_node *t = fx_node(doc, doc->root, SC_NODE_TABLE, st);
    for (int i = 0; i < 3; i++) {
        sc_node *r = fx_node(doc, t, SC_NODE_TABLE_ROW, st);
        cell(doc, r, st, i == 0 ? "Ngắn" : "Nó", 1, 1);
        cell(doc, r, st, i == 1 ? "Supercalifragilisticexpialidocious-Antidisestablishmentarianism"
                                : "x", 1, 1);
        cell(doc, r, st, "Một đoạn văn bản dài để kiểm tra việc chia chiều rộng các cột theo nội "
                         "dung: cột này phải nhận phần lớn chiều rộng còn lại của trang giấy.", 1, 1);
    }
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    const sc_glyph_run *a = find_text(lay, "Ngắn", NULL), *b = find_text(lay, "Super", NULL),
                       *c = find_text(lay, "Một", NULL);
    if (!a || !b || !c)
        FAIL("cells not found");
    float long_w = 0;
    for (size_t i = 0; i < b->nglyphs; i++)
        long_w += b->glyphs[i].x_advance;
    float col1 = b->x - a->x, col2 = c->x - b->x;
    float measure = ps.width - ps.margin[SC_EDGE_LEFT] - ps.margin[SC_EDGE_RIGHT];
    if (col1 > 60)
        FAIL("the short column is %.1f pt wide", col1);
    if (col2 < long_w - 0.5f)
        FAIL("the long word (%.1f pt) does not fit its column (%.1f pt)", long_w, col2);
    float right = 0;
    for (size_t p = 0; p < lay->npages; p++)
        for (size_t i = 0; i < lay->pages[p].nitems; i++) {
            const sc_item *it = &lay->pages[p].items[i];
            if (it->kind == SC_ITEM_GLYPHS && !fx_is_folio(&ps, &it->u.glyphs)) {
                float x = it->u.glyphs.x;
                for (size_t k = 0; k < it->u.glyphs.nglyphs; k++)
                    x += it->u.glyphs.glyphs[k].x_advance;
                if (x > right)
                    right = x;
            }
        }
    if (right > ps.margin[SC_EDGE_LEFT] + measure + 0.05f)
        FAIL("the table runs past the measure (%.2f > %.2f)", right,
             ps.margin[SC_EDGE_LEFT] + measure);
    if (right < ps.margin[SC_EDGE_LEFT] + measure - 40)
        FAIL("the long-text column does not take the room left (right edge %.1f)", right);
    printf("widths: %.1f / %.1f / rest, right edge %.1f of %.1f\n", col1, col2, right,
           ps.margin[SC_EDGE_LEFT] + measure);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

static void put32(unsigned char *p, unsigned long v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* A grey PNG of 200x100 pixels (no pHYs: 96 dpi, 150x75 pt). */
static size_t make_png(unsigned char *out, size_t cap)
{
    static unsigned char raw[100 * 201];
    memset(raw, 0x80, sizeof raw);
    for (int y = 0; y < 100; y++)
        raw[y * 201] = 0;
    size_t n = 0;
    memcpy(out, "\x89PNG\r\n\x1a\n", 8);
    n = 8;
    unsigned char ihdr[13] = {0};
    put32(ihdr, 200);
    put32(ihdr + 4, 100);
    ihdr[8] = 8; /* grey, 8 bits */
    uLongf zlen = (uLongf)(cap - 100);
    unsigned char *z = malloc(zlen);
    compress(z, &zlen, raw, sizeof raw);
    const struct { const char *type; const unsigned char *data; size_t len; } chunks[] = {
        {"IHDR", ihdr, 13}, {"IDAT", z, zlen}, {"IEND", NULL, 0}};
    for (int i = 0; i < 3; i++) {
        put32(out + n, chunks[i].len);
        memcpy(out + n + 4, chunks[i].type, 4);
        if (chunks[i].len)
            memcpy(out + n + 8, chunks[i].data, chunks[i].len);
        uLong crc = crc32(0, out + n + 4, (uInt)(4 + chunks[i].len));
        put32(out + n + 8 + chunks[i].len, crc);
        n += 12 + chunks[i].len;
    }
    free(z);
    return n;
}

static int test_figures(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    static unsigned char png[65536];
    size_t len = make_png(png, sizeof png);
    const sc_resource *res = sc_document_add_resource(doc, "media/pic.png", "image/png", png, len);
    sc_style *st = fx_style(doc, 11, 1.4f);
    fx_para(doc, doc->root, 1, 0, 1);
    sc_node *fig = fx_node(doc, doc->root, SC_NODE_FIGURE, st);
    sc_node *para = fx_node(doc, fig, SC_NODE_PARAGRAPH, st);
    sc_node *img = fx_node(doc, para, SC_NODE_IMAGE, st);
    img->url = "media/pic.png";
    fx_text(doc, img, "alt of the picture");
    sc_node *cap = fx_node(doc, fig, SC_NODE_FIGCAPTION, st);
    fx_text(doc, cap, "Hình 1: chú thích");
    sc_node *p2 = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, st);
    sc_node *missing = fx_node(doc, p2, SC_NODE_IMAGE, st);
    missing->url = "nowhere.png";
    fx_text(doc, missing, "Không tìm thấy hình");
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    const sc_item *im = NULL;
    int rects = 0;
    for (size_t i = 0; i < lay->pages[0].nitems; i++) {
        const sc_item *it = &lay->pages[0].items[i];
        if (it->kind == SC_ITEM_IMAGE)
            im = it;
        rects += it->kind == SC_ITEM_RECT;
    }
    if (!im)
        FAIL("no SC_ITEM_IMAGE for the figure");
    if (im->u.image.data != res->data || im->u.image.len != res->len ||
        strcmp(im->u.image.key, "media/pic.png") != 0 || im->u.image.format != SC_IMAGE_PNG ||
        im->u.image.orientation != 1)
        FAIL("the image item does not point at the resource (key '%s')", im->u.image.key);
    if (fabsf(im->u.image.w - 150) > 0.01f || fabsf(im->u.image.h - 75) > 0.01f)
        FAIL("image %.2fx%.2f pt, want 150x75 (200x100 px at 96 dpi)", im->u.image.w,
             im->u.image.h);
    float centre = ps.margin[SC_EDGE_LEFT] +
                   (ps.width - ps.margin[SC_EDGE_LEFT] - ps.margin[SC_EDGE_RIGHT]) / 2;
    if (fabsf(im->u.image.x + im->u.image.w / 2 - centre) > 0.05f)
        FAIL("the image is not centred");
    const sc_glyph_run *c = find_text(lay, "Hình 1", NULL);
    if (!c || c->y < im->u.image.y + im->u.image.h)
        FAIL("the figcaption is not under the image");
    if (find_text(lay, "alt of", NULL))
        FAIL("a drawn picture's alt text is printed though it has a figcaption");
    const sc_glyph_run *alt = find_text(lay, "Không tìm thấy", NULL);
    if (!alt || rects != 1)
        FAIL("the missing picture has no framed alt-text box (%d frames)", rects);
    if (diags.warnings != 1 || !strstr(diags.items[0].message, "nowhere.png"))
        FAIL("want one warning naming nowhere.png (%zu warnings)", diags.warnings);
    printf("figures: image %.0fx%.0f pt at (%.1f, %.1f), caption below; alt box for a missing one\n",
           im->u.image.w, im->u.image.h, im->u.image.x, im->u.image.y);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

int main(void)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_fontset *fonts = sc_fontset_load(fx_fonts_dir(), &diags);
    if (!fonts) {
        fprintf(stderr, "FAIL: cannot load the bundled fonts\n");
        return 1;
    }
    int rc = test_spans(fonts) || test_widths(fonts) || test_figures(fonts);
    sc_fontset_free(fonts);
    sc_diag_clear(&diags);
    if (!rc)
        printf("ok\n");
    return rc;
}
