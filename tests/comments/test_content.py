"""Revision 3.4.1: content-free comments (laughter, emoji, punctuation, numbers) score as the empty comment."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts
from storytrace.comments._content import content_free, content_words, is_laughter, strip_laughter
from storytrace.comments._thread import comment_flags

# laughter in several languages and scripts, emoji, punctuation and numbers: nothing is said
CONTENT_FREE = [
    "hahaha", "HAHAHA", "ahahahaha hahahahaha hahahaha hahaha", "muahahahaha", "bwahahaha", "hehehe", "lol",
    "lmao", "LMFAOOOO!!!", "xD", "jajaja", "jejeje", "kkkkk", "huehuehue", "хахаха", "ахаха", "χαχαχα", "www",
    "ｗｗｗ", "wkwkwk", "ㅋㅋㅋ", "哈哈哈", "ههههه", "חחחח", "555", "5555 !!", "😂😂😂", "!!!!", "...", "?!?! 😆😆",
    "<3", "🇷🇺=🤡", "muahahahaha hahahahaha hahahaha hahaha 🇷🇺=🤡 😆😆😆", "@user lol",
    "RT @someone: lmao http://t.co/x", "&#128514;&#128514; haha",
]
# lines with words: the words decide, laughter or emoji around them do not make them content-free
MIXED = ["no, i'm just simply stupid hahahahaha", "envious of the better country hehehe 😂", "u mad bro?",
         "lol ok", "kkk", "haha you idiot", "jajaja qué tontería"]


@pytest.mark.parametrize("text", CONTENT_FREE)
def test_content_free_lines(text):
    assert content_free(text), content_words(text)


@pytest.mark.parametrize("text", MIXED)
def test_mixed_lines_are_not_content_free(text):
    assert not content_free(text)


@pytest.mark.parametrize("word,laugh", [("hahaha", True), ("хахаха", True), ("jajaja", True), ("www", True),
                                        ("kkk", False), ("ha", False), ("hate", False), ("hahn", False),
                                        ("jojo", False), ("hoe", False), ("hoes", False), ("whose", False)])
def test_laughter_words(word, laugh):
    assert is_laughter(word) is laugh


def test_strip_laughter_keeps_the_words():
    assert strip_laughter("no, i'm just simply stupid hahahahaha hahaha!") == "no, i'm just simply stupid !"


def test_content_free_lines_score_as_the_empty_comment(model):
    empty = score_texts([""], model)[0]["scores"]
    assert empty["toxic"] < 0.5
    for r in score_texts(CONTENT_FREE, model):
        assert r["scores"] == empty, r
        assert r["evidence"] == [] and r["targets"] == []


def test_content_free_rule_can_be_switched_off(model):
    # revision 3.4's reading (what the benchmark and comment_eval --content-free off reproduce)
    model.content_free = False
    try:
        off = score_texts(["ahahahaha hahahahaha hahahaha hahaha"], model)[0]["scores"]["toxic"]
    finally:
        model.content_free = True
    on = score_texts(["ahahahaha hahahahaha hahahaha hahaha"], model)[0]["scores"]["toxic"]
    assert off >= 0.5 > on


def test_flood_and_low_content_flags_are_kept(model):
    r = score_texts(["ahahahaha hahahahaha hahahaha hahaha"], model)[0]
    assert {"laughter", "flood", "low_content"} <= set(r["flags"])
    assert {"laughter", "low_content"} <= set(comment_flags("хахаха"))
    assert "emoji_only" in comment_flags("😂😂😂")


def test_mixed_lines_keep_their_words(model):
    # the words still count: an insult with laughter after it stays an insult, and scores as the line does
    r = score_texts(["no, i'm just simply stupid hahahahaha hahahaha hahaha"], model)[0]
    assert r["scores"]["toxic"] >= 0.5
    assert any(e["category"] == "insult" and e["text"] == "stupid" for e in r["evidence"])
    assert score_texts(["haha you idiot"], model)[0]["scores"]["toxic"] >= 0.5
    assert score_texts(["envious of the better country hehehe 😂"], model)[0]["scores"]["toxic"] < 0.5


@pytest.mark.parametrize("text", ["🖕", "🖕🏽🖕🏽", "hahaha 🖕", "🖕 nike"])
def test_middle_finger_is_an_obscene_insult(model, text):
    assert not content_free(text)
    r = score_texts([text], model)[0]
    assert r["scores"]["toxic"] >= 0.5 and r["scores"]["insult"] >= 0.5 and r["scores"]["profanity"] >= 0.5
    spans = {(e["category"], e["text"]) for e in r["evidence"]}
    assert ("insult", text[r["evidence"][0]["start"] : r["evidence"][0]["end"]]) in spans
    assert any(t.startswith("🖕") for _, t in spans)


def test_clown_at_a_flag_is_not_toxic(model):
    # judgement (model card, revision 3.4.1): 🤡 is a reaction; with no words it names no one, so no finding
    r = score_texts(["🇷🇺=🤡", "🇺🇦=🤡"], model)
    assert all(x["scores"]["toxic"] < 0.5 for x in r)
