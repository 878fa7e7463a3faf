/* greedy.c — first-fit line breaking for ragged text (and the last resort for justified text):
 * each line takes as much as fits; a line is overfull only when a single cluster is wider than the
 * measure (the itemizer already allows breaks between the clusters of over-long words). A word
 * that does not fit breaks at a hyphenation point when one fits, with the same hard rules as
 * Knuth-Plass: never a third hyphenated line in a row, never a hyphen on the line before a
 * paragraph's last. */
#include "text.h"

static int legal_break(const sc_bitem *items, size_t i)
{
    if (items[i].type == SC_IT_GLUE)
        return i > 0 && items[i - 1].type == SC_IT_BOX;
    return items[i].type == SC_IT_PENALTY && items[i].penalty < SC_INF_PENALTY;
}

static int hyphen_break(const sc_bitem *it)
{
    return it->type == SC_IT_PENALTY && !it->split && it->penalty > 0 &&
           it->penalty < SC_INF_PENALTY;
}

static int forced_break(const sc_bitem *it)
{
    return it->type == SC_IT_PENALTY && it->penalty <= -SC_INF_PENALTY;
}

/* The break ending the line that starts at item i. Hyphen breaks are refused when `no_hyphen`,
 * unless nothing else fits (a word wider than the measure): overfull would be worse. */
static size_t first_fit(const sc_bitem *items, size_t n, size_t i, double avail, int shrink,
                        int no_hyphen)
{
    double w = 0, z = 0;
    size_t best = (size_t)-1, refused = (size_t)-1;
    int have_box = 0;
    for (; i < n; i++) {
        const sc_bitem *it = &items[i];
        if (!have_box && it->type != SC_IT_BOX && !forced_break(it))
            continue; /* glue and penalties after a break are discarded */
        if (legal_break(items, i)) {
            double lw = w + (it->type == SC_IT_PENALTY ? it->width : 0);
            int fits = lw <= avail + 1e-6 || (shrink && lw - z <= avail + 1e-6);
            if (!fits && best == (size_t)-1)
                best = refused;
            if (!fits && best != (size_t)-1)
                return best; /* the last break that fit */
            if (forced_break(it) || !fits)
                return i; /* forced, or nothing fits (one cluster wider than the measure) */
            if (!(no_hyphen && hyphen_break(it)))
                best = i;
            else
                refused = i;
        }
        if (it->type == SC_IT_BOX) {
            w += it->width;
            have_box = 1;
        } else if (it->type == SC_IT_GLUE) {
            w += it->width;
            z += it->shrink;
        }
    }
    return n - 1; /* the items always end with a forced break; stay safe */
}

size_t sc_greedy_breaks(const sc_bitem *items, size_t n, double first_width, double width,
                        int shrink, size_t *breaks)
{
    size_t nb = 0, i = 0;
    size_t no_hyphen_to = 0; /* hyphen breaks before this item are refused */
    while (i < n) {
        int in_a_row = 0;
        for (size_t k = nb; k > 0 && hyphen_break(&items[breaks[k - 1]]); k--)
            in_a_row++;
        size_t brk = first_fit(items, n, i, nb == 0 ? first_width : width, shrink,
                               in_a_row >= 2 || i < no_hyphen_to);
        breaks[nb++] = brk;
        if (forced_break(&items[brk]) && nb >= 2 && hyphen_break(&items[breaks[nb - 2]]) &&
            no_hyphen_to <= brk) {
            /* The line before a paragraph's (or a forced break's) last ends with a hyphen: set
             * both again without hyphens (once: a word wider than the measure may still have to
             * break at its hyphen). */
            nb -= 2;
            i = nb ? breaks[nb - 1] + 1 : 0;
            no_hyphen_to = brk + 1;
            continue;
        }
        i = brk + 1;
    }
    return nb;
}
