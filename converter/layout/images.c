/* images.c — figures: a picture alone in its paragraph, or an HTML figure, set as a block. The
 * picture is scaled to the measure and the page (never above its natural size: its own DPI, else
 * 96 per inch), centred, with a caption below it from the figcaption, else the title, else the alt
 * text. A picture that cannot be drawn (missing, remote, outside the document's folder, damaged,
 * or GIF/WebP/SVG) is a warning and a framed box holding its alt text. */
#include "blocks.h"

#include <stdio.h>
#include <string.h>

#include "../base/image.h"

/* What the PDF needs of a picture, or why there is none. */
typedef struct picture {
    const unsigned char *data;
    size_t len;
    const char *key;
    sc_image_info info;
} picture;

static int load_picture(sc_block_ctx *c, const sc_node *img, picture *pic, char *why, size_t ws)
{
    const char *url = img->url ? img->url : "";
    const sc_resource *res = *url ? sc_document_find_resource(c->doc, url) : NULL;
    if (res) {
        pic->data = res->data;
        pic->len = res->len;
        pic->key = res->name;
    } else {
        const char *path = sc_image_resolve(c->arena, c->doc->base_dir, url, why, ws);
        if (!path)
            return -1;
        pic->data = sc_image_read(c->arena, path, &pic->len, why, ws);
        if (!pic->data)
            return -1;
        pic->key = path;
    }
    if (sc_image_probe(pic->data, pic->len, &pic->info, why, ws) != 0)
        return -1;
    if (pic->info.interlaced) { /* libharu's PNG loader cannot read these */
        snprintf(why, ws, "an interlaced PNG cannot be embedded in the PDF; save it without "
                 "interlacing");
        return -1;
    }
    return 0;
}

/* The image node a paragraph holds alone (possibly inside a link), with nothing else but white
 * space; NULL otherwise. */
static const sc_node *lone_image(const sc_node *para)
{
    const sc_node *img = NULL;
    for (const sc_node *n = para->first_child; n; n = n->next) {
        const sc_node *k = n;
        if (k->type == SC_NODE_LINK && k->first_child && !k->first_child->next)
            k = k->first_child;
        if (k->type == SC_NODE_IMAGE && !img) {
            img = k;
            continue;
        }
        if (n->type == SC_NODE_SOFT_BREAK)
            continue;
        if (n->type == SC_NODE_TEXT) {
            for (size_t i = 0; i < n->text_len; i++)
                if (n->text[i] != ' ' && n->text[i] != '\t' && n->text[i] != '\n')
                    return NULL;
            continue;
        }
        return NULL;
    }
    return img && !(img->style && img->style->display_none) ? img : NULL;
}

/* Lines of a short text in `st` broken to width w (NULL text: the inline children of `from`). */
static const sc_line *text_lines(sc_block_ctx *c, const sc_node *owner, const char *text,
                                 const sc_node *from, const sc_style *st, sc_text_align align,
                                 float w, size_t *n)
{
    sc_para *p = sc_para_begin(c->shaper);
    if (text)
        sc_para_add_text(p, text, strlen(text), st, sc_block_lang(c, owner), NULL, NULL,
                         owner->line);
    else
        sc_inlines_add(c, p, from->first_child, NULL, st, sc_block_lang(c, owner));
    sc_break_params bp = {.width = w, .first_indent = 0, .align = align};
    sc_line *lines = NULL;
    *n = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    return lines;
}

/* The framed alt-text box that stands for a picture that cannot be drawn. */
static void alt_box(sc_block_ctx *c, const sc_node *img, const sc_style *st, float x, float w)
{
    const char *alt = sc_inlines_plain(c, img);
    if (!*alt)
        alt = img->url && *img->url ? img->url : "image";
    size_t len = strlen(alt);
    if (len > 600) { /* the box stays within a page: a long alt text is cut, at a character */
        len = 600;
        while (len > 0 && ((unsigned char)alt[len] & 0xC0) == 0x80)
            len--;
        alt = sc_arena_printf(c->arena, "%.*s…", (int)len, alt);
    }
    sc_style *ast = sc_block_style_copy(c, st);
    ast->text_indent = 0;
    ast->color = (sc_rgb){0.3f, 0.3f, 0.3f};
    float pad = 0.5f * st->font_size;
    size_t n = 0;
    const sc_line *lines = text_lines(c, img, alt, NULL, ast, SC_ALIGN_CENTER, w - 2 * pad, &n);
    sc_box *box = sc_arena_alloc(c->arena, sizeof *box);
    float y = pad;
    sc_vmetrics prev = {0}, m;
    for (size_t i = 0; i < n; i++) {
        sc_line_metrics(&lines[i], &m);
        y += i == 0 ? (m.above > m.ink_above ? m.above : m.ink_above)
                    : sc_flow_distance(&prev, 0, &m);
        sc_emit_line(c->arena, &box->items, &box->nitems, &box->cap, &lines[i], x + pad, y);
        prev = m;
    }
    if (n)
        y += prev.below > prev.ink_below ? prev.below : prev.ink_below;
    box->height = y + pad;
    if (box->height > c->area_h)
        box->height = c->area_h;
    /* the frame first, so the text is drawn over it */
    sc_item *frame = sc_items_push(c->arena, &box->items, &box->nitems, &box->cap);
    memmove(box->items + 1, box->items, (box->nitems - 1) * sizeof *box->items);
    frame = &box->items[0];
    memset(frame, 0, sizeof *frame);
    frame->kind = SC_ITEM_RECT;
    frame->u.rect.x = x;
    frame->u.rect.y = 0.25f;
    frame->u.rect.w = w;
    frame->u.rect.h = box->height - 0.5f;
    frame->u.rect.line_width = 0.5f;
    frame->u.rect.stroke = (sc_rgb){0.5f, 0.5f, 0.5f};
    frame->u.rect.stroked = 1;
    sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
    e->box = box;
}

/* The caption under a picture: a paragraph of lines that keep with the picture. */
static float caption_lines(sc_block_ctx *c, const sc_node *owner, const sc_node *figcaption,
                           const char *text, float w, const sc_line **out, size_t *n,
                           const sc_style **cst)
{
    const sc_style *st;
    if (figcaption) {
        st = sc_block_style(c, figcaption);
    } else {
        sc_style *s = sc_block_style_copy(c, sc_block_style(c, owner));
        s->text_indent = 0;
        s->font_italic = 1;
        s->font_size *= 0.9f;
        s->line_height *= 0.9f;
        st = s;
    }
    *cst = st;
    sc_text_align align = figcaption ? st->text_align : SC_ALIGN_CENTER;
    if (align == SC_ALIGN_JUSTIFY)
        align = SC_ALIGN_CENTER;
    *out = text_lines(c, owner, figcaption ? NULL : text, figcaption, st, align, w, n);
    float h = 0;
    for (size_t i = 0; i < *n; i++)
        h += (*out)[i].line_height;
    return *n ? h + 0.5f * st->font_size : 0;
}

/* A picture (and its caption) in the measure [x, x + w]. */
static void figure(sc_block_ctx *c, const sc_node *owner, const sc_node *img,
                   const sc_node *figcaption, float x, float w)
{
    const sc_style *st = sc_block_style(c, owner);
    char why[256];
    picture pic;
    memset(&pic, 0, sizeof pic);
    int ok = load_picture(c, img, &pic, why, sizeof why) == 0;
    if (!ok)
        sc_diag_add(c->diags, SC_WARNING, c->doc->source_name, img->line, img->column, -1,
                    "picture '%s' is not shown (%s); its alt text stands in",
                    img->url ? img->url : "", why);
    /* caption: the figcaption, else the title, else (for a drawn picture) the alt text */
    const char *text = NULL;
    if (!figcaption) {
        if (img->title && *img->title)
            text = img->title;
        else if (ok)
            text = sc_inlines_plain(c, img);
    }
    const sc_line *cap = NULL;
    size_t ncap = 0;
    const sc_style *cst = st;
    float cap_h = (figcaption || (text && *text))
                      ? caption_lines(c, owner, figcaption, text, w, &cap, &ncap, &cst)
                      : 0;
    if (!ok) {
        alt_box(c, img, st, x, w);
    } else {
        int turned = pic.info.orientation >= 5; /* EXIF 5..8: stored rotated by 90 degrees */
        float px_w = (float)(turned ? pic.info.height : pic.info.width);
        float px_h = (float)(turned ? pic.info.width : pic.info.height);
        float dpi_w = pic.info.dpi_x > 0 ? pic.info.dpi_x : 96;
        float dpi_h = pic.info.dpi_y > 0 ? pic.info.dpi_y : 96;
        if (turned) {
            float t = dpi_w;
            dpi_w = dpi_h;
            dpi_h = t;
        }
        float nat_w = px_w * 72 / dpi_w, nat_h = px_h * 72 / dpi_h;
        float max_h = c->area_h - cap_h - 2;
        if (max_h < c->area_h / 3)
            max_h = c->area_h / 3;
        float s = 1;
        if (nat_w * s > w)
            s = w / nat_w;
        if (nat_h * s > max_h)
            s = max_h / nat_h;
        sc_box *box = sc_arena_alloc(c->arena, sizeof *box);
        sc_item *it = sc_items_push(c->arena, &box->items, &box->nitems, &box->cap);
        it->kind = SC_ITEM_IMAGE;
        it->u.image.w = nat_w * s;
        it->u.image.h = nat_h * s;
        it->u.image.x = x + (w - it->u.image.w) / 2;
        it->u.image.y = 0;
        it->u.image.data = pic.data;
        it->u.image.len = pic.len;
        it->u.image.format = pic.info.kind == SC_IMG_PNG ? SC_IMAGE_PNG : SC_IMAGE_JPEG;
        it->u.image.orientation = pic.info.orientation;
        it->u.image.key = pic.key;
        box->height = it->u.image.h;
        const sc_node *link = img->parent && img->parent->type == SC_NODE_LINK ? img->parent : NULL;
        if (link && link->url && *link->url) { /* a linked picture stays clickable */
            const sc_item pic_item = *it;
            sc_item *ln = sc_items_push(c->arena, &box->items, &box->nitems, &box->cap);
            ln->kind = SC_ITEM_LINK;
            ln->u.link.x = pic_item.u.image.x;
            ln->u.link.y = 0;
            ln->u.link.w = pic_item.u.image.w;
            ln->u.link.h = pic_item.u.image.h;
            if (link->url[0] == '#')
                ln->u.link.dest = link->url + 1;
            else
                ln->u.link.uri = link->url;
        }
        sc_flow_elem *e = sc_block_push(c, SC_FLOW_BOX);
        e->box = box;
        e->keep_with_next = ncap > 0;
        /* The page builder may shrink it into the rest of a page, down to 60 % of this size
         * (smaller reads worse than a gap and the picture on the next page). */
        sc_fit_box *fit = sc_arena_alloc(c->arena, sizeof *fit);
        fit->box = box;
        fit->natural_height = box->height;
        fit->min_height = 0.6f * box->height;
        fit->trailing = ncap ? cap_h + 0.4f * cst->font_size : 0;
        fit->x = x;
        fit->w = w;
        e->fit = fit;
    }
    if (ncap) {
        sc_block_fixed(c, 0.4f * cst->font_size);
        size_t first = c->flow->count;
        sc_block_push_lines(c, cap, ncap, x, cst);
        if (c->flow->count > first) /* the picture keeps with at least two caption lines */
            c->flow->elems[first].keep_with_next = ncap > 1;
    }
}

int sc_figure_paragraph(sc_block_ctx *c, const sc_node *para, float x, float w)
{
    const sc_node *img = lone_image(para);
    if (!img)
        return 0;
    figure(c, para, img, NULL, x, w);
    return 1;
}

void sc_figure_flow(sc_block_ctx *c, const sc_node *fig, float x, float w)
{
    const sc_node *caption = NULL, *img = NULL, *img_block = NULL;
    for (const sc_node *n = fig->first_child; n; n = n->next) {
        if (n->type == SC_NODE_FIGCAPTION && !caption)
            caption = n;
        else if (!img && n->type == SC_NODE_IMAGE)
            img = img_block = n;
        else if (!img && n->type == SC_NODE_PARAGRAPH && lone_image(n))
            img = lone_image(img_block = n);
    }
    if (!img) { /* a figure without a picture: its blocks, the caption as a paragraph */
        for (const sc_node *n = fig->first_child; n; n = n->next) {
            if (n != caption) {
                if (sc_node_is_block(n))
                    sc_block_flow(c, n, x, w);
                continue;
            }
            const sc_style *st = sc_block_style(c, n);
            size_t nl = 0;
            const sc_line *lines = text_lines(c, n, NULL, n, st, st->text_align, w, &nl);
            sc_block_push_lines(c, lines, nl, x, st);
        }
        return;
    }
    for (const sc_node *n = fig->first_child; n; n = n->next) {
        if (n == img_block)
            figure(c, fig, img, caption, x, w);
        else if (n != caption && sc_node_is_block(n))
            sc_block_flow(c, n, x, w);
    }
}

void sc_fit_box_scale(const sc_fit_box *fit, float height)
{
    sc_box *box = fit->box;
    if (height > fit->natural_height || height <= 0)
        height = fit->natural_height;
    for (size_t i = 0; i < box->nitems; i++) {
        sc_item *it = &box->items[i];
        if (it->kind != SC_ITEM_IMAGE)
            continue;
        float ratio = it->u.image.h > 0 ? it->u.image.w / it->u.image.h : 1;
        it->u.image.h = height;
        it->u.image.w = height * ratio;
        it->u.image.x = fit->x + (fit->w - it->u.image.w) / 2;
        for (size_t j = 0; j < box->nitems; j++) /* a linked picture's link covers it */
            if (box->items[j].kind == SC_ITEM_LINK) {
                box->items[j].u.link.x = it->u.image.x;
                box->items[j].u.link.w = it->u.image.w;
                box->items[j].u.link.h = height;
            }
    }
    box->height = height;
}
