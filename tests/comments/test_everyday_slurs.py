"""Slurs that are also everyday words ("fairy", "burger", "Yankees", "slant") are slurs only in hostile company
(decoder 3.14): on 9,472 real blog comments these words alone gave identity attack 0.5-0.8 (the Yankees' 7th
inning, a fairy tale, a burger)."""

import pytest

from storytrace.comments import NEWS_CALIBRATION, load_model, score_texts


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.mark.parametrize("text", [
    "Robertson meltdown in Yankee 7th. Somehow feels good to see other good relievers fail as well",
    "I'd say the Rangers are the best out of all, then the Yankees and the Angels.",
    "Your life seems like a fairy tale or a work of fiction!",
    "Pizza and burgers are not real food. But cake before breakfast is okay.",
    "I'd still love to cook you that burger, Andrew.",
    "The article puts an odd slant on the election results.",
])
def test_the_everyday_word_is_no_identity_attack(model, text):
    (out,) = score_texts([text], model, calibration=NEWS_CALIBRATION)
    assert out["scores"]["identity_attack"] < 0.5, out
    assert out["targets"] == []


@pytest.mark.parametrize(("text", "group"), [
    ("Fuck the yankees, they are scum", "Americans"),
    ("yankee pigs out of our country", "Americans"),
    ("I hate fairies", "LGBT people"),
    ("f@iries should die", "LGBT people"),  # a disguised spelling is itself hostile
])
def test_the_slur_in_hostile_company_still_is(model, text, group):
    (out,) = score_texts([text], model, calibration=NEWS_CALIBRATION)
    assert out["scores"]["identity_attack"] >= 0.5, out
    assert group in out["targets"]


def test_slurs_without_an_everyday_sense_are_unchanged(model):
    (out,) = score_texts(["You are just a homo to me"], model, calibration=NEWS_CALIBRATION)
    assert "LGBT people" in out["targets"]
