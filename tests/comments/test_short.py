"""Revision 3.6: short replies ("haha ok") get their own toxic/insult Platt shift; orders to harm are threats."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts
from storytrace.comments._content import few_words


@pytest.mark.parametrize("text,most,short", [("haha ok", 3, True), ("ok bro", 3, True), ("@user lol fair point", 3, True),
                                             ("hahaha", 3, False), ("this is a longer reply", 3, False),
                                             ("one two three", 3, True), ("one two three four", 3, False)])
def test_content_few_words(text, most, short):
    assert few_words(text, most) is short


def test_model_short_shift_is_shipped(model):
    # fit on the calibration half's OLID rows (training/train_comment_model.py --short-shift tweets)
    assert model.short_words == 3
    assert model.short_shift["toxic"] < 0 and model.short_shift["insult"] < 0
    assert "identity_attack" not in model.short_shift


@pytest.mark.parametrize("text,bound", [("haha ok", 0.45), ("ok bro", 0.25), ("haha yes", 0.45), ("bruh", 0.5)])
def test_model_short_banter_is_not_toxic(model, text, bound):
    # revision 3.5: "haha ok" 0.576, "bruh" 0.627 (the training tweets' missing @mention weighs most in short lines)
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["toxic"] < bound


@pytest.mark.parametrize("text", ["shut up idiot", "fuck off you moron", "stupid bitch", "hang them", "gas them all"])
def test_model_short_hostile_replies_stay_toxic(model, text):
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["toxic"] >= 0.5


@pytest.mark.parametrize("text,threat", [("hang them", True), ("Lovely day. Now gas them all.", True),
                                         ("just shoot them", True), ("we should kill them", True),
                                         ("they hang them on the wall", False), ("kill the lights please", False),
                                         ("I would never hang them", False)])
def test_rules_imperative_threat(model, text, threat):
    # a violent verb that begins a sentence and is aimed at someone is an order: intent, like "should" or "will"
    [r] = score_texts([text], model, languages=["en"])
    assert (r["scores"]["threat"] >= 0.5) is threat, r["scores"]


def test_harm_done_with_a_benign_means_is_not_a_threat():
    # revision 3.6 read every order to harm as a threat: "kill them with kindness" scored threat 0.85
    from storytrace.comments import CommentModel, score_texts

    model = CommentModel.load()
    idiom, order = score_texts(["Kill them with kindness.", "Hang them all."], model)
    assert idiom["scores"]["threat"] < 0.5 <= order["scores"]["threat"]
