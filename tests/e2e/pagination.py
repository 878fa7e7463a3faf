"""e2e_pagination: the page builder keeps widows and orphans of at least 2 lines (a paragraph split
across pages leaves at least 2 lines on each page) and keeps headings with what follows (no page
ends with a heading), in the sample PDFs and in the article set on the small A5 and B5 pages."""
import os
import re
import e2elib

t = e2elib.Test(__doc__)


def paragraphs(path):
    """The article's paragraphs as word lists (blank lines, no-break spaces included, separate them)."""
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    import unicodedata
    text = unicodedata.normalize("NFC", text)
    return [p.split() for p in re.split(r"\n[ \t\u00a0]*\n", text) if p.split()]


def page_lines(pdf):
    """[(page number, [words of the line])] from pdftotext -layout, folios dropped."""
    out = []
    for n, page in enumerate(e2elib.pdftotext_pages(pdf, layout=True), 1):
        lines = [ln for ln in page.split("\n") if ln.strip()]
        if lines and re.fullmatch(r"\d+", lines[-1].strip()):
            lines.pop()
        out.extend((n, ln.split()) for ln in lines)
    return out


def check_widows(label, pdf, paras):
    """Maps each PDF line to the paragraph of its words and checks the split paragraphs."""
    owner = []  # paragraph index per source word
    words = []
    for k, p in enumerate(paras):
        owner.extend([k] * len(p))
        words.extend(p)
    i, acc, lines_of = 0, "", {}  # paragraph -> {page: line count}
    for page, toks in page_lines(pdf):
        first_para = None
        for tok in toks:
            if i >= len(words):
                break
            if acc:  # inside a word broken across lines (a URL; e2e_text_article judges others)
                acc += tok
                if acc == words[i]:
                    acc, i = "", i + 1
                continue
            para = owner[i]
            if first_para is None:
                first_para = para
            if tok == words[i]:
                i += 1
            elif words[i].startswith(tok):
                acc = tok
            else:
                t.fail("%s: the PDF text departs from the source at word %d (%r vs %r): see e2e_text_article" % (label, i, tok, words[i]))
                return
        if first_para is not None:
            lines_of.setdefault(first_para, {}).setdefault(page, 0)
            lines_of[first_para][page] += 1
    bad = ["paragraph %d (%s...) has %s" % (k, " ".join(paras[k][:5]), ", ".join("%d line(s) on page %d" % (c, pg) for pg, c in sorted(pages.items())))
           for k, pages in sorted(lines_of.items()) if len(pages) > 1 and min(pages.values()) < 2]
    split = sum(1 for pages in lines_of.values() if len(pages) > 1)
    t.check(not bad, "%s: no widow or orphan line (%d paragraph(s) split across pages)" % (label, split), "; ".join(bad))


article = t.article()
paras = paragraphs(article)
check_widows("article (A4)", t.sample_output(article, "pdf"), paras)
for paper in ("A5", "B5", "Letter"):
    pdf = t.path("article-%s.pdf" % paper)
    r = t.sapchu([article, "--paper", paper, "-o", pdf])
    if t.check(r.code == 0, "article on %s: exit 0" % paper, r.describe() + e2elib.signal_note(r.code)):
        check_widows("article (%s)" % paper, pdf, paras)

# Headings stay with what follows: no page's last line is a heading.
for sample in t.samples():
    if not sample.endswith(".md"):
        continue
    with open(sample, encoding="utf-8") as f:
        text = f.read()
    heads = [" ".join(re.sub(r"[*_`]", "", h).split()) for h in re.findall(r"(?m)^#{1,6}\s+(.*?)\s*#*\s*$", text)]
    for paper in ("A4", "A5"):
        pdf = t.sample_output(sample, "pdf") if paper == "A4" else t.path(os.path.basename(sample) + ".A5.pdf")
        if paper != "A4":
            r = t.sapchu([sample, "--paper", paper, "-o", pdf])
            if not t.check(r.code == 0, "%s on %s: exit 0" % (os.path.basename(sample), paper), r.describe()):
                continue
        lines = page_lines(pdf)
        ends = [(pg, " ".join(ws)) for (pg, ws), nxt in zip(lines, lines[1:] + [(None, [])]) if nxt[0] != pg]
        stranded = [(pg, ln) for pg, ln in ends if ln in heads]
        t.check(not stranded, "%s (%s): no page ends with a heading (%d headings)" % (os.path.basename(sample), paper, len(heads)),
                "pages ending with a heading: %s" % stranded)
t.finish()
