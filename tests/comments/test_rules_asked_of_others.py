"""Session 21 (lead): hate asked of others is not held; a group "taking over" a field is success; a death wished on a person is a threat."""

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


@pytest.mark.parametrize("text", [
    "women are taking over the tech industry",
    "women are taking over the charts this year",
])
def test_a_group_taking_over_a_field_is_success_told(model, text):
    (result,) = score_texts([text], model, languages=["en"])
    assert result["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "jews are taking over the media",
    "jews are taking over the banking industry",
    "immigrants are taking over our country",
    "chinese are taking over the tech industry and our jobs",
])
def test_takeover_of_a_control_trope_or_of_ours_stays_an_attack(model, text):
    (result,) = score_texts([text], model, languages=["en"])
    assert result["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "you people are idiots and should die",
    "you should die",
    "I think you should die",
    "they all deserve to die",
])
def test_a_death_wished_on_a_person_is_a_threat(model, text):
    (result,) = score_texts([text], model, languages=["en"])
    assert result["scores"]["threat"] >= 0.5


@pytest.mark.parametrize("text", [
    "I should die",
    "you will die one day like all of us",
    "you should burn that letter",
    "you should suffer the consequences",
])
def test_no_death_wished_on_another_is_no_threat(model, text):
    (result,) = score_texts([text], model, languages=["en"])
    assert result["scores"]["threat"] < 0.5
