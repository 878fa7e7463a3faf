/* text_testlib.h — helpers for the unit tests of the text half of the layout stage (fonts,
 * shaping, line breaking): a shaping context over the bundled fonts and paragraph helpers. */
#ifndef TEXT_TESTLIB_H
#define TEXT_TESTLIB_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "layout/text.h"

static int tl_failures;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                        \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fprintf(stderr, "\n");                                                                 \
            tl_failures++;                                                                         \
        }                                                                                          \
    } while (0)

typedef struct tl_ctx {
    sc_diag_list diags;
    sc_fontset *fonts;
    sc_arena *arena;
    sc_shaper *shaper;
} tl_ctx;

static inline int tl_open(tl_ctx *c)
{
    sc_diag_init(&c->diags);
    /* The bundled fonts only: what the tests expect must not depend on the installed fonts
     * (tests/unit/test_fonts.c covers those). */
    sc_font_options fo = {.fonts_dir = SAPCHU_SOURCE_DIR "/fonts", .no_system_fonts = 1};
    c->fonts = sc_fontset_load_opts(&fo, &c->diags);
    if (!c->fonts) {
        fprintf(stderr, "FAIL: cannot load the bundled fonts from %s/fonts\n", SAPCHU_SOURCE_DIR);
        return -1;
    }
    c->arena = sc_arena_new();
    c->shaper = sc_shaper_new(c->fonts, c->arena, &c->diags, "test.txt");
    return c->shaper ? 0 : -1;
}

static inline void tl_close(tl_ctx *c)
{
    sc_shaper_free(c->shaper);
    sc_arena_free(c->arena);
    sc_fontset_free(c->fonts);
    sc_diag_clear(&c->diags);
}

static inline sc_style tl_style(const char *family, float size, sc_text_align align)
{
    sc_style st;
    memset(&st, 0, sizeof st);
    st.font_family = family;
    st.font_size = size;
    st.font_weight = 400;
    st.line_height = size * 1.4f;
    st.text_align = align;
    st.widows = st.orphans = 1;
    return st;
}

/* Lay out one paragraph of text in one style. */
static inline size_t tl_lines(tl_ctx *c, const char *text, const sc_style *st, const char *lang,
                       float width, sc_line **lines)
{
    sc_para *p = sc_para_begin(c->shaper);
    sc_para_add_text(p, text, strlen(text), st, lang, NULL, NULL, 1);
    sc_break_params bp = {width, 0, st->text_align};
    size_t n = sc_para_lines(p, &bp, lines);
    sc_para_end(p);
    return n;
}

/* The text of a line: its runs' texts concatenated (spaces between runs that do not touch). */
static inline void tl_line_text(const sc_line *ln, sc_buf *out)
{
    for (size_t r = 0; r < ln->nruns; r++)
        sc_buf_append(out, ln->runs[r].text, ln->runs[r].text_len);
}

/* Right edge of the last glyph of a line (pen position after it). */
static inline double tl_line_right(const sc_line *ln)
{
    double right = 0;
    for (size_t r = 0; r < ln->nruns; r++) {
        double x = ln->runs[r].x;
        for (size_t g = 0; g < ln->runs[r].nglyphs; g++)
            x += ln->runs[r].glyphs[g].x_advance;
        if (x > right)
            right = x;
    }
    return right;
}

/* Read the paragraphs (blank-line separated) of a file; returns the count. */
static inline size_t tl_paragraphs(const char *path, sc_buf *file, char ***paras)
{
    sc_buf_init(file);
    if (sc_buf_read_file(file, path, 1 << 24) != 0)
        return 0;
    size_t n = 0, cap = 64;
    char **v = malloc(cap * sizeof *v);
    char *p = file->data;
    while (p && *p) {
        while (*p == '\n')
            p++;
        if (!*p)
            break;
        char *e = strstr(p, "\n\n");
        if (e)
            *e = 0;
        if (n == cap)
            v = realloc(v, (cap *= 2) * sizeof *v);
        v[n++] = p;
        p = e ? e + 2 : NULL;
    }
    *paras = v;
    return n;
}

#endif
