"""A range is compared, not dropped: a number inside the range another version gives is "within" it and agrees, a
number outside it differs (lead, session 28). Before, a range ("0-60 mph", "between 1,000 and 1,500 workers")
never reached the stories stage, so "from zero to 60 mph" against "0-60 mph ... top speed 109 mph" read as
"numbers differ" and "3,000 workers" against "1,000 to 1,500 workers" as no conflict at all."""

from __future__ import annotations

import pytest

from storytrace.facts import extract_facts, load_facts_resources, load_nlp
from storytrace.settings import Options
from storytrace.stories.shells import shell_of

from .conftest import compare_shells, page


def _shell(pid: str, *paragraphs: str):
    p = page(pid, "Workers sent to rebuild the port", *paragraphs, published="2019-11-20")
    extract_facts(p, Options(), nlp=load_nlp(), resources=load_facts_resources())
    return shell_of(p)


def _compare(encoder, a: str, b: str) -> dict:
    return compare_shells(encoder, _shell("a", a), _shell("b", b))


@pytest.mark.parametrize(("a", "b"), [
    ("Between 1,000 and 1,500 workers were sent to the port, officials said.",
     "About 1,200 workers were sent to the port, officials said."),
    ("Prices at the port rose 3-4 % last year, the authority said.",
     "Prices at the port rose 3.5 % last year, the authority said."),
    ("The wagon goes from zero to 60 mph in five seconds, VW said.",
     "The wagon does 0-60 mph in 5.0 seconds, and its top speed is 109 mph, VW said."),
])
def test_a_number_inside_a_range_agrees(encoder, a: str, b: str) -> None:
    result = _compare(encoder, a, b)
    assert [q["relation"] for q in result["quantities"] if q["relation"] == "within"] == ["within"]
    assert result["contradict"] == []


@pytest.mark.parametrize(("a", "b", "reason"), [
    ("Between 1,000 and 1,500 workers were sent to the port, officials said.",
     "Some 3,000 workers were sent to the port, officials said.", "numbers differ: Between 1,000 and 1,500"),
    ("Prices at the port rose 3-4 % last year, the authority said.",
     "Prices at the port rose 7 % last year, the authority said.", "numbers differ: 3-4 %"),
])
def test_a_number_outside_a_range_differs(encoder, a: str, b: str, reason: str) -> None:
    result = _compare(encoder, a, b)
    assert not any(q["relation"] == "within" for q in result["quantities"])
    assert any(r.startswith(reason) for c in result["contradict"] for r in c["reasons"])


def test_the_same_range_is_equal_and_a_range_is_never_a_sum(encoder) -> None:
    result = _compare(encoder, "The repairs will cost $10-12 million, officials said.",
                      "The repairs will cost between $10 million and $12 million, officials said.")
    assert [q["relation"] for q in result["quantities"]] == ["equal"]
    assert result["quantities"][0]["value"] is None  # a range stands for no single number
    parts = _compare(encoder, "Some 400 and 600 workers came from two towns, officials said.",
                     "Between 900 and 1,100 workers came, officials said.")
    assert "sum" not in {q["relation"] for q in parts["quantities"]}
