"""e2e_stdio: `-` reads standard input and writes standard output: `cat article.txt | sapchu - -f txt
-t pdf -o - > x.pdf` gives the same text as converting the file; the same for EPUB and Markdown; `-o -`
without -t is a usage error (exit 2)."""
import os
import e2elib

t = e2elib.Test(__doc__)
with open(t.article(), "rb") as f:
    article = f.read()
expected = e2elib.read_source_words(t.article())

r = t.sapchu(["-", "-f", "txt", "-t", "pdf", "-o", "-"], stdin=article)
t.check(r.code == 0 and r.out.startswith(b"%PDF-"), "stdin -> PDF on stdout: exit 0, a PDF",
        "got %s, stdout starts %r" % (r.describe() + e2elib.signal_note(r.code), r.out[:16]))
t.check(not r.err.strip(), "nothing on stderr", r.errtext[:500])
if r.out.startswith(b"%PDF-"):
    pdf = t.path("stdout.pdf")
    with open(pdf, "wb") as f:
        f.write(r.out)
    q = e2elib.run(["qpdf", "--check", pdf])
    t.check(q.code == 0, "the PDF from stdout passes qpdf --check", "`%s` exit %s: %s" % (q.cmd, q.code, q.text[-500:]))
    words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
    diff = e2elib.compare_words(expected, words)
    t.check(diff is None, "the PDF from stdin holds the article's words", diff or "")
    _, info = e2elib.pdfinfo(pdf)
    first_line = article.decode("utf-8").split("\n", 1)[0].strip()
    t.check(info.get("Title") == first_line, "its Title is the first line (as for a file)",
            "pdfinfo Title %r, expected %r" % (info.get("Title"), first_line))
    filed = t.path("file.pdf")
    r2 = t.sapchu([t.article(), "-o", filed])
    if r2.code == 0:
        same = e2elib.pdftotext_pages(filed) == e2elib.pdftotext_pages(pdf)
        t.check(same, "stdin and the file give the same pdftotext text", "they differ")
        print("note: stdin and file PDFs are %s" % ("byte-identical" if open(filed, "rb").read() == r.out else "not byte-identical"))

r = t.sapchu(["-", "-t", "epub", "-o", "-"], stdin=article)
t.check(r.code == 0 and r.out.startswith(b"PK\x03\x04"), "stdin (no -f: txt) -> EPUB on stdout: exit 0, a zip",
        "got %s, stdout starts %r" % (r.describe() + e2elib.signal_note(r.code), r.out[:16]))
if r.out.startswith(b"PK"):
    epub = t.path("stdout.epub")
    with open(epub, "wb") as f:
        f.write(r.out)
    try:
        diff = e2elib.compare_words(expected, e2elib.epub_spine_words(epub))
        t.check(diff is None, "the EPUB from stdin holds the article's words", diff or "")
    except Exception as ex:
        t.fail("the EPUB from stdout is unreadable: %s" % ex)

md = [s for s in t.samples() if s.endswith(".md")]
if md:
    with open(md[0], "rb") as f:
        data = f.read()
    r = t.sapchu(["-", "-f", "md", "-t", "pdf", "-o", "-"], stdin=data)
    t.check(r.code == 0 and r.out.startswith(b"%PDF-"), "Markdown on stdin (-f md) -> PDF on stdout",
            r.describe() + e2elib.signal_note(r.code))
    if r.out.startswith(b"%PDF-"):
        pdf = t.path("md-stdout.pdf")
        with open(pdf, "wb") as f:
            f.write(r.out)
        words, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
        diff, _, n = e2elib.compare_markdown(md[0], words)
        t.check(diff is None, "it holds pandoc -t plain's words (%d)" % n, diff or "")

# A file to stdout, and stdin to a file.
r = t.sapchu([t.article(), "-t", "pdf", "-o", "-"])
t.check(r.code == 0 and r.out.startswith(b"%PDF-"), "a file -> PDF on stdout", r.describe())
out = t.path("from-stdin.epub")
r = t.sapchu(["-", "-o", out], stdin=article)
t.check(r.code == 0 and os.path.isfile(out), "stdin -> a named EPUB file", r.describe())

r = t.sapchu(["-", "-o", "-"], stdin=article)
t.check(r.code == 2 and not r.out, "`-o -` without -t: usage error, exit 2, nothing on stdout",
        "got %s, %d bytes on stdout" % (r.describe(), len(r.out)))
t.finish()
