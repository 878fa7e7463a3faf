"""e2e_pages_book: the page builder's book features on real PDFs.

- footnotes: each note's text on the page of its reference (pdftotext per page), a long note
  continuing at the foot of the next page, reference and note linked both ways (qpdf --json);
- --toc: a contents page whose entries show the right folios (pdftotext -layout) and link to the
  headings' pages (qpdf --json /Annots /Dest), page labels roman for it and decimal from 1 after;
- running heads from a test stylesheet: string(chapter) in the top margin of pages after a
  chapter's first page and not on it (pdftotext -bbox), counter(page) / counter(pages) at the foot,
  chapters on right-hand (odd) pages;
- an internal link [x](#anchor) is a GoTo to its heading's page; the outline nests as the headings;
- a list item or block quote of three short paragraphs is never split across pages.
"""
import os
import random
import re
import json
import xml.etree.ElementTree as ET

import e2elib

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua").split()


def para(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def qpdf_json(t, pdf):
    r = e2elib.run(["qpdf", "--json", pdf])
    if r.code != 0:
        t.fail("qpdf --json failed: " + r.describe())
        return None
    return json.loads(r.out)


class Pdf:
    """Pages, labels, link annotations and the outline of a PDF, read from qpdf --json."""

    def __init__(self, t, pdf):
        self.pdf = pdf
        d = qpdf_json(t, pdf) or {"pages": [], "qpdf": [{}, {}], "outlines": []}
        self.objs = d["qpdf"][1]
        self.page_refs = [p["object"] for p in d["pages"]]
        self.labels = [p.get("label") for p in d["pages"]]
        self.outlines = d.get("outlines", [])
        self.text = e2elib.pdftotext_pages(pdf)
        self.layout = e2elib.pdftotext_pages(pdf, layout=True)

    def obj(self, ref):
        v = self.objs.get("obj:" + ref, {})
        return v.get("value", v.get("stream", {}).get("dict"))

    def page_index(self, ref):
        return self.page_refs.index(ref) if ref in self.page_refs else -1

    def links(self, page):
        """(rect, target page index) of the GoTo links on a page (0-based)."""
        pg = self.obj(self.page_refs[page]) or {}
        annots = pg.get("/Annots", [])
        if isinstance(annots, str):
            annots = self.obj(annots) or []
        out = []
        for a in annots:
            v = self.obj(a) if isinstance(a, str) else a
            if not v or v.get("/Subtype") != "/Link" or "/Dest" not in v:
                continue
            dest = v["/Dest"]
            if isinstance(dest, str):
                dest = self.obj(dest)
            out.append((v.get("/Rect"), self.page_index(dest[0]) if dest else -1))
        return out

    def pages_with(self, word):
        return [i for i, p in enumerate(self.text) if word in p]


def bbox_words(pdf):
    """Per page: (height, [(yMin, yMax, word)]) from pdftotext -bbox."""
    r = e2elib.run(["pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"])
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", r.text)
    xml = xml.replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(xml)
    pages = []
    for pg in root.iter("page"):
        words = [(float(w.get("yMin")), float(w.get("yMax")), w.text or "") for w in pg.iter("word")]
        pages.append((float(pg.get("height")), words))
    return pages


def write(t, name, text):
    path = t.path(name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def convert(t, src, pdf, *extra):
    r = t.sapchu([src, "-o", pdf] + list(extra))
    return t.check(r.code == 0 and os.path.exists(pdf), "sapchu %s %s" % (os.path.basename(src), " ".join(extra)),
                   r.describe())


# ---- footnotes ---------------------------------------------------------------------------------

def test_footnotes(t):
    rng = random.Random(7)
    out = ["---", "title: Notes", "lang: en", "---", "", "See [the methods](#methods-in-depth).", ""]
    k = 0
    for i in range(36):
        if i == 20:
            out.append("## Methods in depth\n")
        if i % 3 == 1:
            k += 1
            out.append(para(rng, 40) + " REFMARK%d here[^n%d] " % (k, k) + para(rng, 30) + "\n")
        else:
            out.append(para(rng, 70) + "\n")
    out.append(para(rng, 60) + " LONGREF here[^long] and more.\n")
    for _ in range(12):
        out.append(para(rng, 70) + "\n")
    for j in range(1, k + 1):
        out.append("[^n%d]: NOTEMARK%d %s\n" % (j, j, para(rng, 15 + (j * 7) % 30)))
    # Longer than a page: it must continue (a note takes at most half of the pages after).
    out.append("[^long]: LONGSTART " + " ".join(para(rng, 60) for _ in range(20)) + " LONGEND\n")
    src = write(t, "notes.md", "\n".join(out))
    pdf = t.path("notes.pdf")
    if not convert(t, src, pdf):
        return
    P = Pdf(t, pdf)
    bad = []
    for j in range(1, k + 1):
        ref, note = P.pages_with("REFMARK%d " % j), P.pages_with("NOTEMARK%d " % j)
        if len(ref) != 1 or ref != note:
            bad.append("note %d: reference on page(s) %s, note on %s" % (j, ref, note))
    t.check(not bad and k > 8, "%d notes each at the foot of its reference's page" % k, "; ".join(bad))
    lr, ls, le = P.pages_with("LONGREF"), P.pages_with("LONGSTART"), P.pages_with("LONGEND")
    t.check(len(lr) == 1 and ls == lr and len(le) == 1 and lr[0] < le[0] <= lr[0] + 3,
            "a long note starts on its reference's page and continues on the next",
            "reference %s, start %s, end %s" % (lr, ls, le))
    if le:
        # On the next page the rest of the note comes after the body text (at the foot).
        page = P.text[le[0]]
        t.check(page.find("LONGEND") > len(page) // 2 and re.search(r"[a-z]{4}", page[:200]),
                "the continued note is at the foot of page %d, below body text" % (le[0] + 1),
                page[:300])
    # Reference and note link to each other on the same page.
    pairs = 0
    for i in range(len(P.page_refs)):
        for rect, target in P.links(i):
            if target == i:
                pairs += 1
    t.check(pairs >= 2 * k, "note references and numbers link within their page (%d links)" % pairs,
            "want at least %d" % (2 * k))
    # The internal link on page 1 goes to the heading's page.
    heading = [i for i, p in enumerate(P.text) if re.search(r"^Methods in depth$", p, re.M)]
    targets = [tg for _, tg in P.links(0)]
    t.check(len(heading) == 1 and heading[0] in targets and heading[0] > 0,
            "[the methods](#methods-in-depth) is a GoTo to page %s" % (heading[0] + 1 if heading else "?"),
            "heading on %s, links on page 1 go to %s" % (heading, targets))


# ---- book: contents, running heads, labels, outline ----------------------------------------

BOOK_CSS = """
@page { margin: 2.5cm;
  @top-center { content: string(chapter); font-style: italic }
  @bottom-center { content: counter(page) " / " counter(pages) } }
h1 { string-set: chapter content(); page-break-before: right }
"""


def book_source(rng):
    out = ["---", "title: Test Book", "lang: en", "---", ""]
    tree = []
    for c in range(1, 5):
        title = "Chapter %s Zeta" % ["One", "Two", "Three", "Four"][c - 1]
        out.append("# %s\n" % title)
        tree.append((1, title))
        for s in range(1, 3):
            st = "Section %d.%d Eta" % (c, s)
            out.append("## %s\n" % st)
            tree.append((2, st))
            for p in range(3 + (c + s) % 3):
                out.append(para(rng, 80) + "\n")
            if s == 2:
                sub = "Detail %d Theta" % c
                out.append("### %s\n" % sub)
                tree.append((3, sub))
                out.append(para(rng, 60) + "\n")
    return "\n".join(out), tree


def outline_tree(items, level=1, acc=None):
    acc = [] if acc is None else acc
    for it in items:
        acc.append((level, it["title"]))
        outline_tree(it.get("kids", []), level + 1, acc)
    return acc


def test_book(t):
    rng = random.Random(11)
    text, tree = book_source(rng)
    src = write(t, "book.md", text)
    css = write(t, "book.css", BOOK_CSS)
    pdf = t.path("book.pdf")
    if not convert(t, src, pdf, "--toc", "--style", css):
        return
    P = Pdf(t, pdf)
    n = len(P.page_refs)
    # Page labels: roman contents, then 1.. for the body.
    styles = [(l or {}).get("/S") for l in P.labels]
    front = 0
    while front < n and styles[front] == "/r":
        front += 1
    t.check(front >= 1 and all(s == "/D" for s in styles[front:]) and
            (P.labels[front] or {}).get("/St", 1) == 1,
            "page labels: %d roman contents page(s), then decimal from 1" % front,
            "labels %s" % P.labels)
    t.check("Contents" in P.text[0], "the contents page is titled Contents", P.text[0][:200])
    # Where each heading really is: the body page whose text has it as a line of its own.
    where = {}
    for level, title in tree:
        # (the first page with it: running heads repeat chapter titles on the pages after)
        pages = [i for i in range(front, n) if re.search(r"^%s$" % re.escape(title), P.text[i], re.M)]
        where[title] = pages[0] if pages else None
    # Contents entries: title ... folio on one line, the folio that of the heading's page.
    toc_text = "\n".join(P.layout[:front])
    bad = []
    for level, title in tree:
        m = re.search(r"^\s*%s[ .]*?(\d+)\s*$" % re.escape(title), toc_text, re.M)
        want = where[title] - front + 1 if where[title] is not None else None
        if not m or want is None or int(m.group(1)) != want:
            bad.append("%s: contents says %s, heading on folio %s" % (title, m.group(1) if m else None, want))
    t.check(not bad, "contents: %d entries with the right folios" % len(tree), "; ".join(bad))
    # Contents links: one per entry, each a GoTo to its heading's page, in order.
    targets = [tg for p in range(front) for _, tg in P.links(p)]
    want = [where[title] for _, title in tree]
    t.check(targets == want, "contents entries link to the headings' pages",
            "links go to %s, headings are on %s" % (targets, want))
    # The outline nests as the headings do.
    got = outline_tree(P.outlines)
    t.check(got == tree, "outline tree matches the heading tree (%d entries)" % len(tree),
            "got %s" % got)
    # Chapters on right-hand pages: odd physical page numbers (1-based).
    chapters = [title for level, title in tree if level == 1]
    t.check(all(where[c] is not None and where[c] % 2 == 0 for c in chapters),
            "chapters start on right-hand pages", str({c: where[c] for c in chapters}))
    # Running heads: in the top margin, the current chapter's title, never on a chapter's page.
    bb = bbox_words(pdf)
    margin = 72 * 2.5 / 2.54
    body_pages = n - front
    bad = []
    current = None
    for i in range(front, n):
        height, words = bb[i]
        starts = [c for c in chapters if where[c] == i]
        if starts:
            current = starts[0]
        head = " ".join(w for y0, y1, w in words if y1 < margin)
        foot = " ".join(w for y0, y1, w in words if y0 > height - margin)
        if not words:
            continue  # a blank page before a chapter
        if starts and head:
            bad.append("page %d starts %s but has a head '%s'" % (i + 1, starts[0], head))
        elif not starts and head != (current or ""):
            bad.append("page %d: head '%s', want '%s'" % (i + 1, head, current))
        want_foot = "%d / %d" % (i - front + 1, body_pages)
        if foot != want_foot:
            bad.append("page %d: foot '%s', want '%s'" % (i + 1, foot, want_foot))
    heads = sum(1 for i in range(front, n) if any(y1 < margin for _, y1, _ in bb[i][1]))
    t.check(not bad and heads >= 3,
            "running heads with string(chapter) on %d pages, none on chapter pages; "
            "counter(page) / counter(pages) at every foot" % heads, "; ".join(bad[:6]))


# ---- short blocks never split --------------------------------------------------------------

def test_short_blocks(t):
    moved, bad = 0, []
    for fill in range(10):
        rng = random.Random(100 + fill)
        out = ["---", "lang: en", "---", ""]
        for i in range(4 + fill // 3):
            out.append(para(rng, 40 + 9 * ((i + fill) % 5)) + "\n")
        out.append("- ITEMSTART one\n\n  middle line\n\n  ITEMEND three\n")
        out.append("- second item\n")
        out.append("\n> QUOTESTART one\n>\n> middle line\n>\n> QUOTEEND three\n")
        for i in range(6):
            out.append(para(rng, 50) + "\n")
        src = write(t, "short%d.md" % fill, "\n".join(out))
        pdf = t.path("short%d.pdf" % fill)
        r = t.sapchu([src, "-o", pdf, "--paper", "A5"])
        if r.code != 0:
            bad.append(r.describe())
            continue
        P = Pdf(t, pdf)
        for a, b in (("ITEMSTART", "ITEMEND"), ("QUOTESTART", "QUOTEEND")):
            pa, pb = P.pages_with(a), P.pages_with(b)
            if len(pa) != 1 or pa != pb:
                bad.append("fill %d: %s on %s, %s on %s" % (fill, a, pa, b, pb))
            elif pa[0] > 0 and re.match(r"\s*(•\s*)?%s" % a, P.text[pa[0]]):
                moved += 1  # the block opens a page: it was moved (or fell there)
    t.check(not bad, "a list item and a block quote of three short paragraphs are never split",
            "; ".join(bad[:4]))
    t.check(moved > 0, "the sweep moved a short block whole to a page top at least once (%d)" % moved)


def main():
    t = e2elib.Test(__doc__)
    test_footnotes(t)
    test_book(t)
    test_short_blocks(t)
    t.finish()


if __name__ == "__main__":
    main()
