import pytest

from storytrace.records import Dossier, Page
from storytrace.report import dossier_jsonld


@pytest.mark.parametrize(("url", "kept"), [
    ("https://news.example/a?id=1", True),
    ("HTTP://news.example/a", True),
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("file:///etc/passwd", False),
    ("http://[bad", False),
    ("//news.example/a", False),
    ("request#0", False),
])
def test_jsonld_url_holds_only_http_urls_and_drops_the_rest(url, kept):
    """Only http(s) URLs with a host go into the url field; anything else is dropped, not passed through."""
    [node] = dossier_jsonld(Dossier(pages=[Page(id="a" * 16, source="s", url=url)]))["@graph"]
    assert node.get("url") == (url if kept else None)
    assert node["@id"] == "urn:storytrace:page:" + "a" * 16
