"""e2e_text_clusters: ligatures (ffi, fi, ffl) and clusters of several glyphs (a base with combining
marks no precomposed letter has: q̣, ŵ̀, x̂, ñ̃) come out of pdftotext as the NFC source text, in
both modes (so /ActualText or ToUnicode covers them), are drawn with hb-shape's glyphs and offsets,
and the EPUB keeps them."""
import os
import unicodedata
import e2elib

t = e2elib.Test(__doc__)
text = ("Chữ ghép: office final affluent offline officer.\n\n"
        "Dấu chồng không có chữ dựng sẵn: q̣ ŵ̀ x̂ ñ̃ ṩ̂ và tiếng Việt: Ngưỡng cửa, Ỷ lại, Ữ.\n")
src = t.path("clusters.txt")
with open(src, "w", encoding="utf-8") as f:
    f.write(text)
expected = unicodedata.normalize("NFC", text).split()
t.check(any(unicodedata.combining(c) for w in expected for c in w),
        "the input holds combining sequences NFC keeps decomposed", "it does not")

pdf = t.path("clusters.pdf")
r = t.sapchu([src, "-o", pdf])
if t.check(r.code == 0 and os.path.isfile(pdf), "clusters -> PDF: exit 0", r.describe() + e2elib.signal_note(r.code)):
    t.check(not r.err.strip(), "no warning (Noto Serif has every character)", r.errtext[:500])
    for layout in (False, True):
        words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf, layout=layout))
        diff = e2elib.compare_words(expected, words)
        t.check(diff is None, "pdftotext%s gives the source words, ligatures and mark clusters whole" % (" -layout" if layout else ""),
                (diff or "") + "\n      (multi-glyph clusters need /ActualText spans, ligatures a ToUnicode entry for all their characters)")
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    compared, bad = e2elib.compare_with_hb(e2elib.FontCache(t), e2elib.group_runs(glyphs), "vi")
    t.check(compared >= 15 and not bad, "glyph ids and mark offsets of %d words equal hb-shape's" % compared,
            "\n      ".join(bad[:8]) or "only %d words compared" % compared)
    t.check(not [g for g in glyphs if g.gid == 0], "no .notdef", "glyph id 0 drawn")

epub = t.path("clusters.epub")
r = t.sapchu([src, "-o", epub])
if t.check(r.code == 0 and os.path.isfile(epub), "clusters -> EPUB: exit 0", r.describe() + e2elib.signal_note(r.code)):
    diff = e2elib.compare_words(expected, e2elib.epub_spine_words(epub))
    t.check(diff is None, "the EPUB text is the NFC source", diff or "")
t.finish()
