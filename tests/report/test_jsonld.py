import json

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


HOSTILE = "</script><script>alert(2)</script> & <!-- -->"


@pytest.mark.parametrize("with_story", [False, True])
def test_jsonld_file_escapes_script_breaking_characters_and_parses_back(tmp_path, with_story):
    """dossier.jsonld goes into <script type="application/ld+json">: no raw <, > or & may end or alter the block,
    also in nodes rewritten for isBasedOn; parsed, the text is unchanged."""
    from storytrace.records import Comment
    from storytrace.report import write_dossier

    base = Page(id="a" * 16, source="a", title=HOSTILE, body=[HOSTILE])
    page = Page(id="b" * 16, source="b", title="Rewrite", body=["text"],
                comments=[Comment(id="c1", text=HOSTILE, position=0, author=HOSTILE)])
    stories = [{"relations": [{"type": "rewrite", "page": page.id, "based_on": base.id}]}] if with_story else []
    paths = write_dossier(Dossier(pages=[base, page], stories=stories), tmp_path)
    text = paths["jsonld"].read_text(encoding="utf-8")
    assert not {"<", ">", "&"} & set(text)
    graph = {n["identifier"]: n for n in json.loads(text)["@graph"]}
    assert graph[base.id]["headline"] == HOSTILE and graph[page.id]["comment"][0]["text"] == HOSTILE
    assert ("isBasedOn" in graph[page.id]) == with_story


def test_jsonld_dumps_is_the_same_json_once_parsed():
    from storytrace.report import jsonld_dumps

    data = {"a": HOSTILE, "b": ["<", {"&": ">"}]}
    assert json.loads(jsonld_dumps(data)) == data and not {"<", ">", "&"} & set(jsonld_dumps(data, indent=2))
