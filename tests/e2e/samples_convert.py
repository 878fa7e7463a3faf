"""e2e_samples_convert: every sample in samples/ converts to PDF and to EPUB with exit 0 and no
message (the samples are clean input: a warning there is a defect). The outputs (made with a fixed
SOURCE_DATE_EPOCH) are the fixture the other e2e tests check."""
import os
import e2elib

t = e2elib.Test(__doc__)
t.samples_out = t.work  # this test makes the fixture
for sample in t.samples():
    for ext, magic in (("pdf", b"%PDF-"), ("epub", b"PK\x03\x04")):
        out = t.sample_output(sample, ext)
        r = t.sapchu([sample, "-o", out])
        name = "%s -> %s" % (os.path.basename(sample), ext.upper())
        if not t.check(r.code == 0, name + ": exit 0",
                       "expected exit 0, got " + r.describe() + e2elib.signal_note(r.code)):
            continue
        t.check(not r.err.strip(), name + ": nothing on stderr",
                "a clean sample gave messages: " + r.errtext.strip()[:1500])
        if t.check(os.path.isfile(out) and os.path.getsize(out) > 0, name + ": output written",
                   "%s is missing or empty after %s" % (out, r.cmd)):
            with open(out, "rb") as f:
                head = f.read(8)
            t.check(head.startswith(magic), name + ": output starts with %r" % magic,
                    "%s starts with %r" % (out, head))
        leftovers = sorted(set(os.listdir(t.work)) - {os.path.basename(t.sample_output(p, x))
                                                      for p in t.samples() for x in ("pdf", "epub")})
        t.check(not leftovers, name + ": no temporary files left in the output folder",
                "left behind: %s" % leftovers)
t.finish()
