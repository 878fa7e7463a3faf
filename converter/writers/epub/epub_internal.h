/* epub_internal.h — what the EPUB writer's files share: the book plan (which top-level blocks go
 * into which XHTML file, every anchor's output id and file) and a small XML writer wrapper over
 * libxml2's xmlTextWriter that remembers failures, so callers check once at the end. */
#ifndef SC_EPUB_INTERNAL_H
#define SC_EPUB_INTERNAL_H
#include <libxml/xmlwriter.h>

#include "../../base/arena.h"
#include "../../base/buf.h"
#include "../../base/diag.h"
#include "../../model/doc.h"
#include "epub.h"

/* ---- plan ---------------------------------------------------------------------------------- */

typedef struct ep_file {
    char name[24];            /* "ch001.xhtml" / "notes.xhtml" */
    const sc_node *first;     /* first top-level block of the file (NULL: empty / notes file) */
    const sc_node *end;       /* top-level block that starts the next file (NULL: document end) */
    const sc_node *heading;   /* first top-level heading inside, for <title> (may be NULL) */
} ep_file;

typedef struct ep_anchor {
    const sc_node *node;      /* HEADING, FOOTNOTE_DEF or FOOTNOTE_REF */
    const char *out_id;       /* valid, unique XML id used in the XHTML */
    int file;                 /* index into book->files */
    int number;               /* FOOTNOTE_DEF: the number shown (1, 2, ...) */
    const struct ep_anchor *backref; /* FOOTNOTE_DEF: the anchor of its first reference */
} ep_anchor;

typedef struct ep_map ep_map; /* open-addressing hash: pointer or string keys -> ep_anchor */

/* A picture packaged as EPUB/<href> (epub_images.c). */
typedef struct ep_image {
    const char *key;          /* resource name or real path: one file per picture */
    const char *href;         /* "images/img001.png", relative to EPUB/ */
    const char *id;           /* manifest id */
    const char *mime;         /* "image/png" / "image/jpeg" */
    const unsigned char *data;
    size_t len;
} ep_image;

typedef struct ep_book {
    const sc_document *doc;
    const sc_epub_options *opts;
    sc_arena *arena;          /* the writer's own scratch arena */
    sc_diag_list *diags;
    const char *title;        /* the metadata title, never empty */
    const char *lang;         /* the document language, a well-formed BCP 47 tag */

    ep_file *files;           /* content files in spine order, then the notes file if any */
    int nfiles;
    int notes_file;           /* index of notes.xhtml, -1 when the document has no notes */

    ep_anchor **anchors;      /* every anchor in document order */
    int nanchors;
    const sc_node **toc;      /* top-level headings in document order (nav and NCX entries) */
    int ntoc;
    const sc_node **notes;    /* FOOTNOTE_DEF nodes ordered by number */
    int nnotes;

    ep_map *by_node, *by_source_id, *out_ids;

    ep_image *images;         /* packaged pictures in document order (epub_images.c) */
    int nimages, images_cap;
    ep_map *image_of;         /* IMAGE node -> its ep_image */
} ep_book;

/* Split the document into files and give every anchor its id. Returns 0 (cannot fail on input). */
int ep_plan(ep_book *book);
/* Whether the XHTML shows `node` (as far as its parent decides: table rows only in tables,
 * cells only in rows, nothing under text, breaks, code blocks, rules, note references or raw
 * HTML; raw HTML itself never). The plan and the XHTML writer both follow it, so every anchor the
 * plan hands out is written, and every link to one resolves. */
int ep_is_rendered(const sc_node *node);
/* A heading's level clamped to 1..6 (as h1..h6 show it). */
int ep_heading_level(const sc_node *heading);
const ep_anchor *ep_anchor_of_node(const ep_book *book, const sc_node *node);
/* The anchor whose source id (node->id, as readers write it in "#id" links) is `id`. */
const ep_anchor *ep_anchor_of_source_id(const ep_book *book, const char *id);
/* "file.xhtml#id", or "#id" when the anchor lives in `from_file`. Arena-owned. */
const char *ep_href(const ep_book *book, const ep_anchor *a, int from_file);
/* Heading (or any subtree) text as it should appear in nav, NCX and <title>: text and code
 * literals, breaks as spaces, white space collapsed, note references left out. Arena-owned. */
const char *ep_plain_text(const ep_book *book, const sc_node *node);

/* Find the pictures to package (warnings for those that cannot be); after ep_plan. */
void ep_images_collect(ep_book *book);
/* The packaged picture an IMAGE node shows; NULL: its alt text stands in. */
const ep_image *ep_image_of(const ep_book *book, const sc_node *img);

/* ---- maps (epub_map.c) ----------------------------------------------------------------------- */

ep_map *ep_map_new(sc_arena *arena);
void *ep_map_get_ptr(const ep_map *m, const void *key);
void ep_map_put_ptr(ep_map *m, const void *key, void *value);
void *ep_map_get_str(const ep_map *m, const char *key);
void ep_map_put_str(ep_map *m, const char *key, void *value); /* key must outlive the map */

/* ---- XML output (epub_xml.c) ----------------------------------------------------------------- */

typedef struct ep_xml {
    xmlTextWriterPtr w;
    sc_buf *out;              /* where the bytes go */
    sc_buf scratch;           /* sanitised text before it reaches libxml2 */
    int failed;
} ep_xml;

/* Start an XML document writing into `out` (declaration included). Returns 0 or -1. */
int ep_xml_begin(ep_xml *x, sc_buf *out);
/* Finish the document and flush; returns 0, or -1 when any call on `x` failed. Frees `x`. */
int ep_xml_end(ep_xml *x);
void ep_xml_abandon(ep_xml *x);
void ep_start(ep_xml *x, const char *name);
void ep_end(ep_xml *x);
/* Attribute / text from UTF-8 that may be invalid: bad bytes become U+FFFD and characters XML 1.0
 * forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) are dropped. */
void ep_attr(ep_xml *x, const char *name, const char *value);
void ep_text(ep_xml *x, const char *text, size_t len);
void ep_newline(ep_xml *x);   /* a line break between block elements (markup only, no content) */
void ep_element_text(ep_xml *x, const char *name, const char *text);
void ep_doctype_html(ep_xml *x);
/* A well-formed BCP 47 tag as far as xml:lang and dc:language need it: alphanumeric subtags of
 * 1-8 characters separated by '-', the first alphabetic. */
int ep_valid_lang(const char *lang);
/* xml:lang and lang, when `lang` is a valid tag (nothing otherwise). */
void ep_lang_attrs(ep_xml *x, const char *lang);

/* ---- the files (epub_xhtml.c, epub_notes.c, epub_nav.c, epub_opf.c) -------------------------- */

/* Each writes one file's bytes into `out`; 0 or -1 (libxml2 failure). */
int ep_write_content(const ep_book *book, int file, sc_buf *out);
int ep_write_notes(const ep_book *book, sc_buf *out);
int ep_write_nav(const ep_book *book, sc_buf *out);
int ep_write_ncx(const ep_book *book, sc_buf *out);
int ep_write_container(sc_buf *out);
int ep_write_opf(const ep_book *book, sc_buf *out);

/* Words the writer adds itself, in the document's language (English when it has none here). */
typedef enum { EP_LABEL_CONTENTS, EP_LABEL_NOTES, EP_LABEL_LANDMARKS, EP_LABEL_START } ep_label_kind;
const char *ep_label(const ep_book *book, ep_label_kind kind);

/* Shared by content and notes files: <html>, <head> with title and stylesheet, <body> open. */
void ep_xhtml_open(const ep_book *book, ep_xml *x, const char *title);
void ep_xhtml_close(ep_xml *x);
/* Block children of `parent` (footnote definitions and raw HTML skipped), as XHTML. */
void ep_write_blocks(const ep_book *book, ep_xml *x, int file, const sc_node *parent);
void ep_write_block(const ep_book *book, ep_xml *x, int file, const sc_node *node);
void ep_write_inlines(const ep_book *book, ep_xml *x, int file, const sc_node *parent);

#endif
