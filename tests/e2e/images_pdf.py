#!/usr/bin/python3
"""Pictures in the PDF: PNGs written here with zlib, JPEGs from tests/fixtures/images (one with EXIF
orientation 6). Checks with mutool trace (each picture's matrix: size, place, turn), pdfimages
(each picture embedded once), pdftoppm (the turned picture really shows its left half on top),
pdftotext (captions, alt text of pictures that cannot be drawn inside a stroked frame) and the
warnings on stderr: missing file, damaged PNG, GIF, remote URL (never fetched), a path leaving the
document's folder. The document is still written (exit 0)."""
import os
import re
import shutil
import struct
import zlib
import xml.etree.ElementTree as ET

import e2elib

T = e2elib.Test(__doc__)
W, H = e2elib.A4
M = e2elib.MARGIN
TEXT_W, TEXT_H = W - 2 * M, H - 2 * M
FIX = os.path.join(T.src, "tests", "fixtures", "images")


def png(path, w, h, color, dpi=None):
    raw = b"".join(b"\x00" + bytes(color) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    if dpi:
        ppm = round(dpi / 0.0254)
        out += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    out += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(out)
    return out


doc_dir = T.path("doc")
os.makedirs(doc_dir)
png(os.path.join(doc_dir, "small.png"), 200, 100, (200, 40, 40))          # 150 x 75 pt at 96 dpi
png(os.path.join(doc_dir, "wide.png"), 2000, 500, (40, 40, 200))          # wider than the measure
png(os.path.join(doc_dir, "tall.png"), 300, 3000, (40, 160, 40), dpi=72)  # taller than a page
good = png(os.path.join(doc_dir, "bad.png"), 50, 50, (0, 0, 0))
i = good.index(b"IDAT")
n = struct.unpack(">I", good[i - 4:i])[0]
body = bytearray(good[i + 4:i + 4 + n])
body[5:15] = b"\xff" * 10  # damaged deflate data with a correct CRC: only decoding finds it
with open(os.path.join(doc_dir, "bad.png"), "wb") as f:
    f.write(good[:i + 4] + bytes(body) + struct.pack(">I", zlib.crc32(b"IDAT" + bytes(body)) & 0xFFFFFFFF)
            + good[i + 8 + n:])


def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)


# an Adam7-interlaced PNG (libharu's loader refuses these): 16x16, seven passes of sub-images
passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
iraw = b"".join(b"\x00" + b"\x1e\xc8\x1e" * len(range(x0, 16, dx))
                for x0, y0, dx, dy in passes for _ in range(len(range(y0, 16, dy))))
with open(os.path.join(doc_dir, "inter.png"), "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 1)) +
            chunk(b"IDAT", zlib.compress(iraw)) + chunk(b"IEND", b""))
with open(os.path.join(doc_dir, "anim.gif"), "wb") as f:
    f.write(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
for name in ("exif6.jpg", "green-150dpi.jpg"):
    shutil.copy(os.path.join(FIX, name), doc_dir)
with open(os.path.join(FIX, "green-150dpi.jpg"), "rb") as f:
    jpeg = f.read()
with open(os.path.join(doc_dir, "cut.jpg"), "wb") as f:  # headers whole, coded data cut short
    f.write(jpeg[:int(len(jpeg) * 0.7)])
with open(os.path.join(T.work, "secret.png"), "wb") as f:  # outside the document's folder
    f.write(good)

md = os.path.join(doc_dir, "pictures.md")
with open(md, "w") as f:
    f.write("""# Pictures

Some text before the pictures.

![A small red picture](small.png)

![Wide blue](wide.png "The title is the caption")

![Turned by EXIF](exif6.jpg)

![Green at 150 dpi](green-150dpi.jpg)

![Small again](small.png)

![Missing one picture](nothere.png)

![Damaged PNG picture](bad.png)

![Animated GIF picture](anim.gif)

![Interlaced PNG picture](inter.png)

![Cut JPEG picture](cut.jpg)

![Remote picture](https://example.invalid/x.png)

![Escaping picture](../secret.png)

![Tall green](tall.png)
""")
pdf = T.path("pictures.pdf")
r = T.sapchu([md, "-o", pdf])
T.check(r.code == 0 and os.path.exists(pdf), "sapchu exits 0 and writes the PDF despite bad pictures",
        r.describe() + e2elib.signal_note(r.code))
if r.code != 0 or not os.path.exists(pdf):
    T.finish()
err = r.errtext
for name, why in (("nothere.png", "No such file"), ("bad.png", "damaged"), ("anim.gif", "GIF"),
                  ("https://example.invalid/x.png", "never fetched"), ("../secret.png", "outside"),
                  ("inter.png", "interlaced"), ("cut.jpg", "damaged")):
    line = [l for l in err.splitlines() if "warning" in l and name in l]
    T.check(line and why in line[0], "a warning for %s says '%s'" % (name, why), "stderr: " + err[:1200])
T.check(err.count("warning") == 7, "exactly those seven warnings", "stderr: " + err[:1200])
T.check(re.search(r"pictures\.md:\d+:\d+: warning: picture 'nothere\.png'", err) is not None,
        "the warning names the file, line and column", err[:300])

# ---- each picture's matrix (mutool trace: device space, y down; the unit square's (0,0) is the
# picture's top-left corner) ---------------------------------------------------------------------
trace = e2elib.run(["mutool", "trace", pdf])
root = ET.fromstring(trace.out)
images = []  # (page, [a b c d e f], width px, height px)
strokes = []  # (page, x0, y0, x1, y1) of stroked paths
for page in root.iter("page"):
    pno = int(page.get("number"))
    for el in page.iter():
        if el.tag == "fill_image":
            images.append((pno, [float(v) for v in el.get("transform").split()],
                           int(el.get("width")), int(el.get("height"))))
        elif el.tag == "stroke_path":
            a, b, c, d, e, f = [float(v) for v in el.get("transform").split()]
            pts = [(float(p.get("x")), float(p.get("y"))) for p in el if p.get("x") is not None]
            dev = [(a * x + c * y + e, b * x + d * y + f) for x, y in pts]
            if dev:
                xs, ys = [p[0] for p in dev], [p[1] for p in dev]
                strokes.append((pno, min(xs), min(ys), max(xs), max(ys)))

T.check(len(images) == 6, "six pictures drawn (small twice, wide, turned, green, tall)",
        "got %d: %s" % (len(images), [(i[2], i[3]) for i in images]))


def near(a, b, eps=0.05):
    return abs(a - b) <= eps


def find(wpx, hpx):
    return [im for im in images if im[2] == wpx and im[3] == hpx]


small = find(200, 100)
if T.check(len(small) == 2, "small.png drawn twice", str(len(small))):
    a, b, c, d, e, f = small[0][1]
    T.check(near(a, 150) and near(d, 75) and near(b, 0) and near(c, 0),
            "small.png at its natural size: 200x100 px at 96 dpi = 150x75 pt", str(small[0][1]))
    T.check(near(e, M + (TEXT_W - 150) / 2, 0.1), "small.png centred in the measure",
            "x %.3f, expected %.3f" % (e, M + (TEXT_W - 150) / 2))
wide = find(2000, 500)
if T.check(len(wide) == 1, "wide.png drawn once"):
    a, b, c, d, e, f = wide[0][1]
    T.check(near(a, TEXT_W, 0.1) and near(d, TEXT_W / 4, 0.1) and near(e, M, 0.1),
            "wide.png scaled to the measure (%.2f pt), aspect kept" % TEXT_W, str(wide[0][1]))
turned = find(40, 20)
if T.check(len(turned) == 1, "exif6.jpg drawn once"):
    a, b, c, d, e, f = turned[0][1]
    # EXIF 6 = turn 90 degrees clockwise: the stored rows run down the page, the stored top row
    # is the right-hand column. 40x20 px stored -> 15 pt wide, 30 pt tall.
    T.check(near(a, 0) and near(b, 30) and near(c, -15) and near(d, 0),
            "exif6.jpg turned a quarter clockwise into a 15x30 pt box", str(turned[0][1]))
green = find(300, 150)
if T.check(len(green) == 1, "green-150dpi.jpg drawn once"):
    a, b, c, d, e, f = green[0][1]
    T.check(near(a, 144) and near(d, 72), "green-150dpi.jpg: 300x150 px at 150 dpi = 144x72 pt",
            str(green[0][1]))
tall = find(300, 3000)
if T.check(len(tall) == 1, "tall.png drawn once"):
    pno, (a, b, c, d, e, f), _, _ = tall[0]
    T.check(d <= TEXT_H + 0.01 and near(a / d, 0.1, 0.001) and f >= M - 0.01 and f + d <= H - M + 0.01,
            "tall.png (3000 px at 72 dpi) shrunk to fit the text area's height, aspect kept",
            "%.2f x %.2f at y %.2f" % (a, d, f))
    T.check(pno > turned[0][0] if turned else False, "tall.png moved to a later page",
            "page %d" % pno)

# ---- each picture embedded once ------------------------------------------------------------------
lst = [l.split() for l in e2elib.run(["pdfimages", "-list", pdf]).text.splitlines()[2:] if l.strip()]
objects = {}  # object number -> (width, height); a picture drawn twice is one object
for cols in lst:
    objects.setdefault(int(cols[10]), set()).add((int(cols[3]), int(cols[4])))
uniq = sorted({(im[2], im[3]) for im in images})
T.check(len(lst) == len(images) and len(objects) == len(uniq) and
        all(len(v) == 1 for v in objects.values()),
        "pdfimages: each distinct picture is one image object (%d objects, %d drawings)"
        % (len(uniq), len(images)), "pdfimages: %s" % lst)
T.check(any(cols[8] == "jpeg" and cols[3] == "40" for cols in lst),
        "the JPEG is embedded as it is (DCT)", str(lst))

# ---- the turned picture really shows its left half (red) on top (pdftoppm at 72 dpi) ------------
if turned:
    pno, (a, b, c, d, e, f), _, _ = turned[0]
    ppm = T.path("page")
    e2elib.run(["pdftoppm", "-r", "72", "-f", str(pno), "-l", str(pno), pdf, ppm])
    files = [x for x in os.listdir(T.work) if x.startswith("page") and x.endswith(".ppm")]
    with open(os.path.join(T.work, files[0]), "rb") as fh:
        data = fh.read()
    parts = data.split(maxsplit=4)
    pw, ph, pix = int(parts[1]), int(parts[2]), parts[4]

    def rgb(x, y):
        o = (int(y) * pw + int(x)) * 3
        return tuple(pix[o:o + 3])
    x_mid = e + c / 2  # c < 0: the box spans [e + c, e]
    top, bottom = rgb(x_mid, f + 0.25 * b), rgb(x_mid, f + 0.75 * b)
    T.check(top[0] > 150 and top[2] < 100 and bottom[2] > 150 and bottom[0] < 100,
            "the stored left half (red) shows on top, the right half (blue) below",
            "top %s, bottom %s" % (top, bottom))

# ---- captions and alt-text boxes -----------------------------------------------------------------
words = e2elib.mutool_glyphs(pdf)[0]
text = "".join(e2elib.pdftotext_pages(pdf))
flat = " ".join(text.split())
for cap in ("A small red picture", "The title is the caption", "Turned by EXIF", "Green at 150 dpi"):
    T.check(cap in flat, "caption '%s' printed" % cap, flat[:400])
T.check("Wide blue" not in flat, "a title wins over the alt text as caption", flat[:400])
for alt in ("Missing one picture", "Damaged PNG picture", "Animated GIF picture", "Remote picture",
            "Escaping picture", "Interlaced PNG picture", "Cut JPEG picture"):
    T.check(alt in flat, "alt text '%s' stands in" % alt, flat[:600])


def glyphs_of(text):
    """Glyphs of the first place `text` is drawn (mutool trace order; spaces are glyphs too)."""
    s = "".join(g.uni or "?" for g in words)
    k = s.find(text)
    return words[k:k + len(text)] if k >= 0 and len(s) == len(words) else []


for alt in ("Missing one picture", "Damaged PNG picture"):
    gl = glyphs_of(alt)
    if not T.check(gl, "glyphs of '%s' found" % alt):
        continue
    x0, x1 = min(g.x for g in gl), max(g.x for g in gl)
    y = gl[0].y
    inside = [s for s in strokes if s[0] == gl[0].page and s[1] < x0 and s[3] > x1 and s[2] < y < s[4]]
    T.check(inside, "'%s' sits inside a stroked frame" % alt,
            "glyphs x %.1f..%.1f y %.1f; frames %s" % (x0, x1, y, strokes[:6]))

T.check(e2elib.run(["qpdf", "--check", pdf]).code == 0, "qpdf --check passes")
T.finish()
