/* fontset.h — private to the font files (fonts.c, font_scan.c, font_system.c, font_list.c): what
 * a fontset knows of. A font is an "entry" (file, face index, family names, style) as soon as it is
 * found, and becomes an sc_face only when the layout first uses it (lazy loading: a font folder or
 * the system may hold hundreds of fonts, a document uses a few). */
#ifndef SC_FONTSET_H
#define SC_FONTSET_H
#include <ft2build.h>
#include FT_FREETYPE_H

#include "text.h"

/* Where an entry comes from; also the order in which a family name is looked for: an explicit
 * @font-face first, then the bundled families (a font folder adds families, it does not replace
 * the bundled Noto the default style names), then the font folders, then the installed fonts. */
enum { SC_ORIGIN_FONT_FACE, SC_ORIGIN_BUNDLED, SC_ORIGIN_FONT_DIR, SC_ORIGIN_SYSTEM };

typedef struct sc_font_entry {
    const char *path;
    unsigned index;          /* face index in a collection */
    const char *family;      /* the @font-face family, or the font's family (name ID 1) */
    const char *family2;     /* the font's typographic family (name ID 16), or NULL */
    int weight, italic;
    int origin;              /* SC_ORIGIN_* */
    int generic;             /* bundled: SC_FAMILY_*; else -1 */
    sc_face *face;           /* once loaded */
    int failed;              /* loading failed (warned once) */
} sc_font_entry;

typedef struct sc_family_memo { /* a family asked of fontconfig, and its answer */
    const char *family;
    int weight, italic;
    long entry;              /* -1: not installed */
} sc_family_memo;

typedef struct sc_char_memo {  /* a character asked of fontconfig, and its answer */
    uint32_t cp;
    int weight, italic, mono;
    long entry;              /* -1: no installed font has it */
} sc_char_memo;

struct sc_fontset {
    sc_arena *arena;         /* faces, strings, and the arrays below */
    sc_font_entry *entries;
    size_t nentries, capentries;
    sc_face **faces;         /* loaded faces, in load order (face->id is the index) */
    size_t count, capfaces;
    int no_system;           /* never ask fontconfig */
    sc_family_memo *families;
    size_t nfamilies, capfamilies;
    sc_char_memo *chars;
    size_t nchars, capchars;
    long *by_char;           /* entries found by character, in the order found: asked first */
    size_t nby_char, capby_char;
};

/* Append an entry (strings copied into the fontset's arena); returns its index. An entry with the
 * same origin, file and face index is not added twice. */
long sc_fontset_add_entry(sc_fontset *fs, const sc_font_entry *e);
/* The entry's face, loading it on first use; NULL (and a warning, once) when it cannot load. */
sc_face *sc_fontset_entry_face(sc_fontset *fs, long entry, sc_diag_list *diags);

/* Read a font file's faces into entries (origin `origin`); returns how many, -1 when the file is
 * not a TrueType/OpenType font or collection. */
int sc_font_scan_file(sc_fontset *fs, FT_Library lib, const char *path, int origin);
/* Every font file in a folder and its subfolders, in name order. */
void sc_font_scan_dir(sc_fontset *fs, const char *dir, sc_diag_list *diags);
/* The family names of a face: name ID 1 and 16 (English first), in the arena; NULL when none. */
void sc_font_names(FT_Face ft, sc_arena *arena, const char **family, const char **family2);

/* fontconfig (font_system.c): an installed font of this family (matched exactly, case-insensitive)
 * and style, or an installed font with the character; -1 when none. Answers are memoized. */
long sc_font_system_family(sc_fontset *fs, const char *family, int weight, int italic);
long sc_font_system_char(sc_fontset *fs, uint32_t cp, int weight, int italic, int mono);
/* Every installed TrueType/CFF family: "family<TAB>system<TAB>file" lines, sorted by family. */
void sc_font_system_list(sc_arena *arena, struct sc_buf *out);

#endif
