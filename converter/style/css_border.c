/* css_border.c — border and list-style values: the per-side longhands, the border shorthands
 * (width || style || colour) and list-style's type. */
#include <string.h>

#include "css.h"

static int ident_in(const sc_css_cv *cv, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (sc_css_ident_is(cv, list[i]))
            return (int)i;
    return -1;
}

/* thin, medium and thick are 1px, 3px and 5px, as browsers draw them (CSS Backgrounds 3, 4.3). */
int sc_css_parse_border_width(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                              sc_css_value *out)
{
    (void)p;
    static const char *const names[] = {"thin", "medium", "thick"};
    static const float widths[] = {0.75f, 2.25f, 3.75f};
    if (n != 1)
        return -1;
    const sc_css_cv *cv = vals->v[from];
    int k = ident_in(cv, names, 3);
    if (k >= 0) {
        memset(out, 0, sizeof *out);
        out->kind = SC_VAL_LENGTH;
        out->unit = SC_UNIT_PT;
        out->num = widths[k];
        return 0;
    }
    if (cv->kind != SC_CV_TOKEN || sc_css_length(cv->tok, 0, out) != 0)
        return -1;
    return out->num < 0 ? -1 : 0;
}

/* The 3D styles (groove, ridge, inset, outset) are drawn solid: print has no bevel lighting. */
int sc_css_parse_border_style(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                              sc_css_value *out)
{
    (void)p;
    static const char *const names[] = {"none", "hidden", "solid", "dashed", "dotted", "double",
                                        "groove", "ridge", "inset", "outset"};
    static const int codes[] = {SC_BORDER_NONE,   SC_BORDER_NONE,   SC_BORDER_SOLID,
                                SC_BORDER_DASHED, SC_BORDER_DOTTED, SC_BORDER_DOUBLE,
                                SC_BORDER_SOLID,  SC_BORDER_SOLID,  SC_BORDER_SOLID,
                                SC_BORDER_SOLID};
    if (n != 1)
        return -1;
    int k = ident_in(vals->v[from], names, sizeof names / sizeof *names);
    if (k < 0)
        return -1;
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_NUMBER;
    out->num = (float)codes[k];
    return 0;
}

int sc_css_parse_border_color(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                              sc_css_value *out)
{
    (void)p;
    if (n != 1)
        return -1;
    memset(out, 0, sizeof *out);
    if (sc_css_ident_is(vals->v[from], "currentcolor")) {
        out->kind = SC_VAL_KEYWORD;
        out->keyword = SC_KW_CURRENTCOLOR;
        return 0;
    }
    out->kind = SC_VAL_COLOR;
    return sc_css_color(vals->v[from], &out->color);
}

int sc_css_border_shorthand(sc_css_parser *p, const sc_css_values *vals, sc_css_value out[3])
{
    /* Initial values for what the shorthand leaves out: medium, none, currentcolor. */
    memset(out, 0, 3 * sizeof *out);
    out[0].kind = SC_VAL_LENGTH;
    out[0].unit = SC_UNIT_PT;
    out[0].num = 2.25f;
    out[1].kind = SC_VAL_NUMBER;
    out[1].num = SC_BORDER_NONE;
    out[2].kind = SC_VAL_KEYWORD;
    out[2].keyword = SC_KW_CURRENTCOLOR;
    int seen[3] = {0, 0, 0};
    if (vals->n < 1 || vals->n > 3)
        return -1;
    for (size_t i = 0; i < vals->n; i++) {
        sc_css_value v;
        if (!seen[1] && sc_css_parse_border_style(p, vals, i, 1, &v) == 0) {
            out[1] = v;
            seen[1] = 1;
        } else if (!seen[0] && sc_css_parse_border_width(p, vals, i, 1, &v) == 0) {
            out[0] = v;
            seen[0] = 1;
        } else if (!seen[2] && sc_css_parse_border_color(p, vals, i, 1, &v) == 0) {
            out[2] = v;
            seen[2] = 1;
        } else {
            return -1;
        }
    }
    return 0;
}

/* Counter styles by name (CSS Counter Styles 3's predefined ones sapchu writes). */
static const struct { const char *name; sc_list_style style; } list_styles[] = {
    {"disc", SC_LIST_DISC},
    {"circle", SC_LIST_CIRCLE},
    {"square", SC_LIST_SQUARE},
    {"decimal", SC_LIST_DECIMAL},
    {"decimal-leading-zero", SC_LIST_DECIMAL_LEADING_ZERO},
    {"lower-alpha", SC_LIST_LOWER_ALPHA},
    {"lower-latin", SC_LIST_LOWER_ALPHA},
    {"upper-alpha", SC_LIST_UPPER_ALPHA},
    {"upper-latin", SC_LIST_UPPER_ALPHA},
    {"lower-roman", SC_LIST_LOWER_ROMAN},
    {"upper-roman", SC_LIST_UPPER_ROMAN},
    {"none", SC_LIST_NONE},
};

/* Other counter style names are valid CSS and fall back to decimal, as CSS Counter Styles says
 * for styles a user agent does not know. */
int sc_css_list_style_by_name(const sc_css_cv *cv, sc_list_style *out)
{
    if (cv->kind != SC_CV_TOKEN || cv->tok->type != SC_TOK_IDENT)
        return -1;
    for (size_t i = 0; i < sizeof list_styles / sizeof *list_styles; i++)
        if (sc_css_ieq(cv->tok->value, list_styles[i].name)) {
            *out = list_styles[i].style;
            return 0;
        }
    static const char *const reserved[] = {"inherit", "initial", "unset", "default", "revert",
                                           "inside", "outside"};
    if (ident_in(cv, reserved, sizeof reserved / sizeof *reserved) >= 0)
        return -1;
    *out = SC_LIST_DECIMAL;
    return 0;
}

const char *sc_css_list_style_name(sc_list_style style)
{
    for (size_t i = 0; i < sizeof list_styles / sizeof *list_styles; i++)
        if (list_styles[i].style == style)
            return list_styles[i].name;
    return "decimal";
}

int sc_css_parse_list_style_type(sc_css_parser *p, const sc_css_values *vals, size_t from,
                                 size_t n, sc_css_value *out)
{
    (void)p;
    sc_list_style style;
    if (n != 1 || sc_css_list_style_by_name(vals->v[from], &style) != 0)
        return -1;
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_NUMBER;
    out->num = (float)style;
    return 0;
}

/* list-style: position || image || type. `none` alone sets the type to none (and the image,
 * which sapchu does not draw). A type not given resets to disc. */
int sc_css_list_style_shorthand(sc_css_parser *p, const sc_css_values *vals, sc_css_value *out)
{
    (void)p;
    int nones = 0, have_type = 0, have_pos = 0, have_image = 0;
    sc_list_style type = SC_LIST_DISC;
    if (vals->n < 1 || vals->n > 3)
        return -1;
    for (size_t i = 0; i < vals->n; i++) {
        const sc_css_cv *cv = vals->v[i];
        if (sc_css_ident_is(cv, "none")) {
            nones++;
        } else if (sc_css_ident_is(cv, "inside") || sc_css_ident_is(cv, "outside")) {
            if (have_pos++)
                return -1;
        } else if ((cv->kind == SC_CV_TOKEN && cv->tok->type == SC_TOK_URL) ||
                   (cv->kind == SC_CV_FUNCTION && sc_css_ieq(cv->tok->value, "url"))) {
            if (have_image++)
                return -1;
        } else if (!have_type && sc_css_list_style_by_name(cv, &type) == 0) {
            have_type = 1;
        } else {
            return -1;
        }
    }
    /* "none" goes to whichever of image and type is not otherwise given. */
    if (nones > (have_type ? 0 : 1) + (have_image ? 0 : 1))
        return -1;
    if (nones && !have_type)
        type = SC_LIST_NONE;
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_NUMBER;
    out->num = (float)type;
    return 0;
}
