/* office_build.c — the tree-building helpers the DOCX and ODT readers share (office.h). */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "internal.h"
#include "legacy.h"
#include "office.h"

void ox_inline_init(ox_inline *in, sc_document *doc, sc_node *parent)
{
    memset(in, 0, sizeof *in);
    in->doc = doc;
    in->parent = parent;
}

/* The wrapper chain for `fmt` under in->parent; returns the innermost node. */
static sc_node *open_chain(ox_inline *in, unsigned fmt)
{
    static const struct {
        unsigned flag;
        sc_node_type type;
        const char *element;
    } order[] = {{OX_BOLD, SC_NODE_STRONG, NULL},    {OX_ITALIC, SC_NODE_EMPH, NULL},
                 {OX_UNDERLINE, SC_NODE_SPAN, "u"}, {OX_STRIKE, SC_NODE_STRIKE, NULL},
                 {OX_SUB, SC_NODE_SUB, NULL},       {OX_SUP, SC_NODE_SUP, NULL}};
    sc_node *at = in->parent;
    in->last_top = NULL;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        if (!(fmt & order[i].flag))
            continue;
        if (order[i].flag == OX_SUB && (fmt & OX_SUP))
            continue; /* both: superscript wins */
        sc_node *w = sc_node_new(in->doc, order[i].type);
        w->element = order[i].element;
        sc_node_append(at, w);
        if (!in->last_top)
            in->last_top = w;
        at = w;
    }
    return at;
}

static int can_merge(const ox_inline *in, unsigned fmt)
{
    return in->last_inner && in->last_fmt == fmt && in->parent->last_child &&
           (in->last_top ? in->last_top == in->parent->last_child
                         : in->last_inner == in->parent);
}

void ox_text(ox_inline *in, unsigned fmt, const char *text, size_t len)
{
    if (!len)
        return;
    sc_document *doc = in->doc;
    if (fmt & OX_CODE) {
        sc_node *last = in->parent->last_child;
        if (can_merge(in, fmt) && last) {
            sc_node *inner = in->last_inner->last_child;
            if (inner && inner->type == SC_NODE_CODE) {
                char *joined = sc_arena_printf(doc->arena, "%.*s%.*s", (int)inner->text_len,
                                               inner->text, (int)len, text);
                sc_node_set_text(doc, inner, joined, inner->text_len + len);
                return;
            }
        }
    }
    sc_node *inner;
    if (can_merge(in, fmt)) {
        inner = in->last_inner;
        sc_node *prev = inner->last_child;
        /* word processors split text into many runs: join them back (up to a size, so that
         * hostile input cannot make the joining quadratic) */
        if (!(fmt & OX_CODE) && prev && prev->type == SC_NODE_TEXT && prev->text_len < 4096) {
            char *joined = sc_arena_printf(doc->arena, "%.*s%.*s", (int)prev->text_len,
                                           prev->text, (int)len, text);
            sc_node_set_text(doc, prev, joined, prev->text_len + len);
            return;
        }
    } else {
        inner = open_chain(in, fmt & ~(unsigned)OX_CODE);
        in->last_inner = inner;
        in->last_fmt = fmt;
    }
    sc_node *t = sc_node_new(doc, fmt & OX_CODE ? SC_NODE_CODE : SC_NODE_TEXT);
    sc_node_set_text(doc, t, text, len);
    if (inner == in->parent)
        in->last_top = t;
    sc_node_append(inner, t);
}

void ox_leaf(ox_inline *in, unsigned fmt, sc_node *leaf)
{
    sc_node *inner = can_merge(in, fmt & ~(unsigned)OX_CODE)
                         ? in->last_inner
                         : open_chain(in, fmt & ~(unsigned)OX_CODE);
    if (inner == in->parent) {
        sc_node_append(inner, leaf);
        in->last_inner = NULL; /* text after it starts a new run */
        return;
    }
    in->last_inner = inner;
    in->last_fmt = fmt & ~(unsigned)OX_CODE;
    sc_node_append(inner, leaf);
}

void ox_enter(ox_inline *in, sc_node *container, ox_inline *saved)
{
    sc_node_append(in->parent, container);
    *saved = *in;
    in->parent = container;
    in->last_top = in->last_inner = NULL;
}

void ox_leave(ox_inline *in, const ox_inline *saved)
{
    *in = *saved;
    in->last_top = in->last_inner = NULL;
}

const char *ox_clean_text(sc_document *doc, const sc_read_options *opts, const char *font,
                          const char *s, size_t len, size_t *out_len)
{
    sc_legacy_font f;
    if (font && sc_legacy_font_lookup(opts, font, &f))
        return sc_legacy_font_decode(doc, &f, s, len, out_len);
    char *t = sc_html_nfc(doc, s, len);
    *out_len = strlen(t);
    return t;
}

static const char *picture_mime(const unsigned char *d, size_t n)
{
    if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
        return "image/png";
    if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
        return "image/jpeg";
    return NULL;
}

sc_node *ox_image(sc_document *doc, sc_zip_input *zip, const char *part, const char *alt,
                  const char *title, sc_diag_list *diags)
{
    if (!part)
        return NULL;
    if (!sc_document_find_resource(doc, part)) {
        size_t len;
        char *data = sc_zip_read(zip, part, &len, 0);
        if (!data) {
            sc_diag_warning(diags, doc->source_name, "picture '%s' is missing from the package",
                            part);
            return NULL;
        }
        const char *mime = picture_mime((const unsigned char *)data, len);
        if (!mime) {
            sc_diag_warning(diags, doc->source_name,
                            "picture '%s' left out: only PNG and JPEG pictures are supported",
                            part);
            free(data);
            return NULL;
        }
        sc_document_add_resource(doc, part, mime, data, len);
        free(data);
    }
    sc_node *img = sc_node_new(doc, SC_NODE_IMAGE);
    img->url = sc_arena_strdup(doc->arena, part);
    if (title && *title)
        img->title = sc_html_nfc(doc, title, strlen(title));
    if (alt && *alt) {
        sc_node *t = sc_node_new(doc, SC_NODE_TEXT);
        const char *a = sc_html_nfc(doc, alt, strlen(alt));
        sc_node_set_text(doc, t, a, strlen(a));
        sc_node_append(img, t);
    }
    return img;
}

const char *ox_list_style_type(const char *format)
{
    static const struct {
        const char *format, *css;
    } table[] = {{"lowerLetter", "lower-alpha"}, {"upperLetter", "upper-alpha"},
                 {"lowerRoman", "lower-roman"},  {"upperRoman", "upper-roman"},
                 {"a", "lower-alpha"},           {"A", "upper-alpha"},
                 {"i", "lower-roman"},           {"I", "upper-roman"}};
    for (size_t i = 0; format && i < sizeof table / sizeof *table; i++)
        if (strcmp(format, table[i].format) == 0)
            return table[i].css;
    return NULL;
}

static int inside(const sc_node *n, const sc_node *ancestor)
{
    for (; n; n = n->parent)
        if (n == ancestor)
            return 1;
    return 0;
}

/* The only IMAGE of a paragraph with nothing else visible in it, or NULL. */
static const sc_node *lone_image(const sc_node *p)
{
    const sc_node *img = NULL;
    for (const sc_node *n = p->first_child; n; n = sc_node_next_preorder(n, p)) {
        if (n->type == SC_NODE_IMAGE) {
            if (img)
                return NULL;
            img = n;
        } else if ((n->type == SC_NODE_TEXT && !sc_is_blank(n->text, n->text_len)) ||
                   n->type == SC_NODE_CODE || n->type == SC_NODE_FOOTNOTE_REF) {
            if (!img || !inside(n, img))
                return NULL;
        }
    }
    return img;
}

int ox_figure_caption(sc_document *doc, sc_node *parent, sc_node *caption)
{
    sc_node *prev = parent->last_child;
    if (!prev || prev->type != SC_NODE_PARAGRAPH || !lone_image(prev))
        return 0;
    sc_node *fig = sc_node_new(doc, SC_NODE_FIGURE);
    fig->line = prev->line;
    fig->id = prev->id;
    prev->id = NULL;
    sc_node_unlink(prev);
    sc_node_append(fig, prev);
    sc_node *cap = sc_node_new(doc, SC_NODE_FIGCAPTION);
    cap->line = caption->line;
    while (caption->first_child) {
        sc_node *c = caption->first_child;
        sc_node_unlink(c);
        sc_node_append(cap, c);
    }
    sc_node_append(fig, cap);
    sc_node_append(parent, fig);
    return 1;
}

void ox_number_note(sc_document *doc, sc_node *ref, sc_node *def, int n)
{
    def->number = ref->number = n;
    def->id = sc_arena_printf(doc->arena, "fn-%d", n);
    ref->id = sc_arena_printf(doc->arena, "fnref-%d", n);
    ref->target = def;
}

void ox_heading_ids(sc_document *doc)
{
    sc_slugger slugs;
    sc_slugger_init(&slugs, doc->arena);
    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        if (n->id)
            sc_slugger_reserve(&slugs, n->id);
    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
        if (n->type != SC_NODE_HEADING || n->id)
            continue;
        const char *text = sc_node_plain_text(doc, n);
        n->id = sc_slugger_slug(&slugs, text, strlen(text));
    }
}

int ox_has_content(const sc_node *block)
{
    for (const sc_node *n = block->first_child; n; n = sc_node_next_preorder(n, block)) {
        switch (n->type) {
        case SC_NODE_TEXT:
        case SC_NODE_CODE:
            if (!sc_is_blank(n->text, n->text_len))
                return 1;
            break;
        case SC_NODE_IMAGE:
        case SC_NODE_FOOTNOTE_REF:
        case SC_NODE_TABLE:
        case SC_NODE_THEMATIC_BREAK:
            return 1;
        default:
            break;
        }
    }
    return 0;
}

sc_node *ox_last_of(sc_node *parent, sc_node_type type)
{
    return parent->last_child && parent->last_child->type == type ? parent->last_child : NULL;
}

sc_node *ox_last_or_new(sc_document *doc, sc_node *parent, sc_node_type type)
{
    sc_node *n = ox_last_of(parent, type);
    if (!n) {
        n = sc_node_new(doc, type);
        sc_node_append(parent, n);
    }
    return n;
}

void ox_definition(sc_document *doc, sc_node *parent, sc_node *node, int term)
{
    sc_node *dl = ox_last_or_new(doc, parent, SC_NODE_DEF_LIST);
    sc_node_append(term ? dl : ox_last_or_new(doc, dl, SC_NODE_DEF_DATA), node);
}
