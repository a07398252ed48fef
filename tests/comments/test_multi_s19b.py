"""Exclusion, denial of rights and hate questions in other languages (``_multi_exclusion``, session 19): a comment
that tells a named group to leave, denies it a right, asks a question presupposing a negative trait or names it the
problem gets the lexicon rule's identity score (no threat); reports, counter-speech, ordinary questions and
sentences about something else get nothing. The multilingual group words cover more inflections."""

import pytest

from storytrace.comments import CommentModel, score_texts
from storytrace.comments._multi_exclusion import read_exclusion
from storytrace.comments._rules import names_group


def result(model: CommentModel, text: str, lang: str) -> dict:
    return score_texts([text], model, languages=[lang])[0]


@pytest.mark.parametrize(("text", "lang", "kind", "group"), [
    ("Asielzoekers horen hier niet, punt.", "nl", "exclusion", "immigrants"),
    ("Moslims zouden geen stemrecht moeten hebben.", "nl", "rights", "muslims"),
    ("Waarom zijn Turken altijd zo luidruchtig?", "nl", "question", "arabs"),
    ("Fuori gli zingari dall'Italia!", "it", "exclusion", "roma"),
    ("Gli ebrei non dovrebbero poter votare.", "it", "rights", "jews"),
    ("Perché gli immigrati sono sempre così arroganti?", "it", "question", "immigrants"),
    ("Pas de gitans dans notre village.", "fr", "exclusion", "roma"),
    ("Les homosexuels ne devraient pas pouvoir adopter.", "fr", "rights", "lgbt"),
    ("Pourquoi les musulmans sont-ils toujours aussi susceptibles ?", "fr", "question", "muslims"),
    ("Les migrants sont le problème, point final.", "fr", "problem", "immigrants"),
])
def test_reads_exclusion_rights_and_hate_questions(text: str, lang: str, kind: str, group: str, lexicon) -> None:
    read = read_exclusion(text, lang, lexicon.multi_groups[lang])
    assert kind in read.kinds and read.group == group


@pytest.mark.parametrize(("text", "lang"), [
    ("Waarom komen er meer Marokkanen naar Nederland?", "nl"),  # an ordinary question: no generaliser
    ("Honden horen hier niet, zet ze buiten.", "nl"),  # no group
    ('"Moslims zijn ratten"? Zulke reacties horen hier niet.', "nl"),  # the reaction, not the group, is excluded
    ("Quanti rom vivono in Italia?", "it"),
    ("Les disques durs sont le problème.", "fr"),
    ("I disabili non sono un peso per la società.", "it"),  # negated
    ("Waarom zouden homo's niet mogen trouwen?", "nl"),  # a rhetorical question that defends
    ("Non vedo perché i gay non dovrebbero poter adottare.", "it"),
    ("Pourquoi si peu de médecins noirs dans nos hôpitaux ?", "fr"),  # "si peu": no trait presupposed
    ("Pourquoi la mairie n'a toujours pas aidé les familles roms ?", "fr"),
    ("Waarom worden homo's nog steeds gepest op school?", "nl"),
])
def test_no_cue_without_group_generaliser_or_assertion(text: str, lang: str, lexicon) -> None:
    assert not read_exclusion(text, lang, lexicon.multi_groups[lang]).cues


@pytest.mark.parametrize(("word", "lang"), [
    ("Les homosexuels", "fr"), ("de Marokkaanse jongens", "nl"), ("een Marokkaan", "nl"), ("i cinesi", "it"),
    ("les Marocains", "fr"), ("de Surinamers", "nl"),
])
def test_group_words_cover_inflections(word: str, lang: str, lexicon) -> None:
    assert names_group(word, lang, lexicon)


@pytest.mark.parametrize(("text", "lang"), [
    ("Asielzoekers horen hier niet, ze moeten terug naar hun eigen land.", "nl"),
    ("I musulmani non dovrebbero avere il diritto di votare.", "it"),
    ("Pourquoi les Roms sont-ils toujours aussi sales ?", "fr"),
])
def test_exclusion_lifts_identity_without_a_threat(model: CommentModel, text: str, lang: str) -> None:
    out = result(model, text, lang)
    assert out["scores"]["identity_attack"] >= 0.6 - 1e-6
    assert out["scores"]["threat"] < 0.5
    assert any(e["category"] == "identity_attack" for e in out["evidence"])


@pytest.mark.parametrize(("text", "lang"), [
    ("Mijn buurman zegt dat asielzoekers hier niet horen, dat is gewoon racisme.", "nl"),
    ("Chi dice che i musulmani non dovrebbero votare è un razzista.", "it"),
    ("Ceux qui disent que les étrangers n'ont rien à faire ici sont des racistes.", "fr"),
])
def test_reported_or_condemned_exclusion_is_not_lifted(model: CommentModel, text: str, lang: str) -> None:
    out = result(model, text, lang)
    spans = {(e["start"], e["end"]) for e in out["evidence"] if e["category"] == "identity_attack"}
    read = read_exclusion(text, lang, model.lexicon.multi_groups[lang])
    assert read.cues and not spans & set(read.cues)
