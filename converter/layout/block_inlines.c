/* block_inlines.c — a block's inline nodes into a paragraph for the shaper: text in the style of
 * its element, links, footnote references as linked superscript numbers, hard breaks. */
#include "blocks.h"

#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "counters.h"

/* A footnote reference's number is a superscript even when no stylesheet says so (the shaper
 * makes superscripts smaller and raises them). */
static const sc_style *superscript(sc_block_ctx *c, const sc_style *st)
{
    if (st->vertical_align == 1)
        return st;
    sc_style *sup = sc_block_style_copy(c, st);
    sup->vertical_align = 1;
    return sup;
}

static void add_number(sc_para *p, int number, const char *suffix,
                       const sc_style *st, const char *lang, const char *dest, int line)
{
    char num[32];
    int len = snprintf(num, sizeof num, "%d%s", number, suffix);
    sc_para_add_text(p, num, (size_t)len, st, lang, NULL, dest, line);
}

/* The note number that starts a footnote's text, linked back to its reference. */
static void note_prefix(sc_block_ctx *c, sc_para *p, const sc_style *st, const char *lang)
{
    const sc_node *def = c->note_prefix;
    c->note_prefix = NULL;
    const sc_node *ref = NULL;
    for (size_t i = 0; i < c->nnotes; i++)
        if (c->notes[i] == def)
            ref = c->note_refs[i];
    if (def->id)
        sc_para_add_anchor(p, def->id);
    add_number(p, def->number, ".", st, lang, ref ? ref->id : NULL, def->line);
    sc_para_add_text(p, " ", 1, st, lang, NULL, NULL, def->line);
}

/* An element's ::before / ::after text, in the pseudo-element's style (else `st`). */
static void add_generated(sc_block_ctx *c, sc_para *p, const sc_node *n, int after,
                          const sc_style *st, const char *lang, const char *uri, const char *dest)
{
    const char *text = after ? sc_counters_after(c->counters, n) : sc_counters_before(c->counters, n);
    if (!text || !*text)
        return;
    const sc_style *own = n->style;
    const sc_style *gst = own ? (after ? own->after_style : own->before_style) : NULL;
    sc_para_add_text(p, text, strlen(text), gst ? gst : st, lang, uri, dest, n->line);
}

/* Inline nesting deeper than this (hostile input) is added as plain text, keeping recursion
 * shallow. */
#define MAX_INLINE_NESTING 100

static void add_inlines(sc_block_ctx *c, sc_para *p, const sc_node *first, const sc_node *stop,
                        const sc_style *st, const char *lang, const char *uri, const char *dest,
                        int depth)
{
    for (const sc_node *n = first; n && n != stop; n = n->next) {
        if (depth >= MAX_INLINE_NESTING) {
            const char *text = sc_inlines_plain(c, n);
            if (*text)
                sc_para_add_text(p, text, strlen(text), st, lang, uri, dest, n->line);
            continue;
        }
        const sc_style *own = n->style ? n->style : st;
        if (own->display_none)
            continue;
        const char *nlang = n->lang && *n->lang ? n->lang : lang;
        int element = n->type != SC_NODE_TEXT && n->type != SC_NODE_SOFT_BREAK &&
                      n->type != SC_NODE_LINE_BREAK && n->type != SC_NODE_FOOTNOTE_REF;
        if (element)
            add_generated(c, p, n, 0, own, nlang, uri, dest);
        switch (n->type) {
        case SC_NODE_TEXT:
            /* Text shares its element's style: take the one handed down, which may be adjusted
             * (a bold table header). */
            if (n->text_len)
                sc_para_add_text(p, n->text, n->text_len, st, nlang, uri, dest, n->line);
            break;
        case SC_NODE_CODE:
            if (n->text_len)
                sc_para_add_text(p, n->text, n->text_len, own, nlang, uri, dest, n->line);
            break;
        case SC_NODE_SOFT_BREAK:
            sc_para_add_text(p, " ", 1, st, nlang, uri, dest, n->line);
            break;
        case SC_NODE_LINE_BREAK:
            sc_para_add_line_break(p);
            break;
        case SC_NODE_EMPH:
        case SC_NODE_STRONG:
        case SC_NODE_STRIKE:
        case SC_NODE_SUB:
        case SC_NODE_SUP:
        case SC_NODE_IMAGE: /* its alt text, until images are drawn */
        case SC_NODE_SPAN:
            add_inlines(c, p, n->first_child, NULL, own, nlang, uri, dest, depth + 1);
            break;
        case SC_NODE_LINK:
            if (n->url && n->url[0] == '#')
                add_inlines(c, p, n->first_child, NULL, own, nlang, NULL, n->url + 1, depth + 1);
            else if (n->url && *n->url)
                add_inlines(c, p, n->first_child, NULL, own, nlang, n->url, NULL, depth + 1);
            else
                add_inlines(c, p, n->first_child, NULL, own, nlang, uri, dest, depth + 1);
            break;
        case SC_NODE_FOOTNOTE_REF:
            if (n->id)
                sc_para_add_anchor(p, n->id);
            add_number(p, n->number, "", superscript(c, own), nlang,
                       n->target ? n->target->id : NULL, n->line);
            break;
        default: /* raw HTML is skipped; blocks never sit inside inlines */
            break;
        }
        if (element)
            add_generated(c, p, n, 1, own, nlang, uri, dest);
    }
}

void sc_inlines_add(sc_block_ctx *c, sc_para *p, const sc_node *first, const sc_node *stop,
                    const sc_style *st, const char *lang)
{
    if (c->note_prefix)
        note_prefix(c, p, st, lang);
    /* The owner's ::before starts its first run of inline content, its ::after ends the last. A
     * tight list item's paragraph stands for the item's own text (HTML has no <p> there), so
     * the item's ::before / ::after join it too. */
    const sc_node *owner = first ? first->parent : NULL;
    const sc_node *item = owner ? sc_block_tight_item(owner) : NULL;
    if (owner && first == owner->first_child) {
        if (item && item->first_child == owner)
            add_generated(c, p, item, 0, st, lang, NULL, NULL);
        add_generated(c, p, owner, 0, st, lang, NULL, NULL);
    }
    add_inlines(c, p, first, stop, st, lang, NULL, NULL, 0);
    if (owner && !stop) {
        add_generated(c, p, owner, 1, st, lang, NULL, NULL);
        if (item && item->last_child == owner)
            add_generated(c, p, item, 1, st, lang, NULL, NULL);
    }
}

const char *sc_inlines_plain(sc_block_ctx *c, const sc_node *top)
{
    sc_buf b;
    sc_buf_init(&b);
    int space = 0;
    for (const sc_node *n = top; n; n = sc_node_next_preorder(n, top)) {
        const char *s = NULL;
        size_t len = 0;
        if (n->type == SC_NODE_TEXT || n->type == SC_NODE_CODE) {
            s = n->text;
            len = n->text ? n->text_len : 0;
        } else if (n->type == SC_NODE_SOFT_BREAK || n->type == SC_NODE_LINE_BREAK) {
            s = " ";
            len = 1;
        }
        for (size_t i = 0; i < len; i++) {
            char ch = s[i];
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                space = b.len > 0;
                continue;
            }
            if (space)
                sc_buf_putc(&b, ' ');
            space = 0;
            sc_buf_putc(&b, ch);
        }
    }
    const char *out = sc_arena_strndup(c->arena, b.data ? b.data : "", b.len);
    sc_buf_free(&b);
    return out;
}

const sc_line *sc_inlines_single_line(sc_block_ctx *c, const char *text, const sc_style *st,
                                      const char *lang)
{
    sc_para *p = sc_para_begin(c->shaper);
    sc_para_add_text(p, text, strlen(text), st, lang, NULL, NULL, 0);
    sc_break_params bp = {.width = 1e5f, .first_indent = 0, .align = SC_ALIGN_LEFT};
    sc_line *lines = NULL;
    size_t n = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    return n ? &lines[0] : NULL;
}
