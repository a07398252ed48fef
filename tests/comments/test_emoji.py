"""Revision 3.6: emoji mockery, a dehumanising emoji next to a named group of people (issue 4)."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts
from storytrace.comments._content import dehumanising_emoji


@pytest.mark.parametrize("text,n", [("jews 🐀🐀", 2), ("🙈🙉🙊", 0), ("🤡", 0), ("🐷️ x", 1), ("no emoji", 0)])
def test_content_dehumanising_emoji_spans(text, n):
    spans = dehumanising_emoji(text)
    assert len(spans) == n
    assert all(text[s:e] == t for s, e, t in spans)


@pytest.mark.parametrize("text,lang,target", [("muslims 🐷🐷🐷", "en", "Muslims"),
                                              ("black people = 🦍", "en", "Black people"),
                                              ("jews 🐀", "en", "Jews"),
                                              ("les musulmans 🐷🐷", "fr", "Muslims"),
                                              ("黑人 🐒", "zh", "Black people")])
def test_emoji_mockery_of_a_group_is_an_identity_attack(model, text, lang, target):
    [r] = score_texts([text], model, languages=[lang])
    assert r["scores"]["identity_attack"] >= 0.5 and target in r["targets"]
    assert any(e["category"] == "identity_attack" and any(ch in e["text"] for ch in "🐷🦍🐀🐒") for e in r["evidence"])


@pytest.mark.parametrize("text", ["muslims do not eat pork 🐷", "🇷🇺=🤡", "russia 🐷", "look at this cute piglet 🐷",
                                  "🐀🐀🐀"])
def test_emoji_without_a_group_is_not_an_attack(model, text):
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["identity_attack"] < 0.5
    assert not any(e["category"] == "identity_attack" for e in r["evidence"])


@pytest.mark.parametrize("text", ["calling jews 🐀 is racist", "never call muslims 🐷"])
def test_emoji_condemned_or_negated_is_not_evidence(model, text):
    # the rule stays silent (the learned heads still read the words: "calling jews ... is racist" scores 0.69)
    [r] = score_texts([text], model, languages=["en"])
    assert not any(e["category"] == "identity_attack" and any(ch in e["text"] for ch in "🐀🐷") for e in r["evidence"])


@pytest.mark.parametrize("text", ["Our Jewish deli makes the best pulled pork 🐷 sandwiches in town",
                                  "I met my Muslim neighbour today, lovely guy. Then I stepped in dog 💩 on the way home",
                                  "Christian rock is 💩"])
def test_an_emoji_away_from_the_group_or_after_another_noun_is_not_an_attack(model, text):
    # review of 3.6: the rule once fired on any group word plus any such emoji anywhere in the comment
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["identity_attack"] < 0.5


def test_a_sentence_in_an_unspaced_script_is_not_a_short_reply():
    from storytrace.comments._content import few_words

    assert few_words("haha ok", 3) and not few_words("你们这些垃圾都应该去死", 3)


@pytest.mark.parametrize("text", ["Destroy them in the finals tomorrow!", "Shoot, I forgot my keys"])
def test_sport_talk_and_interjections_are_not_orders_to_harm(model, text):
    [r] = score_texts([text], model, languages=["en"])
    assert r["scores"]["threat"] < 0.5
