"""A quantity in brackets that converts the one before it ("60 mph (97 kph)", "$12.9bn (£10bn)") restates it:
``restates`` names the quantity it converts, so that a comparison does not read one fact as two numbers (an aeb
auto-show page's "60 mph (97 kph)" made a contradiction with a page that gave the speed in mph only). A measure
range with its unit ("0-60 mph") is no game score."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.records import Page
from storytrace.settings import Options


@pytest.fixture(scope="module")
def quantities():
    nlp, res = load_nlp(), load_facts_resources()

    def read(text: str) -> dict[str, dict]:
        page = Page(id="p", source="t", body=[text], language="en", published="2019-11-20")
        extract_facts(page, Options(), nlp=nlp, resources=res)
        return {q["text"]: q for q in page.facts["quantities"]}

    return read


@pytest.mark.parametrize("text, first, converted", [
    ("The wagon can reach 60 mph (97 kph) in five seconds.", "60 mph", "97"),
    ("The wagon will go 300 miles (480 kilometers) on one charge.", "300 miles", "480 kilometers"),
    ("Alibaba will raise $12.9bn (£10bn) in Hong Kong.", "12.9bn", "10bn"),
])
def test_a_bracketed_conversion_restates_the_quantity_before_it(quantities, text: str, first: str,
                                                                converted: str) -> None:
    found = quantities(text)
    assert found[converted]["restates"] == found[first]["id"]
    assert found[first]["restates"] is None


@pytest.mark.parametrize("text", [
    "About 300 people (40 percent) came to the hall in Leeds.",
    "The road is 40 km long (25 km of it paved) near Leeds.",
    "Some 5,000 troops (1,000 of them sappers) crossed the river.",
])
def test_a_bracketed_number_of_another_kind_or_the_same_unit_is_its_own(quantities, text: str) -> None:
    assert all(q["restates"] is None for q in quantities(text).values())


def test_a_measure_range_with_its_unit_is_no_score(quantities) -> None:
    found = quantities("VW says that, in such a configuration, 0-60 mph could arrive in 5.0 seconds.")
    assert (found["0-60 mph"]["low"], found["0-60 mph"]["high"], found["0-60 mph"]["unit"]) == (0, 60, "mph")
