"""The non-English lexicon rule steps aside where its hostile word is quoted or negated, or where the comment
condemns, reports or defends (``_multi_context``, session 12); plain attacks keep it."""

import pytest

from storytrace.comments import CommentModel, score_texts
from storytrace.comments._multi_context import COUNTER, NEGATED
from tests.comments.conftest import context


@pytest.mark.parametrize(("text", "lang"), [
    ("Les réfugiés ne sont pas des parasites, ils travaillent comme tout le monde.", "fr"),
    ("Gli zingari non sono ladri per natura.", "it"),
    ("Vluchtelingen zijn geen parasieten.", "nl"),
    ("Os ciganos não são ladrões, são vizinhos.", "pt"),
    ("移民不是寄生虫。", "zh"),
    ("Sur le mur de l'école : « les Arabes dehors ». La mairie a porté plainte.", "fr"),
])
def test_a_quoted_or_negated_hostile_word_is_defused(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) == NEGATED


@pytest.mark.parametrize(("text", "lang"), [
    ("Les réfugiés sont des parasites, ils ne travaillent jamais.", "fr"),
    ("Les réfugiés ne sont pas des humains, ce sont des parasites.", "fr"),
    ("Gli zingari sono ladri per natura.", "it"),
    ("Os ciganos são ladrões.", "pt"),
    ("移民就是寄生虫。", "zh"),
])
def test_a_plain_or_dehumanising_attack_is_not(text: str, lang: str, lexicon) -> None:
    assert context(text, lang, lexicon) is None


def test_condemnation_counts_unless_it_is_denied(lexicon) -> None:
    assert context("Prétendre que les Roms sont des voleurs, c'est du racisme ordinaire.", "fr", lexicon) == COUNTER
    assert context("Ce n'est pas du racisme : les Roms sont des voleurs.", "fr", lexicon) is None
    assert context("Non tutti i musulmani sono terroristi.", "it", lexicon) == COUNTER
    assert context("说穆斯林是寄生虫就是偏见。", "zh", lexicon) == COUNTER


@pytest.fixture(scope="module")
def model() -> CommentModel:
    return CommentModel.load()


def test_the_model_leaves_negated_and_reported_hate_to_the_heads(model: CommentModel) -> None:
    texts = ["Les réfugiés ne sont pas des parasites, ils travaillent comme tout le monde.",
             "Prétendre que les Roms sont des voleurs, c'est du racisme ordinaire.",
             "Les réfugiés sont des parasites, ils ne travaillent jamais."]
    heads = model.learned_probabilities(texts, ["fr"] * 3)[:, 2]
    negated, counter, attack = score_texts(texts, model, languages=["fr"] * 3)
    # revision 3.9 lifted the first two by the rule's noisy-OR (0.75 of 0.6 / 0.8) above what the heads read; since
    # revision 3.11 the heads' reading is halved there too (they see the hostile word, not its context)
    assert negated["scores"]["identity_attack"] == pytest.approx(0.5 * heads[0], abs=1e-3)
    assert counter["scores"]["identity_attack"] == pytest.approx(0.5 * heads[1], abs=1e-3)
    assert not [e for e in negated["evidence"] + counter["evidence"] if e["category"] == "identity_attack"]
    assert attack["scores"]["identity_attack"] >= max(0.6, heads[2] + 0.05)


@pytest.mark.parametrize(("text", "lang"), [
    ("Amanhã há um debate sobre a história do movimento negro no Brasil.", "pt"),
    ("Vanavond is er een documentaire over oudere homo's in Utrecht.", "nl"),
])
def test_a_languages_everyday_group_name_is_not_an_english_slur(text: str, lang: str, model: CommentModel) -> None:
    [out] = score_texts([text], model, languages=[lang])
    assert out["scores"]["identity_attack"] < 0.5  # revision 3.9: 0.8 (English slur list)
    assert not out["evidence"]


def test_an_english_slur_in_italian_is_still_one(model: CommentModel) -> None:
    [out] = score_texts(["Quel negro non doveva nemmeno entrare."], model, languages=["it"])
    assert out["scores"]["identity_attack"] >= 0.8
