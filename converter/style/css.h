/* css.h — inside the style stage (not a public face): the CSS tokenizer, the component-value
 * parser, typed declarations, selectors and the stylesheet structure that the cascade and @page
 * code read. Unit tests include it to check the pieces one by one. */
#ifndef SC_CSS_H
#define SC_CSS_H
#include <stddef.h>
#include <stdint.h>

#include "style.h"

/* ---- Tokens (CSS Syntax Level 3, section 4) ---------------------------------------------- */

typedef enum sc_css_token_type {
    SC_TOK_EOF,
    SC_TOK_IDENT,
    SC_TOK_FUNCTION,   /* value = the name, without "(" */
    SC_TOK_AT_KEYWORD, /* value = the name, without "@" */
    SC_TOK_HASH,       /* value = the name, without "#"; hash_id set for the "id" type flag */
    SC_TOK_STRING,     /* value = the unescaped contents */
    SC_TOK_BAD_STRING,
    SC_TOK_URL,        /* value = the unescaped URL of an unquoted url(...) */
    SC_TOK_BAD_URL,
    SC_TOK_DELIM,      /* delim = the code point */
    SC_TOK_NUMBER,
    SC_TOK_PERCENTAGE,
    SC_TOK_DIMENSION,  /* number + unit */
    SC_TOK_WHITESPACE,
    SC_TOK_CDO,
    SC_TOK_CDC,
    SC_TOK_COLON,
    SC_TOK_SEMICOLON,
    SC_TOK_COMMA,
    SC_TOK_LBRACKET,
    SC_TOK_RBRACKET,
    SC_TOK_LPAREN,
    SC_TOK_RPAREN,
    SC_TOK_LBRACE,
    SC_TOK_RBRACE
} sc_css_token_type;

typedef struct sc_css_token {
    sc_css_token_type type;
    const char *value;  /* NUL-terminated UTF-8 in the arena (escapes resolved); "" when none */
    const char *unit;   /* DIMENSION: the unit as written (escapes resolved) */
    double number;      /* NUMBER, PERCENTAGE (the number before "%"), DIMENSION */
    int is_integer;     /* the "integer" type flag of numeric tokens */
    int hash_id;        /* HASH: the "id" type flag (the name would be a valid identifier) */
    uint32_t delim;     /* DELIM */
    int line, column;   /* where the token starts: 1-based, column in code points */
    long offset;        /* byte offset of the token's first byte */
} sc_css_token;

typedef struct sc_css_tokens {
    sc_css_token *items; /* ends with an SC_TOK_EOF token */
    size_t count;        /* including the EOF token */
} sc_css_tokens;

/* Tokenize all of `css` into `out` (arena-owned). Parse errors of the tokenizer (bad strings,
 * bad URLs, unterminated comments) are warnings naming `name`:line:column. CR LF, CR and FF count
 * as one newline; NUL and invalid UTF-8 become U+FFFD, as the spec's preprocessing says. */
void sc_css_tokenize(sc_arena *arena, const char *css, size_t len, const char *name,
                     sc_diag_list *diags, sc_css_tokens *out);

const char *sc_css_token_type_name(sc_css_token_type type);

/* ---- Component values (CSS Syntax Level 3, section 5) ------------------------------------ */

typedef enum { SC_CV_TOKEN, SC_CV_BLOCK, SC_CV_FUNCTION } sc_css_cv_kind;

typedef struct sc_css_cv {
    sc_css_cv_kind kind;
    const sc_css_token *tok; /* the token; the opening bracket of a block; the FUNCTION token */
    struct sc_css_cv *items; /* block or function contents */
    size_t count;
} sc_css_cv;

/* ---- Typed values --------------------------------------------------------------------------- */

/* Absolute units are converted to points while parsing; relative ones stay as they are. */
typedef enum { SC_UNIT_PT, SC_UNIT_EM, SC_UNIT_REM, SC_UNIT_EX, SC_UNIT_CH, SC_UNIT_PERCENT } sc_css_unit;

typedef enum {
    SC_VAL_NONE,
    SC_VAL_INHERIT,
    SC_VAL_INITIAL,
    SC_VAL_UNSET,
    SC_VAL_KEYWORD, /* keyword = a property-specific code (see css_properties.c) */
    SC_VAL_LENGTH,  /* num + unit (percentages too) */
    SC_VAL_NUMBER,  /* num */
    SC_VAL_COLOR,   /* color */
    SC_VAL_STRING,  /* str: font-family lists in canonical form */
    SC_VAL_PAIR,    /* num + unit, num2 + unit2 (page size) */
    SC_VAL_CONTENT, /* content: a list of parts (content, string-set's parts) */
    SC_VAL_COUNTERS,/* counters: counter-reset / counter-increment entries */
    SC_VAL_STRINGS  /* strings: string-set entries */
} sc_css_value_kind;

typedef struct sc_css_value {
    sc_css_value_kind kind;
    int keyword;
    float num, num2;
    sc_css_unit unit, unit2;
    sc_rgb color;
    const char *str;
    const sc_content_part *content;
    const sc_counter_op *counters;
    const sc_string_set *strings;
} sc_css_value;

typedef enum sc_css_prop {
    SC_PROP_FONT_FAMILY,
    SC_PROP_FONT_SIZE,
    SC_PROP_FONT_WEIGHT,
    SC_PROP_FONT_STYLE,
    SC_PROP_LINE_HEIGHT,
    SC_PROP_TEXT_ALIGN,
    SC_PROP_TEXT_INDENT,
    SC_PROP_MARGIN_TOP,
    SC_PROP_MARGIN_RIGHT,
    SC_PROP_MARGIN_BOTTOM,
    SC_PROP_MARGIN_LEFT,
    SC_PROP_PADDING_TOP,
    SC_PROP_PADDING_RIGHT,
    SC_PROP_PADDING_BOTTOM,
    SC_PROP_PADDING_LEFT,
    SC_PROP_COLOR,
    SC_PROP_WHITE_SPACE,
    SC_PROP_VERTICAL_ALIGN,
    SC_PROP_TEXT_DECORATION,
    SC_PROP_WIDOWS,
    SC_PROP_ORPHANS,
    SC_PROP_PAGE_BREAK_BEFORE,
    SC_PROP_PAGE_BREAK_AFTER,
    SC_PROP_DISPLAY,
    SC_PROP_SIZE, /* @page only */
    /* issue 3 */
    SC_PROP_BORDER_TOP_WIDTH,
    SC_PROP_BORDER_RIGHT_WIDTH,
    SC_PROP_BORDER_BOTTOM_WIDTH,
    SC_PROP_BORDER_LEFT_WIDTH,
    SC_PROP_BORDER_TOP_STYLE,
    SC_PROP_BORDER_RIGHT_STYLE,
    SC_PROP_BORDER_BOTTOM_STYLE,
    SC_PROP_BORDER_LEFT_STYLE,
    SC_PROP_BORDER_TOP_COLOR,
    SC_PROP_BORDER_RIGHT_COLOR,
    SC_PROP_BORDER_BOTTOM_COLOR,
    SC_PROP_BORDER_LEFT_COLOR,
    SC_PROP_PAGE_BREAK_INSIDE,
    SC_PROP_HYPHENS,
    SC_PROP_LIST_STYLE_TYPE,
    SC_PROP_LETTER_SPACING,
    SC_PROP_FONT_VARIANT_LIGATURES,
    SC_PROP_CONTENT,
    SC_PROP_COUNTER_RESET,
    SC_PROP_COUNTER_INCREMENT,
    SC_PROP_STRING_SET,
    SC_PROP_COUNT
} sc_css_prop;

/* Keyword codes shared by several properties. */
enum {
    SC_KW_AUTO = 1,
    SC_KW_NORMAL,
    SC_KW_BOLDER,
    SC_KW_LIGHTER,
    SC_KW_LARGER,
    SC_KW_SMALLER,
    SC_KW_CURRENTCOLOR
};

typedef struct sc_css_decl {
    sc_css_prop prop;
    sc_css_value value;
    int important;
    int line, column; /* of the property name */
} sc_css_decl;

typedef enum { SC_DECL_STYLE, SC_DECL_PAGE, SC_DECL_MARGIN_BOX, SC_DECL_FONT_FACE } sc_css_decl_context;

/* A declaration as written (name, value component values, !important), kept for writing the
 * sheet back as CSS text: shorthands stay shorthands. Only declarations that were accepted. */
typedef struct sc_css_raw_decl {
    const char *name;          /* lowercase */
    const sc_css_cv *value;
    size_t count;
    int important;
} sc_css_raw_decl;

/* Where declarations are collected while a block is parsed. */
typedef struct sc_css_decl_vec {
    sc_css_decl *items;
    size_t count, cap;
} sc_css_decl_vec;

typedef struct sc_css_parser sc_css_parser; /* parse context (arena, diagnostics, name) */

/* Parse one declaration's value (whitespace-trimmed component values, without "!important")
 * for property `name` and append the typed longhand declarations to `out`. Invalid values become
 * warnings at the declaration's position; an unknown property a note (once per name and sheet).
 * Returns 0 when the declaration was accepted. */
int sc_css_declaration(sc_css_parser *p, const sc_css_token *name, const sc_css_cv *value,
                       size_t count, int important, sc_css_decl_context context,
                       sc_css_decl_vec *out);

/* A declaration's values without whitespace; commas, slashes stay as tokens. */
typedef struct sc_css_values {
    const sc_css_cv *v[64];
    size_t n;
} sc_css_values;

/* Value parsers living outside css_properties.c (each reads vals->v[from .. from+n)). */
int sc_css_parse_border_width(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                              sc_css_value *out);
int sc_css_parse_border_style(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                              sc_css_value *out);
int sc_css_parse_border_color(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                              sc_css_value *out);
/* border, border-top ... border-left: width || style || color; out[0..2] = width, style, colour
 * (the ones not named reset to their initial values). */
int sc_css_border_shorthand(sc_css_parser *p, const sc_css_values *vals, sc_css_value out[3]);
/* A counter style name (list-style-type, counter(name, style)); unknown names are decimal. */
int sc_css_list_style_by_name(const sc_css_cv *cv, sc_list_style *out);
const char *sc_css_list_style_name(sc_list_style style);
int sc_css_parse_break_inside(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                              sc_css_value *out);
int sc_css_parse_hyphens(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                         sc_css_value *out);
int sc_css_parse_letter_spacing(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                                sc_css_value *out);
int sc_css_parse_ligatures(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                           sc_css_value *out);
int sc_css_parse_list_style_type(sc_css_parser *p, const sc_css_values *vals, size_t from,
                                 size_t n, sc_css_value *out);
/* list-style: the type among position and image (only the type is kept). */
int sc_css_list_style_shorthand(sc_css_parser *p, const sc_css_values *vals, sc_css_value *out);
int sc_css_parse_content(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                         sc_css_value *out);
int sc_css_parse_counter_reset(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                               sc_css_value *out);
int sc_css_parse_counter_increment(sc_css_parser *p, const sc_css_values *vals, size_t from,
                                   size_t n, sc_css_value *out);
int sc_css_parse_string_set(sc_css_parser *p, const sc_css_values *vals, size_t from, size_t n,
                            sc_css_value *out);

/* @font-face descriptors: one declaration into `face` (unknown descriptors are noted). */
void sc_css_font_face_descriptor(sc_css_parser *p, const sc_css_token *name,
                                 const sc_css_cv *value, size_t count, sc_font_face_rule *face,
                                 const char **raw_url);
/* Say once per sheet that property `name` is unknown (a note, shown with -v). */
void sc_css_note_unknown(sc_css_parser *p, const sc_css_token *name);

const char *sc_css_prop_name(sc_css_prop prop);
int sc_css_prop_inherited(sc_css_prop prop);

/* ---- Values: lengths, colours, keywords (css_values.c) -------------------------------------- */

/* A length or percentage from a NUMBER (only 0), PERCENTAGE or DIMENSION token; 0 on success. */
int sc_css_length(const sc_css_token *t, int allow_percent, sc_css_value *out);
/* A colour from a component value (hash, named colour, rgb()/rgba()); 0 on success. */
int sc_css_color(const sc_css_cv *cv, sc_rgb *out);
int sc_css_named_color(const char *name, sc_rgb *out);
int sc_css_ident_is(const sc_css_cv *cv, const char *ident); /* ASCII case-insensitive */
int sc_css_ieq(const char *a, const char *b);                 /* ASCII case-insensitive */

/* ---- Selectors (css_selector.c) --------------------------------------------------------------- */

typedef enum {
    SC_SIMPLE_CLASS, SC_SIMPLE_ID, SC_SIMPLE_ROOT, SC_SIMPLE_FIRST_CHILD, SC_SIMPLE_ATTR
} sc_css_simple_kind;

/* Attribute selector operators: [a], [a=v], [a~=v], [a|=v], [a^=v], [a$=v], [a*=v]. */
typedef enum {
    SC_ATTR_EXISTS, SC_ATTR_EQUALS, SC_ATTR_INCLUDES, SC_ATTR_DASH, SC_ATTR_PREFIX,
    SC_ATTR_SUFFIX, SC_ATTR_SUBSTRING
} sc_css_attr_op;

typedef struct sc_css_simple {
    sc_css_simple_kind kind;
    const char *name;       /* class, id, attribute name (lowercase) */
    const char *value;      /* ATTR with an operator */
    sc_css_attr_op op;
} sc_css_simple;

/* Which element a selector styles: the element itself or one of its pseudo-elements. */
typedef enum { SC_PSEUDO_NONE, SC_PSEUDO_BEFORE, SC_PSEUDO_AFTER } sc_css_pseudo;

/* How a compound relates to the one on its left: descendant (whitespace), child (>), next sibling
 * (+) or subsequent sibling (~). Siblings are elements only: text and raw HTML are skipped. */
typedef enum {
    SC_COMB_NONE, SC_COMB_DESCENDANT, SC_COMB_CHILD, SC_COMB_NEXT_SIBLING, SC_COMB_SUBSEQUENT_SIBLING
} sc_css_combinator;

/* One compound selector: an element name (NULL = universal) and simple selectors. `comb` says
 * how it relates to the compound before it (the one to its left). */
typedef struct sc_css_compound {
    const char *element;
    sc_css_simple *simples;
    size_t nsimples;
    sc_css_combinator comb;
} sc_css_compound;

typedef struct sc_css_selector {
    sc_css_compound *compounds; /* left to right */
    size_t ncompounds;
    unsigned specificity;       /* (ids << 16) | (classes << 8) | types, each capped at 255 */
    sc_css_pseudo pseudo;       /* ::before / ::after at the end of the selector */
} sc_css_selector;

/* Parse a selector list from a rule's prelude. -1 (with a warning) when any selector is invalid:
 * then the whole rule is dropped, as CSS says. `start` is the rule's first token (for the
 * position of a warning about an empty prelude). */
int sc_css_parse_selectors(sc_css_parser *p, const sc_css_token *start, const sc_css_cv *prelude,
                           size_t count, sc_css_selector **out, size_t *nout);

/* The element a selector is matched against: a document node, or (node == NULL) the virtual
 * `html` root above the DOCUMENT node (= body), so `html` rules and `:root` work as in HTML. */
int sc_css_selector_matches(const sc_css_selector *sel, const sc_node *node);

/* ---- Stylesheets ------------------------------------------------------------------------------ */

typedef struct sc_css_style_rule {
    sc_css_selector *selectors;
    size_t nselectors;
    sc_css_decl *decls;
    size_t ndecls;
    int line, column;
    const sc_css_cv *prelude;   /* the selectors as written (for serializing) */
    size_t nprelude;
    sc_css_raw_decl *raw;       /* the accepted declarations as written */
    size_t nraw;
} sc_css_style_rule;

/* A margin box inside @page (@top-left ... @bottom-right). */
typedef struct sc_css_margin_rule {
    sc_margin_box_pos pos;
    sc_css_decl *decls;
    size_t ndecls;
    sc_css_raw_decl *raw;
    size_t nraw;
} sc_css_margin_rule;

/* SC_PAGE_FIRST, SC_PAGE_LEFT, SC_PAGE_RIGHT, SC_PAGE_BLANK: see style.h */

typedef struct sc_css_page_rule {
    unsigned pseudo;          /* SC_PAGE_* bits; 0 for a plain @page */
    sc_css_decl *decls;
    size_t ndecls;
    int line, column;
    sc_css_raw_decl *raw;
    size_t nraw;
    sc_css_margin_rule *boxes;
    size_t nboxes;
} sc_css_page_rule;

/* An @font-face rule: the public record plus the url as written (for serializing). */
typedef struct sc_css_font_face {
    sc_font_face_rule *face;
    const char *raw_url;
} sc_css_font_face;

struct sc_stylesheet {
    const char *name;
    sc_css_style_rule *rules;
    size_t nrules;
    sc_css_page_rule *pages;
    size_t npages;
    sc_font_face_rule *font_faces; /* linked in source order */
    sc_css_font_face *faces;       /* the same, with what serializing needs */
    size_t nfaces;
};

/* Property names already reported unknown in this sheet. */
typedef struct sc_css_seen_name {
    const char *name;
    struct sc_css_seen_name *next;
} sc_css_seen_name;

struct sc_css_parser {
    sc_arena *arena;
    sc_diag_list *diags;
    const char *name;
    sc_css_seen_name *unknown;  /* unknown properties already noted */
    /* When set (inline style="" declarations), every message is placed here instead of at the
     * token's position inside the attribute's text. */
    const char *at_file;
    int at_line, at_column;
};

/* Parse a declaration list (the inside of a style="" attribute) into typed declarations. */
void sc_css_parse_inline(sc_css_parser *p, const char *css, size_t len, sc_css_decl_vec *out);

/* A warning at a token's position. */
void sc_css_warn(sc_css_parser *p, const sc_css_token *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The user-agent sheet under every document: what HTML gives these elements by default. */
extern const char sc_css_ua_sheet[];

/* Page size from the `size` property's typed value, over a default of `w` x `h`. */
void sc_css_page_size(const sc_css_value *v, float *w, float *h);

#endif
