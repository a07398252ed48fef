"""Session 20 (lead): a removal proposed by a negative question is an attack; its "don't" does not negate it."""

import pytest

from storytrace.comments import CommentModel, score_texts


@pytest.fixture(scope="module")
def model():
    return CommentModel.load()


@pytest.mark.parametrize("text", [
    "why don't we get rid of immigrants?",
    "why dont we just deport all the muslims?",
    "shouldn't we get rid of these refugees?",
])
def test_a_removal_proposed_by_a_negative_question_is_an_attack(model, text):
    (result,) = score_texts([text], model)
    assert result["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "why don't we get rid of the muslim ban?",
    "why don't we help refugees?",
])
def test_the_same_question_about_a_policy_or_help_is_not(model, text):
    (result,) = score_texts([text], model)
    assert result["scores"]["identity_attack"] < 0.5
