"""Session 27 context cues of ``_multi_context`` (Italian and Dutch): the commenter's own verb of hatred, negated
("non odio", "ik haat X niet"); "deserve respect / rights" is not the hostile "meritano" / "verdienen"; "è puro
odio" names hate. The attacks built on the same words keep the rule."""

import pytest

from storytrace.comments._multi_context import COUNTER, NEGATED
from tests.comments.conftest import context


@pytest.mark.parametrize(("text", "lang"), [
    ("Io non odio i musulmani, ci lavoro insieme da anni.", "it"),
    ("Non li odio, gli immigrati: mi fanno solo pena le loro condizioni.", "it"),
    ("Ik haat moslims niet, ik ken er genoeg die hartstikke aardig zijn.", "nl"),
    ("Wij haten homo's niet, wat een onzin.", "nl"),
    ("Le persone trans meritano rispetto e diritti come tutti.", "it"),
    ("Vluchtelingen verdienen gewoon een eerlijke kans.", "nl"),
    ("Vrouwen verdienen dezelfde rechten als mannen.", "nl"),
])
def test_a_negated_hatred_or_a_deserved_good_is_covered(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) == NEGATED  # session 26 code: None


@pytest.mark.parametrize(("text", "lang"), [
    ("Quello che hai scritto sugli ebrei è puro odio.", "it"),
])
def test_pure_hate_names_hate(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) == COUNTER  # session 26 code: None


@pytest.mark.parametrize(("text", "lang"), [
    ("Odio i musulmani, non lo nascondo.", "it"),
    ("Gli immigrati non meritano rispetto.", "it"),
    ("Gli immigrati meritano di essere cacciati.", "it"),
    ("Ik haat moslims, niet normaal meer.", "nl"),
    ("Vluchtelingen verdienen geen respect.", "nl"),
    ("Vluchtelingen verdienen het om eruit gegooid te worden.", "nl"),
])
def test_the_attack_keeps_the_rule(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) is None
