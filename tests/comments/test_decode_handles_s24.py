"""A camel-cased handle (a spam id, a user or brand name) is read by sound only as a name is: a group's name, never a
slur or an insult (session 24 review: "LiuSar" was 'lezzer', "SeaUeg" was 'zog', both identity attacks at the top of
the moderators' list). Disguises in mixed case that spell a word stay read."""
import pytest

from storytrace.comments import score_texts


def _out(model, text):
    return score_texts([text], model, languages=["en"], calibration="training")[0]


@pytest.mark.parametrize("text", ["LiuSar", "SeaUeg", "posted by KiKaro", "thanks BaRoz for the link"])
def test_a_camel_cased_handle_is_no_misspelt_slur(model, text):
    out = _out(model, text)
    assert not [d for d in out["decoded"] if d["kind"] == "misspelling"]
    assert out["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize(("text", "decoded"), [("JeWs run the banks", None), ("the MuzLims again", "muslim"),
                                                ("the jooz run the banks", "jew")])
def test_mixed_case_disguises_are_still_read(model, text, decoded):
    out = _out(model, text)
    assert out["scores"]["identity_attack"] >= 0.5
    if decoded:
        assert decoded in {d["decoded"] for d in out["decoded"]}
