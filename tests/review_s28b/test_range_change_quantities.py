"""Session 28 review (second round): money ranges at a sentence end and "up from X to Y" changes."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.records import Page
from storytrace.settings import Options


@pytest.fixture(scope="module")
def quantities():
    nlp, res = load_nlp(), load_facts_resources()

    def read(text: str) -> list[dict]:
        page = Page(id="p", source="t", body=[text], language="en", published="2024-03-15")
        extract_facts(page, Options(), nlp=nlp, resources=res)
        return page.facts["quantities"]

    return read


def test_money_range_closing_a_sentence_is_a_range(quantities):
    # the tokenizer reads the last "m." as an abbreviation: the full stop used to hide the high end
    found = quantities("The project will cost between $10m and $12m.")
    assert [(q["low"], q["high"], q["unit"]) for q in found] == [(10_000_000, 12_000_000, "USD")]


@pytest.mark.parametrize("text, levels", [("Profit was up from 5% to 7%.", [5.0, 7.0]),
                                          ("Profit was down from 7% to 5% in May.", [7.0, 5.0])])
def test_up_from_x_to_y_is_two_levels_of_a_change(quantities, text, levels):
    found = quantities(text)
    assert [q["value"] for q in found] == levels
    assert all(q["low"] is None for q in found)
