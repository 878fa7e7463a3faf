"""e2e_fonts_user: fonts of the user's choice. A --style sheet names a family found through
--font-dir: Charis SIL (TrueType, fonts-sil-charis) and Latin Modern Roman (OpenType CFF,
fonts-lmodern), each with Vietnamese text. Each is embedded (pdffonts: its name, CID TrueType or
CID Type 0C, emb/sub/uni yes; qpdf --check clean), the text extracts as written (pdftotext), and
the glyph ids and offsets equal hb-shape's with that font file (mutool trace). A face inside a
collection (.ttc and CFF .otc built here from two fonts each) is used by its face index. A family neither bundled nor
in a font folder ("DejaVu Sans") is found through fontconfig."""
import os
import re
import shutil
import struct
import e2elib

t = e2elib.Test(__doc__)

CHARIS_DIR = "/usr/share/fonts/truetype/charis"
LM_DIR = "/usr/share/texmf/fonts/opentype/public/lm"
TEXT = ("# Tiếng Việt có dấu\n\n"
        "Trăm năm trong cõi người ta, chữ tài chữ mệnh khéo là ghét nhau. "
        "Trải qua một cuộc bể dâu, những điều trông thấy mà đau đớn lòng.\n\n"
        "*Nghiêng* và **đậm**: Hà Nội, Huế, Sài Gòn — ngày 2/9/1945.\n")
WORDS = "Trăm năm trong cõi người ta, chữ tài chữ mệnh khéo là ghét nhau.".split()

src = t.path("viet.md")
with open(src, "w", encoding="utf-8") as f:
    f.write(TEXT)


def upem_of(path, index):
    """unitsPerEm from the 'head' table of face `index` of a font file or collection."""
    with open(path, "rb") as f:
        d = f.read()
    base = struct.unpack(">I", d[12 + 4 * index:16 + 4 * index])[0] if d[:4] == b"ttcf" else 0
    n = struct.unpack(">H", d[base + 4:base + 6])[0]
    for i in range(n):
        tag, _, off, _ = struct.unpack(">4sIII", d[base + 12 + 16 * i:base + 28 + 16 * i])
        if tag == b"head":
            return struct.unpack(">H", d[off + 18:off + 20])[0]
    raise RuntimeError("no head table in %s" % path)


def fc_file(family, style="Regular"):
    r = e2elib.run(["fc-match", "-f", "%{file}", "%s:style=%s" % (family, style)])
    return r.text.strip()


def check_pdf(name, pdf, r, ps_names, font_type, files, index=0):
    """Exit 0 without warnings, the fonts embedded as font_type, text and glyphs right."""
    if not t.check(r.code == 0 and os.path.isfile(pdf), "%s: exit 0, PDF written" % name,
                   r.describe() + e2elib.signal_note(r.code)):
        return
    t.check(not r.errtext.strip(), "%s: no warning" % name, r.errtext[:600])
    q = e2elib.run(["qpdf", "--check", pdf])
    t.check(q.code == 0, "%s: qpdf --check is clean" % name, (q.text + q.errtext)[-600:])
    pf = e2elib.run(["pdffonts", pdf]).text.splitlines()[2:]
    rows = {}
    for line in pf:
        m = re.match(r"([A-Z]{6})\+(\S+)\s+(.+?)\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)", line)
        if m:
            rows[m.group(2)] = (m.group(3).strip(), m.group(4), m.group(5), m.group(6))
    for ps in ps_names:
        row = rows.get(ps)
        t.check(row is not None, "%s: pdffonts lists %s" % (name, ps), "pdffonts:\n" + "\n".join(pf))
        if row:
            t.check(row == (font_type, "yes", "yes", "yes"),
                    "%s: %s is %s, embedded, subset, with ToUnicode" % (name, ps, font_type),
                    "pdffonts row: %r" % (row,))
    words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
    t.check(all(w in words for w in WORDS), "%s: pdftotext gives the Vietnamese words" % name,
            "missing %s in %s" % ([w for w in WORDS if w not in words], words[:40]))
    glyphs = trace_glyphs(pdf)
    used = sorted({g.ps_name for g in glyphs})
    t.check(set(ps_names) <= set(used), "%s: the text is drawn in %s" % (name, ", ".join(ps_names)),
            "fonts drawn: %s" % used)
    t.check(all(g.gid not in (0, "0", ".notdef") for g in glyphs), "%s: no .notdef glyph" % name,
            "%d .notdef glyphs" % sum(1 for g in glyphs if g.gid in (0, "0", ".notdef")))
    runs = [r_ for r_ in e2elib.group_runs(glyphs) if r_[0].ps_name in ps_names]
    compared, bad = compare_with_hb(files, runs, index)
    t.check(compared >= 20 and not bad,
            "%s: glyphs (ids, or names for CFF) and offsets of %d words = hb-shape with the font "
            "file" % (name, compared), "; ".join(bad[:5]) or "only %d words compared" % compared)


def trace_glyphs(pdf):
    """mutool trace's glyphs as e2elib.Glyph, gid kept as printed: an id, or (CFF fonts with a
    charset) the glyph's name."""
    import xml.etree.ElementTree as ET
    r = e2elib.run(["mutool", "trace", pdf])
    out = []
    for page in ET.fromstring(r.out).iter("page"):
        pno = int(page.get("number"))
        for ft in page.iter():
            if ft.tag != "fill_text":
                continue
            a, b, c, d, e, f = [float(v) for v in ft.get("transform").split()]
            for span in ft.iter("span"):
                trm = [float(v) for v in span.get("trm").split()]
                size = abs(trm[0] * a) if trm[0] else abs(trm[1] * b)
                for g in span.iter("g"):
                    x, y = float(g.get("x")), float(g.get("y"))
                    out.append(e2elib.Glyph(pno, span.get("font"), size, g.get("glyph"),
                                            g.get("unicode", ""), a * x + c * y + e,
                                            b * x + d * y + f, float(g.get("adv", "0"))))
    return out


HB = re.compile(r"([^|=\[\]]+)=(\d+)(?:@(-?\d+),(-?\d+))?\+(-?\d+)")


def hb_shape(path, index, texts, names):
    tf = t.path("hb-input.txt")
    with open(tf, "w", encoding="utf-8") as f:
        f.write("\n".join(texts) + "\n")
    cmd = ["hb-shape", "--font-file=" + path, "--face-index=%d" % index, "--language=vi",
           "--text-file=" + tf]
    r = e2elib.run(cmd + ([] if names else ["--no-glyph-names"]))
    return [HB.findall(line) for line in r.text.splitlines()]


def compare_with_hb(files, runs, index):
    """Each word's glyphs = hb-shape's (ids, or names when mutool shows names) and its glyph
    offsets from the word's first glyph = hb-shape's advances and offsets (0.02 pt)."""
    words = [(run[0].ps_name, run[0].size, wd) for run in runs for wd in e2elib.split_words(run)
             if any(g.gid is not None for g in wd)]
    bad, compared = [], 0
    for ps in sorted({w[0] for w in words}):
        idx = [i for i, w in enumerate(words) if w[0] == ps]
        path, _ = files[ps]
        upem = upem_of(path, index)
        texts = ["".join(g.uni for g in words[i][2]) for i in idx]
        with_names = hb_shape(path, index, texts, True)
        with_ids = hb_shape(path, index, texts, False)
        for i, text, hn, hi in zip(idx, texts, with_names, with_ids):
            _, size, wd = words[i]
            pg = [g for g in wd if g.gid is not None]
            compared += 1
            want = [h[0] for h in hn] if not pg[0].gid.isdigit() else [h[0] for h in hi]
            if [g.gid for g in pg] != want:
                bad.append("%s word %r: PDF glyphs %s, hb-shape %s" % (ps, text, [g.gid for g in pg], want))
                continue
            s, pen, worst = size / upem, 0.0, 0.0
            for g, h in zip(pg, hi):
                ex = pg[0].x + (pen + int(h[2] or 0) - int(hi[0][2] or 0)) * s
                ey = pg[0].y - (int(h[3] or 0) - int(hi[0][3] or 0)) * s
                worst = max(worst, abs(g.x - ex), abs(g.y - ey))
                pen += int(h[4])
            if worst > e2elib.EPS:
                bad.append("%s word %r: glyph positions off hb-shape's by %.3f pt" % (ps, text, worst))
    return compared, bad


# 1. Charis SIL (TrueType outlines) from --font-dir.
css = t.path("charis.css")
with open(css, "w") as f:
    f.write('body, h1, h2, p, em, strong { font-family: "Charis SIL", serif; }\n')
pdf = t.path("charis.pdf")
r = t.sapchu([src, "--style", css, "--font-dir", CHARIS_DIR, "-o", pdf])
files = {"CharisSIL": (CHARIS_DIR + "/CharisSIL-Regular.ttf", 0),
         "CharisSIL-Bold": (CHARIS_DIR + "/CharisSIL-Bold.ttf", 0),
         "CharisSIL-Italic": (CHARIS_DIR + "/CharisSIL-Italic.ttf", 0)}
check_pdf("Charis SIL", pdf, r, ["CharisSIL", "CharisSIL-Bold", "CharisSIL-Italic"], "CID TrueType", files)

# 2. Latin Modern Roman (CFF outlines: embedded as bare CFF, FontFile3 /CIDFontType0C).
css = t.path("lm.css")
with open(css, "w") as f:
    f.write('body, h1, h2, p, em, strong { font-family: "Latin Modern Roman"; }\n')
pdf = t.path("lm.pdf")
r = t.sapchu([src, "--style", css, "--font-dir", LM_DIR, "-o", pdf])
files = {"LMRoman10-Regular": (LM_DIR + "/lmroman10-regular.otf", 0),
         "LMRoman10-Bold": (LM_DIR + "/lmroman10-bold.otf", 0),
         "LMRoman10-Italic": (LM_DIR + "/lmroman10-italic.otf", 0)}
check_pdf("Latin Modern Roman", pdf, r, ["LMRoman10-Regular", "LMRoman10-Bold", "LMRoman10-Italic"],
          "CID Type 0C", files)
if os.path.isfile(pdf):
    e2elib.run(["qpdf", "--qdf", "--object-streams=disable", pdf, t.path("lm-qdf.pdf")])
    with open(t.path("lm-qdf.pdf"), "rb") as f:
        body = f.read()
    t.check(re.search(rb"/FontFile3", body) and re.search(rb"/Subtype\s*/CIDFontType0C", body)
            and re.search(rb"/Subtype\s*/CIDFontType0\b(?!C)", body),
            "Latin Modern: a CIDFontType0 with FontFile3 /Subtype /CIDFontType0C (bare CFF)",
            "qpdf --qdf: FontFile3 %s, CIDFontType0C %s" % (b"/FontFile3" in body, b"/CIDFontType0C" in body))
    m = re.search(rb"%PDF-(\d\.\d)", body[:16])
    t.check(m and m.group(1) <= b"1.6", "Latin Modern: the PDF version stays at %s (no OpenType "
            "embedding, which needs 1.6)" % (m.group(1).decode() if m else "?"), "header %r" % body[:16])

# 3. A face inside a collection: a .ttc of DejaVu Serif (index 0) and Charis SIL (index 1).
def make_ttc(paths, out):
    fonts = []
    for p in paths:
        with open(p, "rb") as f:
            d = f.read()
        n = struct.unpack(">H", d[4:6])[0]
        tables = []
        for i in range(n):
            tag, csum, off, length = struct.unpack(">4sIII", d[12 + 16 * i:28 + 16 * i])
            tables.append((tag, csum, d[off:off + length]))
        fonts.append((d[:4], tables))
    header = 12 + 4 * len(fonts)
    dirs = [12 + 16 * len(tb) for _, tb in fonts]
    pos = header + sum(dirs)
    offsets, blobs, dir_bytes = [], [], b""
    data_pos = pos
    for (version, tables), dsize in zip(fonts, dirs):
        offsets.append(header + len(dir_bytes))
        n = len(tables)
        es = max(i for i in range(8) if (1 << i) <= n)
        d = version + struct.pack(">HHHH", n, 16 << es, es, n * 16 - (16 << es))
        for tag, csum, blob in tables:
            d += struct.pack(">4sIII", tag, csum, data_pos, len(blob))
            blobs.append(blob + b"\0" * (-len(blob) % 4))
            data_pos += len(blobs[-1])
        dir_bytes += d
    with open(out, "wb") as f:
        f.write(b"ttcf" + struct.pack(">HHI", 1, 0, len(fonts)))
        f.write(b"".join(struct.pack(">I", o) for o in offsets))
        f.write(dir_bytes)
        f.write(b"".join(blobs))


coll_dir = t.path("collection")
os.makedirs(coll_dir)
ttc = os.path.join(coll_dir, "Pair.ttc")
dejavu_serif = fc_file("DejaVu Serif")
if t.check(os.path.isfile(dejavu_serif), "DejaVu Serif is installed (fonts-dejavu-core)", dejavu_serif):
    make_ttc([dejavu_serif, CHARIS_DIR + "/CharisSIL-Regular.ttf"], ttc)
    lf = t.sapchu(["--list-fonts", "--font-dir", coll_dir])
    t.check(re.search(r"^Charis SIL\tfont-dir\t%s$" % re.escape(ttc), lf.text, re.M),
            "--list-fonts --font-dir shows Charis SIL in the collection", lf.text[:400])
    css = t.path("ttc.css")
    with open(css, "w") as f:
        f.write('body, h1, h2, p, em, strong { font-family: "Charis SIL"; font-weight: normal; font-style: normal; }\n')
    pdf = t.path("ttc.pdf")
    r = t.sapchu([src, "--style", css, "--font-dir", coll_dir, "-o", pdf])
    check_pdf("collection face 1", pdf, r, ["CharisSIL"], "CID TrueType", {"CharisSIL": (ttc, 1)}, index=1)

# 3b. A CFF collection (.otc): Latin Modern Roman regular (index 0) and bold (index 1).
otc_dir = t.path("otc")
os.makedirs(otc_dir)
otc = os.path.join(otc_dir, "LMPair.otc")
make_ttc([LM_DIR + "/lmroman10-regular.otf", LM_DIR + "/lmroman10-bold.otf"], otc)
css = t.path("otc.css")
with open(css, "w") as f:
    f.write('body, h1, h2, p, em, strong { font-family: "Latin Modern Roman"; font-weight: bold; '
            'font-style: normal; }\n')
pdf = t.path("otc.pdf")
r = t.sapchu([src, "--style", css, "--font-dir", otc_dir, "-o", pdf])
check_pdf("CFF collection face 1", pdf, r, ["LMRoman10-Bold"], "CID Type 0C",
          {"LMRoman10-Bold": (otc, 1)}, index=1)

# 4. A family that is neither bundled nor in a font folder: fontconfig finds it.
css = t.path("dejavu.css")
with open(css, "w") as f:
    f.write('body, h1, h2, p, em, strong { font-family: "DejaVu Sans"; }\n')
pdf = t.path("dejavu.pdf")
r = t.sapchu([src, "--style", css, "-o", pdf])
files = {"DejaVuSans": (fc_file("DejaVu Sans"), 0), "DejaVuSans-Bold": (fc_file("DejaVu Sans", "Bold"), 0),
         "DejaVuSans-Oblique": (fc_file("DejaVu Sans", "Oblique"), 0)}
check_pdf("DejaVu Sans (fontconfig)", pdf, r, ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"],
          "CID TrueType", files)

t.finish()
