"""Session 19 (helper "hate2"): harm denied to a whole group (a negative quantifier, "nobody deserves ... for being
X", a harm gerund judged unacceptable), and "how" questions that assert the negated hostile word. Sentences written for this test (not from any eval set)."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "no refugee should have to die at sea",
    "no woman should ever be raped",
    "none of these refugees deserve to drown",
    "not one immigrant deserves to be shot",
    "no black person should be killed for what they believe",
    "not one jewish family deserves to be shot, whatever the politicians say",
    "nobody deserves to be killed for being gay",
    "killing muslims is never ok",
    "deporting refugees is wrong and you know it",
])
def test_harm_denied_to_a_group_is_not_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "every muslim should be shot on sight",
    "no trans person deserves to live",
    "no immigrant should be allowed to live here",
    "killing refugees is fine by me",
    "all gay people deserve to be beaten",
])
def test_harm_wished_on_a_group_still_counts(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "how are trans people not vermin?",
    "honestly how are immigrants not savages",
    "how is it that muslims aren't all disgusting?",
    "seriously, how are refugees not considered parasites yet?",
])
def test_how_question_asserts_the_negated_word(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "immigrants are not vermin",
    "how are disabled people not safe in their own homes?",
    "how come women are not represented on the council?",
])
def test_how_question_controls(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "imma go hunt some muslims this weekend",
    "i'll knock out the first immigrant i see tomorrow",
    "i'm gonna run down a couple of refugees on my way home",
    "swear down i will slit every jew's throat",
    "i'm going to smash some gay men in the face tonight",
    "i'd happily choke a few asians if i got the chance",
    "i'll break the legs of any muslim who comes near my shop",
])
def test_own_violence_at_a_group_is_a_threat(model, text):
    s = _scores(model, text)
    assert s["identity_attack"] >= 0.5 and s["threat"] >= 0.5


@pytest.mark.parametrize("text", [
    "i'll run down the list of refugees who signed up for the course",
    "we will hunt for bargains at the muslim market",
    "the women on our team will smash the record this year",
    "i'll break the news to the immigrants in my class tomorrow",
])
def test_violent_verbs_in_other_senses_are_not_threats(model, text):
    s = _scores(model, text)
    assert s["identity_attack"] < 0.5 and s["threat"] < 0.5
