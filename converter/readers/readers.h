/* readers.h — the readers' public face: bytes in, one document tree out.
 *
 * Every reader validates UTF-8 (an error names the file, line and byte offset of the first bad
 * byte), drops a BOM, normalises to NFC (utf8proc) and fills the document metadata it finds.
 * Errors go to `diags` and the return value is -1; warnings do not fail a read. */
#ifndef SC_READERS_H
#define SC_READERS_H
#include <stddef.h>

#include "../base/diag.h"
#include "../model/doc.h"

typedef enum { SC_INPUT_AUTO, SC_INPUT_TEXT, SC_INPUT_MARKDOWN } sc_input_format;

/* From a file name's extension: .txt/.text -> TEXT, .md/.markdown/.mdown -> MARKDOWN, else AUTO. */
sc_input_format sc_input_format_from_name(const char *name);
/* "txt", "md" (also "text", "markdown"); SC_INPUT_AUTO for an unknown name. */
sc_input_format sc_input_format_from_option(const char *name);

/* Read `data` (len bytes) in `format` (AUTO: plain text) into `doc` (already created with its source
 * name). An empty input (nothing but white space) is an error. Returns 0 or -1. */
int sc_read(sc_document *doc, const char *data, size_t len, sc_input_format format,
            sc_diag_list *diags);

#endif
