/* compute.c — computed values (CSS Cascade 4, 4.4): specified values made absolute, inherited
 * properties taken from the parent, the others from their initial values. */
#include <string.h>

#include "compute.h"

enum { INITIAL_FONT_PT = 11 };

/* The parent of the root: CSS initial values, with the project's 11pt / 1.4 / serif. */
static const sc_computed initial_style = {
    .s = {
        .font_family = "serif",
        .font_size = INITIAL_FONT_PT,
        .font_weight = 400,
        .line_height = INITIAL_FONT_PT * 1.4f,
        .text_align = SC_ALIGN_LEFT,
        .color = {0, 0, 0},
        .widows = 2,
        .orphans = 2,
        .list_style_type = SC_LIST_DISC,
    },
    .line_height_factor = 1.4f,
};

/* line-height: normal. */
static const float NORMAL_LINE_HEIGHT = 1.2f;

void sc_compute_init(sc_compute_ctx *ctx, sc_arena *arena, float content_width)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->arena = arena;
    ctx->content_width = content_width > 0 ? content_width : 0;
    ctx->root_font_size = INITIAL_FONT_PT;
}

typedef enum { FROM_PARENT, FROM_INITIAL, FROM_VALUE } source;

static source source_of(const sc_css_decl *d, sc_css_prop prop)
{
    if (!d || d->value.kind == SC_VAL_UNSET || d->value.kind == SC_VAL_NONE)
        return sc_css_prop_inherited(prop) ? FROM_PARENT : FROM_INITIAL;
    if (d->value.kind == SC_VAL_INHERIT)
        return FROM_PARENT;
    if (d->value.kind == SC_VAL_INITIAL)
        return FROM_INITIAL;
    return FROM_VALUE;
}

/* A length in points; em_base is the font size em refers to, pct_base what 100% is. */
static float length(const sc_compute_ctx *ctx, const sc_css_value *v, float em_base, float pct_base)
{
    switch (v->unit) {
    case SC_UNIT_PT: return v->num;
    case SC_UNIT_EM: return v->num * em_base;
    case SC_UNIT_REM: return v->num * ctx->root_font_size;
    /* Without font metrics here, ex and ch are taken as half an em (CSS Values 4's fallback). */
    case SC_UNIT_EX:
    case SC_UNIT_CH: return v->num * em_base * 0.5f;
    case SC_UNIT_PERCENT: return v->num * pct_base / 100.0f;
    }
    return v->num;
}

static float font_size(const sc_compute_ctx *ctx, const sc_computed *parent, const sc_css_decl *d)
{
    source src = source_of(d, SC_PROP_FONT_SIZE);
    if (src == FROM_PARENT)
        return parent->s.font_size;
    if (src == FROM_INITIAL)
        return INITIAL_FONT_PT;
    const sc_css_value *v = &d->value;
    if (v->kind == SC_VAL_KEYWORD)
        return v->keyword == SC_KW_LARGER ? parent->s.font_size * 1.2f
                                          : parent->s.font_size / 1.2f;
    /* em and % in font-size refer to the parent's font size. */
    return length(ctx, v, parent->s.font_size, parent->s.font_size);
}

/* CSS Fonts 4, 2.2.1: bolder and lighter relative to the inherited weight. */
static int relative_weight(int parent, int keyword)
{
    if (keyword == SC_KW_BOLDER)
        return parent < 350 ? 400 : parent < 550 ? 700 : 900;
    return parent < 550 ? 100 : parent < 750 ? 400 : 700;
}

static void line_height(const sc_compute_ctx *ctx, const sc_computed *parent, const sc_css_decl *d,
                        sc_computed *out)
{
    float fs = out->s.font_size;
    source src = source_of(d, SC_PROP_LINE_HEIGHT);
    const sc_computed *from = src == FROM_INITIAL ? &initial_style : parent;
    if (src != FROM_VALUE) {
        out->line_height_factor = from->line_height_factor;
        out->s.line_height = from->line_height_factor > 0 ? from->line_height_factor * fs
                                                         : from->s.line_height;
        return;
    }
    const sc_css_value *v = &d->value;
    if (v->kind == SC_VAL_KEYWORD || v->kind == SC_VAL_NUMBER) {
        out->line_height_factor = v->kind == SC_VAL_NUMBER ? v->num : NORMAL_LINE_HEIGHT;
        out->s.line_height = out->line_height_factor * fs;
        return;
    }
    /* A length or percentage computes to a length here, and children inherit that length. */
    out->line_height_factor = 0;
    out->s.line_height = length(ctx, v, fs, fs);
}

/* Number-valued properties (keywords the parsers mapped to numbers). */
static float number(const sc_css_decl *d, sc_css_prop prop, float parent_value,
                    float initial_value)
{
    source src = source_of(d, prop);
    if (src == FROM_PARENT)
        return parent_value;
    if (src == FROM_INITIAL || d->value.kind != SC_VAL_NUMBER)
        return initial_value;
    return d->value.num;
}

static float box_length(const sc_compute_ctx *ctx, const sc_css_decl *d, sc_css_prop prop,
                        float parent_value, float fs)
{
    source src = source_of(d, prop);
    if (src == FROM_PARENT)
        return parent_value;
    if (src == FROM_INITIAL || d->value.kind != SC_VAL_LENGTH)
        return 0;
    /* Percentages refer to the containing block's width; the page's text width stands in. */
    return length(ctx, &d->value, fs, ctx->content_width);
}

/* Absurd values (1e30pt, or overflows to infinity) are held to bounds the layout can work with;
 * NaN cannot come from the parser, but would become 0 here too. */
static float bounded(float v, float lo, float hi)
{
    return v >= lo ? (v <= hi ? v : hi) : v < lo ? lo : 0;
}

enum { MAX_FONT_PT = 2000, MAX_LENGTH_PT = 20000 };

static void bound_lengths(sc_computed *c)
{
    sc_style *s = &c->s;
    s->font_size = bounded(s->font_size, 0, MAX_FONT_PT);
    s->line_height = bounded(s->line_height, 0, MAX_LENGTH_PT);
    c->line_height_factor = bounded(c->line_height_factor, 0, 1000);
    s->text_indent = bounded(s->text_indent, -MAX_LENGTH_PT, MAX_LENGTH_PT);
    for (int e = 0; e < 4; e++) {
        s->margin[e] = bounded(s->margin[e], -MAX_LENGTH_PT, MAX_LENGTH_PT);
        s->padding[e] = bounded(s->padding[e], 0, MAX_LENGTH_PT);
        s->border[e].width = bounded(s->border[e].width, 0, MAX_LENGTH_PT);
    }
    s->letter_spacing = bounded(s->letter_spacing, -MAX_LENGTH_PT, MAX_LENGTH_PT);
}

/* border-*-width, -style, -color of one side (none of them inherit). */
static sc_border border_side(const sc_compute_ctx *ctx, const sc_computed *parent,
                             const sc_css_decl *const win[SC_PROP_COUNT], int e, const sc_style *s)
{
    sc_border b = {2.25f, SC_BORDER_NONE, s->color}; /* medium, none, currentcolor */
    const sc_border *pb = &parent->s.border[e];
    const sc_css_decl *d = win[SC_PROP_BORDER_TOP_STYLE + e];
    source src = source_of(d, SC_PROP_BORDER_TOP_STYLE + e);
    if (src == FROM_PARENT)
        b.style = pb->style;
    else if (src == FROM_VALUE && d->value.kind == SC_VAL_NUMBER)
        b.style = (sc_border_style)(int)d->value.num;
    d = win[SC_PROP_BORDER_TOP_WIDTH + e];
    src = source_of(d, SC_PROP_BORDER_TOP_WIDTH + e);
    if (src == FROM_PARENT)
        b.width = pb->width;
    else if (src == FROM_VALUE && d->value.kind == SC_VAL_LENGTH)
        b.width = length(ctx, &d->value, s->font_size, 0);
    d = win[SC_PROP_BORDER_TOP_COLOR + e];
    src = source_of(d, SC_PROP_BORDER_TOP_COLOR + e);
    if (src == FROM_PARENT)
        b.color = pb->color;
    else if (src == FROM_VALUE && d->value.kind == SC_VAL_COLOR)
        b.color = d->value.color;
    if (b.style == SC_BORDER_NONE)
        b.width = 0; /* CSS Backgrounds 3, 4.3: no style, no width */
    return b;
}

/* The issue 3 properties: borders, breaks inside, hyphens, lists, spacing, ligatures, counters,
 * named strings. */
static void compute_more(const sc_compute_ctx *ctx, const sc_computed *parent,
                         const sc_css_decl *const win[SC_PROP_COUNT], sc_style *s)
{
    const sc_style *ps = &parent->s;
    for (int e = 0; e < 4; e++)
        s->border[e] = border_side(ctx, parent, win, e, s);
    s->page_break_inside = (int)number(win[SC_PROP_PAGE_BREAK_INSIDE], SC_PROP_PAGE_BREAK_INSIDE,
                                       (float)ps->page_break_inside, 0);
    s->hyphens = (int)number(win[SC_PROP_HYPHENS], SC_PROP_HYPHENS, (float)ps->hyphens, 0);
    s->list_style_type = (sc_list_style)(int)number(win[SC_PROP_LIST_STYLE_TYPE],
                                                    SC_PROP_LIST_STYLE_TYPE,
                                                    (float)ps->list_style_type, SC_LIST_DISC);
    s->no_ligatures = (int)number(win[SC_PROP_FONT_VARIANT_LIGATURES],
                                  SC_PROP_FONT_VARIANT_LIGATURES, (float)ps->no_ligatures, 0);
    const sc_css_decl *d = win[SC_PROP_LETTER_SPACING];
    source src = source_of(d, SC_PROP_LETTER_SPACING);
    /* Computed as an absolute length: children inherit the points, not the em. */
    s->letter_spacing = src == FROM_PARENT ? ps->letter_spacing
                      : src == FROM_INITIAL || d->value.kind != SC_VAL_LENGTH
                          ? 0 : length(ctx, &d->value, s->font_size, 0);
    d = win[SC_PROP_COUNTER_RESET];
    src = source_of(d, SC_PROP_COUNTER_RESET);
    s->counter_reset = src == FROM_PARENT ? ps->counter_reset
                     : src == FROM_VALUE ? d->value.counters : NULL;
    d = win[SC_PROP_COUNTER_INCREMENT];
    src = source_of(d, SC_PROP_COUNTER_INCREMENT);
    s->counter_increment = src == FROM_PARENT ? ps->counter_increment
                         : src == FROM_VALUE ? d->value.counters : NULL;
    d = win[SC_PROP_STRING_SET];
    src = source_of(d, SC_PROP_STRING_SET);
    s->string_set = src == FROM_PARENT ? ps->string_set
                  : src == FROM_VALUE ? d->value.strings : NULL;
}

sc_computed *sc_compute_style(sc_compute_ctx *ctx, const sc_computed *parent,
                              const sc_css_decl *const win[SC_PROP_COUNT])
{
    if (!parent)
        parent = &initial_style;
    sc_computed *c = sc_arena_alloc(ctx->arena, sizeof *c);
    c->serial = ++ctx->next_serial;
    sc_style *s = &c->s;
    const sc_style *ps = &parent->s;

    s->font_size = bounded(font_size(ctx, parent, win[SC_PROP_FONT_SIZE]), 0, MAX_FONT_PT);
    float fs = s->font_size;

    const sc_css_decl *d = win[SC_PROP_FONT_FAMILY];
    source src = source_of(d, SC_PROP_FONT_FAMILY);
    s->font_family = src == FROM_PARENT ? ps->font_family
                   : src == FROM_INITIAL ? initial_style.s.font_family : d->value.str;

    d = win[SC_PROP_FONT_WEIGHT];
    src = source_of(d, SC_PROP_FONT_WEIGHT);
    int weight = src == FROM_PARENT ? ps->font_weight
               : src == FROM_INITIAL ? 400
               : d->value.kind == SC_VAL_KEYWORD ? relative_weight(ps->font_weight, d->value.keyword)
               : (int)d->value.num;
    s->font_weight = weight < 100 ? 100 : weight > 900 ? 900 : weight;

    s->font_italic = (int)number(win[SC_PROP_FONT_STYLE], SC_PROP_FONT_STYLE,
                                 (float)ps->font_italic, 0);
    line_height(ctx, parent, win[SC_PROP_LINE_HEIGHT], c);
    s->text_align = (sc_text_align)number(win[SC_PROP_TEXT_ALIGN], SC_PROP_TEXT_ALIGN,
                                          (float)ps->text_align, SC_ALIGN_LEFT);

    d = win[SC_PROP_TEXT_INDENT];
    src = source_of(d, SC_PROP_TEXT_INDENT);
    s->text_indent = src == FROM_PARENT ? ps->text_indent
                   : src == FROM_INITIAL ? 0 : length(ctx, &d->value, fs, ctx->content_width);

    for (int e = 0; e < 4; e++) {
        s->margin[e] = box_length(ctx, win[SC_PROP_MARGIN_TOP + e], SC_PROP_MARGIN_TOP + e,
                                  ps->margin[e], fs);
        s->padding[e] = box_length(ctx, win[SC_PROP_PADDING_TOP + e], SC_PROP_PADDING_TOP + e,
                                   ps->padding[e], fs);
    }

    d = win[SC_PROP_COLOR];
    src = source_of(d, SC_PROP_COLOR);
    /* For `color` itself, currentcolor means the inherited colour. */
    s->color = src == FROM_INITIAL ? initial_style.s.color
             : src == FROM_PARENT || d->value.kind != SC_VAL_COLOR ? ps->color : d->value.color;

    s->white_space_pre = (int)number(win[SC_PROP_WHITE_SPACE], SC_PROP_WHITE_SPACE,
                                     (float)ps->white_space_pre, 0);
    s->vertical_align = (int)number(win[SC_PROP_VERTICAL_ALIGN], SC_PROP_VERTICAL_ALIGN,
                                    (float)ps->vertical_align, 0);
    /* Decorations propagate to descendants and cannot be taken off by them (CSS Text
     * Decoration 3, 2.1): the computed field holds every decoration in effect. */
    s->text_decoration = ps->text_decoration |
                         (int)number(win[SC_PROP_TEXT_DECORATION], SC_PROP_TEXT_DECORATION,
                                     (float)ps->text_decoration, 0);
    s->widows = (int)number(win[SC_PROP_WIDOWS], SC_PROP_WIDOWS, (float)ps->widows, 2);
    s->orphans = (int)number(win[SC_PROP_ORPHANS], SC_PROP_ORPHANS, (float)ps->orphans, 2);
    s->page_break_before = (int)number(win[SC_PROP_PAGE_BREAK_BEFORE],
                                       SC_PROP_PAGE_BREAK_BEFORE, (float)ps->page_break_before, 0);
    s->page_break_after = (int)number(win[SC_PROP_PAGE_BREAK_AFTER],
                                      SC_PROP_PAGE_BREAK_AFTER, (float)ps->page_break_after, 0);
    /* display: none hides the whole subtree, so descendants carry the flag too. */
    s->display_none = ps->display_none ||
                      (int)number(win[SC_PROP_DISPLAY], SC_PROP_DISPLAY,
                                  (float)ps->display_none, 0);
    compute_more(ctx, parent, win, s);
    bound_lengths(c);
    return c;
}
