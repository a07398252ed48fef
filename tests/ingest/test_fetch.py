import http.server
import threading
import time

import pytest

from storytrace.errors import FetchError
from storytrace.ingest import read_inputs
from storytrace.ingest.fetch import check_address, fetch
from storytrace.records import Failure
from tests.conftest import GOOD_HTML, warc_bytes


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):  # a byte every 0.1 s: no single read times out
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
            return
        if self.path == "/crawl.warc.gz":
            body = warc_bytes([("https://example.com/a", GOOD_HTML), ("https://example.com/b", GOOD_HTML)])
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/big":
            body = b"<p>" + b"x" * 5000 + b"</p>"
        else:
            body = GOOD_HTML.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_refuses_loopback_by_default(server, options):
    (item,) = list(read_inputs([server + "/page"], options))
    assert isinstance(item, Failure)
    assert "127.0.0.1" in item.message and "refused" in item.message


def test_fetch_reads_a_page_when_private_addresses_are_allowed(server, options):
    raw = fetch(server + "/page", options.replace(allow_private_addresses=True))
    assert raw.data == GOOD_HTML.encode() and raw.declared_encoding == "utf-8" and raw.fetched_at


def test_fetch_url_input_becomes_an_html_page(server, options):
    (item,) = list(read_inputs([server + "/page"], options.replace(allow_private_addresses=True)))
    assert item.kind == "html" and item.url == server + "/page" and item.data == GOOD_HTML.encode()


def test_fetch_closed_port_is_a_clear_failure(options):
    (item,) = list(read_inputs(["http://127.0.0.1:9/"], options.replace(allow_private_addresses=True)))
    assert isinstance(item, Failure) and "cannot connect" in item.message


def test_fetch_redirects_are_bounded(server, options):
    with pytest.raises(FetchError, match="redirect"):
        fetch(server + "/loop", options.replace(allow_private_addresses=True, fetch_max_redirects=3))


def test_fetch_size_is_capped(server, options):
    with pytest.raises(FetchError, match="fetch limit"):
        fetch(server + "/big", options.replace(allow_private_addresses=True, fetch_max_bytes=1000))


@pytest.mark.parametrize(
    ("url", "addresses", "refused"),
    [
        ("http://news.example/", ["93.184.216.34"], False),
        ("http://evil.example/", ["10.0.0.8"], True),
        ("http://evil.example/", ["169.254.169.254"], True),  # cloud metadata, link-local
        ("http://evil.example/", ["93.184.216.34", "127.0.0.1"], True),  # any bad address refuses
        ("http://v6.example/", ["::1"], True),
        ("http://v6.example/", ["64:ff9b::7f00:1"], True),  # NAT64 of 127.0.0.1
        ("http://v6.example/", ["2002:7f00:1::"], True),  # 6to4 of 127.0.0.1
        ("http://v6.example/", ["::127.0.0.1"], True),  # IPv4-compatible
        ("http://v6.example/", ["::ffff:10.0.0.1"], True),  # IPv4-mapped
        ("http://v6.example/", ["2606:2800:220:1:248:1893:25c8:1946"], False),
        ("ftp://news.example/", ["93.184.216.34"], True),
    ],
)
def test_fetch_check_address_uses_every_resolved_address(options, url, addresses, refused):
    def resolve(host, port):
        return addresses

    if refused:
        with pytest.raises(FetchError):
            check_address(url, options, resolve)
    else:
        check_address(url, options, resolve)


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/", "http://example.com:abc/"])
def test_fetch_malformed_url_is_a_failure(options, url):
    (item,) = list(read_inputs([url], options))
    assert isinstance(item, Failure) and "not a valid URL" in item.message


def test_fetch_a_trickling_server_hits_the_total_time_limit(server, options):
    started = time.monotonic()
    with pytest.raises(FetchError, match="total time limit"):
        fetch(server + "/slow", options.replace(allow_private_addresses=True, fetch_timeout=0.25))
    assert time.monotonic() - started < 3


def test_fetch_a_fetched_warc_is_read_record_by_record(server, options):
    items = list(read_inputs([server + "/crawl.warc.gz"], options.replace(allow_private_addresses=True)))
    assert [i.url for i in items] == ["https://example.com/a", "https://example.com/b"]
