/* odt_inline.c — an ODT paragraph's inline content: text with ODF's white-space rule (runs of
 * spaces, tabs and newlines collapse to one space; text:s, text:tab and text:line-break are the
 * explicit ones), spans with their text styles, links, notes (built where they are cited,
 * numbered in that order), pictures in frames, bookmarks; fields show their current text. */
#include <stdlib.h>
#include <string.h>

#include "odt.h"

/* Append text with ODF white-space collapsing; *space says the last thing added was a space
 * (or nothing was added yet: leading white space is dropped). */
static void add_text(odt_reader *r, ox_inline *in, unsigned fmt, const char *font, const char *s,
                     int *space)
{
    size_t n = strlen(s);
    char *buf = malloc(n + 1);
    if (!buf)
        return;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!*space)
                buf[o++] = ' ';
            *space = 1;
        } else {
            buf[o++] = c;
            *space = 0;
        }
    }
    if (o) {
        size_t len;
        const char *t = ox_clean_text(r->doc, r->opts, font, buf, o, &len);
        ox_text(in, fmt, t, len);
    }
    free(buf);
}

static void note(odt_reader *r, const xmlNode *el, ox_inline *in)
{
    const xmlNode *body = sc_xml_child(el, "note-body");
    if (!body || r->depth > OX_MAX_DEPTH)
        return;
    sc_document *doc = r->doc;
    if (r->ndefs == r->defs_cap) {
        size_t cap = r->defs_cap ? r->defs_cap * 2 : 16;
        sc_node **grown = realloc(r->defs, cap * sizeof *grown);
        if (!grown)
            return;
        r->defs = grown;
        r->defs_cap = cap;
    }
    sc_node *def = sc_node_new(doc, SC_NODE_FOOTNOTE_DEF);
    sc_node *ref = sc_node_new(doc, SC_NODE_FOOTNOTE_REF);
    r->defs[r->ndefs++] = def;
    ox_number_note(doc, ref, def, (int)r->ndefs);
    ox_leaf(in, 0, ref);
    const char *pending = r->pending_id;
    r->pending_id = NULL;
    r->depth++;
    odt_blocks(r, body->children, def, r->depth);
    r->depth--;
    r->pending_id = pending;
}

static const char *child_text(const xmlNode *el, const char *name)
{
    const xmlNode *c = sc_xml_child(el, name);
    const xmlNode *t = c ? c->children : NULL;
    return t && t->type == XML_TEXT_NODE ? (const char *)t->content : NULL;
}

static void frame(odt_reader *r, const xmlNode *el, ox_inline *in, unsigned fmt, const char *font,
                  int *space, int depth)
{
    const char *alt = child_text(el, "title");
    if (!alt)
        alt = child_text(el, "desc");
    for (const xmlNode *n = el->children; n; n = n->next) {
        if (sc_xml_is(n, "image")) {
            const char *href = sc_xml_attr(n, "href", NULL);
            const char *part = sc_zip_resolve(r->doc->arena, "content.xml", href);
            sc_node *img = part ? ox_image(r->doc, r->zip, part, alt, NULL, r->diags) : NULL;
            if (img) {
                ox_leaf(in, fmt, img);
                *space = 0;
                return; /* further draw:image children are replacements of the first */
            }
        } else if (sc_xml_is(n, "text-box")) {
            for (const xmlNode *p = n->children; p; p = p->next)
                if (sc_xml_is(p, "p") || sc_xml_is(p, "h"))
                    odt_inlines(r, p->children, in, fmt, font, space, depth + 1);
        }
    }
}

void odt_inlines(odt_reader *r, const xmlNode *first, ox_inline *in, unsigned fmt,
                 const char *font, int *space, int depth)
{
    if (depth > OX_MAX_DEPTH)
        return;
    for (const xmlNode *n = first; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content) {
            add_text(r, in, fmt, font, (const char *)n->content, space);
            continue;
        }
        const char *name = sc_xml_name(n);
        if (!name)
            continue;
        if (strcmp(name, "span") == 0) {
            const odt_style *st = odt_style_by_name(r, sc_xml_attr(n, "style-name", NULL), 't');
            unsigned f = st ? (fmt & ~st->fmt_off) | st->fmt_on | (st->code_text ? OX_CODE : 0)
                            : fmt;
            /* text in another language than the document's is a span with that language */
            const char *lang = st ? st->lang : NULL;
            const char *doc_lang = r->doc->meta.lang;
            int in_lang = lang && (!doc_lang || strncmp(lang, doc_lang, strlen(doc_lang)) != 0 ||
                                   (lang[strlen(doc_lang)] && lang[strlen(doc_lang)] != '-'));
            ox_inline saved;
            if (in_lang) {
                sc_node *sp = sc_node_new(r->doc, SC_NODE_SPAN);
                sp->lang = lang;
                ox_enter(in, sp, &saved);
            }
            odt_inlines(r, n->children, in, f, st && st->font ? st->font : font, space,
                        depth + 1);
            if (in_lang)
                ox_leave(in, &saved);
        } else if (strcmp(name, "a") == 0) {
            const char *href = sc_xml_attr(n, "href", NULL);
            if (!href || !*href) {
                odt_inlines(r, n->children, in, fmt, font, space, depth + 1);
                continue;
            }
            ox_inline saved;
            sc_node *link = sc_node_new(r->doc, SC_NODE_LINK);
            link->url = sc_arena_strdup(r->doc->arena, href);
            ox_enter(in, link, &saved);
            odt_inlines(r, n->children, in, fmt, font, space, depth + 1);
            ox_leave(in, &saved);
        } else if (strcmp(name, "s") == 0) {
            const char *c = sc_xml_attr(n, "c", NULL);
            int count = c ? atoi(c) : 1;
            if (count < 1)
                count = 1;
            if (count > 1000)
                count = 1000;
            char *sp = sc_arena_alloc(r->doc->arena, (size_t)count + 1);
            memset(sp, ' ', (size_t)count);
            sp[count] = '\0';
            ox_text(in, fmt, sp, (size_t)count);
            *space = 1;
        } else if (strcmp(name, "tab") == 0) {
            ox_text(in, fmt, " ", 1);
            *space = 1;
        } else if (strcmp(name, "line-break") == 0) {
            ox_leaf(in, 0, sc_node_new(r->doc, SC_NODE_LINE_BREAK));
            *space = 1;
        } else if (strcmp(name, "note") == 0) {
            note(r, n, in);
            *space = 0;
        } else if (strcmp(name, "frame") == 0) {
            frame(r, n, in, fmt, font, space, depth);
        } else if (strcmp(name, "bookmark") == 0 || strcmp(name, "bookmark-start") == 0) {
            const char *b = sc_xml_attr(n, "name", NULL);
            if (b && *b && !in->parent->id && in->parent->type != SC_NODE_LINK)
                in->parent->id = sc_arena_strdup(r->doc->arena, b);
        } else if (strcmp(name, "soft-page-break") == 0 || strcmp(name, "annotation") == 0 ||
                   strcmp(name, "annotation-end") == 0 || strcmp(name, "note-citation") == 0 ||
                   strcmp(name, "bookmark-end") == 0 || strcmp(name, "change") == 0 ||
                   strcmp(name, "change-start") == 0 || strcmp(name, "change-end") == 0 ||
                   strcmp(name, "reference-mark") == 0 || strcmp(name, "toc-mark") == 0 ||
                   strcmp(name, "alphabetical-index-mark") == 0) {
            /* nothing to show */
        } else {
            /* fields (dates, references, sequences), text:meta, ruby, ...: their current text */
            odt_inlines(r, n->children, in, fmt, font, space, depth + 1);
        }
    }
}
