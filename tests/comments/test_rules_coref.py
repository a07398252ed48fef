"""Session 20 (helper "hate3"): a group referred back to by "such people" / "people like that" in a later clause,
and hate asked as a question ("why do X even exist?", "what the hell is wrong with X?", "isn't it time we got rid of
X?", "how many more X do we have to put up with?", "explain why X deserve rights"). Sentences written for this test
(not from any eval set, not lines of the probe files). Every test fails on the code before session 20: the hateful
lines scored under 0.5 there, and the reading tests import ``_rules_coref``, which did not exist."""

from __future__ import annotations

import pytest

from tests.comments.conftest import scores as _scores


@pytest.mark.parametrize("text", [
    "the muslims in town opened a new mosque. such people are pathetic",
    "the trans people next door got a new dog. people like that are pathetic",
    "the school now has trans people teaching. i despise people like that",
    "why do refugees even exist?",
    "seriously why do refugees have to exist at all?",
    "what the fuck is wrong with mexicans?",
    "what is wrong with trans people??",
    "isn't it about time we got rid of the muslims?",
    "wouldn't it be nice if we could finally get rid of all the gay people?",
    "how many more immigrants are we supposed to put up with?",
    "why should we tolerate trans people at all?",
    "can anyone explain why black people deserve respect?",
])
def test_hate_by_reference_or_question_is_an_identity_attack(model, text):
    assert _scores(model, text)["identity_attack"] >= 0.5


def _reading(lexicon, text):
    """What the two readings find in ``text``: the referring phrases' first tokens and the question evidence words."""
    from storytrace.comments import _rules, _rules_coref

    norm = text.lower()
    words = [(m.start(), m.end(), m.group()) for m in _rules._WORD.finditer(norm)]
    toks = [w for _, _, w in words]
    clause = _rules._clauses(norm, words)
    neg = _rules._negations(toks)
    ends = _rules._sentence_ends(norm)
    return toks, clause, neg, _rules_coref, lambda gi: _rules._asked(ends, words[gi][1])


@pytest.mark.parametrize("text, group, expected", [
    ("muslims moved in. such people are vile", "muslims", ["such"]),
    ("muslims moved in. people like that are vile", "muslims", ["people"]),
    # another person holds the reference: the attackers, a named person, plural people nouns
    ("muslims were attacked at the mosque. people like that are cowards", "muslims", []),
    ("my boss hates muslims. people like that are the worst", "muslims", []),
    ("the racists marched against muslims. such people are scum", "muslims", []),
    ("muslims were chased by thugs. people like that should be jailed", "muslims", []),
    # "people like that guy": "that" is a determiner, no referring phrase
    ("muslims moved in. people like that guy are rare", "muslims", []),
])
def test_referring_phrases(lexicon, text, group, expected):
    toks, clause, _, coref, _ = _reading(lexicon, text)
    gi = toks.index(group)
    assert [toks[k] for k in coref.referring_phrases(toks, clause, {gi}, gi)] == expected


@pytest.mark.parametrize("text, group, hit", [
    ("why do muslims even exist?", "muslims", True),
    ("why do muslims exist in every country?", "muslims", False),
    ("what the hell is wrong with muslims?", "muslims", True),
    ("what is wrong with muslims getting married?", "muslims", False),
    ("what's wrong with muslims? nothing at all", "muslims", False),
    ("isn't it time we got rid of muslims?", "muslims", True),
    ("isn't it time we got rid of the muslim ban?", "muslim", False),
    ("why do some people want to get rid of muslims?", "muslims", False),
    ("how many more muslims do we have to put up with?", "muslims", True),
    ("how many more muslims have to die before we act?", "muslims", False),
    ("why should we tolerate muslims?", "muslims", True),
    ("why should we tolerate attacks on muslims?", "muslims", False),
    ("can someone explain why muslims deserve rights?", "muslims", True),
    ("can someone explain why muslims deserve less than us?", "muslims", False),
    # not a question: nothing asked
    ("what is wrong with muslims.", "muslims", False),
])
def test_asked_hate(lexicon, text, group, hit):
    toks, clause, neg, coref, asked = _reading(lexicon, text)
    gi = toks.index(group)
    assert bool(coref.asked_hate(toks, neg, clause, gi, gi + 1, asked(gi))) is hit


@pytest.mark.parametrize("text", [
    "i'm going to beat the shit out of every jew on my street",
    "tonight we kick the crap out of a few immigrants",
    "mark my words, i will make sure these refugees suffer",
    "let's make sure the mexicans here suffer for it",
])
def test_profane_violence_and_ensured_harm_at_a_group_are_threats(model, text):
    s = _scores(model, text)
    assert s["identity_attack"] >= 0.5 and s["threat"] >= 0.5


@pytest.mark.parametrize("text, group, hit", [
    ("i'm going to beat the shit out of every jew", "jew", True),
    ("the police beat the shit out of two jews yesterday", "jews", False),  # told, no intent
    ("he tried to beat the crap out of a jew", "jew", False),  # someone else's attempt
    ("i would never beat the shit out of a jew", "jew", False),  # negated
    ("i will make sure the jews suffer", "jews", True),
    ("i will make sure the jews get a warm meal", "jews", False),
    ("we must make sure the jews never suffer this again", "jews", False),
    ("i'll make sure the jews pay less tax", "jews", False),
])
def test_profane_harm_reading(lexicon, text, group, hit):
    toks, clause, neg, coref, _ = _reading(lexicon, text)
    gi = toks.index(group)
    assert bool(coref.profane_harm(toks, neg, clause, gi, gi + 1)) is hit
