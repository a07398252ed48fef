"""A contraction written with a typographic apostrophe (’, as most news sites print it) is read as the straight one:
spaCy's tagger and lemmatizer leave "’ll" as "’ll", so "They’ll open 3 stores" came out asserted, not planned."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("straight, curly, modality", [
    ("They'll open 3 stores in Ohio next year.", "They’ll open 3 stores in Ohio next year.", "planned"),
    ("Acme says it'll cut 200 jobs.", "Acme says it’ll cut 200 jobs.", "reported"),
    ("The 40 teachers won't return in May.", "The 40 teachers won’t return in May.", "negated"),
    ("The council doesn't plan to sell the 3 parks.", "The council doesn’t plan to sell the 3 parks.", "negated"),
])
def test_a_typographic_apostrophe_reads_as_a_straight_one(first_claim, straight: str, curly: str,
                                                          modality: str) -> None:
    assert first_claim(straight)["modality"] == modality  # the straight form, as read before
    assert first_claim(curly)["modality"] == modality


@pytest.mark.parametrize("straight, curly", [
    ("That's a big change for the 40 towns in Ohio.", "That’s a big change for the 40 towns in Ohio."),
    ("I'm the mayor of the 40 towns in Ohio.", "I’m the mayor of the 40 towns in Ohio."),
])
def test_a_contracted_verb_with_a_typographic_apostrophe_has_the_straight_forms_lemma(first_claim, straight: str,
                                                                                       curly: str) -> None:
    assert first_claim(straight)["predicate"] == "be"
    assert first_claim(curly)["predicate"] == "be"  # was "’"


def test_a_possessive_with_a_typographic_apostrophe_is_no_verb(first_claim) -> None:
    c = first_claim("Ohio’s 40 towns got 300 doctors.")
    assert (c["subject"], c["predicate"]) == ("Ohio’s 40 towns", "get")
