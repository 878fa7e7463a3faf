/* epub_nav.c — the table of contents twice over: nav.xhtml (EPUB 3) and toc.ncx (for EPUB 2
 * reading systems), both from the top-level headings, nested by level. */
#include <stdio.h>
#include <string.h>

#include "epub_internal.h"

typedef struct toc_entry {
    const char *label;
    const char *href;
    int depth; /* 1 = outermost */
} toc_entry;

/* The entries in reading order: the document title for content before the first heading (or a
 * document without headings; the nav must not be empty), then every top-level heading. */
static toc_entry *toc_entries(const ep_book *b, int *count, int *max_depth)
{
    toc_entry *e = sc_arena_calloc(b->arena, (size_t)b->ntoc + 1, sizeof *e);
    int *levels = sc_arena_calloc(b->arena, (size_t)b->ntoc + 1, sizeof *levels);
    int n = 0, top = 0, min_level = 6;
    for (int i = 0; i < b->ntoc; i++)
        if (ep_heading_level(b->toc[i]) < min_level)
            min_level = ep_heading_level(b->toc[i]);
    const ep_file *first = &b->files[0];
    if (!first->first || first->first->type != SC_NODE_HEADING) {
        e[n].label = b->title;
        e[n].href = first->name;
        e[n].depth = 1;
        levels[top++] = min_level;
        n++;
    }
    *max_depth = 1;
    for (int i = 0; i < b->ntoc; i++) {
        const sc_node *h = b->toc[i];
        const ep_anchor *a = ep_anchor_of_node(b, h);
        while (top > 0 && levels[top - 1] >= ep_heading_level(h))
            top--;
        e[n].depth = top + 1;
        levels[top++] = ep_heading_level(h);
        if (e[n].depth > *max_depth)
            *max_depth = e[n].depth;
        const char *label = ep_plain_text(b, h);
        e[n].label = *label ? label : sc_arena_printf(b->arena, "§ %d", i + 1);
        e[n].href = a ? ep_href(b, a, -1) : b->files[0].name;
        n++;
    }
    *count = n;
    return e;
}

const char *ep_label(const ep_book *b, ep_label_kind kind)
{
    static const char *const en[] = {"Contents", "Notes", "Landmarks", "Start"};
    static const char *const vi[] = {"Mục lục", "Chú thích", "Mốc", "Bắt đầu"};
    int is_vi = strncmp(b->lang, "vi", 2) == 0 && (b->lang[2] == '\0' || b->lang[2] == '-');
    return (is_vi ? vi : en)[kind];
}

static void nav_link(ep_xml *x, const char *href, const char *label, const char *epub_type)
{
    ep_start(x, "li");
    ep_start(x, "a");
    if (epub_type)
        ep_attr(x, "epub:type", epub_type);
    ep_attr(x, "href", href);
    ep_text(x, label, strlen(label));
    ep_end(x);
}

int ep_write_nav(const ep_book *b, sc_buf *out)
{
    int n, max_depth;
    toc_entry *e = toc_entries(b, &n, &max_depth);
    ep_xml x;
    if (ep_xml_begin(&x, out) < 0)
        return -1;
    ep_xhtml_open(b, &x, b->title);

    ep_start(&x, "nav");
    ep_attr(&x, "epub:type", "toc");
    ep_attr(&x, "id", "toc");
    ep_newline(&x);
    ep_element_text(&x, "h1", ep_label(b, EP_LABEL_CONTENTS));
    ep_newline(&x);
    ep_start(&x, "ol");
    int prev = 1;
    for (int i = 0; i < n; i++) {
        if (i > 0 && e[i].depth > prev) {
            ep_start(&x, "ol"); /* inside the previous entry's <li> */
        } else if (i > 0) {
            ep_end(&x); /* li */
            for (int d = prev; d > e[i].depth; d--) {
                ep_end(&x); /* ol */
                ep_end(&x); /* li */
            }
        }
        ep_newline(&x);
        nav_link(&x, e[i].href, e[i].label, NULL);
        prev = e[i].depth;
    }
    ep_end(&x); /* li */
    for (int d = prev; d > 1; d--) {
        ep_end(&x);
        ep_end(&x);
    }
    ep_newline(&x);
    ep_end(&x); /* ol */
    ep_newline(&x);
    ep_end(&x); /* nav */
    ep_newline(&x);

    ep_start(&x, "nav");
    ep_attr(&x, "epub:type", "landmarks");
    ep_attr(&x, "id", "landmarks");
    ep_attr(&x, "hidden", "hidden");
    ep_newline(&x);
    ep_element_text(&x, "h1", ep_label(b, EP_LABEL_LANDMARKS));
    ep_newline(&x);
    ep_start(&x, "ol"); /* the nav document is not in the spine, so it is no landmark itself */
    nav_link(&x, b->files[0].name, ep_label(b, EP_LABEL_START), "bodymatter");
    ep_end(&x);
    ep_end(&x); /* ol */
    ep_newline(&x);
    ep_end(&x); /* nav */
    ep_newline(&x);

    ep_xhtml_close(&x);
    return ep_xml_end(&x);
}

static void ncx_meta(ep_xml *x, const char *name, const char *content)
{
    ep_start(x, "meta");
    ep_attr(x, "name", name);
    ep_attr(x, "content", content);
    ep_end(x);
    ep_newline(x);
}

static void ncx_text(ep_xml *x, const char *wrapper, const char *text)
{
    ep_start(x, wrapper);
    ep_element_text(x, "text", text);
    ep_end(x);
    ep_newline(x);
}

int ep_write_ncx(const ep_book *b, sc_buf *out)
{
    int n, max_depth;
    toc_entry *e = toc_entries(b, &n, &max_depth);
    ep_xml x;
    if (ep_xml_begin(&x, out) < 0)
        return -1;
    ep_start(&x, "ncx");
    ep_attr(&x, "xmlns", "http://www.daisy.org/z3986/2005/ncx/");
    ep_attr(&x, "version", "2005-1");
    ep_attr(&x, "xml:lang", b->lang);
    ep_newline(&x);
    ep_start(&x, "head");
    ep_newline(&x);
    char depth[16];
    snprintf(depth, sizeof depth, "%d", max_depth);
    ncx_meta(&x, "dtb:uid", b->doc->meta.identifier);
    ncx_meta(&x, "dtb:depth", depth);
    ncx_meta(&x, "dtb:totalPageCount", "0");
    ncx_meta(&x, "dtb:maxPageNumber", "0");
    ep_end(&x);
    ep_newline(&x);
    ncx_text(&x, "docTitle", b->title);
    if (b->doc->meta.author && *b->doc->meta.author)
        ncx_text(&x, "docAuthor", b->doc->meta.author);

    ep_start(&x, "navMap");
    ep_newline(&x);
    int prev = 0;
    for (int i = 0; i < n; i++) {
        for (int d = prev; d >= e[i].depth; d--) {
            ep_end(&x); /* navPoint: the previous entry and the levels it closes */
            ep_newline(&x);
        }
        char id[32], order[16];
        snprintf(id, sizeof id, "navpoint-%d", i + 1);
        snprintf(order, sizeof order, "%d", i + 1);
        ep_start(&x, "navPoint");
        ep_attr(&x, "id", id);
        ep_attr(&x, "playOrder", order);
        ep_newline(&x);
        ncx_text(&x, "navLabel", e[i].label);
        ep_start(&x, "content");
        ep_attr(&x, "src", e[i].href);
        ep_end(&x);
        ep_newline(&x);
        prev = e[i].depth;
    }
    for (int d = prev; d >= 1; d--) {
        ep_end(&x);
        ep_newline(&x);
    }
    ep_end(&x); /* navMap */
    ep_newline(&x);
    ep_end(&x); /* ncx */
    ep_newline(&x);
    return ep_xml_end(&x);
}
