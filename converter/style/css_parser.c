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
    if (p->at_file || p->at_line) {
        sc_diag_add(p->diags, SC_WARNING, p->at_file, p->at_line, p->at_column, -1,
                    "style attribute: %s", msg);
        return;
    }
    sc_diag_add(p->diags, SC_WARNING, p->name, at ? at->line : 0, at ? at->column : 0,
                at ? at->offset : -1, "%s", msg);
}

void sc_css_note_unknown(sc_css_parser *p, const sc_css_token *name)
{
    for (const sc_css_seen_name *s = p->unknown; s; s = s->next)
        if (sc_css_ieq(s->name, name->value))
            return;
    sc_css_seen_name *seen = sc_arena_alloc(p->arena, sizeof *seen);
    seen->name = sc_arena_strdup(p->arena, name->value);
    seen->next = p->unknown;
    p->unknown = seen;
    /* The position is in the message: a note has no place of its own in the listing. */
    if ((p->at_file || p->at_line) && p->at_column <= 0)
        sc_diag_add(p->diags, SC_NOTE, NULL, 0, 0, -1, "unknown property '%s' (%s:%d)",
                    name->value, p->at_file ? p->at_file : "", p->at_line);
    else if (p->at_file || p->at_line)
        sc_diag_add(p->diags, SC_NOTE, NULL, 0, 0, -1, "unknown property '%s' (%s:%d:%d)",
                    name->value, p->at_file ? p->at_file : "", p->at_line, p->at_column);
    else
        sc_diag_add(p->diags, SC_NOTE, NULL, 0, 0, -1, "unknown property '%s' (%s:%d:%d)",
                    name->value, p->name ? p->name : "", name->line, name->column);
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
    size_t rules_cap, pages_cap, faces_cap;
} sheet_builder;

static int is_tok(const sc_css_cv *cv, sc_css_token_type type)
{
    return cv->kind == SC_CV_TOKEN && cv->tok->type == type;
}

static int is_ws_cv(const sc_css_cv *cv) { return is_tok(cv, SC_TOK_WHITESPACE); }

/* What a declaration block gives: typed declarations, the accepted ones as written, margin
 * boxes (@page) and a font face (@font-face). */
typedef struct raw_vec {
    sc_css_raw_decl *items;
    size_t count, cap;
} raw_vec;

typedef struct box_vec {
    sc_css_margin_rule *items;
    size_t count, cap;
} box_vec;

typedef struct block_out {
    sc_css_decl_vec decls;
    raw_vec raw;
    box_vec boxes;
    sc_font_face_rule *face; /* SC_DECL_FONT_FACE */
    const char *raw_url;
} block_out;

static char *lower_dup(sc_arena *a, const char *s)
{
    char *r = sc_arena_strdup(a, s);
    for (char *c = r; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    return r;
}

static void push_raw(sc_arena *a, raw_vec *v, sc_css_raw_decl d)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        v->items = sc_arena_realloc(a, v->items, v->cap * sizeof *v->items, cap * sizeof *v->items);
        v->cap = cap;
    }
    v->items[v->count++] = d;
}

/* One declaration from cvs[0..n) (starting with its ident); 5.4.6. */
static void declaration(sc_css_parser *p, const sc_css_cv *cvs, size_t n,
                        sc_css_decl_context context, block_out *out)
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
    if (context == SC_DECL_FONT_FACE) {
        sc_css_font_face_descriptor(p, name, cvs + i, n - i, out->face, &out->raw_url);
        return;
    }
    if (sc_css_declaration(p, name, cvs + i, n - i, important, context, &out->decls) == 0)
        push_raw(p->arena, &out->raw,
                 (sc_css_raw_decl){lower_dup(p->arena, name->value), cvs + i, n - i, important});
}

/* Margin boxes inside @page (CSS Paged Media 5.3): the six of the top and bottom edges are
 * drawn; the others are recognised so that they read as unsupported rather than as errors. */
static int margin_box(const char *name)
{
    static const char *const drawn[SC_MARGIN_BOX_COUNT] = {
        "top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right"};
    static const char *const others[] = {
        "top-left-corner", "top-right-corner", "bottom-left-corner", "bottom-right-corner",
        "left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom"};
    for (int i = 0; i < SC_MARGIN_BOX_COUNT; i++)
        if (sc_css_ieq(name, drawn[i]))
            return i;
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        if (sc_css_ieq(name, others[i]))
            return SC_MARGIN_BOX_COUNT;
    return -1;
}

static void declaration_list(sc_css_parser *p, const sc_css_cv *block, sc_css_decl_context context,
                             block_out *out);

static void add_margin_box(sc_css_parser *p, int pos, const sc_css_cv *block, box_vec *v)
{
    block_out box;
    memset(&box, 0, sizeof box);
    declaration_list(p, block, SC_DECL_MARGIN_BOX, &box);
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        v->items = sc_arena_realloc(p->arena, v->items, v->cap * sizeof *v->items,
                                    cap * sizeof *v->items);
        v->cap = cap;
    }
    v->items[v->count++] = (sc_css_margin_rule){(sc_margin_box_pos)pos, box.decls.items,
                                                box.decls.count, box.raw.items, box.raw.count};
}

/* 5.4.5: a block's contents as a list of declarations (and at-rules, which only @page allows). */
static void declaration_list(sc_css_parser *p, const sc_css_cv *block, sc_css_decl_context context,
                             block_out *out)
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
            int pos = context == SC_DECL_PAGE ? margin_box(cv->tok->value) : -1;
            if (pos >= 0 && pos < SC_MARGIN_BOX_COUNT && end < n && cvs[end].kind == SC_CV_BLOCK)
                add_margin_box(p, pos, &cvs[end], &out->boxes);
            else if (pos >= 0)
                sc_css_warn(p, cv->tok, "page margin box @%s is not supported (only the top and "
                            "bottom ones are); ignored", cv->tok->value);
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
    block_out out;
    memset(&out, 0, sizeof out);
    declaration_list(p, r->block, SC_DECL_STYLE, &out);
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
    rule->decls = finish_decls(&out.decls, &rule->ndecls);
    rule->line = r->start->line;
    rule->column = r->start->column;
    rule->prelude = r->prelude;
    rule->nprelude = r->nprelude;
    rule->raw = out.raw.items;
    rule->nraw = out.raw.count;
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
    block_out out;
    memset(&out, 0, sizeof out);
    declaration_list(p, r->block, SC_DECL_PAGE, &out);
    sc_stylesheet *s = b->sheet;
    if (s->npages == b->pages_cap) {
        size_t cap = b->pages_cap ? b->pages_cap * 2 : 4;
        s->pages = sc_arena_realloc(p->arena, s->pages, b->pages_cap * sizeof *s->pages,
                                    cap * sizeof *s->pages);
        b->pages_cap = cap;
    }
    sc_css_page_rule *rule = &s->pages[s->npages++];
    rule->pseudo = pseudo;
    rule->decls = finish_decls(&out.decls, &rule->ndecls);
    rule->line = r->start->line;
    rule->column = r->start->column;
    rule->raw = out.raw.items;
    rule->nraw = out.raw.count;
    rule->boxes = out.boxes.items;
    rule->nboxes = out.boxes.count;
}

/* @font-face { font-family; src; font-weight; font-style }: kept when it names a family and a
 * url() source. */
static void add_font_face(sheet_builder *b, const raw_rule *r)
{
    sc_css_parser *p = b->p;
    block_out out;
    memset(&out, 0, sizeof out);
    out.face = sc_arena_calloc(p->arena, 1, sizeof *out.face);
    out.face->weight = 400;
    out.face->sheet = p->name;
    declaration_list(p, r->block, SC_DECL_FONT_FACE, &out);
    if (!out.face->family || !out.face->src) {
        sc_css_warn(p, r->at, "@font-face without %s; skipped",
                    !out.face->family ? "a font-family" : "a url() in src");
        return;
    }
    sc_stylesheet *s = b->sheet;
    if (s->nfaces == b->faces_cap) {
        size_t cap = b->faces_cap ? b->faces_cap * 2 : 4;
        s->faces = sc_arena_realloc(p->arena, s->faces, b->faces_cap * sizeof *s->faces,
                                    cap * sizeof *s->faces);
        b->faces_cap = cap;
    }
    s->faces[s->nfaces++] = (sc_css_font_face){out.face, out.raw_url};
    sc_font_face_rule **tail = &s->font_faces;
    while (*tail)
        tail = &(*tail)->next;
    *tail = out.face;
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
    if (sc_css_ieq(name, "font-face")) {
        if (!r->block)
            sc_css_warn(b->p, r->at, "@font-face without a block; skipped");
        else
            add_font_face(b, r);
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
    sc_css_parser p = {arena, diags ? diags : &scratch, name ? sc_arena_strdup(arena, name) : NULL,
                       NULL, NULL, 0, 0};
    sc_css_tokens toks;
    sc_css_tokenize(arena, css, len, p.name, p.diags, &toks);
    sc_stylesheet *sheet = sc_arena_alloc(arena, sizeof *sheet);
    sheet->name = p.name;
    sheet_builder b = {&p, sheet, 0, 0, 0};
    token_stream s = {toks.items, 0, toks.count};
    rule_list(&b, &s);
    sc_diag_clear(&scratch);
    return sheet;
}

void sc_css_parse_inline(sc_css_parser *p, const char *css, size_t len, sc_css_decl_vec *out)
{
    sc_css_tokens toks;
    sc_diag_list lex;
    sc_diag_init(&lex);
    sc_css_tokenize(p->arena, css, len, p->name, &lex, &toks);
    for (size_t i = 0; i < lex.count; i++) /* placed at the node, like the parser's messages */
        sc_css_warn(p, NULL, "%s", lex.items[i].message ? lex.items[i].message : "");
    sc_diag_clear(&lex);
    /* The whole text is the contents of one {} block. */
    token_stream s = {toks.items, 0, toks.count};
    cv_vec items = {0};
    while (peek_tok(&s)->type != SC_TOK_EOF)
        cv_push(p->arena, &items, consume_cv(p, &s));
    sc_css_cv block = {SC_CV_BLOCK, &toks.items[toks.count - 1], items.items, items.count};
    block_out bo;
    memset(&bo, 0, sizeof bo);
    bo.decls = *out;
    declaration_list(p, &block, SC_DECL_STYLE, &bo);
    *out = bo.decls;
}
