/* input.c — the input handling every reader shares: UTF-8 validation with a precise position,
 * BOM removal, line-end normalisation, NFC (utf8proc) and the empty/size checks. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

/* Length of the well-formed UTF-8 sequence at s[i] (RFC 3629 table), or 0 with *why set. */
static size_t utf8_sequence(const unsigned char *s, size_t len, size_t i, const char **why)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *why = c >= 0x80 && c <= 0xBF ? "unexpected continuation byte"
               : c == 0xC0 || c == 0xC1 ? "overlong encoding"
                                        : "byte never used in UTF-8";
        return 0;
    }
    if (i + 1 >= len || (s[i + 1] & 0xC0) != 0x80) {
        *why = "truncated sequence";
        return 0;
    }
    if (s[i + 1] < lo || s[i + 1] > hi) {
        *why = c == 0xE0 || c == 0xF0 ? "overlong encoding"
               : c == 0xED            ? "surrogate code point"
                                      : "code point above U+10FFFF";
        return 0;
    }
    for (size_t k = 2; k < n; k++) {
        if (i + k >= len || (s[i + k] & 0xC0) != 0x80) {
            *why = "truncated sequence";
            return 0;
        }
    }
    return n;
}

/* Report the first ill-formed sequence; returns 0 when the whole input is valid. */
static int validate_utf8(const unsigned char *s, size_t len, const char *file, sc_diag_list *diags)
{
    int line = 1, column = 1;
    for (size_t i = 0; i < len;) {
        const char *why = NULL;
        size_t n = utf8_sequence(s, len, i, &why);
        if (!n) {
            sc_diag_add(diags, SC_ERROR, file, line, column, (long)i,
                        "invalid UTF-8 (byte 0x%02X at offset %zu: %s)", s[i], i, why);
            return -1;
        }
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
            line++;
            column = 1;
        } else if (s[i] != '\r') {
            column++;
        }
        i += n;
    }
    return 0;
}

int32_t sc_utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t n = utf8proc_iterate(s + *i, (utf8proc_ssize_t)(len - *i), &c);
    *i += n > 0 ? (size_t)n : 1;
    return c;
}

int32_t sc_utf8_prev(const char *str, size_t end, size_t *start)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = end - 1;
    while (i > 0 && (s[i] & 0xC0) == 0x80 && end - i < 4)
        i--;
    *start = i;
    size_t j = i;
    return sc_utf8_next(str, end, &j);
}

int sc_is_unicode_space(int32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

int sc_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (!sc_is_unicode_space(sc_utf8_next(s, len, &i)))
            return 0;
    }
    return 1;
}

size_t sc_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Copy without BOM, with LF line ends and NUL replaced by U+FFFD (NUL cannot live in C strings;
 * CommonMark replaces it the same way). Returns a malloc'd buffer or NULL. */
static char *clean_bytes(const char *s, size_t len, size_t *out_len, size_t *nuls)
{
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    *nuls = 0;
    for (const char *z = memchr(s, '\0', len); z; z = memchr(z + 1, '\0', len - (size_t)(z + 1 - s)))
        (*nuls)++;
    char *out = malloc(len + 2 * *nuls + 1); /* a NUL grows to 3 bytes */
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\r') {
            out[o++] = '\n';
            if (i + 1 < len && s[i + 1] == '\n')
                i++;
        } else if (c == '\0') {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            out[o++] = c;
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

static int is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

int sc_input_prepare(const char *data, size_t len, const char *file, sc_input *out,
                     sc_diag_list *diags)
{
    out->data = NULL;
    out->len = 0;
    if (len > SC_INPUT_MAX_BYTES) {
        sc_diag_error(diags, file, "input too large (%zu bytes; the limit is 256 MiB)", len);
        return -1;
    }
    if (!data)
        data = "";
    if (validate_utf8((const unsigned char *)data, len, file, diags) != 0)
        return -1;

    size_t clean_len, nuls;
    char *clean = clean_bytes(data, len, &clean_len, &nuls);
    if (!clean) {
        sc_diag_error(diags, file, "out of memory reading the input");
        return -1;
    }
    if (nuls)
        sc_diag_warning(diags, file, "%zu NUL byte(s) replaced by U+FFFD", nuls);

    if (is_ascii(clean, clean_len)) { /* ASCII is already NFC */
        out->data = clean;
        out->len = clean_len;
    } else {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)clean,
                                          (utf8proc_ssize_t)clean_len, &nfc,
                                          UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        free(clean);
        if (n < 0) {
            sc_diag_error(diags, file, "cannot normalise the text to NFC: %s",
                          utf8proc_errmsg(n));
            return -1;
        }
        out->data = (char *)nfc;
        out->len = (size_t)n;
    }
    if (sc_is_blank(out->data, out->len)) {
        sc_diag_error(diags, file, "empty document");
        sc_input_release(out);
        return -1;
    }
    return 0;
}

void sc_input_release(sc_input *in)
{
    free(in->data);
    in->data = NULL;
    in->len = 0;
}
