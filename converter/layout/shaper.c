/* shaper.c — the per-document shaping context: fonts, shaping cache, ICU line breakers, the
 * missing-character warnings, and the choice of face for a style's font-family list. */
#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>

#include "para.h"

enum { MAX_BREAKERS = 8 };

struct sc_shaper {
    const sc_fontset *fonts;
    sc_arena *arena;
    sc_diag_list *diags;
    const char *source_name;
    sc_shape_cache *cache;
    uint32_t *warned;        /* sorted code points already warned about */
    size_t nwarned, capwarned;
    struct { char lang[32]; UBreakIterator *bi; } breakers[MAX_BREAKERS];
    size_t nbreakers;
    sc_para *para_pool;      /* every paragraph begun; ended ones are reused */
    sc_para *para_free;      /* ended paragraphs, ready for reuse */
    para_work *work;         /* scratch of the line-setting pass */
    /* The last family list resolved (styles repeat): pointer and result. */
    const char *last_family;
    int last_family_id;
};

sc_shaper *sc_shaper_new(const sc_fontset *fonts, sc_arena *arena, sc_diag_list *diags,
                         const char *source_name)
{
    if (!fonts || !arena || sc_fontset_count(fonts) == 0)
        return NULL;
    sc_shaper *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->fonts = fonts;
    s->arena = arena;
    s->diags = diags;
    s->source_name = source_name ? sc_arena_strdup(arena, source_name) : NULL;
    s->cache = sc_shape_cache_new();
    if (!s->cache) {
        free(s);
        return NULL;
    }
    return s;
}

void sc_shaper_free(sc_shaper *s)
{
    if (!s)
        return;
    sc_shape_cache_free(s->cache);
    for (size_t i = 0; i < s->nbreakers; i++)
        ubrk_close(s->breakers[i].bi);
    sc_para_pool_free(s->para_pool);
    sc_para_work_free(s->work);
    free(s->warned);
    free(s);
}

const sc_fontset *sc_shaper_fonts(const sc_shaper *s) { return s->fonts; }
sc_arena *sc_shaper_arena(const sc_shaper *s) { return s->arena; }
sc_shape_cache *sc_shaper_cache(const sc_shaper *s) { return s->cache; }
sc_para **sc_shaper_para_pool(sc_shaper *s) { return &s->para_pool; }

sc_para **sc_shaper_para_free(sc_shaper *s) { return &s->para_free; }

para_work *sc_shaper_work(sc_shaper *s)
{
    if (!s->work) {
        s->work = calloc(1, sizeof *s->work);
        if (!s->work)
            abort(); /* out of memory, as the arena does */
    }
    return s->work;
}

/* One name of a font-family list -> SC_FAMILY_*, or -1 when it is not a family we have. */
static int family_of_name(const char *name, size_t len)
{
    static const struct { const char *name; int family; } k_names[] = {
        {"serif", SC_FAMILY_SERIF},          {"noto serif", SC_FAMILY_SERIF},
        {"sans-serif", SC_FAMILY_SANS},      {"noto sans", SC_FAMILY_SANS},
        {"system-ui", SC_FAMILY_SANS},       {"ui-sans-serif", SC_FAMILY_SANS},
        {"ui-serif", SC_FAMILY_SERIF},       {"monospace", SC_FAMILY_MONO},
        {"noto sans mono", SC_FAMILY_MONO},  {"ui-monospace", SC_FAMILY_MONO},
    };
    for (size_t i = 0; i < sizeof k_names / sizeof k_names[0]; i++) {
        if (strlen(k_names[i].name) == len && strncasecmp(k_names[i].name, name, len) == 0)
            return k_names[i].family;
    }
    return -1;
}

/* The first family of a CSS font-family list that we have; serif when none. */
static int family_of_list(const char *list)
{
    const char *p = list;
    while (p && *p) {
        while (*p == ',' || isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        const char *start, *end;
        if (*p == '"' || *p == '\'') {
            char q = *p++;
            start = p;
            while (*p && *p != q)
                p++;
            end = p;
            if (*p)
                p++;
        } else {
            start = p;
            while (*p && *p != ',')
                p++;
            end = p;
            while (end > start && isspace((unsigned char)end[-1]))
                end--;
        }
        /* Collapse inner runs of spaces of unquoted names ("Noto   Serif") by comparing as is:
         * CSS identifiers sequences keep single spaces in practice. */
        int fam = family_of_name(start, (size_t)(end - start));
        if (fam >= 0)
            return fam;
        while (*p && *p != ',')
            p++;
    }
    return SC_FAMILY_SERIF;
}

const sc_face *sc_shaper_face_for(sc_shaper *s, const sc_style *style)
{
    if (!style)
        return sc_fontset_pick(s->fonts, SC_FAMILY_SERIF, 0, 0);
    int fam;
    if (style->font_family && style->font_family == s->last_family) {
        fam = s->last_family_id;
    } else {
        fam = family_of_list(style->font_family);
        s->last_family = style->font_family;
        s->last_family_id = fam;
    }
    return sc_fontset_pick(s->fonts, fam, style->font_weight >= 600, style->font_italic != 0);
}

void sc_shaper_warn_missing(sc_shaper *s, uint32_t cp, int source_line)
{
    size_t lo = 0, hi = s->nwarned;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->warned[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->nwarned && s->warned[lo] == cp)
        return;
    if (s->nwarned == s->capwarned) {
        size_t cap = s->capwarned ? s->capwarned * 2 : 16;
        uint32_t *w = realloc(s->warned, cap * sizeof *w);
        if (!w)
            return;
        s->warned = w;
        s->capwarned = cap;
    }
    memmove(s->warned + lo + 1, s->warned + lo, (s->nwarned - lo) * sizeof *s->warned);
    s->warned[lo] = cp;
    s->nwarned++;
    if (s->diags)
        sc_diag_add(s->diags, SC_WARNING, s->source_name, source_line, 0, -1,
                    "no bundled font has the character U+%04X; it is not drawn", (unsigned)cp);
}

UBreakIterator *sc_shaper_line_breaker(sc_shaper *s, const char *lang)
{
    char locale[32];
    /* ICU wants "vi" or "en_US"; BCP 47 "en-US" is accepted by uloc too, but keep it simple. */
    size_t n = 0;
    for (const char *p = lang ? lang : ""; *p && n + 1 < sizeof locale; p++)
        locale[n++] = *p == '-' ? '_' : *p;
    locale[n] = 0;
    for (size_t i = 0; i < s->nbreakers; i++) {
        if (strcmp(s->breakers[i].lang, locale) == 0)
            return s->breakers[i].bi;
    }
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_LINE, locale, NULL, 0, &err);
    if (U_FAILURE(err) || !bi) {
        err = U_ZERO_ERROR;
        bi = ubrk_open(UBRK_LINE, "", NULL, 0, &err);
        if (U_FAILURE(err))
            return NULL;
    }
    if (s->nbreakers == MAX_BREAKERS) { /* many languages: replace the last one */
        ubrk_close(s->breakers[MAX_BREAKERS - 1].bi);
        s->nbreakers--;
    }
    memcpy(s->breakers[s->nbreakers].lang, locale, n + 1);
    s->breakers[s->nbreakers].bi = bi;
    s->nbreakers++;
    return bi;
}
