/* pdf_meta.c — what the document says about itself: Info (Title, Author, Creator, Producer, dates),
 * the catalog's /Lang, the PDF version (ActualText in marked content is PDF 1.5) and a trailer /ID
 * derived from the content, so identical input gives identical bytes. */
#include <string.h>
#include <time.h>

#include "../../base/hash.h"
#include "pdf_internal.h"

static void hash_str(sc_hash *h, const char *s)
{
    if (s)
        sc_hash_update(h, s, strlen(s) + 1);
    else
        sc_hash_update(h, "", 1);
}

/* Floats one by one (no struct padding in the hash). */
static void hash_floats(sc_hash *h, const float *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sc_hash_update(h, &v[i], sizeof v[i]);
}

static void hash_item(sc_hash *h, const sc_item *it)
{
    int kind = (int)it->kind;
    sc_hash_update(h, &kind, sizeof kind);
    switch (it->kind) {
    case SC_ITEM_GLYPHS: {
        const sc_glyph_run *r = &it->u.glyphs;
        hash_str(h, r->face ? r->face->ps_name : NULL);
        /* The glyphs follow from the text, font and size; their count and the run's width stand
         * for the spacing (justification), so the glyph arrays need not be hashed one by one. */
        float width = 0;
        for (size_t i = 0; i < r->nglyphs; i++)
            width += r->glyphs[i].x_advance;
        hash_floats(h, (const float[]){r->size, r->x, r->y, r->color.r, r->color.g, r->color.b,
                                       width},
                    7);
        sc_hash_update(h, &r->nglyphs, sizeof r->nglyphs);
        if (r->text)
            sc_hash_update(h, r->text, r->text_len);
        break;
    }
    case SC_ITEM_RULE:
        hash_floats(h, (const float[]){it->u.rule.x0, it->u.rule.y0, it->u.rule.x1, it->u.rule.y1,
                                       it->u.rule.width},
                    5);
        break;
    case SC_ITEM_RECT:
        hash_floats(h, (const float[]){it->u.rect.x, it->u.rect.y, it->u.rect.w, it->u.rect.h,
                                       it->u.rect.line_width},
                    5);
        break;
    case SC_ITEM_LINK:
        hash_floats(h, (const float[]){it->u.link.x, it->u.link.y, it->u.link.w, it->u.link.h}, 4);
        hash_str(h, it->u.link.uri);
        hash_str(h, it->u.link.dest);
        break;
    case SC_ITEM_DEST:
        hash_str(h, it->u.dest.name);
        hash_floats(h, &it->u.dest.y, 1);
        break;
    case SC_ITEM_IMAGE:
        hash_floats(h, (const float[]){it->u.image.x, it->u.image.y, it->u.image.w, it->u.image.h}, 4);
        sc_hash_update(h, it->u.image.data, it->u.image.len);
        break;
    }
}

/* From the content and metadata, not the dates: two conversions of one input differ in their
 * dates only. */
static void document_id(const sc_pdf_state *st, const sc_meta *meta, const sc_pdf_options *opts,
                        unsigned char out[16])
{
    sc_hash h;
    sc_hash_init(&h);
    hash_str(&h, "sapchu-pdf-id");
    hash_str(&h, meta ? meta->title : NULL);
    hash_str(&h, meta ? meta->author : NULL);
    hash_str(&h, meta ? meta->lang : NULL);
    hash_str(&h, opts ? opts->producer : NULL);
    const sc_layout *L = st->layout;
    for (size_t p = 0; p < L->npages; p++) {
        hash_floats(&h, (const float[]){L->pages[p].width, L->pages[p].height}, 2);
        for (size_t k = 0; k < L->pages[p].nitems; k++)
            hash_item(&h, &L->pages[p].items[k]);
    }
    for (size_t i = 0; i < L->noutline; i++) {
        hash_str(&h, L->outline[i].title);
        sc_hash_update(&h, &L->outline[i].level, sizeof L->outline[i].level);
    }
    sc_hash_bytes(&h, out);
}

static int set_text(sc_pdf_state *st, const char *key, const char *value)
{
    if (!value || !*value)
        return 0;
    return HPDF_Dict_Add(st->pdf->info, key, sc_pdf_text_string(st, value)) == HPDF_OK ? 0 : -1;
}

static int set_dates(sc_pdf_state *st, time_t when)
{
    struct tm tm;
    if (!gmtime_r(&when, &tm) || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
        return 0; /* no date rather than a wrong one */
    HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                   tm.tm_sec > 59 ? 59 : tm.tm_sec, '+', 0, 0};
    if (HPDF_SetInfoDateAttr(st->pdf, HPDF_INFO_CREATION_DATE, d) != HPDF_OK ||
        HPDF_SetInfoDateAttr(st->pdf, HPDF_INFO_MOD_DATE, d) != HPDF_OK)
        return -1;
    return 0;
}

int sc_pdf_set_meta(sc_pdf_state *st, const sc_meta *meta, const sc_pdf_options *opts)
{
    HPDF_Doc pdf = st->pdf;
    st->doing = "writing the document information";
    /* HPDF_SetInfoAttr creates the Info dictionary; the other strings go in as text strings of our
     * own (UTF-16 when not ASCII, surrogate pairs included). */
    if (HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "sapchu") != HPDF_OK || !pdf->info)
        return sc_pdf_fail(st, "writing the document information failed");
    const char *producer = opts && opts->producer ? opts->producer : "sapchu";
    if (set_text(st, "Producer", producer) || (meta && set_text(st, "Title", meta->title)) ||
        (meta && set_text(st, "Author", meta->author)) ||
        set_dates(st, opts ? opts->creation_date : 0))
        return sc_pdf_fail(st, "writing the document information failed");

    if (meta && meta->lang && *meta->lang &&
        HPDF_Dict_Add(pdf->catalog, "Lang", sc_pdf_text_string(st, meta->lang)) != HPDF_OK)
        return sc_pdf_fail(st, "writing the document language failed");

    if (pdf->pdf_version < HPDF_VER_15)
        pdf->pdf_version = HPDF_VER_15;

    unsigned char id[16];
    document_id(st, meta, opts, id);
    HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
    if (!ids || HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, 16)) != HPDF_OK ||
        HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id, 16)) != HPDF_OK ||
        HPDF_Dict_Add(pdf->trailer, "ID", ids) != HPDF_OK)
        return sc_pdf_fail(st, "writing the document id failed");
    return 0;
}
