#!/usr/bin/python3
"""The words our Markdown reader finds in each Markdown sample equal the words of
`pandoc -t plain` on the same file, in order (table rules and pandoc's layout aside), both with
pandoc's GFM reader (the way sapchu reads Markdown) and with its default Markdown reader (so the
samples mean the same to either: no smart quotes or dashes to convert).
Usage: readers_vs_pandoc.py READERS_PLAIN_TOOL SAMPLES_DIR"""
import difflib
import glob
import re
import subprocess
import sys


def words(text):
    # table rules ("-----") are layout; pandoc's "-" bullets match ours
    return [w for w in text.split() if not re.fullmatch(r"-{2,}|={2,}", w)]


def main():
    tool, samples = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(samples + "/*.md"))
    if not files:
        print("FAIL: no Markdown samples in " + samples)
        return 1
    failed = 0
    for f in files:
        ours = subprocess.run([tool, f], capture_output=True, text=True)
        if ours.returncode != 0:
            print("FAIL: %s: reader failed: %s" % (f, ours.stderr.strip()))
            failed += 1
            continue
        for flavour in ("gfm+footnotes+yaml_metadata_block", "markdown"):
            ref = subprocess.run(["pandoc", "-f", flavour, "-t", "plain", "--wrap=none", f],
                                 capture_output=True, text=True, check=True).stdout
            a, b = words(ref), words(ours.stdout)
            if a != b:
                failed += 1
                print("FAIL: %s: words differ from pandoc -f %s -t plain" % (f, flavour))
                for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                    if op != "equal":
                        print("  %s pandoc=%r ours=%r" % (op, a[i1:i2][:12], b[j1:j2][:12]))
            else:
                print("ok: %s = pandoc -f %s (%d words)" % (f, flavour, len(a)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
