/* font_scan.c — font folders (--font-dir): every TrueType/OpenType file or collection in a folder
 * and its subfolders becomes entries (family names and style read with FreeType, no outlines
 * loaded), in file-name order so that the same folder always gives the same choices. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include "fontset.h"

enum { MAX_DEPTH = 4, MAX_FILES = 10000 };

/* A name record as UTF-8: Windows names are UTF-16BE, Mac Roman names are taken as ASCII. */
static char *name_utf8(const FT_SfntName *n, sc_arena *arena)
{
    char *out = sc_arena_alloc(arena, n->string_len * 2 + 1);
    size_t k = 0;
    if (n->platform_id == TT_PLATFORM_MICROSOFT || n->platform_id == TT_PLATFORM_APPLE_UNICODE) {
        for (FT_UInt i = 0; i + 1 < n->string_len; i += 2) {
            unsigned c = (unsigned)n->string[i] << 8 | n->string[i + 1];
            if (c >= 0xD800 && c <= 0xDFFF)
                c = '?'; /* surrogates do not occur in Latin family names; keep it simple */
            if (c < 0x80) {
                out[k++] = (char)c;
            } else if (c < 0x800) {
                out[k++] = (char)(0xC0 | c >> 6);
                out[k++] = (char)(0x80 | (c & 0x3F));
            } else {
                out[k++] = (char)(0xE0 | c >> 12);
                out[k++] = (char)(0x80 | (c >> 6 & 0x3F));
                out[k++] = (char)(0x80 | (c & 0x3F));
            }
        }
    } else {
        for (FT_UInt i = 0; i < n->string_len; i++)
            out[k++] = n->string[i] < 0x80 ? (char)n->string[i] : '?';
    }
    out[k] = '\0';
    return out;
}

/* How good a name record is: English Windows names first, then any Windows, then Mac. */
static int name_rank(const FT_SfntName *n)
{
    if (n->platform_id == TT_PLATFORM_MICROSOFT)
        return n->language_id == TT_MS_LANGID_ENGLISH_UNITED_STATES ? 3 : 2;
    if (n->platform_id == TT_PLATFORM_MACINTOSH && n->language_id == TT_MAC_LANGID_ENGLISH)
        return 1;
    return 0;
}

void sc_font_names(FT_Face ft, sc_arena *arena, const char **family, const char **family2)
{
    int rank1 = -1, rank16 = -1;
    FT_SfntName best1, best16;
    FT_UInt count = FT_Get_Sfnt_Name_Count(ft);
    for (FT_UInt i = 0; i < count; i++) {
        FT_SfntName n;
        if (FT_Get_Sfnt_Name(ft, i, &n) != 0 || n.string_len == 0)
            continue;
        int r = name_rank(&n);
        if (n.name_id == TT_NAME_ID_FONT_FAMILY && r > rank1) {
            rank1 = r;
            best1 = n;
        } else if (n.name_id == TT_NAME_ID_TYPOGRAPHIC_FAMILY && r > rank16) {
            rank16 = r;
            best16 = n;
        }
    }
    *family = rank1 >= 0 ? name_utf8(&best1, arena)
                         : sc_arena_strdup(arena, ft->family_name ? ft->family_name : "");
    *family2 = rank16 >= 0 ? name_utf8(&best16, arena) : NULL;
    if (*family2 && strcasecmp(*family2, *family) == 0)
        *family2 = NULL;
}

static int is_font_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcasecmp(dot, ".ttf") == 0 || strcasecmp(dot, ".otf") == 0 ||
                   strcasecmp(dot, ".ttc") == 0 || strcasecmp(dot, ".otc") == 0);
}

int sc_font_scan_file(sc_fontset *fs, FT_Library lib, const char *path, int origin)
{
    FT_Face ft = NULL;
    if (FT_New_Face(lib, path, -1, &ft) != 0)
        return -1;
    long nfaces = ft->num_faces;
    FT_Done_Face(ft);
    int added = 0;
    for (long i = 0; i < nfaces && i < 256; i++) {
        if (FT_New_Face(lib, path, i, &ft) != 0)
            continue;
        FT_ULong glyf = 0, cff = 0;
        FT_Load_Sfnt_Table(ft, TTAG_glyf, 0, NULL, &glyf);
        FT_Load_Sfnt_Table(ft, TTAG_CFF, 0, NULL, &cff);
        if (FT_IS_SFNT(ft) && FT_IS_SCALABLE(ft) && (glyf > 0 || cff > 0)) {
            sc_font_entry e = {.path = path, .index = (unsigned)i, .origin = origin,
                               .generic = -1};
            sc_font_names(ft, fs->arena, &e.family, &e.family2);
            e.italic = (ft->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
            e.weight = (ft->style_flags & FT_STYLE_FLAG_BOLD) ? 700 : 400;
            const TT_OS2 *os2 = FT_Get_Sfnt_Table(ft, FT_SFNT_OS2);
            if (os2 && os2->version != 0xFFFF && os2->usWeightClass >= 100 &&
                os2->usWeightClass <= 1000)
                e.weight = os2->usWeightClass;
            sc_fontset_add_entry(fs, &e);
            added++;
        }
        FT_Done_Face(ft);
    }
    return added ? added : -1;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void scan(sc_fontset *fs, FT_Library lib, const char *dir, int depth, size_t *nfiles)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        names[n] = strdup(de->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names); /* readdir order is the file system's */
    for (size_t i = 0; i < n; i++) {
        char *path = sc_arena_printf(fs->arena, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
                scan(fs, lib, path, depth + 1, nfiles);
            else if (S_ISREG(st.st_mode) && is_font_name(names[i]) && (*nfiles)++ < MAX_FILES)
                sc_font_scan_file(fs, lib, path, SC_ORIGIN_FONT_DIR);
        }
        free(names[i]);
    }
    free(names);
}

void sc_font_scan_dir(sc_fontset *fs, const char *dir, sc_diag_list *diags)
{
    struct stat st;
    if (!dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        sc_diag_warning(diags, dir, "font folder not found; it is skipped");
        return;
    }
    FT_Library lib = NULL;
    if (FT_Init_FreeType(&lib) != 0)
        return;
    size_t before = fs->nentries, nfiles = 0;
    scan(fs, lib, dir, 0, &nfiles);
    FT_Done_FreeType(lib);
    if (fs->nentries == before)
        sc_diag_warning(diags, dir, "no TrueType or OpenType font in this folder");
}
