/* yaml_meta.c — a leading YAML metadata block as pandoc reads it: a first line "---" not followed
 * by a blank line, ended by "---" or "..."; its mapping gives title, author (a string or a list,
 * joined with ", "), date and lang. Read with libyaml's document loader. */
#include <string.h>
#include <yaml.h>

#include "../base/buf.h"
#include "internal.h"

/* Length of the line at s[pos] without its '\n', and where the next line starts. */
static size_t line_at(const char *s, size_t len, size_t pos, size_t *next)
{
    const char *nl = memchr(s + pos, '\n', len - pos);
    size_t eol = nl ? (size_t)(nl - s) : len;
    *next = nl ? eol + 1 : len;
    return eol - pos;
}

/* A delimiter line: `mark` ("---" or "...") followed by nothing but spaces or tabs. */
static int is_delimiter(const char *line, size_t n, const char *mark)
{
    if (n < 3 || memcmp(line, mark, 3) != 0)
        return 0;
    for (size_t i = 3; i < n; i++)
        if (line[i] != ' ' && line[i] != '\t')
            return 0;
    return 1;
}

static const char *scalar(yaml_node_t *node)
{
    if (!node || node->type != YAML_SCALAR_NODE || node->data.scalar.length == 0)
        return NULL;
    return (const char *)node->data.scalar.value;
}

/* A scalar, or the scalars of a sequence joined with ", ". Arena-owned; NULL when empty. */
static const char *value_text(sc_document *doc, yaml_document_t *ydoc, yaml_node_t *node)
{
    if (!node)
        return NULL;
    if (node->type == YAML_SCALAR_NODE) {
        const char *v = scalar(node);
        return v ? sc_arena_strdup(doc->arena, v) : NULL;
    }
    if (node->type != YAML_SEQUENCE_NODE)
        return NULL;
    sc_buf b;
    sc_buf_init(&b);
    for (yaml_node_item_t *it = node->data.sequence.items.start;
         it < node->data.sequence.items.top; it++) {
        const char *v = scalar(yaml_document_get_node(ydoc, *it));
        if (!v)
            continue;
        if (b.len)
            sc_buf_puts(&b, ", ");
        sc_buf_puts(&b, v);
    }
    const char *joined = b.len ? sc_arena_strndup(doc->arena, b.data, b.len) : NULL;
    sc_buf_free(&b);
    return joined;
}

static void take_metadata(sc_document *doc, yaml_document_t *ydoc, yaml_node_t *root)
{
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
         p++) {
        const char *key = scalar(yaml_document_get_node(ydoc, p->key));
        if (!key)
            continue;
        const char *v = value_text(doc, ydoc, yaml_document_get_node(ydoc, p->value));
        if (!v)
            continue;
        if (strcmp(key, "lang") != 0)
            v = sc_markdown_plain_inline(doc, v);
        if (strcmp(key, "title") == 0) {
            doc->meta.title = v;
            doc->meta.title_from_source = 1;
        } else if (strcmp(key, "author") == 0) {
            doc->meta.author = v;
        } else if (strcmp(key, "date") == 0) {
            doc->meta.date = v;
        } else if (strcmp(key, "lang") == 0) {
            doc->meta.lang = v;
        }
    }
}

/* Parse the block's text (which starts on source line 2); warn and return -1 when invalid. */
static int parse_block(sc_document *doc, const char *text, size_t len, sc_diag_list *diags)
{
    yaml_parser_t parser;
    yaml_document_t ydoc;
    if (!yaml_parser_initialize(&parser))
        return -1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    int rc = 0;
    if (!yaml_parser_load(&parser, &ydoc)) {
        int line = 2 + (int)parser.problem_mark.line;
        sc_diag_add(diags, SC_WARNING, doc->source_name, line, (int)parser.problem_mark.column + 1,
                    -1, "invalid YAML metadata block (%s); the block is ignored",
                    parser.problem ? parser.problem : "parse error");
        yaml_parser_delete(&parser);
        return -1;
    }
    yaml_node_t *root = yaml_document_get_root_node(&ydoc);
    if (root && root->type == YAML_MAPPING_NODE) {
        take_metadata(doc, &ydoc, root);
    } else if (root) {
        sc_diag_add(diags, SC_WARNING, doc->source_name, 2, 1, -1,
                    "YAML metadata block is not a mapping; the block is ignored");
        rc = -1;
    }
    yaml_document_delete(&ydoc);
    yaml_parser_delete(&parser);
    return rc;
}

size_t sc_read_yaml_front_matter(sc_document *doc, const char *s, size_t len, int *lines,
                                 sc_diag_list *diags)
{
    *lines = 0;
    size_t next;
    size_t n = line_at(s, len, 0, &next);
    if (!is_delimiter(s, n, "---") || next >= len)
        return 0;
    size_t body = next;
    if (sc_is_blank(s + body, line_at(s, len, body, &next)))
        return 0; /* "---" then a blank line is a thematic break, not metadata */
    int count = 1;
    for (size_t pos = body; pos < len; pos = next) {
        n = line_at(s, len, pos, &next);
        count++;
        if (is_delimiter(s + pos, n, "---") || is_delimiter(s + pos, n, "...")) {
            parse_block(doc, s + body, pos - body, diags);
            *lines = count;
            return next;
        }
    }
    return 0; /* never closed: ordinary Markdown */
}
