/* test_text_breaks — Knuth-Plass on the Vietnamese article (every line within the measure,
 * justified lines exactly the measure, every break at a space, never inside a syllable), the
 * spacing it gives (printed: median / 95th / max interword space in em), URLs broken only at the
 * Chicago points, and the shaping cache's hit rate on the article. */
#include "text_testlib.h"

#define ARTICLE SAPCHU_SOURCE_DIR "/samples/hoi-nghi-dang-bo-khcn-2021.txt"
static const float kMeasure = 595.276f - 2 * 70.866f; /* A4 with 2.5 cm margins */

/* The text as the paragraph holds it: white space collapsed, none at the ends. */
static char *collapse(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t') {
            if (o > out && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = *s;
        }
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = 0;
    return out;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void check_cmos_points(void)
{
    const char *u = "https://www.most.gov.vn/vn/tin-tuc/19995/a_b~c?x=1&y=2#frag%20z";
    uint32_t pts[64];
    size_t n = sc_url_break_points(u, strlen(u), pts, 64);
    /* Expected: after "//", before each single '/', '.', '-', '_', '~', '?', '#', '%',
     * before and after '=' and '&'. */
    static const char *const want_after[] = {"https://", "https://www", "https://www.most",
                                             "https://www.most.gov"};
    for (size_t i = 0; i < 4; i++) {
        int found = 0;
        for (size_t k = 0; k < n; k++)
            found |= pts[k] == strlen(want_after[i]);
        CHECK(found, "no break after '%s'", want_after[i]);
    }
    for (size_t k = 0; k < n; k++) {
        char before = u[pts[k] - 1], at = u[pts[k]];
        int ok = (before == '/' && u[pts[k] - 2] == '/') || before == ':' ||
                 strchr("/.,-_~?#%=&", at) || strchr("=&", before);
        CHECK(ok && pts[k] > 0 && pts[k] < strlen(u), "break at %u ('%c|%c') is no CMoS point",
              pts[k], before, at);
        CHECK(!(before == ':' && at == '/'), "break inside ://");
    }
    size_t nslash = 0;
    for (size_t i = 8; u[i]; i++)
        nslash += u[i] == '/';
    size_t nbefore_slash = 0;
    for (size_t k = 0; k < n; k++)
        nbefore_slash += u[pts[k]] == '/';
    CHECK(nbefore_slash == nslash, "%zu breaks before single slashes, %zu slashes", nbefore_slash,
          nslash);

    CHECK(sc_url_length("https://a.vn/x).", 16) == strlen("https://a.vn/x"), "trailing ).");
    const char *w = "https://vi.wikipedia.org/wiki/A_(b), c";
    CHECK(sc_url_length(w, strlen(w)) == strlen("https://vi.wikipedia.org/wiki/A_(b)"),
          "balanced parenthesis kept");
    CHECK(sc_url_length("http://x.y/”", strlen("http://x.y/”")) == strlen("http://x.y/"), "”");
    CHECK(sc_url_length("ftp://x", 7) == 0 && sc_url_length("https://", 8) == 0, "no URL");
}

/* A long URL in a narrow measure: lines within it, breaks only at the Chicago points, the text
 * joined back without adding anything. Linked or not, the same. */
static void check_url_lines(tl_ctx *c, int linked)
{
    char url[256] = "https://www.example-site.gov.vn/tin-tuc/khoa_hoc/";
    while (strlen(url) < 190)
        strcat(url, "chuyen-muc_moi.trang~ban/");
    strcat(url, "x?id=42&lang=vi#top");
    size_t ulen = strlen(url);
    CHECK(ulen >= 200, "URL of %zu chars", ulen);
    sc_style st = tl_style("serif", 11, SC_ALIGN_JUSTIFY);
    sc_para *p = sc_para_begin(c->shaper);
    const char *before = "Xem tại ", *after = " để biết thêm chi tiết.";
    sc_para_add_text(p, before, strlen(before), &st, "vi", NULL, NULL, 3);
    sc_para_add_text(p, url, ulen, &st, "vi", linked ? url : NULL, NULL, 3);
    sc_para_add_text(p, after, strlen(after), &st, "vi", NULL, NULL, 3);
    float measure = 110;
    sc_break_params bp = {measure, 0, SC_ALIGN_JUSTIFY};
    sc_line *lines;
    size_t n = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    CHECK(n >= 8, "%zu lines for a %zu-char URL in %g pt", n, ulen, measure);
    sc_buf all;
    sc_buf_init(&all);
    double link_w = 0;
    for (size_t l = 0; l < n; l++) {
        double right = tl_line_right(&lines[l]);
        CHECK(right <= measure + 0.01 && lines[l].width <= measure + 0.01,
              "URL line %zu is %.2f pt wide (measure %g)", l, right, measure);
        size_t at = all.len;
        tl_line_text(&lines[l], &all);
        if (l > 0 && at > 0 && all.data[at - 1] != ' ') {
            /* A break inside the URL: check it is a Chicago point. */
            const char *u = strstr(all.data, "https://");
            CHECK(u != NULL, "URL start");
            size_t off = u ? (size_t)(all.data + at - u) : 0;
            if (u && off > 0 && off < ulen) {
                uint32_t pts[128];
                size_t np = sc_url_break_points(url, ulen, pts, 128);
                int ok = 0;
                for (size_t k = 0; k < np; k++)
                    ok |= pts[k] == off;
                CHECK(ok, "URL broken at %zu ('%c|%c'), not a Chicago point", off, url[off - 1],
                      url[off]);
            }
        }
        for (size_t k = 0; k < lines[l].nlinks; k++) {
            CHECK(!linked || strcmp(lines[l].links[k].uri, url) == 0, "link uri");
            link_w += lines[l].links[k].w;
        }
        for (size_t r = 0; r < lines[l].nruns; r++)
            for (size_t g = 0; g < lines[l].runs[r].nglyphs; g++)
                CHECK(lines[l].runs[r].glyphs[g].gid != 0, "glyph 0");
    }
    sc_buf expect;
    sc_buf_init(&expect);
    sc_buf_puts(&expect, before);
    sc_buf_puts(&expect, url);
    sc_buf_puts(&expect, after);
    /* Lines joined: a space where a line ended at a space (dropped), nothing inside the URL. */
    CHECK(all.len + 3 >= expect.len, "text length");
    {
        sc_buf joined;
        sc_buf_init(&joined);
        for (size_t l = 0; l < n; l++) {
            size_t at = joined.len;
            tl_line_text(&lines[l], &joined);
            (void)at;
            /* a line that ends outside the URL ended at a dropped space */
            const char *u = strstr(joined.data, "https://");
            size_t end = joined.len;
            int in_url = u && (size_t)(joined.data + end - u) < ulen;
            if (l + 1 < n && !in_url)
                sc_buf_putc(&joined, ' ');
        }
        CHECK(joined.data && strcmp(joined.data, expect.data) == 0,
              "lines joined differ from the source:\n  %s\n  %s", joined.data, expect.data);
        sc_buf_free(&joined);
    }
    if (linked)
        CHECK(link_w > measure * 5, "link rectangles cover the URL (%.1f pt)", link_w);
    else
        CHECK(link_w == 0, "no link");
    sc_buf_free(&all);
    sc_buf_free(&expect);
}

int main(void)
{
    tl_ctx c;
    if (tl_open(&c) != 0)
        return 1;
    check_cmos_points();
    check_url_lines(&c, 0);
    check_url_lines(&c, 1);

    sc_buf file;
    char **paras = NULL;
    size_t np = tl_paragraphs(ARTICLE, &file, &paras);
    CHECK(np >= 8, "article has %zu paragraphs", np);
    sc_style st = tl_style("\"Noto Serif\", serif", 11, SC_ALIGN_JUSTIFY);
    double *spaces = malloc(20000 * sizeof *spaces);
    size_t nspaces = 0, nlines_total = 0, nlong = 0;
    double url_line_max = 0;
    const sc_face *serif = sc_fontset_face(c.fonts, 0);
    hb_codepoint_t space_gid = 0;
    hb_font_get_nominal_glyph(serif->hb_font, ' ', &space_gid);
    double natural = hb_font_get_glyph_h_advance(serif->hb_font, space_gid) / 1000.0;
    for (size_t i = 0; i < np; i++) {
        char *src = collapse(paras[i]);
        if (strlen(src) < 10) { /* the article has a line of only a no-break space */
            free(src);
            continue;
        }
        nlong += strlen(src) >= 200;
        sc_line *lines;
        size_t n = tl_lines(&c, src, &st, "vi", kMeasure, &lines);
        nlines_total += n;
        size_t pos = 0, srclen = strlen(src);
        for (size_t l = 0; l < n; l++) {
            const sc_line *ln = &lines[l];
            double right = tl_line_right(ln);
            CHECK(right <= kMeasure + 0.01, "para %zu line %zu: %.3f pt > measure %.3f", i, l,
                  right, kMeasure);
            CHECK(ln->ends_paragraph == (l + 1 == n), "ends_paragraph");
            sc_buf t;
            sc_buf_init(&t);
            tl_line_text(ln, &t);
            CHECK(t.len > 0 && t.data[t.len - 1] != ' ', "para %zu line %zu ends with a space", i, l);
            CHECK(t.len <= srclen - pos && memcmp(src + pos, t.data, t.len) == 0,
                  "para %zu line %zu is not the source text that follows:\n  %s", i, l, t.data);
            pos += t.len;
            int at_space = pos < srclen && src[pos] == ' ';
            if (l + 1 < n && at_space) {
                pos++;
                CHECK(fabs(right - kMeasure) <= 0.01 && fabs(ln->width - kMeasure) <= 0.01,
                      "para %zu line %zu: justified to %.3f (width %.3f), measure %.3f", i, l,
                      right, ln->width, kMeasure);
            } else if (l + 1 < n) {
                /* Not at a space: only inside a URL, at a Chicago point. Never in a syllable. */
                const char *u = NULL;
                for (const char *q = strstr(src, "http"); q && q < src + pos; q = strstr(q + 1, "http"))
                    u = q;
                size_t ulen = u ? sc_url_length(u, srclen - (size_t)(u - src)) : 0;
                int ok = 0;
                if (u && (size_t)(src + pos - u) < ulen) {
                    uint32_t pts[256];
                    size_t npts = sc_url_break_points(u, ulen, pts, 256);
                    for (size_t k = 0; k < npts; k++)
                        ok |= pts[k] == (uint32_t)(src + pos - u);
                }
                CHECK(ok, "para %zu line %zu broken inside a word: ...%.12s|%.12s...", i, l,
                      src + pos - (pos > 12 ? 12 : pos), src + pos);
            }
            sc_buf_free(&t);
            for (size_t r = 0; r < ln->nruns; r++)
                for (size_t g = 0; g < ln->runs[r].nglyphs; g++) {
                    const sc_glyph *gl = &ln->runs[r].glyphs[g];
                    CHECK(gl->gid != 0, "glyph 0");
                    if (gl->gid != space_gid || ln->runs[r].text[gl->cluster] != ' ' ||
                        ln->ends_paragraph)
                        continue;
                    /* A line ending inside a URL may have to stretch its one space a lot. */
                    if (at_space && nspaces < 20000)
                        spaces[nspaces++] = gl->x_advance / 11.0;
                    else if (!at_space && gl->x_advance / 11.0 > url_line_max)
                        url_line_max = gl->x_advance / 11.0;
                }
        }
        CHECK(pos == srclen, "para %zu: the lines hold %zu of %zu bytes", i, pos, srclen);
        free(src);
    }
    CHECK(nlong >= 8 && nspaces > 500, "%zu long paragraphs, %zu spaces", nlong, nspaces);
    qsort(spaces, nspaces, sizeof *spaces, cmp_double);
    double median = spaces[nspaces / 2], p95 = spaces[nspaces * 95 / 100],
           maxs = spaces[nspaces - 1], mins = spaces[0];
    printf("interword space on the article (Noto Serif 11 pt, measure %.3f pt, %zu lines): "
           "natural %.3f em; lines ending at a space: min %.3f, median %.3f, 95th %.3f, max %.3f "
           "em; the line ending inside the URL: %.3f em\n",
           kMeasure, nlines_total, natural, mins, median, p95, maxs, url_line_max);
    /* Knuth-Plass keeps spaces within shrink (2/3 of natural) and sane stretch. */
    CHECK(mins >= natural * 2 / 3 - 1e-3, "space shrunk below 2/3: %.3f em", mins);
    CHECK(median < natural * 1.5 && p95 < natural * 2.2 && maxs < natural * 3,
          "spaces too loose: median %.3f p95 %.3f max %.3f", median, p95, maxs);
    sc_shape_stats ss;
    sc_shaper_stats(c.shaper, &ss);
    printf("shaping cache on the article: %zu lookups, %zu hits (%.1f%%), %zu entries\n",
           ss.lookups, ss.hits, 100.0 * ss.hits / (ss.lookups ? ss.lookups : 1), ss.entries);
    CHECK(ss.hits * 2 > ss.lookups, "hit rate below 50%%");
    free(spaces);
    free(paras);
    sc_buf_free(&file);
    tl_close(&c);
    if (tl_failures)
        return 1;
    printf("ok: line breaking\n");
    return 0;
}
