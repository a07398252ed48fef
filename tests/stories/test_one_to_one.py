"""Each claim is used in at most one aligned pair, and a question never agrees with a statement
(review s13 h4, fixer f3 #1)."""

import numpy as np
import pytest

from storytrace.stories.compare import align, is_question

from .conftest import compare_shells, shell


@pytest.mark.parametrize(("score", "pairs"), [
    # two columns whose best row is the same: only the better pair is kept
    ([[0.9, 0.8], [0.1, 0.2]], [(0, 0)]),
    # the row taken by the best pair leaves the second column its next best row
    ([[0.9, 0.8], [0.1, 0.7]], [(0, 0), (1, 1)]),
    ([[0.5, 0.4]], []),
])
def test_align_is_one_to_one_best_pairs_first(score, pairs):
    found = align(np.array(score, dtype=np.float32))
    assert [(r, c) for r, c, _ in found] == pairs


@pytest.mark.parametrize(("text", "question"), [
    ("Corona: Bei der Impfstoffsuche auf Tierversuche verzichten?", True),
    ("Will the airline order more jets?»", True),
    ("¿Habrá una vacuna sin pruebas en animales?", True),
    ("Es wird keinen Impfstoff ohne Tierprüfung geben.", False),
    ('"Why?" he asked the minister on Monday.', False),
])
def test_is_question(text, question):
    assert is_question(text) is question


def test_a_question_headline_agrees_with_no_statement_and_no_claim_pairs_twice(encoder):
    asking = shell("a", "Corona: Bei der Impfstoffsuche auf Tierversuche verzichten?",
                   "Aktivisten fordern am Aktionstag in Köln mehr Alternativen zu Tierversuchen.",
                   language="de")
    telling = shell("b", "Tierversuche für Corona-Impfstoffe unverzichtbar",
                    "Wissenschaftler sagen: Es wird keinen Impfstoff ohne Tierprüfung geben.",
                    "Impfstoffe werden es jedoch ohne Tierversuche nicht geben, sagen Wissenschaftler.",
                    language="de")
    for base, other in ((asking, telling), (telling, asking)):
        result = compare_shells(encoder, base, other)
        pairs = result["agree"] + result["contradict"] + result["possible"]
        assert not any(e["base"].endswith("?") != e["other"].endswith("?") for e in pairs)
        assert len({e["base"] for e in pairs}) == len(pairs)
        assert len({e["other"] for e in pairs}) == len(pairs)
        assert result["counts"]["added"] + len(pairs) == result["counts"]["other_claims"]
        assert result["counts"]["dropped"] + len(pairs) == result["counts"]["base_claims"]


def test_two_questions_may_agree(encoder):
    base = shell("a", "Will the city ban diesel cars from the centre next year?",
                 "The council debated a ban on diesel cars in the city centre on Monday.")
    other = shell("b", "Will the city ban diesel cars from its centre next year?",
                  "The council discussed banning diesel cars from the city centre on Monday.")
    result = compare_shells(encoder, base, other)
    assert any(e["base"].endswith("?") and e["other"].endswith("?") for e in result["agree"])
