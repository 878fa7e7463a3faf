/* test_text_fonts — the bundled fontset (every sc_face field) and family matching. */
#include "text_testlib.h"

static const char *face_for(tl_ctx *c, const char *family, int weight, int italic)
{
    sc_style st = tl_style(family, 11, SC_ALIGN_LEFT);
    st.font_weight = weight;
    st.font_italic = italic;
    return sc_shaper_face_for(c->shaper, &st)->ps_name;
}

int main(void)
{
    tl_ctx c;
    if (tl_open(&c) != 0)
        return 1;
    static const char *const names[] = {
        "NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic",
        "NotoSans-Regular",  "NotoSans-Bold",  "NotoSans-Italic",  "NotoSans-BoldItalic",
        "NotoSansMono-Regular", "NotoSansMono-Bold"};
    CHECK(sc_fontset_count(c.fonts) == 10, "got %zu faces", sc_fontset_count(c.fonts));
    for (size_t i = 0; i < sc_fontset_count(c.fonts) && i < 10; i++) {
        const sc_face *f = sc_fontset_face(c.fonts, i);
        CHECK(f->id == (int)i, "face %zu has id %d", i, f->id);
        CHECK(strcmp(f->ps_name, names[i]) == 0, "face %zu is %s, want %s", i, f->ps_name, names[i]);
        CHECK(strstr(f->path, names[i]) != NULL, "path %s", f->path);
        CHECK(f->upem == 1000, "%s upem %d", f->ps_name, f->upem);
        CHECK(f->ascender > 900 && f->descender < -200, "%s asc %d desc %d", f->ps_name,
              f->ascender, f->descender);
        CHECK(f->cap_height > 600 && f->cap_height < 800, "%s cap %d", f->ps_name, f->cap_height);
        CHECK(f->x_height > 450 && f->x_height < 600, "%s x %d", f->ps_name, f->x_height);
        CHECK(f->bbox[0] < 0 && f->bbox[1] < 0 && f->bbox[2] > 1000 && f->bbox[3] > 1000,
              "%s bbox", f->ps_name);
        int bold = strstr(names[i], "Bold") != NULL, italic = strstr(names[i], "Italic") != NULL;
        CHECK((f->weight >= 600) == bold, "%s weight %d", f->ps_name, f->weight);
        CHECK(f->italic == italic, "%s italic %d", f->ps_name, f->italic);
        CHECK(italic ? f->italic_angle < -5 : f->italic_angle == 0, "%s angle %f", f->ps_name,
              f->italic_angle);
        int mono = strstr(names[i], "Mono") != NULL;
        CHECK(f->fixed_pitch == mono, "%s fixed pitch %d", f->ps_name, f->fixed_pitch);
        CHECK(f->serif == (strstr(names[i], "Serif") != NULL), "%s serif %d", f->ps_name, f->serif);
        CHECK(f->cff == 0, "%s: the Noto TTFs have glyf outlines", f->ps_name);
        CHECK(strcmp(f->family, mono ? "Noto Sans Mono" : i < 4 ? "Noto Serif" : "Noto Sans") == 0,
              "%s family %s", f->ps_name, f->family);
        unsigned upem = hb_face_get_upem(f->hb_face);
        int xs = 0, ys = 0;
        hb_font_get_scale(f->hb_font, &xs, &ys);
        CHECK(upem == 1000 && xs == 1000 && ys == 1000, "%s hb scale %d", f->ps_name, xs);
    }
    /* Family lists, weights and slants. */
    struct { const char *family; int weight, italic; const char *want; } cases[] = {
        {"\"Noto Serif\", serif", 400, 0, "NotoSerif-Regular"},
        {"serif", 700, 0, "NotoSerif-Bold"},
        {"serif", 600, 1, "NotoSerif-BoldItalic"},
        {"serif", 500, 1, "NotoSerif-Italic"},
        {"'Noto Sans', sans-serif", 400, 0, "NotoSans-Regular"},
        {"Helvetica, Arial, sans-serif", 700, 1, "NotoSans-BoldItalic"},
        {"monospace", 400, 0, "NotoSansMono-Regular"},
        {"\"Courier New\", monospace", 400, 1, "NotoSansMono-Regular"}, /* no mono italic */
        {"ui-monospace, monospace", 800, 1, "NotoSansMono-Bold"},
        {"Georgia, \"Times New Roman\"", 400, 0, "NotoSerif-Regular"}, /* unknown: serif */
        {"Noto Sans Mono", 400, 0, "NotoSansMono-Regular"},
        {"", 400, 0, "NotoSerif-Regular"},
        {"  NOTO SANS  , serif", 400, 0, "NotoSans-Regular"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = face_for(&c, cases[i].family, cases[i].weight, cases[i].italic);
        CHECK(strcmp(got, cases[i].want) == 0, "'%s' %d %d gave %s, want %s", cases[i].family,
              cases[i].weight, cases[i].italic, got, cases[i].want);
    }
    CHECK(strcmp(sc_shaper_face_for(c.shaper, NULL)->ps_name, "NotoSerif-Regular") == 0, "NULL");

    /* The fallback chain: same style in the other families first, then all faces, once each. */
    const sc_face *fb[16];
    size_t n = sc_fontset_fallbacks(c.fonts, sc_fontset_face(c.fonts, 1), fb, 16);
    CHECK(n == 9, "%zu fallbacks", n);
    CHECK(n >= 2 && strcmp(fb[0]->ps_name, "NotoSans-Bold") == 0 &&
              strcmp(fb[1]->ps_name, "NotoSansMono-Bold") == 0,
          "fallback order starts %s", n ? fb[0]->ps_name : "-");

    /* A missing directory is an error, not a crash. */
    sc_diag_list d;
    sc_diag_init(&d);
    CHECK(sc_fontset_load("/nonexistent-dir", &d) == NULL && d.errors == 1, "missing dir");
    sc_diag_clear(&d);
    tl_close(&c);
    if (tl_failures)
        return 1;
    printf("ok: fonts and family matching\n");
    return 0;
}
