"""e2e_epub: every sample EPUB passes epubcheck with 0 fatals / 0 errors / 0 warnings, has the
package parts issue 2 names (stored mimetype first, dc:title, dc:language, a urn:uuid identifier,
dcterms:modified from SOURCE_DATE_EPOCH, nav.xhtml and toc.ncx), and its text (the XHTML content
documents in spine order, tags stripped) equals the source words (Markdown: pandoc -t plain, without
its ordered-list numbers: in XHTML they come from <ol>, not from the text)."""
import os
import re
import zipfile
import e2elib

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
        diff, title, n = e2elib.compare_markdown(sample, e2elib.epub_spine_words(epub), list_numbers=False)
        ref = "pandoc -t plain (typeset title block: %s)" % (title or "none")
    else:
        expected = e2elib.read_source_words(sample)
        diff = e2elib.compare_words(expected, e2elib.epub_spine_words(epub))
        ref, n = "the NFC source", len(expected)
    t.check(diff is None, "%s: the spine text equals %s (%d words)" % (name, ref, n), diff or "")
t.finish()
