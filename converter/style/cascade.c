/* cascade.c — selector matching and the cascade (origin and importance, then specificity, then
 * source order) for every node, with sharing: nodes whose parents share a style and whose matched
 * rules are the same get the same computed style, so a book's thousands of paragraphs cost one. */
#include <stdlib.h>
#include <string.h>

#include "compute.h"

/* A rule of one sheet together with where it stands in the cascade. */
typedef struct ranked_rule {
    const sc_css_style_rule *rule;
    unsigned origin; /* 0 user agent, 1 author */
    unsigned index;  /* position across all sheets: the source order */
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
    sc_document *doc;
    ranked_rule *rules;
    size_t nrules;
    match *matches;   /* scratch, nrules long */
    entry *entries;   /* scratch */
    size_t entries_cap;
    sc_compute_ctx ctx;
    cache_slot cache[CACHE_SIZE];
} cascade;

static size_t collect_matches(cascade *c, const sc_node *node)
{
    const char *element = node ? sc_node_element(node) : "html";
    size_t n = 0;
    for (size_t i = 0; i < c->nrules; i++) {
        const sc_css_style_rule *r = c->rules[i].rule;
        unsigned best = 0;
        int hit = 0;
        for (size_t s = 0; s < r->nselectors; s++) {
            const sc_css_selector *sel = &r->selectors[s];
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
            c->matches[n++] = (match){(unsigned)i, best};
    }
    return n;
}

static int by_key(const void *a, const void *b)
{
    unsigned long long x = ((const entry *)a)->key, y = ((const entry *)b)->key;
    return x < y ? -1 : x > y;
}

/* The winning declaration of each property among the matched rules. */
static void winners(cascade *c, const match *m, size_t nm, const sc_css_decl *win[SC_PROP_COUNT])
{
    memset(win, 0, sizeof(*win) * SC_PROP_COUNT);
    size_t n = 0;
    for (size_t i = 0; i < nm; i++)
        n += c->rules[m[i].index].rule->ndecls;
    if (n > c->entries_cap) {
        c->entries = sc_arena_realloc(c->doc->arena, c->entries, c->entries_cap * sizeof *c->entries,
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

/* The style of one element whose parent is computed as `parent` (NULL for the html root). */
static sc_computed *style_element(cascade *c, const sc_node *node, const sc_computed *parent)
{
    size_t nm = collect_matches(c, node);
    unsigned serial = parent ? parent->serial : 0;
    cache_slot *slot = &c->cache[hash_sig(serial, c->matches, nm) % CACHE_SIZE];
    if (slot->style && slot->parent_serial == serial && slot->nsig == nm &&
        (nm == 0 || memcmp(slot->sig, c->matches, nm * sizeof *c->matches) == 0))
        return slot->style;
    const sc_css_decl *win[SC_PROP_COUNT];
    winners(c, c->matches, nm, win);
    sc_computed *style = sc_compute_style(&c->ctx, parent, win);
    slot->parent_serial = serial;
    slot->sig = sc_arena_realloc(c->doc->arena, NULL, 0, (nm ? nm : 1) * sizeof *slot->sig);
    memcpy(slot->sig, c->matches, nm * sizeof *c->matches);
    slot->nsig = nm;
    slot->style = style;
    return style;
}

void sc_style_apply(sc_document *doc, sc_stylesheet *const *sheets, size_t nsheets)
{
    if (!doc || !doc->root)
        return;
    sc_arena *arena = doc->arena;
    /* The user-agent sheet is constant and known to parse without diagnostics. */
    sc_diag_list ua_diags;
    sc_diag_init(&ua_diags);
    sc_stylesheet *ua = sc_stylesheet_parse(arena, sc_css_ua_sheet, strlen(sc_css_ua_sheet),
                                            "user-agent", &ua_diags);
    sc_diag_clear(&ua_diags);

    cascade c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    size_t total = ua->nrules;
    for (size_t s = 0; s < nsheets; s++)
        total += sheets[s] ? sheets[s]->nrules : 0;
    c.rules = sc_arena_calloc(arena, total ? total : 1, sizeof *c.rules);
    c.matches = sc_arena_calloc(arena, total ? total : 1, sizeof *c.matches);
    for (size_t s = 0; s <= nsheets; s++) {
        const sc_stylesheet *sheet = s == 0 ? ua : sheets[s - 1];
        for (size_t r = 0; sheet && r < sheet->nrules; r++) {
            c.rules[c.nrules] = (ranked_rule){&sheet->rules[r], s == 0 ? 0u : 1u,
                                              (unsigned)c.nrules};
            c.nrules++;
        }
    }
    sc_page_setup page;
    sc_style_page_setup(sheets, nsheets, &page);
    sc_compute_init(&c.ctx, arena, page.width - page.margin[SC_EDGE_LEFT] - page.margin[SC_EDGE_RIGHT]);

    /* The virtual html element first: its font-size is what rem refers to. */
    sc_computed *html = style_element(&c, NULL, NULL);
    c.ctx.root_font_size = html->s.font_size;

    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
        const sc_computed *parent = n->parent ? (const sc_computed *)n->parent->style : html;
        if (n != doc->root && !sc_node_element(n)) {
            n->style = &parent->s; /* text and soft breaks are styled by their element */
            continue;
        }
        n->style = &style_element(&c, n, parent)->s;
    }
}
