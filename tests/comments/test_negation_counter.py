"""Negation polarity and counter-speech by reference around group statements (session 10), on sentences written for
these tests (none taken from an evaluation set or from probes/negation_counter.jsonl)."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts
from storytrace.comments._rules import analyse


def _scores(model, text: str) -> dict[str, float]:
    return score_texts([text], model, languages=["en"])[0]["scores"]


@pytest.mark.parametrize("text", [
    # a negated or refused regard for the group
    "honestly i dont respect muslims, never have",
    "we will never accept refugees in this street",
    "i wouldnt trust any of those immigrants",
    "there is nothing good about gay people",
    # a denied belief in a positive evaluation
    "i don't believe women are equal to men",
    # denied standing, calls to keep out
    "migrants have no right to be here",
    "stop letting refugees into this town",
    # denial words that do not reject the claim
    "im not saying every jew is greedy but jews are greedy",
    "people keep saying muslims are terrorists and they are right",
    "there is plenty of evidence that immigrants are criminals",
    "stop calling refugees victims, they are parasites",
    "its not a myth that roma are thieves",
])
def test_stays_or_becomes_hateful(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    # counter-speech by reference: a hateful claim named in order to reject it
    "stop pretending refugees are parasites",
    "quit calling disabled people freaks",
    "there is no proof that muslims are terrorists",
    "the myth that jews are greedy needs to die out",
    "i am so tired of people claiming immigrants are criminals",
    "its sad that people still believe women are inferior",
    "claiming trans people are perverts is a lie",
    "nobody should ever say black people are animals",
    # negated hate and protection
    "i dont hate gay people, i just want lower taxes",
    "refugees are not parasites",
    "immigrants dont deserve the hatred they get here",
    "i don't want refugees to be hurt",
    "i will never accept refugees being treated like this",
])
def test_not_hateful(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "stop pretending refugees are parasites",
    "there is no proof that muslims are terrorists",
    "refugees are not parasites",
    "claiming trans people are perverts is a lie",
])
def test_toxic_follows_counter_speech_without_abuse(model, text):
    s = _scores(model, text)
    assert s["toxic"] < 0.5 and s["insult"] < 0.5, s


@pytest.mark.parametrize("text", [
    # counter-speech that insults the person who makes the claim stays toxic
    "anyone who thinks muslims are terrorists is a moron",
    "only an idiot would say women are inferior",
    "refugees are not parasites, you fucking clown",
])
def test_insults_at_individuals_stay_toxic(model, text):
    s = _scores(model, text)
    assert s["identity_attack"] < 0.5 and s["toxic"] >= 0.5, s


def test_claim_words_are_not_the_commenters_insults(model):
    a = analyse("saying trans people are freaks is wrong", model.decoder)
    assert a.counter and any(a.norm[s:e] == "freaks" for s, e in a.claimed)
    b = analyse("anyone who says trans people are freaks is an idiot", model.decoder)
    assert b.counter and not any(b.norm[s:e] == "idiot" for s, e in b.claimed)
