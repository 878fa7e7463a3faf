/* pdf_tounicode.c — the ToUnicode CMap of a font: glyph id -> the text it stands for, as the glyph
 * pass found it in the runs' clusters (a ligature maps to several characters; beyond the BMP the
 * text is written as surrogate pairs). */
#include <string.h>

#include "pdf_internal.h"

static const char cmap_head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n"
    "<0000> <FFFF>\n"
    "endcodespacerange\n";

static const char cmap_tail[] =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

HPDF_Dict sc_pdf_tounicode(sc_pdf_state *st, const sc_pdf_font *f)
{
    sc_buf b;
    sc_buf_init(&b);
    sc_buf_puts(&b, cmap_head);
    size_t total = 0;
    for (unsigned g = 0; g < f->nglyphs; g++)
        if (f->used[g] && f->uni[g] && f->uni_len[g])
            total++;
    /* bfchar blocks hold at most 100 entries. */
    unsigned g = 0;
    while (total > 0) {
        size_t n = total < 100 ? total : 100;
        sc_buf_printf(&b, "%zu beginbfchar\n", n);
        for (size_t k = 0; k < n; g++) {
            if (!(f->used[g] && f->uni[g] && f->uni_len[g]))
                continue;
            sc_buf_printf(&b, "<%04X> <", g);
            sc_pdf_utf16_hex(&b, f->uni[g], f->uni_len[g]);
            sc_buf_puts(&b, ">\n");
            k++;
        }
        sc_buf_puts(&b, "endbfchar\n");
        total -= n;
    }
    sc_buf_puts(&b, cmap_tail);

    HPDF_Dict s = HPDF_DictStream_New(st->pdf->mmgr, st->pdf->xref);
    int ok = s && HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len) == HPDF_OK;
    sc_buf_free(&b);
    if (!ok)
        return NULL;
    if (st->compress)
        s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    return s;
}
