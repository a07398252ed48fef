"""Session 28 review (second round): the new English trope readings must not flag harm done to a group nor a
question someone reports ("whether anyone would live near X"), while the hateful forms stay flagged."""

from __future__ import annotations

import pytest

from storytrace.comments import load_model, score_texts


@pytest.fixture(scope="module")
def identity():
    model = load_model()

    def score(text: str) -> float:
        return score_texts([text], model, languages=["en"])[0]["scores"]["identity_attack"]

    return score


@pytest.mark.parametrize("text", ["We don't need any more refugees dying in the Channel.",
                                  "I hate that there are so many Christians persecuted abroad.",
                                  "The study asked whether anyone would live near refugees; most said yes."])
def test_news_comment_about_a_group_is_no_identity_attack(identity, text):
    assert identity(text) < 0.5


@pytest.mark.parametrize("text", ["We don't need any more immigrants coming here.",
                                  "I hate that there are so many Muslims here.",
                                  "Nobody would want to live near refugees."])
def test_the_hateful_forms_stay_flagged(identity, text):
    assert identity(text) >= 0.5
