#!/usr/bin/python3
"""Tables in the PDF. A 60-row GFM table runs over several pages: every page it is on starts with
its header row, every row is printed exactly once, in order (pdftotext per page). Columns: the
numbers of a right-aligned column end at one x, a centred column's words share one centre, a
left-aligned column starts at one x, and the wrapped description cells stay inside their column
(pdftotext -bbox word boxes). Column widths follow the content (a short column stays narrow, the
table fills the measure when its text needs it). A cell taller than a page is split over pages,
none of its text lost. Rules between rows come from the stylesheet (mutool trace)."""
import os
import re
import xml.etree.ElementTree as ET

import e2elib

T = e2elib.Test(__doc__)
W, H = e2elib.A4
M = e2elib.MARGIN

rows = []
for i in range(1, 61):
    rows.append("| R%d | Hàng số %d với một đoạn mô tả khá dài để thử việc ngắt dòng trong ô của bảng "
                "| %s | c%d |" % (i, i, "{:,.1f}".format(i * 1234.5), i))
md = T.path("long.md")
with open(md, "w") as f:
    f.write("# Bảng dài\n\n| Số | Mô tả | Giá trị | Trạng thái |\n|---:|:------|--------:|:--:|\n" +
            "\n".join(rows) + "\n")
pdf = T.path("long.pdf")
r = T.sapchu([md, "-o", pdf])
if not T.check(r.code == 0 and r.errtext.strip() == "", "the long table converts, exit 0, silent",
               r.describe() + e2elib.signal_note(r.code)):
    T.finish()

pages = e2elib.pdftotext_pages(pdf)
T.check(len(pages) >= 3, "60 wrapped rows take at least three pages", "%d pages" % len(pages))
seen = []
for n, page in enumerate(pages, 1):
    words = page.split()
    head = words[:8]
    if n == 1:
        head = words[2:10]  # after the heading "Bảng dài"
    T.check(head[:5] == ["Số", "Mô", "tả", "Giá", "trị"] and "Trạng" in head,
            "page %d starts with the header row" % n, "first words: %s" % words[:12])
    seen += [int(w[1:]) for w in words if re.fullmatch(r"R\d+", w)]
T.check(seen == list(range(1, 61)), "rows R1..R60 each printed once, in order",
        "got %s" % seen)

# ---- columns from word boxes -----------------------------------------------------------------
bbox = e2elib.run(["pdftotext", "-bbox", pdf, T.path("long.html")])
ns = "{http://www.w3.org/1999/xhtml}"
tree = ET.parse(T.path("long.html"))
boxes = []  # (page, word, xMin, yMin, xMax, yMax)
for pno, page in enumerate(tree.iter(ns + "page"), 1):
    for w in page.iter(ns + "word"):
        boxes.append((pno, w.text or "", float(w.get("xMin")), float(w.get("yMin")),
                      float(w.get("xMax")), float(w.get("yMax"))))


def spread(vals):
    return max(vals) - min(vals) if vals else 999


nums = [b for b in boxes if re.fullmatch(r"[\d,]+\.\d", b[1])]
keys = [b for b in boxes if re.fullmatch(r"R\d+", b[1])]
stat = [b for b in boxes if re.fullmatch(r"c\d+", b[1])]
desc = [b for b in boxes if b[1] in ("Hàng", "bảng", "dòng", "trong", "dài")]
T.check(len(nums) == 60 and spread([b[4] for b in nums]) < 0.5,
        "right-aligned 'Giá trị' numbers end at one x", "right edges spread %.2f over %d" %
        (spread([b[4] for b in nums]), len(nums)))
T.check(len(keys) == 60 and spread([b[4] for b in keys]) < 0.5,
        "right-aligned first column ends at one x", "spread %.2f" % spread([b[4] for b in keys]))
T.check(len(stat) == 60 and spread([(b[2] + b[4]) / 2 for b in stat]) < 0.5,
        "centred column: one centre", "spread %.2f" % spread([(b[2] + b[4]) / 2 for b in stat]))
hang = [b for b in boxes if b[1] == "Hàng"]
T.check(len(hang) == 60 and spread([b[2] for b in hang]) < 0.5,
        "left-aligned description starts at one x", "spread %.2f" % spread([b[2] for b in hang]))
if nums and keys and desc:
    T.check(max(b[4] for b in desc) < min(b[2] for b in nums) and
            min(b[2] for b in desc) > max(b[4] for b in keys),
            "wrapped description words stay between their neighbour columns",
            "desc %.1f..%.1f, keys end %.1f, numbers start %.1f" %
            (min(b[2] for b in desc), max(b[4] for b in desc), max(b[4] for b in keys),
             min(b[2] for b in nums)))
    T.check(any(b[1] == "bảng" and b[3] > h[3] + 5 for b in boxes for h in hang[:1]),
            "description cells wrap onto a second line", "")
    T.check(max(b[4] for b in boxes) <= W - M + 0.5 and min(b[2] for b in boxes) >= M - 0.5,
            "the table stays inside the measure", "x %.1f..%.1f" %
            (min(b[2] for b in boxes), max(b[4] for b in boxes)))
    key_w = max(b[4] for b in keys) - min(b[2] for b in keys)
    T.check(key_w < 60, "the short 'Số' column stays narrow (min/max content widths)",
            "%.1f pt" % key_w)

# ---- rules from the stylesheet: under every row ------------------------------------------------
trace = ET.fromstring(e2elib.run(["mutool", "trace", pdf, "1"]).out)
rules = 0
for el in trace.iter("stroke_path"):
    pts = [(float(p.get("x")), float(p.get("y"))) for p in el if p.get("x") is not None]
    if len(pts) == 2 and abs(pts[0][1] - pts[1][1]) < 0.01 and abs(pts[1][0] - pts[0][0]) > 300:
        rules += 1
rows_p1 = len([b for b in keys if b[0] == 1])
T.check(rules >= rows_p1 + 2, "page 1: a rule above the table, under the header and under each row",
        "%d rules for %d rows" % (rules, rows_p1))

# ---- narrow table: no wider than its content ------------------------------------------------------
md2 = T.path("narrow.md")
with open(md2, "w") as f:
    f.write("| a | b |\n|---|---|\n| x | y |\n")
pdf2 = T.path("narrow.pdf")
r = T.sapchu([md2, "-o", pdf2])
if T.check(r.code == 0, "a small table converts", r.describe()):
    tr = ET.fromstring(e2elib.run(["mutool", "trace", pdf2]).out)
    widths = []
    for el in tr.iter("stroke_path"):
        pts = [float(p.get("x")) for p in el if p.get("x") is not None]
        if len(pts) == 2:
            widths.append(abs(pts[1] - pts[0]))
    T.check(widths and max(widths) < 100, "a two-letter table is as narrow as its content",
            "rule widths %s" % widths)

# ---- a cell taller than a page is split, nothing lost -------------------------------------------
words = ["từ%d" % i for i in range(1, 1801)]
md3 = T.path("tall.md")
with open(md3, "w") as f:
    f.write("| Tiêu đề | Nội dung |\n|---|---|\n| ô một | " + " ".join(words) + " |\n| ô hai | KẾT |\n")
pdf3 = T.path("tall.pdf")
r = T.sapchu([md3, "-o", pdf3])
if T.check(r.code == 0, "a table with a cell taller than a page converts", r.describe()):
    pg = e2elib.pdftotext_pages(pdf3)
    got = [w for p in pg for w in p.split() if w.startswith("từ")]
    T.check(len(pg) >= 2, "the tall row runs over pages", "%d page(s)" % len(pg))
    T.check(got == words, "every word of the tall cell printed once, in order",
            "%d of %d; first missing: %s" % (len(got), len(words),
                                            next((w for w in words if w not in got), None)))
    T.check(all(p.split()[:3] == ["Tiêu", "đề", "Nội"] for p in pg if p.strip()),
            "the header row starts every page of the split row", str([p.split()[:4] for p in pg]))
    T.check("KẾT" in pg[-1], "the row after the tall one follows it", pg[-1][-200:])
T.finish()
