/* css_fontface.c — @font-face descriptors (CSS Fonts 4, 4.1): font-family, src (the first url();
 * local() names are skipped: sapchu finds installed fonts by family anyway), font-weight and
 * font-style. The url is resolved against the stylesheet's folder; whether the file may be read
 * (inside the style's folder or the fonts folder) is the font loader's decision. */
#include <string.h>

#include "../base/buf.h"
#include "css.h"

static int is_tok(const sc_css_cv *cv, sc_css_token_type type)
{
    return cv->kind == SC_CV_TOKEN && cv->tok->type == type;
}

/* The url of a url(...) value: an unquoted URL token, or the url() function with a string. */
static const char *url_of(const sc_css_cv *cv)
{
    if (is_tok(cv, SC_TOK_URL))
        return cv->tok->value;
    if (cv->kind == SC_CV_FUNCTION && sc_css_ieq(cv->tok->value, "url")) {
        for (size_t i = 0; i < cv->count; i++) {
            if (is_tok(&cv->items[i], SC_TOK_WHITESPACE))
                continue;
            return is_tok(&cv->items[i], SC_TOK_STRING) ? cv->items[i].tok->value : NULL;
        }
    }
    return NULL;
}

/* The sheet's folder joined with a relative url; absolute paths stay as they are. */
static const char *resolve(sc_css_parser *p, const char *url)
{
    const char *slash = p->name ? strrchr(p->name, '/') : NULL;
    if (url[0] == '/' || !slash)
        return url;
    return sc_arena_printf(p->arena, "%.*s/%s", (int)(slash - p->name), p->name, url);
}

static int has_scheme(const char *url)
{
    const char *c = url;
    while ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '+' || *c == '-' ||
           *c == '.')
        c++;
    return *c == ':' && c - url >= 2; /* one letter before ':' is a Windows drive, not a scheme */
}

/* src: [url(...) format(...)? | local(...)]# — the first usable url. Returns how many urls
 * there were. */
static int parse_src(sc_css_parser *p, const sc_css_cv *value, size_t count,
                     sc_font_face_rule *face, const char **raw_url)
{
    int urls = 0;
    for (size_t i = 0; i < count; i++) {
        const char *url = url_of(&value[i]);
        if (!url)
            continue;
        urls++;
        if (strncmp(url, "file:", 5) != 0 && has_scheme(url)) {
            sc_css_warn(p, value[i].tok, "@font-face src '%s' is not a local file; skipped", url);
            continue;
        }
        if (strncmp(url, "file://", 7) == 0)
            url += 7;
        else if (strncmp(url, "file:", 5) == 0)
            url += 5;
        if (!*url)
            continue;
        *raw_url = url;
        face->src = resolve(p, url);
        return urls;
    }
    return urls;
}

/* The family: one string, or identifiers joined by single spaces. */
static const char *family_of(sc_css_parser *p, const sc_css_cv *value, size_t count)
{
    sc_buf b;
    sc_buf_init(&b);
    const char *result = NULL;
    int ok = 1, strings = 0, idents = 0;
    for (size_t i = 0; i < count && ok; i++) {
        const sc_css_cv *cv = &value[i];
        if (is_tok(cv, SC_TOK_WHITESPACE))
            continue;
        if (is_tok(cv, SC_TOK_STRING) && !strings && !idents) {
            sc_buf_puts(&b, cv->tok->value);
            strings++;
        } else if (is_tok(cv, SC_TOK_IDENT) && !strings) {
            if (idents++)
                sc_buf_putc(&b, ' ');
            sc_buf_puts(&b, cv->tok->value);
        } else {
            ok = 0;
        }
    }
    if (ok && b.len)
        result = sc_arena_strndup(p->arena, b.data, b.len);
    sc_buf_free(&b);
    return result;
}

void sc_css_font_face_descriptor(sc_css_parser *p, const sc_css_token *name,
                                 const sc_css_cv *value, size_t count, sc_font_face_rule *face,
                                 const char **raw_url)
{
    const char *d = name->value;
    sc_css_values vals = {.n = 0};
    for (size_t i = 0; i < count && vals.n < sizeof vals.v / sizeof *vals.v; i++)
        if (!is_tok(&value[i], SC_TOK_WHITESPACE))
            vals.v[vals.n++] = &value[i];
    if (sc_css_ieq(d, "font-family")) {
        const char *family = family_of(p, value, count);
        if (!family)
            sc_css_warn(p, name, "invalid font-family in @font-face; ignored");
        else
            face->family = family;
    } else if (sc_css_ieq(d, "src")) {
        const char *before = face->src;
        face->src = NULL;
        int urls = parse_src(p, value, count, face, raw_url);
        if (!face->src) {
            face->src = before;
            if (!urls) /* (a url that cannot be used was already named) */
                sc_css_warn(p, name, "@font-face src has no url(); ignored");
        }
    } else if (sc_css_ieq(d, "font-weight")) {
        /* A weight or a range "100 900": the first number stands for the face. */
        const sc_css_cv *cv = vals.n ? vals.v[0] : NULL;
        if (cv && sc_css_ident_is(cv, "normal"))
            face->weight = 400;
        else if (cv && sc_css_ident_is(cv, "bold"))
            face->weight = 700;
        else if (cv && is_tok(cv, SC_TOK_NUMBER) && cv->tok->number >= 1 && cv->tok->number <= 1000)
            face->weight = (int)cv->tok->number;
        else
            sc_css_warn(p, name, "invalid font-weight in @font-face; ignored");
    } else if (sc_css_ieq(d, "font-style")) {
        const sc_css_cv *cv = vals.n ? vals.v[0] : NULL;
        if (cv && sc_css_ident_is(cv, "normal"))
            face->italic = 0;
        else if (cv && (sc_css_ident_is(cv, "italic") || sc_css_ident_is(cv, "oblique")))
            face->italic = 1;
        else
            sc_css_warn(p, name, "invalid font-style in @font-face; ignored");
    } else if (!sc_css_ieq(d, "font-display") && !sc_css_ieq(d, "unicode-range") &&
               !sc_css_ieq(d, "font-stretch") && !sc_css_ieq(d, "font-feature-settings") &&
               !sc_css_ieq(d, "font-variation-settings") && !sc_css_ieq(d, "ascent-override") &&
               !sc_css_ieq(d, "descent-override") && !sc_css_ieq(d, "line-gap-override") &&
               !sc_css_ieq(d, "size-adjust") && !sc_css_ieq(d, "font-named-instance")) {
        sc_css_note_unknown(p, name);
    }
}
