/* epub_images.c — the pictures a book carries: every IMAGE whose url names a document resource or
 * a PNG/JPEG file inside the document's folder (the same rules as the PDF: never remote, never
 * outside base_dir) is packaged once as EPUB/images/imgNNN.png|jpg, numbered in document order.
 * Pictures that cannot be packaged keep their alt text in the XHTML, with a warning. */
#include <string.h>

#include "../../base/image.h"
#include "epub_internal.h"

static ep_image *find_key(ep_book *b, const char *key)
{
    for (int i = 0; i < b->nimages; i++)
        if (strcmp(b->images[i].key, key) == 0)
            return &b->images[i];
    return NULL;
}

static ep_image *add_image(ep_book *b, const char *key, const unsigned char *data, size_t len,
                           sc_img_kind kind)
{
    if (b->nimages == b->images_cap) {
        int cap = b->images_cap ? b->images_cap * 2 : 8;
        b->images = sc_arena_realloc(b->arena, b->images, (size_t)b->images_cap * sizeof *b->images,
                                     (size_t)cap * sizeof *b->images);
        b->images_cap = cap;
    }
    ep_image *im = &b->images[b->nimages++];
    memset(im, 0, sizeof *im);
    im->key = key;
    im->data = data;
    im->len = len;
    im->mime = sc_image_mime(kind);
    im->href = sc_arena_printf(b->arena, "images/img%03d.%s", b->nimages,
                               kind == SC_IMG_PNG ? "png" : "jpg");
    im->id = sc_arena_printf(b->arena, "img%03d", b->nimages);
    return im;
}

static void collect_one(ep_book *b, const sc_node *n)
{
    const sc_document *doc = b->doc;
    char why[256];
    const char *url = n->url ? n->url : "";
    const sc_resource *res = *url ? sc_document_find_resource(doc, url) : NULL;
    const char *key;
    const unsigned char *data;
    size_t len = 0;
    if (res) {
        key = res->name;
        data = res->data;
        len = res->len;
    } else {
        key = sc_image_resolve(b->arena, doc->base_dir, url, why, sizeof why);
        data = NULL;
    }
    ep_image *im = key ? find_key(b, key) : NULL;
    if (!im && key) {
        if (!res)
            data = sc_image_read(b->arena, key, &len, why, sizeof why);
        sc_image_info info;
        if (data && sc_image_probe(data, len, &info, why, sizeof why) == 0)
            im = add_image(b, key, data, len, info.kind);
    }
    if (im)
        ep_map_put_ptr(b->image_of, n, im);
    else
        sc_diag_add(b->diags, SC_WARNING, doc->source_name, n->line, n->column, -1,
                    "picture '%s' is not in the EPUB (%s); its alt text stands in", url, why);
}

void ep_images_collect(ep_book *b)
{
    b->image_of = ep_map_new(b->arena);
    for (const sc_node *n = b->doc->root; n; n = sc_node_next_preorder(n, b->doc->root))
        if (n->type == SC_NODE_IMAGE && ep_is_rendered(n))
            collect_one(b, n);
}

const ep_image *ep_image_of(const ep_book *b, const sc_node *img)
{
    return b->image_of ? ep_map_get_ptr(b->image_of, img) : NULL;
}
