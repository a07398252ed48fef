"""End to end: `storytrace demo` on the shipped seed pages, through the CLI, validated against the schema."""

import json

import pytest

from storytrace.cli import main
from storytrace.schema import validate_dossier, validate_page


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    assert main(["demo", "--out", str(out), "--quiet"]) == 0
    return out


def test_demo_writes_valid_dossier_and_page_files(demo_run):
    dossier = json.loads((demo_run / "dossier.json").read_text())
    validate_dossier(dossier)
    assert len(dossier["pages"]) == 2 and dossier["failures"] == [] and len(dossier["stories"]) == 1
    for page in dossier["pages"]:
        validate_page(json.loads((demo_run / "pages" / f"{page['id']}.json").read_text()))
    assert (demo_run / "index.html").read_text().startswith("<!doctype html>")
    assert json.loads((demo_run / "dossier.jsonld").read_text())["@graph"][0]["@type"] == "NewsArticle"


def test_demo_finds_the_parts_of_both_seed_pages(demo_run):
    pages = {p["source"].rsplit("/", 1)[-1][:3]: p for p in json.loads((demo_run / "dossier.json").read_text())["pages"]}
    article, rewrite = pages["000"], pages["003"]
    assert (len(article["body"]), len(article["comments"]), article["title"]) == (6, 27, None)
    assert article["comments"][0]["text"].startswith("that’s what i call real loyalty")
    assert rewrite["title"].startswith("North Korean government dispatches 6000 civilians")
    assert len(rewrite["headline_variants"]) == 3 and len(rewrite["body"]) == 6
    assert [r["marker"] for r in rewrite["references"]] == ["1", "2", "3"]
    assert rewrite["boilerplate"] == ["Skip to content", "Read also:", "Latest"]
    assert rewrite["comments"] == []


def test_demo_rerun_adds_no_duplicates(demo_run):
    from storytrace.store import SQLiteStore

    assert main(["demo", "--out", str(demo_run), "--quiet", "--no-facts", "--no-comments"]) == 0
    with SQLiteStore(demo_run / "storytrace.sqlite") as store:
        assert store.counts() == {"pages": 2, "analysed": 2, "failed": 0}


def test_demo_json_flag_prints_the_dossier(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path), "--quiet", "--json", "--no-facts", "--no-comments"]) == 0
    validate_dossier(json.loads(capsys.readouterr().out))
