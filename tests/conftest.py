"""Shared fixtures: the demo corpus, and a folder of hostile inputs built on the fly."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from storytrace.settings import Options

GOOD_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Sappers head to Kursk | Example News</title>
<meta property="og:title" content="North Korea sends sappers to Kursk"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Sappers head to Kursk</h1>
<p>North Korea has agreed to send 1,000 sappers and 5,000 military construction personnel to Russia's Kursk
region to help with demining and reconstruction, officials said on Tuesday.</p>
<p>The decision was made during talks between Sergei Shoigu and Kim Jong Un in Pyongyang, according to state
media, which described the deployment as a sign of the deepening partnership between the two countries.</p>
<p>The sappers will be trained in Russian demining techniques before they deploy to the region, where
unexploded ordnance still blocks roads and fields after months of fighting.</p>
</article><footer>Copyright Example News</footer></body></html>"""


@pytest.fixture
def options() -> Options:
    return Options(with_facts=False, with_comments=False, progress=False)


@pytest.fixture
def demo_dir() -> Path:
    from storytrace.api import demo_corpus

    return demo_corpus()


def warc_bytes(pages: list[tuple[str, str]], *, gz: bool = True) -> bytes:
    """A WARC (gzipped per record) with one HTTP response record per (url, html)."""
    return warc_with([(url, "200 OK", "text/html; charset=utf-8", html.encode()) for url, html in pages], gz=gz)


def warc_with(responses: list[tuple[str, str, str, bytes]], *, gz: bool = True) -> bytes:
    """A WARC of (url, status line, content type, payload) HTTP response records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, status, content_type, payload in responses:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return out.getvalue()


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """One file per kind of bad input the foundation issue lists, plus one good page."""
    d = tmp_path / "inputs"
    d.mkdir()
    (d / "empty.html").write_bytes(b"")
    (d / "binary.dat").write_bytes(bytes(range(256)) * 40)
    (d / "big.html").write_bytes(b"<html><body>" + b"<p>words and words</p>" * (50 * 1024 * 1024 // 22) + b"</body></html>")
    (d / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>")
    (d / "invalid.txt").write_bytes(
        "Officials said the envoy’s visit — “a new chapter” — went well. ".encode() * 4 + b"\xff\xfe\xc3\x28 tail text."
    )
    whole = gzip.compress(GOOD_HTML.encode() * 50)
    (d / "truncated.html.gz").write_bytes(whole[: len(whole) // 2])
    warc = warc_bytes([(f"https://example.com/{i}", GOOD_HTML) for i in range(3)])
    (d / "truncated.warc.gz").write_bytes(warc[: len(warc) - 200])
    (d / "good.html").write_text(GOOD_HTML)
    return d


def shared_data() -> Path:
    """The workplace's training/evaluation data: $STORYTRACE_DATA, else ../shared/data beside the checkout.

    Only training-script smoke tests use it (and skip without it); the package never reads it.
    """
    import os

    return Path(os.environ.get("STORYTRACE_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


class ClosedPipe:
    """stdout whose reader has gone (``storytrace ... --out - | head -c 10``): text and bytes writes both fail."""

    class buffer:  # mimics sys.stdout.buffer
        @staticmethod
        def write(_data):
            raise BrokenPipeError(32, "Broken pipe")

    def write(self, _text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self):
        raise OSError("no file descriptor")
