/* css_serialize.c — a parsed stylesheet written back as CSS text (after CSS Syntax 3's and CSSOM's
 * serialization rules): the rules that were accepted, with their selectors and declarations as
 * written, so parsing the text again gives the same cascade. The EPUB's stylesheet drops what only
 * paged media use. Also the @font-face list. */
#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "css.h"

const sc_font_face_rule *sc_stylesheet_font_faces(const sc_stylesheet *sheet)
{
    return sheet ? sheet->font_faces : NULL;
}

/* ---- Tokens ------------------------------------------------------------------------------------ */

static void put_cp(sc_buf *b, uint32_t c)
{
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | c >> 6);
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | c >> 12);
        u[1] = (char)(0x80 | (c >> 6 & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | c >> 18);
        u[1] = (char)(0x80 | (c >> 12 & 0x3F));
        u[2] = (char)(0x80 | (c >> 6 & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    sc_buf_append(b, u, n);
}

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* CSSOM "serialize an identifier" (names are NUL-free UTF-8 here). `name_only` is for hash names
 * and units: digits may start them. */
static void put_ident(sc_buf *b, const char *s, int name_only)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!name_only && u[0] == '-' && u[1] == '\0') {
        sc_buf_puts(b, "\\-");
        return;
    }
    for (size_t i = 0; u[i]; i++) {
        unsigned char c = u[i];
        int digit = c >= '0' && c <= '9';
        if (c < 0x20 || c == 0x7F ||
            (!name_only && digit && (i == 0 || (i == 1 && u[0] == '-'))))
            sc_buf_printf(b, "\\%x ", c);
        else if (c >= 0x80 || c == '-' || c == '_' || is_alnum(c))
            sc_buf_putc(b, (char)c);
        else {
            sc_buf_putc(b, '\\');
            sc_buf_putc(b, (char)c);
        }
    }
}

static void put_string(sc_buf *b, const char *s)
{
    sc_buf_putc(b, '"');
    for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
        if (*u < 0x20 || *u == 0x7F)
            sc_buf_printf(b, "\\%x ", *u);
        else if (*u == '"' || *u == '\\') {
            sc_buf_putc(b, '\\');
            sc_buf_putc(b, (char)*u);
        } else
            sc_buf_putc(b, (char)*u);
    }
    sc_buf_putc(b, '"');
}

static void put_number(sc_buf *b, double v)
{
    char s[40];
    snprintf(s, sizeof s, "%.15g", v);
    sc_buf_puts(b, s);
}

/* Would the text already written and the next token's first character run together into
 * other tokens? Then a comment keeps them apart. */
static void separate(sc_buf *b, char next)
{
    if (!b->len)
        return;
    unsigned char prev = (unsigned char)b->data[b->len - 1], n = (unsigned char)next;
    int prev_word = is_alnum(prev) || prev == '-' || prev == '_' || prev == '\\' || prev >= 0x80;
    int next_word = is_alnum(n) || n == '-' || n == '_' || n == '\\' || n >= 0x80 || n == '(' ||
                    n == '+';
    int prev_digit = prev >= '0' && prev <= '9';
    /* "1" then ".5" or "%" would read back as one number; "." then "5" likewise. */
    if ((prev_word && next_word) || (prev_digit && (n == '.' || n == '%')) ||
        (prev == '.' && n >= '0' && n <= '9'))
        sc_buf_puts(b, "/**/");
}

static void put_cvs(sc_buf *b, const sc_css_cv *cvs, size_t n);

static void put_token_text(sc_buf *b, const sc_css_token *t)
{
    sc_buf tmp;
    sc_buf_init(&tmp);
    switch (t->type) {
    case SC_TOK_IDENT: put_ident(&tmp, t->value, 0); break;
    case SC_TOK_FUNCTION: put_ident(&tmp, t->value, 0); sc_buf_putc(&tmp, '('); break;
    case SC_TOK_AT_KEYWORD: sc_buf_putc(&tmp, '@'); put_ident(&tmp, t->value, 0); break;
    case SC_TOK_HASH: sc_buf_putc(&tmp, '#'); put_ident(&tmp, t->value, 1); break;
    case SC_TOK_STRING: put_string(&tmp, t->value); break;
    case SC_TOK_URL: sc_buf_puts(&tmp, "url("); put_string(&tmp, t->value); sc_buf_putc(&tmp, ')'); break;
    case SC_TOK_DELIM: put_cp(&tmp, t->delim); break;
    case SC_TOK_NUMBER: put_number(&tmp, t->number); break;
    case SC_TOK_PERCENTAGE: put_number(&tmp, t->number); sc_buf_putc(&tmp, '%'); break;
    case SC_TOK_DIMENSION: {
        put_number(&tmp, t->number);
        const char *unit = t->unit ? t->unit : "";
        /* A unit starting with e + digit would read back as an exponent: escape the e. */
        if ((unit[0] | 0x20) == 'e' &&
            ((unit[1] >= '0' && unit[1] <= '9') ||
             ((unit[1] == '-' || unit[1] == '+') && unit[2] >= '0' && unit[2] <= '9'))) {
            sc_buf_printf(&tmp, "\\%x ", (unsigned char)unit[0]);
            unit++;
        }
        if (unit[0] == '-' && unit[1] >= '0' && unit[1] <= '9') {
            sc_buf_puts(&tmp, "\\-");
            unit++;
        }
        put_ident(&tmp, unit, 1);
        break;
    }
    case SC_TOK_WHITESPACE: sc_buf_putc(&tmp, ' '); break;
    case SC_TOK_CDO: sc_buf_puts(&tmp, "<!--"); break;
    case SC_TOK_CDC: sc_buf_puts(&tmp, "-->"); break;
    case SC_TOK_COLON: sc_buf_putc(&tmp, ':'); break;
    case SC_TOK_SEMICOLON: sc_buf_putc(&tmp, ';'); break;
    case SC_TOK_COMMA: sc_buf_putc(&tmp, ','); break;
    case SC_TOK_LBRACKET: sc_buf_putc(&tmp, '['); break;
    case SC_TOK_RBRACKET: sc_buf_putc(&tmp, ']'); break;
    case SC_TOK_LPAREN: sc_buf_putc(&tmp, '('); break;
    case SC_TOK_RPAREN: sc_buf_putc(&tmp, ')'); break;
    case SC_TOK_LBRACE: sc_buf_putc(&tmp, '{'); break;
    case SC_TOK_RBRACE: sc_buf_putc(&tmp, '}'); break;
    case SC_TOK_EOF:
    case SC_TOK_BAD_STRING:
    case SC_TOK_BAD_URL: break; /* never in an accepted declaration */
    }
    if (tmp.len) {
        separate(b, tmp.data[0]);
        sc_buf_append(b, tmp.data, tmp.len);
    }
    sc_buf_free(&tmp);
}

static void put_cv(sc_buf *b, const sc_css_cv *cv)
{
    put_token_text(b, cv->tok);
    if (cv->kind == SC_CV_TOKEN)
        return;
    put_cvs(b, cv->items, cv->count);
    if (cv->kind == SC_CV_FUNCTION)
        sc_buf_putc(b, ')');
    else
        sc_buf_putc(b, cv->tok->type == SC_TOK_LBRACE ? '}'
                       : cv->tok->type == SC_TOK_LBRACKET ? ']' : ')');
}

static void put_cvs(sc_buf *b, const sc_css_cv *cvs, size_t n)
{
    /* Whitespace at either end says nothing. */
    while (n && cvs[0].kind == SC_CV_TOKEN && cvs[0].tok->type == SC_TOK_WHITESPACE) {
        cvs++;
        n--;
    }
    while (n && cvs[n - 1].kind == SC_CV_TOKEN && cvs[n - 1].tok->type == SC_TOK_WHITESPACE)
        n--;
    for (size_t i = 0; i < n; i++)
        put_cv(b, &cvs[i]);
}

/* ---- Rules ------------------------------------------------------------------------------------- */

/* Properties only paged media use (CSS Fragmentation, CSS GCPM): left out of the EPUB's sheet. */
static int print_only(const char *name)
{
    return strncmp(name, "page-break-", 11) == 0 || strncmp(name, "break-", 6) == 0 ||
           strcmp(name, "widows") == 0 || strcmp(name, "orphans") == 0 ||
           strcmp(name, "string-set") == 0;
}

/* Declarations; returns how many were written. */
static size_t put_decls(sc_buf *b, const sc_css_raw_decl *raw, size_t n, int drop_print,
                        const char *indent)
{
    size_t written = 0;
    for (size_t i = 0; i < n; i++) {
        if (drop_print && print_only(raw[i].name))
            continue;
        sc_buf_printf(b, "%s", indent);
        put_ident(b, raw[i].name, 0);
        sc_buf_puts(b, ": ");
        put_cvs(b, raw[i].value, raw[i].count);
        sc_buf_puts(b, raw[i].important ? " !important;\n" : ";\n");
        written++;
    }
    return written;
}

static void put_style_rule(sc_buf *b, const sc_css_style_rule *r, int drop_print)
{
    size_t kept = 0;
    for (size_t i = 0; i < r->nraw; i++)
        kept += !(drop_print && print_only(r->raw[i].name));
    if (drop_print && kept == 0 && r->nraw > 0)
        return; /* nothing left but print rules */
    put_cvs(b, r->prelude, r->nprelude);
    sc_buf_puts(b, " {\n");
    put_decls(b, r->raw, r->nraw, drop_print, "  ");
    sc_buf_puts(b, "}\n");
}

static void put_page_rule(sc_buf *b, const sc_css_page_rule *r)
{
    static const char *const pseudo[] = {":first", ":left", ":right", ":blank"};
    static const char *const boxes[SC_MARGIN_BOX_COUNT] = {
        "top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right"};
    sc_buf_puts(b, "@page");
    for (int k = 0; k < 4; k++)
        if (r->pseudo & (1u << k))
            sc_buf_printf(b, " %s", pseudo[k]);
    sc_buf_puts(b, " {\n");
    put_decls(b, r->raw, r->nraw, 0, "  ");
    for (size_t i = 0; i < r->nboxes; i++) {
        const sc_css_margin_rule *m = &r->boxes[i];
        sc_buf_printf(b, "  @%s {\n", boxes[m->pos]);
        put_decls(b, m->raw, m->nraw, 0, "    ");
        sc_buf_puts(b, "  }\n");
    }
    sc_buf_puts(b, "}\n");
}

static void put_font_face(sc_buf *b, const sc_css_font_face *f)
{
    sc_buf_puts(b, "@font-face {\n  font-family: ");
    put_string(b, f->face->family);
    sc_buf_puts(b, ";\n  src: url(");
    put_string(b, f->raw_url ? f->raw_url : f->face->src);
    sc_buf_printf(b, ");\n  font-weight: %d;\n  font-style: %s;\n}\n", f->face->weight,
                  f->face->italic ? "italic" : "normal");
}

void sc_stylesheet_serialize(const sc_stylesheet *sheet, int drop_print, struct sc_buf *out)
{
    if (!sheet || !out)
        return;
    /* Kinds of rules do not interact in the cascade, so grouping them keeps the meaning:
     * font faces, style rules in order, then pages in order. */
    for (size_t i = 0; i < sheet->nfaces; i++)
        put_font_face(out, &sheet->faces[i]);
    for (size_t i = 0; i < sheet->nrules; i++)
        put_style_rule(out, &sheet->rules[i], drop_print);
    for (size_t i = 0; !drop_print && i < sheet->npages; i++)
        put_page_rule(out, &sheet->pages[i]);
    if (!out->data)
        sc_buf_puts(out, ""); /* an empty sheet is still a NUL-terminated string */
}
