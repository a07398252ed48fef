"""A conversion in brackets is the same fact said twice: "60 mph (97 kph)" on one page and "60 mph" on another
state the same numbers (before, "97 kph" was listed as a number only the first page gives), and a page that gives
the speed in km/h alone still meets the converted figure (its "60 mph" is then a number only the first page
writes: the link between a figure and its conversion is not kept in the story shell)."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.settings import Options
from storytrace.stories.shells import shell_of

from .conftest import compare_shells, page


def _shell(pid: str, *paragraphs: str):
    p = page(pid, "VW shows an electric wagon in Los Angeles", *paragraphs, published="2019-11-20")
    extract_facts(p, Options(), nlp=load_nlp(), resources=load_facts_resources())
    return shell_of(p)


@pytest.fixture(scope="module")
def converted():
    return _shell("a", "The wagon reaches 60 mph (97 kph) in five seconds and tops out at 109 mph, VW said.")


def test_a_converted_speed_is_no_number_of_its_own(encoder, converted) -> None:
    other = _shell("b", "The wagon reaches 60 mph in five seconds and tops out at 109 mph, VW said.")
    result = compare_shells(encoder, converted, other)
    assert [q["relation"] for q in result["quantities"]] == ["equal", "equal"]
    assert result["contradict"] == []


def test_the_converted_figure_meets_a_page_that_gives_only_it(encoder, converted) -> None:
    other = _shell("c", "The wagon reaches 97 km/h in five seconds and tops out at 109 mph, VW said.")
    result = compare_shells(encoder, converted, other)
    assert result["contradict"] == []
    assert {"97 kph", "109 mph"} <= {q["base"][0] for q in result["quantities"] if q["relation"] == "equal"}
