/* readers_plain.c — test tool: read a file with the readers and print its text as pandoc's plain
 * writer would list it (list markers, footnote markers "[N]", notes at the end), so that a script
 * can compare the words with `pandoc -t plain`. Usage: readers_plain FILE */
#include "readers_testlib.h"

static void print_inline(const sc_node *n)
{
    for (const sc_node *c = n->first_child; c; c = c->next) {
        switch (c->type) {
        case SC_NODE_TEXT:
        case SC_NODE_CODE: fwrite(c->text, 1, c->text_len, stdout); break;
        case SC_NODE_SOFT_BREAK:
        case SC_NODE_LINE_BREAK: putchar(' '); break;
        case SC_NODE_FOOTNOTE_REF: printf("[%d]", c->number); break;
        case SC_NODE_HTML_INLINE: break;
        default: print_inline(c); break;
        }
    }
}

static void print_block(const sc_node *n)
{
    switch (n->type) {
    case SC_NODE_PARAGRAPH:
    case SC_NODE_HEADING:
    case SC_NODE_TABLE_CELL:
        print_inline(n);
        putchar('\n');
        return;
    case SC_NODE_CODE_BLOCK:
        fwrite(n->text, 1, n->text_len, stdout);
        return;
    case SC_NODE_ITEM:
        if (n->parent->list_ordered) {
            int k = n->parent->list_start;
            for (const sc_node *p = n->prev; p; p = p->prev)
                k++;
            printf("%d. ", k);
        } else {
            printf("- ");
        }
        break;
    case SC_NODE_FOOTNOTE_DEF:
        printf("[%d] ", n->number);
        break;
    case SC_NODE_HTML_BLOCK:
        return;
    default:
        break;
    }
    for (const sc_node *c = n->first_child; c; c = c->next)
        print_block(c);
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    sc_buf b;
    sc_buf_init(&b);
    if (sc_buf_read_file(&b, argv[1], (size_t)1 << 30) != 0) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    read_result r = read_doc(argv[1], b.data ? b.data : "", b.len,
                             sc_input_format_from_name(argv[1]));
    sc_buf_free(&b);
    if (r.rc != 0) {
        fprintf(stderr, "%s: read failed\n", argv[1]);
        read_free(&r);
        return 1;
    }
    print_block(r.doc->root);
    read_free(&r);
    return 0;
}
