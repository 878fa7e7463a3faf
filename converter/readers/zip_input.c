/* zip_input.c — the parts of a DOCX, ODT or EPUB package: libzip reads the archive from memory,
 * every read is bounded (entries, part size, total), and XML parts go through sc_xml_parse
 * (html_parse.c: no network, no DTD, no entity substitution, libxml2's printing silenced, the
 * first fatal error kept for our message); a part with a document type declaration is refused. */
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "html.h"
#include "zip_input.h"

struct sc_zip_input {
    zip_t *zip;
    zip_source_t *src;
    const char *file;
    sc_diag_list *diags;
    size_t total;
};

sc_zip_input *sc_zip_open(const char *data, size_t len, const char *file, sc_diag_list *diags)
{
    if (!data || len < 4 || memcmp(data, "PK", 2) != 0) {
        sc_diag_error(diags, file, "not a zip archive");
        return NULL;
    }
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
    zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
    if (!zip) {
        sc_diag_error(diags, file, "cannot open the zip archive: damaged or cut short (%s)",
                      zip_error_strerror(&err));
        if (src)
            zip_source_free(src);
        zip_error_fini(&err);
        return NULL;
    }
    zip_error_fini(&err);
    zip_int64_t n = zip_get_num_entries(zip, 0);
    if (n < 0 || n > SC_ZIP_MAX_ENTRIES) {
        sc_diag_error(diags, file, "the package holds too many entries (%lld; the limit is %d)",
                      (long long)n, SC_ZIP_MAX_ENTRIES);
        zip_discard(zip);
        return NULL;
    }
    sc_zip_input *z = calloc(1, sizeof *z);
    if (!z) {
        zip_discard(zip);
        return NULL;
    }
    z->zip = zip;
    z->file = file;
    z->diags = diags;
    return z;
}

void sc_zip_close(sc_zip_input *z)
{
    if (!z)
        return;
    zip_discard(z->zip); /* frees the source too */
    free(z);
}

int sc_zip_has(sc_zip_input *z, const char *name)
{
    return name && zip_name_locate(z->zip, name, 0) >= 0;
}

static void report(sc_zip_input *z, int required, const char *fmt, const char *name,
                   const char *detail)
{
    sc_diag_add(z->diags, required ? SC_ERROR : SC_WARNING, z->file, 0, 0, -1, fmt, name, detail);
}

char *sc_zip_read(sc_zip_input *z, const char *name, size_t *len, int required)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (!name || zip_stat(z->zip, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
        !(st.valid & ZIP_STAT_INDEX)) {
        if (required)
            report(z, 1, "'%s' is missing from the package%s", name ? name : "?", "");
        return NULL;
    }
    if (st.size > SC_ZIP_MAX_PART_BYTES || z->total + st.size > SC_ZIP_MAX_TOTAL_BYTES) {
        report(z, required, "'%s' not read: %s", name,
               st.size > SC_ZIP_MAX_PART_BYTES ? "larger than 64 MiB uncompressed"
                                               : "the package holds more than 512 MiB");
        return NULL;
    }
    zip_file_t *f = zip_fopen_index(z->zip, st.index, 0);
    if (!f) {
        report(z, required, "cannot open '%s' in the package (%s)", name, zip_strerror(z->zip));
        return NULL;
    }
    char *data = malloc((size_t)st.size + 1);
    zip_uint64_t got = 0;
    while (data && got < st.size) {
        zip_int64_t n = zip_fread(f, data + got, st.size - got);
        if (n <= 0)
            break;
        got += (zip_uint64_t)n;
    }
    /* a lying size header: more bytes than announced means damage too */
    char extra;
    int more = data && got == st.size && zip_fread(f, &extra, 1) > 0;
    zip_fclose(f);
    if (!data || got != st.size || more) {
        report(z, required, "cannot read '%s' in the package%s", name, " (damaged zip)");
        free(data);
        return NULL;
    }
    data[got] = '\0';
    z->total += (size_t)got;
    *len = (size_t)got;
    return data;
}

xmlDocPtr sc_zip_xml(sc_zip_input *z, const char *name, int required)
{
    size_t len;
    char *data = sc_zip_read(z, name, &len, required);
    if (!data)
        return NULL;
    sc_xml_error err;
    xmlDocPtr xml = sc_xml_parse(data, len, name, &err);
    free(data);
    if (xml && (xml->intSubset || xml->extSubset)) {
        /* package parts never need one, and entities declared there could expand without end
         * when text is read */
        xmlFreeDoc(xml);
        sc_diag_add(z->diags, required ? SC_ERROR : SC_WARNING, z->file, 0, 0, -1,
                    "%s: a document type declaration is not allowed in a package part", name);
        return NULL;
    }
    if (!xml || !xmlDocGetRootElement(xml)) {
        if (xml)
            xmlFreeDoc(xml);
        sc_diag_add(z->diags, required ? SC_ERROR : SC_WARNING, z->file, 0, 0, -1,
                    "%s:%d: not well-formed XML (%s)", name, err.line,
                    err.fatal ? err.message : "no root element");
        return NULL;
    }
    return xml;
}

const char *sc_xml_name(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE ? (const char *)n->name : NULL;
}

int sc_xml_is(const xmlNode *n, const char *name)
{
    const char *l = sc_xml_name(n);
    return l && strcmp(l, name) == 0;
}

const xmlNode *sc_xml_child(const xmlNode *parent, const char *name)
{
    for (const xmlNode *n = parent ? parent->children : NULL; n; n = n->next)
        if (sc_xml_is(n, name))
            return n;
    return NULL;
}

const char *sc_xml_attr(const xmlNode *n, const char *name, const char *ns)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) != 0)
            continue;
        if (ns && (!a->ns || !a->ns->href || strcmp((const char *)a->ns->href, ns) != 0))
            continue;
        const xmlNode *t = a->children;
        return t && t->type == XML_TEXT_NODE && t->content ? (const char *)t->content : "";
    }
    return NULL;
}

const char *sc_zip_resolve(sc_arena *arena, const char *from, const char *target)
{
    if (!target)
        return NULL;
    if (target[0] == '/') /* relative to the package root */
        return sc_epub_resolve(arena, NULL, target + 1);
    return sc_epub_resolve(arena, from, target);
}

const char *sc_xml_trimmed_text(sc_document *doc, const xmlNode *n)
{
    xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
    if (!t)
        return NULL;
    size_t a = 0, b = strlen((const char *)t);
    while (a < b && strchr(" \t\r\n", t[a]))
        a++;
    while (b > a && strchr(" \t\r\n", t[b - 1]))
        b--;
    const char *out = b > a ? sc_html_nfc(doc, (const char *)t + a, b - a) : NULL;
    xmlFree(t);
    return out;
}
