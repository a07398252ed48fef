"""Neutral and positive mentions of groups, and hateful praise that only looks positive (session 10), on sentences
written for these tests (none taken from an evaluation set or from probes/positive_mentions.jsonl)."""

from __future__ import annotations

import pytest

from storytrace.comments._rules import analyse
from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "I admire how hard muslims work during ramadan",
    "my jewish neighbour fixed our heater the same day",
    "we are so proud of the trans people in our club",
    "Do many sikhs live around here?",
    "i play football with immigrants every sunday",
    "disabled people deserve respect",
])
def test_kind_or_neutral_mention_is_not_hateful(model, text):
    assert analyse(text, model.decoder).benign
    s = _scores(model, text)
    assert s["identity_attack"] < 0.5 and s["toxic"] < 0.5


@pytest.mark.parametrize("text", [
    "love seeing immigrants deported",
    "our street is nicer without muslims",
    "i love how jews ruin everything",
    "black people are great, for once",
    "i respect gay people, at least the quiet ones",
    "muslims are so 'peaceful'",
    "muslims are not welcome here",
])
def test_hostile_cue_blocks_the_damping(model, text):
    assert not analyse(text, model.decoder).benign


@pytest.mark.parametrize("text", [
    "she is very articulate for a black woman",
    "quite smart for a mexican",
    "yeah muslims are so 'tolerant'",
    "oh great, more immigrants",
    "jews are actually smart for once",
])
def test_belittling_praise_is_hateful(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "it was a great day for a muslim family in our town",
    "good news for a black community that waited years",
    "oh great, more rain this weekend",
])
def test_praise_near_a_group_is_not_belittling(model, text):
    assert not analyse(text, model.decoder).attack
