/* css_parser.c — CSS Syntax Level 3 parsing (section 5): tokens -> component values -> rules and
 * declarations, with the spec's error recovery. Style rules and @page rules are kept; every other
 * at-rule is skipped with a warning. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "css.h"

void sc_css_warn(sc_css_parser *p, const sc_css_token *at, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sc_diag_add(p->diags, SC_WARNING, p->name, at ? at->line : 0, at ? at->column : 0,
                at ? at->offset : -1, "%s", msg);
}

/* ---- Component values ----------------------------------------------------------------------- */

typedef struct cv_vec {
    sc_css_cv *items;
    size_t count, cap;
} cv_vec;

static void cv_push(sc_arena *a, cv_vec *v, sc_css_cv cv)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        v->items = sc_arena_realloc(a, v->items, v->cap * sizeof *v->items, cap * sizeof *v->items);
        v->cap = cap;
    }
    v->items[v->count++] = cv;
}

typedef struct token_stream {
    const sc_css_token *toks;
    size_t pos, count; /* toks[count - 1] is EOF */
} token_stream;

static const sc_css_token *next_tok(token_stream *s)
{
    const sc_css_token *t = &s->toks[s->pos];
    if (s->pos + 1 < s->count)
        s->pos++;
    return t;
}

static const sc_css_token *peek_tok(const token_stream *s) { return &s->toks[s->pos]; }

static sc_css_cv consume_cv(sc_css_parser *p, token_stream *s);

static sc_css_token_type closing_for(sc_css_token_type open)
{
    return open == SC_TOK_LBRACE ? SC_TOK_RBRACE
         : open == SC_TOK_LBRACKET ? SC_TOK_RBRACKET : SC_TOK_RPAREN;
}

/* 5.4.8 and 5.4.9: contents up to the matching closer (a function ends at ")"). */
static void consume_contents(sc_css_parser *p, token_stream *s, const sc_css_token *open,
                             sc_css_token_type closer, sc_css_cv *into)
{
    cv_vec v = {0};
    for (;;) {
        const sc_css_token *t = peek_tok(s);
        if (t->type == closer) {
            next_tok(s);
            break;
        }
        if (t->type == SC_TOK_EOF) {
            sc_css_warn(p, open, "unclosed %s", open->type == SC_TOK_FUNCTION ? "function"
                                                                               : "block");
            break;
        }
        cv_push(p->arena, &v, consume_cv(p, s));
    }
    into->items = v.items;
    into->count = v.count;
}

/* 5.4.7 */
static sc_css_cv consume_cv(sc_css_parser *p, token_stream *s)
{
    const sc_css_token *t = next_tok(s);
    sc_css_cv cv = {SC_CV_TOKEN, t, NULL, 0};
    if (t->type == SC_TOK_LBRACE || t->type == SC_TOK_LBRACKET || t->type == SC_TOK_LPAREN) {
        cv.kind = SC_CV_BLOCK;
        consume_contents(p, s, t, closing_for(t->type), &cv);
    } else if (t->type == SC_TOK_FUNCTION) {
        cv.kind = SC_CV_FUNCTION;
        consume_contents(p, s, t, SC_TOK_RPAREN, &cv);
    }
    return cv;
}

/* ---- Rules ------------------------------------------------------------------------------------ */

typedef struct raw_rule {
    const sc_css_token *at;  /* the at-keyword, or NULL for a qualified rule */
    const sc_css_token *start;
    sc_css_cv *prelude;
    size_t nprelude;
    const sc_css_cv *block;  /* the {} block, or NULL */
} raw_rule;

typedef struct sheet_builder {
    sc_css_parser *p;
    sc_stylesheet *sheet;
    size_t rules_cap, pages_cap;
} sheet_builder;

static int is_tok(const sc_css_cv *cv, sc_css_token_type type)
{
    return cv->kind == SC_CV_TOKEN && cv->tok->type == type;
}

static int is_ws_cv(const sc_css_cv *cv) { return is_tok(cv, SC_TOK_WHITESPACE); }

/* One declaration from cvs[0..n) (starting with its ident); 5.4.6. */
static void declaration(sc_css_parser *p, const sc_css_cv *cvs, size_t n,
                        sc_css_decl_context context, sc_css_decl_vec *out)
{
    const sc_css_token *name = cvs[0].tok;
    size_t i = 1;
    while (i < n && is_ws_cv(&cvs[i]))
        i++;
    if (i == n || !is_tok(&cvs[i], SC_TOK_COLON)) {
        sc_css_warn(p, name, "expected ':' after '%s'", name->value);
        return;
    }
    i++;
    while (i < n && is_ws_cv(&cvs[i]))
        i++;
    while (n > i && is_ws_cv(&cvs[n - 1]))
        n--;
    int important = 0;
    if (n - i >= 2 && is_tok(&cvs[n - 1], SC_TOK_IDENT) &&
        sc_css_ieq(cvs[n - 1].tok->value, "important")) {
        size_t j = n - 1;
        while (j > i && is_ws_cv(&cvs[j - 1]))
            j--;
        if (j > i && is_tok(&cvs[j - 1], SC_TOK_DELIM) && cvs[j - 1].tok->delim == '!') {
            important = 1;
            n = j - 1;
            while (n > i && is_ws_cv(&cvs[n - 1]))
                n--;
        }
    }
    sc_css_declaration(p, name, cvs + i, n - i, important, context, out);
}

/* Margin boxes inside @page (CSS Paged Media 5.3): recognised so they do not read as errors. */
static int is_margin_box(const char *name)
{
    static const char *const boxes[] = {
        "top-left-corner", "top-left", "top-center", "top-right", "top-right-corner",
        "bottom-left-corner", "bottom-left", "bottom-center", "bottom-right",
        "bottom-right-corner", "left-top", "left-middle", "left-bottom", "right-top",
        "right-middle", "right-bottom"};
    for (size_t i = 0; i < sizeof boxes / sizeof *boxes; i++)
        if (sc_css_ieq(name, boxes[i]))
            return 1;
    return 0;
}

/* 5.4.5: a block's contents as a list of declarations (and at-rules, which only @page allows). */
static void declaration_list(sc_css_parser *p, const sc_css_cv *block, sc_css_decl_context context,
                             sc_css_decl_vec *out)
{
    const sc_css_cv *cvs = block->items;
    size_t n = block->count, i = 0;
    while (i < n) {
        const sc_css_cv *cv = &cvs[i];
        if (is_ws_cv(cv) || is_tok(cv, SC_TOK_SEMICOLON)) {
            i++;
            continue;
        }
        size_t end = i;
        if (is_tok(cv, SC_TOK_AT_KEYWORD)) {
            /* A nested at-rule ends at its ";" or after its block. */
            while (end < n && !is_tok(&cvs[end], SC_TOK_SEMICOLON) &&
                   !(cvs[end].kind == SC_CV_BLOCK && cvs[end].tok->type == SC_TOK_LBRACE))
                end++;
            if (context == SC_DECL_PAGE && is_margin_box(cv->tok->value))
                sc_css_warn(p, cv->tok, "page margin box @%s is not supported; ignored",
                            cv->tok->value);
            else
                sc_css_warn(p, cv->tok, "unexpected @%s inside a declaration block; skipped",
                            cv->tok->value);
            i = end + 1;
            continue;
        }
        while (end < n && !is_tok(&cvs[end], SC_TOK_SEMICOLON))
            end++;
        if (is_tok(cv, SC_TOK_IDENT))
            declaration(p, cvs + i, end - i, context, out);
        else
            sc_css_warn(p, cv->tok, "expected a declaration, found %s; skipped to the next ';'",
                        sc_css_token_type_name(cv->tok->type));
        i = end + 1;
    }
}

static sc_css_decl *finish_decls(sc_css_decl_vec *v, size_t *count)
{
    *count = v->count;
    return v->items;
}

static void add_style_rule(sheet_builder *b, const raw_rule *r)
{
    sc_css_parser *p = b->p;
    sc_css_selector *sels;
    size_t nsels;
    if (sc_css_parse_selectors(p, r->start, r->prelude, r->nprelude, &sels, &nsels) != 0)
        return;
    sc_css_decl_vec decls = {0};
    declaration_list(p, r->block, SC_DECL_STYLE, &decls);
    sc_stylesheet *s = b->sheet;
    if (s->nrules == b->rules_cap) {
        size_t cap = b->rules_cap ? b->rules_cap * 2 : 16;
        s->rules = sc_arena_realloc(p->arena, s->rules, b->rules_cap * sizeof *s->rules,
                                    cap * sizeof *s->rules);
        b->rules_cap = cap;
    }
    sc_css_style_rule *rule = &s->rules[s->nrules++];
    rule->selectors = sels;
    rule->nselectors = nsels;
    rule->decls = finish_decls(&decls, &rule->ndecls);
    rule->line = r->start->line;
    rule->column = r->start->column;
}

/* @page [name]? [:first | :left | :right | :blank]* { ... } */
static void add_page_rule(sheet_builder *b, const raw_rule *r)
{
    sc_css_parser *p = b->p;
    unsigned pseudo = 0;
    for (size_t i = 0; i < r->nprelude; i++) {
        const sc_css_cv *cv = &r->prelude[i];
        if (is_ws_cv(cv))
            continue;
        if (is_tok(cv, SC_TOK_COLON) && i + 1 < r->nprelude &&
            is_tok(&r->prelude[i + 1], SC_TOK_IDENT)) {
            const char *name = r->prelude[++i].tok->value;
            unsigned bit = sc_css_ieq(name, "first") ? SC_PAGE_FIRST
                         : sc_css_ieq(name, "left")  ? SC_PAGE_LEFT
                         : sc_css_ieq(name, "right") ? SC_PAGE_RIGHT
                         : sc_css_ieq(name, "blank") ? SC_PAGE_BLANK : 0;
            if (!bit) {
                sc_css_warn(p, r->prelude[i].tok, "unknown page selector ':%s'; @page rule skipped",
                            name);
                return;
            }
            pseudo |= bit;
            continue;
        }
        if (is_tok(cv, SC_TOK_IDENT))
            sc_css_warn(p, cv->tok, "named pages ('%s') are not supported; @page rule skipped",
                        cv->tok->value);
        else
            sc_css_warn(p, cv->tok, "invalid @page selector; @page rule skipped");
        return;
    }
    sc_css_decl_vec decls = {0};
    declaration_list(p, r->block, SC_DECL_PAGE, &decls);
    sc_stylesheet *s = b->sheet;
    if (s->npages == b->pages_cap) {
        size_t cap = b->pages_cap ? b->pages_cap * 2 : 4;
        s->pages = sc_arena_realloc(p->arena, s->pages, b->pages_cap * sizeof *s->pages,
                                    cap * sizeof *s->pages);
        b->pages_cap = cap;
    }
    sc_css_page_rule *rule = &s->pages[s->npages++];
    rule->pseudo = pseudo;
    rule->decls = finish_decls(&decls, &rule->ndecls);
    rule->line = r->start->line;
    rule->column = r->start->column;
}

static void add_at_rule(sheet_builder *b, const raw_rule *r)
{
    const char *name = r->at->value;
    if (sc_css_ieq(name, "page")) {
        if (!r->block)
            sc_css_warn(b->p, r->at, "@page without a block; skipped");
        else
            add_page_rule(b, r);
        return;
    }
    if (sc_css_ieq(name, "charset"))
        return; /* the sheet is read as UTF-8 whatever it says */
    sc_css_warn(b->p, r->at, "unsupported at-rule @%s; skipped", name);
}

/* 5.4.1 with the top-level flag, then 5.4.2 / 5.4.3 for each rule. */
static void rule_list(sheet_builder *b, token_stream *s)
{
    sc_css_parser *p = b->p;
    for (;;) {
        const sc_css_token *t = peek_tok(s);
        if (t->type == SC_TOK_EOF)
            return;
        if (t->type == SC_TOK_WHITESPACE || t->type == SC_TOK_CDO || t->type == SC_TOK_CDC) {
            next_tok(s);
            continue;
        }
        raw_rule r = {NULL, t, NULL, 0, NULL};
        cv_vec prelude = {0};
        if (t->type == SC_TOK_AT_KEYWORD)
            r.at = next_tok(s);
        for (;;) {
            const sc_css_token *u = peek_tok(s);
            if (u->type == SC_TOK_EOF) {
                sc_css_warn(p, t, "%s at the end of the stylesheet has no block; skipped",
                            r.at ? "at-rule" : "rule");
                return;
            }
            if (r.at && u->type == SC_TOK_SEMICOLON) {
                next_tok(s);
                break;
            }
            if (u->type == SC_TOK_LBRACE) {
                sc_css_cv *block = sc_arena_alloc(p->arena, sizeof *block);
                *block = consume_cv(p, s);
                r.block = block;
                break;
            }
            cv_push(p->arena, &prelude, consume_cv(p, s));
        }
        r.prelude = prelude.items;
        r.nprelude = prelude.count;
        if (r.at)
            add_at_rule(b, &r);
        else
            add_style_rule(b, &r);
    }
}

sc_stylesheet *sc_stylesheet_parse(sc_arena *arena, const char *css, size_t len, const char *name,
                                   sc_diag_list *diags)
{
    sc_diag_list scratch; /* callers that do not want diagnostics may pass NULL */
    sc_diag_init(&scratch);
    sc_css_parser p = {arena, diags ? diags : &scratch, name ? sc_arena_strdup(arena, name) : NULL};
    sc_css_tokens toks;
    sc_css_tokenize(arena, css, len, p.name, p.diags, &toks);
    sc_stylesheet *sheet = sc_arena_alloc(arena, sizeof *sheet);
    sheet->name = p.name;
    sheet_builder b = {&p, sheet, 0, 0};
    token_stream s = {toks.items, 0, toks.count};
    rule_list(&b, &s);
    sc_diag_clear(&scratch);
    return sheet;
}
