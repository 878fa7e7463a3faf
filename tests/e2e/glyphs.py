"""e2e_glyphs: the glyphs in every sample PDF are HarfBuzz's (mutool trace glyph ids and offsets
within each word equal `hb-shape`'s for the same word, font, size and language; justification only
moves whole words), no glyph is .notdef (id 0), and every glyph's ink lies inside the text area
(the page minus the default style's 2.5 cm margins), the folio apart: across, a glyph's advance
box; up and down, its ink (stacked marks, descenders)."""
import collections
import os
import re
import e2elib

t = e2elib.Test(__doc__)
MAX_REPORTS = 8
fonts = e2elib.FontCache(t)
font = fonts.get


def ink_boxes(glyphs):
    """Per page and line: the ink boxes (x0, y0, x1, y1; y down) of the glyphs. A line gathers the
    glyphs within 0.45 em of its top baseline, so marks moved down and superscripts stay in it."""
    lines = collections.defaultdict(list)
    ordered = sorted((g for g in glyphs if g.gid is not None), key=lambda g: (g.page, g.y))
    key = None
    for g in ordered:
        if key is None or g.page != key[0] or g.y - key[1] > 0.45 * g.size:
            key = (g.page, g.y)
        f = font(g.ps_name)
        bb = f.bbox(g.gid) if f else None
        if bb:
            s = g.size / f.upem
            lines[key].append((g.x + bb[0] * s, g.y - bb[3] * s, g.x + bb[2] * s, g.y - bb[1] * s, g.uni))
    return lines


def touching(glyphs):
    """Glyphs of neighbouring lines whose ink meets (the marks of Ẫ in the descender of g above)."""
    lines = ink_boxes(glyphs)
    found = []
    keys = sorted(lines)
    for (pa, ya), (pb, yb) in zip(keys, keys[1:]):
        if pa != pb:
            continue
        upper, lower = lines[pa, ya], lines[pb, yb]
        for ux0, uy0, ux1, uy1, uu in upper:
            for lx0, ly0, lx1, ly1, lu in lower:
                if lx0 < ux1 and ux0 < lx1 and ly0 <= uy1:
                    found.append("page %d: %r (line at y=%.1f, ink down to %.2f) meets %r below (y=%.1f, ink up to %.2f)" % (
                        pa, uu, ya, uy1, lu, yb, ly0))
    return found


def check_justification(name, sample, glyphs, sizes):
    # Justified body text: within a line every inter-word space has the same width, no space is
    # stretched past 3 times (or shrunk under half) the font's space, and most lines (all but the
    # last of each paragraph) end exactly at the right margin.
    lines, by_page = collections.defaultdict(list), collections.defaultdict(list)
    for g in glyphs:
        by_page[g.page].append(g)
        if g.gid is not None and g.adv > 0 and not g.uni.isspace():
            lines[g.page, round(g.y, 1)].append(g)
    uneven, loose, flush, total, spaces = [], [], 0, 0, []
    for (page, y), gl in sorted(lines.items()):
        gl.sort(key=lambda g: g.x)
        w = sizes[page - 1][0]
        if gl[0].y > sizes[page - 1][1] - e2elib.MARGIN:
            continue  # the folio
        size = gl[0].size
        space = 0.26 * size
        for g in by_page[page]:
            if g.uni == " " and g.adv > 0 and abs(g.size - size) < 1e-3:
                space = g.adv * g.size
                break
        # The spaces between words; a gap holding a glyph of another baseline (a footnote
        # marker) is not a plain space, nor the gap after a list item's number or bullet.
        gaps, word = [], gl[0].uni
        for a, b in zip(gl, gl[1:]):
            gap = b.x - (a.x + a.adv * a.size)
            if gap <= 0.1 * size:
                word += b.uni
                continue
            inside = any(a.x + a.adv * a.size - 0.01 < o.x < b.x and abs(o.y - y) < size and o.gid is not None
                         and not o.uni.isspace() and o not in gl for o in by_page[page])
            marker = not gaps and re.fullmatch(r"\d+[.)]|[•◦▪‣–-]", word)
            if not inside and not marker:
                gaps.append(gap)
            word = b.uni
        total += 1
        end = gl[-1].x + gl[-1].adv * gl[-1].size
        text = "".join(g.uni for g in gl)
        if abs(end - (w - e2elib.MARGIN)) < 0.05:
            flush += 1
            spaces.extend(gaps)
            if gaps and max(gaps) - min(gaps) > 0.05:
                uneven.append("page %d y=%.1f: spaces from %.2f to %.2f pt in %r" % (page, y, min(gaps), max(gaps), text[:60]))
            if gaps and (max(gaps) > 3 * space or min(gaps) < 0.5 * space):
                loose.append("page %d y=%.1f: spaces of %.2f pt (the space is %.2f pt) in the line %r" % (
                    page, y, max(gaps), space, text[:70]))
    t.check(not uneven, "%s: in each justified line the spaces are equal" % name,
            "%d line(s) with unequal spaces, e.g. %s" % (len(uneven), uneven[:3]))
    t.check(not loose, "%s: no justified line has spaces over 3x or under 0.5x the normal space" % name,
            "%d line(s): %s" % (len(loose), "; ".join(loose[:3])))
    is_article = os.path.basename(sample) == os.path.basename(t.article())
    t.check(not is_article or (total and flush >= 0.6 * total), "%s: %d of %d lines end at the right margin (justified)" % (name, flush, total),
            "only %d of %d lines are flush right" % (flush, total))
    if spaces:
        print("note: %s: justified spaces range %.2f..%.2f pt" % (name, min(spaces), max(spaces)))


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
    runs = e2elib.group_runs(glyphs)
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
    hits = touching(glyphs)
    t.check(not hits, name + ": no glyph touches a glyph of the line above or below", "%d: %s" % (len(hits), "; ".join(hits[:3])))

    check_justification(name, sample, glyphs, sizes)

    # Glyph ids and offsets within words equal hb-shape's.
    compared, bad = e2elib.compare_with_hb(fonts, runs, lang)
    t.check(compared > 50 and not bad,
            "%s: glyph ids and offsets of %d words equal hb-shape --language=%s" % (name, compared, lang),
            "%d word(s) differ%s:\n      %s" % (len(bad), " (first %d)" % MAX_REPORTS if len(bad) > MAX_REPORTS else "",
                                                "\n      ".join(bad[:MAX_REPORTS])) if bad else "only %d words compared" % compared)

# Tight leading: the tallest Vietnamese capitals under descenders must still not touch (the page
# builder adds the missing space, as TeX's \\lineskip does).
stress = t.path("tall-marks.txt")
with open(stress, "w", encoding="utf-8") as f:
    f.write(" ".join(["gjpqy ẪẴỖỮẤẬ gặp giày Ỗng Ẵm"] * 40) + "\n")
css = t.path("tight.css")
with open(css, "w") as f:
    f.write("p { line-height: 1.0; text-align: left }\n")
pdf = t.path("tall-marks.pdf")
r = t.sapchu([stress, "--style", css, "-o", pdf])
if t.check(r.code == 0 and os.path.isfile(pdf), "tall marks with line-height 1.0: exit 0", r.describe() + e2elib.signal_note(r.code)):
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    ys = sorted({round(g.y, 1) for g in glyphs if g.page == 1})
    hits = touching(glyphs)
    t.check(len(ys) > 5 and not hits, "tall marks with line-height 1.0: no glyph touches the line above (%d lines)" % len(ys),
            "%d: %s" % (len(hits), "; ".join(hits[:3])))
t.finish()
