/* epub_in.c — the EPUB reader: the zip (libzip, from memory), META-INF/container.xml, the package
 * document's metadata, manifest and spine; each spine document goes through the HTML reader's
 * builder into one tree, wrapped in a division per document (a new page in print), its ids
 * prefixed with the document's name so the files' ids cannot clash, and links between the files
 * rewritten to those ids. Pictures referenced from the text become document resources named by
 * their package path. The package's stylesheets are for reading systems and are not used.
 * Everything read is bounded by zip_input.c: entry sizes, their total, the number of entries. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "zip_input.h"

enum { MAX_SPINE = 5000 };

typedef struct epub_item {
    const char *id, *path, *mime, *properties;
} epub_item;

typedef struct epub_part {
    const char *path, *prefix, *stem;
    xmlDocPtr xml;
} epub_part;

typedef struct epub_in {
    sc_document *doc;
    sc_diag_list *diags;
    const sc_read_options *opts;
    const char *file;
    sc_zip_input *zip;
    epub_item *items;
    size_t nitems;
    epub_part *parts;
    size_t nparts;
    sc_strmap items_by_id, items_by_path, parts_by_path;
} epub_in;

/* The entry's bytes (malloc'd, NUL-terminated) or NULL (zip_input.c bounds the reads); `quiet`
 * leaves a missing entry unreported, else it is a warning: one missing chapter or picture does not
 * stop the book. */
static char *read_entry(epub_in *e, const char *name, size_t *len, int quiet)
{
    if (!sc_zip_has(e->zip, name)) {
        if (!quiet)
            sc_diag_warning(e->diags, e->file, "'%s' is missing from the package", name);
        return NULL;
    }
    return sc_zip_read(e->zip, name, len, 0);
}

/* The package document's path from META-INF/container.xml. */
static const char *package_path(epub_in *e)
{
    size_t len;
    char *data = read_entry(e, "META-INF/container.xml", &len, 1);
    if (!data) {
        sc_diag_error(e->diags, e->file, "not an EPUB: the zip has no META-INF/container.xml");
        return NULL;
    }
    xmlDocPtr xml = sc_xml_parse(data, len, "META-INF/container.xml", NULL);
    free(data);
    const char *path = NULL;
    const xmlNode *rootfiles = xml ? sc_xml_child(xmlDocGetRootElement(xml), "rootfiles") : NULL;
    for (const xmlNode *n = rootfiles ? rootfiles->children : NULL; n && !path; n = n->next) {
        if (!sc_xml_is(n, "rootfile"))
            continue;
        const char *media = sc_html_attr(e->doc, n, "media-type");
        if (media && strcmp(media, "application/oebps-package+xml") != 0)
            continue;
        path = sc_html_attr(e->doc, n, "full-path");
    }
    if (xml)
        xmlFreeDoc(xml);
    if (!path || !*path)
        sc_diag_error(e->diags, e->file, "not an EPUB: META-INF/container.xml names no package "
                                         "document");
    return path && *path ? path : NULL;
}

static void read_metadata(epub_in *e, const xmlNode *metadata)
{
    sc_meta *m = &e->doc->meta;
    for (const xmlNode *n = metadata ? metadata->children : NULL; n; n = n->next) {
        const char *name = sc_xml_name(n);
        const char *value = name ? sc_xml_trimmed_text(e->doc, n) : NULL;
        if (!value)
            continue;
        if (strcmp(name, "title") == 0 && !m->title) {
            m->title = value;
            m->title_from_source = 1;
        } else if (strcmp(name, "creator") == 0) {
            m->author = m->author ? sc_arena_printf(e->doc->arena, "%s, %s", m->author, value)
                                  : value;
        } else if (strcmp(name, "language") == 0 && !m->lang) {
            m->lang = value;
        } else if (strcmp(name, "date") == 0 && !m->date) {
            m->date = value;
        }
    }
}

static void read_manifest(epub_in *e, const xmlNode *manifest, const char *opf)
{
    size_t count = 0;
    for (const xmlNode *n = manifest ? manifest->children : NULL; n; n = n->next)
        count += sc_xml_is(n, "item");
    if (count > SC_ZIP_MAX_ENTRIES) /* a manifest lists at most the package's entries */
        count = SC_ZIP_MAX_ENTRIES;
    e->items = sc_arena_calloc(e->doc->arena, count ? count : 1, sizeof *e->items);
    for (const xmlNode *n = manifest ? manifest->children : NULL; n && e->nitems < count; n = n->next) {
        if (!sc_xml_is(n, "item"))
            continue;
        epub_item *it = &e->items[e->nitems];
        it->id = sc_html_attr(e->doc, n, "id");
        it->path = sc_epub_resolve(e->doc->arena, opf, sc_html_attr(e->doc, n, "href"));
        it->mime = sc_html_attr(e->doc, n, "media-type");
        it->properties = sc_html_attr(e->doc, n, "properties");
        if (!it->id || !it->path)
            continue;
        int dup;
        sc_strmap_get(&e->items_by_id, it->id, &dup);
        if (!dup)
            sc_strmap_put(e->doc->arena, &e->items_by_id, it->id, it);
        sc_strmap_get(&e->items_by_path, it->path, &dup);
        if (!dup)
            sc_strmap_put(e->doc->arena, &e->items_by_path, it->path, it);
        e->nitems++;
    }
}

static const epub_item *item_by_id(const epub_in *e, const char *id)
{
    int found;
    return sc_strmap_get(&e->items_by_id, id, &found);
}

static const epub_item *item_by_path(const epub_in *e, const char *path)
{
    int found;
    return sc_strmap_get(&e->items_by_path, path, &found);
}

static const epub_part *part_by_path(const epub_in *e, const char *path)
{
    int found;
    return sc_strmap_get(&e->parts_by_path, path, &found);
}

/* "text/ch001.xhtml" -> "ch001" (letters, digits, '-', '_'); unique among the parts. */
static const char *part_stem(epub_in *e, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strcspn(base, ".");
    char *stem = sc_arena_alloc(e->doc->arena, n + 24);
    size_t o = 0;
    if (!n || !((base[0] >= 'A' && base[0] <= 'Z') || (base[0] >= 'a' && base[0] <= 'z')))
        stem[o++] = 'd'; /* an id starts with a letter */
    for (size_t i = 0; i < n; i++) {
        char c = base[i];
        int keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_';
        stem[o++] = keep ? c : '_';
    }
    stem[o] = '\0';
    for (size_t i = 0; i < e->nparts; i++)
        if (strcmp(e->parts[i].stem, stem) == 0) {
            snprintf(stem + o, 24, "-%zu", e->nparts + 1);
            break;
        }
    return stem;
}

static int is_content_document(const epub_item *it)
{
    if (it->mime)
        return strcmp(it->mime, "application/xhtml+xml") == 0 || strcmp(it->mime, "text/html") == 0;
    const char *dot = strrchr(it->path, '.');
    return dot && (strcasecmp(dot, ".xhtml") == 0 || strcasecmp(dot, ".html") == 0 ||
                   strcasecmp(dot, ".htm") == 0);
}

static void read_spine(epub_in *e, const xmlNode *spine)
{
    size_t count = 0;
    for (const xmlNode *n = spine ? spine->children : NULL; n; n = n->next)
        count += sc_xml_is(n, "itemref");
    if (count > MAX_SPINE) {
        sc_diag_warning(e->diags, e->file, "only the first %d of %zu spine documents are read",
                        MAX_SPINE, count);
        count = MAX_SPINE;
    }
    e->parts = sc_arena_calloc(e->doc->arena, count ? count : 1, sizeof *e->parts);
    for (const xmlNode *n = spine ? spine->children : NULL; n && e->nparts < count; n = n->next) {
        if (!sc_xml_is(n, "itemref"))
            continue;
        const char *linear = sc_html_attr(e->doc, n, "linear");
        if (linear && strcmp(linear, "no") == 0)
            continue;
        const epub_item *it = item_by_id(e, sc_html_attr(e->doc, n, "idref"));
        if (!it || !is_content_document(it) || part_by_path(e, it->path))
            continue;
        size_t len;
        char *data = read_entry(e, it->path, &len, 0);
        if (!data)
            continue;
        const char *name = sc_arena_printf(e->doc->arena, "%s:%s", e->file, it->path);
        int xhtml = !it->mime || strcmp(it->mime, "text/html") != 0;
        /* one unreadable document does not stop the book: its errors become warnings */
        sc_diag_list part;
        sc_diag_init(&part);
        xmlDocPtr xml = sc_html_parse(e->doc, data, len, xhtml, NULL, NULL, name, &part);
        for (size_t k = 0; k < part.count; k++) {
            const sc_diag *d = &part.items[k];
            sc_diag_add(e->diags, d->severity == SC_ERROR ? SC_WARNING : d->severity, d->file,
                        d->line, d->column, d->offset, "%s%s", d->message,
                        d->severity == SC_ERROR ? " (document left out)" : "");
        }
        sc_diag_clear(&part);
        free(data);
        if (!xml)
            continue;
        epub_part *p = &e->parts[e->nparts];
        p->path = it->path;
        p->stem = part_stem(e, it->path);
        p->prefix = sc_arena_printf(e->doc->arena, "%s-", p->stem);
        p->xml = xml;
        sc_strmap_put(e->doc->arena, &e->parts_by_path, p->path, p);
        e->nparts++;
    }
}

static const char *mime_of(const epub_in *e, const char *path)
{
    const epub_item *it = item_by_path(e, path);
    if (it && it->mime)
        return it->mime;
    const char *dot = strrchr(path, '.');
    if (dot && strcasecmp(dot, ".png") == 0)
        return "image/png";
    if (dot && (strcasecmp(dot, ".jpg") == 0 || strcasecmp(dot, ".jpeg") == 0))
        return "image/jpeg";
    if (dot && strcasecmp(dot, ".gif") == 0)
        return "image/gif";
    if (dot && strcasecmp(dot, ".svg") == 0)
        return "image/svg+xml";
    return "application/octet-stream";
}

static const char *image_hook(void *user, const char *path, const char *src)
{
    epub_in *e = user;
    const char *name = sc_epub_resolve(e->doc->arena, path, src);
    if (!name)
        return NULL;
    if (sc_document_find_resource(e->doc, name))
        return name;
    size_t len;
    char *data = read_entry(e, name, &len, 0);
    if (!data)
        return NULL;
    sc_document_add_resource(e->doc, name, mime_of(e, name), data, len);
    free(data);
    return name;
}

static const char *link_hook(void *user, const char *path, const char *href, const char **fragment)
{
    epub_in *e = user;
    const char *hash = strchr(href, '#');
    *fragment = hash ? hash + 1 : "";
    const char *target = href[0] == '#' ? path : sc_epub_resolve(e->doc->arena, path, href);
    const epub_part *p = part_by_path(e, target);
    return p ? p->prefix : NULL;
}

/* Encrypted text (DRM) cannot be read; encrypted fonts (the IDPF font obfuscation) do not matter,
 * since the book's fonts are not used. */
static int encrypted_text(epub_in *e)
{
    size_t len;
    char *data = read_entry(e, "META-INF/encryption.xml", &len, 1);
    if (!data)
        return 0;
    xmlDocPtr xml = sc_xml_parse(data, len, "META-INF/encryption.xml", NULL);
    free(data);
    int found = 0;
    const xmlNode *root = xml ? xmlDocGetRootElement(xml) : NULL, *n = root;
    while (n && !found) {
        if (sc_xml_is(n, "CipherReference")) {
            const char *uri = sc_html_attr(e->doc, n, "URI");
            const char *dot = uri ? strrchr(uri, '.') : NULL;
            found = dot && (strcasecmp(dot, ".xhtml") == 0 || strcasecmp(dot, ".html") == 0 ||
                            strcasecmp(dot, ".htm") == 0 || strcasecmp(dot, ".opf") == 0);
        }
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = n && n != root ? n->next : NULL;
    }
    if (xml)
        xmlFreeDoc(xml);
    if (found)
        sc_diag_error(e->diags, e->file, "the EPUB's text is encrypted (DRM); it cannot be read");
    return found;
}

static int open_zip(epub_in *e, const char *data, size_t len)
{
    e->zip = sc_zip_open(data, len, e->file, e->diags);
    if (!e->zip)
        return -1;
    size_t mlen;
    char *mimetype = read_entry(e, "mimetype", &mlen, 1);
    if (mimetype && strncmp(mimetype, "application/epub+zip", 20) != 0) {
        sc_diag_error(e->diags, e->file, "not an EPUB (its mimetype entry says '%.60s')", mimetype);
        free(mimetype);
        return -1;
    }
    free(mimetype);
    return encrypted_text(e) ? -1 : 0;
}

/* Links to a whole document point to its first block; when that block has an id of its own, the
 * links that used the document's stem ("#stem" -> "#id" in `moves`) are pointed at it. */
static void retarget_links(sc_document *doc, const sc_strmap *moves)
{
    if (!moves->count)
        return;
    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
        int found;
        const char *to = n->type == SC_NODE_LINK ? sc_strmap_get(moves, n->url, &found) : NULL;
        if (to)
            n->url = to;
    }
}

/* Each spine document's blocks in spine order; a document after the first starts a new page in
 * print (as reading systems start each on a new screen). A language of its own goes on its
 * blocks. */
static void build(epub_in *e)
{
    sc_document *doc = e->doc;
    sc_html_hooks hooks = {.user = e, .image = image_hook, .link = link_hook};
    sc_html_builder *b = sc_html_builder_new(doc, &hooks, e->opts, e->diags);
    for (size_t i = 0; i < e->nparts; i++)
        sc_html_builder_scan(b, e->parts[i].xml, e->parts[i].path, e->parts[i].prefix);
    sc_node **firsts = sc_arena_calloc(doc->arena, e->nparts ? e->nparts : 1, sizeof *firsts);
    for (size_t i = 0; i < e->nparts; i++) {
        epub_part *p = &e->parts[i];
        sc_node *holder = sc_node_new(doc, SC_NODE_DIV);
        const xmlNode *html = xmlDocGetRootElement(p->xml);
        const char *lang = sc_html_attr(doc, html, "xml:lang");
        if (!lang)
            lang = sc_html_attr(doc, html, "lang");
        sc_html_builder_body(b, p->xml, p->path, p->prefix, holder);
        if (!lang || !*lang)
            lang = holder->lang;
        int own_lang = lang && *lang && (!doc->meta.lang || strcmp(lang, doc->meta.lang) != 0);
        firsts[i] = holder->first_child;
        while (holder->first_child) {
            sc_node *c = holder->first_child;
            sc_node_unlink(c);
            if (own_lang && !c->lang)
                c->lang = lang;
            sc_node_append(doc->root, c);
        }
    }
    sc_html_builder_finish(b); /* after all parts: notes move to the end of the book */
    int first_shown = 1;
    sc_strmap moves = {0};
    for (size_t i = 0; i < e->nparts; i++) {
        sc_node *first = firsts[i];
        if (!first)
            continue;
        if (!first_shown)
            first->style_attr = first->style_attr
                                    ? sc_arena_printf(doc->arena, "page-break-before: always; %s",
                                                      first->style_attr)
                                    : "page-break-before: always";
        first_shown = 0;
        if (!first->id)
            first->id = e->parts[i].stem;
        else
            sc_strmap_put(doc->arena, &moves, sc_arena_printf(doc->arena, "#%s", e->parts[i].stem),
                          (void *)sc_arena_printf(doc->arena, "#%s", first->id));
    }
    retarget_links(doc, &moves);
}

int sc_read_epub(sc_document *doc, const char *data, size_t len, const sc_read_options *opts,
                 sc_diag_list *diags)
{
    epub_in e = {.doc = doc, .diags = diags, .file = doc->source_name, .opts = opts};
    int rc = -1;
    if (!data || open_zip(&e, data, len) != 0)
        goto done;
    const char *opf = package_path(&e);
    size_t opf_len;
    char *opf_data = opf ? read_entry(&e, opf, &opf_len, 0) : NULL;
    if (!opf_data) {
        if (opf)
            sc_diag_error(diags, e.file, "not an EPUB: its package document '%s' cannot be read", opf);
        goto done;
    }
    xmlDocPtr package = sc_xml_parse(opf_data, opf_len, opf, NULL);
    free(opf_data);
    if (!package) {
        sc_diag_error(diags, e.file, "the package document '%s' is not well-formed XML", opf);
        goto done;
    }
    const xmlNode *root = xmlDocGetRootElement(package);
    read_metadata(&e, sc_xml_child(root, "metadata"));
    read_manifest(&e, sc_xml_child(root, "manifest"), opf);
    read_spine(&e, sc_xml_child(root, "spine"));
    xmlFreeDoc(package);
    build(&e);
    if (!doc->root->first_child)
        sc_diag_error(diags, e.file, "empty document (the EPUB's spine holds no readable text)");
    else
        rc = 0;
done:
    for (size_t i = 0; i < e.nparts; i++)
        xmlFreeDoc(e.parts[i].xml);
    sc_zip_close(e.zip);
    return rc;
}
