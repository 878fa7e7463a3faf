/* footer.c — the folio: the page number centred under the text area, inside the bottom margin,
 * in the body font at 9 pt, shaped like any other text (so it is real, extractable text). */
#include <stdio.h>

#include "flow.h"

void sc_footer_add(sc_layout *layout, sc_page *pg, const sc_page_setup *setup,
                   const sc_document *doc, sc_shaper *shaper)
{
    /* The para may keep the style until its lines are made: it lives in the arena. */
    sc_style *fs = sc_arena_alloc(layout->arena, sizeof *fs);
    const sc_style *body = doc->root ? doc->root->style : NULL;
    if (body)
        *fs = *body;
    else
        fs->font_family = "serif";
    sc_style st = *fs;
    st.font_size = 9;
    st.line_height = 9 * 1.2f;
    st.font_weight = 400;
    st.font_italic = 0;
    st.text_indent = 0;
    st.vertical_align = 0;
    st.text_decoration = 0;
    st.white_space_pre = 0;
    st.text_align = SC_ALIGN_CENTER;
    *fs = st;
    char num[24];
    int len = snprintf(num, sizeof num, "%d", pg->number);
    const char *lang = doc->meta.lang && *doc->meta.lang ? doc->meta.lang : "vi";
    sc_para *p = sc_para_begin(shaper);
    sc_para_add_text(p, num, (size_t)len, fs, lang, NULL, NULL, 0);
    float left = setup->margin[SC_EDGE_LEFT];
    float width = setup->width - left - setup->margin[SC_EDGE_RIGHT];
    sc_break_params bp = {.width = width, .first_indent = 0, .align = SC_ALIGN_CENTER};
    sc_line *lines = NULL;
    size_t n = sc_para_lines(p, &bp, &lines);
    sc_para_end(p);
    if (n == 0)
        return;
    float baseline = setup->height - setup->margin[SC_EDGE_BOTTOM] / 2;
    float lowest = setup->height - lines[0].descent;
    if (baseline > lowest) /* a tiny bottom margin: keep the number on the paper */
        baseline = lowest;
    sc_emit_runs(layout->arena, &pg->items, &pg->nitems, &pg->cap, lines[0].runs, lines[0].nruns,
                 left, baseline);
}
