"""Claim accounting a reader can add up (session-24 fact-checker's review of the demo, 003 against 000): each
compared claim is counted once per side, the counts add up to ``base_claims`` / ``other_claims``, and "claims with
a counterpart in the other page" (the relation's ``aligned_claims``) is the same count as the listed entries."""

from __future__ import annotations

import pytest

import storytrace
from storytrace.stories.compare import flip
from storytrace.stories.story import _ClaimVectors, _relate

from .conftest import compare_shells, shell
from .test_two_events import CHILE, PERU

TALLIED = ("agree", "contradict", "possible", "restates")


@pytest.fixture(scope="module")
def seed_relation():
    from storytrace.api import demo_corpus

    dossier = storytrace.analyze(demo_corpus(), with_comments=False, progress=False, strict=True)
    (story,) = dossier.stories
    (relation,) = story["relations"]
    return relation


def _adds_up(comparison: dict) -> None:
    counts = comparison["counts"]
    for side, unpaired in (("base", "dropped"), ("other", "added")):
        per_side = sum(counts[f"{side}_{bucket}"] for bucket in TALLIED) + counts.get(f"{side}_not_judged", 0)
        assert per_side + counts[unpaired] == counts[f"{side}_claims"], side
        assert counts[f"{side}_restated"] == counts[f"{side}_claims"] - counts[unpaired]
    assert counts["restates"] == len(comparison["restates"])


def test_every_claim_of_each_seed_page_is_counted_once(seed_relation):
    comparison = seed_relation["comparison"]
    _adds_up(comparison)
    _adds_up(flip(comparison))
    listed_other = ([e["other"] for key in ("agree", "contradict", "possible") for e in comparison[key]
                     if "other" not in e.get("counted_in", {})]
                    + [e["other"] for e in comparison["restates"] if e["side"] == "other"] + comparison["added"])
    assert len(listed_other) == len(set(listed_other)) == comparison["counts"]["other_claims"]


def test_a_claim_that_agrees_with_one_claim_and_contradicts_another_says_so(seed_relation):
    comparison = seed_relation["comparison"]
    (told,) = comparison["contradict"]
    assert "1,000 sappers" in told["base"] and "6000 civilians" in told["other"]
    (also,) = [e for e in comparison["agree"] if e["base"] == told["base"]]  # "Get ready to see ... 6,000 workers"
    assert also["counted_in"] == {"base": "contradict"}
    assert "6,000 workers" in also["other"]


def test_the_relations_counterpart_share_is_the_listed_entries(seed_relation):
    comparison, evidence = seed_relation["comparison"], seed_relation["evidence"]
    counts = comparison["counts"]
    with_counterpart = sum(counts[f"other_{bucket}"] for bucket in TALLIED)  # 003 is the derived page
    assert evidence["aligned_claims"] == round(with_counterpart / counts["other_claims"], 3)
    assert not {e["other"] for e in comparison["restates"]} & set(comparison["added"])


def test_a_sentence_split_in_two_restates_rather_than_adds(encoder):
    base = shell("a", "Flood closes bridge in Tarnow",
                 "The river flooded the old town of Tarnow on Monday and closed the main bridge for a week.",
                 "The mayor asked residents to stay at home.")
    other = shell("b", "Flood closes bridge in Tarnow",
                  "The river flooded the old town of Tarnow on Monday.",
                  "The river flood closed the main bridge of Tarnow for a week.",
                  "The mayor asked residents to stay at home.")
    comparison = compare_shells(encoder, base, other)
    _adds_up(comparison)
    assert comparison["added"] == []
    (restating,) = comparison["restates"]
    assert restating["side"] == "other" and "Tarnow" in restating["base"]


def test_withheld_verdicts_still_count_every_claim(encoder):
    chile, peru = shell("a", *CHILE, published="2021-03-01"), shell("b", *PERU, published="2021-07-15")
    comparison = _relate(chile, peru, 0.8, _ClaimVectors(encoder))["comparison"]
    assert comparison["not_compared"]
    _adds_up(comparison)
