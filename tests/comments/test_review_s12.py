"""Findings of the session 12 user review (comments): false alarms and wrong fields on real reader threads."""

from __future__ import annotations

import pytest

from storytrace.comments._thread import comment_flags


@pytest.mark.parametrize("text", [
    "Way, way out of control. The community needs to rally around: http://www.tbray.org/ongoing/When/",
    "See www.example.org/about for the details of the plan",
    "Write to wwwhelp@example.com or www@example.org if it breaks",
])
def test_a_link_or_an_address_is_not_laughter(text: str) -> None:
    # review s12 #14: "www" in a URL read as Japanese laughter; 13 of 21 laughter flags in a Dragnet sample
    assert "laughter" not in comment_flags(text) and "flood" not in comment_flags(text)


def test_laughter_next_to_a_link_is_still_laughter() -> None:
    assert "laughter" in comment_flags("wwwww that cat https://example.com/cat.gif")
    assert "laughter" in comment_flags("hahaha see www.example.com")
