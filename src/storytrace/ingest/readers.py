"""Readers: paths, directories and URLs in; RawDocuments (or Failures) out, one per page.

The container format is sniffed from the content (gzip, WARC, JSONL, HTML, text), so a WARC named
``.txt`` or an HTML page without an extension is still read right. Large containers stream: a 10,000-record
WARC is never held in memory at once.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from .. import errors
from ..errors import InputError
from ..records import SKIPPED, Failure, RawDocument
from ..settings import MB, Options
from .gzipstream import GzipMembers, open_gzip
from .sniff import GZIP_MAGIC, binary_advice, binary_name, sniff, wide_encoding, wide_text

Item = RawDocument | Failure
_HEAD = 65536


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):")  # two letters at least: C: is a Windows drive
# schemes written without // that name no file (data:text/html,..., javascript:..., mailto:...)
_OPAQUE_SCHEMES = frozenset({"about", "blob", "data", "javascript", "mailto", "news", "tel", "urn", "vbscript"})


def other_url_scheme(value: str) -> str | None:
    """The scheme of an input written as a URL that storytrace does not fetch (``ftp://``, ``file://``,
    ``data:``, ``javascript:``, ``mailto:``), else None (an http(s) URL or a path)."""
    match = _SCHEME.match(value)
    if match is None or is_url(value):
        return None
    scheme = match.group(1).lower()
    return scheme if value[match.end():].startswith("//") or scheme in _OPAQUE_SCHEMES else None


# a file storytrace writes into every output folder, so that reading a folder that holds one skips it
OUTPUT_MARKER = ".storytrace-output"


def read_inputs(inputs: Iterable[str | os.PathLike[str] | Mapping[str, Any]], options: Options) -> Iterator[Item]:
    """Yield a RawDocument or a Failure for every page found in ``inputs``, in order. A dict is a page held in
    memory, read as a JSONL line is (its source: :func:`memory_page`)."""
    memory_sources = MemorySources()
    for i, item in enumerate(inputs):
        if isinstance(item, Mapping):
            yield memory_sources.unique(memory_page(item, i, options), i)
            continue
        value = os.fspath(item)
        if is_url(value):
            yield from _read_url(value, options)
            continue
        if (scheme := other_url_scheme(value)) and not os.path.lexists(value):
            yield _unfetched(value, scheme)  # the source as given: Path() would fold ftp://x into ftp:/x
            continue
        if value == "-" and not os.path.lexists(value):  # the usual name of standard input, which is not read
            yield _failure(value, STDIN_NOT_READ)
            continue
        if not value:  # Path("") is ".": an unset "$DIR" or a blank line of a path list would read the whole folder
            yield _failure(value, EMPTY_PATH)
            continue
        if _bare_web_address(value) and not os.path.lexists(value):
            yield _failure(value, InputError(f"no such file; if it is a web address, write it with its scheme: "
                                             f"https://{value}", code=errors.CANNOT_OPEN))
            continue
        path = Path(value)
        if path.is_dir():
            # every entry but folders: a pipe, socket or device below the folder is a failure, not a silent skip;
            # storytrace's own output folders below it are left out ("storytrace analyze ." with the default --out);
            # a folder given by name is read even when it is one
            children = sorted(p for p in path.rglob("*") if not p.is_dir() and not system_file(p, path))
            outputs = {p.parent for p in children if p.name == OUTPUT_MARKER} - {path}
            own = (path / OUTPUT_MARKER).exists()  # "analyze DIR --out DIR": DIR's inputs, not the dossier beside them
            inputs_below = [child for child in children
                            if child.name != OUTPUT_MARKER and (not outputs or outputs.isdisjoint(child.parents))
                            and not (own and _written_by_storytrace(child, path))]
            if not inputs_below:  # every input ends as a page or a failure: an empty folder is not "all analysed"
                yield _failure(value, EMPTY_FOLDER)
            for child in inputs_below:
                yield from read_path(child, options)
        else:
            yield from read_path(path, options)


# what storytrace writes into an output folder (report.write, the CLI's default store)
OUTPUT_FILES = ("index.html", "dossier.json", "dossier.jsonld", "pages", "storytrace.sqlite", "storytrace.sqlite-wal",
                "storytrace.sqlite-shm", "storytrace.sqlite-journal")


def _written_by_storytrace(child: Path, output_folder: Path) -> bool:
    """Whether ``child`` of an output folder is storytrace's: its dossier, page JSON and store, a file being written
    (".dossier.json.<pid>-<hex>.part") or the stories stage's spill folder ("storytrace-<random>/")."""
    top, *below = child.relative_to(output_folder).parts
    return (top in OUTPUT_FILES or (top.startswith(".") and top.endswith(".part"))
            or (bool(below) and _SPILL_FOLDER.fullmatch(top) is not None))


_SPILL_FOLDER = re.compile(r"storytrace-[a-z0-9_]{8}")  # tempfile.mkdtemp(prefix="storytrace-")


# a host name's last label, unless it is a file name's extension ("page.html", "crawl.warc")
_HOST_RE = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24})$")
_FILE_EXTENSIONS = frozenset({"html", "htm", "xhtml", "txt", "text", "json", "jsonl", "ndjson", "gz", "warc", "arc",
                              "xml", "csv", "tsv", "md", "pdf", "zip", "tar", "bz2", "xz", "zst", "parquet", "sqlite",
                              "db", "log", "out", "py", "js", "css", "php", "asp", "aspx", "shtml", "mht", "eml"})


def _bare_web_address(value: str) -> bool:
    """Whether ``value`` reads as a URL written without its scheme ("www.bbc.co.uk/news/1", "example.com"): a list
    of URLs copied from a browser's address bar, which a missing-file error would not explain."""
    match = _HOST_RE.match(value.split("/", 1)[0])
    return bool(match) and match.group(1).lower() not in _FILE_EXTENSIONS


STDIN_NOT_READ = InputError("'-' (standard input) is not read; save what you pipe in to a file and give its "
                            "path", code=errors.CANNOT_OPEN)
EMPTY_PATH = InputError("an empty path names no file; give a file, folder or URL (for the current folder give '.')",
                        code=errors.CANNOT_OPEN)
EMPTY_FOLDER = InputError("empty input: the folder holds no file to read (storytrace's own output folders, system "
                          "and version-control files are left out); check the path, or that the files were written",
                          code=errors.EMPTY_INPUT)


# what an operating system or a version control tool keeps in a folder, never a page: a folder unzipped from a Mac
# (__MACOSX/, AppleDouble "._page.html" twins, .DS_Store), Windows Explorer's files, a git / hg / svn checkout
_SYSTEM_FOLDERS = frozenset({".git", ".hg", ".svn", "__MACOSX"})
_SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "Desktop.ini", ".gitignore", ".gitattributes",
                           ".gitkeep"})


def system_file(path: Path, top: Path) -> bool:
    """Whether ``path`` below the folder ``top`` is a system or version-control file (skipped, not an input)."""
    if path.name in _SYSTEM_FILES or path.name.startswith("._"):
        return True
    return any(part in _SYSTEM_FOLDERS for part in path.relative_to(top).parts[:-1])


def _unfetched(value: str, scheme: str) -> Failure:
    from .fetch import unfetched_scheme

    return _failure(value, unfetched_scheme(value, scheme))


def _read_url(url: str, options: Options) -> Iterator[Item]:
    from .fetch import fetch  # network code loads only when a URL is given

    try:
        raw = fetch(url, options)
    except InputError as exc:
        yield Failure(source=url, stage="ingest", error=type(exc).__name__, message=str(exc))
        return
    kind = sniff(raw.data[:_HEAD])
    if kind in ("html", "text"):
        raw.kind = kind
        yield raw
        return
    # a fetched WARC, JSONL or gzip file: read it like a local one; the one page of a gzipped page (its source is
    # the URL itself, unlike a JSONL line's or a WARC record's) is the fetched URL's
    for item in read_bytes(raw.data, url, options):
        if isinstance(item, RawDocument) and item.url is None and item.source == url:
            item.url, item.fetched_at = url, raw.fetched_at
        yield item


def read_bytes(data: bytes, source: str, options: Options) -> Iterator[Item]:
    """Every page in a file's bytes read elsewhere (a fetched body, a Spark ``binaryFiles`` record); a
    broken file yields a Failure and never raises."""
    yield from _guarded(io.BufferedReader(io.BytesIO(data)), source, options)  # type: ignore[arg-type]


def read_path(path: Path, options: Options) -> Iterator[Item]:
    """Every page in one file; a broken file yields a Failure and never raises."""
    source = path_source(path)
    try:
        # non-blocking: opening a named pipe must not wait for a writer (it is refused below, unread)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        reason = exc.strerror or exc
        yield _failure(source, InputError(f"cannot open the file ({reason}); check the path exists and is readable",
                                          code=errors.CANNOT_OPEN))
        return
    if kind := _not_a_file(os.fstat(fd).st_mode):
        os.close(fd)
        yield _failure(source, InputError(f"{kind}, not a regular file; nothing is read from it: save the page to a "
                                          "file and give that", code=errors.CANNOT_OPEN))
        return
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    with open(fd, "rb", buffering=_HEAD) as handle:  # peek sees _HEAD bytes
        yield from _guarded(handle, source, options)


def path_source(path: Path) -> str:
    """A file's path as its source: the name's bytes that are not UTF-8 (an archive from an old Windows system)
    written as ``\\xcd``, so the source can be stored and written (a lone surrogate cannot) and stays unique."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _not_a_file(mode: int) -> str | None:
    """What a path is when it is not a regular file (its reads could block forever or never end), else None."""
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def _guarded(handle: BinaryIO, source: str, options: Options) -> Iterator[Item]:
    """read_stream, with anything it raises turned into a Failure (files and fetched bodies alike)."""
    try:
        yield from read_stream(handle, source, options)
    except InputError as exc:
        yield _failure(source, exc)
    except Exception as exc:
        if options.strict:
            raise
        message = f"unreadable ({type(exc).__name__}: {exc}); check it is HTML, text, WARC, JSONL or gzip"
        yield _failure(source, InputError(message, code=errors.UNREADABLE_INPUT))


def read_stream(handle: BinaryIO, source: str, options: Options) -> Iterator[Item]:
    """Every page in an open binary stream (file, gzip member, ...)."""
    head = handle.peek(_HEAD)[:_HEAD] if hasattr(handle, "peek") else b""
    if not head:
        head = handle.read(_HEAD)
        handle = _Prepended(head, handle)  # type: ignore[assignment]
    kind = sniff(head)
    if kind == "gzip":
        yield from _read_gzip(handle, source, options)
    elif kind == "warc":
        yield from _read_warc(handle, source, options)
    elif kind in ("jsonl", "json"):
        if codec := wide_encoding(head):  # a Windows tool's UTF-16 export: its lines are read in UTF-8
            handle = io.BufferedReader(_Utf8Recoded(handle, codec))  # type: ignore[assignment]
        yield from (_read_jsonl if kind == "jsonl" else _read_json)(handle, source, options)
    elif kind == "empty":
        raise InputError("empty input (no bytes, or only whitespace); check the file was written completely",
                         code=errors.EMPTY_INPUT)
    elif kind == "binary":
        name = binary_name(head)
        raise InputError(f"{name}, not a news page; {binary_advice(name)}", code=errors.BINARY_INPUT)
    elif kind == "text" and (urls := _url_list(head)):
        raise InputError(f"a list of URLs ({urls} in its first lines), not a page; give it to analyze with "
                         "--inputs-from FILE, or to the API as a list of the URLs", code=errors.UNSUPPORTED_FORMAT)
    else:
        data = _read_capped(handle, options.max_page_bytes)
        yield RawDocument(source=source, data=data, kind=kind)


def _url_list(head: bytes) -> int:
    """How many URLs a file of nothing but http(s) URLs, one a line, starts with (a crawl's URL list given where its
    pages were meant: analysed as a text page of links, it gave a page with no article and no word); else 0."""
    lines = [line.strip() for line in wide_text(head, errors="replace").splitlines() if line.strip()]
    if len(head) >= _HEAD and lines:
        lines.pop()  # the last line may be cut
    return len(lines) if lines and all(is_url(line) and " " not in line for line in lines) else 0


def _read_gzip(handle: BinaryIO, source: str, options: Options) -> Iterator[Item]:
    # also WARC.gz, a sequence of gzip members: see gzipstream for why not gzip.GzipFile or warcio's own
    stream = open_gzip(handle)
    members: GzipMembers = stream.raw  # type: ignore[assignment]
    inner = sniff(stream.peek(_HEAD)[:_HEAD])
    if members.corrupt:
        raise _broken_gzip(members.corrupt)
    if inner == "warc":
        yield from _read_warc(stream, source, options, broken=lambda: _gzip_break(members))
        return
    if inner == "gzip":
        raise InputError("gzip inside gzip; only one layer is read: decompress the outer layer first",
                         code=errors.UNSUPPORTED_FORMAT)
    try:
        items = list(read_stream(stream, source, options))  # one page: small enough to hold
    except InputError:
        if not _gzip_break(members):
            raise
        items = []  # e.g. "empty input" from a file cut inside its first block: the break below says why
    if reason := _gzip_break(members):
        raise _broken_gzip(reason)
    yield from items


def _broken_gzip(reason: str) -> InputError:
    return InputError(f"truncated or corrupt gzip ({reason}); copy or download the file again",
                      code=errors.BROKEN_GZIP)


def _gzip_break(members: GzipMembers) -> str | None:
    if members.corrupt:
        return members.corrupt
    return "the file ends inside a compressed block" if members.truncated else None


def _truncation_warning(reason: str | None) -> list[str]:
    """A record the crawler cut (``WARC-Truncated``: Common Crawl stops at 1 MiB, "length"; also "time",
    "disconnect") holds only the page's start: the page is analysed, with a warning that its end may be missing."""
    if not reason:
        return []
    return [(f"the crawler truncated this WARC record (WARC-Truncated: {one_line(reason)[:40]}): the page's end, "
             "paragraphs or comments, may be missing")]


def _read_warc(
    handle: BinaryIO, source: str, options: Options, broken: Callable[[], str | None] = lambda: None
) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count, read = 0, 0
    skipped: Counter[str] = Counter()  # why response records were not pages: HTTP status or media type
    records = iter(ArchiveIterator(handle))
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error, AttributeError, TypeError) as exc:
            yield _failure(f"{source}#{count}", _broken_warc(count, _warc_reason(exc)))
            return
        if record.rec_type == "revisit":  # a deduplicating crawl's repeat capture: no page bytes, say so
            skipped["revisit: a repeat capture"] += 1
            continue
        if record.rec_type not in ("response", "resource", "conversion"):  # conversion: a WET file's page text
            continue
        count += 1
        url = record.rec_headers.get_header("WARC-Target-URI")
        record_source = f"{source}#{count}:{url}" if url else f"{source}#{count}"  # a URI can repeat
        content_type = ""
        if record.http_headers is not None:
            content_type = record.http_headers.get_header("Content-Type") or ""
            status = record.http_headers.get_statuscode()
            if status and not status.startswith("2"):
                skipped[status] += 1  # redirects and errors are not pages
                continue
        elif record.rec_type in ("resource", "conversion"):  # no HTTP headers: the record's Content-Type says it
            if url and (scheme := _NOT_WEB_URI_RE.match(url)):  # wget's log and manifest, dns: lookups, urn: data
                skipped[f"{scheme.group(1).lower()}: record"] += 1
                continue
            content_type = record.rec_headers.get_header("Content-Type") or ""
        media = content_type.split(";", 1)[0].strip().lower()
        untyped = media in _UNTYPED_MEDIA  # the payload's own bytes say what it is, as a file's do
        if not untyped and not _page_media_type(content_type):
            skipped[media] += 1
            continue
        if url and (site_file := _SITE_FILE_RE.search(url)):  # every crawl fetches these; none is a page
            skipped[site_file.group(1).lower()] += 1
            continue
        encoding = _content_encoding(record)
        if undecoded := _undecodable_encoding(encoding):
            yield _failure(record_source, undecoded)  # its bytes are still compressed: never read them as a page
            continue
        try:
            payload = _payload_stream(record, encoding)
            if untyped:
                head = payload.read(_HEAD)
                if not_page := _untyped_not_page(head, media):
                    skipped[not_page] += 1
                    continue
                payload = _Prepended(head, payload)  # type: ignore[assignment]
            data = _read_capped(payload, options.max_page_bytes)
        except InputError as exc:
            yield _failure(record_source, exc)
            continue
        except (OSError, EOFError, zlib.error) as exc:
            yield _failure(record_source, _broken_warc(count - 1, f"record {count}: {_warc_reason(exc)}"))
            return
        if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record's Content-Length
            yield _failure(record_source, _broken_warc(count - 1, f"record {count} is cut short"))
            return
        if not data.strip():
            yield _failure(record_source, InputError("empty WARC record; nothing to analyse", code=errors.EMPTY_INPUT))
            continue
        if not untyped and sniff(data[:_HEAD]) == "binary":  # an image or PDF the server called a page
            skipped[f"{binary_name(data[:_HEAD])} served as {media}"] += 1
            continue
        charset = _charset(content_type)
        read += 1
        yield RawDocument(
            source=record_source,
            data=data,
            kind="html" if "html" in content_type.lower() else sniff(data[:_HEAD]),
            url=url,
            declared_encoding=charset,
            fetched_at=record.rec_headers.get_header("WARC-Date"),
            warnings=_truncation_warning(record.rec_headers.get_header("WARC-Truncated")),
        )
    if reason := broken():
        yield _failure(f"{source}#{count}", _broken_warc(count, reason))
    elif count == 0:
        message = ("WARC holds no response records; give a WARC of fetched pages or a WET file of their text, not only "
                   "requests or metadata (a WAT file)")
        yield _failure(source, InputError(message, code=errors.EMPTY_INPUT))
    elif skipped and read:  # the WARC gave its pages: the rest is a note, not a failed input
        note = _skipped_records(skipped, read)
        yield Failure(source=source, stage=SKIPPED, error=type(note).__name__, message=str(note))
    elif skipped:
        yield _failure(source, _skipped_records(skipped, read))


# text/* media types that are not pages: a crawl's stylesheets, scripts and data files (a browser-made WARC has
# many); text/plain stays a page (a text dump), as does any HTML type (text/html, application/xhtml+xml)
_NOT_PAGE_TEXT = frozenset({"text/css", "text/javascript", "text/ecmascript", "text/x-javascript", "text/csv",
                            "text/tab-separated-values", "text/calendar", "text/vcard", "text/x-component",
                            "text/vtt", "text/cache-manifest", "text/event-stream", "text/xml"})


# media types that say nothing of a payload: servers send files they cannot type as application/octet-stream (S3's
# default is binary/octet-stream), and some responses have no Content-Type; their bytes are sniffed
_UNTYPED_MEDIA = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/unknown",
                            "unknown/unknown", "application/x-unknown-content-type", "application/download",
                            "application/force-download"})


def _untyped_not_page(head: bytes, media: str) -> str | None:
    """Why an untyped payload is no page, counted in the E110 note ("PNG image", "application/octet-stream:
    text"), else None. Its first bytes are sniffed by the file readers' :func:`sniff`: HTML is a page; plain text
    too when no Content-Type was sent (a text dump), not when the server called it a binary file (code, data)."""
    kind = sniff(head)
    if kind in ("html", "empty") or (kind == "text" and not media):
        return None
    if kind == "binary":
        return binary_name(head)
    return f"{media or 'no Content-Type'}: {kind}"


# a resource record whose URI is no web address holds the crawler's own data, never a page: wget writes its log,
# manifest and arguments as metadata://gnu.org/software/wget/warc/..., Heritrix dns: lookups, Browsertrix urn:
# page info, text and screenshots
_NOT_WEB_URI_RE = re.compile(r"^(metadata|dns|urn|warcinfo|about|data)(?=:)", re.IGNORECASE)

_SITE_FILE_RE = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]+/(robots\.txt|ads\.txt|app-ads\.txt|humans\.txt|"
                           r"\.well-known/[^?#]*)(?:[?#]|$)", re.IGNORECASE)


def _content_encoding(record: Any) -> str:
    """A WARC response's HTTP Content-Encoding, lower case ("" when none or when the record has no HTTP headers)."""
    headers = record.http_headers
    return "" if headers is None else (headers.get_header("Content-Encoding") or "").strip().lower()


def _undecodable_encoding(encoding: str) -> InputError | None:
    """The failure for a response whose Content-Encoding cannot be undone here (br without the brotli module,
    zstd), else None: its payload is compressed bytes, not the page."""
    from warcio.bufferedreaders import BufferedReader

    if encoding == "br":  # warcio's own br reader fails with brotli >= 1.2 (no unused_data): _BrotliStream reads it
        if _brotli() is not None:
            return None
        advice = "install the brotli module (pip install brotli) and run again"
    elif not encoding or encoding == "identity" or encoding in BufferedReader.DECOMPRESSORS:
        return None
    else:
        advice = "decompress the payload, or give the page's HTML"
    return InputError(f"the page is stored compressed (Content-Encoding: {encoding}) and cannot be decompressed "
                      f"here; {advice}", code=errors.UNSUPPORTED_FORMAT)


def _brotli() -> Any:
    try:
        import brotli
    except ImportError:
        return None
    return brotli


def _payload_stream(record: Any, encoding: str) -> BinaryIO:
    """A WARC response's page bytes: warcio's content stream, or for ``Content-Encoding: br`` the raw payload
    decompressed here, piece by piece so that ``_read_capped`` still stops a decompression bomb."""
    if encoding != "br":
        return record.content_stream()
    return _BrotliStream(record.raw_stream, _brotli())  # type: ignore[return-value]


class _BrotliStream:
    """A read-only stream of brotli-decompressed bytes, fed 4 KB of compressed input at a time."""

    def __init__(self, raw: BinaryIO, brotli: Any) -> None:
        self._raw, self._decompressor, self._error = raw, brotli.Decompressor(), brotli.error
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        pieces, have = [self._buffer], len(self._buffer)  # joined once: no copy of the whole page per 4 KB
        while size < 0 or have < size:
            piece = self._raw.read(4096)
            if not piece:
                break
            try:
                out = self._decompressor.process(piece)
            except self._error as exc:  # the bytes are not brotli
                raise InputError(f"the page's brotli payload is corrupt ({exc})", code=errors.UNSUPPORTED_FORMAT) \
                    from exc
            pieces.append(out)
            have += len(out)
        data = b"".join(pieces)
        cut = len(data) if size < 0 else size
        self._buffer = data[cut:]
        return data[:cut]


def _page_media_type(content_type: str) -> bool:
    """Whether a response's Content-Type can hold a news page: an HTML type, or text other than code and data."""
    media = content_type.split(";", 1)[0].strip().lower()
    return "html" in media or (media.startswith("text/") and media not in _NOT_PAGE_TEXT) or (
        "text" in media and "/" not in media)  # a malformed header ("text") is given the benefit of the doubt


def _skipped_records(skipped: Counter[str], read: int) -> InputError:
    """Response records that were not pages, counted by HTTP status or media type: an input that yields no
    page must say why, and one that yields some must still account for the rest."""
    kinds = [f"{kind} ×{n}" if n > 1 else kind for kind, n in skipped.most_common(6)]
    why = ", ".join(kinds) + (", ..." if len(skipped) > 6 else "")
    total = sum(skipped.values())
    if not read:
        message = (f"no HTML 2xx response records: {total} skipped ({why}); give a WARC of fetched pages, not only "
                   "redirects, errors or other media")
    else:
        message = (f"{total} response record(s) skipped, not HTML 2xx pages ({why}); the other {read} were read")
    return InputError(message, code=errors.NO_PAGE_RECORDS)


def _warc_reason(exc: BaseException) -> str:
    """What broke, in the user's terms: warcio fails on a cut header with a Python error about its own internals."""
    if isinstance(exc, AttributeError | TypeError):
        return "a record header is cut off or malformed"
    return str(exc) or type(exc).__name__


def _broken_warc(complete: int, reason: str) -> InputError:
    return InputError(f"truncated or corrupt WARC after {complete} record(s) ({reason}); the records before the "
                      "break are kept: download the WARC again for the rest", code=errors.BROKEN_WARC)


def _read_jsonl(handle: BinaryIO, source: str, options: Options) -> Iterator[Item]:
    cap = 2 * options.max_page_bytes + 1024  # a page's HTML, JSON-escaped, plus its fields
    for number, raw_line in _bounded_lines(handle, cap):
        line_source = f"{source}#L{number}"
        if raw_line is None:
            yield _failure(line_source, too_large(cap, cap, more=True))
            continue
        line, note = json_text(raw_line)
        # a byte order mark (Windows tools write one) is not JSON: on any line, as "cat a.jsonl b.jsonl" keeps b's
        line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            obj = json.loads(line.rstrip("\r\n"))  # a line cut short inside a string: "Unterminated string"
        except ValueError as exc:
            yield _failure(line_source, _bad_line(f"not valid JSON ({exc})"))
            continue
        yield _noted(_json_page(obj, line_source, options), note)


def json_text(data: bytes) -> tuple[str, str | None]:
    """JSON bytes as text, and a note when they are not UTF-8 (as JSON must be, but a colleague's export in latin-1
    or cp1251 is): then they are decoded as a page file's are (declared charset, detection), not with U+FFFD for
    every accented letter."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    from .encoding import decode_bytes

    decoded = decode_bytes(data)
    if decoded.errors:
        return decoded.text, f"JSON not UTF-8 and no other encoding fits: {decoded.errors[0]}"
    return decoded.text, f"JSON not UTF-8 (as JSON must be); its bytes read as {decoded.encoding}"


def _noted(item: Item, note: str | None) -> Item:
    if note and isinstance(item, RawDocument):
        item.warnings.append(note)
    return item


def _read_json(handle: BinaryIO, source: str, options: Options) -> Iterator[Item]:
    """One JSON document: an array of page objects (an export: ``[{"url": ..., "html": ...}, ...]``), each read as
    a JSONL line is, or one page object over several lines (pretty-printed). A document that does not parse is
    read line by line as JSONL, so its lines fail one by one as E108."""
    cap = 2 * options.max_page_bytes + 1024
    data = handle.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"a JSON document over {cap / MB:.0f} MB; write one page object per line (JSONL), e.g. "
                         "jq -c '.[]' pages.json > pages.jsonl", code=errors.TOO_LARGE)
    text, note = json_text(data)
    try:
        document = json.loads(text.removeprefix("\ufeff"))
    except ValueError:
        yield from _read_jsonl(io.BufferedReader(io.BytesIO(data)), source, options)  # type: ignore[arg-type]
        return
    if not isinstance(document, list):
        yield _noted(_json_page(document, source, options), note)
        return
    if not document:
        raise InputError("an empty JSON array: no page in it", code=errors.EMPTY_INPUT)
    for i, obj in enumerate(document):
        yield _noted(_json_page(obj, f"{source}#[{i}]", options), note)


def memory_page(obj: Mapping[str, Any], position: int, options: Options) -> Item:
    """A page held in memory (the dict ``inputs[position]`` given to ``analyze``): read as a JSONL line; its ``html``
    may also be the bytes a crawler fetched, decoded as a page file's are (BOM, meta charset, UTF-8, detection).
    Its source is its URL, else its ``id`` ("id:<id>": the caller's own key, so a page that failed and is given again
    fixed replaces the failure in a store), else "memory:<page id>" for a page and "memory:<digest of the dict>" for a
    failure: a store keys inputs by source, and a place in the call would make every run's first page (or failure) a
    new version of one input, replacing the last. A failure's message says its place ("[E108] inputs[1]: ...")."""
    from .encoding import decode_bytes

    page = dict(obj)
    for name in HTML_FIELDS:
        if isinstance(page.get(name), bytes | bytearray | memoryview):
            page[name] = decode_bytes(bytes(page[name])).text
    result = _json_page(page, _given_url(page) or _given_id(page) or f"memory:{_dict_digest(page)}", options)
    if isinstance(result, RawDocument) and not result.url:
        result.source = _given_id(page) or f"memory:{result.identify()}"
    elif isinstance(result, Failure):
        result.message = _placed(result.message, position)
    return result


def _dict_digest(page: Mapping[Any, Any]) -> str:
    """A content digest of a page dict: the same dict given again, at any place of any call, has the same one."""
    from ..records import content_id

    try:
        written = json.dumps(page, sort_keys=True, default=repr, ensure_ascii=False)
    except (TypeError, ValueError):  # keys of mixed types cannot be sorted; a dict holding itself
        written = repr(sorted((repr(k), repr(v)) for k, v in page.items()))
    return content_id(written)


def _placed(message: str, position: int) -> str:
    """``message`` with the dict's place in the call after its code: "[E108] inputs[1]: no field holds a page; ..."."""
    code, _, rest = message.partition("] ") if message.startswith("[E") else ("", "", message)
    return f"{code}] inputs[{position}]: {rest}" if code else f"inputs[{position}]: {message}"


def _given_id(page: Mapping[str, Any]) -> str | None:
    """"id:<id>" for a page's own ``id`` (a string or whole number), else None."""
    given = page.get("id")
    if isinstance(given, bool) or not isinstance(given, str | int):
        return None
    return f"id:{one_line(str(given))[:200]}" if str(given).strip() else None


class MemorySources:
    """Pages held in memory, one call's: a source an earlier one of them had (a failure and a page, or two failures,
    of one URL or id) gets ``#inputs[i]`` after it, so that no result stands for another in the dossier or replaces
    it in a store (a failure there would mark the URL's good page as failed and move it to replaced_pages). Two pages
    of one URL keep it: the later is a new version of the earlier, as a re-fetched URL is."""

    def __init__(self) -> None:
        self._failed: dict[str, bool] = {}  # source -> whether an earlier item with it failed

    def unique(self, item: Item, position: int) -> Item:
        failed = isinstance(item, Failure)
        if item.source in self._failed and (failed or self._failed[item.source]):
            item.source = f"{item.source}#inputs[{position}]"
        self._failed[item.source] = self._failed.get(item.source, False) or failed
        return item


def _json_page(obj: object, line_source: str, options: Options) -> Item:
    """A page of a JSONL line or JSON array item, or the failure saying why there is none."""
    if not isinstance(obj, dict):
        return _failure(line_source, _bad_line("not a JSON object"))
    html, text = _first_field(obj, HTML_FIELDS), _first_field(obj, TEXT_FIELDS)
    if not html and text and "text" not in obj and sniff(text[:_HEAD].encode("utf-8", "replace")) == "html":
        html, text = text, None  # 'content' or 'body' of some corpora holds the page's HTML
    url = _given_url(obj)
    body = html if html else text
    if not body:
        url_alone = url and not any(name in obj for name in HTML_FIELDS + TEXT_FIELDS)
        return _failure(line_source, _bad_line("no field holds a page" + (_URL_ALONE if url_alone else "")))
    data = body.encode("utf-8", "surrogatepass")
    if len(data) > options.max_page_bytes:
        return _failure(line_source, too_large(len(data), options.max_page_bytes))
    return RawDocument(
        source=line_source,
        data=data,
        kind="html" if body is html else "text",
        url=url,
        declared_encoding="utf-8",
        text=body,
        title=_first_field(obj, TITLE_FIELDS),
        published=_iso_date(obj),
        author=_authors(obj),
        warnings=_unread_date(obj),
    )


# the service fetches {"url": ...}; a page dict or JSONL line is a page already fetched
_URL_ALONE = (" (a 'url' alone is not fetched here: give the URLs to analyze as inputs, or list them in a file for "
              "--inputs-from)")


def _names(fields: tuple[str, ...]) -> str:
    """('text', 'content', 'body') -> "'text' (or 'content', 'body')"."""
    return repr(fields[0]) + (f" (or {', '.join(map(repr, fields[1:]))})" if len(fields) > 1 else "")


# JSONL field names, first match wins: storytrace's own, then those of common crawls and corpora (news-please
# 'maintext' and 'date_publish', CC-News 'content', RedPajama 'raw_content', ...)
HTML_FIELDS = ("html", "HTML", "raw_html")
TEXT_FIELDS = ("text", "content", "body", "maintext", "raw_content")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "date_publish", "published_at", "publish_date")
AUTHOR_FIELDS = ("author", "authors", "byline")
JSONL_FIELDS_HELP = (
    f"give one JSON object per line with the page in {_names(HTML_FIELDS)} or {_names(TEXT_FIELDS)}; "
    f"optional: 'url', {_names(TITLE_FIELDS)}, {_names(DATE_FIELDS)}, {_names(AUTHOR_FIELDS)}"
)


def _bad_line(problem: str) -> InputError:
    return InputError(f"{problem}; {JSONL_FIELDS_HELP}", code=errors.BAD_JSONL_LINE)


def _first_field(obj: dict[str, object], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` holding a non-blank string."""
    for name in names:
        value = _clean(obj.get(name))
        if value and value.strip():
            return value if name in HTML_FIELDS + TEXT_FIELDS else one_line(value)
    return None


def _authors(obj: dict[str, object]) -> str | None:
    for name in AUTHOR_FIELDS:
        value = obj.get(name)
        if isinstance(value, dict):  # a page's JSON-LD copied: "author": {"@type": "Person", "name": "A"}
            value = [value]
        if isinstance(value, list):  # news-please: "authors": ["A", "B"]
            value = joined_names(value)
        if isinstance(value, str) and one_line(value):
            return one_line(_clean(value))  # type: ignore[arg-type]
    return None


def joined_names(names: list[object]) -> str:
    """Several authors as one string, joined as trafilatura joins a page's authors ("A; B"), so JSON-LD gives one
    Person per name; each on one line, the empty ones left out."""
    names = [v.get("name") if isinstance(v, dict) else v for v in names]  # schema.org Person objects by their name
    return "; ".join(one_line(v) for v in names if isinstance(v, str) and one_line(v))


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """A title or name an input gives, on one line: control characters (a NUL, an ESC, a line break) become spaces,
    as the page's own text has none of them (the HTML parser drops NULs), and runs of spaces become one."""
    return " ".join(_CONTROL_CHARACTERS.sub(" ", text).split())


def _iso_date(obj: dict[str, object]) -> str | None:
    """The publication date of a JSONL line: the first date field :func:`iso_date` understands."""
    return next((date for name in DATE_FIELDS if (date := iso_date(obj.get(name)))), None)


def _unread_date(obj: dict[str, object]) -> list[str]:
    """A warning when the line gives a date but none of its date fields can be read."""
    given = [(name, obj[name]) for name in DATE_FIELDS if obj.get(name) not in (None, "")]
    if not given or _iso_date(obj):
        return []
    return [unread_date_warning(*given[0])]


def unread_date_warning(name: str, value: object) -> str:
    return (f"the given {name} {str(value)[:60]!r} was not read (give ISO 8601, RFC 2822 or Unix seconds); "
            "the page's own date is used")


def iso_date(value: object) -> str | None:
    """A publication date given by the input as ISO 8601: ISO strings ('2021-03-01', '2021-03-01 10:02:00'),
    RFC 2822 ('Mon, 01 Mar 2021 10:02:00 GMT') or Unix seconds; anything else is None."""
    from datetime import UTC, datetime
    from email.utils import parsedate_to_datetime

    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 1e11:
        return datetime.fromtimestamp(value, UTC).isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{9,11}(?:\.\d+)?", value):  # Unix seconds as text ("1700000000")
        return iso_date(float(value))
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    # a date without a time of day ("2021-03-01", "20210301") stays a day: a midnight it did not give would make it
    # "earlier" than a same-day copy that states a time
    return parsed.isoformat() if re.search(r"\d[T ]\d|:", value) else parsed.date().isoformat()


def _bounded_lines(handle: BinaryIO, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of at most ``cap`` bytes; a longer line is skipped unkept and given as None."""
    number = 0
    while line := handle.readline(cap + 1):
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while (rest := handle.readline(4 * MB)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _given_url(obj: Mapping[str, Any]) -> str | None:
    """The ``url`` a page dict or JSONL line gives, without the spaces around it (a spreadsheet cell's, a hand edit's:
    kept, they made the same URL another page); None when blank."""
    return (_clean(obj.get("url")) or "").strip() or None


def _clean(value: object) -> str | None:
    """A JSON string with lone surrogates replaced (they cannot be stored or written as UTF-8)."""
    if not isinstance(value, str):
        return None
    return without_surrogates(value)


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates ("\\ud800" in JSON) as "?": they cannot be encoded, stored or written as UTF-8."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _read_capped(stream: BinaryIO, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        # count a little further for a useful message, but never inflate a decompression bomb to the end
        size, ceiling = len(data), 4 * limit
        while size <= ceiling and (chunk := stream.read(4 * MB)):
            size += len(chunk)
        raise too_large(min(size, ceiling), limit, more=size > ceiling)
    return data


def too_large(size: int, limit: int, *, more: bool = False) -> InputError:
    amount = f"over {size / MB:.0f} MB" if more else f"{size / MB:.1f} MB"
    return InputError(f"{amount}, larger than the {limit / MB:.0f} MB page limit; split the input or raise "
                      "max_page_bytes", code=errors.TOO_LARGE)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _failure(source: str, exc: Exception) -> Failure:
    return Failure(source=source, stage="ingest", error=type(exc).__name__, message=str(exc))


class _Utf8Recoded(io.RawIOBase):
    """A stream of UTF-16 or UTF-32 text as UTF-8, decoded 64 KB at a time (a JSONL file of any size streams)."""

    def __init__(self, raw: BinaryIO, codec: str) -> None:
        self._raw, self._decoder, self._pending = raw, codecs.getincrementaldecoder(codec)("replace"), b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._raw.read(_HEAD)
            self._pending = self._decoder.decode(chunk, final=not chunk).encode("utf-8", "surrogatepass")
            if not chunk:
                break
        n = min(len(buffer), len(self._pending))
        buffer[:n], self._pending = self._pending[:n], self._pending[n:]
        return n


class _Prepended(io.RawIOBase):
    """A stream with already-read bytes put back in front (for streams without peek)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                out, self._head = self._head + self._rest.read(), b""
                return out
            out, self._head = self._head[:size], self._head[size:]
            if len(out) < size:
                out += self._rest.read(size - len(out))
            return out
        return self._rest.read(size)


__all__ = ["GZIP_MAGIC", "is_url", "read_bytes", "read_inputs", "read_path", "read_stream"]
