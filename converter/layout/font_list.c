/* font_list.c — `sapchu --list-fonts`: the families a stylesheet can name, one line each with the
 * file of its most regular face: bundled, @font-face, font folders, then the installed fonts. */
#include <string.h>
#include <strings.h>

#include "../base/buf.h"
#include "fontset.h"

static const char *const k_origin[] = {"font-face", "bundled", "font-dir", "system"};

/* The entry of `origin` named like entry i that is closest to regular upright. */
static const sc_font_entry *most_regular(const sc_fontset *fs, size_t i)
{
    const sc_font_entry *best = &fs->entries[i];
    const char *name = best->family2 ? best->family2 : best->family;
    for (size_t j = i + 1; j < fs->nentries; j++) {
        const sc_font_entry *e = &fs->entries[j];
        const char *n = e->family2 ? e->family2 : e->family;
        if (e->origin != best->origin || strcasecmp(n, name) != 0)
            continue;
        int de = (e->italic ? 10000 : 0) + (e->weight > 400 ? e->weight - 400 : 400 - e->weight);
        int db = (best->italic ? 10000 : 0) +
                 (best->weight > 400 ? best->weight - 400 : 400 - best->weight);
        if (de < db)
            best = e;
    }
    return best;
}

int sc_fontset_list(const sc_font_options *opts, sc_buf *out, sc_diag_list *diags)
{
    sc_fontset *fs = sc_fontset_load_opts(opts, diags);
    if (!fs)
        return -1;
    static const int k_order[] = {SC_ORIGIN_BUNDLED, SC_ORIGIN_FONT_FACE, SC_ORIGIN_FONT_DIR};
    for (size_t k = 0; k < sizeof k_order / sizeof k_order[0]; k++) {
        for (size_t i = 0; i < fs->nentries; i++) {
            const sc_font_entry *e = &fs->entries[i];
            if (e->origin != k_order[k] || e->failed || !e->family[0])
                continue;
            /* The typographic family (name ID 16) is the one a stylesheet usually names. */
            const char *name = e->family2 ? e->family2 : e->family;
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++) {
                const sc_font_entry *o = &fs->entries[j];
                seen = o->origin == e->origin &&
                       strcasecmp(o->family2 ? o->family2 : o->family, name) == 0;
            }
            if (!seen)
                sc_buf_printf(out, "%s\t%s\t%s\n", name, k_origin[e->origin],
                              most_regular(fs, i)->path);
        }
    }
    if (!fs->no_system)
        sc_font_system_list(fs->arena, out);
    sc_fontset_free(fs);
    return 0;
}
