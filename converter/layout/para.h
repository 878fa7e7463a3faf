/* para.h — private: the paragraph being built (para.c), itemized (itemize.c) and set into lines
 * (lines.c). Everything here is scratch memory owned by the para and reused for the next one; only
 * the sc_line results go into the shaper's arena. */
#ifndef SC_PARA_H
#define SC_PARA_H
#include "text.h"

typedef struct para_span {
    uint32_t t0, t1;         /* byte range in the paragraph text */
    const sc_style *style;
    const char *lang;
    const char *uri, *dest;  /* as given by the caller */
    const char *uri_copy, *dest_copy; /* copied into the arena on first use on a line */
    int line;
    const sc_face *face;
    float size;              /* effective size (smaller for super/subscript) */
    float shift;             /* baseline shift, pt, y up */
} para_span;

typedef struct para_anchor {
    uint32_t at;             /* byte offset in the text */
    const char *name;        /* in the arena */
} para_anchor;

/* An unbreakable shaped piece: a glyph range of one shaping result. */
typedef struct para_piece {
    const sc_shaped *shaped;
    uint32_t g0, g1;         /* glyph range in shaped */
    uint32_t t0, t1;         /* byte range in the paragraph text */
    uint32_t tbase;          /* paragraph offset of the shaped text's first byte */
    int span;
    const sc_face *face;
    int gap;                 /* a character no font has: nothing drawn, not in any run */
    int spaces;              /* kept white space (indentation in pre text): space glyphs */
    double width;            /* pt */
    int disc_post;           /* the rest of a word after a hyphenation point inside a ligature:
                                drawn only when a line starts with it (see sc_bitem.disc) */
} para_piece;

/* Inter-word space(s): [t0, t1) of the text; one glyph per space character. */
typedef struct para_glue {
    uint32_t t0, t1;
    int span;
} para_glue;

/* Scratch arrays of the line-setting pass: one set per shaper (paragraphs are set one at a time),
 * so a paragraph that is never ended costs only its text and spans. */
typedef struct para_work {
    para_piece *pieces;
    size_t npieces, cappieces;
    para_glue *glues;
    size_t nglues, capglues;
    sc_bitem *items;
    size_t nitems, capitems;
    uint32_t *bounds;        /* break opportunities (byte offsets) */
    unsigned char *hard;     /* 1 where the opportunity is a forced break */
    size_t nbounds, capbounds, caphard;
    uint32_t *splits;        /* break points inside a word, sorted (see split_kind) */
    unsigned char *split_kind; /* SC_SPLIT_* of each split */
    size_t nsplits, capsplits, capsplit_kind;
    size_t split_next;       /* the first split not yet placed by push_piece */
    uint32_t *inner;         /* ICU opportunities inside the current word (no space there) */
    size_t ninner, capinner;
    uint32_t *scratch;       /* a copy of the splits while they are widened */
    unsigned char *scratch_kind;
    size_t capscratch, capscratch_kind;
    uint32_t *urls;          /* URL ranges, pairs of byte offsets */
    size_t nurls, capurls;
    size_t *breaks;
    size_t capbreaks;
    sc_glyph *glyphs;        /* glyphs of the run being built */
    size_t capglyphs;
    sc_glyph_run *runs;      /* runs of the line being built */
    size_t capruns;
    sc_line_link *links;
    size_t caplinks;
    sc_line_anchor *anchors;
    size_t capanchors;
    struct sc_hyph_cache *hyph; /* hyphenation dictionaries loaded so far (hyphenate.c) */
    uint32_t *hyph_points;   /* scratch: hyphenation points of one word */
    size_t caphyph_points;
} para_work;

struct sc_para {
    sc_shaper *shaper;       /* NULL once ended (free in the pool) */
    char *text;
    size_t len, cap;
    para_span *spans;
    size_t nspans, capspans;
    para_anchor *anchors;
    size_t nanchors, capanchors;
    struct sc_para *next;    /* list of every para of the shaper */
    struct sc_para *next_free; /* stack of ended paras */
};

para_work *sc_shaper_work(sc_shaper *shaper);
sc_para **sc_shaper_para_free(sc_shaper *shaper);
void sc_para_work_free(para_work *w);

/* Tabs in white-space: pre text stop every SC_TAB_SIZE columns (CSS tab-size: 8). */
#define SC_TAB_SIZE 8
/* How many space widths the character at text[i] takes: 1 for a space, up to the next tab stop
 * for a tab, 0 for anything else. */
/* The index of the span holding text offset `pos` (itemize.c). */
size_t sc_para_span_at(const sc_para *para, uint32_t pos);
int sc_para_space_weight(const sc_para *para, uint32_t i);

/* letter-spacing (pt) added after glyph k of a piece: after the last glyph of each cluster, but
 * not after the piece's last cluster when white space or the end follows (the glue carries that
 * one, so no line ends with it). 0 for spans without letter-spacing. */
float sc_piece_letter_space(const sc_para *p, const para_piece *pc, uint32_t k);

/* When a line ends after the piece with a drawn hyphen, its last glyph loses the kerning it had
 * with the letter that now starts the next line (what shaping the first half alone gives):
 * the change of width in pt (the penalty's width includes it; lines.c applies it). */
double sc_piece_unkern(const sc_para *p, const para_piece *pc);

/* The glyph drawn for a soft hyphen at a line end (0 when the face has none). */
hb_codepoint_t sc_hyphen_glyph(const sc_face *face);

/* Grow *p (elements of `size`) to hold at least `need`; aborts like the arena on out-of-memory. */
void sc_para_reserve(void **p, size_t *cap, size_t need, size_t size);
#define PARA_RESERVE(arr, cap, need) sc_para_reserve((void **)&(arr), &(cap), (need), sizeof *(arr))

/* Kinds of break points inside a word (between two spaces), cheapest first. */
enum {
    SC_SPLIT_URL,     /* a Chicago point of a URL: always allowed */
    SC_SPLIT_SHY,     /* after a soft hyphen: always allowed, draws a hyphen */
    SC_SPLIT_HYPH,    /* a hyphenation point of the language's patterns (hyphens: auto): draws a
                         hyphen */
    SC_SPLIT_INNER,   /* an ICU opportunity without space (after - / —): only in a word wider
                         than the measure, so words like 05-CT/TW and Covid-19 stay whole */
    SC_SPLIT_CLUSTER  /* any cluster boundary: only in a piece still wider than the measure */
};

/* hyphenate.c: libhyphen dictionaries by BCP 47 tag, cached in the shaper's work (never for
 * Vietnamese). sc_hyphenate_word writes the points (byte offsets into word, after which a hyphen
 * may go; at least 2 characters before and 3 after) of one word (letters only) and returns their
 * count, 0 when the language has no patterns. */
typedef struct sc_hyph_cache sc_hyph_cache;
void sc_hyph_cache_free(sc_hyph_cache *cache);
int sc_hyph_has_patterns(para_work *w, const char *lang);
size_t sc_hyphenate_word(para_work *w, const char *lang, const char *word, size_t len,
                         uint32_t *out, size_t cap);

/* breaks.c: URL ranges (w->urls) and break opportunities (w->bounds, w->hard) of the text; the
 * last bound is the text's end. */
void sc_para_find_breaks(sc_para *para, para_work *w);
/* itemize.c: fill pieces, glues and items from the text and spans. */
void sc_para_itemize(sc_para *para, para_work *w, const sc_break_params *params);
/* lines.c: build the sc_line array from the items and chosen breaks. */
sc_line *sc_para_build_lines(sc_para *para, para_work *w, const sc_break_params *params,
                             const size_t *breaks, size_t nbreaks);

#endif
