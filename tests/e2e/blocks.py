"""e2e_markdown_blocks: a Markdown document with every block issue 2 names (headings, nested
ordered and unordered lists, nested block quotes, a code block with a line far longer than the
measure, a thematic break, a table, strikethrough, inline code, an autolink, a footnote) converts
silently; the code is set in Noto Sans Mono and its long line wraps inside the margins (nothing runs
past the text area); the PDF text equals pandoc -t plain's (only the long code line and URLs may be
broken); the EPUB passes epubcheck and keeps the text."""
import os
import re
import e2elib

t = e2elib.Test(__doc__)
long_code = "gia_tri_rat_dai = \"" + "abcdefghij" * 14 + "\""
md = """---
title: Các khối Markdown
author: Nhóm sapchu
lang: vi
---

# Mục một

Đoạn có ~~gạch ngang~~, `mã_nội_dòng`, *nghiêng*, **đậm** và https://example.com/duong-dan/rat-dai tự động.[^1]

1. Mục thứ nhất
   - con một
   - con hai
     1. cháu một
2. Mục thứ hai

> Trích dẫn cấp một.
>
> > Trích dẫn lồng nhau.

```
%s
def nhan_doi(x):
    return 2 * x
```

***

| Cột | Giá trị |
|-----|--------:|
| một | 1 |
| hai | 22 |

## Mục hai

Đoạn cuối.

[^1]: Chú thích cuối trang.
""" % long_code
src = t.path("khoi.md")
with open(src, "w", encoding="utf-8") as f:
    f.write(md)

pdf = t.path("khoi.pdf")
r = t.sapchu([src, "-o", pdf])
if t.check(r.code == 0 and os.path.isfile(pdf), "blocks -> PDF: exit 0", r.describe() + e2elib.signal_note(r.code)):
    t.check(not r.err.strip(), "no message", r.errtext[:800])
    q = e2elib.run(["qpdf", "--check", pdf])
    t.check(q.code == 0, "qpdf --check clean", q.text[-500:])
    glyphs, sizes = e2elib.mutool_glyphs(pdf)
    w = sizes[0][0]
    past = [g for g in glyphs if g.gid is not None and (g.x < e2elib.MARGIN - e2elib.EPS or g.x + g.adv * g.size > w - e2elib.MARGIN + e2elib.EPS)]
    t.check(not past, "nothing runs past the side margins (the long code line wraps)",
            "%d glyph(s) past them, first %r (%s) at x=%.2f..%.2f" % (len(past), past[0].uni, past[0].ps_name, past[0].x, past[0].x + past[0].adv * past[0].size) if past else "")
    mono = "".join(g.uni for g in glyphs if g.ps_name.startswith("NotoSansMono"))
    t.check("nhan_doi" in mono and "abcdefghij" in mono and "mã_nội_dòng" in mono, "code blocks and inline code are in Noto Sans Mono",
            "mono glyphs spell %r" % mono[:120])
    mono_lines = {round(g.y, 1) for g in glyphs if g.ps_name.startswith("NotoSansMono") and g.uni in "abcdefghij"}
    t.check(len(mono_lines) >= 2, "the long code line is wrapped over %d lines" % len(mono_lines), "it sits on %d line(s)" % len(mono_lines))
    compared, bad = e2elib.compare_with_hb(e2elib.FontCache(t), e2elib.group_runs(glyphs), "vi")
    t.check(not bad, "glyph ids and offsets of %d words equal hb-shape's" % compared, "\n      ".join(bad[:6]))
    words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf, layout=True))
    code_words = set(long_code.split())
    diff, title, n = e2elib.compare_markdown(src, words, joinable=lambda x: e2elib.is_url(x) or x in code_words)
    t.check(diff is None, "pdftotext -layout gives pandoc -t plain's %d words (title block: %s)" % (n, title or "none"), diff or "")
    outline = e2elib.run(["mutool", "show", pdf, "outline"]).text
    t.check("Mục một" in outline and "Mục hai" in outline, "both headings are bookmarks", "mutool show outline: %r" % outline)

epub = t.path("khoi.epub")
r = t.sapchu([src, "-o", epub])
if t.check(r.code == 0 and os.path.isfile(epub), "blocks -> EPUB: exit 0", r.describe() + e2elib.signal_note(r.code)):
    res, summary = e2elib.epubcheck(epub)
    t.check(summary.startswith("Messages: 0 fatals / 0 errors / 0 warnings"), "epubcheck: 0 fatals / 0 errors / 0 warnings",
            "%s\n%s" % (summary, "\n".join(ln for ln in res.text.splitlines() if re.match("(ERROR|WARNING|FATAL)", ln))[:2000]))
    diff, title, n = e2elib.compare_markdown(src, e2elib.epub_spine_words(epub), list_numbers=False)
    t.check(diff is None, "the EPUB text equals pandoc -t plain's %d words" % n, diff or "")
t.finish()
