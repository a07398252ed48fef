"""The decoder's spelling rules (revision 3.7): real text stays real, spelling variations of terms are read.

The misreads below were found by decoding the comments of the train half of the Dragnet pages and English neutral
news sentences (training/spelling_probes.py measures both); every case failed before the rule it tests.
"""

from __future__ import annotations

import pytest

from storytrace.comments._decode import Decoder, clean
from storytrace.comments._lexicon import load_lexicon, load_word_frequencies


def _decoded(model, text: str) -> dict[str, str]:
    """Span (lower case) -> decoded text."""
    return {d.span.lower(): d.decoded for d in model.decoder.decode(clean(text))[0]}


def test_the_shipped_decoder_has_the_spelling_rules(model):
    assert model.decoder.spelling and len(model.decoder.common) > 40_000


def test_spelling_rules_are_off_without_the_context_check():
    # older revisions (no context floor) decode as they did
    dec = Decoder(load_lexicon(), clitics=True, names=True, freq=load_word_frequencies(), freq_floor=2.5,
                  freq_margin=0.5)
    assert not dec.spelling and dec.common == {}


@pytest.mark.parametrize("text", [
    "it becomes a $50k expense useful for one excursion", "cheap dwellings that cost less than $20k to build",
    "Rx'd 1hr 29 min 22sec Partitioned as 5 rounds of 30 burpee pull-ups", "I believe 200k is referring to the cacique",
    "This year marks the 73rd consecutive television broadcast", "The store manager told News4 the man had a gun",
    "the market is projected to grow by US$3.1 Billion", "a US$2 trillion stimulus measure", "@Sean because he is a bully",
])
def test_amounts_numbers_and_handles_are_not_leetspeak(model, text):
    assert _decoded(model, text) == {}


def test_leetspeak_between_letters_is_still_read(model):
    assert _decoded(model, "those j3ws and z10n1sts")["z10n1sts"] == "zionists"
    assert "m0slems" in _decoded(model, "m0slems out")


@pytest.mark.parametrize("text", [
    "I'm going to cook today. The burger place next door is closed",  # a slur that is a common word is no context
    "the agency is continuing to monitor, assess and respond to cases",
    "thanks agian man", "incites people to do something ilegal like that", "the assain was never caught",
    "Part of me thinks you buried the lede. Stupid editors.", "the starter motor has stoped. What a stupid car.",
])
def test_common_words_and_their_misspellings_are_not_disguises(model, text):
    assert _decoded(model, text) == {}


def test_a_misspelt_common_word_is_still_read_in_a_hostile_sentence(model):
    # the context rule of revision 3.5 applies: a slur or insult written out in the same sentence
    assert _decoded(model, "ilegal scum, every one of them")["ilegal"] == "illegals"


def test_hostile_context_must_be_in_the_same_sentence(model):
    text = "We cook every sunday. That referee was an idiot."
    assert "cook" not in _decoded(model, text)
    assert _decoded(model, "you idiot, go cook yourself")["cook"] == "cock"


@pytest.mark.parametrize("text", [
    "the Israel-U.S talks resumed", "How-to's, infographics and press releases", "non-violent triggers",
    "a nonviolent one", "I always say to him...you forgot to lock the door", "the real issue...a tip may save a life",
    "turning 40 in 2 years...a crazy thought", "Very very thanks you teach us.you are great",
    "a mutual no-sue contract", "Mamma mia, había quedado fascinada", "pasé a convertirme en una más",
])
def test_words_joined_by_punctuation_and_accented_words_are_words(model, text):
    assert _decoded(model, text) == {}


# the last five guard the Viterbi segmentation added with the rules (rare words are not run-together words)
@pytest.mark.parametrize("text", [
    "OCLC will be assessing its succession planning", "they have spent years trashing the law",
    "when would you suggest listening to damning advice", "no bitchier way to end a discussion",
    "what IDEs do, like debuggers", "MAiD must be provided at hospices", "Is Jernigan allowed to practice",
    "flashes psychodelic messages", "you look stunnig!",
])
def test_real_words_are_not_split_into_terms(model, text):
    assert not any(" " in v for v in _decoded(model, text).values()), text


@pytest.mark.parametrize("text,span,decoded", [
    ("ihatemuslims", "ihatemuslims", "i hate muslims"), ("killallmuslims now", "killallmuslims", "kill all muslims"),
    ("i hate mus lims", "mus lims", "muslims"), ("what a f ag", "f ag", "fag"), ("i hate jwes", "jwes", "jews"),
    ("umslims out", "umslims", "muslims"),
    ("deport the pakistnis", "pakistnis", "pakistanis"), ("deport the pakisan lot", "pakisan", "pakistan"),
    ("ban tras people from toilets", "tras", "trans"), ("ejws are parasites", "ejws", "jews"),
    ("orma kids beg", "orma", "roma"), ("a ejw will sell", "ejw", "jew"), ("the jws have", "jws", "jews"),
    ("ban sikh s from the police", "sikh s", "sikhs"), ("mexicansshouldn't vote", "mexicansshouldn't", "mexicans shouldn't"),
    ("the jewshave always", "jewshave", "jews have"), ("Ihate women", "ihate", "i hate"),
])
def test_spelling_variations_are_read(model, text, span, decoded):
    assert _decoded(model, text).get(span) == decoded


# guards of the fragment joining added with the rules
@pytest.mark.parametrize("text", [
    "partitioned as 5 rounds", "georgia's 748 bridges", "go ok then", "black people live here", "a wonk at the treasury",
    "kill all weeds", "Good Luck! Jes <3", "the gas bill", "niggah please", "he met Romanowski",
])
def test_neighbouring_words_are_not_joined_into_terms(model, text):
    assert _decoded(model, text) == {}


def test_decoding_is_the_same_in_every_process():
    """String hashing differs between processes; a decoding must not depend on set order ("pakistansi" is one
    edit from both "pakistani" and "pakistanis")."""
    import os
    import subprocess
    import sys

    code = ("from storytrace.comments import load_model\n"
            "print([d.decoded for d in load_model().decoder.decode('i hate pakistansi and what they did')[0]])")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "3")}
    assert len(seen) == 1


@pytest.mark.parametrize(("text", "word"), [
    ("stop pretendnig muslims are terrorists", "pretendnig"), ("they are spendnig our money you idiots", "spendnig"),
    ("quit defendnig these filthy scum", "defendnig"),
])
def test_a_common_word_with_two_letters_swapped_is_not_split_into_a_slur(model, text, word):
    # 3.7c: "pretendnig" is "pretending" mistyped, not "pretend nig", even in a hostile sentence
    assert word not in _decoded(model, text)


def test_a_run_together_hate_phrase_and_a_swapped_swear_word_are_still_read(model):
    assert _decoded(model, "ihatemuslims and their lies") == {"ihatemuslims": "i hate muslims"}
    assert _decoded(model, "you fcuking moron") == {"fcuking": "fucking"}
