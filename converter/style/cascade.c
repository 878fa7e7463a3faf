/* cascade.c — selector matching and the cascade (origin and importance, then specificity, then
 * source order) for every node, with sharing: nodes whose parents share a style and whose matched
 * rules are the same get the same computed style, so a book's thousands of paragraphs cost one.
 * Every node is matched in full before the cache is asked (the key is what matched), so rules that
 * depend on siblings (h2 + p) or ancestors cannot leak to a node they do not match.
 * Inline style="" declarations win over every selector (CSS Style Attributes, 3); ::before and
 * ::after get their own computed styles, inheriting from their element. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "compute.h"

/* The specificity inline declarations cascade with: above any selector's. */
enum { INLINE_SPECIFICITY = 0xFFFFFF };

/* A rule of one sheet together with where it stands in the cascade. */
typedef struct ranked_rule {
    const sc_css_style_rule *rule;
    unsigned origin; /* 0 user agent, 1 author */
    unsigned index;  /* position across all sheets: the source order */
    unsigned pseudo_mask; /* bit p set: some selector styles pseudo-element p (bit 0: none) */
} ranked_rule;

typedef struct match {
    unsigned index;       /* ranked_rule index */
    unsigned specificity; /* the highest among the rule's selectors that match */
} match;

typedef struct entry {
    const sc_css_decl *decl;
    unsigned long long key;
} entry;

enum { CACHE_SIZE = 256 };

typedef struct cache_slot {
    unsigned parent_serial;
    match *sig;
    size_t nsig;
    sc_computed *style;
} cache_slot;

typedef struct cascade {
    sc_arena *arena;
    ranked_rule *rules;
    size_t nrules;
    int has_pseudo;   /* some selector ends in ::before / ::after */
    match *matches;   /* scratch, 3 * nrules + 2 long: element, before, after matches */
    entry *entries;   /* scratch */
    size_t entries_cap;
    sc_compute_ctx ctx;
    cache_slot cache[CACHE_SIZE];
} cascade;

/* The rules matching `node` (or its pseudo-element), written to out[]; returns how many. */
static size_t collect_matches(cascade *c, const sc_node *node, sc_css_pseudo pseudo, match *out)
{
    const char *element = node ? sc_node_element(node) : "html";
    size_t n = 0;
    for (size_t i = 0; i < c->nrules; i++) {
        if (!(c->rules[i].pseudo_mask & (1u << pseudo)))
            continue;
        const sc_css_style_rule *r = c->rules[i].rule;
        unsigned best = 0;
        int hit = 0;
        for (size_t s = 0; s < r->nselectors; s++) {
            const sc_css_selector *sel = &r->selectors[s];
            if (sel->pseudo != pseudo)
                continue;
            /* Most selectors end in an element name: a quick test before the full match. */
            const char *last = sel->ncompounds ? sel->compounds[sel->ncompounds - 1].element : NULL;
            if (last && (!element || strcmp(last, element) != 0))
                continue;
            if ((!hit || sel->specificity > best) && sc_css_selector_matches(sel, node)) {
                best = sel->specificity;
                hit = 1;
            }
        }
        if (hit)
            out[n++] = (match){(unsigned)i, best};
    }
    return n;
}

static int by_key(const void *a, const void *b)
{
    unsigned long long x = ((const entry *)a)->key, y = ((const entry *)b)->key;
    return x < y ? -1 : x > y;
}

/* The winning declaration of each property among the matched rules and the inline ones. */
static void winners(cascade *c, const match *m, size_t nm, const sc_css_decl_vec *inline_decls,
                    const sc_css_decl *win[SC_PROP_COUNT])
{
    memset(win, 0, sizeof(*win) * SC_PROP_COUNT);
    size_t n = inline_decls ? inline_decls->count : 0;
    for (size_t i = 0; i < nm; i++)
        n += c->rules[m[i].index].rule->ndecls;
    if (n > c->entries_cap) {
        c->entries = sc_arena_realloc(c->arena, c->entries, c->entries_cap * sizeof *c->entries,
                                      n * sizeof *c->entries);
        c->entries_cap = n;
    }
    n = 0;
    for (size_t i = 0; i < nm; i++) {
        const ranked_rule *rr = &c->rules[m[i].index];
        for (size_t d = 0; d < rr->rule->ndecls; d++) {
            const sc_css_decl *decl = &rr->rule->decls[d];
            /* CSS Cascade 4, 6.1: UA normal < author normal < author important < UA important;
             * then specificity; then order (rule position, then declaration position). */
            unsigned rank = decl->important ? (rr->origin ? 2u : 3u) : rr->origin;
            unsigned long long key = (unsigned long long)rank << 60 |
                                     (unsigned long long)(m[i].specificity & 0xFFFFFF) << 36 |
                                     (unsigned long long)(rr->index & 0xFFFFF) << 16 |
                                     (unsigned long long)(d & 0xFFFF);
            c->entries[n++] = (entry){decl, key};
        }
    }
    for (size_t d = 0; inline_decls && d < inline_decls->count; d++) {
        const sc_css_decl *decl = &inline_decls->items[d];
        unsigned long long key = (unsigned long long)(decl->important ? 2u : 1u) << 60 |
                                 (unsigned long long)INLINE_SPECIFICITY << 36 |
                                 (unsigned long long)0xFFFFF << 16 | (unsigned long long)(d & 0xFFFF);
        c->entries[n++] = (entry){decl, key};
    }
    if (n > 1)
        qsort(c->entries, n, sizeof *c->entries, by_key);
    for (size_t i = 0; i < n; i++)
        win[c->entries[i].decl->prop] = c->entries[i].decl;
}

static unsigned hash_sig(unsigned parent_serial, const match *m, size_t n)
{
    unsigned h = 2166136261u ^ parent_serial;
    h *= 16777619u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ m[i].index) * 16777619u;
        h = (h ^ m[i].specificity) * 16777619u;
    }
    return h;
}

/* The generated content of a pseudo-element whose winning declarations are `win`: NULL for none,
 * normal, or when nothing sets it. */
static const sc_content_part *content_of(const sc_css_decl *const win[SC_PROP_COUNT])
{
    const sc_css_decl *d = win[SC_PROP_CONTENT];
    return d && d->value.kind == SC_VAL_CONTENT ? d->value.content : NULL;
}

/* ::before or ::after of an element styled `element`, from the rules in m[0..nm). */
static void style_pseudo(cascade *c, sc_computed *element, const match *m, size_t nm,
                         sc_css_pseudo which)
{
    if (nm == 0)
        return;
    const sc_css_decl *win[SC_PROP_COUNT];
    winners(c, m, nm, NULL, win);
    const sc_content_part *content = content_of(win);
    if (!content)
        return;
    sc_computed *style = sc_compute_style(&c->ctx, element, win);
    if (style->s.display_none && !element->s.display_none)
        return;
    if (which == SC_PSEUDO_BEFORE) {
        element->s.before = content;
        element->s.before_style = &style->s;
    } else {
        element->s.after = content;
        element->s.after_style = &style->s;
    }
}

/* The style of one element whose parent is computed as `parent` (NULL for the html root).
 * `inline_decls` are its style="" declarations (NULL when none). */
static sc_computed *style_element(cascade *c, const sc_node *node, const sc_computed *parent,
                                  const sc_css_decl_vec *inline_decls)
{
    /* matches = element's | separator | ::before's | separator | ::after's: one signature. */
    size_t nm = collect_matches(c, node, SC_PSEUDO_NONE, c->matches);
    size_t nb = 0, na = 0, total = nm;
    if (c->has_pseudo && node) {
        c->matches[total++] = (match){UINT_MAX, SC_PSEUDO_BEFORE};
        nb = collect_matches(c, node, SC_PSEUDO_BEFORE, c->matches + total);
        total += nb;
        c->matches[total++] = (match){UINT_MAX, SC_PSEUDO_AFTER};
        na = collect_matches(c, node, SC_PSEUDO_AFTER, c->matches + total);
        total += na;
    }
    unsigned serial = parent ? parent->serial : 0;
    int cacheable = !inline_decls || inline_decls->count == 0;
    cache_slot *slot = &c->cache[hash_sig(serial, c->matches, total) % CACHE_SIZE];
    if (cacheable && slot->style && slot->parent_serial == serial && slot->nsig == total &&
        (total == 0 || memcmp(slot->sig, c->matches, total * sizeof *c->matches) == 0))
        return slot->style;
    const sc_css_decl *win[SC_PROP_COUNT];
    winners(c, c->matches, nm, inline_decls, win);
    sc_computed *style = sc_compute_style(&c->ctx, parent, win);
    if (nb)
        style_pseudo(c, style, c->matches + nm + 1, nb, SC_PSEUDO_BEFORE);
    if (na)
        style_pseudo(c, style, c->matches + nm + 2 + nb, na, SC_PSEUDO_AFTER);
    if (!cacheable)
        return style;
    slot->parent_serial = serial;
    slot->sig = sc_arena_realloc(c->arena, NULL, 0, (total ? total : 1) * sizeof *slot->sig);
    memcpy(slot->sig, c->matches, total * sizeof *c->matches);
    slot->nsig = total;
    slot->style = style;
    return style;
}

/* The user-agent sheet and the author sheets, ranked, and the compute context. */
static void cascade_init(cascade *c, sc_arena *arena, sc_stylesheet *const *sheets, size_t nsheets)
{
    /* The user-agent sheet is constant and known to parse without diagnostics. */
    sc_diag_list ua_diags;
    sc_diag_init(&ua_diags);
    sc_stylesheet *ua = sc_stylesheet_parse(arena, sc_css_ua_sheet, strlen(sc_css_ua_sheet),
                                            "user-agent", &ua_diags);
    sc_diag_clear(&ua_diags);

    memset(c, 0, sizeof *c);
    c->arena = arena;
    size_t total = ua->nrules;
    for (size_t s = 0; s < nsheets; s++)
        total += sheets[s] ? sheets[s]->nrules : 0;
    c->rules = sc_arena_calloc(arena, total ? total : 1, sizeof *c->rules);
    c->matches = sc_arena_calloc(arena, 3 * total + 2, sizeof *c->matches);
    for (size_t s = 0; s <= nsheets; s++) {
        const sc_stylesheet *sheet = s == 0 ? ua : sheets[s - 1];
        for (size_t r = 0; sheet && r < sheet->nrules; r++) {
            const sc_css_style_rule *rule = &sheet->rules[r];
            unsigned mask = 0;
            for (size_t k = 0; k < rule->nselectors; k++)
                mask |= 1u << rule->selectors[k].pseudo;
            c->rules[c->nrules] = (ranked_rule){rule, s == 0 ? 0u : 1u, (unsigned)c->nrules, mask};
            c->nrules++;
            c->has_pseudo |= (mask & ~1u) != 0;
        }
    }
    sc_page_setup page;
    sc_style_page_setup(sheets, nsheets, &page);
    sc_compute_init(&c->ctx, arena, page.width - page.margin[SC_EDGE_LEFT] - page.margin[SC_EDGE_RIGHT]);
}

/* A node's style="" declarations, with messages placed at the node. */
static void inline_style(sc_document *doc, const sc_node *n, sc_diag_list *diags,
                         sc_css_decl_vec *out)
{
    memset(out, 0, sizeof *out);
    if (!n->style_attr || !*n->style_attr)
        return;
    sc_diag_list scratch;
    sc_diag_init(&scratch);
    const char *file = doc->source_name ? doc->source_name : "<document>";
    sc_css_parser p = {doc->arena, diags ? diags : &scratch, file, NULL, file,
                       n->line > 0 ? n->line : 0, n->line > 0 ? n->column : 0};
    sc_css_parse_inline(&p, n->style_attr, strlen(n->style_attr), out);
    sc_diag_clear(&scratch);
}

void sc_style_apply_diags(sc_document *doc, sc_stylesheet *const *sheets, size_t nsheets,
                          sc_diag_list *diags)
{
    if (!doc || !doc->root)
        return;
    cascade c;
    cascade_init(&c, doc->arena, sheets, nsheets);

    /* The virtual html element first: its font-size is what rem refers to. */
    sc_computed *html = style_element(&c, NULL, NULL, NULL);
    c.ctx.root_font_size = html->s.font_size;

    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
        const sc_computed *parent = n->parent ? (const sc_computed *)n->parent->style : html;
        if (n != doc->root && !sc_node_element(n)) {
            n->style = &parent->s; /* text and soft breaks are styled by their element */
            continue;
        }
        sc_css_decl_vec decls;
        inline_style(doc, n, diags, &decls);
        n->style = &style_element(&c, n, parent, &decls)->s;
    }
}

void sc_style_apply(sc_document *doc, sc_stylesheet *const *sheets, size_t nsheets)
{
    sc_style_apply_diags(doc, sheets, nsheets, NULL);
}

const sc_computed *sc_cascade_body_style(sc_arena *arena, sc_stylesheet *const *sheets,
                                         size_t nsheets)
{
    cascade c;
    cascade_init(&c, arena, sheets, nsheets);
    sc_computed *html = style_element(&c, NULL, NULL, NULL);
    c.ctx.root_font_size = html->s.font_size;
    sc_node body;
    memset(&body, 0, sizeof body);
    body.type = SC_NODE_DOCUMENT;
    return style_element(&c, &body, html, NULL);
}
