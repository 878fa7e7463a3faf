/* test_epub_writer.c — builds documents by hand, writes them as EPUBs into OUTDIR and checks what
 * C can check directly (return codes, diagnostics, byte-identical rewrites, time-zone independence,
 * failure leaves no file). tests/epub_writer_check.py then checks the files with epubcheck, zipfile
 * and XML parsing. Beside each NAME.epub it writes NAME.body.txt / NAME.notes.txt: the source text
 * of the document (content, then notes) for the text comparison. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <zip.h>

#include "model/doc.h"
#include "writers/epub/epub.h"

static int failures;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

/* 2021-04-02 10:20:30 UTC */
static const time_t MODIFIED = 1617358830;
static const char CSS[] = "body { font-family: \"Noto Serif\", serif; }\nh1 { font-size: 1.6em; }\n";

/* ---- building documents ------------------------------------------------------------------- */

static sc_node *add(sc_document *d, sc_node *parent, sc_node_type t)
{
    sc_node *n = sc_node_new(d, t);
    sc_node_append(parent, n);
    return n;
}

static sc_node *text(sc_document *d, sc_node *parent, const char *s)
{
    sc_node *n = add(d, parent, SC_NODE_TEXT);
    sc_node_set_text(d, n, s, strlen(s));
    return n;
}

static sc_node *wrap(sc_document *d, sc_node *parent, sc_node_type t, const char *s)
{
    sc_node *n = add(d, parent, t);
    text(d, n, s);
    return n;
}

static sc_node *heading(sc_document *d, sc_node *parent, int level, const char *id, const char *s)
{
    sc_node *h = wrap(d, parent, SC_NODE_HEADING, s);
    h->level = level;
    h->id = id;
    return h;
}

static sc_node *footnote_ref(sc_document *d, sc_node *parent, sc_node *def, const char *id)
{
    sc_node *r = add(d, parent, SC_NODE_FOOTNOTE_REF);
    r->target = def;
    r->number = def->number;
    r->id = id;
    return r;
}

static const char TITLE[] = "Hội nghị & <Đảng bộ> \"KHCN\" 'năm' 2021";

/* Everything the writer handles: preface, split headings, ids that need repair, lists, quote,
 * code, table, inline markup, internal and external links, image, notes, raw HTML, lang, class. */
static sc_document *full_document(void)
{
    sc_document *d = sc_document_new("full.md");
    sc_node *r = d->root;
    d->meta.title = TITLE;
    d->meta.author = "Nguyễn Văn A & B";
    d->meta.lang = "vi";
    d->meta.date = "2021-04-02";

    sc_node *fn1 = sc_node_new(d, SC_NODE_FOOTNOTE_DEF);
    sc_node *fn2 = sc_node_new(d, SC_NODE_FOOTNOTE_DEF);
    fn1->number = 1, fn2->number = 2;

    wrap(d, r, SC_NODE_PARAGRAPH, "Lời nói đầu trước tiêu đề đầu tiên.");
    heading(d, r, 1, "mở-đầu", "Mở đầu");
    sc_node *p = wrap(d, r, SC_NODE_PARAGRAPH, "Văn bản có ");
    wrap(d, p, SC_NODE_EMPH, "nhấn mạnh");
    text(d, p, ", ");
    wrap(d, p, SC_NODE_STRONG, "đậm");
    text(d, p, " và ");
    sc_node *a = wrap(d, p, SC_NODE_LINK, "liên kết ngoài");
    a->url = "https://example.com/a b?q=ấ&x=1";
    a->title = "Ví dụ";
    text(d, p, ", ");
    a = wrap(d, p, SC_NODE_LINK, "liên kết trong");
    a->url = "#kết-luận";
    footnote_ref(d, p, fn1, "fnref-1");
    add(d, p, SC_NODE_SOFT_BREAK);
    sc_node *code = add(d, p, SC_NODE_CODE);
    sc_node_set_text(d, code, "x < y && z", 10);
    text(d, p, " cuối.");
    sc_node *html = add(d, p, SC_NODE_HTML_INLINE);
    sc_node_set_text(d, html, "<span>raw</span>", 16);

    heading(d, r, 2, "2021-tổng kết", "2021: tổng kết");
    sc_node *ol = add(d, r, SC_NODE_LIST);
    ol->list_ordered = 1, ol->list_start = 3, ol->list_tight = 1;
    sc_node *li = add(d, ol, SC_NODE_ITEM);
    wrap(d, li, SC_NODE_PARAGRAPH, "mục ba");
    sc_node *ul = add(d, li, SC_NODE_LIST);
    ul->list_tight = 1;
    wrap(d, add(d, ul, SC_NODE_ITEM), SC_NODE_PARAGRAPH, "mục con");
    li = add(d, ol, SC_NODE_ITEM);
    p = wrap(d, li, SC_NODE_PARAGRAPH, "mục bốn");
    footnote_ref(d, p, fn2, "fnref-2");
    sc_node *q = add(d, r, SC_NODE_BLOCKQUOTE);
    p = wrap(d, q, SC_NODE_PARAGRAPH, "A quoted sentence in English.");
    p->lang = "en";
    p->class_name = "epigraph";

    heading(d, r, 1, "fn-1", "Bảng và mã"); /* collides with a note id: must be renamed */
    code = add(d, r, SC_NODE_CODE_BLOCK);
    static const char code_text[] = "if (a < b && c > d)\n    return \"ấ\";\n";
    sc_node_set_text(d, code, code_text, strlen(code_text));
    code->info = "c {.numberLines}";
    add(d, r, SC_NODE_THEMATIC_BREAK);
    sc_node *t = add(d, r, SC_NODE_TABLE);
    static const char *const cells[2][3] = {{"Tên", "Số", "Ghi chú"}, {"Hà Nội", "1", "thủ đô"}};
    for (int i = 0; i < 2; i++) {
        sc_node *row = add(d, t, SC_NODE_TABLE_ROW);
        row->is_header = i == 0;
        for (int j = 0; j < 3; j++) {
            sc_node *c = wrap(d, row, SC_NODE_TABLE_CELL, cells[i][j]);
            c->align = (sc_cell_align)j + 1;
        }
    }
    sc_node *hb = add(d, r, SC_NODE_HTML_BLOCK);
    sc_node_set_text(d, hb, "<div>raw block</div>\n", 21);
    heading(d, r, 2, NULL, "Tiêu đề không có id");
    heading(d, r, 2, "mở-đầu", "Tiêu đề trùng id");

    heading(d, r, 1, "kết-luận", "Kết luận");
    p = add(d, r, SC_NODE_PARAGRAPH);
    wrap(d, p, SC_NODE_STRIKE, "gạch");
    text(d, p, " H");
    wrap(d, p, SC_NODE_SUB, "2");
    text(d, p, "O x");
    wrap(d, p, SC_NODE_SUP, "2");
    add(d, p, SC_NODE_LINE_BREAK);
    sc_node *img = wrap(d, p, SC_NODE_IMAGE, "ảnh minh hoạ");
    img->url = "hinh.png";
    text(d, p, " ");
    a = wrap(d, p, SC_NODE_LINK, "về đầu");
    a->url = "#m%E1%BB%9F-%C4%91%E1%BA%A7u"; /* "#mở-đầu", percent-encoded */
    text(d, p, " ");
    footnote_ref(d, p, fn2, "fnref-2-2");
    /* links the book cannot hold: written as their text, with a warning (note for relative) */
    static const char *const bad_links[][2] = {{"javascript:alert(1)", "kịch bản"},
                                               {"#không-có", "đích hỏng"},
                                               {"chuong-khac.md", "tệp khác"}};
    for (int i = 0; i < 3; i++) {
        text(d, p, " ");
        a = wrap(d, p, SC_NODE_LINK, bad_links[i][1]);
        a->url = bad_links[i][0];
    }
    p = wrap(d, r, SC_NODE_PARAGRAPH, "Ngôn ngữ hỏng.");
    p->lang = "not a tag";

    sc_node_append(r, fn1);
    fn1->id = "fn-một";
    wrap(d, fn1, SC_NODE_PARAGRAPH, "Chú thích một & <hai>.");
    sc_node_append(r, fn2);
    fn2->id = "fn-hai";
    sc_node *codefn = add(d, fn2, SC_NODE_CODE_BLOCK);
    sc_node_set_text(d, codefn, "mã trong chú thích\n", strlen("mã trong chú thích\n"));
    wrap(d, fn2, SC_NODE_PARAGRAPH, "Đoạn thứ hai của chú thích.");
    sc_document_finish(d);
    return d;
}

/* A plain-text document: paragraphs only, no headings -> one file. */
static sc_document *plain_document(void)
{
    sc_document *d = sc_document_new("plain.txt");
    d->meta.title = "Văn bản thuần";
    for (int i = 0; i < 3; i++) {
        sc_node *p = wrap(d, d->root, SC_NODE_PARAGRAPH, "Đoạn văn bản số");
        add(d, p, SC_NODE_SOFT_BREAK);
        text(d, p, i == 0 ? "một\fcó ký tự điều khiển" : "tiếp theo.");
        sc_node *a = wrap(d, p, SC_NODE_LINK, " https://vi.wikipedia.org/wiki/Việt_Nam");
        a->url = "https://vi.wikipedia.org/wiki/Việt_Nam";
    }
    sc_document_finish(d);
    return d;
}

/* Headings below level 2 only (no split), skipping levels: nav nesting. English. */
static sc_document *deep_document(void)
{
    sc_document *d = sc_document_new("deep.md");
    d->meta.title = "Deep";
    d->meta.lang = "en-GB";
    d->meta.date = "April 2, 2021"; /* not W3CDTF: left out of the package */
    static const int levels[] = {3, 5, 4, 6, 3, 4};
    for (int i = 0; i < 6; i++) {
        char label[32];
        snprintf(label, sizeof label, "Heading %d", i + 1);
        heading(d, d->root, levels[i], i == 2 ? "3 weird: id?" : NULL, label);
        wrap(d, d->root, SC_NODE_PARAGRAPH, "Body text.");
    }
    sc_document_finish(d);
    return d;
}

/* Nothing at all (readers refuse empty input, but the writer must not fail on it). */
static sc_document *empty_document(void)
{
    sc_document *d = sc_document_new("empty.md");
    d->meta.title = "";
    d->meta.lang = "not a tag!";
    sc_document_finish(d);
    return d;
}

/* ---- expected text ------------------------------------------------------------------------- */

static void dump_text(FILE *f, const sc_node *top, int notes)
{
    for (const sc_node *n = top; n;) {
        if (!notes && n->type == SC_NODE_FOOTNOTE_DEF) {
            const sc_node *m = n; /* skip the subtree */
            n = NULL;
            while (m && m != top && !n) {
                n = m->next;
                m = m->parent;
            }
            continue;
        }
        if (sc_node_is_block(n))
            fputc(' ', f);
        if (n->type == SC_NODE_TEXT || n->type == SC_NODE_CODE || n->type == SC_NODE_CODE_BLOCK)
            fwrite(n->text, 1, n->text_len, f);
        else if (n->type == SC_NODE_SOFT_BREAK || n->type == SC_NODE_LINE_BREAK)
            fputc(' ', f);
        n = sc_node_next_preorder(n, top);
    }
}

static void write_expected(const char *dir, const char *name, const sc_document *d)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.body.txt", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f, "cannot write %s", path);
    if (!f)
        return;
    dump_text(f, d->root, 0);
    fclose(f);
    snprintf(path, sizeof path, "%s/%s.notes.txt", dir, name);
    f = fopen(path, "wb");
    CHECK(f, "cannot write %s", path);
    if (!f)
        return;
    for (const sc_node *n = d->root->first_child; n; n = n->next)
        if (n->type == SC_NODE_FOOTNOTE_DEF)
            dump_text(f, n, 1);
    fclose(f);
}

/* ---- writing and checking ------------------------------------------------------------------ */

/* Writes NAME.epub; checks success and that exactly `warnings` warnings came out. */
static int write_epub(const sc_document *d, const char *dir, const char *name, time_t modified,
                      size_t warnings)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.epub", dir, name);
    remove(path);
    sc_epub_options o = {.modified = modified, .css = CSS, .css_len = sizeof CSS - 1,
                         .generator = "sapchu test"};
    sc_diag_list diags;
    sc_diag_init(&diags);
    int rc = sc_epub_write(d, &o, path, &diags);
    CHECK(rc == 0, "%s: sc_epub_write returned %d", name, rc);
    CHECK(diags.errors == 0, "%s: %zu errors", name, diags.errors);
    CHECK(diags.warnings == warnings, "%s: %zu warnings, expected %zu", name, diags.warnings,
          warnings);
    for (size_t i = 0; diags.warnings != warnings && i < diags.count; i++) {
        char *m = sc_diag_format(&diags.items[i]);
        fprintf(stderr, "  diag: %s\n", m);
        free(m);
    }
    sc_diag_clear(&diags);
    return rc;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(n > 0 ? (size_t)n : 1);
    *len = fread(b, 1, n > 0 ? (size_t)n : 0, f);
    fclose(f);
    return b;
}

static void check_same_bytes(const char *dir, const char *a, const char *b)
{
    char pa[1024], pb[1024];
    snprintf(pa, sizeof pa, "%s/%s.epub", dir, a);
    snprintf(pb, sizeof pb, "%s/%s.epub", dir, b);
    size_t la = 0, lb = 0;
    char *da = slurp(pa, &la), *db = slurp(pb, &lb);
    CHECK(da && db, "cannot read %s or %s", pa, pb);
    CHECK(da && db && la == lb && memcmp(da, db, la) == 0, "%s and %s differ", pa, pb);
    free(da);
    free(db);
}

static void check_failure_leaves_nothing(const sc_document *d, const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/no-such-dir/out.epub", dir);
    sc_epub_options o = {.modified = MODIFIED, .css = CSS, .css_len = sizeof CSS - 1};
    sc_diag_list diags;
    sc_diag_init(&diags);
    int rc = sc_epub_write(d, &o, path, &diags);
    CHECK(rc == -1, "writing into a missing folder returned %d", rc);
    CHECK(diags.errors == 1, "writing into a missing folder gave %zu errors", diags.errors);
    for (size_t i = 0; i < diags.count; i++) {
        if (diags.items[i].severity != SC_ERROR)
            continue;
        char *m = sc_diag_format(&diags.items[i]);
        CHECK(strstr(m, "no-such-dir/out.epub") != NULL, "the error does not name the file: %s", m);
        free(m);
    }
    struct stat st;
    CHECK(stat(path, &st) != 0, "a failed write left %s behind", path);
    sc_diag_clear(&diags);

    /* a directory where the file should go: refused, the directory left as it was */
    snprintf(path, sizeof path, "%s/a-directory.epub", dir);
    mkdir(path, 0777);
    sc_diag_init(&diags);
    rc = sc_epub_write(d, &o, path, &diags);
    CHECK(rc == -1 && diags.errors == 1, "writing over a directory returned %d", rc);
    CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode), "the directory was replaced");
    sc_diag_clear(&diags);

    sc_document *bare = sc_document_new("bare.md"); /* no sc_document_finish: no identifier */
    sc_diag_init(&diags);
    snprintf(path, sizeof path, "%s/bare.epub", dir);
    remove(path);
    rc = sc_epub_write(bare, &o, path, &diags);
    CHECK(rc == -1 && diags.errors == 1, "a document without identifier was accepted");
    CHECK(stat(path, &st) != 0, "a refused document left %s behind", path);
    sc_diag_clear(&diags);
    sc_document_free(bare);
}

/* Bytes XML cannot carry: invalid UTF-8, C0 controls, U+FFFF. */
static const char BAD_TEXT[] = "a\xff" "b\x01" "c\xef\xbf\xbf" "d\xc3" "e\x0b" "f";
static const char BAD_TEXT_CLEAN[] = "a\xef\xbf\xbd" "bcd\xef\xbf\xbd" "e f";

static sc_document *bad_bytes_document(void)
{
    sc_document *d = sc_document_new("bad.txt");
    d->meta.title = "Bad \x02 bytes \xfe";
    wrap(d, d->root, SC_NODE_PARAGRAPH, BAD_TEXT);
    sc_document_finish(d);
    return d;
}

/* The text of one entry of an EPUB, read back with libzip (NULL when missing). */
static char *read_entry(const char *path, const char *name)
{
    zip_t *za = zip_open(path, ZIP_RDONLY, NULL);
    if (!za)
        return NULL;
    zip_stat_t st;
    char *text = NULL;
    zip_file_t *f = zip_stat(za, name, 0, &st) == 0 ? zip_fopen(za, name, 0) : NULL;
    if (f) {
        text = calloc(1, st.size + 1);
        if (zip_fread(f, text, st.size) != (zip_int64_t)st.size) {
            free(text);
            text = NULL;
        }
        zip_fclose(f);
    }
    zip_close(za);
    return text;
}

static void check_bad_bytes(const char *dir)
{
    sc_document *d = bad_bytes_document();
    write_epub(d, dir, "bad-bytes", MODIFIED, 0);
    char path[1024];
    snprintf(path, sizeof path, "%s/bad-bytes.epub", dir);
    char *x = read_entry(path, "EPUB/ch001.xhtml");
    CHECK(x && strstr(x, BAD_TEXT_CLEAN), "bad bytes were not cleaned: %s", x ? x : "(missing)");
    free(x);
    x = read_entry(path, "EPUB/package.opf");
    CHECK(x && strstr(x, "<dc:title>Bad  bytes \xef\xbf\xbd</dc:title>"), "title not cleaned: %s",
          x ? x : "(missing)");
    free(x);
    sc_document_free(d);
}

/* ---- random trees ---------------------------------------------------------------------------
 * Nonsense trees (any node type under any other, odd levels, duplicate or invalid ids, dangling
 * note references, bad languages) must still give a valid EPUB: the first few are kept for
 * epubcheck, all of them run under the sanitizers. A fixed-seed generator keeps runs repeatable. */

static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(rng_state >> 33) % n;
}

static void random_children(sc_document *d, sc_node *parent, int depth, sc_node **defs, int ndefs)
{
    static const char *const texts[] = {"chữ", "a & b < c > d", "Ấ ậ ỗ", " ", "", "x\ty",
                                        "https://example.com", "\"q\" 'q'"};
    static const char *const ids[] = {NULL, "a", "a", "1x", "fn-1", "hội nghị", "x:y", "", "-"};
    static const char *const urls[] = {"#a", "#1x", "#nope", "https://e.com/ấ b", "rel.md", "",
                                       "mailto:a@b.c", "#fn-1", "JavaScript:x()"};
    static const char *const langs[] = {NULL, NULL, "en", "vi-VN", "bad lang", "zh-Hant-TW"};
    int count = (int)rnd(depth > 4 ? 2 : 5);
    for (int i = 0; i < count; i++) {
        sc_node_type t = (sc_node_type)(1 + rnd(SC_NODE_TYPE_COUNT - 1));
        sc_node *n = add(d, parent, t);
        n->level = (int)rnd(9) - 1;
        n->list_ordered = (int)rnd(2);
        n->list_start = (int)rnd(7) - 3;
        n->list_tight = (int)rnd(2);
        n->is_header = (int)rnd(2);
        n->align = (sc_cell_align)rnd(6);
        n->id = ids[rnd(sizeof ids / sizeof ids[0])];
        n->lang = langs[rnd(sizeof langs / sizeof langs[0])];
        n->class_name = rnd(4) == 0 ? "c1 c2" : NULL;
        if (t == SC_NODE_LINK || t == SC_NODE_IMAGE)
            n->url = urls[rnd(sizeof urls / sizeof urls[0])];
        if (t == SC_NODE_CODE_BLOCK)
            n->info = rnd(2) ? "py extra" : NULL;
        if (t == SC_NODE_FOOTNOTE_REF) {
            n->target = ndefs ? defs[rnd((unsigned)ndefs + 1) % (unsigned)ndefs] : NULL;
            n->number = n->target ? n->target->number : (int)rnd(5);
        }
        if (t == SC_NODE_FOOTNOTE_DEF)
            n->number = (int)rnd(4);
        if (t == SC_NODE_TEXT || t == SC_NODE_CODE || t == SC_NODE_CODE_BLOCK ||
            t == SC_NODE_HTML_BLOCK || t == SC_NODE_HTML_INLINE) {
            const char *s = texts[rnd(sizeof texts / sizeof texts[0])];
            sc_node_set_text(d, n, s, strlen(s));
        } else if (depth < 7) {
            random_children(d, n, depth + 1, defs, ndefs);
        }
    }
}

static sc_document *random_document(int k)
{
    rng_state = 0x5eed0000ULL + (unsigned long long)k;
    sc_document *d = sc_document_new("random.md");
    d->meta.title = rnd(3) ? "Ngẫu nhiên & <thử>" : NULL;
    d->meta.author = rnd(2) ? "Tác giả" : NULL;
    d->meta.date = rnd(2) ? "2021-02-29" : "2024-02-29";
    sc_node *defs[4];
    int ndefs = (int)rnd(4);
    for (int i = 0; i < ndefs; i++) {
        defs[i] = sc_node_new(d, SC_NODE_FOOTNOTE_DEF);
        defs[i]->number = i + 1;
        defs[i]->id = "fn-x";
        text(d, add(d, defs[i], SC_NODE_PARAGRAPH), "ghi chú");
    }
    random_children(d, d->root, 0, defs, ndefs);
    for (int i = 0; i < ndefs; i++)
        if (rnd(4)) /* some definitions stay outside the tree: their references dangle */
            sc_node_append(d->root, defs[i]);
    sc_document_finish(d);
    return d;
}

static void check_random_trees(const char *dir)
{
    for (int k = 0; k < 60; k++) {
        sc_document *d = random_document(k);
        char name[32];
        snprintf(name, sizeof name, "random-%d", k);
        char path[1024];
        snprintf(path, sizeof path, "%s/%s.epub", dir, name);
        sc_epub_options o = {.modified = MODIFIED};
        sc_diag_list diags;
        sc_diag_init(&diags);
        int rc = sc_epub_write(d, &o, path, &diags);
        CHECK(rc == 0 && diags.errors == 0, "random tree %d: rc %d, %zu errors", k, rc,
              diags.errors);
        sc_diag_clear(&diags);
        sc_document_free(d);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1];
    mkdir(dir, 0777);

    sc_document *full = full_document();
    /* 3 warnings: the two links the book cannot hold, and the picture hinh.png, which a document
     * without a folder cannot package (its alt text stands in) */
    write_epub(full, dir, "full", MODIFIED, 3);
    write_expected(dir, "full", full);
    write_epub(full, dir, "full-again", MODIFIED, 3);
    check_same_bytes(dir, "full", "full-again");
    /* ZIP times are local times: the bytes must not depend on the time zone */
    setenv("TZ", "America/New_York", 1);
    tzset();
    write_epub(full, dir, "full-tz", MODIFIED, 3);
    setenv("TZ", "Asia/Ho_Chi_Minh", 1);
    tzset();
    write_epub(full, dir, "full-tz2", MODIFIED, 3);
    check_same_bytes(dir, "full", "full-tz");
    check_same_bytes(dir, "full", "full-tz2");
    write_epub(full, dir, "full-later", MODIFIED + 86400 * 400, 3);
    check_failure_leaves_nothing(full, dir);
    sc_document_free(full);

    static const struct {
        const char *name;
        sc_document *(*make)(void);
        size_t warnings;
    } others[] = {{"plain", plain_document, 0}, {"deep", deep_document, 0},
                  {"empty", empty_document, 1 /* the language */}};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        sc_document *d = others[i].make();
        write_epub(d, dir, others[i].name, 0, others[i].warnings); /* 1970: before ZIP's epoch */
        write_expected(dir, others[i].name, d);
        sc_document_free(d);
    }
    check_bad_bytes(dir);
    check_random_trees(dir);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
