"""e2e_pagination: the page builder keeps widows and orphans of at least 2 lines (a paragraph split
across pages leaves at least 2 lines on each page) and keeps headings with what follows (no page
ends with a heading); every line of the article's justified paragraphs but the last reaches the
right margin (a line broken inside a URL may stay ragged but must fill 85% of the measure); on A4,
A5, B5 and Letter."""
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
    """[(page number, right end of the line, [words])] in reading order (pdftotext -bbox-layout),
    folios dropped."""
    r = e2elib.run(["pdftotext", "-bbox-layout", pdf, "-"])
    root = e2elib.ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", r.out))
    out = []
    ns = "{http://www.w3.org/1999/xhtml}"
    for n, page in enumerate(root.iter(ns + "page"), 1):
        height = float(page.get("height"))
        for line in page.iter(ns + "line"):
            words = [w.text or "" for w in line.iter(ns + "word")]
            if len(words) == 1 and re.fullmatch(r"\d+", words[0]) and float(line.get("yMin")) > height - e2elib.MARGIN:
                continue
            out.append((n, float(line.get("xMax")), words))
    return out, [float(p.get("width")) for p in root.iter(ns + "page")]


def check_lines(label, pdf, paras):
    """Maps each PDF line to the paragraph of its words, then checks the paragraphs split across
    pages (widows, orphans) and that every line of a (justified) paragraph but its last reaches the
    right margin."""
    owner = []  # paragraph index per source word
    words = []
    for k, p in enumerate(paras):
        owner.extend([k] * len(p))
        words.extend(p)
    lines, widths = page_lines(pdf)
    i, acc, lines_of, line_para, in_url = 0, "", {}, [], []
    for page, xmax, toks in lines:
        first_para = None
        for tok in toks:
            if i >= len(words):
                break
            if first_para is None:
                first_para = owner[i]
            if acc:  # inside a word broken across lines (a URL; e2e_text_article judges others)
                acc += tok
                if acc == words[i]:
                    acc, i = "", i + 1
                continue
            if tok == words[i]:
                i += 1
            elif words[i].startswith(tok):
                acc = tok
            else:
                t.fail("%s: the PDF text departs from the source at word %d (%r vs %r): see e2e_text_article" % (label, i, tok, words[i]))
                return
        line_para.append(first_para)
        in_url.append(bool(acc))  # the line ends inside a word (a URL) that the next line goes on with
        if first_para is not None:
            lines_of.setdefault(first_para, {}).setdefault(page, 0)
            lines_of[first_para][page] += 1
    bad = ["paragraph %d (%s...) has %s" % (k, " ".join(paras[k][:5]), ", ".join("%d line(s) on page %d" % (c, pg) for pg, c in sorted(pages.items())))
           for k, pages in sorted(lines_of.items()) if len(pages) > 1 and min(pages.values()) < 2]
    split = sum(1 for pages in lines_of.values() if len(pages) > 1)
    t.check(not bad, "%s: no widow or orphan line (%d paragraph(s) split across pages)" % (label, split), "; ".join(bad))
    short = []
    for k, (page, xmax, toks) in enumerate(lines):
        last_of_para = k + 1 == len(lines) or line_para[k + 1] != line_para[k]
        right = widths[page - 1] - e2elib.MARGIN
        # A line broken inside a URL may stay ragged (stretching its few spaces would look worse),
        # but not broken early: it must fill 85% of the measure.
        allowed = 0.15 * (right - e2elib.MARGIN) if in_url[k] else 1.0
        if not last_of_para and xmax < right - allowed:
            short.append("page %d: %r ends %.1f pt before the margin" % (page, " ".join(toks)[:60], right - xmax))
    t.check(not short, "%s: every line of a paragraph but its last reaches the right margin (a URL line: 85%% of it; %d lines)" % (label, len(lines)),
            "%d short line(s): %s" % (len(short), "; ".join(short[:3])))


article = t.article()
paras = paragraphs(article)
check_lines("article (A4)", t.sample_output(article, "pdf"), paras)
for paper in ("A5", "B5", "Letter"):
    pdf = t.path("article-%s.pdf" % paper)
    r = t.sapchu([article, "--paper", paper, "-o", pdf])
    if t.check(r.code == 0, "article on %s: exit 0" % paper, r.describe() + e2elib.signal_note(r.code)):
        check_lines("article (%s)" % paper, pdf, paras)

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
        lines, _ = page_lines(pdf)
        ends = [(pg, " ".join(ws)) for (pg, _x, ws), nxt in zip(lines, lines[1:] + [(None, 0, [])]) if nxt[0] != pg]
        stranded = [(pg, ln) for pg, ln in ends if ln in heads]
        t.check(not stranded, "%s (%s): no page ends with a heading (%d headings)" % (os.path.basename(sample), paper, len(heads)),
                "pages ending with a heading: %s" % stranded)
t.finish()
