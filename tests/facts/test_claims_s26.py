"""Claims reader, session 26: defects found on the dev split of tests/facts/fixtures/claims_gold.json, each with
project-authored sentences of the same kind (not the gold sentences)."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.records import Page
from storytrace.settings import Options


@pytest.fixture(scope="module")
def first_claim():
    nlp, res = load_nlp(), load_facts_resources()

    def claim(text: str) -> dict:
        page = Page(id="p", source="t", body=[text], language="en", published="2024-03-15")
        extract_facts(page, Options(), nlp=nlp, resources=res)
        return page.facts["claims"][0]

    return claim


@pytest.mark.parametrize("text", [
    "Rivera, 26, was arrested on Friday after he allegedly fled the scene in a stolen car.",
    "The senator thanked the 40 volunteers who had reportedly worked through the night.",
    "Part of the appeal of the Acme tool was that it resembles console tools which, according to Smith, "
    "are easy to learn.",
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
