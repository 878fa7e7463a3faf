/* test_pdf_writer.c — builds a display list by hand (Noto Serif, lines shaped with HarfBuzz in
 * Vietnamese, a ligature, a mark cluster, a justified line, a rule, a rectangle, links, a
 * destination, an outline), writes it twice with sc_pdf_write, and writes what the PDF must show
 * (text lines, glyph ids and positions) as JSON for tests/pdf_writer_check.py, which checks the PDF
 * with qpdf, pdffonts, pdftotext, mutool and pdfinfo.
 *
 * Also checks the failure paths in-process: a missing directory, an empty layout, a bad glyph id.
 *
 * usage: test_pdf_writer FONTS_DIR OUT_DIR */
#include <pthread.h>

#include "test_pdf_lib.h"

/* Documents are converted in parallel threads: two writers at once must not disturb each other. */
typedef struct job {
    const sc_layout *layout;
    const sc_meta *meta;
    const sc_pdf_options *opts;
    const char *path;
    int rc;
    sc_diag_list diags;
} job;

static void *write_job(void *arg)
{
    job *j = arg;
    sc_diag_init(&j->diags);
    j->rc = sc_pdf_write(j->layout, j->meta, j->opts, j->path, &j->diags);
    return NULL;
}

static int same_file(const char *a, const char *b)
{
    sc_buf x, y;
    sc_buf_init(&x);
    sc_buf_init(&y);
    int same = sc_buf_read_file(&x, a, 1 << 26) == 0 && sc_buf_read_file(&y, b, 1 << 26) == 0 &&
               x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
    sc_buf_free(&x);
    sc_buf_free(&y);
    return same;
}

/* The lines of the test document, page by page (each line one run unless noted). */
static const char *page1[] = {
    "Hội nghị Đảng bộ Khoa học và Công nghệ năm 2021",
    "Người Việt viết chữ quốc ngữ: ẤY, Ẫn, ầm ĩ, ộ, ự, ỹ.",
    "The office staff filled the affine fjord.", /* ffi, ffl/fi ligatures in Noto Serif */
    /* Mark clusters: base + combining marks the font has no precomposed glyph for; "≠" is one
     * character HarfBuzz decomposes into two glyphs ("=" + U+0338), which only ActualText
     * gives back as one. */
    "Dấu ghép: x̂ và ẍ̃ cùng q̃, a ≠ b.",
};
static const char *justified = "Dòng này được căn đều hai bên cho thẳng lề.";
static const char *bold_line = "Chữ đậm";
static const char *page2[] = {
    "Chú thích 1. Một ghi chú ở cuối tài liệu.",
};

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s FONTS_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    const char *fonts = argv[1], *out = argv[2];
    mkdir(out, 0777);
    sc_arena *a = sc_arena_new();
    /* The faces as the layout's font loader fills them (metrics, flags, bbox, CFF or not). */
    sc_diag_list fd;
    sc_diag_init(&fd);
    sc_fontset *fs = sc_fontset_load(fonts, &fd);
    const sc_face *regp = NULL, *boldp = NULL;
    for (size_t i = 0; fs && i < sc_fontset_count(fs); i++) {
        const sc_face *f = sc_fontset_face(fs, i);
        if (f->ps_name && strcmp(f->ps_name, "NotoSerif-Regular") == 0)
            regp = f;
        if (f->ps_name && strcmp(f->ps_name, "NotoSerif-Bold") == 0)
            boldp = f;
    }
    sc_diag_clear(&fd);
    if (!regp || !boldp) {
        fprintf(stderr, "FAIL: cannot load Noto Serif Regular and Bold from %s\n", fonts);
        return 1;
    }
    expect ex = {.first = 1};
    sc_buf_init(&ex.json);
    sc_buf lines;
    sc_buf_init(&lines);

    sc_layout L = {.arena = a, .npages = 2, .fonts = fs};
    L.pages = sc_arena_calloc(a, 2, sizeof *L.pages);
    for (int p = 0; p < 2; p++) {
        L.pages[p].width = 419.53f; /* A5 */
        L.pages[p].height = 595.28f;
        L.pages[p].number = p; /* a title page without folio, then page 1: labels i, 1 */
    }
    float y = 72;
    sc_buf_puts(&lines, "[");
    for (size_t i = 0; i < sizeof page1 / sizeof *page1; i++, y += 18) {
        add_item(a, &L.pages[0], shape(a, regp, 11, 56, y, page1[i], 0, 0, &ex));
        sc_buf_puts(&lines, i ? ", " : "");
        json_str(&lines, page1[i], strlen(page1[i]));
    }
    /* A justified line: 3 pt more at every space. */
    add_item(a, &L.pages[0], shape(a, regp, 11, 56, y, justified, 3, 0, &ex));
    sc_buf_puts(&lines, ", ");
    json_str(&lines, justified, strlen(justified));
    y += 18;
    /* Two faces, two colours, and a bigger size on one line. */
    sc_item b1 = shape(a, boldp, 14, 56, y, bold_line, 0, 0, &ex);
    b1.u.glyphs.color = (sc_rgb){0.6f, 0.1f, 0.1f};
    add_item(a, &L.pages[0], b1);
    float bw = 0;
    for (size_t i = 0; i < b1.u.glyphs.nglyphs; i++)
        bw += b1.u.glyphs.glyphs[i].x_advance;
    add_item(a, &L.pages[0], shape(a, regp, 11, 56 + bw, y, " và chữ thường", 0, 0, &ex));
    sc_buf_printf(&lines, ", \"%s và chữ thường\"", bold_line);
    y += 18;
    /* A URI link over the first line, an internal link over the justified one. */
    add_item(a, &L.pages[0], (sc_item){.kind = SC_ITEM_LINK,
                                       .u.link = {56, 60, 200, 14, "https://vi.wikipedia.org/wiki/Chữ_Quốc_ngữ", NULL}});
    add_item(a, &L.pages[0], (sc_item){.kind = SC_ITEM_LINK, .u.link = {56, 132, 200, 14, NULL, "fn-1"}});
    add_item(a, &L.pages[0], (sc_item){.kind = SC_ITEM_RULE,
                                       .u.rule = {56, y, 360, y, 0.5f, {0, 0, 0}}});
    add_item(a, &L.pages[0], (sc_item){.kind = SC_ITEM_RECT,
                                       .u.rect = {56, y + 6, 100, 20, 1, {0, 0, 0}, {0.9f, 0.9f, 0.9f}, 1, 1}});
    sc_buf_puts(&lines, "]");

    sc_buf lines2;
    sc_buf_init(&lines2);
    sc_buf_puts(&lines2, "[");
    add_item(a, &L.pages[1], (sc_item){.kind = SC_ITEM_DEST, .u.dest = {"fn-1", 60}});
    add_item(a, &L.pages[1], shape(a, regp, 11, 56, 72, page2[0], 0, 1, &ex));
    json_str(&lines2, page2[0], strlen(page2[0]));
    sc_buf_puts(&lines2, "]");

    sc_outline_entry outline[] = {
        {1, "Hội nghị Đảng bộ", 0, 60},
        {2, "Chữ quốc ngữ", 0, 78},
        {1, "Ghi chú", 1, 60},
    };
    L.outline = outline;
    L.noutline = 3;

    sc_meta meta = {.title = "Hội nghị Đảng bộ Khoa học và Công nghệ", .author = "Nguyễn Văn Ánh",
                    .lang = "vi"};
    sc_pdf_options opts = {.creation_date = 1617321600 /* 2021-04-02 00:00 UTC */,
                           .producer = "sapchu 0.1.0"};
    sc_diag_list d;
    sc_diag_init(&d);
    const char *p1 = sc_arena_printf(a, "%s/writer-1.pdf", out);
    const char *p2 = sc_arena_printf(a, "%s/writer-2.pdf", out);
    CHECK(sc_pdf_write(&L, &meta, &opts, p1, &d) == 0, "first write failed (%zu errors: %s)", d.errors,
          d.count ? d.items[0].message : "");
    CHECK(sc_pdf_write(&L, &meta, &opts, p2, &d) == 0, "second write failed");
    CHECK(d.errors == 0, "diagnostics reported errors");

    job jobs[2];
    pthread_t th[2];
    for (int i = 0; i < 2; i++) {
        jobs[i] = (job){&L, &meta, &opts, sc_arena_printf(a, "%s/writer-thread%d.pdf", out, i), -1, {0}};
        CHECK(pthread_create(&th[i], NULL, write_job, &jobs[i]) == 0, "cannot start a thread");
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(th[i], NULL);
        CHECK(jobs[i].rc == 0 && same_file(jobs[i].path, p1),
              "a write in a thread failed or differs from the one before");
        sc_diag_clear(&jobs[i].diags);
    }

    /* The expectations for the checker. */
    FILE *f = fopen(sc_arena_printf(a, "%s/writer-expect.json", out), "w");
    CHECK(f != NULL, "cannot write the expectations");
    if (f) {
        fprintf(f, "{\n\"title\": \"%s\",\n\"author\": \"%s\",\n\"lines\": [%s, %s],\n"
                   "\"fonts\": [[\"NotoSerif-Regular\", \"CID TrueType\"], [\"NotoSerif-Bold\", \"CID TrueType\"]],\n"
                   /* what must survive extraction: ligatures and mark clusters */
                   "\"needles\": [\"office\", \"affine\", \"x\u0302\", \"\u1e8d\u0303\", \"q\u0303\", \"a \u2260 b\"],\n"
                   "\"glyphs\": [%s\n]\n}\n",
                meta.title, meta.author, lines.data, lines2.data, ex.json.data);
        fclose(f);
    }

    /* Failure paths: each returns -1 with an error and leaves no file. */
    sc_diag_clear(&d);
    sc_diag_init(&d);
    const char *bad = sc_arena_printf(a, "%s/no-such-dir/x.pdf", out);
    CHECK(sc_pdf_write(&L, &meta, &opts, bad, &d) == -1, "writing into a missing directory succeeded");
    CHECK(d.errors == 1, "missing directory: expected one error, got %zu", d.errors);
    struct stat sb;
    CHECK(stat(bad, &sb) != 0, "a file was left behind");

    sc_diag_clear(&d);
    sc_diag_init(&d);
    sc_layout empty = {.arena = a};
    const char *pe = sc_arena_printf(a, "%s/empty.pdf", out);
    CHECK(sc_pdf_write(&empty, &meta, &opts, pe, &d) == -1, "an empty layout was written");
    CHECK(d.errors == 1 && stat(pe, &sb) != 0, "empty layout: expected one error and no file");

    sc_diag_clear(&d);
    sc_diag_init(&d);
    sc_glyph badg = {.gid = 60000, .cluster = 0, .x_advance = 5};
    sc_layout one = {.arena = a, .npages = 1};
    sc_page pg = {.width = 100, .height = 100};
    add_item(a, &pg, (sc_item){.kind = SC_ITEM_GLYPHS,
                               .u.glyphs = {regp, 10, 10, 50, &badg, 1, "x", 1, {0, 0, 0}}});
    one.pages = &pg;
    const char *pb = sc_arena_printf(a, "%s/badglyph.pdf", out);
    CHECK(sc_pdf_write(&one, &meta, &opts, pb, &d) == -1, "a glyph id outside the font was written");
    CHECK(d.errors == 1 && stat(pb, &sb) != 0, "bad glyph: expected one error and no file");
    if (d.count)
        printf("expected error reads: %s\n", d.items[0].message);

    /* A page size libharu refuses is an error, not a crash. */
    sc_diag_clear(&d);
    sc_diag_init(&d);
    pg.width = 1e6f;
    pg.nitems = 0;
    CHECK(sc_pdf_write(&one, &meta, &opts, pb, &d) == -1 && d.errors == 1, "a huge page was accepted");

    sc_diag_clear(&d);
    sc_buf_free(&ex.json);
    sc_buf_free(&lines);
    sc_buf_free(&lines2);
    sc_fontset_free(fs);
    sc_arena_free(a);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    else
        printf("ok: PDFs written to %s\n", out);
    return failures ? 1 : 0;
}
