/* html.c — the HTML/XHTML reader: parse with libxml2 (html_parse.c), read the head's metadata
 * and stylesheets (html_head.c), build the tree from the body (html_build.c). Broken markup never
 * fails; only bytes that are not a web page at all, or a page without content, are errors. */
#include <string.h>

#include "html.h"

static int is_blank_bytes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
            return 0;
    return 1;
}

int sc_read_html(sc_document *doc, const char *data, size_t len, int xhtml,
                 const sc_read_options *opts, sc_diag_list *diags)
{
    const char *file = doc->source_name;
    if (!data || is_blank_bytes(data, len)) {
        sc_diag_error(diags, file, "empty document");
        return -1;
    }
    xmlDocPtr xml = sc_html_parse(doc, data, len, xhtml, NULL, opts, file, diags);
    if (!xml)
        return -1;
    sc_html_read_head(doc, xml, file, 1, diags);
    sc_html_builder *b = sc_html_builder_new(doc, NULL, opts, diags);
    sc_html_builder_scan(b, xml, NULL, "");
    sc_html_builder_body(b, xml, NULL, "", doc->root);
    sc_html_builder_finish(b);
    xmlFreeDoc(xml);
    if (!doc->root->first_child) {
        sc_diag_error(diags, file, "empty document (no text in the page's body)");
        return -1;
    }
    return 0;
}
