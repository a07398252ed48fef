import gzip
import json

import pytest

from storytrace.ingest import read_inputs
from storytrace.records import Failure, RawDocument
from tests.conftest import GOOD_HTML, warc_bytes, warc_with


def _read(paths, options):
    return list(read_inputs([str(p) for p in paths], options))


def test_readers_warc_gz_yields_each_response_with_its_url(tmp_path, options):
    path = tmp_path / "news.dat"  # the name says nothing: content decides
    path.write_bytes(warc_bytes([(f"https://example.com/{i}", GOOD_HTML) for i in range(4)]))
    items = _read([path], options)
    assert [type(i) for i in items] == [RawDocument] * 4
    assert [i.url for i in items] == [f"https://example.com/{i}" for i in range(4)]
    assert all(i.kind == "html" and i.declared_encoding == "utf-8" for i in items)
    assert items[0].data == GOOD_HTML.encode()


def test_readers_plain_warc_uncompressed(tmp_path, options):
    path = tmp_path / "a.warc"
    path.write_bytes(warc_bytes([("https://example.com/x", GOOD_HTML)], gz=False))
    (item,) = _read([path], options)
    assert isinstance(item, RawDocument) and item.url == "https://example.com/x"


@pytest.mark.parametrize("cut", [200, 600])  # inside the last record's body / inside its headers
def test_readers_truncated_warc_keeps_complete_records_and_records_the_break(tmp_path, options, cut):
    data = warc_bytes([(f"https://example.com/{i}", GOOD_HTML) for i in range(3)])
    path = tmp_path / "t.warc.gz"
    path.write_bytes(data[: len(data) - cut])
    items = _read([path], options)
    pages = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(pages) == 2
    assert len(failures) == 1 and "truncated" in failures[0].message


def test_readers_jsonl_lines_become_pages_or_failures(tmp_path, options):
    lines = [
        json.dumps({"url": "https://a.example/1", "html": GOOD_HTML}),
        "this line is not json",
        json.dumps({"url": "https://a.example/2", "text": "Plain text page.\nSecond paragraph."}),
        json.dumps({"url": "https://a.example/3"}),
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = _read([path], options)
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "RawDocument", "Failure"]
    assert items[0].kind == "html" and items[0].url == "https://a.example/1"
    assert items[2].kind == "text" and items[2].text.startswith("Plain text page.")
    assert items[1].source.endswith("#L2") and "not valid JSON" in items[1].message


def test_readers_directory_is_recursive_and_sorted(tmp_path, options):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_text(GOOD_HTML)
    (tmp_path / "1.txt").write_text("A plain page.")
    (tmp_path / "3.html.gz").write_bytes(gzip.compress(GOOD_HTML.encode()))
    items = _read([tmp_path], options)
    assert [i.source.rsplit("/", 1)[-1] for i in items] == ["1.txt", "3.html.gz", "2.html"]
    assert [i.kind for i in items] == ["text", "html", "html"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.html", "empty input"),
        ("binary.dat", "binary data, not a news page"),
        ("big.html", "larger than the 20 MB page limit"),
        ("truncated.html.gz", "truncated or corrupt gzip"),
        ("truncated.warc.gz", "truncated or corrupt WARC"),
    ],
)
def test_readers_bad_files_give_a_clear_failure(hostile_dir, options, name, message):
    items = _read([hostile_dir / name], options)
    failures = [i for i in items if isinstance(i, Failure)]
    assert failures, items
    assert message in failures[-1].message
    assert failures[-1].stage == "ingest"


def test_readers_missing_file_is_a_failure_not_an_exception(tmp_path, options):
    (item,) = _read([tmp_path / "nope.html"], options)
    assert isinstance(item, Failure) and "cannot open" in item.message


def test_readers_gzip_bomb_is_refused_without_inflating_it_all(tmp_path, options):
    import time

    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        out.write(b"<html><body><p>")
        zeros = b"0" * (16 * 1024 * 1024)
        for _ in range(64):  # 1 GiB of HTML, a ~1 MB file
            out.write(zeros)
    started = time.process_time()
    (item,) = _read([bomb], options.replace(max_page_bytes=1024 * 1024))
    assert isinstance(item, Failure) and "over 4 MB, larger than the 1 MB page limit" in item.message
    assert time.process_time() - started < 5  # stopped near the limit, not after 1 GiB


def test_readers_warc_record_without_target_uri_is_a_failure(tmp_path, options):
    path = tmp_path / "tiny.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nHTTP/1.1 2\r\n\r\n\r\n")
    items = _read([path], options)
    assert items and all(isinstance(i, Failure) for i in items)


def test_readers_gzip_inside_gzip_is_refused(tmp_path, options):
    data = GOOD_HTML.encode()
    for _ in range(2000):
        data = gzip.compress(data, compresslevel=1)
    path = tmp_path / "nested.gz"
    path.write_bytes(data)
    (item,) = _read([path], options)
    assert isinstance(item, Failure) and "gzip inside gzip" in item.message


def test_readers_jsonl_lone_surrogates_are_replaced(tmp_path, options):
    path = tmp_path / "s.jsonl"
    path.write_text('{"url": "http://x/\\udc80", "text": "News text \\udc80 here."}\n')
    (item,) = _read([path], options)
    assert item.url == "http://x/?" and item.text == "News text ? here."
    item.data.decode("utf-8")  # encodable


def test_readers_jsonl_with_a_long_first_line_is_still_jsonl(tmp_path, options):
    html = "<html><body>" + "<p>paragraph of news text</p>" * 2000 + "</body></html>"
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps({"url": f"https://a.example/{i}", "html": html}) for i in range(2)) + "\n")
    items = _read([path], options)
    assert [i.url for i in items] == ["https://a.example/0", "https://a.example/1"]


def test_readers_jsonl_line_over_the_cap_is_a_failure_and_the_next_line_is_read(tmp_path, options):
    path = tmp_path / "pages.jsonl"
    huge = json.dumps({"url": "https://a.example/huge", "html": "<p>" + "x" * 50_000 + "</p>"})
    small = json.dumps({"url": "https://a.example/ok", "html": GOOD_HTML})
    path.write_text(huge + "\n" + small + "\n")
    items = _read([path], options.replace(max_page_bytes=10_000))
    assert isinstance(items[0], Failure) and items[0].source.endswith("#L1") and "page limit" in items[0].message
    assert isinstance(items[1], RawDocument) and items[1].url == "https://a.example/ok"


def test_readers_warc_records_with_the_same_uri_keep_distinct_sources(tmp_path, options):
    path = tmp_path / "dupes.warc.gz"
    path.write_bytes(warc_bytes([("https://example.com/same", GOOD_HTML), ("https://example.com/same", GOOD_HTML + " ")]))
    items = _read([path], options)
    assert len({i.source for i in items}) == 2 and {i.url for i in items} == {"https://example.com/same"}


def test_readers_jsonl_html_fragment_is_analysed_as_a_page(tmp_path, options):
    from storytrace.pipeline import process
    from storytrace.resources import Resources

    fragment = "<div><p>The mayor approved the budget on Monday.</p></div>"
    path = tmp_path / "fragments.jsonl"
    path.write_text(json.dumps({"url": "https://a.example/1", "html": fragment}) + "\n")
    [raw] = _read([path], options)
    page = process(raw, options.replace(with_facts=False, with_comments=False), Resources())
    assert page.body == ["The mayor approved the budget on Monday."]


# each kind of unreadable input has its own documented code, and the message does not repeat the source
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty.html", "E101"),
        ("binary.dat", "E102"),
        ("big.html", "E103"),
        ("truncated.html.gz", "E105"),
        ("truncated.warc.gz", "E106"),
    ],
)
def test_readers_failures_carry_a_code_per_kind_and_not_the_source(hostile_dir, options, name, code):
    from storytrace.errors import CODES

    failures = [i for i in _read([hostile_dir / name], options) if isinstance(i, Failure)]
    assert failures[-1].message.startswith(f"[{code}] "), failures[-1].message
    assert code in CODES
    assert name not in failures[-1].message and str(hostile_dir) not in failures[-1].message


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\x1f\x8b\x08\x00abc", "E105"),  # a gzip cut inside its first block holds no bytes: truncated, not empty
        (b"this line is not json\n", None),  # plain text: a page, no failure
        (b'{"url": "https://a.example/3"}\n', "E108"),
    ],
)
def test_readers_small_inputs_get_the_right_code(tmp_path, options, content, code):
    path = tmp_path / "input.dat"
    path.write_bytes(content)
    items = _read([path], options)
    failures = [i for i in items if isinstance(i, Failure)]
    if code is None:
        assert not failures
    else:
        assert failures[-1].message.startswith(f"[{code}] "), failures[-1].message


def test_readers_missing_file_code_and_advice(tmp_path, options):
    (item,) = _read([tmp_path / "nope.html"], options)
    assert item.message.startswith("[E109] ") and "nope.html" not in item.message


def test_readers_gzip_inside_gzip_has_the_unsupported_format_code(tmp_path, options):
    data = gzip.compress(gzip.compress(GOOD_HTML.encode()))
    path = tmp_path / "nested.gz"
    path.write_bytes(data)
    (item,) = _read([path], options)
    assert item.message.startswith("[E107] ")


def test_error_codes_are_distinct_and_each_says_what_to_do():
    from storytrace import errors

    assert len(set(errors.CODES)) == len(errors.CODES)
    for code, (meaning, advice) in errors.CODES.items():
        assert code[0] == "E" and code[1:].isdigit() and meaning and advice
    assert str(errors.InputError("x")) == "[E100] x"  # the class codes stay as they were
    assert str(errors.FetchError("x")) == "[E200] x" and errors.ModelError.code == "E300"
    assert str(errors.InputError("x", code=errors.EMPTY_INPUT)) == f"[{errors.EMPTY_INPUT}] x"


def test_readers_warc_of_only_redirects_and_errors_is_a_failure_naming_them(tmp_path, options):
    path = tmp_path / "status.warc.gz"
    path.write_bytes(warc_with([("https://x.example/a", "404 Not Found", "text/html", b"<p>gone</p>"),
                                 ("https://x.example/b", "503 Service Unavailable", "text/html", b"<p>busy</p>"),
                                 ("https://x.example/c", "301 Moved Permanently", "text/html", b"")]))
    [failure] = list(read_inputs([path], options))
    assert isinstance(failure, Failure) and failure.source == str(path)
    assert failure.message.startswith("[E110] no HTML 2xx response records: 3 skipped (404, 503, 301)")


def test_readers_warc_counts_the_records_it_skips_beside_the_pages_it_reads(tmp_path, options):
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(warc_with([("https://x.example/a", "200 OK", "text/html", GOOD_HTML.encode()),
                                 ("https://x.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
                                 ("https://x.example/old", "301 Moved Permanently", "text/html", b""),
                                 ("https://x.example/old2", "301 Moved Permanently", "text/html", b"")]))
    items = list(read_inputs([path], options))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure"]
    assert "3 response record(s) skipped, not HTML 2xx pages (301 ×2, image/png); the other 1 were read" in items[1].message
    from storytrace.errors import CODES

    assert "E110" in CODES


@pytest.mark.parametrize(("line", "expected"), [
    ({"title": "Quake hits Chile", "text": "Body.", "date": "2021-03-01", "author": "Ana Diaz"},
     ("text", "Quake hits Chile", "2021-03-01", "Ana Diaz")),
    ({"maintext": "Body.", "date_publish": "2021-03-01 10:02:00", "authors": ["A. One", "B. Two"]},
     ("text", None, "2021-03-01T10:02:00", "A. One; B. Two")),
    ({"content": "Body.", "published": "Mon, 01 Mar 2021 10:02:00 GMT"}, ("text", None, "2021-03-01T10:02:00+00:00", None)),
    ({"body": "Body.", "published": 1614592920}, ("text", None, "2021-03-01T10:02:00+00:00", None)),
    ({"raw_content": "Body.", "date": "sometime in March"}, ("text", None, None, None)),
    ({"HTML": "<p>Body.</p>", "headline": "H"}, ("html", "H", None, None)),
    ({"content": "<html><head><title>T</title></head><body><p>Body.</p></body></html>"}, ("html", None, None, None)),
    ({"text": "<p>Kept as text, as before.</p>"}, ("text", None, None, None)),
])
def test_readers_jsonl_reads_common_body_title_date_and_author_fields(tmp_path, options, line, expected):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [raw] = _read([path], options)
    assert isinstance(raw, RawDocument), raw
    assert (raw.kind, raw.title, raw.published, raw.author) == expected


def test_readers_jsonl_line_without_a_page_lists_the_fields_it_reads(tmp_path, options):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"url": "https://x.example/a", "summary": "no page here"}) + "\n", encoding="utf-8")
    [failure] = _read([path], options)
    assert failure.message.startswith("[E108]")
    for field in ("'html'", "'text'", "'content'", "'maintext'", "'raw_content'", "'HTML'", "'title'", "'date'"):
        assert field in failure.message


def test_pipeline_jsonl_title_date_and_author_reach_the_page(tmp_path, options):
    from storytrace.api import analyze

    body = "The council voted on Tuesday to build new cycle lanes across the city centre, officials said."
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"url": "https://x.example/a", "html": f"<html><body><p>{body}</p></body></html>",
                                "title": "Council approves cycle lanes", "date": "2021-03-01",
                                "author": "Ana Diaz"}) + "\n", encoding="utf-8")
    [page] = analyze([path], options=options.replace(with_stories=False)).pages
    assert (page.title, page.published, page.author) == ("Council approves cycle lanes", "2021-03-01", "Ana Diaz")


def _read_within(inputs, options, seconds=10.0):
    """_read in a thread: a read that blocks (the old code opening a pipe) fails the test instead of hanging it."""
    import threading

    found: list = []
    worker = threading.Thread(target=lambda: found.extend(_read(inputs, options)), daemon=True)
    worker.start()
    worker.join(seconds)
    return found, worker.is_alive()


def _unblock(fifo):
    """Let a reader stuck opening ``fifo`` go on (a writer that opens and closes at once)."""
    import os

    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # no reader waits


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("in_folder", [False, True])
def test_readers_named_pipe_is_refused_unread_and_does_not_hang(tmp_path, options, in_folder):
    import os

    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    (tmp_path / "page.html").write_text(GOOD_HTML)
    found, stuck = _read_within([tmp_path if in_folder else fifo], options)
    _unblock(fifo)
    assert not stuck, "reading a named pipe blocked"
    [failure] = [i for i in found if isinstance(i, Failure)]
    assert failure.source == str(fifo) and failure.message.startswith("[E109] ") and "named pipe" in failure.message
    assert [i.source for i in found if isinstance(i, RawDocument)] == ([str(tmp_path / "page.html")] if in_folder else [])


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_readers_devices_are_refused_before_reading(options, device):
    import os

    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    (item,) = _read([device], options)
    assert isinstance(item, Failure) and item.message.startswith("[E109] ") and "character device" in item.message


@pytest.mark.parametrize(
    ("value", "advice"),
    [
        ("ftp://example.com/news/a.html", "give the page's http(s) URL"),
        ("file:///tmp/news/a%20b.html", "for a local file give its path (/tmp/news/a b.html)"),
        ("FILE://localhost/tmp/a.html", "for a local file give its path (/tmp/a.html)"),
        ("data:text/html,<p>hi</p>", "give the page's http(s) URL"),
        ("javascript:alert(1)", "give the page's http(s) URL"),
        ("mailto:desk@example.com", "give the page's http(s) URL"),
    ],
)
def test_readers_other_url_schemes_are_refused_with_the_source_as_given(options, value, advice):
    (item,) = list(read_inputs([value], options))
    assert isinstance(item, Failure) and item.source == value  # not folded by Path() into ftp:/example.com
    assert item.message.startswith("[E201] only http(s) URLs are fetched"), item.message
    assert advice in item.message


def test_readers_a_path_with_a_colon_is_still_a_path(tmp_path, options, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes:draft.html").write_text(GOOD_HTML, encoding="utf-8")
    (page,) = list(read_inputs(["notes:draft.html"], options))
    assert isinstance(page, RawDocument)
    (missing,) = list(read_inputs(["C:/nope.html"], options))  # a drive letter is not a URL scheme
    assert missing.message.startswith("[E109] ")


def test_a_jsonl_line_cut_short_is_named_so(tmp_path, options):
    # session 15 review: a truncated line was "not a JSON object (Invalid control character ...)": the line's own
    # newline was parsed as part of the cut string
    path = tmp_path / "pages.jsonl"
    path.write_text('{"url": "https://a.example/1", "html": "<html><body>cut here\n'
                    + json.dumps({"url": "https://a.example/2", "text": "Plain text page."}) + "\n")
    failure, page = _read([path], options)
    assert failure.message.startswith("[E108] not valid JSON (Unterminated string") and page.url == "https://a.example/2"


def test_a_jsonl_file_whose_first_line_is_broken_is_still_read_line_by_line(tmp_path, options):
    # session 15 review: a broken first line made the whole file one HTML page (the sniffer judged by line 1 only)
    path = tmp_path / "pages.jsonl"
    path.write_text('{"url": "https://a.example/1", "html": "<html><body>cut\n'
                    + json.dumps({"url": "https://a.example/2", "html": GOOD_HTML}) + "\n"
                    + json.dumps({"url": "https://a.example/3", "text": "Plain text page."}) + "\n")
    items = _read([path], options)
    assert [type(i).__name__ for i in items] == ["Failure", "RawDocument", "RawDocument"]
    assert items[0].message.startswith("[E108]") and items[1].url == "https://a.example/2"


def test_a_given_date_that_cannot_be_read_is_a_warning_on_the_page(tmp_path, options):
    # session 15 review: "published": "yesterday" was dropped without a word; the page's own date was used instead
    from storytrace.api import analyze

    body = "The council voted on Tuesday to build new cycle lanes across the city centre, officials said."
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"url": "https://x.example/a", "html": f"<html><body><p>{body}</p></body></html>",
                                "published": "yesterday"}) + "\n", encoding="utf-8")
    [page] = analyze([path], options=options.replace(with_stories=False, with_facts=False,
                                                     with_comments=False)).pages
    assert page.published is None
    assert any("'yesterday'" in w and "ISO 8601" in w for w in page.warnings)
