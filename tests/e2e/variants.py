"""e2e_input_variants: the same article saved with a UTF-8 BOM, with CRLF line ends, or without its
last newline gives the same PDF text and glyphs (mutool trace) and the same Title as the article
itself (no BOM or CR leaks into the title or the text)."""
import os
import e2elib

t = e2elib.Test(__doc__)
with open(t.article(), "rb") as f:
    raw = f.read()
if raw.startswith(b"\xef\xbb\xbf"):
    raw = raw[3:]
variants = {
    "plain": raw,
    "bom": b"\xef\xbb\xbf" + raw,
    "crlf": raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
    "bom-crlf": b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"),
    "no-final-newline": raw.rstrip(b"\n"),
}
base = os.path.basename(t.article())
results = {}
for name, data in variants.items():
    os.makedirs(t.path(name))
    src = t.path(name, base)
    with open(src, "wb") as f:
        f.write(data)
    pdf = t.path(name, "out.pdf")
    r = t.sapchu([src, "-o", pdf])
    if t.check(r.code == 0 and os.path.isfile(pdf), "%s: exit 0" % name, r.describe() + e2elib.signal_note(r.code)):
        glyphs, sizes = e2elib.mutool_glyphs(pdf)
        _, info = e2elib.pdfinfo(pdf)
        results[name] = ("\f".join(e2elib.pdftotext_pages(pdf)),
                         [(g.page, g.ps_name, g.gid, round(g.x, 3), round(g.y, 3)) for g in glyphs], info.get("Title"))
ref = results.get("plain")
first = raw.decode("utf-8").split("\n", 1)[0].strip()
if ref:
    t.check(ref[2] == first, "plain: Title is the first line", "pdfinfo Title %r, expected %r" % (ref[2], first))
    for name, res in results.items():
        if name == "plain":
            continue
        t.check(res[0] == ref[0], "%s: the same pdftotext text" % name, "differs from the plain article's")
        t.check(res[1] == ref[1], "%s: the same glyphs and positions" % name,
                "%d vs %d glyphs, first difference %s" % (len(res[1]), len(ref[1]), next(
                    ((a, b) for a, b in zip(res[1], ref[1]) if a != b), None)))
        t.check(res[2] == first, "%s: Title is the first line (no BOM, no CR)" % name, "pdfinfo Title %r" % res[2])
t.finish()
