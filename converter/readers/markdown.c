/* markdown.c — Markdown through libcmark-gfm (CommonMark + tables, strikethrough, autolinks,
 * footnotes), after a leading YAML metadata block has been read and cut off. The cmark tree is
 * copied into our document tree; heading ids, footnote numbers and anchors are added here. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "../base/buf.h"
#include "internal.h"

/* libcmark-gfm 0.29.0.gfm.6 keeps process-wide state: the extension registry (filled by
 * cmark_gfm_core_extensions_ensure_registered behind a plain, unsynchronised flag) and the inline
 * parser's SPECIAL_CHARS/SKIP_CHARS tables, which every parse with extensions writes on entry and
 * clears on exit. Documents are read in parallel threads, so registration runs once and parses are
 * serialised; the copy into our tree runs unlocked. */
static pthread_once_t sc_cmark_registered = PTHREAD_ONCE_INIT;
static pthread_mutex_t sc_cmark_lock = PTHREAD_MUTEX_INITIALIZER;

static void register_extensions(void)
{
    cmark_gfm_core_extensions_ensure_registered();
}

typedef struct md_reader {
    sc_document *doc;
    int line_offset;     /* lines of the YAML block cut off before cmark saw the text */
    sc_node **defs;      /* FOOTNOTE_DEFs in cmark's order (= note number order), heap-owned */
    size_t ndefs, defs_cap;
} md_reader;

static cmark_node *parse(const char *text, size_t len)
{
    static const char *const extensions[] = {"table", "strikethrough", "autolink"};
    pthread_once(&sc_cmark_registered, register_extensions);
    pthread_mutex_lock(&sc_cmark_lock);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    cmark_node *root = NULL;
    if (parser) {
        for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
            cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
            if (ext)
                cmark_parser_attach_syntax_extension(parser, ext);
        }
        cmark_parser_feed(parser, text, len);
        root = cmark_parser_finish(parser);
        cmark_parser_free(parser);
    }
    pthread_mutex_unlock(&sc_cmark_lock);
    return root;
}

static const char *arena_str(sc_document *doc, const char *s)
{
    return s && *s ? sc_arena_strdup(doc->arena, s) : NULL;
}

static sc_cell_align cell_align(cmark_node *cell)
{
    cmark_node *row = cmark_node_parent(cell);
    cmark_node *table = row ? cmark_node_parent(row) : NULL;
    if (!table)
        return SC_CELL_ALIGN_NONE;
    size_t index = 0;
    for (cmark_node *c = cmark_node_previous(cell); c; c = cmark_node_previous(c))
        index++;
    if (index >= cmark_gfm_extensions_get_table_columns(table))
        return SC_CELL_ALIGN_NONE;
    const uint8_t *aligns = cmark_gfm_extensions_get_table_alignments(table);
    switch (aligns ? aligns[index] : 0) {
    case 'l': return SC_CELL_ALIGN_LEFT;
    case 'c': return SC_CELL_ALIGN_CENTER;
    case 'r': return SC_CELL_ALIGN_RIGHT;
    default: return SC_CELL_ALIGN_NONE;
    }
}

/* Nodes the core enum does not name come from extensions; they are known by their type string. */
static sc_node *extension_node(sc_document *doc, cmark_node *n)
{
    const char *type = cmark_node_get_type_string(n);
    if (strcmp(type, "table") == 0)
        return sc_node_new(doc, SC_NODE_TABLE);
    if (strcmp(type, "table_header") == 0 || strcmp(type, "table_row") == 0) {
        sc_node *row = sc_node_new(doc, SC_NODE_TABLE_ROW);
        row->is_header = cmark_gfm_extensions_get_table_row_is_header(n) != 0;
        return row;
    }
    if (strcmp(type, "table_cell") == 0) {
        sc_node *cell = sc_node_new(doc, SC_NODE_TABLE_CELL);
        cell->align = cell_align(n);
        return cell;
    }
    if (strcmp(type, "strikethrough") == 0)
        return sc_node_new(doc, SC_NODE_STRIKE);
    return NULL; /* unknown extension node: its children join the parent */
}

static void add_def(md_reader *r, sc_node *def)
{
    if (r->ndefs == r->defs_cap) {
        size_t cap = r->defs_cap ? r->defs_cap * 2 : 16;
        sc_node **defs = realloc(r->defs, cap * sizeof *defs);
        if (!defs)
            return;
        r->defs = defs;
        r->defs_cap = cap;
    }
    r->defs[r->ndefs++] = def;
    def->number = (int)r->ndefs;
    def->id = sc_arena_printf(r->doc->arena, "fn-%zu", r->ndefs);
}

/* Our node for cmark's `n` (NULL: skip it and keep its children). */
static sc_node *convert_node(md_reader *r, cmark_node *n)
{
    sc_document *doc = r->doc;
    sc_node *s = NULL;
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH: s = sc_node_new(doc, SC_NODE_PARAGRAPH); break;
    case CMARK_NODE_HEADING:
        s = sc_node_new(doc, SC_NODE_HEADING);
        s->level = cmark_node_get_heading_level(n);
        break;
    case CMARK_NODE_LIST:
        s = sc_node_new(doc, SC_NODE_LIST);
        s->list_ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        s->list_start = s->list_ordered ? cmark_node_get_list_start(n) : 0;
        s->list_tight = cmark_node_get_list_tight(n);
        break;
    case CMARK_NODE_ITEM: s = sc_node_new(doc, SC_NODE_ITEM); break;
    case CMARK_NODE_BLOCK_QUOTE: s = sc_node_new(doc, SC_NODE_BLOCKQUOTE); break;
    case CMARK_NODE_CODE_BLOCK: {
        s = sc_node_new(doc, SC_NODE_CODE_BLOCK);
        const char *lit = cmark_node_get_literal(n);
        sc_node_set_text(doc, s, lit ? lit : "", lit ? strlen(lit) : 0);
        s->info = arena_str(doc, cmark_node_get_fence_info(n));
        break;
    }
    case CMARK_NODE_THEMATIC_BREAK: s = sc_node_new(doc, SC_NODE_THEMATIC_BREAK); break;
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: {
        cmark_node_type t = cmark_node_get_type(n);
        s = sc_node_new(doc, t == CMARK_NODE_HTML_BLOCK    ? SC_NODE_HTML_BLOCK
                             : t == CMARK_NODE_HTML_INLINE ? SC_NODE_HTML_INLINE
                             : t == CMARK_NODE_TEXT        ? SC_NODE_TEXT
                                                           : SC_NODE_CODE);
        const char *lit = cmark_node_get_literal(n);
        sc_node_set_text(doc, s, lit ? lit : "", lit ? strlen(lit) : 0);
        break;
    }
    case CMARK_NODE_SOFTBREAK: s = sc_node_new(doc, SC_NODE_SOFT_BREAK); break;
    case CMARK_NODE_LINEBREAK: s = sc_node_new(doc, SC_NODE_LINE_BREAK); break;
    case CMARK_NODE_EMPH: s = sc_node_new(doc, SC_NODE_EMPH); break;
    case CMARK_NODE_STRONG: s = sc_node_new(doc, SC_NODE_STRONG); break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
        s = sc_node_new(doc, cmark_node_get_type(n) == CMARK_NODE_LINK ? SC_NODE_LINK
                                                                       : SC_NODE_IMAGE);
        const char *url = cmark_node_get_url(n);
        s->url = sc_arena_strdup(doc->arena, url ? url : "");
        s->title = arena_str(doc, cmark_node_get_title(n));
        break;
    }
    case CMARK_NODE_FOOTNOTE_DEFINITION:
        s = sc_node_new(doc, SC_NODE_FOOTNOTE_DEF);
        add_def(r, s);
        break;
    case CMARK_NODE_FOOTNOTE_REFERENCE: {
        /* cmark numbers references in order of first use and gives the number as literal */
        s = sc_node_new(doc, SC_NODE_FOOTNOTE_REF);
        const char *lit = cmark_node_get_literal(n);
        s->number = lit ? atoi(lit) : 0;
        break;
    }
    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_NONE:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_CUSTOM_INLINE:
        break;
    default:
        s = extension_node(doc, n);
        break;
    }
    if (s) {
        s->line = cmark_node_get_start_line(n) + (cmark_node_get_start_line(n) ? r->line_offset : 0);
        s->column = cmark_node_get_start_column(n);
    }
    return s;
}

/* The nearest cmark ancestor that became one of our nodes (the document root at the top). */
static sc_node *sc_parent_of(sc_document *doc, cmark_node *n)
{
    for (cmark_node *p = cmark_node_parent(n); p; p = cmark_node_parent(p)) {
        sc_node *s = cmark_node_get_user_data(p);
        if (s)
            return s;
    }
    return doc->root;
}

/* Containers nested deeper than this are flattened (their content is kept): later stages walk
 * the tree recursively, and no real document nests block quotes or emphasis 64 levels deep. */
enum { SC_MAX_NESTING = 64 };

static int nesting_container(sc_node_type t)
{
    switch (t) {
    case SC_NODE_BLOCKQUOTE: case SC_NODE_LIST: case SC_NODE_ITEM: case SC_NODE_EMPH:
    case SC_NODE_STRONG: case SC_NODE_STRIKE: case SC_NODE_LINK:
        return 1;
    default:
        return 0;
    }
}

static int depth_reaches(const sc_node *n, int limit)
{
    int depth = 0;
    for (; n && depth < limit; n = n->parent)
        depth++;
    return depth >= limit;
}

static void copy_tree(md_reader *r, cmark_node *root, sc_diag_list *diags)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    int warned = 0;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *n = cmark_iter_get_node(it);
        sc_node *s = convert_node(r, n);
        if (!s)
            continue;
        sc_node *parent = sc_parent_of(r->doc, n);
        if (nesting_container(s->type) && depth_reaches(parent, SC_MAX_NESTING)) {
            if (!warned++)
                sc_diag_add(diags, SC_WARNING, r->doc->source_name, s->line, s->column, -1,
                            "nesting deeper than %d levels flattened", SC_MAX_NESTING);
            continue;
        }
        cmark_node_set_user_data(n, s);
        sc_node_append(parent, s);
    }
    cmark_iter_free(it);
}

/* cmark splits text at every character that might start markup; join runs of TEXT siblings
 * once, in linear time. */
static void merge_text_runs(sc_document *doc)
{
    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
        if (n->type != SC_NODE_TEXT || !n->next || n->next->type != SC_NODE_TEXT)
            continue;
        size_t total = 0;
        for (sc_node *t = n; t && t->type == SC_NODE_TEXT; t = t->next)
            total += t->text_len;
        char *joined = sc_arena_alloc(doc->arena, total + 1);
        size_t at = 0;
        for (sc_node *t = n; t && t->type == SC_NODE_TEXT;) {
            memcpy(joined + at, t->text, t->text_len);
            at += t->text_len;
            sc_node *next = t->next;
            if (t != n)
                sc_node_unlink(t);
            t = next;
        }
        joined[total] = '\0';
        n->text = joined;
        n->text_len = total;
    }
}

/* Link references to their notes, give each reference its anchor (a second reference to a note
 * gets "fnref-N-2") and put the notes at the end of the document in number order. */
static void link_footnotes(md_reader *r)
{
    sc_document *doc = r->doc;
    int *uses = r->ndefs ? calloc(r->ndefs, sizeof *uses) : NULL;
    for (sc_node *n = doc->root, *next; n; n = next) {
        next = sc_node_next_preorder(n, doc->root);
        if (n->type != SC_NODE_FOOTNOTE_REF)
            continue;
        if (n->number < 1 || (size_t)n->number > r->ndefs || !uses) {
            /* no such note: keep the reference visible as text */
            n->type = SC_NODE_TEXT;
            n->text = sc_arena_printf(doc->arena, "[%d]", n->number);
            n->text_len = strlen(n->text);
            continue;
        }
        int k = ++uses[n->number - 1];
        n->target = r->defs[n->number - 1];
        n->id = k == 1 ? sc_arena_printf(doc->arena, "fnref-%d", n->number)
                       : sc_arena_printf(doc->arena, "fnref-%d-%d", n->number, k);
    }
    free(uses);
    for (size_t i = 0; i < r->ndefs; i++) {
        sc_node_unlink(r->defs[i]);
        sc_node_append(doc->root, r->defs[i]);
    }
}

/* Heading ids as GitHub makes them, unique in the document and apart from footnote anchors. */
static void assign_heading_ids(sc_document *doc)
{
    sc_slugger slugs;
    sc_slugger_init(&slugs, doc->arena);
    /* footnote anchors are fixed ("fn-1", "fnref-1"); a heading "Fn 1" must not take them */
    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        if ((n->type == SC_NODE_FOOTNOTE_DEF || n->type == SC_NODE_FOOTNOTE_REF) && n->id)
            sc_slugger_reserve(&slugs, n->id);
    for (sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
        if (n->type != SC_NODE_HEADING)
            continue;
        const char *text = sc_node_plain_text(doc, n);
        n->id = sc_slugger_slug(&slugs, text, strlen(text));
    }
}

const char *sc_markdown_plain_inline(sc_document *doc, const char *value)
{
    cmark_node *root = parse(value, strlen(value));
    if (!root)
        return value;
    cmark_node *para = cmark_node_first_child(root);
    const char *result = value;
    if (para && !cmark_node_next(para) && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH) {
        sc_buf b;
        sc_buf_init(&b);
        cmark_iter *it = cmark_iter_new(para);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node *n = cmark_iter_get_node(it);
            cmark_node_type t = cmark_node_get_type(n);
            if (ev != CMARK_EVENT_ENTER)
                continue;
            if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
                sc_buf_puts(&b, cmark_node_get_literal(n));
            else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
                sc_buf_putc(&b, ' ');
        }
        cmark_iter_free(it);
        if (b.len)
            result = sc_arena_strndup(doc->arena, b.data, b.len);
        sc_buf_free(&b);
    }
    cmark_node_free(root);
    return result;
}

int sc_read_markdown(sc_document *doc, const sc_input *in, sc_diag_list *diags)
{
    md_reader r = {.doc = doc};
    size_t skip = sc_read_yaml_front_matter(doc, in->data, in->len, &r.line_offset, diags);
    if (sc_is_blank(in->data + skip, in->len - skip)) {
        sc_diag_error(diags, doc->source_name, "empty document (nothing after the metadata block)");
        return -1;
    }
    cmark_node *root = parse(in->data + skip, in->len - skip);
    if (!root) {
        sc_diag_error(diags, doc->source_name, "out of memory parsing Markdown");
        return -1;
    }
    copy_tree(&r, root, diags);
    cmark_node_free(root);
    merge_text_runs(doc);
    link_footnotes(&r);
    free(r.defs);
    assign_heading_ids(doc);
    if (!doc->root->first_child) {
        sc_diag_error(diags, doc->source_name, "empty document (no content)");
        return -1;
    }
    return 0;
}
