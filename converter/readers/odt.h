/* odt.h — the ODT reader's own state, shared by its files (odt.c: the package, metadata and
 * blocks; odt_styles.c: paragraph, text and list styles; odt_inline.c: spans, links, notes,
 * frames and white space). */
#ifndef SC_READERS_ODT_H
#define SC_READERS_ODT_H
#include "office.h"

/* What a paragraph style makes of its paragraphs (from the style or its parents). */
typedef enum {
    ODT_PLAIN, ODT_HEADING, ODT_TITLE, ODT_SUBTITLE, ODT_AUTHOR, ODT_DATE, ODT_CODE, ODT_QUOTE,
    ODT_TERM, ODT_DEFINITION, ODT_CAPTION
} odt_role;

typedef struct odt_style {
    const char *name, *parent;
    char family;          /* 'p'aragraph, 't'ext, other */
    int outline;          /* style:default-outline-level */
    unsigned fmt_on, fmt_off;
    const char *font;     /* the font family its text is set in */
    odt_role role;
    int code_text;        /* a text style for code (Source_Text) */
    sc_cell_align align;  /* fo:text-align of a paragraph style (for table cells) */
    const char *lang;     /* fo:language[-fo:country] of its text, NULL: inherited */
    size_t seq;           /* reading order: of two styles of one name, the later wins */
    int resolved;
} odt_style;

typedef struct odt_list_style {
    const char *name;
    int ordered[10];
    int start[10];
    const char *list_style[10]; /* CSS list-style-type, NULL for the default */
    size_t seq;
} odt_list_style;

typedef struct odt_font {
    const char *name, *family;
} odt_font;

typedef struct odt_reader {
    sc_document *doc;
    sc_diag_list *diags;
    const sc_read_options *opts;
    sc_zip_input *zip;
    const char *file;
    odt_style *styles;
    size_t nstyles, styles_cap;
    odt_list_style *lists;
    size_t nlists, lists_cap;
    odt_font *fonts;      /* style:font-face declarations */
    size_t nfonts, fonts_cap;
    int notes;            /* notes numbered so far */
    sc_node **defs;       /* FOOTNOTE_DEFs in number order (heap-owned) */
    size_t ndefs, defs_cap;
    const char *pending_id;
    const char *default_font; /* of the default paragraph style */
    const odt_list_style *last_list; /* the last top-level list read, for lists that continue */
    int last_list_next;   /* the number its next item would have had */
    int depth;
} odt_reader;

/* Styles from one part's office:styles / office:automatic-styles / office:font-face-decls. */
void odt_read_styles(odt_reader *r, const xmlNode *root);
/* Once every part is read: sort the styles for lookup and resolve their parent chains. */
void odt_resolve_styles(odt_reader *r);
const odt_style *odt_style_by_name(const odt_reader *r, const char *name, char family);
const odt_list_style *odt_list_style_by_name(const odt_reader *r, const char *name);

/* Inline content of a text:p / text:h (or a span) into `in`. */
void odt_inlines(odt_reader *r, const xmlNode *first, ox_inline *in, unsigned fmt,
                 const char *font, int *space, int depth);
/* Blocks of a container (office:text, text:list-item, text:note-body, ...) into `parent`. */
void odt_blocks(odt_reader *r, const xmlNode *first, sc_node *parent, int depth);

#endif
