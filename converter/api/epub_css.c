/* epub_css.c — the EPUB's style.css: ebook.css (light, reader-overridable) followed by the
 * document's and the user's sheets as the style stage writes them back without print-only rules.
 * The print-oriented default.css is not shipped. @font-face rules survive only with --embed-fonts,
 * for fonts the stylesheet uses: their files go into the package and url() points there. */
#include "epub_css.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum { SC_MAX_EBOOK_CSS = 1u << 20, SC_MAX_EPUB_FONTS = 64 };

/* A @font-face block of the serialized text: [start, end) including the braces. */
typedef struct face_block {
    size_t start, end;
} face_block;

static int starts_with_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len >= n && strncasecmp(s, word, n) == 0;
}

/* The end of the {...} block opening at or after text[i] (past its '}'), strings skipped. */
static size_t block_end(const char *t, size_t len, size_t i)
{
    int depth = 0;
    for (; i < len; i++) {
        char ch = t[i];
        if (ch == '"' || ch == '\'') {
            for (i++; i < len && t[i] != ch; i++)
                if (t[i] == '\\')
                    i++;
        } else if (ch == '{') {
            depth++;
        } else if (ch == '}' && --depth <= 0) {
            return i + 1;
        }
    }
    return len;
}

static size_t find_faces(const char *t, size_t len, face_block *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < cap; i++) {
        if (t[i] == '"' || t[i] == '\'') {
            char q = t[i];
            for (i++; i < len && t[i] != q; i++)
                if (t[i] == '\\')
                    i++;
            continue;
        }
        if (t[i] == '@' && starts_with_ci(t + i, len - i, "@font-face")) {
            out[n].start = i;
            out[n].end = block_end(t, len, i);
            i = out[n].end - 1;
            n++;
        }
    }
    return n;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The media type EPUB 3.2 gives a font file (by extension, else by its first bytes); NULL for
 * what a reading system cannot load (collections). */
static const char *font_media_type(const char *path)
{
    const char *dot = strrchr(base_name(path), '.');
    if (dot) {
        if (strcasecmp(dot, ".ttf") == 0)
            return "font/ttf";
        if (strcasecmp(dot, ".otf") == 0)
            return "font/otf";
        if (strcasecmp(dot, ".woff") == 0)
            return "font/woff";
        if (strcasecmp(dot, ".woff2") == 0)
            return "font/woff2";
    }
    unsigned char magic[4] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t got = fread(magic, 1, 4, f);
    fclose(f);
    if (got != 4)
        return NULL;
    if (memcmp(magic, "OTTO", 4) == 0)
        return "font/otf";
    if (memcmp(magic, "\0\1\0\0", 4) == 0 || memcmp(magic, "true", 4) == 0)
        return "font/ttf";
    return NULL;
}

/* Is `family` named anywhere in the text outside @font-face blocks (case-insensitive)? */
static int family_used(const char *t, size_t len, const face_block *faces, size_t nfaces,
                       const char *family)
{
    size_t fl = strlen(family);
    if (fl == 0)
        return 0;
    for (size_t i = 0; i + fl <= len; i++) {
        int inside = 0;
        for (size_t k = 0; k < nfaces; k++)
            if (i >= faces[k].start && i < faces[k].end)
                inside = 1;
        if (!inside && strncasecmp(t + i, family, fl) == 0)
            return 1;
    }
    return 0;
}

/* The i-th @font-face rule of a sheet's list (rules come in source order, as in the text). */
static const sc_font_face_rule *face_rule(const sc_stylesheet *sheet, size_t i)
{
    const sc_font_face_rule *r = sc_stylesheet_font_faces(sheet);
    for (; r && i > 0; i--)
        r = r->next;
    return r;
}

/* The package name of a font file: its base name, numbered when another file took it. */
static const char *font_name(sc_arena *arena, sc_epub_font *fonts, size_t nfonts, const char *path)
{
    for (size_t i = 0; i < nfonts; i++)
        if (strcmp(fonts[i].path, path) == 0)
            return fonts[i].name;
    /* A name safe in a URL and a zip entry. */
    char *name = sc_arena_strdup(arena, base_name(path));
    for (char *q = name; *q; q++)
        if (!((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') ||
              *q == '.' || *q == '-' || *q == '_'))
            *q = '_';
    for (size_t i = 0; i < nfonts; i++)
        if (strcmp(fonts[i].name, name) == 0)
            return sc_arena_printf(arena, "%zu-%s", nfonts, name);
    return name;
}

/* Copy a kept @font-face block with its url(...) pointing into the package. */
static void put_face(sc_buf *out, const char *t, const face_block *f, const char *name)
{
    const char *b = t + f->start, *e = t + f->end;
    const char *u = NULL;
    for (const char *p = b; p + 4 <= e; p++)
        if (strncasecmp(p, "url(", 4) == 0) {
            u = p;
            break;
        }
    if (!u) {
        sc_buf_append(out, b, (size_t)(e - b));
        return;
    }
    const char *close = u + 4;
    while (close < e && *close != ')') {
        if (*close == '"' || *close == '\'') {
            char q = *close;
            for (close++; close < e && *close != q; close++)
                ;
        }
        close++;
    }
    sc_buf_append(out, b, (size_t)(u - b));
    sc_buf_printf(out, "url(\"fonts/%s\")", name);
    if (close < e) {
        /* Only the first source is shipped: drop the rest of the src list. */
        const char *semi = close;
        while (semi < e && *semi != ';' && *semi != '}')
            semi++;
        sc_buf_append(out, semi, (size_t)(e - semi));
    }
}

static int add_sheet(sc_arena *arena, const sc_stylesheet *sheet, int embed, sc_buf *css,
                     sc_epub_font *fonts, size_t *nfonts, sc_diag_list *d)
{
    sc_buf text;
    sc_buf_init(&text);
    sc_stylesheet_serialize(sheet, 1, &text);
    const char *t = text.data ? text.data : "";
    face_block faces[SC_MAX_EPUB_FONTS];
    size_t nfaces = find_faces(t, text.len, faces, SC_MAX_EPUB_FONTS);
    size_t at = 0;
    for (size_t k = 0; k < nfaces; k++) {
        sc_buf_append(css, t + at, faces[k].start - at);
        at = faces[k].end;
        const sc_font_face_rule *r = face_rule(sheet, k);
        if (!embed || !r || !r->src || !r->family ||
            !family_used(t, text.len, faces, nfaces, r->family))
            continue; /* a url() to a file outside the package would break the EPUB */
        const char *type = font_media_type(r->src);
        if (!type || access(r->src, R_OK) != 0) {
            sc_diag_warning(d, r->sheet, "font '%s' (%s) cannot go into the EPUB: %s", r->family,
                            r->src, type ? strerror(errno) : "not a TrueType/OpenType/WOFF file");
            continue;
        }
        const char *name = font_name(arena, fonts, *nfonts, r->src);
        size_t i = 0;
        while (i < *nfonts && strcmp(fonts[i].path, r->src) != 0)
            i++;
        if (i == *nfonts && *nfonts < SC_MAX_EPUB_FONTS) {
            fonts[i].name = name;
            fonts[i].path = sc_arena_strdup(arena, r->src);
            fonts[i].media_type = type;
            (*nfonts)++;
        }
        put_face(css, t, &faces[k], name);
    }
    sc_buf_append(css, t + at, text.len - at);
    sc_buf_putc(css, '\n');
    sc_buf_free(&text);
    return 0;
}

int sc_epub_css_build(sc_arena *arena, const char *data_dir, sc_stylesheet *const *sheets,
                      size_t nsheets, int embed_fonts, sc_buf *css, sc_epub_font **fonts,
                      size_t *nfonts, sc_diag_list *d)
{
    *fonts = NULL;
    *nfonts = 0;
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/styles/ebook.css", data_dir);
    sc_buf base;
    sc_buf_init(&base);
    if (sc_buf_read_file(&base, path, SC_MAX_EBOOK_CSS) != 0) {
        sc_diag_error(d, path, "cannot read the EPUB base stylesheet: %s", strerror(errno));
        sc_buf_free(&base);
        return -1;
    }
    sc_buf_append(css, base.data, base.len);
    sc_buf_putc(css, '\n');
    sc_buf_free(&base);
    sc_epub_font *list = sc_arena_calloc(arena, SC_MAX_EPUB_FONTS, sizeof *list);
    for (size_t i = 1; i < nsheets; i++)
        if (add_sheet(arena, sheets[i], embed_fonts, css, list, nfonts, d) != 0)
            return -1;
    *fonts = list;
    return 0;
}
