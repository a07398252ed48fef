"""Claims reader, session 26: defects found on the dev split of tests/facts/fixtures/claims_gold.json, each with
project-authored sentences of the same kind (not the gold sentences)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Rivera, 26, was arrested on Friday after he allegedly fled the scene in a stolen car.",
    "The senator thanked the 40 volunteers who had reportedly worked through the night.",
    ("Part of the appeal of the Acme tool was that it resembles console tools which, according to Smith, "
     "are easy to learn."),
])
def test_a_source_cue_inside_a_subordinate_clause_does_not_report_the_main_claim(first_claim, text: str) -> None:
    c = first_claim(text)
    assert (c["modality"], c["attribution"]) == ("asserted", None)


@pytest.mark.parametrize("text, source", [
    ("The company reportedly sent 300 moderators home.", "reportedly"),
    ("Two people were hurt in the crash, according to local police.", "according to local police"),
    ("The price of gas, according to AAA, was $3.10 on Monday.", "according to AAA"),
])
def test_a_source_cue_on_the_main_clause_still_reports_it(first_claim, text: str, source: str) -> None:
    c = first_claim(text)
    assert (c["modality"], c["attribution"]) == ("reported", source)


@pytest.mark.parametrize("text, source, subject, modality", [
    ("She said her neighbours were drug dealers.", "She (said)", "her neighbours", "reported"),
    ("Prosecutors said the allegations could not be proven without his help.", "Prosecutors (said)",
     "the allegations", "negated"),
    ("The victim was reportedly stabbed outside the bar.", "reportedly", "The victim", "reported"),
])
def test_a_reporting_sentence_without_names_or_numbers_is_parsed(first_claim, text: str, source: str,
                                                                  subject: str, modality: str) -> None:
    """A sentence with no entity, number or date used to go unparsed: no source, subject or predicate."""
    c = first_claim(text)
    assert (c["attribution"], c["subject"], c["modality"], c["parsed"]) == (source, subject, modality, True)


@pytest.mark.parametrize("text, modality", [
    ("The questions will vary from school to school.", "planned"),
    ("Sceptics will be made to feel that they are complacent.", "planned"),
    ("I can’t write about films if I don’t watch them.", "negated"),
    ("The plan has never worked as well as its authors hoped.", "negated"),
    ("If the talks fail, the workers will strike.", "hedged"),
])
def test_an_unparsed_sentence_reads_negation_plans_and_conditions_on_its_main_clause(first_claim, text: str,
                                                                                       modality: str) -> None:
    c = first_claim(text)
    assert (c["parsed"], c["modality"]) == (False, modality)


@pytest.mark.parametrize("text", [
    "It keeps the dough from tearing, which means the bread will be soft.",
    "You can put herbs in the pan: they will perfume the sauce.",
    "Patients waiting for a transplant are at risk if a donor is not found soon.",
    "He praised the staff and did not mention the cuts.",
])
def test_a_cue_after_the_main_clause_of_an_unparsed_sentence_is_not_its_modality(first_claim, text: str) -> None:
    c = first_claim(text)
    assert (c["parsed"], c["modality"]) == (False, "asserted")


@pytest.mark.parametrize("text, modality", [
    ("This may seem odd, that a stimulant calms children down.", "hedged"),
    ("But the rule will change when the board meets.", "planned"),
    ("When the rain stops, the roads will reopen.", "planned"),
])
def test_an_unparsed_main_clause_is_found_after_an_opening_word_or_clause(first_claim, text: str,
                                                                          modality: str) -> None:
    c = first_claim(text)
    assert (c["parsed"], c["modality"]) == (False, modality)


@pytest.mark.parametrize("text, modality", [
    ("With her new contract, Maria Lopez is set to earn $18 million.", "planned"),
    ("The 12 ministers are set to meet in Brussels.", "planned"),
    ("So it looks like the feud between Acme and Globex may be over.", "hedged"),
    ("It looks as if the 2024 season is lost.", "hedged"),
])
def test_set_to_plans_and_it_looks_like_hedges(first_claim, text: str, modality: str) -> None:
    assert first_claim(text)["modality"] == modality


def test_a_thing_that_looks_like_another_is_asserted(first_claim) -> None:
    assert first_claim("The new Acme tower looks like a glass needle.")["modality"] == "asserted"
