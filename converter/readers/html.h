/* html.h — what the HTML/XHTML and EPUB readers share inside the readers stage: parsing with
 * libxml2 and building one document tree from one or more (X)HTML documents (a lone HTML file, or
 * the spine of an EPUB, whose ids are then namespaced per file). */
#ifndef SC_READERS_HTML_H
#define SC_READERS_HTML_H
#include <stddef.h>

#include <libxml/tree.h>

#include "../base/diag.h"
#include "../model/doc.h"
#include "readers.h"

/* Deeper element nesting is read as plain text (with one warning). */
enum { SC_HTML_MAX_DEPTH = 200 };

/* Entry points (readers.c dispatches to them with the raw input bytes). */
int sc_read_html(sc_document *doc, const char *data, size_t len, int xhtml,
                 const sc_read_options *opts, sc_diag_list *diags);
int sc_read_epub(sc_document *doc, const char *data, size_t len, const sc_read_options *opts,
                 sc_diag_list *diags);

/* The encoding of an (X)HTML byte stream: BOM, then <meta charset>/http-equiv, then the XML
 * declaration, else UTF-8 when the bytes are valid UTF-8, else the legacy Vietnamese encoding the
 * words fit (legacy.h, with a note), else windows-1252 (with a warning). Returns a libxml2/iconv
 * encoding name (a constant or arena-owned); *data and *len may be replaced by decoded UTF-8. */
const char *sc_html_detect_encoding(sc_document *doc, const char **data, size_t *len, int xhtml,
                                    const char *file, sc_diag_list *diags);
/* As sc_html_detect_encoding, after the encoding opts->encoding forces (may be NULL). Bytes in an
 * encoding only sapchu's tables read (VNI, TCVN3, VPS, VIQR) are decoded here: *data and *len
 * then hold UTF-8 (arena-owned) and "UTF-8" is returned. */
const char *sc_html_prepare_bytes(sc_document *doc, const char **data, size_t *len, int xhtml,
                                  const sc_read_options *opts, const char *file,
                                  sc_diag_list *diags);

/* A copy of data[0..len) with every ill-formed UTF-8 sequence replaced by U+FFFD (arena-owned);
 * *first_bad = offset of the first one, (size_t)-1 when there was none. */
char *sc_html_fix_utf8(sc_document *doc, const char *data, size_t len, size_t *out_len,
                       size_t *first_bad);

/* Parse (X)HTML bytes: HTML through libxml2's recovering HTML parser, XHTML through its XML
 * parser (no network, no DTD, external entities never loaded). `encoding` NULL: detect it. An XHTML
 * document that is not well-formed is read again as HTML (with a warning). NULL on failure (with an
 * error). Free with xmlFreeDoc. */
xmlDocPtr sc_html_parse(sc_document *doc, const char *data, size_t len, int xhtml,
                        const char *encoding, const sc_read_options *opts, const char *file,
                        sc_diag_list *diags);

/* The first fatal error libxml2 reported while parsing (its own printing is silenced). */
typedef struct sc_xml_error {
    char message[160];
    int line;
    int fatal;
} sc_xml_error;

/* A well-formed XML document (container.xml, a package document, a DOCX/ODT part) or NULL; the
 * same safety as XHTML: no network, no DTD, no entity substitution, nothing printed. `err` (may be
 * NULL) receives the first fatal error. */
xmlDocPtr sc_xml_parse(const char *data, size_t len, const char *file, sc_xml_error *err);

/* Resolve a reference (href/src) found in the document at `from` (a package path) to a package
 * path: percent-decoded, "." and ".." folded, fragment and query cut off. NULL for an absolute
 * URL, a reference leaving the package, or an empty path. Arena-owned. */
const char *sc_epub_resolve(sc_arena *arena, const char *from, const char *ref);

/* A picture given as a base64 data: URL becomes a resource; its name, or NULL for any other src. */
const char *sc_html_data_uri(sc_document *doc, const char *src);

/* ---- building the tree ---- */

typedef struct sc_html_builder sc_html_builder;

/* How references in a source document are resolved (a lone HTML file passes NULL hooks). */
typedef struct sc_html_hooks {
    void *user;
    /* The url an IMAGE gets for `src` in the document at `path` (NULL: keep src as written). */
    const char *(*image)(void *user, const char *path, const char *src);
    /* The id prefix ("stem-") of the document a reference points into, with the reference's
     * fragment in *fragment; "" for the document itself, whose first block the reader gives the
     * id "stem". NULL when `href` does not point into the book. */
    const char *(*link)(void *user, const char *path, const char *href, const char **fragment);
} sc_html_hooks;

/* `opts` (may be NULL): whether runs in legacy Vietnamese fonts (<font face=".VnTime">,
 * style="font-family: VNI-Times") are converted to Unicode (legacy.h). */
sc_html_builder *sc_html_builder_new(sc_document *doc, const sc_html_hooks *hooks,
                                     const sc_read_options *opts, sc_diag_list *diags);
/* First pass over every source document: find footnote references and notes. `prefix` is put
 * before every id of this document ("" for a lone file); `path` names it for hooks and
 * diagnostics. */
void sc_html_builder_scan(sc_html_builder *b, xmlDocPtr xml, const char *path, const char *prefix);
/* Second pass: append the document's body to `parent` (a block container of doc). */
void sc_html_builder_body(sc_html_builder *b, xmlDocPtr xml, const char *path, const char *prefix,
                          sc_node *parent);
/* Link footnote references to their notes, move the notes to the end, tidy up. Frees `b`. */
void sc_html_builder_finish(sc_html_builder *b);

/* Metadata from <head> (title, author, date, language) and the document's stylesheets (<style>,
 * and <link rel=stylesheet> inside doc->base_dir) when `stylesheets` is set. */
void sc_html_read_head(sc_document *doc, xmlDocPtr xml, const char *file, int stylesheets,
                       sc_diag_list *diags);

/* ---- small helpers shared by the HTML files ---- */

/* A string-keyed map in the document arena (open addressing). */
typedef struct sc_strmap {
    const char **keys;
    void **values;
    size_t cap, count;
} sc_strmap;

void sc_strmap_put(sc_arena *arena, sc_strmap *m, const char *key, void *value);
/* The key's value (NULL when absent); *found says whether the key is there. */
void *sc_strmap_get(const sc_strmap *m, const char *key, int *found);


/* The attribute's value (arena-owned, NFC) or NULL; `name` may be "xml:lang" or "epub:type". */
const char *sc_html_attr(sc_document *doc, const xmlNode *el, const char *name);
/* The element's local name, lowercased by the parsers (NULL for non-elements). */
const char *sc_html_name(const xmlNode *n);
/* Space-separated `list` holds `word` (ASCII case-insensitive). */
int sc_html_has_word(const char *list, const char *word);
/* NFC copy of s[0..len) in the arena (s is valid UTF-8 from libxml2). */
char *sc_html_nfc(sc_document *doc, const char *s, size_t len);

#endif
