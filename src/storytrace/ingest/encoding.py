"""Turn page bytes into text, surviving wrong or missing encoding declarations.

Order of evidence: a byte-order mark; strict UTF-8 (a page that decodes as UTF-8 and has non-ASCII bytes is
UTF-8 whatever it declares, because other encodings almost never validate as UTF-8); the declared encoding
(HTTP header, meta charset, XML prolog) if the bytes decode with it, read as browsers read it (WHATWG: ISO-8859-1 is
windows-1252, Shift_JIS is cp932, ...); statistical detection
(charset-normalizer); and last, UTF-8 with replacement characters, recorded as an error on the page.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .sniff import bomless_utf16

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares for itself in a meta tag or XML prolog, normalised by codecs."""
    return _canonical(_declared_name(data))


def _declared_name(data: bytes) -> str | None:
    """The encoding name a page declares, as written (known to codecs or not)."""
    head = data[:8192]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii", "ignore") if match else None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is an outside declaration such as an HTTP Content-Type charset."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, "replace"), name)
    if codec := bomless_utf16(data):
        return Decoded(data.decode(codec, "replace"), codec, [f"page has no byte order mark; its bytes read as {codec}"])
    declared = _canonical(declared) if declared else None
    declared = declared or declared_encoding(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        warnings = []
        if declared and declared != "utf-8" and not data.isascii():
            warnings.append(f"page declares {declared} but its bytes are valid UTF-8; read as UTF-8")
        return Decoded(text, "utf-8", warnings)
    if declared and declared != "utf-8":
        if declared == _LATIN_1:  # the web's "iso-8859-1" is windows-1252: €, “ ”, – are its bytes 0x80-0x9F
            return Decoded(_web_cp1252(data), "cp1252")
        try:
            name = _WEB_SUPERSET.get(declared, declared)
            return _unless_contradicted(Decoded(data.decode(name), name), data, declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if _mostly_utf8(data):
        return _broken_utf8(data)
    detected = _detect(data)
    if detected:
        text, name = detected
        unknown = _declared_name(data) if not declared else None  # a name codecs does not know
        note = (f"page declares {declared}" if declared else
                f"page declares an unknown encoding {unknown!r}" if unknown else "page declares no encoding")
        return Decoded(text, name, [f"{note}; its bytes read as {name}"])
    return _broken_utf8(data)


def _unless_contradicted(declared_reading: Decoded, data: bytes, declared: str) -> Decoded:
    """The declared reading, or the detector's when the declaration is wrong: a single-byte code page decodes any
    byte, so a cp1251 page served as koi8-r decodes "fine" into "оКНРХМЮ ГЮЙПШРЮ". Only a mostly-mess declared
    reading against a clean detected one is overruled (a page with many symbols is left as declared)."""
    from charset_normalizer.md import mess_ratio

    if data.isascii() or mess_ratio(declared_reading.text[:_MESS_SAMPLE]) < _DECLARED_MESS:
        return declared_reading
    detected = _detect(data, max_chaos=_CLEAN_CHAOS)
    if detected is None or detected[1] == declared_reading.encoding:
        return declared_reading
    text, name = detected
    if name in _TIES_WITH_CP1251 and _as_clean(data, "cp1251", text):
        text, name = data.decode("cp1251", "replace"), "cp1251"
    note = f"page declares {declared} but its bytes read as {name} (the declared reading is mostly mis-decoded letters)"
    return Decoded(text, name, [note])


# code pages the detector picks for a short Cyrillic page as readily as windows-1251, the web's Cyrillic code page:
# a Mac Cyrillic reading turned "Плотина" into "ѕлотина" (they differ in the capitals)
_TIES_WITH_CP1251 = frozenset(codecs.lookup(name).name for name in ("mac_cyrillic", "cp866", "iso8859_5", "cp855"))


def _as_clean(data: bytes, name: str, other: str) -> bool:
    """Whether ``data`` read as ``name`` is at most a little messier than the reading ``other``."""
    from charset_normalizer.md import mess_ratio

    return mess_ratio(data[:_MESS_SAMPLE].decode(name, "replace")) <= mess_ratio(other[:_MESS_SAMPLE]) + 0.05


_MESS_SAMPLE = 65536
_DECLARED_MESS = 0.2  # the mis-decoded Cyrillic of a cp1251/koi8-r swap scores 0.25-0.37; a right reading ~0
_CLEAN_CHAOS = 0.05


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII characters decode as UTF-8: a UTF-8 page with a few corrupt bytes,
    not a page in another encoding (whose non-ASCII bytes almost never form valid UTF-8 sequences)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good > 0 and good >= 4 * bad


def _broken_utf8(data: bytes) -> Decoded:
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return Decoded(text, "utf-8", errors=[f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"])


def _detect(data: bytes, max_chaos: float = 0.3) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # lazy: only pages that are not UTF-8 pay for it
    from charset_normalizer.md import mess_ratio

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    name = _canonical(best.encoding) or best.encoding
    if best.chaos > max_chaos:  # mostly noise: not a confident reading
        return None
    if name in _TIES_WITH_CP1252 and best.language in _WESTERN:
        web = _web_cp1252(data)
        if mess_ratio(web[:200_000]) <= best.chaos + 0.05:
            return web, "cp1252"
    if name in _DOS_PAGES and best.language in _WESTERN and (dos := _western_dos(data, name, best.chaos)):
        return dos
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        return None


# Languages whose legacy web pages are windows-1252. The detector scores a Western page as well in cp775, cp850 or
# iso8859-13 (they share the letters and differ in the rarer bytes: "Café" came out as "Cafķ", "™" as a box),
# so an equally clean windows-1252 reading wins, as browsers' default for such pages.
# the code pages seen to tie with windows-1252 on a Western page (Mac Roman and others are not overridden:
# a Mac page read as windows-1252 turns "ß" into "§")
_TIES_WITH_CP1252 = frozenset(codecs.lookup(name).name for name in (
    "cp775", "cp850", "cp852", "cp857", "cp1250", "cp1257", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "hp_roman8", "mac_latin2"))
_WESTERN = frozenset({"English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Danish",
                      "Swedish", "Norwegian", "Finnish", "Catalan", "Indonesian"})
# DOS code pages the detector picks for a Western text saved in cp850 (Western Europe's DOS page, still written by
# Windows consoles and old tools): the Baltic cp775 turned "Crue à Évreux" into "Crue ģ Évreux"
_DOS_PAGES = frozenset(codecs.lookup(name).name for name in (
    "cp437", "cp775", "cp852", "cp857", "cp860", "cp861", "cp863", "cp865"))
_CP850 = codecs.lookup("cp850").name
# the letters of the Western languages: windows-1252's (cp850 has the same ones)
_WESTERN_LETTERS = frozenset(ch for ch in bytes(range(0x80, 0x100)).decode("cp1252", "ignore") if ch.isalpha())


def _western_dos(data: bytes, detected: str, chaos: float) -> tuple[str, str] | None:
    """The cp850 reading of a Western text the detector read in another DOS code page, when it shows more of the
    language's letters (fewer foreign letters or box signs in their place) and is no messier; else None."""
    from charset_normalizer.md import mess_ratio

    sample = data[:200_000]
    if _western_score(sample.decode(_CP850)) <= _western_score(sample.decode(detected, "replace")):
        return None
    text = data.decode(_CP850)
    return (text, _CP850) if mess_ratio(text[:200_000]) <= chaos + 0.05 else None


def _western_score(text: str) -> int:
    """Non-ASCII letters of the Western languages less the other non-ASCII letters in ``text``."""
    return sum(1 if ch in _WESTERN_LETTERS else -1 for ch in text if ord(ch) > 127 and ch.isalpha())


# WHATWG's windows-1252: the five bytes Python's cp1252 leaves undefined decode to the C1 code points
_CP1252_HIGH = {i: (bytes([i]).decode("cp1252", "ignore") or chr(i)) for i in range(0x80, 0xA0)}


# WHATWG Encoding: a page declaring one of these is decoded with its superset, as every browser does (an ISO-8859-9
# page's 0x80-0x9F bytes are windows-1254's punctuation, not C1 controls; Shift_JIS pages use cp932's extra signs)
_LATIN_1 = codecs.lookup("latin-1").name
_WEB_SUPERSET = {codecs.lookup(k).name: codecs.lookup(v).name for k, v in (
    ("iso8859_9", "cp1254"), ("iso8859_11", "cp874"), ("tis_620", "cp874"), ("gb2312", "gb18030"),
    ("gbk", "gb18030"), ("euc_kr", "cp949"), ("shift_jis", "cp932"), ("big5", "big5hkscs"))}


def _web_cp1252(data: bytes) -> str:
    return data.decode("latin-1").translate(_CP1252_HIGH)


def _canonical(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
