/* encoding_tool.c — a window on the readers' legacy-encoding code for the tests:
 *   encoding_tool decode ENC        stdin bytes in ENC -> NFC UTF-8 on stdout
 *   encoding_tool detect            stdin -> "ENCODING SCORE\nSUMMARY" ("none" below threshold)
 *   encoding_tool font NAME         stdin (UTF-8 run text) -> converted text ("-" when NAME is
 *                                   no legacy font)
 *   encoding_tool format NAME       stdin -> the detected input format of NAME holding it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../../converter/base/buf.h"
#include "../../converter/readers/internal.h"
#include "../../converter/readers/legacy.h"

static int usage(void)
{
    fputs("usage: encoding_tool decode ENC | detect | font NAME | format NAME  < input\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    sc_buf in;
    sc_buf_init(&in);
    if (sc_buf_read_file(&in, "/dev/stdin", SC_INPUT_MAX_BYTES) != 0) {
        perror("encoding_tool: stdin");
        return 1;
    }
    const char *data = in.data ? in.data : "";
    int rc = 0;
    if (strcmp(argv[1], "decode") == 0 && argc == 3) {
        sc_encoding enc = sc_encoding_from_name(argv[2]);
        sc_buf out;
        sc_buf_init(&out);
        size_t unmapped = 0;
        if (enc == SC_ENC_NONE || sc_encoding_decode(enc, data, in.len, &out, &unmapped) != 0) {
            fprintf(stderr, "encoding_tool: cannot decode %s\n", argv[2]);
            rc = 1;
        } else {
            utf8proc_uint8_t *nfc = NULL;
            utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)(out.data ? out.data : ""),
                                              (utf8proc_ssize_t)out.len, &nfc,
                                              UTF8PROC_COMPOSE | UTF8PROC_STABLE);
            if (n >= 0)
                fwrite(nfc, 1, (size_t)n, stdout);
            free(nfc);
            if (unmapped)
                fprintf(stderr, "encoding_tool: %zu unmapped byte(s)\n", unmapped);
        }
        sc_buf_free(&out);
    } else if (strcmp(argv[1], "detect") == 0 && argc == 2) {
        sc_encoding_guess g;
        sc_encoding_detect(data, in.len, &g);
        printf("%s %.3f\n%s\n", g.encoding == SC_ENC_NONE ? "none" : sc_encoding_name(g.encoding),
               g.score, g.summary);
    } else if (strcmp(argv[1], "font") == 0 && argc == 3) {
        sc_legacy_font f;
        if (!sc_legacy_font_lookup(NULL, argv[2], &f)) {
            fputs("-", stdout);
        } else {
            sc_document *doc = sc_document_new("run");
            size_t n;
            const char *u = sc_legacy_font_decode(doc, &f, data, in.len, &n);
            fwrite(u, 1, n, stdout);
            sc_document_free(doc);
        }
    } else if (strcmp(argv[1], "format") == 0 && argc == 3) {
        puts(sc_input_format_name(sc_input_format_detect(argv[2], data, in.len)));
    } else {
        rc = usage();
    }
    sc_buf_free(&in);
    return rc;
}
