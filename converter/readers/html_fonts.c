/* html_fonts.c — Vietnamese pages from before Unicode set their text in legacy fonts
 * (<font face=".VnTime">, style="font-family: VNI-Times"), whose characters are really TCVN3, VNI
 * or VPS bytes. Text inside such an element is converted to Unicode (legacy.h), and the legacy
 * family is taken out of the inline style, so the text is set in the document's normal font.
 * opts->keep_legacy_fonts turns this off. */
#include <string.h>
#include <strings.h>

#include "html_build.h"

/* The first family of a font-family list ("'.VnTime', serif" -> ".VnTime"), arena-owned. */
static const char *first_family(sc_document *doc, const char *list, size_t len)
{
    size_t a = 0, b;
    while (a < len && (list[a] == ' ' || list[a] == '\t' || list[a] == '"' || list[a] == '\''))
        a++;
    b = a;
    while (b < len && list[b] != ',' && list[b] != '"' && list[b] != '\'' && list[b] != ';')
        b++;
    while (b > a && (list[b - 1] == ' ' || list[b - 1] == '\t'))
        b--;
    return b > a ? sc_arena_strndup(doc->arena, list + a, b - a) : NULL;
}

/* Where the style's font-family declaration is: [*start, *end) spans it (with its ';'), its value
 * starts at *value. 0 when there is none. */
static int find_font_family(const char *style, size_t *start, size_t *value, size_t *end)
{
    for (const char *p = style; p && *p; p++) {
        if (strncasecmp(p, "font-family", 11) != 0 || (p > style && p[-1] != ';' && p[-1] != ' ' &&
                                                       p[-1] != '\t' && p[-1] != '\n'))
            continue;
        const char *q = p + 11;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q != ':')
            continue;
        q++;
        const char *semi = strchr(q, ';');
        *start = (size_t)(p - style);
        *value = (size_t)(q - style);
        *end = semi ? (size_t)(semi + 1 - style) : strlen(style);
        return 1;
    }
    return 0;
}

hb_font_state hb_font_enter(sc_html_builder *b, const xmlNode *el)
{
    hb_font_state saved = {b->font, b->font_active};
    const char *face = sc_html_attr(b->doc, el, "face");
    const char *family = face ? first_family(b->doc, face, strlen(face)) : NULL;
    const char *style = sc_html_attr(b->doc, el, "style");
    size_t start, value, end;
    if (style && find_font_family(style, &start, &value, &end))
        family = first_family(b->doc, style + value, end - value);
    if (family) {
        sc_legacy_font f;
        b->font_active = sc_legacy_font_lookup(b->opts, family, &f);
        if (b->font_active)
            b->font = f;
    }
    return saved;
}

void hb_font_leave(sc_html_builder *b, hb_font_state saved)
{
    b->font = saved.font;
    b->font_active = saved.active;
}

const char *hb_font_text(sc_html_builder *b, const char *s, size_t len, size_t *out_len)
{
    if (!b->font_active) {
        *out_len = len;
        return s;
    }
    return sc_legacy_font_decode(b->doc, &b->font, s, len, out_len);
}

/* A node's inline style without a legacy font-family (the text is converted; the document's
 * font sets it). */
const char *hb_style_without_legacy_font(sc_html_builder *b, const char *style)
{
    size_t start, value, end;
    if (!style || !find_font_family(style, &start, &value, &end))
        return style;
    sc_legacy_font f;
    const char *family = first_family(b->doc, style + value, end - value);
    if (!family || !sc_legacy_font_lookup(b->opts, family, &f))
        return style;
    const char *rest = sc_arena_printf(b->doc->arena, "%.*s%s", (int)start, style, style + end);
    while (*rest == ' ' || *rest == ';')
        rest++;
    return *rest ? rest : NULL;
}
