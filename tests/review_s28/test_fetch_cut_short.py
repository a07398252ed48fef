"""Session 28 (harden), review: a server that closes the connection before the Content-Length it announced (a crash,
a proxy's time limit) gave a page of what had arrived, silently: an article cut in the middle, analysed as whole. A
chunked answer cut the same way was already a failure (IncompleteRead); now both are [E200], this one naming the bytes."""

from __future__ import annotations

import http.server
import threading

import pytest

from storytrace.errors import FetchError
from storytrace.ingest.fetch import fetch
from storytrace.settings import Options

PAGE = b"<html><body><article><h1>Dam fails</h1>" + b"<p>Officials said on Monday the dam failed.</p>" * 60


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        whole = self.path == "/whole"
        self.send_header("Content-Length", str(len(PAGE) if whole else 10 * len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)  # then the connection closes

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


OPTIONS = Options(progress=False, allow_private_addresses=True, fetch_timeout=5)


def test_a_download_cut_short_of_its_content_length_is_a_failure_naming_the_bytes(server):
    with pytest.raises(FetchError) as caught:
        fetch(server + "/cut", OPTIONS)
    message = str(caught.value)
    assert caught.value.code == "E200"
    assert f"{len(PAGE)} of the {10 * len(PAGE)} bytes" in message and "try again" in message


def test_a_whole_download_is_still_a_page(server):
    assert fetch(server + "/whole", OPTIONS).data == PAGE
