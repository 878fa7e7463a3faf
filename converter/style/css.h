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
    SC_VAL_PAIR     /* num + unit, num2 + unit2 (page size) */
} sc_css_value_kind;

typedef struct sc_css_value {
    sc_css_value_kind kind;
    int keyword;
    float num, num2;
    sc_css_unit unit, unit2;
    sc_rgb color;
    const char *str;
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

typedef enum { SC_DECL_STYLE, SC_DECL_PAGE } sc_css_decl_context;

/* Where declarations are collected while a block is parsed. */
typedef struct sc_css_decl_vec {
    sc_css_decl *items;
    size_t count, cap;
} sc_css_decl_vec;

typedef struct sc_css_parser sc_css_parser; /* parse context (arena, diagnostics, name) */

/* Parse one declaration's value (whitespace-trimmed component values, without "!important")
 * for property `name` and append the typed longhand declarations to `out`. Unknown properties
 * and invalid values become warnings at the declaration's position. */
void sc_css_declaration(sc_css_parser *p, const sc_css_token *name, const sc_css_cv *value,
                        size_t count, int important, sc_css_decl_context context,
                        sc_css_decl_vec *out);

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

typedef enum { SC_SIMPLE_CLASS, SC_SIMPLE_ID, SC_SIMPLE_ROOT } sc_css_simple_kind;

typedef struct sc_css_simple {
    sc_css_simple_kind kind;
    const char *name;
} sc_css_simple;

typedef enum { SC_COMB_NONE, SC_COMB_DESCENDANT, SC_COMB_CHILD } sc_css_combinator;

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
} sc_css_style_rule;

/* SC_PAGE_FIRST, SC_PAGE_LEFT, SC_PAGE_RIGHT, SC_PAGE_BLANK: see style.h */

typedef struct sc_css_page_rule {
    unsigned pseudo;          /* SC_PAGE_* bits; 0 for a plain @page */
    sc_css_decl *decls;
    size_t ndecls;
    int line, column;
} sc_css_page_rule;

struct sc_stylesheet {
    const char *name;
    sc_css_style_rule *rules;
    size_t nrules;
    sc_css_page_rule *pages;
    size_t npages;
};

struct sc_css_parser {
    sc_arena *arena;
    sc_diag_list *diags;
    const char *name;
};

/* A warning at a token's position. */
void sc_css_warn(sc_css_parser *p, const sc_css_token *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The user-agent sheet under every document: what HTML gives these elements by default. */
extern const char sc_css_ua_sheet[];

/* Page size from the `size` property's typed value, over a default of `w` x `h`. */
void sc_css_page_size(const sc_css_value *v, float *w, float *h);

#endif
