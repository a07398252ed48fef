"""Hate worded as approval or praise (session 18): approval of a harm done to a group ("love seeing X deported") and
praise for a vice ("X are great... at stealing") are identity attacks; approval of a good thing, a negated approval
and praise for a skill are not. Sentences written for this test, not taken from any probe or eval set."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "so glad to see the refugees finally getting deported",
    "Nothing better than gay people being beaten",
    "love watching the migrants get rounded up",
    "roma are experts at pickpocketing",
    "honestly women are brilliant at one thing: lying",
    "how good immigrants are at living off benefits",
])
def test_approval_of_harm_and_praise_for_a_vice_attack_the_group(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "so glad to see the refugees finally getting jobs",
    "I don't love seeing migrants deported",
    "roma are experts at woodwork",
    "women are brilliant at chess",
    "the muslims at the mosque are great",
])
def test_approval_of_good_things_and_praise_for_skills_do_not(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


def test_the_readings_point_at_the_harm_and_the_vice():
    from storytrace.comments._rules import _approved_harm, _praised_vice

    toks = ["love", "seeing", "arabs", "deported"]
    harms = frozenset(["deported"])
    assert _approved_harm(toks, [False] * 4, 0, 2, 3, 4, harms) == 3
    toks = ["i", "never", "love", "seeing", "arabs", "deported"]
    assert _approved_harm(toks, [False, True] + [False] * 4, 0, 4, 5, 6, harms) == -1
    toks = ["love", "seeing", "gay", "people", "deported"]
    assert _approved_harm(toks, [False] * 5, 0, 2, 4, 5, harms) == 4
    assert _praised_vice(["x", "are", "great", "at", "one", "thing", ":", "stealing"], 0) == -1  # ":" is no token here
    assert _praised_vice(["x", "are", "great", "at", "one", "thing", "stealing"], 0) == 6
    assert _praised_vice(["x", "are", "great", "at", "stealing"], 0) == 4
