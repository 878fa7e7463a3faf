/* test_pages_features.c — the page builder's book features on hand-built documents: footnotes at
 * the foot of the page with their reference (a long one continuing on the next page), short list
 * items kept whole, chapters on right-hand pages, margin boxes with running strings and page
 * counters, and the table of contents in front with roman folios. */
#include "pages_fixture.h"

/* The page a destination (or a run containing `text`) is on; -1 when absent. */
static int dest_page(const sc_layout *lay, const char *name, float *y)
{
    for (size_t p = 0; p < lay->npages; p++)
        for (size_t i = 0; i < lay->pages[p].nitems; i++) {
            const sc_item *it = &lay->pages[p].items[i];
            if (it->kind == SC_ITEM_DEST && it->u.dest.name && strcmp(it->u.dest.name, name) == 0) {
                if (y)
                    *y = it->u.dest.y;
                return (int)p;
            }
        }
    return -1;
}

static int page_has_text(const sc_page *pg, const char *text, float *y)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < pg->nitems; i++) {
        const sc_item *it = &pg->items[i];
        if (it->kind != SC_ITEM_GLYPHS)
            continue;
        const sc_glyph_run *r = &it->u.glyphs;
        for (size_t k = 0; k + len <= r->text_len; k++)
            if (memcmp(r->text + k, text, len) == 0) {
                if (y)
                    *y = r->y;
                return 1;
            }
    }
    return 0;
}

static int text_page(const sc_layout *lay, const char *text)
{
    for (size_t p = 0; p < lay->npages; p++)
        if (page_has_text(&lay->pages[p], text, NULL))
            return (int)p;
    return -1;
}

static sc_node *para(sc_document *doc, sc_node *parent, const sc_style *st, const char *t)
{
    sc_node *p = fx_node(doc, parent, SC_NODE_PARAGRAPH, st);
    fx_text(doc, p, t);
    return p;
}

/* A paragraph with a footnote reference after `before`; the definition goes to the root. */
static void note_para(sc_document *doc, const sc_style *pst, const sc_style *aside, int number,
                      const char *before, const char *note_text)
{
    sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, pst);
    fx_text(doc, p, before);
    sc_node *ref = fx_node(doc, p, SC_NODE_FOOTNOTE_REF, pst);
    ref->id = sc_arena_printf(doc->arena, "fnref-%d", number);
    ref->number = number;
    fx_text(doc, p, " và tiếp tục câu văn cho đủ dài để xuống dòng thêm một lần nữa.");
    sc_node *def = fx_node(doc, doc->root, SC_NODE_FOOTNOTE_DEF, aside);
    def->id = sc_arena_printf(doc->arena, "fn-%d", number);
    def->number = number;
    ref->target = def;
    para(doc, def, aside, note_text);
}

static int test_notes(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *pst = fx_style(doc, 11, 1.4f);
    pst->margin[SC_EDGE_BOTTOM] = 6;
    sc_style *aside = fx_style(doc, 9, 1.3f);
    aside->margin[SC_EDGE_BOTTOM] = 3;
    char marker[64], note[4096];
    int n = 0;
    for (int i = 0; i < 40; i++) {
        fx_para(doc, doc->root, 3 + i % 4, i, 1);
        if (i % 3 == 0) {
            n++;
            snprintf(marker, sizeof marker, "THAMCHIEU%d ", n);
            snprintf(note, sizeof note, "CHUTHICH%d %s", n, fx_sentences[n % 5]);
            note_para(doc, pst, aside, n, marker, note);
        }
    }
    /* A note longer than what is left of its page: it continues at the foot of the next. */
    n++;
    size_t len = (size_t)snprintf(note, sizeof note, "CHUTHICHDAI ");
    for (int k = 0; k < 30 && len + 200 < sizeof note; k++)
        len += (size_t)snprintf(note + len, sizeof note - len, "%s ", fx_sentences[k % 5]);
    snprintf(note + len, sizeof note - len, "HETCHUTHICH");
    note_para(doc, pst, aside, n, "THAMCHIEUDAI ", note);
    for (int i = 0; i < 12; i++)
        fx_para(doc, doc->root, 4, i, 2);
    sc_page_setup ps = fx_page();
    ps.height = 500; /* short pages: the long note cannot fit under its reference */
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    for (int k = 1; k < n; k++) {
        char ref[32], def[32], rt[32], nt[32];
        snprintf(ref, sizeof ref, "fnref-%d", k);
        snprintf(def, sizeof def, "fn-%d", k);
        snprintf(rt, sizeof rt, "THAMCHIEU%d", k);
        snprintf(nt, sizeof nt, "CHUTHICH%d", k);
        float ry = 0, ny = 0;
        int pr = dest_page(lay, ref, NULL), pd = dest_page(lay, def, NULL);
        int tr = text_page(lay, rt), tn = text_page(lay, nt);
        if (pr < 0 || pd < 0 || pr != pd)
            FAIL("note %d: reference on page %d, note destination on page %d", k, pr + 1, pd + 1);
        if (tn != pd || tr < 0)
            FAIL("note %d: text on page %d, destination on page %d", k, tn + 1, pd + 1);
        page_has_text(&lay->pages[tn], nt, &ny);
        page_has_text(&lay->pages[tr], rt, &ry);
        if (tr == tn && ny <= ry)
            FAIL("note %d above its reference", k);
    }
    int pl = text_page(lay, "THAMCHIEUDAI"), ps0 = text_page(lay, "CHUTHICHDAI");
    int pe = text_page(lay, "HETCHUTHICH");
    if (pl < 0 || ps0 != pl)
        FAIL("long note starts on page %d, its reference on page %d", ps0 + 1, pl + 1);
    if (pe != pl + 1)
        FAIL("long note ends on page %d, want the next page %d", pe + 1, pl + 2);
    /* On its second page the note's end is at the foot, below text of the body. */
    float ey = 0;
    page_has_text(&lay->pages[pe], "HETCHUTHICH", &ey);
    int body_above = 0;
    for (size_t i = 0; i < lay->pages[pe].nitems; i++) {
        const sc_item *it = &lay->pages[pe].items[i];
        if (it->kind == SC_ITEM_GLYPHS && it->u.glyphs.size > 10 && it->u.glyphs.y < ey)
            body_above = 1;
    }
    if (!body_above)
        FAIL("page %d: no body text above the continued note", pe + 1);
    printf("notes: %d notes each with its reference, long note pages %d-%d\n", n, pl + 1, pe + 1);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

/* A loose list item of three one-line paragraphs is never split, wherever it falls. */
static int test_short_items(sc_fontset *fonts)
{
    int moved = 0;
    for (int fill = 0; fill < 14; fill++) {
        sc_diag_list diags;
        sc_diag_init(&diags);
        sc_document *doc = fx_doc();
        for (int i = 0; i < 6 + fill / 2; i++)
            fx_para(doc, doc->root, 2 + (i + fill) % 3, i, 1);
        sc_style *lst = fx_style(doc, 11, 1.4f);
        lst->margin[SC_EDGE_LEFT] = 20;
        sc_node *list = fx_node(doc, doc->root, SC_NODE_LIST, lst);
        for (int it = 0; it < 3; it++) {
            sc_node *item = fx_node(doc, list, SC_NODE_ITEM, lst);
            sc_style *pst = fx_style(doc, 11, 1.4f);
            pst->margin[SC_EDGE_BOTTOM] = 4;
            char t[64];
            snprintf(t, sizeof t, "MUC%dDAU ngắn", it);
            para(doc, item, pst, t);
            para(doc, item, pst, "Dòng giữa ngắn.");
            snprintf(t, sizeof t, "MUC%dCUOI ngắn", it);
            para(doc, item, pst, t);
        }
        for (int i = 0; i < 8; i++)
            fx_para(doc, doc->root, 3, i, 1);
        sc_page_setup ps = fx_page();
        ps.height = 420 + (float)(fill % 2) * 7;
        sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
        if (!lay)
            FAIL("layout failed");
        for (int it = 0; it < 3; it++) {
            char a[32], b[32];
            snprintf(a, sizeof a, "MUC%dDAU", it);
            snprintf(b, sizeof b, "MUC%dCUOI", it);
            int pa = text_page(lay, a), pb = text_page(lay, b);
            if (pa < 0 || pa != pb)
                FAIL("fill %d: list item %d split over pages %d and %d", fill, it, pa + 1, pb + 1);
            float y;
            fx_line lines[64];
            size_t nl = fx_lines(&ps, &lay->pages[pa], lines, 64);
            if (pa > 0 && nl > 0 && page_has_text(&lay->pages[pa], a, &y) &&
                fabsf(lines[0].y - y) < 0.1f)
                moved++;
        }
        sc_layout_free(lay);
        sc_document_free(doc);
        sc_diag_clear(&diags);
    }
    if (moved == 0)
        FAIL("no configuration put a list item at a page top: the sweep tests nothing");
    printf("short items: never split (%d moved whole to the next page)\n", moved);
    return 0;
}

/* page-break-inside: avoid keeps a block of six paragraphs on one page; one taller than a page is
 * split all the same. */
static int test_avoid(sc_fontset *fonts)
{
    int moved = 0;
    for (int fill = 0; fill < 10; fill++) {
        for (int tall = 0; tall < 2; tall++) {
            sc_diag_list diags;
            sc_diag_init(&diags);
            sc_document *doc = fx_doc();
            for (int i = 0; i < 3 + fill; i++)
                fx_para(doc, doc->root, 2 + i % 3, i, 1);
            sc_style *qst = fx_style(doc, 11, 1.4f);
            qst->page_break_inside = -1;
            qst->margin[SC_EDGE_LEFT] = 20;
            sc_node *q = fx_node(doc, doc->root, SC_NODE_BLOCKQUOTE, qst);
            int paras = tall ? 40 : 6;
            for (int i = 0; i < paras; i++) {
                char t[64];
                snprintf(t, sizeof t, i == 0 ? "TRICHDAU đoạn %d." : i == paras - 1 ? "TRICHCUOI đoạn %d." : "Đoạn %d.", i);
                para(doc, q, qst, t);
            }
            for (int i = 0; i < 6; i++)
                fx_para(doc, doc->root, 3, i, 1);
            sc_page_setup ps = fx_page();
            ps.height = 500;
            sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
            if (!lay)
                FAIL("layout failed");
            int pa = text_page(lay, "TRICHDAU"), pb = text_page(lay, "TRICHCUOI");
            if (!tall && (pa < 0 || pa != pb))
                FAIL("fill %d: a block with page-break-inside: avoid split over pages %d-%d", fill,
                     pa + 1, pb + 1);
            if (tall && (pa < 0 || pb <= pa))
                FAIL("fill %d: a block taller than the page is not split (%d-%d)", fill, pa + 1,
                     pb + 1);
            float y;
            fx_line lines[64];
            size_t nl = fx_lines(&ps, &lay->pages[pa], lines, 64);
            if (!tall && pa > 0 && nl && page_has_text(&lay->pages[pa], "TRICHDAU", &y) &&
                fabsf(lines[0].y - y) < 0.1f)
                moved++;
            sc_layout_free(lay);
            sc_document_free(doc);
            sc_diag_clear(&diags);
        }
    }
    if (moved == 0)
        FAIL("page-break-inside: avoid never moved the block: the sweep tests nothing");
    printf("page-break-inside: avoid: kept whole (%d moved), split when taller than a page\n", moved);
    return 0;
}

/* ---- margin boxes and chapters ------------------------------------------------------------- */

typedef struct boxes_ctx {
    sc_content_part head, page_pre, page_num, page_of, pages;
    sc_style box_style;
} boxes_ctx;

static void setup_for(void *ctx, int kind, sc_arena *arena, sc_page_setup *out)
{
    (void)arena;
    boxes_ctx *b = ctx;
    *out = fx_page();
    out->height = 600;
    out->boxes[SC_MARGIN_TOP_CENTER].content = &b->head;
    out->boxes[SC_MARGIN_TOP_CENTER].style = &b->box_style;
    out->boxes[kind & SC_PAGE_LEFT ? SC_MARGIN_BOTTOM_LEFT : SC_MARGIN_BOTTOM_RIGHT].content =
        &b->page_pre;
}

static int test_chapters(sc_fontset *fonts, int with_toc)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    static const char *const chapters[] = {"Chương một", "Chương hai", "Chương ba"};
    sc_string_set set = {.name = "chapter"};
    sc_content_part text = {.kind = SC_CONTENT_ELEMENT_TEXT};
    set.content = &text;
    for (int c = 0; c < 3; c++) {
        char id[16];
        snprintf(id, sizeof id, "chuong-%d", c + 1);
        sc_node *h = fx_heading(doc, doc->root, 1, chapters[c], sc_arena_strdup(doc->arena, id), 900);
        sc_style *hs = sc_arena_alloc(doc->arena, sizeof *hs);
        *hs = *h->style;
        hs->page_break_before = 3; /* right */
        hs->string_set = &set;
        h->style = hs;
        h->first_child->style = hs;
        for (int s = 0; s < 2; s++) {
            char sid[24], st[48];
            snprintf(sid, sizeof sid, "muc-%d-%d", c + 1, s + 1);
            snprintf(st, sizeof st, "Mục %d.%d", c + 1, s + 1);
            fx_heading(doc, doc->root, 2, sc_arena_strdup(doc->arena, st),
                       sc_arena_strdup(doc->arena, sid), 901);
            for (int i = 0; i < 5 + c * 2; i++)
                fx_para(doc, doc->root, 4, i + s, 1);
        }
    }
    boxes_ctx b;
    memset(&b, 0, sizeof b);
    b.head = (sc_content_part){.kind = SC_CONTENT_STRING_REF, .name = "chapter"};
    b.page_pre = (sc_content_part){.kind = SC_CONTENT_STRING, .text = "Trang ", .next = &b.page_num};
    b.page_num = (sc_content_part){.kind = SC_CONTENT_PAGE, .next = &b.page_of};
    b.page_of = (sc_content_part){.kind = SC_CONTENT_STRING, .text = "/", .next = &b.pages};
    b.pages = (sc_content_part){.kind = SC_CONTENT_PAGES};
    b.box_style = *doc->root->style;
    b.box_style.font_size = 8;
    b.box_style.font_italic = 1;
    sc_page_setup ps = fx_page();
    ps.height = 600;
    sc_layout_options lo = {.page_setup_for = setup_for, .ctx = &b, .toc = with_toc};
    sc_layout *lay = sc_layout_document_ex(doc, &ps, fonts, &lo, &diags);
    if (!lay)
        FAIL("layout failed");
    size_t front = 0;
    while (front < lay->npages && lay->pages[front].roman)
        front++;
    if (with_toc && (front == 0 || front % 2 != 0))
        FAIL("contents: %zu roman pages, want an even number > 0 (chapters on right pages)",
             front);
    int body_pages = lay->pages[lay->npages - 1].number;
    if (body_pages != (int)(lay->npages - front))
        FAIL("last folio %d for %zu body pages", body_pages, lay->npages - front);
    int chapter_of_page = -1;
    for (size_t p = front; p < lay->npages; p++) {
        const sc_page *pg = &lay->pages[p];
        if (pg->number != (int)(p - front) + 1)
            FAIL("page %zu has folio %d", p + 1, pg->number);
        if (pg->nitems == 0)
            continue; /* a blank page before a chapter: no boxes either */
        int starts = -1;
        for (int c = 0; c < 3; c++) {
            char id[16];
            snprintf(id, sizeof id, "chuong-%d", c + 1);
            if (dest_page(lay, id, NULL) == (int)p)
                starts = c;
        }
        if (starts >= 0) {
            if ((p - front) % 2 != 0)
                FAIL("chapter %d starts on page %zu, a left-hand page", starts + 1, p + 1);
            chapter_of_page = starts;
        }
        /* The head: in the top margin, the chapter's title, none on a chapter's first page. */
        int head = 0;
        for (size_t i = 0; i < pg->nitems; i++) {
            const sc_item *it = &pg->items[i];
            if (it->kind != SC_ITEM_GLYPHS || it->u.glyphs.y >= ps.margin[SC_EDGE_TOP])
                continue;
            char t[256];
            fx_run_text(&it->u.glyphs, t, sizeof t);
            if (starts >= 0)
                FAIL("page %zu starts chapter %d but has a running head '%s'", p + 1, starts + 1, t);
            if (chapter_of_page < 0 || strcmp(t, chapters[chapter_of_page]) != 0)
                FAIL("page %zu: running head '%s', want '%s'", p + 1, t,
                     chapter_of_page >= 0 ? chapters[chapter_of_page] : "(none)");
            if (it->u.glyphs.size != 8)
                FAIL("page %zu: running head in %.1f pt, want the box's 8", p + 1, it->u.glyphs.size);
            head = 1;
        }
        if (starts < 0 && chapter_of_page >= 0 && !head)
            FAIL("page %zu has no running head", p + 1);
        /* The folio box: right on right-hand pages, left on left-hand ones, "Trang N/M". */
        char want[48];
        snprintf(want, sizeof want, "Trang %d/%d", pg->number, body_pages);
        float fy = 0;
        if (!page_has_text(pg, want, &fy) || fy <= ps.height - ps.margin[SC_EDGE_BOTTOM])
            FAIL("page %zu: no folio box '%s' in the bottom margin", p + 1, want);
    }
    if (with_toc) {
        /* Contents: "Mục lục", one linked entry per heading to its page, with its folio. */
        if (!page_has_text(&lay->pages[0], "Mục lục", NULL))
            FAIL("no contents title on page 1");
        int links = 0;
        for (size_t p = 0; p < front; p++)
            for (size_t i = 0; i < lay->pages[p].nitems; i++) {
                const sc_item *it = &lay->pages[p].items[i];
                if (it->kind != SC_ITEM_LINK || !it->u.link.dest)
                    continue;
                int target = dest_page(lay, it->u.link.dest, NULL);
                if (target < (int)front)
                    FAIL("contents link to '%s' has no target in the body", it->u.link.dest);
                links++;
            }
        if (links != 9)
            FAIL("contents has %d links, want 9", links);
        for (size_t i = 0; i < lay->noutline; i++)
            if (lay->outline[i].page < front)
                FAIL("outline entry '%s' points into the contents", lay->outline[i].title);
        char folio[16];
        snprintf(folio, sizeof folio, "%d", lay->pages[dest_page(lay, "chuong-3", NULL)].number);
        if (!page_has_text(&lay->pages[0], folio, NULL))
            FAIL("contents page has no folio %s for chapter 3", folio);
    }
    printf("chapters%s: right-hand pages, running heads, folio boxes over %zu pages\n",
           with_toc ? " with contents" : "", lay->npages);
    sc_layout_free(lay);
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
    int rc = test_notes(fonts) || test_short_items(fonts) || test_avoid(fonts) ||
             test_chapters(fonts, 0) ||
             test_chapters(fonts, 1);
    sc_fontset_free(fonts);
    sc_diag_clear(&diags);
    return rc;
}
