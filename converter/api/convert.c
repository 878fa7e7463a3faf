/* convert.c — one document through the whole pipeline: read, style, then lay out + PDF, or EPUB. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../layout/layout.h"
#include "../style/style.h"
#include "../writers/epub/epub.h"
#include "../writers/pdf/pdf.h"
#include "epub_css.h"
#include "output.h"
#include "paths.h"
#include "sapchu.h"

enum { SC_MAX_INPUT = 256u << 20, SC_MAX_STYLESHEET = 4u << 20 };

sc_output_format sc_output_format_from_name(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return SC_OUTPUT_NONE;
    return sc_output_format_from_option(dot + 1);
}

sc_output_format sc_output_format_from_option(const char *name)
{
    if (strcasecmp(name, "pdf") == 0)
        return SC_OUTPUT_PDF;
    if (strcasecmp(name, "epub") == 0)
        return SC_OUTPUT_EPUB;
    return SC_OUTPUT_NONE;
}

const char *sc_output_extension(sc_output_format f)
{
    return f == SC_OUTPUT_EPUB ? "epub" : "pdf";
}

time_t sc_output_date(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (!errno && !*end && v >= 0)
            return (time_t)v;
    }
    return time(NULL);
}

/* The document's title when it has none of its own: the file name without folder and extension. */
static const char *title_from_name(sc_document *doc, const char *name)
{
    if (!name || strcmp(name, "-") == 0)
        return "Untitled";
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return sc_arena_strndup(doc->arena, base, len);
}

static void apply_options(sc_document *doc, const char *name, sc_input_format format,
                          const sc_options *o)
{
    sc_meta *m = &doc->meta;
    /* Markdown shows its metadata title at the top, as pandoc does; plain text already starts with
     * its first line, which is where its title came from. */
    int title_block = format == SC_INPUT_MARKDOWN && (o->title || m->title_from_source);
    if (o->title)
        m->title = sc_arena_strdup(doc->arena, o->title);
    else if (!m->title || !*m->title)
        m->title = title_from_name(doc, name);
    if (o->author)
        m->author = sc_arena_strdup(doc->arena, o->author);
    if (o->lang)
        m->lang = sc_arena_strdup(doc->arena, o->lang);
    if (title_block)
        sc_document_add_title_block(doc);
}

/* The folder a document's referenced files are resolved in (and may not leave): its own. */
static const char *base_dir_of(sc_document *doc, const char *name)
{
    if (!name || strcmp(name, "-") == 0)
        return NULL;
    char real[PATH_MAX];
    if (!realpath(name, real))
        return NULL;
    char *slash = strrchr(real, '/');
    if (!slash)
        return NULL;
    *(slash == real ? slash + 1 : slash) = '\0';
    return sc_arena_strdup(doc->arena, real);
}

/* Stylesheets in cascade order: the bundled default, the document's own, then the user's. */
typedef struct stylesheets {
    sc_stylesheet *sheets[66];
    size_t count;
} stylesheets;

static int load_sheet(stylesheets *s, sc_document *doc, const char *path, sc_diag_list *d)
{
    if (s->count == sizeof s->sheets / sizeof s->sheets[0]) {
        sc_diag_error(d, path, "too many stylesheets");
        return -1;
    }
    sc_buf text;
    sc_buf_init(&text);
    if (sc_buf_read_file(&text, path, SC_MAX_STYLESHEET) != 0) {
        sc_diag_error(d, path, "cannot read stylesheet: %s", strerror(errno));
        sc_buf_free(&text);
        return -1;
    }
    s->sheets[s->count++] = sc_stylesheet_parse(doc->arena, text.data, text.len,
                                                 sc_arena_strdup(doc->arena, path), d);
    sc_buf_free(&text);
    return 0;
}

static int load_stylesheets(stylesheets *s, sc_document *doc, const char *data_dir,
                            const sc_options *o, sc_diag_list *d)
{
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/styles/default.css", data_dir);
    if (load_sheet(s, doc, path, d) != 0)
        return -1;
    /* The document's own stylesheets (HTML <style>, linked sheets) come before the user's. */
    for (const sc_css_source *c = doc->css_sources; c; c = c->next) {
        if (s->count == sizeof s->sheets / sizeof s->sheets[0])
            break;
        s->sheets[s->count++] = sc_stylesheet_parse(doc->arena, c->text, c->len, c->name, d);
    }
    for (size_t i = 0; i < o->nstyles; i++) {
        /* --style NAME (no folder, no .css) is a bundled style: DATA/styles/NAME.css. */
        const char *st = o->styles[i];
        size_t sl = strlen(st);
        if (!strchr(st, '/') && !(sl > 4 && strcasecmp(st + sl - 4, ".css") == 0)) {
            int bundled = (size_t)snprintf(path, sizeof path, "%s/styles/%s.css", data_dir, st) <
                              sizeof path && access(path, R_OK) == 0;
            if (!bundled && access(st, R_OK) == 0) { /* a file named without .css */
                if (load_sheet(s, doc, st, d) != 0)
                    return -1;
                continue;
            }
            if (!bundled) {
                sc_diag_error(d, NULL, "no bundled style '%s' (sapchu --list-styles shows them)",
                              st);
                return -1;
            }
            st = sc_arena_strdup(doc->arena, path); /* sheets may keep their name */
        }
        if (load_sheet(s, doc, st, d) != 0)
            return -1;
    }
    return 0;
}

/* The layout asks for the setup of each kind of page (:first, :left, :right; margin boxes). */
static void page_setup_for(void *ctx, int kind, sc_arena *arena, sc_page_setup *out)
{
    const stylesheets *s = ctx;
    sc_style_page_setup_for(s->sheets, s->count, kind, arena, out);
}

static int write_pdf(sc_document *doc, stylesheets *s, const char *data_dir, const sc_options *o,
                     const char *path, sc_diag_list *d)
{
    sc_page_setup page;
    sc_style_page_setup(s->sheets, s->count, &page);
    if (o->paper && sc_paper_size(o->paper, &page.width, &page.height) != 0) {
        sc_diag_error(d, NULL, "unknown paper size '%s' (A4, A5, B5, Letter)", o->paper);
        return -1;
    }
    char fonts_dir[PATH_MAX + 8];
    snprintf(fonts_dir, sizeof fonts_dir, "%s/fonts", data_dir);
    const sc_font_face_rule *faces[sizeof s->sheets / sizeof s->sheets[0]];
    size_t nfaces = 0;
    for (size_t i = 0; i < s->count; i++)
        if (s->sheets[i] && sc_stylesheet_font_faces(s->sheets[i]))
            faces[nfaces++] = sc_stylesheet_font_faces(s->sheets[i]);
    sc_font_options fo = {.fonts_dir = fonts_dir, .font_dirs = o->font_dirs,
                          .nfont_dirs = o->nfont_dirs, .font_faces = faces, .nfont_faces = nfaces};
    sc_fontset *fonts = sc_fontset_load_opts(&fo, d);
    if (!fonts)
        return -1;
    int rc = -1;
    sc_layout_options lo = {.page_setup_for = page_setup_for, .ctx = s, .toc = o->toc};
    sc_layout *layout = sc_layout_document_ex(doc, &page, fonts, &lo, d);
    if (layout) {
        sc_pdf_options po = {.creation_date = o->date, .producer = "sapchu " SAPCHU_VERSION};
        rc = sc_pdf_write(layout, &doc->meta, &po, path, d);
        sc_layout_free(layout);
    }
    sc_fontset_free(fonts);
    return rc;
}

static int write_epub(sc_document *doc, stylesheets *s, const char *data_dir, const sc_options *o,
                      const char *path, sc_diag_list *d)
{
    sc_buf css;
    sc_buf_init(&css);
    sc_epub_font *fonts = NULL;
    size_t nfonts = 0;
    int rc = sc_epub_css_build(doc->arena, data_dir, s->sheets, s->count, o->embed_fonts, &css,
                               &fonts, &nfonts, d);
    if (rc == 0) {
        sc_epub_options eo = {.modified = o->date,
                              .css = css.data ? css.data : "",
                              .css_len = css.len,
                              .generator = "sapchu " SAPCHU_VERSION,
                              .fonts = fonts,
                              .nfonts = nfonts};
        rc = sc_epub_write(doc, &eo, path, d);
    }
    sc_buf_free(&css);
    return rc;
}

int sc_convert_buffer(const char *data, size_t len, const char *name, sc_input_format in_format,
                      const char *output, sc_output_format out_format, const sc_options *opts,
                      sc_diag_list *d)
{
    sc_options defaults = {0};
    if (!opts) {
        defaults.date = sc_output_date();
        opts = &defaults;
    }
    char data_dir[PATH_MAX];
    if (sc_find_data_dir(opts->data_dir, data_dir, sizeof data_dir) != 0) {
        sc_diag_error(d, NULL, "cannot find the bundled fonts (set SAPCHU_DATA_DIR to the folder "
                               "holding fonts/ and styles/)");
        return -1;
    }
    const char *shown = strcmp(name, "-") == 0 ? "<stdin>" : name;
    sc_document *doc = sc_document_new(shown);
    doc->base_dir = base_dir_of(doc, name);
    if (in_format == SC_INPUT_AUTO) /* extension, else content (zip mimetype, HTML tags) */
        in_format = sc_input_format_detect(name, data, len);
    sc_read_options ro = {.encoding = opts->encoding, .keep_legacy_fonts = opts->keep_legacy_fonts};
    int rc = sc_read_with(doc, data, len, in_format, &ro, d);
    stylesheets s = {.count = 0};
    if (rc == 0) {
        apply_options(doc, name, in_format, opts);
        sc_document_finish(doc);
        rc = load_stylesheets(&s, doc, data_dir, opts, d);
    }
    if (rc == 0) {
        sc_style_apply_diags(doc, s.sheets, s.count, d); /* d: style="" warnings */
        sc_output_file out;
        rc = sc_output_begin(&out, output, name, d);
        if (rc == 0) {
            rc = out_format == SC_OUTPUT_EPUB ? write_epub(doc, &s, data_dir, opts, out.temp, d)
                                              : write_pdf(doc, &s, data_dir, opts, out.temp, d);
            if (rc == 0)
                rc = sc_output_commit(&out, d);
            else
                sc_output_abort(&out);
        }
    }
    sc_document_free(doc);
    return rc;
}

int sc_convert_file(const char *input, sc_input_format in_format, const char *output,
                    sc_output_format out_format, const sc_options *opts, sc_diag_list *d)
{
    sc_buf data;
    sc_buf_init(&data);
    int rc;
    if (strcmp(input, "-") == 0) {
        rc = sc_buf_read_file(&data, "/dev/stdin", SC_MAX_INPUT);
        if (rc != 0)
            sc_diag_error(d, "<stdin>", "cannot read standard input: %s", strerror(errno));
    } else {
        rc = sc_buf_read_file(&data, input, SC_MAX_INPUT);
        if (rc != 0)
            sc_diag_error(d, input, "cannot read: %s",
                          errno == EFBIG ? "file larger than 256 MiB" : strerror(errno));
    }
    if (rc == 0) {
        rc = sc_convert_buffer(data.data, data.len, input, in_format, output, out_format, opts, d);
    }
    sc_buf_free(&data);
    return rc;
}
