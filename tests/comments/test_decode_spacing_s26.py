"""Session 26 (helper spacing): words run together and words spread apart.

A group's name spread over a fragment and two or more single letters ("r e fu g e e s", "mus l i m s") is read whole
even when a fragment is a common word; the words of a run-together split count as hostile evidence as written words
do ("yankee pigsout"); two run-together words with a function word are repaired in a sentence that names a group
("andcrooks"); "i" or "a" glued to a very common word is no reading by sound ("iwork" is not 'orcs'); a capitalised
slur glued to a name ending is a name unless the sentence is hostile ("GOOKIN", "Fagin"); a group's name read by
sound keeps its first vowel ("Issan" is not 'asian')."""
import pytest

from storytrace.comments import score_texts


def _out(model, text):
    return score_texts([text], model, languages=["en"], calibration="training")[0]


def _decoded(model, text):
    return {d["span"]: d["decoded"] for d in _out(model, text)["decoded"]}


@pytest.mark.parametrize(("text", "span", "word"), [
    ("r e fu g e e s are parasites", "r e fu g e e s", "refugees"),
    ("honestly mus l i m s are the worst", "mus l i m s", "muslims"),
    ("m u s li ms are parasites", "m u s li ms", "muslims"),
    ("w o men are vile", "w o men", "women"),
])
def test_a_name_spread_over_fragments_and_letters_is_read_whole(model, text, span, word):
    assert _decoded(model, text).get(span) == word
    assert _out(model, text)["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", ["I met a m u s l i m at work", "Black p e o p l e are welcome here.",
                                  "is it rude to ask a t r a n s person their old name?"])
def test_an_article_or_a_spaced_phrase_is_not_a_spread_out_name(model, text):
    assert _out(model, text)["scores"]["identity_attack"] < 0.5


def test_the_words_of_a_split_are_hostile_evidence(model):
    assert _out(model, "yankee pigsout of our country")["scores"]["identity_attack"] >= 0.5


@pytest.mark.parametrize(("text", "span", "words"), [
    ("muslims are all thugs andcrooks", "andcrooks", "and crooks"),
    ("all women are cheatersand liars", "cheatersand", "cheaters and"),
    ("Black people deserve equalrights.", "equalrights", "equal rights"),
])
def test_two_run_together_words_with_a_function_word_are_repaired(model, text, span, words):
    assert _decoded(model, text).get(span) == words


def test_i_glued_to_a_common_word_is_no_sound_reading(model):
    out = _out(model, "iwork with a lot of immigrants and most of them are just tired")
    assert "orcs" not in {d["decoded"] for d in out["decoded"]}
    assert out["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text", ["GOOKIN won the regional chess title on Sunday.",
                                  "The report was written by Dr. Fagin and two colleagues.",
                                  "I was far more blown away by Issan food than by the rest"])
def test_names_are_not_slurs_or_group_names(model, text):
    assert _out(model, text)["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize(("text", "span", "words"), [
    ("kill every gookin the village", "gookin", "gook in"),
    ("I met two Faggotsat the park today.", "Faggotsat", "faggots at"),
    ("never met an honest gypsyin my life", "gypsyin", "gypsy in"),
])
def test_glued_slurs_stay_read(model, text, span, words):
    assert _decoded(model, text).get(span) == words
