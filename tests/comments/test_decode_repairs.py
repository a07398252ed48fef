"""Decoder 3.15: common words disguised or mistyped in a sentence that names a group are repaired, so the rules and
the model read the sentence as written ("russians disugst me" is "russians disgust me"). Every case failed before.
The sentences are the project's own (training/data/comments_authored/spelling/probes_hostile.jsonl perturbs the
authored validation lines the same way); none comes from an eval set."""

from __future__ import annotations

import pytest

from storytrace.comments._decode import DECODER_REVISION, clean
from storytrace.comments._rules import analyse


def _repairs(model, text: str) -> dict[str, str]:
    """Span (lower case) -> repaired word(s), for the records of kind "word"."""
    return {d.span.lower(): d.decoded for d in model.decoder.decode(clean(text))[0] if d.term.kind == "word"}


def test_the_revision_is_bumped():
    assert DECODER_REVISION == "3.21"  # session 27: adverbs, verb forms of slurs, coinages, "a"/"i" glued to a group name


@pytest.mark.parametrize(("text", "span", "word"), [
    ("russians disugst me, the language, the people, the culture", "disugst", "disgust"),  # two letters swapped
    ("russians digust me, the language, the people, the culture", "digust", "disgust"),  # not "dig ust"
    ("russians d isgust me, the language", "d isgust", "disgust"),  # a word broken by a space
    ("russians d i s g u s t me, the language", "d i s g u s t", "disgust"),  # letter by letter
    ("russians di5gust me, the language", "di5gust", "disgust"),  # leetspeak spelling a common word
    ("i ahte christians and their smug little faces", "ahte", "hate"),  # the first two letters swapped
    ("trans people should berounded up and dealt with", "berounded", "be rounded"),  # run together
    ("trans people should be ruonded up and dealt with", "ruonded", "rounded"),
    ("deathto all women", "deathto", "death to"),
    ("the disabled are just alzy people with a doctor's note", "alzy", "lazy"),
    ("muslims are here. they should be ruonded up", "ruonded", "rounded"),  # the sentence after the group's
])
def test_a_common_word_is_repaired_where_a_group_is_named(model, text, span, word):
    assert _repairs(model, text) == {span: word}


def test_a_leading_i_is_a_word_before_a_spelled_out_hostile_word(model):
    decoded = model.decoder.decode(clean("i h a t e christians"))[0]
    assert [(d.span, d.decoded, d.term.kind) for d in decoded] == [("h a t e", "hate", "hostile")]


@pytest.mark.parametrize("text", [
    "russians disugst me",  # not "i disugst ..." alone: see the next test for no group
    "trans people should berounded up",
])
def test_the_rules_read_the_repaired_words(model, text):
    plain = analyse(text.replace("disugst", "disgust").replace("berounded", "be rounded"), model.decoder)
    repaired = analyse(text, model.decoder)
    assert repaired.norm == plain.norm
    assert bool(repaired.attack) == bool(plain.attack)


@pytest.mark.parametrize("text", [
    "i disugst the house, the garden, the street",  # no group named
    "the council will berounded up the budget",
    "muslims are here. the weather is fine. we should be ruonded up",  # two sentences away
])
def test_no_repair_without_a_group(model, text):
    assert _repairs(model, text) == {}


@pytest.mark.parametrize("text", [
    "calling trans peple a disease is wrong",  # a word for people is a typo, not a group's name, and not "pope"
    "muslims and the AUMF vote",  # capitals: an acronym
    "my jewish neighbour taught my kids to play dreidel",  # no split with a letter alone inside ("dre i del")
    "native americans fixed the handrail with a shoehorn",  # compounds of rarer words are not run-togethers
    "hindus are infesting the suburbs",  # a common word with a regular ending ("infest" + "ing")
])
def test_what_is_not_repaired(model, text):
    assert _repairs(model, text) == {}


def test_a_typo_keeps_the_first_letter(model):
    assert _repairs(model, "gay people are not a hreat to marriage").get("hreat") != "great"


def test_toerate_is_one_word_mistyped_not_two_run_together(model):
    assert _repairs(model, "why do we have to toerate gay people") == {"toerate": "tolerate"}


def test_a_group_word_after_an_article_is_not_read_as_a_disguise(model):
    # "a m u s l i m" is the article and the name; reading it would make a disguise of every such mention
    assert model.decoder.decode(clean("as a m u s l i m i can confirm"))[0] == []


@pytest.mark.parametrize(("text", "span"), [
    ("i hate balck people", "balck people"),  # two letters of the group's word swapped, like "blck people"
    ("i hate b l a c k people", "b l a c k people"),  # spelled letter by letter, like "bl ack people"
])
def test_a_two_word_group_name_with_its_group_word_disguised(model, text, span):
    decoded = model.decoder.decode(clean(text))[0]
    assert [(d.span, d.decoded, d.term.kind) for d in decoded] == [(span, "black people", "group_name")]


def test_the_article_before_a_spelled_out_group_word_is_not_read_into_it(model):
    assert model.decoder.decode(clean("a b l a c k person moved in"))[0] == []
