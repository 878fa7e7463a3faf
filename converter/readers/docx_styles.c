/* docx_styles.c — a DOCX's relationships, styles (headings from style ids "Heading1", names
 * "heading 1", the Title style and outline levels, run formatting, fonts, all along basedOn
 * chains) and numbering definitions (bulleted or numbered per level, start values). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docx.h"

void docx_read_rels(docx_reader *r, const char *part, docx_rels *out)
{
    memset(out, 0, sizeof *out);
    out->part = part;
    const char *slash = strrchr(part, '/');
    const char *name = sc_arena_printf(r->doc->arena, "%.*s_rels/%s.rels",
                                       slash ? (int)(slash - part + 1) : 0, part,
                                       slash ? slash + 1 : part);
    xmlDocPtr xml = sc_zip_has(r->zip, name) ? sc_zip_xml(r->zip, name, 0) : NULL;
    if (!xml)
        return;
    const xmlNode *root = xmlDocGetRootElement(xml);
    size_t count = 0;
    for (const xmlNode *n = root->children; n; n = n->next)
        count += sc_xml_is(n, "Relationship");
    if (count > SC_ZIP_MAX_ENTRIES)
        count = SC_ZIP_MAX_ENTRIES;
    out->items = sc_arena_calloc(r->doc->arena, count ? count : 1, sizeof *out->items);
    for (const xmlNode *n = root->children; n && out->count < count; n = n->next) {
        if (!sc_xml_is(n, "Relationship"))
            continue;
        const char *id = sc_xml_attr(n, "Id", NULL), *type = sc_xml_attr(n, "Type", NULL);
        const char *target = sc_xml_attr(n, "Target", NULL);
        const char *mode = sc_xml_attr(n, "TargetMode", NULL);
        if (!id || !target)
            continue;
        docx_rel *rel = &out->items[out->count++];
        rel->id = sc_arena_strdup(r->doc->arena, id);
        rel->type = sc_arena_strdup(r->doc->arena, type ? type : "");
        rel->external = mode && strcasecmp(mode, "External") == 0;
        rel->target = rel->external ? sc_arena_strdup(r->doc->arena, target)
                                    : sc_zip_resolve(r->doc->arena, part, target);
        if (!rel->target)
            out->count--; /* a part outside the package */
    }
    xmlFreeDoc(xml);
}

const docx_rel *docx_rel_by_id(const docx_rels *rels, const char *id)
{
    for (size_t i = 0; rels && id && i < rels->count; i++)
        if (strcmp(rels->items[i].id, id) == 0)
            return &rels->items[i];
    return NULL;
}

/* A toggle property is on unless its w:val says 0/false/off (or none for w:u). */
static int toggle_on(const xmlNode *el)
{
    const char *v = sc_xml_attr(el, "val", NULL);
    return !v || !(strcmp(v, "0") == 0 || strcasecmp(v, "false") == 0 ||
                   strcasecmp(v, "off") == 0 || strcasecmp(v, "none") == 0);
}

/* Flags set (*on) and cleared (*off) by an rPr. */
static void rpr_flags(const xmlNode *rpr, unsigned *on, unsigned *off)
{
    *on = *off = 0;
    for (const xmlNode *n = rpr ? rpr->children : NULL; n; n = n->next) {
        const char *name = sc_xml_name(n);
        unsigned flag = 0;
        if (!name)
            continue;
        if (strcmp(name, "b") == 0)
            flag = OX_BOLD;
        else if (strcmp(name, "i") == 0)
            flag = OX_ITALIC;
        else if (strcmp(name, "u") == 0)
            flag = OX_UNDERLINE;
        else if (strcmp(name, "strike") == 0 || strcmp(name, "dstrike") == 0)
            flag = OX_STRIKE;
        else if (strcmp(name, "vertAlign") == 0) {
            const char *v = sc_xml_attr(n, "val", NULL);
            *on &= ~(unsigned)(OX_SUB | OX_SUP);
            *off &= ~(unsigned)(OX_SUB | OX_SUP);
            if (v && strcmp(v, "superscript") == 0)
                *on |= OX_SUP;
            else if (v && strcmp(v, "subscript") == 0)
                *on |= OX_SUB;
            else
                *off |= OX_SUB | OX_SUP;
            continue;
        }
        if (!flag)
            continue;
        /* the last setting of a property wins */
        if (toggle_on(n)) {
            *on |= flag;
            *off &= ~flag;
        } else {
            *off |= flag;
            *on &= ~flag;
        }
    }
}

unsigned docx_rpr_fmt(const xmlNode *rpr, unsigned fmt)
{
    unsigned on, off;
    rpr_flags(rpr, &on, &off);
    return (fmt & ~off) | on;
}

const char *docx_rpr_font(const xmlNode *rpr)
{
    const xmlNode *f = sc_xml_child(rpr, "rFonts");
    if (!f)
        return NULL;
    const char *name = sc_xml_attr(f, "ascii", NULL);
    return name ? name : sc_xml_attr(f, "hAnsi", NULL);
}

/* "Heading1", "heading 1", "Heading 1" -> 1 */
static int heading_level(const char *s)
{
    if (!s || strncasecmp(s, "heading", 7) != 0)
        return 0;
    s += 7;
    if (*s == ' ')
        s++;
    if (!isdigit((unsigned char)s[0]) || s[1])
        return 0;
    int level = s[0] - '0';
    return level >= 1 ? (level > 6 ? 6 : level) : 0;
}

static void read_style(docx_reader *r, const xmlNode *el, docx_style *s)
{
    sc_arena *a = r->doc->arena;
    const char *id = sc_xml_attr(el, "styleId", NULL), *type = sc_xml_attr(el, "type", NULL);
    const xmlNode *name = sc_xml_child(el, "name"), *based = sc_xml_child(el, "basedOn");
    const xmlNode *ppr = sc_xml_child(el, "pPr"), *rpr = sc_xml_child(el, "rPr");
    s->id = sc_arena_strdup(a, id ? id : "");
    s->name = name && sc_xml_attr(name, "val", NULL)
                  ? sc_arena_strdup(a, sc_xml_attr(name, "val", NULL)) : "";
    s->based_on = based && sc_xml_attr(based, "val", NULL)
                      ? sc_arena_strdup(a, sc_xml_attr(based, "val", NULL)) : NULL;
    s->type = type ? type[0] : 'p';
    s->heading = heading_level(s->id);
    if (!s->heading)
        s->heading = heading_level(s->name);
    s->title = strcasecmp(s->id, "Title") == 0 || strcasecmp(s->name, "Title") == 0;
    const xmlNode *ol = sc_xml_child(ppr, "outlineLvl");
    const char *olv = ol ? sc_xml_attr(ol, "val", NULL) : NULL;
    if (olv && atoi(olv) >= 0 && atoi(olv) < 9)
        s->outline = atoi(olv) + 1;
    rpr_flags(rpr, &s->fmt_on, &s->fmt_off);
    const char *font = docx_rpr_font(rpr);
    s->font = font ? sc_arena_strdup(a, font) : NULL;
    const xmlNode *numpr = sc_xml_child(ppr, "numPr");
    if (numpr) {
        const xmlNode *nid = sc_xml_child(numpr, "numId"), *ilvl = sc_xml_child(numpr, "ilvl");
        const char *v = nid ? sc_xml_attr(nid, "val", NULL) : NULL;
        s->num_id = v ? sc_arena_strdup(a, v) : NULL;
        s->num_level = ilvl && sc_xml_attr(ilvl, "val", NULL) ? atoi(sc_xml_attr(ilvl, "val", NULL)) : 0;
    }
}

/* Styles and numbering instances are sorted by id once read, and looked up by binary search:
 * a hostile document may hold many thousands of either. */
static int style_order(const void *a, const void *b)
{
    return strcmp(((const docx_style *)a)->id, ((const docx_style *)b)->id);
}

static int style_key(const void *key, const void *elem)
{
    return strcmp(key, ((const docx_style *)elem)->id);
}

typedef struct abstract_ref {
    const char *id;
    const xmlNode *node;
} abstract_ref;

static int abstract_order(const void *a, const void *b)
{
    return strcmp(((const abstract_ref *)a)->id, ((const abstract_ref *)b)->id);
}

static int abstract_key(const void *key, const void *elem)
{
    return strcmp(key, ((const abstract_ref *)elem)->id);
}

static int num_order(const void *a, const void *b)
{
    return strcmp(((const docx_num *)a)->num_id, ((const docx_num *)b)->num_id);
}

static int num_key(const void *key, const void *elem)
{
    return strcmp(key, ((const docx_num *)elem)->num_id);
}

/* Inherit along basedOn (cycles and over-long chains are cut). */
static void resolve(docx_reader *r, docx_style *s, int depth)
{
    if (s->resolved || depth > 20)
        return;
    s->resolved = 1;
    docx_style *base = (docx_style *)docx_style_by_id(r, s->based_on);
    if (!base || base == s)
        return;
    resolve(r, base, depth + 1);
    if (!s->heading && !s->outline && !s->title) {
        s->heading = base->heading;
        s->outline = base->outline;
    }
    s->fmt_on = ((base->fmt_on & ~s->fmt_off) | s->fmt_on);
    s->fmt_off = (base->fmt_off & ~s->fmt_on) | s->fmt_off;
    if (!s->font)
        s->font = base->font;
    if (!s->num_id) {
        s->num_id = base->num_id;
        s->num_level = base->num_level;
    }
}

void docx_read_styles(docx_reader *r, const char *part)
{
    xmlDocPtr xml = sc_zip_has(r->zip, part) ? sc_zip_xml(r->zip, part, 0) : NULL;
    if (!xml)
        return;
    const xmlNode *root = xmlDocGetRootElement(xml);
    size_t count = 0;
    for (const xmlNode *n = root->children; n; n = n->next)
        count += sc_xml_is(n, "style");
    if (count > SC_ZIP_MAX_ENTRIES)
        count = SC_ZIP_MAX_ENTRIES;
    r->styles = sc_arena_calloc(r->doc->arena, count ? count : 1, sizeof *r->styles);
    for (const xmlNode *n = root->children; n && r->nstyles < count; n = n->next)
        if (sc_xml_is(n, "style"))
            read_style(r, n, &r->styles[r->nstyles++]);
    qsort(r->styles, r->nstyles, sizeof *r->styles, style_order);
    for (size_t i = 0; i < r->nstyles; i++)
        resolve(r, &r->styles[i], 0);
    /* document defaults: the language and the font of unstyled runs */
    const xmlNode *defaults = sc_xml_child(root, "docDefaults");
    const xmlNode *rpr = sc_xml_child(sc_xml_child(defaults, "rPrDefault"), "rPr");
    const char *font = docx_rpr_font(rpr);
    if (font)
        r->default_font = sc_arena_strdup(r->doc->arena, font);
    const xmlNode *lang = sc_xml_child(rpr, "lang");
    const char *lv = lang ? sc_xml_attr(lang, "val", NULL) : NULL;
    if (lv && *lv && !r->doc->meta.lang)
        r->doc->meta.lang = sc_arena_strdup(r->doc->arena, lv);
    xmlFreeDoc(xml);
}

const docx_style *docx_style_by_id(docx_reader *r, const char *id)
{
    if (!id || !r->nstyles)
        return NULL;
    const docx_style *s = bsearch(id, r->styles, r->nstyles, sizeof *r->styles, style_key);
    while (s && s > r->styles && strcmp(s[-1].id, id) == 0)
        s--; /* the first of duplicates */
    return s;
}

static void read_abstract(const xmlNode *abs, docx_num *num)
{
    for (int i = 0; i < 9; i++) {
        num->ordered[i] = 0;
        num->start[i] = 1;
    }
    for (const xmlNode *lvl = abs ? abs->children : NULL; lvl; lvl = lvl->next) {
        if (!sc_xml_is(lvl, "lvl"))
            continue;
        const char *il = sc_xml_attr(lvl, "ilvl", NULL);
        int i = il ? atoi(il) : -1;
        if (i < 0 || i > 8)
            continue;
        const xmlNode *fmt = sc_xml_child(lvl, "numFmt"), *start = sc_xml_child(lvl, "start");
        const char *fv = fmt ? sc_xml_attr(fmt, "val", NULL) : NULL;
        num->ordered[i] = fv && strcmp(fv, "bullet") != 0 && strcmp(fv, "none") != 0;
        num->list_style[i] = ox_list_style_type(fv);
        const char *sv = start ? sc_xml_attr(start, "val", NULL) : NULL;
        if (sv)
            num->start[i] = atoi(sv);
    }
}

void docx_read_numbering(docx_reader *r, const char *part)
{
    xmlDocPtr xml = sc_zip_has(r->zip, part) ? sc_zip_xml(r->zip, part, 0) : NULL;
    if (!xml)
        return;
    const xmlNode *root = xmlDocGetRootElement(xml);
    size_t count = 0, nabs = 0;
    for (const xmlNode *n = root->children; n; n = n->next) {
        count += sc_xml_is(n, "num");
        nabs += sc_xml_is(n, "abstractNum") && sc_xml_attr(n, "abstractNumId", NULL);
    }
    if (count > SC_ZIP_MAX_ENTRIES)
        count = SC_ZIP_MAX_ENTRIES;
    if (nabs > SC_ZIP_MAX_ENTRIES)
        nabs = SC_ZIP_MAX_ENTRIES;
    abstract_ref *abstracts = calloc(nabs ? nabs : 1, sizeof *abstracts);
    size_t k = 0;
    for (const xmlNode *n = root->children; n && abstracts && k < nabs; n = n->next)
        if (sc_xml_is(n, "abstractNum") && sc_xml_attr(n, "abstractNumId", NULL))
            abstracts[k++] = (abstract_ref){sc_xml_attr(n, "abstractNumId", NULL), n};
    if (abstracts)
        qsort(abstracts, k, sizeof *abstracts, abstract_order);
    r->nums = sc_arena_calloc(r->doc->arena, count ? count : 1, sizeof *r->nums);
    for (const xmlNode *n = root->children; n && r->nnums < count; n = n->next) {
        if (!sc_xml_is(n, "num"))
            continue;
        const char *id = sc_xml_attr(n, "numId", NULL);
        const xmlNode *an = sc_xml_child(n, "abstractNumId");
        const char *aid = an ? sc_xml_attr(an, "val", NULL) : NULL;
        if (!id)
            continue;
        const abstract_ref *abs_ref =
            aid && abstracts && k ? bsearch(aid, abstracts, k, sizeof *abstracts, abstract_key) : NULL;
        const xmlNode *abs = abs_ref ? abs_ref->node : NULL;
        docx_num *num = &r->nums[r->nnums++];
        num->num_id = sc_arena_strdup(r->doc->arena, id);
        read_abstract(abs, num);
        /* per-instance start overrides */
        for (const xmlNode *o = n->children; o; o = o->next) {
            const char *il = sc_xml_is(o, "lvlOverride") ? sc_xml_attr(o, "ilvl", NULL) : NULL;
            const xmlNode *so = sc_xml_child(o, "startOverride");
            const char *sv = so ? sc_xml_attr(so, "val", NULL) : NULL;
            if (il && sv && atoi(il) >= 0 && atoi(il) < 9)
                num->start[atoi(il)] = atoi(sv);
        }
    }
    free(abstracts);
    xmlFreeDoc(xml);
    qsort(r->nums, r->nnums, sizeof *r->nums, num_order);
}

docx_num *docx_num_by_id(docx_reader *r, const char *num_id)
{
    if (!num_id || !r->nnums)
        return NULL;
    return bsearch(num_id, r->nums, r->nnums, sizeof *r->nums, num_key);
}
