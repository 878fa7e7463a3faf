"""e2e_epub_inputs: EPUBs written by pandoc convert to PDF and EPUB. The PDF is a printable book:
its words equal `pandoc -f epub -t plain` of the book (NFC on the reference only; the title page,
which pandoc's reader skips, may open it), each spine document starts a new page, the outline lists
the book's headings, its pictures are drawn. The EPUB written from it keeps the headings, list
items, table cells, notes and pictures and passes epubcheck. A zip that is not an EPUB is a
one-line error; references that leave the package are not followed."""
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
import e2elib
import html_lib

t = e2elib.Test(__doc__)
fx = os.path.join(t.src, "tests", "fixtures", "epub")


def source_facts(epub):
    """From the source book itself: its metadata, its spine documents' first words and the same
    structure facts html_lib reads from sapchu's EPUB."""
    z, opf_path, opf = e2elib.epub_package(epub)
    md = opf.find("opf:metadata", e2elib.NS)
    dc = "{http://purl.org/dc/elements/1.1/}"
    meta = [unicodedata.normalize("NFC", (md.findtext(dc + k) or "")).split() for k in ("title", "creator", "date")]
    facts = html_lib.epub_structure(epub)
    firsts = []
    base = os.path.dirname(opf_path)
    items = {it.get("id"): it for it in opf.find("opf:manifest", e2elib.NS)}
    for ref in opf.find("opf:spine", e2elib.NS):
        it = items[ref.get("idref")]
        root = ET.fromstring(z.read(os.path.normpath(os.path.join(base, it.get("href")))))
        words = e2elib.xhtml_text(root.find("x:body", e2elib.NS)).split()
        if words:
            firsts.append(unicodedata.normalize("NFC", " ".join(words[:3])))
    return meta, facts, firsts


for book in ("features.epub", "typesetting-notes.epub", "hoi-nghi-dang-bo-khcn-2021.epub"):
    src = os.path.join(fx, book)
    pdf, epub = t.path(book + ".pdf"), t.path(book + ".out.epub")
    r = t.sapchu([src, "-o", pdf])
    if not t.check(r.code == 0 and os.path.isfile(pdf), book + ": converts to PDF", r.describe() + e2elib.signal_note(r.code)):
        continue
    r2 = t.sapchu([src, "-o", epub])
    t.check(r2.code == 0 and os.path.isfile(epub), book + ": converts to EPUB", r2.describe())
    q = e2elib.run(["qpdf", "--check", pdf])
    t.check(q.code == 0, book + ": qpdf --check clean", q.text[-600:] + q.errtext[-600:])

    meta, facts, firsts = source_facts(src)
    ref = html_lib.reference_words("epub", src, notes=facts["notes"])
    got = html_lib.pdf_words(pdf)
    diff = html_lib.compare(t, book, ref, got, title_block=meta)
    t.check(diff is None, "%s: PDF words equal pandoc -f epub -t plain's (%d words, %d notes)" % (book, len(ref[0]), ref[1]),
            "`pdftotext -layout %s -` against `pandoc -f epub -t plain %s`: %s" % (pdf, src, diff))

    pages = [" ".join(p.split()) for p in e2elib.pdftotext_pages(pdf)]
    starts = [any(p.startswith(f) for p in pages) for f in firsts]
    t.check(all(starts), "%s: each of the %d spine documents starts a page" % (book, len(firsts)),
            "documents not at a page start: %s" % [f for f, s in zip(firsts, starts) if not s])

    want = html_lib.nest(facts["headings"])
    outline = html_lib.pdf_outline(pdf)
    t.check(outline == want, "%s: the PDF outline lists the %d headings" % (book, len(want)),
            "expected %s, got %s" % (want, outline))
    if facts["images"]:
        n = html_lib.pdf_image_count(pdf)
        t.check(n == facts["images"], "%s: %d picture(s) drawn" % (book, facts["images"]),
                "pdfimages -list finds %d" % n)
    if os.path.isfile(epub):
        got_facts = html_lib.epub_structure(epub)
        for key in ("headings", "items", "cells", "notes", "images"):
            t.check(got_facts[key] == facts[key], "%s: the EPUB written keeps the %s" % (book, key),
                    "expected %s, got %s" % (facts[key], got_facts[key]))

out = t.path("features.epub.out.epub")
if os.path.isfile(out):
    r, summary = e2elib.epubcheck(out)
    t.check(r.code == 0 and "0 fatals / 0 errors / 0 warnings" in summary,
            "features.epub -> EPUB passes epubcheck (%s)" % summary, (r.text + r.errtext)[-1500:])

# ---- wrong and hostile packages -----------------------------------------------------------------
r = t.sapchu([os.path.join(fx, "not-an-epub.epub"), "-o", t.path("not.pdf")])
lines = [ln for ln in r.errtext.splitlines() if ln.strip()]
t.check(r.code == 1 and len(lines) == 1 and "not an EPUB" in lines[0],
        "a zip that is not an EPUB: exit 1 with one clear line", r.describe())
t.check(not os.path.exists(t.path("not.pdf")), "nothing is left behind for it")

r = t.sapchu([os.path.join(fx, "escape.epub"), "-o", t.path("escape.pdf")])
if t.check(r.code == 0, "an EPUB whose references leave the package still converts", r.describe()):
    text = " ".join(html_lib.pdf_words(t.path("escape.pdf")))
    t.check("OUTSIDE" not in text and "Chương một" in text and "Chapter two" in text,
            "only documents inside the package are read", text[:300])
t.finish()
