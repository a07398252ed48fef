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


FRENCH = ("Le café de la gare a fermé ses portes après quarante années d'activité. Les habitués regrettent déjà "
          "l'ambiance chaleureuse et les crêpes du dimanche. Coût : 12 € ou £10 ™. ") * 4
TURKISH = ("Türkiye'de yapılan seçimlerde oy kullanma işlemi başladı. Güneydoğu illerinde katılım yüksek, "
           "şehir merkezlerinde sıra oluştu. ") * 4
GREEK = "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία. Οι πολίτες περιμένουν αλλαγές. " * 4


@pytest.mark.parametrize(("text", "encoding"), [
    (FRENCH, "cp1252"),  # the detector alone read this as cp1257 ("Cafė")
    (FRENCH.replace("€", "EUR").replace("™", "TM"), "latin-1"),
    (TURKISH, "iso8859-9"),  # not forced into windows-1252: its letters differ
    (GREEK, "iso8859-7"),
    (RUSSIAN * 4, "cp1251"),
])
def test_misdeclared_legacy_pages_read_with_the_right_letters(text, encoding):
    html = f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'.encode(encoding)
    assert text in decode_bytes(html).text


def test_windows_1252_bytes_python_leaves_undefined_do_not_fail_the_page():
    # 0x81 has no character in windows-1252; browsers map it to U+0081 and read the rest of the page
    html = ('<html><head><meta charset="utf-8"></head><body><p>' + FRENCH + "</p></body></html>").encode("cp1252")
    decoded = decode_bytes(html.replace(b"</p>", b"\x81</p>"))
    assert decoded.encoding == "cp1252" and FRENCH in decoded.text and not decoded.errors


def test_a_mac_roman_page_is_not_forced_into_windows_1252():
    german = ("Die Bundesregierung hat neue Maßnahmen für die Wirtschaft angekündigt. Bürger müssen künftig höhere "
              "Gebühren für Müll zahlen. Straße. ") * 6
    html = f'<html><head><meta charset="utf-8"></head><body><p>{german}</p></body></html>'.encode("mac_roman")
    assert decode_bytes(html).encoding != "cp1252"  # windows-1252 would read "Stra§e"


def test_decode_bytes_an_unknown_declared_encoding_is_named_as_such():
    # session 15 review: <meta charset="x-totally-bogus"> gave "page declares no encoding"
    html = f'<html><head><meta charset="x-totally-bogus"></head><body><p>{RUSSIAN}</p></body></html>'.encode("cp1251")
    decoded = decode_bytes(html)
    assert RUSSIAN in decoded.text
    assert decoded.warnings == ["page declares an unknown encoding 'x-totally-bogus'; its bytes read as cp1251"]
