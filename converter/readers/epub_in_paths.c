/* epub_in_paths.c — references inside an EPUB package resolved to the zip's entry names, never
 * leaving the package: percent-decoding, "." and ".." folded, absolute URLs refused. */
#include <ctype.h>
#include <string.h>

#include "../base/buf.h"
#include "html.h"

static int hex(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A URL scheme ("http:", "mailto:", "data:") before any '/', '?' or '#'. */
static int has_scheme(const char *ref)
{
    if (!isalpha((unsigned char)ref[0]))
        return 0;
    for (const char *p = ref; *p && *p != '/' && *p != '?' && *p != '#'; p++)
        if (*p == ':')
            return 1;
    return 0;
}

const char *sc_epub_resolve(sc_arena *arena, const char *from, const char *ref)
{
    if (!ref || has_scheme(ref) || ref[0] == '/')
        return NULL;
    size_t cut = strcspn(ref, "?#");
    if (cut == 0)
        return NULL;
    sc_buf joined;
    sc_buf_init(&joined);
    const char *slash = from ? strrchr(from, '/') : NULL;
    if (slash)
        sc_buf_append(&joined, from, (size_t)(slash - from) + 1);
    for (size_t i = 0; i < cut; i++) {
        int hi, lo;
        if (ref[i] == '%' && i + 2 < cut && (hi = hex(ref[i + 1])) >= 0 &&
            (lo = hex(ref[i + 2])) >= 0) {
            char c = (char)(hi * 16 + lo);
            if (c == '\0') {
                sc_buf_free(&joined);
                return NULL;
            }
            sc_buf_putc(&joined, c);
            i += 2;
        } else {
            sc_buf_putc(&joined, ref[i]);
        }
    }
    /* fold the segments */
    char *out = sc_arena_alloc(arena, joined.len + 1);
    size_t o = 0;
    const char *s = joined.data;
    int ok = 1;
    while (*s && ok) {
        size_t n = strcspn(s, "/");
        if (n == 0 || (n == 1 && s[0] == '.')) {
            /* empty or "." segment */
        } else if (n == 2 && s[0] == '.' && s[1] == '.') {
            if (o == 0)
                ok = 0; /* above the package root */
            else {
                while (o > 0 && out[o - 1] != '/')
                    o--;
                if (o > 0)
                    o--; /* the slash before the dropped segment */
            }
        } else {
            if (o)
                out[o++] = '/';
            memcpy(out + o, s, n);
            o += n;
        }
        s += n;
        if (*s == '/')
            s++;
    }
    out[o] = '\0';
    sc_buf_free(&joined);
    return ok && o ? out : NULL;
}
