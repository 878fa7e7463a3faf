/* layout.c — the layout stage's entry point: block flow (blocks.c) then pages (pages.c), one
 * arena for everything the display list points at (lines are shaped straight into it). */
#include "layout.h"

#include <string.h>

#include "flow.h"
#include "inline.h"

sc_layout *sc_layout_document(const sc_document *doc, const sc_page_setup *page,
                              const sc_fontset *fonts, sc_diag_list *diags)
{
    return sc_layout_document_ex(doc, page, fonts, NULL, diags);
}

sc_layout *sc_layout_document_ex(const sc_document *doc, const sc_page_setup *page,
                                 const sc_fontset *fonts, const sc_layout_options *opts,
                                 sc_diag_list *diags)
{
    const char *name = doc && doc->source_name ? doc->source_name : NULL;
    if (!doc || !page || !fonts) {
        sc_diag_error(diags, name, "layout: no document, page setup or fonts");
        return NULL;
    }
    float area_w = page->width - page->margin[SC_EDGE_LEFT] - page->margin[SC_EDGE_RIGHT];
    float area_h = page->height - page->margin[SC_EDGE_TOP] - page->margin[SC_EDGE_BOTTOM];
    if (!(area_w >= 36 && area_h >= 36)) {
        sc_diag_error(diags, name,
                      "the page margins leave no room for text (%.1f x %.1f pt)", (double)area_w,
                      (double)area_h);
        return NULL;
    }
    sc_arena *arena = sc_arena_new();
    sc_layout *layout = sc_arena_alloc(arena, sizeof *layout);
    layout->arena = arena;
    layout->fonts = fonts;
    sc_shaper *shaper = sc_shaper_new(fonts, arena, diags, name);
    if (!shaper) {
        sc_diag_error(diags, name, "layout: cannot start the shaper");
        sc_arena_free(arena);
        return NULL;
    }
    sc_flow flow;
    memset(&flow, 0, sizeof flow);
    int rc = sc_blocks_build(doc, page, shaper, arena, diags, &flow);
    if (rc == 0) {
        /* The page context is large (a setup per kind of page): keep it off the stack. */
        sc_pages_ctx *pc = sc_arena_calloc(arena, 1, sizeof *pc);
        pc->layout = layout;
        pc->doc = doc;
        pc->shaper = shaper;
        pc->diags = diags;
        pc->base = page;
        pc->opts = opts;
        rc = sc_pages_build(pc, &flow);
    }
    sc_shaper_free(shaper);
    if (rc != 0) {
        sc_diag_error(diags, name, "layout failed");
        sc_arena_free(arena);
        return NULL;
    }
    return layout;
}

void sc_layout_free(sc_layout *layout)
{
    if (layout)
        sc_arena_free(layout->arena);
}
