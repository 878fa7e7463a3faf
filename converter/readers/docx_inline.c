/* docx_inline.c — a DOCX paragraph's inline content: runs with their formatting (direct, and from
 * character styles), text, tabs and breaks; hyperlinks (relationship targets and bookmarks) and
 * HYPERLINK fields, simple and complex; footnote and endnote references (the notes are built at
 * their first reference, numbered in that order); pictures. Tracked deletions are dropped,
 * insertions, content controls, smart tags and custom XML read through; mc:AlternateContent is
 * read once: a choice we understand, else the fallback. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docx.h"

enum { MAX_FIELDS = 8, MAX_INSTR = 1024 };

typedef struct docx_field {
    char instr[MAX_INSTR];
    size_t len;
    int in_instr;  /* between begin and separate: the instruction, not shown */
    int link_open; /* its result is inside a LINK we entered */
    ox_inline saved;
} docx_field;

typedef struct para_state {
    docx_reader *r;
    ox_inline *in;
    sc_node *block;
    unsigned base_fmt;
    const char *base_font;
    docx_field fields[MAX_FIELDS];
    int nfields;
    int skipped_fields; /* nested deeper than MAX_FIELDS */
} para_state;

static void inlines(para_state *ps, const xmlNode *first, int depth);

/* The markup-compatibility requirement prefixes we read like the plain markup. */
static int understood(const char *requires)
{
    static const char *const known[] = {"w14", "w15", "w16se", "wp14"};
    if (!requires || !*requires)
        return 0;
    for (const char *p = requires; *p;) { /* every space-separated prefix must be known */
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (!n)
            break;
        int ok = 0;
        for (size_t i = 0; i < sizeof known / sizeof *known; i++)
            ok |= strlen(known[i]) == n && strncmp(p, known[i], n) == 0;
        if (!ok)
            return 0;
        p += n;
    }
    return 1;
}

/* The branch of mc:AlternateContent to read (its children), NULL for none. */
const xmlNode *docx_alternate(const xmlNode *ac)
{
    for (const xmlNode *c = ac->children; c; c = c->next)
        if (sc_xml_is(c, "Choice") && understood(sc_xml_attr(c, "Requires", NULL)))
            return c->children;
    const xmlNode *fb = sc_xml_child(ac, "Fallback");
    if (fb)
        return fb->children;
    const xmlNode *first = sc_xml_child(ac, "Choice"); /* no fallback: the only content there is */
    return first ? first->children : NULL;
}

static int showing(const para_state *ps)
{
    for (int i = 0; i < ps->nfields; i++)
        if (ps->fields[i].in_instr)
            return 0;
    return 1;
}

static void add_text(para_state *ps, unsigned fmt, const char *font, const char *s, size_t len)
{
    if (!len || !showing(ps))
        return;
    size_t n;
    const char *t = ox_clean_text(ps->r->doc, ps->r->opts, font, s, len, &n);
    ox_text(ps->in, fmt, t, n);
}

/* The quoted or bare argument at *p (advanced past it). */
static const char *field_arg(sc_arena *a, const char **p)
{
    const char *s = *p;
    while (*s == ' ')
        s++;
    const char *start = s, *end;
    if (*s == '"') {
        start = ++s;
        while (*s && *s != '"')
            s++;
        end = s;
        if (*s)
            s++;
    } else {
        while (*s && *s != ' ')
            s++;
        end = s;
    }
    *p = s;
    return end > start ? sc_arena_printf(a, "%.*s", (int)(end - start), start) : NULL;
}

/* HYPERLINK "url" \l "bookmark" \o "tip": the link's URL, or NULL for another field. */
static const char *hyperlink_url(sc_arena *a, const char *instr)
{
    while (*instr == ' ')
        instr++;
    if (strncasecmp(instr, "HYPERLINK", 9) != 0 || (instr[9] && instr[9] != ' '))
        return NULL;
    const char *p = instr + 9, *url = NULL, *anchor = NULL;
    while (*p) {
        while (*p == ' ')
            p++;
        if (p[0] == '\\' && p[1]) {
            char sw = p[1];
            p += 2;
            const char *arg = sw == 'l' || sw == 'o' || sw == 't' ? field_arg(a, &p) : NULL;
            if (sw == 'l')
                anchor = arg;
        } else if (*p) {
            const char *arg = field_arg(a, &p);
            if (!url)
                url = arg;
        }
    }
    if (url && anchor)
        return sc_arena_printf(a, "%s#%s", url, anchor);
    if (anchor)
        return sc_arena_printf(a, "#%s", anchor);
    return url;
}

static void open_link(para_state *ps, const char *url, ox_inline *saved)
{
    sc_node *link = sc_node_new(ps->r->doc, SC_NODE_LINK);
    link->url = url;
    ox_enter(ps->in, link, saved);
}

static void field_char(para_state *ps, const xmlNode *el)
{
    const char *type = sc_xml_attr(el, "fldCharType", NULL);
    if (!type)
        return;
    if (strcmp(type, "begin") == 0) {
        if (ps->nfields == MAX_FIELDS) {
            ps->skipped_fields++;
            return;
        }
        docx_field *f = &ps->fields[ps->nfields++];
        f->len = 0;
        f->instr[0] = '\0';
        f->in_instr = 1;
        f->link_open = 0;
    } else if (strcmp(type, "separate") == 0 && ps->nfields && !ps->skipped_fields) {
        docx_field *f = &ps->fields[ps->nfields - 1];
        if (!f->in_instr)
            return;
        f->in_instr = 0;
        const char *url = hyperlink_url(ps->r->doc->arena, f->instr);
        if (url && showing(ps)) {
            open_link(ps, url, &f->saved);
            f->link_open = 1;
        }
    } else if (strcmp(type, "end") == 0) {
        if (ps->skipped_fields) {
            ps->skipped_fields--;
            return;
        }
        if (!ps->nfields)
            return;
        docx_field *f = &ps->fields[--ps->nfields];
        if (f->link_open)
            ox_leave(ps->in, &f->saved);
    }
}

static void instr_text(para_state *ps, const xmlNode *el)
{
    if (!ps->nfields || ps->skipped_fields)
        return;
    docx_field *f = &ps->fields[ps->nfields - 1];
    if (!f->in_instr)
        return;
    xmlChar *t = xmlNodeGetContent(el);
    size_t n = t ? strlen((const char *)t) : 0;
    if (n > MAX_INSTR - 1 - f->len)
        n = MAX_INSTR - 1 - f->len;
    if (n)
        memcpy(f->instr + f->len, t, n);
    f->len += n;
    f->instr[f->len] = '\0';
    xmlFree(t);
}

/* A footnote or endnote: its blocks are read at the first reference. */
static void note_ref(para_state *ps, const xmlNode *el, int endnote)
{
    docx_reader *r = ps->r;
    const char *id = sc_xml_attr(el, "id", NULL);
    xmlDocPtr part = endnote ? r->endnotes : r->footnotes;
    const xmlNode *note = NULL;
    for (const xmlNode *n = part && id ? xmlDocGetRootElement(part)->children : NULL; n && !note;
         n = n->next)
        if ((sc_xml_is(n, "footnote") || sc_xml_is(n, "endnote")) &&
            sc_xml_attr(n, "id", NULL) && strcmp(sc_xml_attr(n, "id", NULL), id) == 0)
            note = n;
    if (!note || r->depth > OX_MAX_DEPTH) {
        sc_diag_warning(r->diags, r->file, "%s %s is missing from the package",
                        endnote ? "endnote" : "footnote", id ? id : "?");
        return;
    }
    sc_document *doc = r->doc;
    sc_node *def = sc_node_new(doc, SC_NODE_FOOTNOTE_DEF);
    sc_node *ref = sc_node_new(doc, SC_NODE_FOOTNOTE_REF);
    if (r->nnotes == r->notes_cap) {
        size_t cap = r->notes_cap ? r->notes_cap * 2 : 16;
        sc_node **grown = realloc(r->notes, cap * sizeof *grown);
        if (!grown)
            return;
        r->notes = grown;
        r->notes_cap = cap;
    }
    r->notes[r->nnotes++] = def;
    ox_number_note(doc, ref, def, (int)r->nnotes);
    ox_leaf(ps->in, 0, ref);
    docx_rels *outer = r->rels;
    const char *pending = r->pending_id;
    r->pending_id = NULL;
    r->rels = endnote ? &r->end_rels : &r->foot_rels;
    r->depth++;
    docx_blocks(r, note->children, def);
    r->depth--;
    r->rels = outer;
    r->pending_id = pending;
}

/* The next element after n in document order under top (top's subtree only). */
static const xmlNode *next_element(const xmlNode *n, const xmlNode *top)
{
    if (n->children)
        return n->children;
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* The element after n's subtree in document order under top. */
static const xmlNode *after_subtree(const xmlNode *n, const xmlNode *top)
{
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* Text boxes (w:txbxContent in a drawing or VML shape): their paragraphs are read where the
 * box is anchored, a line break before each. */
static void text_boxes(para_state *ps, const xmlNode *el)
{
    docx_reader *r = ps->r;
    if (r->depth > OX_MAX_DEPTH)
        return;
    for (const xmlNode *n = el; n;) {
        if (!sc_xml_is(n, "txbxContent")) {
            n = next_element(n, el);
            continue;
        }
        r->depth++;
        for (const xmlNode *p = n->children; p; p = p->next) {
            if (!sc_xml_is(p, "p"))
                continue;
            if (ps->in->parent->last_child && showing(ps))
                ox_leaf(ps->in, 0, sc_node_new(r->doc, SC_NODE_LINE_BREAK));
            inlines(ps, p->children, r->depth);
        }
        r->depth--;
        n = after_subtree(n, el);
    }
}

/* Pictures in w:drawing (a:blip r:embed) or VML w:pict (v:imagedata r:id). */
static void pictures(para_state *ps, const xmlNode *el, unsigned fmt)
{
    docx_reader *r = ps->r;
    const char *alt = NULL, *title = NULL;
    for (const xmlNode *n = el; n; n = next_element(n, el)) {
        if (sc_xml_is(n, "docPr")) {
            alt = sc_xml_attr(n, "descr", NULL);
            title = sc_xml_attr(n, "title", NULL);
        }
        const char *rid = sc_xml_is(n, "blip") ? sc_xml_attr(n, "embed", DOCX_R)
                          : sc_xml_is(n, "imagedata") ? sc_xml_attr(n, "id", DOCX_R) : NULL;
        const docx_rel *rel = rid ? docx_rel_by_id(r->rels, rid) : NULL;
        if (!rel || rel->external)
            continue;
        if (!alt && sc_xml_is(n, "imagedata"))
            alt = sc_xml_attr(n, "title", NULL);
        sc_node *img = ox_image(r->doc, r->zip, rel->target, alt, title, r->diags);
        if (img && showing(ps))
            ox_leaf(ps->in, fmt, img);
    }
}

static void run(para_state *ps, const xmlNode *run_el)
{
    docx_reader *r = ps->r;
    const xmlNode *rpr = sc_xml_child(run_el, "rPr");
    unsigned fmt = ps->base_fmt;
    const char *font = ps->base_font;
    const xmlNode *rs = sc_xml_child(rpr, "rStyle");
    const docx_style *cs = rs ? docx_style_by_id(r, sc_xml_attr(rs, "val", NULL)) : NULL;
    if (cs) {
        fmt = (fmt & ~cs->fmt_off) | cs->fmt_on;
        if (cs->font)
            font = cs->font;
        if (strstr(cs->id, "Verbatim") || strcasecmp(cs->name, "HTML Code") == 0)
            fmt |= OX_CODE;
    }
    fmt = docx_rpr_fmt(rpr, fmt);
    if (docx_rpr_font(rpr))
        font = docx_rpr_font(rpr);
    /* a run in another language than the document's is a span with that language */
    const xmlNode *lang = sc_xml_child(rpr, "lang");
    const char *lv = lang ? sc_xml_attr(lang, "val", NULL) : NULL;
    ox_inline saved;
    /* (not inside a field: its link may end in another run) */
    int in_lang = lv && *lv && !ps->nfields &&
                  (!r->doc->meta.lang || strcmp(lv, r->doc->meta.lang) != 0);
    if (in_lang) {
        sc_node *span = sc_node_new(r->doc, SC_NODE_SPAN);
        span->lang = sc_arena_strdup(r->doc->arena, lv);
        ox_enter(ps->in, span, &saved);
    }
    for (const xmlNode *n = run_el->children; n; n = n->next) {
        const char *name = sc_xml_name(n);
        if (!name || strcmp(name, "rPr") == 0)
            continue;
        if (strcmp(name, "t") == 0) {
            xmlChar *t = xmlNodeGetContent(n);
            if (t)
                add_text(ps, fmt, font, (const char *)t, strlen((const char *)t));
            xmlFree(t);
        } else if (strcmp(name, "tab") == 0 || strcmp(name, "ptab") == 0) {
            add_text(ps, fmt, NULL, " ", 1);
        } else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) {
            const char *type = sc_xml_attr(n, "type", NULL);
            if (type && strcmp(type, "page") == 0)
                continue; /* pages are ours to make */
            if (showing(ps))
                ox_leaf(ps->in, 0, sc_node_new(r->doc, SC_NODE_LINE_BREAK));
        } else if (strcmp(name, "noBreakHyphen") == 0) {
            add_text(ps, fmt, NULL, "\xE2\x80\x91", 3);
        } else if (strcmp(name, "softHyphen") == 0) {
            add_text(ps, fmt, NULL, "\xC2\xAD", 2);
        } else if (strcmp(name, "fldChar") == 0) {
            field_char(ps, n);
        } else if (strcmp(name, "instrText") == 0) {
            instr_text(ps, n);
        } else if (strcmp(name, "footnoteReference") == 0 || strcmp(name, "endnoteReference") == 0) {
            if (showing(ps))
                note_ref(ps, n, name[0] == 'e');
        } else if (strcmp(name, "drawing") == 0 || strcmp(name, "pict") == 0) {
            pictures(ps, n, fmt);
            text_boxes(ps, n);
        } else if (strcmp(name, "AlternateContent") == 0) {
            /* inside a run, its branch holds run content: pictures */
            for (const xmlNode *c = docx_alternate(n); c; c = c->next)
                if (sc_xml_is(c, "drawing") || sc_xml_is(c, "pict")) {
                    pictures(ps, c, fmt);
                    text_boxes(ps, c);
                }
        }
    }
    if (in_lang)
        ox_leave(ps->in, &saved);
}

static void hyperlink(para_state *ps, const xmlNode *el, int depth)
{
    docx_reader *r = ps->r;
    const char *rid = sc_xml_attr(el, "id", DOCX_R), *anchor = sc_xml_attr(el, "anchor", NULL);
    const docx_rel *rel = rid ? docx_rel_by_id(r->rels, rid) : NULL;
    const char *url = NULL;
    if (rel && rel->external)
        url = anchor ? sc_arena_printf(r->doc->arena, "%s#%s", rel->target, anchor)
                     : sc_arena_strdup(r->doc->arena, rel->target);
    else if (anchor)
        url = sc_arena_printf(r->doc->arena, "#%s", anchor);
    if (!url || !showing(ps)) {
        inlines(ps, el->children, depth + 1);
        return;
    }
    ox_inline saved;
    open_link(ps, url, &saved);
    const char *tip = sc_xml_attr(el, "tooltip", NULL);
    if (tip && *tip)
        ps->in->parent->title = ox_clean_text(r->doc, NULL, NULL, tip, strlen(tip), &(size_t){0});
    inlines(ps, el->children, depth + 1);
    ox_leave(ps->in, &saved);
}

static void bookmark(para_state *ps, const xmlNode *el)
{
    const char *name = sc_xml_attr(el, "name", NULL);
    if (!name || !*name || strcmp(name, "_GoBack") == 0)
        return;
    if (!ps->block->id)
        ps->block->id = sc_arena_strdup(ps->r->doc->arena, name);
}

static void inlines(para_state *ps, const xmlNode *first, int depth)
{
    if (depth > OX_MAX_DEPTH)
        return;
    for (const xmlNode *n = first; n; n = n->next) {
        const char *name = sc_xml_name(n);
        if (!name)
            continue;
        if (strcmp(name, "r") == 0) {
            run(ps, n);
        } else if (strcmp(name, "hyperlink") == 0) {
            hyperlink(ps, n, depth);
        } else if (strcmp(name, "fldSimple") == 0) {
            const char *url = hyperlink_url(ps->r->doc->arena, sc_xml_attr(n, "instr", NULL)
                                                                   ? sc_xml_attr(n, "instr", NULL)
                                                                   : "");
            if (url && showing(ps)) {
                ox_inline saved;
                open_link(ps, url, &saved);
                inlines(ps, n->children, depth + 1);
                ox_leave(ps->in, &saved);
            } else {
                inlines(ps, n->children, depth + 1);
            }
        } else if (strcmp(name, "bookmarkStart") == 0) {
            bookmark(ps, n);
        } else if (strcmp(name, "AlternateContent") == 0) {
            inlines(ps, docx_alternate(n), depth + 1);
        } else if (strcmp(name, "sdt") == 0) {
            inlines(ps, sc_xml_child(n, "sdtContent") ? sc_xml_child(n, "sdtContent")->children
                                                      : NULL, depth + 1);
        } else if (strcmp(name, "ins") == 0 || strcmp(name, "moveTo") == 0 ||
                   strcmp(name, "smartTag") == 0 || strcmp(name, "customXml") == 0 ||
                   strcmp(name, "dir") == 0 || strcmp(name, "bdo") == 0) {
            inlines(ps, n->children, depth + 1);
        }
        /* w:del, w:moveFrom (tracked deletions), w:pPr, comments, proofing marks: dropped */
    }
}

void docx_paragraph_inlines(docx_reader *r, const xmlNode *p, ox_inline *in, unsigned base_fmt,
                            const char *base_font)
{
    para_state *ps = calloc(1, sizeof *ps);
    if (!ps)
        return;
    ps->r = r;
    ps->in = in;
    ps->block = in->parent;
    ps->base_fmt = base_fmt;
    ps->base_font = base_font;
    inlines(ps, p->children, r->depth);
    while (ps->nfields) /* a field left open at the paragraph's end */
        if (ps->fields[--ps->nfields].link_open)
            ox_leave(ps->in, &ps->fields[ps->nfields].saved);
    free(ps);
}
