"""Session 28 (helper "itnl"): Italian and Dutch hate the multilingual rule missed, and hate-free lines it misread.

Missed: a cue whose sentence refers back with a pronoun to the group the sentence before names ("We hadden het over
X. Die horen hier niet."), aversion and distrust aimed at a group ("non sopporto i X", "ik kan X niet uitstaan",
"ik vertrouw X niet"), blame by riddle ("indovina chi", "drie keer raden wie"), "better off without X" and the
question "can X do anything other than ...?"; "ik haat X niet alleen" was read as a defence ("niet alle" matched
the start of "niet alleen"). Misread: disease as what befell a group ("colpiti dalla malattia", "getroffen door de
ziekte"), going back to one's family ("terug naar hun familie") and claims called nonsense ("è una stupidaggine")."""

import pytest

from storytrace.comments import CommentModel


def rule(model: CommentModel, text: str, lang: str) -> tuple[float, bool]:
    score, _, _, defused = model._multilingual_rule(text, lang)
    return score, defused


@pytest.mark.parametrize(("text", "lang"), [
    ("Ieri parlavo degli zingari con mio fratello. Quelli non dovrebbero poter votare.", "it"),
    ("Mijn buurman had het over asielzoekers. Die hebben hier niks te zoeken.", "nl"),
    ("Io non sopporto gli albanesi, sono ovunque.", "it"),
    ("Ik kan die Marokkanen echt niet uitstaan.", "nl"),
    ("Di quei rumeni non ci si può fidare.", "it"),
    ("Ik vertrouw moslims voor geen meter.", "nl"),
    ("Un altro scippo in centro, indovinate chi: i marocchini.", "it"),
    ("Alweer een overval. Raad eens wie: Roemenen.", "nl"),
    ("L'Italia starebbe molto meglio senza i musulmani.", "it"),
    ("Nederland zou veel veiliger af zijn zonder asielzoekers.", "nl"),
    ("Ma i rom sanno fare altro che rubare?", "it"),
    ("Doen zigeuners ooit iets anders dan stelen?", "nl"),
    ("Ik haat asielzoekers niet alleen, ik walg ervan.", "nl"),
])
def test_it_nl_hate_fires_the_rule(model: CommentModel, text: str, lang: str) -> None:
    score, defused = rule(model, text, lang)
    assert score >= 0.6 and not defused  # 0006690: 0.0


@pytest.mark.parametrize(("text", "lang"), [
    ("Molti anziani stranieri sono morti di malattia durante l'inverno.", "it"),
    ("Veel vluchtelingen in het kamp zijn getroffen door een ernstige ziekte.", "nl"),
    ("Veel Turken gaan in de zomer terug naar hun familie.", "nl"),
    ("Dicono che i rom siano sporchi, ma sono sciocchezze.", "it"),
    ("Ze zeggen dat asielzoekers vies zijn, maar dat is klinkklare onzin.", "nl"),
])
def test_it_nl_hate_free_lines_are_defused(model: CommentModel, text: str, lang: str) -> None:
    score, defused = rule(model, text, lang)
    assert score == 0.0 or defused  # 0006690: the rule fires undefused


@pytest.mark.parametrize(("text", "lang"), [
    ("Non sopporto il razzismo contro i musulmani.", "it"),
    ("Ik kan het niet uitstaan hoe er over vluchtelingen gesproken wordt.", "nl"),
    ("Ik had het met haar over asielzoekers. Ze werkt bij het COA.", "nl"),
    ("Gli zingari sono arrivati ieri. Loro hanno diritto a un alloggio.", "it"),
])
def test_hate_free_lines_stay_quiet(model: CommentModel, text: str, lang: str) -> None:
    score, defused = rule(model, text, lang)
    assert score == 0.0 or defused


@pytest.mark.parametrize(("text", "lang"), [
    ("Ik haat niet alleen Roemenen, ik verafschuw ze.", "nl"),
    ("Non odio solo gli zingari: li disprezzo.", "it"),
])
def test_not_only_is_no_negation(model: CommentModel, text: str, lang: str) -> None:
    score, defused = rule(model, text, lang)
    assert score == 0.8 and not defused  # 0006690: 0.0 (nl, read as a defence) / 0.6 (it, read as negated)


@pytest.mark.parametrize(("text", "lang"), [
    ("Ik haat niet alleen discriminatie van Roemenen, ik bestrijd het.", "nl"),
    ("Dire che gli albanesi sono tutti uguali è un pregiudizio.", "it"),
    ("Zeggen dat Turken allemaal hetzelfde zijn is een vooroordeel.", "nl"),
])
def test_counter_speech_halves_the_heads(model: CommentModel, text: str, lang: str) -> None:
    score, defused = rule(model, text, lang)
    assert score == 0.0 and defused  # 0006690: not defused (the heads read the claim at full weight)
