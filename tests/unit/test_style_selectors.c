/* Unit test (issue 3): attribute, :first-child and ::before/::after selectors with their
 * specificity; inline style="" winning over selectors; borders; list-style-type inheritance;
 * hyphens, letter-spacing, ligatures, breaks; generated content (strings, counter(), counters(),
 * attr()), counter-reset/increment and string-set; the unknown-property note (once per name). */
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

static void add_text(sc_document *doc, sc_node *parent, const char *text)
{
    sc_node *n = add(doc, parent, SC_NODE_TEXT);
    sc_node_set_text(doc, n, text, strlen(text));
}

static void print_diags(const sc_diag_list *d)
{
    for (size_t i = 0; i < d->count; i++) {
        char *m = sc_diag_format(&d->items[i]);
        fprintf(stderr, "  %s\n", m);
        free(m);
    }
}

static sc_stylesheet *parse_clean(sc_document *doc, const char *css, const char *name)
{
    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *s = sc_stylesheet_parse(doc->arena, css, strlen(css), name, &d);
    CHECK(d.count == 0, "%s: %zu unexpected diagnostics", name, d.count);
    if (d.count)
        print_diags(&d);
    sc_diag_clear(&d);
    return s;
}

static void test_specificity(void)
{
    static const struct { const char *selector; unsigned want; int pseudo; } cases[] = {
        {"[title]", 1 << 8, SC_PSEUDO_NONE},
        {"a[href]", 1 << 8 | 1, SC_PSEUDO_NONE},
        {"a[href='x'][title]", 2 << 8 | 1, SC_PSEUDO_NONE},
        {"p:first-child", 1 << 8 | 1, SC_PSEUDO_NONE},
        {"li:first-child > p", 1 << 8 | 2, SC_PSEUDO_NONE},
        {"p::before", 2, SC_PSEUDO_BEFORE},
        {"p:after", 2, SC_PSEUDO_AFTER},
        {"h2.x::after", 1 << 8 | 2, SC_PSEUDO_AFTER},
        {"#id[lang|=vi]::before", 1 << 16 | 1 << 8 | 1, SC_PSEUDO_BEFORE},
        {"[class~=a]", 1 << 8, SC_PSEUDO_NONE},
        {"section > p", 2, SC_PSEUDO_NONE},
        {"h2 + p", 2, SC_PSEUDO_NONE},
        {"h2+p", 2, SC_PSEUDO_NONE},
        {"h2 ~ p", 2, SC_PSEUDO_NONE},
        {"p.title~p.x::before", 2 << 8 | 3, SC_PSEUDO_BEFORE},
        {"section > h1 + p ~ ul li", 5, SC_PSEUDO_NONE},
    };
    sc_arena *a = sc_arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sc_diag_list d;
        sc_diag_init(&d);
        char css[160];
        snprintf(css, sizeof css, "%s { color: red }", cases[i].selector);
        sc_stylesheet *s = sc_stylesheet_parse(a, css, strlen(css), "spec.css", &d);
        CHECK(d.count == 0 && s->nrules == 1, "%s: did not parse", cases[i].selector);
        if (s->nrules == 1) {
            CHECK(s->rules[0].selectors[0].specificity == cases[i].want,
                  "%s: specificity %06x, want %06x", cases[i].selector,
                  s->rules[0].selectors[0].specificity, cases[i].want);
            CHECK_INT(s->rules[0].selectors[0].pseudo, cases[i].pseudo);
        }
        sc_diag_clear(&d);
    }
    /* Invalid selectors drop their rule with a warning at the offending place. */
    static const struct { const char *css; int column; const char *text; } bad[] = {
        {"p::before em { color: red }", 10, "pseudo-element must end"},
        {"p::before.x { color: red }", 10, "nothing may follow a pseudo-element"},
        {"[=x] { color: red }", 1, "invalid attribute selector"},
        {"a[href~x] { color: red }", 2, "invalid attribute selector"},
        {"p::first-line { color: red }", 2, "pseudo-element '::first-line'"},
        {"h2 + { color: red }", 4, "ends with a combinator"},
        {"h2 ~ > p { color: red }", 6, "expected a selector"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sc_diag_list d;
        sc_diag_init(&d);
        sc_stylesheet *s = sc_stylesheet_parse(a, bad[i].css, strlen(bad[i].css), "bad.css", &d);
        CHECK(s->nrules == 0, "%s: kept", bad[i].css);
        CHECK(d.warnings == 1 && d.items[0].line == 1 && d.items[0].column == bad[i].column &&
                  strstr(d.items[0].message, bad[i].text),
              "%s: want one warning at 1:%d with \"%s\"", bad[i].css, bad[i].column, bad[i].text);
        if (check_failures)
            print_diags(&d);
        sc_diag_clear(&d);
    }
    sc_arena_free(a);
}

static const char sheet[] =
    "p { color: black }\n"
    "p:first-child { color: #00f }\n"                     /* (0,1,1) beats p */
    "section > p { letter-spacing: 0.1em }\n"
    "[data-note] { font-style: italic }\n"
    "p[data-note=\"yes\"] { font-weight: bold }\n"
    "a[href] { color: #f00 }\n"
    "a[href^='https:'] { text-decoration: underline }\n"
    "img[src$='.png'] { margin-top: 3pt }\n"
    "p[id=intro] { text-indent: 1em }\n"                  /* id and class are attributes too */
    "p[class~=lead] { text-align: center }\n"
    "#intro { color: #0f0 }\n"                            /* (1,0,0) beats p:first-child */
    "p.lead { color: #ff0 !important }\n"
    "div.box { border: 2pt dashed #f00; border-left: thick double; "
    "border-bottom-width: 4pt; padding: 1pt 2pt }\n"
    "div.box2 { border-width: 1pt 2pt 3pt; border-style: solid none; border-color: blue }\n"
    "div.box3 { border-top: 3pt; border-right: solid }\n" /* style none: no width */
    "ul { list-style: square inside }\n"
    "ul.plain { list-style: none }\n"
    "ol.roman { list-style-type: upper-roman }\n"
    "body { hyphens: auto; font-variant-ligatures: no-common-ligatures }\n"
    "pre { hyphens: none; font-variant-ligatures: normal; white-space: pre-wrap }\n"
    "h1 { counter-reset: section subsection 2; counter-increment: chapter; "
    "string-set: chapter content(), title \"T: \" attr(title); "
    "break-before: right; page-break-after: avoid; break-inside: avoid }\n"
    "h2 { counter-increment: section 2 sub; page-break-before: left }\n"
    "h2::before { content: counter(section) \". \" counters(sub, '.', lower-roman) ' ';"
    " color: #808080; font-size: 0.5em }\n"
    "h2::after { content: none }\n"
    "h2.x::after { content: '[' attr(id) ']' open-quote; }\n"
    "h3::before { content: normal }\n"
    "h3:before { content: \"\\2014  \" }\n";

static void test_cascade(void)
{
    sc_document *doc = sc_document_new("sel.md");
    sc_node *sec = add(doc, doc->root, SC_NODE_DIV);
    sec->element = "section";
    sc_node *p1 = add(doc, sec, SC_NODE_PARAGRAPH);
    add_text(doc, p1, "first");
    sc_node *p2 = add(doc, sec, SC_NODE_PARAGRAPH);
    sc_node_add_attr(doc, p2, "data-note", "yes");
    sc_node *p3 = add(doc, doc->root, SC_NODE_PARAGRAPH); /* not first: the section is */
    p3->id = "intro";
    p3->class_name = "lead";
    sc_node *p4 = add(doc, doc->root, SC_NODE_PARAGRAPH);
    sc_node_add_attr(doc, p4, "data-note", "no");
    sc_node *a = add(doc, p4, SC_NODE_LINK);
    a->url = "https://example.org";
    sc_node *a2 = add(doc, p4, SC_NODE_LINK);
    a2->url = "#local";
    sc_node *img = add(doc, p4, SC_NODE_IMAGE);
    img->url = "pic.png";
    sc_node *box = add(doc, doc->root, SC_NODE_DIV);
    box->class_name = "box";
    sc_node *box2 = add(doc, doc->root, SC_NODE_DIV);
    box2->class_name = "box2";
    sc_node *box3 = add(doc, doc->root, SC_NODE_DIV);
    box3->class_name = "box3";
    sc_node *ul = add(doc, doc->root, SC_NODE_LIST);
    sc_node *ul_li = add(doc, ul, SC_NODE_ITEM);
    sc_node *ul2 = add(doc, ul_li, SC_NODE_LIST);
    ul2->class_name = "plain";
    sc_node *ul2_li = add(doc, ul2, SC_NODE_ITEM);
    sc_node *ol = add(doc, doc->root, SC_NODE_LIST);
    ol->list_ordered = 1;
    sc_node *ol_li = add(doc, ol, SC_NODE_ITEM);
    sc_node *ol_ul = add(doc, ol_li, SC_NODE_LIST);
    sc_node *ol_ul_li = add(doc, ol_ul, SC_NODE_ITEM);
    sc_node *ol2 = add(doc, doc->root, SC_NODE_LIST);
    ol2->list_ordered = 1;
    ol2->class_name = "roman";
    sc_node *ol2_li = add(doc, ol2, SC_NODE_ITEM);
    sc_node *pre = add(doc, doc->root, SC_NODE_CODE_BLOCK);
    sc_node *h1 = add(doc, doc->root, SC_NODE_HEADING);
    h1->level = 1;
    sc_node_add_attr(doc, h1, "title", "Intro");
    sc_node *h2 = add(doc, doc->root, SC_NODE_HEADING);
    h2->level = 2;
    sc_node *h2x = add(doc, doc->root, SC_NODE_HEADING);
    h2x->level = 2;
    h2x->class_name = "x";
    h2x->id = "sec-2";
    sc_node *h3 = add(doc, doc->root, SC_NODE_HEADING);
    h3->level = 3;

    sc_stylesheet *s = parse_clean(doc, sheet, "sel.css");
    sc_style_apply(doc, &s, 1);

    /* Selectors and specificity. */
    CHECK_NEAR(p1->style->color.b, 1);             /* p:first-child */
    CHECK_NEAR(p1->style->letter_spacing, 1.1);    /* 0.1em of 11pt, child combinator */
    CHECK_NEAR(p2->style->color.b, 0);             /* second child */
    CHECK_INT(p2->style->font_italic, 1);
    CHECK_INT(p2->style->font_weight, 700);
    CHECK_INT(p4->style->font_italic, 1);          /* [data-note] */
    CHECK_INT(p4->style->font_weight, 400);        /* not "yes" */
    CHECK_NEAR(p3->style->color.r, 1);             /* !important over the id */
    CHECK_NEAR(p3->style->color.g, 1);
    CHECK_NEAR(p3->style->text_indent, 11);        /* [id=intro] */
    CHECK_INT(p3->style->text_align, SC_ALIGN_CENTER);
    CHECK_NEAR(a->style->color.r, 1);              /* a[href] from the link's url */
    CHECK_INT(a->style->text_decoration, 1);
    CHECK_INT(a2->style->text_decoration, 0);
    CHECK_NEAR(img->style->margin[SC_EDGE_TOP], 3);
    CHECK_NEAR(p4->style->letter_spacing, 0);      /* not a child of the section */

    /* Borders: shorthand, side shorthand, widths, styles, colours. */
    const sc_border *b = box->style->border;
    CHECK_NEAR(b[SC_EDGE_TOP].width, 2);
    CHECK_INT(b[SC_EDGE_TOP].style, SC_BORDER_DASHED);
    CHECK_NEAR(b[SC_EDGE_TOP].color.r, 1);
    CHECK_NEAR(b[SC_EDGE_BOTTOM].width, 4);
    CHECK_NEAR(b[SC_EDGE_LEFT].width, 3.75);       /* thick */
    CHECK_INT(b[SC_EDGE_LEFT].style, SC_BORDER_DOUBLE);
    CHECK_NEAR(b[SC_EDGE_LEFT].color.r, 0);        /* reset to currentcolor (black) */
    CHECK_NEAR(box->style->padding[SC_EDGE_TOP], 1);
    CHECK_NEAR(box->style->padding[SC_EDGE_LEFT], 2);
    b = box2->style->border;
    CHECK_NEAR(b[SC_EDGE_TOP].width, 1);
    CHECK_NEAR(b[SC_EDGE_RIGHT].width, 0);         /* style none */
    CHECK_NEAR(b[SC_EDGE_BOTTOM].width, 3);
    CHECK_INT(b[SC_EDGE_BOTTOM].style, SC_BORDER_SOLID);
    CHECK_NEAR(b[SC_EDGE_BOTTOM].color.b, 1);
    CHECK_NEAR(b[SC_EDGE_LEFT].width, 0);
    b = box3->style->border;
    CHECK_NEAR(b[SC_EDGE_TOP].width, 0);           /* 3pt but no style */
    CHECK_NEAR(b[SC_EDGE_RIGHT].width, 2.25);      /* medium */
    CHECK_INT(b[SC_EDGE_RIGHT].style, SC_BORDER_SOLID);
    CHECK_NEAR(p1->style->border[SC_EDGE_TOP].width, 0);

    /* list-style-type inherits; the shorthand sets it; the UA gives ol decimal. */
    CHECK_INT(ul->style->list_style_type, SC_LIST_SQUARE);
    CHECK_INT(ul_li->style->list_style_type, SC_LIST_SQUARE);
    CHECK_INT(ul2_li->style->list_style_type, SC_LIST_NONE);
    CHECK_INT(ol_li->style->list_style_type, SC_LIST_DECIMAL);
    CHECK_INT(ol_ul_li->style->list_style_type, SC_LIST_SQUARE); /* author ul beats UA ol ul */
    CHECK_INT(ol2_li->style->list_style_type, SC_LIST_UPPER_ROMAN);
    CHECK_INT(doc->root->style->list_style_type, SC_LIST_DISC);

    /* Inherited text properties. */
    CHECK_INT(p1->style->hyphens, 1);
    CHECK_INT(pre->style->hyphens, -1);
    CHECK_INT(p1->style->no_ligatures, 1);
    CHECK_INT(pre->style->no_ligatures, 0);
    CHECK_INT(pre->style->white_space_pre, 1);

    /* Breaks: always 1, left 2, right 3, avoid -1. */
    CHECK_INT(h1->style->page_break_before, 3);
    CHECK_INT(h1->style->page_break_after, -1);
    CHECK_INT(h1->style->page_break_inside, -1);
    CHECK_INT(h2->style->page_break_before, 2);
    CHECK_INT(p1->style->page_break_inside, 0);

    /* Counters and named strings. */
    const sc_counter_op *op = h1->style->counter_reset;
    CHECK(op && strcmp(op->name, "section") == 0 && op->value == 0, "counter-reset section 0");
    op = op ? op->next : NULL;
    CHECK(op && strcmp(op->name, "subsection") == 0 && op->value == 2, "counter-reset subsection 2");
    CHECK(op && !op->next, "two resets");
    op = h1->style->counter_increment;
    CHECK(op && strcmp(op->name, "chapter") == 0 && op->value == 1 && !op->next,
          "counter-increment chapter 1");
    op = h2->style->counter_increment;
    CHECK(op && op->value == 2 && op->next && strcmp(op->next->name, "sub") == 0 &&
              op->next->value == 1,
          "counter-increment section 2 sub");
    CHECK(!h2->style->counter_reset && !p1->style->counter_increment, "not inherited");
    const sc_string_set *ss = h1->style->string_set;
    CHECK(ss && strcmp(ss->name, "chapter") == 0 && ss->content &&
              ss->content->kind == SC_CONTENT_ELEMENT_TEXT && !ss->content->next,
          "string-set chapter content()");
    ss = ss ? ss->next : NULL;
    CHECK(ss && strcmp(ss->name, "title") == 0 && ss->content &&
              ss->content->kind == SC_CONTENT_STRING && strcmp(ss->content->text, "T: ") == 0 &&
              ss->content->next && ss->content->next->kind == SC_CONTENT_ATTR &&
              strcmp(ss->content->next->name, "title") == 0 && !ss->next,
          "string-set title \"T: \" attr(title)");

    /* ::before and ::after: content parts and styles inheriting from the element. */
    const sc_content_part *c = h2->style->before;
    CHECK(c && c->kind == SC_CONTENT_COUNTER && strcmp(c->name, "section") == 0 &&
              c->list_style == SC_LIST_DECIMAL,
          "counter(section)");
    c = c ? c->next : NULL;
    CHECK(c && c->kind == SC_CONTENT_STRING && strcmp(c->text, ". ") == 0, "\". \"");
    c = c ? c->next : NULL;
    CHECK(c && c->kind == SC_CONTENT_COUNTERS && strcmp(c->name, "sub") == 0 &&
              strcmp(c->text, ".") == 0 && c->list_style == SC_LIST_LOWER_ROMAN,
          "counters(sub, '.', lower-roman)");
    c = c ? c->next : NULL;
    CHECK(c && c->kind == SC_CONTENT_STRING && strcmp(c->text, " ") == 0 && !c->next, "' '");
    const sc_style *bs = h2->style->before_style;
    CHECK(bs != NULL, "h2::before has a style");
    if (bs) {
        CHECK_NEAR(bs->font_size, h2->style->font_size * 0.5f);
        CHECK_NEAR(bs->color.r, 128.0 / 255);
        CHECK_INT(bs->font_weight, 700);           /* inherited from the h2 */
        CHECK(!bs->counter_increment, "the element's counters stay on the element");
    }
    CHECK(!h2->style->after && !h2->style->after_style, "content: none");
    c = h2x->style->after;
    CHECK(c && c->kind == SC_CONTENT_STRING && strcmp(c->text, "[") == 0 && c->next &&
              c->next->kind == SC_CONTENT_ATTR && strcmp(c->next->name, "id") == 0 &&
              c->next->next && strcmp(c->next->next->text, "]") == 0 && c->next->next->next &&
              strcmp(c->next->next->next->text, "\xE2\x80\x9C") == 0,
          "h2.x::after content");
    CHECK(h2x->style->before != NULL, "h2.x keeps h2::before");
    CHECK(h3->style->before && strcmp(h3->style->before->text, "\xE2\x80\x94 ") == 0,
          "h3:before (later rule wins over content: normal)");
    CHECK(!p1->style->before && !p1->style->after, "no generated content without rules");
    CHECK_STR(sc_node_html_attr(a, "href"), "https://example.org");
    CHECK_STR(sc_node_html_attr(img, "src"), "pic.png");
    CHECK_STR(sc_node_html_attr(p3, "id"), "intro");
    CHECK_STR(sc_node_html_attr(p2, "data-note"), "yes");
    sc_document_free(doc);
}

/* style="" wins over every selector; !important in a sheet still beats a normal inline value;
 * bad inline declarations are warned about at the document and the node's line. */
static void test_inline(void)
{
    sc_document *doc = sc_document_new("page.html");
    sc_node *p1 = add(doc, doc->root, SC_NODE_PARAGRAPH);
    p1->id = "x";
    p1->style_attr = "color: #00f; margin-top: 7pt; font-size: 20pt !important; border: 1pt solid";
    p1->line = 12;
    p1->column = 3;
    sc_node *em = add(doc, p1, SC_NODE_EMPH);
    sc_node *p2 = add(doc, doc->root, SC_NODE_PARAGRAPH);
    p2->style_attr = "color: ; bogus: 1; text-align: center; bogus: 2; font-size: 1.5em";
    p2->line = 20;
    p2->column = 1;
    sc_node *p3 = add(doc, doc->root, SC_NODE_PARAGRAPH); /* same rules as p2, no style="" */

    sc_stylesheet *s = parse_clean(doc,
        "#x { color: red; margin-top: 1pt !important; font-size: 30pt !important }\n"
        "p { text-align: right; font-size: 10pt }\n", "in.css");
    sc_diag_list d;
    sc_diag_init(&d);
    sc_style_apply_diags(doc, &s, 1, &d);
    CHECK_NEAR(p1->style->color.b, 1);           /* inline beats #x */
    CHECK_NEAR(p1->style->margin[SC_EDGE_TOP], 1); /* sheet !important beats inline normal */
    CHECK_NEAR(p1->style->font_size, 20);        /* inline !important beats sheet !important */
    CHECK_NEAR(p1->style->border[SC_EDGE_LEFT].width, 1);
    CHECK_NEAR(em->style->font_size, 20);        /* children inherit */
    CHECK_INT(p2->style->text_align, SC_ALIGN_CENTER);
    CHECK_NEAR(p2->style->font_size, 16.5);      /* 1.5em of the body's 11pt */
    CHECK_INT(p3->style->text_align, SC_ALIGN_RIGHT);
    CHECK_NEAR(p3->style->font_size, 10);
    /* One warning for the empty colour, one note for 'bogus' (once). */
    CHECK_INT(d.warnings, 1);
    size_t notes = 0;
    for (size_t i = 0; i < d.count; i++) {
        const sc_diag *g = &d.items[i];
        if (g->severity == SC_WARNING) {
            CHECK_STR(g->file, "page.html");
            CHECK_INT(g->line, 20);
            CHECK(strstr(g->message, "style attribute") && strstr(g->message, "'color'"),
                  "message: %s", g->message);
        } else if (g->severity == SC_NOTE) {
            notes++;
            CHECK_STR(g->message, "unknown property 'bogus' (page.html:20:1)");
        }
    }
    CHECK_INT(notes, 1);
    if (check_failures)
        print_diags(&d);
    sc_diag_clear(&d);
    sc_document_free(doc);
}

/* Unknown properties: a note (not a warning) once per name and sheet; values that are wrong
 * stay warnings with positions. */
static void test_unknown(void)
{
    static const char css[] =
        "p { foo: 1; color: red; foo: 2 }\n"
        "h1 { -webkit-foo: 1; foo: 3; content: counter(); border: 1pt wavy }\n"
        "h2 { list-style-type: 12; counter-reset: none 1; string-set: x }\n"
        "@page { @left-middle { content: 'x' } @top-left { content: 'a'; margin: 1pt } }\n";
    sc_arena *a = sc_arena_new();
    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet_parse(a, css, strlen(css), "u.css", &d);
    size_t notes = 0;
    for (size_t i = 0; i < d.count; i++)
        notes += d.items[i].severity == SC_NOTE;
    CHECK_INT(notes, 2);
    int seen_foo = 0, seen_webkit = 0;
    for (size_t i = 0; i < d.count; i++) {
        if (d.items[i].severity != SC_NOTE)
            continue;
        seen_foo += strcmp(d.items[i].message, "unknown property 'foo' (u.css:1:5)") == 0;
        seen_webkit += strcmp(d.items[i].message, "unknown property '-webkit-foo' (u.css:2:6)") == 0;
    }
    CHECK(seen_foo == 1 && seen_webkit == 1, "the notes name the first place of each");
    static const struct { int line, column; const char *text; } want[] = {
        {2, 30, "invalid value for 'content'"},
        {2, 50, "invalid value for 'border'"},
        {3, 6, "invalid value for 'list-style-type'"},
        {3, 27, "invalid value for 'counter-reset'"},
        {3, 50, "invalid value for 'string-set'"},
        {4, 9, "@left-middle is not supported"},
        {4, 65, "'margin' does not apply inside a page margin box"},
    };
    CHECK_INT(d.warnings, sizeof want / sizeof *want);
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        int found = 0;
        for (size_t i = 0; i < d.count; i++)
            found |= d.items[i].severity == SC_WARNING && d.items[i].line == want[k].line &&
                     d.items[i].column == want[k].column && strstr(d.items[i].message, want[k].text);
        CHECK(found, "no warning \"%s\" at %d:%d", want[k].text, want[k].line, want[k].column);
    }
    if (check_failures)
        print_diags(&d);
    sc_diag_clear(&d);
    sc_arena_free(a);
}

/* Sibling combinators: `+` is the element just before (text, soft breaks and raw HTML between do
 * not count), `~` any element before. The style-sharing cache must not hand the style of a
 * paragraph after a heading to an otherwise identical paragraph that is not after one. */
static void test_siblings(void)
{
    sc_document *doc = sc_document_new("sib.md");
    sc_node *p0 = add(doc, doc->root, SC_NODE_PARAGRAPH); /* before any heading */
    sc_node *h2 = add(doc, doc->root, SC_NODE_HEADING);
    h2->level = 2;
    add_text(doc, h2, "Heading");
    add_text(doc, doc->root, " ");                     /* stray text: no element */
    add(doc, doc->root, SC_NODE_SOFT_BREAK);
    add(doc, doc->root, SC_NODE_HTML_BLOCK);           /* raw HTML: no element of the output */
    sc_node *p1 = add(doc, doc->root, SC_NODE_PARAGRAPH); /* h2 + p, through the skipped nodes */
    add_text(doc, p1, "one");
    sc_node *p2 = add(doc, doc->root, SC_NODE_PARAGRAPH); /* h2 ~ p only */
    sc_node *p3 = add(doc, doc->root, SC_NODE_PARAGRAPH);
    sc_node *bq = add(doc, doc->root, SC_NODE_BLOCKQUOTE);
    sc_node *bq_p = add(doc, bq, SC_NODE_PARAGRAPH);   /* first child: no sibling heading */
    sc_node *h3 = add(doc, doc->root, SC_NODE_HEADING);
    h3->level = 3;
    sc_node *p4 = add(doc, doc->root, SC_NODE_PARAGRAPH); /* h3 + p */
    sc_node *h3b = add(doc, doc->root, SC_NODE_HEADING);
    h3b->level = 3;
    sc_node *div = add(doc, doc->root, SC_NODE_DIV);
    div->element = "section";
    sc_node *p5 = add(doc, doc->root, SC_NODE_PARAGRAPH); /* after a section, not a heading */
    p5->class_name = "far";
    sc_stylesheet *s = parse_clean(doc,
        "p { text-indent: 18pt; margin-top: 0 }\n"
        "h2 + p, h3 + p { text-indent: 0 }\n"
        "h2 ~ p { color: #ff0000 }\n"
        "h3 ~ section + .far { font-size: 20pt }\n"
        "p + p + p { margin-top: 5pt }\n"
        "blockquote + h3 ~ p ~ section ~ p { font-weight: bold }\n",
        "sib.css");
    sc_style_apply(doc, &s, 1);

    CHECK_NEAR(p0->style->text_indent, 18);
    CHECK_NEAR(p0->style->color.r, 0);
    CHECK_NEAR(p1->style->text_indent, 0);   /* text, soft break and raw HTML skipped */
    CHECK_NEAR(p1->style->color.r, 1);
    CHECK_NEAR(p2->style->text_indent, 18);  /* the sharing cache must not give p1's style */
    CHECK_NEAR(p2->style->color.r, 1);       /* ~ over several siblings */
    CHECK(p1->style != p2->style, "a paragraph after a heading does not share with one after a p");
    CHECK(p0->style != p2->style, "h2 ~ p makes p2 differ from p0");
    CHECK_NEAR(p2->style->margin[SC_EDGE_TOP], 0); /* p + p + p: h2 comes before p1 */
    CHECK_NEAR(p3->style->margin[SC_EDGE_TOP], 5);
    CHECK(p3->style != p2->style, "p + p + p makes p3 differ from p2");
    CHECK(p4->style == p1->style, "the same matches (h3 + p as h2 + p): the style is shared");
    CHECK_NEAR(bq_p->style->text_indent, 18);
    CHECK_NEAR(bq_p->style->color.r, 0);     /* its parent's siblings are not its own */
    CHECK_NEAR(p4->style->text_indent, 0);
    CHECK_NEAR(p4->style->color.r, 1);       /* ~ reaches back past h3, blockquote, p... */
    CHECK_NEAR(p5->style->text_indent, 18);  /* a section between: h3 + p does not match */
    CHECK_NEAR(p5->style->font_size, 20);
    CHECK_INT(p5->style->font_weight, 700);  /* ~ chains backtrack over every candidate */
    CHECK_INT(p4->style->font_weight, 400);
    sc_document_free(doc);
}

int main(void)
{
    test_specificity();
    test_cascade();
    test_siblings();
    test_inline();
    test_unknown();
    return check_report("test_style_selectors");
}
