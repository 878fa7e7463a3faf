/* readers_testlib.h — what the readers' unit tests share: checks that say why they failed, a
 * reader call with diagnostics, and a tree dump (one line per node) to compare trees with. */
#ifndef READERS_TESTLIB_H
#define READERS_TESTLIB_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "readers/readers.h"

static int test_failures;

#define CHECK(cond, ...)                                                                \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            test_failures++;                                                            \
            fprintf(stderr, "%s:%d: FAILED %s: ", __FILE__, __LINE__, #cond);           \
            fprintf(stderr, __VA_ARGS__);                                               \
            fputc('\n', stderr);                                                        \
        }                                                                               \
    } while (0)

#define CHECK_STR(got, want)                                                            \
    do {                                                                                \
        const char *got_ = (got), *want_ = (want);                                      \
        if (!got_ || !want_ || strcmp(got_, want_) != 0) {                              \
            test_failures++;                                                            \
            fprintf(stderr, "%s:%d: FAILED %s\n--- got:\n%s\n--- want:\n%s\n", __FILE__, \
                    __LINE__, #got, got_ ? got_ : "(null)", want_ ? want_ : "(null)");   \
        }                                                                               \
    } while (0)

#define CHECK_INT(got, want)                                                            \
    do {                                                                                \
        long got_ = (long)(got), want_ = (long)(want);                                  \
        if (got_ != want_) {                                                            \
            test_failures++;                                                            \
            fprintf(stderr, "%s:%d: FAILED %s: got %ld, want %ld\n", __FILE__, __LINE__, \
                    #got, got_, want_);                                                 \
        }                                                                               \
    } while (0)

typedef struct read_result {
    sc_document *doc;
    sc_diag_list diags;
    int rc;
} read_result;

static inline read_result read_doc(const char *name, const char *data, size_t len, sc_input_format f)
{
    read_result r;
    r.doc = sc_document_new(name);
    sc_diag_init(&r.diags);
    r.rc = sc_read(r.doc, data, len, f, &r.diags);
    return r;
}

static inline read_result read_str(const char *data, sc_input_format f)
{
    return read_doc("test.in", data, strlen(data), f);
}

static inline void read_free(read_result *r)
{
    sc_document_free(r->doc);
    sc_diag_clear(&r->diags);
}

/* The first diagnostic of `sev`, or NULL. */
static inline const sc_diag *first_diag(const read_result *r, sc_severity sev)
{
    for (size_t i = 0; i < r->diags.count; i++)
        if (r->diags.items[i].severity == sev)
            return &r->diags.items[i];
    return NULL;
}

static inline const char *align_name(sc_cell_align a)
{
    static const char *const names[] = {"none", "left", "center", "right"};
    return names[a];
}

static inline void dump_node(sc_buf *b, const sc_node *n, int depth, int with_lines)
{
    for (int i = 0; i < depth; i++)
        sc_buf_puts(b, "  ");
    sc_buf_puts(b, sc_node_type_name(n->type));
    switch (n->type) {
    case SC_NODE_HEADING: sc_buf_printf(b, " h%d", n->level); break;
    case SC_NODE_LIST:
        sc_buf_printf(b, " %s", n->list_ordered ? "ordered" : "bullet");
        if (n->list_ordered)
            sc_buf_printf(b, " start=%d", n->list_start);
        sc_buf_puts(b, n->list_tight ? " tight" : " loose");
        break;
    case SC_NODE_TABLE_ROW: if (n->is_header) sc_buf_puts(b, " header"); break;
    case SC_NODE_TABLE_CELL: sc_buf_printf(b, " align=%s", align_name(n->align)); break;
    case SC_NODE_FOOTNOTE_DEF: sc_buf_printf(b, " n=%d", n->number); break;
    case SC_NODE_FOOTNOTE_REF:
        sc_buf_printf(b, " n=%d -> %s", n->number, n->target && n->target->id ? n->target->id : "?");
        break;
    default: break;
    }
    if (n->id)
        sc_buf_printf(b, " #%s", n->id);
    if (n->info)
        sc_buf_printf(b, " info=%s", n->info);
    if (n->url)
        sc_buf_printf(b, " <%s>", n->url);
    if (n->title)
        sc_buf_printf(b, " title=\"%s\"", n->title);
    if (with_lines && n->line)
        sc_buf_printf(b, " @%d", n->line);
    if (n->text) {
        sc_buf_puts(b, " \"");
        for (size_t i = 0; i < n->text_len; i++) {
            if (n->text[i] == '\n')
                sc_buf_puts(b, "\\n");
            else
                sc_buf_putc(b, n->text[i]);
        }
        sc_buf_putc(b, '"');
    }
    sc_buf_putc(b, '\n');
    for (const sc_node *c = n->first_child; c; c = c->next)
        dump_node(b, c, depth + 1, with_lines);
}

/* The tree under the document root (root excluded), one node a line; caller frees. */
static inline char *dump_tree(const sc_document *doc, int with_lines)
{
    sc_buf b;
    sc_buf_init(&b);
    sc_buf_puts(&b, "");
    for (const sc_node *c = doc->root->first_child; c; c = c->next)
        dump_node(&b, c, 0, with_lines);
    return b.data;
}

/* Every parent/child/sibling pointer agrees with the others. */
static inline int tree_consistent(const sc_node *n)
{
    const sc_node *prev = NULL;
    for (const sc_node *c = n->first_child; c; prev = c, c = c->next) {
        if (c->parent != n || c->prev != prev || !tree_consistent(c))
            return 0;
    }
    return n->last_child == prev;
}

static inline int test_summary(const char *name)
{
    if (test_failures) {
        fprintf(stderr, "%s: %d check(s) failed\n", name, test_failures);
        return 1;
    }
    printf("%s: all checks passed\n", name);
    return 0;
}

#endif
