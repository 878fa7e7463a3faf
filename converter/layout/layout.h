/* layout.h — the layout stage's public face.
 *
 * In: a styled document tree, the page setup, the fonts. Out: pages of positioned items (a display
 * list: glyph runs, rules, links, destinations) plus the outline. The layout knows nothing of PDF;
 * the PDF writer knows nothing of layout, it only draws what is here.
 *
 * Coordinates are points with the origin at the TOP-LEFT of the page, y growing DOWN
 * (writers flip). A glyph run's (x, y) is the pen position on the baseline before its first glyph. */
#ifndef SC_LAYOUT_H
#define SC_LAYOUT_H
#include <stddef.h>
#include <stdint.h>

#include <hb.h>

#include "../base/arena.h"
#include "../base/diag.h"
#include "../model/doc.h"
#include "../style/style.h"

/* ---- fonts ---------------------------------------------------------------------------------- */

/* One loaded font face. Read-only after loading; the PDF writer subsets and embeds it. */
typedef struct sc_face {
    int id;                 /* index in its fontset: a stable order for deterministic output */
    const char *path;       /* the font file */
    unsigned index;         /* face index inside a collection */
    const char *family;     /* e.g. "Noto Serif" */
    const char *ps_name;    /* PostScript name, e.g. "NotoSerif-Bold" */
    int weight;             /* 400, 700, ... */
    int italic;
    int fixed_pitch, serif; /* for the PDF font descriptor flags */
    int cff;                /* 1 when the outlines are CFF (OpenType 'CFF ' table) */
    int upem;               /* units per em */
    int ascender, descender, cap_height, x_height; /* font units; descender < 0 */
    int bbox[4];            /* xMin yMin xMax yMax, font units */
    float italic_angle;
    hb_face_t *hb_face;
    hb_font_t *hb_font;     /* scale = upem (advances come in font units) */
} sc_face;

/* The fonts a document may use: the bundled families (Noto Serif, Noto Sans, Noto Sans Mono, four
 * styles each where they exist) found in `fonts_dir`, with the fallback chain among them. */
typedef struct sc_fontset sc_fontset;

sc_fontset *sc_fontset_load(const char *fonts_dir, sc_diag_list *diags);

/* Where a document's fonts come from besides the bundled ones. A family named in a style is looked
 * for in the @font-face rules, then the bundled families, then the font folders, then the installed
 * fonts (fontconfig). A character no chosen font has is looked for in the bundled faces, then in
 * any installed font (fontconfig). Fonts are loaded lazily, when the layout first asks for them:
 * the fontset caches them, so use one fontset per document (per thread). */
typedef struct sc_font_options {
    const char *fonts_dir;                /* the bundled fonts (required) */
    const char *const *font_dirs;         /* user folders (--font-dir), searched in order */
    size_t nfont_dirs;
    const sc_font_face_rule *const *font_faces; /* @font-face rules, one list per stylesheet;
                                             a file is used only inside its sheet's folder,
                                             fonts_dir or a font_dirs folder */
    size_t nfont_faces;
    int no_system_fonts;                  /* 1: never ask fontconfig */
} sc_font_options;

sc_fontset *sc_fontset_load_opts(const sc_font_options *opts, sc_diag_list *diags);
/* The font families available: bundled, @font-face, font folders, installed (fontconfig), one
 * line each: "family<TAB>origin<TAB>file" (origin: bundled, font-face, font-dir, system). */
struct sc_buf;
int sc_fontset_list(const sc_font_options *opts, struct sc_buf *out, sc_diag_list *diags);
void sc_fontset_free(sc_fontset *fs);
size_t sc_fontset_count(const sc_fontset *fs);
const sc_face *sc_fontset_face(const sc_fontset *fs, size_t i);

/* ---- display list --------------------------------------------------------------------------- */

typedef struct sc_glyph {
    uint32_t gid;           /* glyph id in the face (as HarfBuzz gives it) */
    uint32_t cluster;       /* byte offset into the run's text where this glyph's cluster starts */
    float x_advance;        /* pt */
    float x_offset, y_offset; /* pt, y up as in HarfBuzz */
} sc_glyph;

typedef struct sc_glyph_run {
    const sc_face *face;
    float size;             /* pt */
    float x, y;             /* pen start on the baseline */
    const sc_glyph *glyphs;
    size_t nglyphs;
    const char *text;       /* the source text the glyphs show (UTF-8, NFC): for ToUnicode/ActualText */
    size_t text_len;
    sc_rgb color;
} sc_glyph_run;

typedef enum {
    SC_ITEM_GLYPHS,         /* glyphs */
    SC_ITEM_RULE,           /* a stroked line from (x0,y0) to (x1,y1) */
    SC_ITEM_RECT,           /* a rectangle, stroked and/or filled */
    SC_ITEM_LINK,           /* a clickable area: uri or dest */
    SC_ITEM_DEST,           /* a named destination at y on this page */
    SC_ITEM_IMAGE           /* a PNG or JPEG picture scaled into a box */
} sc_item_kind;

typedef enum { SC_IMAGE_PNG = 1, SC_IMAGE_JPEG = 2 } sc_image_format;

typedef struct sc_item {
    sc_item_kind kind;
    union {
        sc_glyph_run glyphs;
        struct { float x0, y0, x1, y1, width; sc_rgb color; } rule;
        struct { float x, y, w, h, line_width; sc_rgb stroke, fill; int stroked, filled; } rect;
        struct { float x, y, w, h; const char *uri; const char *dest; } link; /* one of uri/dest */
        struct { const char *name; float y; } dest;
        struct {
            float x, y, w, h;       /* the box the picture fills (top-left, size) */
            const unsigned char *data; /* the encoded file (PNG or JPEG), owned by the document */
            size_t len;
            sc_image_format format;
            int orientation;        /* EXIF orientation 1..8 the writer applies (1 = as stored) */
            const char *key;        /* identifies the picture: the same key is embedded once */
        } image;
    } u;
} sc_item;

typedef struct sc_page {
    float width, height;
    sc_item *items;
    size_t nitems, cap;
    int number;             /* the folio printed on the page (1-based) */
    int roman;              /* 1 when the folio is printed in lower-case roman (front matter) */
} sc_page;

typedef struct sc_outline_entry {
    int level;              /* 1.. (heading level) */
    const char *title;
    size_t page;            /* 0-based page index */
    float y;                /* top of the heading */
} sc_outline_entry;

typedef struct sc_layout {
    sc_arena *arena;        /* owns pages, items, glyphs, strings */
    sc_page *pages;
    size_t npages;
    sc_outline_entry *outline;
    size_t noutline;
    const sc_fontset *fonts;/* every face a glyph run points at belongs to this set */
} sc_layout;

/* Lay out a styled document (sc_style_apply has run). Warnings (missing glyphs, overfull lines)
 * go to diags; returns NULL only on failure (with an error in diags). */
sc_layout *sc_layout_document(const sc_document *doc, const sc_page_setup *page,
                              const sc_fontset *fonts, sc_diag_list *diags);

/* What the page builder needs beyond the plain page setup. */
typedef struct sc_layout_options {
    /* The setup of a kind of page (SC_PAGE_FIRST / LEFT / RIGHT / BLANK bits), margin boxes
     * included, e.g. sc_style_page_setup_for over the document's sheets. NULL: every page uses the
     * plain setup and gets the default centred folio. Sizes come from the plain setup; a kind's
     * left margin shifts the text area sideways, its top and bottom margins are used as they are. */
    void (*page_setup_for)(void *ctx, int page_kind, sc_arena *arena, sc_page_setup *out);
    void *ctx;
    int toc;                 /* a table of contents before the body (front matter, roman folios) */
    const char *toc_title;   /* NULL: "Mục lục" for Vietnamese documents, else "Contents" */
} sc_layout_options;

/* sc_layout_document with options (NULL = none). */
sc_layout *sc_layout_document_ex(const sc_document *doc, const sc_page_setup *page,
                                 const sc_fontset *fonts, const sc_layout_options *opts,
                                 sc_diag_list *diags);
void sc_layout_free(sc_layout *layout);

#endif
