"""e2e_encodings_article: the reference article encoded in each legacy Vietnamese encoding (the
characters an encoding cannot hold folded first: curly quotes -> ", en dash -> -, ellipsis -> ...,
no-break space -> space; for TCVN3 the toned capitals lowercased) converts WITHOUT --encoding
(VIQR with --encoding viqr) to a PDF whose pdftotext words equal the folded UTF-8 original's; -v
names the detected encoding, which wins by a clear margin over every other candidate (the scores
are printed). A heading in toned capitals is added for the encodings that hold them (all but TCVN3),
so VN1's capitals are exercised too. Forcing the right encoding gives the same text."""
import os
import re
import sys

import e2elib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import encodings_lib  # noqa: E402

t = e2elib.Test(__doc__)
source = open(t.article(), encoding="utf-8").read()
CAPITALS = "ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIII CỦA ĐẢNG: ỦY BAN KIỂM TRA ỨNG CỬ\n\n"
NAMES = {"cp1258": "Windows-1258", "tcvn": "TCVN 5712 (VN1)", "viscii": "VISCII", "tcvn3": "TCVN3 (ABC)",
         "vni": "VNI-Windows", "vps": "VPS", "viqr": "VIQR"}
MIN_MARGIN = 0.25

for enc in ["cp1258", "tcvn", "viscii", "tcvn3", "vni", "vps", "viqr"]:
    text = encodings_lib.fold((CAPITALS if enc != "tcvn3" else "") + source, tcvn3=enc == "tcvn3")
    data = encodings_lib.encode(text, enc)
    src = t.path("article.%s.txt" % enc)
    ref = t.path("article.%s.utf8.txt" % enc)
    with open(src, "wb") as f:
        f.write(data)
    with open(ref, "w", encoding="utf-8") as f:
        f.write(text)
    t.check(any(b >= 0x80 for b in data) or enc == "viqr", "%s: the encoded article is not ASCII" % enc)
    expected = e2elib.read_source_words(ref)
    pdf = t.path("article.%s.pdf" % enc)
    args = ["-v", src, "-o", pdf] + (["--encoding", "viqr"] if enc == "viqr" else [])
    r = t.sapchu(args)
    if not t.check(r.code == 0, "%s: converts (%s)" % (enc, " ".join(args[:2])), r.describe()):
        continue
    got, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
    diff = e2elib.compare_words(expected, got)
    t.check(diff is None, "%s: pdftotext words equal the folded UTF-8 article (%d words)" % (enc, len(expected)),
            "`pdftotext %s -`: %s" % (pdf, diff))
    if enc == "viqr":
        t.check("not UTF-8" not in r.errtext, "viqr: read as asked, no detection note", r.errtext)
        continue
    note = re.search(r"note: not UTF-8; read as (.+?) \(Vietnamese syllable score ([0-9.]+); (.*)\)", r.errtext)
    if not t.check(note is not None, "%s: -v prints the detection note" % enc, r.describe()):
        continue
    t.check(note.group(1) == NAMES[enc], "%s: detected as %s" % (enc, NAMES[enc]), "detected %s" % note.group(1))
    scores = dict((k, float(v)) for k, v in (s.split() for s in note.group(3).split(", ")))
    # TCVN3 is VN1's lower-case subset: on a lower-case text both read the same bytes the same way
    twins = {"tcvn3": "tcvn", "tcvn": "tcvn3"}
    others = [v for k, v in scores.items() if k != enc and k != twins.get(enc)]
    margin = scores[enc] - max(others)
    t.check(margin >= MIN_MARGIN, "%s: wins by %.2f (scores: %s)" % (enc, margin, note.group(3)),
            "margin %.2f < %.2f" % (margin, MIN_MARGIN))
    if enc == "tcvn":
        t.check(scores["tcvn"] > scores["tcvn3"], "tcvn: VN1's capitals make it beat TCVN3 (%.2f > %.2f)"
                % (scores["tcvn"], scores["tcvn3"]), note.group(3))
    # forcing the encoding reads the same text
    forced = t.path("article.%s.forced.pdf" % enc)
    r = t.sapchu([src, "-o", forced, "--encoding", enc])
    if t.check(r.code == 0, "%s: converts with --encoding %s" % (enc, enc), r.describe()):
        got, _ = e2elib.split_folios(e2elib.pdftotext_pages(forced))
        t.check(e2elib.compare_words(expected, got) is None, "%s: --encoding %s gives the same words" % (enc, enc))

# The EPUB carries the same text: one encoding through to EPUB too.
enc_src = t.path("article.vni.txt")
epub = t.path("article.vni.epub")
r = t.sapchu([enc_src, "-o", epub])
if t.check(r.code == 0, "vni: converts to EPUB", r.describe()):
    words = e2elib.epub_spine_words(epub)
    expected = e2elib.read_source_words(t.path("article.vni.utf8.txt"))
    t.check(e2elib.compare_words(expected, words) is None, "vni: the EPUB's words equal the folded article",
            str(e2elib.compare_words(expected, words)))
t.finish()
