/* epub_xhtml.c — the XHTML of the content files: the document tree's blocks and inlines as
 * XHTML5 elements, written through xmlTextWriter. Links to anchors are rewritten to the file that
 * holds them; packaged images are <img> (epub_images.c), others show their alt text. */
#include <string.h>
#include <strings.h>

#include "epub_internal.h"

static void common_attrs(ep_xml *x, const sc_node *n)
{
    if (n->class_name && *n->class_name)
        ep_attr(x, "class", n->class_name);
    ep_lang_attrs(x, n->lang);
}

/* ---- links ----------------------------------------------------------------------------------- */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int has_scheme(const char *url)
{
    const char *p = url;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    return *p == ':';
}

/* Schemes that run code or reach outside the book (as cmark's safe mode drops them): a reading
 * system refuses them and epubcheck would want the content marked as scripted. */
static int unsafe_scheme(const char *url)
{
    static const char *const schemes[] = {"javascript:", "vbscript:", "file:", "data:"};
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
        if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
            return 1;
    return 0;
}

/* An external URL as a valid IRI for epubcheck: bytes that may not appear in a URL (space,
 * controls, quotes, angle brackets, non-ASCII...) are percent-encoded; everything else, existing
 * %XX escapes included, is kept as written. */
static const char *escape_url(const ep_book *b, const char *url)
{
    static const char hex[] = "0123456789ABCDEF";
    sc_buf o;
    sc_buf_init(&o);
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= 0x20 || *p >= 0x7f || strchr("\"<>\\^`{|}", *p)) {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            sc_buf_append(&o, e, 3);
        } else {
            sc_buf_putc(&o, (char)*p);
        }
    }
    const char *out = sc_arena_strndup(b->arena, o.data ? o.data : "", o.len);
    sc_buf_free(&o);
    return out;
}

static const ep_anchor *find_fragment(const ep_book *b, const char *frag)
{
    const ep_anchor *a = ep_anchor_of_source_id(b, frag);
    if (a || !strchr(frag, '%'))
        return a;
    /* the Markdown may spell the target percent-encoded ("#h%E1%BB%99i") */
    char *dec = sc_arena_strdup(b->arena, frag), *o = dec;
    for (const char *p = frag; *p; p++) {
        int hi, lo;
        if (*p == '%' && (hi = hex_value(p[1])) >= 0 && (lo = hex_value(p[2])) >= 0) {
            *o++ = (char)(hi * 16 + lo);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return ep_anchor_of_source_id(b, dec);
}

/* The href to write for a link, or NULL when the target is not in the book (the link text is then
 * written without a link, so epubcheck sees no dangling reference). */
static const char *resolve_link(const ep_book *b, const sc_node *link, int file)
{
    const char *url = link->url ? link->url : "";
    if (url[0] == '#') {
        const ep_anchor *a = find_fragment(b, url + 1);
        if (a)
            return ep_href(b, a, file);
        sc_diag_add(b->diags, SC_WARNING, b->doc->source_name, link->line, link->column, -1,
                    "link target '%s' is not in the document; written as plain text", url);
        return NULL;
    }
    if (has_scheme(url) && !unsafe_scheme(url))
        return escape_url(b, url);
    if (has_scheme(url)) {
        sc_diag_add(b->diags, SC_WARNING, b->doc->source_name, link->line, link->column, -1,
                    "link '%s' would run a script or open a local file; written as plain text",
                    url);
        return NULL;
    }
    sc_diag_add(b->diags, SC_NOTE, b->doc->source_name, link->line, link->column, -1,
                "relative link '%s' is not packaged in the EPUB; written as plain text", url);
    return NULL;
}

/* ---- inlines --------------------------------------------------------------------------------- */

static void write_inline(const ep_book *b, ep_xml *x, int file, const sc_node *n, int in_link);

static void inlines(const ep_book *b, ep_xml *x, int file, const sc_node *parent, int in_link)
{
    for (const sc_node *c = parent->first_child; c; c = c->next)
        if (ep_is_rendered(c))
            write_inline(b, x, file, c, in_link);
}

static void footnote_ref(const ep_book *b, ep_xml *x, int file, const sc_node *n, int in_link)
{
    const ep_anchor *self = ep_anchor_of_node(b, n);
    const ep_anchor *def = n->target ? ep_anchor_of_node(b, n->target) : NULL;
    int number = def ? def->number : n->number; /* the number its note shows */
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    ep_start(x, "sup");
    if (def && !in_link) {
        ep_start(x, "a");
        ep_attr(x, "epub:type", "noteref");
        ep_attr(x, "href", ep_href(b, def, file));
        if (self)
            ep_attr(x, "id", self->out_id);
        common_attrs(x, n);
        ep_text(x, num, strlen(num));
        ep_end(x);
    } else {
        /* a note reference inside a link cannot be a link itself; keep its id for the back link */
        if (self)
            ep_attr(x, "id", self->out_id);
        common_attrs(x, n);
        ep_text(x, num, strlen(num));
    }
    ep_end(x);
}

static void wrapped(const ep_book *b, ep_xml *x, int file, const sc_node *n, const char *element,
                    int in_link)
{
    ep_start(x, element);
    common_attrs(x, n);
    inlines(b, x, file, n, in_link);
    ep_end(x);
}

/* A packaged picture: <img> with its alt text (ep_plain_text) and title. */
static void image(const ep_book *b, ep_xml *x, const sc_node *n)
{
    ep_start(x, "img");
    ep_attr(x, "src", ep_image_of(b, n)->href);
    ep_attr(x, "alt", ep_plain_text(b, n));
    if (n->title && *n->title)
        ep_attr(x, "title", n->title);
    common_attrs(x, n);
    ep_end(x);
}

static void write_inline(const ep_book *b, ep_xml *x, int file, const sc_node *n, int in_link)
{
    switch (n->type) {
    case SC_NODE_TEXT:
        ep_text(x, n->text, n->text_len);
        break;
    case SC_NODE_SOFT_BREAK:
        ep_text(x, "\n", 1);
        break;
    case SC_NODE_LINE_BREAK:
        ep_start(x, "br");
        ep_end(x);
        ep_text(x, "\n", 1);
        break;
    case SC_NODE_EMPH: wrapped(b, x, file, n, "em", in_link); break;
    case SC_NODE_STRONG: wrapped(b, x, file, n, "strong", in_link); break;
    case SC_NODE_STRIKE: wrapped(b, x, file, n, "del", in_link); break;
    case SC_NODE_SUB: wrapped(b, x, file, n, "sub", in_link); break;
    case SC_NODE_SUP: wrapped(b, x, file, n, "sup", in_link); break;
    case SC_NODE_SPAN: wrapped(b, x, file, n, sc_node_element(n), in_link); break;
    case SC_NODE_CODE:
        ep_start(x, "code");
        common_attrs(x, n);
        if (n->text)
            ep_text(x, n->text, n->text_len);
        else
            inlines(b, x, file, n, in_link);
        ep_end(x);
        break;
    case SC_NODE_LINK: {
        const char *href = in_link ? NULL : resolve_link(b, n, file);
        if (!href) {
            wrapped(b, x, file, n, "span", in_link);
            break;
        }
        ep_start(x, "a");
        ep_attr(x, "href", href);
        if (n->title && *n->title)
            ep_attr(x, "title", n->title);
        common_attrs(x, n);
        inlines(b, x, file, n, 1);
        ep_end(x);
        break;
    }
    case SC_NODE_IMAGE:
        if (ep_image_of(b, n)) {
            image(b, x, n);
            break;
        }
        /* A picture not packaged (epub_images.c warned): the alt text stands in. */
        ep_start(x, "span");
        common_attrs(x, n);
        if (n->title && *n->title)
            ep_attr(x, "title", n->title);
        inlines(b, x, file, n, in_link);
        ep_end(x);
        break;
    case SC_NODE_FOOTNOTE_REF:
        footnote_ref(b, x, file, n, in_link);
        break;
    case SC_NODE_HTML_INLINE:
    case SC_NODE_HTML_BLOCK:
    case SC_NODE_FOOTNOTE_DEF:
        break;
    case SC_NODE_CODE_BLOCK: /* a block inside inline content (a malformed tree): its text */
        ep_start(x, "code");
        if (n->text)
            ep_text(x, n->text, n->text_len);
        ep_end(x);
        break;
    default:
        /* Other blocks inside inline content would make invalid XHTML (<p> in <p>): their
         * inline content stands in, set off by spaces. */
        if (sc_node_is_block(n) && n->type != SC_NODE_DOCUMENT) {
            const ep_anchor *a = n->type == SC_NODE_HEADING ? ep_anchor_of_node(b, n) : NULL;
            ep_text(x, " ", 1);
            if (a) { /* links to the heading still need its id */
                ep_start(x, "span");
                ep_attr(x, "id", a->out_id);
            }
            inlines(b, x, file, n, in_link);
            if (a)
                ep_end(x);
            ep_text(x, " ", 1);
        }
        break;
    }
}

void ep_write_inlines(const ep_book *b, ep_xml *x, int file, const sc_node *parent)
{
    inlines(b, x, file, parent, 0);
}

/* ---- blocks ---------------------------------------------------------------------------------- */

static void code_block(ep_xml *x, const sc_node *n)
{
    ep_start(x, "pre");
    common_attrs(x, n);
    ep_start(x, "code");
    if (n->info && *n->info) {
        size_t len = strcspn(n->info, " \t\n\r");
        char cls[128];
        snprintf(cls, sizeof cls, "language-%.*s", (int)(len < 100 ? len : 100), n->info);
        if (len)
            ep_attr(x, "class", cls);
    }
    if (n->text)
        ep_text(x, n->text, n->text_len);
    ep_end(x);
    ep_end(x);
}

static void span_attr(ep_xml *x, const char *name, int span, int max)
{
    if (span <= 1)
        return;
    char v[16];
    snprintf(v, sizeof v, "%d", span < max ? span : max);
    ep_attr(x, name, v);
}

static void table_cells(const ep_book *b, ep_xml *x, int file, const sc_node *row)
{
    static const char *const aligns[] = {NULL, "text-align: left", "text-align: center",
                                         "text-align: right"};
    ep_start(x, "tr");
    common_attrs(x, row);
    for (const sc_node *c = row->first_child; c; c = c->next) {
        if (c->type != SC_NODE_TABLE_CELL)
            continue;
        ep_start(x, row->is_header ? "th" : "td");
        if ((unsigned)c->align < 4 && aligns[c->align])
            ep_attr(x, "style", aligns[c->align]);
        span_attr(x, "colspan", c->colspan, 1000);  /* HTML's own limits on spans */
        span_attr(x, "rowspan", c->rowspan, 65534);
        common_attrs(x, c);
        ep_write_inlines(b, x, file, c);
        ep_end(x);
    }
    ep_end(x);
    ep_newline(x);
}

static void table(const ep_book *b, ep_xml *x, int file, const sc_node *n)
{
    ep_start(x, "table");
    common_attrs(x, n);
    ep_newline(x);
    for (int part = 0; part < 2; part++) { /* header rows (thead), then body rows (tbody) */
        int open = 0;
        for (const sc_node *r = n->first_child; r; r = r->next) {
            if (r->type != SC_NODE_TABLE_ROW || (r->is_header != 0) != (part == 0))
                continue;
            if (!open) {
                ep_start(x, part == 0 ? "thead" : "tbody");
                ep_newline(x);
                open = 1;
            }
            table_cells(b, x, file, r);
        }
        if (open)
            ep_end(x);
    }
    ep_end(x);
}

/* In a tight list an item's paragraphs are written without <p>, as cmark does, unless the item
 * has several paragraphs (they would run together). */
static int tight_paragraph(const sc_node *n)
{
    const sc_node *item = n->parent;
    if (!item || item->type != SC_NODE_ITEM || !item->parent || !item->parent->list_tight)
        return 0;
    if ((n->class_name && *n->class_name) || (n->lang && *n->lang))
        return 0; /* its attributes need an element */
    for (const sc_node *c = item->first_child; c; c = c->next)
        if (c != n && c->type == SC_NODE_PARAGRAPH)
            return 0;
    return 1;
}

static void container(const ep_book *b, ep_xml *x, int file, const sc_node *n, const char *name)
{
    ep_start(x, name);
    common_attrs(x, n);
    ep_newline(x);
    ep_write_blocks(b, x, file, n);
    ep_end(x);
}

/* <dl> may hold only <dt> and <dd>: any other block in it is set inside a <dd>. */
static void def_list(const ep_book *b, ep_xml *x, int file, const sc_node *n)
{
    ep_start(x, "dl");
    common_attrs(x, n);
    ep_newline(x);
    for (const sc_node *c = n->first_child; c; c = c->next) {
        if (!ep_is_rendered(c))
            continue;
        if (c->type == SC_NODE_DEF_TERM) {
            ep_start(x, "dt");
            common_attrs(x, c);
            ep_write_inlines(b, x, file, c);
        } else {
            ep_start(x, "dd");
            common_attrs(x, c);
            if (c->type == SC_NODE_DEF_DATA)
                ep_write_blocks(b, x, file, c);
            else
                ep_write_block(b, x, file, c);
        }
        ep_end(x);
        ep_newline(x);
    }
    ep_end(x);
}

void ep_write_block(const ep_book *b, ep_xml *x, int file, const sc_node *n)
{
    switch (n->type) {
    case SC_NODE_PARAGRAPH:
        if (tight_paragraph(n)) {
            ep_write_inlines(b, x, file, n);
            return;
        }
        ep_start(x, "p");
        common_attrs(x, n);
        ep_write_inlines(b, x, file, n);
        ep_end(x);
        break;
    case SC_NODE_HEADING: {
        const ep_anchor *a = ep_anchor_of_node(b, n);
        ep_start(x, sc_node_element(n));
        if (a)
            ep_attr(x, "id", a->out_id);
        common_attrs(x, n);
        ep_write_inlines(b, x, file, n);
        ep_end(x);
        break;
    }
    case SC_NODE_LIST:
        ep_start(x, n->list_ordered ? "ol" : "ul");
        if (n->list_ordered && n->list_start != 1) {
            char start[16];
            snprintf(start, sizeof start, "%d", n->list_start);
            ep_attr(x, "start", start);
        }
        common_attrs(x, n);
        ep_newline(x);
        for (const sc_node *c = n->first_child; c; c = c->next) {
            if (c->type == SC_NODE_ITEM) {
                ep_start(x, "li");
                common_attrs(x, c);
                ep_write_blocks(b, x, file, c);
                ep_end(x);
                ep_newline(x);
            } else if (ep_is_rendered(c) && c->type != SC_NODE_FOOTNOTE_DEF) {
                ep_start(x, "li"); /* only items may sit in a list: wrap a stray block */
                ep_write_block(b, x, file, c);
                ep_end(x);
            }
        }
        ep_end(x);
        break;
    case SC_NODE_ITEM: /* an item outside a list: its blocks */
        ep_write_blocks(b, x, file, n);
        return;
    case SC_NODE_BLOCKQUOTE:
        container(b, x, file, n, "blockquote");
        break;
    case SC_NODE_CODE_BLOCK:
        code_block(x, n);
        break;
    case SC_NODE_THEMATIC_BREAK:
        ep_start(x, "hr");
        common_attrs(x, n);
        ep_end(x);
        break;
    case SC_NODE_TABLE:
        table(b, x, file, n);
        break;
    case SC_NODE_FIGURE:
        container(b, x, file, n, "figure");
        break;
    case SC_NODE_DIV: /* section, article, div ...: the source's own element */
        container(b, x, file, n, sc_node_element(n));
        break;
    case SC_NODE_DEF_LIST:
        def_list(b, x, file, n);
        break;
    case SC_NODE_DEF_DATA: /* outside a list: a plain container */
        container(b, x, file, n, "div");
        break;
    case SC_NODE_DEF_TERM:
        ep_start(x, "p");
        common_attrs(x, n);
        ep_write_inlines(b, x, file, n);
        ep_end(x);
        break;
    case SC_NODE_FIGCAPTION:
        ep_start(x, "figcaption");
        common_attrs(x, n);
        ep_write_inlines(b, x, file, n);
        ep_end(x);
        break;
    case SC_NODE_TABLE_ROW:
    case SC_NODE_TABLE_CELL: /* outside a table: their text */
        ep_write_blocks(b, x, file, n);
        return;
    case SC_NODE_FOOTNOTE_DEF:
    case SC_NODE_HTML_BLOCK:
    case SC_NODE_DOCUMENT:
        return;
    default: /* an inline where a block belongs */
        write_inline(b, x, file, n, 0);
        return;
    }
    ep_newline(x);
}

void ep_write_blocks(const ep_book *b, ep_xml *x, int file, const sc_node *parent)
{
    for (const sc_node *c = parent->first_child; c; c = c->next)
        if (ep_is_rendered(c))
            ep_write_block(b, x, file, c);
}

/* ---- files ----------------------------------------------------------------------------------- */

void ep_xhtml_open(const ep_book *b, ep_xml *x, const char *title)
{
    ep_doctype_html(x);
    ep_start(x, "html");
    ep_attr(x, "xmlns", "http://www.w3.org/1999/xhtml");
    ep_attr(x, "xmlns:epub", "http://www.idpf.org/2007/ops");
    ep_attr(x, "xml:lang", b->lang);
    ep_attr(x, "lang", b->lang);
    ep_newline(x);
    ep_start(x, "head");
    ep_newline(x);
    ep_start(x, "meta");
    ep_attr(x, "charset", "utf-8");
    ep_end(x);
    ep_newline(x);
    ep_element_text(x, "title", title);
    ep_newline(x);
    ep_start(x, "link");
    ep_attr(x, "rel", "stylesheet");
    ep_attr(x, "type", "text/css");
    ep_attr(x, "href", "style.css");
    ep_end(x);
    ep_newline(x);
    ep_end(x);
    ep_newline(x);
    ep_start(x, "body");
    ep_newline(x);
}

void ep_xhtml_close(ep_xml *x)
{
    ep_end(x); /* body */
    ep_newline(x);
    ep_end(x); /* html */
    ep_newline(x);
}

int ep_write_content(const ep_book *b, int file, sc_buf *out)
{
    const ep_file *f = &b->files[file];
    const char *title = f->heading ? ep_plain_text(b, f->heading) : "";
    if (!*title)
        title = b->title;
    ep_xml x;
    if (ep_xml_begin(&x, out) < 0)
        return -1;
    ep_xhtml_open(b, &x, title);
    for (const sc_node *c = f->first; c && c != f->end; c = c->next)
        ep_write_block(b, &x, file, c);
    ep_xhtml_close(&x);
    return ep_xml_end(&x);
}
