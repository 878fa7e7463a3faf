"""e2e_html_inputs: HTML and XHTML pages (written by pandoc, hand-made broken markup, legacy
encodings) convert to PDF and EPUB whose words equal `pandoc -t plain` of the page (NFC on the
reference only; words sapchu drops on purpose - form controls, iframes, noscript - listed and
checked absent), with the page's headings as the PDF outline and the EPUB's headings, and its list
items, table cells, notes and images in the EPUB. Text in a legacy font (.VnTime) becomes
Unicode unless --keep-legacy-fonts. An external entity in XHTML is never read (its
text absent; with strace, the file never opened). Bytes that are not a page are a one-line error.
A linked stylesheet beside the page is used; one outside its folder is refused with a warning."""
import os
import shutil
import e2elib
import html_lib

t = e2elib.Test(__doc__)
fx = os.path.join(t.src, "tests", "fixtures")

DROPPED = ("OPTIONTEXT", "BUTTONTEXT", "NOSCRIPTTEXT", "IFRAMETEXT")
CASES = [  # (fixture, pandoc reader, encoding of the bytes, words sapchu drops, facts not compared)
    ("html/features.html", "html", "utf-8", (), ()),
    ("html/typesetting-notes.html", "html", "utf-8", (), ()),
    ("html/hoi-nghi-dang-bo-khcn-2021.html", "html", "utf-8", (), ()),
    # pandoc reads the broken table's cells as paragraphs; sapchu repairs it into a table
    ("html/broken.html", "html", "utf-8", DROPPED, ("cells",)),
    ("html/windows-1258.html", "html", "cp1258", (), ()),
    ("html/latin1.html", "html", "cp1252", (), ()),
    ("xhtml/features.xhtml", "html", "utf-8", (), ()),
]

for rel, fmt, enc, drop, skip in CASES:
    src = os.path.join(fx, rel)
    name = os.path.basename(rel)
    # the page's folder holds its picture: convert it where it lies, outputs into the work dir
    pdf, epub = t.path(name + ".pdf"), t.path(name + ".epub")
    r = t.sapchu([src, "-o", pdf])
    if not t.check(r.code == 0 and os.path.isfile(pdf), name + ": converts to PDF", r.describe() + e2elib.signal_note(r.code)):
        continue
    r2 = t.sapchu([src, "-o", epub])
    t.check(r2.code == 0 and os.path.isfile(epub), name + ": converts to EPUB", r2.describe() + e2elib.signal_note(r2.code))

    q = e2elib.run(["qpdf", "--check", pdf])
    t.check(q.code == 0, name + ": qpdf --check clean", q.text[-600:] + q.errtext[-600:])

    facts = html_lib.pandoc_structure(fmt, src, enc)
    ref = html_lib.reference_words(fmt, src, enc, drop=drop, notes=facts["notes"])
    got = html_lib.pdf_words(pdf)
    diff = html_lib.compare(t, name, ref, got)
    t.check(diff is None, "%s: PDF words equal pandoc -t plain's (%d words, %d notes)" % (name, len(ref[0]), ref[1]),
            "`pdftotext -layout %s -` against `pandoc -f %s -t plain %s`: %s" % (pdf, fmt, src, diff))
    for w in drop:
        t.check(w not in " ".join(got), "%s: dropped content '%s' is not in the PDF" % (name, w))

    outline = html_lib.pdf_outline(pdf)
    want = html_lib.nest(facts["headings"])
    t.check(outline == want, "%s: the PDF outline lists the %d headings" % (name, len(want)),
            "expected %s, got %s" % (want, outline))
    if facts["images"]:
        n = html_lib.pdf_image_count(pdf)
        t.check(n == facts["images"], "%s: %d image(s) drawn in the PDF" % (name, facts["images"]),
                "pdfimages -list %s finds %d" % (pdf, n))

    if os.path.isfile(epub):
        ref_e = html_lib.reference_words(fmt, src, enc, list_numbers=False, drop=drop, notes=facts["notes"])
        diff = html_lib.compare(t, name, ref_e, e2elib.epub_spine_words(epub))
        t.check(diff is None, "%s: EPUB spine words equal pandoc -t plain's" % name,
                "%s against pandoc: %s" % (epub, diff))
        got_facts = html_lib.epub_structure(epub)
        for key in ("headings", "items", "cells", "notes", "images"):
            if key in skip:
                continue
            t.check(got_facts[key] == facts[key], "%s: EPUB %s as in the source" % (name, key),
                    "expected %s, got %s" % (facts[key], got_facts[key]))

# epubcheck on the richest page's EPUB (one run: java is slow)
features_epub = t.path("features.html.epub")
if os.path.isfile(features_epub):
    r, summary = e2elib.epubcheck(features_epub)
    t.check(r.code == 0 and "0 fatals / 0 errors / 0 warnings" in summary,
            "features.html.epub passes epubcheck (%s)" % summary, (r.text + r.errtext)[-1500:])

# ---- external entities are never read -----------------------------------------------------------
xxe = os.path.join(fx, "xhtml", "external-entity.xhtml")
pdf = t.path("external-entity.pdf")
r = t.sapchu([xxe, "-o", pdf])
if t.check(r.code == 0, "external-entity.xhtml converts", r.describe()):
    text = " ".join(html_lib.pdf_words(pdf))
    t.check("SECRETMARKER" not in text and "root:" not in text,
            "external-entity.xhtml: no text of the external entities in the PDF", text[:300])
    t.check("[]" in text and "sapchu converts documents" in text,
            "external-entity.xhtml: the rest of the text and the internal entity are there", text[:300])
    t.check("not expanded" in r.errtext, "external-entity.xhtml: a warning names the unexpanded entity",
            r.errtext)
probe = e2elib.run(["strace", "-f", "-e", "trace=open,openat", "true"])
if probe.code == 0:
    s = e2elib.run(["strace", "-f", "-e", "trace=open,openat,stat,newfstatat",
                    t.sapchu_bin, xxe, "-o", t.path("xxe-strace.pdf")],
                   # LeakSanitizer cannot run under ptrace: an ASan build is traced without it
                   env={"SOURCE_DATE_EPOCH": str(e2elib.EPOCH),
                        "ASAN_OPTIONS": "detect_leaks=0"})
    opened = [ln for ln in s.errtext.splitlines() if "secret.txt" in ln or "/etc/passwd" in ln]
    t.check(s.code == 0 and not opened, "external-entity.xhtml: strace shows neither entity file touched",
            "exit %s; %s" % (s.code, opened[:3]))
else:
    print("note: strace cannot trace here; the file-access check is left to the text check above")

# ---- bytes that are not a page; -f html; stylesheets ---------------------------------------------
binary = t.path("picture.html")
shutil.copy(os.path.join(fx, "html", "swatch.png"), binary)
r = t.sapchu([binary, "-o", t.path("picture.pdf")])
lines = [ln for ln in r.errtext.splitlines() if ln.strip()]
t.check(r.code == 1 and len(lines) == 1 and "not an HTML document" in lines[0] and "PNG" in lines[0],
        "a PNG named .html: exit 1 with one clear line", r.describe())
t.check(not os.path.exists(t.path("picture.pdf")), "nothing is left behind for the PNG")

page = t.path("page.txt")
with open(page, "w", encoding="utf-8") as f:
    f.write("<h1>Đầu đề</h1><p>Văn bản <em>trang</em>.</p>")
r = t.sapchu(["-f", "html", page, "-o", t.path("page.pdf")])
t.check(r.code == 0 and html_lib.pdf_outline(t.path("page.pdf")) == [(1, "Đầu đề")],
        "-f html reads a page whatever its extension", r.describe())

# the windows-1258 page without its <meta charset>: the encoding is found from the words
with open(os.path.join(fx, "html", "windows-1258.html"), "rb") as f:
    undeclared = f.read().replace(b'<meta charset="windows-1258">\n', b"")
nometa = t.path("undeclared-1258.html")
with open(nometa, "wb") as f:
    f.write(undeclared)
r = t.sapchu([nometa, "-v", "-o", t.path("undeclared.pdf")])
if t.check(r.code == 0, "an undeclared windows-1258 page converts", r.describe()):
    ref = html_lib.reference_words("html", nometa, "cp1258")
    diff = html_lib.compare(t, "undeclared-1258.html", ref, html_lib.pdf_words(t.path("undeclared.pdf")))
    t.check(diff is None and "Windows-1258" in r.errtext,
            "its encoding is detected (-v names Windows-1258) and its words are the page's", "%s; %s" % (diff, r.errtext))

# a page from the archives: text set in the TCVN3 font .VnTime ("Mét" is the bytes of "Một")
legacy = t.path("legacy.html")
with open(legacy, "w", encoding="utf-8") as f:
    f.write('<p><font face=".VnTime">Mét</font> hai <span style="font-family: .VnTime">ba</span></p>')
r = t.sapchu([legacy, "-o", t.path("legacy.pdf")])
t.check(r.code == 0 and html_lib.pdf_words(t.path("legacy.pdf")) == ["Một", "hai", "ba"],
        "text in a .VnTime font comes out as Unicode", r.describe())
r = t.sapchu([legacy, "--keep-legacy-fonts", "-o", t.path("legacy-kept.pdf")])
t.check(r.code == 0 and "Mét" in html_lib.pdf_words(t.path("legacy-kept.pdf")),
        "--keep-legacy-fonts leaves it as it is", r.describe())

os.makedirs(t.path("site"))
with open(t.path("site", "big.css"), "w") as f:
    f.write("p { font-size: 20pt }\n")
with open(t.path("outside.css"), "w") as f:
    f.write("p { font-size: 5pt }\n")
with open(t.path("site", "styled.html"), "w", encoding="utf-8") as f:
    f.write('<html><head><link rel="stylesheet" href="big.css"><link rel="stylesheet" href="../outside.css">'
            '</head><body><p>Chữ to.</p></body></html>')
spdf = t.path("styled.pdf")
r = t.sapchu([t.path("site", "styled.html"), "-o", spdf])
if t.check(r.code == 0, "a page with linked stylesheets converts", r.describe()):
    sizes = sorted({round(g.size, 1) for g in e2elib.mutool_glyphs(spdf)[0] if g.uni in "Chữto"})
    t.check(sizes == [20.0], "the linked stylesheet beside the page sets the size (20pt)", "glyph sizes %s" % sizes)
    t.check("outside.css" in r.errtext and "not read" in r.errtext,
            "the stylesheet outside the page's folder is refused with a warning", r.errtext)
t.finish()
