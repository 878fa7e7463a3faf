/* css_properties.c — the property table: which properties exist, which inherit, how a declared
 * value is parsed into a typed value, and how shorthands expand into longhands. Invalid
 * declarations are dropped at parse time with a warning, as browsers do. */
#include <string.h>

#include "../base/buf.h"
#include "css.h"

typedef sc_css_values values;

typedef int (*value_parser)(sc_css_parser *p, const values *vals, size_t from, size_t n,
                            sc_css_value *out);

static int ident_in(const sc_css_cv *cv, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (sc_css_ident_is(cv, list[i]))
            return (int)i;
    return -1;
}

static int is_tok(const sc_css_cv *cv, sc_css_token_type type)
{
    return cv->kind == SC_CV_TOKEN && cv->tok->type == type;
}

static void set_number(sc_css_value *out, float v)
{
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_NUMBER;
    out->num = v;
}

static void set_keyword(sc_css_value *out, int kw)
{
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_KEYWORD;
    out->keyword = kw;
}

/* ---- Longhand value parsers (each takes exactly the values vals->v[from .. from+n)) ---------- */

static const char *const generic_families[] = {
    "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif",
    "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji", "fangsong"};

/* Family names are written back in one canonical form the layout stage can split: names in
 * double quotes (with \" and \\ escaped), generic families bare, ", " between them. */
static void put_quoted(sc_buf *b, const char *s)
{
    sc_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sc_buf_putc(b, '\\');
        sc_buf_putc(b, *s);
    }
    sc_buf_putc(b, '"');
}

static int parse_font_family(sc_css_parser *p, const values *vals, size_t from, size_t n,
                             sc_css_value *out)
{
    static const char *const reserved[] = {"inherit", "initial", "unset", "default", "revert"};
    sc_buf b;
    sc_buf_init(&b);
    size_t i = from, end = from + n;
    int ok = n > 0;
    while (ok && i < end) {
        if (b.len)
            sc_buf_puts(&b, ", ");
        const sc_css_cv *cv = vals->v[i];
        if (is_tok(cv, SC_TOK_STRING)) {
            put_quoted(&b, cv->tok->value);
            i++;
        } else if (is_tok(cv, SC_TOK_IDENT)) {
            size_t j = i;
            while (j < end && is_tok(vals->v[j], SC_TOK_IDENT))
                j++;
            int generic = j == i + 1 ? ident_in(cv, generic_families,
                                                 sizeof generic_families / sizeof *generic_families)
                                     : -1;
            if (generic >= 0) {
                sc_buf_puts(&b, generic_families[generic]);
            } else {
                /* Unquoted names are their identifiers joined by single spaces (CSS Fonts 4). */
                sc_buf name;
                sc_buf_init(&name);
                for (size_t k = i; k < j; k++) {
                    if (ident_in(vals->v[k], reserved, sizeof reserved / sizeof *reserved) >= 0)
                        ok = 0;
                    if (k > i)
                        sc_buf_putc(&name, ' ');
                    sc_buf_puts(&name, vals->v[k]->tok->value);
                }
                put_quoted(&b, name.data ? name.data : "");
                sc_buf_free(&name);
            }
            i = j;
        } else {
            ok = 0;
            break;
        }
        if (i < end) {
            if (!is_tok(vals->v[i], SC_TOK_COMMA) || i + 1 == end)
                ok = 0;
            i++;
        }
    }
    if (ok) {
        memset(out, 0, sizeof *out);
        out->kind = SC_VAL_STRING;
        out->str = sc_arena_strndup(p->arena, b.data ? b.data : "", b.len);
    }
    sc_buf_free(&b);
    return ok ? 0 : -1;
}

/* Absolute size keywords, scaled from medium = the initial 11pt (CSS Fonts 4, 2.5). */
static const struct { const char *name; float scale; } size_keywords[] = {
    {"xx-small", 3.0f / 5}, {"x-small", 3.0f / 4}, {"small", 8.0f / 9}, {"medium", 1.0f},
    {"large", 6.0f / 5},    {"x-large", 3.0f / 2}, {"xx-large", 2.0f},  {"xxx-large", 3.0f}};
enum { MEDIUM_PT = 11 };

static int parse_font_size(sc_css_parser *p, const values *vals, size_t from, size_t n,
                           sc_css_value *out)
{
    (void)p;
    if (n != 1)
        return -1;
    const sc_css_cv *cv = vals->v[from];
    for (size_t i = 0; i < sizeof size_keywords / sizeof *size_keywords; i++) {
        if (sc_css_ident_is(cv, size_keywords[i].name)) {
            memset(out, 0, sizeof *out);
            out->kind = SC_VAL_LENGTH;
            out->unit = SC_UNIT_PT;
            out->num = MEDIUM_PT * size_keywords[i].scale;
            return 0;
        }
    }
    if (sc_css_ident_is(cv, "larger") || sc_css_ident_is(cv, "smaller")) {
        set_keyword(out, sc_css_ident_is(cv, "larger") ? SC_KW_LARGER : SC_KW_SMALLER);
        return 0;
    }
    if (cv->kind != SC_CV_TOKEN || sc_css_length(cv->tok, 1, out) != 0)
        return -1;
    return out->num < 0 ? -1 : 0;
}

static int parse_font_weight(sc_css_parser *p, const values *vals, size_t from, size_t n,
                             sc_css_value *out)
{
    (void)p;
    if (n != 1)
        return -1;
    const sc_css_cv *cv = vals->v[from];
    if (sc_css_ident_is(cv, "normal"))
        set_number(out, 400);
    else if (sc_css_ident_is(cv, "bold"))
        set_number(out, 700);
    else if (sc_css_ident_is(cv, "bolder"))
        set_keyword(out, SC_KW_BOLDER);
    else if (sc_css_ident_is(cv, "lighter"))
        set_keyword(out, SC_KW_LIGHTER);
    else if (is_tok(cv, SC_TOK_NUMBER) && cv->tok->number >= 1 && cv->tok->number <= 1000)
        set_number(out, (float)cv->tok->number);
    else
        return -1;
    return 0;
}

static int parse_font_style(sc_css_parser *p, const values *vals, size_t from, size_t n,
                            sc_css_value *out)
{
    (void)p;
    const sc_css_cv *cv = vals->v[from];
    if (n == 1 && sc_css_ident_is(cv, "normal"))
        set_number(out, 0);
    else if (n == 1 && sc_css_ident_is(cv, "italic"))
        set_number(out, 1);
    else if (sc_css_ident_is(cv, "oblique") &&
             (n == 1 || (n == 2 && is_tok(vals->v[from + 1], SC_TOK_DIMENSION))))
        set_number(out, 1); /* the angle is read and dropped: we have no synthetic slant */
    else
        return -1;
    return 0;
}

static int parse_line_height(sc_css_parser *p, const values *vals, size_t from, size_t n,
                             sc_css_value *out)
{
    (void)p;
    if (n != 1)
        return -1;
    const sc_css_cv *cv = vals->v[from];
    if (sc_css_ident_is(cv, "normal")) {
        set_keyword(out, SC_KW_NORMAL);
        return 0;
    }
    if (is_tok(cv, SC_TOK_NUMBER)) {
        set_number(out, (float)cv->tok->number);
        return cv->tok->number < 0 ? -1 : 0;
    }
    if (cv->kind != SC_CV_TOKEN || sc_css_length(cv->tok, 1, out) != 0)
        return -1;
    return out->num < 0 ? -1 : 0;
}

static int keyword_number(const values *vals, size_t from, size_t n, const char *const *names,
                          const int *codes, size_t count, sc_css_value *out)
{
    if (n != 1)
        return -1;
    int i = ident_in(vals->v[from], names, count);
    if (i < 0)
        return -1;
    set_number(out, (float)codes[i]);
    return 0;
}

#define KEYWORDS(names, codes) \
    keyword_number(vals, from, n, names, codes, sizeof names / sizeof *names, out)

static int parse_text_align(sc_css_parser *p, const values *vals, size_t from, size_t n,
                            sc_css_value *out)
{
    (void)p;
    /* start and end are left and right: documents are written left to right here. */
    static const char *const names[] = {"left", "right", "center", "justify", "start", "end"};
    static const int codes[] = {SC_ALIGN_LEFT, SC_ALIGN_RIGHT, SC_ALIGN_CENTER, SC_ALIGN_JUSTIFY,
                                SC_ALIGN_LEFT, SC_ALIGN_RIGHT};
    return KEYWORDS(names, codes);
}

static int parse_length_pct(const values *vals, size_t from, size_t n, int allow_negative,
                            sc_css_value *out)
{
    if (n != 1 || vals->v[from]->kind != SC_CV_TOKEN || sc_css_length(vals->v[from]->tok, 1, out))
        return -1;
    return !allow_negative && out->num < 0 ? -1 : 0;
}

static int parse_text_indent(sc_css_parser *p, const values *vals, size_t from, size_t n,
                             sc_css_value *out)
{
    (void)p;
    return parse_length_pct(vals, from, n, 1, out);
}

static int parse_margin(sc_css_parser *p, const values *vals, size_t from, size_t n,
                        sc_css_value *out)
{
    (void)p;
    if (n == 1 && sc_css_ident_is(vals->v[from], "auto")) {
        /* auto margins compute to 0: blocks here always fill their container's width */
        memset(out, 0, sizeof *out);
        out->kind = SC_VAL_LENGTH;
        out->unit = SC_UNIT_PT;
        return 0;
    }
    return parse_length_pct(vals, from, n, 1, out);
}

static int parse_padding(sc_css_parser *p, const values *vals, size_t from, size_t n,
                         sc_css_value *out)
{
    (void)p;
    return parse_length_pct(vals, from, n, 0, out);
}

static int parse_color(sc_css_parser *p, const values *vals, size_t from, size_t n,
                       sc_css_value *out)
{
    (void)p;
    if (n != 1)
        return -1;
    if (sc_css_ident_is(vals->v[from], "currentcolor")) {
        set_keyword(out, SC_KW_CURRENTCOLOR);
        return 0;
    }
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_COLOR;
    return sc_css_color(vals->v[from], &out->color);
}

static int parse_white_space(sc_css_parser *p, const values *vals, size_t from, size_t n,
                             sc_css_value *out)
{
    (void)p;
    static const char *const names[] = {"normal", "nowrap", "pre-line", "pre", "pre-wrap",
                                        "break-spaces"};
    static const int codes[] = {0, 0, 0, 1, 1, 1};
    return KEYWORDS(names, codes);
}

static int parse_vertical_align(sc_css_parser *p, const values *vals, size_t from, size_t n,
                                sc_css_value *out)
{
    static const char *const names[] = {"baseline", "super", "sub"};
    static const int codes[] = {0, 1, -1};
    if (KEYWORDS(names, codes) == 0)
        return 0;
    static const char *const others[] = {"top", "middle", "bottom", "text-top", "text-bottom"};
    if (n == 1 && ident_in(vals->v[from], others, sizeof others / sizeof *others) >= 0) {
        sc_css_warn(p, vals->v[from]->tok, "vertical-align: %s is not supported",
                    vals->v[from]->tok->value);
        return -2;
    }
    return -1;
}

static int parse_text_decoration(sc_css_parser *p, const values *vals, size_t from, size_t n,
                                 sc_css_value *out)
{
    (void)p;
    static const char *const lines[] = {"underline", "line-through", "overline", "blink"};
    static const int bits[] = {1, 2, 0, 0};
    static const char *const styles[] = {"solid", "double", "dotted", "dashed", "wavy", "auto",
                                         "from-font"};
    if (n == 1 && sc_css_ident_is(vals->v[from], "none")) {
        set_number(out, 0);
        return 0;
    }
    int value = 0;
    for (size_t i = from; i < from + n; i++) {
        const sc_css_cv *cv = vals->v[i];
        sc_rgb ignored;
        sc_css_value len;
        int k = ident_in(cv, lines, sizeof lines / sizeof *lines);
        if (k >= 0) {
            value |= bits[k];
        } else if (ident_in(cv, styles, sizeof styles / sizeof *styles) < 0 &&
                   sc_css_color(cv, &ignored) != 0 && !sc_css_ident_is(cv, "currentcolor") &&
                   (cv->kind != SC_CV_TOKEN || sc_css_length(cv->tok, 1, &len) != 0)) {
            return -1; /* decoration style, colour and thickness are accepted and not drawn */
        }
    }
    /* "text-decoration: red" alone is valid too: it draws no line. */
    set_number(out, (float)value);
    return n > 0 ? 0 : -1;
}

static int parse_positive_integer(sc_css_parser *p, const values *vals, size_t from, size_t n,
                                  sc_css_value *out)
{
    (void)p;
    const sc_css_cv *cv = vals->v[from];
    if (n != 1 || !is_tok(cv, SC_TOK_NUMBER) || !cv->tok->is_integer || cv->tok->number < 1)
        return -1;
    set_number(out, cv->tok->number > 1000 ? 1000.0f : (float)cv->tok->number);
    return 0;
}

static int parse_break(sc_css_parser *p, const values *vals, size_t from, size_t n,
                       sc_css_value *out)
{
    (void)p;
    /* page-break-* and break-* values together: 1 forces a page break, 2 and 3 force one to a
     * left or right page, -1 avoids one (recto is right and verso left: text runs left to right). */
    static const char *const names[] = {"auto", "always", "page", "left", "right", "recto",
                                        "verso", "avoid", "avoid-page", "avoid-column", "column"};
    static const int codes[] = {0, 1, 1, 2, 3, 3, 2, -1, -1, 0, 0};
    return KEYWORDS(names, codes);
}

static int parse_display(sc_css_parser *p, const values *vals, size_t from, size_t n,
                         sc_css_value *out)
{
    (void)p;
    /* Only none changes anything here: the element kinds fix how everything else is laid out. */
    static const char *const names[] = {
        "none", "block", "inline", "inline-block", "list-item", "table", "inline-table",
        "table-row", "table-cell", "table-row-group", "table-header-group",
        "table-footer-group", "table-column", "table-column-group", "table-caption",
        "flow-root", "contents", "flex", "inline-flex", "grid", "inline-grid", "run-in"};
    static const int codes[sizeof names / sizeof *names] = {1};
    return KEYWORDS(names, codes);
}

/* size: auto | <length>{1,2} | [<page-size> || portrait | landscape] (CSS Paged Media 7.1) */
static int parse_size(sc_css_parser *p, const values *vals, size_t from, size_t n,
                      sc_css_value *out)
{
    (void)p;
    memset(out, 0, sizeof *out);
    if (n == 1 && sc_css_ident_is(vals->v[from], "auto")) {
        set_keyword(out, SC_KW_AUTO);
        return 0;
    }
    sc_css_value a, b;
    const sc_css_cv *v0 = vals->v[from];
    if (n >= 1 && n <= 2 && v0->kind == SC_CV_TOKEN && sc_css_length(v0->tok, 0, &a) == 0) {
        b = a;
        if (n == 2 && (vals->v[from + 1]->kind != SC_CV_TOKEN ||
                       sc_css_length(vals->v[from + 1]->tok, 0, &b) != 0))
            return -1;
        if (a.num <= 0 || b.num <= 0)
            return -1;
        out->kind = SC_VAL_PAIR;
        out->num = a.num;
        out->unit = a.unit;
        out->num2 = b.num;
        out->unit2 = b.unit;
        return 0;
    }
    /* A paper name and an orientation, in either order. keyword: 1 portrait, 2 landscape. */
    float w = 0, h = 0;
    int orientation = 0, named = 0;
    if (n < 1 || n > 2)
        return -1;
    for (size_t i = from; i < from + n; i++) {
        const sc_css_cv *cv = vals->v[i];
        if (!is_tok(cv, SC_TOK_IDENT))
            return -1;
        if (sc_css_ieq(cv->tok->value, "portrait") || sc_css_ieq(cv->tok->value, "landscape")) {
            if (orientation)
                return -1;
            orientation = sc_css_ieq(cv->tok->value, "portrait") ? 1 : 2;
        } else if (!named && sc_paper_size(cv->tok->value, &w, &h) == 0) {
            named = 1;
        } else {
            return -1;
        }
    }
    out->kind = SC_VAL_PAIR;
    out->keyword = orientation;
    out->num = w; /* 0 x 0 with an orientation: the default paper, turned */
    out->num2 = h;
    out->unit = out->unit2 = SC_UNIT_PT;
    return 0;
}

/* ---- The table -------------------------------------------------------------------------------- */

enum { CTX_STYLE = 1, CTX_PAGE = 2, CTX_BOX = 4 }; /* BOX: @page margin boxes */

typedef struct prop_def {
    const char *name;
    sc_css_prop prop;
    int inherited;
    unsigned contexts;
    value_parser parse;
} prop_def;

static const prop_def longhands[] = {
    {"font-family", SC_PROP_FONT_FAMILY, 1, CTX_STYLE | CTX_BOX, parse_font_family},
    {"font-size", SC_PROP_FONT_SIZE, 1, CTX_STYLE | CTX_BOX, parse_font_size},
    {"font-weight", SC_PROP_FONT_WEIGHT, 1, CTX_STYLE | CTX_BOX, parse_font_weight},
    {"font-style", SC_PROP_FONT_STYLE, 1, CTX_STYLE | CTX_BOX, parse_font_style},
    {"line-height", SC_PROP_LINE_HEIGHT, 1, CTX_STYLE | CTX_BOX, parse_line_height},
    {"text-align", SC_PROP_TEXT_ALIGN, 1, CTX_STYLE | CTX_BOX, parse_text_align},
    {"text-indent", SC_PROP_TEXT_INDENT, 1, CTX_STYLE, parse_text_indent},
    {"margin-top", SC_PROP_MARGIN_TOP, 0, CTX_STYLE | CTX_PAGE, parse_margin},
    {"margin-right", SC_PROP_MARGIN_RIGHT, 0, CTX_STYLE | CTX_PAGE, parse_margin},
    {"margin-bottom", SC_PROP_MARGIN_BOTTOM, 0, CTX_STYLE | CTX_PAGE, parse_margin},
    {"margin-left", SC_PROP_MARGIN_LEFT, 0, CTX_STYLE | CTX_PAGE, parse_margin},
    {"padding-top", SC_PROP_PADDING_TOP, 0, CTX_STYLE, parse_padding},
    {"padding-right", SC_PROP_PADDING_RIGHT, 0, CTX_STYLE, parse_padding},
    {"padding-bottom", SC_PROP_PADDING_BOTTOM, 0, CTX_STYLE, parse_padding},
    {"padding-left", SC_PROP_PADDING_LEFT, 0, CTX_STYLE, parse_padding},
    {"color", SC_PROP_COLOR, 1, CTX_STYLE | CTX_BOX, parse_color},
    {"white-space", SC_PROP_WHITE_SPACE, 1, CTX_STYLE, parse_white_space},
    {"vertical-align", SC_PROP_VERTICAL_ALIGN, 0, CTX_STYLE | CTX_BOX, parse_vertical_align},
    {"text-decoration", SC_PROP_TEXT_DECORATION, 0, CTX_STYLE | CTX_BOX, parse_text_decoration},
    {"widows", SC_PROP_WIDOWS, 1, CTX_STYLE, parse_positive_integer},
    {"orphans", SC_PROP_ORPHANS, 1, CTX_STYLE, parse_positive_integer},
    {"page-break-before", SC_PROP_PAGE_BREAK_BEFORE, 0, CTX_STYLE, parse_break},
    {"page-break-after", SC_PROP_PAGE_BREAK_AFTER, 0, CTX_STYLE, parse_break},
    {"display", SC_PROP_DISPLAY, 0, CTX_STYLE, parse_display},
    {"size", SC_PROP_SIZE, 0, CTX_PAGE, parse_size},
    {"border-top-width", SC_PROP_BORDER_TOP_WIDTH, 0, CTX_STYLE, sc_css_parse_border_width},
    {"border-right-width", SC_PROP_BORDER_RIGHT_WIDTH, 0, CTX_STYLE, sc_css_parse_border_width},
    {"border-bottom-width", SC_PROP_BORDER_BOTTOM_WIDTH, 0, CTX_STYLE, sc_css_parse_border_width},
    {"border-left-width", SC_PROP_BORDER_LEFT_WIDTH, 0, CTX_STYLE, sc_css_parse_border_width},
    {"border-top-style", SC_PROP_BORDER_TOP_STYLE, 0, CTX_STYLE, sc_css_parse_border_style},
    {"border-right-style", SC_PROP_BORDER_RIGHT_STYLE, 0, CTX_STYLE, sc_css_parse_border_style},
    {"border-bottom-style", SC_PROP_BORDER_BOTTOM_STYLE, 0, CTX_STYLE, sc_css_parse_border_style},
    {"border-left-style", SC_PROP_BORDER_LEFT_STYLE, 0, CTX_STYLE, sc_css_parse_border_style},
    {"border-top-color", SC_PROP_BORDER_TOP_COLOR, 0, CTX_STYLE, sc_css_parse_border_color},
    {"border-right-color", SC_PROP_BORDER_RIGHT_COLOR, 0, CTX_STYLE, sc_css_parse_border_color},
    {"border-bottom-color", SC_PROP_BORDER_BOTTOM_COLOR, 0, CTX_STYLE, sc_css_parse_border_color},
    {"border-left-color", SC_PROP_BORDER_LEFT_COLOR, 0, CTX_STYLE, sc_css_parse_border_color},
    {"page-break-inside", SC_PROP_PAGE_BREAK_INSIDE, 0, CTX_STYLE, sc_css_parse_break_inside},
    {"hyphens", SC_PROP_HYPHENS, 1, CTX_STYLE, sc_css_parse_hyphens},
    {"list-style-type", SC_PROP_LIST_STYLE_TYPE, 1, CTX_STYLE, sc_css_parse_list_style_type},
    {"letter-spacing", SC_PROP_LETTER_SPACING, 1, CTX_STYLE | CTX_BOX, sc_css_parse_letter_spacing},
    {"font-variant-ligatures", SC_PROP_FONT_VARIANT_LIGATURES, 1, CTX_STYLE | CTX_BOX,
     sc_css_parse_ligatures},
    {"content", SC_PROP_CONTENT, 0, CTX_STYLE | CTX_BOX, sc_css_parse_content},
    {"counter-reset", SC_PROP_COUNTER_RESET, 0, CTX_STYLE, sc_css_parse_counter_reset},
    {"counter-increment", SC_PROP_COUNTER_INCREMENT, 0, CTX_STYLE, sc_css_parse_counter_increment},
    {"string-set", SC_PROP_STRING_SET, 0, CTX_STYLE, sc_css_parse_string_set},
};

/* Other names for longhands (CSS Fragmentation 3 and Text Decoration 3). */
static const struct { const char *name; sc_css_prop prop; } aliases[] = {
    {"break-before", SC_PROP_PAGE_BREAK_BEFORE},
    {"break-after", SC_PROP_PAGE_BREAK_AFTER},
    {"text-decoration-line", SC_PROP_TEXT_DECORATION},
    {"break-inside", SC_PROP_PAGE_BREAK_INSIDE},
    {"-webkit-hyphens", SC_PROP_HYPHENS},
};

_Static_assert(sizeof longhands / sizeof *longhands == SC_PROP_COUNT,
               "the table lists every property, in the enum's order");

const char *sc_css_prop_name(sc_css_prop prop)
{
    return (unsigned)prop < SC_PROP_COUNT ? longhands[prop].name : "?";
}

int sc_css_prop_inherited(sc_css_prop prop)
{
    return (unsigned)prop < SC_PROP_COUNT && longhands[prop].inherited;
}

static void emit(sc_css_parser *p, sc_css_decl_vec *out, const sc_css_token *name,
                 sc_css_prop prop, const sc_css_value *v, int important)
{
    if (out->count == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        out->items = sc_arena_realloc(p->arena, out->items, out->cap * sizeof *out->items,
                                      cap * sizeof *out->items);
        out->cap = cap;
    }
    sc_css_decl *d = &out->items[out->count++];
    d->prop = prop;
    d->value = *v;
    d->important = important;
    d->line = name->line;
    d->column = name->column;
}

/* margin: 1 to 4 values, top right bottom left as CSS repeats them. */
static int box_shorthand(sc_css_parser *p, const values *vals, value_parser parse,
                         sc_css_value out[4])
{
    if (vals->n < 1 || vals->n > 4)
        return -1;
    sc_css_value v[4];
    for (size_t i = 0; i < vals->n; i++)
        if (parse(p, vals, i, 1, &v[i]) != 0)
            return -1;
    static const int pick[4][4] = {{0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 2, 1}, {0, 1, 2, 3}};
    for (int e = 0; e < 4; e++)
        out[e] = v[pick[vals->n - 1][e]];
    return 0;
}

/* font: [style || variant || weight]? size [/ line-height]? family (CSS Fonts 4, 2.8). The
 * longhands it does not name are reset to their initial values. */
static int font_shorthand(sc_css_parser *p, const values *vals, sc_css_value out[5])
{
    set_number(&out[0], 0);   /* font-style */
    set_number(&out[1], 400); /* font-weight */
    set_keyword(&out[3], SC_KW_NORMAL); /* line-height */
    size_t i = 0;
    int seen_style = 0, seen_weight = 0, seen_variant = 0;
    for (; i < vals->n && i < 3; i++) {
        const sc_css_cv *cv = vals->v[i];
        if (sc_css_ident_is(cv, "normal"))
            continue;
        if (!seen_style && parse_font_style(p, vals, i, 1, &out[0]) == 0) {
            seen_style = 1;
        } else if (!seen_weight && parse_font_weight(p, vals, i, 1, &out[1]) == 0) {
            seen_weight = 1;
        } else if (!seen_variant && sc_css_ident_is(cv, "small-caps")) {
            seen_variant = 1; /* read and dropped: no small-caps synthesis */
        } else {
            break;
        }
    }
    if (i >= vals->n || parse_font_size(p, vals, i, 1, &out[2]) != 0)
        return -1;
    i++;
    if (i < vals->n && vals->v[i]->kind == SC_CV_TOKEN && vals->v[i]->tok->type == SC_TOK_DELIM &&
        vals->v[i]->tok->delim == '/') {
        if (i + 1 >= vals->n || parse_line_height(p, vals, i + 1, 1, &out[3]) != 0)
            return -1;
        i += 2;
    }
    return parse_font_family(p, vals, i, vals->n - i, &out[4]);
}

static const prop_def *find_longhand(const char *name)
{
    for (size_t i = 0; i < sizeof longhands / sizeof *longhands; i++)
        if (sc_css_ieq(name, longhands[i].name))
            return &longhands[i];
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (sc_css_ieq(name, aliases[i].name))
            return &longhands[aliases[i].prop];
    return NULL;
}

/* Shorthands: which longhands a name sets. */
typedef enum {
    SH_NONE, SH_MARGIN, SH_PADDING, SH_FONT, SH_BORDER, SH_BORDER_SIDE, SH_BORDER_WIDTH,
    SH_BORDER_STYLE, SH_BORDER_COLOR, SH_LIST_STYLE
} shorthand;

static shorthand shorthand_of(const char *prop, int *side)
{
    static const char *const sides[4] = {"border-top", "border-right", "border-bottom",
                                         "border-left"};
    *side = 0;
    for (int e = 0; e < 4; e++)
        if (sc_css_ieq(prop, sides[e])) {
            *side = e;
            return SH_BORDER_SIDE;
        }
    return sc_css_ieq(prop, "margin")       ? SH_MARGIN
         : sc_css_ieq(prop, "padding")      ? SH_PADDING
         : sc_css_ieq(prop, "font")         ? SH_FONT
         : sc_css_ieq(prop, "border")       ? SH_BORDER
         : sc_css_ieq(prop, "border-width") ? SH_BORDER_WIDTH
         : sc_css_ieq(prop, "border-style") ? SH_BORDER_STYLE
         : sc_css_ieq(prop, "border-color") ? SH_BORDER_COLOR
         : sc_css_ieq(prop, "list-style")   ? SH_LIST_STYLE : SH_NONE;
}

/* The contexts a shorthand is allowed in. */
static unsigned shorthand_contexts(shorthand sh)
{
    switch (sh) {
    case SH_NONE: return 0;
    case SH_MARGIN: return CTX_STYLE | CTX_PAGE;
    case SH_FONT: return CTX_STYLE | CTX_BOX;
    default: return CTX_STYLE;
    }
}

int sc_css_declaration(sc_css_parser *p, const sc_css_token *name, const sc_css_cv *value,
                       size_t count, int important, sc_css_decl_context context,
                       sc_css_decl_vec *out)
{
    unsigned ctx = context == SC_DECL_PAGE ? CTX_PAGE
                 : context == SC_DECL_MARGIN_BOX ? CTX_BOX : CTX_STYLE;
    values vals = {.n = 0};
    int bad_token = 0;
    for (size_t i = 0; i < count; i++) {
        const sc_css_cv *cv = &value[i];
        if (is_tok(cv, SC_TOK_WHITESPACE))
            continue;
        if (is_tok(cv, SC_TOK_BAD_STRING) || is_tok(cv, SC_TOK_BAD_URL))
            bad_token = 1;
        if (vals.n == sizeof vals.v / sizeof *vals.v) {
            bad_token = 1;
            break;
        }
        vals.v[vals.n++] = cv;
    }
    const char *prop = name->value;
    int side;
    shorthand sh = shorthand_of(prop, &side);
    const prop_def *def = sh == SH_NONE ? find_longhand(prop) : NULL;
    unsigned allowed = def ? def->contexts : shorthand_contexts(sh);
    if (!(allowed & ctx)) {
        if (allowed)
            sc_css_warn(p, name, "property '%s' does not apply %s; ignored", prop,
                        context == SC_DECL_PAGE ? "inside @page"
                        : context == SC_DECL_MARGIN_BOX ? "inside a page margin box"
                                                        : "outside @page");
        else
            sc_css_note_unknown(p, name);
        return -1;
    }
    for (size_t i = 0; i < vals.n; i++) {
        const sc_css_cv *cv = vals.v[i];
        if (cv->kind == SC_CV_FUNCTION &&
            (sc_css_ieq(cv->tok->value, "var") || sc_css_ieq(cv->tok->value, "calc") ||
             sc_css_ieq(cv->tok->value, "env"))) {
            sc_css_warn(p, cv->tok, "%s() is not supported; '%s' ignored", cv->tok->value, prop);
            return -1;
        }
    }
    if (vals.n == 0 || bad_token) {
        sc_css_warn(p, name, "invalid value for '%s'; declaration ignored", prop);
        return -1;
    }
    /* CSS-wide keywords apply to every longhand of a shorthand. */
    static const char *const wide[] = {"inherit", "initial", "unset", "revert"};
    static const sc_css_value_kind wide_kinds[] = {SC_VAL_INHERIT, SC_VAL_INITIAL, SC_VAL_UNSET,
                                                   SC_VAL_UNSET};
    int w = vals.n == 1 ? ident_in(vals.v[0], wide, 4) : -1;
    static const sc_css_prop margins[4] = {SC_PROP_MARGIN_TOP, SC_PROP_MARGIN_RIGHT,
                                           SC_PROP_MARGIN_BOTTOM, SC_PROP_MARGIN_LEFT};
    static const sc_css_prop paddings[4] = {SC_PROP_PADDING_TOP, SC_PROP_PADDING_RIGHT,
                                            SC_PROP_PADDING_BOTTOM, SC_PROP_PADDING_LEFT};
    static const sc_css_prop fonts[5] = {SC_PROP_FONT_STYLE, SC_PROP_FONT_WEIGHT,
                                         SC_PROP_FONT_SIZE, SC_PROP_LINE_HEIGHT,
                                         SC_PROP_FONT_FAMILY};
    /* border: the widths, styles and colours of the four sides, in that order. */
    sc_css_prop borders[12];
    for (int k = 0; k < 12; k++)
        borders[k] = (sc_css_prop)(SC_PROP_BORDER_TOP_WIDTH + k);
    sc_css_prop one_side[3] = {SC_PROP_BORDER_TOP_WIDTH + side, SC_PROP_BORDER_TOP_STYLE + side,
                               SC_PROP_BORDER_TOP_COLOR + side};
    const sc_css_prop *targets = NULL;
    size_t ntargets = 1;
    switch (sh) {
    case SH_MARGIN: targets = margins; ntargets = 4; break;
    case SH_PADDING: targets = paddings; ntargets = 4; break;
    case SH_FONT: targets = fonts; ntargets = 5; break;
    case SH_BORDER: targets = borders; ntargets = 12; break;
    case SH_BORDER_SIDE: targets = one_side; ntargets = 3; break;
    case SH_BORDER_WIDTH: targets = borders; ntargets = 4; break;
    case SH_BORDER_STYLE: targets = borders + 4; ntargets = 4; break;
    case SH_BORDER_COLOR: targets = borders + 8; ntargets = 4; break;
    case SH_LIST_STYLE: {
        static const sc_css_prop list_type = SC_PROP_LIST_STYLE_TYPE;
        targets = &list_type;
        break;
    }
    case SH_NONE: break;
    }
    sc_css_value v[12];
    int rc;
    if (w >= 0) {
        memset(&v[0], 0, sizeof v[0]);
        v[0].kind = wide_kinds[w];
        for (size_t i = 1; i < ntargets; i++)
            v[i] = v[0];
        rc = 0;
    } else {
        switch (sh) {
        case SH_MARGIN: rc = box_shorthand(p, &vals, parse_margin, v); break;
        case SH_PADDING: rc = box_shorthand(p, &vals, parse_padding, v); break;
        case SH_FONT: rc = font_shorthand(p, &vals, v); break;
        case SH_BORDER_WIDTH: rc = box_shorthand(p, &vals, sc_css_parse_border_width, v); break;
        case SH_BORDER_STYLE: rc = box_shorthand(p, &vals, sc_css_parse_border_style, v); break;
        case SH_BORDER_COLOR: rc = box_shorthand(p, &vals, sc_css_parse_border_color, v); break;
        case SH_BORDER_SIDE: rc = sc_css_border_shorthand(p, &vals, v); break;
        case SH_BORDER: {
            sc_css_value wsc[3];
            rc = sc_css_border_shorthand(p, &vals, wsc);
            for (int k = 0; k < 12; k++)
                v[k] = wsc[k / 4];
            break;
        }
        case SH_LIST_STYLE: rc = sc_css_list_style_shorthand(p, &vals, &v[0]); break;
        default: rc = def->parse(p, &vals, 0, vals.n, &v[0]); break;
        }
    }
    if (rc == -2)
        return -1; /* the parser already said what is wrong */
    if (rc != 0) {
        sc_css_warn(p, name, "invalid value for '%s'; declaration ignored", prop);
        return -1;
    }
    for (size_t i = 0; i < ntargets; i++)
        emit(p, out, name, targets ? targets[i] : def->prop, &v[i], important);
    return 0;
}
