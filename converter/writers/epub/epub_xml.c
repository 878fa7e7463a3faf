/* epub_xml.c — every byte of XML the EPUB writer produces goes through libxml2's xmlTextWriter
 * (it escapes text and attributes); this wrapper sends the output into an sc_buf, cleans text that
 * XML 1.0 cannot carry, and records the first failure so callers check once. */
#include <string.h>

#include <libxml/xmlIO.h>

#include "epub_internal.h"

static int write_to_buf(void *ctx, const char *data, int len)
{
    if (len > 0)
        sc_buf_append(ctx, data, (size_t)len);
    return len;
}

int ep_xml_begin(ep_xml *x, sc_buf *out)
{
    memset(x, 0, sizeof *x);
    sc_buf_init(&x->scratch);
    x->out = out;
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(write_to_buf, NULL, out, NULL);
    if (!ob)
        return -1;
    x->w = xmlNewTextWriter(ob); /* owns ob from here on */
    if (!x->w) {
        xmlOutputBufferClose(ob);
        return -1;
    }
    if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0)
        x->failed = 1;
    return 0;
}

int ep_xml_end(ep_xml *x)
{
    if (!x->failed && xmlTextWriterEndDocument(x->w) < 0)
        x->failed = 1;
    if (!x->failed && xmlTextWriterFlush(x->w) < 0)
        x->failed = 1;
    int failed = x->failed;
    ep_xml_abandon(x);
    return failed ? -1 : 0;
}

void ep_xml_abandon(ep_xml *x)
{
    if (x->w)
        xmlFreeTextWriter(x->w);
    x->w = NULL;
    sc_buf_free(&x->scratch);
}

void ep_start(ep_xml *x, const char *name)
{
    if (!x->failed && xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
        x->failed = 1;
}

void ep_end(ep_xml *x)
{
    if (!x->failed && xmlTextWriterEndElement(x->w) < 0)
        x->failed = 1;
}

/* Decode one UTF-8 sequence at s (n bytes left); returns its length and the code point, or
 * length 1 and -1 for a malformed sequence. */
static size_t utf8_decode(const unsigned char *s, size_t n, long *cp)
{
    unsigned c = s[0];
    size_t len;
    long v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
        len = 2, v = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3, v = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = -1;
        return 1;
    }
    if (len > n) {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return len;
}

/* Copy `text` into the scratch buffer as well-formed XML character data (NUL-terminated). Runs
 * of good text are copied whole; only the rare bad character is handled on its own. */
static const char *clean(ep_xml *x, const char *text, size_t len)
{
    static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
    const unsigned char *s = (const unsigned char *)text;
    x->scratch.len = 0;
    sc_buf_reserve(&x->scratch, len);
    x->scratch.data[0] = '\0';
    size_t run = 0; /* start of the pending run of good bytes */
    for (size_t i = 0; i < len;) {
        if (s[i] >= 0x20 && s[i] < 0x80) { /* plain ASCII: the common case */
            i++;
            continue;
        }
        long cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        const char *instead = NULL;
        size_t instead_len = 0;
        if (cp < 0)
            instead = replacement, instead_len = 3;
        else if (cp == '\v' || cp == '\f' || (cp >= 0x1c && cp <= 0x1f))
            instead = " ", instead_len = 1; /* separators XML cannot hold: keep the word gap */
        else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xfffe ||
                 cp == 0xffff)
            instead = "", instead_len = 0; /* not allowed anywhere in an XML 1.0 document */
        if (instead) {
            sc_buf_append(&x->scratch, s + run, i - run);
            sc_buf_append(&x->scratch, instead, instead_len);
            run = i + n;
        }
        i += n;
    }
    sc_buf_append(&x->scratch, s + run, len - run);
    return x->scratch.data;
}

void ep_attr(ep_xml *x, const char *name, const char *value)
{
    if (x->failed)
        return;
    const char *v = clean(x, value, strlen(value));
    if (xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST v) < 0)
        x->failed = 1;
}

void ep_text(ep_xml *x, const char *text, size_t len)
{
    if (x->failed || len == 0)
        return;
    const char *v = clean(x, text, len);
    if (*v && xmlTextWriterWriteString(x->w, BAD_CAST v) < 0)
        x->failed = 1;
}

void ep_newline(ep_xml *x)
{
    if (!x->failed && xmlTextWriterWriteRaw(x->w, BAD_CAST "\n") < 0)
        x->failed = 1;
}

void ep_element_text(ep_xml *x, const char *name, const char *text)
{
    ep_start(x, name);
    ep_text(x, text, strlen(text));
    ep_end(x);
}

void ep_doctype_html(ep_xml *x)
{
    if (!x->failed && xmlTextWriterWriteDTD(x->w, BAD_CAST "html", NULL, NULL, NULL) < 0)
        x->failed = 1;
    ep_newline(x);
}

int ep_valid_lang(const char *s)
{
    if (!s || !*s)
        return 0;
    int n = 0, first = 1;
    for (const char *p = s;; p++) {
        if (*p == '-' || *p == '\0') {
            if (n < 1 || n > 8)
                return 0;
            if (*p == '\0')
                return 1;
            n = 0;
            first = 0;
        } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                   (!first && *p >= '0' && *p <= '9')) {
            n++;
        } else {
            return 0;
        }
    }
}

void ep_lang_attrs(ep_xml *x, const char *lang)
{
    if (!ep_valid_lang(lang))
        return; /* an invalid xml:lang would make the file invalid; the text inherits instead */
    ep_attr(x, "xml:lang", lang);
    ep_attr(x, "lang", lang);
}
