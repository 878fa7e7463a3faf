/* css_selector.c — selector lists (Selectors Level 3 subset): type, universal, class, id,
 * attribute, :root, :first-child, ::before/::after, descendant, child and sibling combinators;
 * specificity; matching against document nodes. */
#include <string.h>

#include "css.h"

/* ---- Parsing ---------------------------------------------------------------------------------- */

typedef struct simple_vec {
    sc_css_simple *items;
    size_t count, cap;
} simple_vec;

typedef struct compound_vec {
    sc_css_compound *items;
    size_t count, cap;
} compound_vec;

static int is_tok(const sc_css_cv *cv, sc_css_token_type type)
{
    return cv->kind == SC_CV_TOKEN && cv->tok->type == type;
}

static int is_delim(const sc_css_cv *cv, uint32_t c)
{
    return is_tok(cv, SC_TOK_DELIM) && cv->tok->delim == c;
}

static char *lowercase(sc_arena *a, const char *s)
{
    char *r = sc_arena_strdup(a, s);
    for (char *c = r; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    return r;
}

static void push_simple(sc_arena *a, simple_vec *v, sc_css_simple s)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        v->items = sc_arena_realloc(a, v->items, v->cap * sizeof *v->items, cap * sizeof *v->items);
        v->cap = cap;
    }
    v->items[v->count++] = s;
}

static void push_compound(sc_arena *a, compound_vec *v, sc_css_compound c)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        v->items = sc_arena_realloc(a, v->items, v->cap * sizeof *v->items, cap * sizeof *v->items);
        v->cap = cap;
    }
    v->items[v->count++] = c;
}

/* [name], [name=value], [name~=value] ...: the contents of a [] block (Selectors 3, 6.3). */
static int parse_attribute(sc_css_parser *p, const sc_css_cv *block, sc_css_simple *out)
{
    const sc_css_cv *v[5];
    size_t n = 0;
    for (size_t i = 0; i < block->count; i++) {
        if (is_tok(&block->items[i], SC_TOK_WHITESPACE))
            continue;
        if (n == 5)
            goto bad;
        v[n++] = &block->items[i];
    }
    memset(out, 0, sizeof *out);
    out->kind = SC_SIMPLE_ATTR;
    if (n < 1 || !is_tok(v[0], SC_TOK_IDENT))
        goto bad;
    out->name = lowercase(p->arena, v[0]->tok->value);
    out->op = SC_ATTR_EXISTS;
    if (n == 1)
        return 0;
    size_t k = 1;
    static const struct { uint32_t c; sc_css_attr_op op; } ops[] = {
        {'~', SC_ATTR_INCLUDES}, {'|', SC_ATTR_DASH}, {'^', SC_ATTR_PREFIX},
        {'$', SC_ATTR_SUFFIX},   {'*', SC_ATTR_SUBSTRING}};
    if (is_delim(v[k], '=')) {
        out->op = SC_ATTR_EQUALS;
        k++;
    } else {
        size_t o = 0;
        while (o < sizeof ops / sizeof *ops && !is_delim(v[k], ops[o].c))
            o++;
        /* The operator's two characters must touch: "~=" is two tokens in a row. */
        if (o == sizeof ops / sizeof *ops || k + 1 >= n || !is_delim(v[k + 1], '=') ||
            v[k + 1]->tok != v[k]->tok + 1)
            goto bad;
        out->op = ops[o].op;
        k += 2;
    }
    if (k >= n || !(is_tok(v[k], SC_TOK_IDENT) || is_tok(v[k], SC_TOK_STRING)))
        goto bad;
    out->value = v[k]->tok->value;
    k++;
    /* A trailing "i" or "s" flag (Selectors 4): case sensitivity is kept as written. */
    if (k < n && (sc_css_ident_is(v[k], "i") || sc_css_ident_is(v[k], "s")))
        k++;
    if (k == n)
        return 0;
bad:
    sc_css_warn(p, block->tok, "invalid attribute selector; rule skipped");
    return -1;
}

/* Parse one compound selector starting at cvs[*i]; returns -1 (after a warning) when invalid.
 * A pseudo-element (::before, ::after, or the old :before, :after) ends it; *pseudo says which. */
static int parse_compound(sc_css_parser *p, const sc_css_cv *cvs, size_t n, size_t *i,
                          sc_css_compound *out, unsigned spec[3], sc_css_pseudo *pseudo)
{
    simple_vec simples = {0};
    size_t k = *i;
    memset(out, 0, sizeof *out);
    *pseudo = SC_PSEUDO_NONE;
    if (k < n && is_tok(&cvs[k], SC_TOK_IDENT)) {
        out->element = lowercase(p->arena, cvs[k].tok->value);
        spec[2]++;
        k++;
    } else if (k < n && is_delim(&cvs[k], '*')) {
        k++;
    }
    while (k < n) {
        const sc_css_cv *cv = &cvs[k];
        if (*pseudo != SC_PSEUDO_NONE &&
            (is_tok(cv, SC_TOK_HASH) || is_delim(cv, '.') || is_tok(cv, SC_TOK_COLON) ||
             (cv->kind == SC_CV_BLOCK && cv->tok->type == SC_TOK_LBRACKET))) {
            sc_css_warn(p, cv->tok, "nothing may follow a pseudo-element; rule skipped");
            return -1;
        }
        if (is_tok(cv, SC_TOK_HASH)) {
            if (!cv->tok->hash_id) {
                sc_css_warn(p, cv->tok, "invalid id selector '#%s'", cv->tok->value);
                return -1;
            }
            push_simple(p->arena, &simples, (sc_css_simple){SC_SIMPLE_ID, cv->tok->value, NULL, 0});
            spec[0]++;
            k++;
        } else if (is_delim(cv, '.')) {
            if (k + 1 >= n || !is_tok(&cvs[k + 1], SC_TOK_IDENT)) {
                sc_css_warn(p, cv->tok, "expected a class name after '.'");
                return -1;
            }
            push_simple(p->arena, &simples, (sc_css_simple){SC_SIMPLE_CLASS, cvs[k + 1].tok->value, NULL, 0});
            spec[1]++;
            k += 2;
        } else if (is_tok(cv, SC_TOK_COLON)) {
            int two = k + 1 < n && is_tok(&cvs[k + 1], SC_TOK_COLON);
            size_t at = k + 1 + (size_t)two;
            const char *name = at < n && is_tok(&cvs[at], SC_TOK_IDENT) ? cvs[at].tok->value : NULL;
            if (name && (sc_css_ieq(name, "before") || sc_css_ieq(name, "after"))) {
                *pseudo = sc_css_ieq(name, "before") ? SC_PSEUDO_BEFORE : SC_PSEUDO_AFTER;
                spec[2]++; /* a pseudo-element counts as a type */
                k = at + 1;
                continue;
            }
            if (two) {
                sc_css_warn(p, cv->tok, "pseudo-element '::%s' is not supported; rule skipped",
                            at < n && cvs[at].kind != SC_CV_BLOCK ? cvs[at].tok->value : "");
                return -1;
            }
            if (name) {
                char *lower = lowercase(p->arena, name);
                sc_css_simple_kind kind = strcmp(lower, "root") == 0          ? SC_SIMPLE_ROOT
                                        : strcmp(lower, "first-child") == 0   ? SC_SIMPLE_FIRST_CHILD
                                                                              : SC_SIMPLE_CLASS;
                if (kind != SC_SIMPLE_CLASS) {
                    push_simple(p->arena, &simples, (sc_css_simple){kind, lower, NULL, 0});
                    spec[1]++;
                    k += 2;
                    continue;
                }
                sc_css_warn(p, cv->tok, "pseudo-class ':%s' is not supported; rule skipped", name);
                return -1;
            }
            if (k + 1 < n && cvs[k + 1].kind == SC_CV_FUNCTION) {
                sc_css_warn(p, cv->tok, "pseudo-class ':%s()' is not supported; rule skipped",
                            cvs[k + 1].tok->value);
                return -1;
            }
            sc_css_warn(p, cv->tok, "expected a pseudo-class name after ':'");
            return -1;
        } else if (cv->kind == SC_CV_BLOCK && cv->tok->type == SC_TOK_LBRACKET) {
            sc_css_simple attr;
            if (parse_attribute(p, cv, &attr) != 0)
                return -1;
            push_simple(p->arena, &simples, attr);
            spec[1]++;
            k++;
        } else {
            break;
        }
    }
    if (k == *i) {
        sc_css_warn(p, cvs[k < n ? k : n - 1].tok, "expected a selector");
        return -1;
    }
    out->simples = simples.items;
    out->nsimples = simples.count;
    *i = k;
    return 0;
}

/* One complex selector in cvs[0..n) (whitespace already trimmed at both ends). */
static int parse_complex(sc_css_parser *p, const sc_css_cv *cvs, size_t n, sc_css_selector *out)
{
    compound_vec compounds = {0};
    unsigned spec[3] = {0, 0, 0}; /* ids, classes and pseudo-classes, types */
    size_t i = 0;
    sc_css_combinator comb = SC_COMB_NONE;
    sc_css_pseudo pseudo = SC_PSEUDO_NONE;
    for (;;) {
        sc_css_compound c;
        if (parse_compound(p, cvs, n, &i, &c, spec, &pseudo) != 0)
            return -1;
        c.comb = comb;
        push_compound(p->arena, &compounds, c);
        if (i == n)
            break;
        if (pseudo != SC_PSEUDO_NONE) {
            sc_css_warn(p, cvs[i].tok, "a pseudo-element must end the selector; rule skipped");
            return -1;
        }
        /* A combinator: whitespace, or ">" with optional whitespace around it. */
        int ws = 0;
        while (i < n && is_tok(&cvs[i], SC_TOK_WHITESPACE)) {
            i++;
            ws = 1;
        }
        comb = SC_COMB_DESCENDANT;
        if (i < n && is_delim(&cvs[i], '>')) {
            comb = SC_COMB_CHILD;
            i++;
            while (i < n && is_tok(&cvs[i], SC_TOK_WHITESPACE))
                i++;
        } else if (i < n && (is_delim(&cvs[i], '+') || is_delim(&cvs[i], '~'))) {
            comb = is_delim(&cvs[i], '+') ? SC_COMB_NEXT_SIBLING : SC_COMB_SUBSEQUENT_SIBLING;
            i++;
            while (i < n && is_tok(&cvs[i], SC_TOK_WHITESPACE))
                i++;
        } else if (!ws) {
            const sc_css_token *t = cvs[i].tok;
            sc_css_warn(p, t, "unexpected %s in selector", sc_css_token_type_name(t->type));
            return -1;
        }
        if (i == n) {
            sc_css_warn(p, cvs[n - 1].tok, "selector ends with a combinator");
            return -1;
        }
    }
    /* Specificity components saturate at 255 each instead of carrying into the next. */
    for (int k = 0; k < 3; k++)
        if (spec[k] > 255)
            spec[k] = 255;
    out->compounds = compounds.items;
    out->ncompounds = compounds.count;
    out->specificity = spec[0] << 16 | spec[1] << 8 | spec[2];
    out->pseudo = pseudo;
    return 0;
}

int sc_css_parse_selectors(sc_css_parser *p, const sc_css_token *rule_start, const sc_css_cv *prelude,
                           size_t count, sc_css_selector **out, size_t *nout)
{
    size_t nsel = 1;
    for (size_t i = 0; i < count; i++)
        nsel += is_tok(&prelude[i], SC_TOK_COMMA);
    sc_css_selector *sels = sc_arena_calloc(p->arena, nsel, sizeof *sels);
    size_t start = 0, k = 0;
    for (size_t i = 0; i <= count; i++) {
        if (i < count && !is_tok(&prelude[i], SC_TOK_COMMA))
            continue;
        size_t a = start, b = i;
        while (a < b && is_tok(&prelude[a], SC_TOK_WHITESPACE))
            a++;
        while (b > a && is_tok(&prelude[b - 1], SC_TOK_WHITESPACE))
            b--;
        if (a == b) {
            const sc_css_token *at = i < count ? prelude[i].tok : count ? prelude[count - 1].tok : rule_start;
            sc_css_warn(p, at, "empty selector; rule skipped");
            return -1;
        }
        if (parse_complex(p, prelude + a, b - a, &sels[k++]) != 0)
            return -1;
        start = i + 1;
    }
    *out = sels;
    *nout = k;
    return 0;
}

/* ---- Matching --------------------------------------------------------------------------------- */

/* The virtual `html` element above the DOCUMENT node (never written to). */
static const sc_node html_root = {.type = SC_NODE_TYPE_COUNT};

static const sc_node *parent_element(const sc_node *n)
{
    if (n == &html_root)
        return NULL;
    if (!n->parent)
        return n->type == SC_NODE_DOCUMENT ? &html_root : NULL;
    return n->parent;
}

static int has_class(const char *list, const char *name)
{
    size_t len = strlen(name);
    for (const char *s = list; s && *s;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
            s++;
        const char *e = s;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r' && *e != '\f')
            e++;
        if ((size_t)(e - s) == len && len && memcmp(s, name, len) == 0)
            return 1;
        s = e;
    }
    return 0;
}

static int attr_matches(const sc_css_simple *s, const char *v)
{
    if (!v)
        return 0;
    size_t vl = strlen(v), sl = s->value ? strlen(s->value) : 0;
    switch (s->op) {
    case SC_ATTR_EXISTS: return 1;
    case SC_ATTR_EQUALS: return strcmp(v, s->value) == 0;
    case SC_ATTR_INCLUDES: return has_class(v, s->value);
    case SC_ATTR_DASH:
        return strncmp(v, s->value, sl) == 0 && (v[sl] == '\0' || v[sl] == '-');
    case SC_ATTR_PREFIX: return sl && strncmp(v, s->value, sl) == 0;
    case SC_ATTR_SUFFIX: return sl && vl >= sl && strcmp(v + vl - sl, s->value) == 0;
    case SC_ATTR_SUBSTRING: return sl && strstr(v, s->value) != NULL;
    }
    return 0;
}

/* The element just before `n` among its siblings, NULL when none: text, soft breaks and raw HTML
 * (kept for the record only, no element of the output) do not count. The body (the DOCUMENT node)
 * and the html root have no sibling elements here. */
static const sc_node *prev_element(const sc_node *n)
{
    if (n == &html_root || !n->parent)
        return NULL;
    for (const sc_node *s = n->prev; s; s = s->prev)
        if (sc_node_element(s) && s->type != SC_NODE_HTML_BLOCK && s->type != SC_NODE_HTML_INLINE)
            return s;
    return NULL;
}

/* :first-child: no element before it among its siblings. */
static int is_first_child(const sc_node *n)
{
    if (!n->parent)
        return 0; /* the body: the head comes before it in HTML */
    return prev_element(n) == NULL;
}

static int compound_matches(const sc_css_compound *c, const sc_node *n)
{
    if (c->element) {
        const char *name = n == &html_root ? "html" : sc_node_element(n);
        if (!name || strcmp(name, c->element) != 0)
            return 0;
    }
    for (size_t i = 0; i < c->nsimples; i++) {
        const sc_css_simple *s = &c->simples[i];
        switch (s->kind) {
        case SC_SIMPLE_CLASS:
            if (n == &html_root || !has_class(n->class_name, s->name))
                return 0;
            break;
        case SC_SIMPLE_ID:
            if (n == &html_root || !n->id || strcmp(n->id, s->name) != 0)
                return 0;
            break;
        case SC_SIMPLE_ROOT:
            if (n != &html_root)
                return 0;
            break;
        case SC_SIMPLE_FIRST_CHILD:
            if (n == &html_root || !is_first_child(n))
                return 0;
            break;
        case SC_SIMPLE_ATTR:
            if (n == &html_root || !attr_matches(s, sc_node_html_attr(n, s->name)))
                return 0;
            break;
        }
    }
    return 1;
}

/* Does compounds[0..k] match with compounds[k] on `n`? Descendant and subsequent-sibling
 * combinators backtrack over every candidate. */
static int match_from(const sc_css_compound *cs, size_t k, const sc_node *n)
{
    if (!compound_matches(&cs[k], n))
        return 0;
    if (k == 0)
        return 1;
    const sc_node *a;
    switch (cs[k].comb) {
    case SC_COMB_CHILD:
        a = parent_element(n);
        return a && match_from(cs, k - 1, a);
    case SC_COMB_NEXT_SIBLING:
        a = prev_element(n);
        return a && match_from(cs, k - 1, a);
    case SC_COMB_SUBSEQUENT_SIBLING:
        for (a = prev_element(n); a; a = prev_element(a))
            if (match_from(cs, k - 1, a))
                return 1;
        return 0;
    case SC_COMB_NONE:
    case SC_COMB_DESCENDANT:
        break;
    }
    for (a = parent_element(n); a; a = parent_element(a))
        if (match_from(cs, k - 1, a))
            return 1;
    return 0;
}

int sc_css_selector_matches(const sc_css_selector *sel, const sc_node *node)
{
    if (!sel->ncompounds)
        return 0;
    return match_from(sel->compounds, sel->ncompounds - 1, node ? node : &html_root);
}
