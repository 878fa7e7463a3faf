/* font_system.c — the installed fonts, through fontconfig: a family neither bundled nor in a font
 * folder, and the last-resort font for a character no chosen font has. fontconfig's default
 * configuration is process-wide: it is initialised once (pthread_once; FcInit takes ~6-8 ms here
 * with a fresh cache, while a configuration per fontset would cost ~10 ms per document) and only
 * read afterwards, which fontconfig allows from several threads. Only documents that need an
 * installed font pay for it; answers are memoized per fontset (FcFontSort: ~0.5 ms a query). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include "../base/buf.h"
#include "fontset.h"

static pthread_once_t g_fc_once = PTHREAD_ONCE_INIT; /* the one piece of process state */

static void fc_init(void)
{
#if defined(__SANITIZE_ADDRESS__)
    /* fontconfig 2.14 leaks while parsing its configuration (a bare FcInit() shows it): not
     * ours, so LeakSanitizer ignores what FcInit allocates. */
    __lsan_disable();
#endif
    (void)FcInit();
#if defined(__SANITIZE_ADDRESS__)
    __lsan_enable();
#endif
}

static int fc_ready(void)
{
    pthread_once(&g_fc_once, fc_init);
    return FcConfigGetCurrent() != NULL;
}

static void *grow(sc_arena *arena, void *arr, size_t size, size_t n, size_t *cap)
{
    if (n < *cap)
        return arr;
    size_t ncap = *cap ? *cap * 2 : 16;
    arr = sc_arena_realloc(arena, arr, *cap * size, ncap * size);
    *cap = ncap;
    return arr;
}

/* Outlines the PDF writer embeds: TrueType (glyf) or bare CFF. */
static int usable_format(FcPattern *p)
{
    FcChar8 *fmt = NULL;
    FcBool scalable = FcFalse;
    return FcPatternGetString(p, FC_FONTFORMAT, 0, &fmt) == FcResultMatch &&
           (strcmp((const char *)fmt, "TrueType") == 0 || strcmp((const char *)fmt, "CFF") == 0) &&
           FcPatternGetBool(p, FC_SCALABLE, 0, &scalable) == FcResultMatch && scalable;
}

static int pattern_style(FcPattern *p, int *weight, int *italic)
{
    int w = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(p, FC_WEIGHT, 0, &w);
    FcPatternGetInteger(p, FC_SLANT, 0, &slant);
    *weight = FcWeightToOpenType(w);
    *italic = slant != FC_SLANT_ROMAN;
    return 0;
}

/* An entry for an installed font pattern (file, index, the family asked for, its style). */
static long add_pattern(sc_fontset *fs, FcPattern *p, const char *family)
{
    FcChar8 *file = NULL;
    int index = 0;
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch)
        return -1;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    FcChar8 *fam = NULL;
    if (!family && FcPatternGetString(p, FC_FAMILY, 0, &fam) == FcResultMatch)
        family = (const char *)fam;
    sc_font_entry e = {.path = (const char *)file, .index = (unsigned)index & 0xFFFF,
                       .family = family, .origin = SC_ORIGIN_SYSTEM, .generic = -1};
    pattern_style(p, &e.weight, &e.italic);
    return sc_fontset_add_entry(fs, &e);
}

static FcPattern *style_pattern(int weight, int italic)
{
    FcPattern *p = FcPatternCreate();
    if (!p)
        return NULL;
    FcPatternAddInteger(p, FC_WEIGHT, FcWeightFromOpenType(weight));
    FcPatternAddInteger(p, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    return p;
}

static int has_family(FcPattern *p, const char *family)
{
    FcChar8 *s;
    for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &s) == FcResultMatch; i++)
        if (strcasecmp((const char *)s, family) == 0)
            return 1;
    return 0;
}

long sc_font_system_family(sc_fontset *fs, const char *family, int weight, int italic)
{
    for (size_t i = 0; i < fs->nfamilies; i++) {
        const sc_family_memo *m = &fs->families[i];
        if (m->weight == weight && m->italic == italic && strcasecmp(m->family, family) == 0)
            return m->entry;
    }
    long entry = -1;
    FcPattern *p = fc_ready() ? style_pattern(weight, italic) : NULL;
    if (p) {
        FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
        FcConfigSubstitute(NULL, p, FcMatchPattern);
        FcDefaultSubstitute(p);
        FcResult res;
        FcPattern *m = FcFontMatch(NULL, p, &res);
        /* fontconfig always answers with its best font: only a font of that very family counts
         * (an alias such as Helvetica -> Nimbus Sans is another family). */
        if (m && has_family(m, family) && usable_format(m))
            entry = add_pattern(fs, m, family);
        if (m)
            FcPatternDestroy(m);
        FcPatternDestroy(p);
    }
    fs->families = grow(fs->arena, fs->families, sizeof *fs->families, fs->nfamilies,
                        &fs->capfamilies);
    fs->families[fs->nfamilies++] =
        (sc_family_memo){sc_arena_strdup(fs->arena, family), weight, italic, entry};
    return entry;
}

long sc_font_system_char(sc_fontset *fs, uint32_t cp, int weight, int italic, int mono)
{
    for (size_t i = 0; i < fs->nchars; i++) {
        const sc_char_memo *m = &fs->chars[i];
        if (m->cp == cp && m->weight == weight && m->italic == italic && m->mono == mono)
            return m->entry;
    }
    long entry = -1;
    FcPattern *p = fc_ready() ? style_pattern(weight, italic) : NULL;
    FcCharSet *cs = p ? FcCharSetCreate() : NULL;
    if (cs) {
        /* No family: fontconfig's default (sans-serif, DejaVu Sans on Debian) leads the order,
         * which suits symbols; monospace text asks for a monospace font to keep its columns. */
        if (mono)
            FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)"monospace");
        FcCharSetAddChar(cs, cp);
        FcPatternAddCharSet(p, FC_CHARSET, cs);
        FcConfigSubstitute(NULL, p, FcMatchPattern);
        FcDefaultSubstitute(p);
        FcResult res;
        FcFontSet *set = FcFontSort(NULL, p, FcFalse, NULL, &res);
        for (int i = 0; set && i < set->nfont && entry < 0; i++) {
            FcCharSet *have = NULL;
            if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &have) == FcResultMatch &&
                FcCharSetHasChar(have, cp) && usable_format(set->fonts[i]))
                entry = add_pattern(fs, set->fonts[i], NULL);
        }
        if (set)
            FcFontSetDestroy(set);
        FcCharSetDestroy(cs);
    }
    if (p)
        FcPatternDestroy(p);
    fs->chars = grow(fs->arena, fs->chars, sizeof *fs->chars, fs->nchars, &fs->capchars);
    fs->chars[fs->nchars++] = (sc_char_memo){cp, weight, italic, mono, entry};
    return entry;
}

/* ---- listing ---- */

typedef struct listed {
    const char *family, *file;
    int distance;            /* from regular upright: the family's file shown is the most regular */
} listed;

static int cmp_listed(const void *a, const void *b)
{
    const listed *x = a, *y = b;
    int c = strcasecmp(x->family, y->family);
    if (!c)
        c = strcmp(x->family, y->family);
    if (!c)
        c = x->distance - y->distance;
    if (!c)
        c = strcmp(x->file, y->file);
    return c;
}

void sc_font_system_list(sc_arena *arena, sc_buf *out)
{
    if (!fc_ready())
        return;
    FcPattern *p = FcPatternCreate();
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_FONTFORMAT, FC_SCALABLE, FC_WEIGHT,
                                       FC_SLANT, (char *)NULL);
    FcFontSet *set = p && os ? FcFontList(NULL, p, os) : NULL;
    listed *l = set ? sc_arena_calloc(arena, (size_t)set->nfont + 1, sizeof *l) : NULL;
    size_t n = 0;
    for (int i = 0; l && i < set->nfont; i++) {
        FcChar8 *fam = NULL, *file = NULL;
        if (!usable_format(set->fonts[i]) ||
            FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &fam) != FcResultMatch ||
            FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
            continue;
        int w, it;
        pattern_style(set->fonts[i], &w, &it);
        l[n].family = sc_arena_strdup(arena, (const char *)fam);
        l[n].file = sc_arena_strdup(arena, (const char *)file);
        l[n].distance = (it ? 10000 : 0) + (w > 400 ? w - 400 : 400 - w);
        n++;
    }
    if (n)
        qsort(l, n, sizeof *l, cmp_listed);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(l[i].family, l[i - 1].family) != 0)
            sc_buf_printf(out, "%s\tsystem\t%s\n", l[i].family, l[i].file);
    if (set)
        FcFontSetDestroy(set);
    if (os)
        FcObjectSetDestroy(os);
    if (p)
        FcPatternDestroy(p);
}
