/* page.c — @page: paper sizes, the `size` property, and the page setup the sheets declare for a
 * kind of page (:first / :left / :right rules cascaded over plain @page ones), with the top and
 * bottom margin boxes' content and computed styles. */
#include <string.h>

#include "compute.h"

#define MM(x) ((float)(x) * 72.0f / 25.4f)
#define IN(x) ((float)(x) * 72.0f)

/* CSS Paged Media 7.1.1 page-size keywords (portrait). */
static const struct { const char *name; float w, h; } papers[] = {
    {"A5", MM(148), MM(210)},    {"A4", MM(210), MM(297)},     {"A3", MM(297), MM(420)},
    {"B5", MM(176), MM(250)},    {"B4", MM(250), MM(353)},     {"JIS-B5", MM(182), MM(257)},
    {"JIS-B4", MM(257), MM(364)}, {"Letter", IN(8.5), IN(11)}, {"Legal", IN(8.5), IN(14)},
    {"Ledger", IN(11), IN(17)},
};

int sc_paper_size(const char *name, float *width, float *height)
{
    for (size_t i = 0; name && i < sizeof papers / sizeof *papers; i++) {
        if (sc_css_ieq(name, papers[i].name)) {
            *width = papers[i].w;
            *height = papers[i].h;
            return 0;
        }
    }
    return -1;
}

/* The page context's font size, for em and rem in @page: the initial 11pt. */
enum { PAGE_FONT_PT = 11 };

static float page_length(float num, sc_css_unit unit, float percent_base)
{
    switch (unit) {
    case SC_UNIT_PT: return num;
    case SC_UNIT_EM:
    case SC_UNIT_REM: return num * PAGE_FONT_PT;
    case SC_UNIT_EX:
    case SC_UNIT_CH: return num * PAGE_FONT_PT * 0.5f;
    case SC_UNIT_PERCENT: return num * percent_base / 100.0f;
    }
    return num;
}

void sc_css_page_size(const sc_css_value *v, float *w, float *h)
{
    if (v->kind != SC_VAL_PAIR)
        return; /* auto and the CSS-wide keywords keep the default */
    if (v->num > 0 && v->num2 > 0) {
        *w = page_length(v->num, v->unit, 0);
        *h = page_length(v->num2, v->unit2, 0);
    }
    int turn = (v->keyword == 1 && *w > *h) || (v->keyword == 2 && *w < *h);
    if (turn) {
        float t = *w;
        *w = *h;
        *h = t;
    }
}

/* Does an @page rule apply to a page of this kind? Its pseudo-classes must all hold. */
static int page_rule_applies(const sc_css_page_rule *rule, int page_kind)
{
    return (rule->pseudo & ~(unsigned)page_kind) == 0;
}

/* Page selector specificity (CSS Paged Media 4.2): :first and :blank count above :left/:right. */
static unsigned page_specificity(unsigned pseudo)
{
    unsigned g = !!(pseudo & SC_PAGE_FIRST) + !!(pseudo & SC_PAGE_BLANK);
    unsigned h = !!(pseudo & SC_PAGE_LEFT) + !!(pseudo & SC_PAGE_RIGHT);
    return g << 4 | h;
}

/* The winning declaration of `prop` in the applicable @page rules (box < 0) or in their margin
 * box `box`: !important first, then specificity, then source order (later wins). */
static const sc_css_decl *winner(sc_stylesheet *const *sheets, size_t nsheets, int page_kind,
                                 int box, sc_css_prop prop)
{
    const sc_css_decl *best = NULL;
    unsigned best_rank = 0;
    for (size_t s = 0; s < nsheets; s++) {
        if (!sheets[s])
            continue;
        for (size_t r = 0; r < sheets[s]->npages; r++) {
            const sc_css_page_rule *rule = &sheets[s]->pages[r];
            if (!page_rule_applies(rule, page_kind))
                continue;
            unsigned spec = page_specificity(rule->pseudo);
            const sc_css_decl *decls = rule->decls;
            size_t ndecls = rule->ndecls;
            if (box >= 0) {
                decls = NULL;
                ndecls = 0;
                for (size_t b = 0; b < rule->nboxes; b++)
                    if ((int)rule->boxes[b].pos == box) {
                        decls = rule->boxes[b].decls; /* the last block for the box wins */
                        ndecls = rule->boxes[b].ndecls;
                        for (size_t d = 0; d < ndecls; d++) {
                            const sc_css_decl *decl = &decls[d];
                            unsigned rank = (unsigned)decl->important << 8 | spec;
                            if (decl->prop == prop && (!best || rank >= best_rank)) {
                                best = decl;
                                best_rank = rank;
                            }
                        }
                    }
                continue;
            }
            for (size_t d = 0; d < ndecls; d++) {
                const sc_css_decl *decl = &decls[d];
                unsigned rank = (unsigned)decl->important << 8 | spec;
                if (decl->prop == prop && (!best || rank >= best_rank)) {
                    best = decl;
                    best_rank = rank;
                }
            }
        }
    }
    return best;
}

/* Margin boxes: 9pt text of the body's family unless the sheets say otherwise, aligned as CSS
 * Paged Media 5.3.1 places each box's contents. */
static const sc_css_decl box_font_size = {
    .prop = SC_PROP_FONT_SIZE, .value = {.kind = SC_VAL_LENGTH, .num = 9, .unit = SC_UNIT_PT}};
static const sc_css_decl box_align[3] = {
    {.prop = SC_PROP_TEXT_ALIGN, .value = {.kind = SC_VAL_NUMBER, .num = SC_ALIGN_LEFT}},
    {.prop = SC_PROP_TEXT_ALIGN, .value = {.kind = SC_VAL_NUMBER, .num = SC_ALIGN_CENTER}},
    {.prop = SC_PROP_TEXT_ALIGN, .value = {.kind = SC_VAL_NUMBER, .num = SC_ALIGN_RIGHT}},
};

static void margin_boxes(sc_stylesheet *const *sheets, size_t nsheets, int page_kind,
                         sc_arena *arena, sc_page_setup *out)
{
    const sc_computed *body = NULL;
    sc_compute_ctx ctx;
    for (int box = 0; box < SC_MARGIN_BOX_COUNT; box++) {
        const sc_css_decl *content = winner(sheets, nsheets, page_kind, box, SC_PROP_CONTENT);
        if (!content || content->value.kind != SC_VAL_CONTENT || !content->value.content)
            continue;
        if (!body) {
            body = sc_cascade_body_style(arena, sheets, nsheets);
            sc_compute_init(&ctx, arena, out->width - out->margin[SC_EDGE_LEFT] -
                                             out->margin[SC_EDGE_RIGHT]);
            ctx.root_font_size = body->s.font_size;
        }
        const sc_css_decl *win[SC_PROP_COUNT];
        for (int prop = 0; prop < SC_PROP_COUNT; prop++)
            win[prop] = winner(sheets, nsheets, page_kind, box, (sc_css_prop)prop);
        if (!win[SC_PROP_FONT_SIZE])
            win[SC_PROP_FONT_SIZE] = &box_font_size;
        if (!win[SC_PROP_TEXT_ALIGN])
            win[SC_PROP_TEXT_ALIGN] = &box_align[box % 3];
        sc_computed *style = sc_compute_style(&ctx, body, win);
        style->s.text_indent = 0; /* the body's first-line indent is not the box's */
        out->boxes[box].content = content->value.content;
        out->boxes[box].style = &style->s;
    }
}

static void page_setup(sc_stylesheet *const *sheets, size_t nsheets, int page_kind,
                       sc_arena *arena, sc_page_setup *out)
{
    memset(out, 0, sizeof *out);
    sc_paper_size("A4", &out->width, &out->height);
    const sc_css_decl *size = winner(sheets, nsheets, page_kind, -1, SC_PROP_SIZE);
    if (size)
        sc_css_page_size(&size->value, &out->width, &out->height);
    static const sc_css_prop margins[4] = {SC_PROP_MARGIN_TOP, SC_PROP_MARGIN_RIGHT,
                                           SC_PROP_MARGIN_BOTTOM, SC_PROP_MARGIN_LEFT};
    for (int e = 0; e < 4; e++) {
        out->margin[e] = MM(25);
        const sc_css_decl *d = winner(sheets, nsheets, page_kind, -1, margins[e]);
        if (d && d->value.kind == SC_VAL_LENGTH) {
            float base = e == SC_EDGE_TOP || e == SC_EDGE_BOTTOM ? out->height : out->width;
            out->margin[e] = page_length(d->value.num, d->value.unit, base);
        }
    }
    /* PDF viewers handle pages up to 200 inches a side (PDF 1.7, annex C). */
    out->width = out->width >= 1 ? (out->width <= 14400 ? out->width : 14400) : 1;
    out->height = out->height >= 1 ? (out->height <= 14400 ? out->height : 14400) : 1;
    /* Margins that leave less than a tenth of the page for text are scaled down so that the
     * layout always has room to work in. */
    for (int axis = 0; axis < 2; axis++) {
        float extent = axis ? out->width : out->height;
        float *a = &out->margin[axis ? SC_EDGE_LEFT : SC_EDGE_TOP];
        float *b = &out->margin[axis ? SC_EDGE_RIGHT : SC_EDGE_BOTTOM];
        *a = *a >= 0 ? (*a <= extent ? *a : extent) : 0; /* also turns NaN into 0 */
        *b = *b >= 0 ? (*b <= extent ? *b : extent) : 0;
        float room = extent * 0.9f;
        if (*a + *b > room) {
            float scale = room / (*a + *b);
            *a *= scale;
            *b *= scale;
        }
    }
    if (arena)
        margin_boxes(sheets, nsheets, page_kind, arena, out);
}

void sc_style_page_setup(sc_stylesheet *const *sheets, size_t nsheets, sc_page_setup *out)
{
    page_setup(sheets, nsheets, 0, NULL, out);
}

void sc_style_page_setup_for(sc_stylesheet *const *sheets, size_t nsheets, int page_kind,
                             sc_arena *arena, sc_page_setup *out)
{
    page_setup(sheets, nsheets, page_kind, arena, out);
}
