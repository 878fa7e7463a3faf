#include "doc.h"

#include <string.h>

#include "../base/buf.h"
#include "../base/hash.h"

sc_document *sc_document_new(const char *source_name)
{
    sc_arena *arena = sc_arena_new();
    sc_document *doc = sc_arena_alloc(arena, sizeof *doc);
    doc->arena = arena;
    doc->source_name = sc_arena_strdup(arena, source_name ? source_name : "-");
    doc->root = sc_node_new(doc, SC_NODE_DOCUMENT);
    return doc;
}

void sc_document_free(sc_document *doc)
{
    if (doc)
        sc_arena_free(doc->arena);
}

sc_node *sc_node_new(sc_document *doc, sc_node_type type)
{
    sc_node *n = sc_arena_alloc(doc->arena, sizeof *n);
    n->type = type;
    return n;
}

void sc_node_append(sc_node *parent, sc_node *child)
{
    child->parent = parent;
    child->next = NULL;
    child->prev = parent->last_child;
    if (parent->last_child)
        parent->last_child->next = child;
    else
        parent->first_child = child;
    parent->last_child = child;
}

void sc_node_unlink(sc_node *n)
{
    if (n->prev)
        n->prev->next = n->next;
    else if (n->parent)
        n->parent->first_child = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else if (n->parent)
        n->parent->last_child = n->prev;
    n->parent = n->prev = n->next = NULL;
}

sc_resource *sc_document_add_resource(sc_document *doc, const char *name, const char *mime,
                                      const void *data, size_t len)
{
    sc_resource *r = sc_arena_alloc(doc->arena, sizeof *r);
    r->name = sc_arena_strdup(doc->arena, name);
    r->mime = sc_arena_strdup(doc->arena, mime ? mime : "application/octet-stream");
    unsigned char *copy = sc_arena_alloc(doc->arena, len ? len : 1);
    if (len)
        memcpy(copy, data, len);
    r->data = copy;
    r->len = len;
    sc_resource **tail = &doc->resources;
    while (*tail)
        tail = &(*tail)->next;
    *tail = r;
    return r;
}

const sc_resource *sc_document_find_resource(const sc_document *doc, const char *name)
{
    for (const sc_resource *r = doc->resources; r && name; r = r->next)
        if (strcmp(r->name, name) == 0)
            return r;
    return NULL;
}

void sc_document_add_css(sc_document *doc, const char *name, const char *text, size_t len)
{
    sc_css_source *c = sc_arena_alloc(doc->arena, sizeof *c);
    c->name = sc_arena_strdup(doc->arena, name ? name : doc->source_name);
    c->text = sc_arena_strndup(doc->arena, text, len);
    c->len = len;
    sc_css_source **tail = &doc->css_sources;
    while (*tail)
        tail = &(*tail)->next;
    *tail = c;
}

void sc_node_add_attr(sc_document *doc, sc_node *n, const char *name, const char *value)
{
    sc_attr *a = sc_arena_alloc(doc->arena, sizeof *a);
    a->name = sc_arena_strdup(doc->arena, name);
    a->value = sc_arena_strdup(doc->arena, value ? value : "");
    sc_attr **tail = &n->attrs;
    while (*tail)
        tail = &(*tail)->next;
    *tail = a;
}

const char *sc_node_attr(const sc_node *n, const char *name)
{
    for (const sc_attr *a = n->attrs; a; a = a->next)
        if (strcmp(a->name, name) == 0)
            return a->value;
    return NULL;
}

const char *sc_node_html_attr(const sc_node *n, const char *name)
{
    if (!n)
        return NULL;
    const char *v = sc_node_attr(n, name);
    if (v)
        return v;
    if (strcmp(name, "id") == 0)
        return n->id;
    if (strcmp(name, "class") == 0)
        return n->class_name;
    if (strcmp(name, "href") == 0 && n->type == SC_NODE_LINK)
        return n->url;
    if (strcmp(name, "src") == 0 && n->type == SC_NODE_IMAGE)
        return n->url;
    if (strcmp(name, "title") == 0 && (n->type == SC_NODE_LINK || n->type == SC_NODE_IMAGE))
        return n->title;
    if (strcmp(name, "lang") == 0)
        return n->lang;
    return NULL;
}

void sc_node_set_text(sc_document *doc, sc_node *n, const char *text, size_t len)
{
    n->text = sc_arena_strndup(doc->arena, text, len);
    n->text_len = len;
}

sc_node *sc_node_next_preorder(const sc_node *n, const sc_node *top)
{
    if (n->first_child)
        return n->first_child;
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

int sc_node_is_block(const sc_node *n)
{
    return n->type <= SC_NODE_HTML_BLOCK;
}

const char *sc_node_element(const sc_node *n)
{
    static const char *const headings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    switch (n->type) {
    case SC_NODE_DOCUMENT: return "body";
    case SC_NODE_PARAGRAPH: return "p";
    case SC_NODE_HEADING: return headings[(n->level < 1 ? 1 : n->level > 6 ? 6 : n->level) - 1];
    case SC_NODE_LIST: return n->list_ordered ? "ol" : "ul";
    case SC_NODE_ITEM: return "li";
    case SC_NODE_BLOCKQUOTE: return "blockquote";
    case SC_NODE_CODE_BLOCK: return "pre";
    case SC_NODE_THEMATIC_BREAK: return "hr";
    case SC_NODE_TABLE: return "table";
    case SC_NODE_TABLE_ROW: return "tr";
    case SC_NODE_TABLE_CELL: return n->parent && n->parent->is_header ? "th" : "td";
    case SC_NODE_FOOTNOTE_DEF: return "aside";
    case SC_NODE_DEF_LIST: return "dl";
    case SC_NODE_DEF_TERM: return "dt";
    case SC_NODE_DEF_DATA: return "dd";
    case SC_NODE_FIGURE: return "figure";
    case SC_NODE_FIGCAPTION: return "figcaption";
    case SC_NODE_DIV: return n->element ? n->element : "div";
    case SC_NODE_SPAN: return n->element ? n->element : "span";
    case SC_NODE_HTML_BLOCK: return "div";
    case SC_NODE_LINE_BREAK: return "br";
    case SC_NODE_EMPH: return "em";
    case SC_NODE_STRONG: return "strong";
    case SC_NODE_STRIKE: return "del";
    case SC_NODE_SUB: return "sub";
    case SC_NODE_SUP: return "sup";
    case SC_NODE_CODE: return "code";
    case SC_NODE_LINK: return "a";
    case SC_NODE_IMAGE: return "img";
    case SC_NODE_FOOTNOTE_REF: return "a";
    case SC_NODE_HTML_INLINE: return "span";
    default: return NULL;
    }
}

const char *sc_node_type_name(sc_node_type t)
{
    static const char *const names[SC_NODE_TYPE_COUNT] = {
        "document", "paragraph", "heading", "list", "item", "blockquote", "code_block",
        "thematic_break", "table", "table_row", "table_cell", "footnote_def", "def_list", "def_term",
        "def_data", "figure", "figcaption", "div", "html_block", "text", "soft_break",
        "line_break", "emph", "strong", "strike", "sub", "sup", "code", "link", "image",
        "footnote_ref", "html_inline", "span"};
    return (unsigned)t < SC_NODE_TYPE_COUNT ? names[t] : "?";
}

static void plain_text(sc_buf *b, const sc_node *top)
{
    for (const sc_node *n = top; n; n = sc_node_next_preorder(n, top)) {
        if (n->type == SC_NODE_TEXT || n->type == SC_NODE_CODE)
            sc_buf_append(b, n->text, n->text_len);
        else if (n->type == SC_NODE_SOFT_BREAK || n->type == SC_NODE_LINE_BREAK)
            sc_buf_putc(b, ' ');
    }
}

char *sc_node_plain_text(sc_document *doc, const sc_node *node)
{
    sc_buf b;
    sc_buf_init(&b);
    plain_text(&b, node);
    char *s = sc_arena_strndup(doc->arena, b.data ? b.data : "", b.len);
    sc_buf_free(&b);
    return s;
}

static void hash_tree(sc_hash *h, const sc_node *top)
{
    for (const sc_node *n = top; n; n = sc_node_next_preorder(n, top)) {
        unsigned char t = (unsigned char)n->type;
        sc_hash_update(h, &t, 1);
        if (n->text)
            sc_hash_update(h, n->text, n->text_len);
        if (n->url)
            sc_hash_update(h, n->url, strlen(n->url));
    }
}

void sc_document_finish(sc_document *doc)
{
    sc_meta *m = &doc->meta;
    if (!m->lang || !*m->lang)
        m->lang = "vi";
    if (!m->title || !*m->title)
        m->title = doc->source_name;
    sc_hash h;
    sc_hash_init(&h);
    sc_hash_update(&h, m->title, strlen(m->title));
    sc_hash_update(&h, "\0", 1);
    if (m->author)
        sc_hash_update(&h, m->author, strlen(m->author));
    sc_hash_update(&h, "\0", 1);
    sc_hash_update(&h, m->lang, strlen(m->lang));
    hash_tree(&h, doc->root);
    char uuid[37];
    sc_hash_uuid(&h, uuid);
    m->identifier = sc_arena_printf(doc->arena, "urn:uuid:%s", uuid);
}

static void prepend_paragraph(sc_document *doc, sc_node **after, const char *cls, const char *text)
{
    if (!text || !*text)
        return;
    sc_node *p = sc_node_new(doc, SC_NODE_PARAGRAPH);
    p->class_name = cls;
    sc_node *t = sc_node_new(doc, SC_NODE_TEXT);
    sc_node_set_text(doc, t, text, strlen(text));
    sc_node_append(p, t);
    /* insert after *after, or first */
    sc_node *root = doc->root;
    p->parent = root;
    p->prev = *after;
    p->next = *after ? (*after)->next : root->first_child;
    if (p->prev)
        p->prev->next = p;
    else
        root->first_child = p;
    if (p->next)
        p->next->prev = p;
    else
        root->last_child = p;
    *after = p;
}

void sc_document_add_title_block(sc_document *doc)
{
    sc_node *after = NULL;
    prepend_paragraph(doc, &after, "title", doc->meta.title);
    prepend_paragraph(doc, &after, "author", doc->meta.author);
    prepend_paragraph(doc, &after, "date", doc->meta.date);
}
