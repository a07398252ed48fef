"""Session 25: the relations export carries a comparison's per-side counts, so a spreadsheet adds them up."""

from __future__ import annotations

import pytest

from storytrace.cli import main

BASE_PARTS = ("base_agree", "base_contradict", "base_possible", "base_restates", "base_not_judged", "dropped")
OTHER_PARTS = ("other_agree", "other_contradict", "other_possible", "other_restates", "other_not_judged", "added")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    assert main(["demo", "--out", str(out), "--quiet"]) == 0
    return out / "storytrace.sqlite"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_the_demo_pairs_exported_claim_counts_add_up(demo_store, tmp_path, fmt):
    """The demo's rewrite (15 claims a side) restates claims another took: they were in neither ``added`` /
    ``dropped`` nor any column, so the row did not add up to the page's claims."""
    import pandas as pd

    from storytrace.store import SQLiteStore

    out = tmp_path / f"relations.{fmt}"
    assert main(["export", "--db", str(demo_store), "--table", "relations", "--format", fmt, "--out", str(out)]) == 0
    (row,) = (pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)).to_dict("records")
    with SQLiteStore(demo_store, create=False) as store:
        (story,) = store.stories()
    counts = story["relations"][0]["comparison"]["counts"]
    assert row["restates"] == counts["restates"] > 0
    assert row["base_claims"] == counts["base_claims"] and row["other_claims"] == counts["other_claims"]
    assert row["base_claims"] == sum(row[c] for c in BASE_PARTS)
    assert row["other_claims"] == sum(row[c] for c in OTHER_PARTS)
    assert row["other_restates"] == counts["other_restates"] > 0


def test_claims_of_a_possible_other_event_are_counted_as_not_judged(tmp_path):
    """A comparison withheld as another event (``not_compared``) counts its paired claims as ``*_not_judged``: the
    row says why and still adds up."""
    from storytrace.store import export_stories

    counts = {"agree": 0, "contradict": 0, "possible": 0, "restates": 1, "added": 2, "dropped": 1,
              "base_claims": 5, "other_claims": 6, "base_agree": 0, "base_contradict": 0, "base_possible": 0,
              "base_restates": 0, "base_not_judged": 4, "other_agree": 0, "other_contradict": 0, "other_possible": 0,
              "other_restates": 1, "other_not_judged": 3}
    why = "same topic, maybe another event: published 40 days apart"
    relation = {"type": "independent", "page": "b" * 16, "other": "a" * 16, "maybe_other_event": why,
                "evidence": {"similarity": 0.7, "shingle_jaccard": 0.0},
                "comparison": {"base": "a" * 16, "other": "b" * 16, "not_compared": why, "counts": counts}}
    out = tmp_path / "relations.csv"
    export_stories([{"id": "s0", "pages": [], "relations": [relation]}], out, "csv", table="relations")
    import pandas as pd

    (row,) = pd.read_csv(out).to_dict("records")
    assert row["not_compared"] == why
    assert row["base_claims"] == sum(row[c] for c in BASE_PARTS) == 5
    assert row["other_claims"] == sum(row[c] for c in OTHER_PARTS) == 6


def test_a_relation_stored_before_per_side_counts_leaves_them_empty(tmp_path):
    """A store written before session 24 has no per-side counts: the columns are empty, not a made-up 0."""
    import pandas as pd

    from storytrace.store import export_stories

    relation = {"type": "rewrite", "page": "b" * 16, "based_on": "a" * 16, "evidence": {},
                "comparison": {"counts": {"agree": 2, "contradict": 0, "possible": 0, "added": 1, "dropped": 1}}}
    out = tmp_path / "relations.csv"
    export_stories([{"id": "s0", "pages": [], "relations": [relation]}], out, "csv", table="relations")
    (row,) = pd.read_csv(out).to_dict("records")
    assert row["agree"] == 2 and pd.isna(row["base_claims"]) and pd.isna(row["base_not_judged"])


def test_an_untitled_page_of_a_relation_is_named_by_its_source(demo_store, tmp_path):
    """The demo's article has no title and no site: its relation row named it by content hash only. The sources
    (file or URL) of both pages name them readably."""
    import pandas as pd

    out = tmp_path / "relations.csv"
    assert main(["export", "--db", str(demo_store), "--table", "relations", "--format", "csv", "--out", str(out)]) == 0
    (row,) = pd.read_csv(out).to_dict("records")
    assert pd.isna(row["based_on_title"]) and pd.isna(row["based_on_site"])
    assert row["based_on_source"].rsplit("/", 1)[-1].startswith("000")
    assert row["page_source"].rsplit("/", 1)[-1].startswith("003")
    assert list(pd.read_csv(out).columns)[-2:] == ["page_source", "based_on_source"]


def test_the_relations_jsonl_names_both_pages_as_the_csv_does(demo_store, tmp_path):
    """The relations JSONL held the two pages' content hashes only; the CSV names them by title, site and source."""
    import json

    import pandas as pd

    names = ("page_title", "page_site", "page_source", "based_on_title", "based_on_site", "based_on_source")
    rows = {}
    for fmt in ("csv", "jsonl"):
        out = tmp_path / f"relations.{fmt}"
        assert main(["export", "--db", str(demo_store), "--table", "relations", "--format", fmt, "--out", str(out)]) == 0
        rows[fmt] = pd.read_csv(out).to_dict("records")[0] if fmt == "csv" else json.loads(out.read_text())
    for name in names:
        csv_value = rows["csv"][name]
        assert rows["jsonl"][name] == (None if pd.isna(csv_value) else csv_value), name
    assert rows["jsonl"]["page_title"].startswith("North Korean government") and rows["jsonl"]["comparison"]["counts"]
