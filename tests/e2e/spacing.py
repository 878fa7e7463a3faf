"""Spacing quality of justified text (issue 4): bench/spacing on the article and on the bench's
10-chapter book (A4, 2.5 cm margins, Noto Serif 11 pt, line height 1.4: the default style; the
Vietnamese text is never hyphenated): median <= 0.28 em, 95th percentile <= 0.36 em, largest
<= 0.40 em, no full line with a mean gap over 0.5 em, no line wider than the measure. A control
checks that the script does flag loose text (a narrow column without hyphenation)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2elib  # noqa: E402

t = e2elib.Test(__doc__)
spacing = os.path.join(t.src, "bench", "spacing")

book_dir = t.path("bench-out")
r = e2elib.run(["/usr/bin/python3", os.path.join(t.src, "bench", "make-book"), "--out", book_dir])
t.check(r.code == 0, "bench/make-book writes the 10-chapter book", r.describe())

inputs = [("article", t.article()), ("book-10", os.path.join(book_dir, "book-10.md"))]
for name, src in inputs:
    pdf = t.path(name + ".pdf")
    r = t.sapchu([src, "-o", pdf], timeout=120)
    if not t.check(r.code == 0, "%s converts" % name, r.describe()):
        continue
    s = e2elib.run(["/usr/bin/python3", spacing, "--check", "-v", pdf])
    print(s.text)
    m = re.search(r"\| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) ", s.text)
    t.check(m is not None and int(m.group(1)) >= (50 if name == "article" else 500),
            "%s: bench/spacing finds the full lines" % name,
            "too few full lines: the margins or the line detection are off\n" + s.text)
    t.check(s.code == 0, "%s: spacing within issue 4's bounds" % name, s.text + s.errtext)

# Control: a 9 cm column of English without hyphenation has loose lines; the check must say so.
css = t.path("narrow.css")
with open(css, "w") as f:
    f.write("@page { size: A4; margin: 2.5cm 10.5cm 2.5cm 2.5cm; }\nbody { hyphens: manual; }\n")
pdf = t.path("narrow.pdf")
en = os.path.join(t.src, "samples", "typesetting-notes.en.md")
r = t.sapchu([en, "--style", css, "-o", pdf])
if t.check(r.code == 0, "control: narrow English converts", r.describe()):
    s = e2elib.run(["/usr/bin/python3", spacing, "--check", "--left", "2.5", "--right", "10.5",
                    pdf])
    print(s.text)
    t.check(s.code == 1 and "outside the bounds" in s.text,
            "control: bench/spacing --check flags a loose narrow column", s.text + s.errtext)

t.finish()
