/* knuth_plass.c — total-fit line breaking (Knuth & Plass 1981, as in TeX): the set of breaks with
 * the least total demerits over the paragraph. TeX's parameters: line penalty 10, 10000 demerits
 * when adjacent lines' fitness classes differ by more than one, 10000 for two hyphenated lines in a
 * row, passes at tolerance 100, 200, then looser, then an emergency pass that accepts any line
 * that is not overfull. Two rules are hard, not demerits: never three hyphenated lines in a row,
 * and never a hyphen on the line before a paragraph's last (TeX's \finalhyphendemerits, made
 * absolute). */
#include <math.h>
#include <stdlib.h>

#include "text.h"

enum { LINE_PENALTY = 10, ADJ_DEMERITS = 10000, DOUBLE_HYPHEN_DEMERITS = 10000,
       MAX_HYPHENS_IN_A_ROW = 2 };

typedef struct kp_node {
    size_t pos;             /* the break item */
    int line;               /* lines before this break's next line */
    int fitness;
    int hyphen;             /* hyphenated lines in a row ending at this break (0: not after a
                               hyphen, explicit, soft or from the patterns) */
    double w, y, z;         /* totals after the break (discarded items skipped) */
    double demerits;
    int prev;               /* node index of the previous break, -1 for the start */
} kp_node;

typedef struct kp_state {
    kp_node *nodes;
    size_t nnodes, cap;
    int *active;            /* node indices, in creation order */
    size_t nactive, capactive;
} kp_state;

static int push_node(kp_state *s, const kp_node *n)
{
    if (s->nnodes == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        kp_node *p = realloc(s->nodes, cap * sizeof *p);
        if (!p)
            return -1;
        s->nodes = p;
        s->cap = cap;
    }
    s->nodes[s->nnodes] = *n;
    return (int)s->nnodes++;
}

static int push_active(kp_state *s, int node)
{
    if (s->nactive == s->capactive) {
        size_t cap = s->capactive ? s->capactive * 2 : 32;
        int *p = realloc(s->active, cap * sizeof *p);
        if (!p)
            return -1;
        s->active = p;
        s->capactive = cap;
    }
    s->active[s->nactive++] = node;
    return 0;
}

static double badness(double r)
{
    double b = 100.0 * fabs(r) * fabs(r) * fabs(r);
    return b > 10000 ? 10000 : b;
}

static int fitness_of(double r)
{
    return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/* One pass; returns the number of breaks written, 0 when no feasible set exists. */
static size_t kp_pass(kp_state *s, const sc_bitem *items, size_t n, double first_width,
                      double width, double tolerance, double emergency_stretch, size_t *breaks)
{
    s->nnodes = s->nactive = 0;
    kp_node start = {0, 0, 1, 0, 0, 0, 0, 0, -1};
    if (push_node(s, &start) < 0 || push_active(s, 0) < 0)
        return 0;
    double tw = 0, ty = 0, tz = 0;
    for (size_t b = 0; b < n; b++) {
        const sc_bitem *it = &items[b];
        if (it->type == SC_IT_BOX) {
            tw += it->width;
            continue;
        }
        int legal = it->type == SC_IT_GLUE ? b > 0 && items[b - 1].type == SC_IT_BOX
                                           : it->penalty < SC_INF_PENALTY;
        if (legal) {
            double pw = it->type == SC_IT_PENALTY ? it->width : 0;
            int p = it->type == SC_IT_PENALTY ? it->penalty : 0;
            int forced = p <= -SC_INF_PENALTY;
            int hyphen = it->type == SC_IT_PENALTY && !it->split && p > 0;
            double best_d[4] = {INFINITY, INFINITY, INFINITY, INFINITY};
            int best_from[4] = {-1, -1, -1, -1};
            size_t keep = 0;
            for (size_t k = 0; k < s->nactive; k++) {
                int ai = s->active[k];
                const kp_node *a = &s->nodes[ai];
                double avail = a->line == 0 ? first_width : width;
                double L = tw - a->w + pw, r;
                if (L < avail) {
                    double Y = ty - a->y + emergency_stretch;
                    r = Y > 0 ? (avail - L) / Y : INFINITY;
                } else if (L > avail) {
                    double Z = tz - a->z;
                    r = Z > 0 ? (avail - L) / Z : -INFINITY;
                } else {
                    r = 0;
                }
                int deactivate = r < -1 || forced;
                if (!deactivate)
                    s->active[keep++] = ai;
                if (r < -1)
                    continue;
                if ((hyphen && a->hyphen >= MAX_HYPHENS_IN_A_ROW) || (forced && a->hyphen))
                    continue; /* a third hyphen in a row, or one on the last full line */
                double bad = isinf(r) ? 10000 : badness(r);
                if (emergency_stretch == 0 && bad > tolerance)
                    continue;
                double d = (LINE_PENALTY + bad) * (LINE_PENALTY + bad);
                if (p > 0)
                    d += (double)p * p;
                else if (!forced)
                    d -= (double)p * p;
                int fit = isinf(r) ? 3 : fitness_of(r);
                if (abs(fit - a->fitness) > 1)
                    d += ADJ_DEMERITS;
                if (hyphen && a->hyphen)
                    d += DOUBLE_HYPHEN_DEMERITS;
                d += a->demerits;
                if (d < best_d[fit]) {
                    best_d[fit] = d;
                    best_from[fit] = ai;
                }
            }
            s->nactive = keep;
            double dmin = INFINITY;
            for (int f = 0; f < 4; f++)
                dmin = best_d[f] < dmin ? best_d[f] : dmin;
            if (dmin < INFINITY) {
                /* Totals after the break: glue and penalties that follow are discarded. */
                double aw = tw, ay = ty, az = tz;
                for (size_t i = b; i < n; i++) {
                    if (items[i].type == SC_IT_BOX)
                        break;
                    if (i > b && items[i].type == SC_IT_PENALTY &&
                        items[i].penalty <= -SC_INF_PENALTY)
                        break;
                    if (items[i].type == SC_IT_GLUE) {
                        aw += items[i].width;
                        ay += items[i].stretch;
                        az += items[i].shrink;
                    }
                }
                for (int f = 0; f < 4; f++) {
                    if (best_from[f] < 0 || best_d[f] > dmin + ADJ_DEMERITS)
                        continue;
                    int run = hyphen ? s->nodes[best_from[f]].hyphen + 1 : 0;
                    kp_node nn = {b, s->nodes[best_from[f]].line + 1, f, run, aw, ay, az,
                                  best_d[f], best_from[f]};
                    int ni = push_node(s, &nn);
                    if (ni < 0 || push_active(s, ni) < 0)
                        return 0;
                }
            }
            if (s->nactive == 0)
                return 0; /* no feasible breaks up to here */
        }
        if (it->type == SC_IT_GLUE) {
            tw += it->width;
            ty += it->stretch;
            tz += it->shrink;
        }
    }
    /* The best active node at the final break. */
    int best = -1;
    for (size_t k = 0; k < s->nactive; k++) {
        const kp_node *a = &s->nodes[s->active[k]];
        if (a->pos == n - 1 && (best < 0 || a->demerits < s->nodes[best].demerits))
            best = s->active[k];
    }
    if (best < 0)
        return 0;
    size_t count = 0;
    for (int i = best; s->nodes[i].prev >= 0; i = s->nodes[i].prev)
        count++;
    size_t k = count;
    for (int i = best; s->nodes[i].prev >= 0; i = s->nodes[i].prev)
        breaks[--k] = s->nodes[i].pos;
    return count;
}

size_t sc_knuth_plass(const sc_bitem *items, size_t n, double first_width, double width,
                      size_t *breaks)
{
    if (n == 0)
        return 0;
    static const double k_tolerance[] = {100, 200, 1000};
    kp_state s = {0};
    size_t nb = 0;
    for (size_t pass = 0; pass < 4 && nb == 0; pass++) {
        /* The emergency pass accepts any line that is not overfull; like TeX's
         * \emergencystretch, extra stretch in the badness (not in the set line) makes it
         * prefer the fullest lines when some cannot be filled (a URL, a long word). */
        int emergency = pass == 3;
        nb = kp_pass(&s, items, n, first_width, width, emergency ? INFINITY : k_tolerance[pass],
                     emergency ? width * 0.1 : 0, breaks);
    }
    free(s.nodes);
    free(s.active);
    return nb;
}
