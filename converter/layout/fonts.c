/* fonts.c — the fontset: the bundled faces (loaded at once: ten mmap'ed files), the entries found
 * in @font-face rules and font folders (loaded when first used), family matching, and the bundled
 * fallback chain. Metrics come from FreeType (read once at load), shaping objects from HarfBuzz
 * (over the mmap'ed file blob); after loading only HarfBuzz objects are read. Faces are loaded
 * lazily, so a fontset belongs to one document at a time. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ft2build.h>
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include "../base/buf.h"
#include "fontset.h"

/* The bundled faces in their fixed order (their ids are their indices among the loaded ones). */
static const struct bundled {
    const char *file;
    int family, bold, italic;
} k_bundled[] = {
    {"NotoSerif-Regular.ttf", SC_FAMILY_SERIF, 0, 0},
    {"NotoSerif-Bold.ttf", SC_FAMILY_SERIF, 1, 0},
    {"NotoSerif-Italic.ttf", SC_FAMILY_SERIF, 0, 1},
    {"NotoSerif-BoldItalic.ttf", SC_FAMILY_SERIF, 1, 1},
    {"NotoSans-Regular.ttf", SC_FAMILY_SANS, 0, 0},
    {"NotoSans-Bold.ttf", SC_FAMILY_SANS, 1, 0},
    {"NotoSans-Italic.ttf", SC_FAMILY_SANS, 0, 1},
    {"NotoSans-BoldItalic.ttf", SC_FAMILY_SANS, 1, 1},
    {"NotoSansMono-Regular.ttf", SC_FAMILY_MONO, 0, 0},
    {"NotoSansMono-Bold.ttf", SC_FAMILY_MONO, 1, 0},
};
enum { NBUNDLED = sizeof k_bundled / sizeof k_bundled[0] };

static int has_table(FT_Face ft, FT_ULong tag)
{
    FT_ULong len = 0;
    return FT_Load_Sfnt_Table(ft, tag, 0, NULL, &len) == 0 && len > 0;
}

static int has_outlines(FT_Face ft)
{
    return has_table(ft, TTAG_glyf) || has_table(ft, TTAG_CFF);
}

int sc_face_load(sc_face *face, const char *path, unsigned index, int id, sc_arena *arena)
{
    memset(face, 0, sizeof *face);
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob)
        return -1;
    unsigned len = 0;
    const char *data = hb_blob_get_data(blob, &len);
    FT_Library lib = NULL;
    FT_Face ft = NULL;
    if (FT_Init_FreeType(&lib) != 0) {
        hb_blob_destroy(blob);
        return -1;
    }
    /* Only OpenType with TrueType or CFF outlines: what the PDF writer can embed (FontFile2, or
     * FontFile3 /CIDFontType0C); FreeType would also open Type 1, bitmap and CFF2 fonts. */
    if (FT_New_Memory_Face(lib, (const FT_Byte *)data, (FT_Long)len, (FT_Long)index, &ft) != 0 ||
        !FT_IS_SCALABLE(ft) || !FT_IS_SFNT(ft) || !has_outlines(ft)) {
        if (ft)
            FT_Done_Face(ft);
        FT_Done_FreeType(lib);
        hb_blob_destroy(blob);
        return -1;
    }
    face->id = id;
    face->path = sc_arena_strdup(arena, path);
    face->index = index;
    face->family = sc_arena_strdup(arena, ft->family_name ? ft->family_name : "");
    const char *ps = FT_Get_Postscript_Name(ft);
    face->ps_name = sc_arena_strdup(arena, ps ? ps : face->family);
    face->upem = ft->units_per_EM;
    face->ascender = ft->ascender;
    face->descender = ft->descender;
    face->bbox[0] = (int)ft->bbox.xMin;
    face->bbox[1] = (int)ft->bbox.yMin;
    face->bbox[2] = (int)ft->bbox.xMax;
    face->bbox[3] = (int)ft->bbox.yMax;
    face->italic = (ft->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    face->weight = (ft->style_flags & FT_STYLE_FLAG_BOLD) ? 700 : 400;
    face->fixed_pitch = FT_IS_FIXED_WIDTH(ft) != 0;
    const TT_OS2 *os2 = FT_Get_Sfnt_Table(ft, FT_SFNT_OS2);
    if (os2 && os2->version != 0xFFFF) {
        face->weight = os2->usWeightClass;
        if (os2->version >= 2) {
            face->cap_height = os2->sCapHeight;
            face->x_height = os2->sxHeight;
        }
        int cls = os2->sFamilyClass >> 8;
        face->serif = cls >= 1 && cls <= 7;
    }
    if (!face->serif)
        face->serif = strstr(face->family, "Serif") != NULL;
    if (face->cap_height == 0)
        face->cap_height = face->ascender * 7 / 10;
    if (face->x_height == 0)
        face->x_height = face->ascender / 2;
    const TT_Postscript *post = FT_Get_Sfnt_Table(ft, FT_SFNT_POST);
    if (post) {
        face->italic_angle = (float)post->italicAngle / 65536.0f;
        if (post->isFixedPitch)
            face->fixed_pitch = 1;
    }
    FT_Done_Face(ft);
    FT_Done_FreeType(lib);

    face->hb_face = hb_face_create(blob, index);
    hb_blob_destroy(blob); /* the face keeps its reference */
    hb_blob_t *cff = hb_face_reference_table(face->hb_face, HB_TAG('C', 'F', 'F', ' '));
    face->cff = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    face->hb_font = hb_font_create(face->hb_face);
    hb_font_set_scale(face->hb_font, face->upem, face->upem);
    hb_font_make_immutable(face->hb_font);
    return 0;
}

void sc_face_release(sc_face *face)
{
    if (!face)
        return;
    hb_font_destroy(face->hb_font);
    hb_face_destroy(face->hb_face);
    face->hb_font = NULL;
    face->hb_face = NULL;
}

/* Grow an arena array of `size`-byte elements to hold n + 1. */
static void *grow(sc_arena *arena, void *arr, size_t size, size_t n, size_t *cap)
{
    if (n < *cap)
        return arr;
    size_t ncap = *cap ? *cap * 2 : 16;
    arr = sc_arena_realloc(arena, arr, *cap * size, ncap * size);
    *cap = ncap;
    return arr;
}

long sc_fontset_add_entry(sc_fontset *fs, const sc_font_entry *e)
{
    for (size_t i = 0; i < fs->nentries; i++) {
        const sc_font_entry *o = &fs->entries[i];
        if (o->origin == e->origin && o->index == e->index && strcmp(o->path, e->path) == 0 &&
            (e->origin != SC_ORIGIN_FONT_FACE || strcasecmp(o->family, e->family) == 0))
            return (long)i;
    }
    fs->entries = grow(fs->arena, fs->entries, sizeof *fs->entries, fs->nentries, &fs->capentries);
    sc_font_entry *n = &fs->entries[fs->nentries];
    *n = *e;
    n->path = sc_arena_strdup(fs->arena, e->path);
    n->family = sc_arena_strdup(fs->arena, e->family ? e->family : "");
    n->family2 = e->family2 ? sc_arena_strdup(fs->arena, e->family2) : NULL;
    n->face = NULL;
    n->failed = 0;
    return (long)fs->nentries++;
}

sc_face *sc_fontset_entry_face(sc_fontset *fs, long entry, sc_diag_list *diags)
{
    if (entry < 0 || (size_t)entry >= fs->nentries)
        return NULL;
    sc_font_entry *e = &fs->entries[entry];
    if (e->face || e->failed)
        return e->face;
    sc_face *f = sc_arena_calloc(fs->arena, 1, sizeof *f);
    if (sc_face_load(f, e->path, e->index, (int)fs->count, fs->arena) != 0) {
        e->failed = 1;
        if (diags)
            sc_diag_warning(diags, e->path, "cannot load this font (not a TrueType or OpenType "
                            "font with TrueType or CFF outlines); it is skipped");
        return NULL;
    }
    fs->faces = grow(fs->arena, fs->faces, sizeof *fs->faces, fs->count, &fs->capfaces);
    fs->faces[fs->count++] = f;
    e->face = f;
    return f;
}

/* The folder of a stylesheet file name, resolved (realpath) into out; "." when it has none. */
static int sheet_folder(const char *sheet, char *out)
{
    char dir[PATH_MAX];
    const char *slash = sheet ? strrchr(sheet, '/') : NULL;
    if (!slash)
        return realpath(".", out) ? 0 : -1;
    size_t n = slash == sheet ? 1 : (size_t)(slash - sheet);
    if (n >= sizeof dir)
        return -1;
    memcpy(dir, sheet, n);
    dir[n] = '\0';
    return realpath(dir, out) ? 0 : -1;
}

static int inside(const char *real, const char *dir)
{
    char rdir[PATH_MAX];
    if (!dir || !realpath(dir, rdir))
        return 0;
    size_t n = strlen(rdir);
    if (n > 0 && rdir[n - 1] == '/')
        n--;
    return strncmp(real, rdir, n) == 0 && real[n] == '/';
}

/* @font-face rules: a file is used only inside its stylesheet's folder or a fonts folder, so a
 * stylesheet cannot make the converter read (and embed) arbitrary files. */
static void add_font_faces(sc_fontset *fs, const sc_font_options *o, FT_Library lib,
                           sc_diag_list *diags)
{
    for (size_t k = 0; k < o->nfont_faces; k++) {
        for (const sc_font_face_rule *r = o->font_faces[k]; r; r = r->next) {
            if (!r->family || !r->src)
                continue;
            char real[PATH_MAX], folder[PATH_MAX];
            int ok = realpath(r->src, real) != NULL;
            if (!ok) {
                sc_diag_warning(diags, r->sheet, "@font-face '%s': cannot find the font file %s",
                                r->family, r->src);
                continue;
            }
            int allowed = (sheet_folder(r->sheet, folder) == 0 && inside(real, folder)) ||
                          inside(real, o->fonts_dir);
            for (size_t d = 0; d < o->nfont_dirs && !allowed; d++)
                allowed = inside(real, o->font_dirs[d]);
            if (!allowed) {
                sc_diag_warning(diags, r->sheet,
                                "@font-face '%s': %s is outside the stylesheet's folder and the "
                                "font folders; it is not used",
                                r->family, r->src);
                continue;
            }
            FT_Face ft = NULL;
            if (FT_New_Face(lib, real, 0, &ft) != 0 || !FT_IS_SFNT(ft) || !has_outlines(ft)) {
                if (ft)
                    FT_Done_Face(ft);
                sc_diag_warning(diags, r->sheet, "@font-face '%s': %s is not a TrueType or "
                                "OpenType font", r->family, r->src);
                continue;
            }
            FT_Done_Face(ft);
            sc_font_entry e = {.path = real, .family = r->family,
                               .weight = r->weight > 0 ? r->weight : 400,
                               .italic = r->italic, .origin = SC_ORIGIN_FONT_FACE, .generic = -1};
            sc_fontset_add_entry(fs, &e);
        }
    }
}

sc_fontset *sc_fontset_load_opts(const sc_font_options *o, sc_diag_list *diags)
{
    sc_fontset *fs = calloc(1, sizeof *fs);
    if (!fs || !o || !o->fonts_dir) {
        free(fs);
        sc_diag_error(diags, NULL, "cannot load fonts: no fonts folder");
        return NULL;
    }
    fs->arena = sc_arena_new();
    fs->no_system = o->no_system_fonts;
    for (size_t i = 0; i < NBUNDLED; i++) {
        const char *path = sc_arena_printf(fs->arena, "%s/%s", o->fonts_dir, k_bundled[i].file);
        sc_font_entry e = {.path = path, .weight = k_bundled[i].bold ? 700 : 400,
                           .italic = k_bundled[i].italic, .origin = SC_ORIGIN_BUNDLED,
                           .generic = k_bundled[i].family};
        long id = sc_fontset_add_entry(fs, &e);
        sc_face *f = sc_fontset_entry_face(fs, id, NULL);
        if (!f) {
            if (i == 0) {
                sc_diag_error(diags, path, "cannot load the main font (Noto Serif Regular)");
                sc_fontset_free(fs);
                return NULL;
            }
            sc_diag_warning(diags, path, "cannot load this bundled font; it is skipped");
            continue;
        }
        fs->entries[id].family = f->family;
    }
    FT_Library lib = NULL;
    if (FT_Init_FreeType(&lib) == 0) {
        add_font_faces(fs, o, lib, diags);
        FT_Done_FreeType(lib);
    }
    for (size_t d = 0; d < o->nfont_dirs; d++)
        sc_font_scan_dir(fs, o->font_dirs[d], diags);
    return fs;
}

sc_fontset *sc_fontset_load(const char *fonts_dir, sc_diag_list *diags)
{
    sc_font_options o = {.fonts_dir = fonts_dir};
    return sc_fontset_load_opts(&o, diags);
}

void sc_fontset_free(sc_fontset *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->count; i++)
        sc_face_release(fs->faces[i]);
    sc_arena_free(fs->arena);
    free(fs);
}

size_t sc_fontset_count(const sc_fontset *fs)
{
    return fs ? fs->count : 0;
}

const sc_face *sc_fontset_face(const sc_fontset *fs, size_t i)
{
    return fs && i < fs->count ? fs->faces[i] : NULL;
}

/* ---- family matching ---- */

/* CSS generic families (and the web's system-font keywords) -> the bundled family standing in. */
int sc_font_generic_family(const char *name, size_t len)
{
    static const struct { const char *name; int family; } k_names[] = {
        {"serif", SC_FAMILY_SERIF},          {"sans-serif", SC_FAMILY_SANS},
        {"system-ui", SC_FAMILY_SANS},       {"ui-sans-serif", SC_FAMILY_SANS},
        {"ui-serif", SC_FAMILY_SERIF},       {"monospace", SC_FAMILY_MONO},
        {"ui-monospace", SC_FAMILY_MONO},    {"cursive", SC_FAMILY_SERIF},
        {"fantasy", SC_FAMILY_SERIF},        {"math", SC_FAMILY_SERIF},
        {"fangsong", SC_FAMILY_SERIF},       {"emoji", SC_FAMILY_SANS},
        {"-apple-system", SC_FAMILY_SANS},   {"BlinkMacSystemFont", SC_FAMILY_SANS},
    };
    for (size_t i = 0; i < sizeof k_names / sizeof k_names[0]; i++) {
        if (strlen(k_names[i].name) == len && strncasecmp(k_names[i].name, name, len) == 0)
            return k_names[i].family;
    }
    return -1;
}

static int name_is(const char *have, const char *name, size_t len)
{
    return have && strlen(have) == len && strncasecmp(have, name, len) == 0;
}

/* How far an entry's style is from the one asked for (0 = exact): slant first, then weight. */
static int style_distance(const sc_font_entry *e, int weight, int italic)
{
    int dw = e->weight - weight;
    return (e->italic != italic ? 10000 : 0) + (dw < 0 ? -dw : dw);
}

const sc_face *sc_fontset_family(sc_fontset *fs, const char *name, size_t len, int weight,
                                 int italic, sc_diag_list *diags)
{
    for (int origin = SC_ORIGIN_FONT_FACE; origin <= SC_ORIGIN_FONT_DIR; origin++) {
        long best = -1;
        int best_d = 0;
        for (size_t i = 0; i < fs->nentries; i++) {
            const sc_font_entry *e = &fs->entries[i];
            if (e->origin != origin || e->failed ||
                !(name_is(e->family, name, len) || name_is(e->family2, name, len)))
                continue;
            int d = style_distance(e, weight, italic);
            if (best < 0 || d < best_d) { /* strict: the first entry wins ties */
                best = (long)i;
                best_d = d;
            }
        }
        if (best >= 0) {
            const sc_face *f = sc_fontset_entry_face(fs, best, diags);
            if (f)
                return f;
            return sc_fontset_family(fs, name, len, weight, italic, diags); /* now marked failed */
        }
    }
    if (fs->no_system || len == 0 || len >= 256)
        return NULL;
    char family[256];
    memcpy(family, name, len);
    family[len] = '\0';
    return sc_fontset_entry_face(fs, sc_font_system_family(fs, family, weight, italic), diags);
}

const sc_face *sc_fontset_face_for_char(sc_fontset *fs, uint32_t cp, const sc_face *like,
                                        sc_diag_list *diags)
{
    int weight = like ? like->weight : 400, italic = like ? like->italic : 0;
    hb_codepoint_t g;
    /* Installed faces already found for other characters come first: a document's symbols tend to
     * come from one font, and each fontconfig query sorts every installed font. */
    for (size_t i = 0; i < fs->nby_char; i++) {
        const sc_font_entry *e = &fs->entries[fs->by_char[i]];
        if (e->face && e->weight == weight && e->italic == italic &&
            hb_font_get_nominal_glyph(e->face->hb_font, cp, &g))
            return e->face;
    }
    if (fs->no_system)
        return NULL;
    long entry = sc_font_system_char(fs, cp, weight, italic, like && like->fixed_pitch);
    sc_face *f = sc_fontset_entry_face(fs, entry, diags);
    if (!f || !hb_font_get_nominal_glyph(f->hb_font, cp, &g))
        return NULL;
    for (size_t i = 0; i < fs->nby_char; i++)
        if (fs->by_char[i] == entry)
            return f;
    fs->by_char = grow(fs->arena, fs->by_char, sizeof *fs->by_char, fs->nby_char, &fs->capby_char);
    fs->by_char[fs->nby_char++] = entry;
    return f;
}

/* ---- the bundled faces ---- */

/* Score how well bundled entry i matches: the family first, then weight, then slant. */
static int match_score(const sc_font_entry *e, int family, int bold, int italic)
{
    int s = 0;
    if (e->generic == family)
        s += 100;
    if ((e->weight >= 600) == bold)
        s += 10;
    if (e->italic == italic)
        s += 5;
    return s;
}

const sc_face *sc_fontset_pick(const sc_fontset *fs, int family, int bold, int italic)
{
    const sc_face *best = fs->faces[0];
    int best_score = -1;
    for (size_t i = 0; i < fs->nentries; i++) {
        const sc_font_entry *e = &fs->entries[i];
        if (e->origin != SC_ORIGIN_BUNDLED || !e->face)
            continue;
        int s = match_score(e, family, bold, italic);
        if (s > best_score) { /* strict: the earlier face wins ties (deterministic) */
            best_score = s;
            best = e->face;
        }
    }
    /* A family that is absent altogether (e.g. Mono missing) falls back to the serif. */
    if (best_score < 100 && family != SC_FAMILY_SERIF)
        return sc_fontset_pick(fs, SC_FAMILY_SERIF, bold, italic);
    return best;
}

size_t sc_fontset_fallbacks(const sc_fontset *fs, const sc_face *face, const sc_face **out,
                            size_t cap)
{
    size_t n = 0;
    int bold = face->weight >= 600, italic = face->italic;
    for (int fam = 0; fam < SC_FAMILY_COUNT && n < cap; fam++) {
        for (size_t i = 0; i < fs->nentries && n < cap; i++) {
            const sc_font_entry *e = &fs->entries[i];
            if (e->origin == SC_ORIGIN_BUNDLED && e->face && e->generic == fam &&
                (e->weight >= 600) == bold && e->italic == italic && e->face != face)
                out[n++] = e->face;
        }
    }
    for (size_t i = 0; i < fs->nentries && n < cap; i++) {
        const sc_font_entry *e = &fs->entries[i];
        if (e->origin != SC_ORIGIN_BUNDLED || !e->face)
            continue;
        int seen = e->face == face;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j] == e->face;
        if (!seen)
            out[n++] = e->face;
    }
    return n;
}
