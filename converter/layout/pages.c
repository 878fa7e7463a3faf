/* pages.c — the page builder: cuts the flow into pages of the text area's height, with the
 * footnotes referenced on a page set at its foot.
 *
 * For each page it places elements from the top until one does not fit, then backs up to the last
 * place a break is allowed: not inside a paragraph where fewer than `orphans` lines would stay at
 * the bottom or fewer than `widows` would start the next page, not after a heading nor after the
 * first line that follows one (headings keep with what follows), not across page-break-after:
 * avoid, not inside a keep group (page-break-inside: avoid, short list items and quotes) unless
 * the group is taller than the page. Forced breaks always win; a break to a right (left) page
 * leaves a blank page when needed. Margins at the top of a page are dropped (kept after a forced
 * break); the first line's baseline sits low enough that nothing rises above the text area.
 *
 * Footnotes (as TeX's insertions): an element holding a reference only fits when the whole note
 * fits below it, else when at least the note's first line does (the rest continues at the foot of
 * the next page, before that page's own notes). Notes carried over take at most half a page. */
#include "flow.h"

#include <stdlib.h>
#include <string.h>

typedef struct page_area {
    float top, bottom;
    float dx;               /* sideways shift of this kind of page's text area */
} page_area;

/* A place in the sequence of note lines: note `n` (in reference order), line `l` of its flow. */
typedef struct npos {
    size_t n, l;
} npos;

typedef struct paginator {
    sc_pages_ctx *pc;
    const sc_flow *flow;
    float *ref;             /* each element's reference point on its page */
    npos *commit_at;        /* the note lines that must stand on the page with elements ..k */
    size_t *order;          /* note indexes sorted by their reference element */
    npos carry;             /* the first note line not yet set */
    float note_sep;         /* room for the rule between the text and the notes */
    size_t phys0;           /* physical index of this run's first page */
    int first_kind;         /* SC_PAGE_FIRST for the document's first page, else 0 */
    sc_page_info *info;
    size_t page_cap, outline_cap;  /* of layout->pages and P->info; of the outline and dests */
    const char **dests;     /* each outline entry's destination */
    const char **numbers;   /* and its heading's generated number (NULL: none) */
} paginator;

/* ---- elements ------------------------------------------------------------------------------ */

/* Room an element needs from its reference point to the area's top and bottom edges when it
 * stands first on a page / when it is checked against the bottom. */
static float need_above(const sc_flow_elem *e, const sc_vmetrics *m)
{
    if (e->kind == SC_FLOW_BOX)
        return 0;
    return e->line->ascent > m->ink_above ? e->line->ascent : m->ink_above;
}

static float need_below(const sc_flow_elem *e, const sc_vmetrics *m)
{
    if (e->kind == SC_FLOW_BOX)
        return e->box->height;
    return e->line->descent > m->ink_below ? e->line->descent : m->ink_below;
}

/* A table row starting a page has its table's header row drawn above it. */
static float repeat_height(const sc_flow_elem *e)
{
    return e->kind == SC_FLOW_BOX && e->repeat ? e->repeat->height : 0;
}

static int break_allowed(const sc_flow *flow, size_t j, int strict)
{
    const sc_flow_elem *prev = &flow->elems[j - 1], *e = &flow->elems[j];
    if (e->break_before || prev->break_after)
        return 1;
    if (prev->keep_with_next)
        return 0;
    /* A heading keeps with the first two lines of what follows, even when the first is a
     * paragraph of its own. */
    if (j >= 2 && flow->elems[j - 2].heading && !prev->heading && prev->kind == SC_FLOW_LINE)
        return 0;
    if (e->kind == SC_FLOW_LINE && prev->kind == SC_FLOW_LINE && e->para == prev->para &&
        !(e->index >= e->orphans && e->count - e->index >= e->widows))
        return 0;
    if (strict && e->keep_group && e->keep_group == prev->keep_group)
        return 0;
    return 1;
}

/* Margins at a page top are dropped, except after a forced break (CSS Fragmentation 5.2: they
 * are kept there), so a chapter title sits as low as its style asks. */
static float top_space(const sc_flow *flow, size_t k)
{
    const sc_flow_elem *e = &flow->elems[k];
    int forced = e->chapter || e->break_before || (k > 0 && flow->elems[k - 1].break_after);
    return forced && e->space_before > 0 ? e->space_before : 0;
}

/* ---- note lines ---------------------------------------------------------------------------- */

static size_t note_count(const paginator *P, size_t n)
{
    return P->flow->notes[P->order[n]].flow.count;
}

static npos norm(const paginator *P, npos p)
{
    while (p.n < P->flow->nnotes && p.l >= note_count(P, p.n)) {
        p.n++;
        p.l = 0;
    }
    return p;
}

static npos next_line(const paginator *P, npos p)
{
    p.l++;
    return norm(P, p);
}

static int before(npos a, npos b)
{
    return a.n < b.n || (a.n == b.n && a.l < b.l);
}

static const sc_flow_elem *note_elem(const paginator *P, npos p)
{
    return &P->flow->notes[P->order[p.n]].flow.elems[p.l];
}

/* The first note (in order) whose reference is at element k or later. */
static size_t notes_from(const paginator *P, size_t k)
{
    size_t lo = 0, hi = P->flow->nnotes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (P->flow->notes[P->order[mid]].ref_elem < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The height of the note lines [from, to) stacked under their rule (0 for none); each line's
 * reference point from the top of the first line's room goes to ys when given. */
static float notes_stack(const paginator *P, npos from, npos to, float *ys)
{
    if (!before(from, to))
        return 0;
    sc_vmetrics prev = {0}, m;
    float y = 0, below = 0;
    size_t i = 0;
    for (npos p = from; before(p, to); p = next_line(P, p), i++) {
        const sc_flow_elem *e = note_elem(P, p);
        sc_flow_metrics(e, &m);
        if (i == 0) {
            y = need_above(e, &m);
        } else {
            float space = e->space_before;
            if (p.l == 0) {
                float gap = P->flow->notes[P->order[p.n - 1]].gap_after;
                space = space > gap ? space : gap;
            }
            y += sc_flow_distance(&prev, space, &m);
        }
        if (ys)
            ys[i] = y;
        below = need_below(e, &m);
        prev = m;
    }
    return P->note_sep + y + below;
}

/* May a page end inside the notes just before q? Not against a note paragraph's widows and
 * orphans, nor inside a keep in it. */
static int note_cut_ok(const paginator *P, npos q)
{
    if (q.n >= P->flow->nnotes || q.l == 0)
        return 1;
    return break_allowed(&P->flow->notes[P->order[q.n]].flow, q.l, 1);
}

/* The first place at or after q (up to limit) where the notes may be cut. */
static npos first_cut(const paginator *P, npos q, npos limit)
{
    while (before(q, limit) && !note_cut_ok(P, q))
        q = next_line(P, q);
    return q;
}

/* The furthest place after `from` (up to `limit`) where the notes may be cut with the lines from
 * `base` fitting in `room`; `from` when there is none. */
static npos extend_notes(const paginator *P, npos base, npos from, npos limit, float room)
{
    npos best = from;
    for (npos q = from; before(q, limit);) {
        q = next_line(P, q);
        if (notes_stack(P, base, q, NULL) > room)
            break;
        if (note_cut_ok(P, q))
            best = q;
    }
    return best;
}

/* ---- filling a page ------------------------------------------------------------------------ */

/* The carried-over note lines a page must set first: as many as fit in half the page (one at
 * least). */
static npos commit_carry(const paginator *P, size_t start, const page_area *a)
{
    npos base = P->carry, carry_end = norm(P, (npos){notes_from(P, start), 0});
    if (!before(base, carry_end))
        return base;
    npos c = extend_notes(P, base, base, carry_end, (a->bottom - a->top) * 0.5f);
    return before(base, c) ? c : first_cut(P, next_line(P, base), carry_end);
}

/* Place elements from `start` on a fresh page; positions go to ref[], the note lines they need to
 * commit_at[]. Returns the index of the first element that does not fit or must go to the next
 * page (flow->count when all fit), and sets *forced when that is a forced break. */
static size_t fill_page(paginator *P, size_t start, const page_area *a, npos carried, int *forced)
{
    const sc_flow *flow = P->flow;
    sc_vmetrics prev = {0}, m;
    npos base = P->carry, committed = carried;
    float committed_h = notes_stack(P, base, committed, NULL);
    npos carry_end = norm(P, (npos){notes_from(P, start), 0});
    *forced = 0;
    for (size_t k = start; k < flow->count; k++) {
        const sc_flow_elem *e = &flow->elems[k];
        if (k > start && (e->break_before || flow->elems[k - 1].break_after)) {
            *forced = 1;
            return k;
        }
        if (e->fit) /* evaluated afresh on every page it is tried on */
            sc_fit_box_scale(e->fit, e->fit->natural_height);
        sc_flow_metrics(e, &m);
        float y = k == start ? a->top + top_space(flow, k) + repeat_height(e) + need_above(e, &m)
                             : P->ref[k - 1] + sc_flow_distance(&prev, e->space_before, &m);
        float body_bottom = y + need_below(e, &m), room = a->bottom + 0.01f - body_bottom;
        if (e->fit && room < 0 && k > start) {
            /* A picture that does not fit the rest of the page is scaled into it, with its
             * caption, when it keeps most of its size; else it moves on whole. */
            float avail = a->bottom - y - committed_h - e->fit->trailing;
            if (avail >= e->fit->min_height) {
                sc_fit_box_scale(e->fit, avail);
                sc_flow_metrics(e, &m);
                body_bottom = y + need_below(e, &m);
                room = a->bottom + 0.01f - body_bottom;
            }
        }
        size_t first_note = notes_from(P, k), end_note = notes_from(P, k + 1);
        npos want = committed;
        if (first_note < end_note) {
            npos own = norm(P, (npos){first_note, 0});
            /* Notes before these must all be set on this page already. */
            if (before(committed, carry_end) || before(committed, own))
                return k;
            npos full = norm(P, (npos){end_note, 0});
            if (notes_stack(P, base, full, NULL) <= room) {
                want = full;
            } else {
                /* Split: at least the last note's first line(s) (as its orphans ask) with the
                 * reference, and what fits up to half the page, so the text goes on above it;
                 * the page's foot is filled once its text is known. */
                want = first_cut(P, next_line(P, norm(P, (npos){end_note - 1, 0})), full);
                if (notes_stack(P, base, want, NULL) > room)
                    return k;
                float cap = (a->bottom - a->top) * 0.5f;
                want = extend_notes(P, base, want, full, cap < room ? cap : room);
            }
        } else if (room < 0 || committed_h > room) {
            return k;
        }
        if (before(committed, want))
            committed_h = notes_stack(P, base, want, NULL);
        committed = want;
        P->ref[k] = y;
        P->commit_at[k] = committed;
        prev = m;
    }
    return flow->count;
}

static size_t choose_end(const sc_flow *flow, size_t start, size_t stop, int forced)
{
    if (stop == flow->count || forced)
        return stop;
    if (stop == start)
        return start + 1; /* taller than a page: it gets a page of its own */
    for (int strict = 1; strict >= 0; strict--)
        for (size_t j = stop; j > start; j--)
            if (break_allowed(flow, j, strict))
                return j;
    return stop; /* no allowed break on the whole page: break where it overflows */
}

/* ---- output -------------------------------------------------------------------------------- */

static sc_page *new_page(paginator *P, size_t start, int blank)
{
    sc_layout *layout = P->pc->layout;
    if (layout->npages == P->page_cap) {
        size_t ncap = P->page_cap ? P->page_cap * 2 : 16;
        layout->pages = sc_arena_realloc(layout->arena, layout->pages,
                                         P->page_cap * sizeof *layout->pages,
                                         ncap * sizeof *layout->pages);
        P->info = sc_arena_realloc(layout->arena, P->info, P->page_cap * sizeof *P->info,
                                   ncap * sizeof *P->info);
        P->page_cap = ncap;
    }
    sc_page *pg = &layout->pages[layout->npages];
    pg->width = P->pc->base->width;
    pg->height = P->pc->base->height;
    P->info[layout->npages] = (sc_page_info){start, start, blank};
    layout->npages++;
    return pg;
}

static void add_outline(paginator *P, const sc_flow_elem *e, float y)
{
    sc_layout *layout = P->pc->layout;
    if (layout->noutline == P->outline_cap) {
        size_t ncap = P->outline_cap ? P->outline_cap * 2 : 16;
        layout->outline = sc_arena_realloc(layout->arena, layout->outline,
                                           P->outline_cap * sizeof *layout->outline,
                                           ncap * sizeof *layout->outline);
        P->dests = sc_arena_realloc(layout->arena, P->dests, P->outline_cap * sizeof *P->dests,
                                    ncap * sizeof *P->dests);
        P->numbers = sc_arena_realloc(layout->arena, P->numbers,
                                      P->outline_cap * sizeof *P->numbers,
                                      ncap * sizeof *P->numbers);
        P->outline_cap = ncap;
    }
    P->dests[layout->noutline] = e->dest;
    P->numbers[layout->noutline] = e->toc_number;
    sc_outline_entry *o = &layout->outline[layout->noutline++];
    o->level = e->outline_level;
    o->title = e->outline_title;
    o->page = layout->npages - 1;
    o->y = y;
}

static void emit(paginator *P, sc_page *pg, const sc_flow_elem *e, float y, const page_area *a,
                 int outline)
{
    sc_arena *arena = P->pc->layout->arena;
    if (e->kind == SC_FLOW_BOX) {
        for (size_t i = 0; i < e->box->nitems; i++) {
            sc_item *it = sc_items_push(arena, &pg->items, &pg->nitems, &pg->cap);
            *it = e->box->items[i];
            sc_item_shift(it, a->dx, y);
        }
        /* A heading drawn as slices (side borders) still gets its bookmark, at the box's top. */
        if (outline && e->outline_title)
            add_outline(P, e, y);
        return;
    }
    if (e->dest || (outline && e->outline_title)) {
        sc_vmetrics m;
        sc_flow_metrics(e, &m);
        float top = y - (m.above > m.ink_above ? m.above : m.ink_above);
        if (top < a->top)
            top = a->top;
        if (e->dest) {
            sc_item *it = sc_items_push(arena, &pg->items, &pg->nitems, &pg->cap);
            it->kind = SC_ITEM_DEST;
            it->u.dest.name = e->dest;
            it->u.dest.y = top;
        }
        if (outline && e->outline_title)
            add_outline(P, e, top);
    }
    sc_emit_runs(arena, &pg->items, &pg->nitems, &pg->cap, e->extra, e->nextra, a->dx, y);
    sc_emit_line(arena, &pg->items, &pg->nitems, &pg->cap, e->line, e->x + a->dx, y);
}

/* The note lines [base, end) at the foot of the page under a short rule. */
static void emit_notes(paginator *P, sc_page *pg, npos base, npos end, const page_area *a)
{
    if (!before(base, end))
        return;
    size_t n = 0;
    for (npos p = base; before(p, end); p = next_line(P, p))
        n++;
    float *ys = calloc(n, sizeof *ys);
    if (!ys)
        return;
    float top = a->bottom - notes_stack(P, base, end, ys);
    const sc_page_setup *s = P->pc->base;
    float x0 = s->margin[SC_EDGE_LEFT] + a->dx;
    float w = s->width - s->margin[SC_EDGE_LEFT] - s->margin[SC_EDGE_RIGHT];
    sc_emit_rule(P->pc->layout->arena, &pg->items, &pg->nitems, &pg->cap, x0, x0 + w / 3,
                 top + P->note_sep * 0.45f, 0.5f);
    size_t i = 0;
    for (npos p = base; before(p, end); p = next_line(P, p), i++)
        emit(P, pg, note_elem(P, p), top + P->note_sep + ys[i], a, 0);
    free(ys);
}

/* ---- the page loop ------------------------------------------------------------------------- */

static int page_kind(const paginator *P, size_t phys, int blank)
{
    return (phys == 0 ? P->first_kind : 0) | (phys % 2 == 0 ? SC_PAGE_RIGHT : SC_PAGE_LEFT) |
           (blank ? SC_PAGE_BLANK : 0);
}

static page_area area_of(paginator *P, size_t phys)
{
    const sc_page_setup *s = sc_pages_setup(P->pc, page_kind(P, phys, 0));
    page_area a = {s->margin[SC_EDGE_TOP], s->height - s->margin[SC_EDGE_BOTTOM],
                   s->margin[SC_EDGE_LEFT] - P->pc->base->margin[SC_EDGE_LEFT]};
    return a;
}

/* Paginate a flow into layout->pages (appended). */
static int paginate(paginator *P, const sc_flow *flow, int with_outline)
{
    sc_layout *layout = P->pc->layout;
    size_t run_start = layout->npages;
    P->flow = flow;
    P->ref = calloc(flow->count ? flow->count : 1, sizeof *P->ref);
    P->commit_at = calloc(flow->count ? flow->count : 1, sizeof *P->commit_at);
    P->order = calloc(flow->nnotes ? flow->nnotes : 1, sizeof *P->order);
    if (!P->ref || !P->commit_at || !P->order) {
        free(P->ref);
        free(P->commit_at);
        free(P->order);
        return -1;
    }
    /* Notes in the order of their references (stable: numbers break ties). */
    for (size_t i = 0; i < flow->nnotes; i++)
        P->order[i] = i;
    for (size_t i = 1; i < flow->nnotes; i++)
        for (size_t k = i; k > 0 && flow->notes[P->order[k - 1]].ref_elem >
                                        flow->notes[P->order[k]].ref_elem; k--) {
            size_t t = P->order[k];
            P->order[k] = P->order[k - 1];
            P->order[k - 1] = t;
        }
    P->carry = norm(P, (npos){0, 0});
    npos notes_end = {flow->nnotes, 0};
    P->note_sep = 12;
    if (flow->nnotes && flow->notes[P->order[0]].flow.elems[0].kind == SC_FLOW_LINE)
        P->note_sep = flow->notes[P->order[0]].flow.elems[0].line->line_height;
    size_t start = 0;
    do { /* an empty flow still makes one page */
        const sc_flow_elem *first = start < flow->count ? &flow->elems[start] : NULL;
        size_t phys = P->phys0 + (layout->npages - run_start);
        int side = first && start > 0 ? first->break_side : 0;
        if (!side && first && start > 0)
            side = flow->elems[start - 1].break_after_side;
        if (side && (phys % 2 == 0) != (side == 3)) {
            new_page(P, start, 1); /* the chapter goes on the next right (left) page */
            phys++;
        }
        page_area a = area_of(P, phys);
        sc_page *pg = new_page(P, start, 0);
        npos carried = commit_carry(P, start, &a);
        int forced = 0;
        size_t stop = fill_page(P, start, &a, carried, &forced);
        size_t end = start < flow->count ? choose_end(flow, start, stop, forced) : start;
        npos committed = end > start && end <= stop ? P->commit_at[end - 1] : carried;
        float body_bottom = a.top;
        if (end > stop) { /* a lone element taller than the page: at the top, overflowing */
            sc_vmetrics m;
            sc_flow_metrics(&flow->elems[start], &m);
            P->ref[start] = a.top + top_space(flow, start) + repeat_height(&flow->elems[start]) +
                            need_above(&flow->elems[start], &m);
            body_bottom = a.bottom;
        } else if (end > start) {
            sc_vmetrics m;
            sc_flow_metrics(&flow->elems[end - 1], &m);
            body_bottom = P->ref[end - 1] + need_below(&flow->elems[end - 1], &m);
        }
        /* More of the notes referenced so far when they fit. */
        npos limit = norm(P, (npos){notes_from(P, end), 0});
        if (end >= flow->count)
            limit = notes_end;
        if (before(committed, limit))
            committed = extend_notes(P, P->carry, committed, limit,
                                     a.bottom + 0.01f - body_bottom);
        if (start >= flow->count && !before(P->carry, committed) && before(P->carry, notes_end))
            committed = first_cut(P, next_line(P, P->carry), notes_end); /* always progress */
        if (start < flow->count && repeat_height(&flow->elems[start]) > 0) {
            sc_flow_elem header = {.kind = SC_FLOW_BOX, .box = flow->elems[start].repeat};
            emit(P, pg, &header, a.top, &a, 0);
        }
        for (size_t k = start; k < end; k++)
            emit(P, pg, &flow->elems[k], P->ref[k], &a, with_outline);
        emit_notes(P, pg, P->carry, committed, &a);
        P->carry = committed;
        P->info[layout->npages - 1].end = end;
        start = end;
    } while (start < flow->count || before(P->carry, notes_end));
    free(P->ref);
    free(P->commit_at);
    free(P->order);
    return 0;
}

const sc_page_setup *sc_pages_setup(sc_pages_ctx *pc, int kind)
{
    kind &= 15;
    if (pc->have_kind[kind])
        return &pc->kinds[kind];
    sc_page_setup *s = &pc->kinds[kind];
    *s = *pc->base;
    if (pc->opts && pc->opts->page_setup_for) {
        sc_page_setup got;
        memset(&got, 0, sizeof got);
        pc->opts->page_setup_for(pc->opts->ctx, kind, pc->layout->arena, &got);
        memcpy(s->boxes, got.boxes, sizeof s->boxes);
        /* The size is the plain setup's (command-line paper included); margins that leave too
         * little room are not used. */
        int ok = 1;
        for (int e = 0; e < 4; e++)
            ok &= got.margin[e] >= 0;
        ok &= got.margin[SC_EDGE_TOP] + got.margin[SC_EDGE_BOTTOM] < s->height * 0.9f;
        ok &= got.margin[SC_EDGE_LEFT] + got.margin[SC_EDGE_RIGHT] < s->width * 0.9f;
        if (ok)
            memcpy(s->margin, got.margin, sizeof s->margin);
    }
    pc->have_kind[kind] = 1;
    return s;
}

/* Move the last `n` pages (and their info) in front of the others. */
static void rotate_front(sc_layout *layout, sc_page_info *info, size_t n)
{
    size_t total = layout->npages, rest = total - n;
    sc_page *pages = malloc(total * sizeof *pages);
    sc_page_info *inf = malloc(total * sizeof *inf);
    if (!pages || !inf) {
        free(pages);
        free(inf);
        return;
    }
    memcpy(pages, layout->pages + rest, n * sizeof *pages);
    memcpy(pages + n, layout->pages, rest * sizeof *pages);
    memcpy(inf, info + rest, n * sizeof *inf);
    memcpy(inf + n, info, rest * sizeof *inf);
    memcpy(layout->pages, pages, total * sizeof *pages);
    memcpy(info, inf, total * sizeof *inf);
    free(pages);
    free(inf);
}

static int any_break_side(const sc_flow *flow)
{
    for (size_t k = 0; k < flow->count; k++)
        if (flow->elems[k].break_side || flow->elems[k].break_after_side)
            return 1;
    return 0;
}

/* Do left and right pages look different (margins, margin boxes)? */
static int sides_differ(sc_pages_ctx *pc)
{
    const sc_page_setup *l = sc_pages_setup(pc, SC_PAGE_LEFT), *r = sc_pages_setup(pc, SC_PAGE_RIGHT);
    if (memcmp(l->margin, r->margin, sizeof l->margin) != 0)
        return 1;
    for (int b = 0; b < SC_MARGIN_BOX_COUNT; b++)
        if (l->boxes[b].content != r->boxes[b].content)
            return 1;
    return 0;
}

/* The table of contents, set after the body (its folios are known then) and moved in front. */
static int add_contents(paginator *P, const sc_flow *body)
{
    sc_layout *layout = P->pc->layout;
    size_t nbody = layout->npages, n = 0;
    sc_toc_entry *entries = calloc(layout->noutline ? layout->noutline : 1, sizeof *entries);
    if (!entries)
        return -1;
    for (size_t i = 0; i < layout->noutline; i++) {
        const sc_outline_entry *o = &layout->outline[i];
        if (o->level > 3 || !o->title || !*o->title)
            continue;
        const char *title = o->title, *num = P->numbers[i];
        if (num) {
            size_t len = strlen(num);
            int space = num[len - 1] == ' ' || num[len - 1] == '\t';
            title = sc_arena_printf(layout->arena, "%s%s%s", num, space ? "" : " ", title);
        }
        entries[n++] = (sc_toc_entry){title, P->dests[i], o->level,
                                      layout->pages[o->page].number};
    }
    sc_flow toc;
    memset(&toc, 0, sizeof toc);
    sc_toc_flow(P->pc, entries, n, &toc);
    free(entries);
    P->phys0 = 0;
    P->first_kind = SC_PAGE_FIRST; /* the contents' first page is the document's first */
    if (paginate(P, &toc, 0) != 0)
        return -1;
    size_t ntoc = layout->npages - nbody;
    if (ntoc % 2 == 1 && (any_break_side(body) || sides_differ(P->pc))) {
        new_page(P, 0, 1); /* the body keeps its right-hand first page */
        ntoc++;
    }
    for (size_t i = nbody; i < layout->npages; i++) {
        layout->pages[i].number = (int)(i - nbody) + 1;
        layout->pages[i].roman = 1;
        P->info[i].first = P->info[i].end = 0;
    }
    rotate_front(layout, P->info, ntoc);
    for (size_t i = 0; i < layout->noutline; i++)
        layout->outline[i].page += ntoc;
    return 0;
}

int sc_pages_build(sc_pages_ctx *pc, const sc_flow *flow)
{
    paginator *P = calloc(1, sizeof *P);
    if (!P)
        return -1;
    P->pc = pc;
    int toc = pc->opts && pc->opts->toc;
    P->first_kind = toc ? 0 : SC_PAGE_FIRST;
    /* With contents in front, the body starts on a right-hand page after them (a blank page
     * pads the contents when left and right pages differ). */
    P->phys0 = 0;
    int rc = paginate(P, flow, 1);
    sc_layout *layout = pc->layout;
    for (size_t i = 0; i < layout->npages; i++)
        layout->pages[i].number = (int)i + 1;
    if (rc == 0 && toc)
        rc = add_contents(P, flow);
    if (rc == 0 && !sc_margin_boxes_add(pc, flow, P->info))
        for (size_t i = 0; i < layout->npages; i++) {
            int kind = (i == 0 ? SC_PAGE_FIRST : 0) | (i % 2 == 0 ? SC_PAGE_RIGHT : SC_PAGE_LEFT);
            if (!P->info[i].blank)
                sc_footer_add(pc, &layout->pages[i], sc_pages_setup(pc, kind));
        }
    free(P);
    return rc;
}
