"""e2e_nfd: the article saved in NFD (decomposed, as macOS and some web pages write it) gives the
same pdftotext text and the same glyphs (mutool trace: glyph ids, fonts, sizes, positions) as the
article in NFC, and the same EPUB text."""
import os
import unicodedata
import e2elib

t = e2elib.Test(__doc__)
with open(t.article(), "rb") as f:
    raw = f.read().decode("utf-8-sig")
base = os.path.basename(t.article())
outs = {}
for form in ("NFC", "NFD"):
    os.makedirs(t.path(form))
    src = t.path(form, base)
    with open(src, "w", encoding="utf-8") as f:
        f.write(unicodedata.normalize(form, raw))
    for ext in ("pdf", "epub"):
        out = t.path(form, "article." + ext)
        r = t.sapchu([src, "-o", out])
        t.check(r.code == 0 and os.path.isfile(out), "%s article -> %s" % (form, ext),
                "expected exit 0 and %s, got %s%s" % (out, r.describe(), e2elib.signal_note(r.code)))
        outs[form, ext] = out
with open(t.path("NFC", base), "rb") as a, open(t.path("NFD", base), "rb") as b:
    t.check(a.read() != b.read(), "the NFD input really differs from the NFC input", "it does not: the test proves nothing")

if all(os.path.isfile(outs[f, "pdf"]) for f in ("NFC", "NFD")):
    nfc_text = "\f".join(e2elib.pdftotext_pages(outs["NFC", "pdf"]))
    nfd_text = "\f".join(e2elib.pdftotext_pages(outs["NFD", "pdf"]))
    if nfc_text != nfd_text:
        a, b = nfc_text.split(), nfd_text.split()
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        detail = "first difference at word %d: NFC input gives %r, NFD input gives %r (%s)" % (
            k, a[k] if k < len(a) else None, b[k] if k < len(b) else None,
            " ".join("U+%04X" % ord(c) for c in (b[k] if k < len(b) else "")))
    else:
        detail = ""
    t.check(nfc_text == nfd_text, "pdftotext gives the same text for the NFD article", detail)

    ga, sa = e2elib.mutool_glyphs(outs["NFC", "pdf"])
    gb, sb = e2elib.mutool_glyphs(outs["NFD", "pdf"])
    key = lambda g: (g.page, g.ps_name, round(g.size, 3), g.gid, g.uni, round(g.x, 3), round(g.y, 3))
    ka, kb = [key(g) for g in ga], [key(g) for g in gb]
    detail = ""
    if ka != kb:
        k = next((i for i in range(min(len(ka), len(kb))) if ka[i] != kb[i]), min(len(ka), len(kb)))
        detail = "%d vs %d glyphs; first difference at glyph %d: NFC %s, NFD %s" % (
            len(ka), len(kb), k, ka[k] if k < len(ka) else None, kb[k] if k < len(kb) else None)
    t.check(ka == kb and sa == sb, "mutool trace shows the same %d glyphs (ids, fonts, positions) for the NFD article" % len(ka),
            detail or "page sizes differ: %s vs %s" % (sa, sb))
    with open(outs["NFC", "pdf"], "rb") as a, open(outs["NFD", "pdf"], "rb") as b:
        if a.read() == b.read():
            t.ok("(the two PDFs are even byte-identical)")
        else:
            print("note: the NFC and NFD PDFs differ in bytes (allowed; text and glyphs are what count)")

if all(os.path.isfile(outs[f, "epub"]) for f in ("NFC", "NFD")):
    wa, wb = e2elib.epub_spine_words(outs["NFC", "epub"]), e2elib.epub_spine_words(outs["NFD", "epub"])
    diff = e2elib.compare_words(wa, wb)
    t.check(diff is None, "the EPUB text of the NFD article equals the NFC one", diff or "")
t.finish()
