"""Session-11 review (W4, W7) and the rules helper's open miss: a plural spelled with "-es" after a word's own "e" is
not a slur's plural ("spices" is not "spic" + "es"); a menace at the person addressed is a threat; a comma-spliced
order to kill is an order, not "this kill"; a negative question ("don't you think X are Y?") asserts its claim.
Sentences written for these tests (none from an evaluation set or from the probe files)."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


def test_es_plural_only_after_a_hissing_sound_or_o(model):
    from storytrace.comments._decode import _regular_ending

    plural = model.decoder.plural
    assert plural("spices") is None  # "spice" + "s"
    assert plural("spics").text == "spic"
    assert plural("bitches").text == "bitch"
    assert plural("negroes").text == "negro"
    assert not _regular_ending("spic", "ed", {"spice": 3.5})  # "spiced" is "spice" + "d"
    assert _regular_ending("kill", "ed", {"spice": 3.5})


@pytest.mark.parametrize("text", [
    "grind the spices with a little salt",
    "our spices come from a market in Oaxaca",
    "more spices, less sugar, and it was perfect",
])
def test_spices_are_food(model, text):
    s = _scores(model, text)
    assert s["identity_attack"] < 0.5 and s["threat"] < 0.5


def test_the_slur_plural_is_still_a_slur(model):
    assert _scores(model, "keep the spics out of our schools")["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "we know where you live and we will find you",
    "i know where u work. ur days are numbered",
    "better sleep with one eye open tonight",
])
def test_menace_at_the_reader_is_a_threat(model, text):
    s = _scores(model, text)
    assert s["threat"] >= 0.5 and s["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "we know where you live, the kids loved visiting",
    "I don't know where you live anymore",
    "don't panic, I will find you a charger",
])
def test_ordinary_talk_to_the_reader_is_not_a_threat(model, text):
    assert _scores(model, text)["threat"] < 0.5


@pytest.mark.parametrize("text", ["refugees again, k1ll them all", "the refugees did this, shoot them all"])
def test_comma_spliced_order_to_kill_is_a_threat(model, text):
    assert _scores(model, text)["threat"] >= 0.5


def test_a_determiner_across_a_comma_does_not_make_a_noun(model):
    assert _scores(model, "I fixed that, kill the old process")["threat"] < 0.5


@pytest.mark.parametrize("text", ["don't you think refugees are parasites?", "do you not agree muslims are vermin"])
def test_negative_question_asserts_its_claim(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", ["i don't think refugees are parasites", "you don't agree muslims are vermin, right?"])
def test_denied_belief_stays_denied(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5
