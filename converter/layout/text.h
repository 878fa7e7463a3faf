/* text.h — private to the text half of the layout stage (fonts, shaping, itemizing, breaking).
 * blocks.c / pages.c use inline.h only; unit tests may include this to test the parts. */
#ifndef SC_TEXT_H
#define SC_TEXT_H
#include <stddef.h>
#include <stdint.h>

#include "inline.h"

/* ---- fonts (fonts.c) ------------------------------------------------------------------------ */

enum { SC_FAMILY_SERIF, SC_FAMILY_SANS, SC_FAMILY_MONO, SC_FAMILY_COUNT };

/* Load one face from a file (FreeType for the metrics, HarfBuzz for shaping); strings in `arena`.
 * Returns 0, or -1 when the file cannot be read or is not a font. */
int sc_face_load(sc_face *face, const char *path, unsigned index, int id, sc_arena *arena);
void sc_face_release(sc_face *face);

/* The face of a bundled family (SC_FAMILY_*) closest to the weight and slant asked for. */
const sc_face *sc_fontset_pick(const sc_fontset *fs, int family, int bold, int italic);
/* The bundled faces to try, in order, for a character `face` lacks: the same style in the other
 * bundled families, then every bundled face. Returns the count written to out. */
size_t sc_fontset_fallbacks(const sc_fontset *fs, const sc_face *face, const sc_face **out,
                            size_t cap);
/* A generic CSS family (serif, sans-serif, monospace, system-ui ...) -> SC_FAMILY_*, else -1. */
int sc_font_generic_family(const char *name, size_t len);
/* The face of a named family closest to `weight` and `italic`: @font-face rules, then the bundled
 * families, then the font folders, then the installed fonts (fontconfig). NULL when no font
 * has that family name. Loads the face on first use (the fontset caches it). */
const sc_face *sc_fontset_family(sc_fontset *fs, const char *name, size_t len, int weight,
                                 int italic, sc_diag_list *diags);
/* Last resort for a character no chosen or bundled face has: an installed font that has it, in
 * the style of `like` (fontconfig's order), NULL when none does. */
const sc_face *sc_fontset_face_for_char(sc_fontset *fs, uint32_t cp, const sc_face *like,
                                        sc_diag_list *diags);

/* ---- shaping (shape_cache.c) ---------------------------------------------------------------- */

/* A glyph in font units (the cache is size-independent: advances scale linearly with the size). */
typedef struct sc_ushaped_glyph {
    uint32_t gid, cluster;  /* cluster: byte offset into the shaped text */
    int32_t x_advance, x_offset, y_offset;
} sc_ushaped_glyph;

typedef struct sc_shaped {
    const sc_ushaped_glyph *glyphs;
    uint32_t nglyphs;
    int32_t width;          /* sum of advances, font units */
    int32_t ink_top, ink_bottom; /* highest / lowest ink of the glyphs (font units, y up) */
    uint32_t missing;       /* .notdef glyphs dropped: characters the face lacks */
    int rtl;
} sc_shaped;

/* Shape `text` with `face` and BCP 47 language `lang` (NULL: none), default features (kerning,
 * ligatures), cluster level MONOTONE_GRAPHEMES; script and direction guessed from the text.
 * Results are cached per shaper by (face, language, text): Vietnamese repeats few syllables.
 * Glyph 0 (.notdef) never comes back: it is dropped and counted in `missing` (the caller warns
 * about characters no font has). */
const sc_shaped *sc_shape_text(sc_shaper *shaper, const sc_face *face, const char *lang,
                               const char *text, size_t len);
/* The same with the ligature features (liga, clig, dlig, hlig) off when no_ligatures is set
 * (font-variant-ligatures: none); cached apart from the default shaping. */
const sc_shaped *sc_shape_text_opts(sc_shaper *shaper, const sc_face *face, const char *lang,
                                    const char *text, size_t len, int no_ligatures);

typedef struct sc_shape_stats { size_t lookups, hits, entries; } sc_shape_stats;
void sc_shaper_stats(const sc_shaper *shaper, sc_shape_stats *out);

/* ---- internals shared by the text files ----------------------------------------------------- */

typedef struct sc_shape_cache sc_shape_cache;
sc_shape_cache *sc_shape_cache_new(void);
void sc_shape_cache_free(sc_shape_cache *cache);
sc_shape_cache *sc_shaper_cache(const sc_shaper *shaper);

const sc_fontset *sc_shaper_fonts(const sc_shaper *shaper);
sc_arena *sc_shaper_arena(const sc_shaper *shaper);
/* The faces to try for a character `face` (the style's face) lacks: the other families of the
 * style's font-family list, then the bundled faces (sc_fontset_fallbacks). */
size_t sc_shaper_fallbacks(sc_shaper *shaper, const sc_style *style, const sc_face *face,
                           const sc_face **out, size_t cap);
/* The last resort for `cp`: an installed font that has it (NULL when none). */
const sc_face *sc_shaper_face_for_char(sc_shaper *shaper, uint32_t cp, const sc_face *like);
/* Warn (once per document and character) that no font has `cp`. */
void sc_shaper_warn_missing(sc_shaper *shaper, uint32_t cp, int source_line);
/* A line-break iterator for `lang` (kept open by the shaper; ICU's UBreakIterator). */
struct UBreakIterator *sc_shaper_line_breaker(sc_shaper *shaper, const char *lang);

/* The para objects are pooled by the shaper. */
void sc_para_pool_free(sc_para *list);
sc_para **sc_shaper_para_pool(sc_shaper *shaper);

/* ---- line breaking (knuth_plass.c, greedy.c, url_breaks.c) ---------------------------------- */

typedef enum { SC_IT_BOX, SC_IT_GLUE, SC_IT_PENALTY } sc_item_type;

#define SC_INF_PENALTY 10000
#define SC_FIL 1e6 /* "infinite" stretch of the parfillskip glue */

typedef struct sc_bitem {
    sc_item_type type;
    double width, stretch, shrink; /* glue; width also for boxes and penalties */
    int penalty;            /* penalties: >= 10000 never, <= -10000 forced */
    int ref;                /* box: piece index, -1 for the indent box; glue: glue index;
                               penalty: span index of a soft hyphen (a hyphen is drawn when the
                               line breaks there), else -1 */
    uint32_t pos;           /* byte offset in the paragraph's text where the item starts */
    int split;              /* penalty: a break inside a word without hyphen (URL, over-long) */
    int disc;               /* a hyphenation point inside a ligature (TeX's discretionary), piece
                               index + 1 (0: none): penalty: the first part, drawn before the
                               hyphen; glue: the ligature, drawn when the line goes on */
} sc_bitem;

/* Knuth-Plass total fit: first_width for the first line, width for the rest. Fills breaks
 * (item indices, the last one the final forced break) and returns their count, 0 when no pass
 * found a feasible set (the caller then falls back to greedy). */
size_t sc_knuth_plass(const sc_bitem *items, size_t n, double first_width, double width,
                      size_t *breaks);
/* First fit: break at the last opportunity that fits; never fails. `shrink` allows glue shrink
 * (used for justified text). */
size_t sc_greedy_breaks(const sc_bitem *items, size_t n, double first_width, double width,
                        int shrink, size_t *breaks);

/* Chicago Manual of Style break points of a URL: after "//" or ':' (not in "://"), before
 * / . , - _ ~ ? # % and before or after = &. Writes byte offsets (relative to url) into out. */
size_t sc_url_break_points(const char *url, size_t len, uint32_t *out, size_t cap);
/* Length of the URL starting at text[0] ("http://" or "https://" then non-space characters,
 * trailing sentence punctuation excluded), 0 when none starts there. */
size_t sc_url_length(const char *text, size_t len);

#endif
