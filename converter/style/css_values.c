/* css_values.c — CSS value pieces shared by the property parsers: lengths (absolute units become
 * points at once), colours (hex, rgb()/rgba(), named) and keyword tests. */
#include <string.h>

#include "css.h"

int sc_css_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if ((*a | 0x20) != (*b | 0x20))
            return 0;
    return *a == *b;
}

int sc_css_ident_is(const sc_css_cv *cv, const char *ident)
{
    return cv->kind == SC_CV_TOKEN && cv->tok->type == SC_TOK_IDENT && sc_css_ieq(cv->tok->value, ident);
}

int sc_css_length(const sc_css_token *t, int allow_percent, sc_css_value *out)
{
    static const struct { const char *unit; sc_css_unit kind; float scale; } units[] = {
        {"pt", SC_UNIT_PT, 1.0f},           {"px", SC_UNIT_PT, 0.75f},
        {"pc", SC_UNIT_PT, 12.0f},          {"in", SC_UNIT_PT, 72.0f},
        {"cm", SC_UNIT_PT, 72.0f / 2.54f},  {"mm", SC_UNIT_PT, 72.0f / 25.4f},
        {"q", SC_UNIT_PT, 72.0f / 101.6f},  {"em", SC_UNIT_EM, 1.0f},
        {"rem", SC_UNIT_REM, 1.0f},         {"ex", SC_UNIT_EX, 1.0f},
        {"ch", SC_UNIT_CH, 1.0f},
    };
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_LENGTH;
    if (t->type == SC_TOK_NUMBER && t->number == 0) {
        out->unit = SC_UNIT_PT;
        return 0;
    }
    if (t->type == SC_TOK_PERCENTAGE && allow_percent) {
        out->unit = SC_UNIT_PERCENT;
        out->num = (float)t->number;
        return 0;
    }
    if (t->type != SC_TOK_DIMENSION)
        return -1;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        if (sc_css_ieq(t->unit, units[i].unit)) {
            out->unit = units[i].kind;
            out->num = (float)t->number * units[i].scale;
            return 0;
        }
    }
    return -1;
}

/* CSS Color 4 named colours: the basic sixteen, their common neighbours, and the greys. */
static const struct { const char *name; unsigned rgb; } named_colors[] = {
    {"aqua", 0x00FFFF},      {"black", 0x000000},     {"blue", 0x0000FF},
    {"brown", 0xA52A2A},     {"crimson", 0xDC143C},   {"cyan", 0x00FFFF},
    {"darkblue", 0x00008B},  {"darkgray", 0xA9A9A9},  {"darkgreen", 0x006400},
    {"darkgrey", 0xA9A9A9},  {"darkred", 0x8B0000},   {"dimgray", 0x696969},
    {"dimgrey", 0x696969},   {"firebrick", 0xB22222}, {"fuchsia", 0xFF00FF},
    {"gainsboro", 0xDCDCDC}, {"gold", 0xFFD700},      {"gray", 0x808080},
    {"green", 0x008000},     {"grey", 0x808080},      {"indigo", 0x4B0082},
    {"lightgray", 0xD3D3D3}, {"lightgrey", 0xD3D3D3}, {"lime", 0x00FF00},
    {"magenta", 0xFF00FF},   {"maroon", 0x800000},    {"navy", 0x000080},
    {"olive", 0x808000},     {"orange", 0xFFA500},    {"pink", 0xFFC0CB},
    {"purple", 0x800080},    {"red", 0xFF0000},       {"silver", 0xC0C0C0},
    {"steelblue", 0x4682B4}, {"teal", 0x008080},      {"violet", 0xEE82EE},
    {"white", 0xFFFFFF},     {"whitesmoke", 0xF5F5F5}, {"yellow", 0xFFFF00},
};

static sc_rgb from_hex24(unsigned v)
{
    return (sc_rgb){(float)(v >> 16 & 0xFF) / 255.0f, (float)(v >> 8 & 0xFF) / 255.0f,
                    (float)(v & 0xFF) / 255.0f};
}

int sc_css_named_color(const char *name, sc_rgb *out)
{
    for (size_t i = 0; i < sizeof named_colors / sizeof *named_colors; i++) {
        if (sc_css_ieq(name, named_colors[i].name)) {
            *out = from_hex24(named_colors[i].rgb);
            return 0;
        }
    }
    return -1;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* #rgb, #rgba, #rrggbb, #rrggbbaa (alpha is read and dropped: print has no transparency here). */
static int hex_color(const char *s, sc_rgb *out)
{
    size_t n = strlen(s);
    int d[8];
    for (size_t i = 0; i < n; i++)
        if (i >= 8 || (d[i] = hex_digit(s[i])) < 0)
            return -1;
    if (n == 3 || n == 4) {
        *out = (sc_rgb){(float)(d[0] * 17) / 255.0f, (float)(d[1] * 17) / 255.0f,
                        (float)(d[2] * 17) / 255.0f};
        return 0;
    }
    if (n == 6 || n == 8) {
        *out = (sc_rgb){(float)(d[0] * 16 + d[1]) / 255.0f, (float)(d[2] * 16 + d[3]) / 255.0f,
                        (float)(d[4] * 16 + d[5]) / 255.0f};
        return 0;
    }
    return -1;
}

static float clamp01(double v) { return v < 0 ? 0.0f : v > 1 ? 1.0f : (float)v; }

/* rgb(r g b [/ a]) and rgb(r, g, b[, a]), numbers 0..255 or percentages. */
static int rgb_function(const sc_css_cv *f, sc_rgb *out)
{
    double ch[3];
    int n = 0, percent = -1;
    for (size_t i = 0; i < f->count; i++) {
        const sc_css_cv *cv = &f->items[i];
        if (cv->kind != SC_CV_TOKEN)
            return -1;
        sc_css_token_type type = cv->tok->type;
        if (type == SC_TOK_WHITESPACE || type == SC_TOK_COMMA)
            continue;
        if (type == SC_TOK_DELIM && cv->tok->delim == '/')
            break; /* alpha follows; ignored */
        if (n == 3)
            break; /* legacy comma syntax: the fourth number is alpha */
        if (type != SC_TOK_NUMBER && type != SC_TOK_PERCENTAGE)
            return -1;
        int is_percent = type == SC_TOK_PERCENTAGE;
        if (percent >= 0 && percent != is_percent)
            return -1;
        percent = is_percent;
        ch[n++] = is_percent ? cv->tok->number / 100.0 : cv->tok->number / 255.0;
    }
    if (n != 3)
        return -1;
    *out = (sc_rgb){clamp01(ch[0]), clamp01(ch[1]), clamp01(ch[2])};
    return 0;
}

int sc_css_color(const sc_css_cv *cv, sc_rgb *out)
{
    if (cv->kind == SC_CV_TOKEN && cv->tok->type == SC_TOK_HASH)
        return hex_color(cv->tok->value, out);
    if (cv->kind == SC_CV_TOKEN && cv->tok->type == SC_TOK_IDENT)
        return sc_css_named_color(cv->tok->value, out);
    if (cv->kind == SC_CV_FUNCTION &&
        (sc_css_ieq(cv->tok->value, "rgb") || sc_css_ieq(cv->tok->value, "rgba")))
        return rgb_function(cv, out);
    return -1;
}
