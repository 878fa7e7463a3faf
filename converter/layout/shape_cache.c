/* shape_cache.c — HarfBuzz shaping of one word (or one piece of a word) and the cache of results.
 * Key: (face, language, text). Results are in font units, so one entry serves every size. */
#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct entry {
    uint64_t hash;
    const sc_face *face;
    hb_language_t lang;
    int no_ligatures;
    const char *text;
    uint32_t len;
    sc_shaped shaped;
} entry;

struct sc_shape_cache {
    sc_arena *arena;      /* entries, their text and glyphs */
    entry **slots;        /* open addressing, power-of-two size */
    size_t nslots, count;
    hb_buffer_t *buf;
    size_t lookups, hits;
};

sc_shape_cache *sc_shape_cache_new(void)
{
    sc_shape_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->nslots = 1024;
    c->slots = calloc(c->nslots, sizeof *c->slots);
    c->buf = hb_buffer_create();
    if (!c->slots || !hb_buffer_allocation_successful(c->buf)) {
        free(c->slots);
        hb_buffer_destroy(c->buf);
        free(c);
        return NULL;
    }
    c->arena = sc_arena_new();
    return c;
}

void sc_shape_cache_free(sc_shape_cache *c)
{
    if (!c)
        return;
    hb_buffer_destroy(c->buf);
    free(c->slots);
    sc_arena_free(c->arena);
    free(c);
}

/* FNV-1a over the text, mixed with the face id, language tag and ligature switch. */
static uint64_t key_hash(const sc_face *face, hb_language_t lang, int no_lig, const char *text,
                         size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)text[i];
        h *= 1099511628211ULL;
    }
    h ^= (uint64_t)(unsigned)face->id * 0x9E3779B97F4A7C15ULL;
    const char *l = lang ? hb_language_to_string(lang) : "";
    for (; *l; l++) {
        h ^= (unsigned char)*l;
        h *= 1099511628211ULL;
    }
    h ^= (uint64_t)no_lig * 0xC2B2AE3D27D4EB4FULL;
    return h ^ (h >> 29);
}

static void grow(sc_shape_cache *c)
{
    size_t n = c->nslots * 2;
    entry **slots = calloc(n, sizeof *slots);
    if (!slots)
        return; /* stay at the current size: lookups still work, only slower */
    for (size_t i = 0; i < c->nslots; i++) {
        entry *e = c->slots[i];
        if (!e)
            continue;
        size_t j = e->hash & (n - 1);
        while (slots[j])
            j = (j + 1) & (n - 1);
        slots[j] = e;
    }
    free(c->slots);
    c->slots = slots;
    c->nslots = n;
}

/* font-variant-ligatures: none turns off the ligature features HarfBuzz applies by default. */
static const hb_feature_t no_ligature_features[] = {
    {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('d', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('h', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

static void shape_into(sc_shape_cache *c, const sc_face *face, hb_language_t lang, int no_lig,
                       const char *text, size_t len, sc_shaped *out)
{
    hb_buffer_t *b = c->buf;
    hb_buffer_clear_contents(b);
    /* Grapheme clusters: a base and its marks form one cluster, so the PDF writer can give a
     * multi-glyph cluster (q + dot below, no precomposed glyph) one ActualText span, and the
     * line breaker can cut a word at any cluster boundary without separating marks. */
    hb_buffer_set_cluster_level(b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
    /* Invisible characters (soft hyphen, ZWJ, ZWSP, variation selectors) get no glyph at all,
     * rather than a zero-width space glyph that text extraction could read as a space: their
     * text goes with the glyph before them. */
    hb_buffer_set_flags(b, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
    hb_buffer_add_utf8(b, text, (int)len, 0, (int)len);
    if (lang)
        hb_buffer_set_language(b, lang);
    hb_buffer_guess_segment_properties(b);
    if (no_lig)
        hb_shape(face->hb_font, b, no_ligature_features,
                 sizeof no_ligature_features / sizeof no_ligature_features[0]);
    else
        hb_shape(face->hb_font, b, NULL, 0);
    unsigned n = 0;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, NULL);
    sc_ushaped_glyph *g = sc_arena_calloc(c->arena, n ? n : 1, sizeof *g);
    uint32_t k = 0;
    int32_t width = 0, top = 0, bottom = 0;
    uint32_t missing = 0;
    for (unsigned i = 0; i < n; i++) {
        if (info[i].codepoint == 0) { /* .notdef: never drawn (the itemizer warns) */
            missing++;
            continue;
        }
        g[k].gid = info[i].codepoint;
        g[k].cluster = info[i].cluster;
        g[k].x_advance = pos[i].x_advance;
        g[k].x_offset = pos[i].x_offset;
        g[k].y_offset = pos[i].y_offset;
        width += pos[i].x_advance;
        hb_glyph_extents_t ext;
        if (hb_font_get_glyph_extents(face->hb_font, info[i].codepoint, &ext) && ext.height != 0) {
            int32_t t = pos[i].y_offset + ext.y_bearing;
            int32_t bt = t + ext.height;
            if (t > top)
                top = t;
            if (bt < bottom)
                bottom = bt;
        }
        k++;
    }
    out->glyphs = g;
    out->nglyphs = k;
    out->width = width;
    out->ink_top = top;
    out->ink_bottom = bottom;
    out->missing = missing;
    out->rtl = hb_buffer_get_direction(b) == HB_DIRECTION_RTL;
}

const sc_shaped *sc_shape_text(sc_shaper *shaper, const sc_face *face, const char *lang,
                               const char *text, size_t len)
{
    return sc_shape_text_opts(shaper, face, lang, text, len, 0);
}

const sc_shaped *sc_shape_text_opts(sc_shaper *shaper, const sc_face *face, const char *lang,
                                    const char *text, size_t len, int no_ligatures)
{
    sc_shape_cache *c = sc_shaper_cache(shaper);
    hb_language_t hl = lang && *lang ? hb_language_from_string(lang, -1) : NULL;
    int no_lig = no_ligatures != 0;
    uint64_t h = key_hash(face, hl, no_lig, text, len);
    c->lookups++;
    size_t i = h & (c->nslots - 1);
    for (entry *e; (e = c->slots[i]) != NULL; i = (i + 1) & (c->nslots - 1)) {
        if (e->hash == h && e->face == face && e->lang == hl && e->no_ligatures == no_lig &&
            e->len == len &&
            memcmp(e->text, text, len) == 0) {
            c->hits++;
            return &e->shaped;
        }
    }
    entry *e = sc_arena_alloc(c->arena, sizeof *e);
    e->hash = h;
    e->face = face;
    e->lang = hl;
    e->no_ligatures = no_lig;
    e->text = sc_arena_strndup(c->arena, text, len);
    e->len = (uint32_t)len;
    shape_into(c, face, hl, no_lig, text, len, &e->shaped);
    c->slots[i] = e;
    c->count++;
    if (c->count * 2 > c->nslots)
        grow(c);
    return &e->shaped;
}

void sc_shaper_stats(const sc_shaper *shaper, sc_shape_stats *out)
{
    const sc_shape_cache *c = sc_shaper_cache(shaper);
    out->lookups = c->lookups;
    out->hits = c->hits;
    out->entries = c->count;
}
