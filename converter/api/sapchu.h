/* sapchu.h — the library API under the CLI: convert one document (a file, standard input or a
 * buffer) to a PDF or EPUB file. Other programs embed the converter through this header alone.
 * Thread-safe: no shared mutable state; convert different documents on different threads. */
#ifndef SAPCHU_H
#define SAPCHU_H
#include <stddef.h>
#include <time.h>

#include "../base/diag.h"
#include "../readers/readers.h"

typedef enum { SC_OUTPUT_NONE = 0, SC_OUTPUT_PDF = 1, SC_OUTPUT_EPUB = 2 } sc_output_format;

typedef struct sc_options {
    const char *title;        /* overrides the document's title */
    const char *author;       /* overrides the document's author */
    const char *lang;         /* overrides the document's language (default: document's, else vi) */
    const char *paper;        /* A4, A5, B5, Letter: overrides the stylesheets' @page size */
    const char *const *styles;/* user stylesheets, cascaded in order after the default */
    size_t nstyles;
    const char *data_dir;     /* folder holding fonts/ and styles/ (NULL: found automatically) */
    time_t date;              /* creation/modification date written into outputs */
    const char *encoding;     /* --encoding: text input's encoding (utf-8, cp1258, tcvn, viscii, vni,
                                 tcvn3, vps, viqr); NULL: UTF-8, else the detected legacy one */
    int keep_legacy_fonts;    /* --keep-legacy-fonts: leave .VnTime/VNI/VPS runs unconverted */
    const char *const *font_dirs; /* --font-dir: folders of TrueType/OpenType fonts (in order) */
    size_t nfont_dirs;
    int embed_fonts;          /* EPUB: package the @font-face fonts its stylesheet uses */
    int toc;                  /* PDF: a table of contents page before the body (--toc) */
} sc_options;

/* ".pdf" -> PDF, ".epub" -> EPUB (case-insensitive), else NONE. */
sc_output_format sc_output_format_from_name(const char *path);
/* "pdf" / "epub", else NONE. */
sc_output_format sc_output_format_from_option(const char *name);
const char *sc_output_extension(sc_output_format format); /* "pdf" / "epub" */

/* The date outputs carry: SOURCE_DATE_EPOCH when set and valid, else now. */
time_t sc_output_date(void);

/* Convert `input` ("-" = standard input) to `output` ("-" = standard output). The output is
 * written to a temporary file beside it and renamed into place, so a failure leaves nothing.
 * Returns 0, or -1 with at least one error in diags. Warnings may be present either way. */
int sc_convert_file(const char *input, sc_input_format in_format, const char *output,
                    sc_output_format out_format, const sc_options *opts, sc_diag_list *diags);

/* The same from a buffer; `name` is used in messages and as the fallback title. */
int sc_convert_buffer(const char *data, size_t len, const char *name, sc_input_format in_format,
                      const char *output, sc_output_format out_format, const sc_options *opts,
                      sc_diag_list *diags);

#endif
