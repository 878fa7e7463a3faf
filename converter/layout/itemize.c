/* itemize.c — a paragraph's text into boxes, glue and penalties: between the break opportunities
 * (breaks.c), each word is split by script and face (font fallback per grapheme cluster) and
 * shaped through the cache; URLs get the Chicago break points, over-long words a break point
 * between any two clusters. */
#include <string.h>

#include <utf8proc.h>

#include "para.h"

enum {
    PENALTY_URL = 50,       /* a break inside a URL: allowed, a little worse than a space */
    PENALTY_HYPHEN = 50,    /* after a hyphen, explicit or soft (TeX's \exhyphenpenalty) */
    PENALTY_OVERLONG = 100  /* between the clusters of a word wider than the measure */
};

/* ---- text helpers ---- */

static uint32_t decode(const char *t, size_t len, size_t i, size_t *next)
{
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) { /* readers give valid UTF-8; stay safe anyway */
        *next = i + 1;
        return 0xFFFD;
    }
    *next = i + (size_t)n;
    return (uint32_t)cp;
}

/* White space that separates words or ends a line (trimmed off a segment's end). */
static int is_break_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

static int is_newline(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029;
}

/* Characters HarfBuzz hides (default ignorables): a font need not have them. */
static int is_ignorable(uint32_t cp)
{
    return cp == 0xAD || cp == 0x34F || cp == 0x61C || (cp >= 0x115F && cp <= 0x1160) ||
           (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||
           (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

/* End of the grapheme cluster starting at i (UAX #29, via utf8proc). */
static size_t cluster_end(const char *t, size_t len, size_t i)
{
    utf8proc_int32_t state = 0;
    size_t next;
    uint32_t prev = decode(t, len, i, &next);
    while (next < len) {
        size_t after;
        uint32_t cp = decode(t, len, next, &after);
        if (utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev, (utf8proc_int32_t)cp, &state))
            break;
        prev = cp;
        next = after;
    }
    return next;
}

/* How many of the cluster's visible characters `face` lacks. */
static int missing_in(const sc_face *face, const char *t, size_t a, size_t b)
{
    int missing = 0;
    for (size_t i = a, next; i < b; i = next) {
        uint32_t cp = decode(t, b, i, &next);
        hb_codepoint_t g;
        if (!is_ignorable(cp) && !hb_font_get_nominal_glyph(face->hb_font, cp, &g))
            missing++;
    }
    return missing;
}

/* ---- item lists ---- */

static void push_item(para_work *w, sc_item_type type, double width, double stretch,
                      double shrink, int penalty, int ref, uint32_t pos)
{
    PARA_RESERVE(w->items, w->capitems, w->nitems + 1);
    sc_bitem *it = &w->items[w->nitems++];
    it->type = type;
    it->width = width;
    it->stretch = stretch;
    it->shrink = shrink;
    it->penalty = penalty;
    it->ref = ref;
    it->pos = pos;
    it->split = 0;
    it->disc = 0;
}

static void push_forced_break(para_work *w, uint32_t pos)
{
    push_item(w, SC_IT_PENALTY, 0, 0, 0, SC_INF_PENALTY, -1, pos);
    push_item(w, SC_IT_GLUE, 0, SC_FIL, 0, 0, -1, pos);
    push_item(w, SC_IT_PENALTY, 0, 0, 0, -SC_INF_PENALTY, -1, pos);
}

/* The span holding text offset `pos` (spans are sorted by their start). */
size_t sc_para_span_at(const sc_para *p, uint32_t pos)
{
    size_t lo = 0, hi = p->nspans;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->spans[mid].t0 <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Width in pt of one space of a span's face and size. */
static double space_width(const para_span *s)
{
    hb_codepoint_t g;
    const sc_face *f = s->face;
    if (!hb_font_get_nominal_glyph(f->hb_font, ' ', &g))
        return s->size * 0.25;
    return hb_font_get_glyph_h_advance(f->hb_font, g) * (double)s->size / f->upem;
}

/* The glyph drawn where a line breaks at a soft hyphen or a hyphenation point: the ASCII
 * hyphen-minus (its text "-"), else U+2010. */
hb_codepoint_t sc_hyphen_glyph(const sc_face *face)
{
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(face->hb_font, '-', &g))
        hb_font_get_nominal_glyph(face->hb_font, 0x2010, &g);
    return g;
}

static double hyphen_width(const para_span *s)
{
    hb_codepoint_t g = sc_hyphen_glyph(s->face);
    return g ? hb_font_get_glyph_h_advance(s->face->hb_font, g) * (double)s->size / s->face->upem
             : 0;
}

/* letter-spacing of a span (pt). */
static double span_spacing(const para_span *s)
{
    return s->style ? s->style->letter_spacing : 0;
}

/* Shaping without optional ligatures: asked for, or implied by letter-spacing (CSS Text 3). */
static int span_no_ligatures(const para_span *s)
{
    return s->style && (s->style->no_ligatures || s->style->letter_spacing != 0);
}

float sc_piece_letter_space(const sc_para *p, const para_piece *pc, uint32_t k)
{
    const para_span *s = &p->spans[pc->span];
    double ls = span_spacing(s);
    if (ls == 0 || !pc->shaped || pc->gap || pc->spaces)
        return 0;
    const sc_shaped *sh = pc->shaped;
    if (k + 1 < sh->nglyphs && sh->glyphs[k + 1].cluster == sh->glyphs[k].cluster)
        return 0; /* not the last glyph of its cluster */
    if (k + 1 == pc->g1) {
        /* The piece's last cluster: its spacing goes with the glue after it (so a line never
         * ends with it), unless the word goes on. */
        uint32_t t = pc->t1;
        if (t >= p->len || p->text[t] == ' ' || p->text[t] == '\n' || p->text[t] == '\t')
            return 0;
    }
    return (float)ls;
}

double sc_piece_unkern(const sc_para *p, const para_piece *pc)
{
    if (!pc->shaped || pc->gap || pc->spaces || pc->g1 <= pc->g0 || pc->shaped->rtl)
        return 0;
    const sc_ushaped_glyph *u = &pc->shaped->glyphs[pc->g1 - 1];
    if (pc->g1 - 1 > pc->g0 && pc->shaped->glyphs[pc->g1 - 2].cluster == u->cluster)
        return 0; /* a mark or a decomposition: its advance is not a kerned letter's */
    hb_position_t nominal = hb_font_get_glyph_h_advance(pc->face->hb_font, u->gid);
    if (u->x_advance == 0)
        return 0;
    return (nominal - u->x_advance) * (double)p->spans[pc->span].size / pc->face->upem;
}

static double spaces_width(const sc_para *p, uint32_t a, uint32_t b, const para_span *s)
{
    double one = space_width(s), w = 0;
    for (uint32_t i = a; i < b; i++)
        w += sc_para_space_weight(p, i) * one;
    return w;
}

static double hyphen_width(const para_span *s);

static void push_split_penalty(sc_para *p, para_work *w, size_t k, uint32_t at)
{
    switch (w->split_kind[k]) {
    case SC_SPLIT_SHY: /* a hyphen is drawn when the line breaks here */
    case SC_SPLIT_HYPH: {
        size_t hs = sc_para_span_at(p, at - 1);
        push_item(w, SC_IT_PENALTY, hyphen_width(&p->spans[hs]), 0, 0, PENALTY_HYPHEN, (int)hs, at);
        break;
    }
    case SC_SPLIT_INNER:
        push_item(w, SC_IT_PENALTY, 0, 0, 0, PENALTY_HYPHEN, -1, at);
        break;
    default: /* URL and cluster points: no hyphen; lines ending there are not stretched much */
        push_item(w, SC_IT_PENALTY, 0, 0, 0,
                  w->split_kind[k] == SC_SPLIT_URL ? PENALTY_URL : PENALTY_OVERLONG, -1, at);
        w->items[w->nitems - 1].split = 1;
        break;
    }
}

/* One piece (glyphs [g0, g1) of `shaped`, text [a, b)) and its box. */
static void push_box(sc_para *p, para_work *w, size_t span, const sc_face *face,
                     const sc_shaped *shaped, uint32_t g0, uint32_t g1, uint32_t tbase,
                     uint32_t a, uint32_t b, int gap, int spaces)
{
    const para_span *s = &p->spans[span];
    PARA_RESERVE(w->pieces, w->cappieces, w->npieces + 1);
    para_piece *pc = &w->pieces[w->npieces];
    memset(pc, 0, sizeof *pc);
    pc->shaped = shaped;
    pc->g0 = g0;
    pc->g1 = g1;
    pc->t0 = a;
    pc->t1 = b;
    pc->tbase = tbase;
    pc->span = (int)span;
    pc->gap = gap;
    pc->spaces = spaces;
    pc->face = face;
    if (spaces) {
        pc->width = spaces_width(p, a, b, s);
    } else if (shaped) {
        int32_t units = 0;
        for (uint32_t g = g0; g < g1; g++)
            units += shaped->glyphs[g].x_advance;
        pc->width = units * (double)s->size / face->upem;
        if (span_spacing(s) != 0)
            for (uint32_t g = g0; g < g1; g++)
                pc->width += sc_piece_letter_space(p, pc, g);
    }
    push_item(w, SC_IT_BOX, pc->width, 0, 0, 0, (int)w->npieces, a);
    w->npieces++;
}

/* A hyphenation point inside a ligature glyph (dif|fer, of|fice: f_f, f_f_i), as TeX's
 * discretionary: unbroken, the ligature is drawn; broken, the line ends with the first letters
 * shaped alone and a hyphen, and the next starts with the rest shaped alone. Items: a box (the
 * glyphs before the ligature), the penalty (width: first part + hyphen; disc: its piece), a glue
 * (width: ligature - rest; it follows no box, so it is no break, and it is discarded after one;
 * disc: the ligature, drawn when the line goes on), a box (the rest, drawn only at a line's
 * start). Returns 0 when the point is not of that kind (then no break there). */
static int push_ligature_point(sc_para *p, para_work *w, size_t span, const sc_face *face,
                               const sc_shaped *shaped, uint32_t a, uint32_t b, uint32_t *g0,
                               uint32_t *t0, uint32_t g, uint32_t at)
{
    uint32_t lg = g - 1;
    if (lg > *g0 && shaped->glyphs[lg - 1].cluster == shaped->glyphs[lg].cluster)
        return 0; /* a cluster of several glyphs, not one ligature */
    uint32_t c0 = a + shaped->glyphs[lg].cluster;
    uint32_t c1 = g < shaped->nglyphs ? a + shaped->glyphs[g].cluster : b;
    if (!(c0 < at && at < c1) || c0 < *t0)
        return 0;
    const para_span *s = &p->spans[span];
    int noliga = span_no_ligatures(s);
    const sc_shaped *pre = sc_shape_text_opts(p->shaper, face, s->lang, p->text + c0, at - c0,
                                              noliga);
    const sc_shaped *post = sc_shape_text_opts(p->shaper, face, s->lang, p->text + at, c1 - at,
                                               noliga);
    if (pre->missing || post->missing || !pre->nglyphs || !post->nglyphs || pre->rtl ||
        post->rtl)
        return 0;
    if (lg > *g0)
        push_box(p, w, span, face, shaped, *g0, lg, a, *t0, c0, 0, 0);
    /* The first part and the ligature are pieces without box items of their own. */
    push_box(p, w, span, face, pre, 0, pre->nglyphs, c0, c0, at, 0, 0);
    w->nitems--;
    size_t pre_piece = w->npieces - 1;
    push_split_penalty(p, w, w->split_next, at);
    w->items[w->nitems - 1].width += w->pieces[pre_piece].width;
    w->items[w->nitems - 1].disc = (int)pre_piece + 1;
    push_box(p, w, span, face, shaped, lg, g, a, c0, c1, 0, 0);
    w->nitems--;
    size_t lig_piece = w->npieces - 1;
    push_item(w, SC_IT_GLUE, 0, 0, 0, 0, -1, at);
    size_t glue = w->nitems - 1;
    push_box(p, w, span, face, post, 0, post->nglyphs, at, at, c1, 0, 0);
    w->pieces[w->npieces - 1].disc_post = 1;
    w->items[glue].width = w->pieces[lig_piece].width - w->pieces[w->npieces - 1].width;
    w->items[glue].disc = (int)lig_piece + 1;
    *g0 = g;
    *t0 = c1;
    return 1;
}

/* A run of text [a, b) in one face (or a gap, or kept spaces), shaped as a whole so kerning and
 * ligatures hold across the split points (URL points, clusters of an over-long word): the glyphs
 * are cut where a glyph's cluster starts exactly at a split point, with a penalty there. */
static void push_piece(sc_para *p, para_work *w, size_t span, uint32_t a, uint32_t b,
                       const sc_face *face, int gap, int spaces, const sc_shaped *shaped)
{
    const para_span *s = &p->spans[span];
    if (!spaces && !gap && !shaped)
        shaped = sc_shape_text_opts(p->shaper, face, s->lang, p->text + a, b - a,
                                    span_no_ligatures(s));
    while (w->split_next < w->nsplits && w->splits[w->split_next] < a)
        w->split_next++;
    if (w->split_next < w->nsplits && w->splits[w->split_next] == a) {
        push_split_penalty(p, w, w->split_next, a); /* a split point between two pieces */
        w->split_next++;
    }
    uint32_t g0 = 0, n = shaped ? shaped->nglyphs : 0, t0 = a;
    if (shaped && !shaped->rtl) {
        for (; w->split_next < w->nsplits && w->splits[w->split_next] < b; w->split_next++) {
            uint32_t at = w->splits[w->split_next];
            uint32_t g = g0;
            while (g < n && a + shaped->glyphs[g].cluster < at)
                g++;
            if (g == g0 || g == n || a + shaped->glyphs[g].cluster != at) {
                if (g > g0 && w->split_kind[w->split_next] == SC_SPLIT_HYPH)
                    push_ligature_point(p, w, span, face, shaped, a, b, &g0, &t0, g, at);
                continue; /* inside a cluster or a ligature: no other break there */
            }
            push_box(p, w, span, face, shaped, g0, g, a, t0, at, 0, 0);
            push_split_penalty(p, w, w->split_next, at);
            if (w->items[w->nitems - 1].ref >= 0) /* a hyphen is drawn: see sc_piece_unkern */
                w->items[w->nitems - 1].width += sc_piece_unkern(p, &w->pieces[w->npieces - 1]);
            g0 = g;
            t0 = at;
        }
    }
    if (!(shaped && n > 0 && g0 == n && t0 == b)) /* unless a ligature point took the rest */
        push_box(p, w, span, face, shaped, g0, n, a, t0, b, gap, spaces);
}

/* The script of a cluster's base character; HB_SCRIPT_COMMON for punctuation, digits, marks,
 * which go with the text around them. */
static hb_script_t cluster_script(const char *t, size_t a, size_t b)
{
    unsigned char c = (unsigned char)t[a];
    if (c < 0x80) /* ASCII: Latin letters, the rest Common */
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON;
    size_t next;
    hb_script_t sc = hb_unicode_script(hb_unicode_funcs_get_default(), decode(t, b, a, &next));
    return sc == HB_SCRIPT_INHERITED || sc == HB_SCRIPT_UNKNOWN ? HB_SCRIPT_COMMON : sc;
}

/* One fragment [a, b) inside span `si` with no break inside: split by script, and by face where
 * the span's face lacks a cluster (fallback per grapheme cluster: marks stay with their base). */
/* One script for sure: Latin (Vietnamese included), combining marks, general punctuation. */
static int plainly_latin(const char *t, uint32_t a, uint32_t b)
{
    for (size_t i = a, next; i < b; i = next) {
        if ((unsigned char)t[i] < 0x80) {
            next = i + 1;
            continue;
        }
        uint32_t cp = decode(t, b, i, &next);
        if (!(cp < 0x370 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2000 && cp <= 0x206F)))
            return 0;
    }
    return 1;
}

/* An installed font (fontconfig) in the style of `like` for the first character of cluster
 * [a, b) that *face lacks: taken when it lacks fewer of the cluster's characters. Returns the
 * new count missing. */
static int installed_fallback(sc_para *p, const sc_face *like, const sc_face **face, int miss,
                              uint32_t a, uint32_t b)
{
    for (size_t i = a, next; i < b; i = next) {
        uint32_t cp = decode(p->text, b, i, &next);
        hb_codepoint_t g;
        if (is_ignorable(cp) || hb_font_get_nominal_glyph((*face)->hb_font, cp, &g))
            continue;
        const sc_face *f = sc_shaper_face_for_char(p->shaper, cp, like);
        int m = f ? missing_in(f, p->text, a, b) : miss;
        if (m < miss) {
            *face = f;
            return m;
        }
        break;
    }
    return miss;
}

static void add_fragment(sc_para *p, para_work *w, size_t si, uint32_t a, uint32_t b)
{
    /* Fast path: the span's face has every character of a one-script fragment. */
    if (plainly_latin(p->text, a, b)) {
        const para_span *s0 = &p->spans[si];
        const sc_shaped *sh = sc_shape_text_opts(p->shaper, s0->face, s0->lang, p->text + a,
                                                 b - a, span_no_ligatures(s0));
        if (sh->missing == 0) {
            push_piece(p, w, si, a, b, s0->face, 0, 0, sh);
            return;
        }
    }
    const para_span *s = &p->spans[si];
    const sc_face *fallbacks[32];
    size_t nfb = 0;
    int have_fallbacks = 0;
    const sc_face *run_face = NULL;
    int run_gap = 0;
    hb_script_t run_script = HB_SCRIPT_COMMON;
    uint32_t run_start = a;
    for (uint32_t i = a; i < b;) {
        uint32_t end = (uint32_t)cluster_end(p->text, b, i);
        hb_script_t script = cluster_script(p->text, i, end);
        int new_script = script != HB_SCRIPT_COMMON && run_script != HB_SCRIPT_COMMON &&
                         script != run_script;
        const sc_face *face = s->face;
        int gap = 0;
        int miss = missing_in(face, p->text, i, end);
        if (miss > 0) {
            if (!have_fallbacks) {
                nfb = sc_shaper_fallbacks(p->shaper, s->style, s->face, fallbacks, 32);
                have_fallbacks = 1;
            }
            /* The face that lacks the fewest of the cluster's characters, earliest first. */
            int best_miss = miss;
            for (size_t k = 0; k < nfb && best_miss > 0; k++) {
                int m = missing_in(fallbacks[k], p->text, i, end);
                if (m < best_miss) {
                    best_miss = m;
                    face = fallbacks[k];
                }
            }
            if (best_miss > 0) /* last resort: an installed font with the character */
                best_miss = installed_fallback(p, s->face, &face, best_miss, i, end);
            if (best_miss > 0) {
                size_t nvisible = 0;
                size_t next;
                for (uint32_t j = i; j < end; j = (uint32_t)next) {
                    uint32_t cp = decode(p->text, end, j, &next);
                    if (is_ignorable(cp))
                        continue;
                    nvisible++;
                    hb_codepoint_t g;
                    if (!hb_font_get_nominal_glyph(face->hb_font, cp, &g))
                        sc_shaper_warn_missing(p->shaper, cp, s->line);
                }
                /* Nothing of the cluster can be drawn: it is a gap (not drawn, not in a run). */
                gap = (size_t)best_miss >= nvisible;
            }
        }
        if (i > run_start && (face != run_face || gap != run_gap || gap || new_script)) {
            push_piece(p, w, si, run_start, i, run_face, run_gap, 0, NULL);
            run_start = i;
            run_script = HB_SCRIPT_COMMON;
        }
        if (script != HB_SCRIPT_COMMON)
            run_script = script;
        run_face = face;
        run_gap = gap;
        i = end;
    }
    if (b > run_start)
        push_piece(p, w, si, run_start, b, run_face, run_gap, 0, NULL);
}

/* Content [a, b) of one segment, span by span; push_piece puts the penalties at the split points
 * (URL points, or cluster boundaries of an over-long fragment). */
static void add_content(sc_para *p, para_work *w, uint32_t a, uint32_t b)
{
    w->split_next = 0;
    for (uint32_t pos = a; pos < b;) {
        size_t si = sc_para_span_at(p, pos);
        uint32_t end = p->spans[si].t1 < b ? p->spans[si].t1 : b;
        add_fragment(p, w, si, pos, end);
        pos = end;
    }
}

static void push_split(para_work *w, uint32_t at, int kind)
{
    PARA_RESERVE(w->splits, w->capsplits, w->nsplits + 1);
    PARA_RESERVE(w->split_kind, w->capsplit_kind, w->nsplits + 1);
    w->splits[w->nsplits] = at;
    w->split_kind[w->nsplits] = (unsigned char)kind;
    w->nsplits++;
}

static int is_shy_before(const sc_para *p, uint32_t at)
{
    return at >= 2 && (unsigned char)p->text[at - 2] == 0xC2 &&
           (unsigned char)p->text[at - 1] == 0xAD;
}

static void first_fixed_splits(const sc_para *p, para_work *w, uint32_t a, uint32_t b);

static int is_word_char(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME);
}

/* A word the patterns may hyphenate: letters only around its letter runs (no digit, hyphen,
 * slash, soft hyphen or the like, which mark codes, compounds and words hyphenated by hand). */
static int hyphenatable_segment(const sc_para *p, uint32_t a, uint32_t b)
{
    for (size_t i = a, next; i < b; i = next) {
        uint32_t cp = decode(p->text, b, i, &next);
        if ((cp >= '0' && cp <= '9') || cp == '-' || cp == '/' || cp == '_' || cp == '@' ||
            cp == 0xAD || (cp >= 0x2010 && cp <= 0x2011) || cp == '\\' || cp == '=')
            return 0;
        size_t after;
        if ((cp == '.' || cp == ':') && next < b && is_word_char(decode(p->text, b, next, &after)))
            return 0; /* file.name, a:b: not a word of running text */
    }
    return 1;
}

/* Hyphenation points (SC_SPLIT_HYPH) of the words in [a, b) whose span asks for automatic
 * hyphenation (hyphens: auto) in a language with patterns; never in pre text or URLs. */
static void hyphen_splits(const sc_para *p, para_work *w, uint32_t a, uint32_t b)
{
    for (size_t u = 0; u < w->nurls; u += 2)
        if (w->urls[u] < b && w->urls[u + 1] > a)
            return;
    if (!hyphenatable_segment(p, a, b))
        return;
    for (size_t i = a, next; i < b; i = next) {
        uint32_t cp = decode(p->text, b, i, &next);
        if (!is_word_char(cp))
            continue;
        const para_span *s = &p->spans[sc_para_span_at(p, (uint32_t)i)];
        size_t w0 = i, w1 = next;
        while (w1 < b) {
            size_t n2;
            if (!is_word_char(decode(p->text, b, w1, &n2)))
                break;
            w1 = n2;
        }
        next = w1;
        /* A word in two styles (**Type**setting) is left whole: its parts are not words. */
        if (w1 > s->t1 || !s->style || s->style->hyphens != 1 || s->style->white_space_pre)
            continue;
        PARA_RESERVE(w->hyph_points, w->caphyph_points, w1 - w0 + 1);
        size_t n = sc_hyphenate_word(w, s->lang, p->text + w0, w1 - w0, w->hyph_points,
                                     w1 - w0 + 1);
        for (size_t k = 0; k < n; k++)
            push_split(w, (uint32_t)w0 + w->hyph_points[k], SC_SPLIT_HYPH);
    }
}

/* The splits that are always allowed inside [a, b): URL points, soft hyphens and hyphenation
 * points, in order. */
static void first_splits(const sc_para *p, para_work *w, uint32_t a, uint32_t b)
{
    first_fixed_splits(p, w, a, b);
    size_t nfixed = w->nsplits;
    hyphen_splits(p, w, a, b);
    if (w->nsplits == nfixed || nfixed == 0)
        return;
    /* Merge the two sorted lists (insertion: words have few points). */
    for (size_t i = nfixed; i < w->nsplits; i++) {
        uint32_t at = w->splits[i];
        unsigned char kind = w->split_kind[i];
        size_t j = i;
        for (; j > 0 && w->splits[j - 1] > at; j--) {
            w->splits[j] = w->splits[j - 1];
            w->split_kind[j] = w->split_kind[j - 1];
        }
        w->splits[j] = at;
        w->split_kind[j] = kind;
    }
}

/* The URL points and soft hyphens inside [a, b), in order. */
static void first_fixed_splits(const sc_para *p, para_work *w, uint32_t a, uint32_t b)
{
    w->nsplits = 0;
    size_t k = 0; /* soft hyphens among the inner opportunities, merged in order */
    for (size_t u = 0; u < w->nurls; u += 2) {
        uint32_t u0 = w->urls[u], u1 = w->urls[u + 1];
        if (u1 <= a || u0 >= b)
            continue;
        PARA_RESERVE(w->scratch, w->capscratch, u1 - u0);
        size_t n = sc_url_break_points(p->text + u0, u1 - u0, w->scratch, u1 - u0);
        for (size_t i = 0; i < n; i++) {
            uint32_t at = u0 + w->scratch[i];
            if (at <= a || at >= b)
                continue;
            for (; k < w->ninner && w->inner[k] < at; k++)
                if (is_shy_before(p, w->inner[k]))
                    push_split(w, w->inner[k], SC_SPLIT_SHY);
            push_split(w, at, SC_SPLIT_URL);
        }
    }
    for (; k < w->ninner; k++)
        if (is_shy_before(p, w->inner[k]))
            push_split(w, w->inner[k], SC_SPLIT_SHY);
}

/* After add_content for [a, b) from item `first_item`: in every fragment between split penalties
 * that is wider than `narrowest`, allow the next kind of break (`kind`: the word's inner ICU
 * opportunities, or any cluster boundary). Returns 1 when some fragment was too wide. */
static int widen_splits(const sc_para *p, para_work *w, size_t first_item, uint32_t a,
                        uint32_t b, double narrowest, int kind)
{
    size_t nold = w->nsplits;
    PARA_RESERVE(w->scratch, w->capscratch, nold + 1);
    PARA_RESERVE(w->scratch_kind, w->capscratch_kind, nold + 1);
    if (nold) {
        memcpy(w->scratch, w->splits, nold * sizeof *w->splits);
        memcpy(w->scratch_kind, w->split_kind, nold * sizeof *w->split_kind);
    }
    int any = 0;
    double width = 0;
    uint32_t f0 = a;
    size_t old = 0, in = 0;
    w->nsplits = 0;
    for (size_t i = first_item; i <= w->nitems; i++) {
        int close = i == w->nitems || w->items[i].type == SC_IT_PENALTY;
        if (!close) {
            width += w->items[i].width;
            continue;
        }
        uint32_t f1 = i == w->nitems ? b : w->items[i].pos;
        if (i < w->nitems)
            width += w->items[i].width; /* the hyphen drawn when breaking at a soft hyphen */
        if (width > narrowest) {
            any = 1;
            if (kind == SC_SPLIT_INNER) {
                while (in < w->ninner && w->inner[in] <= f0)
                    in++;
                for (; in < w->ninner && w->inner[in] < f1; in++)
                    if (!is_shy_before(p, w->inner[in]))
                        push_split(w, w->inner[in], SC_SPLIT_INNER);
            } else {
                for (uint32_t c = (uint32_t)cluster_end(p->text, f1, f0); c < f1;
                     c = (uint32_t)cluster_end(p->text, f1, c))
                    push_split(w, c, SC_SPLIT_CLUSTER);
            }
        }
        if (i < w->nitems) { /* keep the split this penalty stands for */
            while (old < nold && w->scratch[old] < f1)
                old++;
            push_split(w, f1, old < nold && w->scratch[old] == f1 ? w->scratch_kind[old]
                                                                  : SC_SPLIT_CLUSTER);
        }
        f0 = f1;
        width = 0;
    }
    return any;
}

void sc_para_itemize(sc_para *p, para_work *w, const sc_break_params *params)
{
    w->npieces = w->nglues = w->nitems = w->ninner = 0;
    int pre_all = p->nspans > 0 && p->spans[0].style && p->spans[0].style->white_space_pre;
    double narrowest = params->width - (params->first_indent > 0 ? params->first_indent : 0);
    if (params->first_indent != 0)
        push_item(w, SC_IT_BOX, params->first_indent, 0, 0, 0, -1, 0);
    sc_para_find_breaks(p, w);
    uint32_t a = 0;
    int line_start = 1;
    for (size_t k = 0; k < w->nbounds; k++) {
        uint32_t b = w->bounds[k];
        if (b <= a)
            continue;
        /* Content [a, c), then white space [c, b). */
        uint32_t c = b;
        int newline = 0;
        while (c > a) {
            uint32_t s = c - 1;
            while (s > a && ((unsigned char)p->text[s] & 0xC0) == 0x80)
                s--;
            size_t next;
            uint32_t cp = decode(p->text, b, s, &next);
            if (!is_break_space(cp))
                break;
            newline |= is_newline(cp);
            c = s;
        }
        size_t si = sc_para_span_at(p, c < b ? c : (b > 0 ? b - 1 : 0));
        int pre = p->spans[si].style ? p->spans[si].style->white_space_pre : pre_all;
        if (pre && line_start && c == a && b > a && !newline) {
            /* Indentation at the start of a pre line is kept (not discardable glue). */
            push_piece(p, w, si, a, b, p->spans[si].face, 0, 1, NULL);
            if (w->items[w->nitems - 1].width > narrowest) { /* never wider than the measure */
                w->items[w->nitems - 1].width = narrowest > 0 ? narrowest : 0;
                w->pieces[w->npieces - 1].width = w->items[w->nitems - 1].width;
            }
            /* ... and a line too narrow for it and the word after may break there. */
            push_item(w, SC_IT_PENALTY, 0, 0, 0, PENALTY_OVERLONG, -1, b);
            line_start = 0;
            a = b;
            continue;
        }
        if (c == b && !newline && !w->hard[k] && b < p->len) {
            /* No space here (after a hyphen, a slash, a soft hyphen): the word goes on. */
            PARA_RESERVE(w->inner, w->capinner, w->ninner + 1);
            w->inner[w->ninner++] = b;
            continue;
        }
        if (c > a) {
            size_t first_piece = w->npieces, first_item = w->nitems;
            first_splits(p, w, a, c);
            add_content(p, w, a, c);
            /* A word wider than the measure: break at its hyphens and slashes, then, where a
             * piece is still too wide, between any two clusters. */
            for (int kind = SC_SPLIT_INNER; kind <= SC_SPLIT_CLUSTER; kind++) {
                if (!widen_splits(p, w, first_item, a, c, narrowest, kind))
                    break;
                w->npieces = first_piece;
                w->nitems = first_item;
                add_content(p, w, a, c);
            }
            line_start = 0;
        }
        w->ninner = 0;
        if (newline || w->hard[k]) {
            push_forced_break(w, c);
            line_start = 1;
        } else if (c < b) {
            const para_span *s = &p->spans[sc_para_span_at(p, c)];
            double sw = spaces_width(p, c, b, s);
            /* letter-spacing: after the word's last cluster and after each space. */
            if (c > a)
                sw += span_spacing(&p->spans[sc_para_span_at(p, c - 1)]);
            for (uint32_t i = c; i < b; i++)
                sw += sc_para_space_weight(p, i) > 0 ? span_spacing(s) : 0;
            int stretchy = !(s->style && s->style->white_space_pre);
            PARA_RESERVE(w->glues, w->capglues, w->nglues + 1);
            w->glues[w->nglues].t0 = c;
            w->glues[w->nglues].t1 = b;
            w->glues[w->nglues].span = (int)(s - p->spans);
            push_item(w, SC_IT_GLUE, sw, stretchy ? sw / 2 : 0, stretchy ? sw / 3 : 0, 0,
                      (int)w->nglues, c);
            w->nglues++;
        }
        a = b;
    }
    /* The paragraph ends with \parfillskip and a forced break (unless a hard break just did). */
    if (w->nitems == 0 || w->items[w->nitems - 1].type != SC_IT_PENALTY ||
        w->items[w->nitems - 1].penalty > -SC_INF_PENALTY)
        push_forced_break(w, (uint32_t)p->len);
}
