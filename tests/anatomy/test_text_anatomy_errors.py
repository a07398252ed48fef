"""The comment-error breakdown of training/text_anatomy_errors.py sorts pages by where their comment section starts."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from storytrace.anatomy.boundary import BoundaryRanker
from storytrace.anatomy.text import load_line_model

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
from text_anatomy_errors import breakdown, start_kind

B, C, X = "body", "comment", "boilerplate"


@pytest.mark.parametrize("gold,pred,kind", [
    ([B, B, C, C], [B, B, C, C], "exact start"),
    ([B, B, C, C], [B, B, B, C], "late start"),
    ([B, B, C, C], [B, B, B, B], "whole section missed"),
    ([B, B, X, C], [B, C, X, C], "early start"),
    ([B, B, X], [B, B, X], "no comments, none predicted"),
    ([B, B, X], [B, C, X], "no comments, section predicted"),
])
def test_start_kind(gold: list[str], pred: list[str], kind: str) -> None:
    assert start_kind(gold, pred) == kind


def test_ranker_scores_pick_the_chosen_row() -> None:
    rng = np.random.default_rng(3)
    ranker = BoundaryRanker(mean=np.zeros(4), scale=np.ones(4), coef=rng.normal(size=4))
    for _ in range(20):
        x = rng.normal(size=(int(rng.integers(2, 12)), 4))
        assert int(np.argmax(ranker.scores(x))) == ranker.choose(x)


def test_breakdown_counts_a_missed_thread() -> None:
    """A short article followed by an unmistakable comment thread: every count adds up to the page."""
    model = load_line_model()
    lines = ["Council approves new budget for city parks",
             "The city council voted on Tuesday to approve a budget of 4 million dollars for the parks.",
             "The money will pay for new playgrounds, benches and the repair of the old fountain.",
             "lol who cares about parks, fix the roads first!!!",
             "haha agreed, my street has had potholes for 3 years :)"]
    labels = ["headline", B, B, C, C]
    result = breakdown([(lines, labels, [False] * 5)], ["page"], model, {"page": {lines[3].lower()}})
    assert sum(result["pages"].values()) == 1
    assert result["thread pages"] == Counter({"own thread": 1})
    assert result["gap pages"] == Counter({"0": 1})
    assert sum(result["words all"].values()) == 2
    kind = next(iter(result["pages"]))
    lost = sum(result["words lost"].values())
    assert result["lost by kind"][kind] == lost == sum(result["lost position"].values())
