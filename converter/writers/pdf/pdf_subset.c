/* pdf_subset.c — the font program embedded for a font: an hb-subset of the face that keeps the
 * original glyph ids (so /CIDToGIDMap /Identity holds and the glyph ids in the PDF are HarfBuzz's),
 * without the layout tables a PDF viewer never reads. */
#include <hb-subset.h>

#include "pdf_internal.h"

hb_blob_t *sc_pdf_subset_face(const sc_pdf_font *font)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_t *glyphs = hb_subset_input_glyph_set(in);
    hb_set_add(glyphs, 0); /* .notdef stays */
    for (unsigned g = 0; g < font->nglyphs; g++)
        if (font->used[g])
            hb_set_add(glyphs, g);
    /* No characters to keep: the PDF addresses glyphs, the cmap can go empty. */
    hb_set_clear(hb_subset_input_unicode_set(in));
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
    hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
    hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
    hb_set_add(drop, HB_TAG('B', 'A', 'S', 'E'));
    hb_set_add(drop, HB_TAG('J', 'S', 'T', 'F'));
    hb_set_add(drop, HB_TAG('M', 'A', 'T', 'H'));
    hb_set_add(drop, HB_TAG('k', 'e', 'r', 'n'));
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS);

    hb_face_t *sub = hb_subset_or_fail(font->face->hb_face, in);
    hb_subset_input_destroy(in);
    if (!sub)
        return NULL;
    hb_blob_t *blob = font->face->cff ? hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '))
                                      : hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    if (hb_blob_get_length(blob) == 0) {
        hb_blob_destroy(blob);
        return NULL;
    }
    return blob;
}
