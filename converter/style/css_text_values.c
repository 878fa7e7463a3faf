/* css_text_values.c — value parsers of the issue 3 text and fragmentation properties:
 * break-inside, hyphens, letter-spacing, font-variant-ligatures. */
#include <string.h>

#include "css.h"

static int one_keyword(const sc_css_values *vals, size_t from, size_t n, const char *const *names,
                       const int *codes, size_t count, sc_css_value *out)
{
    if (n != 1)
        return -1;
    for (size_t i = 0; i < count; i++)
        if (sc_css_ident_is(vals->v[from], names[i])) {
            memset(out, 0, sizeof *out);
            out->kind = SC_VAL_NUMBER;
            out->num = (float)codes[i];
            return 0;
        }
    return -1;
}

static void set_number(sc_css_value *out, float v)
{
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_NUMBER;
    out->num = v;
}

static int ident_in(const sc_css_cv *cv, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (sc_css_ident_is(cv, list[i]))
            return (int)i;
    return -1;
}

#define KEYWORDS(names, codes) \
    one_keyword(vals, from, n, names, codes, sizeof names / sizeof *names, out)

int sc_css_parse_break_inside(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                              sc_css_value *out)
{
    (void)p;
    static const char *const names[] = {"auto", "avoid", "avoid-page", "avoid-column"};
    static const int codes[] = {0, -1, -1, 0};
    return KEYWORDS(names, codes);
}

int sc_css_parse_hyphens(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                         sc_css_value *out)
{
    (void)p;
    static const char *const names[] = {"none", "manual", "auto"};
    static const int codes[] = {-1, 0, 1};
    return KEYWORDS(names, codes);
}

int sc_css_parse_letter_spacing(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                                sc_css_value *out)
{
    (void)p;
    if (n == 1 && sc_css_ident_is(vals->v[from], "normal")) {
        memset(out, 0, sizeof *out);
        out->kind = SC_VAL_LENGTH;
        out->unit = SC_UNIT_PT;
        return 0;
    }
    if (n != 1 || vals->v[from]->kind != SC_CV_TOKEN || sc_css_length(vals->v[from]->tok, 0, out))
        return -1;
    return 0;
}

/* font-variant-ligatures: normal | none | [common | discretionary | historical | contextual]
 * with or without no-: only whether common ligatures are off matters to the layout (1 = off). */
int sc_css_parse_ligatures(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                           sc_css_value *out)
{
    (void)p;
    if (n == 1 && sc_css_ident_is(vals->v[from], "none")) {
        set_number(out, 1);
        return 0;
    }
    if (n == 1 && sc_css_ident_is(vals->v[from], "normal")) {
        set_number(out, 0);
        return 0;
    }
    static const char *const names[] = {
        "common-ligatures", "no-common-ligatures", "discretionary-ligatures",
        "no-discretionary-ligatures", "historical-ligatures", "no-historical-ligatures",
        "contextual", "no-contextual"};
    unsigned seen = 0;
    int off = 0;
    for (size_t i = from; i < from + n; i++) {
        int k = ident_in(vals->v[i], names, sizeof names / sizeof *names);
        if (k < 0 || (seen & (1u << (k / 2))))
            return -1; /* each group at most once */
        seen |= 1u << (k / 2);
        off |= k == 1;
    }
    set_number(out, (float)off);
    return n > 0 ? 0 : -1;
}

