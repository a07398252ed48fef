"""Session 19 (lead): an attempt told of someone else ("thugs tried to run down X") is a report, not the commenter's
intent; the commenter's own attempt or an endorsed one still counts; a harm the commenter laments ("sad that X still get
attacked") is not wished. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "some thugs tried to run down a couple of muslims outside the mosque",
    "my neighbour tried to beat up some immigrants, he was arrested",
    "a gang attempted to stab two refugees at the station last night",
])
def test_an_attempt_told_of_others_is_no_threat_or_attack(model, text):
    scores = _scores(model, text)
    assert scores["threat"] < 0.5 and scores["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "we tried to kill all the jews and we will again",
    "the man who tried to kill muslims is right, finish the job",
    "they are trying to kill us, we must kill all muslims first",
])
def test_an_own_or_endorsed_attempt_still_counts(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "isn't it sad that gay people still get attacked?",
    "it is sad that muslims get attacked in this country",
    "such a shame that so many refugees get deported every year",
])
def test_a_harm_lamented_is_not_wished(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "it's sad that immigrants are killing our country",
    "sad that muslims get attacked, they deserve it",
])
def test_a_lament_frame_does_not_excuse_hate(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5
