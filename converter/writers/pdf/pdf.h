/* pdf.h — the PDF writer's public face: pages of a layout drawn through libharu, glyph-exact
 * (Type0/Identity-H fonts subset with hb-subset keeping glyph ids, ToUnicode from the clusters). */
#ifndef SC_PDF_H
#define SC_PDF_H
#include <time.h>

#include "../../base/diag.h"
#include "../../layout/layout.h"
#include "../../model/doc.h"

typedef struct sc_pdf_options {
    time_t creation_date;   /* written as CreationDate/ModDate (UTC, +00'00') */
    const char *producer;   /* e.g. "sapchu 0.1.0" */
} sc_pdf_options;

/* Write `layout` to the file at `path` (the caller renames it into place). Returns 0 or -1 with an
 * error in diags. */
int sc_pdf_write(const sc_layout *layout, const sc_meta *meta, const sc_pdf_options *opts,
                 const char *path, sc_diag_list *diags);

#endif
