/* pdf_glyphs.c — the first pass over the display list: the faces and glyphs the pages use, the
 * width each glyph gets in /W, and the text each glyph stands for (for ToUnicode). Done before any
 * page is drawn so the text pass knows which clusters need ActualText. */
#include <math.h>
#include <string.h>

#include <utf8proc.h>

#include "pdf_internal.h"

int sc_pdf_run_monotone(const sc_glyph_run *run)
{
    for (size_t m = 1; m < run->nglyphs; m++)
        if (run->glyphs[m].cluster < run->glyphs[m - 1].cluster)
            return 0;
    return 1;
}

size_t sc_pdf_cluster(const sc_glyph_run *run, int monotone, size_t i, size_t *t0, size_t *t1)
{
    uint32_t c = run->glyphs[i].cluster;
    size_t end = i + 1;
    while (end < run->nglyphs && run->glyphs[end].cluster == c)
        end++;
    /* The cluster's text runs to the next larger cluster value in the run: the next glyph's when
     * clusters only grow (left to right), else found by a scan (right-to-left runs). */
    size_t stop = run->text_len;
    if (monotone) {
        if (end < run->nglyphs)
            stop = run->glyphs[end].cluster;
    } else {
        for (size_t k = 0; k < run->nglyphs; k++)
            if (run->glyphs[k].cluster > c && run->glyphs[k].cluster < stop)
                stop = run->glyphs[k].cluster;
    }
    *t0 = c < run->text_len ? c : run->text_len;
    *t1 = stop < *t0 ? *t0 : stop > run->text_len ? run->text_len : stop;
    return end;
}

sc_pdf_font *sc_pdf_font_for(sc_pdf_state *st, const sc_face *face)
{
    for (size_t i = 0; i < st->nfonts; i++)
        if (st->fonts[i]->face == face)
            return st->fonts[i];
    return NULL;
}

static sc_pdf_font *add_font(sc_pdf_state *st, const sc_face *face)
{
    sc_pdf_font *f = sc_arena_calloc(st->arena, 1, sizeof *f);
    f->face = face;
    f->nglyphs = hb_face_get_glyph_count(face->hb_face);
    if (f->nglyphs == 0 || f->nglyphs > 65536 || face->upem <= 0)
        return NULL;
    f->used = sc_arena_calloc(st->arena, f->nglyphs, 1);
    f->width = sc_arena_calloc(st->arena, f->nglyphs, sizeof *f->width);
    f->uni = sc_arena_calloc(st->arena, f->nglyphs, sizeof *f->uni);
    f->uni_len = sc_arena_calloc(st->arena, f->nglyphs, sizeof *f->uni_len);
    for (unsigned g = 0; g < f->nglyphs; g++) {
        double w = hb_font_get_glyph_h_advance(face->hb_font, g) * 1000.0 / face->upem;
        f->width[g] = (int16_t)(w > 32767 ? 32767 : w < -32767 ? -32767 : lround(w));
    }
    st->fonts = sc_arena_realloc(st->arena, st->fonts, st->nfonts * sizeof *st->fonts,
                                 (st->nfonts + 1) * sizeof *st->fonts);
    st->fonts[st->nfonts++] = f;
    return f;
}

/* Glyphs of a cluster that has several (base + marks, or a decomposition): when the cluster has
 * exactly one code point per glyph, glyph k most likely shows code point k. Only fills glyphs that
 * no one-glyph cluster explains; the page text itself comes from ActualText. */
static void guess_from_cluster(sc_pdf_font *f, const sc_glyph_run *run, size_t i, size_t end,
                               size_t t0, size_t t1)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)run->text;
    size_t starts[16], n = 0, pos = t0;
    while (pos < t1 && n < 16) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p + pos, (utf8proc_ssize_t)(t1 - pos), &cp);
        if (len <= 0)
            return;
        starts[n++] = pos;
        pos += (size_t)len;
    }
    if (pos != t1 || n != end - i)
        return;
    for (size_t k = 0; k < n; k++) {
        uint32_t g = run->glyphs[i + k].gid;
        if (g < f->nglyphs && !f->uni[g]) {
            f->uni[g] = run->text + starts[k];
            f->uni_len[g] = (uint32_t)((k + 1 < n ? starts[k + 1] : t1) - starts[k]);
        }
    }
}

/* Glyphs still without text (seen only inside multi-glyph clusters, which ActualText covers) get
 * the character the font's cmap gives them, so viewers that ignore ActualText still copy
 * something sensible. The lowest code point wins: deterministic. */
static void map_from_cmap(sc_pdf_state *st, sc_pdf_font *f)
{
    int missing = 0;
    for (unsigned g = 0; g < f->nglyphs && !missing; g++)
        missing = f->used[g] && !f->uni[g] && g != 0;
    if (!missing)
        return;
    hb_set_t *cps = hb_set_create();
    hb_face_collect_unicodes(f->face->hb_face, cps);
    hb_codepoint_t cp = HB_SET_VALUE_INVALID, g;
    while (hb_set_next(cps, &cp)) {
        if (!hb_font_get_nominal_glyph(f->face->hb_font, cp, &g) || g >= f->nglyphs || !f->used[g] ||
            f->uni[g])
            continue;
        char *u = sc_arena_alloc(st->arena, 4);
        uint32_t n = (uint32_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)u);
        if (n) {
            f->uni[g] = u;
            f->uni_len[g] = n;
        }
    }
    hb_set_destroy(cps);
}

static int check_run(sc_pdf_state *st, const sc_glyph_run *run)
{
    if (!run->face || !run->face->hb_face || !run->face->hb_font)
        return sc_pdf_fail(st, "a glyph run has no font");
    if (run->nglyphs && !run->glyphs)
        return sc_pdf_fail(st, "a glyph run has no glyphs");
    if (run->text_len && !run->text)
        return sc_pdf_fail(st, "a glyph run has no text");
    return 0;
}

int sc_pdf_collect_glyphs(sc_pdf_state *st)
{
    const sc_layout *L = st->layout;
    /* Pass 1: used glyphs, and the text of one-glyph clusters (these are exact: a letter, or a
     * ligature standing for several letters). The first text seen for a glyph wins; a cluster
     * that says otherwise later gets ActualText when drawn. Pass 2: glyphs of multi-glyph
     * clusters that pass 1 left without text (guess_from_cluster); then the font's cmap. */
    for (int pass = 1; pass <= 2; pass++) {
        for (size_t p = 0; p < L->npages; p++) {
            const sc_page *pg = &L->pages[p];
            for (size_t k = 0; k < pg->nitems; k++) {
                if (pg->items[k].kind != SC_ITEM_GLYPHS)
                    continue;
                const sc_glyph_run *run = &pg->items[k].u.glyphs;
                if (check_run(st, run))
                    return -1;
                sc_pdf_font *f = sc_pdf_font_for(st, run->face);
                if (!f && !(f = add_font(st, run->face)))
                    return sc_pdf_fail(st, "a font has no glyphs or no units per em");
                int mono = sc_pdf_run_monotone(run);
                for (size_t i = 0; i < run->nglyphs;) {
                    size_t t0, t1, end = sc_pdf_cluster(run, mono, i, &t0, &t1);
                    for (size_t g = i; g < end; g++) {
                        if (run->glyphs[g].gid >= f->nglyphs)
                            return sc_pdf_fail(st, "a glyph id is outside its font");
                        f->used[run->glyphs[g].gid] = 1;
                    }
                    uint32_t g = run->glyphs[i].gid;
                    /* A one-glyph cluster of more than a few characters is not a ligature
                     * worth a ToUnicode entry (CMap strings are short): ActualText says it. */
                    if (pass == 1 && end == i + 1 && t1 > t0 && t1 - t0 <= 64 && !f->uni[g]) {
                        f->uni[g] = run->text + t0;
                        f->uni_len[g] = (uint32_t)(t1 - t0);
                    } else if (pass == 2 && end > i + 1) {
                        guess_from_cluster(f, run, i, end, t0, t1);
                    }
                    i = end;
                }
            }
        }
    }
    for (size_t i = 0; i < st->nfonts; i++)
        map_from_cmap(st, st->fonts[i]);
    return 0;
}
