"""e2e_bad_input: each bad input or bad command line gives one clear line on stderr
("sapchu: FILE:LINE:COL: error: ..." style), the documented exit code (1: a document failed,
2: usage error), nothing on stdout, and no output file (nor a temporary one) left behind."""
import os
import re
import e2elib

t = e2elib.Test(__doc__)
ARTICLE_HEAD = "Dòng một có dấu.\n"


def case(label, args, code, patterns, files=None, cwd_name=None, unreadable=()):
    """Runs sapchu in a fresh dir (made from `files`: name -> bytes, or None for a directory) and
    checks the exit code, the one-line message and that the dir holds nothing new afterwards."""
    d = t.path(cwd_name or re.sub(r"\W+", "-", label).strip("-"))
    os.makedirs(d)
    for name, data in (files or {}).items():
        if data is None:
            os.makedirs(os.path.join(d, name))
        else:
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
            if name in unreadable:
                os.chmod(os.path.join(d, name), 0)
    before = sorted(os.listdir(d))
    r = t.sapchu(args, cwd=d)
    lines = [ln for ln in r.errtext.splitlines() if ln.strip()]
    errors = [ln for ln in lines if re.match(r"sapchu: (.+: )?error: \S", ln)]
    t.check(r.code == code, "%s: exit %d" % (label, code), "expected exit %d, got %s%s" % (code, r.describe(), e2elib.signal_note(r.code)))
    msg_ok = len(errors) == 1 and len(lines) == 1  # usage errors too: the --help hint is on that line
    t.check(msg_ok, "%s: one 'sapchu: ...error: ...' line on stderr" % label,
            "`%s` printed %d stderr line(s): %r" % (r.cmd, len(lines), lines[:6]))
    if errors:
        for p in patterns:
            t.check(re.search(p, errors[0]), "%s: the message matches %r" % (label, p), "message: %r" % errors[0])
    t.check(not r.out, "%s: nothing on stdout" % label, "stdout: %r" % r.out[:200])
    after = sorted(os.listdir(d))
    t.check(after == before, "%s: no file left behind" % label, "the folder held %s before, %s after" % (before, after))


# Invalid UTF-8 on line 2, column 5, byte offset 4 + len(line 1 in bytes).
bad = ARTICLE_HEAD.encode() + b"abc \xff def\n"
off = len(ARTICLE_HEAD.encode()) + 4
case("invalid UTF-8", ["bad-utf8.txt", "-o", "out.pdf"], 1,
     [r"bad-utf8\.txt:2:5: error: ", r"UTF-8", r"\b%d\b" % off], {"bad-utf8.txt": bad})
case("invalid UTF-8 to EPUB", ["bad-utf8.txt", "-o", "out.epub"], 1,
     [r"bad-utf8\.txt:2:5: error: ", r"\b%d\b" % off], {"bad-utf8.txt": bad})
# A truncated sequence at the very end of the file (line 1, the 3-byte ộ cut after 2 bytes).
case("truncated UTF-8 at the end", ["cut.txt", "-o", "out.pdf"], 1,
     [r"cut\.txt:1:\d+: error: ", r"UTF-8"], {"cut.txt": "Một".encode()[:-1] + "ộ".encode()[:2]})
case("empty file", ["empty.txt", "-o", "out.pdf"], 1, [r"empty\.txt.*error: .*empty"], {"empty.txt": b""})
case("empty Markdown file", ["empty.md", "-o", "out.epub"], 1, [r"empty\.md.*error: .*empty"], {"empty.md": b""})
case("white space only (no-break spaces, tabs)", ["blank.txt", "-o", "out.pdf"], 1, [r"blank\.txt.*error: .*empty"],
     {"blank.txt": "  \n\u00a0\n\t\n".encode()})
case("a BOM only", ["bom.txt", "-o", "out.epub"], 1, [r"bom\.txt.*error: .*empty"], {"bom.txt": b"\xef\xbb\xbf"})
case("Markdown with only a YAML block", ["meta.md", "-o", "out.pdf"], 1, [r"meta\.md.*error: .*empty"],
     {"meta.md": b"---\ntitle: X\n---\n"})
case("invalid UTF-8 in Markdown", ["bad.md", "-o", "out.epub"], 1, [r"bad\.md:3:\d+: error: ", r"UTF-8"],
     {"bad.md": b"# Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\n\nab \xc0\xaf cd\n"})
case("missing file", ["nosuch.txt", "-o", "out.pdf"], 1, [r"nosuch\.txt.*error: "])
case("directory as input", ["folder", "-o", "out.pdf"], 1, [r"folder.*error: "], {"folder": None})
case("directory named .txt as input", ["folder.txt", "-o", "out.epub"], 1, [r"folder\.txt.*error: "], {"folder.txt": None})
if os.geteuid() != 0:  # root reads any file
    case("unreadable file", ["locked.txt", "-o", "out.pdf"], 1, [r"locked\.txt.*error: "], {"locked.txt": b"x\n"},
         unreadable=("locked.txt",))
case("unknown output extension", ["in.txt", "-o", "out.docx"], 2, [r"out\.docx"], {"in.txt": ARTICLE_HEAD.encode()})
case("unknown -t format", ["in.txt", "-t", "docx", "-o", "out.pdf"], 2, [r"docx"], {"in.txt": ARTICLE_HEAD.encode()})
case("unknown -f format", ["in.txt", "-f", "rtf", "-o", "out.pdf"], 2, [r"rtf"], {"in.txt": ARTICLE_HEAD.encode()})
case("unknown paper size", ["in.txt", "--paper", "Foolscap9", "-o", "out.pdf"], 2, [r"Foolscap9"], {"in.txt": ARTICLE_HEAD.encode()})
case("output folder missing (PDF)", ["in.txt", "-o", "nodir/out.pdf"], 1, [r"nodir"], {"in.txt": ARTICLE_HEAD.encode()})
case("output folder missing (EPUB)", ["in.txt", "-o", "nodir/out.epub"], 1, [r"nodir"], {"in.txt": ARTICLE_HEAD.encode()})
case("-d folder missing", ["in.txt", "-d", "nodir"], 1, [r"nodir"], {"in.txt": ARTICLE_HEAD.encode()})
case("unknown option", ["--frobnicate", "in.txt", "-o", "out.pdf"], 2, [r"--frobnicate"], {"in.txt": ARTICLE_HEAD.encode()})
case("-o with two formats", ["in.txt", "-t", "pdf,epub", "-o", "out.pdf"], 2, [r"-o|-d"], {"in.txt": ARTICLE_HEAD.encode()})
case("-o and -d together", ["in.txt", "-o", "out.pdf", "-d", "."], 2, [r"-o|-d"], {"in.txt": ARTICLE_HEAD.encode()})
case("-o with two inputs", ["a.txt", "b.txt", "-o", "out.pdf"], 2, [r"-o|-d"], {"a.txt": ARTICLE_HEAD.encode(), "b.txt": ARTICLE_HEAD.encode()})
case("no input", [], 2, [r"input"])
# A failed conversion leaves an older output of the same name as it was (temporary file + rename).
d = t.path("keeps-old-output")
os.makedirs(d)
with open(os.path.join(d, "out.pdf"), "wb") as f:
    f.write(b"an older output")
with open(os.path.join(d, "bad.txt"), "wb") as f:
    f.write(b"ok\n\xc3(\n")
r = t.sapchu(["bad.txt", "-o", "out.pdf"], cwd=d)
t.check(r.code == 1 and open(os.path.join(d, "out.pdf"), "rb").read() == b"an older output"
        and sorted(os.listdir(d)) == ["bad.txt", "out.pdf"],
        "a failed conversion leaves an existing output untouched and no temporary file",
        "%s; the folder holds %s" % (r.describe(), sorted(os.listdir(d))))
case("no input with -o", ["-o", "out.pdf"], 2, [r"input"])
case("option missing its value", ["in.txt", "-o"], 2, [r"-o"], {"in.txt": ARTICLE_HEAD.encode()})
t.finish()
