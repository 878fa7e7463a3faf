"""e2e_options: --paper sets the page size (pdfinfo) and the text stays inside the smaller page;
--title/--author reach pdfinfo and the EPUB package; --lang reaches the PDF catalog /Lang and
dc:language (default: the document's, else vi); --style adds a stylesheet; -q silences warnings;
-v names the files written; --help and --version."""
import collections
import os
import re
import e2elib

t = e2elib.Test(__doc__)
art = t.article()


def conv(args, out, **kw):
    r = t.sapchu(args + ["-o", out], **kw)
    ok = t.check(r.code == 0 and os.path.isfile(out), "`sapchu %s -o %s`: exit 0" % (" ".join(args), os.path.basename(out)),
                 r.describe() + e2elib.signal_note(r.code))
    return r if ok else None


def opf_meta(epub):
    _, _, opf = e2elib.epub_package(epub)
    meta = opf.find("opf:metadata", e2elib.NS)
    return lambda tag: [(e.text or "").strip() for e in meta.findall("dc:" + tag, e2elib.NS)]


# --paper
for paper, (w, h) in (("A5", (419.528, 595.276)), ("Letter", (612.0, 792.0)), ("B5", (498.898, 708.661)), ("a4", e2elib.A4)):
    pdf = t.path("paper-%s.pdf" % paper)
    if conv([art, "--paper", paper], pdf):
        _, info = e2elib.pdfinfo(pdf)
        m = re.match(r"([\d.]+) x ([\d.]+) pts", info.get("Page size", ""))
        t.check(m and abs(float(m[1]) - w) < 0.5 and abs(float(m[2]) - h) < 0.5, "--paper %s gives %.3f x %.3f pt pages" % (paper, w, h),
                "pdfinfo Page size %r" % info.get("Page size"))
        glyphs, sizes = e2elib.mutool_glyphs(pdf)
        t.check(all(abs(s[0] - w) < 0.5 and abs(s[1] - h) < 0.5 for s in sizes), "--paper %s: every page has that size" % paper,
                "page sizes %s" % sorted(set(sizes)))
        over = [g for g in glyphs if g.x + g.adv * g.size > w - e2elib.MARGIN + e2elib.EPS or g.x < e2elib.MARGIN - e2elib.EPS]
        t.check(not over, "--paper %s: the text stays within the page's 2.5 cm side margins" % paper,
                "%d glyphs past the side margins, first %r on page %d at x=%.2f" % (len(over), over[0].uni, over[0].page, over[0].x) if over else "")
        if paper == "A5":
            words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
            diff = e2elib.compare_words(e2elib.read_source_words(art), words)
            t.check(diff is None, "--paper A5: the text is all there", diff or "")

# --title / --author
title, author = "Tiêu đề thử: Hội nghị & “quý I”", "Nguyễn Thị Ánh"
pdf, epub = t.path("meta.pdf"), t.path("meta.epub")
if conv([art, "--title", title, "--author", author], pdf):
    _, info = e2elib.pdfinfo(pdf)
    t.check(info.get("Title") == title, "--title reaches the PDF Info Title", "pdfinfo Title %r, expected %r" % (info.get("Title"), title))
    t.check(info.get("Author") == author, "--author reaches the PDF Info Author", "pdfinfo Author %r, expected %r" % (info.get("Author"), author))
if conv([art, "--title", title, "--author", author], epub):
    dc = opf_meta(epub)
    t.check(dc("title") == [title], "--title reaches dc:title", "dc:title %s" % dc("title"))
    t.check(dc("creator") == [author], "--author reaches dc:creator", "dc:creator %s" % dc("creator"))
    r, summary = e2elib.epubcheck(epub)
    t.check(summary.startswith("Messages: 0 fatals / 0 errors / 0 warnings"), "the EPUB with & and quotes in its title passes epubcheck",
            "%s\n%s" % (summary, "\n".join(ln for ln in r.text.splitlines() if re.match("(ERROR|WARNING|FATAL)", ln))[:1500]))

# Markdown: the YAML block's title and author; --title overrides it.
vi_md = os.path.join(t.src, "samples", "hoi-nghi-dang-bo-khcn-2021.md")
if t.check(os.path.isfile(vi_md), "the Markdown article exists", vi_md):
    yaml = open(vi_md, encoding="utf-8").read().split("\n---", 1)[0]
    ytitle = re.search(r"^title:\s*(.+)$", yaml, re.M).group(1).strip().strip("\"'")
    yauthor = re.search(r"^author:\s*(.+)$", yaml, re.M).group(1).strip().strip("\"'")
    pdf, epub = t.path("yaml.pdf"), t.path("yaml.epub")
    if conv([vi_md], pdf):
        _, info = e2elib.pdfinfo(pdf)
        t.check((info.get("Title"), info.get("Author")) == (ytitle, yauthor), "the YAML title and author reach the PDF Info",
                "pdfinfo Title %r Author %r, expected %r %r" % (info.get("Title"), info.get("Author"), ytitle, yauthor))
    if conv([vi_md], epub):
        dc = opf_meta(epub)
        t.check((dc("title"), dc("creator")) == ([ytitle], [yauthor]), "the YAML title and author reach dc:title and dc:creator",
                "dc:title %s dc:creator %s" % (dc("title"), dc("creator")))
    pdf = t.path("yaml-override.pdf")
    if conv([vi_md, "--title", "Khác"], pdf):
        _, info = e2elib.pdfinfo(pdf)
        t.check(info.get("Title") == "Khác", "--title overrides the YAML title", "pdfinfo Title %r" % info.get("Title"))

# Title defaults: the first line of a text file.
pdf = t.path("default.pdf")
if conv([art], pdf):
    _, info = e2elib.pdfinfo(pdf)
    first = open(art, encoding="utf-8-sig").readline().strip()
    t.check(info.get("Title") == first, "a text file's title is its first line", "pdfinfo Title %r, expected %r" % (info.get("Title"), first))
    lang = e2elib.pdf_catalog_lang(pdf)
    t.check(lang == "vi", "the default language is vi (/Lang)", "/Lang %r" % lang)

# A first line over 100 characters is no title: the file name is.
long_first = t.path("dong-dai.txt")
with open(long_first, "w", encoding="utf-8") as f:
    f.write("Một dòng mở đầu rất dài " * 6 + "\n\nĐoạn thứ hai.\n")
pdf = t.path("long-first.pdf")
if conv([long_first], pdf):
    _, info = e2elib.pdfinfo(pdf)
    t.check(info.get("Title") in ("dong-dai", "dong-dai.txt"), "a first line over 100 characters: the title is the file name",
            "pdfinfo Title %r" % info.get("Title"))

# --lang
pdf, epub = t.path("lang-en.pdf"), t.path("lang-en.epub")
if conv([art, "--lang", "en"], pdf):
    lang = e2elib.pdf_catalog_lang(pdf)
    t.check(lang == "en", "--lang en reaches the PDF catalog /Lang", "/Lang %r" % lang)
if conv([art, "--lang", "en"], epub):
    t.check(opf_meta(epub)("language") == ["en"], "--lang en reaches dc:language", "dc:language %s" % opf_meta(epub)("language"))
    z, opf_path, opf = e2elib.epub_package(epub)
    langs = set()
    for it in opf.find("opf:manifest", e2elib.NS):
        if it.get("media-type") == "application/xhtml+xml":
            root = e2elib.ET.fromstring(z.read(os.path.normpath(os.path.join(os.path.dirname(opf_path), it.get("href")))))
            langs.add((root.get("{http://www.w3.org/XML/1998/namespace}lang"), root.get("lang")))
    t.check(langs == {("en", "en")}, "--lang en reaches xml:lang and lang of every XHTML document", "(xml:lang, lang) seen: %s" % langs)
epub = t.path("default.epub")
if conv([art], epub):
    t.check(opf_meta(epub)("language") == ["vi"], "the default dc:language is vi", "dc:language %s" % opf_meta(epub)("language"))
en_md = [s for s in t.samples() if s.endswith(".md") and re.search(r"^lang:\s*['\"]?en", open(s, encoding="utf-8").read(), re.M)]
if t.check(en_md, "there is an English Markdown sample (lang: en)", "none in samples/"):
    pdf = t.path("english.pdf")
    if conv([en_md[0]], pdf):
        lang = e2elib.pdf_catalog_lang(pdf)
        t.check(lang == "en", "a document's own language (YAML lang: en) reaches /Lang", "/Lang %r" % lang)

# --style
css = t.path("big.css")
with open(css, "w") as f:
    f.write("p { font-size: 14pt; line-height: 20pt }\n")
pdf = t.path("style.pdf")
if conv([art, "--style", css], pdf):
    glyphs, _ = e2elib.mutool_glyphs(pdf)
    common = collections.Counter(round(g.size, 2) for g in glyphs).most_common(1)[0][0]
    t.check(common == 14.0, "--style with p { font-size: 14pt } sets the body text in 14 pt", "most glyphs are %.2f pt" % common)
r = t.sapchu([art, "--style", t.path("nosuch.css"), "-o", t.path("nostyle.pdf")])
t.check(r.code != 0 and not os.path.exists(t.path("nostyle.pdf")) and re.search(r"nosuch\.css", r.errtext),
        "a missing --style file is an error naming it, no output", r.describe())

# -q and -v
emoji = t.path("emoji.txt")
with open(emoji, "w", encoding="utf-8") as f:
    f.write("Cờ 🇻🇳.\n")
r = t.sapchu([emoji, "-o", t.path("emoji-q.pdf")])
t.check(r.code == 0 and "warning" in r.errtext, "without -q a missing glyph gives a warning", r.describe())
r = t.sapchu(["-q", emoji, "-o", t.path("emoji-q.pdf")])
t.check(r.code == 0 and not r.err.strip(), "-q silences warnings", r.describe())
r = t.sapchu(["-q", t.path("nosuch.txt"), "-o", t.path("x.pdf")])
t.check(r.code == 1 and "error" in r.errtext, "-q still prints errors", r.describe())
r = t.sapchu(["-v", art, "-o", t.path("verbose.pdf")])
t.check(r.code == 0 and "verbose.pdf" in r.errtext and not r.out, "-v names the file written (on stderr)", r.describe())

# --help, --version
r = t.sapchu(["--help"])
t.check(r.code == 0 and "Usage" in r.text and "--paper" in r.text and not r.err, "--help: usage on stdout, exit 0", r.describe())
r = t.sapchu(["--version"])
t.check(r.code == 0 and re.fullmatch(r"sapchu \d+\.\d+\.\d+\s*", r.text), "--version prints 'sapchu X.Y.Z'", "%s: %r" % (r.describe(), r.text))
t.finish()
