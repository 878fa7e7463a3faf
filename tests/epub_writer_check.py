#!/usr/bin/python3
"""Checks the EPUBs test_epub_writer wrote into OUTDIR.

usage: epub_writer_check.py CHECK OUTDIR     (CHECK: epubcheck zip text nav notes meta)
       epub_writer_check.py samples OUTDIR INPUT...   (test_epub_samples' EPUBs of INPUT...)
       epub_writer_check.py nfd SOURCE COPY           (write COPY: SOURCE in NFD)

Every failure prints a reason; the exit status is 1 when anything failed.
"""
import html.parser
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB = "{http://www.idpf.org/2007/ops}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
XMLNS = "{http://www.w3.org/XML/1998/namespace}"

TITLE = "Hội nghị & <Đảng bộ> \"KHCN\" 'năm' 2021"
CSS = 'body { font-family: "Noto Serif", serif; }\nh1 { font-size: 1.6em; }\n'
# written with the same modified time; must be byte-identical to full.epub
SAME_AS_FULL = ["full-again", "full-tz", "full-tz2"]
DISTINCT = ["full", "full-later", "plain", "deep", "empty"]

# C1-only JIT and the serial collector: epubcheck starts in a third of the time
EPUBCHECK = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
             "/usr/share/java/epubcheck.jar"]

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def expect(cond, msg):
    if not cond:
        fail(msg)
    return cond


class Book:
    """An EPUB opened for checking: entries, package document, spine files."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)[:-5]
        self.zip = zipfile.ZipFile(path)
        self.opf = ET.fromstring(self.read("EPUB/package.opf"))
        manifest = {i.get("id"): i.get("href") for i in self.opf.iter(OPF + "item")}
        self.spine = [manifest[r.get("idref")] for r in self.opf.iter(OPF + "itemref")]
        self.docs = {}

    def read(self, name):
        return self.zip.read(name)

    def xhtml(self, href):
        if href not in self.docs:
            self.docs[href] = ET.fromstring(self.read("EPUB/" + href))
        return self.docs[href]

    def ids(self, href):
        return {e.get("id"): e for e in self.xhtml(href).iter() if e.get("id") is not None}

    def resolve(self, href, base):
        """The element an internal href points at (None when it does not resolve)."""
        file, _, frag = href.partition("#")
        file = file or base
        if file not in self.spine and file != "nav.xhtml":
            return None
        if not frag:
            return self.xhtml(file)
        return self.ids(file).get(frag)


def books(outdir, names=DISTINCT):
    return [Book(os.path.join(outdir, n + ".epub")) for n in names]


BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table",
          "thead", "tbody", "tr", "th", "td", "hr", "aside", "section", "div", "nav", "br"}


def text_of(elem, skip):
    """Text of an element with block boundaries as spaces; elements for which skip(e) holds are
    left out, and so is the ". " that follows a note's back link."""
    out = []

    def walk(e):
        tag = e.tag.replace(XHTML, "")
        if skip(e):
            tail = e.tail or ""
            if "footnote-back" in (e.get("class") or "") and tail.startswith(". "):
                tail = tail[2:]
            out.append(tail)
            return
        block = tag in BLOCKS
        if block:
            out.append(" ")
        out.append(e.text or "")
        for c in e:
            walk(c)
        if block:
            out.append(" ")
        out.append(e.tail or "")

    walk(elem)
    return " ".join("".join(out).split())


def is_noteref(e):
    return e.get(EPUB + "type") == "noteref"


def is_back_link(e):
    return "footnote-back" in (e.get("class") or "")


# ---- checks ------------------------------------------------------------------------------------

def check_epubcheck(outdir):
    random = [f"random-{k}" for k in range(6)]  # nonsense trees: must still be valid
    epubcheck_all([(n, os.path.join(outdir, n + ".epub")) for n in DISTINCT + ["bad-bytes"] + random])


def check_zip(outdir):
    full = open(os.path.join(outdir, "full.epub"), "rb").read()
    for name in SAME_AS_FULL:
        data = open(os.path.join(outdir, name + ".epub"), "rb").read()
        expect(data == full, f"{name}.epub is not byte-identical to full.epub")
    times = {"full": (2021, 4, 2, 10, 20, 30), "full-later": (2022, 5, 7, 10, 20, 30)}
    for b in books(outdir):
        raw = open(b.path, "rb").read()
        # mimetype: the first local header, stored, no extra field, exact content
        expect(raw[:4] == b"PK\x03\x04", f"{b.name}: does not start with a local file header")
        expect(raw[8:10] == b"\0\0", f"{b.name}: mimetype is compressed")
        expect(raw[26:30] == b"\x08\0\0\0", f"{b.name}: mimetype name/extra lengths wrong")
        expect(raw[30:58] == b"mimetypeapplication/epub+zip",
               f"{b.name}: mimetype entry is not 'application/epub+zip' at offset 38")
        infos = b.zip.infolist()
        names = [i.filename for i in infos]
        spine_files = ["EPUB/" + h for h in b.spine]
        expect(names == ["mimetype", "META-INF/container.xml", "EPUB/package.opf",
                         "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/style.css"] + spine_files,
               f"{b.name}: entry order {names}")
        for i in infos:
            want = zipfile.ZIP_STORED if i.filename == "mimetype" else zipfile.ZIP_DEFLATED
            expect(i.compress_type == want, f"{b.name}: {i.filename} compression {i.compress_type}")
            expect(i.extra == b"", f"{b.name}: {i.filename} has a central extra field")
            local_extra = int.from_bytes(raw[i.header_offset + 28:i.header_offset + 30], "little")
            expect(local_extra == 0, f"{b.name}: {i.filename} has a local extra field")
            expect(i.date_time == times.get(b.name, (1980, 1, 1, 0, 0, 0)),
                   f"{b.name}: {i.filename} time {i.date_time}")
        expect(b.zip.testzip() is None, f"{b.name}: CRC error")
        expect(b.read("EPUB/style.css").decode() == CSS, f"{b.name}: style.css is not the CSS given")
    # a later modified time changes the dates only
    a, later = books(outdir, ["full", "full-later"])
    for n in a.zip.namelist():
        if n != "EPUB/package.opf":
            expect(a.read(n) == later.read(n), f"full-later: {n} differs beyond the dates")
    opf_a = a.read("EPUB/package.opf").decode()
    opf_b = later.read("EPUB/package.opf").decode()
    expect(opf_a.replace("2021-04-02T10:20:30Z", "X") == opf_b.replace("2022-05-07T10:20:30Z", "X"),
           "full-later: package.opf differs beyond dcterms:modified")


def check_text(outdir):
    for b in books(outdir):
        source = "full" if b.name.startswith("full") else b.name  # same document, other time
        want_body = " ".join(open(os.path.join(outdir, source + ".body.txt"), encoding="utf-8")
                             .read().split())
        want_notes = " ".join(open(os.path.join(outdir, source + ".notes.txt"), encoding="utf-8")
                              .read().split())
        got = " ".join(text_of(b.xhtml(h).find(XHTML + "body"), is_noteref)
                       for h in b.spine if h != "notes.xhtml")
        got = " ".join(got.split())
        if not expect(got == want_body, f"{b.name}: XHTML text differs from the source text"):
            print(f"  source: {want_body!r}\n  xhtml:  {got!r}")
        has_notes = "notes.xhtml" in b.spine
        expect(has_notes == bool(want_notes), f"{b.name}: notes file present={has_notes}")
        if has_notes:
            got = text_of(b.xhtml("notes.xhtml").find(XHTML + "body"), is_back_link)
            if not expect(got == want_notes, f"{b.name}: notes text differs from the source"):
                print(f"  source: {want_notes!r}\n  xhtml:  {got!r}")
        for h in b.spine:
            raw = b.read("EPUB/" + h).decode()
            expect("raw" not in raw, f"{b.name}: raw HTML leaked into {h}")
            expect("&#x" not in raw, f"{b.name}: {h} uses character references for text")


def nav_entries(b):
    """(label, href, depth) for each entry of the nav's toc."""
    nav = b.xhtml("nav.xhtml")
    toc = [n for n in nav.iter(XHTML + "nav") if n.get(EPUB + "type") == "toc"][0]
    out = []

    def walk(ol, depth):
        for li in ol.findall(XHTML + "li"):
            a = li.find(XHTML + "a")
            out.append((" ".join("".join(a.itertext()).split()), a.get("href"), depth))
            for sub in li.findall(XHTML + "ol"):
                walk(sub, depth + 1)

    walk(toc.find(XHTML + "ol"), 1)
    return out


def ncx_entries(b):
    ncx = ET.fromstring(b.read("EPUB/toc.ncx"))
    out = []

    def walk(parent, depth):
        for p in parent.findall(NCX + "navPoint"):
            label = p.find(NCX + "navLabel").find(NCX + "text").text
            out.append((label, p.find(NCX + "content").get("src"), depth, p.get("playOrder")))
            walk(p, depth + 1)

    walk(ncx.find(NCX + "navMap"), 1)
    return ncx, out


def check_nav(outdir):
    expected = {
        "full": [(TITLE, 1), ("Mở đầu", 1), ("2021: tổng kết", 2), ("Bảng và mã", 1),
                 ("Tiêu đề không có id", 2), ("Tiêu đề trùng id", 2), ("Kết luận", 1)],
        "deep": [("Heading 1", 1), ("Heading 2", 2), ("Heading 3", 2), ("Heading 4", 3),
                 ("Heading 5", 1), ("Heading 6", 2)],
        "plain": [("Văn bản thuần", 1)],
        "empty": [("empty.md", 1)],
    }
    for b in books(outdir):
        entries = nav_entries(b)
        want = expected.get(b.name, expected["full"] if b.name.startswith("full") else None)
        expect([(l, d) for l, _, d in entries] == want, f"{b.name}: nav entries {entries}")
        # every heading of every content file has an entry, and every entry resolves to it
        heads = [(h, e) for h in b.spine for e in b.xhtml(h).find(XHTML + "body")
                 if re.fullmatch(r"h[1-6]", e.tag.replace(XHTML, ""))]
        hrefs = [href for _, href, _ in entries]
        for h, e in heads:
            expect(f"{h}#{e.get('id')}" in hrefs, f"{b.name}: heading {e.get('id')} not in nav")
        for label, href, _ in entries:
            target = b.resolve(href, "nav.xhtml")
            if not expect(target is not None, f"{b.name}: nav link {href} does not resolve"):
                continue
            if "#" in href:
                expect(text_of(target, is_noteref) == label,
                       f"{b.name}: nav label {label!r} is not the heading's text")
        # the NCX: same entries, play order 1..n, dtb:uid = the package identifier
        ncx, points = ncx_entries(b)
        expect([(l, s, d) for l, s, d, _ in points] == entries,
               f"{b.name}: NCX entries {points} differ from nav {entries}")
        expect([p[3] for p in points] == [str(i + 1) for i in range(len(points))],
               f"{b.name}: NCX playOrder not 1..n")
        uid = [m.get("content") for m in ncx.iter(NCX + "meta") if m.get("name") == "dtb:uid"]
        ident = b.opf.find(f"{OPF}metadata/{DC}identifier").text
        expect(uid == [ident], f"{b.name}: dtb:uid {uid} != dc:identifier {ident}")
        # ids: unique per file and valid XML names (what fragment references need)
        for h in b.spine + ["nav.xhtml"]:
            ids = [e.get("id") for e in b.xhtml(h).iter() if e.get("id") is not None]
            expect(len(ids) == len(set(ids)), f"{b.name}: duplicate ids in {h}: {ids}")
            for i in ids:
                expect(re.fullmatch(r"[^\W\d][\w.\-\u00b7\u0300-\u036f]*", i),
                       f"{b.name}: id {i!r} in {h} is not a valid XML name")
            for a in b.xhtml(h).iter(XHTML + "a"):
                href = a.get("href")
                if href and not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", href):
                    expect(b.resolve(href, h) is not None,
                           f"{b.name}: link {href} in {h} does not resolve")


def check_notes(outdir):
    for b in books(outdir):
        refs = [(h, a) for h in b.spine if h != "notes.xhtml"
                for a in b.xhtml(h).iter(XHTML + "a") if is_noteref(a)]
        if b.name not in ("full", "full-later"):
            expect(not refs and "notes.xhtml" not in b.spine, f"{b.name}: unexpected notes")
            continue
        expect(b.spine[-1] == "notes.xhtml", f"{b.name}: notes.xhtml is not last in the spine")
        expect([a.get("id") for _, a in refs] == ["fnref-1", "fnref-2", "fnref-2-2"],
               f"{b.name}: note references {[a.get('id') for _, a in refs]}")
        expect([a.text for _, a in refs] == ["1", "2", "2"], f"{b.name}: note reference numbers")
        notes = b.xhtml("notes.xhtml")
        asides = [e for e in notes.iter(XHTML + "aside")]
        expect([(e.get(EPUB + "type"), e.get("id")) for e in asides] ==
               [("footnote", "fn-1"), ("footnote", "fn-2")], f"{b.name}: notes {asides}")
        for h, a in refs:
            target = b.resolve(a.get("href"), h)
            expect(target is not None and target.tag == XHTML + "aside",
                   f"{b.name}: noteref {a.get('href')} does not reach an aside")
            parent = [p for p in b.xhtml(h).iter() if a in list(p)]
            expect(parent and parent[0].tag == XHTML + "sup", f"{b.name}: noteref not in <sup>")
        for aside in asides:
            back = [a for a in aside.iter(XHTML + "a") if is_back_link(a)]
            if not expect(len(back) == 1, f"{b.name}: {aside.get('id')} has {len(back)} back links"):
                continue
            ref = b.resolve(back[0].get("href"), "notes.xhtml")
            expect(ref is not None and is_noteref(ref) and
                   ref.get("href") == "notes.xhtml#" + aside.get("id"),
                   f"{b.name}: back link of {aside.get('id')} does not return to its reference")


def check_meta(outdir):
    expected = {
        "full": dict(title=TITLE, lang="vi", creator="Nguyễn Văn A & B", date="2021-04-02",
                     modified="2021-04-02T10:20:30Z"),
        "full-later": dict(title=TITLE, lang="vi", creator="Nguyễn Văn A & B", date="2021-04-02",
                           modified="2022-05-07T10:20:30Z"),
        "plain": dict(title="Văn bản thuần", lang="vi", creator=None, date=None,
                      modified="1970-01-01T00:00:00Z"),
        "deep": dict(title="Deep", lang="en-GB", creator=None, date=None,
                     modified="1970-01-01T00:00:00Z"),
        "empty": dict(title="empty.md", lang="und", creator=None, date=None,
                      modified="1970-01-01T00:00:00Z"),
    }
    for b in books(outdir):
        want = expected[b.name]
        md = b.opf.find(OPF + "metadata")

        def one(tag):
            found = md.findall(tag)
            return found[0].text if len(found) == 1 else (None if not found else found)

        expect(b.opf.get("version") == "3.0", f"{b.name}: package version")
        ident = md.find(DC + "identifier")
        expect(ident is not None and ident.get("id") == b.opf.get("unique-identifier"),
               f"{b.name}: unique-identifier does not name dc:identifier")
        expect(re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                            r"[0-9a-f]{12}", ident.text or ""), f"{b.name}: identifier {ident.text}")
        expect(one(DC + "title") == want["title"], f"{b.name}: dc:title {one(DC + 'title')!r}")
        expect(one(DC + "language") == want["lang"], f"{b.name}: dc:language")
        expect(one(DC + "creator") == want["creator"], f"{b.name}: dc:creator")
        expect(one(DC + "date") == want["date"], f"{b.name}: dc:date {one(DC + 'date')!r}")
        mod = [m.text for m in md.findall(OPF + "meta") if m.get("property") == "dcterms:modified"]
        expect(mod == [want["modified"]], f"{b.name}: dcterms:modified {mod}")
        navs = [i for i in b.opf.iter(OPF + "item") if i.get("properties") == "nav"]
        expect(len(navs) == 1 and navs[0].get("href") == "nav.xhtml", f"{b.name}: nav item")
        expect(b.opf.find(OPF + "spine").get("toc") == "ncx", f"{b.name}: spine toc")
        for h in b.spine + ["nav.xhtml"]:
            html = b.xhtml(h)
            expect(html.get(XMLNS + "lang") == want["lang"] and html.get("lang") == want["lang"],
                   f"{b.name}: {h} language attributes")
            title = html.find(f"{XHTML}head/{XHTML}title")
            expect(title is not None and title.text and title.text.strip(), f"{b.name}: {h} title")
            links = [l.get("href") for l in html.iter(XHTML + "link")]
            expect(links == ["style.css"], f"{b.name}: {h} stylesheet links {links}")
    b = books(outdir, ["full"])[0]
    opf = b.read("EPUB/package.opf").decode("utf-8")
    expect("<dc:title>Hội nghị &amp; &lt;Đảng bộ&gt; &quot;KHCN&quot; 'năm' 2021</dc:title>" in opf,
           "full: the title is not escaped as expected in package.opf")
    expect(b.xhtml("nav.xhtml").find(f"{XHTML}head/{XHTML}title").text == TITLE,
           "full: nav title")
    # the details of content rendering
    ch2, ch3, ch4 = (b.xhtml(f"ch00{i}.xhtml") for i in (2, 3, 4))
    hrefs = {"".join(a.itertext()): a.get("href") for a in ch2.iter(XHTML + "a")}
    expect(hrefs.get("liên kết ngoài") == "https://example.com/a%20b?q=%E1%BA%A5&x=1",
           f"full: external link {hrefs.get('liên kết ngoài')}")
    expect(hrefs.get("liên kết trong") == "ch004.xhtml#kết-luận", "full: internal link")
    hrefs = {"".join(a.itertext()): a.get("href") for a in ch4.iter(XHTML + "a")}
    expect(hrefs.get("về đầu") == "ch002.xhtml#mở-đầu", f"full: percent-encoded link {hrefs}")
    expect(not list(ch4.iter(XHTML + "img")), "full: an unpackaged image became <img>")
    for label in ("kịch bản", "đích hỏng", "tệp khác"):
        expect(label not in hrefs, f"full: '{label}' is a link, though its target is not in the book")
    expect("javascript" not in b.read("EPUB/ch004.xhtml").decode(), "full: javascript: URL kept")
    bad = [p for p in ch4.iter(XHTML + "p") if "".join(p.itertext()) == "Ngôn ngữ hỏng."]
    expect(len(bad) == 1 and bad[0].get("lang") is None and bad[0].get(XMLNS + "lang") is None,
           "full: an invalid node language was written")
    expect(list(ch4.iter(XHTML + "br")), "full: hard break missing")
    tags = {e.tag.replace(XHTML, "") for e in ch4.iter()}
    expect({"del", "sub", "sup", "br", "span"} <= tags, f"full: inline elements {tags}")
    ol = ch2.find(f"{XHTML}body/{XHTML}ol")
    expect(ol is not None and ol.get("start") == "3", "full: ordered list start")
    en = [p for p in ch2.iter(XHTML + "p") if p.get("lang") == "en"]
    expect(len(en) == 1 and en[0].get(XMLNS + "lang") == "en" and en[0].get("class") == "epigraph",
           "full: lang/class attributes of the English paragraph")
    code = ch3.find(f"{XHTML}body/{XHTML}pre/{XHTML}code")
    expect(code is not None and code.get("class") == "language-c" and
           code.text == 'if (a < b && c > d)\n    return "ấ";\n', "full: code block")
    cells = [(c.tag.replace(XHTML, ""), c.get("style")) for c in ch3.iter()
             if c.tag in (XHTML + "th", XHTML + "td")]
    expect(cells == [("th", "text-align: left"), ("th", "text-align: center"),
                     ("th", "text-align: right"), ("td", "text-align: left"),
                     ("td", "text-align: center"), ("td", "text-align: right")],
           f"full: table cells {cells}")
    expect(ch3.find(f"{XHTML}body/{XHTML}table/{XHTML}thead") is not None and
           ch3.find(f"{XHTML}body/{XHTML}table/{XHTML}tbody") is not None, "full: thead/tbody")


def epubcheck_all(named_paths):
    """epubcheck on every (name, path): 0 fatals, 0 errors, 0 warnings each. All files go through
    one JVM (tests/epub_writer_epubcheck.java); one JVM per file when that cannot run."""
    batch = os.path.join(os.path.dirname(os.path.abspath(__file__)), "epub_writer_epubcheck.java")
    r = subprocess.run(EPUBCHECK[:-2] + ["-cp", EPUBCHECK[-1], batch] + [p for _, p in named_paths],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    results, pending = {}, []
    for line in r.stdout.splitlines():
        m = re.match(r"SUMMARY (\d+) (\d+) (\d+) (.*)", line)
        if m:
            results[m.group(4)] = (tuple(map(int, m.groups()[:3])), pending)
            pending = []
        elif re.match(r"(FATAL|ERROR|WARNING)", line):
            pending.append(line)
    for name, path in named_paths:
        if path not in results:  # the batch could not run: the plain command line
            r = subprocess.run(EPUBCHECK + [path], capture_output=True, text=True)
            out = r.stdout + r.stderr
            m = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", out)
            if not expect(m, f"{name}: no epubcheck summary line:\n{out}"):
                continue
            results[path] = (tuple(map(int, m.groups())),
                             [l for l in out.splitlines() if re.match(r"(FATAL|ERROR|WARNING)", l)])
        (fatals, errors, warnings), messages = results[path]
        if not expect(fatals == errors == warnings == 0,
                      f"{name}: epubcheck {fatals} fatals, {errors} errors, {warnings} warnings"):
            print("\n".join(messages))


class PandocText(html.parser.HTMLParser):
    """Body and notes text of pandoc's HTML (the independent reference for Markdown): note
    reference marks and back links left out, block boundaries as spaces."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.body, self.notes = [], []
        self.skip = 0       # depth inside a left-out element
        self.in_notes = 0   # depth inside the footnotes section
        self.stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag in ("br", "hr", "img", "meta", "link", "input"):
            (self.notes if self.in_notes else self.body).append(" ")
            return
        leave_out = self.skip or "footnote-ref" in cls or "footnote-back" in cls
        starts_notes = tag == "section" and "footnotes" in cls
        self.stack.append((tag, leave_out, starts_notes))
        if leave_out:
            self.skip += 1
        if starts_notes:
            self.in_notes += 1
        if tag in BLOCKS:
            (self.notes if self.in_notes else self.body).append(" ")

    def handle_endtag(self, tag):
        if tag in ("br", "hr", "img", "meta", "link", "input") or not self.stack:
            return
        _, leave_out, starts_notes = self.stack.pop()
        if leave_out:
            self.skip -= 1
        if starts_notes:
            self.in_notes -= 1
        if tag in BLOCKS:
            (self.notes if self.in_notes else self.body).append(" ")

    def handle_data(self, data):
        if not self.skip:
            (self.notes if self.in_notes else self.body).append(data)


def words(text):
    return unicodedata.normalize("NFC", text).split()


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"word {i}: {' '.join(a[max(0, i - 5):i + 5])!r} vs {' '.join(b[max(0, i - 5):i + 5])!r}"
    return f"lengths {len(a)} vs {len(b)}"


def check_samples(outdir, inputs):
    """Each sample's EPUB passes epubcheck and holds the source text: a plain-text file's words
    (NFC applied to the source only), or for Markdown what pandoc's HTML says."""
    expect(inputs, "no samples given")
    present = []
    for src in inputs:
        name = os.path.basename(src)
        path = os.path.join(outdir, name + ".epub")
        if expect(os.path.exists(path), f"{name}: no EPUB written"):
            present.append((src, name, path))
    epubcheck_all([(name, path) for _, name, path in present])
    for src, name, path in present:
        b = Book(path)
        body = " ".join(text_of(b.xhtml(h).find(XHTML + "body"), is_noteref)
                        for h in b.spine if h != "notes.xhtml")
        notes = (text_of(b.xhtml("notes.xhtml").find(XHTML + "body"), is_back_link)
                 if "notes.xhtml" in b.spine else "")
        if src.endswith(".txt"):
            want_body = open(src, encoding="utf-8-sig").read()
            want_notes = ""
        else:
            html_out = subprocess.run(["pandoc", "-f", "gfm+yaml_metadata_block+footnotes",
                                       "-t", "html", src], capture_output=True, text=True,
                                      check=True).stdout
            p = PandocText()
            p.feed(html_out)
            want_body, want_notes = "".join(p.body), "".join(p.notes)
        got, want = words(body), words(want_body)
        expect(body == unicodedata.normalize("NFC", body), f"{name}: XHTML text is not NFC")
        expect(got == want, f"{name}: body text differs from the source ({first_difference(got, want)})")
        got, want = words(notes), words(want_notes)
        expect(got == want, f"{name}: notes differ from the source ({first_difference(got, want)})")
        # every heading is in the nav
        hrefs = [href for _, href, _ in nav_entries(b)]
        for h in b.spine:
            for e in b.xhtml(h).find(XHTML + "body"):
                if re.fullmatch(r"h[1-6]", e.tag.replace(XHTML, "")):
                    expect(f"{h}#{e.get('id')}" in hrefs, f"{name}: heading {e.get('id')} not in nav")


CHECKS = {"epubcheck": check_epubcheck, "zip": check_zip, "text": check_text, "nav": check_nav,
          "notes": check_notes, "meta": check_meta}

if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "samples":
        check_samples(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "nfd":  # make an NFD copy of a sample
        os.makedirs(os.path.dirname(sys.argv[3]), exist_ok=True)
        text = open(sys.argv[2], encoding="utf-8").read()
        nfd = unicodedata.normalize("NFD", text)
        expect(nfd != text, f"{sys.argv[2]}: NFD is the same text; the NFD test would prove nothing")
        open(sys.argv[3], "w", encoding="utf-8").write(nfd)
    elif len(sys.argv) == 3 and sys.argv[1] in CHECKS:
        CHECKS[sys.argv[1]](sys.argv[2])
    else:
        print(__doc__)
        sys.exit(2)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("ok")
