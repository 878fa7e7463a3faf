/* html_parse.c — (X)HTML bytes into a libxml2 tree. HTML goes through the recovering HTML parser
 * (broken markup never fails), XHTML through the XML parser without network, DTD loading or
 * entity substitution, so an external entity is never read. libxml2 reports problems through
 * error handlers that print by default; they are silenced for the thread while a parse runs (the
 * handlers are per-thread state in libxml2) and the first fatal error is kept for our message. */
#include <pthread.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "html.h"

/* libxml2 2.9 wants xmlInitParser once before parsers run in several threads, and its own
 * initialisation is not guarded against two first callers: once, here (process state, like
 * cmark's registration in markdown.c). */
static pthread_once_t sc_libxml_ready = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

static void silent_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void keep_first_error(void *user, xmlErrorPtr e)
{
    sc_xml_error *errs = user;
    if (!errs || !e || e->level < XML_ERR_FATAL || errs->fatal)
        return;
    errs->fatal = 1;
    errs->line = e->line;
    const char *m = e->message ? e->message : "not well-formed";
    size_t n = strlen(m);
    while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
        n--;
    if (n >= sizeof errs->message)
        n = sizeof errs->message - 1;
    memcpy(errs->message, m, n);
    errs->message[n] = '\0';
}

/* Bytes that are certainly not a web page: NUL bytes near the start (outside UTF-16) or the
 * signature of a zip, PDF or common image file. */
static const char *binary_kind(const char *data, size_t len, const char *encoding)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *kind;
    } magics[] = {{"PK\x03\x04", 4, "a zip archive"},   {"%PDF-", 5, "a PDF file"},
                  {"\x89PNG", 4, "a PNG image"},       {"\xFF\xD8\xFF", 3, "a JPEG image"},
                  {"GIF8", 4, "a GIF image"},          {"\x7F" "ELF", 4, "a program"}};
    for (size_t i = 0; i < sizeof magics / sizeof *magics; i++)
        if (len >= magics[i].len && memcmp(data, magics[i].magic, magics[i].len) == 0)
            return magics[i].kind;
    if (strncmp(encoding, "UTF-16", 6) != 0 && memchr(data, '\0', len < 4096 ? len : 4096))
        return "binary data";
    return NULL;
}

static xmlDocPtr parse_with(const char *data, size_t len, int xhtml, const char *encoding,
                            const char *file, sc_xml_error *errs)
{
    pthread_once(&sc_libxml_ready, init_libxml);
    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlStructuredErrorFunc old_structured = xmlStructuredError;
    void *old_structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, silent_generic);
    xmlSetStructuredErrorFunc(errs, keep_first_error);

    xmlDocPtr xml = NULL;
    if (xhtml) {
        xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
        if (ctxt) {
            xml = xmlCtxtReadMemory(ctxt, data, (int)len, file, encoding,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                        XML_PARSE_NOCDATA);
            if (xml && !ctxt->wellFormed) {
                xmlFreeDoc(xml);
                xml = NULL;
            }
            xmlFreeParserCtxt(ctxt);
        }
    } else {
        htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
        if (ctxt) {
            xml = htmlCtxtReadMemory(ctxt, data, (int)len, file, encoding,
                                     HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                         HTML_PARSE_NOWARNING);
            htmlFreeParserCtxt(ctxt);
        }
    }
    xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    return xml;
}

xmlDocPtr sc_html_parse(sc_document *doc, const char *data, size_t len, int xhtml,
                        const char *encoding, const sc_read_options *opts, const char *file,
                        sc_diag_list *diags)
{
    if (len > (size_t)1 << 30) {
        sc_diag_error(diags, file, "input too large (%zu bytes)", len);
        return NULL;
    }
    const unsigned char *u = (const unsigned char *)data;
    int utf16 = len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
    const char *kind = binary_kind(data, len, utf16 ? "UTF-16" : "");
    if (kind) {
        sc_diag_error(diags, file, "not an HTML document (the file is %s)", kind);
        return NULL;
    }
    if (!encoding)
        encoding = sc_html_prepare_bytes(doc, &data, &len, xhtml, opts, file, diags);
    if (strcmp(encoding, "UTF-8") == 0) {
        size_t fixed_len, bad;
        const char *fixed = sc_html_fix_utf8(doc, data, len, &fixed_len, &bad);
        if (bad != (size_t)-1) {
            sc_diag_add(diags, SC_WARNING, file, 0, 0, (long)bad,
                        "invalid UTF-8 (byte 0x%02X at offset %zu) replaced by U+FFFD",
                        (unsigned char)data[bad], bad);
            data = fixed;
            len = fixed_len;
        }
    }
    sc_xml_error errs = {.fatal = 0};
    xmlDocPtr xml = parse_with(data, len, xhtml, encoding, file, &errs);
    if (!xml && xhtml) {
        sc_diag_add(diags, SC_WARNING, file, errs.line, 0, -1,
                    "not well-formed XHTML (%s); reading it as HTML", errs.message);
        errs.fatal = 0;
        xml = parse_with(data, len, 0, encoding, file, &errs);
    }
    if (!xml || !xmlDocGetRootElement(xml)) {
        if (xml)
            xmlFreeDoc(xml);
        sc_diag_error(diags, file, "cannot read the document as HTML%s%s", errs.fatal ? ": " : "",
                      errs.fatal ? errs.message : "");
        return NULL;
    }
    return xml;
}

xmlDocPtr sc_xml_parse(const char *data, size_t len, const char *file, sc_xml_error *err)
{
    sc_xml_error own = {.fatal = 0};
    if (!err)
        err = &own;
    memset(err, 0, sizeof *err);
    if (!data || len > (size_t)1 << 30)
        return NULL;
    return parse_with(data, len, 1, NULL, file, err);
}
