/* zip_input.h — reading the parts of a zip package (DOCX, ODT, EPUB) held in memory, bounded: at most
 * SC_ZIP_MAX_ENTRIES entries, 64 MiB per part uncompressed and 512 MiB in all; only names inside
 * the package. XML parts are parsed safely: no network, no DTD loading, no entity substitution,
 * errors reported with the part's name and line, nothing printed. */
#ifndef SC_READERS_ZIP_INPUT_H
#define SC_READERS_ZIP_INPUT_H
#include <stddef.h>

#include <libxml/tree.h>

#include "../base/diag.h"
#include "../model/doc.h"

enum { SC_ZIP_MAX_ENTRIES = 20000 };
#define SC_ZIP_MAX_PART_BYTES ((size_t)64 << 20)
#define SC_ZIP_MAX_TOTAL_BYTES ((size_t)512 << 20)

typedef struct sc_zip_input sc_zip_input;

/* Open the package; NULL with an error ("not a zip archive", "damaged zip", too many entries). */
sc_zip_input *sc_zip_open(const char *data, size_t len, const char *file, sc_diag_list *diags);
void sc_zip_close(sc_zip_input *z);

/* 1 when the package holds an entry of that name. */
int sc_zip_has(sc_zip_input *z, const char *name);
/* The part's bytes (malloc'd, NUL-terminated, length in *len) or NULL: a missing part is silent
 * unless `required`; size limits and damage give a warning (an error when `required`). */
char *sc_zip_read(sc_zip_input *z, const char *name, size_t *len, int required);
/* The part parsed as XML, or NULL: missing (silent unless `required`) or not well-formed (an
 * error when `required`, else a warning: "word/styles.xml:12: not well-formed XML (...)").
 * Free with xmlFreeDoc. */
xmlDocPtr sc_zip_xml(sc_zip_input *z, const char *name, int required);

/* ---- small XML helpers for the office readers ---- */

/* The element's local name (NULL for other nodes). */
const char *sc_xml_name(const xmlNode *n);
/* 1 when n is an element with local name `name`. */
int sc_xml_is(const xmlNode *n, const char *name);
/* The first child element with that local name. */
const xmlNode *sc_xml_child(const xmlNode *parent, const char *name);
/* An attribute by local name in any namespace (`ns` NULL) or in namespace `ns`; the value is a
 * pointer into the tree (valid while it lives), NULL when absent. */
const char *sc_xml_attr(const xmlNode *n, const char *name, const char *ns);
/* The element's text content without surrounding white space, NFC, arena-owned; NULL when
 * empty (metadata values: dc:title, dc:creator ...). */
const char *sc_xml_trimmed_text(sc_document *doc, const xmlNode *n);
/* Resolve `target` relative to the folder of package part `from` ("word/document.xml") to a part
 * name; NULL for absolute URLs and names leaving the package. Arena-owned. */
const char *sc_zip_resolve(sc_arena *arena, const char *from, const char *target);

#endif
