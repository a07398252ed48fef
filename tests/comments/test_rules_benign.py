"""Non-hateful readings of a comment that names a group (session 20, ``_rules_benign``): a plain statement of a
group's humanity, everyday life or rights; a negative predicate or a reason to hate denied; a slur reclaimed by its
own speakers. Hateful look-alikes stay flagged. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "jews are people too",
    "gay people are human beings like everybody else",
    "immigrants live in every town in this country",
    "black people have every right to be here",
])
def test_plain_statements_about_a_group_are_not_attacks(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "black people are not a problem for anyone",
    "nobody has any good reason to hate jews",
])
def test_a_denied_negative_or_a_denied_reason_to_hate_is_not_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "proud to be a fag, always will be",
    "me and my niggas are going to the game tonight",
])
def test_a_reclaimed_slur_is_not_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "jews are people too, just worse ones",
    "immigrants live like animals",
    "black people are not a problem, they are a disease",
    "nobody has any good reason to hate jews? they are vermin",
    "i'm not a fag like you, you freak",
    "as a straight man i think fags are disgusting",
    "black people are not people",
])
def test_hateful_look_alikes_stay_flagged(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


def test_the_readings():
    from storytrace.comments._rules_benign import (
        denied_negative,
        kind_statement,
        reason_denied,
        reclaimed_frame,
    )

    assert kind_statement(["x", "are", "people", "too"], [1])
    assert not kind_statement(["x", "are", "people", "who", "ruin", "everything"], [1])
    assert kind_statement(["x", "live", "in", "every", "city"], [1])
    assert not kind_statement(["x", "live", "off", "our", "taxes"], [1])
    assert denied_negative(["x", "are", "not", "a", "threat"], [0], [1]) == (1, 5)
    assert denied_negative(["there", "is", "nothing", "wrong", "with", "being", "x"], [5], [6]) == (2, 5)
    assert denied_negative(["x", "are", "a", "threat"], [0], [1]) is None
    toks = ["no", "one", "has", "any", "reason", "to", "hate", "x"]
    assert reason_denied(toks, [t in ("no",) for t in toks], 6)
    toks = ["everyone", "has", "a", "reason", "to", "hate", "x"]
    assert not reason_denied(toks, [False] * len(toks), 5)
    assert reclaimed_frame(["me", "and", "my", "xs"], 3)
    assert not reclaimed_frame(["shut", "up", "my", "x"], 3)


def test_a_claim_named_by_a_noun_and_condemned_is_counter_speech(model):
    assert _scores(model, "the statement that gay people are sick is vile")["identity_attack"] < 0.5
    assert _scores(model, "your comment that muslims are vermin is disgusting, but true")["identity_attack"] >= 0.5
    assert _scores(model, "my comment that muslims are vermin is accurate")["identity_attack"] >= 0.5


def test_the_speakers_own_group_named_plainly(model):
    assert _scores(model, "us lesbians know how to throw a party")["identity_attack"] < 0.5
    assert _scores(model, "as a gay man, gay people disgust me")["identity_attack"] >= 0.5
    assert _scores(model, "as a muslim i think jews are vermin")["identity_attack"] >= 0.5


def test_a_dyke_along_a_river_is_an_embankment(model):
    assert _scores(model, "the old dyke along the canal has been repaired")["identity_attack"] < 0.5
