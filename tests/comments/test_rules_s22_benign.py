"""Hate a comment names but does not hold (session 22, helper "nh4", ``_rules_benign.attack_explained`` and
``unheld_without_attack``): a negative subject, a negated judgement or degrading place, hate judged as an act, the
holder of hate condemned, others' hate reported, a reported claim condemned. The same surfaces with the hate held or
endorsed stay attacks. Sentences written for this test (not from any probe or eval file)."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "no one here wants to harm sikhs",
    "i don't find roma repulsive",
    "hindus don't belong in cages",
    "arabs don't disgust me",
])
def test_negated_hate_is_not_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "hating christians is just wrong",
    "it's cruel to despise roma",
    "anybody who hates sikhs is a fool",
    "folks who say mexicans should be shot are monsters",
    "so many bigots hate arabs",
    "my cousin says roma are parasites, which is appalling",
])
def test_hate_referred_to_and_judged_is_not_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "hating christians is only natural",
    "hating christians is not wrong",
    "anybody who hates sikhs is right",
    "so many people hate arabs and i don't blame them",
    "hindus belong in cages",
    "i find roma repulsive",
    "my cousin says roma are parasites",
    "people who hate sikhs are pathetic, but sikhs are vermin",
])
def test_hate_held_or_endorsed_stays_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", ["that's my nigga right there", "i'm the realest nigga in this town"])
def test_the_in_group_spelling_with_a_possessive_or_first_person_is_reclaimed(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", ["my niggas are animals lol", "i'm not a nigga, go back to africa",
                                  "that's my nigger right there"])
def test_the_in_group_spelling_in_an_attack_or_the_other_spelling_stays_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5
