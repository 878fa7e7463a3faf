/* epub_plan.c — the book plan: which top-level blocks go into which XHTML file, and the output id
 * and file of every anchor (headings, footnote definitions and references), so that links,
 * nav and NCX all point at the same valid ids. */
#include <stdio.h>
#include <string.h>

#include "epub_internal.h"

static int is_skipped_block(const sc_node *n)
{
    return n->type == SC_NODE_FOOTNOTE_DEF || n->type == SC_NODE_HTML_BLOCK;
}

/* The next node in pre-order after the whole subtree of n (within top). */
static const sc_node *next_after_subtree(const sc_node *n, const sc_node *top)
{
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

static void add_file(ep_book *b, const sc_node *first, int *cap)
{
    if (b->nfiles == *cap) {
        int ncap = *cap ? *cap * 2 : 16;
        b->files = sc_arena_realloc(b->arena, b->files, (size_t)*cap * sizeof *b->files,
                                    (size_t)ncap * sizeof *b->files);
        *cap = ncap;
    }
    ep_file *f = &b->files[b->nfiles++];
    snprintf(f->name, sizeof f->name, "ch%03d.xhtml", b->nfiles);
    f->first = first;
    f->end = NULL;
    f->heading = NULL;
}

/* Split before each top-level heading of the smallest level present when that level is 1 or 2.
 * Content before the first such heading gets its own file when it has anything to show. */
static void split(ep_book *b, int *cap)
{
    const sc_node *root = b->doc->root;
    int split_level = 7;
    for (const sc_node *c = root->first_child; c; c = c->next)
        if (c->type == SC_NODE_HEADING && ep_heading_level(c) < split_level)
            split_level = ep_heading_level(c);
    if (split_level > 2)
        split_level = 0; /* no split */

    int shown = 0; /* the open file (or the content before the first file) has visible blocks */
    for (const sc_node *c = root->first_child; c; c = c->next) {
        if (split_level && c->type == SC_NODE_HEADING && ep_heading_level(c) == split_level) {
            if (b->nfiles == 0 && shown)
                add_file(b, root->first_child, cap);
            if (b->nfiles > 0)
                b->files[b->nfiles - 1].end = c;
            add_file(b, c, cap);
        } else if (!is_skipped_block(c)) {
            shown = 1;
        }
    }
    if (b->nfiles == 0)
        add_file(b, root->first_child, cap);
    for (int i = 0; i < b->nfiles; i++) {
        ep_file *f = &b->files[i];
        for (const sc_node *c = f->first; c && c != f->end; c = c->next)
            if (c->type == SC_NODE_HEADING) {
                f->heading = c;
                break;
            }
    }
}

/* ---- ids ------------------------------------------------------------------------------------ */

/* Notes and their references get ids from their numbers; headings keep the reader's id when it
 * is a valid XML NCName, and are otherwise repaired (see make_id). */

static int is_name_start(long c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2ff) ||
           (c >= 0x370 && c <= 0x37d) || (c >= 0x37f && c <= 0x1fff) ||
           (c >= 0x200c && c <= 0x200d) || (c >= 0x2070 && c <= 0x218f) ||
           (c >= 0x2c00 && c <= 0x2fef) || (c >= 0x3001 && c <= 0xd7ff) ||
           (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd) ||
           (c >= 0x10000 && c <= 0xeffff);
}

static int is_name_char(long c)
{
    return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xb7 ||
           (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040);
}

/* Decode one UTF-8 character (the readers guarantee validity; a bad byte reads as -1). */
static size_t next_cp(const unsigned char *s, long *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
    if (!len) {
        *cp = -1;
        return 1;
    }
    long v = s[0] & (0x3f >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *cp = -1;
            return i;
        }
        v = (v << 6) | (s[i] & 0x3f);
    }
    *cp = v;
    return len;
}

/* A unique XML NCName from `wanted`: characters a name cannot hold become '-', a name that
 * cannot start as it does gets the prefix "id-", and a name already taken gets "-2", "-3"... */
static const char *make_id(ep_book *b, const char *wanted)
{
    sc_buf id;
    sc_buf_init(&id);
    const unsigned char *s = (const unsigned char *)(wanted ? wanted : "");
    int first = 1;
    while (*s) {
        long cp;
        size_t n = next_cp(s, &cp);
        if (first && !is_name_start(cp))
            sc_buf_puts(&id, "id-");
        if (is_name_char(cp))
            sc_buf_append(&id, s, n);
        else
            sc_buf_putc(&id, '-');
        first = 0;
        s += n;
    }
    if (id.len == 0)
        sc_buf_puts(&id, "section");
    size_t base = id.len;
    for (int k = 2; ep_map_get_str(b->out_ids, id.data); k++) {
        id.len = base;
        sc_buf_printf(&id, "-%d", k);
    }
    char *out = sc_arena_strndup(b->arena, id.data, id.len);
    sc_buf_free(&id);
    ep_map_put_str(b->out_ids, out, out);
    return out;
}

/* ---- anchors -------------------------------------------------------------------------------- */

static ep_anchor *add_anchor(ep_book *b, const sc_node *n, int file, int *cap)
{
    if (b->nanchors == *cap) {
        int ncap = *cap ? *cap * 2 : 64;
        b->anchors = sc_arena_realloc(b->arena, b->anchors, (size_t)*cap * sizeof *b->anchors,
                                      (size_t)ncap * sizeof *b->anchors);
        *cap = ncap;
    }
    ep_anchor *a = sc_arena_alloc(b->arena, sizeof *a);
    a->node = n;
    a->file = file;
    b->anchors[b->nanchors++] = a;
    ep_map_put_ptr(b->by_node, n, a);
    return a;
}

/* Anchors of the subtree under `top` that the XHTML will show, in document order. Footnote
 * definitions met on the way become notes of their own (notes.xhtml shows every note at top
 * level), so their content is collected when the notes file is. */
static void collect_subtree(ep_book *b, const sc_node *top, int file, int *cap, int *notes_cap)
{
    for (const sc_node *n = top; n;) {
        if (!ep_is_rendered(n)) {
            n = next_after_subtree(n, top);
            continue;
        }
        int is_this_note = file == b->notes_file && n == top;
        if (n->type == SC_NODE_FOOTNOTE_DEF && !is_this_note) {
            if (b->nnotes == *notes_cap) {
                int ncap = *notes_cap ? *notes_cap * 2 : 16;
                b->notes = sc_arena_realloc(b->arena, b->notes,
                                            (size_t)*notes_cap * sizeof *b->notes,
                                            (size_t)ncap * sizeof *b->notes);
                *notes_cap = ncap;
            }
            b->notes[b->nnotes++] = n;
            n = next_after_subtree(n, top);
            continue;
        }
        if (n->type == SC_NODE_HEADING || n->type == SC_NODE_FOOTNOTE_REF ||
            n->type == SC_NODE_FOOTNOTE_DEF)
            add_anchor(b, n, file, cap);
        n = sc_node_next_preorder(n, top);
    }
}

int ep_is_rendered(const sc_node *n)
{
    if (n->type == SC_NODE_DOCUMENT)
        return n->parent == NULL; /* a document nested in another is nothing to show */
    if (n->type == SC_NODE_HTML_BLOCK || n->type == SC_NODE_HTML_INLINE)
        return 0;
    const sc_node *p = n->parent;
    if (!p)
        return 1;
    switch (p->type) {
    case SC_NODE_TEXT:
    case SC_NODE_SOFT_BREAK:
    case SC_NODE_LINE_BREAK:
    case SC_NODE_CODE_BLOCK:
    case SC_NODE_THEMATIC_BREAK:
    case SC_NODE_FOOTNOTE_REF:
    case SC_NODE_HTML_BLOCK:
    case SC_NODE_HTML_INLINE:
        return 0; /* written from their own fields; children are never looked at */
    case SC_NODE_CODE:
        return p->text == NULL;
    case SC_NODE_TABLE:
        return n->type == SC_NODE_TABLE_ROW;
    case SC_NODE_TABLE_ROW:
        return n->type == SC_NODE_TABLE_CELL;
    default:
        return 1;
    }
}

static int note_number(const sc_node *def, int index)
{
    return def->number > 0 ? def->number : index + 1;
}

/* Notes in number order; a stable insertion sort keeps document order among equal numbers
 * (malformed input) and is linear on the usual, already ordered list. */
static void sort_notes(ep_book *b)
{
    for (int i = 1; i < b->nnotes; i++) {
        const sc_node *n = b->notes[i];
        int j = i;
        for (; j > 0 && b->notes[j - 1]->number > n->number; j--)
            b->notes[j] = b->notes[j - 1];
        b->notes[j] = n;
    }
}

static void assign_ids(ep_book *b)
{
    /* notes and their references first: their ids are fixed by the note number */
    for (int i = 0; i < b->nanchors; i++) {
        ep_anchor *a = b->anchors[i];
        const sc_node *n = a->node;
        char want[48];
        if (n->type == SC_NODE_FOOTNOTE_DEF) {
            snprintf(want, sizeof want, "fn-%d", a->number);
            a->out_id = make_id(b, want);
        } else if (n->type == SC_NODE_FOOTNOTE_REF) {
            int num = n->target && n->target->number > 0 ? n->target->number : n->number;
            snprintf(want, sizeof want, "fnref-%d", num);
            a->out_id = make_id(b, want);
        }
    }
    for (int i = 0; i < b->nanchors; i++) {
        ep_anchor *a = b->anchors[i];
        if (a->node->type == SC_NODE_HEADING) {
            char numbered[32]; /* a heading without id: numbered, so ids never pile up */
            snprintf(numbered, sizeof numbered, "section-%d", i + 1);
            a->out_id = make_id(b, a->node->id && *a->node->id ? a->node->id : numbered);
        }
    }
    for (int i = 0; i < b->nanchors; i++) {
        ep_anchor *a = b->anchors[i];
        if (a->node->id && !ep_map_get_str(b->by_source_id, a->node->id))
            ep_map_put_str(b->by_source_id, a->node->id, a);
        const sc_node *n = a->node;
        if (n->type == SC_NODE_FOOTNOTE_REF && n->target) {
            ep_anchor *def = ep_map_get_ptr(b->by_node, n->target);
            if (def && !def->backref)
                def->backref = a;
        }
    }
}

int ep_plan(ep_book *b)
{
    const sc_node *root = b->doc->root;
    int files_cap = 0, anchors_cap = 0, notes_cap = 0;
    b->by_node = ep_map_new(b->arena);
    b->by_source_id = ep_map_new(b->arena);
    b->out_ids = ep_map_new(b->arena);
    b->notes_file = -1;
    split(b, &files_cap);

    /* content files, top-level block by block */
    int toc_cap = 0;
    int f = 0;
    for (const sc_node *c = root->first_child; c; c = c->next) {
        while (f + 1 < b->nfiles && c == b->files[f + 1].first)
            f++;
        if (c->type == SC_NODE_HEADING) {
            if (b->ntoc == toc_cap) {
                int ncap = toc_cap ? toc_cap * 2 : 32;
                b->toc = sc_arena_realloc(b->arena, b->toc, (size_t)toc_cap * sizeof *b->toc,
                                          (size_t)ncap * sizeof *b->toc);
                toc_cap = ncap;
            }
            b->toc[b->ntoc++] = c;
        }
        collect_subtree(b, c, f, &anchors_cap, &notes_cap);
    }

    if (b->nnotes > 0) {
        sort_notes(b);
        add_file(b, NULL, &files_cap);
        b->notes_file = b->nfiles - 1;
        snprintf(b->files[b->notes_file].name, sizeof b->files[b->notes_file].name,
                 "notes.xhtml");
        for (int i = 0; i < b->nnotes; i++) { /* nnotes grows with notes nested in notes */
            int def = b->nanchors; /* the definition is the first anchor of its subtree */
            collect_subtree(b, b->notes[i], b->notes_file, &anchors_cap, &notes_cap);
            b->anchors[def]->number = note_number(b->notes[i], i);
        }
    }
    assign_ids(b);
    return 0;
}

int ep_heading_level(const sc_node *heading)
{
    return heading->level < 1 ? 1 : heading->level > 6 ? 6 : heading->level;
}

const ep_anchor *ep_anchor_of_node(const ep_book *b, const sc_node *n)
{
    return ep_map_get_ptr(b->by_node, n);
}

const ep_anchor *ep_anchor_of_source_id(const ep_book *b, const char *id)
{
    return ep_map_get_str(b->by_source_id, id);
}

const char *ep_href(const ep_book *b, const ep_anchor *a, int from_file)
{
    if (a->file == from_file)
        return sc_arena_printf(b->arena, "#%s", a->out_id);
    return sc_arena_printf(b->arena, "%s#%s", b->files[a->file].name, a->out_id);
}

const char *ep_plain_text(const ep_book *b, const sc_node *top)
{
    sc_buf t;
    sc_buf_init(&t);
    int space = 0;
    for (const sc_node *n = top->first_child; n;) {
        if (n->type == SC_NODE_FOOTNOTE_REF || n->type == SC_NODE_HTML_INLINE ||
            n->type == SC_NODE_FOOTNOTE_DEF) {
            n = next_after_subtree(n, top);
            continue;
        }
        const char *s = NULL;
        size_t len = 0;
        if (n->type == SC_NODE_TEXT || n->type == SC_NODE_CODE)
            s = n->text, len = n->text_len;
        else if (n->type == SC_NODE_SOFT_BREAK || n->type == SC_NODE_LINE_BREAK)
            s = " ", len = 1;
        for (size_t i = 0; s && i < len; i++) {
            char c = s[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                space = t.len > 0;
            } else {
                if (space)
                    sc_buf_putc(&t, ' ');
                space = 0;
                sc_buf_putc(&t, c);
            }
        }
        n = sc_node_next_preorder(n, top);
    }
    const char *out = sc_arena_strndup(b->arena, t.data ? t.data : "", t.len);
    sc_buf_free(&t);
    return out;
}
