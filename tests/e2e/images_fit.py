#!/usr/bin/python3
"""A picture that does not fit the rest of a page: scaled into it, caption included, when it keeps
at least 60 % of its size (the text after it goes on the next page); else it moves to the next page
whole, at its natural size. Checked on mutool trace's image matrices and pdftotext per page."""
import os
import re
import struct
import zlib

import e2elib

T = e2elib.Test(__doc__)
W, H = e2elib.A4
M = e2elib.MARGIN
PARA = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. ") * 6


def png(path, w, h):
    raw = b"".join(b"\x00" + bytes((200, 30, 30)) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def images(pdf):
    """[(page, width, height, bottom y from the top)] of every drawn picture."""
    out = []
    pages = int(re.search(r"Pages:\s+(\d+)", e2elib.run(["pdfinfo", pdf]).text).group(1))
    for p in range(1, pages + 1):
        trace = e2elib.run(["mutool", "trace", pdf, str(p)]).text
        for m in re.finditer(r'<fill_image [^>]*transform="([^"]+)"', trace):
            a, _, _, d, _, f = (float(v) for v in m.group(1).split())
            out.append((p, a, d, H - f))
    return out, pages


d = T.path("doc")
os.makedirs(d)
png(os.path.join(d, "pic.png"), 600, 400)  # 450 x 300 pt at 96 dpi
for name, paras in (("shrinks", 8), ("moves", 9)):
    src = os.path.join(d, name + ".md")
    with open(src, "w") as f:
        f.write("\n\n".join([PARA] * paras) + "\n\n![A red picture](pic.png)\n\nAfter the picture.\n")
    pdf = T.path(name + ".pdf")
    r = T.sapchu([src, "-o", pdf])
    T.check(r.code == 0, "%s: converts" % name, r.describe())
    imgs, pages = images(pdf)
    T.check(len(imgs) == 1, "%s: one picture drawn" % name, str(imgs))
    if len(imgs) != 1:
        continue
    page, w, h, bottom = imgs[0]
    texts = [e2elib.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"]).text
             for p in range(1, pages + 1)]
    cap_page = next((i + 1 for i, t in enumerate(texts) if "A red picture" in t), None)
    T.check(cap_page == page, "%s: the caption is on the picture's page" % name,
            "picture on %d, caption on %s" % (page, cap_page))
    T.check(bottom <= H - M + 0.5, "%s: the picture ends inside the text area" % name,
            "bottom at %.1f" % bottom)
    T.check(abs(w / h - 1.5) < 0.01, "%s: the picture keeps its proportions" % name, "%.1f x %.1f" % (w, h))
    before = texts[page - 1]
    if name == "shrinks":
        T.check(180 <= h < 299, "shrinks: scaled into the rest of the page (60-100 % of 300 pt)",
                "%.1f pt high" % h)
        T.check("Lorem" in before.split("A red picture")[0], "shrinks: text stands above it on its page",
                before[:200])
    else:
        T.check(abs(h - 300) < 0.5, "moves: set whole at its natural size on the next page", "%.1f pt" % h)
        T.check(before.strip().startswith("A red picture") or "Lorem" not in before.split("A red picture")[0],
                "moves: it starts its page", before[:200])
T.finish()
