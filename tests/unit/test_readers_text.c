/* test_readers_text.c — shared input handling (UTF-8 validation with positions, BOM, NFC, empty
 * and oversized input, line ends) and the plain text reader (paragraphs, soft breaks, URLs,
 * title rule). */
#include "readers_testlib.h"

/* An invalid byte at a known place: the error names exactly that line, column and offset. */
static void test_invalid_utf8_position(void)
{
    /* line 3 starts at offset 11; "xy" then the truncated sequence C3 '(' at offset 13 */
    const char data[] = "Dòng 1\nab\nxy\xC3(z\n";
    read_result r = read_doc("bad.txt", data, sizeof data - 1, SC_INPUT_TEXT);
    CHECK_INT(r.rc, -1);
    const sc_diag *d = first_diag(&r, SC_ERROR);
    CHECK(d != NULL, "no error reported for invalid UTF-8");
    if (d) {
        CHECK_STR(d->file, "bad.txt");
        CHECK_INT(d->line, 3);
        CHECK_INT(d->column, 3);
        CHECK_INT(d->offset, 13);
        CHECK(strstr(d->message, "invalid UTF-8 (byte 0xC3 at offset 13") == d->message,
              "message is \"%s\"", d->message);
        char *formatted = sc_diag_format(d);
        CHECK(strstr(formatted, "bad.txt:3:3") != NULL, "formatted as \"%s\"", formatted);
        free(formatted);
    }
    read_free(&r);

    /* CRLF and lone CR line ends count as one line each */
    const char crlf[] = "a\r\nb\rc\r\n\xFF";
    r = read_doc("crlf.txt", crlf, sizeof crlf - 1, SC_INPUT_TEXT);
    d = first_diag(&r, SC_ERROR);
    CHECK(d && d->line == 4 && d->offset == 8, "CRLF/CR line counting: line %d offset %ld",
          d ? d->line : -1, d ? d->offset : -1L);
    read_free(&r);
}

static void expect_invalid(const char *data, size_t len, long offset, const char *why)
{
    read_result r = read_doc("x.txt", data, len, SC_INPUT_TEXT);
    const sc_diag *d = first_diag(&r, SC_ERROR);
    CHECK(r.rc == -1 && d, "%s accepted", why);
    if (d) {
        CHECK(d->offset == offset, "%s: offset %ld, want %ld", why, d->offset, offset);
        CHECK(strstr(d->message, why) != NULL, "message \"%s\" does not say \"%s\"", d->message,
              why);
    }
    read_free(&r);
}

static void test_rejected_sequences(void)
{
    expect_invalid("ok \xC0\xAF", 5, 3, "overlong");              /* '/' in two bytes */
    expect_invalid("ok \xE0\x80\xAF", 6, 3, "overlong");          /* '/' in three bytes */
    expect_invalid("ok \xF0\x80\x80\xAF", 7, 3, "overlong");      /* '/' in four bytes */
    expect_invalid("ok \xED\xA0\x80", 6, 3, "surrogate");         /* U+D800 */
    expect_invalid("ok \xED\xBF\xBF", 6, 3, "surrogate");         /* U+DFFF */
    expect_invalid("ok \xF4\x90\x80\x80", 7, 3, "above U+10FFFF"); /* U+110000 */
    expect_invalid("ok \xF5\x80\x80\x80", 7, 3, "never used");
    expect_invalid("ok \xE1\xBA", 5, 3, "truncated");             /* cut off at the end */
    expect_invalid("ok \x80", 4, 3, "continuation");

    /* the largest code point and a 4-byte emoji are fine */
    const char good[] = "\xF4\x8F\xBF\xBF \xF0\x9F\x98\x80 ệ";
    read_result r = read_doc("ok.txt", good, sizeof good - 1, SC_INPUT_TEXT);
    CHECK_INT(r.rc, 0);
    read_free(&r);
}

static void test_bom_dropped(void)
{
    read_result r = read_str("\xEF\xBB\xBFXin chào\n", SC_INPUT_TEXT);
    CHECK_INT(r.rc, 0);
    char *dump = dump_tree(r.doc, 0);
    CHECK_STR(dump, "paragraph\n  text \"Xin chào\"\n");
    CHECK_STR(r.doc->meta.title, "Xin chào");
    free(dump);
    read_free(&r);
}

/* The same text in NFD gives the NFC tree (same bytes) and the same title. */
static void test_nfd_becomes_nfc(void)
{
    const char *nfc = "Tiếng Việt có dấu: Ấ Ẫ ậ ữ.\n\nĐoạn hai https://vi.wikipedia.org/wiki/Tiếng_Việt.\n";
    const char *nfd_full = "Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t co\xCC\x81 da\xCC\x82\xCC\x81u: "
                           "A\xCC\x82\xCC\x81 A\xCC\x82\xCC\x83 a\xCC\xA3\xCC\x82 u\xCC\x9B\xCC\x83.\n\n"
                           "\xC4\x90oa\xCC\xA3n hai https://vi.wikipedia.org/wiki/Tie\xCC\x82\xCC\x81ng_Vie\xCC\xA3\xCC\x82t.\n";
    read_result a = read_str(nfc, SC_INPUT_TEXT);
    read_result b = read_str(nfd_full, SC_INPUT_TEXT);
    CHECK_INT(a.rc, 0);
    CHECK_INT(b.rc, 0);
    char *da = dump_tree(a.doc, 1), *db = dump_tree(b.doc, 1);
    CHECK_STR(db, da);
    CHECK_STR(b.doc->meta.title, "Tiếng Việt có dấu: Ấ Ẫ ậ ữ.");
    CHECK(strstr(da, "text @1 \"Tiếng Việt có dấu: Ấ Ẫ ậ ữ.\"") != NULL, "NFC text missing:\n%s", da);
    CHECK(strstr(db, "<https://vi.wikipedia.org/wiki/Tiếng_Việt>") != NULL,
          "NFC URL without the final full stop missing:\n%s", db);
    free(da);
    free(db);
    read_free(&a);
    read_free(&b);

    /* Markdown too */
    a = read_str("# Tiếng Việt\n\n*Ấ* ữ\n", SC_INPUT_MARKDOWN);
    b = read_str("# Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t\n\n*A\xCC\x82\xCC\x81* u\xCC\x9B\xCC\x83\n",
                 SC_INPUT_MARKDOWN);
    da = dump_tree(a.doc, 1);
    db = dump_tree(b.doc, 1);
    CHECK_STR(db, da);
    free(da);
    free(db);
    read_free(&a);
    read_free(&b);
}

static void test_paragraphs_and_soft_breaks(void)
{
    /* separators: an empty line, an NBSP-only line, spaces + EM SPACE + IDEOGRAPHIC SPACE */
    const char *in = "Một\nhai  \n\xC2\xA0\nba\n \t\xE2\x80\x83\xE3\x80\x80\nbốn\n\n\n";
    read_result r = read_str(in, SC_INPUT_TEXT);
    CHECK_INT(r.rc, 0);
    char *dump = dump_tree(r.doc, 1);
    CHECK_STR(dump, "paragraph @1\n"
                    "  text @1 \"Một\"\n"
                    "  soft_break @2\n"
                    "  text @2 \"hai\"\n"
                    "paragraph @4\n"
                    "  text @4 \"ba\"\n"
                    "paragraph @6\n"
                    "  text @6 \"bốn\"\n");
    CHECK(tree_consistent(r.doc->root), "tree pointers inconsistent");
    free(dump);
    read_free(&r);

    /* Unicode line ends inside a source line: LINE SEPARATOR and NEL are soft breaks, PARAGRAPH
     * SEPARATOR ends the paragraph; line numbers still count LF only */
    r = read_str("một\xE2\x80\xA8hai\xC2\x85" "ba\xE2\x80\xA9 bốn\nnăm\n", SC_INPUT_TEXT);
    dump = dump_tree(r.doc, 0);
    CHECK_STR(dump, "paragraph\n  text \"một\"\n  soft_break\n  text \"hai\"\n  soft_break\n"
                    "  text \"ba\"\nparagraph\n  text \"bốn\"\n  soft_break\n  text \"năm\"\n");
    CHECK(r.doc->root->last_child->line == 1 && r.doc->root->last_child->column == 13,
          "paragraph after U+2029 at %d:%d, want 1:13", r.doc->root->last_child->line,
          r.doc->root->last_child->column);
    free(dump);
    read_free(&r);

    /* the article's shape: first line, NBSP line, blank line, body (CRLF line ends) */
    r = read_str("Toàn cảnh Hội nghị.\r\n\xC2\xA0\r\n\r\nTheo báo cáo.\r\n", SC_INPUT_TEXT);
    dump = dump_tree(r.doc, 1);
    CHECK_STR(dump, "paragraph @1\n  text @1 \"Toàn cảnh Hội nghị.\"\n"
                    "paragraph @4\n  text @4 \"Theo báo cáo.\"\n");
    free(dump);
    read_free(&r);
}

/* The URL found in `in` (plain text reader), or "" when none. */
static char *first_url(const char *in)
{
    read_result r = read_str(in, SC_INPUT_TEXT);
    char *url = NULL;
    for (sc_node *n = r.doc->root; n; n = sc_node_next_preorder(n, r.doc->root)) {
        if (n->type == SC_NODE_LINK) {
            url = strdup(n->url);
            CHECK(n->first_child && n->first_child->type == SC_NODE_TEXT &&
                      strcmp(n->first_child->text, n->url) == 0,
                  "link text differs from its URL %s", n->url);
            break;
        }
    }
    read_free(&r);
    return url ? url : strdup("");
}

static void check_url(const char *in, const char *want)
{
    char *got = first_url(in);
    if (strcmp(got, want) != 0) {
        test_failures++;
        fprintf(stderr, "URL in \"%s\": got \"%s\", want \"%s\"\n", in, got, want);
    }
    free(got);
}

static void test_urls(void)
{
    check_url("Theo https://www.most.gov.vn/vn/tin-tuc/19995/hoi-nghi.aspx",
              "https://www.most.gov.vn/vn/tin-tuc/19995/hoi-nghi.aspx");
    check_url("See http://example.com.", "http://example.com");
    check_url("See http://example.com/a?b=1&c=2, then", "http://example.com/a?b=1&c=2");
    check_url("(see https://example.com/x)", "https://example.com/x");
    check_url("https://en.wikipedia.org/wiki/Foo_(bar).", "https://en.wikipedia.org/wiki/Foo_(bar)");
    check_url("[https://example.com/y]; next", "https://example.com/y");
    check_url("Đọc: https://example.com/z: và", "https://example.com/z");
    check_url("“https://example.com/q”", "https://example.com/q");
    check_url("HTTPS://EXAMPLE.COM/A!", "HTTPS://EXAMPLE.COM/A");
    check_url("https://example.com/trang…", "https://example.com/trang");
    check_url("no link: xhttp://example.com", "");
    check_url("no link: http:// alone", "");
    check_url("ftp://example.com is not http", "");

    /* text around the link stays, in order */
    read_result r = read_str("a http://x.org, b https://y.org.\n", SC_INPUT_TEXT);
    char *dump = dump_tree(r.doc, 0);
    CHECK_STR(dump, "paragraph\n"
                    "  text \"a \"\n"
                    "  link <http://x.org>\n    text \"http://x.org\"\n"
                    "  text \", b \"\n"
                    "  link <https://y.org>\n    text \"https://y.org\"\n"
                    "  text \".\"\n");
    free(dump);
    read_free(&r);
}

static void test_title_rule(void)
{
    char line[512];
    /* 100 characters of Vietnamese (more than 100 bytes): still the title */
    line[0] = '\0';
    for (int i = 0; i < 25; i++)
        strcat(line, "Việt"); /* 4 characters each */
    char in[600];
    snprintf(in, sizeof in, "  %s  \n\nbody\n", line);
    read_result r = read_str(in, SC_INPUT_TEXT);
    CHECK_STR(r.doc->meta.title, line);
    CHECK_INT(r.doc->meta.title_from_source, 1);
    /* the first line is still a normal paragraph */
    CHECK(r.doc->root->first_child && r.doc->root->first_child->type == SC_NODE_PARAGRAPH,
          "first line is not a paragraph");
    read_free(&r);

    /* 101 characters: no title */
    snprintf(in, sizeof in, "%sx\nbody\n", line);
    r = read_str(in, SC_INPUT_TEXT);
    CHECK(r.doc->meta.title == NULL, "title set for a 101-character line: %s", r.doc->meta.title);
    CHECK(r.doc->meta.lang == NULL, "plain text set a language");
    sc_document_finish(r.doc);
    CHECK_STR(r.doc->meta.title, "test.in");
    read_free(&r);

    /* the first non-blank line counts */
    r = read_str("\n \nTitle here\nmore\n", SC_INPUT_TEXT);
    CHECK_STR(r.doc->meta.title, "Title here");
    read_free(&r);
}

static void test_empty_inputs(void)
{
    const char *empties[] = {"", "\n\n", " \t\r\n", "\xC2\xA0\n\xE3\x80\x80", "\xEF\xBB\xBF \n"};
    for (size_t i = 0; i < sizeof empties / sizeof *empties; i++) {
        for (int f = SC_INPUT_TEXT; f <= SC_INPUT_MARKDOWN; f++) {
            read_result r = read_str(empties[i], (sc_input_format)f);
            const sc_diag *d = first_diag(&r, SC_ERROR);
            CHECK(r.rc == -1 && d && strstr(d->message, "empty document"),
                  "empty input %zu (format %d) not refused", i, f);
            read_free(&r);
        }
    }
    read_result r = read_str("---\ntitle: x\n---\n\n", SC_INPUT_MARKDOWN);
    CHECK(r.rc == -1 && first_diag(&r, SC_ERROR), "metadata-only Markdown not refused");
    read_free(&r);
}

static void test_size_limit(void)
{
    /* the size is checked before a byte is read, so a short buffer with a huge length is safe */
    static const char tiny[] = "x";
    sc_document *doc = sc_document_new("big.txt");
    sc_diag_list diags;
    sc_diag_init(&diags);
    int rc = sc_read(doc, tiny, (size_t)256 * 1024 * 1024 + 1, SC_INPUT_TEXT, &diags);
    CHECK_INT(rc, -1);
    CHECK(diags.errors == 1 && strstr(diags.items[0].message, "too large"),
          "oversized input not refused");
    sc_diag_clear(&diags);
    sc_document_free(doc);
}

static void test_nul_replaced(void)
{
    const char data[] = "a\0b\0\n";
    read_result r = read_doc("nul.txt", data, sizeof data - 1, SC_INPUT_TEXT);
    CHECK_INT(r.rc, 0);
    char *dump = dump_tree(r.doc, 0);
    CHECK_STR(dump, "paragraph\n  text \"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"\n");
    const sc_diag *w = first_diag(&r, SC_WARNING);
    CHECK(w && strncmp(w->message, "2 NUL", 5) == 0, "NUL warning: %s", w ? w->message : "none");
    free(dump);
    read_free(&r);
}

static void test_format_names(void)
{
    CHECK_INT(sc_input_format_from_name("a/b.md"), SC_INPUT_MARKDOWN);
    CHECK_INT(sc_input_format_from_name("B.MARKDOWN"), SC_INPUT_MARKDOWN);
    CHECK_INT(sc_input_format_from_name("x.mdown"), SC_INPUT_MARKDOWN);
    CHECK_INT(sc_input_format_from_name("x.txt"), SC_INPUT_TEXT);
    CHECK_INT(sc_input_format_from_name("x.text"), SC_INPUT_TEXT);
    CHECK_INT(sc_input_format_from_name("x.html"), SC_INPUT_HTML);
    CHECK_INT(sc_input_format_from_name("x.DOCX"), SC_INPUT_DOCX);
    CHECK_INT(sc_input_format_from_name("x.pdf"), SC_INPUT_AUTO);
    CHECK_INT(sc_input_format_from_name("dir.md/file"), SC_INPUT_AUTO);
    CHECK_INT(sc_input_format_from_name("-"), SC_INPUT_AUTO);
    CHECK_INT(sc_input_format_from_option("md"), SC_INPUT_MARKDOWN);
    CHECK_INT(sc_input_format_from_option("markdown"), SC_INPUT_MARKDOWN);
    CHECK_INT(sc_input_format_from_option("txt"), SC_INPUT_TEXT);
    CHECK_INT(sc_input_format_from_option("text"), SC_INPUT_TEXT);
    CHECK_INT(sc_input_format_from_option("docx"), SC_INPUT_DOCX);
    CHECK_INT(sc_input_format_from_option("rtf"), SC_INPUT_AUTO);
    /* AUTO reads plain text: '#' stays text */
    read_result r = read_str("# not a heading\n", SC_INPUT_AUTO);
    char *dump = dump_tree(r.doc, 0);
    CHECK_STR(dump, "paragraph\n  text \"# not a heading\"\n");
    free(dump);
    read_free(&r);
}

int main(void)
{
    test_invalid_utf8_position();
    test_rejected_sequences();
    test_bom_dropped();
    test_nfd_becomes_nfc();
    test_paragraphs_and_soft_breaks();
    test_urls();
    test_title_rule();
    test_empty_inputs();
    test_size_limit();
    test_nul_replaced();
    test_format_names();
    return test_summary("test_readers_text");
}
