"""A claim that speaks well of a group, rejected, is an attack on the group even with no hostile word (session 11,
left from the session-10 review: "stop pretending X are people"); a hostile claim rejected stays counter-speech.
Sentences written for these tests (none from an evaluation set or from the probe files)."""

from __future__ import annotations

import pytest

from storytrace.comments._rules import analyse
from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "quit pretending immigrants are human",
    "only an idiot would claim muslims are peaceful",
    "saying refugees are not criminals is a lie",
    "it's sad that people still think women are intelligent",
])
def test_rejected_praise_is_an_attack(model, text):
    assert analyse(text, model.decoder).attack
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "quit pretending immigrants are criminals",
    "it is a lie that refugees are rapists",
    "people who say muslims are peaceful are right",
    "i think women are intelligent",
    "there is no evidence that black people are less intelligent",
])
def test_rejected_hate_or_kept_praise_is_not_an_attack(model, text):
    assert not analyse(text, model.decoder).attack
