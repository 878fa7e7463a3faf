/* lists.c — ordered and unordered lists: each item's marker hangs in the list's indent, to the
 * left of the item's first line, set in the item's font. */
#include "blocks.h"

#include <stdio.h>
#include <string.h>

#include "counters.h"

/* Unordered markers by nesting depth, as HTML's ul, ul ul, ul ul ul. */
static const sc_list_style bullets[] = {SC_LIST_DISC, SC_LIST_CIRCLE, SC_LIST_SQUARE};

static int unordered_depth(const sc_node *list)
{
    int depth = 0;
    for (const sc_node *n = list->parent; n; n = n->parent)
        if (n->type == SC_NODE_LIST && !n->list_ordered)
            depth++;
    return depth;
}

void sc_list_flow(sc_block_ctx *c, const sc_node *list, float x, float w)
{
    const sc_style *lst = sc_block_style(c, list);
    /* Without an indent from the stylesheet the markers would hang outside the text area. */
    if (lst->margin[SC_EDGE_LEFT] + lst->padding[SC_EDGE_LEFT] <= 0) {
        float indent = 2 * lst->font_size;
        if (indent < w / 2) {
            x += indent;
            w -= indent;
        }
    }
    int number = list->list_start;
    sc_list_style bullet = bullets[unordered_depth(list) % 3];
    for (const sc_node *item = list->first_child; item; item = item->next) {
        if (item->type != SC_NODE_ITEM) {
            sc_block_flow(c, item, x, w);
            continue;
        }
        const sc_style *st = sc_block_style(c, item);
        if (st->display_none)
            continue;
        /* list-style-type; its initial value (disc) means what HTML gives the element: numbers
         * for an ordered list, the bullet of the nesting depth for an unordered one. */
        sc_list_style type = st->list_style_type;
        if (type == SC_LIST_DISC)
            type = list->list_ordered ? SC_LIST_DECIMAL : bullet;
        char num[64];
        sc_counter_format(number++, type, num, sizeof num);
        if (type != SC_LIST_DISC && type != SC_LIST_CIRCLE && type != SC_LIST_SQUARE &&
            type != SC_LIST_NONE)
            strcat(num, ".");
        const char *text = num;
        sc_style *mst = sc_block_style_copy(c, st);
        mst->text_indent = 0;
        mst->vertical_align = 0;
        mst->text_decoration = 0;
        const sc_line *marker =
            *text ? sc_inlines_single_line(c, text, mst, sc_block_lang(c, item)) : NULL;
        sc_block_flush_marker(c); /* an earlier marker nobody took */
        if (marker) {
            float content_x = x + st->margin[SC_EDGE_LEFT] + st->padding[SC_EDGE_LEFT];
            float mx = content_x - 0.5f * st->font_size - marker->width;
            c->marker = marker;
            c->marker_x = mx < c->area_x ? c->area_x : mx;
        }
        sc_block_flow(c, item, x, w);
        sc_block_flush_marker(c);
    }
}
