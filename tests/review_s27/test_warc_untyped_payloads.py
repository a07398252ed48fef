"""Session 27 (harden), item 4: a WARC response whose payload is HTML but whose Content-Type says nothing of it
(application/octet-stream, or no Content-Type) is read as a page, sniffed as the file readers sniff; images, PDFs and
other binaries are still skipped, each counted in the E110 note."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storytrace.ingest import read_inputs
from storytrace.records import SKIPPED, Failure, RawDocument
from storytrace.settings import Options
from tests.conftest import GOOD_HTML

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4


def _warc(tmp_path, records: list[tuple[str, str | None, bytes]]):
    """A WARC of 200 responses: (url, Content-Type or None for none, payload)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, content_type, payload in records:
        headers = [("Content-Type", content_type)] if content_type is not None else []
        http = StatusAndHeaders("200 OK", headers + [("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=http))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(out.getvalue())
    return path


def _read(path):
    items = list(read_inputs([str(path)], Options(progress=False)))
    pages = [i for i in items if isinstance(i, RawDocument)]
    notes = [i for i in items if isinstance(i, Failure)]
    return pages, notes


def test_html_served_as_octet_stream_or_without_a_type_is_a_page(tmp_path):
    path = _warc(tmp_path, [("https://a.org/1", "application/octet-stream", GOOD_HTML.encode()),
                            ("https://a.org/2", None, GOOD_HTML.replace("Kursk", "Kursk region").encode()),
                            ("https://a.org/3", "binary/octet-stream", GOOD_HTML.replace("Kursk", "Oblast").encode())])
    pages, notes = _read(path)
    assert [p.url for p in pages] == ["https://a.org/1", "https://a.org/2", "https://a.org/3"]
    assert all(p.kind == "html" for p in pages)
    assert notes == []


def test_untyped_binaries_are_skipped_and_counted_by_what_they_are(tmp_path):
    path = _warc(tmp_path, [("https://a.org/page", "text/html", GOOD_HTML.encode()),
                            ("https://a.org/logo", "application/octet-stream", PNG),
                            ("https://a.org/logo2", None, PNG),
                            ("https://a.org/report", None, PDF)])
    pages, notes = _read(path)
    assert [p.url for p in pages] == ["https://a.org/page"]
    assert len(notes) == 1 and notes[0].stage == SKIPPED
    message = notes[0].message
    assert "3 response record(s) skipped" in message
    assert "PNG image ×2" in message and "PDF document" in message


def test_a_binary_payload_served_as_html_is_skipped_not_analysed_as_a_page(tmp_path):
    path = _warc(tmp_path, [("https://a.org/page", "text/html", GOOD_HTML.encode()),
                            ("https://a.org/logo", "text/html; charset=utf-8", PNG)])
    pages, notes = _read(path)
    assert [p.url for p in pages] == ["https://a.org/page"]
    assert len(notes) == 1 and "PNG image served as text/html" in notes[0].message


def test_a_common_crawl_wet_file_gives_its_text_pages(tmp_path):
    """A WET file (Common Crawl's extracted text): warcinfo, then one 'conversion' record of text/plain per page."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.wet.gz", {"software": "ia-web-commons"}))
    texts = {"https://a.org/flood": "Flood hits Riverton\n\nHeavy rain flooded the town of Riverton on Monday.",
             "https://b.org/dam": "Dam closed after cracks\n\nEngineers found fourteen cracks in the dam wall."}
    for url, text in texts.items():
        writer.write_record(writer.create_warc_record(url, "conversion", payload=io.BytesIO(text.encode()),
                                                      warc_content_type="text/plain"))
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(out.getvalue())
    pages, notes = _read(path)
    assert [(p.url, p.kind) for p in pages] == [("https://a.org/flood", "text"), ("https://b.org/dam", "text")]
    assert notes == []
