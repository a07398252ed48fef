"""The context rules for threat and sexual words (revision 3.6.2) must not hide real threats or sexual content:
an idiom is an idiom only in its own words, and a report is not the commenter's own threat."""

import pytest

from storytrace.comments import load_model, score_texts


@pytest.fixture(scope="module")
def model():
    return load_model()


def _scores(model, texts, key):
    return [r["scores"][key] for r in score_texts(texts, model, languages=["en"] * len(texts))]


THREATS = ["you will die for what you did", "muslims will die for this", "I will stab you in the back of the head",
           "I will shoot you in the foot", "immigrants should hang on every lamppost", "hang with rope every muslim",
           "I will burn through your house with you in it", "I will shoot for your head",
           'I told you "I will kill you" and I meant it', 'you heard me: "I will kill you"', "I will hang you"]
IDIOMS = ["hang out with you later", "this cake looks to die for", "I would die for my kids",
          "he stabbed me in the back", "you shot yourself in the foot there", "hang on a sec", "killing it tonight",
          "take a stab at it", 'he shouted "burn them", police said']


@pytest.mark.parametrize("text", THREATS)
def test_threats_that_begin_like_idioms_stay_threats(model, text):
    assert _scores(model, [text], "threat")[0] >= 0.5


@pytest.mark.parametrize("text", IDIOMS)
def test_idioms_and_reports_are_not_threats(model, text):
    assert _scores(model, [text], "threat")[0] < 0.5


SEXUAL = ["I'm going to rape her", "someone should rape that bitch", "she deserves to be raped", "nice tits",
          "big fat cock", "free porn videos here", "hot naked girls", "I want to bang her"]
NOT_SEXUAL = ["same sex marriage is legal now", "visible to the naked eye", "rape is a crime and the rapist was jailed",
              "the big bang theory", "naked ambition"]


@pytest.mark.parametrize("text", SEXUAL)
def test_sexual_words_in_a_sexual_frame_score_sexual(model, text):
    assert _scores(model, [text], "sexual")[0] >= 0.5


@pytest.mark.parametrize("text", NOT_SEXUAL)
def test_sexual_words_in_other_senses_stay_low(model, text):
    assert _scores(model, [text], "sexual")[0] < 0.5
