/* docx.h — the DOCX reader's own state, shared by its files (docx.c: the package, metadata and
 * blocks; docx_styles.c: styles.xml and numbering.xml; docx_inline.c: runs, links, fields,
 * pictures and note references). */
#ifndef SC_READERS_DOCX_H
#define SC_READERS_DOCX_H
#include "office.h"

#define DOCX_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct docx_rel {
    const char *id, *type, *target; /* target: a part name, or the URL of an external one */
    int external;
} docx_rel;

typedef struct docx_rels {
    const char *part; /* the part these relationships belong to */
    docx_rel *items;
    size_t count;
} docx_rels;

/* A style from styles.xml, resolved along its basedOn chain. */
typedef struct docx_style {
    const char *id, *name, *based_on;
    char type;            /* 'p'aragraph, 'c'haracter, 't'able, 'n'umbering */
    int heading;          /* 1..6, 0 none (own or inherited) */
    int title;            /* the Title style */
    int outline;          /* w:outlineLvl + 1, 0 none */
    unsigned fmt_on, fmt_off; /* run formatting set / cleared by the style */
    const char *font;     /* w:rFonts w:ascii or w:hAnsi */
    const char *num_id;   /* w:numPr in the style */
    int num_level;
    int resolved;
} docx_style;

typedef struct docx_num {
    const char *num_id;
    int ordered[9];
    int start[9];
    const char *list_style[9]; /* CSS list-style-type, NULL for the default */
    int used[9];               /* items numbered so far at each level (since its last restart):
                                  Word continues a numbering interrupted by other paragraphs */
} docx_num;

typedef struct docx_reader {
    sc_document *doc;
    sc_diag_list *diags;
    const sc_read_options *opts;
    sc_zip_input *zip;
    const char *file;
    docx_rels *rels;        /* of the part being read */
    docx_rels main_rels, foot_rels, end_rels;
    docx_style *styles;
    size_t nstyles;
    docx_num *nums;
    size_t nnums;
    const char *default_font;
    xmlDocPtr footnotes, endnotes;
    sc_node **notes;        /* FOOTNOTE_DEFs in number order (heap-owned) */
    size_t nnotes, notes_cap;
    const char *pending_id; /* a bookmark waiting for the next block */
    int depth;
} docx_reader;

/* Relationships of `part` (from its _rels/NAME.rels); empty when it has none. */
void docx_read_rels(docx_reader *r, const char *part, docx_rels *out);
const docx_rel *docx_rel_by_id(const docx_rels *rels, const char *id);

/* The styles and numbering parts (both optional: a missing part is no error). */
void docx_read_styles(docx_reader *r, const char *part);
void docx_read_numbering(docx_reader *r, const char *part);
const docx_style *docx_style_by_id(docx_reader *r, const char *id);
docx_num *docx_num_by_id(docx_reader *r, const char *num_id);
/* Toggle properties (w:b, w:i, ...) of an rPr element onto fmt. */
unsigned docx_rpr_fmt(const xmlNode *rpr, unsigned fmt);
/* w:rFonts' font name in rPr, or NULL. */
const char *docx_rpr_font(const xmlNode *rpr);

/* The branch of mc:AlternateContent to read (its children): a choice whose requirements we read
 * like the plain markup, else the fallback; never both. */
const xmlNode *docx_alternate(const xmlNode *ac);
/* The inline content of a paragraph (w:p) into `in`. */
void docx_paragraph_inlines(docx_reader *r, const xmlNode *p, ox_inline *in, unsigned base_fmt,
                            const char *base_font);
/* The blocks of a block container (w:body, w:tc, w:footnote, w:sdtContent ...) into `parent`. */
void docx_blocks(docx_reader *r, const xmlNode *first, sc_node *parent);

#endif
