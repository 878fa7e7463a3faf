/* Unit test: the CSS Syntax Level 3 tokenizer on tricky input (escapes, comments, numbers, url(),
 * bad strings, CDO/CDC, non-ASCII), with token positions and tokenizer warnings. */
#include <stdlib.h>

#include "base/buf.h"
#include "style/css.h"
#include "test_style_check.h"

/* The tokens of `css` as one line of text ("ident:a _ dim:-0.5em ..."), arena-owned. */
static const char *describe(sc_arena *a, const char *css, sc_diag_list *diags, sc_css_tokens *out)
{
    sc_css_tokens toks;
    sc_css_tokenize(a, css, strlen(css), "t.css", diags, &toks);
    if (out)
        *out = toks;
    sc_buf b;
    sc_buf_init(&b);
    for (size_t i = 0; i + 1 < toks.count; i++) {
        const sc_css_token *t = &toks.items[i];
        if (i)
            sc_buf_putc(&b, ' ');
        switch (t->type) {
        case SC_TOK_IDENT: sc_buf_printf(&b, "ident:%s", t->value); break;
        case SC_TOK_FUNCTION: sc_buf_printf(&b, "fn:%s", t->value); break;
        case SC_TOK_AT_KEYWORD: sc_buf_printf(&b, "at:%s", t->value); break;
        case SC_TOK_HASH: sc_buf_printf(&b, "hash:%s%s", t->value, t->hash_id ? "(id)" : ""); break;
        case SC_TOK_STRING: sc_buf_printf(&b, "str:\"%s\"", t->value); break;
        case SC_TOK_BAD_STRING: sc_buf_puts(&b, "bad-string"); break;
        case SC_TOK_URL: sc_buf_printf(&b, "url:%s", t->value); break;
        case SC_TOK_BAD_URL: sc_buf_puts(&b, "bad-url"); break;
        case SC_TOK_DELIM: sc_buf_printf(&b, "delim:%c", (char)t->delim); break;
        case SC_TOK_NUMBER: sc_buf_printf(&b, "%s:%g", t->is_integer ? "int" : "num", t->number); break;
        case SC_TOK_PERCENTAGE: sc_buf_printf(&b, "pct:%g", t->number); break;
        case SC_TOK_DIMENSION: sc_buf_printf(&b, "dim:%g%s", t->number, t->unit); break;
        case SC_TOK_WHITESPACE: sc_buf_putc(&b, '_'); break;
        default: sc_buf_puts(&b, sc_css_token_type_name(t->type)); break;
        }
    }
    const char *s = sc_arena_strdup(a, b.data ? b.data : "");
    sc_buf_free(&b);
    return s;
}

static void expect(sc_arena *a, const char *css, const char *want, size_t want_warnings)
{
    sc_diag_list d;
    sc_diag_init(&d);
    const char *got = describe(a, css, &d, NULL);
    CHECK(strcmp(got, want) == 0, "input \"%s\"\n  got  %s\n  want %s", css, got, want);
    CHECK(d.warnings == want_warnings, "input \"%s\": %zu warnings, want %zu", css, d.warnings,
          want_warnings);
    sc_diag_clear(&d);
}

int main(void)
{
    sc_arena *a = sc_arena_new();

    /* Plain rules and punctuation. */
    expect(a, "p.note>em{color:red;}", "ident:p delim:. ident:note delim:> ident:em { ident:color colon ident:red semicolon }", 0);
    expect(a, "a , b", "ident:a _ comma _ ident:b", 0);
    expect(a, "[x](y)", "[ ident:x ] ( ident:y )", 0);

    /* Numbers: exponents, leading dot, signs, percentages, dimensions, integer flag. */
    expect(a, "1e3 -.5em +12.5% 10E-2 7 1e 3.0", "num:1000 _ dim:-0.5em _ pct:12.5 _ num:0.1 _ int:7 _ dim:1e _ num:3", 0);
    expect(a, "1.5.5", "num:1.5 num:0.5", 0);
    expect(a, "-x --y -5 - 5", "ident:-x _ ident:--y _ int:-5 _ delim:- _ int:5", 0);
    expect(a, "12px/1.4", "dim:12px delim:/ num:1.4", 0);

    /* Escapes: hex with its terminating space, simple escapes, escapes in strings. */
    expect(a, "\\41 BC", "ident:ABC", 0);
    expect(a, "\\E9t\\E9", "ident:\xC3\xA9t\xC3\xA9", 0);
    expect(a, "#\\31 23 #abc #123", "hash:123(id) _ hash:abc(id) _ hash:123", 0);
    expect(a, "\"a\\\"b\\\nc\" 'it''s'", "str:\"a\"bc\" _ str:\"it\" str:\"s\"", 0);
    expect(a, "\\0 x", "ident:\xEF\xBF\xBDx", 0);
    expect(a, "Vi\xE1\xBB\x87t", "ident:Vi\xE1\xBB\x87t", 0);

    /* Comments vanish, even between tokens that would otherwise merge. */
    expect(a, "/* c */a/**/b /* x", "ident:a ident:b _", 1);

    /* url(): unquoted is one token; quoted is a function; spaces inside make a bad URL. */
    expect(a, "url( img/a.png )", "url:img/a.png", 0);
    expect(a, "url(\"a b.png\")", "fn:url str:\"a b.png\" )", 0);
    expect(a, "URL(a b) x", "bad-url _ ident:x", 1);
    expect(a, "url(a\\)b)", "url:a)b", 0);

    /* A newline ends a string as a bad string; the newline itself is whitespace. */
    expect(a, "\"abc\nd\"", "bad-string _ ident:d str:\"\"", 2);

    /* CDO/CDC, at-keywords, stray delims. */
    expect(a, "<!-- @page --> @ !", "CDO _ at:page _ CDC _ delim:@ _ delim:!", 0);
    expect(a, "\\\n", "delim:\\ _", 1);

    /* Positions: line and column (code points) of each token; CR LF counts once. */
    sc_diag_list d;
    sc_diag_init(&d);
    sc_css_tokens toks;
    describe(a, "p {\r\n  color: \xC3\xA9t\xC3\xA9;\r\n}\n\"x\ny", &d, &toks);
    /* p _ { _ color : _ été ; _ } _ bad-string _ ident:y */
    CHECK_INT(toks.items[0].line, 1);
    CHECK_INT(toks.items[0].column, 1);
    CHECK_INT(toks.items[2].column, 3);
    CHECK_INT(toks.items[4].type, SC_TOK_IDENT);
    CHECK_INT(toks.items[4].line, 2);
    CHECK_INT(toks.items[4].column, 3);
    CHECK_INT(toks.items[4].offset, 7);
    CHECK_STR(toks.items[7].value, "\xC3\xA9t\xC3\xA9");
    CHECK_INT(toks.items[7].column, 10);
    CHECK_INT(toks.items[8].column, 13); /* after three code points, not five bytes */
    CHECK_INT(toks.items[10].line, 3);
    CHECK_INT(toks.items[10].column, 1);
    CHECK_INT(toks.items[12].type, SC_TOK_BAD_STRING);
    CHECK_INT(toks.items[12].line, 4);
    CHECK_INT(toks.items[14].type, SC_TOK_IDENT);
    CHECK_INT(toks.items[14].line, 5);
    CHECK_INT(toks.items[toks.count - 1].type, SC_TOK_EOF);
    CHECK_INT(d.warnings, 1);
    if (d.count) {
        CHECK_INT(d.items[0].line, 4);
        CHECK_INT(d.items[0].column, 1);
        CHECK_STR(d.items[0].file, "t.css");
        char *msg = sc_diag_format(&d.items[0]);
        CHECK(msg && strncmp(msg, "t.css:4:1: warning:", 19) == 0, "formatted as %s", msg);
        free(msg);
    }
    sc_diag_clear(&d);

    /* Invalid UTF-8 becomes U+FFFD and tokenizing goes on; a BOM is skipped. */
    expect(a, "a\xFF" "b", "ident:a\xEF\xBF\xBD" "b", 0);
    expect(a, "\xEF\xBB\xBFp", "ident:p", 0);

    sc_arena_free(a);
    return check_report("test_style_tokenizer");
}
