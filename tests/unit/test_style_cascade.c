/* Unit test: selectors, specificity, cascade order (origin, !important, specificity, source
 * order, sheet order), inheritance (line-height numbers vs lengths), em/rem/% units, style
 * sharing, on a small document built by hand. */
#include <stdlib.h>

#include "model/doc.h"
#include "style/css.h"
#include "test_style_check.h"

static sc_node *add(sc_document *doc, sc_node *parent, sc_node_type type)
{
    sc_node *n = sc_node_new(doc, type);
    sc_node_append(parent, n);
    return n;
}

static sc_node *add_text(sc_document *doc, sc_node *parent, const char *text)
{
    sc_node *n = add(doc, parent, SC_NODE_TEXT);
    sc_node_set_text(doc, n, text, strlen(text));
    return n;
}

static sc_stylesheet *parse(sc_document *doc, const char *css, const char *name)
{
    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *s = sc_stylesheet_parse(doc->arena, css, strlen(css), name, &d);
    for (size_t i = 0; i < d.count; i++) {
        char *m = sc_diag_format(&d.items[i]);
        fprintf(stderr, "unexpected diagnostic: %s\n", m);
        free(m);
    }
    CHECK_INT(d.count, 0);
    sc_diag_clear(&d);
    return s;
}

static const char sheet_a[] =
    "html { font-size: 10pt }\n"
    "body { font-size: 12pt; line-height: 1.5; color: #333; font-family: Noto Serif, 'Noto Sans', serif }\n"
    "p { margin: 0 0 1em; text-indent: 2em; color: blue; text-align: right }\n"
    "p { text-align: center }\n"                       /* later, same specificity: wins */
    ".note { color: #ff0000 }\n"
    "p.note { color: rgb(0, 128, 0) }\n"               /* (0,1,1) beats (0,1,0) and p */
    ".lead { text-indent: 3em }\n"
    "#top { font-size: 24pt; margin-top: 2rem }\n"
    "h1 { font-size: 10pt !important; margin-top: 5pt }\n" /* important beats the id rule */
    "blockquote { line-height: 18pt; margin: 1em 2em }\n"
    "blockquote p { font-size: 80%; margin: 0 }\n"
    "body > p { margin-left: 1cm }\n"
    "ul > li > p { line-height: 150% }\n"
    "li p em { font-weight: bolder; text-decoration: underline }\n"
    "ol p { font-size: larger }\n"
    "aside { display: none; font: italic bold 9pt/1.2 \"Noto Sans\", sans-serif }\n"
    "pre { font-size: 9pt; padding: 2pt 4pt; white-space: pre-wrap }\n"
    "em, strong { color: currentcolor }\n"
    "del { text-decoration: line-through }\n";

static const char sheet_b[] =
    "p { text-indent: 0 }\n"          /* later sheet, equal specificity: wins over sheet A's p */
    "p { color: black !important }\n" /* important beats any specificity */
    "body { font-size: 12pt }\n";

/* Specificity as (ids << 16 | classes << 8 | types), for each selector of a list. */
static void test_specificity(void)
{
    static const struct { const char *selector; unsigned want; } cases[] = {
        {"*", 0},
        {"p", 1},
        {"body p", 2},
        {"ul > li > p", 3},
        {".a", 1 << 8},
        {"p.a.b", 2 << 8 | 1},
        {"#x", 1 << 16},
        {"#x p.a em", 1 << 16 | 1 << 8 | 2},
        {":root", 1 << 8},
        {"*.a > * #y", 1 << 16 | 1 << 8},
        {"H1", 1},
    };
    sc_arena *a = sc_arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char css[128];
        snprintf(css, sizeof css, "%s, p { color: red }", cases[i].selector);
        sc_diag_list d;
        sc_diag_init(&d);
        sc_stylesheet *s = sc_stylesheet_parse(a, css, strlen(css), "spec.css", &d);
        CHECK(d.count == 0 && s->nrules == 1 && s->rules[0].nselectors == 2, "%s: did not parse",
              cases[i].selector);
        if (s->nrules == 1 && s->rules[0].nselectors == 2) {
            CHECK(s->rules[0].selectors[0].specificity == cases[i].want, "%s: specificity %06x, want %06x",
                  cases[i].selector, s->rules[0].selectors[0].specificity, cases[i].want);
            CHECK_INT(s->rules[0].selectors[1].specificity, 1);
        }
        sc_diag_clear(&d);
    }
    sc_arena_free(a);
}

int main(void)
{
    test_specificity();

    sc_document *doc = sc_document_new("cascade.md");
    sc_node *body = doc->root;
    sc_node *h1 = add(doc, body, SC_NODE_HEADING);
    h1->level = 1;
    h1->id = "top";
    sc_node *h1_text = add_text(doc, h1, "Title");
    sc_node *p1 = add(doc, body, SC_NODE_PARAGRAPH);
    p1->class_name = "lead  note";
    add_text(doc, p1, "Lead ");
    sc_node *p1_soft = add(doc, p1, SC_NODE_SOFT_BREAK);
    sc_node *p1_em = add(doc, p1, SC_NODE_EMPH);
    add_text(doc, p1_em, "emphasis");
    sc_node *p2 = add(doc, body, SC_NODE_PARAGRAPH);
    add_text(doc, p2, "Second");
    sc_node *p3 = add(doc, body, SC_NODE_PARAGRAPH);
    add_text(doc, p3, "Third");
    sc_node *bq = add(doc, body, SC_NODE_BLOCKQUOTE);
    sc_node *bq_p = add(doc, bq, SC_NODE_PARAGRAPH);
    sc_node *bq_strong = add(doc, bq_p, SC_NODE_STRONG);
    add_text(doc, bq_strong, "strong");
    sc_node *ul = add(doc, body, SC_NODE_LIST);
    sc_node *li = add(doc, ul, SC_NODE_ITEM);
    sc_node *li_p = add(doc, li, SC_NODE_PARAGRAPH);
    sc_node *li_em = add(doc, li_p, SC_NODE_EMPH);
    sc_node *li_del = add(doc, li_em, SC_NODE_STRIKE);
    add_text(doc, li_del, "x");
    sc_node *ol = add(doc, body, SC_NODE_LIST);
    ol->list_ordered = 1;
    sc_node *ol_li = add(doc, ol, SC_NODE_ITEM);
    sc_node *ol_p = add(doc, ol_li, SC_NODE_PARAGRAPH);
    sc_node *pre = add(doc, body, SC_NODE_CODE_BLOCK);
    sc_node *fn = add(doc, body, SC_NODE_FOOTNOTE_DEF);
    sc_node *fn_p = add(doc, fn, SC_NODE_PARAGRAPH);

    sc_stylesheet *sheets[2] = {parse(doc, sheet_a, "a.css"), parse(doc, sheet_b, "b.css")};
    sc_style_apply(doc, sheets, 2);

    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        CHECK(n->style != NULL, "node %s has no style", sc_node_type_name(n->type));

    const sc_style *s = body->style;
    CHECK_NEAR(s->font_size, 12);
    CHECK_NEAR(s->line_height, 18);
    CHECK_STR(s->font_family, "\"Noto Serif\", \"Noto Sans\", serif");
    CHECK_NEAR(s->color.r, 0x33 / 255.0);
    CHECK_INT(s->widows, 2);
    CHECK_INT(s->orphans, 2);
    CHECK_INT(s->font_weight, 400);

    /* h1: !important 10pt beats #top's 24pt; margin-top from #top (id beats type): 2rem, and
     * rem is the html element's 10pt, not body's 12pt. UA sheet: bold. */
    s = h1->style;
    CHECK_NEAR(s->font_size, 10);
    CHECK_NEAR(s->margin[SC_EDGE_TOP], 20);
    CHECK_INT(s->font_weight, 700);
    CHECK_NEAR(s->line_height, 15); /* the number 1.5 inherited, times its own 10pt */
    CHECK(h1_text->style == h1->style, "text shares its element's style");

    /* p.lead.note: colour from p.note (highest specificity) loses to sheet B's !important black. */
    s = p1->style;
    CHECK_NEAR(s->color.r, 0);
    CHECK_NEAR(s->color.g, 0);
    CHECK_NEAR(s->color.b, 0);
    CHECK_INT(s->text_align, SC_ALIGN_CENTER);
    CHECK_NEAR(s->text_indent, 36);          /* .lead 3em beats sheet B's p (specificity first) */
    CHECK_NEAR(s->margin[SC_EDGE_BOTTOM], 12); /* 1em of its own 12pt */
    CHECK_NEAR(s->margin[SC_EDGE_LEFT], 72 / 2.54);
    CHECK_NEAR(s->margin[SC_EDGE_TOP], 0);
    CHECK(p1_soft->style == p1->style, "soft break shares its element's style");
    CHECK_INT(p1_em->style->font_italic, 1);
    CHECK_NEAR(p1_em->style->color.r, 0); /* currentcolor = the inherited colour */
    CHECK_NEAR(p1_em->style->margin[SC_EDGE_BOTTOM], 0); /* margins do not inherit */

    /* p2: sheet B's text-indent 0 beats sheet A's p at equal specificity. */
    CHECK_NEAR(p2->style->text_indent, 0);
    CHECK(p3->style == p2->style, "identical siblings share one computed style");
    CHECK(p1->style != p2->style, "different classes give different styles");

    /* Blockquote: line-height as a length is inherited as that length, whatever the font size. */
    CHECK_NEAR(bq->style->line_height, 18);
    CHECK_NEAR(bq->style->margin[SC_EDGE_LEFT], 24);
    CHECK_NEAR(bq_p->style->font_size, 9.6);
    CHECK_NEAR(bq_p->style->line_height, 18);
    CHECK_NEAR(bq_p->style->margin[SC_EDGE_LEFT], 0); /* body > p does not reach it */
    CHECK_INT(bq_strong->style->font_weight, 700);
    CHECK_NEAR(bq_strong->style->line_height, 18);

    /* ul > li > p: 150% computes to a length (18pt) at the p, and em below inherits 18pt. */
    CHECK_NEAR(li_p->style->line_height, 18);
    CHECK_NEAR(li_em->style->line_height, 18);
    CHECK_INT(li_em->style->font_weight, 700); /* bolder than 400 */
    CHECK_INT(li_em->style->text_decoration, 1);
    CHECK_INT(li_del->style->text_decoration, 3); /* underline propagates, line-through adds */
    CHECK_INT(li_p->style->text_decoration, 0);

    /* ol p: larger = 1.2 x parent; line-height number 1.5 follows the new size. */
    CHECK_NEAR(ol_p->style->font_size, 14.4);
    CHECK_NEAR(ol_p->style->line_height, 21.6);

    /* pre: UA monospace; white-space pre-wrap keeps spaces; padding shorthand. */
    s = pre->style;
    CHECK_STR(s->font_family, "monospace");
    CHECK_INT(s->white_space_pre, 1);
    CHECK_NEAR(s->padding[SC_EDGE_TOP], 2);
    CHECK_NEAR(s->padding[SC_EDGE_RIGHT], 4);
    CHECK_NEAR(s->padding[SC_EDGE_BOTTOM], 2);
    CHECK_NEAR(s->padding[SC_EDGE_LEFT], 4);
    CHECK_NEAR(s->margin[SC_EDGE_TOP], 9); /* UA: 1em 0, of its own 9pt */

    /* aside: display none reaches its descendants; the font shorthand sets all its parts. */
    s = fn->style;
    CHECK_INT(s->display_none, 1);
    CHECK_INT(fn_p->style->display_none, 1);
    CHECK_INT(s->font_italic, 1);
    CHECK_INT(s->font_weight, 700);
    CHECK_NEAR(s->font_size, 9);
    CHECK_NEAR(s->line_height, 10.8);
    CHECK_STR(s->font_family, "\"Noto Sans\", sans-serif");
    CHECK_INT(p2->style->display_none, 0);

    sc_document_free(doc);

    /* Without any sheet: the project's initial values and the UA sheet. */
    doc = sc_document_new("bare.txt");
    sc_node *p = add(doc, doc->root, SC_NODE_PARAGRAPH);
    sc_node *em = add(doc, p, SC_NODE_EMPH);
    sc_node *sup = add(doc, p, SC_NODE_SUP);
    sc_style_apply(doc, NULL, 0);
    s = doc->root->style;
    CHECK_NEAR(s->font_size, 11);
    CHECK_NEAR(s->line_height, 15.4);
    CHECK_STR(s->font_family, "serif");
    CHECK_INT(s->text_align, SC_ALIGN_LEFT);
    CHECK_NEAR(s->color.r + s->color.g + s->color.b, 0);
    CHECK_NEAR(p->style->margin[SC_EDGE_TOP], 11);
    CHECK_INT(em->style->font_italic, 1);
    CHECK_INT(sup->style->vertical_align, 1);
    /* sup keeps the parent's size: the layout sets it at 0.7 of it (layout/inline.h). */
    CHECK_NEAR(sup->style->font_size, 11);
    sc_document_free(doc);

    /* Class words match whole words only; :root is the html element; of a selector list the
     * most specific matching selector counts; element names match in any case. */
    doc = sc_document_new("classes.md");
    sc_node *a = add(doc, doc->root, SC_NODE_PARAGRAPH);
    a->class_name = "leader x";
    sc_node *b = add(doc, doc->root, SC_NODE_PARAGRAPH);
    b->class_name = "\tlead\n";
    sc_node *h = add(doc, doc->root, SC_NODE_HEADING);
    h->level = 3;
    h->id = "sec";
    sc_stylesheet *sheet = parse(doc, ":root { font-size: 8pt }\n"
                                      "BODY { font-size: 2rem }\n"
                                      ".lead { text-indent: 1pt }\n"
                                      "#sec, h3 { text-indent: 5pt }\n"
                                      ".x.y, p.x { text-indent: 7pt }\n"
                                      "h3.foo, #sec { text-align: right }\n"
                                      "h3 { text-indent: 6pt; text-align: center }\n", "c.css");
    sc_style_apply(doc, &sheet, 1);
    CHECK_NEAR(doc->root->style->font_size, 16);
    CHECK_NEAR(a->style->text_indent, 7);  /* p.x matched; .lead did not (leader) */
    CHECK_NEAR(b->style->text_indent, 1);  /* tab and newline separate class words */
    CHECK_NEAR(h->style->text_indent, 5);  /* #sec's specificity, not h3's, counts for the list */
    CHECK_INT(h->style->text_align, SC_ALIGN_RIGHT);
    sc_document_free(doc);

    return check_report("test_style_cascade");
}
