"""Threats at a person in words the lexicon's verbs miss (session-18 review #8). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "I'll break your legs if I see you again",
    "somebody should open fire on that reporter",
    "I know where you live and I will hurt you",
    "we will put a bullet through his head",
])
def test_harm_intended_at_a_person_is_a_threat(model, text):
    assert _scores(model, text)["threat"] >= 0.5


@pytest.mark.parametrize("text", [
    "we should run over the numbers again before the meeting",
    "I won't punch you, relax",
    "someone should put a bullet in this bill, figuratively speaking",
    "that hurt you, didn't it",
])
def test_other_senses_and_negated_harm_are_not(model, text):
    assert _scores(model, text)["threat"] < 0.5
