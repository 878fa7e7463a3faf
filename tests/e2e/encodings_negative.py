"""e2e_encodings_negative: what must NOT be taken for a legacy encoding, and input format sniffing.
- English ASCII full of VIQR-looking marks (it's, cafe^, "Are you there?") comes out unchanged:
  VIQR is only used on request.
- UTF-8 Vietnamese with one stray byte, random bytes, and Latin-1 English give the foundation's
  invalid-UTF-8 error (exit 1, file:line:column and the byte offset), with no detection note.
- --encoding with an unknown name is a usage error (exit 2).
- Format from the content when the extension is missing or wrong: a .txt that is really HTML is
  read as HTML; a file without extension that is an EPUB (a zip with mimetype
  application/epub+zip) is read as an EPUB; a DOCX without extension is recognised as DOCX (read,
  or "DOCX input is not supported by this build" until its reader exists); a zip that is none of
  them is a clear error."""
import os
import random
import re
import shutil
import zipfile

import e2elib

t = e2elib.Test(__doc__)


def write(name, data):
    p = t.path(name)
    with open(p, "wb") as f:
        f.write(data)
    return p


def pdf_words(pdf):
    got, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
    return got


# -- English ASCII is never VIQR
english = (b"Are you there? I see. It's a cafe^ idea (really) - do you agree? Yes.\n\n"
           b"The D.D.T. case: a` la carte, o+ and u+ are not words; 'quoted' and `ticked`.\n")
src = write("english.txt", english)
r = t.sapchu(["-v", src, "-o", t.path("english.pdf")])
if t.check(r.code == 0, "English ASCII converts", r.describe()):
    t.check(pdf_words(t.path("english.pdf")) == english.decode().split(),
            "English ASCII: the PDF's words are the source's (no VIQR marks turned into tones)",
            "got %r" % pdf_words(t.path("english.pdf"))[:30])
    t.check("not UTF-8" not in r.errtext, "English ASCII: no detection note", r.errtext)

# -- invalid UTF-8 stays an error
article = open(t.article(), "rb").read()
cut = article.index(b"\n", 600) + 1
line = article[:cut].count(b"\n") + 1
stray = article[:cut] + b"xy\xe9z " + article[cut:]
RNG = random.Random(1258)
ERR = r"invalid UTF-8 \(byte 0x%02X at offset %d"
cases = [
    ("UTF-8 article with one stray byte", "stray.txt", stray, r"stray\.txt:%d:3: error: " % line + ERR % (0xE9, cut + 2)),
    ("random bytes", "random.txt", bytes(RNG.randrange(256) for _ in range(6000)),
     r"random\.txt:\d+:\d+: error: invalid UTF-8 \(byte 0x"),
    ("Latin-1 English", "latin1.txt",
     "The café served a naïve crème brûlée to the fiancée at the Hôtel.\n".encode("latin-1"),
     r"latin1\.txt:1:\d+: error: invalid UTF-8 \(byte 0x"),
]
for what, name, data, pattern in cases:
    src = write(name, data)
    r = t.sapchu(["-v", src, "-o", t.path(name + ".pdf")])
    t.check(r.code == 1, "%s: exit 1" % what, r.describe())
    t.check(re.search(pattern, r.errtext) is not None, "%s: the invalid-UTF-8 error (%s)" % (what, pattern),
            r.describe())
    t.check("not UTF-8; read as" not in r.errtext, "%s: not taken for a legacy encoding" % what, r.errtext)
    t.check(not os.path.exists(t.path(name + ".pdf")), "%s: no output" % what)

r = t.sapchu([t.article(), "-o", t.path("x.pdf"), "--encoding", "latin-9"])
t.check(r.code == 2 and "unknown encoding 'latin-9'" in r.errtext, "--encoding latin-9: usage error", r.describe())

# -- format sniffing
html = ("<!DOCTYPE html>\n<html lang=\"vi\"><head><title>Trang thử</title></head>\n"
        "<body><h1>Tiêu đề chính</h1><p>Xin chào <b>thế giới</b>.</p></body></html>\n").encode()
src = write("page.txt", html)
r = t.sapchu([src, "-o", t.path("page.pdf")])
if t.check(r.code == 0, "a .txt holding HTML converts", r.describe()):
    words = pdf_words(t.path("page.pdf"))
    t.check("Tiêu" in words and "chào" in words and not any("<" in w for w in words),
            "a .txt holding HTML is read as HTML (text without tags)", "got %r" % words)

epub = t.path("article.epub")
r = t.sapchu([t.article(), "-o", epub])
if t.check(r.code == 0, "the article converts to EPUB", r.describe()):
    book = t.path("book")
    shutil.copyfile(epub, book)
    r = t.sapchu([book, "-o", t.path("book.pdf")])
    if t.check(r.code == 0, "an EPUB without extension converts", r.describe()):
        words = pdf_words(t.path("book.pdf"))
        t.check("Toàn" in words and "PK" not in " ".join(words[:5]),
                "an EPUB without extension is read as an EPUB", "got %r" % words[:20])

docx = t.path("letter")
with zipfile.ZipFile(docx, "w") as z:
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
               'wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels",
               '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
               'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
               '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml",
               '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
               '2006/main"><w:body><w:p><w:r><w:t>Xin chào thế giới</w:t></w:r></w:p></w:body></w:document>')
r = t.sapchu([docx, "-o", t.path("letter.pdf")])
if r.code == 0:
    t.check("chào" in pdf_words(t.path("letter.pdf")), "a DOCX without extension is read as a DOCX")
else:
    t.check("DOCX input is not supported by this build" in r.errtext,
            "a DOCX without extension is recognised as DOCX (its reader is not in this build)", r.describe())

other = t.path("archive.txt")
with zipfile.ZipFile(other, "w") as z:
    z.writestr("readme.txt", "hello")
r = t.sapchu([other, "-o", t.path("archive.pdf")])
t.check(r.code == 1 and "zip archive that is neither DOCX, ODT nor EPUB" in r.errtext,
        "a zip that is no document: a clear error", r.describe())
# the zip sniffing itself, on packages no reader needs to exist for (SAPCHU_ENCODING_TOOL is set by
# tests/encodings.cmake: `encoding_tool format NAME` prints the detected format)
tool = os.environ.get("SAPCHU_ENCODING_TOOL")
if t.check(tool and os.access(tool, os.X_OK), "encoding_tool is there (%s)" % tool):
    CT = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override ContentType="%s"/></Types>'
    zips = [
        ("an XLSX (OOXML, but no Word document)", {"[Content_Types].xml": CT % "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"}, "text"),
        ("a DOCX whose main part is word/document2.xml", {"[Content_Types].xml": CT % "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"}, "DOCX"),
        ("an ODT", {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}, "ODT"),
        ("an ODS", {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}, "text"),
        ("an EPUB", {"mimetype": "application/epub+zip", "META-INF/container.xml": "<x/>"}, "EPUB"),
    ]
    for what, files, want in zips:
        p = t.path("sniff")
        with zipfile.ZipFile(p, "w") as z:
            for k, v in files.items():
                z.writestr(k, v)
        r = e2elib.run([tool, "format", "sniff"], stdin=open(p, "rb").read())
        t.check(r.text.strip() == want, "%s without extension is sniffed as %s" % (what, want), "got %r" % r.text)
    for name, data, want in [("notes.txt", b"<!-- x -->\n<html><body>x</body></html>", "HTML"),
                             ("notes.md", b"Some <b>bold</b> <body> text", "Markdown"),
                             ("page.xml", b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>", "XHTML"),
                             ("book.epub", b"not a zip at all", "EPUB")]:
        r = e2elib.run([tool, "format", name], stdin=data)
        t.check(r.text.strip() == want, "%s holding %r is %s" % (name, data[:30], want), "got %r" % r.text)
t.finish()
