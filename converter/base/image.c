/* image.c — what a picture file says about itself: format, pixel size, resolution and EXIF
 * orientation, read with bounds checks on every offset. Each picture is also decoded once (libpng
 * row by row; libjpeg at an eighth of the size, which still reads every coded bit), errors caught
 * with setjmp and never printed: libharu's PNG loader uses libpng without catching its errors, and
 * embeds JPEGs unread, so only pictures that decode cleanly here may reach it. */
#include "image.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>
#include <png.h>

static int fail(char *why, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *why, size_t size, const char *fmt, ...)
{
    if (why && size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, size, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

sc_img_kind sc_image_sniff(const unsigned char *d, size_t len)
{
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (len >= 8 && memcmp(d, png_sig, 8) == 0)
        return SC_IMG_PNG;
    if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
        return SC_IMG_JPEG;
    if (len >= 6 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0))
        return SC_IMG_GIF;
    if (len >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
        return SC_IMG_WEBP;
    /* SVG: "<svg" among the first bytes (after an XML declaration, comments, a doctype). */
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 4 <= n; i++)
        if (d[i] == '<' && memcmp(d + i + 1, "svg", 3) == 0)
            return SC_IMG_SVG;
    return SC_IMG_UNKNOWN;
}

const char *sc_image_kind_name(sc_img_kind kind)
{
    switch (kind) {
    case SC_IMG_PNG: return "PNG";
    case SC_IMG_JPEG: return "JPEG";
    case SC_IMG_GIF: return "GIF";
    case SC_IMG_WEBP: return "WebP";
    case SC_IMG_SVG: return "SVG";
    default: return "unknown";
    }
}

const char *sc_image_mime(sc_img_kind kind)
{
    switch (kind) {
    case SC_IMG_PNG: return "image/png";
    case SC_IMG_JPEG: return "image/jpeg";
    case SC_IMG_GIF: return "image/gif";
    case SC_IMG_WEBP: return "image/webp";
    case SC_IMG_SVG: return "image/svg+xml";
    default: return NULL;
    }
}

/* EXIF (a TIFF structure): the Orientation tag (0x0112) of the first IFD, 1 when absent. */
static int exif_orientation(const unsigned char *t, size_t len)
{
    if (len < 8)
        return 1;
    int le;
    if (t[0] == 'I' && t[1] == 'I')
        le = 1;
    else if (t[0] == 'M' && t[1] == 'M')
        le = 0;
    else
        return 1;
#define U16(p) (le ? (unsigned)(p)[0] | (unsigned)(p)[1] << 8 : be16(p))
#define U32(p) (le ? (unsigned long)(p)[0] | (unsigned long)(p)[1] << 8 | \
                     (unsigned long)(p)[2] << 16 | (unsigned long)(p)[3] << 24 : be32(p))
    if (U16(t + 2) != 42)
        return 1;
    unsigned long ifd = U32(t + 4);
    if (ifd > len - 2)
        return 1;
    unsigned count = U16(t + ifd);
    for (unsigned i = 0; i < count; i++) {
        unsigned long e = ifd + 2 + 12ul * i;
        if (e + 12 > len)
            break;
        if (U16(t + e) == 0x0112 && U16(t + e + 2) == 3) {
            unsigned v = U16(t + e + 8);
            return v >= 1 && v <= 8 ? (int)v : 1;
        }
    }
    return 1;
#undef U16
#undef U32
}

static int check_size(sc_image_info *info, char *why, size_t ws)
{
    if (info->width == 0 || info->height == 0)
        return fail(why, ws, "the %s has no pixels", sc_image_kind_name(info->kind));
    if (info->width > SC_IMAGE_MAX_SIDE || info->height > SC_IMAGE_MAX_SIDE)
        return fail(why, ws, "%ux%u pixels is larger than %u pixels a side", info->width,
                    info->height, SC_IMAGE_MAX_SIDE);
    return 0;
}

/* ---- JPEG ---------------------------------------------------------------------------------- */

typedef struct jpeg_guard {
    struct jpeg_error_mgr pub; /* first: libjpeg hands back a pointer to it */
    jmp_buf jmp;
    int damaged;               /* a warning that the coded data is corrupt */
    char msg[JMSG_LENGTH_MAX];
} jpeg_guard;

static void jpeg_on_error(j_common_ptr cinfo)
{
    jpeg_guard *g = (jpeg_guard *)cinfo->err;
    cinfo->err->format_message(cinfo, g->msg);
    longjmp(g->jmp, 1);
}

/* Library code never prints: warnings are kept. Stray bytes between segments are harmless (many
 * cameras write them); any other corrupt-data warning makes the picture damaged. */
static void jpeg_on_message(j_common_ptr cinfo, int level)
{
    jpeg_guard *g = (jpeg_guard *)cinfo->err;
    if (level < 0 && cinfo->err->msg_code != JWRN_EXTRANEOUS_DATA && !g->damaged) {
        g->damaged = 1;
        cinfo->err->format_message(cinfo, g->msg);
    }
}

static int jpeg_decodes(const unsigned char *d, size_t len, char *why, size_t ws)
{
    struct jpeg_decompress_struct cinfo;
    jpeg_guard g;
    memset(&g, 0, sizeof g);
    cinfo.err = jpeg_std_error(&g.pub);
    g.pub.error_exit = jpeg_on_error;
    g.pub.emit_message = jpeg_on_message;
    jpeg_create_decompress(&cinfo);
    if (setjmp(g.jmp)) {
        jpeg_destroy_decompress(&cinfo);
        return fail(why, ws, "the JPEG is damaged (%s)", g.msg);
    }
    jpeg_mem_src(&cinfo, d, (unsigned long)len);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.scale_num = 1;
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_IFAST;
    cinfo.do_fancy_upsampling = FALSE;
    jpeg_start_decompress(&cinfo);
    JSAMPARRAY row = cinfo.mem->alloc_sarray((j_common_ptr)&cinfo, JPOOL_IMAGE,
                                             cinfo.output_width * (JDIMENSION)cinfo.output_components,
                                             1);
    while (cinfo.output_scanline < cinfo.output_height)
        jpeg_read_scanlines(&cinfo, row, 1);
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    if (g.damaged)
        return fail(why, ws, "the JPEG is damaged (%s)", g.msg);
    return 0;
}

static int probe_jpeg(const unsigned char *d, size_t len, sc_image_info *info, char *why, size_t ws)
{
    size_t i = 2;
    while (i + 4 <= len) {
        if (d[i] != 0xFF)
            return fail(why, ws, "the JPEG's markers are damaged (byte %zu)", i);
        unsigned m = d[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA)
            break; /* end of image / start of scan before any frame header */
        size_t seg = be16(d + i + 2);
        if (seg < 2 || i + 2 + seg > len)
            return fail(why, ws, "the JPEG is cut short");
        const unsigned char *p = d + i + 4;
        size_t plen = seg - 2;
        if (m == 0xE0 && plen >= 12 && memcmp(p, "JFIF", 5) == 0) {
            unsigned units = p[7], xd = be16(p + 8), yd = be16(p + 10);
            float k = units == 1 ? 1.0f : units == 2 ? 2.54f : 0;
            if (k > 0 && xd > 0 && yd > 0) {
                info->dpi_x = (float)xd * k;
                info->dpi_y = (float)yd * k;
            }
        } else if (m == 0xE1 && plen >= 14 && memcmp(p, "Exif\0\0", 6) == 0) {
            info->orientation = exif_orientation(p + 6, plen - 6);
        } else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (m != 0xC0 && m != 0xC1 && m != 0xC2)
                return fail(why, ws, "this kind of JPEG (frame type 0x%02X: lossless or "
                            "arithmetic-coded) cannot be embedded", m);
            if (plen < 6)
                return fail(why, ws, "the JPEG's frame header is cut short");
            info->height = be16(p + 1);
            info->width = be16(p + 3);
            unsigned comps = p[5];
            if (comps != 1 && comps != 3 && comps != 4)
                return fail(why, ws, "a JPEG with %u colour components cannot be embedded", comps);
            if (check_size(info, why, ws))
                return -1;
            /* a progressive JPEG is decoded through all its coefficients at once */
            size_t coef = (size_t)info->width * info->height * comps * 2;
            if (m == 0xC2 && coef > SC_IMAGE_MAX_DECODED)
                return fail(why, ws, "%ux%u pixels would take %zu MiB to decode (at most %zu)",
                            info->width, info->height, coef >> 20, SC_IMAGE_MAX_DECODED >> 20);
            return jpeg_decodes(d, len, why, ws);
        }
        i += 2 + seg;
    }
    return fail(why, ws, "the JPEG has no frame header");
}

/* ---- PNG ----------------------------------------------------------------------------------- */

typedef struct png_src {
    const unsigned char *data;
    size_t len, pos;
    char *why;
    size_t why_size;
    jmp_buf jmp;
} png_src;

static void png_read_mem(png_structp png, png_bytep out, png_size_t n)
{
    png_src *s = png_get_io_ptr(png);
    if (n > s->len - s->pos)
        png_error(png, "the file is cut short");
    memcpy(out, s->data + s->pos, n);
    s->pos += n;
}

static void png_on_error(png_structp png, png_const_charp msg)
{
    png_src *s = png_get_error_ptr(png);
    fail(s->why, s->why_size, "the PNG is damaged (%s)", msg);
    longjmp(s->jmp, 1);
}

static void png_on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg; /* library code never prints; a warning does not stop the picture */
}

/* Decode every row once: what libharu's loader (libpng underneath) will do with the file. */
static int png_decodes(const unsigned char *d, size_t len, char *why, size_t ws)
{
    png_src src = {.data = d, .len = len, .why = why, .why_size = ws};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_on_error,
                                             png_on_warning);
    if (!png)
        return fail(why, ws, "out of memory reading the PNG");
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_read_struct(&png, NULL, NULL);
        return fail(why, ws, "out of memory reading the PNG");
    }
    /* volatile: modified between setjmp and longjmp */
    png_bytep volatile row = NULL;
    if (setjmp(src.jmp)) {
        free(row);
        png_destroy_read_struct(&png, &info, NULL);
        return -1;
    }
    png_set_user_limits(png, SC_IMAGE_MAX_SIDE, SC_IMAGE_MAX_SIDE);
    png_set_read_fn(png, &src, png_read_mem);
    png_read_info(png, info);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    png_uint_32 h = png_get_image_height(png, info);
    size_t rowbytes = png_get_rowbytes(png, info);
    row = malloc(rowbytes ? rowbytes : 1);
    if (!row)
        png_error(png, "out of memory");
    for (int pass = 0; pass < passes; pass++)
        for (png_uint_32 y = 0; y < h; y++)
            png_read_row(png, row, NULL);
    png_read_end(png, NULL);
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    return 0;
}

static int probe_png(const unsigned char *d, size_t len, sc_image_info *info, char *why, size_t ws)
{
    if (len < 33 || memcmp(d + 12, "IHDR", 4) != 0 || be32(d + 8) != 13)
        return fail(why, ws, "the PNG has no header chunk");
    info->width = (unsigned)be32(d + 16);
    info->height = (unsigned)be32(d + 20);
    info->interlaced = d[28] == 1;
    if (be32(d + 16) > SC_IMAGE_MAX_SIDE || be32(d + 20) > SC_IMAGE_MAX_SIDE) {
        info->width = info->height = SC_IMAGE_MAX_SIDE + 1;
        return check_size(info, why, ws);
    }
    if (check_size(info, why, ws))
        return -1;
    static const unsigned channels[7] = {1, 0, 3, 1, 2, 0, 4}; /* by colour type */
    unsigned ctype = d[25], depth = d[24];
    size_t decoded = (size_t)info->width * info->height * (ctype < 7 ? channels[ctype] : 4) *
                     (depth > 8 ? 2 : 1);
    if (decoded > SC_IMAGE_MAX_DECODED)
        return fail(why, ws, "%ux%u pixels would take %zu MiB once decoded (at most %zu)",
                    info->width, info->height, decoded >> 20, SC_IMAGE_MAX_DECODED >> 20);
    /* Ancillary chunks before the image data: resolution (pHYs) and orientation (eXIf). */
    for (size_t i = 8; i + 12 <= len;) {
        size_t clen = be32(d + i);
        if (clen > len - i - 12)
            break;
        const unsigned char *type = d + i + 4, *p = d + i + 8;
        if (memcmp(type, "IDAT", 4) == 0)
            break;
        if (memcmp(type, "pHYs", 4) == 0 && clen >= 9 && p[8] == 1) {
            info->dpi_x = (float)be32(p) * 0.0254f;
            info->dpi_y = (float)be32(p + 4) * 0.0254f;
        } else if (memcmp(type, "eXIf", 4) == 0) {
            info->orientation = exif_orientation(p, clen);
        }
        i += 12 + clen;
    }
    return png_decodes(d, len, why, ws);
}

int sc_image_probe(const unsigned char *data, size_t len, sc_image_info *info, char *why,
                   size_t why_size)
{
    memset(info, 0, sizeof *info);
    info->orientation = 1;
    if (!data || len == 0)
        return fail(why, why_size, "the file is empty");
    if (len > SC_IMAGE_MAX_BYTES)
        return fail(why, why_size, "the file is larger than %zu MiB", SC_IMAGE_MAX_BYTES >> 20);
    info->kind = sc_image_sniff(data, len);
    int rc;
    switch (info->kind) {
    case SC_IMG_PNG:
        rc = probe_png(data, len, info, why, why_size);
        break;
    case SC_IMG_JPEG:
        rc = probe_jpeg(data, len, info, why, why_size);
        break;
    case SC_IMG_UNKNOWN:
        return fail(why, why_size, "not a PNG or JPEG picture");
    default:
        return fail(why, why_size, "%s pictures are not supported (only PNG and JPEG)",
                    sc_image_kind_name(info->kind));
    }
    /* Resolutions outside any real device are noise (a pHYs of 1 pixel per metre). */
    if (info->dpi_x < 10 || info->dpi_y < 10 || info->dpi_x > 10000 || info->dpi_y > 10000)
        info->dpi_x = info->dpi_y = 0;
    return rc;
}
