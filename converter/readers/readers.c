/* readers.c — the stage's entry point: find the format (sc_input_format_detect when not given),
 * prepare the input once (text and Markdown: UTF-8 or a legacy Vietnamese encoding), then hand it
 * to the reader for its format. */
#include <string.h>
#include <strings.h>

#include "readers.h"
#include "internal.h"
#include "html.h"
#include "legacy.h"
#include "office.h"

sc_input_format sc_input_format_from_name(const char *name)
{
    static const struct {
        const char *ext;
        sc_input_format format;
    } table[] = {{".txt", SC_INPUT_TEXT},      {".text", SC_INPUT_TEXT},
                 {".md", SC_INPUT_MARKDOWN},   {".markdown", SC_INPUT_MARKDOWN},
                 {".mdown", SC_INPUT_MARKDOWN}, {".html", SC_INPUT_HTML},
                 {".htm", SC_INPUT_HTML},          {".xhtml", SC_INPUT_XHTML},
                 {".xht", SC_INPUT_XHTML},         {".epub", SC_INPUT_EPUB},
                 {".docx", SC_INPUT_DOCX},         {".odt", SC_INPUT_ODT}};
    const char *dot = name ? strrchr(name, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return SC_INPUT_AUTO;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcasecmp(dot, table[i].ext) == 0)
            return table[i].format;
    return SC_INPUT_AUTO;
}

sc_input_format sc_input_format_from_option(const char *name)
{
    if (!name)
        return SC_INPUT_AUTO;
    if (strcmp(name, "txt") == 0 || strcmp(name, "text") == 0)
        return SC_INPUT_TEXT;
    if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
        return SC_INPUT_MARKDOWN;
    if (strcmp(name, "html") == 0 || strcmp(name, "htm") == 0)
        return SC_INPUT_HTML;
    if (strcmp(name, "xhtml") == 0)
        return SC_INPUT_XHTML;
    if (strcmp(name, "epub") == 0)
        return SC_INPUT_EPUB;
    if (strcmp(name, "docx") == 0)
        return SC_INPUT_DOCX;
    if (strcmp(name, "odt") == 0)
        return SC_INPUT_ODT;
    return SC_INPUT_AUTO;
}

int sc_read(sc_document *doc, const char *data, size_t len, sc_input_format format,
            sc_diag_list *diags)
{
    return sc_read_with(doc, data, len, format, NULL, diags);
}

int sc_read_with(sc_document *doc, const char *data, size_t len, sc_input_format format,
                 const sc_read_options *opts, sc_diag_list *diags)
{
    if (len > SC_INPUT_MAX_BYTES) { /* refused before any byte is looked at */
        sc_diag_error(diags, doc->source_name, "input too large (%zu bytes; the limit is 256 MiB)",
                      len);
        return -1;
    }
    if (format == SC_INPUT_AUTO)
        format = sc_input_format_detect(doc->source_name, data, len);
    /* HTML finds its own encoding (BOM, <meta charset>, XML declaration) and EPUB is a zip: both
     * read the raw bytes. */
    if (format == SC_INPUT_HTML || format == SC_INPUT_XHTML)
        return sc_read_html(doc, data, len, format == SC_INPUT_XHTML, opts, diags);
    if (format == SC_INPUT_EPUB)
        return sc_read_epub(doc, data, len, opts, diags);
    if (format == SC_INPUT_DOCX)
        return sc_read_docx(doc, data, len, opts, diags);
    if (format == SC_INPUT_ODT)
        return sc_read_odt(doc, data, len, opts, diags);
    if (data && len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
        sc_diag_error(diags, doc->source_name,
                      "a zip archive that is neither DOCX, ODT nor EPUB cannot be read as %s",
                      sc_input_format_name(format));
        return -1;
    }
    sc_input in;
    if (sc_input_prepare_encoded(data, len, doc->source_name, opts, &in, diags) != 0)
        return -1;
    int rc = format == SC_INPUT_MARKDOWN ? sc_read_markdown(doc, &in, diags)
                                         : sc_read_text(doc, &in, diags);
    sc_input_release(&in);
    return rc;
}
