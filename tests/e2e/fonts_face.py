"""e2e_fonts_face: @font-face in a --style sheet. A font file inside the stylesheet's folder (a
subfolder of it) is used under the rule's family name: embedded, glyphs = hb-shape with that file,
no warning. A file outside it (src: url(../...)) is refused with a warning naming it, and the text
falls back to the bundled Noto Serif (with the missing-family warning); the conversion succeeds."""
import os
import re
import shutil
import e2elib

t = e2elib.Test(__doc__)

CHARIS = "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf"
CHARIS_BOLD = "/usr/share/fonts/truetype/charis/CharisSIL-Bold.ttf"

src = t.path("doc.md")
with open(src, "w", encoding="utf-8") as f:
    f.write("Một đoạn văn tiếng Việt có dấu: người ta, ngày xưa, phở Hà Nội.\n")

style_dir = t.path("style")
os.makedirs(os.path.join(style_dir, "fonts"))
outside = t.path("outside")
os.makedirs(outside)
shutil.copy(CHARIS, os.path.join(style_dir, "fonts", "Mine.ttf"))
shutil.copy(CHARIS_BOLD, os.path.join(outside, "Other.ttf"))


def glyphs_of(pdf):
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    return [g for g in glyphs if g.uni.strip() and not g.uni.isdigit()]  # the folio aside


# 1. Inside the stylesheet's folder.
css = os.path.join(style_dir, "inside.css")
with open(css, "w") as f:
    f.write('@font-face { font-family: "Mine Serif"; src: url(fonts/Mine.ttf); }\n'
            'p { font-family: "Mine Serif", serif; }\n')
pdf = t.path("inside.pdf")
r = t.sapchu([src, "--style", css, "-o", pdf])
if t.check(r.code == 0 and os.path.isfile(pdf), "@font-face inside the style's folder: exit 0", r.describe()):
    t.check(not r.errtext.strip(), "no warning", r.errtext[:500])
    pf = e2elib.run(["pdffonts", pdf]).text
    t.check(re.search(r"[A-Z]{6}\+CharisSIL\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", pf),
            "pdffonts: the @font-face file (Charis SIL) is embedded, subset, with ToUnicode", pf)
    gl = glyphs_of(pdf)
    t.check(gl and {g.ps_name for g in gl} == {"CharisSIL"}, "the paragraph is drawn with it",
            "fonts: %s" % sorted({g.ps_name for g in gl}))
    words = [g for g in gl if g.ps_name == "CharisSIL"]
    for run in e2elib.group_runs(words)[:1]:
        for wd in e2elib.split_words(run)[:8]:
            text = "".join(g.uni for g in wd)
            out = e2elib.run(["hb-shape", "--no-glyph-names", "--no-positions", "--no-clusters",
                              "--language=vi", "--font-file=" + CHARIS, "--text=" + text]).text
            want = [int(x) for x in re.findall(r"\d+", out)]
            got = [g.gid for g in wd if g.gid is not None]
            t.check(got == want, "word %r: glyph ids = hb-shape's" % text, "PDF %s, hb-shape %s" % (got, want))

# 2. Outside it: refused.
css = os.path.join(style_dir, "outside.css")
with open(css, "w") as f:
    f.write('@font-face { font-family: "Other Serif"; src: url(../outside/Other.ttf); }\n'
            'p { font-family: "Other Serif"; }\n')
pdf = t.path("outside.pdf")
r = t.sapchu([src, "--style", css, "-o", pdf])
if t.check(r.code == 0 and os.path.isfile(pdf), "@font-face outside the style's folder: exit 0", r.describe()):
    refused = [ln for ln in r.errtext.splitlines() if "Other.ttf" in ln and "warning" in ln]
    t.check(len(refused) == 1 and "outside" in refused[0],
            "one warning says the file is outside the stylesheet's folder", r.errtext[:600])
    gl = glyphs_of(pdf)
    t.check(gl and {g.ps_name for g in gl} == {"NotoSerif-Regular"},
            "the text falls back to Noto Serif (the refused file is not embedded)",
            "fonts: %s" % sorted({g.ps_name for g in gl}))

t.finish()
