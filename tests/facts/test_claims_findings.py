"""A finding is reported: "a study found that Y", "the data show that Y" carry Y, attributed to the study or the
data (the claims guide counts "find" among the report verbs). Before, the claim was "A study | find | asserted"
with no source, so two pages giving Y from different studies could not be told apart from two pages asserting it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source, predicate", [
    ("A study found that 40 percent of adults sleep less than six hours.", "A study", "sleep"),
    ("Data from the ministry show that 3,000 people left the region in May.", "Data from the ministry", "leave"),
    ("The report estimates that 12,000 jobs were lost in 2023.", "The report", "were lost"),
    ("A Washington Post investigation in 2009 found that the coatings could be damaged by rain.",
     "A Washington Post investigation in 2009", "could be damaged"),
    ("Researchers at Yale concluded that the drug cut deaths by 20 percent.", "Researchers at Yale", "cut"),
])
def test_a_finding_with_that_is_reported_and_attributed(first_claim, text: str, source: str, predicate: str) -> None:
    c = first_claim(text)
    assert c["modality"] == "reported"
    assert c["attribution"].startswith(source)
    assert c["predicate"] == predicate


@pytest.mark.parametrize("text", [
    "On Monday, they found Ghosn gone, having fled his Tokyo home in Tokyo.",
    "Police found the car abandoned near the border with Mexico.",
    "She found it hard to sleep in Paris.",
    "The 2023 figures show a rise in exports.",
])
def test_finding_a_thing_is_no_report(first_claim, text: str) -> None:
    c = first_claim(text)
    assert c["modality"] == "asserted"
    assert c["attribution"] is None


def test_a_finding_without_entities_is_parsed_for_its_source(first_claim) -> None:
    c = first_claim("A new study found that most people sleep too little.")
    assert (c["modality"], c["attribution"]) == ("reported", "A new study (found)")


def test_a_finding_with_no_one_finding_is_no_report(first_claim) -> None:
    c = first_claim("In studies done in 1990, it was shown that doctors who have seen a condition diagnose it.")
    assert (c["modality"], c["attribution"]) == ("asserted", None)
