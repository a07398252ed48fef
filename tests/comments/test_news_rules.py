"""Threat and sexual words read in context (revision 3.6.2): idioms, nouns and reported speech are not threats; a word
with a non-sexual sense is weak evidence alone and sexual content in a sexual frame."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "we should hang out with you guys sometime",
    "I love to hang out with my gay friends",
    "this cake looks to die for",
    "he will stab you in the back the first chance he gets",
    "I'll take a stab at answering your questions",
    "you should shoot me an email when you are back",
    "she is killing it, you will love her new album",
    "I'm going to burn calories with you at the gym tomorrow",
])
def test_idioms_and_nouns_are_not_threats(model, text):
    s = _scores(model, text)
    assert s["threat"] < 0.5 and s["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "I will kill you", "muslims should be shot", "hang them all", "I'm going to stab you", "kill all immigrants",
    "gas the jews", "I will hang you from a tree", "we should shoot them all"])
def test_threats_still_fire(model, text):
    assert _scores(model, text)["threat"] >= 0.5 or _scores(model, text)["identity_attack"] >= 0.5


def test_reported_threat_is_not_the_commenters(model):
    assert _scores(model, 'the mob shouted "burn them all" outside the hotel, police said')["threat"] < 0.5
    assert _scores(model, "i will burn them all")["threat"] >= 0.5


def test_the_killing_of_a_group_reported_is_not_an_attack(model):
    assert _scores(model, "the killing of muslims in that region is a tragedy")["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "same sex marriage is legal now", "twins start having sex at about the same time", "cyber defense is not sexy",
    "he's a dick", "you can't see it with the naked eye", "rape is a crime and the trial starts monday"])
def test_words_with_other_senses_alone_are_not_sexual(model, text):
    assert 0.0 < _scores(model, text)["sexual"] < 0.5  # evidence kept, not flagged


@pytest.mark.parametrize("text", [
    "show me your tits", "send nudes", "grab her pussy", "I want to have sex with you", "hot horny milf pics",
    "look at his penis", "naked pics and porn here"])
def test_sexual_content_is_flagged(model, text):
    assert _scores(model, text)["sexual"] >= 0.5
