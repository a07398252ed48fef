"""The non-English lexicon rule lifts a comment without outranking what the embedding heads read."""

import pytest

from storytrace.comments import CommentModel, score_texts


@pytest.fixture(scope="module")
def model() -> CommentModel:
    return CommentModel.load()


def test_a_denied_claim_is_not_lifted_to_an_attack(model: CommentModel) -> None:
    text = "Ce n'est pas vrai que les musulmans sont des terroristes."
    [out] = score_texts([text], model, languages=["fr"])
    assert out["scores"]["identity_attack"] < 0.6  # at the rule's full weight: 0.68


def test_a_plain_attack_still_reads_as_one(model: CommentModel) -> None:
    [out] = score_texts(["Les juifs sont des parasites."], model, languages=["fr"])
    assert out["scores"]["identity_attack"] >= 0.8
    assert "Jews" in out["targets"]
