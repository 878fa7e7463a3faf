/* pdf_internal.h — inside the PDF writer (not a public face): the state of one sc_pdf_write call,
 * shared by its parts (fonts, text, graphics, navigation, metadata).
 *
 * libharu's public text API maps characters through a cmap; we show HarfBuzz glyph ids, so fonts
 * are our own Type0 dictionaries built on libharu's object layer (its internal headers, which
 * Debian installs) and glyphs go straight into the page content streams as TJ arrays. */
#ifndef SC_PDF_INTERNAL_H
#define SC_PDF_INTERNAL_H
#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "../../base/arena.h"
#include "../../base/buf.h"
#include "../../base/diag.h"
#include "../../layout/layout.h"
#include "pdf.h"

/* One embedded font: a Type0 dictionary over one sc_face, with what the pages use of it. */
typedef struct sc_pdf_font {
    /* libharu reads a font dictionary's attr as a font record: keep it first and alive until
     * HPDF_Free (it lives in the call's arena, the dictionary's attr points here). */
    HPDF_FontAttr_Rec attr;
    const sc_face *face;
    HPDF_Dict dict;          /* the Type0 font */
    unsigned nglyphs;        /* glyph count of the face */
    unsigned char *used;     /* [nglyphs]: 1 when a page shows the glyph */
    int16_t *width;          /* [nglyphs]: advance declared in /W, 1/1000 em */
    const char **uni;        /* [nglyphs]: UTF-8 text the glyph stands for (ToUnicode); NULL: none */
    uint32_t *uni_len;       /* [nglyphs] */
    char tag[7];             /* six-letter subset tag */
} sc_pdf_font;

typedef struct sc_pdf_dest {
    const char *name;
    size_t page;
    float y;                 /* layout coordinates (top-left origin) */
} sc_pdf_dest;

typedef struct sc_pdf_state {
    sc_arena *arena;         /* scratch owned by this call */
    sc_diag_list *diags;
    const char *path;
    const sc_layout *layout;
    HPDF_Doc pdf;
    int compress;

    int failed;              /* set by the libharu error handler */
    HPDF_STATUS error_no, detail_no;
    const char *doing;       /* what the writer was doing, for the error message */

    sc_pdf_font **fonts;
    size_t nfonts;
    HPDF_Page *pages;        /* [layout->npages] */
    sc_pdf_dest *dests;      /* sorted by name */
    size_t ndests;
    struct sc_pdf_image *images; /* pictures loaded so far, one per key (pdf_images.c) */
    size_t nimages, images_cap;
} sc_pdf_state;

/* pdf_writer.c: report a failure (libharu's recorded error, or `what` alone). Returns -1. */
int sc_pdf_fail(sc_pdf_state *st, const char *what);

/* pdf_glyphs.c: the first pass over the display list: which faces and glyphs are used, and what
 * text each glyph stands for (from the runs' clusters). */
int sc_pdf_collect_glyphs(sc_pdf_state *st);
sc_pdf_font *sc_pdf_font_for(sc_pdf_state *st, const sc_face *face);
/* The clusters of a run: glyphs [i, returned end) share one cluster, whose text is
 * run->text[*t0, *t1). `monotone`: sc_pdf_run_monotone(run) (clusters never decrease). */
int sc_pdf_run_monotone(const sc_glyph_run *run);
size_t sc_pdf_cluster(const sc_glyph_run *run, int monotone, size_t i, size_t *t0, size_t *t1);

/* pdf_fonts.c: the Type0 / CIDFont / FontDescriptor / FontFile objects of every used font. */
int sc_pdf_build_fonts(sc_pdf_state *st);
/* pdf_subset.c: the font program to embed (hb-subset, original glyph ids kept). The blob is the
 * caller's to destroy; for CFF faces it is the bare CFF table. */
hb_blob_t *sc_pdf_subset_face(const sc_pdf_font *font);
/* pdf_tounicode.c: the ToUnicode CMap stream of a font. */
HPDF_Dict sc_pdf_tounicode(sc_pdf_state *st, const sc_pdf_font *font);

/* pdf_text.c: one glyph run into the page's content stream (inside BT/ET). */
typedef struct sc_pdf_page_ctx {
    HPDF_Page page;
    float height;
    int in_text;             /* between BeginText and EndText */
    const sc_pdf_font *font; /* the font and size last selected with Tf */
    float font_size;
    int have_fill;
    sc_rgb fill;
} sc_pdf_page_ctx;
int sc_pdf_draw_run(sc_pdf_state *st, sc_pdf_page_ctx *pc, const sc_glyph_run *run);

/* pdf_graphics.c: rules and rectangles. */
int sc_pdf_draw_rule(sc_pdf_state *st, sc_pdf_page_ctx *pc, const sc_item *item);
int sc_pdf_draw_rect(sc_pdf_state *st, sc_pdf_page_ctx *pc, const sc_item *item);
/* Close the text object if one is open (before paths, and at the end of a page). */
int sc_pdf_end_text(sc_pdf_state *st, sc_pdf_page_ctx *pc);

/* pdf_images.c: a picture into its box (loaded once per key; EXIF orientation applied). */
int sc_pdf_draw_image(sc_pdf_state *st, sc_pdf_page_ctx *pc, const sc_item *item);

/* pdf_nav.c: destinations, link annotations, the outline. */
int sc_pdf_collect_dests(sc_pdf_state *st);
int sc_pdf_add_link(sc_pdf_state *st, size_t page, const sc_item *item);
int sc_pdf_add_outline(sc_pdf_state *st);
/* Page labels from the printed folios, when they are not simply 1, 2, 3 ... */
int sc_pdf_add_page_labels(sc_pdf_state *st);

/* pdf_meta.c: Info, /Lang, PDF version, trailer /ID. */
int sc_pdf_set_meta(sc_pdf_state *st, const sc_meta *meta, const sc_pdf_options *opts);

/* pdf_strings.c: text helpers. */
/* A PDF text string object: a literal for printable ASCII, else UTF-16BE with a BOM. */
void *sc_pdf_text_string(sc_pdf_state *st, const char *utf8);
/* UTF-8 -> UTF-16BE code units appended as hex digits (surrogate pairs beyond the BMP). */
void sc_pdf_utf16_hex(sc_buf *out, const char *utf8, size_t len);
/* A number for a content stream: at most 3 decimals, no exponent, locale-independent. */
void sc_pdf_num(sc_buf *out, double v);

#endif
