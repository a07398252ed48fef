"""Fetch one URL, safely. The only module in storytrace that opens a network connection.

Bounded in time (``fetch_timeout``), size (``fetch_max_bytes``) and redirects (``fetch_max_redirects``).
Targets resolving to loopback, private, link-local, multicast or reserved addresses are refused unless
``allow_private_addresses`` is set, and every redirect hop is checked again. Each connection goes to the
addresses that were checked, never to a second lookup of the name (which DNS rebinding could answer with
127.0.0.1); the Host header, SNI and the certificate check still use the URL's host name.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime

from .. import errors
from ..errors import FetchError
from ..records import RawDocument
from ..settings import Options
from .urlcode import percent_encoded

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))  # no duplicates, getaddrinfo's order kept


def check_address(url: str, options: Options, resolve: Resolver = _resolve) -> list[str]:
    """Resolve the host of ``url`` once and return its addresses, the only ones a fetch may connect to.

    Raise FetchError if ``url`` is not http(s), does not resolve, or resolves to an address the options forbid.
    """
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"not a valid URL ({exc}); give an http(s) URL", code=errors.BAD_URL) from exc
    if parts.scheme not in ("http", "https"):
        raise unfetched_scheme(url, parts.scheme)
    if not parts.hostname:
        raise FetchError("no host name in the URL; give an http(s) URL with a host", code=errors.BAD_URL)
    try:
        addresses = resolve(parts.hostname, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise _unresolved(parts.hostname, str(exc)) from exc
    if not addresses:
        raise _unresolved(parts.hostname, "no addresses")
    if not options.allow_private_addresses:
        _refuse_forbidden(parts.hostname, addresses)
    return addresses


def unfetched_scheme(url: str, scheme: str) -> FetchError:
    """The error for a URL that is not http(s): file: names a local file (say to give its path), anything else
    (ftp:, data:, javascript:, mailto:) is not fetched at all."""
    scheme = scheme.lower()
    if scheme == "file":
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path) or "/"
        advice = f"for a local file give its path ({path})"
    else:
        advice = "give the page's http(s) URL, or save the page and give the file"
    named = f"{scheme}: URLs" if scheme else "URLs without a scheme"
    return FetchError(f"only http(s) URLs are fetched, not {named}; {advice}", code=errors.BAD_URL)


def _unresolved(hostname: str, reason: str) -> FetchError:
    message = f"host {hostname!r} does not resolve ({reason}); check its spelling and the network"
    return FetchError(message, code=errors.UNRESOLVED_HOST)


def _refuse_forbidden(hostname: str, addresses: list[str]) -> None:
    for address in addresses:
        given = ipaddress.ip_address(address.split("%")[0])
        ip = _embedded_ipv4(given)
        if not ip.is_global or ip.is_multicast:
            raise FetchError(f"{_refused_target(hostname, given, ip)}; refused (allow with --allow-private-addresses)",
                             code=errors.PRIVATE_ADDRESS)


def _refused_target(hostname: str, given: IPAddress, ip: IPAddress) -> str:
    """What the URL names and what kind of address that is: "[::1] is a loopback address", "::ffff:127.0.0.1 is
    127.0.0.1 inside IPv6, a loopback address", "localhost resolves to 127.0.0.1, a loopback address"."""
    kind = _address_kind(ip)
    inside = f"{ip} inside IPv6, {kind}" if ip != given else kind
    if _ip_literal(hostname) is None:
        return f"{hostname} resolves to {given}" + (f" ({ip} inside IPv6), {kind}" if ip != given else f", {kind}")
    shown = f"[{hostname}]" if ":" in hostname else hostname  # an IPv6 literal as the URL writes it
    return f"{shown} is {inside}"


def _ip_literal(hostname: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(hostname.split("%")[0])
    except ValueError:
        return None


def _address_kind(ip: IPAddress) -> str:
    """The first property that makes ``ip`` refused, with its article ("a loopback address")."""
    kinds = (("is_loopback", "a loopback"), ("is_link_local", "a link-local"), ("is_multicast", "a multicast"),
             ("is_unspecified", "the unspecified"), ("is_reserved", "a reserved"), ("is_private", "a private"))
    return next((f"{name} address" for attr, name in kinds if getattr(ip, attr)), "a non-public address")


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, IPv4-compatible), else ``ip``."""
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip in _NAT64 or (int(ip) >> 32 == 0 and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


_PINNED = "storytrace_checked_addresses"  # the Request attribute holding the addresses it may connect to


def _pin(request: urllib.request.Request, addresses: list[str]) -> urllib.request.Request:
    setattr(request, _PINNED, addresses)
    return request


def _pinned(request: urllib.request.Request) -> list[str]:
    addresses: list[str] | None = getattr(request, _PINNED, None)
    if not addresses:  # fail closed: a request nobody checked is not sent
        raise urllib.error.URLError(f"no checked address for {request.host}")
    return addresses


def _connect_pinned(addresses: list[str], port: int, timeout: float) -> socket.socket:
    """Connect to the first of ``addresses`` that answers, as create_connection does for a host name."""
    for address in addresses[:-1]:
        with contextlib.suppress(OSError):
            return socket.create_connection((address, port), timeout)
    return socket.create_connection((addresses[-1], port), timeout)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, *, addresses: list[str], **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, **kwargs)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = _connect_pinned(self.addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(  # type: ignore[no-untyped-def]
        self, host: str, *, addresses: list[str], context: ssl.SSLContext, **kwargs
    ) -> None:
        super().__init__(host, context=context, **kwargs)
        self.addresses = addresses
        self.tls = context

    def connect(self) -> None:
        self.sock = _connect_pinned(self.addresses, self.port, self.timeout)
        # SNI and certificate verification name the URL's host, not the address connected to
        self.sock = self.tls.wrap_socket(self.sock, server_hostname=self.host)


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(functools.partial(_PinnedHTTPConnection, addresses=_pinned(req)), req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self) -> None:
        super().__init__()
        self.tls = ssl.create_default_context()  # verifies the certificate and the host name

    def https_open(self, req):  # type: ignore[no-untyped-def]
        connection = functools.partial(_PinnedHTTPSConnection, addresses=_pinned(req), context=self.tls)
        return self.do_open(connection, req)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, options: Options, resolve: Resolver) -> None:
        self.options = options
        self.resolve = resolve
        self.max_redirections = options.fetch_max_redirects

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        try:
            addresses = check_address(newurl, self.options, self.resolve)
        except FetchError as exc:  # name the hop: the failure's source is the first URL
            raise FetchError(f"redirected to {newurl}: {exc.args[0]}", code=exc.code) from exc
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        return None if new is None else _pin(new, addresses)

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        """urllib refuses a redirect to a javascript: or data: URL with an HTTPError of the 3xx status, which read
        as "more than 5 redirects": the hop is checked here first, so the failure says where it led."""
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urllib.parse.urljoin(req.full_url, location.strip())
            if urllib.parse.urlsplit(target).scheme.lower() not in ("http", "https"):
                self.redirect_request(req, fp, code, msg, headers, target)  # raises E201 naming the hop
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _read_until(response: http.client.HTTPResponse, limit: int, deadline: float) -> bytes:
    """Read at most ``limit`` bytes, giving up at ``deadline`` (a server trickling bytes is not let hang)."""
    chunks, size = [], 0
    while size < limit:
        chunk = response.read1(min(64 * 1024, limit - size))  # what has arrived, without waiting for more
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise FetchError("still downloading after the total time limit; refused: try again later or raise "
                             "--timeout", code=errors.FETCH_TIMEOUT)
    return b"".join(chunks)


def fetch(url: str, options: Options, *, resolve: Resolver = _resolve) -> RawDocument:
    """Download ``url`` into a RawDocument, or raise FetchError saying why not."""
    addresses = check_address(url, options, resolve)
    # no environment proxies: they would change where the request goes after the address check
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _PinnedHTTPHandler(),
        _PinnedHTTPSHandler(),
        _CheckedRedirects(options, resolve),
    )
    headers = {"User-Agent": options.user_agent, "Accept": "text/html,*/*"}
    wire = wire_url(url)
    request = _pin(urllib.request.Request(wire, headers=headers), addresses)
    try:
        deadline = time.monotonic() + options.fetch_timeout * 4  # the socket timeout is per read, not total
        with opener.open(request, timeout=options.fetch_timeout) as response:
            data = _read_until(response, options.fetch_max_bytes + 1, deadline)
            if len(data) <= options.fetch_max_bytes and response.length:  # closed before its Content-Length
                raise FetchError(f"the connection closed after {len(data)} of the {len(data) + response.length} "
                                 "bytes the server announced: the page is cut short; try again later",
                                 code=errors.FETCH_FAILED)
            final_url = response.geturl()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            message = f"more than {options.fetch_max_redirects} redirects; give the final URL"
            raise FetchError(message, code=errors.TOO_MANY_REDIRECTS) from exc
        message = f"HTTP {exc.code} {exc.reason}; check the URL (the page may be gone or need a login)"
        raise FetchError(message, code=errors.HTTP_STATUS) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):  # a connect timeout comes wrapped
            raise _timed_out(options) from exc
        message = f"cannot connect ({exc.reason}); check the server is up and reachable from here"
        raise FetchError(message, code=errors.CANNOT_CONNECT) from exc
    except TimeoutError as exc:
        raise _timed_out(options) from exc
    except (http.client.InvalidURL, ValueError) as exc:  # a URL http.client cannot send: a failure, not a crash
        raise FetchError(f"not a valid URL ({exc}); give an http(s) URL", code=errors.BAD_URL) from exc
    except (http.client.HTTPException, OSError) as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}; try again later", code=errors.FETCH_FAILED) from exc
    if len(data) > options.fetch_max_bytes:
        limit = options.fetch_max_bytes // (1024 * 1024)
        message = f"larger than the {limit} MB fetch limit; save the page and give the file"
        raise FetchError(message, code=errors.FETCH_TOO_LARGE)
    return RawDocument(
        source=url,
        data=data,
        url=url if final_url == wire else final_url,  # not redirected: the URL as given, not its %-encoding
        declared_encoding=charset,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def wire_url(url: str) -> str:
    """``url`` as it is sent: "https://x.example/новости/дамба?город=Київ" becomes "https://x.example/%D0%BD...";
    the fragment is not sent. http.client sends ASCII only (a non-ASCII URL raised UnicodeEncodeError)."""
    return percent_encoded(urllib.parse.urlsplit(url), fragment=False)


def _timed_out(options: Options) -> FetchError:
    message = f"no answer within {options.fetch_timeout:g} s; try again later or raise --timeout"
    return FetchError(message, code=errors.FETCH_TIMEOUT)
