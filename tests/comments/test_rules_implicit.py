"""Session 20 (helper "implicit"): implicit and dehumanising hate read compositionally (``_rules_implicit``,
``lexicons/comments/implicit.json``): a named group with a stereotype predicate, a dehumanising metaphor, a
demographic-threat or conspiracy frame, or a removal is an identity attack, with the frame as evidence; the same frame
negated, rejected as a myth, told as a statistic or about a thing is not. Sentences written for this test, not taken
from the probe files or any evaluation set."""

from __future__ import annotations

import pytest

from storytrace.comments import score_texts
from tests.comments.conftest import scores as _scores


def _evidence(model, text: str) -> list[str]:
    out = score_texts([text], model, languages=["en"], calibration="training")[0]
    return [e["text"].lower() for e in out["evidence"] if e["category"] == "identity_attack"]


@pytest.mark.parametrize(("text", "frame"), [
    ("honestly arabs multiply like rats in every city", "multiply"),
    ("asians are replacing us in every good university", "replacing"),
    ("the jews pull the strings in washington", "pull"),
    ("hispanics are flooding into our towns", "flooding"),
    ("muslims will never integrate, it is not in their culture", "never"),
    ("refugees just live off our taxes", "live"),
    ("whole suburbs are overrun by refugees now", "overrun"),
    ("we have to kick the gypsies out of this town", "kick"),
    ("no hispanics in my street, thank you", "no"),
])
def test_a_group_with_an_implicit_frame_is_an_identity_attack(model, text, frame):
    assert _scores(model, text)["identity_attack"] >= 0.5
    assert any(frame in t for t in _evidence(model, text))


@pytest.mark.parametrize("text", [
    "why do mexicans always have to steal everything",
    "why are immigrants always on welfare?",
])
def test_a_why_question_asserts_the_stereotype(model, text):
    assert any(t in ("steal", "on") for t in _evidence(model, text))


@pytest.mark.parametrize("text", [
    "the claim that asians breed like rabbits is a racist myth",
    "hispanics don't live off benefits, they work two jobs",
    "the survey says women are on benefits more often than men",
    "many refugees are on benefits while their claims are processed",
    "the mexican bakery was infested with mice, so it closed",
    "are immigrants more often on welfare? no, the data shows the opposite",
])
def test_the_frame_denied_told_or_about_a_thing_is_no_implicit_attack(model, text):
    assert not any(t in ("breed", "live", "on", "infested") for t in _evidence(model, text))


@pytest.mark.parametrize("text", [
    "the claim that asians breed like rabbits is a racist myth",
    "the idea that hispanics breed like rabbits is a racist lie",
])
def test_a_frame_rejected_as_a_myth_is_counter_speech(model, text):
    # before session 20 the heads read the hateful words (identity 0.66-0.70); the frame now lets the claim be rejected
    assert _scores(model, text)["identity_attack"] < 0.5
