/* html_notes.c — footnotes in HTML as pandoc, EPUB and DPUB-ARIA mark them: a reference is a link
 * with role="doc-noteref", epub:type="noteref" or class "footnote-ref"; a note is an element with
 * role doc-footnote/doc-endnote, epub:type footnote/endnote/rearnote, or an item of a footnotes
 * section. A first pass finds both (references may come before or after their notes, in another
 * file of an EPUB); only notes something refers to become FOOTNOTE_DEFs. Back links are dropped. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_build.h"

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static size_t slot_of(const sc_strmap *m, const char *key)
{
    size_t i = (size_t)(hash_str(key) & (m->cap - 1));
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

void sc_strmap_put(sc_arena *arena, sc_strmap *m, const char *key, void *value)
{
    if ((m->count + 1) * 2 > m->cap) {
        sc_strmap old = *m;
        m->cap = old.cap ? old.cap * 2 : 64;
        m->keys = sc_arena_calloc(arena, m->cap, sizeof *m->keys);
        m->values = sc_arena_calloc(arena, m->cap, sizeof *m->values);
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = slot_of(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->values[j] = old.values[i];
            }
    }
    size_t i = slot_of(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->count++;
    }
    m->values[i] = value;
}

void *sc_strmap_get(const sc_strmap *m, const char *key, int *found)
{
    *found = 0;
    if (!m->cap || !key)
        return NULL;
    size_t i = slot_of(m, key);
    if (!m->keys[i])
        return NULL;
    *found = 1;
    return m->values[i];
}

static int attr_has(sc_html_builder *b, const xmlNode *el, const char *attr, const char *word)
{
    const char *v = sc_html_attr(b->doc, el, attr);
    return v && sc_html_has_word(v, word);
}

int hb_is_noteref(sc_html_builder *b, const xmlNode *el)
{
    return attr_has(b, el, "role", "doc-noteref") || attr_has(b, el, "epub:type", "noteref") ||
           attr_has(b, el, "class", "footnote-ref") || attr_has(b, el, "class", "footnoteRef");
}

int hb_is_backlink(sc_html_builder *b, const xmlNode *el)
{
    return attr_has(b, el, "role", "doc-backlink") || attr_has(b, el, "class", "footnote-back") ||
           attr_has(b, el, "class", "footnoteBack");
}

int hb_is_notes_section(sc_html_builder *b, const xmlNode *el)
{
    return attr_has(b, el, "role", "doc-endnotes") || attr_has(b, el, "role", "doc-footnotes") ||
           attr_has(b, el, "epub:type", "footnotes") || attr_has(b, el, "epub:type", "endnotes") ||
           attr_has(b, el, "epub:type", "rearnotes") || attr_has(b, el, "class", "footnotes");
}

static int looks_like_note(sc_html_builder *b, const xmlNode *el)
{
    if (attr_has(b, el, "role", "doc-endnote") || attr_has(b, el, "role", "doc-footnote") ||
        attr_has(b, el, "epub:type", "footnote") || attr_has(b, el, "epub:type", "endnote") ||
        attr_has(b, el, "epub:type", "rearnote"))
        return 1;
    const char *name = sc_html_name(el);
    if (!name || strcmp(name, "li") != 0)
        return 0;
    for (const xmlNode *p = el->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (hb_is_notes_section(b, p))
            return 1;
    return 0;
}

void sc_html_builder_scan(sc_html_builder *b, xmlDocPtr xml, const char *path, const char *prefix)
{
    b->path = path;
    b->prefix = prefix ? prefix : "";
    b->file = path ? path : b->doc->source_name;
    const xmlNode *root = xmlDocGetRootElement(xml), *n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            const char *name = sc_html_name(n);
            if (name && strcmp(name, "a") == 0 && hb_is_noteref(b, n)) {
                const char *key = hb_href_key(b, sc_html_attr(b->doc, n, "href"));
                if (key)
                    sc_strmap_put(b->doc->arena, &b->note_refs, key, NULL);
            } else if (looks_like_note(b, n)) {
                const char *key = hb_key(b, sc_html_attr(b->doc, n, "id"));
                if (key)
                    sc_strmap_put(b->doc->arena, &b->note_defs, key, NULL);
            }
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n && n != root && !n->next)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
}

sc_node *hb_note_def(sc_html_builder *b, const xmlNode *el)
{
    const char *key = hb_key(b, sc_html_attr(b->doc, el, "id"));
    int is_def, is_ref;
    sc_node *made = sc_strmap_get(&b->note_defs, key, &is_def);
    sc_strmap_get(&b->note_refs, key, &is_ref);
    if (!is_def || !is_ref || made)
        return NULL;
    sc_node *def = hb_new(b, SC_NODE_FOOTNOTE_DEF, el);
    sc_strmap_put(b->doc->arena, &b->note_defs, key, def);
    return def;
}

sc_node *hb_note_ref(sc_html_builder *b, const xmlNode *el)
{
    const char *key = hb_href_key(b, sc_html_attr(b->doc, el, "href"));
    int is_def;
    sc_strmap_get(&b->note_defs, key, &is_def);
    if (!is_def)
        return NULL;
    if (b->nrefs == b->refs_cap) {
        size_t cap = b->refs_cap ? b->refs_cap * 2 : 16;
        hb_pending_ref *refs = realloc(b->refs, cap * sizeof *refs);
        if (!refs)
            return NULL;
        b->refs = refs;
        b->refs_cap = cap;
    }
    sc_node *ref = hb_new(b, SC_NODE_FOOTNOTE_REF, el);
    hb_inline_state is;
    hb_inline_init(&is);
    sc_node *holder = sc_node_new(b->doc, SC_NODE_SPAN);
    hb_inlines(b, el->children, holder, &is, 1);
    ref->text = sc_node_plain_text(b->doc, holder); /* kept until the note is found */
    b->refs[b->nrefs].ref = ref;
    b->refs[b->nrefs].key = key;
    b->nrefs++;
    return ref;
}

/* Containers the notes were moved out of are dropped when nothing visible is left in them. */
static void drop_empty_sections(sc_html_builder *b)
{
    for (size_t i = 0; i < b->nsections; i++)
        if (!hb_has_visible(b->sections[i]))
            sc_node_unlink(b->sections[i]);
}

void hb_notes_finish(sc_html_builder *b)
{
    sc_document *doc = b->doc;
    size_t count = 0;
    sc_node **order = b->nrefs ? calloc(b->nrefs, sizeof *order) : NULL;
    for (size_t i = 0; i < b->nrefs; i++) {
        sc_node *ref = b->refs[i].ref;
        int found;
        sc_node *def = sc_strmap_get(&b->note_defs, b->refs[i].key, &found);
        if (!def) { /* the note was never read (dropped content): the marker stays as text */
            const char *text = ref->text && *ref->text ? ref->text : "*";
            ref->type = SC_NODE_SUP;
            ref->text = NULL;
            sc_node *t = sc_node_new(doc, SC_NODE_TEXT);
            sc_node_set_text(doc, t, text, strlen(text));
            sc_node_append(ref, t);
            continue;
        }
        if (!def->number && order) {
            order[count++] = def;
            def->number = (int)count;
        }
        ref->target = def;
        ref->number = def->number;
        ref->text = NULL;
        if (!ref->id)
            ref->id = sc_arena_printf(doc->arena, "fnref-%d-%zu", def->number, i + 1);
    }
    for (size_t i = 0; i < count; i++) {
        sc_node_unlink(order[i]);
        sc_node_append(doc->root, order[i]);
    }
    /* notes nothing refers to (their reference was in dropped content) stay where they were */
    for (size_t i = 0; i < b->note_defs.cap; i++) {
        sc_node *def = b->note_defs.values[i];
        if (def && !def->number)
            def->type = SC_NODE_DIV;
    }
    free(order);
    drop_empty_sections(b);
}
