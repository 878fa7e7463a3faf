/* test_readers_markdown.c — the Markdown reader: YAML metadata, heading ids, tables, footnotes,
 * nested lists, inline markup, line numbers, and parses running in parallel threads. */
#include <pthread.h>

#include "readers_testlib.h"

static void test_yaml_metadata(void)
{
    read_result r = read_str("---\n"
                             "title: Hội nghị Đảng bộ\n"
                             "author:\n"
                             "  - Nguyễn Văn A\n"
                             "  - Trần Thị B\n"
                             "date: 2021-04-02\n"
                             "lang: vi\n"
                             "...\n"
                             "\n"
                             "# Mở đầu\n",
                             SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    CHECK_STR(r.doc->meta.title, "Hội nghị Đảng bộ");
    CHECK_INT(r.doc->meta.title_from_source, 1);
    CHECK_STR(r.doc->meta.author, "Nguyễn Văn A, Trần Thị B");
    CHECK_STR(r.doc->meta.date, "2021-04-02");
    CHECK_STR(r.doc->meta.lang, "vi");
    char *dump = dump_tree(r.doc, 1);
    /* the heading is on line 10 of the file, after the 8 lines of metadata */
    CHECK_STR(dump, "heading h1 #mở-đầu @10\n  text @10 \"Mở đầu\"\n");
    free(dump);
    read_free(&r);

    r = read_str("---\nauthor: Bộ Khoa học và Công nghệ\nlang: en\n---\nText\n", SC_INPUT_MARKDOWN);
    CHECK_STR(r.doc->meta.author, "Bộ Khoa học và Công nghệ");
    CHECK_STR(r.doc->meta.lang, "en");
    CHECK(r.doc->meta.title == NULL, "title without a title key");
    read_free(&r);

    /* a BOM and CRLF line ends do not hide the block; line numbers stay right */
    r = read_str("\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n\r\n# H\r\n", SC_INPUT_MARKDOWN);
    CHECK_STR(r.doc->meta.title, "T");
    dump = dump_tree(r.doc, 1);
    CHECK_STR(dump, "heading h1 #h @5\n  text @5 \"H\"\n");
    free(dump);
    read_free(&r);

    /* values are Markdown, as pandoc reads them: one paragraph gives its plain text */
    r = read_str("---\ntitle: 'The *Elements* of `Style` &amp; [Co](http://x)'\n"
                 "author: ['**Nguyễn** A', '1. Not a list item']\ndate: 2021-04-02\n---\nText\n",
                 SC_INPUT_MARKDOWN);
    CHECK_STR(r.doc->meta.title, "The Elements of Style & Co");
    CHECK_STR(r.doc->meta.author, "Nguyễn A, 1. Not a list item");
    CHECK_STR(r.doc->meta.date, "2021-04-02");
    read_free(&r);
    r = read_str("---\ntitle: '1. Intro'\n---\nText\n", SC_INPUT_MARKDOWN);
    CHECK_STR(r.doc->meta.title, "1. Intro");
    read_free(&r);

    /* no metadata: nothing set, lang left to the API */
    r = read_str("# Heading\n", SC_INPUT_MARKDOWN);
    CHECK(!r.doc->meta.title && !r.doc->meta.lang && !r.doc->meta.author, "metadata invented");
    read_free(&r);

    /* "---" followed by a blank line is a thematic break, not metadata */
    r = read_str("---\n\ntitle: x\n---\n", SC_INPUT_MARKDOWN);
    CHECK(r.doc->meta.title == NULL, "thematic break read as metadata");
    CHECK(r.doc->root->first_child && r.doc->root->first_child->type == SC_NODE_THEMATIC_BREAK,
          "thematic break lost");
    read_free(&r);
}

static void test_invalid_yaml(void)
{
    read_result r = read_str("---\ntitle: ok\nauthor: [unclosed\n---\n\nBody text\n",
                             SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    const sc_diag *w = first_diag(&r, SC_WARNING);
    CHECK(w != NULL, "no warning for invalid YAML");
    if (w) {
        CHECK(w->line >= 3 && w->line <= 4, "warning on line %d, want 3..4", w->line);
        CHECK(strstr(w->message, "YAML") != NULL, "message \"%s\"", w->message);
    }
    CHECK(r.doc->meta.title == NULL, "metadata taken from an invalid block");
    char *dump = dump_tree(r.doc, 1);
    CHECK_STR(dump, "paragraph @6\n  text @6 \"Body text\"\n");
    free(dump);
    read_free(&r);

    r = read_str("---\n- just\n- a list\n---\nBody\n", SC_INPUT_MARKDOWN);
    CHECK(first_diag(&r, SC_WARNING) != NULL, "no warning for a non-mapping block");
    read_free(&r);
}

static void test_heading_ids(void)
{
    read_result r = read_str("# Tiếng Việt là gì?\n"
                             "## Hello, World!\n"
                             "## Intro\n"
                             "## Intro\n"
                             "## Intro-1\n"
                             "## Intro\n"
                             "### `code` & *emph* -- snake_case\n"
                             "### ĐIỀU 1. Phạm vi\n"
                             "### ???\n"
                             "Setext heading\n"
                             "==============\n",
                             SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    const char *want[] = {"tiếng-việt-là-gì", "hello-world", "intro", "intro-1", "intro-1-1",
                          "intro-2", "code--emph----snake_case", "điều-1-phạm-vi", "section",
                          "setext-heading"};
    size_t i = 0;
    for (sc_node *n = r.doc->root->first_child; n; n = n->next, i++) {
        CHECK(n->type == SC_NODE_HEADING, "node %zu is %s", i, sc_node_type_name(n->type));
        if (i < sizeof want / sizeof *want)
            CHECK_STR(n->id, want[i]);
    }
    CHECK_INT(i, sizeof want / sizeof *want);
    read_free(&r);

    /* headings never take a footnote's anchor */
    r = read_str("# Fn 1\n\n## fnref-1\n\nx[^a]\n\n[^a]: y\n", SC_INPUT_MARKDOWN);
    CHECK_STR(r.doc->root->first_child->id, "fn-1-1");
    CHECK_STR(r.doc->root->first_child->next->id, "fnref-1-1");
    read_free(&r);
}

static void test_table(void)
{
    read_result r = read_str("| Left | Center | Right | None |\n"
                             "|:-----|:------:|------:|------|\n"
                             "| a    | *b*    | 3     | d    |\n"
                             "| e    |        | 6     |\n",
                             SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    char *dump = dump_tree(r.doc, 0);
    CHECK_STR(dump, "table\n"
                    "  table_row header\n"
                    "    table_cell align=left\n      text \"Left\"\n"
                    "    table_cell align=center\n      text \"Center\"\n"
                    "    table_cell align=right\n      text \"Right\"\n"
                    "    table_cell align=none\n      text \"None\"\n"
                    "  table_row\n"
                    "    table_cell align=left\n      text \"a\"\n"
                    "    table_cell align=center\n      emph\n        text \"b\"\n"
                    "    table_cell align=right\n      text \"3\"\n"
                    "    table_cell align=none\n      text \"d\"\n"
                    "  table_row\n"
                    "    table_cell align=left\n      text \"e\"\n"
                    "    table_cell align=center\n"
                    "    table_cell align=right\n      text \"6\"\n"
                    "    table_cell align=none\n");
    free(dump);
    read_free(&r);
}

static void test_footnotes(void)
{
    read_result r = read_str("Đầu[^b] rồi[^a] lại[^b].\n"
                             "\n"
                             "[^a]: Chú thích A.\n"
                             "[^unused]: Không ai dùng.\n"
                             "[^b]: Chú thích B.\n"
                             "\n"
                             "    Đoạn thứ hai của B.\n"
                             "\n"
                             "Kết.\n",
                             SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    char *dump = dump_tree(r.doc, 1);
    CHECK_STR(dump, "paragraph @1\n"
                    "  text @1 \"Đầu\"\n"
                    "  footnote_ref n=1 -> fn-1 #fnref-1 @1\n"
                    "  text @1 \" rồi\"\n"
                    "  footnote_ref n=2 -> fn-2 #fnref-2 @1\n"
                    "  text @1 \" lại\"\n"
                    "  footnote_ref n=1 -> fn-1 #fnref-1-2 @1\n"
                    "  text @1 \".\"\n"
                    "paragraph @9\n"
                    "  text @9 \"Kết.\"\n"
                    "footnote_def n=1 #fn-1 @5\n"
                    "  paragraph @5\n"
                    "    text @5 \"Chú thích B.\"\n"
                    "  paragraph @7\n"
                    "    text @7 \"Đoạn thứ hai của B.\"\n"
                    "footnote_def n=2 #fn-2 @3\n"
                    "  paragraph @3\n"
                    "    text @3 \"Chú thích A.\"\n");
    free(dump);
    /* the reference points at the very node that holds the note */
    sc_node *ref = r.doc->root->first_child->first_child->next;
    CHECK(ref->target == r.doc->root->last_child->prev, "fnref-1 does not target fn-1");
    CHECK(tree_consistent(r.doc->root), "tree pointers inconsistent");
    read_free(&r);
}

static void test_nested_lists(void)
{
    read_result r = read_str("3. one\n"
                             "4. two\n"
                             "   - a\n"
                             "   - b\n"
                             "\n"
                             "     still b\n"
                             "5. three\n"
                             "\n"
                             "* x\n"
                             "* y\n",
                             SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    char *dump = dump_tree(r.doc, 0);
    CHECK_STR(dump, "list ordered start=3 tight\n"
                    "  item\n    paragraph\n      text \"one\"\n"
                    "  item\n    paragraph\n      text \"two\"\n"
                    "    list bullet loose\n"
                    "      item\n        paragraph\n          text \"a\"\n"
                    "      item\n        paragraph\n          text \"b\"\n"
                    "        paragraph\n          text \"still b\"\n"
                    "  item\n    paragraph\n      text \"three\"\n"
                    "list bullet tight\n"
                    "  item\n    paragraph\n      text \"x\"\n"
                    "  item\n    paragraph\n      text \"y\"\n");
    free(dump);
    read_free(&r);
}

static void test_inlines_and_blocks(void)
{
    read_result r = read_str("> *em* **strong** ~~del~~ `co de` [link](http://a.b \"T\")\n"
                             "> ![alt *x*](img.png) www.example.com line  \n"
                             "> break \"quotes\" -- ...\n"
                             "\n"
                             "```c title\n"
                             "int x;\n"
                             "```\n"
                             "\n"
                             "***\n"
                             "\n"
                             "<div>raw</div>\n"
                             "\n"
                             "a <b>inline</b> [^missing]\n",
                             SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    char *dump = dump_tree(r.doc, 1);
    CHECK_STR(dump, "blockquote @1\n"
                    "  paragraph @1\n"
                    "    emph @1\n      text @1 \"em\"\n"
                    "    text @1 \" \"\n"
                    "    strong @1\n      text @1 \"strong\"\n"
                    "    text @1 \" \"\n"
                    "    strike @1\n      text @1 \"del\"\n"
                    "    text @1 \" \"\n"
                    "    code @1 \"co de\"\n"
                    "    text @1 \" \"\n"
                    "    link <http://a.b> title=\"T\" @1\n      text @1 \"link\"\n"
                    "    soft_break\n"
                    "    image <img.png> @2\n      text @2 \"alt \"\n      emph @2\n        text @2 \"x\"\n"
                    "    text @2 \" \"\n"
                    "    link <http://www.example.com> @2\n      text @2 \"www.example.com\"\n"
                    "    text @2 \" line\"\n"
                    "    line_break\n"
                    "    text @3 \"break \"quotes\" -- ...\"\n"
                    "code_block info=c title @5 \"int x;\\n\"\n"
                    "thematic_break @9\n"
                    "html_block @11 \"<div>raw</div>\\n\"\n"
                    "paragraph @13\n"
                    "  text @13 \"a \"\n"
                    "  html_inline @13 \"<b>\"\n"
                    "  text @13 \"inline\"\n"
                    "  html_inline @13 \"</b>\"\n"
                    "  text @13 \" [^missing]\"\n");
    free(dump);
    read_free(&r);
}

/* Pathological nesting is flattened below 64 levels, with a warning; the text stays. */
static int max_depth(const sc_node *root)
{
    int best = 0;
    for (const sc_node *n = root; n; n = sc_node_next_preorder(n, root)) {
        int d = 0;
        for (const sc_node *p = n; p->parent; p = p->parent)
            d++;
        best = d > best ? d : best;
    }
    return best;
}

static void test_deep_nesting(void)
{
    char *in = malloc(20000);
    memset(in, '>', 10000);
    strcpy(in + 10000, " deep *a **b** c*\n");
    read_result r = read_str(in, SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    CHECK(max_depth(r.doc->root) <= 64 + 4, "tree %d levels deep", max_depth(r.doc->root));
    CHECK(first_diag(&r, SC_WARNING) != NULL, "no warning for flattened nesting");
    char *text = sc_node_plain_text(r.doc, r.doc->root);
    CHECK_STR(text, "deep a b c");
    read_free(&r);

    /* emphasis nested 1000 deep: *a *a ... x*** */
    in[0] = '\0';
    for (int i = 0; i < 1000; i++)
        strcat(in, "*a ");
    strcat(in, "x");
    memset(in + strlen(in), '*', 1000);
    in[3001 + 1000] = '\0';
    r = read_str(in, SC_INPUT_MARKDOWN);
    CHECK_INT(r.rc, 0);
    CHECK(max_depth(r.doc->root) <= 64 + 4, "tree %d levels deep", max_depth(r.doc->root));
    text = sc_node_plain_text(r.doc, r.doc->root);
    CHECK(strlen(text) == 2001 && text[2000] == 'x', "emphasised text lost: %.40s", text);
    CHECK(first_diag(&r, SC_WARNING) != NULL, "no warning for flattened emphasis");
    read_free(&r);
    free(in);
}

/* Parses in parallel threads give the same trees as one after the other (cmark-gfm keeps global
 * inline-parser state; the reader serialises it). */
typedef struct thread_job {
    const char *input;
    char *dump;
} thread_job;

static void *parse_job(void *arg)
{
    thread_job *job = arg;
    job->dump = NULL;
    for (int i = 0; i < 20; i++) {
        read_result r = read_str(job->input, SC_INPUT_MARKDOWN);
        char *dump = dump_tree(r.doc, 1);
        read_free(&r);
        if (job->dump && strcmp(job->dump, dump) != 0) {
            free(dump);
            free(job->dump);
            job->dump = strdup("MISMATCH between runs");
            return NULL;
        }
        free(job->dump);
        job->dump = dump;
    }
    return NULL;
}

static void test_threads(void)
{
    char *input = malloc(200 * 100 + 1);
    input[0] = '\0';
    for (int i = 0; i < 200; i++)
        strcat(input, "a ~~b~~ c | d www.x.org *e* [^1] ~~f~~\n\n| h | i |\n|---|--:|\n| 1 | 2 |\n\n");
    strcat(input, "[^1]: note\n");
    thread_job ref = {input, NULL};
    parse_job(&ref);
    enum { N = 4 };
    pthread_t threads[N];
    thread_job jobs[N];
    for (int i = 0; i < N; i++) {
        jobs[i].input = input;
        pthread_create(&threads[i], NULL, parse_job, &jobs[i]);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(threads[i], NULL);
        CHECK(jobs[i].dump && strcmp(jobs[i].dump, ref.dump) == 0,
              "thread %d gave another tree", i);
        free(jobs[i].dump);
    }
    CHECK(strstr(ref.dump, "strike") != NULL, "no strikethrough parsed");
    free(ref.dump);
    free(input);
}

int main(void)
{
    test_yaml_metadata();
    test_invalid_yaml();
    test_heading_ids();
    test_table();
    test_footnotes();
    test_nested_lists();
    test_inlines_and_blocks();
    test_deep_nesting();
    test_threads();
    return test_summary("test_readers_markdown");
}
