import json

import pytest

from storytrace.records import Comment, Dossier, Failure, Page, Reference
from storytrace.report import dossier_jsonld, render_dossier, write_dossier
from storytrace.schema import validate_dossier

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>\'"&'


def _evil_dossier():
    page = Page(
        id="0123456789abcdef", source=f"file:///{EVIL}", url=f"https://e.example/{EVIL}", title=EVIL,
        headline_variants=[EVIL], body=[EVIL, "plain"], boilerplate=[EVIL],
        references=[Reference(marker=EVIL, text=EVIL)],
        comments=[Comment(id=EVIL, text=EVIL, position=0, author=EVIL, parent_id=EVIL, flags=[EVIL],
                          scores={EVIL: 0.9}, targets=[EVIL], decoded=[{"span": EVIL, "start": 0, "end": 1, "decoded": EVIL, "kind": EVIL}])],
        errors=[EVIL], author=EVIL, site=EVIL, published=EVIL, language=EVIL,
        facts={"entities": [{"id": "e0", "name": EVIL, "label": EVIL, "confidence": 0.5, "mentions": [],
                             "place": {"name": EVIL, "feature": EVIL, "country": EVIL}}],
               "claims": [{"id": "c0", "text": EVIL, "span": {"paragraph": 0, "start": 0, "end": 1, "text": EVIL},
                           "subject": EVIL, "predicate": EVIL, "object": EVIL, "modality": "reported",
                           "attribution": EVIL}],
               "notes": [EVIL]},
        thread={EVIL: EVIL},
    )
    return Dossier(pages=[page], failures=[Failure(EVIL, EVIL, EVIL, EVIL)], coordination=[{EVIL: EVIL}])


def test_html_escapes_every_page_and_comment_value():
    out = render_dossier(_evil_dossier())
    assert "<script" not in out.lower()
    assert "<img" not in out.lower()
    # every occurrence is the escaped form
    assert out.count("&lt;script&gt;") >= 15
    assert "Content-Security-Policy" in out and "script-src 'none'" in out


@pytest.mark.parametrize("needle", ["<script>", "<img src=x", "\"x\")"])
def test_html_contains_no_raw_hostile_fragment(needle):
    assert needle not in render_dossier(_evil_dossier())


def test_write_dossier_writes_every_file_and_they_validate(tmp_path):
    dossier = _evil_dossier()
    dossier.pages[0].language = "en"
    paths = write_dossier(dossier, tmp_path)
    data = json.loads(paths["dossier"].read_text())
    validate_dossier(data)
    assert json.loads((tmp_path / "pages" / "0123456789abcdef.json").read_text())["title"] == EVIL
    graph = json.loads(paths["jsonld"].read_text())["@graph"]
    assert graph[0]["@type"] == "NewsArticle" and graph[0]["comment"][0]["@type"] == "Comment"


def test_jsonld_rewrite_points_to_its_source_with_isBasedOn():
    a = Page(id="a" * 16, source="a", title="Original")
    b = Page(id="b" * 16, source="b", title="Rewrite")
    dossier = Dossier(pages=[a, b], stories=[{"relations": [{"type": "rewrite", "page": b.id, "based_on": a.id}]}])
    graph = {n["identifier"]: n for n in dossier_jsonld(dossier)["@graph"]}
    assert graph[b.id]["isBasedOn"] == [f"urn:storytrace:page:{a.id}"]
    assert "isBasedOn" not in graph[a.id]
