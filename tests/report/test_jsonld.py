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


@pytest.mark.parametrize("streamed", [False, True])
def test_jsonld_isBasedOn_names_the_source_url_beside_its_node_id(tmp_path, streamed):
    from storytrace.report import write_dossier

    base = Page(id="a" * 16, source="a.html", title="Original", body=["text"], url="https://news.example/original")
    local = Page(id="c" * 16, source="c.html", title="Local copy", body=["text"], url="file:///tmp/c.html")
    page = Page(id="b" * 16, source="b.html", title="Rewrite", body=["text"], url="https://other.example/rewrite")
    relations = [{"type": "rewrite", "page": page.id, "based_on": base.id},
                 {"type": "copy", "page": page.id, "based_on": local.id}]
    dossier = Dossier(pages=[base, local, page], stories=[{"relations": relations}])
    if streamed:
        graph = json.loads(write_dossier(dossier, tmp_path)["jsonld"].read_text(encoding="utf-8"))["@graph"]
    else:
        graph = dossier_jsonld(dossier)["@graph"]
    [node] = [n for n in graph if n["identifier"] == page.id]
    assert node["isBasedOn"] == [{"@id": "urn:storytrace:page:" + "a" * 16, "url": "https://news.example/original"},
                                 {"@id": "urn:storytrace:page:" + "c" * 16}]  # no web URL: the node id only


@pytest.mark.parametrize(
    ("title", "body", "article_body"),
    [
        ("Emirates orders 40 Dreamliners", ["Emirates orders 40 Dreamliners", "DUBAI - Emirates ordered."],
         "DUBAI - Emirates ordered."),
        ("Emirates orders 40 Dreamliners", ["EMIRATES ORDERS 40 DREAMLINERS!", "DUBAI - Emirates ordered."],
         "DUBAI - Emirates ordered."),
        ("Emirates orders 40 Dreamliners", ["DUBAI - Emirates ordered.", "More."], "DUBAI - Emirates ordered.\n\nMore."),
        ("Emirates orders 40 Dreamliners", ["Emirates orders 40 Dreamliners"], "Emirates orders 40 Dreamliners"),
        (None, ["First.", "Second."], "First.\n\nSecond."),
    ],
)
def test_jsonld_article_body_does_not_start_with_its_own_headline(title, body, article_body):
    [node] = dossier_jsonld(Dossier(pages=[Page(id="a" * 16, source="s", title=title, body=body)]))["@graph"]
    assert node["articleBody"] == article_body
