#!/usr/bin/python3
"""Checks the PDFs test_pdf_writer wrote, with the real tools.

usage: test_pdf_writer_check.py CHECK OUT_DIR [NAME]
CHECK: qpdf | fonts | text | glyphs | meta | repro | nav
OUT_DIR holds NAME-1.pdf, NAME-2.pdf (two writes of one layout) and NAME-expect.json (glyph ids and
positions from HarfBuzz, the lines of text per page, the fonts, title and author). NAME: writer
(default, from test_pdf_writer) or cff (from test_pdf_cff)."""
import json
import os
import re
import subprocess
import sys
import unicodedata

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


NAME = "writer"


def pdf1(d):
    return os.path.join(d, NAME + "-1.pdf")


def pdf2(d):
    return os.path.join(d, NAME + "-2.pdf")


def run(*cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def qpdf_json(pdf):
    rc, out, err = run("qpdf", "--json", pdf)
    if rc != 0:
        raise SystemExit("FAIL: qpdf --json failed: " + err)
    return json.loads(out)


def is_flate(f):
    return f == "/FlateDecode" or f == ["/FlateDecode"]


def obj(j, ref):
    o = j["qpdf"][1]["obj:" + ref]
    return o.get("value", o.get("stream", {}).get("dict"))


def check_qpdf(d, ex):
    for name in (pdf1(d), pdf2(d)):
        rc, out, err = run("qpdf", "--check", name)
        if rc != 0 or "No syntax or stream encoding errors found" not in out or "WARNING" in out + err:
            fail(f"qpdf --check {name}: rc={rc}\n{out}{err}")


def check_fonts(d, ex):
    rc, out, err = run("pdffonts", pdf1(d))
    rows = out.splitlines()[2:]
    want = ex["fonts"]
    if rc != 0 or len(rows) != len(want):
        fail(f"pdffonts: expected {len(want)} fonts ({want}), got:\n{out}{err}")
    for r, (name, kind) in zip(rows, want):
        if not re.match(r"^[A-Z]{6}\+%s\s+%s\s+Identity-H\s+yes yes yes\s" % (re.escape(name), kind), r):
            fail(f"pdffonts: font is not 'TAG+{name} {kind} Identity-H yes yes yes': " + r)
    # The font program keeps the original glyph ids and is a subset: much smaller than the face.
    j = qpdf_json(pdf1(d))
    for key, o in j["qpdf"][1].items():
        v = o.get("value") or o.get("stream", {}).get("dict") or {}
        if isinstance(v, dict) and v.get("/Subtype") == "/CIDFontType0":
            ff = obj(j, obj(j, v["/FontDescriptor"])["/FontFile3"])
            if ff.get("/Subtype") != "/CIDFontType0C" or not is_flate(ff.get("/Filter")):
                fail(f"{key}: FontFile3 is not a compressed /CIDFontType0C: {ff}")
        if isinstance(v, dict) and v.get("/Subtype") == "/CIDFontType2":
            if v.get("/CIDToGIDMap") != "/Identity":
                fail(f"{key}: /CIDToGIDMap is not /Identity")
            w = v.get("/W")
            if not isinstance(w, list) or len(w) < 2:
                fail(f"{key}: no /W array")
            desc = obj(j, v["/FontDescriptor"])
            ff = obj(j, desc["/FontFile2"])
            if "/Length1" not in ff or not is_flate(ff.get("/Filter")):
                fail(f"{key}: FontFile2 lacks /Length1 or is not compressed: {ff}")


def page_texts(pdf):
    rc, out, err = run("pdftotext", "-enc", "UTF-8", pdf, "-")
    if rc != 0:
        fail("pdftotext failed: " + err)
    pages = out.split("\f")
    return [[ln for ln in p.splitlines() if ln.strip()] for p in pages if p.strip()]


def check_text(d, ex):
    got = page_texts(pdf1(d))
    want = ex["lines"]
    if got != want:
        fail("pdftotext text differs from the shaped text:\n got: %r\nwant: %r" % (got, want))
    for page in got:
        for ln in page:
            if unicodedata.normalize("NFC", ln) != ln:
                fail("pdftotext gives text that is not NFC: %r" % ln)
            if "  " in ln:
                fail("doubled space in %r" % ln)
    flat = "\n".join("\n".join(p) for p in got)
    if not ex.get("needles"):
        fail("the expectations name no ligatures or clusters to look for")
    for needle in ex.get("needles", []):
        if needle not in flat:
            fail("pdftotext lost %r (ligature or mark cluster)" % needle)
    if "\ufb03" in flat or "\ufb01" in flat:
        fail("a ligature came out as a presentation form")


def check_glyphs(d, ex):
    pdf = pdf1(d)
    rc, out, err = run("mutool", "trace", pdf)
    if rc != 0:
        fail("mutool trace failed: " + err)
        return
    got = []
    page = -1
    height = {}
    for line in out.splitlines():
        m = re.search(r'<page number="(\d+)" mediabox="[\d.]+ [\d.]+ [\d.]+ ([\d.]+)"', line)
        if m:
            page = int(m.group(1)) - 1
            height[page] = float(m.group(2))
            continue
        # A ligature's other characters follow it as entries without a glyph.
        m = re.search(r'<g [^>]*glyph="([^"]+)" x="([-\d.]+)" y="([-\d.]+)"', line)
        if m:
            gl = m.group(1)
            got.append((page, int(gl) if gl.isdigit() else gl, float(m.group(2)), float(m.group(3))))
    want = ex["glyphs"]
    if len(got) != len(want):
        fail(f"mutool trace shows {len(got)} glyphs, HarfBuzz gave {len(want)}")
    bad = 0
    for i, (g, w) in enumerate(zip(got, want)):
        wy = height[w["page"]] - w["y"]
        # Glyph ids for TrueType; name-keyed CFF fonts show glyph names (the CID is the glyph id).
        wg = w["gid"] if isinstance(g[1], int) else w["name"]
        if g[0] != w["page"] or g[1] != wg or abs(g[2] - w["x"]) > 0.01 or abs(g[3] - wy) > 0.01:
            bad += 1
            if bad <= 10:
                fail(f"glyph {i}: PDF has page {g[0]+1} gid {g[1]} at ({g[2]}, {g[3]}), "
                     f"HarfBuzz says page {w['page']+1} glyph {wg} at ({w['x']:.3f}, {wy:.3f})")
    if any(g[1] in (0, ".notdef") for g in got):
        fail("glyph 0 (.notdef) in the PDF")


def check_meta(d, ex):
    rc, out, err = run("pdfinfo", pdf1(d))
    info = dict(re.findall(r"^([^:]+):\s*(.*)$", out, re.M))
    expect = {"Title": ex["title"], "Author": ex["author"], "Creator": "sapchu",
              "Producer": "sapchu 0.1.0", "PDF version": "1.5", "Pages": "2",
              "CreationDate": "Fri Apr  2 00:00:00 2021 UTC", "ModDate": "Fri Apr  2 00:00:00 2021 UTC"}
    for k, v in expect.items():
        if info.get(k) != v:
            fail(f"pdfinfo {k}: {info.get(k)!r}, expected {v!r}")
    if not info.get("Page size", "").startswith("419.53 x 595.28"):
        fail("page size: " + info.get("Page size", "?"))
    with open(pdf1(d), "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF-1.5"):
        fail("header is not %PDF-1.5: %r" % data[:8])
    if b"+00'00'" not in data:
        fail("dates are not written with +00'00'")
    j = qpdf_json(pdf1(d))
    root = obj(j, j["qpdf"][1]["trailer"]["value"]["/Root"])
    if root.get("/Lang") != "u:vi":
        fail("catalog /Lang is %r, expected vi" % root.get("/Lang"))
    # Page contents are compressed.
    for p in j["pages"]:
        for c in p["contents"]:
            if not is_flate(obj(j, c).get("/Filter")):
                fail(f"page content {c} is not compressed")


def check_repro(d, ex):
    a = open(pdf1(d), "rb").read()
    b = open(pdf2(d), "rb").read()
    if a != b:
        fail("two writes of the same layout differ")
    m = re.search(rb"/ID \[ ?<([0-9A-Fa-f]{32})> ?<([0-9A-Fa-f]{32})> ?\]", a)
    if not m:
        fail("no trailer /ID from the content")


def check_nav(d, ex):
    j = qpdf_json(pdf1(d))
    root = obj(j, j["qpdf"][1]["trailer"]["value"]["/Root"])
    if root.get("/PageMode") != "/UseOutlines":
        fail("the viewer is not told to show the outline (/PageMode)")
    titles = []

    def walk(items, depth):
        for it in items:
            titles.append((depth, it["title"], it["destpageposfrom1"]))
            walk(it["kids"], depth + 1)

    walk(j["outlines"], 0)
    want = [(0, "Hội nghị Đảng bộ", 1), (1, "Chữ quốc ngữ", 1), (0, "Ghi chú", 2)]
    if titles != want:
        fail(f"outline {titles}, expected {want}")
    page1 = obj(j, j["pages"][0]["object"])
    annots = [obj(j, a) if isinstance(a, str) else a for a in page1.get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in annots if "/A" in a]
    if uris != ["u:https://vi.wikipedia.org/wiki/Ch%E1%BB%AF_Qu%E1%BB%91c_ng%E1%BB%AF"]:
        fail(f"URI annotations: {uris}")
    dests = [obj(j, a["/Dest"]) if isinstance(a["/Dest"], str) else a["/Dest"]
             for a in annots if "/Dest" in a]
    if len(dests) != 1 or dests[0][0] != j["pages"][1]["object"] or dests[0][1] != "/XYZ":
        fail(f"internal link does not go to page 2: {dests}")
    labels = [(pl["index"], pl["label"].get("/S"), pl["label"].get("/St")) for pl in j["pagelabels"]]
    if labels != [(0, "/r", 1), (1, "/D", 1)]:
        fail(f"page labels {labels}, expected i (title page without folio) then 1")
    for a in annots:
        if a.get("/Border") != [0, 0, 0]:
            fail(f"link has a visible border: {a.get('/Border')}")


CHECKS = {"qpdf": check_qpdf, "fonts": check_fonts, "text": check_text, "glyphs": check_glyphs,
          "meta": check_meta, "repro": check_repro, "nav": check_nav}

if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in CHECKS:
        sys.exit(__doc__)
    out_dir = sys.argv[2]
    if len(sys.argv) == 4:
        NAME = sys.argv[3]
    with open(os.path.join(out_dir, NAME + "-expect.json"), encoding="utf-8") as f:
        expected = json.load(f)
    CHECKS[sys.argv[1]](out_dir, expected)
    if failures:
        sys.exit(1)
    print("ok: " + sys.argv[1])
