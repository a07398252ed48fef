"""A group's name spaced out as a fragment and single letters ("ukra i n i a n s", "m u s lims") is read whole
(session 25: after sound readings were made stricter, "ukr@i n i a n s are thieves" was read as nothing); a fragment
that is a word of its own, or letters that spell no group or slur with it, are left as written."""
import pytest

from storytrace.comments import score_texts


def _out(model, text):
    return score_texts([text], model, languages=["en"], calibration="training")[0]


@pytest.mark.parametrize(("text", "decoded"), [("ukr@i n i a n s are thieves", "ukrainians"),
                                                ("ukra i n i a n s are thieves", "ukrainians"),
                                                ("m u s lims are thieves", "muslims")])
def test_a_fragment_and_spaced_letters_spell_the_group(model, text, decoded):
    out = _out(model, text)
    assert decoded in {d["decoded"] for d in out["decoded"] if d["kind"] == "inserted_spaces"}
    assert out["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", ["he cooks l a m b on sundays", "the best is o n l y for you",
                                  "this is s o good, thank you"])
def test_words_beside_spaced_letters_are_not_joined(model, text):
    out = _out(model, text)
    assert not [d for d in out["decoded"] if d["kind"] == "inserted_spaces"]
    assert out["scores"]["identity_attack"] < 0.5
