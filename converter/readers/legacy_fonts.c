/* legacy_fonts.c — runs of a document set in a legacy Vietnamese font (.VnTime = TCVN3,
 * VNI-Times = VNI, VPS Times = VPS): the text the document stores is the font's bytes seen as
 * Latin-1/Windows-1252 characters; mapped back to bytes and decoded, it becomes Unicode. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "legacy.h"

/* Trailing style words some documents append to the family name. */
static const char *const style_words[] = {" Bold", " Italic", " Oblique", " Narrow", " Regular"};

int sc_legacy_font_lookup(const sc_read_options *opts, const char *font_name,
                          sc_legacy_font *out)
{
    if (!font_name || (opts && opts->keep_legacy_fonts))
        return 0;
    while (*font_name == ' ' || *font_name == '"' || *font_name == '\'')
        font_name++;
    char name[128];
    size_t n = strlen(font_name);
    if (n >= sizeof name)
        return 0;
    memcpy(name, font_name, n + 1);
    while (n && (name[n - 1] == ' ' || name[n - 1] == '"' || name[n - 1] == '\''))
        name[--n] = '\0';
    for (int again = 1; again;) { /* ".VnTimeH Bold Italic" -> ".VnTimeH" */
        again = 0;
        for (size_t i = 0; i < sizeof style_words / sizeof *style_words; i++) {
            size_t k = strlen(style_words[i]);
            if (n > k && strcasecmp(name + n - k, style_words[i]) == 0) {
                n -= k;
                name[n] = '\0';
                again = 1;
            }
        }
    }
    if (n > 3 && strncasecmp(name, ".vn", 3) == 0) {
        out->encoding = SC_ENC_TCVN3;
        /* .VnTimeH, .VnArialH: the H fonts draw capitals on the lower-case codes */
        out->uppercase = name[n - 1] == 'H' && islower((unsigned char)name[n - 2]);
        return 1;
    }
    if (n > 4 && strncasecmp(name, "vni-", 4) == 0) {
        out->encoding = SC_ENC_VNI;
        out->uppercase = 0;
        return 1;
    }
    if (n >= 3 && strncasecmp(name, "vps", 3) == 0 &&
        (n == 3 || name[3] == ' ' || name[3] == '-' || name[3] == '_')) {
        out->encoding = SC_ENC_VPS;
        out->uppercase = 0;
        return 1;
    }
    return 0;
}

/* The legacy byte a character of the run stands for, or -1 when it is a real character. */
static int legacy_byte(int32_t c)
{
    if (c >= 0 && c <= 0xFF)
        return (int)c;
    if (c >= 0xF000 && c <= 0xF0FF) /* symbol-font private use: Word's way for 8-bit fonts */
        return (int)(c - 0xF000);
    return sc_cp1252_byte(c);
}

/* A letter only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the toned letters of U+1EA0-U+1EF9): no
 * legacy byte reaches a reader as one of these, so a run holding one is Unicode already (a document
 * converted by some tool that kept the old font name). */
static int unicode_vietnamese(int32_t c)
{
    switch (c) {
    case 0x102: case 0x103: case 0x110: case 0x111: case 0x128: case 0x129: case 0x168:
    case 0x169: case 0x1A0: case 0x1A1: case 0x1AF: case 0x1B0: return 1;
    default: return c >= 0x1EA0 && c <= 0x1EF9;
    }
}

static void put_char(sc_buf *out, int32_t c)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n = utf8proc_encode_char(c, u);
    sc_buf_append(out, u, (size_t)n);
}

const char *sc_legacy_font_decode(sc_document *doc, const sc_legacy_font *font, const char *text,
                                  size_t len, size_t *out_len)
{
    sc_buf bytes, utf8;
    sc_buf_init(&bytes);
    sc_buf_init(&utf8);
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
    int already_unicode = 0;
    for (size_t i = 0; i < len && !already_unicode;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
        i += k > 0 ? (size_t)k : 1;
        already_unicode = k > 0 && unicode_vietnamese(c);
    }
    for (size_t i = 0; i < len && already_unicode; i++) /* copied as it is (NFC below) */
        sc_buf_putc(&utf8, text[i]);
    for (size_t i = 0; i < len && !already_unicode;) {
        /* a stretch of legacy bytes, decoded at once (VNI letters span two bytes) */
        bytes.len = 0;
        size_t j = i;
        int32_t other = -1;
        while (j < len) {
            utf8proc_int32_t c;
            utf8proc_ssize_t k = utf8proc_iterate(s + j, (utf8proc_ssize_t)(len - j), &c);
            if (k <= 0) {
                c = 0xFFFD;
                k = 1;
            }
            j += (size_t)k;
            int b = legacy_byte(c);
            if (b < 0) {
                other = c;
                break;
            }
            sc_buf_putc(&bytes, (char)b);
        }
        if (bytes.len)
            sc_encoding_decode(font->encoding, bytes.data, bytes.len, &utf8, NULL);
        if (other >= 0)
            put_char(&utf8, other);
        i = j;
    }
    sc_buf_free(&bytes);

    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)(utf8.data ? utf8.data : ""),
                                      (utf8proc_ssize_t)utf8.len, &nfc,
                                      UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    sc_buf_free(&utf8);
    if (n < 0) {
        *out_len = 0;
        return "";
    }
    sc_buf result;
    sc_buf_init(&result);
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(nfc + i, n - i, &c);
        if (k <= 0)
            break;
        put_char(&result, font->uppercase && !already_unicode ? utf8proc_toupper(c) : c);
        i += k;
    }
    free(nfc);
    const char *r = sc_arena_strndup(doc->arena, result.data ? result.data : "", result.len);
    *out_len = result.len;
    sc_buf_free(&result);
    return r;
}
