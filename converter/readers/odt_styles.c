/* odt_styles.c — an ODT's styles: paragraph styles (headings from style:default-outline-level,
 * the roles pandoc's and LibreOffice's named styles give: title, preformatted text, quotations,
 * definition terms ...), text styles (bold, italic, underline, strike-through, position, font),
 * list styles (bullet or number per level, start values) and font-face declarations, from
 * content.xml's automatic styles and styles.xml, along parent-style chains. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odt.h"

/* Grow an array in the document arena (the old copy stays there: at most as much again); `r` is
 * the reader in scope. */
#define GROW(arr, count, cap)                                                              \
    do {                                                                                   \
        if ((count) == (cap)) {                                                            \
            size_t ncap_ = (cap) ? (cap) * 2 : 32;                                         \
            void *grown_ = sc_arena_calloc(r->doc->arena, ncap_, sizeof *(arr));           \
            if ((count))                                                                   \
                memcpy(grown_, (arr), (count) * sizeof *(arr));                            \
            (arr) = grown_;                                                                \
            (cap) = ncap_;                                                                 \
        }                                                                                  \
    } while (0)

static const char *dup(odt_reader *r, const char *s)
{
    return s ? sc_arena_strdup(r->doc->arena, s) : NULL;
}

static void text_props(odt_reader *r, const xmlNode *tp, odt_style *s)
{
    const char *v;
    if ((v = sc_xml_attr(tp, "font-weight", NULL)))
        *(strcmp(v, "normal") == 0 || (atoi(v) > 0 && atoi(v) < 600) ? &s->fmt_off : &s->fmt_on) |=
            OX_BOLD;
    if ((v = sc_xml_attr(tp, "font-style", NULL)))
        *(strcmp(v, "normal") == 0 ? &s->fmt_off : &s->fmt_on) |= OX_ITALIC;
    if ((v = sc_xml_attr(tp, "text-underline-style", NULL)))
        *(strcmp(v, "none") == 0 ? &s->fmt_off : &s->fmt_on) |= OX_UNDERLINE;
    if ((v = sc_xml_attr(tp, "text-line-through-style", NULL)))
        *(strcmp(v, "none") == 0 ? &s->fmt_off : &s->fmt_on) |= OX_STRIKE;
    if ((v = sc_xml_attr(tp, "text-position", NULL))) {
        if (strncmp(v, "super", 5) == 0 || (v[0] >= '1' && v[0] <= '9'))
            s->fmt_on |= OX_SUP;
        else if (strncmp(v, "sub", 3) == 0 || v[0] == '-')
            s->fmt_on |= OX_SUB;
        else
            s->fmt_off |= OX_SUB | OX_SUP;
    }
    const char *lang = sc_xml_attr(tp, "language", NULL);
    if (lang && *lang && strcmp(lang, "none") != 0 && strcmp(lang, "zxx") != 0) {
        const char *country = sc_xml_attr(tp, "country", NULL);
        s->lang = country && *country && strcmp(country, "none") != 0
                      ? sc_arena_printf(r->doc->arena, "%s-%s", lang, country) : dup(r, lang);
    }
    const char *font = sc_xml_attr(tp, "font-name", NULL);
    if (!font)
        font = sc_xml_attr(tp, "font-family", NULL);
    if (font) {
        for (size_t i = 0; i < r->nfonts; i++)
            if (strcmp(r->fonts[i].name, font) == 0)
                font = r->fonts[i].family;
        s->font = dup(r, font);
    }
}

/* Roles from well-known style names (the name is style:name with "_20_" for spaces). */
static odt_role role_of(const char *name, int *code_text)
{
    static const struct {
        const char *name;
        odt_role role;
    } roles[] = {{"Title", ODT_TITLE},
                 {"Subtitle", ODT_SUBTITLE},
                 {"Author", ODT_AUTHOR},
                 {"Date", ODT_DATE},
                 {"Preformatted_20_Text", ODT_CODE},
                 {"Source_20_Code", ODT_CODE},
                 {"Quotations", ODT_QUOTE},
                 {"Quote", ODT_QUOTE},
                 {"Definition_20_Term", ODT_TERM},
                 {"Definition_20_Term_20_Tight", ODT_TERM},
                 {"Definition_20_Definition", ODT_DEFINITION},
                 {"Definition_20_Definition_20_Tight", ODT_DEFINITION},
                 {"FigureCaption", ODT_CAPTION},
                 {"Figure", ODT_CAPTION},
                 {"Illustration", ODT_CAPTION},
                 {"Caption", ODT_CAPTION}};
    *code_text = strcmp(name, "Source_Text") == 0 || strcmp(name, "Source_20_Text") == 0 ||
                 strcmp(name, "Teletype") == 0;
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (strcmp(name, roles[i].name) == 0)
            return roles[i].role;
    return ODT_PLAIN;
}

static void read_style(odt_reader *r, const xmlNode *el)
{
    const char *name = sc_xml_attr(el, "name", NULL), *family = sc_xml_attr(el, "family", NULL);
    if (!name || !family || r->nstyles >= SC_ZIP_MAX_ENTRIES)
        return;
    GROW(r->styles, r->nstyles, r->styles_cap);
    odt_style *s = &r->styles[r->nstyles];
    memset(s, 0, sizeof *s);
    s->seq = r->nstyles++;
    s->name = dup(r, name);
    s->parent = dup(r, sc_xml_attr(el, "parent-style-name", NULL));
    s->family = strcmp(family, "paragraph") == 0 ? 'p' : strcmp(family, "text") == 0 ? 't' : 'o';
    const char *ol = sc_xml_attr(el, "default-outline-level", NULL);
    s->outline = ol ? atoi(ol) : 0;
    s->role = role_of(name, &s->code_text);
    text_props(r, sc_xml_child(el, "text-properties"), s);
    const char *al = sc_xml_attr(sc_xml_child(el, "paragraph-properties"), "text-align", NULL);
    if (al)
        s->align = strcmp(al, "center") == 0                             ? SC_CELL_ALIGN_CENTER
                 : strcmp(al, "end") == 0 || strcmp(al, "right") == 0    ? SC_CELL_ALIGN_RIGHT
                 : strcmp(al, "start") == 0 || strcmp(al, "left") == 0 ? SC_CELL_ALIGN_LEFT
                                                                         : SC_CELL_ALIGN_NONE;
}

static void read_list_style(odt_reader *r, const xmlNode *el)
{
    const char *name = sc_xml_attr(el, "name", NULL);
    if (!name || r->nlists >= SC_ZIP_MAX_ENTRIES)
        return;
    GROW(r->lists, r->nlists, r->lists_cap);
    odt_list_style *l = &r->lists[r->nlists];
    memset(l, 0, sizeof *l);
    l->seq = r->nlists++;
    l->name = dup(r, name);
    for (int i = 0; i < 10; i++)
        l->start[i] = 1;
    for (const xmlNode *n = el->children; n; n = n->next) {
        const char *lv = sc_xml_attr(n, "level", NULL);
        int level = lv ? atoi(lv) - 1 : -1;
        if (level < 0 || level > 9)
            continue;
        const char *fmt = sc_xml_attr(n, "num-format", NULL);
        l->ordered[level] = sc_xml_is(n, "list-level-style-number") && fmt && *fmt;
        l->list_style[level] = l->ordered[level] ? ox_list_style_type(fmt) : NULL;
        const char *sv = sc_xml_attr(n, "start-value", NULL);
        if (sv)
            l->start[level] = atoi(sv);
    }
}

static void read_group(odt_reader *r, const xmlNode *group)
{
    for (const xmlNode *n = group ? group->children : NULL; n; n = n->next) {
        if (sc_xml_is(n, "style"))
            read_style(r, n);
        else if (sc_xml_is(n, "list-style"))
            read_list_style(r, n);
        else if (sc_xml_is(n, "default-style") && sc_xml_attr(n, "family", NULL) &&
                 strcmp(sc_xml_attr(n, "family", NULL), "paragraph") == 0) {
            const xmlNode *tp = sc_xml_child(n, "text-properties");
            const char *lang = tp ? sc_xml_attr(tp, "language", NULL) : NULL;
            if (lang && *lang && strcmp(lang, "none") != 0 && !r->doc->meta.lang)
                r->doc->meta.lang = dup(r, lang);
            odt_style props = {.name = NULL};
            text_props(r, tp, &props);
            if (props.font)
                r->default_font = props.font;
        }
    }
}

void odt_read_styles(odt_reader *r, const xmlNode *root)
{
    const xmlNode *faces = sc_xml_child(root, "font-face-decls");
    for (const xmlNode *n = faces ? faces->children : NULL; n; n = n->next) {
        const char *name = sc_xml_attr(n, "name", NULL), *fam = sc_xml_attr(n, "font-family", NULL);
        if (!sc_xml_is(n, "font-face") || !name || !fam || r->nfonts >= 1000)
            continue;
        GROW(r->fonts, r->nfonts, r->fonts_cap);
        r->fonts[r->nfonts].name = dup(r, name);
        r->fonts[r->nfonts++].family = dup(r, fam);
    }
    read_group(r, sc_xml_child(root, "styles"));
    read_group(r, sc_xml_child(root, "automatic-styles"));
}

/* Styles and list styles are sorted by (family,) name and reading order once every part is
 * read, and looked up by binary search: a hostile document may hold many thousands. */
static int style_order(const void *a, const void *b)
{
    const odt_style *x = a, *y = b;
    int c = x->family - y->family;
    if (!c)
        c = strcmp(x->name, y->name);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

typedef struct style_key {
    const char *name;
    char family;
} style_key;

static int style_key_cmp(const void *key, const void *elem)
{
    const style_key *k = key;
    const odt_style *s = elem;
    int c = k->family - s->family;
    return c ? c : strcmp(k->name, s->name);
}

static int list_order(const void *a, const void *b)
{
    const odt_list_style *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static int list_key_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const odt_list_style *)elem)->name);
}

static odt_style *find(odt_reader *r, const char *name, char family)
{
    if (!name || !r->nstyles)
        return NULL;
    style_key key = {name, family};
    odt_style *s = bsearch(&key, r->styles, r->nstyles, sizeof *r->styles, style_key_cmp);
    /* the last one read wins: content.xml's automatic styles are read last */
    while (s && s + 1 < r->styles + r->nstyles && style_key_cmp(&key, s + 1) == 0)
        s++;
    return s;
}

static void resolve(odt_reader *r, odt_style *s, int depth)
{
    if (s->resolved || depth > 20)
        return;
    s->resolved = 1;
    odt_style *p = find(r, s->parent, s->family);
    if (!p || p == s)
        return;
    resolve(r, p, depth + 1);
    if (!s->outline)
        s->outline = p->outline;
    if (s->role == ODT_PLAIN)
        s->role = p->role;
    s->code_text |= p->code_text;
    s->fmt_on = (p->fmt_on & ~s->fmt_off) | s->fmt_on;
    s->fmt_off = (p->fmt_off & ~s->fmt_on) | s->fmt_off;
    if (!s->font)
        s->font = p->font;
    if (!s->align)
        s->align = p->align;
    if (!s->lang)
        s->lang = p->lang;
}

void odt_resolve_styles(odt_reader *r)
{
    if (r->nstyles)
        qsort(r->styles, r->nstyles, sizeof *r->styles, style_order);
    if (r->nlists)
        qsort(r->lists, r->nlists, sizeof *r->lists, list_order);
    for (size_t i = 0; i < r->nstyles; i++)
        resolve(r, &r->styles[i], 0);
}

const odt_style *odt_style_by_name(const odt_reader *r, const char *name, char family)
{
    return find((odt_reader *)r, name, family);
}

const odt_list_style *odt_list_style_by_name(const odt_reader *r, const char *name)
{
    if (!name || !r->nlists)
        return NULL;
    const odt_list_style *l = bsearch(name, r->lists, r->nlists, sizeof *r->lists, list_key_cmp);
    while (l && l + 1 < r->lists + r->nlists && strcmp(l[1].name, name) == 0)
        l++; /* the last one read wins */
    return l;
}
