#!/usr/bin/python3
"""HTML tables and figures (the HTML reader's TABLE_CELL colspan/rowspan, FIGURE/FIGCAPTION) in
both outputs. PDF (pdftotext -bbox): a cell spanning two columns starts at the first, the cells
after a row-spanning cell sit one column to the right, a three-column cell is centred over the
table; the figure's picture is drawn (mutool trace) with its figcaption under it. EPUB: colspan
and rowspan attributes kept, <figure> with <img> and <figcaption>, epubcheck 0/0."""
import os
import re
import struct
import zipfile
import zlib
import xml.etree.ElementTree as ET

import e2elib

T = e2elib.Test(__doc__)


def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)


raw = b"".join(b"\x00" + b"\xc8\x28\x28" * 96 for _ in range(48))
with open(T.path("dot.png"), "wb") as f:  # 96x48 px = 72x36 pt
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 96, 48, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
html = T.path("doc.html")
with open(html, "w") as f:
    f.write("""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Bảng HTML</title></head><body>
<p>Mở đầu.</p>
<figure><img src="dot.png" alt="Chấm"><figcaption>Hình một: chấm đỏ</figcaption></figure>
<table>
<thead><tr><th>Acot</th><th colspan="2">Bcot-Ccot</th></tr></thead>
<tbody>
<tr><td rowspan="2">Gophai</td><td>Mot</td><td>Hai</td></tr>
<tr><td>Ba</td><td>Bon</td></tr>
<tr><td colspan="3" style="text-align: center">Cabacot</td></tr>
</tbody></table>
</body></html>
""")
pdf, epub = T.path("doc.pdf"), T.path("doc.epub")
r = T.sapchu([html, "-o", pdf])
if not T.check(r.code == 0 and r.errtext.strip() == "", "HTML -> PDF, exit 0, silent",
               r.describe() + e2elib.signal_note(r.code)):
    T.finish()
e2elib.run(["pdftotext", "-bbox", pdf, T.path("doc.bbox.html")])
ns = "{http://www.w3.org/1999/xhtml}"
words = {}
for w in ET.parse(T.path("doc.bbox.html")).iter(ns + "word"):
    words.setdefault(w.text, (float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                              float(w.get("yMax"))))
need = ["Acot", "Bcot-Ccot", "Gophai", "Mot", "Hai", "Ba", "Bon", "Cabacot", "Hình"]
if T.check(all(k in words for k in need), "every cell's text is in the PDF", str(sorted(words))):
    x = {k: words[k][0] for k in need}
    T.check(abs(x["Bcot-Ccot"] - x["Mot"]) < 0.5, "the colspan header starts over column 2",
            "%.2f vs %.2f" % (x["Bcot-Ccot"], x["Mot"]))
    T.check(abs(x["Ba"] - x["Mot"]) < 0.5 and abs(x["Bon"] - x["Hai"]) < 0.5,
            "cells after a rowspan move one column right",
            "Ba %.1f Mot %.1f Bon %.1f Hai %.1f" % (x["Ba"], x["Mot"], x["Bon"], x["Hai"]))
    T.check(abs(words["Gophai"][1] - words["Mot"][1]) < 0.5 and words["Ba"][1] > words["Mot"][1],
            "the rowspan cell starts on its first row")
    centre = (words["Cabacot"][0] + words["Cabacot"][2]) / 2
    left, right = x["Acot"], words["Hai"][2]
    T.check(left < centre < right and abs(centre - (left + right) / 2) < 12,
            "the three-column cell is centred across the table",
            "centre %.1f, table text %.1f..%.1f" % (centre, left, right))
trace = ET.fromstring(e2elib.run(["mutool", "trace", pdf]).out)
imgs = [[float(v) for v in e.get("transform").split()] for e in trace.iter("fill_image")]
if T.check(len(imgs) == 1, "the figure's picture is drawn", str(imgs)) and "Hình" in words:
    a, b, c, d, e, f = imgs[0]
    T.check(abs(a - 72) < 0.05 and abs(d - 36) < 0.05, "at 96 dpi: 72x36 pt", str(imgs[0]))
    T.check(words["Hình"][1] > f + d, "the figcaption is under the picture",
            "caption top %.1f, picture bottom %.1f" % (words["Hình"][1], f + d))

r = T.sapchu([html, "-o", epub])
if T.check(r.code == 0, "HTML -> EPUB, exit 0", r.describe()):
    z = zipfile.ZipFile(epub)
    x = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n)
    T.check('<th colspan="2">Bcot-Ccot</th>' in x, "colspan kept in the EPUB", x[-900:])
    T.check('<td rowspan="2">Gophai</td>' in x, "rowspan kept in the EPUB", x[-900:])
    T.check(re.search(r'<figure>\s*(<p>)?<img src="images/img001.png" alt="Chấm"/>(</p>)?\s*'
                      r'<figcaption>Hình một: chấm đỏ</figcaption>\s*</figure>', x),
            "<figure> with <img> and <figcaption>", x[:1500])
    chk = e2elib.run(["java", "-jar", e2elib.EPUBCHECK_JAR, epub], timeout=150)
    summary = [l for l in chk.text.splitlines() + chk.errtext.splitlines() if "Messages:" in l]
    T.check(chk.code == 0 and summary and "0 fatals / 0 errors / 0 warnings" in summary[0],
            "epubcheck: 0 fatals / 0 errors / 0 warnings", (chk.text + chk.errtext)[-1500:])
T.finish()
