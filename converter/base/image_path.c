/* image_path.c — where a picture's URL leads: only to a regular file inside the document's folder
 * (after resolving "..", symbolic links and %XX escapes with realpath), never to the network. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "image.h"

static const char *refuse(char *why, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static const char *refuse(char *why, size_t size, const char *fmt, ...)
{
    if (why && size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, size, fmt, ap);
        va_end(ap);
    }
    return NULL;
}

/* The URL's scheme ("http" in "http://..."), copied into out; 0 when it has none. A single letter
 * before ':' is a Windows drive, not a scheme. */
static int scheme_of(const char *url, char *out, size_t size)
{
    size_t n = 0;
    while ((url[n] >= 'a' && url[n] <= 'z') || (url[n] >= 'A' && url[n] <= 'Z') ||
           (n > 0 && ((url[n] >= '0' && url[n] <= '9') || url[n] == '+' || url[n] == '-' ||
                      url[n] == '.')))
        n++;
    if (url[n] != ':' || n < 2 || n >= size)
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(url[i] >= 'A' && url[i] <= 'Z' ? url[i] + 32 : url[i]);
    out[n] = '\0';
    return 1;
}

int sc_image_is_remote(const char *url)
{
    char scheme[16];
    if (!url)
        return 0;
    if (url[0] == '/' && url[1] == '/')
        return 1;
    return scheme_of(url, scheme, sizeof scheme) &&
           (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
            strcmp(scheme, "ftp") == 0);
}

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

const char *sc_image_resolve(sc_arena *arena, const char *base_dir, const char *url, char *why,
                             size_t ws)
{
    char scheme[16];
    if (!url || !*url)
        return refuse(why, ws, "the picture has no file name");
    if (sc_image_is_remote(url))
        return refuse(why, ws, "remote pictures are never fetched");
    if (scheme_of(url, scheme, sizeof scheme)) {
        if (strcmp(scheme, "file") != 0)
            return refuse(why, ws, "'%s:' URLs are not supported for pictures", scheme);
        url += 5;
        if (url[0] == '/' && url[1] == '/') { /* file://host/path: only the local host */
            const char *path = strchr(url + 2, '/');
            if (!path || (path != url + 2 && strncmp(url + 2, "localhost/", 10) != 0))
                return refuse(why, ws, "file URLs naming another host are not supported");
            url = path;
        }
    }
    if (!base_dir || !*base_dir)
        return refuse(why, ws, "the document has no folder to find pictures in");
    /* The path part: %XX decoded, query and fragment dropped. */
    sc_buf path;
    sc_buf_init(&path);
    if (url[0] != '/') {
        sc_buf_puts(&path, base_dir);
        sc_buf_putc(&path, '/');
    }
    for (const char *s = url; *s && *s != '?' && *s != '#'; s++) {
        if (*s == '%' && hex(s[1]) >= 0 && hex(s[2]) >= 0) {
            char c = (char)(hex(s[1]) * 16 + hex(s[2]));
            if (c == '\0') {
                sc_buf_free(&path);
                return refuse(why, ws, "the picture's name holds a NUL byte");
            }
            sc_buf_putc(&path, c);
            s += 2;
        } else {
            sc_buf_putc(&path, *s);
        }
    }
    char real[PATH_MAX];
    if (path.len >= PATH_MAX || !realpath(path.data, real)) {
        int err = path.len >= PATH_MAX ? ENAMETOOLONG : errno;
        sc_buf_free(&path);
        return refuse(why, ws, "cannot open it: %s", strerror(err));
    }
    sc_buf_free(&path);
    size_t bl = strlen(base_dir);
    while (bl > 1 && base_dir[bl - 1] == '/')
        bl--;
    int inside = strncmp(real, base_dir, bl) == 0 && (real[bl] == '/' || (bl == 1 && real[0] == '/'));
    if (!inside)
        return refuse(why, ws, "it lies outside the document's folder (%.*s); refused",
                      (int)bl, base_dir);
    struct stat sb;
    if (stat(real, &sb) != 0 || !S_ISREG(sb.st_mode))
        return refuse(why, ws, "it is not a regular file");
    return sc_arena_strdup(arena, real);
}

const unsigned char *sc_image_read(sc_arena *arena, const char *path, size_t *len, char *why,
                                   size_t ws)
{
    sc_buf b;
    sc_buf_init(&b);
    if (sc_buf_read_file(&b, path, SC_IMAGE_MAX_BYTES) != 0) {
        int err = errno;
        sc_buf_free(&b);
        if (err == EFBIG)
            refuse(why, ws, "the file is larger than %zu MiB", SC_IMAGE_MAX_BYTES >> 20);
        else
            refuse(why, ws, "cannot read it: %s", strerror(err));
        return NULL;
    }
    unsigned char *data = sc_arena_alloc(arena, b.len ? b.len : 1);
    if (b.len)
        memcpy(data, b.data, b.len);
    *len = b.len;
    sc_buf_free(&b);
    return data;
}
