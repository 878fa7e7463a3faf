/* epub.h — the EPUB writer's public face: a styled document tree written as an EPUB 3 package
 * (libzip + libxml2's xmlTextWriter): mimetype, container, OPF, nav, NCX, CSS, one XHTML per
 * top-level section, footnotes as EPUB 3 notes. */
#ifndef SC_EPUB_H
#define SC_EPUB_H
#include <stddef.h>
#include <time.h>

#include "../../base/diag.h"
#include "../../model/doc.h"

/* A font file shipped in the package as EPUB/fonts/<name> (the stylesheet's @font-face url()s
 * already point there). */
typedef struct sc_epub_font {
    const char *name;       /* file name inside EPUB/fonts/ */
    const char *path;       /* the font file to copy */
    const char *media_type; /* "font/ttf", "font/otf", "font/woff", "font/woff2" */
} sc_epub_font;

typedef struct sc_epub_options {
    time_t modified;        /* dcterms:modified and zip entry times */
    const char *css;        /* the stylesheet text to ship (already concatenated) */
    size_t css_len;
    const char *generator;  /* e.g. "sapchu 0.1.0" */
    const sc_epub_font *fonts; /* fonts to package (--embed-fonts); may be NULL */
    size_t nfonts;
} sc_epub_options;

/* Write `doc` to the file at `path` (the caller renames it into place). Returns 0 or -1. */
int sc_epub_write(const sc_document *doc, const sc_epub_options *opts, const char *path,
                  sc_diag_list *diags);

#endif
