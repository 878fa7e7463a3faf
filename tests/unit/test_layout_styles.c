/* test_layout_styles.c — the layout's side of issue 3's properties, on hand-built styled documents
 * (as the style stage would compute them): borders drawn as rules around a block's box (also when
 * it runs across pages), letter-spacing, font-variant-ligatures: none, list-style-type markers,
 * ::before/::after with CSS counters and attr(). */
#include "pages_fixture.h"

/* Every line of every page, joined "text|text|..." (folios left out). */
static void page_texts(const sc_page_setup *ps, const sc_layout *lay, char *out, size_t cap)
{
    out[0] = 0;
    static fx_line lines[256];
    for (size_t p = 0; p < lay->npages; p++) {
        size_t n = fx_lines(ps, &lay->pages[p], lines, 256);
        for (size_t i = 0; i < n; i++) {
            strncat(out, lines[i].text, cap - strlen(out) - 2);
            strncat(out, "|", cap - strlen(out) - 1);
        }
    }
}

/* The glyph run showing `text` (exactly) on any page. */
static const sc_glyph_run *run_with(const sc_layout *lay, const char *text)
{
    for (size_t p = 0; p < lay->npages; p++)
        for (size_t i = 0; i < lay->pages[p].nitems; i++) {
            const sc_item *it = &lay->pages[p].items[i];
            if (it->kind == SC_ITEM_GLYPHS && it->u.glyphs.text_len == strlen(text) &&
                memcmp(it->u.glyphs.text, text, it->u.glyphs.text_len) == 0)
                return &it->u.glyphs;
        }
    return NULL;
}

static sc_layout *lay_out(sc_document *doc, const sc_fontset *fonts, sc_page_setup *ps)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    *ps = fx_page();
    sc_layout *lay = sc_layout_document(doc, ps, fonts, &diags);
    sc_diag_clear(&diags);
    return lay;
}

static int test_letter_spacing(const sc_fontset *fonts)
{
    float width[2];
    for (int k = 0; k < 2; k++) {
        sc_document *doc = fx_doc();
        sc_style *st = fx_style(doc, 12, 1.4f);
        st->text_align = SC_ALIGN_LEFT;
        st->letter_spacing = k ? 2.0f : 0;
        sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, st);
        fx_text(doc, p, "abc def");
        sc_page_setup ps;
        sc_layout *lay = lay_out(doc, fonts, &ps);
        const sc_glyph_run *r = lay ? run_with(lay, "abc def") : NULL;
        if (!r || r->nglyphs != 7)
            FAIL("letter-spacing %d: no run 'abc def' of 7 glyphs", k);
        width[k] = 0;
        for (size_t g = 0; g < r->nglyphs; g++)
            width[k] += r->glyphs[g].x_advance;
        sc_layout_free(lay);
        sc_document_free(doc);
    }
    /* +2 pt after a, b, c, the space, d, e: not after the line's last letter */
    if (fabsf(width[1] - width[0] - 12.0f) > 0.01f)
        FAIL("letter-spacing 2pt widened 'abc def' by %.3f pt, want 12 (6 gaps)",
             (double)(width[1] - width[0]));
    return 0;
}

static int test_ligatures(const sc_fontset *fonts)
{
    size_t glyphs[2];
    for (int k = 0; k < 2; k++) {
        sc_document *doc = fx_doc();
        sc_style *st = fx_style(doc, 12, 1.4f);
        st->no_ligatures = k;
        sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, st);
        fx_text(doc, p, "office");
        sc_page_setup ps;
        sc_layout *lay = lay_out(doc, fonts, &ps);
        const sc_glyph_run *r = lay ? run_with(lay, "office") : NULL;
        if (!r)
            FAIL("no run 'office'");
        glyphs[k] = r->nglyphs;
        sc_layout_free(lay);
        sc_document_free(doc);
    }
    if (glyphs[0] >= 6)
        FAIL("'office' with ligatures has %zu glyphs: the font's ffi/fi ligature was expected",
             glyphs[0]);
    if (glyphs[1] != 6)
        FAIL("'office' with font-variant-ligatures: none has %zu glyphs, want 6", glyphs[1]);
    return 0;
}

typedef struct rules {
    size_t n;
    float minx, maxx, miny, maxy;
} rules;

static void page_rules(const sc_page *pg, rules *r)
{
    memset(r, 0, sizeof *r);
    r->minx = r->miny = 1e9f;
    r->maxx = r->maxy = -1e9f;
    for (size_t i = 0; i < pg->nitems; i++) {
        const sc_item *it = &pg->items[i];
        if (it->kind != SC_ITEM_RULE)
            continue;
        r->n++;
        float xs[2] = {it->u.rule.x0, it->u.rule.x1}, ys[2] = {it->u.rule.y0, it->u.rule.y1};
        for (int k = 0; k < 2; k++) {
            if (xs[k] < r->minx) r->minx = xs[k];
            if (xs[k] > r->maxx) r->maxx = xs[k];
            if (ys[k] < r->miny) r->miny = ys[k];
            if (ys[k] > r->maxy) r->maxy = ys[k];
        }
    }
}

static int test_borders(const sc_fontset *fonts)
{
    sc_document *doc = fx_doc();
    fx_para(doc, doc->root, 2, 0, 1);
    sc_style *st = fx_style(doc, 11, 1.4f);
    for (int e = 0; e < 4; e++) {
        st->border[e].style = SC_BORDER_SOLID;
        st->border[e].width = 1;
        st->padding[e] = 5;
    }
    st->margin[SC_EDGE_LEFT] = 10;
    st->color.r = 0.002f;
    sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, st);
    fx_text(doc, p, fx_sentences[3]);
    fx_para(doc, doc->root, 1, 2, 3);
    sc_page_setup ps;
    sc_layout *lay = lay_out(doc, fonts, &ps);
    if (!lay || lay->npages != 1)
        FAIL("bordered paragraph: layout failed or not one page");
    rules r;
    page_rules(&lay->pages[0], &r);
    if (r.n < 4)
        FAIL("bordered paragraph: %zu rules, want at least 4 (the four edges)", r.n);
    float bx = ps.margin[SC_EDGE_LEFT] + 10, bw = ps.width - ps.margin[SC_EDGE_LEFT] -
                                                  ps.margin[SC_EDGE_RIGHT] - 10;
    if (fabsf(r.minx - bx) > 0.01f || fabsf(r.maxx - (bx + bw)) > 0.01f)
        FAIL("border spans x %.2f..%.2f, want %.2f..%.2f", (double)r.minx, (double)r.maxx,
             (double)bx, (double)(bx + bw));
    /* the text starts inside border + padding, and lies between the top and bottom edges */
    static fx_line lines[64];
    size_t n = fx_lines(&ps, &lay->pages[0], lines, 64);
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].tag != 2)
            continue;
        seen++;
        if (fabsf(lines[i].x0 - (bx + 1 + 5)) > 0.01f)
            FAIL("bordered text starts at x %.2f, want %.2f", (double)lines[i].x0,
                 (double)(bx + 6));
        if (lines[i].y < r.miny || lines[i].y > r.maxy)
            FAIL("bordered text baseline %.2f outside the border %.2f..%.2f",
                 (double)lines[i].y, (double)r.miny, (double)r.maxy);
    }
    if (!seen)
        FAIL("bordered paragraph's text not found");
    for (size_t i = 0; i < n; i++)
        if (lines[i].tag == 1 && lines[i].y > r.miny)
            FAIL("the paragraph before the border overlaps it");
        else if (lines[i].tag == 3 && lines[i].y < r.maxy)
            FAIL("the paragraph after the border overlaps it");
    sc_layout_free(lay);
    sc_document_free(doc);

    /* A bordered block longer than a page: its slices flow across pages, edges on each. */
    doc = fx_doc();
    st = fx_style(doc, 11, 1.4f);
    st->border[SC_EDGE_LEFT].style = SC_BORDER_DASHED;
    st->border[SC_EDGE_LEFT].width = 2;
    sc_node *q = fx_node(doc, doc->root, SC_NODE_BLOCKQUOTE, st);
    for (int i = 0; i < 14; i++)
        fx_para(doc, q, 5, i, 4);
    lay = lay_out(doc, fonts, &ps);
    if (!lay || lay->npages < 2)
        FAIL("long bordered quote: want at least 2 pages");
    for (size_t pgi = 0; pgi < lay->npages; pgi++) {
        page_rules(&lay->pages[pgi], &r);
        if (r.n < 2)
            FAIL("long bordered quote: page %zu has %zu rules", pgi + 1, r.n);
        if (fabsf(r.minx - (ps.margin[SC_EDGE_LEFT] + 1)) > 0.01f)
            FAIL("left border at x %.2f, want %.2f", (double)r.minx,
                 (double)(ps.margin[SC_EDGE_LEFT] + 1));
    }
    if (fx_check_area(&ps, lay))
        return 1;
    sc_layout_free(lay);
    sc_document_free(doc);

    /* A heading with only a bottom border: a rule under its text, its outline entry kept. */
    doc = fx_doc();
    sc_node *h = fx_heading(doc, doc->root, 2, "Tiêu đề có gạch", "tieu-de", 5);
    sc_style *hst = (sc_style *)h->style;
    hst->border[SC_EDGE_BOTTOM].style = SC_BORDER_SOLID;
    hst->border[SC_EDGE_BOTTOM].width = 1;
    hst->padding[SC_EDGE_BOTTOM] = 3;
    fx_para(doc, doc->root, 2, 0, 6);
    lay = lay_out(doc, fonts, &ps);
    if (!lay || lay->npages != 1)
        FAIL("bordered heading: layout failed");
    page_rules(&lay->pages[0], &r);
    if (r.n != 1 || fabsf(r.miny - r.maxy) > 0.01f)
        FAIL("bordered heading: %zu rules, want one horizontal rule", r.n);
    n = fx_lines(&ps, &lay->pages[0], lines, 64);
    float head_y = -1, para_y = -1;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].tag == 5)
            head_y = lines[i].y;
        if (lines[i].tag == 6 && para_y < 0)
            para_y = lines[i].y;
    }
    if (!(head_y > 0 && r.miny > head_y && r.miny < para_y))
        FAIL("bordered heading: rule at y %.2f, heading baseline %.2f, next text %.2f",
             (double)r.miny, (double)head_y, (double)para_y);
    if (lay->noutline != 1 || strcmp(lay->outline[0].title, "Tiêu đề có gạch") != 0)
        FAIL("bordered heading: the outline entry is lost (%zu entries)", lay->noutline);
    sc_layout_free(lay);
    sc_document_free(doc);
    return 0;
}

static int test_list_styles(const sc_fontset *fonts)
{
    static const struct { sc_list_style type; int ordered; const char *markers[3]; } cases[] = {
        {SC_LIST_LOWER_ROMAN, 1, {"i.", "ii.", "iii."}},
        {SC_LIST_UPPER_ALPHA, 1, {"A.", "B.", "C."}},
        {SC_LIST_DECIMAL, 0, {"1.", "2.", "3."}},
        {SC_LIST_SQUARE, 1, {"\xE2\x96\xAA", "\xE2\x96\xAA", "\xE2\x96\xAA"}},
        {SC_LIST_CIRCLE, 0, {"\xE2\x97\xA6", "\xE2\x97\xA6", "\xE2\x97\xA6"}},
        {SC_LIST_DISC, 1, {"1.", "2.", "3."}}, /* the initial value: HTML's numbers for ol */
        {SC_LIST_NONE, 1, {NULL, NULL, NULL}},
    };
    static const char *const items[] = {"Một", "Hai", "Ba"};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        sc_document *doc = fx_doc();
        sc_style *st = fx_style(doc, 11, 1.4f);
        st->text_align = SC_ALIGN_LEFT;
        st->list_style_type = cases[k].type;
        sc_node *list = fx_node(doc, doc->root, SC_NODE_LIST, st);
        list->list_ordered = cases[k].ordered;
        list->list_start = 1;
        list->list_tight = 1;
        for (int i = 0; i < 3; i++) {
            sc_node *li = fx_node(doc, list, SC_NODE_ITEM, st);
            sc_node *p = fx_node(doc, li, SC_NODE_PARAGRAPH, st);
            fx_text(doc, p, items[i]);
        }
        sc_page_setup ps;
        sc_layout *lay = lay_out(doc, fonts, &ps);
        if (!lay)
            FAIL("list layout failed");
        char all[4096];
        page_texts(&ps, lay, all, sizeof all);
        char want[256] = "";
        for (int i = 0; i < 3; i++) {
            if (cases[k].markers[i])
                strcat(want, cases[k].markers[i]);
            strcat(want, items[i]);
            strcat(want, "|");
        }
        if (strcmp(all, want) != 0)
            FAIL("list-style-type %d: lines '%s', want '%s'", (int)cases[k].type, all, want);
        sc_layout_free(lay);
        sc_document_free(doc);
    }
    return 0;
}

static sc_counter_op *op(sc_document *doc, const char *name, int value, sc_counter_op *next)
{
    sc_counter_op *o = sc_arena_calloc(doc->arena, 1, sizeof *o);
    o->name = name;
    o->value = value;
    o->next = next;
    return o;
}

static sc_content_part *part(sc_document *doc, sc_content_kind kind, const char *text,
                             const char *name, sc_content_part *next)
{
    sc_content_part *p = sc_arena_calloc(doc->arena, 1, sizeof *p);
    p->kind = kind;
    p->text = text;
    p->name = name;
    p->list_style = SC_LIST_DECIMAL;
    p->next = next;
    return p;
}

static int test_counters(const sc_fontset *fonts)
{
    sc_document *doc = fx_doc();
    sc_style *root = (sc_style *)doc->root->style;
    root->counter_reset = op(doc, "h2", 0, NULL);
    sc_style *h2 = fx_style(doc, 15, 1.25f);
    h2->text_align = SC_ALIGN_LEFT;
    h2->counter_increment = op(doc, "h2", 1, NULL);
    h2->counter_reset = op(doc, "h3", 0, NULL);
    h2->before = part(doc, SC_CONTENT_COUNTER, NULL, "h2",
                      part(doc, SC_CONTENT_STRING, ". ", NULL, NULL));
    sc_style *h3 = fx_style(doc, 13, 1.25f);
    h3->text_align = SC_ALIGN_LEFT;
    h3->counter_increment = op(doc, "h3", 1, NULL);
    h3->before = part(doc, SC_CONTENT_COUNTER, NULL, "h2",
                      part(doc, SC_CONTENT_STRING, ".", NULL,
                           part(doc, SC_CONTENT_COUNTER, NULL, "h3",
                                part(doc, SC_CONTENT_STRING, " ", NULL, NULL))));
    sc_style *em = fx_style(doc, 11, 1.4f);
    em->after = part(doc, SC_CONTENT_STRING, " [", NULL,
                     part(doc, SC_CONTENT_ATTR, NULL, "data-note",
                          part(doc, SC_CONTENT_STRING, "]", NULL, NULL)));
    struct { int level; const char *text; } heads[] = {
        {2, "Mở đầu"}, {3, "Bối cảnh"}, {3, "Mục tiêu"}, {2, "Kết quả"}, {3, "Số liệu"}};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        sc_node *h = fx_heading(doc, doc->root, heads[i].level, heads[i].text, NULL, 0);
        h->style = heads[i].level == 2 ? h2 : h3;
        h->first_child->style = h->style;
    }
    sc_node *p = fx_node(doc, doc->root, SC_NODE_PARAGRAPH, fx_style(doc, 11, 1.4f));
    fx_text(doc, p, "Xem ");
    sc_node *e = fx_node(doc, p, SC_NODE_EMPH, em);
    sc_node_add_attr(doc, e, "data-note", "ghi chú");
    fx_text(doc, e, "đây");
    sc_page_setup ps;
    sc_layout *lay = lay_out(doc, fonts, &ps);
    if (!lay)
        FAIL("counters: layout failed");
    char all[4096];
    page_texts(&ps, lay, all, sizeof all);
    const char *want = "1. Mở đầu|1.1 Bối cảnh|1.2 Mục tiêu|2. Kết quả|2.1 Số liệu|"
                       "Xem đây [ghi chú]|";
    if (strcmp(all, want) != 0)
        FAIL("counters: lines '%s', want '%s'", all, want);
    /* the outline keeps the plain titles */
    if (lay->noutline != 5 || strcmp(lay->outline[0].title, "Mở đầu") != 0 ||
        strcmp(lay->outline[1].title, "Bối cảnh") != 0)
        FAIL("counters: outline has %zu entries, first '%s' (want the plain title)",
             lay->noutline, lay->noutline ? lay->outline[0].title : "");
    sc_layout_free(lay);
    sc_document_free(doc);
    return 0;
}

/* The classic nested numbering: ol { counter-reset: item; list-style-type: none }
 * li { counter-increment: item } li::before { content: counters(item, ".") " " }; in a tight list
 * the number joins the item's text. */
static int test_nested_counters(const sc_fontset *fonts)
{
    sc_document *doc = fx_doc();
    sc_style *ol = fx_style(doc, 11, 1.4f);
    ol->text_align = SC_ALIGN_LEFT;
    ol->list_style_type = SC_LIST_NONE;
    ol->counter_reset = op(doc, "item", 0, NULL);
    sc_style *li = fx_style(doc, 11, 1.4f);
    li->text_align = SC_ALIGN_LEFT;
    li->list_style_type = SC_LIST_NONE;
    li->counter_increment = op(doc, "item", 1, NULL);
    sc_content_part *num = part(doc, SC_CONTENT_COUNTERS, ".", "item",
                                part(doc, SC_CONTENT_STRING, " ", NULL, NULL));
    li->before = num;
    sc_style *p = fx_style(doc, 11, 1.4f);
    p->text_align = SC_ALIGN_LEFT;
    sc_node *outer = fx_node(doc, doc->root, SC_NODE_LIST, ol);
    outer->list_ordered = outer->list_tight = 1;
    outer->list_start = 1;
    const char *texts[] = {"Một", "Hai"};
    sc_node *second = NULL;
    for (int i = 0; i < 2; i++) {
        sc_node *item = fx_node(doc, outer, SC_NODE_ITEM, li);
        fx_text(doc, fx_node(doc, item, SC_NODE_PARAGRAPH, p), texts[i]);
        second = item;
    }
    sc_node *inner = fx_node(doc, second, SC_NODE_LIST, ol);
    inner->list_ordered = inner->list_tight = 1;
    inner->list_start = 1;
    for (int i = 0; i < 2; i++) {
        sc_node *item = fx_node(doc, inner, SC_NODE_ITEM, li);
        fx_text(doc, fx_node(doc, item, SC_NODE_PARAGRAPH, p), i ? "Hai hai" : "Hai một");
    }
    sc_node *last = fx_node(doc, outer, SC_NODE_ITEM, li);
    fx_text(doc, fx_node(doc, last, SC_NODE_PARAGRAPH, p), "Ba");
    sc_page_setup ps;
    sc_layout *lay = lay_out(doc, fonts, &ps);
    if (!lay)
        FAIL("nested counters: layout failed");
    char all[4096];
    page_texts(&ps, lay, all, sizeof all);
    const char *want = "1 Một|2 Hai|2.1 Hai một|2.2 Hai hai|3 Ba|";
    if (strcmp(all, want) != 0)
        FAIL("nested counters: lines '%s', want '%s'", all, want);
    sc_layout_free(lay);
    sc_document_free(doc);
    return 0;
}

int main(void)
{
    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_fontset *fonts = fx_fonts(&diags);
    if (!fonts)
        return 1;
    int rc = test_letter_spacing(fonts) || test_ligatures(fonts) || test_borders(fonts) ||
             test_list_styles(fonts) || test_counters(fonts) || test_nested_counters(fonts);
    sc_fontset_free(fonts);
    sc_diag_clear(&diags);
    if (!rc)
        printf("layout styles: all passed\n");
    return rc;
}
