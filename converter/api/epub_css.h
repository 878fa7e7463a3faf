/* epub_css.h — the EPUB's stylesheet: the bundled ebook.css, then the document's and the user's
 * sheets written back without their print-only rules; with --embed-fonts, the @font-face fonts
 * it uses, to be packaged under EPUB/fonts/. */
#ifndef SC_EPUB_CSS_H
#define SC_EPUB_CSS_H
#include <stddef.h>

#include "../base/buf.h"
#include "../base/diag.h"
#include "../style/style.h"
#include "../writers/epub/epub.h"

/* sheets[0] is the bundled default (print-oriented: not shipped); sheets[1..] follow ebook.css.
 * Fonts (with embed_fonts) are allocated in `arena`. Returns 0, or -1 with an error in d. */
int sc_epub_css_build(sc_arena *arena, const char *data_dir, sc_stylesheet *const *sheets,
                      size_t nsheets, int embed_fonts, sc_buf *css, sc_epub_font **fonts,
                      size_t *nfonts, sc_diag_list *d);

#endif
