/* encoding.c — legacy Vietnamese encodings to UTF-8: their names, iconv for the ones glibc knows
 * (Windows-1258, TCVN 5712 VN1, VISCII), own tables for TCVN3 and VPS, and the input step that
 * picks the encoding of a text file (forced, UTF-8, or detected). */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "internal.h"
#include "legacy.h"

static const struct {
    const char *name;
    sc_encoding enc;
} encoding_names[] = {
    {"utf-8", SC_ENC_UTF8},      {"utf8", SC_ENC_UTF8},          {"cp1258", SC_ENC_CP1258},
    {"windows-1258", SC_ENC_CP1258}, {"tcvn", SC_ENC_TCVN},      {"tcvn5712", SC_ENC_TCVN},
    {"tcvn-5712", SC_ENC_TCVN},  {"vn1", SC_ENC_TCVN},           {"viscii", SC_ENC_VISCII},
    {"vni", SC_ENC_VNI},         {"vni-windows", SC_ENC_VNI},    {"tcvn3", SC_ENC_TCVN3},
    {"abc", SC_ENC_TCVN3},       {"vn3", SC_ENC_TCVN3},          {"vps", SC_ENC_VPS},
    {"viqr", SC_ENC_VIQR},
};

sc_encoding sc_encoding_from_name(const char *name)
{
    if (!name)
        return SC_ENC_NONE;
    char norm[32];
    size_t n = strlen(name);
    if (n >= sizeof norm)
        return SC_ENC_NONE;
    for (size_t i = 0; i <= n; i++)
        norm[i] = name[i] == '_' ? '-' : name[i];
    for (size_t i = 0; i < sizeof encoding_names / sizeof *encoding_names; i++)
        if (strcasecmp(norm, encoding_names[i].name) == 0)
            return encoding_names[i].enc;
    return SC_ENC_NONE;
}

int sc_read_encoding_known(const char *name)
{
    return sc_encoding_from_name(name) != SC_ENC_NONE;
}

const char *sc_encoding_name(sc_encoding enc)
{
    switch (enc) {
    case SC_ENC_UTF8: return "UTF-8";
    case SC_ENC_CP1258: return "Windows-1258";
    case SC_ENC_TCVN: return "TCVN 5712 (VN1)";
    case SC_ENC_VISCII: return "VISCII";
    case SC_ENC_VNI: return "VNI-Windows";
    case SC_ENC_TCVN3: return "TCVN3 (ABC)";
    case SC_ENC_VPS: return "VPS";
    case SC_ENC_VIQR: return "VIQR";
    case SC_ENC_NONE: break;
    }
    return "none";
}

const char *sc_encoding_iconv_name(sc_encoding enc)
{
    switch (enc) {
    case SC_ENC_UTF8: return "UTF-8";
    case SC_ENC_CP1258: return "CP1258";
    case SC_ENC_TCVN: return "TCVN5712-1";
    case SC_ENC_VISCII: return "VISCII";
    default: return NULL;
    }
}

static void put_char(sc_buf *out, int32_t c)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n = utf8proc_encode_char(c, u);
    sc_buf_append(out, u, (size_t)n);
}

/* Through glibc's iconv into UTF-8; a byte iconv refuses becomes U+FFFD. */
static int iconv_decode(const char *charset, const char *data, size_t len, sc_buf *out,
                        size_t *unmapped)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return -1;
    char chunk[4096];
    char *in = (char *)data;
    size_t left = len;
    while (left > 0) {
        char *o = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(cd, &in, &left, &o, &room);
        int err = r == (size_t)-1 ? errno : 0; /* before appending, which may touch errno */
        sc_buf_append(out, chunk, (size_t)(o - chunk));
        if (err == EILSEQ || err == EINVAL) { /* undefined or truncated: skip one byte */
            put_char(out, 0xFFFD);
            if (unmapped)
                (*unmapped)++;
            in++;
            left--;
        } else if (err && err != E2BIG) {
            iconv_close(cd);
            return -1;
        }
    }
    char *o = chunk; /* flush a base letter Windows-1258 and TCVN hold back for a tone mark */
    size_t room = sizeof chunk;
    iconv(cd, NULL, NULL, &o, &room);
    sc_buf_append(out, chunk, (size_t)(o - chunk));
    iconv_close(cd);
    return 0;
}

static void table_decode(sc_encoding enc, const unsigned char *s, size_t len, sc_buf *out,
                         size_t *unmapped)
{
    sc_buf_reserve(out, len + len / 2);
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x80 && enc != SC_ENC_VPS) {
            sc_buf_putc(out, (char)s[i]);
            continue;
        }
        int32_t c = sc_legacy_table_char(enc, s[i]);
        if (c < 0) {
            c = 0xFFFD;
            if (unmapped)
                (*unmapped)++;
        }
        put_char(out, c);
    }
}

int sc_encoding_decode(sc_encoding enc, const char *data, size_t len, sc_buf *out,
                       size_t *unmapped)
{
    const unsigned char *s = (const unsigned char *)data;
    switch (enc) {
    case SC_ENC_CP1258:
    case SC_ENC_TCVN:
    case SC_ENC_VISCII: return iconv_decode(sc_encoding_iconv_name(enc), data, len, out, unmapped);
    case SC_ENC_TCVN3:
    case SC_ENC_VPS: table_decode(enc, s, len, out, unmapped); return 0;
    case SC_ENC_VNI: sc_vni_decode(s, len, out, unmapped); return 0;
    case SC_ENC_VIQR: sc_viqr_decode(s, len, out); return 0;
    case SC_ENC_UTF8:
    case SC_ENC_NONE: break;
    }
    sc_buf_append(out, data, len);
    return 0;
}

static int is_valid_utf8(const char *data, size_t len)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)data;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
        if (n < 0)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

/* Decode with `enc` and hand the UTF-8 to sc_input_prepare (which normalises to NFC). */
static int prepare_decoded(sc_encoding enc, const char *data, size_t len, const char *file,
                           sc_input *out, sc_diag_list *diags)
{
    if (len > SC_INPUT_MAX_BYTES) /* sc_input_prepare reports it */
        return sc_input_prepare(data, len, file, out, diags);
    sc_buf utf8;
    sc_buf_init(&utf8);
    size_t unmapped = 0;
    if (sc_encoding_decode(enc, data, len, &utf8, &unmapped) != 0) {
        sc_buf_free(&utf8);
        sc_diag_error(diags, file, "this system's iconv cannot decode %s", sc_encoding_name(enc));
        return -1;
    }
    if (unmapped)
        sc_diag_warning(diags, file, "%zu byte(s) undefined in %s replaced by U+FFFD", unmapped,
                        sc_encoding_name(enc));
    int rc = sc_input_prepare(utf8.data ? utf8.data : "", utf8.len, file, out, diags);
    sc_buf_free(&utf8);
    return rc;
}

int sc_input_prepare_encoded(const char *data, size_t len, const char *file,
                             const sc_read_options *opts, sc_input *out, sc_diag_list *diags)
{
    if (opts && opts->encoding) {
        sc_encoding enc = sc_encoding_from_name(opts->encoding);
        if (enc == SC_ENC_NONE) {
            sc_diag_error(diags, file, "unknown encoding '%s' (utf-8, cp1258, tcvn, viscii, vni, "
                                       "tcvn3, vps, viqr)", opts->encoding);
            return -1;
        }
        if (enc != SC_ENC_UTF8)
            return prepare_decoded(enc, data, len, file, out, diags);
        return sc_input_prepare(data, len, file, out, diags);
    }
    /* valid UTF-8, or declared UTF-8 by its BOM: no guessing */
    if (!data || len > SC_INPUT_MAX_BYTES || is_valid_utf8(data, len) ||
        (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0))
        return sc_input_prepare(data, len, file, out, diags);
    sc_encoding_guess g;
    sc_encoding_detect(data, len, &g);
    if (g.encoding == SC_ENC_NONE)
        return sc_input_prepare(data, len, file, out, diags); /* the invalid-UTF-8 error */
    sc_diag_add(diags, SC_NOTE, file, 0, 0, -1,
                "not UTF-8; read as %s (Vietnamese syllable score %.2f; %s)",
                sc_encoding_name(g.encoding), g.score, g.summary);
    return prepare_decoded(g.encoding, data, len, file, out, diags);
}
