/* pdf_strings.c — text and number helpers for the PDF writer. */
#include <math.h>
#include <string.h>

#include <utf8proc.h>

#include "pdf_internal.h"

static const char hexdigits[] = "0123456789ABCDEF";

static void put_unit(sc_buf *out, unsigned u)
{
    char h[4] = {hexdigits[(u >> 12) & 15], hexdigits[(u >> 8) & 15], hexdigits[(u >> 4) & 15],
                 hexdigits[u & 15]};
    sc_buf_append(out, h, 4);
}

void sc_pdf_utf16_hex(sc_buf *out, const char *utf8, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)utf8;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) { /* the layout hands us valid UTF-8; stay safe anyway */
            cp = 0xFFFD;
            n = 1;
        }
        i += (size_t)n;
        if (cp >= 0x10000) {
            unsigned v = (unsigned)cp - 0x10000;
            put_unit(out, 0xD800 + (v >> 10));
            put_unit(out, 0xDC00 + (v & 0x3FF));
        } else {
            put_unit(out, (unsigned)cp);
        }
    }
}

static int printable_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
            return 0;
    return 1;
}

static unsigned hexval(char c)
{
    return (unsigned)(c <= '9' ? c - '0' : c - 'A' + 10);
}

void *sc_pdf_text_string(sc_pdf_state *st, const char *utf8)
{
    HPDF_MMgr mmgr = st->pdf->mmgr;
    if (printable_ascii(utf8) && strlen(utf8) < HPDF_LIMIT_MAX_STRING_LEN / 2)
        return HPDF_String_New(mmgr, utf8, NULL);

    sc_buf hex;
    sc_buf_init(&hex);
    sc_buf_puts(&hex, "FEFF");
    sc_pdf_utf16_hex(&hex, utf8, strlen(utf8));
    size_t nbytes = hex.len / 2;
    if (nbytes > HPDF_LIMIT_MAX_STRING_LEN - 4) {
        /* libharu refuses longer strings: keep whole UTF-16 units and no split surrogate pair. */
        nbytes = (HPDF_LIMIT_MAX_STRING_LEN - 4) & ~(size_t)1;
        unsigned last = (hexval(hex.data[nbytes * 2 - 4]) << 4) | hexval(hex.data[nbytes * 2 - 3]);
        if (last >= 0xD8 && last <= 0xDB)
            nbytes -= 2;
    }
    HPDF_BYTE *bytes = sc_arena_alloc(st->arena, nbytes);
    for (size_t i = 0; i < nbytes; i++)
        bytes[i] = (HPDF_BYTE)((hexval(hex.data[2 * i]) << 4) | hexval(hex.data[2 * i + 1]));
    sc_buf_free(&hex);
    return HPDF_Binary_New(mmgr, bytes, (HPDF_UINT)nbytes);
}

void sc_pdf_num(sc_buf *out, double v)
{
    if (!isfinite(v))
        v = 0;
    long long m = llround(v * 1000.0);
    if (m < 0) {
        sc_buf_putc(out, '-');
        m = -m;
    }
    char digits[24];
    int n = 0;
    long long ip = m / 1000;
    do {
        digits[n++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip);
    while (n)
        sc_buf_putc(out, digits[--n]);
    int frac = (int)(m % 1000);
    if (frac) {
        char f[5] = {'.', (char)('0' + frac / 100), (char)('0' + frac / 10 % 10),
                     (char)('0' + frac % 10), 0};
        n = 4;
        while (f[n - 1] == '0')
            n--;
        sc_buf_append(out, f, (size_t)n);
    }
}
