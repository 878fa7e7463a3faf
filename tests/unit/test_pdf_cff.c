/* test_pdf_cff.c — the CFF road of the PDF writer: OpenType fonts with CFF outlines (Latin Modern,
 * Debian's fonts-lmodern) embedded as CIDFontType0 + FontFile3 /CIDFontType0C, with Vietnamese,
 * a ligature, a mark cluster, and characters beyond the BMP (math alphanumerics: surrogate pairs
 * in ToUnicode). Writes cff-1.pdf, cff-2.pdf and cff-expect.json for test_pdf_writer_check.py.
 *
 * usage: test_pdf_cff ROMAN.otf MATH.otf OUT_DIR   (exit 77, "skipped", when the fonts are absent) */
#include <unistd.h>

#include "test_pdf_lib.h"

static const char *lines[] = {
    "Tiếng Việt trong Latin Modern: ẤY, Ẫn, ự, ỹ.",
    "The office staff, x̂ and ŷ.",
};
static const char *math_line = "𝐀𝐁𝐂 = 𝑥 ≠ ℝ";

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s ROMAN.otf MATH.otf OUT_DIR\n", argv[0]);
        return 2;
    }
    if (access(argv[1], R_OK) != 0 || access(argv[2], R_OK) != 0) {
        printf("skipped: Latin Modern (fonts-lmodern) is not installed\n");
        return 77;
    }
    const char *out = argv[3];
    mkdir(out, 0777);
    sc_arena *a = sc_arena_new();
    sc_face roman, math;
    if (load_face(&roman, a, argv[1], 0, 400) || load_face(&math, a, argv[2], 1, 400)) {
        fprintf(stderr, "FAIL: cannot load %s or %s\n", argv[1], argv[2]);
        return 1;
    }
    CHECK(roman.cff && math.cff, "the Latin Modern fonts are not CFF-flavoured");

    expect ex = {.first = 1};
    sc_buf_init(&ex.json);
    sc_buf text;
    sc_buf_init(&text);
    sc_layout L = {.arena = a, .npages = 1};
    L.pages = sc_arena_calloc(a, 1, sizeof *L.pages);
    L.pages[0].width = 595.28f;
    L.pages[0].height = 841.89f;
    float y = 80;
    sc_buf_puts(&text, "[[");
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++, y += 20) {
        add_item(a, &L.pages[0], shape(a, &roman, 12, 60, y, lines[i], i ? 2 : 0, 0, &ex));
        json_str(&text, lines[i], strlen(lines[i]));
        sc_buf_puts(&text, ", ");
    }
    add_item(a, &L.pages[0], shape(a, &math, 12, 60, y, math_line, 0, 0, &ex));
    json_str(&text, math_line, strlen(math_line));
    sc_buf_puts(&text, "]]");

    sc_meta meta = {.title = "CFF", .author = "sapchu", .lang = "vi"};
    sc_pdf_options opts = {.creation_date = 1617321600, .producer = "sapchu 0.1.0"};
    sc_diag_list d;
    sc_diag_init(&d);
    CHECK(sc_pdf_write(&L, &meta, &opts, sc_arena_printf(a, "%s/cff-1.pdf", out), &d) == 0 &&
              sc_pdf_write(&L, &meta, &opts, sc_arena_printf(a, "%s/cff-2.pdf", out), &d) == 0,
          "writing failed: %s", d.count ? d.items[0].message : "");

    FILE *f = fopen(sc_arena_printf(a, "%s/cff-expect.json", out), "w");
    CHECK(f != NULL, "cannot write the expectations");
    if (f) {
        fprintf(f,
                "{\n\"lines\": %s,\n"
                "\"fonts\": [[\"LMRoman10-Regular\", \"CID Type 0C\"], [\"LatinModernMath-Regular\", \"CID Type 0C\"]],\n"
                "\"needles\": [\"office\", \"x\\u0302\", \"\\ud835\\udc00\\ud835\\udc01\\ud835\\udc02\"],\n"
                "\"glyphs\": [%s\n]\n}\n",
                text.data, ex.json.data);
        fclose(f);
    }
    sc_diag_clear(&d);
    sc_buf_free(&ex.json);
    sc_buf_free(&text);
    hb_font_destroy(roman.hb_font);
    hb_face_destroy(roman.hb_face);
    hb_font_destroy(math.hb_font);
    hb_face_destroy(math.hb_face);
    sc_arena_free(a);
    if (!failures)
        printf("ok: CFF PDFs written to %s\n", out);
    return failures ? 1 : 0;
}
