/* page_rules.c — what a block's style asks of the page builder, marked on the block's flow
 * elements once the block is laid out: forced breaks to a left or right page (a chapter start),
 * page-break-inside: avoid (and short list items and block quotes, which are never split), the
 * named strings (string-set) running heads show, and a heading's generated number for the
 * contents. */
#include <string.h>

#include "blocks.h"
#include "counters.h"

/* List items and block quotes of at most this many lines stay on one page. */
#define SHORT_BLOCK_LINES 3

static const char *string_value(sc_block_ctx *c, const sc_node *n, const sc_content_part *parts)
{
    char buf[1024];
    size_t len = 0;
    for (const sc_content_part *p = parts; p; p = p->next) {
        const char *s = NULL;
        switch (p->kind) {
        case SC_CONTENT_STRING: s = p->text; break;
        case SC_CONTENT_ELEMENT_TEXT: s = sc_inlines_plain(c, n); break;
        case SC_CONTENT_ATTR: s = p->name ? sc_node_attr(n, p->name) : NULL; break;
        default: break; /* counters are written out by counters.c; page numbers are boxes' */
        }
        size_t sl = s ? strlen(s) : 0, room = sizeof buf - 1 - len;
        if (sl > room) { /* cut at a character boundary */
            sl = room;
            while (sl > 0 && ((unsigned char)s[sl] & 0xC0) == 0x80)
                sl--;
        }
        memcpy(buf + len, s ? s : "", sl);
        len += sl;
    }
    return sc_arena_strndup(c->arena, buf, len);
}

static int line_count(const sc_flow *flow, size_t first)
{
    int n = 0;
    for (size_t k = first; k < flow->count; k++)
        n += flow->elems[k].kind == SC_FLOW_LINE ? 1 : SHORT_BLOCK_LINES + 1;
    return n;
}

void sc_block_page_rules(sc_block_ctx *c, const sc_node *n, const sc_style *st, size_t first)
{
    sc_flow *flow = c->flow;
    if (flow->count <= first)
        return;
    sc_flow_elem *e0 = &flow->elems[first];
    if (st->page_break_before >= 1) {
        e0->chapter = 1;
        if (first > 0)
            e0->break_before = 1;
        /* 2 = left (verso), 3 = right (recto); 1 is any page. */
        if (st->page_break_before == 2 || st->page_break_before == 3)
            e0->break_side = st->page_break_before;
    }
    if (st->page_break_after >= 1) {
        sc_flow_elem *last = &flow->elems[flow->count - 1];
        last->break_after = 1;
        if (st->page_break_after == 2 || st->page_break_after == 3)
            last->break_after_side = st->page_break_after;
    }
    int keep = st->page_break_inside == -1;
    if ((n->type == SC_NODE_ITEM || n->type == SC_NODE_BLOCKQUOTE) &&
        line_count(flow, first) <= SHORT_BLOCK_LINES)
        keep = 1;
    if (keep && flow->count - first > 1) {
        int group = ++flow->keep_serial;
        for (size_t k = first; k < flow->count; k++)
            flow->elems[k].keep_group = group;
    }
    /* A heading numbered by its ::before (report.css's "1.2 ") keeps its number in the contents
     * (the outline keeps the plain title). */
    const char *number = n->type == SC_NODE_HEADING ? sc_counters_before(c->counters, n) : NULL;
    if (number && *number && e0->outline_title)
        e0->toc_number = number;
    /* An outer block starts before the blocks inside it: its strings come first. */
    sc_flow_string *head = NULL, *last = NULL;
    for (const sc_string_set *ss = sc_counters_string_set(c->counters, n, st->string_set); ss;
         ss = ss->next) {
        if (!ss->name)
            continue;
        sc_flow_string *fs = sc_arena_alloc(c->arena, sizeof *fs);
        fs->name = ss->name;
        fs->value = string_value(c, n, ss->content);
        if (last)
            last->next = fs;
        else
            head = fs;
        last = fs;
    }
    if (last) {
        last->next = e0->strings;
        e0->strings = head;
    }
}
