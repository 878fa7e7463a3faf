/* test_readers_samples.c — the real samples read as intended: the article as plain text (and the
 * same article decomposed to NFD gives the same tree), its Markdown version and the English
 * Markdown sample, with the metadata and block kinds each sample is meant to show.
 * Usage: test_readers_samples SAMPLES_DIR */
#include <utf8proc.h>

#include "readers_testlib.h"

static read_result read_sample(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    sc_buf b;
    sc_buf_init(&b);
    if (sc_buf_read_file(&b, path, (size_t)1 << 30) != 0) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    read_result r = read_doc(name, b.data ? b.data : "", b.len, sc_input_format_from_name(name));
    for (size_t i = 0; i < r.diags.count; i++) {
        char *m = sc_diag_format(&r.diags.items[i]);
        fprintf(stderr, "%s\n", m);
        free(m);
    }
    CHECK(r.rc == 0 && r.diags.count == 0, "%s: rc %d with %zu diagnostics", name, r.rc,
          r.diags.count);
    sc_buf_free(&b);
    return r;
}

/* How many nodes of `type` the document holds. */
static int count(const sc_document *doc, sc_node_type type)
{
    int n = 0;
    for (const sc_node *x = doc->root; x; x = sc_node_next_preorder(x, doc->root))
        n += x->type == type;
    return n;
}

static void test_article_text(const char *dir)
{
    read_result r = read_sample(dir, "hoi-nghi-dang-bo-khcn-2021.txt");
    CHECK_STR(r.doc->meta.title, "Toàn cảnh Hội nghị Ban Chấp hành Đảng bộ Bộ KH&CN mở rộng quý I/2021.");
    CHECK_INT(count(r.doc, SC_NODE_PARAGRAPH), 16);
    CHECK_INT(count(r.doc, SC_NODE_HEADING), 0);
    CHECK_INT(count(r.doc, SC_NODE_LINK), 1);
    const sc_node *last = r.doc->root->last_child;
    CHECK(last && last->last_child && last->last_child->type == SC_NODE_LINK &&
              strcmp(last->last_child->url, "https://www.most.gov.vn/vn/tin-tuc/19995/"
                                            "hoi-nghi-ban-chap-hanh-dang-bo-bo-khcn-mo-rong-quy-i-2021.aspx") == 0,
          "the source URL is not the last paragraph's link");
    char *nfc_dump = dump_tree(r.doc, 1);

    /* the same file decomposed (as macOS or Word may save it) */
    char path[4096];
    snprintf(path, sizeof path, "%s/hoi-nghi-dang-bo-khcn-2021.txt", dir);
    sc_buf b;
    sc_buf_init(&b);
    sc_buf_read_file(&b, path, (size_t)1 << 30);
    utf8proc_uint8_t *nfd = utf8proc_NFD((const utf8proc_uint8_t *)b.data);
    CHECK(nfd && strlen((char *)nfd) > b.len, "NFD did not decompose the article");
    read_result d = read_doc("nfd.txt", (const char *)nfd, strlen((char *)nfd), SC_INPUT_TEXT);
    char *nfd_dump = dump_tree(d.doc, 1);
    CHECK(strcmp(nfc_dump, nfd_dump) == 0, "the NFD article gives another tree");
    CHECK_STR(d.doc->meta.title, r.doc->meta.title);
    free(nfd);
    free(nfc_dump);
    free(nfd_dump);
    sc_buf_free(&b);
    read_free(&d);
    read_free(&r);
}

static void test_article_markdown(const char *dir)
{
    read_result r = read_sample(dir, "hoi-nghi-dang-bo-khcn-2021.md");
    CHECK_STR(r.doc->meta.title, "Hội nghị Ban Chấp hành Đảng bộ Bộ KH&CN mở rộng quý I/2021");
    CHECK_STR(r.doc->meta.author, "Bộ Khoa học và Công nghệ");
    CHECK_STR(r.doc->meta.date, "2021-04-02");
    CHECK_STR(r.doc->meta.lang, "vi");
    CHECK(count(r.doc, SC_NODE_HEADING) >= 2, "fewer than two headings");
    CHECK_INT(count(r.doc, SC_NODE_LIST), 1);
    CHECK_INT(count(r.doc, SC_NODE_ITEM), 4);
    CHECK_INT(count(r.doc, SC_NODE_BLOCKQUOTE), 1);
    CHECK(count(r.doc, SC_NODE_EMPH) >= 1, "no emphasis");
    CHECK_INT(count(r.doc, SC_NODE_LINK), 1);
    CHECK_INT(count(r.doc, SC_NODE_FOOTNOTE_REF), 1);
    CHECK_INT(count(r.doc, SC_NODE_FOOTNOTE_DEF), 1);
    CHECK(r.doc->root->last_child->type == SC_NODE_FOOTNOTE_DEF, "the note is not at the end");
    const sc_node *h = NULL;
    for (const sc_node *n = r.doc->root->first_child; n && !h; n = n->next)
        if (n->type == SC_NODE_HEADING)
            h = n;
    CHECK(h && h->level == 2 && h->id && strcmp(h->id, "kết-quả-công-tác-quý-i2021") == 0,
          "first heading id is %s", h && h->id ? h->id : "(none)");
    read_free(&r);
}

static void test_english_markdown(const char *dir)
{
    read_result r = read_sample(dir, "typesetting-notes.en.md");
    CHECK_STR(r.doc->meta.lang, "en");
    CHECK(r.doc->meta.title && r.doc->meta.author, "title or author missing");
    CHECK_INT(count(r.doc, SC_NODE_TABLE), 1);
    CHECK_INT(count(r.doc, SC_NODE_CODE_BLOCK), 1);
    CHECK(count(r.doc, SC_NODE_STRONG) >= 1 && count(r.doc, SC_NODE_EMPH) >= 1, "no emphasis");
    CHECK(count(r.doc, SC_NODE_LINK) >= 1, "no link");
    CHECK_INT(count(r.doc, SC_NODE_FOOTNOTE_DEF), 1);
    int aligned = 0, nested = 0;
    for (const sc_node *n = r.doc->root; n; n = sc_node_next_preorder(n, r.doc->root)) {
        aligned |= 1 << (n->type == SC_NODE_TABLE_CELL ? (int)n->align : 0);
        if (n->type == SC_NODE_LIST && !n->list_ordered && n->parent &&
            n->parent->type == SC_NODE_ITEM && n->parent->parent->list_ordered)
            nested = 1;
    }
    CHECK(aligned & (1 << SC_CELL_ALIGN_RIGHT) && aligned & (1 << SC_CELL_ALIGN_CENTER),
          "table lacks right or centre alignment");
    CHECK(nested, "no bullet list nested in an ordered list");
    read_free(&r);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SAMPLES_DIR\n", argv[0]);
        return 2;
    }
    test_article_text(argv[1]);
    test_article_markdown(argv[1]);
    test_english_markdown(argv[1]);
    return test_summary("test_readers_samples");
}
