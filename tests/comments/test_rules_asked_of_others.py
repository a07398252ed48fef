"""Session 21 (lead): "why do people hate X?" asks about someone else's hate; the asker does not hold it."""

import pytest

from storytrace.comments import CommentModel, score_texts


@pytest.fixture(scope="module")
def model():
    return CommentModel.load()


@pytest.mark.parametrize("text", [
    "why do people hate muslims so much?",
    "why do you hate jews so much?",
    "why do some people want to get rid of refugees?",
    "why do racists want to get rid of immigrants?",
    "why do so many people still hate gay people?",
])
def test_hate_asked_of_others_is_not_an_attack(model, text):
    (result,) = score_texts([text], model, languages=["en"])
    assert result["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "why do I hate muslims so much?",
    "why don't we get rid of muslims?",
    "why do we put up with muslims?",
    "why do people want to get rid of muslims? they are right",
    "why do people hate muslims? because they are vermin",
    "seriously, why do women have to exist?",
])
def test_own_hate_or_hate_endorsed_stays_an_attack(model, text):
    (result,) = score_texts([text], model, languages=["en"])
    assert result["scores"]["identity_attack"] >= 0.5
