"""Session 27 (helper "dutch"): Dutch hate the multilingual rule missed and Dutch counter-speech it misread.

Missed: "minder waard", "deugen niet", "profiteurs", "afgemaakt worden", "tegen de muur", the slur "mocro", the
group "mensen met een beperking", a denial of rights with the modal after it ("geen rechten zouden moeten hebben"),
"geen respect verdiend" and the hate question "wie wil er nou naast X wonen?". Misread: "ik haat het hoe/dat ..."
(the commenter hates a way of speaking, not the group) and "al die haat tegen X" (names hate)."""

import pytest

from storytrace.comments import CommentModel


def rule(model: CommentModel, text: str) -> tuple[float, bool]:
    score, _, _, defused = model._multilingual_rule(text, "nl")
    return score, defused


@pytest.mark.parametrize("text", [
    "Eerlijk gezegd zijn moslims gewoon minder waard dan wij.",
    "Asielzoekers deugen niet, dat zie je elke dag.",
    "Die Marokkanen zijn allemaal profiteurs en uitvreters.",
    "Alle joden moeten afgemaakt worden.",
    "Homo's zou je tegen de muur moeten zetten.",
    "Weer zo'n smerige mocro in de trein.",
    "Mensen met een beperking zijn nutteloos voor de maatschappij.",
    "Ik vind dat migranten geen rechten zouden moeten krijgen.",
    "Vrouwen hebben geen respect verdiend.",
    "Wie wil er nou naast moslims wonen? Niemand.",
])
def test_dutch_hate_fires_the_rule(model: CommentModel, text: str) -> None:
    score, defused = rule(model, text)
    assert score >= 0.6 and not defused  # cc26817: 0.0


@pytest.mark.parametrize("text", [
    "Ik haat het hoe mensen hier over vluchtelingen praten.",
    "Ik haat het dat moslims hier steeds worden weggezet.",
    "Al die haat tegen homo's in deze reacties, ik word er moe van.",
    "Hou toch op met die haatdragende onzin over joden.",
])
def test_dutch_counter_speech_is_defused(model: CommentModel, text: str) -> None:
    score, defused = rule(model, text)
    assert score == 0.0 or defused  # cc26817: the rule fires undefused


@pytest.mark.parametrize("text", [
    "Ik haat moslims, het zijn allemaal profiteurs.",
    "Ik haat het als ik joden zie, ze moeten weg.",
])
def test_own_hatred_still_fires(model: CommentModel, text: str) -> None:
    score, defused = rule(model, text)
    assert score >= 0.6 and not defused
