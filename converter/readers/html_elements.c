/* html_elements.c — what each HTML element becomes in the document tree, and the small helpers the
 * HTML reader's files share. libxml2 2.9's HTML parser knows HTML 4 only; the HTML5 elements are
 * named here so they are read as the blocks and inlines they are. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "html.h"
#include "html_elements.h"

static const sc_html_element elements[] = {
    /* sorted by name for bsearch */
    {"a", SC_HTML_LINK, SC_NODE_LINK},
    {"abbr", SC_HTML_SPAN, SC_NODE_SPAN},
    {"acronym", SC_HTML_SPAN, SC_NODE_SPAN},
    {"address", SC_HTML_DIV, SC_NODE_DIV},
    {"applet", SC_HTML_DROP, 0},
    {"area", SC_HTML_DROP, 0},
    {"article", SC_HTML_DIV, SC_NODE_DIV},
    {"aside", SC_HTML_DIV, SC_NODE_DIV},
    {"audio", SC_HTML_DROP, 0},
    {"b", SC_HTML_INLINE, SC_NODE_STRONG},
    {"base", SC_HTML_DROP, 0},
    {"bdi", SC_HTML_SPAN, SC_NODE_SPAN},
    {"bdo", SC_HTML_SPAN, SC_NODE_SPAN},
    {"big", SC_HTML_SPAN, SC_NODE_SPAN},
    {"blockquote", SC_HTML_BLOCKS, SC_NODE_BLOCKQUOTE},
    {"body", SC_HTML_TRANSPARENT, 0},
    {"br", SC_HTML_BREAK, SC_NODE_LINE_BREAK},
    {"button", SC_HTML_DROP, 0},
    {"canvas", SC_HTML_DROP, 0},
    {"caption", SC_HTML_CAPTION, SC_NODE_PARAGRAPH},
    {"center", SC_HTML_DIV, SC_NODE_DIV},
    {"cite", SC_HTML_SPAN, SC_NODE_SPAN},
    {"code", SC_HTML_CODE, SC_NODE_CODE},
    {"col", SC_HTML_DROP, 0},
    {"colgroup", SC_HTML_DROP, 0},
    {"data", SC_HTML_SPAN, SC_NODE_SPAN},
    {"datalist", SC_HTML_DROP, 0},
    {"dd", SC_HTML_BLOCKS, SC_NODE_DEF_DATA},
    {"del", SC_HTML_INLINE, SC_NODE_STRIKE},
    {"details", SC_HTML_DIV, SC_NODE_DIV},
    {"dfn", SC_HTML_INLINE, SC_NODE_EMPH},
    {"dialog", SC_HTML_DIV, SC_NODE_DIV},
    {"dir", SC_HTML_LIST, SC_NODE_LIST},
    {"div", SC_HTML_DIV, SC_NODE_DIV},
    {"dl", SC_HTML_DEFLIST, SC_NODE_DEF_LIST},
    {"dt", SC_HTML_INLINES, SC_NODE_DEF_TERM},
    {"em", SC_HTML_INLINE, SC_NODE_EMPH},
    {"embed", SC_HTML_DROP, 0},
    {"figcaption", SC_HTML_INLINES, SC_NODE_FIGCAPTION},
    {"figure", SC_HTML_BLOCKS, SC_NODE_FIGURE},
    {"font", SC_HTML_SPAN, SC_NODE_SPAN},
    {"footer", SC_HTML_DIV, SC_NODE_DIV},
    {"frame", SC_HTML_DROP, 0},
    {"frameset", SC_HTML_DROP, 0},
    {"h1", SC_HTML_INLINES, SC_NODE_HEADING},
    {"h2", SC_HTML_INLINES, SC_NODE_HEADING},
    {"h3", SC_HTML_INLINES, SC_NODE_HEADING},
    {"h4", SC_HTML_INLINES, SC_NODE_HEADING},
    {"h5", SC_HTML_INLINES, SC_NODE_HEADING},
    {"h6", SC_HTML_INLINES, SC_NODE_HEADING},
    {"head", SC_HTML_DROP, 0},
    {"header", SC_HTML_DIV, SC_NODE_DIV},
    {"hgroup", SC_HTML_DIV, SC_NODE_DIV},
    {"hr", SC_HTML_RULE, SC_NODE_THEMATIC_BREAK},
    {"html", SC_HTML_TRANSPARENT, 0},
    {"i", SC_HTML_INLINE, SC_NODE_EMPH},
    {"iframe", SC_HTML_DROP, 0},
    {"img", SC_HTML_IMAGE, SC_NODE_IMAGE},
    {"input", SC_HTML_DROP, 0},
    {"ins", SC_HTML_SPAN, SC_NODE_SPAN},
    {"kbd", SC_HTML_CODE, SC_NODE_CODE},
    {"keygen", SC_HTML_DROP, 0},
    {"li", SC_HTML_BLOCKS, SC_NODE_ITEM},
    {"link", SC_HTML_DROP, 0},
    {"listing", SC_HTML_PRE, SC_NODE_CODE_BLOCK},
    {"main", SC_HTML_DIV, SC_NODE_DIV},
    {"map", SC_HTML_DROP, 0},
    {"mark", SC_HTML_SPAN, SC_NODE_SPAN},
    {"math", SC_HTML_DROP, 0},
    {"menu", SC_HTML_LIST, SC_NODE_LIST},
    {"meta", SC_HTML_DROP, 0},
    {"meter", SC_HTML_DROP, 0},
    {"nav", SC_HTML_DIV, SC_NODE_DIV},
    {"noembed", SC_HTML_DROP, 0},
    {"noframes", SC_HTML_DROP, 0},
    {"noscript", SC_HTML_DROP, 0},
    {"object", SC_HTML_DROP, 0},
    {"ol", SC_HTML_LIST, SC_NODE_LIST},
    {"optgroup", SC_HTML_DROP, 0},
    {"option", SC_HTML_DROP, 0},
    {"output", SC_HTML_DROP, 0},
    {"p", SC_HTML_INLINES, SC_NODE_PARAGRAPH},
    {"param", SC_HTML_DROP, 0},
    {"picture", SC_HTML_TRANSPARENT, 0},
    {"plaintext", SC_HTML_PRE, SC_NODE_CODE_BLOCK},
    {"pre", SC_HTML_PRE, SC_NODE_CODE_BLOCK},
    {"progress", SC_HTML_DROP, 0},
    {"q", SC_HTML_QUOTE, SC_NODE_SPAN},
    {"rp", SC_HTML_DROP, 0},
    {"s", SC_HTML_INLINE, SC_NODE_STRIKE},
    {"samp", SC_HTML_CODE, SC_NODE_CODE},
    {"script", SC_HTML_DROP, 0},
    {"section", SC_HTML_DIV, SC_NODE_DIV},
    {"select", SC_HTML_DROP, 0},
    {"small", SC_HTML_SPAN, SC_NODE_SPAN},
    {"source", SC_HTML_DROP, 0},
    {"span", SC_HTML_SPAN, SC_NODE_SPAN},
    {"strike", SC_HTML_INLINE, SC_NODE_STRIKE},
    {"strong", SC_HTML_INLINE, SC_NODE_STRONG},
    {"style", SC_HTML_DROP, 0},
    {"sub", SC_HTML_INLINE, SC_NODE_SUB},
    {"summary", SC_HTML_INLINES, SC_NODE_PARAGRAPH},
    {"sup", SC_HTML_INLINE, SC_NODE_SUP},
    {"svg", SC_HTML_IMAGE, SC_NODE_IMAGE}, /* only the picture an <image> in it shows */
    {"table", SC_HTML_TABLE, SC_NODE_TABLE},
    {"template", SC_HTML_DROP, 0},
    {"textarea", SC_HTML_DROP, 0},
    {"time", SC_HTML_SPAN, SC_NODE_SPAN},
    {"title", SC_HTML_DROP, 0},
    {"track", SC_HTML_DROP, 0},
    {"tt", SC_HTML_CODE, SC_NODE_CODE},
    {"u", SC_HTML_SPAN, SC_NODE_SPAN},
    {"ul", SC_HTML_LIST, SC_NODE_LIST},
    {"var", SC_HTML_INLINE, SC_NODE_EMPH},
    {"video", SC_HTML_DROP, 0},
    {"wbr", SC_HTML_DROP, 0},
    {"xmp", SC_HTML_PRE, SC_NODE_CODE_BLOCK},
};

/* Unknown elements keep their content where they stand (custom elements, form, label, ...). */
static const sc_html_element unknown = {NULL, SC_HTML_TRANSPARENT, 0};

static int compare(const void *key, const void *entry)
{
    return strcmp(key, ((const sc_html_element *)entry)->name);
}

const sc_html_element *sc_html_element_of(const xmlNode *el)
{
    const char *name = sc_html_name(el);
    if (!name)
        return &unknown;
    const sc_html_element *e =
        bsearch(name, elements, sizeof elements / sizeof *elements, sizeof *elements, compare);
    return e ? e : &unknown;
}

int sc_html_is_block_kind(sc_html_kind k)
{
    return k >= SC_HTML_BLOCKS;
}

const char *sc_html_name(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->name ? (const char *)n->name : NULL;
}

int sc_html_has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
            p++;
        if ((size_t)(p - start) == n && strncasecmp(start, word, n) == 0)
            return 1;
    }
    return 0;
}

char *sc_html_nfc(sc_document *doc, const char *s, size_t len)
{
    int ascii = 1;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii)
        return sc_arena_strndup(doc->arena, s, len);
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (n < 0)
        return sc_arena_strndup(doc->arena, s, len);
    char *out = sc_arena_strndup(doc->arena, (const char *)nfc, (size_t)n);
    free(nfc);
    return out;
}

const char *sc_html_attr(sc_document *doc, const xmlNode *el, const char *name)
{
    if (!el || el->type != XML_ELEMENT_NODE)
        return NULL;
    const char *colon = strchr(name, ':');
    for (const xmlAttr *a = el->properties; a; a = a->next) {
        const char *local = (const char *)a->name;
        const char *prefix = a->ns && a->ns->prefix ? (const char *)a->ns->prefix : NULL;
        int match;
        if (colon) /* "xml:lang": a namespaced attribute, or one the HTML parser kept whole */
            match = (prefix && strlen(prefix) == (size_t)(colon - name) &&
                     strncmp(prefix, name, (size_t)(colon - name)) == 0 &&
                     strcasecmp(local, colon + 1) == 0) ||
                    (!prefix && strcasecmp(local, name) == 0);
        else
            match = !prefix && strcasecmp(local, name) == 0;
        if (!match)
            continue;
        xmlChar *v = xmlNodeListGetString(el->doc, a->children, 1);
        if (!v)
            return "";
        char *out = sc_html_nfc(doc, (const char *)v, strlen((const char *)v));
        xmlFree(v);
        return out;
    }
    return NULL;
}
