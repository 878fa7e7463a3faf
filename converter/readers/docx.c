/* docx.c — the DOCX reader: the package (libzip, from memory, bounded), the main document part
 * found through the package relationships, the core properties (title, creator, language), styles
 * and numbering, the body's blocks, and the footnotes and endnotes at the end in the order of
 * their references. */
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "html.h"
#include "zip_input.h"



/* The target of the first relationship whose type ends in `suffix` ("/officeDocument"). */
static const char *rel_of_type(const docx_rels *rels, const char *suffix)
{
    size_t k = strlen(suffix);
    for (size_t i = 0; i < rels->count; i++) {
        const char *t = rels->items[i].type;
        size_t n = strlen(t);
        if (!rels->items[i].external && n >= k && strcmp(t + n - k, suffix) == 0)
            return rels->items[i].target;
    }
    return NULL;
}

static void read_core(docx_reader *r, const char *part)
{
    xmlDocPtr xml = part && sc_zip_has(r->zip, part) ? sc_zip_xml(r->zip, part, 0) : NULL;
    if (!xml)
        return;
    sc_meta *m = &r->doc->meta;
    for (const xmlNode *n = xmlDocGetRootElement(xml)->children; n; n = n->next) {
        const char *name = sc_xml_name(n);
        const char *value = name ? sc_xml_trimmed_text(r->doc, n) : NULL;
        if (!value)
            continue;
        if (strcmp(name, "title") == 0 && !m->title) {
            m->title = value;
            m->title_from_source = 1;
        } else if (strcmp(name, "creator") == 0 && !m->author) {
            m->author = value;
        } else if (strcmp(name, "language") == 0 && !m->lang) {
            m->lang = value;
        }
    }
    xmlFreeDoc(xml);
}

/* The notes part: its relationships and tree, kept until the body is read. */
static xmlDocPtr read_notes(docx_reader *r, const char *part, docx_rels *rels)
{
    if (!part || !sc_zip_has(r->zip, part))
        return NULL;
    docx_read_rels(r, part, rels);
    return sc_zip_xml(r->zip, part, 0);
}

static int read_package(docx_reader *r)
{
    docx_rels root;
    docx_read_rels(r, "", &root);
    /* "_rels/.rels" is the package's own relationships part */
    const char *main = rel_of_type(&root, "/officeDocument");
    if (!main && sc_zip_has(r->zip, "word/document.xml"))
        main = "word/document.xml";
    if (!main) {
        sc_diag_error(r->diags, r->file, "not a DOCX file (no main document part)");
        return -1;
    }
    if (!sc_zip_has(r->zip, main)) {
        sc_diag_error(r->diags, r->file,
                      "not a DOCX file (its main document part '%s' is missing)", main);
        return -1;
    }
    read_core(r, rel_of_type(&root, "/core-properties") ? rel_of_type(&root, "/core-properties")
                                                        : "docProps/core.xml");
    docx_read_rels(r, main, &r->main_rels);
    r->rels = &r->main_rels;
    const char *styles = rel_of_type(&r->main_rels, "/styles");
    const char *numbering = rel_of_type(&r->main_rels, "/numbering");
    docx_read_styles(r, styles ? styles : "word/styles.xml");
    docx_read_numbering(r, numbering ? numbering : "word/numbering.xml");
    r->footnotes = read_notes(r, rel_of_type(&r->main_rels, "/footnotes"), &r->foot_rels);
    r->endnotes = read_notes(r, rel_of_type(&r->main_rels, "/endnotes"), &r->end_rels);

    xmlDocPtr xml = sc_zip_xml(r->zip, main, 1);
    if (!xml)
        return -1;
    const xmlNode *body = sc_xml_child(xmlDocGetRootElement(xml), "body");
    if (!sc_xml_is(xmlDocGetRootElement(xml), "document") || !body) {
        sc_diag_error(r->diags, r->file, "not a DOCX file ('%s' holds no document body)", main);
        xmlFreeDoc(xml);
        return -1;
    }
    docx_blocks(r, body->children, r->doc->root);
    xmlFreeDoc(xml);
    for (size_t i = 0; i < r->nnotes; i++)
        sc_node_append(r->doc->root, r->notes[i]);
    return 0;
}

int sc_read_docx(sc_document *doc, const char *data, size_t len, const sc_read_options *opts,
                 sc_diag_list *diags)
{
    docx_reader r = {.doc = doc, .diags = diags, .opts = opts, .file = doc->source_name};
    r.zip = sc_zip_open(data, len, doc->source_name, diags);
    if (!r.zip)
        return -1;
    int rc = read_package(&r);
    if (r.footnotes)
        xmlFreeDoc(r.footnotes);
    if (r.endnotes)
        xmlFreeDoc(r.endnotes);
    free(r.notes);
    sc_zip_close(r.zip);
    if (rc == 0 && !doc->root->first_child) {
        sc_diag_error(diags, doc->source_name, "empty document (the DOCX holds no text)");
        rc = -1;
    }
    if (rc == 0)
        ox_heading_ids(doc);
    return rc;
}
