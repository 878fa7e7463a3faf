/* test_pdf_lib.h — helpers shared by the PDF writer tests: load a face the way the layout's font
 * loader fills sc_face, shape a line with HarfBuzz into a glyph run (recording the expected glyph
 * ids and positions as JSON for test_pdf_writer_check.py), add items to a page. */
#ifndef TEST_PDF_LIB_H
#define TEST_PDF_LIB_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <hb-ot.h>
#include <hb.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "layout/layout.h"
#include "writers/pdf/pdf.h"

static int failures;
#define CHECK(cond, ...)                                                                            \
    do {                                                                                            \
        if (!(cond)) {                                                                              \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                    \
            fprintf(stderr, __VA_ARGS__);                                                           \
            fputc('\n', stderr);                                                                    \
            failures++;                                                                             \
        }                                                                                           \
    } while (0)

static inline int be16(const char *p)
{
    return (int16_t)(((unsigned char)p[0] << 8) | (unsigned char)p[1]);
}

/* Fill an sc_face from a font file the way the layout's font loader does (serif by default). */
static inline int load_face(sc_face *f, sc_arena *a, const char *path, int id, int weight)
{
    hb_blob_t *cff;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob)
        return -1;
    memset(f, 0, sizeof *f);
    f->id = id;
    f->path = path;
    f->hb_face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    f->upem = (int)hb_face_get_upem(f->hb_face);
    cff = hb_face_reference_table(f->hb_face, HB_TAG('C', 'F', 'F', ' '));
    f->cff = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    f->hb_font = hb_font_create(f->hb_face);
    hb_font_set_scale(f->hb_font, f->upem, f->upem);
    char name[128];
    unsigned len = sizeof name;
    hb_ot_name_get_utf8(f->hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
    f->ps_name = sc_arena_strdup(a, name);
    f->family = f->ps_name;
    f->weight = weight;
    f->serif = 1;
    hb_position_t v;
    hb_ot_metrics_get_position(f->hb_font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v);
    f->ascender = v;
    hb_ot_metrics_get_position(f->hb_font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v);
    f->descender = v;
    hb_ot_metrics_get_position(f->hb_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v);
    f->cap_height = v;
    hb_ot_metrics_get_position(f->hb_font, HB_OT_METRICS_TAG_X_HEIGHT, &v);
    f->x_height = v;
    hb_blob_t *head = hb_face_reference_table(f->hb_face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned hl;
    const char *h = hb_blob_get_data(head, &hl);
    if (hl >= 44)
        for (int i = 0; i < 4; i++)
            f->bbox[i] = be16(h + 36 + 2 * i);
    hb_blob_destroy(head);
    return 0;
}

typedef struct expect {
    sc_buf json;        /* glyph records */
    int first;
} expect;

static inline void json_str(sc_buf *b, const char *s, size_t n)
{
    sc_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            sc_buf_printf(b, "\\%c", c);
        else if (c < 0x20)
            sc_buf_printf(b, "\\u%04x", c);
        else
            sc_buf_putc(b, (char)c);
    }
    sc_buf_putc(b, '"');
}

/* Shape `text` (UTF-8, NFC) with language vi into a run at (x, y); `extra` pt are added to every
 * space's advance (what justification does). Records the expected glyphs. */
static inline sc_item shape(sc_arena *a, const sc_face *face, float size, float x, float y,
                     const char *text, float extra, int page, expect *ex)
{
    hb_buffer_t *b = hb_buffer_create();
    hb_buffer_add_utf8(b, text, -1, 0, -1);
    hb_buffer_set_direction(b, HB_DIRECTION_LTR);
    hb_buffer_set_script(b, HB_SCRIPT_LATIN);
    hb_buffer_set_language(b, hb_language_from_string("vi", -1));
    hb_shape(face->hb_font, b, NULL, 0);
    unsigned n;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &n);
    sc_glyph *g = sc_arena_calloc(a, n, sizeof *g);
    float k = size / (float)face->upem, pen = 0;
    for (unsigned i = 0; i < n; i++) {
        g[i].gid = info[i].codepoint;
        g[i].cluster = info[i].cluster;
        g[i].x_advance = pos[i].x_advance * k + (text[info[i].cluster] == ' ' ? extra : 0);
        g[i].x_offset = pos[i].x_offset * k;
        g[i].y_offset = pos[i].y_offset * k;
        /* mutool names glyphs of name-keyed CFF fonts; record the name too. */
        char gname[64] = "";
        hb_font_get_glyph_name(face->hb_font, g[i].gid, gname, sizeof gname);
        sc_buf_printf(&ex->json, "%s\n  {\"page\": %d, \"gid\": %u, \"name\": ", ex->first ? "" : ",",
                      page, g[i].gid);
        json_str(&ex->json, gname, strlen(gname));
        sc_buf_printf(&ex->json, ", \"x\": %.4f, \"y\": %.4f}", x + pen + g[i].x_offset,
                      y - g[i].y_offset);
        ex->first = 0;
        pen += g[i].x_advance;
    }
    hb_buffer_destroy(b);
    sc_item it = {.kind = SC_ITEM_GLYPHS};
    it.u.glyphs = (sc_glyph_run){.face = face, .size = size, .x = x, .y = y, .glyphs = g,
                                 .nglyphs = n, .text = sc_arena_strdup(a, text),
                                 .text_len = strlen(text), .color = {0, 0, 0}};
    return it;
}

static inline void add_item(sc_arena *a, sc_page *p, sc_item it)
{
    if (p->nitems == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        p->items = sc_arena_realloc(a, p->items, p->cap * sizeof *p->items, cap * sizeof *p->items);
        p->cap = cap;
    }
    p->items[p->nitems++] = it;
}

#endif
