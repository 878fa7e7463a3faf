/* test_epub_samples.c — reads each input file through the readers (sc_read) and writes it as
 * OUTDIR/NAME.epub with the given stylesheet, as the converter does (without the style cascade,
 * which the EPUB writer does not use). tests/epub_writer_check.py samples checks the results.
 *
 * usage: test_epub_samples OUTDIR STYLE.css INPUT... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "readers/readers.h"
#include "writers/epub/epub.h"

static int convert(const char *outdir, const char *css, size_t css_len, const char *input)
{
    sc_buf data;
    sc_buf_init(&data);
    if (sc_buf_read_file(&data, input, 64u << 20) != 0) {
        fprintf(stderr, "FAIL: cannot read %s\n", input);
        return 1;
    }
    const char *base = strrchr(input, '/') ? strrchr(input, '/') + 1 : input;
    char out[4096];
    snprintf(out, sizeof out, "%s/%s.epub", outdir, base);

    sc_diag_list diags;
    sc_diag_init(&diags);
    sc_document *doc = sc_document_new(base);
    int rc = sc_read(doc, data.data, data.len, sc_input_format_from_name(input), &diags);
    if (rc == 0) {
        sc_document_finish(doc);
        sc_epub_options o = {.modified = 1617358830, .css = css, .css_len = css_len,
                             .generator = "sapchu test"};
        rc = sc_epub_write(doc, &o, out, &diags);
    }
    for (size_t i = 0; i < diags.count; i++) {
        char *m = sc_diag_format(&diags.items[i]);
        fprintf(stderr, "  %s\n", m);
        free(m);
    }
    if (rc != 0 || diags.errors)
        fprintf(stderr, "FAIL: %s: rc %d, %zu errors\n", input, rc, diags.errors);
    int failed = rc != 0 || diags.errors != 0;
    sc_diag_clear(&diags);
    sc_document_free(doc);
    sc_buf_free(&data);
    return failed;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s OUTDIR STYLE.css INPUT...\n", argv[0]);
        return 2;
    }
    mkdir(argv[1], 0777);
    sc_buf css;
    sc_buf_init(&css);
    if (sc_buf_read_file(&css, argv[2], 1u << 20) != 0) {
        fprintf(stderr, "FAIL: cannot read %s\n", argv[2]);
        return 1;
    }
    int failures = 0;
    for (int i = 3; i < argc; i++)
        failures += convert(argv[1], css.data, css.len, argv[i]);
    sc_buf_free(&css);
    return failures ? 1 : 0;
}
