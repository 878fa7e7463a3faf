"""e2e_fonts_fallback: characters no chosen font has come from an installed font that has them
(✓ ★ from DejaVu Sans, fontconfig), silently, with the glyph hb-shape gives in that file, in the
text's style (bold, italic, monospace); Chinese comes from an installed CJK font when there is one,
else a warning names U+4E2D; a family no font has falls back to the bundled Noto Serif with one
warning naming it; `--list-fonts` lists the bundled families with their files, then the
installed ones."""
import os
import re
import e2elib

t = e2elib.Test(__doc__)


def fc(args):
    return e2elib.run(["fc-match"] + args).text.strip()


def trace(pdf):
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    return glyphs


def hb_gid(path, ch):
    out = e2elib.run(["hb-shape", "--no-glyph-names", "--no-positions", "--no-clusters",
                      "--font-file=" + path, "--text=" + ch]).text
    return [int(x) for x in re.findall(r"\d+", out)]


# 1. ✓ and ★: Noto Serif lacks them, DejaVu Sans (fonts-dejavu-core) has them.
src = t.path("symbols.txt")
with open(src, "w", encoding="utf-8") as f:
    f.write("Đã xong ✓ và được ★ năm sao.\n\nMục tiêu ✓ hoàn thành.\n")
pdf = t.path("symbols.pdf")
r = t.sapchu([src, "-o", pdf])
dejavu = fc(["-f", "%{file}", "DejaVu Sans"])
if t.check(r.code == 0 and os.path.isfile(pdf), "✓ ★ text -> PDF: exit 0", r.describe() + e2elib.signal_note(r.code)):
    t.check(not r.errtext.strip(), "no warning: an installed font has ✓ and ★", r.errtext[:500])
    glyphs = trace(pdf)
    for ch in "✓★":
        got = [(g.ps_name, g.gid) for g in glyphs if g.uni == ch]
        want = ("DejaVuSans", hb_gid(dejavu, ch)[0]) if os.path.isfile(dejavu) else None
        t.check(got and all(x == want for x in got),
                "%s (U+%04X) is drawn from DejaVu Sans with hb-shape's glyph %s" % (ch, ord(ch), want),
                "mutool trace: %s" % got)
    around = [(g.ps_name) for g in glyphs if g.uni in "Đãxongvàđượcnămsao"]
    t.check(around and set(around) == {"NotoSerif-Regular"}, "the text around them stays in Noto Serif",
            "fonts: %s" % sorted(set(around)))
    words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
    t.check("✓" in words and "★" in words, "pdftotext gives ✓ and ★ back", "words: %s" % words)

# 1b. The fallback keeps the style: bold, italic and monospace text get DejaVu's matching faces.
src = t.path("styled.md")
with open(src, "w", encoding="utf-8") as f:
    f.write("**Đậm ✓** và *nghiêng ★* và `mã ✓`\n")
pdf = t.path("styled.pdf")
r = t.sapchu([src, "-o", pdf])
if t.check(r.code == 0 and os.path.isfile(pdf) and not r.errtext.strip(),
           "bold/italic/code ✓ ★ -> PDF: exit 0, no warning", r.describe()):
    got = [(g.uni, g.ps_name) for g in trace(pdf) if g.uni in "✓★"]
    want = [("✓", "DejaVuSans-Bold"), ("★", "DejaVuSans-Oblique"), ("✓", "DejaVuSansMono")]
    t.check(got == want, "✓ ★ come from DejaVu Sans Bold, Sans Oblique and Sans Mono", "got %s" % got)

# 2. Chinese: drawn from an installed CJK font if any has 中, else one warning naming U+4E2D.
src = t.path("cjk.txt")
with open(src, "w", encoding="utf-8") as f:
    f.write("Chữ Hán 中文 trong câu.\n")
pdf = t.path("cjk.pdf")
r = t.sapchu([src, "-o", pdf])
have_cjk = bool(e2elib.run(["fc-list", ":charset=4e2d", "file"]).text.strip())
if t.check(r.code == 0 and os.path.isfile(pdf), "Chinese text -> PDF: exit 0", r.describe()):
    glyphs = trace(pdf)
    han = [g for g in glyphs if g.uni in "中文"]
    if have_cjk:
        t.check(len(han) == 2 and all(g.gid for g in han) and not r.errtext.strip(),
                "an installed CJK font draws 中文, without a warning",
                "glyphs %s, stderr %s" % ([(g.ps_name, g.gid) for g in han], r.errtext[:300]))
    else:
        warned = [ln for ln in r.errtext.splitlines() if "U+4E2D" in ln]
        t.check(len(warned) == 1 and "warning" in warned[0] and not han,
                "no installed font has 中: one warning names U+4E2D, nothing drawn for it",
                "stderr: %r, glyphs %s" % (r.errtext[:400], [(g.ps_name, g.gid) for g in han]))

# 3. A family no font has: the bundled Noto Serif, and one warning naming the family.
src = t.path("missing.md")
with open(src, "w", encoding="utf-8") as f:
    f.write("# Tiêu đề\n\nMột đoạn văn tiếng Việt.\n\nĐoạn thứ hai.\n")
css = t.path("missing.css")
with open(css, "w") as f:
    f.write('p { font-family: "Sapchu Nonexistent Family"; }\n')
pdf = t.path("missing.pdf")
r = t.sapchu([src, "--style", css, "-o", pdf])
if t.check(r.code == 0 and os.path.isfile(pdf), "a missing family: exit 0 (a warning, not an error)", r.describe()):
    warned = [ln for ln in r.errtext.splitlines() if "Sapchu Nonexistent Family" in ln]
    t.check(len(warned) == 1 and re.match(r"sapchu: .*warning: .*Noto Serif", warned[0]),
            "one warning names the missing family and the Noto Serif used instead", r.errtext[:500])
    body = [g.ps_name for g in trace(pdf) if g.uni in "Mộtvănạ"]
    t.check(body and set(body) == {"NotoSerif-Regular"}, "the paragraphs are set in Noto Serif",
            "fonts: %s" % sorted(set(body)))

# 4. --list-fonts: the bundled families with their files first, then installed ones.
r = t.sapchu(["--list-fonts"])
lines = r.text.splitlines()
t.check(r.code == 0 and lines, "--list-fonts: exit 0 and some output", r.describe())
rows = [ln.split("\t") for ln in lines]
t.check(all(len(x) == 3 for x in rows), "every line is family<TAB>origin<TAB>file", "lines: %r" % lines[:5])
bundled = [x for x in rows if len(x) == 3 and x[1] == "bundled"]
t.check([x[0] for x in bundled] == ["Noto Serif", "Noto Sans", "Noto Sans Mono"] and rows[:3] == bundled,
        "the bundled Noto Serif, Noto Sans, Noto Sans Mono come first",
        "bundled rows: %r" % bundled)
t.check(all(os.path.isfile(x[2]) for x in rows if len(x) == 3), "every file listed exists",
        "missing: %r" % [x[2] for x in rows if len(x) == 3 and not os.path.isfile(x[2])][:5])
t.check(any(x[:2] == ["DejaVu Sans", "system"] for x in rows), "DejaVu Sans is listed as installed",
        "rows: %r" % rows[:10])
r2 = t.sapchu(["--list-fonts"])
t.check(r2.text == r.text, "--list-fonts twice gives the same list", "")

t.finish()
