/* greedy.c — first-fit line breaking for ragged text (and the last resort for justified text):
 * each line takes as much as fits; a line is overfull only when a single cluster is wider than the
 * measure (the itemizer already allows breaks between the clusters of over-long words). */
#include "text.h"

static int legal_break(const sc_bitem *items, size_t i)
{
    if (items[i].type == SC_IT_GLUE)
        return i > 0 && items[i - 1].type == SC_IT_BOX;
    return items[i].type == SC_IT_PENALTY && items[i].penalty < SC_INF_PENALTY;
}

size_t sc_greedy_breaks(const sc_bitem *items, size_t n, double first_width, double width,
                        int shrink, size_t *breaks)
{
    size_t nb = 0;
    size_t i = 0;
    while (i < n) {
        double avail = nb == 0 ? first_width : width;
        double w = 0, z = 0;
        size_t best = (size_t)-1;
        int have_box = 0;
        size_t brk = (size_t)-1;
        for (; i < n; i++) {
            const sc_bitem *it = &items[i];
            if (!have_box && it->type != SC_IT_BOX &&
                !(it->type == SC_IT_PENALTY && it->penalty <= -SC_INF_PENALTY))
                continue; /* glue and penalties after a break are discarded */
            if (legal_break(items, i)) {
                double lw = w + (it->type == SC_IT_PENALTY ? it->width : 0);
                int fits = lw <= avail + 1e-6 || (shrink && lw - z <= avail + 1e-6);
                int forced = it->type == SC_IT_PENALTY && it->penalty <= -SC_INF_PENALTY;
                if (!fits && best != (size_t)-1) {
                    brk = best; /* the last break that fit */
                    break;
                }
                if (forced || !fits) {
                    brk = i; /* forced, or nothing fits (one cluster wider than the measure) */
                    break;
                }
                best = i;
            }
            if (it->type == SC_IT_BOX) {
                w += it->width;
                have_box = 1;
            } else if (it->type == SC_IT_GLUE) {
                w += it->width;
                z += it->shrink;
            }
        }
        if (brk == (size_t)-1)
            brk = n - 1; /* the items always end with a forced break; stay safe */
        breaks[nb++] = brk;
        i = brk + 1;
    }
    return nb;
}
