/* inline.h — inside the layout stage (not a public face): a paragraph's inline content is itemized
 * by font and script, shaped with HarfBuzz (with the text's language), and broken into lines
 * (ICU line-break opportunities; Knuth-Plass for justified text, greedy for ragged text; URLs break
 * as the Chicago Manual of Style says). The block/page builder (blocks.c, pages.c) calls this. */
#ifndef SC_INLINE_H
#define SC_INLINE_H
#include <stddef.h>

#include "layout.h"

/* Shaping context for one document: fonts, shaping cache, the arena lines are allocated in, and
 * the diagnostics list (missing-glyph warnings name U+XXXX, file and line). */
typedef struct sc_shaper sc_shaper;

sc_shaper *sc_shaper_new(const sc_fontset *fonts, sc_arena *arena, sc_diag_list *diags,
                         const char *source_name);
void sc_shaper_free(sc_shaper *shaper);

/* The face a style asks for (family list, weight, italic), falling back to the bundled serif. */
const sc_face *sc_shaper_face_for(sc_shaper *shaper, const sc_style *style);

typedef struct sc_line_link {
    float x, w;             /* relative to the line's left edge */
    const char *uri;        /* external link, or */
    const char *dest;       /* internal destination name */
} sc_line_link;

typedef struct sc_line_anchor {
    float x;                /* relative to the line's left edge */
    const char *name;       /* destination name placed on this line */
} sc_line_anchor;

/* The runs of a line, a contract with the PDF writer:
 * - run->text is exactly the source text (NFC) the run's glyphs show; glyph->cluster is a byte
 *   offset into it, non-decreasing along the run (HarfBuzz clusters at level MONOTONE_GRAPHEMES:
 *   a base and its combining marks are one cluster); a glyph shows text[cluster, next larger
 *   cluster in the run, or text_len). Several glyphs may share a cluster (q + dot below), one
 *   glyph may show several characters (a ligature, an invisible character after it): write
 *   ToUnicode/ActualText from these spans.
 * - Spaces between words are REAL SPACE GLYPHS in the runs: a word's run goes on with the ' ' that
 *   follows it, drawn as the space glyph (gid of U+0020) of that run's face, cluster pointing at
 *   the ' ' of run->text, x_advance = the space's justified width (so the pen after a run's last
 *   glyph is where the next run starts when they touch). Only after a character no font has does
 *   a space start a run of its own. In white-space: pre text every space is a glyph (a tab too:
 *   the space glyph, as wide as to the next stop of 8 columns, its text '\t'). Spaces where a
 *   line breaks are dropped (neither glyph nor text): extracted words are separated by the space
 *   glyphs and the line ends.
 * - A run is one stretch of one face, size, colour and baseline shift; a line may have several.
 *   Advances and offsets are in pt; y_offset includes the super/subscript shift; run y = 0.
 * - Characters no bundled font has are not drawn and are not in any run's text (warned about).
 *   Glyph 0 (.notdef) never appears. */
typedef struct sc_line {
    float width;            /* the content's width after justification (<= the measure), first
                               line's indent included; runs start at the alignment offset */
    float ascent, descent;  /* from the fonts' ascender/descender at their sizes (pt, >= 0) */
    float ink_ascent, ink_descent; /* the real glyph extents above/below the baseline (pt, >= 0):
                                      the page builder adds room when marks would touch */
    float line_height;      /* the largest computed line-height among the line's styles (pt) */
    sc_glyph_run *runs;     /* x relative to the line's left edge (alignment applied), y = 0 */
    size_t nruns;
    sc_line_link *links;
    size_t nlinks;
    sc_line_anchor *anchors;
    size_t nanchors;
    int ends_paragraph;     /* last line of the paragraph */
} sc_line;

typedef struct sc_para sc_para;

/* A paragraph's content lives in scratch memory of the shaper (the lines go to the arena). Call
 * sc_para_end when done with a paragraph so the next sc_para_begin reuses its memory; a para that
 * is never ended is freed with the shaper. Several paras may be open at once. */
sc_para *sc_para_begin(sc_shaper *shaper);
void sc_para_end(sc_para *para);
/* Append text in `style`. `lang` is the BCP 47 language for shaping and breaking. link_uri or
 * link_dest (or neither) makes the text clickable. source_line is for diagnostics. Soft breaks
 * arrive as a space; white-space: pre styles keep spaces and newlines. */
void sc_para_add_text(sc_para *para, const char *utf8, size_t len, const sc_style *style,
                      const char *lang, const char *link_uri, const char *link_dest,
                      int source_line);
void sc_para_add_line_break(sc_para *para);
/* A named destination at the current position (e.g. a footnote reference's back-link target). */
void sc_para_add_anchor(sc_para *para, const char *name);

typedef struct sc_break_params {
    float width;            /* the measure, pt */
    float first_indent;     /* text-indent of the first line, pt */
    sc_text_align align;    /* JUSTIFY uses Knuth-Plass; the rest are set greedily */
} sc_break_params;

/* Break into lines (allocated in the shaper's arena). Nothing ever runs past the measure: a word
 * wider than the measure is broken between clusters. Returns the number of lines (0 for a
 * paragraph with no text and no anchor). May be called again with other params (e.g. to measure
 * table cells). Super/subscript (style->vertical_align) is set at 0.7 of style->font_size, shifted
 * by +0.33/-0.2 of it: the style stage should NOT shrink their font_size itself. */
size_t sc_para_lines(sc_para *para, const sc_break_params *params, sc_line **lines);

#endif
