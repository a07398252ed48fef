"""Session 24 (helper "mend"): profanity aimed at the person addressed or at their words ("your pointless crap",
"you and your bullshit") is insult evidence, so insult and toxic reach 0.6 in a long comment the learned heads read
as profane only; profanity not aimed at the addressee, praised or denied is not."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts

LONG = ("here you are again on this site every single evening, posting under a dozen different usernames and "
        "replying to your own pointless {p} as if anybody else agreed with it")


def _result(model, text: str) -> dict:
    return score_texts([text], model, languages=["en"])[0]


def _insult_evidence(result: dict) -> list[str]:
    return [e["text"] for e in result["evidence"] if e["category"] == "insult"]


@pytest.mark.parametrize("word", ["shit", "crap", "bullshit"])
def test_profanity_owned_by_the_addressee_is_an_insult(model, word) -> None:
    result = _result(model, LONG.format(p=word))
    assert _insult_evidence(result) == [f"your own pointless {word}"]
    assert result["scores"]["insult"] >= 0.5 and result["scores"]["toxic"] >= 0.5


@pytest.mark.parametrize("text", ["you and your crap, again and again on every article about the council budget",
                                  "take your bullshit to some other website, we are all tired of it"])
def test_you_and_your_profanity(model, text) -> None:
    result = _result(model, text)
    assert _insult_evidence(result) and result["scores"]["insult"] >= 0.5


@pytest.mark.parametrize("text", [
    "this shit is crazy, the whole council meeting went on for six hours",  # not aimed at the addressee
    "no shit, you are right about the budget numbers",
    "they scared the crap out of me with that siren last night",
    "your shit is fire, keep posting these photos from the harbour",  # praised
    "nobody said your ideas were crap, the budget just cannot pay for them",  # denied
    "i never called your post bullshit, read my comment again",
])
def test_profanity_not_aimed_praised_or_denied_is_no_insult_evidence(model, text) -> None:
    assert _insult_evidence(_result(model, text)) == []
