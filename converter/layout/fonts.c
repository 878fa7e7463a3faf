/* fonts.c — the bundled fonts: metrics from FreeType (read once at load), shaping objects from
 * HarfBuzz (over the mmap'ed file blob). After loading, only HarfBuzz objects are used, and those
 * are safe to read from several threads, so a fontset could even be shared. */
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include "text.h"

/* The bundled faces in their fixed order (ids are indices into this list among the loaded ones). */
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

struct sc_fontset {
    sc_arena *arena;         /* strings of the faces */
    sc_face faces[NBUNDLED];
    int family[NBUNDLED], bold[NBUNDLED], italic[NBUNDLED];
    size_t count;
};

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
    if (FT_New_Memory_Face(lib, (const FT_Byte *)data, (FT_Long)len, (FT_Long)index, &ft) != 0 ||
        !FT_IS_SCALABLE(ft)) {
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

sc_fontset *sc_fontset_load(const char *fonts_dir, sc_diag_list *diags)
{
    sc_fontset *fs = calloc(1, sizeof *fs);
    if (!fs) {
        sc_diag_error(diags, fonts_dir, "out of memory loading fonts");
        return NULL;
    }
    fs->arena = sc_arena_new();
    for (size_t i = 0; i < NBUNDLED; i++) {
        const char *path = sc_arena_printf(fs->arena, "%s/%s", fonts_dir, k_bundled[i].file);
        sc_face *f = &fs->faces[fs->count];
        if (sc_face_load(f, path, 0, (int)fs->count, fs->arena) != 0) {
            if (i == 0) {
                sc_diag_error(diags, path, "cannot load the main font (Noto Serif Regular)");
                sc_fontset_free(fs);
                return NULL;
            }
            sc_diag_warning(diags, path, "cannot load this bundled font; it is skipped");
            continue;
        }
        fs->family[fs->count] = k_bundled[i].family;
        fs->bold[fs->count] = k_bundled[i].bold;
        fs->italic[fs->count] = k_bundled[i].italic;
        fs->count++;
    }
    return fs;
}

void sc_fontset_free(sc_fontset *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->count; i++)
        sc_face_release(&fs->faces[i]);
    sc_arena_free(fs->arena);
    free(fs);
}

size_t sc_fontset_count(const sc_fontset *fs)
{
    return fs ? fs->count : 0;
}

const sc_face *sc_fontset_face(const sc_fontset *fs, size_t i)
{
    return fs && i < fs->count ? &fs->faces[i] : NULL;
}

/* Score how well face i matches: the family first, then weight, then slant. */
static int match_score(const sc_fontset *fs, size_t i, int family, int bold, int italic)
{
    int s = 0;
    if (fs->family[i] == family)
        s += 100;
    if (fs->bold[i] == bold)
        s += 10;
    if (fs->italic[i] == italic)
        s += 5;
    return s;
}

const sc_face *sc_fontset_pick(const sc_fontset *fs, int family, int bold, int italic)
{
    size_t best = 0;
    int best_score = -1;
    for (size_t i = 0; i < fs->count; i++) {
        int s = match_score(fs, i, family, bold, italic);
        if (s > best_score) { /* strict: the earlier face wins ties (deterministic) */
            best_score = s;
            best = i;
        }
    }
    /* A family that is absent altogether (e.g. Mono missing) falls back to the serif. */
    if (best_score < 100 && family != SC_FAMILY_SERIF)
        return sc_fontset_pick(fs, SC_FAMILY_SERIF, bold, italic);
    return &fs->faces[best];
}

size_t sc_fontset_fallbacks(const sc_fontset *fs, const sc_face *face, const sc_face **out,
                            size_t cap)
{
    size_t n = 0;
    int bold = face->weight >= 600, italic = face->italic;
    for (int fam = 0; fam < SC_FAMILY_COUNT && n < cap; fam++) {
        for (size_t i = 0; i < fs->count && n < cap; i++) {
            if (fs->family[i] == fam && fs->bold[i] == bold && fs->italic[i] == italic &&
                &fs->faces[i] != face)
                out[n++] = &fs->faces[i];
        }
    }
    for (size_t i = 0; i < fs->count && n < cap; i++) {
        int seen = &fs->faces[i] == face;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j] == &fs->faces[i];
        if (!seen)
            out[n++] = &fs->faces[i];
    }
    return n;
}
