"""The stories stage in the pipeline: the seed pages end to end, the streaming CLI, the off switch, failures,
and hostile text in the HTML report."""

import json

import pytest

import storytrace
from storytrace.cli import main
from storytrace.pipeline import finish, tell_stories
from storytrace.records import Dossier
from storytrace.report import dossier_jsonld, render_dossier
from storytrace.resources import Resources
from storytrace.schema import validate_dossier
from storytrace.settings import Options
from storytrace.stories import find_stories

from .conftest import page, shell

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>\'"&'


@pytest.fixture(scope="module")
def seed_dossier():
    from storytrace.api import demo_corpus

    return storytrace.analyze(demo_corpus(), with_comments=False, progress=False, strict=True)


def _by_prefix(dossier):
    return {p.source.rsplit("/", 1)[-1][:3]: p for p in dossier.pages}


def test_seed_pages_form_one_story_with_the_rewrite_based_on_the_article(seed_dossier):
    pages = _by_prefix(seed_dossier)
    (story,) = seed_dossier.stories
    assert {p["id"] for p in story["pages"]} == {pages["000"].id, pages["003"].id}
    (relation,) = story["relations"]
    assert (relation["type"], relation["page"], relation["based_on"]) == ("rewrite", pages["003"].id, pages["000"].id)
    validate_dossier(json.loads(json.dumps(seed_dossier.as_dict())))
    graph = {n["identifier"]: n for n in dossier_jsonld(seed_dossier)["@graph"]}
    assert [ref["@id"] for ref in graph[pages["003"].id]["isBasedOn"]] == [f"urn:storytrace:page:{pages['000'].id}"]


def test_seed_total_reconciled_and_military_versus_civilian_found(seed_dossier):
    comparison = seed_dossier.stories[0]["relations"][0]["comparison"]
    sums = [q for q in comparison["quantities"] if q["relation"] == "sum" and q["value"] == 6000]
    assert sums and all(len(q["base"]) == 2 for q in sums)  # 1,000 + 5,000 in the article = 6,000 in the rewrite
    civilians = next(q for q in sums if "civilians" in q["other"][0])
    assert civilians["verdict"] == "contradict" and "military vs civilian" in civilians["reason"]
    assert any("military vs civilian" in r for c in comparison["contradict"] for r in c["reasons"])
    assert comparison["agree"] and comparison["added"] and comparison["dropped"]


def test_the_same_method_on_other_pages_without_facts():
    # no facts stage: claims are sentences, numbers found by pattern; German pages, not the seeds
    a = page("a", "Hilfe für Kursk", "Nordkorea schickt 1.000 Pioniere und 5.000 Bausoldaten in die Region Kursk.",
             language="de")
    b = page("b", "Kursk bekommt Hilfe", "Nordkorea schickt 6.000 Helfer in die Region Kursk.", language="de")
    dossier = finish([a, b], Options(with_facts=False, with_comments=False, progress=False, strict=True))
    (story,) = dossier.stories
    quantities = story["relations"][0]["comparison"]["quantities"]
    assert any(q["relation"] == "sum" and q["value"] == 6000 for q in quantities)


def test_stage_off_leaves_no_stories():
    pages = [page("a", "Same title here", "Same body text about the flood in the city."),
             page("b", "Same title here", "Same body text about the flood in the city.")]
    assert finish(pages, Options(with_stories=False, with_comments=False, progress=False)).stories == []


class _BrokenEncoder:
    def encode(self, texts):
        raise RuntimeError("encoder exploded")


def test_a_failing_stage_is_recorded_and_the_batch_goes_on():
    pages = [page("a", "T one", "Body one about things."), page("b", "T two", "Body two about things.")]
    resources = Resources(overrides={"sentence_encoder": _BrokenEncoder()})
    dossier = finish(pages, Options(with_comments=False, progress=False), resources)
    assert len(dossier.pages) == 2 and dossier.stories == []
    (failure,) = dossier.failures
    assert (failure.stage, failure.error) == ("stories", "RuntimeError")
    with pytest.raises(RuntimeError):
        tell_stories([shell("a", "x", "y z w"), shell("b", "x", "y z w")], Options(strict=True), [], resources)


def test_streaming_cli_writes_stories_and_isBasedOn(tmp_path):
    (tmp_path / "in").mkdir()
    text = ("Floods force 3,000 people from their homes in Valencia\n\n{date}\n\nHeavy rain flooded the Spanish city "
            "of Valencia on Tuesday, forcing 3,000 residents to leave their homes, officials said.\n")
    # dated: JSON-LD names a copy's source only when something tells which came first (not input order alone)
    (tmp_path / "in" / "a.txt").write_text(text.format(date="March 5, 2024") + "\nShare this article\n")
    (tmp_path / "in" / "b.txt").write_text(text.format(date="March 4, 2024"))
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "in"), "--out", str(out), "--quiet", "--no-facts", "--no-comments"]) == 0
    dossier = json.loads((out / "dossier.json").read_text())
    validate_dossier(dossier)
    (story,) = dossier["stories"]
    (relation,) = story["relations"]
    assert relation["type"] == "copy" and relation["direction"] == "date"
    graph = json.loads((out / "dossier.jsonld").read_text())["@graph"]
    assert [n["identifier"] for n in graph if "isBasedOn" in n] == [relation["page"]]
    assert "Stories" in (out / "index.html").read_text()


def test_hostile_story_text_is_escaped_in_the_html(encoder):
    pages = [shell("a", EVIL + " floods Valencia", f"{EVIL} 1,000 soldiers and 5,000 sappers came. {EVIL}"),
             shell("b", EVIL + " floods Valencia", f"{EVIL} 6,000 civilians came. {EVIL}")]
    stories = find_stories(pages, encoder=encoder)
    assert stories
    stories[0]["title"] = EVIL
    stories[0]["pages"][0]["site"] = EVIL
    stories[0]["relations"][0]["direction"] = EVIL
    out = render_dossier(Dossier(stories=stories))
    assert "<script" not in out.lower() and "<img" not in out.lower()
    assert "&lt;script&gt;" in out


@pytest.mark.parametrize("relation", [
    {"type": "rewrite", "page": "a"},  # a rewrite names its source
    {"type": "paraphrase", "page": "a", "other": "b"},
    {"type": "independent", "page": "a"},
])
def test_schema_rejects_broken_story_relations(relation):
    import jsonschema

    story = {"id": "s", "pages": [{"id": "a"}, {"id": "b"}], "relations": [relation]}
    with pytest.raises(jsonschema.ValidationError):
        validate_dossier(Dossier(stories=[story]).as_dict())


def test_a_claim_whose_numbers_contradict_is_not_also_added(seed_dossier):
    # session-23 review: 003's headline was both the contradiction (6000 civilians) and one of the "added" claims,
    # so 003's side counted 16 of its 15 claims
    comparison = seed_dossier.stories[0]["relations"][0]["comparison"]
    told = {e["other"] for e in comparison["contradict"]}
    assert not told & set(comparison["added"])
    counts = comparison["counts"]
    assert counts["agree"] + counts["contradict"] + counts["possible"] + counts["added"] <= counts["other_claims"]
