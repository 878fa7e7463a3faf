/* readers.c — the stage's entry point: prepare the input once, then hand it to the reader for its
 * format (plain text when the format is not known). */
#include <string.h>
#include <strings.h>

#include "readers.h"
#include "internal.h"

sc_input_format sc_input_format_from_name(const char *name)
{
    static const struct {
        const char *ext;
        sc_input_format format;
    } table[] = {{".txt", SC_INPUT_TEXT},      {".text", SC_INPUT_TEXT},
                 {".md", SC_INPUT_MARKDOWN},   {".markdown", SC_INPUT_MARKDOWN},
                 {".mdown", SC_INPUT_MARKDOWN}};
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
    return SC_INPUT_AUTO;
}

int sc_read(sc_document *doc, const char *data, size_t len, sc_input_format format,
            sc_diag_list *diags)
{
    sc_input in;
    if (sc_input_prepare(data, len, doc->source_name, &in, diags) != 0)
        return -1;
    int rc = format == SC_INPUT_MARKDOWN ? sc_read_markdown(doc, &in, diags)
                                         : sc_read_text(doc, &in, diags);
    sc_input_release(&in);
    return rc;
}
