"""Hate asked as a question, hate said of a pronoun for a group named earlier, and threats at a group in words that
name no violence (session 11), on sentences written for these tests (none taken from an evaluation set or from
probes/questions_refs.jsonl)."""

from __future__ import annotations

import pytest

from storytrace.comments._rules import analyse
from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "who keeps letting so many refugees in here?",
    "why did anyone invite muslims into this village?",
    "what use has a gay person ever been to society?",
    "what have jews ever done for this country?",
    "go on, name one migrant who doesn't live on benefits",
    "why are trans people even allowed near schools?",
    "are muslims even human?",
    "since when are arabs considered civilised people?",
])
def test_hate_asked_as_a_question_is_an_attack(model, text):
    a = analyse(text, model.decoder)
    assert a.attack and not a.benign
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "who let the muslims from the mosque use the hall for the fundraiser?",
    "why are refugees waiting so long for their papers?",
    "what good news has come out for jews this year?",
    "what did migrants say about the new visa rules?",
    "can you name one sikh author you like?",
    "are asylum seekers even allowed to work here?",
])
def test_genuine_question_is_not_an_attack(model, text):
    assert not analyse(text, model.decoder).attack


@pytest.mark.parametrize("text", [
    "some pakistanis moved in across the road. theyre a disease",
    "there are so many muslims in my area now and they are nothing but filth",
    "asylum seekers get housed before us. i cant stand them",
])
def test_pronoun_for_a_named_group_carries_the_hate(model, text):
    assert analyse(text, model.decoder).attack
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "my muslim landlord got burgled by local thugs. they are animals",
    "a jewish shopkeeper was robbed by two teenagers. they are scum",
    "my gay neighbour found mice in the loft. they are vermin",
])
def test_pronoun_for_someone_else_is_not_the_group(model, text):
    assert not analyse(text, model.decoder).attack


@pytest.mark.parametrize("text", [
    "jews round here will be dealt with soon enough",
    "you muslims won't last another year in this street",
    "we know where you gays live",
    "the immigrants on our estate had better start running",
    "mark my words, arabs are going to pay for this",
    "it would be a shame if something happened to the trans people next door",
    "we will make those refugees regret coming here",
    "there won't be a single black person left in this town",
])
def test_menace_at_a_group_is_a_threat(model, text):
    a = analyse(text, model.decoder)
    assert a.attack and a.harm_aimed
    s = _scores(model, text)
    assert s["identity_attack"] >= 0.5 and s["threat"] >= 0.5


@pytest.mark.parametrize("text", [
    "complaints from muslims will be dealt with fairly, the council says",
    "my jewish neighbour says the roses won't last the winter",
    "we know where the sikh temple is, we volunteer there",
    "refugees will get hurt if the camp closes in winter",
    "there won't be a single disabled person left out of the new scheme",
])
def test_same_words_without_a_menace_are_not_a_threat(model, text):
    assert not analyse(text, model.decoder).harm_aimed
