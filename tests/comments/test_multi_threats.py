"""Threats and calls for violence in other languages (``_multi_threat``, session 13): a violent act against a
named group gets a threat score and the lexicon rule's identity score; one at "you" a threat score only; idioms
aimed at the speaker, condemnations and what nobody should suffer get neither. Where the context defuses the
lexicon rule, the embedding heads' identity score is halved too."""

import pytest

from storytrace.comments import CommentModel, score_texts
from storytrace.comments._multi_threat import read_threat


def scores(model: CommentModel, text: str, lang: str) -> dict[str, float]:
    return score_texts([text], model, languages=[lang])[0]["scores"]


@pytest.mark.parametrize(("text", "lang", "group"), [
    ("Il faudrait fusiller tous les gitans du quartier.", "fr", "roma"),
    ("Bisognerebbe impiccarli tutti, questi islamici.", "it", "muslims"),
    ("Al die asielzoekers moeten opgehangen worden.", "nl", "immigrants"),
    ("Tinha que enforcar esses ciganos todos.", "pt", "roma"),
    ("应该把这些同性恋全部拉出去枪毙。", "zh", "lgbt"),
])
def test_multi_threats_reads_a_call_for_violence_and_its_group(text: str, lang: str, group: str, lexicon) -> None:
    read = read_threat(text, lang, lexicon.multi_groups[lang])
    assert read.cues and read.group == group


@pytest.mark.parametrize(("text", "lang"), [
    ("Ma sœur va me tuer si je rate encore son mariage.", "fr"),
    ("Mijn vrouw vermoordt me als ik het vergeet.", "nl"),
    ("Meine Frau bringt mich um, wenn ich das vergesse.", "de"),
    ("我老婆会杀了我的。", "zh"),
    ("Personne ne devrait se faire tabasser parce qu'il est gay.", "fr"),
])
def test_multi_threats_idioms_at_the_speaker_and_protection_are_no_cue(text: str, lang: str, lexicon) -> None:
    assert not read_threat(text, lang, lexicon.multi_groups[lang]).cues


@pytest.mark.parametrize(("text", "lang"), [
    ("Il faudrait fusiller tous les gitans du quartier.", "fr"),
    ("Questi froci bisognerebbe impiccarli in piazza.", "it"),
    ("Al die asielzoekers moeten opgehangen worden.", "nl"),
    ("Tinha que enforcar esses ciganos todos.", "pt"),
])
def test_multi_threats_against_a_group_is_a_threat_and_an_identity_attack(model: CommentModel, text: str,
                                                                          lang: str) -> None:
    s = scores(model, text, lang)
    assert s["threat"] >= 0.5 and s["identity_attack"] >= 0.5 and s["toxic"] >= 0.5


@pytest.mark.parametrize(("text", "lang"), [
    ("Si tu touches encore à mon vélo, je te casse les jambes.", "fr"),
])
def test_multi_threats_at_you_is_a_threat_not_an_identity_attack(model: CommentModel, text: str, lang: str) -> None:
    s = scores(model, text, lang)
    assert s["threat"] >= 0.5 and s["identity_attack"] < 0.5


@pytest.mark.parametrize(("text", "lang"), [
    ("Ceux qui veulent fusiller les gitans devraient finir en prison.", "fr"),
])
def test_multi_threats_condemned_violence_is_no_threat_and_no_attack(model: CommentModel, text: str,
                                                                      lang: str) -> None:
    s = scores(model, text, lang)
    assert s["threat"] < 0.5 and s["identity_attack"] < 0.5


@pytest.mark.parametrize(("text", "lang"), [
    ("Les réfugiés ne sont pas des parasites, ils travaillent comme tout le monde.", "fr"),
    ("Os refugiados não são bichos, são pessoas.", "pt"),
    ("Flüchtlinge sind keine Tiere.", "de"),
])
def test_multi_threats_defused_context_halves_the_heads(model: CommentModel, text: str, lang: str) -> None:
    assert scores(model, text, lang)["identity_attack"] < 0.5
