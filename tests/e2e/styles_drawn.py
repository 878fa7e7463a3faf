"""e2e_styles_drawn: issue 3's block and inline properties reach the PDF. A border is drawn as
stroked lines of its colour around the block's box (mutool trace), with the text inside border +
padding, also on every page a long bordered block runs over; letter-spacing widens a word's glyph
positions by exactly the spacing per cluster; font-variant-ligatures: none leaves "office" without
its ligature glyph (the default keeps it, so the check can fail); list-style-type picks the markers;
::before/::after with attr() and counters show in the text (pdftotext) while the outline keeps the
plain heading; counter ops on ::before/::after count as the element's first/last child, and counter()
in string-set reaches the running head."""
import os
import re
import xml.etree.ElementTree as ET
import e2elib

t = e2elib.Test(__doc__)
CM = 72 / 2.54
LEFT = 2.5 * CM  # default.css margins


def write(name, text):
    p = t.path(name)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    return p


def convert(md, css, name):
    src = write(name + ".md", md)
    args = [src, "-o", t.path(name + ".pdf")]
    if css is not None:
        args += ["--style", write(name + ".css", css)]
    r = t.sapchu(args)
    t.check(r.code == 0, "%s: converts" % name, r.describe())
    warn = [ln for ln in r.errtext.splitlines() if "warning" in ln]
    t.check(not warn, "%s: no warnings" % name, "; ".join(warn[:3]))
    return t.path(name + ".pdf")


def strokes(pdf):
    """[(page, colour, linewidth, [(x, y) device points])] of every stroked path."""
    r = e2elib.run(["mutool", "trace", pdf])
    out = []
    for page in ET.fromstring(r.out).iter("page"):
        h = float(page.get("mediabox").split()[3])
        for sp in page.iter("stroke_path"):
            pts = [(float(m.get("x")), h - float(m.get("y"))) for m in sp if m.tag in ("moveto", "lineto")]
            out.append((int(page.get("number")), sp.get("color"), float(sp.get("linewidth")), pts))
    return out


def words_glyphs(pdf):
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    words = []
    for run in e2elib.group_runs(glyphs):
        words.extend(e2elib.split_words(run))
    return words


def word(words, text):
    for w in words:
        if "".join(g.uni for g in w) == text:
            return w
    return None


SENT = ("Hội nghị Đảng bộ Bộ Khoa học và Công nghệ đã thảo luận về những nhiệm vụ trọng tâm "
        "của năm tới và các giải pháp thực hiện.")

# ---- borders ------------------------------------------------------------------------------------
md = "Đoạn mở đầu.\n\n> %s\n\nĐoạn sau.\n" % SENT
pdf = convert(md, "blockquote { border: 1.5pt solid #ff0000; padding: 4pt; margin: 0 0 1em; }\n", "border")
red = [s for s in strokes(pdf) if s[1] == "1 0 0"]
t.check(len(red) >= 4 and all(abs(s[2] - 1.5) < 0.01 for s in red),
        "border: four 1.5 pt red edges are stroked (mutool trace)",
        "red strokes: %s" % [(s[2], s[3]) for s in red])
if red:
    xs = [p[0] for s in red for p in s[3]]
    ys = [p[1] for s in red for p in s[3]]
    t.check(abs(min(xs) - LEFT) < 0.05 and abs(max(xs) - (595.276 - LEFT)) < 0.05,
            "border: the box spans the text area (%.2f..%.2f)" % (LEFT, 595.276 - LEFT),
            "strokes span x %.3f..%.3f" % (min(xs), max(xs)))
    words = words_glyphs(pdf)
    w = word(words, "Hội")
    t.check(w is not None and abs(w[0].x - (LEFT + 1.5 + 4)) < 0.05,
            "border: the quote's text starts inside border + padding (x = %.2f)" % (LEFT + 5.5),
            "first glyph at %s" % (w[0].x if w else None))
    inside = w is not None and min(ys) < w[0].y < max(ys)
    t.check(inside, "border: the quote's text lies between the top and bottom edges",
            "edges y %.2f..%.2f, baseline %s" % (min(ys), max(ys), w[0].y if w else None))
    before, after = word(words, "mở"), word(words, "sau.")
    t.check(before is not None and after is not None and before[0].y < min(ys) and after[0].y > max(ys),
            "border: the paragraphs around stay outside the box")

# A heading ruled underneath keeps its bookmark (its lines stay lines for the page builder).
pdf = convert("# Tài liệu\n\n## Phần có gạch\n\nĐoạn văn.\n",
              "h2 { border-bottom: 1pt solid #00ff00; padding-bottom: 2pt; }\n", "border_heading")
green = [s for s in strokes(pdf) if s[1] == "0 1 0"]
ws = words_glyphs(pdf)
head, body = word(ws, "gạch"), word(ws, "Đoạn")
t.check(len(green) == 1 and head is not None and body is not None
        and head[0].y < green[0][3][0][1] < body[0].y,
        "border: one green rule between the heading and the paragraph",
        "green strokes %s" % [s[3] for s in green])
r = e2elib.run(["mutool", "show", pdf, "outline"])
t.check("Phần có gạch" in r.text, "border: the ruled heading is in the outline", r.text[:300])

long_md = "> " + "\n>\n> ".join([SENT * 3] * 14) + "\n"
pdf = convert(long_md, "blockquote { border-left: 2pt solid #0000ff; padding-left: 6pt; margin: 0; }\n",
              "border_long")
blue = [s for s in strokes(pdf) if s[1] == "0 0 1"]
pages = sorted(set(s[0] for s in blue))
npages = len(e2elib.pdftotext_pages(pdf))
t.check(npages >= 2 and pages == list(range(1, npages + 1)),
        "border: a quote over %d pages has its left edge on every page" % npages,
        "blue strokes on pages %s" % pages)
t.check(all(abs(p[0] - (LEFT + 1)) < 0.05 for s in blue for p in s[3]),
        "border: the left edge's centre line is at margin + 1 pt on every page")

# ---- letter-spacing ---------------------------------------------------------------------------------
def glyph_words(pdf):
    """Words as space-separated stretches of the glyph stream (letter-spaced glyphs stand apart,
    so gaps cannot split words here)."""
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    words, cur = [], []
    for g in glyphs:
        if g.uni.isspace():
            if cur:
                words.append(cur)
            cur = []
        else:
            cur.append(g)
    if cur:
        words.append(cur)
    return words


plain = glyph_words(convert("Hội nghị khoa học.\n", None, "spacing_plain"))
spaced = glyph_words(convert("Hội nghị khoa học.\n", "p { letter-spacing: 2pt; }\n", "spacing"))
for text in ("nghị", "khoa"):
    a, b = word(plain, text), word(spaced, text)
    if not t.check(a and b and len(a) == len(b), "letter-spacing: '%s' found in both PDFs" % text):
        continue
    deltas = [round((b[i + 1].x - b[i].x) - (a[i + 1].x - a[i].x), 3) for i in range(len(a) - 1)]
    t.check(all(abs(d - 2) < 0.01 for d in deltas),
            "letter-spacing: 2pt widens each step inside '%s' by 2 pt" % text, "steps widened by %s" % deltas)
a, b = word(plain, "khoa"), word(spaced, "khoa")
if a and b:
    # Hội nghị_ : 3 + 1 (space) + 4 + 1 (space) steps of 2 pt before "khoa"
    t.check(abs((b[0].x - a[0].x) - 2 * 9) < 0.01, "letter-spacing: the third word starts 18 pt later",
            "it moved %.3f pt" % (b[0].x - a[0].x))

# ---- ligatures ------------------------------------------------------------------------------------
lig = word(words_glyphs(convert("The office staff.\n", None, "liga_on")), "office")
nolig = word(words_glyphs(convert("The office staff.\n", "p { font-variant-ligatures: none; }\n", "liga_off")),
             "office")
t.check(lig is not None and any(g.gid is None for g in lig),
        "ligatures: by default 'office' is set with a ligature glyph",
        "glyph ids %s" % ([g.gid for g in lig] if lig else None))
t.check(nolig is not None and len(nolig) == 6 and all(g.gid is not None for g in nolig),
        "ligatures: with font-variant-ligatures: none every letter of 'office' has its own glyph",
        "glyph ids %s" % ([g.gid for g in nolig] if nolig else None))
text = "\n".join(e2elib.pdftotext_pages(t.path("liga_off.pdf")))
t.check("office" in text, "ligatures: the text still extracts as 'office'")

# ---- list-style-type ------------------------------------------------------------------------------
md = "1. Một\n2. Hai\n3. Ba\n\n- Tư\n- Năm\n\nKết.\n"
pdf = convert(md, "ol { list-style-type: upper-roman; } ul { list-style-type: square; }\n", "lists")
text = "\n".join(e2elib.pdftotext_pages(pdf))
for marker, item in (("I.", "Một"), ("II.", "Hai"), ("III.", "Ba"), ("▪", "Tư"), ("▪", "Năm")):
    t.check(re.search(r"(?m)^%s\s+%s$" % (re.escape(marker), item), text) is not None,
            "list-style-type: '%s %s'" % (marker, item), "pdftotext: %r" % text[:300])

# ---- generated content --------------------------------------------------------------------------------
md = ("# Tài liệu\n\n## Phần đầu\n\nXem [trang chủ](https://example.org/a).\n\n## Phần sau\n\nHết.\n\n"
      "1. Một\n2. Hai\n   1. Hai một\n\n```\nx = 1\n```\n")
css = ("body { counter-reset: phan; }\n"
       "h2 { counter-increment: phan; }\n"
       "h2::before { content: \"Phần \" counter(phan, upper-roman) \": \"; }\n"
       "a::after { content: \" <\" attr(href) \">\"; }\n"
       "ol { counter-reset: muc; list-style-type: none; } li { counter-increment: muc; }\n"
       "li::before { content: counters(muc, \".\") \") \"; }\n"
       "pre::before { content: \"Mã: \"; }\n")
pdf = convert(md, css, "generated")
text = "\n".join(e2elib.pdftotext_pages(pdf))
for line in ("Phần I: Phần đầu", "Phần II: Phần sau", "Xem trang chủ <https://example.org/a>.",
             "1) Một", "2) Hai", "2.1) Hai một", "Mã: x = 1"):
    t.check(line in text.splitlines(), "generated content: '%s'" % line, "pdftotext: %r" % text[:400])
r = e2elib.run(["mutool", "show", pdf, "outline"])
t.check("Phần đầu" in r.text and "Phần I:" not in r.text,
        "generated content: the outline keeps the plain heading", r.text[:300])

# ---- counters on pseudo-elements and in string-set ----------------------------------------------------
# ::before is the element's first child and ::after its last (CSS Lists 3): their counter ops apply
# there, and a counter they create lives inside the element only.
md = ("# Mở đầu\n\n## Alpha\n\n## Beta\n\n### Gamma\n\nXem.\n\n"
      "1. Một\n2. Hai\n   1. Hai một\n   2. Hai hai\n3. Ba\n\n# Kết\n\n" +
      "".join("Dòng %d.\n\n" % i for i in range(120)))
css = ("h2::before { counter-increment: s; content: counter(s) \". \"; }\n"
       "h3::before { counter-reset: t 10; content: counter(t) \": \"; }\n"
       "h3::after { counter-increment: t 2; content: \" [\" counter(t) \"]\"; }\n"
       "h3 + p::before { content: \"t=\" counter(t) \" \"; }\n"
       "ol { counter-reset: m; list-style-type: none; }\n"
       "li::before { counter-increment: m; content: counters(m, \".\") \") \"; }\n"
       "h1 { counter-increment: ch; string-set: chapter counter(ch) \". \" content(); }\n"
       "@page { @top-center { content: \"[\" string(chapter) \"]\"; } }\n")
pdf = convert(md, css, "pseudo_counters")
pages = e2elib.pdftotext_pages(pdf)
text = "\n".join(pages)
for line in ("1. Alpha", "2. Beta", "10: Gamma [12]", "t=0 Xem.",
             "1) Một", "2) Hai", "2.1) Hai một", "2.2) Hai hai", "3) Ba"):
    t.check(line in text.splitlines(), "pseudo-element counters: '%s'" % line, "pdftotext: %r" % text[:500])
t.check(len(pages) >= 2 and "[1. Mở đầu]" in pages[0] and "[2. Kết]" in pages[-1],
        "string-set with counter(): running heads '[1. Mở đầu]' and '[2. Kết]'",
        "pages: %r" % [p[:80] for p in pages])
t.finish()
