"""e2e_glyphs: the glyphs in every sample PDF are HarfBuzz's (mutool trace glyph ids and offsets
within each word equal `hb-shape`'s for the same word, font, size and language; justification only
moves whole words), no glyph is .notdef (id 0), and every glyph's ink lies inside the text area
(the page minus the default style's 2.5 cm margins), the folio apart: across, a glyph's advance
box; up and down, its ink (stacked marks, descenders)."""
import collections
import os
import e2elib

t = e2elib.Test(__doc__)
MAX_REPORTS = 8
fonts = {}


def font(ps_name):
    if ps_name not in fonts:
        path = t.font_file(ps_name)
        fonts[ps_name] = e2elib.TrueTypeFont(path) if os.path.isfile(path) else None
    return fonts[ps_name]


def group_runs(glyphs):
    """Consecutive glyphs of one page, font and size whose baselines are within 0.25 em (mark
    offsets stay in their word's run; superscripts come in another size)."""
    runs, cur = [], []
    for g in glyphs:
        if cur and (g.page != cur[0].page or g.font != cur[0].font or abs(g.size - cur[0].size) > 1e-3
                    or abs(g.y - cur[0].y) > 0.25 * g.size):
            runs.append(cur)
            cur = []
        cur.append(g)
    if cur:
        runs.append(cur)
    return runs


for sample in t.samples():
    pdf = t.sample_output(sample, "pdf")
    name = os.path.basename(pdf)
    if not t.check(os.path.isfile(pdf), name + ": exists", "missing (e2e_samples_convert failed?)"):
        continue
    glyphs, sizes = e2elib.mutool_glyphs(pdf)
    lang = e2elib.pdf_catalog_lang(pdf) or "vi"
    t.check(len(glyphs) > 100, "%s: mutool trace shows %d glyphs" % (name, len(glyphs)), "too few glyphs to check")

    # The fonts are the bundled ones.
    unknown = sorted({g.ps_name for g in glyphs if font(g.ps_name) is None})
    t.check(not unknown, name + ": every font is a bundled font file", "no fonts/<name>.ttf for %s" % unknown)

    # No .notdef.
    notdef = [g for g in glyphs if g.gid == 0]
    t.check(not notdef, name + ": no glyph id 0",
            "%d .notdef glyph(s), first on page %d at x=%.2f y=%.2f (%s)" % (
                len(notdef), notdef[0].page, notdef[0].x, notdef[0].y, notdef[0].uni) if notdef else "")

    if os.path.basename(sample) == os.path.basename(t.article()):
        common = collections.Counter((g.ps_name, round(g.size, 2)) for g in glyphs).most_common(1)[0][0]
        t.check(common == ("NotoSerif-Regular", 11.0), name + ": body text is Noto Serif Regular 11 pt",
                "most glyphs are %s %.2f pt" % common)

    # Ink inside the text area, the folio apart.
    outside = []
    runs = group_runs(glyphs)
    for run in runs:
        w, h = sizes[run[0].page - 1]
        left, top, right, bottom = e2elib.MARGIN, e2elib.MARGIN, w - e2elib.MARGIN, h - e2elib.MARGIN
        text = "".join(g.uni for g in run).strip()
        if text == str(run[0].page) and run[0].y > bottom:
            continue  # the folio, in the bottom margin
        for g in run:
            f = font(g.ps_name)
            if f is None or g.gid is None:
                continue
            s = g.size / f.upem
            bb = f.bbox(g.gid)
            # Across: the advance box (as every typesetter measures a line: the horn of an ơ may
            # overhang the margin by a fraction of a point). Up and down: the ink, so stacked
            # marks on the first line and descenders on the last are inside.
            x0, x1 = g.x, g.x + g.adv * g.size
            y0 = y1 = g.y
            if bb:
                y0, y1 = g.y - bb[3] * s, g.y - bb[1] * s
            over = max(left - x0, x1 - right, top - y0, y1 - bottom)
            if over > e2elib.EPS:
                outside.append((over, g, (x0, y0, x1, y1)))
    detail = ""
    if outside:
        worst = max(outside, key=lambda o: o[0])
        o, g, box = worst
        detail = ("%d glyph(s) outside the text area [%.2f %.2f %.2f %.2f]; worst %r (id %s) on page %d, "
                  "box x %.2f..%.2f y %.2f..%.2f (y down), %.2f pt out; first: %r on page %d at x=%.2f y=%.2f") % (
            len(outside), e2elib.MARGIN, e2elib.MARGIN, sizes[g.page - 1][0] - e2elib.MARGIN,
            sizes[g.page - 1][1] - e2elib.MARGIN, g.uni, g.gid, g.page, box[0], box[2], box[1], box[3], o,
            outside[0][1].uni, outside[0][1].page, outside[0][1].x, outside[0][1].y)
    t.check(not outside, name + ": every glyph inside the text area (the folio apart)", detail)

    # Glyph ids and offsets within words equal hb-shape's.
    words = []  # (ps_name, size, [glyphs])
    for run in runs:
        for wd in e2elib.split_words(run):
            if any(g.gid is not None for g in wd):
                words.append((run[0].ps_name, run[0].size, wd))
    by_font = collections.defaultdict(list)
    for i, (ps, size, wd) in enumerate(words):
        if font(ps) is not None:
            by_font[ps].append(i)
    bad, compared = [], 0
    for ps, idx in sorted(by_font.items()):
        texts = ["".join(g.uni for g in words[i][2]) for i in idx]
        shaped = e2elib.hb_shape_lines(t.font_file(ps), lang, texts)
        upem = font(ps).upem
        for i, text, hb in zip(idx, texts, shaped):
            _, size, wd = words[i]
            pg = [g for g in wd if g.gid is not None]
            compared += 1
            s = size / upem
            if [g.gid for g in pg] != [h[0] for h in hb]:
                bad.append("page %d, %s %.1fpt, word %r: PDF glyph ids %s, hb-shape %s" % (
                    pg[0].page, ps, size, text, [g.gid for g in pg], [h[0] for h in hb]))
                continue
            pen, worst = 0.0, 0.0
            for g, h in zip(pg, hb):
                ex = pg[0].x + (pen + h[2] - hb[0][2]) * s
                ey = pg[0].y - (h[3] - hb[0][3]) * s
                worst = max(worst, abs(g.x - ex), abs(g.y - ey))
                pen += h[4]
            if worst > e2elib.EPS:
                bad.append("page %d, %s %.1fpt, word %r: glyph positions are off hb-shape's by up to %.3f pt "
                           "(PDF x %s; hb-shape advances %s font units)" % (
                               pg[0].page, ps, size, text, worst, [round(g.x - pg[0].x, 3) for g in pg], [h[4] for h in hb]))
    t.check(compared > 50 and not bad,
            "%s: glyph ids and offsets of %d words equal hb-shape --language=%s" % (name, compared, lang),
            "%d word(s) differ%s:\n      %s" % (len(bad), " (first %d)" % MAX_REPORTS if len(bad) > MAX_REPORTS else "",
                                                "\n      ".join(bad[:MAX_REPORTS])) if bad else "only %d words compared" % compared)
t.finish()
