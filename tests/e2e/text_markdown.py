"""e2e_text_markdown: the words `pdftotext -layout` extracts from each Markdown sample's PDF equal,
in order, the words `pandoc -t plain` gives for the same file (read as CommonMark + GFM + footnotes +
a YAML block, as sapchu reads it): footnote markers, list bullets and table/rule lines aside; the
YAML title (author, date) may be typeset at the top. -layout because pdftotext's default reading
order reads a table's columns one after another; a word hyphenated at a line end may be rejoined
only in a language other than Vietnamese (which is never hyphenated)."""
import glob
import os
import e2elib

t = e2elib.Test(__doc__)
mds = sorted(glob.glob(os.path.join(t.src, "samples", "*.md")))
t.check(len(mds) >= 2, "there are Markdown samples (the article in Markdown, an English one)",
        "found %d: %s" % (len(mds), mds))
for sample in mds:
    pdf = t.sample_output(sample, "pdf")
    name = os.path.basename(pdf)
    if not t.check(os.path.isfile(pdf), name + ": exists", "missing (e2e_samples_convert failed?)"):
        continue
    lang = e2elib.pdf_catalog_lang(pdf) or "vi"
    got, _ = e2elib.split_folios(e2elib.pdftotext_pages(pdf, layout=True))
    diff, title, n = e2elib.compare_markdown(sample, got, hyphenation=not lang.startswith("vi"))
    t.check(diff is None, "%s: pdftotext -layout words equal pandoc -t plain's (%d words; lang %s; typeset title block: %s)" % (
        name, n, lang, title or "none"),
        "`pdftotext -layout %s -` against `pandoc -f gfm+footnotes+yaml_metadata_block -t plain-strikeout %s`: %s" % (pdf, sample, diff))
t.finish()
