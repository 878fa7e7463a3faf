"""e2e_text_article: the words pdftotext extracts from each plain-text sample's PDF equal the
source file's words in order: NFC applied to the source only (a PDF that extracts as NFD fails),
folios aside, a URL broken across lines rejoined (only URL fragments are joined). Both in
pdftotext's default mode (as copy-paste reads) and in -layout mode (which keeps every character)."""
import glob
import os
import e2elib

t = e2elib.Test(__doc__)
txts = sorted(glob.glob(os.path.join(t.src, "samples", "*.txt")))
t.check(t.article() in txts, "the article sample exists", "%s missing" % t.article())
for sample in txts:
    pdf = t.sample_output(sample, "pdf")
    name = os.path.basename(pdf)
    if not t.check(os.path.isfile(pdf), name + ": exists", "missing (e2e_samples_convert failed?)"):
        continue
    expected = e2elib.read_source_words(sample)
    got, folios = e2elib.split_folios(e2elib.pdftotext_pages(pdf))
    dashes = []
    diff = e2elib.compare_words(expected, got, dropped_dashes=dashes)
    t.check(diff is None, "%s: pdftotext words equal the NFC source words (%d words)" % (name, len(expected)),
            "`pdftotext %s -`: %s" % (pdf, diff))
    got, folios = e2elib.split_folios(e2elib.pdftotext_pages(pdf, layout=True))
    diff = e2elib.compare_words(expected, got)
    t.check(diff is None, "%s: pdftotext -layout words equal the NFC source words too" % name,
            "`pdftotext -layout %s -`: %s" % (pdf, diff))
    if dashes:
        n = e2elib.raw_lines_ending_with_dash(pdf)
        t.check(len(dashes) <= n, "%s: the %d spaced '-' pdftotext dropped really end lines" % (name, len(dashes)),
                "%d '-' missing from pdftotext's text but only %d lines of `pdftotext -raw` end with ' -'" % (len(dashes), n))
t.finish()
