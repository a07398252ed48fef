import gzip

import pytest

from storytrace.ingest.sniff import binary_name, sniff


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (gzip.compress(b"<html></html>"), "gzip"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'{"url": "https://a.example", "html": "<p>x</p>"}\n{"url": "b"}', "jsonl"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"\xef\xbb\xbf<html><p>bom</p></html>", "html"),
        (b"North Korea sends sappers to Kursk.\nSecond line.", "text"),
        (b"{not json at all} but text", "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"%PDF-1.7 ...", "binary"),
        (bytes(range(256)), "binary"),
    ],
)
def test_sniff_kind_from_content(head, kind):
    assert sniff(head) == kind


def test_sniff_utf16_text_is_not_binary():
    assert sniff("\ufeffNews text in UTF-16".encode("utf-16")) == "text"


def test_binary_name_names_known_formats():
    assert binary_name(b"%PDF-1.4") == "PDF document"
    assert binary_name(b"\x00\x01") == "binary data"


@pytest.mark.parametrize(("markup", "wrapped"), [
    ("<div><p>The mayor approved the budget.</p></div>", True),
    ("<p>One.</p><p>Two.</p>", True),
    ("<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>", False),
    ("<HTML><p>x</p></HTML>", False),
    ("<body><p>x</p></body>", False),
])
def test_sniff_html_fragment_is_wrapped_into_a_document(markup, wrapped):
    from storytrace.ingest import as_html_document

    assert as_html_document(markup) == (f"<html><body>{markup}</body></html>" if wrapped else markup)


def test_sniff_utf16_html_with_a_byte_order_mark_is_html():
    # session 15 review: a UTF-16 page was read as plain text, its tags kept as words of the body
    page = "<html><body><p>Ünïcödé page about the council vote.</p></body></html>"
    assert sniff(page.encode("utf-16")) == "html"
    assert sniff(page.encode("utf-16-be").join([b"\xfe\xff", b""])) == "html"
