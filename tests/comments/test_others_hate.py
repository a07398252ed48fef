"""Hate the comment names rather than holds (session 18): a hate verb in a relative clause ("people who hate X") or
a gerund after a preposition ("nothing good comes from hating X") is not the commenter's; a harm under a negated
wish ("i don't want any of those X deported") is not wished. The commenter's own hate still counts. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "I can't stand people who hate trans people",
    "i despise anyone that attacks muslims",
    "anyone who despises immigrants should read some history",
    "there is no point in hating jews, it makes you small",
    "please stop hating refugees, they are fleeing war",
    "we don't want any of these asylum seekers deported, they work here",
])
def test_hate_named_or_a_harm_not_wanted_is_not_an_attack(model, text):
    s = _scores(model, text)
    assert s["identity_attack"] < 0.5 and s["threat"] < 0.5


@pytest.mark.parametrize("text", [
    "I hate trans people",
    "honestly I despise immigrants",
    "I love hating jews",
    "I hate people who are muslims",
    "we want all asylum seekers deported",
])
def test_the_commenters_own_hate_still_counts(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


def test_the_readings():
    from storytrace.comments._rules import _others_hate, _unwanted

    assert _others_hate(["people", "who", "hate", "x"], 2)
    assert _others_hate(["people", "who", "really", "hate", "x"], 3)
    assert _others_hate(["comes", "from", "hating", "x"], 2)
    assert not _others_hate(["i", "hate", "x"], 1)
    assert not _others_hate(["i", "love", "hating", "x"], 2)
    toks = ["i", "don't", "want", "x", "deported"]
    assert _unwanted(toks, [False, True, False, False, False], 4)
    assert not _unwanted(toks, [False] * 5, 4)
