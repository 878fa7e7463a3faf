"""e2e_reproducible: with SOURCE_DATE_EPOCH set, two runs give byte-identical PDF and EPUB, and the
dates written (PDF CreationDate, EPUB dcterms:modified and zip entry times) are that epoch's; without
it, two runs a second apart differ in the dates only."""
import datetime
import os
import re
import time
import zipfile
import e2elib

t = e2elib.Test(__doc__)
inputs = [t.article()] + [s for s in t.samples() if s.endswith(".md")][:1]


def read(p):
    with open(p, "rb") as f:
        return f.read()


def convert(src, ext, tag, epoch):
    out = t.path("%s.%s.%s" % (os.path.basename(src), tag, ext))
    r = t.sapchu([src, "-o", out], epoch=epoch)
    ok = t.check(r.code == 0 and os.path.isfile(out), "%s -> %s (%s): exit 0" % (os.path.basename(src), ext, tag),
                 r.describe() + e2elib.signal_note(r.code))
    return out if ok else None


def pdf_dates(pdf):
    _, info = e2elib.pdfinfo(pdf, ["-isodates"])
    return info.get("CreationDate", ""), info.get("ModDate", "")


def opf_modified(epub):
    _, _, opf = e2elib.epub_package(epub)
    meta = opf.find("opf:metadata", e2elib.NS)
    return [(m.text or "").strip() for m in meta.findall("opf:meta", e2elib.NS) if m.get("property") == "dcterms:modified"]


for src in inputs:
    base = os.path.basename(src)
    for ext in ("pdf", "epub"):
        a = convert(src, ext, "run1", e2elib.EPOCH)
        b = convert(src, ext, "run2", e2elib.EPOCH)
        if a and b:
            da, db = read(a), read(b)
            k = next((i for i in range(min(len(da), len(db))) if da[i] != db[i]), None)
            t.check(da == db, "%s -> %s: two runs with SOURCE_DATE_EPOCH are byte-identical" % (base, ext),
                    "%s and %s differ (%d vs %d bytes; first difference at byte %s: %r vs %r)" % (
                        a, b, len(da), len(db), k, da[k:k + 40] if k is not None else b"", db[k:k + 40] if k is not None else b""))
        other = convert(src, ext, "other-epoch", e2elib.EPOCH + 86400)
        if a and ext == "pdf":
            created, _ = pdf_dates(a)
            t.check(created.startswith(e2elib.EPOCH_PDF_DATE), "%s: CreationDate is SOURCE_DATE_EPOCH's" % base,
                    "SOURCE_DATE_EPOCH=%d, pdfinfo -isodates CreationDate %r, expected %s" % (e2elib.EPOCH, created, e2elib.EPOCH_PDF_DATE))
            if other:
                c2, _ = pdf_dates(other)
                t.check(c2.startswith("2021-04-01T12:00:00"), "%s: another SOURCE_DATE_EPOCH gives another CreationDate" % base,
                        "SOURCE_DATE_EPOCH=%d gave CreationDate %r" % (e2elib.EPOCH + 86400, c2))
        if a and ext == "epub":
            t.check(opf_modified(a) == [e2elib.EPOCH_ISO], "%s: dcterms:modified is SOURCE_DATE_EPOCH's" % base,
                    "got %s, expected [%r]" % (opf_modified(a), e2elib.EPOCH_ISO))
            times = {zi.date_time for zi in zipfile.ZipFile(a).infolist()}
            # zip times are local DOS times without a zone: accept the epoch's date in UTC.
            t.check(all(tt[:3] == (2021, 3, 31) for tt in times), "%s: zip entry times are SOURCE_DATE_EPOCH's date" % base,
                    "entry times %s" % sorted(times))
            if other:
                t.check(opf_modified(other) == ["2021-04-01T12:00:00Z"], "%s: another SOURCE_DATE_EPOCH gives another dcterms:modified" % base,
                        "got %s" % opf_modified(other))

# Without SOURCE_DATE_EPOCH: the current date, and two runs differ only there.
DATE_RE = re.compile(rb"\(D:\d{4,14}[^)]*\)")
src = t.article()
for ext in ("pdf", "epub"):
    a = convert(src, ext, "now1", None)
    time.sleep(1.1)
    b = convert(src, ext, "now2", None)
    if not (a and b):
        continue
    now = datetime.datetime.now(datetime.timezone.utc)
    if ext == "pdf":
        created, _ = pdf_dates(a)
        try:
            when = datetime.datetime.fromisoformat(created.replace("Z", "+00:00"))
            if when.tzinfo is None:
                when = when.replace(tzinfo=datetime.timezone.utc)
            recent = abs((now - when).total_seconds()) < 600
        except ValueError:
            recent = False
        t.check(recent, "without SOURCE_DATE_EPOCH the PDF CreationDate is now", "CreationDate %r, now %s" % (created, now.isoformat()))
        ma, mb = DATE_RE.sub(b"(D:masked)", read(a)), DATE_RE.sub(b"(D:masked)", read(b))
        k = next((i for i in range(min(len(ma), len(mb))) if ma[i] != mb[i]), None)
        t.check(ma == mb, "without SOURCE_DATE_EPOCH two PDFs differ only in their dates",
                "after masking (D:...) dates they still differ at byte %s: %r vs %r" % (
                    k, ma[k - 20:k + 40] if k is not None else b"", mb[k - 20:k + 40] if k is not None else b""))
    else:
        za, zb = zipfile.ZipFile(a), zipfile.ZipFile(b)
        mod = opf_modified(a)
        t.check(mod and mod[0][:10] == now.strftime("%Y-%m-%d"), "without SOURCE_DATE_EPOCH dcterms:modified is today",
                "dcterms:modified %s, today %s" % (mod, now.date()))
        mask = lambda data: re.sub(rb"(<meta[^>]*dcterms:modified[^>]*>)[^<]*", rb"\1masked", data)
        diffs = [n for n in za.namelist() if n not in zb.namelist() or mask(za.read(n)) != mask(zb.read(n))]
        t.check(za.namelist() == zb.namelist() and not diffs, "without SOURCE_DATE_EPOCH two EPUBs differ only in their dates",
                "entries differing beyond dcterms:modified: %s" % diffs)
t.finish()
