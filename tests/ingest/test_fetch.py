import http.server
import socket
import ssl
import threading
import time
import urllib.parse

import pytest

from storytrace.errors import FetchError
from storytrace.ingest import fetch as fetch_module
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
        if self.path.startswith("/go?"):  # redirect to the URL in the query
            self.send_response(302)
            self.send_header("Location", urllib.parse.unquote(self.path[4:]))
            self.end_headers()
            return
        if self.path.startswith("/status/"):  # answer with the status in the path
            self.send_error(int(self.path.rsplit("/", 1)[1]))
            return
        if self.path == "/host":  # echo the Host header
            body = self.headers["Host"].encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
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
        if self.path == "/article.html.gz":  # a gzipped page served as a file
            import gzip

            body = gzip.compress(GOOD_HTML.encode("utf-8"))
            self.send_response(200)
            self.send_header("Content-Type", "application/gzip")
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



PUBLIC, PUBLIC_2 = "93.184.216.34", "93.184.216.35"  # never really connected to: see `connections`


@pytest.fixture
def connections(server, monkeypatch):
    """Record every TCP connect; PUBLIC is routed to the local test server, anything else is refused."""
    real_connect, local_port = socket.create_connection, int(server.rsplit(":", 1)[1])
    targets = []

    def connect(address, timeout=None, *args, **kwargs):
        targets.append(address)
        if address[0] == PUBLIC:
            return real_connect(("127.0.0.1", local_port), timeout)
        raise ConnectionRefusedError(f"test: no connection to {address}")

    monkeypatch.setattr(socket, "create_connection", connect)
    return targets


def rebinding(answers):
    """A resolver: the first lookup of a host gets ``answers[host]``, every later one 127.0.0.1."""
    seen = []

    def resolve(host, port):
        seen.append(host)
        return [answers[host]] if seen.count(host) == 1 else ["127.0.0.1"]

    resolve.seen = seen
    return resolve


def test_fetch_connects_to_the_checked_address_not_a_second_lookup(server, options, connections):
    port = int(server.rsplit(":", 1)[1])
    resolve = rebinding({"localhost": PUBLIC_2})  # a second lookup of localhost would reach the test server
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(f"http://localhost:{port}/page", options, resolve=resolve)
    assert connections == [(PUBLIC_2, port)]
    assert resolve.seen == ["localhost"]


def test_fetch_keeps_the_url_host_in_the_host_header(options, connections):
    raw = fetch("http://news.example/host", options, resolve=lambda host, port: [PUBLIC])
    assert raw.data == b"news.example" and connections == [(PUBLIC, 80)]


def test_fetch_with_private_addresses_allowed_connects_to_the_resolved_address(server, options):
    port = server.rsplit(":", 1)[1]
    raw = fetch(
        f"http://pinned.example:{port}/host",  # a name only the injected resolver knows
        options.replace(allow_private_addresses=True),
        resolve=lambda host, port: ["127.0.0.1"],
    )
    assert raw.data == f"pinned.example:{port}".encode()


def test_fetch_redirect_hop_connects_to_its_checked_address(options, connections):
    resolve = rebinding({"news.example": PUBLIC, "hop.example": PUBLIC_2})
    hop = urllib.parse.quote("http://hop.example/page", safe="")
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(f"http://news.example/go?{hop}", options, resolve=resolve)
    assert connections == [(PUBLIC, 80), (PUBLIC_2, 80)]
    assert resolve.seen == ["news.example", "hop.example"]


def test_fetch_redirect_to_a_loopback_address_is_refused(options, connections):
    hop = urllib.parse.quote("http://hop.example/page", safe="")
    resolved = {"news.example": [PUBLIC], "hop.example": ["127.0.0.1"]}
    with pytest.raises(FetchError, match="refused"):
        fetch(f"http://news.example/go?{hop}", options, resolve=lambda host, port: resolved[host])
    assert connections == [(PUBLIC, 80)]


def test_fetch_https_verifies_the_url_host_on_the_pinned_connection(options, connections, monkeypatch):
    seen, real_context = [], ssl.create_default_context

    def context():
        tls = real_context()

        def wrap_socket(sock, server_hostname=None, **kwargs):
            seen.append((server_hostname, tls.check_hostname, tls.verify_mode))
            raise ssl.SSLCertVerificationError("test: stopped before the handshake")

        tls.wrap_socket = wrap_socket
        return tls

    monkeypatch.setattr(fetch_module.ssl, "create_default_context", context)
    with pytest.raises(FetchError, match="cannot connect"):
        fetch("https://news.example/", options, resolve=lambda host, port: [PUBLIC])
    assert connections == [(PUBLIC, 443)]
    assert seen == [("news.example", True, ssl.CERT_REQUIRED)]


def _failure_for(url, options):
    (item,) = list(read_inputs([url], options))
    assert isinstance(item, Failure)
    return item


def test_fetch_failures_carry_a_code_per_kind_and_not_the_url(server, options):
    allowed = options.replace(allow_private_addresses=True)
    cases = [
        (server + "/page", options, "E203"),  # loopback, refused
        ("http://[::1", options, "E201"),  # not a valid URL
        ("http://127.0.0.1:9/", allowed, "E204"),  # closed port
        (server + "/status/404", allowed, "E206"),
    ]
    for url, opts, code in cases:
        item = _failure_for(url, opts)
        assert item.message.startswith(f"[{code}] "), (url, item.message)
        assert url not in item.message, item.message


def test_fetch_timeouts_redirects_and_size_have_their_own_codes(server, options):
    allowed = options.replace(allow_private_addresses=True)
    for url, opts, code in [
        (server + "/slow", allowed.replace(fetch_timeout=0.25), "E205"),
        (server + "/loop", allowed.replace(fetch_max_redirects=3), "E207"),
        (server + "/big", allowed.replace(fetch_max_bytes=1000), "E208"),
    ]:
        with pytest.raises(FetchError) as caught:
            fetch(url, opts)
        assert caught.value.code == code and url not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "addresses", "expected"),
    [
        ("http://127.0.0.1:9/", ["127.0.0.1"], "127.0.0.1 is a loopback address; refused"),
        ("http://[::1]:9/", ["::1"], "[::1] is a loopback address; refused"),
        ("http://[::ffff:127.0.0.1]/", ["::ffff:127.0.0.1"], "is 127.0.0.1 inside IPv6, a loopback address; refused"),
        ("http://10.1.2.3/", ["10.1.2.3"], "10.1.2.3 is a private address; refused"),
        ("http://169.254.169.254/", ["169.254.169.254"], "169.254.169.254 is a link-local address; refused"),
        ("http://localhost/", ["127.0.0.1"], "localhost resolves to 127.0.0.1, a loopback address; refused"),
        ("http://evil.example/", ["::ffff:10.0.0.1"], "(10.0.0.1 inside IPv6), a private address; refused"),
    ],
)
def test_fetch_refusal_says_what_a_literal_address_is(options, url, addresses, expected):
    # a literal IP does not "resolve to" itself: the message names what kind of address it is
    with pytest.raises(FetchError) as caught:
        check_address(url, options, lambda host, port: addresses)
    message = str(caught.value)
    assert message.startswith("[E203] ") and expected in message, message
    assert "127.0.0.1 resolves to 127.0.0.1" not in message and "::1 resolves" not in message


def test_fetch_a_gzipped_page_keeps_the_fetched_url(server, options):
    # session 15 review: a fetched .html.gz lost its URL (the page id then hashed the bytes alone, and the page's
    # canonical link became its url)
    url = server + "/article.html.gz"
    (item,) = list(read_inputs([url], options.replace(allow_private_addresses=True)))
    assert item.kind == "html" and item.url == url and item.fetched_at
