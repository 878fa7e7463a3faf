/* html_encoding.c — which encoding an (X)HTML byte stream is in. libxml2 must always be told:
 * without a name its HTML parser reads undeclared UTF-8 as Latin-1. The order follows the HTML
 * standard's sniffing (BOM, then a <meta> prescan) with the XML declaration for XHTML, and UTF-8
 * before the windows-1252 fallback. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <libxml/encoding.h>

#include "html.h"
#include "legacy.h"

/* How far into the file <meta charset> and the XML declaration are looked for. */
enum { PRESCAN_BYTES = 4096 };

static const char *find_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (strncasecmp(s + i, needle, n) == 0)
            return s + i;
    return NULL;
}

/* The encoding label after "charset" or "encoding" (`key`) inside s[0..len): skips white space,
 * '=' and a quote. Copies at most size-1 characters into `out`; 0 when none. */
static int label_after(const char *s, size_t len, const char *key, char *out, size_t size)
{
    const char *k = find_ci(s, len, key);
    if (!k)
        return 0;
    const char *p = k + strlen(key), *end = s + len;
    while (p < end && isspace((unsigned char)*p))
        p++;
    if (p >= end || *p != '=')
        return 0;
    p++;
    while (p < end && (isspace((unsigned char)*p) || *p == '"' || *p == '\''))
        p++;
    size_t n = 0;
    while (p < end && n + 1 < size && (isalnum((unsigned char)*p) || strchr("-_.:", *p)))
        out[n++] = *p++;
    out[n] = '\0';
    return n > 0;
}

/* <meta charset=X> or <meta http-equiv=content-type content="...; charset=X"> in the first bytes. */
static int meta_charset(const char *s, size_t len, char *out, size_t size)
{
    const char *end = s + len;
    for (const char *p = find_ci(s, len, "<meta"); p; p = find_ci(p + 5, (size_t)(end - p - 5), "<meta")) {
        const char *close = memchr(p, '>', (size_t)(end - p));
        size_t tag = close ? (size_t)(close - p) : (size_t)(end - p);
        if (label_after(p, tag, "charset", out, size))
            return 1;
        if (!close)
            break;
    }
    return 0;
}

static int xml_declaration(const char *s, size_t len, char *out, size_t size)
{
    if (len < 5 || strncmp(s, "<?xml", 5) != 0)
        return 0;
    const char *close = find_ci(s, len, "?>");
    return close && label_after(s, (size_t)(close - s), "encoding", out, size);
}

/* Length of the well-formed UTF-8 sequence at s[i], 0 when it is ill-formed. */
static size_t sequence(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!n || i + n > len)
        return 0;
    for (size_t k = 1; k < n; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F) ||
        (c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] > 0x8F))
        return 0;
    return n;
}

static int valid_utf8(const unsigned char *s, size_t len)
{
    for (size_t i = 0, n; i < len; i += n)
        if (!(n = sequence(s, len, i)))
            return 0;
    return 1;
}

char *sc_html_fix_utf8(sc_document *doc, const char *data, size_t len, size_t *out_len,
                       size_t *first_bad)
{
    const unsigned char *u = (const unsigned char *)data;
    char *out = sc_arena_alloc(doc->arena, len * 3 + 1);
    size_t o = 0;
    *first_bad = (size_t)-1;
    for (size_t i = 0; i < len;) {
        size_t n = sequence(u, len, i);
        if (n) {
            memcpy(out + o, data + i, n);
            o += n;
            i += n;
            continue;
        }
        if (*first_bad == (size_t)-1)
            *first_bad = i;
        memcpy(out + o, "\xEF\xBF\xBD", 3);
        o += 3;
        i++;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* A label the parser can use, or NULL. HTML's rule that ASCII and Latin-1 labels mean
 * windows-1252 is applied (pages labelled iso-8859-1 hold windows-1252 quotes and dashes). */
static const char *usable(sc_document *doc, const char *label)
{
    static const char *const windows_1252[] = {"iso-8859-1", "iso8859-1", "latin1", "l1",
                                               "us-ascii", "ascii", "iso_8859-1", "cp819"};
    if (strcasecmp(label, "utf8") == 0 || strcasecmp(label, "utf-8") == 0 ||
        strcasecmp(label, "unicode-1-1-utf-8") == 0)
        return "UTF-8";
    for (size_t i = 0; i < sizeof windows_1252 / sizeof *windows_1252; i++)
        if (strcasecmp(label, windows_1252[i]) == 0)
            return "windows-1252";
    xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(label);
    if (!h)
        return NULL;
    xmlCharEncCloseFunc(h);
    return sc_arena_strdup(doc->arena, label);
}

/* Bytes in an encoding only sapchu's own tables read (VNI, TCVN3, VPS, VIQR) become UTF-8 here,
 * so the parser gets UTF-8. */
static const char *decoded(sc_document *doc, sc_encoding enc, const char **data, size_t *len)
{
    sc_buf out;
    sc_buf_init(&out);
    if (sc_encoding_decode(enc, *data, *len, &out, NULL) != 0) {
        sc_buf_free(&out);
        return "windows-1252";
    }
    *data = sc_arena_strndup(doc->arena, out.data ? out.data : "", out.len);
    *len = out.len;
    sc_buf_free(&out);
    return "UTF-8";
}

/* A legacy Vietnamese encoding by name (--encoding, or a label libxml2 does not know). */
static const char *legacy_named(sc_document *doc, const char *name, const char **data, size_t *len)
{
    sc_encoding enc = sc_encoding_from_name(name);
    if (enc == SC_ENC_NONE)
        return NULL;
    if (enc == SC_ENC_UTF8)
        return "UTF-8";
    const char *iconv = sc_encoding_iconv_name(enc);
    return iconv ? iconv : decoded(doc, enc, data, len);
}

const char *sc_html_prepare_bytes(sc_document *doc, const char **data, size_t *len, int xhtml,
                                  const sc_read_options *opts, const char *file,
                                  sc_diag_list *diags)
{
    if (opts && opts->encoding) {
        const char *forced = legacy_named(doc, opts->encoding, data, len);
        if (!forced)
            forced = usable(doc, opts->encoding);
        if (forced)
            return forced;
        sc_diag_warning(diags, file, "unknown encoding '%s'; the page's own is used", opts->encoding);
    }
    return sc_html_detect_encoding(doc, data, len, xhtml, file, diags);
}

const char *sc_html_detect_encoding(sc_document *doc, const char **datap, size_t *lenp, int xhtml,
                                    const char *file, sc_diag_list *diags)
{
    const char *data = *datap;
    size_t len = *lenp;
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return "UTF-8";
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return "UTF-16LE";
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return "UTF-16BE";
    size_t head = len < PRESCAN_BYTES ? len : PRESCAN_BYTES;
    char label[64];
    int found = xhtml ? xml_declaration(data, head, label, sizeof label) ||
                            meta_charset(data, head, label, sizeof label)
                      : meta_charset(data, head, label, sizeof label) ||
                            xml_declaration(data, head, label, sizeof label);
    if (found) {
        const char *name = usable(doc, label);
        if (!name)
            name = legacy_named(doc, label, datap, lenp);
        if (name)
            return name;
        sc_diag_warning(diags, file, "unknown encoding '%s' declared; reading as UTF-8", label);
    }
    if (found || valid_utf8(u, len))
        return "UTF-8"; /* invalid bytes under a UTF-8 label become U+FFFD (sc_html_fix_utf8) */
    /* undeclared and not UTF-8: a legacy Vietnamese encoding when the words fit one well */
    sc_encoding_guess g;
    sc_encoding_detect(data, len, &g);
    if (g.encoding != SC_ENC_NONE && g.encoding != SC_ENC_UTF8) {
        sc_diag_add(diags, SC_NOTE, file, 0, 0, -1,
                    "no encoding declared and not UTF-8; read as %s (Vietnamese syllable score "
                    "%.2f; %s)", sc_encoding_name(g.encoding), g.score, g.summary);
        const char *iconv = sc_encoding_iconv_name(g.encoding);
        return iconv ? iconv : decoded(doc, g.encoding, datap, lenp);
    }
    sc_diag_warning(diags, file, "no encoding declared and the bytes are not UTF-8; reading as "
                                 "windows-1252");
    return "windows-1252";
}
