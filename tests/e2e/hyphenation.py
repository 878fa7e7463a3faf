"""Hyphenation in real PDFs (issue 4): English text set on A5 is hyphenated where its patterns
allow (pdftotext -raw keeps the drawn "-" at line ends; plain pdftotext joins the word again, so
the words come out whole), at most two hyphenated lines in a row, never on a paragraph's last full
line; ragged text (--style report) too; Vietnamese is never hyphenated; hyphens: manual turns it
off."""
import importlib.machinery
import importlib.util
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2elib  # noqa: E402

t = e2elib.Test(__doc__)


def load_spacing():
    path = os.path.join(t.src, "bench", "spacing")
    loader = importlib.machinery.SourceFileLoader("bench_spacing", path)
    spec = importlib.util.spec_from_loader("bench_spacing", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


spacing = load_spacing()
WORD = re.compile(r"[^\W\d_]+")


def source_words(path):
    with open(path, encoding="utf-8") as f:
        text = unicodedata.normalize("NFC", f.read())
    return set(WORD.findall(text)), text


def hyphenated_lines(pdf, words):
    """Per page, the body lines (bbox) and which end with a drawn hyphen: the last word ends with
    "-" and it joined with the next line's first word is a word of the source."""
    out = []
    for _, lines in spacing.pages_of(pdf):
        marks = []
        for i, ln in enumerate(lines):
            last = ln["words"][-1][2]
            nxt = lines[i + 1]["words"][0][2] if i + 1 < len(lines) else ""
            h = False
            if last.endswith("-") and len(last) > 1 and nxt:
                a = WORD.findall(last[:-1])
                b = WORD.findall(nxt)
                h = bool(a and b and (a[-1] + b[0]) in words)
            marks.append(h)
        out.append((lines, marks))
    return out


def check_rules(label, pdf, words, text, want_hyphens):
    pages = hyphenated_lines(pdf, words)
    joined = []
    run_max, in_a_row, last_full = 0, 0, []
    for lines, marks in pages:
        for i, (ln, h) in enumerate(zip(lines, marks)):
            in_a_row = in_a_row + 1 if h else 0
            run_max = max(run_max, in_a_row)
            if h:
                nxt = lines[i + 1]
                joined.append(WORD.findall(ln["words"][-1][2][:-1])[-1] +
                              WORD.findall(nxt["words"][0][2])[0])
                # The next line is a paragraph's last when a gap wider than the paragraph's own
                # line pitch follows it.
                after = lines[i + 2] if i + 2 < len(lines) else None
                if after is not None and after["y0"] - nxt["y0"] > (nxt["y0"] - ln["y0"]) + 1:
                    last_full.append(" ".join(w[2] for w in ln["words"]))
    n = len(joined)
    if want_hyphens:
        t.check(n >= 2, "%s: lines end with a drawn hyphen (pdftotext -bbox: %d)" % (label, n),
                "expected at least 2 hyphenated line ends on a narrow page")
    else:
        t.check(n == 0, "%s: no line ends with a hyphen the source does not have" % label,
                "found %d: %s" % (n, ", ".join(joined[:10])))
    t.check(run_max <= 2, "%s: at most two hyphenated lines in a row (most: %d)" % (label, run_max))
    t.check(not last_full, "%s: no hyphen on a paragraph's last full line" % label,
            "hyphenated last full lines: %s" % "; ".join(last_full[:5]))
    raw = e2elib.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
    raw_ends = [ln for ln in raw.text.splitlines() if re.search(r"[^\W\d_]-$", ln)]
    if want_hyphens:
        t.check(len(raw_ends) >= n, "%s: pdftotext -raw keeps the hyphens (%d line ends)" %
                (label, len(raw_ends)), "fewer raw line ends with '-' than hyphenated lines")
        plain = unicodedata.normalize("NFC", "\n".join(e2elib.pdftotext_pages(pdf)))
        plain_words = set(WORD.findall(plain))
        broken = [w for w in joined if w not in plain_words]
        t.check(not broken, "%s: plain pdftotext gives the hyphenated words whole" % label,
                "not found whole: %s" % ", ".join(broken[:10]))
    return n


en = os.path.join(t.src, "samples", "typesetting-notes.en.md")
en_words, en_text = source_words(en)
pdf = t.path("en-a5.pdf")
r = t.sapchu([en, "--paper", "A5", "-o", pdf])
if t.check(r.code == 0, "English sample on A5 converts", r.describe()):
    check_rules("English justified A5", pdf, en_words, en_text, True)

pdf = t.path("en-a5-report.pdf")
r = t.sapchu([en, "--paper", "A5", "--style", "report", "-o", pdf])
if t.check(r.code == 0, "English sample on A5, ragged (--style report), converts", r.describe()):
    check_rules("English ragged A5", pdf, en_words, en_text, True)

css = t.path("manual.css")
with open(css, "w") as f:
    f.write("body { hyphens: manual; }\n")
pdf = t.path("en-a5-manual.pdf")
r = t.sapchu([en, "--paper", "A5", "--style", css, "-o", pdf])
if t.check(r.code == 0, "English sample on A5 with hyphens: manual converts", r.describe()):
    check_rules("English hyphens: manual", pdf, en_words, en_text, False)

vi = t.article()
vi_words, vi_text = source_words(vi)
for paper in ("A4", "A5"):
    pdf = t.path("vi-%s.pdf" % paper)
    r = t.sapchu([vi, "--paper", paper, "-o", pdf])
    if t.check(r.code == 0, "Vietnamese article on %s converts" % paper, r.describe()):
        check_rules("Vietnamese %s" % paper, pdf, vi_words, vi_text, False)
        raw = e2elib.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
        ends = [ln.split()[-1] for ln in raw.text.splitlines()
                if ln.strip() and ln.rstrip().endswith("-")]
        alien = [w for w in ends if w not in vi_text]
        t.check(not alien, "Vietnamese %s: every line-end '-' is in the source" % paper,
                "not in the source: %s" % ", ".join(alien[:10]))

t.finish()
