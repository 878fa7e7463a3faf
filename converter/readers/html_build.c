/* html_build.c — the HTML tree builder's block level: which element becomes which block, inline
 * content met between blocks wrapped in anonymous paragraphs, empty blocks dropped (their id kept
 * for the next block), nesting bounded. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_build.h"

const char *hb_key(sc_html_builder *b, const char *id)
{
    if (!id || !*id)
        return NULL;
    return *b->prefix ? sc_arena_printf(b->doc->arena, "%s%s", b->prefix, id) : id;
}

const char *hb_href_key(sc_html_builder *b, const char *href)
{
    if (!href)
        return NULL;
    if (b->hooks.link) {
        const char *fragment = NULL;
        const char *prefix = b->hooks.link(b->hooks.user, b->path, href, &fragment);
        if (!prefix)
            return NULL;
        if (!fragment || !*fragment) { /* the document itself: its prefix without the '-' */
            size_t n = strlen(prefix);
            return sc_arena_strndup(b->doc->arena, prefix, n ? n - 1 : 0);
        }
        return sc_arena_printf(b->doc->arena, "%s%s", prefix, fragment);
    }
    return href[0] == '#' && href[1] ? hb_key(b, href + 1) : NULL;
}

static int skipped_attr(const char *name)
{
    return strcasecmp(name, "id") == 0 || strcasecmp(name, "class") == 0 ||
           strcasecmp(name, "style") == 0 || strcasecmp(name, "lang") == 0;
}

sc_node *hb_new(sc_html_builder *b, sc_node_type type, const xmlNode *el)
{
    sc_document *doc = b->doc;
    sc_node *n = sc_node_new(doc, type);
    if (!el || el->type != XML_ELEMENT_NODE)
        return n;
    long line = xmlGetLineNo(el);
    n->line = line > 0 && line < 0x7FFFFFFF ? (int)line : 0;
    const char *id = sc_html_attr(doc, el, "id");
    n->id = hb_key(b, id);
    if (!n->id && sc_node_is_block(n) && b->pending_id) {
        n->id = b->pending_id;
        b->pending_id = NULL;
    }
    const char *lang = sc_html_attr(doc, el, "xml:lang");
    if (!lang)
        lang = sc_html_attr(doc, el, "lang");
    n->lang = lang && *lang ? lang : NULL;
    const char *cls = sc_html_attr(doc, el, "class");
    n->class_name = cls && *cls ? cls : NULL;
    const char *style = sc_html_attr(doc, el, "style");
    n->style_attr = style && *style ? hb_style_without_legacy_font(b, style) : NULL;
    for (const xmlAttr *a = el->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        if (!a->ns && skipped_attr(name))
            continue;
        if (a->ns && a->ns->prefix && strcmp((const char *)a->ns->prefix, "xml") == 0)
            continue;
        xmlChar *v = xmlNodeListGetString(el->doc, a->children, 1);
        const char *full = a->ns && a->ns->prefix
                               ? sc_arena_printf(doc->arena, "%s:%s", a->ns->prefix, name)
                               : name;
        sc_node_add_attr(doc, n, full, v ? sc_html_nfc(doc, (const char *)v, strlen((const char *)v)) : "");
        xmlFree(v);
    }
    return n;
}

void hb_block_init(hb_block_ctx *bc, sc_node *container)
{
    bc->container = container;
    bc->anon = NULL;
    hb_inline_init(&bc->is);
}

/* An empty block is dropped; an id it carried moves to the next block. */
static void drop_if_empty(sc_html_builder *b, sc_node *n)
{
    if (hb_has_visible(n))
        return;
    for (sc_node *x = n; x; x = sc_node_next_preorder(x, n))
        if (x->id && !b->pending_id)
            b->pending_id = x->id;
    sc_node_unlink(n);
}

void hb_block_close(sc_html_builder *b, hb_block_ctx *bc)
{
    if (bc->anon)
        drop_if_empty(b, bc->anon);
    bc->anon = NULL;
    hb_inline_init(&bc->is);
}

static sc_node *open_anon(sc_html_builder *b, hb_block_ctx *bc, const xmlNode *n)
{
    if (!bc->anon) {
        bc->anon = sc_node_new(b->doc, SC_NODE_PARAGRAPH);
        long line = xmlGetLineNo(n);
        bc->anon->line = line > 0 && line < 0x7FFFFFFF ? (int)line : 0;
        sc_node_append(bc->container, bc->anon);
        hb_inline_init(&bc->is);
    }
    return bc->anon;
}

static int is_blank_text(const xmlNode *n)
{
    for (const xmlChar *p = n->content; p && *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
            return 0;
    return 1;
}

void hb_fill_inlines(sc_html_builder *b, const xmlNode *el, sc_node *node, int depth)
{
    hb_inline_state is;
    hb_inline_init(&is);
    hb_inlines(b, el->children, node, &is, depth);
}

static const char *element_name(const sc_html_element *e)
{
    return e->name && strcmp(e->name, "div") != 0 ? e->name : NULL;
}

/* A block element in a block container. */
static void block_element(sc_html_builder *b, const xmlNode *el, const sc_html_element *e,
                          hb_block_ctx *bc, int depth)
{
    sc_node *parent = bc->container, *n = NULL;
    sc_node *note = e->kind == SC_HTML_BLOCKS || e->kind == SC_HTML_DIV || e->kind == SC_HTML_INLINES
                        ? hb_note_def(b, el)
                        : NULL;
    if (note) {
        hb_block_ctx inner;
        hb_block_init(&inner, note);
        hb_blocks(b, el->children, &inner, depth);
        hb_block_close(b, &inner);
        sc_node_append(parent, note);
        return;
    }
    switch (e->kind) {
    case SC_HTML_BLOCKS:
    case SC_HTML_DIV: {
        sc_node_type type = e->type;
        /* an item or definition outside its list is a plain division */
        if ((type == SC_NODE_ITEM && parent->type != SC_NODE_LIST) ||
            (type == SC_NODE_DEF_DATA && parent->type != SC_NODE_DEF_LIST))
            type = SC_NODE_DIV;
        n = hb_new(b, type, el);
        if (type == SC_NODE_DIV)
            n->element = element_name(e);
        int notes = hb_is_notes_section(b, el);
        int was_in_notes = b->in_notes;
        b->in_notes = notes;
        hb_block_ctx inner;
        hb_block_init(&inner, n);
        hb_blocks(b, el->children, &inner, depth);
        hb_block_close(b, &inner);
        b->in_notes = was_in_notes;
        /* <section id="x"><h2>: links to the section land on its heading, which is what the
         * writers give destinations and navigation entries to */
        if (type == SC_NODE_DIV && n->id && n->first_child &&
            n->first_child->type == SC_NODE_HEADING && !n->first_child->id) {
            n->first_child->id = n->id;
            n->id = NULL;
        }
        if (notes && b->nsections < 256) {
            if (b->nsections == b->sections_cap) {
                size_t cap = b->sections_cap ? b->sections_cap * 2 : 4;
                sc_node **s = realloc(b->sections, cap * sizeof *s);
                if (s) {
                    b->sections = s;
                    b->sections_cap = cap;
                }
            }
            if (b->nsections < b->sections_cap)
                b->sections[b->nsections++] = n;
        }
        break;
    }
    case SC_HTML_INLINES:
    case SC_HTML_CAPTION:
        if (e->type == SC_NODE_DEF_TERM && parent->type != SC_NODE_DEF_LIST)
            n = hb_new(b, SC_NODE_PARAGRAPH, el);
        else
            n = hb_new(b, e->type, el);
        if (n->type == SC_NODE_HEADING)
            n->level = e->name[1] - '0';
        hb_fill_inlines(b, el, n, depth);
        sc_node_append(parent, n);
        if (n->type == SC_NODE_PARAGRAPH || n->type == SC_NODE_HEADING)
            drop_if_empty(b, n);
        return;
    case SC_HTML_PRE:
        n = hb_pre(b, el);
        break;
    case SC_HTML_RULE:
        if (b->in_notes)
            return;
        n = hb_new(b, SC_NODE_THEMATIC_BREAK, el);
        break;
    case SC_HTML_LIST:
        n = hb_list(b, el, depth);
        break;
    case SC_HTML_DEFLIST:
        n = hb_deflist(b, el, depth);
        break;
    case SC_HTML_TABLE:
        n = hb_table(b, el, parent, depth);
        break;
    default:
        break;
    }
    if (n)
        sc_node_append(parent, n);
}

/* An inline element with block children (seen through elements without a node of their own). */
static int holds_blocks(const xmlNode *el, int depth)
{
    for (const xmlNode *c = el->children; c && depth < 8; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const sc_html_element *e = sc_html_element_of(c);
        if (sc_html_is_block_kind(e->kind) ||
            (e->kind == SC_HTML_TRANSPARENT && holds_blocks(c, depth + 1)))
            return 1;
    }
    return 0;
}

static void block_node(sc_html_builder *b, const xmlNode *n, hb_block_ctx *bc, int depth);

void hb_block_node(sc_html_builder *b, const xmlNode *n, hb_block_ctx *bc, int depth)
{
    if (n->type != XML_ELEMENT_NODE) {
        block_node(b, n, bc, depth);
        return;
    }
    hb_font_state saved = hb_font_enter(b, n);
    block_node(b, n, bc, depth);
    hb_font_leave(b, saved);
}

static void block_node(sc_html_builder *b, const xmlNode *n, hb_block_ctx *bc, int depth)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (!bc->anon && is_blank_text(n))
            return;
        hb_inline_node(b, n, open_anon(b, bc, n), &bc->is, depth);
        return;
    }
    if (n->type == XML_ENTITY_REF_NODE) {
        hb_inline_node(b, n, open_anon(b, bc, n), &bc->is, depth);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    const sc_html_element *e = sc_html_element_of(n);
    if (e->kind == SC_HTML_DROP)
        return;
    if (depth >= SC_HTML_MAX_DEPTH) {
        hb_deep_text(b, n, open_anon(b, bc, n), &bc->is);
        return;
    }
    if (e->kind == SC_HTML_TRANSPARENT) {
        hb_blocks(b, n->children, bc, depth + 1);
        return;
    }
    if (sc_html_is_block_kind(e->kind)) {
        hb_block_close(b, bc);
        block_element(b, n, e, bc, depth + 1);
        return;
    }
    if ((e->kind == SC_HTML_INLINE || e->kind == SC_HTML_SPAN) && holds_blocks(n, 0)) {
        /* <font face=...><p>..</p><p>..</p></font>: a division of that name, so the paragraphs
         * stay paragraphs and the element's attributes stay with them */
        hb_block_close(b, bc);
        sc_node *div = hb_new(b, SC_NODE_DIV, n);
        div->element = e->name;
        sc_node_append(bc->container, div);
        hb_block_ctx inner;
        hb_block_init(&inner, div);
        hb_blocks(b, n->children, &inner, depth + 1);
        hb_block_close(b, &inner);
        return;
    }
    hb_inline_node(b, n, open_anon(b, bc, n), &bc->is, depth);
}

void hb_blocks(sc_html_builder *b, const xmlNode *first, hb_block_ctx *bc, int depth)
{
    for (const xmlNode *n = first; n; n = n->next)
        hb_block_node(b, n, bc, depth);
}

sc_html_builder *sc_html_builder_new(sc_document *doc, const sc_html_hooks *hooks,
                                     const sc_read_options *opts, sc_diag_list *diags)
{
    sc_html_builder *b = sc_arena_calloc(doc->arena, 1, sizeof *b);
    b->doc = doc;
    b->diags = diags;
    b->opts = opts;
    if (hooks)
        b->hooks = *hooks;
    b->prefix = "";
    return b;
}

static const xmlNode *find_body(xmlDocPtr xml)
{
    const xmlNode *root = xmlDocGetRootElement(xml);
    for (const xmlNode *n = root ? root->children : NULL; n; n = n->next)
        if (sc_html_name(n) && strcasecmp(sc_html_name(n), "body") == 0)
            return n;
    return root; /* no body (a fragment): everything but the head is content */
}

static void set_source(sc_html_builder *b, const char *path, const char *prefix)
{
    b->path = path;
    b->prefix = prefix ? prefix : "";
    b->file = path ? path : b->doc->source_name;
}

void sc_html_builder_body(sc_html_builder *b, xmlDocPtr xml, const char *path, const char *prefix,
                          sc_node *parent)
{
    set_source(b, path, prefix);
    const xmlNode *body = find_body(xml);
    if (!body)
        return;
    hb_block_ctx bc;
    hb_block_init(&bc, parent);
    b->pending_id = NULL;
    /* the body's language is the document's when <html> has none */
    const char *lang = sc_html_attr(b->doc, body, "xml:lang");
    if (!lang)
        lang = sc_html_attr(b->doc, body, "lang");
    if (lang && *lang && parent != b->doc->root && !parent->lang)
        parent->lang = lang;
    else if (lang && *lang && !b->doc->meta.lang)
        b->doc->meta.lang = lang;
    hb_font_state saved = hb_font_enter(b, body);
    hb_blocks(b, body->children, &bc, 1);
    hb_block_close(b, &bc);
    hb_font_leave(b, saved);
}

void sc_html_builder_finish(sc_html_builder *b)
{
    hb_notes_finish(b);
    free(b->refs);
    free(b->sections);
    b->refs = NULL;
    b->sections = NULL;
}
