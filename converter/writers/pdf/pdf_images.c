/* pdf_images.c — pictures: each distinct key loaded once through libharu's PNG and JPEG loaders
 * (an image XObject), then drawn into its box with a matrix that also applies the EXIF
 * orientation. The layout has already probed every picture; should libharu still refuse one, the
 * page gets a grey frame in its place and a warning, and the document is written. */
#include <string.h>

#include "pdf_internal.h"

typedef struct sc_pdf_image {
    const char *key;
    HPDF_Image image;        /* NULL: libharu refused it (drawn as a frame) */
} sc_pdf_image;

static sc_pdf_image *find_or_load(sc_pdf_state *st, const sc_item *item)
{
    const char *key = item->u.image.key ? item->u.image.key : "";
    for (size_t i = 0; i < st->nimages; i++)
        if (strcmp(st->images[i].key, key) == 0)
            return &st->images[i];
    if (st->nimages == st->images_cap) {
        size_t cap = st->images_cap ? st->images_cap * 2 : 8;
        st->images = sc_arena_realloc(st->arena, st->images, st->images_cap * sizeof *st->images,
                                      cap * sizeof *st->images);
        st->images_cap = cap;
    }
    sc_pdf_image *im = &st->images[st->nimages++];
    im->key = key;
    const HPDF_BYTE *data = item->u.image.data;
    HPDF_UINT len = (HPDF_UINT)item->u.image.len;
    im->image = !data || item->u.image.len != len ? NULL
              : item->u.image.format == SC_IMAGE_PNG ? HPDF_LoadPngImageFromMem(st->pdf, data, len)
              : item->u.image.format == SC_IMAGE_JPEG ? HPDF_LoadJpegImageFromMem(st->pdf, data, len)
              : NULL;
    if (!im->image || st->failed) {
        /* libharu's errors are sticky: clear this one, the rest of the document is fine */
        HPDF_ResetError(st->pdf);
        st->failed = 0;
        im->image = NULL;
        sc_diag_warning(st->diags, NULL, "picture '%s' could not be embedded in the PDF; a frame "
                        "stands in its place", key);
    }
    return im;
}

/* How the stored picture's unit square maps into the box for each EXIF orientation:
 * s = su*u + sv*v + s0 and t = tu*u + tv*v + t0, with (u, v) in the picture and (s, t) in the
 * box, both measured from the bottom-left. */
static const signed char orient[9][6] = {
    {1, 0, 0, 0, 1, 0},   /* unused */
    {1, 0, 0, 0, 1, 0},   /* 1: as stored */
    {-1, 0, 1, 0, 1, 0},  /* 2: mirrored left-right */
    {-1, 0, 1, 0, -1, 1}, /* 3: turned 180 degrees */
    {1, 0, 0, 0, -1, 1},  /* 4: mirrored top-bottom */
    {0, -1, 1, -1, 0, 1}, /* 5: transposed */
    {0, 1, 0, -1, 0, 1},  /* 6: turned 90 degrees clockwise */
    {0, 1, 0, 1, 0, 0},   /* 7: transversed */
    {0, -1, 1, 1, 0, 0},  /* 8: turned 90 degrees anticlockwise */
};

int sc_pdf_draw_image(sc_pdf_state *st, sc_pdf_page_ctx *pc, const sc_item *item)
{
    float w = item->u.image.w, h = item->u.image.h;
    if (!(w > 0 && h > 0))
        return 0;
    if (sc_pdf_end_text(st, pc))
        return -1;
    sc_pdf_image *im = find_or_load(st, item);
    float bx = item->u.image.x, by = pc->height - item->u.image.y - h;
    if (!im->image) {
        sc_item frame = {.kind = SC_ITEM_RECT};
        frame.u.rect.x = item->u.image.x;
        frame.u.rect.y = item->u.image.y;
        frame.u.rect.w = w;
        frame.u.rect.h = h;
        frame.u.rect.line_width = 0.5f;
        frame.u.rect.stroke = (sc_rgb){0.5f, 0.5f, 0.5f};
        frame.u.rect.stroked = 1;
        return sc_pdf_draw_rect(st, pc, &frame);
    }
    int o = item->u.image.orientation;
    const signed char *m = orient[o >= 1 && o <= 8 ? o : 1];
    HPDF_Page p = pc->page;
    if (HPDF_Page_GSave(p) != HPDF_OK ||
        HPDF_Page_Concat(p, w * m[0], h * m[3], w * m[1], h * m[4], bx + w * m[2],
                         by + h * m[5]) != HPDF_OK ||
        HPDF_Page_ExecuteXObject(p, im->image) != HPDF_OK || HPDF_Page_GRestore(p) != HPDF_OK)
        return sc_pdf_fail(st, "drawing a picture failed");
    return 0;
}
