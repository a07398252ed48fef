"""Tell what a byte string is from its content, not its file name."""

from __future__ import annotations

import codecs
import json
import re

# magic numbers of common non-page files, so they are refused with a clear name
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
)
# what to do with an archive of pages instead of "give the page's HTML or text" (a crawl is often shipped packed)
_UNPACK = {"ZIP archive": "unpack it (unzip FILE) and give the folder",
           "tar archive": "unpack it (tar -xf FILE) and give the folder",
           "bzip2 archive": "decompress it (bunzip2 FILE) and give the result",
           "xz archive": "decompress it (unxz FILE) and give the result",
           "zstd archive": "decompress it (unzstd FILE) and give the result",
           "7-Zip archive": "unpack it (7z x FILE) and give the folder"}
_HTML_HINT = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]|<div[\s>]|<p[\s>]|<article[\s>]",
    re.IGNORECASE,
)
GZIP_MAGIC = b"\x1f\x8b"
_DOCUMENT_TAG = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)


def as_html_document(markup: str) -> str:
    """A fragment (``<div><p>...</p></div>``, no html, head or body tag) wrapped in ``<html><body>``: the
    HTML parser rejects a fragment with a single top element as "not HTML". A whole document is unchanged."""
    if _DOCUMENT_TAG.search(markup, 0, 65536):
        return markup
    return f"<html><body>{markup}</body></html>"


def sniff(head: bytes) -> str:
    """Kind of content from its first bytes: gzip, warc, jsonl, json, html, text, binary or empty.

    ``head`` should be the first few KB of the (decompressed, for gzip members) content.
    """
    if not head.strip():
        return "empty"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    for magic, _name in _MAGIC:
        if head.startswith(magic):
            return "binary"
    if _looks_binary(head):
        return "binary"
    if (text := _as_utf8(head)) is not head:  # JSONL or a page in UTF-16 / UTF-32: judged on its text, not bytes
        stripped = text.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and _first_line_is_json_object(stripped):
        return "jsonl"
    if _JSON_ARRAY_OF_OBJECTS.match(stripped) or _OPENING_KEY.match(stripped):
        return "json"  # an array of page objects, or one object over several lines (pretty-printed)
    if _HTML_HINT.search(_as_utf8(head[:65536])):
        return "html"
    return "text"


# byte order marks of encodings with NUL bytes in ASCII text; UTF-32 first: its little-endian mark starts with
# UTF-16's (a UTF-32 page read as UTF-16 showed no tags, and its markup became the article's text)
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
              (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _as_utf8(head: bytes) -> bytes:
    """``head`` in UTF-8 when a byte order mark, or the place of its NUL bytes, says it is UTF-16 or UTF-32, so its
    tags can be found ("<\x00h\x00...")."""
    codec = wide_encoding(head)  # "utf-16" / "utf-32" read (and drop) their byte order mark
    return head.decode(codec, "ignore").encode("utf-8") if codec else head


def wide_encoding(head: bytes) -> str | None:
    """The codec of text in UTF-16 or UTF-32 ("utf-16" reads its byte order mark), from a byte order mark or, for
    UTF-16 without one, the place of its NUL bytes; None for any other content."""
    for bom, codec in _WIDE_BOMS:
        if head.startswith(bom):
            return codec.removesuffix("-le").removesuffix("-be")
    return bomless_utf16(head)


def wide_text(data: bytes, errors: str = "strict") -> str:
    """``data`` as text: UTF-32 or UTF-16 when :func:`wide_encoding` says so (a Windows tool's "Unicode"), else UTF-8
    (a byte order mark dropped). ``errors`` is the codec's policy: "strict" where a mis-read character would go unseen
    (a list of inputs: a wrong letter in a path names another file), "replace" for a peek that may end inside one."""
    return data.decode(wide_encoding(data[:8192]) or "utf-8-sig", errors)


def bomless_utf16(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text without a byte order mark (Windows tools write it), else None. Its
    ASCII characters (spaces, digits, tags, line ends) have a NUL as their other byte, all on one side: a tenth of
    the characters at least, none on the other side, and the whole decodes to printable text. A binary file has
    NULs on both sides."""
    sample = head[:8192]
    sample = sample[:len(sample) - len(sample) % 2]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    codec = "utf-16-le" if odd >= pairs / 10 and even == 0 else "utf-16-be" if even >= pairs / 10 and odd == 0 else None
    if codec is None:
        return None
    text = sample.decode(codec, "replace")[:-1]  # the sample may end inside a surrogate pair
    readable = sum(1 for ch in text if ch.isprintable() or ch in "\t\r\n\f")
    return codec if "\ufffd" not in text and readable >= 0.98 * len(text) else None


def binary_name(head: bytes) -> str:
    """A human name for a binary file type, for error messages."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head[257:262] == b"ustar":  # a tar header's magic sits after the member's name and modes
        return "tar archive"
    return "binary data"


def binary_advice(name: str) -> str:
    """What to do with a binary input named by :func:`binary_name`."""
    return _UNPACK.get(name, "give the page's HTML or text")


def _looks_binary(head: bytes) -> bool:
    sample = head[:8192]
    if sample.startswith(tuple(bom for bom, _ in _WIDE_BOMS)) or bomless_utf16(sample):
        return False  # UTF-16 and UTF-32 text have NULs in most bytes; a BOM, or where they sit, tells them apart
    # binary data (and BOM-less UTF-16) has NULs everywhere; a page with a stray NUL or two (a CMS slip, a pasted
    # comment) is still a page a browser shows: one NUL must not hide a whole article
    if sample.count(0) > max(2, len(sample) // 200):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def _first_line_is_json_object(data: bytes) -> bool:
    """Whether ``data`` opens like JSONL: its first line, or when that one is broken (cut short, an editor's
    slip) one of the next few whole lines, is a JSON object; a broken first line then fails alone, as E108."""
    lines = data.split(b"\n", _LINES_TO_JUDGE)
    if _OPENING_KEY.match(lines[-1].strip()):
        return True  # the last piece may run past what was peeked: judge it by its opening key
    return any(_is_json_object(line.strip()) for line in lines[:-1] if line.strip())


_LINES_TO_JUDGE = 5
_OPENING_KEY = re.compile(rb'\{\s*"[^"\\]{1,64}"\s*:')
_JSON_ARRAY_OF_OBJECTS = re.compile(rb"\[\s*\{")


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
