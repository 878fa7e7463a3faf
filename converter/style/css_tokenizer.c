/* css_tokenizer.c — CSS Syntax Level 3 tokenization (section 4), with the input preprocessing of
 * section 3.3 done on the fly so byte offsets keep pointing into the caller's text. */
#include <math.h>
#include <string.h>

#include "../base/buf.h"
#include "css.h"

enum { REPLACEMENT = 0xFFFD, EOF_CP = 0xFFFFFFFFu };

typedef struct tokenizer {
    const unsigned char *s;
    size_t len, pos;
    int line, column;
    sc_arena *arena;
    sc_diag_list *diags;
    const char *name;
    sc_buf text; /* scratch for names and strings being unescaped */
} tokenizer;

/* Decode the preprocessed code point at byte `pos`; *size gets its length in bytes. */
static uint32_t decode_at(const tokenizer *t, size_t pos, size_t *size)
{
    if (pos >= t->len) {
        *size = 0;
        return EOF_CP;
    }
    const unsigned char *s = t->s + pos;
    size_t left = t->len - pos;
    unsigned c = s[0];
    *size = 1;
    if (c == '\r') {
        if (left > 1 && s[1] == '\n')
            *size = 2;
        return '\n';
    }
    if (c == '\f')
        return '\n';
    if (c == 0)
        return REPLACEMENT;
    if (c < 0x80)
        return c;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || c > 0xF4 || left < n)
        return REPLACEMENT;
    uint32_t cp = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return REPLACEMENT;
        cp = cp << 6 | (s[i] & 0x3Fu);
    }
    static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return REPLACEMENT;
    *size = n;
    return cp;
}

/* The code point `k` positions ahead (0 = the next one). */
static uint32_t peek(const tokenizer *t, int k)
{
    size_t pos = t->pos, size;
    uint32_t cp = decode_at(t, pos, &size);
    while (k-- > 0 && cp != EOF_CP) {
        pos += size;
        cp = decode_at(t, pos, &size);
    }
    return cp;
}

static uint32_t consume(tokenizer *t)
{
    size_t size;
    uint32_t cp = decode_at(t, t->pos, &size);
    if (cp == EOF_CP)
        return cp;
    t->pos += size;
    if (cp == '\n') {
        t->line++;
        t->column = 1;
    } else {
        t->column++;
    }
    return cp;
}

static void warn(tokenizer *t, int line, int column, long offset, const char *msg)
{
    sc_diag_add(t->diags, SC_WARNING, t->name, line, column, offset, "%s", msg);
}

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static int is_hex(uint32_t c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
static int is_ws(uint32_t c) { return c == '\n' || c == '\t' || c == ' '; }
static int is_ident_start(uint32_t c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || (c >= 0x80 && c != EOF_CP);
}
static int is_ident_char(uint32_t c) { return is_ident_start(c) || is_digit(c) || c == '-'; }
static int is_non_printable(uint32_t c)
{
    return c <= 8 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F;
}

static int valid_escape(uint32_t a, uint32_t b) { return a == '\\' && b != '\n'; }

static int starts_ident(uint32_t a, uint32_t b, uint32_t c)
{
    if (a == '-')
        return is_ident_start(b) || b == '-' || valid_escape(b, c);
    if (is_ident_start(a))
        return 1;
    return a == '\\' && valid_escape(a, b);
}

static int starts_number(uint32_t a, uint32_t b, uint32_t c)
{
    if (a == '+' || a == '-')
        return is_digit(b) || (b == '.' && is_digit(c));
    if (a == '.')
        return is_digit(b);
    return is_digit(a);
}

static void put_cp(sc_buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sc_buf_append(b, u, n);
}

/* After a backslash known to start a valid escape (4.3.7). */
static uint32_t consume_escape(tokenizer *t)
{
    int line = t->line, column = t->column;
    long offset = (long)t->pos;
    uint32_t c = consume(t);
    if (c == EOF_CP) {
        warn(t, line, column, offset, "escape at the end of the stylesheet");
        return REPLACEMENT;
    }
    if (!is_hex(c))
        return c;
    uint32_t v = 0;
    for (int i = 0;; i++) {
        v = v * 16 + (uint32_t)(is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
        if (i == 5 || !is_hex(peek(t, 0)))
            break;
        c = consume(t);
    }
    if (is_ws(peek(t, 0)))
        consume(t);
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        return REPLACEMENT;
    return v;
}

/* 4.3.11: the name is left in t->text. */
static void consume_ident_sequence(tokenizer *t)
{
    t->text.len = 0;
    for (;;) {
        uint32_t c = peek(t, 0);
        if (is_ident_char(c)) {
            put_cp(&t->text, consume(t));
        } else if (valid_escape(c, peek(t, 1))) {
            consume(t);
            put_cp(&t->text, consume_escape(t));
        } else {
            break;
        }
    }
}

static const char *take_text(tokenizer *t)
{
    return sc_arena_strndup(t->arena, t->text.data ? t->text.data : "", t->text.len);
}

/* 4.3.12 and 4.3.13, without the locale-dependent strtod. */
static void consume_number(tokenizer *t, sc_css_token *tok)
{
    double sign = 1, integer = 0, fraction = 0, exp_sign = 1, exponent = 0;
    tok->is_integer = 1;
    if (peek(t, 0) == '+' || peek(t, 0) == '-')
        sign = consume(t) == '-' ? -1 : 1;
    while (is_digit(peek(t, 0)))
        integer = integer * 10 + (consume(t) - '0');
    if (peek(t, 0) == '.' && is_digit(peek(t, 1))) {
        consume(t);
        tok->is_integer = 0;
        double scale = 1;
        while (is_digit(peek(t, 0))) {
            scale /= 10;
            fraction += (consume(t) - '0') * scale;
        }
    }
    uint32_t e = peek(t, 0), e1 = peek(t, 1);
    if ((e == 'e' || e == 'E') &&
        (is_digit(e1) || ((e1 == '+' || e1 == '-') && is_digit(peek(t, 2))))) {
        consume(t);
        tok->is_integer = 0;
        if (peek(t, 0) == '+' || peek(t, 0) == '-')
            exp_sign = consume(t) == '-' ? -1 : 1;
        while (is_digit(peek(t, 0))) {
            exponent = exponent * 10 + (consume(t) - '0');
            if (exponent > 1000)
                exponent = 1000; /* keeps pow() finite in meaning; the value saturates anyway */
        }
    }
    double v = sign * (integer + fraction) * pow(10, exp_sign * exponent);
    if (!isfinite(v))
        v = sign * 3.4e38; /* clamp instead of carrying inf into the cascade */
    tok->number = v;
}

static void consume_numeric(tokenizer *t, sc_css_token *tok)
{
    consume_number(t, tok);
    if (starts_ident(peek(t, 0), peek(t, 1), peek(t, 2))) {
        tok->type = SC_TOK_DIMENSION;
        consume_ident_sequence(t);
        tok->unit = take_text(t);
    } else if (peek(t, 0) == '%') {
        consume(t);
        tok->type = SC_TOK_PERCENTAGE;
    } else {
        tok->type = SC_TOK_NUMBER;
    }
}

static void consume_string(tokenizer *t, sc_css_token *tok, uint32_t ending)
{
    t->text.len = 0;
    tok->type = SC_TOK_STRING;
    for (;;) {
        uint32_t c = peek(t, 0);
        if (c == ending) {
            consume(t);
            break;
        }
        if (c == EOF_CP) {
            warn(t, tok->line, tok->column, tok->offset, "unterminated string");
            break;
        }
        if (c == '\n') {
            /* The newline is not consumed: it ends the bad string and becomes whitespace. */
            warn(t, tok->line, tok->column, tok->offset, "newline inside a string");
            tok->type = SC_TOK_BAD_STRING;
            break;
        }
        consume(t);
        if (c == '\\') {
            uint32_t n = peek(t, 0);
            if (n == EOF_CP)
                continue;
            if (n == '\n')
                consume(t); /* an escaped newline continues the string */
            else
                put_cp(&t->text, consume_escape(t));
        } else {
            put_cp(&t->text, c);
        }
    }
    tok->value = take_text(t);
}

/* 4.3.14: skip what is left of a bad URL, up to and including ")". */
static void consume_bad_url_remnants(tokenizer *t)
{
    for (;;) {
        uint32_t c = consume(t);
        if (c == ')' || c == EOF_CP)
            return;
        if (valid_escape(c, peek(t, 0)))
            consume_escape(t);
    }
}

/* 4.3.6, after "url(" and the whitespace after it. */
static void consume_url(tokenizer *t, sc_css_token *tok)
{
    t->text.len = 0;
    tok->type = SC_TOK_URL;
    while (is_ws(peek(t, 0)))
        consume(t);
    for (;;) {
        uint32_t c = consume(t);
        if (c == ')')
            break;
        if (c == EOF_CP) {
            warn(t, tok->line, tok->column, tok->offset, "unterminated url()");
            break;
        }
        if (is_ws(c)) {
            while (is_ws(peek(t, 0)))
                consume(t);
            uint32_t n = peek(t, 0);
            if (n == ')' || n == EOF_CP) {
                if (consume(t) == EOF_CP)
                    warn(t, tok->line, tok->column, tok->offset, "unterminated url()");
                break;
            }
            consume_bad_url_remnants(t);
            tok->type = SC_TOK_BAD_URL;
            break;
        }
        if (c == '"' || c == '\'' || c == '(' || is_non_printable(c)) {
            consume_bad_url_remnants(t);
            tok->type = SC_TOK_BAD_URL;
            break;
        }
        if (c == '\\') {
            if (valid_escape(c, peek(t, 0))) {
                put_cp(&t->text, consume_escape(t));
                continue;
            }
            consume_bad_url_remnants(t);
            tok->type = SC_TOK_BAD_URL;
            break;
        }
        put_cp(&t->text, c);
    }
    if (tok->type == SC_TOK_BAD_URL)
        warn(t, tok->line, tok->column, tok->offset, "bad url()");
    tok->value = take_text(t);
}

/* 4.3.4 */
static void consume_ident_like(tokenizer *t, sc_css_token *tok)
{
    consume_ident_sequence(t);
    const char *name = take_text(t);
    tok->value = name;
    if (sc_css_ieq(name, "url") && peek(t, 0) == '(') {
        consume(t);
        while (is_ws(peek(t, 0)) && is_ws(peek(t, 1)))
            consume(t);
        uint32_t a = peek(t, 0), b = peek(t, 1);
        if (a == '"' || a == '\'' || (is_ws(a) && (b == '"' || b == '\''))) {
            tok->type = SC_TOK_FUNCTION;
        } else {
            consume_url(t, tok);
        }
    } else if (peek(t, 0) == '(') {
        consume(t);
        tok->type = SC_TOK_FUNCTION;
    } else {
        tok->type = SC_TOK_IDENT;
    }
}

/* 4.3.2: comments produce no token. */
static void consume_comments(tokenizer *t)
{
    while (peek(t, 0) == '/' && peek(t, 1) == '*') {
        int line = t->line, column = t->column;
        long offset = (long)t->pos;
        consume(t);
        consume(t);
        for (;;) {
            uint32_t c = consume(t);
            if (c == EOF_CP) {
                warn(t, line, column, offset, "unterminated comment");
                return;
            }
            if (c == '*' && peek(t, 0) == '/') {
                consume(t);
                break;
            }
        }
    }
}

static void simple(sc_css_token *tok, sc_css_token_type type) { tok->type = type; }

static void consume_token(tokenizer *t, sc_css_token *tok)
{
    consume_comments(t);
    memset(tok, 0, sizeof *tok);
    tok->value = "";
    tok->line = t->line;
    tok->column = t->column;
    tok->offset = (long)t->pos;
    uint32_t c = peek(t, 0);
    if (c == EOF_CP) {
        tok->type = SC_TOK_EOF;
        return;
    }
    if (is_ws(c)) {
        while (is_ws(peek(t, 0)))
            consume(t);
        tok->type = SC_TOK_WHITESPACE;
        return;
    }
    if (is_digit(c)) {
        consume_numeric(t, tok);
        return;
    }
    if (is_ident_start(c)) {
        consume_ident_like(t, tok);
        return;
    }
    uint32_t c1 = peek(t, 1), c2 = peek(t, 2), c3 = peek(t, 3);
    switch (c) {
    case '"':
    case '\'':
        consume(t);
        consume_string(t, tok, c);
        return;
    case '#':
        if (is_ident_char(c1) || valid_escape(c1, c2)) {
            consume(t);
            tok->type = SC_TOK_HASH;
            tok->hash_id = starts_ident(c1, c2, c3);
            consume_ident_sequence(t);
            tok->value = take_text(t);
            return;
        }
        break;
    case '+':
    case '.':
        if (starts_number(c, c1, c2)) {
            consume_numeric(t, tok);
            return;
        }
        break;
    case '-':
        if (starts_number(c, c1, c2)) {
            consume_numeric(t, tok);
            return;
        }
        if (c1 == '-' && c2 == '>') {
            consume(t), consume(t), consume(t);
            simple(tok, SC_TOK_CDC);
            return;
        }
        if (starts_ident(c, c1, c2)) {
            consume_ident_like(t, tok);
            return;
        }
        break;
    case '<':
        if (c1 == '!' && c2 == '-' && c3 == '-') {
            consume(t), consume(t), consume(t), consume(t);
            simple(tok, SC_TOK_CDO);
            return;
        }
        break;
    case '@':
        if (starts_ident(c1, c2, c3)) {
            consume(t);
            tok->type = SC_TOK_AT_KEYWORD;
            consume_ident_sequence(t);
            tok->value = take_text(t);
            return;
        }
        break;
    case '\\':
        if (valid_escape(c, c1)) {
            consume_ident_like(t, tok);
            return;
        }
        warn(t, tok->line, tok->column, tok->offset, "stray backslash");
        break;
    case '(': consume(t); simple(tok, SC_TOK_LPAREN); return;
    case ')': consume(t); simple(tok, SC_TOK_RPAREN); return;
    case '[': consume(t); simple(tok, SC_TOK_LBRACKET); return;
    case ']': consume(t); simple(tok, SC_TOK_RBRACKET); return;
    case '{': consume(t); simple(tok, SC_TOK_LBRACE); return;
    case '}': consume(t); simple(tok, SC_TOK_RBRACE); return;
    case ',': consume(t); simple(tok, SC_TOK_COMMA); return;
    case ':': consume(t); simple(tok, SC_TOK_COLON); return;
    case ';': consume(t); simple(tok, SC_TOK_SEMICOLON); return;
    default: break;
    }
    tok->type = SC_TOK_DELIM;
    tok->delim = consume(t);
}

void sc_css_tokenize(sc_arena *arena, const char *css, size_t len, const char *name,
                     sc_diag_list *diags, sc_css_tokens *out)
{
    tokenizer t = {(const unsigned char *)(css ? css : ""), css ? len : 0, 0, 1, 1, arena, diags,
                   name, {0}};
    sc_buf_init(&t.text);
    /* A leading byte-order mark is not part of the sheet (CSS Syntax 3.2: decode). */
    if (t.len >= 3 && memcmp(t.s, "\xEF\xBB\xBF", 3) == 0)
        t.pos = 3;
    size_t cap = 64, n = 0;
    sc_css_token *items = sc_arena_alloc(arena, cap * sizeof *items);
    for (;;) {
        if (n == cap) {
            items = sc_arena_realloc(arena, items, cap * sizeof *items, 2 * cap * sizeof *items);
            cap *= 2;
        }
        consume_token(&t, &items[n]);
        if (items[n++].type == SC_TOK_EOF)
            break;
    }
    sc_buf_free(&t.text);
    out->items = items;
    out->count = n;
}

const char *sc_css_token_type_name(sc_css_token_type type)
{
    static const char *const names[] = {
        "EOF", "ident", "function", "at-keyword", "hash", "string", "bad-string", "url",
        "bad-url", "delim", "number", "percentage", "dimension", "whitespace", "CDO", "CDC",
        "colon", "semicolon", "comma", "[", "]", "(", ")", "{", "}"};
    return (unsigned)type < sizeof names / sizeof *names ? names[type] : "?";
}
