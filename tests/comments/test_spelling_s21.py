"""Decoder 3.16 (session 21): spacing in common words and around group names. A very common word of three letters
broken or spelled apart ("ge t", "r i d", "a ll"), a word with a clitic run onto its neighbours ("can'tstand"), a two-word
group name glued to a neighbouring word ("ofblack people") and triple letters across a word boundary
("killalllesbians") are read as the words they are. Every case failed on 28eda7e. The sentences are the project's own
(training/data/comments_authored/spelling/short_frames_s21.json); none comes from an eval set."""

from __future__ import annotations

import pytest

from storytrace.comments._decode import clean


def _readings(model, text: str) -> dict[str, str]:
    """Span (lower case) -> what the decoder reads it as."""
    return {d.span.lower(): d.decoded for d in model.decoder.decode(clean(text))[0]}


@pytest.mark.parametrize(("text", "span", "words"), [
    ("We need to ge t rid of women for good.", "ge t", "get"),  # a single letter is no word
    ("Death to al l refugees.", "al l", "all"),
    ("Women are nothing b ut animals.", "b ut", "but"),
    ("I really can't stan d women.", "stan d", "stand"),
    ("We need to get r i d of women for good.", "r i d", "rid"),  # three very common letters spelled apart
    ("I really can't s t a n d women.", "s t a n d", "stand"),  # after a clitic's letter
    ("I really c an't stand women.", "c an't", "can't"),
    ("I reallycan't stand women.", "reallycan't", "really can't"),  # a clitic word glued to its neighbours
    ("I really can'tstand gay people.", "can'tstand", "can't stand"),
    ("Ireallycan'tstandwomen.", "ireallycan'tstandwomen", "i really can't stand women"),
    ("We need toget rid of women for good.", "toget", "to get"),  # five letters run together
    ("We need to get rid ofblack people for good.", "ofblack people", "of black people"),  # a glued group name
    ("Black peopleare disgusting vermin.", "black peopleare", "black people are"),
    ("Killalllesbians.", "killalllesbians", "kill all lesbians"),  # "alll" is "all" + "lesbians"
    ("Thro w all women out of this country.", "thro w", "throw"),  # the "w" ends "throw": "all" is a word
    ("Throw a ll women out of this country.", "a ll", "all"),  # two letters that are no word alone
    ("I hate black p e o p l e so much.", "black p e o p l e", "black people"),  # after a group adjective
])
def test_spacing_in_common_words_and_group_names_is_read(model, text, span, words):
    assert _readings(model, text).get(span) == words


@pytest.mark.parametrize(("text", "span", "words", "neutral"), [
    ("I reallycan't stand women.", "reallycan't", "really can't", "I reallycan't stand mondays."),  # no group named
    ("We need to ge t rid of women for good.", "ge t", "get", "Vitamin d and plan b are in the notes."),
    ("Death to al l refugees.", "al l", "all", "She bought new jewelry at the market in Scunthorpe."),
    ("We need to get rid ofblack people for good.", "ofblack people", "of black people",
     "Follow #blackfriday deals this weekend, see www.jewelrystore.com for more."),
    ("Killalllesbians.", "killalllesbians", "kill all lesbians", "The Essex and Sussex cricket teams drew again."),
])
def test_a_reading_and_its_neutral_twin(model, text, span, words, neutral):
    """The reading is made where a group is named, and nothing is read in a neutral line of the same kind."""
    assert _readings(model, text).get(span) == words
    assert _readings(model, neutral) == {}
