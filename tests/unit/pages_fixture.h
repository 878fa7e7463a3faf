/* pages_fixture.h — helpers for the page builder's unit tests: documents built by hand with
 * computed styles set on every node (as the style stage would), the bundled fonts, and questions
 * asked of the resulting display list. */
#ifndef PAGES_FIXTURE_H
#define PAGES_FIXTURE_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                       \
        fprintf(stderr, __VA_ARGS__);                                                              \
        fprintf(stderr, "\n");                                                                     \
        return 1;                                                                                  \
    } while (0)

static const char *const fx_sentences[] = {
    "Hội nghị Đảng bộ Bộ Khoa học và Công nghệ đã thảo luận về những nhiệm vụ trọng tâm.",
    "Các đại biểu nhấn mạnh vai trò của đổi mới sáng tạo trong phát triển kinh tế xã hội.",
    "Ấn tượng nhất là những kết quả nghiên cứu ứng dụng được chuyển giao cho doanh nghiệp.",
    "Nhiều ý kiến đề xuất tăng cường hợp tác quốc tế và thu hút nguồn nhân lực chất lượng cao.",
    "Việc triển khai các chương trình khoa học cấp quốc gia cần được đánh giá thường xuyên.",
};

static inline sc_style *fx_style(sc_document *doc, float size, float lh_factor)
{
    sc_style *st = sc_arena_alloc(doc->arena, sizeof *st);
    st->font_family = "\"Noto Serif\", serif";
    st->font_size = size;
    st->font_weight = 400;
    st->line_height = size * lh_factor;
    st->text_align = SC_ALIGN_JUSTIFY;
    st->widows = st->orphans = 2;
    return st;
}

static inline sc_document *fx_doc(void)
{
    sc_document *doc = sc_document_new("fixture.md");
    doc->meta.lang = "vi";
    doc->meta.title = "fixture";
    doc->root->style = fx_style(doc, 11, 1.4f);
    return doc;
}

static inline sc_node *fx_node(sc_document *doc, sc_node *parent, sc_node_type type, const sc_style *st)
{
    sc_node *n = sc_node_new(doc, type);
    n->style = st;
    sc_node_append(parent, n);
    return n;
}

static inline sc_node *fx_text(sc_document *doc, sc_node *parent, const char *text)
{
    sc_node *t = fx_node(doc, parent, SC_NODE_TEXT, parent->style);
    sc_node_set_text(doc, t, text, strlen(text));
    return t;
}

/* A paragraph of `nsent` sentences starting at sentence `first`, in a style of its own whose
 * colour tags it (red channel = tag / 1000) so tests can tell paragraphs apart on the page. */
static inline sc_node *fx_para(sc_document *doc, sc_node *parent, int nsent, int first, int tag)
{
    sc_style *st = fx_style(doc, 11, 1.4f);
    st->margin[SC_EDGE_BOTTOM] = 6;
    st->color.r = (float)tag / 1000.0f;
    sc_node *p = fx_node(doc, parent, SC_NODE_PARAGRAPH, st);
    char buf[4096] = "";
    for (int i = 0; i < nsent; i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, fx_sentences[(first + i) % 5]);
    }
    fx_text(doc, p, buf);
    return p;
}

static inline sc_node *fx_heading(sc_document *doc, sc_node *parent, int level, const char *text,
                           const char *id, int tag)
{
    sc_style *st = fx_style(doc, level == 1 ? 20 : 15, 1.25f);
    st->font_weight = 700;
    st->text_align = SC_ALIGN_LEFT;
    st->margin[SC_EDGE_TOP] = 14;
    st->margin[SC_EDGE_BOTTOM] = 6;
    st->color.r = (float)tag / 1000.0f;
    sc_node *h = fx_node(doc, parent, SC_NODE_HEADING, st);
    h->level = level;
    h->id = id;
    fx_text(doc, h, text);
    return h;
}

static inline int fx_tag(const sc_glyph_run *r)
{
    return (int)lroundf(r->color.r * 1000.0f);
}

static inline sc_page_setup fx_page(void)
{
    sc_page_setup p = {.width = 595.28f, .height = 841.89f, .margin = {72, 72, 72, 72}};
    return p;
}

static inline const char *fx_fonts_dir(void)
{
    return SAPCHU_SOURCE_DIR "/fonts";
}

/* The ink box of a run (page coordinates, y down), from the glyphs' real extents. */
static inline void fx_run_ink(const sc_glyph_run *r, float *x0, float *y0, float *x1, float *y1)
{
    float scale = r->size / (float)r->face->upem;
    float pen = r->x;
    *x0 = *y0 = 1e9f;
    *x1 = *y1 = -1e9f;
    for (size_t i = 0; i < r->nglyphs; i++) {
        const sc_glyph *g = &r->glyphs[i];
        hb_glyph_extents_t ext;
        if (hb_font_get_glyph_extents(r->face->hb_font, g->gid, &ext) && ext.width != 0) {
            float gx0 = pen + g->x_offset + ext.x_bearing * scale;
            float gx1 = gx0 + ext.width * scale;
            float gtop = r->y - g->y_offset - ext.y_bearing * scale;
            float gbot = gtop - ext.height * scale; /* height is negative: y down adds */
            if (gx0 < *x0) *x0 = gx0;
            if (gx1 > *x1) *x1 = gx1;
            if (gtop < *y0) *y0 = gtop;
            if (gbot > *y1) *y1 = gbot;
        }
        pen += g->x_advance;
    }
}

/* The run's text as a NUL-terminated string in buf. */
static inline const char *fx_run_text(const sc_glyph_run *r, char *buf, size_t cap)
{
    size_t n = r->text_len < cap - 1 ? r->text_len : cap - 1;
    memcpy(buf, r->text, n);
    buf[n] = 0;
    return buf;
}

/* Is this run the folio (page number) of page pg? It lies below the text area. */
static inline int fx_is_folio(const sc_page_setup *ps, const sc_glyph_run *r)
{
    return r->y > ps->height - ps->margin[SC_EDGE_BOTTOM];
}

/* The text lines of a page: runs grouped by baseline (folio left out), top to bottom. */
typedef struct fx_line {
    float y;
    int tag;           /* the colour tag of the line's first run */
    float x0, x1;      /* pen extent of the runs */
    char text[2048];
} fx_line;

static inline size_t fx_lines(const sc_page_setup *ps, const sc_page *pg, fx_line *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->nitems; i++) {
        const sc_item *it = &pg->items[i];
        if (it->kind != SC_ITEM_GLYPHS || fx_is_folio(ps, &it->u.glyphs))
            continue;
        const sc_glyph_run *r = &it->u.glyphs;
        float w = 0;
        for (size_t g = 0; g < r->nglyphs; g++)
            w += r->glyphs[g].x_advance;
        size_t k = 0;
        while (k < n && fabsf(out[k].y - r->y) > 0.01f)
            k++;
        if (k == n) {
            if (n == cap)
                continue;
            memset(&out[n], 0, sizeof out[n]);
            out[n].y = r->y;
            out[n].tag = fx_tag(r);
            out[n].x0 = r->x;
            out[n].x1 = r->x + w;
            n++;
        }
        if (r->x < out[k].x0) {
            out[k].x0 = r->x;
            out[k].tag = fx_tag(r);
        }
        if (r->x + w > out[k].x1)
            out[k].x1 = r->x + w;
        size_t len = strlen(out[k].text);
        if (len + r->text_len + 1 < sizeof out[k].text) {
            memcpy(out[k].text + len, r->text, r->text_len);
            out[k].text[len + r->text_len] = 0;
        }
    }
    /* top to bottom */
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && out[k - 1].y > out[k].y; k--) {
            fx_line t = out[k];
            out[k] = out[k - 1];
            out[k - 1] = t;
        }
    return n;
}

/* Check that every glyph lies inside the text area and that the folio is the page number.
 * Returns 0 or 1 with the reason printed. */
static inline int fx_check_area(const sc_page_setup *ps, const sc_layout *lay)
{
    float left = ps->margin[SC_EDGE_LEFT], right = ps->width - ps->margin[SC_EDGE_RIGHT];
    float top = ps->margin[SC_EDGE_TOP], bottom = ps->height - ps->margin[SC_EDGE_BOTTOM];
    for (size_t p = 0; p < lay->npages; p++) {
        const sc_page *pg = &lay->pages[p];
        if (pg->number != (int)p + 1)
            FAIL("page %zu has number %d", p, pg->number);
        int folios = 0;
        for (size_t i = 0; i < pg->nitems; i++) {
            const sc_item *it = &pg->items[i];
            if (it->kind != SC_ITEM_GLYPHS)
                continue;
            const sc_glyph_run *r = &it->u.glyphs;
            char t[256];
            if (fx_is_folio(ps, r)) {
                char want[32];
                snprintf(want, sizeof want, "%d", pg->number);
                if (strcmp(fx_run_text(r, t, sizeof t), want) != 0)
                    FAIL("page %zu: folio text '%s', want '%s'", p + 1, t, want);
                if (r->y > ps->height)
                    FAIL("page %zu: folio below the paper", p + 1);
                folios++;
                continue;
            }
            float x0, y0, x1, y1;
            fx_run_ink(r, &x0, &y0, &x1, &y1);
            if (x0 < left - 0.01f || x1 > right + 0.01f || y0 < top - 0.01f ||
                y1 > bottom + 0.01f)
                FAIL("page %zu: run '%s' ink [%.2f %.2f %.2f %.2f] outside the text area "
                     "[%.2f %.2f %.2f %.2f]",
                     p + 1, fx_run_text(r, t, sizeof t), x0, y0, x1, y1, left, top, right, bottom);
        }
        if (folios != 1)
            FAIL("page %zu: %d folio runs, want 1", p + 1, folios);
    }
    return 0;
}

static inline sc_fontset *fx_fonts(sc_diag_list *diags)
{
    sc_fontset *fs = sc_fontset_load(fx_fonts_dir(), diags);
    if (!fs)
        fprintf(stderr, "FAIL: cannot load the fonts in %s\n", fx_fonts_dir());
    return fs;
}

#endif
