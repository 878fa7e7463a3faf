"""Encoders for the legacy Vietnamese encodings, written for the tests independently of sapchu's
decoders: Windows-1258, TCVN 5712 (VN1) and VISCII through glibc's iconv command; TCVN3 as VN1
with the toned capitals folded to lower case (VN3 is VN1's lower-case subset); VNI-Windows and
VIQR by their rules (base letter + mark bytes / RFC 1456 marks); VPS from its code chart (the
GNU recode "VPS" listing, cross-checked with VBKey's table)."""
import subprocess
import unicodedata

TONES = {"\u0301": "acute", "\u0300": "grave", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
MODIFIERS = {"\u0302": "circ", "\u0306": "breve", "\u031b": "horn"}


def fold(text, tcvn3=False):
    """The characters a legacy encoding cannot hold, folded as the issue says."""
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2026", "..."), ("\u00a0", " ")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFC", text)
    if tcvn3:  # VN3 has the plain capitals Ă Â Ê Ô Ơ Ư Đ but no toned capital
        text = "".join(c.lower() if c.isupper() and any(m in TONES for m in unicodedata.normalize("NFD", c)) else c
                       for c in text)
    return text


def split_letter(c):
    """(base ASCII letter, modifier name or None, tone name or None) of a Vietnamese letter."""
    d = unicodedata.normalize("NFD", c)
    base, mod, tone = d[0], None, None
    for m in d[1:]:
        if m in MODIFIERS:
            mod = MODIFIERS[m]
        elif m in TONES:
            tone = TONES[m]
        else:
            return None
    return base, mod, tone


def iconv(text, charset):
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", charset], input=text.encode("utf-8"), capture_output=True)
    if r.returncode:
        raise ValueError("iconv -t %s: %s" % (charset, r.stderr.decode(errors="replace")))
    return r.stdout


# VNI-Windows: tone/modifier bytes (lower-case forms) after the base letter.
VNI_MARK = {(None, "acute"): 0xF9, (None, "grave"): 0xF8, (None, "hook"): 0xFB, (None, "tilde"): 0xF5,
            (None, "dot"): 0xEF, ("circ", None): 0xE2, ("circ", "acute"): 0xE1, ("circ", "grave"): 0xE0,
            ("circ", "hook"): 0xE5, ("circ", "tilde"): 0xE3, ("circ", "dot"): 0xE4, ("breve", None): 0xEA,
            ("breve", "acute"): 0xE9, ("breve", "grave"): 0xE8, ("breve", "hook"): 0xFA,
            ("breve", "tilde"): 0xFC, ("breve", "dot"): 0xEB}
VNI_I = {None: None, "grave": 0xEC, "acute": 0xED, "hook": 0xE6, "tilde": 0xF3, "dot": 0xF2}


def vni(text):
    out = bytearray()
    for c in text:
        if ord(c) < 0x80:
            out.append(ord(c))
            continue
        if c in "đĐ":
            out.append(0xF1 if c == "đ" else 0xD1)
            continue
        s = split_letter(c)
        if s is None:
            out += c.encode("cp1252")
            continue
        base, mod, tone = s
        upper = base.isupper()
        shift = -0x20 if upper else 0
        if base.lower() == "i" and tone:
            out.append(VNI_I[tone] + shift)
            continue
        if base.lower() == "y" and tone == "dot":
            out.append(0xEE + shift)
            continue
        if mod == "horn":  # ơ ư are single bytes, the tone follows
            out.append((0xF4 if base.lower() == "o" else 0xF6) + shift)
            mod = None
        else:
            out.append(ord(base))
        if mod or tone:
            out.append(VNI_MARK[(mod, tone)] + (shift if upper else 0))
    return bytes(out)


VIQR_MOD = {"circ": "^", "breve": "(", "horn": "+"}
VIQR_TONE = {"acute": "'", "grave": "`", "hook": "?", "tilde": "~", "dot": "."}
VIQR_MARKS = "^(+'`?~."


def viqr(text):
    out = []
    prev_vowel = False
    for c in text:
        if c in "đĐ":
            out.append("dd" if c == "đ" else "DD")
            prev_vowel = False
            continue
        if ord(c) < 0x80:
            out.append(("\\" + c) if prev_vowel and c in VIQR_MARKS else c)
            prev_vowel = c.lower() in "aeiouy"
            continue
        base, mod, tone = split_letter(c)
        out.append(base + (VIQR_MOD[mod] if mod else "") + (VIQR_TONE[tone] if tone else ""))
        prev_vowel = True
    return "".join(out).encode("ascii")


# VPS: byte -> letter for the bytes that hold Vietnamese letters.
VPS_CHART = {
    0x02: "Ạ", 0x03: "Ậ", 0x04: "Ặ", 0x05: "Ẹ", 0x06: "Ệ", 0x10: "Ị", 0x11: "Ọ", 0x12: "Ộ", 0x13: "Ợ",
    0x14: "Ụ", 0x15: "Ự", 0x19: "Ỵ", 0x1C: "Ẫ", 0x1D: "Ữ",
    0x80: "À", 0x81: "Ả", 0x82: "Ã", 0x83: "Ấ", 0x84: "Ầ", 0x85: "Ẩ", 0x86: "ọ", 0x87: "ỗ",
    0x88: "Ă", 0x89: "ế", 0x8A: "ề", 0x8B: "ể", 0x8C: "ệ", 0x8D: "Ắ", 0x8E: "Ằ", 0x8F: "Ẳ",
    0x90: "Ế", 0x93: "Ề", 0x94: "Ể", 0x95: "Ễ", 0x96: "Ố", 0x97: "Ồ",
    0x98: "Ổ", 0x9A: "ý", 0x9B: "ỷ", 0x9C: "ỵ", 0x9D: "Ớ", 0x9E: "Ờ", 0x9F: "Ở",
    0xA1: "ắ", 0xA2: "ằ", 0xA3: "ẳ", 0xA4: "ẵ", 0xA5: "ặ", 0xA6: "Ỡ", 0xA7: "ớ",
    0xA8: "Ù", 0xA9: "ờ", 0xAA: "ở", 0xAB: "ỡ", 0xAC: "Ũ", 0xAD: "Ứ", 0xAE: "ợ", 0xAF: "Ừ",
    0xB0: "ổ", 0xB1: "Ử", 0xB2: "Ỳ", 0xB3: "Ỹ", 0xB4: "Í", 0xB5: "Ì", 0xB6: "ộ", 0xB7: "Ỉ",
    0xB8: "Ĩ", 0xB9: "Ó", 0xBA: "ử", 0xBB: "ữ", 0xBC: "Ò", 0xBD: "Ỏ", 0xBE: "Õ", 0xBF: "ự",
    0xC0: "ầ", 0xC1: "Á", 0xC2: "Â", 0xC3: "ấ", 0xC4: "ẩ", 0xC5: "ẫ", 0xC6: "ậ", 0xC7: "đ",
    0xC8: "ẻ", 0xC9: "É", 0xCA: "Ê", 0xCB: "ẹ", 0xCC: "ỉ", 0xCD: "ễ", 0xCE: "ị", 0xCF: "ỹ",
    0xD0: "Ư", 0xD1: "Ủ", 0xD2: "ồ", 0xD3: "ố", 0xD4: "Ô", 0xD5: "ỏ", 0xD6: "ơ", 0xD7: "È",
    0xD8: "ừ", 0xD9: "ứ", 0xDA: "Ú", 0xDB: "ũ", 0xDC: "ư", 0xDD: "Ý", 0xDE: "Ẻ",
    0xE0: "à", 0xE1: "á", 0xE2: "â", 0xE3: "ã", 0xE4: "ả", 0xE5: "ạ", 0xE6: "ă",
    0xE8: "è", 0xE9: "é", 0xEA: "ê", 0xEB: "ẽ", 0xEC: "ì", 0xED: "í", 0xEF: "ĩ",
    0xF0: "Ẵ", 0xF1: "Đ", 0xF2: "ò", 0xF3: "ó", 0xF4: "ô", 0xF5: "õ", 0xF7: "Ơ",
    0xF8: "ụ", 0xF9: "ù", 0xFA: "ú", 0xFB: "ủ", 0xFD: "Ỷ", 0xFE: "Ẽ", 0xFF: "ỳ",
}
VPS_BYTE = {v: k for k, v in VPS_CHART.items()}


def vps(text):
    out = bytearray()
    for c in text:
        if c in VPS_BYTE:
            out.append(VPS_BYTE[c])
        elif ord(c) < 0x80:
            out.append(ord(c))
        else:
            raise ValueError("VPS cannot hold %r" % c)
    return bytes(out)


def encode(text, name):
    """`text` (already folded) in the legacy encoding `name` (sapchu's --encoding names)."""
    if name == "cp1258":
        return iconv(text, "CP1258")
    if name == "tcvn":
        return iconv(text, "TCVN5712-1")
    if name == "viscii":
        return iconv(text, "VISCII")
    if name == "tcvn3":
        return iconv(text, "TCVN5712-1")  # lower-case text: VN3 bytes are VN1's
    if name == "vni":
        return vni(text)
    if name == "vps":
        return vps(text)
    if name == "viqr":
        return viqr(text)
    raise ValueError(name)
