/* test_readers_office.c — the DOCX and ODT readers on the fixtures in tests/fixtures/office
 * (written by pandoc, and hand-made by make-fixtures.py) and on packages made here in memory
 * (hostile XML, too many entries, oversized parts). Usage: test_readers_office FIXTURES_DIR */
#include <zip.h>

#include "readers_testlib.h"

static const char *fixtures;

static read_result read_with_opts(const char *name, const char *data, size_t len,
                                  sc_input_format f, const sc_read_options *opts)
{
    read_result r;
    r.doc = sc_document_new(name);
    sc_diag_init(&r.diags);
    r.rc = sc_read_with(r.doc, data, len, f, opts, &r.diags);
    return r;
}

static read_result read_fixture_opts(const char *name, const sc_read_options *opts)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/office/%s", fixtures, name);
    sc_buf b;
    sc_buf_init(&b);
    if (sc_buf_read_file(&b, path, (size_t)64 << 20) != 0) {
        fprintf(stderr, "cannot read fixture %s\n", path);
        test_failures++;
    }
    read_result r = read_with_opts(name, b.data ? b.data : "", b.len, SC_INPUT_AUTO, opts);
    sc_buf_free(&b);
    CHECK(tree_consistent(r.doc->root), "%s: tree pointers disagree", name);
    return r;
}

static read_result read_fixture(const char *name)
{
    return read_fixture_opts(name, NULL);
}

static int count_type(const sc_document *doc, sc_node_type t)
{
    int k = 0;
    for (const sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        k += n->type == t;
    return k;
}

static const sc_node *nth_of_type(const sc_document *doc, sc_node_type t, int nth)
{
    for (const sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root))
        if (n->type == t && nth-- == 0)
            return n;
    return NULL;
}

static const char *error_text(const read_result *r)
{
    const sc_diag *d = first_diag(r, SC_ERROR);
    return d ? d->message : "";
}

/* Every internal link points at an id the tree has. */
static int links_resolve(const sc_document *doc)
{
    for (const sc_node *n = doc->root; n; n = sc_node_next_preorder(n, doc->root)) {
        if (n->type != SC_NODE_LINK || n->url[0] != '#')
            continue;
        int found = 0;
        for (const sc_node *m = doc->root; m && !found; m = sc_node_next_preorder(m, doc->root))
            found = m->id && strcmp(m->id, n->url + 1) == 0;
        if (!found) {
            fprintf(stderr, "link %s has no target\n", n->url);
            return 0;
        }
    }
    return 1;
}

/* ---- the same document written by pandoc as DOCX and as ODT ---- */

static void test_features(const char *name)
{
    read_result r = read_fixture(name);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.doc->meta.title, "Reader Features");
    CHECK_STR(r.doc->meta.author, "The sapchu tests");
    CHECK_STR(r.doc->meta.lang, "en");
    CHECK_INT(count_type(r.doc, SC_NODE_HEADING), 4);
    const sc_node *h = nth_of_type(r.doc, SC_NODE_HEADING, 1);
    CHECK(h && h->level == 2 && h->id && strcmp(h->id, "lists") == 0, "%s: second heading", name);
    CHECK_INT(count_type(r.doc, SC_NODE_LIST), 3);
    CHECK_INT(count_type(r.doc, SC_NODE_ITEM), 7);
    const sc_node *l = nth_of_type(r.doc, SC_NODE_LIST, 0);
    CHECK(l && l->list_ordered && l->list_start == 3, "%s: the first list is numbered from 3", name);
    l = nth_of_type(r.doc, SC_NODE_LIST, 1);
    CHECK(l && l->parent->type == SC_NODE_ITEM, "%s: the second list is nested", name);
    l = nth_of_type(r.doc, SC_NODE_LIST, 2);
    CHECK(l && !l->list_ordered, "%s: the third list has bullets", name);
    CHECK_INT(count_type(r.doc, SC_NODE_TABLE_ROW), 3);
    CHECK_INT(count_type(r.doc, SC_NODE_TABLE_CELL), 9);
    const sc_node *row = nth_of_type(r.doc, SC_NODE_TABLE_ROW, 0);
    CHECK(row && row->is_header, "%s: the first row is the header", name);
    const sc_node *cell = nth_of_type(r.doc, SC_NODE_TABLE_CELL, 1);
    CHECK(cell && cell->align == SC_CELL_ALIGN_RIGHT, "%s: the Count column is right-aligned", name);
    CHECK_INT(count_type(r.doc, SC_NODE_FOOTNOTE_DEF), 2);
    CHECK_INT(count_type(r.doc, SC_NODE_FOOTNOTE_REF), 2);
    const sc_node *def = nth_of_type(r.doc, SC_NODE_FOOTNOTE_DEF, 1);
    CHECK(def && def->number == 2 && def->parent == r.doc->root && !def->next,
          "%s: the notes are at the end, numbered", name);
    CHECK_STR(def ? sc_node_plain_text(r.doc, def) : NULL, "The second footnote.");
    CHECK_INT(count_type(r.doc, SC_NODE_IMAGE), 1);
    const sc_node *img = nth_of_type(r.doc, SC_NODE_IMAGE, 0);
    const sc_resource *res = img ? sc_document_find_resource(r.doc, img->url) : NULL;
    CHECK(res && strcmp(res->mime, "image/png") == 0 && res->len == 106,
          "%s: the picture is a PNG resource", name);
    const sc_node *cap = nth_of_type(r.doc, SC_NODE_FIGCAPTION, 0);
    CHECK(cap && cap->parent->type == SC_NODE_FIGURE && cap->prev &&
              cap->prev->first_child == img && strcmp(sc_node_plain_text(r.doc, cap), "A red swatch") == 0,
          "%s: the picture and its caption are a figure", name);
    const sc_node *code = nth_of_type(r.doc, SC_NODE_CODE_BLOCK, 0);
    CHECK_STR(code ? code->text : NULL, "def hello():\n    return \"xin chào\"\n");
    const sc_node *link = nth_of_type(r.doc, SC_NODE_LINK, 0);
    CHECK_STR(link ? link->url : NULL, "https://example.org/page");
    CHECK(links_resolve(r.doc), "%s: internal links resolve", name);
    CHECK_INT(count_type(r.doc, SC_NODE_EMPH) >= 1 && count_type(r.doc, SC_NODE_STRONG) >= 1 &&
                  count_type(r.doc, SC_NODE_STRIKE) == 1 && count_type(r.doc, SC_NODE_SUB) == 1 &&
                  count_type(r.doc, SC_NODE_SUP) == 1 && count_type(r.doc, SC_NODE_CODE) == 1,
              1);
    CHECK_INT(count_type(r.doc, SC_NODE_BLOCKQUOTE), 1);
    CHECK_INT(count_type(r.doc, SC_NODE_DEF_TERM), 2);
    const sc_node *nested = nth_of_type(r.doc, SC_NODE_LIST, 1);
    CHECK_STR(nested ? nested->style_attr : NULL, "list-style-type: lower-alpha");
    const sc_node *vi = nth_of_type(r.doc, SC_NODE_SPAN, 0);
    if (strstr(name, ".odt")) /* pandoc marks the language of spans in ODT only */
        CHECK_STR(vi ? vi->lang : NULL, "vi");
    CHECK_INT(r.diags.errors + r.diags.warnings, 0);
    read_free(&r);
}

/* ---- hand-made Word features ---- */

static const char *word_features_tree =
    "paragraph\n"
    "  text \"Word Features\"\n"
    "heading h1 #first\n"
    "  text \"First chapter\"\n"
    "paragraph\n"
    "  text \"Plain, \"\n"
    "  strong\n"
    "    text \"styled strong\"\n"
    "  text \" \"\n"
    "  span\n"
    "    text \"underlined\"\n"
    "  text \" and \"\n"
    "  strike\n"
    "    text \"struck\"\n"
    "  text \" after a tab. Inserted. Hanoi custom control.\"\n"
    "paragraph\n"
    "  link <https://example.org/simple>\n"
    "    text \"simple field\"\n"
    "  text \", \"\n"
    "  link <https://example.org/complex>\n"
    "    text \"complex field\"\n"
    "  text \", 7, \"\n"
    "  link <#first>\n"
    "    text \"back to the chapter\"\n"
    "  text \".\"\n"
    "  footnote_ref n=1 -> fn-1 #fnref-1\n"
    "paragraph\n"
    "  text \"Fallback text once.\"\n"
    "paragraph\n"
    "  text \"Before the box. \"\n"
    "  line_break\n"
    "  text \"Text in a box.\"\n"
    "list ordered start=4 loose\n"
    "  item\n"
    "    paragraph\n"
    "      text \"four\"\n"
    "  item\n"
    "    paragraph\n"
    "      text \"five\"\n"
    "    list bullet loose\n"
    "      item\n"
    "        paragraph\n"
    "          text \"nested bullet\"\n"
    "paragraph\n"
    "  text \"Between the items: \"\n"
    "  span\n"
    "    text \"tiếng Việt\"\n"
    "  text \" and a \"\n"
    "  link <https://example.org/tip> title=\"A tip\"\n"
    "    text \"tooltip link\"\n"
    "  text \".\"\n"
    "list ordered start=6 loose\n"
    "  item\n"
    "    paragraph\n"
    "      text \"six\"\n"
    "heading h2 #outline-heading\n"
    "  text \"Outline heading\"\n"
    "table\n"
    "  table_row header\n"
    "    table_cell align=none\n"
    "      text \"Wide head\"\n"
    "    table_cell align=none\n"
    "      text \"C\"\n"
    "  table_row\n"
    "    table_cell align=none\n"
    "      text \"tall\"\n"
    "    table_cell align=none\n"
    "      text \"b1\"\n"
    "    table_cell align=none\n"
    "      text \"c1\"\n"
    "  table_row\n"
    "    table_cell align=none\n"
    "      text \"b2\"\n"
    "    table_cell align=none\n"
    "      text \"c2\"\n"
    "paragraph\n"
    "  text \"After the page break.\"\n"
    "footnote_def n=1 #fn-1\n"
    "  paragraph\n"
    "    text \"The endnote.\"\n";

static void test_word_features(void)
{
    read_result r = read_fixture("word-features.docx");
    CHECK_INT(r.rc, 0);
    char *tree = dump_tree(r.doc, 0);
    CHECK_STR(tree, word_features_tree);
    free(tree);
    CHECK_STR(r.doc->meta.title, "Word Features");
    CHECK_STR(r.doc->meta.author, "sapchu tests");
    CHECK_STR(r.doc->meta.lang, "en-GB"); /* from the styles' defaults */
    const sc_node *title = r.doc->root->first_child;
    CHECK_STR(title->class_name, "title");
    const sc_node *wide = nth_of_type(r.doc, SC_NODE_TABLE_CELL, 0);
    CHECK_INT(wide->colspan, 2);
    const sc_node *tall = nth_of_type(r.doc, SC_NODE_TABLE_CELL, 2);
    CHECK_INT(tall->rowspan, 2);
    const sc_node *span = nth_of_type(r.doc, SC_NODE_SPAN, 0);
    CHECK_STR(span ? span->element : NULL, "u");
    span = nth_of_type(r.doc, SC_NODE_SPAN, 1);
    CHECK_STR(span ? span->lang : NULL, "vi"); /* a run in another language */
    CHECK(links_resolve(r.doc), "word-features.docx: internal links resolve");
    read_free(&r);
}

static const char *odt_features_tree =
    "heading h2 #start\n"
    "  text \"A heading by its style\"\n"
    "paragraph\n"
    "  text \"Spaces collapse,  kept tab\"\n"
    "  line_break\n"
    "  text \"new line \"\n"
    "  strong\n"
    "    emph\n"
    "      text \"bold italic\"\n"
    "  text \" \"\n"
    "  span\n"
    "    text \"under\"\n"
    "  text \" \"\n"
    "  strike\n"
    "    text \"struck\"\n"
    "  text \" H\"\n"
    "  sub\n"
    "    text \"2\"\n"
    "  text \"O\"\n"
    "  footnote_ref n=1 -> fn-1 #fnref-1\n"
    "  text \" \"\n"
    "  link <#start>\n"
    "    text \"back\"\n"
    "  text \".\"\n"
    "list ordered start=1 tight\n"
    "  item\n"
    "    paragraph\n"
    "      text \"one\"\n"
    "  item\n"
    "    paragraph\n"
    "      text \"two\"\n"
    "    list ordered start=1 tight\n"
    "      item\n"
    "        paragraph\n"
    "          text \"roman\"\n"
    "paragraph\n"
    "  text \"Between the lists.\"\n"
    "list ordered start=3 tight\n"
    "  item\n"
    "    paragraph\n"
    "      text \"three\"\n"
    "table\n"
    "  table_row header\n"
    "    table_cell align=none\n"
    "      text \"Wide\"\n"
    "    table_cell align=none\n"
    "      text \"C\"\n"
    "  table_row\n"
    "    table_cell align=none\n"
    "      text \"tall\"\n"
    "    table_cell align=none\n"
    "      text \"b1\"\n"
    "      line_break\n"
    "      text \"second line\"\n"
    "    table_cell align=none\n"
    "      text \"c1\"\n"
    "  table_row\n"
    "    table_cell align=none\n"
    "      text \"b2\"\n"
    "    table_cell align=none\n"
    "      text \"c2\"\n"
    "paragraph\n"
    "  image <Pictures/swatch.png>\n"
    "    text \"A red swatch\"\n"
    "paragraph\n"
    "  text \"In a section.\"\n"
    "footnote_def n=1 #fn-1\n"
    "  paragraph\n"
    "    text \"An endnote.\"\n";

static void test_odt_features(void)
{
    read_result r = read_fixture("odt-features.odt");
    CHECK_INT(r.rc, 0);
    char *tree = dump_tree(r.doc, 0);
    CHECK_STR(tree, odt_features_tree);
    free(tree);
    const sc_node *wide = nth_of_type(r.doc, SC_NODE_TABLE_CELL, 0);
    CHECK_INT(wide->colspan, 2);
    const sc_node *tall = nth_of_type(r.doc, SC_NODE_TABLE_CELL, 2);
    CHECK_INT(tall->rowspan, 2);
    const sc_node *roman = nth_of_type(r.doc, SC_NODE_LIST, 1);
    CHECK_STR(roman ? roman->style_attr : NULL, "list-style-type: lower-roman");
    const sc_node *img = nth_of_type(r.doc, SC_NODE_IMAGE, 0);
    const sc_resource *res = img ? sc_document_find_resource(r.doc, img->url) : NULL;
    CHECK(res && strcmp(res->mime, "image/png") == 0, "odt-features.odt: the picture is a resource");
    CHECK(links_resolve(r.doc), "odt-features.odt: internal links resolve");
    read_free(&r);
}

/* ---- legacy Vietnamese fonts ---- */

static void test_legacy(void)
{
    read_result r = read_fixture("legacy-fonts.docx");
    CHECK_INT(r.rc, 0);
    const sc_node *h = nth_of_type(r.doc, SC_NODE_HEADING, 0);
    CHECK_STR(h ? sc_node_plain_text(r.doc, h) : NULL, "HỘI NGHỊ ĐẢNG BỘ");
    const sc_node *p = nth_of_type(r.doc, SC_NODE_PARAGRAPH, 0);
    CHECK_STR(p ? sc_node_plain_text(r.doc, p) : NULL,
              "Tiếng Việt trong phông chữ cũ: chữ \"đẹp\" và rõ ràng.");
    p = nth_of_type(r.doc, SC_NODE_PARAGRAPH, 1);
    CHECK_STR(p ? sc_node_plain_text(r.doc, p) : NULL, "Văn bản gõ bằng phông VNI.");
    p = nth_of_type(r.doc, SC_NODE_PARAGRAPH, 2);
    CHECK_STR(p ? sc_node_plain_text(r.doc, p) : NULL, "Unicode text stays as it is: Tiếng Việt.");
    read_free(&r);

    sc_read_options keep = {.keep_legacy_fonts = 1};
    r = read_fixture_opts("legacy-fonts.docx", &keep);
    p = nth_of_type(r.doc, SC_NODE_PARAGRAPH, 0);
    const char *t = p ? sc_node_plain_text(r.doc, p) : "";
    CHECK(r.rc == 0 && !strstr(t, "Tiếng") && strstr(t, "trong"),
          "--keep-legacy-fonts keeps the run as it is: %s", t);
    read_free(&r);

    r = read_fixture("legacy-fonts.odt");
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.doc->meta.author, "sapchu tests"); /* meta:initial-creator */
    CHECK_STR(r.doc->meta.lang, "vi");
    p = nth_of_type(r.doc, SC_NODE_PARAGRAPH, 0);
    CHECK_STR(p ? sc_node_plain_text(r.doc, p) : NULL,
              "Tiếng Việt trong phông chữ cũ: chữ \"đẹp\" và rõ ràng.");
    p = nth_of_type(r.doc, SC_NODE_PARAGRAPH, 1);
    CHECK_STR(p ? sc_node_plain_text(r.doc, p) : NULL, "Văn bản gõ bằng phông VNI.");
    p = nth_of_type(r.doc, SC_NODE_PARAGRAPH, 2);
    CHECK_STR(p ? sc_node_plain_text(r.doc, p) : NULL, "Unicode bold text stays: Tiếng Việt.");
    CHECK_INT(count_type(r.doc, SC_NODE_STRONG), 1);
    read_free(&r);
}

/* ---- broken and hostile packages ---- */

static void expect_error(const char *name, sc_input_format f, const char *want)
{
    read_result r;
    if (f == SC_INPUT_AUTO) {
        r = read_fixture(name);
    } else {
        char path[4096];
        snprintf(path, sizeof path, "%s/office/%s", fixtures, name);
        sc_buf b;
        sc_buf_init(&b);
        sc_buf_read_file(&b, path, (size_t)64 << 20);
        r = read_with_opts(name, b.data ? b.data : "", b.len, f, NULL);
        sc_buf_free(&b);
    }
    CHECK(r.rc == -1 && strstr(error_text(&r), want), "%s: wanted an error with '%s', got '%s'",
          name, want, error_text(&r));
    read_free(&r);
}

/* A zip made in memory from name/content pairs (NULL-terminated); malloc'd bytes. */
static char *make_zip(const char *const *parts, size_t *len)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_source_keep(src);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    for (size_t i = 0; parts[i]; i += 2) {
        zip_source_t *s = zip_source_buffer(z, parts[i + 1], strlen(parts[i + 1]), 0);
        zip_file_add(z, parts[i], s, ZIP_FL_ENC_UTF_8);
    }
    zip_close(z);
    zip_stat_t st;
    zip_source_stat(src, &st);
    char *data = malloc(st.size);
    zip_source_open(src);
    *len = (size_t)zip_source_read(src, data, st.size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    return data;
}

#define DOC_HEAD "<?xml version=\"1.0\"?>\n"
#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static read_result read_parts(const char *const *parts, sc_input_format f)
{
    size_t len;
    char *data = make_zip(parts, &len);
    read_result r = read_with_opts("mem.docx", data, len, f, NULL);
    free(data);
    return r;
}

static void test_hostile(void)
{
    /* an external entity is never read, an entity bomb never expanded: a DTD is refused */
    const char *xxe[] = {"word/document.xml",
                         DOC_HEAD "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                  "<w:document " W_NS "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
                                  "</w:body></w:document>",
                         NULL};
    read_result r = read_parts(xxe, SC_INPUT_DOCX);
    char *tree = dump_tree(r.doc, 0);
    CHECK(r.rc == -1 && !strstr(tree, "root:") && strstr(error_text(&r), "document type"),
          "external entity: %s / %s", error_text(&r), tree);
    free(tree);
    read_free(&r);

    const char *bomb[] = {"word/document.xml",
                          DOC_HEAD "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                   "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                                   "<w:document " W_NS "><w:body><w:p><w:r><w:t>&d;&d;&d;</w:t></w:r></w:p>"
                                   "</w:body></w:document>",
                          NULL};
    r = read_parts(bomb, SC_INPUT_DOCX);
    CHECK(r.rc == -1, "entity bomb refused");
    read_free(&r);

    /* no relationships part: word/document.xml is found by name; a picture path leaving the
     * package is not followed */
    const char *plain[] = {"word/document.xml",
                           DOC_HEAD "<w:document " W_NS "><w:body><w:p><w:r><w:t>Hello.</w:t></w:r>"
                                    "</w:p></w:body></w:document>",
                           NULL};
    r = read_parts(plain, SC_INPUT_DOCX);
    CHECK(r.rc == 0 && strcmp(sc_node_plain_text(r.doc, r.doc->root), "Hello.") == 0,
          "a DOCX without relationships: %s", error_text(&r));
    read_free(&r);

    /* relationships leaving the package are not followed */
    const char *escape[] = {
        "word/document.xml",
        DOC_HEAD "<w:document " W_NS " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                 "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                 "<w:body><w:p><w:r><w:t>Text.</w:t></w:r><w:r><w:drawing><a:blip r:embed=\"rId1\"/>"
                 "</w:drawing></w:r><w:r><w:drawing><a:blip r:embed=\"rId2\"/></w:drawing></w:r>"
                 "</w:p></w:body></w:document>",
        "word/_rels/document.xml.rels",
        DOC_HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"x/image\" Target=\"../../../etc/passwd\"/>"
                 "<Relationship Id=\"rId2\" Type=\"x/image\" Target=\"/../secret.png\"/>"
                 "</Relationships>",
        "secret.png", "\x89PNG\r\n\x1a\n", NULL};
    r = read_parts(escape, SC_INPUT_DOCX);
    CHECK(r.rc == 0 && count_type(r.doc, SC_NODE_IMAGE) == 0 && !r.doc->resources,
          "relationships leaving the package: %s", error_text(&r));
    read_free(&r);

    /* the document part is not WordprocessingML */
    const char *other[] = {"word/document.xml", DOC_HEAD "<html><body>x</body></html>", NULL};
    r = read_parts(other, SC_INPUT_DOCX);
    CHECK(r.rc == -1 && strstr(error_text(&r), "no document body"), "not a Word document: %s",
          error_text(&r));
    read_free(&r);

    /* an ODT whose mimetype says something else */
    const char *odp[] = {"mimetype", "application/vnd.oasis.opendocument.presentation",
                         "content.xml", DOC_HEAD "<a/>", NULL};
    r = read_parts(odp, SC_INPUT_ODT);
    CHECK(r.rc == -1 && strstr(error_text(&r), "not an ODT file"), "presentation: %s",
          error_text(&r));
    read_free(&r);

    /* too many entries */
    enum { N = 20002 };
    const char **many = calloc(2 * N + 1, sizeof *many);
    char (*names)[16] = calloc(N, sizeof *names);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "f%d", i);
        many[2 * i] = names[i];
        many[2 * i + 1] = "";
    }
    r = read_parts(many, SC_INPUT_DOCX);
    CHECK(r.rc == -1 && strstr(error_text(&r), "too many entries"), "too many entries: %s",
          error_text(&r));
    read_free(&r);
    free(many);
    free(names);

    /* a part above 64 MiB uncompressed is not read */
    size_t big = ((size_t)64 << 20) + 16;
    char *huge = malloc(big + 1);
    memset(huge, ' ', big);
    huge[big] = '\0';
    const char *large[] = {"word/document.xml", huge, NULL};
    r = read_parts(large, SC_INPUT_DOCX);
    CHECK(r.rc == -1 && strstr(error_text(&r), "64 MiB"), "oversized part: %s", error_text(&r));
    read_free(&r);
    free(huge);

    /* bytes that are not a zip */
    r = read_with_opts("x.docx", "hello world", 11, SC_INPUT_DOCX, NULL);
    CHECK(r.rc == -1 && strstr(error_text(&r), "not a zip"), "not a zip: %s", error_text(&r));
    read_free(&r);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_readers_office FIXTURES_DIR\n");
        return 2;
    }
    fixtures = argv[1];
    test_features("features.docx");
    test_features("features.odt");
    test_word_features();
    test_odt_features();
    test_legacy();
    expect_error("not-a-docx.docx", SC_INPUT_AUTO, "not a DOCX file (no main document part)");
    expect_error("no-document.docx", SC_INPUT_AUTO, "'word/document.xml' is missing");
    expect_error("bad-xml.docx", SC_INPUT_AUTO, "word/document.xml:3: not well-formed XML");
    expect_error("damaged.docx", SC_INPUT_DOCX, "damaged or cut short");
    expect_error("features.docx", SC_INPUT_ODT, "not an ODT file");
    test_hostile();
    return test_summary("test_readers_office");
}
