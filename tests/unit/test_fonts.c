/* test_fonts — fonts beyond the bundled ones: font folders (TrueType Charis SIL, CFF Latin
 * Modern), @font-face rules and their folder check, installed fonts through fontconfig (a family;
 * a character no chosen font has), lazy loading, the family-list warnings, --list-fonts, and
 * fontsets used from two threads at once. */
#include <pthread.h>
#include <unistd.h>

#include "text_testlib.h"

#define CHARIS_DIR "/usr/share/fonts/truetype/charis"
#define LM_DIR "/usr/share/texmf/fonts/opentype/public/lm"

static int count_warnings(const sc_diag_list *d, const char *needle)
{
    int n = 0;
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == SC_WARNING && strstr(d->items[i].message, needle))
            n++;
    return n;
}

static const char *ps(const sc_face *f)
{
    return f ? f->ps_name : "(none)";
}

static sc_fontset *load(const char *const *dirs, size_t ndirs, int no_system, sc_diag_list *d)
{
    sc_font_options o = {.fonts_dir = SAPCHU_SOURCE_DIR "/fonts", .font_dirs = dirs,
                         .nfont_dirs = ndirs, .no_system_fonts = no_system};
    return sc_fontset_load_opts(&o, d);
}

static const sc_face *family(sc_fontset *fs, const char *name, int weight, int italic,
                             sc_diag_list *d)
{
    return sc_fontset_family(fs, name, strlen(name), weight, italic, d);
}

static void test_font_dirs(void)
{
    sc_diag_list d;
    sc_diag_init(&d);
    static const char *const dirs[] = {CHARIS_DIR, LM_DIR, "/nonexistent-font-dir"};
    sc_fontset *fs = load(dirs, 3, 1, &d);
    CHECK(fs != NULL, "load with font dirs");
    if (!fs)
        return;
    CHECK(count_warnings(&d, "font folder not found") == 1, "a missing folder is one warning");
    CHECK(sc_fontset_count(fs) == 10, "only the bundled faces are loaded at first: %zu",
          sc_fontset_count(fs));
    struct { const char *family; int weight, italic; const char *want; int cff; } cases[] = {
        {"Charis SIL", 400, 0, "CharisSIL", 0},
        {"charis sil", 700, 0, "CharisSIL-Bold", 0},
        {"Charis SIL", 400, 1, "CharisSIL-Italic", 0},
        {"Charis SIL", 800, 1, "CharisSIL-BoldItalic", 0},
        {"Latin Modern Roman", 400, 0, "LMRoman10-Regular", 1}, /* typographic family (ID 16) */
        {"LM Roman 10", 700, 0, "LMRoman10-Bold", 1},           /* legacy family (ID 1) */
        {"Latin Modern Roman", 400, 1, "LMRoman10-Italic", 1},
        {"Noto Sans", 700, 0, "NotoSans-Bold", 0},              /* bundled by name */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const sc_face *f = family(fs, cases[i].family, cases[i].weight, cases[i].italic, &d);
        CHECK(f && strcmp(f->ps_name, cases[i].want) == 0, "'%s' %d %d gave %s, want %s",
              cases[i].family, cases[i].weight, cases[i].italic, ps(f), cases[i].want);
        if (f) {
            CHECK(f->cff == cases[i].cff, "%s cff %d", f->ps_name, f->cff);
            CHECK(f->id >= 0 && (size_t)f->id < sc_fontset_count(fs) &&
                      sc_fontset_face(fs, (size_t)f->id) == f,
                  "%s id %d", f->ps_name, f->id);
        }
    }
    CHECK(sc_fontset_count(fs) == 10 + 7, "the 7 faces asked for are loaded: %zu",
          sc_fontset_count(fs));
    const sc_face *again = family(fs, "Charis SIL", 400, 0, &d);
    CHECK(sc_fontset_count(fs) == 17 && again && strcmp(again->ps_name, "CharisSIL") == 0,
          "asked again: the same face, nothing new loaded");
    const sc_face *lm = family(fs, "Latin Modern Roman", 400, 0, &d);
    if (lm) {
        CHECK(lm->upem == 1000 && lm->ascender > 0 && lm->descender < 0 && lm->cap_height > 0,
              "LM metrics upem %d asc %d desc %d", lm->upem, lm->ascender, lm->descender);
        hb_codepoint_t g;
        CHECK(hb_font_get_nominal_glyph(lm->hb_font, 0x1EC7, &g) && g != 0, "LM has ệ");
    }
    /* No system fonts: a family that is only installed is not found. */
    CHECK(family(fs, "DejaVu Sans", 400, 0, &d) == NULL, "no_system: DejaVu Sans not found");
    CHECK(sc_fontset_face_for_char(fs, 0x2713, sc_fontset_face(fs, 0), &d) == NULL,
          "no_system: no installed font for U+2713");
    sc_fontset_free(fs);
    sc_diag_clear(&d);
}

static int copy_file(const char *from, const char *to)
{
    sc_buf b;
    sc_buf_init(&b);
    FILE *f = sc_buf_read_file(&b, from, 64u << 20) == 0 ? fopen(to, "wb") : NULL;
    int ok = f && fwrite(b.data, 1, b.len, f) == b.len;
    if (f)
        fclose(f);
    sc_buf_free(&b);
    return ok ? 0 : -1;
}

/* A font folder holding another copy of a bundled family: the bundled one is still used (a
 * folder adds families; only @font-face replaces a bundled one). */
static void test_dir_does_not_replace_bundled(void)
{
    char dir[] = "/tmp/sapchu-test-fonts-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    char path[sizeof dir + 32];
    snprintf(path, sizeof path, "%s/NotoSerif-Regular.ttf", dir);
    CHECK(copy_file(SAPCHU_SOURCE_DIR "/fonts/NotoSerif-Regular.ttf", path) == 0, "copy");
    sc_diag_list d;
    sc_diag_init(&d);
    const char *dirs[] = {dir};
    sc_fontset *fs = load(dirs, 1, 1, &d);
    const sc_face *f = fs ? family(fs, "Noto Serif", 400, 0, &d) : NULL;
    CHECK(f && strstr(f->path, SAPCHU_SOURCE_DIR "/fonts/") == f->path && f->id == 0,
          "Noto Serif is the bundled file: %s", f ? f->path : "(none)");
    sc_fontset_free(fs);
    sc_diag_clear(&d);
    remove(path);
    rmdir(dir);
}

/* A folder whose only ".ttf" is not a font: skipped, with a warning naming the folder. */
static void test_broken_dir(void)
{
    char dir[] = "/tmp/sapchu-test-fonts-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/Broken.ttf", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("not a font at all\n", f);
        fclose(f);
    }
    sc_diag_list d;
    sc_diag_init(&d);
    const char *dirs[] = {dir};
    sc_fontset *fs = load(dirs, 1, 1, &d);
    CHECK(fs && count_warnings(&d, "no TrueType or OpenType font in this folder") == 1,
          "a folder without fonts is one warning");
    CHECK(fs && family(fs, "Broken", 400, 0, &d) == NULL, "nothing found in it");
    sc_fontset_free(fs);
    sc_diag_clear(&d);
    remove(path);
    rmdir(dir);
}

static void test_system(void)
{
    sc_diag_list d;
    sc_diag_init(&d);
    sc_fontset *fs = load(NULL, 0, 0, &d);
    if (!fs) {
        CHECK(0, "load");
        return;
    }
    const sc_face *f = family(fs, "DejaVu Sans", 400, 0, &d);
    CHECK(f && strcmp(f->ps_name, "DejaVuSans") == 0, "DejaVu Sans via fontconfig: %s", ps(f));
    f = family(fs, "DejaVu Sans", 700, 1, &d);
    CHECK(f && strcmp(f->ps_name, "DejaVuSans-BoldOblique") == 0, "bold oblique: %s", ps(f));
    /* fontconfig answers every query with some font: only that very family counts. */
    CHECK(family(fs, "Sapchu No Such Family", 400, 0, &d) == NULL, "unknown family: NULL");
    const sc_face *serif = sc_fontset_face(fs, 0);
    const sc_face *check = sc_fontset_face_for_char(fs, 0x2713, serif, &d);
    CHECK(check && strcmp(check->family, "DejaVu Sans") == 0, "U+2713 from %s",
          check ? check->family : "(none)");
    const sc_face *star = sc_fontset_face_for_char(fs, 0x2605, serif, &d);
    CHECK(star && strcmp(star->family, "DejaVu Sans") == 0, "U+2605 from %s",
          star ? star->family : "(none)");
    CHECK(sc_fontset_face_for_char(fs, 0x1F1FB, serif, &d) == NULL, "no font has U+1F1FB");
    CHECK(d.count == 0, "no diagnostics: %zu", d.count);
    sc_fontset_free(fs);
    sc_diag_clear(&d);
}

static void test_font_faces(void)
{
    sc_diag_list d;
    sc_diag_init(&d);
    sc_font_face_rule outside = {.family = "Outside", .weight = 400,
                                 .src = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                 .sheet = CHARIS_DIR "/style.css"};
    sc_font_face_rule missing = {.family = "Missing", .weight = 400,
                                 .src = CHARIS_DIR "/NoSuchFile.ttf",
                                 .sheet = CHARIS_DIR "/style.css", .next = &outside};
    sc_font_face_rule bold = {.family = "My Face", .weight = 700,
                              .src = CHARIS_DIR "/../charis/CharisSIL-Bold.ttf",
                              .sheet = CHARIS_DIR "/style.css", .next = &missing};
    sc_font_face_rule regular = {.family = "My Face", .weight = 400,
                                 .src = CHARIS_DIR "/CharisSIL-Regular.ttf",
                                 .sheet = CHARIS_DIR "/style.css", .next = &bold};
    const sc_font_face_rule *lists[] = {&regular};
    sc_font_options o = {.fonts_dir = SAPCHU_SOURCE_DIR "/fonts", .font_faces = lists,
                         .nfont_faces = 1, .no_system_fonts = 1};
    sc_fontset *fs = sc_fontset_load_opts(&o, &d);
    if (!fs) {
        CHECK(0, "load");
        return;
    }
    CHECK(count_warnings(&d, "outside the stylesheet's folder") == 1, "outside: one warning");
    CHECK(count_warnings(&d, "cannot find the font file") == 1, "missing file: one warning");
    const sc_face *f = family(fs, "my face", 400, 0, &d);
    CHECK(f && strcmp(f->ps_name, "CharisSIL") == 0, "@font-face regular: %s", ps(f));
    f = family(fs, "My Face", 700, 0, &d);
    CHECK(f && strcmp(f->ps_name, "CharisSIL-Bold") == 0, "@font-face bold: %s", ps(f));
    f = family(fs, "My Face", 400, 1, &d); /* no italic rule: the closest weight, upright */
    CHECK(f && strcmp(f->ps_name, "CharisSIL") == 0, "@font-face italic: %s", ps(f));
    CHECK(family(fs, "Outside", 400, 0, &d) == NULL, "the refused rule gives no face");
    sc_fontset_free(fs);
    sc_diag_clear(&d);
}

static void test_shaper_families(void)
{
    sc_diag_list d;
    sc_diag_init(&d);
    static const char *const dirs[] = {CHARIS_DIR};
    sc_fontset *fs = load(dirs, 1, 1, &d);
    sc_arena *arena = sc_arena_new();
    sc_shaper *sh = fs ? sc_shaper_new(fs, arena, &d, "doc.md") : NULL;
    if (!sh) {
        CHECK(0, "shaper");
        return;
    }
    struct { const char *list; int weight; const char *want; } cases[] = {
        {"\"Charis SIL\", serif", 400, "CharisSIL"},
        {"'No Such Family', \"Charis SIL\"", 700, "CharisSIL-Bold"},
        {"No Such Family, sans-serif", 400, "NotoSans-Regular"},
        {"No Such Family", 400, "NotoSerif-Regular"},
        {"serif, \"Charis SIL\"", 400, "NotoSerif-Regular"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sc_style st = tl_style(cases[i].list, 11, SC_ALIGN_LEFT);
        st.font_weight = cases[i].weight;
        const sc_face *f = sc_shaper_face_for(sh, &st);
        CHECK(strcmp(f->ps_name, cases[i].want) == 0, "'%s' gave %s, want %s", cases[i].list,
              f->ps_name, cases[i].want);
    }
    CHECK(count_warnings(&d, "'No Such Family' not found") == 1,
          "the missing first family is warned about once (nothing of its list found): %d",
          count_warnings(&d, "'No Such Family' not found"));
    int notes = 0;
    for (size_t i = 0; i < d.count; i++)
        notes += d.items[i].severity == SC_NOTE && strstr(d.items[i].message, "'No Such Family'");
    CHECK(notes == 1, "and noted once (-v) where its list's own fallback was used: %d", notes);
    /* The fallback chain: the rest of the list, then the bundled faces. */
    sc_style st = tl_style("\"No Such Family\", \"Charis SIL\", monospace", 11, SC_ALIGN_LEFT);
    const sc_face *main_face = sc_shaper_face_for(sh, &st);
    const sc_face *fb[40];
    size_t n = sc_shaper_fallbacks(sh, &st, main_face, fb, 40);
    CHECK(strcmp(main_face->ps_name, "CharisSIL") == 0, "main %s", main_face->ps_name);
    CHECK(n >= 2 && strcmp(fb[0]->ps_name, "NotoSansMono-Regular") == 0,
          "first fallback %s", n ? fb[0]->ps_name : "-");
    for (size_t i = 0; i < n; i++)
        CHECK(fb[i] != main_face, "the face itself is not among its fallbacks");
    sc_shaper_free(sh);
    sc_arena_free(arena);
    sc_fontset_free(fs);
    sc_diag_clear(&d);
}

static void test_list(void)
{
    sc_diag_list d;
    sc_diag_init(&d);
    static const char *const dirs[] = {CHARIS_DIR};
    sc_font_options o = {.fonts_dir = SAPCHU_SOURCE_DIR "/fonts", .font_dirs = dirs,
                         .nfont_dirs = 1, .no_system_fonts = 1};
    sc_buf out;
    sc_buf_init(&out);
    CHECK(sc_fontset_list(&o, &out, &d) == 0, "list");
    const char *want = "Noto Serif\tbundled\t" SAPCHU_SOURCE_DIR "/fonts/NotoSerif-Regular.ttf\n"
                       "Noto Sans\tbundled\t" SAPCHU_SOURCE_DIR "/fonts/NotoSans-Regular.ttf\n"
                       "Noto Sans Mono\tbundled\t" SAPCHU_SOURCE_DIR
                       "/fonts/NotoSansMono-Regular.ttf\n"
                       "Charis SIL\tfont-dir\t" CHARIS_DIR "/CharisSIL-Regular.ttf\n";
    CHECK(out.data && strcmp(out.data, want) == 0, "list:\n%s", out.data ? out.data : "");
    sc_buf_free(&out);
    sc_diag_clear(&d);
}

/* Two documents at once, each with its own fontset, both asking fontconfig (initialised once). */
static void *thread_main(void *arg)
{
    int *ok = arg;
    sc_diag_list d;
    sc_diag_init(&d);
    sc_fontset *fs = load(NULL, 0, 0, &d);
    *ok = 0;
    if (fs) {
        for (int i = 0; i < 20; i++) {
            const sc_face *f = family(fs, "DejaVu Serif", i % 2 ? 700 : 400, 0, &d);
            const sc_face *c = sc_fontset_face_for_char(fs, 0x2713 + (uint32_t)i % 3,
                                                        sc_fontset_face(fs, 0), &d);
            *ok += f != NULL && c != NULL;
        }
        sc_fontset_free(fs);
    }
    sc_diag_clear(&d);
    return NULL;
}

static void test_threads(void)
{
    pthread_t th[2];
    int ok[2] = {0, 0};
    for (int i = 0; i < 2; i++)
        pthread_create(&th[i], NULL, thread_main, &ok[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    CHECK(ok[0] == 20 && ok[1] == 20, "threads: %d %d of 20 lookups found", ok[0], ok[1]);
}

int main(void)
{
    test_font_dirs();
    test_broken_dir();
    test_dir_does_not_replace_bundled();
    test_system();
    test_font_faces();
    test_shaper_families();
    test_list();
    test_threads();
    if (tl_failures) {
        fprintf(stderr, "%d check(s) failed\n", tl_failures);
        return 1;
    }
    printf("test_fonts: all checks passed\n");
    return 0;
}
