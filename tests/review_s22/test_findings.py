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
