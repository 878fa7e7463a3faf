/* pdf_fonts.c — one Type0 font per used face, on libharu's object layer:
 *   Type0 (/Identity-H, /ToUnicode) -> CIDFontType2 (/CIDToGIDMap /Identity, /W)
 *   -> FontDescriptor -> FontFile2 (hb-subset keeping glyph ids, /Length1).
 * CFF faces: CIDFontType0 -> FontFile3 /Subtype /CIDFontType0C (the bare CFF; the OpenType wrapper
 * would need PDF 1.6). Everything is known after the glyph pass, so the objects are complete before
 * the first page is drawn. */
#include <math.h>
#include <string.h>

#include "../../base/hash.h"
#include "pdf_internal.h"

/* Six capital letters from the face and the glyphs used: the same subset gets the same tag. */
static void subset_tag(sc_pdf_font *f)
{
    sc_hash h;
    sc_hash_init(&h);
    if (f->face->ps_name)
        sc_hash_update(&h, f->face->ps_name, strlen(f->face->ps_name));
    for (unsigned g = 0; g < f->nglyphs; g++)
        if (f->used[g]) {
            unsigned char b[2] = {(unsigned char)(g >> 8), (unsigned char)g};
            sc_hash_update(&h, b, 2);
        }
    unsigned char out[16];
    sc_hash_bytes(&h, out);
    for (int i = 0; i < 6; i++)
        f->tag[i] = (char)('A' + out[i] % 26);
    f->tag[6] = 0;
}

/* The PostScript name without characters a PDF name or a font name should not carry. */
static const char *base_font_name(sc_pdf_state *st, const sc_pdf_font *f)
{
    const char *ps = f->face->ps_name && *f->face->ps_name ? f->face->ps_name : "Font";
    size_t n = strlen(ps);
    if (n > 100)
        n = 100;
    char *name = sc_arena_alloc(st->arena, n + 8);
    memcpy(name, f->tag, 6);
    name[6] = '+';
    size_t k = 7;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)ps[i];
        if (c > 0x20 && c < 0x7F && !strchr("()<>[]{}/%#", c))
            name[k++] = (char)c;
    }
    name[k] = 0;
    return name;
}

static int to1000(const sc_face *face, double v)
{
    return (int)lround(v * 1000.0 / face->upem);
}

/* /W as ranges "c [w ...]". Gaps of unused glyphs up to `gap` long are bridged (with their real
 * widths) so the outer array stays well under libharu's and PDF/A's array limits; inner arrays are
 * cut at 8000 items for the same reason. */
static HPDF_Array widths_array(sc_pdf_state *st, const sc_pdf_font *f)
{
    HPDF_MMgr mmgr = st->pdf->mmgr;
    unsigned gap = 2;
    for (;;) {
        size_t ranges = 0;
        unsigned last = 0;
        int have = 0;
        for (unsigned g = 0; g < f->nglyphs; g++) {
            if (!f->used[g])
                continue;
            if (!have || g - last > gap + 1)
                ranges++;
            have = 1;
            last = g;
        }
        if (ranges * 2 + (f->nglyphs / 8000) * 2 < 8000 || gap > f->nglyphs)
            break;
        gap *= 2;
    }
    HPDF_Array w = HPDF_Array_New(mmgr);
    if (!w)
        return NULL;
    HPDF_Array inner = NULL;
    unsigned last = 0, start = 0;
    for (unsigned g = 0; g < f->nglyphs; g++) {
        if (!f->used[g])
            continue;
        if (!inner || g - last > gap + 1 || g - start >= 8000) {
            inner = HPDF_Array_New(mmgr);
            if (!inner || HPDF_Array_AddNumber(w, (HPDF_INT32)g) != HPDF_OK ||
                HPDF_Array_Add(w, inner) != HPDF_OK)
                return NULL;
            start = g;
        } else {
            for (unsigned k = last + 1; k < g; k++)
                if (HPDF_Array_AddNumber(inner, f->width[k]) != HPDF_OK)
                    return NULL;
        }
        if (HPDF_Array_AddNumber(inner, f->width[g]) != HPDF_OK)
            return NULL;
        last = g;
    }
    return w;
}

static HPDF_Dict font_file(sc_pdf_state *st, const sc_pdf_font *f)
{
    hb_blob_t *blob = sc_pdf_subset_face(f);
    if (!blob) {
        /* The whole font keeps the glyph ids too: larger, but the text stays right. */
        sc_diag_warning(st->diags, f->face->path, "cannot subset this font; it is embedded whole");
        blob = f->face->cff ? hb_face_reference_table(f->face->hb_face, HB_TAG('C', 'F', 'F', ' '))
                            : hb_face_reference_blob(f->face->hb_face);
    }
    unsigned len = 0;
    const char *data = hb_blob_get_data(blob, &len);
    if (len < 4 || memcmp(data, "ttcf", 4) == 0) { /* nothing, or a whole collection */
        hb_blob_destroy(blob);
        sc_pdf_fail(st, "a font has no data to embed");
        return NULL;
    }
    HPDF_Dict file = HPDF_DictStream_New(st->pdf->mmgr, st->pdf->xref);
    int ok = file != NULL;
    if (ok && f->face->cff)
        ok = HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C") == HPDF_OK;
    else if (ok)
        ok = HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len) == HPDF_OK;
    if (ok)
        ok = HPDF_Stream_Write(file->stream, (const HPDF_BYTE *)data, len) == HPDF_OK;
    hb_blob_destroy(blob);
    if (!ok)
        return NULL;
    if (st->compress)
        file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    return file;
}

static HPDF_Dict descriptor(sc_pdf_state *st, const sc_pdf_font *f, const char *name)
{
    const sc_face *face = f->face;
    HPDF_MMgr mmgr = st->pdf->mmgr;
    HPDF_Dict d = HPDF_Dict_New(mmgr);
    if (!d || HPDF_Xref_Add(st->pdf->xref, d) != HPDF_OK)
        return NULL;
    /* Symbolic (4): the glyphs are addressed by id, not by a standard character set. */
    int flags = 4 | (face->fixed_pitch ? 1 : 0) | (face->serif ? 2 : 0) | (face->italic ? 64 : 0);
    /* No stem width in OpenType: estimate it from the weight class, as PDF producers commonly do. */
    int weight = face->weight > 0 ? face->weight : 400;
    int stemv = 10 + 220 * (weight - 50) / 900;
    HPDF_Array bbox = HPDF_Array_New(mmgr);
    HPDF_Dict file = font_file(st, f);
    if (!bbox || !file)
        return NULL;
    int ok = 1;
    for (int i = 0; i < 4 && ok; i++)
        ok = HPDF_Array_AddNumber(bbox, to1000(face, face->bbox[i])) == HPDF_OK;
    int cap = face->cap_height > 0 ? face->cap_height : face->ascender;
    ok = ok && HPDF_Dict_AddName(d, "Type", "FontDescriptor") == HPDF_OK &&
         HPDF_Dict_AddName(d, "FontName", name) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "Flags", flags) == HPDF_OK &&
         HPDF_Dict_Add(d, "FontBBox", bbox) == HPDF_OK &&
         HPDF_Dict_AddReal(d, "ItalicAngle", face->italic_angle) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "Ascent", to1000(face, face->ascender)) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "Descent", to1000(face, face->descender)) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "CapHeight", to1000(face, cap)) == HPDF_OK &&
         HPDF_Dict_AddNumber(d, "StemV", stemv) == HPDF_OK &&
         HPDF_Dict_Add(d, face->cff ? "FontFile3" : "FontFile2", file) == HPDF_OK;
    if (ok && face->x_height > 0)
        ok = HPDF_Dict_AddNumber(d, "XHeight", to1000(face, face->x_height)) == HPDF_OK;
    return ok ? d : NULL;
}

static HPDF_Dict cid_font(sc_pdf_state *st, const sc_pdf_font *f, const char *name)
{
    HPDF_MMgr mmgr = st->pdf->mmgr;
    HPDF_Dict cid = HPDF_Dict_New(mmgr);
    if (!cid || HPDF_Xref_Add(st->pdf->xref, cid) != HPDF_OK)
        return NULL;
    HPDF_Dict info = HPDF_Dict_New(mmgr);
    HPDF_Dict desc = descriptor(st, f, name);
    HPDF_Array w = widths_array(st, f);
    if (!info || !desc || !w)
        return NULL;
    int ok = HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", NULL)) == HPDF_OK &&
             HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", NULL)) == HPDF_OK &&
             HPDF_Dict_AddNumber(info, "Supplement", 0) == HPDF_OK;
    ok = ok && HPDF_Dict_AddName(cid, "Type", "Font") == HPDF_OK &&
         HPDF_Dict_AddName(cid, "Subtype", f->face->cff ? "CIDFontType0" : "CIDFontType2") ==
             HPDF_OK &&
         HPDF_Dict_AddName(cid, "BaseFont", name) == HPDF_OK &&
         HPDF_Dict_Add(cid, "CIDSystemInfo", info) == HPDF_OK &&
         HPDF_Dict_Add(cid, "FontDescriptor", desc) == HPDF_OK &&
         HPDF_Dict_Add(cid, "W", w) == HPDF_OK;
    if (ok && !f->face->cff)
        ok = HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity") == HPDF_OK;
    return ok ? cid : NULL;
}

static int build_font(sc_pdf_state *st, sc_pdf_font *f)
{
    HPDF_MMgr mmgr = st->pdf->mmgr;
    subset_tag(f);
    const char *name = base_font_name(st, f);

    HPDF_Dict font = HPDF_Dict_New(mmgr);
    if (!font)
        return -1;
    /* What makes libharu take the dictionary for a font (HPDF_Page_SetFontAndSize checks both). */
    font->header.obj_class |= HPDF_OSUBCLASS_FONT;
    f->attr.type = f->face->cff ? HPDF_FONT_TYPE0_CID : HPDF_FONT_TYPE0_TT;
    f->attr.writing_mode = HPDF_WMODE_HORIZONTAL;
    f->attr.xref = st->pdf->xref;
    font->attr = &f->attr;
    if (HPDF_Xref_Add(st->pdf->xref, font) != HPDF_OK)
        return -1;
    f->dict = font;

    HPDF_Array desc = HPDF_Array_New(mmgr);
    HPDF_Dict cid = cid_font(st, f, name);
    HPDF_Dict tounicode = sc_pdf_tounicode(st, f);
    if (!desc || !cid || !tounicode || HPDF_Array_Add(desc, cid) != HPDF_OK)
        return -1;
    int ok = HPDF_Dict_AddName(font, "Type", "Font") == HPDF_OK &&
             HPDF_Dict_AddName(font, "Subtype", "Type0") == HPDF_OK &&
             HPDF_Dict_AddName(font, "BaseFont", name) == HPDF_OK &&
             HPDF_Dict_AddName(font, "Encoding", "Identity-H") == HPDF_OK &&
             HPDF_Dict_Add(font, "DescendantFonts", desc) == HPDF_OK &&
             HPDF_Dict_Add(font, "ToUnicode", tounicode) == HPDF_OK;
    return ok ? 0 : -1;
}

int sc_pdf_build_fonts(sc_pdf_state *st)
{
    for (size_t i = 0; i < st->nfonts; i++) {
        st->doing = "embedding a font";
        if (build_font(st, st->fonts[i]) != 0)
            return sc_pdf_fail(st, "embedding a font failed");
    }
    return 0;
}
