"""Session 19 (helper "hate"): counter-speech by reference, negative emotion aimed at a group, a claim called false
with "it is not true that", endorsed named hate, one negated-wish reading, a culture that is not its people.
Sentences written for this test (not from any eval set)."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "if you think muslims are parasites, you need help",
    "did you really just say immigrants should go back where they came from?",
    "people like you who call women subhuman are the problem",
    "you keep saying refugees don't belong here. grow up",
    "so you think jews are vermin? you should be embarrassed",
    "i can't believe people still say black people are criminals",
    "imagine thinking disabled people are parasites in this day and age",
    "posting that trans people should die is disgusting",
    "comparing jews to rats is disgusting",
    "writing that immigrants are scum is cruel and you know it",
    "it is not true that refugees are vermin",
    "it's simply false that muslims are parasites",
])
def test_hate_referred_to_or_called_false_is_not_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "you said muslims are parasites and you're right",
    "like you said, immigrants are vermin",
    "i don't care what you say, women are subhuman",
    "people who hate immigrants are right",
    "it's true that refugees are vermin",
    "it's not a lie that muslims are vermin",
    "don't you think jews are parasites?",
    "i think black people are criminals",
])
def test_endorsed_or_asserted_hate_still_counts(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "i feel nothing but disgust for muslims",
    "so much hatred in my heart for refugees",
    "i am revolted by immigrants",
    "i am nauseated by black people",
    "muslims turn my stomach",
    "just looking at gay people makes me want to puke",
    "being near trans people makes me nauseous",
])
def test_negative_emotion_aimed_at_a_group_is_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "i'm sickened by the way black people are treated",
    "my disgust at how jews get treated grows every day",
    "racism against muslims makes my skin crawl",
    "i feel nothing but love for immigrants",
    "American cultural underpinning is idiotic",
    "american culture is idiotic",
])
def test_emotion_for_a_group_or_about_a_culture_is_not_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


def test_americans_themselves_still_count(model):
    assert _scores(model, "americans are idiotic")["identity_attack"] >= 0.5


def test_one_negated_wish_reading():
    from storytrace.comments._rules import _unwanted

    toks = ["nobody", "wants", "any", "of", "these", "refugees", "deported"]
    neg = [True] + [False] * 6
    assert _unwanted(toks, neg, 6)  # the threat reading: a wish up to five words before the harm
    assert _unwanted(toks, neg, 6, 5, [0] * 7)  # the group reading: the wish whose object the group is
    assert not _unwanted(toks, [False] * 7, 6, 5, [0] * 7)
    assert not _unwanted(toks, neg, 6, 5, [0, 1, 1, 1, 1, 1, 1])  # the negation in another clause


def test_the_readings():
    from storytrace.comments._rules import _addressee_claim, _emotion_at, _falsity_that

    toks = ["did", "you", "really", "just", "say", "x", "are", "vermin"]
    assert _addressee_claim(toks, [False] * len(toks), 4, 7)
    toks = ["like", "you", "said", "x", "are", "vermin"]
    assert not _addressee_claim(toks, [False] * len(toks), 2, 5)
    assert _emotion_at(["so", "much", "hatred", "in", "my", "heart", "for", "x"], 2, 7) == 5
    assert _emotion_at(["i", "am", "sickened", "by", "x"], 2, 4) == 2
    assert not _emotion_at(["i", "am", "sickened", "by", "the", "way", "x", "are", "treated"], 2, 6)
    assert _falsity_that(["it", "is", "not", "true", "that", "x", "are", "y"], 4)
    assert not _falsity_that(["it", "is", "true", "that", "x", "are", "y"], 3)
    assert not _falsity_that(["it's", "not", "a", "lie", "that", "x", "are", "y"], 4)


@pytest.mark.parametrize("text", [
    "no muslim can be trusted",
    "none of these immigrants are worth saving",
    "no jew has ever done anything worthwhile",
    "never met a decent migrant in my life",
    "there is no such thing as a good asian",
    "women don't deserve any respect",
    "i don't think migrants should have any rights",
    "i would never trust a woman",
    "i could never be friends with a muslim",
    "trans people are never going to be normal",
    "women are no use to anyone",
    "refugees are incapable of decency",
])
def test_a_good_thing_denied_to_a_group_is_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", [
    "not a single jew deserves abuse",
    "none of these refugees are criminals",
    "no muslim is safe here",
    "there are no gay people in my village",
    "muslims don't deserve to be mocked",
])
def test_the_same_negations_protecting_a_group_are_not_an_attack(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


def test_quantifier_and_goods_readings():
    from storytrace.comments._rules import _denied_goods, _quantified

    assert _quantified(["no", "x", "can", "be", "trusted"], 1)
    assert _quantified(["none", "of", "these", "x", "are", "good"], 3)
    assert not _quantified(["say", "no", "to", "x"], 3)
    assert not _quantified(["a", "country", "with", "no", "x"], 4)
    toks = ["x", "don't", "deserve", "rights"]
    assert _denied_goods(toks, [False, True, False, False], 2, False) == 1
    assert not _denied_goods(toks, [False] * 4, 2, False)
    toks = ["i", "don't", "think", "x", "should", "have", "any", "rights"]
    assert _denied_goods(toks, [False, True] + [False] * 6, 4, True) == 2
    assert not _denied_goods(["x", "should", "have", "to", "wait"], [False] * 5, 1, True)


@pytest.mark.parametrize("text", [
    "he smoked a fag behind the shed",
    "cheese and crackers for dinner again lol",
    "the dyke burst and the whole village flooded",
    "these sanctions will cripple their economy",
    "there's a chink in the armour of every argument",
    "we played space invaders at the arcade for hours",
    "i'm just an old dyke who likes gardening",
    "being a dyke myself i find this hilarious",
])
def test_a_slur_word_in_its_everyday_sense_or_said_of_oneself(model, text):
    assert _scores(model, text)["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "you are nothing but a fag",
    "typical cracker, always whining",
    "shut up you cripple",
    "they are a bunch of dykes",
    "i'd never hire a woman",
])
def test_the_same_words_as_slurs_still_count(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


def test_discrimination_reported_is_not_a_refused_regard(model):
    assert _scores(model, "the roma families live in cold flats because no landlord will rent to them")[
        "identity_attack"] < 0.5
