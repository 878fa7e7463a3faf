/* readers.h — the readers' public face: bytes in, one document tree out.
 *
 * Every reader validates UTF-8 (an error names the file, line and byte offset of the first bad
 * byte), drops a BOM, normalises to NFC (utf8proc) and fills the document metadata it finds.
 * Text and Markdown that are not UTF-8 are read in the legacy Vietnamese encoding they fit (or
 * the one sc_read_options.encoding names); when none fits, the invalid-UTF-8 error stands.
 * Errors go to `diags` and the return value is -1; warnings do not fail a read. */
#ifndef SC_READERS_H
#define SC_READERS_H
#include <stddef.h>

#include "../base/diag.h"
#include "../model/doc.h"

typedef enum { SC_INPUT_AUTO, SC_INPUT_TEXT, SC_INPUT_MARKDOWN, SC_INPUT_HTML, SC_INPUT_XHTML,
               SC_INPUT_EPUB, SC_INPUT_DOCX, SC_INPUT_ODT } sc_input_format;

/* Settings of one read (NULL anywhere means all defaults). */
typedef struct sc_read_options {
    const char *encoding;  /* text input: "utf-8", "cp1258", "tcvn", "viscii", "vni", "tcvn3",
                              "vps", "viqr" (see legacy.h); NULL: UTF-8, else the detected legacy
                              Vietnamese encoding when the bytes are not UTF-8 */
    int keep_legacy_fonts; /* DOCX/ODT/HTML: keep runs in .VnTime/VNI-Times/VPS fonts as they are
                              instead of converting them to Unicode */
} sc_read_options;

/* From a file name's extension: .txt/.text -> TEXT, .md/.markdown/.mdown -> MARKDOWN,
 * .html/.htm -> HTML, .xhtml/.xht -> XHTML, .epub -> EPUB, .docx -> DOCX, .odt -> ODT,
 * else AUTO. */
sc_input_format sc_input_format_from_name(const char *name);
/* "txt", "md" (also "text", "markdown"), "html", "xhtml", "epub", "docx", "odt"; SC_INPUT_AUTO
 * for an unknown name. */
sc_input_format sc_input_format_from_option(const char *name);

/* Read `data` (len bytes) in `format` (AUTO: sc_input_format_detect) into `doc` (already created
 * with its source name). An empty input (nothing but white space) is an error. Returns 0 or -1. */
int sc_read(sc_document *doc, const char *data, size_t len, sc_input_format format,
            sc_diag_list *diags);
/* The same with reader settings (`opts` may be NULL). */
int sc_read_with(sc_document *doc, const char *data, size_t len, sc_input_format format,
                 const sc_read_options *opts, sc_diag_list *diags);

/* The format of the input `name` holding `data`: from the extension, and from the content when
 * the extension is missing or contradicted by it (a zip whose mimetype says EPUB or ODT, a zip
 * with OOXML parts = DOCX, an HTML doctype or <html> start = HTML, an XML declaration with the
 * XHTML namespace = XHTML). Plain text when nothing else fits (Markdown only by extension). */
sc_input_format sc_input_format_detect(const char *name, const char *data, size_t len);
/* 1 when `name` is an encoding sc_read_options.encoding accepts (case-insensitive). */
int sc_read_encoding_known(const char *name);
/* Name of a format for messages: "text", "Markdown", "HTML", "XHTML", "EPUB", "DOCX", "ODT". */
const char *sc_input_format_name(sc_input_format format);

#endif
