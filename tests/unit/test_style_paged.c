/* Unit test (issue 3): @page :first / :left / :right cascaded over plain @page, margin boxes
 * (content parts and computed styles), @font-face rules, and writing a sheet back as CSS
 * (parsing the text again gives the same computed styles; drop_print leaves out what only
 * paged media use). */
#include <stdlib.h>

#include "base/buf.h"
#include "model/doc.h"
#include "style/css.h"
#include "test_style_check.h"

#define CM(x) ((x) * 72.0 / 2.54)
#define MM(x) ((x) * 72.0 / 25.4)

static sc_node *add(sc_document *doc, sc_node *parent, sc_node_type type)
{
    sc_node *n = sc_node_new(doc, type);
    sc_node_append(parent, n);
    return n;
}

static void print_diags(const sc_diag_list *d)
{
    for (size_t i = 0; i < d->count; i++) {
        char *m = sc_diag_format(&d->items[i]);
        fprintf(stderr, "  %s\n", m);
        free(m);
    }
}

static sc_stylesheet *parse_clean(sc_arena *a, const char *css, size_t len, const char *name)
{
    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *s = sc_stylesheet_parse(a, css, len, name, &d);
    CHECK(d.count == 0, "%s: %zu unexpected diagnostics", name, d.count);
    if (d.count)
        print_diags(&d);
    sc_diag_clear(&d);
    return s;
}

static const char book[] =
    "body { font-family: \"Charis SIL\", serif; font-size: 10pt; color: #111; text-indent: 1em }\n"
    "@page { size: A5; margin: 2cm 1.5cm;\n"
    "  @top-center { content: string(chapter); font-style: italic }\n"
    "  @bottom-center { content: counter(page) \" / \" counter(pages); font-size: 8pt }\n"
    "}\n"
    "@page :first { margin-top: 4cm; @top-center { content: none } }\n"
    "@page :left { margin-left: 2.5cm; @bottom-left { content: counter(page, lower-roman) } }\n"
    "@page :right { margin-right: 2.5cm;\n"
    "  @top-right { content: \"Book \" string(title, first); color: red; text-align: left } }\n"
    "@page :first :right { margin-bottom: 3cm }\n";

static void test_page_kinds(void)
{
    sc_arena *a = sc_arena_new();
    sc_stylesheet *s = parse_clean(a, book, strlen(book), "book.css");
    sc_page_setup any, first, left, right, first_right;
    sc_style_page_setup_for(&s, 1, 0, a, &any);
    sc_style_page_setup_for(&s, 1, SC_PAGE_FIRST | SC_PAGE_RIGHT, a, &first_right);
    sc_style_page_setup_for(&s, 1, SC_PAGE_FIRST, a, &first);
    sc_style_page_setup_for(&s, 1, SC_PAGE_LEFT, a, &left);
    sc_style_page_setup_for(&s, 1, SC_PAGE_RIGHT, a, &right);

    CHECK_NEAR(any.width, MM(148));
    CHECK_NEAR(any.height, MM(210));
    CHECK_NEAR(any.margin[SC_EDGE_TOP], CM(2));
    CHECK_NEAR(any.margin[SC_EDGE_LEFT], CM(1.5));
    CHECK_NEAR(first.margin[SC_EDGE_TOP], CM(4));
    CHECK_NEAR(first.margin[SC_EDGE_LEFT], CM(1.5));
    CHECK_NEAR(left.margin[SC_EDGE_LEFT], CM(2.5));
    CHECK_NEAR(left.margin[SC_EDGE_RIGHT], CM(1.5));
    CHECK_NEAR(left.margin[SC_EDGE_TOP], CM(2));
    CHECK_NEAR(right.margin[SC_EDGE_RIGHT], CM(2.5));
    CHECK_NEAR(right.margin[SC_EDGE_BOTTOM], CM(2));
    CHECK_NEAR(first_right.margin[SC_EDGE_TOP], CM(4));
    CHECK_NEAR(first_right.margin[SC_EDGE_RIGHT], CM(2.5));
    CHECK_NEAR(first_right.margin[SC_EDGE_BOTTOM], CM(3));
    CHECK_NEAR(first_right.width, MM(148));

    /* Margin boxes: content parts. */
    const sc_content_part *c = any.boxes[SC_MARGIN_TOP_CENTER].content;
    CHECK(c && c->kind == SC_CONTENT_STRING_REF && strcmp(c->name, "chapter") == 0 && !c->next,
          "top-center: string(chapter)");
    c = any.boxes[SC_MARGIN_BOTTOM_CENTER].content;
    CHECK(c && c->kind == SC_CONTENT_PAGE && c->list_style == SC_LIST_DECIMAL && c->next &&
              c->next->kind == SC_CONTENT_STRING && strcmp(c->next->text, " / ") == 0 &&
              c->next->next && c->next->next->kind == SC_CONTENT_PAGES,
          "bottom-center: counter(page) \" / \" counter(pages)");
    CHECK(!any.boxes[SC_MARGIN_TOP_LEFT].content && !any.boxes[SC_MARGIN_TOP_LEFT].style,
          "an undeclared box is empty");
    CHECK(!any.boxes[SC_MARGIN_BOTTOM_LEFT].content, "the :left box is not on every page");
    CHECK(!first.boxes[SC_MARGIN_TOP_CENTER].content, ":first says content: none");
    CHECK(first.boxes[SC_MARGIN_BOTTOM_CENTER].content != NULL, ":first keeps the folio");
    c = left.boxes[SC_MARGIN_BOTTOM_LEFT].content;
    CHECK(c && c->kind == SC_CONTENT_PAGE && c->list_style == SC_LIST_LOWER_ROMAN,
          "bottom-left on :left: counter(page, lower-roman)");
    c = right.boxes[SC_MARGIN_TOP_RIGHT].content;
    CHECK(c && c->kind == SC_CONTENT_STRING && strcmp(c->text, "Book ") == 0 && c->next &&
              c->next->kind == SC_CONTENT_STRING_REF && strcmp(c->next->name, "title") == 0,
          "top-right on :right");
    CHECK(!left.boxes[SC_MARGIN_TOP_RIGHT].content, "top-right only on :right");

    /* Margin-box styles: 9pt of the body's family by default, inheriting the body's colour;
     * aligned by position unless told. */
    const sc_style *st = any.boxes[SC_MARGIN_TOP_CENTER].style;
    CHECK(st != NULL, "top-center has a style");
    if (st) {
        CHECK_NEAR(st->font_size, 9);
        CHECK_STR(st->font_family, "\"Charis SIL\", serif");
        CHECK_INT(st->font_italic, 1);
        CHECK_INT(st->text_align, SC_ALIGN_CENTER);
        CHECK_NEAR(st->color.r, 0x11 / 255.0);
        CHECK_NEAR(st->text_indent, 0);
    }
    st = any.boxes[SC_MARGIN_BOTTOM_CENTER].style;
    CHECK(st && st->font_size == 8 && st->font_italic == 0, "bottom-center: 8pt upright");
    st = left.boxes[SC_MARGIN_BOTTOM_LEFT].style;
    CHECK(st && st->text_align == SC_ALIGN_LEFT, "bottom-left aligns left");
    st = right.boxes[SC_MARGIN_TOP_RIGHT].style;
    CHECK(st && st->text_align == SC_ALIGN_LEFT && st->color.r == 1, "top-right: declared");

    /* The plain setup keeps working as before: the same as kind 0, without boxes. */
    sc_page_setup plain;
    sc_style_page_setup(&s, 1, &plain);
    CHECK_NEAR(plain.margin[SC_EDGE_TOP], CM(2));
    CHECK(!plain.boxes[SC_MARGIN_TOP_CENTER].content, "no boxes without an arena");

    /* Later sheets win at equal specificity; !important wins over specificity. */
    static const char user[] = "@page { margin-top: 1cm } @page :first { margin-left: 1cm !important }"
                               "@page :first { margin-left: 3cm }";
    sc_stylesheet *two[2] = {s, parse_clean(a, user, strlen(user), "user.css")};
    sc_style_page_setup_for(two, 2, SC_PAGE_FIRST, a, &first);
    CHECK_NEAR(first.margin[SC_EDGE_TOP], CM(4));  /* :first beats a later plain @page */
    CHECK_NEAR(first.margin[SC_EDGE_LEFT], CM(1)); /* important */
    sc_style_page_setup_for(two, 2, SC_PAGE_LEFT, a, &left);
    CHECK_NEAR(left.margin[SC_EDGE_TOP], CM(1));
    sc_arena_free(a);
}

static void test_font_faces(void)
{
    static const char css[] =
        "@font-face { font-family: \"My Serif\"; src: local(\"My Serif\"), url(fonts/my.ttf) "
        "format(\"truetype\"), url(other.otf); }\n"
        "@font-face { font-family: My Serif; font-weight: bold; font-style: italic;\n"
        "  src: url('/abs/my-bi.otf'); unicode-range: U+0-FF }\n"
        "@font-face { font-family: Web; src: url(https://example.org/x.woff2) }\n"
        "@font-face { src: url(x.ttf) }\n"
        "@font-face { font-family: X; font-weight: 300 700; src: url(\"file:x.ttf\"); foo: 1 }\n";
    sc_arena *a = sc_arena_new();
    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *s = sc_stylesheet_parse(a, css, strlen(css), "/home/u/style/my.css", &d);
    const sc_font_face_rule *f = sc_stylesheet_font_faces(s);
    CHECK(f && strcmp(f->family, "My Serif") == 0 && f->weight == 400 && f->italic == 0 &&
              strcmp(f->src, "/home/u/style/fonts/my.ttf") == 0 &&
              strcmp(f->sheet, "/home/u/style/my.css") == 0,
          "first face: local() skipped, first url resolved against the sheet's folder");
    f = f ? f->next : NULL;
    CHECK(f && strcmp(f->family, "My Serif") == 0 && f->weight == 700 && f->italic == 1 &&
              strcmp(f->src, "/abs/my-bi.otf") == 0,
          "second face: bold italic, absolute path kept");
    f = f ? f->next : NULL;
    CHECK(f && strcmp(f->family, "X") == 0 && f->weight == 300 &&
              strcmp(f->src, "/home/u/style/x.ttf") == 0 && !f->next,
          "third face (the web and family-less ones are dropped)");
    /* Warnings: the https source, the rule left without a source, the one without a family. */
    CHECK_INT(d.warnings, 3);
    size_t notes = 0;
    for (size_t i = 0; i < d.count; i++)
        notes += d.items[i].severity == SC_NOTE &&
                 strstr(d.items[i].message, "unknown property 'foo' (/home/u/style/my.css:6:") != NULL;
    CHECK_INT(notes, 1);
    if (check_failures)
        print_diags(&d);
    sc_diag_clear(&d);
    /* A sheet named without a folder resolves nothing. */
    s = parse_clean(a, "@font-face{font-family:A;src:url(a.ttf)}", 40, "plain.css");
    f = sc_stylesheet_font_faces(s);
    CHECK(f && strcmp(f->src, "a.ttf") == 0, "bare sheet name: the url as written");
    sc_arena_free(a);
}

/* A document touching every property and selector kind. */
static sc_document *round_trip_doc(void)
{
    sc_document *doc = sc_document_new("rt.md");
    sc_node *h1 = add(doc, doc->root, SC_NODE_HEADING);
    h1->level = 1;
    h1->id = "a b";
    sc_node *sec = add(doc, doc->root, SC_NODE_DIV);
    sec->element = "section";
    sec->class_name = "c-1 é";
    sc_node *p = add(doc, sec, SC_NODE_PARAGRAPH);
    sc_node_add_attr(doc, p, "data-x", "1\"2");
    sc_node *em = add(doc, p, SC_NODE_EMPH);
    sc_node *a = add(doc, p, SC_NODE_LINK);
    a->url = "http://x";
    sc_node *ol = add(doc, doc->root, SC_NODE_LIST);
    ol->list_ordered = 1;
    sc_node *li = add(doc, ol, SC_NODE_ITEM);
    add(doc, li, SC_NODE_PARAGRAPH);
    sc_node *pre = add(doc, doc->root, SC_NODE_CODE_BLOCK);
    sc_node *h2 = add(doc, doc->root, SC_NODE_HEADING);
    h2->level = 2;
    (void)em, (void)a, (void)pre, (void)h2;
    return doc;
}

static const char rich[] =
    "/* comment */ @charset \"utf-8\";\n"
    "@font-face { font-family: 'Ti\\\"tle'; src: url(f/a.otf) }\n"
    "html { font-size: 12pt }\n"
    "body { font: italic bold 11pt/1.5 \"Noto Serif\", serif; color: rgb(10%, 20%, 30%);"
    " hyphens: auto; letter-spacing: .02em; font-variant-ligatures: none; widows: 3; orphans: 3 }\n"
    "h1 { font-size: 2rem; margin: 1em auto 0.5em; border-bottom: 1px solid #abc;"
    " page-break-before: always; break-after: avoid; string-set: chapter content() ' ' attr(id);"
    " counter-reset: sec; text-transform: uppercase }\n"
    "h2::before { content: counter(sec, upper-roman) \". \\201C\" counters(x, '\\A') attr(data-x);"
    " counter-increment: sec 1; color: #0000FF }\n"
    "section.c-1 > p[data-x=\"1\\\"2\"]:first-child em { font-weight: lighter !important;"
    " text-decoration: underline line-through }\n"
    "#a\\ b, .\\E9, a[href^=http] { padding: 1pt 2pt 3pt; border: thin dotted; "
    "border-color: red green; text-indent: -1.5em; white-space: pre-line }\n"
    "ol { list-style: lower-alpha outside; margin-left: 5mm }\n"
    "li p { line-height: 150%; vertical-align: super; text-align: justify; break-inside: avoid }\n"
    "pre { white-space: pre; font-family: monospace; font-size: smaller; display: block }\n"
    "@page { size: A5 landscape; margin: 10mm; @bottom-center { content: counter(page); } }\n"
    "@page :first { margin-top: 30mm }\n";

static int same_content(const sc_content_part *x, const sc_content_part *y)
{
    for (; x && y; x = x->next, y = y->next)
        if (x->kind != y->kind || x->list_style != y->list_style ||
            (x->text || y->text ? !x->text || !y->text || strcmp(x->text, y->text) : 0) ||
            (x->name || y->name ? !x->name || !y->name || strcmp(x->name, y->name) : 0))
            return 0;
    return !x && !y;
}

static int same_counters(const sc_counter_op *x, const sc_counter_op *y)
{
    for (; x && y; x = x->next, y = y->next)
        if (strcmp(x->name, y->name) || x->value != y->value)
            return 0;
    return !x && !y;
}

static int same_style(const sc_style *x, const sc_style *y, int drop_print)
{
    if (!x || !y)
        return x == y;
    int same = strcmp(x->font_family, y->font_family) == 0 && x->font_size == y->font_size &&
               x->font_weight == y->font_weight && x->font_italic == y->font_italic &&
               x->line_height == y->line_height && x->text_align == y->text_align &&
               x->text_indent == y->text_indent && x->white_space_pre == y->white_space_pre &&
               memcmp(&x->color, &y->color, sizeof x->color) == 0 &&
               x->vertical_align == y->vertical_align && x->text_decoration == y->text_decoration &&
               x->display_none == y->display_none &&
               memcmp(x->margin, y->margin, sizeof x->margin) == 0 &&
               memcmp(x->padding, y->padding, sizeof x->padding) == 0 &&
               memcmp(x->border, y->border, sizeof x->border) == 0 && x->hyphens == y->hyphens &&
               x->list_style_type == y->list_style_type && x->letter_spacing == y->letter_spacing &&
               x->no_ligatures == y->no_ligatures && same_content(x->before, y->before) &&
               same_content(x->after, y->after) &&
               same_counters(x->counter_reset, y->counter_reset) &&
               same_counters(x->counter_increment, y->counter_increment) &&
               same_style(x->before_style, y->before_style, drop_print) &&
               same_style(x->after_style, y->after_style, drop_print);
    if (!drop_print)
        same = same && x->widows == y->widows && x->orphans == y->orphans &&
               x->page_break_before == y->page_break_before &&
               x->page_break_after == y->page_break_after &&
               x->page_break_inside == y->page_break_inside &&
               (x->string_set != NULL) == (y->string_set != NULL);
    return same;
}

static void test_serialize(void)
{
    sc_document *d1 = round_trip_doc(), *d2 = round_trip_doc(), *d3 = round_trip_doc();
    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *s1 = sc_stylesheet_parse(d1->arena, rich, strlen(rich), "dir/rich.css", &d);
    /* text-transform is not in the subset: one note, no warning. */
    CHECK(d.warnings == 0 && d.count == 1, "rich.css: %zu diagnostics", d.count);
    if (d.count != 1)
        print_diags(&d);
    sc_diag_clear(&d);
    sc_buf text;
    sc_buf_init(&text);
    sc_stylesheet_serialize(s1, 0, &text);
    sc_stylesheet *s2 = parse_clean(d2->arena, text.data, text.len, "dir/rich.css");
    sc_style_apply(d1, &s1, 1);
    sc_style_apply(d2, &s2, 1);
    int n = 0;
    for (sc_node *x = d1->root, *y = d2->root; x && y;
         x = sc_node_next_preorder(x, d1->root), y = sc_node_next_preorder(y, d2->root), n++)
        CHECK(same_style(x->style, y->style, 0), "node %d (%s) styled differently after the round trip",
              n, sc_node_type_name(x->type));
    /* The rules really applied (the check above cannot pass on two empty cascades). */
    sc_node *h1 = d2->root->first_child, *h2 = d2->root->last_child;
    CHECK_NEAR(h1->style->font_size, 24);
    CHECK_NEAR(h1->style->border[SC_EDGE_BOTTOM].width, 0.75);
    CHECK_INT(h1->style->page_break_before, 1);
    CHECK(h2->style->before && h2->style->before->next &&
              strcmp(h2->style->before->next->text, ". \xE2\x80\x9C") == 0,
          "escapes survive");
    sc_node *em = d2->root->first_child->next->first_child->first_child;
    CHECK_INT(em->style->font_weight, 400);        /* lighter than bold */
    CHECK_INT(em->style->text_decoration, 3);
    CHECK_NEAR(d2->root->first_child->style->padding[SC_EDGE_BOTTOM], 3); /* #a\ b */
    const sc_font_face_rule *f1 = sc_stylesheet_font_faces(s1), *f2 = sc_stylesheet_font_faces(s2);
    CHECK(f1 && f2 && strcmp(f1->family, f2->family) == 0 && strcmp(f1->src, f2->src) == 0 &&
              strcmp(f2->src, "dir/f/a.otf") == 0 && strcmp(f2->family, "Ti\"tle") == 0,
          "@font-face survives");
    sc_page_setup p1, p2;
    sc_style_page_setup_for(&s1, 1, SC_PAGE_FIRST, d1->arena, &p1);
    sc_style_page_setup_for(&s2, 1, SC_PAGE_FIRST, d2->arena, &p2);
    CHECK(p1.width == p2.width && p1.height == p2.height && p2.width > p2.height &&
              memcmp(p1.margin, p2.margin, sizeof p1.margin) == 0 &&
              p2.boxes[SC_MARGIN_BOTTOM_CENTER].content &&
              p2.boxes[SC_MARGIN_BOTTOM_CENTER].content->kind == SC_CONTENT_PAGE,
          "@page survives");
    /* Serializing the serialized text again changes nothing. */
    sc_buf again;
    sc_buf_init(&again);
    sc_stylesheet_serialize(s2, 0, &again);
    CHECK(again.len == text.len && memcmp(again.data, text.data, text.len) == 0,
          "serializing is stable:\n%s\n---\n%s", text.data, again.data);
    sc_buf_free(&again);

    /* drop_print: no @page, no breaks, widows, orphans or string-set; the rest the same. */
    sc_buf epub;
    sc_buf_init(&epub);
    sc_stylesheet_serialize(s1, 1, &epub);
    static const char *const gone[] = {"@page", "page-break", "break-after", "break-inside",
                                       "widows", "orphans", "string-set", "bottom-center"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        CHECK(!strstr(epub.data, gone[i]), "drop_print kept '%s':\n%s", gone[i], epub.data);
    CHECK(strstr(epub.data, "@font-face") && strstr(epub.data, "counter-reset") &&
              strstr(epub.data, "h2::before"),
          "drop_print keeps the rest:\n%s", epub.data);
    sc_stylesheet *s3 = parse_clean(d3->arena, epub.data, epub.len, "epub.css");
    CHECK_INT(s3->npages, 0);
    sc_style_apply(d3, &s3, 1);
    n = 0;
    for (sc_node *x = d1->root, *y = d3->root; x && y;
         x = sc_node_next_preorder(x, d1->root), y = sc_node_next_preorder(y, d3->root), n++)
        CHECK(same_style(x->style, y->style, 1), "node %d (%s) differs in the EPUB sheet", n,
              sc_node_type_name(x->type));
    CHECK_INT(d3->root->first_child->style->page_break_before, 0);
    sc_buf_free(&epub);

    /* An empty sheet serializes to an empty string, not NULL. */
    sc_buf empty;
    sc_buf_init(&empty);
    sc_stylesheet_serialize(parse_clean(d3->arena, "", 0, "e.css"), 1, &empty);
    CHECK(empty.data && empty.len == 0, "empty sheet");
    sc_buf_free(&empty);
    sc_buf_free(&text);
    sc_document_free(d1);
    sc_document_free(d2);
    sc_document_free(d3);
}

int main(void)
{
    test_page_kinds();
    test_font_faces();
    test_serialize();
    return check_report("test_style_paged");
}
