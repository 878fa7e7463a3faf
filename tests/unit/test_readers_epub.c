/* test_readers_epub.c — the EPUB reader on the fixtures: books written by pandoc (metadata, spine
 * order, ids namespaced per file with links rewritten, notes, pictures as resources, page breaks
 * between documents) and hostile or wrong packages (references leaving the package, a zip that is
 * not an EPUB, bytes that are not a zip, encrypted text, a document that is not a page). Usage: test_readers_epub FIXTURES_DIR */
#include "html_testlib.h"

static const char *fixtures;

static read_result read_fixture(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", fixtures, name);
    sc_buf b;
    sc_buf_init(&b);
    if (sc_buf_read_file(&b, path, (size_t)64 << 20) != 0) {
        fprintf(stderr, "cannot read fixture %s\n", path);
        test_failures++;
    }
    read_result r = read_doc(name, b.data ? b.data : "", b.len, SC_INPUT_EPUB);
    sc_buf_free(&b);
    return r;
}

static const sc_node *find_id(const sc_document *doc, const char *id)
{
    for (const sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        if (n->id && strcmp(n->id, id) == 0)
            return n;
    return NULL;
}

static int count_type(const sc_document *doc, sc_node_type t)
{
    int k = 0;
    for (const sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        k += n->type == t;
    return k;
}

/* Every internal link points at an id the tree has. */
static void check_links_resolve(const sc_document *doc, const char *name)
{
    int links = 0;
    for (const sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
        if (n->type != SC_NODE_LINK || !n->url || n->url[0] != '#')
            continue;
        links++;
        CHECK(find_id(doc, n->url + 1) != NULL, "%s: link %s has no target in the tree", name,
              n->url);
    }
    CHECK(links > 0, "%s: internal links were found", name);
}

static void test_features(void)
{
    read_result r = read_fixture("epub/features.epub");
    CHECK_INT(r.rc, 0);
    if (r.rc != 0) {
        print_diags(&r);
        read_free(&r);
        return;
    }
    sc_document *doc = r.doc;
    CHECK_STR(doc->meta.title, "Reader Features");
    CHECK_STR(doc->meta.author, "The sapchu tests");
    CHECK_STR(doc->meta.lang, "en");
    CHECK_STR(doc->meta.date, "2021-03-31");
    /* the picture is a resource named by its package path, and the image points at it */
    const sc_resource *res = sc_document_find_resource(doc, "EPUB/media/file0.png");
    CHECK(res != NULL, "the picture became a resource");
    if (res) {
        CHECK_STR(res->mime, "image/png");
        CHECK(res->len > 8 && memcmp(res->data, "\x89PNG", 4) == 0, "the resource holds the PNG");
    }
    int images = 0;
    for (const sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        if (n->type == SC_NODE_IMAGE) {
            images++;
            CHECK_STR(n->url, "EPUB/media/file0.png");
            CHECK_STR(sc_node_plain_text(doc, n), "A red swatch");
        }
    CHECK_INT(images, 1);
    /* ids are namespaced per document; links between documents point at them */
    CHECK(find_id(doc, "ch002-the-table") != NULL, "section id of chapter 2 namespaced");
    CHECK(find_id(doc, "ch001-blocks-and-inlines") != NULL, "section id of chapter 1 namespaced");
    check_links_resolve(doc, "features.epub");
    /* two notes, numbered in reference order, at the end, back links gone */
    CHECK_INT(count_type(doc, SC_NODE_FOOTNOTE_DEF), 2);
    CHECK_INT(count_type(doc, SC_NODE_FOOTNOTE_REF), 2);
    const sc_node *last = doc->root->last_child;
    CHECK(last && last->type == SC_NODE_FOOTNOTE_DEF && last->number == 2, "notes come last");
    char *text = sc_node_plain_text(doc, doc->root);
    CHECK(!strstr(text, "\xE2\x86\xA9"), "back links are dropped");
    CHECK(strstr(text, "Tiếng Việt có dấu thanh") != NULL, "the text is there");
    /* spine order: title page, chapter 1, chapter 2; each document after the first on a new page */
    const char *t1 = strstr(text, "Blocks and inlines"), *t2 = strstr(text, "Tables and figures");
    CHECK(t1 && t2 && t1 < t2, "the chapters are in spine order");
    int breaks = 0;
    for (const sc_node *c = doc->root->first_child; c; c = c->next)
        breaks += c->style_attr && strstr(c->style_attr, "page-break-before: always") != NULL;
    CHECK_INT(breaks, 2);
    /* the span's language survives */
    int vi = 0;
    for (const sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        vi += n->lang && strcmp(n->lang, "vi") == 0;
    CHECK(vi >= 2, "lang=vi on the span and the div (%d found)", vi);
    read_free(&r);
}

static void test_escape(void)
{
    read_result r = read_fixture("epub/escape.epub");
    CHECK_INT(r.rc, 0);
    sc_document *doc = r.doc;
    char *text = sc_node_plain_text(doc, doc->root);
    CHECK(!strstr(text, "OUTSIDE"), "a spine item outside the package is not read");
    CHECK(!strstr(text, "NONLINEAR"), "non-linear spine items are left out");
    CHECK(strstr(text, "Chương một") && strstr(text, "Chapter two"), "both chapters are read: %s",
          text);
    CHECK(doc->resources == NULL, "no resource from outside the package or a missing one");
    CHECK_STR(doc->meta.author, "Một, Hai");
    CHECK_STR(doc->meta.lang, "vi");
    /* chapter ids do not clash; a link to a whole document goes to its first block */
    CHECK(find_id(doc, "c1-start") && find_id(doc, "c_2-start"), "ids are namespaced per file");
    CHECK(find_id(doc, "c_2-end") != NULL, "percent-encoded file names resolve");
    check_links_resolve(doc, "escape.epub");
    /* the English chapter keeps its language */
    const sc_node *h2 = find_id(doc, "c_2-start");
    CHECK(h2 && h2->lang && strcmp(h2->lang, "en") == 0, "chapter 2's lang is en");
    CHECK(has_diag(&r, SC_WARNING, "none.png"), "the missing picture is reported");
    read_free(&r);
}

static void test_not_epub(void)
{
    read_result r = read_fixture("epub/not-an-epub.epub");
    CHECK_INT(r.rc, -1);
    CHECK(has_diag(&r, SC_ERROR, "not an EPUB"), "a zip without container.xml is named");
    read_free(&r);

    const char text[] = "just some text, not a zip";
    r = read_doc("x.epub", text, sizeof text - 1, SC_INPUT_EPUB);
    CHECK_INT(r.rc, -1);
    CHECK(has_diag(&r, SC_ERROR, "not a zip archive"), "bytes that are not a zip are named");
    read_free(&r);

    r = read_doc("x.epub", "", 0, SC_INPUT_EPUB);
    CHECK_INT(r.rc, -1);
    read_free(&r);
}

static void test_damaged(void)
{
    read_result r = read_fixture("epub/encrypted.epub");
    CHECK_INT(r.rc, -1);
    CHECK(has_diag(&r, SC_ERROR, "encrypted (DRM)"), "encrypted text is named as such");
    read_free(&r);

    /* one document that is not a page: a warning, the rest of the book is read */
    r = read_fixture("epub/damaged-part.epub");
    CHECK_INT(r.rc, 0);
    CHECK(first_diag(&r, SC_ERROR) == NULL, "no error for one bad document");
    CHECK(has_diag(&r, SC_WARNING, "document left out"), "the bad document is reported");
    CHECK(r.rc == 0 && strstr(sc_node_plain_text(r.doc, r.doc->root), "Chapter two"),
          "the other document is read");
    read_free(&r);
}

static void test_pandoc_books(void)
{
    static const char *const books[] = {"epub/typesetting-notes.epub",
                                        "epub/hoi-nghi-dang-bo-khcn-2021.epub"};
    for (size_t i = 0; i < sizeof books / sizeof *books; i++) {
        read_result r = read_fixture(books[i]);
        CHECK(r.rc == 0, "%s reads", books[i]);
        if (r.rc == 0) {
            CHECK(tree_consistent(r.doc->root), "%s: tree pointers agree", books[i]);
            CHECK(count_type(r.doc, SC_NODE_HEADING) >= 3, "%s: headings", books[i]);
            CHECK(count_type(r.doc, SC_NODE_FOOTNOTE_DEF) >= 1, "%s: notes", books[i]);
            for (const sc_node *n = r.doc->root; n; n = sc_node_next_preorder(n, r.doc->root))
                CHECK(n->type != SC_NODE_FOOTNOTE_REF || n->target, "%s: a reference without a note",
                      books[i]);
        }
        read_free(&r);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_readers_epub FIXTURES_DIR\n");
        return 2;
    }
    fixtures = argv[1];
    test_features();
    test_escape();
    test_not_epub();
    test_damaged();
    test_pandoc_books();
    return test_summary("test_readers_epub");
}
