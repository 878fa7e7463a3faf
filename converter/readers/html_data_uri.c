/* html_data_uri.c — pictures written into the page itself (`<img src="data:image/png;base64,...">`,
 * as pandoc's --embed-resources and many saved pages make them) become document resources, named
 * "data-image-N", so that a self-contained page stays self-contained. */
#include <string.h>
#include <strings.h>

#include "html.h"

/* Larger embedded pictures are left alone (the size bound of a picture in a package). */
#define MAX_DATA_BYTES ((size_t)64 << 20)

static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

const char *sc_html_data_uri(sc_document *doc, const char *src)
{
    if (!src || strncasecmp(src, "data:", 5) != 0)
        return NULL;
    const char *comma = strchr(src, ',');
    if (!comma)
        return NULL;
    size_t head = (size_t)(comma - src);
    const char *b64 = NULL;
    for (const char *p = src; p + 7 <= comma; p++)
        if (strncasecmp(p, ";base64", 7) == 0)
            b64 = p;
    size_t mime_len = strcspn(src + 5, ";,");
    if (!b64 || mime_len == 0 || mime_len > 100 || head > 200 ||
        strncasecmp(src + 5, "image/", 6) != 0)
        return NULL;
    const char *data = comma + 1;
    size_t len = strlen(data);
    if (len / 4 * 3 > MAX_DATA_BYTES)
        return NULL;
    unsigned char *out = sc_arena_alloc(doc->arena, len / 4 * 3 + 3);
    size_t o = 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == '=')
            break;
        int v = b64_value(c);
        if (v < 0) {
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                continue;
            return NULL; /* not base64 */
        }
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    if (!o)
        return NULL;
    size_t count = 0;
    for (const sc_resource *r = doc->resources; r; r = r->next)
        count++;
    const char *name = sc_arena_printf(doc->arena, "data-image-%zu", count + 1);
    const char *mime = sc_arena_strndup(doc->arena, src + 5, mime_len);
    sc_document_add_resource(doc, name, mime, out, o);
    return name;
}
