/* pdf_writer.c — sc_pdf_write: the order of the work.
 *   1. glyph pass (fonts, glyphs, ToUnicode text)      pdf_glyphs.c
 *   2. every page created (links need later pages)     here
 *   3. fonts embedded, complete                         pdf_fonts.c
 *   4. pages drawn: text, rules, rectangles, links,     pdf_text.c, pdf_graphics.c, pdf_nav.c,
 *      pictures                                         pdf_images.c
 *   5. outline, metadata, save                          pdf_nav.c, pdf_meta.c
 * libharu reports errors through a handler; ours records the first one in this call's state
 * (errors are sticky in libharu: once one happened, we stop and report it). */
#include <string.h>

#include "pdf_internal.h"

static void HPDF_STDCALL on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    sc_pdf_state *st = user_data;
    if (!st->failed) {
        st->failed = 1;
        st->error_no = error_no;
        st->detail_no = detail_no;
    }
}

int sc_pdf_fail(sc_pdf_state *st, const char *what)
{
    if (st->failed == 2)
        return -1; /* already reported */
    if (st->failed)
        sc_diag_error(st->diags, st->path, "cannot write PDF: %s (libharu error 0x%04X, detail %u%s%s)",
                      what, (unsigned)st->error_no, (unsigned)st->detail_no,
                      st->doing ? ", while " : "", st->doing ? st->doing : "");
    else
        sc_diag_error(st->diags, st->path, "cannot write PDF: %s", what);
    st->failed = 2;
    return -1;
}

static int draw_page(sc_pdf_state *st, size_t p)
{
    const sc_page *pg = &st->layout->pages[p];
    sc_pdf_page_ctx pc = {.page = st->pages[p], .height = pg->height};
    for (size_t k = 0; k < pg->nitems; k++) {
        const sc_item *it = &pg->items[k];
        int rc = 0;
        switch (it->kind) {
        case SC_ITEM_GLYPHS:
            rc = sc_pdf_draw_run(st, &pc, &it->u.glyphs);
            break;
        case SC_ITEM_RULE:
            rc = sc_pdf_draw_rule(st, &pc, it);
            break;
        case SC_ITEM_RECT:
            rc = sc_pdf_draw_rect(st, &pc, it);
            break;
        case SC_ITEM_LINK:
            rc = sc_pdf_add_link(st, p, it);
            break;
        case SC_ITEM_IMAGE:
            rc = sc_pdf_draw_image(st, &pc, it);
            break;
        case SC_ITEM_DEST:
            break;
        }
        if (rc)
            return -1;
    }
    return sc_pdf_end_text(st, &pc);
}

static int add_pages(sc_pdf_state *st)
{
    const sc_layout *L = st->layout;
    st->pages = sc_arena_calloc(st->arena, L->npages, sizeof *st->pages);
    for (size_t p = 0; p < L->npages; p++) {
        float w = L->pages[p].width, h = L->pages[p].height;
        /* libharu's page size limits are 3..14400 pt. */
        if (!(w >= 3 && w <= 14400 && h >= 3 && h <= 14400))
            return sc_pdf_fail(st, "a page size is out of range (3..14400 pt)");
        st->pages[p] = HPDF_AddPage(st->pdf);
        if (!st->pages[p] || HPDF_Page_SetWidth(st->pages[p], w) != HPDF_OK ||
            HPDF_Page_SetHeight(st->pages[p], h) != HPDF_OK)
            return sc_pdf_fail(st, "adding a page failed");
    }
    return 0;
}

static int write_document(sc_pdf_state *st, const sc_meta *meta, const sc_pdf_options *opts)
{
    st->doing = "setting up the document";
    if (HPDF_SetCompressionMode(st->pdf, HPDF_COMP_ALL) != HPDF_OK)
        return sc_pdf_fail(st, "turning compression on failed");
    st->compress = 1;
    if (sc_pdf_collect_glyphs(st) || sc_pdf_collect_dests(st))
        return -1;
    st->doing = "adding pages";
    if (add_pages(st) || sc_pdf_build_fonts(st))
        return -1;
    for (size_t p = 0; p < st->layout->npages; p++) {
        st->doing = "drawing a page";
        if (draw_page(st, p))
            return -1;
    }
    st->doing = "adding bookmarks";
    if (sc_pdf_add_outline(st) || sc_pdf_add_page_labels(st) || sc_pdf_set_meta(st, meta, opts))
        return -1;
    st->doing = "saving the file";
    if (HPDF_SaveToFile(st->pdf, st->path) != HPDF_OK || st->failed)
        return sc_pdf_fail(st, "saving the file failed");
    return 0;
}

int sc_pdf_write(const sc_layout *layout, const sc_meta *meta, const sc_pdf_options *opts,
                 const char *path, sc_diag_list *diags)
{
    if (!layout || !path || !*path) {
        sc_diag_error(diags, path, "cannot write PDF: no layout or no output path");
        return -1;
    }
    if (layout->npages == 0) {
        sc_diag_error(diags, path, "cannot write PDF: the layout has no pages");
        return -1;
    }
    sc_pdf_state st = {.arena = sc_arena_new(), .diags = diags, .path = path, .layout = layout};
    st.pdf = HPDF_New(on_error, &st);
    int rc;
    if (!st.pdf) {
        sc_diag_error(diags, path, "cannot write PDF: libharu could not start (out of memory)");
        rc = -1;
    } else {
        rc = write_document(&st, meta, opts);
        HPDF_Free(st.pdf); /* before the arena: font records live there */
    }
    sc_arena_free(st.arena);
    return rc;
}
