/* html_head.c — what an HTML document says about itself: <title>, <meta name="author">,
 * Dublin Core metas, <html lang>; and the stylesheets it brings: <style> text and
 * <link rel="stylesheet"> files, read only from inside doc->base_dir. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/buf.h"
#include "html.h"

/* A linked stylesheet larger than this is refused. */
enum { MAX_LINKED_CSS = 4 << 20, MAX_LINKED_SHEETS = 32 };

static const xmlNode *child_named(const xmlNode *parent, const char *name)
{
    for (const xmlNode *n = parent ? parent->children : NULL; n; n = n->next)
        if (sc_html_name(n) && strcasecmp(sc_html_name(n), name) == 0)
            return n;
    return NULL;
}

/* Text content with white space collapsed and trimmed; NULL when empty. */
static const char *collapsed_text(sc_document *doc, const xmlNode *el)
{
    xmlChar *raw = xmlNodeGetContent(el);
    if (!raw)
        return NULL;
    sc_buf b;
    sc_buf_init(&b);
    int space = 0;
    for (const xmlChar *p = raw; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
            space = 1;
            continue;
        }
        if (space && b.len)
            sc_buf_putc(&b, ' ');
        space = 0;
        sc_buf_putc(&b, (char)*p);
    }
    xmlFree(raw);
    const char *out = b.len ? sc_html_nfc(doc, b.data, b.len) : NULL;
    sc_buf_free(&b);
    return out;
}

static void read_meta(sc_document *doc, const xmlNode *meta)
{
    const char *name = sc_html_attr(doc, meta, "name");
    const char *content = sc_html_attr(doc, meta, "content");
    if (!name || !content || !*content)
        return;
    sc_meta *m = &doc->meta;
    if ((strcasecmp(name, "author") == 0 || strcasecmp(name, "dc.creator") == 0 ||
         strcasecmp(name, "dcterms.creator") == 0) && !m->author)
        m->author = content;
    else if ((strcasecmp(name, "dcterms.date") == 0 || strcasecmp(name, "dc.date") == 0 ||
              strcasecmp(name, "date") == 0) && !m->date)
        m->date = content;
    else if ((strcasecmp(name, "dc.title") == 0 || strcasecmp(name, "dcterms.title") == 0) &&
             !m->title) {
        m->title = content;
        m->title_from_source = 1;
    } else if ((strcasecmp(name, "dc.language") == 0 || strcasecmp(name, "dcterms.language") == 0) &&
               !m->lang)
        m->lang = content;
}

/* The linked sheet's path when it lies inside base_dir (after resolving links), else NULL. */
static char *inside_base(const char *base_dir, const char *href)
{
    if (!base_dir || !href || !*href || strstr(href, "://") || href[0] == '/' ||
        strncasecmp(href, "data:", 5) == 0)
        return NULL;
    size_t cut = strcspn(href, "?#");
    char joined[PATH_MAX];
    if ((size_t)snprintf(joined, sizeof joined, "%s/%.*s", base_dir, (int)cut, href) >= sizeof joined)
        return NULL;
    char real[PATH_MAX], base[PATH_MAX];
    if (!realpath(joined, real) || !realpath(base_dir, base))
        return NULL;
    size_t n = strlen(base);
    if (strncmp(real, base, n) != 0 || (real[n] != '/' && !(n == 1 && base[0] == '/')))
        return NULL;
    return strdup(real);
}

static void link_sheet(sc_document *doc, const xmlNode *link, const char *file, int *count,
                       sc_diag_list *diags)
{
    const char *rel = sc_html_attr(doc, link, "rel");
    const char *href = sc_html_attr(doc, link, "href");
    const char *media = sc_html_attr(doc, link, "media");
    if (!rel || !sc_html_has_word(rel, "stylesheet") || sc_html_has_word(rel, "alternate") || !href)
        return;
    if (media && *media && !strstr(media, "print") && !strstr(media, "all"))
        return; /* a screen-only sheet */
    if (*count >= MAX_LINKED_SHEETS)
        return;
    char *path = inside_base(doc->base_dir, href);
    if (!path) {
        sc_diag_warning(diags, file, "stylesheet '%s' not read (only files beside the document "
                                     "are read)", href);
        return;
    }
    sc_buf css;
    sc_buf_init(&css);
    if (sc_buf_read_file(&css, path, MAX_LINKED_CSS) == 0) {
        sc_document_add_css(doc, href, css.data ? css.data : "", css.len);
        (*count)++;
    } else {
        sc_diag_warning(diags, file, "cannot read stylesheet '%s': %s", href,
                        errno == EFBIG ? "larger than 4 MiB" : strerror(errno));
    }
    sc_buf_free(&css);
    free(path);
}

/* <style> and <link> in document order (head first, then body, as browsers cascade them). */
static void stylesheets_in(sc_document *doc, const xmlNode *top, const char *file, int *count,
                           sc_diag_list *diags)
{
    const xmlNode *n = top;
    while (n) {
        const char *name = sc_html_name(n);
        int descend = 1;
        if (name && strcasecmp(name, "style") == 0) {
            const char *media = sc_html_attr(doc, n, "media");
            xmlChar *text = xmlNodeGetContent(n);
            if (text && (!media || !*media || strstr(media, "print") || strstr(media, "all")))
                sc_document_add_css(doc, sc_arena_printf(doc->arena, "%s <style>", file),
                                    (const char *)text, strlen((const char *)text));
            xmlFree(text);
            descend = 0;
        } else if (name && strcasecmp(name, "link") == 0) {
            link_sheet(doc, n, file, count, diags);
        } else if (name && (strcasecmp(name, "script") == 0 || strcasecmp(name, "template") == 0)) {
            descend = 0;
        }
        if (descend && n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != top && !n->next)
            n = n->parent;
        if (!n || n == top)
            break;
        n = n->next;
    }
}

void sc_html_read_head(sc_document *doc, xmlDocPtr xml, const char *file, int stylesheets,
                       sc_diag_list *diags)
{
    const xmlNode *html = xmlDocGetRootElement(xml);
    if (!html)
        return;
    sc_meta *m = &doc->meta;
    const char *lang = sc_html_attr(doc, html, "xml:lang");
    if (!lang || !*lang)
        lang = sc_html_attr(doc, html, "lang");
    if (lang && *lang)
        m->lang = lang;
    const xmlNode *head = child_named(html, "head");
    const xmlNode *title = child_named(head, "title");
    const char *t = title ? collapsed_text(doc, title) : NULL;
    if (t) {
        m->title = t;
        m->title_from_source = 1;
    }
    for (const xmlNode *n = head ? head->children : NULL; n; n = n->next)
        if (sc_html_name(n) && strcasecmp(sc_html_name(n), "meta") == 0)
            read_meta(doc, n);
    if (stylesheets) {
        int count = 0;
        stylesheets_in(doc, html, file, &count, diags);
    }
}
