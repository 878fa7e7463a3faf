"""e2e_styles_bundled: the same Markdown rendered with each bundled style gives what the style
declares: the page size (pdfinfo), the margins (mutool trace: the leftmost body glyph sits on the
left margin, justified lines end on the right one), the fonts (pdffonts) and the body size (mutool
trace). report.css numbers its sections ("1." and "1.1" in pdftotext); book.css starts each chapter
on a new page and puts the chapter title in the running head of the chapter's later pages, never on
its first page; there the first paragraph after a heading is not indented, later ones are (mutool
trace x). `--list-styles` names the bundled styles; an unknown `--style NAME` is an error."""
import collections
import os
import re
import e2elib

t = e2elib.Test(__doc__)
CM = 72 / 2.54

SENTENCES = [
    "Hội nghị đã thảo luận về những nhiệm vụ trọng tâm của năm và các giải pháp thực hiện.",
    "Các đại biểu nhấn mạnh vai trò của đổi mới sáng tạo trong phát triển kinh tế xã hội.",
    "Ấn tượng nhất là những kết quả nghiên cứu ứng dụng được chuyển giao cho doanh nghiệp.",
    "Nhiều ý kiến đề xuất tăng cường hợp tác quốc tế và thu hút nguồn nhân lực chất lượng.",
    "Việc triển khai các chương trình khoa học cấp quốc gia cần được đánh giá thường xuyên.",
]


def para(k, n=6):
    return " ".join(SENTENCES[(k + i) % len(SENTENCES)] for i in range(n))


md = ["# Chương một", ""]
for k in range(9):
    md += [para(k), ""]
md += ["## Bối cảnh chung", "", para(1, 3), "", "### Số liệu năm", "", para(2, 3), "",
       "### Nguồn lực", "", para(3, 3), "", "## Kết quả đạt được", "", para(4, 3), "",
       "### Chuyển giao", "", para(0, 3), "", "# Chương hai", ""]
for k in range(9):
    md += [para(k + 2), ""]
src = t.path("doc.md")
with open(src, "w", encoding="utf-8") as f:
    f.write("\n".join(md))

# What each style declares (styles/*.css): page size, margins (left, right), body font and size,
# heading font, alignment.
STYLES = {
    "default": dict(size=e2elib.A4, left=2.5 * CM, right=2.5 * CM, top=2.5 * CM, body=11.0,
                    body_font="NotoSerif-Regular", head_font="NotoSans-Bold", justified=True),
    "book": dict(size=e2elib.A5, left=1.8 * CM, right=1.8 * CM, top=2.0 * CM, body=10.5,
                 body_font="NotoSerif-Regular", head_font="NotoSerif-Bold", justified=True),
    "report": dict(size=e2elib.A4, left=2.5 * CM, right=2.2 * CM, top=2.5 * CM, body=10.5,
                   body_font="NotoSerif-Regular", head_font="NotoSans-Bold", justified=False),
}

outputs = {}
for name, want in STYLES.items():
    pdf = t.path(name + ".pdf")
    args = [src, "-o", pdf] + ([] if name == "default" else ["--style", name])
    r = t.sapchu(args)
    if not t.check(r.code == 0 and os.path.exists(pdf), "%s: converts" % name, r.describe()):
        continue
    outputs[name] = pdf
    warn = [ln for ln in r.errtext.splitlines() if "warning" in ln]
    t.check(not warn, "%s: the bundled style converts without warnings" % name, "; ".join(warn[:3]))

    _, info = e2elib.pdfinfo(pdf)
    m = re.match(r"([\d.]+) x ([\d.]+) pts", info.get("Page size", ""))
    size = (float(m.group(1)), float(m.group(2))) if m else None
    t.check(size and abs(size[0] - want["size"][0]) < 0.1 and abs(size[1] - want["size"][1]) < 0.1,
            "%s: page size %.1f x %.1f (pdfinfo)" % (name, want["size"][0], want["size"][1]),
            "pdfinfo says %r" % info.get("Page size"))

    fonts = e2elib.run(["pdffonts", pdf]).text
    names = set(re.findall(r"[A-Z]{6}\+(\S+)", fonts))
    t.check(want["body_font"] in names and want["head_font"] in names,
            "%s: body in %s, headings in %s (pdffonts)" % (name, want["body_font"], want["head_font"]),
            "pdffonts lists %s" % sorted(names))
    if name == "book":
        t.check(not any(n.startswith("NotoSans-") for n in names),
                "book: no sans-serif face anywhere (pdffonts)", "pdffonts lists %s" % sorted(names))

    glyphs, sizes = e2elib.mutool_glyphs(pdf)
    counts = collections.Counter(round(g.size, 2) for g in glyphs if g.gid is not None)
    body = counts.most_common(1)[0][0] if counts else None
    t.check(body is not None and abs(body - want["body"]) < 0.01,
            "%s: body text set at %.1f pt (mutool trace trm)" % (name, want["body"]),
            "the commonest glyph size is %s" % body)
    body_glyphs = [g for g in glyphs if g.gid is not None and abs(g.size - want["body"]) < 0.01
                   and g.ps_name == want["body_font"]]
    if body_glyphs:
        left = min(g.x for g in body_glyphs)
        t.check(abs(left - want["left"]) < 0.05,
                "%s: leftmost body glyph at the left margin %.2f pt" % (name, want["left"]),
                "it is at %.3f" % left)
        width = want["size"][0]
        right = max(g.x + g.adv * g.size for g in body_glyphs if not g.uni.isspace())
        limit = width - want["right"]
        ok = right <= limit + 0.05 and (not want["justified"] or right >= limit - 0.5)
        t.check(ok, "%s: body lines end %sat the right margin %.2f pt" % (
            name, "" if want["justified"] else "before or ", limit), "rightmost ink ends at %.3f" % right)
        top = min(g.y for g in body_glyphs)
        t.check(top >= want["top"] + 5, "%s: body text below the top margin %.2f pt" % (name, want["top"]),
                "a body baseline at %.2f" % top)

# report.css: numbered sections through counters.
if "report" in outputs:
    text = "\n".join(e2elib.pdftotext_pages(outputs["report"]))
    for num, title in (("1.", "Bối cảnh chung"), ("1.1", "Số liệu năm"), ("1.2", "Nguồn lực"),
                       ("2.", "Kết quả đạt được"), ("2.1", "Chuyển giao")):
        t.check(re.search(r"(?m)^%s %s$" % (re.escape(num), re.escape(title)), text) is not None,
                "report: the heading reads '%s %s' (pdftotext)" % (num, title),
                "pdftotext has: %s" % [ln for ln in text.splitlines() if title in ln])
    lines = text.splitlines()
    t.check("Chương một" in lines and not any(re.match(r"\d+\.? ?Chương một", ln) for ln in lines),
            "report: level-1 headings are not numbered")
if "default" in outputs:
    text = "\n".join(e2elib.pdftotext_pages(outputs["default"]))
    t.check("Bối cảnh chung" in text.splitlines(), "default: sections are not numbered",
            "lines with the title: %s" % [ln for ln in text.splitlines() if "Bối cảnh chung" in ln])

# book.css: chapters on new pages; running head = chapter title, not on a chapter's first page.
if "book" in outputs:
    pdf = outputs["book"]
    pages = e2elib.pdftotext_pages(pdf)
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    top = STYLES["book"]["top"]
    heads = collections.defaultdict(str)   # page -> text drawn above the text area
    for g in glyphs:
        if g.y < top:
            heads[g.page] += g.uni
    starts = {}
    for i, pg in enumerate(pages):
        body = [ln for ln in pg.splitlines() if ln.strip()]
        for title in ("Chương một", "Chương hai"):
            if title in body and title not in starts and not heads[i + 1].strip():
                starts[title] = i + 1
    t.check(set(starts) == {"Chương một", "Chương hai"},
            "book: each chapter found on a page of its own without running head",
            "chapter first pages: %s; heads: %s" % (starts, dict(heads)))
    if len(starts) == 2:
        one, two = starts["Chương một"], starts["Chương hai"]
        first_line = [ln for ln in pages[two - 1].splitlines() if ln.strip()][0]
        t.check(first_line == "Chương hai", "book: chapter two starts a new page",
                "its page begins with '%s'" % first_line)
        t.check(two - one >= 3, "book: chapter one runs over several pages", "pages %d..%d" % (one, two))
        for title, page in (("Chương một", one + 1), ("Chương một", two - 1), ("Chương hai", two + 1)):
            got = heads.get(page, "").strip()
            t.check(got == title, "book: the running head of page %d is '%s'" % (page, title),
                    "above the text area: '%s'" % got)
        for page in (one, two):
            t.check(not heads.get(page, "").strip(),
                    "book: no running head on the chapter's first page %d" % page,
                    "above the text area: '%s'" % heads.get(page, ""))

# book.css: the first paragraph after a heading starts flush left (h2 + p ...), a paragraph after
# another one is indented 1.5em (mutool trace: the x of each line's first glyph).
if "book" in outputs:
    want = STYLES["book"]
    glyphs, _ = e2elib.mutool_glyphs(outputs["book"])
    limit = want["size"][0] - want["right"]
    lines = []  # [page, y, kind ("head" or "body"), glyphs], in page and reading order
    for g in sorted((g for g in glyphs if g.gid is not None and g.y > want["top"]),
                    key=lambda g: (g.page, g.y)):
        body = g.ps_name == want["body_font"] and abs(g.size - want["body"]) < 0.01
        head = g.ps_name == want["head_font"] and g.size > want["body"] + 0.5
        if not body and not head:
            continue
        kind = "body" if body else "head"
        if lines and lines[-1][0] == g.page and lines[-1][2] == kind and abs(g.y - lines[-1][1]) < 3:
            lines[-1][3].append(g)
        else:
            lines.append([g.page, g.y, kind, [g]])
    flush, indented = [], []
    for prev, cur in zip(lines, lines[1:]):
        if cur[2] != "body" or prev[0] != cur[0]:
            continue
        x = min(g.x for g in cur[3])
        text = "".join(g.uni for g in sorted(cur[3], key=lambda g: g.x))[:30]
        if prev[2] == "head":
            flush.append((x, text))
        elif max(g.x + g.adv * g.size for g in prev[3] if not g.uni.isspace()) < limit - 30:
            indented.append((x, text))  # the line before ends short: a paragraph's last line
    t.check(len(flush) >= 5 and all(abs(x - want["left"]) < 0.05 for x, _ in flush),
            "book: the first line after each heading starts at the left margin %.2f (h2 + p ...)"
            % want["left"], "first lines after headings (x, text): %s" % flush)
    indent = want["left"] + 1.5 * want["body"]
    t.check(len(indented) >= 5 and all(abs(x - indent) < 0.05 for x, _ in indented),
            "book: a paragraph after another one is indented 1.5em (x %.2f)" % indent,
            "first lines after a paragraph (x, text): %s" % indented)

# Discovery and errors.
r = t.sapchu(["--list-styles"])
listed = dict((ln.split(None, 1) + [""])[:2] for ln in r.text.splitlines() if ln.strip())
t.check(r.code == 0 and {"book", "report", "ebook", "default"} <= set(listed),
        "--list-styles names book, report, ebook, default", r.describe() + " " + r.text)
t.check(all(listed.get(n, "").strip() for n in ("book", "report", "ebook")),
        "--list-styles gives each style its description", repr(listed))
r = t.sapchu([src, "-o", t.path("nope.pdf"), "--style", "no-such-style"])
t.check(r.code == 1 and "no-such-style" in r.errtext and not os.path.exists(t.path("nope.pdf")),
        "an unknown --style NAME fails with a message", r.describe())
css = os.path.join(t.src, "styles", "book.css")
r = t.sapchu([src, "-o", t.path("file.pdf"), "--style", css])
_, info = e2elib.pdfinfo(t.path("file.pdf"))
t.check(r.code == 0 and info.get("Page size", "").startswith("419.5"),
        "--style FILE.css takes a file (the same book, A5)", r.describe())
t.finish()
