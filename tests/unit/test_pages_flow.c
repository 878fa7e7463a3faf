/* test_pages_flow.c — the page builder on long documents: several pages, every glyph inside the
 * text area, folios, widows and orphans, headings kept with what follows, forced breaks, the
 * outline. */
#include "pages_fixture.h"

#define MAXLINES 400

/* Widows/orphans and keep-with-next, read from the display list: paragraphs and headings carry
 * colour tags (headings >= 900). */
static int check_breaks(const sc_page_setup *ps, const sc_layout *lay)
{
    static fx_line lines[2][MAXLINES];
    size_t n[2] = {0, 0};
    for (size_t p = 0; p < lay->npages; p++) {
        fx_line *cur = lines[p % 2], *prev = lines[(p + 1) % 2];
        n[p % 2] = fx_lines(ps, &lay->pages[p], cur, MAXLINES);
        size_t nc = n[p % 2], np = n[(p + 1) % 2];
        if (nc == 0)
            FAIL("page %zu has no text", p + 1);
        if (p + 1 < lay->npages && cur[nc - 1].tag >= 900)
            FAIL("page %zu ends with a heading line: '%s'", p + 1, cur[nc - 1].text);
        for (size_t i = 0; i < nc && p + 1 < lay->npages; i++)
            if (cur[i].tag >= 900 && (i + 1 == nc || cur[i + 1].tag < 900) && i + 2 >= nc)
                FAIL("page %zu: heading '%s' is followed by fewer than 2 lines", p + 1,
                     cur[i].text);
        if (p == 0 || np == 0)
            continue;
        int tag = cur[0].tag;
        if (tag != prev[np - 1].tag)
            continue; /* the page starts with a new paragraph */
        if (tag >= 900)
            FAIL("heading split across pages %zu and %zu", p, p + 1);
        size_t top = 0, bottom = 0;
        while (top < nc && cur[top].tag == tag)
            top++;
        while (bottom < np && prev[np - 1 - bottom].tag == tag)
            bottom++;
        if (top < 2)
            FAIL("widow: page %zu starts with %zu line of a paragraph ('%s')", p + 1, top,
                 cur[0].text);
        if (bottom < 2)
            FAIL("orphan: page %zu ends with %zu line of a paragraph ('%s')", p, bottom,
                 prev[np - 1].text);
    }
    return 0;
}

static int test_long_document(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    const char *titles[] = {"Mở đầu", "Kết quả nghiên cứu", "Ấn tượng", "Ứng dụng",
                            "Hợp tác quốc tế", "Kết luận"};
    const char *ids[] = {"mo-dau", "ket-qua", "an-tuong", "ung-dung", "hop-tac", "ket-luan"};
    fx_heading(doc, doc->root, 1, "Tổng quan hội nghị", "tong-quan", 900);
    int tag = 1;
    for (int s = 0; s < 6; s++) {
        fx_heading(doc, doc->root, 2, titles[s], ids[s], 901 + s);
        for (int k = 0; k < 6; k++, tag++)
            fx_para(doc, doc->root, 2 + (k * 3 + s) % 6, k + s, tag);
    }
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (lay->npages < 3)
        FAIL("a long document made %zu pages, want at least 3", lay->npages);
    if (fx_check_area(&ps, lay) || check_breaks(&ps, lay))
        return 1;
    /* The outline: 7 headings in order, each on the page where its text is. */
    if (lay->noutline != 7)
        FAIL("outline has %zu entries, want 7", lay->noutline);
    if (lay->outline[0].level != 1 || strcmp(lay->outline[0].title, "Tổng quan hội nghị") != 0)
        FAIL("outline[0] = %d '%s'", lay->outline[0].level, lay->outline[0].title);
    for (size_t i = 0; i < lay->noutline; i++) {
        const sc_outline_entry *o = &lay->outline[i];
        if (i > 0 && strcmp(o->title, titles[i - 1]) != 0)
            FAIL("outline[%zu] title '%s', want '%s'", i, o->title, titles[i - 1]);
        if (i > 0 && (o->level != 2 || (o->page < lay->outline[i - 1].page)))
            FAIL("outline[%zu]: level %d page %zu out of order", i, o->level, o->page);
        /* its heading line is on that page, just under y */
        static fx_line lines[MAXLINES];
        size_t n = fx_lines(&ps, &lay->pages[o->page], lines, MAXLINES);
        int found = 0;
        for (size_t k = 0; k < n; k++)
            if (lines[k].tag == 900 + (int)i && lines[k].y > o->y && lines[k].y < o->y + 30)
                found = 1;
        if (!found)
            FAIL("outline[%zu] '%s': no heading line just below y=%.1f on page %zu", i, o->title,
                 o->y, o->page + 1);
        /* and a destination named after the heading's id at the same place */
        const char *id = i == 0 ? "tong-quan" : ids[i - 1];
        int dest = 0;
        const sc_page *pg = &lay->pages[o->page];
        for (size_t k = 0; k < pg->nitems; k++)
            if (pg->items[k].kind == SC_ITEM_DEST && strcmp(pg->items[k].u.dest.name, id) == 0 &&
                fabsf(pg->items[k].u.dest.y - o->y) < 0.01f)
                dest = 1;
        if (!dest)
            FAIL("no destination '%s' at the heading's top", id);
    }
    printf("long document: %zu pages, %zu outline entries\n", lay->npages, lay->noutline);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

/* Move a heading and a 7-line paragraph down the page one filler line at a time: wherever the
 * page break falls, no widow, no orphan, no heading at the foot of a page. */
static int test_break_sweep(sc_fontset *fonts)
{
    int splits = 0, heading_moved = 0;
    for (int fill = 30; fill < 60; fill++) {
        sc_diag_list diags;
        sc_diag_init(&diags);
        sc_document *doc = fx_doc();
        for (int i = 0; i < fill; i++) {
            sc_style *st = fx_style(doc, 11, 1.4f);
            st->color.r = (float)(500 + i % 2) / 1000.0f; /* alternate: neighbours differ */
            st->text_align = SC_ALIGN_LEFT;
            sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, st);
            fx_text(doc, p, "Dòng ngắn.");
        }
        fx_heading(doc, doc->root, 2, "Tiêu đề giữa trang", "giua", 950);
        sc_style *one = fx_style(doc, 11, 1.4f);
        one->color.r = 9 / 1000.0f;
        fx_text(doc, fx_node(doc, doc->root, SC_NODE_PARAGRAPH, one), "Một dòng.");
        fx_para(doc, doc->root, 7, 0, 7);
        fx_para(doc, doc->root, 7, 2, 8);
        sc_page_setup ps = fx_page();
        sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
        if (!lay)
            FAIL("layout failed (fill %d)", fill);
        if (fx_check_area(&ps, lay) || check_breaks(&ps, lay)) {
            fprintf(stderr, "  (with %d filler lines)\n", fill);
            return 1;
        }
        static fx_line lines[MAXLINES];
        size_t n = fx_lines(&ps, &lay->pages[0], lines, MAXLINES);
        if (lines[n - 1].tag == 7 || lines[n - 1].tag == 8)
            splits++;
        if (lay->npages > 1 && lines[n - 1].tag >= 500 && lines[n - 1].tag <= 501) {
            static fx_line next[MAXLINES];
            size_t m = fx_lines(&ps, &lay->pages[1], next, MAXLINES);
            if (m > 0 && next[0].tag == 950)
                heading_moved++;
        }
        sc_layout_free(lay);
        sc_document_free(doc);
        sc_diag_clear(&diags);
    }
    /* The sweep must really have exercised both rules. */
    if (splits == 0 || heading_moved == 0)
        FAIL("sweep never split a paragraph (%d) or moved the heading (%d)", splits,
             heading_moved);
    printf("break sweep: %d paragraph splits, %d headings moved to the next page\n", splits,
           heading_moved);
    return 0;
}

static int test_forced_break(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    fx_para(doc, doc->root, 2, 0, 1);
    sc_node *h = fx_heading(doc, doc->root, 1, "Chương hai", "chuong-hai", 900);
    ((sc_style *)h->style)->page_break_before = 1;
    sc_node *p = fx_para(doc, doc->root, 2, 1, 2);
    ((sc_style *)p->style)->page_break_after = 1;
    fx_para(doc, doc->root, 1, 2, 3);
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (lay->npages != 3)
        FAIL("page-break-before and -after: %zu pages, want 3", lay->npages);
    static fx_line lines[MAXLINES];
    size_t n = fx_lines(&ps, &lay->pages[1], lines, MAXLINES);
    if (n == 0 || lines[0].tag != 900)
        FAIL("page 2 does not start with the heading");
    n = fx_lines(&ps, &lay->pages[2], lines, MAXLINES);
    if (n == 0 || lines[0].tag != 3)
        FAIL("page 3 does not start with the paragraph after the break");
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

static int test_empty_document(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay || lay->npages != 1)
        FAIL("an empty document must give one page");
    sc_layout_free(lay);
    /* margins that leave no room: an error, no layout */
    ps.margin[SC_EDGE_LEFT] = ps.margin[SC_EDGE_RIGHT] = 300;
    lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (lay || diags.errors == 0)
        FAIL("impossible margins must fail with an error");
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

int main(void)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_fontset *fonts = fx_fonts(&diags);
    if (!fonts)
        return 1;
    int rc = test_long_document(fonts) || test_break_sweep(fonts) || test_forced_break(fonts) ||
             test_empty_document(fonts);
    sc_fontset_free(fonts);
    sc_diag_clear(&diags);
    if (!rc)
        printf("ok\n");
    return rc;
}
