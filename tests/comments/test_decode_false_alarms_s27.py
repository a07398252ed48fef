"""Decoder 3.21 (session 27): causes of decoded-word false alarms on real blog comments, and two spacing misses.

- a common word derived by a class-changing ending ("fairly", the adverb of "fair") is no slip of a term ('fairy');
- a common verb form of a slur noun ("crippled by debt") is the verb, not the slur;
- a run-together word whose rest falls apart into short rare pieces is a coinage ("STUPIDnomics", not "stupid nom ics");
- "a" or "i" run onto a group's name is two words ("ajew" -> "a jew", "hindusi" -> "hindus i", not 'hindus' misspelt).
Disguises keep their readings. The sentences are the project's own; none comes from an eval set."""

from __future__ import annotations

import pytest

from storytrace.comments._decode import clean


def _decoded(model, text: str) -> dict[str, tuple[str, str]]:
    """Span (lower case) -> (decoded, kind)."""
    return {d.span.lower(): (d.decoded, d.kind) for d in model.decoder.decode(clean(text))[0]}


@pytest.mark.parametrize("text", [
    "it's fairly basic, but you get shit-tons of space for the price",
    "the damn thing works fairly well",
    "the networks are crippled by debt and their worthless management",
    "a crippling tax on small shops, the idiots",
    "bc STUPIDnomics will ruin us all, pig bellies and corn",
])
def test_ordinary_words_are_not_read_as_terms(model, text):
    assert _decoded(model, text) == {}


@pytest.mark.parametrize(("text", "span", "decoded"), [
    ("follow the money and you'll find ajew at the end of it", "ajew", "a jew"),
    ("most of the hindusi know are horrified by the violence", "hindusi", "hindus i"),
])
def test_a_one_letter_word_run_onto_a_group_name_is_split(model, text, span, decoded):
    assert _decoded(model, text)[span] == (decoded, "deleted_space")


@pytest.mark.parametrize(("text", "span", "decoded"), [
    ("what a crippel", "crippel", "cripple"),
    ("you filthy fagots", "fagots", "faggot"),
    ("stupidjews everywhere", "stupidjews", "stupid jews"),
    ("ihatemuslims", "ihatemuslims", "i hate muslims"),
    ("our street has ajewish family", "ajewish", "a jewish"),
])
def test_disguises_keep_their_readings(model, text, span, decoded):
    assert _decoded(model, text)[span][0] == decoded


@pytest.mark.parametrize(("text", "span", "decoded"), [
    ("kill the mu s lim s before they spread", "mu s lim s", "muslims"),
    ("the mus lim s are here", "mus lim s", "muslims"),
])
def test_a_plural_s_spelled_apart_after_fragments_is_the_ending(model, text, span, decoded):
    assert _decoded(model, text)[span] == (decoded, "inserted_spaces")
