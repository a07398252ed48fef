"""Model designations are names, not quantities; "242 to 330 passengers" is one range; "the early 2030s" is
narrowed (review of an aeb page on an airline's jet order, session 13)."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.facts.dates import normalize
from storytrace.records import Page
from storytrace.settings import Options


def _quantities(text: str) -> list[dict]:
    page = Page(id="p", source="t", body=[text])
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    return page.facts["quantities"]


@pytest.mark.parametrize(("text", "kept"), [
    ("The carrier flies about 300 737 Max planes on domestic routes.", ["about 300"]),
    ("The airline agreed to buy 20 of the 787-10 Dreamliner aircraft from the manufacturer.", ["20"]),
    ("The lessor ordered 40 Airbus A321-200 jets for its fleet.", ["40"]),
    ("Qatar is the number two customer of the A380 superjumbo.", []),
    ("Regulators grounded its 747 Jumbo jet after the incident.", []),
    ("It took three 767 Freighter deliveries last month.", ["three"]),
    ("It comes after four 777 Dreamliner sales this week.", ["four"]),
    ("Rivals sold 30 Boeing jets and 300 Google phones.", ["30", "300"]),
    ("The 747 program has faced delays.", []),
    ("They opened a 125 bed hospital for 40 patients.", ["125", "40"]),
    ("Its 123 staff and its 121 aircraft stayed.", ["123", "121"]),
    ("The F-35 jets and 12 F-16 fighters flew over.", ["12"]),
])
def test_model_designations_are_not_quantities(text: str, kept: list[str]) -> None:
    assert [q["text"] for q in _quantities(text)] == kept


@pytest.mark.parametrize(("text", "counted"), [
    ("The carrier flies about 300 737 Max planes on domestic routes.", "737 Max planes"),
    ("It comes after five 777 Dreamliner sales earlier this week.", "777 Dreamliner sales"),
])
def test_count_before_a_model_counts_the_model(text: str, counted: str) -> None:
    (q,) = _quantities(text)
    assert q["counted"] == counted


@pytest.mark.parametrize("text", [
    "The cabin seats 180 to 220 passengers in a single class.",
    "The cabin seats between 180 and 220 passengers in a single class.",
    "The cabin seats 180-220 passengers in a single class.",
])
def test_ranges_are_one_quantity(text: str) -> None:
    qs = [q for q in _quantities(text) if q["text"] != "single"]
    assert len(qs) == 1
    assert (qs[0]["low"], qs[0]["high"], qs[0]["counted"]) == (180, 220, "passengers")


@pytest.mark.parametrize(("text", "kept"), [
    ("Orders were cut by 20 to 110 jets.", ["20", "110"]),
    ("The count rose from 30 to 126 jets.", ["30", "126"]),
    ("Some 12 people and 5 members of the crew were hurt.", ["Some 12", "5"]),
])
def test_not_ranges(text: str, kept: list[str]) -> None:
    assert [q["text"] for q in _quantities(text)] == kept


@pytest.mark.parametrize(("text", "start", "end"), [
    ("the early 2030s", "2030", "2033"), ("the mid-1990s", "1994", "1996"), ("late 1980s", "1987", "1989"),
    ("the 1970s", "1970", "1979"),
])
def test_early_mid_late_narrow_a_decade(text: str, start: str, end: str) -> None:
    norm = normalize(text, None)
    assert (norm.precision, norm.start, norm.end) == ("decade", start, end)
