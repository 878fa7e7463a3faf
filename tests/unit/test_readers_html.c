/* test_readers_html.c — the HTML/XHTML reader: element mapping, white space, structure repair,
 * footnotes, metadata, stylesheets, encodings, entities and errors, on small inputs whose trees
 * are compared line by line. */
#include "html_testlib.h"

static int expect_tree_at(int line, const char *name, const char *html, sc_input_format f,
                          const char *want)
{
    read_result r = read_doc(name, html, strlen(html), f);
    int ok = r.rc == 0;
    if (!ok) {
        fprintf(stderr, "line %d: read failed\n", line);
        print_diags(&r);
        test_failures++;
    } else {
        char *got = html_dump(r.doc);
        if (strcmp(got, want) != 0) {
            test_failures++;
            fprintf(stderr, "line %d: tree differs\n--- got:\n%s--- want:\n%s", line, got, want);
            ok = 0;
        }
        CHECK(tree_consistent(r.doc->root), "line %d: tree pointers disagree", line);
        free(got);
    }
    read_free(&r);
    return ok;
}
#define expect_tree(html, want) expect_tree_at(__LINE__, "t.html", html, SC_INPUT_HTML, want)
#define expect_xhtml(html, want) expect_tree_at(__LINE__, "t.xhtml", html, SC_INPUT_XHTML, want)

static void test_blocks_and_inlines(void)
{
    expect_tree("<h1 id=top>Title <em>here</em></h1>\n<p>One <strong>two</strong> <b>b</b> "
                "<i>i</i> <sub>2</sub><sup>3</sup> <small>s</small> <mark>m</mark> <u>u</u> "
                "<del>d</del> <s>s</s><br>next <code> a   b </code>.</p><hr>",
                "heading h1 #top\n"
                "  text \"Title \"\n"
                "  emph\n"
                "    text \"here\"\n"
                "paragraph\n"
                "  text \"One \"\n"
                "  strong\n"
                "    text \"two\"\n"
                "  text \" \"\n"
                "  strong\n"
                "    text \"b\"\n"
                "  text \" \"\n"
                "  emph\n"
                "    text \"i\"\n"
                "  text \" \"\n"
                "  sub\n"
                "    text \"2\"\n"
                "  sup\n"
                "    text \"3\"\n"
                "  text \" \"\n"
                "  span <small>\n"
                "    text \"s\"\n"
                "  text \" \"\n"
                "  span <mark>\n"
                "    text \"m\"\n"
                "  text \" \"\n"
                "  span <u>\n"
                "    text \"u\"\n"
                "  text \" \"\n"
                "  strike\n"
                "    text \"d\"\n"
                "  text \" \"\n"
                "  strike\n"
                "    text \"s\"\n"
                "  line_break\n"
                "  text \"next \"\n"
                "  code \"a b\"\n"
                "  text \" .\"\n"
                "thematic_break\n");
}

static void test_white_space(void)
{
    expect_tree("<p>\n   Many    spaces\n\tand\r\nlines   </p>"
                "<pre>\n  keep   this\n    indent\n</pre>"
                "<p>a<span> b </span> c</p>",
                "paragraph\n"
                "  text \"Many spaces and lines\"\n"
                "code_block \"  keep   this\\n    indent\\n\"\n"
                "paragraph\n"
                "  text \"a\"\n"
                "  span\n"
                "    text \" b\"\n"
                "  text \" c\"\n");
}

static void test_html5_elements(void)
{
    expect_tree("<main><article lang=vi><header><h2>Tiêu đề</h2></header>"
                "<section class=\"intro x\" style=\"color: red\">Văn bản <time datetime=2021>nay</time>"
                "</section><aside>bên</aside><nav>nav</nav><footer>f</footer></article></main>"
                "<figure><img src=a.png alt=\"Ảnh\" title=T><figcaption>Chú thích</figcaption></figure>",
                "div <main>\n"
                "  div <article> lang=vi\n"
                "    div <header>\n"
                "      heading h2\n"
                "        text \"Tiêu đề\"\n"
                "    div <section> .intro x style=\"color: red\"\n"
                "      paragraph\n"
                "        text \"Văn bản \"\n"
                "        span <time>\n"
                "          text \"nay\"\n"
                "    div <aside>\n"
                "      paragraph\n"
                "        text \"bên\"\n"
                "    div <nav>\n"
                "      paragraph\n"
                "        text \"nav\"\n"
                "    div <footer>\n"
                "      paragraph\n"
                "        text \"f\"\n"
                "figure\n"
                "  paragraph\n"
                "    image url=a.png title=\"T\"\n"
                "      text \"Ảnh\"\n"
                "  figcaption\n"
                "    text \"Chú thích\"\n");
}

static void test_lists(void)
{
    expect_tree("<ol start=3 type=a><li>three<ul><li>nested</li></ul></li><li>four</li></ol>"
                "<ul><li><p>loose</p></li></ul>"
                "<ul><li>one<li>two</ul>",
                "list ordered start=3 tight style=\"list-style-type: lower-alpha\"\n"
                "  item\n"
                "    paragraph\n"
                "      text \"three\"\n"
                "    list bullet tight\n"
                "      item\n"
                "        paragraph\n"
                "          text \"nested\"\n"
                "  item\n"
                "    paragraph\n"
                "      text \"four\"\n"
                "list bullet loose\n"
                "  item\n"
                "    paragraph\n"
                "      text \"loose\"\n"
                "list bullet tight\n"
                "  item\n"
                "    paragraph\n"
                "      text \"one\"\n"
                "  item\n"
                "    paragraph\n"
                "      text \"two\"\n");
    /* a list directly inside a list joins the item before it */
    expect_tree("<ul><li>a</li><ul><li>b</li></ul></ul>",
                "list bullet tight\n"
                "  item\n"
                "    paragraph\n"
                "      text \"a\"\n"
                "    list bullet tight\n"
                "      item\n"
                "        paragraph\n"
                "          text \"b\"\n");
    expect_tree("<dl><dt>Term</dt><dd>Def <em>one</em></dd><div><dt>T2</dt><dd><p>D2</p></dd></div></dl>",
                "def_list\n"
                "  def_term\n"
                "    text \"Term\"\n"
                "  def_data\n"
                "    paragraph\n"
                "      text \"Def \"\n"
                "      emph\n"
                "        text \"one\"\n"
                "  def_term\n"
                "    text \"T2\"\n"
                "  def_data\n"
                "    paragraph\n"
                "      text \"D2\"\n");
}

static void test_tables(void)
{
    expect_tree("<table><caption>Cap</caption><thead><tr><th align=right>A</th>"
                "<th style=\"text-align: center;\">B</th></tr></thead>"
                "<tbody><tr><td colspan=2>wide</td></tr><tr><td rowspan=\"2\"><p>p1</p><p>p2</p></td>"
                "<td>x</td></tr></tbody></table>"
                "<table><tr><th>H</th></tr><tr><td>c</td></tr></table>",
                "paragraph .caption\n"
                "  text \"Cap\"\n"
                "table\n"
                "  table_row header\n"
                "    table_cell align=right\n"
                "      text \"A\"\n"
                "    table_cell align=center style=\"text-align: center;\"\n"
                "      text \"B\"\n"
                "  table_row\n"
                "    table_cell colspan=2\n"
                "      text \"wide\"\n"
                "  table_row\n"
                "    table_cell rowspan=2\n"
                "      text \"p1\"\n"
                "      line_break\n"
                "      text \"p2\"\n"
                "    table_cell\n"
                "      text \"x\"\n"
                "table\n"
                "  table_row header\n"
                "    table_cell\n"
                "      text \"H\"\n"
                "  table_row\n"
                "    table_cell\n"
                "      text \"c\"\n");
}

static void test_links_ids_attrs(void)
{
    read_result r = read_str("<p id=p1 data-x=\"1\" lang=en>See <a href=\"#p1\" title=\"T\" "
                             "class=c>this</a> and <a name=anchor></a>there "
                             "<q>quoted</q> <abbr title=\"Khoa học\">KH</abbr>.</p>",
                             SC_INPUT_HTML);
    r.doc->source_name = "t.html";
    CHECK_INT(r.rc, 0);
    char *got = html_dump(r.doc);
    CHECK_STR(got, "paragraph #p1 lang=en\n"
                   "  text \"See \"\n"
                   "  link .c url=#p1 title=\"T\"\n"
                   "    text \"this\"\n"
                   "  text \" and \"\n"
                   "  span #anchor\n"
                   "  text \"there \"\n"
                   "  span <q>\n"
                   "    text \"“quoted”\"\n"
                   "  text \" \"\n"
                   "  span <abbr>\n"
                   "    text \"KH\"\n"
                   "  text \".\"\n");
    const sc_node *p = r.doc->root->first_child;
    CHECK_STR(sc_node_attr(p, "data-x"), "1");
    CHECK(sc_node_attr(p, "id") == NULL, "id is a field, not an attribute");
    const sc_node *abbr = p->last_child->prev;
    CHECK_STR(sc_node_attr(abbr, "title"), "Khoa học");
    free(got);
    read_free(&r);
}

static void test_dropped_and_unknown(void)
{
    expect_tree("<div>Kept <script>SCRIPT</script><style>p{}</style><template>T</template>"
                "<my-element>custom text</my-element> <form><input value=V><select><option>O"
                "</option></select><button>B</button>label</form><iframe>I</iframe>"
                "<noscript>N</noscript></div>",
                "div\n"
                "  paragraph\n"
                "    text \"Kept custom text label\"\n");
}

static void test_anonymous_and_broken(void)
{
    expect_tree("<div>text <b>bold</b><p>para</p>tail</div>"
                "<p>before <span>in <div>block in inline</div> after</span> end</p>"
                "<li>stray item</li>",
                "div\n"
                "  paragraph\n"
                "    text \"text \"\n"
                "    strong\n"
                "      text \"bold\"\n"
                "  paragraph\n"
                "    text \"para\"\n"
                "  paragraph\n"
                "    text \"tail\"\n"
                "paragraph\n"
                "  text \"before \"\n"
                "  span\n"
                "    text \"in\"\n"
                "    line_break\n"
                "    text \"block in inline\"\n"
                "    line_break\n"
                "    text \"after\"\n"
                "  text \" end\"\n"
                "div <li>\n"
                "  paragraph\n"
                "    text \"stray item\"\n");
    /* empty blocks vanish; their id goes to the next block */
    expect_tree("<p></p><p id=gone> </p><h2>Next</h2>",
                "heading h2 #gone\n"
                "  text \"Next\"\n");
}

static void test_inline_around_blocks(void)
{
    /* archived pages wrap paragraphs in <font>: the paragraphs and the face stay, and text in a
     * legacy font (TCVN3 ".VnTime": "Mét" is the bytes of "Một") becomes Unicode */
    read_result r = read_str("<font face=\".VnTime\"><p>Mét</p><p>Hai</p></font>"
                             "<p><font face=Arial>inline</font> <span style=\"color: red; "
                             "font-family: '.VnTime', serif\">Tr\xC2\xAA" "n</span></p>", SC_INPUT_HTML);
    CHECK_INT(r.rc, 0);
    char *got = html_dump(r.doc);
    CHECK_STR(got, "div <font>\n"
                   "  paragraph\n"
                   "    text \"Một\"\n"
                   "  paragraph\n"
                   "    text \"Hai\"\n"
                   "paragraph\n"
                   "  span <font>\n"
                   "    text \"inline\"\n"
                   "  text \" \"\n"
                   "  span style=\"color: red; \"\n"
                   "    text \"Trên\"\n");
    const sc_node *div = r.doc->root->first_child;
    CHECK_STR(sc_node_attr(div, "face"), ".VnTime");
    CHECK_STR(sc_node_attr(div->next->first_child, "face"), "Arial");
    free(got);
    read_free(&r);

    /* --keep-legacy-fonts: the bytes stay as they are */
    const char *page = "<p><font face=\".VnTime\">Mét</font></p>";
    sc_read_options keep = {.keep_legacy_fonts = 1};
    sc_document *doc = sc_document_new("t.html");
    sc_diag_list d;
    sc_diag_init(&d);
    CHECK_INT(sc_read_with(doc, page, strlen(page), SC_INPUT_HTML, &keep, &d), 0);
    CHECK_STR(sc_node_plain_text(doc, doc->root), "Mét");
    sc_document_free(doc);
    sc_diag_clear(&d);
}

static void test_footnotes(void)
{
    expect_tree("<p>Text<a href=\"#fn1\" class=\"footnote-ref\" id=\"fnref1\" role=\"doc-noteref\">"
                "<sup>1</sup></a> more<a href=\"#fn2\" role=\"doc-noteref\">2</a>.</p>"
                "<section class=\"footnotes\" role=\"doc-endnotes\"><hr><ol>"
                "<li id=\"fn1\" role=\"doc-endnote\"><p>Note one.<a href=\"#fnref1\" "
                "class=\"footnote-back\" role=\"doc-backlink\">↩︎</a></p></li>"
                "<li id=\"fn2\"><p>Note two.</p></li></ol></section>"
                "<p>Unlinked<a href=\"#nowhere\" role=\"doc-noteref\">9</a>.</p>",
                "paragraph\n"
                "  text \"Text\"\n"
                "  footnote_ref n=1 -> fn1 #fnref1 .footnote-ref\n"
                "  text \" more\"\n"
                "  footnote_ref n=2 -> fn2 #fnref-2-2\n"
                "  text \".\"\n"
                "paragraph\n"
                "  text \"Unlinked\"\n"
                "  link url=#nowhere\n"
                "    text \"9\"\n"
                "  text \".\"\n"
                "footnote_def n=1 #fn1\n"
                "  paragraph\n"
                "    text \"Note one.\"\n"
                "footnote_def n=2 #fn2\n"
                "  paragraph\n"
                "    text \"Note two.\"\n");
}

static void test_metadata_and_styles(void)
{
    const char *html = "<html lang=\"vi\"><head><title> Tiêu  đề </title>"
                       "<meta name=\"author\" content=\"Tác giả\">"
                       "<meta name=\"dcterms.date\" content=\"2021-04-02\">"
                       "<style>h1 { color: red }</style>"
                       "<link rel=stylesheet href=\"/etc/passwd\"></head>"
                       "<body><h1>X</h1><style media=screen>p{}</style></body></html>";
    read_result r = read_str(html, SC_INPUT_HTML);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.doc->meta.title, "Tiêu đề");
    CHECK_INT(r.doc->meta.title_from_source, 1);
    CHECK_STR(r.doc->meta.author, "Tác giả");
    CHECK_STR(r.doc->meta.date, "2021-04-02");
    CHECK_STR(r.doc->meta.lang, "vi");
    const sc_css_source *css = r.doc->css_sources;
    CHECK(css && strstr(css->text, "color: red"), "the <style> text is a css source");
    CHECK(css && !css->next, "screen-only styles and sheets outside base_dir are not read");
    CHECK(has_diag(&r, SC_WARNING, "/etc/passwd"), "the refused stylesheet is named");
    read_free(&r);
}

/* "Tiếng Việt" in windows-1258: base letters with tone marks as combining bytes. */
static void test_encodings(void)
{
    const char cp1258[] = "<html><head><meta charset=\"windows-1258\"></head><body>"
                          "<p>Ti\xEA\xEC\x6Eg Vi\xEA\xF2t</p></body></html>";
    read_result r = read_str(cp1258, SC_INPUT_HTML);
    CHECK_INT(r.rc, 0);
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "Tiếng Việt");
    read_free(&r);

    const char latin1[] = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                          "<p>\x93" "caf\xE9\x94\x85</p>";
    r = read_str(latin1, SC_INPUT_HTML);
    CHECK_INT(r.rc, 0);
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "“café”…");
    read_free(&r);

    /* UTF-8 without a declaration is UTF-8 (libxml2 alone would read Latin-1) */
    r = read_str("<p>Xin chào Việt Nam</p>", SC_INPUT_HTML);
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "Xin chào Việt Nam");
    read_free(&r);

    /* NFD input comes out NFC */
    r = read_str("<p>Vie\xCC\xA3\xCC\x82t</p>", SC_INPUT_HTML);
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "Việt");
    read_free(&r);

    /* undeclared bytes that are not UTF-8: windows-1252, with a warning */
    r = read_str("<p>na\xEFve</p>", SC_INPUT_HTML);
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "naïve");
    CHECK(has_diag(&r, SC_WARNING, "windows-1252"), "the fallback is reported");
    read_free(&r);

    /* declared UTF-8 with a stray byte: U+FFFD and a warning, the rest intact */
    r = read_str("<meta charset=utf-8><p>Vi\xE1\xBB\x87t \xFF ok</p>", SC_INPUT_HTML);
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "Việt \xEF\xBF\xBD ok");
    CHECK(has_diag(&r, SC_WARNING, "invalid UTF-8"), "the bad byte is reported");
    read_free(&r);

    /* UTF-16 with a BOM */
    const char utf16[] = "\xFF\xFE<\0p\0>\0" "A\0\xE0\0<\0/\0p\0>\0";
    r = read_doc("t.html", utf16, sizeof utf16 - 1, SC_INPUT_HTML);
    CHECK_INT(r.rc, 0);
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "Aà");
    read_free(&r);
}

static void test_xhtml(void)
{
    expect_xhtml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<!DOCTYPE html [ <!ENTITY ext SYSTEM \"file:///etc/passwd\">"
                 " <!ENTITY name \"sapchu\"> ]>\n"
                 "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"vi\">"
                 "<head><title>T</title></head><body>"
                 "<p xml:lang=\"en\">[&ext;] &name; &#x1EC7;</p></body></html>",
                 "paragraph lang=en\n"
                 "  text \"[] sapchu ệ\"\n");
    /* HTML entities without a DTD; not well-formed XHTML is read as HTML with a warning */
    const char *bad = "<html><body><p>a&nbsp;b<br></p></body></html>";
    read_result r = read_doc("t.xhtml", bad, strlen(bad), SC_INPUT_XHTML);
    CHECK_INT(r.rc, 0);
    CHECK(has_diag(&r, SC_WARNING, "not well-formed"), "the fallback to HTML is reported");
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "a\xC2\xA0" "b ");
    read_free(&r);
}

static void test_errors(void)
{
    read_result r = read_str("  \n\t ", SC_INPUT_HTML);
    CHECK_INT(r.rc, -1);
    CHECK(has_diag(&r, SC_ERROR, "empty"), "empty input is an error");
    read_free(&r);

    r = read_str("<html><head><title>x</title></head><body> <script>x</script> </body></html>",
                 SC_INPUT_HTML);
    CHECK_INT(r.rc, -1);
    CHECK(has_diag(&r, SC_ERROR, "empty"), "a page without content is an error");
    read_free(&r);

    const char bin[] = "\x00\x01\x02\x03garbage\x00\xFF";
    r = read_doc("t.html", bin, sizeof bin - 1, SC_INPUT_HTML);
    CHECK_INT(r.rc, -1);
    CHECK(has_diag(&r, SC_ERROR, "not an HTML document"), "binary data is refused");
    read_free(&r);

    r = read_doc("t.html", "PK\x03\x04rest", 8, SC_INPUT_HTML);
    CHECK(r.rc == -1 && has_diag(&r, SC_ERROR, "zip"), "a zip is named as such");
    read_free(&r);

    /* plain text without tags is still a page */
    r = read_str("just words", SC_INPUT_HTML);
    CHECK_INT(r.rc, 0);
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "just words");
    read_free(&r);
}

static void test_depth(void)
{
    sc_buf b;
    sc_buf_init(&b);
    /* libxml2 itself stops at 256 levels; ours is lower */
    for (int i = 0; i < 230; i++)
        sc_buf_puts(&b, i % 2 ? "<div>" : "<span>");
    sc_buf_puts(&b, "deep text");
    read_result r = read_doc("t.html", b.data, b.len, SC_INPUT_HTML);
    CHECK_INT(r.rc, 0);
    CHECK(has_diag(&r, SC_WARNING, "nested more than"), "deep nesting is reported");
    CHECK_STR(sc_node_plain_text(r.doc, r.doc->root), "deep text");
    read_free(&r);
    sc_buf_free(&b);
}

static void test_data_uri(void)
{
    read_result r = read_str("<p><img src=\"data:image/png;base64,iVBORw0K GgoA\" alt=\"dot\">"
                             "<img src=\"data:text/html;base64,PHA+\" alt=\"not a picture\"></p>",
                             SC_INPUT_HTML);
    CHECK_INT(r.rc, 0);
    const sc_resource *res = sc_document_find_resource(r.doc, "data-image-1");
    CHECK(res && res->len == 9 && memcmp(res->data, "\x89PNG\r\n\x1a\n\0", 9) == 0,
          "the base64 picture is a resource");
    CHECK(res && strcmp(res->mime, "image/png") == 0, "with its type");
    const sc_node *img = r.doc->root->first_child->first_child;
    CHECK(img && img->type == SC_NODE_IMAGE && strcmp(img->url, "data-image-1") == 0,
          "the image names the resource");
    CHECK(img && img->next && strncmp(img->next->url, "data:text/html", 14) == 0,
          "a data: URL that is no picture is left as written");
    read_free(&r);

    /* an EPUB-style cover: the SVG's one picture; other SVG and its text are dropped */
    expect_xhtml("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                 "<body><div><svg xmlns=\"http://www.w3.org/2000/svg\"><title>T</title>"
                 "<image xlink:href=\"cover.jpg\"/></svg></div>"
                 "<p>x<svg xmlns=\"http://www.w3.org/2000/svg\"><text>drawn text</text></svg></p>"
                 "</body></html>",
                 "div\n"
                 "  paragraph\n"
                 "    image url=cover.jpg\n"
                 "paragraph\n"
                 "  text \"x\"\n");
}

static void test_formats(void)
{
    CHECK_INT(sc_input_format_from_name("a/page.HTML"), SC_INPUT_HTML);
    CHECK_INT(sc_input_format_from_name("page.htm"), SC_INPUT_HTML);
    CHECK_INT(sc_input_format_from_name("ch1.xhtml"), SC_INPUT_XHTML);
    CHECK_INT(sc_input_format_from_name("book.epub"), SC_INPUT_EPUB);
    CHECK_INT(sc_input_format_from_option("html"), SC_INPUT_HTML);
    CHECK_INT(sc_input_format_from_option("xhtml"), SC_INPUT_XHTML);
    CHECK_INT(sc_input_format_from_option("epub"), SC_INPUT_EPUB);
}

int main(void)
{
    test_blocks_and_inlines();
    test_white_space();
    test_html5_elements();
    test_lists();
    test_tables();
    test_links_ids_attrs();
    test_dropped_and_unknown();
    test_anonymous_and_broken();
    test_inline_around_blocks();
    test_footnotes();
    test_metadata_and_styles();
    test_encodings();
    test_xhtml();
    test_errors();
    test_depth();
    test_data_uri();
    test_formats();
    return test_summary("test_readers_html");
}
