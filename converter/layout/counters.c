/* counters.c — CSS generated content: counters (counter-reset / counter-increment with CSS
 * scoping) evaluated over the whole tree in document order, and the text of each element's
 * ::before / ::after content (strings, counter(), counters(), attr()). The block builder asks for
 * the text when it lays the element out, in whatever order that happens (footnotes come last). */
#include "counters.h"

#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "flow.h"

typedef struct instance {
    const char *name;
    int value;
    const sc_node *scope; /* popped when this node is left: the creator's parent */
} instance;

typedef struct generated {
    const sc_node *node;
    const char *before, *after;
    const sc_string_set *strings; /* string-set with its counters written out (NULL: as styled) */
} generated;

struct sc_counters {
    sc_arena *arena;
    instance *stack;
    size_t n, cap;
    generated *map;       /* open addressing by node pointer (lookups only: order-independent) */
    size_t nmap, capmap;
};

/* ---- number formats ------------------------------------------------------------------------- */

void sc_counter_format(int n, sc_list_style style, char *buf, size_t cap)
{
    if (!cap)
        return;
    switch (style) {
    case SC_LIST_NONE:
        buf[0] = '\0';
        return;
    case SC_LIST_DISC:
        snprintf(buf, cap, "\xE2\x80\xA2"); /* • */
        return;
    case SC_LIST_CIRCLE:
        snprintf(buf, cap, "\xE2\x97\xA6"); /* ◦ */
        return;
    case SC_LIST_SQUARE:
        snprintf(buf, cap, "\xE2\x96\xAA"); /* ▪ */
        return;
    default: /* numbers: written as the folios are (footer.c) */
        break;
    }
    sc_format_number(n, style, buf, cap);
}

/* ---- scopes --------------------------------------------------------------------------------- */

static instance *innermost(sc_counters *cs, const char *name)
{
    for (size_t i = cs->n; i > 0; i--)
        if (strcmp(cs->stack[i - 1].name, name) == 0)
            return &cs->stack[i - 1];
    return NULL;
}

static instance *push(sc_counters *cs, const char *name, int value, const sc_node *scope)
{
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? cs->cap * 2 : 16;
        cs->stack = sc_arena_realloc(cs->arena, cs->stack, cs->cap * sizeof *cs->stack,
                                     cap * sizeof *cs->stack);
        cs->cap = cap;
    }
    instance *in = &cs->stack[cs->n++];
    in->name = name;
    in->value = value;
    in->scope = scope;
    return in;
}

/* Apply a box's counter-reset then counter-increment. `scope` is the box's parent: an element's
 * parent node, or the element itself for its ::before / ::after (its first and last child).
 * `implicit` is where incrementing a counter nobody reset creates it: the element's parent even
 * for its pseudo-elements, so `h2::before { counter-increment: s }` alone numbers the h2s 1, 2, 3
 * as browsers do (a counter born inside the pseudo-element would die with its h2). */
static void enter(sc_counters *cs, const sc_node *scope, const sc_node *implicit,
                  const sc_style *st)
{
    for (const sc_counter_op *op = st->counter_reset; op; op = op->next) {
        if (!op->name)
            continue;
        /* A sibling's counter of that name is replaced, not nested (CSS 2.1 12.4.1). */
        instance *in = innermost(cs, op->name);
        if (in && in->scope == scope)
            in->value = op->value;
        else
            push(cs, op->name, op->value, scope);
    }
    for (const sc_counter_op *op = st->counter_increment; op; op = op->next) {
        if (!op->name)
            continue;
        instance *in = innermost(cs, op->name);
        if (!in)
            in = push(cs, op->name, 0, implicit);
        in->value += op->value;
    }
}

static void leave(sc_counters *cs, const sc_node *n)
{
    while (cs->n > 0 && cs->stack[cs->n - 1].scope == n)
        cs->n--;
}

/* ---- content text --------------------------------------------------------------------------- */

static const char *content_text(sc_counters *cs, const sc_node *n, const sc_content_part *parts)
{
    sc_buf b;
    sc_buf_init(&b);
    char num[64];
    for (const sc_content_part *p = parts; p; p = p->next) {
        switch (p->kind) {
        case SC_CONTENT_STRING:
            if (p->text)
                sc_buf_puts(&b, p->text);
            break;
        case SC_CONTENT_COUNTER: {
            instance *in = p->name ? innermost(cs, p->name) : NULL;
            sc_counter_format(in ? in->value : 0, p->list_style, num, sizeof num);
            sc_buf_puts(&b, num);
            break;
        }
        case SC_CONTENT_COUNTERS: {
            int any = 0;
            for (size_t i = 0; p->name && i < cs->n; i++) {
                if (strcmp(cs->stack[i].name, p->name) != 0)
                    continue;
                if (any && p->text)
                    sc_buf_puts(&b, p->text);
                sc_counter_format(cs->stack[i].value, p->list_style, num, sizeof num);
                sc_buf_puts(&b, num);
                any = 1;
            }
            if (!any) {
                sc_counter_format(0, p->list_style, num, sizeof num);
                sc_buf_puts(&b, num);
            }
            break;
        }
        case SC_CONTENT_ATTR: {
            const char *v = p->name ? sc_node_html_attr(n, p->name) : NULL;
            if (v)
                sc_buf_puts(&b, v);
            break;
        }
        default: /* string(), content(), page counters: only margin boxes and string-set */
            break;
        }
    }
    const char *out = b.len ? sc_arena_strndup(cs->arena, b.data, b.len) : NULL;
    sc_buf_free(&b);
    return out;
}

/* counter() / counters() of a document counter (page and pages belong to the margin boxes). */
static int is_document_counter(const sc_content_part *p)
{
    return (p->kind == SC_CONTENT_COUNTER || p->kind == SC_CONTENT_COUNTERS) && p->name &&
           strcmp(p->name, "page") != 0 && strcmp(p->name, "pages") != 0;
}

static int has_counters(const sc_string_set *ss)
{
    for (; ss; ss = ss->next)
        for (const sc_content_part *p = ss->content; p; p = p->next)
            if (is_document_counter(p))
                return 1;
    return 0;
}

/* A copy of an element's string-set whose counter() / counters() parts are the text they have at
 * the element (after its own counter ops); other parts are shared and evaluated by the block
 * builder (content() needs the laid-out text). */
static const sc_string_set *resolve_strings(sc_counters *cs, const sc_node *n,
                                            const sc_string_set *ss)
{
    sc_string_set *head = NULL, **tail = &head;
    for (; ss; ss = ss->next) {
        sc_string_set *copy = sc_arena_calloc(cs->arena, 1, sizeof *copy);
        copy->name = ss->name;
        sc_content_part *parts = NULL, **ptail = &parts;
        for (const sc_content_part *p = ss->content; p; p = p->next) {
            sc_content_part *q = sc_arena_calloc(cs->arena, 1, sizeof *q);
            *q = *p;
            q->next = NULL;
            if (is_document_counter(p)) {
                const char *t = content_text(cs, n, q);
                q->kind = SC_CONTENT_STRING;
                q->text = t ? t : "";
                q->name = NULL;
            }
            *ptail = q;
            ptail = &q->next;
        }
        copy->content = parts;
        *tail = copy;
        tail = &copy->next;
    }
    return head;
}

static size_t slot_of(const sc_counters *cs, const sc_node *n)
{
    size_t h = (size_t)(((uintptr_t)n >> 4) * 0x9E3779B97F4A7C15ULL);
    return h & (cs->capmap - 1);
}

static generated *find(const sc_counters *cs, const sc_node *n)
{
    if (!cs || !cs->capmap)
        return NULL;
    for (size_t i = slot_of(cs, n);; i = (i + 1) & (cs->capmap - 1)) {
        if (!cs->map[i].node)
            return NULL;
        if (cs->map[i].node == n)
            return &cs->map[i];
    }
}

static generated *slot(sc_counters *cs, const sc_node *n)
{
    if ((cs->nmap + 1) * 2 > cs->capmap) {
        size_t cap = cs->capmap ? cs->capmap * 2 : 64;
        generated *old = cs->map;
        size_t oldcap = cs->capmap;
        cs->map = sc_arena_calloc(cs->arena, cap, sizeof *cs->map);
        cs->capmap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].node)
                *slot(cs, old[i].node) = old[i];
    }
    size_t i = slot_of(cs, n);
    while (cs->map[i].node && cs->map[i].node != n)
        i = (i + 1) & (cs->capmap - 1);
    if (!cs->map[i].node) {
        cs->map[i].node = n;
        cs->nmap++;
    }
    return &cs->map[i];
}

/* The elements styles see (TEXT and SOFT_BREAK share their parent's style). */
static const sc_style *element_style(const sc_node *n)
{
    return n->style && sc_node_element(n) ? n->style : NULL;
}

sc_counters *sc_counters_build(const sc_document *doc, sc_arena *arena)
{
    sc_counters *cs = sc_arena_calloc(arena, 1, sizeof *cs);
    cs->arena = arena;
    const sc_node *root = doc->root;
    const sc_node *n = root;
    while (n) {
        const sc_style *st = element_style(n);
        int skip = st && st->display_none; /* display: none elements count nothing */
        if (st && !skip) {
            enter(cs, n->parent, n->parent, st);
            if (has_counters(st->string_set))
                slot(cs, n)->strings = resolve_strings(cs, n, st->string_set);
            /* ::before is the element's first child: its counter ops come before its content. */
            if (st->before) {
                if (st->before_style && st->before_style != st)
                    enter(cs, n, n->parent, st->before_style);
                const char *t = content_text(cs, n, st->before);
                if (t)
                    slot(cs, n)->before = t;
            }
        }
        if (n->first_child && !skip) {
            n = n->first_child;
            continue;
        }
        /* Leave n and every ancestor whose last child it was. */
        while (n) {
            const sc_style *ls = element_style(n);
            if (ls && !ls->display_none && ls->after) {
                /* ::after is the last child: after the element's children, inside its scope. */
                if (ls->after_style && ls->after_style != ls)
                    enter(cs, n, n->parent, ls->after_style);
                const char *t = content_text(cs, n, ls->after);
                if (t)
                    slot(cs, n)->after = t;
            }
            leave(cs, n);
            if (n == root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    return cs;
}

const char *sc_counters_before(const sc_counters *cs, const sc_node *n)
{
    const generated *g = find(cs, n);
    return g ? g->before : NULL;
}

const char *sc_counters_after(const sc_counters *cs, const sc_node *n)
{
    const generated *g = find(cs, n);
    return g ? g->after : NULL;
}

const sc_string_set *sc_counters_string_set(const sc_counters *cs, const sc_node *n,
                                            const sc_string_set *styled)
{
    const generated *g = find(cs, n);
    return g && g->strings ? g->strings : styled;
}
