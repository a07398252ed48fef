"""Session 22 (hate5, ``_rules_emotion``): an emotion a group causes or the commenter owns, superlative hate, goods
withheld, dismissive questions, negative predicate words and deserved blows the lexicon lacks; and the same words at
objects, at someone else's victims, negated or in neutral mentions. Sentences written for this test (not in the probe
file)."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "honestly jews irritate me so much",
    "lesbians just make me so furious",
    "dealing with refugees gets on my nerves",
    "i am livid with immigrants",
    "i really cannot bear muslims",
    "there is honestly nothing i loathe more than gay people",
    "nobody disgusts me more than trans people",
    "asians are just the worst",
    "mexicans are so obnoxious",
    "refugees lives don't matter at all",
    "women really have nothing to contribute",
    "disabled people never do anything right",
    "what's it with jews?",
    "who honestly wants muslims around?",
    "immigrants deserve to be slapped",
])
def test_hate_felt_or_withheld_is_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "traffic jams irritate me so much",
    "i am livid with my landlord",
    "there is nothing i love more than gay people",
    "nothing is worse than refugees being turned away at the border",
    "thugs who harass jews are the worst",
    "asians were the worst affected by the floods",
    "refugees have nothing to fear from the new law",
    "black people don't matter to this government, and it shows",
    "why do immigrants disappear from the census?",
    "no one deserves to be slapped for being a woman",
    "the landlord kicked the refugees out and i want him gone",
    "i'm angry at the way muslims are portrayed",
])
def test_the_same_words_not_at_a_group_are_no_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5
