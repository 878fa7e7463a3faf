#!/usr/bin/python3
"""Pictures in the EPUB: a PNG (written here) and a JPEG (fixture) are packaged once each as
EPUB/images/imgNNN.*, byte for byte, declared in the manifest with their media types and shown
with <img src alt>; a missing picture, a remote one and one outside the document's folder keep
their alt text, with warnings; epubcheck reports 0 errors and 0 warnings."""
import os
import re
import shutil
import struct
import zipfile
import zlib

import e2elib

T = e2elib.Test(__doc__)
FIX = os.path.join(T.src, "tests", "fixtures", "images")

doc_dir = T.path("doc")
os.makedirs(doc_dir)
raw = b"".join(b"\x00" + b"\xc8\x28\x28" * 20 for _ in range(10))


def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)


png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20, 10, 8, 2, 0, 0, 0)) +
       chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
os.makedirs(os.path.join(doc_dir, "img"))
with open(os.path.join(doc_dir, "img", "red dot.png"), "wb") as f:
    f.write(png)
shutil.copy(os.path.join(FIX, "exif6.jpg"), doc_dir)
with open(os.path.join(T.work, "outside.png"), "wb") as f:
    f.write(png)
md = os.path.join(doc_dir, "book.md")
with open(md, "w") as f:
    f.write("""# Sách có hình

![Một chấm đỏ](img/red%20dot.png "Chấm đỏ")

Văn bản giữa hai hình.

![Ảnh xoay](exif6.jpg)

Lại chấm đỏ: ![Chấm đỏ lần hai](img/red%20dot.png) trong câu.

![Hình không có](missing.png)

![Hình từ xa](http://example.invalid/a.png)

![Hình bên ngoài](../outside.png)
""")
epub = T.path("book.epub")
r = T.sapchu([md, "-o", epub])
if not T.check(r.code == 0 and os.path.exists(epub), "sapchu writes the EPUB, exit 0",
               r.describe() + e2elib.signal_note(r.code)):
    T.finish()
err = r.errtext
for name, why in (("missing.png", "No such file"), ("http://example.invalid/a.png", "never fetched"),
                  ("../outside.png", "outside")):
    T.check(any(name in l and why in l and "warning" in l for l in err.splitlines()),
            "a warning for %s (%s)" % (name, why), err[:800])

z = zipfile.ZipFile(epub)
names = z.namelist()
imgs = sorted(n for n in names if n.startswith("EPUB/images/"))
T.check(imgs == ["EPUB/images/img001.png", "EPUB/images/img002.jpg"],
        "two pictures packaged, numbered in document order", str(imgs))
if "EPUB/images/img001.png" in names:
    T.check(z.read("EPUB/images/img001.png") == png, "the PNG is packaged byte for byte")
if "EPUB/images/img002.jpg" in names:
    with open(os.path.join(FIX, "exif6.jpg"), "rb") as f:
        T.check(z.read("EPUB/images/img002.jpg") == f.read(), "the JPEG is packaged byte for byte")
opf = z.read("EPUB/package.opf").decode()
T.check(re.search(r'<item id="img001" href="images/img001.png" media-type="image/png"\s*/>', opf),
        "manifest: img001.png as image/png", opf[:1500])
T.check(re.search(r'<item id="img002" href="images/img002.jpg" media-type="image/jpeg"\s*/>', opf),
        "manifest: img002.jpg as image/jpeg", opf[:1500])
xhtml = "".join(z.read(n).decode() for n in names if n.endswith(".xhtml") and "nav" not in n)
T.check(re.search(r'<img src="images/img001.png" alt="Một chấm đỏ" title="Chấm đỏ"\s*/>', xhtml),
        "<img> with src, alt and title", xhtml[:2000])
T.check(len(re.findall(r'<img src="images/img001.png"', xhtml)) == 2,
        "the PNG shown twice from one file")
T.check('<img src="images/img002.jpg" alt="Ảnh xoay"' in xhtml, "the JPEG shown")
T.check(len(re.findall(r"<img ", xhtml)) == 3, "no <img> for pictures that cannot be packaged")
for alt in ("Hình không có", "Hình từ xa", "Hình bên ngoài"):
    T.check(re.search(r"<span[^>]*>%s</span>" % alt, xhtml), "alt text '%s' stands in" % alt)

chk = e2elib.run(["java", "-jar", e2elib.EPUBCHECK_JAR, epub], timeout=150)
summary = [l for l in chk.text.splitlines() + chk.errtext.splitlines() if "Messages:" in l]
T.check(chk.code == 0 and summary and "0 fatals / 0 errors / 0 warnings" in summary[0],
        "epubcheck: 0 fatals / 0 errors / 0 warnings", (chk.text + chk.errtext)[-1500:])
T.finish()
