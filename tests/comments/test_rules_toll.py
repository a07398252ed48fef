"""Session 20 (lead): a question counting victims laments the harm; the same harm wished stays an attack."""

import pytest

from storytrace.comments import CommentModel, score_texts


@pytest.fixture(scope="module")
def model():
    return CommentModel.load()


@pytest.mark.parametrize("text", [
    "how many more muslims have to die before we act?",
    "How many more black people have to be killed before something changes",
    "how many more innocent refugees must drown in the sea?",
])
def test_a_question_counting_victims_is_no_attack(model, text):
    (result,) = score_texts([text], model)
    assert result["scores"]["identity_attack"] < 0.5 and result["scores"]["threat"] < 0.5


@pytest.mark.parametrize("text", [
    "muslims have to die",
    "how many more muslims have to die? hopefully all of them, good",
])
def test_the_harm_wished_stays_an_attack(model, text):
    (result,) = score_texts([text], model)
    assert result["scores"]["identity_attack"] >= 0.5
