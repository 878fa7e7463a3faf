/* image.h — pictures a document refers to: finding the file safely (inside the document's folder,
 * never over the network), and reading what the writers need from its bytes (format, pixel size,
 * resolution, EXIF orientation). Shared by the layout (PDF) and the EPUB writer so both accept and
 * refuse the same pictures. */
#ifndef SC_IMAGE_H
#define SC_IMAGE_H
#include <stddef.h>

#include "arena.h"

#define SC_IMAGE_MAX_BYTES ((size_t)50 << 20) /* larger files are refused */
#define SC_IMAGE_MAX_SIDE 20000u              /* pixels per side */
#define SC_IMAGE_MAX_DECODED ((size_t)256 << 20) /* a PNG's pixels once decoded (libharu holds
                                                   them all): a small file can unpack to GBs */

typedef enum {
    SC_IMG_UNKNOWN, SC_IMG_PNG, SC_IMG_JPEG, SC_IMG_GIF, SC_IMG_WEBP, SC_IMG_SVG
} sc_img_kind;

typedef struct sc_image_info {
    sc_img_kind kind;
    unsigned width, height;  /* pixels as stored (before orientation) */
    float dpi_x, dpi_y;      /* from pHYs / JFIF; 0 when the file does not say */
    int orientation;         /* EXIF orientation 1..8 (1 when absent) */
    int interlaced;          /* PNG: Adam7 interlacing (libharu's loader refuses it) */
} sc_image_info;

/* The format from the first bytes (SVG by its markup). */
sc_img_kind sc_image_sniff(const unsigned char *data, size_t len);
const char *sc_image_kind_name(sc_img_kind kind); /* "PNG", "JPEG", "GIF", ... */
const char *sc_image_mime(sc_img_kind kind);      /* "image/png", ...; NULL when unknown */

/* Read the picture's header (and for PNG decode it completely, so that a damaged file is found
 * here and not in the PDF library). Returns 0, or -1 with the reason in why[why_size]; GIF, WebP
 * and SVG are identified (info->kind set) but return -1: only PNG and JPEG are drawn. */
int sc_image_probe(const unsigned char *data, size_t len, sc_image_info *info, char *why,
                   size_t why_size);

/* 1 when url names something on the network (http:, https:, ftp:, //host). */
int sc_image_is_remote(const char *url);

/* The real path of the local file `url` names (relative to base_dir, %XX decoded, query and
 * fragment dropped), only when it lies inside base_dir and is a regular file. Arena-owned; NULL
 * with the reason in why when refused. */
const char *sc_image_resolve(sc_arena *arena, const char *base_dir, const char *url, char *why,
                             size_t why_size);

/* Read the file at a resolved path into the arena (at most SC_IMAGE_MAX_BYTES). Returns the bytes
 * or NULL with the reason in why. */
const unsigned char *sc_image_read(sc_arena *arena, const char *path, size_t *len, char *why,
                                   size_t why_size);

#endif
