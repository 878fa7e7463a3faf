/* detect.c — the input format from the file name's extension and, when that is missing or wrong,
 * from the content: a zip says what it is through its "mimetype" member (EPUB, ODT) or its OOXML
 * parts (DOCX); HTML through a doctype or an <html>/<head>/<body> start; XHTML through an XML
 * declaration and the XHTML namespace. A zip that is none of these is left to the reader its name
 * asks for (sc_read refuses it as text). */
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "readers.h"

/* How far into a text the markup sniffing looks. */
enum { SC_SNIFF_BYTES = 4096 };

typedef enum { ZIP_NOT, ZIP_OTHER, ZIP_EPUB, ZIP_ODT, ZIP_DOCX } zip_kind;

static int has_member(zip_t *z, const char *name)
{
    return zip_name_locate(z, name, 0) >= 0;
}

/* An OOXML package whose main part is a Word document: word/document.xml, or a content type of
 * WordprocessingML in [Content_Types].xml (spreadsheets and presentations have one too). */
static int is_wordprocessing(zip_t *z)
{
    if (has_member(z, "word/document.xml"))
        return 1;
    zip_file_t *f = zip_fopen(z, "[Content_Types].xml", 0);
    if (!f)
        return 0;
    char buf[16384];
    zip_int64_t n = zip_fread(f, buf, sizeof buf - 1);
    zip_fclose(f);
    buf[n > 0 ? n : 0] = '\0';
    return strstr(buf, "wordprocessingml.document") != NULL;
}

/* The first bytes of the "mimetype" member (trailing white space cut), or "" when absent. */
static void read_mimetype(zip_t *z, char *buf, size_t size)
{
    buf[0] = '\0';
    zip_file_t *f = zip_fopen(z, "mimetype", 0);
    if (!f)
        return;
    zip_int64_t n = zip_fread(f, buf, size - 1);
    zip_fclose(f);
    size_t len = n > 0 ? (size_t)n : 0;
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' '))
        len--;
    buf[len] = '\0';
}

static zip_kind sniff_zip(const char *data, size_t len)
{
    if (len < 4 || memcmp(data, "PK\x03\x04", 4) != 0)
        return ZIP_NOT;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
    if (!src) {
        zip_error_fini(&err);
        return ZIP_OTHER;
    }
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &err);
    zip_error_fini(&err);
    if (!z) {
        zip_source_free(src);
        return ZIP_OTHER;
    }
    char mime[80];
    read_mimetype(z, mime, sizeof mime);
    zip_kind kind = ZIP_OTHER;
    if (strcmp(mime, "application/epub+zip") == 0)
        kind = ZIP_EPUB;
    else if (strncmp(mime, "application/vnd.oasis.opendocument.text", 39) == 0)
        kind = ZIP_ODT; /* also text-template and text-master: the same content.xml */
    else if (is_wordprocessing(z))
        kind = ZIP_DOCX;
    zip_discard(z); /* also frees the source */
    return kind;
}

/* Case-insensitive search for `needle` in s[0..len). */
static const char *find_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (strncasecmp(s + i, needle, n) == 0)
            return s + i;
    return NULL;
}

/* Skip a BOM, white space and <!-- comments --> at the start. */
static size_t skip_prolog(const char *s, size_t len)
{
    size_t i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (;;) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        if (i + 4 <= len && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = find_ci(s + i + 4, len - i - 4, "-->");
            if (!end)
                return len;
            i = (size_t)(end - s) + 3;
            continue;
        }
        return i;
    }
}

static int starts_ci(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* SC_INPUT_HTML, SC_INPUT_XHTML, or AUTO when the text does not start like markup. `loose`
 * (no extension to go by) also takes an <head>/<body> tag found near the start. */
static sc_input_format sniff_markup(const char *data, size_t len, int loose)
{
    size_t n = len < SC_SNIFF_BYTES ? len : SC_SNIFF_BYTES;
    size_t i = skip_prolog(data, n);
    const char *s = data + i;
    size_t left = n - i;
    if (starts_ci(s, left, "<?xml")) {
        if (find_ci(s, left, "http://www.w3.org/1999/xhtml"))
            return SC_INPUT_XHTML;
        return find_ci(s, left, "<html") ? SC_INPUT_HTML : SC_INPUT_AUTO;
    }
    if (starts_ci(s, left, "<!doctype html") || starts_ci(s, left, "<html"))
        return SC_INPUT_HTML;
    if (loose && left && s[0] == '<' && (find_ci(s, left, "<body") || find_ci(s, left, "<head")))
        return SC_INPUT_HTML;
    return SC_INPUT_AUTO;
}

sc_input_format sc_input_format_detect(const char *name, const char *data, size_t len)
{
    sc_input_format by_name = sc_input_format_from_name(name);
    if (!data)
        return by_name == SC_INPUT_AUTO ? SC_INPUT_TEXT : by_name;
    switch (sniff_zip(data, len)) {
    case ZIP_EPUB: return SC_INPUT_EPUB;
    case ZIP_ODT: return SC_INPUT_ODT;
    case ZIP_DOCX: return SC_INPUT_DOCX;
    case ZIP_OTHER: /* the named reader (or sc_read) says what is wrong with it */
        return by_name == SC_INPUT_AUTO ? SC_INPUT_TEXT : by_name;
    case ZIP_NOT: break;
    }
    if (by_name == SC_INPUT_HTML || by_name == SC_INPUT_XHTML)
        return by_name;
    sc_input_format markup = sniff_markup(data, len, by_name == SC_INPUT_AUTO);
    if (markup != SC_INPUT_AUTO)
        return markup;
    if (by_name == SC_INPUT_AUTO || by_name == SC_INPUT_EPUB || by_name == SC_INPUT_DOCX ||
        by_name == SC_INPUT_ODT) /* a "zip" format that is no zip: its reader says so */
        return by_name == SC_INPUT_AUTO ? SC_INPUT_TEXT : by_name;
    return by_name;
}

const char *sc_input_format_name(sc_input_format f)
{
    switch (f) {
    case SC_INPUT_TEXT: return "text";
    case SC_INPUT_MARKDOWN: return "Markdown";
    case SC_INPUT_HTML: return "HTML";
    case SC_INPUT_XHTML: return "XHTML";
    case SC_INPUT_EPUB: return "EPUB";
    case SC_INPUT_DOCX: return "DOCX";
    case SC_INPUT_ODT: return "ODT";
    case SC_INPUT_AUTO: break;
    }
    return "text";
}
