/* css_content.c — generated content values (CSS Generated Content 3, CSS GCPM 3): `content`,
 * counter-reset, counter-increment and string-set, parsed into the lists style.h describes. */
#include <string.h>

#include "css.h"

static int is_tok(const sc_css_cv *cv, sc_css_token_type type)
{
    return cv->kind == SC_CV_TOKEN && cv->tok->type == type;
}

/* A function's arguments: the non-whitespace values between commas; arg[i] holds the values of
 * argument i and len[i] counts them (at most 4 arguments of at most 4 values). */
typedef struct fn_args {
    const sc_css_cv *arg[4][4];
    size_t len[4];
    size_t count;
} fn_args;

static int split_args(const sc_css_cv *fn, fn_args *a)
{
    memset(a, 0, sizeof *a);
    size_t k = 0;
    int any = 0;
    for (size_t i = 0; i < fn->count; i++) {
        const sc_css_cv *cv = &fn->items[i];
        if (is_tok(cv, SC_TOK_WHITESPACE))
            continue;
        if (is_tok(cv, SC_TOK_COMMA)) {
            if (a->len[k] == 0 || ++k == 4)
                return -1;
            continue;
        }
        if (a->len[k] == 4)
            return -1;
        a->arg[k][a->len[k]++] = cv;
        any = 1;
    }
    if (any && a->len[k] == 0)
        return -1; /* a trailing comma */
    a->count = any ? k + 1 : 0;
    return 0;
}

/* One identifier argument (a counter or attribute name). */
static const char *ident_arg(const fn_args *a, size_t i)
{
    if (i >= a->count || a->len[i] != 1 || !is_tok(a->arg[i][0], SC_TOK_IDENT))
        return NULL;
    return a->arg[i][0]->tok->value;
}

static int list_style_arg(const fn_args *a, size_t i, sc_list_style *out)
{
    *out = SC_LIST_DECIMAL;
    if (i >= a->count)
        return 0;
    return a->len[i] == 1 ? sc_css_list_style_by_name(a->arg[i][0], out) : -1;
}

static sc_content_part *new_part(sc_arena *arena, sc_content_kind kind)
{
    sc_content_part *part = sc_arena_calloc(arena, 1, sizeof *part);
    part->kind = kind;
    part->list_style = SC_LIST_DECIMAL;
    return part;
}

/* One part of a content list; NULL when the value is not one. `*skip` is set for parts that
 * produce nothing (no-open-quote). */
static sc_content_part *content_part(sc_css_parser *p, const sc_css_cv *cv, int *skip)
{
    *skip = 0;
    if (is_tok(cv, SC_TOK_STRING)) {
        sc_content_part *part = new_part(p->arena, SC_CONTENT_STRING);
        part->text = cv->tok->value;
        return part;
    }
    if (sc_css_ident_is(cv, "open-quote") || sc_css_ident_is(cv, "close-quote")) {
        sc_content_part *part = new_part(p->arena, SC_CONTENT_STRING);
        part->text = sc_css_ident_is(cv, "open-quote") ? "\xE2\x80\x9C" : "\xE2\x80\x9D";
        return part;
    }
    if (sc_css_ident_is(cv, "no-open-quote") || sc_css_ident_is(cv, "no-close-quote")) {
        *skip = 1;
        return NULL;
    }
    if (cv->kind != SC_CV_FUNCTION)
        return NULL;
    const char *fn = cv->tok->value;
    fn_args a;
    if (split_args(cv, &a) != 0)
        return NULL;
    sc_content_part *part = NULL;
    if (sc_css_ieq(fn, "counter") && a.count >= 1 && a.count <= 2 && ident_arg(&a, 0)) {
        const char *name = ident_arg(&a, 0);
        sc_content_kind kind = sc_css_ieq(name, "page")    ? SC_CONTENT_PAGE
                             : sc_css_ieq(name, "pages")   ? SC_CONTENT_PAGES
                                                           : SC_CONTENT_COUNTER;
        part = new_part(p->arena, kind);
        part->name = name;
        if (list_style_arg(&a, 1, &part->list_style) != 0)
            return NULL;
    } else if (sc_css_ieq(fn, "counters") && a.count >= 2 && a.count <= 3 && ident_arg(&a, 0) &&
               a.len[1] == 1 && is_tok(a.arg[1][0], SC_TOK_STRING)) {
        part = new_part(p->arena, SC_CONTENT_COUNTERS);
        part->name = ident_arg(&a, 0);
        part->text = a.arg[1][0]->tok->value;
        if (list_style_arg(&a, 2, &part->list_style) != 0)
            return NULL;
    } else if (sc_css_ieq(fn, "attr") && a.count == 1 && a.len[0] >= 1 &&
               is_tok(a.arg[0][0], SC_TOK_IDENT)) {
        /* attr(name type?) of CSS Values 5: the type is read and dropped (always text here). */
        part = new_part(p->arena, SC_CONTENT_ATTR);
        part->name = a.arg[0][0]->tok->value;
        for (char *c = (char *)(part->name = sc_arena_strdup(p->arena, part->name)); *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c + 32);
    } else if (sc_css_ieq(fn, "string") && a.count >= 1 && a.count <= 2 && ident_arg(&a, 0)) {
        /* string(name, first | start | last | first-except): which assignment on the page is
         * used is the page builder's choice; the keyword is checked and dropped. */
        static const char *const which[] = {"first", "start", "last", "first-except"};
        if (a.count == 2) {
            int ok = 0;
            for (size_t i = 0; i < 4; i++)
                ok |= a.len[1] == 1 && sc_css_ident_is(a.arg[1][0], which[i]);
            if (!ok)
                return NULL;
        }
        part = new_part(p->arena, SC_CONTENT_STRING_REF);
        part->name = ident_arg(&a, 0);
    } else if (sc_css_ieq(fn, "content") && a.count <= 1) {
        static const char *const what[] = {"text", "before", "after", "first-letter", "marker"};
        if (a.count == 1) {
            int ok = 0;
            for (size_t i = 0; i < 5; i++)
                ok |= a.len[0] == 1 && sc_css_ident_is(a.arg[0][0], what[i]);
            if (!ok)
                return NULL;
        }
        part = new_part(p->arena, SC_CONTENT_ELEMENT_TEXT);
    }
    return part;
}

/* A list of parts from vals->v[from .. from+n); -1 when one is not a part. */
static int content_list(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                        const sc_content_part **out)
{
    sc_content_part *head = NULL, **tail = &head;
    for (size_t i = from; i < from + n; i++) {
        const sc_css_cv *cv = vals->v[i];
        if (cv->kind == SC_CV_TOKEN && cv->tok->type == SC_TOK_DELIM && cv->tok->delim == '/')
            break; /* "/ alt text" for speech: not used in print */
        int skip;
        sc_content_part *part = content_part(p, cv, &skip);
        if (skip)
            continue;
        if (!part)
            return -1;
        *tail = part;
        tail = &part->next;
    }
    *out = head;
    return 0;
}

int sc_css_parse_content(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                         sc_css_value *out)
{
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_CONTENT;
    if (n == 1 && (sc_css_ident_is(vals->v[from], "none") ||
                   sc_css_ident_is(vals->v[from], "normal"))) {
        out->keyword = sc_css_ident_is(vals->v[from], "normal") ? SC_KW_NORMAL : 0;
        return 0;
    }
    if (n == 0 || content_list(p, vals, from, n, &out->content) != 0)
        return -1;
    /* Only "no-open-quote" and the like: an empty string, still a box. */
    if (!out->content) {
        sc_content_part *empty = new_part(p->arena, SC_CONTENT_STRING);
        empty->text = "";
        out->content = empty;
    }
    return 0;
}

static int is_reserved_name(const sc_css_cv *cv)
{
    static const char *const names[] = {"none", "inherit", "initial", "unset", "default",
                                        "revert"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (sc_css_ident_is(cv, names[i]))
            return 1;
    return 0;
}

/* none | [<counter-name> <integer>?]+ */
static int counter_ops(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                       int default_value, sc_css_value *out)
{
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_COUNTERS;
    if (n == 1 && sc_css_ident_is(vals->v[from], "none"))
        return 0;
    sc_counter_op *head = NULL, **tail = &head;
    for (size_t i = from; i < from + n; i++) {
        const sc_css_cv *cv = vals->v[i];
        if (!is_tok(cv, SC_TOK_IDENT) || is_reserved_name(cv))
            return -1;
        sc_counter_op *op = sc_arena_calloc(p->arena, 1, sizeof *op);
        op->name = cv->tok->value;
        op->value = default_value;
        if (i + 1 < from + n && is_tok(vals->v[i + 1], SC_TOK_NUMBER)) {
            const sc_css_token *num = vals->v[i + 1]->tok;
            if (!num->is_integer)
                return -1;
            double v = num->number;
            op->value = v > 1e9 ? 1000000000 : v < -1e9 ? -1000000000 : (int)v;
            i++;
        }
        *tail = op;
        tail = &op->next;
    }
    out->counters = head;
    return head ? 0 : -1;
}

int sc_css_parse_counter_reset(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                               sc_css_value *out)
{
    return counter_ops(p, vals, from, n, 0, out);
}

int sc_css_parse_counter_increment(sc_css_parser *p, const sc_css_values *vals, size_t from,
                                   size_t n, sc_css_value *out)
{
    return counter_ops(p, vals, from, n, 1, out);
}

/* none | [<custom-ident> <content-list>]# */
int sc_css_parse_string_set(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                            sc_css_value *out)
{
    memset(out, 0, sizeof *out);
    out->kind = SC_VAL_STRINGS;
    if (n == 1 && sc_css_ident_is(vals->v[from], "none"))
        return 0;
    sc_string_set *head = NULL, **tail = &head;
    size_t i = from, end = from + n;
    while (i < end) {
        size_t j = i;
        while (j < end && !is_tok(vals->v[j], SC_TOK_COMMA))
            j++;
        if (j - i < 2 || !is_tok(vals->v[i], SC_TOK_IDENT) || is_reserved_name(vals->v[i]))
            return -1;
        sc_string_set *set = sc_arena_calloc(p->arena, 1, sizeof *set);
        set->name = vals->v[i]->tok->value;
        if (content_list(p, vals, i + 1, j - i - 1, &set->content) != 0)
            return -1;
        for (const sc_content_part *part = set->content; part; part = part->next)
            if (part->kind == SC_CONTENT_STRING_REF || part->kind == SC_CONTENT_PAGES)
                return -1; /* a named string is made of the element's own content */
        *tail = set;
        tail = &set->next;
        if (j < end && j + 1 == end)
            return -1; /* a trailing comma */
        i = j + 1;
    }
    out->strings = head;
    return head ? 0 : -1;
}
