/* shaper.c — the per-document shaping context: fonts, shaping cache, ICU line breakers, the
 * missing-character warnings, and the choice of face for a style's font-family list (and the
 * fallback faces for characters it lacks). */
#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>

#include "para.h"

enum { MAX_BREAKERS = 8, MAX_WARNED_FAMILIES = 32 };

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
    /* The last family list resolved (styles repeat): pointer, style and result. */
    const char *last_family;
    int last_weight, last_italic;
    const sc_face *last_face;
    /* The fontset loads faces lazily (installed fonts, font folders) as the document asks for
     * them: the same fontset as `fonts`, which belongs to this document while it is laid out. */
    sc_fontset *mfonts;
    struct { const char *name; sc_severity severity; } warned_families[MAX_WARNED_FAMILIES];
    size_t nwarned_families;
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
    s->mfonts = (sc_fontset *)fonts; /* see struct sc_shaper: lazy loading caches faces */
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

/* The next name of a CSS font-family list from *p (quotes removed, outer spaces trimmed); 0 at
 * the end of the list. */
static int next_family(const char **p, const char **name, size_t *len)
{
    const char *q = *p;
    while (q && (*q == ',' || isspace((unsigned char)*q)))
        q++;
    if (!q || !*q)
        return 0;
    const char *start, *end;
    if (*q == '"' || *q == '\'') {
        char quote = *q++;
        start = q;
        while (*q && *q != quote)
            q++;
        end = q;
        if (*q)
            q++;
    } else {
        start = q;
        while (*q && *q != ',')
            q++;
        end = q;
        while (end > start && isspace((unsigned char)end[-1]))
            end--;
    }
    while (*q && *q != ',')
        q++;
    *p = q;
    *name = start;
    *len = (size_t)(end - start);
    return 1;
}

/* Tell once per document about a family no font has (the first family of a list: the one the
 * stylesheet asked for; later ones are fallbacks and may well be missing). A warning when nothing
 * of the list was found (the bundled serif stands in); a note (shown with -v) when the list's own
 * fallback was used, as for the platform fonts web pages name ("Menlo, Consolas, monospace"). */
static void warn_family(sc_shaper *s, const char *name, size_t len, const sc_face *instead,
                        sc_severity severity)
{
    size_t i = 0;
    while (i < s->nwarned_families && !(strlen(s->warned_families[i].name) == len &&
                                        strncasecmp(s->warned_families[i].name, name, len) == 0))
        i++;
    if (i < s->nwarned_families && s->warned_families[i].severity >= severity)
        return;
    if (i == s->nwarned_families) {
        if (i == MAX_WARNED_FAMILIES)
            return;
        s->warned_families[i].name = sc_arena_strndup(s->arena, name, len);
        s->nwarned_families++;
    }
    s->warned_families[i].severity = severity;
    if (s->diags)
        sc_diag_add(s->diags, severity, s->source_name, 0, 0, -1,
                    "font family '%.*s' not found (bundled, --font-dir, @font-face or installed "
                    "fonts); using %s",
                    (int)len, name, instead->family);
}

/* A face of one name of a family list: a generic name gives a bundled family. NULL: no font. */
static const sc_face *face_of_name(sc_shaper *s, const char *name, size_t len, int weight,
                                   int italic)
{
    int generic = sc_font_generic_family(name, len);
    if (generic >= 0)
        return sc_fontset_pick(s->fonts, generic, weight >= 600, italic);
    return sc_fontset_family(s->mfonts, name, len, weight, italic, s->diags);
}

const sc_face *sc_shaper_face_for(sc_shaper *s, const sc_style *style)
{
    if (!style)
        return sc_fontset_pick(s->fonts, SC_FAMILY_SERIF, 0, 0);
    int weight = style->font_weight > 0 ? style->font_weight : 400;
    int italic = style->font_italic != 0;
    if (s->last_face && style->font_family == s->last_family && weight == s->last_weight &&
        italic == s->last_italic)
        return s->last_face;
    const sc_face *face = NULL;
    const char *p = style->font_family, *name, *first = NULL;
    size_t len, first_len = 0;
    int first_found = 0;
    while (!face && next_family(&p, &name, &len)) {
        face = face_of_name(s, name, len, weight, italic);
        if (!first) {
            first = name;
            first_len = len;
            first_found = face != NULL;
        }
    }
    int found = face != NULL;
    if (!face) /* nothing of the list: the bundled serif */
        face = sc_fontset_pick(s->fonts, SC_FAMILY_SERIF, weight >= 600, italic);
    if (first && first_len > 0 && !first_found)
        warn_family(s, first, first_len, face, found ? SC_NOTE : SC_WARNING);
    s->last_family = style->font_family;
    s->last_weight = weight;
    s->last_italic = italic;
    s->last_face = face;
    return face;
}

size_t sc_shaper_fallbacks(sc_shaper *s, const sc_style *style, const sc_face *face,
                           const sc_face **out, size_t cap)
{
    size_t n = 0;
    int weight = face->weight, italic = face->italic;
    if (style) {
        weight = style->font_weight > 0 ? style->font_weight : 400;
        italic = style->font_italic != 0;
    }
    /* The rest of the style's family list, then the bundled faces. */
    const char *p = style ? style->font_family : NULL, *name;
    size_t len;
    while (n < cap && next_family(&p, &name, &len)) {
        const sc_face *f = face_of_name(s, name, len, weight, italic);
        int seen = !f || f == face;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j] == f;
        if (!seen)
            out[n++] = f;
    }
    const sc_face *bundled[32];
    size_t nb = sc_fontset_fallbacks(s->fonts, face, bundled, 32);
    for (size_t i = 0; i < nb && n < cap; i++) {
        int seen = bundled[i] == face;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j] == bundled[i];
        if (!seen)
            out[n++] = bundled[i];
    }
    return n;
}

const sc_face *sc_shaper_face_for_char(sc_shaper *s, uint32_t cp, const sc_face *like)
{
    return sc_fontset_face_for_char(s->mfonts, cp, like, s->diags);
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
                    "no font has the character U+%04X (bundled or installed); it is not drawn",
                    (unsigned)cp);
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
