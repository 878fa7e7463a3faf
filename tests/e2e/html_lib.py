"""What the HTML and EPUB input tests share: the reference text and structure of a source (pandoc's
reading of it: `pandoc -t plain` words and its JSON AST), and the same facts read back from
sapchu's PDF (pdftotext words, outline, images) and EPUB (spine text, headings, list items, table
cells, notes, images)."""
import json
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
import e2elib
from pdfminer.pdfparser import PDFParser
from pdfminer.pdfdocument import PDFDocument, PDFNoOutlines

X = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


# ---- the reference: pandoc's reading of the source ----------------------------------------------

SCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "01234567890123456789")

def pandoc(fmt, to, path=None, text=None, extra=()):
    cmd = ["pandoc", "-f", fmt, "-t", to, "--wrap=none", "--columns=100000"] + list(extra)
    if path:
        cmd.append(path)
    r = e2elib.run(cmd, stdin=text.encode("utf-8") if text is not None else None)
    if r.code != 0:
        raise RuntimeError(r.describe())
    return r.text


def source_text(path, encoding="utf-8"):
    """The source as UTF-8 text for pandoc (which reads only UTF-8): legacy bytes decoded first."""
    with open(path, "rb") as f:
        return f.read().decode(encoding)


def split_notes(text, notes):
    """pandoc's plain text sets notes after a rule as a numbered list (at the end, or at the end of
    each EPUB chapter): (the text without them, [words of each note])."""
    if not notes:
        return text, []
    out, items = [], []
    in_notes = False
    for para in re.split(r"\n\s*\n", text):
        if re.fullmatch(r"\s*-{10,}\s*", para):
            in_notes = True
            continue
        if in_notes:
            m = re.match(r"\s*(?:\[\d+\]|\d+\.)\s+", para)
            if m:
                items.append(para[m.end():].split())
                continue
            if para[:1].isspace() and items:  # a note's further paragraph
                items[-1].extend(para.split())
                continue
            in_notes = False
        out.append(para)
    return "\n\n".join(out), items


def reference_words(fmt, path, encoding="utf-8", list_numbers=True, drop=(), notes=None):
    """pandoc -t plain's words, NFC (on the reference only), back links dropped; `drop`: words
    sapchu leaves out on purpose (form controls, iframes, ...). Returns (words of the text, number
    of notes, [words of each note]): the notes are compared apart, since a page sets them at its
    foot. `notes` gives their number when pandoc does not read them as notes."""
    if fmt == "epub":
        text = pandoc("epub", "plain-strikeout", path=path)
    else:
        text = pandoc(fmt, "plain-strikeout", text=source_text(path, encoding))
    text = unicodedata.normalize("NFC", text).replace("\u21a9\ufe0e", " ").replace("\u21a9", " ")
    # pandoc's plain text writes sub- and superscript digits as Unicode ones (H₂O, m², a note's ¹);
    # the typeset page has the digits themselves, raised or lowered
    text = text.translate(SCRIPT_DIGITS)
    # a picture is "[its alt text]" in plain text; a page draws it (its caption shows the words)
    text = re.sub(r"\[([^\[\]\n\d][^\[\]\n]*)\]", r"\1", text)
    if notes is None:
        notes = len(set(re.findall(r"\[(\d+)\]", text)))
    text, note_words = split_notes(text, notes)
    if not list_numbers:  # an EPUB's list markers come from the reading system, not the text
        text = re.sub(r"(?m)^(\s*)(?:\d+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)](?=\s)", r"\1", text)
    words = [w for w in e2elib.normalise_markdown_words(text.split(), drop_bracket_markers=True)
             if w not in drop]
    return words, notes, note_words


def take_notes(got, note_words):
    """Removes each note's words (and the number before them) from `got` wherever the page put
    them. Returns (the remaining words, [notes not found])."""
    got, missing = list(got), []
    for k, nw in enumerate(note_words, 1):
        n = len(nw)
        at = next((i for i in range(len(got) - n + 1) if got[i:i + n] == nw), None)
        if at is None:
            missing.append(" ".join(nw))
            continue
        start = at - 1 if at > 0 and e2elib.is_marker(got[at - 1], len(note_words)) else at
        del got[start:at + n]
    return got, missing


def stringify(inlines):
    out = []

    def walk(x):
        if isinstance(x, dict):
            t = x.get("t")
            if t == "Str":
                out.append(x["c"])
            elif t in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif t == "Note":
                return
            elif "c" in x:
                walk(x["c"])
        elif isinstance(x, list):
            for y in x:
                walk(y)
    walk(inlines)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def marked_notes(html):
    """Notes marked the DPUB-ARIA or EPUB way (role="doc-endnote", epub:type="footnote"), which
    pandoc 2.17's HTML reader reads as an ordered list: (notes, their list items)."""
    notes = len(re.findall(r'role="doc-(?:end|foot)note"|epub:type="(?:foot|end)note"', html))
    return notes, notes


def pandoc_structure(fmt, path, encoding="utf-8"):
    """Facts of pandoc's AST: headings [(level, text)], list items, table cells, notes, images
    (notes pandoc does not know as such counted from the source)."""
    text = source_text(path, encoding)
    ast = json.loads(pandoc(fmt, "json", text=text))
    notes, note_items = marked_notes(text)
    facts = {"headings": [], "items": -note_items, "cells": 0, "notes": notes, "images": 0}

    def cells_of_rows(rows):
        return sum(len(row[1]) for row in rows)

    def walk(x):
        if isinstance(x, list):
            for y in x:
                walk(y)
            return
        if not isinstance(x, dict):
            return
        t, c = x.get("t"), x.get("c")
        if t == "Header":
            facts["headings"].append((c[0], unicodedata.normalize("NFC", stringify(c[2]))))
        elif t == "BulletList":
            facts["items"] += len(c)
        elif t == "OrderedList":
            facts["items"] += len(c[1])
        elif t == "Table":
            head, bodies, foot = c[3], c[4], c[5]
            facts["cells"] += cells_of_rows(head[1]) + cells_of_rows(foot[1])
            for body in bodies:
                facts["cells"] += cells_of_rows(body[2]) + cells_of_rows(body[3])
        elif t == "Note":
            facts["notes"] += 1
        elif t == "Image":
            facts["images"] += 1
        if c is not None:
            walk(c)
    walk(ast["blocks"])
    return facts


def nest(headings):
    """Heading levels as outline depths: an h2 with no h1 above it is a top-level entry."""
    out, stack = [], []
    for level, title in headings:
        while stack and stack[-1] >= level:
            stack.pop()
        stack.append(level)
        out.append((len(stack), title))
    return out


# ---- what sapchu wrote ---------------------------------------------------------------------------

def pdf_words(pdf):
    # -layout keeps the hyphen drawn where a word is hyphenated at a line end (issue 4's
    # hyphenation): join the word again, as plain pdftotext does.
    pages = [re.sub(r"(?<=[^\W\d_])-\n[ \t]*(?=[^\W\d_])", "", p)
             for p in e2elib.pdftotext_pages(pdf, layout=True)]
    words, _ = e2elib.split_folios(pages)
    return words


def pdf_outline(pdf):
    with open(pdf, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        try:
            return [(level, unicodedata.normalize("NFC", title.strip()))
                    for (level, title, *_rest) in doc.get_outlines()]
        except PDFNoOutlines:
            return []


def pdf_image_count(pdf):
    r = e2elib.run(["pdfimages", "-list", pdf])
    lines = [ln for ln in r.text.splitlines()[2:] if ln.strip()]
    return len([ln for ln in lines if " image " in ln])


def epub_structure(epub):
    """Facts of sapchu's EPUB (spine documents, the navigation document left out)."""
    z, opf_path, opf = e2elib.epub_package(epub)
    base = os.path.dirname(opf_path)
    items = {it.get("id"): it for it in opf.find("opf:manifest", e2elib.NS)}
    facts = {"headings": [], "items": 0, "cells": 0, "notes": 0, "images": 0}
    for ref in opf.find("opf:spine", e2elib.NS):
        it = items[ref.get("idref")]
        if "nav" in (it.get("properties") or "").split():
            continue
        href = os.path.normpath(os.path.join(base, it.get("href"))).replace(os.sep, "/")
        root = ET.fromstring(z.read(href))
        for el in root.iter():
            tag = el.tag.replace(X, "")
            kinds = (el.get(EPUB_TYPE) or "").split()
            if re.fullmatch(r"h[1-6]", tag):
                text = re.sub(r"\s+", " ", "".join(el.itertext())).strip()
                facts["headings"].append((int(tag[1]), unicodedata.normalize("NFC", text)))
            elif tag == "li" and not ({"footnote", "endnote"} & set(kinds)):
                facts["items"] += 1
            elif tag in ("td", "th"):
                facts["cells"] += 1
            elif tag == "img":
                facts["images"] += 1
            if {"footnote", "endnote"} & set(kinds):
                facts["notes"] += 1
    return facts


def compare(t, name, reference, got, title_block=()):
    """Words of sapchu's output against reference_words(); the notes may stand anywhere (page
    feet, the end), the text may open with a title block. Returns None or the difference."""
    expected, notes, note_words = reference
    got, missing = take_notes(e2elib.normalise_markdown_words(got), note_words)
    if missing:
        return "note text not found: %s" % missing
    diff = e2elib.compare_words(expected, got, footnote_markers=notes)
    if diff is not None and title_block:
        rest, found = e2elib.strip_title_block(got, [f for f in title_block if f])
        if found and e2elib.compare_words(expected, rest, footnote_markers=notes) is None:
            diff = None
    return diff
