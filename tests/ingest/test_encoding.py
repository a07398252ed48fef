import pytest

from storytrace.ingest.encoding import declared_encoding, decode_bytes

RUSSIAN = "Северная Корея направит тысячу саперов и пять тысяч строителей в Курскую область."
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy. Zprávy z Kurska a Pchjongjangu."


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        (RUSSIAN.encode("cp1251"), "utf-8", RUSSIAN),  # wrongly declared
        (RUSSIAN.encode("cp1251"), None, RUSSIAN),  # no declaration
        (RUSSIAN.encode("utf-8"), "iso-8859-1", RUSSIAN),  # valid UTF-8 wins over a wrong declaration
        (CZECH.encode("cp1250"), None, CZECH),
        (RUSSIAN.encode("koi8-r"), "koi8-r", RUSSIAN),  # a right declaration is used
        ("\ufeff".encode() + RUSSIAN.encode(), None, RUSSIAN),
    ],
)
def test_decode_bytes_reads_misdeclared_pages(data, declared, expected):
    assert decode_bytes(data, declared).text == expected


def test_decode_bytes_meta_charset_declaration_is_checked_against_bytes():
    html = f'<html><head><meta charset="utf-8"></head><body><p>{RUSSIAN}</p></body></html>'.encode("cp1251")
    decoded = decode_bytes(html)
    assert RUSSIAN in decoded.text
    assert decoded.encoding == "cp1251"
    assert decoded.warnings and "declares utf-8" in decoded.warnings[0]


def test_decode_bytes_invalid_utf8_is_recorded_as_an_error():
    data = "Officials said the envoy’s visit — “a new chapter”. ".encode() * 3 + b"\xff\xfe tail"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "envoy’s" in decoded.text and "\ufffd" in decoded.text
    assert decoded.errors == ["invalid UTF-8: 2 undecodable byte sequence(s) replaced with U+FFFD"]


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (b'<meta charset="windows-1251">', "cp1251"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'>", "iso8859-2"),
        (b'<?xml version="1.0" encoding="koi8-r"?>', "koi8-r"),
        (b"<meta charset='no-such-charset'>", None),
        (b"<p>nothing declared</p>", None),
    ],
)
def test_declared_encoding(head, name):
    assert declared_encoding(head) == name
