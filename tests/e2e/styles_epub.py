"""e2e_styles_epub: the EPUB's stylesheet is ebook.css followed by the user's styles with the
print-only rules dropped: with --style report and a user sheet full of paged-media rules, style.css
has no @page, no margin boxes, no page breaks, widows, orphans or string-set, none of the print
default's fixed sizes, but keeps the user's screen rules (the section counters included); the EPUB
passes epubcheck with 0 errors and 0 warnings. With --embed-fonts, an @font-face font the sheet
uses goes into EPUB/fonts/ with a manifest entry of the right media type and the url() rewritten;
without it, no @font-face (its file is not in the package) and no fonts."""
import os
import re
import shutil
import e2elib

t = e2elib.Test(__doc__)

md = """# Báo cáo tổng kết

## Bối cảnh

Đoạn văn thứ nhất của phần bối cảnh, có *nhấn mạnh* và **đậm**.

### Số liệu

> Một trích dẫn có viền.

```
ma_nguon = 1
```

## Kết quả

1. Mục một
2. Mục hai
"""
src = t.path("report.md")
with open(src, "w", encoding="utf-8") as f:
    f.write(md)

font_src = os.path.join(t.src, "fonts", "NotoSans-Italic.ttf")
shutil.copy(font_src, t.path("TieuDe-Italic.ttf"))
user_css = t.path("user.css")
with open(user_css, "w", encoding="utf-8") as f:
    f.write("""/* a user's style with paged-media rules */
@font-face { font-family: "Tieu De"; src: url(TieuDe-Italic.ttf); font-style: italic; }
@page { size: A5; margin: 2cm; @top-center { content: string(title); } }
@page :first { margin-top: 4cm; }
h1 { string-set: title content(); page-break-before: always; font-family: "Tieu De", serif; }
h2 { page-break-after: avoid; break-inside: avoid; color: #aa0000; }
p { widows: 3; orphans: 3; text-indent: 1em; }
blockquote { border-left: 3px solid #336699; padding-left: 0.5em; }
""")


def css_of(epub):
    z, opf_path, opf = e2elib.epub_package(epub)
    base = os.path.dirname(opf_path)
    css = [it for it in opf.find("opf:manifest", e2elib.NS) if it.get("media-type") == "text/css"]
    text = "".join(z.read(os.path.join(base, it.get("href")).replace(os.sep, "/")).decode("utf-8")
                   for it in css)
    return z, base, opf, text


def strip_comments(css):
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


for embed in (False, True):
    tag = "with --embed-fonts" if embed else "without --embed-fonts"
    epub = t.path("out-%d.epub" % embed)
    r = t.sapchu([src, "-o", epub, "--style", "report", "--style", user_css] +
                 (["--embed-fonts"] if embed else []))
    if not t.check(r.code == 0 and os.path.exists(epub), "%s: converts" % tag, r.describe()):
        continue
    z, base, opf, css = css_of(epub)
    code = strip_comments(css)
    ebook = open(os.path.join(t.src, "styles", "ebook.css"), encoding="utf-8").read()
    t.check(css.startswith(ebook), "%s: style.css starts with ebook.css" % tag, css[:200])
    for bad in ("@page", "@top-center", "page-break", "break-inside", "widows", "orphans",
                "string-set", "size: A4", "size:A4", "11pt"):
        t.check(bad not in code, "%s: no '%s' in the EPUB's CSS" % (tag, bad),
                "found near: %s" % code[max(0, code.find(bad) - 80):code.find(bad) + 80])
    for good in ("counter-increment", "counter-reset", "text-indent", "border-left"):
        t.check(good in code, "%s: the user's '%s' rules are kept" % (tag, good), code[-1500:])
    t.check(re.search(r"h2::?before", code) is not None and "counter(h2)" in code,
            "%s: report's section numbers (h2::before with counter(h2)) are kept" % tag, code[-1500:])
    fonts = [it for it in opf.find("opf:manifest", e2elib.NS)
             if (it.get("href") or "").startswith("fonts/")]
    if embed:
        t.check(len(fonts) == 1 and fonts[0].get("href") == "fonts/TieuDe-Italic.ttf"
                and fonts[0].get("media-type") == "font/ttf",
                "%s: the @font-face font is in the manifest as font/ttf" % tag,
                "%s" % [(f.get("href"), f.get("media-type")) for f in fonts])
        name = os.path.join(base, "fonts/TieuDe-Italic.ttf").replace(os.sep, "/")
        t.check(name in z.namelist() and z.read(name) == open(font_src, "rb").read(),
                "%s: the font file is packaged unchanged" % tag, "entries: %s" % z.namelist())
        t.check(re.search(r"@font-face\s*\{[^}]*url\(\s*\"?fonts/TieuDe-Italic\.ttf\"?\s*\)", code)
                is not None, "%s: @font-face points at fonts/TieuDe-Italic.ttf" % tag, code[:2000])
    else:
        t.check(not fonts and "@font-face" not in code,
                "%s: no fonts and no @font-face in the EPUB" % tag, code[:1500])
    r, summary = e2elib.epubcheck(epub)
    t.check(r.code == 0 and "0 errors" in summary and "0 warnings" in summary and "0 fatals" in summary,
            "%s: epubcheck: %s" % (tag, summary), r.text[-2000:] + r.errtext[-1000:])
t.finish()
