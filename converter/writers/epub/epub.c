/* epub.c — sc_epub_write: plan the book, render every file into memory, then package them with
 * libzip (mimetype first and stored, the rest deflated, fixed order and times) so the same inputs
 * give the same bytes. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <zip.h>

#include "epub_internal.h"

typedef struct ep_entry {
    const char *name; /* path inside the container */
    sc_buf data;
    int store;        /* stored rather than deflated */
} ep_entry;

/* ZIP stores local "DOS" times; libzip converts time_t with localtime(), which would make the
 * bytes depend on the machine's time zone. The fields are computed here from UTC and set
 * directly, clamped to the range the format can hold (1980..2107). */
static void dos_time(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
    struct tm tm;
    if (!gmtime_r(&t, &tm) || tm.tm_year < 80) {
        *ddate = (1 << 5) | 1; /* 1980-01-01 00:00:00 */
        *dtime = 0;
        return;
    }
    if (tm.tm_year > 80 + 127) {
        *ddate = (zip_uint16_t)((127 << 9) | (12 << 5) | 31);
        *dtime = (zip_uint16_t)((23 << 11) | (59 << 5) | 29);
        return;
    }
    *ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
    *dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
}

static int add_entry(zip_t *za, ep_entry *e, zip_uint16_t dtime, zip_uint16_t ddate)
{
    zip_source_t *src = zip_source_buffer(za, e->data.data, e->data.len, 1);
    if (!src)
        return -1;
    e->data.data = NULL; /* the source owns (and frees) the bytes from here on */
    e->data.len = e->data.cap = 0;
    zip_int64_t idx = zip_file_add(za, e->name, src, 0);
    if (idx < 0) {
        zip_source_free(src);
        return -1;
    }
    zip_uint64_t i = (zip_uint64_t)idx;
    if (zip_set_file_compression(za, i, e->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
        zip_file_set_dostime(za, i, dtime, ddate, 0) < 0)
        return -1;
    /* no extra fields anywhere (OCF forbids them on mimetype; none are wanted elsewhere) */
    if (zip_file_extra_fields_count(za, i, ZIP_FL_CENTRAL | ZIP_FL_LOCAL) > 0 &&
        zip_file_extra_field_delete(za, i, ZIP_EXTRA_FIELD_ALL, ZIP_FL_CENTRAL | ZIP_FL_LOCAL) < 0)
        return -1;
    return 0;
}

static int package(ep_book *b, ep_entry *entries, int n, const char *path)
{
    int zerr = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    if (!za) {
        zip_error_t e;
        zip_error_init_with_code(&e, zerr);
        sc_diag_error(b->diags, path, "cannot create the EPUB: %s", zip_error_strerror(&e));
        zip_error_fini(&e);
        return -1;
    }
    zip_uint16_t dtime, ddate;
    dos_time(b->opts->modified, &dtime, &ddate);
    for (int i = 0; i < n; i++) {
        if (add_entry(za, &entries[i], dtime, ddate) < 0) {
            sc_diag_error(b->diags, path, "cannot add %s to the EPUB: %s", entries[i].name,
                          zip_strerror(za));
            zip_discard(za); /* nothing has been written to `path` yet */
            return -1;
        }
    }
    if (zip_close(za) < 0) {
        /* libzip writes a temporary file beside `path` and removes it when writing fails */
        sc_diag_error(b->diags, path, "cannot write the EPUB: %s", zip_strerror(za));
        zip_discard(za);
        return -1;
    }
    return 0;
}

/* The next entry of the container, to be filled. */
static sc_buf *next_entry(ep_entry *entries, int *n, const char *name, int store)
{
    ep_entry *e = &entries[(*n)++];
    e->name = name;
    e->store = store;
    return &e->data;
}

/* Render every file of the book into `entries` (fixed order: mimetype, container, package,
 * nav, NCX, stylesheet, content files in spine order). Returns the count, or -1. */
static int render(ep_book *b, ep_entry *entries)
{
    int n = 0;
    sc_buf_puts(next_entry(entries, &n, "mimetype", 1), "application/epub+zip");
    if (ep_write_container(next_entry(entries, &n, "META-INF/container.xml", 0)) < 0 ||
        ep_write_opf(b, next_entry(entries, &n, "EPUB/package.opf", 0)) < 0 ||
        ep_write_nav(b, next_entry(entries, &n, "EPUB/nav.xhtml", 0)) < 0 ||
        ep_write_ncx(b, next_entry(entries, &n, "EPUB/toc.ncx", 0)) < 0)
        return -1;
    sc_buf *css = next_entry(entries, &n, "EPUB/style.css", 0);
    if (b->opts->css && b->opts->css_len)
        sc_buf_append(css, b->opts->css, b->opts->css_len);
    for (size_t i = 0; i < b->opts->nfonts; i++) {
        const sc_epub_font *f = &b->opts->fonts[i];
        const char *name = sc_arena_printf(b->arena, "EPUB/fonts/%s", f->name);
        if (sc_buf_read_file(next_entry(entries, &n, name, 0), f->path, 64u << 20) != 0) {
            sc_diag_error(b->diags, f->path, "cannot read the font to embed in the EPUB");
            return -1;
        }
    }
    for (int i = 0; i < b->nimages; i++) /* pictures: already compressed, stored */
        sc_buf_append(next_entry(entries, &n, sc_arena_printf(b->arena, "EPUB/%s",
                                                              b->images[i].href), 1),
                      b->images[i].data, b->images[i].len);
    for (int i = 0; i < b->nfiles; i++) {
        const char *name = sc_arena_printf(b->arena, "EPUB/%s", b->files[i].name);
        sc_buf *out = next_entry(entries, &n, name, 0);
        int rc = i == b->notes_file ? ep_write_notes(b, out) : ep_write_content(b, i, out);
        if (rc < 0)
            return -1;
    }
    return n;
}

int sc_epub_write(const sc_document *doc, const sc_epub_options *opts, const char *path,
                  sc_diag_list *diags)
{
    const char *name = doc ? doc->source_name : NULL;
    if (!doc || !doc->root || !opts || !path) {
        sc_diag_error(diags, name, "EPUB writer called without a document, options or path");
        return -1;
    }
    if (!doc->meta.identifier) {
        sc_diag_error(diags, name, "the document has no identifier (sc_document_finish not run)");
        return -1;
    }
    xmlInitParser(); /* idempotent; libxml2 needs it before use from several threads */

    ep_book book = {0};
    book.doc = doc;
    book.opts = opts;
    book.diags = diags;
    book.arena = sc_arena_new();
    book.title = doc->meta.title && *doc->meta.title ? doc->meta.title : doc->source_name;
    if (!book.title || !*book.title)
        book.title = "Untitled";
    book.lang = doc->meta.lang;
    if (!ep_valid_lang(book.lang)) {
        if (book.lang && *book.lang)
            sc_diag_warning(diags, name, "language '%s' is not a BCP 47 tag; the EPUB says 'und'",
                            book.lang);
        book.lang = "und";
    }
    ep_plan(&book);
    ep_images_collect(&book);

    int cap = 6 + book.nfiles + (int)opts->nfonts + book.nimages;
    ep_entry *entries = sc_arena_calloc(book.arena, (size_t)cap, sizeof *entries);
    int n = render(&book, entries);
    int rc = -1;
    if (n < 0)
        sc_diag_error(diags, name, "cannot write the EPUB's XML (libxml2 failed)");
    else
        rc = package(&book, entries, n, path);
    for (int i = 0; i < cap; i++)
        sc_buf_free(&entries[i].data);
    sc_arena_free(book.arena);
    return rc;
}
