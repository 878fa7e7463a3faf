/* test_text_lines — what a line carries: alignment, first-line indent, hard breaks,
 * white-space: pre, dropped line-end spaces, space glyphs between words, links, anchors,
 * super/subscript, over-long words, metrics (ascent, ink extents, line height). */
#include "text_testlib.h"

static const char *kText =
    "Hội nghị Ban Chấp hành Đảng bộ Bộ Khoa học và Công nghệ mở rộng quý I năm 2021 đã thảo "
    "luận những nhiệm vụ trọng tâm, nhấn mạnh vai trò của đổi mới sáng tạo trong phát triển.";

static double line_left(const sc_line *ln)
{
    return ln->nruns ? ln->runs[0].x : 0;
}

static void check_alignments(tl_ctx *c)
{
    const float W = 200;
    sc_text_align aligns[] = {SC_ALIGN_LEFT, SC_ALIGN_RIGHT, SC_ALIGN_CENTER, SC_ALIGN_JUSTIFY};
    for (size_t a = 0; a < 4; a++) {
        sc_style st = tl_style("serif", 11, aligns[a]);
        sc_line *lines;
        size_t n = tl_lines(c, kText, &st, "vi", W, &lines);
        CHECK(n >= 4, "align %zu: %zu lines", a, n);
        for (size_t l = 0; l < n; l++) {
            double left = line_left(&lines[l]), right = tl_line_right(&lines[l]);
            CHECK(left >= -0.001 && right <= W + 0.01, "align %zu line %zu: [%.2f, %.2f]", a, l,
                  left, right);
            CHECK(fabs(right - left - lines[l].width) < 0.01, "width %.2f vs glyphs %.2f",
                  lines[l].width, right - left);
            if (aligns[a] == SC_ALIGN_LEFT)
                CHECK(fabs(left) < 0.001, "left line %zu starts at %.2f", l, left);
            if (aligns[a] == SC_ALIGN_RIGHT)
                CHECK(fabs(right - W) < 0.01, "right line %zu ends at %.2f", l, right);
            if (aligns[a] == SC_ALIGN_CENTER)
                CHECK(fabs(left - (W - right)) < 0.01, "centred line %zu: %.2f | %.2f", l, left,
                      W - right);
            if (aligns[a] == SC_ALIGN_JUSTIFY && l + 1 < n)
                CHECK(fabs(left) < 0.001 && fabs(right - W) < 0.01, "justified line %zu", l);
            if (aligns[a] != SC_ALIGN_JUSTIFY && l + 1 < n)
                CHECK(lines[l].runs[0].nglyphs > 0, "line %zu empty", l);
            /* Spaces between words are space glyphs at the natural width in ragged text. */
            for (size_t r = 0; r < lines[l].nruns; r++) {
                const sc_glyph_run *run = &lines[l].runs[r];
                CHECK((run->text_len > 0 && run->text[run->text_len - 1] != ' ') ||
                          r + 1 < lines[l].nruns,
                      "line %zu ends with a space", l);
                for (size_t g = 0; g < run->nglyphs; g++) {
                    CHECK(run->glyphs[g].cluster < run->text_len, "cluster out of the text");
                    CHECK(g == 0 || run->glyphs[g].cluster >= run->glyphs[g - 1].cluster,
                          "clusters decrease");
                    if (run->text[run->glyphs[g].cluster] == ' ' && aligns[a] != SC_ALIGN_JUSTIFY)
                        CHECK(fabsf(run->glyphs[g].x_advance - 2.86f) < 0.01,
                              "ragged space %.3f pt", run->glyphs[g].x_advance);
                }
            }
        }
        CHECK(lines[n - 1].ends_paragraph && !lines[0].ends_paragraph, "ends_paragraph");
    }
}

static void check_indent_and_breaks(tl_ctx *c)
{
    sc_style st = tl_style("serif", 11, SC_ALIGN_JUSTIFY);
    sc_para *p = sc_para_begin(c->shaper);
    sc_para_add_text(p, kText, strlen(kText), &st, "vi", NULL, NULL, 1);
    sc_break_params bp = {250, 20, SC_ALIGN_JUSTIFY};
    sc_line *lines;
    size_t n = sc_para_lines(p, &bp, &lines);
    CHECK(n >= 3, "%zu lines", n);
    CHECK(fabs(line_left(&lines[0]) - 20) < 0.001, "indent: first run at %.2f", line_left(&lines[0]));
    CHECK(fabs(tl_line_right(&lines[0]) - 250) < 0.01 && fabs(lines[0].width - 250) < 0.01,
          "indented first line justified to %.2f", tl_line_right(&lines[0]));
    CHECK(fabs(line_left(&lines[1])) < 0.001, "second line at %.2f", line_left(&lines[1]));
    /* Breaking the same paragraph again at another width works (tables measure cells so). */
    bp.width = 1e5f;
    bp.first_indent = 0;
    n = sc_para_lines(p, &bp, &lines);
    CHECK(n == 1 && lines[0].width < 1e4f, "natural width: %zu lines", n);
    sc_para_end(p);

    /* A hard line break: two lines, the first not stretched; spaces around it dropped. */
    p = sc_para_begin(c->shaper);
    sc_para_add_text(p, "Dòng thứ nhất ", strlen("Dòng thứ nhất "), &st, "vi", NULL, NULL, 1);
    sc_para_add_line_break(p);
    sc_para_add_text(p, " dòng thứ hai", strlen(" dòng thứ hai"), &st, "vi", NULL, NULL, 2);
    bp = (sc_break_params){300, 0, SC_ALIGN_JUSTIFY};
    n = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    CHECK(n == 2, "hard break: %zu lines", n);
    if (n == 2) {
        sc_buf t;
        sc_buf_init(&t);
        tl_line_text(&lines[0], &t);
        CHECK(strcmp(t.data, "Dòng thứ nhất") == 0, "line 1 '%s'", t.data);
        t.len = 0;
        tl_line_text(&lines[1], &t);
        CHECK(strcmp(t.data, "dòng thứ hai") == 0, "line 2 '%s'", t.data);
        sc_buf_free(&t);
        CHECK(lines[0].width < 150 && !lines[0].ends_paragraph && lines[1].ends_paragraph,
              "line before a hard break is not justified (%.1f)", lines[0].width);
    }

    /* An empty paragraph makes no line. */
    p = sc_para_begin(c->shaper);
    sc_para_add_text(p, "   ", 3, &st, "vi", NULL, NULL, 1);
    CHECK(sc_para_lines(p, &bp, &lines) == 0, "blank paragraph gives lines");
    sc_para_end(p);
}

static void check_pre(tl_ctx *c)
{
    sc_style st = tl_style("monospace", 10, SC_ALIGN_LEFT);
    st.white_space_pre = 1;
    const char *code = "int main(void)\n{\n    return  0;\n\n}\n";
    sc_line *lines;
    size_t n = tl_lines(c, code, &st, "en", 300, &lines);
    CHECK(n == 5, "pre: %zu lines (want 5, the blank one included)", n);
    if (n == 5) {
        const char *want[] = {"int main(void)", "{", "    return  0;", "", "}"};
        for (size_t l = 0; l < 5; l++) {
            sc_buf t;
            sc_buf_init(&t);
            tl_line_text(&lines[l], &t);
            CHECK(strcmp(t.data ? t.data : "", want[l]) == 0, "pre line %zu: '%s'", l,
                  t.data ? t.data : "");
            sc_buf_free(&t);
            CHECK(lines[l].ascent > 0 && lines[l].line_height > 13.9f, "pre line %zu metrics", l);
        }
        /* Indentation kept: 'r' starts at 4 monospace cells (600 units at 10 pt = 6 pt). */
        const sc_glyph_run *r = &lines[2].runs[0];
        double x = r->x;
        for (size_t g = 0; g < 4 && g < r->nglyphs; g++)
            x += r->glyphs[g].x_advance;
        CHECK(fabs(x - 24) < 0.01 && r->nglyphs == 14, "indent %.2f pt, %zu glyphs", x, r->nglyphs);
        CHECK(strcmp(r->face->ps_name, "NotoSansMono-Regular") == 0, "mono face");
    }
    /* Tabs stop every 8 columns (6 pt per column at 10 pt mono): b, d and x all at 48 pt. */
    n = tl_lines(c, "a\tb\nabc\td\n\tx\n", &st, "en", 300, &lines);
    CHECK(n == 3, "tabs: %zu lines", n);
    for (size_t l = 0; l < n && l < 3; l++) {
        const sc_glyph_run *r = &lines[l].runs[0];
        double x = r->x; /* the letter after the tab is the line's last glyph */
        for (size_t g = 0; g + 1 < r->nglyphs; g++)
            x += r->glyphs[g].x_advance;
        CHECK(lines[l].nruns == 1 && fabs(x - 48) < 0.01,
              "tab line %zu: the letter after the tab at %.2f", l, x);
    }
    /* A long pre line wraps within the measure (at spaces, or anywhere). */
    const char *longline = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbb cccc\n";
    n = tl_lines(c, longline, &st, "en", 100, &lines);
    CHECK(n >= 3, "long pre line: %zu lines", n);
    for (size_t l = 0; l < n; l++)
        CHECK(tl_line_right(&lines[l]) <= 100.01, "pre line %zu: %.2f", l, tl_line_right(&lines[l]));
}

static void check_links_anchors_sup(tl_ctx *c)
{
    sc_style st = tl_style("serif", 11, SC_ALIGN_LEFT);
    sc_style sup = st;
    sup.vertical_align = 1;
    sc_para *p = sc_para_begin(c->shaper);
    sc_para_add_text(p, "Xem ", 4, &st, "vi", NULL, NULL, 1);
    sc_para_add_anchor(p, "here");
    sc_para_add_text(p, "trang chủ", strlen("trang chủ"), &st, "vi", "https://most.gov.vn", NULL, 1);
    sc_para_add_text(p, "1", 1, &sup, "vi", NULL, "fn-1", 1);
    sc_para_add_text(p, " nhé.", strlen(" nhé."), &st, "vi", NULL, NULL, 1);
    sc_break_params bp = {300, 0, SC_ALIGN_LEFT};
    sc_line *lines;
    size_t n = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    CHECK(n == 1, "%zu lines", n);
    if (n != 1)
        return;
    const sc_line *ln = &lines[0];
    CHECK(ln->nlinks == 2, "%zu links", ln->nlinks);
    CHECK(ln->nanchors == 1, "%zu anchors", ln->nanchors);
    if (ln->nlinks == 2 && ln->nanchors == 1) {
        const sc_glyph_run *r = &ln->runs[0];
        double xw = r->x;
        for (size_t g = 0; g < r->nglyphs && r->glyphs[g].cluster < 4; g++)
            xw += r->glyphs[g].x_advance;
        CHECK(fabs(ln->links[0].x - xw) < 0.01 && strcmp(ln->links[0].uri, "https://most.gov.vn") == 0,
              "link at %.2f, word at %.2f", ln->links[0].x, xw);
        CHECK(ln->links[0].w > 40 && ln->links[0].w < 60, "link width %.2f", ln->links[0].w);
        CHECK(fabs(ln->anchors[0].x - xw) < 0.01 && strcmp(ln->anchors[0].name, "here") == 0,
              "anchor at %.2f", ln->anchors[0].x);
        CHECK(ln->links[1].dest && strcmp(ln->links[1].dest, "fn-1") == 0 && !ln->links[1].uri &&
                  fabs(ln->links[1].x - (ln->links[0].x + ln->links[0].w)) < 0.01,
              "footnote link");
    }
    int found = 0;
    for (size_t r = 0; r < ln->nruns; r++) {
        if (ln->runs[r].text_len >= 1 && ln->runs[r].text[0] == '1') {
            found = 1;
            CHECK(fabsf(ln->runs[r].size - 7.7f) < 0.01 && ln->runs[r].glyphs[0].y_offset > 3,
                  "superscript size %.2f shift %.2f", ln->runs[r].size,
                  ln->runs[r].glyphs[0].y_offset);
        }
    }
    CHECK(found && ln->nruns == 3, "superscript run (%zu runs)", ln->nruns);
}

static void check_overlong_and_metrics(tl_ctx *c)
{
    sc_style st = tl_style("serif", 11, SC_ALIGN_JUSTIFY);
    const char *w = "Supercalifragilisticexpialidocious-nghiên-cứu-khoa-học";
    sc_line *lines;
    size_t n = tl_lines(c, w, &st, "en", 50, &lines);
    CHECK(n >= 5, "%zu lines", n);
    sc_buf t;
    sc_buf_init(&t);
    for (size_t l = 0; l < n; l++) {
        CHECK(tl_line_right(&lines[l]) <= 50.01, "line %zu: %.2f", l, tl_line_right(&lines[l]));
        tl_line_text(&lines[l], &t);
    }
    CHECK(t.data && strcmp(t.data, w) == 0, "joined '%s'", t.data);
    sc_buf_free(&t);

    /* Soft hyphens: a break there draws the ASCII hyphen, its text a "-" after the soft
     * hyphen's (the run's text is the source's up to the break, then "-"). */
#define SHY "\xc2\xad"
    const char *shy = "Ex" SHY "tra" SHY "or" SHY "di" SHY "nary ex" SHY "am" SHY "ples";
    st.text_align = SC_ALIGN_LEFT;
    n = tl_lines(c, shy, &st, "en", 45, &lines);
    CHECK(n >= 3, "soft hyphens: %zu lines", n);
    int hyphens = 0;
    for (size_t l = 0; l < n; l++) {
        CHECK(tl_line_right(&lines[l]) <= 45.01, "line %zu: %.2f", l, tl_line_right(&lines[l]));
        const sc_glyph_run *r = &lines[l].runs[lines[l].nruns - 1];
        const sc_glyph *last = &r->glyphs[r->nglyphs - 1];
        hb_codepoint_t minus = 0;
        hb_font_get_nominal_glyph(r->face->hb_font, '-', &minus);
        if (last->gid == minus) {
            hyphens++;
            CHECK(r->text_len >= 3 && last->cluster == r->text_len - 1 &&
                      memcmp(r->text + last->cluster - 2, "\xc2\xad-", 3) == 0,
                  "hyphen shows a \"-\" after the soft hyphen");
            CHECK(fabs(tl_line_right(&lines[l]) - lines[l].width) < 0.01, "width with hyphen");
        }
    }
    const sc_glyph_run *lr = &lines[n - 1].runs[lines[n - 1].nruns - 1];
    CHECK(hyphens >= 2 && lr->text[lr->text_len - 1] != '-', "%d hyphens", hyphens);
    st.text_align = SC_ALIGN_JUSTIFY;

    sc_line *a, *b;
    tl_lines(c, "xa", &st, "vi", 100, &a);
    tl_lines(c, "ẪẤ", &st, "vi", 100, &b);
    CHECK(fabsf(a[0].ascent - 1.069f * 11) < 0.01 && fabsf(a[0].descent - 0.293f * 11) < 0.01,
          "ascent %.3f descent %.3f", a[0].ascent, a[0].descent);
    CHECK(b[0].ink_ascent > a[0].ink_ascent + 3 && b[0].ink_ascent > 11,
          "Ẫ ink %.2f vs x %.2f", b[0].ink_ascent, a[0].ink_ascent);
    CHECK(a[0].ink_ascent > 5 && a[0].ink_ascent < 6.5 && a[0].ink_descent < 0.5,
          "x ink %.2f/%.2f", a[0].ink_ascent, a[0].ink_descent);
    CHECK(fabsf(a[0].line_height - 15.4f) < 0.01, "line height %.2f", a[0].line_height);
}

/* Robustness: random mixes of Vietnamese, URLs, emoji, other scripts, marks, breaks and styles
 * never crash, never draw glyph 0, keep clusters inside the run text, and stay within a measure
 * of at least 60 pt (a fixed pseudo-random sequence: the test is deterministic). */
static uint32_t next_rand(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

static void check_random_mixes(tl_ctx *c)
{
    static const char *const bits[] = {
        "Việt ", "Nam", " ", "  ", "\n", "\t", "https://a.b/c-d_e?x=1&y=2#z", "🇻🇳", "👨‍👩‍👧",
        "e\xcc\xa3\xcc\x82", "\xcc\x82", "∞", "★", "-", "—", "“", "”", "(", ")", "Привет",
        "ελληνικά", "שלום", "مرحبا", "中文字", "\xc2\xa0", "\xc2\xad", "\xe2\x80\x8b", "http://",
        "Supercalifragilisticexpialidocious", ".", ",", "\r\n", "\xe2\x80\xa8"};
    const size_t nbits = sizeof bits / sizeof bits[0];
    uint32_t seed = 12345;
#define NEXT() next_rand(&seed)
    size_t nl_total = 0;
    for (int it = 0; it < 400; it++) {
        const char *family = NEXT() % 3 == 0 ? "monospace" : "serif";
        float size = (float)(6 + NEXT() % 18);
        sc_style st = tl_style(family, size, (sc_text_align)(NEXT() % 4));
        st.font_weight = NEXT() % 2 ? 400 : 700;
        st.font_italic = NEXT() % 2;
        st.white_space_pre = NEXT() % 4 == 0;
        st.vertical_align = NEXT() % 6 == 0 ? 1 : 0;
        sc_para *p = sc_para_begin(c->shaper);
        int n = NEXT() % 30;
        for (int k = 0; k < n; k++) {
            int r = NEXT() % 12;
            if (r == 0) {
                sc_para_add_line_break(p);
            } else if (r == 1) {
                sc_para_add_anchor(p, "a");
            } else {
                const char *t = bits[NEXT() % nbits];
                const char *lang = NEXT() % 3 ? "vi" : NULL;
                const char *uri = NEXT() % 4 == 0 ? "http://x" : NULL;
                sc_para_add_text(p, t, strlen(t), &st, lang, uri, NULL, k + 1);
            }
        }
        float widths[] = {0, 5, 60, 120, 453.5f};
        sc_break_params bp = {widths[NEXT() % 5], 0, st.text_align};
        sc_line *lines;
        size_t nl = sc_para_lines(p, &bp, &lines);
        nl_total += nl;
        for (size_t l = 0; l < nl; l++) {
            for (size_t r = 0; r < lines[l].nruns; r++) {
                const sc_glyph_run *run = &lines[l].runs[r];
                for (size_t g = 0; g < run->nglyphs; g++) {
                    CHECK(run->glyphs[g].gid != 0, "mix %d: glyph 0", it);
                    CHECK(run->glyphs[g].cluster < run->text_len, "mix %d: cluster", it);
                }
            }
            if (bp.width >= 60)
                CHECK(tl_line_right(&lines[l]) <= bp.width + 0.01, "mix %d line %zu: %.2f > %.1f",
                      it, l, tl_line_right(&lines[l]), bp.width);
        }
        if (NEXT() % 2)
            sc_para_end(p);
    }
#undef NEXT
    CHECK(nl_total > 1000, "%zu lines", nl_total);
}

int main(void)
{
    tl_ctx c;
    if (tl_open(&c) != 0)
        return 1;
    check_alignments(&c);
    check_indent_and_breaks(&c);
    check_pre(&c);
    check_links_anchors_sup(&c);
    check_overlong_and_metrics(&c);
    CHECK(c.diags.count == 0, "unexpected diagnostics: %s",
          c.diags.count ? c.diags.items[0].message : "");
    check_random_mixes(&c);
    tl_close(&c);
    if (tl_failures)
        return 1;
    printf("ok: lines\n");
    return 0;
}
