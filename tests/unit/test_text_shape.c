/* test_text_shape — shaping: the language reaches HarfBuzz (Charis SIL's Vietnamese forms), the
 * glyphs equal hb-shape's, NFC and NFD give the same glyphs, font fallback per grapheme cluster,
 * characters no font has (emoji flags, ZWJ sequences) are warned about and never drawn as glyph 0,
 * and the shaping cache hits. */
#include "text_testlib.h"

#define CHARIS "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf"

typedef struct ref_glyph { unsigned gid, cluster; int adv, xoff, yoff; } ref_glyph;

/* Run hb-shape (the reference) and parse "[gid=cluster@x,y+adv|...]". */
static size_t hb_shape_ref(const char *font, const char *lang, const char *text, ref_glyph *out,
                           size_t cap)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "hb-shape --no-glyph-names --utf8-clusters --cluster-level=0 --font-file='%s' "
             "%s%s --text='%s'",
             font, lang ? "--language=" : "", lang ? lang : "", text);
    FILE *f = popen(cmd, "r");
    if (!f)
        return 0;
    char line[8192];
    size_t n = 0;
    if (fgets(line, sizeof line, f)) {
        char *p = line;
        if (*p == '[')
            p++;
        while (*p && *p != ']' && n < cap) {
            ref_glyph g = {0, 0, 0, 0, 0};
            g.gid = (unsigned)strtoul(p, &p, 10);
            if (*p == '=')
                g.cluster = (unsigned)strtoul(p + 1, &p, 10);
            if (*p == '@') {
                g.xoff = (int)strtol(p + 1, &p, 10);
                if (*p == ',')
                    g.yoff = (int)strtol(p + 1, &p, 10);
            }
            if (*p == '+')
                g.adv = (int)strtol(p + 1, &p, 10);
            out[n++] = g;
            if (*p == '|')
                p++;
            else
                break;
        }
    }
    pclose(f);
    return n;
}

static void compare_with_hb_shape(tl_ctx *c, const sc_face *face, const char *lang,
                                  const char *text)
{
    ref_glyph ref[256];
    size_t nref = hb_shape_ref(face->path, lang, text, ref, 256);
    const sc_shaped *s = sc_shape_text(c->shaper, face, lang, text, strlen(text));
    CHECK(nref > 0 && nref == s->nglyphs, "'%s': %u glyphs, hb-shape gives %zu", text,
          s->nglyphs, nref);
    for (size_t i = 0; i < nref && i < s->nglyphs; i++) {
        const sc_ushaped_glyph *g = &s->glyphs[i];
        CHECK(g->gid == ref[i].gid && g->cluster == ref[i].cluster &&
                  g->x_advance == ref[i].adv && g->x_offset == ref[i].xoff &&
                  g->y_offset == ref[i].yoff,
              "'%s' glyph %zu: %u=%u@%d,%d+%d, hb-shape %u=%u@%d,%d+%d", text, i, g->gid,
              g->cluster, g->x_offset, g->y_offset, g->x_advance, ref[i].gid, ref[i].cluster,
              ref[i].xoff, ref[i].yoff, ref[i].adv);
    }
}

/* All glyphs of all lines, for comparing two layouts. */
static size_t collect(const sc_line *lines, size_t n, sc_glyph *out, size_t cap, int *zero)
{
    size_t k = 0;
    for (size_t l = 0; l < n; l++)
        for (size_t r = 0; r < lines[l].nruns; r++)
            for (size_t g = 0; g < lines[l].runs[r].nglyphs; g++) {
                if (lines[l].runs[r].glyphs[g].gid == 0)
                    (*zero)++;
                if (k < cap)
                    out[k++] = lines[l].runs[r].glyphs[g];
            }
    return k;
}

static int has_warning(const sc_diag_list *d, const char *needle)
{
    int n = 0;
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == SC_WARNING && strstr(d->items[i].message, needle))
            n++;
    return n;
}

int main(void)
{
    tl_ctx c;
    if (tl_open(&c) != 0)
        return 1;
    const sc_face *serif = sc_fontset_face(c.fonts, 0);

    /* 1. The language reaches the shaper: Charis SIL has Vietnamese mark forms behind locl. */
    sc_face charis;
    sc_arena *fa = sc_arena_new();
    if (sc_face_load(&charis, CHARIS, 0, 100, fa) != 0) {
        CHECK(0, "cannot load %s (Debian package fonts-sil-charis)", CHARIS);
    } else {
        const char *t = "ấ Ẫ";
        const sc_shaped *vi = sc_shape_text(c.shaper, &charis, "vi", t, strlen(t));
        const sc_shaped *none = sc_shape_text(c.shaper, &charis, NULL, t, strlen(t));
        CHECK(vi->nglyphs == 3 && none->nglyphs == 3, "%u / %u glyphs", vi->nglyphs,
              none->nglyphs);
        CHECK(vi->nglyphs == 3 && vi->glyphs[0].gid != none->glyphs[0].gid &&
                  vi->glyphs[2].gid != none->glyphs[2].gid,
              "ấ and Ẫ: the same glyphs with and without language vi (%u %u vs %u %u)",
              vi->glyphs[0].gid, vi->glyphs[2].gid, none->glyphs[0].gid, none->glyphs[2].gid);
        compare_with_hb_shape(&c, &charis, "vi", t);
        compare_with_hb_shape(&c, &charis, NULL, t);
        sc_face_release(&charis);
    }
    sc_arena_free(fa);

    /* 2. Glyph ids, clusters, advances and offsets equal hb-shape's (Noto Serif, vi). */
    static const char *const words[] = {"Nghiên", "cứu,", "Việt", "Ẫn", "Đảng", "“quán",
                                        "triệt”", "KH&CN", "2021–2030", "fi", "ỹ"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        compare_with_hb_shape(&c, serif, "vi", words[i]);
    compare_with_hb_shape(&c, sc_fontset_face(c.fonts, 3), "vi", "Trường Sa");

    /* ... and through a laid-out paragraph: each word's glyphs as hb-shape gives them, at 11 pt. */
    {
        sc_style st = tl_style("serif", 11, SC_ALIGN_LEFT);
        sc_line *lines;
        size_t n = tl_lines(&c, "Nghiên cứu, Việt", &st, "vi", 400, &lines);
        CHECK(n == 1 && lines[0].nruns == 1, "%zu lines", n);
        if (n == 1 && lines[0].nruns == 1) {
            const sc_glyph_run *r = &lines[0].runs[0];
            ref_glyph ref[64];
            size_t nref = hb_shape_ref(serif->path, "vi", "Nghiên cứu, Việt", ref, 64);
            CHECK(nref == r->nglyphs, "%zu glyphs, hb-shape %zu", r->nglyphs, nref);
            for (size_t i = 0; i < nref && i < r->nglyphs; i++)
                CHECK(r->glyphs[i].gid == ref[i].gid && r->glyphs[i].cluster == ref[i].cluster &&
                          (ref[i].gid == 3 || fabsf(r->glyphs[i].x_advance - ref[i].adv * 0.011f) < 1e-4),
                      "glyph %zu: %u=%u+%f vs %u=%u+%d", i, r->glyphs[i].gid,
                      r->glyphs[i].cluster, r->glyphs[i].x_advance, ref[i].gid, ref[i].cluster,
                      ref[i].adv);
            CHECK(r->text_len == strlen("Nghiên cứu, Việt") &&
                      memcmp(r->text, "Nghiên cứu, Việt", r->text_len) == 0,
                  "run text '%.*s'", (int)r->text_len, r->text);
        }
    }

    /* 3. NFC and NFD give the same glyphs and advances. */
    {
        const char *nfc = "Việt Nam ấ Ẫ ệ Ở quán triệt";
        const char *nfd = "Vie\xcc\xa3\xcc\x82t Nam a\xcc\x82\xcc\x81 A\xcc\x82\xcc\x83 "
                          "e\xcc\xa3\xcc\x82 O\xcc\x9b\xcc\x89 qua\xcc\x81n trie\xcc\xa3\xcc\x82t";
        sc_style st = tl_style("serif", 11, SC_ALIGN_JUSTIFY);
        sc_line *l1, *l2;
        size_t n1 = tl_lines(&c, nfc, &st, "vi", 300, &l1);
        size_t n2 = tl_lines(&c, nfd, &st, "vi", 300, &l2);
        sc_glyph g1[128], g2[128];
        int zero = 0;
        size_t k1 = collect(l1, n1, g1, 128, &zero), k2 = collect(l2, n2, g2, 128, &zero);
        CHECK(n1 == n2 && k1 == k2 && k1 > 20, "NFC %zu lines %zu glyphs, NFD %zu lines %zu glyphs",
              n1, k1, n2, k2);
        for (size_t i = 0; i < k1 && i < k2; i++)
            CHECK(g1[i].gid == g2[i].gid && fabsf(g1[i].x_advance - g2[i].x_advance) < 1e-4 &&
                      g1[i].y_offset == g2[i].y_offset,
                  "glyph %zu: NFC %u, NFD %u", i, g1[i].gid, g2[i].gid);
        CHECK(zero == 0, "glyph 0 drawn");
    }

    /* 4. Fallback per grapheme cluster: ∞ is only in Noto Sans Mono. */
    {
        sc_style st = tl_style("serif", 11, SC_ALIGN_LEFT);
        sc_line *lines;
        size_t n = tl_lines(&c, "a∞b", &st, "vi", 400, &lines);
        CHECK(n == 1 && lines[0].nruns == 3, "a∞b: %zu runs", n ? lines[0].nruns : 0);
        if (n == 1 && lines[0].nruns == 3) {
            CHECK(strcmp(lines[0].runs[1].face->ps_name, "NotoSansMono-Regular") == 0 &&
                      lines[0].runs[1].nglyphs == 1 && lines[0].runs[1].glyphs[0].gid != 0 &&
                      strcmp(lines[0].runs[1].text, "∞") == 0,
                  "∞ set in %s", lines[0].runs[1].face->ps_name);
            CHECK(lines[0].runs[0].face == serif && lines[0].runs[2].face == serif, "a, b");
            CHECK(fabsf(lines[0].runs[1].x - lines[0].runs[0].glyphs[0].x_advance) < 1e-4,
                  "∞ placed after a");
        }
        /* A combining mark stays with its base (x + U+0302; U+20D0 is in no bundled font). */
        n = tl_lines(&c, "x\xcc\x82 e\xe2\x83\x90", &st, "vi", 400, &lines);
        int zero = 0;
        sc_glyph g[16];
        size_t k = collect(lines, n, g, 16, &zero);
        CHECK(zero == 0 && k >= 3, "x̂: %zu glyphs, %d zero", k, zero);
        CHECK(has_warning(&c.diags, "U+20D0") == 1, "warning for U+20D0");
    }

    /* 5. Characters no font has: emoji flag and ZWJ family; a warning each, once, no glyph 0. */
    {
        const char *t = "Cờ 🇻🇳 và gia đình 👨‍👩‍👧 nữa, lại 🇻🇳.";
        sc_style st = tl_style("serif", 11, SC_ALIGN_JUSTIFY);
        sc_line *lines;
        size_t before = c.diags.count;
        size_t n = tl_lines(&c, t, &st, "vi", 120, &lines);
        int zero = 0;
        sc_glyph g[256];
        size_t k = collect(lines, n, g, 256, &zero);
        CHECK(n >= 2 && k > 20 && zero == 0, "%zu lines %zu glyphs %d glyph-0", n, k, zero);
        CHECK(has_warning(&c.diags, "U+1F1FB") == 1, "one warning naming U+1F1FB");
        CHECK(has_warning(&c.diags, "U+1F1F3") == 1, "one warning naming U+1F1F3");
        CHECK(has_warning(&c.diags, "U+1F468") == 1 && has_warning(&c.diags, "U+1F469") == 1 &&
                  has_warning(&c.diags, "U+1F467") == 1,
              "warnings for the family's people");
        CHECK(has_warning(&c.diags, "U+200D") == 0, "ZWJ is invisible: no warning");
        for (size_t i = before; i < c.diags.count; i++)
            CHECK(c.diags.items[i].file && strcmp(c.diags.items[i].file, "test.txt") == 0 &&
                      c.diags.items[i].line == 1,
                  "warning names the source and line: %s", c.diags.items[i].message);
        sc_buf all;
        sc_buf_init(&all);
        for (size_t l = 0; l < n; l++)
            tl_line_text(&lines[l], &all);
        CHECK(all.data && strstr(all.data, "Cờ") && strstr(all.data, "nữa,") &&
                  !strstr(all.data, "🇻"),
              "text kept around the missing characters: %s", all.data ? all.data : "");
        sc_buf_free(&all);
        for (size_t l = 0; l < n; l++)
            CHECK(tl_line_right(&lines[l]) <= 120.01, "line %zu too long", l);
    }

    /* 6. Invisible characters (ZWSP, soft hyphen, ZWJ) get no glyph: no fake zero-width spaces
     * for text extraction to read as word breaks. Their text stays with the glyph before. */
    {
        const char *t = "H\xe2\x80\x8b" "a\xc2\xad" "b\xe2\x80\x8d" "c";
        const sc_shaped *s = sc_shape_text(c.shaper, serif, "vi", t, strlen(t));
        CHECK(s->nglyphs == 4, "%u glyphs for H a b c with invisible characters", s->nglyphs);
        for (uint32_t i = 0; i < s->nglyphs; i++)
            CHECK(s->glyphs[i].gid != 3 && s->glyphs[i].x_advance > 0, "glyph %u: %u+%d", i,
                  s->glyphs[i].gid, s->glyphs[i].x_advance);
    }

    /* 7. The cache: the same word shaped twice hits; a different language misses. */
    {
        sc_shape_stats s0, s1;
        sc_shaper_stats(c.shaper, &s0);
        const sc_shaped *a = sc_shape_text(c.shaper, serif, "vi", "Hà-Nội", strlen("Hà-Nội"));
        const sc_shaped *b = sc_shape_text(c.shaper, serif, "vi", "Hà-Nội", strlen("Hà-Nội"));
        const sc_shaped *e = sc_shape_text(c.shaper, serif, "en", "Hà-Nội", strlen("Hà-Nội"));
        sc_shaper_stats(c.shaper, &s1);
        CHECK(a == b && a != e, "cache identity");
        CHECK(s1.lookups == s0.lookups + 3 && s1.hits == s0.hits + 1, "lookups %zu hits %zu",
              s1.lookups - s0.lookups, s1.hits - s0.hits);
    }
    tl_close(&c);
    if (tl_failures)
        return 1;
    printf("ok: shaping\n");
    return 0;
}
