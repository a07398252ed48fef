"""Four-digit measures are not years: "1024 x 768", "1785 mAh" (found on real Dragnet pages)."""

from __future__ import annotations

import pytest

from storytrace.facts import _measure_not_year, extract_facts, load_facts_resources, load_nlp
from storytrace.records import Page
from storytrace.settings import Options


@pytest.mark.parametrize(("text", "number", "measure"), [
    ("the tablet has a 1024 x 768 display", "1024", True),
    ("a 768x1024 screen", "1024", True),
    ("- Battery Capacity : 1785 mAh", "1785", True),
    ("it sells for $1999 in stores", "1999", True),
    ("a massive earthquake struck Lisbon in 1755, and the city burned", "1755", False),
    ("the book, printed in 1499, was found", "1499", False),
])
def test_measure_not_year(text: str, number: str, measure: bool) -> None:
    start = text.index(number)
    assert _measure_not_year(text, start, start + len(number)) is measure


def test_resolution_is_not_a_date_on_a_page() -> None:
    page = Page(id="p", source="t", body=[
        "Critics decried the device for its 1024 x 768 display before it shipped in October 2012.",
        "A massive earthquake struck Lisbon in 1755."])
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    texts = {d["text"] for d in page.facts["dates"]}
    assert "1024" not in texts
    assert {"October 2012", "1755"} <= texts


def test_a_year_followed_by_a_margin_stays_a_year() -> None:
    text = "she won the seat in 2012 by 500 votes"
    assert not _measure_not_year(text, text.index("2012"), text.index("2012") + 4)


@pytest.mark.parametrize("text", ["In 2010 HP bought Palm.", "In 2009 GB athletes won.", "In 2011 TB cases rose.",
                                  "Since 2008 MB Financial grew.", "Tesla Model X 2020 review"])
def test_years_before_capitalised_abbreviations_stay_years(text: str) -> None:
    start = next(i for i in range(len(text)) if text[i:i + 4].isdigit())
    assert not _measure_not_year(text, start, start + 4)


def test_a_hyphenated_measure_has_its_unit_without_the_hyphen() -> None:
    # session 15 review: "a 55-kilometer zone" gave the unit "-kilometer"
    page = Page(id="p", source="t", body=["U.S. forces guard a 55-kilometer zone around the base near the border."])
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    (q,) = [q for q in page.facts["quantities"] if q["value"] == 55]
    assert q["unit"] == "kilometer"
