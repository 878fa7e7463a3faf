"""e2e_epub: every sample EPUB passes epubcheck with 0 fatals / 0 errors / 0 warnings, has the
package parts issue 2 names (stored mimetype first, dc:title, dc:language, a urn:uuid identifier,
dcterms:modified from SOURCE_DATE_EPOCH, nav.xhtml and toc.ncx), and its text (the XHTML content
documents in spine order, tags stripped) equals the source words (Markdown: pandoc -t plain, without
its ordered-list numbers: in XHTML they come from <ol>, not from the text)."""
import os
import re
import unicodedata
import zipfile
import xml.etree.ElementTree as ET
import e2elib



def github_slug(text, seen):
    """A heading id as GitHub makes it: lower case, punctuation dropped, spaces to '-', -1, -2... for
    repeats."""
    slug = "".join(c for c in text.lower() if unicodedata.category(c)[0] in "LMN" or c in "-_ ").replace(" ", "-")
    base, n = slug, seen.get(slug, 0)
    seen[slug] = n + 1
    return base if n == 0 else "%s-%d" % (base, n)


def check_navigation(t, name, z, opf_path, opf, sample):
    """nav.xhtml lists the headings with GitHub's ids; footnotes are EPUB 3 noteref/footnote pairs."""
    with open(sample, encoding="utf-8") as f:
        text = re.sub(r"\A---\n.*?\n(---|\.\.\.)\n", "", f.read(), flags=re.S)
    headings, fenced = [], False
    for ln in text.splitlines():
        if re.match(r"\s*(```|~~~)", ln):
            fenced = not fenced
        h = re.match(r"(#{1,6})\s+(.*?)\s*#*\s*$", ln)
        if h and not fenced:
            headings.append(re.sub(r"[*_`]", "", h.group(2)))
    seen = {}
    want = [(hd, github_slug(hd, seen)) for hd in headings]
    base = os.path.dirname(opf_path)
    items = list(opf.find("opf:manifest", e2elib.NS))
    nav = [it for it in items if "nav" in (it.get("properties") or "").split()]
    if not t.check(len(nav) == 1, name + ": one navigation document", "%d manifest items with properties=nav" % len(nav)):
        return
    root = ET.fromstring(z.read(os.path.normpath(os.path.join(base, nav[0].get("href")))))
    toc = [n for n in root.iter("{%s}nav" % e2elib.NS["x"]) if n.get("{%s}type" % e2elib.NS["epub"]) == "toc"]
    entries = [("".join(a.itertext()).strip(), a.get("href", "").partition("#")[2])
               for a in (toc[0].iter("{%s}a" % e2elib.NS["x"]) if toc else [])]
    got = [e for e in entries if e[1]]  # entries with a fragment: the headings (a first entry may be the title page)
    t.check(got == want, name + ": the nav lists the %d headings with GitHub-style ids" % len(want),
            "expected %s, got %s" % (want, entries))
    refs = len(re.findall(r"\[\^[^\]]+\](?!:)", text))
    noterefs = notes = 0
    for it in items:
        if it.get("media-type") != "application/xhtml+xml":
            continue
        doc = ET.fromstring(z.read(os.path.normpath(os.path.join(base, it.get("href")))))
        for el in doc.iter():
            kinds = (el.get("{%s}type" % e2elib.NS["epub"]) or "").split()
            noterefs += "noteref" in kinds
            notes += "footnote" in kinds or "endnote" in kinds
    defs = len(set(re.findall(r"^\[\^([^\]]+)\]:", text, re.M)))
    t.check(noterefs == refs and notes == defs,
            name + ": %d footnote reference(s) are epub:type noteref, %d note(s) footnote/endnote" % (refs, defs),
            "found %d noteref and %d footnote/endnote elements" % (noterefs, notes))


t = e2elib.Test(__doc__)
for sample in t.samples():
    epub = t.sample_output(sample, "epub")
    name = os.path.basename(epub)
    if not t.check(os.path.isfile(epub), name + ": exists", "missing (e2e_samples_convert failed?)"):
        continue
    r, summary = e2elib.epubcheck(epub)
    t.check(summary.startswith("Messages: 0 fatals / 0 errors / 0 warnings"),
            name + ": epubcheck reports 0 fatals / 0 errors / 0 warnings",
            "`%s` exit %s, %r:\n%s" % (r.cmd, r.code, summary,
                                       "\n".join(ln for ln in (r.text + r.errtext).splitlines()
                                                 if re.match(r"(FATAL|ERROR|WARNING)", ln))[:3000]))
    try:
        z, opf_path, opf = e2elib.epub_package(epub)
    except Exception as ex:  # a broken package is a failure, reported, not a crash of the test
        t.fail("%s: cannot read the package: %s" % (name, ex))
        continue
    first = z.infolist()[0]
    t.check(first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
            and z.read("mimetype") == b"application/epub+zip",
            name + ": mimetype is the first entry, stored", "first entry %r, compression %d" % (first.filename, first.compress_type))
    meta = opf.find("opf:metadata", e2elib.NS)
    dc = lambda tag: [(e.text or "").strip() for e in meta.findall("dc:" + tag, e2elib.NS)]
    t.check(dc("title") and dc("title")[0], name + ": dc:title", "dc:title %s" % dc("title"))
    t.check(dc("language") and dc("language")[0], name + ": dc:language", "dc:language %s" % dc("language"))
    ident = dc("identifier")
    t.check(ident and re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ident[0]),
            name + ": dc:identifier is a urn:uuid", "dc:identifier %s" % ident)
    modified = [(e.text or "").strip() for e in meta.findall("opf:meta", e2elib.NS) if e.get("property") == "dcterms:modified"]
    t.check(modified == [e2elib.EPOCH_ISO], name + ": dcterms:modified is SOURCE_DATE_EPOCH",
            "made with SOURCE_DATE_EPOCH=%d: expected [%r], got %s" % (e2elib.EPOCH, e2elib.EPOCH_ISO, modified))
    names = z.namelist()
    t.check(any(n.endswith("nav.xhtml") for n in names) and any(n.endswith("toc.ncx") for n in names),
            name + ": has nav.xhtml and toc.ncx", "entries: %s" % names)

    if sample.endswith(".md"):
        check_navigation(t, name, z, opf_path, opf, sample)
        diff, title, n = e2elib.compare_markdown(sample, e2elib.epub_spine_words(epub), list_numbers=False)
        ref = "pandoc -t plain (typeset title block: %s)" % (title or "none")
    else:
        expected = e2elib.read_source_words(sample)
        diff = e2elib.compare_words(expected, e2elib.epub_spine_words(epub))
        ref, n = "the NFC source", len(expected)
    t.check(diff is None, "%s: the spine text equals %s (%d words)" % (name, ref, n), diff or "")
t.finish()
