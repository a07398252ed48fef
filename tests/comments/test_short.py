"""Session 8: the short-reply calibration shift (model flag ``short_shift``; measured, not shipped)."""

from __future__ import annotations

import pytest

from storytrace.comments import CommentModel, score_texts
from storytrace.comments._content import few_words


@pytest.mark.parametrize("text,most,short", [("haha ok", 3, True), ("ok bro", 3, True), ("@user lol fair point", 3, True),
                                             ("hahaha", 3, False), ("this is a longer reply", 3, False),
                                             ("one two three", 3, True), ("one two three four", 3, False)])
def test_content_few_words(text, most, short):
    assert few_words(text, most) is short


def test_model_shipped_has_no_short_shift(model):
    # revision 3.5 is shipped; the 3.6 candidate with the shift did not meet its ship rule (speed, one run)
    assert not model.short_shift and model.short_words == 0


@pytest.fixture()
def shifted(model) -> CommentModel:
    m = CommentModel(idf=model.idf, coef=model.coef, intercept=model.intercept, calibration=model.calibration,
                     known_words=model.known_words, meta=dict(model.meta, short_shift={"toxic": -0.69,
                                                                                      "insult": -0.5, "words": 3}))
    return m


@pytest.mark.parametrize("text,short", [("haha ok", True), ("bruh", True),
                                        ("this article about the council budget is quite long", False)])
def test_model_short_shift_moves_only_short_replies(model, shifted, text, short):
    [a] = score_texts([text], model, languages=["en"])
    [b] = score_texts([text], shifted, languages=["en"])
    if short:
        assert b["scores"]["toxic"] < a["scores"]["toxic"] - 0.1
    else:
        assert b["scores"]["toxic"] == a["scores"]["toxic"]
    assert b["scores"]["identity_attack"] == a["scores"]["identity_attack"]
