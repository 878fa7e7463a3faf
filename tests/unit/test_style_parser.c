/* Unit test: the parser's error recovery (a broken stylesheet gives warnings with
 * file:line:column, and its valid rules still apply) and the bundled default.css (no
 * warnings; the computed values it promises). argv[1] is styles/default.css. */
#include <stdlib.h>

#include "base/buf.h"
#include "model/doc.h"
#include "style/css.h"
#include "test_style_check.h"

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

/* Is there a warning at line:column whose message contains `text`? */
static void expect_warning(const sc_diag_list *d, int line, int column, const char *text)
{
    for (size_t i = 0; i < d->count; i++) {
        const sc_diag *g = &d->items[i];
        if (g->severity == SC_WARNING && g->line == line && g->column == column &&
            strstr(g->message, text))
            return;
    }
    CHECK(0, "no warning \"%s\" at %d:%d", text, line, column);
}

/* Is there a note whose message is `text`? */
static void expect_note(const sc_diag_list *d, const char *text)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == SC_NOTE && strcmp(d->items[i].message, text) == 0)
            return;
    CHECK(0, "no note \"%s\"", text);
}

static const char broken[] =
    "p { color: red; font-size: ; foo: bar; margin: 1em }\n"                        /* 1 */
    "h1 {{ color: blue } font-weight: 300 }\n"                                       /* 2 */
    "@media print { p { color: blue } }\n"                                           /* 3 */
    "div > { color: blue }\n"                                                         /* 4 */
    "em::marker { color: green } li:last-child { color: green }\n"                   /* 5 */
    "p { color: red !important; color: blue ! important; color: green }\n"           /* 6 */
    "h2 { font-size: -3pt; line-height: 1.2.3; text-align: middle; margin: 1px 2px 3px 4px 5px }\n"
    "blockquote { font-family: \"Noto Serif; color: green }\n"                       /* 8 */
    "}\n"                                                                             /* 9 */
    "strong { color: #00f; width: 3px";                                               /* 10 */

/* The issue 3 syntax, for the mutations. */
static const char issue3[] =
    "@font-face { font-family: \"A B\"; src: local(x), url(a.ttf) format('truetype'); font-weight: 700 }\n"
    "p[title]:first-child::before, a[href^='h'] > em:after { content: counter(c, lower-roman) "
    "\". \" counters(d, '.') attr(title) open-quote string(s) content(); color: #123 }\n"
    "h1 { counter-reset: c 2 d; counter-increment: c -1; string-set: s content() \" \" attr(id);"
    " break-before: right; page-break-inside: avoid; hyphens: auto; letter-spacing: 0.1em }\n"
    "div { border: 1px dashed red; border-left: thick double; border-width: 1pt 2pt;"
    " list-style: none inside; list-style-type: upper-alpha; font-variant-ligatures: none }\n"
    "@page :first { margin: 1cm; @top-center { content: string(s, first) counter(page) "
    "counter(pages); font: italic 8pt serif } @bottom-right { content: 'x' } @left-top { } }\n"
    "@page :left :blank { size: B5 landscape; @bottom-left { content: counter(page, upper-roman) } }\n";

static void test_broken(void)
{
    sc_document *doc = sc_document_new("x.md");
    sc_node *p = add(doc, doc->root, SC_NODE_PARAGRAPH);
    sc_node *strong = add(doc, p, SC_NODE_STRONG);
    sc_node *h1 = add(doc, doc->root, SC_NODE_HEADING);
    h1->level = 1;
    sc_node *h2 = add(doc, doc->root, SC_NODE_HEADING);
    h2->level = 2;
    sc_node *bq = add(doc, doc->root, SC_NODE_BLOCKQUOTE);
    sc_node *bq_p = add(doc, bq, SC_NODE_PARAGRAPH);
    sc_node *em = add(doc, bq_p, SC_NODE_EMPH);

    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *sheet = sc_stylesheet_parse(doc->arena, broken, strlen(broken), "broken.css", &d);
    CHECK(sheet != NULL, "a broken sheet still parses");
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 13);
    expect_warning(&d, 1, 17, "invalid value for 'font-size'");
    expect_note(&d, "unknown property 'foo' (broken.css:1:30)");
    expect_warning(&d, 2, 5, "expected a declaration");
    expect_warning(&d, 3, 1, "unsupported at-rule @media");
    expect_warning(&d, 4, 5, "selector ends with a combinator");
    expect_warning(&d, 5, 3, "pseudo-element '::marker'");
    expect_warning(&d, 5, 31, "pseudo-class ':last-child'");
    expect_warning(&d, 7, 6, "invalid value for 'font-size'");
    expect_warning(&d, 7, 23, "invalid value for 'line-height'");
    expect_warning(&d, 7, 43, "invalid value for 'text-align'");
    expect_warning(&d, 7, 63, "invalid value for 'margin'");
    expect_warning(&d, 8, 27, "newline inside a string");
    expect_warning(&d, 8, 14, "invalid value for 'font-family'");
    expect_warning(&d, 10, 8, "unclosed block");
    expect_note(&d, "unknown property 'width' (broken.css:10:23)");
    for (size_t i = 0; i < d.count; i++) {
        if (d.items[i].severity == SC_NOTE)
            continue; /* notes carry their position in the message */
        CHECK_STR(d.items[i].file, "broken.css");
        CHECK(d.items[i].line > 0 && d.items[i].column > 0, "warning without a position: %s",
              d.items[i].message);
    }
    if (check_failures)
        print_diags(&d);
    sc_diag_clear(&d);

    sc_style_apply(doc, &sheet, 1);
    /* The valid declarations around the broken ones still apply. */
    CHECK_NEAR(p->style->color.r, 0);          /* "! important" (with a space) is important */
    CHECK_NEAR(p->style->color.b, 1);          /* too, and comes later than red !important */
    CHECK_NEAR(p->style->margin[SC_EDGE_TOP], 11);
    CHECK_NEAR(p->style->font_size, 11);
    CHECK_NEAR(strong->style->color.b, 1);     /* the rule cut off by the end of the sheet */
    CHECK_NEAR(strong->style->color.r, 0);
    CHECK_INT(h1->style->font_weight, 700);    /* the broken h1 rule set nothing */
    CHECK_NEAR(h1->style->color.b, 0);
    CHECK_NEAR(h2->style->font_size, 16.5);    /* UA 1.5em; -3pt was dropped */
    CHECK_INT(h2->style->text_align, SC_ALIGN_LEFT);
    CHECK_NEAR(h2->style->margin[SC_EDGE_LEFT], 0);
    CHECK_STR(bq->style->font_family, "serif");
    CHECK_NEAR(bq->style->color.g, 0);
    CHECK_NEAR(em->style->color.g, 0);         /* em::before did not become em */
    sc_document_free(doc);
}

static void test_default_css(const char *path)
{
    sc_buf css;
    sc_buf_init(&css);
    if (sc_buf_read_file(&css, path, 1 << 20) != 0) {
        CHECK(0, "cannot read %s", path);
        return;
    }
    sc_document *doc = sc_document_new("x.md");
    sc_node *body = doc->root;
    sc_node *h1 = add(doc, body, SC_NODE_HEADING);
    h1->level = 1;
    sc_node *h2 = add(doc, body, SC_NODE_HEADING);
    h2->level = 2;
    sc_node *p = add(doc, body, SC_NODE_PARAGRAPH);
    sc_node *code = add(doc, p, SC_NODE_CODE);
    sc_node *pre = add(doc, body, SC_NODE_CODE_BLOCK);
    sc_node *bq = add(doc, body, SC_NODE_BLOCKQUOTE);
    sc_node *ul = add(doc, body, SC_NODE_LIST);
    sc_node *li = add(doc, ul, SC_NODE_ITEM);
    sc_node *li_p = add(doc, li, SC_NODE_PARAGRAPH);
    sc_node *table = add(doc, body, SC_NODE_TABLE);
    sc_node *tr = add(doc, table, SC_NODE_TABLE_ROW);
    tr->is_header = 1;
    sc_node *th = add(doc, tr, SC_NODE_TABLE_CELL);
    sc_node *aside = add(doc, body, SC_NODE_FOOTNOTE_DEF);
    sc_node *sup = add(doc, p, SC_NODE_SUP);

    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *sheet = sc_stylesheet_parse(doc->arena, css.data, css.len, path, &d);
    CHECK(d.count == 0, "default.css gives %zu diagnostics", d.count);
    print_diags(&d);
    sc_diag_clear(&d);
    sc_buf_free(&css);

    sc_style_apply(doc, &sheet, 1);
    const sc_style *s = body->style;
    CHECK_STR(s->font_family, "\"Noto Serif\", serif");
    CHECK_NEAR(s->font_size, 11);
    CHECK_NEAR(s->line_height, 15.4);
    CHECK_INT(s->text_align, SC_ALIGN_JUSTIFY);
    CHECK_INT(s->widows, 2);

    CHECK_NEAR(p->style->margin[SC_EDGE_TOP], 0);
    CHECK_NEAR(p->style->margin[SC_EDGE_BOTTOM], 6.6);
    CHECK_NEAR(p->style->text_indent, 0);
    CHECK_INT(p->style->text_align, SC_ALIGN_JUSTIFY);

    CHECK_STR(h1->style->font_family, "\"Noto Sans\", sans-serif");
    CHECK_INT(h1->style->font_weight, 700);
    CHECK_INT(h1->style->text_align, SC_ALIGN_LEFT);
    CHECK_INT(h1->style->page_break_after, -1);
    CHECK(h1->style->font_size > h2->style->font_size && h2->style->font_size > 11,
          "heading sizes %.1f > %.1f > 11", h1->style->font_size, h2->style->font_size);

    CHECK_STR(pre->style->font_family, "\"Noto Sans Mono\", monospace");
    CHECK_NEAR(pre->style->font_size, 9);
    CHECK_INT(pre->style->white_space_pre, 1);
    CHECK_INT(pre->style->text_align, SC_ALIGN_LEFT);
    CHECK_STR(code->style->font_family, "\"Noto Sans Mono\", monospace");
    CHECK_INT(code->style->white_space_pre, 0);

    CHECK(bq->style->margin[SC_EDGE_LEFT] > 0 && bq->style->margin[SC_EDGE_RIGHT] > 0,
          "blockquote indented on both sides");
    CHECK(ul->style->padding[SC_EDGE_LEFT] > 0, "lists indented");
    CHECK(li_p->style->margin[SC_EDGE_BOTTOM] < p->style->margin[SC_EDGE_BOTTOM],
          "paragraphs in list items are closer");
    CHECK_INT(th->style->font_weight, 700);
    CHECK(aside->style->font_size < 11, "footnotes are smaller");
    CHECK_INT(sup->style->vertical_align, 1);

    sc_page_setup ps;
    sc_style_page_setup(&sheet, 1, &ps);
    CHECK_NEAR(ps.width, 595.276);
    CHECK_NEAR(ps.height, 841.89);
    for (int e = 0; e < 4; e++)
        CHECK_NEAR(ps.margin[e], 2.5 * 72 / 2.54);
    sc_document_free(doc);
}

/* A style="" attribute for the mutations' paragraph: valid, unknown, broken in turn. */
static const char *inline_style(int round)
{
    static const char *const pieces[] = {"color: red; foo: 1", "border: 1px solid; content: 'x'",
                                         "font-size: ; margin: 1em 2em !important", "}{;:"};
    return pieces[round % 4];
}

/* Deterministic mutations of a sheet (bytes replaced, inserted, cut) must never crash, never
 * give errors (only warnings, each with a position), and always leave usable styles; what the
 * sheet kept, serialized, must parse again without any diagnostic. Run under
 * ASan+UBSan this is the memory-safety test of the tokenizer, parser and cascade. */
static void test_mutations(const char *base)
{
    static const char alphabet[] = "{}();:,\"'\\/*@#.!-+% \n\r\t0123456789aepxu<>[]~|=\xC3\xA9\xFF\x00";
    unsigned seed = 12345;
    size_t base_len = strlen(base);
    char *buf = malloc(base_len + 64);
    for (int round = 0; round < 3000; round++) {
        memcpy(buf, base, base_len);
        size_t len = base_len;
        int edits = 1 + round % 8;
        for (int e = 0; e < edits && len > 0; e++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % len;
            char c = alphabet[(seed >> 20) % (sizeof alphabet - 1)];
            switch ((seed >> 4) % 3) {
            case 0: buf[at] = c; break;
            case 1:
                memmove(buf + at + 1, buf + at, len - at);
                buf[at] = c;
                len++;
                break;
            default: len = at + (len - at) / 2; break;
            }
        }
        sc_document *doc = sc_document_new("m.md");
        sc_node *p = add(doc, doc->root, SC_NODE_PARAGRAPH);
        sc_node_add_attr(doc, p, "title", "t");
        p->style_attr = inline_style(round);
        add(doc, p, SC_NODE_STRONG);
        sc_node *h = add(doc, doc->root, SC_NODE_HEADING);
        h->level = 2;
        sc_diag_list d;
        sc_diag_init(&d);
        sc_stylesheet *sheet = sc_stylesheet_parse(doc->arena, buf, len, "m.css", &d);
        CHECK(d.errors == 0, "round %d: %zu errors", round, d.errors);
        for (size_t i = 0; i < d.count; i++)
            CHECK(d.items[i].severity == SC_NOTE ||
                      (d.items[i].line >= 1 && d.items[i].column >= 1 && d.items[i].offset >= 0 &&
                       (size_t)d.items[i].offset <= len),
                  "round %d: warning at %d:%d offset %ld", round, d.items[i].line,
                  d.items[i].column, d.items[i].offset);
        sc_diag_clear(&d);
        sc_style_apply(doc, &sheet, 1);
        for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
            const sc_style *s = n->style;
            CHECK(s && s->font_size >= 0 && s->font_size <= 2000 && s->line_height >= 0 &&
                      s->widows >= 1 && s->orphans >= 1 && s->font_family,
                  "round %d: unusable style", round);
        }
        sc_page_setup ps;
        sc_style_page_setup_for(&sheet, 1, SC_PAGE_FIRST | SC_PAGE_LEFT, doc->arena, &ps);
        for (int b = 0; b < SC_MARGIN_BOX_COUNT; b++)
            CHECK(!ps.boxes[b].content || (ps.boxes[b].style && ps.boxes[b].style->font_size > 0),
                  "round %d: margin box %d without a style", round, b);
        /* What the sheet kept, written back, parses again without a word. */
        sc_buf text;
        sc_buf_init(&text);
        sc_stylesheet_serialize(sheet, round & 1, &text);
        sc_diag_init(&d);
        sc_stylesheet_parse(doc->arena, text.data, text.len, "m2.css", &d);
        CHECK(d.count == 0, "round %d: the serialized sheet gave %zu diagnostics:\n%s", round,
              d.count, text.data);
        if (d.count)
            print_diags(&d);
        sc_diag_clear(&d);
        sc_buf_free(&text);
        sc_style_page_setup(&sheet, 1, &ps);
        CHECK(ps.width >= 1 && ps.height >= 1 &&
                  ps.width - ps.margin[SC_EDGE_LEFT] - ps.margin[SC_EDGE_RIGHT] > 0 &&
                  ps.height - ps.margin[SC_EDGE_TOP] - ps.margin[SC_EDGE_BOTTOM] > 0,
              "round %d: page %gx%g has no room", round, ps.width, ps.height);
        sc_document_free(doc);
        if (check_failures > 20)
            break;
    }
    free(buf);
}

/* Values far outside anything sensible are held to bounds instead of reaching the layout. */
static void test_absurd_values(void)
{
    static const char css[] =
        "@page { size: 1e30pt 1e30pt; margin: 1e30pt }\n"
        "body { font-size: 1e30pt; line-height: 1e30 }\n"
        "p { font-size: 1000em; margin: -1e30pt 1e30% 0 0; padding: 1e38pt; text-indent: 1e39pt }\n";
    sc_document *doc = sc_document_new("x.md");
    sc_node *p = add(doc, doc->root, SC_NODE_PARAGRAPH);
    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *sheet = sc_stylesheet_parse(doc->arena, css, strlen(css), "absurd.css", &d);
    CHECK_INT(d.count, 0);
    sc_diag_clear(&d);
    sc_style_apply(doc, &sheet, 1);
    const sc_style *s = p->style;
    CHECK(s->font_size <= 2000 && s->line_height <= 20000 && s->margin[SC_EDGE_TOP] >= -20000 &&
              s->margin[SC_EDGE_RIGHT] <= 20000 && s->padding[SC_EDGE_LEFT] <= 20000 &&
              s->text_indent <= 20000,
          "font %g line %g margin %g %g padding %g indent %g", s->font_size, s->line_height,
          s->margin[SC_EDGE_TOP], s->margin[SC_EDGE_RIGHT], s->padding[SC_EDGE_LEFT], s->text_indent);
    sc_page_setup ps;
    sc_style_page_setup(&sheet, 1, &ps);
    CHECK(ps.width <= 14400 && ps.height <= 14400 &&
              ps.width - ps.margin[SC_EDGE_LEFT] - ps.margin[SC_EDGE_RIGHT] > 0,
          "page %g x %g, margins %g %g", ps.width, ps.height, ps.margin[SC_EDGE_LEFT],
          ps.margin[SC_EDGE_RIGHT]);
    sc_document_free(doc);
}

int main(int argc, char **argv)
{
    test_broken();
    test_absurd_values();
    test_mutations(broken);
    test_mutations(issue3);
    if (argc < 2) {
        fprintf(stderr, "usage: test_style_parser styles/default.css\n");
        return 2;
    }
    test_default_css(argv[1]);
    return check_report("test_style_parser");
}
