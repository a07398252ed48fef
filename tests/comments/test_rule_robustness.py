"""The rules stay linear on long hostile inputs (review of session 10, S4 and S5): a comment twice as long takes
about twice as long, not four times. Timed by a ratio, not an absolute bound, so a busy machine does not fail it."""

from __future__ import annotations

import time

import pytest

from storytrace.comments._rules import analyse


def _seconds(model, text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        analyse(text, model.decoder)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit, count", [
    ("people say muslims are not liars ", 1600),  # a rejected claim per sentence (S4)
    ("\U0001F400\U0001F400\U0001F400 jews ", 300),  # an emoji flood beside group names (S5)
])
def test_rules_scale_linearly(model, unit, count):
    short = _seconds(model, unit * count)
    long = _seconds(model, unit * count * 4)
    assert long < 6 * short + 0.05, (short, long)  # linear: about 4 times; quadratic: up to 16
