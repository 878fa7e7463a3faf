/* internal.h — what the readers share among themselves (not part of the stage's public face). */
#ifndef SC_READERS_INTERNAL_H
#define SC_READERS_INTERNAL_H
#include <stddef.h>
#include <stdint.h>

#include "../base/diag.h"
#include "../model/doc.h"

/* Inputs above this size are refused before any work is done. */
#define SC_INPUT_MAX_BYTES ((size_t)256 * 1024 * 1024)

/* Clean input text: valid UTF-8, no BOM, LF line ends, NFC, no NUL bytes. `data` is malloc-owned
 * by the caller of sc_input_prepare and freed with sc_input_release. */
typedef struct sc_input {
    char *data;
    size_t len;
} sc_input;

/* Validate (errors name file, line, column, byte offset of the first bad byte), drop a BOM, turn
 * CRLF and CR into LF, normalise to NFC and refuse empty or white-space-only input.
 * Returns 0, or -1 with an error in `diags`. */
int sc_input_prepare(const char *data, size_t len, const char *file, sc_input *out,
                     sc_diag_list *diags);
void sc_input_release(sc_input *in);

/* Decode one code point of valid UTF-8 at s[*i] (i < len) and advance *i. */
int32_t sc_utf8_next(const char *s, size_t len, size_t *i);
/* The code point ending just before s[end] (end > 0); its start is stored in *start. */
int32_t sc_utf8_prev(const char *s, size_t end, size_t *start);
/* Unicode White_Space (includes U+00A0 no-break space and the other space separators). */
int sc_is_unicode_space(int32_t c);
/* s[0..len) holds only Unicode white space (or nothing). */
int sc_is_blank(const char *s, size_t len);
/* Number of code points in s[0..len). */
size_t sc_utf8_count(const char *s, size_t len);

/* Find the next http:// or https:// URL in s[from..len): 0 when none, else 1 with its bounds
 * [*start, *end), trailing sentence punctuation excluded as GitHub's autolinks do. */
int sc_find_url(const char *s, size_t len, size_t from, size_t *start, size_t *end);

/* Heading ids as GitHub makes them; the set of ids given so far makes duplicates -1, -2, ... */
typedef struct sc_slugger {
    sc_arena *arena;
    const char **slots; /* open-addressing set of ids given so far (arena-owned) */
    int *counts;        /* per slot: how often the base id was asked for */
    size_t cap, count;
} sc_slugger;

void sc_slugger_init(sc_slugger *s, sc_arena *arena);
/* Mark `id` as taken (e.g. a footnote anchor), so no heading gets it. */
void sc_slugger_reserve(sc_slugger *s, const char *id);
/* The id for a heading whose plain text is `text` (arena-owned, never empty). */
const char *sc_slugger_slug(sc_slugger *s, const char *text, size_t len);

/* The readers themselves: `in` is prepared input; they fill doc->root and doc->meta. */
int sc_read_text(sc_document *doc, const sc_input *in, sc_diag_list *diags);
int sc_read_markdown(sc_document *doc, const sc_input *in, sc_diag_list *diags);

/* Metadata values are Markdown to pandoc: a value that parses as a single paragraph becomes its
 * plain text (emphasis, code and link markup dropped, entities and escapes resolved); any other
 * value is kept as written. The result is arena-owned (or `value` itself). */
const char *sc_markdown_plain_inline(sc_document *doc, const char *value);

/* Leading YAML metadata block (pandoc style). Returns the number of bytes it spans (0: none) and
 * the number of lines in *lines; fills doc->meta. An invalid block gives a warning and is still
 * skipped. */
size_t sc_read_yaml_front_matter(sc_document *doc, const char *s, size_t len, int *lines,
                                 sc_diag_list *diags);

/* Legacy Vietnamese encodings and fonts (TCVN3/.VnTime, VNI, VPS runs in DOCX/ODT/HTML are
 * converted with sc_legacy_font_lookup + sc_legacy_font_decode): see legacy.h. */
#include "legacy.h"

#endif
