/* Unit test: paper sizes, @page size and margins, overrides across sheets, :first rules kept
 * apart from the base page setup. */
#include "style/css.h"
#include "test_style_check.h"

static sc_stylesheet *parse(sc_arena *a, const char *css, size_t want_warnings)
{
    sc_diag_list d;
    sc_diag_init(&d);
    sc_stylesheet *s = sc_stylesheet_parse(a, css, strlen(css), "page.css", &d);
    CHECK(d.warnings == want_warnings, "\"%s\": %zu warnings, want %zu", css, d.warnings,
          want_warnings);
    sc_diag_clear(&d);
    return s;
}

static void setup_of(sc_arena *a, const char *css1, const char *css2, sc_page_setup *out)
{
    sc_stylesheet *sheets[2] = {parse(a, css1, 0), css2 ? parse(a, css2, 0) : NULL};
    sc_style_page_setup(sheets, css2 ? 2 : 1, out);
}

#define CM(x) ((x) * 72.0 / 2.54)

int main(void)
{
    float w, h;
    CHECK_INT(sc_paper_size("A4", &w, &h), 0);
    CHECK_NEAR(w, 595.276);
    CHECK_NEAR(h, 841.89);
    CHECK_INT(sc_paper_size("a5", &w, &h), 0);
    CHECK_NEAR(w, 419.528);
    CHECK_NEAR(h, 595.276);
    CHECK_INT(sc_paper_size("B5", &w, &h), 0);
    CHECK_NEAR(w, 498.898);
    CHECK_NEAR(h, 708.661);
    CHECK_INT(sc_paper_size("LETTER", &w, &h), 0);
    CHECK_NEAR(w, 612);
    CHECK_NEAR(h, 792);
    CHECK_INT(sc_paper_size("Legal", &w, &h), 0);
    CHECK_NEAR(h, 1008);
    CHECK_INT(sc_paper_size("A7", &w, &h), -1);
    CHECK_INT(sc_paper_size(NULL, &w, &h), -1);

    sc_arena *a = sc_arena_new();
    sc_page_setup ps;

    /* No sheets: A4 with 2.5 cm margins. */
    sc_style_page_setup(NULL, 0, &ps);
    CHECK_NEAR(ps.width, 595.276);
    CHECK_NEAR(ps.height, 841.89);
    for (int e = 0; e < 4; e++)
        CHECK_NEAR(ps.margin[e], CM(2.5));

    setup_of(a, "@page { size: A5; margin: 2cm 1cm }", NULL, &ps);
    CHECK_NEAR(ps.width, 419.528);
    CHECK_NEAR(ps.margin[SC_EDGE_TOP], CM(2));
    CHECK_NEAR(ps.margin[SC_EDGE_RIGHT], CM(1));
    CHECK_NEAR(ps.margin[SC_EDGE_BOTTOM], CM(2));
    CHECK_NEAR(ps.margin[SC_EDGE_LEFT], CM(1));

    setup_of(a, "@page { size: A4 landscape }", NULL, &ps);
    CHECK_NEAR(ps.width, 841.89);
    CHECK_NEAR(ps.height, 595.276);
    setup_of(a, "@page { size: landscape letter; }", NULL, &ps);
    CHECK_NEAR(ps.width, 792);
    setup_of(a, "@page { size: landscape }", NULL, &ps);
    CHECK_NEAR(ps.width, 841.89);
    setup_of(a, "@page { size: 6in 9in; margin-left: 10%; margin-top: 5% }", NULL, &ps);
    CHECK_NEAR(ps.width, 432);
    CHECK_NEAR(ps.height, 648);
    CHECK_NEAR(ps.margin[SC_EDGE_LEFT], 43.2);
    CHECK_NEAR(ps.margin[SC_EDGE_TOP], 32.4);
    CHECK_NEAR(ps.margin[SC_EDGE_RIGHT], CM(2.5));
    setup_of(a, "@page { size: 100mm }", NULL, &ps);
    CHECK_NEAR(ps.width, 283.465);
    CHECK_NEAR(ps.height, 283.465);
    /* Length pairs take no orientation: the declaration is invalid and dropped with a warning. */
    sc_stylesheet *bad = parse(a, "@page { size: 200mm 100mm portrait; }", 1);
    sc_style_page_setup(&bad, 1, &ps);
    CHECK_NEAR(ps.width, 595.276);

    /* Two sheets: the later overrides what it names, the rest stays. :first is not the base. */
    setup_of(a, "@page { size: A5; margin: 1cm } @page :first { margin-top: 5cm }",
             "@page { margin-top: 3cm } @page :left { margin-left: 4cm }", &ps);
    CHECK_NEAR(ps.width, 419.528);
    CHECK_NEAR(ps.margin[SC_EDGE_TOP], CM(3));
    CHECK_NEAR(ps.margin[SC_EDGE_LEFT], CM(1));
    CHECK_NEAR(ps.margin[SC_EDGE_BOTTOM], CM(1));

    /* !important in the first sheet beats a normal declaration in the second. */
    setup_of(a, "@page { size: Letter !important; margin: 1in }", "@page { size: A4; margin: 2in }",
             &ps);
    CHECK_NEAR(ps.width, 612);
    CHECK_NEAR(ps.margin[SC_EDGE_TOP], 144);

    /* A later `size: auto` goes back to the default paper. */
    setup_of(a, "@page { size: B5 }", "@page { size: auto }", &ps);
    CHECK_NEAR(ps.width, 595.276);

    /* The rules are kept with their page selectors for the page builder. */
    sc_stylesheet *s = parse(a, "@page :first { margin-top: 5cm } @page :left:blank { margin: 0 }", 0);
    CHECK_INT(s->npages, 2);
    if (s->npages == 2) {
        CHECK_INT(s->pages[0].pseudo, SC_PAGE_FIRST);
        CHECK_INT(s->pages[1].pseudo, SC_PAGE_LEFT | SC_PAGE_BLANK);
        CHECK_INT(s->pages[1].ndecls, 4);
    }

    /* Warnings: bad page selectors, properties that do not belong in @page, side margin boxes
     * (the top and bottom ones are drawn). */
    s = parse(a, "@page :middle { size: A4 }\n@page { color: red; size: A9; margin: 1cm;\n"
                 "  @top-center { content: 'x' } @left-middle { content: 'y' } }", 4);
    sc_style_page_setup(&s, 1, &ps);
    CHECK_NEAR(ps.width, 595.276);
    CHECK_NEAR(ps.margin[SC_EDGE_LEFT], CM(1));

    /* Margins larger than the page are scaled down so text keeps room. */
    setup_of(a, "@page { size: A5; margin: 0 300pt 0 300pt }", NULL, &ps);
    CHECK(ps.width - ps.margin[SC_EDGE_LEFT] - ps.margin[SC_EDGE_RIGHT] >= 0.09 * ps.width,
          "left %.1f right %.1f leave no room", ps.margin[SC_EDGE_LEFT], ps.margin[SC_EDGE_RIGHT]);

    sc_arena_free(a);
    return check_report("test_style_page");
}
