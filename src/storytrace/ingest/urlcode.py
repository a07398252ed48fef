"""One percent-encoding for URLs, used where a URL is sent (fetch) and where it is written out (JSON-LD)."""

from __future__ import annotations

from urllib.parse import SplitResult, quote, urlunsplit

# what may stay as it is in a path (RFC 3986 pchar and "/", and "%" of escapes already there: no double encoding);
# anything else (a space, quotes, <>, [], non-ASCII letters) is UTF-8 percent-encoded, as a browser sends it
PATH_SAFE = "/%:@!$&'()*+,;=-._~"
QUERY_SAFE = PATH_SAFE + "?"  # a query or fragment may also hold "?"


def percent_encoded(parts: SplitResult, *, netloc: str | None = None, fragment: bool = True) -> str:
    """``parts`` as one URL whose path, query and fragment hold only what RFC 3986 lets them hold. ``netloc``
    replaces the given one (an IDNA host); ``fragment=False`` drops it (it is not sent to the server)."""
    return urlunsplit((parts.scheme, parts.netloc if netloc is None else netloc, quote(parts.path, safe=PATH_SAFE),
                       quote(parts.query, safe=QUERY_SAFE), quote(parts.fragment, safe=QUERY_SAFE) if fragment else ""))
