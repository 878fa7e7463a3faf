"""Shared helpers for sapchu's end-to-end tests.

Every test script is run by ctest as
    /usr/bin/python3 -B tests/e2e/<test>.py --sapchu BIN --src SOURCE_DIR --work WORK_DIR [--samples DIR]
and checks real outputs with real tools (pdftotext, pdffonts, pdfinfo, qpdf, mutool, hb-shape,
pandoc, epubcheck). A test prints one line per check and exits 1 when any check failed, naming the
command, what was expected and what came out.
"""
import argparse
import glob
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

# A fixed epoch for reproducible outputs: 2021-03-31 12:00:00 UTC.
EPOCH = 1617192000
EPOCH_PDF_DATE = "2021-03-31T12:00:00"
EPOCH_ISO = "2021-03-31T12:00:00Z"

# The default style's page: A4 with 2.5 cm margins (styles/default.css, style.h).
A4 = (595.276, 841.89)
A5 = (419.528, 595.276)
MARGIN = 72 * 2.5 / 2.54
EPS = 0.02  # pt: positions are compared to this (mutool prints 3-5 decimals)

EPUBCHECK_JAR = "/usr/share/java/epubcheck.jar"


# ---- test bookkeeping --------------------------------------------------------------------------

class Test:
    """Parses the common arguments, owns the work dir, collects failures."""

    def __init__(self, description):
        ap = argparse.ArgumentParser(description=description)
        ap.add_argument("--sapchu", required=True, help="the sapchu binary")
        ap.add_argument("--src", required=True, help="the source tree")
        ap.add_argument("--work", required=True, help="this test's own scratch dir")
        ap.add_argument("--samples", help="where e2e_samples_convert wrote the sample outputs")
        self.args = ap.parse_args()
        self.sapchu_bin = os.path.abspath(self.args.sapchu)
        self.src = os.path.abspath(self.args.src)
        self.work = os.path.abspath(self.args.work)
        self.samples_out = os.path.abspath(self.args.samples) if self.args.samples else None
        self.failures = []
        if os.path.isdir(self.work):
            shutil.rmtree(self.work)
        os.makedirs(self.work)
        if not os.access(self.sapchu_bin, os.X_OK):
            self.fail("the sapchu binary %s does not exist or is not executable" % self.sapchu_bin)
            self.finish()

    # -- reporting
    def fail(self, msg):
        self.failures.append(msg)
        print("FAIL: " + msg, flush=True)

    def ok(self, msg):
        print("ok:   " + msg, flush=True)

    def check(self, cond, what, detail=""):
        """Records one check; `detail` explains a failure (expected/got)."""
        if cond:
            self.ok(what)
        else:
            self.fail(what + (": " + detail if detail else ""))
        return cond

    def finish(self):
        if self.failures:
            print("\n%d check(s) failed:" % len(self.failures))
            for f in self.failures:
                print("  - " + f.splitlines()[0])
            sys.exit(1)
        print("\nall checks passed")
        sys.exit(0)

    # -- files
    def path(self, *parts):
        return os.path.join(self.work, *parts)

    def samples(self):
        """The sample inputs: samples/*.txt and samples/*.md, sorted."""
        found = sorted(glob.glob(os.path.join(self.src, "samples", "*.txt")) +
                       glob.glob(os.path.join(self.src, "samples", "*.md")))
        if not found:
            self.fail("no samples in %s/samples" % self.src)
        return found

    def article(self):
        return os.path.join(self.src, "samples", "hoi-nghi-dang-bo-khcn-2021.txt")

    def sample_output(self, sample, ext):
        """The fixture's output for a sample: NAME.txt -> NAME.txt.pdf (the article exists as .txt and
    .md with one stem)."""
        return os.path.join(self.samples_out, os.path.basename(sample) + "." + ext)

    def font_file(self, ps_name):
        """fonts/<PostScript name>.ttf: the bundled Noto files are named after their fonts."""
        return os.path.join(self.src, "fonts", ps_name + ".ttf")

    # -- running sapchu
    def sapchu(self, args, stdin=None, epoch=EPOCH, cwd=None, timeout=60):
        """Runs sapchu; `epoch` None runs without SOURCE_DATE_EPOCH."""
        env = {}
        if epoch is not None:
            env["SOURCE_DATE_EPOCH"] = str(epoch)
        return run([self.sapchu_bin] + list(args), stdin=stdin, env=env, cwd=cwd,
                   timeout=timeout, unset=() if epoch is not None else ("SOURCE_DATE_EPOCH",))


class Result:
    def __init__(self, cmd, code, out, err):
        self.cmd, self.code, self.out, self.err = cmd, code, out, err

    @property
    def text(self):
        return self.out.decode("utf-8", "replace")

    @property
    def errtext(self):
        return self.err.decode("utf-8", "replace")

    def describe(self):
        """The command and what it printed, for a failure message."""
        e = self.errtext.strip()
        return "`%s` exited %s%s" % (self.cmd, self.code, "; stderr: " + e[:800] if e else "")


def run(cmd, stdin=None, env=None, cwd=None, timeout=120, unset=()):
    full_env = dict(os.environ)
    full_env.update({"LC_ALL": "C.UTF-8", "TZ": "UTC"})
    for k in unset:
        full_env.pop(k, None)
    if env:
        full_env.update(env)
    shown = " ".join(shlex.quote(str(c)) for c in cmd)
    if env:
        shown = " ".join("%s=%s" % kv for kv in sorted(env.items())) + " " + shown
    try:
        p = subprocess.run([str(c) for c in cmd], input=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=full_env, cwd=cwd, timeout=timeout)
        return Result(shown, p.returncode, p.stdout, p.stderr)
    except subprocess.TimeoutExpired as e:
        return Result(shown, "TIMEOUT after %ss" % timeout, e.stdout or b"", e.stderr or b"")
    except OSError as e:
        return Result(shown, "could not start (%s)" % e, b"", b"")


def signal_note(code):
    """A negative return code is a signal: a crash."""
    if isinstance(code, int) and code < 0:
        return " (killed by signal %d: a crash)" % -code
    return ""


# ---- words and text ----------------------------------------------------------------------------

def read_source_words(path):
    """The words of a UTF-8 text file, NFC-normalised (the reference for the PDF/EPUB text)."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8-sig")
    return unicodedata.normalize("NFC", text).split()


def pdftotext_pages(pdf, layout=False):
    """pdftotext's text (no normalisation: an NFD extraction must fail), one string per page."""
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, "-"]
    r = run(cmd)
    if r.code != 0:
        raise RuntimeError(r.describe())
    pages = r.text.split("\f")
    if pages and pages[-1].strip() == "":
        pages.pop()
    return pages


def raw_lines_ending_with_dash(pdf):
    """How many lines end with a spaced `-` in content-stream order (pdftotext -raw keeps them)."""
    r = run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
    return sum(1 for ln in r.text.splitlines() if ln.rstrip().endswith(" -"))


def split_folios(pages):
    """Removes each page's folio (the last line of a page when it is only a number).
    Returns (words of all pages in order, [folio or None per page])."""
    words, folios = [], []
    for page in pages:
        lines = [ln for ln in page.split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        folio = None
        if lines and re.fullmatch(r"\d+", lines[-1].strip()):
            folio = int(lines[-1].strip())
            lines.pop()
        folios.append(folio)
        for ln in lines:
            words.extend(ln.split())
    return words, folios


def is_url(word):
    return "://" in word or word.startswith("www.")


def compare_words(expected, got, footnote_markers=0, dropped_dashes=None, hyphenation=False, joinable=None):
    """Compares word lists in order. URL words of `expected` may come as several fragments in `got`
    (a URL broken across lines); nothing else may be joined. With footnote_markers = N > 0, a
    footnote number 1..N glued to a word (`word1`, `word¹`) or standing alone in `got` is ignored.
    pdftotext drops a spaced `-` that ends a line (it takes it for a hyphenation): when
    `dropped_dashes` is a list, such a missing `-` is allowed and its index appended (the caller
    checks that many lines really end with `-`). With hyphenation (text in a language that is
    hyphenated, never Vietnamese), `exam-` + `ple` may stand for `example`. `joinable` (default:
    is_url) says which expected words may come in fragments.
    Returns None when equal, else the first difference."""
    i = j = 0
    while i < len(expected) and j < len(got):
        e, g = expected[i], got[j]
        if e == g:
            i += 1
            j += 1
            continue
        if (hyphenation and g.endswith("-") and len(g) > 1 and j + 1 < len(got)
                and g[:-1] + got[j + 1] == e):
            i += 1
            j += 2
            continue
        if e == "-" and dropped_dashes is not None and i + 1 < len(expected) and expected[i + 1] == g:
            dropped_dashes.append(i)
            i += 1
            continue
        if (joinable or is_url)(e) and g and e.startswith(g):
            acc, k = g, j + 1
            while acc != e and k < len(got) and e.startswith(acc + got[k]):
                acc += got[k]
                k += 1
            if acc == e:
                i += 1
                j = k
                continue
        if footnote_markers:
            if strip_marker(g, footnote_markers) == e:
                i += 1
                j += 1
                continue
            if is_marker(g, footnote_markers) and not is_marker(e, footnote_markers):
                j += 1
                continue
        return describe_difference(expected, got, i, j)
    if i < len(expected):
        return "the PDF/EPUB text ends early: %d source word(s) missing from word %d on: %s" % (
            len(expected) - i, i, " ".join(expected[i:i + 12]))
    if j < len(got):
        if footnote_markers and all(is_marker(w, footnote_markers) for w in got[j:]):
            return None
        return "extra words after the end of the source text: %s" % " ".join(got[j:j + 12])
    return None


SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def marker_number(digits):
    return int(digits.translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")))


def is_marker(w, n):
    """A footnote number 1..n standing alone (`1`, `1.`, `[1]`, `¹`)."""
    m = re.fullmatch(r"[\[(]?([\d%s]{1,3})[\]).:]?" % SUPERSCRIPT_DIGITS, w)
    return m is not None and 1 <= marker_number(m.group(1)) <= n


def strip_marker(w, n):
    """`thích1.` -> `thích.`: removes a footnote number 1..n glued after a letter or punctuation."""
    m = re.search(r"(?<=[^\d\s])\[?([\d%s]{1,3})\]?(?=[.,;:!?”’\")]*$)" % SUPERSCRIPT_DIGITS, w)
    if m and 1 <= marker_number(m.group(1)) <= n:
        return w[:m.start()] + w[m.end():]
    return w


def describe_difference(expected, got, i, j):
    ctx = lambda ws, k: " ".join(ws[max(0, k - 6):k]) + " >>>" + (ws[k] if k < len(ws) else "<end>") + "<<< " + " ".join(ws[k + 1:k + 6])
    e = expected[i] if i < len(expected) else ""
    g = got[j] if j < len(got) else ""
    nfd_note = ""
    if g and unicodedata.normalize("NFC", g) == e and g != e:
        nfd_note = " (the extracted word is the source word in another normalisation form: %s)" % (
            " ".join("U+%04X" % ord(c) for c in g))
    return ("word %d differs:\n      expected: %s\n      got:      %s%s" % (i, ctx(expected, i), ctx(got, j), nfd_note))


# ---- markdown reference text -------------------------------------------------------------------

def pandoc_plain(md_path, standalone):
    cmd = ["pandoc", "-f", "gfm+footnotes+yaml_metadata_block", "-t", "plain-strikeout", "--wrap=none",
           "--columns=100000"] + (["-s"] if standalone else []) + [md_path]
    r = run(cmd)
    if r.code != 0:
        raise RuntimeError(r.describe())
    return r.text


def pandoc_plain_words(md_path, list_numbers=True):
    """The words `pandoc -t plain` gives for a Markdown file read the way sapchu reads it
    (CommonMark + GFM tables/strikethrough/autolinks, footnotes, a YAML block; no smart quotes).
    Without list_numbers, ordered-list numbers are left out (XHTML's <ol> numbers are not text)."""
    text = pandoc_plain(md_path, False)
    if not list_numbers:
        text = re.sub(r"(?m)^(\s*)\d+[.)](?=\s)", r"\1", text)
    return normalise_markdown_words(text.split(), drop_bracket_markers=True)


def pandoc_title_block(md_path):
    """The YAML title, author(s) and date as pandoc -s prints them: one word list per line."""
    body = pandoc_plain(md_path, False)
    full = pandoc_plain(md_path, True)
    if full.strip() == body.strip():
        return []
    head = full.lstrip("\n").split("\n\n", 1)[0]
    return [ln.split() for ln in head.splitlines() if ln.strip()]


def strip_title_block(words, block):
    """A typeset document may open with its metadata title (then author, date): when `words` starts
    with the title, drops it and whichever of the following fields come next.
    Returns (remaining words, the fields found)."""
    found, k = [], 0
    for n, field in enumerate(block):
        if field and words[k:k + len(field)] == field:
            found.append(" ".join(field))
            k += len(field)
        elif n == 0:
            break
    return words[k:], found


def pandoc_notes(md_path):
    """The footnotes pandoc -t plain writes at the end: [(number, words)] in order."""
    text = pandoc_plain(md_path, False)
    m = re.search(r"(?m)^\[1\] ", text)
    if not m:
        return []
    parts = re.split(r"(?m)^\[(\d+)\] ", text[m.start():])
    return [(int(parts[i]), normalise_markdown_words(parts[i + 1].split(), drop_bracket_markers=True))
            for i in range(1, len(parts) - 1, 2)]


def notes_to_end(md_path, got, hyphenation=False):
    """Moves each footnote (its `N.` and its words, where they stand in one piece in `got`, as at
    the foot of a page) to the end, in order, as pandoc -t plain has them. Notes not found in one
    piece stay where they are (the comparison then names the difference)."""
    moved = []
    for number, words in pandoc_notes(md_path):
        for k in range(len(got)):
            if got[k] != "%d." % number:
                continue
            i, j = 0, k + 1
            while i < len(words) and j < len(got):
                if got[j] == words[i]:
                    i, j = i + 1, j + 1
                elif (hyphenation and got[j].endswith("-") and j + 1 < len(got)
                      and got[j][:-1] + got[j + 1] == words[i]):
                    i, j = i + 1, j + 2
                else:
                    break
            if i == len(words) and words:
                moved += got[k:j]
                got = got[:k] + got[j:]
                break
    return got + moved


def compare_markdown(md_path, got_words, dropped_dashes=None, hyphenation=False, list_numbers=True, joinable=None):
    """Compares the words of a typeset Markdown sample (PDF or EPUB text) with pandoc -t plain's; the
    text may open with the metadata title block (title, author, date) or not.
    Returns (difference or None, the metadata fields found typeset at the top, word count)."""
    expected = pandoc_plain_words(md_path, list_numbers)
    notes = len(set(re.findall(r"\[(\d+)\]", pandoc_plain(md_path, False))))
    got = normalise_markdown_words(got_words)
    # A PDF sets each footnote at the foot of its reference's page; pandoc puts them all at the end.
    got = notes_to_end(md_path, got, hyphenation)
    plain = compare_words(expected, got, footnote_markers=notes, dropped_dashes=dropped_dashes,
                          hyphenation=hyphenation, joinable=joinable)
    if plain is None:
        return None, [], len(expected)
    rest, found = strip_title_block(got, [normalise_markdown_words(f) for f in pandoc_title_block(md_path)])
    if found:
        dashes = [] if dropped_dashes is not None else None
        diff = compare_words(expected, rest, footnote_markers=notes, dropped_dashes=dashes,
                             hyphenation=hyphenation, joinable=joinable)
        if diff is None:
            if dropped_dashes is not None:
                dropped_dashes[:] = dashes
            return None, found, len(expected)
    return plain, [], len(expected)


BULLETS = {"-", "*", "+", "•", "◦", "▪", "‣", "–", "|"}


def normalise_markdown_words(words, drop_bracket_markers=False):
    """Drops what plain text and a typeset page show differently: list bullets (pandoc `-`, sapchu
    `•`), table and thematic-break rules, table cell bars; pandoc's `[1]` footnote markers."""
    out = []
    for w in words:
        if w in BULLETS or re.fullmatch(r"[-=+|:_*]{3,}", w):
            continue
        if drop_bracket_markers:
            w = re.sub(r"\[\d+\]", "", w)
            if not w:
                continue
        out.append(w)
    return out


# ---- mutool trace ------------------------------------------------------------------------------

class Glyph:
    __slots__ = ("page", "font", "size", "gid", "uni", "x", "y", "adv")

    def __init__(self, page, font, size, gid, uni, x, y, adv):
        self.page, self.font, self.size, self.gid, self.uni = page, font, size, gid, uni
        self.x, self.y, self.adv = x, y, adv

    @property
    def ps_name(self):
        return self.font.split("+", 1)[1] if re.match(r"[A-Z]{6}\+", self.font) else self.font


def mutool_glyphs(pdf):
    """Every glyph `mutool trace` reports, in content order, in device space (points, origin at the
    top-left of the page, y down). Glyph entries without an id (the 2nd.. characters of a
    ligature) have gid None. Returns (glyphs, [(width, height) per page])."""
    r = run(["mutool", "trace", pdf])
    if r.code != 0:
        raise RuntimeError(r.describe())
    root = ET.fromstring(r.out)
    glyphs, sizes = [], []
    for page in root.iter("page"):
        pno = int(page.get("number"))
        box = [float(v) for v in page.get("mediabox").split()]
        sizes.append((box[2] - box[0], box[3] - box[1]))
        for ft in page.iter():
            if ft.tag not in ("fill_text", "stroke_text", "clip_text", "clip_stroke_text", "ignore_text"):
                continue
            a, b, c, d, e, f = [float(v) for v in ft.get("transform").split()]
            for span in ft.iter("span"):
                trm = [float(v) for v in span.get("trm").split()]
                size = abs(trm[0] * a) if trm[0] else abs(trm[1] * b)
                for g in span.iter("g"):
                    x, y = float(g.get("x")), float(g.get("y"))
                    gid = g.get("glyph")
                    glyphs.append(Glyph(pno, span.get("font"), size,
                                        int(gid) if gid is not None else None, g.get("unicode", ""),
                                        a * x + c * y + e, b * x + d * y + f,
                                        float(g.get("adv", "0"))))
    return glyphs, sizes


def group_runs(glyphs):
    """Consecutive glyphs of one page, font and size whose baselines are within 0.45 em (mark
    offsets stay in their word's run; superscripts come in another size)."""
    runs, cur = [], []
    for g in glyphs:
        if cur and (g.page != cur[0].page or g.font != cur[0].font or abs(g.size - cur[0].size) > 1e-3
                    or abs(g.y - cur[0].y) > 0.45 * g.size):
            runs.append(cur)
            cur = []
        cur.append(g)
    if cur:
        runs.append(cur)
    return runs


def split_words(run_glyphs):
    """Splits a run at space glyphs and at gaps (text drawn without a space glyph): a gap is where
    a glyph starts more than 0.1 em after the previous glyph's advance ends."""
    words, cur, pen = [], [], None
    for g in run_glyphs:
        if g.uni.isspace():
            if cur:
                words.append(cur)
            cur, pen = [], None
            continue
        if cur and pen is not None and g.gid is not None and g.adv > 0 and g.x - pen > 0.1 * g.size:
            words.append(cur)
            cur = []
        cur.append(g)
        if g.gid is not None and g.adv > 0:
            pen = g.x + g.adv * g.size
    if cur:
        words.append(cur)
    return words


# ---- hb-shape ----------------------------------------------------------------------------------

HB_GLYPH = re.compile(r"(\d+)=(\d+)(?:@(-?\d+),(-?\d+))?\+(-?\d+)")


def hb_shape_lines(font_file, language, lines):
    """Shapes each line (one hb-shape process per font): a list of [(gid, cluster, x_off, y_off,
    x_adv)] in font units per line."""
    import tempfile
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n".join(lines) + "\n")
        name = f.name
    try:
        r = run(["hb-shape", "--no-glyph-names", "--font-file=" + font_file, "--language=" + language,
                 "--text-file=" + name])
    finally:
        os.unlink(name)
    if r.code != 0:
        raise RuntimeError(r.describe())
    out = r.text.splitlines()
    if len(out) != len(lines):
        raise RuntimeError("hb-shape gave %d lines for %d inputs" % (len(out), len(lines)))
    return [[(int(m[0]), int(m[1]), int(m[2] or 0), int(m[3] or 0), int(m[4]))
             for m in HB_GLYPH.findall(ln)] for ln in out]


def compare_with_hb(fonts, runs, lang):
    """Shapes the text of every word of every run with hb-shape (the run's font file, `lang`) and
    compares glyph ids and positions relative to the word's first glyph (so justification, which
    moves whole words, is allowed). Returns (words compared, [differences])."""
    words = []  # (ps_name, size, [glyphs])
    for run in runs:
        for wd in split_words(run):
            if any(g.gid is not None for g in wd):
                words.append((run[0].ps_name, run[0].size, wd))
    by_font = {}
    for i, (ps, size, wd) in enumerate(words):
        if fonts.get(ps) is not None:
            by_font.setdefault(ps, []).append(i)
    bad, compared = [], 0
    for ps, idx in sorted(by_font.items()):
        texts = ["".join(g.uni for g in words[i][2]) for i in idx]
        shaped = hb_shape_lines(fonts.path(ps), lang, texts)
        upem = fonts.get(ps).upem
        for i, text, hb in zip(idx, texts, shaped):
            _, size, wd = words[i]
            pg = [g for g in wd if g.gid is not None]
            compared += 1
            s = size / upem
            if [g.gid for g in pg] != [h[0] for h in hb]:
                bad.append("page %d, %s %.1fpt, word %r: PDF glyph ids %s, hb-shape %s" % (
                    pg[0].page, ps, size, text, [g.gid for g in pg], [h[0] for h in hb]))
                continue
            pen, worst = 0.0, 0.0
            for g, h in zip(pg, hb):
                ex = pg[0].x + (pen + h[2] - hb[0][2]) * s
                ey = pg[0].y - (h[3] - hb[0][3]) * s
                worst = max(worst, abs(g.x - ex), abs(g.y - ey))
                pen += h[4]
            if worst > EPS:
                bad.append("page %d, %s %.1fpt, word %r: glyph positions are off hb-shape's by up to %.3f pt "
                           "(PDF x %s; hb-shape advances %s font units)" % (
                               pg[0].page, ps, size, text, worst, [round(g.x - pg[0].x, 3) for g in pg], [h[4] for h in hb]))
    return compared, bad


class FontCache:
    """The bundled font files by PostScript name (fonts/<name>.ttf), parsed once."""

    def __init__(self, test):
        self.test, self.fonts = test, {}

    def path(self, ps_name):
        return self.test.font_file(ps_name)

    def get(self, ps_name):
        if ps_name not in self.fonts:
            p = self.path(ps_name)
            self.fonts[ps_name] = TrueTypeFont(p) if os.path.isfile(p) else None
        return self.fonts[ps_name]


# ---- TrueType metrics (glyph boxes from 'glyf', no extra packages) -----------------------------

class TrueTypeFont:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        d = self.data
        n = struct.unpack(">H", d[4:6])[0]
        self.tables = {}
        for i in range(n):
            tag, _, off, length = struct.unpack(">4sIII", d[12 + 16 * i:28 + 16 * i])
            self.tables[tag.decode("latin-1")] = (off, length)
        head = self.tables["head"][0]
        self.upem = struct.unpack(">H", d[head + 18:head + 20])[0]
        self.loca_long = struct.unpack(">h", d[head + 50:head + 52])[0] == 1
        maxp = self.tables["maxp"][0]
        self.nglyphs = struct.unpack(">H", d[maxp + 4:maxp + 6])[0]

    def bbox(self, gid):
        """(xMin, yMin, xMax, yMax) in font units, None for an empty glyph or no 'glyf'."""
        if "glyf" not in self.tables or gid >= self.nglyphs:
            return None
        loca = self.tables["loca"][0]
        if self.loca_long:
            a, b = struct.unpack(">II", self.data[loca + 4 * gid:loca + 4 * gid + 8])
        else:
            a, b = [2 * v for v in struct.unpack(">HH", self.data[loca + 2 * gid:loca + 2 * gid + 4])]
        if a == b:
            return None
        g = self.tables["glyf"][0] + a
        return struct.unpack(">hhhh", self.data[g + 2:g + 10])


# ---- PDF facts ---------------------------------------------------------------------------------

def pdfinfo(pdf, extra=()):
    r = run(["pdfinfo"] + list(extra) + [pdf])
    info = {}
    for ln in r.text.splitlines():
        if ":" in ln:
            k, v = ln.split(":", 1)
            info[k.strip()] = v.strip()
    return r, info


def pdf_catalog_lang(pdf):
    """The catalog's /Lang, read with pdfminer (python3-pdfminer)."""
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdftypes import resolve1
    with open(pdf, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        lang = resolve1(doc.catalog.get("Lang"))
    if isinstance(lang, bytes):
        if lang.startswith(b"\xfe\xff"):
            return lang[2:].decode("utf-16-be")
        return lang.decode("latin-1")
    return lang


# ---- EPUB facts --------------------------------------------------------------------------------

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "c": "urn:oasis:names:tc:opendocument:xmlns:container", "x": "http://www.w3.org/1999/xhtml",
      "epub": "http://www.idpf.org/2007/ops"}


def epub_package(epub):
    """(zipfile, opf path, opf root element)."""
    z = zipfile.ZipFile(epub)
    container = ET.fromstring(z.read("META-INF/container.xml"))
    opf_path = container.find(".//c:rootfile", NS).get("full-path")
    return z, opf_path, ET.fromstring(z.read(opf_path))


def epub_spine_words(epub):
    """The words of the EPUB's content documents in spine order (tags stripped; the navigation
    document and non-linear items left out: they are not the text)."""
    z, opf_path, opf = epub_package(epub)
    base = os.path.dirname(opf_path)
    items = {it.get("id"): it for it in opf.find("opf:manifest", NS)}
    words = []
    for ref in opf.find("opf:spine", NS):
        if ref.get("linear") == "no":
            continue
        it = items[ref.get("idref")]
        if "nav" in (it.get("properties") or "").split():
            continue
        href = os.path.normpath(os.path.join(base, it.get("href"))).replace(os.sep, "/")
        root = ET.fromstring(z.read(href))
        body = root.find("x:body", NS)
        words.extend(xhtml_text(body).split())
    return words


BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "td",
              "th", "section", "aside", "nav", "ol", "ul", "table", "br", "hr", "header", "footer",
              "figure", "figcaption", "dt", "dd"}


def xhtml_text(el):
    """Text content with block boundaries as spaces (so `</p><p>` does not glue words)."""
    parts = []

    def walk(e):
        tag = e.tag.split("}")[-1]
        block = tag in BLOCK_TAGS
        if block:
            parts.append(" ")
        if e.text:
            parts.append(e.text)
        for ch in e:
            walk(ch)
            if ch.tail:
                parts.append(ch.tail)
        if block:
            parts.append(" ")
    walk(el)
    return "".join(parts)


def epubcheck(epub):
    """Runs epubcheck; returns (Result, summary line)."""
    # C1 only and the serial collector: half the CPU time for a run this short.
    r = run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", EPUBCHECK_JAR, epub], timeout=180)
    summary = ""
    for ln in (r.text + "\n" + r.errtext).splitlines():
        if ln.startswith("Messages:"):
            summary = ln.strip()
    return r, summary
