"""Money and large-count ranges are one quantity with both ends ("$10 million to $12 million", "$10-12 million",
"between $10m and $12m", "between 10 and 12 million people"), and "rose from 3% to 5%" is a change between two
levels, not a range (lead, session 28: the stories stage compares ranges, and these came out as one end, as a count,
or not at all)."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.records import Page
from storytrace.settings import Options


def _quantities(text: str) -> list[dict]:
    page = Page(id="p", source="t", body=[text], language="en", published="2024-03-15")
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    return page.facts["quantities"]


def _ends(q: dict) -> tuple:
    return q["kind"], q.get("unit"), q.get("value"), q.get("low"), q.get("high")


@pytest.mark.parametrize(("text", "expected"), [
    ("The bridge will cost $10 million to $12 million, officials said.", ("money", "USD", None, 1e7, 1.2e7)),
    ("The bridge will cost $10-12 million, officials said.", ("money", "USD", None, 1e7, 1.2e7)),
    ("The repairs will cost $10-12 million, the port authority said.", ("money", "USD", None, 1e7, 1.2e7)),
    ("Prices rose 3-4 %, the bank said.", ("percent", "%", None, 3.0, 4.0)),
    ("The bridge will cost between $10m and $12m, officials said.", ("money", "USD", None, 1e7, 1.2e7)),
    ("The deal is worth between $2 billion and $3 billion.", ("money", "USD", None, 2e9, 3e9)),
    ("Between 10 and 12 million people voted on Sunday.", ("count", None, None, 1e7, 1.2e7)),
])
def test_a_range_keeps_both_ends(text: str, expected: tuple) -> None:
    found = _quantities(text)
    assert [_ends(q) for q in found] == [expected]


@pytest.mark.parametrize(("text", "values"), [
    ("Inflation rose from 3% to 5% last year.", [3.0, 5.0]),
    ("The budget was cut from $10 million to $8 million.", [1e7, 8e6]),
    ("Its revenue grew from $10 million to $12 million.", [1e7, 1.2e7]),
])
def test_a_change_from_one_level_to_another_is_two_levels(text: str, values: list[float]) -> None:
    found = _quantities(text)
    assert [q["value"] for q in found] == values
    assert all(q.get("low") is None and q.get("high") is None for q in found)


@pytest.mark.parametrize("text", [
    "Tickets range from $10 to $12 each.",
    "Estimates vary from 3% to 5%.",
])
def test_from_to_after_range_or_vary_stays_a_range(text: str) -> None:
    found = _quantities(text)
    assert len(found) == 1 and found[0]["low"] is not None and found[0]["high"] is not None
