/* test_pages_blocks.c — the block kinds: list markers hanging left of their items, block quote
 * indents, code blocks in the mono font that wrap, thematic breaks, links, footnotes collected at
 * the end with their destinations and back links, simple tables. */
#include "pages_fixture.h"

typedef struct found_run {
    const sc_glyph_run *run;
    size_t page;
} found_run;

/* The first run whose text contains `text` (is exactly `text` when exact). */
static int find_run(const sc_layout *lay, const char *text, int exact, found_run *out)
{
    size_t len = strlen(text);
    for (size_t p = 0; p < lay->npages; p++)
        for (size_t i = 0; i < lay->pages[p].nitems; i++) {
            const sc_item *it = &lay->pages[p].items[i];
            if (it->kind != SC_ITEM_GLYPHS)
                continue;
            const sc_glyph_run *r = &it->u.glyphs;
            int hit = 0;
            for (size_t k = 0; !hit && k + len <= r->text_len && (!exact || k == 0); k++)
                hit = memcmp(r->text + k, text, len) == 0 && (!exact || r->text_len == len);
            if (hit) {
                out->run = r;
                out->page = p;
                return 1;
            }
        }
    return 0;
}

static float run_width(const sc_glyph_run *r)
{
    float w = 0;
    for (size_t i = 0; i < r->nglyphs; i++)
        w += r->glyphs[i].x_advance;
    return w;
}

static const sc_item *find_item(const sc_layout *lay, sc_item_kind kind, const char *name,
                                size_t *page)
{
    for (size_t p = 0; p < lay->npages; p++)
        for (size_t i = 0; i < lay->pages[p].nitems; i++) {
            const sc_item *it = &lay->pages[p].items[i];
            if (it->kind != kind)
                continue;
            const char *s = kind == SC_ITEM_DEST ? it->u.dest.name
                            : kind == SC_ITEM_LINK ? (it->u.link.uri ? it->u.link.uri : it->u.link.dest)
                                                   : "";
            if (!name || (s && strcmp(s, name) == 0)) {
                if (page)
                    *page = p;
                return it;
            }
        }
    return NULL;
}

static sc_node *para_text(sc_document *doc, sc_node *parent, const sc_style *st, const char *t)
{
    sc_node *p = fx_node(doc, parent, SC_NODE_PARAGRAPH, st);
    fx_text(doc, p, t);
    return p;
}

static sc_node *item(sc_document *doc, sc_node *list, const sc_style *li, const char *text)
{
    sc_node *it = fx_node(doc, list, SC_NODE_ITEM, li);
    para_text(doc, it, li, text);
    return it;
}

static int test_lists(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *ul = fx_style(doc, 11, 1.4f), *li = fx_style(doc, 11, 1.4f);
    ul->padding[SC_EDGE_LEFT] = 24;
    ul->margin[SC_EDGE_BOTTOM] = 8;
    li->text_align = SC_ALIGN_LEFT;
    sc_node *list = fx_node(doc, doc->root, SC_NODE_LIST, ul);
    list->list_tight = 1;
    item(doc, list, li, "Một");
    sc_node *two = item(doc, list, li, "Hai");
    sc_node *nested = fx_node(doc, two, SC_NODE_LIST, ul);
    nested->list_tight = 1;
    item(doc, nested, li, "Hai chấm một");
    item(doc, list, li, "Ba");
    sc_node *ol = fx_node(doc, doc->root, SC_NODE_LIST, ul);
    ol->list_ordered = 1;
    ol->list_start = 3;
    item(doc, ol, li, "Thứ ba");
    item(doc, ol, li, "Thứ tư");
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    struct { const char *marker, *text; } want[] = {
        {"•", "Một"}, {"•", "Hai"}, {"◦", "Hai chấm một"}, {"3.", "Thứ ba"}, {"4.", "Thứ tư"}};
    float bullet_x = 0;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        found_run text;
        if (!find_run(lay, want[i].text, 1, &text))
            FAIL("item text '%s' not found", want[i].text);
        /* the marker on the same baseline, ending left of the text */
        const sc_page *pg = &lay->pages[text.page];
        int ok = 0;
        for (size_t k = 0; k < pg->nitems; k++) {
            const sc_glyph_run *r = &pg->items[k].u.glyphs;
            if (pg->items[k].kind != SC_ITEM_GLYPHS || fabsf(r->y - text.run->y) > 0.01f ||
                r->text_len != strlen(want[i].marker) ||
                memcmp(r->text, want[i].marker, r->text_len) != 0)
                continue;
            if (r->x + run_width(r) > text.run->x - 1)
                FAIL("marker '%s' does not hang left of '%s'", want[i].marker, want[i].text);
            if (i == 0)
                bullet_x = r->x;
            if (i == 2 && r->x <= bullet_x + 10)
                FAIL("the nested marker is not indented (%.1f vs %.1f)", r->x, bullet_x);
            ok = 1;
        }
        if (!ok)
            FAIL("no marker '%s' on the line of '%s'", want[i].marker, want[i].text);
    }
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    printf("lists: markers in place\n");
    return 0;
}

static int test_quote_code_rule_links(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *bq = fx_style(doc, 11, 1.4f);
    bq->margin[SC_EDGE_LEFT] = 30;
    bq->margin[SC_EDGE_RIGHT] = 30;
    sc_node *quote = fx_node(doc, doc->root, SC_NODE_BLOCKQUOTE, bq);
    fx_para(doc, quote, 4, 0, 11);
    fx_node(doc, doc->root, SC_NODE_THEMATIC_BREAK, fx_style(doc, 11, 1.4f));
    sc_style *pre = fx_style(doc, 9, 1.3f);
    pre->font_family = "\"Noto Sans Mono\", monospace";
    pre->white_space_pre = 1;
    pre->text_align = SC_ALIGN_LEFT;
    sc_node *code = fx_node(doc, doc->root, SC_NODE_CODE_BLOCK, pre);
    const char *src = "int main(void) { return printf(\"%s %s %s %s %s %s %s %s\\n\", a, b, c, "
                      "d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w); }\n"
                      "    indented();\n";
    sc_node_set_text(doc, code, src, strlen(src));
    sc_style *pst = fx_style(doc, 11, 1.4f);
    sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, pst);
    fx_text(doc, p, "Xem ");
    sc_node *a = fx_node(doc, p, SC_NODE_LINK, pst);
    a->url = "https://example.com/bao-cao";
    fx_text(doc, a, "báo cáo");
    fx_text(doc, p, " và ");
    sc_node *b = fx_node(doc, p, SC_NODE_LINK, pst);
    b->url = "#ket-luan";
    fx_text(doc, b, "kết luận");
    fx_text(doc, p, ".");
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    static fx_line lines[200];
    size_t n = fx_lines(&ps, &lay->pages[0], lines, 200);
    float left = ps.margin[SC_EDGE_LEFT], right = ps.width - ps.margin[SC_EDGE_RIGHT];
    int quoted = 0, code_lines = 0;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].tag == 11) {
            quoted++;
            if (lines[i].x0 < left + 30 - 0.01f || lines[i].x1 > right - 30 + 0.01f)
                FAIL("quote line [%.1f %.1f] outside its indents", lines[i].x0, lines[i].x1);
        }
    }
    if (quoted < 2)
        FAIL("the quote has %d lines", quoted);
    for (size_t i = 0; i < lay->pages[0].nitems; i++) {
        const sc_item *it = &lay->pages[0].items[i];
        if (it->kind == SC_ITEM_GLYPHS && it->u.glyphs.face->fixed_pitch)
            code_lines++;
    }
    found_run r;
    if (!find_run(lay, "    indented();", 0, &r) || !r.run->face->fixed_pitch)
        FAIL("the code's second line is not in the mono font with its spaces");
    if (code_lines < 3)
        FAIL("the long code line did not wrap (%d mono runs)", code_lines);
    const sc_item *rule = find_item(lay, SC_ITEM_RULE, NULL, NULL);
    if (!rule || fabsf(rule->u.rule.x0 - left) > 0.01f || fabsf(rule->u.rule.x1 - right) > 0.01f)
        FAIL("no thematic break across the text width");
    const sc_item *l1 = find_item(lay, SC_ITEM_LINK, "https://example.com/bao-cao", NULL);
    const sc_item *l2 = find_item(lay, SC_ITEM_LINK, "ket-luan", NULL);
    if (!l1 || !l2 || l2->u.link.uri)
        FAIL("links: uri %p, internal %p", (const void *)l1, (const void *)l2);
    if (l1->u.link.w <= 10 || l1->u.link.h <= 5)
        FAIL("link area %.1f x %.1f too small", l1->u.link.w, l1->u.link.h);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    printf("quote, code, rule, links: ok\n");
    return 0;
}

static int test_footnotes(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *pst = fx_style(doc, 11, 1.4f);
    sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, pst);
    fx_text(doc, p, "Câu có chú thích");
    sc_node *ref = fx_node(doc, p, SC_NODE_FOOTNOTE_REF, pst);
    ref->id = "fnref-1";
    ref->number = 1;
    fx_text(doc, p, " ở giữa.");
    sc_style *aside = fx_style(doc, 9, 1.3f);
    sc_node *def = fx_node(doc, doc->root, SC_NODE_FOOTNOTE_DEF, aside);
    def->id = "fn-1";
    def->number = 1;
    ref->target = def;
    para_text(doc, def, aside, "Lời chú thích thứ nhất.");
    for (int i = 0; i < 50; i++)
        fx_para(doc, doc->root, 3, i, 20);
    para_text(doc, doc->root, pst, "Đoạn cuối.");
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    size_t pref, pdef, plast, pback, pnote;
    if (!find_item(lay, SC_ITEM_DEST, "fnref-1", &pref) || pref != 0)
        FAIL("no destination for the reference on page 1");
    if (!find_item(lay, SC_ITEM_LINK, "fn-1", NULL))
        FAIL("the reference does not link to the note");
    const sc_item *d = find_item(lay, SC_ITEM_DEST, "fn-1", &pdef);
    const sc_item *back = find_item(lay, SC_ITEM_LINK, "fnref-1", &pback);
    if (!d || !back)
        FAIL("note destination %p, back link %p", (const void *)d, (const void *)back);
    found_run last, note, num;
    if (!find_run(lay, "Đoạn cuối.", 1, &last) || !find_run(lay, "Lời chú thích", 0, &note))
        FAIL("texts not found");
    plast = last.page;
    pnote = note.page;
    if (pnote != pref || plast == pnote)
        FAIL("the note is on page %zu, its reference on page %zu (want the same page, before "
             "the last paragraph's page %zu)", pnote + 1, pref + 1, plast + 1);
    /* At the foot: below every line of body text on its page, near the text area's bottom. */
    for (size_t i = 0; i < lay->pages[pnote].nitems; i++) {
        const sc_item *it = &lay->pages[pnote].items[i];
        if (it->kind == SC_ITEM_GLYPHS && it->u.glyphs.size > 9.5f && !fx_is_folio(&ps, &it->u.glyphs) &&
            it->u.glyphs.y >= note.run->y)
            FAIL("body text at y %.1f below the note at y %.1f", it->u.glyphs.y, note.run->y);
    }
    if (note.run->y < ps.height - ps.margin[SC_EDGE_BOTTOM] - 30)
        FAIL("the note (y %.1f) is not at the foot of the page", note.run->y);
    if (pdef != pnote || pback != pnote || d->u.dest.y > note.run->y)
        FAIL("the note's destination and back link are not at the note");
    if (note.run->size > 9.01f)
        FAIL("the note is not in its own (aside) size");
    if (!find_run(lay, "1", 1, &num) || num.page != 0 || num.run->size >= 11)
        FAIL("the reference number is not a smaller superscript on page 1");
    int rule = 0;
    for (size_t i = 0; i < lay->pages[pnote].nitems; i++) {
        const sc_item *it = &lay->pages[pnote].items[i];
        if (it->kind == SC_ITEM_RULE && it->u.rule.y0 < note.run->y)
            rule = 1;
    }
    if (!rule)
        FAIL("no rule above the notes");
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    printf("footnotes: at the foot of page %zu with the reference, linked both ways\n", pnote + 1);
    return 0;
}

static sc_node *row(sc_document *doc, sc_node *table, const sc_style *st, int header,
                    const char *a, const char *b, const char *c)
{
    sc_node *r = fx_node(doc, table, SC_NODE_TABLE_ROW, st);
    r->is_header = header;
    const char *cells[] = {a, b, c};
    for (int i = 0; i < 3; i++) {
        sc_node *cell = fx_node(doc, r, SC_NODE_TABLE_CELL, st);
        cell->align = i == 1 ? SC_CELL_ALIGN_RIGHT : SC_CELL_ALIGN_LEFT;
        fx_text(doc, cell, cells[i]);
    }
    return r;
}

static int test_table(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *st = fx_style(doc, 10, 1.3f);
    /* the rules default.css draws: above the table, under each cell */
    sc_style *tst = fx_style(doc, 10, 1.3f);
    tst->border[SC_EDGE_TOP] = (sc_border){0.5f, SC_BORDER_SOLID, {0, 0, 0}};
    st->border[SC_EDGE_BOTTOM] = (sc_border){0.5f, SC_BORDER_SOLID, {0, 0, 0}};
    sc_node *t = fx_node(doc, doc->root, SC_NODE_TABLE, tst);
    row(doc, t, st, 1, "Tên", "Số lượng", "Ghi chú");
    row(doc, t, st, 0, "Táo", "12", "Ngắn.");
    row(doc, t, st, 0, "Lê", "3456",
        "Một ghi chú rất dài để kiểm tra việc xuống dòng trong ô của bảng khi nội dung vượt quá "
        "chiều rộng của cột, và nó còn dài thêm nữa cho chắc chắn.");
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    found_run h, body, n1, n2;
    if (!find_run(lay, "Tên", 1, &h) || h.run->face->weight < 700)
        FAIL("the header cell is not bold");
    if (!find_run(lay, "Táo", 1, &body) || body.run->face->weight >= 700)
        FAIL("a body cell is bold");
    if (!find_run(lay, "12", 1, &n1) || !find_run(lay, "3456", 1, &n2))
        FAIL("number cells not found");
    float r1 = n1.run->x + run_width(n1.run), r2 = n2.run->x + run_width(n2.run);
    if (fabsf(r1 - r2) > 0.05f)
        FAIL("right-aligned cells end at %.2f and %.2f", r1, r2);
    static fx_line lines[100];
    size_t n = fx_lines(&ps, &lay->pages[0], lines, 100);
    if (n < 4)
        FAIL("the long cell did not wrap (%zu lines in the table)", n);
    int rules = 0;
    for (size_t i = 0; i < lay->pages[0].nitems; i++)
        rules += lay->pages[0].items[i].kind == SC_ITEM_RULE;
    if (rules != 4)
        FAIL("%d rules, want 4 (top, and under each row)", rules);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    printf("table: %zu lines, %d rules\n", n, rules);
    return 0;
}

/* A table longer than a page: rows are never split, and the header row comes again at the top of
 * each page the table goes on to. */
static int test_long_table(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *st = fx_style(doc, 10, 1.3f);
    sc_node *t = fx_node(doc, doc->root, SC_NODE_TABLE, st);
    row(doc, t, st, 1, "Tên", "Số lượng", "Ghi chú");
    for (int i = 0; i < 120; i++) {
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        row(doc, t, st, 0, "Hàng", num, i % 7 ? "Ngắn." : "Một ghi chú dài hơn, xuống dòng.");
    }
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    if (lay->npages < 3)
        FAIL("120 rows on %zu pages?", lay->npages);
    static fx_line lines[200];
    for (size_t p = 0; p < lay->npages; p++) {
        size_t n = fx_lines(&ps, &lay->pages[p], lines, 200);
        if (n < 2 || strncmp(lines[0].text, "Tên", strlen("Tên")) != 0)
            FAIL("page %zu does not start with the header row ('%s')", p + 1,
                 n ? lines[0].text : "");
        if (strncmp(lines[n - 1].text, "Tên", strlen("Tên")) == 0)
            FAIL("page %zu ends with the header row", p + 1);
    }
    /* every row once */
    found_run fr;
    for (int i = 1; i <= 120; i++) {
        char num[16];
        snprintf(num, sizeof num, "%d", i);
        if (!find_run(lay, num, 1, &fr))
            FAIL("row %d lost", i);
    }
    printf("long table: %zu pages, header repeated\n", lay->npages);
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

/* A row taller than a page is cut between its lines; every line still shows, inside the area. */
static int test_tall_row(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *st = fx_style(doc, 10, 1.3f);
    sc_node *t = fx_node(doc, doc->root, SC_NODE_TABLE, st);
    row(doc, t, st, 1, "A", "B", "C");
    sc_node *r = fx_node(doc, t, SC_NODE_TABLE_ROW, st);
    for (int c = 0; c < 3; c++) {
        sc_node *cell = fx_node(doc, r, SC_NODE_TABLE_CELL, st);
        for (int i = 0; i < (c == 1 ? 90 : 3); i++) {
            char line[32];
            snprintf(line, sizeof line, "dòng %d", i + 1);
            if (i)
                fx_node(doc, cell, SC_NODE_LINE_BREAK, st);
            fx_text(doc, cell, line);
        }
    }
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    if (lay->npages < 2)
        FAIL("a 90-line row fits one page?");
    printf("tall row: cut over %zu pages\n", lay->npages);
    found_run fr;
    for (int i = 1; i <= 90; i++) {
        char line[32];
        snprintf(line, sizeof line, "dòng %d", i);
        if (!find_run(lay, line, 1, &fr))
            FAIL("'%s' lost when the row was cut", line);
    }
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    return 0;
}

/* Hostile nesting (thousands of quotes, thousands of emphases) is laid out without deep
 * recursion: the text still shows, with a warning. */
static int test_deep_nesting(sc_fontset *fonts)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = fx_doc();
    sc_style *bq = fx_style(doc, 11, 1.4f);
    bq->margin[SC_EDGE_LEFT] = 20;
    sc_node *n = doc->root;
    for (int i = 0; i < 20000; i++)
        n = fx_node(doc, n, SC_NODE_BLOCKQUOTE, bq);
    sc_node *p = fx_node(doc, n, SC_NODE_PARAGRAPH, bq);
    fx_text(doc, p, "Sâu thẳm.");
    sc_node *q = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, bq);
    for (int i = 0; i < 20000; i++)
        q = fx_node(doc, q, SC_NODE_EMPH, bq);
    fx_text(doc, q, "Nhấn mạnh.");
    sc_page_setup ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, &ps, fonts, &diags);
    if (!lay)
        FAIL("layout failed");
    if (fx_check_area(&ps, lay))
        return 1;
    found_run r;
    if (!find_run(lay, "Sâu thẳm.", 1, &r) || !find_run(lay, "Nhấn mạnh.", 1, &r))
        FAIL("deeply nested text lost");
    if (diags.warnings == 0)
        FAIL("no warning about the nesting");
    sc_layout_free(lay);
    sc_document_free(doc);
    sc_diag_clear(&diags);
    printf("deep nesting: ok\n");
    return 0;
}

int main(void)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_fontset *fonts = fx_fonts(&diags);
    if (!fonts)
        return 1;
    int rc = test_lists(fonts) || test_quote_code_rule_links(fonts) || test_footnotes(fonts) ||
             test_table(fonts) || test_long_table(fonts) || test_tall_row(fonts) ||
             test_deep_nesting(fonts);
    sc_fontset_free(fonts);
    sc_diag_clear(&diags);
    if (!rc)
        printf("ok\n");
    return rc;
}
