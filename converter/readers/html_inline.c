/* html_inline.c — inline content: text with HTML's white-space collapsing, emphasis and spans,
 * links, images, inline code, quotations, line breaks, entities left unexpanded by the XML parser,
 * and the text of pre blocks. */
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parserInternals.h>

#include "../base/buf.h"
#include "html_build.h"

void hb_inline_init(hb_inline_state *is)
{
    is->pending_space = 0;
    is->at_start = 1;
    is->break_pending = 0;
    is->has_content = 0;
}

static int is_html_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Text joins a TEXT node just before it (one node per run, as the other readers make). */
static void append_text(sc_html_builder *b, sc_node *parent, const char *s, size_t len)
{
    if (!len)
        return;
    char *nfc = sc_html_nfc(b->doc, s, len);
    sc_node *last = parent->last_child;
    if (last && last->type == SC_NODE_TEXT && last->text_len < 65536) { /* bounded: no quadratic copying */
        size_t n = strlen(nfc);
        char *joined = sc_arena_alloc(b->doc->arena, last->text_len + n + 1);
        memcpy(joined, last->text, last->text_len);
        memcpy(joined + last->text_len, nfc, n + 1);
        last->text = joined;
        last->text_len += n;
        return;
    }
    sc_node *t = sc_node_new(b->doc, SC_NODE_TEXT);
    t->text = nfc;
    t->text_len = strlen(nfc);
    t->line = parent->line;
    sc_node_append(parent, t);
}

/* Something visible is about to be added to `parent`: put a pending line break or space first. */
static void before_visible(sc_html_builder *b, sc_node *parent, hb_inline_state *is)
{
    if (is->break_pending) {
        sc_node_append(parent, sc_node_new(b->doc, SC_NODE_LINE_BREAK));
        is->break_pending = 0;
        is->pending_space = 0;
        is->at_start = 1;
    }
    if (is->pending_space && !is->at_start)
        append_text(b, parent, " ", 1);
    is->pending_space = 0;
    is->at_start = 0;
    is->has_content = 1;
}

/* Text collapsed as HTML shows it: runs of white space become one space, none at line starts, and
 * a trailing space waits for the next visible content (so none ends a line or a block). */
static void add_text(sc_html_builder *b, sc_node *parent, hb_inline_state *is, const char *raw)
{
    size_t raw_len = strlen(raw), n;
    const char *s = hb_font_text(b, raw, raw_len, &n); /* legacy-font text converted first */
    sc_buf out;
    sc_buf_init(&out);
    for (const char *p = s, *end = s + n; p < end; p++) {
        if (is_html_space((unsigned char)*p)) {
            is->pending_space = 1;
            continue;
        }
        if (is->break_pending) {
            append_text(b, parent, out.data, out.len);
            out.len = 0;
            before_visible(b, parent, is);
        }
        if (is->pending_space && !is->at_start)
            sc_buf_putc(&out, ' ');
        is->pending_space = 0;
        is->at_start = 0;
        is->has_content = 1;
        sc_buf_putc(&out, *p);
    }
    append_text(b, parent, out.data, out.len);
    sc_buf_free(&out);
}

/* An entity reference the XML parser kept (no DTD is read, nothing is substituted): an HTML
 * entity name gives its character, an internal entity its text; an external one is never read. */
static void add_entity(sc_html_builder *b, const xmlNode *n, sc_node *parent, hb_inline_state *is)
{
    const char *name = (const char *)n->name;
    const htmlEntityDesc *html = name ? htmlEntityLookup(n->name) : NULL;
    if (html) {
        char utf8[8];
        int len = xmlCopyCharMultiByte((xmlChar *)utf8, (int)html->value);
        if (len > 0) {
            utf8[len] = '\0';
            before_visible(b, parent, is);
            append_text(b, parent, utf8, (size_t)len);
        }
        return;
    }
    xmlEntityPtr ent = name ? xmlGetDocEntity(n->doc, n->name) : NULL;
    if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY && ent->content &&
        xmlStrlen(ent->content) < 4096) {
        add_text(b, parent, is, (const char *)ent->content);
        return;
    }
    if (!b->entity_warned) {
        b->entity_warned = 1;
        long line = xmlGetLineNo(n);
        sc_diag_add(b->diags, SC_WARNING, b->file, line > 0 && line < 0x7FFFFFFF ? (int)line : 0,
                    0, -1, "entity &%s; not expanded (external or undeclared entities are never read)",
                    name ? name : "?");
    }
}

/* The text of an element's subtree, without recursion (script and style text left out). */
static void subtree_text(const xmlNode *el, sc_buf *out, int breaks_as_newlines)
{
    const xmlNode *n = el->children;
    while (n) {
        int descend = 0;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                sc_buf_puts(out, (const char *)n->content);
        } else if (n->type == XML_ENTITY_REF_NODE) {
            const htmlEntityDesc *html = n->name ? htmlEntityLookup(n->name) : NULL;
            char utf8[8];
            int len = html ? xmlCopyCharMultiByte((xmlChar *)utf8, (int)html->value) : 0;
            if (len > 0)
                sc_buf_append(out, utf8, (size_t)len);
        } else if (n->type == XML_ELEMENT_NODE) {
            const sc_html_element *e = sc_html_element_of(n);
            if (e->kind == SC_HTML_BREAK && breaks_as_newlines)
                sc_buf_putc(out, '\n');
            else if (e->kind != SC_HTML_DROP)
                descend = n->children != NULL;
        }
        if (descend) {
            n = n->children;
            continue;
        }
        while (n && n != el && !n->next)
            n = n->parent;
        if (!n || n == el)
            break;
        n = n->next;
    }
}

void hb_deep_text(sc_html_builder *b, const xmlNode *el, sc_node *parent, hb_inline_state *is)
{
    if (!b->depth_warned) {
        b->depth_warned = 1;
        long line = xmlGetLineNo(el);
        sc_diag_add(b->diags, SC_WARNING, b->file, line > 0 && line < 0x7FFFFFFF ? (int)line : 0,
                    0, -1, "elements nested more than %d deep: the deeper ones are read as text",
                    SC_HTML_MAX_DEPTH);
    }
    sc_buf text;
    sc_buf_init(&text);
    subtree_text(el, &text, 0);
    if (text.data)
        add_text(b, parent, is, text.data);
    sc_buf_free(&text);
}

static const char *code_info(sc_document *doc, const char *cls)
{
    /* "language-c" / "lang-c" (CommonMark, highlight.js), or pandoc's "sourceCode c" */
    for (const char *p = cls; p && *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " \t\n");
        if (n > 9 && strncmp(p, "language-", 9) == 0)
            return sc_arena_strndup(doc->arena, p + 9, n - 9);
        if (n > 5 && strncmp(p, "lang-", 5) == 0)
            return sc_arena_strndup(doc->arena, p + 5, n - 5);
        if (n && !(n == 10 && strncmp(p, "sourceCode", 10) == 0) && sc_html_has_word(cls, "sourceCode"))
            return sc_arena_strndup(doc->arena, p, n);
        p += n;
    }
    return NULL;
}

sc_node *hb_pre(sc_html_builder *b, const xmlNode *el)
{
    sc_node *n = hb_new(b, SC_NODE_CODE_BLOCK, el);
    sc_buf raw, text;
    sc_buf_init(&raw);
    sc_buf_init(&text);
    subtree_text(el, &raw, 1);
    const char *s = raw.data ? raw.data : "";
    if (*s == '\r')
        s++;
    if (*s == '\n') /* a newline right after <pre> is not content */
        s++;
    for (; *s; s++) {
        if (*s == '\r') {
            sc_buf_putc(&text, '\n');
            if (s[1] == '\n')
                s++;
        } else {
            sc_buf_putc(&text, *s);
        }
    }
    if (!text.len || text.data[text.len - 1] != '\n')
        sc_buf_putc(&text, '\n');
    char *nfc = sc_html_nfc(b->doc, text.data, text.len);
    n->text = nfc;
    n->text_len = strlen(nfc);
    const char *info = code_info(b->doc, n->class_name);
    for (const xmlNode *c = el->children; !info && c; c = c->next)
        if (sc_html_name(c) && strcmp(sc_html_name(c), "code") == 0)
            info = code_info(b->doc, sc_html_attr(b->doc, c, "class"));
    n->info = info;
    sc_buf_free(&raw);
    sc_buf_free(&text);
    return n;
}

static void add_code(sc_html_builder *b, const xmlNode *el, sc_node *parent, hb_inline_state *is)
{
    sc_buf raw, text;
    sc_buf_init(&raw);
    sc_buf_init(&text);
    subtree_text(el, &raw, 0);
    int space = 0;
    for (const char *p = raw.data ? raw.data : ""; *p; p++) {
        if (is_html_space((unsigned char)*p)) {
            space = 1;
            continue;
        }
        if (space && text.len)
            sc_buf_putc(&text, ' ');
        else if (space)
            is->pending_space = 1;
        space = 0;
        sc_buf_putc(&text, *p);
    }
    if (text.len) {
        sc_node *code = hb_new(b, SC_NODE_CODE, el);
        char *nfc = sc_html_nfc(b->doc, text.data, text.len);
        code->text = nfc;
        code->text_len = strlen(nfc);
        before_visible(b, parent, is);
        sc_node_append(parent, code);
    }
    if (space)
        is->pending_space = 1;
    sc_buf_free(&raw);
    sc_buf_free(&text);
}

/* An <svg> wrapping one raster picture (EPUB covers: <svg><image xlink:href="cover.jpg"/>): that
 * picture's element, or NULL (other SVG is not drawn, and its text is not content). */
static const xmlNode *svg_image(const xmlNode *svg)
{
    const xmlNode *n = svg->children;
    int steps = 0;
    while (n && steps++ < 10000) {
        if (sc_html_name(n) && strcmp(sc_html_name(n), "image") == 0)
            return n;
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != svg && !n->next)
            n = n->parent;
        n = n && n != svg ? n->next : NULL;
    }
    return NULL;
}

static void add_image(sc_html_builder *b, const xmlNode *el, sc_node *parent, hb_inline_state *is)
{
    sc_document *doc = b->doc;
    const char *src;
    if (strcmp(sc_html_name(el), "svg") == 0) {
        const xmlNode *image = svg_image(el);
        src = image ? sc_html_attr(doc, image, "xlink:href") : NULL;
        if (image && !src)
            src = sc_html_attr(doc, image, "href");
    } else {
        src = sc_html_attr(doc, el, "src");
    }
    if (!src || !*src)
        return;
    sc_node *img = hb_new(b, SC_NODE_IMAGE, el);
    const char *url = sc_html_data_uri(doc, src);
    if (!url && b->hooks.image)
        url = b->hooks.image(b->hooks.user, b->path, src);
    img->url = url ? url : src;
    const char *title = sc_html_attr(doc, el, "title");
    img->title = title && *title ? title : NULL;
    before_visible(b, parent, is);
    sc_node_append(parent, img);
    const char *alt = sc_html_attr(doc, el, "alt");
    if (alt && *alt) {
        hb_inline_state alt_state;
        hb_inline_init(&alt_state);
        add_text(b, img, &alt_state, alt);
    }
}

/* White space before an inline element stays outside it, where the source has it. */
static void space_before_element(sc_html_builder *b, sc_node *parent, hb_inline_state *is)
{
    if (is->pending_space && !is->at_start && !is->break_pending) {
        append_text(b, parent, " ", 1);
        is->pending_space = 0;
    }
}

static void add_link(sc_html_builder *b, const xmlNode *el, sc_node *parent, hb_inline_state *is,
                     int depth)
{
    sc_document *doc = b->doc;
    if (hb_is_backlink(b, el))
        return;
    if (hb_is_noteref(b, el)) {
        sc_node *ref = hb_note_ref(b, el);
        if (ref) {
            before_visible(b, parent, is);
            sc_node_append(parent, ref);
            return;
        }
    }
    const char *href = sc_html_attr(doc, el, "href");
    space_before_element(b, parent, is);
    sc_node *n;
    if (href) {
        n = hb_new(b, SC_NODE_LINK, el);
        const char *key = hb_href_key(b, href);
        n->url = key ? sc_arena_printf(doc->arena, "#%s", key) : href;
        const char *title = sc_html_attr(doc, el, "title");
        n->title = title && *title ? title : NULL;
    } else {
        n = hb_new(b, SC_NODE_SPAN, el);
        if (!n->id) {
            const char *name = sc_html_attr(doc, el, "name");
            n->id = hb_key(b, name);
        }
    }
    sc_node_append(parent, n);
    hb_inlines(b, el->children, n, is, depth + 1);
}

static void inline_node(sc_html_builder *b, const xmlNode *n, sc_node *parent,
                        hb_inline_state *is, int depth);

void hb_inline_node(sc_html_builder *b, const xmlNode *n, sc_node *parent, hb_inline_state *is,
                    int depth)
{
    if (n->type != XML_ELEMENT_NODE) {
        inline_node(b, n, parent, is, depth);
        return;
    }
    hb_font_state saved = hb_font_enter(b, n);
    inline_node(b, n, parent, is, depth);
    hb_font_leave(b, saved);
}

static void inline_node(sc_html_builder *b, const xmlNode *n, sc_node *parent,
                        hb_inline_state *is, int depth)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(b, parent, is, (const char *)n->content);
        return;
    }
    if (n->type == XML_ENTITY_REF_NODE) {
        add_entity(b, n, parent, is);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    const sc_html_element *e = sc_html_element_of(n);
    if (e->kind == SC_HTML_DROP)
        return;
    if (depth >= SC_HTML_MAX_DEPTH) {
        hb_deep_text(b, n, parent, is);
        return;
    }
    sc_node *node;
    switch (e->kind) {
    case SC_HTML_TRANSPARENT:
        hb_inlines(b, n->children, parent, is, depth + 1);
        return;
    case SC_HTML_INLINE:
    case SC_HTML_SPAN:
        space_before_element(b, parent, is);
        node = hb_new(b, e->type, n);
        if (e->kind == SC_HTML_SPAN && strcmp(e->name, "span") != 0)
            node->element = e->name;
        sc_node_append(parent, node);
        hb_inlines(b, n->children, node, is, depth + 1);
        return;
    case SC_HTML_QUOTE:
        space_before_element(b, parent, is);
        node = hb_new(b, SC_NODE_SPAN, n);
        node->element = "q";
        sc_node_append(parent, node);
        before_visible(b, node, is);
        append_text(b, node, "\xE2\x80\x9C", 3);
        hb_inlines(b, n->children, node, is, depth + 1);
        before_visible(b, node, is);
        append_text(b, node, "\xE2\x80\x9D", 3);
        return;
    case SC_HTML_CODE:
        add_code(b, n, parent, is);
        return;
    case SC_HTML_LINK:
        add_link(b, n, parent, is, depth);
        return;
    case SC_HTML_IMAGE:
        add_image(b, n, parent, is);
        return;
    case SC_HTML_BREAK:
        is->break_pending = 0;
        sc_node_append(parent, hb_new(b, SC_NODE_LINE_BREAK, n));
        is->pending_space = 0;
        is->at_start = 1;
        is->has_content = 1;
        return;
    default:
        /* a block inside inline content (broken markup, a table cell's paragraphs): its content
         * on a line of its own */
        if (is->has_content)
            is->break_pending = 1;
        hb_inlines(b, n->children, parent, is, depth + 1);
        if (is->has_content)
            is->break_pending = 1;
        return;
    }
}

void hb_inlines(sc_html_builder *b, const xmlNode *first, sc_node *parent, hb_inline_state *is,
                int depth)
{
    for (const xmlNode *n = first; n; n = n->next)
        hb_inline_node(b, n, parent, is, depth);
}

int hb_has_visible(const sc_node *top)
{
    for (const sc_node *n = top; n; n = sc_node_next_preorder(n, top)) {
        switch (n->type) {
        case SC_NODE_TEXT:
        case SC_NODE_CODE:
        case SC_NODE_CODE_BLOCK:
            if (n->text_len)
                return 1;
            break;
        case SC_NODE_IMAGE:
        case SC_NODE_FOOTNOTE_REF:
        case SC_NODE_THEMATIC_BREAK:
            return 1;
        default:
            break;
        }
    }
    return 0;
}
