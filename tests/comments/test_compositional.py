"""Compositional identity-attack rules and the multilingual lexicon on sentences written for these tests
(none taken from an evaluation set)."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts


@pytest.mark.parametrize("text,group", [
    ("I hate blackpeople", "Black people"),
    ("honestly gay people are a disease on society", "LGBT people"),
    ("refugees should be deported, all of them", "Immigrants"),
    ("I met a lot of immigrants last year and I despise every one of them", "Immigrants"),
    ("disabled people are not real humans", "Disabled people"),
    ("wmoen are vermn", "Women"),
    ("hatemuslims forever", "Muslims"),
    # a negated permission without harm excludes the group
    ("immigrants shouldn't be allowed to vote", "Immigrants"),
    ("gay people should not be allowed to adopt", "LGBT people"),
])
def test_attack_detected(model, text, group):
    r = score_texts([text], model, languages=["en"])[0]
    assert r["scores"]["identity_attack"] >= 0.5, r["scores"]
    assert group in r["targets"]


@pytest.mark.parametrize("text", [
    "I don't hate muslims at all",
    "muslims are not scum and never were",
    "saying \"trans people are freaks\" is hateful and wrong",
    "I love my muslim neighbours",
    "we should protect black people from violence",
    "the report was about immigrants arriving in the spring",
    # protective: a negated permission to harm the group
    "gay kids shouldn't be allowed to be bullied at school",
    "refugees should not be allowed to be harassed by the police",
    "women must not be allowed to get hurt at work",
    "no one should ever be attacked for being jewish",
])
def test_no_attack(model, text):
    r = score_texts([text], model, languages=["en"])[0]
    assert r["scores"]["identity_attack"] < 0.5, r["scores"]


@pytest.mark.parametrize("text,lang,hateful", [
    ("les musulmans sont des parasites", "fr", True),
    ("j'aime beaucoup mes voisins musulmans", "fr", False),
    ("gli immigrati sono feccia", "it", True),
    ("黑人都是垃圾", "zh", True),
    ("Жиды должны сдохнуть", "ru", True),
])
def test_multilingual_lexicon(model, text, lang, hateful):
    r = score_texts([text], model, languages=[lang])[0]
    assert (r["scores"]["identity_attack"] >= 0.5) is hateful, r["scores"]


@pytest.mark.parametrize("text,hateful", [
    ("as a dyke i love this song", False),
    ("we dykes rock", False),
    ("those dykes are disgusting", True),
    ("you dyke", True),
])
def test_reclaimed_slur_is_not_an_attack(model, text, hateful):
    # self-identification with the slur's group ("we", "as a", "i'm a") is in-group, reclaimed use
    r = score_texts([text], model, languages=["en"])[0]
    assert (r["scores"]["identity_attack"] >= 0.5) == hateful, r["scores"]


def test_protective_reading_rules():
    from storytrace.comments import load_model
    from storytrace.comments._rules import analyse

    dec = load_model().decoder
    for text in ("trans people shouldn't be allowed to be mocked", "muslims are not allowed to be insulted here"):
        a = analyse(text, dec)
        assert not a.attack and a.defused, text
    assert analyse("sikhs should not be allowed to be killed", dec).threat_score < 0.5  # denied, not threatened
    assert analyse("i won't kill you", dec).threat_score < 0.5
    assert analyse("i will kill you", dec).threat_score >= 0.5
    assert analyse("sikhs should be killed", dec).attack
