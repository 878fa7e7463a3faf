/* text.c — the plain text reader: paragraphs are separated by blank lines (lines holding only
 * white space, no-break spaces included), single newlines are soft breaks, http(s) URLs are links.
 * The first line is an ordinary paragraph; it is also the metadata title when it is short. */
#include "internal.h"

/* Longest first line (in characters) still taken as the document's title. */
enum { SC_TEXT_TITLE_MAX_CHARS = 100 };

/* Shrink [*a, *b) past leading and trailing Unicode white space. */
static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b) {
        size_t next = *a;
        if (!sc_is_unicode_space(sc_utf8_next(s, *b, &next)))
            break;
        *a = next;
    }
    while (*b > *a) {
        size_t start;
        if (!sc_is_unicode_space(sc_utf8_prev(s, *b, &start)))
            break;
        *b = start;
    }
}

static void append_text(sc_document *doc, sc_node *parent, const char *s, size_t len, int line,
                        int column)
{
    if (!len)
        return;
    sc_node *t = sc_node_new(doc, SC_NODE_TEXT);
    sc_node_set_text(doc, t, s, len);
    t->line = line;
    t->column = column;
    sc_node_append(parent, t);
}

/* One line's text (already trimmed) into `para`, URLs as LINK nodes. Columns advance with the
 * text, so a line full of URLs costs linear time. */
static void append_line(sc_document *doc, sc_node *para, const char *s, size_t a, size_t b,
                        int line, int column)
{
    size_t pos = a;
    size_t start, end;
    while (pos < b && sc_find_url(s, b, pos, &start, &end)) {
        append_text(doc, para, s + pos, start - pos, line, column);
        column += (int)sc_utf8_count(s + pos, start - pos);
        sc_node *link = sc_node_new(doc, SC_NODE_LINK);
        link->url = sc_arena_strndup(doc->arena, s + start, end - start);
        link->line = line;
        link->column = column;
        sc_node_append(para, link);
        append_text(doc, link, s + start, end - start, line, column);
        column += (int)sc_utf8_count(s + start, end - start);
        pos = end;
    }
    append_text(doc, para, s + pos, b - pos, line, column);
}

/* Where the line starting at s[pos] ends. Besides LF, NEL (U+0085) and LINE SEPARATOR (U+2028)
 * end a line inside the source line; PARAGRAPH SEPARATOR (U+2029) also ends the paragraph.
 * Returns the end of the text, stores where the next line starts and what kind of end it was. */
enum line_end { END_NEWLINE, END_SEPARATOR, END_PARAGRAPH };

static size_t line_end(const char *str, size_t len, size_t pos, size_t *next, enum line_end *kind)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = pos; i < len; i++) {
        if (s[i] == '\n') {
            *next = i + 1;
            *kind = END_NEWLINE;
            return i;
        }
        if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0x85) {
            *next = i + 2;
            *kind = END_SEPARATOR;
            return i;
        }
        if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
            *next = i + 3;
            *kind = s[i + 2] == 0xA9 ? END_PARAGRAPH : END_SEPARATOR;
            return i;
        }
    }
    *next = len;
    *kind = END_NEWLINE;
    return len;
}

int sc_read_text(sc_document *doc, const sc_input *in, sc_diag_list *diags)
{
    (void)diags;
    const char *s = in->data;
    size_t len = in->len;
    sc_node *para = NULL;
    int line = 1, column = 1, have_title_line = 0;
    for (size_t pos = 0; pos < len;) {
        size_t next;
        enum line_end kind;
        size_t eol = line_end(s, len, pos, &next, &kind);
        size_t a = pos, b = eol;
        int line_here = line, column_here = column;
        if (kind == END_NEWLINE) {
            line++;
            column = 1;
        } else {
            column += (int)sc_utf8_count(s + pos, next - pos);
        }
        trim(s, &a, &b);
        if (a == b) { /* blank line: the paragraph ends */
            para = NULL;
            pos = next;
            continue;
        }
        if (!have_title_line) {
            have_title_line = 1;
            if (sc_utf8_count(s + a, b - a) <= SC_TEXT_TITLE_MAX_CHARS) {
                doc->meta.title = sc_arena_strndup(doc->arena, s + a, b - a);
                doc->meta.title_from_source = 1;
            }
        }
        column_here += (int)sc_utf8_count(s + pos, a - pos);
        if (!para) {
            para = sc_node_new(doc, SC_NODE_PARAGRAPH);
            para->line = line_here;
            para->column = column_here;
            sc_node_append(doc->root, para);
        } else {
            sc_node *br = sc_node_new(doc, SC_NODE_SOFT_BREAK);
            br->line = line_here;
            sc_node_append(para, br);
        }
        append_line(doc, para, s, a, b, line_here, column_here);
        if (kind == END_PARAGRAPH)
            para = NULL;
        pos = next;
    }
    return 0;
}
