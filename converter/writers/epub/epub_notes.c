/* epub_notes.c — notes.xhtml: every footnote definition as an EPUB 3 footnote
 * (<aside epub:type="footnote">), in number order, each starting with its number linked back to
 * the first reference. */
#include <stdio.h>
#include <string.h>

#include "epub_internal.h"

/* "N" linked back to the reference (plain when the note has none), then ". ". */
static void back_link(const ep_book *b, ep_xml *x, const ep_anchor *note, const char *num)
{
    if (note && note->backref) {
        ep_start(x, "a");
        ep_attr(x, "class", "footnote-back");
        ep_attr(x, "href", ep_href(b, note->backref, b->notes_file));
        ep_text(x, num, strlen(num));
        ep_end(x);
    } else {
        ep_text(x, num, strlen(num));
    }
    ep_text(x, ". ", 2);
}

static void note(const ep_book *b, ep_xml *x, const sc_node *def, int index)
{
    const ep_anchor *a = ep_anchor_of_node(b, def);
    char num[16];
    snprintf(num, sizeof num, "%d", a ? a->number : def->number > 0 ? def->number : index + 1);
    ep_start(x, "aside");
    ep_attr(x, "epub:type", "footnote");
    if (a)
        ep_attr(x, "id", a->out_id);
    if (def->class_name && *def->class_name)
        ep_attr(x, "class", def->class_name);
    ep_lang_attrs(x, def->lang);
    ep_newline(x);
    const sc_node *first = def->first_child;
    if (first && first->type == SC_NODE_PARAGRAPH) {
        /* the number goes inside the first paragraph, as the reader sees it in print */
        ep_start(x, "p");
        if (first->class_name && *first->class_name)
            ep_attr(x, "class", first->class_name);
        ep_lang_attrs(x, first->lang);
        back_link(b, x, a, num);
        ep_write_inlines(b, x, b->notes_file, first);
        ep_end(x);
        ep_newline(x);
        first = first->next;
    } else {
        ep_start(x, "p");
        back_link(b, x, a, num);
        ep_end(x);
        ep_newline(x);
    }
    for (const sc_node *c = first; c; c = c->next)
        ep_write_block(b, x, b->notes_file, c);
    ep_end(x);
    ep_newline(x);
}

int ep_write_notes(const ep_book *b, sc_buf *out)
{
    ep_xml x;
    if (ep_xml_begin(&x, out) < 0)
        return -1;
    ep_xhtml_open(b, &x, ep_label(b, EP_LABEL_NOTES));
    ep_start(&x, "section");
    ep_attr(&x, "epub:type", "footnotes");
    ep_newline(&x);
    for (int i = 0; i < b->nnotes; i++)
        note(b, &x, b->notes[i], i);
    ep_end(&x);
    ep_newline(&x);
    ep_xhtml_close(&x);
    return ep_xml_end(&x);
}
