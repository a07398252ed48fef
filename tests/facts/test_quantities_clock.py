"""Clock times are times of day, not quantities (review h3 #12: "4.23 am" became the quantity 4.23)."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.records import Page
from storytrace.settings import Options


def _quantities(text: str) -> list[str]:
    page = Page(id="p", source="t", body=[text])
    extract_facts(page, Options(), nlp=load_nlp(), resources=load_facts_resources())
    return [q["text"] for q in page.facts["quantities"]]


@pytest.mark.parametrize(("text", "kept"), [
    ("The fire broke out at 4.23 am and seven fire tenders were sent.", ["seven"]),
    ("The meeting starts at 16:30 and ends at 4 pm, with 30 delegates.", ["30"]),
    ("About 5 pm, 40 people gathered and 2 men were arrested at 10 o'clock.", ["40", "2"]),
])
def test_clock_times_are_not_quantities(text: str, kept: list[str]) -> None:
    assert _quantities(text) == kept


def test_numbers_next_to_am_like_words_stay_quantities() -> None:
    assert _quantities("The storm killed 12 people and 5 members of the crew.") == ["12", "5"]
