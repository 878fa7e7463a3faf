"""e2e_missing_glyphs: text with an emoji flag (🇻🇳, U+1F1FB U+1F1F3) and a ZWJ emoji sequence
(👨‍👩‍👧) that no bundled font has converts without a crash (exit 0, PDF and EPUB written and valid),
with a warning naming the character (U+XXXX) and where it is; the rest of the text is intact.
Characters the body font lacks but another bundled font has (≤ → ∞ √ in Noto Sans Mono) fall
back to it silently."""
import os
import re
import e2elib

t = e2elib.Test(__doc__)
text = ("Cờ Việt Nam 🇻🇳 tung bay.\n\nGia đình 👨\u200d👩\u200d👧 ở Hà Nội, ngày 2/9.\n")
src = t.path("emoji.txt")
with open(src, "w", encoding="utf-8") as f:
    f.write(text)

pdf = t.path("emoji.pdf")
r = t.sapchu([src, "-o", pdf])
t.check(r.code == 0, "emoji text -> PDF: exit 0", "expected exit 0, got %s%s" % (r.describe(), e2elib.signal_note(r.code)))
t.check(os.path.isfile(pdf), "the PDF is written", "no %s" % pdf)
lines = [ln for ln in r.errtext.splitlines() if ln.strip()]
warnings = [ln for ln in lines if re.match(r"sapchu: .*warning: ", ln)]
t.check(warnings and len(warnings) == len(lines), "every stderr line is a 'sapchu: ... warning: ...' line",
        "stderr: %r" % lines[:8])
for cp, line in (("U+1F1FB", 1), ("U+1F468", 3)):
    named = [w for w in warnings if cp in w]
    t.check(named, "a warning names %s" % cp, "warnings: %r" % warnings[:8])
    if named:
        t.check(re.search(r"emoji\.txt:%d(:\d+)?: warning: " % line, named[0]) or re.search(r"\bpage \d+", named[0]),
                "the %s warning says where (emoji.txt:%d[:COL], or a page)" % (cp, line), "warning: %r" % named[0])
if os.path.isfile(pdf):
    q = e2elib.run(["qpdf", "--check", pdf])
    t.check(q.code == 0, "qpdf --check is clean", "`%s` exit %s: %s" % (q.cmd, q.code, (q.text + q.errtext)[-800:]))
    words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
    wanted = "Cờ Việt Nam tung bay. Gia đình ở Hà Nội, ngày 2/9.".split()
    got = [w for w in words if w in wanted]
    t.check(got == wanted, "the Vietnamese text around the emoji is intact in pdftotext",
            "pdftotext words: %s" % words)

epub = t.path("emoji.epub")
r = t.sapchu([src, "-o", epub])
t.check(r.code == 0 and os.path.isfile(epub), "emoji text -> EPUB: exit 0, written",
        "expected exit 0 and %s, got %s%s" % (epub, r.describe(), e2elib.signal_note(r.code)))
if os.path.isfile(epub):
    words = e2elib.epub_spine_words(epub)
    want = text.split()
    t.check(words == want, "the EPUB keeps the emoji text as it is", "expected %s, got %s" % (want, words))
# Fallback: characters Noto Serif lacks but Noto Sans Mono has are drawn from it, silently.
fb = t.path("fallback.txt")
with open(fb, "w", encoding="utf-8") as f:
    f.write("Nếu x ≤ 5 thì → kết quả ∞ và √2.\n")
pdf = t.path("fallback.pdf")
r = t.sapchu([fb, "-o", pdf])
if t.check(r.code == 0 and os.path.isfile(pdf), "fallback text -> PDF: exit 0", r.describe() + e2elib.signal_note(r.code)):
    t.check(not r.err.strip(), "no warning: the bundled Noto Sans Mono has ≤ → ∞ √", r.errtext[:500])
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    drawn = {g.uni: (g.ps_name, g.gid) for g in glyphs}
    want = {}
    for ch in "≤→∞√":
        out = e2elib.run(["hb-shape", "--no-glyph-names", "--no-positions", "--no-clusters",
                          "--font-file=" + t.font_file("NotoSansMono-Regular"), "--text=" + ch]).text
        want[ch] = ("NotoSansMono-Regular", int(out.strip().strip("[]")))
    t.check(all(drawn.get(ch) == want[ch] for ch in want), "≤ → ∞ √ are drawn with Noto Sans Mono's glyphs",
            "expected %s, drawn %s" % (want, {ch: drawn.get(ch) for ch in want}))
    words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
    t.check(words == "Nếu x ≤ 5 thì → kết quả ∞ và √2.".split(), "pdftotext gives the text back", "got %s" % words)
    t.check(not [g for g in glyphs if g.gid == 0], "no .notdef", "glyph id 0 drawn")
t.finish()
