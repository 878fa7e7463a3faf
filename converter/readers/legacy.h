/* legacy.h — Vietnamese text from before Unicode (readers-internal, not the stage's public face):
 * the legacy encodings, their detection in plain text, and runs set in legacy fonts inside
 * documents (DOCX, ODT, HTML), whose "characters" are really bytes of TCVN3, VNI or VPS.
 *
 * Every function is thread-safe (constant tables only; iconv descriptors are opened per call). */
#ifndef SC_READERS_LEGACY_H
#define SC_READERS_LEGACY_H
#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/diag.h"
#include "../model/doc.h"
#include "readers.h"

struct sc_input; /* internal.h */

typedef enum {
    SC_ENC_NONE,   /* no legacy encoding (UTF-8 / a normal Unicode font) */
    SC_ENC_UTF8,
    SC_ENC_CP1258, /* Windows-1258: base letters + combining tone marks (iconv) */
    SC_ENC_TCVN,   /* TCVN 5712:1993 VN1, capitals included (iconv TCVN5712-1) */
    SC_ENC_VISCII, /* RFC 1456 VISCII (iconv) */
    SC_ENC_VNI,    /* VNI-Windows: base letter + a tone byte (own table) */
    SC_ENC_TCVN3,  /* TCVN 5712:1993 VN3 "ABC": lowercase toned letters only (own table) */
    SC_ENC_VPS,    /* VPS (own table) */
    SC_ENC_VIQR    /* RFC 1456 VIQR: ASCII with ' ` ? ~ . ( ^ + dd (only on request) */
} sc_encoding;

/* "utf-8", "cp1258"/"windows-1258", "tcvn"/"tcvn5712"/"vn1", "viscii", "vni", "tcvn3"/"abc",
 * "vps", "viqr" (case-insensitive, '_' = '-'); SC_ENC_NONE for an unknown name. */
sc_encoding sc_encoding_from_name(const char *name);
/* Display name: "UTF-8", "Windows-1258", "TCVN 5712 (VN1)", "VISCII", "VNI-Windows",
 * "TCVN3 (ABC)", "VPS", "VIQR". */
const char *sc_encoding_name(sc_encoding enc);

/* The iconv/libxml2 name of an encoding iconv knows ("UTF-8", "CP1258", "TCVN5712-1", "VISCII");
 * NULL for VNI, TCVN3, VPS and VIQR, which only sc_encoding_decode reads. */
const char *sc_encoding_iconv_name(sc_encoding enc);

/* Decode `len` bytes in `enc` to UTF-8 appended to `out` (not yet NFC: callers normalise).
 * A byte the encoding does not define becomes U+FFFD and is counted in *unmapped (may be NULL).
 * Returns 0, or -1 when iconv lacks the encoding. UTF-8 input is copied unchanged. */
int sc_encoding_decode(sc_encoding enc, const char *data, size_t len, sc_buf *out,
                       size_t *unmapped);

/* One legacy byte (0x00-0xFF) of a single-byte table encoding (TCVN3, VPS) as a code point;
 * -1 when undefined. Bytes 0x80-0x9F that the encoding leaves free mean what Windows-1252 says
 * (the legacy fonts are Windows fonts, and Word puts its quotes and dashes there). */
int32_t sc_legacy_table_char(sc_encoding enc, unsigned char byte);
/* Windows-1252: byte -> code point (-1 for the five undefined bytes) and code point -> byte
 * (-1 when Windows-1252 has no such character). */
int32_t sc_cp1252_char(unsigned char byte);
int sc_cp1252_byte(int32_t c);

/* VNI-Windows and VIQR, which combine several bytes into one letter (legacy_vni.c,
 * encoding_viqr.c): decoded to UTF-8 appended to `out`. */
void sc_vni_decode(const unsigned char *s, size_t len, sc_buf *out, size_t *unmapped);
void sc_viqr_decode(const unsigned char *s, size_t len, sc_buf *out);

/* ---- detection (detect_encoding.c) ---- */

/* Share of the words holding a non-ASCII letter that are well-formed Vietnamese syllables
 * (onset + vowel nucleus + coda + at most one tone), lowered by undefined bytes and C1 controls;
 * `valid` receives the number of such words. UTF-8 text in, any normalisation. */
double sc_vietnamese_score(const char *utf8, size_t len, size_t penalties, size_t *valid);

/* One word (UTF-8, any case and normalisation): 1 when it is a Vietnamese syllable. */
int sc_vietnamese_syllable(const char *word, size_t len);

typedef struct sc_encoding_guess {
    sc_encoding encoding;  /* SC_ENC_NONE: no candidate passed the threshold */
    double score;          /* the winner's score */
    char summary[256];     /* every candidate's score, for the -v note */
} sc_encoding_guess;

/* Guess the legacy encoding of bytes that are not valid UTF-8. Text that is mostly valid UTF-8
 * (a stray byte in UTF-8 text) and bytes that do not read as Vietnamese in any candidate give
 * SC_ENC_NONE. VIQR is never guessed. */
void sc_encoding_detect(const char *data, size_t len, sc_encoding_guess *guess);

/* Turn the input bytes into clean text (sc_input_prepare) through the encoding the reader
 * options force (opts->encoding), else UTF-8, else the detected legacy encoding (a note names it
 * and the scores); when nothing is detected the invalid-UTF-8 error stands. */
int sc_input_prepare_encoded(const char *data, size_t len, const char *file,
                             const sc_read_options *opts, struct sc_input *out,
                             sc_diag_list *diags);

/* ---- legacy fonts in documents (legacy_fonts.c) ----
 *
 * Contract for the DOCX, ODT and HTML readers: for each run of text, look its font name up
 * (w:rFonts w:ascii/w:hAnsi, style:font-name / fo:font-family, CSS font-family / <font face>):
 *
 *     sc_legacy_font f;
 *     if (sc_legacy_font_lookup(opts, font_name, &f)) {
 *         size_t n;
 *         const char *u = sc_legacy_font_decode(doc, &f, text, text_len, &n);
 *         ... use u/n as the run's text, and set the run in the document's normal font ...
 *     }
 *
 * `text` is the run's text as the reader got it (UTF-8): every code point U+0000-U+00FF stands
 * for that byte, Windows-1252 characters (U+201C “, U+2013 –, ...) for their cp1252 byte, and
 * U+F000-U+F0FF (symbol-font private-use) for the low byte; other characters pass through. A run
 * that already holds a letter only Unicode has (ư, ệ, ...) is taken as converted and kept. */

typedef struct sc_legacy_font {
    sc_encoding encoding; /* SC_ENC_TCVN3, SC_ENC_VNI or SC_ENC_VPS */
    int uppercase;        /* ".VnTimeH"-style fonts show every letter as a capital */
} sc_legacy_font;

/* 1 and *out filled when `font_name` is a legacy Vietnamese font: ".Vn*" (TCVN3; a family name
 * ending in a capital H after a lowercase letter, ".VnTimeH", is the uppercase variant), "VNI-*"
 * (VNI), "VPS*" (VPS); names are compared case-insensitively after surrounding quotes and
 * spaces. 0 for other fonts, for NULL, and always when opts->keep_legacy_fonts is set (opts may
 * be NULL: conversion on). */
int sc_legacy_font_lookup(const sc_read_options *opts, const char *font_name,
                          sc_legacy_font *out);

/* The Unicode text (NFC UTF-8, arena-owned, NUL-terminated; length in *out_len) of a run set
 * in `font`. Never NULL (out of memory aside): undefined bytes become U+FFFD. */
const char *sc_legacy_font_decode(sc_document *doc, const sc_legacy_font *font, const char *text,
                                  size_t len, size_t *out_len);

#endif
