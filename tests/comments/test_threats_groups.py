"""Threats, wished harm, calls for violence, eliminationist wishes and curses aimed at a group (session 10), on
sentences written for these tests (none taken from an evaluation set or from probes/threats_groups.jsonl)."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts


def _result(model, text: str) -> dict:
    return score_texts([text], model, languages=["en"])[0]


@pytest.mark.parametrize("text", [
    # direct and conditional threats
    "any jew who sets foot in my pub is dead meat",
    "if those refugees come near my kids again theyre dead",
    "we are going to hunt down every migrant in the estate",
    # wished harm
    "i really hope the muslims in that mosque burn",
    "would love to watch every gay person suffer",
    # calls for violence
    "somebody ought to put a bullet in these immigrants",
    "the army should open fire on the asylum seekers at the border",
    # eliminationist wishes
    "this town would be so much better without any pakistanis",
    "lesbians should not exist, simple as",
    # curses aimed at a group
    "fuck all the arabs",
    "screw these women",
    "hindus can go to hell",
])
def test_harm_aimed_at_a_group_is_an_identity_attack(model, text):
    out = _result(model, text)
    assert out["scores"]["identity_attack"] >= 0.5
    assert any(e["category"] == "identity_attack" for e in out["evidence"])


@pytest.mark.parametrize("text", [
    "if those refugees come near my kids again theyre dead",
    "i really hope the muslims in that mosque burn",
    "we are going to hunt down every migrant in the estate",
])
def test_threats_and_wished_harm_at_a_group_are_threats(model, text):
    out = _result(model, text)
    assert out["scores"]["threat"] >= 0.5
    assert any(e["category"] == "threat" for e in out["evidence"])


@pytest.mark.parametrize("text", [
    # the same words at a target that is not a group of people, or in an idiom
    "if any slugs come near my lettuce theyre dead",
    "fuck the city council and their bin schedule",
    "my jewish aunt is going to murder the crossword this morning",
    "the muslim kids in the choir absolutely killed it tonight",
    # reported, condemned or negated harm
    "a man who threatened to shoot migrants was sentenced today",
    "people were posting that jews should be gassed and the site did nothing",
    "nobody wants refugees to suffer",
    "i dont want any gay kid to get hurt at school",
    # protective
    "trans people should be safe walking home",
    "fuck the thugs who attack disabled people",
    # news of violence against a group; profanity not aimed at one
    "two sikhs were stabbed near the temple on friday",
    "fuck, the women's relay team was amazing",
])
def test_contrasts_stay_clean(model, text):
    assert _result(model, text)["scores"]["identity_attack"] < 0.5
