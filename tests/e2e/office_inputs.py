"""e2e_office_inputs: DOCX and ODT documents written by pandoc (tests/fixtures/office, made from
Markdown sources by make-fixtures.sh) convert to PDF and EPUB whose words equal `pandoc -t plain`
of the SOURCE Markdown (NFC on the reference only; the document may open with its title block),
with the source's headings as the PDF outline and the EPUB's headings, and its list items, table
cells, notes and pictures in the EPUB; the EPUBs pass epubcheck. A DOCX whose runs are set in
.VnTime/VNI-Times gives Unicode text (the legacy bytes with --keep-legacy-fonts). A zip that is not
a DOCX, a DOCX without its document part, a damaged zip and malformed XML are one-line errors that
leave nothing behind."""
import os
import re
import unicodedata
import e2elib
import html_lib

t = e2elib.Test(__doc__)
fx = os.path.join(t.src, "tests", "fixtures", "office")
SOURCES = {  # fixture stem -> the Markdown pandoc made it from
    "features": os.path.join(t.src, "tests", "fixtures", "html", "features.md"),
    "typesetting-notes": os.path.join(t.src, "samples", "typesetting-notes.en.md"),
    "hoi-nghi-dang-bo-khcn-2021": os.path.join(t.src, "samples", "hoi-nghi-dang-bo-khcn-2021.md"),
}

def reference(md, list_numbers=True):
    """`pandoc -f markdown -t plain` of the source (the reader pandoc wrote the fixture with): its
    words (NFC, on the reference only) and the words of each note, which pandoc sets at the end
    as "[N] text" and a page sets at its foot."""
    text = html_lib.pandoc("markdown", "plain-strikeout", text=html_lib.source_text(md))
    text = unicodedata.normalize("NFC", text).translate(html_lib.SCRIPT_DIGITS)
    # a picture is "[its alt text]" in plain text; the document's caption shows those words
    text = re.sub(r"\[([^\[\]\n\d][^\[\]\n]*)\]", r"\1", text)
    m = re.search(r"(?m)^\[1\] ", text)
    notes = []
    if m:
        parts = re.split(r"(?m)^\[(\d+)\] ", text[m.start():])
        notes = [parts[i + 1].split() for i in range(1, len(parts) - 1, 2)]
        text = text[:m.start()]
    if not list_numbers:
        text = re.sub(r"(?m)^(\s*)(\d+|[a-zA-Z])[.)](?=\s)", r"\1", text)
    return e2elib.normalise_markdown_words(text.split(), drop_bracket_markers=True), notes


def compare(md, got, hyphenation, list_numbers=True):
    """None, or the first difference between the typeset words and the reference; the notes may
    stand anywhere (page feet, the end), the text may open with the source's title block."""
    expected, notes = reference(md, list_numbers)
    got, missing = html_lib.take_notes(e2elib.normalise_markdown_words(got), notes)
    if missing:
        return "note text not found: %s" % missing
    diff = e2elib.compare_words(expected, got, footnote_markers=len(notes), hyphenation=hyphenation)
    if diff is not None:
        block = [e2elib.normalise_markdown_words(f) for f in e2elib.pandoc_title_block(md)]
        rest, found = e2elib.strip_title_block(got, [f for f in block if f])
        if found and e2elib.compare_words(expected, rest, footnote_markers=len(notes),
                                          hyphenation=hyphenation) is None:
            diff = None
    return diff


for stem, md in SOURCES.items():
    facts = html_lib.pandoc_structure("markdown", md)
    hyphenation = "hoi-nghi" not in stem  # English is hyphenated, Vietnamese never
    for ext in ("docx", "odt"):
        name = "%s.%s" % (stem, ext)
        src = os.path.join(fx, name)
        pdf, epub = t.path(name + ".pdf"), t.path(name + ".epub")
        r = t.sapchu([src, "-o", pdf])
        if not t.check(r.code == 0 and os.path.isfile(pdf), name + ": converts to PDF", r.describe() + e2elib.signal_note(r.code)):
            continue
        r2 = t.sapchu([src, "-o", epub])
        t.check(r2.code == 0 and os.path.isfile(epub), name + ": converts to EPUB", r2.describe() + e2elib.signal_note(r2.code))
        t.check(not r.errtext.strip(), name + ": no warnings", r.errtext)
        q = e2elib.run(["qpdf", "--check", pdf])
        t.check(q.code == 0, name + ": qpdf --check clean", q.text[-600:] + q.errtext[-600:])

        diff = compare(md, html_lib.pdf_words(pdf), hyphenation)
        t.check(diff is None, "%s: PDF words equal pandoc -t plain of %s" % (name, os.path.basename(md)),
                "`pdftotext -layout %s -` against `pandoc -t plain %s`: %s" % (pdf, md, diff))
        want = html_lib.nest(facts["headings"])
        outline = html_lib.pdf_outline(pdf)
        t.check(outline == want, "%s: the PDF outline lists the %d headings" % (name, len(want)),
                "expected %s, got %s" % (want, outline))
        if facts["images"]:
            n = html_lib.pdf_image_count(pdf)
            t.check(n == facts["images"], "%s: %d picture(s) drawn in the PDF" % (name, facts["images"]),
                    "pdfimages -list %s finds %d" % (pdf, n))
        if os.path.isfile(epub):
            diff = compare(md, e2elib.epub_spine_words(epub), False, list_numbers=False)
            t.check(diff is None, "%s: EPUB words equal pandoc -t plain's" % name, "%s: %s" % (epub, diff))
            got = html_lib.epub_structure(epub)
            for key in ("headings", "items", "cells", "notes", "images"):
                t.check(got[key] == facts[key], "%s: EPUB %s as in the source" % (name, key),
                        "expected %s, got %s" % (facts[key], got[key]))

# the hand-made feature documents (merged cells, text boxes, fields, notes, ODF white space)
for name in ("word-features.docx", "odt-features.odt"):
    pdf, epub = t.path(name + ".pdf"), t.path(name + ".epub")
    r = t.sapchu([os.path.join(fx, name), "-o", pdf])
    r2 = t.sapchu([os.path.join(fx, name), "-o", epub])
    t.check(r.code == 0 and r2.code == 0 and not (r.errtext + r2.errtext).strip(),
            name + ": converts to PDF and EPUB without a warning", r.describe() + r2.describe())
    if os.path.isfile(pdf):
        q = e2elib.run(["qpdf", "--check", pdf])
        t.check(q.code == 0, name + ": qpdf --check clean", q.text[-600:] + q.errtext[-600:])
        text = " ".join(" ".join(e2elib.pdftotext_pages(pdf)).split())
        for words in (("Text in a box.", "tall", "b2", "The endnote.") if name.endswith(".docx")
                      else ("second line", "In a section.", "An endnote.")):
            t.check(words in text, "%s: '%s' is in the PDF" % (name, words), text[:500])
        t.check("CHOICE" not in text and "DELETED" not in text,
                name + ": neither an unread markup choice nor deleted text is shown", text[:500])

for name in ("features.docx", "features.odt", "word-features.docx", "odt-features.odt"):
    out = t.path(name + ".epub")
    if os.path.isfile(out):
        r, summary = e2elib.epubcheck(out)
        t.check(r.code == 0 and "0 fatals / 0 errors / 0 warnings" in summary,
                "%s -> EPUB passes epubcheck (%s)" % (name, summary), (r.text + r.errtext)[-1500:])

# ---- legacy fonts -------------------------------------------------------------------------------
WANT = ["HỘI NGHỊ ĐẢNG BỘ", 'Tiếng Việt trong phông chữ cũ: chữ "đẹp" và rõ ràng.', "Văn bản gõ bằng phông VNI."]
for name in ("legacy-fonts.docx", "legacy-fonts.odt"):
    pdf = t.path(name + ".pdf")
    r = t.sapchu([os.path.join(fx, name), "-o", pdf])
    if t.check(r.code == 0, name + ": converts", r.describe()):
        text = unicodedata.normalize("NFC", " ".join(" ".join(e2elib.pdftotext_pages(pdf)).split()))
        want = WANT if name.endswith(".docx") else WANT[1:]
        t.check(all(w in text for w in want), name + ": the legacy-font runs are Unicode text in the PDF",
                "want %s in %r" % (want, text[:400]))
kept = t.path("kept.pdf")
r = t.sapchu([os.path.join(fx, "legacy-fonts.docx"), "--keep-legacy-fonts", "-o", kept])
if r.code == 0 and os.path.isfile(kept):
    text = " ".join(" ".join(e2elib.pdftotext_pages(kept)).split())
    t.check("Tiếng Việt trong" not in text and "trong" in text,
            "--keep-legacy-fonts leaves the runs as they are", text[:300])
else:
    t.check("--keep-legacy-fonts" in r.errtext, "--keep-legacy-fonts: an option of this build or a clear refusal",
            r.describe())

# ---- broken packages ----------------------------------------------------------------------------
for name, want in (("not-a-docx.docx", "not a DOCX file (no main document part)"),
                   ("no-document.docx", "main document part 'word/document.xml' is missing"),
                   ("damaged.docx", "damaged or cut short"),
                   ("bad-xml.docx", "word/document.xml:3: not well-formed XML")):
    out = t.path(name + ".pdf")
    r = t.sapchu([os.path.join(fx, name), "-o", out])
    lines = [ln for ln in r.errtext.splitlines() if ln.strip()]
    t.check(r.code == 1 and len(lines) == 1 and want in lines[0] and name in lines[0],
            "%s: exit 1 with one clear line" % name, r.describe())
    t.check(not os.path.exists(out), name + ": nothing is left behind")
t.finish()
