"""A nationality word before a state institution or a thing names the institution, not the people ("the Russian
government is corrupt"), and a country or an institution is attacked as people only with words that deny
humanity ("Russia are vermin"); evaluative words judge a state ("Russia is evil") (session 18)."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "The American healthcare system is stupid",
    "Russian propaganda is disgusting",
    "Russian state media is vile",
    "The Russian government are liars and thieves",
    "the Ukrainian government is corrupt and useless",
    "Israeli policy in the West Bank is disgusting",
    "Chinese propaganda is pathetic",
    "Russia is evil",
])
def test_a_state_or_its_institutions_judged_is_not_an_identity_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "Russians are subhuman",
    "Russian people are disgusting",
    "Americans are idiotic",
    "Russia are vermin",
    "russia is full of rats",
    "Russia is full of evil people",  # said of its people
    "The Russian government lies. Russians are vermin",
    "Ukrainian army are vermin",
    "Jewish media is disgusting",  # no country for Jews: an old trope, not an institution
    "Muslim women are disgusting",
    "African culture is primitive and disgusting",  # a race, never read as a state
])
def test_people_named_by_nationality_race_or_religion_are_still_attacked(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


def test_the_institution_reading_needs_the_noun_right_after_the_nationality(model):
    from storytrace.comments._rules import _names_an_institution

    lex = model.lexicon
    assert _names_an_institution(["the", "russian", "government"], 2, "russians", lex)
    assert _names_an_institution(["russian", "state", "media"], 1, "russians", lex)
    assert not _names_an_institution(["russian", "media", "people"], 1, "russians", lex)  # a modifier, then persons
    assert _names_an_institution(["american", "foreign", "policy"], 1, "americans", lex)
    assert not _names_an_institution(["russian", "people"], 1, "russians", lex)
    assert not _names_an_institution(["jewish", "government"], 1, "jews", lex)  # no country
    assert not _names_an_institution(["african", "government"], 1, "black_people", lex)
