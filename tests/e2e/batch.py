"""e2e_batch: `-d OUTDIR -t pdf,epub` writes OUTDIR/NAME.pdf and NAME.epub for every input; in a
batch one bad file (invalid UTF-8, missing) does not stop the others (exit 1, the good ones written,
nothing for the bad ones); without -o or -d the output goes beside the input; parallel jobs (-j 2)
give the same bytes as one job."""
import os
import shutil
import e2elib

t = e2elib.Test(__doc__)
ind = t.path("in")
os.makedirs(ind)
shutil.copy(t.article(), os.path.join(ind, "article.txt"))
md = os.path.join(t.src, "samples", "hoi-nghi-dang-bo-khcn-2021.md")
with open(os.path.join(ind, "note.md"), "w", encoding="utf-8") as f:
    f.write("---\ntitle: Ghi chú\n---\n\n# Ghi chú ngắn\n\nMột đoạn văn *tiếng Việt* ngắn.\n")
with open(os.path.join(ind, "bad.txt"), "wb") as f:
    f.write("Tiêu đề\n\nxx ".encode() + b"\xe2\x80" + b" yy\n")  # a cut 3-byte sequence
good = [os.path.join(ind, "article.txt"), os.path.join(ind, "note.md")]


def listing(d):
    return sorted(os.listdir(d)) if os.path.isdir(d) else None


# All good: both formats for every input.
out = t.path("out-good")
os.makedirs(out)
r = t.sapchu(["-d", out, "-t", "pdf,epub"] + good)
t.check(r.code == 0, "-d with -t pdf,epub: exit 0", "expected 0, got %s%s" % (r.describe(), e2elib.signal_note(r.code)))
want = ["article.epub", "article.pdf", "note.epub", "note.pdf"]
t.check(listing(out) == want, "-d writes NAME.pdf and NAME.epub for each input", "expected %s, got %s" % (want, listing(out)))
for name in listing(out) or []:
    p = os.path.join(out, name)
    if name.endswith(".pdf"):
        q = e2elib.run(["qpdf", "--check", p])
        t.check(q.code == 0, "%s passes qpdf --check" % name, "`%s` exit %s" % (q.cmd, q.code))
    else:
        try:
            words = e2elib.epub_spine_words(p)
            t.check(len(words) > 5, "%s is a readable EPUB" % name, "only %d words" % len(words))
        except Exception as ex:
            t.fail("%s: not a readable EPUB: %s" % (name, ex))
if os.path.isfile(os.path.join(out, "article.pdf")):
    words, _ = e2elib.split_folios(e2elib.pdftotext_pages(os.path.join(out, "article.pdf")))
    diff = e2elib.compare_words(e2elib.read_source_words(t.article()), words)
    t.check(diff is None, "the batch's article.pdf holds the article's text", diff or "")

# Two inputs whose names differ only in the extension must not overwrite each other.
twin = t.path("twin")
os.makedirs(twin)
shutil.copy(t.article(), os.path.join(twin, "same.txt"))
shutil.copy(md, os.path.join(twin, "same.md"))
out3 = t.path("out-twins")
os.makedirs(out3)
r = t.sapchu(["-d", out3, "-t", "pdf", os.path.join(twin, "same.txt"), os.path.join(twin, "same.md")])
want3 = ["same.md.pdf", "same.txt.pdf"]
t.check(r.code == 0 and listing(out3) == want3, "same.txt and same.md keep their extensions: %s" % want3,
        "exit %s, got %s" % (r.describe(), listing(out3)))

# One bad file and one missing file among good ones.
out2 = t.path("out-mixed")
os.makedirs(out2)
args = ["-d", out2, "-t", "pdf,epub", good[0], os.path.join(ind, "bad.txt"), os.path.join(ind, "missing.txt"), good[1]]
r = t.sapchu(args)
t.check(r.code == 1, "a batch with a bad and a missing file: exit 1", "expected 1, got %s%s" % (r.describe(), e2elib.signal_note(r.code)))
t.check(listing(out2) == want, "the good files are written, nothing for the bad ones (no temporary files)",
        "expected %s, got %s" % (want, listing(out2)))
lines = [ln for ln in r.errtext.splitlines() if ln.strip()]
t.check(lines and all(ln.startswith("sapchu: ") and ": error: " in ln for ln in lines)
        and any("bad.txt" in ln for ln in lines) and any("missing.txt" in ln for ln in lines),
        "one error line per failure, naming bad.txt and missing.txt", "stderr: %r" % lines)

# Without -o or -d an output is written beside its input: DIR/NAME.pdf (-t epub: NAME.epub).
beside = t.path("beside")
os.makedirs(beside)
shutil.copy(t.article(), os.path.join(beside, "bai-viet.txt"))
r = t.sapchu([os.path.join(beside, "bai-viet.txt")])
t.check(r.code == 0 and listing(beside) == ["bai-viet.pdf", "bai-viet.txt"], "no -o: NAME.pdf beside the input",
        "%s; the folder holds %s" % (r.describe(), listing(beside)))
r = t.sapchu(["-t", "epub", os.path.join(beside, "bai-viet.txt")])
t.check(r.code == 0 and "bai-viet.epub" in (listing(beside) or []), "no -o, -t epub: NAME.epub beside the input",
        "%s; the folder holds %s" % (r.describe(), listing(beside)))

# Parallel jobs: the same bytes as one job (no shared mutable state between documents).
outs = {}
for jobs in ("1", "2"):
    d = t.path("out-j" + jobs)
    os.makedirs(d)
    r = t.sapchu(["-j", jobs, "-d", d, "-t", "pdf,epub", good[0], md, good[1]])
    t.check(r.code == 0, "-j %s batch: exit 0" % jobs, r.describe() + e2elib.signal_note(r.code))
    outs[jobs] = d
for name in listing(outs["1"]) or []:
    with open(os.path.join(outs["1"], name), "rb") as a:
        one = a.read()
    p2 = os.path.join(outs["2"], name)
    two = open(p2, "rb").read() if os.path.isfile(p2) else None
    t.check(one == two, "-j 2 gives the same %s as -j 1" % name, "the files differ (or -j 2 did not write it)")
t.finish()
