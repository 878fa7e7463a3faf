/* Hyphenation (libhyphen patterns through Knuth-Plass and greedy lines): the points of words,
 * languages with and without patterns, the hard rules (never three hyphenated lines in a row,
 * never a hyphen on a paragraph's last full line), the drawn hyphen's text, hyphens: manual. */
#include "text_testlib.h"

#include "layout/para.h"

static const char *kEnglish =
    "Typesetting is the composition of text by means of arranging physical type or its digital "
    "equivalents. Stored letters and other symbols are retrieved and ordered according to a "
    "language's orthography for visual display. Typesetting requires one or more fonts, which "
    "are widely but erroneously confused with and substituted for typefaces. One significant "
    "effect of typesetting was that authorship of works could be spotted more easily, making it "
    "difficult for copiers who have not gained permission. Extraordinarily international "
    "characteristics, notwithstanding incomprehensibilities, institutionalization, "
    "internationalization and responsibilities demonstrate hyphenation.";

static const char *kVietnamese =
    "Hội nghị đã thảo luận, đánh giá kết quả thực hiện nhiệm vụ chính trị năm 2021 và đề ra "
    "phương hướng, nhiệm vụ trọng tâm năm 2022 của Đảng bộ Bộ Khoa học và Công nghệ, với "
    "những chuyển biến tích cực trong công tác lãnh đạo, chỉ đạo thực hiện nhiệm vụ chuyên môn "
    "nghiên cứu khoa học, phát triển công nghệ và đổi mới sáng tạo trên phạm vi cả nước.";

static void check_points(tl_ctx *c)
{
    para_work *w = sc_shaper_work(c->shaper);
    uint32_t pts[32];
    size_t n = sc_hyphenate_word(w, "en-US", "hyphenation", 11, pts, 32);
    /* hy-phen-ation */
    CHECK(n == 2 && pts[0] == 2 && pts[1] == 6, "hyphenation: %zu points (%u %u)", n,
          n > 0 ? pts[0] : 0, n > 1 ? pts[1] : 0);
    n = sc_hyphenate_word(w, "en", "Typesetting", 11, pts, 32);
    CHECK(n >= 1, "Typesetting (capitalized) has points: %zu", n);
    for (size_t i = 0; i < n; i++)
        CHECK(pts[i] >= 2 && pts[i] <= 11 - 3, "point %u breaks the 2/3 minimums", pts[i]);
    CHECK(sc_hyphenate_word(w, "en", "UNESCO", 6, pts, 32) == 0, "an all-capitals word is whole");
    CHECK(sc_hyphenate_word(w, "en", "able", 4, pts, 32) == 0, "a short word is whole");
    CHECK(sc_hyphenate_word(w, "vi", "nghiêncứu", strlen("nghiêncứu"), pts, 32) == 0,
          "Vietnamese is never hyphenated");
    CHECK(!sc_hyph_has_patterns(w, "vi"), "no patterns for vi");
    CHECK(!sc_hyph_has_patterns(w, "vi-VN"), "no patterns for vi-VN");
    CHECK(sc_hyph_has_patterns(w, "en-GB"), "en-GB falls back to an English dictionary");
    CHECK(!sc_hyph_has_patterns(w, "xx"), "no patterns for an unknown language");
    CHECK(!sc_hyph_has_patterns(w, NULL) && !sc_hyph_has_patterns(w, ""), "no language");
}

/* 1 when the line ends with a hyphen the layout drew (its last run's text ends with "-"). */
static int ends_hyphenated(const sc_line *ln)
{
    if (ln->nruns == 0)
        return 0;
    const sc_glyph_run *r = &ln->runs[ln->nruns - 1];
    return r->text_len > 0 && r->text[r->text_len - 1] == '-';
}

/* The most hyphenated lines in a row seen so far (the stress test must reach the limit). */
static int most_in_a_row;

/* Sets `text` at `width` and checks the rules; returns the number of hyphenated lines. */
static size_t set_and_check(tl_ctx *c, const char *text, const char *lang, int hyphens,
                            sc_text_align align, float width, const char *what)
{
    sc_style st = tl_style("Noto Serif", 11, align);
    st.hyphens = hyphens;
    sc_line *lines;
    size_t n = tl_lines(c, text, &st, lang, width, &lines);
    size_t hyph = 0;
    int in_a_row = 0;
    sc_buf joined;
    sc_buf_init(&joined);
    for (size_t i = 0; i < n; i++) {
        const sc_line *ln = &lines[i];
        CHECK(tl_line_right(ln) <= width + 0.01, "%s: line %zu is %.2f pt wide, the measure %.2f",
              what, i, tl_line_right(ln), width);
        sc_buf line;
        sc_buf_init(&line);
        tl_line_text(ln, &line);
        int h = ends_hyphenated(ln);
        if (h) {
            hyph++;
            /* The drawn hyphen (and the kerning its letter lost) is in the line's width. */
            CHECK(fabs(tl_line_right(ln) - ln->width) < 0.01, "%s: line %zu ends at %.2f, its "
                  "width says %.2f", what, i, tl_line_right(ln), (double)ln->width);
            if (align == SC_ALIGN_JUSTIFY && memchr(line.data, ' ', line.len)) /* can stretch */
                CHECK(fabs(tl_line_right(ln) - width) < 0.05, "%s: hyphenated line %zu ends at "
                      "%.2f, not at the measure %.2f", what, i, tl_line_right(ln), width);
            line.len--; /* the drawn hyphen */
        }
        sc_buf_append(&joined, line.data, line.len);
        if (!h && i + 1 < n)
            sc_buf_append(&joined, " ", 1);
        sc_buf_free(&line);
        in_a_row = h ? in_a_row + 1 : 0;
        if (in_a_row > most_in_a_row)
            most_in_a_row = in_a_row;
        CHECK(in_a_row <= 2, "%s: line %zu is the third hyphenated line in a row", what, i);
        CHECK(!(h && i + 2 == n), "%s: a hyphen on the last full line (line %zu of %zu)", what,
              i, n);
        CHECK(!(h && i + 1 == n), "%s: a hyphen on the last line", what);
    }
    sc_buf_append(&joined, "", 1);
    CHECK(strcmp(joined.data, text) == 0, "%s: the lines' text without the drawn hyphens is not the "
          "source:\n%s\n%s", what, joined.data, text);
    sc_buf_free(&joined);
    return hyph;
}

static void check_paragraphs(tl_ctx *c)
{
    size_t total = 0;
    /* Narrow measures make hyphens likely; every width must keep the rules. */
    for (float width = 120; width <= 330; width += 7) {
        char what[64];
        snprintf(what, sizeof what, "English justified %.0f pt", width);
        total += set_and_check(c, kEnglish, "en", 1, SC_ALIGN_JUSTIFY, width, what);
        snprintf(what, sizeof what, "English ragged %.0f pt", width);
        total += set_and_check(c, kEnglish, "en-US", 1, SC_ALIGN_LEFT, width, what);
        snprintf(what, sizeof what, "Vietnamese %.0f pt", width);
        CHECK(set_and_check(c, kVietnamese, "vi", 1, SC_ALIGN_JUSTIFY, width, what) == 0,
              "Vietnamese text got a hyphen at %.0f pt", width);
        snprintf(what, sizeof what, "English hyphens: manual %.0f pt", width);
        CHECK(set_and_check(c, kEnglish, "en", 0, SC_ALIGN_JUSTIFY, width, what) == 0,
              "hyphens: manual hyphenated at %.0f pt", width);
        snprintf(what, sizeof what, "English hyphens: none %.0f pt", width);
        CHECK(set_and_check(c, kEnglish, "en", -1, SC_ALIGN_JUSTIFY, width, what) == 0,
              "hyphens: none hyphenated at %.0f pt", width);
        snprintf(what, sizeof what, "English without language %.0f pt", width);
        CHECK(set_and_check(c, kEnglish, NULL, 1, SC_ALIGN_JUSTIFY, width, what) == 0,
              "text without a language hyphenated at %.0f pt", width);
    }
    CHECK(total > 20, "English text at narrow measures got only %zu hyphens", total);
}

/* A run of long words where every line wants a hyphen: the third in a row is refused. */
static void check_hyphen_runs(tl_ctx *c)
{
    most_in_a_row = 0;
    char text[4096] = "";
    for (int i = 0; i < 40; i++)
        strcat(text, i % 3 ? "internationalization " : "responsibilities ");
    strcat(text, "end.");
    for (float width = 90; width <= 200; width += 5) {
        char what[64];
        snprintf(what, sizeof what, "long words justified %.0f pt", width);
        set_and_check(c, text, "en", 1, SC_ALIGN_JUSTIFY, width, what);
        snprintf(what, sizeof what, "long words ragged %.0f pt", width);
        set_and_check(c, text, "en", 1, SC_ALIGN_LEFT, width, what);
    }
    CHECK(most_in_a_row == 2, "long words: at most %d hyphenated lines in a row; the test needs "
          "2 to show the limit holds", most_in_a_row);
}

/* Hyphenation points inside a ligature (dif|fer, ef|fect, of|fice: Noto Serif's f_f, f_f_i) are
 * used: some line ends with "f-" and the next starts with "f"; unbroken, the ligature is drawn
 * (fewer glyphs than letters in the word). */
static void check_ligature_points(tl_ctx *c)
{
    char text[4096] = "";
    for (int i = 0; i < 25; i++)
        strcat(text, "different effect office sufficient affluent ");
    strcat(text, "end.");
    sc_style st = tl_style("Noto Serif", 11, SC_ALIGN_JUSTIFY);
    st.hyphens = 1;
    int ff_breaks = 0, ligatures = 0;
    for (float width = 100; width <= 240; width += 10) {
        char what[64];
        snprintf(what, sizeof what, "ligature words %.0f pt", width);
        set_and_check(c, text, "en", 1, SC_ALIGN_JUSTIFY, width, what);
        sc_line *lines;
        size_t n = tl_lines(c, text, &st, "en", width, &lines);
        for (size_t i = 0; i + 1 < n; i++) {
            const sc_glyph_run *r = &lines[i].runs[lines[i].nruns - 1];
            const sc_glyph_run *q = &lines[i + 1].runs[0];
            if (r->text_len >= 2 && memcmp(r->text + r->text_len - 2, "f-", 2) == 0 &&
                q->text_len > 0 && q->text[0] == 'f')
                ff_breaks++;
            for (size_t k = 0; k + 1 < r->nglyphs; k++) /* a glyph for "ff": a ligature */
                if (r->glyphs[k + 1].cluster - r->glyphs[k].cluster >= 2 &&
                    memcmp(r->text + r->glyphs[k].cluster, "ff", 2) == 0)
                    ligatures++;
        }
    }
    CHECK(ff_breaks > 0, "no line broke inside an ff ligature");
    CHECK(ligatures > 0, "no unbroken ff ligature drawn");
}

int main(void)
{
    tl_ctx c;
    if (tl_open(&c) != 0)
        return 1;
    check_points(&c);
    check_paragraphs(&c);
    check_hyphen_runs(&c);
    check_ligature_points(&c);
    tl_close(&c);
    if (tl_failures)
        fprintf(stderr, "%d check(s) failed\n", tl_failures);
    else
        printf("hyphenation: all checks passed\n");
    return tl_failures ? 1 : 0;
}
