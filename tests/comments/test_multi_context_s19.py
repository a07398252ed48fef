"""Session 19 context cues of ``_multi_context``: other senses of a hostile word, violent verbs aimed at the
speaker, group words that name an animal, sentence-initial attributions ("Traiter les X de ...") unless endorsed or
denied, phrases that name hate ("c'est de la haine") unless the commenter speaks of their own feeling, French
"homo(s)" as an everyday name."""

import pytest

from storytrace.comments import CommentModel, score_texts
from storytrace.comments._multi_context import COUNTER, NEGATED
from tests.comments.conftest import context


@pytest.mark.parametrize(("text", "lang"), [
    ("Una ragazza nera è stata insultata fuori da un bar del centro, i carabinieri indagano.", "it"),  # outside
    ("Al di fuori della scuola i ragazzi rom giocano a calcio con tutti.", "it"),
    ("Três imigrantes foram ouvidos pela comissão sobre habitação.", "pt"),  # 'foram' = were, not 'fora'
    ("Mijn Turkse schoonvader vermoordt me als ik zijn auto weer kras.", "nl"),  # at the speaker
    ("Les frelons asiatiques ont envahi la ruche, il faut les exterminer.", "fr"),  # an insect's origin
])
def test_a_hostile_word_in_another_sense_is_covered(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) == NEGATED  # session 18 code: None


@pytest.mark.parametrize(("text", "lang"), [
    ("Les trans me dégoûtent, je ne veux pas les voir.", "fr"),  # the speaker disgusted, not a violent verb at them
    ("Gli africani sono come i calabroni neri, bisogna bruciarli tutti.", "it"),  # a group word outside the insect
    ("Fuori dall'Italia gli zingari, subito.", "it"),  # "fuori dal" + a country: exclusion, not "outside"
])
def test_the_attack_keeps_the_rule(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) is None


@pytest.mark.parametrize(("text", "lang"), [
    ("Chiamare i rom parassiti è il linguaggio di chi li vuole cacciare.", "it"),
    ("Traiter les Arabes de vermine, voilà ce qu'on lit tous les jours sous les articles.", "fr"),
    ("Zeggen dat moslims ongedierte zijn hoort nergens thuis.", "nl"),
    ("把难民称为寄生虫的人应该反省。", "zh"),
    ("Souhaiter la mort aux musulmans en ligne, c'est de la haine.", "fr"),
])
def test_talking_about_the_words_is_counter_speech(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) == COUNTER  # session 18 code: None


@pytest.mark.parametrize(("text", "lang"), [
    ("Traiter les Roms de voleurs ? C'est juste la vérité.", "fr"),  # endorsed
    ("Chiamare gli zingari criminali non è razzismo, sono i dati.", "it"),  # denied to be hate
    ("Ce que je ressens pour les Arabes, c'est de la haine.", "fr"),  # the commenter's own hatred
])
def test_endorsed_denied_or_owned_hate_is_not(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) is None


@pytest.fixture(scope="module")
def model() -> CommentModel:
    return CommentModel.load()


def test_french_homo_is_an_everyday_name(model: CommentModel) -> None:
    [out] = score_texts(["Mon voisin homo m'a prêté sa perceuse hier, très sympa."], model, languages=["fr"])
    assert out["scores"]["identity_attack"] < 0.5  # session 18: 0.8 (English slur list)
    [out] = score_texts(["Les homos sont des dégénérés."], model, languages=["fr"])
    assert out["scores"]["identity_attack"] >= 0.5
