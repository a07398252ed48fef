"""Negation polarity and counter-speech by reference around group statements (session 10), on sentences written for
these tests (none taken from an evaluation set or from probes/negation_counter.jsonl)."""

from __future__ import annotations

import pytest

from storytrace.comments._rules import analyse
from tests.comments.conftest import scores as _scores


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


# fixes after the session-10 review (/tmp/s10/review/report.md): C1 first-person claims, C2 group words that modify
# another noun, C3 the commenter's own abuse beside a rejected claim, S1 polarity, S2 run-on assertions, S3 scope


@pytest.mark.parametrize("text", [
    # a first-person belief or saying frame asserts its claim, whatever falsity word comes later (C1)
    "i honestly think roma are thieves and anyone who denies it is wrong",
    "i believe muslims are violent, the official numbers are fake",
    "i say jews are greedy and that is not a stereotype",
    "we think refugees are parasites and the denials are propaganda",
    # rejecting a claim that speaks well of a group attacks the group (S1)
    "im so tired of people saying refugees arent dangerous",
    "so sick of people claiming jews are not greedy",
    # a run-on assertion after a rejected label (S2)
    "stop calling immigrants doctors they are parasites",
    # denied standing still counts where it is about being somewhere (S3)
    "migrants have no right to live here",
    "migrants have no right to set foot here",
    # a group noun as the object of a refused regard (C2)
    "i don't trust mexicans",
    "i dont respect muslims here",
])
def test_review_hate_stays_hateful(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    # the claim's own predicate calls it false (C1)
    "saying roma are thieves is a lie",
    "people claiming immigrants are rapists, that's just a lie",
    "people calling migrants thieves without any evidence are spreading propaganda",
    "calling roma thieves began with one newspaper and it is still a lie",
    # a group word that modifies another noun is not the object of the regard (C2)
    "i don't like italian coffee",
    "nothing good about mexican traffic",
    "i don't trust the african union's figures",
    "i don't trust pakistani cricket",
    # a run-on sentence that speaks well of the group (S2)
    "stop calling refugees criminals, they are people",
    # no right to do something is not denied standing; not wanting harm is not refusing the group (S3)
    "palestinians have no right to shoot rockets",
    "i don't want migrants to starve at sea",
])
def test_review_false_alarms(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


def test_own_abuse_beside_a_denied_claim_stays_toxic(model):
    # C3: the toxic clamp reads the comment without the claim; the insult of the reader is the commenter's own
    s = _scores(model, "muslims are not terrorists, you brain-dead sheep")
    assert s["identity_attack"] < 0.5 and s["toxic"] >= 0.5, s
    assert _scores(model, "immigrants are not rapists")["toxic"] < 0.5
    assert _scores(model, "jews are not greedy, that is a disgusting smear")["toxic"] < 0.5  # not said to anyone


def test_claimed_spans_are_unique(model):
    a = analyse("saying trans people are freaks is wrong", model.decoder)
    assert len(a.claimed) == len(set(a.claimed))
