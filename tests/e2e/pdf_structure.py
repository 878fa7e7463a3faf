"""e2e_pdf_structure: every sample PDF is structurally clean (qpdf --check), embeds only subset
CID TrueType fonts with Identity-H and a ToUnicode (pdffonts), is PDF 1.5 on A4 (pdfinfo), has
compressed page streams, its Info (Title, Creator/Producer, CreationDate), the document's /Lang, a
folio on every page, a URI link for every URL of the source, an outline entry per Markdown heading
and a link from every footnote reference to its note."""
import os
import re
import e2elib
from pdfminer.pdfparser import PDFParser
from pdfminer.pdfdocument import PDFDocument, PDFNoOutlines
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1


def source_facts(sample):
    """(urls, [(level, heading)], footnote reference count, language) from the source file."""
    with open(sample, encoding="utf-8-sig") as f:
        text = f.read()
    urls = [u.rstrip(".,;:!?)]") for u in re.findall(r"https?://[^\s<>()\[\]]+", text)]
    headings, refs, lang = [], 0, "vi"
    if sample.endswith(".md"):
        m = re.match(r"---\n(.*?)\n(---|\.\.\.)\n", text, re.S)
        if m:
            lm = re.search(r"^lang:\s*['\"]?([\w-]+)", m.group(1), re.M)
            lang = lm.group(1) if lm else lang
            text = text[m.end():]
        fenced = False
        for ln in text.splitlines():
            if re.match(r"\s*(```|~~~)", ln):
                fenced = not fenced
                continue
            h = re.match(r"(#{1,6})\s+(.*?)\s*#*\s*$", ln)
            if h and not fenced:
                headings.append((len(h.group(1)), re.sub(r"[*_`]", "", h.group(2))))
        refs = len(re.findall(r"\[\^[^\]]+\](?!:)", text))
    return urls, nest(headings), refs, lang


def nest(headings):
    """Heading levels as outline depths: an h2 with no h1 above it is a top-level entry."""
    out, stack = [], []
    for level, title in headings:
        while stack and stack[-1] >= level:
            stack.pop()
        stack.append(level)
        out.append((len(stack), title))
    return out

t = e2elib.Test(__doc__)
for sample in t.samples():
    pdf = t.sample_output(sample, "pdf")
    name = os.path.basename(pdf)
    if not t.check(os.path.isfile(pdf), name + ": exists", "missing (e2e_samples_convert failed?)"):
        continue

    r = e2elib.run(["qpdf", "--check", pdf])
    t.check(r.code == 0 and "No syntax or stream encoding errors found" in r.text and "WARNING" not in r.text.upper(),
            name + ": qpdf --check clean",
            "expected exit 0 and no warning, got `%s` exit %s:\n%s" % (r.cmd, r.code, (r.text + r.errtext)[-1500:]))

    r = e2elib.run(["pdffonts", pdf])
    rows = [ln for ln in r.text.splitlines()[2:] if ln.strip()]
    t.check(r.code == 0 and rows, name + ": pdffonts lists fonts", "got `%s` exit %s: %s" % (r.cmd, r.code, r.text + r.errtext))
    for ln in rows:
        cols = ln.split()
        # name type... encoding emb sub uni object-num gen
        fontname, emb, sub, uni = cols[0], cols[-5], cols[-4], cols[-3]
        t.check("CID TrueType" in ln and "Identity-H" in ln and (emb, sub, uni) == ("yes", "yes", "yes")
                and len(fontname) > 7 and fontname[6] == "+",
                name + ": font %s is an embedded subset CID TrueType Identity-H font with ToUnicode" % fontname,
                "pdffonts row: %r (expected type CID TrueType, encoding Identity-H, emb/sub/uni yes, a XXXXXX+ subset tag)" % ln)

    r, info = e2elib.pdfinfo(pdf, ["-isodates"])
    t.check(r.code == 0, name + ": pdfinfo reads it", r.describe())
    t.check(info.get("PDF version") == "1.5", name + ": PDF version 1.5",
            "pdfinfo says PDF version %r" % info.get("PDF version"))
    t.check(info.get("Page size", "").startswith("595.276 x 841.89"), name + ": A4 pages",
            "pdfinfo Page size %r, expected 595.276 x 841.89 pts (A4)" % info.get("Page size"))
    t.check(info.get("Title", "") != "", name + ": has a Title", "pdfinfo shows no Title")
    t.check(info.get("Creator", "") != "" or info.get("Producer", "") != "", name + ": has a Creator/Producer",
            "pdfinfo shows neither Creator nor Producer")
    t.check(info.get("CreationDate", "").startswith(e2elib.EPOCH_PDF_DATE), name + ": CreationDate is SOURCE_DATE_EPOCH",
            "made with SOURCE_DATE_EPOCH=%d, expected CreationDate %s..., got %r" % (
                e2elib.EPOCH, e2elib.EPOCH_PDF_DATE, info.get("CreationDate")))

    # Page content streams are compressed; links.
    urls, headings, refs, lang = source_facts(sample)
    uris, internal, outside = set(), 0, []
    with open(pdf, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        unfiltered = 0
        for n, page in enumerate(PDFPage.create_pages(doc), 1):
            x0, y0, x1, y1 = [float(v) for v in resolve1(page.mediabox)]
            for a in resolve1(page.annots) or []:
                a = resolve1(a)
                if str(resolve1(a.get("Subtype"))) != "/'Link'":
                    continue
                action = resolve1(a.get("A")) or {}
                if resolve1(action.get("URI")):
                    uris.add(resolve1(action.get("URI")).decode("latin-1"))
                elif a.get("Dest") is not None or str(resolve1(action.get("S"))) == "/'GoTo'":
                    internal += 1
                r = [float(resolve1(v)) for v in resolve1(a.get("Rect"))]
                if min(r[0], r[2]) < x0 or max(r[0], r[2]) > x1 or min(r[1], r[3]) < y0 or max(r[1], r[3]) > y1:
                    outside.append((n, r))
            contents = resolve1(page.attrs.get("Contents"))
            streams = contents if isinstance(contents, list) else [contents]
            for s in streams:
                s = resolve1(s)
                filt = resolve1(s.attrs.get("Filter"))
                if not filt or "FlateDecode" not in str(filt):
                    unfiltered += 1
        try:
            outline = [(level, title) for (level, title, *_rest) in doc.get_outlines()]
        except PDFNoOutlines:
            outline = []
    t.check(unfiltered == 0, name + ": page content streams are Flate-compressed",
            "%d page content stream(s) without /FlateDecode" % unfiltered)
    missing = [u for u in urls if u not in uris]
    t.check(not missing, name + ": a URI link for each of the %d URL(s) in the source" % len(urls),
            "no link annotation for %s (links found: %s)" % (missing, sorted(uris)))
    t.check(not outside, name + ": link rectangles lie on the page", "outside the page: %s" % outside[:4])
    if sample.endswith(".md"):
        t.check(outline == headings, name + ": the outline lists the %d headings, nested as they are" % len(headings),
                "expected %s, got %s" % (headings, outline))
        t.check(internal >= refs, name + ": an internal link for each of the %d footnote reference(s)" % refs,
                "%d internal link(s)" % internal)
    got_lang = e2elib.pdf_catalog_lang(pdf)
    t.check(got_lang == lang, name + ": /Lang is the document's language (%s)" % lang, "/Lang %r" % got_lang)

    pages = e2elib.pdftotext_pages(pdf)
    _, folios = e2elib.split_folios(pages)
    expected = list(range(1, len(pages) + 1))
    t.check(folios == expected, name + ": every page ends with its number (%d pages)" % len(pages),
            "pdftotext page feet: expected folios %s, got %s (None = no number at the foot)" % (expected, folios))
t.finish()
