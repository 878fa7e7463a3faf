/* pdf_nav.c — navigation: named destinations of the layout, link annotations (URIs and internal
 * links), and the outline (bookmarks) nested by heading level. */
#include <stdlib.h>
#include <string.h>

#include "pdf_internal.h"

static int dest_cmp(const void *a, const void *b)
{
    const sc_pdf_dest *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    /* Same name twice: the first in reading order wins (stable whatever qsort does). */
    return x->page != y->page ? (x->page < y->page ? -1 : 1) : (x->y < y->y ? -1 : x->y > y->y);
}

int sc_pdf_collect_dests(sc_pdf_state *st)
{
    const sc_layout *L = st->layout;
    size_t n = 0;
    for (size_t p = 0; p < L->npages; p++)
        for (size_t k = 0; k < L->pages[p].nitems; k++)
            n += L->pages[p].items[k].kind == SC_ITEM_DEST && L->pages[p].items[k].u.dest.name;
    st->dests = sc_arena_calloc(st->arena, n ? n : 1, sizeof *st->dests);
    for (size_t p = 0; p < L->npages; p++)
        for (size_t k = 0; k < L->pages[p].nitems; k++) {
            const sc_item *it = &L->pages[p].items[k];
            if (it->kind == SC_ITEM_DEST && it->u.dest.name)
                st->dests[st->ndests++] = (sc_pdf_dest){it->u.dest.name, p, it->u.dest.y};
        }
    qsort(st->dests, st->ndests, sizeof *st->dests, dest_cmp);
    return 0;
}

static const sc_pdf_dest *find_dest(const sc_pdf_state *st, const char *name)
{
    size_t lo = 0, hi = st->ndests;
    while (lo < hi) { /* the first entry with this name */
        size_t mid = (lo + hi) / 2;
        if (strcmp(st->dests[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < st->ndests && strcmp(st->dests[lo].name, name) == 0 ? &st->dests[lo] : NULL;
}

/* [page /XYZ null top null]: scroll to the spot and keep the reader's zoom (libharu's SetXYZ
 * refuses a null zoom, so the array is filled here). */
static HPDF_Destination make_dest(sc_pdf_state *st, size_t page, float y)
{
    HPDF_Page target = st->pages[page];
    HPDF_Destination d = HPDF_Page_CreateDestination(target);
    if (!d)
        return NULL;
    float top = st->layout->pages[page].height - y;
    if (top < 0)
        top = 0;
    HPDF_MMgr mmgr = st->pdf->mmgr;
    HPDF_Array_Clear(d);
    int ok = HPDF_Array_Add(d, target) == HPDF_OK && HPDF_Array_AddName(d, "XYZ") == HPDF_OK &&
             HPDF_Array_Add(d, HPDF_Null_New(mmgr)) == HPDF_OK &&
             HPDF_Array_AddReal(d, top) == HPDF_OK &&
             HPDF_Array_Add(d, HPDF_Null_New(mmgr)) == HPDF_OK;
    return ok ? d : NULL;
}

/* URIs must be ASCII: anything else is percent-encoded (UTF-8 bytes). */
static char *ascii_uri(sc_pdf_state *st, const char *uri)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++)
        n += (*p <= 0x20 || *p >= 0x7F) ? 3 : 1;
    char *out = sc_arena_alloc(st->arena, n + 1), *o = out;
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
        if (*p <= 0x20 || *p >= 0x7F) {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        } else {
            *o++ = (char)*p;
        }
    }
    *o = 0;
    return out;
}

int sc_pdf_add_link(sc_pdf_state *st, size_t page, const sc_item *item)
{
    float h = st->layout->pages[page].height;
    HPDF_Rect r = {item->u.link.x, h - item->u.link.y - item->u.link.h,
                   item->u.link.x + item->u.link.w, h - item->u.link.y};
    HPDF_Annotation a = NULL;
    if (item->u.link.uri) {
        if (strlen(item->u.link.uri) > HPDF_LIMIT_MAX_STRING_LEN / 4)
            return 0; /* no reader would follow it; the text stays */
        a = HPDF_Page_CreateURILinkAnnot(st->pages[page], r, ascii_uri(st, item->u.link.uri));
    } else if (item->u.link.dest) {
        const sc_pdf_dest *d = find_dest(st, item->u.link.dest);
        if (!d) {
            sc_diag_warning(st->diags, st->path, "link to '%s' has no target", item->u.link.dest);
            return 0;
        }
        HPDF_Destination dst = make_dest(st, d->page, d->y);
        a = dst ? HPDF_Page_CreateLinkAnnot(st->pages[page], r, dst) : NULL;
    } else {
        return 0;
    }
    if (!a || HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0) != HPDF_OK)
        return sc_pdf_fail(st, "adding a link failed");
    return 0;
}

int sc_pdf_add_outline(sc_pdf_state *st)
{
    const sc_layout *L = st->layout;
    if (L->noutline == 0)
        return 0;
    enum { MAX_DEPTH = 16 };
    HPDF_Outline stack[MAX_DEPTH];
    int levels[MAX_DEPTH];
    int depth = 0;
    for (size_t i = 0; i < L->noutline; i++) {
        const sc_outline_entry *e = &L->outline[i];
        if (e->page >= L->npages || !e->title)
            continue;
        while (depth > 0 && levels[depth - 1] >= e->level)
            depth--;
        /* Title set below as a UTF-16 text string (the encoder path cannot do non-BMP). */
        HPDF_Outline o = HPDF_CreateOutline(st->pdf, depth ? stack[depth - 1] : NULL, "", NULL);
        HPDF_Destination d = o ? make_dest(st, e->page, e->y) : NULL;
        if (!d || HPDF_Dict_Add(o, "Title", sc_pdf_text_string(st, e->title)) != HPDF_OK ||
            HPDF_Dict_RemoveElement(o, "Type") != HPDF_OK ||
            HPDF_Outline_SetDestination(o, d) != HPDF_OK || HPDF_Outline_SetOpened(o, HPDF_TRUE) != HPDF_OK)
            return sc_pdf_fail(st, "adding a bookmark failed");
        if (depth < MAX_DEPTH) {
            stack[depth] = o;
            levels[depth] = e->level;
            depth++;
        }
    }
    if (HPDF_SetPageMode(st->pdf, HPDF_PAGE_MODE_USE_OUTLINE) != HPDF_OK)
        return sc_pdf_fail(st, "showing the bookmarks failed");
    return 0;
}

int sc_pdf_add_page_labels(sc_pdf_state *st)
{
    const sc_layout *L = st->layout;
    int plain = 1;
    for (size_t p = 0; p < L->npages && plain; p++)
        plain = L->pages[p].number == (int)p + 1 && !L->pages[p].roman;
    if (plain)
        return 0; /* viewers number pages 1.. by themselves */
    /* A label range starts wherever the printed folio does not follow the one before or its style
     * changes; roman pages (sc_page.roman) and pages without a folio (number 0) are front matter:
     * i, ii, iii ... */
    for (size_t p = 0; p < L->npages; p++) {
        int n = L->pages[p].number, prev = p > 0 ? L->pages[p - 1].number : -1;
        int roman = n <= 0 || L->pages[p].roman;
        int prev_roman = p > 0 && (prev <= 0 || L->pages[p - 1].roman);
        if (p > 0 && roman == prev_roman &&
            ((n > 0 && prev > 0 && n == prev + 1) || (n <= 0 && prev <= 0)))
            continue;
        HPDF_STATUS rc = HPDF_AddPageLabel(st->pdf, (HPDF_UINT)p,
                                           roman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
                                                 : HPDF_PAGE_NUM_STYLE_DECIMAL,
                                           n > 0 ? (HPDF_UINT)n : 1, NULL);
        if (rc != HPDF_OK)
            return sc_pdf_fail(st, "adding page labels failed");
    }
    return 0;
}
