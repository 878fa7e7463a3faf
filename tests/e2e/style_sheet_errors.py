"""e2e_style_sheet_errors: a broken user stylesheet still converts (PDF and EPUB), with one warning
per error naming file:line:column, and its valid rules - issue 3's selectors included - still apply
(pdftotext shows the ::before text of the rule after the errors). An unknown property is a note
shown only with -v, once per name even when the sheet uses it twice."""
import re
import e2elib

t = e2elib.Test(__doc__)

MD = """# Chapter one

First paragraph of the chapter.

## Section

Text of the section with a [link](https://example.org).
"""

# Line numbers matter: the warnings must point at these places.
CSS = """h1 { color: red; font-size: ; }
h2 { frobnicate: 1; margin: 1pt 2pt 3pt 4pt 5pt }
p::first-line { color: blue }
a[href=] { color: blue }
body { frobnicate: 2 }
h2::before { content: "SECT" counter(s) "-" }
h2 { counter-increment: s; border: 1pt solid }
"""

# (line, column, part of the message)
WANT = [
    (1, 18, "invalid value for 'font-size'"),
    (2, 21, "invalid value for 'margin'"),
    (3, 2, "pseudo-element '::first-line' is not supported"),
    (4, 2, "invalid attribute selector"),
]

md = t.path("doc.md")
css = t.path("broken.css")
with open(md, "w", encoding="utf-8") as f:
    f.write(MD)
with open(css, "w", encoding="utf-8") as f:
    f.write(CSS)

pdf = t.path("doc.pdf")
r = t.sapchu([md, "--style", css, "-o", pdf])
t.check(r.code == 0, "a broken stylesheet still converts", r.describe())
lines = r.errtext.splitlines()
warnings = [ln for ln in lines if ": warning: " in ln]
for line, col, text in WANT:
    prefix = "%s:%d:%d: warning: " % (css, line, col)
    t.check(any(ln.split("sapchu: ", 1)[-1].startswith(prefix) and text in ln for ln in warnings),
            "warning at %d:%d: %s" % (line, col, text), "stderr:\n" + r.errtext)
t.check(len(warnings) == len(WANT), "one warning per error (%d)" % len(WANT),
        "got %d:\n%s" % (len(warnings), "\n".join(warnings)))
t.check(not any("frobnicate" in ln for ln in lines),
        "without -v the unknown property is not shown", r.errtext)

text = e2elib.run(["pdftotext", pdf, "-"]).out.decode("utf-8", "replace")
t.check(re.search(r"SECT\s*1\s*-\s*Section", text) is not None,
        "the valid h2::before rule after the errors applies (pdftotext: 'SECT1-Section')",
        "pdftotext gave:\n" + text[:600])

rv = t.sapchu(["-v", md, "--style", css, "-o", t.path("doc-v.pdf")])
notes = [ln for ln in rv.errtext.splitlines() if "unknown property 'frobnicate'" in ln]
t.check(rv.code == 0 and len(notes) == 1,
        "-v names the unknown property once although it is used twice",
        "notes: %r; %s" % (notes, rv.describe()))
t.check(bool(notes) and "note: unknown property 'frobnicate' (%s:2:6)" % css in notes[0],
        "the note names the first place (file:line:col)", repr(notes))

epub = t.path("doc.epub")
re_ = t.sapchu([md, "--style", css, "-o", epub])
t.check(re_.code == 0, "the EPUB converts with the broken stylesheet too", re_.describe())

# style="" attributes (HTML): the bad declaration is a warning at the document and the element's
# line, the valid ones apply, the unknown property is a -v note.
html = t.path("inline.html")
with open(html, "w", encoding="utf-8") as f:
    f.write("<html><body>\n<h1>Title</h1>\n"
            "<p style=\"color: ; frobble: 2\">Hello</p>\n"
            "<p style=\"display: none\">HIDDEN</p>\n</body></html>\n")
ri = t.sapchu(["-v", html, "-o", t.path("inline.pdf")])
t.check(ri.code == 0, "an HTML page with bad style attributes converts", ri.describe())
t.check(any(("%s:3: warning: style attribute: invalid value for 'color'" % html) in ln
            for ln in ri.errtext.splitlines()),
        "the style attribute's error is a warning at the page's line 3", ri.errtext)
t.check("note: unknown property 'frobble' (%s:3)" % html in ri.errtext,
        "the unknown property in style=\"\" is a note naming the page and line", ri.errtext)
itext = e2elib.run(["pdftotext", t.path("inline.pdf"), "-"]).out.decode("utf-8", "replace")
t.check("Hello" in itext and "HIDDEN" not in itext,
        "style=\"display: none\" hides its element", "pdftotext gave:\n" + itext[:300])

t.finish()
