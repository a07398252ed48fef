"""Session-22 review findings: each test shows a defect seen by using storytrace as a disinformation researcher or
a newsroom trust & safety engineer would (CLI, service, HTML dossier, JSON-LD, exports, store).

Each test fails on main bc9b072 (checked by running this file with PYTHONPATH pointing at an export of it).
"""

from __future__ import annotations

import pytest

# --- 1. the URL written in JSON-LD and the URL sent by fetch were percent-encoded differently -------------------


@pytest.mark.parametrize("url", [
    "https://x.example/a[1]/b c?q=[x]&r=\"y\"",
    "https://x.example/новости/дамба?город=Київ",
    "https://x.example/p|q^r{s}`t?u=%41",
])
def test_jsonld_url_and_fetched_url_are_encoded_alike(url: str) -> None:
    from urllib.parse import urlsplit

    from storytrace.ingest.fetch import wire_url
    from storytrace.report.jsonld import web_url

    written = web_url(url)
    assert written == wire_url(url)
    assert not set(urlsplit(written).path) & set("[]| ^{}`\"<>")  # RFC 3986: none of these in a path


def test_jsonld_url_keeps_its_fragment_encoded() -> None:
    from storytrace.report.jsonld import web_url

    assert web_url("https://x.example/a#sec tion/2?x") == "https://x.example/a#sec%20tion/2?x"


# --- 2. a slow client held a service connection for as long as it liked (slowloris) -----------------------------

def _env() -> dict[str, str]:
    """The environment for a storytrace subprocess, importing the storytrace under test (also from another cwd)."""
    import os
    from pathlib import Path

    import storytrace

    return {**os.environ, "PYTHONPATH": str(Path(storytrace.__file__).resolve().parents[1])}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def slow_service():
    """``storytrace serve --read-timeout 2`` on a free port (stopped after the test)."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "storytrace.cli", "serve", "--port", str(port),
                               "--read-timeout", "2"], env=_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)


def _trickle(port: int, head: bytes, drip: bytes, seconds: float) -> tuple[bytes, float]:
    """Send ``head``, then one byte of ``drip`` every 0.3 s for up to ``seconds``; what the server answered, and
    when it answered or closed."""
    import socket
    import time

    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=0.3) as conn:
        conn.sendall(head)
        for byte in drip:
            if time.monotonic() - start > seconds:
                break
            try:
                conn.sendall(bytes([byte]))
                answer = conn.recv(65536)
                return answer, time.monotonic() - start
            except TimeoutError:
                continue
            except OSError:
                return b"", time.monotonic() - start
    return b"(still open)", time.monotonic() - start


def test_a_client_trickling_its_body_gets_408(slow_service: int) -> None:
    head = (b"POST /analyze HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n"
            b"content-length: 100000\r\n\r\n")
    answer, after = _trickle(slow_service, head, b"x" * 1000, seconds=12)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert after < 6


def test_a_client_trickling_its_headers_is_cut_off(slow_service: int) -> None:
    import urllib.request

    answer, after = _trickle(slow_service, b"GET /health HTTP/1.1\r\n", b"X-Slow: " + b"a" * 1000, seconds=40)
    assert answer == b"" and after < 6  # closed at the header deadline (min(read timeout, 30 s))
    assert urllib.request.urlopen(f"http://127.0.0.1:{slow_service}/health", timeout=5).status == 200


# --- 3. a claim comparison read en and en-GB pages as two languages (relations read them as one) ----------------

def test_compare_reads_en_and_en_gb_as_one_language() -> None:
    from storytrace.embeddings import embed, load_encoder
    from storytrace.records import Page
    from storytrace.stories.compare import compare
    from storytrace.stories.shells import shell_of

    # "40 homes" and "45 cars" count different things: no contradiction between English pages, and a British
    # page is an English page (before: "numbers differ: 40 homes vs 45 cars" against the en-GB copy only)
    body = ["The flood killed 12 people and destroyed 40 homes in the valley on Monday, officials said."]
    changed = [body[0].replace("40 homes", "45 cars")]

    def shell(pid: str, paragraphs: list[str], language: str):
        return shell_of(Page(id=pid * 16, source=f"{pid}.html", title="Flood in the valley", body=paragraphs,
                             language=language))

    encoder = load_encoder()
    vectors = lambda s: embed(encoder, [c.text for c in s.claims])  # noqa: E731
    base = shell("a", body, "en")
    same = compare(base, (o := shell("b", changed, "en")), vectors(base), vectors(o))
    regional = compare(base, (g := shell("c", changed, "en-GB")), vectors(base), vectors(g))
    del same["other"], regional["other"]  # the pages' ids
    assert regional == same
    assert not regional["contradict"]


# --- 4. a sign-in box was read as a reader's comment ------------------------------------------------------------

_DISCUSSION = """<html><body><article><h1>Talks on war and peace</h1><p>{body}</p>
<p class="post-footer"><strong>Posted by the editors</strong> | <a href="/p">Permalink</a> | <a href="/p#comments">1 Comment</a></p></article>
<div class="silverBorderPanel" id="discussion">
  <div class="clearfix"><h3>Discuss this Blog Post</h3>
    <p class="signin signed-out" style="float: right;"><a href="/users/signin">Sign in to add comments</a>
      or <a href="/pages/join">Join (It's free and fast!)</a></p>
  </div>
  <div class="clearfix"></div>
  <div id="commentContainer"><ul id="commentList-30" class="l-0">
    <li class="comment byuser comment-author-someone even thread-even depth-1" id="li-comment-1">
      <div id="comment-1" class="comment has-photo"><img alt="" src="/a.png" class="avatar avatar-50">
        <div class="comment-header"><h4 id="h-1">Pat</h4><ul class="actions"><li></li></ul></div>
        <div id="p-1" class="comment-body"><span class="date">Jul 23 2012</span>
          <span id="t_1"><p>Who pays for the bridges afterwards?</p></span></div>
      </div></li>
  </ul>
  <div class="empty" id="comment-loader"><a name="loader">Showing All  Comment Threads</a></div></div>
  <div class="comments-pagination clearfix"></div>
  <div class="clearfix"><div id="commentAddForm"><div class="signed-in"><p class="signin signed-out">
    <a href="/users/signin">Sign in to add comments</a> or <a href="/pages/join">Join (It's free and fast!)</a></p>
  </div></div></div>
</div></body></html>"""


def test_a_sign_in_box_beside_the_comment_list_is_no_comment() -> None:
    from lxml import html

    from storytrace.anatomy.html_comments import extract_comments

    page = _DISCUSSION.format(body="Eight talks about war and peace, chosen by the editors. " * 5)
    comments = extract_comments(html.fromstring(page), "p")
    assert [(c.author, c.text) for c in comments] == [("Pat", "Who pays for the bridges afterwards?")]


# --- 5. a reporter's bio line became the page's author (JSON-LD with an object @context was not read) ------------

def test_the_author_named_by_a_vocab_context_jsonld_beats_a_bio_line() -> None:
    import json

    from lxml import html

    from storytrace.anatomy.html import page_metadata

    article = {"@context": {"@vocab": "http://schema.org", "articleId": {"@id": "Text", "@type": "@id"}},
               "@type": "NewsArticle", "headline": "Man pleads guilty to threats",
               "author": [{"@type": "Person", "name": "Dana Reyes"}], "datePublished": "2019-11-20T18:00:00Z"}
    page = ("<html><head><title>Man pleads guilty to threats</title>"
            '<script type="application/ld+json">{"@context": "http://schema.org/", "@type": "Organization", '
            '"url": "https://news.example"}</script>'
            f'<script type="application/ld+json">{json.dumps(article)}</script></head><body><article>'
            "<h1>Man pleads guilty to threats</h1><p>" + "A man pleaded guilty on Wednesday to threats. " * 20 +
            '</p><div class="articleByline"><p class="articleByline__bio bio">Dana Reyes is a reporter for the '
            "news desk.</p></div></article></body></html>")
    assert page_metadata(html.fromstring(page), None).author == "Dana Reyes"


# --- 6. a UTF-32 page (with its byte order mark) was read as text: its markup became the article --------------

_UTF32_PAGE = ('<!doctype html><html><head><meta charset="utf-32"><title>Dam closes after cracks</title></head><body>'
               "<article><h1>Dam closes after cracks</h1><p>The city council voted 7 to 2 on Tuesday to close the old "
               "dam after engineers found 14 cracks in its wall.</p></article></body></html>")


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_a_utf32_page_is_read_as_html(tmp_path, codec: str) -> None:
    import codecs

    import storytrace

    data = _UTF32_PAGE.encode(codec) if codec == "utf-32" else codecs.BOM_UTF32_BE + _UTF32_PAGE.encode(codec)
    (path := tmp_path / "page.html").write_bytes(data)
    dossier = storytrace.analyze([str(path)], with_facts=False, with_comments=False, with_stories=False,
                                 progress=False)
    assert not dossier.failures
    [page] = dossier.pages
    assert page.kind == "html" and page.title == "Dam closes after cracks"
    assert not any("<" in paragraph for paragraph in page.body)


# --- 7. a NUL or an escape code in a given author or title reached the page, JSON-LD and exports ---------------

_BODY = ("The city council of Springfield voted 7 to 2 on Tuesday to close the old dam after engineers found 14 "
         "cracks in its wall. Mayor Jane Quimby said repairs would cost $4.5 million.")


def test_a_jsonl_author_and_title_lose_control_characters(tmp_path) -> None:
    import json

    import storytrace

    line = {"url": "https://n.example/a", "text": _BODY, "author": "Eve\u0000Mallory\u001b[31m", "title": "Dam\u0000closes"}
    (path := tmp_path / "pages.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    [page] = storytrace.analyze([str(path)], with_facts=False, with_comments=False, with_stories=False,
                                progress=False).pages
    assert page.author == "Eve Mallory [31m"
    assert page.title in (None, "Dam closes")


def test_a_service_author_loses_control_characters() -> None:
    from fastapi.testclient import TestClient

    from storytrace.resources import Resources
    from storytrace.service import ServiceSettings, create_app
    from storytrace.settings import Options

    with TestClient(create_app(ServiceSettings(options=Options(progress=False)), Resources())) as client:
        answer = client.post("/analyze", json={"pages": [{"html": f"<html><body><p>{_BODY}</p></body></html>",
                                                          "author": "Eve\u0000Mallory", "title": "A\u0007B"}],
                                               "with_facts": False, "with_comments": False})
    assert answer.status_code == 200
    [page] = answer.json()["pages"]
    assert page["author"] == "Eve Mallory"


# --- 8. a redirect to a javascript: or data: URL was reported as "more than 5 redirects" ------------------------

@pytest.fixture()
def redirecting_server():
    """A local server answering every GET with 302 to the Location in its path: /to/<location>."""
    import http.server
    import threading
    from urllib.parse import unquote

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(302)
            self.send_header("Location", unquote(self.path.removeprefix("/to/")))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("location", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_a_redirect_to_a_script_url_says_where_it_led(redirecting_server: str, location: str) -> None:
    from urllib.parse import quote

    from storytrace.errors import FetchError
    from storytrace.ingest.fetch import fetch
    from storytrace.settings import Options

    with pytest.raises(FetchError) as failure:
        fetch(f"{redirecting_server}/to/{quote(location)}", Options(allow_private_addresses=True, fetch_timeout=5))
    assert failure.value.code == "E201"
    assert f"redirected to {location.split(':')[0]}:" in str(failure.value)


# --- 9. a Russian page served with the wrong single-byte charset came out as mis-decoded letters ----------------

_RUSSIAN = ("<html><head><title>Плотина закрыта после обнаружения трещин</title></head><body><p>Городской совет "
            "Спрингфилда проголосовал во вторник за закрытие старой плотины после того, как инженеры обнаружили "
            "четырнадцать трещин в её стене.</p></body></html>")


@pytest.mark.parametrize(("written", "declared"), [("cp1251", "koi8-r"), ("koi8-r", "windows-1251")])
def test_a_page_whose_bytes_contradict_its_declared_code_page_reads_right(written: str, declared: str) -> None:
    from storytrace.ingest.encoding import decode_bytes

    decoded = decode_bytes(_RUSSIAN.encode(written), declared)
    assert "Плотина закрыта" in decoded.text
    assert decoded.warnings and declared.replace("windows-", "cp") in decoded.warnings[0]


def test_a_page_read_right_in_its_declared_code_page_keeps_it() -> None:
    from storytrace.ingest.encoding import decode_bytes

    decoded = decode_bytes(_RUSSIAN.encode("koi8-r"), "koi8-r")
    assert "Плотина закрыта" in decoded.text and decoded.encoding == "koi8-r" and not decoded.warnings


# --- 10. two authors were one schema.org Person named "Rod Nordland; Mayy El Sheikh" ----------------------------

def test_jsonld_gives_each_author_a_person() -> None:
    from storytrace.records import Page
    from storytrace.report.jsonld import page_jsonld

    two = page_jsonld(Page(id="a" * 16, source="a.html", author="Rod Nordland; Mayy El Sheikh", body=["x"]))
    assert two["author"] == [{"@type": "Person", "name": "Rod Nordland"}, {"@type": "Person", "name": "Mayy El Sheikh"}]
    one = page_jsonld(Page(id="b" * 16, source="b.html", author="Smith, John", body=["x"]))
    assert one["author"] == {"@type": "Person", "name": "Smith, John"}


# --- 11. an empty folder given as input was "0 page(s) analysed, 0 input(s) failed", exit 0 ---------------------

@pytest.mark.parametrize("content", ["nothing", "only_system_files"])
def test_an_empty_folder_is_a_failed_input(tmp_path, content: str) -> None:
    from storytrace.cli import main

    folder = tmp_path / "crawl"
    folder.mkdir()
    if content == "only_system_files":
        (folder / ".git").mkdir()
        (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
        (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    status = main(["analyze", str(folder), "--out", str(tmp_path / "out"), "--no-facts", "--no-comments",
                   "--no-stories", "--quiet"])
    assert status == 1  # no input could be analysed: a cron job must not read an empty crawl as a good run
    import json

    [failure] = json.loads((tmp_path / "out" / "dossier.json").read_text())["failures"]
    assert failure["message"].startswith("[E101] empty input: the folder holds no file")


# --- 12. export --out - wrote a file named "-" instead of standard output --------------------------------------

def test_export_to_dash_writes_standard_output(tmp_path) -> None:
    import subprocess
    import sys

    from storytrace.cli import main

    (tmp_path / "page.txt").write_text("Dam closes after cracks\n\n" + _BODY + "\n", encoding="utf-8")
    assert main(["analyze", str(tmp_path / "page.txt"), "--out", str(tmp_path / "out"), "--no-facts",
                 "--no-comments", "--no-stories", "--quiet"]) == 0
    done = subprocess.run([sys.executable, "-m", "storytrace.cli", "export", "--db",
                           str(tmp_path / "out" / "storytrace.sqlite"), "--format", "csv", "--out", "-"],
                          cwd=tmp_path, capture_output=True, text=True, env=_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("id,source,url,") and "page.txt" in done.stdout
    assert not (tmp_path / "-").exists()
    assert "written to standard output" in done.stderr


# --- 13. "analyze -" (a page piped in) failed as "cannot open the file (No such file or directory)" -------------

def test_a_dash_input_says_standard_input_is_not_read(tmp_path, monkeypatch) -> None:
    from storytrace.ingest import read_inputs
    from storytrace.settings import Options

    monkeypatch.chdir(tmp_path)
    [failure] = list(read_inputs(["-"], Options()))
    assert failure.message.startswith("[E109] '-' (standard input) is not read")


def test_a_short_cyrillic_page_served_as_koi8r_reads_as_windows_1251() -> None:
    from storytrace.ingest.encoding import decode_bytes

    page = ("<html><head><title>Плотина закрыта после трещин</title></head><body><p>The city council voted 7 to 2 "
            "on Tuesday to close the old dam.</p></body></html>")
    decoded = decode_bytes(page.encode("cp1251"), "koi8-r")
    assert "Плотина закрыта после трещин" in decoded.text and decoded.encoding == "cp1251"


# --- 14. a tarball of pages (the usual way a crawl is shipped) failed as "binary data; give the page's HTML" -----

@pytest.mark.parametrize(("name", "mode", "expected"), [("pages.tar.gz", "w:gz", "tar archive, not a news page; "
                                                          "unpack it (tar -xf FILE)"),
                                                         ("pages.tar", "w", "tar archive"),
                                                         ("pages.zip", "zip", "ZIP archive, not a news page; unpack it")])
def test_an_archive_of_pages_says_to_unpack_it(tmp_path, name: str, mode: str, expected: str) -> None:
    import tarfile
    import zipfile

    from storytrace.ingest import read_path
    from storytrace.settings import Options

    (page := tmp_path / "page.html").write_text(f"<html><body><p>{_BODY}</p></body></html>", encoding="utf-8")
    if mode == "zip":
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.write(page, "page.html")
    else:
        with tarfile.open(tmp_path / name, mode) as archive:
            archive.add(page, "page.html")
    [failure] = list(read_path(tmp_path / name, Options()))
    assert expected in failure.message
