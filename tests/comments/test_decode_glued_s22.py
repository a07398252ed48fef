"""Decoder 3.17 (session 22): a group's name or a slur written capitalised inside a sentence and run onto a one- or
two-letter function word ("Muslimsso", "Jewsto", "Womenis") is read as the two words, while names and brands that
hold a group word stay names ("Jewson", "Christianson", "Mexicana", "Gaynor"); and a single letter between two words
that makes a common word with the next one is that word's ("the e mail" is "the email", not "thee mail"). Every
reading case failed on bc9b072. The sentences are the project's own
(training/data/comments_authored/probes/glued_frames_s22.json); none comes from an eval set."""

from __future__ import annotations

import pytest

from storytrace.comments._decode import clean


def _readings(model, text: str) -> dict[str, str]:
    """Span (lower case) -> what the decoder reads it as."""
    return {d.span.lower(): d.decoded for d in model.decoder.decode(clean(text))[0]}


@pytest.mark.parametrize(("text", "span", "words"), [
    ("I hate Muslimsso much.", "muslimsso", "muslims so"),
    ("You can never trust Jewsto be honest.", "jewsto", "jews to"),  # no hostile word needed
    ("Filthy Womenis all I see here.", "womenis", "women is"),
    ("Why are Dykesso stupid?", "dykesso", "dykes so"),  # a slur
    ("I hate Jewson the whole.", "jewson", "jews on"),  # a name's ending ("-on"), read in a hostile sentence
])
def test_capitalised_group_name_glued_to_a_function_word_is_read(model, text, span, words):
    assert _readings(model, text).get(span) == words


@pytest.mark.parametrize("text", [
    "Mr Jewson is the new head of our school.",
    "We bought timber at Jewson on Friday.",
    "We watched Mexicana flights land all day.",
    "Gaynor and Tom opened a bakery.",
    "Christianson will chair the committee.",
    "The flight to Islamabad was late again.",
])
def test_names_holding_a_group_word_stay_names(model, text):
    assert _readings(model, text) == {}


def test_a_letter_that_begins_the_next_word_is_not_joined_to_a_word_before_it(model):
    got = _readings(model, "Muslims hate the e mail I sent.")
    assert "the e" not in got
    assert got.get("e mail") == "email"


def test_a_letter_ending_a_broken_word_is_still_joined(model):
    assert _readings(model, "Thro w all women out of this country.").get("thro w") == "throw"


@pytest.mark.parametrize(("text", "span", "words"), [
    ("We have to get Jews out ofour country.", "ofour", "of our"),  # not "four": a dropped first letter is no swap
    ("It is a shame Jews exist atall.", "atall", "at all"),  # not "tall"
    ("My town is full of Jews and Ihate it.", "ihate", "i hate"),  # a capitalised "I" run onto a hostile word
])
def test_common_words_run_together_in_a_sentence_naming_a_group(model, text, span, words):
    assert _readings(model, text).get(span) == words


def test_a_swap_of_the_first_two_letters_is_still_repaired(model):
    assert _readings(model, "Muslims are ahte full.").get("ahte") == "hate"


def test_names_beginning_with_i_stay_names(model):
    assert _readings(model, "I met Ivan and Iman today.") == {}


@pytest.mark.parametrize(("text", "span", "word"), [
    ("A jew will s ell his own mother.", "s ell", "sell"),  # "will sell", not "wills ell"
    ("Muslims write the article s hows.", "s hows", "shows"),
    ("I despise women wit h all my heart.", "wit h", "with"),  # "with all", not "wit hall"
    ("I'd kick the m all out, those Jews.", "the m", "them"),  # "them all", not "the mall"
])
def test_a_single_letter_joins_the_side_that_reads_as_more_frequent_words(model, text, span, word):
    assert _readings(model, text).get(span) == word
